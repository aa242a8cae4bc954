//! What a matrix keeps for the next edit ([`Memo`]: the model it was evaluated on, per class its
//! key, row and recorded reads) and [`evaluate_all_after`], which evaluates again only the classes
//! (or cells) whose reads an edit touched and shares every other row with the matrix before.

use std::sync::Arc;

use crate::model::{Model, Shared, WhatIf};

use super::super::ctx::Deps;
use super::evaluate_all_for;
use super::{
    Change, ClassKey, Matrix, MatrixCell, after_interface_endpoints, assemble, change, changed,
    classes, evaluate_all_family, evaluate_rows, ipv6_after,
};

/// The model a matrix was evaluated on, its failed AZs, and per class its row and what the
/// row's walks read.
pub(super) struct Memo {
    pub(super) model: Model,
    pub(super) failed: Vec<bool>,
    pub(super) keys: Vec<ClassKey>,
    pub(super) rows: Vec<Arc<[MatrixCell]>>,
    /// Per matrix row, its class (index into `keys` and `rows`).
    pub(super) row_class: Vec<u32>,
    /// Shared: a class kept by an edit keeps its reads without copying them.
    pub(super) deps: Vec<Arc<Deps>>,
    /// What [`evaluate_all_after`] changed of each class's row, against the matrix it
    /// started from (none for a matrix evaluated afresh).
    pub(super) since: Option<changed::Since>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} classes)", self.keys.len())
    }
}

/// The instances' ids for a matrix after an edit: the previous matrix's list while the
/// scenario still shares its instances with the one that matrix was evaluated on.
pub(super) fn instance_ids(previous: &Matrix, before: &Model, model: &Model) -> Shared<String> {
    if before
        .scenario()
        .instances
        .shares(&model.scenario().instances)
    {
        previous.instances.clone()
    } else {
        model
            .scenario()
            .instances
            .iter()
            .map(|i| i.id.clone())
            .collect()
    }
}

/// The matrix of `model` after an edit, `previous` being the matrix of the model before it:
/// only the classes whose recorded dependencies the edit touched (a route table, a subnet's
/// association, an AZ's failure) are evaluated again, and a class new to the model; after an
/// edit to interface endpoints only, every class evaluates again just the columns of their
/// services (and its workloads); anything else an edit changed (a NAT gateway, DNS, ...)
/// evaluates every class again. Debug builds check the result against [`evaluate_all`].
pub fn evaluate_all_after(previous: &Matrix, model: &Model, what_if: &WhatIf) -> Matrix {
    let failed = model.failed_azs(what_if);
    let change = previous
        .memo
        .as_ref()
        .and_then(|m| Some((m, Change::between(&m.model, &m.failed, model, &failed)?)));
    let probe = previous.probe;
    // A matrix asked with a family: its groups whose reads the edit left alone are kept.
    if previous.family != crate::eval::query::Family::Ipv4 {
        if let Some(m) = ipv6_after::after(previous, model, what_if, &failed) {
            return m;
        }
        return evaluate_all_family(model, what_if, probe, previous.family);
    }
    let Some((memo, change)) = change else {
        if let Some(memo) = previous.memo.as_ref().filter(|m| m.failed == failed)
            && let Some(services) = memo.model.interface_endpoint_change(model)
        {
            return after_interface_endpoints(previous, memo, model, what_if, &services);
        }
        return evaluate_all_for(model, what_if, probe);
    };
    let classes = classes(model);
    // The previous class of each key, if any.
    let before: rustc_hash::FxHashMap<&ClassKey, u32> = memo
        .keys
        .iter()
        .enumerate()
        .map(|(k, key)| (key, k as u32))
        .collect();
    let mut rows = Vec::with_capacity(classes.keys.len());
    let mut deps = Vec::with_capacity(classes.keys.len());
    let mut again = Vec::new();
    let mut cells = Vec::new();
    let mut unavailable = change::SourceFailed::default();
    // Per class, the columns its row may differ in from the row of the class with its index
    // before (the flipped cells compare only those).
    let mut cols: Vec<changed::Cols> = Vec::with_capacity(classes.keys.len());
    // What a class evaluated again holds until its row is made: one of each, shared (an AZ
    // failure at 4x the quota model evaluates thousands of classes again).
    let (no_row, no_deps): (Arc<[MatrixCell]>, Arc<Deps>) = (Arc::from(Vec::new()), Arc::default());
    // A class whose source's AZ failed with this edit: its walks read that AZ, so its row is
    // made again below (without a walk) whatever else they read, and its reads, a cell at a
    // time, are not looked through first (a quarter of the classes at 4x the quota model).
    let just_failed = |subnet: usize| {
        let az = model.subnet_az[subnet];
        failed.get(az) == Some(&true)
            && memo.failed.get(az) == Some(&false)
            && !model.scenario().subnets[subnet].ipv6_only
    };
    // The cells of the classes hit cell by cell, one list for all of them (a class patches
    // at most one cell per service).
    let mut planned = change::Planned::with_room(classes.keys.len() * model.services().len());
    for (k, key) in classes.keys.iter().enumerate() {
        let j = before.get(key).copied().unwrap_or(u32::MAX) as usize;
        let hit = match memo.deps.get(j) {
            Some(_) if just_failed(key.subnet) => change::Hits::Row,
            Some(d) => change.hit_into(d, &[], &mut planned),
            None => change::Hits::Row,
        };
        // A source whose AZ failed gets nowhere: its row is known without a walk.
        if hit != change::Hits::Keep
            && let Some((row, d)) = change::source_failed_row(model, &failed, key, &mut unavailable)
        {
            #[cfg(debug_assertions)]
            {
                // What a walk reads, so that later edits find the class as a walk leaves it.
                let walked = evaluate_rows(model, &failed, std::slice::from_ref(key), true, probe);
                assert_eq!(walked[0].1, d);
            }
            rows.push(row);
            deps.push(d);
            cols.push(changed::Cols::Any);
            continue;
        }
        cols.push(match hit {
            change::Hits::Keep if j == k => changed::Cols::Same,
            _ => changed::Cols::Any,
        });
        match hit {
            change::Hits::Keep => {
                rows.push(memo.rows[j].clone());
                deps.push(Arc::clone(&memo.deps[j]));
            }
            change::Hits::Cells(redo, patch) => {
                cells.push((k, j, redo, patch));
                rows.push(Arc::clone(&no_row));
                deps.push(Arc::clone(&no_deps));
            }
            change::Hits::Row => {
                again.push(k);
                rows.push(Arc::clone(&no_row));
                deps.push(Arc::clone(&no_deps));
            }
        }
    }
    if !cells.is_empty() {
        let redone =
            change::redo_cells(model, &failed, probe, memo, &classes.keys, cells, &planned);
        for (k, row, d, c) in redone {
            // Made from the row of the class with this index before: only `c` may differ.
            if before.get(&classes.keys[k]) == Some(&(k as u32)) {
                cols[k] = changed::Cols::Only(c);
            }
            rows[k] = row;
            deps[k] = d;
        }
    }
    let keys: Vec<ClassKey> = again.iter().map(|&k| classes.keys[k].clone()).collect();
    for (k, (row, d)) in again
        .into_iter()
        .zip(evaluate_rows(model, &failed, &keys, true, probe))
    {
        rows[k] = row;
        deps[k] = d;
    }
    let instances = instance_ids(previous, &memo.model, model);
    let mut matrix = assemble(model, failed, classes, rows, deps, instances, probe);
    if let Some(m) = matrix.memo.as_mut().and_then(Arc::get_mut) {
        m.since = Some(changed::Since {
            from: Arc::downgrade(memo),
            classes: cols,
        });
    }
    #[cfg(debug_assertions)]
    {
        let full = evaluate_all_for(model, what_if, probe);
        // The incremental matrix must equal a full evaluation (an invariant, not a message).
        assert_eq!(matrix, full);
    }
    matrix
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::evaluate_all;
    use super::*;
    use crate::model::{Edit, load_file};

    fn private_only() -> Model {
        load_file(Path::new("scenarios/private-only.ron")).expect("loads")
    }

    /// Which rows an edit's matrix shares with the matrix before it.
    fn shared_rows(before: &Matrix, after: &Matrix) -> Vec<bool> {
        before
            .cells
            .iter()
            .zip(&after.cells)
            .map(|(a, b)| Arc::ptr_eq(a, b))
            .collect()
    }

    /// What an edit from `model` to `next` means for each class of `matrix` (of `model`).
    fn hits(matrix: &Matrix, next: &Model) -> Vec<change::Hit> {
        let memo = matrix.memo.as_ref().expect("a memo");
        let failed = next.failed_azs(&next.scenario().what_if);
        let change = Change::between(&memo.model, &memo.failed, next, &failed).expect("az only");
        memo.deps.iter().map(|d| change.hit(d)).collect()
    }

    #[test]
    fn an_az_failure_that_only_drops_answered_enis_takes_the_verdicts_from_the_answers() {
        let mut model = private_only();
        let mut matrix = evaluate_all(&model, &model.scenario().what_if);
        let edits = [
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
            Edit::FailAz {
                az: "us-east-1b".into(),
            },
            Edit::RestoreAz {
                az: "us-east-1c".into(),
            },
        ];
        let mut seen = Vec::new();
        for edit in edits {
            let (next, _) = edit.apply(&model).expect("applies");
            seen.push(hits(&matrix, &next));
            matrix = evaluate_all_after(&matrix, &next, &next.scenario().what_if);
            assert_eq!(matrix, evaluate_all(&next, &next.scenario().what_if));
            model = next;
        }
        let patched = |h: &change::Hit| matches!(h, change::Hit::Cells { redo, patch } if redo.is_empty() && patch.len() == 5);
        // us-east-1c fails: app-c's row again (its source), app-a's and app-b's five
        // interface-endpoint cells from their answers.
        assert_eq!(seen[0][2], change::Hit::Row);
        assert!(
            patched(&seen[0][0]) && patched(&seen[0][1]),
            "{:?}",
            seen[0]
        );
        // us-east-1b fails too: app-a's cells from their answers again.
        assert!(patched(&seen[1][0]), "{:?}", seen[1]);
        // us-east-1c comes back: its ENIs were never walked, so the cells are walked again.
        let walked = |h: &change::Hit| matches!(h, change::Hit::Cells { redo, patch } if redo.len() == 5 && patch.is_empty());
        assert!(walked(&seen[2][0]), "{:?}", seen[2]);
    }

    /// After AZ failures and restores, a matrix evaluated from the one before says which
    /// columns of each class's row may differ from that matrix's row of the class: every
    /// other column is equal, some rows are known in part, and against any other matrix
    /// (even an equal one) it says nothing.
    #[test]
    fn the_changed_columns_are_all_that_differ_from_the_matrix_before() {
        let (mut in_part, mut listed) = (0, 0);
        for (path, mut model) in crate::model::shipped_scenarios() {
            let azs: Vec<String> = (model.scenario().availability_zones.iter())
                .map(|a| a.name.clone())
                .collect();
            let mut matrix = evaluate_all(&model, &model.scenario().what_if);
            let edits = azs.iter().flat_map(|az| {
                [
                    Edit::FailAz { az: az.clone() },
                    Edit::RestoreAz { az: az.clone() },
                ]
            });
            for edit in edits {
                let Ok((next, _)) = edit.apply(&model) else {
                    continue;
                };
                let after = evaluate_all_after(&matrix, &next, &next.scenario().what_if);
                let fresh = evaluate_all(&next, &next.scenario().what_if);
                assert!(after.changed_columns(&fresh).is_none());
                assert!(fresh.changed_columns(&matrix).is_none());
                if let Some(changed) = after.changed_columns(&matrix) {
                    let (was, is) = (matrix.distinct_rows(), after.distinct_rows());
                    for c in 0..is.len() {
                        let Some(cols) = changed.of(c) else { continue };
                        in_part += 1;
                        listed += cols.len();
                        assert!(cols.windows(2).all(|w| w[0] < w[1]), "sorted");
                        for (col, (x, y)) in was[c].iter().zip(is[c].iter()).enumerate() {
                            let named = cols.binary_search(&(col as u32)).is_ok();
                            assert!(named || x == y, "{}: {edit:?} {c} {col}", path.display());
                        }
                    }
                }
                (model, matrix) = (next, after);
            }
        }
        assert!(in_part > 10 && listed > 0, "{in_part} {listed}");
    }

    #[test]
    fn an_edit_evaluates_again_only_the_classes_whose_walks_it_touched() {
        let model = private_only();
        let before = evaluate_all(&model, &model.scenario().what_if);
        // One table's gateway endpoint: only app-b (subnet-private-b) routes by rtb-private-b.
        let (next, _) = Edit::DetachGatewayEndpoint {
            endpoint: "vpce-s3".into(),
            route_table: "rtb-private-b".into(),
        }
        .apply(&model)
        .expect("applies");
        let after = evaluate_all_after(&before, &next, &next.scenario().what_if);
        assert_eq!(shared_rows(&before, &after), [true, false, true]);
        assert_eq!(after, evaluate_all(&next, &next.scenario().what_if));
        assert!(before.instances.shares(&after.instances));
        // An interface endpoint is read by every class: all are evaluated again.
        let (next2, _) = Edit::SetPrivateDns {
            endpoint: "vpce-ssm".into(),
            enabled: false,
        }
        .apply(&next)
        .expect("applies");
        let again = evaluate_all_after(&after, &next2, &next2.scenario().what_if);
        assert_eq!(shared_rows(&after, &again), [false, false, false]);
        assert_eq!(again, evaluate_all(&next2, &next2.scenario().what_if));
    }
}
