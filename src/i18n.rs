//! English and Japanese for everything fixed that vpc-tui shows: reason and note codes, verdicts,
//! hop kinds, and the TUI's own words. The words live in `assets/i18n/{en,ja}/ui.ftl` (Fluent,
//! one message per id) next to the explain layer's files, so a translator edits them without
//! touching Rust.
//!
//! Codes and ids stay as they are in both languages (`no_route`, `vpce-…`, `rtb-…`): they are
//! what a learner looks up and what the JSON output carries. Japanese uses the AWS console's own
//! terms; `docs/glossary-ja.md` lists them with their sources.
//!
//! How the UI calls it:
//! - a fixed label: `t(lang, "ui-route-tables")`;
//! - a label with values: `tf(lang, "ui-path", &[&label])`; the values are the message's
//!   variables `$a0`, `$a1`, ... in order, and a translation places them where its grammar wants;
//! - an id kept as data (a keymap help, a tab title): `t(lang, b.help)`, as for a literal;
//! - a picker's or dialog's title, labels, prompt and hint: rendered with `t`/`tf` when the
//!   picker is built, beside data (names, ids) that is shown as it is. No English text is ever
//!   looked up to find its message.
//!
//! Messages hold no layout padding or symbols (`ui-nothing-matches` is "nothing matches", not
//! "  nothing matches"), so that spacing and the narrow-symbol mode stay the UI's business. A
//! test scans the source tree for literals passed to `t(` and `tf(` and fails when one is not a
//! message in both languages, so later wiring cannot drift.

use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::explain::{Lang, UnknownLang};

pub use crate::explain::{
    cross_az_label, hop_kind_label, note_meaning, reason_meaning, route_origin_label,
    route_rule_label, unchecked_label, verdict_line, verdict_words, via_label,
};

use crate::explain::{Args, args, msg};

/// The UI's messages as Fluent source (the tests check them).
#[cfg(test)]
const UI_FTL_EN: &str = include_str!("../assets/i18n/en/ui.ftl");

/// Every message formatted once per language (without values), by id: `ui.ftl` and the other
/// files of [`crate::explain::FILES`], so `t` serves any message without arguments.
struct Words {
    text: [Map<&'static str, Word>; 2],
}

struct Word {
    /// The message without values.
    text: String,
    /// The message as text and values in order, when it is nothing else (no selector, no
    /// function, no term): [`tf`] then fills it in without going through Fluent, which a
    /// frame with hundreds of labels notices.
    pieces: Option<Vec<Piece>>,
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(&'static str),
    /// `$a0`, `$a1`, ...
    Value(usize),
}

/// FNV-1a: the ids are short and fixed, and `t` runs for every label of every frame.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Map<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// The pieces of a message's pattern, when it holds only text, `$aN` and plain string
/// literals (`{"{"}`).
fn pieces(pattern: &fluent_syntax::ast::Pattern<&'static str>) -> Option<Vec<Piece>> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    pattern
        .elements
        .iter()
        .map(|e| match e {
            PatternElement::TextElement { value } => Some(Piece::Text(value)),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } if !value.contains('\\') => Some(Piece::Text(value)),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => id.name.strip_prefix('a')?.parse().ok().map(Piece::Value),
            _ => None,
        })
        .collect()
}

/// Each message's pattern in `lang`'s files, by id.
fn patterns(lang: Lang) -> Map<&'static str, fluent_syntax::ast::Pattern<&'static str>> {
    let mut out = Map::default();
    for (code, _, text) in crate::explain::FILES {
        if code != lang.code() {
            continue;
        }
        // A file that does not parse is caught by the explain tests; keep what parsed.
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry
                && let Some(value) = m.value
            {
                out.entry(m.id.name).or_insert(value);
            }
        }
    }
    out
}

fn fill(pieces: &[Piece], values: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(s) => out.push_str(s),
            Piece::Value(n) => match values.get(*n) {
                Some(v) => out.push_str(v),
                // What Fluent shows for a missing variable.
                None => {
                    out.push_str("{$a");
                    out.push_str(&n.to_string());
                    out.push('}');
                }
            },
        }
    }
    out
}

/// Values no message contains, for checking [`Word::pieces`] against Fluent.
const PROBES: [&str; 8] = [
    "\u{e000}0",
    "\u{e000}1",
    "\u{e000}2",
    "\u{e000}3",
    "\u{e000}4",
    "\u{e000}5",
    "\u{e000}6",
    "\u{e000}7",
];

/// The ids defined in a Fluent file: the names of its `id = …` lines.
fn ids_in(ftl: &'static str) -> impl Iterator<Item = &'static str> {
    ftl.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let ok = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        ok.then_some(id)
    })
}

fn index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Ja => 1,
    }
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let ids: Vec<&'static str> = crate::explain::FILES
            .iter()
            .filter(|(code, _, _)| *code == Lang::En.code())
            .flat_map(|(_, _, text)| ids_in(text))
            .collect();
        let english = patterns(Lang::En);
        let text = Lang::ALL.map(|lang| {
            let own = patterns(lang);
            ids.iter()
                .map(|id| {
                    let text = msg(lang, id, args());
                    // Fluent falls back to English for a message the language lacks; so do we.
                    let pieces = own
                        .get(id)
                        .or_else(|| english.get(id))
                        .and_then(pieces)
                        // Whatever the pieces say, Fluent has the last word.
                        .filter(|p| {
                            tidy(lang, fill(p, &PROBES)) == msg(lang, id, with_values(&PROBES))
                        });
                    (*id, Word { text, pieces })
                })
                .collect::<Map<_, _>>()
        });
        Words { text }
    })
}

/// The message `id` in `lang`; the id itself when there is no such message (a test keeps that
/// from happening in the UI's sources).
pub fn t(lang: Lang, id: &'static str) -> &'static str {
    let text = words().text[index(lang)].get(id).map(|w| w.text.as_str());
    debug_assert!(text.is_some(), "no message {id:?}");
    text.unwrap_or(id)
}

/// Sentences run together as the language writes them: "A. B." in English, "A。B。" in
/// Japanese. A part that already ends a sentence keeps its own stop.
pub fn sentences<S: AsRef<str>>(lang: Lang, parts: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.as_ref().trim();
        if part.is_empty() {
            continue;
        }
        if lang == Lang::En && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
        let ended = part.ends_with(['.', '!', '?', '。', '！', '？']);
        if !ended {
            out.push_str(if lang == Lang::Ja { "。" } else { "." });
        }
    }
    out
}

/// The message `id` with its values put in: `values[0]` is `$a0`, `values[1]` is `$a1`, ...
pub fn tf(lang: Lang, id: &'static str, values: &[&str]) -> String {
    match words().text[index(lang)].get(id) {
        Some(Word {
            pieces: Some(p), ..
        }) => tidy(lang, fill(p, values)),
        found => {
            debug_assert!(found.is_some(), "no message {id:?}");
            msg(lang, id, with_values(values))
        }
    }
}

/// What `msg` does to a filled message: Japanese loses the spaces between two Japanese words.
fn tidy(lang: Lang, text: String) -> String {
    match lang {
        Lang::Ja => crate::explain::ja_tidy(text),
        Lang::En => text,
    }
}

fn with_values<'a>(values: &[&'a str]) -> Args<'a> {
    const NAMES: [&str; 8] = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"];
    let mut a = args();
    for (name, v) in NAMES.iter().zip(values) {
        a = a.s(name, *v);
    }
    debug_assert!(values.len() <= NAMES.len(), "more values than $a0..$a7");
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Tab;
    use crate::app::keymap::{Context, bindings};
    use crate::explain::has;

    const UI_FTL_JA: &str = include_str!("../assets/i18n/ja/ui.ftl");

    fn has_japanese(s: &str) -> bool {
        s.chars()
            .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
    }

    #[test]
    fn sentences_end_as_the_language_ends_them() {
        assert_eq!(
            sentences(Lang::En, ["Added x", "2 cells flipped."]),
            "Added x. 2 cells flipped."
        );
        assert_eq!(
            sentences(Lang::Ja, ["x を追加", "2 個変わりました。"]),
            "x を追加。2 個変わりました。"
        );
        assert_eq!(sentences(Lang::Ja, ["", "a (b)"]), "a (b)。");
    }

    #[test]
    fn locale_picks_the_language() {
        use Lang::*;
        let f = Lang::from_locale_vars;
        assert_eq!(f(None, None, None), En);
        assert_eq!(f(None, None, Some("ja_JP.UTF-8")), Ja);
        assert_eq!(f(None, None, Some("ja")), Ja);
        assert_eq!(f(None, None, Some("ja_JP.eucJP")), Ja);
        assert_eq!(f(None, None, Some("en_US.UTF-8")), En);
        assert_eq!(f(None, None, Some("C")), En);
        assert_eq!(f(None, None, Some("jam")), En);
        // LC_ALL wins over LC_MESSAGES, which wins over LANG; empty means unset.
        assert_eq!(f(Some("C"), Some("ja_JP"), Some("ja_JP")), En);
        assert_eq!(f(Some(""), Some("ja_JP.UTF-8"), Some("en_US")), Ja);
        assert_eq!(f(None, Some("en_GB"), Some("ja_JP")), En);
        assert_eq!(f(Some("ja_JP.UTF-8"), None, Some("en_US")), Ja);
        assert_eq!(f(Some(""), Some(""), Some("")), En);
    }

    #[test]
    fn lang_parses_and_prints() {
        assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
        assert_eq!("ja".parse::<Lang>(), Ok(Lang::Ja));
        assert_eq!("JA".parse::<Lang>(), Ok(Lang::Ja));
        assert!("fr".parse::<Lang>().is_err());
        for l in Lang::ALL {
            assert_eq!(l.to_string().parse::<Lang>(), Ok(l));
        }
        // What `--lang` accepts through clap.
        use clap::ValueEnum;
        let names: Vec<String> = Lang::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|p| p.get_name().to_string())
            .collect();
        assert_eq!(names, ["en", "ja"]);
        assert_eq!(<Lang as ValueEnum>::from_str("ja", true), Ok(Lang::Ja));
    }

    #[test]
    fn t_and_tf() {
        assert_eq!(t(Lang::En, "ui-route-tables"), "Route tables");
        assert_eq!(t(Lang::Ja, "ui-route-tables"), "ルートテーブル");
        // One English word, two meanings, two ids.
        assert_eq!(t(Lang::En, "ui-state-up"), "up");
        assert_eq!(t(Lang::Ja, "ui-state-up"), "稼働中");
        assert_eq!(t(Lang::Ja, "ui-up"), "上へ");
        assert_eq!(tf(Lang::En, "ui-path", &["app-a → s3"]), "Path: app-a → s3");
        // Japanese reorders the values.
        let values = ["0.0.0.0/0", "rtb-private"];
        assert_eq!(
            tf(Lang::En, "ui-new-target-for-in", &values),
            "New target for 0.0.0.0/0 in rtb-private"
        );
        assert_eq!(
            tf(Lang::Ja, "ui-new-target-for-in", &values),
            "rtb-private の 0.0.0.0/0 宛てルートの新しいターゲット"
        );
    }

    /// `id = value` of every message in a Fluent file written one message a line.
    fn entries(ftl: &'static str) -> Vec<(&'static str, &'static str)> {
        let ids: Vec<&str> = ids_in(ftl).collect();
        let values = ftl.lines().filter_map(|l| {
            let (id, value) = l.split_once('=')?;
            ids.contains(&id.trim_end()).then_some(value.trim())
        });
        ids.iter().copied().zip(values).collect()
    }

    /// The variables of a message: `$a0`, `$a1`, ... as numbers, sorted, once each.
    fn variables(value: &str) -> Vec<usize> {
        let mut out: Vec<usize> = value
            .split("$a")
            .skip(1)
            .filter_map(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn ui_messages_are_sound() {
        let en = entries(UI_FTL_EN);
        let ja = entries(UI_FTL_JA);
        assert!(en.len() > 300, "{}", en.len());
        assert_eq!(
            en.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            ja.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            "en/ui.ftl and ja/ui.ftl list the same ids in the same order"
        );
        for ((id, e), (_, j)) in en.iter().zip(&ja) {
            assert_eq!(variables(e), variables(j), "{id}: the variables differ");
            // A message of placeholders and punctuation only ("{ $a0 } › { $a1 }") has no
            // words to translate.
            let words = e.split('{').enumerate().any(|(i, piece)| {
                let literal = if i == 0 {
                    piece
                } else {
                    piece.split_once('}').map_or("", |x| x.1)
                };
                literal.chars().any(char::is_alphabetic)
            });
            if !words {
                continue;
            }
            let text = t(Lang::Ja, id);
            assert!(!text.is_empty() && has_japanese(text), "{id}: {text:?}");
            assert_ne!(text, t(Lang::En, id), "{id}");
            assert_eq!(text.trim(), text, "{id}: padding belongs to the UI");
        }
    }

    /// `tf` fills `ui.ftl`'s messages in without Fluent, and says what Fluent would say, even
    /// with a value missing.
    #[test]
    fn tf_takes_the_short_way_and_agrees_with_fluent() {
        for lang in Lang::ALL {
            for id in ids_in(UI_FTL_EN) {
                let w = &words().text[index(lang)][id];
                assert!(
                    w.pieces.is_some(),
                    "{lang}: {id} goes through Fluent each time"
                );
                for values in [&["x"][..], &["x", "{y}", "z", "", "w"]] {
                    assert_eq!(
                        tf(lang, id, values),
                        msg(lang, id, with_values(values)),
                        "{lang}: {id}"
                    );
                }
            }
        }
        // A message Fluent must format (a selector, a named variable) is left to it.
        assert!(words().text[0]["hop-nat-zonal"].pieces.is_none());
        assert!(words().text[0]["verdict-line-reachable"].pieces.is_none());
    }

    /// The glossary's writing rules hold for every Japanese text: half-width parentheses, no
    /// line-start punctuation at the start of a text, codes never translated away.
    #[test]
    fn japanese_follows_the_writing_rules() {
        for id in ids_in(UI_FTL_EN) {
            let ja = t(Lang::Ja, id);
            assert!(
                !ja.contains(['（', '）']),
                "full-width parentheses in {ja:?}"
            );
            assert!(!ja.starts_with(['、', '。', '）', '」']), "{ja:?}");
            assert!(!ja.contains("( ") && !ja.contains(" )"), "{ja:?}");
            // The glossary: a route table's implicit association is 暗示的 (AWS's word), not
            // 暗黙的 (which stays for IAM's implicit deny).
            assert!(!ja.contains("暗黙的な関連付け"), "{id}: {ja:?}");
        }
    }

    /// What the keymap and the tabs show has Japanese.
    #[test]
    fn keymap_and_tabs_have_japanese() {
        let mut missing = Vec::new();
        let mut check = |id: &'static str| {
            if !has_japanese(t(Lang::Ja, id)) {
                missing.push(id);
            }
        };
        for b in bindings() {
            check(b.help);
            if let Some(f) = b.footer {
                check(f);
            }
        }
        for c in Context::ALL {
            check(c.title());
        }
        for tab in Tab::ALL {
            check(tab.title());
        }
        check("ui-matrix-legend");
        assert!(missing.is_empty(), "no Japanese for {missing:?}");
    }

    /// The string literals passed as the second argument of `t(` and `tf(` in `source`.
    fn msgids_in(source: &str) -> Vec<String> {
        let bytes = source.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let name_len = if bytes[i..].starts_with(b"tf(") {
                3
            } else if bytes[i..].starts_with(b"t(") {
                2
            } else {
                i += 1;
                continue;
            };
            let prev = if i == 0 { b' ' } else { bytes[i - 1] };
            let start = i;
            i += name_len;
            if prev.is_ascii_alphanumeric() || prev == b'_' || prev == b'.' {
                continue;
            }
            let mut j = start + name_len;
            let skip_ws = |j: &mut usize| {
                while *j < bytes.len() && bytes[*j].is_ascii_whitespace() {
                    *j += 1;
                }
            };
            skip_ws(&mut j);
            let arg = j;
            while j < bytes.len()
                && (bytes[j].is_ascii_alphanumeric() || b"_.:".contains(&bytes[j]))
            {
                j += 1;
            }
            if j == arg {
                continue;
            }
            skip_ws(&mut j);
            if bytes.get(j) != Some(&b',') {
                continue;
            }
            j += 1;
            skip_ws(&mut j);
            if bytes.get(j) != Some(&b'"') {
                continue;
            }
            j += 1;
            let mut s = String::new();
            let mut chars = source[j..].char_indices();
            while let Some((k, c)) = chars.next() {
                match c {
                    '"' => {
                        i = j + k + 1;
                        break;
                    }
                    '\\' => match chars.next().map(|(_, c)| c) {
                        Some('n') => s.push('\n'),
                        Some('t') => s.push('\t'),
                        Some('0') => s.push('\0'),
                        Some('u') => {
                            let mut hex = String::new();
                            for (_, c) in chars.by_ref() {
                                match c {
                                    '{' => {}
                                    '}' => break,
                                    c => hex.push(c),
                                }
                            }
                            if let Some(c) =
                                u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32)
                            {
                                s.push(c);
                            }
                        }
                        Some('\n') => {
                            // A line continuation: the next line's leading whitespace goes.
                            let rest = chars.as_str();
                            let trimmed = rest.trim_start();
                            let skip = rest.len() - trimmed.len();
                            for _ in rest[..skip].chars() {
                                chars.next();
                            }
                        }
                        Some(c) => s.push(c),
                        None => {}
                    },
                    c => s.push(c),
                }
            }
            out.push(s);
        }
        out
    }

    #[test]
    fn the_scanner_finds_msgids() {
        let src = r#"
            let a = t(lang, "Route tables");
            let b = tf(
                app.lang,
                "Path: {}",
                &[&x],
            );
            let c = i18n::t(Lang::Ja, "say \"hi\"\n");
            let d = split(lang, "not a msgid");
            let e = x.t(lang, "a method, not ours");
            let f = t(lang, "long \
                     line");
        "#;
        assert_eq!(
            msgids_in(src),
            ["Route tables", "Path: {}", "say \"hi\"\n", "long line"]
        );
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// Every literal the sources pass to `t(` or `tf(` is a message in both languages: wiring
    /// the UI later cannot introduce an unknown id or untranslated text without this failing.
    #[test]
    fn every_id_in_the_sources_is_a_message() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["src", "tests", "examples", "benches"] {
            rust_files(&root.join(dir), &mut files);
        }
        assert!(files.iter().any(|f| f.ends_with("ui/mod.rs")), "{root:?}");
        let mut missing = Vec::new();
        for f in files {
            if f.ends_with("src/i18n.rs") {
                continue;
            }
            let src = std::fs::read_to_string(&f).unwrap();
            for id in msgids_in(&src) {
                if !(has(Lang::En, &id) && has(Lang::Ja, &id)) {
                    missing.push(format!("{}: {id:?}", f.display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "no message for:\n{}",
            missing.join("\n")
        );
    }
}
