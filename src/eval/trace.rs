//! The result of an evaluation: hops, verdict, reasons and notes. Codes are stable snake_case
//! strings (documented in the README); sentences are for learners.

pub use compact_str::CompactString;
use ipnet::Ipv4Net;
use serde::Serialize;

/// The layers the evaluator does not model yet; every verdict lists them so that "reachable"
/// never reads as a promise that the connection works.
pub const UNCHECKED: [&str; 3] = ["security_groups", "network_acls", "endpoint_policies"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// Delivered inside the VPC by the `local` route (address destinations).
    Local,
    GatewayEndpoint,
    InterfaceEndpoint,
    NatGateway,
    InternetGateway,
    /// A workload whose parts are reachable by different ways (each part says which).
    Mixed,
}

impl Via {
    pub fn code(self) -> &'static str {
        match self {
            Via::Local => "local",
            Via::GatewayEndpoint => "gateway_endpoint",
            Via::InterfaceEndpoint => "interface_endpoint",
            Via::NatGateway => "nat_gateway",
            Via::InternetGateway => "internet_gateway",
            Via::Mixed => "mixed",
        }
    }
}

/// How an interface-endpoint path relates to the client's AZ (aws-semantics.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CrossAz {
    /// Every healthy ENI in the answer is in the client's AZ.
    Never,
    /// The answer holds ENIs in the client's AZ and in others.
    Sometimes,
    /// No ENI in the client's AZ: it works, pays inter-AZ transfer, depends on another AZ.
    Always,
}

impl CrossAz {
    pub fn code(self) -> &'static str {
        match self {
            CrossAz::Never => "never",
            CrossAz::Sometimes => "sometimes",
            CrossAz::Always => "always",
        }
    }
}

/// Why a path ends without reaching its destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The route table has no route for the destination.
    NoRoute,
    /// The matching route is a blackhole (explicit, or its target no longer exists).
    BlackholeRoute,
    /// A route to the internet gateway, but the source has no public IPv4 address.
    NoPublicIp,
    /// The path needs an internet gateway and the VPC has none.
    NoInternetGateway,
    /// The NAT gateway's AZ has failed.
    NatAzFailed,
    /// A private NAT gateway's traffic reached the internet gateway, which drops it.
    PrivateNatNoInternet,
    /// Every ENI of the interface endpoint is in a failed AZ.
    EndpointEnisAllFailed,
    /// The GWLB endpoint's AZ has failed or its appliances are down.
    GwlbEndpointFailed,
    /// An appliance network interface that the route targets is in a failed AZ.
    ApplianceUnavailable,
    /// `enableDnsSupport` is off: the Amazon-provided resolver answers nothing.
    DnsResolutionDisabled,
    /// The path came back to a table and target it had already passed.
    RoutingLoop,
    /// The source's AZ has failed.
    SourceAzFailed,
    /// The destination address is in a subnet whose AZ has failed, or in no subnet at all.
    DestinationUnavailable,
    /// Some part of a workload is not reachable.
    WorkloadPartFailed,
    /// Replies do not come back through the GWLB endpoint the request passed, and the
    /// appliances are stateful.
    AsymmetricReturn,
}

impl Reason {
    pub const ALL: [Reason; 15] = [
        Reason::NoRoute,
        Reason::BlackholeRoute,
        Reason::NoPublicIp,
        Reason::NoInternetGateway,
        Reason::NatAzFailed,
        Reason::PrivateNatNoInternet,
        Reason::EndpointEnisAllFailed,
        Reason::GwlbEndpointFailed,
        Reason::ApplianceUnavailable,
        Reason::DnsResolutionDisabled,
        Reason::RoutingLoop,
        Reason::SourceAzFailed,
        Reason::DestinationUnavailable,
        Reason::WorkloadPartFailed,
        Reason::AsymmetricReturn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Reason::NoRoute => "no_route",
            Reason::BlackholeRoute => "blackhole_route",
            Reason::NoPublicIp => "no_public_ip",
            Reason::NoInternetGateway => "no_internet_gateway",
            Reason::NatAzFailed => "nat_az_failed",
            Reason::PrivateNatNoInternet => "private_nat_no_internet",
            Reason::EndpointEnisAllFailed => "endpoint_enis_all_failed",
            Reason::GwlbEndpointFailed => "gwlb_endpoint_failed",
            Reason::ApplianceUnavailable => "appliance_unavailable",
            Reason::DnsResolutionDisabled => "dns_resolution_disabled",
            Reason::RoutingLoop => "routing_loop",
            Reason::SourceAzFailed => "source_az_failed",
            Reason::DestinationUnavailable => "destination_unavailable",
            Reason::WorkloadPartFailed => "workload_part_failed",
            Reason::AsymmetricReturn => "asymmetric_return",
        }
    }

    /// What the code means, for the README and `--help`.
    pub fn meaning(self) -> &'static str {
        match self {
            Reason::NoRoute => "the route table has no route for the destination",
            Reason::BlackholeRoute => {
                "the matching route is a blackhole (set so, or its target no longer exists)"
            }
            Reason::NoPublicIp => {
                "the route goes to the internet gateway but the source has no public IPv4 address"
            }
            Reason::NoInternetGateway => "the path needs an internet gateway and the VPC has none",
            Reason::NatAzFailed => "the NAT gateway the route uses is in a failed AZ",
            Reason::PrivateNatNoInternet => {
                "a private NAT gateway cannot reach the internet: the internet gateway drops its traffic"
            }
            Reason::EndpointEnisAllFailed => {
                "every network interface of the interface endpoint is in a failed AZ"
            }
            Reason::GwlbEndpointFailed => {
                "the Gateway Load Balancer endpoint's AZ has failed or its appliances are down"
            }
            Reason::ApplianceUnavailable => {
                "the appliance network interface the route targets is in a failed AZ"
            }
            Reason::DnsResolutionDisabled => {
                "enableDnsSupport is off: the Amazon-provided DNS server answers no name"
            }
            Reason::RoutingLoop => "the path returns to a route table and target it already passed",
            Reason::SourceAzFailed => "the source's AZ has failed (the verdict is unavailable)",
            Reason::DestinationUnavailable => {
                "the destination address is in a failed AZ, or in no subnet of the VPC"
            }
            Reason::WorkloadPartFailed => {
                "a workload needs every one of its services, and at least one is not reachable"
            }
            Reason::AsymmetricReturn => {
                "replies do not come back through the GWLB endpoint the request passed, and the appliances are stateful"
            }
        }
    }
}

/// Something that shaped the path without ending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub code: &'static str,
    pub text: String,
}

/// Note codes and their meaning, for the README.
pub const NOTE_CODES: [(&str, &str); 14] = [
    (
        "private_dns_off",
        "an interface endpoint exists but its private DNS is off: the default name resolves to public addresses",
    ),
    (
        "private_dns_unsupported",
        "the service's interface endpoint has no private DNS (DynamoDB): clients must use the vpce-… name",
    ),
    (
        "dns_hostnames_off",
        "enableDnsHostnames is off: private DNS of interface endpoints does not apply, and AWS documents both attributes on for gateway endpoints",
    ),
    (
        "inbound_resolver_only",
        "private DNS only for the inbound Resolver endpoint: inside the VPC the name resolves to public addresses",
    ),
    (
        "arbitrary_prefix_list_choice",
        "two prefix lists with overlapping CIDRs point to different targets: AWS picks one at random and keeps it",
    ),
    (
        "failed_az_enis_dropped",
        "ENIs in failed AZs drop out of the DNS answer",
    ),
    (
        "illustrative_cidrs",
        "AWS publishes no ranges for this service: its CIDRs are illustrative",
    ),
    (
        "ignored_prefix_list_entries",
        "prefix-list entries inside a VPC CIDR are ignored in subnet route tables",
    ),
    (
        "cross_az_dependency",
        "the path depends on a resource in another AZ",
    ),
    (
        "other_region",
        "the service is in another Region: this Region's endpoints do not cover it, so it takes the other routes",
    ),
    (
        "global_name_not_covered",
        "a global name (s3.amazonaws.com, sts.amazonaws.com) is not covered by a Regional endpoint's private DNS",
    ),
    (
        "asymmetric_return_stateless",
        "replies skip the GWLB endpoint the request passed; stateless appliances let the flow through",
    ),
    (
        "return_not_evaluated",
        "the return leg through a GWLB endpoint could not be evaluated (regional NAT gateway)",
    ),
    (
        "public_endpoint_stays_on_aws",
        "traffic to a service's public endpoint through an internet gateway stays on AWS's network",
    ),
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    Reachable {
        via: Via,
        cross_az: Option<CrossAz>,
    },
    /// The destination's CIDRs do not all take the same path; see the trace's parts.
    Partial,
    Blocked(Reason),
    /// The route leaves the VPC (peering, transit gateway, virtual private gateway).
    LeavesVpc {
        /// The target's id, as the route's [`crate::model::Target`] holds it.
        target: CompactString,
    },
    /// The source itself is down (its AZ failed).
    Unavailable(Reason),
}

impl Verdict {
    pub fn code(&self) -> &'static str {
        match self {
            Verdict::Reachable { .. } => "reachable",
            Verdict::Partial => "partial",
            Verdict::Blocked(_) => "blocked",
            Verdict::LeavesVpc { .. } => "leaves_vpc",
            Verdict::Unavailable(_) => "unavailable",
        }
    }

    pub fn is_reachable(&self) -> bool {
        matches!(self, Verdict::Reachable { .. })
    }

    pub fn via(&self) -> Option<Via> {
        match self {
            Verdict::Reachable { via, .. } => Some(*via),
            _ => None,
        }
    }

    pub fn cross_az(&self) -> Option<CrossAz> {
        match self {
            Verdict::Reachable { cross_az, .. } => *cross_az,
            _ => None,
        }
    }

    pub fn reason(&self) -> Option<Reason> {
        match self {
            Verdict::Blocked(r) | Verdict::Unavailable(r) => Some(*r),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HopKind {
    Source,
    Dns,
    RouteTable,
    GatewayEndpoint,
    InterfaceEndpoint,
    NatGateway,
    GwlbEndpoint,
    Inspection,
    NetworkInterface,
    InternetGateway,
    Service,
    LeavesVpc,
    /// The destination address inside the VPC (a subnet, an ENI, an instance).
    Address,
    /// A destination on the internet (an address outside the VPC and AWS's service ranges).
    Internet,
    /// The way back of a path through a GWLB endpoint.
    Return,
    Blocked,
}

impl HopKind {
    pub fn code(self) -> &'static str {
        match self {
            HopKind::Source => "source",
            HopKind::Dns => "dns",
            HopKind::RouteTable => "route_table",
            HopKind::GatewayEndpoint => "gateway_endpoint",
            HopKind::InterfaceEndpoint => "interface_endpoint",
            HopKind::NatGateway => "nat_gateway",
            HopKind::GwlbEndpoint => "gwlb_endpoint",
            HopKind::Inspection => "inspection",
            HopKind::NetworkInterface => "network_interface",
            HopKind::InternetGateway => "internet_gateway",
            HopKind::Service => "service",
            HopKind::LeavesVpc => "leaves_vpc",
            HopKind::Address => "address",
            HopKind::Internet => "internet",
            HopKind::Return => "return",
            HopKind::Blocked => "blocked",
        }
    }
}

/// One route that matched a destination in a route-table hop.
///
/// `destination` and `target` are [`CompactString`]s (a `String` that keeps short text inline and
/// derefs to `str`): a trace lists every route that matched, and this way none of them allocates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteMatch {
    /// As written: `0.0.0.0/0`, `pl-s3`, `10.0.0.0/16`.
    pub destination: CompactString,
    /// The CIDR of the destination that matched (for prefix lists, the entry).
    pub matched_cidr: Ipv4Net,
    pub target: CompactString,
    /// `local`, `static`, `prefix_list` or `gateway_endpoint`.
    pub origin: &'static str,
    pub chosen: bool,
}

/// For one destination CIDR: every route that matched and the rule that chose the winner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteDecision {
    pub destination: Ipv4Net,
    pub matches: Vec<RouteMatch>,
    /// `only_match`, `longest_prefix`, `static_over_prefix_list`, `arbitrary_prefix_list`, or
    /// `no_route`.
    pub rule: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub kind: HopKind,
    pub id: String,
    /// AZ name, with the AZ ID in brackets when known; `None` for regional things.
    pub az: Option<String>,
    pub detail: String,
    /// Route-table hops: the decisions, per destination CIDR.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<RouteDecision>,
}

/// For a partial verdict: the destination CIDRs that share one path, and that path's outcome.
/// For a workload: one of its services (`to`), with that service's whole path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The workload part's service; `None` for the CIDR groups of a partial verdict.
    pub to: Option<String>,
    pub cidrs: Vec<Ipv4Net>,
    pub verdict: Verdict,
    pub explanation: String,
    pub hops: Vec<Hop>,
}

/// The whole answer for one source and one destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathTrace {
    pub from: String,
    pub to: String,
    pub verdict: Verdict,
    /// One sentence: why this verdict.
    pub explanation: String,
    pub notes: Vec<Note>,
    pub hops: Vec<Hop>,
    /// Partial verdicts: which ranges go where.
    pub parts: Vec<Part>,
}
