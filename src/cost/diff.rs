//! What changed between two estimates, in sentences with their effect on the monthly total.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{CostEstimate, FlowCost, LineItem};

/// One readable change between two estimates, with its effect on the monthly total.
#[derive(Debug, Clone, PartialEq)]
pub struct CostChange {
    pub delta: f64,
    /// "+1 interface endpoint ENI in us-east-1c (vpce-ssm): +7.30 USD/month".
    pub text: String,
}

impl fmt::Display for CostChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
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

/// What changed from `before` to `after`, in sentences: resources added, removed or repriced,
/// then flows whose way or cost changed. Per-GB line items are not listed on their own: the flows
/// that caused them are. The deltas add up to the change of the total.
pub fn diff(before: &CostEstimate, after: &CostEstimate) -> Vec<CostChange> {
    let mut changes = Vec::new();
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
            None => changes.push(CostChange {
                delta: i.monthly,
                text: format!("+1 {}: {} USD/month", i.what, signed(i.monthly)),
            }),
            Some(o) if (o.monthly - i.monthly).abs() > 1e-9 => changes.push(CostChange {
                delta: i.monthly - o.monthly,
                text: format!("{}: {} USD/month", i.what, signed(i.monthly - o.monthly)),
            }),
            Some(_) => {}
        }
    }
    for o in old.iter().filter(|o| !new_keys.contains(o.key.as_str())) {
        changes.push(CostChange {
            delta: -o.monthly,
            text: format!("\u{2212}1 {}: {} USD/month", o.what, signed(-o.monthly)),
        });
    }

    let gb = |g: f64| {
        if g >= 1024.0 && (g / 1024.0).fract() == 0.0 {
            format!("{} TB", g / 1024.0)
        } else {
            format!("{g} GB")
        }
    };
    let old_flows: HashMap<(&str, &str), &FlowCost> =
        before.flows.iter().map(|b| (key(b), b)).collect();
    let new_flows: HashSet<(&str, &str)> = after.flows.iter().map(key).collect();
    for f in &after.flows {
        let label = format!("{} for {}", f.service, f.instance);
        let delta = f.monthly - old_flows.get(&key(f)).map_or(0.0, |b| b.monthly);
        let text = match old_flows.get(&key(f)) {
            None => format!("{label}: new flow {}", f.way),
            Some(b) if b.way != f.way => format!("{label}: {} \u{2192} {}", b.way, f.way),
            Some(_) if delta.abs() > 1e-9 => format!("{label}: {}", f.way),
            Some(_) => continue,
        };
        changes.push(CostChange {
            delta,
            text: format!("{text}: {} USD/month at {}", signed(delta), gb(f.gb)),
        });
    }
    for b in before.flows.iter().filter(|b| !new_flows.contains(&key(b))) {
        changes.push(CostChange {
            delta: -b.monthly,
            text: format!(
                "{} for {}: flow removed: {} USD/month",
                b.service,
                b.instance,
                signed(-b.monthly)
            ),
        });
    }
    changes
}
