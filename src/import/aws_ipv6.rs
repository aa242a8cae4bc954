//! The IPv6 fields of the AWS CLI's output that the importer reads (EC2 API Reference:
//! `VpcIpv6CidrBlockAssociation`, `SubnetIpv6CidrBlockAssociation`, `EgressOnlyInternetGateway`;
//! see docs/aws-import-fields.md), and `aws ec2 describe-egress-only-internet-gateways`.
//! Unknown fields are ignored.

use serde::Deserialize;

use super::aws::{Attachment, StateOnly, Tag};

/// An entry of a VPC's or a subnet's `Ipv6CidrBlockAssociationSet`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Ipv6CidrBlockAssociation {
    pub ipv6_cidr_block: Option<String>,
    /// `associating`, `associated`, `disassociating`, `disassociated`, `failing`, `failed`.
    pub ipv6_cidr_block_state: Option<StateOnly>,
}

impl Ipv6CidrBlockAssociation {
    /// The block, if it is associated (or its state is not given).
    pub fn associated(&self) -> Option<&str> {
        let state = self
            .ipv6_cidr_block_state
            .as_ref()
            .and_then(|s| s.state.as_deref());
        match state {
            None | Some("associated") => self.ipv6_cidr_block.as_deref(),
            Some(_) => None,
        }
    }
}

/// `describe-egress-only-internet-gateways`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeEgressOnlyInternetGateways {
    pub egress_only_internet_gateways: Vec<EgressOnlyInternetGateway>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct EgressOnlyInternetGateway {
    pub egress_only_internet_gateway_id: String,
    /// `VpcId` and `State` (`attached` once created).
    pub attachments: Vec<Attachment>,
    pub tags: Vec<Tag>,
}
