//! `evaluate_all`: every instance × every catalogue service. Instances that share a subnet and
//! public-IP state share every path, so each such class is evaluated once, without sentences.
//!
//! This file holds the matrix itself and its full evaluation; the parts live beside it:
//! [`classes`] (instances grouped into classes by what decides their paths), `rows` (a class's
//! row and traces: the walks, shared out over the cores) and `memo` (what a matrix keeps for the
//! next edit, and [`evaluate_all_after`], which evaluates again only what the edit touched).

use std::sync::Arc;

use crate::model::{Model, Shared, WhatIf};

use super::ctx::{Ctx, Deps, Source};
use super::facts::Verdict;
use super::query::Probe;

mod after_endpoints;
mod change;
mod changed;
mod classes;
mod classes_cache;
mod family;
mod ipv6;
mod ipv6_after;
mod memo;
mod regions;
mod rows;
mod shared_rows;
use after_endpoints::after_interface_endpoints;
use change::Change;
pub use change::{Answered, EndpointMoves, Plan, Planned, Touched, WalkDeps};
pub use changed::ChangedColumns;
pub use classes::{ClassKey, Classes, classes, classes_afresh};
pub use family::{class_families, evaluate_family};
pub use ipv6::{FamilyRows, family_rows, trace_family};
pub use memo::evaluate_all_after;
use memo::{Memo, instance_ids};
use regions::AddressRegions;
use rows::{
    cell_verdict, class_row, class_source, class_trace, evaluate_rows, service_column,
    with_workloads,
};
pub use rows::{evaluate_class, evaluate_classes};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    pub verdict: Verdict,
}

#[derive(Debug, Clone)]
pub struct Matrix {
    /// Service names: the first columns.
    pub services: Vec<String>,
    /// Workload names: the columns after the services.
    pub workloads: Vec<String>,
    /// Instance ids, the rows (shared with the matrix before an edit that kept them).
    pub instances: Shared<String>,
    /// `cells[row][column]`, services first, then workloads. Rows of instances that share a
    /// subnet and public-IP state share one allocation.
    pub cells: Vec<Arc<[MatrixCell]>>,
    /// The layers the verdicts did not evaluate ([`super::facts::unchecked`]).
    pub unchecked: crate::model::Unchecked,
    /// The traffic every cell asks about (security groups and network ACLs check it): TCP 443
    /// unless [`evaluate_all_for`] was given other traffic; [`evaluate_all_after`] keeps it.
    pub probe: Probe,
    /// The IP version every cell asks ([`evaluate_all_family`]); IPv4 unless asked.
    pub family: super::query::Family,
    /// Per row, the IP version each cell took; `None` for an IPv4 matrix (every cell IPv4).
    pub families: Option<Vec<Arc<[super::facts::IpFamily]>>>,
    /// What [`evaluate_all_after`] needs to evaluate again only what an edit touched.
    memo: Option<Arc<Memo>>,
    /// The same for a matrix asked with a family ([`ipv6_after`]).
    family_memo: Option<Arc<ipv6_after::FamilyMemo>>,
}

impl PartialEq for Matrix {
    fn eq(&self, other: &Matrix) -> bool {
        self.services == other.services
            && self.workloads == other.workloads
            && self.instances == other.instances
            && self.cells == other.cells
            && self.probe == other.probe
            && self.family == other.family
            && self.families == other.families
    }
}

impl Eq for Matrix {}

impl Matrix {
    pub fn cell(&self, instance: usize, service: usize) -> Option<&MatrixCell> {
        self.cells.get(instance)?.get(service)
    }

    /// The IP version a cell's path took.
    pub fn cell_family(&self, instance: usize, column: usize) -> super::facts::IpFamily {
        self.families
            .as_ref()
            .and_then(|f| f.get(instance)?.get(column).copied())
            .unwrap_or(super::facts::IpFamily::Ipv4)
    }

    /// Every distinct row, each once or a few times: the rows of the classes when the matrix
    /// knows them (a few thousand at 4x the quota model, whose 40,000 rows share them), every
    /// row otherwise.
    pub fn distinct_rows(&self) -> &[Arc<[MatrixCell]>] {
        match &self.memo {
            Some(m) => &m.rows,
            None => &self.cells,
        }
    }

    /// Per row, its class when the matrix knows them: rows of one class share their cells
    /// (one allocation), so what is worked out for one row's cells holds for its class's.
    pub fn row_classes(&self) -> Option<&[u32]> {
        self.memo.as_ref().map(|m| m.row_class.as_slice())
    }
}

/// Every instance to every service and workload with the IP version `family` asks: the IPv4
/// matrix ([`evaluate_all_for`]) for IPv4, else each cell as [`super::evaluate`] gives the
/// instance's query with that family ([`family_rows`]).
pub fn evaluate_all_family(
    model: &Model,
    what_if: &WhatIf,
    probe: Probe,
    family: super::query::Family,
) -> Matrix {
    if family == super::query::Family::Ipv4 {
        return evaluate_all_for(model, what_if, probe);
    }
    let failed = model.failed_azs(what_if);
    let r = family_rows(model, &failed, probe, family);
    ipv6_after::family_matrix(model, failed, probe, family, r)
}

/// The matrix's column names: services, then `workload:NAME` for each workload.
pub fn columns(model: &Model) -> (Vec<String>, Vec<String>) {
    (
        model.services().iter().map(|s| s.name.clone()).collect(),
        model
            .workloads()
            .iter()
            .map(|w| format!("workload:{}", w.name))
            .collect(),
    )
}

/// Every source class to every service and workload, for HTTPS (TCP 443).
pub fn evaluate_all(model: &Model, what_if: &WhatIf) -> Matrix {
    evaluate_all_for(model, what_if, Probe::default())
}

/// [`evaluate_all`] for other traffic (`udp/53`): what security groups and network ACLs check.
pub fn evaluate_all_for(model: &Model, what_if: &WhatIf, probe: Probe) -> Matrix {
    let failed = model.failed_azs(what_if);
    let classes = classes(model);
    let rows = evaluate_rows(model, &failed, &classes.keys, true, probe);
    let (mut rows, deps): (Vec<_>, _) = rows.into_iter().unzip();
    // Equal rows one allocation: what later edits and the flipped cells work out per row.
    shared_rows::share_equal(&mut rows);
    let instances = model
        .scenario()
        .instances
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assemble(model, failed, classes, rows, deps, instances, probe)
}

fn assemble(
    model: &Model,
    failed: Vec<bool>,
    classes: Classes,
    rows: Vec<Arc<[MatrixCell]>>,
    deps: Vec<Arc<Deps>>,
    instances: Shared<String>,
    probe: Probe,
) -> Matrix {
    let (services, workloads) = columns(model);
    Matrix {
        unchecked: super::facts::unchecked(model),
        probe,
        family: Default::default(),
        families: None,
        family_memo: None,
        services,
        workloads,
        instances,
        cells: classes
            .row_class
            .iter()
            .map(|&c| Arc::clone(&rows[c as usize]))
            .collect(),
        memo: Some(Arc::new(Memo {
            model: model.clone(),
            failed,
            keys: classes.keys,
            rows,
            row_class: classes.row_class,
            deps,
            since: None,
        })),
    }
}
