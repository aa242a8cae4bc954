//! A VPC's service network association (VPC Lattice "service network VPC association"; no
//! aws-semantics.md section yet, so AWS's pages are the contract, cited here and in
//! `crate::model::lattice`).
//!
//! - "When you connect a VPC with the service network, it enables all the targets within that
//!   VPC to be clients and communicate with other services and resource configurations in the
//!   service network"
//!   (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/service-network-associations.html>).
//! - Traffic goes over VPC Lattice's link-local (and non-routable public) addresses, listed in
//!   the managed prefix list `com.amazonaws.REGION.vpc-lattice`, not through network interfaces
//!   in the VPC's subnets: no route table entry, no zonal interface
//!   (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/security-groups.html>, "Managed prefix
//!   list" and "Windows clients").
//! - The association's security groups and the client subnets' network ACLs toward that prefix
//!   list apply (security-groups.html; "Network ACLs for your client subnets",
//!   <https://docs.aws.amazon.com/vpc-lattice/latest/ug/network-acls.html>), but the pages read do
//!   not say exactly which rules of the association's groups a client's request must match, so
//!   neither is evaluated: the path says so (note `lattice_association_unchecked`), and past the
//!   association, as past a service-network endpoint, the path is outside the model (note
//!   `lattice_beyond_model`).
//!
//! The association answers a service of its service network that no endpoint of this VPC
//! serves. When an endpoint serves it too, which of the two answers a client gets was not found
//! on AWS's pages (service-networks.html says a VPC connects "either through an association or
//! through a VPC endpoint", and nothing of both at once): the path is not modelled
//! (`dns_answer_outside_model`), never guessed.

use crate::eval::ctx::Ctx;
use crate::eval::facts::*;
use crate::model::Model;

/// Who serves `svc` among the VPC's service network association and its endpoints.
pub(crate) enum Serves {
    /// The association does not list it: endpoints (or nothing) answer, as without one.
    NotListed,
    /// The association lists it and no endpoint of this VPC serves it.
    Association,
    /// The association lists it and this endpoint (the first) serves it too.
    AlsoEndpoint(usize),
}

/// Whether `svc` is reached through the VPC's service network association.
pub(crate) fn serves(model: &Model, svc: usize) -> Serves {
    let Some(a) = &model.scenario().service_network_association else {
        return Serves::NotListed;
    };
    if !a.services.contains(&model.services()[svc].name) {
        return Serves::NotListed;
    }
    match model.service_endpoints.get(svc).and_then(|e| e.first()) {
        Some(&e) => Serves::AlsoEndpoint(e),
        None => Serves::Association,
    }
}

/// The association and endpoint `e` both serve `svc`: the DNS hop says the answer is not
/// modelled.
#[cold]
#[inline(never)]
pub(crate) fn both(
    ctx: &mut Ctx<'_>,
    svc: usize,
    e: usize,
    hops: &mut crate::eval::ctx::Trail,
) -> Verdict {
    let model = ctx.model;
    let scenario = model.scenario();
    let Some(a) = &scenario.service_network_association else {
        return Verdict::Blocked(Reason::NoRoute);
    };
    let name = model.services()[svc].dns_name.as_str();
    let reason = hops.dns_outside(name, || DnsOutside::LatticeAssociationAndEndpoint {
        association: Id::from(a.id.as_str()),
        endpoint: Id::from(scenario.interface_endpoints[e].id.as_str()),
    });
    Verdict::stopped(reason)
}

/// The hops past the source of a path to service `svc` through the association, and the
/// verdict: DNS answers a VPC Lattice link-local address, the service network is reached, with
/// the notes of what is not evaluated. Out of line and cold: every other path stays as it was.
#[cold]
#[inline(never)]
pub(crate) fn reach(ctx: &mut Ctx<'_>, svc: usize, hops: &mut crate::eval::ctx::Trail) -> Verdict {
    let model = ctx.model;
    let scenario = model.scenario();
    let Some(a) = &scenario.service_network_association else {
        return Verdict::Blocked(Reason::NoRoute);
    };
    let service = &model.services()[svc];
    let region = scenario.region.as_str();
    hops.add(
        HopKind::Dns,
        service.dns_name.as_str(),
        || None,
        || Fact::Dns {
            resolver: crate::eval::dns::resolver_address(model),
            answer: DnsAnswer::Lattice {
                association: Id::from(a.id.as_str()),
                prefix_list: Id::from(format!("com.amazonaws.{region}.vpc-lattice")),
            },
        },
    );
    hops.add(
        HopKind::Service,
        a.id.as_str(),
        || None,
        || {
            Fact::Lattice(Box::new(LatticeHop {
                kind: LatticeKind::VpcAssociation,
                arn: a.service_network.clone(),
                service: Id::from(service.name.as_str()),
                ports: Vec::new(),
            }))
        },
    );
    ctx.note(|| {
        Note::LatticeAssociationUnchecked(Box::new(LatticeAssociationUncheckedNote {
            association: Id::from(a.id.as_str()),
            groups: a
                .security_groups
                .iter()
                .map(|g| Id::from(g.as_str()))
                .collect(),
        }))
    });
    ctx.note(|| {
        Note::LatticeBeyondModel(Box::new(LatticeBeyondModelNote {
            endpoint: Id::from(a.id.as_str()),
            kind: LatticeKind::VpcAssociation,
            arn: a.service_network.clone(),
        }))
    });
    Verdict::Reachable {
        via: Via::ServiceNetworkAssociation,
        cross_az: None,
    }
}
