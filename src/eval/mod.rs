//! Pure path evaluation: model + what-if → explained path traces. No UI types here.

mod dns;
mod matrix;
mod path;
mod route;
mod trace;

pub use matrix::{Matrix, MatrixCell, evaluate_all};
pub use path::{From, Query, QueryError, To, evaluate};
pub use trace::*;
