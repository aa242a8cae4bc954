//! What edits of security objects changed besides rules, as the walks' recorded reads can tell
//! ([`Model::security_edits`]): what lets the matrix and the cost estimate evaluate again only
//! the cells an attachment, an association or a source/destination check may have touched.
//!
//! What a walk reads of them, and what it records instead (aws-semantics.md §5b):
//! - an instance's groups: its class's key (the matrix keys classes by them);
//! - an interface endpoint's groups: checked at its ENIs (each group recorded), by walks to the
//!   services it serves alone; and as the peer of a source's egress rules naming a group (the
//!   rules' groups recorded);
//! - an appliance interface's groups and source/destination check: checked by walks a route
//!   sent to it (the table recorded), past its gate, where its groups were checked;
//! - a subnet's network ACL: its crossings record the ACL, unless it is AWS's stand-in default,
//!   which allows everything; then the walks that crossed the subnet are told by what else
//!   they read (`Model::left_the_stand_in`).
//!
//! A walk to a service range whose /32 piece an interface holds reads that interface's groups
//! recording nothing (`layers::holder_groups`): such an edit is not told apart.

use std::sync::Arc;

use super::super::{Model, SecurityIndex};
use crate::model::{Peer, SecurityGroupRule, Target};

/// The groups (by index) with a rule naming a group in one of `before` and `after` only (a
/// group attached to an interface or detached from it): a check of their rules against that
/// interface may decide otherwise.
fn groups_naming(sec: &SecurityIndex, before: &[u32], after: &[u32]) -> Vec<usize> {
    let moved: Vec<&str> = before
        .iter()
        .filter(|g| !after.contains(g))
        .chain(after.iter().filter(|g| !before.contains(g)))
        .map(|&g| sec.group(g).id.as_str())
        .collect();
    let names = |r: &SecurityGroupRule| match &r.peer {
        Peer::Group(id) => moved.contains(&id.as_str()),
        _ => false,
    };
    sec.groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.ingress.iter().chain(g.egress.iter()).any(names))
        .map(|(i, _)| i)
        .collect()
}

/// What edits of security objects changed besides rules ([`Model::security_edits`]), as the
/// walks' recorded reads can tell which cells they may decide otherwise.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct SecurityEdits {
    /// Groups (by index) whose readers may decide otherwise: an interface endpoint's groups
    /// before the edit, and the groups with a rule naming one attached to it or detached,
    /// when the walks that read them cannot be told by their service.
    pub groups: Vec<usize>,
    /// The same for an interface endpoint's groups, read only by walks to the services (by
    /// index) it serves: (groups, services). Also an endpoint with an ENI in a subnet that
    /// left the stand-in: its groups, checked after crossing into the subnet there.
    pub scoped: Vec<(Vec<usize>, Vec<usize>)>,
    /// Network ACLs a subnet left: their crossings count as changed both ways.
    pub acls: Vec<usize>,
    /// Subnets that left AWS's stand-in default ACL: their table associations count as changed
    /// (every walk from them reads it).
    pub subnets: Vec<usize>,
    /// Route tables whose routes count as changed: those to a forwarder in a subnet that left
    /// the stand-in (or to an appliance whose source/destination check changed, without
    /// security groups).
    pub tables: Vec<usize>,
    /// (tables, groups): the cells whose walks read one of the tables and checked one of the
    /// groups may decide otherwise. An appliance: only a walk a route sent to it reads its
    /// groups, its source/destination check or crosses into its subnet there, and every walk
    /// that got past its gate checked its groups (`layers::gate`).
    pub gated: Vec<(Vec<usize>, Vec<usize>)>,
    /// Services (by index) whose cells every class evaluates again: those of the interface
    /// endpoints with an ENI in a subnet that left the stand-in, without security groups.
    pub services: Vec<usize>,
}

impl Model {
    /// What edits of security objects changed between this model and `other` besides rules
    /// (interfaces' groups, subnets' network ACLs, source/destination checks), as the reads
    /// walks record can tell; `None` when the models differ in anything else
    /// ([`Self::evaluates_alike`] with those aside), or in a way no recorded read tells (see
    /// [`SecurityEdits`]). Empty when nothing of them changed.
    pub(crate) fn security_edits(&self, other: &Model) -> Option<SecurityEdits> {
        if !self.alike(other, true) {
            return None;
        }
        let mut out = SecurityEdits::default();
        if Arc::ptr_eq(&self.security, &other.security)
            && Arc::ptr_eq(&self.scenario, &other.scenario)
        {
            return Some(out);
        }
        let (x, y) = (&*self.security, &*other.security);
        let (a, b) = (self.scenario(), other.scenario());
        // A walk to a service range reads the groups of what holds a /32 piece of it as a
        // destination's (`layers::holder_groups`), recording nothing of them: an interface
        // whose address lies in a service's range is left to a full evaluation.
        let in_a_service = |ip: std::net::Ipv4Addr| {
            self.services()
                .iter()
                .any(|svc| svc.cidrs.iter().any(|c| c.contains(&ip)))
        };
        // Instances: the matrix keys its classes by their groups, so a class whose instances'
        // groups changed is another class (evaluated anew unless an equal one was).
        if !x.instance_groups.shares(&y.instance_groups) {
            let moved = x
                .instance_groups
                .iter()
                .zip(y.instance_groups.iter())
                .zip(a.instances.iter())
                .any(|((p, q), i)| p != q && i.private_ip.is_some_and(in_a_service));
            if moved {
                return None;
            }
        }
        // Interface endpoints: the walks that checked one's groups (as the destination's
        // ingress) recorded reading each of them; those that checked rules naming a group
        // attached or detached against it (a source's egress to it) recorded reading the
        // rules' groups.
        if !x.endpoint_groups.shares(&y.endpoint_groups) {
            for (e, (p, q)) in x
                .endpoint_groups
                .iter()
                .zip(y.endpoint_groups.iter())
                .enumerate()
            {
                if p == q {
                    continue;
                }
                if self.endpoint_enis(e).iter().any(|n| in_a_service(n.ip)) {
                    return None;
                }
                let mut groups = groups_naming(x, p, q);
                groups.extend(p.iter().map(|&g| g as usize));
                match self.endpoint_services(e) {
                    Some(services) => out.scoped.push((groups, services)),
                    None => out.groups.extend(groups),
                }
            }
        }
        if !x.eni_groups.shares(&y.eni_groups) {
            for (n, (p, q)) in x.eni_groups.iter().zip(y.eni_groups.iter()).enumerate() {
                if p == q {
                    continue;
                }
                if a.network_interfaces[n].ip.is_some_and(in_a_service) {
                    return None;
                }
                // Only the walks a route sent to the appliance check its groups, ingress and
                // egress (no rule checks them as a peer's: what an appliance forwards is not
                // its own traffic).
                self.appliance_gate(n, &mut out);
            }
        }
        // Source/destination checks: only a walk that a route sent to the interface reads its
        // check (`rules::network_interface`), past its gate.
        for (n, (p, q)) in a
            .network_interfaces
            .iter()
            .zip(&b.network_interfaces)
            .enumerate()
        {
            if p.source_dest_check != q.source_dest_check {
                self.appliance_gate(n, &mut out);
            }
        }
        if x.subnet_acl != y.subnet_acl {
            if x.subnet_acl.len() != y.subnet_acl.len() {
                return None;
            }
            for (subnet, (p, q)) in x.subnet_acl.iter().zip(&y.subnet_acl).enumerate() {
                match (p, q) {
                    (p, q) if p == q => {}
                    // The walks that crossed the subnet recorded reading the ACL it had.
                    (Some(acl), _) => out.acls.push(*acl as usize),
                    // It had AWS's stand-in default, which allows everything and no walk
                    // records reading.
                    (None, _) => self.left_the_stand_in(subnet, &mut out)?,
                }
            }
        }
        for list in [
            &mut out.groups,
            &mut out.acls,
            &mut out.tables,
            &mut out.subnets,
            &mut out.services,
        ] {
            list.sort_unstable();
            list.dedup();
        }
        Some(out)
    }

    /// [`Self::security_edits`] for subnet `subnet`, which had AWS's stand-in default network
    /// ACL: the walks that crossed it are those from it (each read its table association),
    /// those sent to a NAT gateway, appliance or GWLB endpoint in it (each read the table
    /// whose route sent it there), and those to an interface endpoint's ENI in it (the cells
    /// of the endpoint's services that checked its groups). `None` when a service's range
    /// meets the subnet (a walk to it may cross into the subnet reading none of those).
    fn left_the_stand_in(&self, subnet: usize, out: &mut SecurityEdits) -> Option<()> {
        let s = self.scenario();
        if let Some(cidr) = s.subnets[subnet].cidr {
            let meets = |c: &ipnet::Ipv4Net| c.contains(&cidr.network()) || cidr.contains(c);
            if self
                .services()
                .iter()
                .any(|svc| svc.cidrs.iter().any(meets))
            {
                return None;
            }
        }
        out.subnets.push(subnet);
        let here = |id: &str| self.subnet_lookup.get(id) == Some(&subnet);
        let nat = |id: &str| {
            s.nat_gateways
                .iter()
                .any(|n| n.id == id && n.subnet.as_deref().is_some_and(here))
        };
        let gwlb = |id: &str| {
            s.gwlb_endpoints
                .iter()
                .any(|g| g.id == id && here(&g.subnet))
        };
        let any_here = s
            .nat_gateways
            .iter()
            .any(|n| n.subnet.as_deref().is_some_and(here))
            || s.gwlb_endpoints.iter().any(|g| here(&g.subnet));
        if any_here {
            let to = |t: &Target| match t {
                Target::NatGateway(id) => nat(id),
                Target::GatewayLoadBalancerEndpoint(id) => gwlb(id),
                _ => false,
            };
            out.tables.extend(self.tables_routing_to(&to));
        }
        for (n, eni) in s.network_interfaces.iter().enumerate() {
            if here(&eni.subnet) {
                self.appliance_gate(n, out);
            }
        }
        // A walk that crossed into the subnet at an endpoint's ENI checked the endpoint's
        // groups there next (each recorded), when groups are evaluated.
        for e in 0..s.interface_endpoints.len() {
            if self.endpoint_enis(e).iter().any(|n| n.subnet == subnet) {
                let groups = self.security.endpoint_groups[e].iter();
                match (self.security.groups_on, self.endpoint_services(e)) {
                    (true, Some(services)) => out
                        .scoped
                        .push((groups.map(|&g| g as usize).collect(), services)),
                    (false, Some(services)) => out.services.extend(services),
                    (_, None) => out.services.extend(0..self.services().len()),
                }
            }
        }
        Some(())
    }

    /// [`Self::security_edits`] for walks that a route sends to appliance interface `eni`: those
    /// that read a table with such a route and, with security groups, checked its groups.
    fn appliance_gate(&self, eni: usize, out: &mut SecurityEdits) {
        let id = &self.scenario().network_interfaces[eni].id;
        let to = |t: &Target| matches!(t, Target::NetworkInterface(x) if x == id);
        let tables = self.tables_routing_to(&to);
        match self.security.groups_on {
            true => {
                let groups = self.security.eni_groups[eni].iter();
                out.gated
                    .push((tables, groups.map(|&g| g as usize).collect()));
            }
            false => out.tables.extend(tables),
        }
    }

    /// The route tables (by index) with a route, IPv4 or IPv6, to a target `to` holds.
    fn tables_routing_to(&self, to: &dyn Fn(&Target) -> bool) -> Vec<usize> {
        self.scenario()
            .route_tables
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.routes.iter().any(|r| to(&r.target))
                    || t.ipv6_routes.iter().any(|r| to(&r.target))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The services (by index) whose walks may reach interface endpoint `endpoint`'s ENIs: those
    /// it serves (DNS answers a service's name from that service's endpoints only). `None` for
    /// an endpoint of a service network or a resource, or of another Region: any service then.
    fn endpoint_services(&self, endpoint: usize) -> Option<Vec<usize>> {
        let s = self.scenario();
        let e = &s.interface_endpoints[endpoint];
        if e.lattice.is_some() || !e.serves_region(&s.region, &s.region) {
            return None;
        }
        Some(
            self.service_endpoints
                .iter()
                .enumerate()
                .filter(|(_, list)| list.contains(&endpoint))
                .map(|(i, _)| i)
                .collect(),
        )
    }
}
