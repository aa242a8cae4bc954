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

pub fn evaluate_all(model: &Model, what_if: &WhatIf) -> Matrix {
    let failed = model.failed_azs(what_if);
    let scenario = model.scenario();
    let services = model.services();
    // Classes: instances that share a subnet and public-IP state share every path. A class is
    // found by its slot (subnet, public IP), numbered in order of first appearance.
    let mut class_of: Vec<usize> = vec![usize::MAX; 2 * scenario.subnets.len().max(1)];
    let mut class_keys: Vec<(usize, bool)> = Vec::new();
    let row_class: Vec<usize> = scenario
        .instances
        .iter()
        .zip(model.instance_subnet.iter())
        .map(|(inst, &subnet)| {
            let slot = &mut class_of[2 * subnet + usize::from(inst.public_ip)];
            if *slot == usize::MAX {
                *slot = class_keys.len();
                class_keys.push((subnet, inst.public_ip));
            }
            *slot
        })
        .collect();

    // Classes are independent: every thread takes the next class from one counter until none
    // is left, so none waits for another whose classes cost more.
    let threads = cores().min(class_keys.len().div_ceil(32)).max(1);
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
            let Some(&(subnet, public_ip)) = class_keys.get(k) else {
                return done;
            };
            done.push((k, class_row(&mut ctx, subnet, public_ip)));
        }
    };
    let (instances, class_rows) = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        // The row names are copied here while the helpers start on the classes.
        let instances: Vec<String> = scenario.instances.iter().map(|i| i.id.clone()).collect();
        let mut rows: Vec<Option<Arc<[MatrixCell]>>> = vec![None; class_keys.len()];
        let mine = work();
        let theirs = helpers
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        for (k, row) in mine.into_iter().chain(theirs) {
            rows[k] = Some(row);
        }
        (instances, rows)
    });
    let class_rows: Vec<Arc<[MatrixCell]>> = class_rows
        .into_iter()
        .map(|row| row.expect("every class evaluated"))
        .collect();

    Matrix {
        services: services.iter().map(|s| s.name.clone()).collect(),
        workloads: model
            .workloads()
            .iter()
            .map(|w| format!("workload:{}", w.name))
            .collect(),
        instances,
        cells: row_class
            .into_iter()
            .map(|c| Arc::clone(&class_rows[c]))
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
