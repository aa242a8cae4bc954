//! Prefix lists (`describe-managed-prefix-lists`, `get-managed-prefix-list-entries`): their names
//! and CIDRs, and the service CIDRs they replace.

use std::collections::{BTreeSet, HashMap};

use ipnet::Ipv4Net;

use super::{Facts, Warn, warning};
use crate::import::Input;
use crate::model::{GatewayEndpoint, ServiceOverride};

/// Prefix lists by id.
pub(super) struct PrefixLists<'a> {
    pub(super) pl_name: HashMap<&'a str, &'a str>,
    pub(super) pl_cidrs: HashMap<&'a str, Vec<Ipv4Net>>,
    pub(super) pl_customer: BTreeSet<&'a str>,
}

/// Id → (name, CIDRs), and which lists a customer owns.
pub(super) fn prefix_lists(input: &Input) -> PrefixLists<'_> {
    let mut pl_name: HashMap<&str, &str> = HashMap::new();
    let mut pl_cidrs: HashMap<&str, Vec<Ipv4Net>> = HashMap::new();
    let mut pl_customer: BTreeSet<&str> = BTreeSet::new();
    for p in &input.prefix_lists {
        if let Some(n) = &p.prefix_list_name {
            pl_name.insert(&p.prefix_list_id, n);
        }
        if p.owner_id.as_deref().is_some_and(|o| o != "AWS") {
            pl_customer.insert(&p.prefix_list_id);
        }
        if let Some(c) = &p.cidrs {
            pl_cidrs.insert(
                &p.prefix_list_id,
                c.iter().filter_map(|c| c.parse().ok()).collect(),
            );
        }
    }
    for (id, entries) in &input.entries {
        pl_cidrs.insert(id, entries.iter().filter_map(|c| c.parse().ok()).collect());
    }
    PrefixLists {
        pl_name,
        pl_cidrs,
        pl_customer,
    }
}

/// Prefix-list entries of a catalogue service (S3, DynamoDB) replace the catalogue's CIDRs.
pub(super) fn service_cidrs(
    facts: Facts,
    used_prefix_lists: &BTreeSet<String>,
    gateway_endpoints: &[GatewayEndpoint],
    service_overrides: &mut Vec<ServiceOverride>,
    w: &mut Warn,
) {
    let Facts {
        cidrs,
        services,
        pl_name,
        pl_cidrs,
        pl_service,
        ..
    } = facts;
    let mut overridden: BTreeSet<String> = BTreeSet::new();
    let gateway_services: BTreeSet<&str> = gateway_endpoints
        .iter()
        .map(|g| g.service.as_str())
        .collect();
    for (pl, name) in pl_name {
        let Some(svc) = pl_service(pl) else { continue };
        let used = used_prefix_lists.contains(*pl) || gateway_services.contains(svc.as_str());
        let Some(list) = pl_cidrs.get(pl).filter(|l| !l.is_empty()) else {
            continue;
        };
        if !used || overridden.contains(&svc) {
            continue;
        }
        let catalogue_cidrs: BTreeSet<Ipv4Net> = services
            .iter()
            .find(|s| s.name == svc)
            .map(|s| s.cidrs.iter().copied().collect())
            .unwrap_or_default();
        let mut list: Vec<Ipv4Net> = list
            .iter()
            .copied()
            .filter(|c| !cidrs.iter().any(|v| v.contains(c)))
            .collect();
        list.sort();
        list.dedup();
        if list.iter().copied().collect::<BTreeSet<_>>() != catalogue_cidrs {
            w.push(
                warning(pl, "aws_service_cidrs", "entries")
                    .s("name", name)
                    .s("service", &svc)
                    .n("count", list.len()),
            );
            overridden.insert(svc.clone());
            service_overrides.push(ServiceOverride {
                name: svc,
                dns_name: None,
                private_dns_supported: None,
                gateway_endpoint: None,
                interface_endpoint: None,
                cidrs: Some(list),
            });
        }
    }
}
