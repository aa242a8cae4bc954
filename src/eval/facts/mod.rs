//! The result of an evaluation, as facts: hops, route decisions, verdict, reasons and notes, each
//! a typed value with the ids, addresses, CIDRs, AZs and rule codes it is about. No sentence is
//! built here; `crate::explain` renders facts in English or Japanese. Codes are stable
//! snake_case strings (documented in the README).

pub use compact_str::CompactString;

/// An id or a short name as AWS shows it (`rtb-0a1…`, `vpce-s3`, `us-east-1a`): kept inline for
/// ids up to 24 bytes, so most facts allocate nothing for their names.
pub type Id = CompactString;

/// The layers the evaluator may leave out; every verdict lists those it did not evaluate (see
/// [`unchecked`]) so that "reachable" never reads as a promise that the connection works.
pub const UNCHECKED: [&str; 4] = [
    "security_groups",
    "network_acls",
    "source_dest_check",
    "endpoint_policies",
];

/// The layers a model's verdicts leave out: security groups and network ACLs when the scenario
/// has none (today's behaviour for scenarios without them), the source/destination check when
/// some appliance interface does not say, and endpoint and bucket policies when no endpoint
/// has a policy and no bucket is listed (then every endpoint has AWS's default policy, and
/// bucket policies are unknown).
pub fn unchecked(model: &crate::model::Model) -> Vec<&'static str> {
    let sec = model.security();
    let s = model.scenario();
    UNCHECKED
        .iter()
        .copied()
        .filter(|layer| match *layer {
            "security_groups" => !sec.groups_on,
            "network_acls" => !sec.acls_on,
            "source_dest_check" => s
                .network_interfaces
                .iter()
                .any(|n| n.source_dest_check.is_none()),
            "endpoint_policies" => !crate::eval::policies::on(model),
            _ => true,
        })
        .collect()
}

mod answers;
mod bpa;
mod hop;
mod note;
mod objects;
mod policy;
mod routes;
mod security;
mod stop;
mod trace;
mod verdict;

pub use answers::*;
pub use bpa::*;
pub use hop::*;
pub use note::*;
pub use objects::*;
pub use policy::*;
pub use routes::*;
pub use security::*;
pub use stop::*;
pub use trace::*;
pub use verdict::*;
