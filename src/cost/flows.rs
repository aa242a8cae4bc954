//! The flows of an estimate, by class: instances that share a subnet and public-IP state share
//! every path (as in the matrix, `eval::classes`), so each class × service is evaluated once and
//! kept as one [`FlowGroup`] — how many flows, their GB, the way they go and what one GB of them
//! costs. Every charge is linear in the GB, so the line items are the groups' usage per GB times
//! their GB: a quota-sized model's 270,000 flows are about 5,400 groups.
//!
//! Each class's results are kept with what its walks read ([`eval::WalkDeps`]), so that the
//! estimate after an edit evaluates again only the classes the edit touched ([`Memo`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use super::reuse::{Interner, Reuse, source_failed_class};
use super::usage::{Ids, Usage};
use super::walks::evaluate_pending;
use super::{CostInputs, CostNote, Way, note};
use crate::eval::{self, Touched, WalkDeps};
use crate::model::{Instance, Model, Shared};

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

/// One class's results per column, and what its walks read.
#[derive(Debug)]
pub(super) struct ClassCost {
    pub(super) per_column: Vec<Option<(Arc<Usage>, Arc<Way>)>>,
    /// What its walks read: one entry per evaluation that made its columns (a class whose
    /// columns for some services were evaluated again after an interface-endpoint edit has two).
    pub(super) deps: Vec<WalkDeps>,
}

/// What an estimate keeps for the next one: the model and failed AZs it was worked out for,
/// and each class's results by its key (subnet, public IP, and with security layers the
/// groups and address).
pub(super) struct Memo {
    model: Model,
    failed: Vec<bool>,
    columns: Vec<String>,
    slots: rustc_hash::FxHashMap<eval::ClassKey, Arc<ClassCost>>,
    /// The distinct usages and ways its results share, for the next estimate's.
    interner: Arc<std::sync::Mutex<Interner>>,
    /// The ids of the instances and interfaces with a public IPv4 address ([`public_ids`]).
    pub(super) public_ids: Arc<[Arc<str>]>,
}

/// The ids of the instances, then the network interfaces, that have a public IPv4 address (a
/// line item each), in the scenario's order: those of the estimate before when it had the same
/// instances (shared, not compared: an edit that changes none keeps the list) and equal
/// interfaces.
pub(super) fn public_ids(previous: Option<&Memo>, model: &Model) -> Arc<[Arc<str>]> {
    let s = model.scenario();
    if let Some(m) = previous {
        let p = m.model.scenario();
        if p.instances.shares(&s.instances) && p.network_interfaces == s.network_interfaces {
            return Arc::clone(&m.public_ids);
        }
    }
    s.instances
        .iter()
        .filter(|i| i.public_ip)
        .map(|i| Arc::from(i.id.as_str()))
        .chain(
            s.network_interfaces
                .iter()
                .filter(|n| n.public_ip)
                .map(|n| Arc::from(n.id.as_str())),
        )
        .collect()
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} columns)", self.columns.len())
    }
}

/// The flows of `model`, with each group's usage per GB, and the memo for the next estimate.
/// `previous`: the memo of the estimate before an edit; classes whose walks the edit did not
/// touch keep their results.
pub(super) fn aggregate(
    model: &Model,
    failed: &[bool],
    inputs: &CostInputs,
    previous: Option<&Memo>,
    notes: &mut Vec<CostNote>,
) -> (Flows, Vec<Arc<Usage>>, Memo) {
    let s = model.scenario();
    let classes = eval::classes(model);
    let n_classes = classes.keys.len();

    // Columns: the services, then services only named flows go to.
    let mut columns = inputs.services.clone();
    let every = columns.len();
    let services: HashSet<&str> = inputs.services.iter().map(String::as_str).collect();
    // Per `flow_gb` entry: its (row, column) when it is a flow of its own, and the instance
    // when the model has none of that id.
    let mut named = Vec::new();
    let mut missing = Vec::new();
    for (instance, service) in inputs.flow_gb.keys() {
        let covered =
            services.contains(service.as_str()) && s.instances.iter().any(|i| &i.id == instance);
        if covered {
            missing.push(None);
            named.push(None);
            continue;
        }
        let Some(row) = model.instance_index(instance) else {
            missing.push(Some(instance.clone()));
            named.push(None);
            continue;
        };
        let column = match columns[every..].iter().position(|c| c == service) {
            Some(c) => every + c,
            None => {
                columns.push(service.clone());
                columns.len() - 1
            }
        };
        missing.push(None);
        named.push(Some((row as u32, column as u32)));
    }

    // Each class's results: kept from the previous estimate where the edit did not touch it.
    // Its columns are found by name: an estimate for more services (the path a fix is for)
    // keeps the columns it shares with the previous one and evaluates the others.
    let usable = previous.filter(|m| {
        same_ids(&m.model.scenario().gateway_endpoints, &s.gateway_endpoints)
            && m.failed.len() == failed.len()
    });
    let prior: Vec<Option<usize>> = match usable {
        Some(m) => columns
            .iter()
            .map(|c| m.columns.iter().position(|x| x == c))
            .collect(),
        None => vec![None; columns.len()],
    };
    let names: Vec<&str> = columns.iter().map(String::as_str).collect();
    let ids = Ids::new(model);
    let reuse = std::cell::RefCell::new(Reuse::new(previous.map(|m| &m.interner)));
    // The old class's results with its columns in the new order, those in `redo` (and any the
    // previous estimate did not have) to evaluate again, those in `patch` worked out from the
    // DNS answer they read after AZ failures (or evaluated again when that cannot be done).
    let carry = |key: &eval::ClassKey,
                 old: &Arc<ClassCost>,
                 redo: &[usize],
                 patch: &[(usize, eval::Answered)]|
     -> Carried {
        let same = prior.iter().enumerate().all(|(c, p)| *p == Some(c))
            && old.per_column.len() == columns.len();
        if same && redo.is_empty() && patch.is_empty() {
            return Carried::Kept(Arc::clone(old));
        }
        // Columns in the same order (an estimate for the same services): the list copied as
        // it is rather than placed column by column (after an AZ failure at 4x the quota
        // model thousands of classes are carried this way).
        let per_column = if same {
            old.per_column.clone()
        } else {
            prior
                .iter()
                .map(|p| p.and_then(|j| old.per_column[j].clone()))
                .collect()
        };
        let mut class = ClassCost {
            per_column,
            deps: old.deps.clone(),
        };
        let mut walk = Vec::new();
        for &(c, answer) in patch {
            let patched = class.per_column[c].as_ref().and_then(|(u, way)| {
                reuse
                    .borrow_mut()
                    .patched(model, failed, key.subnet, &answer, u, way)
            });
            match patched {
                // The answer's reads stay as recorded: its ENIs only failed since.
                Some(p) => class.per_column[c] = Some(p),
                None => walk.push(c),
            }
        }
        let again: Vec<usize> = (0..columns.len())
            .filter(|c| prior[*c].is_none() || redo.contains(c) || walk.contains(c))
            .collect();
        match again.is_empty() {
            true => Carried::Kept(Arc::new(class)),
            false => Carried::Again(class, again),
        }
    };
    let touched =
        usable.and_then(|m| Touched::between(&m.model, &m.failed, model, failed).map(|t| (m, t)));
    // FxHash: small keys, hashed once per class here and once in the next estimate.
    let mut slots =
        rustc_hash::FxHashMap::with_capacity_and_hasher(classes.keys.len(), Default::default());
    // Per model service, its column: a rule edit evaluates again only the columns of the
    // services whose walks read the group or network ACL it changed.
    let column_of: Vec<Option<usize>> = match touched {
        Some(_) => model
            .services()
            .iter()
            .map(|svc| columns.iter().position(|c| *c == svc.name))
            .collect(),
        None => Vec::new(),
    };
    let mut per_class: Vec<Option<Carried>> = classes
        .keys
        .iter()
        .map(|key| {
            let (m, t) = touched.as_ref()?;
            // A class whose source's AZ failed with this edit read that AZ: its results are
            // made again below (without a walk), so its reads are not planned cell by cell
            // first (a quarter of the classes at 4x the quota model).
            let az = model.subnet_az[key.subnet];
            if failed.get(az) == Some(&true)
                && m.failed.get(az) == Some(&false)
                && !s.subnets[key.subnet].ipv6_only
            {
                return None;
            }
            let old = m.slots.get(key)?;
            let plan = t.plan(&old.deps)?;
            let redo: Vec<usize> = plan
                .redo
                .into_iter()
                .filter_map(|s| column_of.get(s).copied().flatten())
                .collect();
            let patch: Vec<(usize, eval::Answered)> = plan
                .patch
                .into_iter()
                .filter_map(|(s, a)| Some((column_of.get(s).copied().flatten()?, a)))
                .collect();
            Some(carry(key, old, &redo, &patch))
        })
        .collect();
    // An edit to interface endpoints only: the columns of their services are evaluated again
    // in every class, the others kept (on the quota model, one column of 35 instead of all).
    if touched.is_none()
        && let Some(m) = usable.filter(|m| m.failed == failed)
        && let Some(services) = m.model.interface_endpoint_change(model)
    {
        let redo: Vec<usize> = (0..columns.len())
            .filter(|&c| services.contains(&columns[c]))
            .collect();
        // Deleting or adding an endpoint moves the others' indexes, which the kept reads name.
        let moves = eval::EndpointMoves::between(&m.model, model);
        for (k, key) in classes.keys.iter().enumerate() {
            if let Some(old) = m.slots.get(key) {
                let moved = moves.as_ref().map(|mv| {
                    Arc::new(ClassCost {
                        per_column: old.per_column.clone(),
                        deps: old
                            .deps
                            .iter()
                            .map(|d| d.with_endpoints_moved(mv))
                            .collect(),
                    })
                });
                per_class[k] = Some(carry(key, moved.as_ref().unwrap_or(old), &redo, &[]));
            }
        }
    }
    // What is left to evaluate: the columns of carried classes, every column of new ones. A
    // class whose source's AZ failed gets nowhere: its results are known without a walk.
    let mut done: Vec<Option<Arc<ClassCost>>> = vec![None; n_classes];
    let mut pending = Vec::new();
    let mut source_failed = super::reuse::SourceFailed::default();
    for (k, carried) in per_class.into_iter().enumerate() {
        match carried {
            Some(Carried::Kept(c)) => done[k] = Some(c),
            Some(Carried::Again(c, again)) => pending.push((k, c, again)),
            None if let Some(c) = source_failed_class(
                model,
                failed,
                &classes.keys[k],
                &names,
                &mut source_failed,
            ) =>
            {
                done[k] = Some(c)
            }
            None => pending.push((
                k,
                ClassCost {
                    per_column: vec![None; columns.len()],
                    deps: Vec::new(),
                },
                (0..columns.len()).collect(),
            )),
        }
    }
    let reuse = reuse.into_inner();
    // Fresh results come interned (for the next estimate's, and equal ways as one `Arc`).
    let evaluated = evaluate_pending(
        model,
        &ids,
        failed,
        &classes.keys,
        pending,
        &names,
        &reuse.interner,
    );
    for (k, class) in evaluated {
        done[k] = Some(class);
    }
    let per_class: Vec<Arc<ClassCost>> = done
        .into_iter()
        .map(|c| c.expect("every class kept or evaluated"))
        .collect();
    for (key, class) in classes.keys.iter().zip(&per_class) {
        slots.insert(key.clone(), Arc::clone(class));
    }

    // How many flows each group has, and their GB.
    let width = columns.len();
    let mut size = vec![0usize; n_classes];
    for &c in &classes.row_class {
        size[c as usize] += 1;
    }
    let mut count = vec![0usize; n_classes * width];
    let mut gb = vec![0.0; n_classes * width];
    for (c, &n) in size.iter().enumerate() {
        for col in 0..every {
            count[c * width + col] = n;
            gb[c * width + col] = inputs.default_gb_per_flow * n as f64;
        }
    }
    if !inputs.flow_gb.is_empty() {
        let rows: HashMap<&str, usize> = s
            .instances
            .iter()
            .enumerate()
            .map(|(r, i)| (i.id.as_str(), r))
            .collect();
        for ((instance, service), &v) in &inputs.flow_gb {
            let Some(&row) = rows.get(instance.as_str()) else {
                continue;
            };
            let c = classes.row_class[row] as usize;
            for col in (0..every).filter(|&col| &columns[col] == service) {
                gb[c * width + col] += v - inputs.default_gb_per_flow;
            }
        }
    }
    for (&v, n) in inputs.flow_gb.values().zip(&named) {
        if let Some((row, col)) = *n {
            let i = classes.row_class[row as usize] as usize * width + col as usize;
            count[i] += 1;
            gb[i] += v;
        }
    }

    // Notes in the order the flows name them: the services every instance sends to (at the
    // first instance), then the flows named on their own.
    if let Some(first) = per_class.first().filter(|_| !s.instances.is_empty()) {
        for (service, result) in columns[..every].iter().zip(&first.per_column) {
            if result.is_none() {
                note(
                    notes,
                    CostNote::NoService {
                        service: service.clone(),
                    },
                );
            }
        }
    }
    for ((key, n), instance) in inputs.flow_gb.keys().zip(&named).zip(missing) {
        if let Some(instance) = instance {
            note(notes, CostNote::NoInstance { instance });
        } else if let Some((row, col)) = *n {
            let c = classes.row_class[row as usize] as usize;
            if per_class[c].per_column[col as usize].is_none() {
                note(
                    notes,
                    CostNote::NoService {
                        service: key.1.clone(),
                    },
                );
            }
        }
    }

    let mut groups = Vec::with_capacity(n_classes * width);
    let mut usage = Vec::with_capacity(n_classes * width);
    let nothing = Arc::new(Usage::default());
    for (c, class) in per_class.iter().enumerate() {
        for (col, result) in class.per_column.iter().enumerate() {
            let i = c * width + col;
            let (u, way) = match result {
                Some((u, way)) => (Arc::clone(u), Some(Arc::clone(way))),
                None => (Arc::clone(&nothing), None),
            };
            groups.push(FlowGroup {
                way,
                monthly_per_gb: 0.0,
                cross_az_per_gb: u.cross_az_gb,
                flows: count[i],
                gb: gb[i],
            });
            usage.push(u);
        }
    }
    let flows = Flows {
        instances: s.instances.clone(),
        row_class: Arc::new(classes.row_class),
        first_row: classes.first_row,
        columns: columns.clone(),
        every,
        groups,
        named: named.into_iter().flatten().collect(),
        default_gb: inputs.default_gb_per_flow,
        flow_gb: inputs.flow_gb.clone(),
    };
    let memo = Memo {
        model: model.clone(),
        failed: failed.to_vec(),
        columns,
        slots,
        interner: reuse.interner,
        public_ids: public_ids(previous, model),
    };
    (flows, usage, memo)
}

/// A class's results carried from the previous estimate: kept as they are, or with columns
/// to evaluate again.
enum Carried {
    Kept(Arc<ClassCost>),
    Again(ClassCost, Vec<usize>),
}

/// Whether two lists of gateway endpoints are the same endpoints in the same order (the usage
/// kept per class names them by position); which tables they are attached to is read by the
/// walks through the tables' routes.
fn same_ids(a: &[crate::model::GatewayEndpoint], b: &[crate::model::GatewayEndpoint]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.id == y.id && x.service == y.service)
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
