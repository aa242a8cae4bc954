//! The shapes of the DNS calls the importer reads, the fields it reads (see
//! docs/aws-import-fields.md); unknown fields are ignored:
//! - `aws ec2 describe-dhcp-options` (EC2 API Reference: `DhcpOptions`, `DhcpConfiguration`);
//! - `aws route53 list-hosted-zones-by-vpc` (Route 53 API Reference: `HostedZoneSummary`);
//! - `aws route53 list-resource-record-sets` (`ResourceRecordSet`, `AliasTarget`);
//! - `aws route53resolver list-resolver-rules` and `list-resolver-rule-associations`
//!   (Route 53 Resolver API Reference: `ResolverRule`, `TargetAddress`,
//!   `ResolverRuleAssociation`).

use serde::Deserialize;

/// `describe-dhcp-options`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DescribeDhcpOptions {
    pub dhcp_options: Vec<DhcpOptions>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DhcpOptions {
    pub dhcp_options_id: String,
    pub dhcp_configurations: Vec<DhcpConfiguration>,
}

/// `{"Key": "domain-name-servers", "Values": [{"Value": "AmazonProvidedDNS"}]}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct DhcpConfiguration {
    pub key: String,
    pub values: Vec<AttributeValue>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct AttributeValue {
    pub value: String,
}

/// `list-hosted-zones-by-vpc`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListHostedZonesByVpc {
    pub hosted_zone_summaries: Vec<HostedZoneSummary>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct HostedZoneSummary {
    pub hosted_zone_id: String,
    pub name: String,
    pub owner: Option<HostedZoneOwner>,
}

/// Who owns a zone: an account, or an AWS service that created it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct HostedZoneOwner {
    pub owning_account: Option<String>,
    pub owning_service: Option<String>,
}

/// `list-resource-record-sets`: the output does not say which zone it lists; the importer reads
/// that from the zone's SOA record (its name is the zone's), else from the file name.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListResourceRecordSets {
    pub resource_record_sets: Vec<ResourceRecordSet>,
    pub is_truncated: bool,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResourceRecordSet {
    pub name: String,
    #[serde(rename = "Type")]
    pub kind: String,
    /// Set on records of a routing policy (weighted, failover, latency, …).
    pub set_identifier: Option<String>,
    pub resource_records: Vec<AttributeValue>,
    pub alias_target: Option<AliasTarget>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AliasTarget {
    #[serde(rename = "DNSName", default)]
    pub dns_name: String,
}

/// `route53resolver list-resolver-rules`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListResolverRules {
    pub resolver_rules: Vec<ResolverRule>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResolverRule {
    pub id: String,
    pub domain_name: Option<String>,
    /// `FORWARD`, `SYSTEM`, `RECURSIVE`, `DELEGATE`.
    pub rule_type: Option<String>,
    /// `COMPLETE`, `DELETING`, `UPDATING`, `FAILED`.
    pub status: Option<String>,
    pub target_ips: Vec<TargetAddress>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct TargetAddress {
    pub ip: Option<String>,
}

/// `route53resolver list-resolver-rule-associations`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ListResolverRuleAssociations {
    pub resolver_rule_associations: Vec<ResolverRuleAssociation>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", default)]
pub struct ResolverRuleAssociation {
    pub id: String,
    pub resolver_rule_id: String,
    #[serde(rename = "VPCId")]
    pub vpc_id: Option<String>,
    /// `CREATING`, `COMPLETE`, `DELETING`, `FAILED`, `OVERRIDDEN`.
    pub status: Option<String>,
}
