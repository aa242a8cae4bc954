//! IPv6-only subnets without an IPv4 block (`cidr` left out, as AWS has none: "For an IPv6 only
//! subnet, specify an IPv6 CIDR block", EC2 API Reference CreateSubnet; the VPC user guide's
//! "IPv6-only subnets", configure-subnets.html): the RON round trip, files written with a
//! placeholder still loading, import from `describe-subnets` (`Ipv6Native`, no `CidrBlock`), and
//! every query the CLI and the library answer over such a model (check by every family and
//! format, the matrix, export, the cost estimate, suggestions) without a panic.

mod common;

use std::path::Path;

use assert_cmd::Command;

use vpc_tui::cost::{CostInputs, estimate};
use vpc_tui::eval::{Family, Query, Reason, Verdict, evaluate, evaluate_all_family};
use vpc_tui::explain::{self, Lang};
use vpc_tui::import::load_aws_dir;
use vpc_tui::model::{Model, WhatIf, from_ron_str, load_file, to_ron_string};

const V6ONLY: &str = "scenarios/ipv6-only-nat64.ron";
const FIXTURE: &str = "tests/fixtures/aws/ipv6-only-nat64";

fn model() -> Model {
    load_file(Path::new(V6ONLY)).expect("the shipped scenario loads")
}

#[test]
fn the_shipped_scenario_has_ipv6_only_subnets_without_an_ipv4_block() {
    let m = model();
    let only: Vec<_> = m
        .scenario()
        .subnets
        .iter()
        .filter(|s| s.ipv6_only)
        .collect();
    assert_eq!(only.len(), 3);
    assert!(
        only.iter()
            .all(|s| s.cidr.is_none() && s.ipv6_cidr.is_some())
    );
}

#[test]
fn the_ron_round_trip_keeps_the_missing_block() {
    let m = model();
    let text = to_ron_string(m.scenario());
    let back = from_ron_str(&text, Path::new(V6ONLY)).unwrap();
    assert_eq!(&back, m.scenario());
    // The IPv6-only subnets are written without `cidr`; the dual-stack one keeps its block.
    let v6only_a = text
        .split("id: \"subnet-v6only-a\"")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap();
    assert!(!v6only_a.contains("cidr: \"10."), "{v6only_a}");
    assert!(text.contains("cidr: \"10.1.0.0/24\""));
}

#[test]
fn a_file_written_with_a_placeholder_block_still_loads_and_answers_alike() {
    let text = std::fs::read_to_string(V6ONLY).unwrap();
    let with = text.replacen(
        "(id: \"subnet-v6only-c\", name: \"v6only-c\", az: \"us-east-1b\", ",
        "(id: \"subnet-v6only-c\", name: \"v6only-c\", az: \"us-east-1b\", cidr: \"10.1.3.0/24\", ",
        1,
    );
    assert_ne!(with, text);
    let old = Model::new(from_ron_str(&with, Path::new(V6ONLY)).unwrap()).unwrap();
    let new = model();
    for (to, family) in [
        ("sns", Family::Ipv4),
        ("sns", Family::Auto),
        ("2600:1f18:abcd::1", Family::Ipv6),
    ] {
        let q = |m: &Model| Query::parse(m, "app6-c", to, false).with_family(family);
        let a = evaluate(&old, &WhatIf::default(), &q(&old)).unwrap();
        let b = evaluate(&new, &WhatIf::default(), &q(&new)).unwrap();
        assert_eq!(a.verdict, b.verdict, "{to} {family:?}");
    }
}

#[test]
fn ipv4_from_an_ipv6_only_subnet_is_no_ipv4_address() {
    let m = model();
    for from in ["app6-a", "subnet-v6only-c", "2600:1f18:4321:7702::99"] {
        for to in ["sns", "s3", "ssm", "8.8.8.8", "10.1.0.10"] {
            let q = Query::parse(&m, from, to, false).with_family(Family::Ipv4);
            let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
            assert_eq!(
                t.verdict,
                Verdict::Blocked(Reason::NoIpv4Address),
                "{from} → {to}"
            );
        }
    }
    // An IPv4 address inside no subnet's IPv4 block is refused as a source, not guessed.
    assert!(
        evaluate(
            &m,
            &WhatIf::default(),
            &Query::parse(&m, "10.1.3.10", "sns", false)
        )
        .is_err()
    );
}

/// NAT64's IPv4 leg is shown as an IPv4 NAT gateway path ends: after the NAT gateway, its
/// subnet's internet gateway, then the service's public endpoint (a service asked by name) or
/// the IPv4 address NAT64 translated to (an address asked).
#[test]
fn a_nat64_path_goes_on_through_the_internet_gateway() {
    use vpc_tui::eval::{Fact, HopKind};
    let m = model();
    let kinds = |to: &str, family: Family| {
        let q = Query::parse(&m, "app6-a", to, false).with_family(family);
        let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
        assert!(t.verdict.is_reachable(), "{to}: {:?}", t.verdict);
        t.hops
            .iter()
            .map(|h| (h.kind, h.id.to_string()))
            .skip_while(|(k, _)| *k != HopKind::NatGateway)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("sns", Family::Auto),
        [
            (HopKind::NatGateway, "nat-a".to_string()),
            (HopKind::InternetGateway, "igw-1".to_string()),
            (HopKind::Service, "sns".to_string()),
        ]
    );
    assert_eq!(
        kinds("64:ff9b::cb00:7120", Family::Auto),
        [
            (HopKind::NatGateway, "nat-a".to_string()),
            (HopKind::InternetGateway, "igw-1".to_string()),
            (HopKind::Internet, "203.0.113.32".to_string()),
        ]
    );
    let q = Query::parse(&m, "app6-a", "sns", false).with_family(Family::Auto);
    let t = evaluate(&m, &WhatIf::default(), &q).unwrap();
    assert!(t.hops.iter().any(|h| matches!(
        &h.fact,
        Fact::Service { dns_name, .. } if dns_name.as_str() == "sns.us-east-1.amazonaws.com"
    )));
    let en = explain::summary(Lang::En, &t);
    assert!(en.contains("then internet gateway igw-1"), "{en}");
}

/// Every source (instances, subnets, addresses) × destinations × family, explained in both
/// languages, with and without an AZ failure; the matrix by every family; the cost estimate.
#[test]
fn every_library_query_answers_without_a_panic() {
    let m = model();
    let s = m.scenario();
    let mut froms: Vec<String> = s.instances.iter().map(|i| i.id.clone()).collect();
    froms.extend(s.subnets.iter().map(|x| x.id.clone()));
    froms.push("2600:1f18:4321:7701::99".into());
    froms.push("10.1.0.10".into());
    let mut tos: Vec<String> = m.services().iter().map(|x| x.name.clone()).collect();
    tos.extend(s.instances.iter().map(|i| i.id.clone()));
    tos.extend(
        [
            "8.8.8.8",
            "10.1.0.10",
            "2600:1f18:4321:7701::10",
            "64:ff9b::cb00:7120",
            "2600:1f18:abcd::1",
        ]
        .map(String::from),
    );
    let failures = [
        WhatIf::default(),
        WhatIf {
            failed_azs: vec!["us-east-1a".into()],
        },
    ];
    for what_if in &failures {
        for from in &froms {
            for to in &tos {
                for family in [Family::Ipv4, Family::Ipv6, Family::Auto] {
                    let q = Query::parse(&m, from, to, false).with_family(family);
                    let Ok(t) = evaluate(&m, what_if, &q) else {
                        continue;
                    };
                    for lang in [Lang::En, Lang::Ja] {
                        assert!(!explain::summary(lang, &t).is_empty());
                        for h in &t.hops {
                            let _ = explain::hop_sentence(lang, h);
                        }
                        for n in &t.notes {
                            let _ = explain::note_sentence(lang, n);
                        }
                    }
                }
            }
        }
        for family in [Family::Ipv4, Family::Ipv6, Family::Auto] {
            let matrix = evaluate_all_family(&m, what_if, Default::default(), family);
            assert_eq!(matrix.instances.len(), s.instances.len());
        }
        let cost = estimate(&m, what_if, &CostInputs::default());
        let _ = cost;
    }
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("vpc-tui")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The CLI's answers exit 0 or 1 (2 only for a usage error), never a panic.
#[test]
fn every_cli_query_answers_without_a_panic() {
    let answered = |args: &[&str]| {
        let (code, out, err) = run(args);
        assert!(
            (code == 0 || code == 1) && !err.contains("panicked"),
            "{args:?}: {code}\n{out}\n{err}"
        );
        out
    };
    answered(&["validate", V6ONLY]);
    answered(&[V6ONLY, "--overview"]);
    for family in ["ipv4", "ipv6", "auto"] {
        for format in ["text", "json", "jsonl"] {
            answered(&[
                "check", V6ONLY, "--matrix", "--family", family, "--format", format,
            ]);
            for (from, to) in [
                ("app6-a", "sns"),
                ("app6-b", "sns"),
                ("app6-c", "ssm"),
                ("subnet-v6only-a", "s3"),
                ("subnet-public-a", "ssm"),
                ("app6-a", "2600:1f18:abcd::1"),
            ] {
                answered(&[
                    "check", V6ONLY, "--from", from, "--to", to, "--family", family, "--format",
                    format,
                ]);
            }
        }
        answered(&[
            "check",
            V6ONLY,
            "--from",
            "app6-b",
            "--to",
            "sns",
            "--family",
            family,
            "--suggest",
        ]);
    }
    answered(&["check", V6ONLY, "--matrix", "--spof"]);
    answered(&["check", V6ONLY, "--matrix", "--fail-az", "us-east-1a"]);
    for format in ["dot", "mermaid"] {
        let out = answered(&["export", format, V6ONLY, "--from", "app6-a", "--to", "sns"]);
        assert!(out.contains("2600:1f18:4321:7701::/64"), "{out}");
    }
}

/// `describe-subnets` in the AWS CLI's shape with three IPv6-only subnets (`Ipv6Native: true`,
/// no `CidrBlock`) and an IPv6 endpoint whose interfaces have no private IPv4 address: the
/// import gives the RON scenario's subnets and every expected verdict.
#[test]
fn import_reads_ipv6_only_subnets_and_gives_the_scenario_verdicts() {
    let (s, w) = load_aws_dir(Path::new(FIXTURE), None).unwrap();
    assert!(
        w.iter()
            .all(|d| d.rule != "aws_ipv6_not_modelled" && d.rule != "aws_bad_value"),
        "{w:#?}"
    );
    let ron = model();
    let r = ron.scenario();
    assert_eq!(s.subnets.len(), r.subnets.len());
    for (a, b) in s.subnets.iter().zip(&r.subnets) {
        assert_eq!(
            (&a.id, a.cidr, a.ipv6_cidr, a.ipv6_only, a.dns64),
            (&b.id, b.cidr, b.ipv6_cidr, b.ipv6_only, b.dns64)
        );
    }
    let imported = Model::new(s).expect("imports into a valid model");
    for e in &r.expect {
        let family = e
            .family
            .as_deref()
            .and_then(Family::from_code)
            .unwrap_or_default();
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false).with_family(family);
        let x = evaluate(&imported, &WhatIf::default(), &q(&imported)).unwrap();
        let y = evaluate(&ron, &WhatIf::default(), &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
    }
}

/// A subnet without `CidrBlock` that is not `Ipv6Native` is left out with a warning naming it.
#[test]
fn import_leaves_out_a_subnet_without_any_block_it_can_read() {
    let dir = common::cli::scratch("v6only");
    for f in std::fs::read_dir(FIXTURE).unwrap() {
        let f = f.unwrap().path();
        let mut text = std::fs::read_to_string(&f).unwrap();
        if f.ends_with("subnets.json") {
            // v6only-c: not IPv6-only, and no IPv4 block.
            let at = text.find("\"SubnetId\": \"subnet-v6only-c\"").unwrap();
            let native = at + text[at..].find("\"Ipv6Native\": true").unwrap();
            text.replace_range(native..native + 18, "\"Ipv6Native\": false");
        }
        std::fs::write(dir.join(f.file_name().unwrap()), text).unwrap();
    }
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert!(!s.subnets.iter().any(|x| x.id == "subnet-v6only-c"));
    assert!(
        w.iter()
            .any(|d| d.rule == "aws_ipv6_not_modelled" && d.object.contains("subnet-v6only-c")),
        "{w:#?}"
    );
}

/// An endpoint interface in an IPv6-only subnet has no IPv4 address: the topology, endpoints
/// panel and export name it by its IPv6 address (or the subnet's block), never `0.0.0.0`.
#[test]
fn an_ipv6_only_endpoint_interface_is_shown_by_its_ipv6_address() {
    let m = model();
    let s = m.scenario();
    let mut seen = 0;
    for (ei, e) in s.interface_endpoints.iter().enumerate() {
        for (eni, es) in m.endpoint_enis(ei).iter().zip(&e.subnets) {
            let subnet = &s.subnets[eni.subnet];
            if subnet.cidr.is_some() {
                assert_eq!(eni.shown_address(), eni.ip.to_string());
                continue;
            }
            seen += 1;
            let want = match es.ipv6 {
                Some(a) => a.to_string(),
                None => subnet.ipv6_cidr.unwrap().to_string(),
            };
            assert_eq!(eni.shown_address(), want, "{}", e.id);
        }
    }
    assert!(seen > 0, "the scenario has ENIs in IPv6-only subnets");
    // Without a configured address, the subnet's block.
    let text = std::fs::read_to_string(V6ONLY).unwrap().replacen(
        ", ipv6: \"2600:1f18:4321:7701::50\"",
        "",
        1,
    );
    let m = Model::new(from_ron_str(&text, Path::new(V6ONLY)).unwrap()).unwrap();
    let shown: Vec<String> = (0..m.scenario().interface_endpoints.len())
        .flat_map(|ei| {
            m.endpoint_enis(ei)
                .iter()
                .map(|x| x.shown_address())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        shown.iter().any(|a| a == "2600:1f18:4321:7701::/64"),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|a| a == "0.0.0.0"), "{shown:?}");
}
