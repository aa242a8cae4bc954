//! Where security groups and network ACLs decide on an IPv6 path, with their IPv6 rules
//! (`rules/security_group_v6.rs`, `rules/network_acl_v6.rs`), as `eval/layers.rs` places them
//! on IPv4 paths:
//!
//! - leaving the source: its groups' egress to the destination; its subnet's network ACL
//!   outbound for the request and inbound for the reply, unless the destination is in the same
//!   subnet (traffic inside a subnet is not checked by its network ACL);
//! - at an address or an interface endpoint inside the VPC: its subnet's network ACL inbound
//!   (and the reply outbound) unless it is the source's subnet, and the ingress of the groups of
//!   the endpoint or of the instance that holds the address.
//!
//! NAT64 (IPv6 in, IPv4 out through a NAT gateway): the NAT gateway's subnet's network ACL is
//! not evaluated; the trace lists network ACLs as unchecked and says so.
//!
//! Layers a scenario has no data for are not evaluated (`eval::unchecked`), as on IPv4 paths.

use ipnet::Ipv6Net;

use super::super::facts::*;
use super::super::rules::{network_acl_v6, security_group_v6};
use super::Plan;
use super::trace::Trace;

impl Trace<'_> {
    /// The source's groups' egress to `dest`, then its subnet's boundary when `dest_subnet` is
    /// another subnet (none: outside the VPC).
    pub(super) fn leave(&mut self, dest: Ipv6Net, dest_subnet: Option<usize>) -> Option<Plan> {
        let sec = self.model.security();
        if sec.groups_on {
            let groups = self.groups.clone();
            let traffic = security_group_v6::traffic(self.probe, dest);
            let id = self.source_id.clone();
            if let Some(p) = self.groups_decide(&groups, id, GroupDirection::Egress, traffic) {
                return Some(p);
            }
        }
        if sec.acls_on && dest_subnet != Some(self.subnet) {
            let request = security_group_v6::traffic(self.probe, dest);
            return self.boundary(self.subnet, AclDirection::Outbound, request);
        }
        None
    }

    /// Arriving at `subnet` from the source: its boundary (unless it is the source's), then the
    /// ingress of `groups` (the interface `interface` holds them) when given.
    pub(super) fn arrive(&mut self, subnet: usize, groups: Option<(&[u32], Id)>) -> Option<Plan> {
        let sec = self.model.security();
        let from = self.source_net();
        if sec.acls_on && subnet != self.subnet {
            let request = security_group_v6::traffic(self.probe, from);
            if let Some(p) = self.boundary(subnet, AclDirection::Inbound, request) {
                return Some(p);
            }
        }
        if sec.groups_on
            && let Some((groups, interface)) = groups
        {
            let traffic = security_group_v6::traffic(self.probe, from);
            return self.groups_decide(groups, interface, GroupDirection::Ingress, traffic);
        }
        None
    }

    /// Whether every layer lets the request to `dest` in `subnet` (held by `groups`) and its
    /// reply through, deciding without recording anything.
    pub(super) fn passes(
        &self,
        dest: Ipv6Net,
        subnet: usize,
        groups: Option<(&[u32], Id)>,
    ) -> bool {
        let sec = self.model.security();
        let request = |peer| security_group_v6::traffic(self.probe, peer);
        let allowed = |g: &[u32], id: Id, direction, peer| {
            matches!(
                security_group_v6::check(self.model, g, id, direction, request(peer)),
                security_group_v6::Outcome::Allowed(_)
            )
        };
        let from = self.source_net();
        let crosses = |si, direction, peer| {
            network_acl_v6::crossing(self.model, si, direction, request(peer)).is_ok()
        };
        let other = subnet != self.subnet;
        (!sec.groups_on
            || allowed(
                &self.groups,
                self.source_id.clone(),
                GroupDirection::Egress,
                dest,
            ))
            && (!sec.acls_on || !other || crosses(self.subnet, AclDirection::Outbound, dest))
            && (!sec.acls_on || !other || crosses(subnet, AclDirection::Inbound, from))
            && (!sec.groups_on
                || groups.is_none_or(|(g, id)| allowed(g, id, GroupDirection::Ingress, from)))
    }

    /// The source as a rule sees it: its address, or its subnet's block (a new interface).
    fn source_net(&self) -> Ipv6Net {
        match (self.address, self.block) {
            (Some(a), _) => Ipv6Net::from(a),
            (None, Some(b)) => b,
            (None, None) => Ipv6Net::default(),
        }
    }

    fn groups_decide(
        &mut self,
        groups: &[u32],
        interface: Id,
        direction: GroupDirection,
        traffic: V6Traffic,
    ) -> Option<Plan> {
        match security_group_v6::check(self.model, groups, interface.clone(), direction, traffic) {
            security_group_v6::Outcome::Allowed(check) => {
                self.hop(
                    HopKind::SecurityGroup,
                    interface,
                    V6Fact::SecurityGroup { check },
                );
                None
            }
            security_group_v6::Outcome::Denied(check) => Some(self.stop(V6Stop::SecurityGroup {
                check: Box::new(check),
            })),
            security_group_v6::Outcome::GroupReference(id) => {
                Some(self.stop(V6Stop::NotModelled {
                    id,
                    why: V6Unknown::GroupReference,
                }))
            }
        }
    }

    fn boundary(
        &mut self,
        subnet: usize,
        direction: AclDirection,
        request: V6Traffic,
    ) -> Option<Plan> {
        match network_acl_v6::crossing(self.model, subnet, direction, request) {
            Ok(checks) => {
                let id = checks[0].acl.clone();
                self.hop(
                    HopKind::NetworkAcl,
                    id,
                    V6Fact::NetworkAcl {
                        checks: checks.to_vec(),
                    },
                );
                None
            }
            Err(check) => Some(self.stop(V6Stop::NetworkAcl {
                check: Box::new(check),
            })),
        }
    }
}
