//! Judging a candidate for real (apply it, evaluate the path, the matrix, the month's cost and
//! the AZs the fixed path depends on) and ranking the ones that work: fixes the path, breaks
//! nothing, cheapest, most resilient, fewest edits, most cells gained.

use serde::Serialize;

use super::context::Context;
use super::{Cell, Known, PLACEHOLDER_MARK, Suggestion, cost_inputs};
use crate::cost::CostInputs;
use crate::eval::{self, Id, Matrix, Query, Verdict};
use crate::model::{Edit, Model, WhatIf};

/// Why a suggestion ranks where it does, as facts (`explain::fix_rank_fact` says them).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "fact")]
pub enum RankFact {
    /// The path is reachable afterwards, this way.
    Fixes {
        verdict: Verdict,
    },
    BreaksNothing,
    /// Cells that were reachable and are not afterwards.
    Breaks {
        cells: usize,
    },
    /// Other cells it makes reachable as well.
    AlsoFixes {
        cells: usize,
    },
    /// No change to the monthly estimate.
    Free,
    Costs {
        amount: f64,
        currency: String,
    },
    Saves {
        amount: f64,
        currency: String,
    },
    /// The fixed path survives the loss of any one AZ other than the source's.
    NoAzDependency,
    /// The fixed path breaks if one of these AZs fails (other than the source's).
    AzDependency {
        azs: Vec<Id>,
    },
    /// It creates something; these ids are placeholders for what AWS will name.
    Placeholder {
        ids: Vec<Id>,
    },
    /// The best suggestion.
    Best,
    /// Below suggestion `above` (1 = the first) for this reason.
    Below {
        above: usize,
        key: RankKey,
    },
}

/// The first criterion on which a suggestion loses to the one above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RankKey {
    BreaksMore,
    CostsMore,
    LessResilient,
    MoreEdits,
    FixesFewerOthers,
    /// Equal on every criterion: listed in the order the candidates were found.
    Tie,
}

/// Applies and evaluates candidates, keeping what every candidate is compared with.
pub(crate) struct Judge<'a> {
    model: &'a Model,
    what_if: &'a WhatIf,
    query: &'a Query,
    source_az: usize,
    inputs: CostInputs,
    /// The matrix and estimate before any candidate: each candidate's are worked out from them
    /// incrementally (only the classes its edits touch are evaluated again).
    before: Option<(Matrix, crate::cost::CostEstimate)>,
    /// The path's own matrix cell, when it has one.
    own: Option<Cell>,
    /// What the caller has worked out already, for `before`.
    known: Known<'a>,
}

impl<'a> Judge<'a> {
    pub fn new(
        model: &'a Model,
        what_if: &'a WhatIf,
        query: &'a Query,
        ctx: &Context<'_>,
        known: Known<'a>,
    ) -> Judge<'a> {
        Judge {
            model,
            what_if,
            query,
            source_az: ctx.az,
            inputs: cost_inputs(model, &ctx.services),
            before: None,
            own: ctx.instance.as_ref().map(|i| Cell {
                instance: i.clone(),
                to: match &query.to {
                    eval::To::Workload(w) => format!("workload:{w}"),
                    eval::To::Service(s) => s.clone(),
                    _ => String::new(),
                },
            }),
            known,
        }
    }

    /// Each candidate tried, in order: `None` when AWS would refuse its edits, `Some(Err(()))`
    /// when they are valid but the path still does not work, `Some(Ok(_))` when the path works,
    /// the suggestion saying what else changed. The candidates are independent: they are
    /// shared out over the cores (applying and evaluating each, then, for those that work, the
    /// matrix and the estimate after them), and the answers come back in the candidates' order.
    pub fn try_all(&mut self, candidates: &[Vec<Edit>]) -> Vec<Option<Result<Suggestion, ()>>> {
        let first = in_parallel(candidates, |edits| self.first(edits));
        if self.before.is_none() && first.iter().any(|f| matches!(f, Some(Ok(_)))) {
            self.before = Some(self.before());
        }
        let this = &*self;
        let tried: Vec<(&Vec<Edit>, First)> = candidates.iter().zip(first).collect();
        in_parallel(&tried, |(edits, first)| {
            let (after, verdict) = match first.as_ref()? {
                Ok(done) => done,
                Err(()) => return Some(Err(())),
            };
            let before = this
                .before
                .as_ref()
                .expect("worked out once a candidate works");
            Some(Ok(this.judge(before, edits, after, verdict.clone())))
        })
    }

    /// The matrix (for HTTPS) and the estimate before any candidate: from what the caller has,
    /// evaluating again only what differs, else worked out anew.
    fn before(&self) -> (Matrix, crate::cost::CostEstimate) {
        let https = eval::Probe::default();
        // Cells flipped are counted on the IPv4 matrix (the explorer's may be asked over IPv6).
        let ipv4 = |m: &&Matrix| m.probe == https && m.family == eval::Family::Ipv4;
        let matrix = match self.known.matrix.filter(ipv4) {
            Some(m) => eval::evaluate_all_after(m, self.model, self.what_if),
            None => eval::evaluate_all(self.model, self.what_if),
        };
        let cost = match self.known.cost {
            Some(e) => crate::cost::estimate_after(e, self.model, self.what_if, &self.inputs),
            None => crate::cost::estimate(self.model, self.what_if, &self.inputs),
        };
        (matrix, cost)
    }

    /// Apply the edits and evaluate the path: `None` when AWS would refuse them, the model
    /// after them and the path's verdict when it works.
    fn first(&self, edits: &[Edit]) -> First {
        let edit = match edits {
            [one] => one.clone(),
            many => Edit::Batch(many.to_vec()),
        };
        let (after, _) = edit.apply(self.model).ok()?;
        let trace = eval::evaluate(&after, self.what_if, self.query).ok()?;
        if !trace.verdict.is_reachable() {
            return Some(Err(()));
        }
        Some(Ok((after, trace.verdict)))
    }

    /// What else a working candidate changes: the cells it flips, the month's cost, the AZs the
    /// fixed path depends on.
    fn judge(
        &self,
        (matrix_before, cost_before): &(Matrix, crate::cost::CostEstimate),
        edits: &[Edit],
        after: &Model,
        verdict: Verdict,
    ) -> Suggestion {
        let matrix_after = eval::evaluate_all_after(matrix_before, after, self.what_if);
        let (gained, lost) = flips(matrix_before, &matrix_after);
        let (total_after, currency) =
            crate::cost::total_after(cost_before, after, self.what_if, &self.inputs);
        let az_dependencies = az_dependencies(after, self.what_if, self.query, self.source_az);
        let also = gained
            .iter()
            .filter(|c| Some(*c) != self.own.as_ref())
            .count();
        Suggestion {
            edits: edits.to_vec(),
            verdict,
            gained,
            lost,
            monthly_cost_delta: total_after - cost_before.total,
            currency,
            az_dependencies,
            placeholders: placeholders(edits),
            why: Vec::new(),
            changes: Vec::new(),
            also,
        }
    }
}

/// A candidate applied and its path evaluated ([`Judge::first`]).
type First = Option<Result<(Model, Verdict), ()>>;

/// `f` of each item, shared out over the cores (each thread takes the next item until none is
/// left), in the items' order.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = crate::model::cores().min(items.len()).max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut done = crate::model::gather(threads, work);
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Cells whose reachability changed: (gained, lost).
pub(crate) fn flips(before: &Matrix, after: &Matrix) -> (Vec<Cell>, Vec<Cell>) {
    let mut gained = Vec::new();
    let mut lost = Vec::new();
    let columns: Vec<&String> = before.services.iter().chain(&before.workloads).collect();
    for (r, instance) in before.instances.iter().enumerate() {
        // An edit keeps the rows of the classes it did not touch: the same allocation, the same
        // verdicts (on the quota model, all but a few dozen of 10,000 rows).
        if let (Some(a), Some(b)) = (before.cells.get(r), after.cells.get(r))
            && std::sync::Arc::ptr_eq(a, b)
        {
            continue;
        }
        for (c, to) in columns.iter().enumerate() {
            let was = before.cell(r, c).is_some_and(|x| x.verdict.is_reachable());
            let now = after.cell(r, c).is_some_and(|x| x.verdict.is_reachable());
            let cell = || Cell {
                instance: instance.clone(),
                to: to.to_string(),
            };
            match (was, now) {
                (false, true) => gained.push(cell()),
                (true, false) => lost.push(cell()),
                _ => {}
            }
        }
    }
    (gained, lost)
}

/// The AZs, other than the source's and those already down, whose loss alone breaks the path.
pub(crate) fn az_dependencies(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    source_az: usize,
) -> Vec<Id> {
    let failed = model.failed_azs(what_if);
    let mut out = Vec::new();
    for (az, &down) in failed.iter().enumerate() {
        if down || az == source_az {
            continue;
        }
        let mut w = what_if.clone();
        w.failed_azs.push(model.az_name(az).to_string());
        if eval::evaluate(model, &w, query).is_ok_and(|t| !t.verdict.is_reachable()) {
            out.push(Id::from(model.az_name(az)));
        }
    }
    out
}

/// The ids the edits invent.
fn placeholders(edits: &[Edit]) -> Vec<Id> {
    let mut out = Vec::new();
    for e in edits {
        let id = match e {
            Edit::AddGatewayEndpoint { endpoint, .. } => &endpoint.id,
            Edit::AddInterfaceEndpoint { endpoint, .. } => &endpoint.id,
            Edit::AddNatGateway { nat_gateway, .. } => &nat_gateway.id,
            _ => continue,
        };
        if id.contains(PLACEHOLDER_MARK) {
            out.push(Id::from(id.as_str()));
        }
    }
    out
}

fn cents(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// The order's criteria, in order; the last is the order the candidates were found in.
fn key(s: &Suggestion) -> (usize, i64, usize, usize, std::cmp::Reverse<usize>) {
    (
        s.lost.len(),
        cents(s.monthly_cost_delta),
        s.az_dependencies.len(),
        s.edits.len(),
        std::cmp::Reverse(s.gained.len()),
    )
}

/// Best first (a stable sort: ties keep the order the families proposed them in), at most
/// [`super::MAX_SUGGESTIONS`], each with the facts that say why it is where it is.
pub(crate) fn rank(mut found: Vec<Suggestion>) -> Vec<Suggestion> {
    found.sort_by_key(key);
    found.truncate(super::MAX_SUGGESTIONS);
    let keys: Vec<_> = found.iter().map(key).collect();
    for (i, s) in found.iter_mut().enumerate() {
        let mut why = vec![RankFact::Fixes {
            verdict: s.verdict.clone(),
        }];
        why.push(match s.lost.len() {
            0 => RankFact::BreaksNothing,
            n => RankFact::Breaks { cells: n },
        });
        let c = cents(s.monthly_cost_delta);
        why.push(match c {
            0 => RankFact::Free,
            c if c > 0 => RankFact::Costs {
                amount: s.monthly_cost_delta,
                currency: s.currency.clone(),
            },
            _ => RankFact::Saves {
                amount: -s.monthly_cost_delta,
                currency: s.currency.clone(),
            },
        });
        why.push(match s.az_dependencies.is_empty() {
            true => RankFact::NoAzDependency,
            false => RankFact::AzDependency {
                azs: s.az_dependencies.clone(),
            },
        });
        if s.also > 0 {
            why.push(RankFact::AlsoFixes { cells: s.also });
        }
        if !s.placeholders.is_empty() {
            why.push(RankFact::Placeholder {
                ids: s.placeholders.clone(),
            });
        }
        why.push(match i {
            0 => RankFact::Best,
            _ => {
                let (a, b) = (&keys[i - 1], &keys[i]);
                let key = if b.0 > a.0 {
                    RankKey::BreaksMore
                } else if b.1 > a.1 {
                    RankKey::CostsMore
                } else if b.2 > a.2 {
                    RankKey::LessResilient
                } else if b.3 > a.3 {
                    RankKey::MoreEdits
                } else if b.4 > a.4 {
                    RankKey::FixesFewerOthers
                } else {
                    RankKey::Tie
                };
                RankFact::Below { above: i, key }
            }
        });
        s.why = why;
    }
    found
}
