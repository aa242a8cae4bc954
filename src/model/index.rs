//! [`Model`]: a validated scenario plus the lookups the evaluator needs. Built once per load
//! and after every edit; nothing here decides routing, it only arranges the facts.

use std::collections::{HashMap, HashSet};
use std::net::Ipv4Addr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use ipnet::Ipv4Net;

use super::parts::{Parts, Touched};
use super::{Destination, Diagnostic, RouteTable, Scenario, Target, WhatIf, validate};
use crate::model::catalogue::{self, Service, Workload};
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
#[derive(Debug, Clone, PartialEq)]
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

/// A validated scenario and its indexes. Every part is shared, so a clone is cheap, and a model
/// made by an edit shares with the one it came from every index the edit did not touch.
#[derive(Debug, Clone)]
pub struct Model {
    scenario: Arc<Scenario>,
    services: Arc<Vec<Service>>,
    /// Each validation rule's findings, in rule order: warnings only, since a model has no
    /// errors. An edit re-runs only the rules it can affect and keeps the others' findings.
    findings: Arc<Vec<Vec<Diagnostic>>>,
    warnings: Arc<Vec<Diagnostic>>,
    pub(crate) az_lookup: Arc<HashMap<String, usize>>,
    /// Per AZ, [`Model::az_label`]'s text: traces show it on most hops.
    az_labels: Arc<Vec<String>>,
    pub(crate) subnet_lookup: Arc<HashMap<String, usize>>,
    pub(crate) subnet_az: Arc<Vec<usize>>,
    pub(crate) subnet_table: Arc<Vec<(usize, Association)>>,
    pub(crate) table_lookup: Arc<HashMap<String, usize>>,
    pub(crate) tables: Arc<Vec<Arc<CompiledTable>>>,
    pub(crate) service_lookup: Arc<HashMap<String, usize>>,
    pub(crate) nat_lookup: Arc<HashMap<String, usize>>,
    pub(crate) gwlb_lookup: Arc<HashMap<String, usize>>,
    pub(crate) eni_lookup: Arc<HashMap<String, usize>>,
    pub(crate) instance_lookup: Arc<HashMap<String, usize>>,
    /// Per instance, its subnet's index (0 when the subnet is unknown, as validation reports).
    pub(crate) instance_subnet: Arc<Vec<usize>>,
    /// Per interface endpoint, its ENIs in scenario order.
    pub(crate) endpoint_enis: Arc<Vec<Vec<EniInfo>>>,
    /// Per service, the interface endpoints for it.
    pub(crate) service_endpoints: Arc<Vec<Vec<usize>>>,
    workloads: Arc<Vec<Workload>>,
}

/// Errors first (each group in rule order), as [`Model::new`] reports them.
fn in_report_order(findings: &[Vec<Diagnostic>]) -> Vec<Diagnostic> {
    let mut diagnostics = findings.concat();
    diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
    diagnostics
}

/// What the model was built from, for an edit: the model before it and what the edit changed.
type Previous<'a> = Option<(&'a Model, &'a Touched)>;

/// The previous model's index when the edit touched none of the parts it is built from,
/// otherwise a fresh one.
fn keep_or_build<T>(
    previous: Previous,
    reads: Parts,
    field: impl FnOnce(&Model) -> &Arc<T>,
    build: impl FnOnce() -> T,
) -> Arc<T> {
    match previous {
        Some((model, touched)) if !touched.parts.intersects(reads) => field(model).clone(),
        _ => Arc::new(build()),
    }
}

/// The parts a compiled table is built from besides its own routes and gateway endpoints.
const TABLE_INPUTS: Parts = Parts::TABLES.union(Parts::VPC).union(Parts::REGION);

impl Model {
    /// Validate and index. Errors (every one, not the first) refuse the scenario; warnings are
    /// kept on the model.
    pub fn new(scenario: Scenario) -> Result<Model, Vec<Diagnostic>> {
        let services = catalogue::resolve(&scenario.region, &scenario.services);
        let service_lookup = service_lookup(&services);
        // Validation and table compilation do not depend on each other: on a large scenario
        // they share the cores. A refused scenario's tables are thrown away.
        let (findings, tables) = compile_tables(
            &scenario,
            &services,
            &service_lookup,
            |_| None,
            || validate::validate_by_rule(&scenario, &services),
        );
        let diagnostics = in_report_order(&findings);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        Ok(Self::index(
            scenario,
            Arc::new(services),
            Arc::new(service_lookup),
            findings,
            diagnostics,
            Arc::new(tables),
            None,
        ))
    }

    /// The model of `scenario`, which is this model's scenario after an edit that changed
    /// `touched`: only the rules that read a touched part run again, and only the indexes
    /// built from one (for compiled tables, only the touched tables) are rebuilt. The result
    /// is the model [`Model::new`] would build, with the same diagnostics when it is refused.
    pub(crate) fn rebuild(
        &self,
        scenario: Scenario,
        touched: &Touched,
    ) -> Result<Model, Vec<Diagnostic>> {
        let region = touched.parts.intersects(Parts::REGION);
        let services = match region {
            true => Arc::new(catalogue::resolve(&scenario.region, &scenario.services)),
            false => self.services.clone(),
        };
        let findings = validate::revalidate(&scenario, &services, &self.findings, touched);
        let diagnostics = in_report_order(&findings);
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        let service_lookup = match region {
            true => Arc::new(service_lookup(&services)),
            false => self.service_lookup.clone(),
        };
        let all_tables = touched.parts.intersects(TABLE_INPUTS);
        let tables = if all_tables || touched.parts.intersects(Parts::PER_TABLE) {
            let ((), tables) = compile_tables(
                &scenario,
                &services,
                &service_lookup,
                |t| (!all_tables && !touched.table(t)).then(|| self.tables[t].clone()),
                || (),
            );
            Arc::new(tables)
        } else {
            self.tables.clone()
        };
        Ok(Self::index(
            scenario,
            services,
            service_lookup,
            findings,
            diagnostics,
            tables,
            Some((self, touched)),
        ))
    }

    fn index(
        scenario: Scenario,
        services: Arc<Vec<Service>>,
        service_lookup: Arc<HashMap<String, usize>>,
        findings: Vec<Vec<Diagnostic>>,
        warnings: Vec<Diagnostic>,
        tables: Arc<Vec<Arc<CompiledTable>>>,
        previous: Previous,
    ) -> Model {
        let s = &scenario;
        let az_lookup = keep_or_build(
            previous,
            Parts::AZS,
            |m| &m.az_lookup,
            || {
                let mut lookup = HashMap::new();
                for (i, az) in s.availability_zones.iter().enumerate() {
                    lookup.insert(az.name.clone(), i);
                    if let Some(id) = &az.id {
                        lookup.insert(id.clone(), i);
                    }
                }
                lookup
            },
        );
        let az_labels = keep_or_build(
            previous,
            Parts::AZS,
            |m| &m.az_labels,
            || {
                s.availability_zones
                    .iter()
                    .map(|a| match &a.id {
                        Some(id) => format!("{} ({id})", a.name),
                        None => a.name.clone(),
                    })
                    .collect()
            },
        );
        let subnet_lookup = keep_or_build(
            previous,
            Parts::SUBNETS,
            |m| &m.subnet_lookup,
            || ids(s.subnets.iter().map(|x| &x.id)),
        );
        let subnet_az = keep_or_build(
            previous,
            Parts::SUBNETS.union(Parts::AZS),
            |m| &m.subnet_az,
            || {
                s.subnets
                    .iter()
                    .map(|x| az_lookup.get(&x.az).copied().unwrap_or(0))
                    .collect()
            },
        );
        let table_lookup = keep_or_build(
            previous,
            Parts::TABLES,
            |m| &m.table_lookup,
            || ids(s.route_tables.iter().map(|x| &x.id)),
        );
        let subnet_table = keep_or_build(
            previous,
            Parts::TABLES
                .union(Parts::MAIN)
                .union(Parts::ASSOCIATIONS)
                .union(Parts::SUBNETS),
            |m| &m.subnet_table,
            || {
                let main = s.route_tables.iter().position(|t| t.main).unwrap_or(0);
                let mut subnet_table = vec![(main, Association::ImplicitMain); s.subnets.len()];
                for (ti, t) in s.route_tables.iter().enumerate() {
                    for x in &t.subnets {
                        if let Some(&si) = subnet_lookup.get(x) {
                            subnet_table[si] = (ti, Association::Explicit);
                        }
                    }
                }
                subnet_table
            },
        );
        let nat_lookup = keep_or_build(
            previous,
            Parts::NAT_GATEWAYS,
            |m| &m.nat_lookup,
            || ids(s.nat_gateways.iter().map(|x| &x.id)),
        );
        let gwlb_lookup = keep_or_build(
            previous,
            Parts::GWLB_ENDPOINTS,
            |m| &m.gwlb_lookup,
            || ids(s.gwlb_endpoints.iter().map(|x| &x.id)),
        );
        let eni_lookup = keep_or_build(
            previous,
            Parts::NETWORK_INTERFACES,
            |m| &m.eni_lookup,
            || ids(s.network_interfaces.iter().map(|x| &x.id)),
        );
        let instance_lookup = keep_or_build(
            previous,
            Parts::INSTANCES,
            |m| &m.instance_lookup,
            || {
                let mut lookup = HashMap::with_capacity(s.instances.len() * 2);
                for (i, inst) in s.instances.iter().enumerate() {
                    if let Some(name) = &inst.name {
                        lookup.entry(name.clone()).or_insert(i);
                    }
                }
                for (i, inst) in s.instances.iter().enumerate() {
                    // Ids win over names when both match.
                    lookup.insert(inst.id.clone(), i);
                }
                lookup
            },
        );
        let instance_subnet = keep_or_build(
            previous,
            Parts::INSTANCES.union(Parts::SUBNETS),
            |m| &m.instance_subnet,
            || {
                s.instances
                    .iter()
                    .map(|i| subnet_lookup.get(&i.subnet).copied().unwrap_or(0))
                    .collect()
            },
        );
        let endpoint_enis = keep_or_build(
            previous,
            Parts::INTERFACE_ENDPOINTS
                .union(Parts::INSTANCES)
                .union(Parts::NETWORK_INTERFACES)
                .union(Parts::SUBNETS)
                .union(Parts::AZS),
            |m| &m.endpoint_enis,
            || allocate_endpoint_ips(s, &subnet_lookup, &az_lookup),
        );
        let service_endpoints = keep_or_build(
            previous,
            Parts::INTERFACE_ENDPOINTS.union(Parts::REGION),
            |m| &m.service_endpoints,
            || {
                let mut service_endpoints = vec![Vec::new(); services.len()];
                for (i, ie) in s.interface_endpoints.iter().enumerate() {
                    if let Some(&si) = service_lookup.get(&ie.service) {
                        service_endpoints[si].push(i);
                    }
                }
                service_endpoints
            },
        );
        let workloads = keep_or_build(
            previous,
            Parts::REGION,
            |m| &m.workloads,
            || {
                // The scenario's workloads add to the catalogue's, replacing one of the same name.
                let mut workloads = catalogue::builtin().workloads.clone();
                for w in &s.workloads {
                    match workloads.iter_mut().find(|x| x.name == w.name) {
                        Some(x) => *x = w.clone(),
                        None => workloads.push(w.clone()),
                    }
                }
                workloads
            },
        );
        Model {
            workloads,
            scenario: Arc::new(scenario),
            services,
            findings: Arc::new(findings),
            warnings: Arc::new(warnings),
            az_lookup,
            az_labels,
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
            instance_subnet,
            endpoint_enis,
            service_endpoints,
        }
    }

    /// Where this model differs from `other` (scenario, warnings and every index), for the
    /// check that an edit's model is the one [`Model::new`] builds; `None` when they agree.
    /// That check runs in debug builds only.
    #[cfg(debug_assertions)]
    pub(crate) fn difference(&self, other: &Model) -> Option<&'static str> {
        let tables_equal = self.tables.len() == other.tables.len()
            && self
                .tables
                .iter()
                .zip(other.tables.iter())
                .all(|(a, b)| **a == **b);
        [
            (self.scenario == other.scenario, "scenario"),
            (self.services == other.services, "services"),
            (self.findings == other.findings, "findings"),
            (self.warnings == other.warnings, "warnings"),
            (self.az_lookup == other.az_lookup, "az_lookup"),
            (self.az_labels == other.az_labels, "az_labels"),
            (self.subnet_lookup == other.subnet_lookup, "subnet_lookup"),
            (self.subnet_az == other.subnet_az, "subnet_az"),
            (self.subnet_table == other.subnet_table, "subnet_table"),
            (self.table_lookup == other.table_lookup, "table_lookup"),
            (tables_equal, "tables"),
            (
                self.service_lookup == other.service_lookup,
                "service_lookup",
            ),
            (self.nat_lookup == other.nat_lookup, "nat_lookup"),
            (self.gwlb_lookup == other.gwlb_lookup, "gwlb_lookup"),
            (self.eni_lookup == other.eni_lookup, "eni_lookup"),
            (
                self.instance_lookup == other.instance_lookup,
                "instance_lookup",
            ),
            (
                self.instance_subnet == other.instance_subnet,
                "instance_subnet",
            ),
            (self.endpoint_enis == other.endpoint_enis, "endpoint_enis"),
            (
                self.service_endpoints == other.service_endpoints,
                "service_endpoints",
            ),
            (self.workloads == other.workloads, "workloads"),
        ]
        .into_iter()
        .find(|(equal, _)| !equal)
        .map(|(_, name)| name)
    }

    /// A copy of the scenario for an edit to change: `scenario().clone()`, with the route
    /// tables of a large scenario (most of its allocations) copied on two threads.
    pub(crate) fn clone_scenario(&self) -> Scenario {
        let s = &*self.scenario;
        if !parallel(route_count(&s.route_tables)) {
            return s.clone();
        }
        let (first, second) = s.route_tables.split_at(halfway(s));
        std::thread::scope(|scope| {
            let second = scope.spawn(|| second.to_vec());
            // Every field, so that a field added to `Scenario` cannot be forgotten here.
            let Scenario {
                title,
                description,
                region,
                vpc,
                availability_zones,
                subnets,
                route_tables: _,
                internet_gateway,
                nat_gateways,
                gateway_endpoints,
                interface_endpoints,
                gwlb_endpoints,
                gateway_load_balancers,
                network_interfaces,
                instances,
                services,
                workloads,
                what_if,
                expect,
                lesson,
            } = s;
            let mut route_tables = Vec::with_capacity(s.route_tables.len());
            route_tables.extend_from_slice(first);
            let mut copy = Scenario {
                title: title.clone(),
                description: description.clone(),
                region: region.clone(),
                vpc: vpc.clone(),
                availability_zones: availability_zones.clone(),
                subnets: subnets.clone(),
                route_tables,
                internet_gateway: internet_gateway.clone(),
                nat_gateways: nat_gateways.clone(),
                gateway_endpoints: gateway_endpoints.clone(),
                interface_endpoints: interface_endpoints.clone(),
                gwlb_endpoints: gwlb_endpoints.clone(),
                gateway_load_balancers: gateway_load_balancers.clone(),
                network_interfaces: network_interfaces.clone(),
                instances: instances.clone(),
                services: services.clone(),
                workloads: workloads.clone(),
                what_if: what_if.clone(),
                expect: expect.clone(),
                lesson: lesson.clone(),
            };
            let second = second
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            copy.route_tables.extend(second);
            copy
        })
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
        self.az_label_str(az).to_string()
    }

    /// [`Model::az_label`] without a copy.
    pub(crate) fn az_label_str(&self, az: usize) -> &str {
        self.az_labels.get(az).map_or("?", String::as_str)
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

fn service_lookup(services: &[Service]) -> HashMap<String, usize> {
    services
        .iter()
        .enumerate()
        .map(|(i, x)| (x.name.clone(), i))
        .collect()
}

/// Id → position.
fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

/// From this many routes on, compiling, copying or freeing route tables is worth a second
/// thread (a thread costs tens of microseconds; 20,000 routes, milliseconds).
const PARALLEL_ROUTES: usize = 20_000;

fn parallel(routes: usize) -> bool {
    routes >= PARALLEL_ROUTES && cores() > 1
}

/// How many threads can run at once (asked once: on Linux the answer reads cgroup files).
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

fn route_count(tables: &[RouteTable]) -> usize {
    tables.iter().map(|t| t.routes.len()).sum()
}

/// Where to cut the route tables between two threads so that the second one, which takes the
/// tables from the cut on, has about half the scenario's allocations (the first one has the
/// instances besides: three strings each at most).
fn halfway(s: &Scenario) -> usize {
    let total = route_count(&s.route_tables) + 3 * s.instances.len();
    let mut second = 0;
    for (t, table) in s.route_tables.iter().enumerate().rev() {
        if 2 * second >= total {
            return t + 1;
        }
        second += table.routes.len();
    }
    0
}

impl Drop for Model {
    /// The last model that holds a large scenario frees its route tables (hundreds of
    /// thousands of allocations) on two threads.
    fn drop(&mut self) {
        if let Some(s) = Arc::get_mut(&mut self.scenario)
            && parallel(route_count(&s.route_tables))
        {
            let cut = halfway(s);
            let mut first = std::mem::take(&mut s.route_tables);
            let second = first.split_off(cut);
            let instances = std::mem::take(&mut s.instances);
            std::thread::scope(|scope| {
                scope.spawn(move || drop(second));
                drop((first, instances));
            });
        }
    }
}

/// Every table compiled, or `reuse`d, while `alongside` runs. With many routes to compile and
/// more than one core, a second thread compiles tables as soon as it starts and this one joins
/// it when `alongside` is done.
fn compile_tables<R>(
    scenario: &Scenario,
    services: &[Service],
    service_lookup: &HashMap<String, usize>,
    reuse: impl Fn(usize) -> Option<Arc<CompiledTable>>,
    alongside: impl FnOnce() -> R,
) -> (R, Vec<Arc<CompiledTable>>) {
    let route_tables = &scenario.route_tables;
    let mut tables: Vec<Option<Arc<CompiledTable>>> = (0..route_tables.len()).map(&reuse).collect();
    let todo: Vec<usize> = (0..tables.len()).filter(|&t| tables[t].is_none()).collect();
    let compile = |t: usize| {
        let table = &route_tables[t];
        compile_table(scenario, services, service_lookup, &table.id, &table.routes)
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

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::path::Path;

    use super::*;
    use crate::model::{Edit, Route, from_ron_str};

    /// A valid scenario with enough routes to take the two-thread paths.
    fn large() -> Scenario {
        let mut s = from_ron_str(
            r#"(
                region: "us-east-1",
                vpc: (cidrs: ["10.0.0.0/16"]),
                availability_zones: [(name: "us-east-1a"), (name: "us-east-1b")],
                subnets: [(id: "subnet-a", az: "us-east-1a", cidr: "10.0.0.0/24")],
                route_tables: [(id: "rtb-main", main: true)],
                gateway_endpoints: [(id: "vpce-s3", service: "s3", route_tables: ["rtb-1"])],
                instances: [(id: "i-a", subnet: "subnet-a")],
            )"#,
            Path::new("large.ron"),
        )
        .expect("fixture parses");
        for t in 1..=30u32 {
            s.route_tables.push(RouteTable {
                id: format!("rtb-{t}"),
                name: None,
                main: false,
                subnets: Vec::new(),
                gateways: Vec::new(),
                routes: (0..1_000u32)
                    .map(|r| Route {
                        destination: Destination::Cidr(
                            Ipv4Net::new(Ipv4Addr::from((100 + t) << 24 | r << 8), 24).unwrap(),
                        ),
                        target: Target::TransitGateway("tgw-1".into()),
                    })
                    .collect(),
            });
        }
        assert!(route_count(&s.route_tables) >= PARALLEL_ROUTES);
        s
    }

    #[test]
    fn the_two_thread_paths_give_what_one_thread_gives() {
        let s = large();
        let model = Model::new(s.clone()).expect("valid");
        for (t, table) in s.route_tables.iter().enumerate() {
            let alone = compile_table(
                &s,
                model.services(),
                &model.service_lookup,
                &table.id,
                &table.routes,
            );
            assert_eq!(*model.tables[t], alone, "{}", table.id);
        }
        assert_eq!(model.clone_scenario(), s);
        // An edit copies the scenario on two threads and frees the old copy on two threads.
        let (failed, inverse) = Edit::FailAz {
            az: "us-east-1b".into(),
        }
        .apply(&model)
        .expect("applies");
        let (back, _) = inverse.apply(&failed).expect("undoes");
        drop(failed);
        assert_eq!(back.scenario(), &s);
        // A what-if edit shares every compiled table; an edit to one table recompiles it alone.
        assert!(Arc::ptr_eq(&back.tables, &model.tables));
        let (attached, _) = Edit::AttachGatewayEndpoint {
            endpoint: "vpce-s3".into(),
            route_table: "rtb-7".into(),
            position: None,
        }
        .apply(&model)
        .expect("applies");
        let shared: Vec<bool> = (attached.tables.iter().zip(model.tables.iter()))
            .map(|(a, b)| Arc::ptr_eq(a, b))
            .collect();
        let rtb_7 = model.table_index("rtb-7").unwrap();
        assert!(
            shared
                .iter()
                .enumerate()
                .all(|(t, &same)| same == (t != rtb_7))
        );
    }
}
