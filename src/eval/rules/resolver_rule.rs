//! Route 53 Resolver rules associated with the VPC (aws-semantics.md §3, the DNS hop; no section
//! there yet, so AWS's pages are the contract).
//!
//! A rule matches its domain and every subdomain; of several, "Resolver routes outbound DNS
//! queries using the rule that contains the most specific domain name"
//! (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-forward-vpc-to-network-domain-name-matches.html>).
//! Private hosted zones are rules too, autodefined ones, and a forward rule for the same domain
//! name overrides an autodefined rule
//! (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-forward-vpc-to-network-autodefined-rules.html>;
//! the priority order "Resolver rules, then rules for private hosted zones" is AWS's knowledge
//! center's, <https://repost.aws/knowledge-center/route-53-override-reverse-dns-rules>). A
//! system rule makes the Resolver answer the domain itself
//! (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-outbound-queries-rule-values.html>).
//! A forward rule sends the query to resolvers outside the VPC: their answer is outside the
//! model.

use crate::eval::ctx::Trail;
use crate::eval::facts::*;
use crate::model::{ResolverRuleType, Scenario, domain_match};

/// The most specific rule for `name`: its index and how many labels its domain has.
pub(crate) fn best(s: &Scenario, name: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, r) in s.resolver_rules.iter().enumerate() {
        if let Some(labels) = domain_match(name, &r.domain)
            && best.is_none_or(|(_, b)| labels > b)
        {
            best = Some((i, labels));
        }
    }
    best
}

/// The DNS hop's stop when the winning rule forwards the name; none for a system rule (the
/// Resolver answers as it would without rules).
pub(crate) fn check(s: &Scenario, rule: usize, name: &str, hops: &mut Trail) -> Option<Reason> {
    let r = &s.resolver_rules[rule];
    if r.rule_type == ResolverRuleType::System {
        return None;
    }
    Some(hops.dns_outside(name, || DnsOutside::Forwarded {
        rule: Id::from(r.id.as_str()),
        domain: Id::from(r.domain.as_str()),
        targets: r.target_ips.clone(),
    }))
}
