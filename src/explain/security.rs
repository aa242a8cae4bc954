//! Security group and network ACL decisions as sentences (aws-semantics.md §5b).

use crate::eval::*;

use super::words::net;
use super::{Lang, args, join, msg};

/// `tcp/443`, `udp/1024-65535`, `icmp`, `all traffic`.
pub fn traffic_text(
    lang: Lang,
    protocol: crate::model::Protocol,
    ports: Option<crate::model::PortRange>,
) -> String {
    match ports {
        Some(p) => msg(
            lang,
            "traffic-ports",
            args()
                .s("protocol", protocol.code())
                .s("ports", p.to_string()),
        ),
        None => msg(
            lang,
            "traffic-protocol",
            args().s("protocol", protocol.code()),
        ),
    }
}

/// A security group rule as its sentence needs it, for an IPv4 ([`GroupRule`]) or an IPv6
/// ([`V6GroupRule`]) rule: the peer already written.
pub struct RuleView<'a> {
    pub group: &'a Id,
    pub index: usize,
    pub protocol: crate::model::Protocol,
    pub ports: Option<crate::model::PortRange>,
    pub peer: String,
}

impl GroupRule {
    fn view(&self) -> RuleView<'_> {
        RuleView {
            group: &self.group,
            index: self.index,
            protocol: self.protocol,
            ports: self.ports,
            peer: self.peer.to_string(),
        }
    }
}

/// A security group decision as its sentences need it, for an IPv4 ([`GroupCheck`]) or an IPv6
/// ([`V6GroupCheck`]) check: the two differ only in their peer's address family.
pub trait GroupDecision {
    fn check(&self) -> GroupView<'_>;
}

/// The fields of one security group decision, its peer and its allowing rule's peer written.
pub struct GroupView<'a> {
    pub interface: &'a Id,
    pub direction: GroupDirection,
    pub groups: &'a [Id],
    pub protocol: crate::model::Protocol,
    pub ports: Option<crate::model::PortRange>,
    pub peer: String,
    pub allowed_by: Option<RuleView<'a>>,
    pub total: usize,
}

impl GroupDecision for GroupCheck {
    fn check(&self) -> GroupView<'_> {
        GroupView {
            interface: &self.interface,
            direction: self.direction,
            groups: &self.groups,
            protocol: self.traffic.protocol,
            ports: self.traffic.ports,
            peer: net(self.traffic.peer),
            allowed_by: self.allowed_by.as_ref().map(GroupRule::view),
            total: self.total,
        }
    }
}

/// One security group rule: `sg-ep rule 1: tcp/443 from 10.0.0.0/16`.
fn rule_view_text(lang: Lang, direction: GroupDirection, r: &RuleView<'_>) -> String {
    msg(
        lang,
        "sg-rule",
        args()
            .s("group", r.group.as_str())
            .n("index", r.index)
            .s("traffic", traffic_text(lang, r.protocol, r.ports))
            .s("direction", direction.code())
            .s("peer", r.peer.as_str()),
    )
}

/// One IPv4 security group rule: `sg-ep rule 1: tcp/443 from 10.0.0.0/16`.
pub fn group_rule_text(lang: Lang, direction: GroupDirection, r: &GroupRule) -> String {
    rule_view_text(lang, direction, &r.view())
}

fn group_args(lang: Lang, c: &GroupView<'_>) -> super::Args<'static> {
    args()
        .s("interface", c.interface.to_string())
        .s("direction", c.direction.code())
        .s("groups", join(lang, c.groups.iter().map(|g| g.as_str())))
        .s("traffic", traffic_text(lang, c.protocol, c.ports))
        .s("peer", c.peer.clone())
}

/// A security group decision that allowed the traffic.
pub fn group_allowed_text(lang: Lang, c: &impl GroupDecision) -> String {
    let c = c.check();
    let rule = c
        .allowed_by
        .as_ref()
        .map(|r| rule_view_text(lang, c.direction, r))
        .unwrap_or_default();
    msg(
        lang,
        "hop-security-group",
        group_args(lang, &c).s("rule", rule),
    )
}

/// The arguments of a refusal's sentence (`id`: the IPv4 or the IPv6 stop's message) with
/// `more` added.
pub(super) fn group_refused_with(
    lang: Lang,
    id: &str,
    c: &impl GroupDecision,
    more: impl FnOnce(super::Args<'static>) -> super::Args<'static>,
) -> String {
    let v = c.check();
    msg(lang, id, more(group_args(lang, &v).n("total", v.total)))
}

/// A security group decision that refused the traffic: no rule allows it; the rules it has.
pub fn group_refused_text(lang: Lang, c: &GroupCheck) -> String {
    let mut rules: Vec<String> = c
        .rules
        .iter()
        .map(|r| group_rule_text(lang, c.direction, r))
        .collect();
    if c.total > c.rules.len() {
        rules.push(msg(
            lang,
            "sg-rules-more",
            args().n("count", c.total - c.rules.len()),
        ));
    }
    group_refused_with(lang, "stop-security_group", c, |a| {
        a.s("rules", join(lang, rules))
    })
}

/// A network ACL decision as its sentences need it, for an IPv4 ([`AclCheck`]) or an IPv6
/// ([`V6AclCheck`]) check: the two differ only in their peer's address family.
pub trait AclDecision {
    fn check(&self) -> AclView<'_>;
}

/// The fields of one ACL decision, its peer already written.
pub struct AclView<'a> {
    pub acl: &'a Id,
    pub subnet: &'a Id,
    pub direction: AclDirection,
    pub reply: bool,
    pub allow: bool,
    pub rule: Option<u16>,
    pub protocol: crate::model::Protocol,
    pub ports: Option<crate::model::PortRange>,
    pub peer: String,
}

impl AclDecision for AclCheck {
    fn check(&self) -> AclView<'_> {
        AclView {
            acl: &self.acl,
            subnet: &self.subnet,
            direction: self.direction,
            reply: self.reply,
            allow: self.allow,
            rule: self.rule,
            protocol: self.traffic.protocol,
            ports: self.traffic.ports,
            peer: net(self.traffic.peer),
        }
    }
}

/// One network ACL decision: `acl-1 inbound rule 100 allows tcp/443 from 10.0.1.0/24`.
pub fn acl_check_text(lang: Lang, c: &impl AclDecision) -> String {
    let c = c.check();
    let a = args()
        .s("acl", c.acl.to_string())
        .s("subnet", c.subnet.to_string())
        .s("direction", c.direction.code())
        .b("reply", c.reply)
        .b("allow", c.allow)
        .s(
            "rule",
            c.rule
                .map(|r| r.to_string())
                .unwrap_or_else(|| "*".to_string()),
        )
        .s("traffic", traffic_text(lang, c.protocol, c.ports))
        .s("peer", c.peer);
    msg(lang, "acl-check", a)
}

/// The checks of one subnet boundary that all allowed.
pub fn acl_hop_text<C: AclDecision>(lang: Lang, checks: &[C]) -> String {
    let subnet = checks
        .first()
        .map(|c| c.check().subnet.to_string())
        .unwrap_or_default();
    msg(
        lang,
        "hop-network-acl",
        args().s("subnet", subnet).s(
            "checks",
            join(lang, checks.iter().map(|c| acl_check_text(lang, c))),
        ),
    )
}

/// A network ACL decision that denied the request or its reply (`id`: the IPv4 or the IPv6
/// stop's message).
pub(super) fn acl_refused_with(lang: Lang, id: &str, c: &impl AclDecision) -> String {
    let v = c.check();
    msg(
        lang,
        id,
        args()
            .s("subnet", v.subnet.to_string())
            .b("reply", v.reply)
            .s("check", acl_check_text(lang, c)),
    )
}

/// A network ACL decision that denied the request or its reply.
pub fn acl_refused_text(lang: Lang, c: &AclCheck) -> String {
    acl_refused_with(lang, "stop-network_acl", c)
}
