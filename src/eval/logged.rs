//! The decisions a walk logs for the matrix's families to replay (`matrix/family.rs`): the
//! checks the source's groups or address take part in ([`super::layers`] logs them; a group
//! check the source's groups may take part in goes through [`source_check`]).

use crate::model::PortRange;

use super::ctx::{Ctx, Side, SourceCheck};
use super::facts::{AclDirection, GroupCheck, GroupDirection, Id, Traffic};
use super::rules::security_group::{self, Allowed};

/// A decision a walk logged for the matrix's families ([`super::ctx::Ctx::log`]): the classes
/// of a family differ only in their groups and address, and replay these with their own.
#[derive(Debug, Clone)]
pub(crate) enum Logged<'m> {
    /// A group check the source's groups took part in (as the groups checked or as the
    /// peer's). Where the peer is the source's (`Side::Source`), the traffic's peer is the
    /// source's own address: a replay puts its own there.
    Group(SourceCheck<'m>),
    /// A network ACL crossing into `subnet` from the source's own address (the request
    /// `direction`, its reply back to `reply_ports`), and whether the request and the reply
    /// were allowed (the one refused names the stop's reason).
    Acl {
        subnet: usize,
        direction: AclDirection,
        reply_ports: PortRange,
        allowed: (bool, bool),
    },
    /// The source's address read where no replay can decide again (a GWLB endpoint keeps it
    /// for the return leg's route): only a class with the same address replays the walk.
    Address,
    /// The source's public-IP state read (an internet gateway passes only a public address;
    /// a NAT gateway or NAT instance that translated the packet replaced it): only a class
    /// with the same state replays the walk. Nothing else of a walk reads it, so the classes
    /// of a subnet with and without a public IP share a family.
    PublicIp,
}

impl Logged<'_> {
    /// A check of the source's address (a crossing, a read, or a group check from the source)
    /// or of its public-IP state.
    pub(crate) fn of_address(&self) -> bool {
        match self {
            Logged::Group(c) => matches!(c.peer, Side::Source),
            Logged::Acl { .. } | Logged::Address | Logged::PublicIp => true,
        }
    }

    /// The same check (and so, in one walk, the same decision): the groups compared by their
    /// lists, whatever the check decided.
    pub(crate) fn same_check(&self, other: &Logged<'_>) -> bool {
        let side = |a: &Side<'_>, b: &Side<'_>| match (a, b) {
            (Side::Source, Side::Source) | (Side::Unknown, Side::Unknown) => true,
            // Mostly the same list the model holds: compared by address first.
            (Side::Of(x), Side::Of(y)) => std::ptr::eq(*x, *y) || x == y,
            _ => false,
        };
        match (self, other) {
            (Logged::Group(a), Logged::Group(b)) => {
                a.direction == b.direction
                    && a.traffic == b.traffic
                    && side(&a.groups, &b.groups)
                    && side(&a.peer, &b.peer)
            }
            (
                Logged::Acl {
                    subnet,
                    direction,
                    reply_ports,
                    ..
                },
                Logged::Acl {
                    subnet: s2,
                    direction: d2,
                    reply_ports: r2,
                    ..
                },
            ) => subnet == s2 && direction == d2 && reply_ports == r2,
            (Logged::Address, Logged::Address) | (Logged::PublicIp, Logged::PublicIp) => true,
            _ => false,
        }
    }
}

/// The entry the walk in progress logged (from `start` on) for the same check of the source's
/// address as `check`, if it logged one: a walk logs each such check once (every piece that
/// reaches an interface makes the same checks of that address there), with its decision, which
/// the same check in the same walk makes again.
pub(crate) fn logged_before<'a, 'm>(
    log: &'a [Logged<'m>],
    start: usize,
    check: &Logged<'_>,
) -> Option<&'a Logged<'m>> {
    log.get(start..)?.iter().find(|l| l.same_check(check))
}

/// The walk read the source's public-IP state: logged once per walk when the context logs.
pub(crate) fn public_ip_read(ctx: &Ctx<'_>) {
    if let Some(log) = ctx.log.borrow_mut().as_mut()
        && logged_before(log, ctx.log_start.get(), &Logged::PublicIp).is_none()
    {
        log.push(Logged::PublicIp);
    }
}

/// [`security_group::check`] of a check the source's groups may take part in (`groups` or
/// `peer`), logged with its decision when the context logs them ([`Ctx::log`]).
pub(crate) fn source_check<'m>(
    ctx: &Ctx<'m>,
    direction: GroupDirection,
    interface: &str,
    groups: Side<'m>,
    traffic: Traffic,
    peer: Side<'m>,
) -> Result<Allowed, Box<GroupCheck>> {
    let src = ctx.src_groups.as_slice();
    let checked = groups.resolve(src).unwrap_or_default();
    let logging = ctx.log.borrow().is_some();
    let involved = matches!(groups, Side::Source) || matches!(peer, Side::Source);
    let mut entry = SourceCheck {
        direction,
        groups,
        traffic,
        peer,
        allowed: false,
    };
    // A check from the source's address is logged once per walk (each piece reaching an
    // interface makes it again): made again alike, it is not logged again, and when it allowed
    // the traffic without facts to make, it is not even made again (the first one recorded
    // what it read, in the same cell).
    let before = match (logging, peer) {
        (true, Side::Source) => ctx.log.borrow().as_ref().and_then(|log| {
            let probe = Logged::Group(entry.clone());
            match logged_before(log, ctx.log_start.get(), &probe) {
                Some(Logged::Group(c)) => Some(c.allowed),
                _ => None,
            }
        }),
        _ => None,
    };
    if before == Some(true) && !ctx.layer_facts() {
        return Ok(Allowed {
            interface: match super::layers::keeps_hops(ctx) {
                false => Id::default(),
                true => Id::from(interface),
            },
            check: None,
        });
    }
    // While logging, the source's groups' rules are not recorded as read here: the log says
    // which checks read them, and the matrix records them for each class it stands for.
    let record = !(logging && matches!(groups, Side::Source));
    let check = security_group::check_with(
        ctx,
        record,
        direction,
        interface,
        checked,
        traffic,
        peer.resolve(src),
    );
    if logging
        && involved
        && before.is_none()
        && let Some(log) = ctx.log.borrow_mut().as_mut()
    {
        entry.allowed = check.is_ok();
        log.push(Logged::Group(entry));
    }
    check
}
