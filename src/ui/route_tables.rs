//! The route tables panel: every table with its associations and routes, derived ones marked.
//! The tables the selected path used come first; in them, the routes that matched are marked
//! and the winner carries the rule that chose it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::eval::HopKind;
use crate::i18n::{t, tf};
use crate::model::{Association, RouteOrigin};

use super::text::{fit, width};
use super::theme::{ON_PATH, Theme};
use super::{clamp_scroll, draw_panel, put_lines};

/// For one table on the path: (destination as written, chosen, rule) of every matching route.
fn matches_in(app: &App, table: &str) -> Vec<(String, bool, crate::eval::RouteRule)> {
    let mut out = Vec::new();
    for h in app.shown_hops() {
        if h.kind == HopKind::RouteTable && h.id == table {
            for d in h.decisions() {
                for m in d.matches.iter() {
                    out.push((m.destination.to_string(), m.chosen, d.rule));
                }
            }
        }
    }
    out
}

/// The tables whose routes the selected path matched (what makes [`matches_in`] not empty),
/// found in one pass over the path rather than once per table (800 at 4x the quota model).
fn matched_tables(app: &App) -> Vec<&str> {
    let mut out = Vec::new();
    for h in app.shown_hops() {
        if h.kind == HopKind::RouteTable && h.decisions().iter().any(|d| !d.matches.is_empty()) {
            out.push(h.id.as_str());
        }
    }
    out
}

/// The order tables are listed in: the ones on the path first, then (in a lesson) the step's
/// table (`App::lesson_table`: the one the step names, else its source subnet's) and the ones
/// the step changed, the rest in file order. While the verdict is hidden no table is on the
/// path, so a lesson step opens on its own table.
fn order(app: &App) -> Vec<(usize, bool)> {
    let s = app.model.scenario();
    let focus = app.lesson_table();
    let changed = |i: usize| {
        app.lesson.is_some() && {
            let (a, r) = step_route_changes(app, &s.route_tables[i].id);
            !a.is_empty() || !r.is_empty()
        }
    };
    let matched = matched_tables(app);
    let mut on: Vec<(usize, bool, bool)> = (0..s.route_tables.len())
        .map(|i| {
            (
                i,
                matched.contains(&s.route_tables[i].id.as_str()),
                focus == Some(i) || changed(i),
            )
        })
        .collect();
    on.sort_by_key(|&(i, used, changed)| (!used, focus != Some(i), !changed));
    on.into_iter().map(|(i, used, _)| (i, used)).collect()
}

/// The subnets a main table reaches without an explicit association (ids, in file order).
fn implicit_subnets<'a>(app: &'a App, table: &crate::model::RouteTable) -> Vec<&'a str> {
    if !table.main {
        return Vec::new();
    }
    main_implicit(app)
}

/// The subnets without an explicit association: those [`implicit_subnets`] gives a main table.
fn main_implicit(app: &App) -> Vec<&str> {
    let s = app.model.scenario();
    s.subnets
        .iter()
        .enumerate()
        .filter(|&(sub_i, sub)| {
            app.model.subnet_index(&sub.id).is_some()
                && app.model.subnet_route_table(sub_i).1 == Association::ImplicitMain
        })
        .map(|(_, sub)| sub.id.as_str())
        .collect()
}

fn associations(app: &App, table: &crate::model::RouteTable) -> String {
    associations_with(app, table, &implicit_subnets(app, table))
}

/// [`associations`], given the subnets the table reaches implicitly ([`implicit_subnets`]):
/// grouped by kind, each group's ids listed once with its kind after them (a main table with
/// hundreds of implicit subnets says "main, implicit" once, not after every subnet).
fn associations_with(app: &App, table: &crate::model::RouteTable, implicit: &[&str]) -> String {
    let lang = app.lang;
    let groups: [(&str, Vec<&str>); 3] = [
        // Explicit associations as written; the main table also reaches every subnet without one.
        (
            "ui-explicit",
            table.subnets.iter().map(String::as_str).collect(),
        ),
        ("ui-main-implicit", implicit.to_vec()),
        (
            "ui-edge",
            table.gateways.iter().map(String::as_str).collect(),
        ),
    ];
    let parts: Vec<String> = groups
        .iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(kind, ids)| tf(lang, kind, &[&crate::explain::join(lang, ids)]))
        .collect();
    if parts.is_empty() {
        t(lang, "ui-no-subnets").to_string()
    } else {
        parts.join(t(lang, "ui-assoc-group-sep"))
    }
}

/// The byte lengths of what [`associations`] is made of, in the UI's language, measured once
/// per frame: each kind of association's text without its id, and how many times it names
/// the id (the text of an id is that plus the id's length that many times); the separator;
/// and the text for no association.
struct AssocSizes<'a> {
    /// Explicit, implicit (main), edge: (bytes without the ids, times the ids are named).
    kinds: [(usize, usize); 3],
    /// Between two ids of a group, and between two groups.
    list_sep: usize,
    group_sep: usize,
    none: usize,
    /// The subnets a main table reaches implicitly ([`main_implicit`]), listed once per frame.
    implicit: Vec<&'a str>,
}

impl<'a> AssocSizes<'a> {
    fn new(app: &'a App) -> AssocSizes<'a> {
        let lang = app.lang;
        let kind = |id: &'static str| {
            let bare = tf(lang, id, &[""]).len();
            // A one-byte list: the growth is how many times the message names it.
            (bare, tf(lang, id, &["x"]).len() - bare)
        };
        AssocSizes {
            kinds: [
                kind("ui-explicit"),
                kind("ui-main-implicit"),
                kind("ui-edge"),
            ],
            list_sep: crate::explain::join(lang, ["", ""]).len(),
            group_sep: t(lang, "ui-assoc-group-sep").len(),
            none: t(lang, "ui-no-subnets").len(),
            implicit: main_implicit(app),
        }
    }

    /// The subnets `table` reaches implicitly: [`implicit_subnets`], from the list made once.
    fn implicit_of(&self, table: &crate::model::RouteTable) -> &[&'a str] {
        if table.main { &self.implicit } else { &[] }
    }

    /// The byte length of `associations(app, table)`, without making it: the route tables
    /// panel measures every table every frame (800 at 4x the quota model) and most fit on
    /// their line.
    fn len(&self, table: &crate::model::RouteTable) -> usize {
        let mut groups = 0;
        let mut total = 0;
        let mut add = |(bare, times): (usize, usize), ids: &mut dyn Iterator<Item = &str>| {
            let (mut n, mut list) = (0, 0);
            for id in ids {
                n += 1;
                list += id.len();
            }
            if n > 0 {
                groups += 1;
                total += bare + times * (list + (n - 1) * self.list_sep);
            }
        };
        add(self.kinds[0], &mut table.subnets.iter().map(String::as_str));
        add(self.kinds[1], &mut self.implicit_of(table).iter().copied());
        add(
            self.kinds[2],
            &mut table.gateways.iter().map(String::as_str),
        );
        match groups {
            0 => self.none,
            n => total + (n - 1) * self.group_sep,
        }
    }
}

/// In a lesson: the routes of `table` the current step added, and the ones it removed, as
/// (destination, target) text.
type RouteKey = (String, String);
fn step_route_changes(app: &App, table: &str) -> (Vec<RouteKey>, Vec<RouteKey>) {
    let Some(before) = app.step_before() else {
        return (Vec::new(), Vec::new());
    };
    let keys = |m: &crate::model::Model| -> Vec<RouteKey> {
        m.table_index(table)
            .map(|ti| {
                m.compiled_table(ti)
                    .routes
                    .iter()
                    .map(|r| (r.destination.to_string(), r.target.to_string()))
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old, new) = (keys(before), keys(&app.model));
    if old == new {
        return (Vec::new(), Vec::new());
    }
    let added = new.iter().filter(|k| !old.contains(k)).cloned().collect();
    let removed = old.iter().filter(|k| !new.contains(k)).cloned().collect();
    (added, removed)
}

/// The widest route destination of a table as text, at most 18 cells (one buffer, no string
/// per route: a quota-sized table has 1,000 routes).
fn destination_width(routes: &[crate::model::CompiledRoute]) -> usize {
    use std::fmt::Write;
    let mut text = String::new();
    let mut widest = 0;
    for r in routes {
        text.clear();
        let _ = write!(text, "{}", r.destination);
        widest = widest.max(width(&text));
        if widest >= 18 {
            break;
        }
    }
    widest.min(18)
}

/// One table's lines, those of `range` (line indexes within the table) only: a table's
/// 1,000 routes are not made to show forty.
fn table_lines(
    app: &App,
    theme: &Theme,
    w: usize,
    (i, used): (usize, bool),
    range: std::ops::Range<usize>,
) -> Vec<Line<'static>> {
    let s = app.model.scenario();
    let table = &s.route_tables[i];
    let matches = matches_in(app, &table.id);
    let mut out = Vec::new();
    let mut head = vec![
        Span::styled(
            if used {
                format!("{ON_PATH} ")
            } else {
                "  ".into()
            },
            theme.on_path(),
        ),
        Span::styled(
            table.id.clone(),
            if used { theme.on_path() } else { theme.title() },
        ),
    ];
    if let Some(n) = &table.name {
        head.push(Span::styled(format!(" ({n})"), theme.dim()));
    }
    if table.main {
        head.push(Span::styled(
            format!(" · {}", t(app.lang, "ui-main")),
            theme.warn(),
        ));
    }
    if used {
        head.push(Span::styled(
            format!(" · {}", t(app.lang, "ui-on-path")),
            theme.on_path(),
        ));
    }
    out.push(Line::from(head));
    out.extend(super::text::wrap(
        &associations(app, table),
        w,
        &assoc_label(app),
        "      ",
        theme.dim(),
        theme.plain(),
    ));
    let Some(ti) = app.model.table_index(&table.id) else {
        return out
            .into_iter()
            .skip(range.start)
            .take(range.len())
            .collect();
    };
    let compiled = app.model.compiled_table(ti);
    let (added, removed) = step_route_changes(app, &table.id);
    let v6 = ipv6_routes(app, table);
    // An IPv6 block (`2600:1f18:1234:5600::/56`) is wider than any IPv4 CIDR.
    let dest_w = destination_width(&compiled.routes).max(
        v6.iter()
            .map(|(d, _, _)| width(&d.to_string()).min(26))
            .max()
            .unwrap_or(0),
    );
    // The routes' lines follow the head and associations: only those in `range` are made.
    let first = out.len();
    let shown = range.start.saturating_sub(first)..range.end.saturating_sub(first);
    let mut out: Vec<Line<'static>> = out
        .into_iter()
        .skip(range.start)
        .take(range.len())
        .collect();
    let routes = compiled
        .routes
        .get(shown.start.min(compiled.routes.len())..);
    let routes = routes.unwrap_or_default();
    let routes = &routes[..routes.len().min(shown.len())];
    for r in routes {
        let dest = r.destination.to_string();
        let m = matches.iter().find(|(d, _, _)| *d == dest);
        let origin = match r.origin {
            RouteOrigin::Local => t(app.lang, "ui-local-derived"),
            RouteOrigin::Static => "",
            RouteOrigin::PrefixList => t(app.lang, "ui-prefix-list"),
            RouteOrigin::GatewayEndpoint => t(app.lang, "ui-gateway-endpoint-derived"),
        };
        let (mark, style, verdict) = match m {
            Some((_, true, rule)) => (
                "✔",
                theme.on_path(),
                format!(
                    "  {}",
                    tf(
                        app.lang,
                        "ui-won-2",
                        &[&crate::explain::route_rule_label(app.lang, *rule)]
                    )
                ),
            ),
            Some((_, false, _)) => (
                "·",
                theme.plain(),
                format!("  {}", t(app.lang, "ui-matched-lost")),
            ),
            None => (" ", theme.plain(), String::new()),
        };
        let target = r.target.to_string();
        let new = added.iter().any(|(d, t)| *d == dest && *t == target);
        let (mark, style) = match (new, mark) {
            (true, " ") => ("✚", theme.warn()),
            _ => (mark, style),
        };
        out.push(Line::from(vec![
            Span::styled(format!("    {mark} "), style),
            Span::styled(fit(&dest, dest_w), style),
            Span::styled(format!(" → {}", r.target), style),
            Span::styled(verdict, style),
            Span::styled(
                if origin.is_empty() {
                    String::new()
                } else {
                    format!("  {origin}")
                },
                theme.dim(),
            ),
            Span::styled(
                if new {
                    format!("  ✚ {}", t(app.lang, "ui-added-by-this-step"))
                } else {
                    String::new()
                },
                theme.warn(),
            ),
        ]));
    }
    // IPv6: the derived local routes of the VPC's IPv6 blocks, then the table's own, each marked
    // as the selected path's IPv6 route decision has it.
    let decided = ipv6_decision(app, &table.id);
    let v6_start = first + compiled.routes.len();
    let v6_len = v6.len();
    for (k, (dest, target, local)) in v6.into_iter().enumerate() {
        if !range.contains(&(v6_start + k)) {
            continue;
        }
        let (mark, style) = match &decided {
            Some((won, _)) if won.destination == dest && won.target == target.as_str() => {
                ("✔", theme.on_path())
            }
            Some((_, matched))
                if matched
                    .iter()
                    .any(|m| m.destination == dest && m.target == target.as_str()) =>
            {
                ("·", theme.plain())
            }
            _ => (" ", theme.plain()),
        };
        out.push(Line::from(vec![
            Span::styled(format!("    {mark} "), style),
            Span::styled(fit(&dest.to_string(), dest_w), style),
            Span::styled(format!(" → {target}"), style),
            Span::styled(
                if local {
                    format!("  {}", t(app.lang, "ui-local-derived"))
                } else {
                    String::new()
                },
                theme.dim(),
            ),
        ]));
    }
    // What the step took out of the table, struck through where it was.
    let after = v6_start + v6_len;
    let removed = removed
        .into_iter()
        .skip(range.start.saturating_sub(after))
        .take(range.end.saturating_sub(after.max(range.start)));
    for (dest, target) in removed {
        out.push(Line::from(vec![
            Span::styled("    − ".to_string(), theme.bad()),
            Span::styled(format!("{} → {target}", fit(&dest, dest_w)), theme.failed()),
            Span::styled(
                format!("  {}", t(app.lang, "ui-removed-by-this-step")),
                theme.bad(),
            ),
        ]));
    }
    out
}

/// How many lines a table takes, without building them: a quota-sized model has 200,000
/// routes, and only the ones on screen are drawn.
/// `label`: the associations line's label (`assoc_label`), made once for every table.
/// `sizes`: the associations' parts measured once for every table.
fn table_height(app: &App, w: usize, i: usize, label: &str, sizes: &AssocSizes) -> usize {
    let table = &app.model.scenario().route_tables[i];
    // A text no longer in bytes than the line has cells fits on it (as `wrap_count` knows):
    // then it is not made.
    let assoc = if label.len() + sizes.len(table) <= w {
        1
    } else {
        let text = associations_with(app, table, sizes.implicit_of(table));
        super::text::wrap_count(&text, w, label, "      ")
    };
    // Table `i` is compiled at `i` (ids are unique in a valid model): no look-up by id for
    // each of 800 tables a frame.
    debug_assert_eq!(app.model.table_index(&table.id), Some(i));
    let routes = app.model.compiled_table(i).routes.len();
    let removed = if app.lesson.is_some() {
        step_route_changes(app, &table.id).1.len()
    } else {
        0
    };
    // As many as `ipv6_routes` lists, without formatting them.
    let ipv6 = app.model.scenario().ipv6_routes_of(table).count();
    1 + assoc + routes + removed + ipv6
}

/// The label of a table's associations line.
fn assoc_label(app: &App) -> String {
    format!("    {}: ", t(app.lang, "ui-associations"))
}

/// A table's IPv6 routes as the panel lists them: (destination, target, derived local route).
fn ipv6_routes(app: &App, table: &crate::model::RouteTable) -> Vec<(ipnet::Ipv6Net, String, bool)> {
    app.model
        .scenario()
        .ipv6_routes_of(table)
        .map(|(net, target, derived)| (net, target.to_string(), derived))
        .collect()
}

/// The selected path's IPv6 route decision in `table`: the winner and every route that matched.
fn ipv6_decision(
    app: &App,
    table: &str,
) -> Option<(crate::eval::Ipv6RouteRef, Vec<crate::eval::Ipv6RouteRef>)> {
    let trace = app.trace.as_ref().ok()?;
    trace.hops.iter().find_map(|h| match &h.fact {
        crate::eval::Fact::Ipv6(f) if h.id == table => match &**f {
            crate::eval::V6Fact::Route { route, matched, .. } => {
                Some((route.clone(), matched.clone()))
            }
            _ => None,
        },
        _ => None,
    })
}

/// The lines from `scroll` on, at most `rows` of them, and the total number of lines.
pub fn window(
    app: &App,
    theme: &Theme,
    w: usize,
    scroll: u16,
    rows: u16,
) -> (Vec<Line<'static>>, usize) {
    let order = order(app);
    let label = assoc_label(app);
    let sizes = AssocSizes::new(app);
    let heights: Vec<usize> = order
        .iter()
        .map(|&(i, _)| table_height(app, w, i, &label, &sizes))
        .collect();
    let total: usize = heights.iter().sum();
    let first = clamp_scroll(scroll, total, rows);
    let mut out = Vec::new();
    let mut at = 0;
    for (&(i, used), h) in order.iter().zip(&heights) {
        if at + h > first && out.len() < rows as usize {
            let skip = first.saturating_sub(at);
            let take = rows as usize - out.len();
            out.extend(table_lines(app, theme, w, (i, used), skip..skip + take));
        }
        at += h;
        if out.len() >= rows as usize {
            break;
        }
    }
    out.truncate(rows as usize);
    (out, total)
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let Some(inner) = draw_panel(
        theme,
        t(app.lang, "ui-route-tables-won-matched").into(),
        focused,
        area,
        buf,
    ) else {
        return;
    };
    let (lines, total) = window(
        app,
        theme,
        inner.width as usize,
        app.scroll[1],
        inner.height,
    );
    put_lines(&lines, 0, inner, buf);
    super::scroll_marker(
        app.lang,
        theme,
        "PgUp PgDn",
        clamp_scroll(app.scroll[1], total, inner.height),
        inner.height as usize,
        total,
        area,
        buf,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::App;
    use crate::model::load_file;

    /// Every table's lines, all made.
    fn all_lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
        order(app)
            .into_iter()
            .flat_map(|o| table_lines(app, theme, w, o, 0..usize::MAX))
            .collect()
    }

    #[test]
    fn the_lines_on_screen_are_those_of_the_whole_list_at_every_scroll() {
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
            for w in [30, 60] {
                let all = all_lines(&app, &theme, w);
                for rows in [1u16, 5, 17] {
                    for scroll in 0..all.len() as u16 + 2 {
                        let (lines, total) = window(&app, &theme, w, scroll, rows);
                        assert_eq!(total, all.len(), "{file} {w}");
                        let first = clamp_scroll(scroll, total, rows);
                        let want: Vec<_> = all.iter().skip(first).take(rows as usize).collect();
                        assert_eq!(lines.iter().collect::<Vec<_>>(), want, "{file} {scroll}");
                    }
                }
            }
        }
    }

    /// The associations' length worked out from their parts is the text's, in every language,
    /// for every table of every scenario (explicit, implicit and edge associations, and none),
    /// and a table's height with it is the one counted from the text at any width.
    #[test]
    fn the_associations_length_is_the_texts_and_the_height_is_counted_alike() {
        let mut kinds = [false; 4];
        for (file, model) in crate::model::shipped_scenarios() {
            let mut app = App::new(model, None, "scenario".into());
            for lang in crate::i18n::Lang::ALL {
                app.set_lang(lang);
                let sizes = AssocSizes::new(&app);
                let label = assoc_label(&app);
                let s = app.model.scenario();
                for (i, table) in s.route_tables.iter().enumerate() {
                    let text = associations(&app, table);
                    assert_eq!(sizes.len(table), text.len(), "{file:?} {}", table.id);
                    assert_eq!(sizes.implicit_of(table), implicit_subnets(&app, table));
                    kinds[0] |= !table.subnets.is_empty();
                    kinds[1] |= !implicit_subnets(&app, table).is_empty();
                    kinds[2] |= !table.gateways.is_empty();
                    kinds[3] |= text == t(lang, "ui-no-subnets");
                    for w in [8, 20, 30, 45, 60, 120] {
                        let counted = super::super::text::wrap_count(&text, w, &label, "      ");
                        let routes = app
                            .model
                            .table_index(&table.id)
                            .map(|ti| app.model.compiled_table(ti).routes.len())
                            .unwrap_or(0);
                        let ipv6 = s.ipv6_routes_of(table).count();
                        let removed = if app.lesson.is_some() {
                            step_route_changes(&app, &table.id).1.len()
                        } else {
                            0
                        };
                        assert_eq!(
                            table_height(&app, w, i, &label, &sizes),
                            1 + counted + routes + removed + ipv6,
                            "{file:?} {} at {w}",
                            table.id
                        );
                    }
                }
            }
        }
        assert_eq!(
            kinds, [true; 4],
            "explicit, implicit, edge and no associations seen"
        );
    }

    /// The tables found on the path in one pass are those whose matches are not empty, for
    /// every table, from every source to every target of every shipped scenario.
    #[test]
    fn the_matched_tables_are_those_with_matches() {
        let mut seen = 0;
        for (file, model) in crate::model::shipped_scenarios() {
            let mut app = App::new(model, None, "scenario".into());
            for source in [0, app.sources.len().saturating_sub(1)] {
                app.update(crate::app::Msg::SelectSource(source));
                for target in 0..app.targets.len() {
                    app.update(crate::app::Msg::SelectTarget(target));
                    let matched = matched_tables(&app);
                    for table in &app.model.scenario().route_tables {
                        let has = !matches_in(&app, &table.id).is_empty();
                        assert_eq!(matched.contains(&table.id.as_str()), has, "{file:?}");
                        seen += usize::from(has);
                    }
                }
            }
        }
        assert!(seen > 10, "{seen}");
    }

    /// Issue 20: a lesson step opens the route-tables panel on its own table, the one its
    /// source's subnet uses, while the verdict is hidden (ipv6-dual-stack's third step is about
    /// private-b's table, not the main table).
    #[test]
    fn a_lesson_step_opens_on_the_table_of_its_source() {
        let file = "scenarios/ipv6-dual-stack.ron";
        let model = load_file(std::path::Path::new(file)).expect("loads");
        let mut app = App::new(model, None, file.into());
        let s = app.model.scenario().clone();
        let steps = &s.lesson.as_ref().expect("a lesson").steps;
        for (k, step) in steps.iter().enumerate() {
            app.start_lesson(k);
            let Some(t) = app.lesson_table() else {
                continue;
            };
            let first = &s.route_tables[order(&app)[0].0].id;
            assert_eq!(
                first,
                &s.route_tables[t].id,
                "step {}: {}",
                k + 1,
                step.from
            );
        }
        app.start_lesson(2);
        assert_eq!(s.route_tables[order(&app)[0].0].id, "rtb-private-b");
    }

    /// A table's associations are grouped by kind, each kind named once after its ids: the
    /// main table's implicit subnets say "main, implicit" once, not after every subnet.
    #[test]
    fn associations_name_each_kind_once_after_its_ids() {
        let file = "scenarios/gateway-main-rt.ron";
        let model = load_file(std::path::Path::new(file)).expect("loads");
        let mut app = App::new(model, None, file.into());
        let s = app.model.scenario().clone();
        let main = s
            .route_tables
            .iter()
            .find(|t| t.main)
            .expect("a main table");
        assert_eq!(
            associations(&app, main),
            "subnet-batch-c (explicit) · subnet-private-a, subnet-private-b (main, implicit)"
        );
        app.set_lang(crate::i18n::Lang::Ja);
        assert_eq!(
            associations(&app, main),
            "subnet-batch-c (明示的) · subnet-private-a、subnet-private-b (メイン、暗示的な関連付け)"
        );
    }
}
