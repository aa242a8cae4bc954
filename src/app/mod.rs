//! The explorer's state and its one `update` (the Elm architecture): key and mouse events become
//! [`Msg`]s, `update` turns a message into engine calls (`Edit::apply`, `evaluate`,
//! `evaluate_all`) and caches their results here, and the UI only reads this state.
//!
//! Nothing here decides routing. Every change to the model is an engine [`Edit`], so undo, redo,
//! lessons and saves see exactly what the evaluator sees.

mod change;
mod cost;
mod fixes;
mod flips;
mod flows;
mod history;
pub mod keymap;
mod lesson;
mod line_edit;
mod save;
mod saving;
mod saving_comments;
pub mod script;
mod selection;
mod topology;
mod warnings;

use std::path::PathBuf;

use crate::eval::{self, Matrix, PathTrace, QueryError};
use crate::i18n::{t, tf};
use crate::model::{Edit, Model};

#[cfg(test)]
pub(crate) use change::order_flips;
pub use change::{Change, Flip, FlipRun, Flips, What};
pub use fixes::Analysis;
pub use flows::{Input, PickItem, Picker, Purpose};
pub use lesson::{ChangeMark, LessonMode, edit_ids, edit_marks};
pub use line_edit::{LineKey, MAX_INPUT};
pub use saving::OnDisk;
pub use topology::{MAX_INSTANCES_PER_SUBNET, TopologySummary};

use selection::{sources_of, targets_of};

/// The panels that share the screen with the path panel, chosen by tabs on small terminals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Topology,
    RouteTables,
    Endpoints,
    Matrix,
    Cost,
    Security,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Topology,
        Tab::RouteTables,
        Tab::Endpoints,
        Tab::Matrix,
        Tab::Cost,
        Tab::Security,
    ];

    /// The id of the message that names the tab (`ui.ftl`).
    pub fn title(self) -> &'static str {
        match self {
            Tab::Topology => "ui-topology",
            Tab::RouteTables => "ui-route-tables",
            Tab::Endpoints => "ui-endpoints",
            Tab::Matrix => "ui-matrix",
            Tab::Cost => "ui-cost",
            Tab::Security => "ui-security",
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
    /// The instance's or subnet's name (or id).
    pub label: String,
    /// As `check --from` takes it.
    pub query: String,
    pub kind: SourceKind,
}

impl SourceItem {
    /// As the picker and the path line show it: a subnet stands for any instance in it.
    pub fn shown(&self, lang: crate::i18n::Lang) -> String {
        match self.kind {
            SourceKind::Instance(_) => self.label.clone(),
            SourceKind::Subnet(_) => crate::i18n::tf(lang, "ui-any-instance", &[&self.label]),
        }
    }
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
    /// Ctrl-f / Ctrl-b: the path panel a page at a time.
    PathPageDown,
    PathPageUp,
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
    /// List the import's and validation's warnings.
    ShowWarnings,
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
    /// Lesson: scroll the narration (`>` / `<`).
    NarrationDown,
    NarrationUp,
    /// `f`: the selected path's fixes (not working) or weak points (working).
    Fixes,
    /// `F`: mark the matrix cells that have a single point of failure.
    ToggleSpof,
    /// `v`: the path's IP version, IPv4 → IPv6 → auto (what the client would use).
    CycleFamily,
    /// Mouse wheel over a place on the screen: scroll what is under the pointer.
    WheelDown(u16, u16),
    WheelUp(u16, u16),
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
    /// The import's and validation's warnings.
    Warnings {
        scroll: u16,
    },
    /// The selected path's fix suggestions (`selected` is the one Enter applies) or weak points
    /// (`scroll` scrolls them); what they say is in [`App::analysis`].
    Fixes {
        selected: usize,
        scroll: u16,
    },
}

impl Overlay {
    /// The scroll of a list overlay (help, flipped cells, warnings).
    fn list_scroll(&self) -> Option<u16> {
        match self {
            Overlay::Help { scroll } | Overlay::Flips { scroll } | Overlay::Warnings { scroll } => {
                Some(*scroll)
            }
            _ => None,
        }
    }

    /// The same list overlay at another scroll.
    fn scrolled(&self, to: u16) -> Overlay {
        match self {
            Overlay::Help { .. } => Overlay::Help { scroll: to },
            Overlay::Flips { .. } => Overlay::Flips { scroll: to },
            Overlay::Warnings { .. } => Overlay::Warnings { scroll: to },
            other => other.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
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
    pub scroll: [u16; 6],
    /// Traffic per flow for the cost estimate: built at load, kept across edits (an edit
    /// changes the ways traffic takes, not the traffic).
    pub cost_inputs: crate::cost::CostInputs,
    /// The monthly estimate for the model as edited.
    pub cost: crate::cost::CostEstimate,
    /// What the last change did to the estimate.
    pub cost_changes: Vec<crate::cost::CostChange>,
    /// The selected path's fix suggestions or weak points (see `fixes.rs`).
    pub analysis: Analysis,
    /// `F`: the matrix marks the cells that have a single point of failure.
    pub spof_view: bool,
    /// Those cells, as (row, column), while `spof_view` is on.
    pub spof_cells: std::collections::HashSet<(usize, usize)>,
    pub path_scroll: u16,
    /// The path's traffic for security groups and network ACLs (`t`, "Traffic…"; TCP 443).
    pub probe: crate::eval::Probe,
    /// The path's request for endpoint and bucket policies (`t`, "Request…"; any).
    pub request: crate::eval::Request,
    /// The IP version of the path and the matrix (`v`).
    pub family: crate::eval::Family,
    /// The first line of the lesson narration shown.
    pub narration_scroll: u16,
    /// The topology scrolls itself to keep the selected source and the lesson step's changes
    /// in view; scrolling it by hand turns this off until the selection changes.
    pub topo_follow: bool,
    pub overlay: Option<Overlay>,
    /// The edit flow under way: the edit menu's action, in the UI's language, which titles
    /// every step of the flow.
    pub flow_action: Option<String>,
    /// What the AWS import warned about (empty for a scenario file); `!` lists them.
    pub import_warnings: Vec<crate::model::Diagnostic>,
    /// A toggle waiting for the Confirm step (which shows the current value) to apply it.
    pub pending_edit: Option<crate::model::Edit>,
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
    /// What the topology's subnet boxes are made of, kept while the model parts it is built
    /// from are (see [`App::topology_summary`]).
    topology: topology::TopologyCache,
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
        let mut targets = targets_of(&model);
        targets.extend(selection::named_buckets(&model));
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
            scroll: [0; 6],
            cost_inputs: crate::cost::CostInputs::default(),
            cost: crate::cost::CostEstimate::empty(),
            cost_changes: Vec::new(),
            analysis: Analysis::default(),
            spof_view: false,
            spof_cells: Default::default(),
            path_scroll: 0,
            probe: Default::default(),
            request: Default::default(),
            family: Default::default(),
            narration_scroll: 0,
            topo_follow: true,
            overlay: None,
            flow_action: None,
            pending_edit: None,
            import_warnings: Vec::new(),
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
            topology: Default::default(),
            input_back: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            version: 0,
            next_version: 1,
            saved_version: 0,
        };
        app.trace = app.evaluate_selected();
        app.analyse();
        app.cost_inputs = crate::cost::CostInputs::for_model(&app.model);
        app.cost = app.estimate_cost();
        app.status = Some((StatusKind::Info, app.opening_status()));
        // Made with the model, as the first frame would: an edit that keeps its parts keeps it.
        app.topology_summary();
        app
    }

    /// Per subnet its instances and interface endpoint ENIs, per AZ its subnets: made once per
    /// model (the one kept while the model parts it reads are the same), not once per frame.
    pub fn topology_summary(&self) -> std::sync::Arc<TopologySummary> {
        self.topology.get(&self.model)
    }

    /// Switch the language; the opening status line is said again in it.
    pub fn set_lang(&mut self, lang: crate::i18n::Lang) {
        self.lang = lang;
        if self.undo.is_empty() && self.lesson.is_none() {
            self.status = Some((StatusKind::Info, self.opening_status()));
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

    /// One message in, the state updated. Never panics on any message in any state.
    pub fn update(&mut self, msg: Msg) {
        if let Msg::Resize(w, h) = msg {
            self.size = (w, h);
            return;
        }
        // Over a list or a help page the wheel scrolls it, wherever the pointer is.
        let msg = match (msg, self.overlay.is_some()) {
            (Msg::WheelDown(..), true) => Msg::Down,
            (Msg::WheelUp(..), true) => Msg::Up,
            _ => msg,
        };
        match self.overlay.take() {
            Some(Overlay::Picker(p)) => return self.update_picker(p, msg),
            Some(Overlay::Input(i)) => return self.update_input(i, msg),
            Some(Overlay::ConfirmQuit) => return self.update_confirm_quit(msg),
            Some(
                list @ (Overlay::Help { .. } | Overlay::Flips { .. } | Overlay::Warnings { .. }),
            ) => {
                let scroll = list.list_scroll().unwrap_or(0);
                if let Some(scroll) = self.scroll_overlay(scroll, msg) {
                    self.overlay = Some(list.scrolled(scroll));
                    let max = crate::ui::overlay_max_scroll(self);
                    self.overlay = Some(list.scrolled(scroll.min(max)));
                }
                return;
            }
            Some(Overlay::Fixes { selected, scroll }) => {
                return self.update_fixes(selected, scroll, msg);
            }
            None => {}
        }
        self.update_main(msg);
    }

    /// A key in the help or the flipped-cells list: the new scroll, or `None` when it closes.
    fn scroll_overlay(&mut self, scroll: u16, msg: Msg) -> Option<u16> {
        let page = self.size.1.saturating_sub(6).max(1);
        let next = match msg {
            Msg::Down | Msg::PathDown => scroll.saturating_add(1),
            Msg::Up | Msg::PathUp => scroll.saturating_sub(1),
            Msg::PageDown => scroll.saturating_add(page),
            Msg::PageUp => scroll.saturating_sub(page),
            Msg::Home => 0,
            Msg::End => u16::MAX,
            Msg::ForceQuit => {
                self.quit = true;
                return None;
            }
            _ => return None,
        };
        Some(next)
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
                    tf(self.lang, "ui-path-2", &[&self.path_label()]),
                ));
            }
            Msg::NarrationDown => self.narration_scroll = self.narration_scroll.saturating_add(1),
            Msg::NarrationUp => self.narration_scroll = self.narration_scroll.saturating_sub(1),
            Msg::WheelDown(x, y) => self.wheel(x, y, true),
            Msg::WheelUp(x, y) => self.wheel(x, y, false),
            Msg::PathDown => self.path_scroll = self.path_scroll.saturating_add(1),
            Msg::PathUp => self.path_scroll = self.path_scroll.saturating_sub(1),
            Msg::PathPageDown => {
                self.path_scroll = self.path_scroll.saturating_add(self.path_page())
            }
            Msg::PathPageUp => self.path_scroll = self.path_scroll.saturating_sub(self.path_page()),
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
            Msg::EditMenu => {
                self.flow_action = None;
                self.pending_edit = None;
                self.overlay = Some(Overlay::Picker(flows::edit_menu(self)));
            }
            Msg::Undo => self.undo(),
            Msg::Redo => self.redo(),
            Msg::Reset => self.reset(),
            Msg::Save => self.save(),
            Msg::SaveAs => self.overlay = Some(Overlay::Input(flows::save_as_input(self))),
            Msg::ShowWarnings => self.show_warnings(),
            Msg::Fixes => self.open_fixes(),
            Msg::ToggleSpof => self.toggle_spof(),
            Msg::CycleFamily => self.cycle_family(),
            Msg::ShowFlips => {
                if self.verdict_hidden() {
                    // The list names verdicts: it would answer the open question.
                    self.status = Some((
                        StatusKind::Info,
                        t(self.lang, "ui-answer-first-then-c-lists").into(),
                    ));
                } else if self.change.as_ref().is_some_and(|c| !c.flips.is_empty()) {
                    self.overlay = Some(Overlay::Flips { scroll: 0 });
                } else {
                    self.status = Some((
                        StatusKind::Info,
                        t(self.lang, "ui-last-change-flipped-no-matrix-cell").into(),
                    ));
                }
            }
            _ => {}
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

/// "reachable via gateway_endpoint", "blocked (no_route)": a verdict in a few words, for the
/// tests to compare (the screen uses `i18n::verdict_words`).
#[cfg(test)]
pub fn verdict_words(v: &crate::eval::Verdict) -> String {
    use crate::eval::Verdict;
    match v {
        Verdict::Reachable { via, .. } => format!("reachable via {}", via.code()),
        Verdict::Partial => "partial".into(),
        Verdict::Blocked(r) => format!("blocked ({})", r.code()),
        Verdict::LeavesVpc { target } => format!("leaves the VPC via {target}"),
        Verdict::Unavailable(r) => format!("unavailable ({})", r.code()),
        Verdict::NotModelled(r) => format!("not modelled ({})", r.code()),
    }
}

#[cfg(test)]
mod fixes_tests;
#[cfg(test)]
mod flow_tests;
#[cfg(test)]
mod flow_tests_network;
#[cfg(test)]
pub(crate) mod tests;
