//! The estimate's words as facts: what a line item is for, the unit it is priced in, the way a
//! flow goes, the notes and the changes. `explain::cost_*` says them in a language
//! (`assets/i18n/*/cost.ftl`).

use std::sync::Arc;

use crate::eval::Reason;

/// What a line item is for: the resource, and the AZ when the charge is for one.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemFor {
    /// One interface endpoint's ENI in one AZ.
    InterfaceEndpointEni {
        endpoint: String,
        az: String,
    },
    /// Data processed by all interface endpoints of the Region, in one price tier.
    InterfaceEndpointData {
        tier: TierSpan,
    },
    /// A gateway endpoint: no charge, shown with the GB it carries.
    GatewayEndpoint {
        endpoint: String,
        service: String,
    },
    /// A NAT gateway's hours.
    NatGateway {
        nat: String,
        place: NatPlace,
    },
    /// The public IPv4 address (Elastic IP) of a public NAT gateway.
    NatAddress {
        nat: String,
        place: NatPlace,
    },
    /// The data a NAT gateway processes.
    NatData {
        nat: String,
        place: NatPlace,
    },
    /// The public IPv4 address of an instance or an appliance interface. The id is shared
    /// with the estimate before an edit that kept the instances and interfaces (4x the quota
    /// model has 20,000 such lines, whose ids were copied for every estimate).
    PublicAddress {
        owner: Arc<str>,
    },
    GwlbHours {
        load_balancer: String,
    },
    GwlbCapacity {
        load_balancer: String,
    },
    GwlbEndpoint {
        endpoint: String,
        az: String,
    },
    GwlbEndpointData {
        endpoint: String,
        az: String,
    },
    /// Data transfer between AZs, in one direction: AWS bills it out of one AZ and into the
    /// other (EC2 on-demand pricing, data transfer).
    InterAz {
        direction: Direction,
    },
}

/// Which side of an AZ crossing a charge is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Out of the AZ the data leaves.
    Out,
    /// Into the AZ the data enters.
    In,
}

/// Where a NAT gateway is billed.
#[derive(Debug, Clone, PartialEq)]
pub enum NatPlace {
    /// A zonal NAT gateway in this AZ (`None`: its subnet is unknown).
    Zonal(Option<String>),
    /// A regional NAT gateway, billed in this many AZs.
    Regional(usize),
}

/// A price tier by its bounds, in PB: "first 1 PB", "next 4 PB", "over 5 PB".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TierSpan {
    First(f64),
    Next(f64),
    Over(f64),
}

/// The unit a line item's quantity is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Hour,
    AddressHour,
    GlcuHour,
    Gb,
}

impl Unit {
    /// A code for machines (and the English unit): `hour`, `address-hour`, `GLCU-hour`, `GB`.
    pub fn code(self) -> &'static str {
        match self {
            Unit::Hour => "hour",
            Unit::AddressHour => "address-hour",
            Unit::GlcuHour => "GLCU-hour",
            Unit::Gb => "GB",
        }
    }
}

/// Something on a flow's way that the words name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Through {
    GatewayEndpoint,
    InterfaceEndpoint,
    /// A resource endpoint (VPC Lattice).
    ResourceEndpoint,
    /// A service-network endpoint (VPC Lattice).
    ServiceNetworkEndpoint,
    GwlbEndpoint,
    ApplianceEni,
    NatGateway,
    InternetGateway,
}

impl Through {
    pub fn code(self) -> &'static str {
        match self {
            Through::GatewayEndpoint => "gateway_endpoint",
            Through::InterfaceEndpoint => "interface_endpoint",
            Through::ResourceEndpoint => "resource_endpoint",
            Through::ServiceNetworkEndpoint => "service_network_endpoint",
            Through::GwlbEndpoint => "gwlb_endpoint",
            Through::ApplianceEni => "appliance_eni",
            Through::NatGateway => "nat_gateway",
            Through::InternetGateway => "internet_gateway",
        }
    }
}

/// Whether a flow's traffic is billed as crossing AZs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Crossing {
    No,
    /// All of it.
    Always,
    /// A share of it (the client spreads over ENIs in several AZs, or some ranges cross).
    Sometimes,
}

/// Which way a flow goes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Way {
    /// Reachable through these (none: it stays inside the VPC).
    Reachable {
        through: Vec<Through>,
        crossing: Crossing,
    },
    /// Partly reachable (the parts are not told apart).
    Partly,
    Blocked(Reason),
    /// The source itself is down.
    Unavailable(Reason),
    /// Whether it gets through is not modelled (the reason says why): not priced.
    NotModelled(Reason),
    /// Leaves the VPC at this target (not priced).
    LeavesVpc {
        target: String,
    },
    /// Groups of the service's CIDRs that go different ways, each with its count of CIDRs out
    /// of `total`. `partial`: some groups are blocked.
    ByRange {
        partial: bool,
        total: usize,
        parts: Vec<(usize, Way)>,
    },
}

impl Way {
    /// Whether some, not all, of the flow is billed as crossing AZs.
    pub fn crosses_sometimes(&self) -> bool {
        match self {
            Way::Reachable { crossing, .. } => *crossing == Crossing::Sometimes,
            Way::ByRange { parts, .. } => parts.iter().any(|(_, w)| w.crosses_sometimes()),
            _ => false,
        }
    }
}

/// An assumption that shaped the estimate, or something left unpriced.
#[derive(Debug, Clone, PartialEq)]
pub enum CostNote {
    /// A flow names an instance the scenario does not have.
    NoInstance { instance: String },
    /// A flow names a service the Region's catalogue does not have.
    NoService { service: String },
    /// No prices for the scenario's Region.
    NoPrices { region: String, priced: Vec<String> },
    /// Interface endpoint ENIs in failed AZs are still billed.
    FailedAzEnisBilled,
    /// How a regional NAT gateway is billed (an assumption).
    RegionalNat { nat: String, azs: usize },
    /// A GWLB endpoint that no Gateway Load Balancer serves.
    UnservedGwlbEndpoint { endpoint: String },
    /// How "cross-AZ sometimes" is billed (an assumption).
    CrossAzSometimes,
    /// Resource and service-network endpoints (VPC Lattice) are left out of the estimate: their
    /// prices are not in the price data.
    LatticeEndpointsNotPriced { endpoints: Vec<String> },
}

/// What changed between two estimates. A flow's names and ways are shared with the estimates
/// and with the other changes (an AZ failure at 4x the quota model changes tens of thousands
/// of flow groups: copying them was most of the diff).
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeFact {
    /// A resource that bills by the hour was added.
    Added(ItemFor),
    Removed(ItemFor),
    /// Its monthly amount changed.
    Repriced(ItemFor),
    /// A flow that was not there before.
    NewFlow {
        instance: Arc<str>,
        /// Further instances of its class (same subnet and public-IP state) whose flows to
        /// `service` changed alike; `gb` is theirs together.
        more: usize,
        /// How many classes those instances are in (more than one: classes that changed
        /// alike, told as one change).
        classes: usize,
        service: Arc<str>,
        way: Arc<Way>,
        gb: f64,
    },
    /// A flow that goes another way.
    FlowWay {
        instance: Arc<str>,
        /// Further instances of its class (same subnet and public-IP state) whose flows to
        /// `service` changed alike; `gb` is theirs together.
        more: usize,
        /// How many classes those instances are in (more than one: classes that changed
        /// alike, told as one change).
        classes: usize,
        service: Arc<str>,
        before: Arc<Way>,
        after: Arc<Way>,
        gb: f64,
    },
    /// A flow that goes the same way at another cost.
    FlowCost {
        instance: Arc<str>,
        /// Further instances of its class (same subnet and public-IP state) whose flows to
        /// `service` changed alike; `gb` is theirs together.
        more: usize,
        /// How many classes those instances are in (more than one: classes that changed
        /// alike, told as one change).
        classes: usize,
        service: Arc<str>,
        way: Arc<Way>,
        gb: f64,
    },
    FlowRemoved {
        instance: Arc<str>,
        /// Further instances of its class (same subnet and public-IP state) whose flows to
        /// `service` changed alike; `gb` is theirs together.
        more: usize,
        /// How many classes those instances are in (more than one: classes that changed
        /// alike, told as one change).
        classes: usize,
        service: Arc<str>,
    },
}
