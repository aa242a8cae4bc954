//! One step of a path: a typed fact per kind of step.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use serde::Serialize;

use super::*;

/// What one hop of a path is: a typed fact per kind of step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "fact")]
pub enum Fact {
    Source {
        origin: Origin,
        subnet: Id,
        cidr: Ipv4Net,
        public_ip: bool,
    },
    /// The hop's id is the name asked.
    Dns {
        resolver: Option<Ipv4Addr>,
        answer: DnsAnswer,
    },
    RouteTable {
        association: Association,
        /// Shared with the compiled table when it had them ready (a service's ranges).
        decisions: std::sync::Arc<[RouteDecision]>,
    },
    GatewayEndpoint {
        service: Id,
    },
    InterfaceEndpoint {
        /// Shared with the DNS answer when it lists the same ENIs.
        enis: std::sync::Arc<[EndpointEni]>,
        /// A resource or service-network endpoint (VPC Lattice); none for AWS PrivateLink.
        #[serde(skip_serializing_if = "Option::is_none")]
        lattice: Option<LatticeKind>,
    },
    NatGateway {
        public: bool,
        /// The NAT gateway's subnet; none for a regional NAT gateway.
        subnet: Option<Id>,
    },
    GwlbEndpoint {
        subnet: Id,
    },
    Inspection {
        load_balancer: Option<LoadBalancer>,
    },
    NetworkInterface {
        subnet: Id,
        /// It has a public IPv4: it forwards as a NAT instance.
        nat_instance: bool,
        /// Its source/destination check, when the scenario says (on stops the path).
        #[serde(skip_serializing_if = "Option::is_none")]
        source_dest_check: Option<bool>,
    },
    /// A security group decision that allowed the traffic (the hop's id is the interface).
    SecurityGroup(Box<GroupCheck>),
    /// Network ACL decisions at one subnet boundary: the request, and its reply (the hop's id
    /// is the ACL).
    NetworkAcl {
        checks: Vec<AclCheck>,
    },
    /// An endpoint or bucket policy that let the request on (the hop's id is the endpoint or
    /// the bucket).
    Policy(Box<PolicyCheck>),
    InternetGateway,
    /// A service's public endpoint.
    Service {
        service: Id,
        dns_name: Id,
    },
    /// An address outside the VPC and AWS's ranges.
    Internet {
        address: Ipv4Net,
    },
    /// The destination address inside the VPC.
    Address {
        address: Ipv4Net,
        subnet: Id,
        cidr: Ipv4Net,
        holder: Option<Holder>,
    },
    Return(Box<ReturnLeg>),
    /// A resource or service-network endpoint's far side: what it reaches, outside this VPC.
    Lattice(Box<LatticeHop>),
    /// The path stops here.
    Stop(Box<Stop>),
    /// A step of an IPv6 path (or the family a query took).
    Ipv6(Box<V6Fact>),
}

impl Fact {
    /// The rare, large facts are boxed so that every hop stays small.
    pub fn stop(stop: Stop) -> Fact {
        Fact::Stop(Box::new(stop))
    }

    pub fn policy(check: PolicyCheck) -> Fact {
        Fact::Policy(Box::new(check))
    }

    pub fn security_group(check: GroupCheck) -> Fact {
        Fact::SecurityGroup(Box::new(check))
    }

    pub fn return_leg(leg: ReturnLeg) -> Fact {
        Fact::Return(Box::new(leg))
    }
}

/// One step of a path: what kind, which object (its id), its AZ, and the fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hop {
    pub kind: HopKind,
    pub id: Id,
    pub az: Option<Az>,
    #[serde(flatten)]
    pub fact: Fact,
}

impl Hop {
    /// Route-table hops: the decisions, per group of destination ranges.
    pub fn decisions(&self) -> &[RouteDecision] {
        match &self.fact {
            Fact::RouteTable { decisions, .. } => decisions,
            _ => &[],
        }
    }

    pub fn stop(&self) -> Option<&Stop> {
        match &self.fact {
            Fact::Stop(s) => Some(s),
            _ => None,
        }
    }
}
