//! Fixes and weak points in words (`fix-*` in `fix.ftl`): each suggestion's edits, the verdict
//! after, the cells it flips, its cost, its AZ dependencies and why it ranks where it does; the
//! single points of failure of a working path and what it survives.

use super::{Lang, args, edit_text, join, m, msg, verdict_words};
use crate::cost::signed;
use crate::fix::{
    Cell, NoFix, PolicyChange, RankFact, RankKey, Suggestion, Suggestions, WeakKind, WeakPoint,
    WeakPoints,
};

fn cell_text(lang: Lang, c: &Cell) -> String {
    msg(
        lang,
        "fix-cell",
        args()
            .s("instance", c.instance.as_str())
            .s("to", c.to.as_str()),
    )
}

fn cells_text(lang: Lang, cells: &[Cell]) -> String {
    if cells.is_empty() {
        return m(lang, "fix-cells-none");
    }
    join(lang, cells.iter().map(|c| cell_text(lang, c)))
}

/// At most `max` cells named, then how many more.
fn cells_text_short(lang: Lang, cells: &[Cell], max: usize) -> String {
    if cells.len() <= max {
        return cells_text(lang, cells);
    }
    msg(
        lang,
        "fix-cells-more",
        args()
            .s(
                "cells",
                join(lang, cells[..max].iter().map(|c| cell_text(lang, c))),
            )
            .n("more", cells.len() - max),
    )
}

/// Why nothing is suggested.
pub fn fix_none(lang: Lang, none: NoFix) -> String {
    m(
        lang,
        match none {
            NoFix::AlreadyReachable => "fix-none-reachable",
            NoFix::SourceDown => "fix-none-source-down",
            NoFix::LeavesVpc => "fix-none-leaves-vpc",
            NoFix::NothingFound => "fix-none-found",
            NoFix::OnlyBpaExclusion => "fix-none-bpa-exclusion",
        },
    )
}

/// One rank fact as a phrase.
pub fn fix_rank_fact(lang: Lang, f: &RankFact) -> String {
    match f {
        RankFact::Fixes { verdict } => msg(
            lang,
            "fix-why-fixes",
            args().s("verdict", verdict_words(lang, verdict)),
        ),
        RankFact::BreaksNothing => m(lang, "fix-why-breaks-nothing"),
        RankFact::Breaks { cells } => msg(lang, "fix-why-breaks", args().n("count", *cells)),
        RankFact::AlsoFixes { cells } => msg(lang, "fix-why-also", args().n("count", *cells)),
        RankFact::Free => m(lang, "fix-why-free"),
        RankFact::Costs { amount, currency } => msg(
            lang,
            "fix-why-costs",
            args()
                .s("amount", format!("{amount:.2}"))
                .s("currency", currency.as_str()),
        ),
        RankFact::Saves { amount, currency } => msg(
            lang,
            "fix-why-saves",
            args()
                .s("amount", format!("{amount:.2}"))
                .s("currency", currency.as_str()),
        ),
        RankFact::NoAzDependency => m(lang, "fix-why-no-az-dependency"),
        RankFact::AzDependency { azs } => msg(
            lang,
            "fix-why-az-dependency",
            args().s("azs", join(lang, azs.iter().map(|a| a.as_str()))),
        ),
        RankFact::Placeholder { ids } => msg(
            lang,
            "fix-why-placeholder",
            args().s("ids", join(lang, ids.iter().map(|a| a.as_str()))),
        ),
        RankFact::Best => m(lang, "fix-why-best"),
        RankFact::Below { above, key } => msg(
            lang,
            "fix-why-below",
            args().n("above", *above).s(
                "because",
                m(
                    lang,
                    match key {
                        RankKey::BreaksMore => "fix-key-breaks-more",
                        RankKey::CostsMore => "fix-key-costs-more",
                        RankKey::LessResilient => "fix-key-less-resilient",
                        RankKey::MoreEdits => "fix-key-more-edits",
                        RankKey::FixesFewerOthers => "fix-key-fixes-fewer",
                        RankKey::Tie => "fix-key-tie",
                    },
                ),
            ),
        ),
    }
}

/// What a suggested policy edit changes, as a sentence.
pub fn fix_change(lang: Lang, c: &PolicyChange) -> String {
    let sid =
        |sid: &Option<crate::eval::Id>| sid.as_ref().map_or("none", |x| x.as_str()).to_string();
    match c {
        PolicyChange::AllowStatement {
            owner,
            action,
            resource,
        } => msg(
            lang,
            "fix-change-allow-statement",
            args()
                .s("owner", owner.as_str())
                .s("action", action.as_str())
                .s("resource", resource.as_str()),
        ),
        PolicyChange::WithoutStatement {
            owner,
            index,
            sid: id,
        } => msg(
            lang,
            "fix-change-without-statement",
            args()
                .s("owner", owner.as_str())
                .n("index", *index)
                .s("sid", sid(id)),
        ),
        PolicyChange::SourceVpce {
            bucket,
            index,
            sid: id,
            endpoint,
        } => msg(
            lang,
            "fix-change-source-vpce",
            args()
                .s("bucket", bucket.as_str())
                .n("index", *index)
                .s("sid", sid(id))
                .s("endpoint", endpoint.as_str()),
        ),
    }
}

/// One suggestion, numbered, as a block of lines.
pub fn suggestion_text(lang: Lang, n: usize, s: &Suggestion) -> String {
    let mut out = msg(lang, "fix-suggestion-head", args().n("n", n));
    out.push('\n');
    for e in &s.edits {
        out.push_str(&msg(
            lang,
            "fix-suggestion-edit",
            args().s("edit", edit_text(lang, e)),
        ));
        out.push('\n');
    }
    for c in &s.changes {
        out.push_str(&msg(
            lang,
            "fix-suggestion-change",
            args().s("change", fix_change(lang, c)),
        ));
        out.push('\n');
    }
    let lines = [
        msg(
            lang,
            "fix-suggestion-after",
            args().s("verdict", verdict_words(lang, &s.verdict)),
        ),
        msg(
            lang,
            "fix-suggestion-gained",
            args().s("cells", cells_text(lang, &s.gained)),
        ),
        msg(
            lang,
            "fix-suggestion-lost",
            args().s("cells", cells_text(lang, &s.lost)),
        ),
        msg(
            lang,
            "fix-suggestion-cost",
            args()
                .s("amount", signed(s.monthly_cost_delta))
                .s("currency", s.currency.as_str()),
        ),
        msg(
            lang,
            "fix-suggestion-why",
            args().s(
                "why",
                join(lang, s.why.iter().map(|f| fix_rank_fact(lang, f))),
            ),
        ),
    ];
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Cells named in the explorer's list before "and N more".
const FACT_CELLS: usize = 6;

/// A suggestion's effects, one sentence each, for the explorer's list: the verdict after it,
/// the cells gained and lost, the monthly cost, the AZs it depends on, and why it ranks there.
pub fn suggestion_facts(lang: Lang, s: &Suggestion) -> Vec<String> {
    let azs = if s.az_dependencies.is_empty() {
        m(lang, "fix-azs-none")
    } else {
        join(lang, s.az_dependencies.iter().map(|a| a.as_str()))
    };
    let changes = s.changes.iter().map(|c| fix_change(lang, c));
    changes
        .chain([
            msg(
                lang,
                "fix-fact-after",
                args().s("verdict", verdict_words(lang, &s.verdict)),
            ),
            msg(
                lang,
                "fix-fact-gained",
                args().s("cells", cells_text_short(lang, &s.gained, FACT_CELLS)),
            ),
            msg(
                lang,
                "fix-fact-lost",
                args().s("cells", cells_text_short(lang, &s.lost, FACT_CELLS)),
            ),
            msg(
                lang,
                "fix-fact-cost",
                args()
                    .s("amount", signed(s.monthly_cost_delta))
                    .s("currency", s.currency.as_str()),
            ),
            msg(lang, "fix-fact-azs", args().s("azs", azs)),
            msg(
                lang,
                "fix-fact-why",
                args().s(
                    "why",
                    join(lang, s.why.iter().map(|f| fix_rank_fact(lang, f))),
                ),
            ),
        ])
        .collect()
}

/// Every suggestion, best first, or why there is none.
pub fn suggestions_text(lang: Lang, s: &Suggestions) -> String {
    let mut out = String::new();
    match s.none {
        Some(none) => {
            out.push_str(&fix_none(lang, none));
            out.push('\n');
        }
        None => {
            out.push_str(&msg(
                lang,
                "fix-suggestions-head",
                args().n("count", s.suggestions.len()),
            ));
            out.push('\n');
            for (i, x) in s.suggestions.iter().enumerate() {
                out.push_str(&suggestion_text(lang, i + 1, x));
            }
        }
    }
    out
}

/// What a weak point is, in a few words: "the loss of AZ us-east-1a", "NAT gateway nat-a",
/// "route 0.0.0.0/0 in rtb-private".
pub fn weak_point_what(lang: Lang, w: &WeakPoint) -> String {
    let detail = w.detail.as_deref().unwrap_or_default();
    msg(
        lang,
        match w.kind {
            WeakKind::Az => "fix-weak-az",
            WeakKind::NatGateway => "fix-weak-nat_gateway",
            WeakKind::GwlbAppliances => "fix-weak-gwlb_appliances",
            WeakKind::InterfaceEndpoint => "fix-weak-interface_endpoint",
            WeakKind::ResourceEndpoint => "fix-weak-resource_endpoint",
            WeakKind::ServiceNetworkEndpoint => "fix-weak-service_network_endpoint",
            WeakKind::EndpointEni => "fix-weak-endpoint_eni",
            WeakKind::GatewayEndpoint => "fix-weak-gateway_endpoint",
            WeakKind::Route => "fix-weak-route",
        },
        args().s("id", w.id.as_str()).s("detail", detail),
    )
}

/// One weak point and the path's verdict then.
pub fn weak_point_text(lang: Lang, w: &WeakPoint) -> String {
    msg(
        lang,
        "fix-weak-line",
        args()
            .s("what", weak_point_what(lang, w))
            .s("verdict", verdict_words(lang, &w.verdict)),
    )
}

/// What a working path survives: "It survives the loss of any one other AZ: ENIs in 3 AZs
/// (…)", or the AZs it survives; `None` when it survives no AZ's loss.
pub fn survives_text(lang: Lang, w: &WeakPoints) -> Option<String> {
    let any_one = w.survives_any_one_az() && !w.survives_azs.is_empty();
    match (any_one, w.eni_azs.len()) {
        (true, n) if n > 1 => Some(msg(
            lang,
            "fix-survives-any-az-enis",
            args()
                .n("count", n)
                .s("azs", join(lang, w.eni_azs.iter().map(|a| a.as_str()))),
        )),
        (true, _) => Some(m(lang, "fix-survives-any-az")),
        (false, _) if !w.survives_azs.is_empty() => Some(msg(
            lang,
            "fix-survives-azs",
            args().s("azs", join(lang, w.survives_azs.iter().map(|a| a.as_str()))),
        )),
        _ => None,
    }
}

/// The weak points of a path and what it survives.
pub fn weak_points_text(lang: Lang, w: &WeakPoints) -> String {
    let mut out = String::new();
    if !w.verdict.is_reachable() {
        let id = match w.verdict {
            crate::eval::Verdict::NotModelled(_) => "fix-weak-not-modelled",
            _ => "fix-weak-not-reachable",
        };
        out.push_str(&m(lang, id));
        out.push('\n');
        return out;
    }
    if w.weak_points.is_empty() {
        out.push_str(&m(lang, "fix-weak-none"));
    } else {
        out.push_str(&msg(
            lang,
            "fix-weak-head",
            args().n("count", w.weak_points.len()),
        ));
    }
    out.push('\n');
    for p in &w.weak_points {
        out.push_str(&weak_point_text(lang, p));
        out.push('\n');
    }
    if let Some(az) = &w.source_az {
        out.push_str(&msg(
            lang,
            "fix-weak-source-az",
            args().s("az", az.as_str()),
        ));
        out.push('\n');
    }
    let survives = survives_text(lang, w);
    if let Some(line) = survives {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
