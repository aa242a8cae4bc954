//! An egress-only internet gateway: "enables instances in your VPC to initiate outbound IPv6
//! connections … and prevents the internet from initiating an IPv6 connection with your
//! instances"; it is for IPv6 only, and it is stateful (replies come back)
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html>).
//! The source needs an IPv6 address (checked before any route). VPC Block Public Access in
//! ingress-only mode lets its traffic through ("Only traffic to and from NAT gateways and
//! egress-only internet gateways is allowed"); bidirectional mode ("All traffic to and from
//! internet gateways and egress-only internet gateways … (except for excluded VPCs and subnets)
//! is blocked") blocks it unless an exclusion covers the source's subnet
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>; the decision is
//! `block_public_access`'s).

use super::block_public_access::{self, Meets, Verdict6};
use crate::eval::facts::{BpaCheck, Id, Note};
use crate::model::Model;

/// What the gateway does with outbound IPv6.
pub(crate) enum Outcome {
    /// Out to the internet; the note says nothing comes back uninvited, and the second how
    /// Block Public Access let it through (when it is on).
    Out(Note, Option<Note>),
    /// The gateway is not the VPC's: a blackhole.
    Missing,
    /// Block Public Access blocks it (or what it does is not modelled).
    BlockPublicAccess(BpaCheck),
}

/// Outbound IPv6 from `subnet` (the source's) through the egress-only gateway `id`.
pub(crate) fn follow(model: &Model, id: &str, subnet: usize) -> Outcome {
    let s = model.scenario();
    if !s.egress_only_internet_gateways.iter().any(|g| g.id == id) {
        return Outcome::Missing;
    }
    let bpa = match block_public_access::check_ipv6(model, id, subnet, Meets::EgressOnly) {
        Verdict6::Off => None,
        Verdict6::Allowed(note) => Some(note),
        Verdict6::Stop(check) => return Outcome::BlockPublicAccess(check),
    };
    Outcome::Out(
        Note::EgressOnlyNoInbound {
            gateway: Id::from(id),
        },
        bpa,
    )
}
