//! What a gate's first piece passed, taken as passed by the pieces after it (aws-semantics.md
//! §5b: a network ACL crossing and a security group's ingress decide by the packet's source
//! address, the same for every piece of one arrival).

/// The checks of one gate that do not read the piece and that a piece passed without keeping
/// its hops: a crossing into a subnet from the packet's source address ([`super::Piece::cross_from`])
/// and a group ingress check from it (by the groups' list). The pieces of one arrival make them
/// alike (the same subnet, address and reply ports; the same groups, traffic and peer groups),
/// so a piece after the first that keeps no hops takes them as passed: what they read and
/// logged was recorded by the first, in the same cell. The first is also a piece that made them
/// with its facts (a trace's first piece, before its quiet ones: `super::split`). A refused
/// check is not kept (its piece stops, and the next one makes it again for its stop).
#[derive(Default)]
pub(super) struct Passed1 {
    /// Subnets crossed into from the source's address.
    pub(super) from: smallvec::SmallVec<[usize; 4]>,
    /// Group lists whose ingress from the source's address allowed the packet (by address and
    /// length: the lists the model holds).
    pub(super) ingress: smallvec::SmallVec<[(usize, usize); 2]>,
}

impl Passed1 {
    pub(super) fn key(groups: &[u32]) -> (usize, usize) {
        (groups.as_ptr() as usize, groups.len())
    }
}
