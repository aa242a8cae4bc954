//! `vpc-tui import aws` in Japanese: every warning the importer gives for the AWS fixtures
//! (`tests/fixtures/aws/oddities` holds one of nearly every situation it warns about), the
//! explorer's list of them, and the command's own lines on standard error, rendered with
//! `--lang ja`, hold no English sentence. Ids, codes, CIDRs, field names and AWS API values
//! stay as they are.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use vpc_tui::explain::{self, Lang};
use vpc_tui::model::Diagnostic;

const ODDITIES: &str = "tests/fixtures/aws/oddities";

/// English prose: three or more lowercase English words in a row (the detector of
/// tests/japanese_traces.rs and tests/japanese_diagnostics.rs). Quoted text is AWS's own value
/// (`State "sleeping"`).
fn english_run(text: &str) -> Option<String> {
    let text: String = text
        .split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    let mut run: Vec<&str> = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || ",;:()[]→`".contains(c)) {
        let word = token.trim_matches(|c: char| ".'\"".contains(c));
        let english = word.len() > 1 && word.chars().all(|c| c.is_ascii_lowercase());
        if english {
            run.push(word);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else if !word.is_empty() {
            run.clear();
        }
    }
    None
}

/// A directory holding only the oddities' `describe-vpcs` output: the importer warns that the
/// subnets, the Region, the route tables and the DNS attributes are missing.
fn vpcs_only() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vpc-tui-ja-vpcs-only-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
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
    dirs.push(vpcs_only());
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
