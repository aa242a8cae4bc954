//! `evaluate_all`: every instance × every catalogue service. Instances that share a subnet and
//! public-IP state share every path, so each such class is evaluated once, without sentences.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use std::net::Ipv4Addr;

use crate::model::{GroupSet, Model, Shared, WhatIf, cores};

use super::ctx::{Ctx, Deps, Source};
use super::evaluate::{evaluate_goal, evaluate_service, resolve_goal, workload_verdict};
use super::facts::{Id, Origin, PathTrace, Verdict};
use super::query::{Probe, QueryError, To};

mod after_endpoints;
mod change;
mod classes_cache;
mod family;
mod ipv6;
mod ipv6_after;
mod regions;
use after_endpoints::after_interface_endpoints;
use change::Change;
pub use change::{Answered, EndpointMoves, Plan, Touched, WalkDeps};
pub use family::{class_families, evaluate_family};
pub use ipv6::{FamilyRows, family_rows, trace_family};
use regions::AddressRegions;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixCell {
    pub verdict: Verdict,
}

#[derive(Debug, Clone)]
pub struct Matrix {
    /// Service names: the first columns.
    pub services: Vec<String>,
    /// Workload names: the columns after the services.
    pub workloads: Vec<String>,
    /// Instance ids, the rows (shared with the matrix before an edit that kept them).
    pub instances: Shared<String>,
    /// `cells[row][column]`, services first, then workloads. Rows of instances that share a
    /// subnet and public-IP state share one allocation.
    pub cells: Vec<Arc<[MatrixCell]>>,
    /// The layers the verdicts did not evaluate ([`super::facts::unchecked`]).
    pub unchecked: crate::model::Unchecked,
    /// The traffic every cell asks about (security groups and network ACLs check it): TCP 443
    /// unless [`evaluate_all_for`] was given other traffic; [`evaluate_all_after`] keeps it.
    pub probe: Probe,
    /// The IP version every cell asks ([`evaluate_all_family`]); IPv4 unless asked.
    pub family: super::query::Family,
    /// Per row, the IP version each cell took; `None` for an IPv4 matrix (every cell IPv4).
    pub families: Option<Vec<Arc<[super::facts::IpFamily]>>>,
    /// What [`evaluate_all_after`] needs to evaluate again only what an edit touched.
    memo: Option<Arc<Memo>>,
    /// The same for a matrix asked with a family ([`ipv6_after`]).
    family_memo: Option<Arc<ipv6_after::FamilyMemo>>,
}

impl PartialEq for Matrix {
    fn eq(&self, other: &Matrix) -> bool {
        self.services == other.services
            && self.workloads == other.workloads
            && self.instances == other.instances
            && self.cells == other.cells
            && self.probe == other.probe
            && self.family == other.family
            && self.families == other.families
    }
}

impl Eq for Matrix {}

/// The model a matrix was evaluated on, its failed AZs, and per class its row and what the
/// row's walks read.
struct Memo {
    model: Model,
    failed: Vec<bool>,
    keys: Vec<ClassKey>,
    rows: Vec<Arc<[MatrixCell]>>,
    /// Per matrix row, its class (index into `keys` and `rows`).
    row_class: Vec<u32>,
    /// Shared: a class kept by an edit keeps its reads without copying them.
    deps: Vec<Arc<Deps>>,
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Memo({} classes)", self.keys.len())
    }
}

/// Traces from one class of sources (a subnet, with or without a public IP) to each of
/// `services` (by name; an unknown one is a [`QueryError`]), and what the walks read: for the
/// cost estimate, which reads the verdicts, the parts with their ranges and the hops' kinds and
/// ids. Those are what [`super::evaluate`] gives for `From::Subnet`; the hops' facts and AZs,
/// the route decisions and the notes are left out (a hop's fact is a placeholder).
pub fn evaluate_class(
    model: &Model,
    failed: &[bool],
    key: &ClassKey,
    services: &[&str],
) -> (Vec<Result<PathTrace, QueryError>>, WalkDeps) {
    evaluate_class_with(model, failed, key, services, false)
}

/// [`evaluate_class`], with the facts when `facts` is set.
fn evaluate_class_with(
    model: &Model,
    failed: &[bool],
    key: &ClassKey,
    services: &[&str],
    facts: bool,
) -> (Vec<Result<PathTrace, QueryError>>, WalkDeps) {
    let mut ctx = Ctx {
        detail: true,
        facts,
        deps: super::deps::DepsCell::new(Deps::recording()),
        ..Ctx::verdicts(model, failed, Default::default())
    };
    let source = class_source(model, key);
    let traces = services
        .iter()
        .map(|&name| {
            let trace = class_trace(&mut ctx, &source, name);
            ctx.deps.get_mut().end_cell(service_column(model, name));
            trace
        })
        .collect();
    (traces, WalkDeps(Arc::new(ctx.deps.into_inner())))
}

/// The cell a trace to `name` is recorded as: the service's index (`u32::MAX`: none).
fn service_column(model: &Model, name: &str) -> u32 {
    model
        .service_lookup
        .get(name)
        .map_or(u32::MAX, |&i| i as u32)
}

/// The trace of [`evaluate_class`] from `source` to service `name`.
fn class_trace(ctx: &mut Ctx<'_>, source: &Source, name: &str) -> Result<PathTrace, QueryError> {
    let model = ctx.model;
    let goal = resolve_goal(model, &To::Service(name.to_string()));
    ctx.notes.clear();
    ctx.aim = Default::default();
    goal.map(|goal| {
        // An IPv6-only subnet has no IPv4 path: the trace `evaluate` gives it.
        if model.scenario().subnets[source.subnet].ipv6_only
            && let super::ipv6::Plan::Done(t) = super::ipv6::plan(
                model,
                &ctx.failed,
                source,
                &goal,
                &super::facts::Id::from(name),
                (super::query::Family::Ipv4, ctx.probe),
                None,
            )
        {
            return *t;
        }
        evaluate_goal(ctx, source, &goal)
    })
}

impl Matrix {
    pub fn cell(&self, instance: usize, service: usize) -> Option<&MatrixCell> {
        self.cells.get(instance)?.get(service)
    }

    /// The IP version a cell's path took.
    pub fn cell_family(&self, instance: usize, column: usize) -> super::facts::IpFamily {
        self.families
            .as_ref()
            .and_then(|f| f.get(instance)?.get(column).copied())
            .unwrap_or(super::facts::IpFamily::Ipv4)
    }

    /// Every distinct row, each once or a few times: the rows of the classes when the matrix
    /// knows them (a few thousand at 4x the quota model, whose 40,000 rows share them), every
    /// row otherwise.
    pub fn distinct_rows(&self) -> &[Arc<[MatrixCell]>] {
        match &self.memo {
            Some(m) => &m.rows,
            None => &self.cells,
        }
    }

    /// Per row, its class when the matrix knows them: rows of one class share their cells
    /// (one allocation), so what is worked out for one row's cells holds for its class's.
    pub fn row_classes(&self) -> Option<&[u32]> {
        self.memo.as_ref().map(|m| m.row_class.as_slice())
    }
}

/// Every instance to every service and workload with the IP version `family` asks: the IPv4
/// matrix ([`evaluate_all_for`]) for IPv4, else each cell as [`super::evaluate`] gives the
/// instance's query with that family ([`family_rows`]).
pub fn evaluate_all_family(
    model: &Model,
    what_if: &WhatIf,
    probe: Probe,
    family: super::query::Family,
) -> Matrix {
    if family == super::query::Family::Ipv4 {
        return evaluate_all_for(model, what_if, probe);
    }
    let failed = model.failed_azs(what_if);
    let r = family_rows(model, &failed, probe, family);
    ipv6_after::family_matrix(model, failed, probe, family, r)
}

/// What decides the paths of a class of instances: the subnet and public-IP state, and when
/// security groups or network ACLs are evaluated, the instance's groups and private address
/// (rules name addresses and groups). The address in a key from [`classes`] is the one that
/// stands for all the subnet's addresses no CIDR tells apart (`AddressRegions`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClassKey {
    pub subnet: usize,
    pub public_ip: bool,
    pub security: Option<(GroupSet, Option<Ipv4Addr>)>,
}

/// Instances grouped by what decides their paths: instances that share a subnet and public-IP
/// state (and, with security layers, groups and address) share every path, so the matrix
/// evaluates each such class once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classes {
    /// Per class, its key, in order of first appearance.
    pub keys: Vec<ClassKey>,
    /// Per instance (matrix row), its class.
    pub row_class: Vec<u32>,
    /// Per class, its first instance: the one whose full trace stands for the class.
    pub first_row: Vec<usize>,
}

/// The classes of the model's instances (those of the model asked before when an edit left
/// them alike: `classes_cache`).
pub fn classes(model: &Model) -> Classes {
    classes_cache::classes(model, classes_afresh)
}

/// [`classes`], made from the instances.
fn classes_afresh(model: &Model) -> Classes {
    let scenario = model.scenario();
    let sec = model.security();
    let mut keys: Vec<ClassKey> = Vec::new();
    let mut first_row = Vec::new();
    // A policy on `aws:VpcSourceIp` makes the address decide too (aws-semantics.md §5b).
    let row_class = if sec.groups_on || sec.acls_on || model.policies_read_address {
        // FxHash: keys are small and hashed once per instance (10,000 on the quota model).
        let mut class_of: rustc_hash::FxHashMap<ClassKey, u32> = Default::default();
        // Policies compare the exact address (`aws:VpcSourceIp`): then each address stands
        // for itself; otherwise addresses that no CIDR tells apart share a class.
        let mut regions = (!model.policies_read_address).then(|| AddressRegions::new(model));
        scenario
            .instances
            .iter()
            .zip(model.instance_subnet.iter())
            .enumerate()
            .map(|(row, (inst, &subnet))| {
                let address = match (&mut regions, inst.private_ip) {
                    (Some(r), Some(ip)) => Some(r.representative(subnet, ip)),
                    (_, ip) => ip,
                };
                let key = ClassKey {
                    subnet,
                    public_ip: inst.public_ip,
                    security: Some((sec.instance_groups[row].clone(), address)),
                };
                *class_of.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    first_row.push(row);
                    (keys.len() - 1) as u32
                })
            })
            .collect()
    } else {
        // A class is found by its slot (subnet, public IP), numbered in order of first
        // appearance.
        let mut class_of: Vec<u32> = vec![u32::MAX; 2 * scenario.subnets.len().max(1)];
        scenario
            .instances
            .iter()
            .zip(model.instance_subnet.iter())
            .enumerate()
            .map(|(row, (inst, &subnet))| {
                let slot = &mut class_of[2 * subnet + usize::from(inst.public_ip)];
                if *slot == u32::MAX {
                    *slot = keys.len() as u32;
                    keys.push(ClassKey {
                        subnet,
                        public_ip: inst.public_ip,
                        security: None,
                    });
                    first_row.push(row);
                }
                *slot
            })
            .collect()
    };
    Classes {
        keys,
        row_class,
        first_row,
    }
}

/// The matrix's column names: services, then `workload:NAME` for each workload.
pub fn columns(model: &Model) -> (Vec<String>, Vec<String>) {
    (
        model.services().iter().map(|s| s.name.clone()).collect(),
        model
            .workloads()
            .iter()
            .map(|w| format!("workload:{}", w.name))
            .collect(),
    )
}

/// One row of verdicts per class (services, then workloads), the classes shared out over the
/// cores.
pub fn evaluate_classes(
    model: &Model,
    what_if: &WhatIf,
    keys: &[ClassKey],
) -> Vec<Arc<[MatrixCell]>> {
    let failed = model.failed_azs(what_if);
    evaluate_rows(model, &failed, keys, false, Probe::default())
        .into_iter()
        .map(|(row, _)| row)
        .collect()
}

/// The instances' ids for a matrix after an edit: the previous matrix's list while the
/// scenario still shares its instances with the one that matrix was evaluated on.
fn instance_ids(previous: &Matrix, before: &Model, model: &Model) -> Shared<String> {
    if before
        .scenario()
        .instances
        .shares(&model.scenario().instances)
    {
        previous.instances.clone()
    } else {
        model
            .scenario()
            .instances
            .iter()
            .map(|i| i.id.clone())
            .collect()
    }
}

/// Each class's row, and with `record` what its walks read.
fn evaluate_rows(
    model: &Model,
    failed: &[bool],
    keys: &[ClassKey],
    record: bool,
    probe: Probe,
) -> Vec<(Arc<[MatrixCell]>, Arc<Deps>)> {
    // Families are independent: every thread takes the next family from one counter until
    // none is left, so none waits for another whose families cost more.
    let families = family::families(model, keys.iter());
    let threads = cores().min(keys.len().div_ceil(32)).max(1);
    let next = AtomicUsize::new(0);
    let work = || {
        let mut ctx = Ctx::verdicts(model, failed, probe);
        let mut done = Vec::new();
        loop {
            let f = next.fetch_add(1, Ordering::Relaxed);
            let Some(members) = families.get(f) else {
                return done;
            };
            done.extend(
                family::rows(&mut ctx, keys, members, record)
                    .into_iter()
                    .map(|(k, (row, deps))| (k, (row, Arc::new(deps)))),
            );
        }
    };
    let mut rows = crate::model::gather(threads, work);
    // Every class once, each tagged with its index: back in the keys' order.
    rows.sort_unstable_by_key(|&(k, _)| k);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Every source class to every service and workload, for HTTPS (TCP 443).
pub fn evaluate_all(model: &Model, what_if: &WhatIf) -> Matrix {
    evaluate_all_for(model, what_if, Probe::default())
}

/// [`evaluate_all`] for other traffic (`udp/53`): what security groups and network ACLs check.
pub fn evaluate_all_for(model: &Model, what_if: &WhatIf, probe: Probe) -> Matrix {
    let failed = model.failed_azs(what_if);
    let classes = classes(model);
    let rows = evaluate_rows(model, &failed, &classes.keys, true, probe);
    let (rows, deps) = rows.into_iter().unzip();
    let instances = model
        .scenario()
        .instances
        .iter()
        .map(|i| i.id.clone())
        .collect();
    assemble(model, failed, classes, rows, deps, instances, probe)
}

/// The matrix of `model` after an edit, `previous` being the matrix of the model before it:
/// only the classes whose recorded dependencies the edit touched (a route table, a subnet's
/// association, an AZ's failure) are evaluated again, and a class new to the model; after an
/// edit to interface endpoints only, every class evaluates again just the columns of their
/// services (and its workloads); anything else an edit changed (a NAT gateway, DNS, ...)
/// evaluates every class again. Debug builds check the result against [`evaluate_all`].
pub fn evaluate_all_after(previous: &Matrix, model: &Model, what_if: &WhatIf) -> Matrix {
    let failed = model.failed_azs(what_if);
    let change = previous
        .memo
        .as_ref()
        .and_then(|m| Some((m, Change::between(&m.model, &m.failed, model, &failed)?)));
    let probe = previous.probe;
    // A matrix asked with a family: its groups whose reads the edit left alone are kept.
    if previous.family != super::query::Family::Ipv4 {
        if let Some(m) = ipv6_after::after(previous, model, what_if, &failed) {
            return m;
        }
        return evaluate_all_family(model, what_if, probe, previous.family);
    }
    let Some((memo, change)) = change else {
        if let Some(memo) = previous.memo.as_ref().filter(|m| m.failed == failed)
            && let Some(services) = memo.model.interface_endpoint_change(model)
        {
            return after_interface_endpoints(previous, memo, model, what_if, &services);
        }
        return evaluate_all_for(model, what_if, probe);
    };
    let classes = classes(model);
    // The previous class of each key, if any.
    let before: rustc_hash::FxHashMap<&ClassKey, u32> = memo
        .keys
        .iter()
        .enumerate()
        .map(|(k, key)| (key, k as u32))
        .collect();
    let mut rows = Vec::with_capacity(classes.keys.len());
    let mut deps = Vec::with_capacity(classes.keys.len());
    let mut again = Vec::new();
    let mut cells = Vec::new();
    let mut unavailable = change::SourceFailed::default();
    // What a class evaluated again holds until its row is made: one of each, shared (an AZ
    // failure at 4x the quota model evaluates thousands of classes again).
    let (no_row, no_deps): (Arc<[MatrixCell]>, Arc<Deps>) = (Arc::from(Vec::new()), Arc::default());
    // A class whose source's AZ failed with this edit: its walks read that AZ, so its row is
    // made again below (without a walk) whatever else they read, and its reads, a cell at a
    // time, are not looked through first (a quarter of the classes at 4x the quota model).
    let just_failed = |subnet: usize| {
        let az = model.subnet_az[subnet];
        failed.get(az) == Some(&true)
            && memo.failed.get(az) == Some(&false)
            && !model.scenario().subnets[subnet].ipv6_only
    };
    for (k, key) in classes.keys.iter().enumerate() {
        let j = before.get(key).copied().unwrap_or(u32::MAX) as usize;
        let hit = match memo.deps.get(j) {
            Some(_) if just_failed(key.subnet) => change::Hit::Row,
            Some(d) => change.hit(d),
            None => change::Hit::Row,
        };
        // A source whose AZ failed gets nowhere: its row is known without a walk.
        if hit != change::Hit::Keep
            && let Some((row, d)) = change::source_failed_row(model, &failed, key, &mut unavailable)
        {
            #[cfg(debug_assertions)]
            {
                // What a walk reads, so that later edits find the class as a walk leaves it.
                let walked = evaluate_rows(model, &failed, std::slice::from_ref(key), true, probe);
                assert_eq!(walked[0].1, d);
            }
            rows.push(row);
            deps.push(d);
            continue;
        }
        match hit {
            change::Hit::Keep => {
                rows.push(memo.rows[j].clone());
                deps.push(Arc::clone(&memo.deps[j]));
            }
            change::Hit::Cells { redo, patch } => {
                cells.push((k, j, redo, patch));
                rows.push(Arc::clone(&no_row));
                deps.push(Arc::clone(&no_deps));
            }
            change::Hit::Row => {
                again.push(k);
                rows.push(Arc::clone(&no_row));
                deps.push(Arc::clone(&no_deps));
            }
        }
    }
    if !cells.is_empty() {
        for (k, row, d) in change::redo_cells(model, &failed, probe, memo, &classes.keys, cells) {
            rows[k] = row;
            deps[k] = d;
        }
    }
    let keys: Vec<ClassKey> = again.iter().map(|&k| classes.keys[k].clone()).collect();
    for (k, (row, d)) in again
        .into_iter()
        .zip(evaluate_rows(model, &failed, &keys, true, probe))
    {
        rows[k] = row;
        deps[k] = d;
    }
    let instances = instance_ids(previous, &memo.model, model);
    let matrix = assemble(model, failed, classes, rows, deps, instances, probe);
    #[cfg(debug_assertions)]
    {
        let full = evaluate_all_for(model, what_if, probe);
        // The incremental matrix must equal a full evaluation (an invariant, not a message).
        assert_eq!(matrix, full);
    }
    matrix
}

fn assemble(
    model: &Model,
    failed: Vec<bool>,
    classes: Classes,
    rows: Vec<Arc<[MatrixCell]>>,
    deps: Vec<Arc<Deps>>,
    instances: Shared<String>,
    probe: Probe,
) -> Matrix {
    let (services, workloads) = columns(model);
    Matrix {
        unchecked: super::facts::unchecked(model),
        probe,
        family: Default::default(),
        families: None,
        family_memo: None,
        services,
        workloads,
        instances,
        cells: classes
            .row_class
            .iter()
            .map(|&c| Arc::clone(&rows[c as usize]))
            .collect(),
        memo: Some(Arc::new(Memo {
            model: model.clone(),
            failed,
            keys: classes.keys,
            rows,
            row_class: classes.row_class,
            deps,
        })),
    }
}

/// Every service, then every workload, for one class of sources.
/// The source that stands for a class: a hypothetical instance in its subnet, with its public-IP
/// state, and (with security layers) its groups and address.
fn class_source(model: &Model, key: &ClassKey) -> Source {
    let (subnet, public_ip) = (key.subnet, key.public_ip);
    let cidr = model.scenario().subnets[subnet].ipv4_or_none();
    let (groups, address) = match &key.security {
        Some((groups, ip)) => (groups.clone(), ip.map_or(cidr, ipnet::Ipv4Net::from)),
        None => (smallvec::smallvec![model.security().default_group], cidr),
    };
    Source {
        origin: Origin::Subnet {
            id: Id::default(),
            public_ip,
        },
        subnet,
        public_ip,
        address,
        groups,
    }
}

/// One IPv4 cell: the matrix is IPv4 (`check --family` asks IPv6 path by path), so a class in an
/// IPv6-only subnet, which has no IPv4 address, is `no_ipv4_address` in every column.
fn cell_verdict(ctx: &mut Ctx<'_>, source: &super::ctx::Source, service: usize) -> Verdict {
    if ctx.model.scenario().subnets[source.subnet].ipv6_only {
        return Verdict::Blocked(super::facts::Reason::NoIpv4Address);
    }
    evaluate_service(ctx, source, service).verdict
}

fn class_row(ctx: &mut Ctx<'_>, key: &ClassKey) -> Arc<[MatrixCell]> {
    let model = ctx.model;
    let services = model.services();
    let source = class_source(model, key);
    let deps = ctx.deps.get_mut();
    if deps.on {
        deps.cells.reserve_exact(services.len());
        deps.az_cells.reserve_exact(services.len());
    }
    let row: Vec<MatrixCell> = (0..services.len())
        .map(|s| {
            let verdict = cell_verdict(ctx, &source, s);
            ctx.deps.get_mut().end_cell(s as u32);
            MatrixCell { verdict }
        })
        .collect();
    with_workloads(model, row)
}

/// A row of service cells with its workloads' cells after them.
fn with_workloads(model: &Model, mut row: Vec<MatrixCell>) -> Arc<[MatrixCell]> {
    let services = model.services();
    // A workload's verdict follows from its parts' cells: no second evaluation.
    for w in model.workloads() {
        let parts: Vec<&Verdict> = w
            .services
            .iter()
            .filter_map(|name| services.iter().position(|s| &s.name == name))
            .map(|i| &row[i].verdict)
            .collect();
        let verdict = if parts.len() == w.services.len() {
            workload_verdict(parts.into_iter())
        } else {
            Verdict::Blocked(super::facts::Reason::WorkloadPartFailed)
        };
        row.push(MatrixCell { verdict });
    }
    row.into()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::eval::HopKind;
    use crate::model::{Edit, load_file};

    fn private_only() -> Model {
        load_file(Path::new("scenarios/private-only.ron")).expect("loads")
    }

    /// Which rows an edit's matrix shares with the matrix before it.
    fn shared_rows(before: &Matrix, after: &Matrix) -> Vec<bool> {
        before
            .cells
            .iter()
            .zip(&after.cells)
            .map(|(a, b)| Arc::ptr_eq(a, b))
            .collect()
    }

    /// A trace as the cost estimate reads it: verdict, hops by kind and id, parts with ranges.
    type Shape = (
        Verdict,
        Vec<(HopKind, Id)>,
        Vec<(Option<Id>, Vec<ipnet::Ipv4Net>, Verdict, Vec<(HopKind, Id)>)>,
    );

    fn shape(t: &PathTrace) -> Shape {
        let hops = |h: &[crate::eval::Hop]| h.iter().map(|h| (h.kind, h.id.clone())).collect();
        (
            t.verdict.clone(),
            hops(&t.hops),
            t.parts
                .iter()
                .map(|p| {
                    (
                        p.to.clone(),
                        p.cidrs.clone(),
                        p.verdict.clone(),
                        hops(&p.hops),
                    )
                })
                .collect(),
        )
    }

    #[test]
    fn class_traces_without_facts_have_the_shape_of_full_traces() {
        let shipped = crate::model::shipped_scenarios();
        assert!(shipped.len() > 5);
        for (path, model) in shipped {
            let failed = model.failed_azs(&model.scenario().what_if);
            let names: Vec<&str> = model.services().iter().map(|s| s.name.as_str()).collect();
            for key in &classes(&model).keys {
                let (light, d1) = evaluate_class_with(&model, &failed, key, &names, false);
                let (full, d2) = evaluate_class_with(&model, &failed, key, &names, true);
                assert_eq!(d1, d2, "{}: what the walks read", path.display());
                for (a, b) in light.iter().zip(&full) {
                    let (a, b) = (a.as_ref().expect("known"), b.as_ref().expect("known"));
                    assert_eq!(shape(a), shape(b), "{}: {:?}", path.display(), key);
                }
            }
        }
    }

    /// What an edit from `model` to `next` means for each class of `matrix` (of `model`).
    fn hits(matrix: &Matrix, next: &Model) -> Vec<change::Hit> {
        let memo = matrix.memo.as_ref().expect("a memo");
        let failed = next.failed_azs(&next.scenario().what_if);
        let change = Change::between(&memo.model, &memo.failed, next, &failed).expect("az only");
        memo.deps.iter().map(|d| change.hit(d)).collect()
    }

    #[test]
    fn an_az_failure_that_only_drops_answered_enis_takes_the_verdicts_from_the_answers() {
        let mut model = private_only();
        let mut matrix = evaluate_all(&model, &model.scenario().what_if);
        let edits = [
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
            Edit::FailAz {
                az: "us-east-1b".into(),
            },
            Edit::RestoreAz {
                az: "us-east-1c".into(),
            },
        ];
        let mut seen = Vec::new();
        for edit in edits {
            let (next, _) = edit.apply(&model).expect("applies");
            seen.push(hits(&matrix, &next));
            matrix = evaluate_all_after(&matrix, &next, &next.scenario().what_if);
            assert_eq!(matrix, evaluate_all(&next, &next.scenario().what_if));
            model = next;
        }
        let patched = |h: &change::Hit| matches!(h, change::Hit::Cells { redo, patch } if redo.is_empty() && patch.len() == 5);
        // us-east-1c fails: app-c's row again (its source), app-a's and app-b's five
        // interface-endpoint cells from their answers.
        assert_eq!(seen[0][2], change::Hit::Row);
        assert!(
            patched(&seen[0][0]) && patched(&seen[0][1]),
            "{:?}",
            seen[0]
        );
        // us-east-1b fails too: app-a's cells from their answers again.
        assert!(patched(&seen[1][0]), "{:?}", seen[1]);
        // us-east-1c comes back: its ENIs were never walked, so the cells are walked again.
        let walked = |h: &change::Hit| matches!(h, change::Hit::Cells { redo, patch } if redo.len() == 5 && patch.is_empty());
        assert!(walked(&seen[2][0]), "{:?}", seen[2]);
    }

    #[test]
    fn an_edit_evaluates_again_only_the_classes_whose_walks_it_touched() {
        let model = private_only();
        let before = evaluate_all(&model, &model.scenario().what_if);
        // One table's gateway endpoint: only app-b (subnet-private-b) routes by rtb-private-b.
        let (next, _) = Edit::DetachGatewayEndpoint {
            endpoint: "vpce-s3".into(),
            route_table: "rtb-private-b".into(),
        }
        .apply(&model)
        .expect("applies");
        let after = evaluate_all_after(&before, &next, &next.scenario().what_if);
        assert_eq!(shared_rows(&before, &after), [true, false, true]);
        assert_eq!(after, evaluate_all(&next, &next.scenario().what_if));
        assert!(before.instances.shares(&after.instances));
        // An interface endpoint is read by every class: all are evaluated again.
        let (next2, _) = Edit::SetPrivateDns {
            endpoint: "vpce-ssm".into(),
            enabled: false,
        }
        .apply(&next)
        .expect("applies");
        let again = evaluate_all_after(&after, &next2, &next2.scenario().what_if);
        assert_eq!(shared_rows(&after, &again), [false, false, false]);
        assert_eq!(again, evaluate_all(&next2, &next2.scenario().what_if));
    }
}
