//! The path panel: verdict line and the winning route first (pinned, so they are on screen at
//! any size), then every hop with its sentence, the notes and the layers not evaluated.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::eval::{Hop, HopKind, PathTrace, RouteDecision, UNCHECKED};
use crate::i18n::Lang;
use crate::report::verdict_line;

use super::text::wrap;
use super::theme::{ON_PATH, Theme, verdict_symbol};
use super::{clamp_scroll, panel, put_lines};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = panel(theme, format!("Path: {}", app.path_label()), true);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let w = inner.width as usize;
    let (pinned, body) = match &app.trace {
        Ok(_) if app.verdict_hidden() => (hidden_lines(app, theme, w), Vec::new()),
        Ok(t) => (pinned_lines(t, theme, w), body_lines(t, theme, w)),
        Err(e) => (
            wrap(&e.to_string(), w, "✖ ", "  ", theme.bad(), theme.bad()),
            Vec::new(),
        ),
    };
    // The verdict and winning route stay; the hops scroll beneath them.
    let pinned_rows = (pinned.len() as u16).min(inner.height);
    put_lines(
        &pinned,
        0,
        Rect {
            height: pinned_rows,
            ..inner
        },
        buf,
    );
    let rest = Rect {
        y: inner.y + pinned_rows,
        height: inner.height - pinned_rows,
        ..inner
    };
    let scroll = clamp_scroll(app.path_scroll, body.len(), rest.height);
    put_lines(&body, scroll, rest, buf);
    if body.len() > rest.height as usize + scroll && rest.height > 0 {
        let more = format!(
            " J/K scroll · {} more ",
            body.len() - rest.height as usize - scroll
        );
        let x = area.right().saturating_sub(more.chars().count() as u16 + 1);
        buf.set_string(x, area.bottom() - 1, more, theme.dim());
    }
}

/// At an unanswered lesson question: the question, and how to answer.
fn hidden_lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let question = app
        .lesson_step()
        .and_then(|(_, s)| s.question.as_ref())
        .map(|q| {
            if app.lang == Lang::Ja {
                q.ja.clone()
            } else {
                q.en.clone()
            }
        })
        .unwrap_or_default();
    let mut lines = wrap(&question, w, "? ", "  ", theme.key(), theme.title());
    let hint = if app.lang == Lang::Ja {
        "予想してから a で答えてください。答えるまで経路と判定は表示されません。"
    } else {
        "Predict, then press a to answer. The path and verdict stay hidden until then."
    };
    lines.extend(wrap(hint, w, "  ", "  ", theme.dim(), theme.dim()));
    lines
}

/// The first route-table decision's winner: the route that sent the path on its way.
fn winning_route(t: &PathTrace) -> Option<(&Hop, &RouteDecision)> {
    let hops = if t.hops.is_empty() {
        t.parts.first().map(|p| &p.hops[..]).unwrap_or(&[])
    } else {
        &t.hops[..]
    };
    hops.iter()
        .filter(|h| h.kind == HopKind::RouteTable)
        .find_map(|h| h.decisions.first().map(|d| (h, d)))
}

fn pinned_lines(t: &PathTrace, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let style = theme.verdict(&t.verdict);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", verdict_symbol(&t.verdict)), style),
        Span::styled(verdict_line(&t.verdict), style),
    ])];
    lines.extend(wrap(
        &t.explanation,
        w,
        "  ",
        "  ",
        theme.plain(),
        theme.plain(),
    ));
    if let Some((hop, d)) = winning_route(t) {
        let text = match d.matches.iter().find(|m| m.chosen) {
            Some(m) => format!(
                "{}: {} → {} ({}, {})",
                hop.id, m.destination, m.target, m.origin, d.rule
            ),
            None => format!("{}: no route for {} ({})", hop.id, d.destination, d.rule),
        };
        lines.extend(wrap(
            &text,
            w,
            "  route ",
            "        ",
            theme.dim(),
            theme.on_path(),
        ));
    }
    lines
}

fn hop_lines(hops: &[Hop], theme: &Theme, w: usize, indent: &str, out: &mut Vec<Line<'static>>) {
    for (i, h) in hops.iter().enumerate() {
        let az =
            h.az.as_deref()
                .map(|a| format!("  [{a}]"))
                .unwrap_or_default();
        let style = if h.kind == HopKind::Blocked {
            theme.bad()
        } else {
            theme.on_path()
        };
        out.push(Line::from(vec![
            Span::raw(indent.to_string()),
            Span::styled(format!("{:>2} {ON_PATH} ", i + 1), theme.dim()),
            Span::styled(format!("{} ", h.kind.code()), theme.dim()),
            Span::styled(h.id.clone(), style),
            Span::styled(az, theme.dim()),
        ]));
        let pad = format!("{indent}     ");
        if !h.detail.is_empty() {
            out.extend(wrap(&h.detail, w, &pad, &pad, theme.plain(), theme.plain()));
        }
        for d in &h.decisions {
            for m in &d.matches {
                let (mark, st) = if m.chosen {
                    ("✔ won", theme.on_path())
                } else {
                    ("· lost", theme.dim())
                };
                let text = format!(
                    "{} → {}  [{}] {mark}{}",
                    m.destination,
                    m.target,
                    m.origin,
                    if m.chosen {
                        format!(" ({})", d.rule)
                    } else {
                        String::new()
                    }
                );
                out.extend(wrap(
                    &text,
                    w,
                    &format!("{pad}  "),
                    &format!("{pad}    "),
                    theme.dim(),
                    st,
                ));
            }
        }
    }
}

fn body_lines(t: &PathTrace, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    hop_lines(&t.hops, theme, w, "", &mut out);
    for p in &t.parts {
        let name = match &p.to {
            Some(to) => to.clone(),
            None => p
                .cidrs
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        };
        out.push(Line::from(vec![
            Span::styled(
                format!("{} ", verdict_symbol(&p.verdict)),
                theme.verdict(&p.verdict),
            ),
            Span::styled(format!("{name}: "), theme.title()),
            Span::styled(verdict_line(&p.verdict), theme.verdict(&p.verdict)),
        ]));
        out.extend(wrap(
            &p.explanation,
            w,
            "  ",
            "  ",
            theme.plain(),
            theme.plain(),
        ));
        hop_lines(&p.hops, theme, w, "  ", &mut out);
    }
    for n in &t.notes {
        out.extend(wrap(
            &format!("[{}] {}", n.code, n.text),
            w,
            "note ",
            "     ",
            theme.warn(),
            theme.plain(),
        ));
    }
    out.extend(wrap(
        &format!(
            "{} (a reachable path can still be denied there)",
            UNCHECKED.join(", ").replace('_', " ")
        ),
        w,
        "not evaluated: ",
        "  ",
        theme.dim(),
        theme.dim(),
    ));
    out
}
