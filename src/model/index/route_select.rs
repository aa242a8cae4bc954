//! Route selection (aws-semantics.md §1): longest prefix match; at equal length a static route
//! beats a prefix-list route; two prefix lists at equal length with different targets are an
//! arbitrary (but sticky) choice in AWS, made deterministically here and flagged.
//!
//! It lives beside the compiled table because a compiled table keeps, for each of the Region's
//! services, the choice for every one of the service's ranges (a forwarding table, worked out
//! when the table is compiled); `eval::route` turns choices into the trace's facts.

use std::sync::Arc;

use compact_str::CompactString;
use ipnet::Ipv4Net;
use serde::Serialize;
use smallvec::SmallVec;

use super::{CompiledRoute, CompiledTable, RouteOrigin};
use crate::model::Target;

/// The rule that chose among matching routes (aws-semantics.md §1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteRule {
    OnlyMatch,
    LongestPrefix,
    StaticOverPrefixList,
    ArbitraryPrefixList,
    NoRoute,
}

impl RouteRule {
    pub fn code(self) -> &'static str {
        match self {
            RouteRule::OnlyMatch => "only_match",
            RouteRule::LongestPrefix => "longest_prefix",
            RouteRule::StaticOverPrefixList => "static_over_prefix_list",
            RouteRule::ArbitraryPrefixList => "arbitrary_prefix_list",
            RouteRule::NoRoute => "no_route",
        }
    }
}

/// The routes that matched one destination: a few, kept inline (no allocation per range).
pub(crate) type Matches = smallvec::SmallVec<[(Ipv4Net, u32); 4]>;

/// The outcome of route selection for one destination range that no more-specific route splits.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Choice {
    /// Route index in the compiled table.
    pub winner: Option<u32>,
    /// Every (matched CIDR, route) that contains the destination, shortest prefix first.
    pub matches: Matches,
    pub rule: RouteRule,
}

impl Clone for Choice {
    fn clone(&self) -> Self {
        // The matches are plain values: copied at once, not one by one.
        Choice {
            winner: self.winner,
            matches: Matches::from_slice(&self.matches),
            rule: self.rule,
        }
    }
}

impl Choice {
    pub fn arbitrary(&self) -> bool {
        self.rule == RouteRule::ArbitraryPrefixList
    }
}

fn is_static(r: &CompiledRoute) -> bool {
    matches!(r.origin, RouteOrigin::Local | RouteOrigin::Static)
}

/// Choose the route for `dest` among the routes whose CIDR contains all of it.
pub(crate) fn choose(table: &CompiledTable, dest: Ipv4Net) -> Choice {
    choose_and_inside(table, dest).0
}

/// [`choose`], and whether a more specific route lies inside `dest`, in one walk of the trie.
pub(crate) fn choose_and_inside(table: &CompiledTable, dest: Ipv4Net) -> (Choice, bool) {
    let mut matches: Matches = Matches::new();
    let inside = table.trie.containing_and_inside(dest, |cidr, &r| {
        // A prefix list can hold nested entries; one route counts once, at its longest match.
        if let Some(m) = matches.iter_mut().find(|(_, x)| *x == r) {
            *m = (cidr, r);
        } else {
            matches.push((cidr, r));
        }
    });
    matches.sort_by_key(|(c, r)| (c.prefix_len(), *r));
    let Some(&(best, _)) = matches.last() else {
        let choice = Choice {
            winner: None,
            matches,
            rule: RouteRule::NoRoute,
        };
        return (choice, inside);
    };
    // The matches at the longest length, in table order (the sort put them last).
    let longest = || {
        matches
            .iter()
            .filter(|(c, _)| c.prefix_len() == best.prefix_len())
            .map(|&(_, r)| r)
    };
    let first = longest().next().unwrap_or_default();
    let (winner, rule) = if matches.len() == 1 {
        (first, RouteRule::OnlyMatch)
    } else if longest().nth(1).is_none() {
        (first, RouteRule::LongestPrefix)
    } else if let Some(s) = longest().find(|&r| is_static(&table.routes[r as usize])) {
        (s, RouteRule::StaticOverPrefixList)
    } else {
        // Only prefix-list routes tie. Same target: no real choice. Different targets: AWS
        // picks one and sticks to it; we take the first in table order and say so.
        let t = &table.routes[first as usize].target;
        let differ = longest().any(|r| table.routes[r as usize].target != *t);
        (
            first,
            if differ {
                RouteRule::ArbitraryPrefixList
            } else {
                RouteRule::LongestPrefix
            },
        )
    };
    let choice = Choice {
        winner: Some(winner),
        matches,
        rule,
    };
    (choice, inside)
}

/// The winner alone, as [`choose`] would pick it, without collecting the matches: the matrix
/// asks this thousands of times per frame.
#[cfg(test)]
pub(crate) fn winner(table: &CompiledTable, dest: Ipv4Net) -> Choice {
    winner_and_inside(table, dest).0
}

/// [`winner`], and whether a more specific route lies inside `dest`, in one walk of the trie.
pub(crate) fn winner_and_inside(table: &CompiledTable, dest: Ipv4Net) -> (Choice, bool) {
    let mut best_len: Option<u8> = None;
    let mut best_static: Option<u32> = None;
    let mut best_any: Option<u32> = None;
    let inside = table.trie.containing_and_inside(dest, |cidr, &r| {
        let len = cidr.prefix_len();
        if best_len != Some(len) {
            // `containing` goes from short to long prefixes: a new length replaces the old.
            best_len = Some(len);
            best_static = None;
            best_any = None;
        }
        best_any = Some(best_any.map_or(r, |b| b.min(r)));
        if is_static(&table.routes[r as usize]) {
            best_static = Some(best_static.map_or(r, |b| b.min(r)));
        }
    });
    let choice = Choice {
        winner: best_static.or(best_any),
        matches: Matches::new(),
        rule: if best_len.is_some() {
            RouteRule::OnlyMatch
        } else {
            RouteRule::NoRoute
        },
    };
    (choice, inside)
}

/// A table's route choices for whole subnets that no route inside splits (kept for the
/// subnets of interface-endpoint ENIs, see `CompiledTable::subnets`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SubnetChoices {
    /// (first address, last address, index into `choices`), sorted; subnets do not overlap.
    pub ranges: Box<[(u32, u32, u32)]>,
    /// The distinct choices, each with its matches as [`decision`] lists them.
    pub choices: Box<[(Choice, Arc<[RouteMatch]>)]>,
    /// Per interface endpoint (by index), the [`kept_group`] of its ENIs, made by the first path
    /// that asks ([`kept_endpoint_group`]).
    pub endpoints: EndpointGroups,
}

/// A cache of [`kept_group`] per interface endpoint: every trace to an endpoint shares its
/// group's decisions instead of allocating them. Equal whatever it holds: it only spares work.
#[derive(Debug, Clone, Default)]
pub(crate) struct EndpointGroups(Box<[std::sync::OnceLock<Option<Group>>]>);

impl EndpointGroups {
    /// Room for `endpoints` interface endpoints, none made yet.
    pub fn new(endpoints: usize) -> Self {
        EndpointGroups((0..endpoints).map(|_| Default::default()).collect())
    }
}

impl PartialEq for EndpointGroups {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for EndpointGroups {}

/// [`kept_group`] (with its decisions) of `dests`, the ENIs of interface endpoint `endpoint`:
/// the group the table keeps for all the endpoint's ENIs (`all`, asked the first time only),
/// borrowed when `dests` are all of them. Some of them only (a failed AZ or a hosted zone's
/// record dropped the others, a layer refused them): [`kept_endpoint_subgroup`].
pub(crate) fn kept_endpoint_group<'t>(
    table: &'t CompiledTable,
    endpoint: usize,
    all: impl FnOnce() -> SmallVec<[Ipv4Net; 8]>,
    dests: &[Ipv4Net],
) -> Option<&'t Group> {
    let cell = table.subnets.endpoints.0.get(endpoint)?;
    cell.get_or_init(|| kept_group(table, &all(), true))
        .as_ref()
        .filter(|g| g.pieces[..] == *dests)
}

/// [`kept_group`] of `dests` when they are some of the ENIs of the endpoint's kept group, in
/// its order: each lies in a subnet with the kept group's choice, so their group is that
/// choice with `dests` as pieces, made without a search. Addresses the kept group does not
/// hold (an edit moved the ENIs, the table being shared with the model before it) find none.
/// Out of line: only paths with ENIs dropped take it.
#[inline(never)]
pub(crate) fn kept_endpoint_subgroup(
    table: &CompiledTable,
    endpoint: usize,
    dests: &[Ipv4Net],
    detail: bool,
) -> Option<Group> {
    let kept = table.subnets.endpoints.0.get(endpoint)?.get()?.as_ref()?;
    let mut rest = kept.pieces.iter();
    if dests.is_empty() || !dests.iter().all(|d| rest.any(|p| p == d)) {
        return None;
    }
    let decisions = match detail {
        true => Some(Arc::from([RouteDecision {
            destinations: Destinations::from_slice(dests),
            matches: kept.decisions.as_ref()?.first()?.matches.clone(),
            rule: kept.choice.rule,
        }])),
        false => None,
    };
    Some(Group {
        choice: kept.choice.clone(),
        pieces: SmallVec::from_slice(dests),
        decisions,
    })
}

impl SubnetChoices {
    /// The choices for `subnets` (sorted CIDRs) in `table`, leaving out those a route splits.
    pub fn new(table: &CompiledTable, subnets: &[Ipv4Net]) -> SubnetChoices {
        let mut ranges = Vec::with_capacity(subnets.len());
        let mut choices: Vec<(Choice, Arc<[RouteMatch]>)> = Vec::new();
        for &cidr in subnets {
            let (choice, inside) = choose_and_inside(table, cidr);
            if inside {
                continue;
            }
            let k = match choices.iter().position(|(c, _)| *c == choice) {
                Some(k) => k,
                None => {
                    let matches = decision(table, cidr, &choice).matches;
                    choices.push((choice, matches));
                    choices.len() - 1
                }
            };
            let (first, last) = (u32::from(cidr.network()), u32::from(cidr.broadcast()));
            ranges.push((first, last, k as u32));
        }
        SubnetChoices {
            ranges: ranges.into(),
            choices: choices.into(),
            endpoints: EndpointGroups::default(),
        }
    }

    /// The kept choice of the subnet that contains `dest`, if any: then it is the choice for
    /// `dest` too, since every route that contains `dest` contains the whole subnet.
    fn containing(&self, dest: Ipv4Net) -> Option<&Choice> {
        self.index(dest).map(|k| &self.choices[k].0)
    }

    /// The index in `choices` of the kept subnet that contains `dest`.
    fn index(&self, dest: Ipv4Net) -> Option<usize> {
        let (first, last) = (u32::from(dest.network()), u32::from(dest.broadcast()));
        // The one subnet that may contain `dest` is the last that starts at or before it.
        let i = self.ranges.partition_point(|r| r.0 <= first);
        let &(_, end, k) = self.ranges[..i].last()?;
        (last <= end).then_some(k as usize)
    }

    /// The matches of a kept choice equal to `choice`.
    fn matches(&self, choice: &Choice) -> Option<&Arc<[RouteMatch]>> {
        self.choices
            .iter()
            .find(|(c, _)| c == choice)
            .map(|(_, m)| m)
    }
}

/// When every one of `dests` lies in a subnet the table keeps a choice for, and that choice is
/// the same for all (an interface endpoint's ENIs, usually): the one group that
/// [`split_into`] and [`groups`] would make, without either.
pub(crate) fn kept_group(table: &CompiledTable, dests: &[Ipv4Net], detail: bool) -> Option<Group> {
    let kept = &table.subnets;
    let k = kept.index(*dests.first()?)?;
    if !dests[1..].iter().all(|&d| kept.index(d) == Some(k)) {
        return None;
    }
    let (choice, matches) = &kept.choices[k];
    Some(Group {
        choice: choice.clone(),
        pieces: SmallVec::from_slice(dests),
        decisions: detail.then(|| {
            Arc::from([RouteDecision {
                destinations: Destinations::from_slice(dests),
                matches: matches.clone(),
                rule: choice.rule,
            }])
        }),
    })
}

/// Split `dest` by the more specific routes inside it: each piece is a CIDR that one choice
/// covers entirely. Usually that is `dest` alone.
///
/// With `exact` false, the part of `dest` that no more specific route takes is returned as
/// `dest` itself (once) instead of as the exact list of CIDRs that make it up: the choices are
/// the same, and the matrix, which needs verdicts only, is spared the arithmetic.
#[cfg(test)]
pub(crate) fn split(table: &CompiledTable, dest: Ipv4Net, exact: bool) -> Vec<(Ipv4Net, Choice)> {
    let mut out = Vec::new();
    split_into(table, dest, exact, &mut out);
    out
}

/// [`split`], adding the pieces to `out`. With `exact`, each piece's choice is the one
/// [`choose`] makes for that piece itself: every prefix that contains a piece contains the range
/// it was cut from, since a prefix inside the range would have cut the piece out.
pub(crate) fn split_into(
    table: &CompiledTable,
    dest: Ipv4Net,
    exact: bool,
    out: &mut impl Extend<(Ipv4Net, Choice)>,
) {
    split_into_with(table, dest, exact, exact, out)
}

/// [`split_into`], the choices with every match and the rule's name only when `matches` is set
/// (without, a choice is its winner alone, as for the matrix: the cost estimate's exact pieces
/// need no more).
pub(crate) fn split_into_with(
    table: &CompiledTable,
    dest: Ipv4Net,
    exact: bool,
    matches: bool,
    out: &mut impl Extend<(Ipv4Net, Choice)>,
) {
    if let Some(kept) = table.subnets.containing(dest) {
        out.extend([(dest, kept.clone())]);
        return;
    }
    // Only a trace's facts need every match and the rule's name.
    let pick = if matches {
        choose_and_inside
    } else {
        winner_and_inside
    };
    let (choice, inside) = pick(table, dest);
    if !inside {
        out.extend([(dest, choice)]);
        return;
    }
    // The maximal more-specific prefixes inside `dest` (a pre-order walk lists parents first).
    let mut maximal: Vec<Ipv4Net> = Vec::new();
    table.trie.inside(dest, |p, _| {
        // Pre-order: a prefix inside another comes right after it (or after its other
        // descendants), so comparing with the last maximal one is enough.
        if !maximal.last().is_some_and(|m| m.contains(&p)) {
            maximal.push(p);
        }
    });
    if exact {
        let rest = subtract(dest, &maximal);
        for piece in rest {
            out.extend([(piece, choice.clone())]);
        }
    } else {
        // Maximal prefixes are disjoint, so they cover `dest` exactly when their sizes add up.
        let size = |n: &Ipv4Net| 1u64 << (32 - n.prefix_len());
        if maximal.iter().map(size).sum::<u64>() < size(&dest) {
            out.extend([(dest, choice)]);
        }
    }
    for m in maximal {
        split_into_with(table, m, exact, matches, out);
    }
}

/// `net` minus `holes`, as a list of CIDRs.
fn subtract(net: Ipv4Net, holes: &[Ipv4Net]) -> Vec<Ipv4Net> {
    if holes.iter().any(|h| h.contains(&net)) {
        return Vec::new();
    }
    if !holes.iter().any(|h| net.contains(h)) {
        return vec![net];
    }
    match net.subnets(net.prefix_len() + 1) {
        Ok(halves) => halves.flat_map(|h| subtract(h, holes)).collect(),
        Err(_) => Vec::new(),
    }
}

/// One route that matched a destination in a route-table hop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteMatch {
    /// As written: `0.0.0.0/0`, `pl-s3`, `10.0.0.0/16`.
    pub destination: CompactString,
    /// The CIDR of the destination that matched (for prefix lists, the entry).
    pub matched_cidr: Ipv4Net,
    pub target: CompactString,
    pub origin: RouteOrigin,
    pub chosen: bool,
}

/// The destinations of one decision: up to four inline.
pub type Destinations = SmallVec<[Ipv4Net; 4]>;

/// For destination ranges that the table treats alike: every route that matched and the rule
/// that chose the winner. Six S3 ranges won by `pl-s3 → vpce-s3` are one decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RouteDecision {
    /// A few, kept inline (an endpoint's ENIs in one subnet group; a service's ranges).
    pub destinations: Destinations,
    /// The routes that matched the first destination, the winner marked `chosen`.
    pub matches: Arc<[RouteMatch]>,
    pub rule: RouteRule,
}

impl RouteDecision {
    pub fn winner(&self) -> Option<&RouteMatch> {
        self.matches.iter().find(|m| m.chosen)
    }
}

/// The pieces of destination ranges that one route wins, routed together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    /// The choice that leads on: the first piece's, or an arbitrary one if any piece's is.
    pub choice: Choice,
    pub pieces: SmallVec<[Ipv4Net; 8]>,
    /// The table's decisions for the pieces: pieces with the same matches and rule are one
    /// decision. Made only when asked for (a trace); the matrix needs none.
    pub decisions: Option<Arc<[RouteDecision]>>,
}

/// Group split pieces by the route that wins them, in the order the pieces come.
pub(crate) fn groups(
    table: &CompiledTable,
    split: &[(Ipv4Net, Choice)],
    detail: bool,
) -> SmallVec<[Group; 2]> {
    // By index into `split`: the group's leading piece, and its pieces.
    let mut found: SmallVec<[(usize, SmallVec<[usize; 8]>); 2]> = SmallVec::new();
    for (i, (_, choice)) in split.iter().enumerate() {
        match found
            .iter_mut()
            .find(|(c, _)| split[*c].1.winner == choice.winner)
        {
            Some((first, members)) => {
                if choice.arbitrary() && !split[*first].1.arbitrary() {
                    *first = i;
                }
                members.push(i)
            }
            None => found.push((i, smallvec::smallvec![i])),
        }
    }
    found
        .into_iter()
        .map(|(first, members)| Group {
            choice: split[first].1.clone(),
            pieces: members.iter().map(|&m| split[m].0).collect(),
            decisions: detail.then(|| decisions(table, split, &members)),
        })
        .collect()
}

/// The decisions of one group: pieces with the same matches and rule are one decision.
fn decisions(
    table: &CompiledTable,
    split: &[(Ipv4Net, Choice)],
    members: &[usize],
) -> Arc<[RouteDecision]> {
    let mut out: SmallVec<[(usize, RouteDecision); 2]> = SmallVec::new();
    for &m in members {
        let (piece, choice) = &split[m];
        let same = out.iter_mut().find(|(k, _)| {
            let other = &split[*k].1;
            other.rule == choice.rule
                && other.matches.len() == choice.matches.len()
                && other
                    .matches
                    .iter()
                    .zip(&choice.matches)
                    .all(|(a, b)| a.1 == b.1)
        });
        match same {
            Some((_, d)) => d.destinations.push(*piece),
            None => {
                let mut d = decision(table, *piece, choice);
                d.destinations.reserve_exact(members.len() - 1);
                out.push((m, d))
            }
        }
    }
    out.into_iter().map(|(_, d)| d).collect()
}

/// The decision for `dest` alone.
pub(crate) fn decision(table: &CompiledTable, dest: Ipv4Net, choice: &Choice) -> RouteDecision {
    // A subnet's kept choice has its matches ready.
    if let Some(matches) = table.subnets.matches(choice) {
        return RouteDecision {
            destinations: smallvec::smallvec![dest],
            matches: matches.clone(),
            rule: choice.rule,
        };
    }
    RouteDecision {
        destinations: smallvec::smallvec![dest],
        matches: choice
            .matches
            .iter()
            .rev()
            .map(|&(cidr, r)| {
                let route = &table.routes[r as usize];
                RouteMatch {
                    destination: table.written[r as usize].clone(),
                    matched_cidr: cidr,
                    target: target_text(&route.target),
                    origin: route.origin,
                    chosen: Some(r) == choice.winner,
                }
            })
            .collect(),
        rule: choice.rule,
    }
}

/// A target as `Display` writes it: the id itself, or `local` / `blackhole`.
pub(crate) fn target_text(t: &Target) -> CompactString {
    match t {
        Target::Local => CompactString::const_new("local"),
        Target::Blackhole => CompactString::const_new("blackhole"),
        Target::InternetGateway(id)
        | Target::NatGateway(id)
        | Target::GatewayEndpoint(id)
        | Target::GatewayLoadBalancerEndpoint(id)
        | Target::NetworkInterface(id)
        | Target::VpcPeering(id)
        | Target::TransitGateway(id)
        | Target::VirtualPrivateGateway(id)
        | Target::EgressOnlyInternetGateway(id) => id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::index::{CompiledRoute, RouteOrigin};
    use crate::model::{Destination, Target};
    use crate::prefix_trie::PrefixTrie;

    fn table(routes: Vec<(&str, RouteOrigin, &str)>) -> CompiledTable {
        let mut trie = PrefixTrie::new();
        let mut compiled = Vec::new();
        for (i, (cidr, origin, target)) in routes.into_iter().enumerate() {
            let net: Ipv4Net = cidr.parse().unwrap();
            trie.insert(net, i as u32);
            compiled.push(CompiledRoute {
                destination: if origin == RouteOrigin::Static || origin == RouteOrigin::Local {
                    Destination::Cidr(net)
                } else {
                    Destination::PrefixList(format!("pl{i}"))
                },
                origin,
                target: Target::NatGateway(target.into()),
                ignored: vec![],
            });
        }
        CompiledTable {
            routes: compiled,
            trie,
            services: Box::default(),
            written: Box::default(),
            subnets: SubnetChoices::default(),
            shown: Default::default(),
            places: Box::default(),
        }
    }

    fn n(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }

    #[test]
    fn longest_prefix_wins() {
        let t = table(vec![
            ("0.0.0.0/0", RouteOrigin::Static, "a"),
            ("52.216.0.0/15", RouteOrigin::GatewayEndpoint, "b"),
        ]);
        let c = choose(&t, n("52.216.0.0/15"));
        assert_eq!(c.winner, Some(1));
        assert_eq!(c.rule, RouteRule::LongestPrefix);
        assert_eq!(c.matches.len(), 2);
    }

    #[test]
    fn static_beats_prefix_list_at_equal_length() {
        let t = table(vec![
            ("52.216.0.0/15", RouteOrigin::GatewayEndpoint, "b"),
            ("52.216.0.0/15", RouteOrigin::Static, "a"),
        ]);
        let c = choose(&t, n("52.216.0.0/15"));
        assert_eq!(c.winner, Some(1));
        assert_eq!(c.rule, RouteRule::StaticOverPrefixList);
    }

    #[test]
    fn two_prefix_lists_with_different_targets_are_arbitrary() {
        let t = table(vec![
            ("52.216.0.0/15", RouteOrigin::PrefixList, "a"),
            ("52.216.0.0/15", RouteOrigin::GatewayEndpoint, "b"),
        ]);
        let c = choose(&t, n("52.216.0.0/15"));
        assert!(c.arbitrary());
        assert_eq!(c.winner, Some(0));
    }

    #[test]
    fn a_more_specific_static_route_splits_the_range() {
        let t = table(vec![
            ("0.0.0.0/0", RouteOrigin::Static, "igw"),
            ("52.216.0.0/15", RouteOrigin::GatewayEndpoint, "vpce"),
            ("52.216.10.0/24", RouteOrigin::Static, "nat"),
        ]);
        let pieces = split(&t, n("52.216.0.0/15"), true);
        let covered: u64 = pieces
            .iter()
            .map(|(p, _)| 1u64 << (32 - p.prefix_len()))
            .sum();
        assert_eq!(covered, 1 << 17);
        let nat: Vec<_> = pieces.iter().filter(|(_, c)| c.winner == Some(2)).collect();
        assert_eq!(nat.len(), 1);
        assert_eq!(nat[0].0, n("52.216.10.0/24"));
        assert!(
            pieces
                .iter()
                .filter(|(p, _)| *p != n("52.216.10.0/24"))
                .all(|(_, c)| c.winner == Some(1))
        );
    }

    #[test]
    fn no_route_when_nothing_contains_the_destination() {
        let t = table(vec![("10.0.0.0/16", RouteOrigin::Local, "x")]);
        let c = choose(&t, n("52.216.0.0/15"));
        assert_eq!(c.winner, None);
        assert_eq!(c.rule, RouteRule::NoRoute);
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use crate::model::index::{CompiledRoute, RouteOrigin};
    use crate::model::{Destination, Target};
    use crate::prefix_trie::PrefixTrie;
    use proptest::prelude::*;

    /// A random route: (network bits, prefix length, is a prefix-list route, target number).
    fn route_strategy() -> impl Strategy<Value = (u32, u8, bool, u8)> {
        // Few distinct high bits so that routes overlap often.
        (0u32..16, 0u8..=32, any::<bool>(), 0u8..4)
            .prop_map(|(hi, len, pl, t)| (hi.rotate_right(4) ^ (hi << 8), len, pl, t))
    }

    fn build(routes: &[(u32, u8, bool, u8)]) -> CompiledTable {
        let mut trie = PrefixTrie::new();
        let mut compiled = Vec::new();
        for (i, &(bits, len, pl, t)) in routes.iter().enumerate() {
            let net = Ipv4Net::new(bits.into(), len).unwrap().trunc();
            trie.insert(net, i as u32);
            compiled.push(CompiledRoute {
                destination: if pl {
                    Destination::PrefixList(format!("pl{i}"))
                } else {
                    Destination::Cidr(net)
                },
                origin: if pl {
                    RouteOrigin::PrefixList
                } else {
                    RouteOrigin::Static
                },
                target: Target::NatGateway(format!("t{t}").into()),
                ignored: vec![],
            });
        }
        let written = compiled
            .iter()
            .map(|r| crate::model::destination_text(&r.destination))
            .collect();
        CompiledTable {
            routes: compiled,
            trie,
            services: Box::default(),
            written,
            subnets: SubnetChoices::default(),
            shown: Default::default(),
            places: Box::default(),
        }
    }

    /// The rule of aws-semantics.md §1 written as plainly as possible: longest prefix that
    /// contains the destination; at equal length static before prefix list; then table order.
    fn oracle(routes: &[(u32, u8, bool, u8)], dest: Ipv4Net) -> Option<usize> {
        routes
            .iter()
            .enumerate()
            .filter(|(_, (bits, len, _, _))| {
                Ipv4Net::new((*bits).into(), *len)
                    .unwrap()
                    .trunc()
                    .contains(&dest)
            })
            .max_by_key(|(i, (_, len, pl, _))| (*len, !*pl, std::cmp::Reverse(*i)))
            .map(|(i, _)| i)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn longest_prefix_match_agrees_with_brute_force(
            routes in proptest::collection::vec(route_strategy(), 0..40),
            addr in any::<u32>(),
            pick in any::<prop::sample::Index>(),
            len in 0u8..=32,
        ) {
            let table = build(&routes);
            // Query either a random address or an address near a route, as a CIDR of any length.
            let base = if routes.is_empty() { addr } else { routes[pick.index(routes.len())].0 ^ (addr & 0xff) };
            let dest = Ipv4Net::new(base.into(), len).unwrap().trunc();
            let got = choose(&table, dest);
            let want = oracle(&routes, dest);
            // Equal routes (same prefix, kind and target) are interchangeable.
            let same = |a: usize, b: usize| routes[a].1 == routes[b].1 && routes[a].2 == routes[b].2 && routes[a].3 == routes[b].3
                && Ipv4Net::new(routes[a].0.into(), routes[a].1).unwrap().trunc() == Ipv4Net::new(routes[b].0.into(), routes[b].1).unwrap().trunc();
            match (got.winner, want) {
                (None, None) => {}
                (Some(g), Some(w)) => prop_assert!(g as usize == w || same(g as usize, w), "got {g}, want {w}"),
                (g, w) => prop_assert!(false, "got {g:?}, want {w:?}"),
            }
        }

        #[test]
        fn a_kept_subnet_choice_is_the_choice_the_trie_makes(
            routes in proptest::collection::vec(route_strategy(), 0..30),
            picks in proptest::collection::btree_set(0u32..64, 1..8),
            host in any::<u32>(),
            len in 24u8..=32,
        ) {
            let table = build(&routes);
            // Disjoint /26 subnets near the routes' addresses, as a VPC's subnets are.
            let base = routes.first().map_or(0x0a00_0000, |r| r.0) & 0xffff_0000;
            let subnets: Vec<Ipv4Net> = picks
                .iter()
                .map(|p| Ipv4Net::new((base | (p << 6)).into(), 26).unwrap())
                .collect();
            let mut kept = build(&routes);
            kept.subnets = SubnetChoices::new(&kept, &subnets);
            for net in &subnets {
                let inside = u32::from(net.network()) | (host & 0x3f);
                let dest = Ipv4Net::new(inside.into(), len.max(26)).unwrap().trunc();
                let (want, got) = (split(&table, dest, true), split(&kept, dest, true));
                prop_assert_eq!(&want, &got);
                for (p, c) in &want {
                    prop_assert_eq!(decision(&table, *p, c), decision(&kept, *p, c));
                }
            }
            // One address in each subnet: the kept group, when there is one, is what splitting
            // and grouping make.
            let dests: Vec<Ipv4Net> = subnets
                .iter()
                .map(|n| Ipv4Net::new((u32::from(n.network()) | (host & 0x3f)).into(), 32).unwrap())
                .collect();
            if let Some(group) = kept_group(&kept, &dests, true) {
                let mut pieces = Vec::new();
                for &d in &dests {
                    split_into(&table, d, true, &mut pieces);
                }
                let made = groups(&table, &pieces, true);
                prop_assert_eq!(made.len(), 1);
                prop_assert_eq!(&made[0], &group);
            }
        }

        #[test]
        fn an_endpoint_group_borrowed_or_cut_is_the_kept_group_of_the_addresses_asked(
            routes in proptest::collection::vec(route_strategy(), 0..30),
            picks in proptest::collection::btree_set(0u32..64, 1..8),
            host in any::<u32>(),
            keep in proptest::collection::vec(any::<bool>(), 8),
            moved in any::<bool>(),
        ) {
            let base = routes.first().map_or(0x0a00_0000, |r| r.0) & 0xffff_0000;
            let subnets: Vec<Ipv4Net> = picks
                .iter()
                .map(|p| Ipv4Net::new((base | (p << 6)).into(), 26).unwrap())
                .collect();
            let mut kept = build(&routes);
            kept.subnets = SubnetChoices::new(&kept, &subnets);
            kept.subnets.endpoints = EndpointGroups::new(1);
            let at = |n: &Ipv4Net, h: u32| Ipv4Net::new((u32::from(n.network()) | (h & 0x3f)).into(), 32).unwrap();
            // The endpoint's ENIs, one in each subnet; DNS answers some of them, in their order
            // (a failed AZ dropped the others), or an address the endpoint does not hold.
            let all: Vec<Ipv4Net> = subnets.iter().map(|n| at(n, host)).collect();
            let mut some: Vec<Ipv4Net> = all.iter().zip(&keep).filter(|(_, k)| **k).map(|(d, _)| *d).collect();
            if moved {
                some.push(at(&subnets[0], host.wrapping_add(1)));
            }
            // The first to ask may hold some of the ENIs only: the table keeps all of them.
            for dests in [&some, &all] {
                for detail in [true, false] {
                    let got = kept_endpoint_group(&kept, 0, || all.iter().copied().collect(), dests)
                        .map(|g| Group { decisions: g.decisions.clone().filter(|_| detail), ..g.clone() })
                        .or_else(|| kept_endpoint_subgroup(&kept, 0, dests, detail));
                    let want = kept_group(&kept, dests, detail);
                    if let Some(got) = &got {
                        prop_assert_eq!(Some(got), want.as_ref());
                    }
                    // Some of the ENIs find their group without a search whenever all of them have one.
                    let subset = !dests.is_empty() && dests.iter().all(|d| all.contains(d));
                    if subset && kept_group(&kept, &all, true).is_some() {
                        prop_assert!(got.is_some());
                    }
                }
            }
        }

        #[test]
        fn winner_agrees_with_choose(
            routes in proptest::collection::vec(route_strategy(), 0..40),
            addr in any::<u32>(),
            len in 0u8..=32,
        ) {
            let table = build(&routes);
            let dest = Ipv4Net::new(addr.into(), len).unwrap().trunc();
            prop_assert_eq!(winner(&table, dest).winner, choose(&table, dest).winner);
        }

        #[test]
        fn split_pieces_cover_the_destination_exactly_and_agree_with_the_oracle(
            routes in proptest::collection::vec(route_strategy(), 0..30),
            addr in any::<u32>(),
            len in 8u8..=32,
        ) {
            let table = build(&routes);
            let dest = Ipv4Net::new(addr.into(), len).unwrap().trunc();
            let pieces = split(&table, dest, true);
            let covered: u64 = pieces.iter().map(|(p, _)| 1u64 << (32 - p.prefix_len())).sum();
            prop_assert_eq!(covered, 1u64 << (32 - len));
            for (i, (p, c)) in pieces.iter().enumerate() {
                prop_assert!(dest.contains(p));
                for (q, _) in &pieces[i + 1..] {
                    prop_assert!(!p.contains(q) && !q.contains(p), "{p} overlaps {q}");
                }
                // Every address of the piece takes the same route: its first and last address agree.
                for a in [u32::from(p.network()), u32::from(p.broadcast())] {
                    let want = oracle(&routes, Ipv4Net::new(a.into(), 32).unwrap());
                    let same = match (c.winner, want) {
                        (None, None) => true,
                        (Some(g), Some(w)) => g as usize == w || (routes[g as usize].1 == routes[w].1 && routes[g as usize].2 == routes[w].2 && routes[g as usize].3 == routes[w].3),
                        _ => false,
                    };
                    prop_assert!(same, "piece {p}: {:?} vs {want:?}", c.winner);
                }
            }
        }
    }
}
