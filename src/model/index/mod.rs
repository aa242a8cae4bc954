//! [`Model`]: a validated scenario plus the lookups the evaluator needs. Built once per load
//! and after every edit. Route selection (`route_select`) is here because a compiled table keeps
//! the choice for each service's ranges; everything else only arranges the facts.

use std::collections::HashMap;
use std::sync::Arc;

use super::parts::{Parts, Touched};
use super::{Diagnostic, Scenario, validate};
use crate::model::catalogue::{self, Service, Workload};

mod bpa;
mod compare;
mod dns;
mod endpoint_ips;
pub use endpoint_ips::EniInfo;
mod lookups;
mod object_ids;
pub(crate) mod route_select;
mod security;
pub(crate) mod security_rules;
mod tables;
mod threads;
mod trace_parts;

use endpoint_ips::allocate_endpoint_ips;
pub(crate) use object_ids::ObjectIds;
use tables::compile_tables;
pub use tables::{CompiledRoute, CompiledTable, RouteOrigin};
pub(crate) use tables::{NO_PLACE, destination_text};

pub use route_select::{RouteDecision, RouteMatch, RouteRule};

/// Id → position. Ids are short strings looked up on every evaluation; FxHash (rustc's hasher)
/// hashes them several times faster than SipHash, and a scenario is the user's own file.
pub(crate) type IdMap = HashMap<String, usize, rustc_hash::FxBuildHasher>;
pub(crate) use bpa::{Applies, BpaIndex};
pub(crate) use compare::SecurityEdits;
pub(crate) use dns::DnsIndex;
pub use lookups::{FailedAzs, UNCHECKED, Unchecked, unchecked_layers};
pub use security::{GroupSet, SecurityIndex};
pub(crate) use threads::{cores, gather, with_cores};
pub use trace_parts::{
    Az, AzNames, EndpointEni, NoPrivateDns, NoPrivateDnsNote, PrivateDnsOffNote,
    PrivateDnsUnsupportedNote, PublicWhy, Route as RouteFact, SHOWN_ROUTES,
};

/// How a subnet got its route table (aws-semantics.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Association {
    Explicit,
    /// No explicit association: the subnet uses the main table.
    ImplicitMain,
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
    pub(crate) az_lookup: Arc<IdMap>,
    /// Each AZ's name and zone id, ready to be copied into a trace.
    pub(crate) az_names: Arc<Vec<Az>>,
    /// Per AZ, [`Model::az_label`]'s text: traces show it on most hops.
    az_labels: Arc<Vec<String>>,
    pub(crate) subnet_lookup: Arc<IdMap>,
    pub(crate) subnet_az: Arc<Vec<usize>>,
    pub(crate) subnet_table: Arc<Vec<(usize, Association)>>,
    pub(crate) table_lookup: Arc<IdMap>,
    pub(crate) tables: Arc<Vec<Arc<CompiledTable>>>,
    pub(crate) service_lookup: Arc<IdMap>,
    pub(crate) nat_lookup: Arc<IdMap>,
    /// Per NAT gateway, its subnet's index (none: no subnet, or one the model does not hold).
    pub(crate) nat_subnet: Arc<Vec<Option<usize>>>,
    pub(crate) gwlb_lookup: Arc<IdMap>,
    pub(crate) eni_lookup: Arc<IdMap>,
    pub(crate) instance_lookup: Arc<IdMap>,
    /// Per instance, its subnet's index (0 when the subnet is unknown, as validation reports).
    pub(crate) instance_subnet: Arc<Vec<usize>>,
    /// Per interface endpoint, its ENIs in scenario order.
    pub(crate) endpoint_enis: Arc<Vec<Vec<EniInfo>>>,
    /// The same ENIs as a trace shows them, shared by every path that reaches all of them.
    pub(crate) endpoint_eni_facts: Arc<Vec<Arc<[EndpointEni]>>>,
    /// Per service, the interface endpoints for it.
    pub(crate) service_endpoints: Arc<Vec<Vec<usize>>>,
    /// Per service, its DNS name as a trace's id: copied without allocating.
    pub(crate) service_dns: Arc<Vec<compact_str::CompactString>>,
    /// The ids of the objects every path names (subnets, tables, NAT gateways, the internet
    /// gateway, services, instances), ready to be copied into a trace.
    pub(crate) ids: ObjectIds,
    /// Per service with an interface endpoint whose own name still resolves publicly (no
    /// private DNS, or none on), the note and the public answer's reason its paths show, made
    /// once ([`NoPrivateDns`]). Built from the parts of
    /// `service_endpoints` and the endpoints' private DNS settings.
    pub(crate) no_private_dns: Arc<Vec<Option<NoPrivateDns>>>,
    workloads: Arc<Vec<Workload>>,
    /// Security groups and network ACLs as the evaluator reads them.
    pub(crate) security: Arc<SecurityIndex>,
    /// VPC Block Public Access: the mode and each subnet's exclusion.
    pub(crate) bpa: Arc<BpaIndex>,
    /// DHCP options, Resolver rules and private hosted zones: whether there are any, and the
    /// endpoints alias records name.
    pub(crate) dns: Arc<DnsIndex>,
    /// Some endpoint has a policy or some bucket is listed (aws-semantics.md §5b).
    pub(crate) policies_on: bool,
    /// Some policy has a condition on `aws:VpcSourceIp`: the source's address decides.
    pub(crate) policies_read_address: bool,
    /// The layers this model's verdicts leave out ([`unchecked_layers`]).
    pub(crate) unchecked: Unchecked,
    /// Some resource endpoint's resource configuration gives its port ranges (a service may
    /// then be asked on its own port when no traffic was chosen,
    /// `eval::rules::lattice_endpoint::own_port`), or the VPC has a service network association
    /// (`eval::rules::service_network_association`). One test for every other model.
    pub(crate) lattice_targets: bool,
    /// The `s3express` service (the Regional endpoint of S3 Express One Zone), if the model has
    /// it: a path to it that no gateway endpoint carries is not modelled.
    pub(crate) s3express_service: Option<usize>,
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
        self.rebuild_with(scenario, touched, false)
    }

    /// [`Model::rebuild`], and after a removal (`Edit::apply_removal`, `removal` true) without
    /// running again the validation rules that a removal cannot break.
    pub(crate) fn rebuild_with(
        &self,
        scenario: Scenario,
        touched: &Touched,
        removal: bool,
    ) -> Result<Model, Vec<Diagnostic>> {
        let region = touched.parts.intersects(Parts::REGION);
        let services = match region {
            true => Arc::new(catalogue::resolve(&scenario.region, &scenario.services)),
            false => self.services.clone(),
        };
        let findings = validate::revalidate(&scenario, &services, &self.findings, touched, removal);
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
        service_lookup: Arc<IdMap>,
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
                let mut lookup = IdMap::default();
                for (i, az) in s.availability_zones.iter().enumerate() {
                    lookup.insert(az.name.clone(), i);
                    if let Some(id) = &az.id {
                        lookup.insert(id.clone(), i);
                    }
                }
                lookup
            },
        );
        let az_names = keep_or_build(
            previous,
            Parts::AZS,
            |m| &m.az_names,
            || trace_parts::az_names(s),
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
        let nat_subnet = keep_or_build(
            previous,
            Parts::NAT_GATEWAYS.union(Parts::SUBNETS),
            |m| &m.nat_subnet,
            || {
                s.nat_gateways
                    .iter()
                    .map(|n| {
                        n.subnet
                            .as_ref()
                            .and_then(|x| subnet_lookup.get(x).copied())
                    })
                    .collect()
            },
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
                let mut lookup =
                    IdMap::with_capacity_and_hasher(s.instances.len() * 2, Default::default());
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
        let endpoint_eni_facts = match previous {
            Some((m, _))
                if Arc::ptr_eq(&m.endpoint_enis, &endpoint_enis)
                    && Arc::ptr_eq(&m.az_names, &az_names) =>
            {
                m.endpoint_eni_facts.clone()
            }
            _ => Arc::new(trace_parts::endpoint_eni_facts(&endpoint_enis, &az_names)),
        };
        // The services change only with the Region (`Model::rebuild_with`).
        let service_dns = keep_or_build(
            previous,
            Parts::REGION,
            |m| &m.service_dns,
            || trace_parts::service_dns_ids(&services),
        );
        let service_endpoints = keep_or_build(
            previous,
            Parts::INTERFACE_ENDPOINTS.union(Parts::REGION),
            |m| &m.service_endpoints,
            || {
                let mut service_endpoints = vec![Vec::new(); services.len()];
                // A cross-Region endpoint serves `SERVICE@REGION`, not this Region's service.
                for (i, ie) in s.interface_endpoints.iter().enumerate() {
                    if !ie.serves_region(&s.region, &s.region) {
                        continue;
                    }
                    if let Some(&si) = service_lookup.get(&ie.service) {
                        service_endpoints[si].push(i);
                    }
                    // A service-network endpoint also serves every other service associated
                    // with its service network.
                    if let Some(crate::model::Lattice::ServiceNetwork(n)) = &ie.lattice {
                        for name in n.services.iter().filter(|&n| n != &ie.service) {
                            if let Some(&si) = service_lookup.get(name)
                                && !service_endpoints[si].contains(&i)
                            {
                                service_endpoints[si].push(i);
                            }
                        }
                    }
                }
                service_endpoints
            },
        );
        let ids = ObjectIds::build(s, &services, previous.map(|(m, t)| (&m.ids, t)));
        let no_private_dns = keep_or_build(
            previous,
            // Which endpoints have private DNS on, and for the inbound Resolver endpoint only.
            Parts::INTERFACE_ENDPOINTS
                .union(Parts::REGION)
                .union(Parts::PRIVATE_DNS),
            |m| &m.no_private_dns,
            || trace_parts::no_private_dns(&services, &service_endpoints, &service_dns, s),
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
        let others = Parts::INSTANCES
            .union(Parts::INTERFACE_ENDPOINTS)
            .union(Parts::NETWORK_INTERFACES)
            .union(Parts::SUBNETS);
        // The Region too: the index resolves managed prefix lists to the catalogue's ranges.
        let others = others.union(Parts::REGION);
        let build = || SecurityIndex::build(s, &subnet_lookup, &services, &service_lookup);
        let security = match previous {
            // Only some groups' and network ACLs' rules changed: those are compiled again;
            // and what attaches groups and ACLs, made again when it changed.
            Some((m, t)) if t.parts.intersects(Parts::SECURITY) && !t.parts.intersects(others) => {
                match &t.security_rules {
                    Some((groups, acls)) => {
                        let next = m.security.after_rule_edits(
                            s,
                            groups,
                            acls,
                            &services,
                            &service_lookup,
                        );
                        Arc::new(match t.security_attachments {
                            true => next.with_attachments(s, &m.scenario, &subnet_lookup),
                            false => next,
                        })
                    }
                    None => Arc::new(build()),
                }
            }
            _ => keep_or_build(
                previous,
                Parts::SECURITY.union(others),
                |m| &m.security,
                build,
            ),
        };
        let bpa = keep_or_build(
            previous,
            Parts::BPA.union(Parts::SUBNETS),
            |m| &m.bpa,
            || BpaIndex::build(s, &subnet_lookup),
        );
        let dns = keep_or_build(
            previous,
            Parts::DNS.union(Parts::INTERFACE_ENDPOINTS),
            |m| &m.dns,
            || DnsIndex::build(s),
        );
        let (policies_on, policies_read_address) = super::policy::flags(s);
        let unchecked = unchecked_layers(s, &security, policies_on);
        let lattice_targets = s.service_network_association.is_some()
            || s.interface_endpoints.iter().any(|ie| {
                matches!(&ie.lattice, Some(crate::model::Lattice::Resource(r)) if !r.port_ranges.is_empty())
            });
        let s3express_service = services
            .iter()
            .position(|x| x.name == crate::model::S3EXPRESS);
        Model {
            unchecked,
            lattice_targets,
            s3express_service,
            bpa,
            dns,
            policies_on,
            policies_read_address,
            security,
            workloads,
            scenario: Arc::new(scenario),
            services,
            findings: Arc::new(findings),
            warnings: Arc::new(warnings),
            az_lookup,
            az_names,
            az_labels,
            subnet_lookup,
            subnet_az,
            subnet_table,
            table_lookup,
            tables,
            service_lookup,
            nat_lookup,
            nat_subnet,
            gwlb_lookup,
            eni_lookup,
            instance_lookup,
            instance_subnet,
            endpoint_enis,
            endpoint_eni_facts,
            service_endpoints,
            service_dns,
            ids,
            no_private_dns,
        }
    }
}

fn service_lookup(services: &[Service]) -> IdMap {
    services
        .iter()
        .enumerate()
        .map(|(i, x)| (x.name.clone(), i))
        .collect()
}

/// Id → position.
fn ids<'a>(ids: impl Iterator<Item = &'a String>) -> IdMap {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;
    use std::path::Path;
    use std::sync::Arc;

    use ipnet::Ipv4Net;

    use super::tables::compile_table;
    use super::threads::PARALLEL_ROUTES;
    use super::threads::route_count;
    use super::*;
    use crate::model::{Destination, RouteTable, Scenario, Target};
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
                ipv6_routes: Default::default(),
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
            let eni_subnets = tables::eni_subnet_cidrs(&s);
            let at = tables::Compile {
                scenario: &s,
                services: model.services(),
                service_lookup: &model.service_lookup,
                eni_subnets: &eni_subnets,
                nats: &tables::nat_places(&s),
            };
            let alone = compile_table(&at, &table.id, &table.routes);
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
