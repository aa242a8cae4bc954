//! Network ACL flows (aws-semantics.md §5b): remove, renumber or add a numbered rule, or
//! associate a subnet with a network ACL (or the VPC's default one). AWS's refusals (rule
//! numbers 1–32766, a number already taken) come from the engine's edit.

use super::{SecurityStep, both_ways, parse_traffic, parts};
use crate::app::flows::{Picker, Purpose, item};
use crate::app::{App, PickItem};
use crate::explain::{args, msg, traffic_text};
use crate::i18n::{Lang, t, tf};
use crate::model::{Edit, NetworkAclRule, RuleAction, Scenario};

fn direction(outbound: bool) -> &'static str {
    if outbound { "outbound" } else { "inbound" }
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

impl App {
    /// The first step of an ACL flow: the rule to remove or renumber, the ACL and direction of
    /// a new rule, or the subnet whose ACL changes.
    pub(super) fn start_acl_flow(&mut self, v: &str, s: &Scenario) {
        let lang = self.lang;
        match v {
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
                            items.push(item(acl_rule_label(lang, &a.id, outbound, r), "", value));
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
                        both_ways(
                            lang,
                            &a.id,
                            &crate::app::flows::submit::list(lang, &a.subnets),
                        )
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
            _ => {}
        }
    }

    /// The ACL flows' later steps.
    pub(super) fn choose_acl(&mut self, step: SecurityStep, v: &str, s: &Scenario) {
        let lang = self.lang;
        match step {
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
                    self.ask_rule_text(
                        acl,
                        outbound,
                        t(lang, "ui-sec-acl-rule-hint"),
                        SecurityStep::AclRuleText {
                            acl: acl.to_string(),
                            outbound,
                        },
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
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PortRange, Protocol};

    #[test]
    fn typed_acl_rules_parse_as_the_hint_says() {
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
