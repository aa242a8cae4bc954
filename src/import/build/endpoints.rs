//! VPC endpoints (`describe-vpc-endpoints`): gateway endpoints (aws-semantics.md §2), interface
//! endpoints and their ENIs (§3), and GWLB endpoints (§5).

use std::collections::{BTreeSet, HashMap};
use std::net::Ipv4Addr;

use super::{Facts, ServiceRef, Warn, service_ref, state_is, warning};
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
        w.unknown_fields(
            || warning(id, "aws_unknown_field", "endpoint"),
            &e.extra,
            aws::ENDPOINT_FIELDS_UNUSED,
        );
        if let Some(d) = &e.dns_options {
            w.unknown_fields(
                || warning(id, "aws_unknown_field", "dns_options"),
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
            w.push(match state {
                Some(state) if known => {
                    warning(id, "aws_state_not_modelled", "endpoint_gone").s("state", state)
                }
                Some(state) => warning(id, "aws_unknown_value", "endpoint_state").s("value", state),
                None => warning(id, "aws_unknown_value", "endpoint_no_state"),
            });
            continue;
        }
        if state_is(state, &["pending", "pendingAcceptance"]) {
            w.push(
                warning(id, "aws_state_not_modelled", "endpoint_pending")
                    .s("state", state.unwrap_or_default()),
            );
        }
        let service = e.service_name.as_deref().map(|s| service_ref(s, region));
        match kind {
            "Gateway" => {
                // S3 Express One Zone (com.amazonaws.REGION.s3express) is an optional catalogue
                // service: the scenario opts into it.
                let gateway =
                    |n: &str| n == "s3" || n == "dynamodb" || n == crate::model::S3EXPRESS;
                let Some(ServiceRef::Aws(svc)) =
                    service.filter(|s| matches!(s, ServiceRef::Aws(n) if gateway(n)))
                else {
                    w.push(match e.service_name.as_deref() {
                        Some(name) => warning(id, "aws_not_modelled", "gateway_endpoint_service")
                            .s("service", name),
                        None => warning(id, "aws_not_modelled", "gateway_endpoint_no_service"),
                    });
                    continue;
                };
                if svc == crate::model::S3EXPRESS
                    && !service_overrides.iter().any(|o| o.name == svc)
                {
                    service_overrides.push(ServiceOverride {
                        name: svc.clone(),
                        dns_name: None,
                        private_dns_supported: None,
                        gateway_endpoint: None,
                        interface_endpoint: None,
                        cidrs: None,
                    });
                }
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
                            warning(id, "aws_not_modelled", "remote_service")
                                .s("service", s)
                                .s("region", r),
                        );
                        continue;
                    }
                    Some(ServiceRef::Aws(s)) => {
                        if !services.iter().any(|x| x.name == s)
                            && !service_overrides.iter().any(|o| o.name == s)
                        {
                            w.push(
                                warning(id, "aws_service_added", "unknown_service")
                                    .s("service", &s),
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
                                warning(id, "aws_service_added", "endpoint_service")
                                    .s("service", &s),
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
                        w.push(warning(
                            id,
                            "aws_missing_input",
                            "interface_endpoint_no_service",
                        ));
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
                        warning(id, "aws_reconcile_mismatch", "private_dns").s("service", &name),
                    );
                    private_dns = false;
                }
                let inbound_only = e
                    .dns_options
                    .as_ref()
                    .and_then(|d| d.private_dns_only_for_inbound_resolver_endpoint)
                    .unwrap_or(false);
                let endpoint_subnets = endpoint_subnets(e, facts, &mut missing_enis, w);
                endpoint_kind.insert(id, "Interface");
                let (ip_address_type, dns_record_ip_type) = super::ipv6::endpoint_types(e, w);
                interface_endpoints.push(InterfaceEndpoint {
                    policy: e.policy_document.as_deref().map(crate::model::Policy::json),
                    lattice: None,
                    id: id.to_string(),
                    service: name,
                    subnets: endpoint_subnets,
                    private_dns,
                    private_dns_only_for_inbound_resolver_endpoint: inbound_only && private_dns,
                    ip_address_type,
                    dns_record_ip_type,
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
                    w.push(warning(id, "aws_missing_input", "gwlb_endpoint_subnet"));
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
                let Some((endpoint, added)) =
                    super::lattice::endpoint(e, kind, facts, &mut missing_enis, w)
                else {
                    continue;
                };
                for o in added {
                    if !service_overrides.iter().any(|x| x.name == o.name) {
                        service_overrides.push(o);
                    }
                }
                endpoint_kind.insert(id, "Interface");
                interface_endpoints.push(endpoint);
            }
            other => {
                w.push(warning(id, "aws_unknown_value", "endpoint_type").s("value", other));
            }
        }
    }
    if missing_enis {
        w.push(warning(vpc_id, "aws_missing_input", "endpoint_enis"));
    }
    if !gwlb_endpoints.is_empty() {
        w.push(warning(vpc_id, "aws_not_modelled", "gwlb_health"));
    }
    Endpoints {
        gateway_endpoints,
        interface_endpoints,
        gwlb_endpoints,
        service_overrides,
        endpoint_kind,
    }
}

/// The endpoint's subnets of the VPC, each with its network interface's address when
/// `describe-network-interfaces` gives it (`missing`: some interface was not in the input).
pub(super) fn endpoint_subnets(
    e: &aws::VpcEndpoint,
    facts: Facts<'_>,
    missing: &mut bool,
    w: &mut Warn,
) -> Vec<EndpointSubnet> {
    let Facts {
        subnet_ids,
        subnet_cidr,
        subnet_ipv6,
        enis,
        ..
    } = facts;
    let id = e.vpc_endpoint_id.as_str();
    let mut endpoint_subnets = Vec::new();
    for s in &e.subnet_ids {
        if !subnet_ids.contains(s.as_str()) {
            w.push(warning(id, "aws_missing_input", "endpoint_subnet").s("subnet", s));
            continue;
        }
        let eni = e
            .network_interface_ids
            .iter()
            .filter_map(|n| enis.get(n.as_str()))
            .find(|n| n.subnet_id.as_deref() == Some(s.as_str()));
        let ip = match (eni, subnet_cidr.get(s.as_str())) {
            (None, _) => {
                *missing = true;
                None
            }
            // An IPv6-only subnet without an IPv4 block: the interface has no IPv4 address.
            (Some(_), None) => None,
            (Some(n), Some(cidr)) => {
                let ip = n
                    .private_ip_address
                    .as_deref()
                    .and_then(|a| a.parse::<Ipv4Addr>().ok());
                match ip {
                    Some(a) if cidr.contains(&a) => Some(a),
                    _ => {
                        let eni = &n.network_interface_id;
                        w.push(
                            match n.private_ip_address.as_deref() {
                                Some(a) => warning(eni, "aws_bad_value", "endpoint_ip").s("ip", a),
                                None => warning(eni, "aws_bad_value", "endpoint_no_ip"),
                            }
                            .s("endpoint", id)
                            .s("subnet", s),
                        );
                        None
                    }
                }
            }
        };
        let ipv6 = eni.and_then(|n| eni_ipv6(n, id, s, subnet_ipv6.get(s.as_str()), w));
        endpoint_subnets.push(EndpointSubnet {
            subnet: s.clone(),
            ip,
            ipv6,
        });
    }
    endpoint_subnets
}

/// An endpoint interface's IPv6 address (`Ipv6Addresses`, the primary one first): one that does
/// not parse, or lies outside the subnet's imported IPv6 block, is reported and left out (the
/// model then names the subnet's block).
fn eni_ipv6(
    n: &aws::NetworkInterface,
    endpoint: &str,
    subnet: &str,
    block: Option<&ipnet::Ipv6Net>,
    w: &mut Warn,
) -> Option<std::net::Ipv6Addr> {
    let text = n
        .ipv6_addresses
        .iter()
        .filter(|a| a.is_primary_ipv6 == Some(true))
        .chain(&n.ipv6_addresses)
        .find_map(|a| a.ipv6_address.as_deref())?;
    let eni = &n.network_interface_id;
    let a = super::ipv6::address(eni, Some(text), w)?;
    if block.is_some_and(|b| b.contains(&a)) {
        Some(a)
    } else {
        w.push(
            warning(eni, "aws_bad_value", "endpoint_ipv6")
                .s("ip", text)
                .s("endpoint", endpoint)
                .s("subnet", subnet),
        );
        None
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
                w.push(warning(&g.id, "aws_missing_input", "endpoint_table").s("table", t));
            } else if route_tables.iter().any(|x| {
                &x.id == t
                    && x.routes
                        .iter()
                        .any(|r| r.destination == Destination::PrefixList(g.service.clone()))
            }) {
                // The table's own route for the prefix list (a blackhole in AWS's output) stands;
                // a derived one beside it would be a second route for one destination.
                w.push(
                    warning(
                        &g.id,
                        "aws_reconcile_mismatch",
                        "endpoint_table_other_route",
                    )
                    .s("table", t)
                    .s("service", &g.service),
                );
            } else if !endpoint_routes.contains(&(g.id.clone(), t.clone())) {
                w.push(
                    warning(&g.id, "aws_reconcile_mismatch", "endpoint_table_no_route")
                        .s("table", t),
                );
                listed.push(t.clone());
            } else {
                listed.push(t.clone());
            }
        }
        for (e, t) in endpoint_routes {
            if *e == g.id && !listed.contains(t) {
                w.push(
                    warning(&g.id, "aws_reconcile_mismatch", "endpoint_table_unlisted")
                        .s("table", t),
                );
                listed.push(t.clone());
            }
        }
        g.route_tables = listed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eni(addresses: &[(&str, Option<bool>)]) -> aws::NetworkInterface {
        aws::NetworkInterface {
            network_interface_id: "eni-1".into(),
            ipv6_addresses: addresses
                .iter()
                .map(|&(a, primary)| aws::NetworkInterfaceIpv6Address {
                    ipv6_address: Some(a.into()),
                    is_primary_ipv6: primary,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn an_endpoint_interface_keeps_its_primary_ipv6_address_inside_the_subnet_block() {
        let block: ipnet::Ipv6Net = "2600:1f18::/64".parse().unwrap();
        let mut d = Vec::new();
        let mut w = Warn(&mut d);
        let n = eni(&[("2600:1f18::7", None), ("2600:1f18::9", Some(true))]);
        assert_eq!(
            eni_ipv6(&n, "vpce-1", "subnet-a", Some(&block), &mut w),
            Some("2600:1f18::9".parse().unwrap())
        );
        assert_eq!(
            eni_ipv6(&eni(&[]), "vpce-1", "subnet-a", Some(&block), &mut w),
            None
        );
        assert!(d.is_empty(), "{d:?}");
        // Outside the block, or a subnet without an imported block: reported, left out.
        let mut w = Warn(&mut d);
        let outside = eni(&[("2600:1f19::9", None)]);
        assert_eq!(
            eni_ipv6(&outside, "vpce-1", "subnet-a", Some(&block), &mut w),
            None
        );
        assert_eq!(eni_ipv6(&outside, "vpce-1", "subnet-a", None, &mut w), None);
        let bad = eni(&[("not-an-address", None)]);
        assert_eq!(
            eni_ipv6(&bad, "vpce-1", "subnet-a", Some(&block), &mut w),
            None
        );
        // Three warnings of one rule (the bad-value rule, whose sentence is checked below).
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(d.iter().all(|x| x.rule == d[0].rule), "{d:?}");
        let text = crate::explain::diagnostic(crate::explain::Lang::En, &d[0]);
        assert!(text.contains("IPv6 address 2600:1f19::9 of vpce-1's network interface is not in the IPv6 block of subnet subnet-a"), "{text}");
    }
}
