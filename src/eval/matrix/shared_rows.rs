//! Equal rows made one allocation ([`share_equal`]): a matrix evaluated afresh makes each
//! class's row on its own, and the classes of a large model come in a few hundred kinds of row
//! (at 4x the quota model, about 1,600 classes). With equal rows shared, a row's address tells
//! its cells: the matrix after an AZ failure patches each distinct row once per source AZ and
//! answers (`change.rs`, [`RowAddr`]) instead of hashing and comparing every class's cells,
//! and the flipped cells compare each pair of rows once.

use std::sync::Arc;

use super::MatrixCell;

/// A row's address: while the row is held (the memo of the matrix it belongs to holds it), no
/// other row can take it, so equal addresses are one row.
pub(super) fn addr(row: &Arc<[MatrixCell]>) -> RowAddr {
    RowAddr(Arc::as_ptr(row) as *const u8 as usize)
}

/// See [`addr`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct RowAddr(usize);

/// The cells' verdicts hashed (a verdict is hashed where it is needed: the facts' types do not
/// hash), for finding equal rows; equal hashes are compared in full.
fn hash(cells: &[MatrixCell]) -> u64 {
    use crate::eval::Verdict;
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    h.write_usize(cells.len());
    for c in cells {
        let v = &c.verdict;
        std::mem::discriminant(v).hash(&mut h);
        match v {
            Verdict::Reachable { via, cross_az } => (via, cross_az).hash(&mut h),
            Verdict::Blocked(r) | Verdict::Unavailable(r) | Verdict::NotModelled(r) => {
                r.hash(&mut h)
            }
            Verdict::LeavesVpc { target } => target.hash(&mut h),
            Verdict::Partial => {}
        }
    }
    h.finish()
}

/// Each row equal to an earlier one replaced by that one (the same cells, one allocation).
/// A row whose allocation an earlier row had (a matrix family's classes share rows: half the
/// security bench model's classes) takes what that row became without hashing its cells again.
pub(super) fn share_equal(rows: &mut [Arc<[MatrixCell]>]) {
    let mut seen: rustc_hash::FxHashMap<u64, smallvec::SmallVec<[u32; 1]>> = Default::default();
    seen.reserve(rows.len() / 4);
    // Per allocation seen, the row it became. An entry whose allocation was freed (its row
    // replaced, no other row holding it) is never asked: every row left holds its allocation.
    let mut became: rustc_hash::FxHashMap<RowAddr, u32> = Default::default();
    became.reserve(rows.len() / 2);
    for i in 0..rows.len() {
        let at = addr(&rows[i]);
        if let Some(&j) = became.get(&at) {
            // The same cells as the row it became (an invariant, not a message).
            debug_assert!(rows[j as usize] == rows[i]);
            rows[i] = Arc::clone(&rows[j as usize]);
            continue;
        }
        let kin = seen.entry(hash(&rows[i])).or_default();
        let j = match kin.iter().find(|&&j| rows[j as usize] == rows[i]) {
            Some(&j) => {
                rows[i] = Arc::clone(&rows[j as usize]);
                j
            }
            None => {
                kin.push(i as u32);
                i as u32
            }
        };
        became.insert(at, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Reason, Verdict, Via};

    fn row(verdicts: &[Verdict]) -> Arc<[MatrixCell]> {
        verdicts
            .iter()
            .map(|v| MatrixCell { verdict: v.clone() })
            .collect()
    }

    /// Rows are shared exactly when their cells are equal, and keep their cells.
    #[test]
    fn equal_rows_are_one_row_and_unequal_ones_stay_apart() {
        let up = Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az: None,
        };
        let down = Verdict::Blocked(Reason::NoRoute);
        let out = |t: &str| Verdict::LeavesVpc { target: t.into() };
        let mut made = vec![
            row(&[up.clone(), down.clone()]),
            row(&[down.clone(), up.clone()]),
            row(&[up.clone(), down.clone()]),
            row(&[out("pcx-1")]),
            row(&[out("pcx-2")]),
            row(&[out("pcx-1")]),
            row(&[up.clone(), down.clone(), down.clone()]),
            row(&[]),
            row(&[]),
        ];
        // Rows sharing an allocation already, one of them (the third's) replaced by an
        // earlier equal row: its other holder becomes that row too.
        made.push(Arc::clone(&made[2]));
        made.push(Arc::clone(&made[0]));
        made.push(Arc::clone(&made[3]));
        let mut rows = made.clone();
        share_equal(&mut rows);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r, &made[i]);
            for (j, s) in rows.iter().enumerate() {
                assert_eq!(Arc::ptr_eq(r, s), made[i] == made[j], "{i} {j}");
            }
        }
    }

    /// A matrix evaluated afresh shares its equal rows, in every shipped scenario; rows share
    /// an address only when equal.
    #[test]
    fn a_fresh_matrix_shares_its_equal_rows() {
        let mut shared = 0;
        for (path, model) in crate::model::shipped_scenarios() {
            let m = crate::eval::evaluate_all(&model, &model.scenario().what_if);
            let rows = m.distinct_rows();
            for (i, a) in rows.iter().enumerate() {
                for b in &rows[..i] {
                    assert_eq!(a == b, Arc::ptr_eq(a, b), "{}", path.display());
                    shared += usize::from(Arc::ptr_eq(a, b));
                }
            }
        }
        assert!(shared > 0);
    }
}
