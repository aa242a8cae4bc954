//! What an edit changed, as far as the walks' recorded reads can tell: the tables, subnet
//! associations, AZ failures, security groups' and network ACLs' rules ([`Deps`]); what lets the matrix and the cost estimate evaluate
//! again only the classes an edit touched.

use std::sync::Arc;

use super::super::ctx::{Bits, Deps, Mark};
use crate::model::Model;

/// What changed between the model a matrix was evaluated on and the next one, when the change
/// is one a class's recorded dependencies can tell: routes in some tables, some subnets'
/// table associations, some AZs' failure, some groups' or network ACLs' rules.
pub(super) struct Change {
    tables: Bits,
    subnets: Bits,
    azs: Bits,
    groups: Bits,
    acls: Bits,
    /// The changed groups and ACLs folded, to tell which cells of a class they may touch.
    mark: Mark,
}

/// What a change means for one class's row.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Hit {
    /// Nothing it read changed: the row is kept.
    Keep,
    /// Only group or ACL rules some of its cells read changed: those cells (by service index)
    /// are evaluated again.
    Cells(Vec<u32>),
    /// The whole row is evaluated again.
    Row,
}

impl Change {
    /// `None` when anything else changed: then every class is evaluated again.
    pub(super) fn between(
        before: &Model,
        failed_before: &[bool],
        after: &Model,
        failed: &[bool],
    ) -> Option<Change> {
        if !before.evaluates_alike(after) || failed_before.len() != failed.len() {
            return None;
        }
        let mut change = Change {
            tables: Bits::default(),
            subnets: Bits::default(),
            azs: Bits::default(),
            groups: Bits::default(),
            acls: Bits::default(),
            mark: Mark::default(),
        };
        for g in before.changed_groups(after) {
            change.groups.set(g);
            change.mark.group(g);
        }
        for a in before.changed_acls(after) {
            change.acls.set(a);
            change.mark.acl(a);
        }
        if !Arc::ptr_eq(&before.tables, &after.tables) {
            for (t, (a, b)) in before.tables.iter().zip(after.tables.iter()).enumerate() {
                if !Arc::ptr_eq(a, b) && a != b {
                    change.tables.set(t);
                }
            }
        }
        if !Arc::ptr_eq(&before.subnet_table, &after.subnet_table) {
            for (s, (a, b)) in before
                .subnet_table
                .iter()
                .zip(after.subnet_table.iter())
                .enumerate()
            {
                if a != b {
                    change.subnets.set(s);
                }
            }
        }
        for (az, (a, b)) in failed_before.iter().zip(failed).enumerate() {
            if a != b {
                change.azs.set(az);
            }
        }
        Some(change)
    }

    pub(super) fn hits(&self, deps: &Deps) -> bool {
        self.hit(deps) != Hit::Keep
    }

    pub(super) fn hit(&self, deps: &Deps) -> Hit {
        let routing = deps.tables.intersects(&self.tables)
            || (deps.all_tables && !self.tables.is_empty())
            || deps.subnets.intersects(&self.subnets)
            || deps.azs.intersects(&self.azs);
        if routing {
            return Hit::Row;
        }
        if !deps.groups.intersects(&self.groups) && !deps.acls.intersects(&self.acls) {
            return Hit::Keep;
        }
        let cells: Vec<u32> = deps
            .cells
            .iter()
            .filter(|(_, m)| m.meets(&self.mark))
            .map(|&(s, _)| s)
            .collect();
        // A cell that is no service cannot be evaluated again on its own.
        if cells.is_empty() || cells.contains(&u32::MAX) {
            return Hit::Row;
        }
        Hit::Cells(cells)
    }
}

/// What an edit changed between two models (and their failed AZs), as far as the walks'
/// recorded reads ([`WalkDeps`]) can tell; for callers outside the evaluator that keep their
/// own per-class results (the cost estimate).
pub struct Touched(pub(super) Change);

/// What one class's walks read of what edits change: the tables, subnet associations, AZ
/// failures, security groups and network ACLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkDeps(pub(in crate::eval) Deps);

impl Touched {
    /// `None` when the models differ in anything else (an endpoint, a NAT gateway, the
    /// services, DNS, ...): then no walk's result can be kept.
    pub fn between(
        before: &Model,
        failed_before: &[bool],
        after: &Model,
        failed: &[bool],
    ) -> Option<Touched> {
        Change::between(before, failed_before, after, failed).map(Touched)
    }

    /// Whether the change touched something these walks read.
    pub fn hits(&self, deps: &WalkDeps) -> bool {
        self.0.hits(&deps.0)
    }

    /// What of a class's results, whose walks read `deps` together, must be evaluated again:
    /// nothing (an empty list), the traces to some services (their indexes in
    /// `Model::services`; only group or ACL rules those read changed), or everything (`None`).
    pub fn redo(&self, deps: &[WalkDeps]) -> Option<Vec<usize>> {
        let mut redo: Vec<usize> = Vec::new();
        for d in deps {
            match self.0.hit(&d.0) {
                Hit::Keep => {}
                Hit::Row => return None,
                Hit::Cells(cells) => redo.extend(cells.iter().map(|&s| s as usize)),
            }
        }
        redo.sort_unstable();
        redo.dedup();
        Some(redo)
    }
}

/// The classes whose cells `cells` (class, its previous class, services) a rule edit may have
/// touched: those cells evaluated again, the others and the previous reads kept (the cells'
/// reads replaced by the new ones). The classes of one family replay each other's walks
/// (`family.rs`); families are shared out over the cores.
pub(super) fn redo_cells(
    model: &Model,
    failed: &[bool],
    probe: super::Probe,
    memo: &super::Memo,
    keys: &[super::ClassKey],
    cells: Vec<(usize, usize, Vec<u32>)>,
) -> Vec<(usize, Arc<[super::MatrixCell]>, Deps)> {
    let families = super::family::families(model, cells.iter().map(|c| &keys[c.0]));
    let threads = crate::model::cores().min(cells.len().div_ceil(64)).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut ctx = super::Ctx::verdicts(model, failed, probe);
        let n = model.services().len();
        let mut done = Vec::new();
        loop {
            let f = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(family) = families.get(f) else {
                return done;
            };
            let mut walks = super::family::Cells::new(n);
            for &c in family {
                let (k, j, redo) = &cells[c];
                let mut d = memo.deps[*j].clone();
                d.on = true;
                d.cell = Mark::default();
                *ctx.deps.get_mut() = d;
                let source = super::class_source(model, &keys[*k]);
                let mut row: Vec<super::MatrixCell> = memo.rows[*j][..n].to_vec();
                for &s in redo {
                    row[s as usize] = walks.cell(&mut ctx, &source, s as usize);
                    ctx.deps.get_mut().redo_cell(s);
                }
                let row = super::with_workloads(model, row);
                done.push((*k, row, std::mem::take(ctx.deps.get_mut())));
            }
        }
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    })
}
