//! Edits on a model large enough for the explorer to work out the matrix and the cost estimate
//! after an edit side by side, on two threads (`App::refresh`, from 1,000 instances on): what
//! the app then holds (the matrix, its flipped cells, the estimate and what changed in it)
//! equals what each gives worked out afresh on its own.

#[path = "../benches/common/mod.rs"]
mod common;

use vpc_tui::app::App;
use vpc_tui::cost::{diff, estimate};
use vpc_tui::eval::evaluate_all;
use vpc_tui::model::{Edit, Model};

#[test]
fn side_by_side_matrix_and_estimate_equal_fresh_ones() {
    let s = common::scenario(common::Shape::scaled(0.25));
    let model = Model::new(s).unwrap_or_else(|d| panic!("generated model is valid: {d:?}"));
    // Past the app's threshold for two threads (1,000 matrix rows).
    assert!(model.scenario().instances.len() >= 2_000);
    let mut app = App::new(model, None, "scale".into());
    let az = format!("{}b", common::REGION);
    let (endpoint, route_table) = common::attachable_s3_edit();
    let edits = [
        Edit::FailAz { az: az.clone() },
        Edit::AttachGatewayEndpoint {
            endpoint,
            route_table,
            position: None,
        },
        Edit::RestoreAz { az },
    ];
    let mut cost_moved = 0;
    for edit in edits {
        let (matrix_before, cost_before) = (app.matrix.clone(), app.cost.clone());
        assert!(edit.apply(&app.model).is_ok(), "{edit:?} applies");
        app.apply(edit.clone());
        let change = app.change.as_ref().expect("the edit applied");
        let w = &app.model.scenario().what_if;
        let matrix = evaluate_all(&app.model, w);
        assert_eq!(app.matrix, matrix, "{edit:?}");
        let cost = estimate(&app.model, w, &app.cost_inputs);
        assert_eq!(app.cost, cost, "{edit:?}");
        assert_eq!(app.cost.total.to_bits(), cost.total.to_bits(), "{edit:?}");
        assert_eq!(app.cost_changes, diff(&cost_before, &cost), "{edit:?}");
        cost_moved += usize::from(!app.cost_changes.is_empty());
        // The flipped cells are the cells whose verdicts differ, as many as there are.
        let flipped: usize = matrix_before
            .cells
            .iter()
            .zip(&matrix.cells)
            .map(|(a, b)| {
                a.iter()
                    .zip(b.iter())
                    .filter(|(x, y)| x.verdict != y.verdict)
                    .count()
            })
            .sum();
        assert_eq!(change.flips.len(), flipped, "{edit:?}");
        if matches!(edit, Edit::FailAz { .. } | Edit::RestoreAz { .. }) {
            assert!(flipped > 0, "an AZ failure flips cells: {edit:?}");
        }
    }
    assert!(cost_moved > 0, "no edit changed the estimate");
}
