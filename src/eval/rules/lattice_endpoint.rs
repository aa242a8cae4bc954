//! Resource and service-network VPC endpoints (VPC Lattice through AWS PrivateLink; no
//! aws-semantics.md section yet, so AWS's pages are the contract, `crate::model::lattice` cites
//! them).
//!
//! The way in is an interface endpoint's: DNS answers the endpoint's network interfaces in
//! healthy AZs (`super::super::dns`), the `local` route delivers them, their security groups and
//! subnets' network ACLs decide (`super::super::layers`), and `cross_az` says where they are
//! against the client. What differs is past the interfaces:
//!
//! - A resource endpoint reaches one resource configuration, which offers TCP port ranges
//!   ("Port ranges", <https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html>):
//!   traffic to another port, or not TCP, is refused here (`lattice_port_not_offered`). A
//!   configuration whose ranges the scenario does not give is not checked.
//! - Beyond that, the resource gateway in the provider's VPC, the provider's security groups
//!   and routes, the resource's own health and VPC Lattice auth policies are outside the model:
//!   a reachable verdict here means "reaches the endpoint's far side", and the trace says so
//!   (note `lattice_beyond_model`), never more.

use crate::eval::ctx::{Arrival, Ctx, Outcome, Trail, Walk};
use crate::eval::facts::*;
use crate::eval::query::Probe;
use crate::model::{Lattice, Model, PortRange, Protocol};

use super::return_leg;

/// The traffic to ask service `svc` about when the user chose none (`probe` is the default):
/// a VPC Lattice resource is used on the ports its resource configuration offers ("Port
/// ranges", <https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html>),
/// so when a resource endpoint serving `svc` has port ranges that leave out the default TCP
/// 443, the first port they offer (their first range's first port, as the configuration
/// lists them), with the note that says so. None: ask about `probe` (chosen traffic, or a
/// service that is no such resource, or one that offers 443).
#[cold]
#[inline(never)]
pub(crate) fn own_port(model: &Model, svc: usize, probe: Probe) -> Option<(Probe, Note)> {
    if probe.chosen {
        return None;
    }
    let scenario = model.scenario();
    let (ie, r) = model.service_endpoints.get(svc)?.iter().find_map(|&e| {
        let ie = &scenario.interface_endpoints[e];
        match &ie.lattice {
            Some(Lattice::Resource(r)) if !r.port_ranges.is_empty() => Some((ie, r)),
            _ => None,
        }
    })?;
    let default = PortRange::one(probe.port);
    if probe.protocol == Protocol::Tcp && r.port_ranges.iter().any(|x| x.contains(default)) {
        return None;
    }
    let port = r.port_ranges[0].0;
    let note = Note::LatticeOwnPort(Box::new(LatticeOwnPort {
        service: Id::from(model.services()[svc].name.as_str()),
        endpoint: Id::from(ie.id.as_str()),
        arn: r.arn.clone(),
        port,
        ranges: r.port_ranges.clone(),
    }));
    Some((
        Probe {
            protocol: Protocol::Tcp,
            port,
            chosen: false,
        },
        note,
    ))
}

/// The `local` route reached the ENIs of `endpoint`, a resource or service-network endpoint.
/// Out of line and cold: the walk that dispatches here stays as small as before on every other
/// path (README, Performance).
#[cold]
#[inline(never)]
pub(crate) fn reach(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    endpoint: usize,
    lattice: &Lattice,
    walk: &Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let ie = &ctx.model.scenario().interface_endpoints[endpoint];
    let (kind, via, ports): (_, _, &[PortRange]) = match lattice {
        Lattice::Resource(r) => (LatticeKind::Resource, Via::ResourceEndpoint, &r.port_ranges),
        Lattice::ServiceNetwork(_) => (
            LatticeKind::ServiceNetwork,
            Via::ServiceNetworkEndpoint,
            &[],
        ),
    };
    // The interfaces reached (the merge lists them again on a reachable path; a stop here
    // keeps these).
    let all = ctx.model.endpoint_enis(endpoint);
    hops.add(
        HopKind::InterfaceEndpoint,
        &ie.id,
        || None,
        || Fact::InterfaceEndpoint {
            enis: at
                .pieces
                .iter()
                .filter_map(|p| all.iter().position(|x| x.ip == p.addr()))
                .map(|i| ctx.eni(endpoint, i))
                .collect(),
            lattice: Some(kind),
        },
    );
    let probe = ctx.probe;
    let offered = ports.is_empty()
        || (probe.protocol == Protocol::Tcp
            && ports.iter().any(|r| r.contains(PortRange::one(probe.port))));
    if !offered {
        return Outcome::Stop {
            kind: HopKind::Blocked,
            id: Id::from(ie.id.as_str()),
            az: None,
            stop: Box::new(Stop::LatticePortNotOffered {
                endpoint: Id::from(ie.id.as_str()),
                arn: lattice.arn().to_string(),
                port: (probe.protocol == Protocol::Tcp).then_some(probe.port),
                ranges: ports.to_vec(),
            }),
        };
    }
    let service = ctx.aim.service.clone();
    hops.add(
        HopKind::Service,
        &ie.id,
        || None,
        || {
            Fact::Lattice(Box::new(LatticeHop {
                kind,
                arn: lattice.arn().to_string(),
                service,
                ports: ports.to_vec(),
            }))
        },
    );
    ctx.note(|| {
        Note::LatticeBeyondModel(Box::new(LatticeBeyondModelNote {
            endpoint: Id::from(ie.id.as_str()),
            kind,
            arn: lattice.arn().to_string(),
        }))
    });
    let reached = Verdict::Reachable {
        via,
        cross_az: None,
    };
    if walk.gwlb.is_none() {
        return Outcome::Done(reached);
    }
    // Inspected on the way: each ENI's replies follow its own subnet's table.
    let each = at
        .pieces
        .iter()
        .map(|&piece| {
            let mut h = hops.clone();
            let end = return_leg::From::EndpointEni(endpoint, piece.addr());
            let verdict = return_leg::check(ctx, walk, end, &mut h).unwrap_or(reached.clone());
            (piece, h, verdict)
        })
        .collect();
    Outcome::Each(each)
}
