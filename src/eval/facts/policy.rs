//! Endpoint policy and bucket policy decisions as facts (aws-semantics.md §5b): which policy,
//! the request asked about, what it decided and the statement that decided.

use serde::Serialize;

use super::*;

/// Which kind of policy decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyKind {
    /// The policy of the VPC endpoint the request went through.
    Endpoint,
    /// The S3 bucket's policy.
    Bucket,
}

impl PolicyKind {
    pub fn code(self) -> &'static str {
        match self {
            PolicyKind::Endpoint => "endpoint",
            PolicyKind::Bucket => "bucket",
        }
    }
}

/// What a policy decided for the request a query asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyDecision {
    /// Every request the query stands for is allowed (a bucket policy: none is denied).
    Allowed,
    /// Some are allowed and some are not: a query without `--action`/`--resource` under a
    /// policy that allows only some buckets or actions.
    Limited,
    /// An explicit Deny covers the request.
    Denied,
    /// No statement allows it (an endpoint policy's implicit deny).
    NotAllowed,
    /// The decision rests on something outside the evaluated subset.
    NotEvaluable,
}

impl PolicyDecision {
    pub fn code(self) -> &'static str {
        match self {
            PolicyDecision::Allowed => "allowed",
            PolicyDecision::Limited => "limited",
            PolicyDecision::Denied => "denied",
            PolicyDecision::NotAllowed => "not_allowed",
            PolicyDecision::NotEvaluable => "not_evaluable",
        }
    }
}

/// A statement as a fact names it: its place in the policy (1-based) and its `Sid`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementRef {
    pub index: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<Id>,
}

/// One policy's decision on a path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyCheck {
    /// `endpoint` or `bucket` (named `policy` in JSON: a hop's `kind` is its own).
    #[serde(rename = "policy")]
    pub kind: PolicyKind,
    /// The endpoint's id, or the bucket's name.
    pub owner: Id,
    /// The endpoint has no policy of its own: AWS's default, full access.
    pub default: bool,
    /// The VPC endpoint the request came through (`aws:SourceVpce`); none: from a public
    /// address (a NAT gateway's, an instance's), with `aws:SourceIp` and no VPC keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub through: Option<Id>,
    /// The request asked about (none: any action of the service, any resource).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Id>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Id>,
    pub decision: PolicyDecision,
    /// The statement that decided; none for the implicit deny, or a bucket policy that denies
    /// nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<StatementRef>,
    /// For `not_evaluable`: the element outside the subset (`aws:PrincipalOrgID`,
    /// `NotPrincipal`, `aws:SourceIp` when the public address is not in the model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported: Option<Id>,
}

impl PolicyCheck {
    /// The reason a refusing decision gives a verdict.
    pub fn reason(&self) -> Reason {
        match (self.decision, self.kind) {
            (PolicyDecision::NotEvaluable, _) => Reason::PolicyNotEvaluable,
            (_, PolicyKind::Endpoint) => Reason::EndpointPolicyDenied,
            (_, PolicyKind::Bucket) => Reason::BucketPolicyDenied,
        }
    }

    /// Whether the request goes on (allowed, or allowed for some requests).
    pub fn passes(&self) -> bool {
        matches!(
            self.decision,
            PolicyDecision::Allowed | PolicyDecision::Limited
        )
    }
}
