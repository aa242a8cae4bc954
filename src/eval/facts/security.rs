//! Security group and network ACL decisions as facts (aws-semantics.md §5b): which traffic was
//! checked, against which groups or which ACL, and the rule that decided.

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;
use crate::model::{PortRange, Protocol};

/// Which way a security group rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupDirection {
    Egress,
    Ingress,
}

impl GroupDirection {
    pub fn code(self) -> &'static str {
        match self {
            GroupDirection::Egress => "egress",
            GroupDirection::Ingress => "ingress",
        }
    }
}

/// Which way a network ACL rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AclDirection {
    Inbound,
    Outbound,
}

impl AclDirection {
    pub fn code(self) -> &'static str {
        match self {
            AclDirection::Inbound => "inbound",
            AclDirection::Outbound => "outbound",
        }
    }
}

/// The traffic a rule is checked against: protocol, destination ports (none for ICMP or all
/// protocols) and the other end (the source of inbound traffic, the destination of outbound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Traffic {
    pub protocol: Protocol,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    pub peer: Ipv4Net,
}

/// One security group rule, as a fact names it: group, its place in the group's list
/// (1-based), protocol, ports and the peer as written (`10.0.0.0/16`, `pl-s3`, `sg-app`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupRule {
    pub group: Id,
    pub index: usize,
    pub protocol: Protocol,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    pub peer: Id,
}

/// The groups of one interface as a check names them: inline up to two (AWS's default
/// quota allows five per interface; most have one or two), so a check's fact is one piece on
/// the heap, not two.
pub type GroupIds = smallvec::SmallVec<[Id; 2]>;

/// A security group decision at one network interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupCheck {
    pub direction: GroupDirection,
    /// The interface whose groups decide: an instance, an interface endpoint, an appliance
    /// network interface, or the source.
    pub interface: Id,
    pub groups: GroupIds,
    pub traffic: Traffic,
    /// The rule that allows the traffic; none: no rule of any group allows it.
    pub allowed_by: Option<GroupRule>,
    /// When no rule allows: the groups' rules in that direction (the first few), `total` in all.
    pub rules: Vec<GroupRule>,
    pub total: usize,
}

/// A network ACL decision for one crossing of a subnet's boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AclCheck {
    pub acl: Id,
    pub subnet: Id,
    pub direction: AclDirection,
    /// The reply of the request (checked on its own: network ACLs are stateless).
    pub reply: bool,
    pub traffic: Traffic,
    /// The number of the rule that decided; none: the final `*` rule, which denies.
    pub rule: Option<u16>,
    pub allow: bool,
}
