//! VPC Block Public Access as the evaluator reads it: the mode, and per subnet the exclusion that
//! applies to it, worked out once per model so that the internet gateway's check is one lookup
//! (aws-semantics.md §4, the internet gateway; BPA has no section there yet, so AWS's pages below
//! are the contract).

use super::IdMap;
use crate::model::{BpaMode, ExclusionScope, Scenario};

/// Which exclusion applies to a subnet (or to the VPC as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Applies {
    /// No exclusion covers it.
    None,
    /// This exclusion (index in the scenario's list) does: the subnet's own, else the VPC's.
    Exclusion(usize),
    /// The subnet and its VPC both have an exclusion, with different modes: AWS's pages do not
    /// say which one wins, so the evaluator says "not modelled" rather than pick one.
    Conflict { subnet: usize, vpc: usize },
}

/// The BPA mode and, per subnet, the exclusion that applies to it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct BpaIndex {
    pub mode: BpaMode,
    /// Per subnet index.
    pub subnets: Vec<Applies>,
    /// The VPC's own exclusion (what covers a regional NAT gateway, which has no subnet).
    pub vpc: Option<usize>,
}

impl BpaIndex {
    pub(crate) fn build(s: &Scenario, subnet_lookup: &IdMap) -> BpaIndex {
        let bpa = &s.block_public_access;
        let vpc = bpa.exclusion(&ExclusionScope::Vpc);
        let mut subnets = vec![vpc.map_or(Applies::None, Applies::Exclusion); s.subnets.len()];
        // The first exclusion of a subnet counts (validation refuses a second).
        for (i, e) in bpa.exclusions.iter().enumerate().rev() {
            let ExclusionScope::Subnet(id) = &e.scope else {
                continue;
            };
            let Some(&si) = subnet_lookup.get(id.as_str()) else {
                continue;
            };
            subnets[si] = match vpc {
                Some(v) if bpa.exclusions[v].mode != e.mode => {
                    Applies::Conflict { subnet: i, vpc: v }
                }
                _ => Applies::Exclusion(i),
            };
        }
        BpaIndex {
            mode: bpa.mode,
            subnets,
            vpc,
        }
    }

    /// What applies to subnet `si`.
    pub(crate) fn subnet(&self, si: usize) -> Applies {
        self.subnets.get(si).copied().unwrap_or(Applies::None)
    }
}
