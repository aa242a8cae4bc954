//! Pure path evaluation: model + what-if → explained path traces. No UI types here.

/// A sentence for a trace, or nothing when sentences are off (the matrix needs verdicts only).
macro_rules! say {
    ($detail:expr, $($arg:tt)*) => {
        if $detail {
            format!($($arg)*)
        } else {
            String::new()
        }
    };
}

mod dns;
mod matrix;
mod path;
mod route;
mod trace;

pub use matrix::{Matrix, MatrixCell, evaluate_all};
pub use path::{From, Query, QueryError, To, evaluate};
pub use trace::*;
