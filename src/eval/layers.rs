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

//!
//! The gates are in `layers/`: the source's egress (`egress.rs`), the network ACL crossings
//! (`crossings.rs`), the checks at an arrival (`arrival.rs`), and what a gate's first piece
//! passed for the others (`passed1.rs`).

use ipnet::Ipv4Net;

use super::ctx::{Ctx, Outcome, Pieces};
use super::facts::*;
pub(crate) use super::logged::Logged;
use super::rules::security_group::Allowed;

mod acl_cache;
mod arrival;
mod crossings;
mod egress;
mod passed1;

pub(crate) use acl_cache::AclDecided;
pub(crate) use arrival::gate;
pub(crate) use crossings::acl_allows;
pub(crate) use egress::egress;
use passed1::Passed1;

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
            Err(c) => Err(group_stop(c)),
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

/// Where a group check that refused the packet stops it: at its interface, for its reason
/// (the check, boxed where it was made, kept as it is).
fn group_stop(c: Box<GroupCheck>) -> Box<Outcome> {
    Box::new(Outcome::Stop {
        kind: HopKind::Blocked,
        id: c.interface.clone(),
        az: None,
        stop: Box::new(Stop::SecurityGroup(c)),
    })
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
