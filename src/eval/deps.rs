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
///
/// It also keeps the boxes of reads a family's walks are done with ([`DepsCell::recycle`]),
/// emptied for the next walks ([`DepsCell::fresh`]): a walk records in a box of its own, and
/// making and freeing one per walk cost as much as moving the reads had.
///
/// The kept boxes are a list of boxes on purpose: each is handed out and back whole
/// ([`DepsCell::replace`]), never its reads moved out of it.
#[derive(Debug, Default)]
#[allow(clippy::vec_box)]
pub(crate) struct DepsCell(RefCell<Option<Box<Deps>>>, Vec<Box<Deps>>);

/// The most emptied boxes a [`DepsCell`] keeps: about a family's kept walks.
const SPARE: usize = 256;

impl DepsCell {
    pub fn new(deps: Deps) -> Self {
        DepsCell(RefCell::new(Some(Box::new(deps))), Vec::new())
    }

    /// Empty reads in a box (recording when `on`), a kept one emptied when there is one.
    #[inline]
    pub fn fresh(&mut self, on: bool) -> Box<Deps> {
        match self.1.pop() {
            Some(mut b) => {
                b.reset(on);
                b
            }
            None => Box::new(match on {
                true => Deps::recording(),
                false => Deps::default(),
            }),
        }
    }

    /// Keep `deps`' box for [`Self::fresh`] (dropped past [`SPARE`]).
    #[inline]
    pub fn recycle(&mut self, deps: Box<Deps>) {
        if self.1.len() < SPARE {
            self.1.push(deps);
        }
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

    /// Put `deps` in place of the reads, and hand back those there were (made, not recording,
    /// if there were none): boxes swapped, nothing moved. A family's walk swaps its own reads
    /// in and the class's back each time (`matrix/family.rs`); taking and putting the ~750
    /// bytes by value moved them five times per walk.
    #[inline]
    pub fn replace(&mut self, deps: Box<Deps>) -> Box<Deps> {
        self.0.get_mut().replace(deps).unwrap_or_default()
    }

    pub fn into_inner(self) -> Deps {
        self.0.into_inner().map(|d| *d).unwrap_or_default()
    }
}

/// A set of small indexes (tables, subnets, AZs, groups, ACL crossings) as bits, the first 512
/// in a fixed block and those past it in a list on the heap: the matrix records a fresh set
/// for every walk, and growing one on the heap cost more than the walk's security checks. The
/// fixed block is never resized (a `SmallVec` of eight words grew to each set's highest word
/// on its first sets, 3.2 million instructions of `security all`); the heap list is made only
/// for indexes past 512 (on the security bench model, none).
#[derive(Debug, Clone, Default)]
pub(crate) struct Bits {
    /// Indexes 0..512.
    low: [u64; LOW_WORDS],
    /// Words of indexes 512 on, grown to the highest set (may end in zero words); none until
    /// one is set. A boxed slice, two words wide: a walk's reads are six sets, moved several
    /// times per walk, and a list's three words in each made them 48 bytes larger.
    high: Option<Box<[u64]>>,
}

/// Words of [`Bits`]'s fixed block.
const LOW_WORDS: usize = 8;

impl Bits {
    #[inline]
    pub fn set(&mut self, i: usize) {
        match self.low.get_mut(i / 64) {
            Some(w) => *w |= 1 << (i % 64),
            None => self.set_high(i),
        }
    }

    /// [`Self::set`] of an index past the fixed block.
    #[cold]
    #[inline(never)]
    fn set_high(&mut self, i: usize) {
        let w = i / 64 - LOW_WORDS;
        self.grow_high(w + 1)[w] |= 1 << (i % 64);
    }

    /// The words past the fixed block, at least `words` of them (grown with zeros).
    fn grow_high(&mut self, words: usize) -> &mut [u64] {
        let high = self.high.get_or_insert_default();
        if high.len() < words {
            let mut grown = std::mem::take(high).into_vec();
            grown.resize(words, 0);
            *high = grown.into_boxed_slice();
        }
        high
    }

    /// No index set: the fixed block zeroed, the heap words dropped.
    #[inline]
    pub fn clear(&mut self) {
        self.low = [0; LOW_WORDS];
        self.high = None;
    }

    /// The words past the fixed block (none made: empty).
    fn high(&self) -> &[u64] {
        self.high.as_deref().unwrap_or_default()
    }

    pub fn intersects(&self, other: &Bits) -> bool {
        let meet = |a: &[u64], b: &[u64]| a.iter().zip(b).any(|(a, b)| a & b != 0);
        meet(&self.low, &other.low) || meet(self.high(), other.high())
    }

    pub fn is_empty(&self) -> bool {
        self.low.iter().chain(self.high()).all(|&w| w == 0)
    }

    /// Add `other`'s indexes.
    #[inline]
    pub fn union(&mut self, other: &Bits) {
        for (a, b) in self.low.iter_mut().zip(&other.low) {
            *a |= b;
        }
        if let Some(high) = &other.high {
            self.union_high(high);
        }
    }

    /// [`Self::union`] of the words past the fixed block.
    #[cold]
    #[inline(never)]
    fn union_high(&mut self, other: &[u64]) {
        for (a, b) in self.grow_high(other.len()).iter_mut().zip(other) {
            *a |= b;
        }
    }
}

/// The same indexes: the heap words compared as far as either has a set bit (one set may keep
/// zero words the other never grew to).
impl PartialEq for Bits {
    fn eq(&self, other: &Bits) -> bool {
        let (a, b) = (self.high(), other.high());
        let (short, long) = match a.len() <= b.len() {
            true => (a, b),
            false => (b, a),
        };
        self.low == other.low
            && long[..short.len()] == short[..]
            && long[short.len()..].iter().all(|&w| w == 0)
    }
}

impl Eq for Bits {}

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

    /// Empty again, in place (recording when `on`): what [`Deps::recording`] or
    /// [`Deps::default`] gives, the lists keeping their room.
    pub fn reset(&mut self, on: bool) {
        let Deps {
            on: was_on,
            tables,
            all_tables,
            subnets,
            azs,
            groups,
            acls,
            cell,
            cells,
            eni_azs,
            wide,
            cell_azs,
            az_cells,
        } = self;
        *was_on = on;
        for bits in [tables, subnets, azs, groups, acls, eni_azs] {
            bits.clear();
        }
        *all_tables = false;
        *wide = false;
        *cell = Mark::default();
        cells.clear();
        *cell_azs = AzReads::default();
        az_cells.clear();
    }

    pub fn recording() -> Deps {
        Deps {
            on: true,
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// The indexes of `bits` below `bound`, by [`Bits::intersects`] with one-index sets.
    fn members(bits: &Bits, bound: usize) -> BTreeSet<usize> {
        (0..bound)
            .filter(|&i| {
                let mut one = Bits::default();
                one.set(i);
                bits.intersects(&one)
            })
            .collect()
    }

    fn of(indexes: &[usize]) -> Bits {
        let mut bits = Bits::default();
        for &i in indexes {
            bits.set(i);
        }
        bits
    }

    proptest! {
        /// Sets of indexes below and past the fixed block (512) behave as sets: what was set
        /// is in, nothing else; union, intersection, emptiness and equality are the sets',
        /// whatever heap words either grew to.
        #[test]
        fn bits_are_sets_of_indexes(
            a in proptest::collection::vec(prop_oneof![0usize..600, 0usize..2000], 0..12),
            b in proptest::collection::vec(prop_oneof![0usize..600, 0usize..2000], 0..12),
        ) {
            let (sa, sb): (BTreeSet<usize>, BTreeSet<usize>) =
                (a.iter().copied().collect(), b.iter().copied().collect());
            let (ba, bb) = (of(&a), of(&b));
            prop_assert_eq!(members(&ba, 2048), sa.clone());
            prop_assert_eq!(ba.is_empty(), sa.is_empty());
            prop_assert_eq!(ba.intersects(&bb), !sa.is_disjoint(&sb));
            prop_assert_eq!(ba == bb, sa == sb);
            let mut u = ba.clone();
            u.union(&bb);
            let su: BTreeSet<usize> = sa.union(&sb).copied().collect();
            prop_assert_eq!(members(&u, 2048), su.clone());
            // The same set made in another order (other heap words grown) is equal.
            let mut v = bb.clone();
            v.union(&ba);
            prop_assert_eq!(&u, &v);
            prop_assert_eq!(u == ba, su == sa);
        }
    }

    /// Reset in place, reads that recorded every kind of index (past the fixed block too),
    /// cells and AZs equal fresh ones, recording or not; their lists keep their room. A box
    /// swapped into a cell hands back the one there, and one is made where there was none.
    #[test]
    fn reset_reads_equal_fresh_ones_and_boxes_swap() {
        let mut used = Deps::recording();
        for (i, bits) in [
            &mut used.tables,
            &mut used.subnets,
            &mut used.azs,
            &mut used.groups,
            &mut used.acls,
            &mut used.eni_azs,
        ]
        .into_iter()
        .enumerate()
        {
            bits.set(i);
            bits.set(700 + i);
        }
        used.all_tables = true;
        used.wide = true;
        used.cell.group(3);
        used.cell.acl(2, AclDirection::Outbound);
        used.cell_azs.path = 5;
        used.end_cell(4);
        used.cell.group(9);
        assert!(used.cells.capacity() > 0 && used.cell != Mark::default());
        let mut again = used.clone();
        again.reset(true);
        assert_eq!(again, Deps::recording());
        assert!(again.cells.capacity() > 0 && again.az_cells.capacity() > 0);
        used.reset(false);
        assert_eq!(used, Deps::default());

        let mut cell = DepsCell::default();
        let mut first = Deps::recording();
        first.groups.set(7);
        let made = cell.replace(Box::new(first.clone()));
        assert_eq!(*made, Deps::default());
        let mut second = Deps::recording();
        second.acls.set(1);
        let back = cell.replace(Box::new(second.clone()));
        assert_eq!(*back, first);
        assert_eq!(*cell.get_mut(), second);
        // A box kept is handed out again, emptied, recording as asked; none kept: a new one.
        let kept: *const Deps = &*back;
        cell.recycle(back);
        let again = cell.fresh(true);
        assert!(std::ptr::eq(&*again, kept));
        assert_eq!(*again, Deps::recording());
        cell.recycle(again);
        assert_eq!(*cell.fresh(false), Deps::default());
        assert_eq!(*cell.fresh(true), Deps::recording());
    }

    /// A set whose heap words grew past another's, with zeros there, equals it; one with a bit
    /// there does not; the fixed block's last index and the heap's first are told apart.
    #[test]
    fn heap_words_grown_to_zeros_compare_equal() {
        let mut grown = of(&[3, 700]);
        let mut other = of(&[3]);
        assert_ne!(grown, other);
        other.set(700);
        assert_eq!(grown, other);
        // Grown further by a union with an empty set's heap words: still equal.
        let wide = Bits {
            high: Some(vec![0; 20].into()),
            ..Bits::default()
        };
        grown.union(&wide);
        assert_eq!(grown, other);
        assert_eq!(other, grown);
        assert!(!of(&[511]).intersects(&of(&[512])));
        assert!(of(&[512]).intersects(&of(&[512, 4])));
        let zeros = Bits {
            high: Some(vec![0; 3].into()),
            ..Bits::default()
        };
        assert!(zeros.is_empty());
        assert_eq!(zeros, Bits::default());
    }
}
