//! Security groups and network ACLs of the VPC (aws-semantics.md §5b), from
//! `describe-security-groups` and `describe-network-acls`, and the groups each instance,
//! interface endpoint and network interface names. What the model cannot hold is a warning
//! naming the resource: IPv6 rules, peers in other VPCs, prefix lists without entries.
//!
//! A rule for another protocol (a number other than TCP, UDP, ICMP) is left out: the queries
//! are TCP, UDP or ICMP, which such a rule never matches, so leaving it out changes no verdict.

use std::collections::{BTreeSet, HashMap};

use ipnet::Ipv4Net;

use super::super::aws_security::{self as aws, GroupIdentifier, IpPermission};
use super::{Facts, Warn, warning};
use crate::model::{
    Ipv6AclRule, Ipv6GroupRule, NetworkAcl, NetworkAclRule, Peer, PortRange, Protocol, RuleAction,
    SecurityGroup, SecurityGroupRule,
};

/// What AWS's `*` rule is numbered in `describe-network-acls` (the model derives it).
const STAR_RULE: i64 = 32767;

pub(super) struct Security {
    pub groups: Vec<SecurityGroup>,
    pub acls: Vec<NetworkAcl>,
    known: BTreeSet<String>,
    read: bool,
}

impl Security {
    /// An interface's groups: the VPC's groups it names, when the groups file was read (else
    /// none, and security groups stay not evaluated).
    pub fn attached(&self, object: &str, ids: &[GroupIdentifier], w: &mut Warn) -> Vec<String> {
        if !self.read {
            return Vec::new();
        }
        let mut out = Vec::new();
        for g in ids {
            if self.known.contains(&g.group_id) {
                out.push(g.group_id.clone());
            } else {
                w.push(
                    warning(object, "aws_missing_input", "attached_group").s("group", &g.group_id),
                );
            }
        }
        out
    }
}

/// `tcp`, `udp`, `icmp`, `-1` or their protocol numbers.
fn protocol(p: &str) -> Option<Protocol> {
    match p.to_ascii_lowercase().as_str() {
        "-1" | "all" => Some(Protocol::All),
        "tcp" | "6" => Some(Protocol::Tcp),
        "udp" | "17" => Some(Protocol::Udp),
        "icmp" | "1" => Some(Protocol::Icmp),
        _ => None,
    }
}

/// A TCP/UDP port range; none for all ports or other protocols.
fn ports(protocol: Protocol, from: Option<i64>, to: Option<i64>) -> Option<PortRange> {
    if !protocol.has_ports() {
        return None;
    }
    match (from, to) {
        (Some(f), Some(t)) if (0..=65535).contains(&f) && (0..=65535).contains(&t) => {
            let r = PortRange(f as u16, t as u16);
            (r != PortRange::ALL).then_some(r)
        }
        _ => None,
    }
}

pub(super) fn security(facts: Facts<'_>, w: &mut Warn) -> Security {
    let input = facts.input;
    let in_vpc = |v: &Option<String>| v.as_deref() == Some(facts.vpc_id);
    let known: BTreeSet<String> = input
        .security_groups
        .iter()
        .filter(|g| in_vpc(&g.vpc_id))
        .map(|g| g.group_id.clone())
        .collect();
    let groups = input
        .security_groups
        .iter()
        .filter(|g| in_vpc(&g.vpc_id))
        .map(|g| SecurityGroup {
            id: g.group_id.clone(),
            name: g.group_name.clone(),
            ingress: rules(facts, &g.group_id, &g.ip_permissions, &known, w).into(),
            egress: rules(facts, &g.group_id, &g.ip_permissions_egress, &known, w).into(),
            ingress_ipv6: rules_v6(&g.group_id, &g.ip_permissions, w),
            egress_ipv6: rules_v6(&g.group_id, &g.ip_permissions_egress, w),
        })
        .collect();
    let acls = input
        .network_acls
        .iter()
        .filter(|a| in_vpc(&a.vpc_id))
        .map(|a| network_acl(facts, a, w))
        .collect();
    Security {
        groups,
        acls,
        known,
        read: input.has_security_groups,
    }
}

fn rules(
    facts: Facts<'_>,
    group: &str,
    permissions: &[IpPermission],
    known: &BTreeSet<String>,
    w: &mut Warn,
) -> Vec<SecurityGroupRule> {
    let mut out = Vec::new();
    for p in permissions {
        let Some(protocol) = protocol(&p.ip_protocol) else {
            continue;
        };
        let ports = ports(protocol, p.from_port, p.to_port);
        let mut rule = |peer: Peer, description: Option<String>| {
            out.push(SecurityGroupRule {
                protocol,
                ports,
                peer,
                description,
            })
        };
        for r in &p.ip_ranges {
            match r.cidr_ip.parse::<Ipv4Net>() {
                Ok(c) => rule(Peer::Cidr(c.trunc()), r.description.clone()),
                Err(_) => {
                    w.push(warning(group, "aws_bad_value", "rule_cidr").s("value", &r.cidr_ip))
                }
            }
        }
        for pl in &p.prefix_list_ids {
            let id = pl.prefix_list_id.as_str();
            if let Some(service) = (facts.pl_service)(id) {
                rule(Peer::PrefixList(service), pl.description.clone());
            } else if let Some(cidrs) = facts.pl_cidrs.get(id) {
                for c in cidrs {
                    rule(Peer::Cidr(*c), pl.description.clone());
                }
            } else {
                w.push(
                    warning(group, "aws_missing_input", "rule_prefix_list").s("prefix_list", id),
                );
            }
        }
        for pair in &p.user_id_group_pairs {
            match &pair.group_id {
                Some(g) if known.contains(g) => {
                    rule(Peer::Group(g.clone()), pair.description.clone())
                }
                other => w.push(
                    warning(group, "aws_not_modelled", "peer_group")
                        .s("peer", other.as_deref().unwrap_or("?")),
                ),
            }
        }
    }
    out
}

/// A permission's `Ipv6Ranges` as IPv6 rules.
fn rules_v6(group: &str, permissions: &[IpPermission], w: &mut Warn) -> Vec<Ipv6GroupRule> {
    let mut out = Vec::new();
    for p in permissions {
        let Some(protocol) = protocol(&p.ip_protocol) else {
            continue;
        };
        let ports = ports(protocol, p.from_port, p.to_port);
        for r in &p.ipv6_ranges {
            match r.cidr_ipv6.parse::<ipnet::Ipv6Net>() {
                Ok(c) => out.push(Ipv6GroupRule {
                    protocol,
                    ports,
                    cidr: c.trunc(),
                    description: r.description.clone(),
                }),
                Err(_) => {
                    w.push(warning(group, "aws_bad_value", "rule_cidr").s("value", &r.cidr_ipv6))
                }
            }
        }
    }
    out
}

fn network_acl(facts: Facts<'_>, a: &aws::NetworkAcl, w: &mut Warn) -> NetworkAcl {
    let id = a.network_acl_id.as_str();
    let mut inbound = Vec::new();
    let mut outbound = Vec::new();
    let (mut ipv6_inbound, mut ipv6_outbound) = (Vec::new(), Vec::new());
    for e in &a.entries {
        if e.rule_number == STAR_RULE {
            continue;
        }
        let Some(cidr) = e.cidr_block.as_deref() else {
            // An IPv6 entry: IPv4 traffic never matches it; IPv6 traffic only these.
            if let Some(rule) = acl_entry_v6(id, e, w) {
                match e.egress {
                    true => ipv6_outbound.push(rule),
                    false => ipv6_inbound.push(rule),
                }
            }
            continue;
        };
        let Some((number, protocol, ports, cidr, action)) = acl_entry::<Ipv4Net>(id, e, cidr, w)
        else {
            continue;
        };
        let rule = NetworkAclRule {
            number,
            protocol,
            ports,
            cidr: cidr.trunc(),
            action,
        };
        match e.egress {
            true => outbound.push(rule),
            false => inbound.push(rule),
        }
    }
    let subnets = a
        .associations
        .iter()
        .filter_map(|x| x.subnet_id.clone())
        .filter(|s| facts.subnet_ids.contains(s.as_str()))
        .collect();
    NetworkAcl {
        id: id.to_string(),
        name: None,
        default: a.is_default,
        subnets,
        inbound: inbound.into(),
        outbound: outbound.into(),
        ipv6_inbound,
        ipv6_outbound,
    }
}

/// An entry with `Ipv6CidrBlock`.
fn acl_entry_v6(id: &str, e: &aws::AclEntry, w: &mut Warn) -> Option<Ipv6AclRule> {
    let cidr = e.ipv6_cidr_block.as_deref()?;
    // AWS lists the IPv6 `*` rule as 32768: the model derives it, as the IPv4 one.
    if e.rule_number > 32766 {
        return None;
    }
    let (number, protocol, ports, cidr, action) = acl_entry::<ipnet::Ipv6Net>(id, e, cidr, w)?;
    Some(Ipv6AclRule {
        number,
        protocol,
        ports,
        cidr: cidr.trunc(),
        action,
    })
}

/// What an IPv4 and an IPv6 entry share, with `block` read as `N`: none when the entry
/// cannot be read (a warning when its protocol is one the model holds but a value is bad).
fn acl_entry<N: std::str::FromStr>(
    id: &str,
    e: &aws::AclEntry,
    block: &str,
    w: &mut Warn,
) -> Option<(u16, Protocol, Option<PortRange>, N, RuleAction)> {
    let (Some(protocol), Ok(cidr), Ok(number)) = (
        protocol(&e.protocol),
        block.parse::<N>(),
        u16::try_from(e.rule_number),
    ) else {
        if protocol(&e.protocol).is_some() {
            w.push(warning(id, "aws_bad_value", "acl_entry").s("number", e.rule_number));
        }
        return None;
    };
    let ports = e
        .port_range
        .as_ref()
        .and_then(|p| ports(protocol, p.from, p.to));
    let action = match e.rule_action.to_ascii_lowercase().as_str() {
        "allow" => RuleAction::Allow,
        _ => RuleAction::Deny,
    };
    Some((number, protocol, ports, cidr, action))
}

/// Interfaces by id, for attaching groups after the other steps built them.
pub(super) fn by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<&str, &T> {
    items.iter().map(|x| (id(x), x)).collect()
}
