//! The way back of a path through a GWLB endpoint (aws-semantics.md §5): replies to the address
//! the packet had at the endpoint start at the NAT gateway passed after it (its subnet's table),
//! at the internet gateway (its edge route table), at a gateway endpoint (straight to the source)
//! or at an interface endpoint's ENI (its subnet's table), and must come back through the same
//! endpoint ("Asymmetric routing is not supported", VPC User Guide, gateway route tables). For
//! stateful appliances an asymmetric way back ends the path; for stateless ones it is a note.

use crate::eval::ctx::{Ctx, Trail, Walk, route_fact};
use crate::eval::facts::{Fact, HopKind, Id, Note, Reason, ReturnLeg, ReturnStart, Verdict};
use crate::eval::route;
use crate::model::Target;

/// Where the replies start, as the rule that reached the end knows it.
pub(crate) enum From<'a> {
    InternetGateway(&'a str),
    GatewayEndpoint(&'a str),
    /// An interface endpoint and the ENI address the request reached.
    EndpointEni(usize, std::net::Ipv4Addr),
}

/// Add the `return` hop of a path that passed a GWLB endpoint; the verdict if the way back
/// breaks the flow. Replies go first to a NAT gateway passed after the endpoint, if any (it
/// translated the source): they leave it by its subnet's table. Otherwise they start where
/// the request ended: the internet gateway's edge route table, a gateway endpoint (which
/// delivers replies straight to the source by the local route: no table can send them back
/// through the appliances), or an interface endpoint's ENI (its subnet's table).
///
/// Inlined: a path that passed no GWLB endpoint (almost every path) tests one field here
/// instead of calling out of line.
#[inline]
pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    walk: &Walk<'_>,
    end: From<'_>,
    hops: &mut Trail,
) -> Option<Verdict> {
    let (gi, address) = walk.gwlb?;
    after_gwlb(ctx, walk, end, hops, gi, address)
}

/// [`check`] for a path that passed GWLB endpoint `gi`, the packet at `address` there.
#[inline(never)]
fn after_gwlb(
    ctx: &mut Ctx<'_>,
    walk: &Walk<'_>,
    end: From<'_>,
    hops: &mut Trail,
    gi: usize,
    address: ipnet::Ipv4Net,
) -> Option<Verdict> {
    let model = ctx.model;
    let s = model.scenario();
    let endpoint = &s.gwlb_endpoints[gi].id;
    let stateful = s
        .gateway_load_balancers
        .iter()
        .find(|lb| lb.endpoints.contains(endpoint))
        .is_none_or(|lb| lb.stateful);
    let subnet_table = |subnet: Option<&str>| {
        subnet
            .and_then(|sub| model.subnet_index(sub))
            .map(|si| ctx.subnet_table(si).0)
    };
    let (start, from, table): (ReturnStart, &str, Option<usize>) = match (walk.nat_after_gwlb, end)
    {
        (Some(n), _) => (
            ReturnStart::NatGateway,
            s.nat_gateways[n].id.as_str(),
            subnet_table(s.nat_gateways[n].subnet.as_deref()),
        ),
        (None, From::InternetGateway(igw)) => (
            ReturnStart::InternetGateway,
            igw,
            s.route_tables
                .iter()
                .position(|t| t.gateways.iter().any(|g| g == igw)),
        ),
        (None, From::GatewayEndpoint(id)) => (ReturnStart::GatewayEndpoint, id, None),
        (None, From::EndpointEni(e, ip)) => {
            let eni = model.endpoint_enis(e).iter().find(|x| x.ip == ip);
            (
                ReturnStart::InterfaceEndpoint,
                s.interface_endpoints[e].id.as_str(),
                eni.map(|x| ctx.subnet_table(x.subnet).0),
            )
        }
    };
    let (table, route, symmetric) = match table {
        None => (None, None, false),
        Some(t) => {
            let compiled = ctx.table(t);
            let choice = route::choose(compiled, address);
            let winner = choice.winner.map(|w| w as usize);
            let symmetric = winner.is_some_and(|w| {
                compiled.routes[w].target
                    == Target::GatewayLoadBalancerEndpoint(endpoint.as_str().into())
            });
            (
                Some(Id::from(s.route_tables[t].id.as_str())),
                winner.map(|w| route_fact(&compiled.routes[w], &compiled.written[w])),
                symmetric,
            )
        }
    };
    let leg = ReturnLeg {
        endpoint: Id::from(endpoint.as_str()),
        from: Id::from(from),
        start,
        to: address,
        table: table.clone(),
        route,
        symmetric,
        stateful,
    };
    let id = table.unwrap_or_else(|| Id::from(from));
    if symmetric {
        hops.add(HopKind::Return, &id, || None, || Fact::return_leg(leg));
        None
    } else if stateful {
        hops.add(HopKind::Return, &id, || None, || Fact::return_leg(leg));
        Some(Verdict::Blocked(Reason::AsymmetricReturn))
    } else {
        let endpoint = leg.endpoint.clone();
        hops.add(HopKind::Return, &id, || None, || Fact::return_leg(leg));
        ctx.note(|| Note::AsymmetricReturnStateless { endpoint });
        None
    }
}
