//! Security groups and network ACLs as a scenario writes them (aws-semantics.md §5b).
//!
//! Every field is optional: a scenario without any of them keeps today's verdicts, and the
//! evaluator lists these layers as not evaluated. AWS's pages:
//! security groups <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html>,
//! security group rules <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>,
//! the default security group <https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html>,
//! network ACLs <https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html>,
//! the default network ACL <https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html>.

use ipnet::Ipv4Net;
use serde::{Deserialize, Serialize};

/// An IP protocol as security group and network ACL rules name it. `all` is AWS's `-1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    #[default]
    All,
    Tcp,
    Udp,
    Icmp,
}

impl Protocol {
    pub fn code(self) -> &'static str {
        match self {
            Protocol::All => "all",
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Icmp => "icmp",
        }
    }

    /// Whether the protocol has ports (TCP and UDP).
    pub fn has_ports(self) -> bool {
        matches!(self, Protocol::Tcp | Protocol::Udp)
    }

    /// Whether a rule for `self` covers a packet of `packet`.
    pub fn covers(self, packet: Protocol) -> bool {
        self == Protocol::All || self == packet
    }
}

/// An inclusive port range, `(443, 443)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PortRange(pub u16, pub u16);

impl PortRange {
    pub const ALL: PortRange = PortRange(0, 65535);

    pub fn one(port: u16) -> PortRange {
        PortRange(port, port)
    }

    pub fn contains(self, other: PortRange) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }

    pub fn overlaps(self, other: PortRange) -> bool {
        self.0 <= other.1 && other.0 <= self.1
    }
}

impl std::fmt::Display for PortRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0 == self.1 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{}-{}", self.0, self.1)
        }
    }
}

/// The other end of a security group rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Peer {
    Cidr(Ipv4Net),
    /// An AWS-managed prefix list, named by its service as routes name it (`"s3"`: `pl-s3`).
    PrefixList(String),
    /// Another security group (its id): the private addresses of the interfaces in it.
    Group(String),
}

impl std::fmt::Display for Peer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Peer::Cidr(c) => f.write_str(crate::net_text::NetText::net(*c).as_str()),
            Peer::PrefixList(s) => write!(f, "pl-{s}"),
            Peer::Group(g) => f.write_str(g),
        }
    }
}

/// One security group rule: an allow (security groups have no deny).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroupRule {
    #[serde(default)]
    pub protocol: Protocol,
    /// TCP/UDP destination ports; absent: all ports (the only choice for `all` and `icmp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    /// Source (ingress) or destination (egress).
    pub peer: Peer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl SecurityGroupRule {
    /// The ports the rule covers: its range, or every port.
    pub fn port_range(&self) -> PortRange {
        self.ports.unwrap_or(PortRange::ALL)
    }
}

/// A security group. The VPC's default group is the one named `default`; when the scenario has
/// none, one with AWS's default rules stands in (ingress from itself, egress to everywhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecurityGroup {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Shared with the scenarios edits make until an edit changes them (an edit of one group
    /// copies that group's rules alone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ingress: super::Shared<SecurityGroupRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub egress: super::Shared<SecurityGroupRule>,
    /// IPv6 rules (`Ipv6Ranges`; `security_v6.rs`): IPv6 traffic is checked against these only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ingress_ipv6: Vec<super::Ipv6GroupRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub egress_ipv6: Vec<super::Ipv6GroupRule>,
}

impl SecurityGroup {
    /// The id of the default group that stands in when the scenario names none.
    pub const IMPLICIT_DEFAULT: &'static str = "sg-default";

    /// The default security group as AWS creates it with the VPC: inbound from members of
    /// itself, outbound to everywhere (default-security-group.html).
    pub fn aws_default(id: &str) -> SecurityGroup {
        SecurityGroup {
            id: id.to_string(),
            name: Some("default".to_string()),
            ingress: vec![SecurityGroupRule {
                protocol: Protocol::All,
                ports: None,
                peer: Peer::Group(id.to_string()),
                description: None,
            }]
            .into(),
            egress: vec![SecurityGroupRule {
                protocol: Protocol::All,
                ports: None,
                peer: Peer::Cidr(Ipv4Net::default()),
                description: None,
            }]
            .into(),
            // `::/0` outbound when the VPC has an IPv6 block: the IPv6 rules read the VPC
            // (`eval::rules::security_group_v6`).
            ingress_ipv6: Vec::new(),
            egress_ipv6: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleAction {
    Allow,
    Deny,
}

/// One numbered network ACL rule (entry).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkAclRule {
    /// 1–32766, evaluated lowest first; the first match decides.
    pub number: u16,
    #[serde(default)]
    pub protocol: Protocol,
    /// TCP/UDP destination ports; absent: all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    /// Source (inbound) or destination (outbound).
    pub cidr: Ipv4Net,
    pub action: RuleAction,
}

impl NetworkAclRule {
    pub fn port_range(&self) -> PortRange {
        self.ports.unwrap_or(PortRange::ALL)
    }
}

/// A network ACL: numbered rules each way, and the subnets associated with it. A subnet named
/// by no ACL uses the default network ACL: the one marked `default`, else AWS's allow-all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkAcl {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The VPC's default network ACL (subnets associated with no other use it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub default: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnets: Vec<String>,
    /// Shared with the scenarios edits make until an edit changes them, as a group's rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inbound: super::Shared<NetworkAclRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outbound: super::Shared<NetworkAclRule>,
    /// IPv6 entries (`Ipv6CidrBlock`; `security_v6.rs`): IPv6 traffic is checked against these
    /// only, and denied by the final `*` rule when none matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ipv6_inbound: Vec<super::Ipv6AclRule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ipv6_outbound: Vec<super::Ipv6AclRule>,
}

impl NetworkAcl {
    /// The id of the allow-all default network ACL that stands in when the scenario has none.
    pub const IMPLICIT_DEFAULT: &'static str = "acl-default";
}

/// The ephemeral ports a client picks its source port from when the scenario says nothing:
/// the range AWS's network ACL examples use (vpc-network-acls.html, "Ephemeral ports").
pub const DEFAULT_EPHEMERAL: PortRange = PortRange(1024, 65535);

/// The ports a NAT gateway translates to (vpc-nat-gateway.html: 1024–65535).
pub const NAT_EPHEMERAL: PortRange = PortRange(1024, 65535);
