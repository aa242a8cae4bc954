//! IPv6 and dual-stack (aws-semantics.md has no IPv6 section yet, so AWS's pages are the
//! contract): the blocks, the IPv6 routes and their targets, addresses inside their subnet's
//! block, and interface endpoints' IP address type and DNS record IP type against their subnets.
//!
//! AWS's pages:
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html> ("Subnet sizes for
//!   IPv6": a subnet's IPv6 block is `/44` … `/64`, in steps of 4, inside one of the VPC's);
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html> (an IPv6-only
//!   subnet has an IPv6 block and no IPv4 one);
//! - <https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html> (an
//!   egress-only internet gateway is for IPv6 traffic);
//! - <https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html> and the
//!   CDK's `VpcEndpointIpAddressType` / `VpcEndpointDnsRecordIpType` docs, which quote AWS's
//!   rules: IPv4 needs subnets with IPv4 ranges, dual-stack needs both, IPv6 needs IPv6-only
//!   subnets; the DNS record type `ipv4` needs an IPv4 or dual-stack endpoint, `ipv6` an IPv6 or
//!   dual-stack one, `dualstack` and `service-defined` a dual-stack one.

use ipnet::Ipv6Net;

use super::Cx;
use crate::model::{Diagnostic, DnsRecordIpType, EndpointIpType, Target};

/// The VPC's and subnets' IPv6 blocks, IPv6-only subnets and DNS64.
pub(super) fn ipv6_blocks(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let vpc = &cx.s.vpc;
    let in_vpc = |net: &Ipv6Net| vpc.ipv6_cidrs.iter().any(|v| v.contains(net));
    let mut seen: Vec<(&str, Ipv6Net)> = Vec::new();
    for sn in &cx.s.subnets {
        if let Some(block) = &sn.ipv6_cidr {
            let len = block.prefix_len();
            if !(44..=64).contains(&len) || len % 4 != 0 {
                out.push(
                    Diagnostic::error(&sn.id, "ipv6_subnet_size")
                        .s("subnet", &sn.id)
                        .s("cidr", block),
                );
            }
            if !in_vpc(block) {
                out.push(
                    Diagnostic::error(&sn.id, "ipv6_subnet_outside_vpc")
                        .s("subnet", &sn.id)
                        .s("cidr", block)
                        .s("vpc", &vpc.id)
                        .b("vpc_has_ipv6", !vpc.ipv6_cidrs.is_empty()),
                );
            }
            if let Some((other, _)) = seen
                .iter()
                .find(|(_, o)| o.contains(block) || block.contains(o))
            {
                out.push(
                    Diagnostic::error(&sn.id, "ipv6_subnet_overlap")
                        .s("subnet", &sn.id)
                        .s("other", other)
                        .s("cidr", block),
                );
            }
            seen.push((&sn.id, *block));
        } else {
            if sn.ipv6_only {
                out.push(Diagnostic::error(&sn.id, "ipv6_only_without_block").s("subnet", &sn.id));
            }
            if sn.dns64 {
                out.push(Diagnostic::warning(&sn.id, "dns64_without_ipv6").s("subnet", &sn.id));
            }
        }
    }
}

/// IPv6 routes: the VPC has an IPv6 block, each destination once, targets that exist and may
/// take IPv6; an egress-only internet gateway never in an IPv4 route.
pub(super) fn ipv6_routes(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let eigw = |id: &str| s.egress_only_internet_gateways.iter().any(|g| g.id == id);
    for t in &s.route_tables {
        for r in t.routes.iter() {
            if let Target::EgressOnlyInternetGateway(id) = &r.target {
                out.push(
                    Diagnostic::error(&t.id, "egress_only_ipv4_route")
                        .s("table", &t.id)
                        .s("destination", &r.destination)
                        .s("target", id),
                );
            }
        }
        for (i, r) in t.ipv6_routes.iter().enumerate() {
            let dest = r.destination.trunc();
            let with_route = |d: Diagnostic| {
                d.s("table", &t.id)
                    .s("destination", dest)
                    .s("target", &r.target)
            };
            if s.vpc.ipv6_cidrs.is_empty() {
                out.push(
                    with_route(Diagnostic::error(&t.id, "ipv6_route_without_vpc_block"))
                        .s("vpc", &s.vpc.id),
                );
            }
            if t.ipv6_routes[..i]
                .iter()
                .any(|o| o.destination.trunc() == dest)
            {
                out.push(with_route(Diagnostic::error(&t.id, "ipv6_route_twice")));
            }
            let known = match &r.target {
                Target::Local | Target::GatewayEndpoint(_) => false,
                Target::InternetGateway(id) => cx.igw_id() == Some(id.as_str()),
                Target::EgressOnlyInternetGateway(id) => eigw(id),
                // A zonal target deleted after the route was made: AWS keeps the route and
                // shows it as a blackhole, and so does the walk (a warning, not an error, so
                // that deleting a NAT gateway leaves its IPv6 routes as AWS does).
                Target::NatGateway(id)
                | Target::GatewayLoadBalancerEndpoint(id)
                | Target::NetworkInterface(id) => {
                    let exists = cx.nats.contains(id.as_str())
                        || cx.gwlbs.contains(id.as_str())
                        || cx.enis.contains(id.as_str());
                    if !exists {
                        out.push(with_route(Diagnostic::warning(
                            &t.id,
                            "ipv6_route_target_deleted",
                        )));
                    }
                    true
                }
                Target::Blackhole
                | Target::VpcPeering(_)
                | Target::TransitGateway(_)
                | Target::VirtualPrivateGateway(_) => true,
            };
            if !known {
                out.push(with_route(Diagnostic::error(
                    &t.id,
                    "ipv6_route_target_unknown",
                )));
            } else if s.is_vpc_ipv6_block(dest)
                && !super::route_tables::is_middlebox_target(&r.target)
            {
                // A route to exactly a VPC IPv6 block replaces the local route's target, as
                // for IPv4 (`routes_inside_vpc`).
                out.push(with_route(Diagnostic::error(
                    &t.id,
                    "invalid_local_route_target",
                )));
            }
        }
    }
}

/// Instances' IPv6 addresses lie in their subnet's IPv6 block; an instance in an IPv6-only
/// subnet has no IPv4 address to name.
pub(super) fn ipv6_addresses(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for i in cx.s.instances.iter() {
        let Some(sn) = cx.subnets.get(i.subnet.as_str()) else {
            continue;
        };
        if let Some(a) = i.ipv6_address
            && !sn.ipv6_cidr.is_some_and(|b| b.contains(&a))
        {
            out.push(
                Diagnostic::error(&i.id, "ipv6_address_outside_subnet")
                    .s("instance", &i.id)
                    .s("address", a)
                    .s("subnet", &sn.id)
                    .s(
                        "cidr",
                        sn.ipv6_cidr.map(|c| c.to_string()).unwrap_or_default(),
                    )
                    .b("has_block", sn.ipv6_cidr.is_some()),
            );
        }
        if sn.ipv6_only && (i.private_ip.is_some() || i.public_ip) {
            out.push(
                Diagnostic::error(&i.id, "ipv4_in_ipv6_only_subnet")
                    .s("instance", &i.id)
                    .s("subnet", &sn.id),
            );
        }
    }
}

/// An interface endpoint's IP address type fits its subnets, its DNS record IP type fits its
/// IP address type, and its ENIs' IPv6 addresses lie in their subnets' blocks.
pub(super) fn endpoint_ip_types(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for e in &cx.s.interface_endpoints {
        let ip = e.ip_address_type;
        for es in &e.subnets {
            let Some(sn) = cx.subnets.get(es.subnet.as_str()) else {
                continue;
            };
            let has_v6 = sn.ipv6_cidr.is_some();
            let has_v4 = !sn.ipv6_only;
            let fits = match ip {
                EndpointIpType::Ipv4 => has_v4,
                EndpointIpType::Dualstack => has_v4 && has_v6,
                EndpointIpType::Ipv6 => has_v6 && !has_v4,
            };
            if !fits {
                out.push(
                    Diagnostic::error(&e.id, "endpoint_ip_type_subnet")
                        .s("endpoint", &e.id)
                        .s("type", ip.code())
                        .s("subnet", &sn.id),
                );
            }
            if let Some(a) = es.ipv6
                && (!ip.has_ipv6() || !sn.ipv6_cidr.is_some_and(|b| b.contains(&a)))
            {
                {
                    out.push(
                        Diagnostic::error(&e.id, "endpoint_ipv6_address")
                            .s("endpoint", &e.id)
                            .s("address", a)
                            .s("subnet", &sn.id),
                    );
                }
            }
        }
        if let Some(records) = e.dns_record_ip_type {
            let fits = match records {
                DnsRecordIpType::Ipv4 => ip.has_ipv4(),
                DnsRecordIpType::Ipv6 => ip.has_ipv6(),
                DnsRecordIpType::Dualstack | DnsRecordIpType::ServiceDefined => {
                    ip == EndpointIpType::Dualstack
                }
            };
            if !fits {
                out.push(
                    Diagnostic::error(&e.id, "endpoint_dns_record_type")
                        .s("endpoint", &e.id)
                        .s("records", records.code())
                        .s("type", ip.code()),
                );
            }
        }
    }
}
