//! Importing DNS beyond private DNS: `describe-dhcp-options`, `route53 list-hosted-zones-by-vpc`
//! and `list-resource-record-sets`, `route53resolver list-resolver-rules` and
//! `list-resolver-rule-associations` (tests/fixtures/aws/dns-hosted-zones, the VPC of
//! scenarios/dns-hosted-zones.ron with the same ids; docs/aws-import-fields.md lists the fields).

use std::path::{Path, PathBuf};

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
fn edited(tag: &str, file: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vpc-tui-import-dns-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
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
    let dir = edited("none", "dhcp-options.json", |_| String::new());
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
    let dir = edited("norecords", "record-sets-Z0SSM.json", |_| String::new());
    let (s, w) = import(&dir);
    assert!(s.private_hosted_zones[0].records.is_empty());
    assert_warning(&w, "aws_missing_input", "Z0SSM", "NXDOMAIN");
    let m = Model::new(s).unwrap();
    assert_eq!(
        run(&m, "app", "ssm"),
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
