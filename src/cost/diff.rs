//! What changed between two estimates, as facts with their effect on the monthly total.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

// Lookups only (nothing iterates them): rustc's hasher, as validation's lookups. A quota-sized
// bill has a line per public address, and SipHash over their keys was most of a diff after
// an edit that changes few flows.
type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
type FxSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

use super::{ChangeFact, CostEstimate, FlowCost, ItemKey, LineItem, Way};

/// One change between two estimates, with its effect on the monthly total;
/// `explain::cost_change` says it ("+1 ENI of interface endpoint vpce-ssm in us-east-1c: +7.30
/// USD/month").
#[derive(Debug, Clone, PartialEq)]
pub struct CostChange {
    pub delta: f64,
    /// Shared by every change of one diff.
    pub currency: Arc<str>,
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
    let currency: Arc<str> = Arc::from(after.currency.as_str());
    let mut push = |delta: f64, fact: ChangeFact| {
        changes.push(CostChange {
            delta,
            currency: Arc::clone(&currency),
            fact,
        })
    };
    fixed_changes(before, after, &mut push);
    if before.flows.same_shape(&after.flows) {
        group_changes(before, after, &mut push);
    } else if before.flows.same_places(&after.flows) {
        placed_flow_changes(before, after, &mut push);
    } else {
        flow_changes(before, after, &mut push);
    }
    changes
}

/// The fixed charges' changes: resources added, removed or repriced, matched by their keys. An
/// edit that adds or removes no resource leaves the fixed lines in the same order, one for one
/// (a quota-sized bill has a line per public address): then they are compared in step, and
/// looked up by key otherwise. The public addresses' lines, when both estimates share them
/// (the same block: the same lines), are neither compared nor read.
fn fixed_changes(
    before: &CostEstimate,
    after: &CostEstimate,
    push: &mut impl FnMut(f64, ChangeFact),
) {
    fn fixed<'a>(items: impl Iterator<Item = &'a LineItem>) -> impl Iterator<Item = &'a LineItem> {
        items.filter(|i| i.charge.is_fixed())
    }
    let repriced = |o: &LineItem, i: &LineItem| (o.monthly - i.monthly).abs() > 1e-9;
    // In step: as many fixed lines, with the same keys in the same order (walked once,
    // nothing collected: a quota-sized bill has 20,000 of them).
    fn in_step<'a>(
        mut o: impl Iterator<Item = &'a LineItem>,
        mut i: impl Iterator<Item = &'a LineItem>,
    ) -> bool {
        loop {
            match (o.next(), i.next()) {
                (None, None) => break true,
                (Some(x), Some(y)) if x.key() == y.key() => {}
                _ => break false,
            }
        }
    }
    let ((old_head, old_public, old_tail), (new_head, new_public, new_tail)) =
        (before.items.parts(), after.items.parts());
    // The lines to compare in step, pair by pair of runs: without the shared block when there
    // is one (before and after it in step, the block being the same lines, is all in step).
    let runs: Vec<(&[LineItem], &[LineItem])> = match Arc::ptr_eq(old_public, new_public) {
        true => vec![(old_head, new_head), (old_tail, new_tail)],
        false => Vec::new(),
    };
    let stepped = match runs.is_empty() {
        false => runs
            .iter()
            .all(|(o, i)| in_step(fixed(o.iter()), fixed(i.iter()))),
        true => in_step(fixed(before.items.iter()), fixed(after.items.iter())),
    };
    if stepped {
        let mut check = |o: &LineItem, i: &LineItem| {
            if repriced(o, i) {
                push(i.monthly - o.monthly, ChangeFact::Repriced(i.what.clone()));
            }
        };
        match runs.is_empty() {
            false => {
                for (o, i) in &runs {
                    fixed(o.iter())
                        .zip(fixed(i.iter()))
                        .for_each(|(o, i)| check(o, i));
                }
            }
            true => fixed(before.items.iter())
                .zip(fixed(after.items.iter()))
                .for_each(|(o, i)| check(o, i)),
        }
        return;
    }
    let (old, new): (Vec<&LineItem>, Vec<&LineItem>) = (
        fixed(before.items.iter()).collect(),
        fixed(after.items.iter()).collect(),
    );
    let old_by_key: FxMap<ItemKey<'_>, &LineItem> = old.iter().map(|o| (o.key(), *o)).collect();
    let new_keys: FxSet<ItemKey<'_>> = new.iter().map(|i| i.key()).collect();
    for i in &new {
        match old_by_key.get(&i.key()) {
            None => push(i.monthly, ChangeFact::Added(i.what.clone())),
            Some(o) if repriced(o, i) => {
                push(i.monthly - o.monthly, ChangeFact::Repriced(i.what.clone()))
            }
            Some(_) => {}
        }
    }
    for o in old.iter().filter(|o| !new_keys.contains(&o.key())) {
        push(-o.monthly, ChangeFact::Removed(o.what.clone()));
    }
}

/// The flows' changes when both estimates group the same flows alike (an edit that kept the
/// instances, their classes and the traffic): group by group, so a class of many instances
/// whose way changed is one change, and unchanged groups cost nothing to compare. Groups of
/// several classes to one service that changed alike (the same way before and after, shared
/// by the estimates) are one change too, naming the first group's first instance and how many
/// more: an AZ failure at 4x the quota model moves tens of thousands of groups, a few hundred
/// ways, and a list of every group told a reader nothing more. Each change keeps its first
/// group's place.
fn group_changes(
    before: &CostEstimate,
    after: &CostEstimate,
    push: &mut impl FnMut(f64, ChangeFact),
) {
    let (b, a) = (&before.flows, &after.flows);
    let mut instances: FxMap<usize, Arc<str>> = FxMap::default();
    let mut services: FxMap<usize, Arc<str>> = FxMap::default();
    for m in gathered(before, after) {
        let (old, new) = (&b.groups()[m.group], &a.groups()[m.group]);
        let Some((row, col)) = a.group_first(m.group) else {
            continue;
        };
        let flow = FlowsOf {
            instance: Arc::clone(
                instances
                    .entry(row)
                    .or_insert_with(|| Arc::from(a.instance_id(row))),
            ),
            more: m.flows - 1,
            classes: m.classes,
            service: Arc::clone(
                services
                    .entry(col)
                    .or_insert_with(|| Arc::from(a.column(col))),
            ),
        };
        let fact = match (m.kind, &old.way, &new.way) {
            (0, _, Some(way)) => flow.added(Arc::clone(way), m.gb),
            (1, _, _) => flow.removed(),
            (2, Some(x), Some(y)) => flow.way(Arc::clone(x), Arc::clone(y), m.gb),
            (_, _, Some(way)) => flow.cost(Arc::clone(way), m.gb),
            _ => continue,
        };
        push(m.delta, fact);
    }
}

/// The groups that changed, gathered by column, kind of change and ways (see
/// [`group_changes`]), each change at its first group's place.
fn gathered(before: &CostEstimate, after: &CostEstimate) -> Vec<Moved> {
    let (b, a) = (&before.flows, &after.flows);
    let width = a.width().max(1);
    // Per column, the changes seen so far: what kind of change and the ways before and after
    // (by address: equal ways within an estimate are one `Arc`) → the change's place in
    // `moved`. A column has a few (an AZ failure at 4x the quota model moves tens of thousands
    // of groups, a few hundred changes in all), and the groups of neighbouring classes mostly
    // change alike: the one found last in the column is asked first, then the short list,
    // instead of a hash per group (most of a diff after an AZ failure).
    let mut seen: Vec<Vec<(Alike, usize)>> = vec![Vec::new(); width];
    // Per column, the change found last there (its key and place in `moved`), asked first.
    let mut last: Vec<(Alike, usize)> = vec![((u8::MAX, 0, 0), usize::MAX); width];
    let mut moved: Vec<Moved> = Vec::new();
    // Class by class, column by column (the groups' order), each class's groups side by side.
    let (olds, news) = (b.groups(), a.groups());
    let n = olds.len().min(news.len());
    for (class, (olds, news)) in olds[..n]
        .chunks(width)
        .zip(news[..n].chunks(width))
        .enumerate()
    {
        for (col, (old, new)) in olds.iter().zip(news).enumerate() {
            if new.flows == 0 {
                continue;
            }
            let (old_monthly, new_monthly) =
                (old.monthly_per_gb * old.gb, new.monthly_per_gb * new.gb);
            let delta = new_monthly - old_monthly;
            let (kind, delta) = match (&old.way, &new.way) {
                (None, None) => continue,
                (None, Some(_)) => (0, delta),
                (Some(_), None) => (1, -old_monthly),
                (Some(x), Some(y)) => match Arc::ptr_eq(x, y) || x == y {
                    true if delta.abs() <= 1e-9 => continue,
                    true => (3, delta),
                    false => (2, delta),
                },
            };
            let ptr = |w: &Option<Arc<Way>>| w.as_ref().map_or(0, |w| Arc::as_ptr(w) as usize);
            let key = (kind, ptr(&old.way), ptr(&new.way));
            let found = match last[col] {
                (k, m) if k == key => Some(m),
                _ => {
                    let list = &seen[col];
                    list.iter().find(|&&(k, _)| k == key).map(|&(k, m)| {
                        last[col] = (k, m);
                        m
                    })
                }
            };
            match found {
                Some(m) => {
                    let m = &mut moved[m];
                    m.delta += delta;
                    m.flows += new.flows;
                    m.gb += new.gb;
                    m.classes += 1;
                }
                None => {
                    last[col] = (key, moved.len());
                    seen[col].push((key, moved.len()));
                    moved.push(Moved {
                        group: class * width + col,
                        kind,
                        delta,
                        flows: new.flows,
                        gb: new.gb,
                        classes: 1,
                    });
                }
            }
        }
    }
    moved
}

/// Which groups change alike in one column: the kind of change and the ways before and after,
/// by address.
type Alike = (u8, usize, usize);

/// Groups that changed alike, gathered: the first one, the kind of change (added, removed,
/// another way, another cost) and their delta, flows and GB together.
struct Moved {
    group: usize,
    kind: u8,
    delta: f64,
    flows: usize,
    gb: f64,
    classes: usize,
}

/// Whose flows a change is about: an instance (and `more` of its class) to a service.
struct FlowsOf {
    instance: Arc<str>,
    more: usize,
    classes: usize,
    service: Arc<str>,
}

impl FlowsOf {
    fn added(self, way: Arc<Way>, gb: f64) -> ChangeFact {
        ChangeFact::NewFlow {
            instance: self.instance,
            more: self.more,
            classes: self.classes,
            service: self.service,
            way,
            gb,
        }
    }

    fn way(self, before: Arc<Way>, after: Arc<Way>, gb: f64) -> ChangeFact {
        ChangeFact::FlowWay {
            instance: self.instance,
            more: self.more,
            classes: self.classes,
            service: self.service,
            before,
            after,
            gb,
        }
    }

    fn cost(self, way: Arc<Way>, gb: f64) -> ChangeFact {
        ChangeFact::FlowCost {
            instance: self.instance,
            more: self.more,
            classes: self.classes,
            service: self.service,
            way,
            gb,
        }
    }

    fn removed(self) -> ChangeFact {
        ChangeFact::FlowRemoved {
            instance: self.instance,
            more: self.more,
            classes: self.classes,
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
        flow_change(old_flows.get(&key(f)).copied(), f, push);
    }
    for b in old.iter().filter(|b| !new_flows.contains(&key(b))) {
        push(-b.monthly, flow_of(b).removed());
    }
}

/// The flows' changes flow by flow, as `flow_changes` gives them, when both estimates hold the
/// same flows in the same places but some instances fell into other classes (a group detached
/// from one instance splits its class): flows are paired by place, not collected and looked up
/// by (instance, service) — at 4× the quota model that was 600,000 flows made and hashed for a
/// handful of changes. Rows whose classes before and after go alike in every service (the same
/// way, the same price per GB) have no change whatever their GB, and that is decided once per
/// pair of classes.
fn placed_flow_changes(
    before: &CostEstimate,
    after: &CostEstimate,
    push: &mut impl FnMut(f64, ChangeFact),
) {
    let (b, a) = (&before.flows, &after.flows);
    let same = |x: &Arc<Way>, y: &Arc<Way>| Arc::ptr_eq(x, y) || x == y;
    let mut alike_pairs: FxMap<(u32, u32), bool> = FxMap::default();
    let mut alike = |row: usize| {
        let pair = (b.row_classes()[row], a.row_classes()[row]);
        *alike_pairs.entry(pair).or_insert_with(|| {
            (0..a.every_len()).all(|col| {
                let (o, n) = (b.group_at(row, col), a.group_at(row, col));
                match (&o.way, &n.way) {
                    (None, None) => true,
                    (Some(x), Some(y)) => same(x, y) && o.monthly_per_gb == n.monthly_per_gb,
                    _ => false,
                }
            })
        })
    };
    // Which places to look at: the services of rows not alike, then every named flow.
    let mut places: Vec<(usize, usize)> = Vec::new();
    for row in 0..a.row_classes().len() {
        if !alike(row) {
            places.extend((0..a.every_len()).map(|col| (row, col)));
        }
    }
    places.extend(a.named_places());
    for &(row, col) in &places {
        let n = a.group_at(row, col);
        if n.way.is_none() {
            continue;
        }
        let o = b.group_at(row, col);
        let old = o.way.is_some().then(|| b.flow(row, col, o));
        flow_change(old.as_ref(), &a.flow(row, col, n), push);
    }
    for &(row, col) in &places {
        let o = b.group_at(row, col);
        if o.way.is_some() && a.group_at(row, col).way.is_none() {
            let old = b.flow(row, col, o);
            push(-old.monthly, flow_of(&old).removed());
        }
    }
}

/// A flow's change, if it has one: new (`old` is `None`), another way, or another cost.
fn flow_change(old: Option<&FlowCost>, f: &FlowCost, push: &mut impl FnMut(f64, ChangeFact)) {
    let delta = f.monthly - old.map_or(0.0, |b| b.monthly);
    let flow = flow_of(f);
    let fact = match old {
        None => flow.added(Arc::new(f.way.clone()), f.gb),
        Some(b) if b.way != f.way => {
            flow.way(Arc::new(b.way.clone()), Arc::new(f.way.clone()), f.gb)
        }
        Some(_) if delta.abs() > 1e-9 => flow.cost(Arc::new(f.way.clone()), f.gb),
        Some(_) => return,
    };
    push(delta, fact);
}

/// Whose flow `f` is, on its own.
fn flow_of(f: &FlowCost) -> FlowsOf {
    FlowsOf {
        instance: Arc::from(f.instance.as_str()),
        more: 0,
        classes: 1,
        service: Arc::from(f.service.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{CostInputs, estimate};
    use crate::model::{Edit, WhatIf};

    fn by_name(before: &CostEstimate, after: &CostEstimate) -> Vec<(f64, ChangeFact)> {
        let mut out = Vec::new();
        flow_changes(before, after, &mut |d, c| out.push((d, c)));
        out
    }

    fn by_place(before: &CostEstimate, after: &CostEstimate) -> Vec<(f64, ChangeFact)> {
        let mut out = Vec::new();
        placed_flow_changes(before, after, &mut |d, c| out.push((d, c)));
        out
    }

    /// What the diff gathered with a hash map keyed by (kind, column, ways by address), as it
    /// did before it looked changes up per column: each change's first group, kind, delta,
    /// flows, GB and classes.
    fn gathered_by_hash(before: &CostEstimate, after: &CostEstimate) -> Vec<[u64; 6]> {
        let (b, a) = (&before.flows, &after.flows);
        let mut seen: HashMap<(u8, usize, usize, usize), usize> = HashMap::new();
        let mut moved: Vec<[u64; 6]> = Vec::new();
        let width = a.width().max(1);
        let same = |x: &Arc<Way>, y: &Arc<Way>| Arc::ptr_eq(x, y) || x == y;
        for (g, (old, new)) in b.groups().iter().zip(a.groups()).enumerate() {
            if new.flows == 0 {
                continue;
            }
            let old_monthly = old.monthly_per_gb * old.gb;
            let delta = new.monthly_per_gb * new.gb - old_monthly;
            let (kind, delta) = match (&old.way, &new.way) {
                (Some(x), Some(y)) if delta.abs() <= 1e-9 && same(x, y) => continue,
                (None, None) => continue,
                (None, Some(_)) => (0, delta),
                (Some(_), None) => (1, -old_monthly),
                (Some(x), Some(y)) if !same(x, y) => (2, delta),
                (Some(_), Some(_)) => (3, delta),
            };
            let ptr = |w: &Option<Arc<Way>>| w.as_ref().map_or(0, |w| Arc::as_ptr(w) as usize);
            let key = (kind, g % width, ptr(&old.way), ptr(&new.way));
            match seen.get(&key) {
                Some(&m) => {
                    let m = &mut moved[m];
                    m[2] = (f64::from_bits(m[2]) + delta).to_bits();
                    m[3] += new.flows as u64;
                    m[4] = (f64::from_bits(m[4]) + new.gb).to_bits();
                    m[5] += 1;
                }
                None => {
                    seen.insert(key, moved.len());
                    let (flows, gb) = (new.flows as u64, new.gb.to_bits());
                    moved.push([g as u64, kind.into(), delta.to_bits(), flows, gb, 1]);
                }
            }
        }
        moved
    }

    /// The changes gathered per column are those a hash map gathers, in the same order and to
    /// the bit, after every AZ of every shipped scenario fails and comes back, one at a time
    /// and together (estimates after one another, sharing their ways, as the explorer makes
    /// them).
    #[test]
    fn changes_gathered_per_column_are_those_gathered_by_hash() {
        let (mut compared, mut several) = (0, 0);
        for (path, m) in crate::model::shipped_scenarios() {
            let inputs = CostInputs::for_model(&m);
            let azs: Vec<String> = m
                .scenario()
                .availability_zones
                .iter()
                .map(|a| a.name.clone())
                .collect();
            let mut steps: Vec<Vec<String>> = azs.iter().map(|a| vec![a.clone()]).collect();
            steps.push(azs.clone());
            steps.push(Vec::new());
            let mut before = estimate(&m, &WhatIf::default(), &inputs);
            for failed in steps {
                let what_if = WhatIf { failed_azs: failed };
                let after = crate::cost::estimate_after(&before, &m, &what_if, &inputs);
                if before.flows.same_shape(&after.flows) {
                    let got: Vec<[u64; 6]> = gathered(&before, &after)
                        .iter()
                        .map(|g| {
                            let (flows, gb) = (g.flows as u64, g.gb.to_bits());
                            let (kind, classes) = (g.kind.into(), g.classes as u64);
                            [g.group as u64, kind, g.delta.to_bits(), flows, gb, classes]
                        })
                        .collect();
                    let want = gathered_by_hash(&before, &after);
                    assert_eq!(got, want, "{}", path.display());
                    compared += usize::from(!want.is_empty());
                    several += want.iter().filter(|w| w[5] > 1).count();
                }
                before = after;
            }
        }
        // Some AZ failures moved flows, some of them several classes alike (the test can fail).
        assert!(compared > 0 && several > 0, "{compared} {several}");
    }

    /// Attaching or detaching a group moves an instance to another class: the flows stay in
    /// their places, and pairing them by place says what matching them by (instance, service)
    /// says, change for change and in the same order — with flows of their own GB, flows named
    /// outside the services every instance sends to, and those to no known service.
    #[test]
    fn flows_paired_by_place_change_as_flows_matched_by_name() {
        let mut compared = 0;
        for name in [
            "security-layers",
            "endpoint-security-group",
            "nacl-ephemeral",
        ] {
            let m = crate::model::shipped_scenario(name);
            let scenario = m.scenario();
            let mut inputs = CostInputs::for_model(&m);
            inputs.services.push("no-such-service".into());
            let first = &scenario.instances[0].id;
            inputs.flow_gb.insert((first.clone(), "s3".into()), 7.0);
            inputs.flow_gb.insert((first.clone(), "sts".into()), 3.0);
            let before = estimate(&m, &WhatIf::default(), &inputs);
            for instance in &scenario.instances {
                for group in &scenario.security_groups {
                    let edit = if instance.security_groups.contains(&group.id) {
                        Edit::DetachSecurityGroup {
                            interface: instance.id.clone(),
                            group: group.id.clone(),
                        }
                    } else {
                        Edit::AttachSecurityGroup {
                            interface: instance.id.clone(),
                            group: group.id.clone(),
                            position: None,
                        }
                    };
                    let Ok((after_model, _)) = edit.apply(&m) else {
                        continue;
                    };
                    let after = estimate(&after_model, &WhatIf::default(), &inputs);
                    if !before.flows.same_places(&after.flows) {
                        continue;
                    }
                    let expected = by_name(&before, &after);
                    assert_eq!(by_place(&before, &after), expected, "{name}: {edit:?}");
                    if !before.flows.same_shape(&after.flows) && !expected.is_empty() {
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 0, "no edit moved an instance and its flows");
    }
}
