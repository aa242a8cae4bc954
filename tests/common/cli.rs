//! Running the real binary: the command, a scratch directory per test, JSON output.

use assert_cmd::Command;
use serde_json::Value;

pub fn vpc_tui() -> Command {
    Command::cargo_bin("vpc-tui").unwrap()
}

/// An empty directory of its own for one test (`name`) of this test file, removed when the test
/// ends, passed or failed. It reads as a `Path` (`d.join(..)`, `.arg(&d)`).
pub fn scratch(name: &str) -> Scratch {
    Scratch(
        tempfile::Builder::new()
            .prefix(&format!("vpc-tui-{}-{name}-", env!("CARGO_CRATE_NAME")))
            .tempdir()
            .unwrap(),
    )
}

/// A test's scratch directory ([`scratch`]): deleted with everything in it when dropped.
pub struct Scratch(tempfile::TempDir);

impl std::ops::Deref for Scratch {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::path::Path> for Scratch {
    fn as_ref(&self) -> &std::path::Path {
        self.0.path()
    }
}

impl AsRef<std::ffi::OsStr> for Scratch {
    fn as_ref(&self) -> &std::ffi::OsStr {
        self.0.path().as_os_str()
    }
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
