//! What an edit changed, as far as the walks' recorded reads can tell: the tables, subnet
//! associations, AZ failures, security groups' and network ACLs' rules ([`Deps`]); what lets the matrix and the cost estimate evaluate
//! again only the classes an edit touched.

use std::sync::Arc;

use super::super::az_reads::EniAnswer;
use super::super::ctx::{Bits, Deps, Mark};
use super::super::deps::crossing;
use super::super::facts::AclDirection;
use crate::model::Model;

mod azs;
mod cells;
mod redo;

pub(super) use azs::{SourceFailed, source_failed_row};
pub(super) use redo::redo_cells;

/// What changed between the model a matrix was evaluated on and the next one, when the change
/// is one a class's recorded dependencies can tell: routes in some tables, some subnets'
/// table associations, some AZs' failure, some groups' or network ACLs' rules, some subnets'
/// network ACL associations.
pub(super) struct Change {
    tables: Bits,
    subnets: Bits,
    azs: Bits,
    /// The changed AZs (index < 64) as bits, those of them that came back, and whether an
    /// AZ past 64 changed.
    az_bits: u64,
    recovered: u64,
    wide: bool,
    groups: Bits,
    acls: Bits,
    /// Whether any table or subnet association changed, and any group or ACL rule: when none
    /// did (an AZ failure), no class's read sets of them are looked through, each an eight-word
    /// scan per class on both sides of an edit ([`Change::summed`]).
    routes_changed: bool,
    rules_changed: bool,
    /// The changed groups and ACLs folded, to tell which cells of a class they may touch.
    mark: Mark,
    /// What the edit changed of what attaches groups and network ACLs that is told cell by
    /// cell.
    cells: cells::Touched,
}

/// What a change means for one class's row.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Hit {
    /// Nothing it read changed: the row is kept.
    Keep,
    /// Only group or ACL rules some of its cells read changed, or AZs some of its cells read:
    /// those cells (by service index) are evaluated again (`redo`); those that read a failed AZ
    /// only through an interface endpoint's DNS answer (`patch`) may take their verdict from
    /// the answer ([`EniAnswer::after_failures`]) instead.
    Cells {
        redo: Vec<u32>,
        patch: Vec<(u32, EniAnswer)>,
    },
    /// The whole row is evaluated again.
    Row,
}

impl Change {
    /// `None` when anything else changed: then every class is evaluated again.
    pub(super) fn between(
        before: &Model,
        failed_before: &[bool],
        after: &Model,
        failed: &[bool],
    ) -> Option<Change> {
        if failed_before.len() != failed.len() {
            return None;
        }
        // Interfaces' groups, subnets' network ACLs and source/destination checks: what the
        // walks that read them recorded reading instead (`Model::security_edits`).
        let mut edits = before.security_edits(after)?;
        let mut change = Change {
            tables: Bits::default(),
            subnets: Bits::default(),
            azs: Bits::default(),
            az_bits: 0,
            recovered: 0,
            wide: false,
            groups: Bits::default(),
            acls: Bits::default(),
            routes_changed: true,
            rules_changed: true,
            mark: Mark::default(),
            cells: cells::Touched::new(&mut edits),
        };
        for g in before.changed_groups(after).chain(edits.groups) {
            change.groups.set(g);
            change.mark.group(g);
        }
        for a in edits.acls {
            for direction in [AclDirection::Inbound, AclDirection::Outbound] {
                change.acls.set(crossing(a, direction));
                change.mark.acl(a, direction);
            }
        }
        for t in edits.tables {
            change.tables.set(t);
        }
        for s in edits.subnets {
            change.subnets.set(s);
        }
        for (a, crossings) in before.changed_acl_crossings(after) {
            for (direction, changed) in [AclDirection::Inbound, AclDirection::Outbound]
                .into_iter()
                .zip(crossings)
            {
                if changed {
                    change.acls.set(crossing(a, direction));
                    change.mark.acl(a, direction);
                }
            }
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
                match az {
                    0..64 => change.az_bits |= 1 << az,
                    _ => change.wide = true,
                }
                if !b {
                    change.recovered |= 1u64.checked_shl(az as u32).unwrap_or(0);
                }
            }
        }
        Some(change.summed())
    }

    /// The change with [`Change::routes_changed`] and [`Change::rules_changed`] told from its
    /// sets.
    fn summed(mut self) -> Change {
        self.routes_changed = !self.tables.is_empty() || !self.subnets.is_empty();
        self.rules_changed = !self.groups.is_empty() || !self.acls.is_empty();
        self
    }

    pub(super) fn hits(&self, deps: &Deps) -> bool {
        self.hit(deps) != Hit::Keep
    }

    pub(super) fn hit(&self, deps: &Deps) -> Hit {
        self.hit_except(deps, &[])
    }

    /// [`Change::hit`], leaving out the AZ reads of the cells `superseded` (services evaluated
    /// again since, whose later reads another [`Deps`] holds).
    pub(super) fn hit_except(&self, deps: &Deps, superseded: &[u32]) -> Hit {
        let mut cells = Planned::default();
        match self.hit_into(deps, superseded, &mut cells) {
            Hits::Keep => Hit::Keep,
            Hits::Row => Hit::Row,
            Hits::Cells(..) => Hit::Cells {
                redo: cells.redo,
                patch: cells.patch,
            },
        }
    }

    /// [`Change::hit_except`], a class's cells written after those `out` holds (its lists
    /// shared by every class of one matrix or estimate: an AZ failure at 4x the quota model
    /// plans over a thousand classes, and a list of patched cells allocated and freed for each
    /// was a third of planning); nothing is left written unless the class is hit cell by cell.
    pub(super) fn hit_into(&self, deps: &Deps, superseded: &[u32], out: &mut Planned) -> Hits {
        let routing = self.routes_changed
            && (deps.tables.intersects(&self.tables)
                || (deps.all_tables && !self.tables.is_empty())
                || deps.subnets.intersects(&self.subnets));
        if routing {
            return Hits::Row;
        }
        let azs = deps.azs.intersects(&self.azs) || deps.eni_azs.intersects(&self.azs);
        if azs && (deps.wide || self.wide || deps.az_cells.is_empty()) {
            return Hits::Row;
        }
        let rules = self.rules_changed
            && (deps.groups.intersects(&self.groups) || deps.acls.intersects(&self.acls));
        let cells = self.cells.cells(deps);
        let columns = cells.is_some();
        if !rules && !azs && !columns {
            return Hits::Keep;
        }
        let (r0, p0) = (out.redo.len(), out.patch.len());
        let unwritten = |out: &mut Planned, hit: Hits| {
            out.redo.truncate(r0);
            out.patch.truncate(p0);
            hit
        };
        if rules {
            out.redo.extend(
                deps.cells
                    .iter()
                    .filter(|(_, m)| m.meets(&self.mark))
                    .map(|&(s, _)| s),
            );
            if out.redo.len() == r0 {
                return Hits::Row;
            }
        }
        out.redo.extend(cells.into_iter().flatten());
        if azs && out.patch.capacity() < out.room {
            out.patch.reserve(out.room - out.patch.len());
        }
        let no_service = azs
            && azs::plan(
                deps,
                self.az_bits,
                self.recovered,
                superseded,
                &mut out.redo,
                &mut out.patch,
            );
        if out.redo.len() > r0 {
            let redo = &mut out.redo[r0..];
            redo.sort_unstable();
            let kept = dedup_sorted(redo);
            out.redo.truncate(r0 + kept);
            let redo = &out.redo[r0..];
            let mut at = p0;
            for i in p0..out.patch.len() {
                if redo.binary_search(&out.patch[i].0).is_err() {
                    out.patch[at] = out.patch[i];
                    at += 1;
                }
            }
            out.patch.truncate(at);
        }
        let (redo, patch) = (&out.redo[r0..], &out.patch[p0..]);
        // A cell that is no service cannot be evaluated again on its own (sorted, `u32::MAX`
        // comes last; one patched that is also redone is a redone one); a class whose every
        // cell is evaluated again is evaluated as a row (its reads afresh).
        let all = redo.len() >= deps.az_cells.len().max(deps.cells.len());
        if redo.last() == Some(&u32::MAX) || no_service || all {
            return unwritten(out, Hits::Row);
        }
        if redo.is_empty() && patch.is_empty() {
            return unwritten(out, Hits::Keep);
        }
        Hits::Cells(r0..out.redo.len(), p0..out.patch.len())
    }
}

/// Sorted `v` without repeats at its start; how many that is.
fn dedup_sorted(v: &mut [u32]) -> usize {
    let mut kept = 0;
    for i in 0..v.len() {
        if kept == 0 || v[i] != v[kept - 1] {
            v[kept] = v[i];
            kept += 1;
        }
    }
    kept
}

/// What [`Change::hit_into`] says of one class: as [`Hit`], with the cells of a class hit cell
/// by cell where the shared lists hold them (services walked again, then those taken from
/// their answers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Hits {
    Keep,
    Cells(std::ops::Range<usize>, std::ops::Range<usize>),
    Row,
}

/// The cells of the classes hit cell by cell, one after another ([`Change::hit_into`]): the
/// services to walk again and those to take from their DNS answers.
#[derive(Debug, Default)]
pub struct Planned {
    redo: Vec<u32>,
    patch: Vec<(u32, EniAnswer)>,
    /// How many cells `patch` makes room for when the first class's AZ reads are planned.
    room: usize,
}

impl Planned {
    /// Room for `patch` cells taken from their answers, made when the first class's AZ reads
    /// are planned (sized once: growing a list shared by a thousand classes copied it a dozen
    /// times; an edit that changed no AZ makes none).
    pub(super) fn with_room(patch: usize) -> Planned {
        Planned {
            room: patch,
            ..Planned::default()
        }
    }

    /// Empty, its room kept.
    pub fn clear(&mut self) {
        self.redo.clear();
        self.patch.clear();
    }

    /// The services whose traces must be walked again (indexes in `Model::services`).
    pub fn redo(&self) -> impl Iterator<Item = usize> + '_ {
        self.redo.iter().map(|&s| s as usize)
    }

    /// The services whose traces read a failed AZ only through the DNS answer recorded.
    pub fn patch(&self) -> impl Iterator<Item = (usize, Answered)> + '_ {
        self.patch.iter().map(|&(s, a)| (s as usize, Answered(a)))
    }
}

/// What an edit changed between two models (and their failed AZs), as far as the walks'
/// recorded reads ([`WalkDeps`]) can tell; for callers outside the evaluator that keep their
/// own per-class results (the cost estimate).
pub struct Touched(pub(super) Change);

/// What one class's walks read of what edits change: the tables, subnet associations, AZ
/// failures, security groups and network ACLs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WalkDeps(pub(in crate::eval) Arc<Deps>);

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

    /// What of a class's results, whose walks read `deps` together (in the order they were
    /// evaluated: a later one's cells supersede an earlier one's), must be evaluated again:
    /// nothing, the traces to some services (their indexes in `Model::services`: only group
    /// or ACL rules, or AZs, those read changed), or everything (`None`); and the services
    /// whose traces read a failed AZ only through an interface endpoint's DNS answer, whose
    /// verdict [`Touched::after_failures`] may give without a walk.
    pub fn plan(&self, deps: &[WalkDeps]) -> Option<Plan> {
        // One evaluation's reads (most classes): its cells as the change hits them, which
        // come sorted, without repeats and apart; the answers taken over in place (an AZ
        // failure at 4x the quota model plans over a thousand classes of two dozen patched
        // cells each, and copying each list into another was a fifth of planning).
        if let [d] = deps {
            return match self.0.hit(&d.0) {
                Hit::Keep => Some(Plan::default()),
                Hit::Row => None,
                Hit::Cells { redo, patch } => Some(Plan {
                    redo: redo.into_iter().map(|s| s as usize).collect(),
                    patch: (patch.into_iter())
                        .map(|(s, a)| (s as usize, Answered(a)))
                        .collect(),
                }),
            };
        }
        let mut plan = Plan::default();
        let mut superseded: Vec<u32> = Vec::new();
        for (i, d) in deps.iter().rev().enumerate() {
            match self.0.hit_except(&d.0, &superseded) {
                Hit::Keep => {}
                Hit::Row => return None,
                Hit::Cells { redo, patch } => {
                    plan.redo.extend(redo.iter().map(|&s| s as usize));
                    plan.patch
                        .extend(patch.into_iter().map(|(s, a)| (s as usize, Answered(a))));
                }
            }
            // Only an earlier evaluation's reads are superseded (most classes have one).
            if i + 1 < deps.len() {
                superseded.extend(d.0.az_cells.iter().map(|&(s, _)| s));
            }
        }
        plan.redo.sort_unstable();
        plan.redo.dedup();
        let redo = &plan.redo;
        plan.patch.retain(|(s, _)| redo.binary_search(s).is_err());
        Some(plan)
    }

    /// [`Touched::plan`] into `out` (emptied first, its room kept from one class to the next):
    /// `false` when everything must be evaluated again.
    pub fn plan_into(&self, deps: &[WalkDeps], out: &mut Planned) -> bool {
        out.clear();
        if let [d] = deps {
            return self.0.hit_into(&d.0, &[], out) != Hits::Row;
        }
        let Some(plan) = self.plan(deps) else {
            return false;
        };
        out.redo.extend(plan.redo.iter().map(|&s| s as u32));
        out.patch
            .extend(plan.patch.iter().map(|&(s, a)| (s as u32, a.0)));
        true
    }
}

/// What of a class's results an edit touched ([`Touched::plan`]).
#[derive(Debug, Default)]
pub struct Plan {
    /// Services whose traces must be walked again.
    pub redo: Vec<usize>,
    /// Services whose traces read a failed AZ only through the DNS answer recorded here.
    pub patch: Vec<(usize, Answered)>,
}

/// An interface endpoint's DNS answer as a trace read it.
#[derive(Debug, Clone, Copy)]
pub struct Answered(EniAnswer);

impl Answered {
    /// The interface endpoint that answered.
    pub fn endpoint(&self) -> usize {
        self.0.endpoint as usize
    }

    /// The ENIs answered (by index in `Model::endpoint_enis`), as bits: with the endpoint and the
    /// source's AZ, all that [`Answered::cross_az_after`] reads of the answer.
    pub fn enis(&self) -> u64 {
        self.0.enis
    }

    /// Where the answered ENIs still healthy are against the AZ of subnet `subnet`, now that
    /// only AZs failed, for a trace that reached every answered ENI through the endpoint
    /// (reachable by one path through it): `None` when no ENI is left, and the trace must be
    /// walked again.
    pub fn cross_az_after(
        &self,
        model: &Model,
        failed: &[bool],
        subnet: usize,
    ) -> Option<crate::eval::CrossAz> {
        let src_az = model.subnet_az[subnet];
        let before = crate::eval::Verdict::Reachable {
            via: crate::eval::Via::InterfaceEndpoint,
            cross_az: Some(crate::eval::CrossAz::Never),
        };
        match self.0.after_failures(model, failed, src_az, &before)? {
            crate::eval::Verdict::Reachable { cross_az, .. } => cross_az,
            _ => None,
        }
    }
}

/// How an edit to the interface endpoints moved their indexes, for reads kept from before it
/// (they name the endpoint whose DNS answer a path read by index).
#[derive(Debug, Clone)]
pub struct EndpointMoves(Vec<Option<u32>>);

impl EndpointMoves {
    /// `None` when no endpoint's index moved.
    pub fn between(before: &Model, after: &Model) -> Option<EndpointMoves> {
        super::super::az_reads::endpoint_moves(before, after).map(EndpointMoves)
    }
}

impl WalkDeps {
    /// The same reads, with each answering endpoint named by its index after the edit.
    pub fn with_endpoints_moved(&self, moves: &EndpointMoves) -> WalkDeps {
        let mut d = Deps::clone(&self.0);
        d.move_endpoints(&moves.0);
        WalkDeps(Arc::new(d))
    }

    /// What the walks of a class from `subnet` to the services `names` read when the subnet's
    /// AZ has failed, without walking (every walk to a service stops at the source hop having
    /// read that one AZ, as [`source_failed_row`] says); `None` when the AZ is up or the
    /// subnet is IPv6-only. For the cost estimate, whose classes' columns are services by name.
    pub fn source_failed(
        model: &Model,
        failed: &[bool],
        subnet: usize,
        names: &[&str],
    ) -> Option<WalkDeps> {
        let az = model.subnet_az[subnet];
        if !failed.get(az).copied().unwrap_or(false) || model.scenario().subnets[subnet].ipv6_only {
            return None;
        }
        let cells = names.iter().map(|name| {
            model
                .service_lookup
                .get(*name)
                .map_or(u32::MAX, |&i| i as u32)
        });
        Some(WalkDeps(Arc::new(azs::failed_source_deps(az, cells))))
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::az_reads::AzReads;
    use super::*;

    /// AZ `az` failed, nothing else changed.
    fn az_failed(az: usize) -> Change {
        let mut azs = Bits::default();
        azs.set(az);
        Change {
            tables: Bits::default(),
            subnets: Bits::default(),
            azs,
            az_bits: 1 << az,
            recovered: 0,
            wide: false,
            groups: Bits::default(),
            acls: Bits::default(),
            routes_changed: true,
            rules_changed: true,
            mark: Mark::default(),
            cells: cells::Touched::default(),
        }
        .summed()
    }

    /// Endpoint 0 answered with two ENIs, in AZs 0 and 1 (`redo.rs`'s tests use it too).
    pub(super) const ANSWER: EniAnswer = EniAnswer {
        endpoint: 0,
        azs: 0b11,
        enis: 0b11,
    };

    /// A class's reads: per cell, its service and whether its path read AZ 1 itself (else only
    /// through the answer) or read no AZ at all.
    fn reads(cells: &[(u32, Option<bool>)]) -> Deps {
        let mut d = Deps::recording();
        d.eni_azs.set(1);
        d.azs.set(1);
        for &(s, read) in cells {
            let reads = match read {
                None => AzReads::default(),
                Some(true) => AzReads {
                    path: 0b10,
                    ..Default::default()
                },
                Some(false) => AzReads {
                    answer: Some(ANSWER),
                    answers: 1,
                    ..Default::default()
                },
            };
            d.cells.push((s, Mark::default()));
            d.az_cells.push((s, reads));
        }
        d
    }

    /// An AZ failure tells no table, subnet, group or ACL changed; an edit of any of them is
    /// told, and a class reading it is hit as it was before the flags (a table: the row; a
    /// group: the cells that checked it).
    #[test]
    fn the_changed_flags_follow_the_sets_and_hit_their_readers() {
        let c = az_failed(1);
        assert!(!c.routes_changed && !c.rules_changed);
        let mut d = Deps::recording();
        d.tables.set(3);
        d.groups.set(7);
        let mut read = Mark::default();
        read.group(7);
        d.cells = vec![(0, read), (1, Mark::default())];
        assert_eq!(c.hit(&d), Hit::Keep);
        let mut table = az_failed(1);
        table.tables.set(3);
        let table = table.summed();
        assert!(table.routes_changed && !table.rules_changed);
        assert_eq!(table.hit(&d), Hit::Row);
        let mut subnet = az_failed(1);
        subnet.subnets.set(2);
        let subnet = subnet.summed();
        assert!(subnet.routes_changed);
        assert_eq!(subnet.hit(&d), Hit::Keep);
        d.subnets.set(2);
        assert_eq!(subnet.hit(&d), Hit::Row);
        let mut group = az_failed(1);
        group.groups.set(7);
        group.mark.group(7);
        let group = group.summed();
        assert!(group.rules_changed && !group.routes_changed);
        assert_eq!(
            group.hit(&d),
            Hit::Cells {
                redo: vec![0],
                patch: vec![],
            }
        );
        let mut acl = az_failed(1);
        acl.acls.set(crossing(4, AclDirection::Inbound));
        assert!(acl.summed().rules_changed);
    }

    /// A class whose cells are only patched from their answers is given no list of cells to
    /// walk again that it never fills.
    #[test]
    fn a_class_only_patched_sizes_no_list_to_walk_again() {
        let d = reads(&[(0, Some(false)), (2, None), (3, Some(false))]);
        match az_failed(1).hit(&d) {
            Hit::Cells { redo, patch } => {
                assert_eq!(redo.capacity(), 0);
                assert_eq!(patch, vec![(0, ANSWER), (3, ANSWER)]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_az_failure_patches_answered_cells_redoes_path_ones_and_rows_for_no_service() {
        let c = az_failed(1);
        let d = reads(&[
            (0, Some(false)),
            (1, Some(true)),
            (2, None),
            (3, Some(false)),
        ]);
        assert_eq!(
            c.hit(&d),
            Hit::Cells {
                redo: vec![1],
                patch: vec![(0, ANSWER), (3, ANSWER)],
            }
        );
        // Superseded cells' reads are left out: the later evaluation's are another's.
        assert_eq!(
            c.hit_except(&d, &[1, 3]),
            Hit::Cells {
                redo: vec![],
                patch: vec![(0, ANSWER)],
            }
        );
        assert_eq!(c.hit_except(&d, &[0, 1, 3]), Hit::Keep);
        assert_eq!(az_failed(5).hit(&d), Hit::Keep);
        // A cell that is no service, patched or redone, cannot be evaluated on its own.
        let patched = reads(&[(0, Some(false)), (u32::MAX, Some(false)), (2, None)]);
        assert_eq!(c.hit(&patched), Hit::Row);
        assert_eq!(
            c.hit_except(&patched, &[u32::MAX]),
            Hit::Cells {
                redo: vec![],
                patch: vec![(0, ANSWER)],
            }
        );
        let redone = reads(&[(0, Some(false)), (u32::MAX, Some(true)), (2, None)]);
        assert_eq!(c.hit(&redone), Hit::Row);
        // Every cell redone: the row.
        assert_eq!(c.hit(&reads(&[(0, Some(true)), (1, Some(true))])), Hit::Row);
    }
}
