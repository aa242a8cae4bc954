//! What a class's walks read of what edits change (route tables, subnet associations, AZs,
//! security groups and network ACLs, per cell), recorded while they walk so that an edit
//! evaluates again only what it may have touched (`matrix::Change`).

use std::cell::{RefCell, RefMut};

use super::az_reads::AzReads;
use super::facts::AclDirection;

/// Where a context keeps its [`Deps`]: boxed, and made only when first asked for. `evaluate`
/// never records, so its context carries one pointer instead of building, moving and dropping
/// some 650 bytes of read sets on every call; the matrix asks for them with
/// [`DepsCell::get_mut`] (or [`DepsCell::new`]) and then reads and writes them as before.
#[derive(Debug, Default)]
pub(crate) struct DepsCell(RefCell<Option<Box<Deps>>>);

impl DepsCell {
    pub fn new(deps: Deps) -> Self {
        DepsCell(RefCell::new(Some(Box::new(deps))))
    }

    /// The reads, when they are being recorded (`Deps::on`): nothing to do otherwise.
    #[inline]
    pub fn recording(&self) -> Option<RefMut<'_, Deps>> {
        RefMut::filter_map(self.0.borrow_mut(), |d| d.as_deref_mut().filter(|d| d.on)).ok()
    }

    /// The reads, made (not recording) if there were none yet.
    pub fn borrow_mut(&self) -> RefMut<'_, Deps> {
        RefMut::map(self.0.borrow_mut(), |d| {
            &mut **d.get_or_insert_with(Box::default)
        })
    }

    /// The reads, made (not recording) if there were none yet.
    pub fn get_mut(&mut self) -> &mut Deps {
        self.0.get_mut().get_or_insert_with(Box::default)
    }

    pub fn into_inner(self) -> Deps {
        self.0.into_inner().map(|d| *d).unwrap_or_default()
    }
}

/// A set of small indexes (tables, subnets, AZs) as bits, the first 512 kept inline: the
/// matrix records a fresh set for every walk, and growing one on the heap cost more than the
/// walk's security checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Bits(smallvec::SmallVec<[u64; 8]>);

impl Bits {
    pub fn set(&mut self, i: usize) {
        let w = i / 64;
        if self.0.len() <= w {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << (i % 64);
    }

    pub fn intersects(&self, other: &Bits) -> bool {
        self.0.iter().zip(&other.0).any(|(a, b)| a & b != 0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }

    /// Add `other`'s indexes.
    pub fn union(&mut self, other: &Bits) {
        // Most sets a replayed cell adds are empty (its walk read no AZ, no other table).
        if other.0.is_empty() {
            return;
        }
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

/// What a class's walks read of what edits change: the route tables they routed by, the
/// subnets whose table association they looked up, the AZs whose failure they asked about, the
/// security groups and network ACLs whose rules they checked. Everything else an edit can
/// change is checked model-wide (see `matrix::Change`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Deps {
    pub on: bool,
    pub tables: Bits,
    /// Every table's size was read (the walk-length guard): any table change counts.
    pub all_tables: bool,
    pub subnets: Bits,
    pub azs: Bits,
    /// Security groups (by index in the security index) whose rules were checked.
    pub groups: Bits,
    /// Network ACL crossings whose rules were checked: bit [`crossing`] of the ACL (by index in
    /// the scenario) and the request's direction through it.
    pub acls: Bits,
    /// The groups and ACLs the cell being evaluated read so far.
    pub cell: Mark,
    /// Per cell evaluated (by service index; `u32::MAX`: a destination that is no service), the
    /// groups and ACLs its walks read: a rule edit evaluates again only the cells it may touch.
    pub cells: Vec<(u32, Mark)>,
    /// AZs whose failure only dropped ENIs from an interface endpoint's DNS answer.
    pub eni_azs: Bits,
    /// An AZ or ENI index past what [`AzReads`] holds was read: any AZ change evaluates the
    /// class again.
    pub wide: bool,
    /// The AZs the cell being evaluated read so far, by kind.
    pub cell_azs: AzReads,
    /// Per cell evaluated (as `cells`), the AZs its walks read by kind: an AZ failure that only
    /// dropped answered ENIs gives the cell's verdict without a walk.
    pub az_cells: Vec<(u32, AzReads)>,
}

/// The bit of a network ACL crossing in [`Deps::acls`] and [`Mark`]: ACL `acl` crossed by a
/// request going `direction` (its reply going the other way). A crossing reads the rules of
/// both directions, but the request's rules for the request's traffic and the other
/// direction's for the reply's only (`matrix::Change` tells which crossings an ACL edit may
/// decide otherwise), so a crossing into a subnet and one out of it are told apart.
pub(crate) fn crossing(acl: usize, direction: AclDirection) -> usize {
    2 * acl + usize::from(direction == AclDirection::Outbound)
}

/// The groups and network ACL crossings ([`crossing`]) one cell's walks read, folded into 256
/// and 512 bits: an edit whose fold meets a cell's may have touched it; one whose fold does
/// not, did not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Mark {
    groups: [u64; 4],
    acls: [u64; 8],
}

impl Mark {
    pub fn group(&mut self, g: usize) {
        self.groups[(g / 64) % 4] |= 1 << (g % 64);
    }

    /// ACL `acl` crossed by a request going `direction`.
    pub fn acl(&mut self, acl: usize, direction: AclDirection) {
        let c = crossing(acl, direction);
        self.acls[(c / 64) % 8] |= 1 << (c % 64);
    }

    /// Add what `other` read.
    pub fn absorb(&mut self, other: &Mark) {
        for (a, b) in self.groups.iter_mut().zip(&other.groups) {
            *a |= b;
        }
        for (a, b) in self.acls.iter_mut().zip(&other.acls) {
            *a |= b;
        }
    }

    pub fn meets(&self, other: &Mark) -> bool {
        let any = |a: &[u64], b: &[u64]| a.iter().zip(b).any(|(x, y)| x & y != 0);
        any(&self.groups, &other.groups) || any(&self.acls, &other.acls)
    }
}

impl Deps {
    /// After an edit that added or deleted interface endpoints, the kept reads name each
    /// answering endpoint by its new index (`super::az_reads::endpoint_moves`).
    pub fn move_endpoints(&mut self, map: &[Option<u32>]) {
        for (_, reads) in &mut self.az_cells {
            *reads = reads.moved(map);
        }
        self.cell_azs = self.cell_azs.moved(map);
    }

    pub fn recording() -> Deps {
        Deps {
            on: true,
            ..Deps::default()
        }
    }

    /// [`Deps::recording`] with room for `cells` cells: a matrix row records one per service.
    pub fn recording_cells(cells: usize) -> Deps {
        Deps {
            on: true,
            cells: Vec::with_capacity(cells),
            az_cells: Vec::with_capacity(cells),
            ..Deps::default()
        }
    }

    /// When recording, add what `other`'s walks read (not its cells'): those of a class
    /// standing for this one's.
    pub fn absorb(&mut self, other: &Deps) {
        if self.on {
            self.tables.union(&other.tables);
            self.all_tables |= other.all_tables;
            self.subnets.union(&other.subnets);
            self.azs.union(&other.azs);
            self.groups.union(&other.groups);
            self.acls.union(&other.acls);
            self.eni_azs.union(&other.eni_azs);
            self.wide |= other.wide;
        }
    }

    /// The cell of service `service` is evaluated again: what it read now replaces what it
    /// read before.
    pub fn redo_cell(&mut self, service: u32) {
        if self.on {
            let mark = std::mem::take(&mut self.cell);
            match self.cells.iter_mut().find(|c| c.0 == service) {
                Some(c) => c.1 = mark,
                None => self.cells.push((service, mark)),
            }
            let azs = std::mem::take(&mut self.cell_azs);
            match self.az_cells.iter_mut().find(|c| c.0 == service) {
                Some(c) => c.1 = azs,
                None => self.az_cells.push((service, azs)),
            }
        }
    }

    /// The cell of service `service` is evaluated: what it read is kept apart.
    pub fn end_cell(&mut self, service: u32) {
        if self.on {
            let mark = std::mem::take(&mut self.cell);
            self.cells.push((service, mark));
            let azs = std::mem::take(&mut self.cell_azs);
            self.az_cells.push((service, azs));
        }
    }
}
