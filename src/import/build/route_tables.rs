//! Route tables (`describe-route-tables`, aws-semantics.md §1): associations and routes, with the
//! derived routes taken out and each target resolved to what the model knows.

use std::collections::{BTreeSet, HashMap};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use rustc_hash::FxHashSet;

use super::route_targets::{Hop, route_hop};
use super::{Facts, Warn, route_warning, state_is, warning};
use crate::import::aws::{self, name_tag};
use crate::model::{
    Destination, GatewayEndpoint, Instance, InternetGateway, NatGateway, NetworkInterface, Route,
    RouteTable, Target,
};

/// The route tables, and what their routes say about other objects.
pub(super) struct RouteTables {
    pub(super) network_interfaces: Vec<NetworkInterface>,
    pub(super) route_tables: Vec<RouteTable>,
    /// (endpoint, table) pairs whose prefix-list route AWS lists.
    pub(super) endpoint_routes: BTreeSet<(String, String)>,
    pub(super) used_prefix_lists: BTreeSet<String>,
}

/// The VPC's route tables.
pub(super) fn route_tables<'s>(
    facts: Facts<'s>,
    internet_gateway: &mut Option<InternetGateway>,
    nat_gateways: &[NatGateway],
    gateway_endpoints: &mut Vec<GatewayEndpoint>,
    endpoint_kind: &mut HashMap<&'s str, &'s str>,
    instances: &[Instance],
    w: &mut Warn,
) -> RouteTables {
    let Facts {
        input,
        vpc_id,
        cidrs,
        subnet_ids,
        subnet_cidr,
        enis,
        pl_cidrs,
        pl_customer,
        pl_service,
        ..
    } = facts;
    let in_vpc = |id: &str| id == vpc_id;
    let nat_ids: BTreeSet<&str> = nat_gateways.iter().map(|n| n.id.as_str()).collect();
    let instance_ips: BTreeSet<Ipv4Addr> = instances.iter().filter_map(|i| i.private_ip).collect();
    let mut network_interfaces: Vec<NetworkInterface> = Vec::new();
    let mut route_tables: Vec<RouteTable> = Vec::new();
    // (endpoint, table) pairs whose prefix-list route AWS lists.
    let mut endpoint_routes: BTreeSet<(String, String)> = BTreeSet::new();
    let mut used_prefix_lists: BTreeSet<String> = BTreeSet::new();
    for t in input.route_tables.iter().filter(|t| in_vpc(&t.vpc_id)) {
        let tid = t.route_table_id.as_str();
        if route_tables.iter().any(|r| r.id == tid) {
            continue;
        }
        let mut table = RouteTable {
            id: tid.to_string(),
            name: name_tag(&t.tags),
            main: false,
            subnets: Vec::new(),
            gateways: Vec::new(),
            routes: Default::default(),
            ipv6_routes: Vec::new(),
        };
        // The destinations the table has a route for: a route twice is reported, not kept (a
        // set, since a table holds up to a thousand routes).
        let mut seen: FxHashSet<Destination> =
            FxHashSet::with_capacity_and_hasher(t.routes.len(), Default::default());
        for a in &t.associations {
            w.unknown_fields(
                || warning(tid, "aws_unknown_field", "association"),
                &a.extra,
                aws::ASSOCIATION_FIELDS_UNUSED,
            );
            let state = a
                .association_state
                .as_ref()
                .and_then(|s| s.state.as_deref());
            if state.is_some() && !state_is(state, &["associated"]) {
                let d = match a.subnet_id.as_deref().or(a.gateway_id.as_deref()) {
                    Some(with) => {
                        warning(tid, "aws_state_not_modelled", "association").s("with", with)
                    }
                    None => warning(tid, "aws_state_not_modelled", "main_association"),
                };
                w.push(d.s("state", state.unwrap_or_default()));
                continue;
            }
            if a.main == Some(true) {
                table.main = true;
            }
            if let Some(s) = &a.subnet_id {
                if subnet_ids.contains(s.as_str()) {
                    table.subnets.push(s.clone());
                }
            } else if let Some(g) = &a.gateway_id {
                if internet_gateway.as_ref().is_some_and(|i| &i.id == g) {
                    table.gateways.push(g.clone());
                } else {
                    w.push(warning(tid, "aws_not_modelled", "edge_association").s("gateway", g));
                }
            }
        }

        let mut local_seen: BTreeSet<Ipv4Net> = BTreeSet::new();
        let mut ipv6 = 0usize;
        let mut propagated: Vec<Route> = Vec::new();
        let mut expanded: Vec<(String, Target, Vec<Ipv4Net>)> = Vec::new();
        for r in &t.routes {
            w.unknown_fields(
                || warning(tid, "aws_unknown_field", "route"),
                &r.extra,
                aws::ROUTE_FIELDS_UNUSED,
            );
            let dest = r
                .destination_cidr_block()
                .or(r.destination_prefix_list_id())
                .or(r.destination_ipv6_cidr_block())
                .unwrap_or_default();
            if r.destination_cidr_block().is_none() && r.destination_prefix_list_id().is_none() {
                let net = r
                    .destination_ipv6_cidr_block()
                    .map(|d| d.parse::<ipnet::Ipv6Net>());
                match net {
                    // An IPv6 route: kept apart from the IPv4 ones (`ipv6_routes`); its local
                    // route is derived from the VPC's IPv6 blocks.
                    Some(Ok(net)) => {
                        match route_hop(
                            r,
                            endpoint_kind,
                            &nat_ids,
                            internet_gateway,
                            (tid, dest),
                            w,
                        ) {
                            Hop::Local => {}
                            Hop::Target(t) => table.ipv6_routes.push(crate::model::Ipv6Route {
                                destination: net.trunc(),
                                target: match r.state() {
                                    Some("blackhole") => Target::Blackhole,
                                    _ => t,
                                },
                            }),
                            _ => ipv6 += 1,
                        }
                    }
                    Some(Err(_)) => ipv6 += 1,
                    None => w.push(warning(tid, "aws_missing_input", "route_destination")),
                }
                continue;
            }
            let blackhole = match r.state() {
                None | Some("active") => false,
                Some("blackhole") => true,
                Some(other) => {
                    w.push(
                        route_warning(tid, dest, "aws_unknown_value", "route_value")
                            .s("field", "State")
                            .s("value", other)
                            .s("fallback", "active"),
                    );
                    false
                }
            };
            let origin = r.origin().unwrap_or("CreateRoute");
            if ![
                "CreateRouteTable",
                "CreateRoute",
                "EnableVgwRoutePropagation",
            ]
            .contains(&origin)
            {
                w.push(
                    route_warning(tid, dest, "aws_unknown_value", "route_value")
                        .s("field", "Origin")
                        .s("value", origin)
                        .s("fallback", "CreateRoute"),
                );
            }

            // Without describe-vpc-endpoints, a prefix-list route to a vpce- of S3 or DynamoDB
            // still tells which gateway endpoint the table is attached to.
            if input.endpoints.is_empty()
                && let (Some(g), Some(pl)) = (r.gateway_id(), r.destination_prefix_list_id())
                && g.starts_with("vpce-")
                && let Some(svc) = pl_service(pl).filter(|s| s == "s3" || s == "dynamodb")
            {
                match gateway_endpoints.iter_mut().find(|e| e.id == g) {
                    Some(e) => e.route_tables.push(tid.to_string()),
                    None => {
                        w.push(
                            warning(g, "aws_missing_input", "inferred_endpoint").s("service", &svc),
                        );
                        endpoint_kind.insert(g, "Gateway");
                        gateway_endpoints.push(GatewayEndpoint {
                            policy: None,
                            id: g.to_string(),
                            service: svc,
                            route_tables: vec![tid.to_string()],
                        });
                    }
                }
            }
            let hop = match route_hop(r, endpoint_kind, &nat_ids, internet_gateway, (tid, dest), w)
            {
                // An egress-only internet gateway carries IPv6 only: AWS takes no IPv4 route to it.
                Hop::Target(Target::EgressOnlyInternetGateway(g)) => Hop::NotModelled {
                    field: "EgressOnlyInternetGatewayId",
                    value: g.to_string(),
                },
                h => h,
            };
            let target = match hop {
                Hop::Local => {
                    match r.destination_cidr_block().and_then(parse_cidr) {
                        Some(c) if cidrs.contains(&c) => {
                            local_seen.insert(c);
                        }
                        _ => w.push(route_warning(
                            tid,
                            dest,
                            "aws_reconcile_mismatch",
                            "local_route",
                        )),
                    }
                    continue;
                }
                Hop::GatewayEndpoint(e) if !blackhole => {
                    if let Some(pl) = r.destination_prefix_list_id() {
                        used_prefix_lists.insert(pl.to_string());
                        let svc = gateway_endpoints
                            .iter()
                            .find(|g| g.id == e)
                            .map(|g| g.service.clone());
                        if let (Some(svc), Some(pl_svc)) = (&svc, pl_service(pl))
                            && *svc != pl_svc
                        {
                            w.push(
                                route_warning(
                                    tid,
                                    dest,
                                    "aws_reconcile_mismatch",
                                    "endpoint_service",
                                )
                                .s("target", &e)
                                .s("list_service", pl_svc)
                                .s("service", svc),
                            );
                        }
                        endpoint_routes.insert((e, tid.to_string()));
                    } else {
                        w.push(
                            route_warning(tid, dest, "aws_reconcile_mismatch", "endpoint_cidr")
                                .s("target", &e),
                        );
                    }
                    continue;
                }
                Hop::GatewayEndpoint(_) => Target::Blackhole,
                Hop::NotModelled { field, value } => {
                    w.push(
                        route_warning(tid, dest, "aws_not_modelled", "route_target")
                            .s("field", field)
                            .s("value", value),
                    );
                    continue;
                }
                Hop::NoTarget => {
                    w.push(route_warning(
                        tid,
                        dest,
                        "aws_not_modelled",
                        "route_no_target",
                    ));
                    continue;
                }
                Hop::Target(_) if blackhole => Target::Blackhole,
                Hop::Target(t) => t,
            };
            let target = match target {
                Target::NetworkInterface(eni) => match enis.get(eni.as_str()) {
                    Some(n)
                        if n.subnet_id
                            .as_deref()
                            .is_some_and(|s| subnet_ids.contains(s)) =>
                    {
                        if !network_interfaces.iter().any(|x| x.id == eni) {
                            let subnet = n.subnet_id.clone().unwrap_or_default();
                            let ip = n
                                .private_ip_address
                                .as_deref()
                                .and_then(|a| a.parse::<Ipv4Addr>().ok())
                                .filter(|a| {
                                    subnet_cidr
                                        .get(subnet.as_str())
                                        .is_some_and(|c| c.contains(a))
                                        && !instance_ips.contains(a)
                                });
                            network_interfaces.push(NetworkInterface {
                                id: eni.to_string(),
                                description: n
                                    .description
                                    .clone()
                                    .filter(|d| !d.is_empty())
                                    .or_else(|| name_tag(&n.tag_set)),
                                subnet,
                                ip,
                                public_ip: n
                                    .association
                                    .as_ref()
                                    .is_some_and(|a| a.public_ip.is_some()),
                                security_groups: Vec::new(),
                                source_dest_check: None,
                            });
                        }
                        Target::NetworkInterface(eni)
                    }
                    _ => {
                        w.push(
                            route_warning(tid, dest, "aws_missing_input", "route_eni")
                                .s("target", &eni),
                        );
                        Target::Blackhole
                    }
                },
                other => other,
            };

            let destination = if let Some(c) = r.destination_cidr_block() {
                match parse_cidr(c) {
                    Some(n) => Destination::Cidr(n),
                    None => {
                        w.push(route_warning(tid, dest, "aws_bad_value", "route_cidr"));
                        continue;
                    }
                }
            } else {
                let pl = r
                    .destination_prefix_list_id()
                    .unwrap_or_default()
                    .to_string();
                used_prefix_lists.insert(pl.clone());
                match pl_service(&pl) {
                    Some(svc) if !pl_customer.contains(pl.as_str()) => Destination::PrefixList(svc),
                    _ => match pl_cidrs.get(pl.as_str()) {
                        Some(list) if !list.is_empty() => {
                            expanded.push((pl.clone(), target, list.clone()));
                            continue;
                        }
                        _ => {
                            w.push(route_warning(
                                tid,
                                dest,
                                "aws_missing_input",
                                "route_prefix_list",
                            ));
                            continue;
                        }
                    },
                }
            };
            let route = Route {
                destination,
                target,
            };
            if origin == "EnableVgwRoutePropagation" {
                propagated.push(route);
            } else if seen.insert(route.destination.clone()) {
                table.routes.push(route);
            } else {
                w.push(route_warning(
                    tid,
                    dest,
                    "aws_reconcile_mismatch",
                    "route_twice",
                ));
            }
        }
        // A customer-managed prefix list stands for its entries. The model has no such
        // destination, so each entry becomes a CIDR route; a static route to the same CIDR wins,
        // as AWS's priority has it, and entries inside the VPC are ignored, as AWS ignores them.
        for (pl, target, list) in expanded {
            let mut kept = 0;
            for c in list {
                if cidrs.iter().any(|v| v.contains(&c) || c.contains(v))
                    || !seen.insert(Destination::Cidr(c))
                {
                    continue;
                }
                table.routes.push(Route {
                    destination: Destination::Cidr(c),
                    target: target.clone(),
                });
                kept += 1;
            }
            w.push(
                warning(tid, "aws_prefix_list_expanded", "routes")
                    .s("prefix_list", pl)
                    .n("count", kept),
            );
        }
        if !propagated.is_empty() {
            let mut kept = 0;
            for r in propagated {
                if seen.insert(r.destination.clone()) {
                    table.routes.push(r);
                    kept += 1;
                }
            }
            w.push(warning(tid, "aws_not_modelled", "propagated").n("count", kept));
        }
        if ipv6 > 0 {
            w.push(warning(tid, "aws_ipv6_not_modelled", "ipv6_routes").n("count", ipv6));
        }
        for c in cidrs {
            let replaced = seen.contains(&Destination::Cidr(*c));
            if !local_seen.contains(c) && !replaced {
                w.push(warning(tid, "aws_reconcile_mismatch", "no_local_route").s("cidr", c));
            }
        }
        route_tables.push(table);
    }
    if input.route_tables.is_empty() {
        w.push(warning(vpc_id, "aws_missing_input", "no_route_tables"));
    }
    RouteTables {
        network_interfaces,
        route_tables,
        endpoint_routes,
        used_prefix_lists,
    }
}

/// An IPv4 CIDR as AWS prints it (`10.1.0.0/16`) read without the general parser (a quota
/// account has 200,000); anything else (leading zeros, spaces, a bad value) goes to
/// `ipnet`'s parser, which decides, so the result is always its own.
fn parse_cidr(s: &str) -> Option<Ipv4Net> {
    fn number(part: &[u8], max: u32) -> Option<u32> {
        if part.is_empty() || part.len() > 3 || (part.len() > 1 && part[0] == b'0') {
            return None;
        }
        let mut n = 0u32;
        for &b in part {
            if !b.is_ascii_digit() {
                return None;
            }
            n = n * 10 + u32::from(b - b'0');
        }
        (n <= max).then_some(n)
    }
    let fast = || -> Option<Ipv4Net> {
        let (addr, len) = s.split_once('/')?;
        let mut octets = [0u8; 4];
        let mut parts = addr.as_bytes().split(|&b| b == b'.');
        for o in &mut octets {
            *o = u8::try_from(number(parts.next()?, 255)?).ok()?;
        }
        if parts.next().is_some() {
            return None;
        }
        let len = u8::try_from(number(len.as_bytes(), 32)?).ok()?;
        Ipv4Net::new(Ipv4Addr::from(octets), len).ok()
    };
    fast().or_else(|| s.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_read_as_ipnet_reads_them() {
        for s in [
            "10.1.0.0/16",
            "0.0.0.0/0",
            "255.255.255.255/32",
            "10.1.2.3/24",
            "1.2.3.4/33",
            "01.2.3.4/8",
            "1.2.3.4/08",
            "1.2.3/8",
            "1.2.3.4.5/8",
            "256.1.1.1/8",
            "1.2.3.4",
            "1.2.3.4/",
            "/8",
            " 1.2.3.4/8",
            "1.2.3.4/8 ",
            "a.b.c.d/8",
            "1..3.4/8",
            "",
            "1.2.3.4/-1",
            "1.2.3.4/+8",
            "1.2.3.4//8",
            "1.2.3.4/1000",
        ] {
            assert_eq!(parse_cidr(s), s.parse::<Ipv4Net>().ok(), "{s:?}");
        }
    }
}
