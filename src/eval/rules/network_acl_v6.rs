//! Network ACLs on IPv6 paths (<https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html>,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html>,
//! <https://docs.aws.amazon.com/whitepapers/latest/ipv6-on-aws/ipv6-security-and-monitoring-considerations.html>).
//!
//! As for IPv4 (stateless, per subnet, lowest number first, the first match decides, the final
//! `*` rule denies), over the ACL's IPv6 entries only: IPv6 traffic never matches an entry with
//! an IPv4 CIDR. A subnet associated with no network ACL of the scenario uses the stand-in
//! default, which allows all IPv6 traffic as AWS's default ACL does once the VPC has an IPv6
//! block (its rule 101, default-network-acl.html). A scenario's own ACL says which IPv6
//! entries it has: one written without any denies IPv6 by its `*` rule.
//!
//! Ranges: an allow entry matches when it covers all of the range; a deny entry that covers
//! part of it also matches, so "allowed" never rests on part of a range.

use crate::eval::facts::{AclDirection, Id, V6AclCheck, V6Traffic};
use crate::model::{Ipv6AclRule, Model, NetworkAcl, PortRange, RuleAction};

/// The rule number of the default network ACL's IPv6 allow-all rules.
const DEFAULT_IPV6_ALLOW_RULE: u16 = 101;

fn matches(rule: &Ipv6AclRule, traffic: &V6Traffic) -> bool {
    let deny = rule.action == RuleAction::Deny;
    let ports = match traffic.ports {
        None => true,
        Some(p) if rule.port_range().contains(p) => true,
        Some(p) => deny && rule.port_range().overlaps(p),
    };
    rule.protocol.covers(traffic.protocol)
        && ports
        && (rule.cidr.contains(&traffic.peer)
            || (deny && (traffic.peer.contains(&rule.cidr.network()))))
}

/// `subnet`'s network ACL on IPv6 `traffic` in `direction` (`reply`: the reply of a request).
pub(crate) fn check(
    model: &Model,
    subnet: usize,
    direction: AclDirection,
    reply: bool,
    traffic: V6Traffic,
) -> V6AclCheck {
    let s = model.scenario();
    let acl = model.security().acl(s, subnet);
    let (id, rule, allow) = match acl {
        None => (
            Id::from(NetworkAcl::IMPLICIT_DEFAULT),
            Some(DEFAULT_IPV6_ALLOW_RULE),
            true,
        ),
        Some(a) => {
            let list = match direction {
                AclDirection::Inbound => &a.ipv6_inbound,
                AclDirection::Outbound => &a.ipv6_outbound,
            };
            let mut sorted: Vec<&Ipv6AclRule> = list.iter().collect();
            sorted.sort_by_key(|r| r.number);
            let first = sorted.into_iter().find(|r| matches(r, &traffic));
            (
                Id::from(a.id.as_str()),
                first.map(|r| r.number),
                first.is_some_and(|r| r.action == RuleAction::Allow),
            )
        }
    };
    V6AclCheck {
        acl: id,
        subnet: Id::from(s.subnets[subnet].id.as_str()),
        direction,
        reply,
        traffic,
        rule,
        allow,
    }
}

/// A request across `subnet`'s boundary in `direction` and its reply the other way, on the
/// client's ephemeral ports: the denying check first, else both.
pub(crate) fn crossing(
    model: &Model,
    subnet: usize,
    direction: AclDirection,
    request: V6Traffic,
) -> Result<[V6AclCheck; 2], V6AclCheck> {
    let back = match direction {
        AclDirection::Inbound => AclDirection::Outbound,
        AclDirection::Outbound => AclDirection::Inbound,
    };
    let ephemeral: PortRange = model.security().ephemeral;
    let reply = V6Traffic {
        ports: request.protocol.has_ports().then_some(ephemeral),
        ..request
    };
    let a = check(model, subnet, direction, false, request);
    if !a.allow {
        return Err(a);
    }
    let b = check(model, subnet, back, true, reply);
    if !b.allow {
        return Err(b);
    }
    Ok([a, b])
}
