//! AWS's own rules (aws-semantics.md §7) and the references a scenario must resolve.

use super::{Diagnostic, Scenario};
use crate::catalogue::Service;

/// Every error and warning for `scenario`; never stops at the first.
pub fn validate(_scenario: &Scenario, _services: &[Service]) -> Vec<Diagnostic> {
    Vec::new()
}
