//! Security group and network ACL decisions on IPv6 paths as sentences: the IPv4 sentences'
//! messages with IPv6 peers, and a refusal that says IPv4 rules do not allow IPv6.

use crate::eval::*;

use super::Lang;

/// An address for a /128, else the block.
fn v6_text(n: ipnet::Ipv6Net) -> String {
    if n.prefix_len() == 128 {
        n.addr().to_string()
    } else {
        n.to_string()
    }
}

impl super::security::GroupDecision for V6GroupCheck {
    fn check(&self) -> super::security::GroupView<'_> {
        super::security::GroupView {
            interface: &self.interface,
            direction: self.direction,
            groups: &self.groups,
            protocol: self.traffic.protocol,
            ports: self.traffic.ports,
            peer: v6_text(self.traffic.peer),
            allowed_by: self.allowed_by.as_ref().map(|r| super::security::RuleView {
                group: &r.group,
                index: r.index,
                protocol: r.protocol,
                ports: r.ports,
                peer: r.cidr.to_string(),
            }),
            total: self.total,
        }
    }
}

pub use super::security::group_allowed_text;

pub fn group_refused_text(lang: Lang, c: &V6GroupCheck) -> String {
    super::security::group_refused_with(lang, "ipv6-stop-security_group", c, |a| a)
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
