//! `evaluate_all`: every instance × every catalogue service. Instances that share a subnet and
//! public-IP state share every path, so each such class is evaluated once, without sentences.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::model::{Model, WhatIf, cores};

use super::ctx::{Ctx, Source};
use super::evaluate::{evaluate_service, workload_verdict};
use super::facts::{Id, Origin, Verdict};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Service names: the first columns.
    pub services: Vec<String>,
    /// Workload names: the columns after the services.
    pub workloads: Vec<String>,
    /// Instance ids, the rows.
    pub instances: Vec<String>,
    /// `cells[row][column]`, services first, then workloads. Rows of instances that share a
    /// subnet and public-IP state share one allocation.
    pub cells: Vec<Arc<[MatrixCell]>>,
}

impl Matrix {
    pub fn cell(&self, instance: usize, service: usize) -> Option<&MatrixCell> {
        self.cells.get(instance)?.get(service)
    }
}

/// Instances grouped by what decides their paths: instances that share a subnet and public-IP
/// state share every path, so the matrix evaluates each such class once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classes {
    /// Per class, (subnet index, public IP), in order of first appearance.
    pub keys: Vec<(usize, bool)>,
    /// Per instance (matrix row), its class.
    pub row_class: Vec<u32>,
    /// Per class, its first instance: the one whose full trace stands for the class.
    pub first_row: Vec<usize>,
}

/// The classes of the model's instances.
pub fn classes(model: &Model) -> Classes {
    let scenario = model.scenario();
    // A class is found by its slot (subnet, public IP), numbered in order of first appearance.
    let mut class_of: Vec<u32> = vec![u32::MAX; 2 * scenario.subnets.len().max(1)];
    let mut keys: Vec<(usize, bool)> = Vec::new();
    let mut first_row = Vec::new();
    let row_class = scenario
        .instances
        .iter()
        .zip(model.instance_subnet.iter())
        .enumerate()
        .map(|(row, (inst, &subnet))| {
            let slot = &mut class_of[2 * subnet + usize::from(inst.public_ip)];
            if *slot == u32::MAX {
                *slot = keys.len() as u32;
                keys.push((subnet, inst.public_ip));
                first_row.push(row);
            }
            *slot
        })
        .collect();
    Classes {
        keys,
        row_class,
        first_row,
    }
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

/// One row of verdicts per class (services, then workloads), the classes shared out over the
/// cores.
pub fn evaluate_classes(
    model: &Model,
    what_if: &WhatIf,
    keys: &[(usize, bool)],
) -> Vec<Arc<[MatrixCell]>> {
    let failed = model.failed_azs(what_if);
    // Classes are independent: every thread takes the next class from one counter until none
    // is left, so none waits for another whose classes cost more.
    let threads = cores().min(keys.len().div_ceil(32)).max(1);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut ctx = Ctx {
            model,
            failed: failed.clone(),
            detail: false,
            notes: Vec::new(),
            aim: Default::default(),
        };
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(&(subnet, public_ip)) = keys.get(k) else {
                return done;
            };
            done.push((k, class_row(&mut ctx, subnet, public_ip)));
        }
    };
    let rows = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut rows: Vec<Option<Arc<[MatrixCell]>>> = vec![None; keys.len()];
        let mine = work();
        let theirs = helpers
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        for (k, row) in mine.into_iter().chain(theirs) {
            rows[k] = Some(row);
        }
        rows
    });
    rows.into_iter()
        .map(|row| row.expect("every class evaluated"))
        .collect()
}

pub fn evaluate_all(model: &Model, what_if: &WhatIf) -> Matrix {
    let classes = classes(model);
    let class_rows = evaluate_classes(model, what_if, &classes.keys);
    let (services, workloads) = columns(model);
    Matrix {
        services,
        workloads,
        instances: model
            .scenario()
            .instances
            .iter()
            .map(|i| i.id.clone())
            .collect(),
        cells: classes
            .row_class
            .iter()
            .map(|&c| Arc::clone(&class_rows[c as usize]))
            .collect(),
    }
}

/// Every service, then every workload, for one class of sources.
fn class_row(ctx: &mut Ctx<'_>, subnet: usize, public_ip: bool) -> Arc<[MatrixCell]> {
    let model = ctx.model;
    let services = model.services();
    let source = Source {
        origin: Origin::Subnet {
            id: Id::default(),
            public_ip,
        },
        subnet,
        public_ip,
        address: model.scenario().subnets[subnet].cidr,
    };
    let mut row: Vec<MatrixCell> = (0..services.len())
        .map(|s| MatrixCell {
            verdict: evaluate_service(ctx, &source, s).verdict,
        })
        .collect();
    // A workload's verdict follows from its parts' cells: no second evaluation.
    for w in model.workloads() {
        let parts: Vec<&Verdict> = w
            .services
            .iter()
            .filter_map(|name| services.iter().position(|s| &s.name == name))
            .map(|i| &row[i].verdict)
            .collect();
        let verdict = if parts.len() == w.services.len() {
            workload_verdict(parts.into_iter())
        } else {
            Verdict::Blocked(super::facts::Reason::WorkloadPartFailed)
        };
        row.push(MatrixCell { verdict });
    }
    row.into()
}
