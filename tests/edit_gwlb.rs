//! Edits for ingress routing and Gateway Load Balancers, seen through the evaluator: each edit
//! changes the verdict the way AWS would, and its inverse restores the scenario exactly.

use std::path::Path;

use vpc_tui::eval::{Query, Reason, Verdict, Via, evaluate};
use vpc_tui::model::{Edit, Model, load_file};

fn model() -> Model {
    load_file(Path::new("scenarios/gwlb-symmetric.ron")).unwrap()
}

fn verdict(m: &Model, from: &str, to: &str) -> Verdict {
    evaluate(m, &m.scenario().what_if, &Query::parse(m, from, to, false))
        .unwrap()
        .verdict
}

fn apply(m: &Model, e: Edit) -> (Model, Edit) {
    e.apply(m).unwrap_or_else(|err| {
        panic!(
            "{}: {err}",
            vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &e)
        )
    })
}

#[test]
fn unhealthy_appliances_in_one_az_cut_that_az_until_cross_zone_is_on() {
    let m = model();
    assert_eq!(
        verdict(&m, "web-b", "sqs").via(),
        Some(Via::InternetGateway)
    );
    let (m1, undo1) = apply(
        &m,
        Edit::SetApplianceHealth {
            load_balancer: "gwlb-firewall".into(),
            az: "us-east-1b".into(),
            healthy: false,
        },
    );
    assert_eq!(
        verdict(&m1, "web-b", "sqs"),
        Verdict::Blocked(Reason::GwlbEndpointFailed)
    );
    // AZ a is untouched.
    assert_eq!(
        verdict(&m1, "web-a", "sqs").via(),
        Some(Via::InternetGateway)
    );
    let (m2, undo2) = apply(
        &m1,
        Edit::SetCrossZoneLoadBalancing {
            load_balancer: "gwlb-firewall".into(),
            enabled: true,
        },
    );
    assert_eq!(
        verdict(&m2, "web-b", "sqs").via(),
        Some(Via::InternetGateway)
    );
    let (back1, _) = apply(&m2, undo2);
    assert_eq!(back1.scenario(), m1.scenario());
    let (back0, _) = apply(&back1, undo1);
    assert_eq!(back0.scenario(), m.scenario());
}

#[test]
fn removing_the_edge_association_makes_the_return_asymmetric() {
    let m = model();
    let (m1, undo) = apply(
        &m,
        Edit::DisassociateGateway {
            route_table: "rtb-edge".into(),
            gateway: "igw-main".into(),
        },
    );
    assert_eq!(
        verdict(&m1, "web-a", "203.0.113.50"),
        Verdict::Blocked(Reason::AsymmetricReturn)
    );
    let (back, _) = apply(&m1, undo);
    assert_eq!(back.scenario(), m.scenario());
    assert_eq!(
        verdict(&back, "web-a", "203.0.113.50").via(),
        Some(Via::InternetGateway)
    );
}

#[test]
fn a_gateway_has_one_edge_route_table() {
    let m = model();
    let err = Edit::AssociateGateway {
        route_table: "rtb-firewall".into(),
        gateway: "igw-main".into(),
        position: None,
    }
    .apply(&m)
    .unwrap_err();
    assert!(
        err.to_string().contains("already associated with rtb-edge"),
        "{err}"
    );
    let err = Edit::SetApplianceHealth {
        load_balancer: "gwlb-nope".into(),
        az: "us-east-1a".into(),
        healthy: false,
    }
    .apply(&m)
    .unwrap_err();
    assert!(err.to_string().contains("gwlb-firewall"), "{err}");
}
