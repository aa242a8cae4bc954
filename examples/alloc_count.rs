//! A profiling aid: allocations and time per `evaluate` call on the quota-sized model, for the
//! same representative pairs as `cargo bench --bench engine -- evaluate_one`.
//! Run: `cargo run --release --example alloc_count [KIND [N]]`. The times include dhat's
//! bookkeeping: `cargo bench --bench engine -- evaluate_one` gives the real ones.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use vpc_tui::eval::{Query, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::model::{Model, WhatIf};

// dhat counts the allocations (a well-kept crate, no unsafe of ours).
#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// A named kind of verdict: which representative pair to time.
type VerdictKind = (&'static str, fn(&Verdict) -> bool);

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let model = Model::new(common::quota_scenario()).expect("the quota model loads");
    let what_if = WhatIf::default();
    let matrix = evaluate_all(&model, &what_if);
    let kinds: [VerdictKind; 5] = [
        ("gateway_endpoint", |v| {
            v.via() == Some(Via::GatewayEndpoint)
        }),
        ("interface_endpoint", |v| {
            v.via() == Some(Via::InterfaceEndpoint)
        }),
        ("nat_gateway", |v| v.via() == Some(Via::NatGateway)),
        ("blocked", |v| matches!(v, Verdict::Blocked(_))),
        ("partial", |v| matches!(v, Verdict::Partial)),
    ];
    // `alloc_count KIND N`: only that kind, N calls (for a profiler such as callgrind).
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args.first().cloned();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200_000);
    for (name, wanted) in kinds {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let found = (0..matrix.instances.len()).find_map(|i| {
            matrix.cells[i]
                .iter()
                .position(|c| wanted(&c.verdict))
                .map(|s| (matrix.instances[i].clone(), matrix.services[s].clone()))
        });
        let Some((inst, svc)) = found else { continue };
        let q = Query::parse(&model, &inst, &svc, false);
        let before = dhat::HeapStats::get().total_blocks;
        let t = evaluate(&model, &what_if, &q).expect("a trace");
        let allocs = dhat::HeapStats::get().total_blocks - before;
        drop(t);
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(evaluate(&model, &what_if, &q).ok());
        }
        let each = start.elapsed().as_nanos() as f64 / n as f64;
        println!("{name:<20} {inst} → {svc}: {allocs} allocations, {each:.0} ns");
    }
}
