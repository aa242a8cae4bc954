//! Where endpoint policies and bucket policies decide along the walk (aws-semantics.md §5b).
//! Each rule is in `rules/` (`endpoint_policy.rs`, `bucket_policy.rs`), the IAM subset they
//! share in `policy/`; this file says where each applies and what the service sees:
//!
//! - a request that reaches the service through a VPC endpoint (gateway or interface) meets
//!   the endpoint's policy, then — for S3 — the bucket's policy, with `aws:SourceVpce` (the
//!   endpoint), `aws:SourceVpc` (the VPC) and `aws:VpcSourceIp` (the private source address)
//!   set and no `aws:SourceIp`;
//! - a request that reaches the service's public endpoint (through a NAT gateway or an
//!   internet gateway) meets only the bucket's policy, with `aws:SourceIp` the public address
//!   (a public NAT gateway's `elastic_ip` when the scenario gives it; otherwise unknown, and a
//!   condition on it is not evaluable) and none of the VPC keys.
//!
//! (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>:
//! `aws:SourceIp` "is included in the request context, except when the requester uses a VPC
//! endpoint"; `aws:SourceVpce`, `aws:SourceVpc`, `aws:VpcSourceIp` only when it does.)
//!
//! A model without any policy data (no endpoint policy, no bucket) evaluates none of this and
//! lists `endpoint_policies` as not evaluated, as before.

use crate::model::{Model, Policy, Statement};

use super::ctx::{Ctx, Outcome, Trail, Walk};
use super::facts::*;
use super::policy::{Context, Decision, SourceIp};
use super::rules::{bucket_policy, endpoint_policy};

/// Whether the model has policy data: an endpoint with a policy, or a bucket.
pub fn on(model: &Model) -> bool {
    model.policies_on
}

/// The IAM service prefix of a catalogue service (`ecr.api` → `ecr`).
pub(crate) fn iam_prefix(service: &str) -> &str {
    match service {
        "monitoring" => "cloudwatch",
        "email-smtp" => "ses",
        s => s.split('.').next().unwrap_or(s),
    }
}

/// The request reached `service` through VPC endpoint `endpoint` (with `policy`; none: AWS's
/// default). Pieces go on when this returns none.
pub(crate) fn through_endpoint(
    ctx: &mut Ctx<'_>,
    walk: &Walk<'_>,
    endpoint: &str,
    service: &str,
    policy: Option<&Policy>,
    hops: &mut Trail,
) -> Option<Outcome> {
    let model = ctx.model;
    if !on(model) {
        return None;
    }
    let cx = Context {
        source_vpce: Some(endpoint),
        source_vpc: Some(model.scenario().vpc.id.as_str()),
        vpc_source_ip: Some(walk.address),
        source_ip: SourceIp::Absent,
    };
    let service = iam_prefix(service);
    if let Some(stop) = endpoint_policy::check(ctx, endpoint, service, policy, &cx, hops) {
        return Some(stop);
    }
    bucket_policy::check(ctx, service, Some(endpoint), &cx, hops)
}

/// The request reached the service's public endpoint (through a NAT gateway or an internet
/// gateway). Inlined: a model without policy data tests one flag here instead of calling out
/// of line.
#[inline]
pub(crate) fn from_internet(
    ctx: &mut Ctx<'_>,
    walk: &Walk<'_>,
    hops: &mut Trail,
) -> Option<Outcome> {
    if !on(ctx.model) {
        return None;
    }
    bucket_from_internet(ctx, walk, hops)
}

/// [`from_internet`] in a model with policy data: the bucket's policy, if the service has one.
#[inline(never)]
fn bucket_from_internet(ctx: &mut Ctx<'_>, walk: &Walk<'_>, hops: &mut Trail) -> Option<Outcome> {
    let model = ctx.model;
    let service = &model.services()[ctx.aim.service_index?].name;
    let cx = Context {
        source_ip: match walk.public_address {
            Some(ip) => SourceIp::Known(ipnet::Ipv4Net::from(ip)),
            None => SourceIp::Unknown,
        },
        ..Context::default()
    };
    bucket_policy::check(ctx, iam_prefix(service), None, &cx, hops)
}

/// One policy's decision, as the rules hand it over.
pub(crate) struct Decided<'a> {
    pub kind: PolicyKind,
    pub owner: &'a str,
    pub default: bool,
    pub through: Option<&'a str>,
    pub decision: Decision,
    pub statements: &'a [Statement],
}

/// Record a decision: a hop when the request goes on (a note when only some requests do), a
/// stop when it does not.
pub(crate) fn record(ctx: &mut Ctx<'_>, d: Decided<'_>, hops: &mut Trail) -> Option<Outcome> {
    let statement = |i: Option<usize>| {
        i.map(|i| StatementRef {
            index: i + 1,
            sid: d
                .statements
                .get(i)
                .and_then(|s| s.sid.as_deref())
                .map(Id::from),
        })
    };
    let (decision, index, unsupported) = match &d.decision {
        Decision::Allowed(i) => (PolicyDecision::Allowed, *i, None),
        Decision::Limited(i) => (PolicyDecision::Limited, *i, None),
        Decision::Denied(i) => (PolicyDecision::Denied, Some(*i), None),
        Decision::NotAllowed => (PolicyDecision::NotAllowed, None, None),
        Decision::NotEvaluable(i, what) => (
            PolicyDecision::NotEvaluable,
            Some(*i),
            Some(Id::from(what.as_str())),
        ),
    };
    let request = ctx.request.clone();
    let check = || PolicyCheck {
        kind: d.kind,
        owner: Id::from(d.owner),
        default: d.default,
        through: d.through.map(Id::from),
        action: request.action.as_deref().map(Id::from),
        resource: request.resource.as_deref().map(Id::from),
        decision,
        statement: statement(index),
        unsupported: unsupported.clone(),
    };
    let hop_kind = match d.kind {
        PolicyKind::Endpoint => HopKind::EndpointPolicy,
        PolicyKind::Bucket => HopKind::BucketPolicy,
    };
    match decision {
        PolicyDecision::Allowed | PolicyDecision::Limited => {
            if decision == PolicyDecision::Limited {
                ctx.note(|| {
                    let fact = check();
                    Note::PolicyLimitsRequests(Box::new(PolicyLimitsRequestsNote {
                        kind: fact.kind,
                        owner: fact.owner,
                        statement: fact.statement,
                    }))
                });
            }
            hops.add(hop_kind, d.owner, || None, || Fact::policy(check()));
            None
        }
        _ => Some(Outcome::Stop {
            kind: HopKind::Blocked,
            id: Id::from(d.owner),
            az: None,
            stop: Box::new(Stop::Policy(check())),
        }),
    }
}
