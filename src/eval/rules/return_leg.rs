//! The way back of a path through a GWLB endpoint (aws-semantics.md §5): replies to the address
//! the packet had at the endpoint start at the NAT gateway passed after it (its subnet's table)
//! or at the internet gateway (its edge route table), and must come back through the same
//! endpoint ("Asymmetric routing is not supported", VPC User Guide, gateway route tables). For
//! stateful appliances an asymmetric way back ends the path; for stateless ones it is a note.

use crate::eval::ctx::{Ctx, Trail, Walk, route_fact};
use crate::eval::facts::{Fact, HopKind, Id, Note, Reason, ReturnLeg, Verdict};
use crate::eval::route;
use crate::model::Target;

/// Add the `return` hop of a path that passed a GWLB endpoint; the verdict if the way back
/// breaks the flow.
pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    walk: &Walk<'_>,
    igw: &str,
    hops: &mut Trail,
) -> Option<Verdict> {
    let (gi, address) = walk.gwlb?;
    let model = ctx.model;
    let s = model.scenario();
    let endpoint = &s.gwlb_endpoints[gi].id;
    let stateful = s
        .gateway_load_balancers
        .iter()
        .find(|lb| lb.endpoints.contains(endpoint))
        .is_none_or(|lb| lb.stateful);
    let start = match walk.nat_after_gwlb {
        Some(n) => s.nat_gateways[n]
            .subnet
            .as_deref()
            .and_then(|sub| model.subnet_index(sub))
            .map(|si| {
                (
                    model.subnet_route_table(si).0,
                    s.nat_gateways[n].id.as_str(),
                )
            }),
        None => s
            .route_tables
            .iter()
            .position(|t| t.gateways.iter().any(|g| g == igw))
            .map(|t| (t, igw)),
    };
    let (from, table, route, symmetric) = match start {
        None => (igw, None, None, false),
        Some((t, from)) => {
            let compiled = model.compiled_table(t);
            let choice = route::choose(compiled, address);
            let winner = choice.winner.map(|w| &compiled.routes[w as usize]);
            let symmetric = winner.is_some_and(|r| {
                r.target == Target::GatewayLoadBalancerEndpoint(endpoint.as_str().into())
            });
            (
                from,
                Some(Id::from(s.route_tables[t].id.as_str())),
                winner.map(route_fact),
                symmetric,
            )
        }
    };
    let leg = ReturnLeg {
        endpoint: Id::from(endpoint.as_str()),
        from: Id::from(from),
        to: address,
        table: table.clone(),
        route,
        symmetric,
        stateful,
    };
    let id = table.unwrap_or_else(|| Id::from(igw));
    if symmetric {
        hops.add(HopKind::Return, &id, || None, || Fact::Return(leg));
        None
    } else if stateful {
        hops.add(HopKind::Return, &id, || None, || Fact::Return(leg));
        Some(Verdict::Blocked(Reason::AsymmetricReturn))
    } else {
        let endpoint = leg.endpoint.clone();
        hops.add(HopKind::Return, &id, || None, || Fact::Return(leg));
        ctx.note(|| Note::AsymmetricReturnStateless { endpoint });
        None
    }
}
