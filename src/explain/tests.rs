use super::*;
use crate::eval::{CrossAz, HopKind, Note, Reason, RouteRule, Verdict, Via};

/// Message ids of one language's files.
fn ids(lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (code, name, text) in FILES {
        if code != lang {
            continue;
        }
        let resource = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, e)| panic!("{code}/{name} does not parse: {e:?}"));
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                out.push(m.id.name.to_string());
            }
        }
    }
    out
}

#[test]
fn every_message_exists_in_both_languages_once() {
    let en = ids("en");
    let ja = ids("ja");
    for (lang, list) in [("en", &en), ("ja", &ja)] {
        let mut seen = std::collections::HashSet::new();
        for id in list.iter() {
            assert!(seen.insert(id), "{lang}: {id} is defined twice");
        }
    }
    let missing_ja: Vec<_> = en.iter().filter(|id| !ja.contains(id)).collect();
    let missing_en: Vec<_> = ja.iter().filter(|id| !en.contains(id)).collect();
    assert!(missing_ja.is_empty(), "no Japanese for {missing_ja:?}");
    assert!(missing_en.is_empty(), "no English for {missing_en:?}");
}

#[test]
fn every_code_has_a_message() {
    let mut wanted: Vec<String> = Vec::new();
    wanted.extend(Reason::ALL.iter().map(|r| format!("reason-{}", r.code())));
    wanted.extend(Note::CODES.iter().map(|c| format!("note-meaning-{c}")));
    wanted.extend(Note::CODES.iter().map(|c| format!("note-{c}")));
    wanted.extend(
        HopKind::ALL
            .iter()
            .map(|k| format!("hop-kind-{}", k.code())),
    );
    for rule in [
        RouteRule::OnlyMatch,
        RouteRule::LongestPrefix,
        RouteRule::StaticOverPrefixList,
        RouteRule::ArbitraryPrefixList,
        RouteRule::NoRoute,
    ] {
        wanted.push(format!("rule-{}", rule.code()));
        wanted.push(format!("rule-label-{}", rule.code()));
    }
    for lang in Lang::ALL {
        for id in &wanted {
            assert!(has(lang, id), "{lang}: no message {id}");
        }
    }
}

#[test]
fn messages_format_without_errors_or_isolation_marks() {
    let text = msg(
        Lang::Ja,
        "verdict-line-reachable",
        args()
            .s("via", "gateway_endpoint")
            .s("way", "ゲートウェイエンドポイント"),
    );
    assert_eq!(text, "到達可能 (ゲートウェイエンドポイント経由)");
    assert!(!text.contains('\u{2068}'));
    assert_eq!(join(Lang::Ja, ["a", "b"]), "a、b");
    assert_eq!(join(Lang::En, ["a", "b"]), "a, b");
}

/// Every verdict shape: each way with and without each cross-AZ value, each reason blocked
/// and unavailable, partial, and leaving the VPC.
fn all_verdicts() -> Vec<Verdict> {
    let vias = [
        Via::Local,
        Via::GatewayEndpoint,
        Via::InterfaceEndpoint,
        Via::NatGateway,
        Via::InternetGateway,
        Via::Mixed,
    ];
    let mut out = Vec::new();
    for via in vias {
        out.push(Verdict::Reachable {
            via,
            cross_az: None,
        });
        for c in [CrossAz::Never, CrossAz::Sometimes, CrossAz::Always] {
            out.push(Verdict::Reachable {
                via,
                cross_az: Some(c),
            });
        }
    }
    out.push(Verdict::Partial);
    for r in Reason::ALL {
        out.push(Verdict::Blocked(r));
        out.push(Verdict::Unavailable(r));
    }
    out.push(Verdict::LeavesVpc {
        target: "pcx-0123".into(),
    });
    out
}

fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

#[test]
fn japanese_verdict_line_keeps_codes_and_names_the_way() {
    for v in all_verdicts() {
        let line = verdict_line(Lang::Ja, &v);
        assert!(has_japanese(&line), "{line}");
        if let Some(r) = v.reason() {
            assert!(line.contains(r.code()), "{line}");
            assert!(verdict_words(Lang::Ja, &v).contains(r.code()));
        }
        if let Some(via) = v.via().filter(|v| *v != Via::Mixed) {
            assert!(line.contains(&via_label(Lang::Ja, via)), "{line}");
        }
    }
    assert_eq!(
        verdict_line(
            Lang::Ja,
            &Verdict::Reachable {
                via: Via::InterfaceEndpoint,
                cross_az: Some(CrossAz::Always)
            }
        ),
        "到達可能 (インターフェイスエンドポイント経由、常に別の AZ へ)"
    );
    assert_eq!(
        verdict_line(Lang::Ja, &Verdict::Blocked(Reason::NoRoute)),
        "到達不可 (no_route)"
    );
}

#[test]
fn english_verdict_words_keep_the_codes() {
    for v in all_verdicts() {
        let line = verdict_line(Lang::En, &v);
        let words = verdict_words(Lang::En, &v);
        if let Some(r) = v.reason() {
            assert!(
                line.contains(r.code()) && words.contains(r.code()),
                "{line}"
            );
        }
        if let Some(via) = v.via() {
            assert!(
                line.contains(via.code()) && words.contains(via.code()),
                "{line}"
            );
        }
    }
}
