//! The flows of an estimate, by class: instances that share a subnet and public-IP state share
//! every path (as in the matrix, `eval::classes`), so each class × service is evaluated once and
//! kept as one [`FlowGroup`] — how many flows, their GB, the way they go and what one GB of them
//! costs. Every charge is linear in the GB, so the line items are the groups' usage per GB times
//! their GB: a quota-sized model's 270,000 flows are about 5,400 groups.
//!
//! This file holds the flows as an estimate keeps them ([`Flows`], [`FlowGroup`], [`FlowCost`])
//! and what the bill, the diff and the explorer read of them (each flow, a group's first flow,
//! the costliest flows). `aggregate.rs` makes them: each class's results, kept from the estimate
//! before an edit where the edit did not touch the class ([`Memo`]), the groups' counts and GB.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Way;
use crate::model::{Instance, Shared};

mod aggregate;

pub(super) use aggregate::{ClassCost, Draft, Memo, aggregate, public_ids};

/// One flow: which way it goes and what its traffic costs.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowCost {
    pub instance: String,
    pub service: String,
    pub gb: f64,
    /// Which way it goes: through a NAT gateway across AZs, through a gateway endpoint, ...
    pub way: Way,
    /// GB of the flow billed as inter-AZ transfer.
    pub cross_az_gb: f64,
    /// What the flow adds to the per-GB line items (interface-endpoint data at the Region's
    /// average tier rate).
    pub monthly: f64,
}

/// The flows of one class of instances to one service: they all go one way.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowGroup {
    /// The way they go; `None` when the service is not in the catalogue (left out, noted).
    /// Shared with the class's result that an estimate keeps for the next one (an estimate
    /// after an edit copies thousands of groups whose way did not change).
    pub way: Option<Arc<Way>>,
    /// What one GB of them adds to the per-GB line items.
    pub monthly_per_gb: f64,
    /// Of each GB, how much is billed as crossing AZs.
    pub cross_az_per_gb: f64,
    /// How many flows, and their GB together.
    pub flows: usize,
    pub gb: f64,
}

/// Every flow of an estimate, grouped by class and service.
#[derive(Debug, Clone, PartialEq)]
pub struct Flows {
    /// The instances the flows come from (the scenario's list, shared).
    instances: Shared<Instance>,
    /// Per instance, its class; per class, its first instance.
    row_class: Arc<Vec<u32>>,
    first_row: Vec<usize>,
    /// The services: first those every instance sends to, then those only flows named on
    /// their own go to.
    columns: Vec<String>,
    /// How many of `columns` every instance sends to.
    every: usize,
    /// `groups[class * columns.len() + column]`.
    groups: Vec<FlowGroup>,
    /// Flows named in `flow_gb` outside instances × services: (instance row, column), in
    /// `flow_gb`'s order.
    named: Vec<(u32, u32)>,
    default_gb: f64,
    flow_gb: BTreeMap<(String, String), f64>,
}

impl Flows {
    /// No flows (before any model is loaded).
    pub fn none() -> Flows {
        Flows {
            instances: Shared::default(),
            row_class: Arc::default(),
            first_row: Vec::new(),
            columns: Vec::new(),
            every: 0,
            groups: Vec::new(),
            named: Vec::new(),
            default_gb: 0.0,
            flow_gb: BTreeMap::new(),
        }
    }

    /// The groups, with each one's usage per GB, for working out the line items.
    pub(super) fn groups_mut(&mut self) -> &mut [FlowGroup] {
        &mut self.groups
    }

    pub fn groups(&self) -> &[FlowGroup] {
        &self.groups
    }

    /// How many flows the estimate prices (those to unknown services left out).
    pub fn len(&self) -> usize {
        self.groups
            .iter()
            .filter(|g| g.way.is_some())
            .map(|g| g.flows)
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each flow as (instance row, column, its group), in order: instances in scenario order,
    /// each with every service, then the flows named on their own.
    fn each(&self) -> impl Iterator<Item = (usize, usize, &FlowGroup)> + '_ {
        self.places()
            .map(|(row, col)| (row, col, self.group_at(row, col)))
            .filter(|(_, _, g)| g.way.is_some())
    }

    /// GB per month of one flow.
    fn gb(&self, row: usize, col: usize) -> f64 {
        if self.flow_gb.is_empty() {
            return self.default_gb;
        }
        self.flow_gb
            .get(&(self.instances[row].id.clone(), self.columns[col].clone()))
            .copied()
            .unwrap_or(self.default_gb)
    }

    /// Every flow's place, (instance row, column), in flow order, whether or not it goes
    /// anywhere; and the group of the flow at a place.
    pub(super) fn places(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.row_class.len())
            .flat_map(move |row| (0..self.every).map(move |col| (row, col)))
            .chain(self.named_places())
    }

    /// The places of the flows named on their own, after every row's services.
    pub(super) fn named_places(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.named
            .iter()
            .map(|&(row, col)| (row as usize, col as usize))
    }

    /// How many services every instance sends to (the first columns).
    pub(super) fn every_len(&self) -> usize {
        self.every
    }

    pub(super) fn group_at(&self, row: usize, col: usize) -> &FlowGroup {
        &self.groups[self.row_class[row] as usize * self.columns.len() + col]
    }

    /// The class of each instance row.
    pub(super) fn row_classes(&self) -> &[u32] {
        &self.row_class
    }

    pub(super) fn flow(&self, row: usize, col: usize, g: &FlowGroup) -> FlowCost {
        let gb = self.gb(row, col);
        FlowCost {
            instance: self.instances[row].id.clone(),
            service: self.columns[col].clone(),
            gb,
            way: g.way.as_deref().cloned().unwrap_or(Way::Partly),
            cross_az_gb: g.cross_az_per_gb * gb,
            monthly: g.monthly_per_gb * gb,
        }
    }

    /// Every flow, instances in scenario order, each with every service, then the flows named
    /// on their own.
    pub fn iter(&self) -> impl Iterator<Item = FlowCost> + '_ {
        self.each().map(|(row, col, g)| self.flow(row, col, g))
    }

    /// One flow.
    pub fn get(&self, instance: &str, service: &str) -> Option<FlowCost> {
        self.each()
            .find(|&(row, col, _)| {
                self.instances[row].id == instance && self.columns[col] == service
            })
            .map(|(row, col, g)| self.flow(row, col, g))
    }

    /// The `n` flows with traffic that cost most (ties in flow order), and how many flows have
    /// traffic.
    pub fn top(&self, n: usize) -> (Vec<FlowCost>, usize) {
        let mut top: Vec<(f64, usize, usize, &FlowGroup)> = Vec::with_capacity(n + 1);
        let mut with_traffic = 0;
        for (row, col, g) in self.each() {
            let gb = self.gb(row, col);
            if gb <= 0.0 {
                continue;
            }
            with_traffic += 1;
            let monthly = g.monthly_per_gb * gb;
            if top.len() == n && top.last().is_none_or(|t| monthly <= t.0) {
                continue;
            }
            let at = top.partition_point(|t| t.0 >= monthly);
            top.insert(at, (monthly, row, col, g));
            top.truncate(n);
        }
        let flows = top
            .into_iter()
            .map(|(_, row, col, g)| self.flow(row, col, g))
            .collect();
        (flows, with_traffic)
    }

    /// Whether `other` groups the same flows the same way (same instances, classes, services
    /// and GB), so that its groups can be compared one for one.
    pub(super) fn same_shape(&self, other: &Flows) -> bool {
        self.same_places(other)
            && (self.instances.shares(&other.instances) || *self.instances == *other.instances)
            && (Arc::ptr_eq(&self.row_class, &other.row_class) || self.row_class == other.row_class)
    }

    /// Whether `other` has the same flows in the same places (instances by id, services and
    /// GB), whichever classes its instances fell into (an instance given another group is in
    /// both): then the flow at (instance row, column) is the same flow in both.
    pub(super) fn same_places(&self, other: &Flows) -> bool {
        (self.instances.shares(&other.instances)
            || self.instances.len() == other.instances.len()
                && self
                    .instances
                    .iter()
                    .zip(other.instances.iter())
                    .all(|(x, y)| x.id == y.id))
            && self.columns == other.columns
            && self.every == other.every
            && self.named == other.named
            && self.default_gb == other.default_gb
            && self.flow_gb == other.flow_gb
    }

    /// For a group, its first flow's instance and service.
    pub(super) fn group_first(&self, group: usize) -> Option<(usize, usize)> {
        let width = self.columns.len().max(1);
        let (class, col) = (group / width, group % width);
        if col < self.every {
            return Some((*self.first_row.get(class)?, col));
        }
        self.named
            .iter()
            .find(|&&(row, c)| c as usize == col && self.row_class[row as usize] as usize == class)
            .map(|&(row, c)| (row as usize, c as usize))
    }

    /// How many groups each class has (the columns).
    pub(super) fn width(&self) -> usize {
        self.columns.len()
    }

    pub(super) fn instance_id(&self, row: usize) -> &str {
        &self.instances[row].id
    }

    pub(super) fn column(&self, col: usize) -> &str {
        &self.columns[col]
    }
}
