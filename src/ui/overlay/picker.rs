//! A picker: a filtered list of items (sources, targets, edit actions) with the chosen item's
//! whole hint on a row of its own when the list cuts it. Drawing and clicking read one geometry.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::{Msg, Picker};
use crate::i18n::{Lang, t};

use super::{centred, clear};
use crate::ui::text::{truncate, width};
use crate::ui::theme::Theme;
use crate::ui::{Hotspot, panel};

pub(super) fn render(p: &Picker, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let r = picker_rect(area, p, lang);
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
    crate::ui::scroll_marker(
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

pub(super) fn hotspots(p: &Picker, lang: Lang, area: Rect) -> Vec<Hotspot> {
    let r = picker_rect(area, p, lang);
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
