//! Route tables (`describe-route-tables`, aws-semantics.md §1): associations and routes, with the
//! derived routes taken out and each target resolved to what the model knows.

use std::collections::{BTreeSet, HashMap};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::route_targets::{Hop, route_hop};
use super::{Facts, Warn, state_is};
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
        };
        for a in &t.associations {
            w.unknown_fields(
                tid,
                "route table association",
                &a.extra,
                aws::ASSOCIATION_FIELDS_UNUSED,
            );
            let state = a
                .association_state
                .as_ref()
                .and_then(|s| s.state.as_deref());
            if state.is_some() && !state_is(state, &["associated"]) {
                w.push(
                    tid,
                    "aws_state_not_modelled",
                    format!(
                        "{tid}: association with {} is {}: left out",
                        a.subnet_id
                            .as_deref()
                            .or(a.gateway_id.as_deref())
                            .unwrap_or("the VPC"),
                        state.unwrap_or_default()
                    ),
                );
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
                    w.push(
                        tid,
                        "aws_not_modelled",
                        format!(
                            "{tid}: edge association with {g}: the model reads gateway route tables of the VPC's internet gateway only; left out"
                        ),
                    );
                }
            }
        }

        let mut local_seen: BTreeSet<Ipv4Net> = BTreeSet::new();
        let mut ipv6 = 0usize;
        let mut propagated: Vec<Route> = Vec::new();
        let mut expanded: Vec<(String, Target, Vec<Ipv4Net>)> = Vec::new();
        for r in &t.routes {
            w.unknown_fields(tid, "route", &r.extra, aws::ROUTE_FIELDS_UNUSED);
            let dest_text = r
                .destination_cidr_block
                .clone()
                .or_else(|| r.destination_prefix_list_id.clone())
                .or_else(|| r.destination_ipv6_cidr_block.clone())
                .unwrap_or_default();
            let what = format!("{tid}: route {dest_text}");
            if r.destination_cidr_block.is_none() && r.destination_prefix_list_id.is_none() {
                if r.destination_ipv6_cidr_block.is_some() {
                    ipv6 += 1;
                } else {
                    w.push(
                        tid,
                        "aws_missing_input",
                        format!("{what}: no destination; left out"),
                    );
                }
                continue;
            }
            let blackhole = match r.state.as_deref() {
                None | Some("active") => false,
                Some("blackhole") => true,
                Some(other) => {
                    w.push(
                        tid,
                        "aws_unknown_value",
                        format!("{what}: State {other:?} unknown; taken as active"),
                    );
                    false
                }
            };
            let origin = r.origin.as_deref().unwrap_or("CreateRoute");
            if ![
                "CreateRouteTable",
                "CreateRoute",
                "EnableVgwRoutePropagation",
            ]
            .contains(&origin)
            {
                w.push(
                    tid,
                    "aws_unknown_value",
                    format!("{what}: Origin {origin:?} unknown; taken as CreateRoute"),
                );
            }

            // Without describe-vpc-endpoints, a prefix-list route to a vpce- of S3 or DynamoDB
            // still tells which gateway endpoint the table is attached to.
            if input.endpoints.is_empty()
                && let (Some(g), Some(pl)) = (
                    r.gateway_id.as_deref(),
                    r.destination_prefix_list_id.as_deref(),
                )
                && g.starts_with("vpce-")
                && let Some(svc) = pl_service(pl).filter(|s| s == "s3" || s == "dynamodb")
            {
                match gateway_endpoints.iter_mut().find(|e| e.id == g) {
                    Some(e) => e.route_tables.push(tid.to_string()),
                    None => {
                        w.push(
                            g,
                            "aws_missing_input",
                            format!(
                                "{g}: no describe-vpc-endpoints output; a gateway endpoint for {svc} is inferred from the prefix-list routes to it"
                            ),
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
            let hop = route_hop(r, endpoint_kind, &nat_ids, internet_gateway, &what, w);
            let target = match hop {
                Hop::Local => {
                    match r
                        .destination_cidr_block
                        .as_deref()
                        .and_then(|c| c.parse::<Ipv4Net>().ok())
                    {
                        Some(c) if cidrs.contains(&c) => {
                            local_seen.insert(c);
                        }
                        _ => w.push(
                            tid,
                            "aws_reconcile_mismatch",
                            format!(
                                "{what}: a local route for something that is not one of the VPC's CIDR blocks; the model derives local routes from the VPC's CIDRs, so it is left out"
                            ),
                        ),
                    }
                    continue;
                }
                Hop::GatewayEndpoint(e) if !blackhole => {
                    if let Some(pl) = &r.destination_prefix_list_id {
                        used_prefix_lists.insert(pl.clone());
                        let svc = gateway_endpoints
                            .iter()
                            .find(|g| g.id == e)
                            .map(|g| g.service.clone());
                        if let (Some(svc), Some(pl_svc)) = (&svc, pl_service(pl))
                            && *svc != pl_svc
                        {
                            w.push(
                                tid,
                                "aws_reconcile_mismatch",
                                format!(
                                    "{what} → {e}: the prefix list is {pl_svc}'s but the endpoint is for {svc}; the model derives {svc}'s"
                                ),
                            );
                        }
                        endpoint_routes.insert((e, tid.to_string()));
                    } else {
                        w.push(
                            tid,
                            "aws_reconcile_mismatch",
                            format!(
                                "{what} → gateway endpoint {e}: AWS routes to a gateway endpoint by its prefix list only; left out"
                            ),
                        );
                    }
                    continue;
                }
                Hop::GatewayEndpoint(_) => Target::Blackhole,
                Hop::NotModelled(why) => {
                    w.push(tid, "aws_not_modelled", format!("{what}: {why}; left out"));
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
                                    subnet_cidr[subnet.as_str()].contains(a)
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
                            tid,
                            "aws_missing_input",
                            format!(
                                "{what} → {eni}: the network interface is not in describe-network-interfaces output for this VPC; imported as a blackhole"
                            ),
                        );
                        Target::Blackhole
                    }
                },
                other => other,
            };

            let destination = if let Some(c) = &r.destination_cidr_block {
                match c.parse::<Ipv4Net>() {
                    Ok(n) => Destination::Cidr(n),
                    Err(_) => {
                        w.push(
                            tid,
                            "aws_bad_value",
                            format!("{what}: not an IPv4 CIDR; left out"),
                        );
                        continue;
                    }
                }
            } else {
                let pl = r.destination_prefix_list_id.clone().unwrap_or_default();
                used_prefix_lists.insert(pl.clone());
                match pl_service(&pl) {
                    Some(svc) if !pl_customer.contains(pl.as_str()) => Destination::PrefixList(svc),
                    _ => match pl_cidrs.get(pl.as_str()) {
                        Some(list) if !list.is_empty() => {
                            expanded.push((pl.clone(), target, list.clone()));
                            continue;
                        }
                        _ => {
                            w.push(
                                tid,
                                "aws_missing_input",
                                format!(
                                    "{what}: prefix list {pl} is neither an AWS service's nor one whose entries are given (get-managed-prefix-list-entries, file named after it); left out"
                                ),
                            );
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
            } else if table
                .routes
                .iter()
                .any(|x| x.destination == route.destination)
            {
                w.push(
                    tid,
                    "aws_reconcile_mismatch",
                    format!("{what}: listed twice; the first is kept"),
                );
            } else {
                table.routes.push(route);
            }
        }
        // A customer-managed prefix list stands for its entries. The model has no such
        // destination, so each entry becomes a CIDR route; a static route to the same CIDR wins,
        // as AWS's priority has it, and entries inside the VPC are ignored, as AWS ignores them.
        for (pl, target, list) in expanded {
            let mut kept = 0;
            for c in list {
                if cidrs.iter().any(|v| v.contains(&c) || c.contains(v))
                    || table
                        .routes
                        .iter()
                        .any(|x| x.destination == Destination::Cidr(c))
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
                tid,
                "aws_prefix_list_expanded",
                format!(
                    "{tid}: route to customer-managed prefix list {pl} imported as {kept} CIDR route{}; at equal prefix length AWS ranks them below static routes, the model as equals",
                    if kept == 1 { "" } else { "s" }
                ),
            );
        }
        if !propagated.is_empty() {
            let mut kept = 0;
            for r in propagated {
                if !table.routes.iter().any(|x| x.destination == r.destination) {
                    table.routes.push(r);
                    kept += 1;
                }
            }
            w.push(
                tid,
                "aws_not_modelled",
                format!(
                    "{tid}: {kept} route{} propagated by a virtual private gateway imported as static; the model has no propagated routes (AWS ranks them below static and prefix-list routes of equal length)",
                    if kept == 1 { "" } else { "s" }
                ),
            );
        }
        if ipv6 > 0 {
            w.push(
                tid,
                "aws_ipv6_not_modelled",
                format!(
                    "{tid}: {ipv6} IPv6 route{} left out; the model covers IPv4 only",
                    if ipv6 == 1 { "" } else { "s" }
                ),
            );
        }
        for c in cidrs {
            let replaced = table
                .routes
                .iter()
                .any(|r| r.destination == Destination::Cidr(*c));
            if !local_seen.contains(c) && !replaced {
                w.push(
                    tid,
                    "aws_reconcile_mismatch",
                    format!(
                        "{tid}: AWS lists no local route for {c}, which every route table has; the model derives it"
                    ),
                );
            }
        }
        route_tables.push(table);
    }
    if input.route_tables.is_empty() {
        w.push(
            vpc_id,
            "aws_missing_input",
            format!(
                "{vpc_id}: no `aws ec2 describe-route-tables` output, so there is no main route table"
            ),
        );
    }
    RouteTables {
        network_interfaces,
        route_tables,
        endpoint_routes,
        used_prefix_lists,
    }
}
