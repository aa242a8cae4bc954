//! `vpc-tui check --matrix`: every instance × service and workload (or the ones `--from` and
//! `--to` select), written row by row as it is computed, as text wrapped to the terminal's width,
//! JSON or JSON Lines; `--spof` lists the cells with a single point of failure.

use std::io::Write;

use super::args::Format;
use super::check::write_json;
use super::{EXIT_INVALID, EXIT_NOT_REACHABLE, EXIT_OK};
use crate::eval::{self, Query};
use crate::explain::Lang;
use crate::fix;
use crate::model::{Model, WhatIf};
use crate::report;

/// What `check --matrix` was asked for, apart from the model.
pub struct MatrixArgs<'a> {
    pub format: Format,
    /// `--trace`: full traces in the JSON cells.
    pub trace: bool,
    /// `--from`: instances (id or name) or subnets (id or name) whose rows are kept; all if empty.
    pub from: &'a [String],
    /// `--to`: columns (service, `workload:NAME` or `NAME`) kept; all if empty.
    pub to: &'a [String],
    /// The text table's width in columns; `None` never wraps.
    pub width: Option<usize>,
    /// `--family`: the IP version every cell asks.
    pub family: eval::Family,
}

/// The rows and columns `--from` and `--to` keep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Per instance, whether its row is kept.
    pub rows: Vec<bool>,
    /// The kept columns' indices (services, then workloads), in the matrix's order.
    pub columns: Vec<usize>,
}

/// A `--from` or `--to` value that names nothing in the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unselected {
    From(String),
    To(String),
}

impl Selection {
    /// The rows and columns named by `from` and `to` (every one when a list is empty).
    pub fn new(
        model: &Model,
        columns: &[&str],
        from: &[String],
        to: &[String],
    ) -> Result<Selection, Unselected> {
        let s = model.scenario();
        let mut rows = vec![from.is_empty(); s.instances.len()];
        for v in from {
            let subnet = s
                .subnets
                .iter()
                .find(|n| n.id == *v || n.name.as_deref() == Some(v.as_str()))
                .map(|n| n.id.as_str());
            let mut found = false;
            for (keep, inst) in rows.iter_mut().zip(&s.instances) {
                if inst.id == *v
                    || inst.name.as_deref() == Some(v.as_str())
                    || Some(inst.subnet.as_str()) == subnet
                {
                    *keep = true;
                    found = true;
                }
            }
            if !found && subnet.is_none() {
                return Err(Unselected::From(v.clone()));
            }
        }
        let columns = if to.is_empty() {
            (0..columns.len()).collect()
        } else {
            let mut keep = vec![false; columns.len()];
            for v in to {
                let workload = format!("workload:{v}");
                let Some(c) = columns.iter().position(|c| *c == v || *c == workload) else {
                    return Err(Unselected::To(v.clone()));
                };
                keep[c] = true;
            }
            (0..columns.len()).filter(|&c| keep[c]).collect()
        };
        Ok(Selection { rows, columns })
    }
}

/// The matrix, written row by row as it is computed: memory for the classes of instances (a
/// subnet and public-IP state), never for the rows or cells.
pub fn run_matrix(
    model: &Model,
    what_if: &WhatIf,
    args: &MatrixArgs<'_>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (services, workloads) = eval::columns(model);
    let all_columns: Vec<&str> = services
        .iter()
        .chain(&workloads)
        .map(String::as_str)
        .collect();
    let pick = match Selection::new(model, &all_columns, args.from, args.to) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{}", unselected_text(model, &all_columns, &e, lang));
            return EXIT_INVALID;
        }
    };
    let columns: Vec<&str> = pick.columns.iter().map(|&c| all_columns[c]).collect();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let classes = MatrixRows::new(model, what_if, args.family);
    let rows = &classes.rows;
    // Whether every kept cell is reachable (the exit code), over the classes of kept rows.
    let mut used = vec![false; rows.len()];
    for (&keep, &c) in pick.rows.iter().zip(&classes.row_class) {
        used[c as usize] |= keep;
    }
    let all = rows
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .all(|(row, _)| pick.columns.iter().all(|&c| row[c].verdict.is_reachable()));
    let instances = &model.scenario().instances;
    let written = match args.format {
        Format::Text => {
            let texts: Vec<Vec<String>> = rows
                .iter()
                .zip(&classes.families)
                .map(|(row, families)| {
                    pick.columns
                        .iter()
                        .map(|&c| {
                            let text = report::cell_text(&row[c].verdict);
                            // `auto`: the cells that took IPv6 say so.
                            match families.get(c) {
                                Some(eval::IpFamily::Ipv6) if args.family == eval::Family::Auto => {
                                    format!("{text}/6")
                                }
                                _ => text,
                            }
                        })
                        .collect()
                })
                .collect();
            let kept = || {
                instances
                    .iter()
                    .zip(&classes.row_class)
                    .zip(&pick.rows)
                    .filter(|(_, keep)| **keep)
                    .map(|((i, &c), _)| (i.id.as_str(), c as usize))
            };
            let unchecked = classes.unchecked;
            let table = report::MatrixTable {
                family: args.family,
                columns: &columns,
                rows: &texts,
                name_width: kept().map(|(id, _)| id.chars().count()).max(),
                width: args.width,
                unchecked,
            };
            report::write_matrix_text(&mut out, lang, &table, kept)
        }
        Format::Json | Format::Jsonl if args.trace => {
            let job = TraceJob {
                format: args.format,
                columns: &columns,
                keep: &pick.rows,
                lang,
                family: args.family,
            };
            write_traces(model, what_if, &job, &mut out, err)
        }
        Format::Json | Format::Jsonl => {
            let tails = match class_tails(model, what_if, &classes, &columns, args.family) {
                Ok(t) => t,
                Err(e) => {
                    let _ = writeln!(err, "{}", query_error_line(lang, &e));
                    return EXIT_INVALID;
                }
            };
            write_cells(
                model,
                args.format,
                &classes.row_class,
                &tails,
                &pick.rows,
                &mut out,
            )
        }
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) if all => EXIT_OK,
        Ok(()) => EXIT_NOT_REACHABLE,
        // The query error is already on standard error, in the user's language.
        Err(e) if e.get_ref().is_some_and(|inner| inner.is::<Reported>()) => EXIT_INVALID,
        Err(e) => {
            let _ = writeln!(err, "{}", crate::explain::error_line(lang, &e.to_string()));
            EXIT_INVALID
        }
    }
}

/// The matrix's rows, per class of instances that share every path: the IPv4 matrix's classes,
/// or with another family the groups [`eval::family_rows`] makes.
struct MatrixRows {
    /// Per instance, its class.
    row_class: Vec<u32>,
    /// Per class, the instance whose full trace stands for it (JSON cells).
    first_row: Vec<usize>,
    rows: Vec<std::sync::Arc<[eval::MatrixCell]>>,
    /// Per class, the IP version each cell took (empty for IPv4: every cell IPv4).
    families: Vec<std::sync::Arc<[eval::IpFamily]>>,
    unchecked: crate::model::Unchecked,
}

impl MatrixRows {
    fn new(model: &Model, what_if: &WhatIf, family: eval::Family) -> MatrixRows {
        if family == eval::Family::Ipv4 {
            let classes = eval::classes(model);
            let rows = eval::evaluate_classes(model, what_if, &classes.keys);
            let families = vec![std::sync::Arc::from(Vec::new()); rows.len()];
            return MatrixRows {
                row_class: classes.row_class,
                first_row: classes.first_row,
                rows,
                families,
                unchecked: eval::unchecked(model),
            };
        }
        let failed = model.failed_azs(what_if);
        let r = eval::family_rows(model, &failed, eval::Probe::default(), family);
        MatrixRows {
            row_class: r.row_class,
            first_row: r.first_row,
            rows: r.rows,
            families: r.families,
            unchecked: r.unchecked,
        }
    }
}

/// "no instance or subnet X; instances: …" for a `--from` or `--to` value that names nothing.
fn unselected_text(model: &Model, columns: &[&str], e: &Unselected, lang: Lang) -> String {
    const SHOWN: usize = 12;
    let (id, name, known): (&str, &str, Vec<&str>) = match e {
        Unselected::From(name) => (
            "check-matrix-no-from",
            name,
            model
                .scenario()
                .instances
                .iter()
                .map(|i| i.id.as_str())
                .collect(),
        ),
        Unselected::To(name) => ("check-matrix-no-to", name, columns.to_vec()),
    };
    let mut listed: Vec<String> = known.iter().take(SHOWN).map(|s| s.to_string()).collect();
    if known.len() > SHOWN {
        listed.push("…".into());
    }
    crate::explain::msg(
        lang,
        id,
        crate::explain::args()
            .s("name", name)
            .s("known", crate::explain::join(lang, &listed)),
    )
}

/// Per class, per column, the verdict part of a compact cell, from the full trace of the class's
/// first instance (the classes shared out over the cores).
fn class_tails(
    model: &Model,
    what_if: &WhatIf,
    classes: &MatrixRows,
    columns: &[&str],
    family: eval::Family,
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
                let query = Query::parse(model, id, to, false).with_family(family);
                let t = eval::evaluate(model, what_if, &query)?;
                tails.push(report::cell_json_tail(
                    to,
                    &t,
                    eval::trace_family(family, &t),
                ));
            }
            done.push((k, tails));
        }
    };
    let threads = crate::model::cores()
        .min(classes.rows.len().div_ceil(8))
        .max(1);
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut tails = vec![Vec::new(); classes.rows.len()];
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
    row_class: &[u32],
    tails: &[Vec<String>],
    keep: &[bool],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut framing = Framing::new(format, out)?;
    let instances = model.scenario().instances.iter().zip(row_class);
    for ((inst, &c), _) in instances.zip(keep).filter(|(_, k)| **k) {
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
/// What `--trace` writes: the format, the kept columns and rows, the language of the sentences.
struct TraceJob<'a> {
    format: Format,
    columns: &'a [&'a str],
    keep: &'a [bool],
    lang: Lang,
    family: eval::Family,
}

/// A query error that has already been written to standard error: it ends the output without
/// a second, English line.
#[derive(Debug)]
struct Reported;

impl std::fmt::Display for Reported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("reported")
    }
}

impl std::error::Error for Reported {}

fn write_traces(
    model: &Model,
    what_if: &WhatIf,
    job: &TraceJob<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let TraceJob {
        format,
        columns,
        keep,
        lang,
        family,
    } = *job;
    const CHUNK: usize = 16;
    let all = &model.scenario().instances;
    let instances: Vec<&crate::model::Instance> = all
        .iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(i, _)| i)
        .collect();
    let chunks = instances.len().div_ceil(CHUNK);
    // Each chunk's cells as JSON text, one per line.
    let chunk_text = |k: usize| -> Result<Vec<u8>, eval::QueryError> {
        let mut text = Vec::new();
        for inst in &instances[k * CHUNK..((k + 1) * CHUNK).min(instances.len())] {
            for to in columns {
                let query = Query::parse(model, &inst.id, to, false).with_family(family);
                let t = eval::evaluate(model, what_if, &query)?;
                let mut v = report::trace_json(&t);
                v["family"] = serde_json::json!(eval::trace_family(family, &t));
                let _ = serde_json::to_writer(&mut text, &v);
                text.push(b'\n');
            }
        }
        Ok(text)
    };
    let threads = crate::model::cores().min(chunks).max(1);
    let mut framing = Framing::new(format, out)?;
    let mut write_chunk = |text: Result<Vec<u8>, eval::QueryError>| -> std::io::Result<()> {
        let text = text.map_err(|e| {
            let _ = writeln!(err, "{}", query_error_line(lang, &e));
            std::io::Error::other(Reported)
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

/// `--matrix --spof`: every reachable cell with a single point of failure.
pub fn run_matrix_spof(
    model: &Model,
    what_if: &WhatIf,
    args: &MatrixArgs<'_>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let format = args.format;
    let (services, workloads) = eval::columns(model);
    let all_columns: Vec<&str> = services
        .iter()
        .chain(&workloads)
        .map(String::as_str)
        .collect();
    let pick = match Selection::new(model, &all_columns, args.from, args.to) {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "{}", unselected_text(model, &all_columns, &e, lang));
            return EXIT_INVALID;
        }
    };
    let row_of: std::collections::HashMap<&str, usize> = model
        .scenario()
        .instances
        .iter()
        .enumerate()
        .map(|(r, i)| (i.id.as_str(), r))
        .collect();
    let mut cells = fix::matrix_weak_points(model, what_if);
    cells.retain(|(instance, to, _)| {
        let row = row_of.get(instance.as_str()).copied();
        let column = all_columns.iter().position(|c| c == to);
        row.is_some_and(|r| pick.rows[r]) && column.is_some_and(|c| pick.columns.contains(&c))
    });
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

/// "error: …" for a name the evaluator could not resolve.
fn query_error_line(lang: Lang, e: &eval::QueryError) -> String {
    crate::explain::error_line(lang, &crate::explain::query_error(lang, e))
}
