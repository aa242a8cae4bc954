//! The VPC's DHCP options set decides which DNS servers instances ask (aws-semantics.md §3, the
//! DNS hop; no section there yet, so AWS's pages are the contract).
//!
//! `domain-name-servers`: "The IP addresses of up to four DNS servers, or AmazonProvidedDNS"
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html>). Private
//! hosted zones answer only queries to the VPC's own resolver ("DNS queries for private hosted
//! zones can be resolved by the Amazon-provided VPC DNS server only",
//! <https://repost.aws/knowledge-center/vpc-enable-private-hosted-zone>), and so does interface
//! endpoints' private DNS, which is one. Custom servers answer from outside the model: the DNS
//! hop says so instead of guessing. With AmazonProvidedDNS listed among other servers, which one
//! a client asks is the client's choice, so that is not modelled either.

use crate::eval::ctx::Trail;
use crate::eval::facts::*;
use crate::model::Model;

/// The DNS hop's stop when instances ask servers other than the Amazon-provided resolver.
pub(crate) fn check(model: &Model, name: &str, hops: &mut Trail) -> Option<Reason> {
    let d = model.scenario().dhcp_options.as_ref()?;
    d.custom_servers().next()?;
    Some(hops.dns_outside(name, || DnsOutside::CustomServers {
        options: Id::from(d.id.as_str()),
        servers: d.custom_servers().map(Id::from).collect(),
        amazon_listed: d.custom_servers().count() < d.domain_name_servers.len(),
    }))
}
