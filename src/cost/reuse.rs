//! What an estimate after an AZ failure works out without walking: one result per distinct
//! usage and way instead of one per class (an AZ failure at 4x the quota model patches tens of
//! thousands of class × service results, which come in a few hundred distinct values).
//!
//! Every result an estimate keeps is interned ([`Interner`]): equal usages, and equal ways,
//! share one `Arc`, across classes and from one estimate to the next. A result worked out
//! again from its DNS answer after AZ failures then depends only on the shared result, the
//! answer and the source's AZ, so it is worked out once per distinct key ([`Reuse::patched`]).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use super::Way;
use super::flows::ClassCost;
use super::usage::{Usage, answered_after_failures};
use crate::eval::{self, WalkDeps};
use crate::model::Model;

type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
type FxSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

/// A class × service result: what one GB of its flows uses, and the way they go.
type Kept = (Arc<Usage>, Arc<Way>);

/// A usage compared to the bit (the sums are the estimate's; equal bits, equal amounts).
#[derive(Debug, PartialEq, Eq, Hash)]
struct UsageKey {
    interface_gb: u64,
    gateway: Vec<(usize, u64)>,
    nat: Vec<(usize, u64)>,
    gwlb_endpoint: Vec<(usize, u64)>,
    cross_az_gb: u64,
    interface_share: Option<(usize, usize, u64)>,
}

impl UsageKey {
    fn of(u: &Usage) -> UsageKey {
        let bits = |v: &[(usize, f64)]| v.iter().map(|&(i, g)| (i, g.to_bits())).collect();
        UsageKey {
            interface_gb: u.interface_gb.to_bits(),
            gateway: bits(&u.gateway),
            nat: bits(&u.nat),
            gwlb_endpoint: bits(&u.gwlb_endpoint),
            cross_az_gb: u.cross_az_gb.to_bits(),
            interface_share: u.interface_share.map(|(e, at, gb)| (e, at, gb.to_bits())),
        }
    }
}

/// Distinct usages and ways, shared by the estimates that follow one another.
#[derive(Debug, Default)]
pub(super) struct Interner {
    usages: FxMap<UsageKey, Arc<Usage>>,
    ways: FxSet<Arc<Way>>,
}

/// Past this many distinct values the interner starts again (a cache: nothing depends on a
/// value being found, only on equal values being equal).
const MAX_INTERNED: usize = 1 << 16;

impl Interner {
    /// The shared copies of `u` and `way`.
    pub(super) fn intern(&mut self, u: Arc<Usage>, way: Arc<Way>) -> (Arc<Usage>, Arc<Way>) {
        if self.usages.len() + self.ways.len() > MAX_INTERNED {
            self.usages.clear();
            self.ways.clear();
        }
        let u = Arc::clone(self.usages.entry(UsageKey::of(&u)).or_insert(u));
        let way = match self.ways.get(&*way) {
            Some(w) => Arc::clone(w),
            None => {
                self.ways.insert(Arc::clone(&way));
                way
            }
        };
        (u, way)
    }
}

/// The interner of one chain of estimates, and the results worked out from DNS answers in this
/// one.
pub(super) struct Reuse {
    pub(super) interner: Arc<Mutex<Interner>>,
    /// (usage, way, endpoint, ENIs answered, source's AZ) → the result after the failures.
    patched: FxMap<(usize, usize, usize, u64, usize), Option<Kept>>,
}

impl Reuse {
    /// For an estimate after one that kept `interner` (a new one when `None`).
    pub(super) fn new(interner: Option<&Arc<Mutex<Interner>>>) -> Reuse {
        Reuse {
            interner: interner.map(Arc::clone).unwrap_or_default(),
            patched: FxMap::default(),
        }
    }

    pub(super) fn intern(&self, u: Arc<Usage>, way: Arc<Way>) -> (Arc<Usage>, Arc<Way>) {
        match self.interner.lock() {
            Ok(mut i) => i.intern(u, way),
            // A thread that panicked while interning left a cache only: go without it.
            Err(_) => (u, way),
        }
    }

    /// [`answered_after_failures`] (the result of a class from `subnet` whose trace read the
    /// failed AZs only through `answer`), once per distinct usage, way, answer and source AZ:
    /// the usage and way are interned, so classes that went alike share them.
    pub(super) fn patched(
        &mut self,
        model: &Model,
        failed: &[bool],
        subnet: usize,
        answer: &crate::eval::Answered,
        u: &Arc<Usage>,
        way: &Arc<Way>,
    ) -> Option<(Arc<Usage>, Arc<Way>)> {
        let key = (
            Arc::as_ptr(u) as usize,
            Arc::as_ptr(way) as usize,
            answer.endpoint(),
            answer.enis(),
            model.subnet_az[subnet],
        );
        if let Some(done) = self.patched.get(&key) {
            return done.clone();
        }
        let done = answered_after_failures(model, failed, subnet, answer, u, way)
            .map(|(u2, w2)| self.intern(u2, w2));
        self.patched.insert(key, done.clone());
        done
    }
}

/// The results of a class whose source's AZ failed, and what its walks would have read,
/// without walking (`eval::WalkDeps::source_failed`): every service `unavailable
/// (source_az_failed)`, carrying nothing. `shared`: the columns made for an earlier such class,
/// which every one shares. Debug builds compare them with a walk's.
pub(super) fn source_failed_class(
    model: &Model,
    failed: &[bool],
    key: &eval::ClassKey,
    names: &[&str],
    shared: &mut Option<Vec<Option<Kept>>>,
) -> Option<Arc<ClassCost>> {
    let deps = WalkDeps::source_failed(model, failed, key.subnet, names)?;
    let per_column = shared
        .get_or_insert_with(|| {
            let usage = Arc::new(Usage::default());
            let way = Arc::new(Way::Unavailable(eval::Reason::SourceAzFailed));
            names
                .iter()
                .map(|name| {
                    model
                        .service(name)
                        .is_some()
                        .then(|| (Arc::clone(&usage), Arc::clone(&way)))
                })
                .collect()
        })
        .clone();
    #[cfg(debug_assertions)]
    {
        let (traces, walked) = eval::evaluate_class(model, failed, key, names);
        assert_eq!(walked, deps, "what the walks read");
        let ids = super::usage::Ids::new(model);
        for (t, kept) in traces.iter().zip(&per_column) {
            let made = t
                .as_ref()
                .ok()
                .map(|t| super::usage::class_usage(model, &ids, failed, key.subnet, t));
            let kept = kept
                .as_ref()
                .map(|(u, w)| (format!("{u:?}"), (**w).clone()));
            assert_eq!(made.map(|(u, w)| (format!("{u:?}"), w)), kept);
        }
    }
    Some(Arc::new(ClassCost {
        per_column,
        deps: vec![deps],
    }))
}
