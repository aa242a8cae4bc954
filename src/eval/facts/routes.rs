//! Route selection as facts: routes, matches, decisions and the rule that chose (aws-semantics.md §1).

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

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

pub use crate::model::RouteRule;

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
