//! The path panel: verdict line and the winning route first (pinned, so they are on screen at
//! any size), then every hop with its sentence, the notes and the layers not evaluated.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::eval::{Hop, HopKind, PathTrace, RouteDecision, Stop};
use crate::explain;
use crate::i18n::{Lang, t, tf};

use super::text::wrap;
use super::theme::{ON_PATH, Theme, verdict_symbol};
use super::{clamp_scroll, draw_panel, put_lines};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let Some(inner) = draw_panel(
        theme,
        format!(
            "{}{}",
            tf(
                lang,
                "ui-path",
                &[
                    &[app.family_label(), app.probe_label(), app.request_label()]
                        .into_iter()
                        .flatten()
                        .fold(app.path_label(), |label, p| {
                            tf(lang, "ui-path-probe", &[&label, &p])
                        })
                ]
            ),
            super::fixes::title_mark(app)
        ),
        // The heavy border marks the one panel with focus: the path only when it is alone.
        app.presenter,
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
            wrap(
                &explain::query_error(lang, e),
                w,
                "✖ ",
                "  ",
                theme.bad(),
                theme.bad(),
            ),
            Vec::new(),
        ),
    };
    // The verdict and winning route stay; the hops scroll beneath them. At least three hop
    // lines stay in view: pinned lines beyond that room lead the scrolling part instead.
    // What to try next (or what could break it) joins the pinned lines when that leaves room
    // for three hop lines; the title says it in short either way.
    let hint = match &app.trace {
        Ok(_) if !app.verdict_hidden() => super::fixes::path_lines(app, theme, w),
        _ => Vec::new(),
    };
    let mut pinned = pinned;
    // What to try on a broken path is worth a hop's room; a working path's weak points are in
    // the title already, so they join only where two hops still show beneath.
    let broken = app.trace.as_ref().is_ok_and(|t| !t.verdict.is_reachable());
    let keep = if broken { 3 } else { 6 };
    // A lesson's "how would you fix it?" is the point of its step: it always joins.
    if app.fix_question_open().is_some()
        || pinned.len() + hint.len() + body.len().min(keep) <= inner.height as usize
    {
        pinned.extend(hint);
    }
    let (pinned, body) = {
        let room = inner.height as usize;
        let keep = pinned
            .len()
            .min(room.saturating_sub(body.len().min(3)))
            .max(1);
        let mut pinned = pinned;
        let mut body = body;
        if keep < pinned.len() {
            let moved: Vec<Line<'static>> = pinned.drain(keep..).collect();
            body.splice(0..0, moved);
        }
        (pinned, body)
    };
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
                "ui-j-k-ctrl-f-ctrl-b",
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
pub(crate) fn hidden_lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
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
    let hint = t(app.lang, "ui-predict-then-press-to-answer-path");
    lines.extend(wrap(hint, w, "  ", "  ", theme.dim(), theme.dim()));
    lines
}

/// The first route-table decision's winner: the route that sent the path on its way.
fn winning_route(t: &PathTrace) -> Option<(&Hop, &RouteDecision)> {
    let hops = if t.hops.len() > 1 {
        &t.hops[..]
    } else {
        t.parts.first().map(|p| &p.hops[..]).unwrap_or(&[])
    };
    hops.iter()
        .filter(|h| h.kind == HopKind::RouteTable)
        .find_map(|h| h.decisions().first().map(|d| (h, d)))
}

/// The verdict, then the deciding step: where the path stopped and why (said once, here), or
/// the route that sent it on its way and the summary.
fn pinned_lines(tr: &PathTrace, theme: &Theme, w: usize, lang: Lang) -> Vec<Line<'static>> {
    let style = theme.verdict(&tr.verdict);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", verdict_symbol(&tr.verdict)), style),
        Span::styled(explain::verdict_line(lang, &tr.verdict), style),
    ])];
    if tr.stop().is_none()
        && let Some((hop, d)) = winning_route(tr)
        && let Some(m) = d.winner()
    {
        let text = format!(
            "{}: {} → {} ({})",
            hop.id,
            m.destination,
            m.target,
            explain::route_rule_label(lang, d.rule)
        );
        let label = t(lang, "ui-route");
        lines.extend(wrap(
            &text,
            w,
            &format!("  {label} "),
            &" ".repeat(crate::ui::text::width(label) + 3),
            theme.dim(),
            theme.on_path(),
        ));
    }
    let summary_style = if tr.verdict.is_reachable() {
        theme.plain()
    } else {
        theme.bad()
    };
    lines.extend(wrap(
        &explain::summary(lang, tr),
        w,
        "  ",
        "  ",
        summary_style,
        summary_style,
    ));
    lines
}

/// One line per hop with its kind, id and AZ, then its fact; a route table's decisions one per
/// line (ranges that went the same way are one decision). The stop the pinned lines already
/// explain shows only its place, and for a missing route the table's routes.
fn hop_lines(
    hops: &[Hop],
    pinned_stop: bool,
    theme: &Theme,
    w: usize,
    indent: &str,
    lang: Lang,
    out: &mut Vec<Line<'static>>,
) {
    for (i, h) in hops.iter().enumerate() {
        let az =
            h.az.as_ref()
                .map(|a| format!("  [{}]", explain::az_text(lang, a)))
                .unwrap_or_default();
        let stop = h.stop();
        let style = if stop.is_some() {
            theme.bad()
        } else {
            theme.on_path()
        };
        out.push(Line::from(vec![
            Span::raw(indent.to_string()),
            Span::styled(format!("{:>2} {ON_PATH} ", i + 1), theme.dim()),
            Span::styled(
                format!("{} ", explain::hop_kind_label(lang, h.kind)),
                theme.dim(),
            ),
            Span::styled(h.id.to_string(), style),
            Span::styled(az, theme.dim()),
        ]));
        let pad = format!("{indent}     ");
        match stop {
            Some(Stop::NoRoute { routes, total, .. }) if pinned_stop => {
                let label = format!("{} ", t(lang, "ui-routes"));
                let text = explain::join(lang, routes.iter().map(|r| explain::route_text(lang, r)));
                let text = if *total > routes.len() {
                    explain::msg(
                        lang,
                        "routes-more",
                        explain::args()
                            .s("routes", text)
                            .n("more", total - routes.len()),
                    )
                } else {
                    text
                };
                out.extend(wrap(
                    &text,
                    w,
                    &format!("{pad}{label}"),
                    &pad,
                    theme.dim(),
                    theme.dim(),
                ));
            }
            Some(_) if pinned_stop => {}
            _ => out.extend(wrap(
                &explain::hop_sentence(lang, h),
                w,
                &pad,
                &pad,
                theme.plain(),
                theme.plain(),
            )),
        }
        for d in h.decisions() {
            let (mark, st) = match d.winner() {
                Some(_) => ("✔ ", theme.on_path()),
                None => ("✖ ", theme.bad()),
            };
            out.extend(wrap(
                &explain::decision_text(lang, d),
                w,
                &format!("{pad}{mark}"),
                &format!("{pad}  "),
                st,
                theme.plain(),
            ));
        }
    }
}

fn body_lines(tr: &PathTrace, theme: &Theme, w: usize, lang: Lang) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    hop_lines(&tr.hops, tr.parts.is_empty(), theme, w, "", lang, &mut out);
    for p in &tr.parts {
        let name = match &p.to {
            Some(to) => to.to_string(),
            None => explain::join(lang, p.cidrs.iter().map(|c| explain::net(*c))),
        };
        out.push(Line::from(vec![
            Span::styled(
                format!("{} ", verdict_symbol(&p.verdict)),
                theme.verdict(&p.verdict),
            ),
            Span::styled(format!("{name}: "), theme.title()),
            Span::styled(
                explain::verdict_line(lang, &p.verdict),
                theme.verdict(&p.verdict),
            ),
        ]));
        out.extend(wrap(
            &explain::part_summary(lang, tr, p),
            w,
            "  ",
            "  ",
            theme.plain(),
            theme.plain(),
        ));
        hop_lines(&p.hops, true, theme, w, "  ", lang, &mut out);
    }
    let note = format!("{} ", t(lang, "ui-note"));
    let note_pad = " ".repeat(super::text::width(&note));
    for n in &tr.notes {
        let text = format!("[{}] {}", n.code(), explain::note_sentence(lang, n));
        out.extend(wrap(
            &text,
            w,
            &note,
            &note_pad,
            theme.warn(),
            theme.plain(),
        ));
    }
    let unchecked: Vec<String> = tr
        .unchecked
        .iter()
        .map(|c| explain::unchecked_label(lang, c))
        .collect();
    if unchecked.is_empty() {
        return out;
    }
    out.extend(wrap(
        &tf(
            lang,
            "ui-reachable-path-can-still-be-denied",
            &[&explain::join(lang, unchecked)],
        ),
        w,
        &format!("{}: ", t(lang, "ui-not-evaluated")),
        "  ",
        theme.dim(),
        theme.dim(),
    ));
    out
}
