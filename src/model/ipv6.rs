//! IPv6 and dual-stack as a scenario writes it: the VPC's and subnets' IPv6 CIDR blocks, IPv6
//! routes, egress-only internet gateways, instances' IPv6 addresses, IPv6-only subnets, DNS64,
//! and the IP address type and DNS record IP type of interface endpoints.
//!
//! Every field is optional with a serde default, so a scenario that says nothing about IPv6 loads
//! unchanged and is IPv4-only, as a VPC without an IPv6 CIDR block is.
//!
//! AWS's pages (aws-semantics.md has no IPv6 section yet, so these are the contract):
//! - IPv6 support and dual-stack: <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-migrate-ipv6.html>
//!   and <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html> (a subnet's IPv6
//!   block is a `/64` … `/44` inside the VPC's `/56` … `/44`);
//! - IPv6-only subnets: <https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html>;
//! - egress-only internet gateways: <https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html>;
//! - DNS64 and NAT64: <https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html>;
//! - endpoint IP address type and DNS record IP type:
//!   <https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html> and the
//!   EC2 API's `DnsOptions` (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptions.html>).

use ipnet::Ipv6Net;
use serde::{Deserialize, Serialize};

use super::Target;

/// NAT64's well-known prefix (RFC 6052 §2.1): DNS64 synthesizes `64:ff9b::a.b.c.d` for an
/// IPv4-only name, and a route for it to a NAT gateway translates to `a.b.c.d` (AWS's DNS64 and
/// NAT64 page uses this prefix).
pub const NAT64_PREFIX: Ipv6Net =
    match Ipv6Net::new(std::net::Ipv6Addr::new(0x64, 0xff9b, 0, 0, 0, 0, 0, 0), 96) {
        Ok(n) => n,
        Err(_) => panic!("a /96 is a valid prefix"),
    };

/// An egress-only internet gateway (`eigw-…`): IPv6 out to the internet and the replies back,
/// nothing the internet starts ("prevents the internet from initiating an IPv6 connection with
/// your instances", egress-only-internet-gateway.html).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EgressOnlyInternetGateway {
    pub id: String,
}

/// A static IPv6 route. A table's IPv6 routes are kept apart from its IPv4 ones (AWS lists both
/// in one `Routes` array, with `DestinationIpv6CidrBlock` instead of `DestinationCidrBlock`):
/// IPv4 route selection never reads them. The IPv6 `local` route (each VPC IPv6 block) is
/// derived, as the IPv4 one is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ipv6Route {
    pub destination: Ipv6Net,
    pub target: Target,
}

/// The IP addresses an interface endpoint's network interfaces get (`IpAddressType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointIpType {
    /// IPv4 addresses only (AWS's default, and every scenario that says nothing).
    #[default]
    Ipv4,
    /// IPv4 and IPv6 ("supported only if all selected subnets have both IPv4 and IPv6 address
    /// ranges").
    Dualstack,
    /// IPv6 only ("supported only if all selected subnets are IPv6 only subnets").
    Ipv6,
}

impl EndpointIpType {
    /// As the AWS CLI writes it (`ipv4`, `dualstack`, `ipv6`).
    pub fn code(self) -> &'static str {
        match self {
            EndpointIpType::Ipv4 => "ipv4",
            EndpointIpType::Dualstack => "dualstack",
            EndpointIpType::Ipv6 => "ipv6",
        }
    }

    pub fn has_ipv6(self) -> bool {
        self != EndpointIpType::Ipv4
    }

    pub fn has_ipv4(self) -> bool {
        self != EndpointIpType::Ipv6
    }
}

/// Which DNS records an interface endpoint's names get (`DnsOptions.DnsRecordIpType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DnsRecordIpType {
    /// A records for the private, Regional and zonal names.
    Ipv4,
    /// A and AAAA records for them.
    Dualstack,
    /// AAAA records only.
    Ipv6,
    /// A records for the private name; A and AAAA for the Regional and zonal names (so the
    /// private DNS name, the service's own name, has no AAAA record).
    ServiceDefined,
}

impl DnsRecordIpType {
    /// As the AWS CLI writes it.
    pub fn code(self) -> &'static str {
        match self {
            DnsRecordIpType::Ipv4 => "ipv4",
            DnsRecordIpType::Dualstack => "dualstack",
            DnsRecordIpType::Ipv6 => "ipv6",
            DnsRecordIpType::ServiceDefined => "service-defined",
        }
    }

    pub fn from_code(code: &str) -> Option<DnsRecordIpType> {
        [
            DnsRecordIpType::Ipv4,
            DnsRecordIpType::Dualstack,
            DnsRecordIpType::Ipv6,
            DnsRecordIpType::ServiceDefined,
        ]
        .into_iter()
        .find(|t| t.code() == code)
    }

    /// Whether the private DNS name (the service's own name) gets an AAAA record.
    pub fn private_name_aaaa(self) -> bool {
        matches!(self, DnsRecordIpType::Dualstack | DnsRecordIpType::Ipv6)
    }

    /// Whether the private DNS name gets an A record.
    pub fn private_name_a(self) -> bool {
        !matches!(self, DnsRecordIpType::Ipv6)
    }
}

impl EndpointIpType {
    pub fn from_code(code: &str) -> Option<EndpointIpType> {
        [
            EndpointIpType::Ipv4,
            EndpointIpType::Dualstack,
            EndpointIpType::Ipv6,
        ]
        .into_iter()
        .find(|t| t.code() == code)
    }

    /// The DNS record IP type when the scenario names none. AWS allows only `ipv4` with an IPv4
    /// endpoint and only `ipv6` with an IPv6 one (DnsRecordIpType: "The IP address type must
    /// be IPv4 or Dualstack" / "IPv6 or Dualstack"); for a dual-stack endpoint its pages read
    /// for this work do not say which one applies: none (not modelled).
    pub fn implied_records(self) -> Option<DnsRecordIpType> {
        match self {
            EndpointIpType::Ipv4 => Some(DnsRecordIpType::Ipv4),
            EndpointIpType::Ipv6 => Some(DnsRecordIpType::Ipv6),
            EndpointIpType::Dualstack => None,
        }
    }
}

impl super::InterfaceEndpoint {
    /// The endpoint's DNS record IP type: the scenario's, else the one its IP address type
    /// implies (none for a dual-stack endpoint that does not say).
    pub fn dns_records(&self) -> Option<DnsRecordIpType> {
        self.dns_record_ip_type
            .or_else(|| self.ip_address_type.implied_records())
    }
}

impl super::Scenario {
    /// Whether anything in the scenario is IPv6 (the VPC has an IPv6 block).
    pub fn has_ipv6(&self) -> bool {
        !self.vpc.ipv6_cidrs.is_empty()
    }

    /// Whether `net` is exactly one of the VPC's IPv6 blocks: a route to it replaces the local
    /// route's target.
    pub fn is_vpc_ipv6_block(&self, net: Ipv6Net) -> bool {
        self.vpc.ipv6_cidrs.iter().any(|c| c.trunc() == net.trunc())
    }

    /// The IPv6 routes of `table`: the derived local route of each VPC IPv6 block (`true`)
    /// unless the table replaced its target (a written route to exactly the block: middlebox
    /// routing), then the table's written routes (`false`), destinations truncated.
    pub fn ipv6_routes_of<'a>(
        &'a self,
        table: &'a super::RouteTable,
    ) -> impl Iterator<Item = (Ipv6Net, &'a Target, bool)> + 'a {
        static LOCAL: Target = Target::Local;
        let own = &table.ipv6_routes;
        self.vpc
            .ipv6_cidrs
            .iter()
            .map(|c| c.trunc())
            .filter(move |c| !own.iter().any(|r| r.destination.trunc() == *c))
            .map(|c| (c, &LOCAL, true))
            .chain(
                own.iter()
                    .map(|r| (r.destination.trunc(), &r.target, false)),
            )
    }
}

/// The IPv4 "address" of a source without one (an instance in an IPv6-only subnet without an
/// IPv4 block): `0.0.0.0/32`. No IPv4 walk starts from it: `evaluate` and the matrix stop at
/// `no_ipv4_address` first; it only fills the source's field.
pub const NO_IPV4: ipnet::Ipv4Net = match ipnet::Ipv4Net::new(std::net::Ipv4Addr::UNSPECIFIED, 32) {
    Ok(n) => n,
    Err(_) => panic!("a /32 is a valid prefix"),
};

impl super::Subnet {
    /// The subnet's IPv4 block, or [`NO_IPV4`] in an IPv6-only subnet without one.
    pub fn ipv4_or_none(&self) -> ipnet::Ipv4Net {
        self.cidr.unwrap_or(NO_IPV4)
    }

    /// Whether `ip` lies in the subnet's IPv4 block (never, for an IPv6-only subnet without one).
    pub fn has_ipv4(&self, ip: std::net::Ipv4Addr) -> bool {
        self.cidr.is_some_and(|c| c.contains(&ip))
    }
}
