//! vpc-tui: see how traffic leaves an AWS VPC.
//!
//! Layers, one-way: [`model`] (scenario types, loading, validation, edits) → [`eval`] (pure path
//! evaluation) → the CLI and the TUI.

pub mod catalogue;
pub mod cli;
pub mod eval;
pub mod model;
mod net_text;
pub mod prefix_trie;
pub mod report;
