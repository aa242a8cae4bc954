//! Fixes and weak points against the edits they stand for, on random models (`common::random`,
//! shared with `eval_props.rs`) and on every shipped scenario:
//! - applying any suggestion yields the verdict it claimed and flips exactly the cells it listed;
//! - the quick way weak points judge a removal (`fix::verdict_after`, `Edit::apply_removal`)
//!   gives exactly what applying the real edit and evaluating gives, for every removal the
//!   model has (a superset of the candidates: each NAT gateway, GWLB endpoint, endpoint, ENI and
//!   route), refusals included.

mod common;

use common::random::{SUBNETS, scenario, with_endpoint, with_layers, with_s3_routes};
use proptest::prelude::*;
use vpc_tui::eval::{Query, evaluate, evaluate_all};
use vpc_tui::fix;
use vpc_tui::model::{Edit, Model, WhatIf};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_suggestion_does_what_it_claims(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        private_nat in any::<bool>(),
        from in 0..SUBNETS,
        to in prop::sample::select(vec!["s3", "dynamodb", "ssm", "sqs", "workload:ecr-pull"]),
        failed in proptest::collection::vec(prop::sample::select(vec!["az-a", "az-b", "az-c"]), 0..2),
    ) {
        let Ok(model) = Model::new(scenario(&defaults, &publics, private_nat)) else { return Ok(()); };
        let what_if = WhatIf { failed_azs: failed.iter().map(|s| s.to_string()).collect() };
        let q = Query::parse(&model, &format!("i-{from}"), to, false);
        let found = fix::suggest(&model, &what_if, &q).unwrap();
        let before = evaluate_all(&model, &what_if);
        // What the explorer keeps (its matrix and its estimate, for inputs without the path's
        // service), or a stale one (without the AZ failures): the same suggestions.
        let trace = evaluate(&model, &what_if, &q).unwrap();
        let inputs = vpc_tui::cost::CostInputs::for_model(&model);
        let none = WhatIf::default();
        for w in [&what_if, &none] {
            let (matrix, cost) = (evaluate_all(&model, w), vpc_tui::cost::estimate(&model, w, &inputs));
            let known = fix::Known { matrix: Some(&matrix), cost: Some(&cost) };
            prop_assert_eq!(&fix::suggest_with(&model, &what_if, &q, &trace, known), &found);
        }
        for s in &found.suggestions {
            let after = fix::apply(&model, s).unwrap();
            let t = evaluate(&after, &what_if, &q).unwrap();
            prop_assert_eq!(&t.verdict, &s.verdict);
            prop_assert!(s.verdict.is_reachable());
            let m = evaluate_all(&after, &what_if);
            let (mut gained, mut lost) = (0, 0);
            for r in 0..before.instances.len() {
                for c in 0..before.cells[r].len() {
                    let (was, now) = (before.cells[r][c].verdict.is_reachable(), m.cells[r][c].verdict.is_reachable());
                    let cell = fix::Cell { instance: before.instances[r].clone(), to: before.services.iter().chain(&before.workloads).nth(c).unwrap().clone() };
                    if !was && now { gained += 1; prop_assert!(s.gained.contains(&cell), "{:?} not listed", cell); }
                    if was && !now { lost += 1; prop_assert!(s.lost.contains(&cell), "{:?} not listed", cell); }
                }
            }
            prop_assert_eq!(gained, s.gained.len());
            prop_assert_eq!(lost, s.lost.len());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// With security groups, network ACLs and appliance checks that refuse some traffic, every
    /// suggestion (layer rules among them) still yields the verdict it claims and flips exactly
    /// the cells it lists, and what the explorer knows changes nothing.
    #[test]
    fn layer_suggestions_do_what_they_claim(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        endpoint in any::<bool>(),
        s3 in proptest::collection::vec(any::<bool>(), SUBNETS),
        layers in (any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>()),
        from in 0..SUBNETS,
        to in prop::sample::select(vec!["s3", "sqs", "ssm"]),
    ) {
        let mut s = with_s3_routes(scenario(&defaults, &[false; SUBNETS], false), &s3, &[]);
        if endpoint {
            s = with_endpoint(s);
        }
        let (egress, ingress, acl_on, outbound, inbound, check) = layers;
        let s = with_layers(s, egress, ingress, acl_on, outbound, inbound, check);
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let what_if = WhatIf::default();
        let q = Query::parse(&model, &format!("i-{from}"), to, false);
        let trace = evaluate(&model, &what_if, &q).unwrap();
        let found = fix::suggest_for(&model, &what_if, &q, &trace);
        let before = evaluate_all(&model, &what_if);
        for s in &found.suggestions {
            let after = fix::apply(&model, s).unwrap();
            let t = evaluate(&after, &what_if, &q).unwrap();
            prop_assert_eq!(&t.verdict, &s.verdict, "{:?}", s.edits);
            let m = evaluate_all(&after, &what_if);
            let columns: Vec<&String> = before.services.iter().chain(&before.workloads).collect();
            let (mut gained, mut lost) = (Vec::new(), Vec::new());
            for r in 0..before.instances.len() {
                for (c, to) in columns.iter().enumerate() {
                    let (was, now) = (before.cells[r][c].verdict.is_reachable(), m.cells[r][c].verdict.is_reachable());
                    let cell = fix::Cell { instance: before.instances[r].clone(), to: to.to_string() };
                    if !was && now { gained.push(cell); } else if was && !now { lost.push(cell); }
                }
            }
            prop_assert_eq!(&gained, &s.gained, "{:?}", s.edits);
            prop_assert_eq!(&lost, &s.lost, "{:?}", s.edits);
        }
        let inputs = vpc_tui::cost::CostInputs::for_model(&model);
        let cost = vpc_tui::cost::estimate(&model, &what_if, &inputs);
        let known = fix::Known { matrix: Some(&before), cost: Some(&cost) };
        prop_assert_eq!(&fix::suggest_with(&model, &what_if, &q, &trace, known), &found);
    }
}

/// Every removal weak points may try on `model`: each NAT gateway deleted, each GWLB endpoint's
/// appliances down, each endpoint deleted, each interface endpoint's ENI removed, each written
/// route deleted.
fn removals(model: &Model) -> Vec<Edit> {
    let s = model.scenario();
    let mut out = Vec::new();
    for n in &s.nat_gateways {
        out.push(Edit::DeleteNatGateway { id: n.id.clone() });
    }
    for g in &s.gwlb_endpoints {
        out.push(Edit::SetGwlbAppliancesUp {
            endpoint: g.id.clone(),
            up: false,
        });
    }
    for g in &s.gateway_endpoints {
        out.push(Edit::DeleteGatewayEndpoint { id: g.id.clone() });
    }
    for e in &s.interface_endpoints {
        out.push(Edit::DeleteInterfaceEndpoint { id: e.id.clone() });
        for sub in &e.subnets {
            out.push(Edit::RemoveEndpointSubnet {
                endpoint: e.id.clone(),
                subnet: sub.subnet.clone(),
            });
        }
    }
    for t in &s.route_tables {
        for r in t.routes.iter() {
            out.push(Edit::DeleteRoute {
                route_table: t.id.clone(),
                destination: r.destination.clone(),
            });
        }
    }
    out
}

/// For every removal: `apply_removal` agrees with `apply` (refused alike, or the same scenario
/// and the same trace of every query), and `fix::verdict_after` is the real edit's verdict.
fn removals_agree(model: &Model, what_if: &WhatIf, queries: &[Query]) -> Result<(), String> {
    for edit in removals(model) {
        let real = edit.apply(model).map(|(m, _)| m);
        let quick = edit
            .apply_removal(model)
            .ok_or_else(|| format!("{edit:?} is not a removal"))?;
        match (&real, &quick) {
            (Ok(a), Ok(b)) => {
                if a.scenario() != b.scenario() {
                    return Err(format!("{edit:?}: another scenario"));
                }
                for q in queries {
                    let (x, y) = (evaluate(a, what_if, q), evaluate(b, what_if, q));
                    if x != y {
                        return Err(format!("{edit:?}, {q:?}: {x:?} but quickly {y:?}"));
                    }
                }
            }
            (Err(_), Err(_)) => {}
            _ => {
                return Err(format!(
                    "{edit:?}: applied {}, quickly {}",
                    real.is_ok(),
                    quick.is_ok()
                ));
            }
        }
        for q in queries {
            let want = real
                .as_ref()
                .ok()
                .and_then(|m| evaluate(m, what_if, q).ok())
                .map(|t| t.verdict);
            let got = fix::verdict_after(model, what_if, q, &edit);
            if got != want {
                return Err(format!(
                    "{edit:?}, {q:?}: verdict {want:?} but quickly {got:?}"
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn quick_removals_give_what_the_real_edits_give(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        private_nat in any::<bool>(),
        endpoint in any::<bool>(),
        endpoint_on in proptest::collection::vec(any::<bool>(), SUBNETS),
        overrides in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        failed in proptest::collection::vec(prop::sample::select(vec!["az-a", "az-b", "az-c"]), 0..2),
    ) {
        let mut s = with_s3_routes(scenario(&defaults, &publics, private_nat), &endpoint_on, &overrides);
        if endpoint {
            s = with_endpoint(s);
            // A second ENI, in another AZ: removing one of two is a weak point or not.
            s.interface_endpoints[0].subnets.push(vpc_tui::model::EndpointSubnet { ipv6: Default::default(),
                subnet: "subnet-3".into(),
                ip: None,
            });
        }
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let what_if = WhatIf { failed_azs: failed.iter().map(|s| s.to_string()).collect() };
        let queries: Vec<Query> = (0..SUBNETS)
            .flat_map(|i| {
                ["s3", "sqs", "workload:ecr-pull"]
                    .map(|to| Query::parse(&model, &format!("i-{i}"), to, false))
            })
            .collect();
        prop_assert_eq!(removals_agree(&model, &what_if, &queries), Ok(()));
        // And the weak points found that way are failures that break the path for real.
        for q in &queries {
            let Ok(w) = fix::weak_points(&model, &what_if, q) else { continue };
            for p in w.weak_points.iter().filter(|p| p.failure.is_removal()) {
                let after = p.failure.apply(&model).unwrap().0;
                prop_assert_eq!(&evaluate(&after, &what_if, q).unwrap().verdict, &p.verdict);
            }
        }
    }
}

/// The same on every shipped scenario, for the paths of its `expect` entries (with their failed
/// AZs) and from every instance to the services it names.
#[test]
fn quick_removals_agree_on_every_shipped_scenario() {
    let mut files: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(files.len() > 20);
    for file in files {
        let model = vpc_tui::model::load_file(&file).unwrap();
        let s = model.scenario();
        let base = s.what_if.clone();
        let mut tos: Vec<String> = vec!["s3".into(), "ssm".into()];
        for e in &s.expect {
            if !tos.contains(&e.to) {
                tos.push(e.to.clone());
            }
        }
        let queries: Vec<Query> = s
            .instances
            .iter()
            .flat_map(|i| tos.iter().map(|to| Query::parse(&model, &i.id, to, false)))
            .collect();
        if let Err(e) = removals_agree(&model, &base, &queries) {
            panic!("{}: {e}", file.display());
        }
        for e in s.expect.iter().filter(|e| !e.failed_azs.is_empty()) {
            let mut w = base.clone();
            w.failed_azs.extend(e.failed_azs.iter().cloned());
            let q = Query::parse(&model, &e.from, &e.to, false);
            if let Err(err) = removals_agree(&model, &w, &[q]) {
                panic!("{}: {err}", file.display());
            }
        }
    }
}
