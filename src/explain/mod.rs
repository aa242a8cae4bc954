//! Facts → sentences, in English or Japanese. The evaluator, the model and the cost estimate
//! return typed facts; this layer renders them through one Fluent bundle per language, built
//! from the message files under `assets/i18n/{en,ja}/*.ftl` (embedded at build time), so a
//! translator edits the `.ftl` files without touching Rust.
//!
//! - `trace.rs`: hops, route decisions, stops, notes and the summary of a path;
//! - `codes.rs`: the words for reason, note, hop-kind and verdict codes;
//! - `model.rs`: validation findings and edit refusals (`diag-<rule>` in `model.ftl`);
//! - `edit.rs`: edits in words (`edit-*` in `edit.ftl`);
//! - `checks.rs`: what `validate` and `check` say about `expect` entries and lessons (`checks.ftl`);
//! - `fix.rs`: fix suggestions and weak points (`fix-*` in `fix.ftl`);
//! - `cost.rs`: the cost estimate's items, ways, notes and changes (`cost-*` in `cost.ftl`);
//! - [`msg`]: any message by id with its arguments.
//!
//! Ids, codes, CIDRs and service names are arguments: they stay as they are in both languages.

mod bpa;
mod checks;
mod codes;
mod cost;
mod dns;
mod edit;
mod fix;
mod hops;
mod import;
mod ipv6;
mod ipv6_security;
mod ja_spacing;
pub use ja_spacing::tidy as ja_tidy;
mod lang;
mod model;
mod notes;
mod policy;
mod query;
mod security;
mod stops;
mod summary;
mod trace;
mod words;

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use bpa::{bpa_mode_text, exclusion_mode_text};
pub use checks::*;
pub use codes::*;
pub use cost::*;
pub use edit::*;
pub use fix::*;
pub use import::*;
pub use lang::{Lang, UnknownLang};
pub use model::*;
pub use policy::{policy_request_text, policy_through_text, statement_text};
pub use security::{group_rule_text, traffic_text};
pub use trace::*;
pub use words::route_text;

/// The message files, per language, in the order they are added to the bundle.
pub const FILES: [(&str, &str, &str); 20] = [
    (
        "en",
        "trace.ftl",
        include_str!("../../assets/i18n/en/trace.ftl"),
    ),
    (
        "en",
        "codes.ftl",
        include_str!("../../assets/i18n/en/codes.ftl"),
    ),
    ("en", "ui.ftl", include_str!("../../assets/i18n/en/ui.ftl")),
    (
        "en",
        "model.ftl",
        include_str!("../../assets/i18n/en/model.ftl"),
    ),
    (
        "en",
        "edit.ftl",
        include_str!("../../assets/i18n/en/edit.ftl"),
    ),
    (
        "en",
        "cost.ftl",
        include_str!("../../assets/i18n/en/cost.ftl"),
    ),
    (
        "en",
        "checks.ftl",
        include_str!("../../assets/i18n/en/checks.ftl"),
    ),
    (
        "en",
        "fix.ftl",
        include_str!("../../assets/i18n/en/fix.ftl"),
    ),
    (
        "en",
        "import.ftl",
        include_str!("../../assets/i18n/en/import.ftl"),
    ),
    (
        "en",
        "counts.ftl",
        include_str!("../../assets/i18n/en/counts.ftl"),
    ),
    (
        "ja",
        "trace.ftl",
        include_str!("../../assets/i18n/ja/trace.ftl"),
    ),
    (
        "ja",
        "codes.ftl",
        include_str!("../../assets/i18n/ja/codes.ftl"),
    ),
    (
        "ja",
        "model.ftl",
        include_str!("../../assets/i18n/ja/model.ftl"),
    ),
    ("ja", "ui.ftl", include_str!("../../assets/i18n/ja/ui.ftl")),
    (
        "ja",
        "edit.ftl",
        include_str!("../../assets/i18n/ja/edit.ftl"),
    ),
    (
        "ja",
        "cost.ftl",
        include_str!("../../assets/i18n/ja/cost.ftl"),
    ),
    (
        "ja",
        "checks.ftl",
        include_str!("../../assets/i18n/ja/checks.ftl"),
    ),
    (
        "ja",
        "fix.ftl",
        include_str!("../../assets/i18n/ja/fix.ftl"),
    ),
    (
        "ja",
        "import.ftl",
        include_str!("../../assets/i18n/ja/import.ftl"),
    ),
    (
        "ja",
        "counts.ftl",
        include_str!("../../assets/i18n/ja/counts.ftl"),
    ),
];

type Bundle = FluentBundle<FluentResource>;

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang
        .code()
        .parse()
        .expect("en and ja are valid language identifiers");
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Bidi isolation marks around placeables break display-width arithmetic in a terminal.
    bundle.set_use_isolating(false);
    for (code, name, text) in FILES {
        if code != lang.code() {
            continue;
        }
        let resource = match FluentResource::try_new(text.to_string()) {
            Ok(r) => r,
            // A syntax error in a shipped file is caught by the tests; keep what parsed.
            Err((r, errors)) => {
                debug_assert!(errors.is_empty(), "{code}/{name}: {errors:?}");
                r
            }
        };
        // A duplicate id is caught by the tests; the first one stays.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| [build(Lang::En), build(Lang::Ja)]);
    match lang {
        Lang::En => &all[0],
        Lang::Ja => &all[1],
    }
}

/// Arguments for a message: `args().s("table", id).n("count", 3)`.
#[derive(Default)]
pub struct Args<'a>(FluentArgs<'a>);

pub fn args<'a>() -> Args<'a> {
    Args::default()
}

impl<'a> Args<'a> {
    /// A text argument (an id, a CIDR, a rendered sentence).
    pub fn s(mut self, name: &'static str, value: impl Into<Cow<'a, str>>) -> Self {
        self.0.set(name, FluentValue::String(value.into()));
        self
    }

    /// A number argument (selects plural forms).
    pub fn n(mut self, name: &'static str, value: usize) -> Self {
        self.0.set(name, FluentValue::from(value));
        self
    }

    /// A yes/no argument for a selector.
    pub fn b(self, name: &'static str, value: bool) -> Self {
        self.s(name, if value { "yes" } else { "no" })
    }
}

/// Whether the language's files have a message with this id.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang` with its arguments; English when the language lacks it, and the
/// id itself when no language has it (a test keeps both from happening).
pub fn msg(lang: Lang, id: &str, args: Args<'_>) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return match lang {
            Lang::Ja => msg(Lang::En, id, args),
            Lang::En => id.to_string(),
        };
    };
    let mut errors = Vec::new();
    let text = b
        .format_pattern(pattern, Some(&args.0), &mut errors)
        .into_owned();
    match lang {
        Lang::Ja => ja_spacing::tidy(text),
        Lang::En => text,
    }
}

/// A message without arguments.
pub fn m(lang: Lang, id: &str) -> String {
    msg(lang, id, Args::default())
}

/// "error: …" in the language: a line for stderr around a sentence or a system's message.
pub fn error_line(lang: Lang, what: &str) -> String {
    msg(lang, "cli-error", args().s("what", what))
}

/// Port ranges as a list: `443, 8000-8080`.
pub(crate) fn ports_text(lang: Lang, ranges: &[crate::model::PortRange]) -> String {
    join(lang, ranges.iter().map(|r| r.to_string()))
}

/// Items joined by the language's list separator (`, ` or `、`).
pub fn join<S: AsRef<str>>(lang: Lang, items: impl IntoIterator<Item = S>) -> String {
    let sep = separator(lang, "list-sep");
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// A separator message, formatted once per language.
fn separator(lang: Lang, id: &'static str) -> &'static str {
    static SEPS: OnceLock<Vec<(Lang, &'static str, String)>> = OnceLock::new();
    let all = SEPS.get_or_init(|| {
        let mut v = Vec::new();
        for l in Lang::ALL {
            for id in [
                "list-sep",
                "then-sep",
                "part-sep",
                "edit-batch-sep",
                "cost-part-sep",
                "mismatch-sep",
            ] {
                v.push((l, id, m(l, id)));
            }
        }
        v
    });
    let found = all.iter().find(|(l, i, _)| *l == lang && *i == id);
    debug_assert!(found.is_some(), "{id} is not in the list of separators");
    found.map(|(_, _, s)| s.as_str()).unwrap_or(", ")
}

pub(crate) fn join_with<S: AsRef<str>>(
    lang: Lang,
    sep: &'static str,
    items: impl IntoIterator<Item = S>,
) -> String {
    let sep = separator(lang, sep);
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

#[cfg(test)]
mod tests;
