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
        return run_matrix(&model, &what_if, args.format, args.trace, lang, out, err);
    }
    let (Some(from), Some(to)) = (&args.from, &args.to) else {
        let _ = writeln!(err, "{}", crate::explain::m(lang, "check-no-path"));
        return EXIT_INVALID;
    };
    let query = Query::parse(&model, from, to, args.public_ip).with_probe(eval::Probe {
        protocol: args.protocol.protocol(),
        port: args.port,
    });
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
                Format::Json | Format::Jsonl => {
                    let mut v = report::trace_json(&trace);
                    v["suggestions"] = report::suggestions_json(&found);
                    write_json(out, args.format, &v)
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
                Format::Json | Format::Jsonl => {
                    let mut v = report::trace_json(&trace);
                    v["spof"] = report::weak_points_json(&weak);
                    write_json(out, args.format, &v)
                }
            };
            exit_for(&trace.verdict)
        }
        Ok(trace) => {
            let _ = match args.format {
                Format::Text => write!(out, "{}", report::trace_text(&trace, lang)),
                Format::Json | Format::Jsonl => {
                    write_json(out, args.format, &report::trace_json(&trace))
                }
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

/// The matrix, written row by row as it is computed: memory for the classes of instances (a
/// subnet and public-IP state), never for the rows or cells.
fn run_matrix(
    model: &Model,
    what_if: &WhatIf,
    format: Format,
    trace: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let classes = eval::classes(model);
    let rows = eval::evaluate_classes(model, what_if, &classes.keys);
    let all = rows
        .iter()
        .flat_map(|row| row.iter())
        .all(|c| c.verdict.is_reachable());
    let (services, workloads) = eval::columns(model);
    let columns: Vec<&str> = services
        .iter()
        .chain(&workloads)
        .map(String::as_str)
        .collect();
    let instances = &model.scenario().instances;
    let written = match format {
        Format::Text => {
            let texts: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(|c| report::cell_text(&c.verdict)).collect())
                .collect();
            let name_width = instances.iter().map(|i| i.id.chars().count()).max();
            let names = instances
                .iter()
                .zip(&classes.row_class)
                .map(|(i, &c)| (i.id.as_str(), c as usize));
            let unchecked = eval::unchecked(model);
            report::write_matrix_text(
                &mut out, lang, &columns, &texts, name_width, names, &unchecked,
            )
        }
        Format::Json | Format::Jsonl if trace => {
            write_traces(model, what_if, format, &columns, &mut out, err)
        }
        Format::Json | Format::Jsonl => {
            let tails = match class_tails(model, what_if, &classes, &columns) {
                Ok(t) => t,
                Err(e) => {
                    let _ = writeln!(err, "error: {e}");
                    return EXIT_INVALID;
                }
            };
            write_cells(model, format, &classes, &tails, &mut out)
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) if all => EXIT_OK,
        Ok(()) => EXIT_NOT_REACHABLE,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            EXIT_INVALID
        }
    }
}

/// Per class, per column, the verdict part of a compact cell, from the full trace of the class's
/// first instance (the classes shared out over the cores).
fn class_tails(
    model: &Model,
    what_if: &WhatIf,
    classes: &eval::Classes,
    columns: &[&str],
) -> Result<Vec<Vec<String>>, eval::QueryError> {
    let instances = &model.scenario().instances;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || -> Result<Vec<(usize, Vec<String>)>, eval::QueryError> {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&row) = classes.first_row.get(k) else {
                return Ok(done);
            };
            let id = &instances[row].id;
            let mut tails = Vec::with_capacity(columns.len());
            for to in columns {
                let t = eval::evaluate(model, what_if, &Query::parse(model, id, to, false))?;
                tails.push(report::cell_json_tail(to, &t));
            }
            done.push((k, tails));
        }
    };
    let threads = crate::model::cores()
        .min(classes.keys.len().div_ceil(8))
        .max(1);
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut tails = vec![Vec::new(); classes.keys.len()];
        let mine = work();
        for done in std::iter::once(mine).chain(
            helpers
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
        ) {
            for (k, t) in done? {
                tails[k] = t;
            }
        }
        Ok(tails)
    })
}

/// A JSON list's or JSON Lines' framing around one object per cell.
struct Framing {
    format: Format,
    first: bool,
}

impl Framing {
    fn new(format: Format, out: &mut dyn Write) -> std::io::Result<Self> {
        if format == Format::Json {
            out.write_all(b"[")?;
        }
        Ok(Framing {
            format,
            first: true,
        })
    }

    /// Before each object: a JSON list puts one on a line, after a comma.
    fn item(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.format == Format::Json {
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
        }
        self.first = false;
        Ok(())
    }

    fn end_item(&self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.format == Format::Jsonl {
            out.write_all(b"\n")?;
        }
        Ok(())
    }

    fn finish(self, out: &mut dyn Write) -> std::io::Result<()> {
        if self.format == Format::Json {
            out.write_all(b"\n]\n")?;
        }
        Ok(())
    }
}

fn write_cells(
    model: &Model,
    format: Format,
    classes: &eval::Classes,
    tails: &[Vec<String>],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut framing = Framing::new(format, out)?;
    for (inst, &c) in model.scenario().instances.iter().zip(&classes.row_class) {
        let head = report::cell_json_head(&inst.id, inst.name.as_deref());
        for tail in &tails[c as usize] {
            framing.item(out)?;
            out.write_all(head.as_bytes())?;
            out.write_all(tail.as_bytes())?;
            framing.end_item(out)?;
        }
    }
    framing.finish(out)
}

/// `--trace`: every cell's full trace. Instances are taken in chunks, the chunks shared out
/// over the cores and written in order, each dropped once written: memory for a few chunks.
fn write_traces(
    model: &Model,
    what_if: &WhatIf,
    format: Format,
    columns: &[&str],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    const CHUNK: usize = 16;
    let instances = &model.scenario().instances;
    let chunks = instances.len().div_ceil(CHUNK);
    // Each chunk's cells as JSON text, one per line.
    let chunk_text = |k: usize| -> Result<Vec<u8>, eval::QueryError> {
        let mut text = Vec::new();
        for inst in &instances[k * CHUNK..((k + 1) * CHUNK).min(instances.len())] {
            for to in columns {
                let t = eval::evaluate(model, what_if, &Query::parse(model, &inst.id, to, false))?;
                let _ = serde_json::to_writer(&mut text, &report::trace_json(&t));
                text.push(b'\n');
            }
        }
        Ok(text)
    };
    let threads = crate::model::cores().min(chunks).max(1);
    let mut framing = Framing::new(format, out)?;
    let mut write_chunk = |text: Result<Vec<u8>, eval::QueryError>| -> std::io::Result<()> {
        let text = text.map_err(|e| {
            let _ = writeln!(err, "error: {e}");
            std::io::Error::other("unknown name")
        })?;
        for line in text.split_inclusive(|&b| b == b'\n') {
            framing.item(out)?;
            out.write_all(&line[..line.len() - 1])?;
            framing.end_item(out)?;
        }
        Ok(())
    };
    if threads == 1 {
        for k in 0..chunks {
            write_chunk(chunk_text(k))?;
        }
    } else {
        // Helpers compute chunks k ≡ i (mod threads) ahead; this thread writes them in order,
        // each helper at most two chunks ahead.
        std::thread::scope(|scope| -> std::io::Result<()> {
            let receivers: Vec<_> = (0..threads)
                .map(|i| {
                    let (send, receive) = std::sync::mpsc::sync_channel(2);
                    let chunk_text = &chunk_text;
                    scope.spawn(move || {
                        for k in (i..chunks).step_by(threads) {
                            if send.send(chunk_text(k)).is_err() {
                                return;
                            }
                        }
                    });
                    receive
                })
                .collect();
            for k in 0..chunks {
                let text = receivers[k % threads]
                    .recv()
                    .map_err(std::io::Error::other)?;
                write_chunk(text)?;
            }
            Ok(())
        })?;
    }
    framing.finish(out)
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
        Format::Json | Format::Jsonl => {
            let list: Vec<serde_json::Value> = cells
                .iter()
                .map(|(instance, to, w)| {
                    let mut v = report::weak_points_json(w);
                    v["from"] = serde_json::json!(instance);
                    v["to"] = serde_json::json!(to);
                    v
                })
                .collect();
            if format == Format::Jsonl {
                for cell in &list {
                    let _ = write_json(out, format, cell);
                }
            } else {
                let doc = serde_json::json!({
                    "schema_version": report::SCHEMA_VERSION,
                    "cells": list,
                });
                let _ = write_json(out, format, &doc);
            }
        }
    }
    if cells.is_empty() {
        EXIT_OK
    } else {
        EXIT_NOT_REACHABLE
    }
}

/// One JSON document: pretty for `json`, one line for `jsonl`.
fn write_json(
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
