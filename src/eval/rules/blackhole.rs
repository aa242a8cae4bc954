//! A blackhole route (aws-semantics.md §1): the route is `blackhole`, or its target no longer
//! exists (AWS shows such a route's state as `blackhole`). Traffic that takes it is dropped.

use crate::eval::ctx::{Arrival, Outcome};
use crate::eval::facts::Stop;

/// The route itself is a blackhole.
pub(crate) fn explicit(at: &Arrival<'_, '_>) -> Outcome {
    Outcome::at_table(
        at,
        Stop::Blackhole {
            table: at.table(),
            route: at.route(),
        },
    )
}

/// The route names a target that does not exist (or, for an internet gateway, is not the
/// VPC's attached one).
pub(crate) fn missing_target(at: &Arrival<'_, '_>) -> Outcome {
    Outcome::at_table(
        at,
        Stop::TargetMissing {
            table: at.table(),
            route: at.route(),
        },
    )
}
