//! The edit menu's security flows (issue 17's edits; aws-semantics.md §5b), offered when the
//! scenario has security groups, network ACLs or appliance interfaces: remove or add a security
//! group rule, attach or detach a group, remove, renumber or add a network ACL rule, associate
//! a subnet with a network ACL, turn an appliance's source/destination check on or off. Each
//! ends in one engine edit, refused with AWS's rule where AWS refuses it, undoable with `u`.

use super::{Input, Picker, Purpose, item};
use crate::app::{App, Overlay, PickItem, StatusKind};
use crate::explain::{args, msg, traffic_text};
use crate::i18n::{Lang, t, tf};
use crate::model::{
    Edit, NetworkAclRule, Peer, PortRange, Protocol, RuleAction, SecurityGroupRule,
};

/// One step of a security flow: what the picker or the input in front of the user is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecurityStep {
    /// Which security edit.
    Action,
    /// A group rule to remove.
    GroupRuleRemove,
    /// The group and direction of a new rule, then its text.
    GroupForRule,
    GroupRuleText {
        group: String,
        egress: bool,
    },
    /// The interface whose groups change, then the group to attach or detach.
    Interface,
    InterfaceGroup {
        interface: String,
    },
    /// A network ACL rule to remove, or to renumber (then its new number).
    AclRule {
        renumber: bool,
    },
    AclRenumber {
        acl: String,
        outbound: bool,
        number: u16,
    },
    /// The network ACL and direction of a new rule, then its text.
    AclForRule,
    AclRuleText {
        acl: String,
        outbound: bool,
    },
    /// The subnet whose network ACL changes, then the ACL.
    AclSubnet,
    AclChoice {
        subnet: String,
    },
    /// The appliance interface whose source/destination check flips.
    SourceDestCheck,
}

/// The menu's item, when the scenario has anything a security edit changes.
pub(super) fn menu_item(app: &App) -> Option<PickItem> {
    let s = app.model.scenario();
    let any = !s.security_groups.is_empty()
        || !s.network_acls.is_empty()
        || !s.network_interfaces.is_empty();
    any.then(|| {
        item(
            t(app.lang, "ui-sec-menu"),
            tf(
                app.lang,
                "ui-sec-menu-detail",
                &[
                    &s.security_groups.len().to_string(),
                    &s.network_acls.len().to_string(),
                ],
            ),
            "security",
        )
    })
}

fn direction(outbound: bool) -> &'static str {
    if outbound { "outbound" } else { "inbound" }
}

/// `sg-ep rule 2: tcp/443 from 10.0.0.0/16`, as the path and security panels write a rule.
fn group_rule_label(
    lang: Lang,
    group: &str,
    egress: bool,
    index: usize,
    r: &SecurityGroupRule,
) -> String {
    msg(
        lang,
        "sg-rule",
        args()
            .s("group", group.to_string())
            .n("index", index + 1)
            .s("traffic", traffic_text(lang, r.protocol, r.ports))
            .s("direction", if egress { "egress" } else { "ingress" })
            .s("peer", r.peer.to_string()),
    )
}

/// `acl-1 inbound 100: allow tcp/443 from 10.0.0.0/16`.
fn acl_rule_label(lang: Lang, acl: &str, outbound: bool, r: &NetworkAclRule) -> String {
    msg(
        lang,
        "acl-rule-item",
        args()
            .s("acl", acl.to_string())
            .s("direction", direction(outbound))
            .n("number", usize::from(r.number))
            .b("allow", r.action == RuleAction::Allow)
            .s("traffic", traffic_text(lang, r.protocol, r.ports))
            .s("cidr", r.cidr.to_string()),
    )
}

/// `tcp/443`, `udp/1024-65535`, `icmp`, `all`: a rule's protocol and ports.
fn parse_traffic(text: &str) -> Option<(Protocol, Option<PortRange>)> {
    let text = text.to_ascii_lowercase();
    let (proto, ports) = match text.split_once('/') {
        Some((p, ports)) => (p.to_string(), Some(ports.to_string())),
        None => (text, None),
    };
    let protocol = super::parse_protocol(&proto)?;
    let ports = match (protocol.has_ports(), ports) {
        (true, Some(p)) => {
            let (a, b) = p.split_once('-').unwrap_or((&p, &p));
            let (a, b) = (a.trim().parse::<u16>().ok()?, b.trim().parse::<u16>().ok()?);
            if a > b {
                return None;
            }
            Some(PortRange(a, b))
        }
        // TCP and UDP without ports: every port, as the console's "All TCP".
        (true, None) => Some(PortRange::ALL),
        (false, None) => None,
        (false, Some(_)) => return None,
    };
    Some((protocol, ports))
}

/// `tcp/443 10.0.0.0/16`, `tcp/443 sg-app`, `tcp/443 pl-s3`, `all 0.0.0.0/0`.
pub(in crate::app) fn parse_group_rule(text: &str) -> Option<SecurityGroupRule> {
    let mut words = text.split_whitespace();
    let (protocol, ports) = parse_traffic(words.next()?)?;
    let peer = words.next()?;
    if words.next().is_some() {
        return None;
    }
    let peer = if let Some(service) = peer.strip_prefix("pl-") {
        Peer::PrefixList(service.to_string())
    } else if peer.starts_with("sg-") {
        Peer::Group(peer.to_string())
    } else {
        Peer::Cidr(peer.parse().ok()?)
    };
    Some(SecurityGroupRule {
        protocol,
        ports,
        peer,
        description: None,
    })
}

/// `110 allow tcp/443 10.0.0.0/16`, `90 deny all 0.0.0.0/0`.
pub(in crate::app) fn parse_acl_rule(text: &str) -> Option<NetworkAclRule> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let [number, action, traffic, cidr] = words.as_slice() else {
        return None;
    };
    let (protocol, ports) = parse_traffic(traffic)?;
    Some(NetworkAclRule {
        number: number.parse().ok()?,
        action: match action.to_ascii_lowercase().as_str() {
            "allow" => RuleAction::Allow,
            "deny" => RuleAction::Deny,
            _ => return None,
        },
        protocol,
        ports,
        cidr: cidr.parse().ok()?,
    })
}

/// A group's or network ACL's two directions, for a new rule: `sg-ep|in`, `sg-ep|out`.
fn both_ways(lang: Lang, id: &str, detail: &str) -> [PickItem; 2] {
    [
        item(
            tf(lang, "ui-sec-inbound-of", &[id]),
            detail,
            format!("{id}|in"),
        ),
        item(
            tf(lang, "ui-sec-outbound-of", &[id]),
            detail,
            format!("{id}|out"),
        ),
    ]
}

/// The groups of an instance, interface endpoint or network interface (none: not found, or the
/// VPC's default group applies).
fn groups_of<'s>(s: &'s crate::model::Scenario, interface: &str) -> Vec<&'s str> {
    let held = (s.instances.iter().map(|i| (&i.id, &i.security_groups)))
        .chain(
            s.interface_endpoints
                .iter()
                .map(|e| (&e.id, &e.security_groups)),
        )
        .chain(
            s.network_interfaces
                .iter()
                .map(|n| (&n.id, &n.security_groups)),
        )
        .find(|(id, _)| *id == interface);
    held.map_or_else(Vec::new, |(_, g)| g.iter().map(String::as_str).collect())
}

/// A picker value's parts: `sg-ep|out|2` → (`sg-ep`, true, 2).
fn parts(v: &str) -> Option<(&str, bool, &str)> {
    let mut it = v.splitn(3, '|');
    let (id, dir) = (it.next()?, it.next()?);
    Some((id, dir == "out", it.next().unwrap_or("")))
}

impl App {
    /// The security edits, each the first step of its flow.
    pub(super) fn start_security(&mut self) {
        let lang = self.lang;
        let s = self.model.scenario();
        let mut items = Vec::new();
        if !s.security_groups.is_empty() {
            items.push(item(t(lang, "ui-sec-rule-remove"), "", "sg-remove"));
            items.push(item(
                t(lang, "ui-sec-rule-add"),
                t(lang, "ui-sec-rule-add-detail"),
                "sg-add",
            ));
            items.push(item(t(lang, "ui-sec-attach"), "", "sg-attach"));
        }
        if !s.network_acls.is_empty() {
            items.push(item(t(lang, "ui-sec-acl-remove"), "", "acl-remove"));
            items.push(item(
                t(lang, "ui-sec-acl-renumber"),
                t(lang, "ui-sec-acl-renumber-detail"),
                "acl-renumber",
            ));
            items.push(item(
                t(lang, "ui-sec-acl-add"),
                t(lang, "ui-sec-acl-add-detail"),
                "acl-add",
            ));
            items.push(item(t(lang, "ui-sec-acl-associate"), "", "acl-associate"));
        }
        if !s.network_interfaces.is_empty() {
            items.push(item(t(lang, "ui-sec-sdc"), "", "sdc"));
        }
        self.pick(Picker::new(
            t(lang, "ui-sec-menu"),
            items,
            Purpose::Security(SecurityStep::Action),
        ));
    }

    /// What a picked item does: the next step, or the edit.
    pub(super) fn choose_security(&mut self, step: SecurityStep, v: &str) {
        let lang = self.lang;
        let s = self.model.scenario().clone();
        match step {
            SecurityStep::Action => match v {
                "sg-remove" => {
                    let mut items = Vec::new();
                    for g in &s.security_groups {
                        for (egress, rules) in [(false, &g.ingress), (true, &g.egress)] {
                            for (i, r) in rules.iter().enumerate() {
                                let value =
                                    format!("{}|{}|{i}", g.id, if egress { "out" } else { "in" });
                                items.push(item(
                                    group_rule_label(lang, &g.id, egress, i, r),
                                    "",
                                    value,
                                ));
                            }
                        }
                    }
                    self.pick(Picker::new(
                        t(lang, "ui-sec-rule-to-remove"),
                        items,
                        Purpose::Security(SecurityStep::GroupRuleRemove),
                    ));
                }
                "sg-add" => {
                    let items = s
                        .security_groups
                        .iter()
                        .flat_map(|g| both_ways(lang, &g.id, &g.name.clone().unwrap_or_default()))
                        .collect();
                    self.pick(Picker::new(
                        t(lang, "ui-sec-group-and-direction"),
                        items,
                        Purpose::Security(SecurityStep::GroupForRule),
                    ));
                }
                "sg-attach" => {
                    let mut items = Vec::new();
                    let groups = |g: &[String]| super::submit::list(lang, g);
                    for i in &s.instances {
                        items.push(item(&i.id, groups(&i.security_groups), &i.id));
                    }
                    for e in &s.interface_endpoints {
                        items.push(item(&e.id, groups(&e.security_groups), &e.id));
                    }
                    for n in &s.network_interfaces {
                        items.push(item(&n.id, groups(&n.security_groups), &n.id));
                    }
                    self.pick(Picker::new(
                        t(lang, "ui-sec-interface"),
                        items,
                        Purpose::Security(SecurityStep::Interface),
                    ));
                }
                "acl-remove" | "acl-renumber" => {
                    let mut items = Vec::new();
                    for a in &s.network_acls {
                        for (outbound, rules) in [(false, &a.inbound), (true, &a.outbound)] {
                            for r in rules {
                                let value = format!(
                                    "{}|{}|{}",
                                    a.id,
                                    if outbound { "out" } else { "in" },
                                    r.number
                                );
                                items.push(item(
                                    acl_rule_label(lang, &a.id, outbound, r),
                                    "",
                                    value,
                                ));
                            }
                        }
                    }
                    let renumber = v == "acl-renumber";
                    let title = if renumber {
                        "ui-sec-acl-rule-to-renumber"
                    } else {
                        "ui-sec-acl-rule-to-remove"
                    };
                    self.pick(Picker::new(
                        t(lang, title),
                        items,
                        Purpose::Security(SecurityStep::AclRule { renumber }),
                    ));
                }
                "acl-add" => {
                    let items = s
                        .network_acls
                        .iter()
                        .flat_map(|a| {
                            both_ways(lang, &a.id, &super::submit::list(lang, &a.subnets))
                        })
                        .collect();
                    self.pick(Picker::new(
                        t(lang, "ui-sec-acl-and-direction"),
                        items,
                        Purpose::Security(SecurityStep::AclForRule),
                    ));
                }
                "acl-associate" => {
                    let p = self.subnet_picker(
                        t(lang, "ui-sec-subnet-for-acl").into(),
                        Purpose::Security(SecurityStep::AclSubnet),
                    );
                    let current = self.source_subnet_id();
                    self.pick(p.preselect(&current));
                }
                "sdc" => {
                    let items = s
                        .network_interfaces
                        .iter()
                        .map(|n| {
                            let now = match n.source_dest_check {
                                Some(true) => t(lang, "ui-on"),
                                Some(false) => t(lang, "ui-off"),
                                None => t(lang, "ui-sec-sdc-unknown"),
                            };
                            item(&n.id, tf(lang, "ui-sec-sdc-now", &[now]), &n.id)
                        })
                        .collect();
                    self.pick(Picker::new(
                        t(lang, "ui-sec-sdc"),
                        items,
                        Purpose::Security(SecurityStep::SourceDestCheck),
                    ));
                }
                _ => {}
            },
            SecurityStep::GroupRuleRemove => {
                if let Some((group, egress, index)) = parts(v)
                    && let Ok(index) = index.parse()
                {
                    self.apply(Edit::RemoveSecurityGroupRule {
                        group: group.to_string(),
                        egress,
                        index,
                    });
                }
            }
            SecurityStep::GroupForRule => {
                if let Some((group, egress, _)) = parts(v) {
                    self.ask(
                        &tf(
                            lang,
                            if egress {
                                "ui-sec-outbound-of"
                            } else {
                                "ui-sec-inbound-of"
                            },
                            &[group],
                        ),
                        t(
                            lang,
                            if egress {
                                "ui-sec-rule-hint-out"
                            } else {
                                "ui-sec-rule-hint-in"
                            },
                        ),
                        Purpose::Security(SecurityStep::GroupRuleText {
                            group: group.to_string(),
                            egress,
                        }),
                    );
                }
            }
            SecurityStep::Interface => {
                let held = groups_of(&s, v);
                let items = s
                    .security_groups
                    .iter()
                    .map(|g| {
                        let what = if held.contains(&g.id.as_str()) {
                            "ui-sec-detach"
                        } else {
                            "ui-sec-attach-this"
                        };
                        item(&g.id, t(lang, what), &g.id)
                    })
                    .collect();
                self.pick(Picker::new(
                    tf(lang, "ui-sec-group-for", &[v]),
                    items,
                    Purpose::Security(SecurityStep::InterfaceGroup {
                        interface: v.to_string(),
                    }),
                ));
            }
            SecurityStep::InterfaceGroup { interface } => {
                let held = groups_of(&s, &interface).contains(&v);
                self.apply(if held {
                    Edit::DetachSecurityGroup {
                        interface,
                        group: v.to_string(),
                    }
                } else {
                    Edit::AttachSecurityGroup {
                        interface,
                        group: v.to_string(),
                        position: None,
                    }
                });
            }
            SecurityStep::AclRule { renumber } => {
                let Some((acl, outbound, number)) = parts(v) else {
                    return;
                };
                let Ok(number) = number.parse::<u16>() else {
                    return;
                };
                if renumber {
                    self.ask(
                        &tf(lang, "ui-sec-new-number-for", &[&number.to_string(), acl]),
                        t(lang, "ui-sec-new-number-hint"),
                        Purpose::Security(SecurityStep::AclRenumber {
                            acl: acl.to_string(),
                            outbound,
                            number,
                        }),
                    );
                } else {
                    self.apply(Edit::RemoveNetworkAclRule {
                        acl: acl.to_string(),
                        outbound,
                        number,
                    });
                }
            }
            SecurityStep::AclForRule => {
                if let Some((acl, outbound, _)) = parts(v) {
                    self.ask(
                        &tf(
                            lang,
                            if outbound {
                                "ui-sec-outbound-of"
                            } else {
                                "ui-sec-inbound-of"
                            },
                            &[acl],
                        ),
                        t(lang, "ui-sec-acl-rule-hint"),
                        Purpose::Security(SecurityStep::AclRuleText {
                            acl: acl.to_string(),
                            outbound,
                        }),
                    );
                }
            }
            SecurityStep::AclSubnet => {
                let mut items: Vec<PickItem> = s
                    .network_acls
                    .iter()
                    .map(|a| item(&a.id, a.name.clone().unwrap_or_default(), &a.id))
                    .collect();
                items.push(item(t(lang, "ui-sec-default-acl"), "", ""));
                let current = s
                    .network_acls
                    .iter()
                    .find(|a| a.subnets.iter().any(|x| x == v))
                    .map(|a| a.id.clone())
                    .unwrap_or_default();
                let p = Picker::new(
                    tf(lang, "ui-sec-acl-for", &[v]),
                    items,
                    Purpose::Security(SecurityStep::AclChoice {
                        subnet: v.to_string(),
                    }),
                );
                self.pick(p.preselect(&current));
            }
            SecurityStep::AclChoice { subnet } => self.apply(Edit::AssociateNetworkAcl {
                subnet,
                acl: (!v.is_empty()).then(|| v.to_string()),
                position: None,
            }),
            SecurityStep::SourceDestCheck => {
                let now = s
                    .network_interfaces
                    .iter()
                    .find(|n| n.id == v)
                    .and_then(|n| n.source_dest_check);
                // Unknown reads as AWS's default for a new interface (on): the flip turns it off.
                self.apply(Edit::SetSourceDestCheck {
                    interface: v.to_string(),
                    enabled: Some(!now.unwrap_or(true)),
                });
            }
            // Inputs, not pickers: `submit_security` takes them.
            SecurityStep::GroupRuleText { .. }
            | SecurityStep::AclRenumber { .. }
            | SecurityStep::AclRuleText { .. } => {}
        }
    }

    /// What a typed line does: the edit, or the input again with what was wrong.
    pub(super) fn submit_security(&mut self, step: SecurityStep, input: Input) {
        let text = input.text.trim().to_string();
        let edit = match step.clone() {
            SecurityStep::GroupRuleText { group, egress } => {
                parse_group_rule(&text).map(|rule| Edit::AddSecurityGroupRule {
                    group,
                    egress,
                    rule,
                    position: None,
                })
            }
            SecurityStep::AclRenumber {
                acl,
                outbound,
                number,
            } => text
                .parse::<u16>()
                .ok()
                .map(|new_number| Edit::RenumberNetworkAclRule {
                    acl,
                    outbound,
                    number,
                    new_number,
                }),
            SecurityStep::AclRuleText { acl, outbound } => {
                parse_acl_rule(&text).map(|rule| Edit::AddNetworkAclRule {
                    acl,
                    outbound,
                    rule,
                    position: None,
                })
            }
            _ => return,
        };
        match edit {
            Some(edit) => self.apply(edit),
            None => {
                self.status = Some((
                    StatusKind::Error,
                    tf(
                        self.lang,
                        "ui-sec-bad-text",
                        &[&format!("{text:?}"), &input.hint],
                    ),
                ));
                // Keep what was typed, to correct it.
                self.overlay = Some(Overlay::Input(input));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_rules_parse_as_the_hints_say() {
        let r = parse_group_rule("tcp/443 10.0.0.0/16").unwrap();
        assert_eq!(
            (r.protocol, r.ports, r.peer),
            (
                Protocol::Tcp,
                Some(PortRange::one(443)),
                Peer::Cidr("10.0.0.0/16".parse().unwrap())
            )
        );
        assert_eq!(
            parse_group_rule("TCP/8000-8080 sg-app").unwrap().peer,
            Peer::Group("sg-app".into())
        );
        assert_eq!(
            parse_group_rule("udp/53 pl-s3").unwrap().peer,
            Peer::PrefixList("s3".into())
        );
        let all = parse_group_rule("all 0.0.0.0/0").unwrap();
        assert_eq!((all.protocol, all.ports), (Protocol::All, None));
        assert_eq!(
            parse_group_rule("tcp 10.0.0.0/16").unwrap().ports,
            Some(PortRange::ALL)
        );
        for bad in [
            "",
            "tcp/443",
            "tcp/443 10.0.0.0/16 x",
            "icmp/8 10.0.0.0/16",
            "tcp/9-1 10.0.0.0/16",
            "ssh 10.0.0.0/16",
            "tcp/443 10.0.0.0/33",
        ] {
            assert!(parse_group_rule(bad).is_none(), "{bad:?}");
        }
        let a = parse_acl_rule("110 allow tcp/1024-65535 0.0.0.0/0").unwrap();
        assert_eq!(
            (a.number, a.action, a.protocol, a.ports),
            (
                110,
                RuleAction::Allow,
                Protocol::Tcp,
                Some(PortRange(1024, 65535))
            )
        );
        assert_eq!(
            parse_acl_rule("90 DENY all 10.0.0.0/8").unwrap().action,
            RuleAction::Deny
        );
        for bad in [
            "110 allow tcp/443",
            "x allow tcp/443 0.0.0.0/0",
            "110 permit tcp/443 0.0.0.0/0",
            "70000 allow all 0.0.0.0/0",
        ] {
            assert!(parse_acl_rule(bad).is_none(), "{bad:?}");
        }
    }
}
