//! DNS beyond private DNS as the evaluator reads it: whether the scenario has any of it (one flag
//! the DNS hop checks, so scenarios without it pay nothing), and each alias record's endpoint
//! by index (aws-semantics.md §3; AWS's pages are cited in `crate::model::dns`).

use crate::model::{RecordValue, Scenario};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct DnsIndex {
    /// The scenario has DNS servers other than AmazonProvidedDNS, a Resolver rule or a private
    /// hosted zone.
    pub on: bool,
    /// Per zone, per record: the interface endpoint an alias record names.
    pub alias_endpoints: Vec<Vec<Option<usize>>>,
}

impl DnsIndex {
    pub(crate) fn build(s: &Scenario) -> DnsIndex {
        // A DHCP options set of AmazonProvidedDNS alone changes nothing.
        let on = s
            .dhcp_options
            .as_ref()
            .is_some_and(|d| d.custom_servers().next().is_some())
            || !s.resolver_rules.is_empty()
            || !s.private_hosted_zones.is_empty();
        let alias_endpoints = s
            .private_hosted_zones
            .iter()
            .map(|z| {
                z.records
                    .iter()
                    .map(|r| match &r.value {
                        RecordValue::AliasEndpoint(id) => {
                            s.interface_endpoints.iter().position(|e| &e.id == id)
                        }
                        _ => None,
                    })
                    .collect()
            })
            .collect();
        DnsIndex {
            on,
            alias_endpoints,
        }
    }
}
