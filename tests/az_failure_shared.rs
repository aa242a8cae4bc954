//! An AZ failure on the generated scale model: the matrix and the cost estimate worked out
//! after it (rows and results taken from their DNS answers once per distinct row, answer and
//! AZ, and shared between the classes that had them) equal those worked out afresh, after
//! every AZ failed in turn and restored; and classes that went alike share one row.

#[path = "../benches/common/mod.rs"]
mod common;

use std::sync::Arc;

use vpc_tui::cost::{CostInputs, estimate, estimate_after};
use vpc_tui::eval::{evaluate_all, evaluate_all_after};
use vpc_tui::model::{Edit, Model};

#[test]
fn az_failures_share_rows_and_equal_a_fresh_evaluation() {
    let s = common::scenario(common::Shape::scaled(0.1));
    let mut model = Model::new(s).unwrap_or_else(|d| panic!("generated model is valid: {d:?}"));
    let inputs = CostInputs::for_model(&model);
    let mut matrix = evaluate_all(&model, &model.scenario().what_if);
    let mut cost = estimate(&model, &model.scenario().what_if, &inputs);
    let mut shared = 0;
    for az in 0..common::AZS {
        let az = format!("{}{}", common::REGION, (b'a' + az as u8) as char);
        for edit in [Edit::FailAz { az: az.clone() }, Edit::RestoreAz { az }] {
            let is_fail = matches!(edit, Edit::FailAz { .. });
            model = edit.apply(&model).expect("applies").0;
            let w = &model.scenario().what_if;
            matrix = evaluate_all_after(&matrix, &model, w);
            let full = evaluate_all(&model, w);
            assert_eq!(matrix, full);
            cost = estimate_after(&cost, &model, w, &inputs);
            let fresh = estimate(&model, w, &inputs);
            assert_eq!(cost, fresh);
            assert_eq!(cost.total.to_bits(), fresh.total.to_bits());
            if is_fail {
                // Fewer row allocations than classes: classes whose rows were taken from
                // their answers alike share one (a fresh matrix shares its equal rows too).
                let distinct = |m: &vpc_tui::eval::Matrix| {
                    let mut p: Vec<*const _> = m.cells.iter().map(Arc::as_ptr).collect();
                    p.sort();
                    p.dedup();
                    p.len()
                };
                shared += usize::from(distinct(&matrix) < matrix.distinct_rows().len());
            }
        }
    }
    assert!(shared > 0, "no AZ failure shared a row between classes");
}
