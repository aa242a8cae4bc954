//! The terminal: set up, the event loop, and restoring the terminal on every way out (quit,
//! error, panic). The loop blocks on the next event and draws only after one: nothing redraws
//! on a timer.

use std::io::{self, Stdout, Write};

use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
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
            MouseEventKind::ScrollDown => Some(Msg::WheelDown(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Msg::WheelUp(m.column, m.row)),
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
            Event::Paste(text) if keymap::context(app) == keymap::Context::Typing => {
                // One event, inserted in one go: a long paste costs its length, not its
                // length squared.
                app.paste(text);
                terminal.draw(|f| ui::render(f, app)).map_err(to_io)?;
                continue;
            }
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
        DisableBracketedPaste,
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
    if let Err(e) = execute!(
        stdout,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    ) {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())
}

/// Does the terminal draw East Asian ambiguous-width characters (box drawing, arrows) two
/// cells wide? Print one at the top-left corner and ask where the cursor went. A terminal that
/// does not answer counts as narrow.
fn ambiguous_is_wide() -> bool {
    use ratatui::crossterm::cursor::{MoveTo, position};
    use ratatui::crossterm::style::Print;
    if execute!(io::stdout(), MoveTo(0, 0), Print("→")).is_err() {
        return false;
    }
    let wide = matches!(position(), Ok((2, _)));
    let _ = execute!(
        io::stdout(),
        MoveTo(0, 0),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    );
    wide
}

/// Whether the terminal on standard input is gone. On Linux a closed pseudo-terminal shows as a
/// deleted file; elsewhere this never says so.
fn terminal_gone() -> bool {
    #[cfg(target_os = "linux")]
    {
        std::fs::read_link("/proc/self/fd/0")
            .is_ok_and(|p| p.to_string_lossy().ends_with(" (deleted)"))
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// The real terminal: set up, run until quit, restore (also when the loop fails).
pub fn run_terminal(app: &mut App) -> io::Result<()> {
    install_panic_hook();
    // Signals that end the program restore the terminal and keep unsaved edits (see
    // `crate::signals`); without them the explorer still runs, as before.
    let watch = crate::signals::Watch::install(app.lang).ok();
    // A terminal that goes away without a hangup signal reaching us (its window closed, `tmux
    // kill-server`) reads as end of file for ever, and crossterm's wait spins on it without
    // returning: a watcher thread raises the hangup itself, so the signal path above ends the
    // explorer as it would for a real one.
    if watch.is_some() {
        std::thread::spawn(|| {
            loop {
                std::thread::sleep(std::time::Duration::from_millis(500));
                if terminal_gone() {
                    let _ = signal_hook::low_level::raise(signal_hook::consts::signal::SIGHUP);
                    return;
                }
            }
        });
    }
    let mut terminal = setup()?;
    if !app.ascii && ambiguous_is_wide() {
        app.ascii = true;
    }
    // Wait for the next event, looking for a caught signal ten times a second (nothing is
    // drawn meanwhile).
    let events = std::iter::from_fn(|| {
        loop {
            if watch.as_ref().is_some_and(|w| w.pending().is_some()) {
                return None;
            }
            match event::poll(std::time::Duration::from_millis(100)) {
                Ok(true) => return Some(event::read()),
                Ok(false) => {}
                Err(e) => return Some(Err(e)),
            }
        }
    });
    let result = run(&mut terminal, app, events);
    restore();
    if let Some(sig) = watch.and_then(|w| w.pending()) {
        let name = crate::signals::name(sig);
        // Written without eprintln!: when the terminal is gone the write fails, which must not
        // turn into a panic.
        let said = match app.keep_for_recovery(name) {
            Some(Ok(path)) => Some(crate::i18n::tf(
                app.lang,
                "ui-signal-edits-kept",
                &[
                    name,
                    &crate::term_safe::printable(&path.display().to_string()),
                ],
            )),
            Some(Err(e)) => Some(crate::i18n::tf(
                app.lang,
                "ui-signal-edits-lost",
                &[name, &crate::term_safe::printable(&e.to_string())],
            )),
            None => None,
        };
        if let Some(line) = said {
            let _ = writeln!(io::stderr(), "{line}");
        }
        std::process::exit(128 + sig);
    }
    result
}
