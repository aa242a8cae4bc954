//! Validation findings, edit refusals and import warnings ([`Diagnostic`]) as sentences: each
//! rule code has one message `diag-<rule>` in `model.ftl` (or `import.ftl`), whose arguments are
//! the diagnostic's own. A rule without a message shows its id: the tests catch that.

use std::fmt;
use std::path::Path;

use super::{Args, Lang, args, join, m, msg};
use crate::model::{DiagArg, Diagnostic, Severity};

/// The message id of a rule code.
pub fn diagnostic_id(rule: &str) -> String {
    format!("diag-{rule}")
}

/// A diagnostic's arguments as Fluent arguments, lists joined and message arguments rendered in
/// `lang`.
fn diag_args(lang: Lang, d: &Diagnostic) -> Args<'static> {
    let mut a = args();
    for (name, value) in &d.args {
        a = match value {
            DiagArg::Text(t) => a.s(name, t.clone()),
            DiagArg::Count(n) => a.n(name, *n),
            DiagArg::List(items) => a.s(name, join(lang, items)),
            DiagArg::Msg(id) => a.s(name, m(lang, id)),
        };
    }
    a
}

/// The sentence of a diagnostic alone: "subnet-x's CIDR 10.1.0.0/24 is not inside …".
pub fn diagnostic_message(lang: Lang, d: &Diagnostic) -> String {
    let id = diagnostic_id(d.rule);
    let text = msg(lang, &id, diag_args(lang, d));
    match lang {
        Lang::Ja => latin_spacing(&text),
        Lang::En => text,
    }
}

/// Japanese puts a half-width space between Latin letters or digits and Japanese
/// (docs/glossary-ja.md). A message argument that is itself a word (`NAT ゲートウェイ` after
/// `VPC の`) cannot carry the space in the message file, since the word decides whether one is
/// needed; this adds it where Latin meets kana or kanji.
pub(super) fn latin_spacing(text: &str) -> String {
    fn japanese(c: char) -> bool {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}')
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev
            && ((japanese(p) && c.is_ascii_alphanumeric())
                || (p.is_ascii_alphanumeric() && japanese(c)))
        {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// The word for a severity: `error`, `warning`.
pub fn severity_label(lang: Lang, s: Severity) -> String {
    m(
        lang,
        match s {
            Severity::Error => "diag-severity-error",
            Severity::Warning => "diag-severity-warning",
        },
    )
}

/// A diagnostic as one line: "error: subnet-a: … [rule]". The object is not said twice when the
/// sentence begins with it.
pub fn diagnostic(lang: Lang, d: &Diagnostic) -> String {
    let message = diagnostic_message(lang, d);
    let a = args()
        .s("severity", severity_label(lang, d.severity))
        .s("rule", d.rule)
        .s("object", d.object.clone());
    if message.starts_with(&d.object) {
        msg(lang, "diag-line", a.s("message", message))
    } else {
        msg(lang, "diag-line-object", a.s("message", message))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&diagnostic(Lang::En, self))
    }
}

/// A scenario that fails validation: "file.ron: 2 errors in the scenario", then each finding
/// on its own indented line.
pub fn invalid_scenario(lang: Lang, path: &Path, diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut out = msg(
        lang,
        "diag-load-heading",
        args()
            .s("path", path.display().to_string())
            .n("errors", errors),
    );
    for d in diagnostics {
        out.push_str("\n  ");
        out.push_str(&diagnostic(lang, d));
    }
    out
}

/// A load error in `lang`: a scenario's findings are rendered per language; a file that cannot
/// be read or parsed keeps the reader's own (English) message.
pub fn load_error(lang: Lang, e: &crate::model::LoadError) -> String {
    match e {
        crate::model::LoadError::Invalid { path, diagnostics } => {
            invalid_scenario(lang, path, diagnostics)
        }
        other => other.to_string(),
    }
}

/// The status line after loading a scenario with warnings: how many, and the first.
pub fn warnings_status(lang: Lang, warnings: &[Diagnostic]) -> String {
    msg(
        lang,
        "diag-warnings-status",
        args().n("count", warnings.len()).s(
            "first",
            warnings
                .first()
                .map(|w| diagnostic(lang, w))
                .unwrap_or_default(),
        ),
    )
}

/// Why an edit was not applied: what does not exist (and what does), or each rule AWS would
/// break, one line each joined with `; `.
pub fn edit_error(lang: Lang, e: &crate::model::EditError) -> String {
    use crate::model::EditError;
    match e {
        EditError::NotFound(d) => diagnostic_message(lang, d),
        EditError::Refused(ds) => ds
            .iter()
            .map(|d| diagnostic(lang, d))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

impl fmt::Display for crate::model::EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&edit_error(Lang::En, self))
    }
}
