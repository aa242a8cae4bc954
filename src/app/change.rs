//! What a change did: the edit (or undo, redo, reset, applied fix) in words, the selected path's
//! verdict before and after, and the matrix cells it flipped.

use crate::eval::Verdict;
use crate::model::Edit;

/// A matrix cell whose verdict an edit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flip {
    /// The matrix row (instance) and column (service, then workloads): names are looked up in
    /// the matrix when listed, since one edit can flip tens of thousands of cells.
    pub row: usize,
    pub col: usize,
    pub before: Verdict,
    pub after: Verdict,
}

impl Flip {
    /// Where the flip goes in the `c` list: paths a healthy source lost or gained first, then
    /// a healthy source's change of way (endpoint, NAT, cross-AZ), then the sources whose own AZ
    /// failed or came back (everything they had flips at once, and says little).
    #[cfg(test)]
    fn rank(&self) -> (u8, usize, usize) {
        (flip_kind(&self.before, &self.after), self.row, self.col)
    }
}

/// The cells an edit flipped, in the `c` list's order ([`Flip::rank`]), held as runs: the
/// instances of one class share one row allocation before and one after, so they flip the same
/// columns alike. A [`FlipSet`] is such a pair of rows and the columns of one kind of flip; a
/// run is rows next to each other in the list that flip one set. An AZ failure at 4x the quota
/// model flips hundreds of thousands of cells, from a few thousand sets; a flip is made only
/// when it is read (the list shows a screenful).
///
/// An edit records only, per row that flips, its pair of rows (and the count of its flips, for
/// the status line); the runs in the list's order are laid out when the list is first read.
/// Rows of one class are seldom next to each other, so the runs are mostly a row each, and
/// laying them out for every edit was a tenth of an AZ failure's step at 4x.
#[derive(Debug, Clone, Default)]
pub struct Flips {
    sets: Vec<FlipSet>,
    /// Per pair of rows: its set of each kind (`flip_kind`), and how many cells it flips.
    pairs: Vec<([Option<u32>; 3], usize)>,
    /// The rows that flip, in order, each with its pair (as [`Flips::add_row`] adds them).
    rows: Vec<(usize, u32)>,
    /// Or the rows by class ([`Flips::set_rows_by_class`]), listed when first read.
    by_class: Option<ByClass>,
    len: usize,
    /// The runs in the list's order, laid out when first read.
    runs: std::sync::OnceLock<Runs>,
}

/// The rows that flip, by class: per row its class, per class its pair ([`NO_PAIR`]: the
/// class's rows do not flip). An AZ failure at 4x the quota model flips rows of nearly every
/// class: 40,000 rows of a few thousand classes, which were looked up and listed one by one
/// for every edit (3 million instructions); the list is made when the `c` list is read.
#[derive(Debug, Clone, Default)]
struct ByClass {
    row_class: Vec<u32>,
    class_pair: Vec<u32>,
    listed: std::sync::OnceLock<Vec<(usize, u32)>>,
}

/// A class whose rows do not flip ([`Flips::set_rows_by_class`]).
pub(crate) const NO_PAIR: u32 = u32::MAX;

/// [`Flips`] laid out: (rows, set) in the list's order, and the index of each run's first
/// flip, and after the last the number of flips.
#[derive(Debug, Clone, Default)]
struct Runs {
    runs: Vec<(std::ops::Range<usize>, u32)>,
    starts: Vec<usize>,
}

impl PartialEq for Flips {
    /// The same flips: whether the runs are laid out yet does not matter.
    fn eq(&self, other: &Flips) -> bool {
        self.sets == other.sets && self.pairs == other.pairs && self.rows() == other.rows()
    }
}

/// Columns that flip alike in rows that share their verdicts before and after.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FlipSet {
    pub(crate) cols: std::sync::Arc<[u32]>,
    pub(crate) before: std::sync::Arc<[crate::eval::MatrixCell]>,
    pub(crate) after: std::sync::Arc<[crate::eval::MatrixCell]>,
}

/// One run of [`Flips`] as the list's layout reads it: its rows, and its columns with the
/// verdict before and after (the same in every row of the run).
pub struct FlipRun<'a> {
    pub rows: std::ops::Range<usize>,
    set: &'a FlipSet,
}

impl<'a> FlipRun<'a> {
    pub fn cells(&self) -> impl Iterator<Item = (usize, &'a Verdict, &'a Verdict)> + 'a {
        let set = self.set;
        set.cols.iter().map(move |&c| {
            let c = c as usize;
            (c, &set.before[c].verdict, &set.after[c].verdict)
        })
    }
}

impl Runs {
    /// Add `rows`, flipping set `set` (`cols` columns), after the runs so far; rows that
    /// continue the last run join it.
    fn push(&mut self, rows: std::ops::Range<usize>, set: u32, cols: usize) {
        let n = rows.len() * cols;
        if n == 0 {
            return;
        }
        let total = self.starts.last().copied().unwrap_or(0);
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        match self.runs.last_mut() {
            Some((last, s)) if *s == set && last.end == rows.start => {
                last.end = rows.end;
                if let Some(end) = self.starts.last_mut() {
                    *end += n;
                }
            }
            _ => {
                self.runs.push((rows, set));
                self.starts.push(total + n);
            }
        }
    }
}

impl Flips {
    /// A pair of rows, by its sets of each kind (`None`, or a set that flips no column, is
    /// left out); returns the index [`Flips::add_row`] takes.
    pub(crate) fn add_pair(&mut self, sets: [Option<FlipSet>; 3]) -> u32 {
        let mut total = 0;
        let kinds = sets.map(|set| {
            let set = set.filter(|s| !s.cols.is_empty())?;
            total += set.cols.len();
            self.sets.push(set);
            Some(self.sets.len() as u32 - 1)
        });
        self.pairs.push((kinds, total));
        self.pairs.len() as u32 - 1
    }

    /// Row `row` (after the rows so far) flips as pair `pair`.
    pub(crate) fn add_row(&mut self, row: usize, pair: u32) {
        debug_assert!(
            self.by_class.is_none(),
            "rows are added or set by class, not both"
        );
        let Some(&(_, n)) = self.pairs.get(pair as usize) else {
            return;
        };
        if n > 0 {
            self.rows.push((row, pair));
            self.len += n;
            if self.runs.get().is_some() {
                self.runs = Default::default();
            }
        }
    }

    /// The rows that flip, every row flipping as its class's pair (`class_pair[row_class[row]]`;
    /// [`NO_PAIR`]: the row does not flip), instead of rows added one by one: the same list,
    /// made when it is first read. Only the count of flips is worked out here.
    pub(crate) fn set_rows_by_class(&mut self, row_class: Vec<u32>, class_pair: Vec<u32>) {
        debug_assert!(
            self.rows.is_empty(),
            "rows are added or set by class, not both"
        );
        // Rows per class, then flips per class: one add per row.
        let mut rows = vec![0usize; class_pair.len()];
        for &c in &row_class {
            rows[c as usize] += 1;
        }
        self.len = rows
            .iter()
            .zip(&class_pair)
            .filter(|&(_, &p)| p != NO_PAIR)
            .map(|(n, &p)| n * self.pairs[p as usize].1)
            .sum();
        self.runs = Default::default();
        self.by_class = Some(ByClass {
            row_class,
            class_pair,
            listed: Default::default(),
        });
    }

    /// The rows that flip, in order, each with its pair.
    fn rows(&self) -> &[(usize, u32)] {
        let Some(b) = &self.by_class else {
            return &self.rows;
        };
        b.listed.get_or_init(|| {
            b.row_class
                .iter()
                .enumerate()
                .filter_map(|(row, &c)| {
                    let p = b.class_pair[c as usize];
                    (p != NO_PAIR && self.pairs[p as usize].1 > 0).then_some((row, p))
                })
                .collect()
        })
    }

    /// The runs in the list's order: every row's flips of the first kind, then the second's,
    /// then the third's (`flip_kind`).
    fn laid_out(&self) -> &Runs {
        self.runs.get_or_init(|| {
            let rows = self.rows();
            let mut out = Runs::default();
            out.runs.reserve(rows.len());
            out.starts.reserve(rows.len() + 1);
            for kind in 0..3 {
                for &(row, pair) in rows {
                    if let Some(set) = self.pairs[pair as usize].0[kind] {
                        out.push(row..row + 1, set, self.sets[set as usize].cols.len());
                    }
                }
            }
            out
        })
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The flip at `i` in the list's order.
    pub fn get(&self, i: usize) -> Option<Flip> {
        if i >= self.len() {
            return None;
        }
        let Runs { runs, starts } = self.laid_out();
        // The run whose first flip is the last at or before `i`.
        let r = starts.partition_point(|&s| s <= i).checked_sub(1)?;
        let (rows, set) = runs.get(r)?;
        let set = &self.sets[*set as usize];
        let k = i - starts[r];
        let n = set.cols.len();
        let (row, col) = (rows.start + k / n, set.cols[k % n] as usize);
        Some(Flip {
            row,
            col,
            before: set.before[col].verdict.clone(),
            after: set.after[col].verdict.clone(),
        })
    }

    /// The flips from the `first`, in the list's order.
    pub fn iter_from(&self, first: usize) -> impl Iterator<Item = Flip> + '_ {
        (first..self.len()).map_while(|i| self.get(i))
    }

    pub fn iter(&self) -> impl Iterator<Item = Flip> + '_ {
        self.iter_from(0)
    }

    /// Every flip, made (tests, and lists small enough to hold).
    pub fn to_vec(&self) -> Vec<Flip> {
        self.iter().collect()
    }

    /// The runs, in the list's order.
    pub fn runs(&self) -> impl Iterator<Item = FlipRun<'_>> {
        self.laid_out().runs.iter().map(|(rows, set)| FlipRun {
            rows: rows.clone(),
            set: &self.sets[*set as usize],
        })
    }
}

/// The first part of [`Flip::rank`]: 0 a healthy source lost or gained the path, 1 it changed
/// way, 2 the source's AZ failed or came back.
pub(crate) fn flip_kind(before: &Verdict, after: &Verdict) -> u8 {
    let unavailable = |v: &Verdict| matches!(v, Verdict::Unavailable(_));
    if unavailable(before) || unavailable(after) {
        2
    } else if before.is_reachable() != after.is_reachable() {
        0
    } else {
        1
    }
}

/// The flips in the order the `c` list shows them (see [`Flip::rank`]); `history::flips` makes
/// them in that order, and its test holds it to this.
///
/// The matrix's flips come row by row, each row's columns in order (`history::flips`): then
/// a stable split by kind is that order, in one pass. An AZ failure on the quota model flips
/// most cells, and sorting them by a rank worked out at every comparison was a quarter of the
/// edit's instructions. Flips in any other order are sorted.
#[cfg(test)]
pub(crate) fn order_flips(flips: &mut Vec<Flip>) {
    let in_cell_order = flips
        .windows(2)
        .all(|w| (w[0].row, w[0].col) <= (w[1].row, w[1].col));
    if !in_cell_order {
        flips.sort_by_key(Flip::rank);
        return;
    }
    // Kinds 1 and 2 wait while kind 0 goes first, each list sized once.
    let kinds: Vec<u8> = flips.iter().map(|f| f.rank().0).collect();
    let count = |k: u8| kinds.iter().filter(|&&x| x == k).count();
    let mut later: [Vec<Flip>; 2] = [Vec::with_capacity(count(1)), Vec::with_capacity(count(2))];
    let mut first = Vec::with_capacity(flips.len());
    for (f, k) in flips.drain(..).zip(kinds) {
        match k {
            0 => first.push(f),
            k => later[usize::from(k - 1)].push(f),
        }
    }
    let [one, two] = later;
    first.extend(one);
    first.extend(two);
    *flips = first;
}

/// What the last edit (or undo, redo, reset) did to the paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The edit, said in the app's language when shown: "fail AZ us-east-1a".
    pub what: What,
    /// The selected path before and after, when its verdict changed:
    /// "app-a → s3: reachable via gateway_endpoint → blocked (no_route)".
    pub path: Option<String>,
    pub flips: Flips,
}

/// What made a change, as facts: said in the app's language whenever it is shown, so switching
/// the language after an edit changes the words too.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// Nothing to say (a lesson step was opened).
    Nothing,
    Edit(Edit),
    Undo(Edit),
    Redo(Edit),
    /// A suggestion of the fixes list (`f`), numbered as the list shows it, applied as one step.
    Fix {
        n: usize,
        edit: Box<Edit>,
    },
    /// Already in words (a reset, restored unsaved edits).
    Text(String),
}

impl What {
    pub fn text(&self, lang: crate::explain::Lang) -> String {
        match self {
            What::Nothing => String::new(),
            What::Edit(e) => crate::explain::edit_text(lang, e),
            What::Undo(e) => crate::explain::undo_text(lang, e),
            What::Redo(e) => crate::explain::redo_text(lang, e),
            What::Fix { n, edit } => crate::i18n::tf(
                lang,
                "ui-fix-applied",
                &[&n.to_string(), &crate::explain::edit_text(lang, edit)],
            ),
            What::Text(t) => t.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{Reason, Via};

    fn verdict(n: u64) -> Verdict {
        match n % 3 {
            0 => Verdict::Reachable {
                via: Via::NatGateway,
                cross_az: None,
            },
            1 => Verdict::Blocked(Reason::NoRoute),
            _ => Verdict::Unavailable(Reason::SourceAzFailed),
        }
    }

    /// The one-pass split gives what sorting by rank gives, for flips in cell order (as the
    /// matrix lists them) and in any other order.
    #[test]
    fn order_flips_is_the_sort_by_rank() {
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for case in 0..200 {
            let mut flips: Vec<Flip> = (0..next() % 60)
                .map(|_| Flip {
                    row: (next() % 12) as usize,
                    col: (next() % 5) as usize,
                    before: verdict(next()),
                    after: verdict(next()),
                })
                .collect();
            if case % 2 == 0 {
                flips.sort_by_key(|f| (f.row, f.col));
            }
            let mut sorted = flips.clone();
            sorted.sort_by_key(Flip::rank);
            order_flips(&mut flips);
            assert_eq!(flips, sorted, "case {case}");
        }
    }

    /// Flips laid out when first read give, flip by flip, the cells that differ in the list's
    /// order (kinds one after the other, each in cell order), whatever is read first; reading
    /// them changes neither their count nor their equality.
    #[test]
    fn flips_laid_out_when_read_are_the_cells_that_differ() {
        use crate::eval::MatrixCell;
        use std::sync::Arc;
        let mut x = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for case in 0..100 {
            let cols = (next() % 6) as usize + 1;
            let row = |next: &mut dyn FnMut() -> u64| -> Arc<[MatrixCell]> {
                (0..cols)
                    .map(|_| MatrixCell {
                        verdict: verdict(next()),
                    })
                    .collect()
            };
            type Row = Arc<[MatrixCell]>;
            let pairs: Vec<(Row, Row)> = (0..(next() % 4 + 1))
                .map(|_| (row(&mut next), row(&mut next)))
                .collect();
            let rows: Vec<usize> = (0..(next() % 12)).map(|_| (next() % 5) as usize).collect();
            let mut flips = Flips::default();
            let ids: Vec<u32> = pairs
                .iter()
                .map(|(a, b)| {
                    let mut kinds: [Vec<u32>; 3] = Default::default();
                    for c in 0..cols {
                        if a[c].verdict != b[c].verdict {
                            let k = flip_kind(&a[c].verdict, &b[c].verdict);
                            kinds[usize::from(k)].push(c as u32);
                        }
                    }
                    flips.add_pair(kinds.map(|cols| {
                        Some(FlipSet {
                            cols: Arc::from(cols),
                            before: Arc::clone(a),
                            after: Arc::clone(b),
                        })
                    }))
                })
                .collect();
            let mut want = Vec::new();
            for (r, &p) in rows.iter().enumerate() {
                if let Some(&id) = ids.get(p) {
                    flips.add_row(r, id);
                    let (a, b) = &pairs[p];
                    for c in 0..cols {
                        if a[c].verdict != b[c].verdict {
                            want.push(Flip {
                                row: r,
                                col: c,
                                before: a[c].verdict.clone(),
                                after: b[c].verdict.clone(),
                            });
                        }
                    }
                }
            }
            order_flips(&mut want);
            let unread = flips.clone();
            assert_eq!(flips.len(), want.len(), "case {case}");
            if case % 2 == 0 {
                // The last flip first: the runs are laid out from a read in the middle.
                assert_eq!(
                    flips.get(want.len().saturating_sub(1)),
                    want.last().cloned()
                );
            }
            assert_eq!(flips.to_vec(), want, "case {case}");
            let run_cells: usize = flips.runs().map(|r| r.rows.len() * r.cells().count()).sum();
            assert_eq!(run_cells, want.len(), "case {case}");
            assert_eq!(flips, unread, "case {case}");
            assert_eq!(flips.len(), unread.len(), "case {case}");
        }
    }
}
