//! Facts of resource and service-network endpoints (VPC Lattice): what the endpoint reaches,
//! and where the model stops seeing.

use serde::Serialize;

use super::*;
use crate::model::PortRange;

/// Which kind of VPC Lattice endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LatticeKind {
    /// A resource endpoint: one resource configuration.
    Resource,
    /// A service-network endpoint: the services and resource configurations of one service
    /// network.
    ServiceNetwork,
}

impl LatticeKind {
    pub fn code(self) -> &'static str {
        match self {
            LatticeKind::Resource => "resource",
            LatticeKind::ServiceNetwork => "service_network",
        }
    }
}

/// Past the endpoint's network interfaces: the resource configuration or service network the
/// endpoint reaches (the hop's id is the endpoint).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatticeHop {
    pub kind: LatticeKind,
    /// The resource configuration's or the service network's ARN.
    pub arn: String,
    /// The service the query named (the resource, or a service of the service network).
    pub service: Id,
    /// The resource configuration's TCP port ranges (empty: not known, not evaluated).
    pub ports: Vec<PortRange>,
}
