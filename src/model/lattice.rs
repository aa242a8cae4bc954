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
//! - A VPC-level service network association (not an endpoint: Lattice's link-local addresses
//!   and a managed prefix list instead of interfaces in the subnets) is not modelled.
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

impl Lattice {
    /// The ARN of the resource configuration or the service network.
    pub fn arn(&self) -> &str {
        match self {
            Lattice::Resource(r) => &r.arn,
            Lattice::ServiceNetwork(n) => &n.arn,
        }
    }
}
