//! Security-layer benchmarks (issue 17's performance point): the quota model of
//! `benches/common` plus its security layer (`Shape::with_security`: 500 security groups × 50
//! rules, 200 network ACLs × 40 rules, 1–3 groups per instance drawn from a handful of sets per
//! subnet, groups on endpoints and appliance interfaces). Compare with `benches/engine.rs`,
//! which times the same model without it:
//!
//! - `security/evaluate_one/<kind>`: ONE `evaluate(&model, &WhatIf::default(), &query)` with
//!   the full trace, for the first (instance, service) pair of the matrix whose verdict is
//!   <kind> (reached through an interface endpoint or a NAT gateway; refused by a security
//!   group's egress or ingress, or by a network ACL);
//! - `security/evaluate_all`: ONE `evaluate_all` (10,000 instances × every column);
//! - `security/edit_render/{sg_rule,nacl_rule,sg_attach,sg_detach,nacl_assoc,
//!   nacl_assoc_default,src_dst}`: through the app, an edit (`common::security::edits`: HTTPS
//!   from the VPC added to endpoint group `sg-001`'s ingress; `acl-039`'s outbound HTTPS rule
//!   removed; a group attached to an interface endpoint; a group detached from an instance; a
//!   subnet on AWS's stand-in default network ACL associated with an ACL, and the reverse; an
//!   appliance's source/destination check turned on) — the
//!   model rebuilt where it changed, the path, the matrix evaluated again where the edit
//!   touched, the flipped cells, the status line — and a full re-render at 120×40; the app
//!   before the edit is a clone made outside the timing. Target: < 16 ms.
//!
//! Run: `cargo bench --bench security`.

mod common;
#[path = "common/timing.rs"]
mod timing;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use vpc_tui::app::App;
use vpc_tui::eval::{Query, Reason, Verdict, Via, classes, evaluate, evaluate_all};
use vpc_tui::model::{Model, WhatIf};

/// The quota model with its security layer, checked against AWS's rules.
fn model() -> Model {
    let scenario = common::scenario(common::Shape::QUOTA.with_security());
    common::check_aws_rules(&scenario);
    let model = Model::new(scenario)
        .unwrap_or_else(|d| panic!("the generated security model is refused: {d:#?}"));
    eprintln!(
        "security: {} groups, {} network ACLs, {} matrix classes",
        model.scenario().security_groups.len(),
        model.scenario().network_acls.len(),
        classes(&model).keys.len()
    );
    model
}

type VerdictKind = (&'static str, fn(&Verdict) -> bool);

/// The first (instance, service) pair of the matrix whose verdict is each kind.
fn representative_pairs(model: &Model) -> Vec<(&'static str, String, String)> {
    let matrix = evaluate_all(model, &WhatIf::default());
    let kinds: [VerdictKind; 5] = [
        ("interface_endpoint", |v| {
            v.via() == Some(Via::InterfaceEndpoint)
        }),
        ("nat_gateway", |v| v.via() == Some(Via::NatGateway)),
        ("blocked_sg_egress", |v| {
            v.reason() == Some(Reason::SecurityGroupEgress)
        }),
        ("blocked_sg_ingress", |v| {
            v.reason() == Some(Reason::SecurityGroupIngress)
        }),
        ("blocked_nacl", |v| {
            matches!(
                v.reason(),
                Some(
                    Reason::NetworkAclOutbound
                        | Reason::NetworkAclInbound
                        | Reason::NetworkAclReply
                )
            )
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
            None => eprintln!("security/evaluate_one: no {name} path; skipped"),
        }
    }
    pairs
}

fn bench_security(c: &mut Criterion) {
    let model = model();
    let what_if = WhatIf::default();

    let mut group = c.benchmark_group("security/evaluate_one");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    for (kind, instance, service) in representative_pairs(&model) {
        let query = Query::instance_to_service(&instance, &service);
        let trace = evaluate(&model, &what_if, &query).expect("known names");
        eprintln!(
            "security/evaluate_one/{kind}: {instance} → {service}: {} ({} hops)",
            trace.verdict.code(),
            trace.hops.len()
        );
        group.bench_function(kind, |b| {
            b.iter(|| evaluate(black_box(&model), black_box(&what_if), black_box(&query)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("security");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("evaluate_all", |b| {
        b.iter(|| evaluate_all(black_box(&model), &what_if))
    });
    group.finish();

    let app = App::new(model.clone(), None, "security".into());
    let mut group = c.benchmark_group("security/edit_render");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for e in common::security::edits(&model) {
        let start = e.start(&model);
        e.edit
            .apply(&start)
            .unwrap_or_else(|err| panic!("security/edit_render/{}: refused: {err}", e.name));
        // An edit after a setup starts from an app on the model the setup made.
        let app = match e.setup {
            Some(_) => App::new(start, None, "security".into()),
            None => app.clone(),
        };
        timing::edit_and_render(&mut group, e.name, &app, &e.edit);
    }
    group.finish();
}

criterion_group!(benches, bench_security);
criterion_main!(benches);
