//! What the DNS hop found beyond private DNS: a private hosted zone's record, a Resolver rule,
//! the DHCP options set (aws-semantics.md §3; AWS's pages are cited in `crate::model::dns`).

use std::net::Ipv4Addr;

use serde::Serialize;

use super::*;

/// The record of a private hosted zone that answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneAnswer {
    /// The hosted zone's id (`Z…`).
    pub zone: Id,
    /// The zone's name.
    pub zone_name: Id,
    /// The record's name.
    pub record: Id,
}

/// What a record answers that the model does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum RecordTarget {
    /// An A record whose addresses are not one interface endpoint's ENIs.
    Addresses { ips: Vec<Ipv4Addr> },
    /// An alias to a DNS name outside the model (an endpoint in another VPC).
    Alias { name: Id },
    /// A CNAME: another name, which the model does not follow.
    Cname { name: Id },
    /// No record for the name, but a wildcard record that may answer it.
    Wildcard,
    /// An alias to an interface endpoint of another service than the one asked.
    OtherService { endpoint: Id, service: Id },
}

/// Why the DNS answer is outside the model: vpc-tui says so instead of guessing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum DnsOutside {
    /// The DHCP options set gives instances DNS servers other than the Amazon-provided resolver
    /// (`amazon_listed`: AmazonProvidedDNS is in the list too, and which server a client asks is
    /// the client's choice).
    CustomServers {
        options: Id,
        servers: Vec<Id>,
        amazon_listed: bool,
    },
    /// A Resolver forward rule sends the name to resolvers outside the VPC.
    Forwarded {
        rule: Id,
        domain: Id,
        targets: Vec<Ipv4Addr>,
    },
    /// A private hosted zone's record answers with something the model does not hold.
    Record {
        zone: ZoneAnswer,
        target: RecordTarget,
    },
    /// A private hosted zone matches the name but `enableDnsHostnames` is off: AWS requires it
    /// for private hosted zones and does not say what the Resolver answers without it.
    ZoneWithoutHostnames { zone: ZoneAnswer, vpc: Id },
    /// A private hosted zone matches the name, has no listed record for it, and its records are
    /// not all in the model (`records_unknown`): it may hold one.
    ZoneRecordsUnknown { zone: Id, zone_name: Id },
    /// A resource or service-network endpoint serves the name but its private DNS is off (or a
    /// VPC DNS attribute is): clients must use the endpoint's own DNS names, and what the name
    /// itself resolves to is not known to the model.
    LatticeWithoutPrivateDns { endpoint: Id },
    /// The VPC's service network association and an endpoint of this VPC both serve the name:
    /// which answer a client gets was not found on AWS's pages.
    LatticeAssociationAndEndpoint { association: Id, endpoint: Id },
}

impl DnsOutside {
    /// The snake_case name, as the message files name it.
    pub fn code(&self) -> &'static str {
        match self {
            DnsOutside::CustomServers { .. } => "custom_servers",
            DnsOutside::Forwarded { .. } => "forwarded",
            DnsOutside::Record { .. } => "record",
            DnsOutside::ZoneWithoutHostnames { .. } => "zone_without_hostnames",
            DnsOutside::ZoneRecordsUnknown { .. } => "zone_records_unknown",
            DnsOutside::LatticeWithoutPrivateDns { .. } => "lattice_without_private_dns",
            DnsOutside::LatticeAssociationAndEndpoint { .. } => "lattice_association_and_endpoint",
        }
    }
}
