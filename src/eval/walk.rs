//! The walk (aws-semantics.md §1): route the destination pieces in a table, group the pieces
//! the same route wins, and hand each group to the rule of the winning route's target
//! (`rules/`). A forwarder's outcome routes again by its own subnet's table; everything else
//! ends a leaf. Routing loops are caught by revisiting a (table, target) pair.

use ipnet::Ipv4Net;
use smallvec::SmallVec;

use crate::model::Target;

use super::ctx::{Arrival, Ctx, Dest, Egress, Leaf, Leaves, Outcome, Pieces, Trail, Walk};
use super::facts::*;
use super::layers;
use super::route::{self, Choice, Group};
use super::rules::{
    blackhole, gateway_endpoint, gwlb, interface_endpoint, internet_gateway, leaves_vpc, local,
    nat_gateway, network_interface,
};

/// Route one destination from the source subnet's own table. `service` names the service whose
/// whole list of ranges `cidrs` is, if it is one: the table then has their route choices ready.
pub(crate) fn route_source(
    ctx: &mut Ctx<'_>,
    source: &super::ctx::Source,
    cidrs: &[Ipv4Net],
    service: Option<usize>,
    dest: Dest,
    prefix: Trail,
    leaves: &mut Leaves,
) {
    let model = ctx.model;
    if cidrs.is_empty() {
        // Nothing to route: the path ends where it is, as no route would end it.
        leaves.push(Leaf {
            cidrs: Pieces::new(),
            eni: Default::default(),
            hops: prefix,
            verdict: Verdict::Blocked(Reason::NoRoute),
        });
        return;
    }
    let (table, assoc) = ctx.subnet_table(source.subnet);
    let association = || {
        let subnet = model.ids.subnets[source.subnet].clone();
        match assoc {
            crate::model::Association::Explicit => Association::Explicit { subnet },
            crate::model::Association::ImplicitMain => Association::Main { subnet },
        }
    };
    let mut walk = Walk {
        source_az: ctx.az_of_subnet(source.subnet),
        public_ip: source.public_ip,
        private_nat: false,
        via_nat: false,
        public_address: None,
        visited: smallvec::SmallVec::new(),
        address: source.address,
        gwlb: None,
        nat_after_gwlb: None,
        subnet: source.subnet,
        left_source: false,
        translated: false,
        service: None,
        egress: Egress {
            subnet: Some(source.subnet),
            nat: None,
        },
        passed_gwlb: false,
    };
    let association = if ctx.facts { Some(association()) } else { None };
    // The walk's hops follow the path's first ones (source, DNS): every leaf has the whole path.
    let mut trail = prefix;
    // The source's security groups decide before any route table (aws-semantics.md §5b).
    let allowed;
    let mut service = service;
    let cidrs = if model.security().groups_on {
        let gate = layers::egress(ctx, dest, Pieces::from_slice(cidrs));
        for (refused, passed, outcome) in gate.blocked {
            let mut h = trail.clone();
            add_passed(&mut h, passed);
            finish(ctx, &refused, dest, h, outcome, leaves);
        }
        if gate.pass.is_empty() {
            return;
        }
        add_passed(&mut trail, gate.hops);
        if gate.pass[..] != cidrs[..] {
            service = None;
        }
        allowed = gate.pass;
        &allowed[..]
    } else {
        cidrs
    };
    walk.service = service;
    route_from(
        ctx,
        table,
        association,
        cidrs,
        dest,
        &mut walk,
        trail,
        leaves,
    );
}

/// Route `cidrs` in `table` and follow each winning route's target with the pieces it won.
/// A more specific route inside a range splits it; pieces that the same route wins travel
/// together, so a service's six ranges through one endpoint are one walk, not six. The walk
/// state is borrowed, not moved: it is some 240 bytes, and only a second group copies it.
#[allow(clippy::too_many_arguments)]
fn route_from<'m>(
    ctx: &mut Ctx<'m>,
    table: usize,
    association: Option<Association>,
    cidrs: &[Ipv4Net],
    dest: Dest,
    walk: &mut Walk<'m>,
    prefix: Trail,
    leaves: &mut Leaves,
) {
    let model = ctx.model;
    let compiled = ctx.table(table);
    let table_id: &str = &model.scenario().route_tables[table].id;
    // A service's ranges: the compiled table has their groups and decisions ready.
    // (Only while they are the service's whole list: a split or a layer may have taken some.)
    // The first table gets the service's own list (one pointer test); a forwarder's, a copy.
    let ready = walk
        .service
        .filter(|&s| {
            let own = &model.services()[s].cidrs[..];
            std::ptr::eq(cidrs, own) || cidrs == own
        })
        .and_then(|s| compiled.services.get(s));
    // An endpoint's ENIs: the table keeps the group of all of them, decisions made once.
    let kept = match (ready, dest) {
        (None, Dest::Eni { endpoint }) => {
            let all = || {
                let enis = model.endpoint_enis(endpoint).iter();
                enis.filter_map(|e| e.ipv4().map(Ipv4Net::from)).collect()
            };
            route::kept_endpoint_group(compiled, endpoint, all, cidrs)
        }
        _ => None,
    };
    let owned: SmallVec<[Group; 2]>;
    let groups: &[Group] = match (ready, kept) {
        (Some(ready), _) => ready,
        (None, Some(kept)) => std::slice::from_ref(kept),
        (None, None) => {
            // Some of an endpoint's ENIs: their group made from the kept one.
            let sub = match dest {
                Dest::Eni { endpoint } => {
                    route::kept_endpoint_subgroup(compiled, endpoint, cidrs, ctx.facts)
                }
                Dest::Range => None,
            };
            owned = match sub.or_else(|| route::kept_group(compiled, cidrs, ctx.facts)) {
                // Every piece in subnets the table has one choice for (an endpoint's ENIs).
                Some(group) => smallvec::smallvec![group],
                None => {
                    let mut split: SmallVec<[(Ipv4Net, Choice); 8]> = SmallVec::new();
                    for &cidr in cidrs {
                        route::split_into_with(compiled, cidr, ctx.detail, ctx.facts, &mut split);
                    }
                    route::groups(compiled, &split, ctx.facts)
                }
            };
            &owned
        }
    };
    // The last group (usually the only one) takes the trail, the walk and the association;
    // the others copy them.
    let Some((last, others)) = groups.split_last() else {
        return;
    };
    let mut go =
        |group: &Group, hops: Trail, walk: &mut Walk<'m>, association: Option<Association>| {
            let mut hops = hops;
            let choice = &group.choice;
            // The group's pieces are borrowed down the walk: a leaf copies those it ends with
            // (a forwarder's table routes them again without a copy).
            let pieces = &group.pieces[..];
            if ctx.facts {
                notes_for_choice(ctx, table_id, compiled, choice, pieces);
            }
            hops.add_id(
                HopKind::RouteTable,
                &model.ids.tables[table],
                || None,
                || Fact::RouteTable {
                    association: association.unwrap_or_else(|| Association::Main {
                        subnet: Id::default(),
                    }),
                    decisions: group.decisions.clone().unwrap_or_default(),
                },
            );
            follow(
                ctx, table, table_id, pieces, choice, dest, walk, hops, leaves,
            );
        };
    for group in others {
        go(
            group,
            prefix.clone(),
            &mut walk.clone(),
            association.clone(),
        );
    }
    go(last, prefix, walk, association);
}

fn notes_for_choice(
    ctx: &mut Ctx<'_>,
    table_id: &str,
    compiled: &crate::model::CompiledTable,
    choice: &Choice,
    pieces: &[Ipv4Net],
) {
    if choice.arbitrary() {
        let cidr = choice.matches.last().map(|&(c, _)| c).unwrap_or(pieces[0]);
        ctx.note(|| Note::ArbitraryPrefixListChoice {
            table: Id::from(table_id),
            cidr,
        });
    }
    for (_, r) in &choice.matches {
        let route = &compiled.routes[*r as usize];
        if !route.ignored.is_empty() {
            ctx.note(|| {
                Note::IgnoredPrefixListEntries(Box::new(IgnoredPrefixListEntriesNote {
                    table: Id::from(table_id),
                    prefix_list: route::destination_text(&route.destination),
                }))
            });
        }
    }
}

/// The pieces a route won reach its target: the target's rule decides what happens.
#[allow(clippy::too_many_arguments)]
fn follow<'m>(
    ctx: &mut Ctx<'m>,
    table: usize,
    table_id: &'m str,
    pieces: &[Ipv4Net],
    choice: &Choice,
    dest: Dest,
    walk: &mut Walk<'m>,
    mut hops: Trail,
    leaves: &mut Leaves,
) {
    let model = ctx.model;
    let Some(w) = choice.winner else {
        let outcome = no_route(ctx, table, pieces[0], dest, walk);
        finish(ctx, pieces, dest, hops, outcome, leaves);
        return;
    };
    let compiled = model.compiled_table(table);
    let (route, written) = (&compiled.routes[w as usize], &compiled.written[w as usize]);
    // Where the route's target was reached, made where it is needed (no stop here usually
    // needs it; the rule gets its own after the layers).
    macro_rules! arrival {
        ($pieces:expr) => {
            Arrival {
                table_id,
                route,
                written,
                pieces: $pieces,
                dest,
            }
        };
    }
    let target = ctx.target(&route.target);
    // A loop is a (table, target) pair passed again: the same table sends the same pieces the
    // same way, forever. A chain of distinct forwarders, however long, is no loop.
    if target
        .id()
        .is_some_and(|id| walk.visited.iter().any(|(t, x)| *t == table && *x == id))
    {
        let at = arrival!(pieces);
        let outcome = Outcome::at_table(
            &at,
            Stop::RoutingLoop {
                table: at.table(),
                route: at.route(),
                cidr: pieces[0],
            },
        );
        finish(ctx, pieces, dest, hops, outcome, leaves);
        return;
    }
    // Every step passes a new (table, target) pair, so a walk ends within as many steps as the
    // model has routes; the bound only guards that reasoning.
    if walk.visited.len() > 16 && walk.visited.len() > ctx.route_count() {
        let at = arrival!(pieces);
        let outcome = Outcome::at_table(
            &at,
            Stop::WalkLimit {
                table: at.table(),
                steps: walk.visited.len(),
            },
        );
        finish(ctx, pieces, dest, hops, outcome, leaves);
        return;
    }
    if let Some(id) = target.id() {
        walk.visited.push((table, id));
    }
    // Security groups, network ACLs, source/destination check (aws-semantics.md §5b): pieces
    // refused stop here, the others reach the target.
    let passed;
    let pieces = if layers::on(ctx) {
        let gate = layers::gate(ctx, target, dest, walk, Pieces::from_slice(pieces));
        for (refused, passed, outcome) in gate.blocked {
            let mut h = hops.clone();
            add_passed(&mut h, passed);
            finish(ctx, &refused, dest, h, outcome, leaves);
        }
        if gate.pass.is_empty() {
            return;
        }
        add_passed(&mut hops, gate.hops);
        walk.left_source = true;
        passed = gate.pass;
        &passed[..]
    } else {
        pieces
    };
    let at = arrival!(pieces);
    let outcome = match target {
        Target::Local => match dest {
            Dest::Eni { endpoint } => {
                interface_endpoint::reach(ctx, &at, endpoint, walk, &mut hops)
            }
            Dest::Range if ctx.aim.address => local::deliver(ctx, &at, &hops),
            Dest::Range => local::service_range(&at, ctx),
        },
        Target::GatewayEndpoint(id) => gateway_endpoint::follow(ctx, &at, id, walk, &mut hops),
        Target::InternetGateway(id) => internet_gateway::follow(ctx, &at, id, walk, &mut hops),
        Target::NatGateway(id) => {
            let place = compiled.places.get(w as usize).copied();
            let place = place.unwrap_or(crate::model::NO_PLACE);
            nat_gateway::follow(ctx, &at, id, place, walk, &mut hops)
        }
        Target::GatewayLoadBalancerEndpoint(id) => gwlb::follow(ctx, &at, id, walk, &mut hops),
        Target::NetworkInterface(id) => network_interface::follow(ctx, &at, id, walk, &mut hops),
        Target::Blackhole => blackhole::explicit(&at),
        // IPv6 only: validation refuses it in an IPv4 route (super::ipv6 walks IPv6 routes).
        Target::EgressOnlyInternetGateway(_) => blackhole::missing_target(&at),
        Target::VpcPeering(id) | Target::TransitGateway(id) | Target::VirtualPrivateGateway(id) => {
            leaves_vpc::follow(&at, id)
        }
    };
    if let Outcome::Forward {
        table,
        subnet,
        association,
    } = outcome
    {
        walk.subnet = subnet;
        let association = ctx.facts.then_some(association);
        route_from(ctx, table, association, pieces, dest, walk, hops, leaves);
    } else {
        finish(ctx, pieces, dest, hops, outcome, leaves);
    }
}

/// Hops the layers let a piece pass, each moving the id its gate made into the hop (not made
/// again from its text and the gate's dropped).
fn add_passed(hops: &mut Trail, passed: layers::Passes) {
    for (kind, id, fact) in passed {
        hops.push_id(
            kind,
            id,
            || None,
            || fact.map_or(Fact::InternetGateway, layers::LayerFact::fact),
        );
    }
}

/// No route matches: the reason, and the table's first routes for the sentence.
fn no_route(ctx: &Ctx<'_>, table: usize, piece: Ipv4Net, dest: Dest, walk: &Walk<'_>) -> Outcome {
    let model = ctx.model;
    // One rule (README, reasons): after a public NAT gateway, a table without a route means the
    // NAT gateway's subnet has no way to an internet gateway, whether or not the VPC has one.
    let no_internet_gateway = walk.via_nat && walk.public_ip;
    let compiled = model.compiled_table(table);
    let all = &compiled.routes;
    // A quota-sized table has a thousand routes: name a few (made when the table was
    // compiled), count the rest.
    let routes = match ctx.facts {
        true => compiled.shown.clone(),
        false => Default::default(),
    };
    let id = &model.ids.tables[table];
    Outcome::Stop {
        kind: HopKind::Blocked,
        id: id.clone(),
        az: None,
        stop: Box::new(Stop::NoRoute {
            table: id.clone(),
            dest: ctx.aim.routed(dest, piece),
            routes,
            total: all.len(),
            no_internet_gateway,
            vpc_has_internet_gateway: model.scenario().internet_gateway.is_some(),
        }),
    }
}

/// Turn a rule's outcome into leaves (a leaf keeps a copy of its pieces).
fn finish(
    ctx: &Ctx<'_>,
    pieces: &[Ipv4Net],
    dest: Dest,
    mut hops: Trail,
    outcome: Outcome,
    leaves: &mut Leaves,
) {
    let model = ctx.model;
    let detail = ctx.detail;
    let leaf = |cidrs: &[Ipv4Net], hops: Trail, verdict: Verdict| Leaf {
        eni: match dest {
            Dest::Eni { endpoint } => {
                // The endpoint's list looked up once, not once per piece.
                let all = model.endpoint_enis(endpoint);
                cidrs
                    .iter()
                    .filter_map(|p| {
                        all.iter()
                            .position(|x| x.ip == p.addr())
                            .map(|i| (endpoint, i))
                    })
                    .collect()
            }
            Dest::Range => Default::default(),
        },
        // The matrix groups by path only; traces list the ranges (plain addresses: copied as
        // one slice, not one by one as `clone` would).
        cidrs: if detail {
            Pieces::from_slice(cidrs)
        } else {
            Pieces::new()
        },
        hops,
        verdict,
    };
    match outcome {
        Outcome::Done(verdict) => leaves.push(leaf(pieces, hops, verdict)),
        Outcome::Stop { kind, id, az, stop } => {
            let verdict = match &*stop {
                Stop::LeavesVpc { route, .. } => Verdict::LeavesVpc {
                    target: route.target.clone(),
                },
                s => Verdict::stopped(s.reason().unwrap_or(Reason::NoRoute)),
            };
            hops.add(kind, &id, || az, || Fact::Stop(stop));
            leaves.push(leaf(pieces, hops, verdict));
        }
        Outcome::Each(each) => {
            for (piece, hops, verdict) in each {
                leaves.push(leaf(&[piece], hops, verdict));
            }
        }
        // `follow` routes a forwarded outcome again before it gets here.
        Outcome::Forward { .. } => {}
    }
}
