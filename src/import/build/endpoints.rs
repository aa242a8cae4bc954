//! VPC endpoints (`describe-vpc-endpoints`): gateway endpoints (aws-semantics.md §2), interface
//! endpoints and their ENIs (§3), and GWLB endpoints (§5).

use std::collections::{BTreeSet, HashMap};
use std::net::Ipv4Addr;

use super::{Facts, ServiceRef, Warn, service_ref, state_is};
use crate::import::aws;
use crate::model::{
    Destination, EndpointSubnet, GatewayEndpoint, GwlbEndpoint, InterfaceEndpoint, RouteTable,
    ServiceOverride,
};

/// The endpoints of the VPC, by kind.
pub(super) struct Endpoints<'a> {
    pub(super) gateway_endpoints: Vec<GatewayEndpoint>,
    pub(super) interface_endpoints: Vec<InterfaceEndpoint>,
    pub(super) gwlb_endpoints: Vec<GwlbEndpoint>,
    pub(super) service_overrides: Vec<ServiceOverride>,
    pub(super) endpoint_kind: HashMap<&'a str, &'a str>,
}

/// The VPC's endpoints that exist; `seen` holds the ids already imported.
pub(super) fn endpoints<'s>(
    facts: Facts<'s>,
    seen: &mut BTreeSet<&'s str>,
    w: &mut Warn,
) -> Endpoints<'s> {
    let Facts {
        input,
        vpc_id,
        region,
        services,
        subnet_ids,
        subnet_cidr,
        enis,
        ..
    } = facts;
    let in_vpc = |id: &str| id == vpc_id;
    let mut gateway_endpoints: Vec<GatewayEndpoint> = Vec::new();
    let mut interface_endpoints: Vec<InterfaceEndpoint> = Vec::new();
    let mut gwlb_endpoints: Vec<GwlbEndpoint> = Vec::new();
    let mut service_overrides: Vec<ServiceOverride> = Vec::new();
    let mut endpoint_kind: HashMap<&str, &str> = HashMap::new();
    let mut missing_enis = false;
    for e in input.endpoints.iter().filter(|e| in_vpc(&e.vpc_id)) {
        let id = e.vpc_endpoint_id.as_str();
        if !seen.insert(id) {
            continue;
        }
        w.unknown_fields(id, "VPC endpoint", &e.extra, aws::ENDPOINT_FIELDS_UNUSED);
        if let Some(d) = &e.dns_options {
            w.unknown_fields(
                id,
                "DnsOptions",
                &d.extra,
                &[
                    "DnsRecordIpType",
                    "PrivateDnsOnlyForInboundResolverEndpoint",
                ]
                .iter()
                .chain(aws::DNS_OPTIONS_FIELDS_UNUSED)
                .copied()
                .collect::<Vec<_>>(),
            );
        }
        let kind = e.vpc_endpoint_type.as_deref().unwrap_or("Gateway");
        let state = e.state.as_deref();
        if !state_is(state, &["available", "pending", "pendingAcceptance"]) {
            let known = state_is(
                state,
                &[
                    "deleting", "deleted", "rejected", "failed", "expired", "partial",
                ],
            );
            w.push(
                id,
                if known {
                    "aws_state_not_modelled"
                } else {
                    "aws_unknown_value"
                },
                format!(
                    "{id} is {}: left out; routes to it become blackholes",
                    state.unwrap_or("in no state")
                ),
            );
            continue;
        }
        if state_is(state, &["pending", "pendingAcceptance"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!(
                    "{id} is {}: imported as available",
                    state.unwrap_or_default()
                ),
            );
        }
        let service = e.service_name.as_deref().map(|s| service_ref(s, region));
        match kind {
            "Gateway" => {
                let Some(ServiceRef::Aws(svc)) = service
                    .filter(|s| matches!(s, ServiceRef::Aws(n) if n == "s3" || n == "dynamodb"))
                else {
                    w.push(
                        id,
                        "aws_not_modelled",
                        format!(
                            "{id}: gateway endpoint for {} — the model knows S3 and DynamoDB gateway endpoints in this Region only; left out",
                            e.service_name.as_deref().unwrap_or("no service")
                        ),
                    );
                    continue;
                };
                endpoint_kind.insert(id, "Gateway");
                gateway_endpoints.push(GatewayEndpoint {
                    policy: e.policy_document.as_deref().map(crate::model::Policy::json),
                    id: id.to_string(),
                    service: svc,
                    route_tables: e.route_table_ids.clone(),
                });
            }
            "Interface" => {
                let mut service_region: Option<String> = None;
                let name = match service {
                    // Cross-Region AWS PrivateLink: the catalogue's service, in that Region.
                    Some(ServiceRef::Remote {
                        service: s,
                        region: r,
                    }) if services.iter().any(|x| x.name == s) => {
                        service_region = Some(r);
                        s
                    }
                    Some(ServiceRef::Remote {
                        service: s,
                        region: r,
                    }) => {
                        w.push(
                            id,
                            "aws_not_modelled",
                            format!(
                                "{id}: interface endpoint for {s} in {r}, a service the catalogue does not know; left out"
                            ),
                        );
                        continue;
                    }
                    Some(ServiceRef::Aws(s)) => {
                        if !services.iter().any(|x| x.name == s)
                            && !service_overrides.iter().any(|o| o.name == s)
                        {
                            w.push(
                                id,
                                "aws_service_added",
                                format!(
                                    "{id}: {s} is not in the catalogue; added as a service reached only through its interface endpoint (no public CIDRs)"
                                ),
                            );
                            service_overrides.push(ServiceOverride {
                                name: s.clone(),
                                dns_name: None,
                                private_dns_supported: None,
                                gateway_endpoint: None,
                                interface_endpoint: None,
                                cidrs: None,
                            });
                        }
                        s
                    }
                    Some(ServiceRef::EndpointService(s)) | Some(ServiceRef::Other(s)) => {
                        if !service_overrides.iter().any(|o| o.name == s) {
                            w.push(
                                id,
                                "aws_service_added",
                                format!(
                                    "{id}: {s} is an endpoint service, not a catalogue service; added under that name with no public CIDRs, and its DNS name is a guess"
                                ),
                            );
                            service_overrides.push(ServiceOverride {
                                name: s.clone(),
                                dns_name: None,
                                private_dns_supported: Some(e.private_dns_enabled == Some(true)),
                                gateway_endpoint: None,
                                interface_endpoint: None,
                                cidrs: None,
                            });
                        }
                        s
                    }
                    None => {
                        w.push(
                            id,
                            "aws_missing_input",
                            format!("{id}: interface endpoint without ServiceName; left out"),
                        );
                        continue;
                    }
                };
                let mut private_dns = e.private_dns_enabled.unwrap_or(false);
                if private_dns
                    && services
                        .iter()
                        .any(|x| x.name == name && !x.private_dns_supported)
                {
                    w.push(
                        id,
                        "aws_reconcile_mismatch",
                        format!(
                            "{id}: PrivateDnsEnabled is true, but {name} interface endpoints have no private DNS; imported with private DNS off"
                        ),
                    );
                    private_dns = false;
                }
                let inbound_only = e
                    .dns_options
                    .as_ref()
                    .and_then(|d| d.private_dns_only_for_inbound_resolver_endpoint)
                    .unwrap_or(false);
                let mut endpoint_subnets = Vec::new();
                for s in &e.subnet_ids {
                    if !subnet_ids.contains(s.as_str()) {
                        w.push(
                            id,
                            "aws_missing_input",
                            format!("{id}: subnet {s} is not among the VPC's subnets; left out"),
                        );
                        continue;
                    }
                    let eni = e
                        .network_interface_ids
                        .iter()
                        .filter_map(|n| enis.get(n.as_str()))
                        .find(|n| n.subnet_id.as_deref() == Some(s.as_str()));
                    let ip = match eni {
                        None => {
                            missing_enis = true;
                            None
                        }
                        Some(n) => {
                            let ip = n
                                .private_ip_address
                                .as_deref()
                                .and_then(|a| a.parse::<Ipv4Addr>().ok());
                            match ip {
                                Some(a) if subnet_cidr[s.as_str()].contains(&a) => Some(a),
                                _ => {
                                    w.push(
                                        &n.network_interface_id,
                                        "aws_bad_value",
                                        format!(
                                            "{}: private IP {} of {id}'s network interface is not in subnet {s}; the model picks one",
                                            n.network_interface_id,
                                            n.private_ip_address.as_deref().unwrap_or("(none)")
                                        ),
                                    );
                                    None
                                }
                            }
                        }
                    };
                    endpoint_subnets.push(EndpointSubnet {
                        subnet: s.clone(),
                        ip,
                    });
                }
                endpoint_kind.insert(id, "Interface");
                interface_endpoints.push(InterfaceEndpoint {
                    policy: e.policy_document.as_deref().map(crate::model::Policy::json),
                    id: id.to_string(),
                    service: name,
                    subnets: endpoint_subnets,
                    private_dns,
                    private_dns_only_for_inbound_resolver_endpoint: inbound_only && private_dns,
                    region: service_region
                        .or_else(|| e.service_region.clone().filter(|r| r.as_str() != region)),
                    security_groups: Vec::new(),
                });
            }
            "GatewayLoadBalancer" => {
                let Some(subnet) = e
                    .subnet_ids
                    .iter()
                    .find(|s| subnet_ids.contains(s.as_str()))
                else {
                    w.push(
                        id,
                        "aws_missing_input",
                        format!(
                            "{id}: Gateway Load Balancer endpoint without a subnet of the VPC; left out"
                        ),
                    );
                    continue;
                };
                endpoint_kind.insert(id, "GatewayLoadBalancer");
                gwlb_endpoints.push(GwlbEndpoint {
                    id: id.to_string(),
                    subnet: subnet.clone(),
                    appliances_up: true,
                });
            }
            "Resource" | "ServiceNetwork" => {
                w.push(
                    id,
                    "aws_not_modelled",
                    format!("{id}: {kind} endpoints (VPC Lattice) are not modelled; left out"),
                );
            }
            other => {
                w.push(
                    id,
                    "aws_unknown_value",
                    format!("{id}: VpcEndpointType {other:?} unknown; left out"),
                );
            }
        }
    }
    if missing_enis {
        w.push(
            vpc_id,
            "aws_missing_input",
            format!(
                "{vpc_id}: some interface-endpoint network interfaces are not in describe-network-interfaces output, so the model picks their addresses"
            ),
        );
    }
    if !gwlb_endpoints.is_empty() {
        w.push(
            vpc_id,
            "aws_not_modelled",
            format!(
                "{vpc_id}: EC2's output does not say whether the appliances behind the Gateway Load Balancer endpoints are healthy; they are taken as healthy and stateful (set gateway_load_balancers in the scenario to change that)"
            ),
        );
    }
    Endpoints {
        gateway_endpoints,
        interface_endpoints,
        gwlb_endpoints,
        service_overrides,
        endpoint_kind,
    }
}

/// Gateway endpoints: the tables they list against the routes AWS shows.
pub(super) fn reconcile_gateway_endpoints(
    gateway_endpoints: &mut [GatewayEndpoint],
    route_tables: &[RouteTable],
    endpoint_routes: &BTreeSet<(String, String)>,
    w: &mut Warn,
) {
    let table_ids: BTreeSet<String> = route_tables.iter().map(|t| t.id.clone()).collect();
    for g in gateway_endpoints.iter_mut() {
        let mut listed: Vec<String> = Vec::new();
        for t in &g.route_tables {
            if !table_ids.contains(t) {
                w.push(
                    &g.id,
                    "aws_missing_input",
                    format!(
                        "{}: route table {t} is not among the VPC's tables; left out",
                        g.id
                    ),
                );
            } else if route_tables.iter().any(|x| {
                &x.id == t
                    && x.routes
                        .iter()
                        .any(|r| r.destination == Destination::PrefixList(g.service.clone()))
            }) {
                // The table's own route for the prefix list (a blackhole in AWS's output) stands;
                // a derived one beside it would be a second route for one destination.
                w.push(
                    &g.id,
                    "aws_reconcile_mismatch",
                    format!(
                        "{}: lists route table {t}, but {t}'s route for {}'s prefix list does not lead to it; that route is kept and the table is not attached",
                        g.id, g.service
                    ),
                );
            } else if !endpoint_routes.contains(&(g.id.clone(), t.clone())) {
                w.push(
                    &g.id,
                    "aws_reconcile_mismatch",
                    format!(
                        "{}: lists route table {t}, but {t} has no route to it; the model derives the route",
                        g.id
                    ),
                );
                listed.push(t.clone());
            } else {
                listed.push(t.clone());
            }
        }
        for (e, t) in endpoint_routes {
            if *e == g.id && !listed.contains(t) {
                w.push(
                    &g.id,
                    "aws_reconcile_mismatch",
                    format!(
                        "{}: {t} has a route to it, but the endpoint does not list {t}; the table is added to the endpoint",
                        g.id
                    ),
                );
                listed.push(t.clone());
            }
        }
        g.route_tables = listed;
    }
}
