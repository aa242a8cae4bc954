//! The one-line summary of a verdict, for a path, a part or a workload.

use crate::eval::*;

use super::trace::*;
use super::{Lang, args, join, join_with, msg, verdict_words};

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
        Verdict::Reachable { via, cross_az } if via.through_enis() => {
            let (endpoint, count) = hops
                .iter()
                .rev()
                .find_map(|h| match &h.fact {
                    Fact::InterfaceEndpoint { enis, .. } => Some((h.id.as_str(), enis.len())),
                    Fact::Ipv6(f) => match &**f {
                        V6Fact::Endpoint { addresses } => Some((h.id.as_str(), addresses.len())),
                        _ => None,
                    },
                    _ => None,
                })
                .unwrap_or_default();
            let id = match via {
                Via::ResourceEndpoint => "why-reach-resource",
                Via::ServiceNetworkEndpoint => "why-reach-service-network",
                _ => "why-reach-interface",
            };
            msg(
                lang,
                id,
                args()
                    .s("to", to.to_string())
                    .s("endpoint", endpoint.to_string())
                    .n("count", count)
                    .s(
                        "cross",
                        super::codes::cross_az_label(lang, cross_az.unwrap_or(CrossAz::Never)),
                    ),
            )
        }
        Verdict::Reachable {
            via: Via::ServiceNetworkAssociation,
            ..
        } => {
            let association = hops
                .iter()
                .rev()
                .find(|h| matches!(&h.fact, Fact::Lattice(_)))
                .map(|h| h.id.to_string())
                .unwrap_or_default();
            msg(
                lang,
                "why-reach-association",
                args().s("to", to.to_string()).s("association", association),
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
                .or_else(|| match table.map(|t| &t.fact) {
                    Some(Fact::Ipv6(f)) => match &**f {
                        V6Fact::Route { route, .. } => Some(route_text(
                            lang,
                            &Route {
                                destination: Id::from(route.destination.to_string()),
                                target: route.target.clone(),
                            },
                        )),
                        _ => None,
                    },
                    _ => None,
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
                    let kind = match &h.fact {
                        Fact::Ipv6(f) if matches!(**f, V6Fact::EgressOnly) => {
                            "egress_only_internet_gateway"
                        }
                        _ => h.kind.code(),
                    };
                    msg(
                        lang,
                        &format!("through-{kind}"),
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
    let id = match t.verdict {
        Verdict::Partial => "why-partial",
        Verdict::Reachable { .. } => "why-reachable-parts",
        _ => "why-blocked-parts",
    };
    msg(
        lang,
        id,
        args()
            .s("to", to.to_string())
            .n("count", t.parts.len())
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
                args().s("to", part_to(p)).s(
                    "via",
                    p.verdict
                        .via()
                        .map(|v| super::codes::via_label(lang, v))
                        .unwrap_or_default(),
                ),
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
