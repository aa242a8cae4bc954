//! The whole answer for one source and one destination.

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

/// For a partial verdict: the destination CIDRs that share one path, and that path.
/// For a workload: one of its services (`to`), with that service's whole path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The workload part's service; `None` for the CIDR groups of a partial verdict.
    pub to: Option<Id>,
    pub cidrs: Vec<Ipv4Net>,
    pub verdict: Verdict,
    pub hops: Vec<Hop>,
}

/// The whole answer for one source and one destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathTrace {
    pub from: Origin,
    /// The destination as `--to` takes it: `s3`, `s3@us-west-2`, `10.0.2.10`, `workload:ecr-pull`.
    pub to: Id,
    pub verdict: Verdict,
    pub notes: Notes,
    pub hops: Vec<Hop>,
    /// Partial verdicts: which ranges go where; workloads: each service's path.
    pub parts: Vec<Part>,
    /// The layers this verdict did not evaluate ([`super::unchecked`]).
    pub unchecked: Unchecked,
}

impl PathTrace {
    /// The hop where the path stopped, if it did (the last hop of the trace, or of the first
    /// part that stopped).
    pub fn stop(&self) -> Option<&Stop> {
        self.hops.last().and_then(Hop::stop)
    }
}
