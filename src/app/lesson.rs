//! Lesson mode: `n` / `p` step through the scenario's lesson. Each step's model was computed from
//! the file as loaded ([`crate::lesson::stages`]), so stepping back restores exactly the earlier
//! state. At a question the verdict stays hidden until the user answers (predict, then reveal).

use crate::i18n::{t, tf};
use crate::lesson::{Stage, stages};
use crate::model::Edit;

use super::{App, Msg, Overlay, StatusKind, TargetItem, TargetKind, What, flows};

#[derive(Debug, Clone)]
pub struct LessonMode {
    pub stages: Vec<Stage>,
    pub step: usize,
    /// Predict-then-reveal on; off shows every verdict at once.
    pub quiz: bool,
    /// Per step: the user's answer was right (`Some(true)`), wrong, or not given.
    pub answers: Vec<Option<bool>>,
    /// Per step: its "how would you fix it?" has been revealed (`f`).
    pub fixes_revealed: Vec<bool>,
}

impl LessonMode {
    /// (right, answered).
    pub fn score(&self) -> (usize, usize) {
        let answered = self.answers.iter().flatten().count();
        let right = self.answers.iter().flatten().filter(|a| **a).count();
        (right, answered)
    }
}

/// Ids an edit names: the topology marks them as changed by the step.
pub fn edit_ids(edit: &Edit) -> Vec<String> {
    match edit {
        Edit::AssociateSubnet {
            subnet,
            route_table,
            ..
        } => {
            let mut v = vec![subnet.clone()];
            v.extend(route_table.clone());
            v
        }
        Edit::SetMainRouteTable { route_table }
        | Edit::AddRoute { route_table, .. }
        | Edit::ReplaceRoute { route_table, .. }
        | Edit::DeleteRoute { route_table, .. }
        | Edit::AddIpv6Route { route_table, .. }
        | Edit::ReplaceIpv6Route { route_table, .. }
        | Edit::DeleteIpv6Route { route_table, .. } => vec![route_table.clone()],
        Edit::AddGatewayEndpoint { endpoint, .. } => {
            let mut v = vec![endpoint.id.clone()];
            v.extend(endpoint.route_tables.iter().cloned());
            v
        }
        Edit::AttachGatewayEndpoint {
            endpoint,
            route_table,
            ..
        }
        | Edit::DetachGatewayEndpoint {
            endpoint,
            route_table,
        } => vec![endpoint.clone(), route_table.clone()],
        Edit::AddInterfaceEndpoint { endpoint, .. } => vec![endpoint.id.clone()],
        Edit::AddEndpointSubnet {
            endpoint, subnet, ..
        } => vec![endpoint.clone(), subnet.subnet.clone()],
        Edit::RemoveEndpointSubnet { endpoint, subnet } => vec![endpoint.clone(), subnet.clone()],
        Edit::DeleteGatewayEndpoint { id }
        | Edit::DeleteInterfaceEndpoint { id }
        | Edit::DeleteNatGateway { id } => vec![id.clone()],
        Edit::SetPrivateDns { endpoint, .. }
        | Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { endpoint, .. }
        | Edit::SetGwlbAppliancesUp { endpoint, .. } => vec![endpoint.clone()],
        Edit::AddNatGateway { nat_gateway, .. } => vec![nat_gateway.id.clone()],
        Edit::SetInstancePublicIp { instance, .. } => vec![instance.clone()],
        Edit::FailAz { az } | Edit::RestoreAz { az } => vec![az.clone()],
        Edit::AssociateGateway {
            route_table,
            gateway,
            ..
        }
        | Edit::DisassociateGateway {
            route_table,
            gateway,
        } => vec![route_table.clone(), gateway.clone()],
        Edit::Batch(edits) => edits.iter().flat_map(edit_ids).collect(),
        _ => Vec::new(),
    }
}

/// How a lesson step changed a thing on screen: the topology marks additions `✚` and
/// removals `−`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeMark {
    Added,
    Removed,
}

/// What an edit changed, exactly: ids, and `endpoint@subnet` for one interface endpoint ENI
/// (adding a subnet marks that ENI, not every ENI of the endpoint). Detaching or deleting marks
/// what lost something as a removal.
pub fn edit_marks(edit: &Edit) -> Vec<(String, ChangeMark)> {
    use ChangeMark::{Added, Removed};
    let all = |ids: Vec<String>, m: ChangeMark| ids.into_iter().map(move |i| (i, m));
    match edit {
        Edit::AddEndpointSubnet {
            endpoint, subnet, ..
        } => vec![(format!("{endpoint}@{}", subnet.subnet), Added)],
        Edit::RemoveEndpointSubnet { subnet, .. } => vec![(subnet.clone(), Removed)],
        Edit::DetachGatewayEndpoint {
            endpoint,
            route_table,
        } => vec![(endpoint.clone(), Removed), (route_table.clone(), Removed)],
        Edit::DeleteRoute { route_table, .. } | Edit::DeleteIpv6Route { route_table, .. } => {
            vec![(route_table.clone(), Removed)]
        }
        Edit::DisassociateGateway {
            route_table,
            gateway,
        } => vec![(route_table.clone(), Removed), (gateway.clone(), Removed)],
        Edit::DeleteGatewayEndpoint { id }
        | Edit::DeleteInterfaceEndpoint { id }
        | Edit::DeleteNatGateway { id } => vec![(id.clone(), Removed)],
        Edit::Batch(edits) => edits.iter().flat_map(edit_marks).collect(),
        other => all(edit_ids(other), Added).collect(),
    }
}

impl App {
    /// What the current lesson step changed, with how (see [`edit_marks`]).
    pub fn step_changes(&self) -> std::collections::HashMap<String, ChangeMark> {
        let mut out = std::collections::HashMap::new();
        if let Some((_, step)) = self.lesson_step() {
            for (id, m) in step.edits.iter().flat_map(edit_marks) {
                // Added wins over removed: an edit that moves something marks where it went.
                let e = out.entry(id).or_insert(m);
                if m == ChangeMark::Added {
                    *e = m;
                }
            }
        }
        out
    }

    /// The model the current lesson step started from: the previous step's, or the file's.
    pub fn step_before(&self) -> Option<&crate::model::Model> {
        let mode = self.lesson.as_ref()?;
        Some(match mode.step {
            0 => &self.lesson_source,
            n => &mode.stages.get(n - 1)?.model,
        })
    }

    /// The lesson step being shown, when a lesson is on.
    /// In a lesson, the route table its step is about: the one the step names (`route_table`),
    /// else the one its source's subnet uses (explicitly or as the main table).
    pub fn lesson_table(&self) -> Option<usize> {
        let (_, step) = self.lesson_step()?;
        if let Some(t) = &step.route_table {
            return self.model.table_index(t);
        }
        let s = self.model.scenario();
        let subnet = match crate::eval::Query::parse(&self.model, &step.from, &step.to, false).from
        {
            crate::eval::From::Instance(i) => self
                .model
                .instance_index(&i)
                .map(|k| s.instances[k].subnet.clone()),
            crate::eval::From::Subnet { subnet, .. } => Some(subnet),
            crate::eval::From::Address(ip) => s
                .subnets
                .iter()
                .find(|n| n.cidr.is_some_and(|c| c.contains(&ip)))
                .map(|n| n.id.clone()),
            crate::eval::From::Address6(ip) => s
                .subnets
                .iter()
                .find(|n| n.ipv6_cidr.is_some_and(|c| c.contains(&ip)))
                .map(|n| n.id.clone()),
        }?;
        let k = self.model.subnet_index(&subnet)?;
        Some(self.model.subnet_route_table(k).0)
    }

    pub fn lesson_step(&self) -> Option<(&LessonMode, &crate::model::LessonStep)> {
        let mode = self.lesson.as_ref()?;
        let lesson = self.lesson_source.scenario().lesson.as_ref()?;
        Some((mode, lesson.steps.get(mode.step)?))
    }

    /// At a question not yet answered, with quiz mode on: the verdict is hidden.
    pub fn verdict_hidden(&self) -> bool {
        match self.lesson_step() {
            Some((mode, step)) => {
                mode.quiz && step.question.is_some() && mode.answers[mode.step].is_none()
            }
            None => false,
        }
    }

    /// The selected path's hops, its parts' included, as the panels may show them: none while
    /// the verdict is hidden (the path would give the answer away) or when there is no path.
    pub fn shown_hops(&self) -> impl Iterator<Item = &crate::eval::Hop> {
        let trace = match &self.trace {
            Ok(t) if !self.verdict_hidden() => Some(t),
            _ => None,
        };
        trace.into_iter().flat_map(|t| {
            t.hops
                .iter()
                .chain(t.parts.iter().flat_map(|p| p.hops.iter()))
        })
    }

    /// The step's "how would you fix it?", while it waits for `f` (quiz mode on, and any
    /// reachable-or-not question answered first).
    pub fn fix_question_open(&self) -> Option<&crate::model::Text> {
        let (mode, step) = self.lesson_step()?;
        let q = step.fix_question.as_ref()?;
        let revealed = mode.fixes_revealed.get(mode.step).copied().unwrap_or(true);
        (mode.quiz && !revealed && !self.verdict_hidden()).then_some(q)
    }

    /// `f` at a step that asks how to fix its path: the answer is revealed.
    pub(super) fn reveal_fix_question(&mut self) {
        if let Some(m) = self.lesson.as_mut()
            && let Some(r) = m.fixes_revealed.get_mut(m.step)
        {
            *r = true;
        }
    }

    /// Ids the current lesson step changed.
    pub fn step_changed_ids(&self) -> Vec<String> {
        match self.lesson_step() {
            Some((_, step)) => step.edits.iter().flat_map(edit_ids).collect(),
            None => Vec::new(),
        }
    }

    /// Open the lesson at a step (0-based). Errors go to the status line.
    pub fn start_lesson(&mut self, step: usize) {
        if self.lesson.is_none() {
            let source = self.lesson_source.clone();
            match stages(&source) {
                Ok(stages) => {
                    let n = stages.len();
                    self.lesson = Some(LessonMode {
                        stages,
                        step: 0,
                        quiz: true,
                        answers: vec![None; n],
                        fixes_revealed: vec![false; n],
                    });
                }
                Err(e) => {
                    self.status = Some((
                        StatusKind::Error,
                        crate::explain::lesson_error(self.lang, &e),
                    ));
                    return;
                }
            }
        }
        self.go_to_step(step);
    }

    pub(super) fn go_to_step(&mut self, step: usize) {
        let Some(mode) = self.lesson.as_mut() else {
            return;
        };
        if mode.stages.is_empty() {
            return;
        }
        let step = step.min(mode.stages.len() - 1);
        mode.step = step;
        let model = mode.stages[step].model.clone();
        let dropped = self.undo.len();
        self.undo.clear();
        self.redo.clear();
        // A step's state comes from the file, not from the user: nothing to save.
        self.version = self.saved_version;
        self.model = model;
        let Some((_, s)) = self.lesson_step() else {
            return;
        };
        let (from, to, request) = (s.from.clone(), s.to.clone(), s.request());
        let probe = s.probe();
        if let Some(panel) = s.panel {
            use crate::model::LessonPanel as P;
            self.tab = match panel {
                P::Topology => super::Tab::Topology,
                P::RouteTables => super::Tab::RouteTables,
                P::Endpoints => super::Tab::Endpoints,
                P::Matrix => super::Tab::Matrix,
                P::Cost => super::Tab::Cost,
                P::Security => super::Tab::Security,
            };
        }
        // A step's expectation is about its own traffic (the default unless it names one) and
        // its own request.
        if self.probe != probe || self.matrix.probe != probe {
            self.set_probe(probe);
        }
        self.request = request;
        self.select_queries(&from, &to);
        self.narration_scroll = 0;
        self.topo_follow = true;
        self.refresh(None, Err(super::no_trace()), What::Nothing);
        let total = self.lesson.as_ref().map(|m| m.stages.len()).unwrap_or(0);
        let mut line = tf(
            self.lang,
            "ui-lesson-step",
            &[&(step + 1).to_string(), &total.to_string()],
        );
        if dropped > 0 {
            line.push(' ');
            line.push_str(&crate::explain::msg(
                self.lang,
                "ui-lesson-edits-replaced",
                crate::explain::args().n("edits", dropped),
            ));
        }
        if self.verdict_hidden() {
            line.push_str(": ");
            line.push_str(t(self.lang, "ui-predict-answer-then-press"));
        } else if self.fix_question_open().is_some() {
            line.push_str(": ");
            line.push_str(t(self.lang, "ui-fix-question-status"));
        }
        self.status = Some((StatusKind::Info, line));
        self.change = None;
    }

    /// Select the source and target the way `check` reads them (id or name; any destination).
    pub(super) fn select_queries(&mut self, from: &str, to: &str) {
        let s = self.model.scenario();
        let from_id = s
            .instances
            .iter()
            .find(|i| i.id == from || i.name.as_deref() == Some(from))
            .map(|i| i.id.clone())
            .unwrap_or_else(|| from.to_string());
        if let Some(i) = self.sources.iter().position(|x| x.query == from_id) {
            self.source = i;
        }
        match self.targets.iter().position(|t| t.query == to) {
            Some(i) => self.target = i,
            None => {
                self.targets.push(TargetItem {
                    label: to.to_string(),
                    query: to.to_string(),
                    kind: TargetKind::Typed,
                });
                self.target = self.targets.len() - 1;
            }
        }
    }

    pub(super) fn update_lesson(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::NextStep => match &self.lesson {
                None => self.start_lesson(0),
                Some(m) if m.step + 1 < m.stages.len() => self.go_to_step(m.step + 1),
                Some(_) => {
                    self.status = Some((
                        StatusKind::Info,
                        t(self.lang, "ui-last-step-of-lesson").into(),
                    ))
                }
            },
            Msg::PrevStep => match &self.lesson {
                Some(m) if m.step > 0 => self.go_to_step(m.step - 1),
                Some(_) => {
                    self.status = Some((
                        StatusKind::Info,
                        t(self.lang, "ui-first-step-of-lesson").into(),
                    ))
                }
                None => {}
            },
            Msg::AnswerQuestion => {
                if self.verdict_hidden() {
                    self.overlay = Some(Overlay::Picker(flows::answer_picker(self.lang)));
                } else {
                    self.status = Some((
                        StatusKind::Info,
                        t(self.lang, "ui-no-open-question-here").into(),
                    ));
                }
            }
            Msg::ToggleQuiz => {
                if let Some(m) = self.lesson.as_mut() {
                    m.quiz = !m.quiz;
                    let on = m.quiz;
                    self.status = Some((
                        StatusKind::Info,
                        t(
                            self.lang,
                            if on {
                                "ui-quiz-mode-on"
                            } else {
                                "ui-quiz-mode-off"
                            },
                        )
                        .into(),
                    ));
                }
            }
            Msg::ResetScore => {
                if let Some(m) = self.lesson.as_mut() {
                    m.answers.iter_mut().for_each(|a| *a = None);
                    m.fixes_revealed.iter_mut().for_each(|r| *r = false);
                    self.status = Some((StatusKind::Info, t(self.lang, "ui-score-reset").into()));
                }
            }
            Msg::TogglePresenter => self.presenter = !self.presenter,
            _ => return false,
        }
        true
    }

    /// The user's prediction at a question: reveal, and score it.
    pub(super) fn answer(&mut self, reachable: bool) {
        let actual = match &self.trace {
            Ok(t) => t.verdict.is_reachable(),
            Err(_) => false,
        };
        let Some(m) = self.lesson.as_mut() else {
            return;
        };
        let right = actual == reachable;
        m.answers[m.step] = Some(right);
        let (r, n) = m.score();
        let verdict = match &self.trace {
            Ok(tr) => crate::i18n::verdict_words(self.lang, &tr.verdict),
            Err(e) => crate::explain::query_error(self.lang, e),
        };
        let id = if right {
            "ui-right-it-is-score"
        } else {
            "ui-not-quite-it-is-score"
        };
        let mut line = tf(self.lang, id, &[&verdict, &r.to_string(), &n.to_string()]);
        if self.fix_question_open().is_some() {
            line.push(' ');
            line.push_str(t(self.lang, "ui-fix-question-status"));
        }
        self.status = Some((StatusKind::Info, line));
    }
}
