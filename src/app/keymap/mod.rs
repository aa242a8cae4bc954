//! The one keymap table. Dispatch, the footer hints and the `?` overlay all read it, so the help
//! cannot drift from the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{App, Msg, Overlay, Tab};
use crate::i18n::{Lang, t};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The main screen.
    Main,
    /// A picker (list of choices).
    Picker,
    /// Typing into a picker's filter or a text input.
    Typing,
    /// The "save before quitting?" question.
    Confirm,
    /// The help and flipped-cells overlays.
    Overlay,
    /// The fixes (or weak points) of the selected path.
    Fixes,
}

impl Context {
    /// Every context, in the order the help lists them.
    pub const ALL: [Context; 6] = [
        Context::Main,
        Context::Picker,
        Context::Typing,
        Context::Confirm,
        Context::Overlay,
        Context::Fixes,
    ];

    /// The id of the message that names the context (`ui.ftl`).
    pub fn title(self) -> &'static str {
        match self {
            Context::Main => "ui-main-screen",
            Context::Picker => "ui-in-list",
            Context::Typing => "ui-typing-filter-address-path",
            Context::Confirm => "ui-unsaved-edits-on-quit",
            Context::Overlay => "ui-help-and-lists",
            Context::Fixes => "ui-in-fixes-list",
        }
    }
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// `1`..`9`: the AZ with that number.
    Digit,
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    /// The keys as the help shows them.
    pub label: &'static str,
    /// For [`Key::Digit`] the message is built from the digit.
    pub msg: Msg,
    /// The id of the message that says what it does (`ui.ftl`).
    pub help: &'static str,
    /// The id of the word the footer shows for it; only the most used keys have one.
    pub footer: Option<&'static str>,
}

mod lists;
mod table;

/// Every binding, the main screen's first: what dispatch, the footer and the help read.
pub fn bindings() -> impl Iterator<Item = &'static Binding> + Clone {
    table::MAIN.iter().chain(lists::LISTS)
}

use Context::*;

/// The context the app is in now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        None => Main,
        Some(Overlay::Picker(p)) if p.filtering => Typing,
        Some(Overlay::Picker(_)) => Picker,
        Some(Overlay::Input(_)) => Typing,
        Some(Overlay::ConfirmQuit) => Confirm,
        Some(Overlay::Help { .. } | Overlay::Flips { .. } | Overlay::Warnings { .. }) => Overlay,
        Some(Overlay::Fixes { .. }) => Fixes,
    }
}

/// The bindings the footer shows now.
pub fn footer(app: &App) -> impl Iterator<Item = &'static Binding> {
    let ctx = context(app);
    bindings().filter(move |b| b.context == ctx && b.footer.is_some())
}

/// The message for a key press in the app's current state; `None` for keys that mean nothing
/// here. Releases and repeats of releases are ignored (Windows reports both).
pub fn msg_for_key(app: &App, key: KeyEvent) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctx = context(app);
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Msg::ForceQuit);
    }
    for binding in bindings().filter(|b| b.context == ctx) {
        for (n, k) in binding.keys.iter().enumerate() {
            let hit = match (*k, key.code) {
                (Key::Char(c), KeyCode::Char(x)) => !ctrl && c == x,
                (Key::Ctrl(c), KeyCode::Char(x)) => ctrl && c == x.to_ascii_lowercase(),
                (Key::Code(c), code) => c == code,
                (Key::Digit, KeyCode::Char('1'..='9')) => !ctrl,
                _ => false,
            };
            if !hit {
                continue;
            }
            return Some(match (&binding.msg, *k, key.code) {
                (Msg::ToggleAz(_), Key::Digit, KeyCode::Char(d)) => {
                    Msg::ToggleAz(d as usize - '1' as usize)
                }
                // The second key of a pair goes the other way: `[` previous, `]` next.
                (Msg::NextSource, _, _) if n == 0 => Msg::PrevSource,
                (Msg::NextTarget, _, _) if n == 0 => Msg::PrevTarget,
                (Msg::NarrationDown, _, _) if n == 0 => Msg::NarrationUp,
                (m, _, _) => *m,
            });
        }
    }
    match (ctx, key.code) {
        (Typing, KeyCode::Char(c)) if !ctrl => Some(Msg::Char(c)),
        _ => None,
    }
}

/// The tab a click on the tab bar's nth title selects.
pub fn tab_at(n: usize) -> Option<Tab> {
    Tab::ALL.get(n).copied()
}

/// The keymap as a Markdown table, grouped by context: the README's keybinding table (a test
/// keeps the two equal).
pub fn markdown() -> String {
    let mut out = String::from("| where | keys | what it does |\n| --- | --- | --- |\n");
    for b in bindings() {
        out.push_str(&format!(
            "| {} | `{}` | {} |\n",
            t(Lang::En, b.context.title()),
            b.label,
            t(Lang::En, b.help)
        ));
    }
    out
}
