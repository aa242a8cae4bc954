//! An egress-only internet gateway: "enables instances in your VPC to initiate outbound IPv6
//! connections … and prevents the internet from initiating an IPv6 connection with your
//! instances"; it is for IPv6 only, and it is stateful (replies come back)
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html>).
//! The source needs an IPv6 address (checked before any route). VPC Block Public Access in
//! ingress-only mode lets its traffic through ("Only traffic to and from NAT gateways and
//! egress-only internet gateways is allowed"); bidirectional mode blocks it unless an exclusion
//! applies, which is not modelled for IPv6 paths
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>).

use crate::eval::facts::{Id, Note, V6Unknown};
use crate::model::{BpaMode, Scenario};

/// What the gateway does with outbound IPv6.
pub(crate) enum Outcome {
    /// Out to the internet; the note says nothing comes back uninvited.
    Out(Note),
    /// The gateway is not the VPC's: a blackhole.
    Missing,
    NotModelled(V6Unknown),
}

pub(crate) fn follow(s: &Scenario, id: &str) -> Outcome {
    if !s.egress_only_internet_gateways.iter().any(|g| g.id == id) {
        return Outcome::Missing;
    }
    if s.block_public_access.mode == BpaMode::BlockBidirectional {
        return Outcome::NotModelled(V6Unknown::BlockPublicAccess);
    }
    Outcome::Out(Note::EgressOnlyNoInbound {
        gateway: Id::from(id),
    })
}
