//! Applying any suggestion on random models yields the verdict it claimed and flips exactly the
//! cells it listed (the generators are those of `eval_props.rs`).

use proptest::prelude::*;
use vpc_tui::eval::{Query, evaluate, evaluate_all};
use vpc_tui::fix;
use vpc_tui::model::{
    AvailabilityZone, Destination, GwlbEndpoint, Instance, InternetGateway, Model, NatConnectivity,
    NatGateway, NetworkInterface, Route, RouteTable, Scenario, Subnet, Target, Vpc, WhatIf,
};

const SUBNETS: usize = 6;

/// A random target for a default route: anything a table can point at, so that chains and
/// cycles through NAT gateways, GWLB endpoints and appliance ENIs are common.
fn target(n: u8) -> Target {
    match n % 8 {
        0 => Target::InternetGateway("igw-1".into()),
        1 => Target::NatGateway(format!("nat-{}", n % 3).into()),
        2 => Target::GatewayLoadBalancerEndpoint(format!("vpce-gwlb-{}", n % 3).into()),
        3 | 4 => Target::NetworkInterface(format!("eni-{}", n % 3).into()),
        5 => Target::Blackhole,
        6 => Target::TransitGateway("tgw-1".into()),
        _ => Target::NatGateway(format!("nat-{}", (n / 8) % 3).into()),
    }
}

fn scenario(defaults: &[Option<u8>], publics: &[bool], private_nat: bool) -> Scenario {
    let subnets: Vec<Subnet> = (0..SUBNETS)
        .map(|i| Subnet {
            id: format!("subnet-{i}"),
            name: None,
            az: ["az-a", "az-b", "az-c"][i % 3].into(),
            cidr: format!("10.0.{i}.0/24").parse().unwrap(),
        })
        .collect();
    let mut route_tables = vec![RouteTable {
        id: "rtb-main".into(),
        name: None,
        main: true,
        subnets: vec![],
        gateways: vec![],
        routes: Default::default(),
    }];
    for (i, d) in defaults.iter().enumerate().take(SUBNETS) {
        route_tables.push(RouteTable {
            id: format!("rtb-{i}"),
            name: None,
            main: false,
            subnets: vec![format!("subnet-{i}")],
            gateways: vec![],
            routes: d
                .map(|t| Route {
                    destination: Destination::Cidr("0.0.0.0/0".parse().unwrap()),
                    target: target(t),
                })
                .into_iter()
                .collect(),
        });
    }
    Scenario {
        buckets: Vec::new(),
        ephemeral_ports: None,
        network_acls: Vec::new(),
        security_groups: Vec::new(),
        title: None,
        description: None,
        title_ja: None,
        description_ja: None,
        region: "us-east-1".into(),
        vpc: Vpc {
            id: "vpc-1".into(),
            cidrs: vec!["10.0.0.0/16".parse().unwrap()],
            enable_dns_support: true,
            enable_dns_hostnames: true,
        },
        availability_zones: ["az-a", "az-b", "az-c"]
            .iter()
            .map(|n| AvailabilityZone {
                name: n.to_string(),
                id: None,
            })
            .collect(),
        subnets,
        route_tables,
        internet_gateway: Some(InternetGateway { id: "igw-1".into() }),
        nat_gateways: (0..3)
            .map(|i| NatGateway {
                elastic_ip: None,
                id: format!("nat-{i}"),
                name: None,
                subnet: Some(format!("subnet-{}", i * 2)),
                connectivity: if private_nat && i == 1 {
                    NatConnectivity::Private
                } else {
                    NatConnectivity::Public
                },
                availability_mode: Default::default(),
            })
            .collect(),
        gateway_endpoints: vec![],
        interface_endpoints: vec![],
        gwlb_endpoints: (0..3)
            .map(|i| GwlbEndpoint {
                id: format!("vpce-gwlb-{i}"),
                subnet: format!("subnet-{}", i + 1),
                appliances_up: true,
            })
            .collect(),
        gateway_load_balancers: vec![],
        network_interfaces: (0..3)
            .map(|i| NetworkInterface {
                security_groups: Vec::new(),
                source_dest_check: None,
                id: format!("eni-{i}"),
                description: None,
                subnet: format!("subnet-{}", (i * 2 + 1) % SUBNETS),
                ip: None,
                public_ip: i == 2,
            })
            .collect(),
        instances: (0..SUBNETS)
            .map(|i| Instance {
                security_groups: Vec::new(),
                id: format!("i-{i}"),
                name: None,
                subnet: format!("subnet-{i}"),
                private_ip: None,
                public_ip: publics.get(i).copied().unwrap_or(false),
            })
            .collect(),
        services: vec![],
        workloads: vec![],
        what_if: WhatIf::default(),
        expect: vec![],
        lesson: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_suggestion_does_what_it_claims(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        private_nat in any::<bool>(),
        from in 0..SUBNETS,
        to in prop::sample::select(vec!["s3", "dynamodb", "ssm", "sqs", "workload:ecr-pull"]),
        failed in proptest::collection::vec(prop::sample::select(vec!["az-a", "az-b", "az-c"]), 0..2),
    ) {
        let Ok(model) = Model::new(scenario(&defaults, &publics, private_nat)) else { return Ok(()); };
        let what_if = WhatIf { failed_azs: failed.iter().map(|s| s.to_string()).collect() };
        let q = Query::parse(&model, &format!("i-{from}"), to, false);
        let found = fix::suggest(&model, &what_if, &q).unwrap();
        let before = evaluate_all(&model, &what_if);
        for s in &found.suggestions {
            let after = fix::apply(&model, s).unwrap();
            let t = evaluate(&after, &what_if, &q).unwrap();
            prop_assert_eq!(&t.verdict, &s.verdict);
            prop_assert!(s.verdict.is_reachable());
            let m = evaluate_all(&after, &what_if);
            let (mut gained, mut lost) = (0, 0);
            for r in 0..before.instances.len() {
                for c in 0..before.cells[r].len() {
                    let (was, now) = (before.cells[r][c].verdict.is_reachable(), m.cells[r][c].verdict.is_reachable());
                    let cell = fix::Cell { instance: before.instances[r].clone(), to: before.services.iter().chain(&before.workloads).nth(c).unwrap().clone() };
                    if !was && now { gained += 1; prop_assert!(s.gained.contains(&cell), "{:?} not listed", cell); }
                    if was && !now { lost += 1; prop_assert!(s.lost.contains(&cell), "{:?} not listed", cell); }
                }
            }
            prop_assert_eq!(gained, s.gained.len());
            prop_assert_eq!(lost, s.lost.len());
        }
    }
}
