//! What AZ failures mean for a class, from its walks' recorded AZ reads (`az_reads.rs`): which
//! of its cells an AZ change touched ([`plan`]: those whose path read a changed AZ are walked
//! again; those that read it only through an interface endpoint's DNS answer may take their
//! verdict from the answer), and the row and reads of a class whose source's AZ failed, made
//! without walking ([`source_failed_row`]).

use std::sync::Arc;

use super::super::super::az_reads::{AzHit, EniAnswer};
use super::super::super::ctx::{Deps, Mark};
use crate::model::Model;

/// The cells of a class whose walks read `deps` that a change of the AZs `changed` (of which
/// `recovered` came back) touched, leaving out the cells `superseded`: those to walk again are
/// pushed on `redo`, those taken from their answers on `patch`. Whether a cell patched is no
/// service.
pub(super) fn plan(
    deps: &Deps,
    changed: u64,
    recovered: u64,
    superseded: &[u32],
    redo: &mut Vec<u32>,
    patch: &mut Vec<(u32, EniAnswer)>,
) -> bool {
    // A cell patched from its answer that is no service.
    let mut no_service = false;
    // Sized once, when the first cell goes in, for every cell left: an AZ failure at 4x
    // the quota model plans thousands of classes, growing these lists cell by cell was a
    // tenth of the matrix after it, and sizing both up front allocated and freed, for
    // most classes (their cells only patched), a list of cells to walk again never used.
    let all_cells = deps.az_cells.len();
    // Most classes have one evaluation's reads: nothing superseded, no look-up per cell.
    let superseded = (!superseded.is_empty()).then_some(superseded);
    for (i, (s, reads)) in deps.az_cells.iter().enumerate() {
        if superseded.is_some_and(|sup| sup.contains(s)) {
            continue;
        }
        match reads.hit(changed, recovered) {
            AzHit::Keep => {}
            AzHit::Redo => {
                if redo.len() == redo.capacity() {
                    redo.reserve(all_cells - i);
                }
                redo.push(*s);
            }
            AzHit::Answer(a) => {
                no_service |= *s == u32::MAX;
                if patch.len() == patch.capacity() {
                    patch.reserve(all_cells - i);
                }
                patch.push((*s, a));
            }
        }
    }
    no_service
}

/// The row of a class whose source's AZ has failed, and what its walks would have read, without
/// walking: every service's walk stops at the source hop (`evaluate::source_hop`:
/// `unavailable (source_az_failed)`, aws-semantics.md §6) having asked only whether the
/// source's AZ failed, and the workloads follow from their parts. `None` when the source's AZ
/// is up, or the subnet is IPv6-only (its cells are `no_ipv4_address` before any walk). `row`
/// is what was made for earlier such classes: every one has the same row, and the classes of
/// one AZ the same reads.
pub(in crate::eval::matrix) fn source_failed_row(
    model: &Model,
    failed: &[bool],
    key: &super::super::ClassKey,
    made: &mut SourceFailed,
) -> Option<(Arc<[super::super::MatrixCell]>, Arc<Deps>)> {
    let az = model.subnet_az[key.subnet];
    if !failed.get(az).copied().unwrap_or(false) || model.scenario().subnets[key.subnet].ipv6_only {
        return None;
    }
    let n = model.services().len();
    let row = made.row.get_or_insert_with(|| {
        let unavailable = super::super::MatrixCell {
            verdict: crate::eval::Verdict::Unavailable(crate::eval::Reason::SourceAzFailed),
        };
        super::super::with_workloads(model, vec![unavailable; n])
    });
    // Shared by the AZ's classes (an AZ failure at 4x the quota model fails hundreds of
    // classes' sources, and making each its own reads was a tenth of the matrix after it); a
    // class whose reads change later copies them (`redo_cells`).
    let deps = match made.deps.iter().find(|(a, _)| *a == az) {
        Some((_, d)) => Arc::clone(d),
        None => {
            let d = Arc::new(failed_source_deps(az, 0..n as u32));
            made.deps.push((az, Arc::clone(&d)));
            d
        }
    };
    Some((Arc::clone(row), deps))
}

/// What [`source_failed_row`] made for the classes before: the row, and the reads per AZ.
#[derive(Default)]
pub(in crate::eval::matrix) struct SourceFailed {
    row: Option<Arc<[super::super::MatrixCell]>>,
    deps: Vec<(usize, Arc<Deps>)>,
}

/// What the walks of a class whose source's AZ `az` failed read (`Ctx::az_failed` for that one
/// AZ), cell by cell: `cells` are the walks' service indexes in order, `u32::MAX` for a
/// destination that is no service (never walked: it reads nothing).
pub(super) fn failed_source_deps(az: usize, cells: impl Iterator<Item = u32> + Clone) -> Deps {
    let mut deps = Deps::recording();
    let path = match az {
        0..64 => 1u64 << az,
        _ => 0,
    };
    if cells.clone().any(|s| s != u32::MAX) {
        deps.azs.set(az);
        deps.wide = az >= 64;
    }
    deps.cells = cells.clone().map(|s| (s, Mark::default())).collect();
    deps.az_cells = cells
        .map(|s| {
            let reads = super::super::super::az_reads::AzReads {
                path: if s == u32::MAX { 0 } else { path },
                ..Default::default()
            };
            (s, reads)
        })
        .collect();
    deps
}
