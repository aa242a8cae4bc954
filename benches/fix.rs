//! Fix suggestions and weak points (issue 19) on the quota-sized model from `benches/common`
//! (10,000 instances, 200 route tables × 1,000 routes, 6 AZs).
//!
//! Run: `cargo bench --bench fix`. Targets: `fix/suggest_blocked_no_route` and
//! `fix/suggest_blocked_no_route_explorer` < 50 ms, `fix/spof_*` < 10 ms (median).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use vpc_tui::cost::{CostInputs, estimate};
use vpc_tui::eval::{Query, Reason, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::fix::{Known, suggest_for, suggest_with, weak_points_for};
use vpc_tui::model::{Model, WhatIf};

fn quota_model() -> Model {
    let scenario = common::quota_scenario();
    common::check_aws_rules(&scenario);
    Model::new(scenario).unwrap_or_else(|d| panic!("the generated quota model is refused: {d:#?}"))
}

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

/// - `suggest_blocked_no_route`: ONE `suggest_for(&model, &WhatIf::default(), &query, &trace)`
///   for the first instance → service path blocked with `no_route` (its trace evaluated outside
///   the timing): every candidate edit applied and its path evaluated, and for each that fixes
///   it the whole matrix after it, the cost estimate and the AZ dependencies, with the model's
///   own matrix and estimate worked out first (nothing is known but the path, as for
///   `check --suggest`). Target: < 50 ms.
/// - `suggest_blocked_no_route_explorer`: the same with what the explorer keeps for the model
///   (`fix::Known`: its matrix and its cost estimate, for the scenario's inputs, worked out
///   outside the timing as the explorer does after each change). Target: < 50 ms.
/// - `spof_nat_gateway` / `spof_interface_endpoint`: ONE `weak_points_for` for the first path
///   reachable that way: each AZ failed alone and each object on the path removed alone, the
///   path evaluated each time. Target: < 10 ms.
fn bench_fix(c: &mut Criterion) {
    let model = quota_model();
    let what_if = WhatIf::default();
    let mut group = c.benchmark_group("fix");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    match first_cell(&model, |v| *v == Verdict::Blocked(Reason::NoRoute)) {
        Some(query) => {
            let trace = evaluate(&model, &what_if, &query).expect("known names");
            let found = suggest_for(&model, &what_if, &query, &trace);
            eprintln!(
                "fix/suggest_blocked_no_route: {:?}: {} suggestion(s)",
                query,
                found.suggestions.len()
            );
            assert!(
                found.suggestions.iter().any(|s| s.fixes()),
                "the bench must time a path that gets a fix"
            );
            group.bench_function("suggest_blocked_no_route", |b| {
                b.iter(|| {
                    suggest_for(
                        black_box(&model),
                        black_box(&what_if),
                        black_box(&query),
                        black_box(&trace),
                    )
                })
            });
            let matrix = evaluate_all(&model, &what_if);
            let cost = estimate(&model, &what_if, &CostInputs::for_model(&model));
            let known = Known {
                matrix: Some(&matrix),
                cost: Some(&cost),
            };
            assert_eq!(
                suggest_with(&model, &what_if, &query, &trace, known),
                found,
                "what the explorer knows changes nothing but the time"
            );
            group.bench_function("suggest_blocked_no_route_explorer", |b| {
                b.iter(|| {
                    suggest_with(
                        black_box(&model),
                        black_box(&what_if),
                        black_box(&query),
                        black_box(&trace),
                        black_box(known),
                    )
                })
            });
        }
        None => eprintln!("fix: no blocked (no_route) path in the quota model; skipped"),
    }
    for (name, via) in [
        ("spof_nat_gateway", Via::NatGateway),
        ("spof_interface_endpoint", Via::InterfaceEndpoint),
    ] {
        let Some(query) = first_cell(&model, |v| v.via() == Some(via)) else {
            eprintln!("fix/{name}: no such path in the quota model; skipped");
            continue;
        };
        let trace = evaluate(&model, &what_if, &query).expect("known names");
        let weak = weak_points_for(&model, &what_if, &query, &trace);
        eprintln!(
            "fix/{name}: {:?}: {} weak point(s)",
            query,
            weak.weak_points.len()
        );
        group.bench_function(name, |b| {
            b.iter(|| {
                weak_points_for(
                    black_box(&model),
                    black_box(&what_if),
                    black_box(&query),
                    black_box(&trace),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_fix);
criterion_main!(benches);
