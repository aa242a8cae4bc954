//! Which IP version a dual-stack client uses for a name (`--family auto`).
//!
//! RFC 6724 (Default Address Selection for IPv6), §6 rule 6 "Prefer higher precedence" with the
//! default policy table of §2.1: `::/0` (IPv6) has precedence 40, `::ffff:0:0/96` (IPv4)
//! precedence 35, so a client with addresses of both families, given both A and AAAA records,
//! tries IPv6 first (<https://www.rfc-editor.org/rfc/rfc6724#section-2.1>). RFC 6724 gives
//! DNS64's `64:ff9b::/96` no entry of its own, so a synthesized AAAA ranks as IPv6 too: a
//! dual-stack client in a DNS64 subnet goes through NAT64. AWS's page on DNS64 warns of this
//! for dual-stack subnets (<https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html>).
//! A client without an address of a family cannot use it, and a name without records of a
//! family cannot be reached by it.

use crate::eval::facts::{FamilyWhy, IpFamily};

/// What the client and the answer have.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sides {
    pub client_v4: bool,
    pub client_v6: bool,
    pub answer_a: bool,
    pub answer_aaaa: bool,
}

/// The family `auto` takes, and why. When neither family works, the one whose failure says
/// more: IPv6 for an IPv6-only client (its path stops for want of AAAA), IPv4 otherwise.
pub(crate) fn choose(s: Sides) -> (IpFamily, FamilyWhy) {
    match (s.client_v6 && s.answer_aaaa, s.client_v4 && s.answer_a) {
        (true, true) => (IpFamily::Ipv6, FamilyWhy::BothPreferIpv6),
        (true, false) if !s.client_v4 => (IpFamily::Ipv6, FamilyWhy::OnlyIpv6Client),
        (true, false) => (IpFamily::Ipv6, FamilyWhy::NoAaaa),
        (false, true) if !s.client_v6 => (IpFamily::Ipv4, FamilyWhy::NoClientIpv6),
        (false, true) => (IpFamily::Ipv4, FamilyWhy::NoAaaa),
        (false, false) if !s.client_v4 => (IpFamily::Ipv6, FamilyWhy::OnlyIpv6Client),
        (false, false) if !s.client_v6 => (IpFamily::Ipv4, FamilyWhy::NoClientIpv6),
        (false, false) => (IpFamily::Ipv4, FamilyWhy::NoAaaa),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(client_v4: bool, client_v6: bool, answer_a: bool, answer_aaaa: bool) -> Sides {
        Sides {
            client_v4,
            client_v6,
            answer_a,
            answer_aaaa,
        }
    }

    #[test]
    fn dual_stack_on_both_sides_prefers_ipv6() {
        assert_eq!(choose(sides(true, true, true, true)).0, IpFamily::Ipv6);
    }

    #[test]
    fn no_aaaa_or_no_client_address_means_ipv4() {
        assert_eq!(
            choose(sides(true, true, true, false)),
            (IpFamily::Ipv4, FamilyWhy::NoAaaa)
        );
        assert_eq!(
            choose(sides(true, false, true, true)),
            (IpFamily::Ipv4, FamilyWhy::NoClientIpv6)
        );
    }

    #[test]
    fn an_ipv6_only_client_stays_on_ipv6() {
        assert_eq!(
            choose(sides(false, true, true, false)),
            (IpFamily::Ipv6, FamilyWhy::OnlyIpv6Client)
        );
    }
}
