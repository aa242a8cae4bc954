//! Security group flows (aws-semantics.md §5b): remove or add a rule, attach a group to an
//! instance, interface endpoint or network interface, or detach it. AWS's refusals (rules per
//! group, groups per interface, a group outside the VPC) come from the engine's edit.

use super::{SecurityStep, both_ways, parse_traffic, parts};
use crate::app::App;
use crate::app::flows::{Picker, Purpose, item};
use crate::explain::{args, msg, traffic_text};
use crate::i18n::{Lang, t, tf};
use crate::model::{Edit, Peer, Scenario, SecurityGroupRule};

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

impl App {
    /// The first step of a group flow: the rule to remove, the group and direction of a new
    /// rule, or the interface whose groups change.
    pub(super) fn start_group_flow(&mut self, v: &str, s: &Scenario) {
        let lang = self.lang;
        match v {
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
                let groups = |g: &[String]| crate::app::flows::submit::list(lang, g);
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
            _ => {}
        }
    }

    /// The group flows' later steps.
    pub(super) fn choose_group(&mut self, step: SecurityStep, v: &str, s: &Scenario) {
        let lang = self.lang;
        match step {
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
                    let hint = if egress {
                        "ui-sec-rule-hint-out"
                    } else {
                        "ui-sec-rule-hint-in"
                    };
                    self.ask_rule_text(
                        group,
                        egress,
                        t(lang, hint),
                        SecurityStep::GroupRuleText {
                            group: group.to_string(),
                            egress,
                        },
                    );
                }
            }
            SecurityStep::Interface => {
                let held = groups_of(s, v);
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
                let held = groups_of(s, &interface).contains(&v);
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
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PortRange, Protocol};

    #[test]
    fn typed_group_rules_parse_as_the_hints_say() {
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
    }
}
