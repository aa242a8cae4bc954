//! The topology panel: the VPC as AZ columns, the way AWS diagrams draw it. Each subnet is a
//! box with its CIDR, public/private, route table, instances, endpoint ENIs, NAT and GWLB
//! endpoints. The selected path's hops are marked `»` and highlighted; a failed AZ is struck
//! through and labelled FAILED.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::{App, ChangeMark, Msg, SourceKind};
use crate::i18n::{Lang, t, tf};
use crate::model::{Association, Target};

use super::text::{fit, truncate, width};
use super::theme::{ON_PATH, Theme};
use super::{Hotspot, clamp_scroll, draw_panel, put_lines};

/// Ids the selected path passes through (hop ids, and the source's subnet).
pub(crate) fn on_path(app: &App) -> HashSet<String> {
    let mut ids = HashSet::new();
    // Before a lesson question is answered, the path would give the answer away.
    if let Ok(t) = &app.trace
        && !app.verdict_hidden()
    {
        for h in t
            .hops
            .iter()
            .chain(t.parts.iter().flat_map(|p| p.hops.iter()))
        {
            // Hop ids may carry a name after the id: "i-app-a (app-a)".
            let id = h.id.split_whitespace().next().unwrap_or_default();
            ids.insert(id.to_string());
            // The ENIs the path reached, when the hop names them: the others (a failed AZ's)
            // are not on the path.
            if let crate::eval::Fact::InterfaceEndpoint { enis } = &h.fact
                && !enis.is_empty()
            {
                ids.insert(format!("{id}@?"));
                for e in enis {
                    ids.insert(format!("{id}@{}", e.ip));
                }
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

/// A line of a column, and what clicking it selects.
#[derive(Default)]
struct Row {
    line: Line<'static>,
    click: Option<Msg>,
    /// What the view follows: 2 the selected source, 1 what the lesson step changed.
    focus: u8,
}

struct Drawing {
    /// VPC-wide lines above the columns.
    top: Vec<Line<'static>>,
    columns: Vec<Vec<Row>>,
    /// Gateway endpoints and services, below the columns.
    bottom: Vec<Row>,
}

const MAX_INSTANCES_PER_SUBNET: usize = 6;

/// The label before the flow of target names; hotspots() finds the flow by it.
fn targets_label(lang: Lang) -> String {
    format!("{}: ", t(lang, "ui-targets"))
}

/// A drawn line, its clickable cells (x, width, message) and its focus (see [`Row`]).
type Composed = Vec<(Line<'static>, Vec<(u16, u16, Msg)>, u8)>;

fn subnet_is_public(app: &App, subnet: usize) -> bool {
    let (t, _) = app.model.subnet_route_table(subnet);
    app.model
        .compiled_table(t)
        .routes
        .iter()
        .any(|r| matches!(r.target, Target::InternetGateway(_)))
}

/// `rows`: how many column rows can be on screen (scroll + height); a column stops growing
/// past it, so a model with hundreds of subnets draws only what shows.
fn draw(app: &App, theme: &Theme, width_cells: usize, col_width: usize, rows: usize) -> Drawing {
    let s = app.model.scenario();
    let lang = app.lang;
    let path = on_path(app);
    let failed = app.failed_azs();
    // What the current lesson step changed: marked ✚ unless the path's » says more.
    let changed = app.step_changes();
    let mark = |id: &str| path.contains(id);
    let focus = |id: &str| u8::from(changed.contains_key(id));
    let hl = |id: &str, base: Style| {
        if mark(id) {
            theme.on_path()
        } else if changed.contains_key(id) {
            theme.warn()
        } else {
            base
        }
    };
    let pre = |id: &str| {
        if mark(id) {
            format!("{ON_PATH} ")
        } else {
            match changed.get(id) {
                Some(ChangeMark::Added) => "✚ ".into(),
                Some(ChangeMark::Removed) => "− ".into(),
                None => "  ".into(),
            }
        }
    };
    // One ENI: on the path when the path reached it (by address), changed when the step added
    // it (`endpoint@subnet`) or the whole endpoint.
    let eni_key = |e: &str, ip: std::net::Ipv4Addr, subnet: &str| {
        let on = if path.contains(&format!("{e}@?")) {
            path.contains(&format!("{e}@{ip}"))
        } else {
            path.contains(e)
        };
        if on {
            // Any key `mark` finds: the id itself is on the path.
            e.to_string()
        } else if changed.contains_key(&format!("{e}@{subnet}")) {
            format!("{e}@{subnet}")
        } else if path.contains(e) {
            // On the path as an endpoint, but not this ENI: mark it neither way.
            String::new()
        } else {
            e.to_string()
        }
    };

    let mut top = Vec::new();
    let igw = match &s.internet_gateway {
        Some(g) => tf(lang, "ui-internet-gateway-2", &[&g.id]),
        None => t(lang, "ui-no-internet-gateway-2").into(),
    };
    let cidrs: Vec<String> = s.vpc.cidrs.iter().map(|c| c.to_string()).collect();
    top.push(Line::from(vec![
        Span::styled(format!("{} {}", s.vpc.id, cidrs.join(", ")), theme.title()),
        Span::styled(
            format!(
                " · {} · ",
                tf(
                    lang,
                    "ui-dns-support-hostnames",
                    &[
                        &s.region,
                        t(lang, on_off(s.vpc.enable_dns_support)),
                        t(lang, on_off(s.vpc.enable_dns_hostnames)),
                    ],
                )
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
    ]));

    let inner = col_width.saturating_sub(4);
    // Instances by subnet, once: a quota-sized model has 10,000 of them.
    let mut by_subnet: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for (i, inst) in s.instances.iter().enumerate() {
        by_subnet.entry(inst.subnet.as_str()).or_default().push(i);
    }
    let mut columns = Vec::new();
    for az_i in shown_azs(app) {
        let down = failed.get(az_i).copied().unwrap_or(false);
        let base = if down { theme.failed() } else { theme.plain() };
        let mut col = Vec::new();
        let label = format!("{} {}", az_i + 1, app.model.az_label(az_i));
        col.push(Row {
            line: Line::from(Span::styled(
                fit(&label, col_width),
                if down { theme.failed() } else { theme.title() },
            )),
            click: None,
            focus: focus(&s.availability_zones[az_i].name),
        });
        if down {
            col.push(Row {
                line: Line::from(Span::styled(
                    fit(&format!("✖ {}", t(lang, "ui-az-failed-2")), col_width),
                    theme.bad(),
                )),
                click: None,
                focus: 0,
            });
        }
        for (sub_i, sub) in s.subnets.iter().enumerate() {
            if col.len() > rows {
                break;
            }
            if app.model.subnet_index(&sub.id).is_none()
                || app.model.az_index(&sub.az) != Some(az_i)
            {
                continue;
            }
            let border = if mark(&sub.id) {
                theme.on_path()
            } else if down {
                theme.failed()
            } else {
                theme.dim()
            };
            let name = sub.name.clone().unwrap_or_else(|| sub.id.clone());
            let head = truncate(&format!("{}{name}", pre(&sub.id).trim_start()), inner + 1);
            let dash = col_width.saturating_sub(2 + width(&head));
            col.push(Row {
                line: Line::from(vec![
                    Span::styled("┌", border),
                    Span::styled(head, hl(&sub.id, theme.title())),
                    Span::styled(format!("{}┐", "─".repeat(dash)), border),
                ]),
                click: app
                    .source_index(&SourceKind::Subnet(sub_i))
                    .map(Msg::SelectSource),
                focus: if app
                    .selected_source()
                    .is_some_and(|x| x.kind == SourceKind::Subnet(sub_i))
                {
                    2
                } else {
                    focus(&sub.id)
                },
            });
            let boxed = |text: String, style: Style, click: Option<Msg>| Row {
                line: Line::from(vec![
                    Span::styled("│ ", border),
                    Span::styled(fit(&text, inner), style),
                    Span::styled(" │", border),
                ]),
                click,
                focus: 0,
            };
            let focused = |mut row: Row, f: u8| {
                row.focus = f;
                row
            };
            let public = subnet_is_public(app, sub_i);
            let kind = match (public, inner >= 20) {
                (true, true) => t(lang, "ui-public"),
                (false, true) => t(lang, "ui-private"),
                (true, false) => t(lang, "ui-pub"),
                (false, false) => t(lang, "ui-priv"),
            };
            col.push(boxed(format!("{} {kind}", sub.cidr), base, None));
            let (table_i, assoc) = app.model.subnet_route_table(sub_i);
            if let Some(table) = s.route_tables.get(table_i) {
                let how = match assoc {
                    Association::Explicit => "",
                    Association::ImplicitMain => t(lang, "ui-main-2"),
                };
                col.push(focused(
                    boxed(
                        format!(
                            "{}rt {}{}{how}",
                            pre(&table.id),
                            table.id,
                            if how.is_empty() { "" } else { " " }
                        ),
                        hl(&table.id, base),
                        None,
                    ),
                    focus(&table.id),
                ));
            }
            let instances: Vec<(usize, &crate::model::Instance)> = by_subnet
                .get(sub.id.as_str())
                .map(|v| v.iter().map(|&i| (i, &s.instances[i])).collect())
                .unwrap_or_default();
            for (n, (i, inst)) in instances.iter().enumerate() {
                if n == MAX_INSTANCES_PER_SUBNET {
                    col.push(boxed(
                        format!(
                            "  … {}",
                            tf(
                                lang,
                                "ui-more-instances",
                                &[&(instances.len() - n).to_string()]
                            )
                        ),
                        theme.dim(),
                        None,
                    ));
                    break;
                }
                let selected = app
                    .selected_source()
                    .is_some_and(|x| x.kind == SourceKind::Instance(*i));
                let name = inst.name.as_deref().unwrap_or(&inst.id);
                let ip = if inst.public_ip {
                    format!(" {}", t(lang, "ui-public-ip"))
                } else {
                    String::new()
                };
                let style = if selected {
                    theme
                        .on_path()
                        .add_modifier(ratatui::style::Modifier::REVERSED)
                } else {
                    base
                };
                col.push(focused(
                    boxed(
                        format!(
                            "{}▣ {name}{ip}",
                            if selected {
                                format!("{ON_PATH} ")
                            } else {
                                "  ".into()
                            }
                        ),
                        style,
                        app.source_index(&SourceKind::Instance(*i))
                            .map(Msg::SelectSource),
                    ),
                    if selected { 2 } else { focus(&inst.id) },
                ));
            }
            for (e_i, e) in s.interface_endpoints.iter().enumerate() {
                for eni in app.model.endpoint_enis(e_i) {
                    if eni.subnet == sub_i {
                        // The service names the ENI better than the endpoint id in a narrow
                        // box; the endpoints panel lists ids.
                        let key = eni_key(&e.id, eni.ip, &sub.id);
                        col.push(focused(
                            boxed(
                                format!("{}◆ {} {}", pre(&key), e.service, eni.ip),
                                hl(&key, base),
                                None,
                            ),
                            focus(&key),
                        ));
                    }
                }
            }
            for n in &s.nat_gateways {
                if n.subnet.as_deref() == Some(sub.id.as_str()) {
                    col.push(focused(
                        boxed(
                            format!("{}⇄ {} NAT {:?}", pre(&n.id), n.id, n.connectivity)
                                .to_lowercase(),
                            hl(&n.id, base),
                            None,
                        ),
                        focus(&n.id),
                    ));
                }
            }
            for g in &s.gwlb_endpoints {
                if g.subnet == sub.id {
                    let state = if g.appliances_up {
                        ""
                    } else {
                        &format!(" ✖ {}", t(lang, "ui-appliances-down"))
                    };
                    col.push(focused(
                        boxed(
                            format!("{}⛨ {}{state}", pre(&g.id), g.id),
                            hl(&g.id, base),
                            None,
                        ),
                        focus(&g.id),
                    ));
                }
            }
            for e in &s.network_interfaces {
                if e.subnet == sub.id {
                    col.push(focused(
                        boxed(format!("{}▤ {}", pre(&e.id), e.id), hl(&e.id, base), None),
                        focus(&e.id),
                    ));
                }
            }
            col.push(Row {
                line: Line::from(Span::styled(
                    format!("└{}┘", "─".repeat(col_width.saturating_sub(2))),
                    border,
                )),
                click: None,
                focus: 0,
            });
        }
        columns.push(col);
    }

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
    Drawing {
        top,
        columns,
        bottom,
    }
}

fn on_off(b: bool) -> &'static str {
    if b { "ui-on" } else { "ui-off" }
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
    put_lines(
        &lines.iter().map(|(l, _, _)| l.clone()).collect::<Vec<_>>(),
        scroll,
        inner,
        buf,
    );
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
/// following, where the selected source and the lesson step's changes are in view.
fn composed(app: &App, theme: &Theme, inner: Rect) -> (Composed, usize) {
    let (n, col_width) = columns_geometry(app, inner);
    let rows = if app.topo_follow {
        usize::MAX
    } else {
        app.scroll[0] as usize + inner.height as usize + 1
    };
    let d = draw(app, theme, inner.width as usize, col_width as usize, rows);
    let lines = compose(&d, n, col_width);
    let height = inner.height as usize;
    let scroll = if app.topo_follow {
        follow(
            &lines.iter().map(|(_, _, f)| *f).collect::<Vec<_>>(),
            height,
        )
    } else {
        clamp_scroll(app.scroll[0], lines.len(), inner.height)
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

/// The drawing as one list of lines (columns side by side), each with its clickable cells.
fn compose(d: &Drawing, n: usize, col_width: u16) -> Composed {
    let mut out: Composed = Vec::new();
    for l in &d.top {
        out.push((l.clone(), Vec::new(), 0));
    }
    let rows = d.columns.iter().map(|c| c.len()).max().unwrap_or(0);
    for r in 0..rows {
        let mut spans = Vec::new();
        let mut clicks = Vec::new();
        let mut focus = 0;
        for (c, col) in d.columns.iter().enumerate().take(n) {
            let x = c as u16 * (col_width + 1);
            match col.get(r) {
                Some(row) => {
                    focus = focus.max(row.focus);
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
        out.push((Line::from(spans), clicks, focus));
    }
    for row in &d.bottom {
        out.push((row.line.clone(), Vec::new(), row.focus));
    }
    out
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
    for (row, (line, clicks, _)) in lines
        .iter()
        .skip(scroll)
        .take(inner.height as usize)
        .enumerate()
    {
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
