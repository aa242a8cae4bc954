//! Security group and network ACL edits (aws-semantics.md §5b): add or remove a group rule,
//! attach or detach a group, add or remove a network ACL rule, associate a subnet with a network
//! ACL, set an appliance interface's source/destination check. AWS's quotas and references are
//! checked by validation (`validate/security.rs`); what AWS refuses in the call itself (a rule
//! number already used, detaching an interface's last group) is refused here.

use super::lookup::{find_subnet, insert_at, not_found, refuse};
use super::{Edit, EditError};
use crate::model::{Diagnostic, NetworkAclRule, Scenario, SecurityGroupRule};

macro_rules! kind {
    ($code:literal) => {
        (concat!("kind-", $code), concat!("kinds-", $code))
    };
}

fn find_group(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.security_groups
        .iter()
        .position(|g| g.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("security_group"),
                id,
                s.security_groups.iter().map(|g| &*g.id),
            )
        })
}

fn find_acl(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.network_acls
        .iter()
        .position(|a| a.id == id)
        .ok_or_else(|| {
            not_found(
                kind!("network_acl"),
                id,
                s.network_acls.iter().map(|a| &*a.id),
            )
        })
}

fn group_rules(s: &mut Scenario, g: usize, egress: bool) -> &mut Vec<SecurityGroupRule> {
    let group = &mut s.security_groups[g];
    match egress {
        true => &mut group.egress,
        false => &mut group.ingress,
    }
}

fn acl_rules(s: &mut Scenario, a: usize, outbound: bool) -> &mut Vec<NetworkAclRule> {
    let acl = &mut s.network_acls[a];
    match outbound {
        true => &mut acl.outbound,
        false => &mut acl.inbound,
    }
}

/// Where rule `number` of `acl` is in `rules`, or AWS's refusal: there is no such rule.
fn acl_rule_at(rules: &[NetworkAclRule], acl: &str, number: u16) -> Result<usize, EditError> {
    rules
        .iter()
        .position(|r| r.number == number)
        .ok_or_else(|| {
            refuse(
                Diagnostic::error(acl, "no_such_rule")
                    .s("id", acl)
                    .n("rule", usize::from(number)),
            )
        })
}

/// AWS's refusal when a direction of `acl` already has a rule numbered `number`.
fn acl_number_free(
    rules: &[NetworkAclRule],
    acl: &str,
    outbound: bool,
    number: u16,
) -> Result<(), EditError> {
    if !rules.iter().any(|r| r.number == number) {
        return Ok(());
    }
    Err(refuse(
        Diagnostic::error(acl, "network_acl_rule_number_duplicate")
            .s("acl", acl)
            .s("direction", if outbound { "outbound" } else { "inbound" })
            .n("number", usize::from(number)),
    ))
}

/// The groups list of an instance, interface endpoint or network interface, by id.
fn interface_groups<'s>(s: &'s mut Scenario, id: &str) -> Result<&'s mut Vec<String>, EditError> {
    if let Some(i) = s.instances.iter().position(|x| x.id == id) {
        return Ok(&mut s.instances[i].security_groups);
    }
    if let Some(e) = s.interface_endpoints.iter().position(|x| x.id == id) {
        return Ok(&mut s.interface_endpoints[e].security_groups);
    }
    if let Some(n) = s.network_interfaces.iter().position(|x| x.id == id) {
        return Ok(&mut s.network_interfaces[n].security_groups);
    }
    let known: Vec<String> = s
        .instances
        .iter()
        .map(|x| x.id.clone())
        .chain(s.interface_endpoints.iter().map(|x| x.id.clone()))
        .chain(s.network_interfaces.iter().map(|x| x.id.clone()))
        .collect();
    Err(not_found(kind!("network_interface"), id, known))
}

/// Apply a security edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AddSecurityGroupRule {
            group,
            egress,
            rule,
            position,
        } => {
            let g = find_group(s, group)?;
            let rules = group_rules(s, g, *egress);
            let at = position.map_or(rules.len(), |p| p.min(rules.len()));
            insert_at(rules, Some(at), rule.clone());
            Edit::RemoveSecurityGroupRule {
                group: group.clone(),
                egress: *egress,
                index: at,
            }
        }
        Edit::RemoveSecurityGroupRule {
            group,
            egress,
            index,
        } => {
            let g = find_group(s, group)?;
            let rules = group_rules(s, g, *egress);
            if *index >= rules.len() {
                return Err(refuse(
                    Diagnostic::error(group, "no_such_rule")
                        .s("id", group)
                        .n("rule", index + 1),
                ));
            }
            let rule = rules.remove(*index);
            Edit::AddSecurityGroupRule {
                group: group.clone(),
                egress: *egress,
                rule,
                position: Some(*index),
            }
        }
        Edit::AttachSecurityGroup {
            interface,
            group,
            position,
        } => {
            find_group(s, group)?;
            let list = interface_groups(s, interface)?;
            if list.contains(group) {
                return Err(refuse(
                    Diagnostic::error(interface, "group_already_attached")
                        .s("id", interface)
                        .s("group", group),
                ));
            }
            insert_at(list, *position, group.clone());
            Edit::DetachSecurityGroup {
                interface: interface.clone(),
                group: group.clone(),
            }
        }
        Edit::DetachSecurityGroup { interface, group } => {
            let list = interface_groups(s, interface)?;
            let Some(at) = list.iter().position(|g| g == group) else {
                return Err(refuse(
                    Diagnostic::error(interface, "group_not_attached")
                        .s("id", interface)
                        .s("group", group),
                ));
            };
            // AWS: a network interface always has at least one security group.
            if list.len() == 1 {
                return Err(refuse(
                    Diagnostic::error(interface, "last_security_group")
                        .s("id", interface)
                        .s("group", group),
                ));
            }
            list.remove(at);
            Edit::AttachSecurityGroup {
                interface: interface.clone(),
                group: group.clone(),
                position: Some(at),
            }
        }
        Edit::AddNetworkAclRule {
            acl,
            outbound,
            rule,
            position,
        } => {
            let a = find_acl(s, acl)?;
            let rules = acl_rules(s, a, *outbound);
            acl_number_free(rules, acl, *outbound, rule.number)?;
            insert_at(rules, *position, rule.clone());
            Edit::RemoveNetworkAclRule {
                acl: acl.clone(),
                outbound: *outbound,
                number: rule.number,
            }
        }
        Edit::RemoveNetworkAclRule {
            acl,
            outbound,
            number,
        } => {
            let a = find_acl(s, acl)?;
            let rules = acl_rules(s, a, *outbound);
            let at = acl_rule_at(rules, acl, *number)?;
            let rule = rules.remove(at);
            Edit::AddNetworkAclRule {
                acl: acl.clone(),
                outbound: *outbound,
                rule,
                position: Some(at),
            }
        }
        Edit::RenumberNetworkAclRule {
            acl,
            outbound,
            number,
            new_number,
        } => {
            let a = find_acl(s, acl)?;
            // What create-network-acl-entry refuses: a number outside 1–32766 (32767 is the
            // catch-all `*` rule), or one the direction already uses.
            if !(1..=crate::model::validate::security::MAX_ACL_RULE_NUMBER).contains(new_number) {
                return Err(refuse(
                    Diagnostic::error(acl, "network_acl_rule_number")
                        .s("acl", acl)
                        .s("direction", if *outbound { "outbound" } else { "inbound" })
                        .n("number", usize::from(*new_number)),
                ));
            }
            let rules = acl_rules(s, a, *outbound);
            let at = acl_rule_at(rules, acl, *number)?;
            if new_number != number {
                acl_number_free(rules, acl, *outbound, *new_number)?;
            }
            rules[at].number = *new_number;
            Edit::RenumberNetworkAclRule {
                acl: acl.clone(),
                outbound: *outbound,
                number: *new_number,
                new_number: *number,
            }
        }
        Edit::AssociateNetworkAcl {
            subnet,
            acl,
            position,
        } => {
            find_subnet(s, subnet)?;
            let target = match acl {
                Some(a) => Some(find_acl(s, a)?),
                None => None,
            };
            // Where the subnet is now: its ACL and its place in that ACL's list.
            let before = s
                .network_acls
                .iter()
                .enumerate()
                .find_map(|(i, a)| a.subnets.iter().position(|x| x == subnet).map(|p| (i, p)));
            if let Some((i, p)) = before {
                s.network_acls[i].subnets.remove(p);
            }
            if let Some(t) = target {
                insert_at(&mut s.network_acls[t].subnets, *position, subnet.clone());
            }
            Edit::AssociateNetworkAcl {
                subnet: subnet.clone(),
                acl: before.map(|(i, _)| s.network_acls[i].id.clone()),
                position: before.map(|(_, p)| p),
            }
        }
        Edit::SetSourceDestCheck { interface, enabled } => {
            let Some(n) = s.network_interfaces.iter().position(|x| &x.id == interface) else {
                return Err(not_found(
                    kind!("network_interface"),
                    interface,
                    s.network_interfaces.iter().map(|x| &*x.id),
                ));
            };
            Edit::SetSourceDestCheck {
                interface: interface.clone(),
                enabled: std::mem::replace(
                    &mut s.network_interfaces[n].source_dest_check,
                    *enabled,
                ),
            }
        }
        _ => unreachable!("not a security edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::edit::test_support::*;
    use crate::model::{Model, Peer, PortRange, Protocol, RuleAction, load_file};

    fn security_layers() -> Model {
        load_file(Path::new("scenarios/security-layers.ron")).unwrap()
    }

    fn https_from(cidr: &str) -> SecurityGroupRule {
        SecurityGroupRule {
            protocol: Protocol::Tcp,
            ports: Some(PortRange::one(443)),
            peer: Peer::Cidr(cidr.parse().unwrap()),
            description: None,
        }
    }

    fn verdict(m: &Model, from: &str, to: &str) -> String {
        let q = crate::eval::Query::parse(m, from, to, false);
        let t = crate::eval::evaluate(m, &m.scenario().what_if, &q).unwrap();
        match t.verdict.reason() {
            Some(r) => r.code().to_string(),
            None => t.verdict.code().to_string(),
        }
    }

    #[test]
    fn a_group_rule_added_opens_the_endpoint_and_undo_closes_it() {
        let m = security_layers();
        assert_eq!(verdict(&m, "app-b", "ssm"), "security_group_ingress");
        let e = Edit::AddSecurityGroupRule {
            group: "sg-endpoints".into(),
            egress: false,
            rule: https_from("10.0.2.0/24"),
            position: None,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(verdict(&after, "app-b", "ssm"), "reachable");
        assert_eq!(
            inverse,
            Edit::RemoveSecurityGroupRule {
                group: "sg-endpoints".into(),
                egress: false,
                index: 3
            }
        );
    }

    /// A rule edit copies the rules it changes alone (the edited group's or ACL's, one
    /// direction): every other list of rules stays shared with the model before the edit,
    /// which keeps its own rules.
    #[test]
    fn rule_edits_copy_only_the_rules_they_change() {
        let m = security_layers();
        let rules = |m: &Model| {
            m.scenario()
                .security_groups
                .iter()
                .map(|g| g.ingress.len())
                .sum::<usize>()
        };
        let before = rules(&m);
        let e = Edit::AddSecurityGroupRule {
            group: "sg-endpoints".into(),
            egress: false,
            rule: https_from("10.0.2.0/24"),
            position: None,
        };
        let (after, _) = e.apply(&m).unwrap();
        let (a, b) = (m.scenario(), after.scenario());
        for (x, y) in a.security_groups.iter().zip(&b.security_groups) {
            let edited = x.id == "sg-endpoints";
            assert_eq!(x.ingress.shares(&y.ingress), !edited, "{}", x.id);
            assert_eq!(x.ingress.len() + usize::from(edited), y.ingress.len());
            assert!(x.egress.shares(&y.egress), "{}", x.id);
        }
        for (x, y) in a.network_acls.iter().zip(&b.network_acls) {
            assert!(x.inbound.shares(&y.inbound), "{}", x.id);
            assert!(x.outbound.shares(&y.outbound), "{}", x.id);
        }
        assert_eq!((rules(&m), rules(&after)), (before, before + 1));

        let acl = &a.network_acls[0];
        let e = Edit::RemoveNetworkAclRule {
            acl: acl.id.clone(),
            outbound: true,
            number: acl.outbound[0].number,
        };
        let (next, _) = e.apply(&after).unwrap();
        let c = next.scenario();
        for (x, y) in b.network_acls.iter().zip(&c.network_acls) {
            assert!(x.inbound.shares(&y.inbound), "{}", x.id);
            assert_eq!(x.outbound.shares(&y.outbound), x.id != acl.id, "{}", x.id);
        }
        assert_eq!(
            b.network_acls[0].outbound.len(),
            c.network_acls[0].outbound.len() + 1
        );
        for (x, y) in b.security_groups.iter().zip(&c.security_groups) {
            assert!(
                x.ingress.shares(&y.ingress) && x.egress.shares(&y.egress),
                "{}",
                x.id
            );
        }
    }

    /// A rule edit validates the edited group's or ACL's rules alone first: what it finds
    /// there (a refusal, a warning over the default quota) is what a fresh model finds, and
    /// nothing is lost from the other groups' and ACLs' findings.
    #[test]
    fn rule_edits_are_validated_as_a_fresh_model() {
        let m = security_layers();
        let group = |rule: SecurityGroupRule| Edit::AddSecurityGroupRule {
            group: "sg-endpoints".into(),
            egress: true,
            rule,
            position: None,
        };
        let icmp_ports = SecurityGroupRule {
            protocol: Protocol::Icmp,
            ..https_from("10.0.0.0/16")
        };
        assert!(refusal(&m, &group(icmp_ports)).contains("sg-endpoints"));
        let missing = SecurityGroupRule {
            peer: Peer::Group("sg-missing".into()),
            ..https_from("10.0.0.0/16")
        };
        assert!(refusal(&m, &group(missing)).contains("sg-missing"));
        let acl = m.scenario().network_acls[0].id.clone();
        let add = |n: u16| Edit::AddNetworkAclRule {
            acl: acl.clone(),
            outbound: true,
            rule: NetworkAclRule {
                number: n,
                protocol: Protocol::Tcp,
                ports: Some(PortRange::one(443)),
                cidr: "10.9.0.0/16".parse().unwrap(),
                action: RuleAction::Deny,
            },
            position: None,
        };
        // Past the default quota of 20 rules a direction: a warning, as a fresh model gives.
        let mut after = m.clone();
        let mut n = 1;
        while after.scenario().network_acls[0].outbound.len() <= 20 {
            if !after.scenario().network_acls[0]
                .outbound
                .iter()
                .any(|r| r.number == n)
            {
                after = add(n).apply(&after).unwrap().0;
            }
            n += 1;
        }
        let fresh = Model::new(after.scenario().clone()).unwrap();
        assert_eq!(after.warnings(), fresh.warnings());
        assert!(
            after
                .warnings()
                .iter()
                .any(|d| d.rule == "network_acl_rules_over_default_quota"),
            "{:?}",
            after.warnings()
        );
        // The rule number 0 is refused.
        assert!(refusal(&m, &add(0)).contains(acl.as_str()));
    }

    /// Renumbering moves a rule in the evaluation order (the lowest number that matches
    /// decides); the number taken, 0, 32767 and a missing rule are refused.
    #[test]
    fn renumbering_a_network_acl_rule_moves_it_in_the_order() {
        let m = security_layers();
        let rule = |number: u16, action: RuleAction| Edit::AddNetworkAclRule {
            acl: "acl-noreply".into(),
            outbound: false,
            rule: NetworkAclRule {
                number,
                protocol: Protocol::Tcp,
                ports: Some(PortRange(1024, 65535)),
                cidr: "0.0.0.0/0".parse().unwrap(),
                action,
            },
            position: None,
        };
        let (allowed, _) = round_trip(&m, &rule(110, RuleAction::Allow));
        let (both, _) = round_trip(&allowed, &rule(120, RuleAction::Deny));
        // The allow (110) comes first: the replies get through.
        assert_eq!(verdict(&both, "noreply", "s3"), "reachable");
        let renumber = |number: u16, new_number: u16| Edit::RenumberNetworkAclRule {
            acl: "acl-noreply".into(),
            outbound: false,
            number,
            new_number,
        };
        // The deny moved before the allow decides.
        let (denied, inverse) = round_trip(&both, &renumber(120, 105));
        assert_eq!(verdict(&denied, "noreply", "s3"), "network_acl_reply");
        assert_eq!(inverse, renumber(105, 120));
        for (number, new_number) in [(120, 110), (120, 0), (120, 32767), (999, 130)] {
            let why = refusal(&both, &renumber(number, new_number));
            assert!(
                why.contains("acl-noreply"),
                "{number} → {new_number}: {why}"
            );
        }
    }

    #[test]
    fn network_acl_rules_associations_and_the_check() {
        let m = security_layers();
        // The reply's ephemeral ports, allowed: the path through noreply works.
        let e = Edit::AddNetworkAclRule {
            acl: "acl-noreply".into(),
            outbound: false,
            rule: NetworkAclRule {
                number: 110,
                protocol: Protocol::Tcp,
                ports: Some(PortRange(1024, 65535)),
                cidr: "0.0.0.0/0".parse().unwrap(),
                action: RuleAction::Allow,
            },
            position: None,
        };
        let (after, _) = round_trip(&m, &e);
        assert_eq!(verdict(&after, "noreply", "s3"), "reachable");
        // The NAT gateway's subnet: replies from the internet to its ports, allowed.
        assert_eq!(verdict(&m, "egress", "sns"), "network_acl_reply");
        let (nat_ok, _) = round_trip(
            &m,
            &Edit::AddNetworkAclRule {
                acl: "acl-public".into(),
                outbound: false,
                rule: NetworkAclRule {
                    number: 110,
                    protocol: Protocol::Tcp,
                    ports: Some(PortRange(1024, 65535)),
                    cidr: "0.0.0.0/0".parse().unwrap(),
                    action: RuleAction::Allow,
                },
                position: None,
            },
        );
        assert_eq!(verdict(&nat_ok, "egress", "sns"), "reachable");
        // A rule number used twice in one direction is refused, as AWS does.
        assert!(refusal(&after, &e).contains("110"));
        // The restricted subnet back on the default network ACL.
        let (after, inverse) = round_trip(
            &m,
            &Edit::AssociateNetworkAcl {
                subnet: "subnet-restricted".into(),
                acl: None,
                position: None,
            },
        );
        assert_eq!(verdict(&after, "restricted", "ssm"), "reachable");
        assert!(matches!(
            inverse,
            Edit::AssociateNetworkAcl { acl: Some(_), .. }
        ));
        // The appliance's check off: the path reaches the appliance's own (missing) routes.
        let (after, _) = round_trip(
            &m,
            &Edit::SetSourceDestCheck {
                interface: "eni-fw".into(),
                enabled: Some(false),
            },
        );
        assert_ne!(verdict(&after, "inspected", "sns"), "source_dest_check");
        // Detaching an interface's only group is refused (an ENI always has one).
        assert!(
            refusal(
                &m,
                &Edit::DetachSecurityGroup {
                    interface: "i-app-a".into(),
                    group: "sg-app".into()
                }
            )
            .contains("sg-app")
        );
        let (after, _) = round_trip(
            &m,
            &Edit::AttachSecurityGroup {
                interface: "i-locked".into(),
                group: "sg-app".into(),
                position: None,
            },
        );
        assert_eq!(verdict(&after, "locked", "ssm"), "reachable");
        // The incremental matrix after a group edit equals a full evaluation (the debug
        // assertion inside compares them too).
        let none = crate::model::WhatIf::default();
        let before = crate::eval::evaluate_all(&m, &none);
        assert_eq!(
            crate::eval::evaluate_all_after(&before, &after, &none),
            crate::eval::evaluate_all(&after, &none)
        );
    }
}
