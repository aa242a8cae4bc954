//! The cells of a class an edit of what attaches security groups and network ACLs may have
//! touched (`Model::security_edits`), as the walks' recorded reads tell them: an interface
//! endpoint's groups, read by walks to its services; an appliance's groups and
//! source/destination check, read by walks a route sent to it; the services whose walks reach
//! an interface endpoint's ENI in a subnet that left AWS's stand-in default network ACL.

use super::super::super::ctx::{Bits, Deps, Mark};
use crate::model::SecurityEdits;

/// What of an edit [`Touched::cells`] tells cell by cell.
#[derive(Default)]
pub(super) struct Touched {
    /// Groups whose checks may decide otherwise in the cells of some services only.
    scoped: Vec<Scoped>,
    /// Services (by index, sorted) whose cells every class evaluates again.
    columns: Vec<u32>,
    /// Cells of the classes that read one of some tables, that checked one of some groups.
    gated: Vec<Gated>,
}

/// Groups whose checks (folded in `mark`) may decide otherwise in the cells of `services` only
/// (by index, sorted).
struct Scoped {
    groups: Bits,
    mark: Mark,
    services: Vec<u32>,
}

/// The cells of the classes that read one of `tables`, that checked one of `groups` (folded in
/// `mark`).
struct Gated {
    tables: Bits,
    groups: Bits,
    mark: Mark,
}

/// The groups as bits, and folded.
fn groups(list: Vec<usize>) -> (Bits, Mark) {
    let (mut bits, mut mark) = (Bits::default(), Mark::default());
    for g in list {
        bits.set(g);
        mark.group(g);
    }
    (bits, mark)
}

impl Touched {
    /// What of `edits` is told cell by cell (the rest, groups and tables and subnets and ACLs
    /// whose readers may decide otherwise, [`super::Change`] takes as it takes a rule edit's).
    pub(super) fn new(edits: &mut SecurityEdits) -> Touched {
        let scoped = std::mem::take(&mut edits.scoped)
            .into_iter()
            .map(|(list, services)| {
                let (groups, mark) = groups(list);
                let mut services: Vec<u32> = services.into_iter().map(|s| s as u32).collect();
                services.sort_unstable();
                Scoped {
                    groups,
                    mark,
                    services,
                }
            })
            .collect();
        let gated = std::mem::take(&mut edits.gated)
            .into_iter()
            .map(|(list, checked)| {
                let mut tables = Bits::default();
                for t in list {
                    tables.set(t);
                }
                let (groups, mark) = groups(checked);
                Gated {
                    tables,
                    groups,
                    mark,
                }
            })
            .collect();
        let mut columns: Vec<u32> = edits.services.iter().map(|&s| s as u32).collect();
        columns.sort_unstable();
        Touched {
            scoped,
            columns,
            gated,
        }
    }

    /// Whether the edit changed nothing told cell by cell.
    fn is_empty(&self) -> bool {
        self.columns.is_empty() && self.scoped.is_empty() && self.gated.is_empty()
    }

    /// The cells (by service index) of a class whose walks read `deps` that the edit may have
    /// touched; `None` when it touched none (not even a cell that read nothing).
    pub(super) fn cells(&self, deps: &Deps) -> Option<Vec<u32>> {
        // Nothing told cell by cell (an AZ failure, a rule edit): no class's groups and tables
        // looked through.
        if self.is_empty() {
            return None;
        }
        let scoped: Vec<&Scoped> = (self.scoped.iter())
            .filter(|c| deps.groups.intersects(&c.groups))
            .collect();
        let gated: Vec<&Gated> = (self.gated.iter())
            .filter(|g| deps.tables.intersects(&g.tables) && deps.groups.intersects(&g.groups))
            .collect();
        if self.columns.is_empty() && scoped.is_empty() && gated.is_empty() {
            return None;
        }
        // The cells of the services the edit touched alone, and of those the cells that read
        // what it changed: the others read nothing it changed.
        let touched = |s: u32, m: &Mark| {
            self.columns.binary_search(&s).is_ok()
                || gated.iter().any(|g| m.meets(&g.mark))
                || scoped
                    .iter()
                    .any(|c| c.services.binary_search(&s).is_ok() && m.meets(&c.mark))
        };
        Some(
            deps.cells
                .iter()
                .filter(|&&(s, ref m)| touched(s, m))
                .map(|&(s, _)| s)
                .collect(),
        )
    }
}
