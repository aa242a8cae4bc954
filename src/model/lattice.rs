//! Resource VPC endpoints and service-network VPC endpoints (VPC Lattice, reached through AWS
//! PrivateLink). Like an interface endpoint, each has network interfaces in the subnets chosen
//! for it (one per AZ), with security groups; unlike one, what it reaches is outside this VPC.
//!
//! - A resource endpoint reaches one resource configuration ("A resource endpoint can be
//!   associated with only one resource configuration. The resource configuration can represent
//!   a single resource or a group of resources": an IP address, a domain name or an ARN such as
//!   an RDS database), through a resource gateway in the provider's VPC
//!   (<https://docs.aws.amazon.com/vpc/latest/privatelink/use-resource-endpoint.html>). The
//!   resource configuration gives the TCP port ranges a consumer can use ("Port ranges",
//!   <https://docs.aws.amazon.com/vpc-lattice/latest/ug/resource-configuration.html>).
//! - A service-network endpoint reaches the VPC Lattice services and resource configurations
//!   associated with one service network ("A service-network endpoint provides private access to
//!   resource configurations and services in the service network",
//!   <https://docs.aws.amazon.com/vpc/latest/privatelink/access-with-service-network-endpoint.html>).
//!   AWS reserves a contiguous /28 per AZ for it (and more per resource configuration); the model
//!   shows one address per AZ and does not model the block's consumption of the subnet.
//! - A service network VPC association ([`ServiceNetworkAssociation`]; not an endpoint): "When
//!   you connect a VPC with the service network, it enables all the targets within that VPC to
//!   be clients" (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/service-network-associations.html>);
//!   traffic goes over VPC Lattice's link-local addresses (the managed prefix list
//!   `com.amazonaws.REGION.vpc-lattice`) instead of interfaces in the subnets
//!   (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/security-groups.html>). "You can
//!   connect a VPC to only one service network through an association"
//!   (<https://docs.aws.amazon.com/vpc-lattice/latest/ug/service-networks.html>), with at most
//!   five security groups ("Security groups per association",
//!   <https://docs.aws.amazon.com/vpc-lattice/latest/ug/quotas.html>).
//! - What the model does not see, it does not guess: the resource gateway, the provider's
//!   security groups and routes, the resource's health, and VPC Lattice auth policies are
//!   outside the model (the trace says so on every path through such an endpoint).
//!
//! A scenario names what a client asks for as a service (`services`: its `dns_name` is the
//! resource's custom domain name, or the Lattice service's), and the endpoint serves it.

use serde::{Deserialize, Serialize};

use super::PortRange;

/// What a resource or service-network endpoint reaches (`VpcEndpointType` `Resource` or
/// `ServiceNetwork` in `describe-vpc-endpoints`). Absent on an interface endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lattice {
    Resource(ResourceConfiguration),
    ServiceNetwork(ServiceNetwork),
}

/// The resource configuration of a resource endpoint (`ResourceConfigurationArn`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceConfiguration {
    pub arn: String,
    /// The TCP port ranges consumers may use (`vpc-lattice get-resource-configuration`,
    /// `portRanges`). Empty: not known, and the port is not evaluated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub port_ranges: Vec<PortRange>,
}

/// The service network of a service-network endpoint (`ServiceNetworkArn`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceNetwork {
    pub arn: String,
    /// Further services of the scenario associated with the service network, besides the
    /// endpoint's `service` (`vpc-lattice list-service-network-service-associations` and
    /// `…-resource-configuration-associations`); each is reached through the endpoint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
}

/// The VPC's service network association (`vpc-lattice list-service-network-vpc-associations`
/// and `get-service-network-vpc-association`): every client of the VPC reaches `services`, the
/// service network's services and resource configurations, over VPC Lattice's link-local
/// addresses (`crate::eval::rules::service_network_association`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceNetworkAssociation {
    /// The association's id (`snva-…`).
    pub id: String,
    /// The service network's ARN (`serviceNetworkArn`).
    pub service_network: String,
    /// The scenario's services associated with the service network, by name (each a `services`
    /// entry whose `dns_name` is the name clients ask).
    pub services: Vec<String>,
    /// The association's security groups (`securityGroupIds`; none by default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub security_groups: Vec<String>,
}

impl Lattice {
    /// The ARN of the resource configuration or the service network.
    pub fn arn(&self) -> &str {
        match self {
            Lattice::Resource(r) => &r.arn,
            Lattice::ServiceNetwork(n) => &n.arn,
        }
    }
}
