//! One small VPC, changed a little per test, so that each verdict and reason code is reached by
//! the rule that should produce it (aws-semantics.md §1–§6).

use std::path::Path;

use vpc_tui::eval::{CrossAz, PathTrace, Query, Reason, Verdict, Via, evaluate};
use vpc_tui::model::{Model, Scenario, Target, WhatIf, from_ron_str};

/// Public subnets a/c with an IGW route, private subnets a/c, one NAT gateway in public-a.
const BASE: &str = r#"(
    region: "us-east-1",
    vpc: (cidrs: ["10.0.0.0/16"]),
    availability_zones: [(name: "us-east-1a", id: "use1-az1"), (name: "us-east-1c", id: "use1-az4")],
    subnets: [
        (id: "subnet-public-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
        (id: "subnet-public-c", az: "us-east-1c", cidr: "10.0.10.0/24"),
        (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.1.0/24"),
        (id: "subnet-private-c", az: "us-east-1c", cidr: "10.0.11.0/24"),
        (id: "subnet-inspect-a", az: "us-east-1a", cidr: "10.0.2.0/24"),
    ],
    route_tables: [
        (id: "rtb-main", main: true),
        (id: "rtb-public", subnets: ["subnet-public-a", "subnet-public-c"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-1"))]),
        (id: "rtb-private", subnets: ["subnet-private-a", "subnet-private-c"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a"))]),
        (id: "rtb-inspect", subnets: ["subnet-inspect-a"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a"))]),
    ],
    internet_gateway: (id: "igw-1"),
    nat_gateways: [(id: "nat-a", subnet: "subnet-public-a")],
    gwlb_endpoints: [(id: "vpce-gwlb-a", subnet: "subnet-inspect-a")],
    network_interfaces: [(id: "eni-fw", subnet: "subnet-inspect-a", ip: "10.0.2.20")],
    instances: [
        (id: "i-pub", subnet: "subnet-public-a", public_ip: true),
        (id: "i-pub-noip", subnet: "subnet-public-a"),
        (id: "i-priv-a", subnet: "subnet-private-a"),
        (id: "i-priv-c", subnet: "subnet-private-c"),
    ],
)"#;

fn base() -> Scenario {
    from_ron_str(BASE, Path::new("base.ron")).unwrap()
}

fn model(s: Scenario) -> Model {
    Model::new(s).unwrap_or_else(|d| panic!("invalid test scenario: {d:#?}"))
}

fn run(m: &Model, from: &str, to: &str, failed: &[&str]) -> PathTrace {
    let what_if = WhatIf {
        failed_azs: failed.iter().map(|s| s.to_string()).collect(),
    };
    evaluate(m, &what_if, &Query::instance_to_service(from, to)).unwrap()
}

fn table<'a>(s: &'a mut Scenario, id: &str) -> &'a mut vpc_tui::model::RouteTable {
    s.route_tables.iter_mut().find(|t| t.id == id).unwrap()
}

fn set_default_route(s: &mut Scenario, table_id: &str, target: Target) {
    table(s, table_id).routes[0].target = target;
}

#[test]
fn public_instance_reaches_s3_through_the_internet_gateway() {
    let t = run(&model(base()), "i-pub", "s3", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Reachable {
            via: Via::InternetGateway,
            cross_az: None
        }
    );
    assert!(
        t.notes
            .iter()
            .any(|n| n.code() == "public_endpoint_stays_on_aws")
    );
}

#[test]
fn no_public_ip_is_blocked_at_the_internet_gateway() {
    let t = run(&model(base()), "i-pub-noip", "s3", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::NoPublicIp));
    assert!(why(&t).contains("no public IPv4"), "{}", why(&t));
}

#[test]
fn private_instance_goes_through_the_nat_gateway_and_the_nat_subnets_table() {
    let t = run(&model(base()), "i-priv-c", "sns", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Reachable {
            via: Via::NatGateway,
            cross_az: None
        }
    );
    let kinds: Vec<&str> = t.hops.iter().map(|h| h.kind.code()).collect();
    assert_eq!(
        kinds,
        [
            "source",
            "dns",
            "route_table",
            "nat_gateway",
            "route_table",
            "internet_gateway",
            "service"
        ]
    );
    assert_eq!(
        t.hops[4].id, "rtb-public",
        "the NAT routes by its own subnet's table"
    );
    assert!(t.notes.iter().any(|n| n.code() == "cross_az_dependency"));
}

#[test]
fn nat_in_a_failed_az_blocks_the_healthy_az() {
    let t = run(&model(base()), "i-priv-c", "sns", &["us-east-1a"]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::NatAzFailed));
    assert!(why(&t).contains("0.0.0.0/0 → nat-a"), "{}", why(&t));
    assert!(why(&t).contains("us-east-1a"), "{}", why(&t));
    // The AZ ID names the same physical zone.
    let t = run(&model(base()), "i-priv-c", "sns", &["use1-az1"]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::NatAzFailed));
}

#[test]
fn source_in_a_failed_az_is_unavailable() {
    let t = run(&model(base()), "i-priv-a", "sns", &["us-east-1a"]);
    assert_eq!(t.verdict, Verdict::Unavailable(Reason::SourceAzFailed));
}

#[test]
fn no_route_names_the_table_and_its_routes() {
    let mut s = base();
    table(&mut s, "rtb-private").routes.clear();
    let t = run(&model(s), "i-priv-a", "s3", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::NoRoute));
    assert!(why(&t).contains("pl-s3"), "{}", why(&t));
    assert!(why(&t).contains("rtb-private"), "{}", why(&t));
}

#[test]
fn blackhole_route_drops_traffic() {
    let mut s = base();
    set_default_route(&mut s, "rtb-private", Target::Blackhole);
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::BlackholeRoute));
}

#[test]
fn private_nat_gateway_cannot_reach_the_internet() {
    let mut s = base();
    s.nat_gateways[0].connectivity = vpc_tui::model::NatConnectivity::Private;
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::PrivateNatNoInternet));
}

#[test]
fn regional_nat_gateway_survives_an_az_and_needs_an_internet_gateway() {
    let mut s = base();
    s.nat_gateways[0].subnet = None;
    s.nat_gateways[0].availability_mode = vpc_tui::model::AvailabilityMode::Regional;
    let m = model(s.clone());
    let t = run(&m, "i-priv-c", "sns", &["us-east-1a"]);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{}", why(&t));
}

#[test]
fn public_nat_gateway_in_a_vpc_without_internet_gateway() {
    let mut s = base();
    s.internet_gateway = None;
    table(&mut s, "rtb-public").routes.clear();
    let m = Model::new(s);
    // A public NAT gateway without an IGW route is legal in AWS (a warning), and the path
    // then ends at the NAT's table.
    let m = m.unwrap_or_else(|d| panic!("{d:#?}"));
    let t = run(&m, "i-priv-a", "sns", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::NoInternetGateway));
}

#[test]
fn gateway_endpoint_route_beats_the_default_route_by_longest_prefix() {
    let mut s = base();
    s.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
        policy: None,
        id: "vpce-s3".into(),
        service: "s3".into(),
        route_tables: vec!["rtb-private".into()],
    });
    let m = model(s);
    let t = run(&m, "i-priv-a", "s3", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Reachable {
            via: Via::GatewayEndpoint,
            cross_az: None
        }
    );
    let rt = t
        .hops
        .iter()
        .find(|h| h.kind.code() == "route_table")
        .unwrap();
    assert!(
        rt.decisions()
            .iter()
            .all(|d| d.rule.code() == "longest_prefix")
    );
    assert!(
        rt.decisions()[0]
            .matches
            .iter()
            .any(|m| m.destination == "0.0.0.0/0" && !m.chosen)
    );
    // An AZ failure never takes a gateway endpoint down.
    let t = run(&m, "i-priv-c", "s3", &["us-east-1a"]);
    assert_eq!(t.verdict.via(), Some(Via::GatewayEndpoint));
    // The public table does not have it.
    assert_eq!(
        run(&m, "i-pub", "s3", &[]).verdict.via(),
        Some(Via::InternetGateway)
    );
    // Nor does DynamoDB benefit.
    assert_eq!(
        run(&m, "i-priv-a", "dynamodb", &[]).verdict.via(),
        Some(Via::NatGateway)
    );
}

#[test]
fn a_static_route_inside_an_s3_range_makes_the_verdict_partial() {
    let mut s = base();
    s.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
        policy: None,
        id: "vpce-s3".into(),
        service: "s3".into(),
        route_tables: vec!["rtb-private".into()],
    });
    table(&mut s, "rtb-private")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("52.216.10.0/24".parse().unwrap()),
            target: Target::Blackhole,
        });
    let t = run(&model(s), "i-priv-a", "s3", &[]);
    assert_eq!(t.verdict, Verdict::Partial, "{}", why(&t));
    let black = t
        .parts
        .iter()
        .find(|p| p.verdict == Verdict::Blocked(Reason::BlackholeRoute))
        .unwrap();
    assert_eq!(black.cidrs, vec!["52.216.10.0/24".parse().unwrap()]);
    assert!(
        t.parts
            .iter()
            .any(|p| p.verdict.via() == Some(Via::GatewayEndpoint))
    );
}

#[test]
fn dns_support_off_blocks_every_name() {
    let mut s = base();
    s.vpc.enable_dns_support = false;
    // DNS hostnames need DNS support (ModifyVpcAttribute).
    s.vpc.enable_dns_hostnames = false;
    let t = run(&model(s), "i-pub", "s3", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::DnsResolutionDisabled));
}

fn with_ssm(s: &mut Scenario, subnets: &[&str]) {
    s.interface_endpoints
        .push(vpc_tui::model::InterfaceEndpoint {
            dns_record_ip_type: Default::default(),
            ip_address_type: Default::default(),
            policy: None,
            lattice: None,
            security_groups: Vec::new(),
            id: "vpce-ssm".into(),
            service: "ssm".into(),
            subnets: subnets
                .iter()
                .map(|x| vpc_tui::model::EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: x.to_string(),
                    ip: None,
                })
                .collect(),
            private_dns: true,
            private_dns_only_for_inbound_resolver_endpoint: false,
            region: None,
        });
}

#[test]
fn interface_endpoint_cross_az_and_failure() {
    let mut s = base();
    with_ssm(&mut s, &["subnet-private-a"]);
    let m = model(s);
    let a = run(&m, "i-priv-a", "ssm", &[]);
    assert_eq!(a.verdict.cross_az(), Some(CrossAz::Never));
    let c = run(&m, "i-priv-c", "ssm", &[]);
    assert_eq!(
        c.verdict,
        Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az: Some(CrossAz::Always)
        }
    );
    let failed = run(&m, "i-priv-c", "ssm", &["us-east-1a"]);
    assert_eq!(
        failed.verdict,
        Verdict::Blocked(Reason::EndpointEnisAllFailed)
    );
}

#[test]
fn interface_endpoint_in_both_azs_is_sometimes_cross_az() {
    let mut s = base();
    with_ssm(&mut s, &["subnet-private-a", "subnet-private-c"]);
    let m = model(s);
    assert_eq!(
        run(&m, "i-priv-c", "ssm", &[]).verdict.cross_az(),
        Some(CrossAz::Sometimes)
    );
    let t = run(&m, "i-priv-c", "ssm", &["us-east-1a"]);
    assert_eq!(t.verdict.cross_az(), Some(CrossAz::Never));
    assert!(t.notes.iter().any(|n| n.code() == "failed_az_enis_dropped"));
}

#[test]
fn private_dns_off_resolves_publicly_and_takes_the_nat() {
    let mut s = base();
    with_ssm(&mut s, &["subnet-private-a"]);
    s.interface_endpoints[0].private_dns = false;
    let t = run(&model(s), "i-priv-a", "ssm", &[]);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway));
    assert!(t.notes.iter().any(|n| n.code() == "private_dns_off"));
}

#[test]
fn dns_hostnames_off_disables_private_dns() {
    let mut s = base();
    with_ssm(&mut s, &["subnet-private-a"]);
    s.vpc.enable_dns_hostnames = false;
    let t = run(&model(s), "i-priv-a", "ssm", &[]);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway));
    assert!(t.notes.iter().any(|n| n.code() == "dns_hostnames_off"));
}

#[test]
fn gwlb_endpoint_inspects_then_routes_by_its_own_subnet() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
    );
    // Without a way back through the endpoint, the NAT gateway's replies skip the stateful
    // appliances: asymmetric.
    let t = run(&model(s.clone()), "i-priv-c", "sqs", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::AsymmetricReturn),
        "{}",
        why(&t)
    );
    assert!(why(&t).contains("rtb-public"), "{}", why(&t));
    // The NAT subnet's table sends the private subnets back through the endpoint.
    for cidr in ["10.0.1.0/24", "10.0.11.0/24"] {
        table(&mut s, "rtb-public")
            .routes
            .push(vpc_tui::model::Route {
                destination: vpc_tui::model::Destination::Cidr(cidr.parse().unwrap()),
                target: Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
            });
    }
    let m = model(s.clone());
    let t = run(&m, "i-priv-c", "sqs", &[]);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{}", why(&t));
    assert!(t.hops.iter().any(|h| h.kind.code() == "inspection"));
    assert!(t.hops.iter().any(|h| h.kind.code() == "return"
        && vpc_tui::explain::hop_sentence(vpc_tui::explain::Lang::En, h).contains("symmetric")));
    assert_eq!(
        run(&m, "i-priv-c", "sqs", &["us-east-1a"]).verdict,
        Verdict::Blocked(Reason::GwlbEndpointFailed)
    );
    s.gwlb_endpoints[0].appliances_up = false;
    assert_eq!(
        run(&model(s), "i-priv-c", "sqs", &[]).verdict,
        Verdict::Blocked(Reason::GwlbEndpointFailed)
    );
}

#[test]
fn appliance_that_routes_back_to_itself_is_a_routing_loop() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::NetworkInterface("eni-fw".into()),
    );
    set_default_route(
        &mut s,
        "rtb-inspect",
        Target::NetworkInterface("eni-fw".into()),
    );
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::RoutingLoop));
}

#[test]
fn two_appliances_bouncing_traffic_is_a_routing_loop() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
    );
    set_default_route(
        &mut s,
        "rtb-inspect",
        Target::NetworkInterface("eni-fw".into()),
    );
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::RoutingLoop));
}

#[test]
fn appliance_in_a_failed_az() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::NetworkInterface("eni-fw".into()),
    );
    let t = run(&model(s), "i-priv-c", "sqs", &["us-east-1a"]);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::ApplianceUnavailable));
}

#[test]
fn transit_gateway_route_leaves_the_vpc() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::TransitGateway("tgw-1".into()),
    );
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(
        t.verdict,
        Verdict::LeavesVpc {
            target: "tgw-1".into()
        }
    );
}

#[test]
fn equal_prefix_lists_to_different_targets_are_flagged_arbitrary() {
    let mut s = base();
    s.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
        policy: None,
        id: "vpce-s3".into(),
        service: "s3".into(),
        route_tables: vec!["rtb-private".into()],
    });
    // A second prefix list (a scenario-defined one) that holds one of S3's CIDRs.
    s.services.push(vpc_tui::model::ServiceOverride {
        name: "partner-ranges".into(),
        dns_name: None,
        private_dns_supported: None,
        gateway_endpoint: Some(true),
        interface_endpoint: None,
        cidrs: Some(vec!["54.231.0.0/16".parse().unwrap()]),
    });
    table(&mut s, "rtb-private")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::PrefixList("partner-ranges".into()),
            target: Target::TransitGateway("tgw-1".into()),
        });
    let t = run(&model(s), "i-priv-a", "s3", &[]);
    let note = t
        .notes
        .iter()
        .find(|n| n.code() == "arbitrary_prefix_list_choice")
        .expect("the arbitrary choice is flagged");
    assert!(
        vpc_tui::explain::note_sentence(vpc_tui::explain::Lang::En, note).contains("54.231.0.0/16"),
        "{}",
        vpc_tui::explain::note_sentence(vpc_tui::explain::Lang::En, note)
    );
    // 54.231.0.0/16 goes one way, the other S3 ranges through the endpoint.
    assert_eq!(t.verdict, Verdict::Partial);
    assert!(
        t.parts
            .iter()
            .flat_map(|p| &p.hops)
            .flat_map(|h| h.decisions())
            .any(|d| d.rule.code() == "arbitrary_prefix_list")
    );
}

#[test]
fn a_nat_gateway_in_the_sources_own_az_is_no_cross_az_dependency() {
    let m = model(base());
    let a = run(&m, "i-priv-a", "sns", &[]);
    assert_eq!(a.verdict.via(), Some(Via::NatGateway));
    assert!(
        !a.notes.iter().any(|n| n.code() == "cross_az_dependency"),
        "{:?}",
        a.notes
    );
    let c = run(&m, "i-priv-c", "sns", &[]);
    assert!(c.notes.iter().any(|n| n.code() == "cross_az_dependency"));
}

#[test]
fn stateless_appliances_survive_an_asymmetric_return_with_a_note() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
    );
    s.gateway_load_balancers
        .push(vpc_tui::model::GatewayLoadBalancer {
            id: "gwlb-fw".into(),
            endpoints: vec!["vpce-gwlb-a".into()],
            cross_zone_load_balancing: false,
            stateful: false,
            appliances: vec![vpc_tui::model::ApplianceZone {
                az: "us-east-1a".into(),
                healthy: true,
            }],
        });
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{}", why(&t));
    assert!(
        t.notes
            .iter()
            .any(|n| n.code() == "asymmetric_return_stateless")
    );
}

#[test]
fn appliance_health_is_per_az_unless_cross_zone_is_on() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
    );
    table(&mut s, "rtb-public")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("10.0.1.0/24".parse().unwrap()),
            target: Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
        });
    s.gateway_load_balancers
        .push(vpc_tui::model::GatewayLoadBalancer {
            id: "gwlb-fw".into(),
            endpoints: vec!["vpce-gwlb-a".into()],
            cross_zone_load_balancing: false,
            stateful: true,
            appliances: vec![
                vpc_tui::model::ApplianceZone {
                    az: "us-east-1a".into(),
                    healthy: false,
                },
                vpc_tui::model::ApplianceZone {
                    az: "use1-az4".into(),
                    healthy: true,
                },
            ],
        });
    let t = run(&model(s.clone()), "i-priv-a", "sqs", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::GwlbEndpointFailed),
        "{}",
        why(&t)
    );
    assert!(why(&t).contains("cross-zone"), "{}", why(&t));
    s.gateway_load_balancers[0].cross_zone_load_balancing = true;
    let t = run(&model(s), "i-priv-a", "sqs", &[]);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{}", why(&t));
}

/// The English summary of a trace (the evaluator returns facts; `explain` writes the sentence).
fn why(t: &vpc_tui::eval::PathTrace) -> String {
    vpc_tui::explain::summary(vpc_tui::explain::Lang::En, t)
}

// ---------------------------------------------------------------------------------------------
// Issue 14: right answers
// ---------------------------------------------------------------------------------------------

fn s3_gateway_on(s: &mut Scenario, tables: &[&str]) {
    s.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
        policy: None,
        id: "vpce-s3".into(),
        service: "s3".into(),
        route_tables: tables.iter().map(|t| t.to_string()).collect(),
    });
}

fn to_address(m: &Model, from: &str, to: &str) -> PathTrace {
    evaluate(m, &WhatIf::default(), &Query::parse(m, from, to, false)).unwrap()
}

/// Every range blocked, for different reasons, is blocked (not partial), with every range's
/// reason in the parts.
#[test]
fn no_reachable_range_is_blocked_not_partial() {
    let mut s = base();
    // Most of S3: the default route is a blackhole. One range: an appliance in the failed AZ.
    set_default_route(&mut s, "rtb-private", Target::Blackhole);
    table(&mut s, "rtb-private")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("52.216.0.0/15".parse().unwrap()),
            target: Target::NetworkInterface("eni-fw".into()),
        });
    let t = run(&model(s), "i-priv-c", "s3", &["us-east-1a"]);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::BlackholeRoute),
        "{}",
        why(&t)
    );
    let reasons: Vec<_> = t.parts.iter().map(|p| p.verdict.reason()).collect();
    assert!(
        reasons.contains(&Some(Reason::BlackholeRoute)),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&Some(Reason::ApplianceUnavailable)),
        "{reasons:?}"
    );
}

/// Ranges that all arrive, by different ways, are reachable via mixed; a check of them exits 0.
#[test]
fn every_range_reachable_by_two_ways_is_reachable_mixed() {
    let mut s = base();
    s3_gateway_on(&mut s, &["rtb-private"]);
    table(&mut s, "rtb-private")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("52.216.10.0/24".parse().unwrap()),
            target: Target::NatGateway("nat-a".into()),
        });
    let t = run(&model(s), "i-priv-a", "s3", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Reachable {
            via: Via::Mixed,
            cross_az: None
        },
        "{}",
        why(&t)
    );
    assert_eq!(t.parts.len(), 2);
}

/// A path inspected by a GWLB endpoint that ends at a gateway endpoint gets its replies straight
/// from the gateway endpoint, never through the appliances: asymmetric for stateful ones.
#[test]
fn inspected_traffic_to_a_gateway_endpoint_needs_its_way_back() {
    let mut s = base();
    set_default_route(
        &mut s,
        "rtb-private",
        Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
    );
    s3_gateway_on(&mut s, &["rtb-inspect"]);
    let t = run(&model(s), "i-priv-a", "s3", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::AsymmetricReturn),
        "{}",
        why(&t)
    );
    assert!(t.hops.iter().any(|h| h.kind.code() == "return"));
    assert!(why(&t).contains("vpce-s3"), "{}", why(&t));
}

/// An interface endpoint's replies follow its ENI subnet's table: back through the endpoint
/// only when that table sends the source's subnet to it.
#[test]
fn inspected_traffic_to_an_interface_endpoint_needs_its_way_back() {
    let mut s = base();
    with_ssm(&mut s, &["subnet-public-c"]);
    // The private subnets send the endpoint's subnet through the appliances.
    table(&mut s, "rtb-private")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("10.0.10.0/24".parse().unwrap()),
            target: Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
        });
    let t = run(&model(s.clone()), "i-priv-a", "ssm", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::AsymmetricReturn),
        "{}",
        why(&t)
    );
    // The endpoint subnet's table sends replies to private-a back through the same endpoint.
    table(&mut s, "rtb-public")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("10.0.1.0/24".parse().unwrap()),
            target: Target::GatewayLoadBalancerEndpoint("vpce-gwlb-a".into()),
        });
    let t = run(&model(s), "i-priv-a", "ssm", &[]);
    assert_eq!(t.verdict.via(), Some(Via::InterfaceEndpoint), "{}", why(&t));
}

/// A subnet CIDR routed to a regional NAT gateway is delivered inside the VPC, never through
/// the internet gateway.
#[test]
fn a_private_destination_never_leaves_through_the_internet_gateway() {
    let mut s = base();
    s.nat_gateways[0].subnet = None;
    s.nat_gateways[0].availability_mode = vpc_tui::model::AvailabilityMode::Regional;
    table(&mut s, "rtb-private")
        .routes
        .push(vpc_tui::model::Route {
            destination: vpc_tui::model::Destination::Cidr("10.0.11.0/24".parse().unwrap()),
            target: Target::NatGateway("nat-a".into()),
        });
    let t = to_address(&model(s), "i-priv-a", "10.0.11.10");
    assert_eq!(t.verdict.via(), Some(Via::Local), "{}", why(&t));
    assert!(!t.hops.iter().any(|h| h.kind.code() == "internet_gateway"));
}

/// A long chain of distinct appliances is no loop.
#[test]
fn a_chain_of_twenty_appliances_is_no_routing_loop() {
    let mut s = base();
    let n = 20;
    for i in 0..n {
        s.subnets.push(vpc_tui::model::Subnet {
            dns64: Default::default(),
            ipv6_cidr: Default::default(),
            ipv6_only: Default::default(),
            id: format!("subnet-fw-{i}"),
            name: None,
            az: "us-east-1a".into(),
            cidr: Some(format!("10.0.{}.0/24", 100 + i).parse().unwrap()),
        });
        s.network_interfaces.push(vpc_tui::model::NetworkInterface {
            security_groups: Vec::new(),
            source_dest_check: None,
            id: format!("eni-fw-{i}"),
            description: None,
            subnet: format!("subnet-fw-{i}"),
            ip: None,
            public_ip: i == n - 1,
        });
        let next = if i + 1 < n {
            Target::NetworkInterface(format!("eni-fw-{}", i + 1).into())
        } else {
            Target::InternetGateway("igw-1".into())
        };
        s.route_tables.push(vpc_tui::model::RouteTable {
            ipv6_routes: Default::default(),
            id: format!("rtb-fw-{i}"),
            subnets: vec![format!("subnet-fw-{i}")],
            name: None,
            main: false,
            gateways: Vec::new(),
            routes: vec![vpc_tui::model::Route {
                destination: vpc_tui::model::Destination::Cidr("0.0.0.0/0".parse().unwrap()),
                target: next,
            }]
            .into(),
        });
    }
    set_default_route(
        &mut s,
        "rtb-private",
        Target::NetworkInterface("eni-fw-0".into()),
    );
    let t = run(&model(s), "i-priv-a", "sns", &[]);
    assert_eq!(t.verdict.via(), Some(Via::InternetGateway), "{}", why(&t));
}

/// A NAT gateway whose subnet table sends S3 on to a gateway endpoint: `via` is the gateway
/// endpoint, and no note claims an internet gateway was used.
#[test]
fn nat_then_gateway_endpoint_is_labelled_by_the_last_hop() {
    let mut s = base();
    s3_gateway_on(&mut s, &["rtb-public"]);
    let t = run(&model(s), "i-priv-a", "s3", &[]);
    assert_eq!(t.verdict.via(), Some(Via::GatewayEndpoint), "{}", why(&t));
    assert!(
        !t.notes
            .iter()
            .any(|n| n.code() == "public_endpoint_stays_on_aws")
    );
}

/// A public NAT gateway whose subnet table has no route out is `no_internet_gateway`, whether
/// or not the VPC has an internet gateway.
#[test]
fn a_nat_subnet_without_a_way_out_is_no_internet_gateway_either_way() {
    let mut s = base();
    table(&mut s, "rtb-public").routes.clear();
    let t = run(&model(s), "i-priv-a", "sns", &[]);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::NoInternetGateway),
        "{}",
        why(&t)
    );
}
