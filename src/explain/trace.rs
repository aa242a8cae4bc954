//! A path's facts as sentences: each hop, each route decision, where the path stopped and why,
//! the notes, and the one-line summary of the verdict.

use std::fmt;

use ipnet::Ipv4Net;

use crate::eval::*;
use crate::net_text::NetText;

use super::{Lang, args, join, join_with, m, msg, verdict_words};

/// An address for /32, else the CIDR.
pub fn net(n: Ipv4Net) -> String {
    if n.prefix_len() == 32 {
        NetText::addr(n.addr()).as_str().to_string()
    } else {
        NetText::net(n).as_str().to_string()
    }
}

pub fn az_text(lang: Lang, az: &Az) -> String {
    match &az.zone_id {
        Some(z) => msg(
            lang,
            "az-with-id",
            args().s("name", az.name.as_str()).s("zone", z.as_str()),
        ),
        None => az.name.to_string(),
    }
}

/// Who sends: `i-app-a (app-a)`, "a new instance in subnet-a", `10.0.1.5`.
pub fn origin_text(lang: Lang, o: &Origin) -> String {
    match o {
        Origin::Instance { id, name: Some(n) } => msg(
            lang,
            "who-instance",
            args().s("id", id.as_str()).s("name", n.as_str()),
        ),
        Origin::Instance { id, name: None } => id.to_string(),
        Origin::Subnet { id, public_ip } => msg(
            lang,
            if *public_ip {
                "who-new-instance-public"
            } else {
                "who-new-instance"
            },
            args().s("subnet", id.as_str()),
        ),
        Origin::Address {
            id,
            instance: Some(i),
        } => msg(
            lang,
            "who-address-instance",
            args()
                .s("address", NetText::addr(*id).as_str().to_string())
                .s("instance", i.as_str()),
        ),
        Origin::Address { id, instance: None } => NetText::addr(*id).as_str().to_string(),
    }
}

pub fn route_text(lang: Lang, r: &Route) -> String {
    msg(
        lang,
        "route",
        args()
            .s("destination", r.destination.as_str())
            .s("target", r.target.as_str()),
    )
}

fn enis_text(lang: Lang, enis: &[EndpointEni], id: &str) -> String {
    join(
        lang,
        enis.iter().map(|e| {
            msg(
                lang,
                id,
                args()
                    .s("ip", NetText::addr(e.ip).as_str().to_string())
                    .s("az", az_text(lang, &e.az)),
            )
        }),
    )
}

fn routed_text(lang: Lang, r: &Routed) -> String {
    match r {
        Routed::Service { name, cidr } => msg(
            lang,
            "routed-service",
            args().s("name", name.as_str()).s("cidr", net(*cidr)),
        ),
        Routed::Address { cidr } => net(*cidr),
        Routed::EndpointEni { ip } => msg(
            lang,
            "routed-eni",
            args().s("ip", NetText::addr(*ip).as_str().to_string()),
        ),
    }
}

fn ranges_text(lang: Lang, cidrs: &[Ipv4Net], total: usize, illustrative: bool) -> String {
    let list = join(lang, cidrs.iter().map(|c| net(*c)));
    let ranges = if total == 0 {
        m(lang, "ranges-none")
    } else if total > cidrs.len() {
        msg(
            lang,
            "ranges-more",
            args().s("list", list).n("total", total),
        )
    } else {
        list
    };
    if illustrative {
        msg(lang, "ranges-illustrative", args().s("ranges", ranges))
    } else {
        ranges
    }
}

fn resolver_text(lang: Lang, resolver: Option<std::net::Ipv4Addr>) -> String {
    match resolver {
        Some(ip) => msg(
            lang,
            "resolver",
            args().s("address", NetText::addr(ip).as_str().to_string()),
        ),
        None => m(lang, "resolver-unknown"),
    }
}

fn public_why(lang: Lang, why: &PublicWhy) -> String {
    match why {
        PublicWhy::PrivateDnsOff { endpoint } => msg(
            lang,
            "why-private-dns-off",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::PrivateDnsUnsupported { endpoint } => msg(
            lang,
            "why-private-dns-unsupported",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::DnsHostnamesOff { endpoint } => msg(
            lang,
            "why-dns-hostnames-off",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::InboundResolverOnly { endpoint } => msg(
            lang,
            "why-inbound-resolver-only",
            args().s("endpoint", endpoint.as_str()),
        ),
        PublicWhy::OtherRegion { region, home } => msg(
            lang,
            "why-other-region",
            args().s("region", region.as_str()).s("home", home.as_str()),
        ),
        PublicWhy::GlobalName { region } => {
            msg(lang, "why-global-name", args().s("region", region.as_str()))
        }
    }
}

fn association_text(lang: Lang, table: &str, a: &Association) -> String {
    match a {
        Association::Explicit { subnet } => msg(
            lang,
            "assoc-explicit",
            args().s("subnet", subnet.as_str()).s("table", table),
        ),
        Association::Main { subnet } => msg(
            lang,
            "assoc-main",
            args().s("subnet", subnet.as_str()).s("table", table),
        ),
        Association::Forwarder { by, subnet, main } => msg(
            lang,
            "assoc-forwarder",
            args()
                .s("by", by.as_str())
                .s("subnet", subnet.as_str())
                .s("table", table)
                .b("main", *main),
        ),
    }
}

/// The destinations of a decision: one range, or "6 ranges (52.216.0.0/15, …)".
pub fn destinations_text(lang: Lang, d: &RouteDecision) -> String {
    match d.destinations.as_slice() {
        [one] => net(*one),
        [first, ..] => msg(
            lang,
            "ranges-count",
            args()
                .n("count", d.destinations.len())
                .s("first", net(*first)),
        ),
        [] => String::new(),
    }
}

/// One route decision: `6 ranges (…) → pl-s3 → vpce-s3 (the only match)`, and what else matched.
pub fn decision_text(lang: Lang, d: &RouteDecision) -> String {
    let dest = destinations_text(lang, d);
    let Some(w) = d.winner() else {
        return msg(lang, "decision-none", args().s("dest", dest));
    };
    let matched = NetText::net(w.matched_cidr);
    let route = if d.destinations.len() == 1 && w.destination != matched.as_str() {
        msg(
            lang,
            "decision-matched",
            args()
                .s("route", w.destination.as_str())
                .s("cidr", matched.as_str().to_string()),
        )
    } else {
        w.destination.to_string()
    };
    let rule = msg(
        lang,
        &format!("rule-{}", d.rule.code()),
        args().n("len", usize::from(w.matched_cidr.prefix_len())),
    );
    let text = msg(
        lang,
        "decision",
        args()
            .s("dest", dest)
            .s("route", route)
            .s("target", w.target.as_str())
            .s("rule", rule),
    );
    let others: Vec<String> = d
        .matches
        .iter()
        .filter(|m| !m.chosen)
        .map(|m| {
            route_text(
                lang,
                &Route {
                    destination: m.destination.clone(),
                    target: m.target.clone(),
                },
            )
        })
        .collect();
    if others.is_empty() {
        text
    } else {
        msg(
            lang,
            "decision-also",
            args().s("decision", text).s("others", join(lang, others)),
        )
    }
}

fn holder_text(lang: Lang, h: &Holder) -> String {
    let (id, who) = match h {
        Holder::Instance(id) => ("holder-instance", id),
        Holder::NetworkInterface(id) => ("holder-network-interface", id),
        Holder::InterfaceEndpoint(id) => ("holder-interface-endpoint", id),
    };
    msg(lang, id, args().s("id", who.as_str()))
}

fn az_of(lang: Lang, hop: &Hop) -> String {
    hop.az
        .as_ref()
        .map(|a| az_text(lang, a))
        .unwrap_or_default()
}

/// The sentence of one hop (a route table's: how the table was found; its decisions are
/// [`decision_text`]).
pub fn hop_sentence(lang: Lang, hop: &Hop) -> String {
    let id = hop.id.as_str();
    match &hop.fact {
        Fact::Source {
            origin,
            subnet,
            cidr,
            public_ip,
        } => msg(
            lang,
            "hop-source",
            args()
                .s("who", origin_text(lang, origin))
                .s("subnet", subnet.as_str())
                .s("cidr", net(*cidr))
                .s("az", az_of(lang, hop))
                .b("public", *public_ip),
        ),
        Fact::Dns { resolver, answer } => {
            let name = &hop.id;
            let resolver = resolver_text(lang, *resolver);
            match answer {
                DnsAnswer::Enis { endpoint, enis } => msg(
                    lang,
                    "dns-enis",
                    args()
                        .s("name", name.as_str())
                        .s("resolver", resolver)
                        .s("endpoint", endpoint.as_str())
                        .s("enis", enis_text(lang, enis, "eni-az")),
                ),
                DnsAnswer::Public {
                    service,
                    cidrs,
                    total,
                    illustrative,
                    why,
                } => {
                    let answer = msg(
                        lang,
                        "dns-public",
                        args()
                            .s("name", name.as_str())
                            .s("resolver", resolver)
                            .s("service", service.as_str())
                            .s("ranges", ranges_text(lang, cidrs, *total, *illustrative)),
                    );
                    match why {
                        Some(w) => msg(
                            lang,
                            "dns-public-because",
                            args().s("answer", answer).s("why", public_why(lang, w)),
                        ),
                        None => answer,
                    }
                }
            }
        }
        Fact::RouteTable { association, .. } => association_text(lang, id, association),
        Fact::GatewayEndpoint { service } => msg(
            lang,
            "hop-gateway-endpoint",
            args().s("id", id).s("service", service.as_str()),
        ),
        Fact::InterfaceEndpoint { enis } => msg(
            lang,
            "hop-interface-endpoint",
            args()
                .s("id", id)
                .s("enis", enis_text(lang, enis, "eni-in")),
        ),
        Fact::NatGateway {
            public,
            subnet: Some(subnet),
        } => msg(
            lang,
            "hop-nat-zonal",
            args()
                .s("id", id)
                .b("public", *public)
                .s("subnet", subnet.as_str())
                .s("az", az_of(lang, hop)),
        ),
        Fact::NatGateway {
            public,
            subnet: None,
        } => msg(
            lang,
            "hop-nat-regional",
            args().s("id", id).b("public", *public),
        ),
        Fact::GwlbEndpoint { subnet } => msg(
            lang,
            "hop-gwlb-endpoint",
            args()
                .s("id", id)
                .s("subnet", subnet.as_str())
                .s("az", az_of(lang, hop)),
        ),
        Fact::Inspection {
            load_balancer: Some(lb),
        } => msg(
            lang,
            "hop-inspection",
            args()
                .s("id", id)
                .s("lb", lb.id.as_str())
                .b("cross", lb.cross_zone)
                .b("stateful", lb.stateful),
        ),
        Fact::Inspection {
            load_balancer: None,
        } => msg(lang, "hop-inspection-unknown", args().s("id", id)),
        Fact::NetworkInterface {
            subnet,
            nat_instance,
        } => msg(
            lang,
            "hop-network-interface",
            args()
                .s("id", id)
                .s("subnet", subnet.as_str())
                .s("az", az_of(lang, hop))
                .b("nat", *nat_instance),
        ),
        Fact::InternetGateway => msg(lang, "hop-internet-gateway", args().s("id", id)),
        Fact::Service { service, dns_name } => msg(
            lang,
            "hop-service",
            args()
                .s("service", service.as_str())
                .s("dns", dns_name.as_str()),
        ),
        Fact::Internet { address } => msg(lang, "hop-internet", args().s("address", net(*address))),
        Fact::Address {
            address,
            subnet,
            cidr,
            holder,
        } => {
            let a = args()
                .s("address", net(*address))
                .s("subnet", subnet.as_str())
                .s("cidr", net(*cidr))
                .s("az", az_of(lang, hop));
            match holder {
                Some(h) => msg(
                    lang,
                    "hop-address-held",
                    a.s("holder", holder_text(lang, h)),
                ),
                None => msg(lang, "hop-address", a),
            }
        }
        Fact::Return(leg) => return_text(lang, leg),
        Fact::Stop(stop) => stop_sentence(lang, stop),
    }
}

/// A hop's whole text in one line: its sentence, then its route decisions.
pub fn hop_detail(lang: Lang, hop: &Hop) -> String {
    let mut s = hop_sentence(lang, hop);
    for d in hop.decisions() {
        s.push_str(&m(lang, "part-sep"));
        s.push_str(&decision_text(lang, d));
    }
    s
}

fn return_text(lang: Lang, leg: &ReturnLeg) -> String {
    let a = args()
        .s("from", leg.from.as_str())
        .s("to", net(leg.to))
        .s("endpoint", leg.endpoint.as_str())
        .b("symmetric", leg.symmetric)
        .b("stateful", leg.stateful);
    match (&leg.table, &leg.route) {
        (None, _) => msg(lang, "return-no-edge-table", a),
        (Some(t), None) => msg(lang, "return-no-route", a.s("table", t.as_str())),
        (Some(t), Some(r)) => msg(
            lang,
            "return-route",
            a.s("table", t.as_str()).s("route", route_text(lang, r)),
        ),
    }
}

/// Where and why a path stopped.
pub fn stop_sentence(lang: Lang, stop: &Stop) -> String {
    let id = format!("stop-{}", stop.code());
    let a = args();
    let with_route = |a: super::Args<'static>, table: &Id, route: &Route| {
        a.s("table", table.to_string())
            .s("route", route_text(lang, route))
            .s("target", route.target.to_string())
    };
    match stop {
        Stop::SourceAzFailed { source, az } => msg(
            lang,
            &id,
            a.s("source", source.as_str()).s("az", az_text(lang, az)),
        ),
        Stop::DnsDisabled { vpc, name } => {
            msg(lang, &id, a.s("vpc", vpc.as_str()).s("name", name.as_str()))
        }
        Stop::EndpointWithoutEnis { endpoint, name } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str()).s("name", name.as_str()),
        ),
        Stop::EnisAllFailed {
            endpoint,
            name,
            failed,
        } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str())
                .s("name", name.as_str())
                .s("enis", enis_text(lang, failed, "eni-az")),
        ),
        Stop::NoPublicAddresses { service, region } => msg(
            lang,
            &id,
            a.s("service", service.as_str())
                .s("region", region.as_str()),
        ),
        Stop::NoRoute {
            table,
            dest,
            routes,
            total,
            no_internet_gateway,
        } => {
            let mut list = join(lang, routes.iter().map(|r| route_text(lang, r)));
            if *total > routes.len() {
                list = msg(
                    lang,
                    "routes-more",
                    args().s("routes", list).n("more", total - routes.len()),
                );
            }
            let id = if *no_internet_gateway {
                "stop-no_route-no-igw"
            } else {
                "stop-no_route"
            };
            msg(
                lang,
                id,
                a.s("table", table.as_str())
                    .s("dest", routed_text(lang, dest))
                    .s("routes", list),
            )
        }
        Stop::OnlyLocalRoute { table, dest } => msg(
            lang,
            &id,
            a.s("table", table.as_str())
                .s("dest", routed_text(lang, dest)),
        ),
        Stop::Blackhole { table, route }
        | Stop::TargetMissing { table, route }
        | Stop::TargetWithoutSubnet { table, route }
        | Stop::NoPublicIp { table, route }
        | Stop::PrivateNatAtInternetGateway { table, route }
        | Stop::LeavesVpc { table, route } => msg(lang, &id, with_route(a, table, route)),
        Stop::PrivateAddressToInternet { table, route, dest } => msg(
            lang,
            &id,
            with_route(a, table, route).s("dest", routed_text(lang, dest)),
        ),
        Stop::NatAzFailed {
            table,
            route,
            nat,
            az,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("nat", nat.to_string())
                .s("az", az_text(lang, az)),
        ),
        Stop::RegionalNatAllAzsFailed { table, route, nat } => msg(
            lang,
            &id,
            with_route(a, table, route).s("nat", nat.to_string()),
        ),
        Stop::RegionalNatWithoutInternetGateway { nat } | Stop::PrivateNatNoInternet { nat } => {
            msg(lang, &id, a.s("nat", nat.as_str()))
        }
        Stop::GwlbEndpointAzFailed {
            table,
            route,
            endpoint,
            az,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("endpoint", endpoint.to_string())
                .s("az", az_text(lang, az)),
        ),
        Stop::AppliancesDown {
            table,
            route,
            endpoint,
        } => msg(
            lang,
            &id,
            with_route(a, table, route).s("endpoint", endpoint.to_string()),
        ),
        Stop::NoHealthyAppliance {
            table,
            route,
            endpoint,
            load_balancer,
            az,
            cross_zone,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("endpoint", endpoint.to_string())
                .s("lb", load_balancer.to_string())
                .s("az", az_text(lang, az))
                .b("cross", *cross_zone),
        ),
        Stop::ApplianceAzFailed {
            table,
            route,
            eni,
            az,
        } => msg(
            lang,
            &id,
            with_route(a, table, route)
                .s("eni", eni.to_string())
                .s("az", az_text(lang, az)),
        ),
        Stop::RoutingLoop { table, route, cidr } => {
            msg(lang, &id, with_route(a, table, route).s("cidr", net(*cidr)))
        }
        Stop::AddressInNoSubnet {
            table,
            route,
            address,
        } => msg(
            lang,
            &id,
            with_route(a, table, route).s("address", net(*address)),
        ),
        Stop::AddressAzFailed {
            address,
            subnet,
            az,
        } => msg(
            lang,
            &id,
            a.s("address", net(*address))
                .s("subnet", subnet.as_str())
                .s("az", az_text(lang, az)),
        ),
    }
}

/// A note's sentence.
pub fn note_sentence(lang: Lang, note: &Note) -> String {
    let id = format!("note-{}", note.code());
    let a = args();
    match note {
        Note::PrivateDnsOff { endpoint, name } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str()).s("name", name.as_str()),
        ),
        Note::PrivateDnsUnsupported {
            service,
            name,
            endpoint,
        } => msg(
            lang,
            &id,
            a.s("service", service.as_str())
                .s("name", name.as_str())
                .s("endpoint", endpoint.as_str()),
        ),
        Note::DnsHostnamesOff {
            vpc,
            endpoint: Some(e),
        } => msg(
            lang,
            &id,
            a.s("vpc", vpc.as_str()).s("endpoint", e.as_str()),
        ),
        Note::DnsHostnamesOff {
            vpc,
            endpoint: None,
        } => msg(
            lang,
            "note-dns_hostnames_off-gateway",
            a.s("vpc", vpc.as_str()),
        ),
        Note::InboundResolverOnly { endpoint } => {
            msg(lang, &id, a.s("endpoint", endpoint.as_str()))
        }
        Note::ArbitraryPrefixListChoice { table, cidr } => msg(
            lang,
            &id,
            a.s("table", table.as_str()).s("cidr", net(*cidr)),
        ),
        Note::FailedAzEnisDropped { endpoint, enis } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str())
                .s("enis", enis_text(lang, enis, "eni-az")),
        ),
        Note::IllustrativeCidrs { service } => msg(lang, &id, a.s("service", service.as_str())),
        Note::IgnoredPrefixListEntries { table, prefix_list } => msg(
            lang,
            &id,
            a.s("table", table.as_str())
                .s("prefix_list", prefix_list.as_str()),
        ),
        Note::CrossAzDependency {
            resource,
            az: Some(az),
        } => msg(
            lang,
            &id,
            a.s("resource", resource.as_str())
                .s("az", az_text(lang, az)),
        ),
        Note::CrossAzDependency { resource, az: None } => msg(
            lang,
            "note-cross_az_dependency-enis",
            a.s("resource", resource.as_str()),
        ),
        Note::OtherRegion {
            service,
            region,
            home,
        } => msg(
            lang,
            &id,
            a.s("service", service.as_str())
                .s("region", region.as_str())
                .s("home", home.as_str()),
        ),
        Note::GlobalNameNotCovered {
            endpoint,
            regional,
            name,
        } => msg(
            lang,
            &id,
            a.s("endpoint", endpoint.as_str())
                .s("regional", regional.as_str())
                .s("name", name.as_str()),
        ),
        Note::AsymmetricReturnStateless { endpoint } => {
            msg(lang, &id, a.s("endpoint", endpoint.as_str()))
        }
        Note::ReturnNotEvaluated { nat } => msg(lang, &id, a.s("nat", nat.as_str())),
        Note::PublicEndpointStaysOnAws => m(lang, &id),
    }
}

/// Why this verdict, in one sentence, for hops that end a path (`to` names the destination).
fn hops_summary(lang: Lang, to: &str, verdict: &Verdict, hops: &[Hop]) -> String {
    if let Some(stop) = hops.last().and_then(Hop::stop) {
        return stop_sentence(lang, stop);
    }
    if let Some(Fact::Return(leg)) = hops.last().map(|h| &h.fact)
        && !leg.symmetric
        && leg.stateful
    {
        return return_text(lang, leg);
    }
    match verdict {
        Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az,
        } => {
            let (endpoint, count) = hops
                .iter()
                .rev()
                .find_map(|h| match &h.fact {
                    Fact::InterfaceEndpoint { enis } => Some((h.id.as_str(), enis.len())),
                    _ => None,
                })
                .unwrap_or_default();
            msg(
                lang,
                "why-reach-interface",
                args()
                    .s("to", to.to_string())
                    .s("endpoint", endpoint.to_string())
                    .n("count", count)
                    .s("cross", cross_az.map(|c| c.code()).unwrap_or("never")),
            )
        }
        Verdict::Reachable {
            via: Via::Local, ..
        } => {
            let table = hops.iter().rev().find(|h| h.kind == HopKind::RouteTable);
            let route = table
                .and_then(|t| t.decisions().first())
                .and_then(RouteDecision::winner)
                .map(|w| {
                    route_text(
                        lang,
                        &Route {
                            destination: w.destination.clone(),
                            target: w.target.clone(),
                        },
                    )
                })
                .unwrap_or_default();
            let address = hops
                .iter()
                .rev()
                .find(|h| h.kind == HopKind::Address)
                .map(|h| h.id.to_string())
                .unwrap_or_else(|| to.to_string());
            msg(
                lang,
                "why-reach-local",
                args()
                    .s("route", route)
                    .s("table", table.map(|t| t.id.to_string()).unwrap_or_default())
                    .s("address", address),
            )
        }
        Verdict::Reachable { .. } => {
            let through: Vec<String> = hops
                .iter()
                .filter(|h| {
                    matches!(
                        h.kind,
                        HopKind::GatewayEndpoint
                            | HopKind::NatGateway
                            | HopKind::GwlbEndpoint
                            | HopKind::NetworkInterface
                            | HopKind::InternetGateway
                    )
                })
                .map(|h| {
                    msg(
                        lang,
                        &format!("through-{}", h.kind.code()),
                        args().s("id", h.id.as_str()),
                    )
                })
                .collect();
            msg(
                lang,
                "why-reach-through",
                args()
                    .s("to", to.to_string())
                    .s("hops", join_with(lang, "then-sep", through)),
            )
        }
        other => verdict_words(lang, other),
    }
}

/// The one-line summary of a trace: why this verdict.
pub fn summary(lang: Lang, t: &PathTrace) -> String {
    let to = t.to.as_str();
    if t.parts.is_empty() {
        return hops_summary(lang, to, &t.verdict, &t.hops);
    }
    if let Some(name) = to.strip_prefix("workload:") {
        return workload_summary(lang, name, t);
    }
    // The part with the most ranges is "the rest": name the exceptions, count the rest.
    let biggest = (0..t.parts.len())
        .max_by_key(|&i| t.parts[i].cidrs.len())
        .unwrap_or(0);
    let pieces: Vec<String> = t
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let what = if i == biggest {
                msg(lang, "partial-rest", args().n("count", p.cidrs.len()))
            } else {
                join(lang, p.cidrs.iter().map(|c| net(*c)))
            };
            msg(
                lang,
                "partial-part",
                args()
                    .s("what", what)
                    .s("outcome", verdict_words(lang, &p.verdict)),
            )
        })
        .collect();
    msg(
        lang,
        "why-partial",
        args()
            .s("to", to.to_string())
            .s("parts", join_with(lang, "part-sep", pieces)),
    )
}

/// The summary of one part of a trace.
pub fn part_summary(lang: Lang, t: &PathTrace, p: &Part) -> String {
    let to = p.to.as_deref().unwrap_or(t.to.as_str());
    hops_summary(lang, to, &p.verdict, &p.hops)
}

fn workload_summary(lang: Lang, name: &str, t: &PathTrace) -> String {
    let part_to = |p: &Part| p.to.as_deref().unwrap_or("?").to_string();
    if t.verdict.is_reachable() {
        let each = t.parts.iter().map(|p| {
            msg(
                lang,
                "workload-part-via",
                args()
                    .s("to", part_to(p))
                    .s("via", p.verdict.via().map(|v| v.code()).unwrap_or("?")),
            )
        });
        return msg(
            lang,
            "why-workload-reachable",
            args()
                .s("name", name.to_string())
                .s("each", join(lang, each)),
        );
    }
    let failing = t
        .parts
        .iter()
        .filter(|p| !p.verdict.is_reachable())
        .map(|p| {
            msg(
                lang,
                "workload-part-failed",
                args()
                    .s("to", part_to(p))
                    .s("outcome", verdict_words(lang, &p.verdict))
                    .s("why", part_summary(lang, t, p)),
            )
        });
    let each = join_with(lang, "part-sep", failing);
    let ok: Vec<String> = t
        .parts
        .iter()
        .filter(|p| p.verdict.is_reachable())
        .map(part_to)
        .collect();
    if ok.is_empty() {
        msg(
            lang,
            "why-workload-failed",
            args().s("name", name.to_string()).s("each", each),
        )
    } else {
        msg(
            lang,
            "why-workload-failed-some",
            args()
                .s("name", name.to_string())
                .s("each", each)
                .s("ok", join(lang, ok)),
        )
    }
}

/// A query error's sentence.
pub fn query_error(lang: Lang, e: &QueryError) -> String {
    let (id, name, known) = match e {
        QueryError::UnknownInstance { name, known } => {
            let known = known.iter().map(|(id, n)| match n {
                Some(n) => msg(
                    lang,
                    "who-instance",
                    args().s("id", id.as_str()).s("name", n.as_str()),
                ),
                None => id.clone(),
            });
            return msg(
                lang,
                "query-unknown-instance",
                args()
                    .s("name", name.as_str())
                    .s("known", join(lang, known)),
            );
        }
        QueryError::UnknownService { name, known } => {
            ("query-unknown-service", name.clone(), known)
        }
        QueryError::UnknownSubnet { name, known } => ("query-unknown-subnet", name.clone(), known),
        QueryError::AddressOutsideSubnets { address, known } => {
            ("query-address-outside", address.to_string(), known)
        }
        QueryError::UnknownRegion {
            service,
            region,
            known,
        } => {
            return msg(
                lang,
                "query-unknown-region",
                args()
                    .s("name", service.as_str())
                    .s("region", region.as_str())
                    .s("known", join(lang, known)),
            );
        }
        QueryError::UnknownName { name, known } => ("query-unknown-name", name.clone(), known),
        QueryError::UnknownWorkload { name, known } => {
            ("query-unknown-workload", name.clone(), known)
        }
    };
    msg(
        lang,
        id,
        args().s("name", name).s("known", join(lang, known)),
    )
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&query_error(Lang::En, self))
    }
}
