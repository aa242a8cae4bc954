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
        replace("rtb-private-a", "2600:1f18:1234:5600::/56", Target::Local),
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
