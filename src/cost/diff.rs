//! What changed between two estimates, as facts with their effect on the monthly total.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{ChangeFact, CostEstimate, FlowCost, LineItem};

/// One change between two estimates, with its effect on the monthly total;
/// `explain::cost_change` says it ("+1 ENI of interface endpoint vpce-ssm in us-east-1c: +7.30
/// USD/month").
#[derive(Debug, Clone, PartialEq)]
pub struct CostChange {
    pub delta: f64,
    pub currency: String,
    pub fact: ChangeFact,
}

impl fmt::Display for CostChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::explain::cost_change(crate::explain::Lang::En, self))
    }
}

/// A signed amount with two decimals and a real minus sign: "+7.30", "−4.50".
pub fn signed(amount: f64) -> String {
    // `+ 0.0` turns a rounded −0 into +0.
    let cents = (amount * 100.0).round() + 0.0;
    if cents < 0.0 {
        format!("\u{2212}{:.2}", -cents / 100.0)
    } else {
        format!("+{:.2}", cents / 100.0)
    }
}

/// What changed from `before` to `after`: resources added, removed or repriced, then flows
/// whose way or cost changed. Per-GB line items are not listed on their own: the flows that
/// caused them are. The deltas add up to the change of the total.
pub fn diff(before: &CostEstimate, after: &CostEstimate) -> Vec<CostChange> {
    let mut changes = Vec::new();
    let mut push = |delta: f64, fact: ChangeFact| {
        changes.push(CostChange {
            delta,
            currency: after.currency.clone(),
            fact,
        })
    };
    // Looked up by key: a large scenario has tens of thousands of flows.
    fn fixed(e: &CostEstimate) -> Vec<&LineItem> {
        e.items.iter().filter(|i| i.charge.is_fixed()).collect()
    }
    fn key(f: &FlowCost) -> (&str, &str) {
        (f.instance.as_str(), f.service.as_str())
    }
    let (old, new) = (fixed(before), fixed(after));
    let old_by_key: HashMap<&str, &LineItem> = old.iter().map(|o| (o.key.as_str(), *o)).collect();
    let new_keys: HashSet<&str> = new.iter().map(|i| i.key.as_str()).collect();
    for i in &new {
        match old_by_key.get(i.key.as_str()) {
            None => push(i.monthly, ChangeFact::Added(i.what.clone())),
            Some(o) if (o.monthly - i.monthly).abs() > 1e-9 => {
                push(i.monthly - o.monthly, ChangeFact::Repriced(i.what.clone()))
            }
            Some(_) => {}
        }
    }
    for o in old.iter().filter(|o| !new_keys.contains(o.key.as_str())) {
        push(-o.monthly, ChangeFact::Removed(o.what.clone()));
    }

    let old_flows: HashMap<(&str, &str), &FlowCost> =
        before.flows.iter().map(|b| (key(b), b)).collect();
    let new_flows: HashSet<(&str, &str)> = after.flows.iter().map(key).collect();
    for f in &after.flows {
        let delta = f.monthly - old_flows.get(&key(f)).map_or(0.0, |b| b.monthly);
        let (instance, service, gb) = (f.instance.clone(), f.service.clone(), f.gb);
        let fact = match old_flows.get(&key(f)) {
            None => ChangeFact::NewFlow {
                instance,
                service,
                way: f.way.clone(),
                gb,
            },
            Some(b) if b.way != f.way => ChangeFact::FlowWay {
                instance,
                service,
                before: b.way.clone(),
                after: f.way.clone(),
                gb,
            },
            Some(_) if delta.abs() > 1e-9 => ChangeFact::FlowCost {
                instance,
                service,
                way: f.way.clone(),
                gb,
            },
            Some(_) => continue,
        };
        push(delta, fact);
    }
    for b in before.flows.iter().filter(|b| !new_flows.contains(&key(b))) {
        push(
            -b.monthly,
            ChangeFact::FlowRemoved {
                instance: b.instance.clone(),
                service: b.service.clone(),
            },
        );
    }
    changes
}
