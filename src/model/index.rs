//! [`Model`]: a validated scenario plus the lookups the evaluator needs. Built once per load
//! and after every edit; nothing here decides routing, it only arranges the facts.

use std::collections::{HashMap, HashSet};
use std::net::Ipv4Addr;
use std::sync::Arc;

use ipnet::Ipv4Net;

use super::{Destination, Diagnostic, Scenario, Target, WhatIf, validate};
use crate::catalogue::{self, Service, Workload};
use crate::prefix_trie::PrefixTrie;

/// How a subnet got its route table (aws-semantics.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Association {
    Explicit,
    /// No explicit association: the subnet uses the main table.
    ImplicitMain,
}

/// Where a route in a compiled table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// An interface endpoint's network interface in one subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EniInfo {
    pub subnet: usize,
    pub az: usize,
    pub ip: Ipv4Addr,
}

/// A validated scenario and its indexes.
#[derive(Debug, Clone)]
pub struct Model {
    scenario: Scenario,
    services: Vec<Service>,
    warnings: Vec<Diagnostic>,
    pub(crate) az_lookup: HashMap<String, usize>,
    pub(crate) subnet_lookup: HashMap<String, usize>,
    pub(crate) subnet_az: Vec<usize>,
    pub(crate) subnet_table: Vec<(usize, Association)>,
    pub(crate) table_lookup: HashMap<String, usize>,
    pub(crate) tables: Vec<Arc<CompiledTable>>,
    pub(crate) service_lookup: HashMap<String, usize>,
    pub(crate) nat_lookup: HashMap<String, usize>,
    pub(crate) gwlb_lookup: HashMap<String, usize>,
    pub(crate) eni_lookup: HashMap<String, usize>,
    pub(crate) instance_lookup: HashMap<String, usize>,
    /// Per interface endpoint, its ENIs in scenario order.
    pub(crate) endpoint_enis: Vec<Vec<EniInfo>>,
    /// Per service, the interface endpoints for it.
    pub(crate) service_endpoints: Vec<Vec<usize>>,
    workloads: Vec<Workload>,
}

impl Model {
    /// Validate and index. Errors (every one, not the first) refuse the scenario; warnings are
    /// kept on the model.
    pub fn new(scenario: Scenario) -> Result<Model, Vec<Diagnostic>> {
        let services = catalogue::resolve(&scenario.region, &scenario.services);
        let mut diagnostics = validate::validate(&scenario, &services);
        diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        Ok(Self::index(scenario, services, diagnostics, None))
    }

    /// Re-index after an edit, reusing compiled tables whose inputs did not change (so an edit
    /// to one of 200 tables recompiles one).
    pub(crate) fn rebuild(&self, scenario: Scenario) -> Result<Model, Vec<Diagnostic>> {
        let services = if scenario.region == self.scenario.region
            && scenario.services == self.scenario.services
        {
            self.services.clone()
        } else {
            catalogue::resolve(&scenario.region, &scenario.services)
        };
        let mut diagnostics = validate::validate(&scenario, &services);
        diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        Ok(Self::index(scenario, services, diagnostics, Some(self)))
    }

    fn index(
        scenario: Scenario,
        services: Vec<Service>,
        warnings: Vec<Diagnostic>,
        previous: Option<&Model>,
    ) -> Model {
        let mut az_lookup = HashMap::new();
        for (i, az) in scenario.availability_zones.iter().enumerate() {
            az_lookup.insert(az.name.clone(), i);
            if let Some(id) = &az.id {
                az_lookup.insert(id.clone(), i);
            }
        }
        let subnet_lookup: HashMap<String, usize> = scenario
            .subnets
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let subnet_az = scenario
            .subnets
            .iter()
            .map(|s| az_lookup.get(&s.az).copied().unwrap_or(0))
            .collect();
        let table_lookup: HashMap<String, usize> = scenario
            .route_tables
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect();
        let main = scenario
            .route_tables
            .iter()
            .position(|t| t.main)
            .unwrap_or(0);
        let mut subnet_table = vec![(main, Association::ImplicitMain); scenario.subnets.len()];
        for (ti, t) in scenario.route_tables.iter().enumerate() {
            for s in &t.subnets {
                if let Some(&si) = subnet_lookup.get(s) {
                    subnet_table[si] = (ti, Association::Explicit);
                }
            }
        }
        let service_lookup: HashMap<String, usize> = services
            .iter()
            .enumerate()
            .map(|(i, s)| (s.name.clone(), i))
            .collect();

        let tables = scenario
            .route_tables
            .iter()
            .map(|t| {
                let compiled =
                    compile_table(&scenario, &services, &service_lookup, &t.id, &t.routes);
                // Reuse the previous Arc when nothing that feeds the table changed.
                if let Some(prev) = previous
                    && let Some(&pi) = prev.table_lookup.get(&t.id)
                    && prev.tables[pi].routes == compiled.routes
                {
                    return prev.tables[pi].clone();
                }
                Arc::new(compiled)
            })
            .collect();

        let ids = |v: Vec<&String>| -> HashMap<String, usize> {
            v.into_iter()
                .enumerate()
                .map(|(i, s)| (s.clone(), i))
                .collect()
        };
        let nat_lookup = ids(scenario.nat_gateways.iter().map(|n| &n.id).collect());
        let gwlb_lookup = ids(scenario.gwlb_endpoints.iter().map(|n| &n.id).collect());
        let eni_lookup = ids(scenario.network_interfaces.iter().map(|n| &n.id).collect());
        let mut instance_lookup = HashMap::new();
        for (i, inst) in scenario.instances.iter().enumerate() {
            if let Some(name) = &inst.name {
                instance_lookup.entry(name.clone()).or_insert(i);
            }
        }
        for (i, inst) in scenario.instances.iter().enumerate() {
            // Ids win over names when both match.
            instance_lookup.insert(inst.id.clone(), i);
        }

        let endpoint_enis = allocate_endpoint_ips(&scenario, &subnet_lookup, &az_lookup);
        let mut service_endpoints = vec![Vec::new(); services.len()];
        for (i, ie) in scenario.interface_endpoints.iter().enumerate() {
            if let Some(&si) = service_lookup.get(&ie.service) {
                service_endpoints[si].push(i);
            }
        }

        // The scenario's workloads add to the catalogue's, replacing one of the same name.
        let mut workloads = catalogue::builtin().workloads.clone();
        for w in &scenario.workloads {
            match workloads.iter_mut().find(|x| x.name == w.name) {
                Some(x) => *x = w.clone(),
                None => workloads.push(w.clone()),
            }
        }
        Model {
            workloads,
            scenario,
            services,
            warnings,
            az_lookup,
            subnet_lookup,
            subnet_az,
            subnet_table,
            table_lookup,
            tables,
            service_lookup,
            nat_lookup,
            gwlb_lookup,
            eni_lookup,
            instance_lookup,
            endpoint_enis,
            service_endpoints,
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn services(&self) -> &[Service] {
        &self.services
    }

    pub fn service(&self, name: &str) -> Option<&Service> {
        self.service_lookup.get(name).map(|&i| &self.services[i])
    }

    /// The catalogue's workloads (named sets of services one job needs).
    pub fn workloads(&self) -> &[Workload] {
        &self.workloads
    }

    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The AZ index for a name or an AZ ID.
    pub fn az_index(&self, name_or_id: &str) -> Option<usize> {
        self.az_lookup.get(name_or_id).copied()
    }

    /// `us-east-1a (use1-az1)` or just the name.
    pub fn az_label(&self, az: usize) -> String {
        match self.scenario.availability_zones.get(az) {
            Some(a) => match &a.id {
                Some(id) => format!("{} ({id})", a.name),
                None => a.name.clone(),
            },
            None => "?".into(),
        }
    }

    pub fn az_name(&self, az: usize) -> &str {
        self.scenario
            .availability_zones
            .get(az)
            .map(|a| a.name.as_str())
            .unwrap_or("?")
    }

    /// Failed AZ indexes; unknown names are ignored here (validation and the CLI report them).
    pub fn failed_azs(&self, what_if: &WhatIf) -> Vec<bool> {
        let mut failed = vec![false; self.scenario.availability_zones.len()];
        for name in &what_if.failed_azs {
            if let Some(i) = self.az_index(name) {
                failed[i] = true;
            }
        }
        failed
    }

    pub fn subnet_index(&self, id: &str) -> Option<usize> {
        self.subnet_lookup.get(id).copied()
    }

    pub fn instance_index(&self, id_or_name: &str) -> Option<usize> {
        self.instance_lookup.get(id_or_name).copied()
    }

    pub fn table_index(&self, id: &str) -> Option<usize> {
        self.table_lookup.get(id).copied()
    }

    /// The table a subnet uses and how it got it.
    pub fn subnet_route_table(&self, subnet: usize) -> (usize, Association) {
        self.subnet_table[subnet]
    }

    pub fn compiled_table(&self, table: usize) -> &CompiledTable {
        &self.tables[table]
    }

    pub fn endpoint_enis(&self, endpoint: usize) -> &[EniInfo] {
        &self.endpoint_enis[endpoint]
    }
}

/// Every route of one table, derived ones included, and the trie over their CIDRs.
fn compile_table(
    scenario: &Scenario,
    services: &[Service],
    service_lookup: &HashMap<String, usize>,
    table_id: &str,
    routes: &[super::Route],
) -> CompiledTable {
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
                target: Target::GatewayEndpoint(ge.id.clone()),
                ignored: Vec::new(),
            });
        }
    }
    let mut trie = PrefixTrie::new();
    for (i, route) in compiled.iter_mut().enumerate() {
        match &route.destination {
            Destination::Cidr(c) => trie.insert(*c, i as u32),
            Destination::PrefixList(svc) => {
                let cidrs = service_lookup
                    .get(svc)
                    .map(|&s| services[s].cidrs.as_slice())
                    .unwrap_or_default();
                for c in cidrs {
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
    CompiledTable {
        routes: compiled,
        trie,
    }
}

/// Give every endpoint ENI an address: its configured one, or the first free host address of
/// the subnet after the four AWS reserves at the start.
fn allocate_endpoint_ips(
    scenario: &Scenario,
    subnet_lookup: &HashMap<String, usize>,
    az_lookup: &HashMap<String, usize>,
) -> Vec<Vec<EniInfo>> {
    let mut used: HashSet<Ipv4Addr> = HashSet::new();
    used.extend(scenario.instances.iter().filter_map(|i| i.private_ip));
    used.extend(scenario.network_interfaces.iter().filter_map(|n| n.ip));
    for ie in &scenario.interface_endpoints {
        used.extend(ie.subnets.iter().filter_map(|s| s.ip));
    }
    scenario
        .interface_endpoints
        .iter()
        .map(|ie| {
            ie.subnets
                .iter()
                .filter_map(|es| {
                    let si = *subnet_lookup.get(&es.subnet)?;
                    let subnet = &scenario.subnets[si];
                    let az = az_lookup.get(&subnet.az).copied().unwrap_or(0);
                    let ip = match es.ip {
                        Some(ip) => ip,
                        None => {
                            let ip = first_free(subnet.cidr, &used)?;
                            used.insert(ip);
                            ip
                        }
                    };
                    Some(EniInfo { subnet: si, az, ip })
                })
                .collect()
        })
        .collect()
}

fn first_free(cidr: Ipv4Net, used: &HashSet<Ipv4Addr>) -> Option<Ipv4Addr> {
    let start = u32::from(cidr.network()).checked_add(4)?;
    let end = u32::from(cidr.broadcast());
    (start..end)
        .map(Ipv4Addr::from)
        .find(|ip| !used.contains(ip))
}
