//! The objects facts name: AZs, sources, how a route table was found.

use std::net::Ipv4Addr;

use serde::Serialize;

use super::*;

/// An Availability Zone as AWS names it (built once per model, see `crate::model::Az`).
pub use crate::model::{Az, AzNames};

/// Who sends: the `from` of a query, with ids apart from names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Origin {
    Instance {
        id: Id,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<Id>,
    },
    /// A hypothetical new instance in a subnet (a Lambda or ECS interface, an empty subnet).
    Subnet { id: Id, public_ip: bool },
    /// A private address inside one of the VPC's subnets, and the instance holding it if any.
    Address {
        id: Ipv4Addr,
        #[serde(skip_serializing_if = "Option::is_none")]
        instance: Option<Id>,
    },
}

impl Origin {
    /// What `--from` takes back: the instance id, the subnet id or the address.
    pub fn id(&self) -> Id {
        match self {
            Origin::Instance { id, .. } | Origin::Subnet { id, .. } => id.clone(),
            Origin::Address { id, .. } => Id::from(crate::net_text::NetText::addr(*id).as_str()),
        }
    }
}

/// How a route table was found for the subnet a packet is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Association {
    /// The subnet is explicitly associated with the table.
    Explicit { subnet: Id },
    /// The subnet has no explicit association: the VPC's main table applies.
    Main { subnet: Id },
    /// A NAT gateway, GWLB endpoint or appliance forwards by its own subnet's table.
    Forwarder {
        by: Id,
        subnet: Id,
        /// The subnet's own association is the main table's implicit one.
        main: bool,
    },
}
