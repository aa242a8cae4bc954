//! Endpoint policy edits (aws-semantics.md §5b): set a VPC endpoint's policy (AWS's
//! `modify-vpc-endpoint --policy-document`), or clear it (`--reset-policy`: the endpoint goes
//! back to AWS's default policy, full access;
//! <https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>). A malformed
//! policy is refused by validation (`validate/policies.rs`), naming the endpoint and the rule.

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
