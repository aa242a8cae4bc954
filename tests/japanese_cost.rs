//! The cost estimate read in Japanese: every line item, flow way, note and change of every
//! shipped scenario (as loaded, with its first AZ failed, and with no endpoint left) holds no
//! English sentence, and every line item says which resource (and AZ) it is for.

mod common;

use common::english::english_run_in_traces as english_run;
use vpc_tui::cost::{CostInputs, ItemFor, NatPlace, estimate};
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::{Edit, Model, WhatIf, load_file};

/// The ids an item's words must carry.
fn ids(what: &ItemFor) -> Vec<&str> {
    match what {
        ItemFor::InterfaceEndpointEni { endpoint, az }
        | ItemFor::GwlbEndpoint { endpoint, az }
        | ItemFor::GwlbEndpointData { endpoint, az } => vec![endpoint, az],
        ItemFor::GatewayEndpoint { endpoint, .. } => vec![endpoint],
        ItemFor::NatGateway { nat, place }
        | ItemFor::NatAddress { nat, place }
        | ItemFor::NatData { nat, place } => match place {
            NatPlace::Zonal(Some(az)) => vec![nat, az],
            _ => vec![nat],
        },
        ItemFor::PublicAddress { owner } => vec![&**owner],
        ItemFor::GwlbHours { load_balancer } | ItemFor::GwlbCapacity { load_balancer } => {
            vec![load_balancer]
        }
        ItemFor::InterfaceEndpointData { .. } | ItemFor::InterAz { .. } => vec![],
    }
}

/// The scenario with every endpoint deleted, when that is allowed.
fn without_endpoints(m: &Model) -> Option<Model> {
    let s = m.scenario();
    let mut edits: Vec<Edit> = s
        .gateway_endpoints
        .iter()
        .map(|g| Edit::DeleteGatewayEndpoint { id: g.id.clone() })
        .collect();
    edits.extend(
        s.interface_endpoints
            .iter()
            .map(|e| Edit::DeleteInterfaceEndpoint { id: e.id.clone() }),
    );
    Edit::Batch(edits).apply(m).ok().map(|(m, _)| m)
}

#[test]
fn every_estimate_reads_in_japanese() {
    let mut texts: Vec<(String, String)> = Vec::new();
    let (mut items, mut changes) = (0, 0);
    let mut files: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    for path in files {
        let model = load_file(&path).unwrap();
        let inputs = CostInputs::for_model(&model);
        let name = path.display().to_string();
        let base = estimate(&model, &WhatIf::default(), &inputs);
        let mut others = vec![estimate(
            &model,
            &WhatIf {
                failed_azs: vec![model.scenario().availability_zones[0].name.clone()],
            },
            &inputs,
        )];
        if let Some(m) = without_endpoints(&model) {
            others.push(estimate(&m, &WhatIf::default(), &inputs));
        }
        for e in std::iter::once(&base).chain(&others) {
            for i in &e.items {
                items += 1;
                let ja = explain::cost_item(Lang::Ja, &i.what);
                let en = explain::cost_item(Lang::En, &i.what);
                for id in ids(&i.what) {
                    assert!(
                        ja.contains(id) && en.contains(id),
                        "{name}: {ja} / {en}: {id}"
                    );
                }
                texts.push((name.clone(), ja));
                texts.push((name.clone(), explain::cost_quantity(Lang::Ja, i)));
            }
            for f in e.flows.iter() {
                texts.push((name.clone(), explain::cost_way(Lang::Ja, &f.way)));
            }
            for n in &e.notes {
                texts.push((name.clone(), explain::cost_note(Lang::Ja, n)));
            }
        }
        for other in &others {
            for c in vpc_tui::cost::diff(&base, other)
                .iter()
                .chain(&vpc_tui::cost::diff(other, &base))
            {
                changes += 1;
                texts.push((name.clone(), explain::cost_change(Lang::Ja, c)));
            }
        }
    }
    assert!(
        items >= 50 && changes >= 20,
        "{items} items, {changes} changes"
    );
    let failures: Vec<String> = texts
        .iter()
        .filter_map(|(name, t)| {
            english_run(t).map(|run| format!("{name}: {t}\n    English: {run}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
