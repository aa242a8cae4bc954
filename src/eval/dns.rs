//! The DNS hop (aws-semantics.md §3): which answer the Amazon-provided resolver gives for a
//! service's default name, and why. The answer decides whether an interface endpoint is used.

use super::path::{Ctx, Source, resolver_address};
use super::trace::{Hop, HopKind, Reason};
use crate::net_text::NetText;

pub(crate) enum Answer {
    /// The name resolves to these ENIs (indexes into the endpoint's ENI list), healthy only.
    Enis { endpoint: usize, enis: Vec<usize> },
    /// The name resolves to the service's public ranges.
    Public,
    /// The path ends at DNS.
    Blocked(Reason, String),
}

pub(crate) fn resolve(ctx: &mut Ctx<'_>, _source: &Source, svc: usize) -> (Answer, Hop) {
    let model = ctx.model;
    let service = &model.services()[svc];
    let vpc = &model.scenario().vpc;
    let detail = ctx.detail;
    let resolver = if detail {
        match resolver_address(model) {
            Some(ip) => {
                let mut text = String::with_capacity(48);
                text.push_str("the Amazon-provided DNS server (");
                text.push_str(NetText::addr(ip).as_str());
                text.push(')');
                text
            }
            None => "the Amazon-provided DNS server".to_string(),
        }
    } else {
        String::new()
    };
    // The matrix keeps no hops' text, so it needs no copy of the name either.
    let mk = |text: String| Hop {
        kind: HopKind::Dns,
        id: if detail {
            service.dns_name.clone()
        } else {
            String::new()
        },
        az: None,
        detail: text,
        decisions: Vec::new(),
    };

    if !vpc.enable_dns_support {
        let e = say!(
            detail,
            "enableDnsSupport is off on {}: {resolver} does not answer, so {} does not resolve",
            vpc.id,
            service.dns_name
        );
        return (
            Answer::Blocked(Reason::DnsResolutionDisabled, e.clone()),
            mk(e),
        );
    }

    let endpoints = &model.service_endpoints[svc];
    let scenario = model.scenario();
    let private = endpoints
        .iter()
        .copied()
        .find(|&e| scenario.interface_endpoints[e].private_dns && service.private_dns_supported);

    let public_answer = |why: &str| -> String {
        use std::fmt::Write;
        if !detail {
            return String::new();
        }
        // One string, written in place: the ranges are most of it.
        let cidrs = &service.cidrs;
        let mut text = String::with_capacity(160 + 20 * cidrs.len().min(3) + why.len());
        text.push_str(&service.dns_name);
        text.push_str(" asked; ");
        text.push_str(&resolver);
        text.push_str(" answers the public addresses of ");
        text.push_str(&service.name);
        text.push_str(" (");
        let shown = if cidrs.len() > 4 { &cidrs[..3] } else { cidrs };
        for (i, c) in shown.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text.push_str(NetText::net(*c).as_str());
        }
        if cidrs.is_empty() {
            text.push_str("no public address in this Region");
        } else if cidrs.len() > 4 {
            let _ = write!(text, ", … ({} ranges)", cidrs.len());
        }
        if service.illustrative {
            text.push_str("; illustrative");
        }
        text.push(')');
        text.push_str(why);
        text
    };

    if let Some(e) = private {
        let ie = &scenario.interface_endpoints[e];
        if !vpc.enable_dns_hostnames {
            ctx.note("dns_hostnames_off", || {
                text!(
                    "{} has private DNS on, but enableDnsHostnames is off on {}: private DNS needs both attributes, so the default name resolves publicly",
                    ie.id, vpc.id
                )
            });
            let d = public_answer(&text!(
                ", because enableDnsHostnames is off and {}'s private DNS does not apply",
                ie.id
            ));
            return (public_or_illustrative(ctx, svc), mk(d));
        }
        if ie.private_dns_only_for_inbound_resolver_endpoint {
            ctx.note("inbound_resolver_only", || {
                text!(
                    "{} resolves privately only for queries through an inbound Resolver endpoint; inside the VPC the name resolves to public addresses and the route table decides",
                    ie.id
                )
            });
            let d = public_answer(&text!(
                ", because {} has private DNS only for the inbound Resolver endpoint",
                ie.id
            ));
            return (public_or_illustrative(ctx, svc), mk(d));
        }
        let all = model.endpoint_enis(e);
        let mut healthy = Vec::new();
        let mut dropped = Vec::new();
        for (i, eni) in all.iter().enumerate() {
            if ctx.failed.get(eni.az).copied().unwrap_or(false) {
                dropped.push(i);
            } else {
                healthy.push(i);
            }
        }
        // "10.0.1.4 (us-east-1a), 10.0.2.4 (us-east-1b)", written in place.
        let fmt_enis = |list: &[usize]| -> String {
            let mut text = String::with_capacity(32 * list.len());
            for (k, &i) in list.iter().enumerate() {
                if k > 0 {
                    text.push_str(", ");
                }
                text.push_str(NetText::addr(all[i].ip).as_str());
                text.push_str(" (");
                text.push_str(model.az_name(all[i].az));
                text.push(')');
            }
            text
        };
        if !dropped.is_empty() {
            ctx.note("failed_az_enis_dropped", || {
                text!(
                    "ENIs of {} in failed AZs drop out of the answer: {}",
                    ie.id,
                    fmt_enis(&dropped)
                )
            });
        }
        if healthy.is_empty() {
            let e = if detail {
                if all.is_empty() {
                    text!(
                        "{} has private DNS on but no subnet, so no ENI answers for {}",
                        ie.id,
                        service.dns_name
                    )
                } else {
                    text!(
                        "{} asked; private DNS of {} would answer its ENIs, but every one is in a failed AZ ({})",
                        service.dns_name,
                        ie.id,
                        fmt_enis(&dropped)
                    )
                }
            } else {
                String::new()
            };
            return (
                Answer::Blocked(Reason::EndpointEnisAllFailed, e.clone()),
                mk(e),
            );
        }
        let d = say!(
            detail,
            "{} asked; {resolver} answers with the private IPs of {}'s ENIs (private DNS on): {}",
            service.dns_name,
            ie.id,
            fmt_enis(&healthy)
        );
        return (
            Answer::Enis {
                endpoint: e,
                enis: healthy,
            },
            mk(d),
        );
    }

    // No endpoint answers privately: say why, when an endpoint exists.
    let mut why = String::new();
    if let Some(&e) = endpoints.first() {
        let ie = &scenario.interface_endpoints[e];
        if !service.private_dns_supported {
            ctx.note("private_dns_unsupported", || {
                text!(
                    "{}'s interface endpoint has no private DNS: {} resolves publicly; applications must be configured with {}'s vpce-… DNS name to use it",
                    service.name, service.dns_name, ie.id
                )
            });
            if detail {
                why = text!(
                    ", because {} interface endpoints have no private DNS",
                    service.name
                );
            }
        } else {
            ctx.note("private_dns_off", || {
                text!(
                    "{} exists but its private DNS is off: {} resolves to public addresses; only {}'s own vpce-… DNS names reach it",
                    ie.id, service.dns_name, ie.id
                )
            });
            if detail {
                why = text!(", because {}'s private DNS is off", ie.id);
            }
        }
    }
    let d = public_answer(&why);
    (public_or_illustrative(ctx, svc), mk(d))
}

fn public_or_illustrative(ctx: &mut Ctx<'_>, svc: usize) -> Answer {
    let service = &ctx.model.services()[svc];
    if service.illustrative && !service.cidrs.is_empty() {
        let name = service.name.clone();
        ctx.note("illustrative_cidrs", || {
            super::concat(&[
                "AWS publishes no ranges for ",
                &name,
                ": the CIDRs shown are illustrative",
            ])
        });
    }
    Answer::Public
}

/// DNS for a name no endpoint of this VPC answers privately (another Region's, a global one):
/// the public addresses, unless the resolver is off.
pub(crate) fn resolve_public(
    ctx: &mut Ctx<'_>,
    dns_name: &str,
    service: &str,
    cidrs: &[ipnet::Ipv4Net],
    why: &str,
) -> (Option<(Reason, String)>, Hop) {
    let vpc = &ctx.model.scenario().vpc;
    let mk = |detail: String| Hop {
        kind: HopKind::Dns,
        id: dns_name.to_string(),
        az: None,
        detail,
        decisions: Vec::new(),
    };
    let resolver = match resolver_address(ctx.model) {
        Some(ip) => text!("the Amazon-provided DNS server ({ip})"),
        None => "the Amazon-provided DNS server".to_string(),
    };
    if !vpc.enable_dns_support {
        let e = say!(
            ctx.detail,
            "enableDnsSupport is off on {}: {resolver} does not answer, so {dns_name} does not resolve",
            vpc.id
        );
        return (Some((Reason::DnsResolutionDisabled, e.clone())), mk(e));
    }
    let d = if ctx.detail {
        let list: Vec<String> = cidrs.iter().map(|c| c.to_string()).collect();
        let ranges = if list.len() > 4 {
            text!("{}, … ({} ranges)", list[..3].join(", "), list.len())
        } else {
            list.join(", ")
        };
        text!(
            "{dns_name} asked; {resolver} answers the public addresses of {service} ({ranges}){why}"
        )
    } else {
        String::new()
    };
    (None, mk(d))
}
