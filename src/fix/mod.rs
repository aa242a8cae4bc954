//! Fixes and weak points (issue 19): for a path that does not work, the smallest sets of edits
//! that make it work, each one applied and evaluated for real; for a path that works, what alone
//! would break it.
//!
//! Pure, like `crate::eval`: everything returned is a fact (edits, verdicts, cells, amounts, AZ
//! names, rank facts) that `crate::explain` says in a language.
//!
//! - `context.rs`: the path being fixed (source subnet, its AZ and table, the services it needs);
//! - one file per reason family, each proposing candidate edits from what the model has:
//!   `routes.rs` (`no_route`, `blackhole_route`, `no_internet_gateway`, a route's failed target),
//!   `endpoints.rs` (`endpoint_enis_all_failed`, private DNS off), `public_ip.rs`
//!   (`no_public_ip`), `nat.rs` (`nat_az_failed`), `dns.rs` (`dns_resolution_disabled`);
//! - `rank.rs`: evaluating a candidate (verdict, cells flipped, cost, AZ dependencies) and the
//!   order, with the facts that say why;
//! - `spof.rs`: the single points of failure of a working path.

use serde::Serialize;

use crate::cost::CostInputs;
use crate::eval::{self, Id, PathTrace, Query, QueryError, Reason, Verdict};
use crate::model::{Edit, Model, WhatIf};

mod context;
mod dns;
mod endpoints;
mod nat;
mod public_ip;
mod rank;
mod routes;
mod spof;

pub use rank::{RankFact, RankKey};
pub use spof::{
    WeakKind, WeakPoint, WeakPoints, matrix_weak_points, verdict_after, weak_points,
    weak_points_for,
};

use context::Context;

/// Prefix of the ids a suggestion invents for something it creates (`vpce-new-s3`,
/// `nat-new-us-east-1b`): the model has no such object yet and AWS will choose the real id.
pub const PLACEHOLDER_MARK: &str = "-new-";

/// At most this many suggestions are returned (the best ones).
pub const MAX_SUGGESTIONS: usize = 8;

/// Single edits tried in pairs when no single edit fixes the path.
const MAX_PAIRED: usize = 24;

/// A matrix cell: an instance and a column (a service, or `workload:NAME`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Cell {
    pub instance: String,
    pub to: String,
}

/// One way to make the path work, as evaluated after applying it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The edits, applied in order (one or two).
    pub edits: Vec<Edit>,
    /// The path's verdict after the edits.
    pub verdict: Verdict,
    /// Matrix cells that become reachable (the path's own cell included when it is one).
    pub gained: Vec<Cell>,
    /// Matrix cells that were reachable and no longer are.
    pub lost: Vec<Cell>,
    /// Monthly cost after minus before (`crate::cost::estimate`), in `currency`.
    pub monthly_cost_delta: f64,
    pub currency: String,
    /// AZs other than the source's whose loss alone would break the fixed path.
    pub az_dependencies: Vec<Id>,
    /// Ids the edits invent (`vpce-new-s3`): placeholders for what AWS will name.
    pub placeholders: Vec<Id>,
    /// Why it ranks where it does.
    pub why: Vec<RankFact>,
    /// Cells gained beside the path's own.
    #[serde(skip)]
    pub(crate) also: usize,
}

impl Suggestion {
    /// Whether the path is reachable after the edits.
    pub fn fixes(&self) -> bool {
        self.verdict.is_reachable()
    }

    /// Whether the fixed path depends on an AZ other than the source's.
    pub fn adds_az_dependency(&self) -> bool {
        !self.az_dependencies.is_empty()
    }

    /// The edits as one: a batch when there are several.
    pub fn edit(&self) -> Edit {
        match self.edits.as_slice() {
            [one] => one.clone(),
            many => Edit::Batch(many.to_vec()),
        }
    }
}

/// Why nothing could be suggested (beside the path already working).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoFix {
    /// The path is reachable: nothing to fix.
    AlreadyReachable,
    /// The source's AZ has failed: no edit brings an AZ back.
    SourceDown,
    /// The path leaves the VPC: what is beyond is outside the model.
    LeavesVpc,
    /// No edit of one or two steps from what the model has makes it work.
    NothingFound,
}

/// The answer to "what is the smallest change that makes this work?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestions {
    /// The path as it is.
    pub verdict: Verdict,
    pub reasons: Vec<Reason>,
    /// Best first.
    pub suggestions: Vec<Suggestion>,
    /// Set when `suggestions` is empty.
    pub none: Option<NoFix>,
}

/// Suggest fixes for the path `query` under `what_if`.
pub fn suggest(model: &Model, what_if: &WhatIf, query: &Query) -> Result<Suggestions, QueryError> {
    let trace = eval::evaluate(model, what_if, query)?;
    Ok(suggest_for(model, what_if, query, &trace))
}

/// [`suggest`] for a path already evaluated.
pub fn suggest_for(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    trace: &PathTrace,
) -> Suggestions {
    let reasons = reasons(trace);
    let done = |none| Suggestions {
        verdict: trace.verdict.clone(),
        reasons: reasons.clone(),
        suggestions: Vec::new(),
        none: Some(none),
    };
    match &trace.verdict {
        Verdict::Reachable { .. } => return done(NoFix::AlreadyReachable),
        Verdict::Unavailable(_) => return done(NoFix::SourceDown),
        Verdict::LeavesVpc { .. } => return done(NoFix::LeavesVpc),
        Verdict::Blocked(_) | Verdict::Partial => {}
    }
    let Some(ctx) = Context::new(model, what_if, query, trace) else {
        return done(NoFix::NothingFound);
    };

    // Candidates from every family the path's reasons call for, without repeats.
    let mut singles: Vec<Vec<Edit>> = Vec::new();
    let mut pairs_only: Vec<Vec<Edit>> = Vec::new();
    let add = |edits: Vec<Edit>, to: &mut Vec<Vec<Edit>>| {
        if !edits.is_empty() && !to.contains(&edits) {
            to.push(edits);
        }
    };
    let mut cands = Candidates::default();
    for r in &reasons {
        match r {
            Reason::NoRoute
            | Reason::BlackholeRoute
            | Reason::NoInternetGateway
            | Reason::PrivateNatNoInternet
            | Reason::ApplianceUnavailable
            | Reason::GwlbEndpointFailed
            | Reason::RoutingLoop
            | Reason::AsymmetricReturn
            | Reason::WorkloadPartFailed => {
                routes::candidates(&ctx, &mut cands);
                endpoints::candidates(&ctx, &mut cands);
            }
            Reason::EndpointEnisAllFailed => endpoints::candidates(&ctx, &mut cands),
            Reason::NoPublicIp => {
                public_ip::candidates(&ctx, &mut cands);
                routes::candidates(&ctx, &mut cands);
            }
            Reason::NatAzFailed => {
                nat::candidates(&ctx, &mut cands);
                routes::candidates(&ctx, &mut cands);
                endpoints::candidates(&ctx, &mut cands);
            }
            Reason::DnsResolutionDisabled => dns::candidates(&ctx, &mut cands),
            // A VPC endpoint keeps a service's traffic off the internet gateway, where Block
            // Public Access applies; exclusions are not offered as fixes (they are a policy
            // decision, not a repair).
            Reason::BlockPublicAccess | Reason::BlockPublicAccessNatSubnet => {
                endpoints::candidates(&ctx, &mut cands)
            }
            Reason::BlockPublicAccessNotModelled => {}
            Reason::DnsNameNotFound => dns::name_not_found(&ctx, &mut cands),
            // The answer comes from outside the model: removing the rule or the servers is a
            // policy decision, not a repair, and what they answer is unknown.
            Reason::DnsAnswerOutsideModel => {}
            Reason::SourceAzFailed | Reason::DestinationUnavailable | Reason::WalkLimit => {}
            // Edits of security groups, network ACLs and policies are not offered yet.
            Reason::EndpointPolicyDenied
            | Reason::BucketPolicyDenied
            | Reason::PolicyNotEvaluable
            | Reason::SecurityGroupEgress
            | Reason::SecurityGroupIngress
            | Reason::NetworkAclOutbound
            | Reason::NetworkAclInbound
            | Reason::NetworkAclReply
            | Reason::SourceDestCheck => {}
        }
    }
    for e in cands.single {
        add(vec![e], &mut singles);
    }
    for es in cands.composite {
        add(es, &mut pairs_only);
    }

    let mut judge = rank::Judge::new(model, what_if, query, &ctx);
    let mut found: Vec<Suggestion> = Vec::new();
    let mut failed_singles: Vec<Edit> = Vec::new();
    for (edits, tried) in singles.iter().zip(judge.try_all(&singles)) {
        match tried {
            Some(Ok(s)) => found.push(s),
            Some(Err(())) => failed_singles.push(edits[0].clone()),
            None => {}
        }
    }
    if found.is_empty() {
        // Two edits: the composites (create something, then route to it), then pairs of the
        // single edits that were valid but not enough on their own.
        let mut pairs = pairs_only;
        let n = failed_singles.len().min(MAX_PAIRED);
        for i in 0..n {
            for j in i + 1..n {
                pairs.push(vec![failed_singles[i].clone(), failed_singles[j].clone()]);
            }
        }
        found.extend(judge.try_all(&pairs).into_iter().flatten().flatten());
    }
    let suggestions = rank::rank(found);
    Suggestions {
        verdict: trace.verdict.clone(),
        reasons,
        none: suggestions.is_empty().then_some(NoFix::NothingFound),
        suggestions,
    }
}

/// What the families propose: single edits, and two-edit composites that only make sense
/// together (create a NAT gateway, then route to it).
#[derive(Default)]
pub(crate) struct Candidates {
    single: Vec<Edit>,
    composite: Vec<Vec<Edit>>,
}

impl Candidates {
    fn one(&mut self, e: Edit) {
        if !self.single.contains(&e) {
            self.single.push(e);
        }
    }

    fn two(&mut self, a: Edit, b: Edit) {
        let v = vec![a, b];
        if !self.composite.contains(&v) {
            self.composite.push(v);
        }
    }
}

/// The reasons of the path: its own, or those of its parts (partial verdicts, workloads).
fn reasons(trace: &PathTrace) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::new();
    for r in trace
        .verdict
        .reason()
        .into_iter()
        .chain(trace.parts.iter().filter_map(|p| p.verdict.reason()))
    {
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.is_empty() && matches!(trace.verdict, Verdict::Partial) {
        // A partial path whose other ranges go nowhere: a route is missing.
        out.push(Reason::NoRoute);
    }
    out
}

/// The inputs the cost delta is worked out with: the scenario's, plus the path's own services
/// so that the traffic of the fixed path is priced.
pub(crate) fn cost_inputs(model: &Model, services: &[String]) -> CostInputs {
    let mut inputs = CostInputs::for_model(model);
    for s in services {
        if model.service(s).is_some() && !inputs.services.contains(s) {
            inputs.services.push(s.clone());
        }
    }
    inputs
}

/// Apply a suggestion's edits to `model`.
pub fn apply(model: &Model, s: &Suggestion) -> Result<Model, crate::model::EditError> {
    s.edit().apply(model).map(|(m, _)| m)
}
