//! NAT64 at a NAT gateway: traffic for `64:ff9b::/96` routed to a NAT gateway is translated to
//! the IPv4 address in its last 32 bits and leaves from the NAT gateway's IPv4 address, on by
//! the NAT gateway's subnet's route table ("NAT gateways support … NAT64 … the NAT gateway
//! translates the IPv6 address to IPv4", and a public NAT gateway's subnet needs a route to an
//! internet gateway: <https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html>).
//! Only `64:ff9b::/96` is translated; what AWS does with other IPv6 a route sends to a NAT
//! gateway was not found on its pages: not modelled. The translated traffic meets the internet
//! gateway from the NAT gateway, so VPC Block Public Access decides on the NAT gateway's subnet
//! as for IPv4 ("NAT gateway: All inbound and outbound traffic is blocked. NAT gateways require
//! an internet gateway for internet connectivity",
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa-basics.html>).

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::block_public_access::{self, Meets, Verdict6};
use crate::eval::facts::{BpaCheck, Id, Nat64Why, Note, Route, V6Fact};
use crate::model::{Model, NatConnectivity, Target, route_select};

/// After translation: out by the NAT gateway's subnet's table, or why not.
pub(crate) enum Outcome {
    /// Out, with how Block Public Access let it through (when it is on and the route is the
    /// internet gateway's), and the internet gateway when the IPv4 route is to it.
    Out(V6Fact, Option<Note>, Option<Id>),
    /// Block Public Access blocks the NAT gateway's traffic at the internet gateway (or what it
    /// does is not modelled); the fact says how the NAT gateway sent it there.
    BlockPublicAccess(V6Fact, BpaCheck),
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
    let mut igw = None;
    match &route.target {
        Target::InternetGateway(id) if s.internet_gateway.as_ref().is_some_and(|g| g.id == *id) => {
            igw = Some(id);
        }
        Target::GatewayEndpoint(_) => {}
        Target::InternetGateway(_) | Target::Blackhole | Target::Local => {
            return Outcome::Failed(Nat64Why::NoIpv4Route);
        }
        _ => return Outcome::NotModelled,
    }
    let fact = V6Fact::Nat64 {
        ipv4,
        subnet: Some(Id::from(s.subnets[subnet].id.as_str())),
        table: Some(Id::from(s.route_tables[table].id.as_str())),
        route: Some(Route {
            destination: crate::model::destination_text(&route.destination),
            target: crate::model::route_select::target_text(&route.target),
        }),
    };
    let Some(igw) = igw else {
        return Outcome::Out(fact, None, None);
    };
    let meets = Meets::InternetGateway { nat: Some(nat) };
    let gateway = Some(Id::from(igw.as_str()));
    match block_public_access::check_ipv6(model, igw, subnet, meets) {
        Verdict6::Off => Outcome::Out(fact, None, gateway),
        Verdict6::Allowed(note) => Outcome::Out(fact, Some(note), gateway),
        Verdict6::Stop(check) => Outcome::BlockPublicAccess(fact, check),
    }
}
