//! What the estimate cannot know from the model: the month's hours and each flow's GB.

use std::collections::BTreeMap;

use super::{DEFAULT_GB_PER_FLOW, DEFAULT_HOURS_PER_MONTH};
use crate::model::Model;

/// What the estimate cannot know from the model: how long the month is and how much traffic each
/// instance sends to each service.
#[derive(Debug, Clone, PartialEq)]
pub struct CostInputs {
    /// Every provisioned resource is billed for all of these. Whole hours: AWS bills a partial
    /// hour as a full one.
    pub hours_per_month: u32,
    /// GB per month of a flow without its own figure in `flow_gb`.
    pub default_gb_per_flow: f64,
    /// The services every instance talks to: each instance × each of these is one flow.
    pub services: Vec<String>,
    /// GB per month of particular flows, by (instance id, service); a flow listed here but not
    /// covered by `services` is a flow too. 0 switches a flow off.
    pub flow_gb: BTreeMap<(String, String), f64>,
}

impl Default for CostInputs {
    fn default() -> Self {
        CostInputs {
            hours_per_month: DEFAULT_HOURS_PER_MONTH,
            default_gb_per_flow: DEFAULT_GB_PER_FLOW,
            services: Vec::new(),
            flow_gb: BTreeMap::new(),
        }
    }
}

impl CostInputs {
    /// The defaults for a scenario: 730 hours, and 100 GB per month from every instance to every
    /// service the scenario is about — the services of its gateway and interface endpoints and of
    /// its expectations (a workload stands for its services), in that order. Built once, when the
    /// scenario is loaded, and kept across edits so that an edit changes the ways, not the traffic.
    pub fn for_model(model: &Model) -> CostInputs {
        let s = model.scenario();
        let mut services: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            if model.service(name).is_some() && !services.iter().any(|x| x == name) {
                services.push(name.to_string());
            }
        };
        for e in &s.gateway_endpoints {
            add(&e.service);
        }
        for e in &s.interface_endpoints {
            add(&e.service);
        }
        for x in &s.expect {
            match x.to.strip_prefix("workload:") {
                Some(w) => {
                    if let Some(w) = model.workloads().iter().find(|x| x.name == w) {
                        w.services.iter().for_each(|name| add(name));
                    }
                }
                None => add(&x.to),
            }
        }
        CostInputs {
            services,
            ..CostInputs::default()
        }
    }

    /// GB per month from `instance` to `service`.
    pub fn gb(&self, instance: &str, service: &str) -> f64 {
        if self.flow_gb.is_empty() {
            return self.default_gb_per_flow;
        }
        self.flow_gb
            .get(&(instance.to_string(), service.to_string()))
            .copied()
            .unwrap_or(self.default_gb_per_flow)
    }
}
