//! VPC Block Public Access exclusions (aws-semantics.md §4, the internet gateway; BPA has no
//! section there yet, so AWS's pages below are the contract): an exclusion names the scenario's VPC
//! or one of its subnets, and each of them has at most one.
//!
//! AWS: "An exclusion is a mode that can be applied to a single VPC or subnet"
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>).

use super::Cx;
use crate::model::{Diagnostic, ExclusionScope};

/// Every exclusion resolves to the VPC or one of its subnets, and no VPC or subnet has two
/// (the model could not tell which mode applies).
pub(super) fn block_public_access(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let bpa = &cx.s.block_public_access;
    for (i, e) in bpa.exclusions.iter().enumerate() {
        let label = e.label(cx.vpc_id());
        if let ExclusionScope::Subnet(sn) = &e.scope
            && !cx.subnets.contains_key(sn.as_str())
        {
            out.push(
                Diagnostic::error(label, "bpa_exclusion_unknown_subnet")
                    .s("exclusion", label)
                    .s("subnet", sn),
            );
        }
        if bpa.exclusions[..i].iter().any(|o| o.scope == e.scope) {
            let what = match &e.scope {
                ExclusionScope::Vpc => cx.vpc_id(),
                ExclusionScope::Subnet(sn) => sn,
            };
            out.push(Diagnostic::error(label, "bpa_exclusion_twice").s("resource", what));
        }
    }
}
