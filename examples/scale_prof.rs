//! A profiling aid for the scaling work (issue 18): builds the generated model once at a scale,
//! then repeats one step N times and prints the median, so that `valgrind --tool=callgrind`
//! (or `perf`) sees mostly that step:
//!
//!     cargo run --release --example scale_prof -- STEP [--scale F] [-n N]
//!
//! STEP is `edit-attach` / `edit-fail-az` (one edit through the app and a 120×40 re-render, as
//! `edit_render/*` in `benches/scale.rs`), `cost-attach` / `cost-fail-az` (the cost estimate
//! after that edit and its diff, as `cost/*`), `import` (the model's describe-* JSON read and
//! built, in memory) or `validate`. Timings here are for comparing before/after on one machine in
//! one minute; the benchmarks are the measurement.
//!
//! Instruction counts of the step alone (not the model's generation, nor the app's clone and
//! drop around each edit): `valgrind --tool=callgrind --toggle-collect='scale_prof::measured'`
//! on a build with symbols (`CARGO_PROFILE_RELEASE_STRIP=false
//! CARGO_PROFILE_RELEASE_DEBUG=line-tables-only`), then divide by `-n`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::time::Instant;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use vpc_tui::app::App;
use vpc_tui::cost::{CostInputs, diff, estimate, estimate_after};
use vpc_tui::model::{Edit, Model, catalogue, validate};
use vpc_tui::ui;

fn main() {
    let mut args = std::env::args().skip(1);
    let step = args.next().unwrap_or_else(|| "edit-attach".into());
    let mut scale = 1.0;
    let mut n = 10;
    while let Some(a) = args.next() {
        let v = args.next().expect("a value");
        match a.as_str() {
            "--scale" => scale = v.parse().expect("--scale F"),
            "-n" => n = v.parse().expect("-n N"),
            _ => panic!("usage: scale_prof STEP [--scale F] [-n N]"),
        }
    }
    let scenario = common::scenario(common::Shape::scaled(scale));
    let model = Model::new(scenario.clone()).expect("valid");
    let (endpoint, table) = common::attachable_s3_edit();
    let attach = Edit::AttachGatewayEndpoint {
        endpoint,
        route_table: table,
        position: None,
    };
    let fail = Edit::FailAz {
        az: "us-east-1b".into(),
    };
    let mut times = Vec::with_capacity(n);
    let mut time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        measured(f);
        times.push(start.elapsed().as_secs_f64() * 1e3);
    };
    match step.as_str() {
        "edit-attach" | "edit-fail-az" => {
            let edit = if step == "edit-attach" { attach } else { fail };
            let app = App::new(model, None, "scale".into());
            for _ in 0..n {
                let mut a = app.clone();
                time(&mut || {
                    a.apply(edit.clone());
                    let area = Rect::new(0, 0, 120, 40);
                    let mut buf = Buffer::empty(area);
                    ui::draw(&a, area, &mut buf);
                    std::hint::black_box(&buf);
                });
            }
        }
        "cost-attach" | "cost-fail-az" => {
            let edit = if step == "cost-attach" { attach } else { fail };
            let inputs = CostInputs::for_model(&model);
            let before = estimate(&model, &model.scenario().what_if, &inputs);
            let (after, _) = edit.apply(&model).expect("applies");
            for _ in 0..n {
                time(&mut || {
                    let e = estimate_after(&before, &after, &after.scenario().what_if, &inputs);
                    std::hint::black_box(diff(&before, &e));
                });
            }
        }
        "cost-full" => {
            let inputs = CostInputs::for_model(&model);
            for _ in 0..n {
                time(&mut || {
                    std::hint::black_box(estimate(&model, &model.scenario().what_if, &inputs));
                });
            }
        }
        "import" => {
            let files = common::describe_files(&scenario);
            for _ in 0..n {
                time(&mut || {
                    let mut input = vpc_tui::import::Input::default();
                    let mut warnings = Vec::new();
                    for (name, text) in &files {
                        vpc_tui::import::read_text(
                            text,
                            Path::new(name),
                            &mut input,
                            &mut warnings,
                        )
                        .expect("reads");
                    }
                    std::hint::black_box(
                        vpc_tui::import::build(&input, None, &mut warnings).expect("builds"),
                    );
                });
            }
        }
        "validate" => {
            let services = catalogue::resolve(&scenario.region, &scenario.services);
            for _ in 0..n {
                time(&mut || {
                    std::hint::black_box(validate::validate(&scenario, &services));
                });
            }
        }
        other => panic!("unknown step {other}"),
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{step} at {scale}x: median {:.2} ms (min {:.2}, max {:.2}, n = {n})",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}

/// The timed step, kept out of line so that callgrind can count it alone (`--toggle-collect`).
#[inline(never)]
fn measured(f: &mut dyn FnMut()) {
    f();
}
