//! Importing DNS beyond private DNS: `describe-dhcp-options`, `route53 list-hosted-zones-by-vpc`
//! and `list-resource-record-sets`, `route53resolver list-resolver-rules` and
//! `list-resolver-rule-associations` (tests/fixtures/aws/dns-hosted-zones, the VPC of
//! scenarios/dns-hosted-zones.ron with the same ids; docs/aws-import-fields.md lists the fields).

mod common;

use std::path::Path;

use common::cli::{Scratch, scratch};
use vpc_tui::eval::{self, Query, Reason, Verdict};
use vpc_tui::import::load_aws_dir;
use vpc_tui::model::{Diagnostic, Model, RecordValue, ResolverRuleType, Scenario, WhatIf};

const DNS: &str = "tests/fixtures/aws/dns-hosted-zones";

fn import(dir: &Path) -> (Scenario, Vec<Diagnostic>) {
    load_aws_dir(dir, None).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

#[track_caller]
fn assert_warning(warnings: &[Diagnostic], rule: &str, object: &str, text: &str) {
    let found = warnings.iter().any(|w| {
        w.rule == rule
            && w.object.contains(object)
            && vpc_tui::explain::diagnostic_message(vpc_tui::explain::Lang::En, w).contains(text)
    });
    assert!(
        found,
        "no {rule} warning on {object} containing {text:?}; warnings:\n{warnings:#?}"
    );
}

/// A copy of the fixture with `file` edited (or removed, when `edit` gives an empty text).
fn edited(tag: &str, file: &str, edit: impl Fn(&str) -> String) -> Scratch {
    let dir = scratch(tag);
    for entry in std::fs::read_dir(DNS).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        let text = if name == file { edit(&text) } else { text };
        if !text.is_empty() {
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    dir
}

/// The sentence a warning picks (its `case` argument).
fn case(d: &Diagnostic) -> &str {
    d.args
        .iter()
        .find_map(|(k, v)| match v {
            vpc_tui::model::DiagArg::Text(t) if *k == "case" => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or_default()
}

fn run(m: &Model, from: &str, to: &str) -> Verdict {
    eval::evaluate(m, &WhatIf::default(), &Query::parse(m, from, to, false))
        .unwrap()
        .verdict
}

/// The fixture imports to the RON scenario's zones and rules (the autodefined recursive rule and
/// another VPC's rule left out without a word), its expectations' verdicts and its matrix.
#[test]
fn dns_fixture_gives_the_verdicts_of_the_equivalent_ron() {
    let (s, w) = import(Path::new(DNS));
    assert!(w.is_empty(), "{w:#?}");
    let ron = vpc_tui::model::load_file(Path::new("scenarios/dns-hosted-zones.ron")).unwrap();
    assert_eq!(s.resolver_rules, ron.scenario().resolver_rules);
    assert_eq!(s.private_hosted_zones, ron.scenario().private_hosted_zones);
    let dhcp = s.dhcp_options.as_ref().unwrap();
    assert_eq!(dhcp.id, "dopt-amazon");
    assert_eq!(dhcp.domain_name_servers, ["AmazonProvidedDNS"]);
    let imported = Model::new(s).expect("imports into a valid model");
    let what_if = WhatIf::default();
    let (a, b) = (
        eval::evaluate_all(&imported, &what_if),
        eval::evaluate_all(&ron, &what_if),
    );
    assert_eq!(a.instances, b.instances);
    assert_eq!(a.cells, b.cells);
    for e in &ron.scenario().expect {
        assert_eq!(
            run(&imported, &e.from, &e.to).code(),
            e.verdict,
            "{} → {}",
            e.from,
            e.to
        );
    }
}

/// The VPC's DHCP options set decides: custom servers make every name's answer not modelled; an
/// options set the file lacks is AmazonProvidedDNS, said so.
#[test]
fn dhcp_options_of_the_vpc() {
    let dir = edited("corp", "vpcs.json", |t| {
        t.replace("dopt-amazon", "dopt-corp")
    });
    let (s, w) = import(&dir);
    assert!(w.is_empty(), "{w:#?}");
    let m = Model::new(s).unwrap();
    assert_eq!(
        run(&m, "app", "sts"),
        Verdict::NotModelled(Reason::DnsAnswerOutsideModel)
    );
    let dir = edited("gone", "vpcs.json", |t| {
        t.replace("dopt-amazon", "dopt-gone")
    });
    let (s, w) = import(&dir);
    assert!(s.dhcp_options.is_none());
    assert_warning(&w, "aws_missing_input", "vpc-dns", "dopt-gone");
    // Without describe-dhcp-options output, AmazonProvidedDNS is assumed and said so, naming
    // the call; a VPC with the `default` set (no set) needs no such output.
    let dir = edited("none", "dhcp-options.json", |_| String::new());
    let (s, w) = import(&dir);
    assert!(s.dhcp_options.is_none());
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_warning(&w, "aws_missing_input", "vpc-dns", "describe-dhcp-options");
    assert_warning(&w, "aws_missing_input", "vpc-dns", "dopt-amazon");
    let dir = edited("default", "vpcs.json", |t| {
        t.replace("dopt-amazon", "default")
    });
    let dir2 = dir.join("dhcp-options.json");
    std::fs::remove_file(dir2).unwrap();
    let (s, w) = import(&dir);
    assert!(s.dhcp_options.is_none() && w.is_empty(), "{w:#?}");
}

/// Associations not in effect are left out, pending ones kept, each said so; a DELEGATE rule is
/// a forward rule (its answer comes from outside), said so.
#[test]
fn resolver_rule_states_and_types() {
    let dir = edited("failed", "resolver-rule-associations.json", |t| {
        t.replacen("\"COMPLETE\"", "\"FAILED\"", 1)
    });
    let (s, w) = import(&dir);
    assert!(s.resolver_rules.is_empty());
    assert_warning(&w, "aws_state_not_modelled", "rslvr-rrassoc-kms", "FAILED");
    let dir = edited("creating", "resolver-rule-associations.json", |t| {
        t.replacen("\"COMPLETE\"", "\"CREATING\"", 1)
    });
    let (s, w) = import(&dir);
    assert_eq!(s.resolver_rules.len(), 1);
    assert_warning(
        &w,
        "aws_state_not_modelled",
        "rslvr-rrassoc-kms",
        "in effect",
    );
    let dir = edited("delegate", "resolver-rules.json", |t| {
        t.replacen("\"FORWARD\"", "\"DELEGATE\"", 1)
    });
    let (s, w) = import(&dir);
    assert_eq!(s.resolver_rules[0].rule_type, ResolverRuleType::Forward);
    assert_warning(&w, "aws_not_modelled", "rslvr-rr-kms-onprem", "DELEGATE");
    let dir = edited("norules", "resolver-rules.json", |_| String::new());
    let (s, w) = import(&dir);
    assert!(s.resolver_rules.is_empty());
    assert_warning(
        &w,
        "aws_missing_input",
        "rslvr-rrassoc-kms",
        "rslvr-rr-kms-onprem",
    );
}

/// Zones: a zone without its record sets is imported empty (NXDOMAIN for every name), said so; a
/// zone an AWS service manages is left out; an alias to a zonal endpoint name is outside the
/// model, said so.
#[test]
fn zones_without_records_managed_or_with_zonal_aliases() {
    // Without its records the zone's answer is not known: not modelled, never a guessed
    // NXDOMAIN, and the RON written from it says so and reads back the same.
    let dir = edited("norecords", "record-sets-Z0SSM.json", |_| String::new());
    let (s, w) = import(&dir);
    let zone = &s.private_hosted_zones[0];
    assert!(zone.records.is_empty() && zone.records_unknown);
    assert!(
        s.private_hosted_zones[1..]
            .iter()
            .all(|z| !z.records_unknown)
    );
    assert_warning(&w, "aws_missing_input", "Z0SSM", "records are not known");
    let text = vpc_tui::model::to_ron_string(&s);
    assert!(text.contains("records_unknown: true"), "{text}");
    let back = vpc_tui::model::from_ron_str(&text, Path::new("imported.ron")).unwrap();
    assert_eq!(back, s);
    let m = Model::new(s).unwrap();
    assert_eq!(
        run(&m, "app", "ssm"),
        Verdict::NotModelled(Reason::DnsAnswerOutsideModel)
    );
    // The other zones' answers are unchanged: SQS's empty zone still answers NXDOMAIN.
    assert_eq!(
        run(&m, "app", "sqs"),
        Verdict::Blocked(Reason::DnsNameNotFound)
    );

    let dir = edited("managed", "hosted-zones-by-vpc.json", |t| {
        t.replacen(
            "\"OwningAccount\": \"123456789012\"",
            "\"OwningService\": \"efs.amazonaws.com\"",
            1,
        )
    });
    let (s, w) = import(&dir);
    assert_eq!(s.private_hosted_zones.len(), 2);
    assert_warning(&w, "aws_not_modelled", "Z0SSM", "efs.amazonaws.com");

    let dir = edited("zonal", "record-sets-Z0SSM.json", |t| {
        t.replace("vpce-ssm-abcdefgh.", "vpce-ssm-abcdefgh-us-east-1a.")
    });
    let (s, w) = import(&dir);
    assert!(matches!(
        s.private_hosted_zones[0].records[0].value,
        RecordValue::Alias(_)
    ));
    assert_warning(&w, "aws_not_modelled", "Z0SSM", "zonal");

    let dir = edited("stray", "record-sets-Z0SNS.json", |t| {
        t.replace(
            "sns.us-east-1.amazonaws.com.",
            "sns.us-west-2.amazonaws.com.",
        )
    });
    let stray = dir.join("record-sets-Z0SNS.json");
    std::fs::rename(&stray, dir.join("record-sets-other.json")).unwrap();
    let (s, w) = import(&dir);
    assert!(s.private_hosted_zones[2].records.is_empty());
    assert_warning(&w, "aws_missing_input", "record-sets-other.json", "no zone");
}

/// Every new warning reads in Japanese too.
#[test]
fn dns_warnings_read_in_japanese() {
    let dir = edited("ja", "resolver-rules.json", |t| {
        t.replacen("\"FORWARD\"", "\"DELEGATE\"", 1)
    });
    let (_, w) = import(&dir);
    for d in &w {
        let text = vpc_tui::explain::diagnostic_message(vpc_tui::explain::Lang::Ja, d);
        assert!(
            text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
            "{text}"
        );
    }
}

/// A truncated `list-resource-record-sets` output keeps the records it lists (they answer as
/// they say) and marks the zone's records unknown: a name it does not list is not modelled.
#[test]
fn a_truncated_record_list_leaves_the_other_names_unknown() {
    let dir = edited("truncated", "record-sets-Z0SQS.json", |t| {
        let at = t.rfind('}').unwrap();
        format!("{},\n    \"IsTruncated\": true\n}}\n", t[..at].trim_end())
    });
    let (s, w) = import(&dir);
    assert_warning(&w, "aws_pagination_cut", "record-sets-Z0SQS.json", "");
    let sqs = &s.private_hosted_zones[1];
    assert_eq!(sqs.id, "Z0SQS");
    assert!(sqs.records_unknown);
    assert!(!s.private_hosted_zones[0].records_unknown);
    let m = Model::new(s).unwrap();
    assert_eq!(
        run(&m, "app", "sqs"),
        Verdict::NotModelled(Reason::DnsAnswerOutsideModel)
    );
    // The SSM zone, complete, still leads to its endpoint.
    assert!(run(&m, "app", "ssm").is_reachable());
}

/// A call whose output is missing is assumed empty or off, and a warning says what was assumed
/// and which call's output would settle it, in English and Japanese, one line each. With every
/// call given (the fixture) there is no such warning.
#[test]
fn a_missing_call_is_named_with_what_was_assumed() {
    let cases = [
        (
            "hosted-zones-by-vpc.json",
            "list-hosted-zones-by-vpc",
            "no private hosted zone",
        ),
        (
            "resolver-rule-associations.json",
            "list-resolver-rule-associations",
            "no Resolver rule",
        ),
        (
            "block-public-access-options.json",
            "describe-vpc-block-public-access-options",
            "taken as off",
        ),
        (
            "dhcp-options.json",
            "describe-dhcp-options",
            "AmazonProvidedDNS is assumed",
        ),
    ];
    for (file, call, assumed) in cases {
        let dir = edited(call, file, |_| String::new());
        let (s, w) = import(&dir);
        // The warnings about a whole call's output (their case starts `no_`; removing the zones'
        // list also strands the record-set files, each said so on its own).
        let missing: Vec<&Diagnostic> = w
            .iter()
            .filter(|d| d.rule == "aws_missing_input" && case(d).starts_with("no_"))
            .collect();
        assert_eq!(missing.len(), 1, "{file}: {w:#?}");
        assert_warning(&w, "aws_missing_input", "vpc-dns", call);
        assert_warning(&w, "aws_missing_input", "vpc-dns", assumed);
        for lang in [vpc_tui::explain::Lang::En, vpc_tui::explain::Lang::Ja] {
            let text = vpc_tui::explain::diagnostic_message(lang, missing[0]);
            assert!(text.contains(call) && !text.contains('\n'), "{text}");
        }
        match file {
            "hosted-zones-by-vpc.json" => assert!(s.private_hosted_zones.is_empty()),
            "resolver-rule-associations.json" => assert!(s.resolver_rules.is_empty()),
            _ => {}
        }
    }
    // Rules without associations apply to no VPC: the associations' call is the one named.
    let dir = edited("norules", "resolver-rules.json", |_| String::new());
    let (s, w) = import(&dir);
    assert!(s.resolver_rules.is_empty());
    assert!(!w.iter().any(|d| case(d) == "no_resolver_rules"), "{w:#?}");
    assert_warning(
        &w,
        "aws_missing_input",
        "rslvr-rrassoc-kms",
        "list-resolver-rules",
    );
}
