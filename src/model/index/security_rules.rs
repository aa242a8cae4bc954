//! Security group and network ACL rules compiled for the evaluator's hot loop: addresses as
//! integer ranges, ports as bounds, group peers resolved to indexes, network ACL rules in number
//! order. Built with the security index; the rules themselves stay in the scenario for facts.

use ipnet::Ipv4Net;

use crate::model::{NetworkAcl, Peer, Protocol, RuleAction, SecurityGroup, SecurityGroupRule};

/// An address block as the inclusive range of its addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span(pub u32, pub u32);

impl Span {
    pub fn of(net: Ipv4Net) -> Span {
        Span(u32::from(net.network()), u32::from(net.broadcast()))
    }

    pub fn contains(self, other: Span) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }

    /// Blocks nest or are disjoint: overlapping is sharing an address.
    pub fn overlaps(self, other: Span) -> bool {
        self.0 <= other.1 && other.0 <= self.1
    }
}

/// A security group rule's peer, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupPeer {
    Cidr(Span),
    /// A managed prefix list, by service name (the catalogue resolves it at check time).
    PrefixList(String),
    /// A group, by index (none: a group the scenario does not have).
    Group(Option<u32>),
}

/// One security group rule, compiled; `index` is its place in the group's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRuleC {
    pub protocol: Protocol,
    pub ports: (u16, u16),
    pub peer: GroupPeer,
    pub index: u32,
}

/// A group's rules compiled: ingress, then egress.
pub type CompiledGroup = [Vec<GroupRuleC>; 2];

pub fn compile_group(
    g: &SecurityGroup,
    lookup: &std::collections::HashMap<String, u32>,
) -> CompiledGroup {
    let one = |rules: &[SecurityGroupRule]| {
        rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let ports = r.port_range();
                GroupRuleC {
                    protocol: r.protocol,
                    ports: (ports.0, ports.1),
                    peer: match &r.peer {
                        Peer::Cidr(c) => GroupPeer::Cidr(Span::of(*c)),
                        Peer::PrefixList(s) => GroupPeer::PrefixList(s.clone()),
                        Peer::Group(id) => GroupPeer::Group(lookup.get(id).copied()),
                    },
                    index: i as u32,
                }
            })
            .collect()
    };
    [one(&g.ingress), one(&g.egress)]
}

/// One network ACL rule, compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AclRuleC {
    pub number: u16,
    pub protocol: Protocol,
    pub ports: (u16, u16),
    pub cidr: Span,
    pub deny: bool,
}

/// A network ACL's rules compiled, each direction in number order (the first of equal numbers
/// first, as listed): inbound, then outbound.
pub type CompiledAcl = [Vec<AclRuleC>; 2];

pub fn compile_acl(acl: &NetworkAcl) -> CompiledAcl {
    let one = |rules: &[crate::model::NetworkAclRule]| {
        let mut out: Vec<AclRuleC> = rules
            .iter()
            .map(|r| {
                let ports = r.port_range();
                AclRuleC {
                    number: r.number,
                    protocol: r.protocol,
                    ports: (ports.0, ports.1),
                    cidr: Span::of(r.cidr),
                    deny: r.action == RuleAction::Deny,
                }
            })
            .collect();
        // A stable sort: among equal numbers the first listed stays first.
        out.sort_by_key(|r| r.number);
        out
    };
    [one(&acl.inbound), one(&acl.outbound)]
}
