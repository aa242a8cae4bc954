//! Every scenario under scenarios/ loads, round-trips through RON, and produces every verdict it
//! declares in `expect`.

use std::path::{Path, PathBuf};

use vpc_tui::eval::{Query, evaluate};
use vpc_tui::model::{WhatIf, from_ron_str, load_file, to_ron_string};

fn scenario_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_scenario_meets_its_expectations() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in scenario_files() {
        let model = match load_file(&file) {
            Ok(m) => m,
            Err(e) => {
                failures.push(format!("{e}"));
                continue;
            }
        };
        assert!(
            !model.scenario().expect.is_empty(),
            "{} declares no expected verdicts",
            file.display()
        );
        for exp in &model.scenario().expect {
            checked += 1;
            let mut what_if = model.scenario().what_if.clone();
            what_if.failed_azs.extend(exp.failed_azs.iter().cloned());
            let probe = vpc_tui::eval::Probe::asked(exp.protocol, exp.port);
            let trace = evaluate(
                &model,
                &what_if,
                &Query::parse(&model, &exp.from, &exp.to, false)
                    .with_probe(probe)
                    .with_request(vpc_tui::eval::Request {
                        action: exp.action.clone(),
                        resource: exp.resource.clone(),
                    })
                    .with_family(
                        exp.family
                            .as_deref()
                            .and_then(vpc_tui::eval::Family::from_code)
                            .unwrap_or_default(),
                    ),
            )
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let mut wrong = Vec::new();
            if trace.verdict.code() != exp.verdict {
                wrong.push(format!(
                    "verdict {} (want {})",
                    trace.verdict.code(),
                    exp.verdict
                ));
            }
            let via = trace.verdict.via().map(|v| v.code());
            if exp.via.is_some() && via != exp.via.as_deref() {
                wrong.push(format!("via {via:?} (want {:?})", exp.via));
            }
            let cross = trace.verdict.cross_az().map(|v| v.code());
            if exp.cross_az.is_some() && cross != exp.cross_az.as_deref() {
                wrong.push(format!("cross_az {cross:?} (want {:?})", exp.cross_az));
            }
            let reason = trace.verdict.reason().map(|r| r.code());
            if exp.reason.is_some() && reason != exp.reason.as_deref() {
                wrong.push(format!("reason {reason:?} (want {:?})", exp.reason));
            }
            for n in &exp.notes {
                if !trace.notes.iter().any(|x| x.code() == n) {
                    wrong.push(format!("note {n} missing"));
                }
            }
            assert!(
                exp.source.starts_with("https://docs.aws.amazon.com/")
                    || exp.source.starts_with("https://aws.amazon.com/"),
                "{}: {} → {}: source must be an AWS page",
                file.display(),
                exp.from,
                exp.to
            );
            if !wrong.is_empty() {
                failures.push(format!(
                    "{}: {} → {} (failed AZs {:?}): {}\n    explanation: {}",
                    file.display(),
                    exp.from,
                    exp.to,
                    what_if.failed_azs,
                    wrong.join(", "),
                    why(&trace)
                ));
            }
        }
    }
    assert!(checked > 0);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_scenario_round_trips_through_ron() {
    for file in scenario_files() {
        let model = load_file(&file).unwrap();
        let text = to_ron_string(model.scenario());
        let back = from_ron_str(&text, Path::new("roundtrip.ron")).unwrap();
        assert_eq!(&back, model.scenario(), "{}", file.display());
    }
}

#[test]
fn no_what_if_means_no_failure() {
    assert!(WhatIf::default().is_empty());
}

/// Every lesson's steps apply, and the evaluator answers what each step expects.
#[test]
fn every_lesson_matches_the_evaluator() {
    let mut lessons = 0;
    let mut problems = Vec::new();
    for file in scenario_files() {
        let model = load_file(&file).unwrap_or_else(|e| panic!("{e}"));
        if model.scenario().lesson.is_some() {
            lessons += 1;
            for p in vpc_tui::lesson::check(&model) {
                problems.push(format!("{}: {p}", file.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(lessons > 0, "no scenario has a lesson");
}

/// The English summary of a trace (the evaluator returns facts; `explain` writes the sentence).
fn why(t: &vpc_tui::eval::PathTrace) -> String {
    vpc_tui::explain::summary(vpc_tui::explain::Lang::En, t)
}

/// Kana or kanji: the text is written in Japanese, not left in English.
fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

/// Every shipped scenario has a Japanese title and description, written as
/// docs/glossary-ja.md asks (half-width parentheses).
#[test]
fn every_scenario_has_a_japanese_title_and_description() {
    let mut problems = Vec::new();
    for file in scenario_files() {
        let model = load_file(&file).unwrap_or_else(|e| panic!("{e}"));
        let s = model.scenario();
        for (field, text) in [
            ("title_ja", &s.title_ja),
            ("description_ja", &s.description_ja),
        ] {
            match text {
                None => problems.push(format!("{}: no {field}", file.display())),
                Some(t) if !has_japanese(t) => {
                    problems.push(format!("{}: {field} has no Japanese", file.display()))
                }
                Some(t) if t.contains(['（', '）']) => problems.push(format!(
                    "{}: {field} has full-width parentheses; write ` (…)`",
                    file.display()
                )),
                Some(_) => {}
            }
        }
        assert_eq!(s.title_for(true), s.title_ja.as_deref());
        assert_eq!(s.title_for(false), s.title.as_deref());
        assert_eq!(s.description_for(true), s.description_ja.as_deref());
        assert_eq!(s.description_for(false), s.description.as_deref());
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Without `title_ja` / `description_ja`, Japanese falls back to the English text.
#[test]
fn japanese_title_falls_back_to_english() {
    let model = load_file(Path::new("scenarios/private-only.ron")).unwrap();
    let mut s = model.scenario().clone();
    s.title_ja = None;
    s.description_ja = None;
    assert_eq!(s.title_for(true), s.title.as_deref());
    assert_eq!(s.description_for(true), s.description.as_deref());
    assert!(s.title_for(true).is_some());
}

/// The resilience lesson says what `f` shows: the weak points of the working paths (the loss of
/// us-east-1a), fixes revealed at its "how would you fix it?" steps, and after one ENI per AZ or
/// a NAT gateway in app-c's own AZ, a path that survives the loss of any one other AZ.
#[test]
fn the_resilience_lesson_says_what_the_weak_points_and_fixes_are() {
    use vpc_tui::fix::{WeakKind, weak_points};
    let model = load_file(Path::new("scenarios/resilience.ron")).unwrap();
    let lesson = model.scenario().lesson.clone().unwrap();
    let stages = vpc_tui::lesson::stages(&model).unwrap();
    let weak = |i: usize| {
        let m = &stages[i].model;
        let step = &lesson.steps[i];
        weak_points(
            m,
            &m.scenario().what_if,
            &Query::parse(m, &step.from, &step.to, false),
        )
        .unwrap()
    };
    let az_a = |w: &vpc_tui::fix::WeakPoints| {
        w.weak_points
            .iter()
            .any(|p| p.kind == WeakKind::Az && p.id.as_str() == "us-east-1a")
    };
    // Steps 1 and 4: working, but the loss of us-east-1a alone breaks them.
    assert!(az_a(&weak(0)), "{:?}", weak(0));
    assert!(az_a(&weak(3)), "{:?}", weak(3));
    assert!(
        weak(3)
            .weak_points
            .iter()
            .any(|p| p.kind == WeakKind::NatGateway && p.id.as_str() == "nat-a")
    );
    // Steps 2 and 5 ask how to fix it; some suggestion fixes it without another AZ.
    for i in [1, 4] {
        assert!(lesson.steps[i].fix_question.is_some());
        let found = vpc_tui::lesson::fix_to_reveal(&lesson.steps[i], &stages[i]).unwrap();
        assert!(
            found
                .suggestions
                .iter()
                .any(|s| s.fixes() && s.az_dependencies.is_empty()),
            "step {}: {found:?}",
            i + 1
        );
    }
    // Step 5: associating private-c with its own AZ's table is among them.
    let found = vpc_tui::lesson::fix_to_reveal(&lesson.steps[4], &stages[4]).unwrap();
    assert!(found.suggestions.iter().any(|s| s.edits
        == [vpc_tui::model::Edit::AssociateSubnet {
            subnet: "subnet-private-c".into(),
            route_table: Some("rtb-private-c".into()),
            position: None,
        }]));
    // Steps 3 and 6: survives the loss of any one other AZ (step 3: ENIs in 3 AZs).
    let w = weak(2);
    assert!(w.survives_any_one_az() && w.eni_azs.len() == 3, "{w:?}");
    let w = weak(5);
    assert!(w.survives_any_one_az() && !az_a(&w), "{w:?}");
}
