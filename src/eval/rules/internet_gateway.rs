//! The internet gateway (aws-semantics.md §4): regional, one per VPC. It passes traffic only
//! from a public IPv4 address (the instance's own, a public NAT gateway's Elastic IP, a NAT
//! instance's); a private address or a private NAT gateway's traffic is dropped. Traffic to an
//! AWS service's public endpoint stays on AWS's network. A path that passed a GWLB endpoint
//! must get its replies back the same way (`return_leg`). VPC Block Public Access applies here
//! (`block_public_access`).

use crate::eval::ctx::{Arrival, Ctx, Dest, Outcome, Trail, Walk};
use crate::eval::facts::{Fact, HopKind, Id, Stop, Verdict, Via};

use super::{blackhole, block_public_access, return_leg};

pub(crate) fn follow(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    id: &str,
    walk: &Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    // The VPC's internet gateway, its id as the model made it once.
    let Some(igw) = (model.ids.internet_gateway.as_ref()).filter(|g| g.as_str() == id) else {
        return blackhole::missing_target(at);
    };
    if matches!(at.dest, Dest::Eni { .. }) {
        return Outcome::at_table(
            at,
            Stop::PrivateAddressToInternet {
                table: at.table(),
                route: at.route(),
                dest: ctx.aim.routed(at.dest, at.piece()),
            },
        );
    }
    // Until a NAT gateway or NAT instance translates the packet (each sets both flags), the
    // state read here is the source's: the matrix's families replay the walk only for classes
    // with the same one.
    if !walk.via_nat && !walk.translated {
        crate::eval::logged::public_ip_read(ctx);
    }
    if !walk.public_ip {
        let (table, route) = (at.table(), at.route());
        return Outcome::Stop {
            kind: HopKind::InternetGateway,
            id: Id::from(id),
            az: None,
            stop: Box::new(if walk.private_nat {
                Stop::PrivateNatAtInternetGateway { table, route }
            } else {
                Stop::NoPublicIp { table, route }
            }),
        };
    }
    if let Some(stop) = block_public_access::check(ctx, id, walk) {
        return stop;
    }
    pass(ctx, igw, hops);
    // The bucket's policy sees the public address (aws-semantics.md §5b).
    if let Some(stop) = crate::eval::policies::from_internet(ctx, walk, hops) {
        return stop;
    }
    if let Some(v) = return_leg::check(ctx, walk, return_leg::From::InternetGateway(id), hops) {
        return Outcome::Done(v);
    }
    let via = if walk.via_nat {
        Via::NatGateway
    } else {
        Via::InternetGateway
    };
    Outcome::Done(Verdict::Reachable {
        via,
        cross_az: None,
    })
}

/// The internet gateway's hop and the public destination after it.
pub(crate) fn pass(ctx: &Ctx<'_>, igw: &Id, hops: &mut Trail) {
    hops.add_id(
        HopKind::InternetGateway,
        igw,
        || None,
        || Fact::InternetGateway,
    );
    if let Some(svc) = ctx.aim.public_service {
        // One id for the hop and its fact: the service's name.
        let service = ctx.model.ids.services[svc].clone();
        hops.push_id(
            HopKind::Service,
            service.clone(),
            || None,
            || Fact::Service {
                service,
                dns_name: ctx.model.service_dns[svc].clone(),
            },
        );
    } else if let Some((kind, id, fact)) = &ctx.aim.public_hop {
        hops.add(*kind, id, || None, || fact.clone());
    }
}
