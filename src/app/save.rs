//! Saving the scenario, and quitting with unsaved edits.

use std::path::PathBuf;

use super::{App, Msg, Overlay, StatusKind, flows};
use crate::i18n::tf;
use crate::model;

impl App {
    pub(super) fn save(&mut self) {
        match self.file.clone() {
            Some(path) => self.save_to(path),
            None => self.overlay = Some(Overlay::Input(flows::save_as_input(self))),
        }
    }

    /// Write atomically, then load the written file again: a save that does not load back is
    /// reported, never silent.
    pub fn save_to(&mut self, path: PathBuf) {
        if let Err(e) = model::save_file(self.model.scenario(), &path) {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "Could not save {}: {}",
                    &[&path.display().to_string(), &e.to_string()],
                ),
            ));
            return;
        }
        match model::load_file(&path) {
            Ok(_) => {
                self.saved_version = self.version;
                self.file_label = path.display().to_string();
                self.file = Some(path.clone());
                self.status = Some((
                    StatusKind::Info,
                    tf(
                        self.lang,
                        "Saved {} (it loads and validates again).",
                        &[&path.display().to_string()],
                    ),
                ));
            }
            Err(e) => {
                self.status = Some((
                    StatusKind::Error,
                    tf(
                        self.lang,
                        "Saved {}, but it does not load again: {}",
                        &[&path.display().to_string(), &e.to_string()],
                    ),
                ));
            }
        }
    }

    pub(super) fn update_confirm_quit(&mut self, msg: Msg) {
        match msg {
            Msg::Answer(true) => {
                self.save();
                if !self.is_dirty() {
                    self.quit = true;
                }
            }
            Msg::Answer(false) | Msg::ForceQuit => self.quit = true,
            Msg::Cancel => {}
            _ => self.overlay = Some(Overlay::ConfirmQuit),
        }
    }
}
