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
    fn rank(&self) -> (u8, usize, usize) {
        let unavailable = |v: &Verdict| matches!(v, Verdict::Unavailable(_));
        let kind = if unavailable(&self.before) || unavailable(&self.after) {
            2
        } else if self.before.is_reachable() != self.after.is_reachable() {
            0
        } else {
            1
        };
        (kind, self.row, self.col)
    }
}

/// The flips in the order the `c` list shows them (see [`Flip::rank`]).
pub(crate) fn order_flips(flips: &mut [Flip]) {
    flips.sort_by_key(Flip::rank);
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
