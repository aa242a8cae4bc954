//! Routes that leave the VPC (aws-semantics.md §1): VPC peering, transit gateway, virtual
//! private gateway. What happens beyond them is outside the model, so the verdict says where
//! the path leaves and nothing more.

use crate::eval::ctx::{Arrival, Outcome};
use crate::eval::facts::{HopKind, Id, Stop};

pub(crate) fn follow(at: &Arrival<'_, '_>, target: &str) -> Outcome {
    Outcome::Stop {
        kind: HopKind::LeavesVpc,
        id: Id::from(target),
        az: None,
        stop: Box::new(Stop::LeavesVpc {
            table: at.table(),
            route: at.route(),
        }),
    }
}
