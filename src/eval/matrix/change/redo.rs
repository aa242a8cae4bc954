//! The cells of classes an edit touched cell by cell, evaluated again ([`redo_cells`]): the
//! services walked again (families replaying each other's walks) and those taken from their
//! DNS answers after AZ failures ([`Answers`]), rows made alike shared ([`Patched`]).

use std::sync::Arc;

use super::super::super::az_reads::EniAnswer;
use super::super::super::ctx::{Deps, Mark};
use super::Planned;
use crate::model::Model;

/// A class whose cells are evaluated again: its index, its previous class's, and where the
/// [`Planned`] lists hold the services walked again and those taken from their DNS answers.
pub(in crate::eval::matrix) type CellsAgain =
    (usize, usize, std::ops::Range<usize>, std::ops::Range<usize>);

/// A class whose cells were evaluated again ([`redo_cells`]): its index, its row and reads, and
/// the columns the row may differ in from the class's row before (sorted).
pub(in crate::eval::matrix) type Redone = (usize, Row, Arc<Deps>, Arc<[u32]>);

/// The classes whose cells `cells` (class, its previous class, services) a rule edit may have
/// touched: those cells evaluated again, the others and the previous reads kept (the cells'
/// reads replaced by the new ones). The classes of one family replay each other's walks
/// (`family.rs`); families are shared out over the cores.
pub(in crate::eval::matrix) fn redo_cells(
    model: &Model,
    failed: &[bool],
    probe: super::super::Probe,
    memo: &super::super::Memo,
    keys: &[super::super::ClassKey],
    cells: Vec<CellsAgain>,
    planned: &Planned,
) -> Vec<Redone> {
    let families = super::super::family::families(model, cells.iter().map(|c| &keys[c.0]));
    let parts = super::super::rows::WorkloadParts::of(model);
    let threads = crate::model::cores().min(cells.len().div_ceil(64)).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut ctx = super::super::Ctx::verdicts(model, failed, probe);
        let n = model.services().len();
        let mut done = Vec::new();
        let mut patched = Patched::default();
        let mut answers = Answers::default();
        loop {
            let f = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(family) = families.get(f) else {
                return done;
            };
            // Made when a class of the family walks: after an AZ failure most take every
            // cell from its DNS answer, and making one per family was 4 % of the step at 4x.
            let mut walks = None;
            for &c in family {
                let (k, j, redo, patch) = &cells[c];
                let (redo, patch) = (&planned.redo[redo.clone()], &planned.patch[patch.clone()]);
                let src_az = model.subnet_az[keys[*k].subnet];
                // A row taken from its answers alone, as an earlier class's with the same row,
                // answers and AZ: shared (its reads stay the class's own).
                let old = &memo.rows[*j];
                let asked = redo.is_empty();
                if asked {
                    patched.ask(src_az, patch);
                    if let Some((row, cols)) = patched.get(old) {
                        done.push((*k, row, Arc::clone(&memo.deps[*j]), cols));
                        continue;
                    }
                }
                let source = super::super::class_source(model, &keys[*k]);
                // Room for the workloads' cells from the start (`with_workloads` then adds
                // them without moving the row: it was copied twice more per class).
                let mut row: Vec<super::super::MatrixCell> = Vec::with_capacity(old.len().max(n));
                row.extend_from_slice(&old[..n]);
                let mut walk = Vec::new();
                for &(s, answer) in patch {
                    let cell = &mut row[s as usize].verdict;
                    match answers.after_failures(answer, model, failed, src_az, cell) {
                        // The answer's reads stay as recorded: its ENIs only failed since.
                        Some(v) => *cell = v,
                        None => walk.push(s),
                    }
                }
                // Cells taken from their answers keep the class's reads as they were: shared.
                let mut deps = Arc::clone(&memo.deps[*j]);
                if !redo.is_empty() || !walk.is_empty() {
                    let mut d = Deps::clone(&memo.deps[*j]);
                    d.on = true;
                    d.cell = Mark::default();
                    d.cell_azs = Default::default();
                    *ctx.deps.get_mut() = d;
                    for &s in redo.iter().chain(&walk) {
                        let walks =
                            walks.get_or_insert_with(|| super::super::family::Cells::new(n));
                        row[s as usize] = walks.cell(&mut ctx, &source, s as usize);
                        ctx.deps.get_mut().redo_cell(s);
                    }
                    deps = Arc::new(std::mem::take(ctx.deps.get_mut()));
                }
                let row = parts.with_workloads(row);
                // The columns that differ from the row before, for whoever compares the two
                // (flipped cells).
                let cols = super::super::changed::differing(old, &row);
                if asked && walk.is_empty() {
                    patched.put(old, &row, &cols);
                }
                done.push((*k, row, deps, cols));
            }
        }
    };
    crate::model::gather(threads, work)
}

/// [`EniAnswer::after_failures`] for one model and its failed AZs, each answer and source AZ
/// worked out once (one thread's): an AZ failure at 4x the quota model patches about 5,500
/// cells from a few hundred distinct answers, each finding its healthy ENIs and where they are.
/// Kept per endpoint and source AZ (a slot each, made when first asked), each slot a short
/// list of the ENIs answered and the verdict: a lookup is an index and a compare or two, not
/// a key hashed (most of this step's cost when it was a hash map).
#[derive(Default)]
struct Answers {
    azs: usize,
    slots: Vec<Vec<(u64, u64, Option<crate::eval::Verdict>)>>,
}

impl Answers {
    fn after_failures(
        &mut self,
        answer: EniAnswer,
        model: &Model,
        failed: &[bool],
        src_az: usize,
        before: &crate::eval::Verdict,
    ) -> Option<crate::eval::Verdict> {
        use crate::eval::{Verdict, Via};
        // The verdict before decides only whether the answer gives one (as `after_failures`
        // says); every such verdict is alike, so the answer's is its and the source's AZ's.
        let v = matches!(
            before,
            Verdict::Reachable {
                via: Via::InterfaceEndpoint,
                cross_az: Some(_)
            }
        )
        .then(|| {
            if self.slots.is_empty() {
                self.azs = failed.len().max(1);
                let n = model.scenario().interface_endpoints.len() * self.azs;
                self.slots = vec![Vec::new(); n];
            }
            let slot = (src_az < self.azs)
                .then(|| answer.endpoint as usize * self.azs + src_az)
                .and_then(|at| self.slots.get_mut(at));
            let Some(slot) = slot else {
                return answer.after_failures(model, failed, src_az, before);
            };
            match slot
                .iter()
                .find(|(azs, enis, _)| *azs == answer.azs && *enis == answer.enis)
            {
                Some((_, _, v)) => v.clone(),
                None => {
                    let v = answer.after_failures(model, failed, src_az, before);
                    slot.push((answer.azs, answer.enis, v.clone()));
                    v
                }
            }
        })
        .flatten();
        debug_assert_eq!(v, answer.after_failures(model, failed, src_az, before));
        v
    }
}

/// The rows taken from their answers so far (one thread's): an AZ failure at 4x the quota
/// model patches thousands of classes whose rows come in a few hundred kinds. A row made
/// depends on the row before, the source's AZ and the answers patched: the row before is known
/// by its address (a matrix shares its equal rows, `shared_rows.rs`; the memo holds them while
/// this is kept), and the rest is compared as words ([`Patched::ask`]), instead of hashing and
/// comparing each class's cells and making a key per class.
#[derive(Default)]
struct Patched {
    /// Per row before, what was asked of it and the row made, with the columns they differ in.
    rows: rustc_hash::FxHashMap<super::super::shared_rows::RowAddr, Vec<Made>>,
    /// What is being asked: the source's AZ, then each patched column with its answer.
    asked: Vec<u64>,
}

/// What a row was asked ([`Patched::ask`]), the row made, and the columns they differ in.
type Made = (Box<[u64]>, Row, Arc<[u32]>);

/// A class's row of cells, shared.
type Row = Arc<[super::super::MatrixCell]>;

impl Patched {
    /// Ask for rows patched from `patch` (services and their answers) for a source in AZ
    /// `src_az`, until the next ask.
    fn ask(&mut self, src_az: usize, patch: &[(u32, EniAnswer)]) {
        self.asked.clear();
        self.asked.reserve(1 + 3 * patch.len());
        self.asked.push(src_az as u64);
        for (s, a) in patch {
            let at = (u64::from(*s) << 32) | u64::from(a.endpoint);
            self.asked.extend([at, a.azs, a.enis]);
        }
    }

    /// The row made from `old` for what is asked, and the columns it differs in from `old`.
    fn get(&self, old: &Row) -> Option<(Row, Arc<[u32]>)> {
        let asked = &self.asked[..];
        self.rows
            .get(&super::super::shared_rows::addr(old))?
            .iter()
            .find(|(k, _, _)| **k == *asked)
            .map(|(_, row, cols)| (Arc::clone(row), Arc::clone(cols)))
    }

    /// `row` is what is asked of `old`; `cols` the columns they differ in.
    fn put(&mut self, old: &Row, row: &Row, cols: &Arc<[u32]>) {
        (self
            .rows
            .entry(super::super::shared_rows::addr(old))
            .or_default())
        .push((self.asked[..].into(), Arc::clone(row), Arc::clone(cols)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::ANSWER;
    use super::*;

    /// A patched row is found again only for the same row before (by address: an equal row
    /// elsewhere is another) and the same ask: the source's AZ, and each patched column with
    /// its answer.
    #[test]
    fn a_patched_row_is_found_by_the_row_before_and_what_was_asked() {
        let row = |r| -> Row {
            Arc::from(vec![super::super::super::MatrixCell {
                verdict: crate::eval::Verdict::Blocked(r),
            }])
        };
        let (old, twin) = (
            row(crate::eval::Reason::NoRoute),
            row(crate::eval::Reason::NoRoute),
        );
        let made = row(crate::eval::Reason::BlackholeRoute);
        let cols: Arc<[u32]> = Arc::from(vec![0]);
        let mut p = Patched::default();
        p.ask(1, &[(0, ANSWER)]);
        assert!(p.get(&old).is_none());
        p.put(&old, &made, &cols);
        let (got, c) = p.get(&old).expect("made");
        assert!(Arc::ptr_eq(&got, &made) && Arc::ptr_eq(&c, &cols));
        assert!(p.get(&twin).is_none());
        let other = EniAnswer {
            enis: 0b01,
            ..ANSWER
        };
        let moved = EniAnswer {
            endpoint: 1,
            ..ANSWER
        };
        let asks: [(usize, &[(u32, EniAnswer)]); 6] = [
            (2, &[(0, ANSWER)]),
            (1, &[(1, ANSWER)]),
            (1, &[(0, other)]),
            (1, &[(0, moved)]),
            (1, &[(0, ANSWER), (1, ANSWER)]),
            (1, &[]),
        ];
        for (az, patch) in asks {
            p.ask(az, patch);
            assert!(p.get(&old).is_none(), "{az} {patch:?}");
        }
        p.ask(1, &[(0, ANSWER)]);
        assert!(p.get(&old).is_some());
    }
}
