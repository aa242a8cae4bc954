//! Gateway Load Balancer endpoints (aws-semantics.md §5): a zonal route target; the appliances
//! behind the load balancer inspect the traffic and return it through the same endpoint, which
//! then routes by its own subnet's table. With cross-zone load balancing off (AWS's default)
//! only the endpoint AZ's appliances serve it. The way back is checked by `return_leg`.

use crate::eval::ctx::{Arrival, Ctx, Outcome, Trail, Walk};
use crate::eval::facts::{Fact, HopKind, Id, LoadBalancer, Stop};
use crate::model::ApplianceZone;

use super::{blackhole, zonal};

pub(crate) fn follow(
    ctx: &mut Ctx<'_>,
    at: &Arrival<'_, '_>,
    id: &str,
    walk: &mut Walk<'_>,
    hops: &mut Trail,
) -> Outcome {
    let model = ctx.model;
    let Some(&gi) = model.gwlb_lookup.get(id) else {
        return blackhole::missing_target(at);
    };
    let ge = &model.scenario().gwlb_endpoints[gi];
    let (si, az) = match zonal::place(
        ctx,
        at,
        model.subnet_index(&ge.subnet),
        id,
        HopKind::GwlbEndpoint,
        |az| Stop::GwlbEndpointAzFailed {
            table: at.table(),
            route: at.route(),
            endpoint: Id::from(id),
            az,
        },
    ) {
        Ok(placed) => placed,
        Err(stop) => return *stop,
    };
    hops.add(
        HopKind::GwlbEndpoint,
        id,
        || Some(ctx.az(az)),
        || Fact::GwlbEndpoint {
            subnet: Id::from(ge.subnet.as_str()),
        },
    );
    if !ge.appliances_up {
        return Outcome::Stop {
            kind: HopKind::Inspection,
            id: Id::from(id),
            az: Some(ctx.az(az)),
            stop: Box::new(Stop::AppliancesDown {
                table: at.table(),
                route: at.route(),
                endpoint: Id::from(id),
            }),
        };
    }
    let lb = model
        .scenario()
        .gateway_load_balancers
        .iter()
        .find(|lb| lb.endpoints.iter().any(|e| e == id));
    if let Some(lb) = lb {
        let serving = |a: &ApplianceZone| {
            a.healthy
                && model
                    .az_index(&a.az)
                    .is_some_and(|x| !ctx.az_failed(x) && (lb.cross_zone_load_balancing || x == az))
        };
        if !lb.appliances.iter().any(serving) {
            return Outcome::Stop {
                kind: HopKind::Inspection,
                id: Id::from(lb.id.as_str()),
                az: Some(ctx.az(az)),
                stop: Box::new(Stop::NoHealthyAppliance {
                    table: at.table(),
                    route: at.route(),
                    endpoint: Id::from(id),
                    load_balancer: Id::from(lb.id.as_str()),
                    az: ctx.az(az),
                    cross_zone: lb.cross_zone_load_balancing,
                }),
            };
        }
    }
    hops.add(
        HopKind::Inspection,
        id,
        || Some(ctx.az(az)),
        || Fact::Inspection {
            load_balancer: lb.map(|lb| LoadBalancer {
                id: Id::from(lb.id.as_str()),
                cross_zone: lb.cross_zone_load_balancing,
                stateful: lb.stateful,
            }),
        },
    );
    // The return leg routes this address: the source's own, until a NAT translates it.
    if !walk.translated
        && let Some(log) = ctx.log.borrow_mut().as_mut()
    {
        use crate::eval::layers::Logged;
        // Once per walk (`logged::logged_before`).
        if crate::eval::logged::logged_before(log, ctx.log_start.get(), &Logged::Address).is_none()
        {
            log.push(Logged::Address);
        }
    }
    walk.gwlb = Some((gi, walk.address));
    walk.passed_gwlb = true;
    walk.nat_after_gwlb = None;
    zonal::forward(ctx, Id::from(id), si)
}
