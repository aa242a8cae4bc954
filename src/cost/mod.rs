//! The monthly cost of a scenario as edited: fixed charges for what is provisioned, and per-GB
//! charges for the flows the evaluator says go through something that bills (issue 6, cost panel;
//! prices in `assets/prices.ron`, aws-semantics.md §8).
//!
//! Pure: [`estimate`] reads the model, the what-if state and the [`CostInputs`], asks the
//! evaluator which way each class of flows goes (`flows/`: instances that share a subnet and
//! public-IP state go alike, as in the matrix), prices the line items (`items.rs`) and returns a
//! [`CostEstimate`]; [`estimate_after`] does the same after an edit, evaluating again only the
//! classes whose walks the edit touched; [`diff`] says what changed between two estimates. Everything a person reads is a fact ([`ItemFor`],
//! [`Way`], [`CostNote`], [`ChangeFact`]) that `explain::cost_*` says in a language. The assumptions are listed in the
//! README ("Cost estimate") and on the items they apply to.

use std::sync::Arc;

use crate::model::{Model, WhatIf};

mod diff;
mod facts;
mod flows;
mod inputs;
mod items;
mod lines;
mod prices;
mod reuse;
mod usage;
mod walks;

pub use diff::{CostChange, diff, signed};
pub use facts::*;
pub use flows::{FlowCost, FlowGroup, Flows};
pub use inputs::CostInputs;
pub use items::ItemKey;
pub use lines::LineItems;
pub use prices::{Price, PriceBook, RegionPrices, Tier, prices};

/// Hours in a month unless the user says otherwise (AWS's own convention, aws-semantics.md §8).
pub const DEFAULT_HOURS_PER_MONTH: u32 = 730;

/// GB per month for a flow nobody has given a figure for.
pub const DEFAULT_GB_PER_FLOW: f64 = 100.0;

/// A Gateway Load Balancer capacity unit covers this many GB processed in an hour. Only the bytes
/// dimension is modelled (new and active connections are not), so GLCU-hours = GB / this.
pub const GB_PER_GLCU_HOUR: f64 = 1.0;

/// What a line item charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Charge {
    /// One interface endpoint's ENI (one AZ), per hour.
    InterfaceEndpointEni,
    /// Data processed by interface endpoints, one tier.
    InterfaceEndpointData,
    /// A gateway endpoint and the GB through it: no charge.
    GatewayEndpoint,
    NatGatewayHours,
    NatGatewayData,
    PublicIpv4,
    GwlbHours,
    GwlbCapacity,
    GwlbEndpointHours,
    GwlbEndpointData,
    InterAzTransfer,
}

impl Charge {
    /// Charges for being provisioned (per hour), as opposed to charges per GB of traffic.
    pub fn is_fixed(self) -> bool {
        matches!(
            self,
            Charge::InterfaceEndpointEni
                | Charge::GatewayEndpoint
                | Charge::NatGatewayHours
                | Charge::PublicIpv4
                | Charge::GwlbHours
                | Charge::GwlbEndpointHours
        )
    }
}

/// One line of the bill.
#[derive(Debug, Clone, PartialEq)]
pub struct LineItem {
    pub charge: Charge,
    /// What it is for (which endpoint, NAT gateway, ... and which AZ).
    pub what: ItemFor,
    pub quantity: f64,
    pub unit: Unit,
    pub unit_price: f64,
    /// `quantity × unit_price`, unrounded.
    pub monthly: f64,
    pub verified: bool,
    /// The AWS pricing page that publishes the price (the price book's, shared).
    pub source: &'static str,
}

/// The estimate for one model and what-if state.
#[derive(Debug, Clone)]
pub struct CostEstimate {
    pub region: String,
    pub currency: String,
    pub hours_per_month: u32,
    /// In the bill's order; the public addresses' lines shared with the estimate before an
    /// edit that kept them.
    pub items: LineItems,
    /// Every flow, by class of instances and service.
    pub flows: Flows,
    /// The sum of the items' `monthly`.
    pub total: f64,
    /// Assumptions that shaped this estimate, and anything left unpriced.
    pub notes: Vec<CostNote>,
    /// Each class's results, for [`estimate_after`].
    memo: Option<Arc<flows::Memo>>,
}

impl PartialEq for CostEstimate {
    fn eq(&self, other: &CostEstimate) -> bool {
        self.region == other.region
            && self.currency == other.currency
            && self.hours_per_month == other.hours_per_month
            && self.items == other.items
            && self.flows == other.flows
            && self.total == other.total
            && self.notes == other.notes
    }
}

impl CostEstimate {
    /// Whether any amount rests on a number not verified against AWS's page.
    pub fn has_unverified(&self) -> bool {
        self.items.iter().any(|i| !i.verified && i.monthly != 0.0)
    }

    /// An estimate of nothing (before a model is loaded).
    pub fn empty() -> CostEstimate {
        CostEstimate {
            region: String::new(),
            currency: String::new(),
            hours_per_month: 0,
            items: LineItems::default(),
            flows: Flows::none(),
            total: 0.0,
            notes: Vec::new(),
            memo: None,
        }
    }
}

/// Estimate the month. Flows from instances whose AZ has failed, and blocked flows, carry no
/// traffic; everything provisioned is billed whether its AZ has failed or not.
pub fn estimate(model: &Model, what_if: &WhatIf, inputs: &CostInputs) -> CostEstimate {
    estimate_from(None, model, what_if, inputs, true)
}

/// [`estimate`] after an edit, `previous` being the estimate before it: only the classes of
/// instances whose walks the edit touched (as the matrix tells them: a route table, a subnet's
/// association, an AZ's failure) are evaluated again; any other change evaluates every class.
/// Debug builds check the result against [`estimate`].
pub fn estimate_after(
    previous: &CostEstimate,
    model: &Model,
    what_if: &WhatIf,
    inputs: &CostInputs,
) -> CostEstimate {
    let e = estimate_from(Some(previous), model, what_if, inputs, true);
    #[cfg(debug_assertions)]
    {
        // The kept classes must give what a fresh evaluation gives (an invariant).
        assert_eq!(e, estimate(model, what_if, inputs));
    }
    e
}

/// The monthly total of [`estimate_after`] and its currency, without the line items (a fix's
/// cost delta: the bill of a quota-sized model has thousands of lines, one per public address).
/// The same amounts summed in the same order: the same total to the last bit.
pub fn total_after(
    previous: &CostEstimate,
    model: &Model,
    what_if: &WhatIf,
    inputs: &CostInputs,
) -> (f64, String) {
    let e = estimate_from(Some(previous), model, what_if, inputs, false);
    #[cfg(debug_assertions)]
    {
        assert_eq!(e.total, estimate(model, what_if, inputs).total);
    }
    (e.total, e.currency)
}

fn estimate_from(
    previous: Option<&CostEstimate>,
    model: &Model,
    what_if: &WhatIf,
    inputs: &CostInputs,
    lines: bool,
) -> CostEstimate {
    let s = model.scenario();
    let book = prices();
    let failed = model.failed_azs(what_if);
    let mut notes = Vec::new();
    let memo = previous.and_then(|e| e.memo.as_deref());
    let (mut flows, classes, memo) = flows::aggregate(model, &failed, inputs, memo, &mut notes);
    let usage = usage::Usages { classes: &classes };
    let mut e = CostEstimate {
        region: s.region.clone(),
        currency: book.currency.clone(),
        hours_per_month: inputs.hours_per_month,
        items: LineItems::default(),
        flows: Flows::none(),
        total: 0.0,
        notes: Vec::new(),
        memo: Some(Arc::new(memo)),
    };
    // Each line's amount added in the bill's order (also when the lines themselves are not
    // kept), from +0.0: `Sum for f64` starts at −0.0, so a bill with no line item summed to
    // −0.0 and the panel said "−0.00 USD".
    let mut total = 0.0;
    match book.regions.get(&s.region) {
        Some(p) => {
            let hours = f64::from(inputs.hours_per_month);
            let groups = flows.groups_mut();
            let public = e.memo.as_ref().map(|m| Arc::clone(&m.public_ids));
            let public = public.unwrap_or_else(|| flows::public_ids(None, model));
            let previous = previous.map(|e| &e.items);
            let bill = items::bill(
                model, &failed, hours, p, groups, usage, &mut notes, lines, &public, previous,
            );
            total = bill.total;
            e.items = bill.items();
        }
        None => notes.push(CostNote::NoPrices {
            region: s.region.clone(),
            priced: book.regions.keys().cloned().collect(),
        }),
    }
    e.total = total;
    e.flows = flows;
    e.notes = notes;
    e
}

/// Add a note once.
fn note(notes: &mut Vec<CostNote>, n: CostNote) {
    if !notes.contains(&n) {
        notes.push(n);
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod tests_diff;

#[cfg(test)]
mod tests_flows;
