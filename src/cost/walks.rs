//! The classes an estimate evaluates: their walks, by families, shared out over the cores.

use std::sync::{Arc, Mutex};

use super::flows::{ClassCost, Draft};
use super::reuse::Interner;
use super::usage::{Ids, class_usage};
use crate::eval;
use crate::model::Model;

/// A column's usage and way.
type Kept = (Arc<super::usage::Usage>, Arc<super::Way>);

/// A class left to evaluate: its index, its results so far, the columns to evaluate.
pub(super) type Pending = (usize, Draft, Vec<usize>);

/// Evaluate the `pending` classes' columns (class index, its results so far, the columns),
/// classes that differ only in their security groups together (`eval::evaluate_family`: one
/// walk serves those whose group checks decide alike), the families shared out over the
/// cores: every thread takes the next family from one counter until none is left.
pub(super) fn evaluate_pending(
    model: &Model,
    ids: &Ids<'_>,
    failed: &[bool],
    keys: &[eval::ClassKey],
    pending: Vec<Pending>,
    names: &[&str],
    interner: &Mutex<Interner>,
) -> Vec<(usize, Arc<ClassCost>)> {
    let pending_keys: Vec<&eval::ClassKey> = pending.iter().map(|p| &keys[p.0]).collect();
    let families = eval::class_families(model, &pending_keys);
    // Each pending class once, taken by the thread that evaluates its family.
    let slots: Vec<std::sync::Mutex<Option<Pending>>> = pending
        .into_iter()
        .map(|p| std::sync::Mutex::new(Some(p)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let f = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(family) = families.get(f) else {
                return done;
            };
            let members: Vec<Pending> = family
                .iter()
                .filter_map(|&i| slots[i].lock().ok()?.take())
                .collect();
            let asked: Vec<(&eval::ClassKey, Vec<&str>)> = members
                .iter()
                .map(|(k, _, again)| (&keys[*k], again.iter().map(|&c| names[c]).collect()))
                .collect();
            let results = eval::evaluate_family(model, failed, &asked);
            // A trace replayed for several classes (one subnet: one family) is one walk's,
            // shared: its usage is worked out once, by the trace's address (the traces live
            // until the family is done).
            let mut usage_of: rustc_hash::FxHashMap<*const eval::PathTrace, Kept> =
                Default::default();
            // Each result interned as it is made (equal usages and ways share one `Arc`, which
            // the next estimate and the cost diff rely on), the lock taken once per family.
            let mut shared = interner.lock().ok();
            for ((k, mut class, again), (traces, deps)) in members.into_iter().zip(results) {
                let subnet = keys[k].subnet;
                for (&c, t) in again.iter().zip(&traces) {
                    class.per_column[c] = t.as_ref().ok().map(|trace| {
                        let kept = usage_of.entry(Arc::as_ptr(trace)).or_insert_with(|| {
                            let (u, way) = class_usage(model, ids, failed, subnet, trace);
                            match shared.as_mut() {
                                Some(i) => i.intern_new(u, way),
                                // A thread that panicked while interning left a cache only.
                                None => (Arc::new(u), Arc::new(way)),
                            }
                        });
                        (Arc::clone(&kept.0), Arc::clone(&kept.1))
                    });
                }
                // Its columns carried from the previous estimate are interned too (they are
                // already, unless the interner started again since).
                // (`again` is in column order; a fresh class has every column in it.)
                if let Some(i) = shared
                    .as_mut()
                    .filter(|_| again.len() < class.per_column.len())
                {
                    for (c, kept) in class.per_column.iter_mut().enumerate() {
                        let carried = again.binary_search(&c).is_err();
                        if let Some((u, way)) = kept.as_mut().filter(|_| carried) {
                            (*u, *way) = i.intern(Arc::clone(u), Arc::clone(way));
                        }
                    }
                }
                class.deps.push(deps);
                // Classes with the same results share one row.
                let per_column = match shared.as_mut() {
                    Some(i) => i.row(class.per_column),
                    None => Arc::from(class.per_column),
                };
                let deps = class.deps.into();
                done.push((k, Arc::new(ClassCost { per_column, deps })));
            }
        }
    };
    let threads = crate::model::cores().min(families.len().div_ceil(8)).max(1);
    crate::model::gather(threads, work)
}
