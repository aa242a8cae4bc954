//! From the leaves of a walk to a verdict: leaves that took the same path are combined (their
//! route decisions concatenated; for an interface endpoint, every ENI the client may pick and
//! whether they are in its AZ, aws-semantics.md §3); leaves that took different paths make the
//! parts of a partial verdict.

use super::ctx::{Ctx, Leaf, Leaves, Pieces, Source};
use super::facts::*;
use super::rules::interface_endpoint::cross_az_of;

/// The leaves' trails all begin with the path's first `prefix` hops (source, DNS). The leaves
/// are borrowed (a few hundred bytes inline): their hops and ranges are taken, not the list.
pub(crate) fn merge(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &Id,
    prefix: usize,
    leaves: &mut Leaves,
) -> PathTrace {
    let src_az = ctx.az_of_subnet(source.subnet);
    if !ctx.detail {
        // The matrix: the verdict alone, without parts or hops.
        let verdict = outcome(ctx, src_az, leaves);
        return finish(ctx, source, to, Vec::new(), verdict, Vec::new());
    }
    if leaves.len() == 1 {
        // One path: nothing to group.
        let (hops, verdict) = whole(ctx, src_az, &mut leaves[0]);
        return finish(ctx, source, to, hops, verdict, Vec::new());
    }
    // Group leaves by path, keeping first-seen order.
    // A leaf's path for grouping: its verdict and the objects it passed (their hash).
    let mut groups: Vec<(u64, Vec<Leaf>)> = Vec::with_capacity(2);
    for leaf in std::mem::take(leaves) {
        let sig = leaf.hops.signature();
        match groups
            .iter_mut()
            .find(|(s, g)| *s == sig && g[0].verdict == leaf.verdict)
        {
            Some((_, g)) => g.push(leaf),
            None => groups.push((sig, vec![leaf])),
        }
    }
    let groups: Vec<Vec<Leaf>> = groups.into_iter().map(|(_, g)| g).collect();
    let enis: Vec<(usize, usize)> = groups
        .iter()
        .flatten()
        .flat_map(|l| l.eni.iter().copied())
        .collect();
    let mut parts: Vec<Part> = groups
        .into_iter()
        .map(|mut g| combine(ctx, src_az, &mut g).part())
        .collect();
    if parts.len() == 1 {
        let p = parts.pop().expect("one part");
        return finish(ctx, source, to, p.hops, p.verdict, Vec::new());
    }
    // Several paths: the common first hops once, then each path a part.
    let common = parts[0].hops[..prefix.min(parts[0].hops.len())].to_vec();
    for p in &mut parts {
        p.hops.drain(..prefix.min(p.hops.len()));
    }
    let verdict = outcome_of(ctx, src_az, parts.iter().map(|p| &p.verdict), &enis);
    finish(ctx, source, to, common, verdict, parts)
}

/// The verdict of a destination's ranges by outcome (README, verdicts): every range reachable →
/// reachable (their common way, or `mixed`; cross-AZ over every ENI reached); none → the first
/// range's verdict; some → partial.
fn outcome(ctx: &Ctx<'_>, src_az: usize, leaves: &[Leaf]) -> Verdict {
    // Kept inline: the matrix asks this for every cell, and an interface endpoint's cell
    // reaches a few ENIs (a `Vec` here was one allocation per such cell).
    let enis: smallvec::SmallVec<[(usize, usize); 8]> =
        leaves.iter().flat_map(|l| l.eni.iter().copied()).collect();
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
            let cross_az = (!enis.is_empty() && (via.through_enis() || via == Via::Mixed))
                .then(|| cross_az_of(ctx.model, src_az, enis.iter().copied()));
            Verdict::Reachable { via, cross_az }
        }
        _ => Verdict::Partial,
    }
}

/// Combine leaves that took the same path: route-table decisions are concatenated; for ENIs the
/// endpoint hop lists every ENI and `cross_az` is computed. The first leaf's hops, ranges and
/// ENIs are taken from it.
fn combine(ctx: &mut Ctx<'_>, src_az: usize, leaves: &mut [Leaf]) -> Combined {
    let Some((first, rest)) = leaves.split_first_mut() else {
        return Combined {
            cidrs: Pieces::new(),
            verdict: Verdict::Blocked(Reason::NoRoute),
            hops: Vec::new(),
        };
    };
    let mut cidrs = std::mem::take(&mut first.cidrs);
    let mut enis = std::mem::take(&mut first.eni);
    let mut hops = std::mem::take(&mut first.hops.hops);
    let verdict = std::mem::replace(&mut first.verdict, Verdict::Partial);
    for leaf in rest {
        cidrs.extend_from_slice(&leaf.cidrs);
        enis.extend_from_slice(&leaf.eni);
        for (h, other) in hops.iter_mut().zip(&leaf.hops.hops) {
            if let (
                Fact::RouteTable { decisions, .. },
                Fact::RouteTable {
                    decisions: more, ..
                },
            ) = (&mut h.fact, &other.fact)
            {
                merge_decisions(decisions, more);
            }
        }
    }
    let verdict = conclude(ctx, src_az, &mut hops, verdict, &enis);
    Combined {
        cidrs,
        verdict,
        hops,
    }
}

/// [`combine`] of one leaf, as the whole path: its hops and verdict taken, its ranges (which a
/// whole path does not list) and ENIs left in it.
fn whole(ctx: &mut Ctx<'_>, src_az: usize, leaf: &mut Leaf) -> (Vec<Hop>, Verdict) {
    let mut hops = std::mem::take(&mut leaf.hops.hops);
    let verdict = std::mem::replace(&mut leaf.verdict, Verdict::Partial);
    let verdict = conclude(ctx, src_az, &mut hops, verdict, &leaf.eni);
    (hops, verdict)
}

/// The verdict of combined leaves that reached `enis` (the endpoint hop then lists every ENI,
/// and `cross_az` is worked out over them), and the notes of the path.
fn conclude(
    ctx: &mut Ctx<'_>,
    src_az: usize,
    hops: &mut [Hop],
    mut verdict: Verdict,
    enis: &[(usize, usize)],
) -> Verdict {
    let model = ctx.model;
    if let Verdict::Reachable { via, .. } = verdict
        && via.through_enis()
    {
        let cross_az = cross_az_of(model, src_az, enis.iter().copied());
        verdict = Verdict::Reachable {
            via,
            cross_az: Some(cross_az),
        };
        if let Some(endpoint) = enis.first().map(|&(e, _)| e)
            && ctx.facts
        {
            // Usually the ENIs reached are those DNS answered: the two hops share one list.
            let answered = hops.iter().find_map(|h| match &h.fact {
                Fact::Dns {
                    answer: DnsAnswer::Enis { enis: listed, .. },
                    ..
                } if listed.len() == enis.len()
                    && listed
                        .iter()
                        .zip(enis)
                        .all(|(l, &(e, i))| l.ip == model.endpoint_enis(e)[i].ip) =>
                {
                    Some(listed.clone())
                }
                _ => None,
            });
            if let Some(h) = hops
                .iter_mut()
                .rev()
                .find(|h| h.kind == HopKind::InterfaceEndpoint)
            {
                let lattice = match &h.fact {
                    Fact::InterfaceEndpoint { lattice, .. } => *lattice,
                    _ => None,
                };
                h.fact = Fact::InterfaceEndpoint {
                    enis: answered
                        .unwrap_or_else(|| enis.iter().map(|&(e, i)| ctx.eni(e, i)).collect()),
                    lattice,
                };
            }
            if cross_az == CrossAz::Always {
                let id = &model.ids.interface_endpoints[endpoint];
                ctx.note(|| Note::CrossAzDependency {
                    resource: id.clone(),
                    az: None,
                });
            }
        }
    } else if !ctx.aim.address
        && matches!(verdict.via(), Some(Via::InternetGateway | Via::NatGateway))
        && hops
            .iter()
            .rev()
            .any(|h| h.kind == HopKind::InternetGateway)
    {
        // Only AWS services' public endpoints are on AWS's network; a plain address is not.
        ctx.note(|| Note::PublicEndpointStaysOnAws);
    }
    verdict
}

/// Leaves that took one path, combined: a part of a partial verdict, or the whole path.
struct Combined {
    cidrs: Pieces,
    verdict: Verdict,
    hops: Vec<Hop>,
}

impl Combined {
    /// As a part, its ranges in order (a whole path lists none, so only parts sort them).
    fn part(mut self) -> Part {
        self.cidrs.sort();
        Part {
            to: None,
            cidrs: self.cidrs.into_vec(),
            verdict: self.verdict,
            hops: self.hops,
        }
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
        && a.matches.iter().zip(b.matches.iter()).all(|(x, y)| {
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
        // The matrix reads a trace's verdict only: its source is not copied (and dropped).
        from: match ctx.detail {
            true => source.origin.clone(),
            false => Origin::Subnet {
                id: Id::default(),
                public_ip: false,
            },
        },
        to: to.clone(),
        verdict,
        notes: std::mem::take(&mut ctx.notes),
        hops,
        parts,
        unchecked: match ctx.facts {
            true => super::facts::unchecked(ctx.model),
            false => Default::default(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ctx::Trail;

    fn hop(kind: HopKind, id: &str, fact: Fact) -> Hop {
        Hop {
            kind,
            id: Id::from(id),
            az: None,
            fact,
        }
    }

    fn leaf(hops: Vec<Hop>, eni: &[(usize, usize)], verdict: Verdict) -> Leaf {
        let mut trail = Trail::new(true, true, hops.len());
        trail.hops = hops;
        Leaf {
            cidrs: smallvec::smallvec!["52.94.0.0/22".parse().unwrap()],
            eni: eni.iter().copied().collect(),
            hops: trail,
            verdict,
        }
    }

    fn reachable(via: Via) -> Verdict {
        Verdict::Reachable {
            via,
            cross_az: None,
        }
    }

    /// A path of one leaf is taken whole (its ranges and ENIs left in it): the hops, verdict
    /// and notes are those `combine` makes of the leaf, through an internet gateway or not,
    /// to an address or a service, to an interface endpoint's ENIs, or blocked.
    #[test]
    fn one_leaf_is_the_path_combine_makes_of_it() {
        let model = crate::model::shipped_scenario("interface-multi-az");
        assert!(model.endpoint_enis(0).len() > 1);
        let igw = || hop(HopKind::InternetGateway, "igw-1", Fact::InternetGateway);
        let nat = || {
            let fact = Fact::NatGateway {
                public: true,
                subnet: None,
            };
            hop(HopKind::NatGateway, "nat-1", fact)
        };
        let endpoint = || {
            let fact = Fact::InterfaceEndpoint {
                enis: Default::default(),
                lattice: None,
            };
            hop(HopKind::InterfaceEndpoint, "vpce-1", fact)
        };
        let leaves = [
            leaf(vec![nat(), igw()], &[], reachable(Via::NatGateway)),
            leaf(vec![igw()], &[], reachable(Via::InternetGateway)),
            leaf(vec![nat()], &[], reachable(Via::NatGateway)),
            leaf(vec![igw()], &[], reachable(Via::GatewayEndpoint)),
            leaf(vec![nat()], &[], Verdict::Blocked(Reason::NoRoute)),
            leaf(
                vec![endpoint()],
                &[(0, 0), (0, 1)],
                reachable(Via::InterfaceEndpoint),
            ),
            leaf(
                vec![endpoint()],
                &[(0, 1)],
                reachable(Via::InterfaceEndpoint),
            ),
        ];
        let (mut public, mut cross_az) = (false, false);
        for l in &leaves {
            for (address, src_az) in [(false, 0), (true, 0), (false, 1)] {
                let failed = vec![false; model.scenario().availability_zones.len()];
                let ctx = || {
                    let mut ctx = Ctx::verdicts(&model, &failed, Default::default());
                    (ctx.detail, ctx.facts) = (true, true);
                    ctx.aim.address = address;
                    ctx
                };
                let (mut a, mut b) = (ctx(), ctx());
                let (hops, verdict) = whole(&mut a, src_az, &mut l.clone());
                let c = combine(&mut b, src_az, &mut [l.clone()]);
                assert_eq!((&hops, &verdict), (&c.hops, &c.verdict), "{l:?}");
                assert_eq!(a.notes, b.notes, "{l:?}");
                public |= a.notes.contains(&Note::PublicEndpointStaysOnAws);
                cross_az |= (a.notes.iter()).any(|n| matches!(n, Note::CrossAzDependency { .. }));
            }
        }
        // The cases reach both notes' rules (the public endpoint's, and cross-AZ ENIs').
        assert!(public && cross_az);
    }
}
