//! Resource and service-network endpoints (`describe-vpc-endpoints` with `VpcEndpointType`
//! `Resource` / `ServiceNetwork`; `crate::model::lattice`). Their network interfaces are read as
//! an interface endpoint's; what they reach comes from the `vpc-lattice` calls:
//! `get-resource-configuration` (the custom domain name clients ask, the TCP port ranges) and
//! `list-service-network-service-associations` / `…-resource-associations` (the services and
//! resource configurations of a service network, with their names).

use super::{Facts, Warn, endpoints::endpoint_subnets, warning};
use crate::import::{aws, aws_lattice};
use crate::model::{
    InterfaceEndpoint, Lattice, ResourceConfiguration, ServiceNetwork, ServiceNetworkAssociation,
    ServiceOverride,
};

/// The endpoint, and the services it adds to the scenario (the names its clients ask); none
/// when the input does not say enough to name what it reaches (warned).
pub(super) fn endpoint(
    e: &aws::VpcEndpoint,
    kind: &str,
    facts: Facts<'_>,
    missing: &mut bool,
    w: &mut Warn,
) -> Option<(InterfaceEndpoint, Vec<ServiceOverride>)> {
    let id = e.vpc_endpoint_id.as_str();
    let mut private_dns = e.private_dns_enabled.unwrap_or(false);
    let (service, lattice, services) = if kind == "Resource" {
        let Some(arn) = e.resource_configuration_arn.as_deref() else {
            w.push(warning(id, "aws_missing_input", "lattice_arn").s("kind", kind));
            return None;
        };
        let config = facts
            .input
            .resource_configurations
            .iter()
            .find(|c| c.arn == arn);
        let name = config
            .and_then(|c| c.name.clone())
            .unwrap_or_else(|| arn.rsplit('/').next().unwrap_or(arn).to_string());
        let dns = config.and_then(|c| c.custom_domain_name.as_deref());
        if dns.is_none() {
            // Without a custom domain name clients use the endpoint's own DNS names, which the
            // model does not answer: the name is then outside the model.
            w.push(warning(id, "aws_missing_input", "lattice_domain").s("arn", arn));
            private_dns = false;
        }
        let mut port_ranges = Vec::new();
        for p in config.map(|c| c.port_ranges.as_slice()).unwrap_or_default() {
            match aws_lattice::port_range(p) {
                Some(r) => port_ranges.push(r),
                None => w.push(warning(id, "aws_bad_value", "lattice_port").s("value", p)),
            }
        }
        let lattice = Lattice::Resource(ResourceConfiguration {
            arn: arn.to_string(),
            port_ranges,
        });
        (name.clone(), lattice, vec![lattice_service(&name, dns)])
    } else {
        let Some(arn) = e.service_network_arn.as_deref() else {
            w.push(warning(id, "aws_missing_input", "lattice_arn").s("kind", kind));
            return None;
        };
        let assocs: Vec<&aws_lattice::Association> = facts
            .input
            .lattice_associations
            .iter()
            .filter(|a| a.in_network(arn))
            .filter(|a| {
                a.status
                    .as_deref()
                    .is_none_or(|s| s.eq_ignore_ascii_case("ACTIVE"))
            })
            .collect();
        let named: Vec<(&str, Option<&str>)> = assocs
            .iter()
            .filter_map(|a| Some((a.name()?, a.dns_name())))
            .collect();
        let Some(&(first, _)) = named.first() else {
            w.push(warning(id, "aws_missing_input", "lattice_associations").s("arn", arn));
            return None;
        };
        let lattice = Lattice::ServiceNetwork(ServiceNetwork {
            arn: arn.to_string(),
            services: named[1..].iter().map(|(n, _)| n.to_string()).collect(),
        });
        let services = named.iter().map(|&(n, d)| lattice_service(n, d)).collect();
        (first.to_string(), lattice, services)
    };
    let endpoint = InterfaceEndpoint {
        id: id.to_string(),
        service,
        subnets: endpoint_subnets(e, facts, missing, w),
        private_dns,
        private_dns_only_for_inbound_resolver_endpoint: false,
        region: None,
        security_groups: Vec::new(),
        policy: None,
        // IPv6 through VPC Lattice endpoints is not modelled: imported as IPv4 only.
        ip_address_type: Default::default(),
        dns_record_ip_type: None,
        lattice: Some(lattice),
    };
    Some((endpoint, services))
}

/// The VPC's service network association (`list-service-network-vpc-associations`, with
/// `get-service-network-vpc-association` for its security groups; the first active one of
/// `vpc`: AWS allows one), with the services it adds to the scenario, named by the service
/// network's `list-service-network-…-associations` output. None when there is none, or nothing
/// names what it reaches (warned).
pub(super) fn vpc_association(
    input: &crate::import::Input,
    vpc: &str,
    services: &mut Vec<ServiceOverride>,
    w: &mut Warn,
) -> Option<ServiceNetworkAssociation> {
    let active = |s: &Option<String>| {
        s.as_deref()
            .is_none_or(|s| s.eq_ignore_ascii_case("ACTIVE"))
    };
    let found = input
        .lattice_vpc_associations
        .iter()
        .filter(|a| a.vpc_id.as_deref().is_none_or(|v| v == vpc) && active(&a.status));
    // The get- output of the same association carries its security groups.
    let mut groups: Vec<String> = Vec::new();
    let mut first: Option<&aws_lattice::VpcAssociation> = None;
    for a in found {
        if first.is_none_or(|f| f.id == a.id) {
            first = first.or(Some(a));
            for g in &a.security_group_ids {
                if !groups.contains(g) {
                    groups.push(g.clone());
                }
            }
        }
    }
    let a = first?;
    let arn = a.service_network_arn.clone().or_else(|| {
        let id = a.service_network_id.as_deref()?;
        input
            .lattice_associations
            .iter()
            .find(|x| x.service_network_id.as_deref() == Some(id))
            .and_then(|x| x.service_network_arn.clone())
    });
    let Some(arn) = arn else {
        w.push(warning(
            &a.id,
            "aws_missing_input",
            "lattice_association_arn",
        ));
        return None;
    };
    let named: Vec<(&str, Option<&str>)> = input
        .lattice_associations
        .iter()
        .filter(|x| x.in_network(&arn) && active(&x.status))
        .filter_map(|x| Some((x.name()?, x.dns_name())))
        .collect();
    if named.is_empty() {
        w.push(warning(&a.id, "aws_missing_input", "lattice_associations").s("arn", arn.as_str()));
        return None;
    }
    for &(name, dns) in &named {
        if !services.iter().any(|o| o.name == name) {
            services.push(lattice_service(name, dns));
        }
    }
    Some(ServiceNetworkAssociation {
        id: a.id.clone(),
        service_network: arn,
        services: named.iter().map(|(n, _)| n.to_string()).collect(),
        security_groups: groups,
    })
}

/// A VPC Lattice service or resource the scenario adds to its catalogue: its name and the DNS
/// name clients ask, nothing else known.
fn lattice_service(name: &str, dns: Option<&str>) -> ServiceOverride {
    ServiceOverride {
        name: name.to_string(),
        dns_name: dns.map(str::to_string),
        private_dns_supported: None,
        gateway_endpoint: None,
        interface_endpoint: None,
        cidrs: None,
    }
}
