//! Scaling benchmarks: the generated model (`benches/common`) at 0.25×, 1× and 4× the quota
//! model (subnets, route tables and instances scaled; 1,000 routes per table; 4× is 800 tables,
//! 800,000 routes and 40,000 instances), each step a user waits for:
//!
//! - `load/<scale>`: `from_ron_str` + `Model::new` on the model's RON text (no file I/O);
//! - `validation/<scale>`: `validate::validate` alone (every AWS rule on the whole scenario);
//! - `matrix/<scale>`: `evaluate_all` — every instance × every service and workload;
//! - `edit_render/attach/<scale>`: through the app, `Edit::AttachGatewayEndpoint` (an S3
//!   gateway endpoint onto `rtb-039`: the model rebuilt where it changed, the path, the matrix
//!   evaluated again where the edit touched, the flipped cells, the status line) and a full
//!   re-render at 120×40; the app before the edit is a clone made outside the timing;
//! - `edit_render/fail_az/<scale>`: the same for failing `us-east-1b`.
//! - `cost/{attach,fail_az}/<scale>`: the cost estimate after the same edits as the app works
//!   it out — `cost::estimate_after` from the estimate before the edit (only the classes of
//!   instances whose walks the edit touched evaluated again; flows by class × service) and
//!   `cost::diff` — the edited model made outside the timing;
//! - `import/<scale>`: the model's `aws ec2 describe-*` JSON (`common::describe_files`, in
//!   memory) read, recognised and built into a scenario (`import::read_text` per file, then
//!   `import::build::build`), no file I/O.
//!
//! Run: `cargo bench --bench scale` (several minutes on 2 cores; `-- matrix` for one group).

mod common;
#[path = "common/timing.rs"]
mod timing;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use vpc_tui::app::App;
use vpc_tui::cost::{CostInputs, diff, estimate, estimate_after};
use vpc_tui::eval::evaluate_all;
use vpc_tui::model::{Edit, Model, catalogue, from_ron_str, to_ron_string, validate};

const SCALES: [(&str, f64); 3] = [("0.25x", 0.25), ("1x", 1.0), ("4x", 4.0)];

fn bench_scale(c: &mut Criterion) {
    for (label, factor) in SCALES {
        let scenario = common::scenario(common::Shape::scaled(factor));
        common::check_aws_rules(&scenario);
        let text = to_ron_string(&scenario);
        let model = Model::new(scenario.clone()).expect("the generated model is valid");
        eprintln!(
            "{label}: {} subnets, {} tables, {} instances, {:.1} MB of RON",
            scenario.subnets.len(),
            scenario.route_tables.len(),
            scenario.instances.len(),
            text.len() as f64 / 1e6
        );

        let mut group = c.benchmark_group("load");
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        group.bench_function(label, |b| {
            b.iter(|| {
                let s = from_ron_str(black_box(&text), Path::new("scale.ron")).expect("parses");
                Model::new(s).expect("valid")
            })
        });
        group.finish();

        let services = catalogue::resolve(&scenario.region, &scenario.services);
        let mut group = c.benchmark_group("validation");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        group.bench_function(label, |b| {
            b.iter(|| validate::validate(black_box(&scenario), &services))
        });
        group.finish();

        let mut group = c.benchmark_group("matrix");
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        let what_if = model.scenario().what_if.clone();
        group.bench_function(label, |b| {
            b.iter(|| evaluate_all(black_box(&model), &what_if))
        });
        group.finish();

        let app = App::new(model.clone(), None, "scale".into());
        let (endpoint, table) = common::attachable_s3_edit();
        let edits = [
            (
                "attach",
                Edit::AttachGatewayEndpoint {
                    endpoint,
                    route_table: table,
                    position: None,
                },
            ),
            (
                "fail_az",
                Edit::FailAz {
                    az: "us-east-1b".into(),
                },
            ),
        ];
        let inputs = CostInputs::for_model(&model);
        let what_if = &model.scenario().what_if;
        let before = estimate(&model, what_if, &inputs);
        let mut group = c.benchmark_group("cost");
        group
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        for (name, edit) in &edits {
            let (after, _) = edit.apply(&model).expect("the edit applies");
            group.bench_function(format!("{name}/{label}"), |b| {
                b.iter(|| {
                    let e = estimate_after(&before, &after, &after.scenario().what_if, &inputs);
                    let changes = diff(&before, &e);
                    (e, changes)
                })
            });
        }
        group.finish();

        let files = common::describe_files(&scenario);
        let mut group = c.benchmark_group("import");
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut input = vpc_tui::import::Input::default();
                let mut warnings = Vec::new();
                for (name, text) in &files {
                    vpc_tui::import::read_text(text, Path::new(name), &mut input, &mut warnings)
                        .expect("reads");
                }
                vpc_tui::import::build(&input, None, &mut warnings).expect("builds")
            })
        });
        group.finish();

        let mut group = c.benchmark_group("edit_render");
        group
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        for (name, edit) in edits {
            timing::edit_and_render(&mut group, &format!("{name}/{label}"), &app, &edit);
        }
        group.finish();
    }
}

criterion_group!(benches, bench_scale);
criterion_main!(benches);
