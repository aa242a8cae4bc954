//! Evaluating a path as if something were removed, without making the model the removal's
//! edit would (weak points try one removal per object on a path, `crate::fix::spof`).

use super::evaluate::evaluate_in;
use super::{PathTrace, Query, QueryError};
use crate::model::{Model, WhatIf};

/// [`super::evaluate`] as if NAT gateway `nat` were deleted, without making the model that
/// `Edit::DeleteNatGateway` would (it copies and compiles again every table that routes to the
/// gateway): its routes are blackholes (`Ctx::target`). The verdict is the one
/// [`super::evaluate`] gives on that model; the route facts still name `nat` as the target.
pub fn evaluate_without_nat_gateway(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    nat: &str,
) -> Result<PathTrace, QueryError> {
    evaluate_in(model, what_if, query, Some(nat))
}
