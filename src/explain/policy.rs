//! Endpoint policy and bucket policy decisions as sentences (aws-semantics.md §5b).

use crate::eval::*;

use super::{Lang, args, m, msg};

/// `endpoint policy of vpce-s3`, `bucket policy of reports`.
fn name(lang: Lang, c: &PolicyCheck) -> String {
    msg(
        lang,
        "policy-name",
        args()
            .s("kind", c.kind.code())
            .s("owner", c.owner.to_string()),
    )
}

/// `statement 2 (DenyOthers)`.
pub fn statement_text(lang: Lang, s: Option<&StatementRef>) -> String {
    match s {
        None => m(lang, "policy-statement-none"),
        Some(StatementRef { index, sid: None }) => {
            msg(lang, "policy-statement", args().n("index", *index))
        }
        Some(StatementRef {
            index,
            sid: Some(sid),
        }) => msg(
            lang,
            "policy-statement-sid",
            args().n("index", *index).s("sid", sid.to_string()),
        ),
    }
}

/// `s3:GetObject on arn:aws:s3:::reports/q1.csv`, or any request.
pub fn policy_request_text(lang: Lang, c: &PolicyCheck) -> String {
    let text = |x: &Option<Id>| x.as_ref().map(|a| a.to_string()).unwrap_or_default();
    msg(
        lang,
        "policy-request",
        args()
            .s("action", text(&c.action))
            .s("resource", text(&c.resource))
            .b("action_any", c.action.is_none())
            .b("resource_any", c.resource.is_none()),
    )
}

/// Which keys the service saw: through an endpoint, or from a public address.
pub fn policy_through_text(lang: Lang, c: &PolicyCheck) -> String {
    match &c.through {
        Some(e) => msg(
            lang,
            "policy-through-endpoint",
            args().s("endpoint", e.to_string()),
        ),
        None => m(lang, "policy-through-internet"),
    }
}

fn all_args(lang: Lang, c: &PolicyCheck) -> super::Args<'static> {
    args()
        .s("policy", name(lang, c))
        .s("owner", c.owner.to_string())
        .s("statement", statement_text(lang, c.statement.as_ref()))
        .s("request", policy_request_text(lang, c))
        .s("through", policy_through_text(lang, c))
        .s(
            "unsupported",
            c.unsupported
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
        )
}

/// A policy decision that let the request on.
pub fn policy_hop_text(lang: Lang, c: &PolicyCheck) -> String {
    let id = match (c.decision, c.default, c.statement.is_some()) {
        (PolicyDecision::Limited, _, _) => "hop-policy-limited",
        (_, true, _) => "hop-policy-default",
        (_, false, true) => "hop-policy-allowed",
        (_, false, false) => "hop-policy-no-deny",
    };
    msg(lang, id, all_args(lang, c).s("kind", c.kind.code()))
}

/// A policy decision that stopped the request.
pub fn policy_refused_text(lang: Lang, c: &PolicyCheck) -> String {
    let public_ip = c.through.is_none()
        && c.unsupported
            .as_deref()
            .is_some_and(|u| u.eq_ignore_ascii_case("aws:SourceIp"));
    let id = match (c.decision, public_ip) {
        (PolicyDecision::NotEvaluable, true) => "stop-policy-not_evaluable-source-ip".to_string(),
        (d, _) => format!("stop-policy-{}", d.code()),
    };
    msg(lang, &id, all_args(lang, c))
}

/// The note that a policy allows only some requests.
pub fn policy_limits_text(
    lang: Lang,
    kind: PolicyKind,
    owner: &str,
    statement: Option<&StatementRef>,
) -> String {
    msg(
        lang,
        "note-policy_limits_requests",
        args()
            .s("kind", kind.code())
            .s("owner", owner.to_string())
            .s("statement", statement_text(lang, statement)),
    )
}
