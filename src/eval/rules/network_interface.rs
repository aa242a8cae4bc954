//! A route to a network interface (aws-semantics.md §1, middlebox routing): an appliance's ENI
//! forwards the traffic by its own subnet's table, unchanged, or as a NAT instance when it has a
//! public IPv4. Its AZ failing makes the appliance unavailable (§6).

use crate::eval::ctx::{Arrival, Ctx, Outcome, Trail, Walk};
use crate::eval::facts::{Fact, HopKind, Id, Stop};

use super::{blackhole, source_dest_check, zonal};

pub(crate) fn follow(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    id: &str,
    walk: &mut Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    let Some(&ei) = model.eni_lookup.get(id) else {
        return blackhole::missing_target(at);
    };
    let eni = &model.scenario().network_interfaces[ei];
    let (si, az) = match zonal::place(
        ctx,
        at,
        model.subnet_index(&eni.subnet),
        id,
        HopKind::NetworkInterface,
        |az| Stop::ApplianceAzFailed {
            table: at.table(),
            route: at.route(),
            eni: Id::from(id),
            az,
        },
    ) {
        Ok(placed) => placed,
        Err(stop) => return *stop,
    };
    hops.add(
        HopKind::NetworkInterface,
        id,
        || Some(ctx.az(az)),
        || Fact::NetworkInterface {
            subnet: Id::from(eni.subnet.as_str()),
            nat_instance: eni.public_ip,
            source_dest_check: eni.source_dest_check,
        },
    );
    if let Some(stop) = source_dest_check::check(at, id, eni.source_dest_check) {
        return stop;
    }
    if eni.public_ip {
        walk.public_ip = true;
        walk.private_nat = false;
        walk.translated = true;
        walk.egress.subnet = Some(si);
        walk.egress.nat = None;
    }
    zonal::forward(ctx, Id::from(id), si)
}
