//! VPC Block Public Access at the internet gateway (aws-semantics.md §4, the internet gateway; BPA
//! has no section there yet, so AWS's pages are the contract): the mode, the subnet whose traffic
//! met the gateway, the exclusion that applied or none, and what followed.

use serde::Serialize;

use super::*;
use crate::model::{BpaMode, ExclusionMode};

/// An exclusion as a trace names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BpaExclusionRef {
    /// The exclusion's id (`vpcbpa-exclude-…`), else the VPC or subnet it applies to.
    pub id: Id,
    /// The VPC or subnet it applies to.
    pub applies_to: Id,
    /// It applies to the whole VPC (else to one subnet).
    pub vpc_wide: bool,
    pub mode: ExclusionMode,
}

/// What Block Public Access did with the traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BpaOutcome {
    /// Blocked: no exclusion lets it through.
    Blocked,
    /// An exclusion lets it through.
    Excluded,
    /// Ingress-only mode lets a NAT gateway's traffic through ("only traffic to and from NAT
    /// gateways and egress-only internet gateways is allowed").
    NatInIngressMode,
    /// Ingress-only mode lets an egress-only internet gateway's traffic through (the same
    /// sentence: it "only allow[s] outbound connections to be established").
    EgressOnlyInIngressMode,
    /// AWS's pages do not say what happens here: reported as not modelled, never guessed.
    NotModelled(BpaUnknown),
}

/// The cases AWS's pages leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BpaUnknown {
    /// An `allow-egress` exclusion in ingress-only mode ("only applies when BPA is set to
    /// Bidirectional": what the excluded subnet's own outbound traffic gets is not said).
    EgressExclusionInIngressMode,
    /// The subnet and its VPC have exclusions with different modes.
    SubnetAndVpcDiffer,
    /// The traffic passed a GWLB endpoint ("blocked even if the subnet containing GWLB
    /// endpoints is excluded"; whether another exclusion lets it through is not said).
    AfterGwlbEndpoint,
    /// A regional NAT gateway (no subnet) without an exclusion of the whole VPC.
    RegionalNat,
}

impl BpaUnknown {
    pub fn code(self) -> &'static str {
        match self {
            BpaUnknown::EgressExclusionInIngressMode => "egress_exclusion_in_ingress_mode",
            BpaUnknown::SubnetAndVpcDiffer => "subnet_and_vpc_differ",
            BpaUnknown::AfterGwlbEndpoint => "after_gwlb_endpoint",
            BpaUnknown::RegionalNat => "regional_nat",
        }
    }
}

/// Block Public Access's decision on one path at the internet gateway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BpaCheck {
    /// The internet gateway, or the egress-only internet gateway of an IPv6 path.
    pub internet_gateway: Id,
    pub mode: BpaMode,
    /// The subnet whose traffic meets the gateway: the source's, or the NAT gateway's or NAT
    /// instance's that forwarded it (none: a regional NAT gateway).
    pub subnet: Option<Id>,
    /// The NAT gateway the traffic left through, if any.
    pub nat: Option<Id>,
    /// The exclusion that applied (for a conflict, the subnet's).
    pub exclusion: Option<BpaExclusionRef>,
    pub outcome: BpaOutcome,
}

impl BpaCheck {
    /// The reason a stop gives the verdict (only for `Blocked` and `NotModelled`).
    pub fn reason(&self) -> Reason {
        match self.outcome {
            BpaOutcome::NotModelled(_) => Reason::BlockPublicAccessNotModelled,
            _ if self.nat.is_some() => Reason::BlockPublicAccessNatSubnet,
            _ => Reason::BlockPublicAccess,
        }
    }
}
