//! The fixes overlay (`f`): the selected path's suggestions, each with its effects, the chosen
//! one marked `›` (Enter applies it); or a working path's weak points and what it survives. Also
//! the path panel's one-line pointer to them ("f: 2 fixes — best: …").

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::explain;
use crate::i18n::{self, Lang, t, tf};

use super::text::wrap;
use super::theme::Theme;
use super::{clamp_scroll, panel, put_lines};

/// The widest the box gets.
const MAX_WIDTH: u16 = 100;

/// The overlay's lines at an inside width of `w`, and where each suggestion's block starts.
fn lines(app: &App, theme: &Theme, w: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let lang = app.lang;
    let mut out = Vec::new();
    let mut starts = Vec::new();
    if let Some(found) = &app.analysis.suggestions {
        out.extend(wrap(
            &tf(
                lang,
                "ui-fixes-now",
                &[&i18n::verdict_words(lang, &found.verdict)],
            ),
            w,
            "",
            "  ",
            theme.verdict(&found.verdict),
            theme.verdict(&found.verdict),
        ));
        if let Some(none) = found.none {
            out.extend(wrap(
                &explain::fix_none(lang, none),
                w,
                "",
                "",
                theme.plain(),
                theme.plain(),
            ));
        }
        let selected = selected(app);
        for (i, s) in found.suggestions.iter().enumerate() {
            out.push(Line::from(""));
            starts.push(out.len());
            let chosen = i == selected;
            let (mark, style) = if chosen {
                ("› ", theme.selected())
            } else {
                ("  ", theme.title())
            };
            let number = format!("{mark}{}. ", i + 1);
            let pad = " ".repeat(super::text::width(&number));
            for (k, e) in s.edits.iter().enumerate() {
                let first = if k == 0 { number.clone() } else { pad.clone() };
                out.extend(wrap(
                    &explain::edit_text(lang, e),
                    w,
                    &first,
                    &pad,
                    style,
                    style,
                ));
            }
            for fact in explain::suggestion_facts(lang, s) {
                out.extend(wrap(
                    &fact,
                    w,
                    &pad,
                    &format!("{pad}  "),
                    theme.plain(),
                    theme.plain(),
                ));
            }
        }
    } else if let Some(weak) = &app.analysis.weak {
        for line in explain::weak_points_text(lang, weak).lines() {
            let (indent, text) = match line.strip_prefix("  ") {
                Some(rest) => ("  • ", rest),
                None => ("", line),
            };
            out.extend(wrap(text, w, indent, "    ", theme.plain(), theme.plain()));
        }
    }
    (out, starts)
}

fn selected(app: &App) -> usize {
    match app.overlay {
        Some(crate::app::Overlay::Fixes { selected, .. }) => selected,
        _ => 0,
    }
}

fn scroll(app: &App) -> u16 {
    match app.overlay {
        Some(crate::app::Overlay::Fixes { scroll, .. }) => scroll,
        _ => 0,
    }
}

/// The box, its lines and the first line shown.
fn layout(app: &App, area: Rect) -> (Rect, Vec<Line<'static>>, usize, usize) {
    let theme = Theme::new(app.color);
    let w = MAX_WIDTH.min(area.width.saturating_sub(4)).max(1);
    let (lines, starts) = lines(app, &theme, w.saturating_sub(2) as usize);
    let r = super::overlay::centred(area, w, lines.len().min(u16::MAX as usize) as u16 + 2);
    let rows = r.height.saturating_sub(2);
    // With suggestions the chosen one's block starts the view (the first keeps the verdict
    // line above it); with weak points the scroll decides.
    let top = match starts.get(selected(app)) {
        Some(_) if selected(app) == 0 => 0,
        Some(&s) => s,
        None => scroll(app) as usize,
    };
    let first = clamp_scroll(top.min(u16::MAX as usize) as u16, lines.len(), rows);
    let count = starts.len();
    (r, lines, first, count)
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let (r, lines, first, count) = layout(app, area);
    super::overlay::clear(r, buf);
    let title = if app.analysis.suggestions.is_some() {
        if count > 0 {
            tf(
                lang,
                "ui-fixes-title",
                &[
                    &app.path_label(),
                    &(selected(app) + 1).to_string(),
                    &count.to_string(),
                ],
            )
        } else {
            tf(lang, "ui-fixes-title-none", &[&app.path_label()])
        }
    } else {
        tf(lang, "ui-weak-title", &[&app.path_label()])
    };
    let block = panel(theme, title, true);
    let inner = block.inner(r);
    block.render(r, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    put_lines(&lines, first, inner, buf);
    let keys = if count > 0 { "j k Enter" } else { "j k PgDn G" };
    super::scroll_marker(
        lang,
        theme,
        keys,
        first,
        inner.height as usize,
        lines.len(),
        r,
        buf,
    );
}

/// The largest useful scroll (weak points; suggestions follow the choice).
pub fn max_scroll(app: &App) -> u16 {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let (r, lines, _, _) = layout(app, area);
    clamp_scroll(u16::MAX, lines.len(), r.height.saturating_sub(2)) as u16
}

/// The path panel's title's short word on the same: " · f: 3 fixes", " · ⚠ SPOF: 2 (f)",
/// " · ✔ no SPOF". Nothing while a lesson question would be answered by it.
pub(crate) fn title_mark(app: &App) -> String {
    let lang = app.lang;
    if app.verdict_hidden() || app.fix_question_open().is_some() || app.trace.is_err() {
        return String::new();
    }
    let a = &app.analysis;
    let mark = match (&a.suggestions, &a.weak) {
        (Some(found), _) if !found.suggestions.is_empty() => tf(
            lang,
            "ui-title-fixes",
            &[&found.suggestions.len().to_string()],
        ),
        (Some(_), _) => return String::new(),
        (None, Some(weak)) if !weak.weak_points.is_empty() => tf(
            lang,
            "ui-title-spof",
            &[&weak.weak_points.len().to_string()],
        ),
        (None, Some(_)) => t(lang, "ui-title-no-spof").to_string(),
        (None, None) => return String::new(),
    };
    format!(" · {mark}")
}

/// The path panel's pointer to the fixes or weak points, under the verdict: what to try next
/// for a path that does not work, what could break one that does. At a lesson's "how would you
/// fix it?", the question instead (the suggestions would answer it).
pub(crate) fn path_lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let lang = app.lang;
    if let Some(q) = app.fix_question_open() {
        let q = if lang == Lang::Ja { &q.ja } else { &q.en };
        let mut out = wrap(q, w, "? ", "  ", theme.key(), theme.title());
        out.extend(wrap(
            t(lang, "ui-fix-question-hint"),
            w,
            "  ",
            "  ",
            theme.dim(),
            theme.dim(),
        ));
        return out;
    }
    let Ok(trace) = &app.trace else {
        return Vec::new();
    };
    let a = &app.analysis;
    let (text, style) = match (&a.suggestions, &a.weak) {
        (Some(found), _) => match found.suggestions.first() {
            Some(best) => (
                tf(
                    lang,
                    "ui-fix-hint",
                    &[
                        &found.suggestions.len().to_string(),
                        &explain::edit_text(lang, &best.edit()),
                        &crate::cost::signed(best.monthly_cost_delta),
                        &best.currency,
                    ],
                ),
                theme.key(),
            ),
            None => (
                found.none.map_or_else(String::new, |n| {
                    tf(lang, "ui-fix-hint-none", &[&explain::fix_none(lang, n)])
                }),
                theme.dim(),
            ),
        },
        (None, Some(weak)) if !weak.weak_points.is_empty() => (
            tf(
                lang,
                "ui-spof-hint",
                &[
                    &weak.weak_points.len().to_string(),
                    &explain::join(
                        lang,
                        weak.weak_points
                            .iter()
                            .map(|p| explain::weak_point_what(lang, p)),
                    ),
                ],
            ),
            theme.warn(),
        ),
        (None, Some(weak)) => (
            tf(
                lang,
                "ui-spof-none-hint",
                &[&explain::survives_text(lang, weak).unwrap_or_else(|| {
                    explain::msg(
                        lang,
                        "fix-weak-source-az",
                        explain::args().s("az", weak.source_az.as_deref().unwrap_or("?")),
                    )
                })],
            ),
            theme.on_path(),
        ),
        (None, None) if trace.verdict.is_reachable() => {
            (t(lang, "ui-spof-hint-lazy").to_string(), theme.dim())
        }
        (None, None) => (t(lang, "ui-fix-hint-lazy").to_string(), theme.dim()),
    };
    if text.is_empty() {
        return Vec::new();
    }
    wrap(&text, w, "→ ", "  ", style, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::script::press;

    fn text(lines: &[Line<'_>]) -> String {
        lines
            .iter()
            .map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn the_blocked_path_names_its_best_fix_and_the_working_one_its_weak_points() {
        let theme = Theme::new(false);
        let mut app = crate::app::tests::open("no-endpoint");
        press(&mut app, "s/app-a<Enter>");
        let hint = text(&path_lines(&app, &theme, 200));
        assert!(
            hint.starts_with("→ f: fixes found: 2 — best: add gateway endpoint vpce-new-s3"),
            "{hint}"
        );
        let mut app = crate::app::tests::open("nat-single-az");
        press(&mut app, "s/app-c<Enter>t/sns<Enter>");
        let hint = text(&path_lines(&app, &theme, 200));
        assert!(hint.contains("NAT gateway nat-a"), "{hint}");
        assert!(hint.starts_with("→ ⚠ single points of failure: "), "{hint}");
        assert!(hint.contains("the loss of AZ us-east-1a"), "{hint}");
    }
}
