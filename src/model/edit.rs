//! [`Edit`]: every change a user, a lesson or a what-if can make to the model. Applying an edit
//! validates the result with the same rules as loading and yields the exact inverse.

use serde::{Deserialize, Serialize};

use super::{
    Destination, Diagnostic, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, Model, NatGateway,
    Route,
};

/// One change to the model. Ids are the scenario's ids; AZs are names or AZ IDs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Associate a subnet explicitly with a table, or (`route_table: None`) remove its explicit
    /// association so that it uses the main table.
    AssociateSubnet {
        subnet: String,
        route_table: Option<String>,
    },
    /// Make another table the main table.
    SetMainRouteTable {
        route_table: String,
    },
    /// Add a route; `position` is where in the table's list it goes (end when `None`).
    AddRoute {
        route_table: String,
        route: Route,
        position: Option<usize>,
    },
    /// Replace the target of the route with this destination (the local route included).
    ReplaceRoute {
        route_table: String,
        route: Route,
    },
    DeleteRoute {
        route_table: String,
        destination: Destination,
    },
    AddGatewayEndpoint {
        endpoint: GatewayEndpoint,
        position: Option<usize>,
    },
    DeleteGatewayEndpoint {
        id: String,
    },
    AttachGatewayEndpoint {
        endpoint: String,
        route_table: String,
        position: Option<usize>,
    },
    DetachGatewayEndpoint {
        endpoint: String,
        route_table: String,
    },
    AddInterfaceEndpoint {
        endpoint: InterfaceEndpoint,
        position: Option<usize>,
    },
    DeleteInterfaceEndpoint {
        id: String,
    },
    AddEndpointSubnet {
        endpoint: String,
        subnet: EndpointSubnet,
        position: Option<usize>,
    },
    RemoveEndpointSubnet {
        endpoint: String,
        subnet: String,
    },
    SetPrivateDns {
        endpoint: String,
        enabled: bool,
    },
    SetPrivateDnsOnlyForInboundResolverEndpoint {
        endpoint: String,
        enabled: bool,
    },
    AddNatGateway {
        nat_gateway: NatGateway,
        position: Option<usize>,
    },
    /// Routes that targeted the NAT gateway become blackhole routes, as in AWS.
    DeleteNatGateway {
        id: String,
    },
    SetInstancePublicIp {
        instance: String,
        public_ip: bool,
    },
    SetDnsSupport {
        enabled: bool,
    },
    SetDnsHostnames {
        enabled: bool,
    },
    SetGwlbAppliancesUp {
        endpoint: String,
        up: bool,
    },
    FailAz {
        az: String,
    },
    RestoreAz {
        az: String,
    },
    /// Several edits applied in order, all or nothing.
    Batch(Vec<Edit>),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The edit names an object that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// AWS would refuse the result; the diagnostics say which rule.
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("; "))]
    Refused(Vec<Diagnostic>),
}

impl Edit {
    /// Apply to `model`, returning the new model and the edit that undoes this one exactly.
    pub fn apply(&self, model: &Model) -> Result<(Model, Edit), EditError> {
        let _ = model;
        Err(EditError::NotFound("edits are not implemented yet".into()))
    }
}
