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
    /// The id of the message that says what it does (`ui.ftl`).
    pub help: &'static str,
    /// The id of the word the footer shows for it; only the most used keys have one.
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
        "ui-quit-asks-first-if-there-are",
        Some("ui-quit"),
    ),
    b(
        Main,
        &[Ctrl('c')],
        "Ctrl-c",
        Msg::ForceQuit,
        "ui-quit-now-without-saving",
        None,
    ),
    b(
        Main,
        &[C('?')],
        "?",
        Msg::Help,
        "ui-this-help",
        Some("ui-help"),
    ),
    b(
        Main,
        &[C('s')],
        "s",
        Msg::PickSource,
        "ui-choose-source-instance-or-subnet",
        Some("ui-source"),
    ),
    b(
        Main,
        &[C('t')],
        "t",
        Msg::PickTarget,
        "ui-choose-target-service-workload-address",
        Some("ui-target"),
    ),
    b(
        Main,
        &[C('['), C(']')],
        "[ ]",
        Msg::NextSource,
        "ui-previous-next-source",
        None,
    ),
    b(
        Main,
        &[C('{'), C('}')],
        "{ }",
        Msg::NextTarget,
        "ui-previous-next-target",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::Tab)],
        "Tab",
        Msg::NextTab,
        "ui-next-panel",
        Some("ui-panel"),
    ),
    b(
        Main,
        &[Code(KeyCode::BackTab)],
        "S-Tab",
        Msg::PrevTab,
        "ui-previous-panel",
        None,
    ),
    b(
        Main,
        &[C('k'), Code(KeyCode::Up)],
        "k ↑",
        Msg::Up,
        "ui-topology-previous-source-matrix-move-others",
        None,
    ),
    b(
        Main,
        &[C('j'), Code(KeyCode::Down)],
        "j ↓",
        Msg::Down,
        "ui-topology-next-source-matrix-move-others",
        None,
    ),
    b(
        Main,
        &[C('h'), Code(KeyCode::Left)],
        "h ←",
        Msg::Left,
        "ui-previous-target-matrix-move-left",
        None,
    ),
    b(
        Main,
        &[C('l'), Code(KeyCode::Right)],
        "l →",
        Msg::Right,
        "ui-next-target-matrix-move-right",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::PageUp), Ctrl('u')],
        "PgUp",
        Msg::PageUp,
        "ui-page-up",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::PageDown), Ctrl('d')],
        "PgDn",
        Msg::PageDown,
        "ui-page-down",
        None,
    ),
    b(
        Main,
        &[C('g'), Code(KeyCode::Home)],
        "g",
        Msg::Home,
        "ui-top",
        None,
    ),
    b(
        Main,
        &[C('G'), Code(KeyCode::End)],
        "G",
        Msg::End,
        "ui-bottom",
        None,
    ),
    b(
        Main,
        &[C('J')],
        "J",
        Msg::PathDown,
        "ui-scroll-path-panel-down",
        None,
    ),
    b(
        Main,
        &[C('K')],
        "K",
        Msg::PathUp,
        "ui-scroll-path-panel-up",
        None,
    ),
    b(
        Main,
        &[Ctrl('f')],
        "Ctrl-f",
        Msg::PathPageDown,
        "ui-page-path-panel-down",
        None,
    ),
    b(
        Main,
        &[Ctrl('b')],
        "Ctrl-b",
        Msg::PathPageUp,
        "ui-page-path-panel-up",
        None,
    ),
    b(
        Main,
        &[Key::Digit],
        "1-9",
        Msg::ToggleAz(0),
        "ui-fail-restore-az-with-that-number",
        Some("ui-fail-az"),
    ),
    b(
        Main,
        &[C('e')],
        "e",
        Msg::EditMenu,
        "ui-edit-model-routes-endpoints-nat-dns",
        Some("ui-edit"),
    ),
    b(
        Main,
        &[C('u')],
        "u",
        Msg::Undo,
        "ui-undo-2",
        Some("ui-undo-2"),
    ),
    b(Main, &[Ctrl('r')], "Ctrl-r", Msg::Redo, "ui-redo-2", None),
    b(
        Main,
        &[C('r')],
        "r",
        Msg::Reset,
        "ui-reset-to-file-as-loaded-redo",
        None,
    ),
    b(
        Main,
        &[C('c')],
        "c",
        Msg::ShowFlips,
        "ui-list-matrix-cells-last-change-flipped",
        None,
    ),
    b(
        Main,
        &[C('!')],
        "!",
        Msg::ShowWarnings,
        "ui-list-warnings",
        None,
    ),
    b(
        Main,
        &[C('w')],
        "w",
        Msg::Save,
        "ui-save-atomic-asks-for-path-for",
        Some("ui-save"),
    ),
    b(Main, &[C('W')], "W", Msg::SaveAs, "ui-save-as-2", None),
    b(
        Main,
        &[C('n')],
        "n",
        Msg::NextStep,
        "ui-lesson-next-step-starts-lesson",
        None,
    ),
    b(
        Main,
        &[C('p')],
        "p",
        Msg::PrevStep,
        "ui-lesson-previous-step-restores-its-exact",
        None,
    ),
    b(
        Main,
        &[C('a')],
        "a",
        Msg::AnswerQuestion,
        "ui-lesson-answer-question-reachable-or-not",
        None,
    ),
    b(
        Main,
        &[C('Q')],
        "Q",
        Msg::ToggleQuiz,
        "ui-lesson-quiz-mode-on-off",
        None,
    ),
    b(
        Main,
        &[C('A')],
        "A",
        Msg::ResetScore,
        "ui-lesson-reset-score",
        None,
    ),
    b(
        Main,
        &[C('<'), C('>')],
        "< >",
        Msg::NarrationDown,
        "ui-lesson-scroll-narration",
        None,
    ),
    b(
        Main,
        &[C('P')],
        "P",
        Msg::TogglePresenter,
        "ui-presenter-layout-narration-and-path-large",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::Enter)],
        "Enter",
        Msg::Enter,
        "ui-matrix-show-selected-cells-path",
        None,
    ),
    b(
        Main,
        &[Code(KeyCode::Esc)],
        "Esc",
        Msg::Cancel,
        "ui-clear-status-line",
        None,
    ),
    b(
        Picker,
        &[C('k'), Code(KeyCode::Up)],
        "k ↑",
        Msg::Up,
        "ui-up",
        None,
    ),
    b(
        Picker,
        &[C('j'), Code(KeyCode::Down)],
        "j ↓",
        Msg::Down,
        "ui-down",
        Some("ui-move"),
    ),
    b(
        Picker,
        &[Code(KeyCode::PageUp)],
        "PgUp",
        Msg::PageUp,
        "ui-page-up",
        None,
    ),
    b(
        Picker,
        &[Code(KeyCode::PageDown)],
        "PgDn",
        Msg::PageDown,
        "ui-page-down",
        None,
    ),
    b(
        Picker,
        &[C('g'), Code(KeyCode::Home)],
        "g",
        Msg::Home,
        "ui-first",
        None,
    ),
    b(
        Picker,
        &[C('G'), Code(KeyCode::End)],
        "G",
        Msg::End,
        "ui-last",
        None,
    ),
    b(
        Picker,
        &[Code(KeyCode::Enter)],
        "Enter",
        Msg::Enter,
        "ui-choose",
        Some("ui-choose"),
    ),
    b(
        Picker,
        &[C('/')],
        "/",
        Msg::StartFilter,
        "ui-filter-by-typing",
        Some("ui-filter"),
    ),
    b(
        Picker,
        &[Code(KeyCode::Esc), C('q')],
        "Esc",
        Msg::Cancel,
        "ui-close",
        Some("ui-close"),
    ),
    b(
        Typing,
        &[Code(KeyCode::Enter)],
        "Enter",
        Msg::Enter,
        "ui-accept",
        Some("ui-accept"),
    ),
    b(
        Typing,
        &[Code(KeyCode::Backspace)],
        "Bksp",
        Msg::Backspace,
        "ui-delete-character",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Left)],
        "←",
        Msg::Left,
        "ui-move-cursor",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Right)],
        "→",
        Msg::Right,
        "ui-move-cursor",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Home), Ctrl('a')],
        "Home/Ctrl-a",
        Msg::Home,
        "ui-start-end-of-line",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::End), Ctrl('e')],
        "End/Ctrl-e",
        Msg::End,
        "ui-start-end-of-line",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Delete)],
        "Del",
        Msg::Line(super::LineKey::Delete),
        "ui-delete-character-under-cursor",
        None,
    ),
    b(
        Typing,
        &[Ctrl('u')],
        "Ctrl-u",
        Msg::Line(super::LineKey::KillToStart),
        "ui-delete-to-start-of-line",
        None,
    ),
    b(
        Typing,
        &[Ctrl('w')],
        "Ctrl-w",
        Msg::Line(super::LineKey::KillWord),
        "ui-delete-word-before-cursor",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Up)],
        "↑",
        Msg::Up,
        "ui-up-filter",
        None,
    ),
    b(
        Typing,
        &[Code(KeyCode::Down)],
        "↓",
        Msg::Down,
        "ui-down-filter",
        Some("ui-move"),
    ),
    b(
        Typing,
        &[Code(KeyCode::Esc)],
        "Esc",
        Msg::Cancel,
        "ui-stop-typing-close",
        Some("ui-stop"),
    ),
    b(
        Confirm,
        &[C('y')],
        "y",
        Msg::Answer(true),
        "ui-save-then-quit",
        Some("ui-save-and-quit"),
    ),
    b(
        Confirm,
        &[C('n')],
        "n",
        Msg::Answer(false),
        "ui-quit-without-saving",
        Some("ui-quit-without-saving"),
    ),
    b(
        Confirm,
        &[Code(KeyCode::Esc)],
        "Esc",
        Msg::Cancel,
        "ui-stay",
        Some("ui-stay"),
    ),
    b(
        Overlay,
        &[C('j'), Code(KeyCode::Down)],
        "j ↓",
        Msg::Down,
        "ui-scroll",
        Some("ui-scroll"),
    ),
    b(
        Overlay,
        &[C('k'), Code(KeyCode::Up)],
        "k ↑",
        Msg::Up,
        "ui-scroll",
        None,
    ),
    b(
        Overlay,
        &[Code(KeyCode::PageDown), Ctrl('d')],
        "PgDn",
        Msg::PageDown,
        "ui-page-down",
        None,
    ),
    b(
        Overlay,
        &[Code(KeyCode::PageUp), Ctrl('u')],
        "PgUp",
        Msg::PageUp,
        "ui-page-up",
        None,
    ),
    b(
        Overlay,
        &[C('g'), Code(KeyCode::Home)],
        "g",
        Msg::Home,
        "ui-top",
        None,
    ),
    b(
        Overlay,
        &[C('G'), Code(KeyCode::End)],
        "G",
        Msg::End,
        "ui-bottom",
        None,
    ),
    b(
        Overlay,
        &[Code(KeyCode::Esc), C('q'), C('?')],
        "Esc",
        Msg::Cancel,
        "ui-close",
        Some("ui-close"),
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
        Some(Overlay::Help { .. } | Overlay::Flips { .. } | Overlay::Warnings { .. }) => Overlay,
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
    for b in KEYMAP {
        out.push_str(&format!(
            "| {} | `{}` | {} |\n",
            t(Lang::En, b.context.title()),
            b.label,
            t(Lang::En, b.help)
        ));
    }
    out
}
