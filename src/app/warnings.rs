//! What loading said: the AWS import's warnings (a failed NAT gateway left out, an IPv6 route
//! dropped, ...) and the model's validation warnings. The opening status line counts them and
//! `!` lists them, so nothing printed before the terminal switched screens goes unseen.

use super::{App, Overlay, StatusKind};
use crate::i18n::{t, tf};

impl App {
    /// The status line on opening: how to start, or what loading warned about.
    pub(super) fn opening_status(&self) -> String {
        let (import, validation) = (self.import_warnings.len(), self.model.warnings().len());
        match (import, validation) {
            (0, 0) => t(self.lang, "ui-choose-path-s-source-t-target").to_string(),
            (0, n) => crate::explain::msg(
                self.lang,
                "ui-validation-warnings",
                crate::explain::args().n("warnings", n).s(
                    "first",
                    crate::explain::diagnostic(self.lang, &self.model.warnings()[0]),
                ),
            ),
            (i, n) => tf(
                self.lang,
                "ui-import-warnings",
                &[&i.to_string(), &n.to_string()],
            ),
        }
    }

    /// Every warning as one line, the import's first.
    pub fn warning_lines(&self) -> Vec<String> {
        let import = self.import_warnings.iter().map(|d| {
            // "AWS import: nat-…: …" rather than "AWS import: warning: nat-…".
            let line = crate::explain::diagnostic(self.lang, d);
            let severity = crate::explain::severity_label(self.lang, d.severity);
            let line = line
                .strip_prefix(&severity)
                .map(|rest| rest.trim_start_matches([':', ' ']))
                .unwrap_or(&line);
            tf(self.lang, "ui-import-warning", &[line])
        });
        let validation = self
            .model
            .warnings()
            .iter()
            .map(|d| crate::explain::diagnostic(self.lang, d));
        import.chain(validation).collect()
    }

    /// `!`: the list, or a word that there is nothing to list.
    pub(super) fn show_warnings(&mut self) {
        if self.import_warnings.is_empty() && self.model.warnings().is_empty() {
            self.status = Some((StatusKind::Info, t(self.lang, "ui-no-warnings").into()));
        } else {
            self.overlay = Some(Overlay::Warnings { scroll: 0 });
        }
    }
}
