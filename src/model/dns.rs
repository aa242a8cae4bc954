//! DNS beyond private DNS, as a scenario writes it: the VPC's DHCP options set, the Route 53
//! Resolver rules associated with the VPC, and the private hosted zones associated with it
//! (aws-semantics.md §3, the DNS hop; these have no section there yet, so AWS's pages below are
//! the contract). All three are optional: a scenario without them resolves as before.
//!
//! AWS's pages:
//! - DHCP options: `domain-name-servers` is "the IP addresses of up to four DNS servers, or
//!   AmazonProvidedDNS" (EC2 API Reference, `CreateDhcpOptions`,
//!   <https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html>).
//! - Resolver rules: forward / system rule types
//!   (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-outbound-queries-rule-values.html>),
//!   matching by exact name or subdomain, the most specific rule winning
//!   (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-forward-vpc-to-network-domain-name-matches.html>).
//! - Private hosted zones: `list-hosted-zones-by-vpc` and `list-resource-record-sets`
//!   (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zones-private.html>).

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};

/// What `domain-name-servers` names for the Amazon-provided resolver.
pub const AMAZON_PROVIDED_DNS: &str = "AmazonProvidedDNS";

/// The DHCP options set associated with the VPC (`describe-dhcp-options`): only what decides
/// who answers DNS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DhcpOptions {
    /// `dopt-…`.
    pub id: String,
    /// `domain-name-servers` as AWS lists it: addresses, or `AmazonProvidedDNS` (the default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domain_name_servers: Vec<String>,
}

impl DhcpOptions {
    /// The servers that are not the Amazon-provided resolver (empty: instances ask the Route 53
    /// Resolver at the VPC's base address plus two).
    pub fn custom_servers(&self) -> impl Iterator<Item = &str> {
        self.domain_name_servers
            .iter()
            .map(String::as_str)
            .filter(|s| !s.eq_ignore_ascii_case(AMAZON_PROVIDED_DNS))
    }
}

/// A Resolver rule's type (`RuleType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolverRuleType {
    /// `FORWARD`: queries for the domain go to the rule's target IPs, resolvers outside the VPC.
    Forward,
    /// `SYSTEM`: the Resolver answers the domain itself, overriding a less specific forward
    /// rule.
    System,
}

impl ResolverRuleType {
    /// The value as the Route 53 Resolver API writes it.
    pub fn code(self) -> &'static str {
        match self {
            ResolverRuleType::Forward => "FORWARD",
            ResolverRuleType::System => "SYSTEM",
        }
    }
}

/// A Resolver rule associated with the VPC (`list-resolver-rules` joined with
/// `list-resolver-rule-associations`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolverRule {
    /// `rslvr-rr-…`.
    pub id: String,
    /// `DomainName`; `.` matches every name.
    pub domain: String,
    pub rule_type: ResolverRuleType,
    /// `TargetIps` of a forward rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_ips: Vec<Ipv4Addr>,
}

/// A private hosted zone associated with the VPC, with its records for the names that matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivateHostedZone {
    /// The hosted zone id as Route 53 shows it (`Z…`, without `/hostedzone/`).
    pub id: String,
    /// The zone's name (`ssm.us-east-1.amazonaws.com`; a trailing dot is ignored).
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<ZoneRecord>,
    /// The zone's records are not all known: `records` lists some of them, or none (a zone
    /// imported without its `list-resource-record-sets` output, or from a truncated one). A
    /// name with a listed record answers as the record says; any other name is outside the
    /// model rather than NXDOMAIN, since the zone may hold a record for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub records_unknown: bool,
}

/// One record set (A, CNAME, or an alias A record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneRecord {
    pub name: String,
    pub value: RecordValue,
}

/// What a record answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordValue {
    /// An A record with these addresses.
    A(Vec<Ipv4Addr>),
    /// An alias A record to an interface endpoint of this VPC (by its `vpce-…` id).
    AliasEndpoint(String),
    /// An alias to a DNS name the model does not hold (an endpoint in a shared VPC, a load
    /// balancer).
    Alias(String),
    /// A CNAME record: the answer is another name, which the model does not follow.
    Cname(String),
}

impl RecordValue {
    /// The record type as Route 53 writes it.
    pub fn kind(&self) -> &'static str {
        match self {
            RecordValue::A(_) | RecordValue::AliasEndpoint(_) | RecordValue::Alias(_) => "A",
            RecordValue::Cname(_) => "CNAME",
        }
    }
}

/// A DNS name compared as DNS compares it: without a trailing dot, in any case.
pub fn dns_name_eq(a: &str, b: &str) -> bool {
    a.trim_end_matches('.')
        .eq_ignore_ascii_case(b.trim_end_matches('.'))
}

/// How many labels of `name` a zone or rule for `domain` matches: `Some(labels of domain)` when
/// `name` is `domain` or a subdomain of it (`.` matches every name, with 0 labels), else `None`.
/// The larger the count, the more specific the match. No allocation.
pub fn domain_match(name: &str, domain: &str) -> Option<usize> {
    let name = name.trim_end_matches('.');
    let domain = domain.trim_end_matches('.');
    if domain.is_empty() {
        return Some(0);
    }
    let labels = domain.split('.').count();
    if name.len() == domain.len() {
        return name.eq_ignore_ascii_case(domain).then_some(labels);
    }
    if name.len() < domain.len() + 1 {
        return None;
    }
    let cut = name.len() - domain.len();
    let (head, tail) = name.split_at(cut);
    (head.ends_with('.') && tail.eq_ignore_ascii_case(domain)).then_some(labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_match_exactly_or_as_subdomains() {
        assert_eq!(
            domain_match(
                "ssm.us-east-1.amazonaws.com",
                "ssm.us-east-1.amazonaws.com."
            ),
            Some(4)
        );
        assert_eq!(
            domain_match("ssm.us-east-1.amazonaws.com", "amazonaws.com"),
            Some(2)
        );
        assert_eq!(domain_match("ssm.us-east-1.amazonaws.com", "."), Some(0));
        assert_eq!(
            domain_match("ssm.us-east-1.amazonaws.com", "sm.us-east-1.amazonaws.com"),
            None
        );
        assert_eq!(
            domain_match("amazonaws.com", "ssm.us-east-1.amazonaws.com"),
            None
        );
        assert_eq!(
            domain_match("SSM.us-east-1.amazonaws.com", "Us-East-1.amazonaws.com"),
            Some(3)
        );
    }
}
