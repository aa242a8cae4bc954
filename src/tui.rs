//! The terminal: set up, the event loop, and restoring the terminal on every way out (quit,
//! error, panic). The loop blocks on the next event and draws only after one: nothing redraws
//! on a timer.

use std::io::{self, Stdout};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;

use crate::app::{App, Msg, keymap};
use crate::ui;

/// The message an input event means in the app's current state, if any.
pub fn msg_for_event(app: &App, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(k) => keymap::msg_for_key(app, *k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let area = Rect::new(0, 0, app.size.0, app.size.1);
                ui::hit_test(app, area, m.column, m.row)
            }
            MouseEventKind::ScrollDown => Some(Msg::Down),
            MouseEventKind::ScrollUp => Some(Msg::Up),
            _ => None,
        },
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        _ => None,
    }
}

/// Run the app on any backend with any source of events (tests pass a fixed list). Draws the
/// first frame at once, then once after every event that meant something.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: impl IntoIterator<Item = io::Result<Event>>,
) -> io::Result<()>
where
    B::Error: std::fmt::Display,
{
    let to_io = |e: B::Error| io::Error::other(e.to_string());
    let size = terminal.size().map_err(to_io)?;
    app.update(Msg::Resize(size.width, size.height));
    terminal.draw(|f| ui::render(f, app)).map_err(to_io)?;
    for event in events {
        let event = event?;
        let msgs: Vec<Msg> = match &event {
            Event::Paste(text) if keymap::context(app) == keymap::Context::Typing => text
                .chars()
                .filter(|c| !c.is_control())
                .map(Msg::Char)
                .collect(),
            other => msg_for_event(app, other).into_iter().collect(),
        };
        if msgs.is_empty() {
            continue;
        }
        for msg in msgs {
            app.update(msg);
        }
        if app.quit {
            break;
        }
        terminal.draw(|f| ui::render(f, app)).map_err(to_io)?;
    }
    Ok(())
}

/// Put the terminal back as the shell had it. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Restore the terminal before the default hook prints a panic, so the message is readable
/// and the shell usable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

fn setup() -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableMouseCapture) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())
}

/// The real terminal: set up, run until quit, restore (also when the loop fails).
pub fn run_terminal(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    let mut terminal = setup()?;
    let result = run(
        &mut terminal,
        app,
        std::iter::from_fn(|| Some(event::read())),
    );
    restore();
    result
}
