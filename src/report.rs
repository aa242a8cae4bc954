//! Report writers over the evaluator's results: plain text for people, JSON for programs. The
//! JSON shape is documented in the README and kept stable.

use serde_json::{Value, json};

use crate::eval::{Hop, Matrix, Origin, Part, PathTrace, Verdict};
use crate::explain::{self, Lang};

/// The version of the JSON shape below; it changes when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 3;

fn verdict_fields(v: &Verdict) -> (Value, Value, Value) {
    (
        v.via().map(|x| json!(x.code())).unwrap_or(Value::Null),
        v.cross_az().map(|x| json!(x.code())).unwrap_or(Value::Null),
        v.reason().map(|x| json!(x.code())).unwrap_or(Value::Null),
    )
}

/// Beside a reason code, the closest AWS Reachability Analyzer explanation code.
fn ra_code(v: &Verdict) -> Value {
    v.reason()
        .and_then(|r| r.reachability_analyzer_code())
        .map(|c| json!(c))
        .unwrap_or(Value::Null)
}

/// A hop: kind, id and AZ, its typed fact (the evaluator's fields), and the English sentence.
fn hop_json(h: &Hop) -> Value {
    let mut o = serde_json::to_value(h).unwrap_or(Value::Null);
    o["detail"] = json!(explain::hop_sentence(Lang::En, h));
    if !h.decisions().is_empty() {
        o["routes"] = Value::Array(
            h.decisions()
                .iter()
                .map(|d| {
                    let mut v = serde_json::to_value(d).unwrap_or(Value::Null);
                    v["text"] = json!(explain::decision_text(Lang::En, d));
                    v
                })
                .collect(),
        );
        if let Some(obj) = o.as_object_mut() {
            obj.remove("decisions");
        }
    }
    if o.get("az").is_none() {
        o["az"] = Value::Null;
    }
    o
}

fn hops_json(hops: &[Hop]) -> Value {
    Value::Array(hops.iter().map(hop_json).collect())
}

fn part_json(t: &PathTrace, p: &Part) -> Value {
    let (via, cross_az, reason) = verdict_fields(&p.verdict);
    json!({
        "to": p.to,
        "cidrs": p.cidrs.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        "verdict": p.verdict.code(),
        "via": via,
        "cross_az": cross_az,
        "reason": reason,
        "reachability_analyzer_code": ra_code(&p.verdict),
        "explanation": explain::part_summary(Lang::En, t, p),
        "hops": hops_json(&p.hops),
    })
}

/// The source as JSON: the id that `--from` takes back, the name apart from it.
fn origin_json(o: &Origin) -> Value {
    let mut v = serde_json::to_value(o).unwrap_or(Value::Null);
    v["id"] = json!(o.id());
    if v.get("name").is_none() {
        v["name"] = Value::Null;
    }
    v
}

/// One trace as the documented JSON object.
pub fn trace_json(t: &PathTrace) -> Value {
    let (via, cross_az, reason) = verdict_fields(&t.verdict);
    let leaves = match &t.verdict {
        Verdict::LeavesVpc { target } => json!(target),
        _ => Value::Null,
    };
    json!({
        "schema_version": SCHEMA_VERSION,
        "from": origin_json(&t.from),
        "to": t.to,
        "verdict": t.verdict.code(),
        "via": via,
        "cross_az": cross_az,
        "reason": reason,
        "reachability_analyzer_code": ra_code(&t.verdict),
        "leaves_vpc_via": leaves,
        "notes": t.notes.iter().map(|n| {
            let mut v = serde_json::to_value(n).unwrap_or(Value::Null);
            v["code"] = json!(n.code());
            v["text"] = json!(explain::note_sentence(Lang::En, n));
            if let Some(o) = v.as_object_mut() { o.remove("note"); }
            v
        }).collect::<Vec<_>>(),
        "unchecked": t.unchecked,
        "explanation": explain::summary(Lang::En, t),
        "parts": if t.parts.is_empty() { Value::Null } else { Value::Array(t.parts.iter().map(|p| part_json(t, p)).collect()) },
        "hops": hops_json(&t.hops),
    })
}

/// The verdict line in English, as `check` prints it.
pub fn verdict_line(v: &Verdict) -> String {
    explain::verdict_line(Lang::En, v)
}

/// The hops for people: number, kind in `lang` (the JSON keeps the code) and id, then the
/// sentence and each decision under it, in a column as wide as the widest kind of the list up
/// to 18 cells (measured in terminal cells: a Japanese kind takes two a character); a wider
/// kind (インターフェイスエンドポイント) is followed by one space.
fn hops_text(out: &mut String, hops: &[Hop], indent: &str, lang: Lang) {
    use unicode_width::UnicodeWidthStr;
    let kinds: Vec<String> = hops
        .iter()
        .map(|h| explain::hop_kind_label(lang, h.kind))
        .collect();
    let col = kinds.iter().map(|k| k.width()).max().unwrap_or(0).min(18);
    let blank = " ".repeat(col);
    for ((i, h), kind) in hops.iter().enumerate().zip(&kinds) {
        let az =
            h.az.as_ref()
                .map(|a| format!("  [{}]", explain::az_text(lang, a)))
                .unwrap_or_default();
        let pad = " ".repeat(col.saturating_sub(kind.width()));
        out.push_str(&format!("{indent}{:>2}. {kind}{pad} {}{az}\n", i + 1, h.id));
        out.push_str(&format!(
            "{indent}    {blank} {}\n",
            explain::hop_sentence(lang, h)
        ));
        for d in h.decisions() {
            out.push_str(&format!(
                "{indent}    {blank}   {}\n",
                explain::decision_text(lang, d)
            ));
        }
    }
}

/// One trace for people, in `lang`.
pub fn trace_text(t: &PathTrace, lang: Lang) -> String {
    let mut out = format!(
        "{} → {}: {}\n",
        explain::origin_text(lang, &t.from),
        t.to,
        explain::verdict_line(lang, &t.verdict)
    );
    out.push_str(&format!("  {}\n\n", explain::summary(lang, t)));
    hops_text(&mut out, &t.hops, "  ", lang);
    for (i, p) in t.parts.iter().enumerate() {
        let what = match &p.to {
            Some(to) => to.to_string(),
            None => explain::join(lang, p.cidrs.iter().map(|c| explain::net(*c))),
        };
        out.push_str(&format!(
            "\n  {} {}: {what} → {}\n",
            explain::m(lang, "text-part"),
            i + 1,
            explain::verdict_line(lang, &p.verdict)
        ));
        out.push_str(&format!("    {}\n", explain::part_summary(lang, t, p)));
        hops_text(&mut out, &p.hops, "    ", lang);
    }
    if !t.notes.is_empty() {
        out.push_str(&format!("\n  {}\n", explain::m(lang, "text-notes")));
        for n in &t.notes {
            out.push_str(&format!(
                "    - {} : {}\n",
                n.code(),
                explain::note_sentence(lang, n)
            ));
        }
    }
    if !t.unchecked.is_empty() {
        out.push_str(&format!(
            "\n  {}\n",
            explain::msg(
                lang,
                "text-not-evaluated",
                explain::args().s(
                    "layers",
                    explain::join(
                        lang,
                        t.unchecked
                            .iter()
                            .map(|c| explain::unchecked_label(lang, c))
                    )
                )
            )
        ));
    }
    out
}

/// Short cell text for the matrix: readable without colour.
pub fn cell_text(v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, cross_az } => {
            let base = match via {
                crate::eval::Via::GatewayEndpoint => "ok:gwe",
                crate::eval::Via::InterfaceEndpoint => "ok:vpce",
                crate::eval::Via::ResourceEndpoint => "ok:res",
                crate::eval::Via::ServiceNetworkEndpoint => "ok:sn",
                crate::eval::Via::ServiceNetworkAssociation => "ok:sna",
                crate::eval::Via::NatGateway => "ok:nat",
                crate::eval::Via::InternetGateway => "ok:igw",
                crate::eval::Via::EgressOnlyInternetGateway => "ok:eigw",
                crate::eval::Via::Local => "ok:local",
                crate::eval::Via::Mixed => "ok:mixed",
            };
            match cross_az {
                Some(crate::eval::CrossAz::Always) => format!("{base}!"),
                Some(crate::eval::CrossAz::Sometimes) => format!("{base}~"),
                _ => base.to_string(),
            }
        }
        Verdict::Partial => "PARTIAL".into(),
        Verdict::Blocked(r) => format!("X:{}", r.code()),
        Verdict::LeavesVpc { .. } => "leaves".into(),
        Verdict::Unavailable(_) => "down".into(),
        Verdict::NotModelled(r) => format!("?:{}", r.code()),
    }
}

/// The instance × service table for people, never wrapped.
pub fn matrix_text(m: &Matrix, lang: Lang) -> String {
    let texts: Vec<Vec<String>> = m
        .cells
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, cell)| {
                    let text = cell_text(&cell.verdict);
                    match m.cell_family(r, c) {
                        crate::eval::IpFamily::Ipv6 if m.family == crate::eval::Family::Auto => {
                            format!("{text}/6")
                        }
                        _ => text,
                    }
                })
                .collect()
        })
        .collect();
    let columns: Vec<&str> = m
        .services
        .iter()
        .chain(&m.workloads)
        .map(String::as_str)
        .collect();
    let table = MatrixTable {
        columns: &columns,
        rows: &texts,
        name_width: m.instances.iter().map(|s| s.chars().count()).max(),
        width: None,
        unchecked: m.unchecked,
        family: m.family,
    };
    let mut out = Vec::new();
    let _ = write_matrix_text(&mut out, lang, &table, || {
        m.instances.iter().map(String::as_str).zip(0..)
    });
    String::from_utf8(out).unwrap_or_default()
}

/// The instance × service table's columns and distinct rows, and how wide it may be.
pub struct MatrixTable<'a> {
    /// The column headers (services, then `workload:NAME`).
    pub columns: &'a [&'a str],
    /// Each distinct row's cell texts ([`cell_text`]), one per column.
    pub rows: &'a [Vec<String>],
    /// The widest instance name, in characters.
    pub name_width: Option<usize>,
    /// The terminal's width: columns that do not fit go to a further block below, each block
    /// repeating the instance column. `None` never wraps.
    pub width: Option<usize>,
    /// The layers the model has no data for ([`crate::eval::unchecked`]), said below the table.
    pub unchecked: crate::model::Unchecked,
    /// The IP version every cell asked (`--family`), said below the table when not IPv4.
    pub family: crate::eval::Family,
}

/// The instance × service table for people, written row by row: `names()` gives each instance
/// with the index of its row in `table.rows`, so a table of any number of instances takes memory
/// for its distinct rows only. Columns that do not fit `table.width` go to further blocks (each
/// block walks `names()` again); the legend is wrapped to the width too.
pub fn write_matrix_text<'a, W, I>(
    out: &mut W,
    lang: Lang,
    table: &MatrixTable<'_>,
    names: impl Fn() -> I,
) -> std::io::Result<()>
where
    W: std::io::Write + ?Sized,
    I: Iterator<Item = (&'a str, usize)>,
{
    use unicode_width::UnicodeWidthStr;
    let widths: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(j, s)| {
            table
                .rows
                .iter()
                .map(|r| r[j].width())
                .chain([s.width()])
                .max()
                .unwrap_or(4)
        })
        .collect();
    let header = explain::m(lang, "matrix-instance");
    let first = table.name_width.unwrap_or(8).max(8).max(header.width());
    let blocks = column_blocks(first, &widths, table.width);
    let pad =
        |text: &str, w: usize| format!("{text}{}", " ".repeat(w.saturating_sub(text.width())));
    let mut line = String::new();
    for (b, block) in blocks.iter().enumerate() {
        line.clear();
        if b > 0 {
            line.push('\n');
        }
        line.push_str(pad(&header, first).trim_end_matches(' '));
        for j in block.clone() {
            line.push_str("  ");
            line.push_str(&pad(table.columns[j], widths[j]));
        }
        let trimmed = line.trim_end().len();
        line.truncate(trimmed);
        line.push('\n');
        out.write_all(line.as_bytes())?;
        for (inst, r) in names() {
            line.clear();
            line.push_str(&pad(inst, first));
            for j in block.clone() {
                line.push_str("  ");
                line.push_str(&pad(&table.rows[r][j], widths[j]));
            }
            let trimmed = line.trim_end().len();
            line.truncate(trimmed);
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    line.clear();
    line.push('\n');
    // Resource and service-network endpoints' ways only where a cell has one (most scenarios
    // have none, and their legend stays as it was).
    let mut legend = explain::m(lang, "matrix-legend");
    if table
        .rows
        .iter()
        .flatten()
        .any(|c| c.starts_with("ok:res") || c.starts_with("ok:sn"))
    {
        legend.push_str(" · ");
        legend.push_str(&explain::m(lang, "matrix-legend-lattice"));
    }
    line.push_str(&wrap_legend(&legend, table.width));
    line.push('\n');
    let family = match table.family {
        crate::eval::Family::Ipv4 => None,
        crate::eval::Family::Ipv6 => Some("matrix-family-ipv6"),
        crate::eval::Family::Auto => Some("matrix-family-auto"),
    };
    if let Some(id) = family {
        line.push_str(&wrap_legend(&explain::m(lang, id), table.width));
        line.push('\n');
    }
    if !table.unchecked.is_empty() {
        line.push_str(&explain::msg(
            lang,
            "text-not-evaluated",
            explain::args().s(
                "layers",
                explain::join(
                    lang,
                    table
                        .unchecked
                        .iter()
                        .map(|c| explain::unchecked_label(lang, c)),
                ),
            ),
        ));
        line.push('\n');
    }
    out.write_all(line.as_bytes())
}

/// The columns of each block of a table whose name column is `first` wide and whose columns
/// are `widths` wide, two spaces apart, so that each block fits `width` (a block holds at least
/// one column, however narrow the terminal).
fn column_blocks(
    first: usize,
    widths: &[usize],
    width: Option<usize>,
) -> Vec<std::ops::Range<usize>> {
    let Some(width) = width else {
        return std::iter::once(0..widths.len()).collect();
    };
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut used = first;
    for (j, w) in widths.iter().enumerate() {
        if j > start && used + 2 + w > width {
            blocks.push(start..j);
            start = j;
            used = first;
        }
        used += 2 + w;
    }
    blocks.push(start..widths.len());
    blocks
}

/// The legend's entries (separated by ` · `) packed into lines no wider than `width`; an entry
/// wider than a line is broken at a space, or between any two characters where there is none
/// (Japanese).
fn wrap_legend(legend: &str, width: Option<usize>) -> String {
    use unicode_width::UnicodeWidthStr;
    let Some(width) = width else {
        return legend.to_string();
    };
    let width = width.max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for entry in legend.split(" · ") {
        if !line.is_empty() && line.width() + 3 + entry.width() <= width {
            line.push_str(" · ");
            line.push_str(entry);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = break_line(entry, width);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    lines.push(line);
    lines.join("\n")
}

/// `text` in lines no wider than `width`: broken at the last space that fits, or where the
/// width runs out when no space does.
fn break_line(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Where the line could be broken: the byte offset of its last space.
    let mut space: Option<usize> = None;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && c == ' ' {
            // The space that overflows is where the line breaks.
            lines.push(std::mem::take(&mut line));
            used = 0;
            space = None;
            continue;
        }
        if used + w > width && !line.is_empty() {
            match space {
                Some(at) => {
                    let rest = line.split_off(at + 1);
                    lines.push(line.trim_end().to_string());
                    line = rest;
                }
                None => lines.push(std::mem::take(&mut line)),
            }
            used = unicode_width::UnicodeWidthStr::width(line.as_str());
            space = None;
        }
        if c == ' ' {
            space = Some(line.len());
        }
        line.push(c);
        used += w;
    }
    lines.push(line);
    lines
}

/// The start of a compact matrix cell (`check --matrix --format json|jsonl` without `--trace`)
/// for one instance: `{"schema_version":3,"from":{"id":...,"name":...},"to":`. The column and the
/// verdict follow from [`cell_json_tail`], which all instances of a class share.
pub fn cell_json_head(id: &str, name: Option<&str>) -> String {
    let text = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "{{\"schema_version\":{SCHEMA_VERSION},\"from\":{{\"id\":{},\"name\":{}}},\"to\":",
        text(id),
        name.map(text).unwrap_or_else(|| "null".into()),
    )
}

/// The rest of a compact cell, from the column and a full trace of the path:
/// `"s3","verdict":...,"notes":[...]}` (the notes by code).
pub fn cell_json_tail(to: &str, t: &PathTrace, family: crate::eval::IpFamily) -> String {
    let (via, cross_az, reason) = verdict_fields(&t.verdict);
    let leaves = match &t.verdict {
        Verdict::LeavesVpc { target } => json!(target),
        _ => Value::Null,
    };
    let notes: Vec<&str> = t.notes.iter().map(|n| n.code()).collect();
    format!(
        "{},\"family\":\"{}\",\"verdict\":{},\"via\":{via},\"cross_az\":{cross_az},\"reason\":{reason},\"leaves_vpc_via\":{leaves},\"notes\":{}}}",
        json!(to),
        family.code(),
        json!(t.verdict.code()),
        json!(notes)
    )
}

/// A verdict as the trace's fields say it: `verdict`, `via`, `cross_az`, `reason`.
fn verdict_json(v: &Verdict) -> Value {
    let (via, cross_az, reason) = verdict_fields(v);
    json!({ "verdict": v.code(), "via": via, "cross_az": cross_az, "reason": reason })
}

/// An edit in the scenario format (RON), as a lesson step's `edits` take it.
pub fn edit_ron(e: &crate::model::Edit) -> String {
    ron::to_string(e).unwrap_or_default()
}

/// `check --suggest`: every suggestion, best first (README, "JSON output").
pub fn suggestions_json(s: &crate::fix::Suggestions) -> Value {
    Value::Array(
        s.suggestions
            .iter()
            .enumerate()
            .map(|(i, x)| {
                json!({
                    "rank": i + 1,
                    "edits": x.edits.iter().map(edit_ron).collect::<Vec<_>>(),
                    "edits_text": x.edits.iter().map(|e| explain::edit_text(Lang::En, e)).collect::<Vec<_>>(),
                    "after": verdict_json(&x.verdict),
                    "gained": x.gained,
                    "lost": x.lost,
                    "monthly_cost_delta": (x.monthly_cost_delta * 100.0).round() / 100.0,
                    "currency": x.currency,
                    "az_dependencies": x.az_dependencies,
                    "adds_az_dependency": x.adds_az_dependency(),
                    "placeholders": x.placeholders,
                    "changes": x.changes,
                    "changes_text": x.changes.iter().map(|c| explain::fix_change(Lang::En, c)).collect::<Vec<_>>(),
                    "why": x.why,
                    "why_text": x.why.iter().map(|f| explain::fix_rank_fact(Lang::En, f)).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// `check --spof`: the weak points of a path (README, "JSON output").
pub fn weak_points_json(w: &crate::fix::WeakPoints) -> Value {
    json!({
        "source_az": w.source_az,
        "weak_points": w.weak_points.iter().map(|p| json!({
            "kind": p.kind.code(),
            "id": p.id,
            "detail": p.detail,
            "failure": edit_ron(&p.failure),
            "after": verdict_json(&p.verdict),
            "text": explain::weak_point_text(Lang::En, p).trim(),
        })).collect::<Vec<_>>(),
        "survives_azs": w.survives_azs,
        "survives_any_one_az": w.survives_any_one_az(),
        "eni_azs": w.eni_azs,
    })
}

#[cfg(test)]
mod wrap_tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn lines_fit_and_lose_nothing() {
        let text =
            "ok:vpce インターフェイスエンドポイント (~ 別の AZ に向かうことがある、! 常に別の AZ)";
        for width in [8, 20, 40, 84] {
            let lines = break_line(text, width);
            assert!(
                lines.iter().all(|l| l.width() <= width),
                "{width}: {lines:?}"
            );
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let original: String = text.chars().filter(|c| *c != ' ').collect();
            assert_eq!(joined, original, "{width}");
        }
        assert_eq!(break_line("aa bb cc", 5), ["aa bb", "cc"]);
    }

    #[test]
    fn blocks_fit_the_width_with_one_column_at_least() {
        let widths = [6, 10, 30, 4];
        assert_eq!(column_blocks(8, &widths, None).len(), 1);
        assert_eq!(column_blocks(8, &widths, None)[0], 0..4);
        assert_eq!(column_blocks(8, &widths, Some(40)), [0..2, 2..3, 3..4]);
        // Too narrow for any column: one per block, never an empty block.
        assert_eq!(column_blocks(8, &widths, Some(5)), [0..1, 1..2, 2..3, 3..4]);
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::eval::{Query, evaluate};
    use unicode_width::UnicodeWidthStr;

    /// The hops' kinds are words of the report's language (the JSON keeps the codes), and the
    /// ids after them start in one column, counted in cells, where the kind fits in 18.
    #[test]
    fn hop_kinds_are_words_of_the_language_in_one_column() {
        let file = "scenarios/security-layers.ron";
        let model = crate::model::load_file(std::path::Path::new(file)).expect("loads");
        let what_if = model.scenario().what_if.clone();
        let t = evaluate(
            &model,
            &what_if,
            &Query::parse(&model, "app-a", "ssm", false),
        )
        .expect("evaluates");
        for (lang, kinds) in [
            (Lang::En, ["security group", "route table", "network ACL"]),
            (
                Lang::Ja,
                ["セキュリティグループ", "ルートテーブル", "ネットワーク ACL"],
            ),
        ] {
            let text = trace_text(&t, lang);
            let hop_lines: Vec<&str> = text
                .lines()
                .filter(|l| {
                    l.trim_start()
                        .split(". ")
                        .next()
                        .is_some_and(|n| n.parse::<u32>().is_ok())
                })
                .collect();
            assert_eq!(hop_lines.len(), t.hops.len(), "{text}");
            for kind in kinds {
                assert!(hop_lines.iter().any(|l| l.contains(kind)), "{kind}: {text}");
            }
            let mut columns = Vec::new();
            for (line, h) in hop_lines.iter().zip(&t.hops) {
                let label = explain::hop_kind_label(lang, h.kind);
                assert!(line.contains(&label), "{line}");
                // A code of two words (`route_table`) is not a word of either language.
                let code = h.kind.code();
                assert!(!code.contains('_') || !line.contains(code), "{line}");
                if label.width() <= 18 {
                    let at = line.find(h.id.as_str()).expect("the id");
                    columns.push(line[..at].width());
                }
            }
            columns.dedup();
            assert_eq!(columns.len(), 1, "{text}");
        }
    }
}
