//! `security_group_egress`, `security_group_ingress`, `network_acl_outbound`,
//! `network_acl_inbound`, `network_acl_reply` and `source_dest_check` (aws-semantics.md §5b):
//! the smallest rule that lets the refused traffic pass, built from what the stop says (the
//! interface's groups, the ACL, the traffic's protocol, ports and other end), or the appliance's
//! check turned off.
//!
//! - A security group gets one rule, in the first group of the interface that refused: for
//!   ingress, the query's protocol and ports from the source's subnet, or from the source's own
//!   group (PrivateLink, "Create an interface endpoint": the endpoint's security group must
//!   allow the resources that use it, <https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html>;
//!   a group as the peer allows the interfaces in it,
//!   <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>); for egress,
//!   to the other end's subnet (inside the VPC), to the service's prefix list (a gateway
//!   endpoint's service), else to the addresses refused.
//! - A network ACL gets allow rules for exactly the refused protocol, ports (a reply: the
//!   client's ephemeral range, as the stop names it) and CIDRs (inside the VPC: the other end's
//!   subnet), numbered below the rule that denied (below the final `*`: the next ten above the
//!   highest number used), each a free number: rules are evaluated lowest first and the first match decides
//!   (<https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html>).
//! - An appliance interface whose source/destination check dropped the traffic gets the check
//!   turned off (<https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html>).

use ipnet::Ipv4Net;

use super::Candidates;
use super::context::Context;
use crate::eval::{AclCheck, AclDirection, GroupCheck, GroupDirection, Stop};
use crate::model::{Edit, NetworkAclRule, Peer, RuleAction, SecurityGroupRule};

/// The highest number a network ACL rule may have (AWS: 1–32766).
const MAX_RULE: u16 = 32766;

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    let mut acls: Vec<&AclCheck> = Vec::new();
    for stop in &ctx.stops {
        match stop {
            Stop::SecurityGroup(c) if c.allowed_by.is_none() => group_rule(ctx, c, out),
            Stop::NetworkAcl(c) if !c.allow => acls.push(c),
            Stop::SourceDestCheck { eni, .. } => out.one(Edit::SetSourceDestCheck {
                interface: eni.to_string(),
                enabled: Some(false),
            }),
            _ => {}
        }
    }
    acl_rules(ctx, &acls, out);
}

/// The VPC subnet whose CIDR holds `net`, if one does.
fn subnet_of(ctx: &Context<'_>, net: Ipv4Net) -> Option<Ipv4Net> {
    ctx.model
        .scenario()
        .subnets
        .iter()
        .filter_map(|s| Some(s.cidr?.trunc()))
        .find(|c| c.contains(&net))
}

/// The other end, widened to its subnet when it is inside the VPC.
fn peer_net(ctx: &Context<'_>, net: Ipv4Net) -> Ipv4Net {
    subnet_of(ctx, net).unwrap_or(net)
}

/// The CIDRs a rule must cover for the other end `net`: its subnet inside the VPC; every range
/// of the path's service when `net` is one of them (a stop names the first range refused, and
/// the service's ranges all take the path); else `net`.
fn other_ends(ctx: &Context<'_>, net: Ipv4Net) -> Vec<Ipv4Net> {
    if let Some(subnet) = subnet_of(ctx, net) {
        return vec![subnet];
    }
    for service in &ctx.services {
        if let Some(svc) = ctx.model.service(service)
            && svc.cidrs.iter().any(|r| r.contains(&net))
        {
            let mut all: Vec<Ipv4Net> = svc.cidrs.iter().map(|c| c.trunc()).collect();
            all.dedup();
            return all;
        }
    }
    vec![net]
}

/// One rule in the first group of the interface that refused.
fn group_rule(ctx: &Context<'_>, c: &GroupCheck, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let Some(group) = c.groups.first() else {
        return;
    };
    let rule = |peer: Peer| SecurityGroupRule {
        protocol: c.traffic.protocol,
        ports: c.traffic.ports,
        peer,
        description: None,
    };
    let add = |peer: Peer, out: &mut Candidates| {
        out.one(Edit::AddSecurityGroupRule {
            group: group.to_string(),
            egress: c.direction == GroupDirection::Egress,
            rule: rule(peer),
            position: None,
        })
    };
    match c.direction {
        GroupDirection::Ingress => {
            add(Peer::Cidr(peer_net(ctx, c.traffic.peer)), out);
            // The source's own group, when it names one and is not the interface itself.
            let source = ctx
                .instance
                .as_ref()
                .and_then(|id| s.instances.iter().find(|i| &i.id == id))
                .filter(|i| i.id != c.interface.as_str());
            if let Some(first) = source.and_then(|i| i.security_groups.first()) {
                add(Peer::Group(first.clone()), out);
            }
        }
        GroupDirection::Egress => {
            let peer = c.traffic.peer;
            if let Some(net) = subnet_of(ctx, peer) {
                add(Peer::Cidr(net), out);
                return;
            }
            // A gateway endpoint's service: its prefix list covers every range it has.
            for service in &ctx.services {
                let svc = ctx.model.service(service);
                if svc.is_some_and(|x| {
                    x.gateway_endpoint && x.cidrs.iter().any(|r| r.contains(&peer))
                }) {
                    add(Peer::PrefixList(service.clone()), out);
                }
            }
            // Else every range of the service (or the address) the stop names.
            let rules: Vec<Edit> = other_ends(ctx, peer)
                .into_iter()
                .map(|net| Edit::AddSecurityGroupRule {
                    group: group.to_string(),
                    egress: true,
                    rule: rule(Peer::Cidr(net)),
                    position: None,
                })
                .collect();
            out.batch(rules);
        }
    }
}

/// Allow rules for the refused crossings, one batch per ACL list: each refused CIDR once, the
/// numbers free and below the lowest rule that denied.
fn acl_rules(ctx: &Context<'_>, checks: &[&AclCheck], out: &mut Candidates) {
    let s = ctx.model.scenario();
    // Checks of one ACL's list, for one traffic (protocol and ports).
    let mut lists: Vec<Vec<&AclCheck>> = Vec::new();
    for &c in checks {
        let same = |x: &&AclCheck| {
            x.acl == c.acl
                && x.direction == c.direction
                && x.traffic.protocol == c.traffic.protocol
                && x.traffic.ports == c.traffic.ports
        };
        match lists.iter_mut().find(|l| l.first().is_some_and(same)) {
            Some(l) => l.push(c),
            None => lists.push(vec![c]),
        }
    }
    for list in lists {
        let first = list[0];
        let Some(acl) = s.network_acls.iter().find(|a| a.id == first.acl.as_str()) else {
            continue;
        };
        let outbound = first.direction == AclDirection::Outbound;
        let rules = if outbound {
            &acl.outbound
        } else {
            &acl.inbound
        };
        let below = list
            .iter()
            .map(|c| c.rule.unwrap_or(MAX_RULE + 1))
            .min()
            .unwrap_or(MAX_RULE + 1);
        let mut cidrs: Vec<Ipv4Net> = Vec::new();
        for c in &list {
            for net in other_ends(ctx, c.traffic.peer) {
                if !cidrs.contains(&net) {
                    cidrs.push(net);
                }
            }
        }
        let mut used: Vec<u16> = rules.iter().map(|r| r.number).collect();
        let mut edits = Vec::new();
        for cidr in cidrs {
            let Some(number) = free_number(&used, below) else {
                break;
            };
            used.push(number);
            edits.push(Edit::AddNetworkAclRule {
                acl: acl.id.clone(),
                outbound,
                rule: NetworkAclRule {
                    number,
                    protocol: first.traffic.protocol,
                    ports: first.traffic.ports,
                    cidr,
                    action: RuleAction::Allow,
                },
                position: None,
            });
        }
        out.batch(edits);
    }
}

/// A free rule number below `below`: the highest (so that the new rule decides just before the
/// one that denied); below the final `*` rule, the next ten above the highest used (AWS's
/// examples leave gaps between numbers), else the highest free. At most [`MAX_RULE`].
fn free_number(used: &[u16], below: u16) -> Option<u16> {
    if below > MAX_RULE {
        let next = (used.iter().max().copied().unwrap_or(0) / 10 + 1).saturating_mul(10);
        if next <= MAX_RULE && !used.contains(&next) {
            return Some(next);
        }
    }
    (1..below.min(MAX_RULE + 1))
        .rev()
        .find(|n| !used.contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_free_number_is_below_the_deny_and_within_aws_range() {
        assert_eq!(free_number(&[90, 100], 90), Some(89));
        assert_eq!(free_number(&[89, 90], 90), Some(88));
        assert_eq!(free_number(&[100], MAX_RULE + 1), Some(110));
        assert_eq!(free_number(&[], MAX_RULE + 1), Some(10));
        assert_eq!(free_number(&[MAX_RULE], MAX_RULE + 1), Some(MAX_RULE - 1));
        assert_eq!(free_number(&[1], 2), None);
        assert_eq!(free_number(&[], 1), None);
    }
}
