//! A zonal route target (a NAT gateway, a GWLB endpoint, an appliance network interface) lives
//! in one subnet and so in one AZ (aws-semantics.md §6): when that AZ fails, so does every path
//! through it. A target without a subnet makes the route a blackhole. Having passed such a
//! forwarder, the packet is routed again by the forwarder's own subnet table.

use crate::eval::ctx::{Arrival, Ctx, Outcome};
use crate::eval::facts::{Association, Az, HopKind, Id, Stop};

/// Where a zonal target is: (subnet, AZ), given its subnet's index (none: it has no subnet, or
/// one the model does not hold); or the outcome that stops the path there.
pub(crate) fn place(
    ctx: &Ctx<'_>,
    at: &Arrival<'_, '_>,
    subnet: Option<usize>,
    id: &str,
    kind: HopKind,
    failed: impl FnOnce(Az) -> Stop,
) -> Result<(usize, usize), Box<Outcome>> {
    let Some(si) = subnet else {
        return Err(Box::new(Outcome::Stop {
            kind: HopKind::Blocked,
            id: Id::from(id),
            az: None,
            stop: Box::new(Stop::TargetWithoutSubnet {
                table: at.table(),
                route: at.route(),
            }),
        }));
    };
    let az = ctx.az_of_subnet(si);
    if ctx.az_failed(az) {
        return Err(Box::new(Outcome::Stop {
            kind,
            id: Id::from(id),
            az: Some(ctx.az(az)),
            stop: Box::new(failed(ctx.az(az))),
        }));
    }
    Ok((si, az))
}

/// A forwarder routes on by its own subnet's table.
pub(crate) fn forward(ctx: &Ctx<'_>, by: Id, subnet: usize) -> Outcome {
    let (table, assoc) = ctx.subnet_table(subnet);
    Outcome::Forward {
        table,
        subnet,
        association: Association::Forwarder {
            by,
            subnet: ctx.model.ids.subnets[subnet].clone(),
            main: assoc == crate::model::Association::ImplicitMain,
        },
    }
}
