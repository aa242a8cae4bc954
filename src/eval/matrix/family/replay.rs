//! The replay bookkeeping of a family's kept walks ([`super::Cells`]): what each kept walk
//! remembers ([`Walked`]: its log, the groups and address that walked it, which classes' checks
//! were found to decide alike), whether a class's checks replay a kept walk ([`replays`]), and
//! what a replayed or walked cell records as read ([`read_as`], the class-wide reads deferred to
//! the class's end: [`Cells::end_class`]).

use super::super::super::ctx::{Ctx, Deps, Side};
use super::super::super::layers::{Logged, acl_allows};
use super::super::super::rules::security_group;
use super::super::Source;
use super::Cells;

/// One walk of a cell: its logged checks (a range of [`Cells::logs`]), the address of the
/// class that walked it, what it gave (a matrix cell, or a trace for the cost estimate), and
/// what the walk read but the source's groups' rules.
pub(super) struct Walked<T> {
    pub(super) log: std::ops::Range<usize>,
    pub(super) address: ipnet::Ipv4Net,
    /// The groups of the class that walked it.
    pub(super) groups: crate::model::GroupSet,
    /// Whether the class that walked it has a public IP, and whether the walk read it
    /// ([`Logged::PublicIp`]).
    pub(super) public_ip: bool,
    pub(super) reads_public_ip: bool,
    /// Whether a logged check read the source's groups' rules ([`reads_source_groups`]): a
    /// replay records them, for its class's groups. Found once, when the walk is kept, not
    /// again for every cell replaying it.
    pub(super) reads_groups: bool,
    pub(super) cell: T,
    pub(super) reads: Deps,
    /// Per groups and address of the family's classes (bit `i`: [`Cells::checks`]'s `i`-th),
    /// whether every logged check but the public-IP state was found to decide alike for them
    /// (`[0]`) or not (`[1]`): classes that differ only in their public-IP state make the same
    /// checks, decided once.
    pub(super) decided: [u64; 2],
    /// The same per groups of the family's classes (bit `i`: [`Cells::group_sets`]'s `i`-th),
    /// for the checks that read the source's groups but not its address (its egress, piece by
    /// piece: most of a log): classes of the same groups and other addresses decide them once.
    pub(super) groups_decided: [u64; 2],
}

impl<T: Clone + PartialEq + std::fmt::Debug> Cells<'_, T> {
    /// Deferring ([`Self::deferring`]): add to the class just evaluated the class-wide reads of
    /// the kept walks its cells came from, the union of their reads made once per distinct
    /// list of walks in the family. The union of sets, as absorbing each walk's reads per cell.
    pub(super) fn end_class(&mut self, deps: &mut Deps) {
        let Some(walks) = self.defer.as_mut() else {
            return;
        };
        if walks.is_empty() || !deps.on {
            walks.clear();
            return;
        }
        let u = match self.unions.iter().position(|(w, _)| w[..] == walks[..]) {
            Some(u) => {
                walks.clear();
                u
            }
            None => {
                let mut union = Deps::recording();
                for &w in walks.iter() {
                    union.absorb(&self.walks[w as usize].reads);
                }
                let cap = walks.capacity();
                let list = std::mem::replace(walks, Vec::with_capacity(cap));
                self.unions.push((list, union));
                self.unions.len() - 1
            }
        };
        // The kept union is that of the same walks' reads (an invariant, not a message).
        #[cfg(debug_assertions)]
        {
            let mut direct = Deps::recording();
            for &w in &self.unions[u].0 {
                direct.absorb(&self.walks[w as usize].reads);
            }
            assert_eq!(direct, self.unions[u].1);
        }
        deps.absorb(&self.unions[u].1);
    }

    /// The indexes of `source`'s groups and address in [`Cells::checks`] and of its groups in
    /// [`Cells::group_sets`] (each none past 64).
    pub(super) fn checks_of(&mut self, source: &Source) -> (u32, u32) {
        let same = |(g, a, _): &(crate::model::GroupSet, ipnet::Ipv4Net, u32)| {
            *a == source.address && *g == source.groups
        };
        // Mostly the last class's: a family's cells are asked class by class.
        if !self.checks.get(self.last).is_some_and(same) {
            self.last = match self.checks.iter().position(same) {
                Some(i) => i,
                None => {
                    let groups = match self.group_sets.iter().position(|g| *g == source.groups) {
                        Some(i) => i,
                        None => {
                            self.group_sets.push(source.groups.clone());
                            self.group_sets.len() - 1
                        }
                    };
                    let groups = u32::try_from(groups).unwrap_or(u32::MAX);
                    self.checks
                        .push((source.groups.clone(), source.address, groups));
                    self.checks.len() - 1
                }
            };
        }
        let bit = |i: usize| if i < 64 { i as u32 } else { u32::MAX };
        (bit(self.last), bit(self.checks[self.last].2 as usize))
    }

    /// The kept walk of column `s` that `source` replays, if one does: its logged checks decide
    /// alike for the source's groups, address and public-IP state. `checks` and `groups` are the
    /// source's bits ([`Self::checks_of`]).
    pub(super) fn replayed(
        &mut self,
        ctx: &Ctx<'_>,
        source: &Source,
        s: usize,
        (checks, groups): (u32, u32),
    ) -> Option<u32> {
        let bit = 1u64.checked_shl(checks).unwrap_or(0);
        let gbit = 1u64.checked_shl(groups).unwrap_or(0);
        for &w in &self.kept[s] {
            let walk = &mut self.walks[w as usize];
            if walk.reads_public_ip && walk.public_ip != source.public_ip {
                continue;
            }
            let alike = if walk.decided[0] & bit != 0 {
                true
            } else if walk.decided[1] & bit != 0 {
                false
            } else {
                let log = &self.logs[walk.log.clone()];
                // The checks of the source's groups alone are made once per groups.
                let mut by_groups = if walk.groups_decided[0] & gbit != 0 {
                    Some(true)
                } else if walk.groups_decided[1] & gbit != 0 {
                    Some(false)
                } else {
                    None
                };
                let alike = by_groups != Some(false) && {
                    let known = by_groups;
                    let alike = replays(ctx, log, source, walk, &mut by_groups);
                    // Decided as the whole log decides (an invariant, not a message).
                    debug_assert!(
                        known.is_none() || alike == replays(ctx, log, source, walk, &mut None)
                    );
                    alike
                };
                if let Some(b) = by_groups {
                    walk.groups_decided[usize::from(!b)] |= gbit;
                }
                walk.decided[usize::from(!alike)] |= bit;
                alike
            };
            if alike {
                return Some(w);
            }
        }
        None
    }
}

/// Debug builds: the walk logged each check of the source's address (`logs[start..]`) once
/// (`logged::logged_before`): every piece that reaches an interface makes the same checks of
/// that address there, and a replay needs each decision once. The source's egress checks name
/// each piece: they are logged as they are.
pub(super) fn each_once(logs: &[Logged<'_>], start: usize) {
    let walk = logs.get(start..).unwrap_or_default();
    for (i, a) in walk.iter().enumerate() {
        let again = a.of_address() && walk[..i].iter().any(|b| b.same_check(a));
        // An invariant of the log, not a message.
        assert!(!again);
    }
}

/// Whether a check of `log` read the source's groups' rules (checked them, not only as the
/// peer's).
pub(super) fn reads_source_groups(log: &[Logged<'_>]) -> bool {
    log.iter()
        .any(|c| matches!(c, Logged::Group(c) if matches!(c.groups, Side::Source)))
}

/// Record, for the cell being evaluated, what a walk read: `cell` (its reads but the source's
/// groups' rules; its class-wide reads only when `class_wide`, else [`Cells::end_class`] adds
/// them) and the rules of the source's groups `groups` if a check of its log read them
/// (`reads_groups`, [`reads_source_groups`]): as [`Ctx::read_groups`] records them, on the
/// reads at hand (a replayed cell borrowed them from their cell for every group).
pub(super) fn read_as(
    ctx: &mut Ctx<'_>,
    cell: &Deps,
    reads_groups: bool,
    groups: &[u32],
    class_wide: bool,
) {
    let deps = ctx.deps.get_mut();
    if !deps.on {
        return;
    }
    if class_wide {
        deps.absorb(cell);
    }
    deps.cell.absorb(&cell.cell);
    deps.cell_azs.absorb(&cell.cell_azs);
    if reads_groups {
        for &g in groups {
            deps.groups.set(g as usize);
            deps.cell.group(g as usize);
        }
    }
}

/// Whether a logged check reads the source's groups but not its address: a group check not
/// from the source's address (its egress, piece by piece: most of a log). Such checks decide
/// alike for every class of the same groups.
fn of_groups_only(c: &Logged<'_>) -> bool {
    matches!(c, Logged::Group(c) if !matches!(c.peer, Side::Source))
}

/// Whether every logged check decides for `source` (its groups and address) as it did when
/// logged by `walk`: a check made with the same groups (and, from the source, the same
/// address) is the same check and decides alike without being made again. The public-IP state
/// is compared apart ([`Cells::replayed`]), so the answer holds for every class of the same
/// groups and address. Nothing is recorded as read ([`read_as`] records a replayed cell's
/// reads).
///
/// `by_groups` is what is known of the checks that read the source's groups alone
/// ([`of_groups_only`]) for these groups: alike (`Some(true)`: they are not made again), or
/// not known (`None`: they are made, and `by_groups` becomes `Some(false)` when one decides
/// otherwise, `Some(true)` when the whole log was found alike).
fn replays<T>(
    ctx: &Ctx<'_>,
    log: &[Logged<'_>],
    source: &Source,
    walk: &Walked<T>,
    by_groups: &mut Option<bool>,
) -> bool {
    let (groups, address) = (&source.groups[..], source.address);
    let walked = walk.address;
    let same_groups = groups == &walk.groups[..];
    let known = *by_groups == Some(true);
    let alike = log.iter().all(|c| match c {
        Logged::Group(_) if known && of_groups_only(c) => true,
        Logged::Group(c)
            if same_groups && (address == walked || !matches!(c.peer, Side::Source)) =>
        {
            true
        }
        Logged::Group(c) => {
            let checked = c.groups.resolve(groups).unwrap_or_default();
            let peer = c.peer.resolve(groups);
            // A check from the source's groups is a check from its own address.
            let traffic = match c.peer {
                Side::Source => super::super::super::facts::Traffic {
                    peer: address,
                    ..c.traffic
                },
                _ => c.traffic,
            };
            let same =
                security_group::allows(ctx, c.direction, checked, &traffic, peer) == c.allowed;
            if !same && !matches!(c.peer, Side::Source) {
                *by_groups = Some(false);
            }
            same
        }
        &Logged::Acl {
            subnet,
            direction,
            reply_ports,
            allowed,
        } => {
            address == walked || acl_allows(ctx, subnet, direction, address, reply_ports) == allowed
        }
        Logged::Address => address == walked,
        // Compared apart ([`Cells::replayed`]).
        Logged::PublicIp => true,
    });
    if alike {
        *by_groups = Some(true);
    }
    alike
}

/// Debug builds: a replayed cell is the cell the walk gives.
#[cfg(debug_assertions)]
pub(super) fn walks_alike<'m, T: PartialEq + std::fmt::Debug>(
    ctx: &mut Ctx<'m>,
    cell: &T,
    walk: &mut dyn FnMut(&mut Ctx<'m>) -> T,
) {
    let deps = std::mem::take(ctx.deps.get_mut());
    let walked = walk(ctx);
    *ctx.deps.get_mut() = deps;
    // An invariant of the replay, not a message.
    assert_eq!(&walked, cell);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A kept walk that read the tables, groups, ACL crossings and AZs `bits` (and every
    /// table's size or a wide AZ when asked).
    fn walked(bits: &[u16], all_tables: bool, wide: bool) -> Walked<u8> {
        let mut reads = Deps::recording();
        for &b in bits {
            let b = usize::from(b);
            match b % 4 {
                0 => reads.tables.set(b / 4),
                1 => reads.groups.set(b / 4),
                2 => reads.acls.set(b / 4),
                _ => reads.azs.set(b % 64),
            }
        }
        reads.subnets.set(bits.len());
        reads.all_tables = all_tables;
        reads.wide = wide;
        Walked {
            log: 0..0,
            address: ipnet::Ipv4Net::default(),
            groups: Default::default(),
            public_ip: false,
            reads_public_ip: false,
            reads_groups: false,
            cell: 0,
            reads,
            decided: [0; 2],
            groups_decided: [0; 2],
        }
    }

    proptest! {
        /// Deferred, a class's cells add the class-wide reads of the walks they came from once
        /// per class, their union made once per distinct list of walks: the class reads what
        /// absorbing each cell's walk would have given it, whatever it read before.
        #[test]
        fn deferred_reads_equal_reads_absorbed_per_cell(
            walks in proptest::collection::vec(
                (proptest::collection::vec(0u16..2400, 0..12), any::<bool>(), any::<bool>()),
                1..8,
            ),
            classes in proptest::collection::vec(
                (proptest::collection::vec(0usize..8, 0..6), 0u16..2400),
                1..12,
            ),
        ) {
            let mut cells: Cells<'_, u8> = Cells::deferring(4);
            cells.walks = walks.iter().map(|(b, t, w)| walked(b, *t, *w)).collect();
            // Few distinct lists, so that classes share them.
            let lists: Vec<Vec<u32>> = classes
                .iter()
                .map(|(l, _)| l.iter().map(|&w| (w % walks.len()) as u32).collect())
                .collect();
            for (i, (_, before)) in classes.iter().enumerate() {
                let list = &lists[i % 3.min(lists.len())];
                let mut deferred = Deps::recording();
                deferred.groups.set(usize::from(*before));
                let mut direct = deferred.clone();
                if let Some(d) = cells.defer.as_mut() {
                    d.extend(list);
                }
                cells.end_class(&mut deferred);
                for &w in list {
                    direct.absorb(&cells.walks[w as usize].reads);
                }
                prop_assert_eq!(&deferred, &direct);
                prop_assert!(cells.defer.as_ref().is_some_and(Vec::is_empty));
            }
        }
    }
}
