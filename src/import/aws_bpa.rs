//! The shapes of `aws ec2 describe-vpc-block-public-access-options` and
//! `aws ec2 describe-vpc-block-public-access-exclusions`, the fields the importer reads (EC2 API
//! Reference: `VpcBlockPublicAccessOptions`, `VpcBlockPublicAccessExclusion`; see
//! docs/aws-import-fields.md). Unknown fields are ignored.

use serde::Deserialize;

/// `describe-vpc-block-public-access-options`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeOptions {
    pub vpc_block_public_access_options: Option<Options>,
}

/// The Region's BPA settings for the account.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Options {
    pub aws_region: Option<String>,
    /// `default-state`, `update-in-progress`, `update-complete`.
    pub state: Option<String>,
    /// `off`, `block-bidirectional`, `block-ingress`.
    pub internet_gateway_block_mode: Option<String>,
    /// `allowed`, `not-allowed` (a declarative policy of the organization may forbid them).
    pub exclusions_allowed: Option<String>,
    /// `account`, `declarative-policy`.
    pub managed_by: Option<String>,
}

/// `describe-vpc-block-public-access-exclusions`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeExclusions {
    pub vpc_block_public_access_exclusions: Vec<Exclusion>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct Exclusion {
    pub exclusion_id: String,
    /// `allow-bidirectional`, `allow-egress`.
    pub internet_gateway_exclusion_mode: Option<String>,
    /// `arn:aws:ec2:REGION:ACCOUNT:vpc/vpc-…` or `…:subnet/subnet-…`.
    pub resource_arn: Option<String>,
    /// `create-in-progress`, `create-complete`, `create-failed`, `update-in-progress`,
    /// `update-complete`, `update-failed`, `delete-in-progress`, `delete-complete`,
    /// `disable-in-progress`, `disable-complete`.
    pub state: Option<String>,
}

/// What an exclusion's `ResourceArn` names: (`vpc` or `subnet`, the id).
pub fn arn_resource(arn: &str) -> Option<(&str, &str)> {
    let resource = arn.strip_prefix("arn:")?.splitn(5, ':').nth(4)?;
    let (kind, id) = resource.split_once('/')?;
    matches!(kind, "vpc" | "subnet").then_some((kind, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_name_a_vpc_or_a_subnet() {
        assert_eq!(
            arn_resource("arn:aws:ec2:us-east-1:111122223333:subnet/subnet-0a1"),
            Some(("subnet", "subnet-0a1"))
        );
        assert_eq!(
            arn_resource("arn:aws-cn:ec2:cn-north-1:111122223333:vpc/vpc-1"),
            Some(("vpc", "vpc-1"))
        );
        assert_eq!(arn_resource("arn:aws:ec2:us-east-1:1:instance/i-1"), None);
        assert_eq!(arn_resource("subnet-0a1"), None);
    }
}
