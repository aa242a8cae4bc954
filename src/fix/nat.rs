//! `nat_az_failed`: the route goes to a NAT gateway in a healthy AZ (`routes.rs` retargets to an
//! existing one); without one, a new NAT gateway (placeholder id) in a healthy AZ's public
//! subnet, and the route to it: two edits that only make sense together.

use super::context::Context;
use super::routes::{stop_route, usable_nats};
use super::{Candidates, PLACEHOLDER_MARK};
use crate::model::{Edit, NatGateway, Route, Target};

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    if !usable_nats(ctx).is_empty() {
        return;
    }
    let s = ctx.model.scenario();
    let Some(igw) = &s.internet_gateway else {
        return;
    };
    let igw = Target::InternetGateway(igw.id.as_str().into());
    // A subnet is public when its table sends the default route to the internet gateway.
    let public = |subnet: &str| {
        ctx.model.subnet_index(subnet).is_some_and(|i| {
            let (t, _) = ctx.model.subnet_route_table(i);
            s.route_tables[t]
                .routes
                .iter()
                .any(|r| r.target == igw && r.destination == super::context::default_route())
        })
    };
    for stop in &ctx.stops {
        let Some((table, route)) = stop_route(stop) else {
            continue;
        };
        let Some(dest) = super::context::destination(&route.destination) else {
            continue;
        };
        for az in (0..ctx.failed.len()).filter(|&a| !ctx.failed[a]) {
            // Only a public subnet gives the new NAT gateway a way out.
            let Some(subnet) = s
                .subnets
                .iter()
                .find(|x| ctx.model.az_index(&x.az) == Some(az) && public(&x.id))
            else {
                continue;
            };
            let id = format!("nat{PLACEHOLDER_MARK}{}", ctx.model.az_name(az));
            out.two(
                Edit::AddNatGateway {
                    nat_gateway: NatGateway {
                        elastic_ip: None,
                        id: id.clone(),
                        name: None,
                        subnet: Some(subnet.id.clone()),
                        connectivity: Default::default(),
                        availability_mode: Default::default(),
                    },
                    position: None,
                },
                Edit::ReplaceRoute {
                    route_table: table.to_string(),
                    route: Route {
                        destination: dest.clone(),
                        target: Target::NatGateway(id.into()),
                    },
                    position: None,
                },
            );
        }
    }
}
