//! NAT gateways (aws-semantics.md §4, §6). A zonal NAT gateway lives in one subnet: it
//! translates the source (public: to its Elastic IP; private: to its private IP, never to the
//! internet) and routes on by its own subnet's table; its AZ failing ends the path. A regional
//! NAT gateway spans the VPC's AZs (it survives the loss of one) and uses the VPC's internet
//! gateway.

use crate::eval::ctx::{Arrival, Ctx, Dest, Egress, Outcome, Trail, Walk};
use crate::eval::facts::{Fact, HopKind, Id, Note, Stop, Verdict, Via};
use crate::model::{AvailabilityMode, NatConnectivity};

use super::{blackhole, block_public_access, interface_endpoint, internet_gateway, local, zonal};

pub(crate) fn follow(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    id: &str,
    walk: &mut Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    let Some(&ni) = model.nat_lookup.get(id) else {
        return blackhole::missing_target(at);
    };
    let nat = &model.scenario().nat_gateways[ni];
    let public = nat.connectivity == NatConnectivity::Public;
    // What the internet sees from here on: its Elastic IP, when the scenario gives it.
    walk.public_address = nat.elastic_ip.filter(|_| public);
    match nat.availability_mode {
        AvailabilityMode::Regional => regional(ctx, at, id, public, walk, hops),
        AvailabilityMode::Zonal => {
            let (si, az) = match zonal::place(
                ctx,
                at,
                model.nat_subnet[ni],
                id,
                HopKind::NatGateway,
                |az| Stop::NatAzFailed {
                    table: at.table(),
                    route: at.route(),
                    nat: Id::from(id),
                    az,
                },
            ) {
                Ok(placed) => placed,
                Err(stop) => return *stop,
            };
            // The model made the ids once: copied, not made from the scenario's text.
            let nat_id = &model.ids.nat_gateways[ni];
            if walk.source_az != az {
                let az = ctx.az(az);
                ctx.note(|| Note::CrossAzDependency {
                    resource: nat_id.clone(),
                    az: Some(az),
                });
            }
            hops.add_id(
                HopKind::NatGateway,
                nat_id,
                || Some(ctx.az(az)),
                || Fact::NatGateway {
                    public,
                    subnet: Some(model.ids.subnets[si].clone()),
                },
            );
            walk.via_nat = true;
            walk.public_ip = public;
            walk.egress = Egress {
                subnet: Some(si),
                nat: Some(ni),
            };
            walk.translated = true;
            walk.private_nat = !public;
            walk.address = model.scenario().subnets[si].ipv4_or_none();
            if walk.gwlb.is_some() {
                walk.nat_after_gwlb = Some(ni);
            }
            zonal::forward(ctx, nat_id.clone(), si)
        }
    }
}

fn regional(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    id: &str,
    public: bool,
    walk: &mut Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    let all_failed = ctx.all_azs_failed();
    if all_failed {
        return Outcome::Stop {
            kind: HopKind::NatGateway,
            id: Id::from(id),
            az: None,
            stop: Box::new(Stop::RegionalNatAllAzsFailed {
                table: at.table(),
                route: at.route(),
                nat: Id::from(id),
            }),
        };
    }
    hops.add(
        HopKind::NatGateway,
        id,
        || None,
        || Fact::NatGateway {
            public,
            subnet: None,
        },
    );
    walk.via_nat = true;
    walk.public_ip = public;
    walk.private_nat = !public;
    if let Some(&ni) = model.nat_lookup.get(id) {
        walk.egress = Egress {
            subnet: None,
            nat: Some(ni),
        };
    }
    if walk.gwlb.take().is_some() {
        ctx.note(|| Note::ReturnNotEvaluated { nat: Id::from(id) });
    }
    // An address inside the VPC never leaves through the internet gateway: the NAT gateway
    // hands it back to the VPC, where the local route delivers it (a route for a subnet CIDR
    // may target a NAT gateway, aws-semantics.md §1).
    let vpc = &model.scenario().vpc.cidrs;
    let inside = match at.dest {
        Dest::Eni { .. } => true,
        Dest::Range => at.pieces.iter().all(|p| vpc.iter().any(|c| c.contains(p))),
    };
    if inside {
        return match at.dest {
            Dest::Eni { endpoint } => interface_endpoint::reach(ctx, at, endpoint, walk, hops),
            Dest::Range if ctx.aim.address => local::deliver(ctx, at, hops),
            Dest::Range => local::service_range(at, ctx),
        };
    }
    let Some(igw) = model.ids.internet_gateway.as_ref() else {
        return Outcome::Stop {
            kind: HopKind::Blocked,
            id: Id::from(id),
            az: None,
            stop: Box::new(Stop::RegionalNatWithoutInternetGateway { nat: Id::from(id) }),
        };
    };
    if !public {
        return Outcome::Stop {
            kind: HopKind::Blocked,
            id: Id::from(id),
            az: None,
            stop: Box::new(Stop::PrivateNatNoInternet { nat: Id::from(id) }),
        };
    }
    if let Some(stop) = block_public_access::check(ctx, igw, walk) {
        return stop;
    }
    internet_gateway::pass(ctx, igw, hops);
    if let Some(stop) = crate::eval::policies::from_internet(ctx, walk, hops) {
        return stop;
    }
    Outcome::Done(Verdict::Reachable {
        via: Via::NatGateway,
        cross_az: None,
    })
}
