//! Network ACL crossings from the source's address kept on the context (aws-semantics.md §5b;
//! the rule itself is `rules/network_acl.rs`).
//!
//! A network ACL is stateless: whether it allows a request and its reply depends on the ACL's
//! rules, the direction, the address at the other end, the probe's protocol and port and the
//! ports the reply comes back to, and on nothing the walk carries. The matrix asks the
//! crossings from the source's address ([`super::acl_allows`]) again and again: a kept walk
//! into each subnet it enters, once per service, and a family's replays each logged crossing
//! once more per class and service, with that class's address. The decision is kept here, on
//! the [`Ctx`] (whose model does not change while it lives), in a fixed table keyed by what
//! decides it (the latest per slot); the probe, which a context may change ([`Ctx::probe`]),
//! empties the table when it differs.
//! (A piece's own crossing, the source subnet's to each destination piece, is not asked here:
//! it is asked once per walk, and on the security bench model 23,840 of its 25,246 keys were
//! new; keeping them cost more than deciding them.)
//!
//! Only the decisions are kept: what a crossing reads is recorded by its callers on every use
//! ([`Ctx::read_acl`]), hit or miss, so what a cell depends on is what it was without the
//! cache. Debug builds decide every hit again and compare.
//!
//! Crossings the index decides ahead (the default probe's request with its reply, for a peer
//! inside one piece of the ACL's cut of the address space: [`AclCrossing`]) are not kept: one
//! binary search decides both, cheaper than the table's look-up, and half the matrix's
//! crossings were new keys (decided by two scans, then kept for nothing).
//!
//! [`AclCrossing`]: crate::model::security_rules::AclCrossing

use ipnet::Ipv4Net;

use crate::eval::ctx::Ctx;
use crate::eval::facts::AclDirection;
use crate::eval::query::Probe;
use crate::eval::rules::network_acl;
use crate::model::{PortRange, security_rules};

/// Slots of the cache (a power of two): a class's crossings from its address are a handful,
/// asked again for each service, so a small table keeps them while the class is walked and
/// replayed; its memory stays fixed whatever the model.
const SLOTS: usize = 1 << 10;

/// The decisions (request, reply) of the network ACL crossings a context made, one per slot:
/// a key whose slot another took is decided again. Made when first used (a trace never is).
#[derive(Default)]
pub(crate) struct AclDecided {
    /// The probe the decisions were made for.
    probe: Option<Probe>,
    slots: Vec<Slot>,
    /// The crossings from the source's address the walk in progress logged ([`Ctx::log`]),
    /// by (subnet, direction, reply ports), each with its entry's index in the log, and where
    /// that walk's entries start ([`Ctx::log_start`]): a crossing is logged once per walk
    /// (`logged::logged_before`), and finding it here spares scanning the walk's log, most of
    /// it the source's egress checks, piece by piece. Made again for each walk
    /// ([`Self::new_walk`]).
    walk: Vec<(WalkCrossing, usize)>,
    walk_start: Option<usize>,
}

/// A crossing from the source's address as the walk's log tells it apart: subnet, direction
/// and reply ports.
pub(crate) type WalkCrossing = (usize, AclDirection, PortRange);

/// One decision and its key; `decided` 0 is an empty slot, else 1 + (request, reply) as bits.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: (u64, u64),
    decided: u8,
}

impl AclDecided {
    /// (ACL, peer address), (peer length, direction, reply ports): with the probe, all that
    /// decides a crossing.
    fn key(acl: u32, direction: AclDirection, peer: Ipv4Net, reply: PortRange) -> (u64, u64) {
        let direction = match direction {
            AclDirection::Inbound => 0u64,
            AclDirection::Outbound => 1,
        };
        (
            u64::from(acl) << 32 | u64::from(u32::from(peer.addr())),
            u64::from(peer.prefix_len())
                | direction << 8
                | u64::from(reply.0) << 16
                | u64::from(reply.1) << 32,
        )
    }

    /// The slot of `key`: Fibonacci hashing of its two words.
    fn slot(key: (u64, u64)) -> usize {
        let h = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - SLOTS.trailing_zeros())) as usize
    }

    fn get(&mut self, probe: Probe, key: (u64, u64)) -> Option<(bool, bool)> {
        if self.probe != Some(probe) {
            self.slots.clear();
            self.slots.resize(SLOTS, Slot::default());
            self.probe = Some(probe);
            return None;
        }
        let slot = self.slots[Self::slot(key)];
        (slot.decided != 0 && slot.key == key).then(|| {
            let bits = slot.decided - 1;
            (bits & 2 != 0, bits & 1 != 0)
        })
    }

    fn put(&mut self, key: (u64, u64), (request, reply): (bool, bool)) {
        let decided = 1 + (u8::from(request) << 1 | u8::from(reply));
        if let Some(slot) = self.slots.get_mut(Self::slot(key)) {
            *slot = Slot { key, decided };
        }
    }

    /// A walk starts logging at `start` ([`Ctx::log_start`]): none of its crossings logged.
    pub(crate) fn new_walk(&mut self, start: usize) {
        self.walk.clear();
        self.walk_start = Some(start);
    }

    /// Where the walk that logs from `start` logged `crossing`: `Some(None)` when it did not,
    /// none when the crossings kept are not that walk's (the log is to be scanned).
    pub(crate) fn logged_at(&self, start: usize, crossing: WalkCrossing) -> Option<Option<usize>> {
        (self.walk_start == Some(start))
            .then(|| self.walk.iter().find(|(c, _)| *c == crossing).map(|c| c.1))
    }

    /// The walk that logs from `start` logged `crossing` at `index` (kept when it is the walk
    /// [`Self::new_walk`] began).
    pub(crate) fn logged(&mut self, start: usize, crossing: WalkCrossing, index: usize) {
        if self.walk_start == Some(start) {
            self.walk.push((crossing, index));
        }
    }

    /// How many decisions are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.decided != 0).count()
    }
}

/// Whether network ACL `acl` (none: the default allow-all) allows the request going `direction`
/// with `peer` at the other end, and whether it allows its reply to `reply_ports`: both always
/// decided ([`network_acl::allows_crossing`] with `both`), and kept ([`AclDecided`]) unless
/// decided ahead ([`ahead`]). Nothing is recorded as read: the callers record it.
pub(crate) fn allows(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> (bool, bool) {
    let Some(a) = acl else {
        return (true, true);
    };
    if let Some(decided) = ahead(ctx, a, direction, peer, reply_ports) {
        return decided;
    }
    let key = AclDecided::key(a, direction, peer, reply_ports);
    let cached = ctx.acl_decided.borrow_mut().get(ctx.probe, key);
    if let Some(decided) = cached {
        // Decided as it was (an invariant, not a message).
        debug_assert_eq!(decided, fresh(ctx, acl, direction, peer, reply_ports));
        return decided;
    }
    let decided = fresh(ctx, acl, direction, peer, reply_ports);
    ctx.acl_decided.borrow_mut().put(key, decided);
    decided
}

/// [`allows`] without the table: a crossing asked once (a piece's own, from the source
/// subnet to each destination piece), decided ahead when the index has the traffic's kinds.
pub(crate) fn decided(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> (bool, bool) {
    let Some(a) = acl else {
        return (true, true);
    };
    ahead(ctx, a, direction, peer, reply_ports)
        .unwrap_or_else(|| fresh(ctx, acl, direction, peer, reply_ports))
}

/// The crossing decided ahead by the index ([`AclCrossing`]: the default probe's request with
/// its reply to `reply_ports`, one binary search for both), if it has it and the peer lies
/// inside one of its pieces.
///
/// [`AclCrossing`]: crate::model::security_rules::AclCrossing
fn ahead(
    ctx: &Ctx<'_>,
    acl: u32,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> Option<(bool, bool)> {
    let probe = (ctx.probe.protocol, ctx.probe.ports().map(|p| (p.0, p.1)));
    if probe != security_rules::PROBE_KIND {
        return None;
    }
    let ahead = ctx.model.security().acl_ahead.get(acl as usize)?;
    let side = match direction {
        AclDirection::Inbound => 0,
        AclDirection::Outbound => 1,
    };
    let ports = (reply_ports.0, reply_ports.1);
    let decided = ahead
        .crossings
        .iter()
        .find(|c| c.side == side && c.reply_ports == ports)?
        .decide(security_rules::Span::of(peer))?;
    // Decided as the rules decide (an invariant, not a message).
    debug_assert_eq!(decided, fresh(ctx, Some(acl), direction, peer, reply_ports));
    Some(decided)
}

/// The crossing decided from the ACL's rules. Out of line: the cache's hits stay small (and
/// a profile counts its misses by its calls).
#[inline(never)]
fn fresh(
    ctx: &Ctx<'_>,
    acl: Option<u32>,
    direction: AclDirection,
    peer: Ipv4Net,
    reply_ports: PortRange,
) -> (bool, bool) {
    let [request, reply] = super::crossings::traffic_both(ctx, peer, reply_ports);
    network_acl::allows_crossing(ctx, acl, direction, [&request, &reply], true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Protocol;

    /// Every crossing of the shipped scenarios with network ACLs, from every subnet both ways,
    /// with every subnet's and instance's address and every service range at the other end,
    /// on three probes and both reply ranges, asked twice in a row, three rounds of the three
    /// probes: the cache answers as the rules decide ([`fresh`]) each time, keeps at most one
    /// decision per crossing asked, and the crossings taken include allowed and refused
    /// requests and replies, and crossings the probes decide differently (a decision kept for
    /// one probe would answer another wrongly).
    #[test]
    fn cached_crossings_are_the_rules_decisions() {
        let probes = [
            Probe::default(),
            Probe::chosen(Protocol::Tcp, 22),
            Probe::chosen(Protocol::Udp, 53),
        ];
        let (mut allowed, mut refused, mut reply_refused, mut differs) = (0, 0, 0, 0);
        for name in [
            "security-layers",
            "nacl-ephemeral",
            "endpoint-security-group",
        ] {
            let model = crate::model::shipped_scenario(name);
            let s = model.scenario();
            let sec = model.security();
            let mut peers: Vec<Ipv4Net> = s.subnets.iter().filter_map(|n| n.cidr).collect();
            peers.extend(
                s.instances
                    .iter()
                    .filter_map(|i| i.private_ip)
                    .map(Ipv4Net::from),
            );
            for service in model.services() {
                peers.extend(service.cidrs.iter().copied());
            }
            let replies = [sec.ephemeral, crate::model::NAT_EPHEMERAL];
            let mut ctx = Ctx::verdicts(&model, &[], Probe::default());
            for round in 0..3 {
                for probe in probes {
                    ctx.probe = probe;
                    let mut asked = 0;
                    for subnet in 0..s.subnets.len() {
                        let acl = sec.acl_of(subnet);
                        for direction in [AclDirection::Inbound, AclDirection::Outbound] {
                            for &peer in &peers {
                                for reply in replies {
                                    let want = fresh(&ctx, acl, direction, peer, reply);
                                    let got = allows(&ctx, acl, direction, peer, reply);
                                    assert_eq!(got, want, "{name} {probe:?} {subnet} {peer}");
                                    // Asked again at once: the kept decision.
                                    assert_eq!(allows(&ctx, acl, direction, peer, reply), want);
                                    asked += usize::from(acl.is_some());
                                    if round == 0 {
                                        let first = Ctx::verdicts(&model, &[], probes[0]);
                                        let other = fresh(&first, acl, direction, peer, reply);
                                        differs += usize::from(other != want);
                                        match want {
                                            (true, true) => allowed += 1,
                                            (false, _) => refused += 1,
                                            (true, false) => reply_refused += 1,
                                        }
                                    }
                                }
                            }
                        }
                    }
                    // At most one decision per crossing asked (subnets sharing an ACL share
                    // them), none left from the probe before; the default probe's crossings
                    // the index decided ahead are not kept (maybe none is).
                    let kept = ctx.acl_decided.borrow().len();
                    let ahead = probe == Probe::default();
                    assert!(
                        kept <= asked && (asked == 0 || kept > 0 || ahead),
                        "{name} {kept}"
                    );
                }
            }
        }
        assert!(
            allowed > 0 && refused > 0 && reply_refused > 0 && differs > 0,
            "{allowed} {refused} {reply_refused} {differs}"
        );
    }

    /// More crossings than slots, each put then asked again after all of them: every answer
    /// is the decision put for that key or none (its slot taken by another), never another
    /// key's; the last ones put are all kept.
    #[test]
    fn a_taken_slot_answers_none_never_another_keys_decision() {
        let mut cache = AclDecided::default();
        let probe = Probe::default();
        assert_eq!(cache.get(probe, (0, 0)), None);
        let keys: Vec<_> = (0..4 * SLOTS as u32)
            .map(|i| {
                let peer =
                    Ipv4Net::new(std::net::Ipv4Addr::from(0x0a00_0000 + i), 32).expect("a /32");
                AclDecided::key(i % 7, AclDirection::Inbound, peer, PortRange(1024, 65535))
            })
            .collect();
        let decided = |i: usize| (!i.is_multiple_of(3), !i.is_multiple_of(5));
        for (i, &key) in keys.iter().enumerate() {
            cache.put(key, decided(i));
            assert_eq!(cache.get(probe, key), Some(decided(i)));
        }
        let mut kept = 0;
        for (i, &key) in keys.iter().enumerate() {
            match cache.get(probe, key) {
                Some(d) => {
                    assert_eq!(d, decided(i), "{i}");
                    kept += 1;
                }
                None => assert!(i < keys.len() - 1, "the last put is kept"),
            }
        }
        assert!(kept > 0 && kept <= SLOTS, "{kept}");
        assert_eq!(kept, cache.len());
        // Another probe: nothing kept.
        assert_eq!(cache.get(Probe::chosen(Protocol::Udp, 53), keys[0]), None);
        assert_eq!(cache.len(), 0);
    }

    /// The crossings a walk logged are its own: found where that walk logged them, not found
    /// before it logged them, and not taken for another walk's (one that logs from another
    /// start, or any walk before [`AclDecided::new_walk`]: the log is scanned then).
    #[test]
    fn a_walks_logged_crossings_are_its_own() {
        let mut cache = AclDecided::default();
        let a = (3, AclDirection::Inbound, PortRange(1024, 65535));
        let b = (3, AclDirection::Outbound, PortRange(1024, 65535));
        let c = (3, AclDirection::Inbound, PortRange(32768, 60999));
        // No walk begun: not known, the log is to be scanned.
        assert_eq!(cache.logged_at(0, a), None);
        cache.logged(0, a, 0);
        assert_eq!(cache.logged_at(0, a), None);
        cache.new_walk(5);
        assert_eq!(cache.logged_at(5, a), Some(None));
        cache.logged(5, a, 7);
        cache.logged(5, c, 9);
        assert_eq!(cache.logged_at(5, a), Some(Some(7)));
        assert_eq!(cache.logged_at(5, b), Some(None));
        assert_eq!(cache.logged_at(5, c), Some(Some(9)));
        // Another start: another walk's log.
        assert_eq!(cache.logged_at(4, a), None);
        cache.logged(4, b, 8);
        assert_eq!(cache.logged_at(5, b), Some(None));
        // The next walk, from the same start (the walk before it kept nothing): none logged.
        cache.new_walk(5);
        assert_eq!(cache.logged_at(5, a), Some(None));
        assert_eq!(cache.logged_at(5, c), Some(None));
    }

    /// The key tells apart every input that decides a crossing.
    #[test]
    fn the_key_tells_crossings_apart() {
        let peer: Ipv4Net = "10.0.1.0/24".parse().expect("a range");
        let base = AclDecided::key(3, AclDirection::Inbound, peer, PortRange(1024, 65535));
        let others = [
            AclDecided::key(4, AclDirection::Inbound, peer, PortRange(1024, 65535)),
            AclDecided::key(3, AclDirection::Outbound, peer, PortRange(1024, 65535)),
            AclDecided::key(
                3,
                AclDirection::Inbound,
                "10.0.1.0/25".parse().expect("a range"),
                PortRange(1024, 65535),
            ),
            AclDecided::key(
                3,
                AclDirection::Inbound,
                "10.0.2.0/24".parse().expect("a range"),
                PortRange(1024, 65535),
            ),
            AclDecided::key(3, AclDirection::Inbound, peer, PortRange(1025, 65535)),
            AclDecided::key(3, AclDirection::Inbound, peer, PortRange(1024, 65534)),
        ];
        for other in others {
            assert_ne!(base, other);
        }
        assert_eq!(
            base,
            AclDecided::key(3, AclDirection::Inbound, peer, PortRange(1024, 65535))
        );
    }
}
