//! AWS's own rules (aws-semantics.md §7) and the references a scenario must resolve.
//!
//! [`validate`] runs every rule and returns every finding: errors (what AWS would refuse, or a
//! reference that does not resolve) and warnings (what AWS allows but documents as not working,
//! or what the model ignores as AWS does). It never stops at the first finding and never panics,
//! whatever the input: lookups here keep the first object of each id and skip what does not
//! resolve, because the rule that reports the broken reference is a different one.
//!
//! Each rule is a small function named after what it checks, with the aws-semantics.md section
//! in its doc comment. A rule code is stable snake_case; the message states AWS's rule in words a
//! learner can act on.

use std::collections::{HashMap, HashSet};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::parts::{Parts, Parts as P, Touched};
use super::{
    AvailabilityMode, Destination, Diagnostic, NatConnectivity, RouteTable, Scenario, Subnet,
    Target,
};
use crate::model::catalogue::Service;

/// The verdicts an `expect` entry may name.
pub const VERDICTS: &[&str] = &[
    "reachable",
    "partial",
    "blocked",
    "leaves_vpc",
    "unavailable",
];

/// The `cross_az` values an `expect` entry may name (aws-semantics.md §3).
pub const CROSS_AZ: &[&str] = &["never", "sometimes", "always"];

/// Smallest and largest prefix length AWS accepts for a VPC or subnet IPv4 CIDR block.
const MIN_PREFIX: u8 = 16;
const MAX_PREFIX: u8 = 28;

/// Every error and warning for `scenario`; never stops at the first.
pub fn validate(scenario: &Scenario, services: &[Service]) -> Vec<Diagnostic> {
    validate_by_rule(scenario, services).concat()
}

/// Every rule's findings, in [`RULES`] order.
pub(crate) fn validate_by_rule(scenario: &Scenario, services: &[Service]) -> Vec<Vec<Diagnostic>> {
    let cx = Cx::new(scenario, services, None);
    RULES
        .iter()
        .map(|(rule, _)| {
            let mut out = Vec::new();
            rule(&cx, &mut out);
            out
        })
        .collect()
}

/// [`validate_by_rule`] after an edit that changed `touched` in a scenario whose findings were
/// `previous`: only the rules that read a touched part run again, the others' findings are
/// `previous`'s. A rule that checks each table on its own runs first on the touched tables
/// alone; only if it finds something there (or had found something before) does it run on all.
pub(crate) fn revalidate(
    scenario: &Scenario,
    services: &[Service],
    previous: &[Vec<Diagnostic>],
    touched: &Touched,
) -> Vec<Vec<Diagnostic>> {
    debug_assert_eq!(previous.len(), RULES.len());
    let mut cx = Cx::new(scenario, services, None);
    RULES
        .iter()
        .zip(previous)
        .map(|((rule, reads), before)| {
            if !touched.parts.intersects(reads.parts) {
                return before.clone();
            }
            let mut out = Vec::new();
            if reads.per_table
                && before.is_empty()
                && !touched
                    .parts
                    .intersects(reads.parts.minus(Parts::PER_TABLE))
                && let Some(tables) = &touched.tables
            {
                cx.scope = Some(tables);
                rule(&cx, &mut out);
                cx.scope = None;
                if out.is_empty() {
                    return out;
                }
                out.clear();
            }
            rule(&cx, &mut out);
            out
        })
        .collect()
}

type Rule = fn(&Cx, &mut Vec<Diagnostic>);

/// What a rule reads, so that an edit re-runs only the rules it can affect.
struct Reads {
    parts: Parts,
    /// The rule checks each route table on its own (what it reports about one table depends
    /// only on that table's [`Parts::PER_TABLE`] parts and the other parts it reads), and
    /// iterates [`Cx::checked_tables`].
    per_table: bool,
}

const fn reads(parts: Parts) -> Reads {
    Reads {
        parts,
        per_table: false,
    }
}

const fn per_table(parts: Parts) -> Reads {
    Reads {
        parts,
        per_table: true,
    }
}

/// The rules in the order their findings are reported (errors are sorted first by the caller),
/// each with the parts of the scenario it reads.
const RULES: &[(Rule, Reads)] = &[
    (
        ids_unique,
        reads(
            P::VPC
                .union(P::INTERNET_GATEWAY)
                .union(P::SUBNETS)
                .union(P::TABLES)
                .union(P::NAT_GATEWAYS)
                .union(P::GATEWAY_ENDPOINTS)
                .union(P::INTERFACE_ENDPOINTS)
                .union(P::LOAD_BALANCERS)
                .union(P::GWLB_ENDPOINTS)
                .union(P::NETWORK_INTERFACES)
                .union(P::INSTANCES),
        ),
    ),
    (availability_zones_unique, reads(P::AZS.union(P::REGION))),
    (vpc_cidrs, reads(P::VPC)),
    (subnet_cidrs, reads(P::SUBNETS.union(P::AZS).union(P::VPC))),
    (
        one_main_route_table,
        reads(P::TABLES.union(P::MAIN).union(P::VPC)),
    ),
    (
        subnet_associations,
        reads(P::TABLES.union(P::ASSOCIATIONS).union(P::SUBNETS)),
    ),
    (
        route_destination_cidrs,
        per_table(P::TABLES.union(P::ROUTES)),
    ),
    (
        route_destinations_unique,
        per_table(P::TABLES.union(P::ROUTES).union(P::GATEWAY_ENDPOINT_TABLES)),
    ),
    (
        route_targets_resolve,
        per_table(
            P::TABLES
                .union(P::ROUTES)
                .union(P::INTERNET_GATEWAY)
                .union(P::NAT_GATEWAYS)
                .union(P::GWLB_ENDPOINTS)
                .union(P::NETWORK_INTERFACES),
        ),
    ),
    (
        routes_inside_vpc,
        per_table(P::TABLES.union(P::ROUTES).union(P::VPC).union(P::SUBNETS)),
    ),
    (
        prefix_list_destinations,
        per_table(P::TABLES.union(P::ROUTES).union(P::REGION)),
    ),
    (service_cidrs, reads(P::REGION.union(P::VPC))),
    (
        gateway_endpoints,
        reads(
            P::GATEWAY_ENDPOINTS
                .union(P::GATEWAY_ENDPOINT_TABLES)
                .union(P::REGION)
                .union(P::TABLES)
                .union(P::VPC)
                .union(P::VPC_DNS),
        ),
    ),
    (
        interface_endpoints,
        reads(
            P::INTERFACE_ENDPOINTS
                .union(P::REGION)
                .union(P::SUBNETS)
                .union(P::AZS),
        ),
    ),
    (
        interface_endpoint_private_dns,
        reads(
            P::INTERFACE_ENDPOINTS
                .union(P::PRIVATE_DNS)
                .union(P::REGION)
                .union(P::VPC)
                .union(P::VPC_DNS),
        ),
    ),
    (
        inbound_resolver_option,
        reads(
            P::INTERFACE_ENDPOINTS
                .union(P::PRIVATE_DNS)
                .union(P::REGION)
                .union(P::GATEWAY_ENDPOINTS),
        ),
    ),
    (
        ip_addresses,
        reads(
            P::INTERFACE_ENDPOINTS
                .union(P::INSTANCES)
                .union(P::NETWORK_INTERFACES)
                .union(P::SUBNETS),
        ),
    ),
    (
        subnet_addresses_suffice,
        reads(
            P::INTERFACE_ENDPOINTS
                .union(P::INSTANCES)
                .union(P::NETWORK_INTERFACES)
                .union(P::NAT_GATEWAYS)
                .union(P::GWLB_ENDPOINTS)
                .union(P::SUBNETS),
        ),
    ),
    (
        nat_gateways,
        reads(
            P::NAT_GATEWAYS
                .union(P::SUBNETS)
                .union(P::INTERNET_GATEWAY)
                .union(P::VPC),
        ),
    ),
    (
        public_nat_gateway_route,
        reads(
            P::NAT_GATEWAYS
                .union(P::SUBNETS)
                .union(P::TABLES)
                .union(P::MAIN)
                .union(P::ASSOCIATIONS)
                .union(P::ROUTES)
                .union(P::INTERNET_GATEWAY)
                .union(P::VPC),
        ),
    ),
    (
        placement_subnets_resolve,
        reads(
            P::GWLB_ENDPOINTS
                .union(P::NETWORK_INTERFACES)
                .union(P::INSTANCES)
                .union(P::SUBNETS),
        ),
    ),
    (what_if_azs, reads(P::WHAT_IF.union(P::AZS))),
    (
        edge_route_tables,
        reads(
            P::INTERNET_GATEWAY
                .union(P::TABLES)
                .union(P::EDGE)
                .union(P::MAIN)
                .union(P::ROUTES)
                .union(P::VPC),
        ),
    ),
    (
        gateway_load_balancers,
        reads(P::LOAD_BALANCERS.union(P::GWLB_ENDPOINTS).union(P::AZS)),
    ),
    (workloads, reads(P::REGION)),
    (
        expectations,
        reads(
            P::EXPECT
                .union(P::INSTANCES)
                .union(P::SUBNETS)
                .union(P::REGION)
                .union(P::AZS),
        ),
    ),
];

/// Lookups over the scenario. The first object of each id wins; duplicates are reported by
/// [`ids_unique`].
struct Cx<'a> {
    s: &'a Scenario,
    services: HashMap<&'a str, &'a Service>,
    /// AZ name or AZ ID → index in `availability_zones`.
    azs: HashMap<&'a str, usize>,
    subnets: HashMap<&'a str, &'a Subnet>,
    tables: HashMap<&'a str, &'a RouteTable>,
    nats: HashSet<&'a str>,
    gwlbs: HashSet<&'a str>,
    enis: HashSet<&'a str>,
    /// The tables the per-table rules check: `None` for all of them.
    scope: Option<&'a [usize]>,
}

impl<'a> Cx<'a> {
    fn new(s: &'a Scenario, services: &'a [Service], scope: Option<&'a [usize]>) -> Self {
        let mut azs = HashMap::new();
        for (i, az) in s.availability_zones.iter().enumerate() {
            azs.entry(az.name.as_str()).or_insert(i);
        }
        for (i, az) in s.availability_zones.iter().enumerate() {
            if let Some(id) = &az.id {
                azs.entry(id.as_str()).or_insert(i);
            }
        }
        let mut subnets = HashMap::new();
        for sn in &s.subnets {
            subnets.entry(sn.id.as_str()).or_insert(sn);
        }
        let mut tables = HashMap::new();
        for t in &s.route_tables {
            tables.entry(t.id.as_str()).or_insert(t);
        }
        let mut svc = HashMap::new();
        for sv in services {
            svc.entry(sv.name.as_str()).or_insert(sv);
        }
        Cx {
            s,
            services: svc,
            azs,
            subnets,
            tables,
            nats: s.nat_gateways.iter().map(|n| n.id.as_str()).collect(),
            gwlbs: s.gwlb_endpoints.iter().map(|n| n.id.as_str()).collect(),
            enis: s.network_interfaces.iter().map(|n| n.id.as_str()).collect(),
            scope,
        }
    }

    /// The tables a per-table rule checks (see [`Reads::per_table`]): all of them, or after an
    /// edit the ones it changed.
    fn checked_tables(&self) -> impl Iterator<Item = &'a RouteTable> + use<'a> {
        let all = &self.s.route_tables;
        let (whole, some) = match self.scope {
            None => (Some(all.iter()), None),
            Some(scope) => (None, Some(scope.iter().filter_map(|&t| all.get(t)))),
        };
        whole
            .into_iter()
            .flatten()
            .chain(some.into_iter().flatten())
    }

    fn vpc_id(&self) -> &str {
        &self.s.vpc.id
    }

    fn igw_id(&self) -> Option<&str> {
        self.s.internet_gateway.as_ref().map(|g| g.id.as_str())
    }

    fn vpc_cidrs_text(&self) -> String {
        join(self.s.vpc.cidrs.iter().map(|c| c.trunc().to_string()))
    }

    /// The table a subnet uses (aws-semantics.md §1): its explicit association if it has one,
    /// otherwise the main table. `true` when explicit.
    fn subnet_table(&self, subnet: &str) -> Option<(&'a RouteTable, bool)> {
        if let Some(t) = self
            .s
            .route_tables
            .iter()
            .find(|t| t.subnets.iter().any(|x| x == subnet))
        {
            return Some((t, true));
        }
        self.s
            .route_tables
            .iter()
            .find(|t| t.main)
            .map(|t| (t, false))
    }

    /// The AZ index of a subnet, when its AZ resolves.
    fn subnet_az(&self, subnet: &Subnet) -> Option<usize> {
        self.azs.get(subnet.az.as_str()).copied()
    }

    fn has_gateway_endpoint_for(&self, service: &str) -> bool {
        self.s
            .gateway_endpoints
            .iter()
            .any(|g| g.service == service)
    }
}

/// `a subnet`, `an instance`.
fn article(noun: &str) -> String {
    let an = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if an { "an" } else { "a" })
}

fn join(items: impl IntoIterator<Item = impl std::fmt::Display>) -> String {
    items
        .into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Report a CIDR whose address is not its network address (aws-semantics.md §7: CIDRs valid).
/// Returns whether the CIDR is well-formed.
fn cidr_without_host_bits(
    object: &str,
    what: &str,
    cidr: &Ipv4Net,
    out: &mut Vec<Diagnostic>,
) -> bool {
    if cidr.addr() == cidr.network() {
        return true;
    }
    out.push(Diagnostic::error(
        object,
        "cidr_host_bits",
        format!(
            "{what} {cidr} is not a valid CIDR block: its host bits are set (did you mean {}?); \
             AWS takes a CIDR block only as its network address",
            cidr.trunc()
        ),
    ));
    false
}

// ---------------------------------------------------------------------------------------------
// Ids and Availability Zones
// ---------------------------------------------------------------------------------------------

/// Ids are unique within each kind and across kinds, as AWS's resource ids are; an empty id is
/// refused (aws-semantics.md §7: every reference resolves, which needs one object per id).
fn ids_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let mut all: Vec<(&str, &str)> = vec![("VPC", s.vpc.id.as_str())];
    if let Some(g) = &s.internet_gateway {
        all.push(("internet gateway", &g.id));
    }
    all.extend(s.subnets.iter().map(|x| ("subnet", x.id.as_str())));
    all.extend(
        s.route_tables
            .iter()
            .map(|x| ("route table", x.id.as_str())),
    );
    all.extend(
        s.nat_gateways
            .iter()
            .map(|x| ("NAT gateway", x.id.as_str())),
    );
    all.extend(
        s.gateway_endpoints
            .iter()
            .map(|x| ("gateway endpoint", x.id.as_str())),
    );
    all.extend(
        s.interface_endpoints
            .iter()
            .map(|x| ("interface endpoint", x.id.as_str())),
    );
    all.extend(
        s.gateway_load_balancers
            .iter()
            .map(|x| ("Gateway Load Balancer", x.id.as_str())),
    );
    all.extend(
        s.gwlb_endpoints
            .iter()
            .map(|x| ("Gateway Load Balancer endpoint", x.id.as_str())),
    );
    all.extend(
        s.network_interfaces
            .iter()
            .map(|x| ("network interface", x.id.as_str())),
    );
    all.extend(s.instances.iter().map(|x| ("instance", x.id.as_str())));

    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (kind, id) in all {
        if id.trim().is_empty() {
            out.push(Diagnostic::error(
                format!("({kind})"),
                "empty_id",
                format!(
                    "{} has an empty id; every object needs an id to be referred to",
                    article(kind)
                ),
            ));
            continue;
        }
        match seen.get(id) {
            None => {
                seen.insert(id, kind);
            }
            Some(&first) if first == kind => out.push(Diagnostic::error(
                id,
                "duplicate_id",
                format!("two {kind}s have the id {id}; ids must be unique"),
            )),
            Some(&first) => out.push(Diagnostic::error(
                id,
                "duplicate_id",
                format!(
                    "{id} is the id of both {} and {}; as in AWS, an id names exactly one \
                     object",
                    article(first),
                    article(kind)
                ),
            )),
        }
    }
}

/// AZ names are unique, AZ IDs are unique, and no AZ name is another AZ's ID (a reference may use
/// either); a warning when an AZ name is not in the scenario's Region (aws-semantics.md §6).
fn availability_zones_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let azs = &cx.s.availability_zones;
    let mut names: HashSet<&str> = HashSet::new();
    let mut ids: HashSet<&str> = HashSet::new();
    for az in azs {
        if !names.insert(&az.name) {
            out.push(Diagnostic::error(
                &az.name,
                "duplicate_az",
                format!(
                    "the Availability Zone {} is listed twice; each AZ name appears once",
                    az.name
                ),
            ));
        }
        if let Some(id) = &az.id
            && !ids.insert(id)
        {
            out.push(Diagnostic::error(
                &az.name,
                "duplicate_az",
                format!(
                    "the AZ ID {id} is given to more than one Availability Zone; an AZ ID names \
                     one physical zone, so each AZ name maps to a different AZ ID"
                ),
            ));
        }
        if !cx.s.region.is_empty() && !az.name.starts_with(&cx.s.region) {
            out.push(Diagnostic::warning(
                &az.name,
                "az_not_in_region",
                format!(
                    "the Availability Zone {} is not in the scenario's Region {}; AZ names are \
                     the Region's name followed by a letter (for example {}a)",
                    az.name, cx.s.region, cx.s.region
                ),
            ));
        }
    }
    for (i, az) in azs.iter().enumerate() {
        if let Some(id) = &az.id
            && azs.iter().enumerate().any(|(j, o)| j != i && &o.name == id)
        {
            out.push(Diagnostic::error(
                &az.name,
                "duplicate_az",
                format!(
                    "the AZ ID {id} of {} is also the name of another Availability Zone, so a \
                     reference to {id} would be ambiguous",
                    az.name
                ),
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// CIDRs
// ---------------------------------------------------------------------------------------------

/// The VPC has at least one CIDR; each is valid, between /16 and /28, and the VPC's CIDRs do not
/// overlap each other (aws-semantics.md §7).
fn vpc_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let vpc = &cx.s.vpc;
    if vpc.cidrs.is_empty() {
        out.push(Diagnostic::error(
            &vpc.id,
            "vpc_without_cidr",
            format!(
                "{} has no CIDR block; a VPC is created with a primary IPv4 CIDR block",
                vpc.id
            ),
        ));
    }
    for (i, cidr) in vpc.cidrs.iter().enumerate() {
        cidr_without_host_bits(&vpc.id, "the VPC CIDR", cidr, out);
        if !(MIN_PREFIX..=MAX_PREFIX).contains(&cidr.prefix_len()) {
            out.push(Diagnostic::error(
                &vpc.id,
                "vpc_cidr_size",
                format!(
                    "the VPC CIDR {cidr} is a /{}; a VPC CIDR block must be between a /16 \
                     (65,536 addresses) and a /28 (16 addresses)",
                    cidr.prefix_len()
                ),
            ));
        }
        for earlier in &vpc.cidrs[..i] {
            if earlier.contains(cidr) || cidr.contains(earlier) {
                out.push(Diagnostic::error(
                    &vpc.id,
                    "vpc_cidr_overlap",
                    format!(
                        "the VPC CIDR {cidr} overlaps the VPC CIDR {earlier}; a VPC's CIDR \
                         blocks must not overlap each other"
                    ),
                ));
            }
        }
    }
}

/// Each subnet's CIDR is valid, between /16 and /28, inside one VPC CIDR and overlaps no other
/// subnet; its AZ resolves (aws-semantics.md §7).
fn subnet_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    for (i, sn) in s.subnets.iter().enumerate() {
        if !cx.azs.contains_key(sn.az.as_str()) {
            out.push(Diagnostic::error(
                &sn.id,
                "unknown_az",
                format!(
                    "{} is in the Availability Zone {}, which is not listed in \
                     availability_zones",
                    sn.id, sn.az
                ),
            ));
        }
        cidr_without_host_bits(&sn.id, "the subnet CIDR", &sn.cidr, out);
        if !(MIN_PREFIX..=MAX_PREFIX).contains(&sn.cidr.prefix_len()) {
            out.push(Diagnostic::error(
                &sn.id,
                "subnet_cidr_size",
                format!(
                    "{}'s CIDR {} is a /{}; a subnet CIDR block must be between a /16 and a /28",
                    sn.id,
                    sn.cidr,
                    sn.cidr.prefix_len()
                ),
            ));
        }
        if !s.vpc.cidrs.is_empty() && !s.vpc.cidrs.iter().any(|v| v.contains(&sn.cidr)) {
            out.push(Diagnostic::error(
                &sn.id,
                "subnet_outside_vpc",
                format!(
                    "{}'s CIDR {} is not inside the VPC's CIDR blocks ({}); a subnet's CIDR \
                     block must be a subset of one of the VPC's CIDR blocks",
                    sn.id,
                    sn.cidr,
                    cx.vpc_cidrs_text()
                ),
            ));
        }
        for other in &s.subnets[..i] {
            if other.cidr.contains(&sn.cidr) || sn.cidr.contains(&other.cidr) {
                out.push(Diagnostic::error(
                    &sn.id,
                    "subnet_overlap",
                    format!(
                        "{}'s CIDR {} overlaps {}'s CIDR {}; the subnets of a VPC cannot overlap",
                        sn.id, sn.cidr, other.id, other.cidr
                    ),
                ));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Route tables
// ---------------------------------------------------------------------------------------------

/// Exactly one route table is the main table (aws-semantics.md §1, §7).
fn one_main_route_table(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mains: Vec<&RouteTable> = cx.s.route_tables.iter().filter(|t| t.main).collect();
    match mains.as_slice() {
        [] => out.push(Diagnostic::error(
            cx.vpc_id(),
            "no_main_route_table",
            format!(
                "{} has no main route table; every VPC has exactly one (mark one table \
                 `main: true`), and subnets without an explicit association use it",
                cx.vpc_id()
            ),
        )),
        [_] => {}
        [first, rest @ ..] => {
            for t in rest {
                out.push(Diagnostic::error(
                    &t.id,
                    "multiple_main_route_tables",
                    format!(
                        "{} and {} are both marked main; a VPC has exactly one main route table",
                        first.id, t.id
                    ),
                ));
            }
        }
    }
}

/// Association subnets resolve, and a subnet has at most one explicit association across all
/// tables (aws-semantics.md §1, §7).
fn subnet_associations(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut first_table: HashMap<&str, &str> = HashMap::new();
    for t in &cx.s.route_tables {
        for sn in &t.subnets {
            if !cx.subnets.contains_key(sn.as_str()) {
                out.push(Diagnostic::error(
                    &t.id,
                    "unknown_subnet",
                    format!(
                        "{} is associated with {sn}, which is not a subnet of the VPC",
                        t.id
                    ),
                ));
                continue;
            }
            match first_table.get(sn.as_str()) {
                None => {
                    first_table.insert(sn, &t.id);
                }
                Some(&prev) if prev == t.id => out.push(Diagnostic::error(
                    &t.id,
                    "duplicate_association",
                    format!(
                        "{} lists {sn} twice; a subnet is associated with a route table once",
                        t.id
                    ),
                )),
                Some(&prev) => out.push(Diagnostic::error(
                    sn,
                    "duplicate_association",
                    format!(
                        "{sn} is explicitly associated with both {prev} and {}; a subnet can be \
                         associated with only one route table at a time",
                        t.id
                    ),
                )),
            }
        }
    }
}

/// Route destinations are valid CIDR blocks (aws-semantics.md §7).
fn route_destination_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.checked_tables() {
        for r in &t.routes {
            if let Destination::Cidr(c) = &r.destination {
                cidr_without_host_bits(&t.id, "the route destination", c, out);
            }
        }
    }
}

/// A route table holds at most one route per destination, counting the `pl-<service>` routes its
/// gateway endpoints add (aws-semantics.md §1, §2, §7).
fn route_destinations_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // Sorting the destinations finds a repeat without hashing each one; only a table that has a
    // repeat is walked in order, to report each repeat where it occurs.
    let mut cidrs: Vec<u64> = Vec::new();
    let mut lists: Vec<&str> = Vec::new();
    for t in cx.checked_tables() {
        cidrs.clear();
        lists.clear();
        for r in &t.routes {
            match &r.destination {
                Destination::Cidr(c) => {
                    cidrs.push(u64::from(u32::from(c.addr())) << 8 | u64::from(c.prefix_len()))
                }
                Destination::PrefixList(name) => lists.push(name),
            }
        }
        cidrs.sort_unstable();
        lists.sort_unstable();
        let repeats =
            cidrs.windows(2).any(|w| w[0] == w[1]) || lists.windows(2).any(|w| w[0] == w[1]);
        if repeats {
            let mut seen: HashSet<&Destination> = HashSet::new();
            for r in &t.routes {
                if !seen.insert(&r.destination) {
                    out.push(Diagnostic::error(
                        &t.id,
                        "duplicate_route_destination",
                        format!(
                            "{} has more than one route to {}; a route table holds one route \
                             per destination",
                            t.id, r.destination
                        ),
                    ));
                }
            }
        }
        for ge in &cx.s.gateway_endpoints {
            if lists.binary_search(&ge.service.as_str()).is_ok()
                && ge.route_tables.iter().any(|x| x == &t.id)
            {
                let pl = Destination::PrefixList(ge.service.clone());
                out.push(Diagnostic::error(
                    &t.id,
                    "duplicate_route_destination",
                    format!(
                        "{} has a route to {pl} and the gateway endpoint {} adds another; a route \
                         table holds one route per destination (remove the written route, or \
                         {} from the endpoint's route_tables)",
                        t.id, ge.id, t.id
                    ),
                ));
            }
        }
    }
}

/// Written routes never use the derived targets `Local` and `GatewayEndpoint`; every other target
/// that the model follows resolves (aws-semantics.md §1, §2, §7).
fn route_targets_resolve(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.checked_tables() {
        for r in &t.routes {
            let dest = &r.destination;
            let missing = |kind: &str, id: &str| {
                Diagnostic::error(
                    &t.id,
                    "unknown_target",
                    format!(
                        "{}'s route to {dest} targets {id}, which is not a {kind} of the VPC",
                        t.id
                    ),
                )
            };
            match &r.target {
                Target::Local => out.push(Diagnostic::error(
                    &t.id,
                    "derived_route_target",
                    format!(
                        "{}'s route to {dest} targets local; the local route is derived from the \
                         VPC's CIDR blocks and never written in a scenario (to send VPC traffic \
                         through an appliance, write a route to the VPC CIDR with a NatGateway, \
                         NetworkInterface or GatewayLoadBalancerEndpoint target)",
                        t.id
                    ),
                )),
                Target::GatewayEndpoint(id) => out.push(Diagnostic::error(
                    &t.id,
                    "derived_route_target",
                    format!(
                        "{}'s route to {dest} targets the gateway endpoint {id}; AWS adds a gateway \
                         endpoint's routes itself and they cannot be written by hand: list {} in \
                         the endpoint's route_tables instead",
                        t.id, t.id
                    ),
                )),
                Target::InternetGateway(id) => match cx.igw_id() {
                    Some(igw) if igw == id => {}
                    Some(igw) => out.push(Diagnostic::error(
                        &t.id,
                        "unknown_target",
                        format!(
                            "{}'s route to {dest} targets {id}, but the VPC's internet gateway is \
                             {igw}; a VPC has one internet gateway",
                            t.id
                        ),
                    )),
                    None => out.push(Diagnostic::error(
                        &t.id,
                        "unknown_target",
                        format!(
                            "{}'s route to {dest} targets {id}, but the VPC has no internet \
                             gateway (add `internet_gateway: (id: \"{id}\")`)",
                            t.id
                        ),
                    )),
                },
                Target::NatGateway(id) if !cx.nats.contains(id.as_str()) => {
                    out.push(missing("NAT gateway", id))
                }
                Target::GatewayLoadBalancerEndpoint(id) if !cx.gwlbs.contains(id.as_str()) => {
                    out.push(missing("Gateway Load Balancer endpoint", id))
                }
                Target::NetworkInterface(id) if !cx.enis.contains(id.as_str()) => {
                    out.push(missing("network interface", id))
                }
                _ => {}
            }
        }
    }
}

/// Whether a target may replace the local route or serve a route more specific than it: a NAT
/// gateway, a network interface or a GWLB endpoint (or one of those, deleted: blackhole).
fn is_middlebox_target(t: &Target) -> bool {
    matches!(
        t,
        Target::NatGateway(_)
            | Target::NetworkInterface(_)
            | Target::GatewayLoadBalancerEndpoint(_)
            | Target::Blackhole
    )
}

/// A route to exactly a VPC CIDR replaces the local route's target and may only target a NAT
/// gateway, a network interface or a GWLB endpoint; a route more specific than a VPC CIDR must
/// equal a subnet's CIDR and target one of the same (aws-semantics.md §1, §7).
fn routes_inside_vpc(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let vpc = &cx.s.vpc.cidrs;
    for t in cx.checked_tables() {
        for r in &t.routes {
            let Destination::Cidr(dest) = &r.destination else {
                continue;
            };
            // Derived targets are reported by `route_targets_resolve`.
            if matches!(r.target, Target::Local | Target::GatewayEndpoint(_)) {
                continue;
            }
            let dest = dest.trunc();
            if vpc.iter().any(|v| v.trunc() == dest) {
                if !is_middlebox_target(&r.target) {
                    out.push(Diagnostic::error(
                        &t.id,
                        "invalid_local_route_target",
                        format!(
                            "{}'s route to {dest} (a VPC CIDR) targets {}; the local route's \
                             target can only be replaced with a NAT gateway, a network interface \
                             or a Gateway Load Balancer endpoint",
                            t.id, r.target
                        ),
                    ));
                }
                continue;
            }
            let Some(v) = vpc.iter().find(|v| v.contains(&dest)) else {
                continue;
            };
            let subnet = cx.s.subnets.iter().find(|sn| sn.cidr.trunc() == dest);
            match subnet {
                None => out.push(Diagnostic::error(
                    &t.id,
                    "route_inside_vpc_not_subnet",
                    format!(
                        "{}'s route to {dest} is more specific than the local route for {v} but \
                         is not the CIDR of a subnet; a route more specific than the local route \
                         must match a subnet's entire CIDR block",
                        t.id
                    ),
                )),
                Some(sn) if !is_middlebox_target(&r.target) => out.push(Diagnostic::error(
                    &t.id,
                    "invalid_subnet_route_target",
                    format!(
                        "{}'s route to {dest} ({}) targets {}; a route more specific than the \
                         local route must target a NAT gateway, a network interface or a Gateway \
                         Load Balancer endpoint",
                        t.id, sn.id, r.target
                    ),
                )),
                Some(_) => {}
            }
        }
    }
}

/// A prefix-list destination names a service of the catalogue that has CIDRs (aws-semantics.md
/// §1, §7).
fn prefix_list_destinations(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.checked_tables() {
        for r in &t.routes {
            let Destination::PrefixList(name) = &r.destination else {
                continue;
            };
            match cx.services.get(name.as_str()) {
                None => out.push(Diagnostic::error(
                    &t.id,
                    "unknown_service",
                    format!(
                        "{}'s route to pl-{name} names the service {name}, which is not in the \
                         catalogue (add it under `services` with its CIDRs)",
                        t.id
                    ),
                )),
                Some(svc) if svc.cidrs.is_empty() => out.push(Diagnostic::error(
                    &t.id,
                    "prefix_list_empty",
                    format!(
                        "{}'s route to pl-{name} would match nothing: {name} has no CIDRs in {} \
                         (give it `cidrs` under `services`)",
                        t.id, cx.s.region
                    ),
                )),
                Some(_) => {}
            }
        }
    }
}

/// A scenario's own service CIDRs are valid; a service CIDR inside a VPC CIDR is a warning, since
/// AWS ignores such prefix-list entries in subnet route tables (aws-semantics.md §1).
fn service_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for o in &cx.s.services {
        for c in o.cidrs.iter().flatten() {
            cidr_without_host_bits(&o.name, "the service CIDR", c, out);
        }
    }
    let mut names: Vec<&&str> = cx.services.keys().collect();
    names.sort();
    for name in names {
        let svc = cx.services[*name];
        for c in &svc.cidrs {
            if let Some(v) = cx.s.vpc.cidrs.iter().find(|v| v.contains(c)) {
                out.push(Diagnostic::warning(
                    &svc.name,
                    "service_cidr_inside_vpc",
                    format!(
                        "{}'s CIDR {c} lies inside the VPC CIDR {v}; AWS ignores a prefix-list \
                         entry more specific than a VPC CIDR in subnet route tables, and those \
                         addresses are routed as VPC addresses",
                        svc.name
                    ),
                ));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Endpoints
// ---------------------------------------------------------------------------------------------

/// A gateway endpoint's service offers gateway endpoints (S3, DynamoDB); its tables resolve; a
/// table gets at most one endpoint route per service; warnings for a service without ranges and
/// for `enableDnsHostnames` off (aws-semantics.md §2, §7).
fn gateway_endpoints(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // (table, service) → the first endpoint that routes it.
    let mut routed: HashMap<(&str, &str), &str> = HashMap::new();
    for ge in &cx.s.gateway_endpoints {
        match cx.services.get(ge.service.as_str()) {
            None => out.push(Diagnostic::error(
                &ge.id,
                "unknown_service",
                format!(
                    "{} is for the service {}, which is not in the catalogue; gateway endpoints \
                     exist only for Amazon S3 (s3) and DynamoDB (dynamodb)",
                    ge.id, ge.service
                ),
            )),
            Some(svc) if !svc.gateway_endpoint => out.push(Diagnostic::error(
                &ge.id,
                "gateway_endpoint_service",
                format!(
                    "{} is a gateway endpoint for {}, which offers no gateway endpoint; gateway \
                     endpoints exist only for Amazon S3 (s3) and DynamoDB (dynamodb); use an \
                     interface endpoint instead",
                    ge.id, ge.service
                ),
            )),
            Some(svc) if svc.cidrs.is_empty() => out.push(Diagnostic::warning(
                &ge.id,
                "gateway_endpoint_without_ranges",
                format!(
                    "{}'s prefix list is empty: the catalogue has no {} ranges for {}, so its \
                     route matches nothing (give the service `cidrs` under `services`)",
                    ge.id, ge.service, cx.s.region
                ),
            )),
            Some(_) => {}
        }
        for t in &ge.route_tables {
            if !cx.tables.contains_key(t.as_str()) {
                out.push(Diagnostic::error(
                    &ge.id,
                    "unknown_route_table",
                    format!(
                        "{} lists the route table {t}, which is not in the VPC",
                        ge.id
                    ),
                ));
                continue;
            }
            match routed.get(&(t.as_str(), ge.service.as_str())) {
                None => {
                    routed.insert((t, &ge.service), &ge.id);
                }
                Some(&prev) if prev == ge.id => out.push(Diagnostic::error(
                    &ge.id,
                    "duplicate_gateway_endpoint_route",
                    format!("{} lists the route table {t} twice", ge.id),
                )),
                Some(&prev) => out.push(Diagnostic::error(
                    &ge.id,
                    "duplicate_gateway_endpoint_route",
                    format!(
                        "{t} already has a route to pl-{} from the gateway endpoint {prev}, so \
                         {} cannot be attached to it; a route table can hold only one gateway \
                         endpoint route per service",
                        ge.service, ge.id
                    ),
                )),
            }
        }
    }
    if !cx.s.vpc.enable_dns_hostnames && !cx.s.gateway_endpoints.is_empty() {
        out.push(Diagnostic::warning(
            cx.vpc_id(),
            "gateway_endpoint_dns_hostnames_off",
            format!(
                "{} has enable_dns_hostnames off while it has gateway endpoints ({}); AWS \
                 documents that with the Amazon DNS server both enableDnsSupport and \
                 enableDnsHostnames must be on for gateway endpoints",
                cx.vpc_id(),
                join(cx.s.gateway_endpoints.iter().map(|g| &g.id))
            ),
        ));
    }
}

/// An interface endpoint's service offers interface endpoints; its subnets resolve, one per AZ at
/// most; an endpoint without subnets is a warning (aws-semantics.md §3, §7).
fn interface_endpoints(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for ie in &cx.s.interface_endpoints {
        match cx.services.get(ie.service.as_str()) {
            None => out.push(Diagnostic::error(
                &ie.id,
                "unknown_service",
                format!(
                    "{} is for the service {}, which is not in the catalogue (add it under \
                     `services`)",
                    ie.id, ie.service
                ),
            )),
            Some(svc) if !svc.interface_endpoint => out.push(Diagnostic::error(
                &ie.id,
                "interface_endpoint_service",
                format!(
                    "{} is an interface endpoint for {}, which offers no interface endpoint",
                    ie.id, ie.service
                ),
            )),
            Some(_) => {}
        }
        if ie.subnets.is_empty() {
            out.push(Diagnostic::warning(
                &ie.id,
                "interface_endpoint_without_subnets",
                format!(
                    "{} has no subnets, so it has no network interface and nothing can reach it; \
                     choose a subnet in each AZ that needs it",
                    ie.id
                ),
            ));
        }
        // AZ (index, or the unresolved name) → the first subnet of the endpoint there.
        let mut by_az: HashMap<Result<usize, &str>, &str> = HashMap::new();
        for es in &ie.subnets {
            let Some(sn) = cx.subnets.get(es.subnet.as_str()) else {
                out.push(Diagnostic::error(
                    &ie.id,
                    "unknown_subnet",
                    format!(
                        "{} lists {}, which is not a subnet of the VPC",
                        ie.id, es.subnet
                    ),
                ));
                continue;
            };
            let key = cx.subnet_az(sn).ok_or(sn.az.as_str());
            match by_az.get(&key) {
                None => {
                    by_az.insert(key, &sn.id);
                }
                Some(&prev) if prev == sn.id => out.push(Diagnostic::error(
                    &ie.id,
                    "endpoint_subnets_same_az",
                    format!(
                        "{} lists {} twice; an interface endpoint takes at most one subnet per \
                         Availability Zone",
                        ie.id, sn.id
                    ),
                )),
                Some(&prev) => out.push(Diagnostic::error(
                    &ie.id,
                    "endpoint_subnets_same_az",
                    format!(
                        "{} already has a subnet in {} ({prev}), so it cannot also use {}; an \
                         interface endpoint takes at most one subnet per Availability Zone",
                        ie.id, sn.az, sn.id
                    ),
                )),
            }
        }
    }
}

/// Private DNS only where the service supports it; at most one interface endpoint per service
/// with private DNS on; a warning when a VPC DNS attribute it needs is off (aws-semantics.md §3).
fn interface_endpoint_private_dns(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut with_private_dns: HashMap<&str, &str> = HashMap::new();
    let vpc = &cx.s.vpc;
    for ie in &cx.s.interface_endpoints {
        if !ie.private_dns {
            continue;
        }
        if let Some(svc) = cx.services.get(ie.service.as_str())
            && !svc.private_dns_supported
        {
            out.push(Diagnostic::error(
                &ie.id,
                "private_dns_unsupported",
                format!(
                    "{} has private DNS on, but interface endpoints for {} ({}) do not support \
                     private DNS; set `private_dns: false` on the endpoint (it defaults to true) \
                     and have clients use the endpoint's own vpce-… DNS name",
                    ie.id, svc.description, ie.service
                ),
            ));
            continue;
        }
        match with_private_dns.get(ie.service.as_str()) {
            None => {
                with_private_dns.insert(&ie.service, &ie.id);
            }
            Some(&prev) => out.push(Diagnostic::error(
                &ie.id,
                "private_dns_conflict",
                format!(
                    "{} and {prev} are both interface endpoints for {} with private DNS on; AWS \
                     refuses the second because the VPC already has a private hosted zone for \
                     the service's name (turn private DNS off on one of them)",
                    ie.id, ie.service
                ),
            )),
        }
        if !vpc.enable_dns_support || !vpc.enable_dns_hostnames {
            let off = match (vpc.enable_dns_support, vpc.enable_dns_hostnames) {
                (false, false) => "enable_dns_support and enable_dns_hostnames are",
                (false, true) => "enable_dns_support is",
                _ => "enable_dns_hostnames is",
            };
            out.push(Diagnostic::warning(
                &ie.id,
                "private_dns_vpc_attributes_off",
                format!(
                    "{} has private DNS on, but {}'s {off} off; private DNS needs both VPC \
                     attributes on, so the service's default name resolves to its public \
                     addresses",
                    ie.id, vpc.id
                ),
            ));
        }
    }
}

/// The "private DNS only for inbound Resolver endpoint" option: only for services with both
/// gateway and interface endpoints (S3), only with private DNS on, and AWS requires a gateway
/// endpoint for the service in the VPC (warning) (aws-semantics.md §3).
fn inbound_resolver_option(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for ie in &cx.s.interface_endpoints {
        if !ie.private_dns_only_for_inbound_resolver_endpoint {
            continue;
        }
        let svc = cx.services.get(ie.service.as_str());
        if let Some(svc) = svc
            && !(svc.gateway_endpoint && svc.interface_endpoint)
        {
            out.push(Diagnostic::error(
                &ie.id,
                "inbound_resolver_option_unsupported",
                format!(
                    "{} sets private_dns_only_for_inbound_resolver_endpoint, which AWS offers only \
                     for services that have both gateway and interface endpoints (S3), not for {}",
                    ie.id, ie.service
                ),
            ));
            continue;
        }
        if !ie.private_dns {
            out.push(Diagnostic::error(
                &ie.id,
                "inbound_resolver_option_needs_private_dns",
                format!(
                    "{} sets private_dns_only_for_inbound_resolver_endpoint with private DNS off; \
                     the option narrows private DNS, so it needs private DNS on",
                    ie.id
                ),
            ));
        } else if svc.is_some() && !cx.has_gateway_endpoint_for(&ie.service) {
            out.push(Diagnostic::warning(
                &ie.id,
                "inbound_resolver_option_without_gateway_endpoint",
                format!(
                    "{} sets private_dns_only_for_inbound_resolver_endpoint but the VPC has no \
                     gateway endpoint for {}; AWS requires one, since DNS inside the VPC then \
                     answers the service's public addresses",
                    ie.id, ie.service
                ),
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/// Which of a subnet's five reserved addresses `ip` is, if any (aws-semantics.md §3).
fn reserved_use(cidr: &Ipv4Net, ip: Ipv4Addr) -> Option<&'static str> {
    let net = u32::from(cidr.network());
    let bcast = u32::from(cidr.broadcast());
    let x = u32::from(ip);
    if x == bcast {
        return Some("as the broadcast address");
    }
    match x.checked_sub(net) {
        Some(0) => Some("as the network address"),
        Some(1) => Some("for the VPC router"),
        Some(2) => Some("for the Amazon DNS server"),
        Some(3) => Some("for future use"),
        _ => None,
    }
}

/// Endpoint ENI, instance and network interface addresses lie in their subnet, are not one of the
/// subnet's five reserved addresses, and are unique (aws-semantics.md §3, §7).
fn ip_addresses(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // (owner, subnet, ip)
    let mut addrs: Vec<(&str, &str, Ipv4Addr)> = Vec::new();
    for ie in &cx.s.interface_endpoints {
        for es in &ie.subnets {
            if let Some(ip) = es.ip {
                addrs.push((&ie.id, &es.subnet, ip));
            }
        }
    }
    for i in &cx.s.instances {
        if let Some(ip) = i.private_ip {
            addrs.push((&i.id, &i.subnet, ip));
        }
    }
    for n in &cx.s.network_interfaces {
        if let Some(ip) = n.ip {
            addrs.push((&n.id, &n.subnet, ip));
        }
    }
    let mut used: HashMap<Ipv4Addr, &str> = HashMap::new();
    for (owner, subnet, ip) in addrs {
        if let Some(sn) = cx.subnets.get(subnet) {
            if !sn.cidr.contains(&ip) {
                out.push(Diagnostic::error(
                    owner,
                    "ip_outside_subnet",
                    format!(
                        "{owner}'s address {ip} is not in its subnet {} ({}); a private IPv4 \
                         address must come from the subnet's CIDR block",
                        sn.id,
                        sn.cidr.trunc()
                    ),
                ));
            } else if let Some(what) = reserved_use(&sn.cidr, ip) {
                out.push(Diagnostic::error(
                    owner,
                    "ip_reserved",
                    format!(
                        "{owner}'s address {ip} is reserved by AWS in {} ({}) {what}; AWS \
                         reserves the first four and the last address of every subnet",
                        sn.id,
                        sn.cidr.trunc()
                    ),
                ));
            }
        }
        match used.get(&ip) {
            None => {
                used.insert(ip, owner);
            }
            Some(&prev) => out.push(Diagnostic::error(
                owner,
                "ip_in_use",
                format!(
                    "{owner}'s address {ip} is already used by {prev}; a private IPv4 address \
                     belongs to one network interface"
                ),
            )),
        }
    }
}

/// A subnet has an address for every network interface placed in it: endpoint ENIs, instances,
/// network interfaces, zonal NAT gateways and GWLB endpoints each take one of the addresses left
/// after AWS's five reserved ones (aws-semantics.md §3).
fn subnet_addresses_suffice(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    // subnet → (explicit addresses inside it, interfaces without an address)
    let mut need: HashMap<&str, (HashSet<Ipv4Addr>, usize)> = HashMap::new();
    let mut place = |subnet: &str, ip: Option<Ipv4Addr>| {
        let Some(sn) = cx.subnets.get(subnet) else {
            return;
        };
        let entry = need.entry(&sn.id).or_default();
        match ip {
            Some(ip) if sn.cidr.contains(&ip) && reserved_use(&sn.cidr, ip).is_none() => {
                entry.0.insert(ip);
            }
            // Reported by `ip_addresses`; it still takes an interface.
            Some(_) => entry.1 += 1,
            None => entry.1 += 1,
        }
    };
    for ie in &s.interface_endpoints {
        for es in &ie.subnets {
            place(&es.subnet, es.ip);
        }
    }
    for i in &s.instances {
        place(&i.subnet, i.private_ip);
    }
    for n in &s.network_interfaces {
        place(&n.subnet, n.ip);
    }
    for n in &s.nat_gateways {
        if let Some(sn) = &n.subnet {
            place(sn, None);
        }
    }
    for g in &s.gwlb_endpoints {
        place(&g.subnet, None);
    }
    for sn in &s.subnets {
        let Some((fixed, free)) = need.get(sn.id.as_str()) else {
            continue;
        };
        let size = 1u64 << (32 - u32::from(sn.cidr.prefix_len()));
        let usable = size.saturating_sub(5);
        let wanted = fixed.len() as u64 + *free as u64;
        if wanted > usable {
            out.push(Diagnostic::error(
                &sn.id,
                "subnet_out_of_addresses",
                format!(
                    "{} ({}) has {usable} usable addresses but {wanted} network interfaces in \
                     it; AWS reserves five addresses of every subnet and each interface takes \
                     one of the rest",
                    sn.id,
                    sn.cidr.trunc()
                ),
            ));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// NAT gateways
// ---------------------------------------------------------------------------------------------

/// A zonal NAT gateway lives in a subnet that resolves; a regional one has no subnet, is public
/// and needs the VPC's internet gateway (aws-semantics.md §4).
fn nat_gateways(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.s.nat_gateways {
        match (n.availability_mode, &n.subnet) {
            (AvailabilityMode::Zonal, None) => out.push(Diagnostic::error(
                &n.id,
                "nat_without_subnet",
                format!(
                    "{} is a zonal NAT gateway without a subnet; a zonal NAT gateway is created in \
                     one subnet (or set `availability_mode: regional`)",
                    n.id
                ),
            )),
            (AvailabilityMode::Zonal, Some(sn)) if !cx.subnets.contains_key(sn.as_str()) => out
                .push(Diagnostic::error(
                    &n.id,
                    "unknown_subnet",
                    format!("{} is in {sn}, which is not a subnet of the VPC", n.id),
                )),
            (AvailabilityMode::Zonal, Some(_)) => {}
            (AvailabilityMode::Regional, subnet) => {
                if let Some(sn) = subnet {
                    out.push(Diagnostic::error(
                        &n.id,
                        "regional_nat_with_subnet",
                        format!(
                            "{} is a regional NAT gateway but names the subnet {sn}; a regional \
                             NAT gateway is created for the VPC, not in a subnet",
                            n.id
                        ),
                    ));
                }
                if n.connectivity == NatConnectivity::Private {
                    out.push(Diagnostic::error(
                        &n.id,
                        "regional_nat_private",
                        format!(
                            "{} is a regional NAT gateway with private connectivity; regional NAT \
                             gateways are public only (use a zonal NAT gateway for private NAT)",
                            n.id
                        ),
                    ));
                }
                if cx.s.internet_gateway.is_none() {
                    out.push(Diagnostic::error(
                        &n.id,
                        "regional_nat_without_igw",
                        format!(
                            "{} is a regional NAT gateway, but {} has no internet gateway; a \
                             regional NAT gateway needs an internet gateway attached to the VPC",
                            n.id,
                            cx.vpc_id()
                        ),
                    ));
                }
            }
        }
    }
}

/// A public zonal NAT gateway whose own subnet's route table has no route to the internet gateway
/// cannot reach the internet: a warning (aws-semantics.md §4).
fn public_nat_gateway_route(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for n in &cx.s.nat_gateways {
        if n.connectivity != NatConnectivity::Public
            || n.availability_mode != AvailabilityMode::Zonal
        {
            continue;
        }
        let Some(subnet) = n.subnet.as_deref() else {
            continue;
        };
        if !cx.subnets.contains_key(subnet) {
            continue;
        }
        let Some((table, explicit)) = cx.subnet_table(subnet) else {
            continue;
        };
        let has_igw_route = table
            .routes
            .iter()
            .any(|r| matches!(r.target, Target::InternetGateway(_)));
        if has_igw_route {
            continue;
        }
        let how = if explicit {
            String::new()
        } else {
            format!(" (the main table: {subnet} has no explicit association)")
        };
        let igw = match cx.igw_id() {
            Some(_) => "no route to the internet gateway".to_string(),
            None => format!(
                "no route to an internet gateway, and {} has none",
                cx.vpc_id()
            ),
        };
        out.push(Diagnostic::warning(
            &n.id,
            "public_nat_without_igw_route",
            format!(
                "{} is a public NAT gateway in {subnet}, whose route table {}{how} has {igw}; \
                 traffic leaving a NAT gateway is routed by its own subnet's table, so this one \
                 cannot reach the internet",
                n.id, table.id
            ),
        ));
    }
}

// ---------------------------------------------------------------------------------------------
// Other references
// ---------------------------------------------------------------------------------------------

/// GWLB endpoints, network interfaces and instances sit in a subnet that resolves
/// (aws-semantics.md §7).
fn placement_subnets_resolve(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let placed =
        cx.s.gwlb_endpoints
            .iter()
            .map(|g| (&g.id, &g.subnet))
            .chain(cx.s.network_interfaces.iter().map(|n| (&n.id, &n.subnet)))
            .chain(cx.s.instances.iter().map(|i| (&i.id, &i.subnet)));
    for (id, subnet) in placed {
        if !cx.subnets.contains_key(subnet.as_str()) {
            out.push(Diagnostic::error(
                id,
                "unknown_subnet",
                format!("{id} is in {subnet}, which is not a subnet of the VPC"),
            ));
        }
    }
}

fn unknown_az(cx: &Cx, object: &str, az: &str) -> Diagnostic {
    let known = join(cx.s.availability_zones.iter().map(|a| match &a.id {
        Some(id) => format!("{} ({id})", a.name),
        None => a.name.clone(),
    }));
    Diagnostic::error(
        object,
        "unknown_az",
        format!(
            "the Availability Zone {az} is neither an AZ name nor an AZ ID of the scenario \
             (known: {known})"
        ),
    )
}

/// What-if failed AZs name an AZ by name or AZ ID (aws-semantics.md §6).
fn what_if_azs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for az in &cx.s.what_if.failed_azs {
        if !cx.azs.contains_key(az.as_str()) {
            out.push(unknown_az(cx, "what_if", az));
        }
    }
}

/// Whether an expectation's `to` names something: a service, `service@region`, a catalogue
/// global name, an IPv4 address or CIDR, or `workload:name`.
fn expectation_target_known(cx: &Cx, to: &str) -> bool {
    let catalogue = crate::model::catalogue::builtin();
    if let Some(w) = to.strip_prefix("workload:") {
        return catalogue.workloads.iter().any(|x| x.name == w)
            || cx.s.workloads.iter().any(|x| x.name == w);
    }
    if let Some((service, _region)) = to.split_once('@') {
        return cx.services.contains_key(service);
    }
    cx.services.contains_key(to)
        || to.parse::<ipnet::Ipv4Net>().is_ok()
        || to.parse::<std::net::Ipv4Addr>().is_ok()
        || catalogue.global_names.iter().any(|g| g.name == to)
}

/// `expect` entries: `from` names one instance (id or name), `to` a service, failed AZs resolve,
/// the verdict and `cross_az` are known values, and `source` is an https URL.
fn expectations(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for (i, e) in cx.s.expect.iter().enumerate() {
        let obj = format!("expect[{i}] ({} → {})", e.from, e.to);
        // `from` and `to` take the forms of `check --from/--to` (see eval::Query::parse).
        let by_id = cx.s.instances.iter().any(|x| x.id == e.from);
        let by_name =
            cx.s.instances
                .iter()
                .filter(|x| x.name.as_deref() == Some(e.from.as_str()))
                .count();
        let subnet_source = cx.s.subnets.iter().any(|x| x.id == e.from)
            || e.from
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| cx.s.subnets.iter().any(|x| x.cidr.contains(&ip)));
        if !by_id && by_name == 0 && !subnet_source {
            out.push(Diagnostic::error(
                &obj,
                "unknown_instance",
                format!(
                    "`from: {:?}` is neither the id nor the name of an instance, a subnet id, nor an address inside a subnet",
                    e.from
                ),
            ));
        } else if !by_id && by_name > 1 {
            out.push(Diagnostic::error(
                &obj,
                "ambiguous_instance",
                format!(
                    "{by_name} instances are named {}; use an instance id in `from`",
                    e.from
                ),
            ));
        }
        if !expectation_target_known(cx, &e.to) {
            out.push(Diagnostic::error(
                &obj,
                "unknown_service",
                format!(
                    "`to: {:?}` is not a service of the catalogue or the scenario, SERVICE@REGION, a known global name, an IPv4 address or CIDR, or workload:NAME",
                    e.to
                ),
            ));
        }
        for az in &e.failed_azs {
            if !cx.azs.contains_key(az.as_str()) {
                out.push(unknown_az(cx, &obj, az));
            }
        }
        if !VERDICTS.contains(&e.verdict.as_str()) {
            out.push(Diagnostic::error(
                &obj,
                "invalid_verdict",
                format!(
                    "the verdict {:?} is not one of {}",
                    e.verdict,
                    join(VERDICTS.iter())
                ),
            ));
        }
        if let Some(c) = &e.cross_az
            && !CROSS_AZ.contains(&c.as_str())
        {
            out.push(Diagnostic::error(
                &obj,
                "invalid_cross_az",
                format!("cross_az {c:?} is not one of {}", join(CROSS_AZ.iter())),
            ));
        }
        if !is_https_url(&e.source) {
            out.push(Diagnostic::error(
                &obj,
                "invalid_source",
                format!(
                    "the source {:?} is not an https URL; an expectation cites the AWS page that \
                     justifies it",
                    e.source
                ),
            ));
        }
    }
}

/// Edge route tables (aws-semantics.md §5, "ingress routing"): a route table associated with the
/// internet gateway routes the traffic that enters through it. The gateway must be the VPC's,
/// one gateway has at most one such table, and its routes may only send a VPC or subnet CIDR to
/// a network interface or a GWLB endpoint (AWS: gateway route tables).
fn edge_route_tables(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let igw = cx.s.internet_gateway.as_ref().map(|g| g.id.as_str());
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for t in &cx.s.route_tables {
        for g in &t.gateways {
            if Some(g.as_str()) != igw {
                out.push(Diagnostic::error(
                    &t.id,
                    "unknown_gateway",
                    format!(
                        "{} is associated with the gateway {g}, which is not the VPC's internet gateway{}",
                        t.id,
                        igw.map(|i| format!(" ({i})")).unwrap_or_default()
                    ),
                ));
            } else if let Some(other) = seen.insert(g.as_str(), t.id.as_str()) {
                out.push(Diagnostic::error(
                    &t.id,
                    "duplicate_gateway_association",
                    format!(
                        "{} and {other} are both associated with {g}; a gateway is associated with at most one route table",
                        t.id
                    ),
                ));
            }
        }
        if t.gateways.is_empty() {
            continue;
        }
        if t.main {
            out.push(Diagnostic::error(
                &t.id,
                "main_table_edge_association",
                format!(
                    "{} is the main route table; AWS does not associate the main route table with a gateway",
                    t.id
                ),
            ));
        }
        for r in &t.routes {
            let inside = match &r.destination {
                Destination::Cidr(c) => cx.s.vpc.cidrs.iter().any(|v| v.contains(c)),
                Destination::PrefixList(_) => false,
            };
            let target_ok = matches!(
                r.target,
                Target::NetworkInterface(_) | Target::GatewayLoadBalancerEndpoint(_)
            );
            if !inside || !target_ok {
                out.push(Diagnostic::error(
                    &t.id,
                    "edge_route_invalid",
                    format!(
                        "{} is an edge route table (associated with {}); its route {} → {} is not allowed: a gateway route table only sends the VPC CIDR or a subnet CIDR to a network interface or a Gateway Load Balancer endpoint",
                        t.id,
                        t.gateways.join(", "),
                        r.destination,
                        r.target
                    ),
                ));
            }
        }
    }
}

/// Gateway Load Balancers (aws-semantics.md §5): their endpoints exist and belong to one load
/// balancer each, and their appliance AZs resolve.
fn gateway_load_balancers(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for lb in &cx.s.gateway_load_balancers {
        for e in &lb.endpoints {
            if !cx.gwlbs.contains(e.as_str()) {
                out.push(Diagnostic::error(
                    &lb.id,
                    "unknown_gwlb_endpoint",
                    format!(
                        "{} lists the endpoint {e}, which is not a GWLB endpoint of the VPC",
                        lb.id
                    ),
                ));
            } else if let Some(other) = owner.insert(e.as_str(), lb.id.as_str()) {
                out.push(Diagnostic::error(
                    &lb.id,
                    "gwlb_endpoint_two_load_balancers",
                    format!(
                        "{e} is listed by both {other} and {}; a GWLB endpoint connects to one endpoint service, so one Gateway Load Balancer",
                        lb.id
                    ),
                ));
            }
        }
        let mut azs = HashSet::new();
        for a in &lb.appliances {
            match cx.azs.get(a.az.as_str()) {
                None => out.push(unknown_az(cx, &lb.id, &a.az)),
                Some(&i) => {
                    if !azs.insert(i) {
                        out.push(Diagnostic::error(
                            &lb.id,
                            "duplicate_appliance_az",
                            format!("{} lists the appliances of {} twice", lb.id, a.az),
                        ));
                    }
                }
            }
        }
    }
}

/// Workloads a scenario defines: named once, made of services that exist.
fn workloads(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut names = HashSet::new();
    for w in &cx.s.workloads {
        if !names.insert(w.name.as_str()) {
            out.push(Diagnostic::error(
                format!("workload:{}", w.name),
                "duplicate_id",
                format!("the workload {} is defined twice", w.name),
            ));
        }
        if w.services.is_empty() {
            out.push(Diagnostic::error(
                format!("workload:{}", w.name),
                "empty_workload",
                format!("the workload {} names no service", w.name),
            ));
        }
        for svc in &w.services {
            if !cx.services.contains_key(svc.as_str()) {
                out.push(Diagnostic::error(
                    format!("workload:{}", w.name),
                    "unknown_service",
                    format!(
                        "the workload {} needs {svc}, which is not a service of the catalogue or the scenario",
                        w.name
                    ),
                ));
            }
        }
    }
}

fn is_https_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && host.contains('.') && !s.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::catalogue;
    use crate::model::{
        EndpointSubnet, Expectation, GatewayEndpoint, GwlbEndpoint, InterfaceEndpoint,
        InternetGateway, Model, NatGateway, NetworkInterface, Route, ServiceOverride, from_ron_str,
    };

    /// A small valid scenario: public and private subnets in two AZs, an internet gateway, a
    /// NAT gateway, an S3 gateway endpoint and an SSM interface endpoint.
    fn minimal() -> Scenario {
        from_ron_str(
            r#"(
                region: "us-east-1",
                vpc: (id: "vpc-1", cidrs: ["10.0.0.0/16"]),
                availability_zones: [
                    (name: "us-east-1a", id: "use1-az1"),
                    (name: "us-east-1b", id: "use1-az2"),
                ],
                subnets: [
                    (id: "subnet-public-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
                    (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.1.0/24"),
                    (id: "subnet-private-b", az: "us-east-1b", cidr: "10.0.2.0/24"),
                ],
                route_tables: [
                    (id: "rtb-main", main: true),
                    (id: "rtb-public", subnets: ["subnet-public-a"],
                     routes: [(destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-1"))]),
                    (id: "rtb-private", subnets: ["subnet-private-a", "subnet-private-b"],
                     routes: [(destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a"))]),
                ],
                internet_gateway: (id: "igw-1"),
                nat_gateways: [(id: "nat-a", subnet: "subnet-public-a")],
                gateway_endpoints: [(id: "vpce-s3", service: "s3", route_tables: ["rtb-private"])],
                interface_endpoints: [(id: "vpce-ssm", service: "ssm",
                    subnets: [(subnet: "subnet-private-a"), (subnet: "subnet-private-b")])],
                instances: [(id: "i-app-a", name: "app-a", subnet: "subnet-private-a",
                             private_ip: "10.0.1.10")],
                expect: [(from: "app-a", to: "s3", verdict: "reachable", via: "gateway_endpoint",
                          source: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html")],
            )"#,
            Path::new("minimal.ron"),
        )
        .expect("the minimal scenario parses")
    }

    fn run(s: &Scenario) -> Vec<Diagnostic> {
        validate(s, &catalogue::resolve(&s.region, &s.services))
    }

    fn net(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    fn ip(s: &str) -> Ipv4Addr {
        s.parse().unwrap()
    }

    fn route(dest: &str, target: Target) -> Route {
        Route {
            destination: Destination::Cidr(net(dest)),
            target,
        }
    }

    fn table<'a>(s: &'a mut Scenario, id: &str) -> &'a mut RouteTable {
        s.route_tables.iter_mut().find(|t| t.id == id).unwrap()
    }

    /// The findings for `rule`, as `object: message`.
    fn found(d: &[Diagnostic], rule: &str) -> Vec<String> {
        d.iter()
            .filter(|x| x.rule == rule)
            .map(|x| format!("{}: {}", x.object, x.message))
            .collect()
    }

    /// Asserts that `rule` fired as an error on `object`, and returns its message.
    #[track_caller]
    fn error(d: &[Diagnostic], rule: &str, object: &str) -> String {
        match d.iter().find(|x| x.rule == rule && x.object == object) {
            Some(x) => {
                assert!(x.is_error(), "{x} should be an error");
                x.message.clone()
            }
            None => panic!("no {rule} on {object} in {d:#?}"),
        }
    }

    #[track_caller]
    fn warning(d: &[Diagnostic], rule: &str, object: &str) -> String {
        match d.iter().find(|x| x.rule == rule && x.object == object) {
            Some(x) => {
                assert!(!x.is_error(), "{x} should be a warning");
                x.message.clone()
            }
            None => panic!("no {rule} on {object} in {d:#?}"),
        }
    }

    #[test]
    fn minimal_scenario_is_clean() {
        let d = run(&minimal());
        assert!(d.is_empty(), "{d:#?}");
        Model::new(minimal()).unwrap();
    }

    #[test]
    fn shipped_scenario_is_clean_of_errors() {
        let text = include_str!("../../scenarios/private-only.ron");
        let s = from_ron_str(text, Path::new("private-only.ron")).unwrap();
        let d = run(&s);
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
    }

    // --- ids and AZs ---

    #[test]
    fn duplicate_ids_within_and_across_kinds() {
        let mut s = minimal();
        s.subnets[1].id = "subnet-public-a".into();
        s.route_tables[0].id = "rtb-public".into();
        s.instances[0].id = "nat-a".into();
        let d = run(&s);
        assert!(error(&d, "duplicate_id", "subnet-public-a").contains("two subnets"));
        assert!(error(&d, "duplicate_id", "rtb-public").contains("two route tables"));
        assert!(error(&d, "duplicate_id", "nat-a").contains("both a NAT gateway and an instance"));
    }

    #[test]
    fn empty_id_is_refused() {
        let mut s = minimal();
        s.instances[0].id = " ".into();
        error(&run(&s), "empty_id", "(instance)");
    }

    #[test]
    fn duplicate_az_names_and_ids() {
        let mut s = minimal();
        s.availability_zones[1].id = Some("use1-az1".into());
        let d = run(&s);
        assert!(error(&d, "duplicate_az", "us-east-1b").contains("use1-az1"));

        let mut s = minimal();
        s.availability_zones[1].name = "us-east-1a".into();
        assert!(error(&run(&s), "duplicate_az", "us-east-1a").contains("listed twice"));

        let mut s = minimal();
        s.availability_zones[1].id = Some("us-east-1a".into());
        assert!(error(&run(&s), "duplicate_az", "us-east-1b").contains("ambiguous"));
    }

    #[test]
    fn az_outside_region_is_a_warning() {
        let mut s = minimal();
        s.availability_zones[1].name = "eu-west-1b".into();
        s.subnets[2].az = "eu-west-1b".into();
        let d = run(&s);
        warning(&d, "az_not_in_region", "eu-west-1b");
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
    }

    // --- CIDRs ---

    #[test]
    fn host_bits_are_refused_everywhere() {
        let mut s = minimal();
        s.vpc.cidrs[0] = net("10.0.0.1/16");
        s.subnets[0].cidr = net("10.0.0.7/24");
        table(&mut s, "rtb-public").routes[0].destination = Destination::Cidr(net("0.0.0.1/0"));
        s.services.push(ServiceOverride {
            name: "sqs".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: None,
            cidrs: Some(vec![net("198.18.0.9/24")]),
        });
        let d = run(&s);
        assert!(error(&d, "cidr_host_bits", "vpc-1").contains("did you mean 10.0.0.0/16?"));
        assert!(error(&d, "cidr_host_bits", "subnet-public-a").contains("10.0.0.0/24"));
        assert!(error(&d, "cidr_host_bits", "sqs").contains("198.18.0.0/24"));
        // The route destination is a route table's finding.
        assert!(
            d.iter()
                .any(|x| x.rule == "cidr_host_bits" && x.object == "rtb-public")
        );
    }

    #[test]
    fn vpc_cidr_size_and_overlap() {
        let mut s = minimal();
        s.vpc.cidrs = vec![
            net("10.0.0.0/16"),
            net("10.0.128.0/17"),
            net("172.16.0.0/12"),
        ];
        let d = run(&s);
        assert!(error(&d, "vpc_cidr_overlap", "vpc-1").contains("10.0.128.0/17"));
        assert!(error(&d, "vpc_cidr_size", "vpc-1").contains("/12"));

        let mut s = minimal();
        s.vpc.cidrs.clear();
        error(&run(&s), "vpc_without_cidr", "vpc-1");
    }

    #[test]
    fn subnet_size_outside_and_overlap() {
        let mut s = minimal();
        s.subnets[0].cidr = net("10.0.0.0/29");
        s.subnets[1].cidr = net("10.0.0.0/30");
        s.subnets[2].cidr = net("10.1.2.0/24");
        let d = run(&s);
        assert!(error(&d, "subnet_cidr_size", "subnet-private-a").contains("/30"));
        assert!(error(&d, "subnet_overlap", "subnet-private-a").contains("subnet-public-a"));
        assert!(error(&d, "subnet_outside_vpc", "subnet-private-b").contains("10.0.0.0/16"));
    }

    #[test]
    fn subnet_must_sit_in_one_vpc_cidr() {
        let mut s = minimal();
        s.vpc.cidrs = vec![net("10.0.0.0/16"), net("10.1.0.0/16")];
        s.subnets[2].cidr = net("10.0.0.0/15");
        let d = run(&s);
        error(&d, "subnet_outside_vpc", "subnet-private-b");
    }

    #[test]
    fn subnet_az_resolves_by_name_or_id() {
        let mut s = minimal();
        s.subnets[2].az = "use1-az2".into();
        assert!(run(&s).is_empty());
        s.subnets[2].az = "us-east-1z".into();
        error(&run(&s), "unknown_az", "subnet-private-b");
    }

    // --- route tables ---

    #[test]
    fn exactly_one_main_table() {
        let mut s = minimal();
        s.route_tables[1].main = true;
        s.route_tables[2].main = true;
        let d = run(&s);
        assert_eq!(found(&d, "multiple_main_route_tables").len(), 2);
        assert!(error(&d, "multiple_main_route_tables", "rtb-private").contains("rtb-main"));

        let mut s = minimal();
        s.route_tables[0].main = false;
        error(&run(&s), "no_main_route_table", "vpc-1");
    }

    #[test]
    fn one_explicit_association_per_subnet() {
        let mut s = minimal();
        table(&mut s, "rtb-public")
            .subnets
            .push("subnet-private-a".into());
        table(&mut s, "rtb-main").subnets.push("subnet-nope".into());
        let d = run(&s);
        let m = error(&d, "duplicate_association", "subnet-private-a");
        assert!(m.contains("rtb-public") && m.contains("rtb-private"), "{m}");
        error(&d, "unknown_subnet", "rtb-main");
    }

    #[test]
    fn explicit_association_with_the_main_table_is_fine() {
        let mut s = minimal();
        table(&mut s, "rtb-public").subnets.clear();
        table(&mut s, "rtb-main")
            .subnets
            .push("subnet-public-a".into());
        table(&mut s, "rtb-main")
            .routes
            .push(route("0.0.0.0/0", Target::InternetGateway("igw-1".into())));
        assert!(run(&s).is_empty());
    }

    #[test]
    fn route_destinations_are_unique() {
        let mut s = minimal();
        table(&mut s, "rtb-public")
            .routes
            .push(route("0.0.0.0/0", Target::Blackhole));
        let d = run(&s);
        assert!(error(&d, "duplicate_route_destination", "rtb-public").contains("0.0.0.0/0"));
    }

    #[test]
    fn written_prefix_list_route_clashes_with_the_endpoint_route() {
        let mut s = minimal();
        table(&mut s, "rtb-private").routes.push(Route {
            destination: Destination::PrefixList("s3".into()),
            target: Target::NatGateway("nat-a".into()),
        });
        let d = run(&s);
        assert!(error(&d, "duplicate_route_destination", "rtb-private").contains("vpce-s3"));
        // The same route on a table without the endpoint is fine (AWS allows pl routes to a NAT).
        let mut s = minimal();
        table(&mut s, "rtb-public").routes.push(Route {
            destination: Destination::PrefixList("s3".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        assert!(run(&s).is_empty());
    }

    #[test]
    fn derived_targets_are_refused() {
        let mut s = minimal();
        let t = table(&mut s, "rtb-main");
        t.routes.push(route("10.0.0.0/16", Target::Local));
        t.routes.push(route(
            "52.216.0.0/15",
            Target::GatewayEndpoint("vpce-s3".into()),
        ));
        let d = run(&s);
        let msgs = found(&d, "derived_route_target");
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(msgs[0].contains("derived"));
        assert!(msgs[1].contains("route_tables"));
        // No second finding for the same route from the inside-VPC rule.
        assert!(found(&d, "invalid_local_route_target").is_empty());
    }

    #[test]
    fn targets_resolve() {
        let mut s = minimal();
        let t = table(&mut s, "rtb-main");
        t.routes.push(route(
            "192.168.0.0/16",
            Target::NatGateway("nat-gone".into()),
        ));
        t.routes.push(route(
            "192.169.0.0/16",
            Target::InternetGateway("igw-2".into()),
        ));
        t.routes.push(route(
            "192.170.0.0/16",
            Target::NetworkInterface("eni-gone".into()),
        ));
        t.routes.push(route(
            "192.171.0.0/16",
            Target::GatewayLoadBalancerEndpoint("gwlbe-gone".into()),
        ));
        // Beyond the model: not resolved.
        t.routes.push(route(
            "192.172.0.0/16",
            Target::TransitGateway("tgw-1".into()),
        ));
        let d = run(&s);
        let msgs = found(&d, "unknown_target");
        assert_eq!(msgs.len(), 4, "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains("nat-gone")));
        assert!(
            msgs.iter()
                .any(|m| m.contains("igw-2") && m.contains("igw-1"))
        );

        let mut s = minimal();
        s.internet_gateway = None;
        let d = run(&s);
        assert!(error(&d, "unknown_target", "rtb-public").contains("no internet gateway"));
    }

    #[test]
    fn local_route_replacement_targets() {
        let mut s = minimal();
        s.gwlb_endpoints.push(GwlbEndpoint {
            id: "gwlbe-a".into(),
            subnet: "subnet-public-a".into(),
            appliances_up: true,
        });
        table(&mut s, "rtb-public").routes.push(route(
            "10.0.0.0/16",
            Target::GatewayLoadBalancerEndpoint("gwlbe-a".into()),
        ));
        assert!(run(&s).is_empty());
        table(&mut s, "rtb-public").routes[1].target = Target::InternetGateway("igw-1".into());
        error(&run(&s), "invalid_local_route_target", "rtb-public");
    }

    #[test]
    fn routes_more_specific_than_the_vpc() {
        let mut s = minimal();
        s.network_interfaces.push(NetworkInterface {
            id: "eni-fw".into(),
            description: None,
            subnet: "subnet-public-a".into(),
            ip: Some(ip("10.0.0.20")),
            public_ip: false,
        });
        // To a subnet CIDR through an appliance: allowed.
        table(&mut s, "rtb-public").routes.push(route(
            "10.0.1.0/24",
            Target::NetworkInterface("eni-fw".into()),
        ));
        assert!(run(&s).is_empty(), "{:#?}", run(&s));
        // Not a subnet's CIDR.
        table(&mut s, "rtb-public").routes.push(route(
            "10.0.1.0/25",
            Target::NetworkInterface("eni-fw".into()),
        ));
        // A subnet's CIDR, wrong kind of target.
        table(&mut s, "rtb-main").routes.push(route(
            "10.0.2.0/24",
            Target::InternetGateway("igw-1".into()),
        ));
        // Less specific than the VPC: an ordinary route.
        table(&mut s, "rtb-main")
            .routes
            .push(route("10.0.0.0/8", Target::TransitGateway("tgw-1".into())));
        let d = run(&s);
        assert!(error(&d, "route_inside_vpc_not_subnet", "rtb-public").contains("10.0.1.0/25"));
        assert!(error(&d, "invalid_subnet_route_target", "rtb-main").contains("subnet-private-b"));
        assert_eq!(d.iter().filter(|x| x.is_error()).count(), 2, "{d:#?}");
    }

    #[test]
    fn prefix_list_destinations_name_services_with_cidrs() {
        let mut s = minimal();
        s.services.push(ServiceOverride {
            name: "myapi".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: None,
            cidrs: None,
        });
        let t = table(&mut s, "rtb-public");
        t.routes.push(Route {
            destination: Destination::PrefixList("nosuch".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        t.routes.push(Route {
            destination: Destination::PrefixList("myapi".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        let d = run(&s);
        assert!(error(&d, "unknown_service", "rtb-public").contains("nosuch"));
        assert!(error(&d, "prefix_list_empty", "rtb-public").contains("myapi"));
    }

    #[test]
    fn service_cidr_inside_vpc_is_a_warning() {
        let mut s = minimal();
        s.services.push(ServiceOverride {
            name: "sqs".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: None,
            cidrs: Some(vec![net("10.0.200.0/24"), net("198.18.0.0/24")]),
        });
        let d = run(&s);
        assert!(warning(&d, "service_cidr_inside_vpc", "sqs").contains("10.0.200.0/24"));
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    // --- gateway endpoints ---

    #[test]
    fn gateway_endpoint_service_must_offer_one() {
        let mut s = minimal();
        s.gateway_endpoints.push(GatewayEndpoint {
            id: "vpce-ssm-gw".into(),
            service: "ssm".into(),
            route_tables: vec!["rtb-main".into()],
        });
        s.gateway_endpoints.push(GatewayEndpoint {
            id: "vpce-x".into(),
            service: "nosuch".into(),
            route_tables: vec!["rtb-nope".into()],
        });
        let d = run(&s);
        assert!(error(&d, "gateway_endpoint_service", "vpce-ssm-gw").contains("S3"));
        error(&d, "unknown_service", "vpce-x");
        error(&d, "unknown_route_table", "vpce-x");
    }

    #[test]
    fn one_gateway_endpoint_route_per_service_per_table() {
        let mut s = minimal();
        s.gateway_endpoints.push(GatewayEndpoint {
            id: "vpce-s3-2".into(),
            service: "s3".into(),
            route_tables: vec!["rtb-public".into(), "rtb-private".into()],
        });
        // A DynamoDB endpoint on the same table is a different service: fine.
        s.gateway_endpoints.push(GatewayEndpoint {
            id: "vpce-ddb".into(),
            service: "dynamodb".into(),
            route_tables: vec!["rtb-private".into(), "rtb-private".into()],
        });
        let d = run(&s);
        let m = error(&d, "duplicate_gateway_endpoint_route", "vpce-s3-2");
        assert!(m.contains("rtb-private") && m.contains("vpce-s3"), "{m}");
        assert!(error(&d, "duplicate_gateway_endpoint_route", "vpce-ddb").contains("twice"));
        assert_eq!(found(&d, "duplicate_gateway_endpoint_route").len(), 2);
    }

    #[test]
    fn gateway_endpoint_with_dns_hostnames_off_is_a_warning() {
        let mut s = minimal();
        s.vpc.enable_dns_hostnames = false;
        let d = run(&s);
        assert!(warning(&d, "gateway_endpoint_dns_hostnames_off", "vpc-1").contains("vpce-s3"));
        assert!(!d.iter().any(Diagnostic::is_error));
    }

    #[test]
    fn gateway_endpoint_in_a_region_without_ranges_is_a_warning() {
        let mut s = minimal();
        s.region = "eu-west-3".into();
        for az in &mut s.availability_zones {
            az.name = az.name.replace("us-east-1", "eu-west-3");
        }
        for sn in &mut s.subnets {
            sn.az = sn.az.replace("us-east-1", "eu-west-3");
        }
        let d = run(&s);
        warning(&d, "gateway_endpoint_without_ranges", "vpce-s3");
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
    }

    // --- interface endpoints ---

    #[test]
    fn interface_endpoint_one_subnet_per_az() {
        let mut s = minimal();
        s.interface_endpoints[0].subnets.push(EndpointSubnet {
            subnet: "subnet-public-a".into(),
            ip: None,
        });
        s.interface_endpoints[0].subnets.push(EndpointSubnet {
            subnet: "subnet-private-b".into(),
            ip: None,
        });
        s.interface_endpoints[0].subnets.push(EndpointSubnet {
            subnet: "subnet-gone".into(),
            ip: None,
        });
        let d = run(&s);
        let msgs = found(&d, "endpoint_subnets_same_az");
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert_eq!(
            msgs[0],
            "vpce-ssm: vpce-ssm already has a subnet in us-east-1a (subnet-private-a), so it \
             cannot also use subnet-public-a; an interface endpoint takes at most one subnet per \
             Availability Zone"
        );
        assert!(msgs[1].contains("twice"));
        error(&d, "unknown_subnet", "vpce-ssm");
    }

    #[test]
    fn same_az_is_found_through_az_ids_too() {
        let mut s = minimal();
        s.subnets[0].az = "use1-az1".into();
        s.interface_endpoints[0].subnets[1].subnet = "subnet-public-a".into();
        error(&run(&s), "endpoint_subnets_same_az", "vpce-ssm");
    }

    #[test]
    fn interface_endpoint_service_must_offer_one() {
        let mut s = minimal();
        s.services.push(ServiceOverride {
            name: "sns".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: Some(false),
            cidrs: None,
        });
        s.interface_endpoints[0].service = "sns".into();
        error(&run(&s), "interface_endpoint_service", "vpce-ssm");
        s.interface_endpoints[0].service = "nosuch".into();
        error(&run(&s), "unknown_service", "vpce-ssm");
    }

    #[test]
    fn interface_endpoint_without_subnets_is_a_warning() {
        let mut s = minimal();
        s.interface_endpoints[0].subnets.clear();
        warning(&run(&s), "interface_endpoint_without_subnets", "vpce-ssm");
    }

    #[test]
    fn dynamodb_interface_endpoint_needs_private_dns_off() {
        let mut s = minimal();
        s.interface_endpoints.push(InterfaceEndpoint {
            id: "vpce-ddb".into(),
            service: "dynamodb".into(),
            subnets: vec![EndpointSubnet {
                subnet: "subnet-private-a".into(),
                ip: None,
            }],
            private_dns: true,
            private_dns_only_for_inbound_resolver_endpoint: false,
        });
        let m = error(&run(&s), "private_dns_unsupported", "vpce-ddb");
        assert!(
            m.contains("private_dns: false") && m.contains("defaults to true"),
            "{m}"
        );
        s.interface_endpoints[1].private_dns = false;
        assert!(run(&s).is_empty());
    }

    #[test]
    fn one_private_dns_endpoint_per_service() {
        let mut s = minimal();
        let mut second = s.interface_endpoints[0].clone();
        second.id = "vpce-ssm-2".into();
        s.interface_endpoints.push(second.clone());
        let d = run(&s);
        assert!(error(&d, "private_dns_conflict", "vpce-ssm-2").contains("vpce-ssm"));
        s.interface_endpoints[1].private_dns = false;
        assert!(run(&s).is_empty());
    }

    #[test]
    fn private_dns_with_vpc_attributes_off_is_a_warning() {
        let mut s = minimal();
        s.vpc.enable_dns_support = false;
        let d = run(&s);
        assert!(
            warning(&d, "private_dns_vpc_attributes_off", "vpce-ssm")
                .contains("enable_dns_support is off")
        );
        assert!(!d.iter().any(Diagnostic::is_error));
    }

    fn s3_interface(private_dns: bool, inbound_only: bool) -> InterfaceEndpoint {
        InterfaceEndpoint {
            id: "vpce-s3-if".into(),
            service: "s3".into(),
            subnets: vec![EndpointSubnet {
                subnet: "subnet-private-b".into(),
                ip: None,
            }],
            private_dns,
            private_dns_only_for_inbound_resolver_endpoint: inbound_only,
        }
    }

    #[test]
    fn inbound_resolver_option_rules() {
        let mut s = minimal();
        s.interface_endpoints.push(s3_interface(true, true));
        assert!(run(&s).is_empty());

        s.interface_endpoints[1] = s3_interface(false, true);
        error(
            &run(&s),
            "inbound_resolver_option_needs_private_dns",
            "vpce-s3-if",
        );

        s.interface_endpoints[1] = s3_interface(true, true);
        s.gateway_endpoints.clear();
        warning(
            &run(&s),
            "inbound_resolver_option_without_gateway_endpoint",
            "vpce-s3-if",
        );

        let mut s = minimal();
        s.interface_endpoints[0].private_dns_only_for_inbound_resolver_endpoint = true;
        assert!(error(&run(&s), "inbound_resolver_option_unsupported", "vpce-ssm").contains("ssm"));
    }

    // --- addresses ---

    #[test]
    fn addresses_in_subnet_not_reserved_unique() {
        let mut s = minimal();
        s.interface_endpoints[0].subnets[0].ip = Some(ip("10.0.1.10")); // the instance's
        s.interface_endpoints[0].subnets[1].ip = Some(ip("10.0.1.50")); // not in subnet-private-b
        s.network_interfaces.push(NetworkInterface {
            id: "eni-1".into(),
            description: None,
            subnet: "subnet-public-a".into(),
            ip: Some(ip("10.0.0.255")),
            public_ip: false,
        });
        s.instances.push(crate::model::Instance {
            id: "i-dns".into(),
            name: None,
            subnet: "subnet-private-b".into(),
            private_ip: Some(ip("10.0.2.2")),
            public_ip: false,
        });
        let d = run(&s);
        assert!(error(&d, "ip_in_use", "i-app-a").contains("vpce-ssm"));
        assert!(error(&d, "ip_outside_subnet", "vpce-ssm").contains("subnet-private-b"));
        assert!(error(&d, "ip_reserved", "eni-1").contains("broadcast"));
        assert!(error(&d, "ip_reserved", "i-dns").contains("Amazon DNS"));
    }

    #[test]
    fn a_subnet_runs_out_of_addresses() {
        let mut s = minimal();
        s.subnets[2].cidr = net("10.0.2.0/28"); // 11 usable
        for i in 0..10 {
            s.instances.push(crate::model::Instance {
                id: format!("i-{i}"),
                name: None,
                subnet: "subnet-private-b".into(),
                private_ip: Some(Ipv4Addr::new(10, 0, 2, 4 + i)),
                public_ip: false,
            });
        }
        // 10 fixed + vpce-ssm's ENI = 11: fits.
        assert!(run(&s).is_empty(), "{:#?}", run(&s));
        s.network_interfaces.push(NetworkInterface {
            id: "eni-1".into(),
            description: None,
            subnet: "subnet-private-b".into(),
            ip: None,
            public_ip: false,
        });
        let m = error(&run(&s), "subnet_out_of_addresses", "subnet-private-b");
        assert!(
            m.contains("11 usable") && m.contains("12 network interfaces"),
            "{m}"
        );
    }

    #[test]
    fn reserved_addresses_are_the_first_four_and_the_last() {
        let c = net("10.0.1.0/28");
        let reserved: Vec<u8> = (0..=15u8)
            .filter(|i| reserved_use(&c, Ipv4Addr::new(10, 0, 1, *i)).is_some())
            .collect();
        assert_eq!(reserved, vec![0, 1, 2, 3, 15]);
        assert!(reserved_use(&net("255.255.255.255/32"), ip("255.255.255.255")).is_some());
        assert!(reserved_use(&net("0.0.0.0/0"), ip("0.0.0.4")).is_none());
    }

    // --- NAT gateways ---

    fn nat(id: &str, subnet: Option<&str>, mode: AvailabilityMode) -> NatGateway {
        NatGateway {
            id: id.into(),
            name: None,
            subnet: subnet.map(Into::into),
            connectivity: NatConnectivity::Public,
            availability_mode: mode,
        }
    }

    #[test]
    fn zonal_and_regional_nat_placement() {
        let mut s = minimal();
        s.nat_gateways
            .push(nat("nat-z", None, AvailabilityMode::Zonal));
        s.nat_gateways.push(nat(
            "nat-gone",
            Some("subnet-gone"),
            AvailabilityMode::Zonal,
        ));
        let mut r = nat("nat-r", Some("subnet-public-a"), AvailabilityMode::Regional);
        r.connectivity = NatConnectivity::Private;
        s.nat_gateways.push(r);
        let d = run(&s);
        error(&d, "nat_without_subnet", "nat-z");
        error(&d, "unknown_subnet", "nat-gone");
        error(&d, "regional_nat_with_subnet", "nat-r");
        error(&d, "regional_nat_private", "nat-r");
        assert!(found(&d, "regional_nat_without_igw").is_empty());

        let mut s = minimal();
        s.nat_gateways = vec![nat("nat-a", None, AvailabilityMode::Regional)];
        assert!(run(&s).is_empty());
        s.internet_gateway = None;
        table(&mut s, "rtb-public").routes.clear();
        let d = run(&s);
        error(&d, "regional_nat_without_igw", "nat-a");
        assert_eq!(d.len(), 1, "{d:#?}");
    }

    #[test]
    fn public_nat_needs_an_igw_route_in_its_own_table() {
        let mut s = minimal();
        table(&mut s, "rtb-public").routes.clear();
        let m = warning(&run(&s), "public_nat_without_igw_route", "nat-a");
        assert!(m.contains("rtb-public"), "{m}");
        // Without an explicit association the NAT's subnet uses the main table.
        let mut s = minimal();
        table(&mut s, "rtb-public").subnets.clear();
        let m = warning(&run(&s), "public_nat_without_igw_route", "nat-a");
        assert!(m.contains("rtb-main") && m.contains("main table"), "{m}");
        table(&mut s, "rtb-main")
            .routes
            .push(route("0.0.0.0/0", Target::InternetGateway("igw-1".into())));
        assert!(run(&s).is_empty());
        // A private NAT gateway does not need one.
        let mut s = minimal();
        table(&mut s, "rtb-public").routes.clear();
        s.nat_gateways[0].connectivity = NatConnectivity::Private;
        assert!(run(&s).is_empty());
    }

    // --- other references ---

    #[test]
    fn placements_resolve() {
        let mut s = minimal();
        s.instances[0].subnet = "subnet-x".into();
        s.instances[0].private_ip = None;
        s.gwlb_endpoints.push(GwlbEndpoint {
            id: "gwlbe-1".into(),
            subnet: "subnet-y".into(),
            appliances_up: true,
        });
        s.network_interfaces.push(NetworkInterface {
            id: "eni-1".into(),
            description: None,
            subnet: "subnet-z".into(),
            ip: None,
            public_ip: false,
        });
        let d = run(&s);
        error(&d, "unknown_subnet", "i-app-a");
        error(&d, "unknown_subnet", "gwlbe-1");
        error(&d, "unknown_subnet", "eni-1");
    }

    #[test]
    fn what_if_azs_resolve() {
        let mut s = minimal();
        s.what_if.failed_azs = vec!["us-east-1a".into(), "use1-az2".into(), "us-east-1q".into()];
        let d = run(&s);
        assert_eq!(found(&d, "unknown_az").len(), 1);
        assert!(error(&d, "unknown_az", "what_if").contains("us-east-1q"));
    }

    #[test]
    fn expectations_are_checked() {
        let mut s = minimal();
        let base = s.expect[0].clone();
        s.expect.push(Expectation {
            from: "nobody".into(),
            to: "nosuch".into(),
            failed_azs: vec!["use1-az9".into()],
            verdict: "works".into(),
            cross_az: Some("often".into()),
            source: "http://docs.aws.amazon.com/".into(),
            ..base.clone()
        });
        s.expect.push(Expectation {
            from: "i-app-a".into(),
            source: "https://".into(),
            ..base
        });
        let d = run(&s);
        let obj = "expect[1] (nobody → nosuch)";
        error(&d, "unknown_instance", obj);
        error(&d, "unknown_service", obj);
        error(&d, "unknown_az", obj);
        assert!(error(&d, "invalid_verdict", obj).contains("leaves_vpc"));
        error(&d, "invalid_cross_az", obj);
        error(&d, "invalid_source", obj);
        error(&d, "invalid_source", "expect[2] (i-app-a → s3)");
        assert_eq!(d.len(), 7, "{d:#?}");
    }

    #[test]
    fn expectation_from_an_ambiguous_name() {
        let mut s = minimal();
        s.instances.push(crate::model::Instance {
            id: "i-app-a2".into(),
            name: Some("app-a".into()),
            subnet: "subnet-private-b".into(),
            private_ip: None,
            public_ip: false,
        });
        error(&run(&s), "ambiguous_instance", "expect[0] (app-a → s3)");
    }

    #[test]
    fn all_errors_are_collected() {
        let mut s = minimal();
        s.subnets[0].cidr = net("10.9.0.0/24");
        s.route_tables[1].main = true;
        s.interface_endpoints[0].subnets[1].subnet = "subnet-public-a".into();
        s.expect[0].verdict = "yes".into();
        let d = run(&s);
        for rule in [
            "subnet_outside_vpc",
            "multiple_main_route_tables",
            "endpoint_subnets_same_az",
            "invalid_verdict",
        ] {
            assert_eq!(found(&d, rule).len(), 1, "{rule}: {d:#?}");
        }
    }

    #[test]
    fn https_urls() {
        assert!(is_https_url("https://docs.aws.amazon.com/vpc/"));
        assert!(!is_https_url("https://docs.aws.amazon.com/a b"));
        assert!(!is_https_url("https:///x"));
        assert!(!is_https_url("ftp://x.y"));
    }

    #[test]
    fn degenerate_scenarios_do_not_panic() {
        let mut s = minimal();
        s.availability_zones.clear();
        s.route_tables.clear();
        s.vpc.cidrs = vec![net("0.0.0.0/0"), net("255.255.255.255/32")];
        s.subnets[0].cidr = net("255.255.255.255/32");
        s.subnets[1].cidr = net("0.0.0.0/0");
        s.instances[0].private_ip = Some(ip("255.255.255.255"));
        s.instances[0].subnet = "subnet-public-a".into();
        let d = run(&s);
        assert!(d.iter().any(Diagnostic::is_error));
        assert!(Model::new(s).is_err());
    }

    mod never_panics {
        use proptest::prelude::*;

        use super::*;

        const SUBNETS: &[&str] = &[
            "subnet-public-a",
            "subnet-private-a",
            "subnet-private-b",
            "x",
        ];
        const TABLES: &[&str] = &["rtb-main", "rtb-public", "rtb-private", "y"];

        fn small_net() -> impl Strategy<Value = Ipv4Net> {
            (0u8..4, 0u8..=255, 12u8..=32)
                .prop_map(|(a, b, len)| Ipv4Net::new(Ipv4Addr::new(10, a, b, 0), len).unwrap())
        }

        #[derive(Debug, Clone)]
        enum Change {
            SubnetCidr(usize, Ipv4Net),
            SubnetAz(usize, bool),
            Main(usize, bool),
            Associate(usize, usize),
            Route(usize, Ipv4Net, u8),
            GatewayTable(usize),
            EndpointSubnet(usize, Option<u8>),
            InstanceIp(u8),
            Nat(usize, bool, bool),
            Dns(bool, bool),
        }

        fn change() -> impl Strategy<Value = Change> {
            prop_oneof![
                (0usize..3, small_net()).prop_map(|(i, c)| Change::SubnetCidr(i, c)),
                (0usize..3, any::<bool>()).prop_map(|(i, b)| Change::SubnetAz(i, b)),
                (0usize..3, any::<bool>()).prop_map(|(i, b)| Change::Main(i, b)),
                (0usize..4, 0usize..4).prop_map(|(t, sn)| Change::Associate(t, sn)),
                (0usize..3, small_net(), 0u8..6).prop_map(|(t, c, k)| Change::Route(t, c, k)),
                (0usize..4).prop_map(Change::GatewayTable),
                (0usize..4, proptest::option::of(any::<u8>()))
                    .prop_map(|(sn, o)| Change::EndpointSubnet(sn, o)),
                any::<u8>().prop_map(Change::InstanceIp),
                (0usize..4, any::<bool>(), any::<bool>())
                    .prop_map(|(sn, r, p)| Change::Nat(sn, r, p)),
                (any::<bool>(), any::<bool>()).prop_map(|(a, b)| Change::Dns(a, b)),
            ]
        }

        fn apply(s: &mut Scenario, c: Change) {
            match c {
                Change::SubnetCidr(i, n) => s.subnets[i].cidr = n,
                Change::SubnetAz(i, b) => {
                    s.subnets[i].az = if b { "use1-az2" } else { "nowhere" }.into()
                }
                Change::Main(i, b) => s.route_tables[i].main = b,
                Change::Associate(t, sn) => {
                    if let Some(t) = s.route_tables.get_mut(t) {
                        t.subnets.push(SUBNETS[sn].into());
                    }
                }
                Change::Route(t, n, k) => {
                    let target = match k {
                        0 => Target::NatGateway("nat-a".into()),
                        1 => Target::InternetGateway("igw-1".into()),
                        2 => Target::Local,
                        3 => Target::NetworkInterface("eni-x".into()),
                        4 => Target::Blackhole,
                        _ => Target::GatewayEndpoint("vpce-s3".into()),
                    };
                    s.route_tables[t].routes.push(route(&n.to_string(), target));
                }
                Change::GatewayTable(t) => {
                    s.gateway_endpoints[0].route_tables.push(TABLES[t].into())
                }
                Change::EndpointSubnet(sn, o) => {
                    s.interface_endpoints[0].subnets.push(EndpointSubnet {
                        subnet: SUBNETS[sn].into(),
                        ip: o.map(|b| Ipv4Addr::new(10, 0, 1, b)),
                    })
                }
                Change::InstanceIp(b) => {
                    s.instances[0].private_ip = Some(Ipv4Addr::new(10, 0, 1, b))
                }
                Change::Nat(sn, regional, private) => s.nat_gateways.push(NatGateway {
                    id: format!("nat-{}", s.nat_gateways.len()),
                    name: None,
                    subnet: SUBNETS.get(sn).filter(|_| sn < 3).map(|x| x.to_string()),
                    connectivity: if private {
                        NatConnectivity::Private
                    } else {
                        NatConnectivity::Public
                    },
                    availability_mode: if regional {
                        AvailabilityMode::Regional
                    } else {
                        AvailabilityMode::Zonal
                    },
                }),
                Change::Dns(a, b) => {
                    s.vpc.enable_dns_support = a;
                    s.vpc.enable_dns_hostnames = b;
                }
            }
        }

        proptest! {
            /// Validation never panics, and whatever it accepts the model can index.
            #[test]
            fn validate_and_index_never_panic(changes in proptest::collection::vec(change(), 0..8)) {
                let mut s = minimal();
                s.internet_gateway = Some(InternetGateway { id: "igw-1".into() });
                for c in changes {
                    apply(&mut s, c);
                }
                let d = run(&s);
                let ok = !d.iter().any(Diagnostic::is_error);
                let model = Model::new(s);
                prop_assert_eq!(model.is_ok(), ok);
                if let Ok(m) = model {
                    // Every lookup the evaluator relies on holds for an accepted scenario.
                    for i in 0..m.scenario().subnets.len() {
                        let (t, _) = m.subnet_route_table(i);
                        prop_assert!(t < m.scenario().route_tables.len());
                        let _ = m.compiled_table(t);
                    }
                    for e in 0..m.scenario().interface_endpoints.len() {
                        for eni in m.endpoint_enis(e) {
                            prop_assert!(eni.az < m.scenario().availability_zones.len());
                        }
                    }
                }
            }
        }
    }
}
