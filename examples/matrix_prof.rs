//! A profiling aid for `matrix_after_edit/*` (benches/engine.rs): the quota model built once, then
//! one step run N times inside `measured`, so callgrind counts the step alone:
//!
//!     valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measured*' \
//!         target/release/examples/matrix_prof STEP N
//!
//! STEP is `all` (`evaluate_all`), `one_az` (the same with us-east-1a failed), `attach` (the bench's
//! `Edit::AttachGatewayEndpoint` applied, then `evaluate_all`) or `fail_az` (`Edit::FailAz`, then
//! `evaluate_all`), the model evaluated once before, as in the bench. Build with `CARGO_PROFILE_RELEASE_STRIP=false`; run under `taskset -c 0` so the
//! matrix's helper threads are counted on one core.

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

use vpc_tui::eval::evaluate_all;
use vpc_tui::model::{Edit, Model, WhatIf};

#[inline(never)]
fn measured<T>(f: impl FnOnce() -> T) -> T {
    f()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let step = args.next().unwrap_or_else(|| "all".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let model = Model::new(common::quota_scenario()).expect("the quota model loads");
    let (endpoint, table) = common::attachable_s3_edit();
    let edit = match step.as_str() {
        "attach" => Some(Edit::AttachGatewayEndpoint {
            endpoint,
            route_table: table,
            position: None,
        }),
        "fail_az" => Some(Edit::FailAz {
            az: "us-east-1b".into(),
        }),
        _ => None,
    };
    let what_if = if step == "one_az" {
        WhatIf {
            failed_azs: vec!["us-east-1a".into()],
        }
    } else {
        WhatIf::default()
    };
    // The bench evaluates its model before any step (its first steps, and `quota_model`):
    // what the tables keep for later walks (each interface endpoint's route group) is made
    // then, not in the steps measured here.
    black_box(evaluate_all(&model, &WhatIf::default()));
    let start = std::time::Instant::now();
    for _ in 0..n {
        match &edit {
            Some(edit) => {
                black_box(measured(|| {
                    let (next, inverse) = edit.apply(black_box(&model)).expect("edit applies");
                    let matrix = evaluate_all(&next, &next.scenario().what_if);
                    (next, inverse, matrix)
                }));
            }
            None => {
                black_box(measured(|| {
                    evaluate_all(black_box(&model), black_box(&what_if))
                }));
            }
        }
    }
    let each = start.elapsed().as_secs_f64() * 1e3 / n.max(1) as f64;
    println!("{step}: {each:.2} ms");
}
