//! `evaluate`: one source, one destination → a [`PathTrace`]. Pure: it reads the model and the
//! what-if state and allocates only the trace.
//!
//! The path: source (its AZ must be up, aws-semantics.md §6) → DNS (§3) → the source subnet's
//! route table → the walk (`walk.rs`, one rule per target in `rules/`). Every destination CIDR
//! is walked; `merge.rs` groups the leaves into the verdict.

use ipnet::Ipv4Net;

use crate::model::{Model, WhatIf};

use super::ctx::{Aim, Ctx, Dest, Leaves, ROOM, ROOM_FORWARDED, Source, Trail, room_for_service};
use super::dns::{self, Answer};
use super::facts::*;
use super::merge::{finish, merge};
use super::query::{Query, QueryError};
pub(crate) use super::resolve::{Goal, resolve_goal, resolve_source};
use super::walk::route_source;

/// Evaluate one query. Unknown names are a [`QueryError`]; everything else is a trace.
pub fn evaluate(model: &Model, what_if: &WhatIf, query: &Query) -> Result<PathTrace, QueryError> {
    evaluate_in(model, what_if, query, None)
}

/// [`evaluate`], with NAT gateway `deleted_nat` taken away (`super::removal`).
pub(crate) fn evaluate_in(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    deleted_nat: Option<&str>,
) -> Result<PathTrace, QueryError> {
    let source = resolve_source(model, &query.from)?;
    let goal = resolve_goal(model, &query.to)?;
    // Anything but a plain IPv4 query is planned by the IPv6 rules first (one test here for
    // IPv4 queries: their cost does not change).
    let mut family_note = None;
    if query.family != super::query::Family::Ipv4
        || matches!(goal, Goal::Address6(_))
        || model.scenario().subnets[source.subnet].ipv6_only
    {
        let failed = model.failed_az_set(what_if);
        let to = goal_label(model, &goal);
        match super::ipv6::plan(
            model,
            &failed,
            &source,
            &goal,
            &to,
            (query.family, query.probe),
            deleted_nat,
        ) {
            super::ipv6::Plan::Done(trace) => return Ok(*trace),
            super::ipv6::Plan::Ipv4(note) => family_note = note,
        }
    }
    let mut ctx = Ctx {
        model,
        failed: failed_azs(model, what_if),
        detail: true,
        facts: true,
        notes: Notes::new(),
        aim: Aim::default(),
        deps: Default::default(),
        probe: query.probe,
        request: query.request.clone(),
        src_subnet: source.subnet,
        // Set by the source hop, which every IPv4 path starts with.
        src_groups: Default::default(),
        src_id: Id::default(),
        deleted_nat,
        log: Default::default(),
        log_start: Default::default(),
        quiet: Default::default(),
        acl_decided: Default::default(),
        src_egress_wide: false,
    };
    if let Some(note) = family_note {
        ctx.notes.push(note);
    }
    // A service, the usual destination, without the dispatch over every kind of destination.
    if let Goal::Service(svc) = goal {
        return Ok(evaluate_service(&mut ctx, &source, svc));
    }
    Ok(evaluate_goal(&mut ctx, &source, &goal))
}

/// The AZs `what_if` fails, as [`Model::failed_az_set`] gives them; when it fails none (the
/// usual case) made at once, without a loop over the AZs.
fn failed_azs(model: &Model, what_if: &WhatIf) -> crate::model::FailedAzs {
    let azs = model.scenario().availability_zones.len();
    if what_if.failed_azs.is_empty() && azs <= 16 {
        return crate::model::FailedAzs::from_buf_and_len([false; 16], azs);
    }
    model.failed_az_set(what_if)
}

/// The destination as a trace names it (`s3`, `2600:1f18::1`, `workload:ecr-pull`).
fn goal_label(model: &Model, goal: &Goal) -> Id {
    match goal {
        Goal::Service(svc) => Id::from(model.services()[*svc].name.as_str()),
        Goal::Address(net) if net.prefix_len() == 32 => Id::from(net.addr().to_string()),
        Goal::Address(net) => Id::from(net.to_string()),
        Goal::Address6(net) if net.prefix_len() == 128 => Id::from(net.addr().to_string()),
        Goal::Address6(net) => Id::from(net.to_string()),
        Goal::Remote {
            service, region, ..
        } => Id::from(format!("{service}@{region}")),
        Goal::Global { name, .. } => Id::from(name.as_str()),
        Goal::DirectoryBucket { bucket, .. } => Id::from(bucket.as_str()),
        Goal::Workload(name, _) => Id::from(format!("workload:{name}")),
    }
}

/// The source hop, or the trace that ends there because the source's AZ has failed. The trail
/// has room for `room` hops.
pub(super) fn source_hop(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &Id,
    room: usize,
) -> Result<Trail, Box<PathTrace>> {
    let model = ctx.model;
    let subnet = &model.scenario().subnets[source.subnet];
    let az = ctx.az_of_subnet(source.subnet);
    ctx.src_subnet = source.subnet;
    // A group set is a few `u32`s: copied as one slice (a workload's parts share the source).
    if ctx.src_groups[..] != source.groups[..] {
        ctx.src_groups = crate::model::GroupSet::from_slice(&source.groups);
    }
    let mut hops = Trail::new(ctx.detail, ctx.facts, room);
    // The matrix keeps no hops: the source's id is neither copied nor dropped for each cell.
    let id = match ctx.detail {
        true => source.origin.id(),
        false => Id::default(),
    };
    // The hop keeps the id made here; the context a copy (the layers name the source by it).
    ctx.src_id = id.clone();
    hops.push_id(
        HopKind::Source,
        id,
        || Some(ctx.az(az)),
        || Fact::Source {
            origin: source.origin.clone(),
            subnet: model.ids.subnets[source.subnet].clone(),
            cidr: subnet.ipv4_or_none(),
            public_ip: source.public_ip,
        },
    );
    if ctx.az_failed(az) {
        let id = ctx.src_id.clone();
        hops.add(
            HopKind::Blocked,
            &id,
            || Some(ctx.az(az)),
            || {
                Fact::stop(Stop::SourceAzFailed {
                    source: id.clone(),
                    az: ctx.az(az),
                })
            },
        );
        let verdict = Verdict::Unavailable(Reason::SourceAzFailed);
        return Err(Box::new(finish(
            ctx,
            source,
            to,
            hops.hops,
            verdict,
            Vec::new(),
        )));
    }
    Ok(hops)
}

/// Evaluate any destination; workloads evaluate each part and combine.
pub(crate) fn evaluate_goal(ctx: &mut Ctx<'_>, source: &Source, goal: &Goal) -> PathTrace {
    let model = ctx.model;
    match goal {
        Goal::Service(svc) => evaluate_service(ctx, source, *svc),
        Goal::Workload(name, parts) => evaluate_workload(ctx, source, name, parts),
        Goal::Address6(_) => {
            let to = goal_label(model, goal);
            match super::ipv6::plan(
                model,
                &ctx.failed,
                source,
                goal,
                &to,
                (super::query::Family::Ipv6, ctx.probe),
                ctx.deleted_nat,
            ) {
                super::ipv6::Plan::Done(trace) => *trace,
                // An IPv6 address is always planned as IPv6.
                super::ipv6::Plan::Ipv4(_) => PathTrace {
                    from: source.origin.clone(),
                    to,
                    verdict: Verdict::NotModelled(Reason::Ipv6NotModelled),
                    notes: Notes::new(),
                    hops: Vec::new(),
                    parts: Vec::new(),
                    unchecked: Default::default(),
                },
            }
        }
        Goal::Address(net) => {
            let text = if net.prefix_len() == 32 {
                crate::net_text::NetText::addr(net.addr())
            } else {
                crate::net_text::NetText::net(*net)
            };
            let to = Id::from(text.as_str());
            let hops = match source_hop(ctx, source, &to, ROOM_FORWARDED) {
                Ok(h) => h,
                Err(t) => return *t,
            };
            ctx.aim = Aim {
                label: to.clone(),
                prefix_list: false,
                service: Id::default(),
                public_hop: Some((
                    HopKind::Internet,
                    to.clone(),
                    Fact::Internet { address: *net },
                )),
                public_service: None,
                address: true,
                service_index: None,
            };
            let mut leaves = Leaves::new();
            let prefix = hops.hops.len();
            route_source(ctx, source, &[*net], None, Dest::Range, hops, &mut leaves);
            merge(ctx, source, &to, prefix, &mut leaves)
        }
        Goal::Remote {
            service,
            region,
            cidrs,
            illustrative,
        } => {
            let mut to = Id::from(service.as_str());
            to.push('@');
            to.push_str(region);
            let hops = match source_hop(ctx, source, &to, ROOM_FORWARDED) {
                Ok(h) => h,
                Err(t) => return *t,
            };
            let dns_name = model
                .service(service)
                .map(|s| s.dns_name.replace(&model.scenario().region, region))
                .unwrap_or_else(|| format!("{service}.{region}.amazonaws.com"));
            if *illustrative {
                ctx.note(|| Note::IllustrativeCidrs {
                    service: Id::from(service.as_str()),
                });
            }
            // Cross-Region AWS PrivateLink: an interface endpoint of this VPC for the service in
            // that Region answers for that Region's name (PrivateLink guide, "Cross-region
            // enabled AWS services").
            let scenario = model.scenario();
            let remote: Vec<usize> = (0..scenario.interface_endpoints.len())
                .filter(|&e| {
                    let ie = &scenario.interface_endpoints[e];
                    &ie.service == service && ie.region.as_deref() == Some(region.as_str())
                })
                .collect();
            if let (false, Some(&svc)) = (remote.is_empty(), model.service_lookup.get(service)) {
                let name = Id::from(dns_name.as_str());
                let asked = dns::Asked {
                    svc,
                    name: &name,
                    endpoints: &remote,
                    cidrs,
                    illustrative: *illustrative,
                };
                ctx.aim = Aim {
                    label: to.clone(),
                    prefix_list: false,
                    service: Id::from(service.as_str()),
                    public_hop: Some((
                        HopKind::Service,
                        to.clone(),
                        Fact::Service {
                            service: Id::from(service.as_str()),
                            dns_name: Id::from(dns_name.as_str()),
                        },
                    )),
                    public_service: None,
                    address: false,
                    service_index: model.service_lookup.get(service).copied(),
                };
                return answered(ctx, source, &to, hops, &asked);
            }
            let home = Id::from(model.scenario().region.as_str());
            ctx.note(|| {
                Note::OtherRegion(Box::new(OtherRegionNote {
                    service: Id::from(service.as_str()),
                    region: Id::from(region.as_str()),
                    home: home.clone(),
                }))
            });
            let why = PublicWhy::OtherRegion {
                region: Id::from(region.as_str()),
                home,
            };
            evaluate_public(ctx, source, hops, &to, &dns_name, service, cidrs, why)
        }
        Goal::DirectoryBucket {
            bucket,
            zone,
            cidrs,
            illustrative,
        } => super::evaluate_lattice_express::directory_bucket(
            ctx,
            source,
            bucket,
            zone,
            cidrs,
            *illustrative,
        ),
        Goal::Global {
            name,
            service,
            region,
            cidrs,
        } => {
            let to = Id::from(name.as_str());
            let hops = match source_hop(ctx, source, &to, ROOM_FORWARDED) {
                Ok(h) => h,
                Err(t) => return *t,
            };
            let covered_by = model.service_lookup.get(service).and_then(|&svc| {
                model.service_endpoints[svc]
                    .iter()
                    .map(|&e| &model.scenario().interface_endpoints[e])
                    .find(|ie| ie.private_dns)
            });
            if let Some(ie) = covered_by {
                let regional = model
                    .service(service)
                    .map(|s| s.dns_name.as_str())
                    .unwrap_or_default();
                ctx.note(|| {
                    Note::GlobalNameNotCovered(Box::new(GlobalNameNotCoveredNote {
                        endpoint: Id::from(ie.id.as_str()),
                        regional: Id::from(regional),
                        name: Id::from(name.as_str()),
                    }))
                });
            }
            let why = PublicWhy::GlobalName {
                region: Id::from(region.as_str()),
            };
            evaluate_public(ctx, source, hops, &to, name, service, cidrs, why)
        }
    }
}

/// A destination reached by its public addresses, with a DNS hop that says why.
#[allow(clippy::too_many_arguments)]
pub(super) fn evaluate_public(
    ctx: &mut Ctx<'_>,
    source: &Source,
    mut hops: Trail,
    to: &Id,
    dns_name: &str,
    service: &str,
    cidrs: &[Ipv4Net],
    why: PublicWhy,
) -> PathTrace {
    ctx.aim = Aim {
        label: to.clone(),
        prefix_list: false,
        service: Id::from(service),
        public_hop: Some((
            HopKind::Service,
            to.clone(),
            Fact::Service {
                service: Id::from(service),
                dns_name: Id::from(dns_name),
            },
        )),
        public_service: None,
        address: false,
        service_index: ctx.model.service_lookup.get(service).copied(),
    };
    if let Answer::Blocked(reason) =
        dns::resolve_public(ctx, dns_name, service, cidrs, why, &mut hops)
    {
        return finish(
            ctx,
            source,
            to,
            hops.hops,
            Verdict::stopped(reason),
            Vec::new(),
        );
    }
    if cidrs.is_empty() {
        return no_public_addresses(ctx, source, to, hops, service);
    }
    let mut leaves = Leaves::new();
    let prefix = hops.hops.len();
    route_source(ctx, source, cidrs, None, Dest::Range, hops, &mut leaves);
    merge(ctx, source, to, prefix, &mut leaves)
}

fn no_public_addresses(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &Id,
    mut hops: Trail,
    service: &str,
) -> PathTrace {
    let region = Id::from(ctx.model.scenario().region.as_str());
    hops.add(
        HopKind::Blocked,
        service,
        || None,
        || {
            Fact::stop(Stop::NoPublicAddresses {
                service: Id::from(service),
                region,
            })
        },
    );
    let verdict = Verdict::Blocked(Reason::NoRoute);
    finish(ctx, source, to, hops.hops, verdict, Vec::new())
}

/// The verdict of a workload from its parts' verdicts: reachable only if every part is (via the
/// parts' common way, or `mixed`; cross-AZ the worst of them), else blocked.
pub(crate) fn workload_verdict<'a>(parts: impl Iterator<Item = &'a Verdict>) -> Verdict {
    let mut via: Option<Via> = None;
    let mut cross_az: Option<CrossAz> = None;
    for v in parts {
        match v {
            Verdict::Reachable {
                via: v,
                cross_az: c,
            } => {
                via = Some(match via {
                    None => *v,
                    Some(x) if x == *v => x,
                    Some(_) => Via::Mixed,
                });
                if let Some(c) = c
                    && cross_az.is_none_or(|x| *c > x)
                {
                    cross_az = Some(*c);
                }
            }
            // A failed source AZ stops every part before it starts: the workload is
            // unavailable for the same reason, as one path's evaluation says.
            Verdict::Unavailable(r) => return Verdict::Unavailable(*r),
            _ => return Verdict::Blocked(Reason::WorkloadPartFailed),
        }
    }
    Verdict::Reachable {
        via: via.unwrap_or(Via::Mixed),
        cross_az,
    }
}

/// A workload is reachable only if every part is; each part keeps its own path.
fn evaluate_workload(ctx: &mut Ctx<'_>, source: &Source, name: &str, parts: &[usize]) -> PathTrace {
    let mut to = Id::const_new("workload:");
    to.push_str(name);
    let hops = match source_hop(ctx, source, &to, ROOM) {
        Ok(h) => h,
        Err(t) => return *t,
    };
    let mut notes = Notes::new();
    let mut out: Vec<Part> = Vec::new();
    for &svc in parts {
        let t = evaluate_service(ctx, source, svc);
        for n in t.notes {
            if !notes.iter().any(|x| x.code() == n.code()) {
                notes.push(n);
            }
        }
        // The part's own source hop repeats the workload's; keep the rest.
        out.push(Part {
            to: Some(t.to),
            cidrs: Vec::new(),
            verdict: t.verdict,
            hops: t.hops.into_iter().skip(1).collect(),
        });
    }
    let verdict = workload_verdict(out.iter().map(|p| &p.verdict));
    ctx.notes = notes;
    finish(ctx, source, &to, hops.hops, verdict, out)
}

pub(crate) fn evaluate_service(ctx: &mut Ctx<'_>, source: &Source, svc: usize) -> PathTrace {
    // VPC Lattice, S3 Express One Zone: one test for a model without a resource's ports or an
    // association, and a service other than `s3express`. The trace is then returned as made,
    // not moved (some 240 bytes) through a local first.
    if ctx.model.lattice_targets || ctx.model.s3express_service == Some(svc) {
        return super::evaluate_lattice_express::service(ctx, source, svc);
    }
    service_trace(ctx, source, svc)
}

/// [`evaluate_service`] with the traffic in `ctx`. Marked inline: the matrix and the cost
/// estimate reach it for every cell (builds without LTO keep it out of line all the same; the
/// README's Engine section has the counts).
#[inline]
pub(super) fn service_trace(ctx: &mut Ctx<'_>, source: &Source, svc: usize) -> PathTrace {
    let model = ctx.model;
    let service = &model.services()[svc];
    let to = if ctx.detail {
        model.ids.services[svc].clone()
    } else {
        Id::default()
    };
    let room = match ctx.facts {
        true => room_for_service(model, source, svc),
        false => 0,
    };
    let hops = match source_hop(ctx, source, &to, room) {
        Ok(h) => h,
        Err(t) => return *t,
    };
    ctx.aim = if ctx.detail {
        Aim {
            label: to.clone(),
            // Only services with a gateway endpoint have an AWS-managed prefix list.
            prefix_list: service.gateway_endpoint,
            service: to.clone(),
            public_hop: None,
            public_service: Some(svc),
            address: false,
            service_index: Some(svc),
        }
    } else {
        // Every leaf of one evaluation ends alike, so the matrix needs no names here.
        Aim {
            public_hop: Some((HopKind::Service, Id::default(), Fact::InternetGateway)),
            service_index: Some(svc),
            ..Aim::default()
        }
    };
    answered(ctx, source, &to, hops, &dns::Asked::home(model, svc))
}

/// Route what DNS answered for `asked`: the endpoint's ENIs, or the public ranges.
fn answered(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &Id,
    mut hops: Trail,
    asked: &dns::Asked<'_>,
) -> PathTrace {
    let model = ctx.model;
    let mut leaves = Leaves::new();
    let answer = dns::resolve(ctx, asked, &mut hops);
    let prefix = hops.hops.len();
    match answer {
        Answer::Blocked(reason) => {
            let verdict = Verdict::stopped(reason);
            return finish(ctx, source, to, hops.hops, verdict, Vec::new());
        }
        Answer::Public => {
            if asked.cidrs.is_empty() {
                let service = &model.services()[asked.svc].name;
                return no_public_addresses(ctx, source, to, hops, service);
            }
            // The service's own ranges (not another Region's): the tables have their choices.
            let service = &model.services()[asked.svc];
            let own = std::ptr::eq(asked.cidrs, service.cidrs.as_slice()).then_some(asked.svc);
            route_source(
                ctx,
                source,
                asked.cidrs,
                own,
                Dest::Range,
                hops,
                &mut leaves,
            );
        }
        Answer::Enis { endpoint, enis } => {
            // All answered ENIs in one walk: those the same route reaches travel together.
            let all = model.endpoint_enis(endpoint);
            let mut ips: smallvec::SmallVec<[Ipv4Net; 8]> = smallvec::SmallVec::new();
            for &i in enis.iter() {
                ips.push(Ipv4Net::from(all[i].ip));
            }
            let dest = Dest::Eni { endpoint };
            route_source(ctx, source, &ips, None, dest, hops, &mut leaves);
        }
    }
    merge(ctx, source, to, prefix, &mut leaves)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_azs_are_those_the_model_gives() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/interface-multi-az.ron");
        let model = crate::model::load_file(&path).expect("a shipped scenario");
        let azs: Vec<String> = (model.scenario().availability_zones.iter())
            .map(|az| az.name.clone())
            .collect();
        let mut what_if = WhatIf::default();
        assert_eq!(failed_azs(&model, &what_if), model.failed_az_set(&what_if));
        assert_eq!(failed_azs(&model, &what_if).len(), azs.len());
        assert!(azs.len() > 1);
        what_if.failed_azs.push(azs[1].clone());
        let failed = failed_azs(&model, &what_if);
        assert_eq!(failed, model.failed_az_set(&what_if));
        assert!(failed[1] && !failed[0]);
    }
}
