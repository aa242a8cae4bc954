//! From what the files hold to a [`Scenario`] for one VPC. Each step keeps what the model knows and
//! says, with a warning naming the resource, what it leaves out or changes.

use std::collections::{BTreeSet, HashMap};

use ipnet::Ipv4Net;

use super::aws::{self, name_tag};
use super::{ImportError, Input};
use crate::explain::{self, Lang};
use crate::model::catalogue::{self, Service};
use crate::model::{Diagnostic, InternetGateway, Scenario, Vpc, WhatIf};

mod bpa;
mod buckets;
mod dns;
mod endpoints;
mod instances;
mod ipv6;
mod lattice;
mod nat;
mod prefix_lists;
mod route_tables;
mod route_targets;
mod security;
mod subnets;
mod vpc;

/// Collects warnings; `object` is the AWS resource id (or the file) the warning is about.
struct Warn<'a>(&'a mut Vec<Diagnostic>);

/// A warning about `object`: its rule code and which of the rule's sentences says it (`case`,
/// a variant of the message `diag-<rule>` in `assets/i18n/*/import.ftl`). The sentence's other
/// arguments follow with the builder (`.s`, `.n`, `.list`); a test holds every (rule, case)
/// written here against both languages' messages.
pub(super) fn warning(object: &str, rule: &'static str, case: &'static str) -> Diagnostic {
    Diagnostic::warning(object, rule)
        .s("case", case)
        .s("id", object)
}

/// A warning about one route of `table`: the sentence names its destination.
fn route_warning(
    table: &str,
    destination: &str,
    rule: &'static str,
    case: &'static str,
) -> Diagnostic {
    warning(table, rule, case).s("destination", destination)
}

impl Warn<'_> {
    fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Fields an object carries that neither the importer nor the API reference it was written
    /// against knows: a newer API, or not the output of the call it looks like. `d` makes the
    /// `aws_unknown_field` warning for the kind of object; the fields are added to it. Made only
    /// when there are such fields: a quota-sized account has 200,000 routes.
    fn unknown_fields(
        &mut self,
        d: impl FnOnce() -> Diagnostic,
        extra: &aws::Extra,
        known: &[&str],
    ) {
        if extra.is_empty() {
            return;
        }
        let unknown: Vec<&str> = extra
            .keys()
            .map(String::as_str)
            .filter(|k| !known.contains(k))
            .collect();
        if !unknown.is_empty() {
            self.push(d().n("count", unknown.len()).list("fields", unknown));
        }
    }
}

fn state_is(state: Option<&str>, values: &[&str]) -> bool {
    state.is_some_and(|s| values.iter().any(|v| v.eq_ignore_ascii_case(s)))
}

/// What an endpoint's `ServiceName` names.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ServiceRef {
    /// `com.amazonaws.<region>.<service>`: an AWS service in this Region.
    Aws(String),
    /// `com.amazonaws.vpce.<region>.vpce-svc-…`: a PrivateLink endpoint service.
    EndpointService(String),
    /// `com.amazonaws.<other-region>.<service>`: an AWS service in another Region, reached by
    /// cross-Region AWS PrivateLink.
    Remote { service: String, region: String },
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
    } else if let Some((other, s)) = name
        .strip_prefix("com.amazonaws.")
        .and_then(|rest| rest.split_once('.'))
        .filter(|(r, _)| looks_like_region(r))
    {
        ServiceRef::Remote {
            service: s.to_string(),
            region: other.to_string(),
        }
    } else {
        ServiceRef::Other(name.to_string())
    }
}

/// `us-west-2`, `ap-northeast-1`, `us-gov-west-1`: letters and dashes, ending in a digit.
fn looks_like_region(r: &str) -> bool {
    r.contains('-')
        && r.ends_with(|c: char| c.is_ascii_digit())
        && r.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What the steps before the endpoints found, for the steps that read it: the VPC, its
/// subnets, the network interfaces and the prefix lists of the input.
#[derive(Clone, Copy)]
struct Facts<'s> {
    input: &'s Input,
    vpc_id: &'s str,
    /// The VPC's IPv4 CIDR blocks.
    cidrs: &'s [Ipv4Net],
    region: &'s str,
    services: &'s [Service],
    subnet_ids: &'s BTreeSet<&'s str>,
    subnet_cidr: &'s HashMap<&'s str, Ipv4Net>,
    /// The subnets' imported IPv6 blocks.
    subnet_ipv6: &'s HashMap<&'s str, ipnet::Ipv6Net>,
    /// Network interfaces by id (endpoint ENIs, appliances, NAT instances).
    enis: &'s HashMap<&'s str, &'s aws::NetworkInterface>,
    pl_name: &'s HashMap<&'s str, &'s str>,
    pl_cidrs: &'s HashMap<&'s str, Vec<Ipv4Net>>,
    pl_customer: &'s BTreeSet<&'s str>,
    /// The catalogue service an AWS-managed prefix list stands for.
    pl_service: &'s dyn Fn(&str) -> Option<String>,
}

/// Build the scenario for one VPC of `input`.
pub fn build(
    input: &Input,
    vpc: Option<&str>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Scenario, ImportError> {
    let mut w = Warn(warnings);

    // --- The VPC.
    let the_vpc = vpc::select(input, vpc)?;
    let vpc_id = the_vpc.vpc_id.as_str();
    let in_vpc = |id: &str| id == vpc_id;

    let cidrs = vpc::cidrs(the_vpc, &mut w);
    let ipv6_cidrs = ipv6::blocks(vpc_id, &the_vpc.ipv6_cidr_block_association_set, &mut w);
    let (dns_support, dns_hostnames) = vpc::dns_attributes(input, vpc_id, &mut w);

    // --- Subnets and AZs.
    let (region, subnets, availability_zones) = subnets::subnets(input, vpc_id, &mut w);
    let services = catalogue::resolve(&region, &[]);
    let subnet_ids: BTreeSet<&str> = subnets.iter().map(|s| s.id.as_str()).collect();
    let subnet_cidr: HashMap<&str, Ipv4Net> = subnets
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.cidr?)))
        .collect();
    let subnet_ipv6: HashMap<&str, ipnet::Ipv6Net> = subnets
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.ipv6_cidr?)))
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

    // --- VPC Block Public Access.
    let block_public_access = bpa::block_public_access(input, vpc_id, &subnet_ids, &mut w);

    // --- NAT gateways.
    let mut seen: BTreeSet<&str> = BTreeSet::new();
    let nat_gateways = nat::nat_gateways(input, vpc_id, &subnet_ids, &mut seen, &mut w);

    // --- Network interfaces by id (endpoint ENIs, appliances, NAT instances).
    let enis: HashMap<&str, &aws::NetworkInterface> = input
        .network_interfaces
        .iter()
        .map(|n| (n.network_interface_id.as_str(), n))
        .collect();

    // --- Prefix lists: id → (name, CIDRs).
    let prefix_lists::PrefixLists {
        pl_name,
        pl_cidrs,
        pl_customer,
    } = prefix_lists::prefix_lists(input);
    // The catalogue service an AWS-managed prefix list stands for (`com.amazonaws.<region>.s3`).
    let pl_service = |pl: &str| -> Option<String> {
        match service_ref(pl_name.get(pl)?, &region) {
            ServiceRef::Aws(s) if services.iter().any(|x| x.name == s) => Some(s),
            _ => None,
        }
    };

    let facts = Facts {
        input,
        vpc_id,
        cidrs: &cidrs,
        region: &region,
        services: &services,
        subnet_ids: &subnet_ids,
        subnet_cidr: &subnet_cidr,
        subnet_ipv6: &subnet_ipv6,
        enis: &enis,
        pl_name: &pl_name,
        pl_cidrs: &pl_cidrs,
        pl_customer: &pl_customer,
        pl_service: &pl_service,
    };

    // --- Endpoints.
    let endpoints::Endpoints {
        mut gateway_endpoints,
        interface_endpoints,
        gwlb_endpoints,
        mut service_overrides,
        mut endpoint_kind,
    } = endpoints::endpoints(facts, &mut seen, &mut w);

    // --- Instances.
    let instances = instances::instances(facts, &mut seen, &mut w);

    // --- Route tables.
    let route_tables::RouteTables {
        network_interfaces,
        route_tables,
        endpoint_routes,
        used_prefix_lists,
    } = route_tables::route_tables(
        facts,
        &mut internet_gateway,
        &nat_gateways,
        &mut gateway_endpoints,
        &mut endpoint_kind,
        &instances,
        &mut w,
    );
    endpoints::reconcile_gateway_endpoints(
        &mut gateway_endpoints,
        &route_tables,
        &endpoint_routes,
        &mut w,
    );
    prefix_lists::service_cidrs(
        facts,
        &used_prefix_lists,
        &gateway_endpoints,
        &mut service_overrides,
        &mut w,
    );

    // --- Security groups and network ACLs, and the groups of each interface.
    let sec = security::security(facts, &mut w);
    let mut instances = instances;
    let mut interface_endpoints = interface_endpoints;
    let mut network_interfaces = network_interfaces;
    let aws_instances = security::by_id(&input.instances, |i| i.instance_id.as_str());
    for i in &mut instances {
        if let Some(a) = aws_instances.get(i.id.as_str()) {
            i.security_groups = sec.attached(&i.id, &a.security_groups, &mut w);
        }
    }
    let aws_endpoints = security::by_id(&input.endpoints, |e| e.vpc_endpoint_id.as_str());
    for e in &mut interface_endpoints {
        if let Some(a) = aws_endpoints.get(e.id.as_str()) {
            e.security_groups = sec.attached(&e.id, &a.groups, &mut w);
        }
    }
    for n in &mut network_interfaces {
        if let Some(a) = enis.get(n.id.as_str()) {
            n.security_groups = sec.attached(&n.id, &a.groups, &mut w);
            n.source_dest_check = a.source_dest_check;
        }
    }

    // The title and description in both languages: the scenario file keeps them both.
    let name = name_tag(&the_vpc.tags);
    let title = |lang| explain::import_title(lang, vpc_id, name.as_deref());
    let description = |lang| explain::import_description(lang, vpc_id, &region);
    let buckets = buckets::buckets(&input.bucket_policies, &mut w);

    // --- IPv6 needs the VPC's IPv6 block: without one (or without describe-vpcs saying it),
    // IPv6 routes, subnet blocks and addresses are left out, as a model without it refuses them.
    let mut route_tables = route_tables;
    let mut subnets = subnets;
    ipv6::reconcile(
        &ipv6_cidrs,
        &mut route_tables,
        &mut subnets,
        &mut instances,
        &mut interface_endpoints,
        &mut w,
    );

    // --- Egress-only internet gateways: attached to the VPC, or named by an IPv6 route.
    let mut egress_only_internet_gateways = ipv6::egress_only_gateways(input, vpc_id);
    for t in &route_tables {
        for r in &t.ipv6_routes {
            if let crate::model::Target::EgressOnlyInternetGateway(g) = &r.target
                && !egress_only_internet_gateways
                    .iter()
                    .any(|x| x.id == g.as_str())
            {
                w.push(
                    warning(&t.id, "aws_missing_input", "route_eigw")
                        .s("destination", r.destination)
                        .s("target", g.as_str()),
                );
                egress_only_internet_gateways
                    .push(crate::model::EgressOnlyInternetGateway { id: g.to_string() });
            }
        }
    }

    bpa::missing_output(
        input,
        vpc_id,
        &block_public_access,
        internet_gateway.is_some() || !egress_only_internet_gateways.is_empty(),
        &mut w,
    );

    // --- DNS: the DHCP options set, Resolver rules, private hosted zones.
    let dhcp_options = dns::dhcp_options(input, the_vpc, &mut w);
    let resolver_rules = dns::resolver_rules(input, vpc_id, &mut w);
    let private_hosted_zones =
        dns::private_hosted_zones(input, vpc_id, &interface_endpoints, &mut w);
    let service_network_association =
        lattice::vpc_association(input, vpc_id, &mut service_overrides, &mut w);
    Ok(Scenario {
        buckets,
        title: Some(title(Lang::En)),
        description: Some(description(Lang::En)),
        title_ja: Some(title(Lang::Ja)),
        description_ja: Some(description(Lang::Ja)),
        region,
        vpc: Vpc {
            id: vpc_id.to_string(),
            cidrs,
            enable_dns_support: dns_support.unwrap_or(true),
            enable_dns_hostnames: dns_hostnames.unwrap_or(true),
            ipv6_cidrs,
        },
        availability_zones,
        subnets: subnets.into(),
        route_tables: route_tables.into(),
        internet_gateway,
        egress_only_internet_gateways,
        block_public_access,
        dhcp_options,
        resolver_rules,
        private_hosted_zones,
        nat_gateways,
        gateway_endpoints: gateway_endpoints.into(),
        interface_endpoints: interface_endpoints.into(),
        gwlb_endpoints,
        service_network_association,
        gateway_load_balancers: Vec::new(),
        network_interfaces,
        instances: instances.into(),
        security_groups: sec.groups,
        network_acls: sec.acls,
        ephemeral_ports: None,
        services: service_overrides,
        workloads: Vec::new(),
        what_if: WhatIf::default(),
        expect: Vec::new(),
        lesson: None,
    })
}
