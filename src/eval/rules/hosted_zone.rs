//! Route 53 private hosted zones associated with the VPC (aws-semantics.md §3, the DNS hop; no
//! section there yet, so AWS's pages are the contract).
//!
//! - Of overlapping zones, the Resolver uses the most specific match; "If there's a matching
//!   private hosted zone but there's no record that matches the domain name and type in the
//!   request, Resolver doesn't forward the request to a public DNS resolver. Instead, it returns
//!   NXDOMAIN" (<https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html>,
//!   "Public and private hosted zones that have overlapping namespaces" and "Private hosted zones
//!   that have overlapping namespaces").
//! - "To use private hosted zones, you must set the following Amazon VPC settings to true:
//!   enableDnsHostnames, enableDnsSupport" (same page). What the Resolver answers for a zone's
//!   name when `enableDnsHostnames` is off is not said: not modelled.
//! - An interface endpoint's private DNS is an AWS-managed private hosted zone for the service's
//!   name (`CreateVpcEndpoint`, `PrivateDnsEnabled`), so a zone of the user's for that exact name
//!   cannot coexist with it (validation refuses, as AWS does). The endpoint's zone is the most
//!   specific match for the service's name, so the DNS hop asks a user's zone only when no
//!   endpoint of the VPC has private DNS on for the name.
//! - A record answers: an alias or A record for an interface endpoint of this VPC leads to its
//!   network interfaces; anything else (another VPC's endpoint, a CNAME, addresses no endpoint
//!   holds) is outside the model.
//! - A zone whose records the model does not all hold (`records_unknown`: imported without its
//!   `list-resource-record-sets` output, or from a truncated one) answers a name it lists as
//!   the record says; for any other name NXDOMAIN would be a guess, so the answer is outside
//!   the model (`dns_answer_outside_model`).

use std::net::Ipv4Addr;

use crate::eval::ctx::Trail;
use crate::eval::facts::*;
use crate::model::{Model, RecordValue, Scenario, dns_name_eq, domain_match};

/// The most specific zone for `name`: its index and how many labels its name has.
pub(crate) fn best(s: &Scenario, name: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, z) in s.private_hosted_zones.iter().enumerate() {
        if let Some(labels) = domain_match(name, &z.name)
            && best.is_none_or(|(_, b)| labels > b)
        {
            best = Some((i, labels));
        }
    }
    best
}

/// What the zone answers.
pub(crate) enum ZoneHit<'m> {
    /// A record for an interface endpoint of this VPC that serves the asked service: its ENIs
    /// (those at `only`, when an A record lists some of them).
    Endpoint {
        endpoint: usize,
        record: usize,
        only: Option<&'m [Ipv4Addr]>,
    },
    /// The path ends at the DNS hop (its stop is recorded).
    Stopped(Reason),
}

/// The zone's fact for a hop.
pub(crate) fn zone_answer(
    s: &Scenario,
    zone: usize,
    record: Option<usize>,
    name: &str,
) -> ZoneAnswer {
    let z = &s.private_hosted_zones[zone];
    ZoneAnswer {
        zone: Id::from(z.id.as_str()),
        zone_name: Id::from(z.name.trim_end_matches('.')),
        record: Id::from(record.map_or(name, |r| z.records[r].name.trim_end_matches('.'))),
    }
}

/// Look `name` up in zone `zone`. `service`: the service whose name is asked (none: a name the
/// model routes publicly, another Region's or a global one).
pub(crate) fn decide<'m>(
    model: &'m Model,
    zone: usize,
    name: &str,
    service: Option<&str>,
    hops: &mut Trail,
) -> ZoneHit<'m> {
    let s = model.scenario();
    let z = &s.private_hosted_zones[zone];
    let stop = |hops: &mut Trail, stop: &dyn Fn() -> Stop| {
        hops.add(HopKind::Dns, name, || None, || Fact::stop(stop()));
    };
    let outside = |hops: &mut Trail, record: Option<usize>, target: &dyn Fn() -> RecordTarget| {
        stop(hops, &|| Stop::DnsOutsideModel {
            name: Id::from(name),
            why: DnsOutside::Record {
                zone: zone_answer(s, zone, record, name),
                target: target(),
            },
        });
        ZoneHit::Stopped(Reason::DnsAnswerOutsideModel)
    };
    if !s.vpc.enable_dns_hostnames {
        stop(hops, &|| Stop::DnsOutsideModel {
            name: Id::from(name),
            why: DnsOutside::ZoneWithoutHostnames {
                zone: zone_answer(s, zone, None, name),
                vpc: Id::from(s.vpc.id.as_str()),
            },
        });
        return ZoneHit::Stopped(Reason::DnsAnswerOutsideModel);
    }
    let Some(r) = z.records.iter().position(|r| dns_name_eq(&r.name, name)) else {
        // A wildcard record may answer: DNS wildcard matching (RFC 4592: closest encloser,
        // empty non-terminals) is not modelled.
        let wildcard = z.records.iter().position(|r| {
            r.name.strip_prefix("*.").is_some_and(|parent| {
                domain_match(name, parent).is_some() && !dns_name_eq(name, parent)
            })
        });
        if let Some(w) = wildcard {
            return outside(hops, Some(w), &|| RecordTarget::Wildcard);
        }
        // The zone's records are not all known (imported without them): NXDOMAIN would be a
        // guess, the zone may hold a record for the name.
        if z.records_unknown {
            stop(hops, &|| Stop::DnsOutsideModel {
                name: Id::from(name),
                why: DnsOutside::ZoneRecordsUnknown {
                    zone: Id::from(z.id.as_str()),
                    zone_name: Id::from(z.name.trim_end_matches('.')),
                },
            });
            return ZoneHit::Stopped(Reason::DnsAnswerOutsideModel);
        }
        stop(hops, &|| Stop::DnsNameNotFound {
            zone: Id::from(z.id.as_str()),
            zone_name: Id::from(z.name.trim_end_matches('.')),
            name: Id::from(name),
        });
        return ZoneHit::Stopped(Reason::DnsNameNotFound);
    };
    let serves = |e: usize| {
        let ie = &s.interface_endpoints[e];
        service == Some(ie.service.as_str()) && ie.serves_region(&s.region, &s.region)
    };
    let other = |e: usize| {
        let ie = &s.interface_endpoints[e];
        RecordTarget::OtherService {
            endpoint: Id::from(ie.id.as_str()),
            service: Id::from(ie.service.as_str()),
        }
    };
    match &z.records[r].value {
        RecordValue::AliasEndpoint(_) => match model.dns.alias_endpoints[zone][r] {
            Some(e) if serves(e) => ZoneHit::Endpoint {
                endpoint: e,
                record: r,
                only: None,
            },
            Some(e) => outside(hops, Some(r), &|| other(e)),
            // Validation refuses an unknown endpoint; kept safe all the same.
            None => outside(hops, Some(r), &|| RecordTarget::Alias {
                name: Id::from(name),
            }),
        },
        RecordValue::A(ips) => {
            let holder = (0..s.interface_endpoints.len()).find(|&e| {
                !ips.is_empty()
                    && ips
                        .iter()
                        .all(|ip| model.endpoint_enis(e).iter().any(|x| x.ip == *ip))
            });
            match holder {
                Some(e) if serves(e) => ZoneHit::Endpoint {
                    endpoint: e,
                    record: r,
                    only: Some(ips),
                },
                Some(e) => outside(hops, Some(r), &|| other(e)),
                None => outside(hops, Some(r), &|| RecordTarget::Addresses {
                    ips: ips.clone(),
                }),
            }
        }
        RecordValue::Alias(target) => outside(hops, Some(r), &|| RecordTarget::Alias {
            name: Id::from(target.as_str()),
        }),
        RecordValue::Cname(target) => outside(hops, Some(r), &|| RecordTarget::Cname {
            name: Id::from(target.as_str()),
        }),
    }
}
