//! Security group and network ACL decisions on IPv6 paths as sentences: the IPv4 sentences'
//! messages with IPv6 peers, and a refusal that says IPv4 rules do not allow IPv6.

use crate::eval::*;

use super::security::traffic_text;
use super::{Lang, args, join, msg};

/// An address for a /128, else the block.
fn v6_text(n: ipnet::Ipv6Net) -> String {
    if n.prefix_len() == 128 {
        n.addr().to_string()
    } else {
        n.to_string()
    }
}

fn group_args(lang: Lang, c: &V6GroupCheck) -> super::Args<'static> {
    args()
        .s("interface", c.interface.to_string())
        .s("direction", c.direction.code())
        .s("groups", join(lang, c.groups.iter().map(|g| g.as_str())))
        .s(
            "traffic",
            traffic_text(lang, c.traffic.protocol, c.traffic.ports),
        )
        .s("peer", v6_text(c.traffic.peer))
}

/// The IPv6 rule that allowed: `sg-app rule 1: all traffic to ::/0`.
fn rule_text(lang: Lang, direction: GroupDirection, r: &V6GroupRule) -> String {
    msg(
        lang,
        "sg-rule",
        args()
            .s("group", r.group.as_str())
            .n("index", r.index)
            .s("traffic", traffic_text(lang, r.protocol, r.ports))
            .s("direction", direction.code())
            .s("peer", r.cidr.to_string()),
    )
}

pub fn group_allowed_text(lang: Lang, c: &V6GroupCheck) -> String {
    let rule = c
        .allowed_by
        .as_ref()
        .map(|r| rule_text(lang, c.direction, r))
        .unwrap_or_default();
    msg(
        lang,
        "hop-security-group",
        group_args(lang, c).s("rule", rule),
    )
}

pub fn group_refused_text(lang: Lang, c: &V6GroupCheck) -> String {
    msg(
        lang,
        "ipv6-stop-security_group",
        group_args(lang, c).n("total", c.total),
    )
}

impl super::security::AclDecision for V6AclCheck {
    fn check(&self) -> super::security::AclView<'_> {
        super::security::AclView {
            acl: &self.acl,
            subnet: &self.subnet,
            direction: self.direction,
            reply: self.reply,
            allow: self.allow,
            rule: self.rule,
            protocol: self.traffic.protocol,
            ports: self.traffic.ports,
            peer: v6_text(self.traffic.peer),
        }
    }
}

pub use super::security::acl_hop_text;

pub fn acl_refused_text(lang: Lang, c: &V6AclCheck) -> String {
    super::security::acl_refused_with(lang, "ipv6-stop-network_acl", c)
}
