//! The explorer's state and its one `update` (the Elm architecture): key and mouse events become
//! [`Msg`]s, `update` turns a message into engine calls (`Edit::apply`, `evaluate`,
//! `evaluate_all`) and caches their results here, and the UI only reads this state.
//!
//! Nothing here decides routing. Every change to the model is an engine [`Edit`], so undo, redo,
//! lessons and saves see exactly what the evaluator sees.

mod flows;
pub mod keymap;
mod lesson;
mod line_edit;
mod saving;
pub mod script;

use std::path::PathBuf;

use crate::eval::{self, Matrix, PathTrace, Query, QueryError, Verdict};
use crate::i18n::{t, tf};
use crate::model::{Edit, Model};

pub use flows::{Input, PickItem, Picker, Purpose};
pub use lesson::{LessonMode, edit_ids};
pub use line_edit::{LineKey, MAX_INPUT};
pub use saving::OnDisk;

/// The panels that share the screen with the path panel, chosen by tabs on small terminals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Topology,
    RouteTables,
    Endpoints,
    Matrix,
    Cost,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Topology,
        Tab::RouteTables,
        Tab::Endpoints,
        Tab::Matrix,
        Tab::Cost,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Topology => "Topology",
            Tab::RouteTables => "Route tables",
            Tab::Endpoints => "Endpoints",
            Tab::Matrix => "Matrix",
            Tab::Cost => "Cost",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// Where a path starts: an instance, or a hypothetical instance in a subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceKind {
    Instance(usize),
    Subnet(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceItem {
    pub label: String,
    /// As `check --from` takes it.
    pub query: String,
    pub kind: SourceKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// A catalogue service; the index is its matrix column.
    Service(usize),
    /// A workload; the index is its matrix column (after the services).
    Workload(usize),
    /// Typed by the user: an address, a CIDR, a global name or SERVICE@REGION.
    Typed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetItem {
    pub label: String,
    /// As `check --to` takes it.
    pub query: String,
    pub kind: TargetKind,
}

/// Everything a key or a click can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// `q`: quit, or ask first when there are unsaved edits.
    Quit,
    /// Ctrl-C: quit now, unsaved edits or not.
    ForceQuit,
    Help,
    /// Esc: close the overlay, leave filter mode.
    Cancel,
    /// An answer to a yes/no question (quit with unsaved edits: save first?).
    Answer(bool),
    NextTab,
    PrevTab,
    ShowTab(Tab),
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Enter,
    /// Scroll the path panel.
    PathDown,
    PathUp,
    PickSource,
    PickTarget,
    NextSource,
    PrevSource,
    NextTarget,
    PrevTarget,
    /// Fail the AZ with this index, or restore it if it is failed.
    ToggleAz(usize),
    EditMenu,
    Undo,
    Redo,
    /// Back to the file as loaded (every edit undone; redo brings them back).
    Reset,
    Save,
    SaveAs,
    /// List the matrix cells the last edit flipped.
    ShowFlips,
    /// `/` in a picker: type to filter.
    StartFilter,
    Char(char),
    /// A line-editor key in a text input (Delete, Ctrl-U, Ctrl-W).
    Line(LineKey),
    Backspace,
    /// Mouse: a matrix cell (row = instance, column = service or workload).
    SelectCell {
        row: usize,
        col: usize,
    },
    SelectSource(usize),
    SelectTarget(usize),
    /// Mouse: an item of the open picker, by its index in the filtered list.
    PickAt(usize),
    Resize(u16, u16),
    /// Lesson: the next step (the first, when no lesson is open yet).
    NextStep,
    PrevStep,
    /// Lesson: answer the step's question (reachable or not).
    AnswerQuestion,
    ToggleQuiz,
    ResetScore,
    /// The projector layout: narration and path large, matrix hidden.
    TogglePresenter,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Picker(Picker),
    Input(Input),
    /// Quit with unsaved edits: save first?
    ConfirmQuit,
    /// The matrix cells the last edit flipped.
    Flips {
        scroll: u16,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

/// A matrix cell whose verdict an edit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flip {
    /// The matrix row (instance) and column (service, then workloads): names are looked up in
    /// the matrix when listed, since one edit can flip tens of thousands of cells.
    pub row: usize,
    pub col: usize,
    pub before: Verdict,
    pub after: Verdict,
}

/// What the last edit (or undo, redo, reset) did to the paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The edit in words: "fail us-east-1a".
    pub what: String,
    /// The selected path before and after, when its verdict changed:
    /// "app-a → s3: reachable via gateway_endpoint → blocked (no_route)".
    pub path: Option<String>,
    pub flips: Vec<Flip>,
}

#[derive(Debug, Clone)]
struct Step {
    /// Applying this goes forward (redo).
    forward: Edit,
    /// Applying this goes back (undo).
    back: Edit,
    /// The model version before and after the step: the unsaved-edits check compares versions.
    version_before: u64,
    version_after: u64,
}

/// The whole state of the explorer.
#[derive(Debug, Clone)]
pub struct App {
    /// The scenario file; `None` for the built-in scenario (saving then asks for a path).
    pub file: Option<PathBuf>,
    /// What the title bar calls the file.
    pub file_label: String,
    pub model: Model,
    pub sources: Vec<SourceItem>,
    pub targets: Vec<TargetItem>,
    pub source: usize,
    pub target: usize,
    /// The selected path, evaluated after every change; `Err` names what the query lacks.
    pub trace: Result<PathTrace, QueryError>,
    /// Every instance × service and workload, evaluated after every change.
    pub matrix: Matrix,
    pub tab: Tab,
    /// Per tab: the first line shown (the matrix uses its cursor instead).
    pub scroll: [u16; 5],
    /// Traffic per flow for the cost estimate: built at load, kept across edits (an edit
    /// changes the ways traffic takes, not the traffic).
    pub cost_inputs: crate::cost::CostInputs,
    /// The monthly estimate for the model as edited.
    pub cost: crate::cost::CostEstimate,
    /// What the last change did to the estimate.
    pub cost_changes: Vec<crate::cost::CostChange>,
    /// The estimate no longer matches the model: on large models it is computed when the cost
    /// panel is on screen, not after every edit (see [`App::cost_is_cheap`]).
    pub cost_stale: bool,
    pub path_scroll: u16,
    pub overlay: Option<Overlay>,
    pub status: Option<(StatusKind, String)>,
    pub change: Option<Change>,
    /// Colours on (off with NO_COLOR): symbols and text carry every meaning either way.
    pub color: bool,
    /// The terminal size, for mouse hit-testing and page sizes.
    pub size: (u16, u16),
    pub quit: bool,
    /// The lesson being stepped through, if one is open.
    pub lesson: Option<LessonMode>,
    /// The model as loaded: lesson steps are computed from it.
    pub lesson_source: Model,
    pub presenter: bool,
    /// The language of narration and fixed UI text.
    pub lang: crate::i18n::Lang,
    /// Narrow symbols: ASCII for glyphs some terminals draw two cells wide.
    pub ascii: bool,
    /// The file as last read or written, for saving without losing anything.
    pub disk: OnDisk,
    /// Characters after the cursor in the open text input.
    pub input_back: usize,
    undo: Vec<Step>,
    redo: Vec<Step>,
    version: u64,
    next_version: u64,
    saved_version: u64,
}

/// The target the explorer opens on: S3 when the catalogue has it.
const FIRST_TARGET: &str = "s3";

impl App {
    pub fn new(model: Model, file: Option<PathBuf>, file_label: String) -> App {
        let sources = sources_of(&model);
        let targets = targets_of(&model);
        let target = targets
            .iter()
            .position(|t| t.query == FIRST_TARGET)
            .unwrap_or(0);
        let matrix = eval::evaluate_all(&model, &model.scenario().what_if);
        let disk = OnDisk::read(file.as_deref());
        let mut app = App {
            file,
            file_label,
            trace: Err(no_trace()),
            matrix,
            lesson_source: model.clone(),
            model,
            sources,
            targets,
            source: 0,
            target,
            tab: Tab::Topology,
            scroll: [0; 5],
            cost_inputs: crate::cost::CostInputs::default(),
            cost: crate::cost::CostEstimate {
                region: String::new(),
                currency: String::new(),
                hours_per_month: 0,
                items: Vec::new(),
                flows: Vec::new(),
                total: 0.0,
                notes: Vec::new(),
            },
            cost_changes: Vec::new(),
            cost_stale: false,
            path_scroll: 0,
            overlay: None,
            status: None,
            change: None,
            color: true,
            size: (80, 24),
            quit: false,
            lesson: None,
            presenter: false,
            lang: crate::i18n::Lang::En,
            ascii: false,
            disk,
            input_back: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            version: 0,
            next_version: 1,
            saved_version: 0,
        };
        app.trace = app.evaluate_selected();
        app.cost_inputs = crate::cost::CostInputs::for_model(&app.model);
        if app.cost_is_cheap() {
            app.cost = app.estimate_cost();
        } else {
            app.cost_stale = true;
        }
        if app.model.warnings().is_empty() {
            app.status = Some((
                StatusKind::Info,
                t(
                    app.lang,
                    "Choose a path: s source, t target (or arrows in Topology and Matrix); e edits; 1-9 fail an AZ; ? help",
                )
                .into(),
            ));
        } else {
            app.status = Some((
                StatusKind::Info,
                tf(
                    app.lang,
                    "{} warning(s) from validation: {}",
                    &[
                        &app.model.warnings().len().to_string(),
                        &app.model.warnings()[0].to_string(),
                    ],
                ),
            ));
        }
        app
    }

    /// Switch the language; the opening status line is said again in it.
    pub fn set_lang(&mut self, lang: crate::i18n::Lang) {
        self.lang = lang;
        if self.undo.is_empty() && self.lesson.is_none() {
            self.status = Some((
                StatusKind::Info,
                if self.model.warnings().is_empty() {
                    t(
                        lang,
                        "Choose a path: s source, t target (or arrows in Topology and Matrix); e edits; 1-9 fail an AZ; ? help",
                    )
                    .to_string()
                } else {
                    tf(
                        lang,
                        "{} warning(s) from validation: {}",
                        &[
                            &self.model.warnings().len().to_string(),
                            &self.model.warnings()[0].to_string(),
                        ],
                    )
                },
            ));
        }
    }

    /// Unsaved edits: the model is not the one last loaded or saved.
    pub fn is_dirty(&self) -> bool {
        self.version != self.saved_version
    }

    pub fn can_undo(&self) -> usize {
        self.undo.len()
    }

    pub fn can_redo(&self) -> usize {
        self.redo.len()
    }

    pub fn failed_azs(&self) -> Vec<bool> {
        self.model.failed_azs(&self.model.scenario().what_if)
    }

    /// The index in `sources` of an instance or subnet (instances come first, in file order).
    pub fn source_index(&self, kind: &SourceKind) -> Option<usize> {
        let guess = match kind {
            SourceKind::Instance(i) => *i,
            SourceKind::Subnet(i) => self.model.scenario().instances.len() + i,
        };
        match self.sources.get(guess) {
            Some(s) if &s.kind == kind => Some(guess),
            _ => self.sources.iter().position(|s| &s.kind == kind),
        }
    }

    pub fn selected_source(&self) -> Option<&SourceItem> {
        self.sources.get(self.source)
    }

    pub fn selected_target(&self) -> Option<&TargetItem> {
        self.targets.get(self.target)
    }

    /// The matrix cell of the selected path, when the source is an instance and the target a
    /// column of the matrix.
    pub fn matrix_cursor(&self) -> Option<(usize, usize)> {
        let row = match self.selected_source()?.kind {
            SourceKind::Instance(i) => i,
            SourceKind::Subnet(_) => return None,
        };
        let col = match self.selected_target()?.kind {
            TargetKind::Service(c) | TargetKind::Workload(c) => c,
            TargetKind::Typed => return None,
        };
        Some((row, col))
    }

    /// "app-a → s3" for the selected path.
    pub fn path_label(&self) -> String {
        format!(
            "{} → {}",
            self.selected_source()
                .map(|s| s.label.as_str())
                .unwrap_or("?"),
            self.selected_target()
                .map(|t| t.label.as_str())
                .unwrap_or("?")
        )
    }

    fn evaluate_selected(&self) -> Result<PathTrace, QueryError> {
        let (Some(s), Some(t)) = (self.selected_source(), self.selected_target()) else {
            return Err(QueryError::UnknownInstance {
                name: "-".into(),
                known: Vec::new(),
            });
        };
        let query = Query::parse(&self.model, &s.query, &t.query, false);
        eval::evaluate(&self.model, &self.model.scenario().what_if, &query)
    }

    fn reselect(&mut self) {
        self.trace = self.evaluate_selected();
        self.path_scroll = 0;
    }

    /// One message in, the state updated. Never panics on any message in any state.
    pub fn update(&mut self, msg: Msg) {
        if let Msg::Resize(w, h) = msg {
            self.size = (w, h);
            return;
        }
        match self.overlay.take() {
            Some(Overlay::Picker(p)) => return self.update_picker(p, msg),
            Some(Overlay::Input(i)) => return self.update_input(i, msg),
            Some(Overlay::ConfirmQuit) => return self.update_confirm_quit(msg),
            Some(Overlay::Help { scroll }) => {
                match msg {
                    Msg::Down | Msg::PathDown => {
                        self.overlay = Some(Overlay::Help {
                            scroll: scroll.saturating_add(1),
                        })
                    }
                    Msg::Up | Msg::PathUp => {
                        self.overlay = Some(Overlay::Help {
                            scroll: scroll.saturating_sub(1),
                        })
                    }
                    Msg::ForceQuit => self.quit = true,
                    _ => {}
                }
                return;
            }
            Some(Overlay::Flips { scroll }) => {
                match msg {
                    Msg::Down => {
                        self.overlay = Some(Overlay::Flips {
                            scroll: scroll.saturating_add(1),
                        })
                    }
                    Msg::Up => {
                        self.overlay = Some(Overlay::Flips {
                            scroll: scroll.saturating_sub(1),
                        })
                    }
                    Msg::ForceQuit => self.quit = true,
                    _ => {}
                }
                return;
            }
            None => {}
        }
        self.update_main(msg);
        self.refresh_cost_if_stale();
    }

    fn update_main(&mut self, msg: Msg) {
        if self.update_lesson(msg) {
            return;
        }
        match msg {
            Msg::Quit => {
                if self.is_dirty() {
                    self.overlay = Some(Overlay::ConfirmQuit);
                } else {
                    self.quit = true;
                }
            }
            Msg::ForceQuit => self.quit = true,
            Msg::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Msg::Cancel => self.status = None,
            Msg::NextTab => self.tab = Tab::ALL[(self.tab.index() + 1) % Tab::ALL.len()],
            Msg::PrevTab => {
                self.tab = Tab::ALL[(self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
            }
            Msg::ShowTab(t) => self.tab = t,
            Msg::Up | Msg::Down | Msg::Left | Msg::Right => self.arrow(msg),
            Msg::PageUp | Msg::PageDown | Msg::Home | Msg::End => self.page(msg),
            Msg::Enter if self.tab == Tab::Matrix => {
                self.status = Some((
                    StatusKind::Info,
                    tf(self.lang, "Path {}", &[&self.path_label()]),
                ));
            }
            Msg::PathDown => self.path_scroll = self.path_scroll.saturating_add(1),
            Msg::PathUp => self.path_scroll = self.path_scroll.saturating_sub(1),
            Msg::PickSource => self.overlay = Some(Overlay::Picker(flows::source_picker(self))),
            Msg::PickTarget => self.overlay = Some(Overlay::Picker(flows::target_picker(self))),
            Msg::NextSource => self.step_source(1),
            Msg::PrevSource => self.step_source(-1),
            Msg::NextTarget => self.step_target(1),
            Msg::PrevTarget => self.step_target(-1),
            Msg::SelectSource(i) if i < self.sources.len() => {
                self.source = i;
                self.reselect();
            }
            Msg::SelectTarget(i) if i < self.targets.len() => {
                self.target = i;
                self.reselect();
            }
            Msg::SelectCell { row, col } => self.select_cell(row, col),
            Msg::ToggleAz(i) => self.toggle_az(i),
            Msg::EditMenu => self.overlay = Some(Overlay::Picker(flows::edit_menu(self))),
            Msg::Undo => self.undo(),
            Msg::Redo => self.redo(),
            Msg::Reset => self.reset(),
            Msg::Save => self.save(),
            Msg::SaveAs => self.overlay = Some(Overlay::Input(flows::save_as_input(self))),
            Msg::ShowFlips => {
                if self.change.as_ref().is_some_and(|c| !c.flips.is_empty()) {
                    self.overlay = Some(Overlay::Flips { scroll: 0 });
                } else {
                    self.status = Some((
                        StatusKind::Info,
                        t(self.lang, "The last change flipped no matrix cell.").into(),
                    ));
                }
            }
            _ => {}
        }
    }

    fn arrow(&mut self, msg: Msg) {
        match (self.tab, msg) {
            (Tab::Matrix, _) => {
                let (row, col) = self.matrix_cursor().unwrap_or((0, 0));
                let rows = self.matrix.instances.len();
                let cols = self.matrix.services.len() + self.matrix.workloads.len();
                let (row, col) = match msg {
                    Msg::Up => (row.saturating_sub(1), col),
                    Msg::Down => ((row + 1).min(rows.saturating_sub(1)), col),
                    Msg::Left => (row, col.saturating_sub(1)),
                    _ => (row, (col + 1).min(cols.saturating_sub(1))),
                };
                self.select_cell(row, col);
            }
            (Tab::Topology, Msg::Up) => self.step_source(-1),
            (Tab::Topology, Msg::Down) => self.step_source(1),
            (_, Msg::Left) => self.step_target(-1),
            (_, Msg::Right) => self.step_target(1),
            (tab, Msg::Up) => {
                let s = &mut self.scroll[tab.index()];
                *s = s.saturating_sub(1);
            }
            (tab, _) => {
                let s = &mut self.scroll[tab.index()];
                *s = s.saturating_add(1);
            }
        }
    }

    fn page(&mut self, msg: Msg) {
        let page = self.size.1.saturating_sub(8).max(1);
        if self.tab == Tab::Matrix {
            let (row, col) = self.matrix_cursor().unwrap_or((0, 0));
            let last = self.matrix.instances.len().saturating_sub(1);
            let row = match msg {
                Msg::PageUp => row.saturating_sub(page as usize),
                Msg::PageDown => (row + page as usize).min(last),
                Msg::Home => 0,
                _ => last,
            };
            self.select_cell(row, col);
            return;
        }
        let s = &mut self.scroll[self.tab.index()];
        *s = match msg {
            Msg::PageUp => s.saturating_sub(page),
            Msg::PageDown => s.saturating_add(page),
            Msg::Home => 0,
            _ => u16::MAX / 2,
        };
    }

    fn step_source(&mut self, delta: isize) {
        if self.sources.is_empty() {
            return;
        }
        self.source = step(self.source, delta, self.sources.len());
        self.reselect();
    }

    fn step_target(&mut self, delta: isize) {
        if self.targets.is_empty() {
            return;
        }
        self.target = step(self.target, delta, self.targets.len());
        self.reselect();
    }

    fn select_cell(&mut self, row: usize, col: usize) {
        let Some(source) = self.source_index(&SourceKind::Instance(row)) else {
            return;
        };
        let Some(target) = self.targets.iter().position(|t| match t.kind {
            TargetKind::Service(c) | TargetKind::Workload(c) => c == col,
            TargetKind::Typed => false,
        }) else {
            return;
        };
        self.source = source;
        self.target = target;
        self.reselect();
    }

    fn toggle_az(&mut self, i: usize) {
        let Some(az) = self.model.scenario().availability_zones.get(i) else {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "The VPC has {} AZs; there is no AZ {}.",
                    &[
                        &self.model.scenario().availability_zones.len().to_string(),
                        &(i + 1).to_string(),
                    ],
                ),
            ));
            return;
        };
        let name = az.name.clone();
        let edit = if self.failed_azs().get(i).copied().unwrap_or(false) {
            Edit::RestoreAz { az: name }
        } else {
            Edit::FailAz { az: name }
        };
        self.apply(edit);
    }

    /// Apply an edit the user asked for: on success it goes on the undo stack and clears redo;
    /// a refusal is shown with AWS's rule and changes nothing.
    pub fn apply(&mut self, edit: Edit) {
        match edit.apply(&self.model) {
            Ok((model, back)) => {
                let what = edit.describe();
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
                    tf(self.lang, "Refused: {}", &[&e.to_string()]),
                ));
            }
        }
    }

    pub fn undo(&mut self) {
        let Some(step) = self.undo.pop() else {
            self.status = Some((StatusKind::Info, t(self.lang, "Nothing to undo.").into()));
            return;
        };
        match step.back.apply(&self.model) {
            Ok((model, forward)) => {
                let what = tf(self.lang, "undo: {}", &[&step.forward.describe()]);
                self.version = step.version_before;
                self.redo.push(Step { forward, ..step });
                self.install(model, what);
            }
            Err(e) => {
                // An inverse that no longer applies is a bug in the engine: say so, keep state.
                self.status = Some((
                    StatusKind::Error,
                    tf(self.lang, "Undo failed: {}", &[&e.to_string()]),
                ));
                self.undo.push(step);
            }
        }
    }

    pub fn redo(&mut self) {
        let Some(step) = self.redo.pop() else {
            self.status = Some((StatusKind::Info, t(self.lang, "Nothing to redo.").into()));
            return;
        };
        match step.forward.apply(&self.model) {
            Ok((model, back)) => {
                let what = tf(self.lang, "redo: {}", &[&step.forward.describe()]);
                self.version = step.version_after;
                self.undo.push(Step { back, ..step });
                self.install(model, what);
            }
            Err(e) => {
                self.status = Some((
                    StatusKind::Error,
                    tf(self.lang, "Redo failed: {}", &[&e.to_string()]),
                ));
                self.redo.push(step);
            }
        }
    }

    fn reset(&mut self) {
        if self.undo.is_empty() {
            self.status = Some((StatusKind::Info, t(self.lang, "Already as loaded.").into()));
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
                        tf(self.lang, "Reset stopped: {}", &[&e.to_string()]),
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
            tf(
                self.lang,
                "reset to the file as loaded ({} edit(s) undone; Ctrl-r redoes them)",
                &[&steps.to_string()],
            ),
        );
    }

    fn install(&mut self, model: Model, what: String) {
        let before_trace = std::mem::replace(&mut self.trace, Err(no_trace()));
        let before_model = std::mem::replace(&mut self.model, model);
        self.refresh(Some(&before_model), before_trace, what);
    }

    /// Re-evaluate everything after the model changed, and say what changed.
    fn refresh(
        &mut self,
        before: Option<&Model>,
        before_trace: Result<PathTrace, QueryError>,
        what: String,
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
        let before_matrix = std::mem::replace(
            &mut self.matrix,
            eval::evaluate_all(&self.model, &self.model.scenario().what_if),
        );
        let path = match (&before_trace, &self.trace) {
            (Ok(a), Ok(b)) if a.verdict != b.verdict => Some(format!(
                "{}: {} → {}",
                self.path_label(),
                crate::i18n::verdict_words(self.lang, &a.verdict),
                crate::i18n::verdict_words(self.lang, &b.verdict)
            )),
            _ => None,
        };
        let flips = flips(&before_matrix, &self.matrix);
        let mut cost_delta = 0.0;
        if self.cost_is_cheap() || self.cost_on_screen() {
            let cost = self.estimate_cost();
            self.cost_changes = if self.cost_stale {
                Vec::new()
            } else {
                crate::cost::diff(&self.cost, &cost)
            };
            if !self.cost_stale {
                cost_delta = cost.total - self.cost.total;
            }
            self.cost = cost;
            self.cost_stale = false;
        } else {
            self.cost_stale = true;
            self.cost_changes.clear();
        }
        let mut line = what.clone();
        if let Some(p) = &path {
            line.push_str(&format!(". {p}"));
        }
        line.push_str(". ");
        line.push_str(&match flips.len() {
            0 => t(self.lang, "No matrix cell changed.").to_string(),
            1 => t(self.lang, "1 matrix cell flipped (c lists it).").to_string(),
            n => tf(
                self.lang,
                "{} matrix cells flipped (c lists them).",
                &[&n.to_string()],
            ),
        });
        if cost_delta.abs() >= 0.005 {
            line.push(' ');
            line.push_str(&tf(
                self.lang,
                "Cost {} {}/month.",
                &[&crate::cost::signed(cost_delta), &self.cost.currency],
            ));
        }
        self.status = Some((StatusKind::Info, line));
        self.change = Some(Change { what, path, flips });
    }

    /// Flows the estimate walks beyond which it is not worth doing after every edit: a
    /// quota-sized model (10,000 instances × every service) takes a good part of a second.
    const CHEAP_FLOWS: usize = 20_000;

    pub fn cost_is_cheap(&self) -> bool {
        self.model.scenario().instances.len() * self.cost_inputs.services.len().max(1)
            <= Self::CHEAP_FLOWS
    }

    /// Whether the cost panel is drawn (tab chosen; presenter mode hides it).
    pub fn cost_on_screen(&self) -> bool {
        self.tab == Tab::Cost && !self.presenter
    }

    /// Bring a stale estimate up to date (when the cost panel comes on screen).
    pub(crate) fn refresh_cost_if_stale(&mut self) {
        if self.cost_stale && self.cost_on_screen() {
            self.cost = self.estimate_cost();
            self.cost_changes.clear();
            self.cost_stale = false;
        }
    }

    pub(crate) fn estimate_cost(&self) -> crate::cost::CostEstimate {
        crate::cost::estimate(
            &self.model,
            &self.model.scenario().what_if,
            &self.cost_inputs,
        )
    }

    fn update_confirm_quit(&mut self, msg: Msg) {
        match msg {
            Msg::Answer(true) => {
                self.save();
                if !self.is_dirty() {
                    self.quit = true;
                }
            }
            Msg::Answer(false) | Msg::ForceQuit => self.quit = true,
            Msg::Cancel => {}
            _ => self.overlay = Some(Overlay::ConfirmQuit),
        }
    }
}

/// A placeholder for "no trace yet".
pub(crate) fn no_trace() -> QueryError {
    QueryError::UnknownInstance {
        name: String::new(),
        known: Vec::new(),
    }
}

fn step(current: usize, delta: isize, len: usize) -> usize {
    (current as isize + delta).rem_euclid(len as isize) as usize
}

/// "reachable via gateway_endpoint", "blocked (no_route)": a verdict in a few words.
pub fn verdict_words(v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, .. } => format!("reachable via {}", via.code()),
        Verdict::Partial => "partial".into(),
        Verdict::Blocked(r) => format!("blocked ({})", r.code()),
        Verdict::LeavesVpc { target } => format!("leaves the VPC via {target}"),
        Verdict::Unavailable(r) => format!("unavailable ({})", r.code()),
    }
}

fn flips(before: &Matrix, after: &Matrix) -> Vec<Flip> {
    let mut out = Vec::new();
    if before.instances != after.instances
        || before.services != after.services
        || before.workloads != after.workloads
    {
        return out;
    }
    // Rows of instances that share a subnet and public-IP state share one allocation, so each
    // (before, after) pair of rows is compared once.
    let mut differing: std::collections::HashMap<(usize, usize), Vec<usize>> =
        std::collections::HashMap::new();
    for (row, (a, b)) in before.cells.iter().zip(&after.cells).enumerate() {
        if std::sync::Arc::ptr_eq(a, b) {
            continue;
        }
        let key = (a.as_ptr() as usize, b.as_ptr() as usize);
        let cols = differing.entry(key).or_insert_with(|| {
            a.iter()
                .zip(b.iter())
                .enumerate()
                .filter(|(_, (x, y))| x.verdict != y.verdict)
                .map(|(col, _)| col)
                .collect()
        });
        for &col in cols.iter() {
            out.push(Flip {
                row,
                col,
                before: a[col].verdict.clone(),
                after: b[col].verdict.clone(),
            });
        }
    }
    out
}

/// Instances first (by name when they have one), then every subnet as a hypothetical instance.
fn sources_of(model: &Model) -> Vec<SourceItem> {
    let s = model.scenario();
    let mut out: Vec<SourceItem> = s
        .instances
        .iter()
        .enumerate()
        .map(|(i, inst)| SourceItem {
            label: inst.name.clone().unwrap_or_else(|| inst.id.clone()),
            query: inst.id.clone(),
            kind: SourceKind::Instance(i),
        })
        .collect();
    out.extend(s.subnets.iter().enumerate().map(|(i, sub)| SourceItem {
        label: format!("{} (any instance)", sub.name.as_deref().unwrap_or(&sub.id)),
        query: sub.id.clone(),
        kind: SourceKind::Subnet(i),
    }));
    out
}

/// The matrix's columns, in its order: services, then workloads.
fn targets_of(model: &Model) -> Vec<TargetItem> {
    let mut out: Vec<TargetItem> = model
        .services()
        .iter()
        .enumerate()
        .map(|(i, s)| TargetItem {
            label: s.name.clone(),
            query: s.name.clone(),
            kind: TargetKind::Service(i),
        })
        .collect();
    let n = out.len();
    out.extend(
        model
            .workloads()
            .iter()
            .enumerate()
            .map(|(i, w)| TargetItem {
                label: format!("workload:{}", w.name),
                query: format!("workload:{}", w.name),
                kind: TargetKind::Workload(n + i),
            }),
    );
    out
}

#[cfg(test)]
mod tests;
