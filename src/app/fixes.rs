//! Fixes and weak points in the explorer (issue 19): `f` lists the suggestions for a path that
//! does not work (Enter applies one as one undoable edit) or the single points of failure of a
//! path that does; `F` marks the matrix cells that have a single point of failure.
//!
//! Everything is computed here, in `update`, never while drawing: the selected path's analysis
//! after each change of path or model (when the model is small enough for that to be instant),
//! otherwise when `f` asks for it.

use std::collections::HashSet;

use crate::eval::Query;
use crate::fix::{self, Suggestions, WeakPoints};
use crate::i18n::{t, tf};

use super::{App, Msg, Overlay, StatusKind, What};

/// What the fixes overlay and the path panel say about the selected path.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// For a path that does not work: the suggestions (possibly none, with why).
    pub suggestions: Option<Suggestions>,
    /// For a path that works: its single points of failure.
    pub weak: Option<WeakPoints>,
}

impl Analysis {
    pub fn is_empty(&self) -> bool {
        self.suggestions.is_none() && self.weak.is_none()
    }
}

/// Instances beyond which the analysis waits for `f`: suggestions evaluate the matrix and the
/// cost estimate after each candidate that fixes the path, and on a quota-sized model one path's
/// suggestions take about 35 ms even with the explorer's own matrix and estimate (README,
/// `fix/suggest_blocked_no_route_explorer`): more than a frame, so not after every change.
const EAGER_INSTANCES: usize = 500;

/// Routes (all tables) beyond which the analysis waits for `f`: every candidate edit copies the
/// model's routes, and every weak point removes one thing and evaluates again.
const EAGER_ROUTES: usize = 5_000;

impl App {
    /// Whether the selected path's analysis is worked out after every change.
    pub fn analysis_is_eager(&self) -> bool {
        let s = self.model.scenario();
        let routes: usize = s.route_tables.iter().map(|t| t.routes.len()).sum();
        s.instances.len() <= EAGER_INSTANCES && routes <= EAGER_ROUTES
    }

    /// The selected path's suggestions or weak points, worked out now.
    pub(super) fn analyse_now(&mut self) {
        self.analysis = Analysis::default();
        let (Some(s), Some(tg), Ok(trace)) =
            (self.selected_source(), self.selected_target(), &self.trace)
        else {
            return;
        };
        let what_if = &self.model.scenario().what_if;
        let query = Query::parse(&self.model, &s.query, &tg.query, false)
            .with_probe(self.probe)
            .with_family(self.family)
            .with_request(self.request.clone());
        if trace.verdict.is_reachable() {
            self.analysis.weak = Some(fix::weak_points_for(&self.model, what_if, &query, trace));
        } else {
            // The explorer's matrix and estimate are the model's own: each suggestion is worked
            // out from them, as an edit's are.
            let known = fix::Known {
                matrix: Some(&self.matrix),
                cost: Some(&self.cost),
            };
            self.analysis.suggestions = Some(fix::suggest_with(
                &self.model,
                what_if,
                &query,
                trace,
                known,
            ));
        }
    }

    /// After the path or the model changed: the analysis again when that is cheap, otherwise
    /// forgotten until `f`.
    pub(super) fn analyse(&mut self) {
        if self.analysis_is_eager() {
            self.analyse_now();
        } else {
            self.analysis = Analysis::default();
        }
    }

    /// After the model changed: the matrix's weak-point marks again when they are on (they do
    /// not depend on the selected path).
    pub(super) fn refresh_spof_cells(&mut self) {
        if self.spof_view {
            self.spof_cells = spof_cells(self);
        }
    }

    /// `f`: open the list of fixes or weak points.
    pub(super) fn open_fixes(&mut self) {
        if self.verdict_hidden() {
            // The list says whether the path works: it would answer the open question.
            self.status = Some((
                StatusKind::Info,
                t(self.lang, "ui-answer-first-then-f").into(),
            ));
            return;
        }
        if self.trace.is_err() {
            self.status = Some((StatusKind::Info, t(self.lang, "ui-no-path-to-fix").into()));
            return;
        }
        if self.analysis.is_empty() {
            self.analyse_now();
        }
        self.reveal_fix_question();
        self.overlay = Some(Overlay::Fixes {
            selected: 0,
            scroll: 0,
        });
    }

    /// A key in the fixes list.
    pub(super) fn update_fixes(&mut self, selected: usize, scroll: u16, msg: Msg) {
        let count = self
            .analysis
            .suggestions
            .as_ref()
            .map_or(0, |s| s.suggestions.len());
        let last = count.saturating_sub(1);
        let page = self.size.1.saturating_sub(6).max(1);
        let keep = |selected: usize, scroll: u16| Some(Overlay::Fixes { selected, scroll });
        self.overlay = match msg {
            // With suggestions the keys choose one (the list follows the choice); with weak
            // points they scroll the text.
            Msg::Down if count > 0 => keep((selected + 1).min(last), scroll),
            Msg::Up if count > 0 => keep(selected.saturating_sub(1), scroll),
            Msg::PageDown if count > 0 => keep((selected + 3).min(last), scroll),
            Msg::PageUp if count > 0 => keep(selected.saturating_sub(3), scroll),
            Msg::Home if count > 0 => keep(0, scroll),
            Msg::End if count > 0 => keep(last, scroll),
            Msg::Down => keep(selected, scroll.saturating_add(1)),
            Msg::Up => keep(selected, scroll.saturating_sub(1)),
            Msg::PageDown => keep(selected, scroll.saturating_add(page)),
            Msg::PageUp => keep(selected, scroll.saturating_sub(page)),
            Msg::Home => keep(selected, 0),
            Msg::End => keep(selected, u16::MAX),
            Msg::Enter if count > 0 => {
                self.apply_fix(selected);
                None
            }
            Msg::ForceQuit => {
                self.quit = true;
                None
            }
            Msg::Enter | Msg::Cancel => None,
            _ => keep(selected, scroll),
        };
        if let Some(Overlay::Fixes { selected, scroll }) = self.overlay {
            let max = crate::ui::overlay_max_scroll(self);
            self.overlay = Some(Overlay::Fixes {
                selected,
                scroll: scroll.min(max),
            });
        }
    }

    /// Apply suggestion `n` (0-based) as one step: one undo takes all its edits back.
    pub(super) fn apply_fix(&mut self, n: usize) {
        let Some(s) = self
            .analysis
            .suggestions
            .as_ref()
            .and_then(|s| s.suggestions.get(n))
        else {
            return;
        };
        let edit = s.edit();
        self.apply_as(
            edit.clone(),
            What::Fix {
                n: n + 1,
                edit: Box::new(edit),
            },
        );
    }

    /// `F`: mark (or stop marking) the matrix cells with a single point of failure; turning
    /// the marks on shows the matrix.
    pub(super) fn toggle_spof(&mut self) {
        self.spof_view = !self.spof_view;
        if !self.spof_view {
            self.spof_cells.clear();
            self.status = Some((StatusKind::Info, t(self.lang, "ui-spof-marks-off").into()));
            return;
        }
        self.spof_cells = spof_cells(self);
        self.tab = super::Tab::Matrix;
        self.status = Some((
            StatusKind::Info,
            tf(
                self.lang,
                "ui-spof-marks-on",
                &[&self.spof_cells.len().to_string()],
            ),
        ));
    }
}

/// The matrix cells (row, column) whose path has a single point of failure.
fn spof_cells(app: &App) -> HashSet<(usize, usize)> {
    let m = &app.matrix;
    let columns: Vec<&String> = m.services.iter().chain(&m.workloads).collect();
    let rows: std::collections::HashMap<&str, usize> = m
        .instances
        .iter()
        .enumerate()
        .map(|(r, i)| (i.as_str(), r))
        .collect();
    fix::matrix_weak_points(&app.model, &app.model.scenario().what_if)
        .into_iter()
        .filter_map(|(instance, to, _)| {
            let row = *rows.get(instance.as_str())?;
            Some((row, columns.iter().position(|c| **c == to)?))
        })
        .collect()
}
