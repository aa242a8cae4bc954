//! The path panel: verdict line and the winning route first (pinned, so they are on screen at
//! any size), then every hop with its sentence, the notes and the layers not evaluated.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::eval::{Hop, HopKind, PathTrace, RouteDecision, UNCHECKED};
use crate::i18n::{self, Lang, t, tf};

use super::text::wrap;
use super::theme::{ON_PATH, Theme, verdict_symbol};
use super::{clamp_scroll, draw_panel, put_lines};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let Some(inner) = draw_panel(
        theme,
        tf(lang, "Path: {}", &[&app.path_label()]),
        true,
        area,
        buf,
    ) else {
        return;
    };
    let w = inner.width as usize;
    let (pinned, body) = match &app.trace {
        Ok(_) if app.verdict_hidden() => (hidden_lines(app, theme, w), Vec::new()),
        Ok(tr) => (
            pinned_lines(tr, theme, w, lang),
            body_lines(tr, theme, w, lang),
        ),
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
            " {} ",
            tf(
                app.lang,
                "J/K scroll · {} more",
                &[&(body.len() - rest.height as usize - scroll).to_string()]
            )
        );
        let x = area
            .right()
            .saturating_sub(super::text::width(&more) as u16 + 1);
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
    let hint = t(
        app.lang,
        "Predict, then press a to answer. The path and verdict stay hidden until then.",
    );
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

fn pinned_lines(tr: &PathTrace, theme: &Theme, w: usize, lang: Lang) -> Vec<Line<'static>> {
    let style = theme.verdict(&tr.verdict);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", verdict_symbol(&tr.verdict)), style),
        Span::styled(i18n::verdict_line(lang, &tr.verdict), style),
    ])];
    if let Some((hop, d)) = winning_route(tr) {
        let text = match d.matches.iter().find(|m| m.chosen) {
            Some(m) => format!(
                "{}: {} → {} ({}, {})",
                hop.id, m.destination, m.target, m.origin, d.rule
            ),
            None => tf(
                lang,
                "{}: no route for {} ({})",
                &[&hop.id, &d.destination.to_string(), d.rule],
            ),
        };
        lines.extend(wrap(
            &text,
            w,
            &format!("  {} ", t(lang, "route")),
            &" ".repeat(crate::ui::text::width(t(lang, "route")) + 3),
            theme.dim(),
            theme.on_path(),
        ));
    }
    // The winning route first (it must show at any size), then why: in Japanese the reason's
    // meaning, since the evaluator's sentences are English.
    if lang == Lang::Ja
        && let Some(r) = tr.verdict.reason()
    {
        lines.extend(wrap(
            i18n::reason_meaning(lang, r),
            w,
            "  ",
            "  ",
            theme.plain(),
            theme.plain(),
        ));
    }
    lines.extend(wrap(
        &tr.explanation,
        w,
        "  ",
        "  ",
        theme.plain(),
        theme.plain(),
    ));
    lines
}

fn hop_lines(
    hops: &[Hop],
    theme: &Theme,
    w: usize,
    indent: &str,
    lang: Lang,
    out: &mut Vec<Line<'static>>,
) {
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
            Span::styled(
                format!("{} ", i18n::hop_kind_label(lang, h.kind)),
                theme.dim(),
            ),
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
                    (format!("✔ {}", t(lang, "won")), theme.on_path())
                } else {
                    (format!("· {}", t(lang, "lost")), theme.dim())
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

fn body_lines(tr: &PathTrace, theme: &Theme, w: usize, lang: Lang) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    hop_lines(&tr.hops, theme, w, "", lang, &mut out);
    for p in &tr.parts {
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
            Span::styled(
                i18n::verdict_line(lang, &p.verdict),
                theme.verdict(&p.verdict),
            ),
        ]));
        out.extend(wrap(
            &p.explanation,
            w,
            "  ",
            "  ",
            theme.plain(),
            theme.plain(),
        ));
        hop_lines(&p.hops, theme, w, "  ", lang, &mut out);
    }
    let note = format!("{} ", t(lang, "note"));
    let note_pad = " ".repeat(super::text::width(&note));
    for n in &tr.notes {
        // In Japanese, the code's meaning; the evaluator's own sentence is English.
        let text = match lang {
            Lang::Ja => format!("[{}] {}", n.code, i18n::note_meaning(lang, n.code)),
            Lang::En => format!("[{}] {}", n.code, n.text),
        };
        out.extend(wrap(
            &text,
            w,
            &note,
            &note_pad,
            theme.warn(),
            theme.plain(),
        ));
    }
    let unchecked: Vec<&str> = UNCHECKED
        .iter()
        .map(|c| i18n::unchecked_label(lang, c))
        .collect();
    out.extend(wrap(
        &tf(
            lang,
            "{} (a reachable path can still be denied there)",
            &[&unchecked.join(", ")],
        ),
        w,
        &format!("{}: ", t(lang, "not evaluated")),
        "  ",
        theme.dim(),
        theme.dim(),
    ));
    out
}
