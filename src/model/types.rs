//! The scenario as a person writes it in RON: one Region, one VPC.
//!
//! These are plain serde types with no behaviour beyond lookups. Everything a
//! user, a lesson or a what-if changes goes through [`crate::model::Edit`];
//! everything AWS would refuse is checked in [`crate::model::validate`].

use std::net::{Ipv4Addr, Ipv6Addr};

pub use compact_str::CompactString;
use ipnet::{Ipv4Net, Ipv6Net};
use serde::{Deserialize, Serialize};

use super::Shared;

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A whole scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short title shown in the UI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What the scenario teaches or models.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `title` in Japanese, shown with `--lang ja`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// `description` in Japanese, shown with `--lang ja`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_ja: Option<String>,
    /// The Region, e.g. `us-east-1`; selects the service CIDRs from the catalogue.
    pub region: String,
    pub vpc: Vpc,
    pub availability_zones: Vec<AvailabilityZone>,
    #[serde(default)]
    pub subnets: Shared<Subnet>,
    #[serde(default)]
    pub route_tables: Shared<RouteTable>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internet_gateway: Option<InternetGateway>,
    /// Egress-only internet gateways (IPv6 outbound only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub egress_only_internet_gateways: Vec<super::EgressOnlyInternetGateway>,
    /// VPC Block Public Access: the Region's mode and the exclusions (off when absent).
    #[serde(default, skip_serializing_if = "super::BlockPublicAccess::is_default")]
    pub block_public_access: super::BlockPublicAccess,
    /// The VPC's DHCP options set (none: the default set, `AmazonProvidedDNS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dhcp_options: Option<super::DhcpOptions>,
    /// Route 53 Resolver rules associated with the VPC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolver_rules: Vec<super::ResolverRule>,
    /// Route 53 private hosted zones associated with the VPC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub private_hosted_zones: Vec<super::PrivateHostedZone>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nat_gateways: Vec<NatGateway>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateway_endpoints: Shared<GatewayEndpoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interface_endpoints: Shared<InterfaceEndpoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gwlb_endpoints: Vec<GwlbEndpoint>,
    /// The VPC's service network association (VPC Lattice), at most one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_network_association: Option<super::ServiceNetworkAssociation>,
    /// Gateway Load Balancers behind GWLB endpoints: per-AZ appliance health, cross-zone load
    /// balancing, stateful appliances.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateway_load_balancers: Vec<GatewayLoadBalancer>,
    /// Appliance network interfaces that routes can target (middlebox routing, NAT instances).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub network_interfaces: Vec<NetworkInterface>,
    #[serde(default)]
    pub instances: Shared<Instance>,
    /// Security groups (aws-semantics.md §5b). With none here and none attached anywhere, the
    /// evaluator does not evaluate security groups and says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<super::SecurityGroup>,
    /// Network ACLs (aws-semantics.md §5b). With none, network ACLs are not evaluated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub network_acls: Vec<super::NetworkAcl>,
    /// S3 buckets and their bucket policies (aws-semantics.md §5b).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub buckets: Vec<super::Bucket>,
    /// The clients' ephemeral port range that replies are sent to, checked against network
    /// ACLs (default 1024–65535, AWS's example range; Linux uses 32768–60999).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral_ports: Option<super::PortRange>,
    /// Services added to the built-in catalogue, or overriding one of its entries by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceOverride>,
    /// Workloads added to the catalogue's, or replacing one of them by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workloads: Vec<Workload>,
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
    /// The verdicts this scenario must produce; `cargo test` checks every one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<Expectation>,
    /// A lesson through this scenario: ordered steps, in English and Japanese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lesson: Option<super::lesson::Lesson>,
}

impl Scenario {
    /// The title in Japanese when `japanese` and the scenario has one, else the English title.
    pub fn title_for(&self, japanese: bool) -> Option<&str> {
        in_language(&self.title, &self.title_ja, japanese)
    }

    /// The description in Japanese when `japanese` and the scenario has one, else the English.
    pub fn description_for(&self, japanese: bool) -> Option<&str> {
        in_language(&self.description, &self.description_ja, japanese)
    }
}

fn in_language<'a>(
    en: &'a Option<String>,
    ja: &'a Option<String>,
    japanese: bool,
) -> Option<&'a str> {
    match ja {
        Some(ja) if japanese => Some(ja),
        _ => en.as_deref(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vpc {
    #[serde(default = "default_vpc_id")]
    pub id: String,
    /// Primary CIDR first; secondary CIDRs after it.
    pub cidrs: Vec<Ipv4Net>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enable_dns_support: bool,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enable_dns_hostnames: bool,
    /// IPv6 CIDR blocks (Amazon-provided `/56`s or BYOIP); none: an IPv4-only VPC.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ipv6_cidrs: Vec<Ipv6Net>,
}

fn default_vpc_id() -> String {
    "vpc-1".to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvailabilityZone {
    /// Account-specific name, e.g. `us-east-1a`.
    pub name: String,
    /// Physical zone id, e.g. `use1-az6`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subnet {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// AZ name (as in `availability_zones`).
    pub az: String,
    /// The subnet's IPv4 block; none only in an IPv6-only subnet (`ipv6_only`), which has no
    /// IPv4 block in AWS ("IPv6-only subnets", configure-subnets.html). An IPv6-only subnet
    /// may still carry one (scenarios written before this was optional): no IPv4 path starts
    /// there either way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr: Option<Ipv4Net>,
    /// The subnet's IPv6 block (a `/64` inside a VPC IPv6 block); none: no IPv6 in the subnet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_cidr: Option<Ipv6Net>,
    /// An IPv6-only subnet (`Ipv6Native`): its interfaces have no IPv4 address.
    #[serde(default, skip_serializing_if = "is_false")]
    pub ipv6_only: bool,
    /// DNS64 (`EnableDns64`): the Amazon-provided DNS server answers an IPv4-only name with
    /// synthesized `64:ff9b::/96` addresses for clients in this subnet.
    #[serde(default, skip_serializing_if = "is_false")]
    pub dns64: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteTable {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Exactly one table in the VPC is the main table.
    #[serde(default, skip_serializing_if = "is_false")]
    pub main: bool,
    /// Explicit subnet associations. A subnet listed nowhere uses the main table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnets: Vec<String>,
    /// Gateway associations (ingress routing): the internet gateway whose inbound traffic this
    /// edge route table routes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gateways: Vec<String>,
    /// Static routes. The `local` route is derived; a route whose destination equals a VPC
    /// CIDR replaces the local route's target (middlebox routing). Gateway-endpoint routes
    /// are derived from `gateway_endpoints`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Routes,
    /// Static IPv6 routes (`::/0 → eigw-…`, `64:ff9b::/96 → nat-…`); the IPv6 `local` route
    /// is derived from the VPC's IPv6 blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ipv6_routes: Vec<super::Ipv6Route>,
}

/// A table's static routes, shared between the scenarios an edit makes.
pub type Routes = Shared<Route>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub destination: Destination,
    pub target: Target,
}

/// A route destination.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Destination {
    Cidr(Ipv4Net),
    /// The AWS-managed prefix list of a catalogue service, named by the service (`"s3"`),
    /// shown as `pl-s3`.
    PrefixList(String),
}

impl std::fmt::Display for Destination {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Destination::Cidr(c) => f.write_str(crate::net_text::NetText::net(*c).as_str()),
            Destination::PrefixList(s) => {
                f.write_str("pl-")?;
                f.write_str(s)
            }
        }
    }
}

/// A route target. `Local` and `GatewayEndpoint` are derived and never written in a scenario's
/// `routes` (validation refuses them there).
///
/// Ids are [`CompactString`]s: a `String` that keeps up to 24 bytes inline (every AWS id fits)
/// and derefs to `str`. A quota-sized scenario has 200,000 routes, and every edit copies the
/// scenario: with inline ids a route copies and frees without touching the allocator.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    Local,
    InternetGateway(CompactString),
    NatGateway(CompactString),
    GatewayEndpoint(CompactString),
    GatewayLoadBalancerEndpoint(CompactString),
    NetworkInterface(CompactString),
    /// Traffic is dropped here.
    Blackhole,
    /// Targets that leave the VPC; the model does not follow them.
    VpcPeering(CompactString),
    TransitGateway(CompactString),
    VirtualPrivateGateway(CompactString),
    /// An egress-only internet gateway: IPv6 routes only.
    EgressOnlyInternetGateway(CompactString),
}

impl Target {
    /// The id of the object this target names, if any.
    pub fn id(&self) -> Option<&str> {
        match self {
            Target::Local | Target::Blackhole => None,
            Target::InternetGateway(id)
            | Target::NatGateway(id)
            | Target::GatewayEndpoint(id)
            | Target::GatewayLoadBalancerEndpoint(id)
            | Target::NetworkInterface(id)
            | Target::VpcPeering(id)
            | Target::TransitGateway(id)
            | Target::VirtualPrivateGateway(id)
            | Target::EgressOnlyInternetGateway(id) => Some(id.as_str()),
        }
    }

    /// Whether the target leaves the VPC (beyond the model).
    pub fn leaves_vpc(&self) -> bool {
        matches!(
            self,
            Target::VpcPeering(_) | Target::TransitGateway(_) | Target::VirtualPrivateGateway(_)
        )
    }
}

impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Local => f.write_str("local"),
            Target::Blackhole => f.write_str("blackhole"),
            other => f.write_str(other.id().unwrap_or_default()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InternetGateway {
    pub id: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NatConnectivity {
    #[default]
    Public,
    Private,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AvailabilityMode {
    /// Lives in one subnet, fails with its AZ.
    #[default]
    Zonal,
    /// No subnet; spans the VPC's AZs and survives the loss of one (needs an internet gateway).
    Regional,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NatGateway {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The subnet it lives in (zonal NAT gateways only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subnet: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub connectivity: NatConnectivity,
    #[serde(default, skip_serializing_if = "is_default")]
    pub availability_mode: AvailabilityMode,
    /// A public NAT gateway's primary Elastic IP: the `aws:SourceIp` a service sees (§5b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elastic_ip: Option<Ipv4Addr>,
}

fn is_default<T: Default + PartialEq>(t: &T) -> bool {
    *t == T::default()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayEndpoint {
    pub id: String,
    /// `s3` or `dynamodb`.
    pub service: String,
    /// Tables that receive the derived `pl-<service> → vpce-…` route.
    #[serde(default)]
    pub route_tables: Vec<String>,
    /// The endpoint policy (none: AWS's default, full access; aws-semantics.md §5b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<super::Policy>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterfaceEndpoint {
    pub id: String,
    pub service: String,
    /// At most one subnet per AZ; each gets an endpoint network interface.
    #[serde(default)]
    pub subnets: Vec<EndpointSubnet>,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub private_dns: bool,
    /// S3 only: with private DNS on, resolve the private names only for queries arriving
    /// through an inbound Resolver endpoint (inside the VPC, S3's public addresses are answered).
    #[serde(default, skip_serializing_if = "is_false")]
    pub private_dns_only_for_inbound_resolver_endpoint: bool,
    /// The addresses of its network interfaces: `ipv4` (default), `dualstack` or `ipv6`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub ip_address_type: super::EndpointIpType,
    /// Which records its names get (`ipv4`, `dualstack`, `ipv6`, `service_defined`); none:
    /// the one the IP address type implies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_record_ip_type: Option<super::DnsRecordIpType>,
    /// The Region of the service, when it is not the VPC's (cross-Region AWS PrivateLink,
    /// `com.amazonaws.us-west-2.s3` from a us-east-1 VPC): `SERVICE@REGION` uses it, the
    /// Region's own `SERVICE` does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Security groups of the endpoint's network interfaces (none: the VPC's default group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
    /// The endpoint policy (none: AWS's default, full access; aws-semantics.md §5b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<super::Policy>,
    /// A resource endpoint's resource configuration or a service-network endpoint's service
    /// network (VPC Lattice; `crate::model::lattice`). None: an interface endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lattice: Option<super::Lattice>,
}

impl InterfaceEndpoint {
    /// Whether the endpoint serves `region`'s service (its own Region when it names none).
    pub fn serves_region(&self, region: &str, home: &str) -> bool {
        self.region.as_deref().unwrap_or(home) == region
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndpointSubnet {
    pub subnet: String,
    /// The ENI's private IP; when absent the first free address of the subnet is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ipv4Addr>,
    /// The ENI's IPv6 address (dual-stack and IPv6 endpoints); when absent, the model names the
    /// subnet's block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6: Option<Ipv6Addr>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GwlbEndpoint {
    pub id: String,
    pub subnet: String,
    /// Whether the appliances behind the Gateway Load Balancer that serve this endpoint are healthy.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub appliances_up: bool,
}

/// A Gateway Load Balancer and its appliance fleet, reached through GWLB endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GatewayLoadBalancer {
    pub id: String,
    /// The GWLB endpoints that send traffic to it.
    #[serde(default)]
    pub endpoints: Vec<String>,
    /// Cross-zone load balancing: off by default, as AWS ships it, so an endpoint's traffic
    /// goes only to appliances in the endpoint's own AZ.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cross_zone_load_balancing: bool,
    /// Appliances that keep connection state (the default) drop a flow whose return does not
    /// come back through them.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub stateful: bool,
    /// Appliance health per AZ (name or AZ ID).
    #[serde(default)]
    pub appliances: Vec<ApplianceZone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplianceZone {
    pub az: String,
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub healthy: bool,
}

/// A named set of services that one job needs at once (`workload:ecr-pull`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workload {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub services: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkInterface {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub subnet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<Ipv4Addr>,
    /// An appliance with a public IPv4 is modelled as a NAT instance: traffic it forwards
    /// leaves with its address.
    #[serde(default, skip_serializing_if = "is_false")]
    pub public_ip: bool,
    /// Security groups of the interface (none: the VPC's default group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
    /// Source/destination check: on, the interface drops traffic it forwards (AWS's default
    /// for a new interface); absent, the scenario does not say and it is not evaluated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_dest_check: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instance {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub subnet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_ip: Option<Ipv4Addr>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub public_ip: bool,
    /// The instance's IPv6 address (global unicast, from its subnet's IPv6 block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipv6_address: Option<Ipv6Addr>,
    /// Security groups of the instance's interface (none: the VPC's default group).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
}

/// A service added by a scenario, or an override of a catalogue entry with the same name.
/// Fields left out keep the catalogue's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceOverride {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dns_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub private_dns_supported: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gateway_endpoint: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interface_endpoint: Option<bool>,
    /// This Region's public CIDRs for the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidrs: Option<Vec<Ipv4Net>>,
}

/// What-if state: the outage a scenario starts in, or a user's experiment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIf {
    /// AZ names or AZ IDs.
    #[serde(default)]
    pub failed_azs: Vec<String>,
}

impl WhatIf {
    pub fn is_empty(&self) -> bool {
        self.failed_azs.is_empty()
    }
}

/// A verdict the scenario must produce, with the AWS page that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// As `check --from` takes it: an instance id or name, a subnet id (a hypothetical
    /// instance there) or a private IPv4 address inside a subnet.
    pub from: String,
    /// As `check --to` takes it: a service, `SERVICE@REGION`, a global name, an IPv4 address or
    /// CIDR, or `workload:NAME`.
    pub to: String,
    /// AZs failed for this check (names or AZ IDs), on top of the scenario's `what_if`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub failed_azs: Vec<String>,
    /// The traffic's protocol, as `check --protocol` takes it (default tcp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<super::Protocol>,
    /// The IP version, as `check --family` takes it: `ipv4` (default), `ipv6` or `auto`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The traffic's destination port, as `check --port` takes it (default 443).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// The request, as `check --action` / `--resource` take them (default: any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// `reachable`, `partial`, `blocked`, `leaves_vpc` or `unavailable`.
    pub verdict: String,
    /// For reachable: `gateway_endpoint`, `interface_endpoint`, `nat_gateway` or `internet_gateway`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// For interface endpoints: `never`, `sometimes` or `always`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross_az: Option<String>,
    /// For blocked: the reason code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Note codes that must appear.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The AWS documentation page that justifies this verdict.
    pub source: String,
}
