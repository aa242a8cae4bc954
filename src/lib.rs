//! vpc-tui: see how traffic leaves an AWS VPC.
//!
//! Layers, one-way: [`model`] (scenario types, the catalogue, loading, validation, edits) →
//! [`eval`] (pure path evaluation: facts) → [`explain`] (facts → sentences, English and
//! Japanese, from Fluent message files) → [`app`] (state, messages, `update`) → [`ui`]
//! (rendering only); [`cli`] and [`tui`] (terminal setup and the event loop) sit on top.

pub mod app;
pub mod cli;
pub mod cost;
pub mod eval;
pub mod explain;
pub mod export;
pub mod fix;
pub mod i18n;
pub mod import;
pub mod lesson;
pub mod model;
mod net_text;
pub mod prefix_trie;
pub mod report;
pub mod save;
pub mod scenario_checks;
pub mod signals;
pub mod term_safe;
pub mod tui;
pub mod ui;
