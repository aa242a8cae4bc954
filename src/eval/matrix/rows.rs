//! A class's evaluation: its matrix row (services, then workloads) and what its walks read
//! (`evaluate_rows`, the classes shared out over the cores by family), and its traces for the
//! cost estimate ([`evaluate_class`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::model::{Model, WhatIf, cores};

use super::super::ctx::{Ctx, Deps, Source};
use super::super::evaluate::{evaluate_goal, evaluate_service, resolve_goal, workload_verdict};
use super::super::facts::{Id, Origin, PathTrace, Verdict};
use super::super::query::{Probe, QueryError, To};
use super::{ClassKey, MatrixCell, WalkDeps, family};

/// Traces from one class of sources (a subnet, with or without a public IP) to each of
/// `services` (by name; an unknown one is a [`QueryError`]), and what the walks read: for the
/// cost estimate, which reads the verdicts, the parts with their ranges and the hops' kinds and
/// ids. Those are what [`crate::eval::evaluate`] gives for `From::Subnet`; the hops' facts and AZs,
/// the route decisions and the notes are left out (a hop's fact is a placeholder).
pub fn evaluate_class(
    model: &Model,
    failed: &[bool],
    key: &ClassKey,
    services: &[&str],
) -> (Vec<Result<PathTrace, QueryError>>, WalkDeps) {
    evaluate_class_with(model, failed, key, services, false)
}

/// [`evaluate_class`], with the facts when `facts` is set.
fn evaluate_class_with(
    model: &Model,
    failed: &[bool],
    key: &ClassKey,
    services: &[&str],
    facts: bool,
) -> (Vec<Result<PathTrace, QueryError>>, WalkDeps) {
    let mut ctx = Ctx {
        detail: true,
        facts,
        deps: crate::eval::deps::DepsCell::new(Deps::recording()),
        ..Ctx::verdicts(model, failed, Default::default())
    };
    let source = class_source(model, key);
    let traces = services
        .iter()
        .map(|&name| {
            let trace = class_trace(&mut ctx, &source, name);
            ctx.deps.get_mut().end_cell(service_column(model, name));
            trace
        })
        .collect();
    (traces, WalkDeps(Arc::new(ctx.deps.into_inner())))
}

/// The cell a trace to `name` is recorded as: the service's index (`u32::MAX`: none).
pub(super) fn service_column(model: &Model, name: &str) -> u32 {
    model
        .service_lookup
        .get(name)
        .map_or(u32::MAX, |&i| i as u32)
}

/// The trace of [`evaluate_class`] from `source` to service `name`.
pub(super) fn class_trace(
    ctx: &mut Ctx<'_>,
    source: &Source,
    name: &str,
) -> Result<PathTrace, QueryError> {
    let model = ctx.model;
    let goal = resolve_goal(model, &To::Service(name.to_string()));
    ctx.notes.clear();
    ctx.aim = Default::default();
    goal.map(|goal| {
        // An IPv6-only subnet has no IPv4 path: the trace `evaluate` gives it.
        if model.scenario().subnets[source.subnet].ipv6_only
            && let crate::eval::ipv6::Plan::Done(t) = crate::eval::ipv6::plan(
                model,
                &ctx.failed,
                source,
                &goal,
                &crate::eval::facts::Id::from(name),
                (crate::eval::query::Family::Ipv4, ctx.probe),
                None,
            )
        {
            return *t;
        }
        evaluate_goal(ctx, source, &goal)
    })
}

/// One row of verdicts per class (services, then workloads), the classes shared out over the
/// cores.
pub fn evaluate_classes(
    model: &Model,
    what_if: &WhatIf,
    keys: &[ClassKey],
) -> Vec<Arc<[MatrixCell]>> {
    let failed = model.failed_azs(what_if);
    evaluate_rows(model, &failed, keys, false, Probe::default())
        .into_iter()
        .map(|(row, _)| row)
        .collect()
}

/// Each class's row, and with `record` what its walks read.
pub(super) fn evaluate_rows(
    model: &Model,
    failed: &[bool],
    keys: &[ClassKey],
    record: bool,
    probe: Probe,
) -> Vec<(Arc<[MatrixCell]>, Arc<Deps>)> {
    // Families are independent: every thread takes the next family from one counter until
    // none is left, so none waits for another whose families cost more.
    let families = family::families(model, keys.iter());
    let threads = cores().min(keys.len().div_ceil(32)).max(1);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut ctx = Ctx::verdicts(model, failed, probe);
        let mut done = Vec::new();
        loop {
            let f = next.fetch_add(1, Ordering::Relaxed);
            let Some(members) = families.get(f) else {
                return done;
            };
            done.extend(family::rows(&mut ctx, keys, members, record));
        }
    };
    let mut rows = crate::model::gather(threads, work);
    // Every class once, each tagged with its index: back in the keys' order.
    rows.sort_unstable_by_key(|&(k, _)| k);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The source that stands for a class: a hypothetical instance in its subnet, with its public-IP
/// state, and (with security layers) its groups and address.
pub(super) fn class_source(model: &Model, key: &ClassKey) -> Source {
    let (subnet, public_ip) = (key.subnet, key.public_ip);
    let cidr = model.scenario().subnets[subnet].ipv4_or_none();
    let (groups, address) = match &key.security {
        Some((groups, ip)) => (groups.clone(), ip.map_or(cidr, ipnet::Ipv4Net::from)),
        None => (smallvec::smallvec![model.security().default_group], cidr),
    };
    Source {
        origin: Origin::Subnet {
            id: Id::default(),
            public_ip,
        },
        subnet,
        public_ip,
        address,
        groups,
    }
}

/// One IPv4 cell: the matrix is IPv4 (`check --family` asks IPv6 path by path), so a class in an
/// IPv6-only subnet, which has no IPv4 address, is `no_ipv4_address` in every column.
pub(super) fn cell_verdict(ctx: &mut Ctx<'_>, source: &Source, service: usize) -> Verdict {
    if ctx.model.scenario().subnets[source.subnet].ipv6_only {
        return Verdict::Blocked(crate::eval::facts::Reason::NoIpv4Address);
    }
    evaluate_service(ctx, source, service).verdict
}

pub(super) fn class_row(ctx: &mut Ctx<'_>, key: &ClassKey) -> Arc<[MatrixCell]> {
    let model = ctx.model;
    let services = model.services();
    let source = class_source(model, key);
    let deps = ctx.deps.get_mut();
    if deps.on {
        deps.cells.reserve_exact(services.len());
        deps.az_cells.reserve_exact(services.len());
    }
    let row: Vec<MatrixCell> = (0..services.len())
        .map(|s| {
            let verdict = cell_verdict(ctx, &source, s);
            ctx.deps.get_mut().end_cell(s as u32);
            MatrixCell { verdict }
        })
        .collect();
    with_workloads(model, row)
}

/// A row of service cells with its workloads' cells after them.
pub(super) fn with_workloads(model: &Model, row: Vec<MatrixCell>) -> Arc<[MatrixCell]> {
    WorkloadParts::of(model).with_workloads(row)
}

/// Per workload, the columns of its parts (the first service of each part's name), or `None`
/// when a part is no service: [`with_workloads`]'s look-ups made once for many rows. Finding
/// each part by name among the services for every row was most of a row patched after an AZ
/// failure (30 services, six workloads: about 6,000 instructions a row).
pub(super) struct WorkloadParts(Vec<Option<smallvec::SmallVec<[usize; 8]>>>);

impl WorkloadParts {
    pub(super) fn of(model: &Model) -> WorkloadParts {
        let services = model.services();
        WorkloadParts(
            model
                .workloads()
                .iter()
                .map(|w| {
                    w.services
                        .iter()
                        .map(|name| services.iter().position(|s| &s.name == name))
                        .collect()
                })
                .collect(),
        )
    }

    /// `row`'s service cells with the workloads' cells after them.
    pub(super) fn with_workloads(&self, mut row: Vec<MatrixCell>) -> Arc<[MatrixCell]> {
        row.reserve_exact(self.0.len());
        // A workload's verdict follows from its parts' cells: no second evaluation.
        for parts in &self.0 {
            let verdict = match parts {
                Some(parts) => workload_verdict(parts.iter().map(|&i| &row[i].verdict)),
                None => Verdict::Blocked(crate::eval::facts::Reason::WorkloadPartFailed),
            };
            row.push(MatrixCell { verdict });
        }
        row.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::HopKind;
    use crate::eval::matrix::classes;

    /// A trace as the cost estimate reads it: verdict, hops by kind and id, parts with ranges.
    type Shape = (
        Verdict,
        Vec<(HopKind, Id)>,
        Vec<(Option<Id>, Vec<ipnet::Ipv4Net>, Verdict, Vec<(HopKind, Id)>)>,
    );

    fn shape(t: &PathTrace) -> Shape {
        let hops = |h: &[crate::eval::Hop]| h.iter().map(|h| (h.kind, h.id.clone())).collect();
        (
            t.verdict.clone(),
            hops(&t.hops),
            t.parts
                .iter()
                .map(|p| {
                    (
                        p.to.clone(),
                        p.cidrs.clone(),
                        p.verdict.clone(),
                        hops(&p.hops),
                    )
                })
                .collect(),
        )
    }

    /// The workloads' cells made from their parts' columns found once are those found by name
    /// for each row, in every class's row of every shipped scenario (and with a workload
    /// whose part is no service).
    #[test]
    fn workload_cells_from_parts_found_once_are_those_found_by_name() {
        let by_name = |model: &Model, workloads: &[crate::model::Workload], row: &[MatrixCell]| {
            let services = model.services();
            let mut row = row.to_vec();
            for w in workloads {
                let parts: Vec<&Verdict> = (w.services.iter())
                    .filter_map(|name| services.iter().position(|s| &s.name == name))
                    .map(|i| &row[i].verdict)
                    .collect();
                let verdict = if parts.len() == w.services.len() {
                    workload_verdict(parts.into_iter())
                } else {
                    Verdict::Blocked(crate::eval::facts::Reason::WorkloadPartFailed)
                };
                row.push(MatrixCell { verdict });
            }
            row
        };
        let mut checked = 0;
        for (path, model) in crate::model::shipped_scenarios() {
            let n = model.services().len();
            let parts = WorkloadParts::of(&model);
            assert!(!model.workloads().is_empty());
            let matrix = crate::eval::evaluate_all(&model, &model.scenario().what_if);
            for row in matrix.distinct_rows() {
                let want = by_name(&model, model.workloads(), &row[..n]);
                assert_eq!(&parts.with_workloads(row[..n].to_vec())[..], &want[..]);
                assert_eq!(&with_workloads(&model, row[..n].to_vec())[..], &want[..]);
                checked += 1;
            }
            // A part that is no service: the workload is blocked, as found by name.
            let mut odd = model.workloads().to_vec();
            odd[0].services.push("no-such-service".into());
            let odd_parts = WorkloadParts(
                odd.iter()
                    .map(|w| {
                        (w.services.iter())
                            .map(|name| model.services().iter().position(|s| &s.name == name))
                            .collect()
                    })
                    .collect(),
            );
            let row = &matrix.distinct_rows()[0][..n];
            let got = odd_parts.with_workloads(row.to_vec());
            assert_eq!(
                &got[..],
                &by_name(&model, &odd, row)[..],
                "{}",
                path.display()
            );
            assert!(matches!(got[n].verdict, Verdict::Blocked(_)));
        }
        assert!(checked > 10, "{checked}");
    }

    #[test]
    fn class_traces_without_facts_have_the_shape_of_full_traces() {
        let shipped = crate::model::shipped_scenarios();
        assert!(shipped.len() > 5);
        for (path, model) in shipped {
            let failed = model.failed_azs(&model.scenario().what_if);
            let names: Vec<&str> = model.services().iter().map(|s| s.name.as_str()).collect();
            for key in &classes(&model).keys {
                let (light, d1) = evaluate_class_with(&model, &failed, key, &names, false);
                let (full, d2) = evaluate_class_with(&model, &failed, key, &names, true);
                assert_eq!(d1, d2, "{}: what the walks read", path.display());
                for (a, b) in light.iter().zip(&full) {
                    let (a, b) = (a.as_ref().expect("known"), b.as_ref().expect("known"));
                    assert_eq!(shape(a), shape(b), "{}: {:?}", path.display(), key);
                }
            }
        }
    }
}
