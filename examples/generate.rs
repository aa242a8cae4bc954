//! Writes the generated benchmark model (see `benches/common/mod.rs`) to files, for measuring
//! the CLI on it.
//!
//! `cargo run --release --example generate -- [--scale F] [--instances N] [--ron FILE]`
//!
//! - `--scale F`: the quota model times F (subnets, route tables, instances; default 1);
//! - `--instances N`: this many instances instead;
//! - `--ron FILE`: the scenario as RON.

#[path = "../benches/common/mod.rs"]
mod common;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut scale = 1.0;
    let mut instances = None;
    let mut ron = None;
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value) {
            ("--scale", Some(v)) => scale = v.parse().expect("--scale takes a number"),
            ("--instances", Some(v)) => {
                instances = Some(v.parse().expect("--instances takes a number"))
            }
            ("--ron", Some(v)) => ron = Some(v),
            _ => {
                eprintln!("usage: generate [--scale F] [--instances N] [--ron FILE]");
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
    ExitCode::SUCCESS
}
