//! IPv6 and dual-stack paths as facts: which family a query took and why, the DNS answer's
//! AAAA records (the endpoint's, or DNS64's synthesized ones), IPv6 route decisions, the
//! egress-only internet gateway, NAT64, and where and why an IPv6 path stops.

use std::net::{Ipv4Addr, Ipv6Addr};

use ipnet::Ipv6Net;
use serde::Serialize;

use super::*;

/// An IP version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IpFamily {
    Ipv4,
    Ipv6,
}

impl IpFamily {
    pub fn code(self) -> &'static str {
        match self {
            IpFamily::Ipv4 => "ipv4",
            IpFamily::Ipv6 => "ipv6",
        }
    }
}

/// Why `auto` picked a family (RFC 6724 §6 rule 6 with its default policy table, §2.1: IPv6
/// (`::/0`, precedence 40) before IPv4 (`::ffff:0:0/96`, precedence 35) when the client has an
/// address of both and the answer has both; else the family both sides have).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FamilyWhy {
    /// Both families on both sides: IPv6 is preferred.
    BothPreferIpv6,
    /// The client has an IPv6 address and the answer has AAAA records, but the client has no
    /// IPv4 address (IPv6-only subnet).
    OnlyIpv6Client,
    /// The answer has no AAAA record (and DNS64 does not synthesize one).
    NoAaaa,
    /// The client has no IPv6 address.
    NoClientIpv6,
    /// The destination is an address of that family.
    Literal,
}

impl FamilyWhy {
    pub fn code(self) -> &'static str {
        match self {
            FamilyWhy::BothPreferIpv6 => "both_prefer_ipv6",
            FamilyWhy::OnlyIpv6Client => "only_ipv6_client",
            FamilyWhy::NoAaaa => "no_aaaa",
            FamilyWhy::NoClientIpv6 => "no_client_ipv6",
            FamilyWhy::Literal => "literal",
        }
    }
}

/// What the Amazon-provided DNS server answers for an AAAA query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "aaaa")]
pub enum Aaaa {
    /// The service's public name has AAAA records (a dual-stack name); its IPv6 ranges are not
    /// in the catalogue.
    Public,
    /// Private DNS of an interface endpoint answers with its network interfaces' IPv6 addresses.
    Endpoint {
        endpoint: Id,
        /// Per network interface: its subnet, and its address (a /128) or the subnet's block
        /// when the scenario does not give it.
        addresses: Vec<(Id, Ipv6Net)>,
    },
    /// DNS64 synthesized `64:ff9b::a.b.c.d` from the name's A record.
    Synthesized { ipv4: Ipv4Addr, ipv6: Ipv6Addr },
}

/// One IPv6 route, as a table holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ipv6RouteRef {
    pub destination: Ipv6Net,
    /// `local`, `eigw-…`, `igw-…`, `nat-…`, …
    pub target: Id,
}

/// What one IPv6 hop is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "ipv6")]
pub enum V6Fact {
    /// The source's IPv6 side: its subnet's block and its address (none: a new interface in
    /// the subnet, addressed from the block).
    Source {
        subnet: Id,
        block: Ipv6Net,
        address: Option<Ipv6Addr>,
    },
    /// The AAAA answer for the name (the hop's id is the name).
    Dns { answer: Aaaa },
    /// The route a table chose for the IPv6 destination (longest prefix).
    Route {
        destination: Ipv6Net,
        route: Ipv6RouteRef,
        /// Every IPv6 route of the table that matched, shortest first.
        matched: Vec<Ipv6RouteRef>,
    },
    /// An egress-only internet gateway let the traffic out (replies come back; nothing the
    /// internet starts comes in).
    EgressOnly,
    /// The internet gateway carries IPv6 from the instance's own (public) IPv6 address.
    InternetGateway { address: Option<Ipv6Addr> },
    /// A NAT gateway translated IPv6 to IPv4 (NAT64) and sent it on by its subnet's table.
    Nat64 {
        ipv4: Ipv4Addr,
        subnet: Option<Id>,
        table: Option<Id>,
        /// The IPv4 route there (`0.0.0.0/0 → igw-…`).
        route: Option<Route>,
    },
    /// The endpoint's network interfaces reached over IPv6.
    Endpoint { addresses: Vec<(Id, Ipv6Net)> },
    /// The destination address inside the VPC.
    Address { address: Ipv6Addr, subnet: Id },
    /// An IPv6 destination on the internet.
    Internet { address: Ipv6Net },
    /// Security groups allowed the IPv6 traffic at an interface.
    SecurityGroup { check: V6GroupCheck },
    /// A subnet's network ACL allowed the IPv6 request and its reply.
    NetworkAcl { checks: Vec<V6AclCheck> },
}

/// What AWS's pages read for this work do not settle, or the model does not hold, on an IPv6
/// path: reported as not modelled, never guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum V6Unknown {
    /// A gateway endpoint's IPv6 prefix list: AWS says gateway endpoints take dual-stack
    /// traffic, but the catalogue has no IPv6 ranges for the service.
    GatewayEndpoint,
    /// A route sends IPv6 outside `64:ff9b::/96` to a NAT gateway.
    NatGatewayNotNat64,
    /// A GWLB endpoint or an appliance interface on an IPv6 path.
    Appliance,
    /// DNS64 would synthesize an address for an endpoint's private IPv4 address.
    Dns64ToEndpoint,
    /// A dual-stack endpoint whose DNS record IP type the scenario does not give.
    DualstackRecordsUnknown,
    /// The answer is outside the model (custom DNS, a Resolver rule, a hosted zone).
    DnsOutsideModel,
    /// A workload over IPv6.
    Workload,
    /// A name or Region other than the scenario's own services.
    OtherName,
    /// Only a rule that names a security group (or a prefix list) could allow the IPv6
    /// traffic: whether such rules cover IPv6 addresses was not found on AWS's pages.
    GroupReference,
    /// The endpoint's network interfaces' subnets decide differently (some allow, some deny).
    SomeInterfaces,
}

impl V6Unknown {
    pub fn code(self) -> &'static str {
        match self {
            V6Unknown::GatewayEndpoint => "gateway_endpoint",
            V6Unknown::NatGatewayNotNat64 => "nat_gateway_not_nat64",
            V6Unknown::Appliance => "appliance",
            V6Unknown::Dns64ToEndpoint => "dns64_to_endpoint",
            V6Unknown::DualstackRecordsUnknown => "dualstack_records_unknown",
            V6Unknown::DnsOutsideModel => "dns_outside_model",
            V6Unknown::Workload => "workload",
            V6Unknown::OtherName => "other_name",
            V6Unknown::GroupReference => "group_reference",
            V6Unknown::SomeInterfaces => "some_interfaces",
        }
    }
}

/// Where and why an IPv6 (or dual-stack) path stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "ipv6_stop")]
pub enum V6Stop {
    /// The source has no IPv6 address (its subnet has no IPv6 block, or the instance none).
    NoIpv6Address { source: Id, subnet: Id, block: bool },
    /// The source is in an IPv6-only subnet: it has no IPv4 address.
    NoIpv4Address { source: Id, subnet: Id },
    /// The name has no AAAA record, and DNS64 is off in the source's subnet.
    NoAaaa {
        name: Id,
        /// The interface endpoint whose private DNS answers the name, and its record type.
        endpoint: Option<Id>,
        records: Option<crate::model::DnsRecordIpType>,
    },
    /// The interface endpoint has no IPv6 address (IP address type `ipv4`).
    EndpointNoIpv6 { endpoint: Id },
    /// `enableDnsSupport` is off: the Amazon-provided DNS server answers nothing, AAAA included
    /// (as for IPv4, `Stop::DnsDisabled`).
    DnsDisabled { vpc: Id, name: Id },
    /// No IPv6 route matches (the table's IPv6 routes listed).
    NoRoute {
        table: Id,
        destination: Ipv6Net,
        routes: Vec<Ipv6RouteRef>,
        vpc_has_ipv6: bool,
    },
    /// A synthesized `64:ff9b::/96` address routed to the internet (no route sends it to a NAT
    /// gateway): the well-known prefix is not routed there (RFC 6052 §3.1).
    Nat64PrefixToInternet { table: Id, route: Ipv6RouteRef },
    /// The route is a blackhole or its target does not exist.
    Blackhole { table: Id, route: Ipv6RouteRef },
    /// The destination address is in a subnet whose AZ failed, or in no subnet.
    AddressUnavailable {
        address: Ipv6Addr,
        subnet: Option<Id>,
    },
    /// The NAT gateway of NAT64 is in a failed AZ, or private, or its subnet's table has no IPv4
    /// route to an internet gateway for the translated address.
    Nat64Failed {
        nat: Id,
        ipv4: Ipv4Addr,
        why: Nat64Why,
    },
    /// The IPv6 route leaves the VPC (peering, transit gateway, virtual private gateway).
    LeavesVpc { table: Id, route: Ipv6RouteRef },
    /// Not modelled.
    NotModelled { id: Id, why: V6Unknown },
    /// No IPv6 rule of the interface's security groups allows the traffic.
    SecurityGroup { check: Box<V6GroupCheck> },
    /// A network ACL's IPv6 entries deny the request or its reply.
    NetworkAcl { check: Box<V6AclCheck> },
}

/// Why NAT64 did not get the traffic out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Nat64Why {
    AzFailed,
    /// A private NAT gateway: the IPv4 side never reaches an internet gateway.
    Private,
    /// The NAT gateway's subnet's table has no IPv4 route to the internet gateway for it.
    NoIpv4Route,
    /// A regional NAT gateway (no subnet): not modelled for NAT64.
    Regional,
}

impl Nat64Why {
    pub fn code(self) -> &'static str {
        match self {
            Nat64Why::AzFailed => "az_failed",
            Nat64Why::Private => "private",
            Nat64Why::NoIpv4Route => "no_ipv4_route",
            Nat64Why::Regional => "regional",
        }
    }
}

impl V6Stop {
    pub fn code(&self) -> &'static str {
        match self {
            V6Stop::NoIpv6Address { .. } => "no_ipv6_address",
            V6Stop::NoIpv4Address { .. } => "no_ipv4_address",
            V6Stop::NoAaaa { .. } => "no_aaaa",
            V6Stop::EndpointNoIpv6 { .. } => "endpoint_no_ipv6",
            V6Stop::DnsDisabled { .. } => "dns_disabled",
            V6Stop::NoRoute { .. } => "no_route",
            V6Stop::Blackhole { .. } => "blackhole",
            V6Stop::Nat64PrefixToInternet { .. } => "nat64_prefix_to_internet",
            V6Stop::AddressUnavailable { .. } => "address_unavailable",
            V6Stop::Nat64Failed { .. } => "nat64_failed",
            V6Stop::LeavesVpc { .. } => "leaves_vpc",
            V6Stop::NotModelled { .. } => "not_modelled",
            V6Stop::SecurityGroup { .. } => "security_group",
            V6Stop::NetworkAcl { .. } => "network_acl",
        }
    }

    pub fn reason(&self) -> Option<Reason> {
        Some(match self {
            V6Stop::NoIpv6Address { .. } => Reason::NoIpv6Address,
            V6Stop::NoIpv4Address { .. } => Reason::NoIpv4Address,
            V6Stop::NoAaaa { .. } => Reason::NoAaaaRecord,
            V6Stop::EndpointNoIpv6 { .. } => Reason::EndpointNoIpv6,
            V6Stop::DnsDisabled { .. } => Reason::DnsResolutionDisabled,
            V6Stop::NoRoute { .. } => Reason::NoIpv6Route,
            V6Stop::Blackhole { .. } => Reason::BlackholeRoute,
            V6Stop::Nat64PrefixToInternet { .. } => Reason::NoIpv6Route,
            V6Stop::AddressUnavailable { .. } => Reason::DestinationUnavailable,
            V6Stop::Nat64Failed { why, .. } => match why {
                Nat64Why::AzFailed => Reason::NatAzFailed,
                Nat64Why::Private => Reason::PrivateNatNoInternet,
                Nat64Why::NoIpv4Route => Reason::NoInternetGateway,
                Nat64Why::Regional => Reason::Ipv6NotModelled,
            },
            V6Stop::LeavesVpc { .. } => return None,
            V6Stop::NotModelled { .. } => Reason::Ipv6NotModelled,
            V6Stop::SecurityGroup { check } => check.reason(),
            V6Stop::NetworkAcl { check } => check.reason(),
        })
    }
}
