//! Compiled route tables: every route of a table, derived ones included (the local routes and
//! the gateway endpoints' prefix-list routes, aws-semantics.md §1, §2), and the trie over their
//! CIDRs.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use compact_str::CompactString;
use ipnet::Ipv4Net;

use super::IdMap;
use super::route_select::{Choice, SubnetChoices, groups, split_into};
use super::threads::parallel;
use super::{RouteFact, route_select};
use crate::model::catalogue::Service;
use crate::model::{Destination, Scenario, Target};
use crate::net_text::NetText;
use crate::prefix_trie::PrefixTrie;

/// Where a route in a compiled table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteOrigin {
    /// The derived `local` route for a VPC CIDR (target possibly replaced).
    Local,
    /// A route written in the scenario with a CIDR destination.
    Static,
    /// A route written in the scenario to a service's managed prefix list.
    PrefixList,
    /// Derived from a gateway endpoint's table list.
    GatewayEndpoint,
}

impl RouteOrigin {
    pub fn code(self) -> &'static str {
        match self {
            RouteOrigin::Local => "local",
            RouteOrigin::Static => "static",
            RouteOrigin::PrefixList => "prefix_list",
            RouteOrigin::GatewayEndpoint => "gateway_endpoint",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledRoute {
    pub destination: Destination,
    pub origin: RouteOrigin,
    pub target: Target,
    /// For prefix-list routes: the entries that AWS ignores in a subnet route table because they
    /// fall inside a VPC CIDR.
    pub ignored: Vec<Ipv4Net>,
}

impl CompiledRoute {
    pub fn is_prefix_list(&self) -> bool {
        matches!(self.destination, Destination::PrefixList(_))
    }
}

/// A route table with its derived routes and a trie from each destination CIDR to its route.
#[derive(Debug, Clone)]
pub struct CompiledTable {
    pub routes: Vec<CompiledRoute>,
    pub trie: PrefixTrie<u32>,
    /// For each of the model's services (by index), its ranges split by the routes inside them
    /// and grouped by the route that wins them, with the table's decisions for each group
    /// (`route_select::groups`). Worked out when the table is compiled, so a path to a service
    /// reads its route choices instead of walking the trie for each range.
    pub(crate) services: Box<[Box<[route_select::Group]>]>,
    /// Each route's destination as written (`10.0.0.0/16`, `pl-s3`), for the trace's matches.
    pub(crate) written: Box<[compact_str::CompactString]>,
    /// For each subnet that holds interface-endpoint ENIs and that no route splits, sorted by
    /// CIDR: the route choice for any address in it, and the matches as a trace shows them, so
    /// a path to an ENI needs no walk of the trie (`route_select::split_into`).
    pub(crate) subnets: route_select::SubnetChoices,
    /// The first routes as a trace names them when no route matches (`trace_parts`).
    pub(crate) shown: Arc<[RouteFact]>,
    /// For each route to a NAT gateway that wins a service's ranges, that gateway's place in the
    /// scenario's list when the table was compiled ([`NO_PLACE`] for other routes). A hint that
    /// the NAT gateway rule checks against the gateway's id (an edit may keep the table and move
    /// the gateways): a NAT gateway path then compares one id instead of hashing it and probing
    /// the model's map. Left out of a table's equality, as the subnet choices are.
    pub(crate) places: Box<[u32]>,
}

/// A route's [`CompiledTable::places`] when its target is no NAT gateway the scenario lists.
pub(crate) const NO_PLACE: u32 = u32::MAX;

/// Each NAT gateway's place in the scenario's list, by id, for [`CompiledTable::places`].
pub(super) type NatPlaces<'a> = rustc_hash::FxHashMap<&'a str, u32>;

/// A table's [`CompiledTable::places`]: filled in for the routes that win a service's ranges
/// (the paths that read them), each looked up once; the table's other routes (a thousand in a
/// quota-sized one) cost no lookup, and a path that wins one of them looks its gateway up.
fn nat_places_of_winners(table: &CompiledTable, nats: &NatPlaces<'_>) -> Box<[u32]> {
    let mut places = vec![NO_PLACE; table.routes.len()];
    let winners = table.services.iter().flatten();
    for w in winners.filter_map(|g| g.choice.winner).map(|w| w as usize) {
        if let (Target::NatGateway(id), NO_PLACE) = (&table.routes[w].target, places[w]) {
            places[w] = nats.get(id.as_str()).copied().unwrap_or(NO_PLACE);
        }
    }
    places.into()
}

/// The NAT gateways' places (ids are unique: validation refuses a scenario where they are not).
pub(super) fn nat_places(scenario: &Scenario) -> NatPlaces<'_> {
    (scenario.nat_gateways.iter().enumerate())
        .map(|(i, n)| (n.id.as_str(), i as u32))
        .collect()
}

/// Two tables are equal when they route alike. The kept subnet choices are left out: they only
/// spare trie walks, give the trie's own answers (a property test in `route_select` checks it),
/// and depend on where the endpoints' ENIs were when the table was compiled, so a table an edit
/// kept may keep a few more or fewer than a fresh one.
impl PartialEq for CompiledTable {
    fn eq(&self, other: &Self) -> bool {
        self.routes == other.routes
            && self.trie == other.trie
            && self.services == other.services
            && self.written == other.written
    }
}

/// Every table compiled, or `reuse`d, while `alongside` runs. With many routes to compile and
/// more than one core, a second thread compiles tables as soon as it starts and this one joins
/// it when `alongside` is done.
pub(super) fn compile_tables<R>(
    scenario: &Scenario,
    services: &[Service],
    service_lookup: &IdMap,
    reuse: impl Fn(usize) -> Option<Arc<CompiledTable>>,
    alongside: impl FnOnce() -> R,
) -> (R, Vec<Arc<CompiledTable>>) {
    let route_tables = &scenario.route_tables;
    let mut tables: Vec<Option<Arc<CompiledTable>>> = (0..route_tables.len()).map(&reuse).collect();
    let todo: Vec<usize> = (0..tables.len()).filter(|&t| tables[t].is_none()).collect();
    let (eni_subnets, nats) = if todo.is_empty() {
        (Vec::new(), NatPlaces::default())
    } else {
        (eni_subnet_cidrs(scenario), nat_places(scenario))
    };
    let compile = |t: usize| {
        let table = &route_tables[t];
        let at = Compile {
            scenario,
            services,
            service_lookup,
            eni_subnets: &eni_subnets,
            nats: &nats,
        };
        compile_table(&at, &table.id, &table.routes)
    };
    let routes: usize = todo.iter().map(|&t| route_tables[t].routes.len()).sum();
    let result = if parallel(routes) {
        // Both threads take the next table from one counter, so neither waits for the other.
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(&t) = todo.get(k) else {
                    return done;
                };
                done.push((t, compile(t)));
            }
        };
        std::thread::scope(|scope| {
            let helper = scope.spawn(work);
            let result = alongside();
            let mine = work();
            let theirs = helper
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (t, table) in mine.into_iter().chain(theirs) {
                tables[t] = Some(Arc::new(table));
            }
            result
        })
    } else {
        let result = alongside();
        for &t in &todo {
            tables[t] = Some(Arc::new(compile(t)));
        }
        result
    };
    let tables = tables
        .into_iter()
        .map(|t| t.expect("every table compiled or reused"))
        .collect();
    (result, tables)
}

/// A destination as `Display` writes it; inline, without allocating, for a CIDR and most
/// prefix lists.
pub(crate) fn destination_text(d: &Destination) -> CompactString {
    match d {
        Destination::Cidr(c) => CompactString::from(NetText::net(*c).as_str()),
        Destination::PrefixList(svc) => {
            let mut text = CompactString::const_new("pl-");
            text.push_str(svc);
            text
        }
    }
}

/// What compiling a table reads besides its own routes.
pub(super) struct Compile<'a> {
    pub scenario: &'a Scenario,
    pub services: &'a [Service],
    pub service_lookup: &'a IdMap,
    /// The CIDRs of the subnets that hold interface-endpoint ENIs ([`eni_subnet_cidrs`]).
    pub eni_subnets: &'a [Ipv4Net],
    /// The NAT gateways' places ([`nat_places`]).
    pub nats: &'a NatPlaces<'a>,
}

/// The CIDRs of the subnets where interface endpoints have ENIs, sorted, each once. A table
/// keeps its route choice for each of them (see [`CompiledTable::subnet_choice`]).
/// Made for every edit that compiles a table: FxHash and sized once (SipHash and growing
/// took half a million instructions over the 800 subnets of 4x the quota model).
pub(super) fn eni_subnet_cidrs(scenario: &Scenario) -> Vec<Ipv4Net> {
    let mut cidr: rustc_hash::FxHashMap<&str, Ipv4Net> = Default::default();
    cidr.reserve(scenario.subnets.len());
    cidr.extend(
        scenario
            .subnets
            .iter()
            .filter_map(|s| Some((s.id.as_str(), s.cidr?))),
    );
    let mut out: Vec<Ipv4Net> = scenario
        .interface_endpoints
        .iter()
        .flat_map(|e| &e.subnets)
        .filter_map(|s| cidr.get(s.subnet.as_str()).copied())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Every route of one table, derived ones included, and the trie over their CIDRs.
pub(super) fn compile_table(
    at: &Compile<'_>,
    table_id: &str,
    routes: &[crate::model::Route],
) -> CompiledTable {
    let (scenario, services, service_lookup) = (at.scenario, at.services, at.service_lookup);
    let vpc = &scenario.vpc.cidrs;
    let mut compiled = Vec::with_capacity(routes.len() + vpc.len() + 2);
    for cidr in vpc {
        // A route written for exactly a VPC CIDR replaces the local route's target.
        let replaced = routes
            .iter()
            .find(|r| r.destination == Destination::Cidr(*cidr))
            .map(|r| r.target.clone());
        compiled.push(CompiledRoute {
            destination: Destination::Cidr(*cidr),
            origin: RouteOrigin::Local,
            target: replaced.unwrap_or(Target::Local),
            ignored: Vec::new(),
        });
    }
    for r in routes {
        match &r.destination {
            Destination::Cidr(c) if vpc.contains(c) => {}
            Destination::Cidr(_) => compiled.push(CompiledRoute {
                destination: r.destination.clone(),
                origin: RouteOrigin::Static,
                target: r.target.clone(),
                ignored: Vec::new(),
            }),
            Destination::PrefixList(_) => compiled.push(CompiledRoute {
                destination: r.destination.clone(),
                origin: RouteOrigin::PrefixList,
                target: r.target.clone(),
                ignored: Vec::new(),
            }),
        }
    }
    for ge in &scenario.gateway_endpoints {
        if ge.route_tables.iter().any(|t| t == table_id) {
            compiled.push(CompiledRoute {
                destination: Destination::PrefixList(ge.service.clone()),
                origin: RouteOrigin::GatewayEndpoint,
                target: Target::GatewayEndpoint(ge.id.as_str().into()),
                ignored: Vec::new(),
            });
        }
    }
    let prefix_list = |svc: &str| {
        service_lookup
            .get(svc)
            .map(|&s| services[s].cidrs.as_slice())
            .unwrap_or_default()
    };
    let prefixes = compiled
        .iter()
        .map(|r| match &r.destination {
            Destination::Cidr(_) => 1,
            Destination::PrefixList(svc) => prefix_list(svc).len(),
        })
        .sum();
    let mut trie = PrefixTrie::with_capacity(prefixes);
    for (i, route) in compiled.iter_mut().enumerate() {
        match &route.destination {
            Destination::Cidr(c) => trie.insert(*c, i as u32),
            Destination::PrefixList(svc) => {
                for c in prefix_list(svc) {
                    // AWS ignores prefix-list entries that are not valid in a subnet route table:
                    // those inside (more specific than) a VPC CIDR.
                    if vpc.iter().any(|v| v.contains(c)) {
                        route.ignored.push(*c);
                    } else {
                        trie.insert(*c, i as u32);
                    }
                }
            }
        }
    }
    let mut table = CompiledTable {
        routes: compiled,
        trie,
        services: Box::default(),
        written: Box::default(),
        subnets: SubnetChoices::default(),
        shown: Arc::default(),
        places: Box::default(),
    };

    table.written = table
        .routes
        .iter()
        .map(|r| destination_text(&r.destination))
        .collect();
    table.shown = super::trace_parts::shown_routes(&table.routes, &table.written);
    table.services = services
        .iter()
        .map(|s| {
            let mut pieces: Vec<(Ipv4Net, Choice)> = Vec::with_capacity(s.cidrs.len());
            for &c in &s.cidrs {
                split_into(&table, c, true, &mut pieces);
            }
            groups(&table, &pieces, true).into_iter().collect()
        })
        .collect();
    table.places = nat_places_of_winners(&table, at.nats);
    // A subnet that no route inside splits routes every address of it as it routes the subnet.
    table.subnets = SubnetChoices::new(&table, at.eni_subnets);
    let endpoints = at.scenario.interface_endpoints.len();
    table.subnets.endpoints = super::route_select::EndpointGroups::new(endpoints);
    table
}
