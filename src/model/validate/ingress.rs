//! Ingress routing (aws-semantics.md §5): edge route tables and Gateway Load Balancers.

use std::collections::{HashMap, HashSet};

use super::{Cx, unknown_az};
use crate::model::{Destination, Diagnostic, Target};

/// Edge route tables (aws-semantics.md §5, "ingress routing"): a route table associated with the
/// internet gateway routes the traffic that enters through it. The gateway must be the VPC's,
/// one gateway has at most one such table, and its routes may only send a VPC or subnet CIDR to
/// a network interface or a GWLB endpoint (AWS: gateway route tables).
pub(super) fn edge_route_tables(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let igw = cx.s.internet_gateway.as_ref().map(|g| g.id.as_str());
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for t in &cx.s.route_tables {
        for g in &t.gateways {
            if Some(g.as_str()) != igw {
                out.push(Diagnostic::error(
                    &t.id,
                    "unknown_gateway",
                    format!(
                        "{} is associated with the gateway {g}, which is not the VPC's internet gateway{}",
                        t.id,
                        igw.map(|i| format!(" ({i})")).unwrap_or_default()
                    ),
                ));
            } else if let Some(other) = seen.insert(g.as_str(), t.id.as_str()) {
                out.push(Diagnostic::error(
                    &t.id,
                    "duplicate_gateway_association",
                    format!(
                        "{} and {other} are both associated with {g}; a gateway is associated with at most one route table",
                        t.id
                    ),
                ));
            }
        }
        if t.gateways.is_empty() {
            continue;
        }
        if t.main {
            out.push(Diagnostic::error(
                &t.id,
                "main_table_edge_association",
                format!(
                    "{} is the main route table; AWS does not associate the main route table with a gateway",
                    t.id
                ),
            ));
        }
        for r in &t.routes {
            let inside = match &r.destination {
                Destination::Cidr(c) => cx.s.vpc.cidrs.iter().any(|v| v.contains(c)),
                Destination::PrefixList(_) => false,
            };
            let target_ok = matches!(
                r.target,
                Target::NetworkInterface(_) | Target::GatewayLoadBalancerEndpoint(_)
            );
            if !inside || !target_ok {
                out.push(Diagnostic::error(
                    &t.id,
                    "edge_route_invalid",
                    format!(
                        "{} is an edge route table (associated with {}); its route {} → {} is not allowed: a gateway route table only sends the VPC CIDR or a subnet CIDR to a network interface or a Gateway Load Balancer endpoint",
                        t.id,
                        t.gateways.join(", "),
                        r.destination,
                        r.target
                    ),
                ));
            }
        }
    }
}

/// Gateway Load Balancers (aws-semantics.md §5): their endpoints exist and belong to one load
/// balancer each, and their appliance AZs resolve.
pub(super) fn gateway_load_balancers(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for lb in &cx.s.gateway_load_balancers {
        for e in &lb.endpoints {
            if !cx.gwlbs.contains(e.as_str()) {
                out.push(Diagnostic::error(
                    &lb.id,
                    "unknown_gwlb_endpoint",
                    format!(
                        "{} lists the endpoint {e}, which is not a GWLB endpoint of the VPC",
                        lb.id
                    ),
                ));
            } else if let Some(other) = owner.insert(e.as_str(), lb.id.as_str()) {
                out.push(Diagnostic::error(
                    &lb.id,
                    "gwlb_endpoint_two_load_balancers",
                    format!(
                        "{e} is listed by both {other} and {}; a GWLB endpoint connects to one endpoint service, so one Gateway Load Balancer",
                        lb.id
                    ),
                ));
            }
        }
        let mut azs = HashSet::new();
        for a in &lb.appliances {
            match cx.azs.get(a.az.as_str()) {
                None => out.push(unknown_az(cx, &lb.id, &a.az)),
                Some(&i) => {
                    if !azs.insert(i) {
                        out.push(Diagnostic::error(
                            &lb.id,
                            "duplicate_appliance_az",
                            format!("{} lists the appliances of {} twice", lb.id, a.az),
                        ));
                    }
                }
            }
        }
    }
}
