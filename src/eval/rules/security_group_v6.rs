//! Security groups on IPv6 paths
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>,
//! <https://docs.aws.amazon.com/whitepapers/latest/ipv6-on-aws/ipv6-security-and-monitoring-considerations.html>,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html>).
//!
//! As for IPv4 (allow-only, stateful, the groups' rules together), but IPv6 traffic is allowed
//! only by a rule with an IPv6 CIDR: "a web server security group that currently permits
//! 0.0.0.0/0 on port 80 doesn't permit IPv6 traffic" (the IPv6 whitepaper). The VPC's default
//! group, where the scenario does not write one, allows outbound to `::/0` when the VPC has an
//! IPv6 block (default-security-group.html). A range (a subnet's block standing for an unknown
//! address, a service's unknown IPv6 addresses) is allowed only when one rule covers all of it.
//!
//! Rules that name a security group or a prefix list: whether they cover IPv6 addresses was not
//! found on the pages read for this work. When only such a rule could allow the traffic, the
//! path is not modelled ([`Outcome::GroupReference`]) rather than guessed.

use ipnet::Ipv6Net;

use crate::eval::facts::{GroupDirection, Id, V6GroupCheck, V6GroupRule, V6Traffic};
use crate::model::{Ipv6GroupRule, Model, Peer, SecurityGroup};

pub(crate) enum Outcome {
    Allowed(V6GroupCheck),
    Denied(V6GroupCheck),
    /// Only a group-referencing (or prefix-list) rule could allow it.
    GroupReference(Id),
}

/// A group's IPv6 rules in one direction: the scenario's, or for the stand-in default group
/// (the scenario writes none) AWS's `::/0` outbound when the VPC has an IPv6 block.
fn rules<'m>(
    model: &'m Model,
    g: u32,
    direction: GroupDirection,
) -> std::borrow::Cow<'m, [Ipv6GroupRule]> {
    let group = model.security().group(g);
    let stand_in = g as usize >= model.scenario().security_groups.len();
    match direction {
        GroupDirection::Egress if stand_in && model.scenario().has_ipv6() => {
            std::borrow::Cow::Owned(vec![Ipv6GroupRule::everywhere()])
        }
        GroupDirection::Egress => std::borrow::Cow::Borrowed(&group.egress_ipv6),
        GroupDirection::Ingress => std::borrow::Cow::Borrowed(&group.ingress_ipv6),
    }
}

fn covers(rule: &Ipv6GroupRule, traffic: &V6Traffic) -> bool {
    rule.protocol.covers(traffic.protocol)
        && traffic.ports.is_none_or(|p| rule.port_range().contains(p))
        && rule.cidr.contains(&traffic.peer)
}

/// Whether an IPv4-style rule of `group` (a group or prefix-list peer) might allow `traffic`.
fn reference_might(group: &SecurityGroup, direction: GroupDirection, traffic: &V6Traffic) -> bool {
    let list = match direction {
        GroupDirection::Egress => &group.egress,
        GroupDirection::Ingress => &group.ingress,
    };
    list.iter().any(|r| {
        !matches!(r.peer, Peer::Cidr(_))
            && r.protocol.covers(traffic.protocol)
            && traffic.ports.is_none_or(|p| r.port_range().contains(p))
    })
}

/// The groups `groups` of `interface` on IPv6 `traffic` in `direction`.
pub(crate) fn check(
    model: &Model,
    groups: &[u32],
    interface: Id,
    direction: GroupDirection,
    traffic: V6Traffic,
) -> Outcome {
    let sec = model.security();
    let mut total = 0;
    let mut allowed_by = None;
    for &g in groups {
        let list = rules(model, g, direction);
        total += list.len();
        if allowed_by.is_none()
            && let Some((i, r)) = list.iter().enumerate().find(|(_, r)| covers(r, &traffic))
        {
            allowed_by = Some(V6GroupRule {
                group: Id::from(sec.group(g).id.as_str()),
                index: i + 1,
                protocol: r.protocol,
                ports: r.ports,
                cidr: r.cidr,
            });
        }
    }
    let check = V6GroupCheck {
        direction,
        interface: interface.clone(),
        groups: groups
            .iter()
            .map(|&g| Id::from(sec.group(g).id.as_str()))
            .collect(),
        traffic,
        allowed_by,
        total,
    };
    if check.allowed_by.is_some() {
        return Outcome::Allowed(check);
    }
    if groups
        .iter()
        .any(|&g| reference_might(sec.group(g), direction, &traffic))
    {
        return Outcome::GroupReference(interface);
    }
    Outcome::Denied(check)
}

/// The traffic of a request to (egress) or from (ingress) `peer`.
pub(crate) fn traffic(probe: crate::eval::Probe, peer: Ipv6Net) -> V6Traffic {
    V6Traffic {
        protocol: probe.protocol,
        ports: probe.ports(),
        peer,
    }
}
