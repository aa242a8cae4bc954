//! Security groups (aws-semantics.md §5b;
//! <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html>,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>).
//!
//! Allow-only and stateful: traffic leaves an interface only if an egress rule of one of its
//! groups allows it, and enters one only if an ingress rule does; the reply of allowed traffic
//! is allowed without a rule. A rule's peer is a CIDR, a managed prefix list, or a group (the
//! interfaces in that group). The VPC's default group (default-security-group.html) allows
//! inbound from its own members and all outbound.
//!
//! A range (a hypothetical instance anywhere in a subnet, a service's public range) is allowed
//! only when one rule covers all of it: "reachable" never rests on part of a range.

use ipnet::Ipv4Net;

use crate::eval::ctx::Ctx;
use crate::eval::facts::{GroupCheck, GroupDirection, GroupRule, Id, Traffic};
use crate::model::SecurityGroupRule;
use crate::model::security_rules::{GroupPeer, GroupRuleC, PROBE_KIND, Span};

/// The rules of a failed check that a fact lists; the rest are counted.
const SHOWN: usize = 6;

/// Whether `rule` allows `traffic` (its peer as `peer`), whose other end holds the groups
/// `peer_groups` (none: an address outside any interface the model knows, or one a NAT
/// translated).
fn covers(
    ctx: &Ctx<'_>,
    rule: &GroupRuleC,
    traffic: &Traffic,
    peer: Span,
    peer_groups: Option<&[u32]>,
) -> bool {
    if !rule.protocol.covers(traffic.protocol) {
        return false;
    }
    if let Some(ports) = traffic.ports
        && !(rule.ports.0 <= ports.0 && ports.1 <= rule.ports.1)
    {
        return false;
    }
    match &rule.peer {
        GroupPeer::Cidr(c) => c.contains(peer),
        GroupPeer::PrefixList(service) => prefix_list_covers(ctx, service, traffic.peer),
        GroupPeer::Group(g) => match (g, peer_groups) {
            (Some(g), Some(held)) => held.contains(g),
            _ => false,
        },
    }
}

/// Whether an AWS-managed prefix list (the service's published ranges) holds all of `peer`.
pub(crate) fn prefix_list_covers(ctx: &Ctx<'_>, service: &str, peer: Ipv4Net) -> bool {
    ctx.model
        .service(service)
        .is_some_and(|s| s.cidrs.iter().any(|c| c.contains(&peer)))
}

/// The fact naming one rule of `group`: `rule` as the scenario has it, `compiled` its
/// compiled form (its place in the list, and its peer written once when compiled).
pub(crate) fn rule_fact(group: &str, rule: &SecurityGroupRule, compiled: &GroupRuleC) -> GroupRule {
    // The peer written when compiled is the rule's as `Display` writes it (an invariant, not a
    // message).
    debug_assert_eq!(
        compiled.peer_text,
        compact_str::ToCompactString::to_compact_string(&rule.peer)
    );
    GroupRule {
        group: Id::from(group),
        index: compiled.index as usize + 1,
        protocol: rule.protocol,
        ports: rule.ports,
        peer: compiled.peer_text.clone(),
    }
}

/// The first compiled rule (groups in order, rules in order) of `groups` in `direction` that
/// allows `traffic`, with its group: what [`check`] and [`allows`] decide by.
#[inline]
fn first_allowing<'m>(
    ctx: &Ctx<'m>,
    direction: GroupDirection,
    groups: &[u32],
    traffic: &Traffic,
    peer_groups: Option<&[u32]>,
) -> Option<(u32, &'m GroupRuleC)> {
    let sec = ctx.model.security();
    let side = match direction {
        GroupDirection::Ingress => 0,
        GroupDirection::Egress => 1,
    };
    let peer = Span::of(traffic.peer);
    groups.iter().find_map(|&g| {
        sec.group_rules[g as usize][side]
            .iter()
            .find(|r| covers(ctx, r, traffic, peer, peer_groups))
            .map(|r| (g, r))
    })
}

/// Whether [`check`] allows `traffic` (its decision without the fact). The groups' rules are
/// not recorded as read: the caller records what it keeps (`matrix/family.rs`).
pub(crate) fn allows(
    ctx: &Ctx<'_>,
    direction: GroupDirection,
    groups: &[u32],
    traffic: &Traffic,
    peer_groups: Option<&[u32]>,
) -> bool {
    let sec = ctx.model.security();
    let kind = (traffic.protocol, traffic.ports.map(|p| (p.0, p.1)));
    if kind != PROBE_KIND {
        return first_allowing(ctx, direction, groups, traffic, peer_groups).is_some();
    }
    // The default probe: each group's rules decided ahead, one binary search per group.
    let side = match direction {
        GroupDirection::Ingress => 0,
        GroupDirection::Egress => 1,
    };
    let peer = Span::of(traffic.peer);
    let allowed = groups.iter().any(|&g| {
        sec.group_ahead
            .get(g as usize)
            .is_some_and(|a| a[side].allows(peer, peer_groups))
    });
    // The rules decided ahead decide as the scan of the rules (an invariant, not a message).
    debug_assert_eq!(
        allowed,
        first_allowing(ctx, direction, groups, traffic, peer_groups).is_some()
    );
    allowed
}

/// A check that allowed the traffic: the interface (the hop's id) and, when facts are kept, the
/// check with the rule that allowed it. Small to move: the check is boxed once, as the hop's fact
/// keeps it.
pub(crate) struct Allowed {
    pub interface: Id,
    pub check: Option<Box<GroupCheck>>,
}

/// Check `traffic` against the rules of `groups` in `direction`, at `interface`. `Ok` when some
/// rule allows it (the rule named), `Err` when none does (the rules listed).
pub(crate) fn check(
    ctx: &Ctx<'_>,
    direction: GroupDirection,
    interface: &str,
    groups: &[u32],
    traffic: Traffic,
    peer_groups: Option<&[u32]>,
) -> Result<Allowed, Box<GroupCheck>> {
    check_with(
        ctx,
        true,
        direction,
        interface,
        groups,
        traffic,
        peer_groups,
    )
}

/// [`check`], the groups' rules recorded as read only when `record` (the matrix records those
/// of a source's groups itself, for each class whose checks decide alike: `matrix/family.rs`).
pub(crate) fn check_with(
    ctx: &Ctx<'_>,
    record: bool,
    direction: GroupDirection,
    interface: &str,
    groups: &[u32],
    traffic: Traffic,
    peer_groups: Option<&[u32]>,
) -> Result<Allowed, Box<GroupCheck>> {
    let sec = ctx.model.security();
    if record {
        ctx.read_groups(groups);
    }
    let side = match direction {
        GroupDirection::Ingress => 0,
        GroupDirection::Egress => 1,
    };
    // Each rule of group `g` in `direction` with its compiled form (the same list, in order).
    let rules_of = |g: u32| {
        let group = sec.group(g);
        let rules = match direction {
            GroupDirection::Egress => &group.egress,
            GroupDirection::Ingress => &group.ingress,
        };
        let compiled = &sec.group_rules[g as usize][side];
        rules.iter().zip(compiled).map(move |(r, c)| (group, r, c))
    };
    // Without facts only the decision counts: decided ahead ([`allows`]).
    if !ctx.layer_facts() {
        return match allows(ctx, direction, groups, &traffic, peer_groups) {
            true => Ok(Allowed {
                // A hop not kept (a quiet check, `Ctx::quiet`, or the matrix's): no id to make.
                interface: match crate::eval::layers::keeps_hops(ctx) {
                    false => Id::default(),
                    true => Id::from(interface),
                },
                check: None,
            }),
            false => Err(Box::new(GroupCheck {
                direction,
                interface: Id::from(interface),
                groups: Default::default(),
                traffic,
                allowed_by: None,
                rules: Vec::new(),
                total: groups.iter().map(|&g| rules_of(g).count()).sum(),
            })),
        };
    }
    // The first rule (groups in order, rules in order) that allows the traffic, on the
    // compiled rules; the scenario's rule is read back for the fact.
    let allowed_by =
        first_allowing(ctx, direction, groups, &traffic, peer_groups).map(|(g, rule)| {
            let group = sec.group(g);
            let rules = match direction {
                GroupDirection::Egress => &group.egress,
                GroupDirection::Ingress => &group.ingress,
            };
            (group, &rules[rule.index as usize], rule)
        });
    let group_ids = || {
        if ctx.facts {
            groups
                .iter()
                .map(|&g| sec.group_ids[g as usize].clone())
                .collect()
        } else {
            Default::default()
        }
    };
    match allowed_by {
        Some((group, r, c)) => Ok(Allowed {
            interface: Id::from(interface),
            check: Some(Box::new(GroupCheck {
                direction,
                interface: Id::from(interface),
                groups: group_ids(),
                traffic,
                allowed_by: ctx.facts.then(|| rule_fact(&group.id, r, c)),
                rules: Vec::new(),
                total: 0,
            })),
        }),
        None => {
            let total = groups.iter().map(|&g| rules_of(g).count()).sum();
            let rules = if ctx.facts {
                groups
                    .iter()
                    .flat_map(|&g| rules_of(g))
                    .take(SHOWN)
                    .map(|(group, r, c)| rule_fact(&group.id, r, c))
                    .collect()
            } else {
                Vec::new()
            };
            Err(Box::new(GroupCheck {
                direction,
                interface: Id::from(interface),
                groups: group_ids(),
                traffic,
                allowed_by: None,
                rules,
                total,
            }))
        }
    }
}
