//! From the leaves of a walk to a verdict: leaves that took the same path are combined (their
//! route decisions concatenated; for an interface endpoint, every ENI the client may pick and
//! whether they are in its AZ, aws-semantics.md §3); leaves that took different paths make the
//! parts of a partial verdict.

use super::ctx::{Ctx, Leaf, Source};
use super::facts::*;
use super::rules::interface_endpoint::cross_az_of;

/// A leaf's path for grouping: its verdict and the objects it passed.
type Signature<'a> = (&'a Verdict, u64);

fn signature(leaf: &Leaf) -> Signature<'_> {
    (&leaf.verdict, leaf.hops.sig)
}

pub(crate) fn merge(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &Id,
    prefix: Vec<Hop>,
    leaves: Vec<Leaf>,
) -> PathTrace {
    let src_az = ctx.az_of_subnet(source.subnet);
    if !ctx.detail {
        // The matrix: the verdict alone, without parts or hops.
        let verdict = outcome(ctx, src_az, &leaves);
        return finish(ctx, source, to, prefix, verdict, Vec::new());
    }
    if leaves.len() == 1 {
        // One path: nothing to group.
        let p = combine(ctx, src_az, leaves);
        let mut hops = prefix;
        hops.extend(p.hops);
        return finish(ctx, source, to, hops, p.verdict, Vec::new());
    }
    // Group leaves by path, keeping first-seen order.
    let mut groups: Vec<Vec<Leaf>> = Vec::with_capacity(1);
    for leaf in leaves {
        match groups
            .iter_mut()
            .find(|g| signature(&g[0]) == signature(&leaf))
        {
            Some(g) => g.push(leaf),
            None => groups.push(vec![leaf]),
        }
    }
    let enis: Vec<(usize, usize)> = groups
        .iter()
        .flatten()
        .flat_map(|l| l.eni.iter().copied())
        .collect();
    let mut parts: Vec<Part> = groups
        .into_iter()
        .map(|g| combine(ctx, src_az, g))
        .collect();
    if parts.len() == 1 {
        let p = parts.pop().expect("one part");
        let mut hops = prefix;
        hops.extend(p.hops);
        return finish(ctx, source, to, hops, p.verdict, Vec::new());
    }
    // Several paths: the verdict by outcome, each path a part.
    let verdict = outcome_of(ctx, src_az, parts.iter().map(|p| &p.verdict), &enis);
    finish(ctx, source, to, prefix, verdict, parts)
}

/// The verdict of a destination's ranges by outcome (README, verdicts): every range reachable →
/// reachable (their common way, or `mixed`; cross-AZ over every ENI reached); none → the first
/// range's verdict; some → partial.
fn outcome(ctx: &Ctx<'_>, src_az: usize, leaves: &[Leaf]) -> Verdict {
    let enis: Vec<(usize, usize)> = leaves.iter().flat_map(|l| l.eni.iter().copied()).collect();
    outcome_of(ctx, src_az, leaves.iter().map(|l| &l.verdict), &enis)
}

fn outcome_of<'a>(
    ctx: &Ctx<'_>,
    src_az: usize,
    verdicts: impl Iterator<Item = &'a Verdict>,
    enis: &[(usize, usize)],
) -> Verdict {
    let (mut first, mut reached, mut missed) = (None, 0, 0);
    let mut via: Option<Via> = None;
    for v in verdicts {
        first.get_or_insert(v);
        match v.via() {
            Some(w) => {
                reached += 1;
                via = Some(match via {
                    Some(x) if x != w => Via::Mixed,
                    _ => w,
                });
            }
            None => missed += 1,
        }
    }
    match (reached, missed, first) {
        (_, _, None) => Verdict::Blocked(Reason::NoRoute),
        (0, _, Some(v)) => v.clone(),
        (_, 0, _) => {
            let via = via.unwrap_or(Via::Mixed);
            // Interface endpoints: where the ENIs are against the client's AZ, over all of them.
            let cross_az = (!enis.is_empty() && matches!(via, Via::InterfaceEndpoint | Via::Mixed))
                .then(|| cross_az_of(ctx.model, src_az, enis.iter().copied()));
            Verdict::Reachable { via, cross_az }
        }
        _ => Verdict::Partial,
    }
}

/// Combine leaves that took the same path: route-table decisions are concatenated; for ENIs the
/// endpoint hop lists every ENI and `cross_az` is computed.
fn combine(ctx: &mut Ctx<'_>, src_az: usize, group: Vec<Leaf>) -> Part {
    let model = ctx.model;
    let mut iter = group.into_iter();
    let Some(first) = iter.next() else {
        return Part {
            to: None,
            cidrs: Vec::new(),
            verdict: Verdict::Blocked(Reason::NoRoute),
            hops: Vec::new(),
        };
    };
    let mut cidrs = first.cidrs;
    let mut enis: Vec<(usize, usize)> = first.eni;
    let mut hops = first.hops.hops;
    let mut verdict = first.verdict;
    for leaf in iter {
        cidrs.extend(leaf.cidrs);
        enis.extend(leaf.eni);
        for (h, other) in hops.iter_mut().zip(leaf.hops.hops) {
            if let (
                Fact::RouteTable { decisions, .. },
                Fact::RouteTable {
                    decisions: more, ..
                },
            ) = (&mut h.fact, other.fact)
            {
                merge_decisions(decisions, &more);
            }
        }
    }
    if let Verdict::Reachable {
        via: Via::InterfaceEndpoint,
        ..
    } = verdict
    {
        let cross_az = cross_az_of(model, src_az, enis.iter().copied());
        verdict = Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az: Some(cross_az),
        };
        if let Some(endpoint) = enis.first().map(|&(e, _)| e)
            && ctx.facts
        {
            if let Some(h) = hops
                .iter_mut()
                .rev()
                .find(|h| h.kind == HopKind::InterfaceEndpoint)
            {
                h.fact = Fact::InterfaceEndpoint {
                    enis: enis.iter().map(|&(e, i)| ctx.eni(e, i)).collect(),
                };
            }
            if cross_az == CrossAz::Always {
                let id = &model.scenario().interface_endpoints[endpoint].id;
                ctx.note(|| Note::CrossAzDependency {
                    resource: Id::from(id.as_str()),
                    az: None,
                });
            }
        }
    } else if !ctx.aim.address
        && matches!(verdict.via(), Some(Via::InternetGateway | Via::NatGateway))
        && hops.iter().any(|h| h.kind == HopKind::InternetGateway)
    {
        // Only AWS services' public endpoints are on AWS's network; a plain address is not.
        ctx.note(|| Note::PublicEndpointStaysOnAws);
    }
    cidrs.sort();
    Part {
        to: None,
        cidrs,
        verdict,
        hops,
    }
}

/// Decisions of another leaf join those of the same table hop: a decision with the same routes
/// and rule takes the other's destinations.
fn merge_decisions(into: &mut std::sync::Arc<[RouteDecision]>, more: &[RouteDecision]) {
    let mut all = into.to_vec();
    for d in more {
        match all
            .iter_mut()
            .find(|x| x.rule == d.rule && same_routes(x, d))
        {
            Some(x) => x.destinations.extend_from_slice(&d.destinations),
            None => all.push(d.clone()),
        }
    }
    *into = all.into();
}

fn same_routes(a: &RouteDecision, b: &RouteDecision) -> bool {
    a.matches.len() == b.matches.len()
        && a.matches.iter().zip(&b.matches).all(|(x, y)| {
            x.destination == y.destination && x.target == y.target && x.chosen == y.chosen
        })
}

pub(crate) fn finish(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &Id,
    hops: Vec<Hop>,
    verdict: Verdict,
    parts: Vec<Part>,
) -> PathTrace {
    PathTrace {
        from: source.origin.clone(),
        to: to.clone(),
        verdict,
        notes: std::mem::take(&mut ctx.notes),
        hops,
        parts,
        unchecked: match ctx.facts {
            true => super::facts::unchecked(ctx.model),
            false => Vec::new(),
        },
    }
}
