//! An estimate's line items, in the bill's order, with the lines of the public IPv4 addresses
//! of instances and appliance interfaces kept as one block shared between estimates (4x the
//! quota model has 20,000 such lines: an edit that keeps the instances and interfaces, the
//! hours and the price keeps the block instead of writing 20,000 lines again, and the diff
//! passes over a block both estimates share without reading it).

use std::sync::Arc;

use super::LineItem;

/// The line items: those before the public addresses' block, the block, those after it.
#[derive(Clone, Default)]
pub struct LineItems {
    head: Vec<LineItem>,
    public: Arc<[LineItem]>,
    /// The ids the block was made from (`flows::public_ids`, shared between estimates).
    public_of: Arc<[Arc<str>]>,
    tail: Vec<LineItem>,
}

/// The lines of a [`LineItems`], in order.
pub type Iter<'a> = std::iter::Chain<
    std::iter::Chain<std::slice::Iter<'a, LineItem>, std::slice::Iter<'a, LineItem>>,
    std::slice::Iter<'a, LineItem>,
>;

impl LineItems {
    pub(super) fn new(
        head: Vec<LineItem>,
        (public, public_of): (Arc<[LineItem]>, Arc<[Arc<str>]>),
        tail: Vec<LineItem>,
    ) -> Self {
        LineItems {
            head,
            public,
            public_of,
            tail,
        }
    }

    /// The public addresses' block, if it is the one for the addresses of `ids` (the same
    /// list, shared) and its lines are `hours` at `price`: then it is the block a bill of
    /// those addresses writes (every line of it is made alike, so the first tells).
    pub(super) fn public_block(
        &self,
        ids: &Arc<[Arc<str>]>,
        hours: f64,
        price: &'static super::Price,
    ) -> Option<&Arc<[LineItem]>> {
        let same = Arc::ptr_eq(&self.public_of, ids)
            && self.public.len() == ids.len()
            && self.public.first().is_none_or(|l| {
                l.quantity.to_bits() == hours.to_bits()
                    && l.unit_price.to_bits() == price.usd.to_bits()
                    && l.verified == price.verified
                    && std::ptr::eq(l.source, price.source.as_str())
            });
        same.then_some(&self.public)
    }

    /// Every line, in the bill's order.
    pub fn iter(&self) -> Iter<'_> {
        self.head
            .iter()
            .chain(self.public.iter())
            .chain(self.tail.iter())
    }

    pub fn len(&self) -> usize {
        self.head.len() + self.public.len() + self.tail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lines before the public addresses' block, the block, and the lines after it.
    pub(super) fn parts(&self) -> (&[LineItem], &Arc<[LineItem]>, &[LineItem]) {
        (&self.head, &self.public, &self.tail)
    }
}

impl PartialEq for LineItems {
    fn eq(&self, other: &LineItems) -> bool {
        if Arc::ptr_eq(&self.public, &other.public) && self.head.len() == other.head.len() {
            return self.head == other.head && self.tail == other.tail;
        }
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for LineItems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a LineItems {
    type Item = &'a LineItem;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{CostEstimate, CostInputs, ItemFor, diff, estimate, estimate_after};
    use crate::model::{Edit, Model, load_file};

    fn load(name: &str) -> Model {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(name);
        load_file(&path).expect("loads")
    }

    /// `e` with the public addresses' block copied into a block of its own (equal lines).
    fn unshared(e: &CostEstimate) -> CostEstimate {
        let mut copy = e.clone();
        let (head, public, tail) = e.items.parts();
        copy.items = LineItems::new(
            head.to_vec(),
            (Arc::from(public.to_vec()), Arc::clone(&e.items.public_of)),
            tail.to_vec(),
        );
        assert!(!Arc::ptr_eq(copy.items.parts().1, public));
        copy
    }

    fn block(e: &CostEstimate) -> &Arc<[LineItem]> {
        e.items.parts().1
    }

    /// An edit that keeps the instances and interfaces keeps the public addresses' lines as
    /// they were (the same block); one that gives an instance or takes its address, or other
    /// hours, writes them again. Either way the estimate is a fresh one's, line for line, and
    /// the diff against the estimate before says what it says of a copy that shares nothing.
    #[test]
    fn public_address_lines_are_kept_until_the_addresses_or_their_price_change() {
        let model = load("nat-single-az.ron");
        let inputs = CostInputs::for_model(&model);
        let before = estimate(&model, &model.scenario().what_if, &inputs);
        let publics = |e: &CostEstimate| {
            e.items
                .iter()
                .filter(|i| matches!(i.what, ItemFor::PublicAddress { .. }))
                .count()
        };
        assert!(publics(&before) > 0, "the scenario has public addresses");
        assert_eq!(block(&before).len(), publics(&before));
        let edits = [
            (
                Edit::FailAz {
                    az: "us-east-1a".into(),
                },
                true,
            ),
            (Edit::DeleteNatGateway { id: "nat-b".into() }, true),
            (
                Edit::SetInstancePublicIp {
                    instance: "i-app-a".into(),
                    public_ip: true,
                },
                false,
            ),
            (
                Edit::SetInstancePublicIp {
                    instance: "i-web-c".into(),
                    public_ip: false,
                },
                false,
            ),
        ];
        let mut changed = 0;
        for (edit, kept) in edits {
            let (after, _) = edit.apply(&model).expect("applies");
            let what_if = &after.scenario().what_if;
            let next = estimate_after(&before, &after, what_if, &inputs);
            let fresh = estimate(&after, what_if, &inputs);
            assert_eq!(Arc::ptr_eq(block(&next), block(&before)), kept, "{edit:?}");
            assert!(next.items.iter().eq(fresh.items.iter()), "{edit:?}");
            assert_eq!(next.total.to_bits(), fresh.total.to_bits(), "{edit:?}");
            let changes = diff(&before, &next);
            assert_eq!(changes, diff(&unshared(&before), &next), "{edit:?}");
            assert_eq!(changes, diff(&before, &fresh), "{edit:?}");
            changed += usize::from(!changes.is_empty());
        }
        assert!(changed >= 3, "the edits change the bill");
        // Other hours: every line again, at the new quantity.
        let mut longer = inputs.clone();
        longer.hours_per_month += 14;
        let what_if = &model.scenario().what_if;
        let next = estimate_after(&before, &model, what_if, &longer);
        assert!(!Arc::ptr_eq(block(&next), block(&before)));
        let fresh = estimate(&model, what_if, &longer);
        assert!(next.items.iter().eq(fresh.items.iter()));
        assert!(
            block(&next)
                .iter()
                .all(|l| l.quantity == f64::from(longer.hours_per_month))
        );
        let repriced = diff(&before, &next);
        assert_eq!(repriced, diff(&unshared(&before), &next));
        assert!(repriced.len() >= publics(&before));
        // Unchanged: the same block, nothing to say.
        let same = estimate_after(&before, &model, what_if, &inputs);
        assert!(Arc::ptr_eq(block(&same), block(&before)));
        assert!(diff(&before, &same).is_empty());
    }

    /// Lines compare as the bill's sequence, however they are held.
    #[test]
    fn line_items_compare_as_their_sequence() {
        let e = estimate(
            &load("nat-single-az.ron"),
            &Default::default(),
            &CostInputs::for_model(&load("nat-single-az.ron")),
        );
        let copy = unshared(&e);
        assert_eq!(copy.items, e.items);
        let all: Vec<LineItem> = e.items.iter().cloned().collect();
        let (head, public, _) = e.items.parts();
        let moved = LineItems::new(
            all[..head.len() + 1].to_vec(),
            (
                Arc::from(public[1..].to_vec()),
                Arc::clone(&e.items.public_of),
            ),
            all[head.len() + public.len()..].to_vec(),
        );
        assert_eq!(moved, e.items);
        assert_eq!(moved.len(), all.len());
        let mut fewer = all.clone();
        fewer.pop();
        let short = LineItems::new(fewer, Default::default(), Vec::new());
        assert_ne!(short, e.items);
        assert_eq!((&e.items).into_iter().count(), all.len());
    }
}
