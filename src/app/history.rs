//! Edits, undo, redo and reset: each installs a new model and says what it did to the paths
//! (the matrix cells whose verdict flipped).

use super::selection::{sources_of, targets_of};

pub(super) use super::flips::flips;
use super::{App, Change, Flips, StatusKind, Step, TargetItem, TargetKind, What};
use crate::cost::{CostChange, CostEstimate};
use crate::eval::{self, Matrix, PathTrace, QueryError};
use crate::i18n::{t, tf};
use crate::model::{Edit, Model};

/// Which way [`App::step`] moves through the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Back,
    Forward,
}

impl App {
    /// Apply an edit the user asked for: on success it goes on the undo stack and clears redo;
    /// a refusal is shown with AWS's rule and changes nothing.
    pub fn apply(&mut self, edit: Edit) {
        self.apply_as(edit.clone(), What::Edit(edit));
    }

    /// [`App::apply`], with what the status line calls the change (an applied fix says so).
    pub(super) fn apply_as(&mut self, edit: Edit, what: What) {
        match edit.apply(&self.model) {
            Ok((model, back)) => {
                let before = self.next_version;
                self.next_version += 1;
                self.undo.push(Step {
                    forward: edit,
                    back,
                    version_before: self.version,
                    version_after: before,
                });
                self.redo.clear();
                self.version = before;
                self.install(model, what);
            }
            Err(e) => {
                self.status = Some((
                    StatusKind::Error,
                    tf(
                        self.lang,
                        "ui-refused",
                        &[&crate::explain::edit_error(self.lang, &e)],
                    ),
                ));
            }
        }
    }

    pub fn undo(&mut self) {
        self.step(Direction::Back);
    }

    pub fn redo(&mut self) {
        self.step(Direction::Forward);
    }

    /// Undo (back) or redo (forward) one step: take it from one stack, apply the edit that
    /// goes that way, and put it on the other stack with the edit that comes back.
    fn step(&mut self, direction: Direction) {
        let (from, nothing) = match direction {
            Direction::Back => (&mut self.undo, "ui-nothing-to-undo"),
            Direction::Forward => (&mut self.redo, "ui-nothing-to-redo"),
        };
        let Some(step) = from.pop() else {
            self.status = Some((StatusKind::Info, t(self.lang, nothing).into()));
            return;
        };
        let edit = match direction {
            Direction::Back => &step.back,
            Direction::Forward => &step.forward,
        };
        match edit.apply(&self.model) {
            Ok((model, inverse)) => {
                let done = step.forward.clone();
                match direction {
                    Direction::Back => {
                        self.version = step.version_before;
                        self.redo.push(Step {
                            forward: inverse,
                            ..step
                        });
                        self.install(model, What::Undo(done));
                    }
                    Direction::Forward => {
                        self.version = step.version_after;
                        self.undo.push(Step {
                            back: inverse,
                            ..step
                        });
                        self.install(model, What::Redo(done));
                    }
                }
            }
            Err(e) => {
                // An inverse that no longer applies is a bug in the engine: say so, keep state.
                let failed = match direction {
                    Direction::Back => "ui-undo-failed",
                    Direction::Forward => "ui-redo-failed",
                };
                self.status = Some((
                    StatusKind::Error,
                    tf(
                        self.lang,
                        failed,
                        &[&crate::explain::edit_error(self.lang, &e)],
                    ),
                ));
                match direction {
                    Direction::Back => self.undo.push(step),
                    Direction::Forward => self.redo.push(step),
                }
            }
        }
    }

    pub(super) fn reset(&mut self) {
        if self.undo.is_empty() {
            self.status = Some((
                StatusKind::Info,
                t(self.lang, "ui-already-as-loaded").into(),
            ));
            return;
        }
        let steps = self.undo.len();
        let before_trace = self.trace.clone();
        let before_model = self.model.clone();
        let mut model = self.model.clone();
        while let Some(step) = self.undo.pop() {
            match step.back.apply(&model) {
                Ok((m, forward)) => {
                    model = m;
                    self.version = step.version_before;
                    self.redo.push(Step { forward, ..step });
                }
                Err(e) => {
                    self.status = Some((
                        StatusKind::Error,
                        tf(
                            self.lang,
                            "ui-reset-stopped",
                            &[&crate::explain::edit_error(self.lang, &e)],
                        ),
                    ));
                    self.undo.push(step);
                    break;
                }
            }
        }
        self.model = model;
        self.refresh(
            Some(&before_model),
            before_trace,
            What::Text(crate::explain::msg(
                self.lang,
                "ui-reset-to-loaded",
                crate::explain::args().n("edits", steps),
            )),
        );
    }

    pub(super) fn install(&mut self, model: Model, what: What) {
        let before_trace = std::mem::replace(&mut self.trace, Err(super::no_trace()));
        let before_model = std::mem::replace(&mut self.model, model);
        self.refresh(Some(&before_model), before_trace, what);
    }

    /// Re-evaluate everything after the model changed, and say what changed.
    pub(super) fn refresh(
        &mut self,
        before: Option<&Model>,
        before_trace: Result<PathTrace, QueryError>,
        what: What,
    ) {
        // Sources and targets follow the model (a new instance, a renamed one); most edits
        // change neither, and a quota-sized model has 10,000 instances, so rebuild only then.
        // The selection stays on the same query where it still exists.
        let same_sources = before.is_some_and(|b| {
            b.scenario().instances == self.model.scenario().instances
                && b.scenario().subnets == self.model.scenario().subnets
        });
        if !same_sources {
            let source_query = self.selected_source().map(|s| s.query.clone());
            self.sources = sources_of(&self.model);
            self.source = source_query
                .and_then(|q| self.sources.iter().position(|s| s.query == q))
                .unwrap_or(0);
        }
        let target_query = self.selected_target().map(|t| t.query.clone());
        let typed: Vec<TargetItem> = self
            .targets
            .iter()
            .filter(|t| t.kind == TargetKind::Typed)
            .cloned()
            .collect();
        self.targets = targets_of(&self.model);
        self.targets.extend(typed);
        self.target = target_query
            .and_then(|q| self.targets.iter().position(|t| t.query == q))
            .unwrap_or(0);
        self.trace = self.evaluate_selected();
        // Only the classes of instances whose paths the change touched are evaluated again, in
        // the matrix and in the estimate; neither reads the other, so a large model has them
        // worked out side by side.
        let ((after_matrix, flips), (cost, cost_changes)) = self.matrix_and_cost_after();
        let before_matrix = std::mem::replace(&mut self.matrix, after_matrix);
        self.cost_changes = cost_changes;
        let cost_delta = cost.total - self.cost.total;
        let before_cost = std::mem::replace(&mut self.cost, cost);
        // The suggestions start from the matrix and the estimate after the edit (what they
        // evaluate is evaluated afresh from either: the same suggestions, less to do).
        self.analyse();
        self.refresh_spof_cells();
        let path = match (&before_trace, &self.trace) {
            (Ok(a), Ok(b)) if a.verdict != b.verdict => Some(format!(
                "{}: {} → {}",
                self.path_label(),
                crate::i18n::verdict_words(self.lang, &a.verdict),
                crate::i18n::verdict_words(self.lang, &b.verdict)
            )),
            _ => None,
        };
        // A quota-sized estimate, matrix and list of flipped cells take millions of
        // instructions to free: not something the user waits for after an edit.
        let before_change = self.change.take();
        if before_cost.items.len() >= FREE_LATER_ITEMS
            || before_matrix.cells.len() >= FREE_LATER_ROWS
        {
            free_later((before_cost, before_matrix, before_change));
        }
        let mut parts = vec![what.text(self.lang)];
        // At an open lesson question the old and new verdicts would give the answer away.
        if let Some(p) = &path
            && !self.verdict_hidden()
        {
            parts.push(p.to_string());
        }
        parts.push(match flips.len() {
            0 => t(self.lang, "ui-no-matrix-cell-changed").to_string(),
            1 => t(self.lang, "ui-1-matrix-cell-flipped-c-lists").to_string(),
            n => tf(
                self.lang,
                "ui-matrix-cells-flipped-c-lists-them",
                &[&n.to_string()],
            ),
        });
        if cost_delta.abs() >= 0.005 {
            parts.push(tf(
                self.lang,
                "ui-cost-month",
                &[&crate::cost::signed(cost_delta), &self.cost.currency],
            ));
        }
        let line = crate::i18n::sentences(self.lang, &parts);
        self.status = Some((StatusKind::Info, line));
        self.change = Some(Change { what, path, flips });
    }
}

impl App {
    /// The matrix of the model just installed and its flipped cells against `self.matrix`,
    /// and the estimate and its changes against `self.cost`: each from the one before, so only
    /// the classes the edit touched are evaluated again. Neither reads the other: from
    /// [`SIDE_BY_SIDE_ROWS`] rows on, with more than one core, the estimate is worked out on
    /// a thread of its own while this one makes the matrix (at 4x the quota model an AZ
    /// failure's matrix and flipped cells are about 22 million instructions, its estimate
    /// and diff about 26 million; a thread costs tens of microseconds).
    fn matrix_and_cost_after(&self) -> ((Matrix, Flips), (CostEstimate, Vec<CostChange>)) {
        let (model, before_matrix) = (&self.model, &self.matrix);
        let (before_cost, inputs) = (&self.cost, &self.cost_inputs);
        let what_if = &model.scenario().what_if;
        let matrix = || {
            let after = eval::evaluate_all_after(before_matrix, model, what_if);
            let flips = flips(before_matrix, &after);
            (after, flips)
        };
        let cost = || {
            let after = crate::cost::estimate_after(before_cost, model, what_if, inputs);
            let changes = crate::cost::diff(before_cost, &after);
            (after, changes)
        };
        let cores = crate::model::cores();
        if self.matrix.cells.len() < SIDE_BY_SIDE_ROWS || cores < 2 {
            return (matrix(), cost());
        }
        // Each side takes its share of the cores for the helpers its walks start: on two
        // cores, none (each side's walks would otherwise start one, four threads on two cores
        // for a few milliseconds, each waiting its turn).
        let (for_matrix, for_cost) = (cores / 2, cores - cores / 2);
        std::thread::scope(|scope| {
            let helper = std::thread::Builder::new()
                .name("cost".into())
                .spawn_scoped(scope, move || crate::model::with_cores(for_cost, cost));
            let matrix = crate::model::with_cores(for_matrix, matrix);
            let cost = match helper {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
                // No thread to be had: here, after the matrix.
                Err(_) => cost(),
            };
            (matrix, cost)
        })
    }
}

/// From how many matrix rows (instances) the matrix and the estimate after an edit are worked
/// out side by side: the quota model at 0.25x has 2,500; the built-in scenarios, tens.
const SIDE_BY_SIDE_ROWS: usize = 1_000;

/// From how many line items an estimate before an edit is freed on a thread of its own.
const FREE_LATER_ITEMS: usize = 1_000;
/// From how many rows a matrix before an edit is freed on a thread of its own.
const FREE_LATER_ROWS: usize = 5_000;

/// Frees `old` on a thread of its own (the thread only drops it); where no thread can be
/// started, here.
fn free_later<T: Send + 'static>(old: T) {
    // On failure the closure, and `old` with it, is dropped here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(old));
}
