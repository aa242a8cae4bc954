//! Popups over the panels: help (generated from the keymap table), pickers, text inputs, the
//! quit question and the list of flipped matrix cells.

mod flips;
mod picker;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::{Context, bindings};
use crate::app::{App, Overlay};
use crate::i18n::{Lang, t, tf};

use super::text::{width, wrap};
use super::theme::Theme;
use super::{Hotspot, clamp_scroll, panel, put_lines};

/// Clear the popup's area. A full-width character just left of it would still draw its right
/// half over the popup's left border, so it goes too (a space takes its place).
pub(super) fn clear(r: Rect, buf: &mut Buffer) {
    Clear.render(r, buf);
    if r.x == 0 {
        return;
    }
    for y in r.top()..r.bottom() {
        let left = &mut buf[(r.x - 1, y)];
        if super::text::width(left.symbol()) > 1 {
            left.set_symbol(" ");
        }
    }
}

/// A centred box of at most `w`×`h`, two cells inside the screen's edges.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(4)).max(1);
    let h = h.min(area.height.saturating_sub(2)).max(1);
    Rect::new(
        area.x + (area.width.saturating_sub(w)) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    )
}

/// The help's width inside its frame on a screen `area` wide: a description longer than that
/// wraps under itself instead of being cut.
fn help_width(area: Rect) -> usize {
    centred(area, 84, 1).width.saturating_sub(2) as usize
}

pub fn help_lines(theme: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        out.push(Line::from(Span::styled(
            t(lang, ctx.title()),
            theme.title(),
        )));
        for b in bindings().filter(|b| b.context == ctx) {
            out.extend(super::text::wrap(
                t(lang, b.help),
                width,
                &format!("  {:<8}", b.label),
                "          ",
                theme.key(),
                Style::default(),
            ));
        }
        out.push(Line::from(""));
    }
    out.extend(super::text::wrap(
        t(lang, "ui-mouse-click-tab-instance-or-service"),
        width,
        "",
        "",
        theme.dim(),
        theme.dim(),
    ));
    // The matrix's symbols, all of them (its own legend shows what fits below the cells).
    out.push(Line::from(""));
    out.push(Line::from(Span::styled(
        t(lang, "ui-help-matrix-symbols"),
        theme.title(),
    )));
    let entries = [
        "ui-matrix-legend",
        "ui-matrix-legend-lattice",
        "ui-spof-legend",
    ];
    for entry in entries.iter().flat_map(|id| t(lang, id).split("  ")) {
        let (symbol, meaning) = entry.split_once(' ').unwrap_or((entry, ""));
        out.extend(super::text::wrap(
            meaning,
            width,
            &format!("  {symbol:<8}"),
            "          ",
            theme.key(),
            Style::default(),
        ));
    }
    out
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let Some(overlay) = &app.overlay else { return };
    match overlay {
        Overlay::Help { scroll } => {
            let lines = help_lines(theme, lang, help_width(area));
            let r = centred(area, 84, lines.len() as u16 + 2);
            clear(r, buf);
            let block = panel(theme, t(lang, "ui-keys-esc-closes").into(), true);
            let inner = block.inner(r);
            block.render(r, buf);
            let s = clamp_scroll(*scroll, lines.len(), inner.height);
            put_lines(&lines, s, inner, buf);
            super::scroll_marker(
                lang,
                theme,
                "j k PgDn G",
                s,
                inner.height as usize,
                lines.len(),
                r,
                buf,
            );
        }
        Overlay::Picker(p) => picker::render(p, lang, theme, area, buf),
        Overlay::Input(input) => {
            let w = 72u16;
            let inner_w = w.saturating_sub(2) as usize;
            let hint = wrap(&input.hint, inner_w, "", "", theme.dim(), theme.dim());
            let r = centred(area, w, hint.len() as u16 + 4);
            clear(r, buf);
            let block = panel(
                theme,
                tf(lang, "ui-enter-accepts-esc-cancels", &[&input.prompt]),
                true,
            );
            let inner = block.inner(r);
            block.render(r, buf);
            let mut lines = hint;
            lines.push(Line::from(""));
            // The text around the cursor stays visible in a narrow box.
            let room = inner.width.saturating_sub(3) as usize;
            let at = input
                .text
                .char_indices()
                .nth(input.text.chars().count().saturating_sub(app.input_back))
                .map_or(input.text.len(), |(i, _)| i);
            let (before, after) = input.text.split_at(at);
            let after: String = after.chars().take(room / 2).collect();
            let before = tail(before, room.saturating_sub(width(&after)));
            lines.push(Line::from(vec![
                Span::styled("> ", theme.key()),
                Span::raw(before),
                Span::styled("▏", theme.key()),
                Span::raw(after),
            ]));
            put_lines(&lines, 0, inner, buf);
        }
        Overlay::ConfirmQuit => {
            let r = centred(area, 60, 6);
            clear(r, buf);
            let block = panel(theme, t(lang, "ui-unsaved-edits").into(), true);
            let inner = block.inner(r);
            block.render(r, buf);
            let mut lines = wrap(
                &tf(
                    lang,
                    "ui-edit-s-since-last-save-save",
                    &[&app.can_undo().to_string()],
                ),
                inner.width as usize,
                "",
                "",
                theme.plain(),
                theme.plain(),
            );
            lines.push(Line::from(vec![
                Span::styled("y", theme.key()),
                Span::raw(format!(" {}   ", t(lang, "ui-save-and-quit"))),
                Span::styled("n", theme.key()),
                Span::raw(format!(" {}   ", t(lang, "ui-quit-without-saving"))),
                Span::styled("Esc", theme.key()),
                Span::raw(format!(" {}", t(lang, "ui-stay"))),
            ]));
            put_lines(&lines, 0, inner, buf);
        }
        Overlay::Warnings { scroll } => {
            let (lines, r) = warnings_rect(app, area);
            let first = clamp_scroll(*scroll, lines.len(), r.height.saturating_sub(2));
            clear(r, buf);
            let count = app.import_warnings.len() + app.model.warnings().len();
            let block = panel(
                theme,
                tf(lang, "ui-warnings-title", &[&count.to_string()]),
                true,
            );
            let inner = block.inner(r);
            block.render(r, buf);
            let shown: Vec<Line> = lines
                .iter()
                .skip(first)
                .take(inner.height as usize)
                .map(|l| Line::from(l.clone()))
                .collect();
            put_lines(&shown, 0, inner, buf);
            super::scroll_marker(
                lang,
                theme,
                "j k PgDn G",
                first,
                inner.height as usize,
                lines.len(),
                r,
                buf,
            );
        }
        Overlay::Fixes { .. } => super::fixes::render(app, theme, area, buf),
        Overlay::Flips { scroll } => flips::render(app, *scroll, theme, area, buf),
    }
}

/// The warnings list: as wide as the screen allows, as tall as its lines.
fn warnings_rect(app: &App, area: Rect) -> (Vec<String>, Rect) {
    let w = area.width.saturating_sub(4).clamp(1, 120);
    let lines: Vec<String> = app
        .warning_lines()
        .iter()
        .flat_map(|l| {
            wrap(
                l,
                w.saturating_sub(2) as usize,
                "",
                "  ",
                Style::default(),
                Style::default(),
            )
            .into_iter()
            .map(|line| {
                line.spans
                    .iter()
                    .map(|s| s.content.as_ref())
                    .collect::<String>()
            })
        })
        .collect();
    let r = centred(area, w, (lines.len() as u16).saturating_add(2));
    (lines, r)
}

/// The largest useful scroll of the help, the flipped-cells list, the warnings or the weak points at the
/// app's size.
pub fn max_scroll(app: &App) -> u16 {
    if let Some(Overlay::Fixes { .. }) = &app.overlay {
        return super::fixes::max_scroll(app);
    }
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let (total, r) = match &app.overlay {
        Some(Overlay::Help { .. }) => {
            let n = help_lines(&Theme::new(false), app.lang, help_width(area)).len();
            (n, centred(area, 84, n as u16 + 2))
        }
        Some(Overlay::Flips { .. }) => {
            let n = app.change.as_ref().map_or(0, |c| c.flips.len());
            let cols = flips::columns(app, area);
            return clamp_scroll(u16::MAX, n, cols.cells_shown() as u16) as u16;
        }
        Some(Overlay::Warnings { .. }) => {
            let (lines, r) = warnings_rect(app, area);
            (lines.len(), r)
        }
        _ => return 0,
    };
    clamp_scroll(u16::MAX, total, r.height.saturating_sub(2)) as u16
}

fn tail(s: &str, max: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > max {
            break;
        }
        used += w;
        out.push(c);
    }
    out.into_iter().rev().collect()
}

pub fn hotspots(app: &App, area: Rect) -> Vec<Hotspot> {
    match &app.overlay {
        Some(Overlay::Picker(p)) => picker::hotspots(p, app.lang, area),
        _ => Vec::new(),
    }
}
