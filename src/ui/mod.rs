//! Rendering only: reads [`App`], never changes it. The layout is a pure function of the app
//! and the terminal size, shared by [`render`] and [`hit_test`] so that a click lands on what
//! was drawn there.
//!
//! At 80×24 the path panel (verdict line and winning route first) is always on screen with one
//! panel chosen by tabs; from 120×40 up, topology, route tables, path and the matrix (or the
//! endpoints) sit side by side.

mod cost;
mod endpoints;
mod fixes;
mod layout;
mod matrix;
mod narration;
mod overlay;
mod path;
mod route_tables;
mod security;
pub mod svg;
pub mod text;
pub mod theme;
mod topology;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use crate::app::{App, Msg, StatusKind, Tab, keymap};
use crate::i18n::{t, tf};
pub use layout::{Areas, is_wide, layout};
pub use svg::screenshots;
use text::{truncate, truncate_front_to_name, width};
use theme::Theme;

/// Below this the screen shows a "make the terminal bigger" note instead of panels.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 12;

/// A clickable region and what a click there asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hotspot {
    pub area: Rect,
    pub msg: Msg,
}

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    draw(app, area, buf);
}

/// Draw the whole screen into a buffer (the real terminal, a test backend, the screenshot).
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::new(app.color);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = tf(
            app.lang,
            "ui-vpc-tui-needs-now-q-quits",
            &[
                &MIN_WIDTH.to_string(),
                &MIN_HEIGHT.to_string(),
                &area.width.to_string(),
                &area.height.to_string(),
            ],
        );
        Paragraph::new(text::wrap(
            &msg,
            area.width as usize,
            "",
            "",
            theme.plain(),
            theme.plain(),
        ))
        .render_ref(area, buf);
        if app.ascii {
            asciify(area, buf);
        }
        return;
    }
    let areas = layout(app, area);
    header(app, &theme, areas.header, buf);
    tab_bar(app, &theme, areas.tabs, buf);
    path::render(app, &theme, areas.path, buf);
    if let Some(n) = areas.narration {
        narration::render(app, &theme, n, buf);
    }
    let wide = is_wide(area);
    for (tab, rect) in &areas.panels {
        // One panel looks focused: the tab's in the wide layouts, the only one in the narrow
        // layout; in presenter mode the path (the topology only supports it).
        let focused = !app.presenter && (!wide || *tab == app.tab);
        match tab {
            Tab::Topology => topology::render(app, &theme, *rect, buf, focused),
            Tab::RouteTables => route_tables::render(app, &theme, *rect, buf, focused),
            Tab::Endpoints => endpoints::render(app, &theme, *rect, buf, focused),
            Tab::Matrix => matrix::render(app, &theme, *rect, buf, focused),
            Tab::Cost => cost::render(app, &theme, *rect, buf, focused),
            Tab::Security => security::render(app, &theme, *rect, buf, focused),
        }
    }
    status(app, &theme, areas.status, buf);
    footer(app, &theme, areas.footer, buf);
    overlay::render(app, &theme, area, buf);
    if app.ascii {
        asciify(area, buf);
    }
}

fn asciify(area: Rect, buf: &mut Buffer) {
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            if let Some(a) = text::ascii_symbol(cell.symbol()) {
                cell.set_symbol(a);
            }
        }
    }
}

/// What a click at (`x`, `y`) asks for, from the same layout the screen was drawn with.
pub fn hit_test(app: &App, area: Rect, x: u16, y: u16) -> Option<Msg> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let hit = |spots: Vec<Hotspot>| {
        spots
            .into_iter()
            .find(|h| h.area.contains(ratatui::layout::Position { x, y }))
            .map(|h| h.msg)
    };
    if app.overlay.is_some() {
        return hit(overlay::hotspots(app, area));
    }
    let areas = layout(app, area);
    let mut spots = tab_hotspots(app, areas.tabs);
    for (tab, rect) in &areas.panels {
        match tab {
            Tab::Topology => spots.extend(topology::hotspots(app, *rect)),
            Tab::Matrix => spots.extend(matrix::hotspots(app, *rect)),
            _ => {}
        }
    }
    hit(spots)
}

/// The largest scroll of the open help or flipped-cells list.
pub fn overlay_max_scroll(app: &App) -> u16 {
    overlay::max_scroll(app)
}

/// The first topology line on screen at the app's size (its own scroll when the topology is
/// not drawn).
pub fn topology_scroll(app: &App) -> usize {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    layout(app, area)
        .panels
        .iter()
        .find(|(t, _)| *t == Tab::Topology)
        .map(|(_, r)| topology::scroll_in(app, *r))
        .unwrap_or(app.scroll[0] as usize)
}

/// A bordered block with a title; the focused panel's border is bold.
pub(crate) fn panel<'a>(theme: &Theme, title: String, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(theme.border(focused))
        .title(Span::styled(title, theme.title()))
}

/// Draw a panel's block and give its inside, or `None` when nothing fits inside it.
pub(crate) fn draw_panel(
    theme: &Theme,
    title: String,
    focused: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Rect> {
    let block = panel(theme, title, focused);
    let inner = block.inner(area);
    ratatui::widgets::Widget::render(block, area, buf);
    (inner.width > 0 && inner.height > 0).then_some(inner)
}

/// Lines into a rect, from line `scroll` on, each cut to the rect's width.
pub(crate) fn put_lines(lines: &[Line<'_>], scroll: usize, area: Rect, buf: &mut Buffer) {
    for (row, line) in lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        text::put_line(buf, area.x, area.y + row as u16, line, area.width);
    }
}

/// On a cut panel's bottom border: which lines are on screen of how many, and the keys that
/// scroll it. Nothing when everything fits.
#[allow(clippy::too_many_arguments)]
pub(crate) fn scroll_marker(
    lang: crate::i18n::Lang,
    theme: &Theme,
    keys: &str,
    scroll: usize,
    rows: usize,
    total: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    if total <= rows || rows == 0 || area.height < 2 {
        return;
    }
    let last = (scroll + rows).min(total);
    let more = format!(
        " {} ",
        tf(
            lang,
            "ui-scroll-marker",
            &[
                &(scroll + 1).to_string(),
                &last.to_string(),
                &total.to_string(),
                keys,
            ],
        )
    );
    let w = width(&more) as u16;
    if w + 2 > area.width {
        return;
    }
    let x = area.right().saturating_sub(w + 1);
    buf.set_string(x, area.bottom() - 1, more, theme.dim());
}

/// The largest useful scroll for `total` lines in `rows` rows.
pub(crate) fn clamp_scroll(scroll: u16, total: usize, rows: u16) -> usize {
    (scroll as usize).min(total.saturating_sub(rows as usize))
}

fn header(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let s = app.model.scenario();
    // What changes the meaning of every path comes first, so it survives a narrow terminal:
    // failed AZs, unsaved edits; then the title and the file.
    let mut spans = vec![Span::styled(" vpc-tui ", theme.selected()), Span::raw(" ")];
    let failed = app.failed_azs();
    let names: Vec<String> = failed
        .iter()
        .enumerate()
        .filter(|(_, f)| **f)
        .map(|(i, _)| format!("{} {}", i + 1, app.model.az_name(i)))
        .collect();
    if !names.is_empty() {
        spans.push(Span::styled(
            format!("✖ {}", tf(app.lang, "ui-failed", &[&names.join(", ")])),
            theme.bad(),
        ));
        spans.push(Span::raw("  "));
    }
    if app.is_dirty() {
        spans.push(Span::styled(
            format!("● {}", t(app.lang, "ui-modified")),
            theme.warn(),
        ));
        spans.push(Span::raw("  "));
    }
    let title = s
        .title_for(app.lang == crate::i18n::Lang::Ja)
        .map(str::to_string)
        .unwrap_or_else(|| t(app.lang, "ui-untitled").into());
    // The title ends in `…` where it does not fit; the file follows only when its name fits
    // whole (its folder cut from the front, `…/nat.ron`), never a stump of a path.
    let room = (area.width as usize).saturating_sub(spans.iter().map(|s| s.width()).sum());
    let title = truncate(&title, room);
    let room = room.saturating_sub(width(&title) + 2);
    spans.push(Span::styled(title, theme.title()));
    if let Some(file) = truncate_front_to_name(&app.file_label, room) {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(file, theme.dim()));
    }
    text::put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// Tab titles with their positions, for drawing and clicking.
fn tab_titles(app: &App, area: Rect) -> Vec<(Tab, Rect, String)> {
    let mut x = area.x + 1;
    let labels: Vec<(Tab, String)> = Tab::ALL
        .iter()
        .map(|t| {
            let marker = if *t == app.tab { "▸" } else { " " };
            (
                *t,
                format!("{marker}{}", crate::i18n::t(app.lang, t.title())),
            )
        })
        .collect();
    // Two spaces between titles where they fit, one where that keeps every title whole (the
    // six Japanese titles at 80 columns).
    let total: usize = labels.iter().map(|(_, l)| width(l) + 2).sum();
    let gap = if total < area.width as usize { 2 } else { 1 };
    labels
        .into_iter()
        .map(|(t, label)| {
            let w = width(&label) as u16;
            let r = Rect::new(x, area.y, w.min(area.right().saturating_sub(x)), 1);
            x = x.saturating_add(w + gap);
            (t, r, label)
        })
        .collect()
}

fn tab_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (t, r, label) in tab_titles(app, area) {
        if r.width == 0 {
            continue;
        }
        let style = if t == app.tab {
            theme
                .selected()
                .add_modifier(ratatui::style::Modifier::BOLD)
        } else {
            theme.dim()
        };
        text::put_str(buf, r.x, r.y, &label, r.width as usize, style);
    }
    let hint = t(app.lang, "ui-tab-next-panel");
    let used = tab_titles(app, area)
        .last()
        .map(|(_, r, _)| r.right())
        .unwrap_or(area.x);
    if area.right() > used + width(hint) as u16 + 2 {
        buf.set_string(
            area.right() - width(hint) as u16 - 1,
            area.y,
            hint,
            theme.dim(),
        );
    }
}

fn tab_hotspots(app: &App, area: Rect) -> Vec<Hotspot> {
    tab_titles(app, area)
        .into_iter()
        .map(|(t, r, _)| Hotspot {
            area: r,
            msg: Msg::ShowTab(t),
        })
        .collect()
}

fn status(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some((kind, msg)) = &app.status else {
        return;
    };
    let (prefix, style) = match kind {
        StatusKind::Info => ("• ", theme.plain()),
        StatusKind::Error => ("✖ ", theme.bad()),
    };
    let mut lines = text::wrap(msg, area.width as usize, prefix, "  ", style, style);
    if lines.len() > area.height as usize {
        lines.truncate(area.height as usize);
        if let Some(last) = lines.last_mut() {
            let plain: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(truncate(&format!("{plain} …"), area.width as usize), style);
        }
    }
    put_lines(&lines, 0, area, buf);
}

fn footer(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    if app.lesson.is_some() && app.overlay.is_none() {
        for (k, word) in [
            ("n", "ui-next"),
            ("p", "ui-back"),
            ("a", "ui-answer"),
            ("P", "ui-presenter"),
        ] {
            let word = t(app.lang, word);
            used += width(k) + width(word) + 3;
            spans.push(Span::styled(k, theme.key()));
            spans.push(Span::raw(format!(" {word}  ")));
        }
    }
    for b in keymap::footer(app) {
        let word = b.footer.map(|f| t(app.lang, f)).unwrap_or_default();
        let w = width(b.label) + 1 + width(word) + 2;
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(b.label, theme.key()));
        spans.push(Span::raw(format!(" {word}  ")));
    }
    text::put_line(buf, area.x, area.y, &Line::from(spans), area.width);
}

/// ratatui widgets render into a `&mut Buffer` through `Widget::render(self, ...)`; this keeps
/// call sites short where the widget is built inline.
trait RenderRef {
    fn render_ref(self, area: Rect, buf: &mut Buffer);
}

impl<W: ratatui::widgets::Widget> RenderRef for W {
    fn render_ref(self, area: Rect, buf: &mut Buffer) {
        self.render(area, buf);
    }
}
