//! S3 bucket policies (aws-semantics.md §5b;
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html>).
//!
//! The bucket's policy is checked whatever way the request reached S3. vpc-tui decides only
//! its explicit denies: in the bucket's own account the caller's IAM policies may allow what
//! the bucket policy does not mention, and identity policies are outside the model
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>).
//! The classic failure is a Deny unless `aws:SourceIp` is the office's or the NAT gateway's
//! address: through a VPC endpoint `aws:SourceIp` is absent, so `NotIpAddress` is true and the
//! Deny applies; testing `aws:SourceVpce` (or `aws:VpcSourceIp`) is the fix.
//!
//! With `--resource`, the bucket it names decides (a bucket the scenario does not list has no
//! known policy: nothing to evaluate). Without, the query stands for any object in any bucket:
//! each listed bucket whose policy refuses some requests from here makes the path `limited`.

use crate::eval::ctx::{Ctx, Outcome, Trail};
use crate::eval::facts::PolicyKind;
use crate::eval::policies::{Decided, record};
use crate::eval::policy::{Asked, Context, Decision, Needs, Scope, bucket_of, decide};

/// The bucket policies for the query's request to `service` (its IAM prefix); only S3 has them.
pub(crate) fn check(
    ctx: &mut Ctx<'_>,
    service: &str,
    through: Option<&str>,
    cx: &Context<'_>,
    hops: &mut Trail,
) -> Option<Outcome> {
    if service != "s3" {
        return None;
    }
    let model = ctx.model;
    let resource = ctx.request.resource.clone();
    let action = ctx.request.action.clone();
    let buckets = &model.scenario().buckets;
    let named = resource.as_deref().map(|arn| (arn, bucket_of(arn)));
    for b in buckets {
        let Some(policy) = &b.policy else {
            continue;
        };
        let scope = match named {
            Some((arn, Some(name))) if name == b.name => Scope::Exact(arn),
            Some(_) => continue,
            None => Scope::Bucket(&b.name),
        };
        let asked = Asked {
            service,
            action: action.as_deref(),
            resource: scope,
        };
        let decision = decide(policy.statements(), &asked, cx, Needs::NoDeny);
        let decision = match (named, decision) {
            // Asked about one resource: the bucket's decision is the path's.
            (Some(_), d) => d,
            (None, Decision::Allowed(_)) => continue,
            // Any object in any bucket: a bucket that refuses some requests limits the path.
            (None, Decision::Denied(i) | Decision::NotEvaluable(i, _)) => {
                Decision::Limited(Some(i))
            }
            (None, d @ Decision::Limited(_)) => d,
            (None, Decision::NotAllowed) => Decision::Limited(None),
        };
        let decided = Decided {
            kind: PolicyKind::Bucket,
            owner: &b.name,
            default: false,
            through,
            decision,
            statements: policy.statements(),
        };
        if let Some(stop) = record(ctx, decided, hops) {
            return Some(stop);
        }
    }
    None
}
