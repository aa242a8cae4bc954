//! IPv6 and dual-stack facts as sentences: the family a query took, AAAA answers (an endpoint's,
//! DNS64's), IPv6 route decisions, the egress-only internet gateway, NAT64, and IPv6 stops.

use crate::eval::*;

use super::trace::route_text;
use super::{Lang, args, join, m, msg};

/// `::/0 → eigw-1`.
fn v6_route_text(lang: Lang, r: &Ipv6RouteRef) -> String {
    msg(
        lang,
        "route",
        args()
            .s("destination", r.destination.to_string())
            .s("target", r.target.as_str()),
    )
}

fn addresses_text(lang: Lang, list: &[(Id, ipnet::Ipv6Net)]) -> String {
    join(
        lang,
        list.iter().map(|(subnet, a)| {
            msg(
                lang,
                "ipv6-address-in",
                args()
                    .s("address", v6_text(*a))
                    .s("subnet", subnet.as_str()),
            )
        }),
    )
}

/// An address for a /128, else the block.
fn v6_text(n: ipnet::Ipv6Net) -> String {
    if n.prefix_len() == 128 {
        n.addr().to_string()
    } else {
        n.to_string()
    }
}

/// "IPv6 (auto: both sides have both families; RFC 6724 prefers IPv6)".
pub fn family_text(lang: Lang, family: IpFamily, why: Option<FamilyWhy>) -> String {
    let family_word = m(lang, &format!("ipv6-family-{}", family.code()));
    match why {
        None => msg(lang, "ipv6-family-asked", args().s("family", family_word)),
        Some(w) => msg(
            lang,
            &format!("ipv6-family-auto-{}", w.code()),
            args().s("family", family_word),
        ),
    }
}

/// One IPv6 hop's sentence (`id` is the hop's object).
pub fn hop_text(lang: Lang, id: &str, f: &V6Fact) -> String {
    match f {
        V6Fact::Source {
            subnet,
            block,
            address,
        } => msg(
            lang,
            "ipv6-hop-source",
            args()
                .s("id", id.to_string())
                .s("subnet", subnet.as_str())
                .s("block", block.to_string())
                .s(
                    "address",
                    address.map(|a| a.to_string()).unwrap_or_default(),
                )
                .b("has_address", address.is_some()),
        ),
        V6Fact::Dns { answer } => match answer {
            Aaaa::Public => msg(lang, "ipv6-dns-public", args().s("name", id.to_string())),
            Aaaa::Endpoint {
                endpoint,
                addresses,
            } => msg(
                lang,
                "ipv6-dns-endpoint",
                args()
                    .s("name", id.to_string())
                    .s("endpoint", endpoint.as_str())
                    .s("addresses", addresses_text(lang, addresses)),
            ),
            Aaaa::Synthesized { ipv4, ipv6 } => msg(
                lang,
                "ipv6-dns-synthesized",
                args()
                    .s("name", id.to_string())
                    .s("ipv4", ipv4.to_string())
                    .s("ipv6", ipv6.to_string()),
            ),
        },
        V6Fact::Route {
            destination,
            route,
            matched,
        } => msg(
            lang,
            "ipv6-hop-route",
            args()
                .s("table", id.to_string())
                .s("destination", v6_text(*destination))
                .s("route", v6_route_text(lang, route))
                .n("matched", matched.len())
                .s(
                    "others",
                    join(
                        lang,
                        matched
                            .iter()
                            .filter(|r| *r != route)
                            .map(|r| v6_route_text(lang, r)),
                    ),
                ),
        ),
        V6Fact::EgressOnly => msg(lang, "ipv6-hop-egress-only", args().s("id", id.to_string())),
        V6Fact::InternetGateway { address } => msg(
            lang,
            "ipv6-hop-internet-gateway",
            args()
                .s("id", id.to_string())
                .s(
                    "address",
                    address.map(|a| a.to_string()).unwrap_or_default(),
                )
                .b("has_address", address.is_some()),
        ),
        V6Fact::Nat64 {
            ipv4,
            subnet,
            table,
            route,
        } => msg(
            lang,
            "ipv6-hop-nat64",
            args()
                .s("id", id.to_string())
                .s("ipv4", ipv4.to_string())
                .s("subnet", subnet.as_deref().unwrap_or_default().to_string())
                .s("table", table.as_deref().unwrap_or_default().to_string())
                .s(
                    "route",
                    route
                        .as_ref()
                        .map(|r| route_text(lang, r))
                        .unwrap_or_default(),
                ),
        ),
        V6Fact::Endpoint { addresses } => msg(
            lang,
            "ipv6-hop-endpoint",
            args()
                .s("id", id.to_string())
                .s("addresses", addresses_text(lang, addresses)),
        ),
        V6Fact::Address { address, subnet } => msg(
            lang,
            "ipv6-hop-address",
            args()
                .s("address", address.to_string())
                .s("subnet", subnet.as_str()),
        ),
        V6Fact::Internet { address } => msg(
            lang,
            "ipv6-hop-internet",
            args().s("address", v6_text(*address)),
        ),
        V6Fact::SecurityGroup { check } => super::ipv6_security::group_allowed_text(lang, check),
        V6Fact::NetworkAcl { checks } => super::ipv6_security::acl_hop_text(lang, checks),
    }
}

/// Where and why an IPv6 path stopped.
pub fn stop_text(lang: Lang, s: &V6Stop) -> String {
    let id = format!("ipv6-stop-{}", s.code());
    match s {
        // The same sentence as IPv4's: the resolver is off for every record type.
        V6Stop::DnsDisabled { vpc, name } => msg(
            lang,
            "stop-dns_disabled",
            args().s("vpc", vpc.as_str()).s("name", name.as_str()),
        ),
        V6Stop::NoIpv6Address {
            source,
            subnet,
            block,
        } => msg(
            lang,
            &id,
            args()
                .s("source", source.as_str())
                .s("subnet", subnet.as_str())
                .b("block", *block),
        ),
        V6Stop::NoIpv4Address { source, subnet } => msg(
            lang,
            &id,
            args()
                .s("source", source.as_str())
                .s("subnet", subnet.as_str()),
        ),
        V6Stop::NoAaaa {
            name,
            endpoint,
            records,
        } => msg(
            lang,
            &id,
            args()
                .s("name", name.as_str())
                .s(
                    "endpoint",
                    endpoint.as_deref().unwrap_or_default().to_string(),
                )
                .s("records", records.map(|r| r.code()).unwrap_or_default())
                .b("by_endpoint", endpoint.is_some()),
        ),
        V6Stop::EndpointNoIpv6 { endpoint } => {
            msg(lang, &id, args().s("endpoint", endpoint.as_str()))
        }
        V6Stop::NoRoute {
            table,
            destination,
            routes,
            vpc_has_ipv6,
        } => msg(
            lang,
            &id,
            args()
                .s("table", table.as_str())
                .s("destination", v6_text(*destination))
                .s(
                    "routes",
                    join(lang, routes.iter().map(|r| v6_route_text(lang, r))),
                )
                .n("count", routes.len())
                .b("vpc_has_ipv6", *vpc_has_ipv6),
        ),
        V6Stop::Blackhole { table, route }
        | V6Stop::LeavesVpc { table, route }
        | V6Stop::Nat64PrefixToInternet { table, route } => msg(
            lang,
            &id,
            args()
                .s("table", table.as_str())
                .s("route", v6_route_text(lang, route))
                .s("target", route.target.as_str()),
        ),
        V6Stop::AddressUnavailable { address, subnet } => msg(
            lang,
            &id,
            args()
                .s("address", address.to_string())
                .s("subnet", subnet.as_deref().unwrap_or_default().to_string())
                .b("in_subnet", subnet.is_some()),
        ),
        V6Stop::Nat64Failed { nat, ipv4, why } => msg(
            lang,
            &format!("ipv6-stop-nat64-{}", why.code()),
            args().s("nat", nat.as_str()).s("ipv4", ipv4.to_string()),
        ),
        V6Stop::SecurityGroup { check } => super::ipv6_security::group_refused_text(lang, check),
        V6Stop::NetworkAcl { check } => super::ipv6_security::acl_refused_text(lang, check),
        V6Stop::NotModelled { id: what, why } => msg(
            lang,
            &format!("ipv6-not-modelled-{}", why.code()),
            args().s("id", what.as_str()),
        ),
    }
}
