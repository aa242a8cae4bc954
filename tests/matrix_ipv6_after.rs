//! The matrix asked with a family after random edits (`evaluate_all_after` on an IPv6 or `auto`
//! matrix, which keeps the groups an edit left alone) equals the matrix evaluated whole on the
//! edited model, edit after edit: route edits (IPv4 and IPv6, NAT64 routes included), subnet
//! associations and AZ failures over the IPv6 scenarios.

use std::path::Path;

use proptest::prelude::*;

use vpc_tui::eval::{Family, evaluate_all_after, evaluate_all_family};
use vpc_tui::model::{Destination, Edit, Ipv6Route, Model, Route, Target, WhatIf, load_file};

const SCENARIOS: [&str; 3] = [
    "scenarios/ipv6-dual-stack.ron",
    "scenarios/ipv6-only-nat64.ron",
    "scenarios/ipv6-security.ron",
];

/// The edit numbered `n` for `m` (any number gives one; some are refused, and skipped).
fn edit(m: &Model, n: u32) -> Edit {
    let s = m.scenario();
    let pick = |len: usize, k: u32| (k as usize) % len.max(1);
    let table = s.route_tables[pick(s.route_tables.len(), n / 8)].id.clone();
    let v6 = |d: &str| d.parse().expect("an IPv6 CIDR");
    let v6_target = match (n / 64) % 3 {
        0 => s
            .egress_only_internet_gateways
            .first()
            .map(|g| Target::EgressOnlyInternetGateway(g.id.as_str().into())),
        1 => s
            .internet_gateway
            .as_ref()
            .map(|g| Target::InternetGateway(g.id.as_str().into())),
        _ => s
            .nat_gateways
            .first()
            .map(|g| Target::NatGateway(g.id.as_str().into())),
    }
    .unwrap_or(Target::Blackhole);
    let nat64 = matches!(v6_target, Target::NatGateway(_));
    let dest = if nat64 { "64:ff9b::/96" } else { "::/0" };
    match n % 8 {
        0 => Edit::AddIpv6Route {
            route_table: table,
            route: Ipv6Route {
                destination: v6(dest),
                target: v6_target,
            },
            position: None,
        },
        1 => Edit::ReplaceIpv6Route {
            route_table: table,
            route: Ipv6Route {
                destination: v6(dest),
                target: v6_target,
            },
            position: None,
        },
        2 => Edit::DeleteIpv6Route {
            route_table: table,
            destination: v6(dest),
        },
        3 => {
            let subnet = s.subnets[pick(s.subnets.len(), n / 16)].id.clone();
            Edit::AssociateSubnet {
                subnet,
                route_table: Some(table),
                position: None,
            }
        }
        4 => Edit::DeleteRoute {
            route_table: table,
            destination: Destination::Cidr("0.0.0.0/0".parse().unwrap()),
        },
        5 => Edit::AddRoute {
            route_table: table,
            route: Route {
                destination: Destination::Cidr("0.0.0.0/0".parse().unwrap()),
                target: match &s.internet_gateway {
                    Some(g) => Target::InternetGateway(g.id.as_str().into()),
                    None => Target::Blackhole,
                },
            },
            position: None,
        },
        6 => Edit::FailAz {
            az: s.availability_zones[pick(s.availability_zones.len(), n / 8)]
                .name
                .clone(),
        },
        _ => Edit::RestoreAz {
            az: s.availability_zones[pick(s.availability_zones.len(), n / 8)]
                .name
                .clone(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_family_matrix_after_edits_is_the_matrix_evaluated_whole(
        scenario in 0usize..SCENARIOS.len(),
        auto in any::<bool>(),
        edits in proptest::collection::vec(any::<u32>(), 1..8),
    ) {
        let family = if auto { Family::Auto } else { Family::Ipv6 };
        let mut model = load_file(Path::new(SCENARIOS[scenario])).unwrap();
        let mut matrix = evaluate_all_family(&model, &WhatIf::default(), Default::default(), family);
        for n in edits {
            let e = edit(&model, n);
            let Ok((next, _)) = e.apply(&model) else {
                continue;
            };
            let what_if = next.scenario().what_if.clone();
            let after = evaluate_all_after(&matrix, &next, &what_if);
            let fresh = evaluate_all_family(&next, &what_if, Default::default(), family);
            prop_assert_eq!(&after, &fresh, "{:?}", e);
            prop_assert_eq!(&after.unchecked, &fresh.unchecked, "{:?}", e);
            matrix = after;
            model = next;
        }
    }
}

/// A route edit in one table evaluates again only the groups whose paths read that table: the
/// other instances' rows are the very rows of the matrix before.
#[test]
fn a_route_edit_keeps_the_rows_it_did_not_touch() {
    let model = load_file(Path::new("scenarios/ipv6-dual-stack.ron")).unwrap();
    let before = evaluate_all_family(&model, &WhatIf::default(), Default::default(), Family::Ipv6);
    let e = Edit::AddIpv6Route {
        route_table: "rtb-private-b".into(),
        route: Ipv6Route {
            destination: "::/0".parse().unwrap(),
            target: Target::EgressOnlyInternetGateway("eigw-1".into()),
        },
        position: None,
    };
    let (next, _) = e.apply(&model).unwrap();
    let after = evaluate_all_after(&before, &next, &WhatIf::default());
    let row = |id: &str| after.instances.iter().position(|i| i == id).unwrap();
    let (a, b) = (row("i-app-a"), row("i-app-b"));
    assert!(std::sync::Arc::ptr_eq(&after.cells[a], &before.cells[a]));
    let _ = b;
    assert_eq!(
        after,
        evaluate_all_family(&next, &WhatIf::default(), Default::default(), Family::Ipv6)
    );
}
