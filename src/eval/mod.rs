//! Pure path evaluation: model + what-if → facts (hops, route decisions, verdict, reason and
//! note codes). No sentence is built here: `crate::explain` renders facts per language.
//!
//! - `query.rs`: what is asked (from, to) and the error for an unknown name;
//! - `evaluate.rs`: resolving the query, the source and DNS hops, services, workloads;
//!   `evaluate_lattice_express.rs`: the paths VPC Lattice and S3 Express One Zone decide;
//! - `dns.rs`: what the Amazon-provided DNS server answers (aws-semantics.md §3);
//! - `route.rs`: route selection in one table (§1);
//! - `walk.rs`: routing table by table, dispatching to `rules/`, one file per AWS rule;
//! - `merge.rs`: leaves of the walk → verdict, parts, cross-AZ;
//! - `matrix.rs`: every instance × service, verdicts only;
//! - `removal.rs`: a path as if something were removed, without the edit's model (weak points);
//! - `facts.rs`: the typed trace.

mod az_reads;
mod ctx;
mod deps;
mod dns;
mod evaluate;
mod evaluate_lattice_express;
mod facts;
mod ipv6;
mod lattice;
mod layers;
mod logged;
mod matrix;
mod merge;
mod policies;
mod policy;
mod query;
mod removal;
mod resolve;
mod route;
mod rules;
mod walk;

pub use evaluate::evaluate;
pub use facts::*;
pub use matrix::{
    Answered, ChangedColumns, ClassKey, Classes, EndpointMoves, FamilyRows, Matrix, MatrixCell,
    Plan, Planned, Touched, WalkDeps, class_families, classes, classes_afresh, columns,
    evaluate_all, evaluate_all_after, evaluate_all_family, evaluate_all_for, evaluate_class,
    evaluate_classes, evaluate_family, family_rows, trace_family,
};
pub use query::{Family, From, Probe, Query, QueryError, Request, To};
pub use removal::evaluate_without_nat_gateway;
