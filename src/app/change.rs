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
    pub flips: Vec<Flip>,
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
}
