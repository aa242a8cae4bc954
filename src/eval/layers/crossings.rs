//! The network ACL crossings of a gate (aws-semantics.md §5b, network ACLs: stateless, per
//! subnet; the request is checked leaving the source subnet and entering each subnet it enters,
//! and the reply again on its own ports). The rule itself is `rules/network_acl.rs`; the
//! decisions from the source's address are kept on the context (`acl_cache.rs`).

use ipnet::Ipv4Net;

use crate::model::{NAT_EPHEMERAL, PortRange};

use super::super::ctx::{Ctx, Outcome, Walk};
use super::super::facts::*;
use super::super::logged::{Logged, logged_before};
use super::super::rules::network_acl;
use super::{Piece, acl_cache, keeps_hops};

impl Piece<'_, '_> {
    /// Request and reply across `subnet`'s boundary ([`crossing`]). Where no facts are kept
    /// (the matrix, the cost estimate), an allowed crossing is decided without making its
    /// checks; a refused one is checked in full for its stop.
    pub(super) fn cross(
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
                None => decide(ctx, acl, direction, peer, reply_ports),
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

/// Whether network ACL `acl` allows the request going `direction` with `peer` at the other end
/// and its reply to `reply_ports`; nothing is recorded as read.
fn decide(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> bool {
    // Decided ahead by the index when it has the probe and the peer lies in one piece
    // ([`acl_cache::decided`]), else by the rules.
    let (request, reply) = acl_cache::decided(ctx, acl, direction, peer, reply_ports);
    request && reply
}

impl Piece<'_, '_> {
    /// [`Self::cross`] of a quiet piece ([`Ctx::quiet`]: no hop, no fact, no log), decided
    /// only: whether it passes, what it read recorded when it does. A refused crossing is
    /// not made here: the caller checks the piece in full for its stop.
    pub(super) fn quiet_cross(
        &self,
        subnet: usize,
        direction: AclDirection,
        peer: Ipv4Net,
        reply_ports: PortRange,
    ) -> bool {
        let ctx = self.ctx;
        let acl = ctx.model.security().acl_of(subnet);
        let allowed = decide(ctx, acl, direction, peer, reply_ports);
        if allowed && let Some(a) = acl {
            ctx.read_acl(a as usize, direction);
        }
        allowed
    }
}

impl Piece<'_, '_> {
    /// [`Self::cross`] into `subnet` from the packet's source address `walk.address`, logged
    /// when it is the source's own (not translated) and the context logs.
    pub(super) fn cross_from(
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
            let start = ctx.log_start.get();
            let crossing = (subnet, direction, reply_ports);
            let before = logged_crossing(ctx, log, start, crossing, &entry);
            // Both decisions: which one refuses decides the stop's reason (the request's
            // direction, or the reply). The crossing below takes them as they are.
            let allowed = match before {
                Some(allowed) => allowed,
                None => {
                    let allowed = acl_allows(ctx, subnet, direction, walk.address, reply_ports);
                    if let Logged::Acl { allowed: a, .. } = &mut entry {
                        *a = allowed;
                    }
                    let index = log.len();
                    log.push(entry);
                    ctx.acl_decided.borrow_mut().logged(start, crossing, index);
                    allowed
                }
            };
            decided = Some(allowed);
        }
        let passed = self.cross_decided(subnet, direction, walk.address, reply_ports, decided);
        // Kept for the quiet pieces after it too when this piece made the crossing with its
        // facts (a trace's first piece): the same crossing, the same decision.
        // (With `memo`, not kept yet: it returned above when it was.)
        if passed.is_ok() && (memo || (ctx.layer_facts() && !self.memo.from.contains(&subnet))) {
            self.memo.from.push(subnet);
        }
        passed
    }
}

/// The decisions (request, reply) of the crossing `entry` (`crossing`) if the walk that logs
/// from `start` logged it ([`logged_before`]), found where the walk's crossings were kept
/// ([`acl_cache::AclDecided::logged_at`]) when they are that walk's, else by scanning its log.
/// Debug builds scan the log too and compare.
fn logged_crossing(
    ctx: &Ctx<'_>,
    log: &[Logged<'_>],
    start: usize,
    crossing: acl_cache::WalkCrossing,
    entry: &Logged<'_>,
) -> Option<(bool, bool)> {
    let scan = || match logged_before(log, start, entry) {
        Some(&Logged::Acl { allowed, .. }) => Some(allowed),
        _ => None,
    };
    let kept = ctx.acl_decided.borrow().logged_at(start, crossing);
    let found = match kept {
        // The entry kept is the walk's own (from `start` on) and this crossing's.
        Some(Some(i)) => match log.get(i) {
            Some(l @ &Logged::Acl { allowed, .. }) if i >= start && l.same_check(entry) => {
                Some(allowed)
            }
            _ => scan(),
        },
        Some(None) => None,
        None => scan(),
    };
    // Found as the scan finds it (an invariant, not a message).
    debug_assert_eq!(found, scan());
    found
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
pub(super) fn traffic_both(ctx: &Ctx<'_>, peer: Ipv4Net, reply_ports: PortRange) -> [Traffic; 2] {
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
    network_acl::check_crossing(
        ctx,
        acl,
        subnet,
        direction,
        traffic_both(ctx, peer, reply_ports),
    )
}

/// The ports replies to the packet's sender come back to: the client's ephemeral range, or a
/// NAT gateway's once one translated the source.
pub(super) fn reply_ports(ctx: &Ctx<'_>, walk: &Walk<'_>) -> PortRange {
    match walk.translated {
        true => NAT_EPHEMERAL,
        false => ctx.model.security().ephemeral,
    }
}
