//! Security group and network ACL decisions on IPv6 paths, as facts: the IPv6 rules
//! (`Ipv6Ranges`, `Ipv6CidrBlock`) checked, and the one that decided.

use ipnet::Ipv6Net;
use serde::Serialize;

use super::*;
use crate::model::{PortRange, Protocol};

/// The IPv6 traffic a rule is checked against: protocol, destination ports (none for ICMP or
/// all protocols) and the other end (the source of inbound traffic, the destination of
/// outbound).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct V6Traffic {
    pub protocol: Protocol,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    pub peer: Ipv6Net,
}

/// One IPv6 security group rule: its group, its place among the group's IPv6 rules of that
/// direction (1-based), protocol, ports and CIDR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct V6GroupRule {
    pub group: Id,
    pub index: usize,
    pub protocol: Protocol,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    pub cidr: Ipv6Net,
}

/// A security group decision for IPv6 traffic at one network interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct V6GroupCheck {
    pub direction: GroupDirection,
    /// The interface whose groups decide (the source, an interface endpoint, an instance).
    pub interface: Id,
    pub groups: Vec<Id>,
    pub traffic: V6Traffic,
    /// The rule that allows the traffic; none: no IPv6 rule of any group allows it.
    pub allowed_by: Option<V6GroupRule>,
    /// The groups' IPv6 rules in that direction.
    pub total: usize,
}

/// A network ACL decision for IPv6 traffic crossing a subnet's boundary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct V6AclCheck {
    pub acl: Id,
    pub subnet: Id,
    pub direction: AclDirection,
    /// The reply of the request (checked on its own: network ACLs are stateless).
    pub reply: bool,
    pub traffic: V6Traffic,
    /// The number of the IPv6 entry that decided; none: the final `*` rule, which denies.
    pub rule: Option<u16>,
    pub allow: bool,
}

impl V6AclCheck {
    /// The reason when it denies.
    pub fn reason(&self) -> Reason {
        match (self.reply, self.direction) {
            (true, _) => Reason::NetworkAclReply,
            (false, AclDirection::Inbound) => Reason::NetworkAclInbound,
            (false, AclDirection::Outbound) => Reason::NetworkAclOutbound,
        }
    }
}

impl V6GroupCheck {
    /// The reason when no rule allows.
    pub fn reason(&self) -> Reason {
        match self.direction {
            GroupDirection::Egress => Reason::SecurityGroupEgress,
            GroupDirection::Ingress => Reason::SecurityGroupIngress,
        }
    }
}
