//! [`Edit`]: every change a user, a lesson or a what-if can make to the model. Applying an edit
//! validates the result with the same rules as loading and yields the exact inverse.
//!
//! The contract every variant keeps: if `e.apply(&m)` gives `(m2, inv)`, then `inv.apply(&m2)`
//! gives a model whose scenario is `==` to `m.scenario()`, the order of every list included. That
//! is why the additive edits carry a `position`: an inverse puts a thing back where it was.
//! A `position` past the end of its list appends. Where one step cannot say it all (deleting a
//! NAT gateway turns its routes into blackholes), the inverse is a [`Edit::Batch`].
//!
//! An edit first makes its own checks on the scenario (unknown ids, and the refusals AWS phrases
//! itself: a second subnet in one AZ, a destination that is already routed, deleting the local
//! route), then [`Model::rebuild`] applies every validation rule (aws-semantics.md §7).

use serde::{Deserialize, Serialize};

use super::parts::{Parts, Touched};
use super::{
    Destination, Diagnostic, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, Model, NatGateway,
    NetworkAclRule, Route, Scenario, SecurityGroupRule, Target,
};

mod associations;
mod attributes;
mod az_failure;
mod bpa;
mod dns;
mod gateway_endpoints;
mod gwlb;
mod interface_endpoints;
mod ipv6_routes;
mod lookup;
mod nat;
mod policies;
mod removal;
mod routes;
mod security;
#[cfg(test)]
mod test_support;

/// One change to the model. Ids are the scenario's ids; AZs are names or AZ IDs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Associate a subnet explicitly with a table, or (`route_table: None`) remove its explicit
    /// association so that it uses the main table. `position` is where the subnet goes in the
    /// table's `subnets` list (end when `None`; a subnet already on that table then stays put).
    AssociateSubnet {
        subnet: String,
        route_table: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Make another table the main table.
    SetMainRouteTable {
        route_table: String,
    },
    /// Add a route; `position` is where in the table's list it goes (end when `None`).
    AddRoute {
        route_table: String,
        route: Route,
        #[serde(default)]
        position: Option<usize>,
    },
    /// Replace the target of the route with this destination (the local route included). For a
    /// VPC CIDR, a target other than `Local` replaces the local route's target (the route entry
    /// is added at `position` if absent) and `Target::Local` restores it (the entry is removed),
    /// as `aws ec2 replace-route --local-target` does.
    ReplaceRoute {
        route_table: String,
        route: Route,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Delete a route. For a VPC CIDR this restores the local route's target; the local route
    /// itself cannot be deleted.
    DeleteRoute {
        route_table: String,
        destination: Destination,
    },
    /// Add an IPv6 route (`::/0 → eigw-1`); `position` is where in the table's `ipv6_routes`
    /// it goes (end when `None`).
    AddIpv6Route {
        route_table: String,
        route: super::Ipv6Route,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Replace the target of an IPv6 route; for a VPC IPv6 block, of its local route (a
    /// written override; `local` restores it). The inverse puts the old target back;
    /// `position` is where a restored override goes back in `ipv6_routes` (end when `None`).
    ReplaceIpv6Route {
        route_table: String,
        route: super::Ipv6Route,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Delete a written IPv6 route; for a VPC IPv6 block, its local route's override (the
    /// local route itself cannot be deleted).
    DeleteIpv6Route {
        route_table: String,
        destination: ipnet::Ipv6Net,
    },
    AddGatewayEndpoint {
        endpoint: GatewayEndpoint,
        #[serde(default)]
        position: Option<usize>,
    },
    DeleteGatewayEndpoint {
        id: String,
    },
    /// Add a table to a gateway endpoint's list (AWS then adds the `pl-<service>` route to it).
    AttachGatewayEndpoint {
        endpoint: String,
        route_table: String,
        #[serde(default)]
        position: Option<usize>,
    },
    DetachGatewayEndpoint {
        endpoint: String,
        route_table: String,
    },
    AddInterfaceEndpoint {
        endpoint: InterfaceEndpoint,
        #[serde(default)]
        position: Option<usize>,
    },
    DeleteInterfaceEndpoint {
        id: String,
    },
    AddEndpointSubnet {
        endpoint: String,
        subnet: EndpointSubnet,
        #[serde(default)]
        position: Option<usize>,
    },
    RemoveEndpointSubnet {
        endpoint: String,
        subnet: String,
    },
    SetPrivateDns {
        endpoint: String,
        enabled: bool,
    },
    SetPrivateDnsOnlyForInboundResolverEndpoint {
        endpoint: String,
        enabled: bool,
    },
    AddNatGateway {
        nat_gateway: NatGateway,
        #[serde(default)]
        position: Option<usize>,
    },
    /// Routes that targeted the NAT gateway become blackhole routes, as in AWS.
    DeleteNatGateway {
        id: String,
    },
    /// Instance by id (or, failing that, by name).
    SetInstancePublicIp {
        instance: String,
        public_ip: bool,
    },
    SetDnsSupport {
        enabled: bool,
    },
    SetDnsHostnames {
        enabled: bool,
    },
    SetGwlbAppliancesUp {
        endpoint: String,
        up: bool,
    },
    /// Associate the internet gateway with a route table, making it the gateway's edge route
    /// table (ingress routing); `position` in the table's `gateways` list (end when `None`).
    AssociateGateway {
        route_table: String,
        gateway: String,
        #[serde(default)]
        position: Option<usize>,
    },
    DisassociateGateway {
        route_table: String,
        gateway: String,
    },
    /// Mark a Gateway Load Balancer's appliances in one AZ healthy or not.
    SetApplianceHealth {
        load_balancer: String,
        az: String,
        healthy: bool,
    },
    SetCrossZoneLoadBalancing {
        load_balancer: String,
        enabled: bool,
    },
    /// Fail an AZ: its name or AZ ID is appended, as given, to `what_if.failed_azs`.
    FailAz {
        az: String,
    },
    /// Restore an AZ: removes every `failed_azs` entry that names it (by name or AZ ID).
    RestoreAz {
        az: String,
    },
    /// Replace the whole failed-AZ list. Also the inverse of a `RestoreAz` whose entry was not
    /// the last one (or that removed several entries naming one AZ), so that undo keeps the order.
    SetFailedAzs {
        failed_azs: Vec<String>,
    },
    /// Add a rule to a security group (`egress`: outbound, else inbound) at `position`.
    AddSecurityGroupRule {
        group: String,
        egress: bool,
        rule: SecurityGroupRule,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Remove a security group's rule by its place (0-based) in that direction's list.
    RemoveSecurityGroupRule {
        group: String,
        egress: bool,
        index: usize,
    },
    /// Attach a group to an instance, interface endpoint or network interface.
    AttachSecurityGroup {
        interface: String,
        group: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Detach a group (an interface keeps at least one, as AWS requires).
    DetachSecurityGroup {
        interface: String,
        group: String,
    },
    /// Add a numbered network ACL rule (`outbound`, else inbound).
    AddNetworkAclRule {
        acl: String,
        outbound: bool,
        rule: NetworkAclRule,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    RemoveNetworkAclRule {
        acl: String,
        outbound: bool,
        number: u16,
    },
    /// Give a network ACL rule another number (its place in the evaluation order). AWS has no
    /// call for it: the console and the CLI delete the entry and create it again
    /// (`delete-network-acl-entry`, `create-network-acl-entry`); this is both, as one undoable
    /// edit, refused as creating the entry would be (the number taken, or outside 1–32766).
    RenumberNetworkAclRule {
        acl: String,
        outbound: bool,
        number: u16,
        new_number: u16,
    },
    /// Associate a subnet with a network ACL, or (`acl: None`) with the default one.
    AssociateNetworkAcl {
        subnet: String,
        acl: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Set (or clear) an appliance network interface's source/destination check.
    SetSourceDestCheck {
        interface: String,
        enabled: Option<bool>,
    },
    /// Set a gateway or interface endpoint's policy (`modify-vpc-endpoint --policy-document`),
    /// or with `None` reset it to AWS's default, full access (`--reset-policy`).
    SetEndpointPolicy {
        endpoint: String,
        policy: Option<super::Policy>,
    },
    /// Set an S3 bucket's policy (`s3api put-bucket-policy`), or with `None` remove it
    /// (`delete-bucket-policy`).
    SetBucketPolicy {
        bucket: String,
        policy: Option<super::Policy>,
    },
    /// Set the Region's VPC Block Public Access mode (`modify-vpc-block-public-access-options`).
    SetBlockPublicAccessMode {
        mode: super::BpaMode,
    },
    /// Create a Block Public Access exclusion for the VPC or a subnet at `position` in the list.
    AddBpaExclusion {
        exclusion: super::BpaExclusion,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Delete the Block Public Access exclusion of the VPC or a subnet.
    RemoveBpaExclusion {
        scope: super::ExclusionScope,
    },
    /// Associate a DHCP options set with the VPC (`associate-dhcp-options`); `None`: the
    /// default, AmazonProvidedDNS.
    SetDhcpOptions {
        options: Option<super::DhcpOptions>,
    },
    /// Associate a Resolver rule with the VPC, at `position` in the list.
    AddResolverRule {
        rule: super::ResolverRule,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Disassociate a Resolver rule from the VPC.
    RemoveResolverRule {
        rule: String,
    },
    /// Associate a private hosted zone (with its records) with the VPC, at `position`.
    AddHostedZone {
        zone: super::PrivateHostedZone,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Disassociate a private hosted zone from the VPC.
    RemoveHostedZone {
        zone: String,
    },
    /// Create a record in a private hosted zone, at `position` in its records.
    AddZoneRecord {
        zone: String,
        record: super::ZoneRecord,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Delete the record of `name` from a private hosted zone.
    RemoveZoneRecord {
        zone: String,
        name: String,
    },
    /// Several edits applied in order, all or nothing.
    Batch(Vec<Edit>),
}

/// Why an edit was not applied, as facts; `explain::edit_error` says it in a language (and
/// `Display` in English).
#[derive(Debug, Clone, PartialEq)]
pub enum EditError {
    /// The edit names an object that does not exist; the diagnostic says what does.
    NotFound(Box<Diagnostic>),
    /// AWS would refuse the result; the diagnostics say which rule.
    Refused(Vec<Diagnostic>),
}

impl EditError {
    pub(crate) fn missing(d: Diagnostic) -> Self {
        EditError::NotFound(Box::new(d))
    }
}

impl std::error::Error for EditError {}

impl Edit {
    /// Apply to `model`, returning the new model and the edit that undoes this one exactly.
    ///
    /// The model is never changed: the edit works on a copy of its scenario, which is then
    /// validated as a whole (a [`Edit::Batch`] is validated once, after its last step).
    ///
    /// Only what the edit can affect is checked and rebuilt: the rules that read the parts of
    /// the scenario it changed, and the indexes built from them (see [`Edit::touches`]); the
    /// rest is shared with `model`. Debug builds also build the model from scratch and assert
    /// that the two agree, refusals and their diagnostics included.
    pub fn apply(&self, model: &Model) -> Result<(Model, Edit), EditError> {
        let mut scenario = model.clone_scenario();
        let mut touched = Touched::nothing();
        let inverse = self.apply_to(&mut scenario, &mut touched)?;
        #[cfg(debug_assertions)]
        let from_scratch = Model::new(scenario.clone());
        let next = model.rebuild(scenario, &touched);
        #[cfg(debug_assertions)]
        agrees_with_a_fresh_model(self, &next, &from_scratch);
        // The model was valid, so every error is one this edit introduced.
        let next = next.map_err(|diagnostics| {
            EditError::Refused(diagnostics.into_iter().filter(|d| d.is_error()).collect())
        })?;
        Ok((next, inverse))
    }

    /// Add to `touched` what this edit changes in `s`, the scenario before it: the parts that
    /// [`Model::rebuild`] must check and index again. Every variant is listed (no catch-all),
    /// so a new edit cannot be added without saying what it touches.
    fn touches(&self, s: &Scenario, touched: &mut Touched) {
        let table = |id: &str| s.route_tables.iter().position(|t| t.id == id);
        match self {
            Edit::AssociateSubnet { .. } => touched.add(Parts::ASSOCIATIONS),
            Edit::SetMainRouteTable { .. } => touched.add(Parts::MAIN),
            Edit::AddRoute { route_table, .. }
            | Edit::ReplaceRoute { route_table, .. }
            | Edit::DeleteRoute { route_table, .. }
            | Edit::AddIpv6Route { route_table, .. }
            | Edit::ReplaceIpv6Route { route_table, .. }
            | Edit::DeleteIpv6Route { route_table, .. } => {
                touched.add_table(Parts::ROUTES, table(route_table))
            }
            Edit::AddGatewayEndpoint { endpoint, .. } => {
                touched.add(Parts::GATEWAY_ENDPOINTS);
                for t in &endpoint.route_tables {
                    touched.add_table(Parts::GATEWAY_ENDPOINT_TABLES, table(t));
                }
            }
            Edit::DeleteGatewayEndpoint { id } => {
                touched.add(Parts::GATEWAY_ENDPOINTS);
                for ge in s.gateway_endpoints.iter().filter(|g| &g.id == id) {
                    for t in &ge.route_tables {
                        touched.add_table(Parts::GATEWAY_ENDPOINT_TABLES, table(t));
                    }
                }
            }
            Edit::AttachGatewayEndpoint { route_table, .. }
            | Edit::DetachGatewayEndpoint { route_table, .. } => {
                touched.add_table(Parts::GATEWAY_ENDPOINT_TABLES, table(route_table))
            }
            Edit::AddInterfaceEndpoint { .. }
            | Edit::DeleteInterfaceEndpoint { .. }
            | Edit::AddEndpointSubnet { .. }
            | Edit::RemoveEndpointSubnet { .. } => {
                touched.add(Parts::INTERFACE_ENDPOINTS | Parts::PRIVATE_DNS)
            }
            Edit::SetPrivateDns { .. }
            | Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { .. } => {
                touched.add(Parts::PRIVATE_DNS)
            }
            Edit::AddNatGateway { .. } => touched.add(Parts::NAT_GATEWAYS),
            Edit::DeleteNatGateway { id } => {
                // Its routes become blackholes.
                touched.add(Parts::NAT_GATEWAYS);
                let target = Target::NatGateway(id.as_str().into());
                for (ti, t) in s.route_tables.iter().enumerate() {
                    if t.routes.iter().any(|r| r.target == target) {
                        touched.add_table(Parts::ROUTES, Some(ti));
                    }
                }
            }
            Edit::SetInstancePublicIp { .. } => touched.add(Parts::PUBLIC_IPS),
            Edit::SetDnsSupport { .. } | Edit::SetDnsHostnames { .. } => {
                touched.add(Parts::VPC_DNS)
            }
            Edit::SetGwlbAppliancesUp { .. } => touched.add(Parts::GWLB_HEALTH),
            Edit::AssociateGateway { .. } | Edit::DisassociateGateway { .. } => {
                touched.add(Parts::EDGE)
            }
            Edit::SetApplianceHealth { .. } | Edit::SetCrossZoneLoadBalancing { .. } => {
                touched.add(Parts::LOAD_BALANCER_STATE)
            }
            Edit::FailAz { .. } | Edit::RestoreAz { .. } | Edit::SetFailedAzs { .. } => {
                touched.add(Parts::WHAT_IF)
            }
            // A rule edit changes one group's or network ACL's rules (a rule number already used
            // is refused before anything changes).
            Edit::AddSecurityGroupRule { group, .. }
            | Edit::RemoveSecurityGroupRule { group, .. } => {
                let g = s.security_groups.iter().position(|x| &x.id == group);
                touched.add_rules(Some(g), None)
            }
            Edit::AddNetworkAclRule { acl, .. }
            | Edit::RemoveNetworkAclRule { acl, .. }
            | Edit::RenumberNetworkAclRule { acl, .. } => {
                let a = s.network_acls.iter().position(|x| &x.id == acl);
                touched.add_rules(None, Some(a))
            }
            // What attaches groups and ACLs, not the groups and ACLs themselves.
            Edit::AttachSecurityGroup { .. }
            | Edit::DetachSecurityGroup { .. }
            | Edit::AssociateNetworkAcl { .. }
            | Edit::SetSourceDestCheck { .. } => touched.add_attachments(),
            Edit::SetEndpointPolicy { .. } | Edit::SetBucketPolicy { .. } => {
                touched.add(Parts::POLICIES)
            }
            Edit::SetBlockPublicAccessMode { .. }
            | Edit::AddBpaExclusion { .. }
            | Edit::RemoveBpaExclusion { .. } => touched.add(Parts::BPA),
            Edit::SetDhcpOptions { .. }
            | Edit::AddResolverRule { .. }
            | Edit::RemoveResolverRule { .. }
            | Edit::AddHostedZone { .. }
            | Edit::RemoveHostedZone { .. }
            | Edit::AddZoneRecord { .. }
            | Edit::RemoveZoneRecord { .. } => touched.add(Parts::DNS),
            // Each step adds what it touches as it is applied.
            Edit::Batch(_) => {}
        }
    }

    /// Make the change on `s` (already a scratch copy), add what it changed to `touched`, and
    /// return the exact inverse.
    fn apply_to(&self, s: &mut Scenario, touched: &mut Touched) -> Result<Edit, EditError> {
        self.touches(s, touched);
        // Each family's module applies its variants; every variant is listed (no catch-all).
        Ok(match self {
            Edit::AssociateSubnet { .. }
            | Edit::SetMainRouteTable { .. }
            | Edit::AssociateGateway { .. }
            | Edit::DisassociateGateway { .. } => associations::apply(self, s)?,
            Edit::AddRoute { .. } | Edit::ReplaceRoute { .. } | Edit::DeleteRoute { .. } => {
                routes::apply(self, s)?
            }
            Edit::AddIpv6Route { .. }
            | Edit::ReplaceIpv6Route { .. }
            | Edit::DeleteIpv6Route { .. } => ipv6_routes::apply(self, s)?,
            Edit::AddGatewayEndpoint { .. }
            | Edit::DeleteGatewayEndpoint { .. }
            | Edit::AttachGatewayEndpoint { .. }
            | Edit::DetachGatewayEndpoint { .. } => gateway_endpoints::apply(self, s)?,
            Edit::AddInterfaceEndpoint { .. }
            | Edit::DeleteInterfaceEndpoint { .. }
            | Edit::AddEndpointSubnet { .. }
            | Edit::RemoveEndpointSubnet { .. }
            | Edit::SetPrivateDns { .. }
            | Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { .. } => {
                interface_endpoints::apply(self, s)?
            }
            Edit::AddNatGateway { .. } | Edit::DeleteNatGateway { .. } => nat::apply(self, s)?,
            Edit::SetInstancePublicIp { .. }
            | Edit::SetDnsSupport { .. }
            | Edit::SetDnsHostnames { .. } => attributes::apply(self, s)?,
            Edit::SetApplianceHealth { .. }
            | Edit::SetCrossZoneLoadBalancing { .. }
            | Edit::SetGwlbAppliancesUp { .. } => gwlb::apply(self, s)?,
            Edit::FailAz { .. } | Edit::RestoreAz { .. } | Edit::SetFailedAzs { .. } => {
                az_failure::apply(self, s)?
            }
            Edit::AddSecurityGroupRule { .. }
            | Edit::RemoveSecurityGroupRule { .. }
            | Edit::AttachSecurityGroup { .. }
            | Edit::DetachSecurityGroup { .. }
            | Edit::AddNetworkAclRule { .. }
            | Edit::RemoveNetworkAclRule { .. }
            | Edit::RenumberNetworkAclRule { .. }
            | Edit::AssociateNetworkAcl { .. }
            | Edit::SetSourceDestCheck { .. } => security::apply(self, s)?,
            Edit::SetEndpointPolicy { .. } | Edit::SetBucketPolicy { .. } => {
                policies::apply(self, s)?
            }
            Edit::SetBlockPublicAccessMode { .. }
            | Edit::AddBpaExclusion { .. }
            | Edit::RemoveBpaExclusion { .. } => bpa::apply(self, s)?,
            Edit::SetDhcpOptions { .. }
            | Edit::AddResolverRule { .. }
            | Edit::RemoveResolverRule { .. }
            | Edit::AddHostedZone { .. }
            | Edit::RemoveHostedZone { .. }
            | Edit::AddZoneRecord { .. }
            | Edit::RemoveZoneRecord { .. } => dns::apply(self, s)?,
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    inverses.push(e.apply_to(s, touched)?);
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        })
    }
}

/// The check behind [`Edit::apply`] in debug builds: the model rebuilt from what the edit
/// touched is the model built from scratch, or both refuse it with the same diagnostics.
#[cfg(debug_assertions)]
fn agrees_with_a_fresh_model(
    edit: &Edit,
    rebuilt: &Result<Model, Vec<Diagnostic>>,
    fresh: &Result<Model, Vec<Diagnostic>>,
) {
    match (rebuilt, fresh) {
        (Ok(a), Ok(b)) => {
            if let Some(part) = a.difference(b) {
                panic!("{edit:?}: the rebuilt model's {part} differs from a fresh model's");
            }
        }
        (Err(a), Err(b)) => assert_eq!(
            a, b,
            "{edit:?}: refused with other diagnostics than a fresh model"
        ),
        (a, b) => panic!(
            "{edit:?}: rebuilt {} but a fresh model {}",
            if a.is_ok() { "accepted" } else { "refused" },
            if b.is_ok() { "accepted" } else { "refused" },
        ),
    }
}

#[cfg(test)]
mod tests {

    use super::test_support::*;
    use super::*;
    use crate::model::Target;

    #[test]
    fn batch_applies_in_order_and_undoes_in_reverse() {
        let m = private_only();
        let e = Edit::Batch(vec![
            Edit::DetachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private-a".into(),
            },
            Edit::AttachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private-a".into(),
                position: None,
            },
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
        ]);
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(
            after.scenario().gateway_endpoints[0].route_tables,
            ["rtb-private-b", "rtb-private-c", "rtb-private-a"]
        );
        let Edit::Batch(steps) = &inverse else {
            panic!("expected a batch")
        };
        assert!(matches!(steps[0], Edit::RestoreAz { .. }));
        assert!(matches!(steps[2], Edit::AttachGatewayEndpoint { .. }));
        assert_eq!(
            Edit::Batch(vec![]).apply(&m).unwrap().0.scenario(),
            m.scenario()
        );
    }

    #[test]
    fn batch_is_all_or_nothing() {
        let m = private_only();
        let e = Edit::Batch(vec![
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
            Edit::DeleteGatewayEndpoint {
                id: "vpce-nope".into(),
            },
        ]);
        let err = e.apply(&m).unwrap_err();
        assert!(err.to_string().contains("vpce-nope"));
        // The model handed in is untouched by construction; a later edit sees the AZ healthy.
        assert!(m.scenario().what_if.failed_azs.is_empty());
        // Steps see the effect of earlier ones: fail then fail again is refused.
        let twice = Edit::Batch(vec![
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
            Edit::FailAz {
                az: "use1-az4".into(),
            },
        ]);
        assert!(refusal(&m, &twice).contains("already failed"));
    }

    #[test]
    fn edits_serialise_and_read_back() {
        let e = Edit::Batch(vec![
            Edit::AssociateSubnet {
                subnet: "subnet-a".into(),
                route_table: Some("rtb-a".into()),
                position: None,
            },
            Edit::ReplaceRoute {
                route_table: "rtb-a".into(),
                route: route("10.0.0.0/16", Target::Local),
                position: Some(2),
            },
        ]);
        let text = ron::to_string(&e).unwrap();
        assert_eq!(ron::from_str::<Edit>(&text).unwrap(), e);
        // Positions may be left out.
        let short: Edit =
            ron::from_str(r#"AssociateSubnet(subnet: "subnet-a", route_table: Some("rtb-a"))"#)
                .expect("position is optional");
        assert_eq!(
            short,
            Edit::AssociateSubnet {
                subnet: "subnet-a".into(),
                route_table: Some("rtb-a".into()),
                position: None,
            }
        );
    }
}
