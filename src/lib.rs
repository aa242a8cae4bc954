//! vpc-tui: see how traffic leaves an AWS VPC.
//!
//! Layers, one-way: [`model`] (scenario types, loading, validation, edits) → [`eval`] (pure path
//! evaluation) → the CLI and the TUI.

pub mod catalogue;
pub mod cli;
pub mod eval;
pub mod export;
pub mod import;
pub mod model;
pub mod prefix_trie;
pub mod report;
