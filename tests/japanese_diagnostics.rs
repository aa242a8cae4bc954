//! Validation findings and edit refusals read in Japanese: every finding of every invalid
//! fixture, and the refusals of a few edits AWS would not make, rendered in Japanese, hold no
//! English sentence (ids, codes, CIDRs and option names stay as they are).

mod common;

use common::english::english_run;
use std::path::Path;

use vpc_tui::explain::{self, Lang};
use vpc_tui::model::{Edit, EndpointSubnet, LoadError, load_file};

#[test]
fn every_finding_of_the_invalid_fixtures_reads_in_japanese() {
    let mut seen = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir("tests/fixtures/invalid").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let Err(LoadError::Invalid { diagnostics, .. }) = load_file(&path) else {
            continue;
        };
        for d in &diagnostics {
            seen += 1;
            let ja = explain::diagnostic(Lang::Ja, d);
            if let Some(run) = english_run(&explain::diagnostic_message(Lang::Ja, d)) {
                failures.push(format!("{}: {ja}\n    English: {run}", path.display()));
            }
            assert_ne!(ja, explain::diagnostic(Lang::En, d));
        }
    }
    assert!(seen >= 20, "only {seen} findings");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn refused_and_missing_edits_read_in_japanese() {
    let model = load_file(Path::new("scenarios/private-only.ron")).unwrap();
    let s = model.scenario();
    let endpoint = s.interface_endpoints[0].id.clone();
    let edits = [
        Edit::FailAz {
            az: "nowhere-1z".into(),
        },
        Edit::RestoreAz {
            az: s.availability_zones[0].name.clone(),
        },
        Edit::RemoveEndpointSubnet {
            endpoint: endpoint.clone(),
            subnet: "subnet-nope".into(),
        },
        Edit::AddEndpointSubnet {
            endpoint,
            subnet: EndpointSubnet {
                ipv6: Default::default(),
                subnet: s.interface_endpoints[0].subnets[0].subnet.clone(),
                ip: None,
            },
            position: None,
        },
        Edit::SetMainRouteTable {
            route_table: "rtb-nope".into(),
        },
    ];
    for edit in &edits {
        let err = edit.apply(&model).expect_err("the edit is refused");
        let ja = explain::edit_error(Lang::Ja, &err);
        assert!(english_run(&ja).is_none(), "{ja}");
        assert_ne!(ja, err.to_string());
    }
}

/// Every lesson's list of changes, and its printed handout, read in Japanese; the third step of
/// no-endpoint.ron adds the S3 gateway endpoint.
#[test]
fn lesson_changes_read_in_japanese() {
    let mut seen = 0;
    for entry in std::fs::read_dir("scenarios").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let model = load_file(&path).unwrap();
        if vpc_tui::lesson::lesson(&model).is_none() {
            continue;
        }
        for stage in vpc_tui::lesson::stages(&model).unwrap() {
            for edit in &stage.changes {
                seen += 1;
                let ja = explain::edit_change_line(Lang::Ja, edit);
                assert!(english_run(&ja).is_none(), "{}: {ja}", path.display());
            }
        }
    }
    assert!(seen >= 5, "only {seen} changes");

    let model = load_file(Path::new("scenarios/no-endpoint.ron")).unwrap();
    let stages = vpc_tui::lesson::stages(&model).unwrap();
    let lines: Vec<String> = stages[2]
        .changes
        .iter()
        .map(|e| explain::edit_change_line(Lang::Ja, e))
        .collect();
    assert_eq!(
        lines,
        ["+ s3 のゲートウェイエンドポイント vpce-s3 を追加 (関連付け先: rtb-public)"]
    );
    let en: Vec<String> = stages[2]
        .changes
        .iter()
        .map(|e| explain::edit_change_line(Lang::En, e))
        .collect();
    assert_eq!(en, ["+ add gateway endpoint vpce-s3 for s3 on rtb-public"]);
    let handout = vpc_tui::lesson::handout(&model, Lang::Ja, Some(2)).unwrap();
    assert!(
        handout.contains("  + s3 のゲートウェイエンドポイント vpce-s3 を追加"),
        "{handout}"
    );
}
