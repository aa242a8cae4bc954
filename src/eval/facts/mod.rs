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
