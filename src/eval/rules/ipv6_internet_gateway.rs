//! The internet gateway for IPv6: IPv6 addresses are public, so the gateway needs no
//! translation and no public IPv4 address; the instance needs an IPv6 address ("To enable
//! communication over the internet for IPv6, your VPC and subnet must have an associated IPv6
//! CIDR block, and your instance must be assigned an IPv6 address from the range of your
//! subnet", <https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html>).
//! Unlike an egress-only gateway it also lets the internet start connections. With VPC Block
//! Public Access on, exclusions decide; that is not modelled for IPv6 paths.

use crate::eval::facts::V6Unknown;
use crate::model::{BpaMode, Scenario};

pub(crate) enum Outcome {
    Out,
    Missing,
    NotModelled(V6Unknown),
}

pub(crate) fn follow(s: &Scenario, id: &str) -> Outcome {
    if s.internet_gateway.as_ref().is_none_or(|g| g.id != id) {
        return Outcome::Missing;
    }
    if s.block_public_access.mode != BpaMode::Off {
        return Outcome::NotModelled(V6Unknown::BlockPublicAccess);
    }
    Outcome::Out
}
