//! Property test: on the generated scale model (`benches/common`, small), the cost estimate
//! brought up to date after random edits (`cost::estimate_after`: only the columns whose walks
//! an edit touched are evaluated again) equals an estimate worked out afresh, field for field
//! and to the last bit of the total. The edits are those the scale benchmarks time — an AZ
//! failed or restored, a gateway endpoint attached to or detached from a table — and an
//! interface endpoint deleted, mixed in random order.

#[path = "../benches/common/mod.rs"]
mod common;

use std::sync::OnceLock;

use proptest::prelude::*;
use vpc_tui::cost::{CostInputs, estimate, estimate_after};
use vpc_tui::model::{Edit, Model};

fn start() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let s = common::scenario(common::Shape::scaled(0.03));
        Model::new(s).unwrap_or_else(|d| panic!("generated model is valid: {d:?}"))
    })
}

/// One edit from raw choices: fail or restore one of the AZs, attach or detach a gateway
/// endpoint on a table, or remove one interface endpoint.
fn edit(model: &Model, kind: u8, a: usize, b: usize) -> Edit {
    let s = model.scenario();
    let az = format!(
        "{}{}",
        common::REGION,
        (b'a' + (a % common::AZS) as u8) as char
    );
    let endpoint = s.gateway_endpoints[a % s.gateway_endpoints.len()]
        .id
        .clone();
    let table = s.route_tables[b % s.route_tables.len()].id.clone();
    match kind % 5 {
        0 => Edit::FailAz { az },
        1 => Edit::RestoreAz { az },
        2 => Edit::AttachGatewayEndpoint {
            endpoint,
            route_table: table,
            position: None,
        },
        3 => Edit::DetachGatewayEndpoint {
            endpoint,
            route_table: table,
        },
        _ => Edit::DeleteInterfaceEndpoint {
            id: s.interface_endpoints[a % s.interface_endpoints.len()]
                .id
                .clone(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn estimate_after_random_edits_equals_a_fresh_one(
        steps in prop::collection::vec((0u8..5, 0usize..64, 0usize..64), 1..6),
    ) {
        let mut model = start().clone();
        let inputs = CostInputs::for_model(&model);
        let mut cost = estimate(&model, &model.scenario().what_if, &inputs);
        for (kind, a, b) in steps {
            let e = edit(&model, kind, a, b);
            // Refused edits (restoring a healthy AZ, detaching what is not attached) change
            // nothing.
            let Ok((next, _)) = e.apply(&model) else {
                continue;
            };
            model = next;
            cost = estimate_after(&cost, &model, &model.scenario().what_if, &inputs);
            let fresh = estimate(&model, &model.scenario().what_if, &inputs);
            prop_assert_eq!(&cost, &fresh, "after {:?}", e);
            prop_assert_eq!(cost.total.to_bits(), fresh.total.to_bits());
        }
    }
}
