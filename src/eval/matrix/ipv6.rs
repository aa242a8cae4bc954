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

use super::super::ctx::{Ctx, Deps};
use super::super::evaluate::{evaluate_goal, resolve_goal};
use super::super::facts::{Id, IpFamily, Note, PathTrace};
use super::super::ipv6::{Plan, plan};
use super::super::query::{Family, Probe, To};
use super::super::resolve::resolve_source;
use super::{MatrixCell, classes, columns};
use crate::model::{Model, Target, Unchecked};

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
    /// Per group, what its cells read of what route and association edits change
    /// ([`super::ipv6_after`]).
    pub(crate) reads: Vec<GroupReads>,
}

impl FamilyRows {
    /// No group yet, with room for `groups` of them; `first_row` is set once they are pushed.
    pub(super) fn with_room(model: &Model, row_class: Vec<u32>, groups: usize) -> FamilyRows {
        FamilyRows {
            row_class,
            first_row: Vec::new(),
            rows: Vec::with_capacity(groups),
            families: Vec::with_capacity(groups),
            unchecked: super::super::facts::unchecked(model),
            reads: Vec::with_capacity(groups),
        }
    }

    /// One more group's cells, IP versions and reads (its unchecked layers joining the matrix's).
    pub(super) fn push_group(
        &mut self,
        cells: Arc<[MatrixCell]>,
        families: Arc<[IpFamily]>,
        reads: GroupReads,
    ) {
        for code in reads.unchecked.iter() {
            self.unchecked.insert(code);
        }
        self.rows.push(cells);
        self.families.push(families);
        self.reads.push(reads);
    }
}

/// What one group's cells read: the tables and subnet associations (the IPv4 walks' as they
/// record them, the IPv6 plans' added by [`ipv6_reads`]), and the layers its traces did not
/// evaluate.
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupReads {
    pub deps: Deps,
    pub unchecked: Unchecked,
}

/// The groups: the IPv4 matrix's classes split by the instance's IPv6 side.
pub(super) fn groups(model: &Model) -> (Vec<u32>, Vec<usize>) {
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
    let mut ctx = Ctx::verdicts(model, failed, probe);
    let mut out = FamilyRows::with_room(model, row_class, first_row.len());
    for &row in &first_row {
        let (cells, fams, reads) = group_row(
            &mut ctx,
            failed,
            (family, probe),
            &names,
            services.len(),
            row,
        );
        out.push_group(cells, fams, reads);
    }
    out.first_row = first_row;
    out
}

/// One group's cells, asked for the instance at `row`: each column (`names`, the first
/// `services` of them services) planned with the family, and what the cells read.
pub(super) fn group_row(
    ctx: &mut Ctx<'_>,
    failed: &[bool],
    (family, probe): (Family, Probe),
    names: &[&str],
    services: usize,
    row: usize,
) -> (Arc<[MatrixCell]>, Arc<[IpFamily]>, GroupReads) {
    let model = ctx.model;
    let s = model.scenario();
    let from = super::super::query::From::Instance(s.instances[row].id.clone());
    let mut cells = Vec::with_capacity(names.len());
    let mut fams = Vec::with_capacity(names.len());
    let mut unchecked = Unchecked::default();
    let source = resolve_source(model, &from);
    *ctx.deps.get_mut() = Deps::recording();
    for (c, name) in names.iter().enumerate() {
        let to = match name.strip_prefix("workload:").filter(|_| c >= services) {
            Some(w) => To::Workload(w.to_string()),
            None => To::Service(name.to_string()),
        };
        // Neither fails for the model's own instances and columns.
        let (Ok(source), Ok(goal)) = (&source, resolve_goal(model, &to)) else {
            cells.push(MatrixCell {
                verdict: super::super::facts::Verdict::NotModelled(
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
                let t = evaluate_goal(ctx, source, &goal);
                (t.verdict, IpFamily::Ipv4)
            }
        };
        cells.push(MatrixCell { verdict });
        fams.push(f);
    }
    let mut deps = std::mem::take(ctx.deps.get_mut());
    if let Ok(source) = &source {
        ipv6_reads(model, source.subnet, &mut deps);
    }
    (
        Arc::from(cells),
        Arc::from(fams),
        GroupReads { deps, unchecked },
    )
}

/// What the IPv6 plans from `subnet` read of route tables and associations: the subnet's
/// association and table (its IPv6 routes), and for each NAT64 route of that table the NAT
/// gateway's subnet's association and table (NAT64 sends the translated IPv4 on by it).
fn ipv6_reads(model: &Model, subnet: usize, deps: &mut Deps) {
    let s = model.scenario();
    let (table, _) = model.subnet_route_table(subnet);
    deps.subnets.set(subnet);
    deps.tables.set(table);
    let Some(t) = s.route_tables.get(table) else {
        return;
    };
    for r in &t.ipv6_routes {
        let Target::NatGateway(id) = &r.target else {
            continue;
        };
        let nat_subnet = s
            .nat_gateways
            .iter()
            .find(|n| n.id == id.as_str())
            .and_then(|n| n.subnet.as_deref())
            .and_then(|sn| model.subnet_index(sn));
        if let Some(si) = nat_subnet {
            deps.subnets.set(si);
            deps.tables.set(model.subnet_route_table(si).0);
        }
    }
}
