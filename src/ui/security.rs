//! The Security panel: the security groups, network ACL rules (request and reply),
//! source/destination checks and endpoint and bucket policies the selected path met, in the
//! order it met them, each with `✔ allowed by`, `✖ denied by` or `? not evaluable` and the rule
//! or statement that decided. Everything comes from the trace's hops (`Fact::SecurityGroup`,
//! `Fact::NetworkAcl`, `Fact::NetworkInterface`, `Fact::Policy`) and its stop
//! (`Stop::SecurityGroup`, `Stop::NetworkAcl`, `Stop::SourceDestCheck`, `Stop::Policy`); nothing
//! is evaluated here. The symbols say allowed (`✔`), allowed for some requests only (`◐`),
//! denied (`✖`) or not evaluable (`?`) without colour, and the words say it again; the title's
//! legend explains the symbols the path shows.

use ipnet::Ipv4Net;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use crate::app::App;
use crate::eval::{
    AclCheck, AclDirection, Fact, GroupCheck, GroupDirection, GroupRule, Hop, PathTrace,
    PolicyCheck, PolicyDecision, Stop, Verdict,
};
use crate::explain::{self, args, group_rule_text, msg, traffic_text};
use crate::i18n::{Lang, t, tf};
use crate::model::Model;

use super::text::{width, wrap};
use super::theme::Theme;
use super::{clamp_scroll, draw_panel, put_lines};

/// An address as rules and sentences write it: `10.0.1.10` for one address, else the CIDR.
fn peer(n: Ipv4Net) -> String {
    if n.prefix_len() == 32 {
        n.addr().to_string()
    } else {
        n.to_string()
    }
}

/// Lines being built at one width: a heading, then indented lines that wrap under themselves.
struct Out<'t> {
    app: &'t App,
    w: usize,
    theme: &'t Theme,
    lines: Vec<Line<'static>>,
    /// How many decisions allowed, how many allowed some requests only (a policy asked about
    /// any request), the heading of the one that denied, and of the one that could not be
    /// evaluated.
    allowed: usize,
    limited: usize,
    denied: Option<String>,
    unknown: Option<String>,
}

impl Out<'_> {
    fn head(&mut self, text: &str, style: Style) {
        self.lines
            .extend(wrap(text, self.w, "", "  ", Style::default(), style));
    }

    fn item(&mut self, text: &str, style: Style) {
        // A line that starts with a mark wraps under the text after the mark.
        let rest = if text.starts_with(['✔', '◐', '✖', '?']) {
            "      "
        } else {
            "    "
        };
        self.lines
            .extend(wrap(text, self.w, "  ", rest, Style::default(), style));
    }

    fn group(&mut self, lang: Lang, c: &GroupCheck, allowed: bool) {
        let groups = explain::join(lang, c.groups.iter().map(|g| g.as_str()));
        let head = msg(
            lang,
            "sec-panel-group",
            args()
                .s("interface", c.interface.to_string())
                .s("direction", c.direction.code())
                .s("groups", groups),
        );
        self.head(&head, self.theme.title());
        if allowed {
            self.allowed += 1;
        } else {
            self.denied = Some(head);
        }
        let traffic = msg(
            lang,
            "sec-panel-traffic",
            args()
                .s(
                    "traffic",
                    traffic_text(lang, c.traffic.protocol, c.traffic.ports),
                )
                .s("direction", c.direction.code())
                .s("peer", peer(c.traffic.peer)),
        );
        self.item(&traffic, self.theme.dim());
        match (&c.allowed_by, allowed) {
            (Some(rule), true) => {
                let new = group_rule_new(self.app, c.direction, rule);
                let rule = group_rule_text(lang, c.direction, rule);
                let text = msg(lang, "sec-panel-allowed-by", args().s("rule", rule));
                self.item(&added(lang, text, new), self.theme.ok());
            }
            _ => {
                self.item(
                    &msg(lang, "ui-sec-denied-no-rule", args()),
                    self.theme.bad(),
                );
                if c.total == 0 {
                    let text = msg(
                        lang,
                        "sec-panel-no-rules",
                        args().s("direction", c.direction.code()),
                    );
                    self.item(&format!("  {text}"), self.theme.dim());
                    return;
                }
                self.item(&format!("  {}", t(lang, "ui-sec-rules")), self.theme.dim());
                for r in &c.rules {
                    let text = group_rule_text(lang, c.direction, r);
                    self.item(&format!("  · {text}"), self.theme.plain());
                }
                if c.total > c.rules.len() {
                    let more = msg(
                        lang,
                        "sg-rules-more",
                        args().n("count", c.total - c.rules.len()),
                    );
                    self.item(&format!("  · {more}"), self.theme.dim());
                }
            }
        }
    }

    fn acl(&mut self, lang: Lang, checks: &[AclCheck]) {
        let Some(first) = checks.first() else {
            return;
        };
        let head = msg(
            lang,
            "sec-panel-acl",
            args()
                .s("acl", first.acl.to_string())
                .s("subnet", first.subnet.to_string()),
        );
        self.head(&head, self.theme.title());
        for c in checks {
            let text = msg(
                lang,
                "sec-panel-acl-check",
                args()
                    .b("allow", c.allow)
                    .b("reply", c.reply)
                    .s("direction", c.direction.code())
                    .s(
                        "traffic",
                        traffic_text(lang, c.traffic.protocol, c.traffic.ports),
                    )
                    .s("peer", peer(c.traffic.peer))
                    .s(
                        "rule",
                        c.rule.map(|r| r.to_string()).unwrap_or_else(|| "*".into()),
                    )
                    .b("final", c.rule.is_none()),
            );
            let new = c.rule.is_some_and(|n| acl_rule_new(self.app, c, n));
            let text = added(lang, text, new);
            let style = if c.allow {
                self.allowed += 1;
                self.theme.ok()
            } else {
                self.denied = Some(head.clone());
                self.theme.bad()
            };
            self.item(&text, style);
            if c.reply && !c.allow {
                let hint = msg(lang, "ui-sec-acl-reply-hint", args());
                self.item(&format!("  {hint}"), self.theme.dim());
            }
        }
    }

    fn source_dest_check(&mut self, lang: Lang, eni: &str, refused: Option<(String, String)>) {
        let head = msg(lang, "sec-panel-sdc", args().s("eni", eni.to_string()));
        self.head(&head, self.theme.title());
        match &refused {
            None => self.allowed += 1,
            Some(_) => self.denied = Some(head),
        }
        match refused {
            None => self.item(&msg(lang, "ui-sec-sdc-off", args()), self.theme.ok()),
            Some((table, route)) => self.item(
                &msg(
                    lang,
                    "sec-panel-sdc-on",
                    args().s("table", table).s("route", route),
                ),
                self.theme.bad(),
            ),
        }
    }

    /// An endpoint or bucket policy's decision: what decided (first, so a short panel shows the
    /// statement), then the request it was asked about (aws-semantics.md §5b).
    fn policy(&mut self, lang: Lang, c: &PolicyCheck) {
        let head = msg(
            lang,
            "sec-panel-policy",
            args()
                .s("kind", c.kind.code())
                .s("owner", c.owner.to_string()),
        );
        self.head(&head, self.theme.title());
        let statement = explain::statement_text(lang, c.statement.as_ref());
        let a = args().s("kind", c.kind.code()).s("statement", statement).s(
            "unsupported",
            c.unsupported
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
        );
        let (id, style) = match c.decision {
            PolicyDecision::Allowed if c.default => ("sec-panel-policy-default", self.theme.ok()),
            PolicyDecision::Allowed if c.statement.is_some() => {
                ("sec-panel-policy-allowed-by", self.theme.ok())
            }
            PolicyDecision::Allowed => ("sec-panel-policy-no-deny", self.theme.ok()),
            PolicyDecision::Limited => ("sec-panel-policy-limited", self.theme.warn()),
            PolicyDecision::Denied => ("sec-panel-policy-denied-by", self.theme.bad()),
            PolicyDecision::NotAllowed => ("sec-panel-policy-not-allowed", self.theme.bad()),
            PolicyDecision::NotEvaluable => ("sec-panel-policy-not-evaluable", self.theme.warn()),
        };
        self.item(&msg(lang, id, a), style);
        match c.decision {
            PolicyDecision::Allowed => self.allowed += 1,
            PolicyDecision::Limited => {
                self.limited += 1;
                // Once: the same advice under each such policy is noise.
                if self.limited == 1 {
                    let hint = t(lang, "ui-sec-policy-limited-hint");
                    self.item(&format!("  {hint}"), self.theme.dim());
                }
            }
            PolicyDecision::Denied | PolicyDecision::NotAllowed => self.denied = Some(head),
            PolicyDecision::NotEvaluable => self.unknown = Some(head),
        }
        let request = msg(
            lang,
            "sec-panel-policy-request",
            args()
                .s("request", explain::policy_request_text(lang, c))
                .s("through", explain::policy_through_text(lang, c)),
        );
        self.item(&request, self.theme.dim());
    }

    /// The security decisions among `hops`; whether there was one.
    fn hops(&mut self, lang: Lang, hops: &[Hop]) -> bool {
        let before = self.lines.len();
        for h in hops {
            match &h.fact {
                Fact::SecurityGroup(c) => self.group(lang, c, true),
                Fact::NetworkAcl { checks } => self.acl(lang, checks),
                Fact::NetworkInterface {
                    source_dest_check: Some(false),
                    ..
                } => self.source_dest_check(lang, &h.id, None),
                Fact::Policy(c) => self.policy(lang, c),
                Fact::Stop(stop) => match &**stop {
                    Stop::Policy(c) => self.policy(lang, c),
                    Stop::SecurityGroup(c) => self.group(lang, c, false),
                    Stop::NetworkAcl(c) => self.acl(lang, std::slice::from_ref(c)),
                    Stop::SourceDestCheck { table, route, eni } => self.source_dest_check(
                        lang,
                        eni,
                        Some((table.to_string(), explain::route_text(lang, route))),
                    ),
                    _ => {}
                },
                _ => {}
            }
        }
        self.lines.len() > before
    }
}

/// `text`, with "✚ added by this step" when the lesson step being shown added its rule.
fn added(lang: Lang, text: String, new: bool) -> String {
    match new {
        true => format!("{text}  ✚ {}", t(lang, "ui-added-by-this-step")),
        false => text,
    }
}

/// In a lesson: whether the step being shown added the network ACL rule `number` that decided
/// `c` (it was not there before the step, or was different).
fn acl_rule_new(app: &App, c: &AclCheck, number: u16) -> bool {
    let Some(before) = app.step_before() else {
        return false;
    };
    let rule = |m: &Model| {
        let acl = m
            .scenario()
            .network_acls
            .iter()
            .find(|a| a.id == c.acl.as_str())?;
        let rules = match c.direction {
            AclDirection::Inbound => &acl.inbound,
            AclDirection::Outbound => &acl.outbound,
        };
        rules.iter().find(|r| r.number == number).cloned()
    };
    let now = rule(&app.model);
    now.is_some() && now != rule(before)
}

/// In a lesson: whether the step being shown added the security group rule `r` (no rule of
/// the group in that direction said the same before the step).
fn group_rule_new(app: &App, direction: GroupDirection, r: &GroupRule) -> bool {
    let Some(before) = app.step_before() else {
        return false;
    };
    let Some(group) = before
        .scenario()
        .security_groups
        .iter()
        .find(|g| g.id == r.group.as_str())
    else {
        return true;
    };
    let rules = match direction {
        GroupDirection::Egress => &group.egress,
        GroupDirection::Ingress => &group.ingress,
    };
    !rules.iter().any(|x| {
        x.protocol == r.protocol
            && (x.ports == r.ports || Some(x.port_range()) == r.ports)
            && x.peer.to_string() == r.peer.as_str()
    })
}

/// The marks the panel's lines use, in the legend's order: allowed, allowed for some requests
/// only, denied, not evaluable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks([bool; 4]);

/// The legend's words for each mark, in [`Marks`]' order.
const LEGEND: [&str; 4] = [
    "ui-sec-legend-allowed",
    "ui-sec-legend-limited",
    "ui-sec-legend-denied",
    "ui-sec-legend-unknown",
];

/// The panel's title at `room` columns: the heading and a legend of the marks the path shows
/// (all four do not fit even 80 columns, and a legend of marks not on screen explains nothing);
/// the short heading when the long one leaves no room.
fn title(lang: Lang, marks: Marks, room: usize) -> String {
    let legend: Vec<&str> = LEGEND
        .iter()
        .zip(marks.0)
        .filter(|(_, on)| *on)
        .map(|(id, _)| t(lang, id))
        .collect();
    let with = |heading: &'static str| match legend.is_empty() {
        true => t(lang, heading).to_string(),
        false => tf(
            lang,
            "ui-security-title-legend",
            &[t(lang, heading), &legend.join(" · ")],
        ),
    };
    let long = with("ui-security-title");
    if width(&long) <= room {
        long
    } else {
        with("ui-security")
    }
}

/// Every line of the panel at width `w`, and the marks they use.
pub fn lines(app: &App, theme: &Theme, w: usize) -> (Vec<Line<'static>>, Marks) {
    let lang = app.lang;
    let mut out = Out {
        app,
        w,
        theme,
        lines: Vec::new(),
        allowed: 0,
        limited: 0,
        denied: None,
        unknown: None,
    };
    let tr: &PathTrace = match &app.trace {
        Ok(tr) if !app.verdict_hidden() => tr,
        Ok(_) => {
            out.head(t(lang, "ui-sec-hidden"), theme.dim());
            return (out.lines, Marks::default());
        }
        Err(_) => {
            out.head(t(lang, "ui-sec-no-path"), theme.dim());
            return (out.lines, Marks::default());
        }
    };
    let mut any = out.hops(lang, &tr.hops);
    for p in &tr.parts {
        let label = match &p.to {
            Some(to) => to.to_string(),
            None => explain::join(lang, p.cidrs.iter().map(|c| c.to_string())),
        };
        let mark = out.lines.len();
        out.head(
            &msg(lang, "sec-panel-part", args().s("part", label)),
            theme.on_path(),
        );
        if out.hops(lang, &p.hops) {
            any = true;
        } else {
            out.lines.truncate(mark);
        }
    }
    let layers: Vec<String> = tr
        .unchecked
        .iter()
        .filter(|c| {
            matches!(
                *c,
                "security_groups" | "network_acls" | "source_dest_check" | "endpoint_policies"
            )
        })
        .map(|c| explain::unchecked_label(lang, c))
        .collect();
    // "All checks allow" must not read as "the traffic gets through" when the path stopped
    // at something else first (a missing route): the checks after that point were never met.
    let stopped_first = match tr.verdict {
        Verdict::Blocked(r) | Verdict::Unavailable(r) if !r.is_security_layer() => Some(msg(
            lang,
            "sec-panel-stopped-first",
            args()
                .s("reason", explain::reason_meaning(lang, r))
                .s("code", r.code())
                .s("earlier", if any { "some" } else { "none" }),
        )),
        _ => None,
    };
    // Nothing decided: say why, unless the line above (stopped first) or the one below (no
    // groups or ACLs in the scenario at all) already does.
    let no_data = ["security_groups", "network_acls"]
        .iter()
        .all(|c| tr.unchecked.iter().any(|u| u == *c));
    if !any && stopped_first.is_none() && !no_data {
        out.head(t(lang, "ui-sec-none"), theme.dim());
    }
    // First what decided, so a refusal below the fold is still on screen.
    let summary = match (&out.denied, &out.unknown) {
        (Some(what), _) => Some((
            msg(
                lang,
                "sec-panel-summary-denied",
                args().s("what", what.clone()),
            ),
            theme.bad(),
        )),
        (None, Some(what)) => Some((
            msg(
                lang,
                "sec-panel-summary-not-evaluable",
                args().s("what", what.clone()),
            ),
            theme.warn(),
        )),
        // Counted apart: "allowed" must never stand for "allowed for some requests only".
        (None, None) if out.limited > 0 => Some((
            msg(
                lang,
                "sec-panel-summary-limited",
                args()
                    .n("allowed", out.allowed)
                    .n("limited", out.limited)
                    .n("total", out.allowed + out.limited),
            ),
            theme.warn(),
        )),
        (None, None) if any => Some((
            msg(
                lang,
                "sec-panel-summary-allowed",
                args().n("count", out.allowed),
            ),
            theme.ok(),
        )),
        (None, None) => None,
    };
    let mut top = Vec::new();
    if let Some((text, style)) = summary {
        top.extend(wrap(&text, w, "", "  ", Style::default(), style));
    }
    if let Some(text) = stopped_first {
        top.extend(wrap(&text, w, "", "  ", Style::default(), theme.warn()));
    }
    out.lines.splice(0..0, top);
    if !layers.is_empty() {
        let text = msg(
            lang,
            "sec-panel-not-evaluated",
            args().s("layers", explain::join(lang, &layers)),
        );
        out.head(&text, theme.warn());
    }
    let marks = Marks([
        out.allowed > 0,
        out.limited > 0,
        out.denied.is_some(),
        out.unknown.is_some(),
    ]);
    (out.lines, marks)
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let tab = crate::app::Tab::Security;
    // The lines first: the title's legend names the marks they use. Inside the borders.
    let (lines, marks) = lines(app, theme, area.width.saturating_sub(2) as usize);
    let title = title(app.lang, marks, area.width.saturating_sub(2) as usize);
    let Some(inner) = draw_panel(theme, title, focused, area, buf) else {
        return;
    };
    let scroll = clamp_scroll(app.scroll[tab.index()], lines.len(), inner.height);
    put_lines(&lines, scroll, inner, buf);
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
