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
    /// The VPC's service network association (no endpoint: VPC Lattice's link-local addresses).
    VpcAssociation,
}

impl LatticeKind {
    pub fn code(self) -> &'static str {
        match self {
            LatticeKind::Resource => "resource",
            LatticeKind::ServiceNetwork => "service_network",
            LatticeKind::VpcAssociation => "vpc_association",
        }
    }
}

/// Note `lattice_own_port`: `service` is asked about TCP `port`, the first port of the `ranges`
/// its resource configuration `arn` offers through resource endpoint `endpoint`, because no
/// traffic was chosen and the ranges leave out the default TCP 443.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatticeOwnPort {
    pub service: Id,
    pub endpoint: Id,
    pub arn: String,
    pub port: u16,
    pub ranges: Vec<PortRange>,
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
