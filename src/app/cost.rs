//! The cost estimate the app shows: worked out when a scenario opens, then after every edit
//! from the estimate before it (`cost::estimate_after`: only the classes of instances an edit
//! touched are evaluated again).

use super::App;

impl App {
    pub(crate) fn estimate_cost(&self) -> crate::cost::CostEstimate {
        crate::cost::estimate(
            &self.model,
            &self.model.scenario().what_if,
            &self.cost_inputs,
        )
    }
}
