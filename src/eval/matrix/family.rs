//! Families of classes: classes that share a subnet, public-IP state and address, and differ
//! only in their security groups. A walk reads the source's groups in its security group checks
//! only (its egress; the ingress of what it reaches, for rules naming a group): everything
//! else it does follows from those checks' decisions. So the first class of a family is walked
//! with those checks logged, and each other class replays the log with its own groups: where
//! every check decides alike, the walk would go the same way, and the cell is the first
//! class's; where one decides otherwise, the cell is walked. On the security bench model the
//! 2,122 classes fall into a few hundred families.

use std::sync::Arc;

use super::super::ctx::{Ctx, Deps, Side, SourceCheck};
use super::super::evaluate::evaluate_service;
use super::super::rules::security_group;
use super::{ClassKey, MatrixCell, class_row, class_source, with_workloads};
use crate::model::Model;

/// The classes (indexes into `keys`) in families, each in order with its first class first,
/// the families in order of their first class.
pub(super) fn families(model: &Model, keys: &[ClassKey]) -> Vec<Vec<usize>> {
    if !model.security().groups_on {
        return (0..keys.len()).map(|k| vec![k]).collect();
    }
    let mut family_of: rustc_hash::FxHashMap<(usize, bool, Option<std::net::Ipv4Addr>), usize> =
        Default::default();
    let mut families: Vec<Vec<usize>> = Vec::new();
    for (k, key) in keys.iter().enumerate() {
        let Some((_, address)) = &key.security else {
            families.push(vec![k]);
            continue;
        };
        let f = *family_of
            .entry((key.subnet, key.public_ip, *address))
            .or_insert_with(|| {
                families.push(Vec::new());
                families.len() - 1
            });
        families[f].push(k);
    }
    families
}

/// A class's row and what its walks read.
pub(super) type Row = (Arc<[MatrixCell]>, Deps);

/// The rows of one family's classes `members`, each with what its walks read when `record`.
pub(super) fn rows(
    ctx: &mut Ctx<'_>,
    keys: &[ClassKey],
    members: &[usize],
    record: bool,
) -> Vec<(usize, Row)> {
    let fresh = |ctx: &mut Ctx<'_>| {
        *ctx.deps.get_mut() = match record {
            true => Deps::recording(),
            false => Deps::default(),
        }
    };
    let Some((&first, others)) = members.split_first() else {
        return Vec::new();
    };
    fresh(ctx);
    if others.is_empty() {
        let row = class_row(ctx, &keys[first]);
        return vec![(first, (row, std::mem::take(ctx.deps.get_mut())))];
    }
    let model = ctx.model;
    let n = model.services().len();
    let source = class_source(model, &keys[first]);
    let mut logs: Vec<Vec<SourceCheck<'_>>> = Vec::with_capacity(n);
    // Per cell, what its walk read, but the source's groups' rules: what a replayed cell reads
    // besides its own class's groups' rules.
    let mut reads: Vec<Deps> = Vec::with_capacity(n);
    let cells: Vec<MatrixCell> = (0..n)
        .map(|s| {
            let class = std::mem::take(ctx.deps.get_mut());
            fresh(ctx);
            *ctx.log.get_mut() = Some(Vec::new());
            let verdict = evaluate_service(ctx, &source, s).verdict;
            let log = ctx.log.get_mut().take().unwrap_or_default();
            let cell = std::mem::replace(ctx.deps.get_mut(), class);
            read_as(ctx, &cell, &log, &source.groups);
            ctx.deps.get_mut().end_cell(s as u32);
            logs.push(log);
            reads.push(cell);
            MatrixCell { verdict }
        })
        .collect();
    let first_row = with_workloads(model, cells.clone());
    let first_deps = std::mem::take(ctx.deps.get_mut());
    let mut out = Vec::with_capacity(members.len());
    for &k in others {
        fresh(ctx);
        let source = class_source(model, &keys[k]);
        let mut walked = false;
        let row: Vec<MatrixCell> = (0..n)
            .map(|s| {
                if replays(ctx, &logs[s], &source.groups) {
                    #[cfg(debug_assertions)]
                    walks_alike(ctx, &source, s, &cells[s]);
                    read_as(ctx, &reads[s], &logs[s], &source.groups);
                    ctx.deps.get_mut().end_cell(s as u32);
                    cells[s].clone()
                } else {
                    walked = true;
                    let verdict = evaluate_service(ctx, &source, s).verdict;
                    ctx.deps.get_mut().end_cell(s as u32);
                    MatrixCell { verdict }
                }
            })
            .collect();
        let row = match walked {
            true => with_workloads(model, row),
            false => Arc::clone(&first_row),
        };
        out.push((k, (row, std::mem::take(ctx.deps.get_mut()))));
    }
    out.push((first, (first_row, first_deps)));
    out
}

/// Record, for the cell being evaluated, what a walk read: `cell` (its reads but the source's
/// groups' rules) and the rules of the source's groups `groups` if a check of `log` read them.
fn read_as(ctx: &mut Ctx<'_>, cell: &Deps, log: &[SourceCheck<'_>], groups: &[u32]) {
    let deps = ctx.deps.get_mut();
    if !deps.on {
        return;
    }
    deps.absorb(cell);
    deps.cell.absorb(&cell.cell);
    if log.iter().any(|c| matches!(c.groups, Side::Source)) {
        ctx.read_groups(groups);
    }
}

/// Whether every logged check decides for the source's groups `groups` as it did when logged.
/// Nothing is recorded as read ([`read_as`] records a replayed cell's reads).
fn replays(ctx: &mut Ctx<'_>, log: &[SourceCheck<'_>], groups: &[u32]) -> bool {
    let deps = std::mem::take(ctx.deps.get_mut());
    let alike = log.iter().all(|c| {
        let checked = c.groups.resolve(groups).unwrap_or_default();
        let peer = c.peer.resolve(groups);
        security_group::allows(ctx, c.direction, checked, &c.traffic, peer) == c.allowed
    });
    *ctx.deps.get_mut() = deps;
    alike
}

/// Debug builds: a replayed cell is the cell the walk gives.
#[cfg(debug_assertions)]
fn walks_alike(ctx: &mut Ctx<'_>, source: &super::Source, s: usize, cell: &MatrixCell) {
    let deps = std::mem::take(ctx.deps.get_mut());
    let walked = evaluate_service(ctx, source, s).verdict;
    *ctx.deps.get_mut() = deps;
    // An invariant of the replay, not a message.
    assert_eq!(
        walked, cell.verdict,
        "a replayed cell differs from its walk"
    );
}
