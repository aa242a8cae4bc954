//! `evaluate_all`: every instance × every catalogue service. Instances that share a subnet and
//! public-IP state share every path, so each such class is evaluated once, without sentences.

use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{Model, WhatIf};

use super::path::{Ctx, Source, evaluate_service, workload_verdict};
use super::trace::Verdict;

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
    // Classes: instances that share a subnet and public-IP state share every path.
    let mut classes: HashMap<(usize, bool), usize> = HashMap::new();
    let mut class_keys: Vec<(usize, bool)> = Vec::new();
    let row_class: Vec<usize> = scenario
        .instances
        .iter()
        .map(|inst| {
            let key = (
                model.subnet_index(&inst.subnet).unwrap_or(0),
                inst.public_ip,
            );
            *classes.entry(key).or_insert_with(|| {
                class_keys.push(key);
                class_keys.len() - 1
            })
        })
        .collect();

    // Classes are independent: split them over the cores.
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(class_keys.len().div_ceil(32))
        .max(1);
    let chunk = class_keys.len().div_ceil(threads).max(1);
    let class_rows: Vec<Arc<[MatrixCell]>> = std::thread::scope(|scope| {
        let handles: Vec<_> = class_keys
            .chunks(chunk)
            .map(|keys| {
                let failed = failed.clone();
                scope.spawn(move || {
                    let mut ctx = Ctx {
                        model,
                        failed,
                        detail: false,
                        notes: Vec::new(),
                        aim: Default::default(),
                    };
                    keys.iter()
                        .map(|&(subnet, public_ip)| class_row(&mut ctx, subnet, public_ip))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });

    Matrix {
        services: services.iter().map(|s| s.name.clone()).collect(),
        workloads: model
            .workloads()
            .iter()
            .map(|w| format!("workload:{}", w.name))
            .collect(),
        instances: scenario.instances.iter().map(|i| i.id.clone()).collect(),
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
        label: String::new(),
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
            Verdict::Blocked(super::trace::Reason::WorkloadPartFailed)
        };
        row.push(MatrixCell { verdict });
    }
    row.into()
}
