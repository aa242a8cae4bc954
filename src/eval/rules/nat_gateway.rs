//! NAT gateways (aws-semantics.md §4, §6). A zonal NAT gateway lives in one subnet: it
//! translates the source (public: to its Elastic IP; private: to its private IP, never to the
//! internet) and routes on by its own subnet's table; its AZ failing ends the path. A regional
//! NAT gateway spans the VPC's AZs (it survives the loss of one) and uses the VPC's internet
//! gateway.

use crate::eval::ctx::{Arrival, Ctx, Dest, Egress, Outcome, Trail, Walk};
use crate::eval::facts::{Fact, HopKind, Id, Note, Stop, Verdict, Via};
use crate::model::{AvailabilityMode, NatConnectivity};

use super::{blackhole, block_public_access, interface_endpoint, internet_gateway, local, zonal};

/// The NAT gateway `id` that a route targets; `place` is where the compiled table saw it in the
/// scenario's list (a hint, checked against the id; `NO_PLACE` for none).
pub(crate) fn follow(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    id: &str,
    place: u32,
    walk: &mut Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    let Some(ni) = find(model, id, place) else {
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

/// NAT gateway `id`'s index in the model: the hinted `place` when the gateway there has that id
/// (ids are unique, so it is the one the model's map gives), else the map's answer.
fn find(model: &crate::model::Model, id: &str, place: u32) -> Option<usize> {
    let place = place as usize;
    match model.ids.nat_gateways.get(place) {
        Some(kept) if kept.as_str() == id => Some(place),
        _ => model.nat_lookup.get(id).copied(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NO_PLACE, Target};

    /// Every route to a NAT gateway in every shipped scenario: the compiled table's place, when
    /// it keeps one (every route that wins a service's ranges), is the gateway the model's map
    /// finds; a wrong, missing or out-of-range place finds it too (by the map), and an id the
    /// model lacks is none whatever the place.
    #[test]
    fn a_place_hint_finds_what_the_map_finds_and_a_wrong_one_costs_only_the_lookup() {
        let mut routes = 0;
        for (_, model) in crate::model::shipped_scenarios() {
            let nats = model.scenario().nat_gateways.len() as u32;
            for t in 0..model.scenario().route_tables.len() {
                let table = model.compiled_table(t);
                assert_eq!(table.places.len(), table.routes.len());
                // Every route that wins a service's ranges for a NAT gateway has its place.
                let winners = table
                    .services
                    .iter()
                    .flatten()
                    .filter_map(|g| g.choice.winner);
                for w in winners.map(|w| w as usize) {
                    if let Target::NatGateway(id) = &table.routes[w].target {
                        let mapped = model.nat_lookup.get(id.as_str()).map(|&m| m as u32);
                        assert_eq!(Some(table.places[w]), mapped, "{id}");
                    }
                }
                for (r, &place) in table.routes.iter().zip(table.places.iter()) {
                    let Target::NatGateway(id) = &r.target else {
                        assert_eq!(place, NO_PLACE);
                        continue;
                    };
                    let mapped = model.nat_lookup.get(id.as_str()).copied();
                    // Kept for the routes that win a service's ranges, and right.
                    if place != NO_PLACE {
                        routes += 1;
                        assert_eq!(mapped.map(|m| m as u32), Some(place), "{id}");
                    }
                    assert_eq!(find(&model, id, place), mapped, "{id}");
                    for wrong in (0..nats).chain([nats, NO_PLACE]) {
                        assert_eq!(find(&model, id, wrong), mapped, "{id} at {wrong}");
                    }
                    assert_eq!(find(&model, "nat-not-in-the-model", place), None);
                }
            }
        }
        assert!(
            routes > 0,
            "the shipped scenarios route services to NAT gateways"
        );
    }
}
