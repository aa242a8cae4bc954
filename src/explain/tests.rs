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
        Via::ResourceEndpoint,
        Via::ServiceNetworkEndpoint,
        Via::ServiceNetworkAssociation,
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
        out.push(Verdict::NotModelled(r));
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

/// The rule codes that `src/model` gives its diagnostics: the string literal after
/// `Diagnostic::error(object,` or `Diagnostic::warning(object,`.
fn model_rule_codes() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/model is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(std::path::Path::new("src/model"), &mut files);
    let mut rules = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is readable");
        for call in ["Diagnostic::error(", "Diagnostic::warning("] {
            for (at, _) in text.match_indices(call) {
                let rest: String = text[at + call.len()..]
                    .chars()
                    .take(300)
                    .filter(|c| !c.is_whitespace())
                    .collect();
                // The object may itself be a call with commas inside; the rule is the first
                // snake_case literal after a comma.
                let found = rest.match_indices(",\"").find_map(|(i, _)| {
                    let lit = &rest[i + 2..];
                    let end = lit.find('"')?;
                    let code = &lit[..end];
                    let snake = !code.is_empty()
                        && code
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
                    snake.then(|| code.to_string())
                });
                if let Some(code) = found {
                    rules.push(code);
                } else if !rest.starts_with("object,rule") {
                    panic!("{}: no rule code after {call}{rest}", file.display());
                }
            }
        }
    }
    rules.sort();
    rules.dedup();
    rules
}

#[test]
fn every_model_rule_code_has_a_message() {
    let rules = model_rule_codes();
    assert!(rules.len() >= 60, "found only {rules:?}");
    for lang in Lang::ALL {
        for rule in &rules {
            assert!(
                has(lang, &diagnostic_id(rule)),
                "{lang}: no message diag-{rule}"
            );
        }
    }
}

#[test]
fn a_diagnostic_reads_in_each_language() {
    use crate::model::Diagnostic;
    let d = Diagnostic::error("subnet-x", "subnet_outside_vpc")
        .s("subnet", "subnet-x")
        .s("cidr", "10.1.0.0/24")
        .list("vpc_cidrs", ["10.0.0.0/16", "10.2.0.0/16"]);
    assert_eq!(
        d.to_string(),
        "error: subnet-x's CIDR 10.1.0.0/24 is not inside the VPC's CIDR blocks (10.0.0.0/16, \
         10.2.0.0/16); a subnet's CIDR block must be a subset of one of the VPC's CIDR blocks \
         [subnet_outside_vpc]"
    );
    let ja = diagnostic(Lang::Ja, &d);
    assert!(ja.starts_with("エラー: subnet-x の CIDR 10.1.0.0/24 が VPC の CIDR ブロック (10.0.0.0/16、10.2.0.0/16)"), "{ja}");
    assert!(ja.ends_with("。 [subnet_outside_vpc]"), "{ja}");
    // A sentence that does not start with the object names it first.
    let d = Diagnostic::error("what_if", "unknown_az")
        .s("case", "reference")
        .s("az", "use1-az9")
        .list("known", ["us-east-1a (use1-az1)"]);
    assert!(
        diagnostic(Lang::Ja, &d).starts_with("エラー: what_if: アベイラビリティーゾーン use1-az9")
    );
}

#[test]
fn a_word_argument_is_spaced_from_japanese() {
    use crate::model::Diagnostic;
    let d = Diagnostic::error("rtb-a", "unknown_target")
        .s("case", "missing")
        .s("table", "rtb-a")
        .s("destination", "0.0.0.0/0")
        .s("target", "nat-b")
        .m("a_kind", "kind-a-nat_gateway");
    let ja = diagnostic_message(Lang::Ja, &d);
    assert!(
        ja.contains("この VPC の NAT ゲートウェイではありません。"),
        "{ja}"
    );
}

/// Every (rule, case) the AWS importer writes: each `"aws_…"` literal in `src/import`, with the
/// literal that follows it (`warning(object, "aws_bad_value", "vpc_cidr")`). A rule code
/// without a case is a failure: each import warning picks its sentence by `$case`.
fn import_rule_cases() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/import is readable") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    fn literal(s: &str) -> Option<(&str, &str)> {
        let s = s.strip_prefix('"')?;
        let end = s.find('"')?;
        Some((&s[..end], &s[end + 1..]))
    }
    let mut files = Vec::new();
    walk(std::path::Path::new("src/import"), &mut files);
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source is readable");
        for (at, _) in text.match_indices("\"aws_") {
            let (rule, rest) = literal(&text[at..]).expect("a closed literal");
            let case = rest
                .trim_start()
                .strip_prefix(',')
                .and_then(|r| literal(r.trim_start()))
                .map(|(case, _)| case.to_string());
            match case {
                Some(case) => out.push((rule.to_string(), case)),
                None => panic!(
                    "{}: the rule {rule} is not followed by its case",
                    file.display()
                ),
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The variant keys of the `$case` selector that makes up message `id` in `lang`.
fn case_keys(lang: &str, id: &str) -> Vec<String> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement, VariantKey};
    let mut keys = Vec::new();
    for (code, _, text) in FILES {
        if code != lang {
            continue;
        }
        let resource = fluent_syntax::parser::parse(text).expect("the files parse");
        for entry in resource.body {
            let Entry::Message(m) = entry else { continue };
            if m.id.name != id {
                continue;
            }
            for element in m.value.expect("a value").elements {
                if let PatternElement::Placeable {
                    expression: Expression::Select { selector, variants },
                } = element
                    && matches!(selector, InlineExpression::VariableReference { id } if id.name == "case")
                {
                    for v in variants {
                        keys.push(match v.key {
                            VariantKey::Identifier { name } => name.to_string(),
                            VariantKey::NumberLiteral { value } => value.to_string(),
                        });
                    }
                }
            }
        }
    }
    keys
}

/// Each import warning has its sentence in both languages: `diag-<rule>` exists and has a
/// variant for the warning's case (a missing one would fall back to another situation's
/// sentence), and every variant is one the importer writes.
#[test]
fn every_import_warning_has_a_message_in_both_languages() {
    let pairs = import_rule_cases();
    assert!(pairs.len() >= 70, "found only {pairs:?}");
    let rules: std::collections::BTreeSet<&str> = pairs.iter().map(|(r, _)| r.as_str()).collect();
    for lang in ["en", "ja"] {
        for rule in &rules {
            let id = diagnostic_id(rule);
            let keys = case_keys(lang, &id);
            let cases: Vec<&str> = pairs
                .iter()
                .filter(|(r, _)| r == rule)
                .map(|(_, c)| c.as_str())
                .collect();
            for case in &cases {
                assert!(
                    keys.iter().any(|k| k == case),
                    "{lang}: {id} has no variant [{case}]"
                );
            }
            for key in &keys {
                assert!(
                    cases.contains(&key.as_str()),
                    "{lang}: {id} has a variant [{key}] the importer never writes"
                );
            }
        }
    }
}

#[test]
fn a_count_of_one_reads_in_the_singular() {
    let more = |id, n| msg(Lang::En, id, args().s("instance", "i-a").n("more", n));
    assert_eq!(
        more("cost-instances-more-across", 1),
        "i-a and 1 more instance"
    );
    assert_eq!(
        more("cost-instances-more", 2),
        "i-a and 2 more instances of its subnet"
    );
    assert_eq!(
        msg(Lang::En, "topology-more-instances", args().n("more", 1)),
        "1 more instance"
    );
    assert_eq!(
        msg(Lang::Ja, "topology-more-instances", args().n("more", 3)),
        "ほか 3 台のインスタンス"
    );
}

/// Every English sentence in `counts.ftl` with each of its counts at 1 says "1 flow", never
/// "1 flows": the counts are the variables its messages select on.
#[test]
fn the_tuis_counted_sentences_read_in_the_singular_at_one() {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    let (_, _, text) = FILES
        .iter()
        .find(|(lang, file, _)| *lang == "en" && *file == "counts.ftl")
        .expect("counts.ftl is a message file");
    let resource = fluent_syntax::parser::parse(*text).expect("counts.ftl parses");
    let mut checked = 0;
    for entry in resource.body {
        let Entry::Message(m) = entry else { continue };
        let mut counts: Vec<&'static str> = Vec::new();
        let mut words: Vec<&'static str> = Vec::new();
        let mut visit = |e: &InlineExpression<&str>, counted: bool| {
            if let InlineExpression::VariableReference { id } = e {
                let name: &'static str = Box::leak(id.name.to_string().into_boxed_str());
                if counted {
                    counts.push(name)
                } else {
                    words.push(name)
                }
            }
        };
        let pattern = m.value.expect("a value");
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                match expression {
                    Expression::Select { selector, variants } => {
                        visit(selector, true);
                        for v in variants {
                            for e in &v.value.elements {
                                if let PatternElement::Placeable {
                                    expression: Expression::Inline(i),
                                } = e
                                {
                                    visit(i, true);
                                }
                            }
                        }
                    }
                    Expression::Inline(i) => visit(i, false),
                }
            }
        }
        assert!(
            !counts.is_empty(),
            "{}: counts.ftl holds messages with counts",
            m.id.name
        );
        let mut a = args();
        for w in words.iter().filter(|w| !counts.contains(w)) {
            a = a.s(w, "x");
        }
        for c in &counts {
            a = a.n(c, 1);
        }
        let line = msg(Lang::En, m.id.name, a);
        let mut tokens = line.split(|c: char| !c.is_ascii_alphanumeric()).peekable();
        while let Some(t) = tokens.next() {
            if t == "1"
                && let Some(next) = tokens.peek()
            {
                assert!(
                    !(next.ends_with('s') && next.len() > 2),
                    "{}: {line:?} says 1 {next}",
                    m.id.name
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} messages checked");
    assert_eq!(
        msg(
            Lang::En,
            "ui-matrix-size",
            args().n("instances", 1).n("columns", 4)
        ),
        "Matrix: 1 instance × 4 columns"
    );
}
