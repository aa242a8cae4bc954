//! A profiling aid for fix suggestions and weak points (issue 19): builds the quota model once,
//! then repeats one step N times and prints the median, so that `valgrind --tool=callgrind`
//! (or `perf`) sees mostly that step:
//!
//!     cargo run --release --example fix_prof -- STEP [-n N]
//!
//! STEP is `suggest` (as `fix/suggest_blocked_no_route` in `benches/fix.rs`: nothing known
//! beside the path, as for `check --suggest`), `suggest-explorer` (as
//! `fix/suggest_blocked_no_route_explorer`: with the matrix and cost estimate the explorer
//! keeps, worked out before the step), `spof-nat` or `spof-interface` (as `fix/spof_*`). For symbols under callgrind, build with
//! `CARGO_PROFILE_RELEASE_STRIP=false CARGO_PROFILE_RELEASE_DEBUG=line-tables-only` and
//! collect only the step with `--toggle-collect='fix_prof::run'`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use vpc_tui::cost::{CostInputs, estimate};
use vpc_tui::eval::{PathTrace, Query, Reason, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::fix::{Known, suggest_for, suggest_with, weak_points_for};
use vpc_tui::model::{Model, WhatIf};

/// The first (instance, service) cell of the matrix whose verdict is `wanted`.
fn first_cell(model: &Model, wanted: impl Fn(&Verdict) -> bool) -> Option<Query> {
    let matrix = evaluate_all(model, &WhatIf::default());
    matrix.cells.iter().enumerate().find_map(|(i, row)| {
        row.iter()
            .position(|c| wanted(&c.verdict))
            .filter(|&s| s < matrix.services.len())
            .map(|s| Query::instance_to_service(&matrix.instances[i], &matrix.services[s]))
    })
}

/// One step, kept out of line so that `--toggle-collect='fix_prof::run'` sees it alone.
#[inline(never)]
fn run(
    step: &str,
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    trace: &PathTrace,
    known: Known<'_>,
) {
    match step {
        "suggest" => {
            std::hint::black_box(suggest_for(model, what_if, query, trace));
        }
        "suggest-explorer" => {
            std::hint::black_box(suggest_with(model, what_if, query, trace, known));
        }
        _ => {
            std::hint::black_box(weak_points_for(model, what_if, query, trace));
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let step = args.next().unwrap_or_else(|| "suggest".into());
    let mut n = 10;
    while let Some(a) = args.next() {
        let v = args.next().expect("a value");
        match a.as_str() {
            "-n" => n = v.parse().expect("-n N"),
            _ => panic!("usage: fix_prof STEP [-n N]"),
        }
    }
    let model = Model::new(common::quota_scenario()).expect("valid");
    let what_if = WhatIf::default();
    let wanted: Box<dyn Fn(&Verdict) -> bool> = match step.as_str() {
        "suggest" | "suggest-explorer" => Box::new(|v| *v == Verdict::Blocked(Reason::NoRoute)),
        "spof-nat" => Box::new(|v| v.via() == Some(Via::NatGateway)),
        "spof-interface" => Box::new(|v| v.via() == Some(Via::InterfaceEndpoint)),
        _ => panic!("STEP: suggest, suggest-explorer, spof-nat or spof-interface"),
    };
    let query = first_cell(&model, wanted).expect("such a path in the quota model");
    let trace = evaluate(&model, &what_if, &query).expect("known names");
    // What the explorer keeps for the model: its matrix and its cost estimate.
    let matrix = evaluate_all(&model, &what_if);
    let cost = estimate(&model, &what_if, &CostInputs::for_model(&model));
    let known = Known {
        matrix: Some(&matrix),
        cost: Some(&cost),
    };
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        run(&step, &model, &what_if, &query, &trace, known);
        times.push(t.elapsed());
    }
    times.sort();
    println!("{step}: median {:?} over {n}", times[n / 2]);
}
