//! The shapes of the `aws vpc-lattice` calls the importer reads for resource and
//! service-network endpoints (VPC Lattice API Reference: `GetResourceConfiguration`,
//! `ListServiceNetworkServiceAssociations`, `ListServiceNetworkResourceAssociations`; see
//! docs/aws-import-fields.md). Unknown fields are ignored. VPC Lattice's JSON is camelCase.

use serde::Deserialize;

/// `vpc-lattice get-resource-configuration`: what a resource endpoint's
/// `ResourceConfigurationArn` names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ResourceConfiguration {
    pub arn: String,
    pub id: Option<String>,
    pub name: Option<String>,
    /// The name clients ask for, when the provider gave one.
    pub custom_domain_name: Option<String>,
    /// `"5432"`, `"1-65535"`: TCP port ranges.
    pub port_ranges: Vec<String>,
    pub protocol: Option<String>,
}

/// An item of `list-service-network-service-associations` or
/// `list-service-network-resource-associations` (their `items`): one service or resource
/// configuration of a service network.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Association {
    pub service_network_arn: Option<String>,
    pub service_network_id: Option<String>,
    /// A service association's service.
    pub service_name: Option<String>,
    /// A resource association's resource configuration.
    pub resource_configuration_name: Option<String>,
    pub custom_domain_name: Option<String>,
    pub dns_entry: Option<DnsEntry>,
    /// `ACTIVE`, `CREATE_IN_PROGRESS`, `DELETE_IN_PROGRESS`, `CREATE_FAILED`, `DELETE_FAILED`.
    pub status: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DnsEntry {
    pub domain_name: Option<String>,
}

/// The `items` of a `list-service-network-…-associations` call.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListAssociations {
    pub items: Vec<Association>,
}

/// An item of `vpc-lattice list-service-network-vpc-associations` (`items`), or the whole
/// output of `get-service-network-vpc-association` (which adds `securityGroupIds`): a VPC's
/// association with a service network.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VpcAssociation {
    pub id: String,
    pub arn: Option<String>,
    pub service_network_arn: Option<String>,
    pub service_network_id: Option<String>,
    pub service_network_name: Option<String>,
    pub vpc_id: Option<String>,
    /// Only in `get-service-network-vpc-association`.
    pub security_group_ids: Vec<String>,
    /// `ACTIVE`, `CREATE_IN_PROGRESS`, `UPDATE_IN_PROGRESS`, `DELETE_IN_PROGRESS`, `…_FAILED`.
    pub status: Option<String>,
}

/// The `items` of `list-service-network-vpc-associations`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListVpcAssociations {
    pub items: Vec<VpcAssociation>,
}

impl Association {
    /// The name the association gives the scenario's service: the service's or the resource
    /// configuration's.
    pub fn name(&self) -> Option<&str> {
        self.service_name
            .as_deref()
            .or(self.resource_configuration_name.as_deref())
    }

    /// The name clients ask: the custom domain name, else the association's DNS entry.
    pub fn dns_name(&self) -> Option<&str> {
        self.custom_domain_name.as_deref().or(self
            .dns_entry
            .as_ref()
            .and_then(|d| d.domain_name.as_deref()))
    }

    /// Whether it belongs to the service network `arn` (by ARN, or by the id the ARN ends in).
    pub fn in_network(&self, arn: &str) -> bool {
        self.service_network_arn.as_deref() == Some(arn)
            || self
                .service_network_id
                .as_deref()
                .is_some_and(|id| arn.rsplit('/').next() == Some(id))
    }
}

/// A port range as VPC Lattice writes it (`"5432"`, `"1-65535"`).
pub fn port_range(text: &str) -> Option<crate::model::PortRange> {
    let (a, b) = text
        .trim()
        .split_once('-')
        .unwrap_or((text.trim(), text.trim()));
    let (a, b) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (a <= b).then_some(crate::model::PortRange(a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_ranges_as_lattice_writes_them() {
        assert_eq!(
            port_range("5432"),
            Some(crate::model::PortRange(5432, 5432))
        );
        assert_eq!(
            port_range("1-65535"),
            Some(crate::model::PortRange(1, 65535))
        );
        assert_eq!(port_range("30-22"), None);
        assert_eq!(port_range("http"), None);
    }
}
