//! Where each panel goes for a terminal size: the narrow layout (one panel under the path), the
//! wide one (from 120×40), the huge one (every panel, from 180×50) and presenter mode.

use ratatui::layout::{Constraint, Layout, Rect};

use super::theme::Theme;
use super::{narration, path, text::width};
use crate::app::{App, Tab};

/// Wide layout from this size up.
pub(super) const WIDE_WIDTH: u16 = 120;
const WIDE_HEIGHT: u16 = 40;

/// Where everything goes for one terminal size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    pub path: Rect,
    /// The lesson's narration, when a lesson is open.
    pub narration: Option<Rect>,
    /// The panels on screen besides the path, with their places.
    pub panels: Vec<(Tab, Rect)>,
    pub status: Rect,
    pub footer: Rect,
}

/// Every panel at once from this size up (a large monitor or a projector at a small font).
const HUGE_WIDTH: u16 = 180;
const HUGE_HEIGHT: u16 = 50;

pub fn is_wide(area: Rect) -> bool {
    area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT
}

fn is_huge(area: Rect) -> bool {
    area.width >= HUGE_WIDTH && area.height >= HUGE_HEIGHT
}

/// From 180×50 up, every panel has its own place and Tab only moves the focus. Outside a
/// lesson: topology, path, and route tables over security above; the matrix (wide enough for
/// every column), endpoints and cost below. In a lesson the narration and the path take the middle column
/// from top to bottom.
fn huge_layout(app: &App, body: Rect) -> (Rect, Option<Rect>, Vec<(Tab, Rect)>) {
    if app.lesson.is_some() {
        let [left, middle, right] = Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Percentage(32),
            Constraint::Percentage(28),
        ])
        .areas(body);
        let [topo, tables] =
            Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(left);
        let w = middle.width.saturating_sub(2) as usize;
        let want = narration::lines(app, &Theme::new(false), w).len() as u16 + 2;
        let n = want.clamp(5, (middle.height / 2).max(5));
        let [narration, path] =
            Layout::vertical([Constraint::Length(n), Constraint::Min(0)]).areas(middle);
        let [upper, lower] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(right);
        let (a, b) = match app.tab {
            Tab::Cost => (Tab::Cost, Tab::Endpoints),
            Tab::Endpoints => (Tab::Endpoints, Tab::Cost),
            _ => (Tab::Matrix, Tab::Cost),
        };
        // The route tables' place shows the Security panel while it is the chosen tab.
        let left_below = match app.tab {
            Tab::Security => Tab::Security,
            _ => Tab::RouteTables,
        };
        let panels = vec![
            (Tab::Topology, topo),
            (left_below, tables),
            (a, upper),
            (b, lower),
        ];
        return (path, Some(narration), panels);
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(58), Constraint::Percentage(42)]).areas(body);
    let [topo, path, right] = Layout::horizontal([
        Constraint::Percentage(40),
        Constraint::Percentage(30),
        Constraint::Percentage(30),
    ])
    .areas(top);
    // The route tables above the security layers: both read along the selected path.
    let [tables, security] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
    let [matrix, endpoints, cost] = Layout::horizontal([
        Constraint::Percentage(52),
        Constraint::Percentage(20),
        Constraint::Percentage(28),
    ])
    .areas(bottom);
    let panels = vec![
        (Tab::Topology, topo),
        (Tab::RouteTables, tables),
        (Tab::Security, security),
        (Tab::Matrix, matrix),
        (Tab::Endpoints, endpoints),
        (Tab::Cost, cost),
    ];
    (path, None, panels)
}

pub fn layout(app: &App, area: Rect) -> Areas {
    let status_rows = match &app.status {
        Some((_, msg)) if width(msg) + 2 > area.width as usize && area.height >= 20 => 2,
        _ => 1,
    };
    let [header, tabs, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(status_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    let lesson = app.lesson.is_some();
    if app.presenter {
        // For a projector: the narration in full, the path, and the topology of only the AZs
        // the step is about; nothing else.
        let (narration, rest) = if lesson {
            let w = body.width.saturating_sub(2) as usize;
            let want = narration::lines(app, &Theme::new(false), w).len() as u16 + 2;
            let n = want.clamp(4, (body.height * 2 / 5).max(4));
            let [n, p] = Layout::vertical([Constraint::Length(n), Constraint::Min(0)]).areas(body);
            (Some(n), p)
        } else {
            (None, body)
        };
        let [path, topo] = if rest.width >= 100 {
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(rest)
        } else if app.verdict_hidden() {
            // Only the question until the answer: the topology gets the rest.
            let w = rest.width.saturating_sub(2) as usize;
            let want = path::hidden_lines(app, &Theme::new(false), w).len() as u16 + 2;
            Layout::vertical([
                Constraint::Length(want.min(rest.height / 2)),
                Constraint::Min(0),
            ])
            .areas(rest)
        } else {
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(rest)
        };
        return Areas {
            header,
            tabs,
            path,
            narration,
            panels: vec![(Tab::Topology, topo)],
            status,
            footer,
        };
    }
    if is_huge(area) {
        let (path, narration, panels) = huge_layout(app, body);
        return Areas {
            header,
            tabs,
            path,
            narration,
            panels,
            status,
            footer,
        };
    }
    if is_wide(area) {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(body);
        let [topo, tables] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(left);
        let other_tab = match app.tab {
            Tab::Endpoints | Tab::Cost | Tab::Security => app.tab,
            _ => Tab::Matrix,
        };
        if lesson {
            // The narration as tall as it is, up to 45%; the path the rest.
            let w = right.width.saturating_sub(2) as usize;
            let want = narration::lines(app, &Theme::new(false), w).len() as u16 + 2;
            let n = want.clamp(5, (right.height * 45 / 100).max(5));
            let [narration, path] =
                Layout::vertical([Constraint::Length(n), Constraint::Min(0)]).areas(right);
            // The panel the tabs (or the step) chose shares the left column with the topology.
            let below = match app.tab {
                Tab::Topology | Tab::RouteTables => Tab::RouteTables,
                t => t,
            };
            return Areas {
                header,
                tabs,
                path,
                narration: Some(narration),
                panels: vec![(Tab::Topology, topo), (below, tables)],
                status,
                footer,
            };
        }
        let [path, other] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
        Areas {
            header,
            tabs,
            path,
            narration: None,
            panels: vec![
                (Tab::Topology, topo),
                (Tab::RouteTables, tables),
                (other_tab, other),
            ],
            status,
            footer,
        }
    } else {
        // The path panel gets what its pinned lines and the first hops need; the tab the rest.
        // A lesson's narration goes first, and the path keeps at least its verdict lines.
        // The narration takes what it needs up to a third (half before the answer; it scrolls
        // past that); the path its pinned lines and at least three hops.
        let narration_rows = if lesson {
            let w = body.width.saturating_sub(2) as usize;
            let want = narration::lines(app, &Theme::new(false), w).len() as u16 + 2;
            // Before the answer the path is only the question and the panel below holds back
            // what would give it away: the narration (what the question is about) may take up
            // to half, so a learner at 80×24 reads it without scrolling.
            let cap = if app.verdict_hidden() {
                (body.height / 2).max(5)
            } else {
                (body.height / 3).clamp(5, 8)
            };
            want.clamp(3, cap)
        } else {
            0
        };
        let path_rows = if lesson && app.verdict_hidden() {
            // Only the question and how to answer it until the answer.
            let w = body.width.saturating_sub(2) as usize;
            (path::hidden_lines(app, &Theme::new(false), w).len() as u16 + 2).min(8)
        } else if lesson {
            (body.height * 2 / 5).clamp(8, 12)
        } else {
            (body.height / 2).clamp(7, 11)
        };
        let [narration, path, panel] = Layout::vertical([
            Constraint::Length(narration_rows),
            Constraint::Length(path_rows),
            Constraint::Min(0),
        ])
        .areas(body);
        Areas {
            header,
            tabs,
            path,
            narration: lesson.then_some(narration),
            panels: vec![(app.tab, panel)],
            status,
            footer,
        }
    }
}
