//! Pure path evaluation: model + what-if → explained path traces. No UI types here.

/// `format!` for the text of a trace, through [`text`]: one allocation of the exact size.
macro_rules! text {
    ($($arg:tt)*) => {
        $crate::eval::text(format_args!($($arg)*))
    };
}

/// A sentence for a trace, or nothing when sentences are off (the matrix needs verdicts only).
macro_rules! say {
    ($detail:expr, $($arg:tt)*) => {
        if $detail {
            text!($($arg)*)
        } else {
            String::new()
        }
    };
}

/// What `format!` makes, written first into a buffer kept by the thread and then copied once
/// into a string of the exact size: `format!` guesses the size from the literal text alone, and
/// a trace's sentences, which are mostly arguments, grow it several times each.
pub(crate) fn text(args: std::fmt::Arguments<'_>) -> String {
    use std::cell::RefCell;
    use std::fmt::Write;
    thread_local! {
        static BUFFER: RefCell<String> = RefCell::new(String::with_capacity(1024));
    }
    if let Some(s) = args.as_str() {
        return s.to_string();
    }
    BUFFER.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            // Writing to a `String` fails only if a `Display` impl fails, as `format!` assumes.
            let _ = buffer.write_fmt(args);
            buffer.as_str().to_string()
        }
        // Only if an argument's `Display` makes a trace's text itself.
        Err(_) => std::fmt::format(args),
    })
}

/// Pieces of a sentence joined into one string of the exact size, without the formatter: for
/// the sentences a trace writes on every path, whose arguments are all text already.
pub(crate) fn concat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        s.push_str(p);
    }
    s
}

mod dns;
mod matrix;
mod path;
mod route;
mod trace;

pub use matrix::{Matrix, MatrixCell, evaluate_all};
pub use path::{From, Query, QueryError, To, evaluate};
pub use trace::*;
