//! An edit to the interface endpoints followed by an AZ failure, evaluated where each touched:
//! the matrix and the cost estimate kept from before the first edit remember which endpoint's
//! DNS answer each path read, by index; deleting or adding an endpoint moves the others'
//! indexes, and the AZ failure after it must still find the right endpoint (it once read a
//! stale index and panicked, or could read another endpoint's ENIs).

use std::path::Path;

use vpc_tui::cost::{CostInputs, estimate, estimate_after};
use vpc_tui::eval::{evaluate_all, evaluate_all_after};
use vpc_tui::model::{Edit, Model, load_file};

fn check_chain(start: &Model, first: &Edit, az: &str) {
    let Ok((model, _)) = first.apply(start) else {
        return;
    };
    let inputs = CostInputs::for_model(start);
    let mut matrix = evaluate_all(start, &start.scenario().what_if);
    let mut cost = estimate(start, &start.scenario().what_if, &inputs);
    matrix = evaluate_all_after(&matrix, &model, &model.scenario().what_if);
    cost = estimate_after(&cost, &model, &model.scenario().what_if, &inputs);
    let fail = Edit::SetFailedAzs {
        failed_azs: vec![az.to_string()],
    };
    let (failed, _) = fail.apply(&model).unwrap();
    let w = &failed.scenario().what_if;
    let matrix = evaluate_all_after(&matrix, &failed, w);
    assert_eq!(
        matrix,
        evaluate_all(&failed, w),
        "{first:?}, then {az} failed"
    );
    let cost = estimate_after(&cost, &failed, w, &inputs);
    assert_eq!(
        cost,
        estimate(&failed, w, &inputs),
        "{first:?}, then {az} failed"
    );
}

#[test]
fn deleting_or_adding_an_interface_endpoint_then_failing_an_az_evaluates_as_anew() {
    for file in [
        "interface-single-az.ron",
        "interface-multi-az.ron",
        "private-only.ron",
    ] {
        let start = load_file(Path::new(&format!("scenarios/{file}"))).unwrap();
        let s = start.scenario();
        let azs: Vec<String> = s
            .availability_zones
            .iter()
            .map(|a| a.name.clone())
            .collect();
        let mut edits: Vec<Edit> = s
            .interface_endpoints
            .iter()
            .map(|e| Edit::DeleteInterfaceEndpoint { id: e.id.clone() })
            .collect();
        // A new endpoint first in the list moves every other one's index up.
        if let Some(first) = s.interface_endpoints.first() {
            let mut added = first.clone();
            added.id = "vpce-added-sqs".into();
            added.service = "sqs".into();
            edits.push(Edit::AddInterfaceEndpoint {
                endpoint: added,
                position: Some(0),
            });
        }
        for edit in &edits {
            for az in &azs {
                check_chain(&start, edit, az);
            }
        }
    }
}
