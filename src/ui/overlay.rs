//! Popups over the panels: help (generated from the keymap table), pickers, text inputs, the
//! quit question and the list of flipped matrix cells.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::{Context, bindings};
use crate::app::{App, Msg, Overlay, Picker};
use crate::i18n::{self, Lang, t, tf};

use super::text::{fit, truncate, width, wrap};
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

fn picker_rect(area: Rect, p: &Picker, lang: Lang) -> Rect {
    let longest = p
        .items
        .iter()
        .map(|i| width(&i.label) + width(&i.detail) + 6)
        .max()
        .unwrap_or(20)
        .max(width(&p.heading(lang)) + 4) as u16;
    centred(area, longest.clamp(30, 96), p.items.len() as u16 + 4)
}

/// The help's width inside its frame on a screen `area` wide: a description longer than that
/// wraps under itself instead of being cut.
fn help_width(area: Rect) -> usize {
    centred(area, 84, 1).width.saturating_sub(2) as usize
}

pub fn help_lines(theme: &Theme, lang: Lang, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in [
        Context::Main,
        Context::Picker,
        Context::Typing,
        Context::Confirm,
        Context::Overlay,
        Context::Fixes,
    ] {
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
        Overlay::Picker(p) => {
            let r = picker_rect(area, p, app.lang);
            clear(r, buf);
            let block = panel(theme, p.heading(lang), true);
            let inner = block.inner(r);
            block.render(r, buf);
            if inner.height == 0 {
                return;
            }
            let filter = if p.filtering || !p.filter.is_empty() {
                format!("/{}{}", p.filter, if p.filtering { "▏" } else { "" })
            } else {
                t(lang, "ui-to-filter-enter-chooses-esc-closes").into()
            };
            buf.set_stringn(
                inner.x,
                inner.y,
                truncate(&filter, inner.width as usize),
                inner.width as usize,
                theme.dim(),
            );
            let (list, whole) = picker_list(inner, p);
            let visible = p.visible();
            let top = first_shown(p.selected, list.height as usize);
            // The chosen item's hint in full on a row of its own when the list cut it.
            if let Some(row) = whole
                && let Some(it) = visible.get(p.selected).map(|&i| &p.items[i])
            {
                let text = if it.detail.is_empty() {
                    &it.label
                } else {
                    &it.detail
                };
                buf.set_stringn(
                    row.x,
                    row.y,
                    truncate(&format!("  » {text}"), row.width as usize),
                    row.width as usize,
                    theme.dim(),
                );
            }
            for (row, &i) in visible
                .iter()
                .skip(top)
                .take(list.height as usize)
                .enumerate()
            {
                let it = &p.items[i];
                let chosen = top + row == p.selected;
                // A label or detail wider than the frame ends in `…`, never cut mid-word
                // without a sign (the menu's hints at 80 columns).
                let room = (list.width as usize).saturating_sub(2);
                let label = truncate(&it.label, room);
                let detail_room = room.saturating_sub(width(&label) + 2);
                let line = Line::from(vec![
                    Span::styled(if chosen { "› " } else { "  " }, theme.key()),
                    Span::styled(
                        label,
                        if chosen {
                            theme.selected()
                        } else {
                            theme.plain()
                        },
                    ),
                    Span::styled(
                        if it.detail.is_empty() || detail_room == 0 {
                            String::new()
                        } else {
                            format!("  {}", truncate(&it.detail, detail_room))
                        },
                        theme.dim(),
                    ),
                ]);
                buf.set_line(list.x, list.y + row as u16, &line, list.width);
            }
            // "19 of 29 actions": more is below or above.
            super::scroll_marker(
                lang,
                theme,
                "j k PgDn G",
                top,
                list.height as usize,
                visible.len(),
                r,
                buf,
            );
            if visible.is_empty() {
                buf.set_stringn(
                    list.x,
                    list.y,
                    format!("  {}", t(lang, "ui-nothing-matches")),
                    list.width as usize,
                    theme.dim(),
                );
            }
        }
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
        Overlay::Flips { scroll } => {
            let none = crate::app::Flips::default();
            let flips = app.change.as_ref().map_or(&none, |c| &c.flips);
            let m = &app.matrix;
            let cols = flip_columns(app, area);
            let r = cols.rect;
            let first = clamp_scroll(*scroll, flips.len(), r.height.saturating_sub(2));
            // Only the rows in view are made: one edit can flip hundreds of thousands of cells.
            let lines: Vec<Line> = flips
                .iter_from(first)
                .take(r.height as usize)
                .map(|f| {
                    let instance = m.instances.get(f.row).map(String::as_str).unwrap_or("?");
                    let (before, after) = flip_words(lang, &f.before, &f.after);
                    Line::from(vec![
                        Span::raw(fit(instance, cols.instance)),
                        Span::raw("  "),
                        Span::raw(fit(column_name(m, f.col), cols.column)),
                        Span::raw("  "),
                        Span::styled(fit(&before, cols.before), theme.verdict(&f.before)),
                        Span::raw(" → "),
                        Span::styled(after, theme.verdict(&f.after)),
                    ])
                })
                .collect();
            clear(r, buf);
            let title = tf(
                lang,
                "ui-cell-s-flipped-by-esc-closes",
                &[
                    &flips.len().to_string(),
                    &app.change
                        .as_ref()
                        .map(|c| c.what.text(lang))
                        .unwrap_or_default(),
                ],
            );
            let block = panel(theme, title, true);
            let inner = block.inner(r);
            block.render(r, buf);
            put_lines(&lines, 0, inner, buf);
            super::scroll_marker(
                lang,
                theme,
                "j k PgDn G",
                first,
                inner.height as usize,
                flips.len(),
                r,
                buf,
            );
        }
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
            (n, flip_columns(app, area).rect)
        }
        Some(Overlay::Warnings { .. }) => {
            let (lines, r) = warnings_rect(app, area);
            (lines.len(), r)
        }
        _ => return 0,
    };
    clamp_scroll(u16::MAX, total, r.height.saturating_sub(2)) as u16
}

/// The two sides of a flip in the `c` list, in a few words each. A flip that keeps the way
/// and changes only the cross-AZ detail says just that detail (`sometimes to another AZ` →
/// `stays in the client's AZ`): the way's words would be the same on both sides.
fn flip_words(
    lang: Lang,
    before: &crate::eval::Verdict,
    after: &crate::eval::Verdict,
) -> (String, String) {
    use crate::eval::Verdict::Reachable;
    match (before, after) {
        (
            Reachable {
                via: a,
                cross_az: Some(x),
            },
            Reachable {
                via: b,
                cross_az: Some(y),
            },
        ) if a == b => (
            crate::explain::cross_az_label(lang, *x),
            crate::explain::cross_az_label(lang, *y),
        ),
        (a, b) => (i18n::verdict_words(lang, a), i18n::verdict_words(lang, b)),
    }
}

fn column_name(m: &crate::eval::Matrix, col: usize) -> &str {
    m.services
        .iter()
        .chain(&m.workloads)
        .nth(col)
        .map(String::as_str)
        .unwrap_or("?")
}

/// The flipped-cells list's box and column widths: instance, column and the verdict before
/// each get a fixed width, so the columns line up and never run together (a name too long
/// for its share ends in `…`).
struct FlipColumns {
    rect: Rect,
    instance: usize,
    column: usize,
    before: usize,
}

fn flip_columns(app: &App, area: Rect) -> FlipColumns {
    let none = crate::app::Flips::default();
    let flips = app.change.as_ref().map_or(&none, |c| &c.flips);
    let m = &app.matrix;
    // The distinct verdict pairs are few, however many cells flipped; a run's rows flip alike.
    let mut pairs: Vec<(&crate::eval::Verdict, &crate::eval::Verdict)> = Vec::new();
    let mut rows: Vec<bool> = vec![false; m.instances.len()];
    let mut columns: Vec<bool> = vec![false; m.services.len() + m.workloads.len()];
    let (mut before, mut after) = (0, 0);
    for run in flips.runs() {
        for (col, x, y) in run.cells() {
            if !pairs.contains(&(x, y)) {
                pairs.push((x, y));
                let (b, a) = flip_words(app.lang, x, y);
                before = before.max(width(&b));
                after = after.max(width(&a));
            }
            if let Some(c) = columns.get_mut(col) {
                *c = true;
            }
        }
        for r in rows.get_mut(run.rows.clone()).into_iter().flatten() {
            *r = true;
        }
    }
    let instance = (m.instances.iter().zip(&rows))
        .filter(|(_, on)| **on)
        .map(|(s, _)| width(s))
        .max()
        .unwrap_or(1);
    let column = (0..columns.len())
        .filter(|&c| columns[c])
        .map(|c| width(column_name(m, c)))
        .max()
        .unwrap_or(1);
    let wanted = instance + 2 + column + 2 + before + 3 + after + 2;
    let rect = centred(
        area,
        wanted.clamp(40, u16::MAX as usize) as u16,
        flips.len().min(u16::MAX as usize) as u16 + 2,
    );
    let inner = rect.width.saturating_sub(2) as usize;
    // The names come first (up to two fifths of the box); the two verdicts share the rest
    // and end in `…` where they do not fit.
    let names = (inner * 2 / 5).max(8);
    let (instance, column) = if instance + column <= names {
        (instance, column)
    } else {
        let c = column.min(names / 2).max(names.saturating_sub(instance));
        (names.saturating_sub(c).max(4), c.max(4))
    };
    let rest = inner.saturating_sub(instance + column + 4 + 3);
    let before = before.min(
        rest.saturating_sub(rest / 2)
            .max(rest.saturating_sub(after)),
    );
    FlipColumns {
        rect,
        instance,
        column,
        before,
    }
}

/// Inside a picker's frame: the list's rows (under the filter line) and, when the chosen item's
/// label or hint is cut at the list's width and the list has room, a last row that shows it in
/// full. Drawing and clicking both read it, so a click lands on the row it shows.
fn picker_list(inner: Rect, p: &Picker) -> (Rect, Option<Rect>) {
    let list = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let visible = p.visible();
    let Some(it) = visible.get(p.selected).map(|&i| &p.items[i]) else {
        return (list, None);
    };
    let room = (list.width as usize).saturating_sub(2);
    let shown = width(&it.label)
        + if it.detail.is_empty() {
            0
        } else {
            2 + width(&it.detail)
        };
    // A picker that already has a spare row below its items keeps its height; one cut by the
    // screen gives up its last item row.
    if shown <= room || list.height < 3 {
        return (list, None);
    }
    let items = list.height.min(visible.len() as u16);
    let spare = list.height > items;
    let list = Rect {
        height: if spare { items } else { list.height - 1 },
        ..list
    };
    let row = Rect {
        y: list.bottom(),
        height: 1,
        ..list
    };
    (list, Some(row))
}

/// The first item shown so that `selected` is on screen.
fn first_shown(selected: usize, rows: usize) -> usize {
    if rows == 0 {
        0
    } else {
        selected.saturating_sub(rows - 1)
    }
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
    let Some(Overlay::Picker(p)) = &app.overlay else {
        return Vec::new();
    };
    let r = picker_rect(area, p, app.lang);
    let frame = Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    };
    let (inner, _) = picker_list(frame, p);
    let n = p.visible().len();
    let top = first_shown(p.selected, inner.height as usize);
    (0..(inner.height as usize).min(n.saturating_sub(top)))
        .map(|row| Hotspot {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            msg: Msg::PickAt(top + row),
        })
        .collect()
}
