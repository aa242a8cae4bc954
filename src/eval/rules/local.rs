//! The `local` route (aws-semantics.md §1): every VPC CIDR's route to `local` delivers inside the
//! VPC, to whatever subnet holds the address. A service's public range that only the local route
//! matches overlaps the VPC CIDR and goes nowhere; an address in a failed AZ's subnet is
//! unavailable (§6).

use ipnet::Ipv4Net;

use crate::eval::ctx::{Arrival, Ctx, Outcome, Trail};
use crate::eval::facts::{Fact, Holder, HopKind, Id, Stop, Verdict, Via};

/// A service range that matches only the local route.
pub(crate) fn service_range(at: &Arrival<'_, '_>, ctx: &Ctx<'_>) -> Outcome {
    Outcome::at_table(
        at,
        Stop::OnlyLocalRoute {
            table: at.table(),
            dest: ctx.aim.routed(at.dest, at.piece()),
        },
    )
}

/// Address destinations: each piece is delivered (or not) on its own.
pub(crate) fn deliver(ctx: &Ctx<'_>, at: &Arrival<'_, '_>, hops: &Trail) -> Outcome {
    Outcome::Each(
        at.pieces
            .iter()
            .map(|&p| {
                let mut h = hops.clone();
                let v = deliver_one(ctx, at, p, &mut h);
                (p, h, v)
            })
            .collect(),
    )
}

fn deliver_one(ctx: &Ctx<'_>, at: &Arrival<'_, '_>, piece: Ipv4Net, hops: &mut Trail) -> Verdict {
    let model = ctx.model;
    let s = model.scenario();
    let subnet = s.subnets.iter().position(|x| {
        x.cidr
            .is_some_and(|c| c.contains(&piece) || piece.contains(&c))
    });
    let text = crate::net_text::NetText::net(piece);
    let Some(si) = subnet else {
        let stop = Stop::AddressInNoSubnet {
            table: at.table(),
            route: at.route(),
            address: piece,
        };
        let reason = stop.reason();
        hops.add(HopKind::Blocked, at.table_id, || None, || Fact::stop(stop));
        return Verdict::stopped(reason.unwrap_or(crate::eval::Reason::DestinationUnavailable));
    };
    let az = ctx.az_of_subnet(si);
    let subnet_id = &s.subnets[si].id;
    if ctx.az_failed(az) {
        hops.add(
            HopKind::Blocked,
            subnet_id,
            || Some(ctx.az(az)),
            || {
                Fact::stop(Stop::AddressAzFailed {
                    address: piece,
                    subnet: Id::from(subnet_id.as_str()),
                    az: ctx.az(az),
                })
            },
        );
        return Verdict::Blocked(crate::eval::Reason::DestinationUnavailable);
    }
    let holder = || {
        if piece.prefix_len() != 32 {
            return None;
        }
        let ip = piece.addr();
        s.instances
            .iter()
            .find(|i| i.private_ip == Some(ip))
            .map(|i| Holder::Instance(Id::from(i.id.as_str())))
            .or_else(|| {
                s.network_interfaces
                    .iter()
                    .find(|n| n.ip == Some(ip))
                    .map(|n| Holder::NetworkInterface(Id::from(n.id.as_str())))
            })
            .or_else(|| {
                (0..s.interface_endpoints.len()).find_map(|e| {
                    model.endpoint_enis(e).iter().any(|x| x.ip == ip).then(|| {
                        Holder::InterfaceEndpoint(Id::from(s.interface_endpoints[e].id.as_str()))
                    })
                })
            })
    };
    let shown = if piece.prefix_len() == 32 {
        crate::net_text::NetText::addr(piece.addr())
    } else {
        text
    };
    hops.add(
        HopKind::Address,
        shown.as_str(),
        || Some(ctx.az(az)),
        || Fact::Address {
            address: piece,
            subnet: Id::from(subnet_id.as_str()),
            cidr: s.subnets[si].ipv4_or_none(),
            holder: holder(),
        },
    );
    Verdict::Reachable {
        via: Via::Local,
        cross_az: None,
    }
}
