//! Report writers over the evaluator's results: plain text for people, JSON for programs. The
//! JSON shape is documented in the README and kept stable.

use serde_json::{Value, json};

use crate::eval::{Hop, Matrix, Part, PathTrace, UNCHECKED, Verdict};

fn verdict_fields(v: &Verdict) -> (Value, Value, Value) {
    (
        v.via().map(|x| json!(x.code())).unwrap_or(Value::Null),
        v.cross_az().map(|x| json!(x.code())).unwrap_or(Value::Null),
        v.reason().map(|x| json!(x.code())).unwrap_or(Value::Null),
    )
}

fn hops_json(hops: &[Hop]) -> Value {
    Value::Array(
        hops.iter()
            .map(|h| {
                let mut o = json!({
                    "kind": h.kind.code(),
                    "id": h.id,
                    "az": h.az,
                    "detail": h.detail,
                });
                if !h.decisions.is_empty() {
                    o["routes"] = serde_json::to_value(&h.decisions).unwrap_or(Value::Null);
                }
                o
            })
            .collect(),
    )
}

fn part_json(p: &Part) -> Value {
    let (via, cross_az, reason) = verdict_fields(&p.verdict);
    json!({
        "to": p.to,
        "cidrs": p.cidrs.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
        "verdict": p.verdict.code(),
        "via": via,
        "cross_az": cross_az,
        "reason": reason,
        "explanation": p.explanation,
        "hops": hops_json(&p.hops),
    })
}

/// One trace as the documented JSON object.
pub fn trace_json(t: &PathTrace) -> Value {
    let (via, cross_az, reason) = verdict_fields(&t.verdict);
    let leaves = match &t.verdict {
        Verdict::LeavesVpc { target } => json!(target),
        _ => Value::Null,
    };
    json!({
        "from": t.from,
        "to": t.to,
        "verdict": t.verdict.code(),
        "via": via,
        "cross_az": cross_az,
        "reason": reason,
        "leaves_vpc_via": leaves,
        "notes": t.notes.iter().map(|n| json!({"code": n.code, "text": n.text})).collect::<Vec<_>>(),
        "unchecked": UNCHECKED,
        "explanation": t.explanation,
        "parts": if t.parts.is_empty() { Value::Null } else { Value::Array(t.parts.iter().map(part_json).collect()) },
        "hops": hops_json(&t.hops),
    })
}

pub fn verdict_line(v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, cross_az } => match cross_az {
            Some(c) => format!("REACHABLE via {} (cross-AZ: {})", via.code(), c.code()),
            None => format!("REACHABLE via {}", via.code()),
        },
        Verdict::Partial => "PARTIAL".into(),
        Verdict::Blocked(r) => format!("BLOCKED ({})", r.code()),
        Verdict::LeavesVpc { target } => format!("LEAVES VPC via {target}"),
        Verdict::Unavailable(r) => format!("UNAVAILABLE ({})", r.code()),
    }
}

fn hops_text(out: &mut String, hops: &[Hop], indent: &str) {
    for (i, h) in hops.iter().enumerate() {
        let az =
            h.az.as_deref()
                .map(|a| format!("  [{a}]"))
                .unwrap_or_default();
        out.push_str(&format!(
            "{indent}{:>2}. {:<18} {}{az}\n",
            i + 1,
            h.kind.code(),
            h.id
        ));
        if !h.detail.is_empty() {
            out.push_str(&format!("{indent}    {:<18} {}\n", "", h.detail));
        }
    }
}

/// One trace for people.
pub fn trace_text(t: &PathTrace) -> String {
    let mut out = format!("{} → {}: {}\n", t.from, t.to, verdict_line(&t.verdict));
    if !t.explanation.is_empty() {
        out.push_str(&format!("  {}\n", t.explanation));
    }
    out.push('\n');
    hops_text(&mut out, &t.hops, "  ");
    for (i, p) in t.parts.iter().enumerate() {
        let cidrs: Vec<String> = p.cidrs.iter().map(|c| c.to_string()).collect();
        let what = match &p.to {
            Some(to) => to.clone(),
            None if cidrs.len() > 4 => format!(
                "{} ranges ({}, …; JSON lists all)",
                cidrs.len(),
                cidrs[..3].join(", ")
            ),
            None => cidrs.join(", "),
        };
        out.push_str(&format!(
            "\n  part {}: {what} → {}\n",
            i + 1,
            verdict_line(&p.verdict)
        ));
        if !p.explanation.is_empty() {
            out.push_str(&format!("    {}\n", p.explanation));
        }
        hops_text(&mut out, &p.hops, "    ");
    }
    if !t.notes.is_empty() {
        out.push_str("\n  notes:\n");
        for n in &t.notes {
            out.push_str(&format!("    - {} : {}\n", n.code, n.text));
        }
    }
    out.push_str(&format!("\n  not evaluated: {}\n", UNCHECKED.join(", ")));
    out
}

/// Short cell text for the matrix: readable without colour.
pub fn cell_text(v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, cross_az } => {
            let base = match via {
                crate::eval::Via::GatewayEndpoint => "ok:gwe",
                crate::eval::Via::InterfaceEndpoint => "ok:vpce",
                crate::eval::Via::NatGateway => "ok:nat",
                crate::eval::Via::InternetGateway => "ok:igw",
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
    }
}

/// The instance × service table for people.
pub fn matrix_text(m: &Matrix) -> String {
    let first = m
        .instances
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(8)
        .max(8);
    let cells: Vec<Vec<String>> = m
        .cells
        .iter()
        .map(|row| row.iter().map(|c| cell_text(&c.verdict)).collect())
        .collect();
    let columns: Vec<&String> = m.services.iter().chain(&m.workloads).collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(j, s)| {
            cells
                .iter()
                .map(|r| r[j].chars().count())
                .chain([s.chars().count()])
                .max()
                .unwrap_or(4)
        })
        .collect();
    let mut out = format!("{:<first$}", "instance");
    for (s, w) in columns.iter().zip(&widths) {
        out.push_str(&format!("  {s:<w$}"));
    }
    out.push('\n');
    for (inst, row) in m.instances.iter().zip(&cells) {
        out.push_str(&format!("{inst:<first$}"));
        for (c, w) in row.iter().zip(&widths) {
            out.push_str(&format!("  {c:<w$}"));
        }
        out.push('\n');
    }
    out.push_str(
        "\nok:gwe gateway endpoint · ok:vpce interface endpoint (~ sometimes, ! always cross-AZ) · ok:nat NAT gateway · ok:igw internet gateway · ok:local delivered inside the VPC · ok:mixed workload parts by different ways · PARTIAL ranges take different paths · X:<reason> blocked · leaves: leaves the VPC · down: source AZ failed\n",
    );
    out.push_str(&format!("not evaluated: {}\n", UNCHECKED.join(", ")));
    out
}
