//! Each hop of a path as a sentence, and each route decision.

use crate::eval::*;
use crate::net_text::NetText;

use super::trace::*;
use super::{Lang, args, join, m, msg};

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
            if d.destinations.iter().all(|c| c.prefix_len() == 32) {
                "addresses-count"
            } else {
                "ranges-count"
            },
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
                .s(
                    "who",
                    match origin {
                        // The sentence names the subnet (and the public address) itself.
                        crate::eval::Origin::Subnet { .. } => {
                            msg(lang, "who-new-instance-here", args())
                        }
                        _ => origin_text(lang, origin),
                    },
                )
                .s("subnet", subnet.as_str())
                .s("cidr", net(*cidr))
                .s("az", az_of(lang, hop))
                .b("public", *public_ip),
        ),
        Fact::Dns { resolver, answer } => {
            let name = &hop.id;
            let resolver = resolver_text(lang, *resolver);
            match answer {
                DnsAnswer::Enis {
                    endpoint,
                    enis,
                    zone: None,
                } => msg(
                    lang,
                    "dns-enis",
                    args()
                        .s("name", name.as_str())
                        .s("resolver", resolver)
                        .s("endpoint", endpoint.as_str())
                        .s("enis", enis_text(lang, enis, "eni-az")),
                ),
                DnsAnswer::Enis {
                    endpoint,
                    enis,
                    zone: Some(zone),
                } => msg(
                    lang,
                    "dns-enis-zone",
                    args()
                        .s("name", name.as_str())
                        .s("resolver", resolver)
                        .s("endpoint", endpoint.as_str())
                        .s("zone", super::dns::zone_text(lang, zone))
                        .s("record", zone.record.to_string())
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
                DnsAnswer::Lattice {
                    association,
                    prefix_list,
                } => msg(
                    lang,
                    "dns-lattice",
                    args()
                        .s("name", name.as_str())
                        .s("resolver", resolver)
                        .s("association", association.as_str())
                        .s("prefix_list", prefix_list.as_str()),
                ),
            }
        }
        Fact::RouteTable { association, .. } => association_text(lang, id, association),
        Fact::GatewayEndpoint { service } => msg(
            lang,
            "hop-gateway-endpoint",
            args().s("id", id).s("service", service.as_str()),
        ),
        Fact::Lattice(l) => msg(
            lang,
            "hop-lattice",
            args()
                .s("id", id)
                .s("kind", l.kind.code())
                .s("arn", l.arn.clone())
                .s("service", l.service.as_str())
                .s("ports", super::ports_text(lang, &l.ports))
                .b("ports_known", !l.ports.is_empty()),
        ),
        Fact::InterfaceEndpoint { enis, lattice } => msg(
            lang,
            match lattice {
                None => "hop-interface-endpoint",
                Some(LatticeKind::Resource) => "hop-resource-endpoint-enis",
                Some(LatticeKind::ServiceNetwork | LatticeKind::VpcAssociation) => {
                    "hop-service-network-endpoint-enis"
                }
            },
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
            source_dest_check,
        } => {
            let text = msg(
                lang,
                "hop-network-interface",
                args()
                    .s("id", id)
                    .s("subnet", subnet.as_str())
                    .s("az", az_of(lang, hop))
                    .b("nat", *nat_instance),
            );
            match source_dest_check {
                Some(false) => msg(lang, "hop-source-dest-check-off", args().s("hop", text)),
                _ => text,
            }
        }
        Fact::SecurityGroup(c) => group_allowed_text(lang, c.as_ref()),
        Fact::NetworkAcl { checks } => acl_hop_text(lang, checks),
        Fact::Policy(c) => super::policy::policy_hop_text(lang, c),
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
        Fact::Ipv6(f) => super::ipv6::hop_text(lang, id, f),
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

pub(crate) fn return_text(lang: Lang, leg: &ReturnLeg) -> String {
    let a = args()
        .s("from", leg.from.as_str())
        .s("to", net(leg.to))
        .s("endpoint", leg.endpoint.as_str())
        .b("symmetric", leg.symmetric)
        .b("stateful", leg.stateful);
    match (&leg.table, &leg.route) {
        (None, _) if leg.start == ReturnStart::GatewayEndpoint => {
            msg(lang, "return-gateway-endpoint", a)
        }
        (None, _) => msg(lang, "return-no-edge-table", a),
        (Some(t), None) => msg(lang, "return-no-route", a.s("table", t.as_str())),
        (Some(t), Some(r)) => msg(
            lang,
            "return-route",
            a.s("table", t.as_str()).s("route", route_text(lang, r)),
        ),
    }
}
