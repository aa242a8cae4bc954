//! Comparing two models: whether they evaluate alike (what lets the matrix and the cost estimate
//! keep what an edit did not touch), and, in debug builds, where an edit's model differs from
//! the one [`Model::new`] builds.

use std::sync::Arc;

use super::Model;
use crate::model::{InterfaceEndpoint, NetworkAclRule, NetworkInterface, PortRange};

mod security_edits;
pub(crate) use security_edits::SecurityEdits;

/// Whether network ACL rule `rule` may match a reply coming back to ports `replies`: a TCP or
/// UDP rule matches only packets whose destination port it names (aws-semantics.md §5b; a
/// deny rule that covers part of a range matches it too), any other rule may.
fn may_match_a_reply(rule: &NetworkAclRule, replies: &[PortRange]) -> bool {
    let ports = rule.port_range();
    !rule.protocol.has_ports() || replies.iter().any(|r| ports.0 <= r.1 && r.0 <= ports.1)
}

/// Whether two interface endpoints are the same but for their security groups.
fn same_endpoint_but_groups(a: &InterfaceEndpoint, b: &InterfaceEndpoint) -> bool {
    a == b
        || *a
            == InterfaceEndpoint {
                security_groups: a.security_groups.clone(),
                ..b.clone()
            }
}

/// Whether two network interfaces are the same but for their security groups and
/// source/destination check.
fn same_interface_but_security(a: &NetworkInterface, b: &NetworkInterface) -> bool {
    a == b
        || *a
            == NetworkInterface {
                security_groups: a.security_groups.clone(),
                source_dest_check: a.source_dest_check,
                ..b.clone()
            }
}

impl Model {
    /// Whether `other` shares with this model every index and list that evaluation reads,
    /// besides the compiled tables, the subnets' tables and the instances (which the matrix
    /// compares one by one) and the what-if. A model an edit makes shares what the edit did not
    /// touch, so this is pointer comparisons plus a few short lists.
    pub(crate) fn evaluates_alike(&self, other: &Model) -> bool {
        self.alike(other, false)
    }

    /// [`Self::evaluates_alike`]; `security`: whatever subnets' network ACLs, interfaces'
    /// groups and appliances' source/destination checks are ([`Self::security_edits`]).
    fn alike(&self, other: &Model, security: bool) -> bool {
        let same = Arc::ptr_eq(&self.services, &other.services)
            && Arc::ptr_eq(&self.workloads, &other.workloads)
            && Arc::ptr_eq(&self.az_lookup, &other.az_lookup)
            && Arc::ptr_eq(&self.az_labels, &other.az_labels)
            && Arc::ptr_eq(&self.az_names, &other.az_names)
            && Arc::ptr_eq(&self.subnet_lookup, &other.subnet_lookup)
            && Arc::ptr_eq(&self.subnet_az, &other.subnet_az)
            && Arc::ptr_eq(&self.table_lookup, &other.table_lookup)
            && Arc::ptr_eq(&self.service_lookup, &other.service_lookup)
            && Arc::ptr_eq(&self.nat_lookup, &other.nat_lookup)
            && Arc::ptr_eq(&self.gwlb_lookup, &other.gwlb_lookup)
            && Arc::ptr_eq(&self.eni_lookup, &other.eni_lookup)
            && Arc::ptr_eq(&self.endpoint_enis, &other.endpoint_enis)
            && Arc::ptr_eq(&self.endpoint_eni_facts, &other.endpoint_eni_facts)
            && Arc::ptr_eq(&self.service_endpoints, &other.service_endpoints)
            && (Arc::ptr_eq(&self.bpa, &other.bpa) || self.bpa == other.bpa)
            && (Arc::ptr_eq(&self.dns, &other.dns) || self.dns == other.dns)
            && self.tables.len() == other.tables.len()
            && (Arc::ptr_eq(&self.security, &other.security)
                || self.security.evaluates_alike(&other.security, security));
        if !same {
            return false;
        }
        if Arc::ptr_eq(&self.scenario, &other.scenario) {
            return true;
        }
        let (a, b) = (&*self.scenario, &*other.scenario);
        a.region == b.region
            && a.vpc == b.vpc
            && a.dhcp_options == b.dhcp_options
            && a.resolver_rules == b.resolver_rules
            && a.private_hosted_zones == b.private_hosted_zones
            && a.availability_zones == b.availability_zones
            && a.subnets == b.subnets
            && a.internet_gateway == b.internet_gateway
            && a.nat_gateways == b.nat_gateways
            && (a.interface_endpoints == b.interface_endpoints
                || (security
                    && a.interface_endpoints.len() == b.interface_endpoints.len()
                    && a.interface_endpoints
                        .iter()
                        .zip(&b.interface_endpoints)
                        .all(|(x, y)| same_endpoint_but_groups(x, y))))
            // Endpoint and bucket policies (the gateway endpoints' routes are in the tables).
            && a.gateway_endpoints
                .iter()
                .map(|g| (&g.id, &g.policy))
                .eq(b.gateway_endpoints.iter().map(|g| (&g.id, &g.policy)))
            && a.buckets == b.buckets
            && a.gwlb_endpoints == b.gwlb_endpoints
            && a.gateway_load_balancers == b.gateway_load_balancers
            && (a.network_interfaces == b.network_interfaces
                || (security
                    && a.network_interfaces.len() == b.network_interfaces.len()
                    && a.network_interfaces
                        .iter()
                        .zip(&b.network_interfaces)
                        .all(|(x, y)| same_interface_but_security(x, y))))
            // The ACLs' rules aside: the matrix records per class which ACLs' rules its walks
            // read (`Model::changed_acls`).
            && a.network_acls.len() == b.network_acls.len()
            && a.network_acls.iter().zip(&b.network_acls).all(|(x, y)| {
                x.id == y.id
                    && x.name == y.name
                    && x.default == y.default
                    && (security || x.subnets == y.subnets)
            })
            && a.route_tables.len() == b.route_tables.len()
            && a.route_tables
                .iter()
                .zip(&b.route_tables)
                .all(|(x, y)| x.id == y.id && x.gateways == y.gateways)
    }

    /// The network ACLs (by index) whose rules differ, for models that
    /// [`Self::evaluates_alike`] found alike.
    pub(crate) fn changed_acls<'a>(&'a self, other: &'a Model) -> impl Iterator<Item = usize> + 'a {
        let same = Arc::ptr_eq(&self.scenario, &other.scenario);
        let (a, b) = (&self.scenario.network_acls, &other.scenario.network_acls);
        a.iter()
            .take(if same { 0 } else { a.len() })
            .zip(b)
            .enumerate()
            .filter(|(_, (x, y))| x.inbound != y.inbound || x.outbound != y.outbound)
            .map(|(i, _)| i)
    }

    /// The network ACLs (by index) whose rules differ, for models that
    /// [`Self::evaluates_alike`] found alike, each with which crossings of its subnets the
    /// difference may decide otherwise: `[into, out of]` the subnet, by the request's direction.
    /// A crossing checks the request against the rules of its direction and the reply against
    /// the other direction's on the ports replies come back to: the client's ephemeral range or
    /// a NAT gateway's (aws-semantics.md §5b). A TCP or UDP rule whose ports meet neither range
    /// matches no reply, so an edit to such rules of one direction (an outbound HTTPS rule)
    /// leaves the crossings the other way as they were.
    pub(crate) fn changed_acl_crossings<'a>(
        &'a self,
        other: &'a Model,
    ) -> impl Iterator<Item = (usize, [bool; 2])> + 'a {
        let replies = [self.security.ephemeral, crate::model::NAT_EPHEMERAL];
        let (a, b) = (&self.scenario.network_acls, &other.scenario.network_acls);
        self.changed_acls(other).map(move |i| {
            let (x, y) = (&a[i], &b[i]);
            let reply_rules_differ = |p: &[NetworkAclRule], q: &[NetworkAclRule]| {
                let f = |r: &&NetworkAclRule| may_match_a_reply(r, &replies);
                !p.iter().filter(f).eq(q.iter().filter(f))
            };
            let into = x.inbound != y.inbound || reply_rules_differ(&x.outbound, &y.outbound);
            let out_of = x.outbound != y.outbound || reply_rules_differ(&x.inbound, &y.inbound);
            (i, [into, out_of])
        })
    }

    /// The security groups (by index) whose rules differ, for models that
    /// [`Self::evaluates_alike`] found alike.
    pub(crate) fn changed_groups<'a>(
        &'a self,
        other: &'a Model,
    ) -> impl Iterator<Item = usize> + 'a {
        let same = Arc::ptr_eq(&self.security, &other.security);
        self.security
            .changed_groups(&other.security)
            .filter(move |_| !same)
    }

    /// When `other` differs from this model in its interface endpoints only (added, removed or
    /// changed: their services, ENIs and addresses, private DNS, security groups), and no route
    /// table, association or anything else evaluation reads differs: the services of the
    /// endpoints that differ. A path to any other service evaluates alike on both models (DNS
    /// answers a service's name from that service's endpoints only). `None` otherwise.
    pub(crate) fn interface_endpoint_change(&self, other: &Model) -> Option<Vec<String>> {
        let (a, b) = (&*self.scenario, &*other.scenario);
        let (x, y) = (&*self.security, &*other.security);
        let same = Arc::ptr_eq(&self.services, &other.services)
            && Arc::ptr_eq(&self.workloads, &other.workloads)
            && Arc::ptr_eq(&self.az_lookup, &other.az_lookup)
            && Arc::ptr_eq(&self.subnet_lookup, &other.subnet_lookup)
            && Arc::ptr_eq(&self.subnet_az, &other.subnet_az)
            && Arc::ptr_eq(&self.subnet_table, &other.subnet_table)
            && Arc::ptr_eq(&self.table_lookup, &other.table_lookup)
            && Arc::ptr_eq(&self.tables, &other.tables)
            && Arc::ptr_eq(&self.service_lookup, &other.service_lookup)
            && Arc::ptr_eq(&self.nat_lookup, &other.nat_lookup)
            && Arc::ptr_eq(&self.gwlb_lookup, &other.gwlb_lookup)
            && Arc::ptr_eq(&self.eni_lookup, &other.eni_lookup)
            && Arc::ptr_eq(&self.instance_lookup, &other.instance_lookup)
            && Arc::ptr_eq(&self.instance_subnet, &other.instance_subnet)
            && (Arc::ptr_eq(&self.bpa, &other.bpa) || self.bpa == other.bpa)
            && (Arc::ptr_eq(&self.dns, &other.dns) || self.dns == other.dns)
            && a.instances.shares(&b.instances)
            && x.groups_on == y.groups_on
            && x.acls_on == y.acls_on
            && x.default_group == y.default_group
            && x.ephemeral == y.ephemeral
            && x.subnet_acl == y.subnet_acl
            && x.instance_groups == y.instance_groups
            && x.eni_groups == y.eni_groups
            && x.groups == y.groups
            && a.region == b.region
            && a.vpc == b.vpc
            && a.availability_zones == b.availability_zones
            && a.subnets == b.subnets
            && a.internet_gateway == b.internet_gateway
            && a.nat_gateways == b.nat_gateways
            && a.gateway_endpoints == b.gateway_endpoints
            && a.gwlb_endpoints == b.gwlb_endpoints
            && a.gateway_load_balancers == b.gateway_load_balancers
            && a.network_interfaces == b.network_interfaces
            && a.security_groups == b.security_groups
            && a.network_acls == b.network_acls
            && a.route_tables.len() == b.route_tables.len()
            && a.route_tables
                .iter()
                .zip(&b.route_tables)
                .all(|(t, u)| t.id == u.id && t.gateways == u.gateways);
        if !same {
            return None;
        }
        // Each endpoint as evaluation sees it, by id: its definition, ENIs and groups.
        let seen = |m: &'_ Model, id: &str| {
            let s = m.scenario();
            let i = s.interface_endpoints.iter().position(|e| e.id == id)?;
            Some((
                s.interface_endpoints[i].clone(),
                m.endpoint_enis[i].clone(),
                m.security.endpoint_groups.get(i).cloned(),
            ))
        };
        let mut changed: Vec<String> = Vec::new();
        for e in a.interface_endpoints.iter().chain(&b.interface_endpoints) {
            let (before, after) = (seen(self, &e.id), seen(other, &e.id));
            if before != after {
                // A service-network endpoint serves its network's other services too.
                let served = |e: crate::model::InterfaceEndpoint| {
                    let mut names = vec![e.service];
                    if let Some(crate::model::Lattice::ServiceNetwork(n)) = e.lattice {
                        names.extend(n.services);
                    }
                    names
                };
                for svc in [before.map(|x| served(x.0)), after.map(|x| served(x.0))]
                    .into_iter()
                    .flatten()
                    .flatten()
                {
                    if !changed.contains(&svc) {
                        changed.push(svc);
                    }
                }
            }
        }
        (!changed.is_empty()).then_some(changed)
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
            (self.az_names == other.az_names, "az_names"),
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
                self.endpoint_eni_facts == other.endpoint_eni_facts,
                "endpoint_eni_facts",
            ),
            (
                self.service_endpoints == other.service_endpoints,
                "service_endpoints",
            ),
            (
                self.no_private_dns == other.no_private_dns,
                "no_private_dns",
            ),
            (self.ids == other.ids, "ids"),
            (self.workloads == other.workloads, "workloads"),
            (self.security == other.security, "security"),
            (self.bpa == other.bpa, "bpa"),
            (self.dns == other.dns, "dns"),
            (
                self.lattice_targets == other.lattice_targets,
                "lattice_targets",
            ),
        ]
        .into_iter()
        .find(|(equal, _)| !equal)
        .map(|(_, name)| name)
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::model::{Edit, NetworkAclRule, PortRange, Protocol, RuleAction, load_file};

    /// The crossings (`[into, out of]` the subnet) an added rule of acl-endpoints (outbound or
    /// not) may decide otherwise.
    fn crossings(outbound: bool, protocol: Protocol, ports: Option<PortRange>) -> Vec<[bool; 2]> {
        let model = load_file(Path::new("scenarios/security-layers.ron")).expect("loads");
        let (next, _) = Edit::AddNetworkAclRule {
            acl: "acl-endpoints".into(),
            outbound,
            rule: NetworkAclRule {
                number: 50,
                protocol,
                ports,
                cidr: "10.0.0.0/16".parse().expect("cidr"),
                action: RuleAction::Deny,
            },
            position: None,
        }
        .apply(&model)
        .expect("applies");
        let acl = model
            .scenario()
            .network_acls
            .iter()
            .position(|a| a.id == "acl-endpoints")
            .expect("acl");
        let changed: Vec<(usize, [bool; 2])> = model.changed_acl_crossings(&next).collect();
        assert!(changed.iter().all(|&(a, _)| a == acl));
        changed.into_iter().map(|(_, c)| c).collect()
    }

    /// What `edit` changed of the security-layers scenario besides rules.
    fn security_edits(edit: Edit) -> (crate::model::Model, Option<super::SecurityEdits>) {
        let model = load_file(Path::new("scenarios/security-layers.ron")).expect("loads");
        let (next, _) = edit.apply(&model).expect("applies");
        let edits = model.security_edits(&next);
        (model, edits)
    }

    #[test]
    fn security_edits_name_what_the_walks_that_read_them_recorded() {
        // The endpoint's groups before, read by walks to its service alone.
        let (model, edits) = security_edits(Edit::AttachSecurityGroup {
            interface: "vpce-ssm".into(),
            group: "sg-db".into(),
            position: None,
        });
        let group = |id: &str| model.security().lookup[id] as usize;
        let ssm = model.service_lookup["ssm"];
        let edits = edits.expect("told apart");
        assert_eq!(edits.scoped, [(vec![group("sg-endpoints")], vec![ssm])]);
        assert!(edits.groups.is_empty() && edits.tables.is_empty() && edits.gated.is_empty());
        // A subnet off the stand-in default ACL: the walks from it.
        let (model, edits) = security_edits(Edit::AssociateNetworkAcl {
            subnet: "subnet-app-a".into(),
            acl: Some("acl-restricted".into()),
            position: None,
        });
        let edits = edits.expect("told apart");
        assert_eq!(edits.subnets, [model.subnet_lookup["subnet-app-a"]]);
        assert!(edits.tables.is_empty() && edits.services.is_empty() && edits.acls.is_empty());
        // Back to it: the walks that crossed it read acl-restricted.
        let (_, edits) = security_edits(Edit::AssociateNetworkAcl {
            subnet: "subnet-restricted".into(),
            acl: None,
            position: None,
        });
        let acl = model
            .scenario()
            .network_acls
            .iter()
            .position(|a| a.id == "acl-restricted");
        assert_eq!(edits.expect("told apart").acls, Vec::from_iter(acl));
        // An appliance's check: the walks its tables route to it that passed its groups.
        let (model, edits) = security_edits(Edit::SetSourceDestCheck {
            interface: "eni-fw".into(),
            enabled: None,
        });
        let table = model.table_lookup["rtb-inspected"];
        assert_eq!(
            edits.expect("told apart").gated,
            [(vec![table], vec![group("sg-appliance")])]
        );
        // Anything else is not told apart.
        let on = model.scenario().interface_endpoints[0].private_dns;
        let (_, edits) = security_edits(Edit::SetPrivateDns {
            endpoint: model.scenario().interface_endpoints[0].id.clone(),
            enabled: !on,
        });
        assert_eq!(edits, None);
    }

    #[test]
    fn a_rule_no_reply_matches_changes_the_crossings_of_its_direction_only() {
        let one = |p| Some(PortRange::one(p));
        // HTTPS and SSH are below every reply's ports (1024-65535 here and at NAT gateways).
        assert_eq!(crossings(true, Protocol::Tcp, one(443)), [[false, true]]);
        assert_eq!(crossings(false, Protocol::Udp, one(22)), [[true, false]]);
        // A rule on a reply port, on all ports, or of another protocol may match a reply.
        assert_eq!(crossings(true, Protocol::Tcp, one(1024)), [[true, true]]);
        assert_eq!(crossings(false, Protocol::Tcp, None), [[true, true]]);
        assert_eq!(crossings(false, Protocol::All, None), [[true, true]]);
        assert_eq!(crossings(true, Protocol::Icmp, None), [[true, true]]);
    }
}
