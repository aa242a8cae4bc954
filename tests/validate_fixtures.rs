//! Scenario files against the loader and AWS's rules:
//! - every `tests/fixtures/invalid/<name>.ron` fails to load, and its error report contains each
//!   line of `<name>.expected` (syntax errors with `file:line:column`, semantic errors as
//!   `message [rule]`, the message naming the object);
//! - every `scenarios/*.ron` loads without errors.

use std::fs;
use std::path::{Path, PathBuf};

use vpc_tui::model::{LoadError, load_file};

fn ron_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

fn expected_lines(ron: &Path) -> Vec<String> {
    let path = ron.with_extension("expected");
    let text = fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} needs {}: {e}", ron.display(), path.display()));
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn invalid_fixtures_report_what_they_expect() {
    let files = ron_files("tests/fixtures/invalid");
    assert!(
        files.len() >= 10,
        "expected at least 10 fixtures, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let expected = expected_lines(file);
        assert!(
            !expected.is_empty(),
            "{} is empty",
            file.with_extension("expected").display()
        );
        let report = match load_file(file) {
            Ok(_) => {
                failures.push(format!("{} loaded, but it should fail", file.display()));
                continue;
            }
            Err(e) => e.to_string(),
        };
        for line in expected {
            if !report.contains(&line) {
                failures.push(format!(
                    "{}: the report lacks\n    {line}\n  report:\n{report}",
                    file.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_expected_file_has_a_fixture() {
    for entry in fs::read_dir("tests/fixtures/invalid").expect("fixture folder") {
        let path = entry.expect("directory entry").path();
        if path.extension().is_some_and(|x| x == "expected") {
            assert!(
                path.with_extension("ron").exists(),
                "{} has no .ron beside it",
                path.display()
            );
        }
    }
}

#[test]
fn the_multi_error_fixture_reports_every_error() {
    let err = load_file(Path::new("tests/fixtures/invalid/many-errors.ron")).unwrap_err();
    let LoadError::Invalid { diagnostics, .. } = &err else {
        panic!("expected validation errors, got: {err}");
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    assert!(errors >= 10, "only {errors} errors:\n{err}");
    // Errors come first, then warnings.
    let first_warning = diagnostics.iter().position(|d| !d.is_error());
    if let Some(w) = first_warning {
        assert!(diagnostics[w..].iter().all(|d| !d.is_error()), "{err}");
    }
}

#[test]
fn shipped_scenarios_load_without_errors() {
    let files = ron_files("scenarios");
    assert!(!files.is_empty(), "no scenarios found");
    let mut failures = Vec::new();
    for file in &files {
        match load_file(file) {
            Ok(model) => {
                for w in model.warnings() {
                    println!("{}: {w}", file.display());
                }
            }
            Err(e) => failures.push(e.to_string()),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}
