//! The internet gateway for IPv6: IPv6 addresses are public, so the gateway needs no
//! translation and no public IPv4 address; the instance needs an IPv6 address ("To enable
//! communication over the internet for IPv6, your VPC and subnet must have an associated IPv6
//! CIDR block, and your instance must be assigned an IPv6 address from the range of your
//! subnet", <https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html>).
//! Unlike an egress-only gateway it also lets the internet start connections. With VPC Block
//! Public Access on, the source subnet's exclusion decides as for an instance's public IPv4
//! address (the decision is `block_public_access`'s:
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>).

use super::block_public_access::{self, Meets, Verdict6};
use crate::eval::facts::{BpaCheck, Note};
use crate::model::Model;

pub(crate) enum Outcome {
    /// Out, with how Block Public Access let it through (when it is on).
    Out(Option<Note>),
    Missing,
    /// Block Public Access blocks it (or what it does is not modelled).
    BlockPublicAccess(BpaCheck),
}

/// Outbound IPv6 from `subnet` (the source's) through the internet gateway `id`.
pub(crate) fn follow(model: &Model, id: &str, subnet: usize) -> Outcome {
    let s = model.scenario();
    if s.internet_gateway.as_ref().is_none_or(|g| g.id != id) {
        return Outcome::Missing;
    }
    let meets = Meets::InternetGateway { nat: None };
    match block_public_access::check_ipv6(model, id, subnet, meets) {
        Verdict6::Off => Outcome::Out(None),
        Verdict6::Allowed(note) => Outcome::Out(Some(note)),
        Verdict6::Stop(check) => Outcome::BlockPublicAccess(check),
    }
}
