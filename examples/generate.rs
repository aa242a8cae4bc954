//! Writes the generated benchmark model (see `benches/common/mod.rs`) to files, for measuring
//! the CLI on it.
//!
//! `cargo run --release --example generate -- [--scale F] [--instances N] [--ron FILE]`
//!
//! - `--scale F`: the quota model times F (subnets, route tables, instances; default 1);
//! - `--instances N`: this many instances instead;
//! - `--ron FILE`: the scenario as RON;
//! - `--aws DIR`: the scenario as `aws ec2 describe-*` JSON, one file per call
//!   (`common::describe_files`), for `vpc-tui import aws DIR/*.json`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut scale = 1.0;
    let mut instances = None;
    let mut ron = None;
    let mut aws = None;
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value) {
            ("--scale", Some(v)) => scale = v.parse().expect("--scale takes a number"),
            ("--instances", Some(v)) => {
                instances = Some(v.parse().expect("--instances takes a number"))
            }
            ("--ron", Some(v)) => ron = Some(v),
            ("--aws", Some(v)) => aws = Some(v),
            _ => {
                eprintln!("usage: generate [--scale F] [--instances N] [--ron FILE] [--aws DIR]");
                return ExitCode::from(2);
            }
        }
    }
    let mut shape = common::Shape::scaled(scale);
    if let Some(n) = instances {
        shape.instances = n;
    }
    let scenario = common::scenario(shape);
    common::check_aws_rules(&scenario);
    if let Some(path) = ron {
        std::fs::write(&path, vpc_tui::model::to_ron_string(&scenario)).expect("writes the RON");
        eprintln!("{path}: {shape:?}");
    }
    if let Some(dir) = aws {
        std::fs::create_dir_all(&dir).expect("creates the directory");
        for (name, text) in common::describe_files(&scenario) {
            std::fs::write(std::path::Path::new(&dir).join(name), text).expect("writes a file");
        }
        eprintln!("{dir}: {shape:?}");
    }
    ExitCode::SUCCESS
}
