//! The edit menu's DNS flow, offered when the scenario has a DHCP options set, Resolver rules or
//! private hosted zones (aws-semantics.md §3; AWS's pages are cited in `crate::model::dns`):
//! disassociate a zone or a rule from the VPC, or give the VPC the default DHCP options. Every
//! choice is one undoable edit (`u` puts it back).

use super::{Picker, Purpose, item};
use crate::app::App;
use crate::app::PickItem;
use crate::i18n::{t, tf};
use crate::model::Edit;

/// The menu's item, when the scenario has anything of it.
pub(super) fn menu_item(app: &App) -> Option<PickItem> {
    let s = app.model.scenario();
    let n = usize::from(s.dhcp_options.is_some())
        + s.resolver_rules.len()
        + s.private_hosted_zones.len();
    (n > 0).then(|| {
        item(
            t(app.lang, "ui-dns-menu"),
            tf(app.lang, "ui-dns-now", &[&n.to_string()]),
            "dns",
        )
    })
}

impl App {
    /// The zones, the rules and the DHCP options set, each to take away from the VPC.
    pub(super) fn start_dns(&mut self) {
        let lang = self.lang;
        let s = self.model.scenario();
        let mut items = Vec::new();
        for z in &s.private_hosted_zones {
            items.push(item(
                tf(lang, "ui-dns-remove-zone", &[&z.id]),
                z.name.clone(),
                format!("zone:{}", z.id),
            ));
        }
        for r in &s.resolver_rules {
            items.push(item(
                tf(lang, "ui-dns-remove-rule", &[&r.id]),
                r.domain.clone(),
                format!("rule:{}", r.id),
            ));
        }
        if let Some(d) = &s.dhcp_options {
            items.push(item(
                t(lang, "ui-dns-default-dhcp"),
                tf(lang, "ui-dns-now-dhcp", &[&d.id]),
                "dhcp",
            ));
        }
        self.pick(Picker::new(
            t(lang, "ui-dns-title"),
            items,
            Purpose::DnsChoice,
        ));
    }

    /// What a choice does: one edit.
    pub(super) fn choose_dns(&mut self, v: &str) {
        if let Some(zone) = v.strip_prefix("zone:") {
            self.apply(Edit::RemoveHostedZone {
                zone: zone.to_string(),
            });
        } else if let Some(rule) = v.strip_prefix("rule:") {
            self.apply(Edit::RemoveResolverRule {
                rule: rule.to_string(),
            });
        } else if v == "dhcp" {
            self.apply(Edit::SetDhcpOptions { options: None });
        }
    }
}
