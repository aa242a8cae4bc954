//! Families of classes: classes that share a subnet, and differ only in their security groups,
//! private address and (in the matrix) public-IP state. A walk reads the source's groups in
//! its security group checks only (its egress; the ingress of what it reaches, for rules naming
//! a group), its address in the checks of what it reaches (network ACL crossings and group
//! ingress from that address) and where a GWLB endpoint keeps it for the return leg, and its
//! public-IP state at an internet gateway (until a NAT translates the packet): everything else
//! it does follows from those checks' decisions. So a family's cells are walked with those
//! checks logged ([`Logged`]), and its other classes replay the log with their own groups,
//! address and public-IP state: where every check decides alike, the walk would go the same
//! way and the cell is the one walked; where one decides otherwise (or the return leg routes
//! another address), the cell is walked (and kept for the others too). On the security bench
//! model the 2,122 classes fall into 200 matrix families, one per subnet (394 when the
//! public-IP state split them, 764 when the address split them too). A policy that reads the
//! address (`aws:VpcSourceIp`) keeps each address in a family of its own. A trace names the
//! source's public-IP state: the cost estimate's families ([`class_families`]) keep it apart.

use std::sync::Arc;

use super::super::ctx::{Ctx, Deps, Side};
use super::super::facts::PathTrace;
use super::super::layers::{Logged, acl_allows};
use super::super::query::QueryError;
use super::super::rules::security_group;
use super::{
    ClassKey, MatrixCell, Source, WalkDeps, cell_verdict, class_row, class_source, class_trace,
    service_column, with_workloads,
};
use crate::model::Model;

/// The classes (indexes in `keys`' order) in families for the matrix, each in order with its
/// first class first, the families in order of their first class. A matrix cell is a verdict,
/// which reads the source's public-IP state only where a walk logs it ([`Logged::PublicIp`]):
/// the classes of a subnet with and without a public IP share a family.
pub(super) fn families<'a>(
    model: &Model,
    keys: impl ExactSizeIterator<Item = &'a ClassKey>,
) -> Vec<Vec<usize>> {
    grouped(model, keys, false)
}

/// The classes in families ([`families`]); with `by_public_ip`, classes of one subnet with and
/// without a public IP in different ones (a trace names the source's public-IP state).
fn grouped<'a>(
    model: &Model,
    keys: impl ExactSizeIterator<Item = &'a ClassKey>,
    by_public_ip: bool,
) -> Vec<Vec<usize>> {
    if !model.security().groups_on {
        return (0..keys.len()).map(|k| vec![k]).collect();
    }
    // Classes of different addresses replay each other's walks unless a policy reads the
    // address, which no log replays.
    let by_address = model.policies_read_address;
    let mut family_of: rustc_hash::FxHashMap<(usize, bool, Option<std::net::Ipv4Addr>), usize> =
        Default::default();
    let mut families: Vec<Vec<usize>> = Vec::new();
    for (k, key) in keys.enumerate() {
        let Some((_, address)) = &key.security else {
            families.push(vec![k]);
            continue;
        };
        let f = *family_of
            .entry((
                key.subnet,
                key.public_ip && by_public_ip,
                address.filter(|_| by_address),
            ))
            .or_insert_with(|| {
                families.push(Vec::new());
                families.len() - 1
            });
        families[f].push(k);
    }
    families
}

/// The classes `keys` (indexes into it) in families for their traces: classes that differ
/// only in their security groups and address together (a trace names the source's public-IP
/// state, so unlike [`families`] it splits them).
pub fn class_families(model: &Model, keys: &[&ClassKey]) -> Vec<Vec<usize>> {
    grouped(model, keys.iter().copied(), true)
}

/// One class's traces, each to one of its services (shared where replayed).
pub type ClassTraces = Vec<Result<Arc<PathTrace>, QueryError>>;

/// [`super::evaluate_class`] of the classes of one family ([`class_families`]), each to its own
/// services: the first class to need a service walks it with its group checks logged, the
/// others replay the log with their own groups and take the walked trace where every check
/// decides alike (debug builds walk every replayed trace too). Each class's traces in the
/// order of its services, with what its walks read; a replayed trace is the walked one,
/// shared, so the cost estimate works out its usage once per walk.
pub fn evaluate_family(
    model: &Model,
    failed: &[bool],
    classes: &[(&ClassKey, Vec<&str>)],
) -> Vec<(ClassTraces, WalkDeps)> {
    let alone = |(key, services): &(&ClassKey, Vec<&str>)| {
        let (traces, deps) = super::evaluate_class(model, failed, key, services);
        (traces.into_iter().map(|t| t.map(Arc::new)).collect(), deps)
    };
    // An IPv6-only subnet's traces are planned without the walk's logged checks.
    let ipv6_only = classes
        .first()
        .is_some_and(|(k, _)| model.scenario().subnets[k.subnet].ipv6_only);
    if classes.len() < 2 || ipv6_only {
        return classes.iter().map(alone).collect();
    }
    let mut ctx = Ctx {
        detail: true,
        ..Ctx::verdicts(model, failed, Default::default())
    };
    let mut names: Vec<&str> = Vec::new();
    for (_, services) in classes {
        for &s in services {
            if !names.contains(&s) {
                names.push(s);
            }
        }
    }
    let mut cells: Cells<'_, Result<Arc<PathTrace>, QueryError>> = Cells::new(names.len());
    classes
        .iter()
        .map(|(key, services)| {
            *ctx.deps.get_mut() = Deps::recording();
            let source = class_source(model, key);
            let traces = services
                .iter()
                .map(|&name| {
                    let slot = names.iter().position(|&n| n == name).unwrap_or_default();
                    let trace = cells.cell_with(&mut ctx, &source, slot, &mut |ctx| {
                        class_trace(ctx, &source, name).map(Arc::new)
                    });
                    ctx.deps.get_mut().end_cell(service_column(model, name));
                    trace
                })
                .collect();
            (
                traces,
                WalkDeps(Arc::new(std::mem::take(ctx.deps.get_mut()))),
            )
        })
        .collect()
}

/// A class's row and what its walks read.
pub(super) type Row = (Arc<[MatrixCell]>, Deps);

/// The most walks of one cell a family keeps for its classes to replay.
const KEPT: usize = 4;

/// One walk of a cell: its logged checks (a range of [`Cells::logs`]), the address of the
/// class that walked it, what it gave (a matrix cell, or a trace for the cost estimate), and
/// what the walk read but the source's groups' rules.
struct Walked<T> {
    log: std::ops::Range<usize>,
    address: ipnet::Ipv4Net,
    /// The groups of the class that walked it.
    groups: crate::model::GroupSet,
    /// Whether the class that walked it has a public IP, and whether the walk read it
    /// ([`Logged::PublicIp`]).
    public_ip: bool,
    reads_public_ip: bool,
    /// Whether a logged check read the source's groups' rules ([`reads_source_groups`]): a
    /// replay records them, for its class's groups. Found once, when the walk is kept, not
    /// again for every cell replaying it.
    reads_groups: bool,
    cell: T,
    reads: Deps,
    /// Per groups and address of the family's classes (bit `i`: [`Cells::checks`]'s `i`-th),
    /// whether every logged check but the public-IP state was found to decide alike for them
    /// (`[0]`) or not (`[1]`): classes that differ only in their public-IP state make the same
    /// checks, decided once.
    decided: [u64; 2],
    /// The same per groups of the family's classes (bit `i`: [`Cells::group_sets`]'s `i`-th),
    /// for the checks that read the source's groups but not its address (its egress, piece by
    /// piece: most of a log): classes of the same groups and other addresses decide them once.
    groups_decided: [u64; 2],
}

/// The walks of one family's cells, per service (or column), for its other classes to replay.
/// The walks and their logs each sit in one list for the whole family: a list per walk and per
/// service was a third of the matrix's allocations (heaptrack).
pub(super) struct Cells<'m, T = MatrixCell> {
    /// Per service, its kept walks (indexes into `walks`), at most [`KEPT`].
    kept: Vec<smallvec::SmallVec<[u32; KEPT]>>,
    walks: Vec<Walked<T>>,
    /// The kept walks' logged checks, one walk's after another's.
    logs: Vec<Logged<'m>>,
    /// The distinct groups and addresses of the classes seen so far (the bits of
    /// [`Walked::decided`]), each with the index of its groups in `group_sets`, and the index
    /// of the last class's.
    checks: Vec<(crate::model::GroupSet, ipnet::Ipv4Net, u32)>,
    last: usize,
    /// The distinct groups of the classes seen so far (the bits of [`Walked::groups_decided`]).
    group_sets: Vec<crate::model::GroupSet>,
    /// When the class-wide reads are deferred ([`Cells::deferring`]): the kept walks the class
    /// being evaluated took its cells from (replayed or walked), in the order of its cells,
    /// whose reads [`Cells::end_class`] adds.
    defer: Option<Vec<u32>>,
    /// Per list of kept walks a class of the family took its cells from, the union of their
    /// class-wide reads ([`Deps::absorb`]): most classes of a family take their cells from
    /// the same walks, and absorbing one union instead of a walk's reads per cell was the
    /// largest single cost of a replay.
    unions: Vec<(Vec<u32>, Deps)>,
}

impl<'m, T: Clone + PartialEq + std::fmt::Debug> Cells<'m, T> {
    pub(super) fn new(services: usize) -> Cells<'m, T> {
        Cells {
            kept: vec![smallvec::SmallVec::new(); services],
            walks: Vec::with_capacity(services),
            logs: Vec::new(),
            checks: Vec::new(),
            last: 0,
            group_sets: Vec::new(),
            defer: None,
            unions: Vec::new(),
        }
    }

    /// [`Self::new`], its cells' class-wide reads added once per class by
    /// [`Self::end_class`], which the caller calls after each class's cells.
    fn deferring(services: usize) -> Cells<'m, T> {
        Cells {
            defer: Some(Vec::with_capacity(services)),
            ..Cells::new(services)
        }
    }

    /// Deferring ([`Self::deferring`]): add to the class just evaluated the class-wide reads of
    /// the kept walks its cells came from, the union of their reads made once per distinct
    /// list of walks in the family. The union of sets, as absorbing each walk's reads per cell.
    fn end_class(&mut self, deps: &mut Deps) {
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
    fn checks_of(&mut self, source: &Source) -> (u32, u32) {
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
    fn replayed(
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

    /// What `walk` gives for column `s` and `source` (a class of the family), its reads
    /// recorded in the cell being evaluated: a kept walk's, when its checks decide alike for
    /// the source's groups; otherwise walked, with its checks logged and kept. `walk` evaluates
    /// the column for `source` in `ctx` (the same column for every class of the family).
    pub(super) fn cell_with(
        &mut self,
        ctx: &mut Ctx<'m>,
        source: &Source,
        s: usize,
        walk: &mut dyn FnMut(&mut Ctx<'m>) -> T,
    ) -> T {
        let groups = &source.groups;
        let (checks, group_set) = self.checks_of(source);
        if let Some(w) = self.replayed(ctx, source, s, (checks, group_set)) {
            // Deferring, the walk's class-wide reads are added at the class's end.
            let class_wide = match self.defer.as_mut() {
                Some(d) => {
                    d.push(w);
                    false
                }
                None => true,
            };
            let w = &self.walks[w as usize];
            #[cfg(debug_assertions)]
            walks_alike(ctx, &w.cell, walk);
            read_as(ctx, &w.reads, w.reads_groups, groups, class_wide);
            return w.cell.clone();
        }
        let class = std::mem::take(ctx.deps.get_mut());
        *ctx.deps.get_mut() = match class.on {
            true => Deps::recording(),
            false => Deps::default(),
        };
        // The walk logs its checks after the kept walks' logs.
        let start = self.logs.len();
        *ctx.log.get_mut() = Some(std::mem::take(&mut self.logs));
        ctx.log_start.set(start);
        ctx.acl_decided.get_mut().new_walk(start);
        let cell = walk(ctx);
        let mut logs = ctx.log.get_mut().take().unwrap_or_default();
        if cfg!(debug_assertions) {
            each_once(&logs, start);
        }
        let log = start.min(logs.len())..logs.len();
        let reads = std::mem::replace(ctx.deps.get_mut(), class);
        let kept = self.kept[s].len() < KEPT;
        // A kept walk's class-wide reads are added with the class's others when deferring.
        let class_wide = match (kept, self.defer.as_mut()) {
            (true, Some(d)) => {
                d.push(self.walks.len() as u32);
                false
            }
            _ => true,
        };
        let reads_groups = reads_source_groups(&logs[log.clone()]);
        read_as(ctx, &reads, reads_groups, groups, class_wide);
        if kept {
            let w = self.walks.len() as u32;
            self.kept[s].push(w);
            self.walks.push(Walked {
                reads_public_ip: logs[log.clone()]
                    .iter()
                    .any(|c| matches!(c, Logged::PublicIp)),
                reads_groups,
                log,
                address: source.address,
                groups: source.groups.clone(),
                public_ip: source.public_ip,
                cell: cell.clone(),
                reads,
                // The walking class's checks decide alike, as made.
                decided: [1u64.checked_shl(checks).unwrap_or(0), 0],
                groups_decided: [1u64.checked_shl(group_set).unwrap_or(0), 0],
            });
        } else {
            logs.truncate(log.start);
        }
        self.logs = logs;
        cell
    }
}

impl<'m> Cells<'m, MatrixCell> {
    /// The matrix cell of service `s` for `source` ([`Self::cell_with`]).
    pub(super) fn cell(&mut self, ctx: &mut Ctx<'m>, source: &Source, s: usize) -> MatrixCell {
        self.cell_with(ctx, source, s, &mut |ctx| MatrixCell {
            verdict: cell_verdict(ctx, source, s),
        })
    }
}

/// The rows of one family's classes `members`, each with what its walks read when `record`.
pub(super) fn rows(
    ctx: &mut Ctx<'_>,
    keys: &[ClassKey],
    members: &[usize],
    record: bool,
) -> Vec<(usize, Row)> {
    let n = ctx.model.services().len();
    let fresh = |ctx: &mut Ctx<'_>| {
        *ctx.deps.get_mut() = match record {
            true => Deps::recording_cells(n),
            false => Deps::default(),
        }
    };
    if let [only] = members {
        fresh(ctx);
        let row = class_row(ctx, &keys[*only]);
        return vec![(*only, (row, std::mem::take(ctx.deps.get_mut())))];
    }
    let model = ctx.model;
    let mut cells = Cells::deferring(n);
    let mut out: Vec<(usize, Row)> = Vec::with_capacity(members.len());
    for &k in members {
        fresh(ctx);
        let source = class_source(model, &keys[k]);
        let row: Vec<MatrixCell> = (0..n)
            .map(|s| {
                let cell = cells.cell(ctx, &source, s);
                ctx.deps.get_mut().end_cell(s as u32);
                cell
            })
            .collect();
        cells.end_class(ctx.deps.get_mut());
        // Classes whose cells all came out alike share one row.
        let same = out
            .iter()
            .find(|(_, (r, _))| r[..n] == row[..])
            .map(|(_, (r, _))| Arc::clone(r));
        let row = same.unwrap_or_else(|| with_workloads(model, row));
        out.push((k, (row, std::mem::take(ctx.deps.get_mut()))));
    }
    out
}

/// Debug builds: the walk logged each check of the source's address (`logs[start..]`) once
/// (`logged::logged_before`): every piece that reaches an interface makes the same checks of
/// that address there, and a replay needs each decision once. The source's egress checks name
/// each piece: they are logged as they are.
fn each_once(logs: &[Logged<'_>], start: usize) {
    let walk = logs.get(start..).unwrap_or_default();
    for (i, a) in walk.iter().enumerate() {
        let again = a.of_address() && walk[..i].iter().any(|b| b.same_check(a));
        // An invariant of the log, not a message.
        assert!(!again);
    }
}

/// Whether a check of `log` read the source's groups' rules (checked them, not only as the
/// peer's).
fn reads_source_groups(log: &[Logged<'_>]) -> bool {
    log.iter()
        .any(|c| matches!(c, Logged::Group(c) if matches!(c.groups, Side::Source)))
}

/// Record, for the cell being evaluated, what a walk read: `cell` (its reads but the source's
/// groups' rules; its class-wide reads only when `class_wide`, else [`Cells::end_class`] adds
/// them) and the rules of the source's groups `groups` if a check of its log read them
/// (`reads_groups`, [`reads_source_groups`]): as [`Ctx::read_groups`] records them, on the
/// reads at hand (a replayed cell borrowed them from their cell for every group).
fn read_as(ctx: &mut Ctx<'_>, cell: &Deps, reads_groups: bool, groups: &[u32], class_wide: bool) {
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
                Side::Source => super::super::facts::Traffic {
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
fn walks_alike<'m, T: PartialEq + std::fmt::Debug>(
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
