//! Replacing an IPv6 route's target (`ReplaceIpv6Route`, AWS's `ReplaceRoute` with
//! `DestinationIpv6CidrBlock`): the edit and its inverse, what it refuses, and `--suggest`
//! proposing it where the table has the route but its target is wrong.

use std::path::Path;

use vpc_tui::eval::{Family, Query, evaluate};
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::{Edit, Ipv6Route, Model, Target, WhatIf, from_ron_str, load_file};

const DUAL: &str = "scenarios/ipv6-dual-stack.ron";
const V6ONLY: &str = "scenarios/ipv6-only-nat64.ron";

fn edited(path: &str, from: &str, to: &str) -> Model {
    let t = std::fs::read_to_string(path).unwrap();
    assert!(t.contains(from), "{from}");
    Model::new(from_ron_str(&t.replacen(from, to, 1), Path::new(path)).unwrap()).unwrap()
}

fn replace(table: &str, destination: &str, target: Target) -> Edit {
    Edit::ReplaceIpv6Route {
        route_table: table.into(),
        route: Ipv6Route {
            destination: destination.parse().unwrap(),
            target,
        },
        position: None,
    }
}

#[test]
fn replacing_an_ipv6_route_undoes_exactly_and_refuses_what_aws_would() {
    let m = load_file(Path::new(DUAL)).unwrap();
    let q = Query::parse(&m, "app-a", "2600:1f18:abcd::1", false);
    let before = evaluate(&m, &WhatIf::default(), &q).unwrap();
    assert_eq!(before.verdict.code(), "reachable");
    let edit = replace(
        "rtb-private-a",
        "::/0",
        Target::InternetGateway("igw-1".into()),
    );
    let (after, undo) = edit.apply(&m).unwrap();
    assert_eq!(
        undo,
        replace(
            "rtb-private-a",
            "::/0",
            Target::EgressOnlyInternetGateway("eigw-1".into())
        )
    );
    let t = evaluate(&after, &WhatIf::default(), &q).unwrap();
    assert_eq!(t.verdict.via().map(|v| v.code()), Some("internet_gateway"));
    let (back, redo) = undo.apply(&after).unwrap();
    assert_eq!(back.scenario(), m.scenario());
    assert_eq!(redo, edit);
    // Described in both languages.
    for lang in [Lang::En, Lang::Ja] {
        let text = explain::edit_text(lang, &edit);
        assert!(text.contains("::/0") && text.contains("igw-1"), "{text}");
    }
    // A table without that route, the derived local route, and an unknown target are refused.
    let refused = [
        replace(
            "rtb-private-b",
            "::/0",
            Target::InternetGateway("igw-1".into()),
        ),
        // The local route's target: only a middlebox (NAT gateway, ENI, GWLB endpoint).
        replace(
            "rtb-private-a",
            "2600:1f18:1234:5600::/56",
            Target::InternetGateway("igw-1".into()),
        ),
        replace(
            "rtb-private-a",
            "::/0",
            Target::EgressOnlyInternetGateway("eigw-9".into()),
        ),
        replace(
            "rtb-nowhere",
            "::/0",
            Target::InternetGateway("igw-1".into()),
        ),
    ];
    for e in refused {
        assert!(e.apply(&m).is_err(), "{e:?}");
    }
}

/// Middlebox routing for IPv6: the local route of the VPC's IPv6 block gets a network
/// interface as its target (AWS: "You can replace the local route target with a Gateway Load
/// Balancer endpoint, a NAT gateway, or a network interface"), traffic inside the VPC then
/// goes to the appliance (outside the model for IPv6), and restoring `local` or deleting the
/// override brings the table back exactly.
#[test]
fn the_ipv6_local_route_target_is_replaced_and_restored() {
    let m = edited(
        DUAL,
        "    internet_gateway: (id: \"igw-1\"),",
        "    network_interfaces: [(id: \"eni-fw\", subnet: \"subnet-public-a\")],\n    internet_gateway: (id: \"igw-1\"),",
    );
    let block = "2600:1f18:1234:5600::/56";
    let q = Query::parse(&m, "app-a", "2600:1f18:1234:5602::10", false);
    let code = |m: &Model| evaluate(m, &WhatIf::default(), &q).unwrap().verdict.code();
    assert_eq!(code(&m), "reachable");
    let to_eni = replace(
        "rtb-private-a",
        block,
        Target::NetworkInterface("eni-fw".into()),
    );
    let (after, undo) = to_eni.apply(&m).unwrap();
    assert_eq!(undo, replace("rtb-private-a", block, Target::Local));
    let t = evaluate(&after, &WhatIf::default(), &q).unwrap();
    assert_ne!(t.verdict.code(), "reachable", "{t:?}");
    // The override is the table's only route for the block: the derived local route is gone
    // from what the table shows.
    let table = &after.scenario().route_tables;
    let own = &table
        .iter()
        .find(|t| t.id == "rtb-private-a")
        .unwrap()
        .ipv6_routes;
    assert_eq!(
        own.iter()
            .filter(|r| r.destination.to_string() == block)
            .count(),
        1
    );
    // Another table is untouched.
    let qb = Query::parse(&after, "app-b", "2600:1f18:1234:5601::10", false);
    assert_eq!(
        evaluate(&after, &WhatIf::default(), &qb)
            .unwrap()
            .verdict
            .code(),
        "reachable"
    );
    // Undo (restore local) brings the scenario back; so does deleting the override.
    // The override went after the table's `::/0` route: its redo puts it back there.
    let at = |e: &Edit, p: Option<usize>| match e.clone() {
        Edit::ReplaceIpv6Route {
            route_table, route, ..
        } => Edit::ReplaceIpv6Route {
            route_table,
            route,
            position: p,
        },
        other => other,
    };
    let (back, redo) = undo.apply(&after).unwrap();
    assert_eq!(back.scenario(), m.scenario());
    assert_eq!(redo, at(&to_eni, Some(1)));
    let delete = Edit::DeleteIpv6Route {
        route_table: "rtb-private-a".into(),
        destination: block.parse().unwrap(),
    };
    let (deleted, undelete) = delete.apply(&after).unwrap();
    assert_eq!(deleted.scenario(), m.scenario());
    assert_eq!(undelete, at(&to_eni, Some(1)));
    // An override written first in the list comes back first after a restore and its undo.
    let (first, _) = at(&to_eni, Some(0)).apply(&m).unwrap();
    let routes = |m: &Model| {
        m.scenario()
            .route_tables
            .iter()
            .find(|t| t.id == "rtb-private-a")
            .unwrap()
            .ipv6_routes
            .clone()
    };
    assert_eq!(routes(&first)[0].destination.to_string(), block);
    let (restored, back_in) = delete.apply(&first).unwrap();
    assert_eq!(restored.scenario(), m.scenario());
    let (again, _) = back_in.apply(&restored).unwrap();
    assert_eq!(routes(&again), routes(&first));
    // The local route itself is neither deleted nor added twice; restoring `local` where it
    // already is changes nothing.
    assert!(delete.apply(&m).is_err());
    let add = Edit::AddIpv6Route {
        route_table: "rtb-private-a".into(),
        route: Ipv6Route {
            destination: block.parse().unwrap(),
            target: Target::NetworkInterface("eni-fw".into()),
        },
        position: None,
    };
    let refusal = add.apply(&m).unwrap_err();
    assert!(
        explain::edit_error(Lang::En, &refusal).contains("replace its target instead"),
        "{}",
        explain::edit_error(Lang::En, &refusal)
    );
    let (same, _) = replace("rtb-private-a", block, Target::Local)
        .apply(&m)
        .unwrap();
    assert_eq!(same.scenario(), m.scenario());
    // A RON file with such a route to an internet gateway is refused when it loads.
    let text = std::fs::read_to_string(DUAL).unwrap().replacen(
        "(destination: \"::/0\", target: EgressOnlyInternetGateway(\"eigw-1\")),",
        "(destination: \"::/0\", target: EgressOnlyInternetGateway(\"eigw-1\")),\n            (destination: \"2600:1f18:1234:5600::/56\", target: InternetGateway(\"igw-1\")),",
        1,
    );
    let scenario = from_ron_str(&text, Path::new(DUAL)).unwrap();
    let errors = Model::new(scenario).unwrap_err();
    assert!(
        format!("{errors:?}").contains("invalid_local_route_target"),
        "{errors:?}"
    );
}

#[test]
fn suggest_replaces_a_blackhole_ipv6_route() {
    let m = edited(
        DUAL,
        "(destination: \"::/0\", target: EgressOnlyInternetGateway(\"eigw-1\")),",
        "(destination: \"::/0\", target: Blackhole),",
    );
    let q = Query::parse(&m, "app-a", "2600:1f18:abcd::1", false);
    let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
    assert_eq!(t.verdict.code(), "blocked", "{t:#?}");
    let s = vpc_tui::fix::suggest(&m, &WhatIf::default(), &q).unwrap();
    let want = replace(
        "rtb-private-a",
        "::/0",
        Target::EgressOnlyInternetGateway("eigw-1".into()),
    );
    assert_eq!(
        s.suggestions[0].edits,
        std::slice::from_ref(&want),
        "{:#?}",
        s.suggestions
    );
    assert!(s.suggestions[0].verdict.is_reachable());
}

#[test]
fn suggest_points_a_nat64_route_at_a_nat_gateway() {
    // v6only-b's table sends 64:ff9b::/96 itself to the egress-only gateway.
    let m = edited(
        V6ONLY,
        "(id: \"rtb-v6only-b\", name: \"v6only-b\", subnets: [\"subnet-v6only-b\", \"subnet-v6only-c\"], ipv6_routes: [",
        "(id: \"rtb-v6only-b\", name: \"v6only-b\", subnets: [\"subnet-v6only-b\", \"subnet-v6only-c\"], ipv6_routes: [\n            (destination: \"64:ff9b::/96\", target: EgressOnlyInternetGateway(\"eigw-1\")),",
    );
    let q = Query::parse(&m, "app6-b", "sns", false).with_family(Family::Auto);
    let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
    assert_eq!(t.verdict.code(), "blocked", "{t:#?}");
    let s = vpc_tui::fix::suggest(&m, &WhatIf::default(), &q).unwrap();
    let want = replace(
        "rtb-v6only-b",
        "64:ff9b::/96",
        Target::NatGateway("nat-a".into()),
    );
    assert_eq!(
        s.suggestions[0].edits,
        std::slice::from_ref(&want),
        "{:#?}",
        s.suggestions
    );
    assert!(s.suggestions[0].verdict.is_reachable());
}
