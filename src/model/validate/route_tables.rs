//! Route tables: the main table, subnet associations, and the routes' destinations and targets
//! (aws-semantics.md §1, §2, §7).

use std::collections::{HashMap, HashSet};

use super::{Cx, cidr_without_host_bits};
use crate::model::{Destination, Diagnostic, RouteTable, Target};

/// Exactly one route table is the main table (aws-semantics.md §1, §7).
pub(super) fn one_main_route_table(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mains: Vec<&RouteTable> = cx.s.route_tables.iter().filter(|t| t.main).collect();
    match mains.as_slice() {
        [] => out.push(Diagnostic::error(cx.vpc_id(), "no_main_route_table").s("vpc", cx.vpc_id())),
        [_] => {}
        [first, rest @ ..] => {
            for t in rest {
                out.push(
                    Diagnostic::error(&t.id, "multiple_main_route_tables")
                        .s("first", &first.id)
                        .s("table", &t.id),
                );
            }
        }
    }
}

/// Association subnets resolve, and a subnet has at most one explicit association across all
/// tables (aws-semantics.md §1, §7).
pub(super) fn subnet_associations(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut first_table: HashMap<&str, &str> = HashMap::new();
    for t in &cx.s.route_tables {
        for sn in &t.subnets {
            if !cx.subnets.contains_key(sn.as_str()) {
                out.push(
                    Diagnostic::error(&t.id, "unknown_subnet")
                        .s("case", "associated")
                        .s("table", &t.id)
                        .s("subnet", sn),
                );
                continue;
            }
            match first_table.get(sn.as_str()) {
                None => {
                    first_table.insert(sn, &t.id);
                }
                Some(&prev) if prev == t.id => out.push(
                    Diagnostic::error(&t.id, "duplicate_association")
                        .s("case", "twice")
                        .s("table", &t.id)
                        .s("subnet", sn),
                ),
                Some(&prev) => out.push(
                    Diagnostic::error(sn, "duplicate_association")
                        .s("case", "two_tables")
                        .s("subnet", sn)
                        .s("first", prev)
                        .s("table", &t.id),
                ),
            }
        }
    }
}

/// Route destinations are valid CIDR blocks (aws-semantics.md §7).
pub(super) fn route_destination_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.checked_tables() {
        for r in &t.routes {
            if let Destination::Cidr(c) = &r.destination {
                cidr_without_host_bits(&t.id, "what-route-destination", c, out);
            }
        }
    }
}

/// A route table holds at most one route per destination, counting the `pl-<service>` routes its
/// gateway endpoints add (aws-semantics.md §1, §2, §7).
pub(super) fn route_destinations_unique(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // Sorting the destinations finds a repeat without hashing each one; only a table that has a
    // repeat is walked in order, to report each repeat where it occurs.
    let mut cidrs: Vec<u64> = Vec::new();
    let mut lists: Vec<&str> = Vec::new();
    for t in cx.checked_tables() {
        cidrs.clear();
        lists.clear();
        for r in &t.routes {
            match &r.destination {
                Destination::Cidr(c) => {
                    cidrs.push(u64::from(u32::from(c.addr())) << 8 | u64::from(c.prefix_len()))
                }
                Destination::PrefixList(name) => lists.push(name),
            }
        }
        cidrs.sort_unstable();
        lists.sort_unstable();
        let repeats =
            cidrs.windows(2).any(|w| w[0] == w[1]) || lists.windows(2).any(|w| w[0] == w[1]);
        if repeats {
            let mut seen: HashSet<&Destination> = HashSet::new();
            for r in &t.routes {
                if !seen.insert(&r.destination) {
                    out.push(
                        Diagnostic::error(&t.id, "duplicate_route_destination")
                            .s("case", "written")
                            .s("table", &t.id)
                            .s("destination", &r.destination),
                    );
                }
            }
        }
        for ge in &cx.s.gateway_endpoints {
            if lists.binary_search(&ge.service.as_str()).is_ok()
                && ge.route_tables.iter().any(|x| x == &t.id)
            {
                let pl = Destination::PrefixList(ge.service.clone());
                out.push(
                    Diagnostic::error(&t.id, "duplicate_route_destination")
                        .s("case", "gateway_endpoint")
                        .s("table", &t.id)
                        .s("destination", pl)
                        .s("endpoint", &ge.id),
                );
            }
        }
    }
}

/// Written routes never use the derived targets `Local` and `GatewayEndpoint`; every other target
/// that the model follows resolves (aws-semantics.md §1, §2, §7).
pub(super) fn route_targets_resolve(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.checked_tables() {
        for r in &t.routes {
            let dest = &r.destination;
            let target = |case: &str| {
                Diagnostic::error(&t.id, "unknown_target")
                    .s("case", case)
                    .s("table", &t.id)
                    .s("destination", dest)
            };
            let missing =
                |kind: &'static str, id: &str| target("missing").s("target", id).m("a_kind", kind);
            match &r.target {
                Target::Local => out.push(
                    Diagnostic::error(&t.id, "derived_route_target")
                        .s("case", "local")
                        .s("table", &t.id)
                        .s("destination", dest),
                ),
                Target::GatewayEndpoint(id) => out.push(
                    Diagnostic::error(&t.id, "derived_route_target")
                        .s("case", "gateway_endpoint")
                        .s("table", &t.id)
                        .s("destination", dest)
                        .s("endpoint", id),
                ),
                Target::InternetGateway(id) => match cx.igw_id() {
                    Some(igw) if igw == id => {}
                    Some(igw) => out.push(target("other_igw").s("target", id).s("igw", igw)),
                    None => out.push(target("no_igw").s("target", id)),
                },
                Target::NatGateway(id) if !cx.nats.contains(id.as_str()) => {
                    out.push(missing("kind-a-nat_gateway", id))
                }
                Target::GatewayLoadBalancerEndpoint(id) if !cx.gwlbs.contains(id.as_str()) => {
                    out.push(missing("kind-a-gwlb_endpoint", id))
                }
                Target::NetworkInterface(id) if !cx.enis.contains(id.as_str()) => {
                    out.push(missing("kind-a-network_interface", id))
                }
                _ => {}
            }
        }
    }
}

/// Whether a target may replace the local route or serve a route more specific than it: a NAT
/// gateway, a network interface or a GWLB endpoint (or one of those, deleted: blackhole).
pub(super) fn is_middlebox_target(t: &Target) -> bool {
    matches!(
        t,
        Target::NatGateway(_)
            | Target::NetworkInterface(_)
            | Target::GatewayLoadBalancerEndpoint(_)
            | Target::Blackhole
    )
}

/// A route to exactly a VPC CIDR replaces the local route's target and may only target a NAT
/// gateway, a network interface or a GWLB endpoint; a route more specific than a VPC CIDR must
/// equal a subnet's CIDR and target one of the same (aws-semantics.md §1, §7).
pub(super) fn routes_inside_vpc(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let vpc = &cx.s.vpc.cidrs;
    for t in cx.checked_tables() {
        for r in &t.routes {
            let Destination::Cidr(dest) = &r.destination else {
                continue;
            };
            // Derived targets are reported by `route_targets_resolve`.
            if matches!(r.target, Target::Local | Target::GatewayEndpoint(_)) {
                continue;
            }
            let dest = dest.trunc();
            if vpc.iter().any(|v| v.trunc() == dest) {
                if !is_middlebox_target(&r.target) {
                    out.push(
                        Diagnostic::error(&t.id, "invalid_local_route_target")
                            .s("table", &t.id)
                            .s("destination", dest)
                            .s("target", &r.target),
                    );
                }
                continue;
            }
            let Some(v) = vpc.iter().find(|v| v.contains(&dest)) else {
                continue;
            };
            let subnet =
                cx.s.subnets
                    .iter()
                    .find(|sn| sn.cidr.is_some_and(|c| c.trunc() == dest));
            match subnet {
                None => out.push(
                    Diagnostic::error(&t.id, "route_inside_vpc_not_subnet")
                        .s("table", &t.id)
                        .s("destination", dest)
                        .s("vpc_cidr", v),
                ),
                Some(sn) if !is_middlebox_target(&r.target) => out.push(
                    Diagnostic::error(&t.id, "invalid_subnet_route_target")
                        .s("table", &t.id)
                        .s("destination", dest)
                        .s("subnet", &sn.id)
                        .s("target", &r.target),
                ),
                Some(_) => {}
            }
        }
    }
}

/// A prefix-list destination names a service of the catalogue that has CIDRs (aws-semantics.md
/// §1, §7).
pub(super) fn prefix_list_destinations(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for t in cx.checked_tables() {
        for r in &t.routes {
            let Destination::PrefixList(name) = &r.destination else {
                continue;
            };
            match cx.services.get(name.as_str()) {
                None => out.push(
                    Diagnostic::error(&t.id, "unknown_service")
                        .s("case", "route")
                        .s("table", &t.id)
                        .s("service", name),
                ),
                // AWS manages prefix lists only for the services with gateway endpoints
                // (com.amazonaws.REGION.s3 and .dynamodb; VPC User Guide, "AWS-managed prefix
                // lists"): a route cannot name one for SQS, SSM, …
                Some(svc) if !svc.gateway_endpoint => out.push(
                    Diagnostic::error(&t.id, "prefix_list_unmanaged")
                        .s("table", &t.id)
                        .s("service", name),
                ),
                Some(svc) if svc.cidrs.is_empty() => out.push(
                    Diagnostic::error(&t.id, "prefix_list_empty")
                        .s("table", &t.id)
                        .s("service", name)
                        .s("region", &cx.s.region),
                ),
                Some(_) => {}
            }
        }
    }
}

/// A scenario's own service CIDRs are valid; a service CIDR inside a VPC CIDR is a warning, since
/// AWS ignores such prefix-list entries in subnet route tables (aws-semantics.md §1).
pub(super) fn service_cidrs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for o in &cx.s.services {
        for c in o.cidrs.iter().flatten() {
            cidr_without_host_bits(&o.name, "what-service-cidr", c, out);
        }
    }
    let mut names: Vec<&&str> = cx.services.keys().collect();
    names.sort();
    for name in names {
        let svc = cx.services[*name];
        for c in &svc.cidrs {
            if let Some(v) = cx.s.vpc.cidrs.iter().find(|v| v.contains(c)) {
                out.push(
                    Diagnostic::warning(&svc.name, "service_cidr_inside_vpc")
                        .s("service", &svc.name)
                        .s("cidr", c)
                        .s("vpc_cidr", v),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {

    use crate::model::validate::test_support::*;
    use crate::model::{
        Destination, GwlbEndpoint, NetworkInterface, Route, ServiceOverride, Target,
    };

    #[test]
    fn exactly_one_main_table() {
        let mut s = minimal();
        s.route_tables[1].main = true;
        s.route_tables[2].main = true;
        let d = run(&s);
        assert_eq!(found(&d, "multiple_main_route_tables").len(), 2);
        assert!(error(&d, "multiple_main_route_tables", "rtb-private").contains("rtb-main"));

        let mut s = minimal();
        s.route_tables[0].main = false;
        error(&run(&s), "no_main_route_table", "vpc-1");
    }

    #[test]
    fn one_explicit_association_per_subnet() {
        let mut s = minimal();
        table(&mut s, "rtb-public")
            .subnets
            .push("subnet-private-a".into());
        table(&mut s, "rtb-main").subnets.push("subnet-nope".into());
        let d = run(&s);
        let m = error(&d, "duplicate_association", "subnet-private-a");
        assert!(m.contains("rtb-public") && m.contains("rtb-private"), "{m}");
        error(&d, "unknown_subnet", "rtb-main");
    }

    #[test]
    fn explicit_association_with_the_main_table_is_fine() {
        let mut s = minimal();
        table(&mut s, "rtb-public").subnets.clear();
        table(&mut s, "rtb-main")
            .subnets
            .push("subnet-public-a".into());
        table(&mut s, "rtb-main")
            .routes
            .push(route("0.0.0.0/0", Target::InternetGateway("igw-1".into())));
        assert!(run(&s).is_empty());
    }

    #[test]
    fn route_destinations_are_unique() {
        let mut s = minimal();
        table(&mut s, "rtb-public")
            .routes
            .push(route("0.0.0.0/0", Target::Blackhole));
        let d = run(&s);
        assert!(error(&d, "duplicate_route_destination", "rtb-public").contains("0.0.0.0/0"));
    }

    #[test]
    fn written_prefix_list_route_clashes_with_the_endpoint_route() {
        let mut s = minimal();
        table(&mut s, "rtb-private").routes.push(Route {
            destination: Destination::PrefixList("s3".into()),
            target: Target::NatGateway("nat-a".into()),
        });
        let d = run(&s);
        assert!(error(&d, "duplicate_route_destination", "rtb-private").contains("vpce-s3"));
        // The same route on a table without the endpoint is fine (AWS allows pl routes to a NAT).
        let mut s = minimal();
        table(&mut s, "rtb-public").routes.push(Route {
            destination: Destination::PrefixList("s3".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        assert!(run(&s).is_empty());
    }

    #[test]
    fn derived_targets_are_refused() {
        let mut s = minimal();
        let t = table(&mut s, "rtb-main");
        t.routes.push(route("10.0.0.0/16", Target::Local));
        t.routes.push(route(
            "52.216.0.0/15",
            Target::GatewayEndpoint("vpce-s3".into()),
        ));
        let d = run(&s);
        let msgs = found(&d, "derived_route_target");
        assert_eq!(msgs.len(), 2, "{msgs:#?}");
        assert!(msgs[0].contains("derived"));
        assert!(msgs[1].contains("route_tables"));
        // No second finding for the same route from the inside-VPC rule.
        assert!(found(&d, "invalid_local_route_target").is_empty());
    }

    #[test]
    fn targets_resolve() {
        let mut s = minimal();
        let t = table(&mut s, "rtb-main");
        t.routes.push(route(
            "192.168.0.0/16",
            Target::NatGateway("nat-gone".into()),
        ));
        t.routes.push(route(
            "192.169.0.0/16",
            Target::InternetGateway("igw-2".into()),
        ));
        t.routes.push(route(
            "192.170.0.0/16",
            Target::NetworkInterface("eni-gone".into()),
        ));
        t.routes.push(route(
            "192.171.0.0/16",
            Target::GatewayLoadBalancerEndpoint("gwlbe-gone".into()),
        ));
        // Beyond the model: not resolved.
        t.routes.push(route(
            "192.172.0.0/16",
            Target::TransitGateway("tgw-1".into()),
        ));
        let d = run(&s);
        let msgs = found(&d, "unknown_target");
        assert_eq!(msgs.len(), 4, "{msgs:#?}");
        assert!(msgs.iter().any(|m| m.contains("nat-gone")));
        assert!(
            msgs.iter()
                .any(|m| m.contains("igw-2") && m.contains("igw-1"))
        );

        let mut s = minimal();
        s.internet_gateway = None;
        let d = run(&s);
        assert!(error(&d, "unknown_target", "rtb-public").contains("no internet gateway"));
    }

    #[test]
    fn local_route_replacement_targets() {
        let mut s = minimal();
        s.gwlb_endpoints.push(GwlbEndpoint {
            id: "gwlbe-a".into(),
            subnet: "subnet-public-a".into(),
            appliances_up: true,
        });
        table(&mut s, "rtb-public").routes.push(route(
            "10.0.0.0/16",
            Target::GatewayLoadBalancerEndpoint("gwlbe-a".into()),
        ));
        assert!(run(&s).is_empty());
        table(&mut s, "rtb-public").routes[1].target = Target::InternetGateway("igw-1".into());
        error(&run(&s), "invalid_local_route_target", "rtb-public");
    }

    #[test]
    fn routes_more_specific_than_the_vpc() {
        let mut s = minimal();
        s.network_interfaces.push(NetworkInterface {
            security_groups: Vec::new(),
            source_dest_check: None,
            id: "eni-fw".into(),
            description: None,
            subnet: "subnet-public-a".into(),
            ip: Some(ip("10.0.0.20")),
            public_ip: false,
        });
        // To a subnet CIDR through an appliance: allowed.
        table(&mut s, "rtb-public").routes.push(route(
            "10.0.1.0/24",
            Target::NetworkInterface("eni-fw".into()),
        ));
        assert!(run(&s).is_empty(), "{:#?}", run(&s));
        // Not a subnet's CIDR.
        table(&mut s, "rtb-public").routes.push(route(
            "10.0.1.0/25",
            Target::NetworkInterface("eni-fw".into()),
        ));
        // A subnet's CIDR, wrong kind of target.
        table(&mut s, "rtb-main").routes.push(route(
            "10.0.2.0/24",
            Target::InternetGateway("igw-1".into()),
        ));
        // Less specific than the VPC: an ordinary route.
        table(&mut s, "rtb-main")
            .routes
            .push(route("10.0.0.0/8", Target::TransitGateway("tgw-1".into())));
        let d = run(&s);
        assert!(error(&d, "route_inside_vpc_not_subnet", "rtb-public").contains("10.0.1.0/25"));
        assert!(error(&d, "invalid_subnet_route_target", "rtb-main").contains("subnet-private-b"));
        assert_eq!(d.iter().filter(|x| x.is_error()).count(), 2, "{d:#?}");
    }

    #[test]
    fn prefix_list_destinations_name_services_with_cidrs() {
        let mut s = minimal();
        s.services.push(ServiceOverride {
            name: "myapi".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: Some(true),
            interface_endpoint: None,
            cidrs: None,
        });
        let t = table(&mut s, "rtb-public");
        t.routes.push(Route {
            destination: Destination::PrefixList("sqs".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        t.routes.push(Route {
            destination: Destination::PrefixList("nosuch".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        t.routes.push(Route {
            destination: Destination::PrefixList("myapi".into()),
            target: Target::InternetGateway("igw-1".into()),
        });
        let d = run(&s);
        assert!(error(&d, "unknown_service", "rtb-public").contains("nosuch"));
        assert!(error(&d, "prefix_list_empty", "rtb-public").contains("myapi"));
        // AWS manages prefix lists for the gateway-endpoint services only.
        assert!(error(&d, "prefix_list_unmanaged", "rtb-public").contains("sqs"));
    }

    #[test]
    fn service_cidr_inside_vpc_is_a_warning() {
        let mut s = minimal();
        s.services.push(ServiceOverride {
            name: "sqs".into(),
            dns_name: None,
            private_dns_supported: None,
            gateway_endpoint: None,
            interface_endpoint: None,
            cidrs: Some(vec![net("10.0.200.0/24"), net("198.18.0.0/24")]),
        });
        let d = run(&s);
        assert!(warning(&d, "service_cidr_inside_vpc", "sqs").contains("10.0.200.0/24"));
        assert_eq!(d.len(), 1, "{d:#?}");
    }
}
