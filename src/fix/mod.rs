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
//!   (`no_public_ip`), `nat.rs` (`nat_az_failed`), `dns.rs` (`dns_resolution_disabled`),
//!   `security.rs` (security groups, network ACLs, source/destination check), `policies.rs`
//!   (endpoint and bucket policies);
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
mod ipv6;
mod nat;
mod policies;
mod public_ip;
mod rank;
mod routes;
mod security;
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

/// Layer edits whose next layer is asked for ([`next_layer`]), at most.
const MAX_CHAINED: usize = 8;

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
    /// What its policy edits change in the policies (an edit's text names the policy only),
    /// in the edits' order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<PolicyChange>,
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

/// What a suggested policy edit changes, as a fact (`explain::fix_change` says it).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum PolicyChange {
    /// An endpoint policy gains a statement allowing `action` on `resource`.
    AllowStatement { owner: Id, action: Id, resource: Id },
    /// An endpoint policy loses statement `index` (1-based), the Deny that refused.
    WithoutStatement {
        owner: Id,
        index: usize,
        sid: Option<Id>,
    },
    /// A bucket policy's Deny `index` (1-based), resting on `aws:SourceIp`, gains the condition
    /// `aws:SourceVpce` is not `endpoint`: requests through the endpoint are no longer denied.
    SourceVpce {
        bucket: Id,
        index: usize,
        sid: Option<Id>,
        endpoint: Id,
    },
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
    /// VPC Block Public Access blocks the path and no endpoint can carry it: only an exclusion
    /// would let it through, and exclusions are a policy decision, not offered as fixes.
    OnlyBpaExclusion,
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

/// What a caller may already have worked out for the model as it is under the what-if (the
/// explorer keeps both): each suggestion's cells and cost are worked out from what its edits
/// change, so with these the model's own matrix and estimate need not be worked out again.
/// Either may be stale or for other inputs: what differs is evaluated again
/// (`eval::evaluate_all_after`, `cost::estimate_after`), so the answer is the same with or
/// without them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Known<'a> {
    /// The matrix (used when it is for HTTPS, the traffic the suggestions' cells are for).
    pub matrix: Option<&'a eval::Matrix>,
    /// A cost estimate (for any inputs: the path's services are added).
    pub cost: Option<&'a crate::cost::CostEstimate>,
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
    suggest_with(model, what_if, query, trace, Known::default())
}

/// [`suggest_for`] with what the caller already has ([`Known`]).
pub fn suggest_with(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    trace: &PathTrace,
    known: Known<'_>,
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
        // A path the model cannot decide may still become decidable (and reachable) by an
        // edit: replacing a policy it cannot read, adding the endpoint DNS would answer with.
        Verdict::Blocked(_) | Verdict::NotModelled(_) | Verdict::Partial => {}
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
    propose(&ctx, &reasons, &mut cands);
    let mut changes = std::mem::take(&mut cands.changes);
    for e in cands.single {
        add(vec![e], &mut singles);
    }
    for es in cands.composite {
        add(es, &mut pairs_only);
    }

    let mut judge = rank::Judge::new(model, what_if, query, &ctx, known);
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
        // More edits: the composites (create something, then route to it; a network ACL's
        // rules for every range refused), a layer's fix with the next layer's after it, then
        // pairs of the single edits that were valid but not enough on their own.
        let mut pairs = pairs_only;
        let (next, more) = next_layer(model, what_if, query, &failed_singles);
        changes.extend(more);
        for p in next {
            if !pairs.contains(&p) {
                pairs.push(p);
            }
        }
        let n = failed_singles.len().min(MAX_PAIRED);
        for i in 0..n {
            for j in i + 1..n {
                pairs.push(vec![failed_singles[i].clone(), failed_singles[j].clone()]);
            }
        }
        found.extend(judge.try_all(&pairs).into_iter().flatten().flatten());
    }
    for s in &mut found {
        s.changes = s
            .edits
            .iter()
            .filter_map(|e| changes.iter().find(|(x, _)| x == e).map(|(_, c)| c.clone()))
            .collect();
    }
    let suggestions = rank::rank(found);
    Suggestions {
        verdict: trace.verdict.clone(),
        none: suggestions.is_empty().then(|| none_found(&reasons)),
        reasons,
        suggestions,
    }
}

/// The candidates of every family the reasons call for.
fn propose(ctx: &Context<'_>, reasons: &[Reason], cands: &mut Candidates) {
    for r in reasons {
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
                routes::candidates(ctx, cands);
                endpoints::candidates(ctx, cands);
                // An IPv6 blackhole route (the IPv6 stops only).
                ipv6::candidates(ctx, cands);
            }
            Reason::EndpointEnisAllFailed => endpoints::candidates(ctx, cands),
            Reason::NoIpv6Route => ipv6::candidates(ctx, cands),
            Reason::NoPublicIp => {
                public_ip::candidates(ctx, cands);
                routes::candidates(ctx, cands);
            }
            Reason::NatAzFailed => {
                nat::candidates(ctx, cands);
                routes::candidates(ctx, cands);
                endpoints::candidates(ctx, cands);
            }
            Reason::DnsResolutionDisabled => dns::candidates(ctx, cands),
            Reason::DnsNameNotFound => dns::name_not_found(ctx, cands),
            // A VPC endpoint keeps a service's traffic off the internet gateway, where Block
            // Public Access applies; exclusions are not offered as fixes (they are a policy
            // decision, not a repair).
            Reason::BlockPublicAccess | Reason::BlockPublicAccessNatSubnet => {
                routes::gateway_endpoints(ctx, cands);
                endpoints::candidates(ctx, cands);
            }
            Reason::SecurityGroupEgress
            | Reason::SecurityGroupIngress
            | Reason::NetworkAclOutbound
            | Reason::NetworkAclInbound
            | Reason::NetworkAclReply
            | Reason::SourceDestCheck => security::candidates(ctx, cands),
            Reason::EndpointPolicyDenied => policies::candidates(ctx, cands),
            // What a path another way gets is not modelled; the way AWS's pages describe is an
            // s3express gateway endpoint on the source's table (`context` names the service).
            Reason::DirectoryBucketWithoutGatewayEndpoint => routes::gateway_endpoints(ctx, cands),
            // A Deny on aws:SourceVpce is answered by routing through the endpoint it names.
            Reason::BucketPolicyDenied => {
                policies::candidates(ctx, cands);
                routes::candidates(ctx, cands);
            }
            // What the model cannot evaluate, it cannot fix.
            Reason::SourceAzFailed
            | Reason::DestinationUnavailable
            | Reason::WalkLimit
            | Reason::PolicyNotEvaluable
            | Reason::BlockPublicAccessNotModelled
            // A directory bucket lives in its one zone: no edit of the VPC brings it back.
            | Reason::DirectoryBucketAzFailed
            // The port is the provider's resource configuration's, outside this VPC.
            | Reason::LatticePortNotOffered
            // The answer comes from outside the model: removing the rule or the servers is a
            // policy decision, not a repair, and what they answer is unknown.
            | Reason::DnsAnswerOutsideModel
            // IPv6 fixes (an IPv6 route, an address, DNS64) are not proposed yet: the
            // suggestions walk IPv4 paths.
            | Reason::NoIpv6Address
            | Reason::NoIpv4Address
            | Reason::NoAaaaRecord
            | Reason::EndpointNoIpv6
            | Reason::EndpointNoIpv4
            | Reason::Ipv6NotModelled => {}
        }
    }
}

/// What the families propose: single edits, and two-edit composites that only make sense
/// together (create a NAT gateway, then route to it).
#[derive(Default)]
pub(crate) struct Candidates {
    single: Vec<Edit>,
    composite: Vec<Vec<Edit>>,
    /// What policy edits change, for their suggestions.
    changes: Vec<(Edit, PolicyChange)>,
}

impl Candidates {
    fn one(&mut self, e: Edit) {
        if !self.single.contains(&e) {
            self.single.push(e);
        }
    }

    fn two(&mut self, a: Edit, b: Edit) {
        self.batch(vec![a, b]);
    }

    /// Edits that only work together (one alone is a single edit).
    fn batch(&mut self, mut edits: Vec<Edit>) {
        match edits.len() {
            0 => {}
            1 => self.one(edits.remove(0)),
            _ => {
                if !self.composite.contains(&edits) {
                    self.composite.push(edits);
                }
            }
        }
    }

    /// A single edit with what it changes said as a fact.
    fn described(&mut self, e: Edit, change: PolicyChange) {
        self.changes.push((e.clone(), change));
        self.one(e);
    }
}

/// A layer's fix often only uncovers the next layer (the reply's network ACL after the request's,
/// a route after an appliance's check): after each valid security-group, network-ACL,
/// source/destination-check or policy edit that is not enough on its own, the families are
/// asked again where the path then stops, and each edit they propose is tried after it.
fn next_layer(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    failed: &[Edit],
) -> (Vec<Vec<Edit>>, Vec<(Edit, PolicyChange)>) {
    let mut out = Vec::new();
    let mut changes = Vec::new();
    let layered = failed.iter().filter(|e| {
        matches!(
            e,
            Edit::AddSecurityGroupRule { .. }
                | Edit::AddNetworkAclRule { .. }
                | Edit::SetSourceDestCheck { .. }
                | Edit::SetEndpointPolicy { .. }
                | Edit::SetBucketPolicy { .. }
        )
    });
    for first in layered.take(MAX_CHAINED) {
        let Ok((after, _)) = first.apply(model) else {
            continue;
        };
        let Ok(trace) = eval::evaluate(&after, what_if, query) else {
            continue;
        };
        let Some(ctx) = Context::new(&after, what_if, query, &trace) else {
            continue;
        };
        let mut cands = Candidates::default();
        propose(&ctx, &reasons(&trace), &mut cands);
        for e in cands.single {
            out.push(vec![first.clone(), e]);
        }
        changes.extend(cands.changes);
    }
    (out, changes)
}

/// The reasons of the path: its own, or those of its parts (partial verdicts, workloads).
/// Why nothing was found: Block Public Access alone (an exclusion would do), or nothing.
fn none_found(reasons: &[Reason]) -> NoFix {
    let bpa = |r: &Reason| {
        matches!(
            r,
            Reason::BlockPublicAccess | Reason::BlockPublicAccessNatSubnet
        )
    };
    if !reasons.is_empty() && reasons.iter().all(bpa) {
        NoFix::OnlyBpaExclusion
    } else {
        NoFix::NothingFound
    }
}

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
