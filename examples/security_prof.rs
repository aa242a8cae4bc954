//! A profiling aid for the security layer: instruction counts that stay steady on a loaded
//! machine. The quota model of `benches/common`, with (`security`) or without (`plain`) its
//! security layer, and one measured step run N times inside `measured`:
//!
//! - `all N`: `evaluate_all`;
//! - `one KIND N`: `evaluate` with the full trace on the first pair of KIND (interface_endpoint,
//!   nat_gateway, gateway_endpoint, blocked);
//! - `edit NAME N` (security only): `App::apply` of one of the bench's edits
//!   (`common::security::edits`: `sg_rule`, `nacl_rule`, `sg_attach`, `sg_detach`, `nacl_assoc`,
//!   `nacl_assoc_default`, `src_dst`) plus a 120×40 render, on a clone of the app made outside
//!   `measured` (on the model after the edit's setup, if it has one).
//!
//! Build with `CARGO_PROFILE_RELEASE_STRIP=false cargo build --release --example security_prof`,
//! then `taskset -c 1 valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect='*measured*' target/release/examples/security_prof security all 1`.
//!
//! Keep the `taskset -c 1`: callgrind's collection switch is per thread, and the threads
//! `evaluate_all`, the matrix after an edit and the cost estimate start inside `measured` are
//! never switched on. With two cores they take part of the work and their instructions are
//! not counted: `edit nacl_rule` counts 219 million on two cores and 333 million on one, so
//! counts taken on two cores drop whenever work moves to a helper thread, while the wall time
//! does not. On one core the work stays on the measured thread. For where the wall time goes,
//! sample instead: `perf record -e cpu-clock --call-graph dwarf … security all 20`, and
//! `perf stat -e task-clock` for CPU time (both threads).

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use vpc_tui::app::App;
use vpc_tui::eval::{Query, Verdict, Via, classes, evaluate, evaluate_all};
use vpc_tui::model::{Model, WhatIf};

#[inline(never)]
fn measured<T>(f: impl FnOnce() -> T) -> T {
    f()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let mut shape = common::Shape::QUOTA;
    if arg(0) == "security" {
        shape = shape.with_security();
    }
    let model = Model::new(common::scenario(shape)).expect("the model loads");
    let what_if = WhatIf::default();
    eprintln!("{} classes", classes(&model).keys.len());
    let n = |i: usize| arg(i).parse::<usize>().unwrap_or(1);
    match arg(1) {
        "one" => {
            let matrix = evaluate_all(&model, &what_if);
            let kind = arg(2);
            let wanted = |v: &Verdict| match kind {
                "gateway_endpoint" => v.via() == Some(Via::GatewayEndpoint),
                "interface_endpoint" => v.via() == Some(Via::InterfaceEndpoint),
                "nat_gateway" => v.via() == Some(Via::NatGateway),
                _ => matches!(v, Verdict::Blocked(_)),
            };
            let (inst, svc) = (0..matrix.instances.len())
                .find_map(|i| {
                    matrix.cells[i]
                        .iter()
                        .position(|c| wanted(&c.verdict))
                        .map(|s| (matrix.instances[i].clone(), matrix.services[s].clone()))
                })
                .expect("a pair of that kind");
            eprintln!("{kind}: {inst} → {svc}");
            let q = Query::instance_to_service(&inst, &svc);
            measured(|| {
                for _ in 0..n(3) {
                    black_box(evaluate(&model, &what_if, &q).ok());
                }
            });
        }
        "edit" => {
            let edits = common::security::edits(&model);
            let Some(e) = edits.iter().find(|e| e.name == arg(2)) else {
                let names: Vec<&str> = edits.iter().map(|e| e.name).collect();
                eprintln!("edit NAME N: NAME is one of {}", names.join(", "));
                std::process::exit(2);
            };
            let app = App::new(e.start(&model), None, "prof".into());
            let e = &e.edit;
            for _ in 0..n(3) {
                let mut app = app.clone();
                let buf = measured(|| {
                    app.apply(e.clone());
                    let area = Rect::new(0, 0, 120, 40);
                    let mut buf = Buffer::empty(area);
                    vpc_tui::ui::draw(&app, area, &mut buf);
                    buf
                });
                black_box((app, buf));
            }
        }
        _ => measured(|| {
            for _ in 0..n(2) {
                black_box(evaluate_all(&model, &what_if));
            }
        }),
    }
}
