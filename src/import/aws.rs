//! The JSON the AWS CLI prints for `aws ec2 describe-*` (and two siblings), as serde types.
//!
//! Field names, nesting and value formats follow the Amazon EC2 API Reference: PascalCase keys, as
//! the CLI prints them, and every field optional, as the reference marks them. Only the fields the
//! importer reads are declared, except for the objects that decide routing (routes, route-table
//! associations, endpoints, NAT gateways), which keep the rest in `extra` so that a field the
//! reference does not list is reported rather than dropped. `docs/aws-import-fields.md` lists every
//! field read, against the reference.

use std::collections::BTreeMap;

use compact_str::CompactString;
use serde::Deserialize;
use serde_json::Value;
use smallvec::SmallVec;

/// Fields not listed in a struct, kept where an unknown one must be reported.
pub type Extra = BTreeMap<String, Value>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// The value of the `Name` tag, AWS's display name.
pub fn name_tag(tags: &[Tag]) -> Option<String> {
    tags.iter()
        .find(|t| t.key == "Name")
        .map(|t| t.value.clone())
        .filter(|v| !v.is_empty())
}

/// `describe-vpcs`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeVpcs {
    pub vpcs: Vec<Vpc>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Vpc {
    pub vpc_id: String,
    /// The primary IPv4 CIDR block.
    pub cidr_block: Option<String>,
    pub cidr_block_association_set: Vec<CidrBlockAssociation>,
    pub ipv6_cidr_block_association_set: Vec<super::aws_ipv6::Ipv6CidrBlockAssociation>,
    pub state: Option<String>,
    pub tags: Vec<Tag>,
    /// `dopt-…`, or `default` (no options set: AmazonProvidedDNS).
    pub dhcp_options_id: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct CidrBlockAssociation {
    pub cidr_block: String,
    pub cidr_block_state: Option<StateOnly>,
}

/// `{"State": "..."}`, the shape of `CidrBlockState`, `AssociationState` and an instance's
/// `State` (which also has `Code`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct StateOnly {
    pub state: Option<String>,
}

/// `describe-vpc-attribute --attribute enableDnsSupport` or `... enableDnsHostnames`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeVpcAttribute {
    pub vpc_id: String,
    pub enable_dns_support: Option<AttributeBooleanValue>,
    pub enable_dns_hostnames: Option<AttributeBooleanValue>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AttributeBooleanValue {
    pub value: Option<bool>,
}

/// `describe-availability-zones`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeAvailabilityZones {
    pub availability_zones: Vec<AvailabilityZone>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AvailabilityZone {
    pub zone_name: String,
    pub zone_id: Option<String>,
    pub region_name: Option<String>,
    /// `availability-zone`, `local-zone` or `wavelength-zone`.
    pub zone_type: Option<String>,
}

/// `describe-subnets`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeSubnets {
    pub subnets: Vec<Subnet>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Subnet {
    pub subnet_id: String,
    pub vpc_id: String,
    /// Absent for an IPv6-only subnet.
    pub cidr_block: Option<String>,
    pub availability_zone: String,
    pub availability_zone_id: Option<String>,
    pub tags: Vec<Tag>,
    pub ipv6_cidr_block_association_set: Vec<super::aws_ipv6::Ipv6CidrBlockAssociation>,
    /// An IPv6-only subnet.
    pub ipv6_native: Option<bool>,
    pub enable_dns64: Option<bool>,
}

/// `describe-route-tables`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeRouteTables {
    pub route_tables: Vec<RouteTable>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RouteTable {
    pub route_table_id: String,
    pub vpc_id: String,
    pub associations: Vec<RouteTableAssociation>,
    pub routes: Vec<Route>,
    pub propagating_vgws: Vec<Value>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct RouteTableAssociation {
    pub main: Option<bool>,
    pub subnet_id: Option<String>,
    /// An edge association: the internet gateway or virtual private gateway.
    pub gateway_id: Option<String>,
    pub association_state: Option<StateOnly>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Fields of `RouteTableAssociation` the importer knows and does not need.
pub const ASSOCIATION_FIELDS_UNUSED: &[&str] =
    &["RouteTableAssociationId", "RouteTableId", "PublicIpv4Pool"];

/// One route, read field by field (no `serde(flatten)`, which would buffer every route as a map
/// first). A quota-sized account has 200,000 routes and a route fills four of its fifteen
/// fields, so only those are kept: each as its name and its text, the text inline up to 24 bytes
/// (every id, CIDR, origin and state AWS prints; no allocation). Any other key goes to `extra`
/// with its value, to be reported. A key given twice keeps its last value, and `null` is as if
/// the key were absent.
#[derive(Debug, Clone, Default)]
pub struct Route {
    fields: SmallVec<[(RouteField, CompactString); 4]>,
    pub extra: Extra,
}

/// The fields of a route the importer reads (EC2 API Reference, `Route`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteField {
    DestinationCidrBlock,
    DestinationIpv6CidrBlock,
    DestinationPrefixListId,
    /// `local`, an internet gateway (`igw-`), a virtual private gateway (`vgw-`) or a VPC
    /// endpoint (`vpce-`: a gateway endpoint or a Gateway Load Balancer endpoint).
    GatewayId,
    NatGatewayId,
    NetworkInterfaceId,
    /// A NAT instance: AWS lists its network interface too.
    InstanceId,
    TransitGatewayId,
    VpcPeeringConnectionId,
    EgressOnlyInternetGatewayId,
    LocalGatewayId,
    CarrierGatewayId,
    CoreNetworkArn,
    /// `CreateRouteTable`, `CreateRoute` or `EnableVgwRoutePropagation`.
    Origin,
    /// `active` or `blackhole`.
    State,
}

impl RouteField {
    fn of(key: &str) -> Option<RouteField> {
        use RouteField::*;
        Some(match key {
            "DestinationCidrBlock" => DestinationCidrBlock,
            "DestinationIpv6CidrBlock" => DestinationIpv6CidrBlock,
            "DestinationPrefixListId" => DestinationPrefixListId,
            "GatewayId" => GatewayId,
            "NatGatewayId" => NatGatewayId,
            "NetworkInterfaceId" => NetworkInterfaceId,
            "InstanceId" => InstanceId,
            "TransitGatewayId" => TransitGatewayId,
            "VpcPeeringConnectionId" => VpcPeeringConnectionId,
            "EgressOnlyInternetGatewayId" => EgressOnlyInternetGatewayId,
            "LocalGatewayId" => LocalGatewayId,
            "CarrierGatewayId" => CarrierGatewayId,
            "CoreNetworkArn" => CoreNetworkArn,
            "Origin" => Origin,
            "State" => State,
            _ => return None,
        })
    }
}

impl Route {
    /// The field's text, if the route has it.
    pub fn get(&self, field: RouteField) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.as_str())
    }

    pub fn destination_cidr_block(&self) -> Option<&str> {
        self.get(RouteField::DestinationCidrBlock)
    }
    pub fn destination_ipv6_cidr_block(&self) -> Option<&str> {
        self.get(RouteField::DestinationIpv6CidrBlock)
    }
    pub fn destination_prefix_list_id(&self) -> Option<&str> {
        self.get(RouteField::DestinationPrefixListId)
    }
    pub fn gateway_id(&self) -> Option<&str> {
        self.get(RouteField::GatewayId)
    }
    pub fn origin(&self) -> Option<&str> {
        self.get(RouteField::Origin)
    }
    pub fn state(&self) -> Option<&str> {
        self.get(RouteField::State)
    }
}

impl<'de> Deserialize<'de> for Route {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = Route;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a route object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Route, A::Error> {
                let mut r = Route::default();
                while let Some(key) = map.next_key::<RouteKey>()? {
                    match key {
                        RouteKey::Known(field) => {
                            let value: Option<CompactString> = map.next_value()?;
                            let at = r.fields.iter().position(|(f, _)| *f == field);
                            match (at, value) {
                                (None, Some(v)) => r.fields.push((field, v)),
                                (Some(at), Some(v)) => r.fields[at].1 = v,
                                (Some(at), None) => {
                                    r.fields.remove(at);
                                }
                                (None, None) => {}
                            }
                        }
                        RouteKey::Other(name) => {
                            r.extra.insert(name, map.next_value()?);
                        }
                    }
                }
                Ok(r)
            }
        }
        d.deserialize_map(Fields)
    }
}

/// A route's key: one of its fields (without allocating) or another, kept by name.
enum RouteKey {
    Known(RouteField),
    Other(String),
}

impl<'de> Deserialize<'de> for RouteKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Key;
        impl serde::de::Visitor<'_> for Key {
            type Value = RouteKey;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RouteKey, E> {
                Ok(match RouteField::of(v) {
                    Some(f) => RouteKey::Known(f),
                    None => RouteKey::Other(v.to_string()),
                })
            }
        }
        d.deserialize_identifier(Key)
    }
}

/// Fields of `Route` the importer knows and does not need.
pub const ROUTE_FIELDS_UNUSED: &[&str] = &["InstanceOwnerId", "OdbNetworkArn", "IpAddress"];

/// `describe-internet-gateways`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeInternetGateways {
    pub internet_gateways: Vec<InternetGateway>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InternetGateway {
    pub internet_gateway_id: String,
    pub attachments: Vec<Attachment>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Attachment {
    pub vpc_id: String,
    /// `attaching`, `attached`, `detaching`, `detached`; the CLI prints `available` for an
    /// attached internet gateway.
    pub state: Option<String>,
}

/// `describe-nat-gateways`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeNatGateways {
    pub nat_gateways: Vec<NatGateway>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NatGateway {
    pub nat_gateway_id: String,
    pub vpc_id: String,
    /// Zonal NAT gateways only.
    pub subnet_id: Option<String>,
    /// `pending`, `failed`, `available`, `deleting`, `deleted`.
    pub state: Option<String>,
    /// `public` (the default) or `private`.
    pub connectivity_type: Option<String>,
    /// `zonal` (the default) or `regional`.
    pub availability_mode: Option<String>,
    pub failure_code: Option<String>,
    /// Its addresses: a public NAT gateway's Elastic IPs (`PublicIp`), the primary one marked.
    pub nat_gateway_addresses: Vec<NatGatewayAddress>,
    pub tags: Vec<Tag>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// One address of a NAT gateway (its other fields are not used).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NatGatewayAddress {
    pub public_ip: Option<String>,
    pub is_primary: Option<bool>,
}

/// Fields of `NatGateway` the importer knows and does not need.
pub const NAT_FIELDS_UNUSED: &[&str] = &[
    "CreateTime",
    "DeleteTime",
    "FailureMessage",
    "ProvisionedBandwidth",
    "AutoScalingIps",
    "AutoProvisionZones",
    "AttachedAppliances",
    "RouteTableId",
];

/// `describe-vpc-endpoints`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeVpcEndpoints {
    pub vpc_endpoints: Vec<VpcEndpoint>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct VpcEndpoint {
    pub vpc_endpoint_id: String,
    /// `Interface`, `Gateway`, `GatewayLoadBalancer`, `Resource`, `ServiceNetwork`.
    pub vpc_endpoint_type: Option<String>,
    pub vpc_id: String,
    pub service_name: Option<String>,
    /// `PendingAcceptance`, `Pending`, `Available`, `Deleting`, `Deleted`, `Rejected`, `Failed`,
    /// `Expired`, `Partial`; the CLI's examples print them in lower case too.
    pub state: Option<String>,
    pub route_table_ids: Vec<String>,
    pub subnet_ids: Vec<String>,
    pub private_dns_enabled: Option<bool>,
    /// The Region of the service, for a cross-Region endpoint.
    pub service_region: Option<String>,
    pub dns_options: Option<DnsOptions>,
    /// `ipv4`, `dualstack`, `ipv6`.
    pub ip_address_type: Option<String>,
    pub network_interface_ids: Vec<String>,
    /// The security groups of an interface endpoint's network interfaces.
    pub groups: Vec<super::aws_security::GroupIdentifier>,
    /// The endpoint policy, as a JSON string (gateway and interface endpoints).
    pub policy_document: Option<String>,
    /// A resource endpoint's resource configuration (VPC Lattice).
    pub resource_configuration_arn: Option<String>,
    /// A service-network endpoint's service network (VPC Lattice).
    pub service_network_arn: Option<String>,
    pub tags: Vec<Tag>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Fields of `VpcEndpoint` the importer knows and does not need.
pub const ENDPOINT_FIELDS_UNUSED: &[&str] = &[
    "RequesterManaged",
    "DnsEntries",
    "CreationTimestamp",
    "OwnerId",
    "LastError",
    "Ipv4Prefixes",
    "Ipv6Prefixes",
    "FailureReason",
];

/// `aws s3api get-bucket-policy --bucket NAME`: the bucket policy as a JSON string.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GetBucketPolicy {
    pub policy: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DnsOptions {
    pub dns_record_ip_type: Option<String>,
    pub private_dns_only_for_inbound_resolver_endpoint: Option<bool>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// Fields of `DnsOptions` the importer knows and does not need.
pub const DNS_OPTIONS_FIELDS_UNUSED: &[&str] =
    &["PrivateDnsPreference", "PrivateDnsSpecifiedDomains"];

/// `describe-instances`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeInstances {
    pub reservations: Vec<Reservation>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Reservation {
    pub instances: Vec<Instance>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Instance {
    pub instance_id: String,
    pub security_groups: Vec<super::aws_security::GroupIdentifier>,
    pub vpc_id: Option<String>,
    pub subnet_id: Option<String>,
    pub private_ip_address: Option<String>,
    pub public_ip_address: Option<String>,
    /// The IPv6 address of the primary network interface, when it has one.
    pub ipv6_address: Option<String>,
    /// `pending`, `running`, `shutting-down`, `terminated`, `stopping`, `stopped`.
    pub state: Option<StateName>,
    pub network_interfaces: Vec<InstanceNetworkInterface>,
    pub tags: Vec<Tag>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct StateName {
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct InstanceNetworkInterface {
    pub network_interface_id: String,
}

/// `describe-network-interfaces`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeNetworkInterfaces {
    pub network_interfaces: Vec<NetworkInterface>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterface {
    pub network_interface_id: String,
    pub groups: Vec<super::aws_security::GroupIdentifier>,
    pub source_dest_check: Option<bool>,
    pub vpc_id: Option<String>,
    pub subnet_id: Option<String>,
    pub private_ip_address: Option<String>,
    /// The interface's IPv6 addresses (an interface endpoint's ENI in a dual-stack or IPv6
    /// endpoint has one).
    pub ipv6_addresses: Vec<NetworkInterfaceIpv6Address>,
    pub description: Option<String>,
    /// `interface`, `vpc_endpoint`, `nat_gateway`, `gateway_load_balancer_endpoint`, ...
    pub interface_type: Option<String>,
    pub association: Option<NetworkInterfaceAssociation>,
    /// This API calls its tags `TagSet`.
    pub tag_set: Vec<Tag>,
}

/// One of `NetworkInterfaces[].Ipv6Addresses` (EC2 API Reference,
/// `NetworkInterfaceIpv6Address`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterfaceIpv6Address {
    pub ipv6_address: Option<String>,
    pub is_primary_ipv6: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct NetworkInterfaceAssociation {
    pub public_ip: Option<String>,
}

/// `describe-prefix-lists` (AWS-managed prefix lists with their CIDRs) or
/// `describe-managed-prefix-lists` (every managed prefix list, without entries): both print
/// `PrefixLists`; the first has `Cidrs`, the second `AddressFamily` and `OwnerId`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribePrefixLists {
    pub prefix_lists: Vec<PrefixList>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PrefixList {
    pub prefix_list_id: String,
    pub prefix_list_name: Option<String>,
    /// `describe-prefix-lists` only.
    pub cidrs: Option<Vec<String>>,
    /// `describe-managed-prefix-lists` only: `IPv4` or `IPv6`.
    pub address_family: Option<String>,
    /// `describe-managed-prefix-lists` only: `AWS` for AWS-managed lists.
    pub owner_id: Option<String>,
}

/// `get-managed-prefix-list-entries --prefix-list-id pl-...`. The output does not name the
/// prefix list, so the importer takes its id from the file name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct GetManagedPrefixListEntries {
    pub entries: Vec<PrefixListEntry>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct PrefixListEntry {
    pub cidr: String,
}
