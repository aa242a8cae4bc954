//! When the cost estimate is worked out: after every edit for a small model, only when the cost
//! panel is on screen for a large one.

use super::{App, Tab};

impl App {
    /// Flows the estimate walks beyond which it is not worth doing after every edit: a
    /// quota-sized model (10,000 instances × every service) takes a good part of a second.
    const CHEAP_FLOWS: usize = 20_000;

    pub fn cost_is_cheap(&self) -> bool {
        self.model.scenario().instances.len() * self.cost_inputs.services.len().max(1)
            <= Self::CHEAP_FLOWS
    }

    /// Whether the cost panel is drawn (tab chosen; presenter mode hides it).
    pub fn cost_on_screen(&self) -> bool {
        self.tab == Tab::Cost && !self.presenter
    }

    /// Bring a stale estimate up to date (when the cost panel comes on screen).
    pub(crate) fn refresh_cost_if_stale(&mut self) {
        if self.cost_stale && self.cost_on_screen() {
            self.cost = self.estimate_cost();
            self.cost_changes.clear();
            self.cost_stale = false;
        }
    }

    pub(crate) fn estimate_cost(&self) -> crate::cost::CostEstimate {
        crate::cost::estimate(
            &self.model,
            &self.model.scenario().what_if,
            &self.cost_inputs,
        )
    }
}
