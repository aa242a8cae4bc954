//! `vpc-tui check`: one path, or the verdict matrix, with the exit code saying whether it is
//! reachable.

use std::io::Write;

use super::args::{CheckArgs, Format};
use super::matrix::{MatrixArgs, run_matrix, run_matrix_spof};
use super::{EXIT_INVALID, EXIT_NOT_REACHABLE, EXIT_OK, load_scenario_or_aws};
use crate::eval::{self, Query, Verdict};
use crate::explain::Lang;
use crate::fix;
use crate::model::Model;
use crate::report;

/// `terminal_width` is stdout's width when it is a terminal: the matrix text wraps to it.
pub fn run_check(
    args: &CheckArgs,
    lang: Lang,
    terminal_width: Option<usize>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
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
        let matrix = MatrixArgs {
            format: args.format,
            trace: args.trace,
            from: &args.from,
            to: &args.to,
            width: args.width.or(terminal_width).filter(|&w| w > 0),
            family: args.family.family(),
        };
        if args.spof && matrix.family != crate::eval::Family::Ipv4 {
            // Single points of failure are worked out over the IPv4 matrix only.
            let _ = writeln!(err, "{}", crate::explain::m(lang, "check-spof-ipv4-only"));
            return EXIT_INVALID;
        }
        return if args.spof {
            run_matrix_spof(&model, &what_if, &matrix, lang, out, err)
        } else {
            run_matrix(&model, &what_if, &matrix, lang, out, err)
        };
    }
    let ([from], [to]) = (args.from.as_slice(), args.to.as_slice()) else {
        let _ = writeln!(err, "{}", crate::explain::m(lang, "check-no-path"));
        return EXIT_INVALID;
    };
    // --action must read as an IAM action and --resource as an ARN, as the explorer's picker
    // reads them (`eval::Request::parse`).
    for (flag, value, is_action) in [
        ("--action", &args.action, true),
        ("--resource", &args.resource, false),
    ] {
        let Some(value) = value else { continue };
        let read = eval::Request::parse(value);
        let ok = read.is_some_and(|r| match is_action {
            true => r.action.is_some() && r.resource.is_none(),
            false => r.resource.is_some() && r.action.is_none(),
        });
        if !ok {
            let _ = writeln!(
                err,
                "{}",
                crate::explain::msg(
                    lang,
                    "check-bad-request",
                    crate::explain::args()
                        .s("flag", flag)
                        .s("kind", if is_action { "action" } else { "resource" })
                        .s("value", value.as_str()),
                )
            );
            return EXIT_INVALID;
        }
    }
    let query = Query::parse(&model, from, to, args.public_ip)
        .with_probe(eval::Probe::asked(
            args.protocol.map(|p| p.protocol()),
            args.port,
        ))
        .with_request(eval::Request {
            action: args.action.clone(),
            resource: args.resource.clone(),
        })
        .with_family(args.family.family());
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
            let text = crate::explain::suggestions_text(lang, &found);
            let addition = ("suggestions", text, report::suggestions_json(&found));
            write_trace(out, args.format, lang, &trace, Some(addition));
            exit_for(&trace.verdict)
        }
        Ok(trace) if args.spof => {
            let weak = fix::weak_points_for(&model, &what_if, &query, &trace);
            let text = crate::explain::weak_points_text(lang, &weak);
            let addition = ("spof", text, report::weak_points_json(&weak));
            write_trace(out, args.format, lang, &trace, Some(addition));
            exit_for(&trace.verdict)
        }
        Ok(trace) => {
            write_trace(out, args.format, lang, &trace, None);
            exit_for(&trace.verdict)
        }
        Err(e) => {
            let _ = writeln!(
                err,
                "{}",
                crate::explain::error_line(lang, &crate::explain::query_error(lang, &e))
            );
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
    // The file must still validate: the `expect` entries the fix changed take the new answers,
    // and a lesson that the fix breaks (its steps describe the VPC before it) is left out.
    let (expect, rewritten) = crate::scenario_checks::rewrite_expectations(model, &fixed);
    let mut scenario = fixed.scenario().clone();
    scenario.expect = expect;
    let drop_lesson = scenario.lesson.is_some()
        && !crate::scenario_checks::lesson_fails(model)
        && crate::scenario_checks::lesson_fails(&fixed);
    if drop_lesson {
        scenario.lesson = None;
    }
    // The original text, when the scenario came from a file: its comments and layout are kept.
    let original = args
        .scenario
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok());
    let text = crate::save::preserve::save_text(original.as_deref(), &scenario).text;
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
    for r in &rewritten {
        let _ = writeln!(
            err,
            "{}",
            crate::explain::msg(
                lang,
                "fix-expect-rewritten",
                crate::explain::args()
                    .n("entry", r.entry)
                    .s("from", r.now.from.as_str())
                    .s("to", r.now.to.as_str())
                    .s("was", answer(&r.was))
                    .s("now", answer(&r.now)),
            )
        );
    }
    if drop_lesson {
        let _ = writeln!(err, "{}", crate::explain::m(lang, "fix-lesson-dropped"));
    }
    EXIT_OK
}

/// What an `expect` entry asks for, in the file's codes: `blocked (no_route)`,
/// `reachable via gateway_endpoint`.
fn answer(e: &crate::model::Expectation) -> String {
    let mut text = e.verdict.clone();
    if let Some(via) = &e.via {
        text.push_str(" via ");
        text.push_str(via);
    }
    if let Some(reason) = &e.reason {
        text.push_str(&format!(" ({reason})"));
    }
    text
}

/// One path's trace as text or JSON, with what `--suggest` or `--spof` adds: its text after the
/// trace's, its JSON under its key.
fn write_trace(
    out: &mut dyn Write,
    format: Format,
    lang: Lang,
    trace: &eval::PathTrace,
    addition: Option<(&str, String, serde_json::Value)>,
) {
    let _ = match format {
        Format::Text => {
            let extra = addition.map(|(_, text, _)| text).unwrap_or_default();
            write!(out, "{}{extra}", report::trace_text(trace, lang))
        }
        Format::Json | Format::Jsonl => {
            let mut v = report::trace_json(trace);
            if let Some((key, _, json)) = addition {
                v[key] = json;
            }
            write_json(out, format, &v)
        }
    };
}

/// One JSON document: pretty for `json`, one line for `jsonl`.
pub(super) fn write_json(
    out: &mut dyn Write,
    format: Format,
    value: &serde_json::Value,
) -> std::io::Result<()> {
    let text = if format == Format::Jsonl {
        serde_json::to_string(value)
    } else {
        serde_json::to_string_pretty(value)
    };
    writeln!(out, "{}", text.unwrap_or_default())
}
