//! A VPC with both a service network association and a service-network endpoint serving the same
//! service: which answer a client gets was not found on AWS's pages (service-networks.html: a VPC
//! connects "either through an association or through a VPC endpoint"), so the path is not
//! modelled, never guessed; and the matrix after deleting the endpoint equals one evaluated anew.

use std::path::Path;

use vpc_tui::eval::{Query, Reason, Verdict, Via, evaluate, evaluate_all, evaluate_all_after};
use vpc_tui::model::{Edit, Model, WhatIf, from_ron_str};

/// `scenarios/service-network-endpoint.ron` with the VPC also associated with the endpoint's
/// service network, listing checkout (the endpoint serves it too) and a service of its own.
fn both() -> Model {
    let text = std::fs::read_to_string("scenarios/service-network-endpoint.ron").unwrap();
    let anchor = "    instances: [";
    assert!(text.contains(anchor));
    let text = text.replacen(
        anchor,
        "    service_network_association: (
        id: \"snva-0123456789abcdef0\",
        service_network: \"arn:aws:vpc-lattice:us-east-1:111122223333:servicenetwork/sn-0101abcd5432abcd0\",
        services: [\"checkout\"],
    ),
    instances: [",
        1,
    );
    let scenario = from_ron_str(&text, Path::new("both.ron")).unwrap();
    Model::new(scenario).unwrap()
}

#[test]
fn association_and_endpoint_for_one_service_is_not_modelled() {
    let m = both();
    let q = Query::parse(&m, "app-a", "checkout", false);
    let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
    assert_eq!(
        t.verdict,
        Verdict::NotModelled(Reason::DnsAnswerOutsideModel)
    );
    let dns = t
        .hops
        .iter()
        .find(|h| h.kind.code() == "dns")
        .expect("a DNS hop");
    let json = serde_json::to_string(&dns.fact).unwrap();
    assert!(json.contains("lattice_association_and_endpoint"), "{json}");
    // A service only the endpoint serves is unchanged.
    let q = Query::parse(&m, "app-a", "inventory", false);
    let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
    assert_eq!(t.verdict.via(), Some(Via::ServiceNetworkEndpoint));
}

#[test]
fn deleting_the_endpoint_leaves_the_association_and_the_matrix_follows() {
    let m = both();
    let what_if = WhatIf::default();
    let before = evaluate_all(&m, &what_if);
    let (after, _) = Edit::DeleteInterfaceEndpoint {
        id: "vpce-sn-shop".into(),
    }
    .apply(&m)
    .unwrap();
    let q = Query::parse(&after, "app-a", "checkout", false);
    let t = evaluate(&after, &what_if, &q).unwrap();
    assert_eq!(t.verdict.via(), Some(Via::ServiceNetworkAssociation));
    let incremental = evaluate_all_after(&before, &after, &what_if);
    let fresh = evaluate_all(&after, &what_if);
    assert_eq!(incremental.cells, fresh.cells);
}
