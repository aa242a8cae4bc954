//! Making an estimate's flows ([`aggregate`]): the columns (the services, then those only named
//! flows go to), each class's results — kept from the previous estimate where the edit did not
//! touch the class's walks ([`Memo`]), patched from the DNS answers they read after AZ failures,
//! or evaluated (`walks.rs`) — and each group's flow count and GB.
//!
//! Each class's results are kept with what its walks read ([`eval::WalkDeps`]), so that the
//! estimate after an edit evaluates again only the classes the edit touched.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::{FlowGroup, Flows};
use crate::cost::reuse::{Interner, Kept, Reuse, Row, source_failed_class};
use crate::cost::usage::Ids;
use crate::cost::walks::evaluate_pending;
use crate::cost::{CostInputs, CostNote, note};
use crate::eval::{self, Touched, WalkDeps};
use crate::model::Model;

/// One class's results per column (a row shared by the classes with the same results), and
/// what its walks read.
#[derive(Debug)]
pub(in crate::cost) struct ClassCost {
    pub(in crate::cost) per_column: Row,
    /// What its walks read: one entry per evaluation that made its columns (a class whose
    /// columns for some services were evaluated again after an interface-endpoint edit has two),
    /// shared with the estimates after it that keep or patch its results.
    pub(in crate::cost) deps: Arc<[WalkDeps]>,
}

/// What an estimate keeps for the next one: the model and failed AZs it was worked out for,
/// and each class's results by its key (subnet, public IP, and with security layers the
/// groups and address).
pub(in crate::cost) struct Memo {
    model: Model,
    failed: Vec<bool>,
    columns: Vec<String>,
    /// The classes, and each one's results (in the same order).
    keys: Vec<eval::ClassKey>,
    kept: Vec<Arc<ClassCost>>,
    /// The distinct usages and ways its results share, for the next estimate's.
    interner: Arc<std::sync::Mutex<Interner>>,
    /// The ids of the instances and interfaces with a public IPv4 address ([`public_ids`]).
    pub(in crate::cost) public_ids: Arc<[Arc<str>]>,
}

/// The ids of the instances, then the network interfaces, that have a public IPv4 address (a
/// line item each), in the scenario's order: those of the estimate before when it had the same
/// instances (shared, not compared: an edit that changes none keeps the list) and equal
/// interfaces.
pub(in crate::cost) fn public_ids(previous: Option<&Memo>, model: &Model) -> Arc<[Arc<str>]> {
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

#[cfg(test)]
impl Memo {
    /// Each class's key and results.
    pub(in crate::cost) fn classes(
        &self,
    ) -> impl Iterator<Item = (&eval::ClassKey, &Arc<ClassCost>)> {
        self.keys.iter().zip(&self.kept)
    }

    /// The distinct usages, ways and rows its results share.
    pub(in crate::cost) fn interner(&self) -> &Arc<std::sync::Mutex<Interner>> {
        &self.interner
    }
}

impl Memo {
    /// Where to find the results of the classes `keys` (those of a model after an edit).
    fn finder<'m>(&'m self, keys: &[eval::ClassKey]) -> Finder<'m> {
        match self.keys == keys {
            true => Finder::Same(&self.kept),
            false => Finder::ByKey(self.keys.iter().zip(&self.kept).collect()),
        }
    }
}

/// The results of the classes before an edit, found by their classes after it: by place when
/// both are the same classes in the same order (an edit that kept the instances, their subnets
/// and public IPs: the lists compared once), by key otherwise.
enum Finder<'m> {
    Same(&'m [Arc<ClassCost>]),
    ByKey(rustc_hash::FxHashMap<&'m eval::ClassKey, &'m Arc<ClassCost>>),
}

impl<'m> Finder<'m> {
    /// The results of class `k`, whose key is `key`.
    fn get(&self, k: usize, key: &eval::ClassKey) -> Option<&'m Arc<ClassCost>> {
        match self {
            Finder::Same(kept) => kept.get(k),
            Finder::ByKey(by) => by.get(key).copied(),
        }
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} columns)", self.columns.len())
    }
}

/// The flows of `model`, with each group's usage per GB, and the memo for the next estimate.
/// `previous`: the memo of the estimate before an edit; classes whose walks the edit did not
/// touch keep their results.
pub(in crate::cost) fn aggregate(
    model: &Model,
    failed: &[bool],
    inputs: &CostInputs,
    previous: Option<&Memo>,
    notes: &mut Vec<CostNote>,
) -> (Flows, Vec<Arc<ClassCost>>, Memo) {
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
    // Whether the columns are the previous estimate's, in its order (asked once, not per class).
    let in_order = prior.iter().enumerate().all(|(c, p)| *p == Some(c));
    // The old class's results with its columns in the new order, those in `redo` (and any the
    // previous estimate did not have) to evaluate again, those in `patch` worked out from the
    // DNS answer they read after AZ failures (or evaluated again when that cannot be done).
    let carry = |key: &eval::ClassKey,
                 old: &Arc<ClassCost>,
                 redo: &[usize],
                 patch: &[(usize, eval::Answered)]|
     -> Carried {
        let same = in_order && old.per_column.len() == columns.len();
        if same && redo.is_empty() && patch.is_empty() {
            return Carried::Kept(Arc::clone(old));
        }
        // Only patched from the DNS answers their traces read (most classes after an AZ
        // failure): the row worked out once for the classes that had it and read the same
        // answers in one AZ.
        if same && redo.is_empty() {
            let patched =
                reuse
                    .borrow_mut()
                    .patched_row(model, failed, key.subnet, &old.per_column, patch);
            return match patched {
                Ok(row) => Carried::Kept(Arc::new(ClassCost {
                    per_column: row,
                    deps: Arc::clone(&old.deps),
                })),
                Err((per_column, walk)) => {
                    let again = (0..columns.len()).filter(|c| walk.contains(c)).collect();
                    let deps = old.deps.to_vec();
                    Carried::Again(Draft { per_column, deps }, again)
                }
            };
        }
        // Columns in the same order (an estimate for the same services): the list copied as
        // it is rather than placed column by column.
        let per_column = if same {
            old.per_column.to_vec()
        } else {
            prior
                .iter()
                .map(|p| p.and_then(|j| old.per_column[j].clone()))
                .collect()
        };
        let mut class = Draft {
            per_column,
            deps: old.deps.to_vec(),
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
        // (None when the columns are the previous estimate's and none is walked again: most
        // classes after an AZ failure, whose columns are only patched.)
        let again: Vec<usize> = match in_order && redo.is_empty() && walk.is_empty() {
            true => Vec::new(),
            false => (0..columns.len())
                .filter(|c| prior[*c].is_none() || redo.contains(c) || walk.contains(c))
                .collect(),
        };
        match again.is_empty() {
            true => Carried::Kept(Arc::new(ClassCost {
                per_column: reuse.borrow().row(class.per_column),
                deps: class.deps.into(),
            })),
            false => Carried::Again(class, again),
        }
    };
    let touched =
        usable.and_then(|m| Touched::between(&m.model, &m.failed, model, failed).map(|t| (m, t)));
    let found = touched.as_ref().map(|(m, _)| m.finder(&classes.keys));
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
    // Each class's plan, and its services as columns, in lists kept from one class to the
    // next (an AZ failure at 4x the quota model plans over a thousand classes: a list or two
    // allocated and freed per class was a fifth of planning).
    let mut planned = eval::Planned::default();
    let (mut redo, mut patch): (Vec<usize>, Vec<(usize, eval::Answered)>) = Default::default();
    let mut per_class: Vec<Option<Carried>> = classes
        .keys
        .iter()
        .enumerate()
        .map(|(k, key)| {
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
            let old = found.as_ref()?.get(k, key)?;
            if !t.plan_into(&old.deps, &mut planned) {
                return None;
            }
            redo.clear();
            redo.extend(
                planned
                    .redo()
                    .filter_map(|s| column_of.get(s).copied().flatten()),
            );
            patch.clear();
            patch.extend(
                planned
                    .patch()
                    .filter_map(|(s, a)| Some((column_of.get(s).copied().flatten()?, a))),
            );
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
        let found = m.finder(&classes.keys);
        for (k, key) in classes.keys.iter().enumerate() {
            if let Some(old) = found.get(k, key) {
                let moved = moves.as_ref().map(|mv| {
                    Arc::new(ClassCost {
                        per_column: Arc::clone(&old.per_column),
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
    let mut source_failed = crate::cost::reuse::SourceFailed::default();
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
                Draft {
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

    // How many flows each group has, and their GB: set where the groups are made below, then
    // the flows given a figure of their own and those named on their own added to their groups
    // (the same sums in the same order as in lists of their own, without two lists the size
    // of the groups: 84,000 at 4x the quota model, zeroed, filled and freed per estimate).
    let width = columns.len();
    let mut size = vec![0usize; n_classes];
    for &c in &classes.row_class {
        size[c as usize] += 1;
    }
    // Notes in the order the flows name them: the services every instance sends to (at the
    // first instance), then the flows named on their own.
    if let Some(first) = per_class.first().filter(|_| !s.instances.is_empty()) {
        for (service, result) in columns[..every].iter().zip(first.per_column.iter()) {
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

    // The groups; their usages stay where the classes' results keep them.
    let mut groups = Vec::with_capacity(n_classes * width);
    for (class, &n) in per_class.iter().zip(&size) {
        for (col, result) in class.per_column.iter().enumerate() {
            let (cross_az_per_gb, way) = match result {
                Some((u, way)) => (u.cross_az_gb, Some(Arc::clone(way))),
                None => (crate::cost::usage::NOTHING.cross_az_gb, None),
            };
            let every_one = col < every;
            groups.push(FlowGroup {
                way,
                monthly_per_gb: 0.0,
                cross_az_per_gb,
                flows: if every_one { n } else { 0 },
                gb: if every_one {
                    inputs.default_gb_per_flow * n as f64
                } else {
                    0.0
                },
            });
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
                groups[c * width + col].gb += v - inputs.default_gb_per_flow;
            }
        }
    }
    for (&v, n) in inputs.flow_gb.values().zip(&named) {
        if let Some((row, col)) = *n {
            let g = &mut groups[classes.row_class[row as usize] as usize * width + col as usize];
            g.flows += 1;
            g.gb += v;
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
        keys: classes.keys,
        kept: per_class.clone(),
        interner: reuse.interner,
        public_ids: public_ids(previous, model),
    };
    (flows, per_class, memo)
}

/// A class's results carried from the previous estimate: kept as they are, or with columns
/// to evaluate again.
enum Carried {
    Kept(Arc<ClassCost>),
    Again(Draft, Vec<usize>),
}

/// A class's results while some of its columns are evaluated again.
pub(in crate::cost) struct Draft {
    pub(in crate::cost) per_column: Vec<Option<Kept>>,
    pub(in crate::cost) deps: Vec<WalkDeps>,
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
