//! The checks at an arrival (aws-semantics.md §5b): where a route delivers the packet (a NAT
//! gateway, an appliance's network interface, a Gateway Load Balancer endpoint, an interface
//! endpoint's network interface, an address inside the VPC), the network ACL of the subnet it
//! enters and the ingress of the groups of what receives it, each piece on its own.

use ipnet::Ipv4Net;

use crate::model::{GroupSet, NAT_EPHEMERAL, Target};

use super::super::ctx::{Ctx, Dest, Outcome, Pieces, Side, Walk};
use super::super::facts::*;
use super::super::logged::source_check;
use super::super::rules::security_group;
use super::crossings::reply_ports;
use super::{Gate, Passed1, Piece, keeps_hops, split};

/// Check every piece reaching `target` (routed from `walk.subnet`).
pub(crate) fn gate(
    ctx: &Ctx<'_>,
    target: &Target,
    dest: Dest,
    walk: &Walk<'_>,
    pieces: Pieces,
) -> Gate {
    split(ctx, pieces, |p, piece| one(p, target, dest, walk, piece))
}

fn one(
    p: &mut Piece<'_, '_>,
    target: &Target,
    dest: Dest,
    walk: &Walk<'_>,
    piece: Ipv4Net,
) -> Result<(), Box<Outcome>> {
    let ctx = p.ctx;
    let sec = ctx.model.security();
    let model = ctx.model;
    // An interface endpoint's network interface, found once by the piece's address: its
    // subnet is where the packet enters, its groups decide below.
    let eni = match (target, dest) {
        (Target::Local, Dest::Eni { endpoint }) => endpoint_eni(ctx, endpoint, piece),
        _ => None,
    };
    let entry = match (target, dest) {
        (Target::Local, Dest::Eni { .. }) => eni.map(|e| e.0),
        _ => entry_subnet(ctx, target, dest, piece),
    };
    // A quiet piece at an interface endpoint's network interface passes as the checks below
    // would pass it, decided only; one they may refuse goes through them for its stop.
    if ctx.quiet.get()
        && let Some((e, groups, _)) = eni
        && quiet_eni(p, walk, piece, e, groups)
    {
        return Ok(());
    }
    let traffic = |peer: Ipv4Net| Traffic {
        protocol: ctx.probe.protocol,
        ports: ctx.probe.ports(),
        peer,
    };
    // The source's groups know it by its own address only until a NAT translates it.
    let from_groups = match walk.translated {
        false => Side::Source,
        true => Side::Unknown,
    };
    if !walk.left_source && sec.acls_on && entry != Some(ctx.src_subnet) {
        let eph = sec.ephemeral;
        p.cross(ctx.src_subnet, AclDirection::Outbound, piece, eph)?;
    }
    let enters = entry.filter(|&e| e != walk.subnet);
    match (target, dest) {
        (Target::NatGateway(_), _) => {
            if let (true, Some(n)) = (sec.acls_on, entry) {
                if enters.is_some() {
                    p.cross_from(n, AclDirection::Inbound, walk)?;
                }
                p.cross(n, AclDirection::Outbound, piece, NAT_EPHEMERAL)?;
            }
        }
        (Target::NetworkInterface(id), _) => {
            let Some(&n) = model.eni_lookup.get(id.as_str()) else {
                return Ok(());
            };
            if let (true, Some(e)) = (sec.acls_on, enters) {
                p.cross_from(e, AclDirection::Inbound, walk)?;
            }
            if sec.groups_on {
                p.ingress_from(id, &sec.eni_groups[n], walk, from_groups)?;
                // What the appliance forwards leaves its interface: its groups' egress decides
                // (the destination's groups, if it holds some, for rules naming a group).
                p.group(security_group::check(
                    ctx,
                    GroupDirection::Egress,
                    id,
                    &sec.eni_groups[n],
                    traffic(piece),
                    peer_groups(ctx, dest, piece),
                ))?;
            }
            if let (true, Some(e)) = (sec.acls_on, entry) {
                let eph = reply_ports(ctx, walk);
                p.cross(e, AclDirection::Outbound, piece, eph)?;
            }
        }
        // A Gateway Load Balancer endpoint: the packet enters its subnet (unless it comes from
        // there) and, inspected, leaves it again by that subnet's table; request and reply are
        // checked on each side. No security group: a GWLB endpoint has none.
        (Target::GatewayLoadBalancerEndpoint(_), _) => {
            if let (true, Some(e)) = (sec.acls_on, entry) {
                let eph = reply_ports(ctx, walk);
                if enters.is_some() {
                    p.cross_from(e, AclDirection::Inbound, walk)?;
                }
                p.cross(e, AclDirection::Outbound, piece, eph)?;
            }
        }
        (Target::Local, Dest::Eni { .. }) => {
            let Some((e, groups, id)) = eni else {
                return Ok(());
            };
            if let (true, Some(_)) = (sec.acls_on, enters) {
                p.cross_from(e, AclDirection::Inbound, walk)?;
            }
            if sec.groups_on {
                p.ingress_from(id, groups, walk, from_groups)?;
            }
        }
        (Target::Local, Dest::Range) if ctx.aim.address => {
            if let (true, Some(d)) = (sec.acls_on, enters) {
                p.cross_from(d, AclDirection::Inbound, walk)?;
            }
            if let (true, Some((id, groups))) = (sec.groups_on, holder_groups(ctx, piece)) {
                p.ingress_from(id, groups, walk, from_groups)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The checks of [`one`] at an interface endpoint's network interface in subnet `e`, held by
/// `groups`, for a quiet piece ([`Ctx::quiet`]: a trace's pieces after the first, whose hops
/// and facts are not kept and whose checks no log records): whether they all pass, decided
/// without the gate's hops, facts and logging. The source subnet's crossing (unless the
/// interface is in it) and the entry into `e` (unless the packet comes from there, or a piece
/// before passed it: [`Passed1`]) are decided ([`Piece::quiet_cross`]); the groups' ingress
/// from the source's address is taken only as a piece before passed it ([`Passed1`]). False
/// when any may refuse: the piece is then checked in full, for its stop.
fn quiet_eni(
    p: &mut Piece<'_, '_>,
    walk: &Walk<'_>,
    piece: Ipv4Net,
    e: usize,
    groups: &GroupSet,
) -> bool {
    let ctx = p.ctx;
    let sec = ctx.model.security();
    if sec.groups_on && !p.memo.ingress.contains(&Passed1::key(groups)) {
        return false;
    }
    if !sec.acls_on {
        return true;
    }
    let out = AclDirection::Outbound;
    if !walk.left_source
        && e != ctx.src_subnet
        && !p.quiet_cross(ctx.src_subnet, out, piece, sec.ephemeral)
    {
        return false;
    }
    if e != walk.subnet && !p.memo.from.contains(&e) {
        let reply = reply_ports(ctx, walk);
        if !p.quiet_cross(e, AclDirection::Inbound, walk.address, reply) {
            return false;
        }
        p.memo.from.push(e);
    }
    true
}

impl<'m> Piece<'_, 'm> {
    /// The ingress of `groups` at `interface` from the packet's source address
    /// ([`source_check`]), taken as passed when a piece before passed it at this gate
    /// ([`Passed1`]).
    fn ingress_from(
        &mut self,
        interface: &str,
        groups: &'m GroupSet,
        walk: &Walk<'_>,
        from_groups: Side<'m>,
    ) -> Result<(), Box<Outcome>> {
        let ctx = self.ctx;
        let traffic = Traffic {
            protocol: ctx.probe.protocol,
            ports: ctx.probe.ports(),
            peer: walk.address,
        };
        let memo = !keeps_hops(ctx) && !ctx.layer_facts();
        let key = Passed1::key(groups);
        if memo && self.memo.ingress.contains(&key) {
            // Decided alike (an invariant, not a message).
            debug_assert!(security_group::allows(
                ctx,
                GroupDirection::Ingress,
                groups,
                &traffic,
                from_groups.resolve(&ctx.src_groups),
            ));
            return Ok(());
        }
        let passed = self.group(source_check(
            ctx,
            GroupDirection::Ingress,
            interface,
            Side::Of(groups),
            traffic,
            from_groups,
        ));
        // Kept for the quiet pieces after it too when this piece made the check with its
        // facts (a trace's first piece): the same check, the same decision.
        // (With `memo`, not kept yet: it returned above when it was.)
        if passed.is_ok() && (memo || (ctx.layer_facts() && !self.memo.ingress.contains(&key))) {
            self.memo.ingress.push(key);
        }
        passed
    }
}

/// The subnet an address piece lies in, if one subnet holds all of it.
fn subnet_of(ctx: &Ctx<'_>, piece: Ipv4Net) -> Option<usize> {
    ctx.model
        .scenario()
        .subnets
        .iter()
        .position(|s| s.cidr.is_some_and(|c| c.contains(&piece)))
}

/// The groups of what holds a /32 address inside the VPC: an instance, an appliance interface,
/// an interface endpoint's interface (none: nothing the model knows). Borrowed from the model.
fn holder_groups<'m>(ctx: &Ctx<'m>, piece: Ipv4Net) -> Option<(&'m str, &'m GroupSet)> {
    if piece.prefix_len() != 32 {
        return None;
    }
    let ip = piece.addr();
    let model: &'m crate::model::Model = ctx.model;
    let s = model.scenario();
    let sec = model.security();
    if let Some(i) = s.instances.iter().position(|i| i.private_ip == Some(ip)) {
        return Some((s.instances[i].id.as_str(), &sec.instance_groups[i]));
    }
    if let Some(n) = s.network_interfaces.iter().position(|n| n.ip == Some(ip)) {
        return Some((s.network_interfaces[n].id.as_str(), &sec.eni_groups[n]));
    }
    (0..s.interface_endpoints.len()).find_map(|e| {
        model.endpoint_enis(e).iter().any(|x| x.ip == ip).then(|| {
            (
                s.interface_endpoints[e].id.as_str(),
                &sec.endpoint_groups[e],
            )
        })
    })
}

/// The groups of what the packet is sent to, for egress rules naming a group: the interface
/// endpoint's, or those of what holds the address (none: nothing the model knows).
pub(super) fn peer_groups<'m>(ctx: &Ctx<'m>, dest: Dest, piece: Ipv4Net) -> Option<&'m [u32]> {
    let model: &'m crate::model::Model = ctx.model;
    match dest {
        Dest::Eni { endpoint } => model
            .endpoint_enis(endpoint)
            .iter()
            .any(|x| x.ip == piece.addr())
            .then(|| model.security().endpoint_groups[endpoint].as_slice()),
        Dest::Range => holder_groups(ctx, piece).map(|h| h.1.as_slice()),
    }
}

/// The interface endpoint ENI a piece is, as (subnet, groups, endpoint id), borrowed from the
/// model.
fn endpoint_eni<'m>(
    ctx: &Ctx<'m>,
    endpoint: usize,
    piece: Ipv4Net,
) -> Option<(usize, &'m GroupSet, &'m str)> {
    let model: &'m crate::model::Model = ctx.model;
    let eni = model
        .endpoint_enis(endpoint)
        .iter()
        .find(|x| x.ip == piece.addr())?;
    Some((
        eni.subnet,
        &model.security().endpoint_groups[endpoint],
        model.scenario().interface_endpoints[endpoint].id.as_str(),
    ))
}

/// Where the packet enters a subnet at this target (none: it leaves the VPC's subnets, to a
/// gateway or a regional NAT gateway), but for an interface endpoint's network interface
/// (whose subnet `one` takes from the interface it finds).
fn entry_subnet(ctx: &Ctx<'_>, target: &Target, dest: Dest, piece: Ipv4Net) -> Option<usize> {
    let model = ctx.model;
    let s = model.scenario();
    match (target, dest) {
        // (An interface endpoint's network interface: `one` finds it and its subnet.)
        (Target::Local, Dest::Range) => subnet_of(ctx, piece),
        (Target::NatGateway(id), _) => model
            .nat_lookup
            .get(id.as_str())
            .and_then(|&n| s.nat_gateways[n].subnet.as_deref())
            .and_then(|sn| model.subnet_index(sn)),
        (Target::NetworkInterface(id), _) => model
            .eni_lookup
            .get(id.as_str())
            .and_then(|&n| model.subnet_index(&s.network_interfaces[n].subnet)),
        (Target::GatewayLoadBalancerEndpoint(id), _) => model
            .gwlb_lookup
            .get(id.as_str())
            .and_then(|&n| model.subnet_index(&s.gwlb_endpoints[n].subnet)),
        _ => None,
    }
}
