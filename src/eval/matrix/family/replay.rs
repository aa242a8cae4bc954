//! The replay bookkeeping of a family's kept walks ([`super::Cells`]): what each kept walk
//! remembers ([`Walked`]: its log, the groups and address that walked it, which classes' checks
//! were found to decide alike), whether a class's checks replay a kept walk ([`replays`]), and
//! what a replayed or walked cell records as read ([`read_as`], the class-wide reads deferred to
//! the class's end: [`Cells::end_class`]).

use super::super::super::ctx::{Ctx, Deps, Side};
use super::super::super::facts::GroupDirection;
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
    /// Boxed: swapped out of the context after the walk, not moved ([`DepsCell::replace`]).
    ///
    /// [`DepsCell::replace`]: super::super::super::deps::DepsCell::replace
    pub(super) reads: Box<Deps>,
    /// Per groups and address of the family's classes (bit `i`: [`Cells::checks`]'s `i`-th),
    /// whether every logged check but the public-IP state was found to decide alike for them
    /// (`[0]`) or not (`[1]`): classes that differ only in their public-IP state make the same
    /// checks, decided once.
    pub(super) decided: [u64; 2],
    /// The same per groups of the family's classes (bit `i`: [`Cells::group_sets`]'s `i`-th),
    /// for the checks that read the source's groups but not its address (its egress, piece by
    /// piece: most of a log): classes of the same groups and other addresses decide them once.
    pub(super) groups_decided: [u64; 2],
    /// The same per address of the family's classes (bit `i`: [`Cells::addresses`]'s `i`-th),
    /// for the checks that read the source's address but not its groups (the network ACL
    /// crossings from it, the return leg's read of it): a family's classes are its subnet's
    /// few addresses times its few group sets, and classes of the same address and other
    /// groups decide them once.
    pub(super) address_decided: [u64; 2],
}

/// A class's bits in a family's kept walks ([`Cells::checks_of`]): of its groups and address
/// ([`Walked::decided`]), of its groups ([`Walked::groups_decided`]) and of its address
/// ([`Walked::address_decided`]); `u32::MAX` past 64 (nothing kept).
#[derive(Debug, Clone, Copy)]
pub(super) struct ClassBits {
    pub(super) checks: u32,
    pub(super) groups: u32,
    pub(super) address: u32,
    /// Whether the class's groups allow the probe out to every address ([`egress_wide`]).
    pub(super) egress_wide: bool,
}

/// What is known of a kept walk's checks of one kind for the class of `bit` in `decided`:
/// alike (`Some(true)`), not alike (`Some(false)`) or not known yet.
fn known(decided: &[u64; 2], bit: u64) -> Option<bool> {
    if decided[0] & bit != 0 {
        Some(true)
    } else if decided[1] & bit != 0 {
        Some(false)
    } else {
        None
    }
}

/// Keep what was found (`found`) for the class of `bit` in `decided`.
fn keep(decided: &mut [u64; 2], bit: u64, found: Option<bool>) {
    if let Some(b) = found {
        decided[usize::from(!b)] |= bit;
    }
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

    /// The indexes of `source`'s groups and address in [`Cells::checks`], of its groups in
    /// [`Cells::group_sets`] and of its address in [`Cells::addresses`] (each none past 64).
    pub(super) fn checks_of(&mut self, ctx: &Ctx<'_>, source: &Source) -> ClassBits {
        let same = |(g, a, _, _): &(crate::model::GroupSet, ipnet::Ipv4Net, u32, u32)| {
            *a == source.address && same_set(g, &source.groups)
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
                            self.egress_wide.push(egress_wide(ctx, &source.groups));
                            self.group_sets.len() - 1
                        }
                    };
                    let groups = u32::try_from(groups).unwrap_or(u32::MAX);
                    let address = match self.addresses.iter().position(|a| *a == source.address) {
                        Some(i) => i,
                        None => {
                            self.addresses.push(source.address);
                            self.addresses.len() - 1
                        }
                    };
                    let address = u32::try_from(address).unwrap_or(u32::MAX);
                    self.checks
                        .push((source.groups.clone(), source.address, groups, address));
                    self.checks.len() - 1
                }
            };
        }
        let bit = |i: u32| if i < 64 { i } else { u32::MAX };
        let (_, _, groups, address) = self.checks[self.last];
        ClassBits {
            checks: bit(self.last as u32),
            groups: bit(groups),
            address: bit(address),
            egress_wide: self.egress_wide.get(groups as usize).copied() == Some(true),
        }
    }

    /// The kept walk of column `s` that `source` replays, if one does: its logged checks decide
    /// alike for the source's groups, address and public-IP state. `bits` are the source's
    /// ([`Self::checks_of`]).
    pub(super) fn replayed(
        &mut self,
        ctx: &Ctx<'_>,
        source: &Source,
        s: usize,
        bits: ClassBits,
    ) -> Option<u32> {
        let bit = 1u64.checked_shl(bits.checks).unwrap_or(0);
        let gbit = 1u64.checked_shl(bits.groups).unwrap_or(0);
        let abit = 1u64.checked_shl(bits.address).unwrap_or(0);
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
                // The checks of the source's groups alone are made once per groups, those of its
                // address alone once per address.
                let mut by = Known {
                    groups: known(&walk.groups_decided, gbit),
                    address: known(&walk.address_decided, abit),
                };
                let alike = by.groups != Some(false) && by.address != Some(false) && {
                    let before = by;
                    let alike = replays(ctx, log, source, walk, &mut by, bits.egress_wide);
                    // Decided as the whole log decides (an invariant, not a message).
                    debug_assert!(
                        (before.groups.is_none() && before.address.is_none())
                            || alike
                                == replays(ctx, log, source, walk, &mut Known::default(), false)
                    );
                    alike
                };
                keep(&mut walk.groups_decided, gbit, by.groups);
                keep(&mut walk.address_decided, abit, by.address);
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

/// The same groups in the same order: a set is one to three indexes, compared in line (the
/// slices' `==` called `memcmp` for each of a family's ~64,000 cells, 1.2 million instructions
/// of `security all`).
#[inline]
fn same_set(a: &[u32], b: &[u32]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
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

/// Whether a logged check reads the source's address but not its groups: a network ACL crossing
/// from it, or the return leg's read of it. Such checks decide alike for every class of the same
/// address.
fn of_address_only(c: &Logged<'_>) -> bool {
    matches!(c, Logged::Acl { .. } | Logged::Address)
}

/// What is known, for one class, of a kept walk's checks of its groups alone
/// ([`of_groups_only`]) and of its address alone ([`of_address_only`]): alike (`Some(true)`:
/// they are not made again), not alike, or not known (`None`: they are made).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Known {
    groups: Option<bool>,
    address: Option<bool>,
}

/// Whether every logged check decides for `source` (its groups and address) as it did when
/// logged by `walk`: a check made with the same groups (and, from the source, the same
/// address) is the same check and decides alike without being made again. The public-IP state
/// is compared apart ([`Cells::replayed`]), so the answer holds for every class of the same
/// groups and address. Nothing is recorded as read ([`read_as`] records a replayed cell's
/// reads).
///
/// `by` is what is known of the checks that read the source's groups alone
/// ([`of_groups_only`]) for these groups, and of those that read its address alone
/// ([`of_address_only`]) for this address: alike (`Some(true)`: they are not made again), or
/// not known (`None`: they are made, and the kind becomes `Some(false)` when one decides
/// otherwise, `Some(true)` when the whole log was found alike).
fn replays<T>(
    ctx: &Ctx<'_>,
    log: &[Logged<'_>],
    source: &Source,
    walk: &Walked<T>,
    by: &mut Known,
    egress_wide: bool,
) -> bool {
    let (groups, address) = (&source.groups[..], source.address);
    let walked = walk.address;
    let same_groups = same_set(groups, &walk.groups);
    let known_groups = by.groups == Some(true);
    let known_address = by.address == Some(true) || address == walked;
    let alike = log.iter().all(|c| match c {
        Logged::Group(_) if known_groups && of_groups_only(c) => true,
        _ if known_address && of_address_only(c) => true,
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
            let decided = if egress_wide && probe_egress(ctx, c) {
                // Allowed to every address, so to this piece (an invariant, not a message).
                debug_assert!(security_group::allows(
                    ctx,
                    c.direction,
                    checked,
                    &traffic,
                    peer
                ));
                true
            } else {
                security_group::allows(ctx, c.direction, checked, &traffic, peer)
            };
            let same = decided == c.allowed;
            if !same && !matches!(c.peer, Side::Source) {
                by.groups = Some(false);
            }
            same
        }
        &Logged::Acl {
            subnet,
            direction,
            reply_ports,
            allowed,
        } => {
            let same = acl_allows(ctx, subnet, direction, address, reply_ports) == allowed;
            if !same {
                by.address = Some(false);
            }
            same
        }
        Logged::Address => {
            // Another address: only the walk's own replays (the return leg's route).
            by.address = Some(false);
            false
        }
        // Compared apart ([`Cells::replayed`]).
        Logged::PublicIp => true,
    });
    if alike {
        *by = Known {
            groups: Some(true),
            address: Some(true),
        };
    }
    alike
}

/// Whether `groups` allow the probe out to every address (`0.0.0.0/0`; a rule naming it, as
/// most groups have for HTTPS or all traffic): then they allow it to any piece, whatever
/// groups hold it, and a replay takes the source's egress checks of the probe as allowed
/// ([`probe_egress`]) without deciding each piece. About 100,000 such decisions per
/// `evaluate_all` on the security bench model, most of them for groups like these.
pub(super) fn egress_wide(ctx: &Ctx<'_>, groups: &[u32]) -> bool {
    let traffic = super::super::super::facts::Traffic {
        protocol: ctx.probe.protocol,
        ports: ctx.probe.ports(),
        peer: ipnet::Ipv4Net::default(),
    };
    security_group::allows(ctx, GroupDirection::Egress, groups, &traffic, None)
}

/// Whether a logged check is the source's egress of the probe: what [`egress_wide`] decides.
fn probe_egress(ctx: &Ctx<'_>, c: &crate::eval::ctx::SourceCheck<'_>) -> bool {
    c.direction == GroupDirection::Egress
        && matches!(c.groups, Side::Source)
        && c.traffic.protocol == ctx.probe.protocol
        && c.traffic.ports == ctx.probe.ports()
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
    use crate::eval::facts::AclDirection;
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
            reads: Box::new(reads),
            decided: [0; 2],
            groups_decided: [0; 2],
            address_decided: [0; 2],
        }
    }

    /// A source in subnet 0 with `groups` and `address`.
    fn source(groups: &[u32], address: ipnet::Ipv4Net) -> Source {
        Source {
            origin: crate::eval::facts::Origin::Subnet {
                id: Default::default(),
                public_ip: false,
            },
            subnet: 0,
            public_ip: false,
            address,
            groups: groups.iter().copied().collect(),
        }
    }

    /// A log's checks of the source's address alone (the network ACL crossings from it) are
    /// decided once per address, whatever the groups: on the shipped scenarios with network
    /// ACLs, a walk logged with one address and one group set is replayed by every class of
    /// other addresses and group sets in turn, what was found per address and per group set
    /// kept between them as [`Cells::replayed`] keeps it, and each answer is the whole log's
    /// (made afresh); both answers occur, and some are found from the kept knowledge alone.
    #[test]
    fn address_checks_are_decided_once_per_address() {
        let (mut alike, mut unlike, mut from_kept) = (0, 0, 0);
        for name in ["security-layers", "nacl-ephemeral"] {
            let model = crate::model::shipped_scenario(name);
            let s = model.scenario();
            let sec = model.security();
            let ctx = Ctx::verdicts(&model, &[], Default::default());
            let mut addresses: Vec<ipnet::Ipv4Net> =
                s.subnets.iter().filter_map(|n| n.cidr).collect();
            addresses.extend(
                s.instances
                    .iter()
                    .filter_map(|i| i.private_ip)
                    .map(ipnet::Ipv4Net::from),
            );
            // One bit per address, as [`Cells::checks_of`] gives them (none past 64).
            addresses.truncate(64);
            let group_sets: Vec<Vec<u32>> =
                sec.instance_groups.iter().map(|g| g.to_vec()).collect();
            let walked = addresses[0];
            let mut log: Vec<Logged<'_>> = Vec::new();
            for subnet in 0..s.subnets.len() {
                for direction in [AclDirection::Inbound, AclDirection::Outbound] {
                    let reply_ports = sec.ephemeral;
                    let allowed = acl_allows(&ctx, subnet, direction, walked, reply_ports);
                    log.push(Logged::Acl {
                        subnet,
                        direction,
                        reply_ports,
                        allowed,
                    });
                }
            }
            let mut walk = walked_by(&group_sets[0], walked);
            for groups in &group_sets {
                for (a, &address) in addresses.iter().enumerate() {
                    let class = source(groups, address);
                    let abit = 1u64 << a;
                    let mut by = Known {
                        groups: None,
                        address: known(&walk.address_decided, abit),
                    };
                    let fresh = replays(&ctx, &log, &class, &walk, &mut Known::default(), false);
                    let got = match by.address {
                        Some(b) => {
                            from_kept += 1;
                            b
                        }
                        None => replays(&ctx, &log, &class, &walk, &mut by, false),
                    };
                    assert_eq!(got, fresh, "{name} {address} {groups:?}");
                    keep(&mut walk.address_decided, abit, by.address);
                    match fresh {
                        true => alike += 1,
                        false => unlike += 1,
                    }
                }
            }
        }
        assert!(
            alike > 0 && unlike > 0 && from_kept > 0,
            "{alike} {unlike} {from_kept}"
        );
    }

    /// Groups that allow the probe out to every address ([`egress_wide`], what a replay takes
    /// as deciding the source's egress checks) allow it to every piece, whoever holds it: on
    /// every shipped scenario, each instance's groups to each subnet, instance and service
    /// range, with each instance's groups and none as the peer's; both kinds of groups occur.
    #[test]
    fn groups_allowing_every_address_allow_every_piece() {
        let (mut wide, mut narrow) = (0, 0);
        for (path, model) in crate::model::shipped_scenarios() {
            let s = model.scenario();
            let sec = model.security();
            let ctx = Ctx::verdicts(&model, &[], Default::default());
            let mut pieces: Vec<ipnet::Ipv4Net> = s.subnets.iter().filter_map(|n| n.cidr).collect();
            pieces.extend(
                s.instances
                    .iter()
                    .filter_map(|i| i.private_ip)
                    .map(ipnet::Ipv4Net::from),
            );
            for service in model.services() {
                pieces.extend(service.cidrs.iter().copied());
            }
            for groups in sec.instance_groups.iter() {
                if !egress_wide(&ctx, groups) {
                    narrow += 1;
                    continue;
                }
                wide += 1;
                for &peer in &pieces {
                    let traffic = crate::eval::facts::Traffic {
                        protocol: ctx.probe.protocol,
                        ports: ctx.probe.ports(),
                        peer,
                    };
                    let held = sec.instance_groups.iter().map(|g| Some(g.as_slice()));
                    for held in held.chain([None]) {
                        assert!(
                            security_group::allows(
                                &ctx,
                                GroupDirection::Egress,
                                groups,
                                &traffic,
                                held
                            ),
                            "{} {groups:?} {peer}",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(wide > 0 && narrow > 0, "{wide} {narrow}");
    }

    /// A kept walk of `groups` and `address` that read nothing.
    fn walked_by(groups: &[u32], address: ipnet::Ipv4Net) -> Walked<u8> {
        Walked {
            address,
            groups: groups.iter().copied().collect(),
            ..walked(&[], false, false)
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
