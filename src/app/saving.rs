//! Saving from the explorer without losing anything: another program's edits to the file are
//! not overwritten without asking, save-as asks before replacing a file, a failed save keeps
//! the dialog and what was typed, and a lesson file is never rewritten with a step's state.

use std::path::{Path, PathBuf};

use crate::i18n::{t, tf};
use crate::save::FileStamp;

use super::flows::{Input, PickItem, Picker, Purpose};
use super::{App, Msg, Overlay, StatusKind};

/// The scenario file as vpc-tui last read or wrote it.
#[derive(Debug, Clone, Default)]
pub struct OnDisk {
    /// The file the explorer opened: in a lesson, the lesson's own file.
    pub opened: Option<PathBuf>,
    /// What the file held when last read or written here; `None` when it was not read.
    pub stamp: Option<FileStamp>,
    /// Its text then, whose comments and layout a save keeps.
    pub text: Option<String>,
}

impl OnDisk {
    /// Read `file` now (the state the explorer starts from).
    pub fn read(file: Option<&Path>) -> OnDisk {
        let Some(path) = file else {
            return OnDisk::default();
        };
        let bytes = std::fs::read(path).ok();
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        OnDisk {
            opened: Some(path.to_path_buf()),
            stamp: bytes.as_deref().map(|b| FileStamp::new(b, modified)),
            text: bytes.and_then(|b| String::from_utf8(b).ok()),
        }
    }
}

fn dialog(title: String, items: Vec<PickItem>, purpose: Purpose) -> Picker {
    Picker {
        title,
        action: None,
        items,
        selected: 0,
        filter: String::new(),
        filtering: false,
        purpose,
    }
}

fn item(label: &str, detail: &str, value: &str) -> PickItem {
    PickItem {
        label: label.into(),
        detail: detail.into(),
        value: value.into(),
    }
}

impl App {
    /// The file as it was read, for callers that read it themselves (the exact bytes the model
    /// came from, so that no change slips in between).
    pub fn remember_disk(&mut self, stamp: FileStamp, text: String) {
        self.disk.stamp = Some(stamp);
        self.disk.text = Some(text);
    }

    /// A lesson is open on its own file: saving there would replace the lesson's base model
    /// with a step's state.
    fn writing_would_replace_lesson(&self, path: &Path) -> bool {
        self.lesson.is_some()
            && self.lesson_source.scenario().lesson.is_some()
            && self
                .disk
                .opened
                .as_deref()
                .is_some_and(|o| o == path || crate::save::same_file(o, path))
    }

    /// `w`: save to the open file, asking first when another program changed it.
    pub(super) fn save(&mut self) {
        match self.file.clone() {
            Some(path) if self.writing_would_replace_lesson(&path) => {
                self.open_save_as(suggest_lesson_copy(&path, self.lesson_step_number()));
                self.status = Some((
                    StatusKind::Info,
                    t(self.lang, "ui-lesson-file-is-not-overwritten-from").into(),
                ));
            }
            Some(path) => self.save_checked(path),
            None => self.open_save_as(String::new()),
        }
    }

    fn lesson_step_number(&self) -> usize {
        self.lesson.as_ref().map_or(0, |m| m.step + 1)
    }

    pub(super) fn open_save_as(&mut self, text: String) {
        let mut input = super::flows::save_as_input(self);
        if !text.is_empty() || self.lesson.is_some() {
            input.text = text;
        }
        self.overlay = Some(Overlay::Input(input));
    }

    /// Save over the open file, unless it changed on disk since it was read: then ask.
    fn save_checked(&mut self, path: PathBuf) {
        if let Some(stamp) = &self.disk.stamp
            && self.file.as_deref() == Some(path.as_path())
            && !stamp.still_matches(&path)
        {
            self.overlay = Some(Overlay::Picker(dialog(
                tf(
                    self.lang,
                    "ui-changed-on-disk-since-it-was",
                    &[&path.display().to_string()],
                ),
                vec![
                    item(
                        t(self.lang, "ui-overwrite"),
                        t(self.lang, "ui-replace-other-programs-changes"),
                        "overwrite",
                    ),
                    item(
                        t(self.lang, "ui-save-as-3"),
                        t(self.lang, "ui-keep-both-write-to-another-file"),
                        "save-as",
                    ),
                    item(
                        t(self.lang, "ui-cancel"),
                        t(self.lang, "ui-do-not-save-now"),
                        "cancel",
                    ),
                ],
                Purpose::SaveConflict {
                    path: path.display().to_string(),
                },
            )));
            return;
        }
        self.save_to(path);
    }

    /// The save-as input was submitted.
    pub(super) fn submit_save_as(&mut self, mut input: Input) {
        let text = input.text.trim().to_string();
        if text.is_empty() {
            input.hint = t(self.lang, "ui-save-as-no-path-given").into();
            self.status = Some((StatusKind::Error, input.hint.clone()));
            self.overlay = Some(Overlay::Input(input));
            return;
        }
        let path = PathBuf::from(&text);
        if self.writing_would_replace_lesson(&path) {
            input.hint = t(self.lang, "ui-that-is-lessons-own-file-choose").into();
            self.status = Some((StatusKind::Error, input.hint.clone()));
            self.overlay = Some(Overlay::Input(input));
            return;
        }
        if self.file.as_deref() == Some(path.as_path()) {
            return self.save_checked(path);
        }
        if std::fs::symlink_metadata(&path).is_ok() {
            self.overlay = Some(Overlay::Picker(dialog(
                tf(self.lang, "ui-exists", &[&text]),
                vec![
                    item(
                        t(self.lang, "ui-overwrite"),
                        t(self.lang, "ui-replace-file"),
                        "overwrite",
                    ),
                    item(
                        t(self.lang, "ui-choose-another-path"),
                        t(self.lang, "ui-back-to-what-you-typed"),
                        "save-as",
                    ),
                    item(
                        t(self.lang, "ui-cancel"),
                        t(self.lang, "ui-do-not-save-now"),
                        "cancel",
                    ),
                ],
                Purpose::SaveOverwrite { path: text },
            )));
            return;
        }
        if !self.save_to(path) {
            self.reopen_with_error(input);
        }
    }

    /// A choice in the changed-on-disk or the overwrite dialog.
    pub(super) fn choose_save(&mut self, purpose: Purpose, value: &str) {
        let (Purpose::SaveConflict { path }
        | Purpose::SaveOverwrite { path }
        | Purpose::SaveDropsComments { path }) = purpose
        else {
            return;
        };
        match value {
            "overwrite" | "drop-comments" => {
                let dropping = value == "drop-comments";
                if !self.save_keeping_comments(PathBuf::from(&path), dropping) {
                    let mut input = super::flows::save_as_input(self);
                    input.text = path;
                    self.reopen_with_error(input);
                }
            }
            "save-as" => self.open_save_as(path),
            _ => {
                self.status = Some((StatusKind::Info, t(self.lang, "ui-not-saved").into()));
            }
        }
    }

    /// The input again, with what was typed and the error of the failed save.
    fn reopen_with_error(&mut self, mut input: Input) {
        if let Some((StatusKind::Error, e)) = &self.status {
            input.hint = e.clone();
        }
        self.overlay = Some(Overlay::Input(input));
    }

    /// What is written: the model as edited; from a lesson, without the lesson (its steps were
    /// written for the file's base model, not for a step's state).
    pub(super) fn scenario_to_write(&self) -> crate::model::Scenario {
        let mut s = self.model.scenario().clone();
        if self.lesson.is_some() {
            s.lesson = None;
        }
        s
    }

    /// Save to `path`, keeping the comments and layout of the text the model was read from
    /// (see [`App::save_keeping_comments`]). `false` when it failed (the status says why);
    /// asking first is not failing.
    pub fn save_to(&mut self, path: PathBuf) -> bool {
        self.save_keeping_comments(path, false)
    }

    /// Write `text` atomically, then load the written file again: a save that does not load
    /// back is reported, never silent. `note` follows the status line. `false` when nothing was
    /// written.
    pub(super) fn write_text(&mut self, path: PathBuf, text: String, note: Option<String>) -> bool {
        let shown = crate::term_safe::printable(&path.display().to_string()).into_owned();
        if let Err(e) = crate::save::write_atomic(&path, text.as_bytes()) {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "ui-could-not-save",
                    &[
                        &shown,
                        &crate::term_safe::printable(&crate::explain::save_error(self.lang, &e)),
                    ],
                ),
            ));
            return false;
        }
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        self.disk.stamp = Some(FileStamp::new(text.as_bytes(), modified));
        self.disk.text = Some(text);
        self.file_label = path.display().to_string();
        self.file = Some(path.clone());
        crate::save::recover::discard(&path);
        let with_note = |said: String| match &note {
            Some(n) => format!("{said} {n}"),
            None => said,
        };
        match crate::model::load_file(&path) {
            Ok(_) => {
                self.saved_version = self.version;
                self.status = Some((
                    StatusKind::Info,
                    with_note(tf(
                        self.lang,
                        "ui-saved-it-loads-and-validates-again",
                        &[&shown],
                    )),
                ));
            }
            Err(e) => {
                self.status = Some((
                    StatusKind::Error,
                    with_note(tf(
                        self.lang,
                        "ui-saved-but-it-does-not-load",
                        &[
                            &shown,
                            &crate::term_safe::printable(&crate::explain::load_error(
                                self.lang, &e,
                            )),
                        ],
                    )),
                ));
            }
        }
        true
    }
}

impl App {
    /// A key in the open text input: the line editor, with a word when the input is full.
    pub(super) fn edit_input(&mut self, input: &mut Input, msg: Msg) {
        let full = input.text.chars().count() >= super::MAX_INPUT;
        if super::line_edit::edit_line(&mut input.text, &mut self.input_back, msg)
            && full
            && matches!(msg, Msg::Char(_))
        {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "ui-input-is-full-characters",
                    &[&super::MAX_INPUT.to_string()],
                ),
            ));
        }
    }

    /// At start: edits a signal interrupted were kept for this file; offer them back.
    pub fn offer_recovery(&mut self) {
        let Some(file) = self.file.clone() else {
            return;
        };
        let Some((path, _)) = crate::save::recover::find(Some(&file)) else {
            return;
        };
        self.overlay = Some(Overlay::Picker(dialog(
            tf(
                self.lang,
                "ui-unsaved-edits-of-this-file-were",
                &[&crate::term_safe::printable(&path.display().to_string())],
            ),
            vec![
                item(
                    t(self.lang, "ui-restore-them"),
                    t(self.lang, "ui-continue-from-kept-edits-not-saved"),
                    "restore",
                ),
                item(
                    t(self.lang, "ui-discard-them"),
                    t(self.lang, "ui-delete-recovery-file"),
                    "discard",
                ),
                item(
                    t(self.lang, "ui-decide-later"),
                    t(self.lang, "ui-keep-recovery-file-open-file-as"),
                    "later",
                ),
            ],
            Purpose::Recover,
        )));
    }

    pub(super) fn choose_recovery(&mut self, value: &str) {
        let Some(file) = self.file.clone() else {
            return;
        };
        match value {
            "restore" => {
                let Some((path, model)) = crate::save::recover::find(Some(&file)) else {
                    return;
                };
                self.undo.clear();
                self.redo.clear();
                self.version = self.next_version;
                self.next_version += 1;
                let what = super::What::Text(tf(
                    self.lang,
                    "ui-restored-unsaved-edits-kept-in",
                    &[&crate::term_safe::printable(&path.display().to_string())],
                ));
                self.install(model, what);
            }
            "discard" => {
                crate::save::recover::discard(&file);
                self.status = Some((
                    StatusKind::Info,
                    t(self.lang, "ui-recovery-file-deleted").into(),
                ));
            }
            _ => {}
        }
    }

    /// A signal ends the explorer: keep unsaved edits in the recovery file. `None` when there
    /// were none.
    pub fn keep_for_recovery(&self, why: &str) -> Option<std::io::Result<PathBuf>> {
        if !self.is_dirty() {
            return None;
        }
        Some(crate::save::recover::write(
            self.file.as_deref(),
            &self.scenario_to_write(),
            why,
        ))
    }
}

/// `lesson.ron` at step 5 → `lesson-step5.ron` beside it.
fn suggest_lesson_copy(path: &Path, step: usize) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "lesson".into());
    let name = format!("{stem}-step{step}.ron");
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(name).display().to_string(),
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::super::tests::{open, status};
    use crate::app::script::press;
    use crate::app::{App, Overlay, Purpose};
    use crate::model::load_file;

    /// A scratch directory, removed when the test ends (passed or failed).
    fn scratch(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("vpc-tui-saving-{name}-"))
            .tempdir()
            .unwrap()
    }

    /// The app on a copy of a scenario in `dir`.
    fn open_copy(name: &str, dir: &Path) -> (App, PathBuf) {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(format!("{name}.ron"));
        let path = dir.join(format!("{name}.ron"));
        std::fs::copy(&src, &path).unwrap();
        let model = load_file(&path).unwrap();
        (App::new(model, Some(path.clone()), name.into()), path)
    }

    fn purpose(app: &App) -> Option<Purpose> {
        match &app.overlay {
            Some(Overlay::Picker(p)) => Some(p.purpose.clone()),
            Some(Overlay::Input(i)) => Some(i.purpose.clone()),
            _ => None,
        }
    }

    fn clear_input(app: &mut App) {
        press(app, "<C-u><End><C-u>");
    }

    #[test]
    fn save_as_writes_a_file_that_loads_again() {
        let tmp = scratch("loads");
        let target = tmp.path().join("edited.ron");
        let mut app = open("private-only");
        press(&mut app, "e/enableDnsHostnames<Enter><Enter>");
        assert!(!app.model.scenario().vpc.enable_dns_hostnames);
        press(&mut app, "W");
        // The input starts with the current path: clear it, then type the new one.
        for _ in 0..400 {
            press(&mut app, "<Bksp>");
        }
        press(&mut app, &format!("{}<Enter>", target.display()));
        assert!(!app.is_dirty(), "{}", status(&app));
        let saved = load_file(&target).unwrap();
        assert_eq!(saved.scenario(), app.model.scenario());
        // Quitting now needs no question.
        press(&mut app, "q");
        assert!(app.quit);
    }

    /// Issue 15 case 4: another program's change is not overwritten without asking.
    #[test]
    fn a_file_changed_on_disk_asks_before_w_overwrites_it() {
        let tmp = scratch("conflict");
        let d = tmp.path();
        let (mut app, path) = open_copy("private-only", d);
        press(&mut app, "1");
        let theirs = format!(
            "// edited elsewhere\n{}",
            std::fs::read_to_string(&path).unwrap()
        );
        std::fs::write(&path, &theirs).unwrap();
        press(&mut app, "w");
        assert!(matches!(purpose(&app), Some(Purpose::SaveConflict { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        // Cancel (the third choice): nothing written, still unsaved.
        press(&mut app, "<Down><Down><Enter>");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        assert!(app.is_dirty());
        // Save as… keeps both.
        press(&mut app, "w<Down><Enter>");
        assert!(matches!(purpose(&app), Some(Purpose::SaveAs)));
        clear_input(&mut app);
        let other = d.join("mine.ron");
        press(&mut app, &format!("{}<Enter>", other.display()));
        assert!(!app.is_dirty());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        assert!(load_file(&other).is_ok());
        // Overwrite, when asked for.
        let (mut app, path) = open_copy("private-only", d);
        press(&mut app, "1");
        std::fs::write(&path, &theirs).unwrap();
        press(&mut app, "w<Enter>");
        assert!(!app.is_dirty());
        assert_ne!(std::fs::read_to_string(&path).unwrap(), theirs);
        // Unchanged on disk: `w` saves at once.
        press(&mut app, "1w");
        assert!(app.overlay.is_none() && !app.is_dirty());
    }

    /// Case 5: save-as onto an existing file asks; a failed save keeps the dialog, the typed
    /// path and the error.
    #[test]
    fn save_as_asks_before_overwriting_and_a_failure_keeps_the_dialog() {
        let tmp = scratch("saveas");
        let d = tmp.path();
        let (mut app, _) = open_copy("private-only", d);
        let existing = d.join("existing.ron");
        std::fs::write(&existing, "precious").unwrap();
        press(&mut app, "1W");
        clear_input(&mut app);
        press(&mut app, &format!("{}<Enter>", existing.display()));
        assert!(matches!(purpose(&app), Some(Purpose::SaveOverwrite { .. })));
        assert_eq!(std::fs::read_to_string(&existing).unwrap(), "precious");
        // Choose another path: back to what was typed.
        press(&mut app, "<Down><Enter>");
        let Some(Overlay::Input(i)) = &app.overlay else {
            panic!("{:?}", app.overlay)
        };
        assert_eq!(i.text, existing.display().to_string());
        // A save that fails keeps the input open with the path and the error.
        clear_input(&mut app);
        let bad = d.join("no-such-dir/x.ron");
        press(&mut app, &format!("{}<Enter>", bad.display()));
        let Some(Overlay::Input(i)) = &app.overlay else {
            panic!("{:?}", app.overlay)
        };
        assert_eq!(i.text, bad.display().to_string());
        assert!(i.hint.contains("Could not save"), "{}", i.hint);
        assert!(app.is_dirty());
        // A device node is refused, and said so.
        clear_input(&mut app);
        press(&mut app, "/dev/null<Enter><Enter>");
        let Some(Overlay::Input(i)) = &app.overlay else {
            panic!("{:?}", app.overlay)
        };
        assert!(i.hint.contains("not a regular file"), "{}", i.hint);
    }

    /// Case 3: saving in a lesson never rewrites the lesson file; it offers a new scenario
    /// without the lesson.
    #[test]
    fn saving_in_a_lesson_keeps_the_lesson_file() {
        let tmp = scratch("lesson");
        let d = tmp.path();
        let (mut app, path) = open_copy("no-endpoint", d);
        let before = std::fs::read(&path).unwrap();
        press(&mut app, "nnnnn1qy");
        assert!(matches!(purpose(&app), Some(Purpose::SaveAs)));
        let Some(Overlay::Input(i)) = &app.overlay else {
            panic!()
        };
        assert!(i.text.ends_with("no-endpoint-step5.ron"), "{}", i.text);
        // Typing the lesson's own name is refused.
        clear_input(&mut app);
        press(&mut app, &format!("{}<Enter>", path.display()));
        assert!(matches!(purpose(&app), Some(Purpose::SaveAs)));
        assert_eq!(std::fs::read(&path).unwrap(), before);
        clear_input(&mut app);
        let copy = d.join("step5.ron");
        press(&mut app, &format!("{}<Enter>", copy.display()));
        assert!(!app.is_dirty(), "{:?}", app.status);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let saved = load_file(&copy).unwrap();
        assert!(saved.scenario().lesson.is_none());
        assert_eq!(saved.scenario().what_if, app.model.scenario().what_if);
        // The lesson still checks out.
        assert!(crate::lesson::check(&load_file(&path).unwrap()).is_empty());
    }

    /// Case 3: stepping through a lesson (back and forth) is not an unsaved edit.
    #[test]
    fn stepping_back_in_a_lesson_is_not_an_unsaved_edit() {
        let mut app = open("no-endpoint");
        press(&mut app, "nnnpp");
        assert!(!app.is_dirty());
        // An edit at a step, then a step back: the step's model replaces the edit (the status
        // says so), so there is nothing to save.
        press(&mut app, "n1");
        assert!(app.is_dirty());
        press(&mut app, "p");
        assert!(!app.is_dirty());
        press(&mut app, "q");
        assert!(app.quit, "{:?}", app.overlay);
    }

    /// Case 7 (signals): unsaved edits go to a recovery file the next start offers back.
    #[test]
    fn kept_edits_are_offered_back() {
        let tmp = scratch("recover");
        let d = tmp.path();
        let (mut app, path) = open_copy("private-only", d);
        assert!(app.keep_for_recovery("SIGTERM").is_none());
        press(&mut app, "1");
        let kept = app.keep_for_recovery("SIGTERM").unwrap().unwrap();
        assert!(kept.starts_with(d));
        let edited = app.model.scenario().clone();
        let (mut app, _) = open_copy("private-only", d);
        app.offer_recovery();
        assert!(matches!(purpose(&app), Some(Purpose::Recover)));
        press(&mut app, "<Enter>");
        assert_eq!(app.model.scenario(), &edited);
        assert!(app.is_dirty());
        press(&mut app, "w");
        assert!(!kept.exists(), "a save makes the recovery file moot");
        assert_eq!(load_file(&path).unwrap().scenario(), &edited);
    }

    /// Case 9: the input is a line editor.
    #[test]
    fn inputs_edit_in_the_middle() {
        let mut app = open("private-only");
        press(&mut app, "W");
        clear_input(&mut app);
        press(&mut app, "ab.ron<Home>x<End>y<Left><Left>Z");
        let Some(Overlay::Input(i)) = &app.overlay else {
            panic!()
        };
        assert_eq!(i.text, "xab.roZny");
        app.paste(&"p".repeat(100_000));
        let Some(Overlay::Input(i)) = &app.overlay else {
            panic!()
        };
        assert_eq!(i.text.chars().count(), crate::app::MAX_INPUT);
        assert!(app.status.as_ref().unwrap().1.contains("cut"));
    }
}

#[cfg(test)]
mod japanese {
    use std::path::Path;

    use crate::app::script::press;
    use crate::app::{App, Overlay};
    use crate::i18n::Lang;
    use crate::model::load_file;

    /// The save dialogs' choices in Japanese: no English label looked up at drawing time.
    #[test]
    fn save_dialogs_read_in_japanese() {
        let tmp = tempfile::Builder::new()
            .prefix("vpc-tui-saving-ja-")
            .tempdir()
            .unwrap();
        let d = tmp.path();
        let path = d.join("private-only.ron");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/private-only.ron"),
            &path,
        )
        .unwrap();
        let mut app = App::new(load_file(&path).unwrap(), Some(path.clone()), "p".into());
        app.set_lang(Lang::Ja);
        press(&mut app, "1");
        let theirs = format!("// x\n{}", std::fs::read_to_string(&path).unwrap());
        std::fs::write(&path, theirs).unwrap();
        press(&mut app, "w");
        let Some(Overlay::Picker(p)) = &app.overlay else {
            panic!("{:?}", app.overlay)
        };
        let labels: Vec<&str> = p.items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(
            labels,
            ["上書きする", "名前を付けて保存…", "キャンセル"],
            "{labels:?}"
        );
        assert!(
            p.items.iter().all(|i| !i.detail.is_ascii()),
            "{:?}",
            p.items
        );
    }
}
