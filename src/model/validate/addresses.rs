//! Private IPv4 addresses: inside their subnet, not reserved, unique, and enough of them per
//! subnet (aws-semantics.md §3, §7).

use super::{FxMap, FxSet};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::Cx;
use crate::model::Diagnostic;

/// Which of a subnet's five reserved addresses `ip` is, if any (aws-semantics.md §3).
/// The answer is the message that names the use (`reserved-broadcast`).
fn reserved_use(cidr: &Ipv4Net, ip: Ipv4Addr) -> Option<&'static str> {
    let net = u32::from(cidr.network());
    let bcast = u32::from(cidr.broadcast());
    let x = u32::from(ip);
    if x == bcast {
        return Some("reserved-broadcast");
    }
    match x.checked_sub(net) {
        Some(0) => Some("reserved-network"),
        Some(1) => Some("reserved-router"),
        Some(2) => Some("reserved-dns"),
        Some(3) => Some("reserved-future"),
        _ => None,
    }
}

/// Endpoint ENI, instance and network interface addresses lie in their subnet, are not one of the
/// subnet's five reserved addresses, and are unique (aws-semantics.md §3, §7).
pub(super) fn ip_addresses(cx: &Cx, out: &mut Vec<Diagnostic>) {
    // (owner, subnet, ip, an instance: `ipv4_in_ipv6_only_subnet` reports it without a block)
    let mut addrs: Vec<(&str, &str, Ipv4Addr, bool)> = Vec::new();
    for ie in &cx.s.interface_endpoints {
        for es in &ie.subnets {
            if let Some(ip) = es.ip {
                addrs.push((&ie.id, &es.subnet, ip, false));
            }
        }
    }
    for i in &cx.s.instances {
        if let Some(ip) = i.private_ip {
            addrs.push((&i.id, &i.subnet, ip, true));
        }
    }
    for n in &cx.s.network_interfaces {
        if let Some(ip) = n.ip {
            addrs.push((&n.id, &n.subnet, ip, false));
        }
    }
    let mut used: FxMap<Ipv4Addr, &str> =
        FxMap::with_capacity_and_hasher(addrs.len(), Default::default());
    for (owner, subnet, ip, instance) in addrs {
        if let Some(sn) = cx.subnets.get(subnet) {
            match sn.cidr {
                None if instance => {}
                None => out.push(
                    Diagnostic::error(owner, "ipv4_without_subnet_block")
                        .s("owner", owner)
                        .s("subnet", &sn.id),
                ),
                Some(cidr) if !cidr.contains(&ip) => out.push(
                    Diagnostic::error(owner, "ip_outside_subnet")
                        .s("owner", owner)
                        .s("ip", ip)
                        .s("subnet", &sn.id)
                        .s("cidr", cidr.trunc()),
                ),
                Some(cidr) => {
                    if let Some(what) = reserved_use(&cidr, ip) {
                        out.push(
                            Diagnostic::error(owner, "ip_reserved")
                                .s("owner", owner)
                                .s("ip", ip)
                                .s("subnet", &sn.id)
                                .s("cidr", cidr.trunc())
                                .m("use", what),
                        );
                    }
                }
            }
        }
        match used.get(&ip) {
            None => {
                used.insert(ip, owner);
            }
            Some(&prev) => out.push(
                Diagnostic::error(owner, "ip_in_use")
                    .s("owner", owner)
                    .s("ip", ip)
                    .s("other", prev),
            ),
        }
    }
}

/// A subnet has an address for every network interface placed in it: endpoint ENIs, instances,
/// network interfaces, zonal NAT gateways and GWLB endpoints each take one of the addresses left
/// after AWS's five reserved ones (aws-semantics.md §3).
pub(super) fn subnet_addresses_suffice(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    // subnet → (explicit addresses inside it, interfaces without an address)
    let mut need: FxMap<&str, (FxSet<Ipv4Addr>, usize)> =
        FxMap::with_capacity_and_hasher(s.subnets.len(), Default::default());
    let mut place = |subnet: &str, ip: Option<Ipv4Addr>| {
        // A subnet without an IPv4 block gives no IPv4 address: `ipv4_without_subnet_block`.
        let Some((sn, cidr)) = cx.subnets.get(subnet).and_then(|sn| Some((sn, sn.cidr?))) else {
            return;
        };
        let entry = need.entry(&sn.id).or_default();
        match ip {
            Some(ip) if cidr.contains(&ip) && reserved_use(&cidr, ip).is_none() => {
                entry.0.insert(ip);
            }
            // Reported by `ip_addresses`; it still takes an interface.
            Some(_) => entry.1 += 1,
            None => entry.1 += 1,
        }
    };
    for ie in &s.interface_endpoints {
        for es in &ie.subnets {
            place(&es.subnet, es.ip);
        }
    }
    // An instance in an IPv6-only subnet takes no IPv4 address.
    for i in &s.instances {
        if cx
            .subnets
            .get(i.subnet.as_str())
            .is_some_and(|sn| !sn.ipv6_only)
        {
            place(&i.subnet, i.private_ip);
        }
    }
    for n in &s.network_interfaces {
        place(&n.subnet, n.ip);
    }
    for n in &s.nat_gateways {
        if let Some(sn) = &n.subnet {
            place(sn, None);
        }
    }
    for g in &s.gwlb_endpoints {
        place(&g.subnet, None);
    }
    for sn in &s.subnets {
        let (Some((fixed, free)), Some(cidr)) = (need.get(sn.id.as_str()), sn.cidr) else {
            continue;
        };
        let size = 1u64 << (32 - u32::from(cidr.prefix_len()));
        let usable = size.saturating_sub(5);
        let wanted = fixed.len() as u64 + *free as u64;
        if wanted > usable {
            out.push(
                Diagnostic::error(&sn.id, "subnet_out_of_addresses")
                    .s("subnet", &sn.id)
                    .s("cidr", cidr.trunc())
                    .s("usable", usable)
                    .s("wanted", wanted),
            );
        }
    }
}

/// What takes an IPv4 address from its subnet sits in a subnet with an IPv4 block: a NAT
/// gateway's network interface gets "a private IP address from the IP address range of the
/// subnet" (EC2 API Reference, CreateNatGateway; it translates to IPv4, so it needs one); the
/// model gives GWLB endpoints and network interfaces IPv4 addresses only (IPv6-only ones are not
/// modelled). An IPv6-only subnet without an IPv4 block has none to give ("IPv6-only subnets",
/// <https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html>).
pub(super) fn ipv4_holders_have_block(cx: &Cx, out: &mut Vec<Diagnostic>) {
    let s = cx.s;
    let placed = s
        .nat_gateways
        .iter()
        .filter_map(|n| Some((n.id.as_str(), n.subnet.as_deref()?)))
        .chain(
            s.gwlb_endpoints
                .iter()
                .map(|g| (g.id.as_str(), g.subnet.as_str())),
        )
        .chain(
            s.network_interfaces
                .iter()
                .filter(|n| n.ip.is_none())
                .map(|n| (n.id.as_str(), n.subnet.as_str())),
        );
    for (owner, subnet) in placed {
        if let Some(sn) = cx.subnets.get(subnet)
            && sn.cidr.is_none()
        {
            out.push(
                Diagnostic::error(owner, "ipv4_without_subnet_block")
                    .s("owner", owner)
                    .s("subnet", &sn.id),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::net::Ipv4Addr;

    use super::*;
    use crate::model::NetworkInterface;
    use crate::model::validate::test_support::*;

    #[test]
    fn addresses_in_subnet_not_reserved_unique() {
        let mut s = minimal();
        s.interface_endpoints[0].subnets[0].ip = Some(ip("10.0.1.10")); // the instance's
        s.interface_endpoints[0].subnets[1].ip = Some(ip("10.0.1.50")); // not in subnet-private-b
        s.network_interfaces.push(NetworkInterface {
            security_groups: Vec::new(),
            source_dest_check: None,
            id: "eni-1".into(),
            description: None,
            subnet: "subnet-public-a".into(),
            ip: Some(ip("10.0.0.255")),
            public_ip: false,
        });
        s.instances.push(crate::model::Instance {
            ipv6_address: Default::default(),
            security_groups: Vec::new(),
            id: "i-dns".into(),
            name: None,
            subnet: "subnet-private-b".into(),
            private_ip: Some(ip("10.0.2.2")),
            public_ip: false,
        });
        let d = run(&s);
        assert!(error(&d, "ip_in_use", "i-app-a").contains("vpce-ssm"));
        assert!(error(&d, "ip_outside_subnet", "vpce-ssm").contains("subnet-private-b"));
        assert!(error(&d, "ip_reserved", "eni-1").contains("broadcast"));
        assert!(error(&d, "ip_reserved", "i-dns").contains("Amazon DNS"));
    }

    #[test]
    fn a_subnet_runs_out_of_addresses() {
        let mut s = minimal();
        s.subnets[2].cidr = Some(net("10.0.2.0/28")); // 11 usable
        for i in 0..10 {
            s.instances.push(crate::model::Instance {
                ipv6_address: Default::default(),
                security_groups: Vec::new(),
                id: format!("i-{i}"),
                name: None,
                subnet: "subnet-private-b".into(),
                private_ip: Some(Ipv4Addr::new(10, 0, 2, 4 + i)),
                public_ip: false,
            });
        }
        // 10 fixed + vpce-ssm's ENI = 11: fits.
        assert!(run(&s).is_empty(), "{:#?}", run(&s));
        s.network_interfaces.push(NetworkInterface {
            security_groups: Vec::new(),
            source_dest_check: None,
            id: "eni-1".into(),
            description: None,
            subnet: "subnet-private-b".into(),
            ip: None,
            public_ip: false,
        });
        let m = error(&run(&s), "subnet_out_of_addresses", "subnet-private-b");
        assert!(
            m.contains("11 usable") && m.contains("12 network interfaces"),
            "{m}"
        );
    }

    #[test]
    fn reserved_addresses_are_the_first_four_and_the_last() {
        let c = net("10.0.1.0/28");
        let reserved: Vec<u8> = (0..=15u8)
            .filter(|i| reserved_use(&c, Ipv4Addr::new(10, 0, 1, *i)).is_some())
            .collect();
        assert_eq!(reserved, vec![0, 1, 2, 3, 15]);
        assert!(reserved_use(&net("255.255.255.255/32"), ip("255.255.255.255")).is_some());
        assert!(reserved_use(&net("0.0.0.0/0"), ip("0.0.0.4")).is_none());
    }
}
