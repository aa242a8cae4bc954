//! Endpoint and bucket policy edits (aws-semantics.md §5b): set a VPC endpoint's policy (AWS's
//! `modify-vpc-endpoint --policy-document`), or clear it (`--reset-policy`: the endpoint goes
//! back to AWS's default policy, full access;
//! <https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>); set an S3
//! bucket's policy (`s3api put-bucket-policy`) or delete it (`delete-bucket-policy`;
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/add-bucket-policy.html>). A malformed
//! policy is refused by validation (`validate/policies.rs`), naming the endpoint or bucket and
//! the rule.

use super::lookup::not_found;
use super::{Edit, EditError};
use crate::model::{Policy, Scenario};

/// The policy slot of a gateway or interface endpoint, by id.
fn slot<'s>(s: &'s mut Scenario, id: &str) -> Result<&'s mut Option<Policy>, EditError> {
    if let Some(g) = s.gateway_endpoints.iter().position(|g| g.id == id) {
        return Ok(&mut s.gateway_endpoints[g].policy);
    }
    if let Some(e) = s.interface_endpoints.iter().position(|e| e.id == id) {
        return Ok(&mut s.interface_endpoints[e].policy);
    }
    let known: Vec<String> = s
        .gateway_endpoints
        .iter()
        .map(|g| g.id.clone())
        .chain(s.interface_endpoints.iter().map(|e| e.id.clone()))
        .collect();
    Err(not_found(
        ("kind-vpc_endpoint", "kinds-vpc_endpoint"),
        id,
        known,
    ))
}

/// Apply a policy edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    match edit {
        Edit::SetEndpointPolicy { endpoint, policy } => {
            let before = std::mem::replace(slot(s, endpoint)?, policy.clone());
            Ok(Edit::SetEndpointPolicy {
                endpoint: endpoint.clone(),
                policy: before,
            })
        }
        Edit::SetBucketPolicy { bucket, policy } => {
            let Some(b) = s.buckets.iter_mut().find(|b| b.name == *bucket) else {
                let known: Vec<String> = s.buckets.iter().map(|b| b.name.clone()).collect();
                return Err(not_found(("kind-bucket", "kinds-bucket"), bucket, known));
            };
            let before = std::mem::replace(&mut b.policy, policy.clone());
            Ok(Edit::SetBucketPolicy {
                bucket: bucket.clone(),
                policy: before,
            })
        }
        _ => unreachable!("only policy edits are routed here"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::model::{Model, load_file};

    fn policies() -> Model {
        load_file(std::path::Path::new("scenarios/endpoint-policies.ron")).expect("loads")
    }

    #[test]
    fn set_full_access_then_clear_round_trips() {
        let m = policies();
        let full = Edit::SetEndpointPolicy {
            endpoint: "vpce-s3-logs".into(),
            policy: Some(Policy::full_access()),
        };
        let (after, inverse) = round_trip(&m, &full);
        assert_eq!(
            after.scenario().gateway_endpoints[0].policy,
            Some(Policy::full_access())
        );
        assert!(matches!(
            inverse,
            Edit::SetEndpointPolicy {
                policy: Some(_),
                ..
            }
        ));
        let clear = Edit::SetEndpointPolicy {
            endpoint: "vpce-ssm".into(),
            policy: None,
        };
        let (after, _) = round_trip(&m, &clear);
        assert_eq!(after.scenario().interface_endpoints[0].policy, None);
    }

    #[test]
    fn a_bucket_policy_is_set_undone_and_checked() {
        let m = policies();
        let fix = Edit::SetBucketPolicy {
            bucket: "reports".into(),
            policy: Some(Policy::json(
                r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::reports/*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-s3"}}}]}"#,
            )),
        };
        let (after, inverse) = round_trip(&m, &fix);
        let b = |m: &Model| m.scenario().buckets[1].policy.clone();
        assert_eq!(
            b(&after),
            Some(Policy::json(
                r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::reports/*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-s3"}}}]}"#,
            ))
        );
        assert!(matches!(
            inverse,
            Edit::SetBucketPolicy {
                policy: Some(_),
                ..
            }
        ));
        let (after, _) = round_trip(
            &m,
            &Edit::SetBucketPolicy {
                bucket: "reports".into(),
                policy: None,
            },
        );
        assert_eq!(b(&after), None);
        let bad = Edit::SetBucketPolicy {
            bucket: "reports".into(),
            policy: Some(Policy::json(r#"{"Statement":[{"Effect":"Deny"}]}"#)),
        };
        assert!(refusal(&m, &bad).contains("reports"));
        let missing = Edit::SetBucketPolicy {
            bucket: "nope".into(),
            policy: None,
        };
        assert!(missing.apply(&m).unwrap_err().to_string().contains("nope"));
    }

    #[test]
    fn malformed_or_unknown_is_refused() {
        let m = policies();
        let bad = Edit::SetEndpointPolicy {
            endpoint: "vpce-s3".into(),
            policy: Some(Policy::json(r#"{"Statement":[{"Effect":"Allow"}]}"#)),
        };
        assert!(refusal(&m, &bad).contains("vpce-s3"));
        let missing = Edit::SetEndpointPolicy {
            endpoint: "vpce-nope".into(),
            policy: None,
        };
        assert!(
            missing
                .apply(&m)
                .unwrap_err()
                .to_string()
                .contains("vpce-nope")
        );
    }
}
