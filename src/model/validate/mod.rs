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

/// The lookups validation builds on every edit (a quota-sized model's ids and addresses by the
/// ten thousand): rustc's hasher, as the model's index uses (`index::IdMap`).
type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
type FxSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

use ipnet::Ipv4Net;

use super::parts::{Parts, Parts as P, Touched};
use super::{Diagnostic, RouteTable, Scenario, Subnet};
use crate::model::catalogue::Service;

mod addresses;
mod bpa;
mod dns;
mod endpoints;
mod expectations;
mod ids;
mod ingress;
mod ipv6;
mod lattice;
mod nat;
mod policies;
mod route_tables;
pub(crate) mod security;
mod subnets;
#[cfg(test)]
mod test_support;

use addresses::{ip_addresses, ipv4_holders_have_block, subnet_addresses_suffice};
use bpa::block_public_access;
use dns::dns_settings;
use endpoints::{
    gateway_endpoints, inbound_resolver_option, interface_endpoint_private_dns, interface_endpoints,
};
use expectations::{expectations, what_if_azs, workloads};
use ids::{availability_zones_unique, ids_unique};
use ingress::{edge_route_tables, gateway_load_balancers};
use ipv6::{endpoint_ip_types, ipv6_addresses, ipv6_blocks, ipv6_routes};
use lattice::service_network_association;
use nat::{nat_gateways, public_nat_gateway_route};
use policies::policies;
use route_tables::{
    one_main_route_table, prefix_list_destinations, route_destination_cidrs,
    route_destinations_unique, route_targets_resolve, routes_inside_vpc, service_cidrs,
    subnet_associations,
};
use security::{network_acls, security_groups};
use subnets::{placement_subnets_resolve, subnet_cidrs, vpc_cidrs, vpc_dns_attributes};

/// The verdicts an `expect` entry may name.
pub const VERDICTS: &[&str] = &[
    "reachable",
    "partial",
    "blocked",
    "leaves_vpc",
    "unavailable",
    "not_modelled",
];

/// The `family` values an `expect` entry may name (as `check --family` takes them).
pub const FAMILIES: &[&str] = &["ipv4", "ipv6", "auto"];

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
///
/// `removal`: the edit only removed (an object, a route, an ENI; see `Edit::apply_removal`):
/// the rules marked [`Reads::removal_safe`] cannot report a new error then, so they are not
/// run again and keep their findings from before (warnings only: the model was valid).
pub(crate) fn revalidate(
    scenario: &Scenario,
    services: &[Service],
    previous: &[Vec<Diagnostic>],
    touched: &Touched,
    removal: bool,
) -> Vec<Vec<Diagnostic>> {
    debug_assert_eq!(previous.len(), RULES.len());
    let mut cx = Cx::new(scenario, services, None);
    RULES
        .iter()
        .zip(previous)
        .map(|((rule, reads), before)| {
            if !touched.parts.intersects(reads.parts) || (removal && reads.removal_safe) {
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
            // A rule edit: the edited groups' and ACLs' rules alone first (see
            // [`Reads::per_rules`]).
            if reads.per_rules
                && before.is_empty()
                && !touched.parts.intersects(reads.parts.minus(Parts::SECURITY))
                && let Some((groups, acls)) = &touched.security_rules
            {
                cx.rules_scope = Some((groups, acls));
                cx.attachments = touched.security_attachments;
                rule(&cx, &mut out);
                cx.rules_scope = None;
                cx.attachments = false;
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
    /// Taking something away (an object, a route, an ENI, an address's user) cannot make the
    /// rule report an error it did not report before: it checks that ids are unique, that
    /// addresses do not collide or run out, or that each written route is well formed and
    /// its target exists (a deleted NAT gateway's routes become blackholes). These are the
    /// rules that read the whole scenario or every route of a table, so a removal skips them.
    removal_safe: bool,
    /// What the rule reports of [`Parts::SECURITY`] about one security group's or network
    /// ACL's rules depends on those rules alone (and the other parts it reads): after an edit
    /// of some groups' or ACLs' rules only (`Touched::security_rules`), a rule that found
    /// nothing before runs on the edited ones alone ([`Cx::rules_scope`]), and on all only if
    /// it finds something there.
    per_rules: bool,
}

const fn reads(parts: Parts) -> Reads {
    Reads {
        parts,
        per_table: false,
        removal_safe: false,
        per_rules: false,
    }
}

const fn per_table(parts: Parts) -> Reads {
    Reads {
        parts,
        per_table: true,
        removal_safe: false,
        per_rules: false,
    }
}

impl Reads {
    /// See [`Reads::removal_safe`].
    const fn removal_safe(self) -> Reads {
        Reads {
            removal_safe: true,
            ..self
        }
    }

    /// See [`Reads::per_rules`].
    const fn per_rules(self) -> Reads {
        Reads {
            per_rules: true,
            ..self
        }
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
                .union(P::INSTANCES)
                .union(P::SECURITY),
        )
        .removal_safe()
        .per_rules(),
    ),
    (availability_zones_unique, reads(P::AZS.union(P::REGION))),
    (
        service_network_association,
        reads(P::REGION.union(P::SECURITY)),
    ),
    (vpc_cidrs, reads(P::VPC)),
    (vpc_dns_attributes, reads(P::VPC.union(P::VPC_DNS))),
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
        per_table(P::TABLES.union(P::ROUTES)).removal_safe(),
    ),
    (
        route_destinations_unique,
        per_table(P::TABLES.union(P::ROUTES).union(P::GATEWAY_ENDPOINT_TABLES)).removal_safe(),
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
        )
        .removal_safe(),
    ),
    (
        routes_inside_vpc,
        per_table(P::TABLES.union(P::ROUTES).union(P::VPC).union(P::SUBNETS)).removal_safe(),
    ),
    (
        prefix_list_destinations,
        per_table(P::TABLES.union(P::ROUTES).union(P::REGION)).removal_safe(),
    ),
    (service_cidrs, reads(P::REGION.union(P::VPC))),
    (ipv6_blocks, reads(P::VPC.union(P::SUBNETS))),
    (
        ipv6_routes,
        reads(
            P::VPC
                .union(P::TABLES)
                .union(P::ROUTES)
                .union(P::INTERNET_GATEWAY)
                .union(P::NAT_GATEWAYS)
                .union(P::GWLB_ENDPOINTS)
                .union(P::NETWORK_INTERFACES),
        ),
    ),
    (
        ipv6_addresses,
        reads(P::INSTANCES.union(P::SUBNETS).union(P::PUBLIC_IPS)),
    ),
    (
        endpoint_ip_types,
        reads(P::INTERFACE_ENDPOINTS.union(P::SUBNETS)),
    ),
    (
        policies,
        reads(
            P::POLICIES
                .union(P::NAT_GATEWAYS)
                .union(P::GATEWAY_ENDPOINTS)
                .union(P::INTERFACE_ENDPOINTS),
        ),
    ),
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
        )
        .removal_safe(),
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
        )
        .removal_safe(),
    ),
    (
        ipv4_holders_have_block,
        reads(
            P::NETWORK_INTERFACES
                .union(P::NAT_GATEWAYS)
                .union(P::GWLB_ENDPOINTS)
                .union(P::SUBNETS),
        )
        .removal_safe(),
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
        security_groups,
        reads(
            P::SECURITY
                .union(P::INSTANCES)
                .union(P::INTERFACE_ENDPOINTS)
                .union(P::NETWORK_INTERFACES)
                .union(P::REGION),
        )
        .per_rules(),
    ),
    (
        network_acls,
        reads(P::SECURITY.union(P::SUBNETS)).per_rules(),
    ),
    (
        block_public_access,
        reads(P::BPA.union(P::SUBNETS).union(P::VPC)),
    ),
    (
        dns_settings,
        reads(
            P::DNS
                .union(P::INTERFACE_ENDPOINTS)
                .union(P::PRIVATE_DNS)
                .union(P::REGION),
        ),
    ),
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
    services: FxMap<&'a str, &'a Service>,
    /// AZ name or AZ ID → index in `availability_zones`.
    azs: FxMap<&'a str, usize>,
    subnets: FxMap<&'a str, &'a Subnet>,
    tables: FxMap<&'a str, &'a RouteTable>,
    nats: FxSet<&'a str>,
    gwlbs: FxSet<&'a str>,
    enis: FxSet<&'a str>,
    /// The tables the per-table rules check: `None` for all of them.
    scope: Option<&'a [usize]>,
    /// The security groups and network ACLs (indexes) whose rules the [`Reads::per_rules`]
    /// rules check, and nothing else: `None` for everything.
    rules_scope: Option<(&'a [usize], &'a [usize])>,
    /// With `rules_scope`: the interfaces' groups and the subnets' network ACLs are checked
    /// too (an edit changed what attaches them, `Touched::security_attachments`).
    attachments: bool,
    /// Subnet → the first table that lists it, built when a rule first asks (one pass over
    /// the associations, so asking for every NAT gateway's subnet stays linear).
    associated: std::cell::OnceCell<FxMap<&'a str, &'a RouteTable>>,
}

impl<'a> Cx<'a> {
    fn new(s: &'a Scenario, services: &'a [Service], scope: Option<&'a [usize]>) -> Self {
        let mut azs = FxMap::default();
        for (i, az) in s.availability_zones.iter().enumerate() {
            azs.entry(az.name.as_str()).or_insert(i);
        }
        for (i, az) in s.availability_zones.iter().enumerate() {
            if let Some(id) = &az.id {
                azs.entry(id.as_str()).or_insert(i);
            }
        }
        let mut subnets = FxMap::with_capacity_and_hasher(s.subnets.len(), Default::default());
        for sn in &s.subnets {
            subnets.entry(sn.id.as_str()).or_insert(sn);
        }
        let mut tables = FxMap::with_capacity_and_hasher(s.route_tables.len(), Default::default());
        for t in &s.route_tables {
            tables.entry(t.id.as_str()).or_insert(t);
        }
        let mut svc = FxMap::with_capacity_and_hasher(services.len(), Default::default());
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
            rules_scope: None,
            attachments: false,
            associated: std::cell::OnceCell::new(),
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

    fn vpc_cidrs(&self) -> impl Iterator<Item = Ipv4Net> + use<'a> {
        self.s.vpc.cidrs.iter().map(|c| c.trunc())
    }

    /// The table a subnet uses (aws-semantics.md §1): its explicit association if it has one,
    /// otherwise the main table. `true` when explicit.
    fn subnet_table(&self, subnet: &str) -> Option<(&'a RouteTable, bool)> {
        let associated = self.associated.get_or_init(|| {
            let mut map = FxMap::default();
            for t in &self.s.route_tables {
                for x in &t.subnets {
                    map.entry(x.as_str()).or_insert(t);
                }
            }
            map
        });
        if let Some(&t) = associated.get(subnet) {
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

/// Report a CIDR whose address is not its network address (aws-semantics.md §7: CIDRs valid).
/// `what` is the message naming the CIDR's role (`what-vpc-cidr`). Returns whether the CIDR is
/// well-formed.
fn cidr_without_host_bits(
    object: &str,
    what: &'static str,
    cidr: &Ipv4Net,
    out: &mut Vec<Diagnostic>,
) -> bool {
    if cidr.addr() == cidr.network() {
        return true;
    }
    out.push(
        Diagnostic::error(object, "cidr_host_bits")
            .m("what", what)
            .s("cidr", cidr)
            .s("network", cidr.trunc()),
    );
    false
}

fn unknown_az(cx: &Cx, object: &str, az: &str) -> Diagnostic {
    let known = cx.s.availability_zones.iter().map(|a| match &a.id {
        Some(id) => format!("{} ({id})", a.name),
        None => a.name.clone(),
    });
    Diagnostic::error(object, "unknown_az")
        .s("case", "reference")
        .s("az", az)
        .list("known", known)
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::path::Path;

    use ipnet::Ipv4Net;

    use super::test_support::*;
    use crate::model::{
        AvailabilityMode, Diagnostic, EndpointSubnet, InternetGateway, Model, NatConnectivity,
        NatGateway, Scenario, Target, from_ron_str,
    };

    #[test]
    fn minimal_scenario_is_clean() {
        let d = run(&minimal());
        assert!(d.is_empty(), "{d:#?}");
        Model::new(minimal()).unwrap();
    }

    #[test]
    fn shipped_scenario_is_clean_of_errors() {
        let text = include_str!("../../../scenarios/private-only.ron");
        let s = from_ron_str(text, Path::new("private-only.ron")).unwrap();
        let d = run(&s);
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
    }

    #[test]
    fn all_errors_are_collected() {
        let mut s = minimal();
        s.subnets[0].cidr = Some(net("10.9.0.0/24"));
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
    fn degenerate_scenarios_do_not_panic() {
        let mut s = minimal();
        s.availability_zones.clear();
        s.route_tables.clear();
        s.vpc.cidrs = vec![net("0.0.0.0/0"), net("255.255.255.255/32")];
        s.subnets[0].cidr = Some(net("255.255.255.255/32"));
        s.subnets[1].cidr = Some(net("0.0.0.0/0"));
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
            SubnetCidr(usize, Option<Ipv4Net>, bool),
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
                // None: no IPv4 block (with or without `ipv6_only`).
                (0usize..3, proptest::option::of(small_net()), any::<bool>())
                    .prop_map(|(i, c, v6)| Change::SubnetCidr(i, c, v6)),
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
                Change::SubnetCidr(i, n, v6) => {
                    s.subnets[i].cidr = n;
                    s.subnets[i].ipv6_only = v6;
                }
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
                        ipv6: Default::default(),
                        subnet: SUBNETS[sn].into(),
                        ip: o.map(|b| Ipv4Addr::new(10, 0, 1, b)),
                    })
                }
                Change::InstanceIp(b) => {
                    s.instances[0].private_ip = Some(Ipv4Addr::new(10, 0, 1, b))
                }
                Change::Nat(sn, regional, private) => s.nat_gateways.push(NatGateway {
                    elastic_ip: None,
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
