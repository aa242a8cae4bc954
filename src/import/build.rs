//! From what the files hold to a [`Scenario`] for one VPC. Each step keeps what the model knows and
//! says, with a warning naming the resource, what it leaves out or changes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::aws::{self, name_tag};
use super::{ImportError, Input};
use crate::model::catalogue;
use crate::model::{
    AvailabilityMode, AvailabilityZone, Destination, Diagnostic, EndpointSubnet, GatewayEndpoint,
    GwlbEndpoint, Instance, InterfaceEndpoint, InternetGateway, NatConnectivity, NatGateway,
    NetworkInterface, Route, RouteTable, Scenario, ServiceOverride, Subnet, Target, Vpc, WhatIf,
};

/// Collects warnings; `object` is the AWS resource id (or the file) the warning is about.
struct Warn<'a>(&'a mut Vec<Diagnostic>);

impl Warn<'_> {
    fn push(&mut self, object: &str, rule: &'static str, message: String) {
        self.0.push(Diagnostic::warning_text(object, rule, message));
    }

    /// Fields an object carries that neither the importer nor the API reference it was written
    /// against knows: a newer API, or not the output of the call it looks like.
    fn unknown_fields(&mut self, object: &str, what: &str, extra: &aws::Extra, known: &[&str]) {
        let unknown: Vec<&str> = extra
            .keys()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect();
        if !unknown.is_empty() {
            self.push(
                object,
                "aws_unknown_field",
                format!(
                    "{object}: {what} field{} {} not in the EC2 API reference the importer follows; ignored",
                    if unknown.len() == 1 { "" } else { "s" },
                    unknown.join(", ")
                ),
            );
        }
    }
}

fn state_is(state: Option<&str>, values: &[&str]) -> bool {
    state.is_some_and(|s| values.iter().any(|v| v.eq_ignore_ascii_case(s)))
}

/// The Region, from the AZ descriptions, else from a subnet's AZ name (`us-east-1a`).
fn region(input: &Input, subnets: &[&aws::Subnet]) -> Option<String> {
    // The Region of the subnets' AZs first: an AZ file may come from another Region.
    let of_subnets = subnets.iter().find_map(|s| {
        input
            .zones
            .iter()
            .find(|z| z.zone_name == s.availability_zone)
            .and_then(|z| z.region_name.clone())
    });
    if of_subnets.is_some() {
        return of_subnets;
    }
    if let Some(s) = subnets.first() {
        let az = &s.availability_zone;
        let r = az.trim_end_matches(|c: char| c.is_ascii_lowercase());
        if !r.is_empty() && r != az {
            return Some(r.to_string());
        }
    }
    input.zones.iter().find_map(|z| z.region_name.clone())
}

/// What an endpoint's `ServiceName` names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ServiceRef {
    /// `com.amazonaws.<region>.<service>`: an AWS service in this Region.
    Aws(String),
    /// `com.amazonaws.vpce.<region>.vpce-svc-…`: a PrivateLink endpoint service.
    EndpointService(String),
    /// Anything else (another Region, `aws.sagemaker.…`): kept whole.
    Other(String),
}

fn service_ref(name: &str, region: &str) -> ServiceRef {
    let aws = format!("com.amazonaws.{region}.");
    let vpce = format!("com.amazonaws.vpce.{region}.");
    if let Some(s) = name.strip_prefix(&vpce) {
        ServiceRef::EndpointService(s.to_string())
    } else if let Some(s) = name.strip_prefix(&aws) {
        ServiceRef::Aws(s.to_string())
    } else {
        ServiceRef::Other(name.to_string())
    }
}

/// A route target as AWS lists it, before the model's derivation is taken out.
enum Hop {
    /// `GatewayId: local`: derived by the model.
    Local,
    /// A gateway endpoint's prefix-list route: derived by the model from the endpoint.
    GatewayEndpoint(String),
    Target(Target),
    /// A target the model has no kind for.
    NotModelled(String),
}

/// Build the scenario for one VPC of `input`.
pub fn build(
    input: &Input,
    vpc: Option<&str>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Scenario, ImportError> {
    let mut w = Warn(warnings);

    // --- The VPC.
    let mut vpcs: Vec<&aws::Vpc> = Vec::new();
    for v in &input.vpcs {
        if !vpcs.iter().any(|x| x.vpc_id == v.vpc_id) {
            vpcs.push(v);
        }
    }
    let shown = |v: &aws::Vpc| match name_tag(&v.tags) {
        Some(n) => format!("{} ({n})", v.vpc_id),
        None => v.vpc_id.clone(),
    };
    let the_vpc: &aws::Vpc = match vpc {
        Some(id) => {
            let by_id = vpcs.iter().copied().find(|v| v.vpc_id == id);
            let by_name: Vec<&aws::Vpc> = vpcs
                .iter()
                .copied()
                .filter(|v| name_tag(&v.tags).as_deref() == Some(id))
                .collect();
            match (by_id, by_name.as_slice()) {
                (Some(v), _) => v,
                (None, [v]) => v,
                (None, []) => {
                    return Err(ImportError::UnknownVpc {
                        wanted: id.to_string(),
                        known: vpcs.iter().map(|v| shown(v)).collect(),
                    });
                }
                (None, several) => {
                    return Err(ImportError::SeveralVpcs(
                        several.iter().map(|v| shown(v)).collect(),
                    ));
                }
            }
        }
        None => match vpcs.as_slice() {
            [] => return Err(ImportError::NoVpc),
            [one] => one,
            several => {
                return Err(ImportError::SeveralVpcs(
                    several.iter().map(|v| shown(v)).collect(),
                ));
            }
        },
    };
    let vpc_id = the_vpc.vpc_id.as_str();
    let in_vpc = |id: &str| id == vpc_id;

    let mut cidrs: Vec<Ipv4Net> = Vec::new();
    let mut add_cidr = |c: &str, w: &mut Warn| match c.parse::<Ipv4Net>() {
        Ok(n) if !cidrs.contains(&n) => cidrs.push(n),
        Ok(_) => {}
        Err(_) => w.push(
            vpc_id,
            "aws_bad_value",
            format!("{vpc_id}: CIDR block {c:?} is not an IPv4 CIDR; ignored"),
        ),
    };
    if let Some(c) = &the_vpc.cidr_block {
        add_cidr(c, &mut w);
    }
    for a in &the_vpc.cidr_block_association_set {
        let state = a.cidr_block_state.as_ref().and_then(|s| s.state.as_deref());
        if state.is_none() || state_is(state, &["associated"]) {
            add_cidr(&a.cidr_block, &mut w);
        } else {
            w.push(
                vpc_id,
                "aws_state_not_modelled",
                format!(
                    "{vpc_id}: CIDR block {} is {}, not associated; left out",
                    a.cidr_block,
                    state.unwrap_or_default()
                ),
            );
        }
    }
    if !the_vpc.ipv6_cidr_block_association_set.is_empty() {
        w.push(
            vpc_id,
            "aws_ipv6_not_modelled",
            format!(
                "{vpc_id} has IPv6 CIDR blocks: the model covers IPv4 only, so IPv6 routes and addresses are left out"
            ),
        );
    }

    let attribute = |f: fn(&aws::DescribeVpcAttribute) -> Option<bool>| {
        input
            .attributes
            .iter()
            .filter(|a| a.vpc_id.is_empty() || a.vpc_id == vpc_id)
            .find_map(f)
    };
    let dns_support = attribute(|a| a.enable_dns_support.as_ref().and_then(|v| v.value));
    let dns_hostnames = attribute(|a| a.enable_dns_hostnames.as_ref().and_then(|v| v.value));
    for (value, name) in [
        (dns_support, "enableDnsSupport"),
        (dns_hostnames, "enableDnsHostnames"),
    ] {
        if value.is_none() {
            w.push(
                vpc_id,
                "aws_missing_input",
                format!(
                    "{vpc_id}: no `aws ec2 describe-vpc-attribute --attribute {name}` output, so {name} is taken as true; a VPC you create yourself has enableDnsHostnames off"
                ),
            );
        }
    }

    // --- Subnets and AZs.
    let mut aws_subnets: Vec<&aws::Subnet> = Vec::new();
    for s in input.subnets.iter().filter(|s| in_vpc(&s.vpc_id)) {
        if !aws_subnets.iter().any(|x| x.subnet_id == s.subnet_id) {
            aws_subnets.push(s);
        }
    }
    if input.subnets.is_empty() {
        w.push(
            vpc_id,
            "aws_missing_input",
            format!("{vpc_id}: no `aws ec2 describe-subnets` output, so the VPC has no subnets"),
        );
    }
    let region = match region(input, &aws_subnets) {
        Some(r) => r,
        None => {
            w.push(
                vpc_id,
                "aws_missing_input",
                format!(
                    "{vpc_id}: neither describe-availability-zones nor a subnet says the Region; us-east-1 is assumed"
                ),
            );
            "us-east-1".to_string()
        }
    };
    let services = catalogue::resolve(&region, &[]);
    let mut subnets: Vec<Subnet> = Vec::new();
    let mut azs: BTreeMap<String, Option<String>> = BTreeMap::new();
    for s in &aws_subnets {
        let Some(cidr) = s
            .cidr_block
            .as_deref()
            .and_then(|c| c.parse::<Ipv4Net>().ok())
        else {
            w.push(
                &s.subnet_id,
                "aws_ipv6_not_modelled",
                format!(
                    "{}: no IPv4 CIDR block (an IPv6-only subnet); left out",
                    s.subnet_id
                ),
            );
            continue;
        };
        let zone_id = s.availability_zone_id.clone().or_else(|| {
            input
                .zones
                .iter()
                .find(|z| z.zone_name == s.availability_zone)
                .and_then(|z| z.zone_id.clone())
        });
        let entry = azs.entry(s.availability_zone.clone()).or_default();
        if entry.is_none() {
            *entry = zone_id;
        }
        subnets.push(Subnet {
            id: s.subnet_id.clone(),
            name: name_tag(&s.tags),
            az: s.availability_zone.clone(),
            cidr,
        });
    }
    let subnet_ids: BTreeSet<&str> = subnets.iter().map(|s| s.id.as_str()).collect();
    let subnet_cidr: HashMap<&str, Ipv4Net> =
        subnets.iter().map(|s| (s.id.as_str(), s.cidr)).collect();
    let availability_zones: Vec<AvailabilityZone> = azs
        .into_iter()
        .map(|(name, id)| AvailabilityZone { name, id })
        .collect();

    // --- Internet gateway.
    let internet_gateway = input
        .internet_gateways
        .iter()
        .find(|g| g.attachments.iter().any(|a| in_vpc(&a.vpc_id)))
        .map(|g| InternetGateway {
            id: g.internet_gateway_id.clone(),
        });
    let mut internet_gateway = internet_gateway;

    // --- NAT gateways.
    let mut nat_gateways: Vec<NatGateway> = Vec::new();
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    for n in input.nat_gateways.iter().filter(|n| in_vpc(&n.vpc_id)) {
        let id = n.nat_gateway_id.as_str();
        if !seen.insert(id) {
            continue;
        }
        w.unknown_fields(id, "NAT gateway", &n.extra, aws::NAT_FIELDS_UNUSED);
        let state = n.state.as_deref();
        if state_is(state, &["failed", "deleting", "deleted"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!(
                    "{id} is {}{}: left out, and routes to it become blackholes, as AWS shows them",
                    state.unwrap_or_default(),
                    n.failure_code
                        .as_deref()
                        .map(|c| format!(" ({c})"))
                        .unwrap_or_default()
                ),
            );
            continue;
        }
        if !state_is(state, &["available", "pending"]) {
            w.push(
                id,
                "aws_unknown_value",
                format!(
                    "{id}: State {:?} is not a NAT gateway state the importer knows; imported as available",
                    state.unwrap_or_default()
                ),
            );
        } else if state_is(state, &["pending"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!("{id} is still pending: imported as available"),
            );
        }
        let connectivity = match n.connectivity_type.as_deref() {
            None | Some("public") => NatConnectivity::Public,
            Some("private") => NatConnectivity::Private,
            Some(other) => {
                w.push(
                    id,
                    "aws_unknown_value",
                    format!("{id}: ConnectivityType {other:?} unknown; imported as public"),
                );
                NatConnectivity::Public
            }
        };
        let availability_mode = match n.availability_mode.as_deref() {
            None | Some("zonal") => AvailabilityMode::Zonal,
            Some("regional") => AvailabilityMode::Regional,
            Some(other) => {
                w.push(
                    id,
                    "aws_unknown_value",
                    format!("{id}: AvailabilityMode {other:?} unknown; imported as zonal"),
                );
                AvailabilityMode::Zonal
            }
        };
        let subnet = match availability_mode {
            AvailabilityMode::Regional => None,
            AvailabilityMode::Zonal => match n.subnet_id.as_deref() {
                Some(s) if subnet_ids.contains(s) => Some(s.to_string()),
                other => {
                    w.push(
                        id,
                        "aws_missing_input",
                        format!(
                            "{id}: zonal NAT gateway in subnet {} which is not among the VPC's subnets; left out",
                            other.unwrap_or("(none)")
                        ),
                    );
                    continue;
                }
            },
        };
        nat_gateways.push(NatGateway {
            id: id.to_string(),
            name: name_tag(&n.tags),
            subnet,
            connectivity,
            availability_mode,
        });
    }

    // --- Network interfaces by id (endpoint ENIs, appliances, NAT instances).
    let enis: HashMap<&str, &aws::NetworkInterface> = input
        .network_interfaces
        .iter()
        .map(|n| (n.network_interface_id.as_str(), n))
        .collect();

    // --- Prefix lists: id → (name, CIDRs).
    let mut pl_name: HashMap<&str, &str> = HashMap::new();
    let mut pl_cidrs: HashMap<&str, Vec<Ipv4Net>> = HashMap::new();
    let mut pl_customer: BTreeSet<&str> = BTreeSet::new();
    for p in &input.prefix_lists {
        if let Some(n) = &p.prefix_list_name {
            pl_name.insert(&p.prefix_list_id, n);
        }
        if p.owner_id.as_deref().is_some_and(|o| o != "AWS") {
            pl_customer.insert(&p.prefix_list_id);
        }
        if let Some(c) = &p.cidrs {
            pl_cidrs.insert(
                &p.prefix_list_id,
                c.iter().filter_map(|c| c.parse().ok()).collect(),
            );
        }
    }
    for (id, entries) in &input.entries {
        pl_cidrs.insert(id, entries.iter().filter_map(|c| c.parse().ok()).collect());
    }
    // The catalogue service an AWS-managed prefix list stands for (`com.amazonaws.<region>.s3`).
    let pl_service = |pl: &str| -> Option<String> {
        match service_ref(pl_name.get(pl)?, &region) {
            ServiceRef::Aws(s) if services.iter().any(|x| x.name == s) => Some(s),
            _ => None,
        }
    };

    // --- Endpoints.
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
        let service = e.service_name.as_deref().map(|s| service_ref(s, &region));
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
                    id: id.to_string(),
                    service: svc,
                    route_tables: e.route_table_ids.clone(),
                });
            }
            "Interface" => {
                let name = match service {
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
                    id: id.to_string(),
                    service: name,
                    subnets: endpoint_subnets,
                    private_dns,
                    private_dns_only_for_inbound_resolver_endpoint: inbound_only && private_dns,
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

    // --- Instances.
    let mut instances: Vec<Instance> = Vec::new();
    for i in &input.instances {
        if i.vpc_id.as_deref() != Some(vpc_id) {
            continue;
        }
        let id = i.instance_id.as_str();
        if !seen.insert(id) {
            continue;
        }
        let state = i.state.as_ref().and_then(|s| s.name.as_deref());
        if state_is(state, &["terminated", "shutting-down"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!("{id} is {}: left out", state.unwrap_or_default()),
            );
            continue;
        }
        if state_is(state, &["stopped", "stopping"]) {
            w.push(
                id,
                "aws_state_not_modelled",
                format!(
                    "{id} is {}: imported as if running (its paths are the ones it gets when started)",
                    state.unwrap_or_default()
                ),
            );
        } else if !state_is(state, &["running", "pending"]) {
            w.push(
                id,
                "aws_unknown_value",
                format!(
                    "{id}: instance state {:?} unknown; imported as running",
                    state.unwrap_or_default()
                ),
            );
        }
        let Some(subnet) = i.subnet_id.as_deref().filter(|s| subnet_ids.contains(s)) else {
            w.push(
                id,
                "aws_missing_input",
                format!("{id}: its subnet is not among the VPC's subnets; left out"),
            );
            continue;
        };
        if i.network_interfaces.len() > 1 {
            w.push(
                id,
                "aws_not_modelled",
                format!(
                    "{id} has {} network interfaces: the model uses the primary one (its SubnetId and PrivateIpAddress)",
                    i.network_interfaces.len()
                ),
            );
        }
        let private_ip = i
            .private_ip_address
            .as_deref()
            .and_then(|a| a.parse::<Ipv4Addr>().ok());
        let private_ip = match private_ip {
            Some(a) if !subnet_cidr[subnet].contains(&a) => {
                w.push(
                    id,
                    "aws_bad_value",
                    format!("{id}: private IP {a} is not in its subnet {subnet}; left out"),
                );
                None
            }
            other => other,
        };
        instances.push(Instance {
            id: id.to_string(),
            name: name_tag(&i.tags),
            subnet: subnet.to_string(),
            private_ip,
            public_ip: i.public_ip_address.is_some(),
        });
    }
    let mut names: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &instances {
        if let Some(n) = &i.name {
            *names.entry(n).or_default() += 1;
        }
    }
    for (n, count) in names.iter().filter(|(_, c)| **c > 1) {
        w.push(
            n,
            "aws_ambiguous_name",
            format!("{count} instances are named {n}: use an instance id in --from"),
        );
    }

    // --- Route tables.
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
            routes: Vec::new(),
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
                            id: g.to_string(),
                            service: svc,
                            route_tables: vec![tid.to_string()],
                        });
                    }
                }
            }
            let hop = route_hop(
                r,
                &endpoint_kind,
                &nat_ids,
                &mut internet_gateway,
                &what,
                &mut w,
            );
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
        for c in &cidrs {
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

    // Gateway endpoints: the tables they list against the routes AWS shows.
    let table_ids: BTreeSet<String> = route_tables.iter().map(|t| t.id.clone()).collect();
    for g in &mut gateway_endpoints {
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
        for (e, t) in &endpoint_routes {
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

    // Prefix-list entries of a catalogue service (S3, DynamoDB) replace the catalogue's CIDRs.
    let mut overridden: BTreeSet<String> = BTreeSet::new();
    let gateway_services: BTreeSet<&str> = gateway_endpoints
        .iter()
        .map(|g| g.service.as_str())
        .collect();
    for (pl, name) in &pl_name {
        let Some(svc) = pl_service(pl) else { continue };
        let used = used_prefix_lists.contains(*pl) || gateway_services.contains(svc.as_str());
        let Some(list) = pl_cidrs.get(pl).filter(|l| !l.is_empty()) else {
            continue;
        };
        if !used || overridden.contains(&svc) {
            continue;
        }
        let catalogue_cidrs: BTreeSet<Ipv4Net> = services
            .iter()
            .find(|s| s.name == svc)
            .map(|s| s.cidrs.iter().copied().collect())
            .unwrap_or_default();
        let mut list: Vec<Ipv4Net> = list
            .iter()
            .copied()
            .filter(|c| !cidrs.iter().any(|v| v.contains(c)))
            .collect();
        list.sort();
        list.dedup();
        if list.iter().copied().collect::<BTreeSet<_>>() != catalogue_cidrs {
            w.push(
                pl,
                "aws_service_cidrs",
                format!(
                    "{pl} ({name}): {svc}'s CIDRs taken from the prefix list ({} entr{}) instead of the catalogue's",
                    list.len(),
                    if list.len() == 1 { "y" } else { "ies" }
                ),
            );
            overridden.insert(svc.clone());
            service_overrides.push(ServiceOverride {
                name: svc,
                dns_name: None,
                private_dns_supported: None,
                gateway_endpoint: None,
                interface_endpoint: None,
                cidrs: Some(list),
            });
        }
    }

    let title = match name_tag(&the_vpc.tags) {
        Some(n) => format!("{vpc_id} ({n}), imported from AWS"),
        None => format!("{vpc_id}, imported from AWS"),
    };
    Ok(Scenario {
        title: Some(title),
        description: Some(format!(
            "Imported with `vpc-tui import aws` from the AWS CLI's describe output for {vpc_id} in {region}. The local routes and the gateway endpoints' prefix-list routes that AWS lists are derived again by the model."
        )),
        region,
        vpc: Vpc {
            id: vpc_id.to_string(),
            cidrs,
            enable_dns_support: dns_support.unwrap_or(true),
            enable_dns_hostnames: dns_hostnames.unwrap_or(true),
        },
        availability_zones,
        subnets,
        route_tables,
        internet_gateway,
        nat_gateways,
        gateway_endpoints,
        interface_endpoints,
        gwlb_endpoints,
        gateway_load_balancers: Vec::new(),
        network_interfaces,
        instances,
        services: service_overrides,
        workloads: Vec::new(),
        what_if: WhatIf::default(),
        expect: Vec::new(),
        lesson: None,
    })
}

/// What a route targets, from the fields AWS fills in. Targets whose object is gone (a deleted
/// NAT gateway, an endpoint left out) become blackholes, as AWS shows them.
fn route_hop(
    r: &aws::Route,
    endpoint_kind: &HashMap<&str, &str>,
    nat_ids: &BTreeSet<&str>,
    internet_gateway: &mut Option<InternetGateway>,
    what: &str,
    w: &mut Warn,
) -> Hop {
    let tid = what.split(':').next().unwrap_or(what);
    if let Some(g) = r.gateway_id.as_deref() {
        if g == "local" {
            return Hop::Local;
        }
        if g.starts_with("igw-") {
            match internet_gateway {
                Some(i) if i.id == g => {}
                Some(i) => {
                    w.push(
                        tid,
                        "aws_reconcile_mismatch",
                        format!(
                            "{what} → {g}: not the VPC's internet gateway ({}); imported as a blackhole",
                            i.id
                        ),
                    );
                    return Hop::Target(Target::Blackhole);
                }
                None => {
                    w.push(
                        tid,
                        "aws_missing_input",
                        format!(
                            "{what} → {g}: no describe-internet-gateways output attaches it to the VPC; taken as the VPC's internet gateway"
                        ),
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
                        tid,
                        "aws_missing_input",
                        format!(
                            "{what} → {g}: no gateway or Gateway Load Balancer endpoint of the VPC has this id; imported as a blackhole"
                        ),
                    );
                    Hop::Target(Target::Blackhole)
                }
            };
        }
        return Hop::NotModelled(format!("GatewayId {g} is a gateway kind the model lacks"));
    }
    if let Some(n) = r.nat_gateway_id.as_deref() {
        if nat_ids.contains(n) {
            return Hop::Target(Target::NatGateway(n.into()));
        }
        if r.state.as_deref() != Some("blackhole") {
            w.push(
                tid,
                "aws_missing_input",
                format!(
                    "{what} → {n}: the NAT gateway is not among the VPC's imported NAT gateways; imported as a blackhole"
                ),
            );
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
    for (field, value) in [
        ("InstanceId", &r.instance_id),
        (
            "EgressOnlyInternetGatewayId",
            &r.egress_only_internet_gateway_id,
        ),
        ("LocalGatewayId", &r.local_gateway_id),
        ("CarrierGatewayId", &r.carrier_gateway_id),
        ("CoreNetworkArn", &r.core_network_arn),
    ] {
        if let Some(v) = value {
            return Hop::NotModelled(format!("{field} {v} is a target the model lacks"));
        }
    }
    if r.state.as_deref() == Some("blackhole") {
        return Hop::Target(Target::Blackhole);
    }
    Hop::NotModelled("no target field the importer knows".to_string())
}
