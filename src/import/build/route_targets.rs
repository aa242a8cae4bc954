//! What a route targets, from the fields AWS fills in, before the model's derived routes are
//! taken out (aws-semantics.md §1).

use std::collections::{BTreeSet, HashMap};

use super::{Warn, route_warning};
use crate::import::aws::{self, RouteField};
use crate::model::{InternetGateway, Target};

/// A route target as AWS lists it, before the model's derivation is taken out.
pub(super) enum Hop {
    /// `GatewayId: local`: derived by the model.
    Local,
    /// A gateway endpoint's prefix-list route: derived by the model from the endpoint.
    GatewayEndpoint(String),
    Target(Target),
    /// A target the model has no kind for: the field that names it, and its value.
    NotModelled {
        field: &'static str,
        value: String,
    },
    /// No target field the importer knows.
    NoTarget,
}
/// What a route targets, from the fields AWS fills in. Targets whose object is gone (a deleted
/// NAT gateway, an endpoint left out) become blackholes, as AWS shows them.
pub(super) fn route_hop(
    r: &aws::Route,
    endpoint_kind: &HashMap<&str, &str>,
    nat_ids: &BTreeSet<&str>,
    internet_gateway: &mut Option<InternetGateway>,
    (tid, dest): (&str, &str),
    w: &mut Warn,
) -> Hop {
    if let Some(g) = r.gateway_id() {
        if g == "local" {
            return Hop::Local;
        }
        if g.starts_with("igw-") {
            match internet_gateway {
                Some(i) if i.id == g => {}
                Some(i) => {
                    w.push(
                        route_warning(tid, dest, "aws_reconcile_mismatch", "other_igw")
                            .s("target", g)
                            .s("igw", &i.id),
                    );
                    return Hop::Target(Target::Blackhole);
                }
                None => {
                    w.push(
                        route_warning(tid, dest, "aws_missing_input", "route_igw").s("target", g),
                    );
                    *internet_gateway = Some(InternetGateway { id: g.to_string() });
                }
            }
            return Hop::Target(Target::InternetGateway(g.into()));
        }
        if g.starts_with("vgw-") {
            return Hop::Target(Target::VirtualPrivateGateway(g.into()));
        }
        if g.starts_with("vpce-") {
            return match endpoint_kind.get(g) {
                Some(&"Gateway") => Hop::GatewayEndpoint(g.to_string()),
                Some(&"GatewayLoadBalancer") => {
                    Hop::Target(Target::GatewayLoadBalancerEndpoint(g.into()))
                }
                _ => {
                    w.push(
                        route_warning(tid, dest, "aws_missing_input", "route_endpoint")
                            .s("target", g),
                    );
                    Hop::Target(Target::Blackhole)
                }
            };
        }
        return Hop::NotModelled {
            field: "GatewayId",
            value: g.to_string(),
        };
    }
    if let Some(n) = r.get(RouteField::NatGatewayId) {
        if nat_ids.contains(n) {
            return Hop::Target(Target::NatGateway(n.into()));
        }
        if r.state() != Some("blackhole") {
            w.push(route_warning(tid, dest, "aws_missing_input", "route_nat").s("target", n));
        }
        return Hop::Target(Target::Blackhole);
    }
    if let Some(e) = r.get(RouteField::NetworkInterfaceId) {
        return Hop::Target(Target::NetworkInterface(e.into()));
    }
    if let Some(t) = r.get(RouteField::TransitGatewayId) {
        return Hop::Target(Target::TransitGateway(t.into()));
    }
    if let Some(p) = r.get(RouteField::VpcPeeringConnectionId) {
        return Hop::Target(Target::VpcPeering(p.into()));
    }
    if let Some(g) = r.get(RouteField::EgressOnlyInternetGatewayId) {
        return Hop::Target(Target::EgressOnlyInternetGateway(g.into()));
    }
    for (field, name) in [
        (RouteField::InstanceId, "InstanceId"),
        (RouteField::LocalGatewayId, "LocalGatewayId"),
        (RouteField::CarrierGatewayId, "CarrierGatewayId"),
        (RouteField::CoreNetworkArn, "CoreNetworkArn"),
    ] {
        if let Some(v) = r.get(field) {
            return Hop::NotModelled {
                field: name,
                value: v.to_string(),
            };
        }
    }
    if r.state() == Some("blackhole") {
        return Hop::Target(Target::Blackhole);
    }
    Hop::NoTarget
}
