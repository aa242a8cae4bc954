//! Evaluation terminates and never panics on random models, loops through appliances included.

mod common;

use common::random::{SUBNETS, scenario, with_endpoint, with_s3_routes};
use proptest::prelude::*;
use vpc_tui::eval::{
    ClassKey, Query, Reason, Stop, Verdict, evaluate, evaluate_all, evaluate_classes,
};
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::{
    Instance, Model, NetworkAcl, NetworkAclRule, Peer, Protocol, RuleAction, Scenario,
    SecurityGroup, SecurityGroupRule, WhatIf,
};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn evaluation_terminates_with_an_explained_verdict(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        private_nat in any::<bool>(),
        failed in proptest::collection::vec(prop::sample::select(vec!["az-a", "az-b", "az-c"]), 0..3),
    ) {
        let s = scenario(&defaults, &publics, private_nat);
        // Random models may break an AWS rule (a public NAT without an IGW route is only a
        // warning, so most load); those that do not load are the validator's business.
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let what_if = WhatIf { failed_azs: failed.iter().map(|s| s.to_string()).collect() };
        for i in 0..SUBNETS {
            for svc in ["s3", "sqs"] {
                let t = evaluate(&model, &what_if, &Query::instance_to_service(&format!("i-{i}"), svc)).unwrap();
                prop_assert!(!explain::summary(Lang::En, &t).is_empty(), "{t:?}");
                prop_assert!(t.hops.len() < 80);
                if let Verdict::Blocked(Reason::RoutingLoop) = t.verdict {
                    prop_assert!(
                        matches!(t.stop(), Some(Stop::RoutingLoop { .. })),
                        "{t:?}"
                    );
                    prop_assert!(explain::summary(Lang::En, &t).contains("loop"));
                }
            }
        }
        let m = evaluate_all(&model, &what_if);
        prop_assert_eq!(m.cells.len(), SUBNETS);
        // The matrix (no sentences) agrees with the full evaluation.
        for i in 0..SUBNETS {
            for (j, svc) in m.services.iter().enumerate() {
                let t = evaluate(&model, &what_if, &Query::instance_to_service(&format!("i-{i}"), svc)).unwrap();
                prop_assert_eq!(&m.cells[i][j].verdict, &t.verdict);
            }
        }
    }
}

/// Any source form against any destination form.
fn query_strings() -> impl Strategy<Value = (String, String, bool)> {
    let from = prop_oneof![
        (0..SUBNETS).prop_map(|i| format!("i-{i}")),
        (0..SUBNETS).prop_map(|i| format!("subnet-{i}")),
        (0..SUBNETS, 4u8..250).prop_map(|(i, h)| format!("10.0.{i}.{h}")),
    ];
    let to = prop_oneof![
        prop::sample::select(vec!["s3", "dynamodb", "ssm", "sqs", "sts", "ecr.dkr"])
            .prop_map(String::from),
        prop::sample::select(vec![
            "s3@us-west-2",
            "dynamodb@ap-northeast-1",
            "s3@us-east-1"
        ])
        .prop_map(String::from),
        prop::sample::select(vec!["s3.amazonaws.com", "sts.amazonaws.com"]).prop_map(String::from),
        (any::<u32>(), 8u8..=32).prop_map(|(a, l)| ipnet::Ipv4Net::new(a.into(), l)
            .unwrap()
            .trunc()
            .to_string()),
        (0u8..8, 0u8..=255).prop_map(|(s, h)| format!("10.0.{s}.{h}")),
        prop::sample::select(vec![
            "workload:session-manager",
            "workload:ecr-pull",
            "workload:cloudwatch-agent"
        ])
        .prop_map(String::from),
    ];
    (from, to, any::<bool>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_source_to_any_destination_terminates_with_an_explained_verdict(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        (from, to, public_ip) in query_strings(),
        failed in proptest::collection::vec(prop::sample::select(vec!["az-a", "az-b", "az-c"]), 0..2),
    ) {
        let Ok(model) = Model::new(scenario(&defaults, &publics, false)) else { return Ok(()); };
        let what_if = WhatIf { failed_azs: failed.iter().map(|s| s.to_string()).collect() };
        let query = Query::parse(&model, &from, &to, public_ip);
        let t = evaluate(&model, &what_if, &query).unwrap();
        prop_assert!(!explain::summary(Lang::En, &t).is_empty(), "{from} → {to}: {t:?}");
        prop_assert!(!explain::summary(Lang::Ja, &t).is_empty(), "{from} → {to}: {t:?}");
        prop_assert!(t.hops.len() < 80);
        // A workload is reachable exactly when each of its parts is.
        if let Some(name) = to.strip_prefix("workload:") {
            let w = model.workloads().iter().find(|w| w.name == name).unwrap();
            let all = w.services.iter().all(|s| {
                evaluate(&model, &what_if, &Query::parse(&model, &from, s, public_ip))
                    .unwrap()
                    .verdict
                    .is_reachable()
            });
            let source_down = matches!(t.verdict, Verdict::Unavailable(_));
            prop_assert!(source_down || t.verdict.is_reachable() == all, "{t:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Verdicts by outcome (README, verdicts): `partial` has a reachable part and an
    /// unreachable one; ranges that all arrive are `reachable`, by however many paths; the
    /// matrix agrees with the full evaluation.
    #[test]
    fn partial_means_part_reachable_and_part_not(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        endpoint_on in proptest::collection::vec(any::<bool>(), SUBNETS),
        overrides in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        failed in proptest::collection::vec(prop::sample::select(vec!["az-a", "az-b", "az-c"]), 0..2),
    ) {
        // An S3 gateway endpoint on some tables, and a static route inside one S3 range on some.
        let s = with_s3_routes(scenario(&defaults, &publics, false), &endpoint_on, &overrides);
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let what_if = WhatIf { failed_azs: failed.iter().map(|s| s.to_string()).collect() };
        let m = evaluate_all(&model, &what_if);
        let col = m.services.iter().position(|x| x == "s3").unwrap();
        for i in 0..SUBNETS {
            let t = evaluate(&model, &what_if, &Query::instance_to_service(&format!("i-{i}"), "s3")).unwrap();
            let reached = t.parts.iter().filter(|p| p.verdict.is_reachable()).count();
            match &t.verdict {
                Verdict::Partial => {
                    prop_assert!(reached >= 1 && reached < t.parts.len(), "{t:?}");
                }
                v if !t.parts.is_empty() => {
                    prop_assert_eq!(v.is_reachable(), reached == t.parts.len(), "{:?}", t);
                    prop_assert!(v.is_reachable() || reached == 0, "{:?}", t);
                }
                _ => {}
            }
            prop_assert_eq!(&m.cells[i][col].verdict, &t.verdict, "i-{}", i);
        }
    }
}

fn all_rule() -> SecurityGroupRule {
    SecurityGroupRule {
        protocol: Protocol::All,
        ports: None,
        peer: Peer::Cidr("0.0.0.0/0".parse().unwrap()),
        description: None,
    }
}

/// Every interface in `group`, with `ingress` and `egress` rules.
fn with_group(
    mut s: Scenario,
    ingress: Vec<SecurityGroupRule>,
    egress: Vec<SecurityGroupRule>,
) -> Scenario {
    let id = "sg-all".to_string();
    s.security_groups.push(SecurityGroup {
        id: id.clone(),
        name: None,
        ingress: ingress.into(),
        egress: egress.into(),
        ingress_ipv6: Vec::new(),
        egress_ipv6: Vec::new(),
    });
    s.instances = s
        .instances
        .iter()
        .cloned()
        .map(|mut i| {
            i.security_groups = vec![id.clone()];
            i
        })
        .collect();
    for e in &mut s.interface_endpoints {
        e.security_groups = vec![id.clone()];
    }
    for n in &mut s.network_interfaces {
        n.security_groups = vec![id.clone()];
    }
    s
}

fn allow_all_acl() -> NetworkAcl {
    let rule = NetworkAclRule {
        number: 100,
        protocol: Protocol::All,
        ports: None,
        cidr: "0.0.0.0/0".parse().unwrap(),
        action: RuleAction::Allow,
    };
    NetworkAcl {
        id: "acl-all".into(),
        name: None,
        default: true,
        subnets: vec![],
        inbound: vec![rule.clone()].into(),
        outbound: vec![rule].into(),
        ipv6_inbound: Vec::new(),
        ipv6_outbound: Vec::new(),
    }
}

const TARGETS: [&str; 4] = ["s3", "sqs", "ssm", "10.0.3.0/24"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Adding a group and a network ACL that allow everything never changes a routing verdict,
    /// and the matrix (classes keyed by groups and address) still agrees with every trace.
    #[test]
    fn allow_all_groups_and_acls_change_no_verdict(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        private_nat in any::<bool>(),
    ) {
        let plain = with_endpoint(scenario(&defaults, &publics, private_nat));
        let mut open = with_group(plain.clone(), vec![all_rule()], vec![all_rule()]);
        open.network_acls.push(allow_all_acl());
        let (Ok(plain), Ok(open)) = (Model::new(plain), Model::new(open)) else {
            return Ok(());
        };
        prop_assert!(open.security().groups_on && open.security().acls_on);
        let what_if = WhatIf::default();
        for i in 0..SUBNETS {
            for to in TARGETS {
                let q = Query::parse(&plain, &format!("i-{i}"), to, false);
                let a = evaluate(&plain, &what_if, &q).unwrap();
                let b = evaluate(&open, &what_if, &q).unwrap();
                prop_assert_eq!(&a.verdict, &b.verdict, "i-{} → {}: {:?}", i, to, b);
                prop_assert!(!b.unchecked.contains("security_groups"));
            }
        }
        let m = evaluate_all(&open, &what_if);
        for i in 0..SUBNETS {
            for (j, svc) in m.services.iter().enumerate() {
                let t = evaluate(&open, &what_if, &Query::instance_to_service(&format!("i-{i}"), svc)).unwrap();
                prop_assert_eq!(&m.cells[i][j].verdict, &t.verdict);
            }
        }
    }

    /// With every egress rule removed, every path stops at the source's security groups,
    /// before any route table.
    #[test]
    fn without_egress_rules_every_path_stops_at_the_source(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
    ) {
        let s = with_group(with_endpoint(scenario(&defaults, &publics, false)), vec![all_rule()], vec![]);
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let what_if = WhatIf::default();
        for i in 0..SUBNETS {
            for to in TARGETS {
                let q = Query::parse(&model, &format!("i-{i}"), to, false);
                let t = evaluate(&model, &what_if, &q).unwrap();
                prop_assert_eq!(&t.verdict, &Verdict::Blocked(Reason::SecurityGroupEgress), "i-{} → {}: {:?}", i, to, t);
                prop_assert!(!t.hops.iter().any(|h| h.kind == vpc_tui::eval::HopKind::RouteTable), "{t:?}");
            }
        }
        let m = evaluate_all(&model, &what_if);
        for row in &m.cells {
            for c in row.iter().take(m.services.len()) {
                prop_assert_eq!(&c.verdict, &Verdict::Blocked(Reason::SecurityGroupEgress));
            }
        }
    }
}

/// Endpoint and bucket policies (aws-semantics.md §5b): AWS's default full-access policy
/// written out on every endpoint, and buckets without policies, evaluate the policy layer
/// (it is no longer listed as not evaluated) but never change a verdict; the matrix agrees.
fn with_full_access(mut s: Scenario, s3_tables: Vec<String>) -> Scenario {
    if !s3_tables.is_empty() {
        s.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
            id: "vpce-s3".into(),
            service: "s3".into(),
            route_tables: s3_tables,
            policy: None,
        });
    }
    let mut open = s.clone();
    for g in &mut open.gateway_endpoints {
        g.policy = Some(vpc_tui::model::Policy::full_access());
    }
    for e in &mut open.interface_endpoints {
        e.policy = Some(vpc_tui::model::Policy::full_access());
    }
    open.buckets.push(vpc_tui::model::Bucket {
        name: "logs".into(),
        policy: None,
    });
    open
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn full_access_endpoint_policies_and_no_bucket_policy_change_no_verdict(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        endpoint_on in proptest::collection::vec(any::<bool>(), SUBNETS),
        private_nat in any::<bool>(),
        precise in any::<bool>(),
    ) {
        let tables: Vec<String> = (0..SUBNETS)
            .filter(|&i| endpoint_on[i])
            .map(|i| format!("rtb-{i}"))
            .collect();
        let base = with_endpoint(scenario(&defaults, &publics, private_nat));
        let open = with_full_access(base.clone(), tables.clone());
        let mut plain = base;
        if !tables.is_empty() {
            plain.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
                id: "vpce-s3".into(),
                service: "s3".into(),
                route_tables: tables,
                policy: None,
            });
        }
        let (Ok(plain), Ok(open)) = (Model::new(plain), Model::new(open)) else {
            return Ok(());
        };
        let what_if = WhatIf::default();
        let request = vpc_tui::eval::Request {
            action: precise.then(|| "s3:GetObject".to_string()),
            resource: precise.then(|| "arn:aws:s3:::logs/a.gz".to_string()),
        };
        for i in 0..SUBNETS {
            for to in TARGETS {
                let q = Query::parse(&plain, &format!("i-{i}"), to, false).with_request(request.clone());
                let a = evaluate(&plain, &what_if, &q).unwrap();
                let b = evaluate(&open, &what_if, &q).unwrap();
                prop_assert_eq!(&a.verdict, &b.verdict, "i-{} → {}: {:?}", i, to, b);
                prop_assert!(a.unchecked.contains("endpoint_policies"));
                prop_assert!(!b.unchecked.contains("endpoint_policies"));
            }
        }
        let m = evaluate_all(&open, &what_if);
        for i in 0..SUBNETS {
            for (j, svc) in m.services.iter().enumerate() {
                let t = evaluate(&open, &what_if, &Query::instance_to_service(&format!("i-{i}"), svc)).unwrap();
                prop_assert_eq!(&m.cells[i][j].verdict, &t.verdict);
            }
        }
    }
}

/// A CIDR inside one of the test VPC's subnets: a block or a host, so that rules split a
/// subnet's addresses.
fn inner_cidr() -> impl Strategy<Value = ipnet::Ipv4Net> {
    (
        0..SUBNETS as u8,
        any::<u8>(),
        prop::sample::select(vec![24u8, 26, 28, 31, 32]),
    )
        .prop_map(|(s, d, len)| {
            ipnet::Ipv4Net::new(std::net::Ipv4Addr::new(10, 0, s, d), len)
                .unwrap()
                .trunc()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The matrix shares a class among instances whose addresses no CIDR tells apart
    /// (`AddressRegions` in src/eval/matrix.rs): every row equals the row evaluated for the
    /// instance's own address, with group and network ACL rules naming blocks and hosts inside
    /// the subnets, and routes through NAT gateways, GWLB endpoints and appliances.
    #[test]
    fn coarse_classes_equal_per_address_classes(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        ingress in proptest::collection::vec(inner_cidr(), 0..5),
        acl_rules in proptest::collection::vec((inner_cidr(), any::<bool>()), 0..5),
        hosts in proptest::collection::vec(any::<u8>(), 1..5),
    ) {
        let mut s = with_endpoint(scenario(&defaults, &publics, false));
        s.instances = (0..SUBNETS)
            .flat_map(|i| hosts.iter().enumerate().map(move |(k, &h)| (i, k, h)))
            .map(|(i, k, h)| Instance { ipv6_address: Default::default(),
                security_groups: Vec::new(),
                id: format!("i-{i}-{k}"),
                name: None,
                subnet: format!("subnet-{i}"),
                private_ip: Some(std::net::Ipv4Addr::new(10, 0, i as u8, 4 + 50 * k as u8 + h % 50)),
                public_ip: publics[i],
            })
            .collect();
        let ingress = ingress
            .into_iter()
            .map(|c| SecurityGroupRule { peer: Peer::Cidr(c), ..all_rule() })
            .collect();
        let mut s = with_group(s, ingress, vec![all_rule()]);
        let mut acl = allow_all_acl();
        acl.inbound = acl_rules
            .iter()
            .enumerate()
            .map(|(k, &(cidr, allow))| NetworkAclRule {
                number: 10 + k as u16,
                protocol: Protocol::All,
                ports: None,
                cidr,
                action: if allow { RuleAction::Allow } else { RuleAction::Deny },
            })
            .chain(acl.inbound.iter().cloned())
            .collect();
        s.network_acls.push(acl);
        let Ok(model) = Model::new(s) else { return Ok(()); };
        let what_if = WhatIf::default();
        let m = evaluate_all(&model, &what_if);
        let sec = model.security();
        for (row, inst) in model.scenario().instances.iter().enumerate() {
            let key = ClassKey {
                subnet: model.subnet_index(&inst.subnet).unwrap(),
                public_ip: inst.public_ip,
                security: Some((sec.instance_groups[row].clone(), inst.private_ip)),
            };
            let exact = evaluate_classes(&model, &what_if, &[key]);
            prop_assert_eq!(&m.cells[row], &exact[0], "{}", inst.id);
        }
    }
}
