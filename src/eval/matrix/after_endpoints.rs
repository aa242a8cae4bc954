//! The matrix after an edit to interface endpoints only: each class evaluates again just the
//! cells of their services (`super::evaluate_all_after`).

use std::collections::HashMap;

use super::*;

/// [`evaluate_all_after`] an edit to interface endpoints only (`Model::interface_endpoint_change`):
/// a path to another service than theirs evaluates alike, so each class keeps its other cells
/// and evaluates again those of `services`; its workloads follow from its cells. A class's
/// recorded reads are the old ones and the new walks' together.
pub(super) fn after_interface_endpoints(
    previous: &Matrix,
    memo: &Memo,
    model: &Model,
    what_if: &WhatIf,
    services: &[String],
) -> Matrix {
    let failed = model.failed_azs(what_if);
    let classes = classes(model);
    let before: HashMap<&ClassKey, usize> = memo
        .keys
        .iter()
        .enumerate()
        .map(|(k, key)| (key, k))
        .collect();
    let all = model.services();
    let redo: Vec<usize> = (0..all.len())
        .filter(|&s| services.contains(&all[s].name))
        .collect();
    // Deleting or adding an endpoint moves the others' indexes, which the kept reads name.
    let moves = super::super::az_reads::endpoint_moves(&memo.model, model);
    let mut ctx = Ctx::verdicts(model, &failed, previous.probe);
    let mut rows = Vec::with_capacity(classes.keys.len());
    let mut deps = Vec::with_capacity(classes.keys.len());
    for key in &classes.keys {
        match before.get(key) {
            Some(&j) => {
                // Recording on top of the old reads gives both.
                let mut d = Deps::clone(&memo.deps[j]);
                if let Some(map) = &moves {
                    d.move_endpoints(map);
                }
                d.on = true;
                *ctx.deps.get_mut() = d;
                let source = class_source(model, key);
                let mut row: Vec<MatrixCell> = memo.rows[j][..all.len()].to_vec();
                for &s in &redo {
                    row[s].verdict = super::cell_verdict(&mut ctx, &source, s);
                    ctx.deps.get_mut().redo_cell(s as u32);
                }
                rows.push(with_workloads(model, row));
            }
            None => {
                *ctx.deps.get_mut() = Deps::recording();
                rows.push(class_row(&mut ctx, key));
            }
        }
        deps.push(Arc::new(std::mem::take(ctx.deps.get_mut())));
    }
    let instances = super::instance_ids(previous, &memo.model, model);
    let matrix = assemble(
        model,
        failed,
        classes,
        rows,
        deps,
        instances,
        previous.probe,
    );
    #[cfg(debug_assertions)]
    {
        // The incremental matrix must equal a full evaluation (an invariant, not a message).
        assert_eq!(matrix, evaluate_all_for(model, what_if, previous.probe));
    }
    matrix
}
