//! The estimate by class equals the estimate flow by flow: a reference that evaluates every
//! (instance, service) flow on its own and bills one group per flow, compared on every shipped
//! scenario and on random variants (more instances per subnet, public IPs, failed AZs, flows'
//! own GB, flows to unknown instances and services). And the estimate after an edit, which keeps
//! the classes the edit did not touch, equals a fresh one.

use std::path::Path;

use proptest::prelude::*;

use super::flows::FlowGroup;
use super::tests::diff_lines;
use super::usage::{Ids, class_usage};
use super::*;
use crate::eval::{self, From, Query, To};
use crate::model::{Edit, Instance, Model, WhatIf, load_file};

fn scenarios() -> Vec<(String, Model)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("scenarios/")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.ends_with(".ron").then_some(name)
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let m = load_file(&dir.join(&n)).expect("scenario loads");
            (n, m)
        })
        .collect()
}

/// One priced flow of the reference.
struct Flow {
    instance: String,
    service: String,
    gb: f64,
    way: Way,
    monthly: f64,
}

/// The estimate as it was before flows were grouped: every flow evaluated on its own (from its
/// instance's subnet and public-IP state), billed as a group of one.
fn per_flow(
    model: &Model,
    what_if: &WhatIf,
    inputs: &CostInputs,
) -> (Vec<LineItem>, f64, Vec<Flow>) {
    let s = model.scenario();
    let failed = model.failed_azs(what_if);
    let mut pairs: Vec<(String, String)> = Vec::new();
    for inst in s.instances.iter() {
        for service in &inputs.services {
            pairs.push((inst.id.clone(), service.clone()));
        }
    }
    for (instance, service) in inputs.flow_gb.keys() {
        let covered =
            inputs.services.contains(service) && s.instances.iter().any(|i| &i.id == instance);
        if !covered {
            pairs.push((instance.clone(), service.clone()));
        }
    }
    let mut groups = Vec::new();
    // Each flow a class of its own with one column: the bill reads its usage there.
    let mut usage: Vec<std::sync::Arc<super::flows::ClassCost>> = Vec::new();
    let mut named = Vec::new();
    for (instance, service) in pairs {
        let Some(inst) = model.instance_index(&instance).map(|i| &s.instances[i]) else {
            continue;
        };
        let subnet = model.subnet_index(&inst.subnet).expect("valid model");
        // The instance itself: with security layers its groups and address decide too.
        let query = Query {
            from: From::Instance(inst.id.clone()),
            to: To::Service(service.clone()),
            probe: Default::default(),
            request: Default::default(),
            family: Default::default(),
        };
        let Ok(trace) = eval::evaluate(model, what_if, &query) else {
            continue;
        };
        let (u, way) = class_usage(model, &Ids::new(model), &failed, subnet, &trace);
        let way = std::sync::Arc::new(way);
        groups.push(FlowGroup {
            way: Some(std::sync::Arc::clone(&way)),
            monthly_per_gb: 0.0,
            cross_az_per_gb: u.cross_az_gb,
            flows: 1,
            gb: inputs.gb(&instance, &service),
        });
        usage.push(std::sync::Arc::new(super::flows::ClassCost {
            per_column: vec![Some((std::sync::Arc::new(u), way))].into(),
            deps: std::sync::Arc::from([]),
        }));
        named.push((instance, service));
    }
    let Some(p) = prices().regions.get(&s.region) else {
        return (Vec::new(), 0.0, Vec::new());
    };
    let hours = f64::from(inputs.hours_per_month);
    let items = items::bill(
        model,
        &failed,
        hours,
        p,
        &mut groups,
        super::usage::Usages { classes: &usage },
        &mut Vec::new(),
        true,
        &super::flows::public_ids(None, model),
        None,
    )
    .items();
    let items: Vec<LineItem> = items.iter().cloned().collect();
    let total = items.iter().map(|i| i.monthly).sum();
    let flows = groups
        .into_iter()
        .zip(named)
        .map(|(g, (instance, service))| Flow {
            instance,
            service,
            gb: g.gb,
            way: Way::clone(&g.way.expect("evaluated")),
            monthly: g.monthly_per_gb * g.gb,
        })
        .collect();
    (items, total, flows)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The grouped estimate against the reference: the same items (key, quantity, amount), total,
/// and every flow with the same way, GB and amount, in the same order.
fn same_as_per_flow(model: &Model, what_if: &WhatIf, inputs: &CostInputs) -> Result<(), String> {
    let e = estimate(model, what_if, inputs);
    let (items, total, flows) = per_flow(model, what_if, inputs);
    if !close(e.total, total) {
        return Err(format!("total {} ≠ {total} flow by flow", e.total));
    }
    if e.items.len() != items.len() {
        return Err(format!("{} items ≠ {}", e.items.len(), items.len()));
    }
    for (a, b) in e.items.iter().zip(&items) {
        if a.key() != b.key() || !close(a.quantity, b.quantity) || !close(a.monthly, b.monthly) {
            return Err(format!("item {a:?} ≠ {b:?}"));
        }
    }
    let grouped: Vec<FlowCost> = e.flows.iter().collect();
    if grouped.len() != flows.len() || e.flows.len() != flows.len() {
        return Err(format!("{} flows ≠ {}", grouped.len(), flows.len()));
    }
    for (a, b) in grouped.iter().zip(&flows) {
        if a.instance != b.instance
            || a.service != b.service
            || a.way != b.way
            || !close(a.gb, b.gb)
            || !close(a.monthly, b.monthly)
        {
            return Err(format!(
                "flow {a:?} ≠ {} → {}: {} GB {:?} {}",
                b.instance, b.service, b.gb, b.way, b.monthly
            ));
        }
    }
    Ok(())
}

#[test]
fn every_shipped_scenario_costs_the_same_by_class_as_flow_by_flow() {
    for (name, m) in scenarios() {
        let inputs = CostInputs::for_model(&m);
        same_as_per_flow(&m, &m.scenario().what_if, &inputs)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for az in &m.scenario().availability_zones {
            let what_if = WhatIf {
                failed_azs: vec![az.name.clone()],
            };
            same_as_per_flow(&m, &what_if, &inputs)
                .unwrap_or_else(|e| panic!("{name}, {} failed: {e}", az.name));
        }
    }
}

/// A shipped scenario with `extra` instances added: (subnet pick, public IP) each, so classes
/// have several instances.
fn crowded(m: &Model, extra: &[(usize, bool)]) -> Model {
    let mut s = m.scenario().clone();
    let subnets: Vec<(String, bool)> = s
        .subnets
        .iter()
        .map(|x| (x.id.clone(), x.ipv6_only))
        .collect();
    for (k, &(pick, public_ip)) in extra.iter().enumerate() {
        let (subnet, ipv6_only) = subnets[pick % subnets.len()].clone();
        s.instances.push(Instance {
            ipv6_address: Default::default(),
            id: format!("i-extra-{k}"),
            name: None,
            subnet,
            private_ip: None,
            // An IPv6-only subnet gives no IPv4 address, public or private.
            public_ip: public_ip && !ipv6_only,
            security_groups: Vec::new(),
        });
    }
    Model::new(s).expect("extra instances keep the model valid")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_models_cost_the_same_by_class_as_flow_by_flow(
        which in 0usize..64,
        extra in prop::collection::vec((0usize..64, any::<bool>()), 0..12),
        failed in prop::collection::vec(any::<bool>(), 4),
        own in prop::collection::vec((0usize..64, 0usize..64, 0u8..4), 0..6),
        hours in 1u32..800,
    ) {
        let all = scenarios();
        let (name, base) = &all[which % all.len()];
        let m = crowded(base, &extra);
        let s = m.scenario();
        let what_if = WhatIf {
            failed_azs: s
                .availability_zones
                .iter()
                .zip(&failed)
                .filter(|(_, f)| **f)
                .map(|(az, _)| az.name.clone())
                .collect(),
        };
        let mut inputs = CostInputs::for_model(&m);
        inputs.hours_per_month = hours;
        // Flows' own GB: some to the listed services, some to others (catalogued or not), some
        // from instances that do not exist; 0 switches a flow off.
        let others = ["s3", "sqs", "kinesis", "no-such-service"];
        for &(i, svc, kind) in &own {
            let instance = if kind == 3 {
                "i-missing".to_string()
            } else {
                s.instances[i % s.instances.len()].id.clone()
            };
            let service = match (kind, inputs.services.len()) {
                (0, n) if n > 0 => inputs.services[svc % n].clone(),
                _ => others[svc % others.len()].to_string(),
            };
            inputs
                .flow_gb
                .insert((instance, service), [0.0, 7.5, 250.0, 1e6][svc % 4]);
        }
        let checked = same_as_per_flow(&m, &what_if, &inputs);
        prop_assert!(checked.is_ok(), "{}: {:?}", name, checked);
    }
}

/// After an edit, classes the edit did not touch keep their results; the estimate equals one
/// worked out afresh, and the diff of a class of many instances is one change.
#[test]
fn the_estimate_after_an_edit_equals_a_fresh_one() {
    let all = scenarios();
    let (_, base) = all
        .iter()
        .find(|(n, _)| n == "nat-single-az.ron")
        .expect("scenario");
    // Three more instances beside i-app-a: its class has four.
    let app_a = base
        .scenario()
        .instances
        .iter()
        .find(|i| i.id == "i-app-a")
        .expect("i-app-a")
        .subnet
        .clone();
    let pick = base
        .scenario()
        .subnets
        .iter()
        .position(|x| x.id == app_a)
        .unwrap();
    let m = crowded(base, &[(pick, false), (pick, false), (pick, false)]);
    let inputs = CostInputs::for_model(&m);
    let before = estimate(&m, &WhatIf::default(), &inputs);
    let mut model = m.clone();
    let mut e = before.clone();
    for edit in [
        Edit::FailAz {
            az: "us-east-1a".into(),
        },
        Edit::RestoreAz {
            az: "us-east-1a".into(),
        },
    ] {
        let (next, _) = edit.apply(&model).expect("applies");
        let after = estimate_after(&e, &next, &next.scenario().what_if, &inputs);
        assert_eq!(after, estimate(&next, &next.scenario().what_if, &inputs));
        model = next;
        e = after;
    }
    assert_eq!(e, before);
    // Failing us-east-1a stops i-app-a's class (4 instances) as one change.
    let (failed, _) = Edit::FailAz {
        az: "us-east-1a".into(),
    }
    .apply(&m)
    .expect("applies");
    let after = estimate_after(&before, &failed, &failed.scenario().what_if, &inputs);
    let lines = diff_lines(&before, &after);
    assert_eq!(
        lines[0],
        "sns for i-app-a and 3 more instances of its subnet: via NAT gateway \u{2192} unavailable (source_az_failed): \u{2212}18.00 USD/month at 400 GB"
    );
}

/// An estimate for more services (a fix's path adds its own) from one for fewer keeps the shared
/// columns and evaluates the others: the same as an estimate worked out anew, with or without an
/// edit between them, and its total alone (`total_after`) is the same to the last bit.
#[test]
fn an_estimate_for_more_services_from_one_for_fewer_is_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    for name in [
        "no-endpoint.ron",
        "interface-multi-az.ron",
        "security-layers.ron",
    ] {
        let model = crate::model::load_file(&dir.join(name)).expect("scenario loads");
        let w = model.scenario().what_if.clone();
        let fewer = CostInputs::for_model(&model);
        let mut more = fewer.clone();
        for s in ["sns", "sqs", "kms"] {
            if !more.services.iter().any(|x| x == s) {
                more.services.push(s.into());
            }
        }
        // And one the other has not, so a column goes too.
        more.services.retain(|x| x != "s3");
        let before = estimate(&model, &w, &fewer);
        let again = estimate_after(&before, &model, &w, &more);
        assert_eq!(again, estimate(&model, &w, &more), "{name}");
        let (total, _) = total_after(&before, &model, &w, &more);
        assert_eq!(total.to_bits(), again.total.to_bits(), "{name}");
        // After an edit that touches one table.
        let table = model.scenario().route_tables[0].id.clone();
        let edit = crate::model::Edit::DeleteRoute {
            route_table: table,
            destination: crate::model::Destination::Cidr("0.0.0.0/0".parse().unwrap()),
        };
        if let Ok((next, _)) = edit.apply(&model) {
            let after = estimate_after(&before, &next, &w, &more);
            assert_eq!(after, estimate(&next, &w, &more), "{name}: after the edit");
        }
    }
}
