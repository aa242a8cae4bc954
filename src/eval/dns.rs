//! The DNS hop (aws-semantics.md §3): which answer the Amazon-provided resolver gives for a
//! service's default name, and why. The answer decides whether an interface endpoint is used:
//! private DNS (on the endpoint, with both `enableDnsSupport` and `enableDnsHostnames` on, and
//! not limited to the inbound Resolver endpoint) answers the endpoint's ENIs in healthy AZs;
//! otherwise the name resolves to the service's public ranges.
//!
//! Before private DNS, when the scenario has any of them (one flag of the model's index), the
//! hop dispatches to the rules of DNS beyond private DNS, in the order the Route 53 Resolver
//! applies them: the DHCP options set (`rules::dhcp_options`), then the most specific of the
//! Resolver rules (`rules::resolver_rule`) and the private hosted zones (`rules::hosted_zone`),
//! an endpoint's own private DNS being the most specific zone for its name.

use std::net::Ipv4Addr;
use std::sync::Arc;

use ipnet::Ipv4Net;

use super::ctx::{Ctx, Trail};
use super::facts::*;
use crate::model::{Model, NoPrivateDnsNote};

/// ENIs of one endpoint by index: a few, kept inline.
pub(crate) type EniList = smallvec::SmallVec<[usize; 8]>;

pub(crate) enum Answer {
    /// The name resolves to these ENIs (indexes into the endpoint's ENI list), healthy only.
    Enis { endpoint: usize, enis: EniList },
    /// The name resolves to the service's public ranges.
    Public,
    /// The path ends at DNS (the stop is the DNS hop).
    Blocked(Reason),
}

/// The Amazon-provided DNS server's address: the VPC's base address plus two.
pub(crate) fn resolver_address(model: &Model) -> Option<Ipv4Addr> {
    let cidr = model.scenario().vpc.cidrs.first()?;
    u32::from(cidr.network()).checked_add(2).map(Ipv4Addr::from)
}

/// At most this many ranges are listed in a public answer (all of them when one more).
const SHOWN: usize = 3;

fn shown(cidrs: &[Ipv4Net]) -> ShownCidrs {
    if cidrs.len() > SHOWN + 1 {
        ShownCidrs::from_slice(&cidrs[..SHOWN])
    } else {
        ShownCidrs::from_slice(cidrs)
    }
}

/// The stop when `enableDnsSupport` is off, or nothing. Inlined: on (the usual case) it is one
/// test, not a call.
#[inline]
fn resolver_off(ctx: &Ctx<'_>, name: &str, hops: &mut Trail) -> Option<Answer> {
    if ctx.model.scenario().vpc.enable_dns_support {
        return None;
    }
    Some(dns_disabled(ctx, name, hops))
}

/// [`resolver_off`]'s stop.
#[cold]
#[inline(never)]
fn dns_disabled(ctx: &Ctx<'_>, name: &str, hops: &mut Trail) -> Answer {
    let vpc = &ctx.model.scenario().vpc;
    hops.add(
        HopKind::Dns,
        name,
        || None,
        || {
            Fact::stop(Stop::DnsDisabled {
                vpc: Id::from(vpc.id.as_str()),
                name: Id::from(name),
            })
        },
    );
    Answer::Blocked(Reason::DnsResolutionDisabled)
}

/// What is asked: a service's name in some Region, the interface endpoints for it there, and
/// the public ranges the name has when no endpoint answers.
pub(crate) struct Asked<'a> {
    pub svc: usize,
    /// The name asked (the service's own is kept lasting by the model: the DNS hop's id copies
    /// it without allocating).
    pub name: &'a Id,
    pub endpoints: &'a [usize],
    pub cidrs: &'a [Ipv4Net],
    pub illustrative: bool,
}

impl<'a> Asked<'a> {
    /// The service's own Regional name, in the scenario's Region.
    pub fn home(model: &'a Model, svc: usize) -> Self {
        let service = &model.services()[svc];
        Asked {
            svc,
            name: &model.service_dns[svc],
            endpoints: &model.service_endpoints[svc],
            cidrs: &service.cidrs,
            illustrative: service.illustrative,
        }
    }
}

#[inline]
pub(crate) fn resolve(ctx: &mut Ctx<'_>, asked: &Asked<'_>, hops: &mut Trail) -> Answer {
    let model = ctx.model;
    let service = &model.services()[asked.svc];
    let vpc = &model.scenario().vpc;
    let name = asked.name;
    if let Some(blocked) = resolver_off(ctx, name, hops) {
        return blocked;
    }
    let endpoints = asked.endpoints;
    let scenario = model.scenario();
    let private = endpoints
        .iter()
        .copied()
        .find(|&e| scenario.interface_endpoints[e].private_dns && service.private_dns_supported);
    // DHCP options, Resolver rules and private hosted zones: one flag when the scenario has none.
    if model.dns.on {
        // The endpoint's private DNS is a zone for the exact name: the most specific match.
        let endpoint_zone = private
            .filter(|&e| {
                !scenario.interface_endpoints[e].private_dns_only_for_inbound_resolver_endpoint
            })
            .map(|_| name.split('.').count());
        match beyond_private_dns(model, name, Some(&service.name), endpoint_zone, hops) {
            Beyond::Resolver => {}
            Beyond::Stopped(reason) => return Answer::Blocked(reason),
            Beyond::Zone {
                zone,
                endpoint,
                record,
                only,
            } => {
                let by = ZoneRef { zone, record, only };
                return endpoint_answer(ctx, endpoint, name, Some(&by), hops);
            }
        }
    }

    let public = |ctx: &mut Ctx<'_>, hops: &mut Trail, why: Option<Arc<PublicWhy>>| {
        let public = Public {
            service: &model.ids.services[asked.svc],
            cidrs: asked.cidrs,
            illustrative: asked.illustrative,
            why,
        };
        public_answer(ctx, name, public, hops)
    };

    if let Some(e) = private {
        let ie = &scenario.interface_endpoints[e];
        let endpoint = || Id::from(ie.id.as_str());
        if !vpc.enable_dns_hostnames && ie.lattice.is_some() {
            return lattice_outside(e, name, hops, ctx);
        }
        if !vpc.enable_dns_hostnames {
            ctx.note(|| {
                Note::DnsHostnamesOff(Box::new(DnsHostnamesOffNote {
                    vpc: Id::from(vpc.id.as_str()),
                    endpoint: Some(endpoint()),
                }))
            });
            let why = ctx.detail.then(|| {
                Arc::new(PublicWhy::DnsHostnamesOff {
                    endpoint: endpoint(),
                })
            });
            return public(ctx, hops, why);
        }
        if ie.private_dns_only_for_inbound_resolver_endpoint {
            ctx.note(|| Note::InboundResolverOnly {
                endpoint: endpoint(),
            });
            // Made once by the model for the service's endpoint (`NoPrivateDns`).
            let why = ctx.detail.then(|| {
                let made = model.no_private_dns[asked.svc].as_ref().filter(|m| {
                    m.endpoint == e && matches!(m.note, NoPrivateDnsNote::InboundResolverOnly)
                });
                match made {
                    Some(m) => Arc::clone(&m.why),
                    None => Arc::new(PublicWhy::InboundResolverOnly {
                        endpoint: endpoint(),
                    }),
                }
            });
            return public(ctx, hops, why);
        }
        return endpoint_answer(ctx, e, name, None, hops);
    }

    // No endpoint answers privately: say why, when an endpoint exists.
    let mut why = None;
    if let Some(&e) = endpoints.first() {
        if scenario.interface_endpoints[e].lattice.is_some() {
            return lattice_outside(e, name, hops, ctx);
        }
        if !ctx.facts {
            // The matrix and the cost estimate keep neither notes nor the DNS hop's fact.
        } else {
            // The service's own name and first endpoint: the model made the note and the
            // reason once; any other name (another Region's) makes its own.
            let made = model.no_private_dns[asked.svc]
                .as_ref()
                .filter(|m| m.endpoint == e)
                .and_then(|m| {
                    let note = match &m.note {
                        NoPrivateDnsNote::Unsupported(n) if n.name == *name => {
                            Note::PrivateDnsUnsupported(Arc::clone(n))
                        }
                        NoPrivateDnsNote::Off(n) if n.name == *name => {
                            Note::PrivateDnsOff(Arc::clone(n))
                        }
                        _ => return None,
                    };
                    Some((note, Arc::clone(&m.why)))
                });
            let (note, reason) = made.unwrap_or_else(|| not_private(model, asked.svc, e, name));
            ctx.note(|| note);
            why = Some(reason);
        }
    }
    public(ctx, hops, why)
}

/// The note and the public answer's reason for `name` (not the one the model made them for):
/// service `svc` has no private DNS, or its endpoint `e` has it off.
#[cold]
#[inline(never)]
fn not_private(model: &Model, svc: usize, e: usize, name: &Id) -> (Note, Arc<PublicWhy>) {
    let service = &model.services()[svc];
    let endpoint = Id::from(model.scenario().interface_endpoints[e].id.as_str());
    if !service.private_dns_supported {
        let note = PrivateDnsUnsupportedNote {
            service: Id::from(service.name.as_str()),
            name: name.clone(),
            endpoint: endpoint.clone(),
        };
        let reason = PublicWhy::PrivateDnsUnsupported { endpoint };
        return (
            Note::PrivateDnsUnsupported(Arc::new(note)),
            Arc::new(reason),
        );
    }
    let note = PrivateDnsOffNote {
        endpoint: endpoint.clone(),
        name: name.clone(),
    };
    let reason = PublicWhy::PrivateDnsOff { endpoint };
    (Note::PrivateDnsOff(Arc::new(note)), Arc::new(reason))
}

/// A resource or service-network endpoint serves the name, but not by private DNS: clients
/// must use the endpoint's own names, and what the name resolves to is outside the model
/// (`super::rules::lattice_endpoint`).
#[cold]
#[inline(never)]
fn lattice_outside(e: usize, name: &str, hops: &mut Trail, ctx: &Ctx<'_>) -> Answer {
    let endpoint = &ctx.model.scenario().interface_endpoints[e].id;
    Answer::Blocked(
        hops.dns_outside(name, || DnsOutside::LatticeWithoutPrivateDns {
            endpoint: Id::from(endpoint.as_str()),
        }),
    )
}

/// The private hosted zone record that led to an endpoint.
struct ZoneRef<'m> {
    zone: usize,
    record: usize,
    /// The addresses an A record lists (none: an alias, all the endpoint's ENIs).
    only: Option<&'m [Ipv4Addr]>,
}

/// The DNS hop that answers `name` with endpoint `e`'s healthy ENIs: by its private DNS, or by a
/// private hosted zone's record (`by`).
fn endpoint_answer(
    ctx: &mut Ctx<'_>,
    e: usize,
    name: &Id,
    by: Option<&ZoneRef<'_>>,
    hops: &mut Trail,
) -> Answer {
    let model = ctx.model;
    let scenario = model.scenario();
    let endpoint = || model.ids.interface_endpoints[e].clone();
    let all = model.endpoint_enis(e);
    let (mut healthy, mut dropped) = (EniList::new(), EniList::new());
    // The AZs whose failure decides the answer: kept apart from the path's own AZ reads, so
    // that an AZ failure that only drops ENIs needs no walk (`super::az_reads`).
    let mut azs = 0u64;
    // Whether an ENI's AZ failed is asked only when some AZ did; the AZs asked about (those
    // under 64) are recorded together after the loop, one borrow of the reads, not one per ENI.
    let any_failed = ctx.failed.contains(&true);
    for (i, eni) in all.iter().enumerate() {
        // An interface in an IPv6-only subnet without an IPv4 block has no IPv4 address and
        // answers no A record.
        if eni.ip.is_unspecified()
            || by
                .and_then(|b| b.only)
                .is_some_and(|only| !only.contains(&eni.ip))
        {
            continue;
        }
        let failed = match eni.az {
            0..64 => {
                azs |= 1 << eni.az;
                any_failed && ctx.failed.get(eni.az).copied().unwrap_or(false)
            }
            // Past the bits: asked (and recorded) one by one.
            _ => ctx.eni_az_failed(eni.az),
        };
        if failed {
            dropped.push(i);
        } else {
            healthy.push(i);
        }
    }
    ctx.eni_azs_asked(azs);
    ctx.eni_answer(e, azs, &healthy);
    let facts = |ctx: &Ctx<'_>, list: &[usize]| -> Vec<EndpointEni> {
        list.iter().map(|&i| ctx.eni(e, i)).collect()
    };
    // Shared with the endpoint hop (`super::merge`): the model's own list when every ENI
    // answers, otherwise one allocation for the answer.
    let shared = |ctx: &Ctx<'_>, list: &[usize]| -> std::sync::Arc<[EndpointEni]> {
        match list.len() == all.len() {
            true => model.endpoint_eni_facts[e].clone(),
            false => list.iter().map(|&i| ctx.eni(e, i)).collect(),
        }
    };
    if !dropped.is_empty() && ctx.detail {
        let enis = facts(ctx, &dropped);
        ctx.note(|| {
            Note::FailedAzEnisDropped(Box::new(FailedAzEnisDroppedNote {
                endpoint: endpoint(),
                enis,
            }))
        });
    }
    if healthy.is_empty() {
        hops.add(
            HopKind::Dns,
            name,
            || None,
            || {
                let zone = by.map(|b| Id::from(scenario.private_hosted_zones[b.zone].id.as_str()));
                // An ENI in an IPv6-only subnet is kept with no IPv4 address (unspecified).
                let no_ipv4 = all.iter().all(|x| x.ip.is_unspecified());
                Fact::stop(if no_ipv4 && !all.is_empty() {
                    Stop::EndpointWithoutIpv4 {
                        endpoint: endpoint(),
                        name: name.clone(),
                        zone,
                    }
                } else if no_ipv4 {
                    Stop::EndpointWithoutEnis {
                        endpoint: endpoint(),
                        name: name.clone(),
                        zone,
                    }
                } else {
                    Stop::EnisAllFailed {
                        endpoint: endpoint(),
                        name: name.clone(),
                        failed: facts(ctx, &dropped),
                        zone,
                    }
                })
            },
        );
        let no_ipv4 = !all.is_empty() && all.iter().all(|x| x.ip.is_unspecified());
        return Answer::Blocked(match no_ipv4 {
            true => Reason::EndpointNoIpv4,
            false => Reason::EndpointEnisAllFailed,
        });
    }
    hops.add_id(
        HopKind::Dns,
        name,
        || None,
        || Fact::Dns {
            resolver: resolver_address(model),
            answer: DnsAnswer::Enis {
                endpoint: endpoint(),
                enis: shared(ctx, &healthy),
                zone: by.map(|b| {
                    Box::new(super::rules::hosted_zone::zone_answer(
                        scenario,
                        b.zone,
                        Some(b.record),
                        name,
                    ))
                }),
            },
        },
    );
    Answer::Enis {
        endpoint: e,
        enis: healthy,
    }
}

/// What decided the answer before the endpoint's private DNS and the public answer.
enum Beyond<'m> {
    /// Nothing: the Amazon-provided resolver answers as without these settings.
    Resolver,
    /// The path ends at the DNS hop (its stop is recorded).
    Stopped(Reason),
    /// A private hosted zone's record names an endpoint of this VPC for the asked service.
    Zone {
        zone: usize,
        endpoint: usize,
        record: usize,
        only: Option<&'m [Ipv4Addr]>,
    },
}

/// Who answers `name` before private DNS (`crate::model::dns` cites AWS's pages): the DHCP
/// options set first (custom servers mean the Route 53 Resolver is not asked at all), then the
/// most specific of the Resolver rules and the private hosted zones, a rule winning a tie (it
/// overrides the zone's autodefined rule). `endpoint_zone`: the labels of the name an
/// endpoint's private DNS answers, a zone more specific than any user zone for the name.
/// `service`: the asked service (none for names the model routes publicly).
fn beyond_private_dns<'m>(
    model: &'m Model,
    name: &str,
    service: Option<&str>,
    endpoint_zone: Option<usize>,
    hops: &mut Trail,
) -> Beyond<'m> {
    use super::rules::{dhcp_options, hosted_zone, resolver_rule};
    let s = model.scenario();
    if let Some(reason) = dhcp_options::check(model, name, hops) {
        return Beyond::Stopped(reason);
    }
    let zone = hosted_zone::best(s, name);
    let zone_labels = zone.map(|(_, l)| l).max(endpoint_zone);
    if let Some((rule, labels)) = resolver_rule::best(s, name)
        && zone_labels.is_none_or(|z| labels >= z)
        && let Some(reason) = resolver_rule::check(s, rule, name, hops)
    {
        return Beyond::Stopped(reason);
    }
    match zone {
        Some((z, labels)) if endpoint_zone.is_none_or(|e| labels > e) => {
            match hosted_zone::decide(model, z, name, service, hops) {
                hosted_zone::ZoneHit::Endpoint {
                    endpoint,
                    record,
                    only,
                } => Beyond::Zone {
                    zone: z,
                    endpoint,
                    record,
                    only,
                },
                hosted_zone::ZoneHit::Stopped(reason) => Beyond::Stopped(reason),
            }
        }
        _ => Beyond::Resolver,
    }
}

/// DNS for a name no endpoint of this VPC answers privately (another Region's, a global one):
/// the public addresses, unless the resolver is off.
pub(crate) fn resolve_public(
    ctx: &mut Ctx<'_>,
    name: &str,
    service: &str,
    cidrs: &[Ipv4Net],
    why: PublicWhy,
    hops: &mut Trail,
) -> Answer {
    if let Some(blocked) = resolver_off(ctx, name, hops) {
        return blocked;
    }
    if ctx.model.dns.on {
        // No service is asked here, so a zone's record never leads to an endpoint (`decide`
        // reports it outside the model).
        match beyond_private_dns(ctx.model, name, None, None, hops) {
            Beyond::Resolver | Beyond::Zone { .. } => {}
            Beyond::Stopped(reason) => return Answer::Blocked(reason),
        }
    }
    let service = Id::from(service);
    let public = Public {
        service: &service,
        cidrs,
        illustrative: false,
        why: Some(Arc::new(why)),
    };
    public_answer(ctx, &Id::from(name), public, hops)
}

/// A public answer: the service's public ranges, why (when the answer could have been private),
/// and whether they are the catalogue's illustrative ones.
struct Public<'a> {
    /// The service's name (the model's id for a service of its own).
    service: &'a Id,
    cidrs: &'a [Ipv4Net],
    illustrative: bool,
    why: Option<Arc<PublicWhy>>,
}

/// The DNS hop that answers `name` with the public addresses (one place for both callers).
fn public_answer(ctx: &mut Ctx<'_>, name: &Id, p: Public<'_>, hops: &mut Trail) -> Answer {
    let model = ctx.model;
    hops.add_id(
        HopKind::Dns,
        name,
        || None,
        || Fact::Dns {
            resolver: resolver_address(model),
            answer: DnsAnswer::Public {
                service: p.service.clone(),
                cidrs: shown(p.cidrs),
                total: p.cidrs.len(),
                illustrative: p.illustrative,
                why: p.why,
            },
        },
    );
    if p.illustrative && !p.cidrs.is_empty() {
        ctx.note(|| Note::IllustrativeCidrs {
            service: p.service.clone(),
        });
    }
    Answer::Public
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Query, evaluate};
    use crate::model::WhatIf;

    /// DynamoDB has no private DNS: a path to it past its interface endpoint carries the note
    /// and the public answer's reason that the model made once, with the facts each names.
    #[test]
    fn a_service_without_private_dns_shares_the_models_note_and_reason() {
        let model = crate::model::shipped_scenario("dynamodb-interface");
        let svc = model.service_lookup["dynamodb"];
        let made = model.no_private_dns[svc]
            .as_ref()
            .expect("made by the model");
        let endpoint = &model.scenario().interface_endpoints[made.endpoint].id;
        assert_eq!(endpoint, "vpce-dynamodb-if");
        let expected = PrivateDnsUnsupportedNote {
            service: Id::from("dynamodb"),
            name: Id::from(model.services()[svc].dns_name.as_str()),
            endpoint: Id::from("vpce-dynamodb-if"),
        };
        let NoPrivateDnsNote::Unsupported(made_note) = &made.note else {
            panic!("not the unsupported note: {:?}", made.note);
        };
        assert_eq!(**made_note, expected);
        let reason = PublicWhy::PrivateDnsUnsupported {
            endpoint: Id::from("vpce-dynamodb-if"),
        };
        assert_eq!(*made.why, reason);
        // Services with private DNS, or without an endpoint here, have none.
        let s3 = model.service_lookup["s3"];
        assert!(model.no_private_dns[s3].is_none());

        for from in ["i-app-a", "i-app-b"] {
            let q = Query::parse(&model, from, "dynamodb", false);
            let trace = evaluate(&model, &WhatIf::default(), &q).expect("evaluates");
            let note = trace.notes.iter().find_map(|n| match n {
                Note::PrivateDnsUnsupported(n) => Some(n),
                _ => None,
            });
            let note = note.expect("the note is on the trace");
            assert!(Arc::ptr_eq(note, made_note), "{from}: shared");
            let why = trace.hops.iter().find_map(|h| match &h.fact {
                Fact::Dns {
                    answer: DnsAnswer::Public { why, .. },
                    ..
                } => why.clone(),
                _ => None,
            });
            let why = why.expect("the DNS hop says why the answer is public");
            assert!(Arc::ptr_eq(&why, &made.why), "{from}: shared");
            assert_eq!(*why, reason);
        }
    }

    /// SQS's interface endpoint has private DNS off: a path to it carries the note and the
    /// public answer's reason the model made once, with the facts the DNS rule makes for them;
    /// an edit that turns private DNS on drops them, and turning it off again makes them anew.
    #[test]
    fn a_service_whose_endpoint_has_private_dns_off_shares_the_models_note_and_reason() {
        use crate::model::Edit;
        let model = crate::model::shipped_scenario("private-dns-off");
        let svc = model.service_lookup["sqs"];
        let name = Id::from(model.services()[svc].dns_name.as_str());
        let expected = PrivateDnsOffNote {
            endpoint: Id::from("vpce-sqs"),
            name: name.clone(),
        };
        let reason = PublicWhy::PrivateDnsOff {
            endpoint: Id::from("vpce-sqs"),
        };
        // Not made for a service whose endpoint has private DNS on.
        assert!(model.no_private_dns[model.service_lookup["ssm"]].is_none());
        let check = |model: &Model| {
            let made = model.no_private_dns[svc].as_ref().expect("made");
            let NoPrivateDnsNote::Off(made_note) = &made.note else {
                panic!("not the private DNS off note: {:?}", made.note);
            };
            assert_eq!(**made_note, expected);
            assert_eq!(*made.why, reason);
            for from in ["app-a", "app-b"] {
                let q = Query::parse(model, from, "sqs", false);
                let trace = evaluate(model, &WhatIf::default(), &q).expect("evaluates");
                let note = trace.notes.iter().find_map(|n| match n {
                    Note::PrivateDnsOff(n) => Some(n),
                    _ => None,
                });
                let note = note.expect("the note is on the trace");
                assert!(Arc::ptr_eq(note, made_note), "{from}: shared");
                assert!(
                    Arc::ptr_eq(&public_why(&trace), &made.why),
                    "{from}: shared"
                );
            }
        };
        check(&model);
        let on = Edit::SetPrivateDns {
            endpoint: "vpce-sqs".into(),
            enabled: true,
        };
        let (with_dns, undo) = on.apply(&model).expect("applies");
        assert!(with_dns.no_private_dns[svc].is_none());
        let (again, _) = undo.apply(&with_dns).expect("undoes");
        check(&again);
        // Another name for the service (another Region's) makes its own, alike.
        let made = model.no_private_dns[svc].as_ref().expect("made");
        let other = Id::from("sqs.us-west-2.amazonaws.com");
        let (note, why) = not_private(&model, svc, made.endpoint, &other);
        let off = PrivateDnsOffNote {
            endpoint: Id::from("vpce-sqs"),
            name: other,
        };
        assert_eq!(note, Note::PrivateDnsOff(Arc::new(off)));
        assert_eq!(*why, reason);
    }

    /// Why the trace's DNS hop answered with the public address.
    fn public_why(trace: &PathTrace) -> Arc<PublicWhy> {
        let why = trace.hops.iter().find_map(|h| match &h.fact {
            Fact::Dns {
                answer: DnsAnswer::Public { why, .. },
                ..
            } => why.clone(),
            _ => None,
        });
        why.expect("the DNS hop says why the answer is public")
    }

    /// S3's interface endpoint answers privately for the inbound Resolver endpoint only: a path
    /// from inside the VPC gets the public answer, with the reason the model made once; the
    /// edit that lifts the option drops it, and putting it back makes it anew.
    #[test]
    fn an_inbound_resolver_only_endpoint_shares_the_models_reason() {
        use crate::model::Edit;
        let model = crate::model::shipped_scenario("s3-interface-inbound-only");
        let svc = model.service_lookup["s3"];
        let reason = PublicWhy::InboundResolverOnly {
            endpoint: Id::from("vpce-s3-if"),
        };
        let check = |model: &Model| {
            let made = model.no_private_dns[svc].as_ref().expect("made");
            assert_eq!(made.note, NoPrivateDnsNote::InboundResolverOnly);
            let endpoint = &model.scenario().interface_endpoints[made.endpoint].id;
            assert_eq!(endpoint, "vpce-s3-if");
            assert_eq!(*made.why, reason);
            for from in ["app-a", "app-b", "app-c"] {
                let q = Query::parse(model, from, "s3", false);
                let trace = evaluate(model, &WhatIf::default(), &q).expect("evaluates");
                let note = Note::InboundResolverOnly {
                    endpoint: Id::from("vpce-s3-if"),
                };
                assert!(trace.notes.contains(&note), "{from}: {:?}", trace.notes);
                assert!(
                    Arc::ptr_eq(&public_why(&trace), &made.why),
                    "{from}: shared"
                );
            }
        };
        check(&model);
        let lift = Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
            endpoint: "vpce-s3-if".into(),
            enabled: false,
        };
        let (private, undo) = lift.apply(&model).expect("applies");
        assert!(private.no_private_dns[svc].is_none());
        let (again, _) = undo.apply(&private).expect("undoes");
        check(&again);
    }

    /// The endpoint's answer asks whether an ENI's AZ failed only when one did, and records the
    /// AZs it asked about together: with none failed every ENI answers and, when recorded, each
    /// ENI's AZ is still among the reads (an edit that fails one must find the cell); a failed
    /// AZ drops its ENI, and the reads are the same.
    #[test]
    fn an_endpoint_answer_asks_the_enis_azs_when_it_matters() {
        use crate::eval::deps::{Bits, Deps, DepsCell};
        let model = crate::model::shipped_scenario("interface-multi-az");
        let e = (model.scenario().interface_endpoints.iter())
            .position(|ie| ie.id == "vpce-ssm")
            .expect("the SSM endpoint");
        let enis = model.endpoint_enis(e);
        assert_eq!(enis.len(), 3);
        let name = Id::from("ssm.us-east-1.amazonaws.com");
        let zones = model.scenario().availability_zones.len();
        let answer = |ctx: &mut Ctx<'_>| -> Vec<usize> {
            let mut hops = Trail::new(false, false, 0);
            match endpoint_answer(ctx, e, &name, None, &mut hops) {
                Answer::Enis { endpoint, enis } => {
                    assert_eq!(endpoint, e);
                    enis.to_vec()
                }
                _ => Vec::new(),
            }
        };
        let none = vec![false; zones];
        let mut quiet = Ctx::verdicts(&model, &none, Default::default());
        assert_eq!(answer(&mut quiet), vec![0, 1, 2]);
        assert!(quiet.deps.recording().is_none());

        let mut recorded = Ctx::verdicts(&model, &none, Default::default());
        recorded.deps = DepsCell::new(Deps::recording());
        assert_eq!(answer(&mut recorded), vec![0, 1, 2]);
        let mut asked = Bits::default();
        for eni in enis {
            asked.set(eni.az);
        }
        assert!(!asked.is_empty());
        assert_eq!(recorded.deps.into_inner().eni_azs, asked);

        let failed_az = enis[0].az;
        let mut failed = none.clone();
        failed[failed_az] = true;
        let mut one_failed = Ctx::verdicts(&model, &failed, Default::default());
        let healthy: Vec<usize> = (0..enis.len())
            .filter(|&i| enis[i].az != failed_az)
            .collect();
        assert_eq!(healthy.len(), 2);
        assert_eq!(answer(&mut one_failed), healthy);
        let mut failed_recorded = Ctx::verdicts(&model, &failed, Default::default());
        failed_recorded.deps = DepsCell::new(Deps::recording());
        assert_eq!(answer(&mut failed_recorded), healthy);
        assert_eq!(failed_recorded.deps.into_inner().eni_azs, asked);
    }
}
