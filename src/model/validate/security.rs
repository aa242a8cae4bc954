//! Security groups and network ACLs: references that must resolve and AWS's quotas
//! (aws-semantics.md §5b, §7).
//!
//! - Security group quotas: 60 inbound and 60 outbound rules per group, 5 groups per network
//!   interface (the defaults; <https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups>).
//! - Network ACLs: rule numbers 1–32766, one rule per number and direction, 20 rules per
//!   direction by default and 40 at most, one network ACL per subnet
//!   (<https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html>,
//!   <https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-nacls>).

use std::collections::{HashMap, HashSet};

use super::Cx;
use crate::model::{Diagnostic, NetworkAclRule, Peer, PortRange, SecurityGroupRule};

/// Rules per direction in one security group (the default quota).
pub const MAX_GROUP_RULES: usize = 60;
/// Security groups per network interface (the default quota).
pub const MAX_GROUPS_PER_INTERFACE: usize = 5;
/// The highest network ACL rule number a user may set; 32767 is the `*` rule.
pub const MAX_ACL_RULE_NUMBER: u16 = 32766;
/// Rules per direction in one network ACL: the default quota, and the most it can be raised to.
pub const DEFAULT_ACL_RULES: usize = 20;
pub const MAX_ACL_RULES: usize = 40;

/// Every interface names groups that exist, at most five; every group's rules are within the
/// quota and their peers resolve: a group of the VPC, or a prefix list AWS publishes.
pub(super) fn security_groups(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let groups: HashSet<&str> = s.security_groups.iter().map(|g| g.id.as_str()).collect();
    // After a rule edit: the edited groups' rules only, and the attachments if they changed.
    if let Some((edited, _)) = cx.rules_scope {
        if cx.attachments {
            attached_groups(cx, &groups, out);
        }
        for g in edited.iter().filter_map(|&g| s.security_groups.get(g)) {
            group_rules(cx, &groups, g, out);
        }
        return;
    }
    attached_groups(cx, &groups, out);
    for g in &s.security_groups {
        group_rules(cx, &groups, g, out);
    }
}

/// Every interface names groups that exist, at most five.
fn attached_groups(cx: &Cx, groups: &HashSet<&str>, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let attached = s
        .instances
        .iter()
        .map(|i| (i.id.as_str(), &i.security_groups))
        .chain(
            s.interface_endpoints
                .iter()
                .map(|e| (e.id.as_str(), &e.security_groups)),
        )
        .chain(
            s.network_interfaces
                .iter()
                .map(|n| (n.id.as_str(), &n.security_groups)),
        );
    for (object, list) in attached {
        if list.len() > MAX_GROUPS_PER_INTERFACE {
            out.push(
                Diagnostic::error(object, "too_many_security_groups")
                    .s("id", object)
                    .n("count", list.len())
                    .n("max", MAX_GROUPS_PER_INTERFACE),
            );
        }
        for g in list {
            if !groups.contains(g.as_str()) {
                out.push(
                    Diagnostic::error(object, "unknown_security_group")
                        .s("case", "attached")
                        .s("id", object)
                        .s("group", g)
                        .list("known", s.security_groups.iter().map(|g| g.id.as_str())),
                );
            }
        }
    }
}

/// One group's rules: within the quota, their peers resolving.
fn group_rules(
    cx: &Cx,
    groups: &HashSet<&str>,
    g: &crate::model::SecurityGroup,
    out: &mut Vec<Diagnostic>,
) {
    for (direction, rules) in [("ingress", &g.ingress), ("egress", &g.egress)] {
        if rules.len() > MAX_GROUP_RULES {
            out.push(
                Diagnostic::error(&g.id, "too_many_security_group_rules")
                    .s("group", &g.id)
                    .s("direction", direction)
                    .n("count", rules.len())
                    .n("max", MAX_GROUP_RULES),
            );
        }
        for (i, r) in rules.iter().enumerate() {
            group_rule(cx, groups, &g.id, direction, i, r, out);
        }
    }
}

fn group_rule(
    cx: &Cx,
    groups: &HashSet<&str>,
    group: &str,
    direction: &str,
    index: usize,
    r: &SecurityGroupRule,
    out: &mut Vec<Diagnostic>,
) {
    let at = || {
        Diagnostic::error(group, "unknown_security_group")
            .s("group", group)
            .s("direction", direction)
            .n("index", index + 1)
    };
    match &r.peer {
        Peer::Group(x) if !groups.contains(x.as_str()) => {
            out.push(
                at().s("case", "rule")
                    .s("id", x)
                    .list("known", cx.s.security_groups.iter().map(|g| g.id.as_str())),
            );
        }
        Peer::PrefixList(service)
            if !cx
                .services
                .get(service.as_str())
                .is_some_and(|s| s.gateway_endpoint) =>
        {
            out.push(
                Diagnostic::error(group, "unknown_rule_prefix_list")
                    .s("group", group)
                    .s("direction", direction)
                    .n("index", index + 1)
                    .s("prefix_list", format!("pl-{service}")),
            );
        }
        Peer::Cidr(c) if c.addr() != c.network() => out.push(
            Diagnostic::error(group, "cidr_host_bits")
                .m("what", "what-rule-cidr")
                .s("cidr", c)
                .s("network", c.trunc()),
        ),
        _ => {}
    }
    ports(group, direction, index + 1, r.protocol, r.ports, out);
}

/// A port range only for TCP and UDP, and from ≤ to.
fn ports(
    object: &str,
    direction: &str,
    rule: usize,
    protocol: crate::model::Protocol,
    ports: Option<PortRange>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(p) = ports else {
        return;
    };
    if !protocol.has_ports() || p.0 > p.1 {
        out.push(
            Diagnostic::error(object, "bad_port_range")
                .s("id", object)
                .s("direction", direction)
                .n("rule", rule)
                .s("protocol", protocol.code())
                .s("from", p.0)
                .s("to", p.1),
        );
    }
}

/// Rule numbers 1–32766, once per direction; within the rule quota; associations resolve and
/// name each subnet once; one default network ACL.
pub(super) fn network_acls(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    // After a rule edit: the edited ACLs' rules only, and the associations if they changed.
    let rules_of = |acl: &crate::model::NetworkAcl| match cx.rules_scope {
        Some((_, edited)) => edited
            .iter()
            .any(|&a| s.network_acls.get(a).is_some_and(|x| std::ptr::eq(x, acl))),
        None => true,
    };
    if let Some((_, edited)) = cx.rules_scope
        && !cx.attachments
    {
        for acl in edited.iter().filter_map(|&a| s.network_acls.get(a)) {
            acl_rules_both(acl, out);
        }
        return;
    }
    let mut owner: HashMap<&str, &str> = HashMap::new();
    let defaults: Vec<&str> = s
        .network_acls
        .iter()
        .filter(|a| a.default)
        .map(|a| a.id.as_str())
        .collect();
    if defaults.len() > 1 {
        out.push(
            Diagnostic::error(defaults[1], "multiple_default_network_acls")
                .list("acls", defaults.iter()),
        );
    }
    for acl in &s.network_acls {
        if rules_of(acl) {
            acl_rules_both(acl, out);
        }
        for sn in &acl.subnets {
            if !cx.subnets.contains_key(sn.as_str()) {
                out.push(
                    Diagnostic::error(&acl.id, "unknown_subnet")
                        .s("case", "associated")
                        .s("table", &acl.id)
                        .s("subnet", sn),
                );
            } else if let Some(first) = owner.insert(sn.as_str(), acl.id.as_str()) {
                out.push(
                    Diagnostic::error(sn, "subnet_multiple_network_acls")
                        .s("subnet", sn)
                        .s("first", first)
                        .s("second", &acl.id),
                );
            }
        }
    }
    if let Some(p) = s.ephemeral_ports
        && (p.0 > p.1 || p.0 == 0)
    {
        out.push(
            Diagnostic::error("ephemeral_ports", "bad_ephemeral_ports")
                .s("from", p.0)
                .s("to", p.1),
        );
    }
}

/// One network ACL's rules, IPv4 and IPv6, both directions.
fn acl_rules_both(acl: &crate::model::NetworkAcl, out: &mut Vec<Diagnostic>) {
    for (direction, rules) in [("inbound", &acl.inbound), ("outbound", &acl.outbound)] {
        acl_rules(&acl.id, direction, rules, out);
    }
    for (direction, v4, v6) in [
        ("inbound", &acl.inbound, &acl.ipv6_inbound),
        ("outbound", &acl.outbound, &acl.ipv6_outbound),
    ] {
        acl_rules_v6(&acl.id, direction, v4, v6, out);
    }
}

/// IPv6 entries: numbered 1–32766 like the IPv4 ones, and unique among both in a direction
/// (one `RuleNumber` per entry in AWS's list; nacl-rules.html).
fn acl_rules_v6(
    acl: &str,
    direction: &str,
    v4: &[NetworkAclRule],
    v6: &[crate::model::Ipv6AclRule],
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: HashSet<u16> = v4.iter().map(|r| r.number).collect();
    for r in v6 {
        let d = if r.number == 0 || r.number > MAX_ACL_RULE_NUMBER {
            Diagnostic::error(acl, "network_acl_rule_number")
        } else if !seen.insert(r.number) {
            Diagnostic::error(acl, "network_acl_rule_number_duplicate")
        } else {
            continue;
        };
        out.push(
            d.s("acl", acl)
                .s("direction", direction)
                .n("number", usize::from(r.number)),
        );
    }
}

fn acl_rules(acl: &str, direction: &str, rules: &[NetworkAclRule], out: &mut Vec<Diagnostic>) {
    if rules.len() > MAX_ACL_RULES {
        out.push(
            Diagnostic::error(acl, "too_many_network_acl_rules")
                .s("acl", acl)
                .s("direction", direction)
                .n("count", rules.len())
                .n("max", MAX_ACL_RULES),
        );
    } else if rules.len() > DEFAULT_ACL_RULES {
        out.push(
            Diagnostic::warning(acl, "network_acl_rules_over_default_quota")
                .s("acl", acl)
                .s("direction", direction)
                .n("count", rules.len())
                .n("max", DEFAULT_ACL_RULES),
        );
    }
    let mut seen = HashSet::new();
    for r in rules {
        if r.number == 0 || r.number > MAX_ACL_RULE_NUMBER {
            out.push(
                Diagnostic::error(acl, "network_acl_rule_number")
                    .s("acl", acl)
                    .s("direction", direction)
                    .n("number", usize::from(r.number)),
            );
        } else if !seen.insert(r.number) {
            out.push(
                Diagnostic::error(acl, "network_acl_rule_number_duplicate")
                    .s("acl", acl)
                    .s("direction", direction)
                    .n("number", usize::from(r.number)),
            );
        }
        if r.cidr.addr() != r.cidr.network() {
            out.push(
                Diagnostic::error(acl, "cidr_host_bits")
                    .m("what", "what-rule-cidr")
                    .s("cidr", r.cidr)
                    .s("network", r.cidr.trunc()),
            );
        }
        ports(
            acl,
            direction,
            usize::from(r.number),
            r.protocol,
            r.ports,
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::{
        NetworkAcl, NetworkAclRule, Peer, PortRange, Protocol, RuleAction, SecurityGroup,
        SecurityGroupRule,
    };

    fn rule(peer: Peer) -> SecurityGroupRule {
        SecurityGroupRule {
            protocol: Protocol::Tcp,
            ports: Some(PortRange::one(443)),
            peer,
            description: None,
        }
    }

    fn acl_rule(number: u16) -> NetworkAclRule {
        NetworkAclRule {
            number,
            protocol: Protocol::All,
            ports: None,
            cidr: net("0.0.0.0/0"),
            action: RuleAction::Allow,
        }
    }

    #[test]
    fn groups_resolve_and_stay_within_quotas() {
        let mut s = minimal();
        s.security_groups.push(SecurityGroup {
            id: "sg-ep".into(),
            name: None,
            ingress: vec![rule(Peer::Group("sg-nowhere".into())); 61].into(),
            egress: vec![rule(Peer::PrefixList("ssm".into()))].into(),
            ingress_ipv6: Vec::new(),
            egress_ipv6: Vec::new(),
        });
        s.interface_endpoints[0].security_groups = vec!["sg-ep".into(), "sg-missing".into()];
        s.instances[0].security_groups = vec!["sg-ep".into(); 6];
        let d = run(&s);
        assert_eq!(
            found(&d, "too_many_security_group_rules").len(),
            1,
            "{d:#?}"
        );
        assert_eq!(found(&d, "too_many_security_groups").len(), 1, "{d:#?}");
        // 61 rules naming a missing group, and one endpoint attachment.
        assert_eq!(found(&d, "unknown_security_group").len(), 62, "{d:#?}");
        // ssm publishes no prefix list.
        assert_eq!(found(&d, "unknown_rule_prefix_list").len(), 1, "{d:#?}");
        let bad = &found(&d, "unknown_security_group")[0];
        assert!(bad.starts_with("vpce-ssm"), "{bad}");
    }

    #[test]
    fn network_acl_rules_are_numbered_within_aws_range_once() {
        let mut s = minimal();
        s.network_acls.push(NetworkAcl {
            id: "acl-1".into(),
            name: None,
            default: false,
            subnets: vec!["subnet-private-a".into(), "subnet-nowhere".into()],
            inbound: vec![acl_rule(0), acl_rule(32767), acl_rule(100), acl_rule(100)].into(),
            outbound: vec![NetworkAclRule {
                protocol: Protocol::Icmp,
                ports: Some(PortRange(1, 2)),
                ..acl_rule(100)
            }]
            .into(),
            ipv6_inbound: Vec::new(),
            // 100 is the IPv4 outbound rule's number too.
            ipv6_outbound: vec![crate::model::Ipv6AclRule {
                number: 100,
                protocol: Protocol::All,
                ports: None,
                cidr: ipnet::Ipv6Net::default(),
                action: crate::model::RuleAction::Allow,
            }],
        });
        s.network_acls.push(NetworkAcl {
            id: "acl-2".into(),
            name: None,
            default: false,
            subnets: vec!["subnet-private-a".into()],
            inbound: Default::default(),
            outbound: Default::default(),
            ipv6_inbound: Vec::new(),
            ipv6_outbound: Vec::new(),
        });
        let d = run(&s);
        assert_eq!(found(&d, "network_acl_rule_number").len(), 2, "{d:#?}");
        assert_eq!(found(&d, "network_acl_rule_number_duplicate").len(), 2);
        assert_eq!(found(&d, "bad_port_range").len(), 1);
        assert_eq!(found(&d, "unknown_subnet").len(), 1);
        assert_eq!(found(&d, "subnet_multiple_network_acls").len(), 1);
    }
}
