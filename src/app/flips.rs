//! The matrix cells an edit flipped ([`flips`]), as [`Flips`]: per pair of rows (before,
//! after) the columns of each kind of flip, and which rows flip as which pair. Rows of instances
//! that share a class share their allocations, so each pair is compared once; when the matrices
//! before and after know the same classes, the rows are taken a class at a time.

use std::sync::Arc;

use super::Flips;
use super::change::{FlipSet, NO_PAIR};
use crate::eval::{Matrix, MatrixCell};

/// The cells whose verdicts differ, in the order the `c` list shows them
/// (`super::change::order_flips`): each kind of flip in cell order, the kinds one after the
/// other. Each (before, after) pair of rows is compared once, into one [`FlipSet`] per kind,
/// and the list is runs of rows naming their sets (an AZ failure at 4x the quota model flips
/// hundreds of thousands of cells of a few thousand pairs).
pub(super) fn flips(before: &Matrix, after: &Matrix) -> Flips {
    let mut out = Flips::default();
    if before.instances != after.instances
        || before.services != after.services
        || before.workloads != after.workloads
    {
        return out;
    }
    match same_classes(before, after) {
        Some(row_class) => by_class(before, after, row_class, &mut out),
        None => by_row(before, after, &mut out),
    }
    out
}

/// Per row, its class, when both matrices know their classes and they are the same: then
/// every row of a class is its class's row before and its class's row after.
fn same_classes<'a>(before: &Matrix, after: &'a Matrix) -> Option<&'a [u32]> {
    let (b, a) = (before.row_classes()?, after.row_classes()?);
    (a == b
        && a.len() == after.cells.len()
        && before.distinct_rows().len() == after.distinct_rows().len())
    .then_some(a)
}

/// [`flips`] a class at a time: each class's pair of rows is found once (in the order of the
/// classes' first rows, as [`by_row`] finds them, so the sets and pairs are the same), and the
/// rows are listed from their classes only when the list is read. When `after` was evaluated
/// from `before`, a pair is compared only in the columns the matrix made again
/// ([`Matrix::changed_columns`]): after an AZ failure at 4x the quota model, about 1,600 pairs
/// of 36 columns were compared in full.
fn by_class(before: &Matrix, after: &Matrix, row_class: &[u32], out: &mut Flips) {
    let (was, is) = (before.distinct_rows(), after.distinct_rows());
    let changed = after.changed_columns(before);
    #[cfg(debug_assertions)]
    for (row, &c) in row_class.iter().enumerate() {
        // The matrix's rows are its classes' (an invariant, not a message).
        assert!(Arc::ptr_eq(&before.cells[row], &was[c as usize]));
        assert!(Arc::ptr_eq(&after.cells[row], &is[c as usize]));
    }
    // Classes are numbered in the order of their first rows, each with a row (an invariant of
    // `eval::classes`): so the classes in number order are the classes of the rows in row
    // order, first rows only, without a pass over every row (40,000 at 4x the quota model).
    #[cfg(debug_assertions)]
    {
        let mut next = 0;
        for &c in row_class {
            assert!(c <= next, "class {c} before class {next}");
            next += u32::from(c == next);
        }
        assert_eq!(next as usize, is.len(), "every class has a row");
    }
    let mut pair_of: rustc_hash::FxHashMap<(usize, usize), u32> = Default::default();
    let class_pair = (0..is.len())
        .map(|c| {
            let (a, b) = (&was[c], &is[c]);
            if Arc::ptr_eq(a, b) {
                return NO_PAIR;
            }
            let key = (a.as_ptr() as usize, b.as_ptr() as usize);
            let cols = changed.and_then(|ch| ch.of(c));
            *pair_of
                .entry(key)
                .or_insert_with(|| add_pair(out, a, b, cols))
        })
        .collect();
    out.set_rows_by_class(row_class.to_vec(), class_pair);
}

/// [`flips`] a row at a time, for matrices whose classes differ (or that do not know them).
/// The pair a row had is kept for the rows of its class (the matrix's, when it knows them;
/// else for the next row), which are mostly the same pair: a row looks up a hash only when its
/// pair is not the one kept. The kept pair is compared by its rows, so a class that is not one
/// pair costs a look-up, never a wrong pair.
fn by_row(before: &Matrix, after: &Matrix, out: &mut Flips) {
    let mut pair_of: rustc_hash::FxHashMap<(usize, usize), u32> = Default::default();
    let classes = after.row_classes().filter(|c| c.len() == after.cells.len());
    let slots = classes.map_or(1, |c| c.iter().max().map_or(0, |&m| m as usize + 1));
    let mut kept: Vec<Option<((usize, usize), u32)>> = vec![None; slots];
    for (row, (a, b)) in before.cells.iter().zip(&after.cells).enumerate() {
        if Arc::ptr_eq(a, b) {
            continue;
        }
        let key = (a.as_ptr() as usize, b.as_ptr() as usize);
        let slot = classes.map_or(0, |c| c[row] as usize);
        let pair = match kept[slot] {
            Some((k, p)) if k == key => p,
            _ => *pair_of
                .entry(key)
                .or_insert_with(|| add_pair(out, a, b, None)),
        };
        kept[slot] = Some((key, pair));
        out.add_row(row, pair);
    }
}

/// Compares a pair of rows column by column into one set per kind of flip: every column, or
/// only `only` (sorted) when the other columns are known to be equal.
fn add_pair(
    out: &mut Flips,
    a: &Arc<[MatrixCell]>,
    b: &Arc<[MatrixCell]>,
    only: Option<&[u32]>,
) -> u32 {
    #[cfg(debug_assertions)]
    if let Some(only) = only {
        // The columns left out are equal (an invariant of `Matrix::changed_columns`).
        for (col, (x, y)) in a.iter().zip(b.iter()).enumerate() {
            assert!(x == y || only.binary_search(&(col as u32)).is_ok(), "{col}");
        }
    }
    let mut cols: [smallvec::SmallVec<[u32; 48]>; 3] = Default::default();
    let mut compare = |col: usize| {
        let (Some(x), Some(y)) = (a.get(col), b.get(col)) else {
            return;
        };
        if x.verdict != y.verdict {
            let kind = super::change::flip_kind(&x.verdict, &y.verdict);
            cols[usize::from(kind)].push(col as u32);
        }
    };
    match only {
        Some(only) => only.iter().for_each(|&c| compare(c as usize)),
        None => (0..a.len().min(b.len())).for_each(compare),
    }
    out.add_pair(cols.map(|cols| {
        // A kind that flips no column is left out: no set to make.
        (!cols.is_empty()).then(|| FlipSet {
            cols: Arc::from(&cols[..]),
            before: Arc::clone(a),
            after: Arc::clone(b),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{evaluate_all, evaluate_all_after};
    use crate::model::Edit;

    /// Taken a class at a time, the flips are those taken a row at a time (the same sets,
    /// pairs and rows, so the same list), after AZ failures and restores and endpoint edits in
    /// every shipped scenario; and a class at a time is what an edit that keeps the classes
    /// takes.
    #[test]
    fn flips_by_class_are_the_flips_by_row() {
        let (mut by_class_taken, mut narrowed) = (0, 0);
        for (path, model) in crate::model::shipped_scenarios() {
            let s = model.scenario();
            let mut edits: Vec<Edit> = s
                .availability_zones
                .iter()
                .flat_map(|az| {
                    [
                        Edit::FailAz {
                            az: az.name.clone(),
                        },
                        Edit::RestoreAz {
                            az: az.name.clone(),
                        },
                    ]
                })
                .collect();
            for e in &s.gateway_endpoints {
                for t in &e.route_tables {
                    edits.push(Edit::DetachGatewayEndpoint {
                        endpoint: e.id.clone(),
                        route_table: t.clone(),
                    });
                }
            }
            let mut model = model;
            let mut matrix = evaluate_all(&model, &model.scenario().what_if);
            for edit in edits {
                let Ok((next, _)) = edit.apply(&model) else {
                    continue;
                };
                let after = evaluate_all_after(&matrix, &next, &next.scenario().what_if);
                let mut rows = Flips::default();
                by_row(&matrix, &after, &mut rows);
                let got = flips(&matrix, &after);
                assert_eq!(got, rows, "{}: {edit:?}", path.display());
                assert_eq!(got.len(), rows.len(), "{}: {edit:?}", path.display());
                assert_eq!(got.to_vec(), rows.to_vec(), "{}: {edit:?}", path.display());
                if !got.is_empty() && same_classes(&matrix, &after).is_some() {
                    by_class_taken += 1;
                    // Compared only in the columns the matrix made again (debug builds check
                    // in `add_pair` that the others are equal).
                    narrowed += usize::from(after.changed_columns(&matrix).is_some());
                }
                (model, matrix) = (next, after);
            }
        }
        assert!(by_class_taken > 5, "{by_class_taken}");
        assert!(narrowed > 5, "{narrowed}");
    }
}
