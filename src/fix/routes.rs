//! `no_route`, `blackhole_route`, `no_internet_gateway` and a route whose target is down: a
//! gateway endpoint on the source's table (an existing one, or a new one with a placeholder id),
//! a route to an existing NAT gateway, another target for the route that stopped the path, or
//! associating the subnet with a table that has a way out.

use super::context::{Context, default_route, destination};
use super::{Candidates, PLACEHOLDER_MARK};
use crate::eval::Stop;
use crate::model::{
    AvailabilityMode, Destination, Edit, GatewayEndpoint, NatConnectivity, Route, Target,
};

/// Tables tried for a new association, at most.
const MAX_TABLES: usize = 16;

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    gateway_endpoints(ctx, out);
    nat_routes(ctx, out);
    internet_gateway_route(ctx, out);
    retarget_stopped_routes(ctx, out);
    associations(ctx, out);
}

/// S3 and DynamoDB: the free way. An endpoint for the service that the source's table lacks is
/// attached to it; without one, a new endpoint is created for that table.
pub(crate) fn gateway_endpoints(ctx: &Context<'_>, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let table = ctx.table_id();
    for service in &ctx.services {
        let Some(svc) = ctx.model.service(service) else {
            continue;
        };
        if !svc.gateway_endpoint {
            continue;
        }
        let existing: Vec<&GatewayEndpoint> = s
            .gateway_endpoints
            .iter()
            .filter(|g| &g.service == service)
            .collect();
        for g in &existing {
            if !g.route_tables.iter().any(|t| t == table) {
                out.one(Edit::AttachGatewayEndpoint {
                    endpoint: g.id.clone(),
                    route_table: table.to_string(),
                    position: None,
                });
            }
        }
        if existing.is_empty() {
            out.one(Edit::AddGatewayEndpoint {
                endpoint: GatewayEndpoint {
                    policy: None,
                    id: format!("vpce{PLACEHOLDER_MARK}{service}"),
                    service: service.clone(),
                    route_tables: vec![table.to_string()],
                },
                position: None,
            });
        }
    }
}

/// The NAT gateways a route could use now: public ones whose AZ is up (or regional).
pub(crate) fn usable_nats(ctx: &Context<'_>) -> Vec<String> {
    let s = ctx.model.scenario();
    s.nat_gateways
        .iter()
        .filter(|n| n.connectivity == NatConnectivity::Public)
        .filter(|n| match n.availability_mode {
            AvailabilityMode::Regional => true,
            AvailabilityMode::Zonal => n
                .subnet
                .as_deref()
                .and_then(|sub| ctx.subnet_az(sub))
                .is_some_and(|az| !ctx.failed[az]),
        })
        .map(|n| n.id.clone())
        .collect()
}

/// `0.0.0.0/0 → nat-…` on `table`: added, or replacing the default route there.
pub(crate) fn default_route_to(ctx: &Context<'_>, table: &str, target: Target) -> Edit {
    let route = Route {
        destination: default_route(),
        target,
    };
    if ctx.has_route(table, &route.destination) {
        Edit::ReplaceRoute {
            route_table: table.to_string(),
            route,
            position: None,
        }
    } else {
        Edit::AddRoute {
            route_table: table.to_string(),
            route,
            position: None,
        }
    }
}

fn routes_to(ctx: &Context<'_>, table: &str, d: &Destination, target: &Target) -> bool {
    ctx.model
        .scenario()
        .route_tables
        .iter()
        .find(|t| t.id == table)
        .is_some_and(|t| {
            t.routes
                .iter()
                .any(|r| &r.destination == d && &r.target == target)
        })
}

fn nat_routes(ctx: &Context<'_>, out: &mut Candidates) {
    let table = ctx.table_id().to_string();
    for nat in usable_nats(ctx) {
        let target = Target::NatGateway(nat.as_str().into());
        if !routes_to(ctx, &table, &default_route(), &target) {
            out.one(default_route_to(ctx, &table, target));
        }
    }
}

/// A source with a public IPv4 address in a table without a way to the internet gateway.
fn internet_gateway_route(ctx: &Context<'_>, out: &mut Candidates) {
    let Some(igw) = &ctx.model.scenario().internet_gateway else {
        return;
    };
    let target = Target::InternetGateway(igw.id.as_str().into());
    let table = ctx.table_id().to_string();
    if ctx.public_ip && !routes_to(ctx, &table, &default_route(), &target) {
        out.one(default_route_to(ctx, &table, target));
    }
}

/// The table and route a stop names, if it names one.
pub(crate) fn stop_route(stop: &Stop) -> Option<(&str, &crate::eval::Route)> {
    match stop {
        Stop::Blackhole { table, route }
        | Stop::TargetMissing { table, route }
        | Stop::TargetWithoutSubnet { table, route }
        | Stop::NatAzFailed { table, route, .. }
        | Stop::RegionalNatAllAzsFailed { table, route, .. }
        | Stop::GwlbEndpointAzFailed { table, route, .. }
        | Stop::AppliancesDown { table, route, .. }
        | Stop::NoHealthyAppliance { table, route, .. }
        | Stop::ApplianceAzFailed { table, route, .. }
        | Stop::PrivateNatAtInternetGateway { table, route }
        | Stop::RoutingLoop { table, route, .. } => Some((table.as_str(), route)),
        _ => None,
    }
}

/// The route that stopped the path gets a target that works: a NAT gateway whose AZ is up, an
/// appliance or GWLB endpoint in a healthy AZ; a blackhole may also simply go. A table without
/// any route for the destination (the NAT gateway's own subnet, say) gets one to the internet
/// gateway.
fn retarget_stopped_routes(ctx: &Context<'_>, out: &mut Candidates) {
    let s = ctx.model.scenario();
    for stop in &ctx.stops {
        if let Stop::NoRoute { table, .. } = stop
            && table.as_str() != ctx.table_id()
            && let Some(igw) = &s.internet_gateway
        {
            out.one(default_route_to(
                ctx,
                table,
                Target::InternetGateway(igw.id.as_str().into()),
            ));
        }
        let Some((table, route)) = stop_route(stop) else {
            continue;
        };
        let Some(dest) = destination(&route.destination) else {
            continue;
        };
        let mut targets: Vec<Target> = usable_nats(ctx)
            .into_iter()
            .map(|n| Target::NatGateway(n.into()))
            .collect();
        let current = s
            .route_tables
            .iter()
            .find(|t| t.id == table)
            .and_then(|t| t.routes.iter().find(|r| r.destination == dest))
            .map(|r| r.target.clone());
        match &current {
            Some(Target::NetworkInterface(_)) => {
                for eni in &s.network_interfaces {
                    if ctx.subnet_az(&eni.subnet).is_some_and(|az| !ctx.failed[az]) {
                        targets.push(Target::NetworkInterface(eni.id.as_str().into()));
                    }
                }
            }
            Some(Target::GatewayLoadBalancerEndpoint(_)) => {
                for g in &s.gwlb_endpoints {
                    if g.appliances_up && ctx.subnet_az(&g.subnet).is_some_and(|az| !ctx.failed[az])
                    {
                        targets.push(Target::GatewayLoadBalancerEndpoint(g.id.as_str().into()));
                    }
                }
            }
            Some(Target::Blackhole) | None => {}
            Some(_) => {}
        }
        for target in targets {
            if current.as_ref() == Some(&target) {
                continue;
            }
            out.one(Edit::ReplaceRoute {
                route_table: table.to_string(),
                route: Route {
                    destination: dest.clone(),
                    target,
                },
                position: None,
            });
        }
        if matches!(
            stop,
            Stop::Blackhole { .. } | Stop::TargetMissing { .. } | Stop::TargetWithoutSubnet { .. }
        ) && current.is_some()
        {
            out.one(Edit::DeleteRoute {
                route_table: table.to_string(),
                destination: dest,
            });
        }
    }
}

/// Another table for the source's subnet: one with a way to the services (a gateway endpoint or
/// a default route), or the main table when the subnet has an explicit association.
fn associations(ctx: &Context<'_>, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let subnet = &s.subnets[ctx.subnet].id;
    let explicit = s.route_tables[ctx.table]
        .subnets
        .iter()
        .any(|x| x == subnet);
    let useful = |t: &crate::model::RouteTable| {
        t.routes.iter().any(|r| r.destination == default_route())
            || s.gateway_endpoints.iter().any(|g| {
                ctx.services.contains(&g.service) && g.route_tables.iter().any(|x| x == &t.id)
            })
    };
    let mut n = 0;
    for (i, t) in s.route_tables.iter().enumerate() {
        if i == ctx.table || !useful(t) || n >= MAX_TABLES {
            continue;
        }
        n += 1;
        if t.main && explicit {
            out.one(Edit::AssociateSubnet {
                subnet: subnet.clone(),
                route_table: None,
                position: None,
            });
        } else {
            out.one(Edit::AssociateSubnet {
                subnet: subnet.clone(),
                route_table: Some(t.id.clone()),
                position: None,
            });
        }
    }
}
