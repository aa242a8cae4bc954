//! `vpc-tui import aws` in Japanese: every warning the importer gives for the AWS fixtures
//! (`tests/fixtures/aws/oddities` holds one of nearly every situation it warns about), the
//! explorer's list of them, and the command's own lines on standard error, rendered with
//! `--lang ja`, hold no English sentence. Ids, codes, CIDRs, field names and AWS API values
//! stay as they are.

mod common;

use common::cli::{Scratch, scratch};
use common::english::english_run;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::Diagnostic;

const ODDITIES: &str = "tests/fixtures/aws/oddities";

/// A directory holding only the oddities' `describe-vpcs` output: the importer warns that the
/// subnets, the Region, the route tables and the DNS attributes are missing.
fn vpcs_only() -> Scratch {
    let dir = scratch("vpcs-only");
    std::fs::copy(Path::new(ODDITIES).join("vpcs.json"), dir.join("vpcs.json")).unwrap();
    dir
}

/// The warnings of every fixture folder that imports without `--vpc`.
fn all_warnings() -> Vec<(PathBuf, Diagnostic)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/aws")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let vpcs = vpcs_only();
    dirs.push(vpcs.to_path_buf());
    let mut out = Vec::new();
    for dir in dirs {
        // moto-several-vpcs asks for --vpc; its VPCs are moto-basic's.
        let Ok((_, warnings)) = vpc_tui::import::load_aws_dir(&dir, None) else {
            continue;
        };
        out.extend(warnings.into_iter().map(|w| (dir.clone(), w)));
    }
    out
}

#[test]
fn the_detector_finds_english() {
    assert!(english_run("rtb-a: route 10.0.0.0/8: listed twice; the first is kept").is_some());
    assert!(english_run("rtb-a: 10.0.0.0/8 へのルートが 2 回出てきます。").is_none());
    assert!(english_run("State \"is not known\" は知らない値です").is_none());
}

#[test]
fn every_import_warning_reads_in_japanese() {
    let warnings = all_warnings();
    let mut failures = Vec::new();
    let mut situations = BTreeSet::new();
    for (dir, w) in &warnings {
        situations.insert((w.rule, w.text("case").unwrap_or_default().to_string()));
        let ja = explain::diagnostic_message(Lang::Ja, w);
        let en = explain::diagnostic_message(Lang::En, w);
        if let Some(run) = english_run(&ja) {
            failures.push(format!("{}: {ja}\n    English: {run}", dir.display()));
        }
        assert_ne!(ja, en, "{}: not translated", dir.display());
        assert!(
            !ja.contains("diag-") && !ja.contains('{'),
            "{}: {ja}",
            dir.display()
        );
        // docs/glossary-ja.md: half-width parentheses; a sentence ends with 。.
        assert!(!ja.contains(['（', '）']), "{ja}");
        assert!(ja.ends_with('。'), "{ja}");
    }
    // Nearly every situation the importer warns about (the rest need files that contradict
    // the oddities, such as no describe-vpc-endpoints output at all).
    assert!(
        situations.len() >= 75,
        "{} situations: {situations:?}",
        situations.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The explorer's `!` list of an imported VPC: every line in Japanese.
#[test]
fn the_explorers_warning_list_reads_in_japanese() {
    let (scenario, warnings) = vpc_tui::import::load_aws_dir(Path::new(ODDITIES), None).unwrap();
    let model = vpc_tui::model::Model::new(scenario).unwrap();
    let mut app = vpc_tui::app::App::new(model, None, "oddities".into());
    app.import_warnings = warnings.clone();
    app.set_lang(Lang::Ja);
    let lines = app.warning_lines();
    assert!(lines.len() >= warnings.len());
    for line in &lines {
        assert!(english_run(line).is_none(), "{line}");
    }
    let status = app.status.as_ref().map(|s| s.1.clone()).unwrap_or_default();
    assert!(english_run(&status).is_none(), "{status}");
}

fn vpc_tui() -> Command {
    Command::cargo_bin("vpc-tui").unwrap()
}

#[track_caller]
fn assert_japanese(stderr: &[u8], at_least: usize) {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= at_least, "{text}");
    let english: Vec<String> = lines
        .iter()
        .filter_map(|l| english_run(l).map(|run| format!("{l}\n    English: {run}")))
        .collect();
    assert!(english.is_empty(), "{}", english.join("\n"));
}

/// `vpc-tui --lang ja import aws`: the files it read, every warning and the summary line.
#[test]
fn import_aws_speaks_japanese() {
    let dir = scratch("import");
    let out = dir.join("imported.ron");
    let run = vpc_tui()
        .args(["--lang", "ja", "import", "aws", ODDITIES, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_japanese(&run.stderr, 90);
    let text = String::from_utf8_lossy(&run.stderr);
    assert!(text.contains("を読み込みました: describe-vpcs"), "{text}");
    assert!(text.contains("(警告 "), "{text}");
    // The scenario file carries a Japanese title beside the English one.
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("AWS からインポート"), "{written}");
    // `check --aws` prints the same warnings in Japanese.
    let run = vpc_tui()
        .args([
            "--lang",
            "ja",
            "check",
            "--aws",
            ODDITIES,
            "--from",
            "i-0twin10000000006",
            "--to",
            "s3",
        ])
        .output()
        .unwrap();
    // 78 lines since the IPv6-only subnet imports (no ipv6_only_subnet warning).
    assert_japanese(&run.stderr, 78);
}

/// What stops an import is said in Japanese too.
#[test]
fn import_errors_speak_japanese() {
    let several = vpc_tui()
        .args([
            "--lang",
            "ja",
            "import",
            "aws",
            "tests/fixtures/aws/moto-several-vpcs",
        ])
        .output()
        .unwrap();
    assert_eq!(several.status.code(), Some(2));
    assert_japanese(&several.stderr, 1);
    assert!(String::from_utf8_lossy(&several.stderr).contains("--vpc VPC_ID"));
    let unknown = vpc_tui()
        .args([
            "--lang", "ja", "import", "aws", ODDITIES, "--vpc", "vpc-nope",
        ])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert_japanese(&unknown.stderr, 1);
    let no_vpc = vpc_tui()
        .args(["--lang", "ja", "import", "aws"])
        .arg(Path::new(ODDITIES).join("subnets.json"))
        .output()
        .unwrap();
    assert_eq!(no_vpc.status.code(), Some(2));
    assert_japanese(&no_vpc.stderr, 1);
    assert!(String::from_utf8_lossy(&no_vpc.stderr).contains("describe-vpcs` の出力がありません"));
}
