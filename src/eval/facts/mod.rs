//! The result of an evaluation, as facts: hops, route decisions, verdict, reasons and notes, each
//! a typed value with the ids, addresses, CIDRs, AZs and rule codes it is about. No sentence is
//! built here; `crate::explain` renders facts in English or Japanese. Codes are stable
//! snake_case strings (documented in the README).

pub use compact_str::CompactString;

/// An id or a short name as AWS shows it (`rtb-0a1…`, `vpce-s3`, `us-east-1a`): kept inline for
/// ids up to 24 bytes, so most facts allocate nothing for their names.
pub type Id = CompactString;

pub use crate::model::{UNCHECKED, Unchecked};

/// The layers a model's verdicts leave out (worked out when the model is built, see
/// [`crate::model::unchecked_layers`]).
pub fn unchecked(model: &crate::model::Model) -> Unchecked {
    model.unchecked
}

mod answers;
mod bpa;
mod dns;
mod hop;
mod ipv6;
mod ipv6_security;
mod lattice;
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
pub use dns::*;
pub use hop::*;
pub use ipv6::*;
pub use ipv6_security::*;
pub use lattice::*;
pub use note::*;
pub use objects::*;
pub use policy::*;
pub use routes::*;
pub use security::*;
pub use stop::*;
pub use trace::*;
pub use verdict::*;

/// Sizes pinned: a trace's hops are copied as the walk grows them and a NAT gateway path holds
/// eight, so that eight hops (1,024 bytes) stay within glibc's thread-cache sizes (up to 1,032
/// bytes) a hop must stay at 128 bytes or less. Rare, large facts are boxed to keep it there.
#[cfg(test)]
mod sizes {
    use std::mem::size_of;

    use super::*;

    #[test]
    fn hops_and_facts_stay_small() {
        assert!(size_of::<Hop>() <= 128, "Hop: {} bytes", size_of::<Hop>());
        assert!(size_of::<Fact>() <= 88, "Fact: {} bytes", size_of::<Fact>());
        assert_eq!(size_of::<Option<Az>>(), 8, "an AZ is one shared pointer");
        assert!(
            size_of::<DnsAnswer>() <= 80,
            "DnsAnswer: {}",
            size_of::<DnsAnswer>()
        );
        assert!(size_of::<Origin>() <= 48, "Origin: {}", size_of::<Origin>());
        assert!(
            size_of::<Association>() <= 56,
            "Association: {}",
            size_of::<Association>()
        );
        // Shared (Arc), with up to four destinations inline.
        assert!(
            size_of::<RouteDecision>() <= 56,
            "RouteDecision: {}",
            size_of::<RouteDecision>()
        );
        assert!(
            size_of::<EndpointEni>() <= 16,
            "EndpointEni: {}",
            size_of::<EndpointEni>()
        );
        // Boxed in a hop, but built whole on every blocked path and held by notes.
        assert!(
            size_of::<Stop>() <= 168,
            "Stop: {} bytes",
            size_of::<Stop>()
        );
        // Two notes inline in a trace at the size one 80-byte note took.
        assert!(size_of::<Note>() <= 40, "Note: {} bytes", size_of::<Note>());
        assert!(size_of::<Notes>() <= 88, "Notes: {}", size_of::<Notes>());
        assert!(
            size_of::<PathTrace>() <= 240,
            "PathTrace: {}",
            size_of::<PathTrace>()
        );
    }
}
