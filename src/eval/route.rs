//! Route choices as the trace's facts: the decision of a route table for a group of
//! destination ranges, and how a route's destination and target are written. The choice itself
//! (aws-semantics.md §1) is made in `model::index::route_select`, where a compiled table keeps
//! it for each service's ranges.

use compact_str::CompactString;
use ipnet::Ipv4Net;

use crate::model::{RouteOrigin, Target};

pub(crate) use crate::model::destination_text;
pub(crate) use crate::model::route_select::{Choice, choose, split_into};

use super::facts::{self, RouteDecision, RouteMatch};
use crate::model::CompiledTable;

pub(crate) fn origin_fact(origin: RouteOrigin) -> facts::RouteOrigin {
    match origin {
        RouteOrigin::Local => facts::RouteOrigin::Local,
        RouteOrigin::Static => facts::RouteOrigin::Static,
        RouteOrigin::PrefixList => facts::RouteOrigin::PrefixList,
        RouteOrigin::GatewayEndpoint => facts::RouteOrigin::GatewayEndpoint,
    }
}

pub(crate) fn decision(table: &CompiledTable, dest: Ipv4Net, choice: &Choice) -> RouteDecision {
    RouteDecision {
        destinations: vec![dest],
        matches: choice
            .matches
            .iter()
            .rev()
            .map(|&(cidr, r)| {
                let route = &table.routes[r as usize];
                RouteMatch {
                    destination: table.written[r as usize].clone(),
                    matched_cidr: cidr,
                    target: target_text(&route.target),
                    origin: origin_fact(route.origin),
                    chosen: Some(r) == choice.winner,
                }
            })
            .collect(),
        rule: choice.rule,
    }
}

/// A target as `Display` writes it: the id itself, or `local` / `blackhole`.
pub(crate) fn target_text(t: &Target) -> CompactString {
    match t {
        Target::Local => CompactString::const_new("local"),
        Target::Blackhole => CompactString::const_new("blackhole"),
        Target::InternetGateway(id)
        | Target::NatGateway(id)
        | Target::GatewayEndpoint(id)
        | Target::GatewayLoadBalancerEndpoint(id)
        | Target::NetworkInterface(id)
        | Target::VpcPeering(id)
        | Target::TransitGateway(id)
        | Target::VirtualPrivateGateway(id) => id.clone(),
    }
}
