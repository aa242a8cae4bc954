//! A path's facts as sentences: each hop, each route decision, where the path stopped and why,
//! the notes, and the one-line summary of the verdict.

pub use super::hops::*;
pub use super::notes::*;
pub use super::query::*;
pub use super::security::*;
pub use super::stops::*;
pub use super::summary::*;
pub use super::words::*;
