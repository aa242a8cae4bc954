//! Peak memory of opening the quota-sized scenario and computing its whole matrix.
//!
//! `cargo run --release --example peak_memory` generates the quota model (see
//! `benches/common/mod.rs`), writes it as RON to a temporary file, and re-runs itself on that
//! file in a fresh process, so the generator's own allocations never count. The child does what
//! the app does on open: `load_file` (read + parse + validate + index), then
//! `evaluate_all(model, what_if)`, and prints the peak resident set size (`VmHWM` in
//! `/proc/self/status`, Linux only) after each step. Target: < 200 MB.
//!
//! `cargo run --release --example peak_memory -- path/to/scenario.ron` measures any scenario.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::{Command, ExitCode};

use vpc_tui::eval::evaluate_all;
use vpc_tui::model::load_file;

const TARGET_MB: f64 = 200.0;

/// A field of `/proc/self/status` in MB (the kernel reports kB).
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn report(step: &str) -> f64 {
    let hwm = status_mb("VmHWM:").unwrap_or(f64::NAN);
    let rss = status_mb("VmRSS:").unwrap_or(f64::NAN);
    println!("{step:<34} peak RSS {hwm:8.1} MB   current RSS {rss:8.1} MB");
    hwm
}

/// Child mode: open `path` and evaluate everything, reporting memory along the way.
fn measure(path: &Path) -> ExitCode {
    report("start");
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let model = match load_file(path) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    report(&format!("load_file ({:.1} MB of RON)", size as f64 / 1e6));
    let what_if = model.scenario().what_if.clone();
    let matrix = evaluate_all(&model, &what_if);
    let columns = matrix.cells.first().map_or(0, |row| row.len());
    let peak = report(&format!(
        "evaluate_all ({} × {columns} cells)",
        matrix.instances.len()
    ));
    std::hint::black_box((&model, &matrix));
    let met = peak < TARGET_MB;
    println!(
        "peak RSS {peak:.1} MB (target < {TARGET_MB} MB: {})",
        if met { "met" } else { "MISSED" }
    );
    if met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn main() -> ExitCode {
    if let Some(path) = std::env::args_os().nth(1) {
        return measure(Path::new(&path));
    }
    let scenario = common::quota_scenario();
    common::check_aws_rules(&scenario);
    let text = vpc_tui::model::to_ron_string(&scenario);
    drop(scenario);
    let path = std::env::temp_dir().join(format!("vpc-tui-quota-{}.ron", std::process::id()));
    if let Err(e) = std::fs::write(&path, &text) {
        eprintln!("{}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    drop(text);
    println!(
        "quota scenario written to {} ; measuring in a fresh process",
        path.display()
    );
    let status = std::env::current_exe().and_then(|exe| Command::new(exe).arg(&path).status());
    let _ = std::fs::remove_file(&path);
    match status {
        Ok(s) if s.success() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("cannot re-run myself: {e}");
            ExitCode::FAILURE
        }
    }
}
