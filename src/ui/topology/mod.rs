//! The topology panel: the VPC as AZ columns, the way AWS diagrams draw it. Each subnet is a
//! box with its CIDR, public/private, route table, instances, endpoint ENIs, NAT and GWLB
//! endpoints. The selected path's hops are marked `»` and highlighted; a failed AZ is struck
//! through and labelled FAILED.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Msg, SourceKind};
use crate::i18n::t;

mod column;
mod draw;

use column::Index;
use draw::{Drawing, draw, targets_label};

use super::text::width;
use super::theme::{ON_PATH, Theme};
use super::{Hotspot, clamp_scroll, draw_panel};

/// A drawn line and its clickable cells (x, width, message).
type Made = (Line<'static>, Vec<(u16, u16, Msg)>);

/// The drawing as one list of lines (columns side by side): every line's focus (see
/// [`draw::Row`]), and the lines from `first` on made (those on screen).
#[derive(Debug, Default, PartialEq)]
struct Composed {
    focus: Vec<u8>,
    first: usize,
    made: Vec<Made>,
}

impl Composed {
    fn len(&self) -> usize {
        self.focus.len()
    }

    /// The made lines from `scroll`, at most `height` of them.
    fn shown(&self, scroll: usize, height: usize) -> impl Iterator<Item = &Made> {
        self.made
            .iter()
            .skip(scroll.saturating_sub(self.first))
            .take(height)
    }
}

/// Ids the selected path passes through (hop ids, and the source's subnet).
pub(crate) fn on_path(app: &App) -> HashSet<String> {
    let mut ids = HashSet::new();
    for h in app.shown_hops() {
        // Hop ids may carry a name after the id: "i-app-a (app-a)".
        let id = h.id.split_whitespace().next().unwrap_or_default();
        ids.insert(id.to_string());
        // The ENIs the path reached, when the hop names them: the others (a failed AZ's)
        // are not on the path.
        if let crate::eval::Fact::InterfaceEndpoint { enis, .. } = &h.fact
            && !enis.is_empty()
        {
            ids.insert(format!("{id}@?"));
            for e in enis.iter() {
                ids.insert(format!("{id}@{}", e.ip));
            }
        }
    }
    let s = app.model.scenario();
    match app.selected_source().map(|x| &x.kind) {
        Some(SourceKind::Instance(i)) => {
            if let Some(inst) = s.instances.get(*i) {
                ids.insert(inst.subnet.clone());
                ids.insert(inst.id.clone());
            }
        }
        Some(SourceKind::Subnet(i)) => {
            if let Some(sub) = s.subnets.get(*i) {
                ids.insert(sub.id.clone());
            }
        }
        None => {}
    }
    ids
}

/// The AZs drawn as columns. Every AZ, except in presenter mode, which keeps the AZs the step
/// is about: the selected source's, those the path passes through, and those the lesson step
/// changed (all of them when that leaves none).
pub(crate) fn shown_azs(app: &App) -> Vec<usize> {
    let s = app.model.scenario();
    let all: Vec<usize> = (0..s.availability_zones.len()).collect();
    if !app.presenter {
        return all;
    }
    let path = on_path(app);
    let changed = app.step_changes();
    let source_subnet = match app.selected_source().map(|x| &x.kind) {
        Some(SourceKind::Instance(i)) => s.instances.get(*i).map(|x| x.subnet.as_str()),
        Some(SourceKind::Subnet(i)) => s.subnets.get(*i).map(|x| x.id.as_str()),
        None => None,
    };
    let mut keep = vec![false; all.len()];
    for sub in &s.subnets {
        let about = path.contains(&sub.id)
            || changed.contains_key(&sub.id)
            || changed.keys().any(|k| k.ends_with(&format!("@{}", sub.id)))
            || source_subnet == Some(sub.id.as_str());
        if let (true, Some(az)) = (about, app.model.az_index(&sub.az)) {
            keep[az] = true;
        }
    }
    for (az, a) in s.availability_zones.iter().enumerate() {
        keep[az] |= changed.contains_key(&a.name);
    }
    let some: Vec<usize> = all.iter().copied().filter(|&az| keep[az]).collect();
    if some.is_empty() { all } else { some }
}

/// Column geometry: the first column's x and each column's width, inside `inner`.
fn columns_geometry(app: &App, inner: Rect) -> (usize, u16) {
    let n = shown_azs(app).len().max(1);
    let col_width = ((inner.width as usize + 1) / n).saturating_sub(1).max(12) as u16;
    (n, col_width)
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let Some(inner) = draw_panel(
        theme,
        t(app.lang, "ui-topology-source-target-click").into(),
        focused,
        area,
        buf,
    ) else {
        return;
    };
    let (lines, scroll) = composed(app, theme, inner);
    // Only the lines on screen are made, and written where they are (not copied first).
    for (row, (line, _)) in lines.shown(scroll, inner.height as usize).enumerate() {
        super::text::put_line(buf, inner.x, inner.y + row as u16, line, inner.width);
    }
    super::scroll_marker(
        app.lang,
        theme,
        "PgUp PgDn",
        scroll,
        inner.height as usize,
        lines.len(),
        area,
        buf,
    );
}

/// The drawing for `inner` and the line it starts at: where the user scrolled it, or, while
/// following, where the selected source and the lesson step's changes are in view. Only the
/// lines on screen are made: a first pass finds where the view starts from every row's focus
/// (a byte per row, no line), a second makes the lines from there.
fn composed(app: &App, theme: &Theme, inner: Rect) -> (Composed, usize) {
    let (n, col_width) = columns_geometry(app, inner);
    let rows = if app.topo_follow {
        usize::MAX
    } else {
        app.scroll[0] as usize + inner.height as usize + 1
    };
    let (width, cw) = (inner.width as usize, col_width as usize);
    let height = inner.height as usize;
    let ix = Index::new(app);
    let skeleton = draw(app, &ix, theme, width, cw, (rows, 0..0), true);
    let focus = compose(&skeleton, n, col_width, 0..0).focus;
    let scroll = if app.topo_follow {
        follow(&focus, height)
    } else {
        clamp_scroll(app.scroll[0], focus.len(), inner.height)
    };
    let top = skeleton.top.len();
    let window = scroll.saturating_sub(top)..(scroll + height).saturating_sub(top);
    // The second pass stops a row past the window (a column stops at the first subnet that
    // starts after `rows`) and makes no lines above and below the columns: the column lines
    // on screen are its, the others the skeleton's, whose length is the drawing's.
    let d = draw(
        app,
        &ix,
        theme,
        width,
        cw,
        (rows.min(window.end.saturating_add(1)), window),
        false,
    );
    // The lines on screen: above and below the columns the skeleton's (its length is the
    // drawing's), the columns' the second pass's.
    let (rows, d_rows) = (column_rows(&skeleton), column_rows(&d));
    let made = (scroll..(scroll + height).min(focus.len()))
        .map(|i| match i.checked_sub(top) {
            None => (skeleton.top[i].clone(), Vec::new()),
            Some(r) if r < rows && r < d_rows => column_line(&d, n, col_width, r),
            Some(r) if r < rows => Made::default(),
            Some(r) => (skeleton.bottom[r - rows].line.clone(), Vec::new()),
        })
        .collect();
    let lines = Composed {
        focus,
        first: scroll,
        made,
    };
    (lines, scroll)
}

/// The first line to show so that the selected source (focus 2) and as many of the step's
/// changes (focus 1) as fit are in `height` rows; the top when they all fit there.
fn follow(focus: &[u8], height: usize) -> usize {
    let marks: Vec<usize> = (0..focus.len()).filter(|&i| focus[i] > 0).collect();
    let (Some(&lo), Some(&hi)) = (marks.first(), marks.last()) else {
        return 0;
    };
    let max = focus.len().saturating_sub(height);
    let s = if hi < height {
        0
    } else if hi - lo < height {
        // All of them, with a little of what is above the first.
        lo.saturating_sub(2).max(hi + 1 - height)
    } else {
        // Not all fit: the selected source first.
        let anchor = focus.iter().position(|f| *f == 2).unwrap_or(lo);
        anchor.saturating_sub(2)
    };
    s.min(max)
}

/// Where the topology starts when drawn in `area` (for paging from where it is).
pub(crate) fn scroll_in(app: &App, area: Rect) -> usize {
    let inner = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    composed(app, &Theme::new(false), inner).1
}

/// The drawing as one list of lines (columns side by side): every line's focus, and the lines
/// in `window` that exist made, each with its clickable cells (a column row the drawing did
/// not make is an empty line). The focus is a column at a time: a byte per row and column,
/// not a line.
fn compose(d: &Drawing, n: usize, col_width: u16, window: std::ops::Range<usize>) -> Composed {
    let (top, rows) = (d.top.len(), column_rows(d));
    let mut focus = vec![0u8; top + rows];
    for col in d.columns.iter().take(n) {
        for (f, &c) in focus[top..].iter_mut().zip(&col.focus) {
            *f = (*f).max(c);
        }
    }
    focus.extend(d.bottom.iter().map(|row| row.focus));
    let made = (window.start..window.end.min(focus.len()))
        .map(|i| match i.checked_sub(top) {
            None => (d.top[i].clone(), Vec::new()),
            Some(r) if r < rows => column_line(d, n, col_width, r),
            Some(r) => (d.bottom[r - rows].line.clone(), Vec::new()),
        })
        .collect();
    Composed {
        focus,
        first: window.start,
        made,
    }
}

/// How many rows the longest column has.
fn column_rows(d: &Drawing) -> usize {
    d.columns.iter().map(|c| c.len()).max().unwrap_or(0)
}

/// Row `r` of the columns side by side, with its clickable cells.
fn column_line(d: &Drawing, n: usize, col_width: u16, r: usize) -> Made {
    let mut spans = Vec::new();
    let mut clicks = Vec::new();
    for (c, col) in d.columns.iter().enumerate().take(n) {
        let x = c as u16 * (col_width + 1);
        match col.made(r) {
            Some(row) => {
                spans.extend(row.line.spans.iter().cloned());
                let w = row.line.width() as u16;
                if let Some(m) = &row.click {
                    clicks.push((x, col_width, *m));
                }
                spans.push(Span::raw(
                    " ".repeat((col_width + 1).saturating_sub(w) as usize),
                ));
            }
            None => spans.push(Span::raw(" ".repeat(col_width as usize + 1))),
        }
    }
    (Line::from(spans), clicks)
}

pub fn hotspots(app: &App, area: Rect) -> Vec<Hotspot> {
    let inner = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    let (lines, scroll) = composed(app, &Theme::new(false), inner);
    let mut spots = Vec::new();
    for (row, (line, clicks)) in lines.shown(scroll, inner.height as usize).enumerate() {
        let y = inner.y + row as u16;
        for (x, w, msg) in clicks {
            spots.push(Hotspot {
                area: Rect::new(inner.x + x, y, (*w).min(inner.width.saturating_sub(*x)), 1),
                msg: *msg,
            });
        }
        // Service names on the bottom lines: split the flow again by words.
        let first = line.spans.first().map(|s| s.content.as_ref());
        let label = targets_label(app.lang);
        let pad = " ".repeat(width(&label));
        if first == Some(label.as_str()) || first == Some(pad.as_str()) {
            let mut x = 0u16;
            for span in &line.spans {
                let w = width(&span.content) as u16;
                let name = span.content.trim_start_matches(ON_PATH);
                if let Some(i) = app.targets.iter().position(|t| t.label == name) {
                    spots.push(Hotspot {
                        area: Rect::new(inner.x + x, y, w.min(inner.width.saturating_sub(x)), 1),
                        msg: Msg::SelectTarget(i),
                    });
                }
                x = x.saturating_add(w);
            }
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::MAX_INSTANCES_PER_SUBNET;
    use crate::model::load_file;

    /// The drawing made whole, and the line the view starts at, as before only what shows was
    /// made.
    fn whole(app: &App, theme: &Theme, inner: Rect) -> (Composed, usize) {
        let (n, col_width) = columns_geometry(app, inner);
        let rows = if app.topo_follow {
            usize::MAX
        } else {
            app.scroll[0] as usize + inner.height as usize + 1
        };
        let (w, cw) = (inner.width as usize, col_width as usize);
        let d = draw(
            app,
            &Index::new(app),
            theme,
            w,
            cw,
            (rows, 0..usize::MAX),
            true,
        );
        let lines = compose(&d, n, col_width, 0..usize::MAX);
        assert_eq!(lines.made.len(), lines.len(), "every line made");
        let scroll = if app.topo_follow {
            follow(&lines.focus, inner.height as usize)
        } else {
            clamp_scroll(app.scroll[0], lines.len(), inner.height)
        };
        (lines, scroll)
    }

    /// The view's start, length, every line's focus and the lines on screen are those of the
    /// whole drawing: in every shipped scenario (and one whose subnet lists "… more"
    /// instances), from its first and last source, with and without its first AZ failed, while
    /// following and scrolled. The boxes off screen are counted, not drawn.
    #[test]
    fn boxes_off_screen_are_counted_as_the_whole_drawing_has_them() {
        let theme = Theme::new(false);
        let mut apps: Vec<(String, App)> = crate::model::shipped_scenarios()
            .into_iter()
            .map(|(file, model)| {
                (
                    file.display().to_string(),
                    App::new(model, None, "s".into()),
                )
            })
            .collect();
        // A subnet with as many instances as a box lists, and one with more.
        for n in [MAX_INSTANCES_PER_SUBNET, MAX_INSTANCES_PER_SUBNET + 3] {
            let file = std::path::Path::new("scenarios/private-only.ron");
            let mut crowded = load_file(file).expect("loads").scenario().clone();
            let first = crowded.instances[0].clone();
            let there = crowded
                .instances
                .iter()
                .filter(|i| i.subnet == first.subnet)
                .count();
            crowded
                .instances
                .extend((there..n).map(|k| crate::model::Instance {
                    id: format!("i-extra-{k}"),
                    name: None,
                    private_ip: None,
                    ..first.clone()
                }));
            let model = crate::model::Model::new(crowded).expect("valid");
            apps.push((
                format!("crowded {n}"),
                App::new(model, None, "crowded".into()),
            ));
        }
        let mut more = false;
        for (file, mut app) in apps {
            let failed = app
                .model
                .scenario()
                .availability_zones
                .first()
                .map(|a| crate::model::Edit::FailAz { az: a.name.clone() });
            for fail in [None, failed] {
                if let Some(edit) = fail {
                    app.apply(edit);
                }
                for source in [0, app.sources.len().saturating_sub(1)] {
                    app.update(Msg::SelectSource(source));
                    for (width, height) in [(40, 7), (118, 38)] {
                        let inner = Rect::new(1, 1, width, height);
                        for (follow, scroll) in [(true, 0), (false, 0), (false, 9)] {
                            app.topo_follow = follow;
                            app.scroll[0] = scroll;
                            let (want, at) = whole(&app, &theme, inner);
                            let (got, scroll) = composed(&app, &theme, inner);
                            assert_eq!((scroll, got.len()), (at, want.len()), "{file}");
                            assert_eq!(got.focus, want.focus, "{file}");
                            let shown = |c: &Composed| {
                                c.shown(at, height as usize).cloned().collect::<Vec<_>>()
                            };
                            assert_eq!(shown(&got), shown(&want), "{file} {follow} {scroll}");
                            more |= want
                                .made
                                .iter()
                                .any(|(l, _)| l.to_string().contains("│   … "));
                        }
                    }
                }
            }
        }
        assert!(more, "some box lists '… more' instances");
    }

    #[test]
    fn the_lines_on_screen_are_those_of_the_whole_drawing() {
        let theme = Theme::new(false);
        for (file, lesson) in [
            ("scenarios/private-only.ron", None),
            ("scenarios/no-endpoint.ron", Some(2)),
            ("scenarios/no-endpoint.ron", Some(4)),
        ] {
            let model = load_file(std::path::Path::new(file)).expect("loads");
            let mut app = App::new(model, None, file.into());
            if let Some(step) = lesson {
                app.start_lesson(step);
            }
            for source in [0, 2] {
                app.update(Msg::SelectSource(source));
                for (width, height) in [(40, 7), (80, 12), (118, 38)] {
                    let inner = Rect::new(1, 1, width, height);
                    for (follow, scroll) in [(true, 0), (false, 0), (false, 5), (false, 60)] {
                        app.topo_follow = follow;
                        app.scroll[0] = scroll;
                        let (want, at) = whole(&app, &theme, inner);
                        let (got, scroll) = composed(&app, &theme, inner);
                        assert_eq!(scroll, at, "{file}");
                        assert_eq!(got.len(), want.len(), "{file}");
                        assert_eq!(got.focus, want.focus, "{file}");
                        let shown = |c: &Composed| {
                            c.shown(at, height as usize).cloned().collect::<Vec<_>>()
                        };
                        assert!(!shown(&got).is_empty(), "{file}");
                        assert_eq!(shown(&got), shown(&want), "{file} {follow} {scroll}");
                    }
                }
            }
        }
    }
}
