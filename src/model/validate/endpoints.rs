//! VPC endpoints: gateway endpoints (aws-semantics.md §2) and interface endpoints with their
//! private DNS options (§3).

use std::collections::HashMap;

use super::Cx;
use crate::model::Diagnostic;

/// A gateway endpoint's service offers gateway endpoints (S3, DynamoDB); its tables resolve; a
/// table gets at most one endpoint route per service; warnings for a service without ranges and
/// for `enableDnsHostnames` off (aws-semantics.md §2, §7).
pub(super) fn gateway_endpoints(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // (table, service) → the first endpoint that routes it. Looked up only (never iterated):
    // rustc's hasher, as `Cx`'s maps; an endpoint on every table of 4x the quota model made
    // SipHash most of the check an edit to it runs.
    let mut routed: super::FxMap<(&str, &str), &str> = super::FxMap::default();
    for ge in &cx.s.gateway_endpoints {
        match cx.services.get(ge.service.as_str()) {
            None => out.push(
                Diagnostic::error(&ge.id, "unknown_service")
                    .s("case", "gateway_endpoint")
                    .s("endpoint", &ge.id)
                    .s("service", &ge.service),
            ),
            Some(svc) if !svc.gateway_endpoint => out.push(
                Diagnostic::error(&ge.id, "gateway_endpoint_service")
                    .s("endpoint", &ge.id)
                    .s("service", &ge.service),
            ),
            Some(svc) if svc.cidrs.is_empty() => out.push(
                Diagnostic::warning(&ge.id, "gateway_endpoint_without_ranges")
                    .s("endpoint", &ge.id)
                    .s("service", &ge.service)
                    .s("region", &cx.s.region),
            ),
            Some(_) => {}
        }
        for t in &ge.route_tables {
            if !cx.tables.contains_key(t.as_str()) {
                out.push(
                    Diagnostic::error(&ge.id, "unknown_route_table")
                        .s("endpoint", &ge.id)
                        .s("table", t),
                );
                continue;
            }
            match routed.get(&(t.as_str(), ge.service.as_str())) {
                None => {
                    routed.insert((t, &ge.service), &ge.id);
                }
                Some(&prev) if prev == ge.id => out.push(
                    Diagnostic::error(&ge.id, "duplicate_gateway_endpoint_route")
                        .s("case", "twice")
                        .s("endpoint", &ge.id)
                        .s("table", t),
                ),
                Some(&prev) => out.push(
                    Diagnostic::error(&ge.id, "duplicate_gateway_endpoint_route")
                        .s("case", "other_endpoint")
                        .s("table", t)
                        .s("service", &ge.service)
                        .s("other", prev)
                        .s("endpoint", &ge.id),
                ),
            }
        }
    }
    if !cx.s.vpc.enable_dns_hostnames && !cx.s.gateway_endpoints.is_empty() {
        out.push(
            Diagnostic::warning(cx.vpc_id(), "gateway_endpoint_dns_hostnames_off")
                .s("vpc", cx.vpc_id())
                .list("endpoints", cx.s.gateway_endpoints.iter().map(|g| &g.id)),
        );
    }
}

/// An interface endpoint's service offers interface endpoints; its subnets resolve, one per AZ at
/// most; an endpoint without subnets is a warning (aws-semantics.md §3, §7).
pub(super) fn interface_endpoints(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for ie in &cx.s.interface_endpoints {
        match cx.services.get(ie.service.as_str()) {
            None => out.push(
                Diagnostic::error(&ie.id, "unknown_service")
                    .s("case", "interface_endpoint")
                    .s("endpoint", &ie.id)
                    .s("service", &ie.service),
            ),
            Some(svc) if !svc.interface_endpoint => out.push(
                Diagnostic::error(&ie.id, "interface_endpoint_service")
                    .s("endpoint", &ie.id)
                    .s("service", &ie.service),
            ),
            Some(_) => {}
        }
        // A service-network endpoint's other associations name services too.
        if let Some(crate::model::Lattice::ServiceNetwork(n)) = &ie.lattice {
            for name in n
                .services
                .iter()
                .filter(|n| !cx.services.contains_key(n.as_str()))
            {
                out.push(
                    Diagnostic::error(&ie.id, "unknown_service")
                        .s("case", "interface_endpoint")
                        .s("endpoint", &ie.id)
                        .s("service", name),
                );
            }
        }
        // Cross-Region AWS PrivateLink serves only some services (PrivateLink guide,
        // "Cross-region enabled AWS services").
        if let Some(region) = ie.region.as_deref()
            && region != cx.s.region
            && !crate::model::catalogue::CROSS_REGION_SERVICES.contains(&ie.service.as_str())
        {
            out.push(
                Diagnostic::error(&ie.id, "cross_region_unsupported")
                    .s("endpoint", &ie.id)
                    .s("service", &ie.service)
                    .s("region", region)
                    .list(
                        "supported",
                        crate::model::catalogue::CROSS_REGION_SERVICES
                            .iter()
                            .map(|s| s.to_string()),
                    ),
            );
        }
        if ie.subnets.is_empty() {
            out.push(
                Diagnostic::warning(&ie.id, "interface_endpoint_without_subnets")
                    .s("endpoint", &ie.id),
            );
        }
        // AZ (index, or the unresolved name) → the first subnet of the endpoint there.
        let mut by_az: HashMap<Result<usize, &str>, &str> = HashMap::new();
        for es in &ie.subnets {
            let Some(sn) = cx.subnets.get(es.subnet.as_str()) else {
                out.push(
                    Diagnostic::error(&ie.id, "unknown_subnet")
                        .s("case", "lists")
                        .s("endpoint", &ie.id)
                        .s("subnet", &es.subnet),
                );
                continue;
            };
            let key = cx.subnet_az(sn).ok_or(sn.az.as_str());
            match by_az.get(&key) {
                None => {
                    by_az.insert(key, &sn.id);
                }
                Some(&prev) if prev == sn.id => out.push(
                    Diagnostic::error(&ie.id, "endpoint_subnets_same_az")
                        .s("case", "twice")
                        .s("endpoint", &ie.id)
                        .s("subnet", &sn.id),
                ),
                Some(&prev) => out.push(
                    Diagnostic::error(&ie.id, "endpoint_subnets_same_az")
                        .s("case", "other_subnet")
                        .s("endpoint", &ie.id)
                        .s("az", &sn.az)
                        .s("other", prev)
                        .s("subnet", &sn.id),
                ),
            }
        }
    }
}

/// Private DNS only where the service supports it; at most one interface endpoint per service
/// with private DNS on; a warning when a VPC DNS attribute it needs is off (aws-semantics.md §3).
pub(super) fn interface_endpoint_private_dns(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // Per (service, Region): a cross-Region endpoint answers another Region's name.
    let mut with_private_dns: HashMap<(&str, &str), &str> = HashMap::new();
    let vpc = &cx.s.vpc;
    for ie in &cx.s.interface_endpoints {
        if !ie.private_dns {
            continue;
        }
        if let Some(svc) = cx.services.get(ie.service.as_str())
            && !svc.private_dns_supported
        {
            out.push(
                Diagnostic::error(&ie.id, "private_dns_unsupported")
                    .s("endpoint", &ie.id)
                    .s("description", &svc.description)
                    .s("service", &ie.service),
            );
            continue;
        }
        let key = (
            ie.service.as_str(),
            ie.region.as_deref().unwrap_or(&cx.s.region),
        );
        match with_private_dns.get(&key) {
            None => {
                with_private_dns.insert(key, &ie.id);
            }
            Some(&prev) => out.push(
                Diagnostic::error(&ie.id, "private_dns_conflict")
                    .s("endpoint", &ie.id)
                    .s("other", prev)
                    .s("service", &ie.service),
            ),
        }
        if !vpc.enable_dns_support || !vpc.enable_dns_hostnames {
            let off = match (vpc.enable_dns_support, vpc.enable_dns_hostnames) {
                (false, false) => "both",
                (false, true) => "support",
                _ => "hostnames",
            };
            out.push(
                Diagnostic::warning(&ie.id, "private_dns_vpc_attributes_off")
                    .s("endpoint", &ie.id)
                    .s("vpc", &vpc.id)
                    .s("off", off),
            );
        }
    }
}

/// The "private DNS only for inbound Resolver endpoint" option: only for services with both
/// gateway and interface endpoints (S3), only with private DNS on, and AWS requires a gateway
/// endpoint for the service in the VPC (warning) (aws-semantics.md §3).
pub(super) fn inbound_resolver_option(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for ie in &cx.s.interface_endpoints {
        if !ie.private_dns_only_for_inbound_resolver_endpoint {
            continue;
        }
        let svc = cx.services.get(ie.service.as_str());
        if let Some(svc) = svc
            && !(svc.gateway_endpoint && svc.interface_endpoint)
        {
            out.push(
                Diagnostic::error(&ie.id, "inbound_resolver_option_unsupported")
                    .s("endpoint", &ie.id)
                    .s("service", &ie.service),
            );
            continue;
        }
        if !ie.private_dns {
            out.push(
                Diagnostic::error(&ie.id, "inbound_resolver_option_needs_private_dns")
                    .s("endpoint", &ie.id),
            );
        } else if svc.is_some() && !cx.has_gateway_endpoint_for(&ie.service) {
            out.push(
                Diagnostic::warning(&ie.id, "inbound_resolver_option_without_gateway_endpoint")
                    .s("endpoint", &ie.id)
                    .s("service", &ie.service),
            );
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::model::validate::test_support::*;
    use crate::model::{
        Diagnostic, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, ServiceOverride,
    };

    // --- gateway endpoints ---

    #[test]
    fn gateway_endpoint_service_must_offer_one() {
        let mut s = minimal();
        s.gateway_endpoints.push(GatewayEndpoint {
            policy: None,
            id: "vpce-ssm-gw".into(),
            service: "ssm".into(),
            route_tables: vec!["rtb-main".into()],
        });
        s.gateway_endpoints.push(GatewayEndpoint {
            policy: None,
            id: "vpce-x".into(),
            service: "nosuch".into(),
            route_tables: vec!["rtb-nope".into()],
        });
        let d = run(&s);
        assert!(error(&d, "gateway_endpoint_service", "vpce-ssm-gw").contains("S3"));
        error(&d, "unknown_service", "vpce-x");
        error(&d, "unknown_route_table", "vpce-x");
    }

    #[test]
    fn one_gateway_endpoint_route_per_service_per_table() {
        let mut s = minimal();
        s.gateway_endpoints.push(GatewayEndpoint {
            policy: None,
            id: "vpce-s3-2".into(),
            service: "s3".into(),
            route_tables: vec!["rtb-public".into(), "rtb-private".into()],
        });
        // A DynamoDB endpoint on the same table is a different service: fine.
        s.gateway_endpoints.push(GatewayEndpoint {
            policy: None,
            id: "vpce-ddb".into(),
            service: "dynamodb".into(),
            route_tables: vec!["rtb-private".into(), "rtb-private".into()],
        });
        let d = run(&s);
        let m = error(&d, "duplicate_gateway_endpoint_route", "vpce-s3-2");
        assert!(m.contains("rtb-private") && m.contains("vpce-s3"), "{m}");
        assert!(error(&d, "duplicate_gateway_endpoint_route", "vpce-ddb").contains("twice"));
        assert_eq!(found(&d, "duplicate_gateway_endpoint_route").len(), 2);
    }

    #[test]
    fn gateway_endpoint_with_dns_hostnames_off_is_a_warning() {
        let mut s = minimal();
        s.vpc.enable_dns_hostnames = false;
        let d = run(&s);
        assert!(warning(&d, "gateway_endpoint_dns_hostnames_off", "vpc-1").contains("vpce-s3"));
        assert!(!d.iter().any(Diagnostic::is_error));
    }

    #[test]
    fn gateway_endpoint_in_a_region_without_ranges_is_a_warning() {
        let mut s = minimal();
        s.region = "eu-west-3".into();
        for az in &mut s.availability_zones {
            az.name = az.name.replace("us-east-1", "eu-west-3");
        }
        for sn in &mut s.subnets {
            sn.az = sn.az.replace("us-east-1", "eu-west-3");
        }
        let d = run(&s);
        warning(&d, "gateway_endpoint_without_ranges", "vpce-s3");
        assert!(!d.iter().any(Diagnostic::is_error), "{d:#?}");
    }

    // --- interface endpoints ---

    #[test]
    fn interface_endpoint_one_subnet_per_az() {
        let mut s = minimal();
        s.interface_endpoints[0].subnets.push(EndpointSubnet {
            ipv6: Default::default(),
            subnet: "subnet-public-a".into(),
            ip: None,
        });
        s.interface_endpoints[0].subnets.push(EndpointSubnet {
            ipv6: Default::default(),
            subnet: "subnet-private-b".into(),
            ip: None,
        });
        s.interface_endpoints[0].subnets.push(EndpointSubnet {
            ipv6: Default::default(),
            subnet: "subnet-gone".into(),
            ip: None,
        });
        let d = run(&s);
        let msgs = found(&d, "endpoint_subnets_same_az");
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert_eq!(
            msgs[0],
            "vpce-ssm: vpce-ssm already has a subnet in us-east-1a (subnet-private-a), so it \
             cannot also use subnet-public-a; an interface endpoint takes at most one subnet per \
             Availability Zone"
        );
        assert!(msgs[1].contains("twice"));
        error(&d, "unknown_subnet", "vpce-ssm");
    }

    #[test]
    fn same_az_is_found_through_az_ids_too() {
        let mut s = minimal();
        s.subnets[0].az = "use1-az1".into();
        s.interface_endpoints[0].subnets[1].subnet = "subnet-public-a".into();
        error(&run(&s), "endpoint_subnets_same_az", "vpce-ssm");
    }

    #[test]
    fn interface_endpoint_service_must_offer_one() {
        let mut s = minimal();
        s.services.push(ServiceOverride {
            name: "sns".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: Some(false),
            cidrs: None,
        });
        s.interface_endpoints[0].service = "sns".into();
        error(&run(&s), "interface_endpoint_service", "vpce-ssm");
        s.interface_endpoints[0].service = "nosuch".into();
        error(&run(&s), "unknown_service", "vpce-ssm");
    }

    #[test]
    fn interface_endpoint_without_subnets_is_a_warning() {
        let mut s = minimal();
        s.interface_endpoints[0].subnets.clear();
        warning(&run(&s), "interface_endpoint_without_subnets", "vpce-ssm");
    }

    #[test]
    fn dynamodb_interface_endpoint_needs_private_dns_off() {
        let mut s = minimal();
        s.interface_endpoints.push(InterfaceEndpoint {
            dns_record_ip_type: Default::default(),
            ip_address_type: Default::default(),
            policy: None,
            lattice: None,
            security_groups: Vec::new(),
            id: "vpce-ddb".into(),
            service: "dynamodb".into(),
            subnets: vec![EndpointSubnet {
                ipv6: Default::default(),
                subnet: "subnet-private-a".into(),
                ip: None,
            }],
            private_dns: true,
            private_dns_only_for_inbound_resolver_endpoint: false,
            region: None,
        });
        let m = error(&run(&s), "private_dns_unsupported", "vpce-ddb");
        assert!(
            m.contains("private_dns: false") && m.contains("defaults to true"),
            "{m}"
        );
        s.interface_endpoints[1].private_dns = false;
        assert!(run(&s).is_empty());
    }

    #[test]
    fn one_private_dns_endpoint_per_service() {
        let mut s = minimal();
        let mut second = s.interface_endpoints[0].clone();
        second.id = "vpce-ssm-2".into();
        s.interface_endpoints.push(second.clone());
        let d = run(&s);
        assert!(error(&d, "private_dns_conflict", "vpce-ssm-2").contains("vpce-ssm"));
        s.interface_endpoints[1].private_dns = false;
        assert!(run(&s).is_empty());
    }

    #[test]
    fn private_dns_with_vpc_attributes_off_is_a_warning() {
        let mut s = minimal();
        s.vpc.enable_dns_support = false;
        // DNS hostnames need DNS support (ModifyVpcAttribute): both go off together.
        s.vpc.enable_dns_hostnames = false;
        let d = run(&s);
        assert!(
            warning(&d, "private_dns_vpc_attributes_off", "vpce-ssm")
                .contains("enable_dns_support and enable_dns_hostnames are off")
        );
        assert!(!d.iter().any(Diagnostic::is_error));
    }

    #[test]
    fn dns_hostnames_without_dns_support_is_refused() {
        let mut s = minimal();
        s.vpc.enable_dns_support = false;
        s.vpc.enable_dns_hostnames = true;
        let d = run(&s);
        assert!(error(&d, "dns_hostnames_without_support", "vpc-1").contains("ModifyVpcAttribute"));
    }

    fn s3_interface(private_dns: bool, inbound_only: bool) -> InterfaceEndpoint {
        InterfaceEndpoint {
            dns_record_ip_type: Default::default(),
            ip_address_type: Default::default(),
            policy: None,
            lattice: None,
            security_groups: Vec::new(),
            id: "vpce-s3-if".into(),
            service: "s3".into(),
            subnets: vec![EndpointSubnet {
                ipv6: Default::default(),
                subnet: "subnet-private-b".into(),
                ip: None,
            }],
            private_dns,
            private_dns_only_for_inbound_resolver_endpoint: inbound_only,
            region: None,
        }
    }

    #[test]
    fn inbound_resolver_option_rules() {
        let mut s = minimal();
        s.interface_endpoints.push(s3_interface(true, true));
        assert!(run(&s).is_empty());

        s.interface_endpoints[1] = s3_interface(false, true);
        error(
            &run(&s),
            "inbound_resolver_option_needs_private_dns",
            "vpce-s3-if",
        );

        s.interface_endpoints[1] = s3_interface(true, true);
        s.gateway_endpoints.clear();
        warning(
            &run(&s),
            "inbound_resolver_option_without_gateway_endpoint",
            "vpce-s3-if",
        );

        let mut s = minimal();
        s.interface_endpoints[0].private_dns_only_for_inbound_resolver_endpoint = true;
        assert!(error(&run(&s), "inbound_resolver_option_unsupported", "vpce-ssm").contains("ssm"));
    }
}
