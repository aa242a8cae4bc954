//! IPv6 rules of security groups and network ACLs, as a scenario writes them: kept apart from
//! the IPv4 rules (AWS lists them in the same permission or entry list, with `Ipv6Ranges` /
//! `Ipv6CidrBlock` instead of `IpRanges` / `CidrBlock`), so IPv4 evaluation never reads them.
//!
//! AWS's pages:
//! - a security group rule's source or destination is an IPv4 or an IPv6 CIDR, and IPv4 rules
//!   do not allow IPv6 traffic ("a web server security group that currently permits 0.0.0.0/0
//!   on port 80 doesn't permit IPv6 traffic … you would need an additional rule allowing
//!   traffic from ::/0"):
//!   <https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html>,
//!   <https://docs.aws.amazon.com/whitepapers/latest/ipv6-on-aws/ipv6-security-and-monitoring-considerations.html>;
//! - the default security group allows outbound to `::/0` when the VPC has an IPv6 block:
//!   <https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html>;
//! - a network ACL's entries have an IPv4 or an IPv6 CIDR; the default network ACL gets rules
//!   that allow all IPv6 traffic when the VPC has an IPv6 block, and every network ACL ends with
//!   a `*` rule that denies IPv6 traffic as well as IPv4:
//!   <https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html>,
//!   <https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html>.

use ipnet::Ipv6Net;
use serde::{Deserialize, Serialize};

use super::{PortRange, Protocol, RuleAction};

/// One IPv6 security group rule (an allow, to or from an IPv6 CIDR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ipv6GroupRule {
    #[serde(default)]
    pub protocol: Protocol,
    /// TCP/UDP destination ports; absent: all ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    /// Source (ingress) or destination (egress): `::/0`, `2600:1f18::/56`, …
    pub cidr: Ipv6Net,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl Ipv6GroupRule {
    pub fn port_range(&self) -> PortRange {
        self.ports.unwrap_or(PortRange::ALL)
    }

    /// All traffic to or from everywhere (`::/0`), as the default group's egress.
    pub fn everywhere() -> Ipv6GroupRule {
        Ipv6GroupRule {
            protocol: Protocol::All,
            ports: None,
            cidr: Ipv6Net::default(),
            description: None,
        }
    }
}

/// One numbered IPv6 network ACL entry. Its number is unique among the ACL's entries of that
/// direction, IPv4 and IPv6 together (validation checks it); IPv6 traffic is matched only
/// against IPv6 entries, lowest number first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ipv6AclRule {
    pub number: u16,
    #[serde(default)]
    pub protocol: Protocol,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<PortRange>,
    pub cidr: Ipv6Net,
    pub action: RuleAction,
}

impl Ipv6AclRule {
    pub fn port_range(&self) -> PortRange {
        self.ports.unwrap_or(PortRange::ALL)
    }
}
