//! VPC Lattice targets of a service query, out of the walk's way: the VPC's service network
//! association answers the services it serves (`rules::service_network_association`), and with
//! no traffic chosen a VPC Lattice resource is asked on its own port
//! (`rules::lattice_endpoint::own_port`). `evaluate_service` comes here only when the model has
//! such targets (one flag), so every other model's paths stay as they were.

use super::ctx::{Ctx, Source};
use super::facts::*;

/// `evaluate_service` in a model with VPC Lattice targets: the VPC's service network
/// association answers the services it serves; with no traffic chosen, a VPC Lattice resource
/// is asked on its own port.
#[cold]
#[inline(never)]
pub(super) fn service(ctx: &mut Ctx<'_>, source: &Source, svc: usize) -> PathTrace {
    use super::rules::{lattice_endpoint, service_network_association as association};
    let serves = association::serves(ctx.model, svc);
    if !matches!(serves, association::Serves::NotListed) {
        let to = match ctx.detail {
            true => Id::from(ctx.model.services()[svc].name.as_str()),
            false => Id::default(),
        };
        let mut hops = match super::evaluate::source_hop(ctx, source, &to, 3) {
            Ok(h) => h,
            Err(t) => return *t,
        };
        let verdict = match serves {
            association::Serves::AlsoEndpoint(e) => association::both(ctx, svc, e, &mut hops),
            _ => association::reach(ctx, svc, &mut hops),
        };
        return super::merge::finish(ctx, source, &to, hops.hops, verdict, Vec::new());
    }
    if let Some((probe, note)) = lattice_endpoint::own_port(ctx.model, svc, ctx.probe) {
        let asked = std::mem::replace(&mut ctx.probe, probe);
        ctx.note(|| note);
        let trace = super::evaluate::service_trace(ctx, source, svc);
        ctx.probe = asked;
        return trace;
    }
    super::evaluate::service_trace(ctx, source, svc)
}
