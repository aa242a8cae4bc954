//! Network ACLs (aws-semantics.md §5b;
//! <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html>,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html>,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html>).
//!
//! Stateless, per subnet: the rules of one direction are evaluated lowest number first and the
//! first rule that matches decides; when none matches, the final `*` rule denies. A subnet
//! associated with no network ACL uses the default one, which allows everything (rule 100).
//! A reply is checked on its own: its destination port is the client's ephemeral port.
//!
//! Ranges (a subnet standing for an unknown address, a service's range, the ephemeral ports):
//! a rule matches when it covers all of the range; a deny rule that covers part of it also
//! matches, so "allowed" never rests on part of a range.

use ipnet::Ipv4Net;

use crate::eval::ctx::Ctx;
use crate::eval::facts::{AclCheck, AclDirection, Id, Traffic};
use crate::model::{NetworkAcl, NetworkAclRule, RuleAction};

/// The rule number of the default network ACL's allow-all rules.
const DEFAULT_ALLOW_RULE: u16 = 100;

fn matches(rule: &NetworkAclRule, traffic: &Traffic) -> bool {
    if !rule.protocol.covers(traffic.protocol) {
        return false;
    }
    let deny = rule.action == RuleAction::Deny;
    let ports = match traffic.ports {
        None => true,
        Some(p) if rule.port_range().contains(p) => true,
        Some(p) => deny && rule.port_range().overlaps(p),
    };
    let cidr = rule.cidr.contains(&traffic.peer) || (deny && overlaps(rule.cidr, traffic.peer));
    ports && cidr
}

fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b) || b.contains(&a)
}

/// The decision of `acl` (none: the default allow-all) for traffic crossing `subnet`.
pub(crate) fn check(
    ctx: &Ctx<'_>,
    acl: Option<&NetworkAcl>,
    subnet: usize,
    direction: AclDirection,
    reply: bool,
    traffic: Traffic,
) -> AclCheck {
    let subnet = Id::from(ctx.model.scenario().subnets[subnet].id.as_str());
    let Some(acl) = acl else {
        return AclCheck {
            acl: Id::from(NetworkAcl::IMPLICIT_DEFAULT),
            subnet,
            direction,
            reply,
            traffic,
            rule: Some(DEFAULT_ALLOW_RULE),
            allow: true,
        };
    };
    let rules = match direction {
        AclDirection::Inbound => &acl.inbound,
        AclDirection::Outbound => &acl.outbound,
    };
    // The lowest-numbered matching rule (the first of equals, as `min_by_key` picks). A rule
    // numbered above the best match so far cannot decide, so it is skipped before the costlier
    // match test: with rules listed in number order (as AWS lists them) the scan ends in
    // comparisons once a rule matched.
    let mut decided: Option<&NetworkAclRule> = None;
    for r in rules {
        if decided.is_none_or(|d| r.number < d.number) && matches(r, &traffic) {
            decided = Some(r);
        }
    }
    AclCheck {
        acl: Id::from(acl.id.as_str()),
        subnet,
        direction,
        reply,
        traffic,
        rule: decided.map(|r| r.number),
        allow: decided.is_some_and(|r| r.action == RuleAction::Allow),
    }
}
