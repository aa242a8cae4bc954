//! Route selection as facts: routes, matches, decisions and the rule that chose (aws-semantics.md §1).

/// A route as a table holds it, `destination → target` (made when the table is compiled: see
/// `crate::model::RouteFact`).
pub use crate::model::RouteFact as Route;
pub use crate::model::{RouteDecision, RouteMatch, RouteOrigin, RouteRule};
