//! Where and why a path stops.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

/// The destination as a route table saw it, for a sentence that names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Routed {
    /// A range of a service (named by its prefix list or its name) or of a remote service.
    Service { name: Id, cidr: Ipv4Net },
    /// An address or CIDR the query names.
    Address { cidr: Ipv4Net },
    /// An interface endpoint's ENI.
    EndpointEni { ip: Ipv4Addr },
}

/// Where and why a path stops: the fact behind a blocked or leaves-VPC verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "stop")]
pub enum Stop {
    /// The source's AZ has failed.
    SourceAzFailed { source: Id, az: Az },
    /// `enableDnsSupport` is off.
    DnsDisabled { vpc: Id, name: Id },
    /// A private hosted zone matches the name but has no record for it: NXDOMAIN.
    DnsNameNotFound { zone: Id, zone_name: Id, name: Id },
    /// The answer for the name is outside the model.
    DnsOutsideModel { name: Id, why: DnsOutside },
    /// Private DNS is on (or a private hosted zone's record names the endpoint: `zone`) but the
    /// endpoint has no subnet.
    EndpointWithoutEnis {
        endpoint: Id,
        name: Id,
        zone: Option<Id>,
    },
    /// Every ENI of the endpoint is in an IPv6-only subnet: the endpoint has no IPv4 address,
    /// so an IPv4 query finds no A record for `name`.
    EndpointWithoutIpv4 {
        endpoint: Id,
        name: Id,
        zone: Option<Id>,
    },
    /// Every ENI private DNS (or the record of `zone`) would answer is in a failed AZ.
    EnisAllFailed {
        endpoint: Id,
        name: Id,
        failed: Vec<EndpointEni>,
        zone: Option<Id>,
    },
    /// The catalogue has no public addresses for the service in this Region.
    NoPublicAddresses { service: Id, region: Id },
    /// No route matches. The first routes of the table are listed (`total` in all), shared
    /// with the compiled table.
    NoRoute {
        table: Id,
        dest: Routed,
        routes: std::sync::Arc<[Route]>,
        total: usize,
        /// The packet passed a public NAT gateway: the table is its subnet's, which has no way to
        /// an internet gateway.
        no_internet_gateway: bool,
        /// Whether the VPC has an internet gateway at all (for the sentence).
        vpc_has_internet_gateway: bool,
    },
    /// A service range matches only the local route: it overlaps the VPC CIDR.
    OnlyLocalRoute { table: Id, dest: Routed },
    /// The route is a blackhole.
    Blackhole { table: Id, route: Route },
    /// The route's target does not exist (or the internet gateway is not attached).
    TargetMissing { table: Id, route: Route },
    /// The route's zonal target has no subnet.
    TargetWithoutSubnet { table: Id, route: Route },
    /// A private address routed to the internet gateway.
    PrivateAddressToInternet {
        table: Id,
        route: Route,
        dest: Routed,
    },
    /// The internet gateway drops traffic from a source without a public IPv4 address.
    NoPublicIp { table: Id, route: Route },
    /// The internet gateway drops what a private NAT gateway translated.
    PrivateNatAtInternetGateway { table: Id, route: Route },
    /// The NAT gateway's AZ has failed.
    NatAzFailed {
        table: Id,
        route: Route,
        nat: Id,
        az: Az,
    },
    /// Every AZ of a regional NAT gateway has failed.
    RegionalNatAllAzsFailed { table: Id, route: Route, nat: Id },
    /// A regional NAT gateway needs the VPC's internet gateway.
    RegionalNatWithoutInternetGateway { nat: Id },
    /// A private NAT gateway cannot reach the internet.
    PrivateNatNoInternet { nat: Id },
    /// The GWLB endpoint's AZ has failed.
    GwlbEndpointAzFailed {
        table: Id,
        route: Route,
        endpoint: Id,
        az: Az,
    },
    /// The appliances behind the GWLB endpoint are down.
    AppliancesDown {
        table: Id,
        route: Route,
        endpoint: Id,
    },
    /// No healthy appliance serves the endpoint's AZ.
    NoHealthyAppliance {
        table: Id,
        route: Route,
        endpoint: Id,
        load_balancer: Id,
        az: Az,
        cross_zone: bool,
    },
    /// The appliance network interface is in a failed AZ.
    ApplianceAzFailed {
        table: Id,
        route: Route,
        eni: Id,
        az: Az,
    },
    /// The path came back to a table and target it had passed.
    RoutingLoop {
        table: Id,
        route: Route,
        cidr: Ipv4Net,
    },
    /// The walk passed more steps than the model has routes (never expected: a guard).
    WalkLimit { table: Id, steps: usize },
    /// The local route delivers an address that no subnet holds.
    AddressInNoSubnet {
        table: Id,
        route: Route,
        address: Ipv4Net,
    },
    /// The address is in a subnet whose AZ has failed.
    AddressAzFailed {
        address: Ipv4Net,
        subnet: Id,
        az: Az,
    },
    /// The route leaves the VPC; beyond it is outside the model.
    LeavesVpc { table: Id, route: Route },
    /// Where and why an IPv6 (or dual-stack) path stops.
    Ipv6(Box<V6Stop>),
    /// No rule of the interface's security groups allows the traffic.
    SecurityGroup(Box<GroupCheck>),
    /// A network ACL rule (or its final `*`) denies the traffic or its reply.
    NetworkAcl(AclCheck),
    /// The route sends traffic through an appliance interface whose source/destination check is
    /// on: it drops what it forwards.
    SourceDestCheck { table: Id, route: Route, eni: Id },
    /// An endpoint or bucket policy refuses the request, or cannot be evaluated.
    Policy(PolicyCheck),
    /// VPC Block Public Access blocks the traffic at the internet gateway, or applies in a way
    /// that is not modelled.
    BlockPublicAccess(BpaCheck),
    /// The S3 Express One Zone directory bucket's zone has failed: the bucket is unreachable
    /// from every AZ.
    DirectoryBucketAzFailed { bucket: Id, az: Az },
    /// The path to a directory bucket arrived another way than an `s3express` gateway endpoint.
    DirectoryBucketWithoutGatewayEndpoint { bucket: Id, via: Option<Via> },
    /// The resource configuration behind the endpoint does not offer the traffic's port (`port`
    /// none: the traffic is not TCP).
    LatticePortNotOffered {
        endpoint: Id,
        arn: String,
        port: Option<u16>,
        ranges: Vec<crate::model::PortRange>,
    },
}

impl Stop {
    /// The reason code the stop gives a verdict (none: the path leaves the VPC).
    pub fn reason(&self) -> Option<Reason> {
        Some(match self {
            Stop::SourceAzFailed { .. } => Reason::SourceAzFailed,
            Stop::DnsDisabled { .. } => Reason::DnsResolutionDisabled,
            Stop::DnsNameNotFound { .. } => Reason::DnsNameNotFound,
            Stop::DnsOutsideModel { .. } => Reason::DnsAnswerOutsideModel,
            Stop::EndpointWithoutEnis { .. } | Stop::EnisAllFailed { .. } => {
                Reason::EndpointEnisAllFailed
            }
            Stop::EndpointWithoutIpv4 { .. } => Reason::EndpointNoIpv4,
            Stop::NoPublicAddresses { .. }
            | Stop::OnlyLocalRoute { .. }
            | Stop::PrivateAddressToInternet { .. } => Reason::NoRoute,
            Stop::NoRoute {
                no_internet_gateway,
                ..
            } => match no_internet_gateway {
                true => Reason::NoInternetGateway,
                false => Reason::NoRoute,
            },
            Stop::Blackhole { .. }
            | Stop::TargetMissing { .. }
            | Stop::TargetWithoutSubnet { .. } => Reason::BlackholeRoute,
            Stop::NoPublicIp { .. } => Reason::NoPublicIp,
            Stop::PrivateNatAtInternetGateway { .. } | Stop::PrivateNatNoInternet { .. } => {
                Reason::PrivateNatNoInternet
            }
            Stop::NatAzFailed { .. } | Stop::RegionalNatAllAzsFailed { .. } => Reason::NatAzFailed,
            Stop::RegionalNatWithoutInternetGateway { .. } => Reason::NoInternetGateway,
            Stop::GwlbEndpointAzFailed { .. }
            | Stop::AppliancesDown { .. }
            | Stop::NoHealthyAppliance { .. } => Reason::GwlbEndpointFailed,
            Stop::ApplianceAzFailed { .. } => Reason::ApplianceUnavailable,
            Stop::RoutingLoop { .. } => Reason::RoutingLoop,
            Stop::WalkLimit { .. } => Reason::WalkLimit,
            Stop::AddressInNoSubnet { .. } | Stop::AddressAzFailed { .. } => {
                Reason::DestinationUnavailable
            }
            Stop::SecurityGroup(c) => match c.direction {
                GroupDirection::Egress => Reason::SecurityGroupEgress,
                GroupDirection::Ingress => Reason::SecurityGroupIngress,
            },
            Stop::NetworkAcl(c) => match (c.reply, c.direction) {
                (true, _) => Reason::NetworkAclReply,
                (false, AclDirection::Outbound) => Reason::NetworkAclOutbound,
                (false, AclDirection::Inbound) => Reason::NetworkAclInbound,
            },
            Stop::SourceDestCheck { .. } => Reason::SourceDestCheck,
            Stop::Policy(c) => c.reason(),
            Stop::BlockPublicAccess(c) => c.reason(),
            Stop::DirectoryBucketAzFailed { .. } => Reason::DirectoryBucketAzFailed,
            Stop::DirectoryBucketWithoutGatewayEndpoint { .. } => {
                Reason::DirectoryBucketWithoutGatewayEndpoint
            }
            Stop::LatticePortNotOffered { .. } => Reason::LatticePortNotOffered,
            Stop::LeavesVpc { .. } => return None,
            Stop::Ipv6(s) => return s.reason(),
        })
    }

    /// The snake_case name of the stop, as the JSON's `stop` field and the message files name it.
    pub fn code(&self) -> &'static str {
        match self {
            Stop::SourceAzFailed { .. } => "source_az_failed",
            Stop::DnsDisabled { .. } => "dns_disabled",
            Stop::DnsNameNotFound { .. } => "dns_name_not_found",
            Stop::DnsOutsideModel { .. } => "dns_outside_model",
            Stop::EndpointWithoutEnis { .. } => "endpoint_without_enis",
            Stop::EndpointWithoutIpv4 { .. } => "endpoint_without_ipv4",
            Stop::EnisAllFailed { .. } => "enis_all_failed",
            Stop::NoPublicAddresses { .. } => "no_public_addresses",
            Stop::NoRoute { .. } => "no_route",
            Stop::OnlyLocalRoute { .. } => "only_local_route",
            Stop::Blackhole { .. } => "blackhole",
            Stop::TargetMissing { .. } => "target_missing",
            Stop::TargetWithoutSubnet { .. } => "target_without_subnet",
            Stop::PrivateAddressToInternet { .. } => "private_address_to_internet",
            Stop::NoPublicIp { .. } => "no_public_ip",
            Stop::PrivateNatAtInternetGateway { .. } => "private_nat_at_internet_gateway",
            Stop::NatAzFailed { .. } => "nat_az_failed",
            Stop::RegionalNatAllAzsFailed { .. } => "regional_nat_all_azs_failed",
            Stop::RegionalNatWithoutInternetGateway { .. } => {
                "regional_nat_without_internet_gateway"
            }
            Stop::PrivateNatNoInternet { .. } => "private_nat_no_internet",
            Stop::GwlbEndpointAzFailed { .. } => "gwlb_endpoint_az_failed",
            Stop::AppliancesDown { .. } => "appliances_down",
            Stop::NoHealthyAppliance { .. } => "no_healthy_appliance",
            Stop::ApplianceAzFailed { .. } => "appliance_az_failed",
            Stop::RoutingLoop { .. } => "routing_loop",
            Stop::WalkLimit { .. } => "walk_limit",
            Stop::AddressInNoSubnet { .. } => "address_in_no_subnet",
            Stop::AddressAzFailed { .. } => "address_az_failed",
            Stop::LeavesVpc { .. } => "leaves_vpc",
            Stop::SecurityGroup(_) => "security_group",
            Stop::NetworkAcl(_) => "network_acl",
            Stop::SourceDestCheck { .. } => "source_dest_check",
            Stop::Policy(_) => "policy",
            Stop::BlockPublicAccess(_) => "block_public_access",
            Stop::Ipv6(_) => "ipv6",
            Stop::DirectoryBucketAzFailed { .. } => "directory_bucket_az_failed",
            Stop::DirectoryBucketWithoutGatewayEndpoint { .. } => {
                "directory_bucket_without_gateway_endpoint"
            }
            Stop::LatticePortNotOffered { .. } => "lattice_port_not_offered",
        }
    }
}
