//! Running the real binary: the command, a scratch directory per test, JSON output.

use assert_cmd::Command;
use serde_json::Value;

pub fn vpc_tui() -> Command {
    Command::cargo_bin("vpc-tui").unwrap()
}

/// An empty directory of its own for one test (`name`) of this test file and process.
pub fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!(
        "vpc-tui-{}-{name}-{}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Run with `args`, expect exit code `code`, and read stdout as one JSON value.
pub fn json(args: &[&str], code: i32) -> Value {
    let out = vpc_tui()
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stdout));
    })
}
