//! Source/destination check (aws-semantics.md §5b;
//! <https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-tables-appliance-routing>,
//! <https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#change_source_dest_check>):
//! a network interface with the check on accepts only traffic addressed to it and sends only
//! traffic from it, so an appliance that a route sends traffic through drops what it would
//! forward. A scenario that does not say leaves the check not evaluated.

use crate::eval::ctx::{Arrival, Outcome};
use crate::eval::facts::{HopKind, Id, Stop};

/// The stop when the appliance interface `eni` has its check on.
pub(crate) fn check(at: &Arrival<'_, '_>, eni: &str, enabled: Option<bool>) -> Option<Outcome> {
    (enabled == Some(true)).then(|| Outcome::Stop {
        kind: HopKind::Blocked,
        id: Id::from(eni),
        az: None,
        stop: Box::new(Stop::SourceDestCheck {
            table: at.table(),
            route: at.route(),
            eni: Id::from(eni),
        }),
    })
}
