//! DNS64: with `EnableDns64` on a subnet, the Amazon-provided DNS server answers an AAAA query
//! for a name that has only A records with addresses synthesized in `64:ff9b::/96` ("Route 53
//! Resolver … synthesizes an IPv6 address for the IPv4-only destination by prefixing the IPv4
//! address with 64:ff9b::/96",
//! <https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html>; the
//! embedding is RFC 6052 §2.2's for a /96: the IPv4 address is the last 32 bits).

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::model::NAT64_PREFIX;

/// The address DNS64 synthesizes for `ipv4`.
pub(crate) fn synthesize(ipv4: Ipv4Addr) -> Ipv6Addr {
    Ipv6Addr::from(u128::from(NAT64_PREFIX.network()) | u128::from(u32::from(ipv4)))
}

/// The IPv4 address inside a synthesized one, if it is in `64:ff9b::/96`.
pub(crate) fn embedded(addr: Ipv6Addr) -> Option<Ipv4Addr> {
    NAT64_PREFIX
        .contains(&addr)
        .then(|| Ipv4Addr::from((u128::from(addr) & 0xffff_ffff) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let v4 = Ipv4Addr::new(203, 0, 113, 48);
        let v6 = synthesize(v4);
        assert_eq!(v6.to_string(), "64:ff9b::cb00:7130");
        assert_eq!(embedded(v6), Some(v4));
        assert_eq!(embedded("2600::1".parse().unwrap()), None);
    }
}
