//! The one keymap table. Dispatch, the footer hints and the `?` overlay all read it, so the help
//! cannot drift from the keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{App, Msg, Overlay, Tab};

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
}

impl Context {
    /// The id of the message that names the context (`ui.ftl`).
    pub fn title(self) -> &'static str {
        match self {
            Context::Main => "ui-main-screen",
            Context::Picker => "ui-in-list",
            Context::Typing => "ui-typing-filter-address-path",
            Context::Confirm => "ui-unsaved-edits-on-quit",
            Context::Overlay => "ui-help-and-lists",
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
    pub help: &'static str,
    /// The word the footer shows for it; only the most used keys have one.
    pub footer: Option<&'static str>,
}

const fn b(
    context: Context,
    keys: &'static [Key],
    label: &'static str,
    msg: Msg,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        label,
        msg,
        help,
        footer,
    }
}

use Context::*;
use Key::{Char as C, Code, Ctrl};

pub static KEYMAP: &[Binding] = &[
    b(
        Main,
        &[C('q')],
        "q",
        Msg::Quit,
        "quit (asks first if there are unsaved edits)",
        Some("quit"),
    ),
    b(
        Main,
        &[Ctrl('c')],
        "Ctrl-c",
        Msg::ForceQuit,
        "quit now, without saving",
        None,
    ),
    b(Main, &[C('?')], "?", Msg::Help, "this help", Some("help")),
    b(
        Main,
        &[C('s')],
        "s",
        Msg::PickSource,
        "choose the source (instance or subnet)",
        Some("source"),
    ),
    b(
        Main,
        &[C('t')],
        "t",
        Msg::PickTarget,
        "choose the target (service, workload, address)",
        Some("target"),
    ),
    b(
        Main,
        &[C('['), C(']')],
        "[ ]",
        Msg::NextSource,
        "previous / next source",
        None,
    ),
    b(
        Main,
        &[C('{'), C('}')],
        "{ }",
        Msg::NextTarget,
        "previous / next target",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::Tab)],
        "Tab",
        Msg::NextTab,
        "next panel",
        Some("panel"),
    ),
    b(
        Main,
        &[Code(KeyCode::BackTab)],
        "S-Tab",
        Msg::PrevTab,
        "previous panel",
        None,
    ),
    b(
        Main,
        &[C('k'), Code(KeyCode::Up)],
        "k ↑",
        Msg::Up,
        "Topology: previous source · Matrix: move · others: scroll",
        None,
    ),
    b(
        Main,
        &[C('j'), Code(KeyCode::Down)],
        "j ↓",
        Msg::Down,
        "Topology: next source · Matrix: move · others: scroll",
        None,
    ),
    b(
        Main,
        &[C('h'), Code(KeyCode::Left)],
        "h ←",
        Msg::Left,
        "previous target (Matrix: move left)",
        None,
    ),
    b(
        Main,
        &[C('l'), Code(KeyCode::Right)],
        "l →",
        Msg::Right,
        "next target (Matrix: move right)",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::PageUp), Ctrl('u')],
        "PgUp",
        Msg::PageUp,
        "page up",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::PageDown), Ctrl('d')],
        "PgDn",
        Msg::PageDown,
        "page down",
        None,
    ),
    b(
        Main,
        &[C('g'), Code(KeyCode::Home)],
        "g",
        Msg::Home,
        "top",
        None,
    ),
    b(
        Main,
        &[C('G'), Code(KeyCode::End)],
        "G",
        Msg::End,
        "bottom",
        None,
    ),
    b(
        Main,
        &[C('J')],
        "J",
        Msg::PathDown,
        "scroll the path panel down",
        None,
    ),
    b(
        Main,
        &[C('K')],
        "K",
        Msg::PathUp,
        "scroll the path panel up",
        None,
    ),
    b(
        Main,
        &[Ctrl('f')],
        "Ctrl-f",
        Msg::PathPageDown,
        "page the path panel down",
        None,
    ),
    b(
        Main,
        &[Ctrl('b')],
        "Ctrl-b",
        Msg::PathPageUp,
        "page the path panel up",
        None,
    ),
    b(
        Main,
        &[Key::Digit],
        "1-9",
        Msg::ToggleAz(0),
        "fail / restore the AZ with that number",
        Some("fail AZ"),
    ),
    b(
        Main,
        &[C('e')],
        "e",
        Msg::EditMenu,
        "edit the model (routes, endpoints, NAT, DNS, ...)",
        Some("edit"),
    ),
    b(Main, &[C('u')], "u", Msg::Undo, "undo", Some("undo")),
    b(Main, &[Ctrl('r')], "Ctrl-r", Msg::Redo, "redo", None),
    b(
        Main,
        &[C('r')],
        "r",
        Msg::Reset,
        "reset to the file as loaded (redo brings edits back)",
        None,
    ),
    b(
        Main,
        &[C('c')],
        "c",
        Msg::ShowFlips,
        "list the matrix cells the last change flipped",
        None,
    ),
    b(
        Main,
        &[C('w')],
        "w",
        Msg::Save,
        "save (atomic; asks for a path for the built-in scenario)",
        Some("save"),
    ),
    b(Main, &[C('W')], "W", Msg::SaveAs, "save as", None),
    b(
        Main,
        &[C('n')],
        "n",
        Msg::NextStep,
        "lesson: next step (starts the lesson)",
        None,
    ),
    b(
        Main,
        &[C('p')],
        "p",
        Msg::PrevStep,
        "lesson: previous step (restores its exact state)",
        None,
    ),
    b(
        Main,
        &[C('a')],
        "a",
        Msg::AnswerQuestion,
        "lesson: answer the question (reachable or not)",
        None,
    ),
    b(
        Main,
        &[C('Q')],
        "Q",
        Msg::ToggleQuiz,
        "lesson: quiz mode on / off",
        None,
    ),
    b(
        Main,
        &[C('A')],
        "A",
        Msg::ResetScore,
        "lesson: reset the score",
        None,
    ),
    b(
        Main,
        &[C('P')],
        "P",
        Msg::TogglePresenter,
        "presenter layout (narration and path large)",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::Enter)],
        "Enter",
        Msg::Enter,
        "Matrix: show the selected cell's path",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::Esc)],
        "Esc",
        Msg::Cancel,
        "clear the status line",
        None,
    ),
    b(
        Picker,
        &[C('k'), Code(KeyCode::Up)],
        "k ↑",
        Msg::Up,
        "up",
        None,
    ),
    b(
        Picker,
        &[C('j'), Code(KeyCode::Down)],
        "j ↓",
        Msg::Down,
        "down",
        Some("move"),
    ),
    b(
        Picker,
        &[Code(KeyCode::PageUp)],
        "PgUp",
        Msg::PageUp,
        "page up",
        None,
    ),
    b(
        Picker,
        &[Code(KeyCode::PageDown)],
        "PgDn",
        Msg::PageDown,
        "page down",
        None,
    ),
    b(
        Picker,
        &[C('g'), Code(KeyCode::Home)],
        "g",
        Msg::Home,
        "first",
        None,
    ),
    b(
        Picker,
        &[C('G'), Code(KeyCode::End)],
        "G",
        Msg::End,
        "last",
        None,
    ),
    b(
        Picker,
        &[Code(KeyCode::Enter)],
        "Enter",
        Msg::Enter,
        "choose",
        Some("choose"),
    ),
    b(
        Picker,
        &[C('/')],
        "/",
        Msg::StartFilter,
        "filter by typing",
        Some("filter"),
    ),
    b(
        Picker,
        &[Code(KeyCode::Esc), C('q')],
        "Esc",
        Msg::Cancel,
        "close",
        Some("close"),
    ),
    b(
        Typing,
        &[Code(KeyCode::Enter)],
        "Enter",
        Msg::Enter,
        "accept",
        Some("accept"),
    ),
    b(
        Typing,
        &[Code(KeyCode::Backspace)],
        "Bksp",
        Msg::Backspace,
        "delete a character",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Left)],
        "←",
        Msg::Left,
        "move the cursor",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Right)],
        "→",
        Msg::Right,
        "move the cursor",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Home), Ctrl('a')],
        "Home/Ctrl-a",
        Msg::Home,
        "start / end of the line",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::End), Ctrl('e')],
        "End/Ctrl-e",
        Msg::End,
        "start / end of the line",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Delete)],
        "Del",
        Msg::Line(super::LineKey::Delete),
        "delete the character under the cursor",
        None,
    ),
    b(
        Typing,
        &[Ctrl('u')],
        "Ctrl-u",
        Msg::Line(super::LineKey::KillToStart),
        "delete to the start of the line",
        None,
    ),
    b(
        Typing,
        &[Ctrl('w')],
        "Ctrl-w",
        Msg::Line(super::LineKey::KillWord),
        "delete the word before the cursor",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Up)],
        "↑",
        Msg::Up,
        "up (filter)",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Down)],
        "↓",
        Msg::Down,
        "down (filter)",
        Some("move"),
    ),
    b(
        Typing,
        &[Code(KeyCode::Esc)],
        "Esc",
        Msg::Cancel,
        "stop typing / close",
        Some("stop"),
    ),
    b(
        Confirm,
        &[C('y')],
        "y",
        Msg::Answer(true),
        "save, then quit",
        Some("save and quit"),
    ),
    b(
        Confirm,
        &[C('n')],
        "n",
        Msg::Answer(false),
        "quit without saving",
        Some("quit without saving"),
    ),
    b(
        Confirm,
        &[Code(KeyCode::Esc)],
        "Esc",
        Msg::Cancel,
        "stay",
        Some("stay"),
    ),
    b(
        Overlay,
        &[C('j'), Code(KeyCode::Down)],
        "j ↓",
        Msg::Down,
        "scroll",
        Some("scroll"),
    ),
    b(
        Overlay,
        &[C('k'), Code(KeyCode::Up)],
        "k ↑",
        Msg::Up,
        "scroll",
        None,
    ),
    b(
        Overlay,
        &[Code(KeyCode::Esc), C('q'), C('?')],
        "Esc",
        Msg::Cancel,
        "close",
        Some("close"),
    ),
];

/// The context the app is in now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        None => Main,
        Some(Overlay::Picker(p)) if p.filtering => Typing,
        Some(Overlay::Picker(_)) => Picker,
        Some(Overlay::Input(_)) => Typing,
        Some(Overlay::ConfirmQuit) => Confirm,
        Some(Overlay::Help { .. } | Overlay::Flips { .. }) => Overlay,
    }
}

/// The bindings the footer shows now.
pub fn footer(app: &App) -> impl Iterator<Item = &'static Binding> {
    let ctx = context(app);
    KEYMAP
        .iter()
        .filter(move |b| b.context == ctx && b.footer.is_some())
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
    for binding in KEYMAP.iter().filter(|b| b.context == ctx) {
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
    for b in KEYMAP {
        out.push_str(&format!(
            "| {} | `{}` | {} |\n",
            crate::i18n::t(crate::i18n::Lang::En, b.context.title()),
            b.label,
            b.help
        ));
    }
    out
}
