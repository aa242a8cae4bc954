//! Where security groups, network ACLs and the source/destination check decide along the walk
//! (aws-semantics.md §5b). Each rule is in `rules/` (`security_group.rs`, `network_acl.rs`,
//! `source_dest_check.rs`); this file says where each applies:
//!
//! - leaving the source: its groups' egress; its subnet's network ACL outbound for the request
//!   and inbound for the reply (unless the next hop is in the same subnet: traffic inside a
//!   subnet is not checked by its network ACL);
//! - at a zonal NAT gateway: its subnet's network ACL both ways, for the request and the reply
//!   on each side (the reply to the NAT gateway comes back to its own ephemeral ports);
//! - at an appliance network interface: its subnet's network ACL both ways, its groups'
//!   ingress and, for what it forwards, their egress (a group's outbound rules decide what
//!   leaves the interface, whoever sent it: VPC User Guide, vpc-security-groups.html), and its
//!   source/destination check;
//! - at a Gateway Load Balancer endpoint: its subnet's network ACL both ways (its network
//!   interface is in that subnet; gateway-load-balancer-endpoints.html), no security group
//!   (AWS associates groups with interface endpoints only: CreateVpcEndpoint's
//!   `SecurityGroupId` is "(Interface endpoint)", and the GWLB endpoint pages name none);
//! - at an interface endpoint's network interface: its subnet's network ACL inbound (and the
//!   reply outbound), and the endpoint's groups' ingress;
//! - at an address inside the VPC: its subnet's network ACL, and the ingress of the groups of
//!   the instance or interface that holds it.
//!
//! Security groups are stateful (the reply needs no rule); network ACLs are stateless (the
//! reply is checked on the client's ephemeral ports). Layers a scenario has no data for are not
//! evaluated (see [`super::unchecked`]). Each destination piece is checked on its own; pieces
//! refused stop with the rule that refused them, the others go on.

use ipnet::Ipv4Net;

use crate::model::{GroupSet, NAT_EPHEMERAL, PortRange, Target};

mod acl_cache;

pub(crate) use acl_cache::AclDecided;

use super::ctx::{Ctx, Dest, Outcome, Pieces, Side, SourceCheck, Walk};
use super::facts::*;
pub(crate) use super::logged::Logged;
use super::logged::{logged_before, source_check};
use super::rules::network_acl;
use super::rules::security_group::{self, Allowed};

/// A hop a piece passed: kind, id, and the fact when facts are kept.
pub(crate) type Passed = (HopKind, Id, Option<LayerFact>);

/// The fact of a hop the layers add: a group check or a crossing's checks, each one pointer
/// (and a length) wide. A [`Fact`] is some 100 bytes, and a gate's hops move several times
/// (into the gate, out of it, into the trail): kept this small until the hop is made.
pub(crate) enum LayerFact {
    SecurityGroup(Box<GroupCheck>),
    NetworkAcl(Vec<AclCheck>),
}

impl LayerFact {
    pub(crate) fn fact(self) -> Fact {
        match self {
            LayerFact::SecurityGroup(check) => Fact::SecurityGroup(check),
            LayerFact::NetworkAcl(checks) => Fact::NetworkAcl { checks },
        }
    }
}

/// The hops one piece passes at one gate: a group check and a crossing or two, at most four
/// (an appliance: its subnet both ways and its groups both ways). Kept inline: the matrix walks
/// about 17,500 cells on the security bench model, and a list on the heap per gate was half
/// of its allocations (87,000 of 218,000 per `evaluate_all`, heaptrack).
pub(crate) type Passes = smallvec::SmallVec<[Passed; 4]>;

/// What the layers decided for the pieces that reached a target.
pub(crate) struct Gate {
    /// Pieces that go on, and the hops they passed (those of the first one).
    pub pass: Pieces,
    pub hops: Passes,
    /// Pieces refused: the hops they passed first, and where they stopped.
    pub blocked: Vec<(Pieces, Passes, Outcome)>,
}

/// One piece's way through the layers at one arrival.
struct Piece<'c, 'm> {
    ctx: &'c Ctx<'m>,
    hops: Passes,
    memo: &'c mut Passed1,
}

/// The checks of one gate that do not read the piece and that a piece passed without keeping
/// its hops: a crossing into a subnet from the packet's source address ([`Piece::cross_from`])
/// and a group ingress check from it (by the groups' list). The pieces of one arrival make them
/// alike (the same subnet, address and reply ports; the same groups, traffic and peer groups),
/// so a piece after the first that keeps no hops takes them as passed: what they read and
/// logged was recorded by the first, in the same cell. A refused check is not kept (its piece
/// stops, and the next one makes it again for its stop).
#[derive(Default)]
struct Passed1 {
    /// Subnets crossed into from the source's address.
    from: smallvec::SmallVec<[usize; 4]>,
    /// Group lists whose ingress from the source's address allowed the packet (by address and
    /// length: the lists the model holds).
    ingress: smallvec::SmallVec<[(usize, usize); 2]>,
}

impl Passed1 {
    fn key(groups: &[u32]) -> (usize, usize) {
        (groups.as_ptr() as usize, groups.len())
    }
}

impl Piece<'_, '_> {
    fn group(&mut self, check: Result<Allowed, Box<GroupCheck>>) -> Result<(), Box<Outcome>> {
        match check {
            Ok(c) => {
                // The check, boxed where it was made, becomes the fact. A quiet piece's hops
                // are not kept ([`Ctx::quiet`]).
                if keeps_hops(self.ctx) {
                    let fact = c.check.map(LayerFact::SecurityGroup);
                    self.hops.push((HopKind::SecurityGroup, c.interface, fact));
                }
                Ok(())
            }
            Err(c) => Err(group_stop(*c)),
        }
    }

    /// The checks of one subnet boundary (request and reply), one hop when all allow. An
    /// array, not a `Vec`: the matrix, which keeps no facts, allocates nothing here.
    fn acl(&mut self, checks: [AclCheck; 2]) -> Result<(), Box<Outcome>> {
        if let Some(denied) = checks.iter().find(|c| !c.allow) {
            return Err(Box::new(Outcome::Stop {
                kind: HopKind::Blocked,
                id: denied.acl.clone(),
                az: None,
                stop: Box::new(Stop::NetworkAcl(denied.clone())),
            }));
        }
        let id = checks[0].acl.clone();
        // Moved into the fact, not cloned.
        let fact = self
            .ctx
            .layer_facts()
            .then(|| LayerFact::NetworkAcl(Vec::from(checks)));
        self.hops.push((HopKind::NetworkAcl, id, fact));
        Ok(())
    }
}

impl Piece<'_, '_> {
    /// Request and reply across `subnet`'s boundary ([`crossing`]). Where no facts are kept
    /// (the matrix, the cost estimate), an allowed crossing is decided without making its
    /// checks; a refused one is checked in full for its stop.
    fn cross(
        &mut self,
        subnet: usize,
        direction: AclDirection,
        peer: Ipv4Net,
        reply_ports: PortRange,
    ) -> Result<(), Box<Outcome>> {
        self.cross_decided(subnet, direction, peer, reply_ports, None)
    }

    /// [`Self::cross`], with the decisions (request, reply) when the caller made them already
    /// ([`acl_allows`]): they are not made again.
    fn cross_decided(
        &mut self,
        subnet: usize,
        direction: AclDirection,
        peer: Ipv4Net,
        reply_ports: PortRange,
        decided: Option<(bool, bool)>,
    ) -> Result<(), Box<Outcome>> {
        let ctx = self.ctx;
        if !ctx.layer_facts() {
            let acl = ctx.model.security().acl_of(subnet);
            let allowed = match decided {
                Some((request, reply)) => request && reply,
                // Not kept ([`acl_cache`]): a piece's crossing (the source subnet's, to each
                // destination piece) is asked once per walk, and its keys seldom come again.
                None => {
                    let [request, reply] = traffic_both(ctx, peer, reply_ports);
                    // The reply is asked only when the request passes.
                    let (request, reply) = network_acl::allows_crossing(
                        ctx,
                        acl,
                        direction,
                        [&request, &reply],
                        false,
                    );
                    request && reply
                }
            };
            if allowed {
                if let Some(a) = acl {
                    ctx.read_acl(a as usize, direction);
                }
                if !keeps_hops(ctx) {
                    return Ok(());
                }
                let id = match acl.and_then(|a| ctx.model.scenario().network_acls.get(a as usize)) {
                    Some(a) => Id::from(a.id.as_str()),
                    None => Id::from(crate::model::NetworkAcl::IMPLICIT_DEFAULT),
                };
                self.hops.push((HopKind::NetworkAcl, id, None));
                return Ok(());
            }
        }
        self.acl(crossing(ctx, subnet, direction, peer, reply_ports))
    }
}

impl Piece<'_, '_> {
    /// [`Self::cross`] into `subnet` from the packet's source address `walk.address`, logged
    /// when it is the source's own (not translated) and the context logs.
    fn cross_from(
        &mut self,
        subnet: usize,
        direction: AclDirection,
        walk: &Walk<'_>,
    ) -> Result<(), Box<Outcome>> {
        let ctx = self.ctx;
        // Passed already at this gate by a piece before (`Passed1`): nothing to keep or log.
        let memo = !keeps_hops(ctx) && !ctx.layer_facts();
        if memo && self.memo.from.contains(&subnet) {
            #[cfg(debug_assertions)]
            {
                let d = acl_allows(ctx, subnet, direction, walk.address, reply_ports(ctx, walk));
                // Decided alike (an invariant, not a message).
                assert_eq!(d, (true, true));
            }
            return Ok(());
        }
        let reply_ports = reply_ports(ctx, walk);
        let mut decided = None;
        if !walk.translated
            && let Some(log) = ctx.log.borrow_mut().as_mut()
        {
            let mut entry = Logged::Acl {
                subnet,
                direction,
                reply_ports,
                allowed: (false, false),
            };
            // Logged once per walk: the same crossing from the same address decides alike.
            let before = match logged_before(log, ctx.log_start.get(), &entry) {
                Some(&Logged::Acl { allowed, .. }) => Some(allowed),
                _ => None,
            };
            // Both decisions: which one refuses decides the stop's reason (the request's
            // direction, or the reply). The crossing below takes them as they are.
            let allowed = match before {
                Some(allowed) => allowed,
                None => {
                    let allowed = acl_allows(ctx, subnet, direction, walk.address, reply_ports);
                    if let Logged::Acl { allowed: a, .. } = &mut entry {
                        *a = allowed;
                    }
                    log.push(entry);
                    allowed
                }
            };
            decided = Some(allowed);
        }
        let passed = self.cross_decided(subnet, direction, walk.address, reply_ports, decided);
        if memo && passed.is_ok() {
            self.memo.from.push(subnet);
        }
        passed
    }
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
        if memo && passed.is_ok() {
            self.memo.ingress.push(key);
        }
        passed
    }
}

/// Where a group check that refused the packet stops it: at its interface, for its reason.
fn group_stop(c: GroupCheck) -> Box<Outcome> {
    Box::new(Outcome::Stop {
        kind: HopKind::Blocked,
        id: c.interface.clone(),
        az: None,
        stop: Box::new(Stop::SecurityGroup(c)),
    })
}

/// Whether `subnet`'s network ACL allows the request going `direction` with `peer` at the
/// other end, and whether it allows its reply to `reply_ports`, decided once per context
/// ([`acl_cache`]); nothing is recorded as read.
pub(crate) fn acl_allows(
    ctx: &Ctx<'_>,
    subnet: usize,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> (bool, bool) {
    let acl = ctx.model.security().acl_of(subnet);
    acl_cache::allows(ctx, acl, direction, peer, reply_ports)
}

/// The request and its reply as a network ACL sees them, `peer` at the other end.
fn traffic_both(ctx: &Ctx<'_>, peer: Ipv4Net, reply_ports: PortRange) -> [Traffic; 2] {
    let protocol = ctx.probe.protocol;
    [
        Traffic {
            protocol,
            ports: ctx.probe.ports(),
            peer,
        },
        Traffic {
            protocol,
            ports: protocol.has_ports().then_some(reply_ports),
            peer,
        },
    ]
}

fn back(direction: AclDirection) -> AclDirection {
    match direction {
        AclDirection::Inbound => AclDirection::Outbound,
        AclDirection::Outbound => AclDirection::Inbound,
    }
}

/// Whether the layers keep the hops they pass now: not for a quiet piece ([`Ctx::quiet`]),
/// nor without `detail` (the matrix keeps no hops: the ids made for them were dropped unread).
pub(crate) fn keeps_hops(ctx: &Ctx<'_>) -> bool {
    ctx.detail && !ctx.quiet.get()
}

/// Whether any layer is evaluated for this model.
pub(crate) fn on(ctx: &Ctx<'_>) -> bool {
    let sec = ctx.model.security();
    sec.groups_on || sec.acls_on
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
fn peer_groups<'m>(ctx: &Ctx<'m>, dest: Dest, piece: Ipv4Net) -> Option<&'m [u32]> {
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
/// gateway or a regional NAT gateway).
fn entry_subnet(ctx: &Ctx<'_>, target: &Target, dest: Dest, piece: Ipv4Net) -> Option<usize> {
    let model = ctx.model;
    let s = model.scenario();
    match (target, dest) {
        (Target::Local, Dest::Eni { endpoint }) => endpoint_eni(ctx, endpoint, piece).map(|e| e.0),
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

/// Request and reply across `subnet`'s boundary, the packet going `direction` with `peer` at
/// the other end; the reply comes back to `reply_ports`.
fn crossing(
    ctx: &Ctx<'_>,
    subnet: usize,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> [AclCheck; 2] {
    let acl = ctx.model.security().acl_of(subnet);
    if let Some(a) = acl {
        ctx.read_acl(a as usize, direction);
    }
    let [request, reply] = traffic_both(ctx, peer, reply_ports);
    let back = back(direction);
    [
        network_acl::check(ctx, acl, subnet, direction, false, request),
        network_acl::check(ctx, acl, subnet, back, true, reply),
    ]
}

/// The ports replies to the packet's sender come back to: the client's ephemeral range, or a
/// NAT gateway's once one translated the source.
fn reply_ports(ctx: &Ctx<'_>, walk: &Walk<'_>) -> PortRange {
    match walk.translated {
        true => NAT_EPHEMERAL,
        false => ctx.model.security().ephemeral,
    }
}

/// The source's security groups' egress, before the VPC's router sees the packet: every
/// piece the source sends is checked, whatever the route tables say.
pub(crate) fn egress(ctx: &Ctx<'_>, dest: Dest, pieces: Pieces) -> Gate {
    if !ctx.detail && !ctx.facts {
        return egress_decided(ctx, dest, pieces);
    }
    egress_checked(ctx, dest, pieces)
}

/// [`egress`] through the gate's checks ([`split`]): the hops and facts kept as the context
/// keeps them.
fn egress_checked(ctx: &Ctx<'_>, dest: Dest, pieces: Pieces) -> Gate {
    split(ctx, pieces, |p, piece| {
        p.group(source_check(
            ctx,
            GroupDirection::Egress,
            &ctx.src_id,
            Side::Source,
            Traffic {
                protocol: ctx.probe.protocol,
                ports: ctx.probe.ports(),
                peer: piece,
            },
            Side::of(peer_groups(ctx, dest, piece)),
        ))
    })
}

/// [`egress`] where neither hops nor facts are kept (the matrix, the cost estimate): each
/// piece is only decided ([`security_group::allows`]) and, when the context logs, logged with
/// that decision as [`source_check`] logs it; the pieces allowed go on with no hops, as
/// [`split`] gives them there. A refused piece is checked in full for its stop. The gate makes
/// no [`Piece`], no [`Passes`] to move and no [`Traffic`] to copy into a check per piece:
/// the matrix's walks send some 25,000 pieces through this gate per `evaluate_all`.
fn egress_decided(ctx: &Ctx<'_>, dest: Dest, pieces: Pieces) -> Gate {
    let mut gate = Gate {
        pass: Pieces::new(),
        hops: Passes::new(),
        blocked: Vec::new(),
    };
    let src = ctx.src_groups.as_slice();
    let logging = ctx.log.borrow().is_some();
    // Not logging, the source's groups' rules are read here ([`source_check`]'s `record`):
    // once for the gate, as every piece reads the same groups.
    if !logging && !pieces.is_empty() {
        ctx.read_groups(src);
    }
    let direction = GroupDirection::Egress;
    for piece in pieces {
        let traffic = Traffic {
            protocol: ctx.probe.protocol,
            ports: ctx.probe.ports(),
            peer: piece,
        };
        let peer = peer_groups(ctx, dest, piece);
        let allowed = security_group::allows(ctx, direction, src, &traffic, peer);
        if logging && let Some(log) = ctx.log.borrow_mut().as_mut() {
            log.push(Logged::Group(SourceCheck {
                direction,
                groups: Side::Source,
                traffic,
                peer: Side::of(peer),
                allowed,
            }));
        }
        if allowed {
            gate.pass.push(piece);
            continue;
        }
        // Refused: the check again for what its stop names (read and logged above).
        let check =
            security_group::check_with(ctx, false, direction, &ctx.src_id, src, traffic, peer);
        let Err(c) = check else {
            // Decided as `allows` decided (an invariant, not a message).
            debug_assert!(allowed);
            gate.pass.push(piece);
            continue;
        };
        let outcome = group_stop(*c);
        match gate
            .blocked
            .iter_mut()
            .find(|(_, _, o)| same_stop(o, &outcome))
        {
            Some((ps, _, _)) => ps.push(piece),
            None => gate
                .blocked
                .push((smallvec::smallvec![piece], Passes::new(), *outcome)),
        }
    }
    gate
}

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

/// Pieces that pass `check` go on together; the others stop, those refused alike together.
fn split(
    ctx: &Ctx<'_>,
    pieces: Pieces,
    check: impl Fn(&mut Piece<'_, '_>, Ipv4Net) -> Result<(), Box<Outcome>>,
) -> Gate {
    let mut gate = Gate {
        pass: Pieces::new(),
        hops: Passes::new(),
        blocked: Vec::new(),
    };
    // A log of the source's checks would record a refused piece's checks twice.
    let may_quiet = ctx.facts && ctx.log.borrow().is_none();
    let mut memo = Passed1::default();
    for piece in pieces {
        let mut p = Piece {
            ctx,
            hops: Passes::new(),
            memo: &mut memo,
        };
        // Only the first piece that passes keeps its hops: those after it are decided without
        // facts, and checked again with them only when refused (a stop keeps its facts).
        let quiet = may_quiet && !gate.pass.is_empty();
        ctx.quiet.set(quiet);
        let mut result = check(&mut p, piece);
        ctx.quiet.set(false);
        if quiet && result.is_err() {
            p.hops.clear();
            result = check(&mut p, piece);
        }
        match result {
            Ok(()) => {
                if gate.pass.is_empty() {
                    gate.hops = p.hops;
                }
                gate.pass.push(piece);
            }
            Err(outcome) => {
                let same = gate
                    .blocked
                    .iter_mut()
                    .find(|(_, _, o)| same_stop(o, &outcome));
                match same {
                    Some((ps, _, _)) => ps.push(piece),
                    None => gate
                        .blocked
                        .push((smallvec::smallvec![piece], p.hops, *outcome)),
                }
            }
        }
    }
    gate
}

/// Pieces refused by the same object for the same reason stop together.
fn same_stop(a: &Outcome, b: &Outcome) -> bool {
    match (a, b) {
        (Outcome::Stop { id: x, stop: s, .. }, Outcome::Stop { id: y, stop: t, .. }) => {
            x == y && s.reason() == t.reason()
        }
        _ => false,
    }
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
    let entry = entry_subnet(ctx, target, dest, piece);
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
        (Target::Local, Dest::Eni { endpoint }) => {
            let Some((e, groups, id)) = endpoint_eni(ctx, endpoint, piece) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::deps::Deps;
    use crate::eval::query::Probe;

    /// A refusal's stop, compared by kind, id and reason.
    fn stop(o: &Outcome) -> Option<(HopKind, Id, Stop)> {
        match o {
            Outcome::Stop { kind, id, stop, .. } => Some((*kind, id.clone(), (**stop).clone())),
            _ => None,
        }
    }

    /// Without hops or facts (the matrix, the cost estimate), the source's egress decided per
    /// piece ([`egress_decided`]) passes and refuses the same pieces as the gate's checks
    /// ([`egress_checked`]), stops them alike, logs the same checks with the same decisions
    /// and records the same reads, logging or not, for every instance of the shipped
    /// scenarios with security groups, to every subnet, instance and service range, and to
    /// each interface endpoint's network interfaces, on the default probe (decided ahead) and
    /// on SSH (the rules scanned).
    #[test]
    fn egress_decided_per_piece_is_the_gates_checks() {
        let (mut passed, mut refused) = (0, 0);
        let ssh = Probe {
            protocol: crate::model::Protocol::Tcp,
            port: 22,
            chosen: true,
        };
        for name in [
            "security-layers",
            "endpoint-security-group",
            "nacl-ephemeral",
        ] {
            let model = crate::model::shipped_scenario(name);
            let s = model.scenario();
            let mut pieces: Pieces = s.subnets.iter().filter_map(|n| n.cidr).collect();
            pieces.extend(
                s.instances
                    .iter()
                    .filter_map(|i| i.private_ip)
                    .map(Ipv4Net::from),
            );
            for service in model.services() {
                pieces.extend(service.cidrs.iter().copied());
            }
            for e in 0..s.interface_endpoints.len() {
                pieces.extend(model.endpoint_enis(e).iter().map(|x| Ipv4Net::from(x.ip)));
            }
            let mut dests = vec![Dest::Range];
            dests.extend((0..s.interface_endpoints.len()).map(|endpoint| Dest::Eni { endpoint }));
            for (i, instance) in s.instances.iter().enumerate() {
                for (probe, logging, &dest) in [Probe::default(), ssh]
                    .into_iter()
                    .flat_map(|p| [(p, false), (p, true)])
                    .flat_map(|(p, l)| dests.iter().map(move |d| (p, l, d)))
                {
                    let run = |decided: bool| {
                        let mut ctx = Ctx::verdicts(&model, &[], probe);
                        ctx.src_subnet = model.subnet_index(&instance.subnet).unwrap_or(0);
                        ctx.src_groups = model.security().instance_groups[i].clone();
                        *ctx.deps.get_mut() = Deps::recording();
                        if logging {
                            *ctx.log.get_mut() = Some(Vec::new());
                        }
                        let gate = match decided {
                            true => egress_decided(&ctx, dest, pieces.clone()),
                            false => egress_checked(&ctx, dest, pieces.clone()),
                        };
                        let blocked: Vec<_> = gate
                            .blocked
                            .iter()
                            .map(|(p, h, o)| (p.clone(), h.len(), stop(o)))
                            .collect();
                        let log = format!("{:?}", ctx.log.get_mut());
                        let reads = ctx.deps.get_mut().clone();
                        (gate.pass, gate.hops.len(), blocked, log, reads)
                    };
                    let decided = run(true);
                    assert_eq!(decided, run(false), "{name} {} {dest:?}", instance.id);
                    passed += decided.0.len();
                    refused += decided.2.len();
                }
            }
        }
        // Both ways taken: the scenarios' groups allow some pieces and refuse others.
        assert!(passed > 0 && refused > 0, "{passed} {refused}");
    }
}
