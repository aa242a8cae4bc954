//! Drawing the topology: the VPC's header line, one column of subnet boxes per AZ shown
//! (`column.rs`), and the endpoints and targets below, each row with what a click on it selects.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::{App, ChangeMark};
use crate::i18n::{Lang, t, tf};

use super::super::text::width;
use super::super::theme::{ON_PATH, Theme};
use super::column::{Column, Columns, Index, Row};
use super::shown_azs;

pub(super) struct Drawing {
    /// VPC-wide lines above the columns.
    pub(super) top: Vec<Line<'static>>,
    pub(super) columns: Vec<Column>,
    /// Gateway endpoints and services, below the columns.
    pub(super) bottom: Vec<Row>,
}

/// The label before the flow of target names; hotspots() finds the flow by it.
pub(super) fn targets_label(lang: Lang) -> String {
    format!("{}: ", t(lang, "ui-targets"))
}

/// How an id is marked: `»` and highlighted on the selected path, `✚`/`−` when the current
/// lesson step added or removed it.
pub(super) struct Marks<'a> {
    path: &'a HashSet<String>,
    /// What the current lesson step changed: marked ✚ unless the path's » says more.
    pub(super) changed: HashMap<String, ChangeMark>,
    theme: &'a Theme,
}

impl Marks<'_> {
    /// 1 when the lesson step changed `id` (what the view follows), else 0.
    pub(super) fn focus(&self, id: &str) -> u8 {
        u8::from(!self.changed.is_empty() && self.changed.contains_key(id))
    }

    pub(super) fn hl(&self, id: &str, base: Style) -> Style {
        if self.path.contains(id) {
            self.theme.on_path()
        } else if self.changed.contains_key(id) {
            self.theme.warn()
        } else {
            base
        }
    }

    /// The marker before `id`: `» `, `✚ `, `− ` or two spaces.
    pub(super) fn pre(&self, id: &str) -> String {
        if self.path.contains(id) {
            format!("{ON_PATH} ")
        } else {
            match self.changed.get(id) {
                Some(ChangeMark::Added) => "✚ ".into(),
                Some(ChangeMark::Removed) => "− ".into(),
                None => "  ".into(),
            }
        }
    }

    /// The key that marks one ENI: on the path when the path reached it (by address), changed
    /// when the step added it (`endpoint@subnet`) or the whole endpoint.
    pub(super) fn eni_key(&self, e: &str, ip: std::net::Ipv4Addr, subnet: &str) -> String {
        let path = self.path;
        let on = if path.contains(&format!("{e}@?")) {
            path.contains(&format!("{e}@{ip}"))
        } else {
            path.contains(e)
        };
        if on {
            // Any key `pre` and `hl` find: the id itself is on the path.
            e.to_string()
        } else if self.changed.contains_key(&format!("{e}@{subnet}")) {
            format!("{e}@{subnet}")
        } else if path.contains(e) {
            // On the path as an endpoint, but not this ENI: mark it neither way.
            String::new()
        } else {
            e.to_string()
        }
    }
}

/// `rows`: how many column rows can be on screen (scroll + height); a column stops growing
/// past it. `window`: the column rows whose lines are made (those on screen); every row has
/// its focus, to tell where the view follows. `edges`: whether the lines above and below the
/// columns are made (a frame's second pass takes them from its first: the gateway endpoints'
/// line names every table they are attached to, 800 at 4x the quota model).
pub(super) fn draw(
    app: &App,
    ix: &Index,
    theme: &Theme,
    width_cells: usize,
    col_width: usize,
    (rows, window): (usize, Range<usize>),
    edges: bool,
) -> Drawing {
    let marks = Marks {
        path: &ix.path,
        changed: app.step_changes(),
        theme,
    };
    let failed = app.failed_azs();
    let cols = Columns {
        app,
        ix,
        theme,
        marks: &marks,
        col_width,
        rows,
        window: &window,
    };
    let columns = shown_azs(app)
        .into_iter()
        .map(|az_i| cols.column(az_i, failed.get(az_i).copied().unwrap_or(false)))
        .collect();
    if !edges {
        return Drawing {
            top: Vec::new(),
            columns,
            bottom: Vec::new(),
        };
    }
    Drawing {
        top: header(app, &marks, theme, width_cells),
        columns,
        bottom: below(app, &marks, theme, width_cells),
    }
}

/// The VPC's facts above the columns: its id and blocks, DNS, the internet gateway and Block
/// Public Access, each whole (packed into as many lines as the width needs).
fn header(app: &App, marks: &Marks, theme: &Theme, width_cells: usize) -> Vec<Line<'static>> {
    let (s, lang) = (app.model.scenario(), app.lang);
    let (pre, hl) = (|id: &str| marks.pre(id), |id: &str, b| marks.hl(id, b));
    let igw = match &s.internet_gateway {
        Some(g) => tf(lang, "ui-internet-gateway-2", &[&g.id]),
        None => t(lang, "ui-no-internet-gateway-2").into(),
    };
    let cidrs: Vec<String> = s
        .vpc
        .cidrs
        .iter()
        .map(|c| c.to_string())
        .chain(s.vpc.ipv6_cidrs.iter().map(|c| c.to_string()))
        .collect();
    // The VPC's facts, each whole: a piece that does not fit on the line goes to the next one
    // (at 80 columns the internet gateway would otherwise be cut off the edge).
    let mut facts = vec![
        Span::styled(format!("{} {}", s.vpc.id, cidrs.join(", ")), theme.title()),
        Span::styled(
            tf(
                lang,
                "ui-dns-support-hostnames",
                &[
                    &s.region,
                    t(lang, on_off(s.vpc.enable_dns_support)),
                    t(lang, on_off(s.vpc.enable_dns_hostnames)),
                ],
            ),
            theme.dim(),
        ),
        // The internet gateway's id once, with the on-path marker only when there is one.
        match s.internet_gateway.as_ref().map(|g| g.id.as_str()) {
            Some(id) => Span::styled(
                format!("{}{igw}", pre(id).trim_start()),
                hl(id, theme.plain()),
            ),
            None => Span::styled(igw, theme.plain()),
        },
    ];
    // VPC Block Public Access, when it is on: what decides every internet gateway path.
    if s.block_public_access.mode != crate::model::BpaMode::Off {
        facts.push(Span::styled(
            tf(
                lang,
                "ui-bpa-header",
                &[
                    &crate::explain::bpa_mode_text(lang, s.block_public_access.mode),
                    &s.block_public_access.exclusions.len().to_string(),
                ],
            ),
            theme.dim(),
        ));
    }
    super::super::text::pack(
        facts,
        width_cells,
        Span::styled(" · ", theme.dim()),
        "  ",
        usize::MAX,
    )
}

/// Below the columns: regional NAT gateways, gateway endpoints, and the services as a flow of
/// clickable names with the chosen target marked.
fn below(app: &App, marks: &Marks, theme: &Theme, width_cells: usize) -> Vec<Row> {
    let (s, lang) = (app.model.scenario(), app.lang);
    let (pre, hl, focus) = (
        |id: &str| marks.pre(id),
        |id: &str, b| marks.hl(id, b),
        |id: &str| marks.focus(id),
    );
    let mut bottom = Vec::new();
    for n in s.nat_gateways.iter().filter(|n| n.subnet.is_none()) {
        bottom.push(Row {
            line: Line::from(Span::styled(
                format!(
                    "{}⇄ {} {}",
                    pre(&n.id),
                    n.id,
                    t(lang, "ui-regional-nat-gateway")
                ),
                hl(&n.id, theme.plain()),
            )),
            click: None,
            focus: focus(&n.id),
        });
    }
    for g in &s.gateway_endpoints {
        bottom.push(Row {
            line: Line::from(vec![
                Span::styled(
                    format!("{}⬡ {} ", pre(&g.id), g.id),
                    hl(&g.id, theme.plain()),
                ),
                Span::styled(
                    tf(
                        lang,
                        "ui-gateway-endpoint-for-tables",
                        &[
                            &g.service,
                            &if g.route_tables.is_empty() {
                                t(lang, "ui-none").to_string()
                            } else {
                                g.route_tables.join(", ")
                            },
                        ],
                    ),
                    theme.dim(),
                ),
            ]),
            click: None,
            focus: focus(&g.id),
        });
    }
    // The services outside the VPC, as a flow of clickable names; the target is marked.
    // hotspots() finds each name again by its span.
    let label = targets_label(lang);
    let label_w = width(&label);
    let mut line: Vec<Span<'static>> = vec![Span::styled(label, theme.dim())];
    let mut used = label_w;
    for (i, target) in app.targets.iter().enumerate() {
        let chosen = i == app.target;
        let text = if chosen {
            format!("{ON_PATH}{}", target.label)
        } else {
            target.label.clone()
        };
        let w = width(&text) + 1;
        if used + w > width_cells && used > label_w {
            bottom.push(Row {
                line: Line::from(std::mem::take(&mut line)),
                click: None,
                focus: 0,
            });
            line.push(Span::raw(" ".repeat(label_w)));
            used = label_w;
        }
        line.push(Span::styled(
            text,
            if chosen {
                theme
                    .on_path()
                    .add_modifier(ratatui::style::Modifier::REVERSED)
            } else {
                theme.plain()
            },
        ));
        line.push(Span::raw(" "));
        used += w;
    }
    bottom.push(Row {
        line: Line::from(line),
        click: None,
        focus: 0,
    });
    bottom
}

fn on_off(b: bool) -> &'static str {
    if b { "ui-on" } else { "ui-off" }
}
