//! Which cells of each class's row [`super::evaluate_all_after`] may have changed against the
//! matrix it started from ([`ChangedColumns`]): the matrix knows what it evaluated again (cells
//! walked again, cells taken from their DNS answers, the workloads that follow from them), so
//! whoever compares the two matrices (the explorer's flipped cells) reads only those columns.

use std::sync::{Arc, Weak};

use super::{Matrix, Memo};

/// What [`super::evaluate_all_after`] did to each class's row, against the memo of the matrix
/// it started from (held weakly: only its address is compared, and while this is held no other
/// memo can take that address).
pub(super) struct Since {
    pub(super) from: Weak<Memo>,
    /// Per class of the new matrix.
    pub(super) classes: Vec<Cols>,
}

/// One class's row against the row of the class with the same index before the edit.
#[derive(Debug, Clone)]
pub(super) enum Cols {
    /// That class's row, kept: no column differs.
    Same,
    /// Made from that class's row: every column not listed (sorted) has the same verdict.
    Only(Arc<[u32]>),
    /// Anything may differ (a row walked again, a class new to the matrix or numbered
    /// otherwise, a source whose AZ failed).
    Any,
}

/// Per class, the columns a row may differ in from the previous matrix's row of the same
/// class ([`Matrix::changed_columns`]).
#[derive(Clone, Copy)]
pub struct ChangedColumns<'a>(&'a [Cols]);

impl<'a> ChangedColumns<'a> {
    /// The columns (services, then workloads; sorted) in which class `class`'s row may differ
    /// from the previous matrix's row of class `class`: every other column's verdict is the
    /// same. `None`: any column may differ.
    pub fn of(self, class: usize) -> Option<&'a [u32]> {
        match self.0.get(class)? {
            Cols::Same => Some(&[]),
            Cols::Only(cols) => Some(cols),
            Cols::Any => None,
        }
    }
}

impl Matrix {
    /// When this matrix was evaluated from `before` by [`super::evaluate_all_after`] and kept
    /// its classes' rows in part, which columns of each class's row may differ from `before`'s
    /// row of the same class; `None` when it does not know (another matrix, or one evaluated
    /// afresh).
    pub fn changed_columns(&self, before: &Matrix) -> Option<ChangedColumns<'_>> {
        let since = self.memo.as_ref()?.since.as_ref()?;
        let from = before.memo.as_ref()?;
        std::ptr::eq(since.from.as_ptr(), Arc::as_ptr(from))
            .then_some(ChangedColumns(&since.classes))
    }
}

/// The columns in which `row` differs from `old`, in order: compared once where the row is made
/// (a few hundred rows after an AZ failure at 4x the quota model, shared by about 1,300
/// classes), not again for every class whose row it is.
pub(super) fn differing(old: &[super::MatrixCell], row: &[super::MatrixCell]) -> Arc<[u32]> {
    let cols: smallvec::SmallVec<[u32; 64]> = (0..row.len().max(old.len()))
        .filter(|&c| old.get(c) != row.get(c))
        .map(|c| c as u32)
        .collect();
    Arc::from(&cols[..])
}
