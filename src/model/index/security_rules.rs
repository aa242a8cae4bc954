//! Security group and network ACL rules compiled for the evaluator's hot loop: addresses as
//! integer ranges, ports as bounds, group peers resolved to indexes, network ACL rules in number
//! order. Built with the security index; the rules themselves stay in the scenario for facts.

use ipnet::Ipv4Net;

use crate::model::{
    CompactString, NetworkAcl, Peer, Protocol, RuleAction, SecurityGroup, SecurityGroupRule,
};

/// An address block as the inclusive range of its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(pub u32, pub u32);

impl Span {
    pub fn of(net: Ipv4Net) -> Span {
        Span(u32::from(net.network()), u32::from(net.broadcast()))
    }

    pub fn contains(self, other: Span) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }

    /// Blocks nest or are disjoint: overlapping is sharing an address.
    pub fn overlaps(self, other: Span) -> bool {
        self.0 <= other.1 && other.0 <= self.1
    }
}

/// A security group rule's peer, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupPeer {
    Cidr(Span),
    /// A managed prefix list, by service name (the catalogue resolves it at check time).
    PrefixList(String),
    /// A group, by index (none: a group the scenario does not have).
    Group(Option<u32>),
}

/// One security group rule, compiled; `index` is its place in the group's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRuleC {
    pub protocol: Protocol,
    pub ports: (u16, u16),
    pub peer: GroupPeer,
    pub index: u32,
    /// The peer as a fact names it ([`peer_text`]), written once here: a trace's group checks
    /// name their rules' peers, and writing a CIDR per fact was a fifth of such a check.
    pub peer_text: CompactString,
}

/// A rule's peer as written (`10.0.0.0/16`, `pl-s3`, `sg-app`): `Peer`'s `Display`.
pub fn peer_text(peer: &Peer) -> CompactString {
    match peer {
        // Written straight into the string (inline up to 24 bytes), as `Display` writes it.
        Peer::Cidr(c) => CompactString::from(crate::net_text::NetText::net(*c).as_str()),
        Peer::Group(g) => CompactString::from(g.as_str()),
        p => compact_str::ToCompactString::to_compact_string(p),
    }
}

/// A group's rules compiled: ingress, then egress.
pub type CompiledGroup = [Vec<GroupRuleC>; 2];

pub fn compile_group(
    g: &SecurityGroup,
    lookup: &std::collections::HashMap<String, u32>,
) -> CompiledGroup {
    let one = |rules: &[SecurityGroupRule]| {
        rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let ports = r.port_range();
                GroupRuleC {
                    protocol: r.protocol,
                    ports: (ports.0, ports.1),
                    peer: match &r.peer {
                        Peer::Cidr(c) => GroupPeer::Cidr(Span::of(*c)),
                        Peer::PrefixList(s) => GroupPeer::PrefixList(s.clone()),
                        Peer::Group(id) => GroupPeer::Group(lookup.get(id).copied()),
                    },
                    index: i as u32,
                    peer_text: peer_text(&r.peer),
                }
            })
            .collect()
    };
    [one(&g.ingress), one(&g.egress)]
}

/// One network ACL rule, compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AclRuleC {
    pub number: u16,
    pub protocol: Protocol,
    pub ports: (u16, u16),
    pub cidr: Span,
    pub deny: bool,
}

/// A network ACL's rules compiled, each direction in number order (the first of equal numbers
/// first, as listed): inbound, then outbound.
pub type CompiledAcl = [Vec<AclRuleC>; 2];

pub fn compile_acl(acl: &NetworkAcl) -> CompiledAcl {
    let one = |rules: &[crate::model::NetworkAclRule]| {
        let mut out: Vec<AclRuleC> = rules
            .iter()
            .map(|r| {
                let ports = r.port_range();
                AclRuleC {
                    number: r.number,
                    protocol: r.protocol,
                    ports: (ports.0, ports.1),
                    cidr: Span::of(r.cidr),
                    deny: r.action == RuleAction::Deny,
                }
            })
            .collect();
        // A stable sort: among equal numbers the first listed stays first.
        out.sort_by_key(|r| r.number);
        out
    };
    [one(&acl.inbound), one(&acl.outbound)]
}

/// One kind of traffic as a rule's protocol and ports see it: the protocol, and the port range
/// (none for a protocol without ports).
pub type Kind = (Protocol, Option<(u16, u16)>);

/// The traffic the index decides ahead for: the default probe's request (TCP 443), the only
/// one the matrix and the cost estimate ask unless told otherwise.
pub const PROBE_KIND: Kind = (Protocol::Tcp, Some((443, 443)));

/// Whether a rule of `protocol` and `ports` can match traffic of `kind` whatever its peer
/// (security groups: the rule's ports hold all of the traffic's).
fn group_rule_fits(protocol: Protocol, ports: (u16, u16), kind: Kind) -> bool {
    protocol.covers(kind.0) && kind.1.is_none_or(|(a, b)| ports.0 <= a && b <= ports.1)
}

/// The rules of one group and direction that allow traffic of one [`Kind`], reduced to what a
/// peer decides: a rule allows the traffic when its block (a CIDR, or one range of a managed
/// prefix list) holds all of the peer, or when the peer's interface holds the group it names.
/// So a check is one binary search instead of a scan of the rules; the decision is the one
/// the scan of [`CompiledGroup`] makes (a property test holds them together).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupAllow {
    /// The blocks sorted by first address, each with the highest last address of it and of
    /// those before it.
    blocks: Vec<(u32, u32)>,
    /// The groups named as peers, sorted.
    groups: Vec<u32>,
}

impl GroupAllow {
    /// From one direction's compiled rules; `prefix_list` gives a managed prefix list's ranges.
    pub fn build(
        rules: &[GroupRuleC],
        kind: Kind,
        prefix_list: &dyn Fn(&str) -> Vec<Span>,
    ) -> GroupAllow {
        let mut blocks: Vec<(u32, u32)> = Vec::new();
        let mut groups = Vec::new();
        for r in rules
            .iter()
            .filter(|r| group_rule_fits(r.protocol, r.ports, kind))
        {
            match &r.peer {
                GroupPeer::Cidr(c) => blocks.push((c.0, c.1)),
                GroupPeer::PrefixList(s) => {
                    blocks.extend(prefix_list(s).iter().map(|c| (c.0, c.1)))
                }
                GroupPeer::Group(Some(g)) => groups.push(*g),
                GroupPeer::Group(None) => {}
            }
        }
        blocks.sort_unstable();
        let mut reach = 0;
        for b in &mut blocks {
            reach = reach.max(b.1);
            b.1 = reach;
        }
        groups.sort_unstable();
        groups.dedup();
        GroupAllow { blocks, groups }
    }

    /// Whether a rule allows the traffic from or to `peer`, whose interface holds the groups
    /// `peer_groups` (none: not an interface the model knows).
    pub fn allows(&self, peer: Span, peer_groups: Option<&[u32]>) -> bool {
        let before = self.blocks.partition_point(|b| b.0 <= peer.0);
        if before > 0 && self.blocks[before - 1].1 >= peer.1 {
            return true;
        }
        peer_groups.is_some_and(|held| {
            !self.groups.is_empty() && held.iter().any(|g| self.groups.binary_search(g).is_ok())
        })
    }
}

/// Whether a network ACL rule of `protocol` and `ports` can match traffic of `kind`: it
/// covers the protocol, and its ports hold the traffic's (or, for a deny rule, share one).
fn acl_rule_fits(rule: &AclRuleC, kind: Kind) -> bool {
    let (lo, hi) = rule.ports;
    rule.protocol.covers(kind.0)
        && match kind.1 {
            None => true,
            Some((a, b)) => (lo <= a && b <= hi) || (rule.deny && lo <= b && a <= hi),
        }
}

/// The rules of one network ACL direction that can match traffic of one [`Kind`], in number
/// order, as (block, deny): the first whose block holds the peer (or, denying, shares an
/// address with it) decides, as the scan of [`CompiledAcl`] does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AclFor {
    pub kind: Kind,
    rules: Vec<(Span, bool)>,
}

impl AclFor {
    pub fn build(rules: &[AclRuleC], kind: Kind) -> AclFor {
        AclFor {
            kind,
            rules: rules
                .iter()
                .filter(|r| acl_rule_fits(r, kind))
                .map(|r| (r.cidr, r.deny))
                .collect(),
        }
    }

    /// Whether the ACL allows the traffic with `peer` at the other end (no rule: `*` denies).
    pub fn allows(&self, peer: Span) -> bool {
        self.rules
            .iter()
            .find(|(c, deny)| c.contains(peer) || (*deny && c.overlaps(peer)))
            .is_some_and(|r| !r.1)
    }

    /// The first address of each block's addresses and of the addresses after it.
    fn edges(&self) -> impl Iterator<Item = u32> + '_ {
        self.rules
            .iter()
            .flat_map(|(c, _)| [Some(c.0), c.1.checked_add(1)])
            .flatten()
    }
}

/// One crossing of a network ACL decided ahead: the default probe's request one way and its
/// reply to some ports the other way, for every peer at once. The address space is cut at the
/// edges of both directions' rules' blocks, each piece with both decisions: every block holds
/// a piece whole or shares no address with it, so a peer inside one piece (a host, or a subnet
/// no rule cuts) is decided as any address of the piece, by one binary search instead of two
/// scans; a peer across pieces by the scans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclCrossing {
    /// The request's direction (0 inbound, 1 outbound), and the ports its reply comes back to.
    pub side: usize,
    pub reply_ports: (u16, u16),
    /// The first address of each piece, in order (the first is 0).
    starts: Vec<u32>,
    /// Per piece, whether the request is allowed (bit 1) and its reply (bit 0).
    decided: Vec<u8>,
}

impl AclCrossing {
    fn build(side: usize, reply_ports: (u16, u16), request: &AclFor, reply: &AclFor) -> Self {
        let mut starts: Vec<u32> = std::iter::once(0)
            .chain(request.edges())
            .chain(reply.edges())
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let decided = starts
            .iter()
            .map(|&a| {
                u8::from(request.allows(Span(a, a))) << 1 | u8::from(reply.allows(Span(a, a)))
            })
            .collect();
        AclCrossing {
            side,
            reply_ports,
            starts,
            decided,
        }
    }

    /// (request, reply) with `peer` at the other end, when it lies inside one piece (none:
    /// the scans decide).
    pub fn decide(&self, peer: Span) -> Option<(bool, bool)> {
        // The piece holding the peer's first address (`starts[0]` is 0), and where it ends.
        let i = self.starts.partition_point(|&a| a <= peer.0);
        let end = self.starts.get(i).map_or(u32::MAX, |&next| next - 1);
        let bits = *self.decided.get(i.checked_sub(1)?)?;
        (peer.1 <= end).then_some((bits & 2 != 0, bits & 1 != 0))
    }
}

/// The kinds of traffic the index decides ahead for a network ACL: the probe's request and
/// its reply to the client's ephemeral ports and to a NAT gateway's.
pub fn acl_kinds(ephemeral: (u16, u16), nat: (u16, u16)) -> Vec<Kind> {
    let mut kinds = vec![PROBE_KIND, (PROBE_KIND.0, Some(ephemeral))];
    if nat != ephemeral {
        kinds.push((PROBE_KIND.0, Some(nat)));
    }
    kinds
}

/// A group's rules decided ahead for [`PROBE_KIND`]: ingress, then egress.
pub type GroupAhead = [GroupAllow; 2];

pub fn group_ahead(rules: &CompiledGroup, prefix_list: &dyn Fn(&str) -> Vec<Span>) -> GroupAhead {
    [
        GroupAllow::build(&rules[0], PROBE_KIND, prefix_list),
        GroupAllow::build(&rules[1], PROBE_KIND, prefix_list),
    ]
}

/// A network ACL's rules decided ahead for each of `kinds` (indexed by side: inbound, then
/// outbound), and its crossings: the first kind's request each way with each other kind's
/// reply ([`AclCrossing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclAhead {
    sides: [Vec<AclFor>; 2],
    pub crossings: Vec<AclCrossing>,
}

impl std::ops::Index<usize> for AclAhead {
    type Output = Vec<AclFor>;

    fn index(&self, side: usize) -> &Vec<AclFor> {
        &self.sides[side]
    }
}

pub fn acl_ahead(rules: &CompiledAcl, kinds: &[Kind]) -> AclAhead {
    let one = |d: &[AclRuleC]| {
        kinds
            .iter()
            .map(|&k| AclFor::build(d, k))
            .collect::<Vec<_>>()
    };
    let sides = [one(&rules[0]), one(&rules[1])];
    let mut crossings = Vec::new();
    for side in 0..2 {
        let (Some(request), back) = (sides[side].first(), &sides[1 - side]) else {
            continue;
        };
        for reply in back.iter().skip(1) {
            if let (Some(ports), true) = (reply.kind.1, reply.kind.0 == request.kind.0) {
                crossings.push(AclCrossing::build(side, ports, request, reply));
            }
        }
    }
    AclAhead { sides, crossings }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PROTOCOLS: [Protocol; 4] = [Protocol::All, Protocol::Tcp, Protocol::Udp, Protocol::Icmp];

    /// A block inside 10.0.0.0/22 (or everything), so that random blocks nest and overlap.
    fn span(len: u8, at: u16) -> Span {
        if len == 0 {
            return Span(0, u32::MAX);
        }
        let len = 22 + u32::from(len % 11);
        let size = 1u32 << (32 - len);
        let base = 0x0a00_0000 + (u32::from(at) % (1 << 10)) * 4;
        let start = base / size * size;
        Span(start, start + (size - 1))
    }

    fn ports(p: u8) -> (u16, u16) {
        [
            (443, 443),
            (0, 65535),
            (1024, 65535),
            (80, 80),
            (400, 500),
            (2000, 2000),
        ][p as usize % 6]
    }

    fn kind(k: u8) -> Kind {
        let protocol = PROTOCOLS[k as usize % 4];
        let ports = protocol
            .has_ports()
            .then(|| [(443, 443), (1024, 65535), (0, 65535), (450, 2000)][k as usize / 4 % 4]);
        (protocol, ports)
    }

    type RawRule = (u8, u8, u8, u16, u8);

    fn group_rules(raw: &[RawRule]) -> Vec<GroupRuleC> {
        raw.iter()
            .enumerate()
            .map(|(i, &(p, ports_, len, at, peer))| GroupRuleC {
                protocol: PROTOCOLS[p as usize % 4],
                ports: ports(ports_),
                peer: match peer % 5 {
                    0 => GroupPeer::PrefixList(["s3", "none"][usize::from(peer % 2)].into()),
                    1 => GroupPeer::Group(Some(u32::from(peer % 3))),
                    2 => GroupPeer::Group(None),
                    _ => GroupPeer::Cidr(span(len, at)),
                },
                index: i as u32,
                peer_text: CompactString::default(),
            })
            .collect()
    }

    fn prefix_list(name: &str) -> Vec<Span> {
        match name {
            "s3" => vec![span(3, 8), span(8, 700)],
            _ => Vec::new(),
        }
    }

    /// The scan the evaluator makes without the rules decided ahead (`security_group.rs`).
    fn group_scan(rules: &[GroupRuleC], kind: Kind, peer: Span, held: Option<&[u32]>) -> bool {
        rules.iter().any(|r| {
            r.protocol.covers(kind.0)
                && kind.1.is_none_or(|(a, b)| r.ports.0 <= a && b <= r.ports.1)
                && match &r.peer {
                    GroupPeer::Cidr(c) => c.contains(peer),
                    GroupPeer::PrefixList(s) => prefix_list(s).iter().any(|c| c.contains(peer)),
                    GroupPeer::Group(Some(g)) => held.is_some_and(|h| h.contains(g)),
                    GroupPeer::Group(None) => false,
                }
        })
    }

    /// The scan of `network_acl.rs`: the first rule that matches decides, `*` denies.
    fn acl_scan(rules: &[AclRuleC], kind: Kind, peer: Span) -> bool {
        rules
            .iter()
            .find(|r| {
                let (lo, hi) = r.ports;
                r.protocol.covers(kind.0)
                    && match kind.1 {
                        None => true,
                        Some((a, b)) if lo <= a && b <= hi => true,
                        Some((a, b)) => r.deny && lo <= b && a <= hi,
                    }
                    && (r.cidr.contains(peer) || (r.deny && r.cidr.overlaps(peer)))
            })
            .is_some_and(|r| !r.deny)
    }

    proptest! {
        #[test]
        fn groups_decided_ahead_decide_as_the_scan(
            raw in proptest::collection::vec(any::<RawRule>(), 0..12),
            k in any::<u8>(),
            peers in proptest::collection::vec((any::<u8>(), any::<u16>()), 1..8),
            held in proptest::option::of(proptest::collection::vec(0u32..4, 0..3)),
        ) {
            let rules = group_rules(&raw);
            let kind = kind(k);
            let ahead = GroupAllow::build(&rules, kind, &prefix_list);
            for (len, at) in peers {
                let peer = span(len, at);
                prop_assert_eq!(
                    ahead.allows(peer, held.as_deref()),
                    group_scan(&rules, kind, peer, held.as_deref()),
                    "{:?} {:?}", peer, kind
                );
            }
        }

        #[test]
        fn network_acls_decided_ahead_decide_as_the_scan(
            raw in proptest::collection::vec(any::<RawRule>(), 0..12),
            k in any::<u8>(),
            peers in proptest::collection::vec((any::<u8>(), any::<u16>()), 1..8),
        ) {
            let rules = acl_rules(&raw);
            let kind = kind(k);
            let ahead = AclFor::build(&rules, kind);
            for (len, at) in peers {
                let peer = span(len, at);
                prop_assert_eq!(ahead.allows(peer), acl_scan(&rules, kind, peer), "{:?}", peer);
            }
        }

        /// A crossing decided ahead ([`AclCrossing`]) decides request and reply as the scans
        /// of both directions' rules wherever it decides, and it decides every host.
        #[test]
        fn network_acl_crossings_decided_ahead_decide_as_the_scans(
            raw in proptest::collection::vec(any::<RawRule>(), 0..12),
            raw_back in proptest::collection::vec(any::<RawRule>(), 0..12),
            peers in proptest::collection::vec((any::<u8>(), any::<u16>()), 1..8),
        ) {
            let (to, back) = (acl_rules(&raw), acl_rules(&raw_back));
            let reply_kind = (Protocol::Tcp, Some((1024, 65535)));
            let (request, reply) = (AclFor::build(&to, PROBE_KIND), AclFor::build(&back, reply_kind));
            let crossing = AclCrossing::build(0, (1024, 65535), &request, &reply);
            for (len, at) in peers {
                let peer = span(len, at);
                let scans = |p: Span| (acl_scan(&to, PROBE_KIND, p), acl_scan(&back, reply_kind, p));
                if let Some(d) = crossing.decide(peer) {
                    prop_assert_eq!(d, scans(peer), "{:?}", peer);
                }
                for host in [Span(peer.0, peer.0), Span(peer.1, peer.1)] {
                    prop_assert_eq!(crossing.decide(host), Some(scans(host)), "{:?}", host);
                }
            }
        }
    }

    /// Network ACL rules from raw draws, in number order.
    fn acl_rules(raw: &[RawRule]) -> Vec<AclRuleC> {
        let mut rules: Vec<AclRuleC> = raw
            .iter()
            .enumerate()
            .map(|(i, &(p, ports_, len, at, deny))| AclRuleC {
                number: (i as u16 * 7) % 11,
                protocol: PROTOCOLS[p as usize % 4],
                ports: ports(ports_),
                cidr: span(len, at),
                deny: deny % 2 == 0,
            })
            .collect();
        rules.sort_by_key(|r| r.number);
        rules
    }
}
