//! VPC Block Public Access (BPA) as a scenario writes it: the account's mode in the Region and the
//! exclusions of VPCs and subnets (aws-semantics.md §4, the internet gateway; BPA has no section
//! there yet, so AWS's pages below are the contract).
//!
//! AWS's pages: <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html> (the modes
//! and the exclusion modes),
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa-basics.html> (which gateways
//! it blocks), and the EC2 API reference for `DescribeVpcBlockPublicAccessOptions`
//! (`InternetGatewayBlockMode`: `off | block-bidirectional | block-ingress`) and
//! `DescribeVpcBlockPublicAccessExclusions` (`InternetGatewayExclusionMode`: `allow-bidirectional |
//! allow-egress`, for a `VpcId` or a `SubnetId`).

use serde::{Deserialize, Serialize};

/// The account's BPA mode in the Region (`InternetGatewayBlockMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BpaMode {
    /// BPA is off: nothing is blocked (every scenario that says nothing about BPA).
    #[default]
    Off,
    /// "All traffic to and from internet gateways and egress-only internet gateways in this
    /// Region (except for excluded VPCs and subnets) is blocked."
    BlockBidirectional,
    /// "All internet traffic to the VPCs in this Region (except for VPCs or subnets which are
    /// excluded) is blocked. Only traffic to and from NAT gateways and egress-only internet
    /// gateways is allowed."
    BlockIngress,
}

impl BpaMode {
    pub const ALL: [BpaMode; 3] = [
        BpaMode::Off,
        BpaMode::BlockBidirectional,
        BpaMode::BlockIngress,
    ];

    /// The value as AWS writes it (`InternetGatewayBlockMode`).
    pub fn code(self) -> &'static str {
        match self {
            BpaMode::Off => "off",
            BpaMode::BlockBidirectional => "block-bidirectional",
            BpaMode::BlockIngress => "block-ingress",
        }
    }

    pub fn from_code(code: &str) -> Option<BpaMode> {
        BpaMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// An exclusion's mode (`InternetGatewayExclusionMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionMode {
    /// "All internet traffic to and from the excluded VPCs and subnets is allowed."
    AllowBidirectional,
    /// "Outbound internet traffic from the excluded VPCs and subnets is allowed. Inbound
    /// internet traffic to the excluded VPCs and subnets is blocked. This only applies when BPA
    /// is set to Bidirectional."
    AllowEgress,
}

impl ExclusionMode {
    pub const ALL: [ExclusionMode; 2] = [
        ExclusionMode::AllowBidirectional,
        ExclusionMode::AllowEgress,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ExclusionMode::AllowBidirectional => "allow-bidirectional",
            ExclusionMode::AllowEgress => "allow-egress",
        }
    }

    pub fn from_code(code: &str) -> Option<ExclusionMode> {
        ExclusionMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// What an exclusion applies to: the scenario's VPC, or one of its subnets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExclusionScope {
    Vpc,
    Subnet(String),
}

/// One exclusion (`VpcBlockPublicAccessExclusion`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BpaExclusion {
    /// The exclusion's id as AWS shows it (`vpcbpa-exclude-…`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub scope: ExclusionScope,
    pub mode: ExclusionMode,
}

impl BpaExclusion {
    /// The id to show: the exclusion's own, else what it applies to.
    pub fn label<'a>(&'a self, vpc: &'a str) -> &'a str {
        match (&self.id, &self.scope) {
            (Some(id), _) => id,
            (None, ExclusionScope::Subnet(s)) => s,
            (None, ExclusionScope::Vpc) => vpc,
        }
    }
}

/// The account's BPA settings as far as this VPC is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockPublicAccess {
    #[serde(default)]
    pub mode: BpaMode,
    /// Exclusions exist whatever the mode (AWS lets them be created while BPA is off, so that
    /// turning it on disrupts nothing they cover).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<BpaExclusion>,
}

impl BlockPublicAccess {
    /// Nothing to write: BPA off and no exclusion (a scenario that says nothing about BPA).
    pub fn is_default(&self) -> bool {
        self.mode == BpaMode::Off && self.exclusions.is_empty()
    }

    /// The exclusion of `scope`, if any.
    pub fn exclusion(&self, scope: &ExclusionScope) -> Option<usize> {
        self.exclusions.iter().position(|e| &e.scope == scope)
    }
}
