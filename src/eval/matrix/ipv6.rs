//! The matrix over IPv6, or over what each client would use (`check --matrix --family
//! ipv6|auto`, the explorer's `v`). Every cell is what [`crate::eval::evaluate`] gives the
//! instance's query with that family: the IPv6 rules plan it ([`super::super::ipv6::plan`]), and
//! a cell `auto` sends to IPv4 takes the IPv4 walk. The IPv4 matrix never comes here, so its
//! cost does not change.
//!
//! Instances are grouped as the IPv4 matrix groups them ([`super::classes`]), and further by
//! their IPv6 side: whether the instance has an IPv6 address (a dual-stack subnet's instance
//! without one has no IPv6 path), and, where security groups or network ACLs are evaluated,
//! the address itself (rules name IPv6 CIDRs). The first instance of each group stands for it.

use std::net::Ipv6Addr;
use std::sync::Arc;

use super::super::ctx::Ctx;
use super::super::evaluate::{evaluate_goal, resolve_goal};
use super::super::facts::{Id, IpFamily, Note, PathTrace};
use super::super::ipv6::{Plan, plan};
use super::super::query::{Family, Probe, To};
use super::super::resolve::resolve_source;
use super::{MatrixCell, classes, columns};
use crate::model::{Model, Unchecked};

/// The IP version a trace of a query asked with `asked` took: the family `auto` chose (its
/// note says), else the one asked. An IPv6 address as destination is IPv6 whatever was asked;
/// the matrix has no such columns.
pub fn trace_family(asked: Family, t: &PathTrace) -> IpFamily {
    let chosen = t.notes.iter().find_map(|n| match n {
        Note::FamilyChosen { family, .. } => Some(*family),
        _ => None,
    });
    match (chosen, asked) {
        (Some(f), _) => f,
        (None, Family::Ipv6) => IpFamily::Ipv6,
        (None, _) => IpFamily::Ipv4,
    }
}

/// The rows of a matrix asked with a family: one row per group of instances that share every
/// path, and per instance its group.
#[derive(Debug, Clone)]
pub struct FamilyRows {
    /// Per instance (matrix row), its group.
    pub row_class: Vec<u32>,
    /// Per group, the instance whose query stands for it.
    pub first_row: Vec<usize>,
    /// Per group, its cells (services, then workloads).
    pub rows: Vec<Arc<[MatrixCell]>>,
    /// Per group, the IP version each cell took.
    pub families: Vec<Arc<[IpFamily]>>,
    /// The layers some cell's trace did not evaluate.
    pub unchecked: Unchecked,
}

/// The groups: the IPv4 matrix's classes split by the instance's IPv6 side.
fn groups(model: &Model) -> (Vec<u32>, Vec<usize>) {
    let classes = classes(model);
    let s = model.scenario();
    let sec = model.security();
    let exact = sec.groups_on || sec.acls_on;
    let mut of: rustc_hash::FxHashMap<(u32, Option<Ipv6Addr>, bool), u32> = Default::default();
    let mut first_row = Vec::new();
    let row_class = classes
        .row_class
        .iter()
        .zip(&s.instances)
        .enumerate()
        .map(|(row, (&c, inst))| {
            let address = inst.ipv6_address.filter(|_| exact);
            let key = (c, address, inst.ipv6_address.is_some());
            *of.entry(key).or_insert_with(|| {
                first_row.push(row);
                (first_row.len() - 1) as u32
            })
        })
        .collect();
    (row_class, first_row)
}

/// Every instance to every service and workload, asked with `family` (not IPv4).
pub fn family_rows(model: &Model, failed: &[bool], probe: Probe, family: Family) -> FamilyRows {
    let (row_class, first_row) = groups(model);
    let (services, workloads) = columns(model);
    let names: Vec<&str> = services
        .iter()
        .chain(&workloads)
        .map(String::as_str)
        .collect();
    let s = model.scenario();
    let mut ctx = Ctx::verdicts(model, failed, probe);
    let mut unchecked = super::super::facts::unchecked(model);
    let mut rows = Vec::with_capacity(first_row.len());
    let mut families = Vec::with_capacity(first_row.len());
    for &row in &first_row {
        let from = super::super::query::From::Instance(s.instances[row].id.clone());
        let mut cells = Vec::with_capacity(names.len());
        let mut fams = Vec::with_capacity(names.len());
        let source = resolve_source(model, &from);
        for (c, name) in names.iter().enumerate() {
            let to = match name
                .strip_prefix("workload:")
                .filter(|_| c >= services.len())
            {
                Some(w) => To::Workload(w.to_string()),
                None => To::Service(name.to_string()),
            };
            // Neither fails for the model's own instances and columns.
            let (Ok(source), Ok(goal)) = (&source, resolve_goal(model, &to)) else {
                cells.push(MatrixCell {
                    verdict: super::super::facts::Verdict::Blocked(
                        super::super::facts::Reason::Ipv6NotModelled,
                    ),
                });
                fams.push(IpFamily::Ipv6);
                continue;
            };
            let (verdict, f) = match plan(
                model,
                failed,
                source,
                &goal,
                &Id::from(*name),
                (family, probe),
                None,
            ) {
                Plan::Done(t) => {
                    for code in t.unchecked.iter() {
                        unchecked.insert(code);
                    }
                    (t.verdict.clone(), trace_family(family, &t))
                }
                Plan::Ipv4(_) => {
                    ctx.notes.clear();
                    ctx.aim = Default::default();
                    let t = evaluate_goal(&mut ctx, source, &goal);
                    (t.verdict, IpFamily::Ipv4)
                }
            };
            cells.push(MatrixCell { verdict });
            fams.push(f);
        }
        rows.push(Arc::from(cells));
        families.push(Arc::from(fams));
    }
    FamilyRows {
        row_class,
        first_row,
        rows,
        families,
        unchecked,
    }
}
