//! A profiling aid: allocations and time per `evaluate` call on the quota-sized model, for the
//! same representative pairs as `cargo bench --bench engine -- evaluate_one`.
//! Run: `cargo run --release --example alloc_count`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use vpc_tui::eval::{Query, Verdict, Via, evaluate, evaluate_all};
use vpc_tui::model::{Model, WhatIf};

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A named kind of verdict: which representative pair to time.
type VerdictKind = (&'static str, fn(&Verdict) -> bool);

fn main() {
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
        let before = ALLOCS.load(Ordering::Relaxed);
        let t = evaluate(&model, &what_if, &q).expect("a trace");
        let allocs = ALLOCS.load(Ordering::Relaxed) - before;
        drop(t);
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(evaluate(&model, &what_if, &q).ok());
        }
        let each = start.elapsed().as_nanos() as f64 / n as f64;
        println!("{name:<20} {inst} → {svc}: {allocs} allocations, {each:.0} ns");
    }
}
