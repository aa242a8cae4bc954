//! What a large scenario does on a second thread: copying its route tables for an edit and
//! freeing them with the model (compiling them is in `tables`).

use std::sync::Arc;

use super::Model;
use crate::model::{RouteTable, Scenario};

impl Model {
    /// A copy of the scenario for an edit to change. The lists of subnets, route tables,
    /// gateway and interface endpoints, each table's routes and the instances are shared
    /// ([`crate::model::Shared`]): the copy allocates none of them, and an edit copies only
    /// the lists it changes.
    pub(crate) fn clone_scenario(&self) -> Scenario {
        (*self.scenario).clone()
    }
}

/// From this many routes on, compiling, copying or freeing route tables is worth a second
/// thread (a thread costs tens of microseconds; 20,000 routes, milliseconds).
pub(super) const PARALLEL_ROUTES: usize = 20_000;

pub(super) fn parallel(routes: usize) -> bool {
    routes >= PARALLEL_ROUTES && cores() > 1
}

/// How many threads can run at once (asked once: on Linux the answer reads cgroup files),
/// within this thread's budget ([`with_cores`]).
pub(crate) fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let all = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    all.min(BUDGET.get()).max(1)
}

thread_local! {
    /// How many of the cores this thread's work may take ([`with_cores`]): all unless told.
    static BUDGET: std::cell::Cell<usize> = const { std::cell::Cell::new(usize::MAX) };
}

/// `f` on this thread with [`cores`] at most `n`: work split between threads that run side by
/// side (the matrix and the cost estimate after an edit) gives each its share of the cores
/// instead of each starting helpers for all of them (four threads on two cores).
pub(crate) fn with_cores<R>(n: usize, f: impl FnOnce() -> R) -> R {
    /// Puts the budget back, also when `f` panics.
    struct Restore(usize);
    impl Drop for Restore {
        fn drop(&mut self) {
            BUDGET.set(self.0);
        }
    }
    let _restore = Restore(BUDGET.replace(n));
    f()
}

/// `work` on `threads` threads at once (this one and `threads - 1` helpers), each returning what
/// it did; everything done, in no set order (a helper's panic goes on in this thread). Each
/// thread takes its own share: `work` takes items from a shared counter or queue.
pub(crate) fn gather<T: Send>(threads: usize, work: impl Fn() -> Vec<T> + Sync) -> Vec<T> {
    let work = &work;
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut done = work();
        for h in helpers {
            done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        done
    })
}

pub(super) fn route_count(tables: &[RouteTable]) -> usize {
    tables.iter().map(|t| t.routes.len()).sum()
}

/// Where to cut the route tables between two threads so that the second one, which takes the
/// tables from the cut on, has about half the scenario's allocations (the first one has the
/// instances besides: three strings each at most).
fn halfway(s: &Scenario) -> usize {
    let total = route_count(&s.route_tables) + 3 * s.instances.len();
    let mut second = 0;
    for (t, table) in s.route_tables.iter().enumerate().rev() {
        if 2 * second >= total {
            return t + 1;
        }
        second += table.routes.len();
    }
    0
}

impl Drop for Model {
    /// The last model that holds a large scenario frees its route tables (hundreds of
    /// thousands of allocations) on two threads.
    fn drop(&mut self) {
        // Tables shared with another model's scenario are not this model's to free (and
        // splitting their list would copy it).
        if let Some(s) = Arc::get_mut(&mut self.scenario)
            && s.route_tables.is_unique()
            && parallel(route_count(&s.route_tables))
        {
            let cut = halfway(s);
            let mut first = std::mem::take(&mut s.route_tables);
            let second = first.split_off(cut);
            let instances = std::mem::take(&mut s.instances);
            std::thread::scope(|scope| {
                scope.spawn(move || drop(second));
                drop((first, instances));
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A budget caps `cores` on its thread only, for as long as it runs (also when it
    /// panics), never above the machine's cores nor below one.
    #[test]
    fn a_thread_budget_caps_the_cores_on_its_thread_while_it_runs() {
        let all = cores();
        assert_eq!(with_cores(1, cores), 1);
        assert_eq!(with_cores(0, cores), 1);
        assert_eq!(with_cores(all + 5, cores), all);
        assert_eq!(with_cores(1, || with_cores(3, cores)), all.min(3));
        assert_eq!(cores(), all);
        let other = with_cores(1, || std::thread::scope(|s| s.spawn(cores).join()));
        assert_eq!(other.expect("joins"), all);
        let caught = std::panic::catch_unwind(|| with_cores(1, || panic!("inside")));
        assert!(caught.is_err());
        assert_eq!(cores(), all);
    }
}
