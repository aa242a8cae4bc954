//! The words for the evaluator's codes: what a reason or note code means, how a path gets
//! there, hop kinds, route rules, verdict lines. The codes stay as they are in both languages.

use crate::eval::{CrossAz, HopKind, Reason, RouteOrigin, RouteRule, Verdict, Via};

use super::{Lang, args, m, msg};

/// What a reason code means.
pub fn reason_meaning(lang: Lang, reason: Reason) -> String {
    m(lang, &format!("reason-{}", reason.code()))
}

/// What a note code means; empty for a code that is not a note's.
pub fn note_meaning(lang: Lang, code: &str) -> String {
    let id = format!("note-meaning-{code}");
    if super::has(Lang::En, &id) {
        m(lang, &id)
    } else {
        String::new()
    }
}

/// How a reachable path gets there, in words.
pub fn via_label(lang: Lang, via: Via) -> String {
    m(lang, &format!("via-{}", via.code()))
}

/// How an interface-endpoint path relates to the client's AZ, in words.
pub fn cross_az_label(lang: Lang, c: CrossAz) -> String {
    m(lang, &format!("cross-az-{}", c.code()))
}

/// A hop's kind, in words (the trace keeps [`HopKind::code`]).
pub fn hop_kind_label(lang: Lang, kind: HopKind) -> String {
    m(lang, &format!("hop-kind-{}", kind.code()))
}

/// A layer not evaluated yet ([`crate::eval::UNCHECKED`]), in words.
pub fn unchecked_label(lang: Lang, code: &str) -> String {
    m(lang, &format!("unchecked-{code}"))
}

/// The rule that chose a route, in words.
pub fn route_rule_label(lang: Lang, rule: RouteRule) -> String {
    m(lang, &format!("rule-label-{}", rule.code()))
}

/// Where a route comes from, in words.
pub fn route_origin_label(lang: Lang, origin: RouteOrigin) -> String {
    m(lang, &format!("origin-{}", origin.code()))
}

fn verdict_message(lang: Lang, kind: &str, v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, cross_az } => {
            let a = args().s("via", via.code()).s("way", via_label(lang, *via));
            match cross_az {
                Some(c) => msg(
                    lang,
                    &format!("{kind}-reachable-cross"),
                    a.s("cross", c.code())
                        .s("crossword", cross_az_label(lang, *c)),
                ),
                None => msg(lang, &format!("{kind}-reachable"), a),
            }
        }
        Verdict::Partial => m(lang, &format!("{kind}-partial")),
        Verdict::Blocked(r) => msg(
            lang,
            &format!("{kind}-blocked"),
            args().s("reason", r.code()),
        ),
        Verdict::LeavesVpc { target } => msg(
            lang,
            &format!("{kind}-leaves"),
            args().s("target", target.as_str()),
        ),
        Verdict::Unavailable(r) => msg(
            lang,
            &format!("{kind}-unavailable"),
            args().s("reason", r.code()),
        ),
        Verdict::NotModelled(r) => msg(
            lang,
            &format!("{kind}-not-modelled"),
            args().s("reason", r.code()),
        ),
    }
}

/// The verdict line the path panel and `check` print: `REACHABLE via gateway_endpoint`,
/// `BLOCKED (no_route)`; Japanese names the way in words and keeps reason codes.
pub fn verdict_line(lang: Lang, v: &Verdict) -> String {
    verdict_message(lang, "verdict-line", v)
}

/// A verdict in a few words, for status lines and lists: `reachable via gateway_endpoint`.
pub fn verdict_words(lang: Lang, v: &Verdict) -> String {
    match (lang, v) {
        // The words name only the way; the cross-AZ detail is the verdict line's.
        (_, Verdict::Reachable { via, .. }) => verdict_message(
            lang,
            "verdict-words",
            &Verdict::Reachable {
                via: *via,
                cross_az: None,
            },
        ),
        _ => verdict_message(lang, "verdict-words", v),
    }
}
