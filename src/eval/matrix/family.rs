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

use super::super::ctx::{Ctx, Deps};
use super::super::facts::PathTrace;
use super::super::layers::Logged;
use super::super::query::QueryError;
use super::{
    ClassKey, MatrixCell, Source, WalkDeps, cell_verdict, class_row, class_source, class_trace,
    service_column, with_workloads,
};
use crate::model::Model;

mod replay;

#[cfg(debug_assertions)]
use replay::walks_alike;
use replay::{Walked, each_once, read_as, reads_source_groups};

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

/// A class's row and what its walks read (put in their `Arc` once, where the row is made).
pub(super) type Row = (Arc<[MatrixCell]>, Arc<Deps>);

/// The most walks of one cell a family keeps for its classes to replay.
const KEPT: usize = 4;

/// The checks a walk logs, about (its source's egress per piece, the crossings and group
/// ingress from its address): room kept per service in a family's logs.
const LOGGED_PER_WALK: usize = 12;

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
    /// [`Walked::decided`]), each with the index of its groups in `group_sets` and of its
    /// address in `addresses`, and the index of the last class's.
    checks: Vec<(crate::model::GroupSet, ipnet::Ipv4Net, u32, u32)>,
    last: usize,
    /// The distinct groups of the classes seen so far (the bits of [`Walked::groups_decided`]).
    group_sets: Vec<crate::model::GroupSet>,
    /// The distinct addresses of the classes seen so far (the bits of
    /// [`Walked::address_decided`]).
    addresses: Vec<ipnet::Ipv4Net>,
    /// Per group set of `group_sets`, whether it allows the probe out to every address
    /// ([`replay::egress_wide`]).
    egress_wide: Vec<bool>,
    /// When the class-wide reads are deferred ([`Cells::deferring`]): the kept walks the class
    /// being evaluated took its cells from (replayed or walked), in the order of its cells,
    /// whose reads [`Cells::end_class`] adds.
    defer: Option<Vec<u32>>,
    /// Per list of kept walks a class of the family took its cells from, the union of their
    /// class-wide reads ([`Deps::absorb`]): most classes of a family take their cells from
    /// the same walks, and absorbing one union instead of a walk's reads per cell was the
    /// largest single cost of a replay.
    unions: Vec<(Vec<u32>, Deps)>,
    /// Whether a cell since this was last cleared ([`rows`] clears it per class) came from a
    /// walk that read the source's public-IP state ([`Logged::PublicIp`]): a class whose cells
    /// read none stands for the family's classes of the same groups and address ([`rows`]).
    read_public_ip: bool,
}

impl<'m, T: Clone + PartialEq + std::fmt::Debug> Cells<'m, T> {
    pub(super) fn new(services: usize) -> Cells<'m, T> {
        Cells {
            kept: vec![smallvec::SmallVec::new(); services],
            // Room for a walk per service and some again, and for their logs: grown a push at a
            // time, the walks' list and their logs were copied some 2,500 times per
            // `evaluate_all` on the security bench model (3.6 million instructions).
            walks: Vec::with_capacity(services + services / 2),
            logs: Vec::with_capacity(services * LOGGED_PER_WALK),
            checks: Vec::new(),
            last: 0,
            group_sets: Vec::new(),
            addresses: Vec::new(),
            egress_wide: Vec::new(),
            defer: None,
            unions: Vec::new(),
            read_public_ip: false,
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
        let bits = self.checks_of(ctx, source);
        if let Some(w) = self.replayed(ctx, source, s, bits) {
            // Deferring, the walk's class-wide reads are added at the class's end.
            let class_wide = match self.defer.as_mut() {
                Some(d) => {
                    d.push(w);
                    false
                }
                None => true,
            };
            let w = &self.walks[w as usize];
            self.read_public_ip |= w.reads_public_ip;
            #[cfg(debug_assertions)]
            walks_alike(ctx, &w.cell, walk);
            read_as(ctx, &w.reads, w.reads_groups, groups, class_wide);
            return w.cell.clone();
        }
        // The walk records in a box of its own, swapped in for the class's and back: the
        // reads are not moved. A walk not kept gives its box back (`DepsCell::recycle`).
        let on = ctx.deps.get_mut().on;
        let fresh = ctx.deps.fresh(on);
        let class = ctx.deps.replace(fresh);
        // The walk logs its checks after the kept walks' logs.
        let start = self.logs.len();
        *ctx.log.get_mut() = Some(std::mem::take(&mut self.logs));
        ctx.log_start.set(start);
        ctx.acl_decided.get_mut().new_walk(start);
        // The source's egress takes each piece as allowed when its groups allow the probe out
        // to every address (found once per group set of the family).
        ctx.src_egress_wide = bits.egress_wide;
        let cell = walk(ctx);
        ctx.src_egress_wide = false;
        let mut logs = ctx.log.get_mut().take().unwrap_or_default();
        if cfg!(debug_assertions) {
            each_once(&logs, start);
        }
        let log = start.min(logs.len())..logs.len();
        let reads = ctx.deps.replace(class);
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
        let reads_public_ip = logs[log.clone()]
            .iter()
            .any(|c| matches!(c, Logged::PublicIp));
        self.read_public_ip |= reads_public_ip;
        if kept {
            let w = self.walks.len() as u32;
            self.kept[s].push(w);
            self.walks.push(Walked {
                reads_public_ip,
                reads_groups,
                log,
                address: source.address,
                groups: source.groups.clone(),
                public_ip: source.public_ip,
                cell: cell.clone(),
                reads,
                // The walking class's checks decide alike, as made.
                decided: [1u64.checked_shl(bits.checks).unwrap_or(0), 0],
                groups_decided: [1u64.checked_shl(bits.groups).unwrap_or(0), 0],
                address_decided: [1u64.checked_shl(bits.address).unwrap_or(0), 0],
            });
        } else {
            logs.truncate(log.start);
            ctx.deps.recycle(reads);
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
    // Emptied in place (as `Deps::recording()` with room for a cell per service, or
    // `Deps::default()`), not made and moved in.
    let fresh = |ctx: &mut Ctx<'_>| {
        let deps = ctx.deps.get_mut();
        deps.reset(record);
        if record {
            deps.cells.reserve_exact(n);
            deps.az_cells.reserve_exact(n);
        }
    };
    if let [only] = members {
        fresh(ctx);
        let row = class_row(ctx, &keys[*only]);
        return vec![(*only, (row, Arc::new(std::mem::take(ctx.deps.get_mut()))))];
    }
    let model = ctx.model;
    let mut cells = Cells::deferring(n);
    let mut out: Vec<(usize, Row)> = Vec::with_capacity(members.len());
    // The classes whose cells read no public-IP state: their groups and address, and their
    // place in `out`.
    let mut standing: Vec<(crate::model::GroupSet, ipnet::Ipv4Net, usize)> = Vec::new();
    for &k in members {
        let source = class_source(model, &keys[k]);
        // A class of the same groups and address as one whose cells read no public-IP state
        // (they differ in that state alone: the family's subnet) has its row and reads: each
        // of its cells replays the walk that class's cell came from (the same checks, decided
        // alike), which reads nothing the two tell apart. Half the bench model's classes are
        // such twins, and their cells were each replayed through the family's bookkeeping.
        let twin = standing
            .iter()
            .find(|(g, a, _)| *a == source.address && *g == source.groups)
            .map(|&(_, _, i)| i);
        if let Some(i) = twin {
            let (row, deps) = &out[i].1;
            let (row, deps) = (Arc::clone(row), Arc::clone(deps));
            // The twin's cells are those its walks give (an invariant, not a message).
            #[cfg(debug_assertions)]
            for (s, cell) in row[..n].iter().enumerate() {
                walks_alike(ctx, cell, &mut |ctx| MatrixCell {
                    verdict: cell_verdict(ctx, &source, s),
                });
            }
            out.push((k, (row, deps)));
            continue;
        }
        fresh(ctx);
        cells.read_public_ip = false;
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
        if !cells.read_public_ip {
            standing.push((source.groups, source.address, out.len()));
        }
        out.push((k, (row, Arc::new(std::mem::take(ctx.deps.get_mut())))));
    }
    // The kept walks' reads were added to the classes: their boxes serve the next family's.
    for w in cells.walks {
        ctx.deps.recycle(w.reads);
    }
    out
}
