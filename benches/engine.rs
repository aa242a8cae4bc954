//! Engine benchmarks on the quota-sized model from `benches/common` (6 AZs, 200 subnets,
//! 200 route tables × 1,000 routes, 50 interface + 20 gateway/GWLB endpoints, 10,000 instances,
//! 30 services).
//!
//! Run: `cargo bench --bench engine` (a few minutes on 2 cores). Targets:
//! `evaluate_one/*` < 5 µs, `matrix_after_edit/*` < 16 ms, `load/parse_validate_index` < 300 ms;
//! peak memory (< 200 MB) is measured by `cargo run --release --example peak_memory`.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use vpc_tui::eval::{Query, Reason, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::model::{Edit, Model, Scenario, WhatIf, from_ron_str};

/// The quota scenario, checked against AWS's rules, and its validated model.
fn quota_model() -> (Scenario, Model) {
    let scenario = common::quota_scenario();
    common::check_aws_rules(&scenario);
    let model = Model::new(scenario.clone())
        .unwrap_or_else(|d| panic!("the generated quota model is refused: {d:#?}"));
    (scenario, model)
}

/// A named kind of verdict: which representative pair a bench uses.
type VerdictKind = (&'static str, fn(&Verdict) -> bool);

/// Representative (instance, service) pairs, found in the model's own matrix so they stay
/// right if the generator changes: the first instance whose path ends the named way.
fn representative_pairs(model: &Model) -> Vec<(&'static str, String, String)> {
    let matrix = evaluate_all(model, &WhatIf::default());
    let kinds: [VerdictKind; 5] = [
        ("gateway_endpoint", |v| {
            v.via() == Some(Via::GatewayEndpoint)
        }),
        ("interface_endpoint", |v| {
            v.via() == Some(Via::InterfaceEndpoint)
        }),
        ("nat_gateway", |v| v.via() == Some(Via::NatGateway)),
        ("blocked_no_route", |v| {
            *v == Verdict::Blocked(Reason::NoRoute)
        }),
        ("blocked_blackhole", |v| {
            *v == Verdict::Blocked(Reason::BlackholeRoute)
        }),
    ];
    let mut pairs = Vec::new();
    for (name, wanted) in kinds {
        let found = matrix.cells.iter().enumerate().find_map(|(i, row)| {
            row.iter()
                .position(|c| wanted(&c.verdict))
                .map(|s| (matrix.instances[i].clone(), matrix.services[s].clone()))
        });
        match found {
            Some((inst, svc)) => pairs.push((name, inst, svc)),
            None => eprintln!("evaluate_one: no {name} path in the quota model; skipped"),
        }
    }
    pairs
}

/// `evaluate_one/<kind>` times ONE call of `vpc_tui::eval::evaluate(&model, &WhatIf::default(),
/// &query)` with the full trace (typed facts: hops, route decisions, notes; no sentences) on the quota model,
/// for one (instance, service) pair whose verdict is <kind>. The query is built outside the
/// timed loop; the returned `PathTrace` is dropped inside it. Target: < 5 µs median.
fn bench_evaluate_one(c: &mut Criterion) {
    let (_, model) = quota_model();
    let what_if = WhatIf::default();
    let mut group = c.benchmark_group("evaluate_one");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (kind, instance, service) in representative_pairs(&model) {
        let query = Query::instance_to_service(&instance, &service);
        let trace = evaluate(&model, &what_if, &query).expect("known names");
        eprintln!(
            "evaluate_one/{kind}: {instance} → {service}: {} ({} hops)",
            trace.verdict.code(),
            trace.hops.len()
        );
        group.bench_function(kind, |b| {
            b.iter(|| evaluate(black_box(&model), black_box(&what_if), black_box(&query)))
        });
    }
    group.finish();
}

/// `matrix_after_edit/*`:
/// - `evaluate_all`: ONE `evaluate_all(&model, &WhatIf::default())` (10,000 instances × every
///   column: 30 services plus the catalogue's workloads) on an already-built model; the `Matrix`
///   is dropped inside the timing.
/// - `evaluate_all_one_az_failed`: the same with `us-east-1a` failed in the `WhatIf`.
/// - `attach_gateway_endpoint`: `Edit::AttachGatewayEndpoint { vpce-s3-gw-0 → rtb-039 }.apply(&model)`
///   (a copy of the scenario; the rules and indexes the edit touches checked and rebuilt, here one
///   table recompiled; everything else shared with `model`) followed by `evaluate_all(&new_model,
///   &new_model.scenario().what_if)`; the new model, the inverse edit and the `Matrix` are dropped
///   inside the timing. Target: < 16 ms median.
/// - `fail_az`: `Edit::FailAz { us-east-1b }.apply(&model)` (a copy of the scenario; only the
///   what-if rule re-checked; every index shared) then `evaluate_all` likewise.
fn bench_matrix(c: &mut Criterion) {
    let (_, model) = quota_model();
    let mut group = c.benchmark_group("matrix_after_edit");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));

    let none = WhatIf::default();
    group.bench_function("evaluate_all", |b| {
        b.iter(|| evaluate_all(black_box(&model), black_box(&none)))
    });
    let one_az = WhatIf {
        failed_azs: vec!["us-east-1a".into()],
    };
    group.bench_function("evaluate_all_one_az_failed", |b| {
        b.iter(|| evaluate_all(black_box(&model), black_box(&one_az)))
    });

    let (endpoint, table) = common::attachable_s3_edit();
    let attach = Edit::AttachGatewayEndpoint {
        endpoint,
        route_table: table,
        position: None,
    };
    let fail_az = Edit::FailAz {
        az: "us-east-1b".into(),
    };
    // Fewer, flat samples for an edit plus a matrix.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(5));
    for (name, edit) in [("attach_gateway_endpoint", attach), ("fail_az", fail_az)] {
        edit.apply(&model)
            .unwrap_or_else(|e| panic!("matrix_after_edit/{name}: the edit is refused: {e}"));
        group.bench_function(name, |b| {
            b.iter(|| {
                let (next, inverse) = edit.apply(black_box(&model)).expect("edit applies");
                let matrix = evaluate_all(&next, &next.scenario().what_if);
                (next, inverse, matrix)
            })
        });
    }
    group.finish();
}

/// `load/*`, on the quota scenario's RON text (`to_ron_string`, generated once, outside timing;
/// about 18 MB, a subnet, route or instance per line). `from_ron_str` reads a text that large,
/// and `Model::new` validates and compiles, on both cores:
/// - `parse_validate_index`: `from_ron_str(&text)` + `Model::new(scenario)` — what opening the
///   file costs after it is read (no file I/O). Target: < 300 ms median.
/// - `parse_only`: `from_ron_str(&text)` alone.
/// - `validate_index_only`: `Model::new(scenario)` alone; the scenario clone is untimed setup.
fn bench_load(c: &mut Criterion) {
    let text = common::quota_ron();
    let path = Path::new("quota.ron");
    eprintln!(
        "load: quota scenario RON is {:.1} MB",
        text.len() as f64 / 1e6
    );
    let parsed = from_ron_str(&text, path).expect("the generated RON parses");
    assert_eq!(parsed, common::quota_scenario(), "RON round-trip");
    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    group.bench_function("parse_validate_index", |b| {
        b.iter(|| {
            let scenario = from_ron_str(black_box(&text), path).expect("parses");
            Model::new(scenario).expect("valid")
        })
    });
    group.bench_function("parse_only", |b| {
        b.iter(|| from_ron_str(black_box(&text), path).expect("parses"))
    });
    group.bench_function("validate_index_only", |b| {
        b.iter_batched(
            || parsed.clone(),
            |s| Model::new(s).expect("valid"),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench_evaluate_one, bench_matrix, bench_load);
criterion_main!(benches);
