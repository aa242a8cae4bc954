//! What a scenario asks of the evaluator: what-if failed AZs (aws-semantics.md §6), `expect`
//! entries and workloads.

use std::collections::HashSet;

use super::{CROSS_AZ, Cx, FAMILIES, VERDICTS, unknown_az};
use crate::model::Diagnostic;

/// What-if failed AZs name an AZ by name or AZ ID (aws-semantics.md §6).
pub(super) fn what_if_azs(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for az in &cx.s.what_if.failed_azs {
        if !cx.azs.contains_key(az.as_str()) {
            out.push(unknown_az(cx, "what_if", az));
        }
    }
}

/// Whether an expectation's `to` names something: a service, `service@region`, a catalogue
/// global name, an IPv4 address or CIDR, `workload:name`, or an S3 Express One Zone directory
/// bucket (`base--zoneid--x-s3`).
fn expectation_target_known(cx: &Cx, to: &str) -> bool {
    let catalogue = crate::model::catalogue::builtin();
    if let Some(w) = to.strip_prefix("workload:") {
        return catalogue.workloads.iter().any(|x| x.name == w)
            || cx.s.workloads.iter().any(|x| x.name == w);
    }
    if let Some((service, _region)) = to.split_once('@') {
        return cx.services.contains_key(service);
    }
    cx.services.contains_key(to)
        || to.parse::<ipnet::Ipv4Net>().is_ok()
        || to.parse::<std::net::Ipv4Addr>().is_ok()
        || to.parse::<ipnet::Ipv6Net>().is_ok()
        || to.parse::<std::net::Ipv6Addr>().is_ok()
        || catalogue.global_names.iter().any(|g| g.name == to)
        || crate::model::directory_bucket_zone(to).is_some()
}

/// `expect` entries: `from` names one instance (id or name), `to` a service, failed AZs resolve,
/// the verdict and `cross_az` are known values, and `source` is an https URL.
pub(super) fn expectations(cx: &Cx, out: &mut Vec<Diagnostic>) {
    for (i, e) in cx.s.expect.iter().enumerate() {
        let obj = format!("expect[{i}] ({} → {})", e.from, e.to);
        // `from` and `to` take the forms of `check --from/--to` (see eval::Query::parse).
        let by_id = cx.s.instances.iter().any(|x| x.id == e.from);
        let by_name =
            cx.s.instances
                .iter()
                .filter(|x| x.name.as_deref() == Some(e.from.as_str()))
                .count();
        let subnet_source = cx.s.subnets.iter().any(|x| x.id == e.from)
            || e.from
                .parse::<std::net::Ipv4Addr>()
                .is_ok_and(|ip| cx.s.subnets.iter().any(|x| x.has_ipv4(ip)));
        if !by_id && by_name == 0 && !subnet_source {
            out.push(
                Diagnostic::error(&obj, "unknown_instance").s("from", format!("{:?}", e.from)),
            );
        } else if !by_id && by_name > 1 {
            out.push(
                Diagnostic::error(&obj, "ambiguous_instance")
                    .n("count", by_name)
                    .s("name", &e.from),
            );
        }
        if !expectation_target_known(cx, &e.to) {
            out.push(
                Diagnostic::error(&obj, "unknown_service")
                    .s("case", "expect")
                    .s("to", format!("{:?}", e.to)),
            );
        }
        for az in &e.failed_azs {
            if !cx.azs.contains_key(az.as_str()) {
                out.push(unknown_az(cx, &obj, az));
            }
        }
        if !VERDICTS.contains(&e.verdict.as_str()) {
            out.push(
                Diagnostic::error(&obj, "invalid_verdict")
                    .s("verdict", format!("{:?}", e.verdict))
                    .list("known", VERDICTS),
            );
        }
        if let Some(c) = &e.cross_az
            && !CROSS_AZ.contains(&c.as_str())
        {
            out.push(
                Diagnostic::error(&obj, "invalid_cross_az")
                    .s("cross_az", format!("{c:?}"))
                    .list("known", CROSS_AZ),
            );
        }
        if let Some(f) = &e.family
            && !FAMILIES.contains(&f.as_str())
        {
            out.push(
                Diagnostic::error(&obj, "invalid_family")
                    .s("family", format!("{f:?}"))
                    .list("known", FAMILIES),
            );
        }
        if !is_https_url(&e.source) {
            out.push(
                Diagnostic::error(&obj, "invalid_source").s("source", format!("{:?}", e.source)),
            );
        }
    }
}

/// Workloads a scenario defines: named once, made of services that exist.
pub(super) fn workloads(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let mut names = HashSet::new();
    for w in &cx.s.workloads {
        if !names.insert(w.name.as_str()) {
            out.push(
                Diagnostic::error(format!("workload:{}", w.name), "duplicate_id")
                    .s("case", "workload")
                    .s("workload", &w.name),
            );
        }
        if w.services.is_empty() {
            out.push(
                Diagnostic::error(format!("workload:{}", w.name), "empty_workload")
                    .s("workload", &w.name),
            );
        }
        for svc in &w.services {
            if !cx.services.contains_key(svc.as_str()) {
                out.push(
                    Diagnostic::error(format!("workload:{}", w.name), "unknown_service")
                        .s("case", "workload")
                        .s("workload", &w.name)
                        .s("service", svc),
                );
            }
        }
    }
}

fn is_https_url(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && host.contains('.') && !s.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Expectation;
    use crate::model::validate::test_support::*;

    #[test]
    fn what_if_azs_resolve() {
        let mut s = minimal();
        s.what_if.failed_azs = vec!["us-east-1a".into(), "use1-az2".into(), "us-east-1q".into()];
        let d = run(&s);
        assert_eq!(found(&d, "unknown_az").len(), 1);
        assert!(error(&d, "unknown_az", "what_if").contains("us-east-1q"));
    }

    #[test]
    fn expectations_are_checked() {
        let mut s = minimal();
        let base = s.expect[0].clone();
        s.expect.push(Expectation {
            from: "nobody".into(),
            to: "nosuch".into(),
            failed_azs: vec!["use1-az9".into()],
            verdict: "works".into(),
            cross_az: Some("often".into()),
            source: "http://docs.aws.amazon.com/".into(),
            ..base.clone()
        });
        s.expect.push(Expectation {
            from: "i-app-a".into(),
            source: "https://".into(),
            ..base
        });
        let d = run(&s);
        let obj = "expect[1] (nobody → nosuch)";
        error(&d, "unknown_instance", obj);
        error(&d, "unknown_service", obj);
        error(&d, "unknown_az", obj);
        assert!(error(&d, "invalid_verdict", obj).contains("leaves_vpc"));
        error(&d, "invalid_cross_az", obj);
        error(&d, "invalid_source", obj);
        error(&d, "invalid_source", "expect[2] (i-app-a → s3)");
        assert_eq!(d.len(), 7, "{d:#?}");
    }

    #[test]
    fn expectation_from_an_ambiguous_name() {
        let mut s = minimal();
        s.instances.push(crate::model::Instance {
            ipv6_address: Default::default(),
            security_groups: Vec::new(),
            id: "i-app-a2".into(),
            name: Some("app-a".into()),
            subnet: "subnet-private-b".into(),
            private_ip: None,
            public_ip: false,
        });
        error(&run(&s), "ambiguous_instance", "expect[0] (app-a → s3)");
    }

    #[test]
    fn https_urls() {
        assert!(is_https_url("https://docs.aws.amazon.com/vpc/"));
        assert!(!is_https_url("https://docs.aws.amazon.com/a b"));
        assert!(!is_https_url("https:///x"));
        assert!(!is_https_url("ftp://x.y"));
    }
}
