//! The source's IPv6 side and the AAAA answer for the destination (aws-semantics.md has no
//! IPv6 section yet; the rules' files cite AWS's pages).

use std::net::Ipv6Addr;

use ipnet::Ipv6Net;

use super::super::ctx::Source;
use super::super::facts::*;
use super::super::resolve::Goal;
use super::super::rules::{dns64, endpoint_dns_records};
use super::global_unicast;
use crate::model::{Model, catalogue};

/// The source's IPv6 side.
pub(super) struct Client {
    pub id: Id,
    pub subnet: usize,
    pub block: Option<Ipv6Net>,
    /// The instance's address; none for a new interface (addressed from the block).
    pub address: Option<Ipv6Addr>,
    pub has_v6: bool,
    pub has_v4: bool,
}

pub(super) fn client(model: &Model, source: &Source) -> Client {
    let s = model.scenario();
    let sn = &s.subnets[source.subnet];
    let instance = match &source.origin {
        Origin::Instance { id, .. } => s.instances.iter().find(|i| i.id == id.as_str()),
        Origin::Address { id, .. } => s.instances.iter().find(|i| i.private_ip == Some(*id)),
        Origin::Subnet { .. } => None,
    };
    let address = instance.and_then(|i| i.ipv6_address);
    Client {
        id: source.origin.id(),
        subnet: source.subnet,
        block: sn.ipv6_cidr,
        address,
        // A new interface in a subnet with an IPv6 block gets an address from it; an instance
        // has one only if the scenario gives it (or its subnet is IPv6-only).
        has_v6: sn.ipv6_cidr.is_some() && (instance.is_none() || address.is_some() || sn.ipv6_only),
        has_v4: !sn.ipv6_only,
    }
}

/// What the name's AAAA query gets.
pub(super) enum Answer {
    /// An IPv6 destination to route, the DNS fact, and (for an endpoint) which.
    To {
        dest: Ipv6Net,
        fact: Option<Aaaa>,
        endpoint: Option<usize>,
    },
    Stop(V6Stop),
}

/// The AAAA answer for the goal, and whether it has A records too.
pub(super) fn answer(model: &Model, failed: &[bool], c: &Client, goal: &Goal) -> (Answer, bool) {
    let s = model.scenario();
    let dns64 = s.subnets[c.subnet].dns64 && c.block.is_some();
    let not_modelled = |id: &str, why| {
        Answer::Stop(V6Stop::NotModelled {
            id: Id::from(id),
            why,
        })
    };
    let svc = match goal {
        Goal::Address6(net) => {
            return (
                Answer::To {
                    dest: *net,
                    fact: None,
                    endpoint: None,
                },
                false,
            );
        }
        Goal::Address(_) => {
            return (
                Answer::Stop(V6Stop::NoAaaa {
                    name: Id::default(),
                    endpoint: None,
                    records: None,
                }),
                true,
            );
        }
        Goal::Service(svc) => *svc,
        Goal::Workload(name, _) => return (not_modelled(name, V6Unknown::Workload), true),
        Goal::Remote { service, .. }
        | Goal::Global { name: service, .. }
        | Goal::DirectoryBucket {
            bucket: service, ..
        } => {
            return (not_modelled(service, V6Unknown::OtherName), true);
        }
    };
    let service = &model.services()[svc];
    let name = service.dns_name.as_str();
    // "If this attribute is false, the Amazon-provided DNS server that resolves public DNS
    // hostnames to IP addresses is not enabled" (vpc-dns.html): no AAAA answer either.
    if !s.vpc.enable_dns_support {
        let stop = V6Stop::DnsDisabled {
            vpc: Id::from(s.vpc.id.as_str()),
            name: Id::from(name),
        };
        return (Answer::Stop(stop), true);
    }
    // Hosted zones, Resolver rules and custom DNS servers answer before private DNS: their AAAA
    // answers are not modelled.
    if s.dhcp_options.is_some()
        || !s.resolver_rules.is_empty()
        || !s.private_hosted_zones.is_empty()
    {
        return (not_modelled(name, V6Unknown::DnsOutsideModel), true);
    }
    let endpoint = s.vpc.enable_dns_hostnames.then(|| {
        model.service_endpoints[svc].iter().copied().find(|&e| {
            let ie = &s.interface_endpoints[e];
            ie.private_dns && ie.serves_region(&s.region, &s.region)
        })
    });
    if let Some(e) = endpoint.flatten() {
        let ie = &s.interface_endpoints[e];
        let has_a = endpoint_dns_records::a(ie);
        if let Err(stop) = endpoint_dns_records::aaaa(ie, name) {
            // DNS64 would synthesize from the endpoint's private IPv4 addresses: whether NAT64
            // reaches them was not found on AWS's pages.
            let stop = match stop {
                V6Stop::EndpointNoIpv6 { .. } | V6Stop::NoAaaa { .. } if dns64 => {
                    V6Stop::NotModelled {
                        id: Id::from(ie.id.as_str()),
                        why: V6Unknown::Dns64ToEndpoint,
                    }
                }
                other => other,
            };
            return (Answer::Stop(stop), has_a);
        }
        let addresses: Vec<(Id, Ipv6Net)> = ie
            .subnets
            .iter()
            .filter_map(|es| {
                let si = model.subnet_index(&es.subnet)?;
                let up = !failed.get(model.subnet_az[si]).copied().unwrap_or(false);
                let block = s.subnets[si].ipv6_cidr?;
                up.then(|| {
                    let net = es.ipv6.map(Ipv6Net::from).unwrap_or(block);
                    (Id::from(es.subnet.as_str()), net)
                })
            })
            .collect();
        let Some(&(_, first)) = addresses.first() else {
            return (
                Answer::Stop(V6Stop::EndpointNoIpv6 {
                    endpoint: Id::from(ie.id.as_str()),
                }),
                has_a,
            );
        };
        return (
            Answer::To {
                dest: first,
                fact: Some(Aaaa::Endpoint {
                    endpoint: Id::from(ie.id.as_str()),
                    addresses,
                }),
                endpoint: Some(e),
            },
            has_a,
        );
    }
    if catalogue::regional_name_has_aaaa(&service.name) {
        let fact = Some(Aaaa::Public);
        return (
            Answer::To {
                dest: global_unicast(),
                fact,
                endpoint: None,
            },
            true,
        );
    }
    match service.cidrs.first() {
        Some(c) if dns64 => {
            let ipv4 = c.network();
            let ipv6 = dns64::synthesize(ipv4);
            (
                Answer::To {
                    dest: Ipv6Net::from(ipv6),
                    fact: Some(Aaaa::Synthesized { ipv4, ipv6 }),
                    endpoint: None,
                },
                true,
            )
        }
        _ => (
            Answer::Stop(V6Stop::NoAaaa {
                name: Id::from(name),
                endpoint: None,
                records: None,
            }),
            true,
        ),
    }
}
