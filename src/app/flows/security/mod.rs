//! The edit menu's security flows (issue 17's edits; aws-semantics.md §5b), offered when the
//! scenario has security groups, network ACLs or appliance interfaces: remove or add a security
//! group rule, attach or detach a group, remove, renumber or add a network ACL rule, associate
//! a subnet with a network ACL, turn an appliance's source/destination check on or off. Each
//! ends in one engine edit, refused with AWS's rule where AWS refuses it, undoable with `u`.

//!
//! One file per object the flows change: `groups.rs` (security group rules, attaching and
//! detaching groups), `acls.rs` (network ACL rules and subnet associations); the
//! source/destination check, the typed rules' shared traffic syntax and the dispatch live here.

mod acls;
mod groups;

use super::{Input, Picker, Purpose, item};
use crate::app::{App, Overlay, PickItem, StatusKind};
use crate::i18n::{Lang, t, tf};
use crate::model::{Edit, PortRange, Protocol, Scenario};
use acls::parse_acl_rule;
use groups::parse_group_rule;

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
            crate::explain::msg(
                app.lang,
                "sec-menu-detail",
                crate::explain::args()
                    .n("groups", s.security_groups.len())
                    .n("acls", s.network_acls.len()),
            ),
            "security",
        )
    })
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
        let s = self.model.scenario().clone();
        match step {
            SecurityStep::Action => match v {
                "sg-remove" | "sg-add" | "sg-attach" => self.start_group_flow(v, &s),
                "acl-remove" | "acl-renumber" | "acl-add" | "acl-associate" => {
                    self.start_acl_flow(v, &s)
                }
                "sdc" => self.pick_source_dest_check(&s),
                _ => {}
            },
            SecurityStep::GroupRuleRemove
            | SecurityStep::GroupForRule
            | SecurityStep::Interface
            | SecurityStep::InterfaceGroup { .. } => self.choose_group(step, v, &s),
            SecurityStep::AclRule { .. }
            | SecurityStep::AclForRule
            | SecurityStep::AclSubnet
            | SecurityStep::AclChoice { .. } => self.choose_acl(step, v, &s),
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

    /// The appliance interfaces, each with its check now: the one picked flips.
    fn pick_source_dest_check(&mut self, s: &Scenario) {
        let lang = self.lang;
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

    /// The input for a new rule's text in one direction of a group or network ACL.
    fn ask_rule_text(&mut self, id: &str, outbound: bool, hint: &str, step: SecurityStep) {
        let prompt = if outbound {
            "ui-sec-outbound-of"
        } else {
            "ui-sec-inbound-of"
        };
        self.ask(&tf(self.lang, prompt, &[id]), hint, Purpose::Security(step));
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
