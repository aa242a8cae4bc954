//! Route selection as facts: routes, matches, decisions and the rule that chose (aws-semantics.md §1).

use serde::Serialize;

use super::*;

pub use crate::model::{RouteDecision, RouteMatch, RouteOrigin, RouteRule};

/// A route as a table holds it: `destination → target`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Route {
    /// As written: `0.0.0.0/0`, `pl-s3`, `10.0.0.0/16`.
    pub destination: Id,
    /// A target id, or `local` / `blackhole`.
    pub target: Id,
}
