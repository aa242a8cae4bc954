//! A profiling aid without an allocation counter in the way: `evaluate` called N times on one
//! representative pair of the quota-sized model, for callgrind or perf.
//! Run: `cargo run --release --example eval_prof -- KIND N` with KIND one of gateway_endpoint,
//! interface_endpoint, nat_gateway, blocked_no_route, blocked_blackhole, blocked (the first blocked
//! pair of any reason); then for instance
//! `valgrind --tool=callgrind --toggle-collect='vpc_tui::eval::evaluate::evaluate' target/release/examples/eval_prof gateway_endpoint 20000`
//! (build with `CARGO_PROFILE_RELEASE_STRIP=false` so callgrind sees the names).

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use vpc_tui::eval::{Query, Reason, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::model::{Model, WhatIf};

fn main() {
    let model = Model::new(common::quota_scenario()).expect("the quota model loads");
    let what_if = WhatIf::default();
    let matrix = evaluate_all(&model, &what_if);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = args
        .first()
        .map(String::as_str)
        .unwrap_or("gateway_endpoint");
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let wanted = |v: &Verdict| match kind {
        "gateway_endpoint" => v.via() == Some(Via::GatewayEndpoint),
        "interface_endpoint" => v.via() == Some(Via::InterfaceEndpoint),
        "nat_gateway" => v.via() == Some(Via::NatGateway),
        "blocked_no_route" => *v == Verdict::Blocked(Reason::NoRoute),
        "blocked_blackhole" => *v == Verdict::Blocked(Reason::BlackholeRoute),
        _ => matches!(v, Verdict::Blocked(_)),
    };
    let found = (0..matrix.instances.len()).find_map(|i| {
        matrix.cells[i]
            .iter()
            .position(|c| wanted(&c.verdict))
            .map(|s| (matrix.instances[i].clone(), matrix.services[s].clone()))
    });
    let Some((inst, svc)) = found else {
        eprintln!("no pair of kind {kind}");
        std::process::exit(1);
    };
    let q = Query::parse(&model, &inst, &svc, false);
    if let Ok(t) = evaluate(&model, &what_if, &q) {
        let part_hops: usize = t.parts.iter().map(|p| p.hops.len()).sum();
        eprintln!("{} hops (+{part_hops} in parts)", t.hops.len());
    }
    let start = Instant::now();
    for _ in 0..n {
        std::hint::black_box(evaluate(&model, &what_if, &q).ok());
    }
    let each = start.elapsed().as_nanos() as f64 / n as f64;
    println!("{kind:<20} {inst} → {svc}: {each:.0} ns");
}
