//! Explorer benchmarks: what a user waits for between a key and the next frame.
//!
//! - `launch/private_only_first_frame`: the built-in scenario parsed, validated, evaluated
//!   (path and matrix) and drawn at 80×24 — launch to first frame, minus process start.
//! - `launch/quota_first_frame`: the same for the quota-sized model (RON text to frame at
//!   120×40).
//! - `edit/quota_attach_and_render` and `edit/quota_fail_az_and_render`: one edit through the
//!   app (engine edit, path, matrix, flipped-cell diff, status) and a full re-render at 120×40.
//! - `edit/render_quota_120x40`: drawing alone, no change.
//! - `edit/cost_estimate_quota`: the cost estimate alone (part of every edit above).

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use vpc_tui::app::App;
use vpc_tui::cli::BUILTIN_SCENARIO;
use vpc_tui::model::{Edit, Model, from_ron_str};
use vpc_tui::ui;

mod common;

fn frame(app: &App, w: u16, h: u16) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    ui::draw(app, area, &mut buf);
    buf
}

fn launch(text: &str, w: u16, h: u16) -> Buffer {
    let scenario = from_ron_str(text, Path::new("bench.ron")).expect("parses");
    let model = Model::new(scenario).expect("valid");
    let app = App::new(model, None, "bench".into());
    frame(&app, w, h)
}

fn bench_launch(c: &mut Criterion) {
    let mut group = c.benchmark_group("launch");
    group.bench_function("private_only_first_frame", |b| {
        b.iter(|| launch(black_box(BUILTIN_SCENARIO), 80, 24))
    });
    let quota = common::quota_ron();
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    group.bench_function("quota_first_frame", |b| {
        b.iter(|| launch(black_box(&quota), 120, 40))
    });
    group.finish();
}

fn bench_edit(c: &mut Criterion) {
    let model = Model::new(common::quota_scenario()).expect("valid");
    let app = App::new(model, None, "quota".into());
    let mut group = c.benchmark_group("edit");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    let (endpoint, table) = common::attachable_s3_edit();
    let attach = Edit::AttachGatewayEndpoint {
        endpoint,
        route_table: table,
        position: None,
    };
    group.bench_function("quota_attach_and_render", |b| {
        b.iter_batched(
            || app.clone(),
            // The app goes back to criterion, which drops it after timing: freeing the
            // 10,000-instance model's lists is not part of what a user waits for.
            |mut app| {
                app.apply(attach.clone());
                let buf = frame(&app, 120, 40);
                (app, buf)
            },
            BatchSize::PerIteration,
        )
    });
    let az = app.model.scenario().availability_zones[0].name.clone();
    group.bench_function("quota_fail_az_and_render", |b| {
        b.iter_batched(
            || app.clone(),
            |mut app| {
                app.apply(Edit::FailAz { az: az.clone() });
                let buf = frame(&app, 120, 40);
                (app, buf)
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("render_quota_120x40", |b| b.iter(|| frame(&app, 120, 40)));
    group.bench_function("cost_estimate_quota", |b| {
        b.iter(|| {
            vpc_tui::cost::estimate(&app.model, &app.model.scenario().what_if, &app.cost_inputs)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_launch, bench_edit);
criterion_main!(benches);
