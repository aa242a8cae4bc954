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
    let mut classes: HashMap<(usize, bool), usize> = HashMap::new();
    let mut class_rows: Vec<Arc<[MatrixCell]>> = Vec::new();
    let mut row_class = Vec::with_capacity(scenario.instances.len());
    let mut ctx = Ctx {
        model,
        failed,
        detail: false,
        notes: Vec::new(),
        aim: Default::default(),
    };
    for inst in &scenario.instances {
        let subnet = model.subnet_index(&inst.subnet).unwrap_or(0);
        let key = (subnet, inst.public_ip);
        let class = *classes.entry(key).or_insert_with(|| {
            let source = Source {
                label: String::new(),
                subnet,
                public_ip: inst.public_ip,
            };
            let mut row: Vec<MatrixCell> = (0..services.len())
                .map(|s| MatrixCell {
                    verdict: evaluate_service(&mut ctx, &source, s).verdict,
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
            class_rows.push(row.into());
            class_rows.len() - 1
        });
        row_class.push(class);
    }
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
            .map(|c| class_rows[c].clone())
            .collect(),
    }
}
