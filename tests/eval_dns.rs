//! DNS beyond private DNS, case by case on `scenarios/dns-hosted-zones.ron` changed in place:
//! which of DHCP options, Resolver rules, private hosted zones and private DNS decides the
//! answer, and what is refused. AWS's pages are cited in `src/model/dns.rs` and
//! `src/eval/rules/{dhcp_options,resolver_rule,hosted_zone}.rs`.

use std::path::Path;

use vpc_tui::eval::{PathTrace, Query, Reason, Verdict, Via, evaluate};
use vpc_tui::model::{
    DhcpOptions, Model, PrivateHostedZone, RecordValue, ResolverRule, ResolverRuleType, Scenario,
    WhatIf, ZoneRecord, load_file,
};

fn base() -> Scenario {
    load_file(Path::new("scenarios/dns-hosted-zones.ron"))
        .unwrap()
        .scenario()
        .clone()
}

fn model(s: Scenario) -> Model {
    Model::new(s).unwrap_or_else(|e| panic!("{e:?}"))
}

fn run(m: &Model, from: &str, to: &str) -> PathTrace {
    evaluate(m, &WhatIf::default(), &Query::parse(m, from, to, false)).unwrap()
}

fn rule(domain: &str, rule_type: ResolverRuleType) -> ResolverRule {
    ResolverRule {
        id: format!("rslvr-rr-{}", domain.len()),
        domain: domain.into(),
        rule_type,
        target_ips: vec!["192.168.0.53".parse().unwrap()],
    }
}

fn zone(id: &str, name: &str, records: Vec<(&str, RecordValue)>) -> PrivateHostedZone {
    PrivateHostedZone {
        id: id.into(),
        name: name.into(),
        records: records
            .into_iter()
            .map(|(n, value)| ZoneRecord {
                name: n.into(),
                value,
            })
            .collect(),
        records_unknown: false,
    }
}

const OUTSIDE: Verdict = Verdict::NotModelled(Reason::DnsAnswerOutsideModel);

fn via_endpoint(t: &PathTrace) -> bool {
    t.verdict.via() == Some(Via::InterfaceEndpoint)
}

#[test]
fn a_system_rule_more_specific_than_a_forward_rule_keeps_the_name_local() {
    let mut s = base();
    s.resolver_rules = vec![
        rule(".", ResolverRuleType::Forward),
        rule("amazonaws.com", ResolverRuleType::System),
    ];
    let m = model(s);
    assert!(via_endpoint(&run(&m, "app", "ssm")));
    assert!(via_endpoint(&run(&m, "app", "kms")));
    assert_eq!(
        run(&m, "app", "sqs").verdict,
        Verdict::Blocked(Reason::DnsNameNotFound)
    );
    assert_eq!(run(&m, "app", "sts").verdict.via(), Some(Via::NatGateway));
}

#[test]
fn a_forward_rule_for_every_name_loses_to_more_specific_zones_only() {
    let mut s = base();
    s.resolver_rules = vec![rule(".", ResolverRuleType::Forward)];
    let m = model(s);
    // The zone and the endpoint's private DNS are more specific than ".".
    assert!(via_endpoint(&run(&m, "app", "ssm")));
    assert!(via_endpoint(&run(&m, "app", "kms")));
    // No zone for STS: the forward rule sends it out.
    assert_eq!(run(&m, "app", "sts").verdict, OUTSIDE);
    // Another Region's name too.
    assert_eq!(run(&m, "app", "sts@us-west-2").verdict, OUTSIDE);
}

#[test]
fn a_forward_rule_for_a_parent_domain_loses_to_private_dns() {
    let mut s = base();
    s.resolver_rules = vec![rule("us-east-1.amazonaws.com", ResolverRuleType::Forward)];
    let m = model(s);
    assert!(via_endpoint(&run(&m, "app", "kms")));
    assert_eq!(run(&m, "app", "sts").verdict, OUTSIDE);
}

#[test]
fn a_parent_zone_shadows_every_name_under_it_but_not_private_dns() {
    let mut s = base();
    s.resolver_rules.clear();
    s.private_hosted_zones = vec![zone("Z0PARENT", "us-east-1.amazonaws.com", vec![])];
    let m = model(s);
    // The KMS endpoint's own zone is more specific.
    assert!(via_endpoint(&run(&m, "app", "kms")));
    // No endpoint with private DNS for STS: the parent zone answers NXDOMAIN.
    assert_eq!(
        run(&m, "app", "sts").verdict,
        Verdict::Blocked(Reason::DnsNameNotFound)
    );
}

#[test]
fn records_lead_to_an_endpoint_only_for_its_own_service() {
    let mut s = base();
    let ssm_ip = model(s.clone()).endpoint_enis(0)[0].ip;
    s.private_hosted_zones = vec![
        zone(
            "Z0SSM",
            "ssm.us-east-1.amazonaws.com",
            vec![("ssm.us-east-1.amazonaws.com", RecordValue::A(vec![ssm_ip]))],
        ),
        zone(
            "Z0STS",
            "sts.us-east-1.amazonaws.com",
            vec![(
                "sts.us-east-1.amazonaws.com",
                RecordValue::AliasEndpoint("vpce-ssm".into()),
            )],
        ),
        zone(
            "Z0SQS",
            "sqs.us-east-1.amazonaws.com",
            vec![(
                "SQS.us-east-1.amazonaws.com.",
                RecordValue::Cname("queue.example.com".into()),
            )],
        ),
        zone(
            "Z0SNS",
            "sns.us-east-1.amazonaws.com",
            vec![(
                "sns.us-east-1.amazonaws.com",
                RecordValue::A(vec!["10.0.99.9".parse().unwrap()]),
            )],
        ),
    ];
    let m = model(s);
    assert!(via_endpoint(&run(&m, "app", "ssm")));
    assert_eq!(run(&m, "app", "sts").verdict, OUTSIDE);
    assert_eq!(run(&m, "app", "sqs").verdict, OUTSIDE);
    assert_eq!(run(&m, "app", "sns").verdict, OUTSIDE);
}

#[test]
fn zones_need_dns_hostnames() {
    let mut s = base();
    s.vpc.enable_dns_hostnames = false;
    let m = model(s);
    assert_eq!(run(&m, "app", "ssm").verdict, OUTSIDE);
    assert_eq!(run(&m, "app", "sqs").verdict, OUTSIDE);
}

#[test]
fn dhcp_options_decide_first() {
    let mut s = base();
    s.dhcp_options = Some(DhcpOptions {
        id: "dopt-default".into(),
        domain_name_servers: vec!["AmazonProvidedDNS".into()],
    });
    let m = model(s.clone());
    assert!(via_endpoint(&run(&m, "app", "ssm")));
    s.dhcp_options = Some(DhcpOptions {
        id: "dopt-mixed".into(),
        domain_name_servers: vec!["AmazonProvidedDNS".into(), "10.0.0.53".into()],
    });
    let m = model(s);
    for svc in ["ssm", "sqs", "sts", "kms"] {
        assert_eq!(run(&m, "app", svc).verdict, OUTSIDE, "{svc}");
    }
    // Addresses ask no DNS.
    assert!(run(&m, "app", "10.0.20.4").verdict.is_reachable());
}

fn codes(s: Scenario) -> Vec<String> {
    match Model::new(s) {
        Ok(_) => Vec::new(),
        Err(d) => d.into_iter().map(|d| d.rule.to_string()).collect(),
    }
}

#[test]
fn validation_refuses_what_aws_refuses() {
    let mut s = base();
    // A zone for the KMS endpoint's private DNS name.
    s.private_hosted_zones
        .push(zone("Z0KMS", "kms.us-east-1.amazonaws.com.", vec![]));
    assert!(codes(s).contains(&"hosted_zone_conflicts_private_dns".to_string()));

    let mut s = base();
    s.private_hosted_zones[0].records[0].value = RecordValue::AliasEndpoint("vpce-nope".into());
    assert!(codes(s).contains(&"hosted_zone_alias_unknown_endpoint".to_string()));

    let mut s = base();
    s.private_hosted_zones[0].records[0].name = "ssm.us-west-2.amazonaws.com".into();
    assert!(codes(s).contains(&"hosted_zone_record_outside".to_string()));

    let mut s = base();
    s.private_hosted_zones
        .push(zone("Z0SSM2", "SSM.us-east-1.amazonaws.com", vec![]));
    assert!(codes(s).contains(&"hosted_zone_twice".to_string()));

    let mut s = base();
    s.dhcp_options = Some(DhcpOptions {
        id: "dopt-bad".into(),
        domain_name_servers: vec!["dns.example.com".into()],
    });
    assert!(codes(s).contains(&"dhcp_server_invalid".to_string()));
}

/// The matrix (no facts) gives the verdicts the traces give.
#[test]
fn the_matrix_agrees_with_the_traces() {
    for file in [
        "scenarios/dns-hosted-zones.ron",
        "scenarios/dns-dhcp-custom.ron",
    ] {
        let model = load_file(Path::new(file)).unwrap();
        let matrix = vpc_tui::eval::evaluate_all(&model, &WhatIf::default());
        for (i, inst) in matrix.instances.iter().enumerate() {
            for (j, svc) in matrix.services.iter().enumerate() {
                let t = run(&model, inst, svc);
                assert_eq!(
                    matrix.cells[i][j].verdict, t.verdict,
                    "{file}: {inst} → {svc}"
                );
            }
        }
    }
}

/// A wildcard record may answer a name without its own record: not modelled, never NXDOMAIN.
#[test]
fn a_wildcard_record_is_not_modelled() {
    let mut s = base();
    s.private_hosted_zones = vec![zone(
        "Z0PARENT",
        "us-east-1.amazonaws.com",
        vec![(
            "*.us-east-1.amazonaws.com",
            RecordValue::A(vec!["10.0.20.4".parse().unwrap()]),
        )],
    )];
    let m = model(s);
    assert_eq!(run(&m, "app", "sts").verdict, OUTSIDE);
}

/// A zone's record leads to the endpoint's ENIs in healthy AZs only: with its AZ failed the path
/// stops at DNS, and the sentence names the zone, not private DNS.
#[test]
fn a_zone_answer_drops_enis_in_failed_azs() {
    // A second AZ with a client; the endpoint's only ENI is in us-east-1a.
    let mut s = base();
    s.availability_zones.push(vpc_tui::model::AvailabilityZone {
        name: "us-east-1b".into(),
        id: Some("use1-az2".into()),
    });
    s.subnets.push(vpc_tui::model::Subnet {
        dns64: Default::default(),
        ipv6_cidr: Default::default(),
        ipv6_only: Default::default(),
        id: "subnet-app-b".into(),
        name: Some("app-b".into()),
        az: "us-east-1b".into(),
        cidr: Some("10.0.11.0/24".parse().unwrap()),
    });
    let first = s.instances[0].clone();
    s.instances.push(vpc_tui::model::Instance {
        id: "i-app-b".into(),
        name: Some("app-b".into()),
        subnet: "subnet-app-b".into(),
        private_ip: Some("10.0.11.10".parse().unwrap()),
        ..first
    });
    let m = model(s);
    assert!(via_endpoint(&run(&m, "app-b", "ssm")));
    let mut what_if = WhatIf::default();
    what_if.failed_azs.push("us-east-1a".into());
    let t = evaluate(&m, &what_if, &Query::parse(&m, "app-b", "ssm", false)).unwrap();
    assert_eq!(t.verdict, Verdict::Blocked(Reason::EndpointEnisAllFailed));
    let why = vpc_tui::explain::summary(vpc_tui::explain::Lang::En, &t);
    assert!(why.contains("Z0SSM"), "{why}");
    let why = vpc_tui::explain::summary(vpc_tui::explain::Lang::Ja, &t);
    assert!(why.contains("プライベートホストゾーン Z0SSM"), "{why}");
}

/// The matrix evaluated again after each DNS edit, from the one before, is the matrix evaluated
/// afresh.
#[test]
fn the_matrix_after_dns_edits_is_the_fresh_matrix() {
    use vpc_tui::model::Edit;
    let base = load_file(Path::new("scenarios/dns-hosted-zones.ron")).unwrap();
    let before = vpc_tui::eval::evaluate_all(&base, &WhatIf::default());
    for edit in [
        Edit::RemoveHostedZone {
            zone: "Z0SQS".into(),
        },
        Edit::RemoveResolverRule {
            rule: "rslvr-rr-kms-onprem".into(),
        },
        Edit::SetDhcpOptions {
            options: Some(DhcpOptions {
                id: "dopt-corp".into(),
                domain_name_servers: vec!["192.168.10.53".into()],
            }),
        },
        Edit::RemoveZoneRecord {
            zone: "Z0SSM".into(),
            name: "ssm.us-east-1.amazonaws.com".into(),
        },
    ] {
        let (m, _) = edit.apply(&base).unwrap();
        let fresh = vpc_tui::eval::evaluate_all(&m, &WhatIf::default());
        let after = vpc_tui::eval::evaluate_all_after(&before, &m, &WhatIf::default());
        assert_eq!(after.cells, fresh.cells, "{edit:?}");
        assert_ne!(fresh.cells, before.cells, "{edit:?} changes nothing");
    }
}

/// A zone whose records are not all known answers what it lists and nothing else: a name it
/// does not list is outside the model (the zone may hold a record for it), never NXDOMAIN; the
/// same zone with its records known answers NXDOMAIN. The trace says which zone, in both
/// languages.
#[test]
fn a_zone_with_unknown_records_does_not_answer_nxdomain() {
    use vpc_tui::eval::Stop;
    let outside_why = |t: &PathTrace| {
        t.hops.iter().find_map(|h| match h.stop()? {
            Stop::DnsOutsideModel { why, .. } => Some(why.code()),
            _ => None,
        })
    };
    use vpc_tui::explain::{self, Lang};
    let mut s = base();
    s.resolver_rules.clear();
    let mut parent = zone("Z0PARENT", "us-east-1.amazonaws.com", vec![]);
    parent.records_unknown = true;
    s.private_hosted_zones = vec![parent.clone()];
    let m = model(s.clone());
    let t = run(&m, "app", "sts");
    assert_eq!(t.verdict, OUTSIDE);
    assert_eq!(outside_why(&t), Some("zone_records_unknown"));
    let en = explain::summary(Lang::En, &t);
    assert!(
        en.contains("Z0PARENT") && en.contains("not modelled"),
        "{en}"
    );
    let ja = explain::summary(Lang::Ja, &t);
    assert!(
        ja.contains("Z0PARENT") && ja.contains("モデル化していません"),
        "{ja}"
    );
    // The endpoint's own zone is still more specific.
    assert!(via_endpoint(&run(&m, "app", "kms")));
    // With its records known, the same zone answers NXDOMAIN.
    s.private_hosted_zones[0].records_unknown = false;
    assert_eq!(
        run(&model(s.clone()), "app", "sts").verdict,
        Verdict::Blocked(Reason::DnsNameNotFound)
    );
    // A record the zone does list still answers as it says (here: addresses no endpoint
    // holds, outside the model for that reason).
    let mut listed = zone(
        "Z0PARENT",
        "us-east-1.amazonaws.com",
        vec![(
            "sts.us-east-1.amazonaws.com",
            RecordValue::A(vec!["10.9.9.9".parse().unwrap()]),
        )],
    );
    listed.records_unknown = true;
    s.private_hosted_zones = vec![listed];
    let t = run(&model(s), "app", "sts");
    assert_eq!(outside_why(&t), Some("record"), "{t:?}");
}
