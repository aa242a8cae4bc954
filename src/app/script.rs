//! Key scripts: drive the app with keys written as text, through the same keymap a terminal
//! uses. For tests, the screenshot command and demos.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, keymap};

/// Press keys written as text: plain characters, and `<Enter>`, `<Esc>`, `<Tab>`, `<BackTab>`,
/// `<Up>`, `<Down>`, `<Left>`, `<Right>`, `<Bksp>`, `<Del>`, `<Home>`, `<End>`, `<PgUp>`, `<PgDn>`, `<C-r>`, `<C-c>`, `<lt>` for `<`. Keys the
/// current state ignores are ignored, as a terminal's would be.
pub fn press(app: &mut App, script: &str) {
    let mut rest = script;
    while let Some(c) = rest.chars().next() {
        let (key, len) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let name = &rest[1..end];
            let key = match name {
                "Enter" => KeyEvent::from(KeyCode::Enter),
                "Esc" => KeyEvent::from(KeyCode::Esc),
                "Tab" => KeyEvent::from(KeyCode::Tab),
                "BackTab" => KeyEvent::from(KeyCode::BackTab),
                "Up" => KeyEvent::from(KeyCode::Up),
                "Down" => KeyEvent::from(KeyCode::Down),
                "Left" => KeyEvent::from(KeyCode::Left),
                "Right" => KeyEvent::from(KeyCode::Right),
                "Bksp" => KeyEvent::from(KeyCode::Backspace),
                "Del" => KeyEvent::from(KeyCode::Delete),
                "Home" => KeyEvent::from(KeyCode::Home),
                "End" => KeyEvent::from(KeyCode::End),
                "PgUp" => KeyEvent::from(KeyCode::PageUp),
                "PgDn" => KeyEvent::from(KeyCode::PageDown),
                "lt" => KeyEvent::from(KeyCode::Char('<')),
                other => match other.strip_prefix("C-").and_then(|c| c.chars().next()) {
                    Some(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
                    None => KeyEvent::from(KeyCode::Null),
                },
            };
            (key, end + 1)
        } else {
            (KeyEvent::from(KeyCode::Char(c)), c.len_utf8())
        };
        if let Some(msg) = keymap::msg_for_key(app, key) {
            app.update(msg);
        }
        rest = &rest[len..];
    }
}
