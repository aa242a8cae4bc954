//! `endpoint_policy_denied` and `bucket_policy_denied` (aws-semantics.md §5b): the narrowest
//! change to the policy that refused the request.
//!
//! - An endpoint policy that allows nothing the request matches gets a statement allowing the
//!   requested action on the requested resource; one whose statement denies it explicitly loses
//!   that statement; either may instead go back to AWS's default, full access (broader, so
//!   listed after). PrivateLink, "Control access to VPC endpoints using endpoint policies":
//!   <https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>.
//! - A bucket policy whose Deny rests on `aws:SourceIp` (`NotIpAddress`) refuses requests that
//!   come through a VPC endpoint, where `aws:SourceIp` is absent: the Deny gains the condition
//!   `StringNotEquals aws:SourceVpce` = that endpoint, so it still denies what comes from
//!   anywhere else (conditions of one statement must all hold), as AWS documents for restricting
//!   a bucket to an endpoint (S3 User Guide, "Controlling access from VPC endpoints with bucket
//!   policies": <https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html>).
//!   Nothing is offered for other Denies (one on `aws:SourceVpce` itself is what routing through
//!   the named endpoint answers: `routes.rs`).
//!
//! A policy is rewritten as its typed statements, so only a policy whose every statement the
//! model reads in full is edited (a statement with elements outside the evaluated subset would
//! lose them).

use super::context::Context;
use super::{Candidates, PolicyChange};
use crate::eval::{Id, PolicyCheck, PolicyDecision, PolicyKind, Stop};
use crate::model::{Condition, Edit, Effect, Policy, PolicySource, Principal, Statement};

pub(crate) fn candidates(ctx: &Context<'_>, out: &mut Candidates) {
    for stop in &ctx.stops {
        let Stop::Policy(c) = stop else {
            continue;
        };
        match (c.kind, c.decision) {
            (PolicyKind::Endpoint, PolicyDecision::NotAllowed | PolicyDecision::Denied) => {
                endpoint(ctx, c, out)
            }
            (PolicyKind::Bucket, PolicyDecision::Denied) => bucket(ctx, c, out),
            _ => {}
        }
    }
}

/// The statements of a policy the model reads in full, to be rewritten.
fn editable(policy: &Policy) -> Option<Vec<Statement>> {
    let statements = policy.statements();
    (policy.problems().is_empty() && statements.iter().all(|s| s.unsupported.is_empty()))
        .then(|| statements.to_vec())
}

fn typed(statements: Vec<Statement>) -> Policy {
    Policy::from(PolicySource::Statements(statements))
}

fn endpoint(ctx: &Context<'_>, c: &PolicyCheck, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let id = c.owner.as_str();
    let policy = s
        .gateway_endpoints
        .iter()
        .find(|g| g.id == id)
        .map(|g| g.policy.as_ref())
        .or_else(|| {
            s.interface_endpoints
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.policy.as_ref())
        });
    // An endpoint without a policy has AWS's full-access default: nothing to change.
    let Some(Some(policy)) = policy else {
        return;
    };
    let set = |policy: Option<Policy>| Edit::SetEndpointPolicy {
        endpoint: id.to_string(),
        policy,
    };
    if let Some(mut statements) = editable(policy) {
        match (c.decision, &c.statement) {
            (PolicyDecision::Denied, Some(st)) if st.index >= 1 && st.index <= statements.len() => {
                statements.remove(st.index - 1);
                out.described(
                    set(Some(typed(statements))),
                    PolicyChange::WithoutStatement {
                        owner: c.owner.clone(),
                        index: st.index,
                        sid: st.sid.clone(),
                    },
                );
            }
            (PolicyDecision::NotAllowed, _) => {
                let action = c.action.clone().unwrap_or_else(|| Id::from("*"));
                let resource = c.resource.clone().unwrap_or_else(|| Id::from("*"));
                statements.push(Statement {
                    sid: None,
                    effect: Effect::Allow,
                    principal: Principal::Any,
                    actions: vec![action.to_string()],
                    not_actions: Vec::new(),
                    resources: vec![resource.to_string()],
                    conditions: Vec::new(),
                    unsupported: Vec::new(),
                });
                out.described(
                    set(Some(typed(statements))),
                    PolicyChange::AllowStatement {
                        owner: c.owner.clone(),
                        action,
                        resource,
                    },
                );
            }
            _ => {}
        }
    }
    out.one(set(None));
}

fn bucket(ctx: &Context<'_>, c: &PolicyCheck, out: &mut Candidates) {
    let s = ctx.model.scenario();
    let (Some(endpoint), Some(st)) = (&c.through, &c.statement) else {
        return;
    };
    let Some(policy) = s
        .buckets
        .iter()
        .find(|b| b.name == c.owner.as_str())
        .and_then(|b| b.policy.as_ref())
    else {
        return;
    };
    let Some(mut statements) = editable(policy) else {
        return;
    };
    let Some(deny) = st.index.checked_sub(1).and_then(|i| statements.get_mut(i)) else {
        return;
    };
    let on_source_ip = deny.conditions.iter().any(|x| {
        x.key.eq_ignore_ascii_case("aws:SourceIp") && x.operator.starts_with("NotIpAddress")
    });
    if deny.effect != Effect::Deny || !on_source_ip {
        return;
    }
    deny.conditions.push(Condition {
        operator: "StringNotEquals".into(),
        key: "aws:SourceVpce".into(),
        values: vec![endpoint.to_string()],
    });
    out.described(
        Edit::SetBucketPolicy {
            bucket: c.owner.to_string(),
            policy: Some(typed(statements)),
        },
        PolicyChange::SourceVpce {
            bucket: c.owner.clone(),
            index: st.index,
            sid: st.sid.clone(),
            endpoint: endpoint.clone(),
        },
    );
}
