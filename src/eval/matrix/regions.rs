//! Addresses a walk cannot tell apart, for the matrix's class keys ([`super::classes`]).

use std::net::Ipv4Addr;

use crate::model::Model;
use crate::model::security_rules::{GroupPeer, Span};

/// Addresses a walk cannot tell apart. A source's private address is read only through CIDR
/// containment: security group and network ACL rules, routes (the GWLB return leg routes the
/// source's address), service ranges (prefix lists). CIDRs nest or are disjoint, so the set of
/// those CIDRs holding an address is fixed by the longest one that does: two addresses of one
/// subnet held by the same longest CIDR (or by none) give the same verdicts, and one of them
/// (the first seen) stands for both in the class key. Only CIDRs inside the VPC's can split a
/// subnet's addresses; the others are left out. The property test
/// `coarse_classes_equal_per_address_classes` (tests/eval_props.rs) holds this to per-address
/// evaluation.
///
/// The longest holding CIDR is found by one binary search: the CIDRs cut the address space
/// into runs that the same longest CIDR (or none) holds, kept as their first addresses in
/// order. (Trying each prefix length in a hash set cost about 26 million instructions per call
/// on the security bench model, called twice after every edit.)
pub(super) struct AddressRegions {
    /// Each run's first address and its longest holding CIDR (an index into the sorted CIDRs;
    /// `u32::MAX`: none), by first address.
    runs: Vec<(u32, u32)>,
    /// Per (subnet, run's CIDR), the address that stands for the region.
    seen: rustc_hash::FxHashMap<(usize, u32), Ipv4Addr>,
}

/// No CIDR holds the run.
const NONE: u32 = u32::MAX;

impl AddressRegions {
    pub(super) fn new(model: &Model) -> AddressRegions {
        let s = model.scenario();
        let vpc: Vec<Span> = s.vpc.cidrs.iter().map(|&v| Span::of(v)).collect();
        let mut spans: Vec<Span> = Vec::new();
        // The rules as compiled (integer ranges): no pass over the scenario's rules.
        let sec = model.security();
        for side in sec.group_rules.iter().flat_map(|g| g.iter()) {
            spans.extend(side.iter().filter_map(|r| match r.peer {
                GroupPeer::Cidr(c) => Some(c),
                _ => None,
            }));
        }
        for side in sec.acl_rules.iter().flat_map(|a| a.iter()) {
            spans.extend(side.iter().map(|r| r.cidr));
        }
        // Routes inside the VPC's CIDRs, from each compiled table's trie: a quota-sized model
        // has 200,000 routes, nearly all outside. (A route to a VPC CIDR itself holds every
        // address of the subnets inside it alike; prefix-list entries inside the VPC are
        // ignored by AWS and are not in the trie.)
        for t in model.tables.iter() {
            for &v in &s.vpc.cidrs {
                t.trie.inside(v, |net, _| spans.push(Span::of(net)));
            }
        }
        for service in model.services().iter() {
            spans.extend(service.cidrs.iter().map(|&c| Span::of(c)));
        }
        spans.retain(|c| vpc.iter().any(|v| v.contains(*c)));
        AddressRegions {
            runs: runs(spans),
            seen: Default::default(),
        }
    }

    /// The address that stands for `ip` (in `subnet`) in class keys.
    pub(super) fn representative(&mut self, subnet: usize, ip: Ipv4Addr) -> Ipv4Addr {
        *self.seen.entry((subnet, self.region(ip))).or_insert(ip)
    }

    /// The longest CIDR holding `ip`, as an index (`NONE`: none holds it).
    fn region(&self, ip: Ipv4Addr) -> u32 {
        let ip = u32::from(ip);
        match self.runs.partition_point(|&(start, _)| start <= ip) {
            0 => NONE,
            n => self.runs[n - 1].1,
        }
    }
}

/// The runs of addresses that the same longest CIDR of `cidrs` holds, as (first address,
/// CIDR index or `NONE`), by first address. CIDRs nest or are disjoint: sorted by first address,
/// the wider first, each one opens inside those still open that hold it.
fn runs(cidrs: Vec<Span>) -> Vec<(u32, u32)> {
    // Each block as one integer: its first address, then the wider first.
    let mut keys: Vec<u64> = cidrs
        .iter()
        .map(|c| (u64::from(c.0) << 32) | u64::from(u32::MAX - c.1))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let span = |k: u64| {
        let start = k >> 32;
        (start, u64::from(u32::MAX - (k as u32)) + 1)
    };
    let mut runs: Vec<(u64, u32)> = Vec::with_capacity(2 * cidrs.len() + 1);
    // Open CIDRs, innermost last: (end, exclusive; index).
    let mut open: Vec<(u64, u32)> = Vec::new();
    let mark = |runs: &mut Vec<(u64, u32)>, at: u64, region: u32| match runs.last_mut() {
        // A later mark at the same address wins: it is the inner one, or what is left open.
        Some(last) if last.0 == at => last.1 = region,
        _ => runs.push((at, region)),
    };
    for (i, &k) in keys.iter().enumerate() {
        let (start, end) = span(k);
        while let Some(&(top_end, _)) = open.last() {
            if top_end > start {
                break;
            }
            open.pop();
            let back = open.last().map_or(NONE, |&(_, r)| r);
            mark(&mut runs, top_end, back);
        }
        mark(&mut runs, start, i as u32);
        open.push((end, i as u32));
    }
    while let Some((end, _)) = open.pop() {
        let back = open.last().map_or(NONE, |&(_, r)| r);
        mark(&mut runs, end, back);
    }
    // The address space ends at 2^32: a run starting there holds no address.
    runs.into_iter()
        .filter_map(|(at, r)| u32::try_from(at).ok().map(|at| (at, r)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ipnet::Ipv4Net;
    use proptest::prelude::*;

    /// The longest CIDR of `cidrs` holding `ip`, by trying every one.
    fn longest(cidrs: &[Ipv4Net], ip: Ipv4Addr) -> Option<Ipv4Net> {
        cidrs
            .iter()
            .filter(|c| c.contains(&ip))
            .max_by_key(|c| c.prefix_len())
            .copied()
    }

    /// CIDRs that nest or are disjoint, as the ones of a model do (any two CIDRs do).
    fn cidr() -> impl Strategy<Value = Ipv4Net> {
        (any::<u32>(), 0u8..=32).prop_map(|(a, len)| {
            // Mostly inside 10.0.0.0/16 so that they nest and touch.
            let a = if len >= 16 {
                0x0a00_0000 | (a & 0xffff)
            } else {
                a
            };
            Ipv4Net::new(Ipv4Addr::from(a), len).expect("len").trunc()
        })
    }

    proptest! {
        /// One binary search over the runs finds the same longest CIDR as trying every CIDR.
        #[test]
        fn runs_find_the_longest_holding_cidr(
            cidrs in proptest::collection::vec(cidr(), 0..24),
            probes in proptest::collection::vec(any::<u32>(), 1..32),
        ) {
            let mut sorted = cidrs.clone();
            sorted.sort_unstable_by_key(|c| (u32::from(c.network()), c.prefix_len()));
            sorted.dedup();
            let spans = cidrs.iter().map(|&c| Span::of(c)).collect();
            let regions = AddressRegions { runs: runs(spans), seen: Default::default() };
            // Probes at each CIDR's edges and just outside them, and anywhere.
            let edges = cidrs.iter().flat_map(|c| {
                let (a, b) = (u32::from(c.network()), u32::from(c.broadcast()));
                [a, b, a.wrapping_sub(1), b.wrapping_add(1)]
            });
            for ip in probes.into_iter().map(|p| 0x0a00_0000 | (p & 0xffff)).chain(edges) {
                let ip = Ipv4Addr::from(ip);
                let found = match regions.region(ip) {
                    NONE => None,
                    r => Some(sorted[r as usize]),
                };
                prop_assert_eq!(found, longest(&cidrs, ip), "{}", ip);
            }
        }
    }
}
