//! Endpoint policies (aws-semantics.md §5b;
//! <https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>).
//!
//! A VPC endpoint's policy is a resource policy on the endpoint: a request through the
//! endpoint goes on only if some statement allows it and none denies it (explicit deny wins,
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).
//! An endpoint without a policy has AWS's default, which allows full access. A query without
//! `--action`/`--resource` stands for every request; a policy that allows only some of them
//! (one bucket, some actions) lets the path on as `limited` with a note, and only a precise
//! query can be refused for a bucket or action the policy leaves out.

use crate::eval::ctx::{Ctx, Outcome, Trail};
use crate::eval::facts::PolicyKind;
use crate::eval::policies::{Decided, record};
use crate::eval::policy::{Asked, Context, Decision, Needs, Scope, decide};
use crate::model::Policy;

/// The endpoint `endpoint`'s policy for the query's request to `service` (its IAM prefix).
pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    endpoint: &str,
    service: &str,
    policy: Option<&Policy>,
    cx: &Context<'_>,
    hops: &mut Trail,
) -> Option<Outcome> {
    let resource = ctx.request.resource.clone();
    let action = ctx.request.action.clone();
    let asked = Asked {
        service,
        action: action.as_deref(),
        resource: resource.as_deref().map_or(Scope::Any, Scope::Exact),
    };
    let (decision, statements) = match policy {
        None => (Decision::Allowed(None), &[][..]),
        Some(p) => (
            decide(p.statements(), &asked, cx, Needs::Allow),
            p.statements(),
        ),
    };
    let decided = Decided {
        kind: PolicyKind::Endpoint,
        owner: endpoint,
        default: policy.is_none(),
        through: Some(endpoint),
        decision,
        statements,
    };
    record(ctx, decided, hops)
}
