//! Every path of every shipped scenario, rendered in Japanese, is Japanese: no English sentence
//! in a hop, a route decision, a stop, a note or the summary, with and without a failed AZ.
//! Ids, codes, CIDRs, service and DNS names, and AWS's own product names stay as they are.

use vpc_tui::eval::{Query, evaluate};
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::load_file;

mod common;

/// English prose: three or more lowercase English words in a row (ids and codes are single
/// tokens with digits, dashes or underscores, so they never make a run).
use common::english::english_run_in_traces as english_run;

#[test]
fn the_detector_finds_english() {
    assert!(english_run("no route for pl-s3 in rtb-a").is_some());
    assert!(english_run("rtb-a には pl-s3 (3.5.0.0/19) へのルートがありません").is_none());
    assert!(english_run("s3.us-east-1.amazonaws.com を問い合わせると").is_none());
}

#[test]
fn every_shipped_path_reads_in_japanese() {
    let mut files: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut paths = 0;
    for file in files {
        let model = load_file(&file).unwrap();
        let s = model.scenario();
        let mut sources: Vec<String> = s.instances.iter().map(|i| i.id.clone()).collect();
        sources.extend(s.subnets.iter().map(|x| x.id.clone()));
        let mut targets: Vec<String> = model.services().iter().map(|x| x.name.clone()).collect();
        targets.extend(
            model
                .workloads()
                .iter()
                .map(|w| format!("workload:{}", w.name)),
        );
        targets.extend([
            "8.8.8.8".to_string(),
            "s3@us-west-2".into(),
            "s3.amazonaws.com".into(),
        ]);
        targets.extend(
            s.subnets
                .iter()
                .filter_map(|x| Some(x.cidr?.addr().to_string())),
        );
        let mut failures_sets = vec![s.what_if.clone()];
        for az in &s.availability_zones {
            let mut w = s.what_if.clone();
            w.failed_azs.push(az.name.clone());
            failures_sets.push(w);
        }
        for what_if in &failures_sets {
            for from in &sources {
                for to in &targets {
                    let Ok(t) = evaluate(&model, what_if, &Query::parse(&model, from, to, false))
                    else {
                        continue;
                    };
                    paths += 1;
                    let mut texts = vec![explain::summary(Lang::Ja, &t)];
                    for h in t.hops.iter().chain(t.parts.iter().flat_map(|p| &p.hops)) {
                        texts.push(explain::hop_sentence(Lang::Ja, h));
                        texts.extend(
                            h.decisions()
                                .iter()
                                .map(|d| explain::decision_text(Lang::Ja, d)),
                        );
                    }
                    for p in &t.parts {
                        texts.push(explain::part_summary(Lang::Ja, &t, p));
                    }
                    texts.extend(t.notes.iter().map(|n| explain::note_sentence(Lang::Ja, n)));
                    texts.push(explain::verdict_line(Lang::Ja, &t.verdict));
                    for text in texts {
                        if let Some(run) = english_run(&text) {
                            failures.push(format!(
                                "{}: {from} → {to}: {run:?} in {text}",
                                file.display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(paths > 1000, "only {paths} paths");
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} English runs, e.g.:\n{}",
        failures.len(),
        failures
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
