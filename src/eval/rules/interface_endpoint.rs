//! Interface endpoints (aws-semantics.md §3): DNS answered the endpoint's ENI addresses, and the
//! `local` route delivers them inside the VPC. Which ENIs were reached, and whether they are in
//! the client's AZ (`cross_az`), is decided when the walks of all ENIs are combined
//! (`super::super::merge`), since one client picks among all of them.

use crate::eval::ctx::{Arrival, Ctx, Outcome, Trail, Walk};
use crate::eval::facts::{CrossAz, Fact, HopKind, Reason, Verdict, Via};
use crate::eval::policies;
use crate::model::Model;

use super::return_leg;

/// The `local` route reached the endpoint's ENIs: the hop lists them once combined. A path
/// that passed a GWLB endpoint also needs its replies back through it: each ENI's replies
/// follow its own subnet's table, so each ENI is checked on its own.
pub(crate) fn reach(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    endpoint: usize,
    walk: &Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    let ie = &model.scenario().interface_endpoints[endpoint];
    // A resource or service-network endpoint: the same way in, something else past it.
    if let Some(lattice) = &ie.lattice {
        return super::lattice_endpoint::reach(ctx, at, endpoint, lattice, walk, hops);
    }
    let reached = Verdict::Reachable {
        via: Via::InterfaceEndpoint,
        cross_az: None,
    };
    let hop = |hops: &mut Trail| {
        hops.add_id(
            HopKind::InterfaceEndpoint,
            &model.ids.interface_endpoints[endpoint],
            || None,
            || Fact::InterfaceEndpoint {
                enis: Default::default(),
                lattice: None,
            },
        )
    };
    // The endpoint's policy, then (S3) the bucket's, after the endpoint (aws-semantics.md §5b).
    let policy = ie.policy.as_ref();
    if walk.gwlb.is_none() {
        hop(hops);
        if let Some(stop) = policies::through_endpoint(ctx, walk, &ie.id, &ie.service, policy, hops)
        {
            return stop;
        }
        return Outcome::Done(reached);
    }
    let mut each = Vec::with_capacity(at.pieces.len());
    for &piece in at.pieces {
        let mut h = hops.clone();
        hop(&mut h);
        if let Some(Outcome::Stop { kind, id, az, stop }) =
            policies::through_endpoint(ctx, walk, &ie.id, &ie.service, policy, &mut h)
        {
            let verdict = Verdict::stopped(stop.reason().unwrap_or(Reason::NoRoute));
            h.add(kind, &id, || az, || Fact::Stop(stop));
            each.push((piece, h, verdict));
            continue;
        }
        let end = return_leg::From::EndpointEni(endpoint, piece.addr());
        let verdict = return_leg::check(ctx, walk, end, &mut h).unwrap_or(reached.clone());
        each.push((piece, h, verdict));
    }
    Outcome::Each(each)
}

/// Where the reachable ENIs are, against the client's AZ: all in its AZ, some, or none.
pub(crate) fn cross_az_of(
    model: &Model,
    src_az: usize,
    enis: impl Iterator<Item = (usize, usize)>,
) -> CrossAz {
    let (mut own, mut other) = (0, 0);
    for (e, i) in enis {
        if model.endpoint_enis(e)[i].az == src_az {
            own += 1;
        } else {
            other += 1;
        }
    }
    match (own, other) {
        (_, 0) => CrossAz::Never,
        (0, _) => CrossAz::Always,
        _ => CrossAz::Sometimes,
    }
}
