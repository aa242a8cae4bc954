//! What an edit changed, as far as the walks' recorded reads can tell: the tables, subnet
//! associations, AZ failures, security groups' and network ACLs' rules ([`Deps`]); what lets the matrix and the cost estimate evaluate
//! again only the classes an edit touched.

use std::sync::Arc;

use super::super::ctx::{Bits, Deps};
use crate::model::Model;

/// What changed between the model a matrix was evaluated on and the next one, when the change
/// is one a class's recorded dependencies can tell: routes in some tables, some subnets'
/// table associations, some AZs' failure, some groups' or network ACLs' rules.
pub(super) struct Change {
    tables: Bits,
    subnets: Bits,
    azs: Bits,
    groups: Bits,
    acls: Bits,
}

impl Change {
    /// `None` when anything else changed: then every class is evaluated again.
    pub(super) fn between(
        before: &Model,
        failed_before: &[bool],
        after: &Model,
        failed: &[bool],
    ) -> Option<Change> {
        if !before.evaluates_alike(after) || failed_before.len() != failed.len() {
            return None;
        }
        let mut change = Change {
            tables: Bits::default(),
            subnets: Bits::default(),
            azs: Bits::default(),
            groups: Bits::default(),
            acls: Bits::default(),
        };
        for g in before.changed_groups(after) {
            change.groups.set(g);
        }
        for a in before.changed_acls(after) {
            change.acls.set(a);
        }
        if !Arc::ptr_eq(&before.tables, &after.tables) {
            for (t, (a, b)) in before.tables.iter().zip(after.tables.iter()).enumerate() {
                if !Arc::ptr_eq(a, b) && a != b {
                    change.tables.set(t);
                }
            }
        }
        if !Arc::ptr_eq(&before.subnet_table, &after.subnet_table) {
            for (s, (a, b)) in before
                .subnet_table
                .iter()
                .zip(after.subnet_table.iter())
                .enumerate()
            {
                if a != b {
                    change.subnets.set(s);
                }
            }
        }
        for (az, (a, b)) in failed_before.iter().zip(failed).enumerate() {
            if a != b {
                change.azs.set(az);
            }
        }
        Some(change)
    }

    pub(super) fn hits(&self, deps: &Deps) -> bool {
        deps.tables.intersects(&self.tables)
            || (deps.all_tables && !self.tables.is_empty())
            || deps.subnets.intersects(&self.subnets)
            || deps.azs.intersects(&self.azs)
            || deps.groups.intersects(&self.groups)
            || deps.acls.intersects(&self.acls)
    }
}

/// What an edit changed between two models (and their failed AZs), as far as the walks'
/// recorded reads ([`WalkDeps`]) can tell; for callers outside the evaluator that keep their
/// own per-class results (the cost estimate).
pub struct Touched(pub(super) Change);

/// What one class's walks read of what edits change: the tables, subnet associations, AZ
/// failures, security groups and network ACLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkDeps(pub(in crate::eval) Deps);

impl Touched {
    /// `None` when the models differ in anything else (an endpoint, a NAT gateway, the
    /// services, DNS, ...): then no walk's result can be kept.
    pub fn between(
        before: &Model,
        failed_before: &[bool],
        after: &Model,
        failed: &[bool],
    ) -> Option<Touched> {
        Change::between(before, failed_before, after, failed).map(Touched)
    }

    /// Whether the change touched something these walks read.
    pub fn hits(&self, deps: &WalkDeps) -> bool {
        self.0.hits(&deps.0)
    }
}
