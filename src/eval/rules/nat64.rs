//! NAT64 at a NAT gateway: traffic for `64:ff9b::/96` routed to a NAT gateway is translated to
//! the IPv4 address in its last 32 bits and leaves from the NAT gateway's IPv4 address, on by
//! the NAT gateway's subnet's route table ("NAT gateways support … NAT64 … the NAT gateway
//! translates the IPv6 address to IPv4", and a public NAT gateway's subnet needs a route to an
//! internet gateway: <https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html>).
//! Only `64:ff9b::/96` is translated; what AWS does with other IPv6 a route sends to a NAT
//! gateway was not found on its pages: not modelled.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::eval::facts::{Id, Nat64Why, Route, V6Fact};
use crate::model::{Model, NatConnectivity, Target, route_select};

/// After translation: out by the NAT gateway's subnet's table, or why not.
pub(crate) enum Outcome {
    Out(V6Fact),
    Failed(Nat64Why),
    /// The IPv4 route there goes somewhere NAT64 is not modelled through.
    NotModelled,
}

pub(crate) fn follow(model: &Model, failed: &[bool], nat: usize, ipv4: Ipv4Addr) -> Outcome {
    let s = model.scenario();
    let n = &s.nat_gateways[nat];
    let Some(subnet) = n.subnet.as_deref().and_then(|sn| model.subnet_index(sn)) else {
        return Outcome::Failed(Nat64Why::Regional);
    };
    if failed
        .get(model.subnet_az[subnet])
        .copied()
        .unwrap_or(false)
    {
        return Outcome::Failed(Nat64Why::AzFailed);
    }
    if n.connectivity == NatConnectivity::Private {
        return Outcome::Failed(Nat64Why::Private);
    }
    let (table, _) = model.subnet_route_table(subnet);
    let compiled = model.compiled_table(table);
    let choice = route_select::choose(compiled, Ipv4Net::from(ipv4));
    let Some(w) = choice.winner else {
        return Outcome::Failed(Nat64Why::NoIpv4Route);
    };
    let route = &compiled.routes[w as usize];
    match &route.target {
        Target::InternetGateway(id) if s.internet_gateway.as_ref().is_some_and(|g| g.id == *id) => {
        }
        Target::GatewayEndpoint(_) => {}
        Target::InternetGateway(_) | Target::Blackhole | Target::Local => {
            return Outcome::Failed(Nat64Why::NoIpv4Route);
        }
        _ => return Outcome::NotModelled,
    }
    Outcome::Out(V6Fact::Nat64 {
        ipv4,
        subnet: Some(Id::from(s.subnets[subnet].id.as_str())),
        table: Some(Id::from(s.route_tables[table].id.as_str())),
        route: Some(Route {
            destination: crate::model::destination_text(&route.destination),
            target: crate::model::route_select::target_text(&route.target),
        }),
    })
}
