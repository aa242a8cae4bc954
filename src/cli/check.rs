//! `vpc-tui check`: one path, or the verdict matrix, with the exit code saying whether it is
//! reachable.

use std::io::Write;

use super::args::{CheckArgs, Format};
use super::{EXIT_INVALID, EXIT_NOT_REACHABLE, EXIT_OK, load_scenario_or_aws};
use crate::eval::{self, Query, Verdict};
use crate::explain::Lang;
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
