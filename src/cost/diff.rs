//! What changed between two estimates, as facts with their effect on the monthly total.

use std::collections::{HashMap, HashSet};
use std::fmt;

// Lookups only (nothing iterates them): rustc's hasher, as validation's lookups. A quota-sized
// bill has a line per public address, and SipHash over their keys was most of a diff after
// an edit that changes few flows.
type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
type FxSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

use super::{ChangeFact, CostEstimate, FlowCost, LineItem, Way};

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
/// whose way or cost changed (the flows of one class of instances to one service, which
/// change alike, as one change naming the first instance and how many more). Per-GB line items are not listed on their own: the flows that
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
    let (old, new) = (fixed(before), fixed(after));
    let old_by_key: FxMap<&str, &LineItem> = old.iter().map(|o| (o.key.as_str(), *o)).collect();
    let new_keys: FxSet<&str> = new.iter().map(|i| i.key.as_str()).collect();
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

    if before.flows.same_shape(&after.flows) {
        group_changes(before, after, &mut push);
    } else {
        flow_changes(before, after, &mut push);
    }
    changes
}

/// The flows' changes when both estimates group the same flows alike (an edit that kept the
/// instances, their classes and the traffic): group by group, so a class of many instances
/// whose way changed is one change, and unchanged groups cost nothing to compare.
fn group_changes(
    before: &CostEstimate,
    after: &CostEstimate,
    push: &mut impl FnMut(f64, ChangeFact),
) {
    let (b, a) = (&before.flows, &after.flows);
    for (g, (old, new)) in b.groups().iter().zip(a.groups()).enumerate() {
        if new.flows == 0 {
            continue;
        }
        let (old_monthly, new_monthly) = (old.monthly_per_gb * old.gb, new.monthly_per_gb * new.gb);
        let delta = new_monthly - old_monthly;
        let fact = match (&old.way, &new.way) {
            (Some(x), Some(y)) if x == y && delta.abs() <= 1e-9 => continue,
            (None, None) => continue,
            _ => {
                let Some((row, col)) = a.group_first(g) else {
                    continue;
                };
                let flow = FlowsOf {
                    instance: a.instance_id(row).to_string(),
                    more: new.flows - 1,
                    service: a.column(col).to_string(),
                };
                match (&old.way, &new.way) {
                    (None, Some(way)) => flow.added(Way::clone(way), new.gb),
                    (Some(_), None) => {
                        push(-old_monthly, flow.removed());
                        continue;
                    }
                    (Some(x), Some(y)) if x != y => flow.way(Way::clone(x), Way::clone(y), new.gb),
                    (_, Some(way)) => flow.cost(Way::clone(way), new.gb),
                    (None, None) => continue,
                }
            }
        };
        push(delta, fact);
    }
}

/// Whose flows a change is about: an instance (and `more` of its class) to a service.
struct FlowsOf {
    instance: String,
    more: usize,
    service: String,
}

impl FlowsOf {
    fn added(self, way: Way, gb: f64) -> ChangeFact {
        ChangeFact::NewFlow {
            instance: self.instance,
            more: self.more,
            service: self.service,
            way,
            gb,
        }
    }

    fn way(self, before: Way, after: Way, gb: f64) -> ChangeFact {
        ChangeFact::FlowWay {
            instance: self.instance,
            more: self.more,
            service: self.service,
            before,
            after,
            gb,
        }
    }

    fn cost(self, way: Way, gb: f64) -> ChangeFact {
        ChangeFact::FlowCost {
            instance: self.instance,
            more: self.more,
            service: self.service,
            way,
            gb,
        }
    }

    fn removed(self) -> ChangeFact {
        ChangeFact::FlowRemoved {
            instance: self.instance,
            more: self.more,
            service: self.service,
        }
    }
}

/// The flows' changes flow by flow, matched by (instance, service).
fn flow_changes(
    before: &CostEstimate,
    after: &CostEstimate,
    push: &mut impl FnMut(f64, ChangeFact),
) {
    fn key(f: &FlowCost) -> (&str, &str) {
        (f.instance.as_str(), f.service.as_str())
    }
    let old: Vec<FlowCost> = before.flows.iter().collect();
    let new: Vec<FlowCost> = after.flows.iter().collect();
    let old_flows: FxMap<(&str, &str), &FlowCost> = old.iter().map(|b| (key(b), b)).collect();
    let new_flows: FxSet<(&str, &str)> = new.iter().map(key).collect();
    for f in &new {
        let delta = f.monthly - old_flows.get(&key(f)).map_or(0.0, |b| b.monthly);
        let flow = FlowsOf {
            instance: f.instance.clone(),
            more: 0,
            service: f.service.clone(),
        };
        let fact = match old_flows.get(&key(f)) {
            None => flow.added(f.way.clone(), f.gb),
            Some(b) if b.way != f.way => flow.way(b.way.clone(), f.way.clone(), f.gb),
            Some(_) if delta.abs() > 1e-9 => flow.cost(f.way.clone(), f.gb),
            Some(_) => continue,
        };
        push(delta, fact);
    }
    for b in old.iter().filter(|b| !new_flows.contains(&key(b))) {
        let flow = FlowsOf {
            instance: b.instance.clone(),
            more: 0,
            service: b.service.clone(),
        };
        push(-b.monthly, flow.removed());
    }
}
