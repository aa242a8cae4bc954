//! The decisions a walk logs for the matrix's families to replay (`matrix/family.rs`): the
//! checks the source's groups or address take part in ([`super::layers`] logs them).

use crate::model::PortRange;

use super::ctx::{Side, SourceCheck};
use super::facts::AclDirection;

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
}

impl Logged<'_> {
    /// A check of the source's address: a crossing, a read, or a group check from the source.
    pub(crate) fn of_address(&self) -> bool {
        match self {
            Logged::Group(c) => matches!(c.peer, Side::Source),
            Logged::Acl { .. } | Logged::Address => true,
        }
    }

    /// The same check (and so the same decision): the groups compared by their lists.
    pub(crate) fn same(&self, other: &Logged<'_>) -> bool {
        let side = |a: &Side<'_>, b: &Side<'_>| match (a, b) {
            (Side::Source, Side::Source) | (Side::Unknown, Side::Unknown) => true,
            (Side::Of(x), Side::Of(y)) => x == y,
            _ => false,
        };
        match (self, other) {
            (Logged::Group(a), Logged::Group(b)) => {
                a.direction == b.direction
                    && a.traffic == b.traffic
                    && a.allowed == b.allowed
                    && side(&a.groups, &b.groups)
                    && side(&a.peer, &b.peer)
            }
            (
                Logged::Acl {
                    subnet,
                    direction,
                    reply_ports,
                    allowed,
                },
                Logged::Acl {
                    subnet: s2,
                    direction: d2,
                    reply_ports: r2,
                    allowed: a2,
                },
            ) => subnet == s2 && direction == d2 && reply_ports == r2 && allowed == a2,
            (Logged::Address, Logged::Address) => true,
            _ => false,
        }
    }
}
