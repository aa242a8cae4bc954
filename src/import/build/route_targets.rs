//! What a route targets, from the fields AWS fills in, before the model's derived routes are
//! taken out (aws-semantics.md §1).

use std::collections::{BTreeSet, HashMap};

use super::{Warn, route_warning};
use crate::import::aws;
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
    if let Some(g) = r.gateway_id.as_deref() {
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
    if let Some(n) = r.nat_gateway_id.as_deref() {
        if nat_ids.contains(n) {
            return Hop::Target(Target::NatGateway(n.into()));
        }
        if r.state.as_deref() != Some("blackhole") {
            w.push(route_warning(tid, dest, "aws_missing_input", "route_nat").s("target", n));
        }
        return Hop::Target(Target::Blackhole);
    }
    if let Some(e) = r.network_interface_id.as_deref() {
        return Hop::Target(Target::NetworkInterface(e.into()));
    }
    if let Some(t) = r.transit_gateway_id.as_deref() {
        return Hop::Target(Target::TransitGateway(t.into()));
    }
    if let Some(p) = r.vpc_peering_connection_id.as_deref() {
        return Hop::Target(Target::VpcPeering(p.into()));
    }
    if let Some(g) = r.egress_only_internet_gateway_id.as_deref() {
        return Hop::Target(Target::EgressOnlyInternetGateway(g.into()));
    }
    for (field, value) in [
        ("InstanceId", &r.instance_id),
        ("LocalGatewayId", &r.local_gateway_id),
        ("CarrierGatewayId", &r.carrier_gateway_id),
        ("CoreNetworkArn", &r.core_network_arn),
    ] {
        if let Some(v) = value {
            return Hop::NotModelled {
                field,
                value: v.clone(),
            };
        }
    }
    if r.state.as_deref() == Some("blackhole") {
        return Hop::Target(Target::Blackhole);
    }
    Hop::NoTarget
}
