//! One column of the topology per AZ shown: its subnet boxes, row by row, each row with what
//! a click on it selects. A quota-sized model's columns have thousands of rows of which a
//! screen shows forty: rows outside the window are counted, not made.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::{App, MAX_INSTANCES_PER_SUBNET, Msg, SourceKind, TopologySummary};
use crate::i18n::t;
use crate::model::{Association, Scenario, Target};

use super::super::text::{fit, truncate, width};
use super::super::theme::{ON_PATH, Theme};
use super::draw::Marks;
use super::on_path;

/// A line of a column, and what clicking it selects.
#[derive(Default)]
pub(super) struct Row {
    pub(super) line: Line<'static>,
    pub(super) click: Option<Msg>,
    /// What the view follows: 2 the selected source, 1 what the lesson step changed.
    pub(super) focus: u8,
}

/// A column of subnet boxes: every row's focus, and the rows of the window made (those on
/// screen). A quota-sized model's columns have thousands of rows, of which a screen shows
/// forty: a row outside the window costs its focus byte, not an empty line.
#[derive(Default)]
pub(super) struct Column {
    /// Every row's focus (see [`Row`]); its length is the column's.
    pub(super) focus: Vec<u8>,
    /// The first row of `made`.
    first: usize,
    made: Vec<Row>,
}

impl Column {
    pub(super) fn len(&self) -> usize {
        self.focus.len()
    }

    /// Row `r`, when it was made (inside the window).
    pub(super) fn made(&self, r: usize) -> Option<&Row> {
        self.made.get(r.checked_sub(self.first)?)
    }
}

fn subnet_is_public(app: &App, subnet: usize) -> bool {
    let (t, _) = app.model.subnet_route_table(subnet);
    app.model
        .compiled_table(t)
        .routes
        .iter()
        .any(|r| matches!(r.target, Target::InternetGateway(_)))
}

/// Adds a row whose line (and click) `make` makes only when the row is in `window`: a
/// quota-sized model's columns have thousands of rows, of which a screen shows forty.
fn put(col: &mut Column, window: &Range<usize>, focus: u8, make: impl FnOnce() -> Row) {
    if window.contains(&col.len()) {
        if col.made.is_empty() {
            col.first = col.len();
        }
        let mut row = make();
        row.focus = focus;
        col.made.push(row);
    }
    col.focus.push(focus);
}

/// What a frame's two passes over the topology both read, worked out once per frame: the
/// app's per-model summary (per subnet its instances and interface endpoint ENIs, per AZ its
/// subnets), per subnet its NAT gateways, GWLB endpoints and appliance interfaces, and the ids
/// on the selected path.
pub(super) struct Index {
    pub(super) path: HashSet<String>,
    pub(super) summary: Arc<TopologySummary>,
    /// Per subnet, its NAT gateways, GWLB endpoints and appliance interfaces (by index).
    pub(super) in_subnet: Vec<[Vec<usize>; 3]>,
    /// Per subnet, whether the path passes through it.
    pub(super) marked: Vec<bool>,
}

impl Index {
    /// Each list once: a scan of each list per subnet compared thousands of ids a frame at 4x
    /// the quota model, and a quota-sized model has 10,000 instances (counted once per model,
    /// in the app's summary, not per frame).
    pub(super) fn new(app: &App) -> Index {
        let s = app.model.scenario();
        let path = on_path(app);
        let mut in_subnet: Vec<[Vec<usize>; 3]> = vec![Default::default(); s.subnets.len()];
        let at = |id: Option<&str>| id.and_then(|x| app.model.subnet_index(x));
        for (i, n) in s.nat_gateways.iter().enumerate() {
            if let Some(list) = at(n.subnet.as_deref()).and_then(|si| in_subnet.get_mut(si)) {
                list[0].push(i);
            }
        }
        for (i, g) in s.gwlb_endpoints.iter().enumerate() {
            if let Some(list) = at(Some(&g.subnet)).and_then(|si| in_subnet.get_mut(si)) {
                list[1].push(i);
            }
        }
        for (i, e) in s.network_interfaces.iter().enumerate() {
            if let Some(list) = at(Some(&e.subnet)).and_then(|si| in_subnet.get_mut(si)) {
                list[2].push(i);
            }
        }
        let mut marked = vec![false; s.subnets.len()];
        for id in path.iter() {
            if let Some(m) = app.model.subnet_index(id).and_then(|si| marked.get_mut(si)) {
                *m = true;
            }
        }
        Index {
            path,
            summary: app.topology_summary(),
            in_subnet,
            marked,
        }
    }
}

/// What every column of one drawing shares.
pub(super) struct Columns<'a> {
    pub(super) app: &'a App,
    pub(super) ix: &'a Index,
    pub(super) theme: &'a Theme,
    pub(super) marks: &'a Marks<'a>,
    /// A column's width (a box's inside is four cells less).
    pub(super) col_width: usize,
    /// How many column rows can be on screen (scroll + height): a column stops growing past it.
    pub(super) rows: usize,
    /// The column rows whose lines are made (those on screen).
    pub(super) window: &'a Range<usize>,
}

impl Columns<'_> {
    fn inner(&self) -> usize {
        self.col_width.saturating_sub(4)
    }

    /// AZ `az_i`'s column: its name, FAILED when it is, and its subnets' boxes.
    pub(super) fn column(&self, az_i: usize, down: bool) -> Column {
        let Columns {
            app,
            ix,
            theme,
            marks,
            col_width,
            rows,
            window,
        } = *self;
        let (s, lang) = (app.model.scenario(), app.lang);
        let selected = app.selected_source().map(|x| &x.kind);
        let TopologySummary {
            instances: by_subnet,
            subnets_in,
            ..
        } = &*ix.summary;
        let here = subnets_in.get(az_i).map_or(&[][..], |v| &v[..]);
        // A box is about a dozen rows: sized once rather than grown row by row.
        let mut col = Column {
            focus: Vec::with_capacity((here.len() * 12 + 2).min(rows.saturating_add(2))),
            ..Column::default()
        };
        let az_focus = s
            .availability_zones
            .get(az_i)
            .map_or(0, |a| marks.focus(&a.name));
        put(&mut col, window, az_focus, || {
            let label = format!("{} {}", az_i + 1, app.model.az_label(az_i));
            Row {
                line: Line::from(Span::styled(
                    fit(&label, col_width),
                    if down { theme.failed() } else { theme.title() },
                )),
                ..Row::default()
            }
        });
        if down {
            put(&mut col, window, 0, || Row {
                line: Line::from(Span::styled(
                    fit(&format!("✖ {}", t(lang, "ui-az-failed-2")), col_width),
                    theme.bad(),
                )),
                ..Row::default()
            });
        }
        // The subnets of the AZ as the model indexed them (by position: no lookup by id).
        for &sub_i in here {
            if col.len() > rows {
                break;
            }
            // A box off screen whose rows all have focus 0 is only its number of rows: most of
            // a quota-sized model's 800 boxes, in both of a frame's passes.
            if marks.changed.is_empty() {
                let (count, first) = by_subnet.get(sub_i).copied().unwrap_or_default();
                let listed = &first[..count.min(MAX_INSTANCES_PER_SUBNET)];
                let holds_selected = match selected {
                    Some(SourceKind::Subnet(x)) => *x == sub_i,
                    Some(SourceKind::Instance(x)) => listed.contains(x),
                    None => false,
                };
                if !holds_selected {
                    let n = box_rows(app, ix, sub_i, count, listed);
                    let start = col.len();
                    if window.end <= start || start + n <= window.start {
                        col.focus.resize(start + n, 0);
                        continue;
                    }
                }
            }
            self.subnet_box(&mut col, s, sub_i, down);
        }
        col
    }

    /// Subnet `sub_i`'s box: its head, addresses, route table, instances, endpoint ENIs, NAT
    /// gateways, GWLB endpoints, appliance interfaces and its bottom.
    fn subnet_box(&self, col: &mut Column, s: &Scenario, sub_i: usize, down: bool) {
        let Columns {
            app,
            ix,
            theme,
            marks,
            col_width,
            window,
            ..
        } = *self;
        let (lang, inner) = (app.lang, self.inner());
        let selected = app.selected_source().map(|x| &x.kind);
        let base = if down { theme.failed() } else { theme.plain() };
        let (pre, hl, focus) = (
            |id: &str| marks.pre(id),
            |id: &str, base: Style| marks.hl(id, base),
            |id: &str| marks.focus(id),
        );
        let TopologySummary {
            instances: by_subnet,
            enis: enis_by_subnet,
            ..
        } = &*ix.summary;
        let sub = &s.subnets[sub_i];
        let border = if ix.marked[sub_i] {
            theme.on_path()
        } else if down {
            theme.failed()
        } else {
            theme.dim()
        };
        let head_focus = if selected == Some(&SourceKind::Subnet(sub_i)) {
            2
        } else {
            focus(&sub.id)
        };
        put(col, window, head_focus, || {
            let name = sub.name.as_deref().unwrap_or(&sub.id);
            let head = truncate(&format!("{}{name}", pre(&sub.id).trim_start()), inner + 1);
            let dash = col_width.saturating_sub(2 + width(&head));
            Row {
                line: Line::from(vec![
                    Span::styled("┌", border),
                    Span::styled(head, hl(&sub.id, theme.title())),
                    Span::styled(format!("{}┐", "─".repeat(dash)), border),
                ]),
                click: app
                    .source_index(&SourceKind::Subnet(sub_i))
                    .map(Msg::SelectSource),
                focus: 0,
            }
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
        put(col, window, 0, || {
            // An IPv6-only subnet without an IPv4 block says so; its IPv6 block follows.
            let v4 = match sub.cidr {
                Some(c) => c.to_string(),
                None => t(lang, "ui-no-ipv4").to_string(),
            };
            // The kind in full where it fits beside the block ("プライベート" is 12 cells),
            // else its short form.
            let (long, short) = if subnet_is_public(app, sub_i) {
                ("ui-public", "ui-pub")
            } else {
                ("ui-private", "ui-priv")
            };
            let long = t(lang, long);
            let kind = if width(&v4) + 1 + width(long) <= inner {
                long
            } else {
                t(lang, short)
            };
            boxed(format!("{v4} {kind}"), base, None)
        });
        // The subnet's IPv6 block on its own line (a /64 does not fit beside the IPv4 one).
        if let Some(block) = sub.ipv6_cidr {
            put(col, window, 0, || {
                let only = if sub.ipv6_only {
                    t(lang, "ui-ipv6-only")
                } else {
                    ""
                };
                boxed(format!("{block} {only}"), base, None)
            });
        }
        let (table_i, assoc) = app.model.subnet_route_table(sub_i);
        if let Some(table) = s.route_tables.get(table_i) {
            put(col, window, focus(&table.id), || {
                let how = match assoc {
                    Association::Explicit => "",
                    Association::ImplicitMain => t(lang, "ui-main-2"),
                };
                boxed(
                    format!(
                        "{}rt {}{}{how}",
                        pre(&table.id),
                        table.id,
                        if how.is_empty() { "" } else { " " }
                    ),
                    hl(&table.id, base),
                    None,
                )
            });
        }
        let (count, first) = by_subnet.get(sub_i).copied().unwrap_or_default();
        for (n, &i) in first.iter().take(count).enumerate() {
            if n == MAX_INSTANCES_PER_SUBNET {
                put(col, window, 0, || {
                    let more = crate::explain::args().n("more", count - n);
                    let text = crate::explain::msg(lang, "topology-more-instances", more);
                    boxed(format!("  … {text}"), theme.dim(), None)
                });
                break;
            }
            let Some(inst) = s.instances.get(i) else {
                continue;
            };
            let selected = selected == Some(&SourceKind::Instance(i));
            let f = if selected { 2 } else { focus(&inst.id) };
            put(col, window, f, || {
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
                let mark = if selected { ON_PATH } else { " " };
                boxed(
                    format!("{mark} ▣ {name}{ip}"),
                    style,
                    app.source_index(&SourceKind::Instance(i))
                        .map(Msg::SelectSource),
                )
            });
        }
        for &(e_i, k) in enis_by_subnet.get(sub_i).map_or(&[][..], |v| &v[..]) {
            let (e, eni) = (
                &s.interface_endpoints[e_i],
                &app.model.endpoint_enis(e_i)[k],
            );
            // The service names the ENI better than the endpoint id in a narrow box; the
            // endpoints panel lists ids.
            let f = match marks.changed.is_empty() {
                true => 0,
                false => focus(&marks.eni_key(&e.id, eni.ip, &sub.id)),
            };
            put(col, window, f, || {
                let key = marks.eni_key(&e.id, eni.ip, &sub.id);
                boxed(
                    format!("{}◆ {} {}", pre(&key), e.service, eni.shown_address()),
                    hl(&key, base),
                    None,
                )
            });
        }
        let [nats, gwlbs, enis] = &ix.in_subnet[sub_i];
        for n in nats.iter().map(|&i| &s.nat_gateways[i]) {
            put(col, window, focus(&n.id), || {
                boxed(
                    format!("{}⇄ {} NAT {:?}", pre(&n.id), n.id, n.connectivity).to_lowercase(),
                    hl(&n.id, base),
                    None,
                )
            });
        }
        for g in gwlbs.iter().map(|&i| &s.gwlb_endpoints[i]) {
            put(col, window, focus(&g.id), || {
                let state = if g.appliances_up {
                    String::new()
                } else {
                    format!(" ✖ {}", t(lang, "ui-appliances-down"))
                };
                boxed(
                    format!("{}⛨ {}{state}", pre(&g.id), g.id),
                    hl(&g.id, base),
                    None,
                )
            });
        }
        for e in enis.iter().map(|&i| &s.network_interfaces[i]) {
            put(col, window, focus(&e.id), || {
                boxed(format!("{}▤ {}", pre(&e.id), e.id), hl(&e.id, base), None)
            });
        }
        put(col, window, 0, || Row {
            line: Line::from(Span::styled(
                format!("└{}┘", "─".repeat(col_width.saturating_sub(2))),
                border,
            )),
            ..Row::default()
        });
    }
}

/// How many rows subnet `sub_i`'s box takes, as [`draw`] makes them (its head, addresses,
/// route table, listed instances and "… more", endpoint ENIs, NAT gateways, GWLB endpoints,
/// appliance interfaces and its bottom), without making them. `count` and `listed`: its number
/// of instances and those a box lists (the app's summary).
fn box_rows(app: &App, ix: &Index, sub_i: usize, count: usize, listed: &[usize]) -> usize {
    let s = app.model.scenario();
    let sub = &s.subnets[sub_i];
    let instances = listed
        .iter()
        .filter(|&&i| s.instances.get(i).is_some())
        .count()
        + usize::from(count > MAX_INSTANCES_PER_SUBNET);
    let (table_i, _) = app.model.subnet_route_table(sub_i);
    let enis = ix.summary.enis.get(sub_i).map_or(0, |v| v.len());
    let [nats, gwlbs, appliances] = &ix.in_subnet[sub_i];
    2 + usize::from(sub.ipv6_cidr.is_some())
        + usize::from(s.route_tables.get(table_i).is_some())
        + instances
        + enis
        + nats.len()
        + gwlbs.len()
        + appliances.len()
        + 1
}
