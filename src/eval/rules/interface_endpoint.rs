//! Interface endpoints (aws-semantics.md §3): DNS answered the endpoint's ENI addresses, and the
//! `local` route delivers them inside the VPC. Which ENIs were reached, and whether they are in
//! the client's AZ (`cross_az`), is decided when the walks of all ENIs are combined
//! (`super::super::merge`), since one client picks among all of them.

use crate::eval::ctx::{Ctx, Outcome, Trail};
use crate::eval::facts::{CrossAz, Fact, HopKind, Verdict, Via};
use crate::model::Model;

/// The `local` route reached the endpoint's ENIs: the hop lists them once combined.
pub(crate) fn reach(ctx: &Ctx<'_>, endpoint: usize, hops: &mut Trail) -> Outcome {
    let ie = &ctx.model.scenario().interface_endpoints[endpoint];
    hops.add(
        HopKind::InterfaceEndpoint,
        &ie.id,
        || None,
        || Fact::InterfaceEndpoint { enis: Vec::new() },
    );
    Outcome::Done(Verdict::Reachable {
        via: Via::InterfaceEndpoint,
        cross_az: None,
    })
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
