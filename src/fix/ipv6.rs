//! `no_ipv6_route`: the route an IPv6 path lacks. IPv6 to the internet: `::/0` to each
//! egress-only internet gateway (outbound only), or to the internet gateway (which also lets the
//! internet reach the source's IPv6 address); NAT64's synthesized `64:ff9b::/96` sent to the
//! internet: a `64:ff9b::/96` route to a usable public NAT gateway (DNS64 and NAT64,
//! <https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html>).
//!
//! Where the table already has the route and only its target is wrong (a blackhole, a deleted
//! target, or a written `64:ff9b::/96` route to a gateway), the route's target is replaced
//! instead (`ReplaceIpv6Route`, AWS's `ReplaceRoute` with `DestinationIpv6CidrBlock`): the same
//! targets, for that route's destination.

use ipnet::Ipv6Net;

use super::Candidates;
use super::context::Context;
use super::routes::usable_nats;
use crate::eval::{Stop, V6Stop};
use crate::model::{Edit, Ipv6Route, NAT64_PREFIX, Target};

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let table = ctx.table_id().to_string();
    let add = |destination: Ipv6Net, target: Target| Edit::AddIpv6Route {
        route_table: table.clone(),
        route: Ipv6Route {
            destination,
            target,
        },
        position: None,
    };
    for stop in &ctx.stops {
        let Stop::Ipv6(v6) = stop else {
            continue;
        };
        match &**v6 {
            V6Stop::NoRoute { .. } => {
                for e in &s.egress_only_internet_gateways {
                    out.one(add(
                        Ipv6Net::default(),
                        Target::EgressOnlyInternetGateway(e.id.as_str().into()),
                    ));
                }
                if let Some(igw) = &s.internet_gateway {
                    out.one(add(
                        Ipv6Net::default(),
                        Target::InternetGateway(igw.id.as_str().into()),
                    ));
                }
            }
            // The route that matched is itself inside NAT64's prefix: point it at a NAT gateway.
            V6Stop::Nat64PrefixToInternet { table, route }
                if NAT64_PREFIX.contains(&route.destination) =>
            {
                for nat in usable_nats(ctx) {
                    out.one(replace(
                        table,
                        route.destination,
                        Target::NatGateway(nat.into()),
                    ));
                }
            }
            V6Stop::Nat64PrefixToInternet { .. } => {
                for nat in usable_nats(ctx) {
                    out.one(add(NAT64_PREFIX, Target::NatGateway(nat.as_str().into())));
                }
            }
            V6Stop::Blackhole { table, route } => {
                if NAT64_PREFIX.contains(&route.destination) {
                    for nat in usable_nats(ctx) {
                        out.one(replace(
                            table,
                            route.destination,
                            Target::NatGateway(nat.into()),
                        ));
                    }
                    continue;
                }
                for e in &s.egress_only_internet_gateways {
                    let target = Target::EgressOnlyInternetGateway(e.id.as_str().into());
                    out.one(replace(table, route.destination, target));
                }
                if let Some(igw) = &s.internet_gateway {
                    let target = Target::InternetGateway(igw.id.as_str().into());
                    out.one(replace(table, route.destination, target));
                }
            }
            _ => {}
        }
    }
}

/// Point `table`'s written IPv6 route for `destination` at `target`.
fn replace(table: &str, destination: Ipv6Net, target: Target) -> Edit {
    Edit::ReplaceIpv6Route {
        route_table: table.to_string(),
        route: Ipv6Route {
            destination,
            target,
        },
        position: None,
    }
}
