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
pub(super) type Kept = (Arc<Usage>, Arc<Way>);

/// A class's results, one per column, shared: classes whose results are the same shared
/// values share one row ([`Interner::row`]), and an estimate after AZ failures works a row
/// out from its DNS answers once per distinct row, answers and source AZ
/// ([`Reuse::patched_row`]) instead of once per class (about 1,300 classes at 4x the quota
/// model, a few hundred distinct rows).
pub(super) type Row = Arc<[Option<Kept>]>;

/// A row's identity by the values it shares: per column, the addresses of its usage and way
/// (0 for none). Equal keys, the same shared values: the same row.
fn row_key(row: &[Option<Kept>]) -> Box<[(usize, usize)]> {
    row.iter()
        .map(|r| {
            r.as_ref().map_or((0, 0), |(u, w)| {
                (Arc::as_ptr(u) as usize, Arc::as_ptr(w) as usize)
            })
        })
        .collect()
}

/// Usages are compared to the bit (the sums are the estimate's; equal bits, equal amounts),
/// for the interner: hashed and compared where they are, without a key made for each.
impl PartialEq for Usage {
    fn eq(&self, other: &Usage) -> bool {
        fn bits(v: &[(usize, f64)]) -> impl Iterator<Item = (usize, u64)> + '_ {
            v.iter().map(|&(i, g)| (i, g.to_bits()))
        }
        self.interface_gb.to_bits() == other.interface_gb.to_bits()
            && self.cross_az_gb.to_bits() == other.cross_az_gb.to_bits()
            && bits(&self.gateway).eq(bits(&other.gateway))
            && bits(&self.nat).eq(bits(&other.nat))
            && bits(&self.gwlb_endpoint).eq(bits(&other.gwlb_endpoint))
            && self
                .interface_share
                .map(|(e, at, gb)| (e, at, gb.to_bits()))
                == other
                    .interface_share
                    .map(|(e, at, gb)| (e, at, gb.to_bits()))
    }
}

impl Eq for Usage {}

impl std::hash::Hash for Usage {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let bits = |v: &[(usize, f64)], h: &mut H| {
            h.write_usize(v.len());
            for &(i, g) in v {
                h.write_usize(i);
                h.write_u64(g.to_bits());
            }
        };
        h.write_u64(self.interface_gb.to_bits());
        h.write_u64(self.cross_az_gb.to_bits());
        bits(&self.gateway, h);
        bits(&self.nat, h);
        bits(&self.gwlb_endpoint, h);
        let share = self
            .interface_share
            .map(|(e, at, gb)| (e, at, gb.to_bits()));
        std::hash::Hash::hash(&share, h);
    }
}

/// Distinct usages and ways, shared by the estimates that follow one another.
#[derive(Debug, Default)]
pub(super) struct Interner {
    usages: FxSet<Arc<Usage>>,
    ways: FxSet<Arc<Way>>,
    /// Rows by the shared values they hold ([`row_key`]: the row keeps those values, so no
    /// other value can take their addresses while it is here).
    rows: FxMap<Box<[(usize, usize)]>, Row>,
}

/// Past this many distinct values the interner starts again (a cache: nothing depends on a
/// value being found, only on equal values being equal).
const MAX_INTERNED: usize = 1 << 16;

impl Interner {
    fn room(&mut self) {
        if self.usages.len() + self.ways.len() + self.rows.len() > MAX_INTERNED {
            self.usages.clear();
            self.ways.clear();
            self.rows.clear();
        }
    }

    /// The shared row holding the values of `row` (made from it when there is none yet).
    pub(super) fn row(&mut self, row: Vec<Option<Kept>>) -> Row {
        self.room();
        let key = row_key(&row);
        if let Some(r) = self.rows.get(&key) {
            return Arc::clone(r);
        }
        let r: Row = Arc::from(row);
        self.rows.insert(key, Arc::clone(&r));
        r
    }

    /// The shared copies of `u` and `way`.
    pub(super) fn intern(&mut self, u: Arc<Usage>, way: Arc<Way>) -> (Arc<Usage>, Arc<Way>) {
        self.room();
        let u = match self.usages.get(&*u) {
            Some(x) => Arc::clone(x),
            None => {
                self.usages.insert(Arc::clone(&u));
                u
            }
        };
        let way = match self.ways.get(&*way) {
            Some(w) => Arc::clone(w),
            None => {
                self.ways.insert(Arc::clone(&way));
                way
            }
        };
        (u, way)
    }

    /// The shared copies of a usage and way just worked out: found by value, so that one
    /// already interned costs no allocation (most of a full estimate's results repeat one of a
    /// few hundred).
    pub(super) fn intern_new(&mut self, u: Usage, way: Way) -> (Arc<Usage>, Arc<Way>) {
        self.room();
        let u = match self.usages.get(&u) {
            Some(x) => Arc::clone(x),
            None => {
                let x = Arc::new(u);
                self.usages.insert(Arc::clone(&x));
                x
            }
        };
        let way = match self.ways.get(&way) {
            Some(w) => Arc::clone(w),
            None => {
                let w = Arc::new(way);
                self.ways.insert(Arc::clone(&w));
                w
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
    /// Per row (by address), what was asked of it: the source's AZ, then each patched column
    /// with its answer's endpoint and ENIs, as words, and the row after the failures
    /// (`None`: a column must be walked again). A row is asked a few ways (one per AZ and set
    /// of answers): the row's address is hashed and those compared as words, instead of
    /// hashing the whole of what is asked (two dozen columns) for each class. And what is
    /// being asked, written out for a row not asked it before (no list made per class).
    rows: FxMap<usize, Vec<AskedOf>>,
    asked: Vec<u64>,
    /// Per (endpoint, source's AZ), the last (usage, way, ENIs answered) asked there and its
    /// result: the classes of one AZ that reach an endpoint alike ask the same, so most
    /// look-ups are answered here without hashing (an AZ failure at 4x the quota model works
    /// out 25,000 results from their answers, of a few hundred keys). Sized when first used.
    last: Vec<Option<LastPatched>>,
}

/// What a row was asked ([`Reuse::patched_row`], as words) and its answer.
type AskedOf = (Box<[u64]>, Option<Row>);

/// A (usage, way, ENIs answered) key of [`Reuse::patched`] and its result.
type LastPatched = ((usize, usize, u64), Option<Kept>);

impl Reuse {
    /// For an estimate after one that kept `interner` (a new one when `None`).
    pub(super) fn new(interner: Option<&Arc<Mutex<Interner>>>) -> Reuse {
        Reuse {
            interner: interner.map(Arc::clone).unwrap_or_default(),
            patched: FxMap::default(),
            rows: FxMap::default(),
            asked: Vec::new(),
            last: Vec::new(),
        }
    }

    /// The shared row holding the values of `row`.
    pub(super) fn row(&self, row: Vec<Option<Kept>>) -> Row {
        match self.interner.lock() {
            Ok(mut i) => i.row(row),
            // A thread that panicked while interning left a cache only: go without it.
            Err(_) => Arc::from(row),
        }
    }

    /// Row `old` of a class from `subnet` with the columns of `patch` worked out from the DNS
    /// answers their traces read ([`Reuse::patched`]), once per distinct row, answers and
    /// source AZ (what [`Reuse::patched`] reads of a class: the classes with that row, whose
    /// cells read the same answers in one AZ, get that row). `Err`: the row with the columns
    /// that could be worked out, and those that must be walked again.
    pub(super) fn patched_row(
        &mut self,
        model: &Model,
        failed: &[bool],
        subnet: usize,
        old: &Row,
        patch: &[(usize, crate::eval::Answered)],
    ) -> Result<Row, (Vec<Option<Kept>>, Vec<usize>)> {
        let row_at = Arc::as_ptr(old) as *const u8 as usize;
        let az = model.subnet_az[subnet] as u64;
        // What was asked, compared word by word with what is asked now (in place: most
        // classes ask what an earlier one asked, and writing the words out first was most of
        // the look-up).
        let same = |k: &[u64]| {
            k.len() == 1 + 3 * patch.len()
                && k[0] == az
                && (k[1..].chunks_exact(3).zip(patch)).all(|(w, (c, a))| {
                    w[0] == *c as u64 && w[1] == a.endpoint() as u64 && w[2] == a.enis()
                })
        };
        let mut seen = self.rows.get(&row_at).into_iter().flatten();
        // (One that needs a walk is worked out again below: a cell whose answer is emptied.)
        if let Some((_, Some(row))) = seen.find(|(k, _)| same(k)) {
            return Ok(Arc::clone(row));
        }
        self.asked.clear();
        self.asked.push(az);
        for (c, a) in patch {
            (self.asked).extend([*c as u64, a.endpoint() as u64, a.enis()]);
        }
        let key: Box<[u64]> = self.asked[..].into();
        let mut row = old.to_vec();
        let mut walk = Vec::new();
        for (c, answer) in patch {
            let patched = row[*c]
                .as_ref()
                .and_then(|(u, way)| self.patched(model, failed, subnet, answer, u, way));
            match patched {
                // The answer's reads stay as recorded: its ENIs only failed since.
                Some(p) => row[*c] = Some(p),
                None => walk.push(*c),
            }
        }
        let done = match walk.is_empty() {
            true => Ok(self.row(row)),
            false => Err((row, walk)),
        };
        let seen = self.rows.entry(row_at).or_default();
        if !seen.iter().any(|(k, _)| *k == key) {
            seen.push((key, done.as_ref().ok().map(Arc::clone)));
        }
        done
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
        let az = model.subnet_az[subnet];
        let short = (
            Arc::as_ptr(u) as usize,
            Arc::as_ptr(way) as usize,
            answer.enis(),
        );
        let azs = failed.len();
        let slots = model.endpoint_enis.len() * azs;
        let slot = (az < azs)
            .then(|| answer.endpoint() * azs + az)
            .filter(|&s| s < slots);
        if let Some(s) = slot {
            if self.last.len() != slots {
                self.last = vec![None; slots];
            }
            if let Some((k, done)) = &self.last[s]
                && *k == short
            {
                return done.clone();
            }
        }
        let key = (short.0, short.1, answer.endpoint(), short.2, az);
        let done = match self.patched.get(&key) {
            Some(done) => done.clone(),
            None => {
                let done = answered_after_failures(model, failed, subnet, answer, u, way)
                    .map(|(u2, w2)| self.intern(u2, w2));
                self.patched.insert(key, done.clone());
                done
            }
        };
        if let Some(s) = slot {
            self.last[s] = Some((short, done.clone()));
        }
        done
    }
}

/// What [`source_failed_class`] made for the classes before: the columns, and per AZ the
/// results (`None`: the AZ is up).
#[derive(Default)]
pub(super) struct SourceFailed {
    columns: Option<Row>,
    classes: Vec<(usize, Option<Arc<ClassCost>>)>,
}

/// The results of a class whose source's AZ failed, and what its walks would have read,
/// without walking (`eval::WalkDeps::source_failed`): every service `unavailable
/// (source_az_failed)`, carrying nothing. `shared`: what was made for earlier such classes (the
/// columns, which every one shares, and the results with the reads, which the classes of one
/// AZ share: an AZ failure at 4x the quota model fails hundreds of classes' sources, and
/// making each its own was two allocations made and later freed per class). Debug builds
/// compare them with a walk's.
pub(super) fn source_failed_class(
    model: &Model,
    failed: &[bool],
    key: &eval::ClassKey,
    names: &[&str],
    shared: &mut SourceFailed,
) -> Option<Arc<ClassCost>> {
    // The reads depend on the source's AZ alone, once the subnet has IPv4 (an IPv6-only
    // subnet's are asked each time: `WalkDeps::source_failed` says `None`).
    let az = model.subnet_az[key.subnet];
    let ipv6_only = model.scenario().subnets[key.subnet].ipv6_only;
    let made = match shared
        .classes
        .iter()
        .find(|(a, _)| *a == az)
        .filter(|_| !ipv6_only)
    {
        Some((_, c)) => c.clone()?,
        None => {
            let deps = WalkDeps::source_failed(model, failed, key.subnet, names);
            let per_column = Arc::clone(shared.columns.get_or_insert_with(|| {
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
            }));
            let made = deps.map(|deps| {
                Arc::new(ClassCost {
                    per_column,
                    deps: Arc::from([deps]),
                })
            });
            if !ipv6_only {
                shared.classes.push((az, made.clone()));
            }
            made?
        }
    };
    #[cfg(debug_assertions)]
    {
        let (traces, walked) = eval::evaluate_class(model, failed, key, names);
        assert_eq!(walked, made.deps[0], "what the walks read");
        let ids = super::usage::Ids::new(model);
        for (t, kept) in traces.iter().zip(made.per_column.iter()) {
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
    Some(made)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{Crossing, Through};

    fn usage(cross_az_gb: f64, nat: f64) -> Usage {
        Usage {
            interface_gb: 1.0,
            nat: vec![(0, nat)],
            cross_az_gb,
            ..Usage::default()
        }
    }

    fn way() -> Way {
        Way::Reachable {
            through: vec![Through::NatGateway],
            crossing: Crossing::No,
        }
    }

    #[test]
    fn usages_are_equal_to_the_bit_and_interned_by_value() {
        let mut i = Interner::default();
        let (u1, w1) = i.intern_new(usage(0.5, 1.0), way());
        // Equal values: the interned copies, allocated once.
        let (u2, w2) = i.intern_new(usage(0.5, 1.0), way());
        assert!(Arc::ptr_eq(&u1, &u2) && Arc::ptr_eq(&w1, &w2));
        let (u3, w3) = i.intern(Arc::new(usage(0.5, 1.0)), Arc::new(way()));
        assert!(Arc::ptr_eq(&u1, &u3) && Arc::ptr_eq(&w1, &w3));
        // Another sum, another list entry, or the other zero: another usage (equal amounts only
        // for equal bits).
        for other in [usage(0.25, 1.0), usage(0.5, 2.0), usage(-0.0, 1.0)] {
            assert_ne!(other, *u1);
            let (u, _) = i.intern_new(other, way());
            assert!(!Arc::ptr_eq(&u, &u1));
        }
        assert_ne!(usage(0.0, 1.0), usage(-0.0, 1.0));
        let shared = Usage {
            interface_share: Some((0, 1, 0.0)),
            ..usage(0.5, 1.0)
        };
        assert_ne!(shared, *u1);
        // Equal values hash alike.
        let hash = |u: &Usage| {
            use std::hash::BuildHasher;
            rustc_hash::FxBuildHasher.hash_one(u)
        };
        assert_eq!(hash(&usage(0.5, 1.0)), hash(&u1));
    }

    #[test]
    fn past_its_size_the_interner_starts_again_and_still_interns() {
        let mut i = Interner::default();
        for n in 0..=MAX_INTERNED as u32 / 2 + 1 {
            i.intern_new(usage(f64::from(n), 1.0), way());
        }
        assert!(i.usages.len() + i.ways.len() <= MAX_INTERNED + 2);
        let (a, _) = i.intern_new(usage(0.5, 1.0), way());
        let (b, _) = i.intern_new(usage(0.5, 1.0), way());
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn equal_rows_are_one_row_and_a_new_value_another() {
        let mut i = Interner::default();
        let (u, w) = i.intern_new(usage(0.5, 1.0), way());
        let (u2, w2) = i.intern_new(usage(0.25, 1.0), way());
        let a = i.row(vec![Some((Arc::clone(&u), Arc::clone(&w))), None]);
        let b = i.row(vec![Some((Arc::clone(&u), Arc::clone(&w))), None]);
        assert!(Arc::ptr_eq(&a, &b));
        for other in [
            vec![Some((Arc::clone(&u2), Arc::clone(&w2))), None],
            vec![None, Some((Arc::clone(&u), Arc::clone(&w)))],
            vec![Some((Arc::clone(&u), Arc::clone(&w)))],
        ] {
            let c = i.row(other.clone());
            assert!(!Arc::ptr_eq(&a, &c));
            assert_eq!(c.len(), other.len());
        }
    }

    fn load(name: &str) -> Model {
        crate::model::load_file(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("scenarios")
                .join(name),
        )
        .expect("scenario loads")
    }

    /// Classes whose results are the same values share one row, before and after AZ failures;
    /// and a row worked out from its DNS answers once for every class that had it is, for
    /// each class, the class's row patched column by column with a cache of its own (what each
    /// class got before rows were shared), the same row again when asked again.
    #[test]
    fn classes_share_rows_and_a_patched_row_is_the_row_patched_column_by_column() {
        use crate::cost::{CostInputs, estimate, estimate_after};
        fn shared(e: &crate::cost::CostEstimate) -> usize {
            let memo = e.memo.as_deref().expect("a memo");
            let mut by_key: FxMap<Box<[(usize, usize)]>, usize> = FxMap::default();
            for (_, c) in memo.classes() {
                let at = Arc::as_ptr(&c.per_column) as *const u8 as usize;
                assert_eq!(*by_key.entry(row_key(&c.per_column)).or_insert(at), at);
            }
            memo.classes().count() - by_key.len()
        }
        let (mut patched, mut rows_shared) = (0, 0);
        for file in [
            "interface-multi-az.ron",
            "resilience.ron",
            "endpoint-security-group.ron",
            "security-layers.ron",
        ] {
            let model = load(file);
            let inputs = CostInputs::for_model(&model);
            let s = model.scenario();
            let before = estimate(&model, &s.what_if, &inputs);
            rows_shared += shared(&before);
            let memo = before.memo.as_deref().expect("a memo");
            let column_of: Vec<Option<usize>> = model
                .services()
                .iter()
                .map(|svc| inputs.services.iter().position(|c| *c == svc.name))
                .collect();
            let failed_before = model.failed_azs(&s.what_if);
            for az in &s.availability_zones {
                let what_if = crate::model::WhatIf {
                    failed_azs: vec![az.name.clone()],
                };
                let failed = model.failed_azs(&what_if);
                let touched = eval::Touched::between(&model, &failed_before, &model, &failed)
                    .expect("only AZs changed");
                let mut reuse = Reuse::new(Some(memo.interner()));
                let mut fresh = Reuse::new(None);
                for (key, class) in memo.classes() {
                    let Some(plan) = touched.plan(&class.deps) else {
                        continue;
                    };
                    let patch: Vec<(usize, eval::Answered)> = plan
                        .patch
                        .iter()
                        .filter_map(|&(s, a)| Some((column_of.get(s).copied().flatten()?, a)))
                        .collect();
                    if !plan.redo.is_empty() || patch.is_empty() {
                        continue;
                    }
                    let mut want = class.per_column.to_vec();
                    let mut walk = Vec::new();
                    for &(c, a) in &patch {
                        let p = want[c].as_ref().and_then(|(u, w)| {
                            fresh.patched(&model, &failed, key.subnet, &a, u, w)
                        });
                        match p {
                            Some(p) => want[c] = Some(p),
                            None => walk.push(c),
                        }
                    }
                    let got =
                        reuse.patched_row(&model, &failed, key.subnet, &class.per_column, &patch);
                    let again =
                        reuse.patched_row(&model, &failed, key.subnet, &class.per_column, &patch);
                    let values = |row: &[Option<Kept>]| -> Vec<Option<(Usage, Way)>> {
                        row.iter()
                            .map(|r| r.as_ref().map(|(u, w)| ((**u).clone(), (**w).clone())))
                            .collect()
                    };
                    match (got, again) {
                        (Ok(row), Ok(second)) => {
                            assert!(walk.is_empty(), "{file}");
                            assert_eq!(values(&row), values(&want), "{file}");
                            assert!(Arc::ptr_eq(&row, &second), "{file}");
                            patched += 1;
                        }
                        (Err((row, w)), Err((_, w2))) => {
                            assert_eq!((&w, &w2), (&walk, &walk), "{file}");
                            assert_eq!(values(&row), values(&want), "{file}");
                        }
                        _ => panic!("{file}: asked twice, answered otherwise"),
                    }
                }
                // The estimate after the failure (held to a fresh one in debug builds) shares
                // its rows too.
                let after_model = model.clone();
                let after = estimate_after(&before, &after_model, &what_if, &inputs);
                rows_shared += shared(&after);
            }
        }
        // The scenarios have rows patched from their answers and rows shared (the test can
        // fail).
        assert!(patched > 0 && rows_shared > 0, "{patched} {rows_shared}");
    }
}
