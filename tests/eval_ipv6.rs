//! IPv6 and dual-stack, case by case on `scenarios/ipv6-dual-stack.ron` and
//! `scenarios/ipv6-only-nat64.ron` changed as text: validation of IPv6 blocks, routes, addresses
//! and endpoint types; what is not modelled says so; plain IPv4 queries are unchanged; every
//! IPv6 trace reads in Japanese. AWS's pages are cited in the scenarios and in
//! `src/eval/rules/` (egress_only_gateway.rs, nat64.rs, dns64.rs, endpoint_dns_records.rs).

mod common;

use std::path::Path;

use common::english::english_run_in_traces as english_run;

use vpc_tui::eval::{Family, PathTrace, Query, Reason, Verdict, Via, evaluate};
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::{Model, WhatIf, from_ron_str, load_file, validate};

const DUAL: &str = "scenarios/ipv6-dual-stack.ron";
const V6ONLY: &str = "scenarios/ipv6-only-nat64.ron";

fn text(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The scenario at `path` with `from` replaced by `to` in its text (once, and it must be there).
fn edited(path: &str, from: &str, to: &str) -> vpc_tui::model::Scenario {
    let t = text(path);
    assert!(t.contains(from), "{from}");
    from_ron_str(&t.replacen(from, to, 1), Path::new(path)).unwrap()
}

fn model(path: &str, from: &str, to: &str) -> Model {
    Model::new(edited(path, from, to)).unwrap()
}

fn check(m: &Model, from: &str, to: &str, family: Family) -> PathTrace {
    evaluate(
        m,
        &WhatIf::default(),
        &Query::parse(m, from, to, false).with_family(family),
    )
    .unwrap()
}

/// The rule codes validation reports for the scenario.
fn rules(s: &vpc_tui::model::Scenario) -> Vec<String> {
    let services = vpc_tui::model::catalogue::resolve(&s.region, &s.services);
    validate::validate(s, &services)
        .iter()
        .map(|d| d.rule.to_string())
        .collect()
}

#[test]
fn validation_names_each_ipv6_rule() {
    let cases = [
        // A subnet block that is not a /64 … /44 in steps of 4.
        (
            DUAL,
            "ipv6_cidr: \"2600:1f18:1234:5601::/64\"",
            "ipv6_cidr: \"2600:1f18:1234:5601::/66\"",
            "ipv6_subnet_size",
        ),
        // A subnet block outside the VPC's.
        (
            DUAL,
            "ipv6_cidr: \"2600:1f18:1234:5601::/64\"",
            "ipv6_cidr: \"2600:1f18:9999:5601::/64\"",
            "ipv6_subnet_outside_vpc",
        ),
        // Two subnets with one block.
        (
            DUAL,
            "ipv6_cidr: \"2600:1f18:1234:5602::/64\"",
            "ipv6_cidr: \"2600:1f18:1234:5601::/64\"",
            "ipv6_subnet_overlap",
        ),
        // IPv6 routes in a VPC without an IPv6 block (and the subnets' blocks outside it).
        (
            DUAL,
            "ipv6_cidrs: [\"2600:1f18:1234:5600::/56\"],",
            "",
            "ipv6_route_without_vpc_block",
        ),
        // An egress-only gateway in an IPv4 route.
        (
            DUAL,
            "(destination: Cidr(\"0.0.0.0/0\"), target: NatGateway(\"nat-a\")),\n        ], ipv6_routes: [\n            (destination: \"::/0\", target: EgressOnlyInternetGateway(\"eigw-1\")),",
            "(destination: Cidr(\"0.0.0.0/0\"), target: EgressOnlyInternetGateway(\"eigw-1\")),\n        ], ipv6_routes: [\n            (destination: \"::/0\", target: EgressOnlyInternetGateway(\"eigw-1\")),",
            "egress_only_ipv4_route",
        ),
        // A route to an egress-only gateway the VPC does not have.
        (
            DUAL,
            "egress_only_internet_gateways: [(id: \"eigw-1\")],",
            "",
            "ipv6_route_target_unknown",
        ),
        // An instance address outside its subnet's block.
        (
            DUAL,
            "ipv6_address: \"2600:1f18:1234:5601::10\"",
            "ipv6_address: \"2600:1f18:1234:5602::99\"",
            "ipv6_address_outside_subnet",
        ),
        // A dual-stack endpoint in a subnet without IPv6.
        (
            DUAL,
            "(id: \"vpce-logs\", service: \"logs\", subnets: [(subnet: \"subnet-private-a\")]),",
            "(id: \"vpce-logs\", service: \"logs\", ip_address_type: dualstack, subnets: [(subnet: \"subnet-legacy-a\")]),",
            "endpoint_ip_type_subnet",
        ),
        // Dual-stack records on an IPv4 endpoint.
        (
            DUAL,
            "(id: \"vpce-logs\", service: \"logs\", subnets",
            "(id: \"vpce-logs\", service: \"logs\", dns_record_ip_type: dualstack, subnets",
            "endpoint_dns_record_type",
        ),
        // An IPv6-only subnet without a block.
        (
            V6ONLY,
            "ipv6_cidr: \"2600:1f18:4321:7703::/64\", ipv6_only: true",
            "ipv6_only: true",
            "ipv6_only_without_block",
        ),
        // A subnet without an IPv4 block that is not IPv6-only.
        (
            V6ONLY,
            "ipv6_cidr: \"2600:1f18:4321:7703::/64\", ipv6_only: true",
            "ipv6_cidr: \"2600:1f18:4321:7703::/64\"",
            "subnet_without_ipv4_cidr",
        ),
        // A NAT gateway in an IPv6-only subnet without an IPv4 block.
        (
            V6ONLY,
            "(id: \"nat-a\", subnet: \"subnet-public-a\"),",
            "(id: \"nat-a\", subnet: \"subnet-v6only-c\"),",
            "ipv4_without_subnet_block",
        ),
        // An IPv4 address in an IPv6-only subnet.
        (
            V6ONLY,
            "(subnet: \"subnet-v6only-a\", ipv6: \"2600:1f18:4321:7701::50\")",
            "(subnet: \"subnet-v6only-a\", ip: \"10.1.1.50\", ipv6: \"2600:1f18:4321:7701::50\")",
            "ipv4_without_subnet_block",
        ),
    ];
    for (path, from, to, rule) in cases {
        let found = rules(&edited(path, from, to));
        assert!(found.iter().any(|r| r == rule), "{rule}: {found:?}");
    }
    // The shipped files are clean.
    for path in [DUAL, V6ONLY] {
        let s = from_ron_str(&text(path), Path::new(path)).unwrap();
        assert!(rules(&s).is_empty(), "{path}: {:?}", rules(&s));
    }
}

#[test]
fn plain_ipv4_queries_are_the_ipv4_walk() {
    // The same IPv4 question asked of the dual-stack scenario and of it without any IPv6.
    let dual = load_file(Path::new(DUAL)).unwrap();
    let mut s = dual.scenario().clone();
    s.vpc.ipv6_cidrs.clear();
    s.egress_only_internet_gateways.clear();
    for sn in &mut s.subnets {
        sn.ipv6_cidr = None;
    }
    for t in &mut s.route_tables {
        t.ipv6_routes.clear();
    }
    for e in &mut s.interface_endpoints {
        e.ip_address_type = Default::default();
        e.dns_record_ip_type = None;
        for es in &mut e.subnets {
            es.ipv6 = None;
        }
    }
    let mut instances: Vec<vpc_tui::model::Instance> = s.instances.iter().cloned().collect();
    for i in &mut instances {
        i.ipv6_address = None;
    }
    s.instances = instances.into();
    s.expect
        .retain(|e| e.family.is_none() && !e.to.contains(':'));
    let v4 = Model::new(s).unwrap();
    for (from, to) in [
        ("app-a", "s3"),
        ("app-a", "203.0.113.10"),
        ("web-a", "s3"),
        ("app-b", "ssm"),
        ("legacy-a", "logs"),
    ] {
        let a = check(&dual, from, to, Family::Ipv4);
        let b = check(&v4, from, to, Family::Ipv4);
        assert_eq!(a, b, "{from} → {to}");
    }
}

#[test]
fn a_subnet_source_takes_its_block_and_auto_prefers_ipv6() {
    let m = load_file(Path::new(DUAL)).unwrap();
    // A new interface in a dual-stack subnet gets an address from the block.
    let t = check(&m, "subnet-private-a", "2600:1f18:abcd::1", Family::Ipv4);
    assert_eq!(
        t.verdict,
        Verdict::Reachable {
            via: Via::EgressOnlyInternetGateway,
            cross_az: None
        }
    );
    // auto in a subnet without IPv6: IPv4, said so.
    let t = check(&m, "subnet-legacy-a", "ssm", Family::Auto);
    assert!(t.notes.iter().any(|n| n.code() == "family_chosen"));
    assert_eq!(t.verdict.via(), Some(Via::InterfaceEndpoint));
    assert!(
        t.hops
            .iter()
            .all(|h| !matches!(h.fact, vpc_tui::eval::Fact::Ipv6(_)))
    );
}

#[test]
fn what_aws_pages_leave_open_is_not_modelled() {
    // A dual-stack endpoint without a DNS record IP type.
    let m = model(DUAL, ", dns_record_ip_type: dualstack", "");
    let t = check(&m, "app-a", "ssm", Family::Ipv6);
    assert_eq!(t.verdict, Verdict::NotModelled(Reason::Ipv6NotModelled));
    // IPv6 outside 64:ff9b::/96 sent to a NAT gateway.
    let m = model(
        DUAL,
        "(destination: \"::/0\", target: EgressOnlyInternetGateway(\"eigw-1\")),",
        "(destination: \"::/0\", target: NatGateway(\"nat-a\")),",
    );
    let t = check(&m, "app-a", "2600:1f18:abcd::1", Family::Ipv6);
    assert_eq!(t.verdict, Verdict::NotModelled(Reason::Ipv6NotModelled));
    // DNS64 in front of an IPv4-only endpoint: NAT64 to its private IPv4 address.
    let m = model(
        DUAL,
        "ipv6_cidr: \"2600:1f18:1234:5601::/64\"",
        "ipv6_cidr: \"2600:1f18:1234:5601::/64\", dns64: true",
    );
    let t = check(&m, "app-a", "logs", Family::Ipv6);
    assert_eq!(t.verdict, Verdict::NotModelled(Reason::Ipv6NotModelled));
    // An IPv6 endpoint with its records given answers AAAA itself.
    let m = model(
        V6ONLY,
        "(id: \"vpce-ssm\", service: \"ssm\", ip_address_type: ipv6, subnets: [",
        "(id: \"vpce-ssm\", service: \"ssm\", ip_address_type: ipv6, dns_record_ip_type: ipv6, subnets: [",
    );
    assert_eq!(
        check(&m, "app6-a", "ssm", Family::Auto).verdict.via(),
        Some(Via::InterfaceEndpoint)
    );
}

#[test]
fn nat64_needs_a_public_nat_gateway_in_a_healthy_az() {
    let m = model(
        V6ONLY,
        "(id: \"nat-a\", subnet: \"subnet-public-a\")",
        "(id: \"nat-a\", subnet: \"subnet-public-a\", connectivity: private)",
    );
    let t = check(&m, "app6-a", "sns", Family::Auto);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::PrivateNatNoInternet));
    // Without the public subnet's IPv4 route to the internet gateway.
    let m = model(
        V6ONLY,
        "(id: \"rtb-public\", name: \"public\", subnets: [\"subnet-public-a\"], routes: [\n            (destination: Cidr(\"0.0.0.0/0\"), target: InternetGateway(\"igw-1\")),\n        ], ipv6_routes",
        "(id: \"rtb-public\", name: \"public\", subnets: [\"subnet-public-a\"], ipv6_routes",
    );
    let t = check(&m, "app6-a", "sns", Family::Auto);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::NoInternetGateway));
}

#[test]
fn the_ipv4_matrix_has_no_ipv4_for_ipv6_only_subnets() {
    let m = load_file(Path::new(V6ONLY)).unwrap();
    let matrix = vpc_tui::eval::evaluate_all(&m, &WhatIf::default());
    let services = matrix.services.len();
    for row in matrix.cells.iter() {
        for cell in &row[..services] {
            assert_eq!(cell.verdict, Verdict::Blocked(Reason::NoIpv4Address));
        }
    }
}

#[test]
fn every_ipv6_trace_reads_in_japanese() {
    let mut failures = Vec::new();
    for path in [DUAL, V6ONLY] {
        let m = load_file(Path::new(path)).unwrap();
        let s = m.scenario();
        let sources: Vec<String> = s.instances.iter().map(|i| i.id.clone()).collect();
        let targets = [
            "ssm",
            "s3",
            "sns",
            "logs",
            "2600:1f18:abcd::1",
            "64:ff9b::cb00:7120",
            "2600:1f18:1234:5602::10",
            "2600:1f18:1234:56ff::10",
        ];
        for from in &sources {
            for to in targets {
                for family in [Family::Ipv4, Family::Ipv6, Family::Auto] {
                    let Ok(t) = evaluate(
                        &m,
                        &WhatIf::default(),
                        &Query::parse(&m, from, to, false).with_family(family),
                    ) else {
                        continue;
                    };
                    let mut texts = vec![explain::summary(Lang::Ja, &t)];
                    texts.extend(t.hops.iter().map(|h| explain::hop_sentence(Lang::Ja, h)));
                    texts.extend(t.notes.iter().map(|n| explain::note_sentence(Lang::Ja, n)));
                    for text in texts {
                        if let Some(run) = english_run(&text) {
                            failures.push(format!("{path}: {from} → {to}: {run:?} in {text}"));
                        }
                    }
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `enableDnsSupport` off: the Amazon-provided DNS server answers nothing, AAAA included, so an
/// IPv6 query for a name is `dns_resolution_disabled` at the DNS hop, as IPv4's is ("If this
/// attribute is false, the Amazon-provided DNS server … is not enabled",
/// <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html>).
#[test]
fn dns_support_off_stops_an_ipv6_query_as_it_stops_an_ipv4_one() {
    let m = load_file(Path::new(DUAL)).unwrap();
    // AWS refuses DNS hostnames without DNS support: both go off.
    let off = vpc_tui::model::Edit::Batch(vec![
        vpc_tui::model::Edit::SetDnsHostnames { enabled: false },
        vpc_tui::model::Edit::SetDnsSupport { enabled: false },
    ]);
    let (m, _) = off.apply(&m).unwrap();
    for family in [Family::Ipv4, Family::Ipv6] {
        let t = check(&m, "app-a", "ssm", family);
        assert_eq!(
            t.verdict,
            Verdict::Blocked(Reason::DnsResolutionDisabled),
            "{family:?}"
        );
        let last = t.hops.last().unwrap();
        assert_eq!(last.kind.code(), "dns", "{family:?}");
        assert_eq!(
            last.id.as_str(),
            "ssm.us-east-1.amazonaws.com",
            "{family:?}"
        );
    }
}
