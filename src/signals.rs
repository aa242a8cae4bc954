//! Signals that end the explorer (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2)
//! are caught: a thread notes which one came, the event loop sees it within a tenth of a
//! second, restores the terminal, keeps unsaved edits in a recovery file and exits with
//! 128 + the signal. If the loop is stuck, the thread restores the terminal itself and exits.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use signal_hook::consts::signal::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
use signal_hook::iterator::Signals;

pub const CAUGHT: [i32; 7] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGALRM, SIGUSR1, SIGUSR2];

/// How long the event loop has to handle a signal before the watcher thread exits for it.
const GRACE: Duration = Duration::from_secs(3);

/// The signal that asked the explorer to end, once one came.
#[derive(Clone)]
pub struct Watch {
    got: Arc<AtomicI32>,
}

impl Watch {
    /// Catch the signals from now on. `Err` when they cannot be caught (the explorer then runs
    /// as before, with the default actions).
    /// What it says on standard error is in `lang`.
    pub fn install(lang: crate::i18n::Lang) -> std::io::Result<Watch> {
        let got = Arc::new(AtomicI32::new(0));
        let mut signals = Signals::new(CAUGHT)?;
        let seen = Arc::clone(&got);
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                seen.store(sig, Ordering::SeqCst);
                std::thread::sleep(GRACE);
                // The event loop did not end the process in time: put the terminal back.
                crate::tui::restore();
                // Not eprintln!: with the terminal gone the write fails, and a panic here
                // would leave the process running.
                let _ = writeln!(
                    std::io::stderr(),
                    "{}",
                    crate::i18n::tf(lang, "ui-signal-too-slow", &[name(sig)])
                );
                std::process::exit(128 + sig);
            }
        });
        Ok(Watch { got })
    }

    pub fn pending(&self) -> Option<i32> {
        match self.got.load(Ordering::SeqCst) {
            0 => None,
            s => Some(s),
        }
    }
}

/// `SIGTERM` for 15.
pub fn name(sig: i32) -> &'static str {
    match sig {
        SIGTERM => "SIGTERM",
        SIGHUP => "SIGHUP",
        SIGINT => "SIGINT",
        SIGQUIT => "SIGQUIT",
        SIGALRM => "SIGALRM",
        SIGUSR1 => "SIGUSR1",
        SIGUSR2 => "SIGUSR2",
        _ => "a signal",
    }
}
