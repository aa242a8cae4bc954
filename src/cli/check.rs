//! `vpc-tui check`: one path, or the verdict matrix, with the exit code saying whether it is
//! reachable.

use std::io::Write;

use super::args::{CheckArgs, Format};
use super::{EXIT_INVALID, EXIT_NOT_REACHABLE, EXIT_OK, load_scenario_or_aws};
use crate::eval::{self, Query, Verdict};
use crate::explain::Lang;
use crate::fix;
use crate::model::{Model, WhatIf};
use crate::report;

pub fn run_check(args: &CheckArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let model = match load_scenario_or_aws(
        args.scenario.as_deref(),
        args.aws.as_deref(),
        args.vpc.as_deref(),
        lang,
        err,
    ) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let mut what_if = model.scenario().what_if.clone();
    for az in &args.fail_az {
        if model.az_index(az).is_none() {
            let known: Vec<String> = model
                .scenario()
                .availability_zones
                .iter()
                .map(|a| match &a.id {
                    Some(id) => format!("{} ({id})", a.name),
                    None => a.name.clone(),
                })
                .collect();
            let _ = writeln!(
                err,
                "{}",
                crate::explain::msg(
                    lang,
                    "check-no-az",
                    crate::explain::args()
                        .s("az", az.as_str())
                        .s("known", crate::explain::join(lang, &known)),
                )
            );
            return EXIT_INVALID;
        }
        what_if.failed_azs.push(az.clone());
    }
    if args.matrix && args.spof {
        return run_matrix_spof(&model, &what_if, args.format, lang, out);
    }
    if args.matrix {
        return run_matrix(&model, &what_if, args.format, lang, out, err);
    }
    let (Some(from), Some(to)) = (&args.from, &args.to) else {
        let _ = writeln!(err, "{}", crate::explain::m(lang, "check-no-path"));
        return EXIT_INVALID;
    };
    let query = Query::parse(&model, from, to, args.public_ip);
    if args.public_ip && !matches!(query.from, eval::From::Subnet { .. }) {
        let _ = writeln!(
            err,
            "{}",
            crate::explain::msg(
                lang,
                "check-public-ip-needs-subnet",
                crate::explain::args().s("from", from.as_str()),
            )
        );
        return EXIT_INVALID;
    }
    match eval::evaluate(&model, &what_if, &query) {
        Ok(trace) if args.suggest || args.apply_suggestion.is_some() => {
            let found = fix::suggest_for(&model, &what_if, &query, &trace);
            if let Some(n) = args.apply_suggestion {
                return apply_suggestion(args, &model, &found, n as usize, lang, err);
            }
            let _ = match args.format {
                Format::Text => write!(
                    out,
                    "{}{}",
                    report::trace_text(&trace, lang),
                    crate::explain::suggestions_text(lang, &found)
                ),
                Format::Json => {
                    let mut v = report::trace_json(&trace);
                    v["suggestions"] = report::suggestions_json(&found);
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string_pretty(&v).unwrap_or_default()
                    )
                }
            };
            exit_for(&trace.verdict)
        }
        Ok(trace) if args.spof => {
            let weak = fix::weak_points_for(&model, &what_if, &query, &trace);
            let _ = match args.format {
                Format::Text => write!(
                    out,
                    "{}{}",
                    report::trace_text(&trace, lang),
                    crate::explain::weak_points_text(lang, &weak)
                ),
                Format::Json => {
                    let mut v = report::trace_json(&trace);
                    v["spof"] = report::weak_points_json(&weak);
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string_pretty(&v).unwrap_or_default()
                    )
                }
            };
            exit_for(&trace.verdict)
        }
        Ok(trace) => {
            let _ = match args.format {
                Format::Text => write!(out, "{}", report::trace_text(&trace, lang)),
                Format::Json => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&report::trace_json(&trace)).unwrap_or_default()
                ),
            };
            exit_for(&trace.verdict)
        }
        Err(e) => {
            let _ = writeln!(err, "error: {}", crate::explain::query_error(lang, &e));
            EXIT_INVALID
        }
    }
}

fn exit_for(v: &Verdict) -> i32 {
    if v.is_reachable() {
        EXIT_OK
    } else {
        EXIT_NOT_REACHABLE
    }
}

fn run_matrix(
    model: &Model,
    what_if: &WhatIf,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let matrix = eval::evaluate_all(model, what_if);
    let all = matrix
        .cells
        .iter()
        .flat_map(|row| row.iter())
        .all(|c| c.verdict.is_reachable());
    match format {
        Format::Text => {
            let _ = write!(out, "{}", report::matrix_text(&matrix, lang));
        }
        Format::Json => {
            let mut list = Vec::new();
            for inst in &model.scenario().instances {
                // The same columns as the text matrix: services, then workloads.
                for to in matrix.services.iter().chain(&matrix.workloads) {
                    match eval::evaluate(model, what_if, &Query::parse(model, &inst.id, to, false))
                    {
                        Ok(t) => list.push(report::trace_json(&t)),
                        Err(e) => {
                            let _ = writeln!(err, "error: {e}");
                            return EXIT_INVALID;
                        }
                    }
                }
            }
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&serde_json::Value::Array(list)).unwrap_or_default()
            );
        }
    }
    if all { EXIT_OK } else { EXIT_NOT_REACHABLE }
}

/// `--apply-suggestion N -o OUT`: apply the N-th suggestion and write the fixed scenario with the
/// project's safe writer, keeping the original file's comments and layout.
fn apply_suggestion(
    args: &CheckArgs,
    model: &Model,
    found: &fix::Suggestions,
    n: usize,
    lang: Lang,
    err: &mut dyn Write,
) -> i32 {
    let Some(out_path) = &args.output else {
        return EXIT_INVALID;
    };
    let Some(s) = n.checked_sub(1).and_then(|i| found.suggestions.get(i)) else {
        let _ = writeln!(
            err,
            "{}",
            crate::explain::msg(
                lang,
                "fix-apply-none",
                crate::explain::args()
                    .n("n", n)
                    .n("count", found.suggestions.len()),
            )
        );
        return EXIT_INVALID;
    };
    let fixed = match fix::apply(model, s) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "{}", crate::explain::edit_error(lang, &e));
            return EXIT_INVALID;
        }
    };
    // The original text, when the scenario came from a file: its comments and layout are kept.
    let original = args
        .scenario
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok());
    let text = crate::save::preserve::save_text(original.as_deref(), fixed.scenario()).text;
    let same = args
        .scenario
        .as_deref()
        .is_some_and(|p| crate::save::same_file(p, out_path));
    let seen = match (same, &original) {
        (true, Some(o)) => Some(crate::save::FileStamp::new(o.as_bytes(), None)),
        _ => crate::save::FileStamp::of(out_path).ok().flatten(),
    };
    if let Err(e) = crate::save::write_if_unchanged(out_path, text.as_bytes(), seen.as_ref()) {
        let _ = writeln!(
            err,
            "{}",
            crate::explain::msg(
                lang,
                "fix-write-failed",
                crate::explain::args()
                    .s("path", out_path.display().to_string())
                    .s("error", e.to_string()),
            )
        );
        return EXIT_INVALID;
    }
    let edits: Vec<String> = s
        .edits
        .iter()
        .map(|e| crate::explain::edit_text(lang, e))
        .collect();
    let _ = writeln!(
        err,
        "{}",
        crate::explain::msg(
            lang,
            "fix-applied",
            crate::explain::args()
                .s("path", out_path.display().to_string())
                .n("n", n)
                .s("edits", crate::explain::join(lang, &edits)),
        )
    );
    EXIT_OK
}

/// `--matrix --spof`: every reachable cell with a single point of failure.
fn run_matrix_spof(
    model: &Model,
    what_if: &WhatIf,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
) -> i32 {
    let cells = fix::matrix_weak_points(model, what_if);
    match format {
        Format::Text => {
            let mut text = crate::explain::msg(
                lang,
                "fix-matrix-spof-head",
                crate::explain::args().n("count", cells.len()),
            );
            text.push('\n');
            for (instance, to, w) in &cells {
                let what: Vec<String> = w
                    .weak_points
                    .iter()
                    .map(|p| crate::explain::weak_point_text(lang, p).trim().to_string())
                    .collect();
                text.push_str(&crate::explain::msg(
                    lang,
                    "fix-matrix-spof-line",
                    crate::explain::args()
                        .s("instance", instance.as_str())
                        .s("to", to.as_str())
                        .s("weak", crate::explain::join(lang, &what)),
                ));
                text.push('\n');
            }
            let _ = write!(out, "{text}");
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = cells
                .iter()
                .map(|(instance, to, w)| {
                    let mut v = report::weak_points_json(w);
                    v["from"] = serde_json::json!(instance);
                    v["to"] = serde_json::json!(to);
                    v
                })
                .collect();
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({
                    "schema_version": report::SCHEMA_VERSION,
                    "cells": list,
                }))
                .unwrap_or_default()
            );
        }
    }
    if cells.is_empty() {
        EXIT_OK
    } else {
        EXIT_NOT_REACHABLE
    }
}
