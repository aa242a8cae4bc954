//! Quitting with unsaved edits (saving itself is `saving.rs`).

use super::{App, Msg, Overlay};

impl App {
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
