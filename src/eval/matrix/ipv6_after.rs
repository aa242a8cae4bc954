//! The matrix asked with a family (IPv6, `auto`) after an edit: only the groups whose cells may
//! have read what the edit changed are evaluated again, as [`super::evaluate_all_after`] does
//! for the IPv4 matrix with [`super::change`].
//!
//! What a group's cells read is recorded by [`super::ipv6::family_rows`]: the IPv4 walks of the
//! cells `auto` sends to IPv4 record their tables and subnet associations as the IPv4 matrix
//! does; the IPv6 plans read the source subnet's association and table (its IPv6 routes) and,
//! through a NAT64 route, each such NAT gateway's subnet's association and table. Route and
//! association edits are told apart this way; anything else the IPv6 plans read (AZ failures,
//! security rules, endpoints, DNS, instances, the VPC's blocks) is not recorded one by one, so
//! an edit that changes it evaluates the whole matrix again.

use std::sync::Arc;

use super::super::ctx::Bits;
use super::super::query::{Family, Probe};
use super::ipv6::{FamilyRows, GroupReads, group_row, groups};
use super::{Matrix, columns, evaluate_all_family};
use crate::model::{Model, WhatIf};

/// The model a family matrix was evaluated on, its failed AZs, and its groups' rows and reads.
#[derive(Debug)]
pub(super) struct FamilyMemo {
    pub model: Model,
    pub failed: Vec<bool>,
    pub rows: FamilyRows,
}

/// The matrix `previous` (asked with a family) after an edit made `model`, keeping the groups
/// the edit left alone; `None` when it must be evaluated whole.
pub(super) fn after(
    previous: &Matrix,
    model: &Model,
    what_if: &WhatIf,
    failed: &[bool],
) -> Option<Matrix> {
    let (probe, family) = (previous.probe, previous.family);
    let memo = previous.family_memo.as_ref()?;
    let r = rows_after(memo, model, failed, probe, family)?;
    let matrix = family_matrix(model, failed.to_vec(), probe, family, r);
    #[cfg(debug_assertions)]
    {
        let full = evaluate_all_family(model, what_if, probe, family);
        // The incremental matrix must equal a full evaluation (an invariant, not a message),
        // its unchecked layers included.
        assert_eq!(matrix, full);
        assert_eq!(matrix.unchecked, full.unchecked);
    }
    #[cfg(not(debug_assertions))]
    let _ = (what_if, evaluate_all_family);
    Some(matrix)
}

/// The matrix of a family's rows, keeping them for [`evaluate_all_after`].
pub(super) fn family_matrix(
    model: &Model,
    failed: Vec<bool>,
    probe: Probe,
    family: Family,
    r: FamilyRows,
) -> Matrix {
    let (services, workloads) = columns(model);
    fn per_row<T>(row_class: &[u32], v: &[Arc<[T]>]) -> Vec<Arc<[T]>> {
        row_class
            .iter()
            .map(|&c| {
                v.get(c as usize)
                    .cloned()
                    .unwrap_or_else(|| Arc::from(Vec::new()))
            })
            .collect()
    }
    Matrix {
        services,
        workloads,
        instances: model
            .scenario()
            .instances
            .iter()
            .map(|i| i.id.clone())
            .collect(),
        cells: per_row(&r.row_class, &r.rows),
        families: Some(per_row(&r.row_class, &r.families)),
        unchecked: r.unchecked,
        probe,
        family,
        memo: None,
        family_memo: Some(Arc::new(FamilyMemo {
            model: model.clone(),
            failed,
            rows: r,
        })),
    }
}

/// The rows of `model` asked with `family`, from `memo`'s where an edit left a group's reads
/// alone; `None` when the edit changed what is not recorded (evaluate it whole then).
pub(super) fn rows_after(
    memo: &FamilyMemo,
    model: &Model,
    failed: &[bool],
    probe: Probe,
    family: Family,
) -> Option<FamilyRows> {
    let (before, after) = (&memo.model, model);
    if failed != memo.failed.as_slice() || !before.evaluates_alike(after) {
        return None;
    }
    if before.changed_groups(after).next().is_some() || before.changed_acls(after).next().is_some()
    {
        return None;
    }
    let (a, b) = (before.scenario(), after.scenario());
    if a.instances != b.instances
        || a.egress_only_internet_gateways != b.egress_only_internet_gateways
    {
        return None;
    }
    let (row_class, first_row) = groups(model);
    if row_class != memo.rows.row_class || first_row != memo.rows.first_row {
        return None;
    }
    // The tables whose IPv4 routes (compiled) or IPv6 routes changed, and the subnets whose
    // association did.
    let mut tables = Bits::default();
    for t in 0..b.route_tables.len() {
        let compiled = !Arc::ptr_eq(&before.tables[t], &after.tables[t])
            && before.tables[t] != after.tables[t];
        if compiled || a.route_tables[t].ipv6_routes != b.route_tables[t].ipv6_routes {
            tables.set(t);
        }
    }
    let mut subnets = Bits::default();
    for (s, (x, y)) in before
        .subnet_table
        .iter()
        .zip(after.subnet_table.iter())
        .enumerate()
    {
        if x != y {
            subnets.set(s);
        }
    }
    let hit = |r: &GroupReads| {
        r.deps.tables.intersects(&tables)
            || (r.deps.all_tables && !tables.is_empty())
            || r.deps.subnets.intersects(&subnets)
    };
    let (services, workloads) = columns(model);
    let names: Vec<&str> = services
        .iter()
        .chain(&workloads)
        .map(String::as_str)
        .collect();
    let mut ctx = super::super::ctx::Ctx::verdicts(model, failed, probe);
    let old = &memo.rows;
    let mut out = FamilyRows::with_room(model, row_class, old.rows.len());
    for (g, &row) in first_row.iter().enumerate() {
        let (cells, fams, reads) = match old.reads.get(g) {
            Some(r) if !hit(r) => (
                Arc::clone(&old.rows[g]),
                Arc::clone(&old.families[g]),
                r.clone(),
            ),
            _ => group_row(
                &mut ctx,
                failed,
                (family, probe),
                &names,
                services.len(),
                row,
            ),
        };
        out.push_group(cells, fams, reads);
    }
    out.first_row = first_row;
    Some(out)
}
