//! What a hop found: endpoint ENIs, load balancers, address holders, DNS answers, the way back.

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

/// One network interface of an interface endpoint (built once per model, see
/// `crate::model::EndpointEni`).
pub use crate::model::EndpointEni;

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

/// The first few ranges of a public answer (at most four), kept inline.
pub type ShownCidrs = smallvec::SmallVec<[Ipv4Net; 4]>;

/// What the Amazon-provided DNS server answers for a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "answer")]
pub enum DnsAnswer {
    /// Private DNS of an interface endpoint: its healthy ENIs' addresses.
    Enis {
        endpoint: Id,
        /// Shared with the endpoint hop when the path reaches the same ENIs.
        enis: std::sync::Arc<[EndpointEni]>,
        /// The private hosted zone record that answered (none: the endpoint's private DNS).
        /// Boxed: rare, and large beside the rest of a hop.
        zone: Option<Box<ZoneAnswer>>,
    },
    /// The service's public ranges (`total` of them; the first few listed).
    Public {
        service: Id,
        cidrs: ShownCidrs,
        total: usize,
        illustrative: bool,
        /// Shared: large beside the rest of a hop, and the commonest one is made once per
        /// model (`crate::model::NoPrivateDns`).
        why: Option<std::sync::Arc<PublicWhy>>,
    },
    /// A VPC Lattice link-local address (the managed prefix list `prefix_list`): the VPC's
    /// service network association `association` answers the name.
    Lattice { association: Id, prefix_list: Id },
}

/// Why a name resolved to public addresses although the VPC has something for it (made by the
/// model when it is the same for every path, see `crate::model::NoPrivateDns`).
pub use crate::model::PublicWhy;

/// Where the replies of an inspected path start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnStart {
    /// A NAT gateway passed after the GWLB endpoint: replies leave it by its subnet's table.
    NatGateway,
    /// The internet gateway: replies enter by its edge route table, if it has one.
    InternetGateway,
    /// A gateway endpoint: replies are delivered straight to the source by the local route.
    GatewayEndpoint,
    /// An interface endpoint's ENI: replies follow the ENI subnet's route table.
    InterfaceEndpoint,
}

/// How the reply of a path through a GWLB endpoint comes back (aws-semantics.md §5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReturnLeg {
    /// The GWLB endpoint the request passed.
    pub endpoint: Id,
    /// Where replies start: a NAT gateway, the internet gateway, a gateway endpoint or an
    /// interface endpoint.
    pub from: Id,
    /// What `from` is.
    pub start: ReturnStart,
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
