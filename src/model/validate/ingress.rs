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
                out.push(
                    Diagnostic::error(&t.id, "unknown_gateway")
                        .s("table", &t.id)
                        .s("gateway", g)
                        .b("has_igw", igw.is_some())
                        .s("igw", igw.unwrap_or_default()),
                );
            } else if let Some(other) = seen.insert(g.as_str(), t.id.as_str()) {
                out.push(
                    Diagnostic::error(&t.id, "duplicate_gateway_association")
                        .s("case", "tables")
                        .s("table", &t.id)
                        .s("other", other)
                        .s("gateway", g),
                );
            }
        }
        if t.gateways.is_empty() {
            continue;
        }
        if t.main {
            out.push(Diagnostic::error(&t.id, "main_table_edge_association").s("table", &t.id));
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
                out.push(
                    Diagnostic::error(&t.id, "edge_route_invalid")
                        .s("table", &t.id)
                        .list("gateways", &t.gateways)
                        .s("destination", &r.destination)
                        .s("target", &r.target),
                );
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
                out.push(
                    Diagnostic::error(&lb.id, "unknown_gwlb_endpoint")
                        .s("gwlb", &lb.id)
                        .s("endpoint", e),
                );
            } else if let Some(other) = owner.insert(e.as_str(), lb.id.as_str()) {
                out.push(
                    Diagnostic::error(&lb.id, "gwlb_endpoint_two_load_balancers")
                        .s("endpoint", e)
                        .s("other", other)
                        .s("gwlb", &lb.id),
                );
            }
        }
        let mut azs = HashSet::new();
        for a in &lb.appliances {
            match cx.azs.get(a.az.as_str()) {
                None => out.push(unknown_az(cx, &lb.id, &a.az)),
                Some(&i) => {
                    if !azs.insert(i) {
                        out.push(
                            Diagnostic::error(&lb.id, "duplicate_appliance_az")
                                .s("gwlb", &lb.id)
                                .s("az", &a.az),
                        );
                    }
                }
            }
        }
    }
}
