//! Choosing what the path panel shows: the source and target lists, the selected pair, the
//! matrix cursor, paging, and the what-if AZ toggles.

use super::{App, Msg, SourceItem, SourceKind, StatusKind, Tab, TargetItem, TargetKind};
use crate::eval::{self, PathTrace, Query, QueryError};
use crate::model::{Edit, Model};

impl App {
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
                .map(|s| s.shown(self.lang))
                .unwrap_or_else(|| "?".into()),
            self.selected_target()
                .map(|t| t.label.as_str())
                .unwrap_or("?")
        )
    }

    /// The traffic the path asks about (`tcp/443`), when it matters: the model has security
    /// groups or network ACLs, or the user chose other traffic.
    pub fn probe_label(&self) -> Option<String> {
        let sec = self.model.security();
        (sec.groups_on || sec.acls_on || self.probe != Default::default())
            .then(|| super::flows::probe_text(self.probe))
    }

    /// The IP version the path asks about, when it is not IPv4 (the default).
    pub fn family_label(&self) -> Option<String> {
        use crate::eval::Family;
        match self.family {
            Family::Ipv4 => None,
            Family::Ipv6 => Some(crate::explain::m(self.lang, "ipv6-family-ipv6")),
            Family::Auto => Some(crate::i18n::t(self.lang, "ui-path-family-auto").to_string()),
        }
    }

    /// The request the path asks about for policies (`s3:GetObject arn:aws:s3:::logs/a.gz`),
    /// when one is set.
    pub fn request_label(&self) -> Option<String> {
        Some(super::flows::request_text(&self.request)).filter(|s| !s.is_empty())
    }

    pub(super) fn evaluate_selected(&self) -> Result<PathTrace, QueryError> {
        let (Some(s), Some(t)) = (self.selected_source(), self.selected_target()) else {
            return Err(QueryError::UnknownInstance {
                name: "-".into(),
                known: Vec::new(),
            });
        };
        let query = Query::parse(&self.model, &s.query, &t.query, false)
            .with_probe(self.probe)
            .with_request(self.request.clone())
            .with_family(self.family);
        eval::evaluate(&self.model, &self.model.scenario().what_if, &query)
    }

    /// `v`: ask the path and every matrix cell over IPv4, IPv6, or what the client would use.
    pub(super) fn cycle_family(&mut self) {
        use crate::eval::Family;
        self.family = match self.family {
            Family::Ipv4 => Family::Ipv6,
            Family::Ipv6 => Family::Auto,
            Family::Auto => Family::Ipv4,
        };
        self.matrix = crate::eval::evaluate_all_family(
            &self.model,
            &self.model.scenario().what_if,
            self.probe,
            self.family,
        );
        self.reselect();
        let id = match self.family {
            Family::Ipv4 => "ui-family-now-ipv4",
            Family::Ipv6 => "ui-family-now-ipv6",
            Family::Auto => "ui-family-now-auto",
        };
        self.status = Some((StatusKind::Info, crate::i18n::t(self.lang, id).into()));
    }

    /// Ask about other traffic: the path and every matrix cell are evaluated again for it.
    pub(super) fn set_probe(&mut self, probe: crate::eval::Probe) {
        if probe == self.probe && probe == self.matrix.probe {
            return;
        }
        self.probe = probe;
        self.matrix = crate::eval::evaluate_all_family(
            &self.model,
            &self.model.scenario().what_if,
            probe,
            self.family,
        );
        self.reselect();
    }

    pub(super) fn reselect(&mut self) {
        self.trace = self.evaluate_selected();
        self.analyse();
        self.path_scroll = 0;
        self.topo_follow = true;
    }

    pub(super) fn arrow(&mut self, msg: Msg) {
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

    /// A page of the path panel: most of its rows, keeping one line of context.
    pub(super) fn path_page(&self) -> u16 {
        (self.size.1 / 2).saturating_sub(3).max(1)
    }

    pub(super) fn page(&mut self, msg: Msg) {
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
        if self.tab == Tab::Topology && self.topo_follow {
            // Page from where the topology is, not from where it was last scrolled by hand.
            self.scroll[0] = crate::ui::topology_scroll(self) as u16;
            self.topo_follow = false;
        }
        let s = &mut self.scroll[self.tab.index()];
        *s = match msg {
            Msg::PageUp => s.saturating_sub(page),
            Msg::PageDown => s.saturating_add(page),
            Msg::Home => 0,
            _ => u16::MAX / 2,
        };
    }

    /// The mouse wheel at (`x`, `y`): scroll the panel under the pointer, whichever has focus.
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        const LINES: u16 = 3;
        let area = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let at = ratatui::layout::Position { x, y };
        let areas = crate::ui::layout(self, area);
        let nudge = |s: &mut u16| {
            *s = if down {
                s.saturating_add(LINES)
            } else {
                s.saturating_sub(LINES)
            }
        };
        if areas.narration.is_some_and(|r| r.contains(at)) {
            nudge(&mut self.narration_scroll);
            return;
        }
        if areas.path.contains(at) {
            nudge(&mut self.path_scroll);
            return;
        }
        let Some(tab) = areas
            .panels
            .iter()
            .find(|(_, r)| r.contains(at))
            .map(|(t, _)| *t)
        else {
            return;
        };
        match tab {
            Tab::Matrix => {
                let (row, col) = self.matrix_cursor().unwrap_or((0, 0));
                let last = self.matrix.instances.len().saturating_sub(1);
                let row = if down {
                    (row + 1).min(last)
                } else {
                    row.saturating_sub(1)
                };
                self.select_cell(row, col);
            }
            Tab::Topology => {
                if self.topo_follow {
                    self.scroll[0] = crate::ui::topology_scroll(self) as u16;
                    self.topo_follow = false;
                }
                nudge(&mut self.scroll[0]);
            }
            tab => nudge(&mut self.scroll[tab.index()]),
        }
    }

    pub(super) fn step_source(&mut self, delta: isize) {
        if self.sources.is_empty() {
            return;
        }
        self.source = step(self.source, delta, self.sources.len());
        self.reselect();
    }

    pub(super) fn step_target(&mut self, delta: isize) {
        if self.targets.is_empty() {
            return;
        }
        self.target = step(self.target, delta, self.targets.len());
        self.reselect();
    }

    pub(super) fn select_cell(&mut self, row: usize, col: usize) {
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

    pub(super) fn toggle_az(&mut self, i: usize) {
        let Some(az) = self.model.scenario().availability_zones.get(i) else {
            self.status = Some((
                StatusKind::Error,
                crate::explain::msg(
                    self.lang,
                    "ui-no-such-az",
                    crate::explain::args()
                        .n("azs", self.model.scenario().availability_zones.len())
                        .n("key", i + 1),
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
}

pub(super) fn step(current: usize, delta: isize, len: usize) -> usize {
    (current as isize + delta).rem_euclid(len as isize) as usize
}

/// Instances first (by name when they have one), then every subnet as a hypothetical instance.
pub(super) fn sources_of(model: &Model) -> Vec<SourceItem> {
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
        label: sub.name.clone().unwrap_or_else(|| sub.id.clone()),
        query: sub.id.clone(),
        kind: SourceKind::Subnet(i),
    }));
    out
}

/// The S3 Express One Zone directory buckets the scenario's expectations and lesson name: the
/// target list offers them (as typed targets), since the catalogue has no entry per bucket.
pub(super) fn named_buckets(model: &Model) -> Vec<TargetItem> {
    let s = model.scenario();
    let named = s.expect.iter().map(|e| e.to.as_str()).chain(
        s.lesson
            .iter()
            .flat_map(|l| l.steps.iter().map(|step| step.to.as_str())),
    );
    let mut out: Vec<TargetItem> = Vec::new();
    for to in named {
        if crate::model::directory_bucket_zone(to).is_some() && !out.iter().any(|t| t.query == to) {
            out.push(TargetItem {
                label: to.to_string(),
                query: to.to_string(),
                kind: TargetKind::Typed,
            });
        }
    }
    out
}

/// The matrix's columns, in its order: services, then workloads.
pub(super) fn targets_of(model: &Model) -> Vec<TargetItem> {
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
