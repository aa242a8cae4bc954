//! The result of an evaluation, as facts: hops, route decisions, verdict, reasons and notes, each
//! a typed value with the ids, addresses, CIDRs, AZs and rule codes it is about. No sentence is
//! built here; `crate::explain` renders facts in English or Japanese. Codes are stable
//! snake_case strings (documented in the README).

use std::net::Ipv4Addr;

pub use compact_str::CompactString;
use ipnet::Ipv4Net;
use serde::Serialize;

/// An id or a short name as AWS shows it (`rtb-0a1…`, `vpce-s3`, `us-east-1a`): kept inline for
/// ids up to 24 bytes, so most facts allocate nothing for their names.
pub type Id = CompactString;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
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
}

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
    pub const ALL: [HopKind; 16] = [
        HopKind::Source,
        HopKind::Dns,
        HopKind::RouteTable,
        HopKind::GatewayEndpoint,
        HopKind::InterfaceEndpoint,
        HopKind::NatGateway,
        HopKind::GwlbEndpoint,
        HopKind::Inspection,
        HopKind::NetworkInterface,
        HopKind::InternetGateway,
        HopKind::Service,
        HopKind::LeavesVpc,
        HopKind::Address,
        HopKind::Internet,
        HopKind::Return,
        HopKind::Blocked,
    ];

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

/// An Availability Zone as AWS names it, with its zone id when the scenario knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Az {
    pub name: Id,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zone_id: Option<Id>,
}

/// Who sends: the `from` of a query, with ids apart from names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    Instance {
        id: Id,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<Id>,
    },
    /// A hypothetical new instance in a subnet (a Lambda or ECS interface, an empty subnet).
    Subnet { id: Id, public_ip: bool },
    /// A private address inside one of the VPC's subnets, and the instance holding it if any.
    Address {
        id: Ipv4Addr,
        #[serde(skip_serializing_if = "Option::is_none")]
        instance: Option<Id>,
    },
}

impl Origin {
    /// What `--from` takes back: the instance id, the subnet id or the address.
    pub fn id(&self) -> Id {
        match self {
            Origin::Instance { id, .. } | Origin::Subnet { id, .. } => id.clone(),
            Origin::Address { id, .. } => Id::from(crate::net_text::NetText::addr(*id).as_str()),
        }
    }
}

/// How a route table was found for the subnet a packet is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Association {
    /// The subnet is explicitly associated with the table.
    Explicit { subnet: Id },
    /// The subnet has no explicit association: the VPC's main table applies.
    Main { subnet: Id },
    /// A NAT gateway, GWLB endpoint or appliance forwards by its own subnet's table.
    Forwarder {
        by: Id,
        subnet: Id,
        /// The subnet's own association is the main table's implicit one.
        main: bool,
    },
}

/// Where a route in a table came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteOrigin {
    Local,
    Static,
    PrefixList,
    GatewayEndpoint,
}

impl RouteOrigin {
    pub fn code(self) -> &'static str {
        match self {
            RouteOrigin::Local => "local",
            RouteOrigin::Static => "static",
            RouteOrigin::PrefixList => "prefix_list",
            RouteOrigin::GatewayEndpoint => "gateway_endpoint",
        }
    }
}

/// The rule that chose among matching routes (aws-semantics.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteRule {
    OnlyMatch,
    LongestPrefix,
    StaticOverPrefixList,
    ArbitraryPrefixList,
    NoRoute,
}

impl RouteRule {
    pub fn code(self) -> &'static str {
        match self {
            RouteRule::OnlyMatch => "only_match",
            RouteRule::LongestPrefix => "longest_prefix",
            RouteRule::StaticOverPrefixList => "static_over_prefix_list",
            RouteRule::ArbitraryPrefixList => "arbitrary_prefix_list",
            RouteRule::NoRoute => "no_route",
        }
    }
}

/// A route as a table holds it: `destination → target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// As written: `0.0.0.0/0`, `pl-s3`, `10.0.0.0/16`.
    pub destination: Id,
    /// A target id, or `local` / `blackhole`.
    pub target: Id,
}

/// One route that matched a destination in a route-table hop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteMatch {
    /// As written: `0.0.0.0/0`, `pl-s3`, `10.0.0.0/16`.
    pub destination: Id,
    /// The CIDR of the destination that matched (for prefix lists, the entry).
    pub matched_cidr: Ipv4Net,
    pub target: Id,
    pub origin: RouteOrigin,
    pub chosen: bool,
}

/// For destination ranges that the table treats alike: every route that matched and the rule
/// that chose the winner. Six S3 ranges won by `pl-s3 → vpce-s3` are one decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteDecision {
    pub destinations: Vec<Ipv4Net>,
    /// The routes that matched the first destination, the winner marked `chosen`.
    pub matches: Vec<RouteMatch>,
    pub rule: RouteRule,
}

impl RouteDecision {
    pub fn winner(&self) -> Option<&RouteMatch> {
        self.matches.iter().find(|m| m.chosen)
    }
}

/// One network interface of an interface endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EndpointEni {
    pub ip: Ipv4Addr,
    pub az: Az,
}

/// What a Gateway Load Balancer endpoint sends its traffic to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LoadBalancer {
    pub id: Id,
    pub cross_zone: bool,
    pub stateful: bool,
}

/// What holds an address that the local route delivers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum Holder {
    Instance(Id),
    NetworkInterface(Id),
    InterfaceEndpoint(Id),
}

/// What the Amazon-provided DNS server answers for a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "answer")]
pub enum DnsAnswer {
    /// Private DNS of an interface endpoint: its healthy ENIs' addresses.
    Enis {
        endpoint: Id,
        enis: Vec<EndpointEni>,
    },
    /// The service's public ranges (`total` of them; the first few listed).
    Public {
        service: Id,
        cidrs: Vec<Ipv4Net>,
        total: usize,
        illustrative: bool,
        why: Option<PublicWhy>,
    },
}

/// Why a name resolved to public addresses although the VPC has something for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PublicWhy {
    /// The interface endpoint's private DNS is off.
    PrivateDnsOff { endpoint: Id },
    /// The service's interface endpoints have no private DNS (DynamoDB).
    PrivateDnsUnsupported { endpoint: Id },
    /// Private DNS is on but `enableDnsHostnames` is off.
    DnsHostnamesOff { endpoint: Id },
    /// Private DNS only for queries through the inbound Resolver endpoint.
    InboundResolverOnly { endpoint: Id },
    /// The name is in another Region, which no endpoint of this VPC covers.
    OtherRegion { region: Id, home: Id },
    /// A global name that Regional private DNS does not cover.
    GlobalName { region: Id },
}

/// How the reply of a path through a GWLB endpoint comes back (aws-semantics.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReturnLeg {
    /// The GWLB endpoint the request passed.
    pub endpoint: Id,
    /// Where replies start: a NAT gateway or the internet gateway.
    pub from: Id,
    /// The address replies are sent to (the packet's source at the endpoint).
    pub to: Ipv4Net,
    /// The table that routes the replies (none: the gateway has no edge route table).
    pub table: Option<Id>,
    /// The route that takes the replies, if any.
    pub route: Option<Route>,
    /// Replies come back through the endpoint.
    pub symmetric: bool,
    pub stateful: bool,
}

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
    /// Private DNS is on but the endpoint has no subnet.
    EndpointWithoutEnis { endpoint: Id, name: Id },
    /// Every ENI private DNS would answer is in a failed AZ.
    EnisAllFailed {
        endpoint: Id,
        name: Id,
        failed: Vec<EndpointEni>,
    },
    /// The catalogue has no public addresses for the service in this Region.
    NoPublicAddresses { service: Id, region: Id },
    /// No route matches. The first routes of the table are listed (`total` in all).
    NoRoute {
        table: Id,
        dest: Routed,
        routes: Vec<Route>,
        total: usize,
        /// The packet passed a public NAT gateway and the VPC has no internet gateway.
        no_internet_gateway: bool,
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
}

impl Stop {
    /// The reason code the stop gives a verdict (none: the path leaves the VPC).
    pub fn reason(&self) -> Option<Reason> {
        Some(match self {
            Stop::SourceAzFailed { .. } => Reason::SourceAzFailed,
            Stop::DnsDisabled { .. } => Reason::DnsResolutionDisabled,
            Stop::EndpointWithoutEnis { .. } | Stop::EnisAllFailed { .. } => {
                Reason::EndpointEnisAllFailed
            }
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
            Stop::AddressInNoSubnet { .. } | Stop::AddressAzFailed { .. } => {
                Reason::DestinationUnavailable
            }
            Stop::LeavesVpc { .. } => return None,
        })
    }

    /// The snake_case name of the stop, as the JSON's `stop` field and the message files name it.
    pub fn code(&self) -> &'static str {
        match self {
            Stop::SourceAzFailed { .. } => "source_az_failed",
            Stop::DnsDisabled { .. } => "dns_disabled",
            Stop::EndpointWithoutEnis { .. } => "endpoint_without_enis",
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
            Stop::AddressInNoSubnet { .. } => "address_in_no_subnet",
            Stop::AddressAzFailed { .. } => "address_az_failed",
            Stop::LeavesVpc { .. } => "leaves_vpc",
        }
    }
}

/// What one hop of a path is: a typed fact per kind of step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "fact")]
pub enum Fact {
    Source {
        origin: Origin,
        subnet: Id,
        cidr: Ipv4Net,
        public_ip: bool,
    },
    /// The hop's id is the name asked.
    Dns {
        resolver: Option<Ipv4Addr>,
        answer: DnsAnswer,
    },
    RouteTable {
        association: Association,
        decisions: Vec<RouteDecision>,
    },
    GatewayEndpoint {
        service: Id,
    },
    InterfaceEndpoint {
        enis: Vec<EndpointEni>,
    },
    NatGateway {
        public: bool,
        /// The NAT gateway's subnet; none for a regional NAT gateway.
        subnet: Option<Id>,
    },
    GwlbEndpoint {
        subnet: Id,
    },
    Inspection {
        load_balancer: Option<LoadBalancer>,
    },
    NetworkInterface {
        subnet: Id,
        /// It has a public IPv4: it forwards as a NAT instance.
        nat_instance: bool,
    },
    InternetGateway,
    /// A service's public endpoint.
    Service {
        service: Id,
        dns_name: Id,
    },
    /// An address outside the VPC and AWS's ranges.
    Internet {
        address: Ipv4Net,
    },
    /// The destination address inside the VPC.
    Address {
        address: Ipv4Net,
        subnet: Id,
        cidr: Ipv4Net,
        holder: Option<Holder>,
    },
    Return(ReturnLeg),
    /// The path stops here.
    Stop(Stop),
}

/// One step of a path: what kind, which object (its id), its AZ, and the fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub kind: HopKind,
    pub id: Id,
    pub az: Option<Az>,
    #[serde(flatten)]
    pub fact: Fact,
}

impl Hop {
    /// Route-table hops: the decisions, per group of destination ranges.
    pub fn decisions(&self) -> &[RouteDecision] {
        match &self.fact {
            Fact::RouteTable { decisions, .. } => decisions,
            _ => &[],
        }
    }

    pub fn stop(&self) -> Option<&Stop> {
        match &self.fact {
            Fact::Stop(s) => Some(s),
            _ => None,
        }
    }
}

/// Something that shaped the path without ending it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "note")]
pub enum Note {
    /// An interface endpoint exists but its private DNS is off.
    PrivateDnsOff { endpoint: Id, name: Id },
    /// The service's interface endpoint has no private DNS (DynamoDB).
    PrivateDnsUnsupported { service: Id, name: Id, endpoint: Id },
    /// `enableDnsHostnames` is off: private DNS of `endpoint` does not apply (none: the gateway
    /// endpoint's documented requirement).
    DnsHostnamesOff { vpc: Id, endpoint: Option<Id> },
    /// Private DNS only for the inbound Resolver endpoint.
    InboundResolverOnly { endpoint: Id },
    /// Two prefix lists hold `cidr` with different targets in `table`.
    ArbitraryPrefixListChoice { table: Id, cidr: Ipv4Net },
    /// ENIs in failed AZs drop out of the DNS answer.
    FailedAzEnisDropped {
        endpoint: Id,
        enis: Vec<EndpointEni>,
    },
    /// AWS publishes no ranges for the service.
    IllustrativeCidrs { service: Id },
    /// Prefix-list entries inside a VPC CIDR are ignored in `table`.
    IgnoredPrefixListEntries { table: Id, prefix_list: Id },
    /// The path depends on `resource` in another AZ (`az`; none: every ENI is elsewhere).
    CrossAzDependency { resource: Id, az: Option<Az> },
    /// The service is in another Region.
    OtherRegion { service: Id, region: Id, home: Id },
    /// A global name that Regional private DNS does not cover.
    GlobalNameNotCovered {
        endpoint: Id,
        regional: Id,
        name: Id,
    },
    /// Replies skip the GWLB endpoint; the appliances are stateless.
    AsymmetricReturnStateless { endpoint: Id },
    /// The return leg through a regional NAT gateway is not modelled.
    ReturnNotEvaluated { nat: Id },
    /// Traffic to a service's public endpoint stays on AWS's network.
    PublicEndpointStaysOnAws,
}

impl Note {
    /// Every note code, for the README and the message files.
    pub const CODES: [&'static str; 14] = [
        "private_dns_off",
        "private_dns_unsupported",
        "dns_hostnames_off",
        "inbound_resolver_only",
        "arbitrary_prefix_list_choice",
        "failed_az_enis_dropped",
        "illustrative_cidrs",
        "ignored_prefix_list_entries",
        "cross_az_dependency",
        "other_region",
        "global_name_not_covered",
        "asymmetric_return_stateless",
        "return_not_evaluated",
        "public_endpoint_stays_on_aws",
    ];

    pub fn code(&self) -> &'static str {
        match self {
            Note::PrivateDnsOff { .. } => "private_dns_off",
            Note::PrivateDnsUnsupported { .. } => "private_dns_unsupported",
            Note::DnsHostnamesOff { .. } => "dns_hostnames_off",
            Note::InboundResolverOnly { .. } => "inbound_resolver_only",
            Note::ArbitraryPrefixListChoice { .. } => "arbitrary_prefix_list_choice",
            Note::FailedAzEnisDropped { .. } => "failed_az_enis_dropped",
            Note::IllustrativeCidrs { .. } => "illustrative_cidrs",
            Note::IgnoredPrefixListEntries { .. } => "ignored_prefix_list_entries",
            Note::CrossAzDependency { .. } => "cross_az_dependency",
            Note::OtherRegion { .. } => "other_region",
            Note::GlobalNameNotCovered { .. } => "global_name_not_covered",
            Note::AsymmetricReturnStateless { .. } => "asymmetric_return_stateless",
            Note::ReturnNotEvaluated { .. } => "return_not_evaluated",
            Note::PublicEndpointStaysOnAws => "public_endpoint_stays_on_aws",
        }
    }
}

/// For a partial verdict: the destination CIDRs that share one path, and that path.
/// For a workload: one of its services (`to`), with that service's whole path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The workload part's service; `None` for the CIDR groups of a partial verdict.
    pub to: Option<Id>,
    pub cidrs: Vec<Ipv4Net>,
    pub verdict: Verdict,
    pub hops: Vec<Hop>,
}

/// The whole answer for one source and one destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathTrace {
    pub from: Origin,
    /// The destination as `--to` takes it: `s3`, `s3@us-west-2`, `10.0.2.10`, `workload:ecr-pull`.
    pub to: Id,
    pub verdict: Verdict,
    pub notes: Vec<Note>,
    pub hops: Vec<Hop>,
    /// Partial verdicts: which ranges go where; workloads: each service's path.
    pub parts: Vec<Part>,
}

impl PathTrace {
    /// The hop where the path stopped, if it did (the last hop of the trace, or of the first
    /// part that stopped).
    pub fn stop(&self) -> Option<&Stop> {
        self.hops.last().and_then(Hop::stop)
    }
}
