//! An IPv6-only subnet has no IPv4: its network interfaces get IPv6 addresses only, so no IPv4
//! path starts there ("IPv6-only subnets … resources in them are assigned IPv6 addresses only",
//! <https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html>).

use crate::eval::facts::{Id, V6Stop};

/// The stop for an IPv4 query from `source` in the IPv6-only subnet `subnet`.
pub(crate) fn no_ipv4(source: &Id, subnet: &str) -> V6Stop {
    V6Stop::NoIpv4Address {
        source: source.clone(),
        subnet: Id::from(subnet),
    }
}
