//! Endpoint policies and bucket policies (aws-semantics.md §5b): what AWS refuses when a policy
//! is set (<https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>: a JSON
//! policy with a `Principal` element, at most 20,480 characters; the IAM policy grammar,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html>), and
//! S3's bucket naming rules and 20 KB bucket policy limit
//! (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html>).

use std::collections::HashSet;

use super::Cx;
use crate::model::{
    Diagnostic, MAX_BUCKET_POLICY_BYTES, MAX_ENDPOINT_POLICY_CHARS, NatConnectivity, Policy,
    PolicyProblem, PolicySource,
};

/// Each policy's problems, naming the endpoint or bucket and the statement.
fn problems(object: &str, policy: &Policy, max: usize, out: &mut Vec<Diagnostic>) {
    for p in policy.problems() {
        let d = Diagnostic::error(object, "policy_invalid").s("id", object);
        out.push(match p {
            PolicyProblem::Json { line, column } => {
                d.s("case", "json").n("line", *line).n("column", *column)
            }
            PolicyProblem::NoStatement => d.s("case", "no_statement"),
            PolicyProblem::Statement { index, element } => d
                .s("case", "statement")
                .n("index", *index)
                .s("element", element),
        });
    }
    let size = match policy.source() {
        PolicySource::Json(t) => t.len().max(policy.chars()),
        PolicySource::Statements(_) => 0,
    };
    if size > max {
        out.push(
            Diagnostic::error(object, "policy_too_long")
                .s("id", object)
                .n("count", size)
                .n("max", max),
        );
    }
}

/// S3's bucket naming rules: 3–63 characters of lowercase letters, digits, dots and hyphens,
/// beginning and ending with a letter or digit.
fn bucket_name_ok(name: &str) -> bool {
    let edge = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    (3..=63).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
        && edge(name.chars().next())
        && edge(name.chars().last())
}

/// Endpoint policies parse and fit; a NAT gateway with an Elastic IP is public; buckets are named as S3 allows, once each, and their
/// policies parse and fit.
pub(super) fn policies(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let endpoints = s
        .gateway_endpoints
        .iter()
        .map(|g| (g.id.as_str(), g.policy.as_ref()))
        .chain(
            s.interface_endpoints
                .iter()
                .map(|e| (e.id.as_str(), e.policy.as_ref())),
        );
    for (id, policy) in endpoints {
        if let Some(p) = policy {
            problems(id, p, MAX_ENDPOINT_POLICY_CHARS, out);
        }
    }
    // Only a public NAT gateway has an Elastic IP (vpc-nat-gateway.html).
    for n in &s.nat_gateways {
        if n.elastic_ip.is_some() && n.connectivity == NatConnectivity::Private {
            out.push(Diagnostic::error(&n.id, "elastic_ip_on_private_nat").s("nat", &n.id));
        }
    }
    let mut seen = HashSet::new();
    for b in &s.buckets {
        if !bucket_name_ok(&b.name) {
            out.push(Diagnostic::error(&b.name, "invalid_bucket_name").s("bucket", &b.name));
        }
        if !seen.insert(b.name.as_str()) {
            out.push(Diagnostic::error(&b.name, "duplicate_bucket").s("bucket", &b.name));
        }
        if let Some(p) = &b.policy {
            problems(&b.name, p, MAX_BUCKET_POLICY_BYTES, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use crate::model::{Bucket, Policy};

    fn rules(s: &crate::model::Scenario) -> Vec<&'static str> {
        run(s).into_iter().map(|d| d.rule).collect()
    }

    #[test]
    fn malformed_policies_and_buckets_are_refused_by_name() {
        let mut s = minimal();
        s.buckets.push(Bucket {
            name: "Bad_Name".into(),
            policy: Some(Policy::json(
                r#"{"Statement":[{"Effect":"Allow","Action":"*"}]}"#,
            )),
        });
        s.buckets.push(Bucket {
            name: "logs".into(),
            policy: None,
        });
        s.buckets.push(Bucket {
            name: "logs".into(),
            policy: Some(Policy::json("{ nope")),
        });
        let found = rules(&s);
        for rule in ["invalid_bucket_name", "duplicate_bucket", "policy_invalid"] {
            assert!(found.contains(&rule), "{rule} missing from {found:?}");
        }
        assert_eq!(found.iter().filter(|r| **r == "policy_invalid").count(), 2);
        let mut s = minimal();
        s.buckets.push(Bucket {
            name: "logs".into(),
            policy: Some(Policy::json(format!(
                r#"{{"Statement":[],"Id":"{}"}}"#,
                "x".repeat(20_500)
            ))),
        });
        assert!(rules(&s).contains(&"policy_too_long"));
        let mut s = minimal();
        s.nat_gateways.push(crate::model::NatGateway {
            id: "nat-p".into(),
            name: None,
            subnet: Some(s.subnets[0].id.clone()),
            connectivity: crate::model::NatConnectivity::Private,
            availability_mode: Default::default(),
            elastic_ip: Some("198.51.100.7".parse().unwrap()),
        });
        assert!(rules(&s).contains(&"elastic_ip_on_private_nat"));
    }
}
