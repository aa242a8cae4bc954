//! The IAM subset that decides network-origin questions (aws-semantics.md §5b): a pure matcher
//! from a policy's statements, the request asked about and the request's context to a
//! decision naming the statement that decided. The rules that apply it are
//! `rules/endpoint_policy.rs` and `rules/bucket_policy.rs`.
//!
//! A query may leave the action or the resource open ("any object in any bucket"), and a
//! statement may name principals the query does not: so every match is one of four values —
//! it holds for every request the query stands for ([`Match::All`]), for some of them
//! ([`Match::Some`]), for none ([`Match::None`]), or the answer rests on something outside the
//! subset ([`Match::Unknown`]: a condition key or operator vpc-tui does not evaluate,
//! `NotPrincipal`, a public source address the model does not know). Nothing is guessed.
//!
//! Evaluation logic (<https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html>):
//! an explicit Deny wins; otherwise an endpoint policy must allow the request (it is a
//! resource policy attached to the endpoint: <https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>).
//! A bucket policy only needs not to deny: in the bucket's own account the caller's IAM
//! policies may allow what the bucket policy does not (identity policies are outside the
//! model, see `rules/bucket_policy.rs`).

mod condition;
mod pattern;

use ipnet::Ipv4Net;

use crate::model::{Effect, Principal, Statement};

pub(crate) use pattern::{Scope, bucket_of};

/// How much of the requests a query stands for a statement (or a part of it) matches.
/// Ordered so that "all of these must hold" is the smallest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Match {
    None,
    Unknown,
    Some,
    All,
}

impl Match {
    fn from(b: bool) -> Match {
        if b { Match::All } else { Match::None }
    }

    /// The negation (`NotAction`, `StringNotEquals`): what some requests match, some do not.
    fn not(self) -> Match {
        match self {
            Match::All => Match::None,
            Match::None => Match::All,
            m => m,
        }
    }
}

/// The request context a service sees (IAM global condition keys,
/// <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html>):
/// through a VPC endpoint `aws:SourceVpce`, `aws:SourceVpc` and `aws:VpcSourceIp` (the private
/// source address) are set and `aws:SourceIp` is absent; over the internet (a NAT gateway, an
/// internet gateway) `aws:SourceIp` is the public address and the VPC keys are absent.
#[derive(Debug, Clone, Default)]
pub(crate) struct Context<'a> {
    pub source_vpce: Option<&'a str>,
    pub source_vpc: Option<&'a str>,
    /// A range when the source is a whole subnet (a hypothetical instance there).
    pub vpc_source_ip: Option<Ipv4Net>,
    pub source_ip: SourceIp,
}

/// `aws:SourceIp` of a request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum SourceIp {
    /// Absent: the request came through a VPC endpoint.
    #[default]
    Absent,
    /// A public address the model does not know (an Elastic IP, an instance's public IPv4).
    Unknown,
    /// The public address (a public NAT gateway's Elastic IP).
    Known(Ipv4Net),
}

/// What is asked: the service's IAM prefix (`s3`), the action (none: any of the service's)
/// and the resource (see [`Scope`]). Principals are never named by a query: a statement for
/// some principals matches some requests.
#[derive(Debug, Clone)]
pub(crate) struct Asked<'a> {
    pub service: &'a str,
    pub action: Option<&'a str>,
    pub resource: Scope<'a>,
}

/// The outcome of one policy for one query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Every request is allowed: by this statement (index into the statements), or — for a
    /// bucket policy — because no statement denies it.
    Allowed(Option<usize>),
    /// Some requests are allowed, some are not: the statement that allows some, or the one that
    /// denies some.
    Limited(Option<usize>),
    /// An explicit Deny in this statement covers every request.
    Denied(usize),
    /// No statement allows any request (an endpoint policy's implicit deny).
    NotAllowed,
    /// The decision rests on this statement and this element, outside the evaluated subset.
    NotEvaluable(usize, String),
}

/// Whether the policy must allow (an endpoint policy) or only must not deny (a bucket policy).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    Allow,
    NoDeny,
}

/// One statement against the query: how much it matches, and what is outside the subset.
fn statement(s: &Statement, asked: &Asked<'_>, cx: &Context<'_>) -> (Match, Option<String>) {
    if let Some(u) = s.unsupported.first() {
        return (Match::Unknown, Some(u.clone()));
    }
    let action = if s.not_actions.is_empty() {
        any(&s.actions, |p| pattern::action(p, asked))
    } else {
        any(&s.not_actions, |p| pattern::action(p, asked)).not()
    };
    let resource = any(&s.resources, |p| {
        pattern::resource_of(p, &asked.resource, asked.service)
    });
    let principal = match &s.principal {
        Principal::Any => Match::All,
        Principal::Aws(_) => Match::Some,
    };
    let mut m = action.min(resource).min(principal);
    let mut what = None;
    for c in &s.conditions {
        if m == Match::None {
            break;
        }
        let (cm, unknown) = condition::check(c, cx);
        if cm == Match::Unknown && what.is_none() {
            what = unknown;
        }
        m = m.min(cm);
    }
    (m, what.filter(|_| m == Match::Unknown))
}

/// The best match of any pattern of a list (an empty list matches nothing).
fn any(list: &[String], f: impl Fn(&str) -> Match) -> Match {
    list.iter().map(|p| f(p)).max().unwrap_or(Match::None)
}

/// Decide a policy for a query.
pub(crate) fn decide(
    statements: &[Statement],
    asked: &Asked<'_>,
    cx: &Context<'_>,
    needs: Needs,
) -> Decision {
    let matched: Vec<(usize, Effect, Match, Option<String>)> = statements
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (m, what) = statement(s, asked, cx);
            (i, s.effect, m, what)
        })
        .collect();
    let first = |effect: Effect, m: Match| {
        matched
            .iter()
            .find(|(_, e, x, _)| *e == effect && *x == m)
            .map(|(i, _, _, w)| (*i, w.clone()))
    };
    if let Some((i, _)) = first(Effect::Deny, Match::All) {
        return Decision::Denied(i);
    }
    let allow_all = first(Effect::Allow, Match::All);
    let allow_some = first(Effect::Allow, Match::Some);
    let allow_unknown = first(Effect::Allow, Match::Unknown);
    if needs == Needs::Allow && allow_all.is_none() && allow_some.is_none() {
        return match allow_unknown {
            Some((i, w)) => Decision::NotEvaluable(i, w.unwrap_or_default()),
            None => Decision::NotAllowed,
        };
    }
    if let Some((i, w)) = first(Effect::Deny, Match::Unknown) {
        return Decision::NotEvaluable(i, w.unwrap_or_default());
    }
    let deny_some = first(Effect::Deny, Match::Some);
    match (needs, allow_all, deny_some) {
        (Needs::Allow, Some((i, _)), None) => Decision::Allowed(Some(i)),
        (Needs::NoDeny, _, None) => Decision::Allowed(None),
        (_, _, Some((i, _))) => Decision::Limited(Some(i)),
        (Needs::Allow, None, None) => Decision::Limited(allow_some.map(|(i, _)| i)),
    }
}

#[cfg(test)]
mod tests;
