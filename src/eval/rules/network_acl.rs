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

use crate::eval::ctx::Ctx;
use crate::eval::facts::{AclCheck, AclDirection, Id, Traffic};
use crate::model::NetworkAcl;
use crate::model::security_rules::{AclRuleC, CompiledAcl, Span};

/// The rule number of the default network ACL's allow-all rules.
const DEFAULT_ALLOW_RULE: u16 = 100;

fn matches(
    rule: &AclRuleC,
    protocol: crate::model::Protocol,
    ports: Option<(u16, u16)>,
    peer: Span,
) -> bool {
    if !rule.protocol.covers(protocol) {
        return false;
    }
    let (lo, hi) = rule.ports;
    let ports = match ports {
        None => true,
        Some((a, b)) if lo <= a && b <= hi => true,
        Some((a, b)) => rule.deny && lo <= b && a <= hi,
    };
    ports && (rule.cidr.contains(peer) || (rule.deny && rule.cidr.overlaps(peer)))
}

/// The lowest-numbered rule of `rules` that matches `traffic`: the rules are compiled in
/// number order (the first listed of equal numbers first), so the first that matches decides.
fn decide<'r>(rules: &'r [AclRuleC], traffic: &Traffic) -> Option<&'r AclRuleC> {
    let ports = traffic.ports.map(|p| (p.0, p.1));
    let peer = Span::of(traffic.peer);
    rules
        .iter()
        .find(|r| matches(r, traffic.protocol, ports, peer))
}

/// Whether network ACL `acl` (none: the default allow-all) allows `traffic` going `direction`,
/// as [`check`] decides it, without the fact.
pub(crate) fn allows(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    direction: AclDirection,
    traffic: &Traffic,
) -> bool {
    let Some(compiled) = acl.and_then(|a| ctx.model.security().acl_rules.get(a as usize)) else {
        return true;
    };
    let side = match direction {
        AclDirection::Inbound => 0,
        AclDirection::Outbound => 1,
    };
    let rules = &compiled[side];
    let kind = (traffic.protocol, traffic.ports.map(|p| (p.0, p.1)));
    // The default probe's request and replies: the rules that can match decided ahead.
    let ahead = ctx
        .model
        .security()
        .acl_ahead
        .get(acl.unwrap_or(u32::MAX) as usize)
        .and_then(|a| a[side].iter().find(|f| f.kind == kind));
    if let Some(ahead) = ahead {
        let allowed = ahead.allows(Span::of(traffic.peer));
        // The rules decided ahead decide as the scan (an invariant, not a message).
        debug_assert_eq!(allowed, decide(rules, traffic).is_some_and(|r| !r.deny));
        return allowed;
    }
    decide(rules, traffic).is_some_and(|r| !r.deny)
}

/// Whether network ACL `acl` (none: the default allow-all) allows the request `request` going
/// `direction` with `peer` at the other end, and (asked only when `both` or the request is
/// allowed; else `false`) its reply `reply` going back: [`allows`] of each, the ACL's rules
/// and the kinds decided ahead looked up once for the two (a crossing's two decisions).
pub(crate) fn allows_crossing(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    direction: AclDirection,
    traffic: [&Traffic; 2],
    both: bool,
) -> (bool, bool) {
    let sec = ctx.model.security();
    let Some(compiled) = acl.and_then(|a| sec.acl_rules.get(a as usize)) else {
        return (true, true);
    };
    let ahead = acl.and_then(|a| sec.acl_ahead.get(a as usize));
    let side = match direction {
        AclDirection::Inbound => 0,
        AclDirection::Outbound => 1,
    };
    let one = |side: usize, traffic: &Traffic| {
        let kind = (traffic.protocol, traffic.ports.map(|p| (p.0, p.1)));
        let rules = &compiled[side];
        match ahead.and_then(|a| a[side].iter().find(|f| f.kind == kind)) {
            Some(ahead) => {
                let allowed = ahead.allows(Span::of(traffic.peer));
                // The rules decided ahead decide as the scan (an invariant, not a message).
                debug_assert_eq!(allowed, decide(rules, traffic).is_some_and(|r| !r.deny));
                allowed
            }
            None => decide(rules, traffic).is_some_and(|r| !r.deny),
        }
    };
    let request = one(side, traffic[0]);
    let reply = (request || both) && one(1 - side, traffic[1]);
    // As [`allows`] decides each (an invariant, not a message).
    debug_assert_eq!(request, allows(ctx, acl, direction, traffic[0]));
    debug_assert!(!(request || both) || reply == allows_back(ctx, acl, direction, traffic[1]));
    (request, reply)
}

/// The direction of the reply to traffic going `direction`.
fn back(direction: AclDirection) -> AclDirection {
    match direction {
        AclDirection::Inbound => AclDirection::Outbound,
        AclDirection::Outbound => AclDirection::Inbound,
    }
}

/// [`allows`] of the reply to traffic going `direction` (it goes the other way).
fn allows_back(ctx: &Ctx<'_>, acl: Option<u32>, direction: AclDirection, reply: &Traffic) -> bool {
    allows(ctx, acl, back(direction), reply)
}

/// Network ACL `acl` (an index into the scenario's) as a check names it, with its compiled
/// rules (inbound, outbound); `None` for no ACL: the default allow-all.
fn found<'a>(ctx: &Ctx<'a>, acl: Option<u32>) -> Option<(Id, &'a CompiledAcl)> {
    let a = acl? as usize;
    let model = ctx.model.scenario().network_acls.get(a)?;
    Some((
        Id::from(model.id.as_str()),
        ctx.model.security().acl_rules.get(a)?,
    ))
}

/// The decision of the ACL [`found`] gave for `traffic` crossing `subnet` going `direction`.
fn decided(
    found: Option<&(Id, &CompiledAcl)>,
    subnet: Id,
    direction: AclDirection,
    reply: bool,
    traffic: Traffic,
) -> AclCheck {
    let Some((acl, compiled)) = found else {
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
        AclDirection::Inbound => &compiled[0],
        AclDirection::Outbound => &compiled[1],
    };
    let decided = decide(rules, &traffic);
    AclCheck {
        acl: acl.clone(),
        subnet,
        direction,
        reply,
        traffic,
        rule: decided.map(|r| r.number),
        allow: decided.is_some_and(|r| !r.deny),
    }
}

/// The two checks of one crossing of `subnet`'s boundary: [`check`] of the request going
/// `direction` and of its reply going back, the subnet's and the ACL's ids made and the ACL
/// looked up once for the two (a trace's crossing makes both; its hop keeps them).
pub(crate) fn check_crossing(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    subnet: usize,
    direction: AclDirection,
    [request, reply]: [Traffic; 2],
) -> [AclCheck; 2] {
    let subnet = Id::from(ctx.model.scenario().subnets[subnet].id.as_str());
    let found = found(ctx, acl);
    [
        decided(found.as_ref(), subnet.clone(), direction, false, request),
        decided(found.as_ref(), subnet, back(direction), true, reply),
    ]
}

/// The decision of network ACL `acl` (an index into the scenario's; none: the default
/// allow-all) for traffic crossing `subnet`, one check on its own: the reference that
/// [`check_crossing`]'s pairing of request and reply is held to (its test).
#[cfg(test)]
fn check(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    subnet: usize,
    direction: AclDirection,
    reply: bool,
    traffic: Traffic,
) -> AclCheck {
    let subnet = Id::from(ctx.model.scenario().subnets[subnet].id.as_str());
    decided(found(ctx, acl).as_ref(), subnet, direction, reply, traffic)
}

#[cfg(test)]
mod tests {
    use ipnet::Ipv4Net;

    use super::*;
    use crate::eval::query::Probe;
    use crate::model::{NAT_EPHEMERAL, PortRange, Protocol};

    /// A crossing's two checks made together ([`check_crossing`]) are [`check`] of the request
    /// and of its reply going back, field for field, for every subnet of the shipped
    /// scenarios with network ACLs (and on the stand-in default ACL), both directions, peers
    /// inside and outside the VPC, replies to the client's and a NAT gateway's ports, on TCP
    /// 443, UDP 53 and ICMP.
    #[test]
    fn a_crossings_checks_made_together_are_its_two_checks() {
        let (mut allowed, mut denied) = (0, 0);
        let peers: Vec<Ipv4Net> = ["10.0.1.10/32", "10.0.0.0/16", "52.94.0.0/22", "0.0.0.0/0"]
            .iter()
            .map(|p| p.parse().expect("a net"))
            .collect();
        let kinds = [
            (Protocol::Tcp, Some(PortRange::one(443))),
            (Protocol::Udp, Some(PortRange::one(53))),
            (Protocol::Icmp, None),
        ];
        for name in [
            "security-layers",
            "nacl-ephemeral",
            "endpoint-security-group",
        ] {
            let model = crate::model::shipped_scenario(name);
            let ctx = Ctx::verdicts(&model, &[], Probe::default());
            let sec = model.security();
            for subnet in 0..model.scenario().subnets.len() {
                let acls = [sec.acl_of(subnet), None];
                for (acl, direction) in acls
                    .into_iter()
                    .flat_map(|a| [AclDirection::Inbound, AclDirection::Outbound].map(|d| (a, d)))
                {
                    for (&peer, (protocol, ports)) in
                        peers.iter().flat_map(|p| kinds.map(|k| (p, k)))
                    {
                        for reply_ports in [sec.ephemeral, NAT_EPHEMERAL, PortRange(32768, 60999)] {
                            let request = Traffic {
                                protocol,
                                ports,
                                peer,
                            };
                            let reply = Traffic {
                                protocol,
                                ports: protocol.has_ports().then_some(reply_ports),
                                peer,
                            };
                            let both =
                                check_crossing(&ctx, acl, subnet, direction, [request, reply]);
                            let each = [
                                check(&ctx, acl, subnet, direction, false, request),
                                check(&ctx, acl, subnet, back(direction), true, reply),
                            ];
                            assert_eq!(both, each, "{name} {subnet} {acl:?} {direction:?}");
                            for c in &both {
                                match c.allow {
                                    true => allowed += 1,
                                    false => denied += 1,
                                }
                            }
                        }
                    }
                }
            }
        }
        // Both decisions made: the scenarios' ACLs allow some checks and deny others.
        assert!(allowed > 0 && denied > 0, "{allowed} {denied}");
    }
}
