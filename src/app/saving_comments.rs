//! Saving keeps the file's comments and layout (issue 15, case 2): the edited scenario is
//! written into the text it was read from ([`crate::save::preserve`]). Where that would drop
//! comments of the file being replaced (a removed object's own comment, or a file that has to be
//! written in full), the explorer says so before writing and offers save-as.

use std::path::{Path, PathBuf};

use crate::i18n::t;
use crate::save::preserve::{Preserved, save_text};

use super::flows::{PickItem, Picker, Purpose};
use super::{App, Overlay, StatusKind};

/// How much of a comment the question quotes.
const QUOTED: usize = 60;

impl App {
    /// Save to `path`. When that replaces the file the model was read from and would drop some
    /// of its comments, ask first unless `dropping` (the answer was "save anyway"). `false` when
    /// the save failed.
    pub(super) fn save_keeping_comments(&mut self, path: PathBuf, dropping: bool) -> bool {
        let saved = save_text(self.disk.text.as_deref(), &self.scenario_to_write());
        let own_file = self.is_read_from(&path);
        if own_file && !dropping && !saved.lost.is_empty() {
            self.ask_before_dropping(&path, &saved);
            return true;
        }
        let note = self.what_was_not_kept(&saved, own_file);
        self.write_text(path, saved.text, note)
    }

    /// Whether `path` is the file whose text the model was read from (or last written to).
    fn is_read_from(&self, path: &Path) -> bool {
        self.file
            .as_deref()
            .is_some_and(|f| f == path || crate::save::same_file(f, path))
    }

    /// The words after "Saved …" when the save did not keep everything.
    fn what_was_not_kept(&self, saved: &Preserved, own_file: bool) -> Option<String> {
        if saved.rewritten {
            return Some(t(self.lang, "ui-layout-could-not-be-kept-written-in-full").into());
        }
        if !saved.lost.is_empty() {
            let from = self
                .file
                .as_deref()
                .map(|f| crate::term_safe::printable(&f.display().to_string()).into_owned())
                .unwrap_or_default();
            let id = if own_file {
                "ui-comments-dropped"
            } else {
                "ui-comments-not-carried-over"
            };
            return Some(crate::explain::msg(
                self.lang,
                id,
                crate::explain::args()
                    .n("comments", saved.lost.len())
                    .s("file", from),
            ));
        }
        None
    }

    fn ask_before_dropping(&mut self, path: &Path, saved: &Preserved) {
        let shown = crate::term_safe::printable(&path.display().to_string()).into_owned();
        let args = crate::explain::args()
            .s("file", shown)
            .n("comments", saved.lost.len());
        let title = if saved.rewritten {
            crate::explain::msg(self.lang, "ui-save-rewrites-without-comments", args)
        } else {
            let first = quote(&saved.lost[0]);
            crate::explain::msg(
                self.lang,
                "ui-save-would-drop-comments",
                args.s("first", first),
            )
        };
        let item = |label: &str, detail: &str, value: &str| PickItem {
            label: label.into(),
            detail: detail.into(),
            value: value.into(),
        };
        self.overlay = Some(Overlay::Picker(Picker {
            title: title.clone(),
            action: None,
            items: vec![
                item(
                    t(self.lang, "ui-save-anyway"),
                    t(self.lang, "ui-drop-those-comments-and-save"),
                    "drop-comments",
                ),
                item(
                    t(self.lang, "ui-save-as-3"),
                    t(self.lang, "ui-keep-this-file-as-it-is-write"),
                    "save-as",
                ),
                item(
                    t(self.lang, "ui-cancel"),
                    t(self.lang, "ui-do-not-save-now"),
                    "cancel",
                ),
            ],
            selected: 0,
            filter: String::new(),
            filtering: false,
            purpose: Purpose::SaveDropsComments {
                path: path.display().to_string(),
            },
        }));
        self.status = Some((StatusKind::Info, title));
    }
}

/// A comment as the question quotes it: on one line, control characters shown, cut at
/// [`QUOTED`] characters.
fn quote(comment: &str) -> String {
    let one_line = comment.split_whitespace().collect::<Vec<_>>().join(" ");
    let shown = crate::term_safe::printable(&one_line).into_owned();
    if shown.chars().count() > QUOTED {
        let cut: String = shown.chars().take(QUOTED - 1).collect();
        format!("{cut}…")
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::app::script::press;
    use crate::app::{App, Overlay, Purpose};
    use crate::model::load_file;

    fn comment_lines(text: &str) -> usize {
        text.lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count()
    }

    /// A copy of private-only.ron, `edit`ed as text, opened.
    fn open_copy(tag: &str, edit: impl Fn(&str) -> String) -> (App, PathBuf, tempfile::TempDir) {
        let d = tempfile::Builder::new()
            .prefix(&format!("vpc-tui-comments-{tag}-"))
            .tempdir()
            .unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/private-only.ron");
        let path = d.path().join("s.ron");
        std::fs::write(&path, edit(&std::fs::read_to_string(src).unwrap())).unwrap();
        let model = load_file(&path).unwrap();
        (App::new(model, Some(path.clone()), "s".into()), path, d)
    }

    /// Issue 15 case 2: `w` after an edit keeps every comment and the rest of the file as it
    /// was written.
    #[test]
    fn w_keeps_the_files_comments() {
        let (mut app, path, _dir) = open_copy("keep", str::to_string);
        let before = std::fs::read_to_string(&path).unwrap();
        assert!(comment_lines(&before) > 0);
        press(&mut app, "1w");
        assert!(app.overlay.is_none(), "{:?}", app.overlay);
        assert!(!app.is_dirty(), "{:?}", app.status);
        let after = std::fs::read_to_string(&path).unwrap();
        let added: Vec<&str> = after.lines().filter(|l| !before.contains(l)).collect();
        assert_eq!(
            added,
            [r#"    what_if: (failed_azs: ["us-east-1a"]),"#],
            "{after}"
        );
        assert_eq!(after.lines().count(), before.lines().count() + 1);
        let status = &app.status.as_ref().unwrap().1;
        assert!(
            status.starts_with("Saved") && !status.contains("comment("),
            "{status}"
        );
    }

    /// A save that would drop a comment of the file asks first; save as keeps the file, cancel
    /// writes nothing, save anyway writes and says how many were dropped.
    #[test]
    fn dropping_a_comment_is_asked_first() {
        let failed = |text: &str| {
            text.replacen(
                "    instances:",
                "    // the outage this scenario starts in\n    what_if: (failed_azs: [\"us-east-1a\"]),\n    instances:",
                1,
            )
        };
        let (mut app, path, dir) = open_copy("ask", failed);
        let commented = std::fs::read_to_string(&path).unwrap();
        assert_eq!(app.model.scenario().what_if.failed_azs, ["us-east-1a"]);
        // Restoring the AZ takes `what_if` away, with its comment.
        press(&mut app, "1w");
        let Some(Overlay::Picker(p)) = &app.overlay else {
            panic!("{:?}", app.overlay)
        };
        assert!(matches!(p.purpose, Purpose::SaveDropsComments { .. }));
        assert!(p.title.contains("the outage this scenario"), "{}", p.title);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);
        // Cancel.
        press(&mut app, "<Down><Down><Enter>");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);
        assert!(app.is_dirty());
        // Save as… writes another file; this one keeps its comment.
        press(&mut app, "w<Down><Enter>");
        assert!(matches!(
            &app.overlay,
            Some(Overlay::Input(i)) if i.purpose == Purpose::SaveAs
        ));
        press(&mut app, "<C-u><End><C-u>");
        let other = dir.path().join("other.ron");
        press(&mut app, &format!("{}<Enter>", other.display()));
        assert!(!app.is_dirty(), "{:?}", app.status);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);
        let status = &app.status.as_ref().unwrap().1;
        assert!(status.contains("not carried over"), "{status}");
        assert!(load_file(&other).unwrap().scenario().what_if.is_empty());
        // Save anyway, on the original.
        let model = load_file(&path).unwrap();
        let mut app = App::new(model, Some(path.clone()), "s".into());
        press(&mut app, "1w<Enter>");
        assert!(!app.is_dirty(), "{:?}", app.status);
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            comment_lines(&after),
            comment_lines(&commented) - 1,
            "{after}"
        );
        let status = &app.status.as_ref().unwrap().1;
        assert!(status.contains("1 comment"), "{status}");
    }
}
