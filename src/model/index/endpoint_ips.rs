//! Interface endpoint ENI addresses: the configured one, or the first free host address of the
//! subnet (aws-semantics.md §3).

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::IdMap;
use crate::model::Scenario;

/// An interface endpoint's network interface in one subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EniInfo {
    pub subnet: usize,
    pub az: usize,
    /// Its private IPv4 address; unspecified (`0.0.0.0`) in a subnet without an IPv4 block
    /// (an IPv6-only subnet), where it has none.
    pub ip: Ipv4Addr,
    /// Its IPv6 address as a /128 (`subnets[].ipv6`), else the subnet's IPv6 block (the
    /// model names the block when the address is not given); none without an IPv6 block.
    pub ipv6: Option<ipnet::Ipv6Net>,
}

impl EniInfo {
    /// Its private IPv4 address, if it has one.
    pub fn ipv4(&self) -> Option<Ipv4Addr> {
        (!self.ip.is_unspecified()).then_some(self.ip)
    }

    /// What names the interface on screen: its IPv4 address, or, in an IPv6-only subnet, its
    /// IPv6 address (or the subnet's IPv6 block), never the unspecified `0.0.0.0`.
    pub fn shown_address(&self) -> String {
        match self.ipv6 {
            Some(v6) if self.ip.is_unspecified() => match v6.prefix_len() {
                128 => v6.addr().to_string(),
                _ => v6.to_string(),
            },
            _ => self.ip.to_string(),
        }
    }
}

/// Give every endpoint ENI an address: its configured one, or the first free host address of
/// the subnet after the four AWS reserves at the start.
pub(super) fn allocate_endpoint_ips(
    scenario: &Scenario,
    subnet_lookup: &IdMap,
    az_lookup: &IdMap,
) -> Vec<Vec<EniInfo>> {
    let mut used = Used::new(scenario, subnet_lookup);
    scenario
        .interface_endpoints
        .iter()
        .map(|ie| {
            ie.subnets
                .iter()
                .filter_map(|es| {
                    let si = *subnet_lookup.get(&es.subnet)?;
                    let subnet = &scenario.subnets[si];
                    let az = az_lookup.get(&subnet.az).copied().unwrap_or(0);
                    // An ENI in a subnet without an IPv4 block (IPv6-only) has no IPv4 address:
                    // it is listed with the unspecified address, which answers no A record.
                    let ip = match (es.ip, subnet.cidr) {
                        (Some(ip), _) => ip,
                        (None, Some(cidr)) => used.take_first_free(cidr)?,
                        (None, None) => Ipv4Addr::UNSPECIFIED,
                    };
                    let ipv6 = match (es.ipv6, subnet.ipv6_cidr) {
                        (Some(a), _) => Some(ipnet::Ipv6Net::from(a)),
                        (None, block) => block,
                    };
                    Some(EniInfo {
                        subnet: si,
                        az,
                        ip,
                        ipv6,
                    })
                })
                .collect()
        })
        .collect()
}

/// The addresses in use inside each subnet that gives addresses out (one with an ENI without a
/// configured address), each list sorted: only those can be in an allocation's way. An edit to
/// an endpoint builds this again, so it avoids hashing all 10,000 instances' addresses.
struct Used {
    /// Each such subnet's first and last address, sorted, and its addresses in use (sorted, no
    /// repeats).
    subnets: Vec<(u32, u32, Vec<u32>)>,
    /// No two of them overlap (validation refuses overlapping subnets): the one that may hold
    /// an address is then found by binary search.
    disjoint: bool,
}

impl Used {
    fn new(scenario: &Scenario, subnet_lookup: &IdMap) -> Used {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for ie in &scenario.interface_endpoints {
            for es in ie.subnets.iter().filter(|es| es.ip.is_none()) {
                if let Some(cidr) = subnet_lookup
                    .get(&es.subnet)
                    .and_then(|&si| scenario.subnets[si].cidr)
                {
                    ranges.push(range(cidr));
                }
            }
        }
        ranges.sort_unstable();
        ranges.dedup();
        let disjoint = ranges.windows(2).all(|w| w[0].1 < w[1].0);
        let mut used = Used {
            subnets: ranges
                .into_iter()
                .map(|(a, b)| (a, b, Vec::new()))
                .collect(),
            disjoint,
        };
        let taken = (scenario.instances.iter().filter_map(|i| i.private_ip))
            .chain(scenario.network_interfaces.iter().filter_map(|n| n.ip))
            .chain(
                (scenario.interface_endpoints.iter())
                    .flat_map(|ie| ie.subnets.iter().filter_map(|s| s.ip)),
            );
        for ip in taken {
            let ip = u32::from(ip);
            used.each_holding(ip, |list| list.push(ip));
        }
        for (_, _, list) in &mut used.subnets {
            list.sort_unstable();
            list.dedup();
        }
        used
    }

    /// Call `f` with the list of every subnet that holds `ip`.
    fn each_holding(&mut self, ip: u32, mut f: impl FnMut(&mut Vec<u32>)) {
        if self.disjoint {
            let before = self.subnets.partition_point(|s| s.0 <= ip);
            if let Some((_, last, list)) = before.checked_sub(1).map(|i| &mut self.subnets[i])
                && ip <= *last
            {
                f(list);
            }
        } else {
            for (first, last, list) in &mut self.subnets {
                if (*first..=*last).contains(&ip) {
                    f(list);
                }
            }
        }
    }

    /// The first free host address of `cidr` after the four AWS reserves, now in use.
    fn take_first_free(&mut self, cidr: Ipv4Net) -> Option<Ipv4Addr> {
        let (first, last) = range(cidr);
        let list = &self.subnets.iter().find(|s| (s.0, s.1) == (first, last))?.2;
        let start = first.checked_add(4)?;
        // The broadcast address is not given out either.
        let end = last;
        let mut at = list.partition_point(|&u| u < start);
        let mut candidate = start;
        while list.get(at) == Some(&candidate) {
            candidate = candidate.checked_add(1)?;
            at += 1;
        }
        if candidate >= end {
            return None;
        }
        self.each_holding(candidate, |list| {
            if let Err(i) = list.binary_search(&candidate) {
                list.insert(i, candidate);
            }
        });
        Some(Ipv4Addr::from(candidate))
    }
}

/// A CIDR's first and last address.
fn range(cidr: Ipv4Net) -> (u32, u32) {
    (u32::from(cidr.network()), u32::from(cidr.broadcast()))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::Path;

    use super::*;
    use crate::model::{Model, from_ron_str};

    /// What the allocation means, written plainly: every address in use in one set, and each
    /// ENI without an address takes the first free host address of its subnet, in list order.
    fn oracle(s: &Scenario) -> Vec<Vec<Ipv4Addr>> {
        let mut used: HashSet<Ipv4Addr> = HashSet::new();
        used.extend(s.instances.iter().filter_map(|i| i.private_ip));
        used.extend(s.network_interfaces.iter().filter_map(|n| n.ip));
        for ie in &s.interface_endpoints {
            used.extend(ie.subnets.iter().filter_map(|x| x.ip));
        }
        let mut out = Vec::new();
        for ie in &s.interface_endpoints {
            let mut ips = Vec::new();
            for es in &ie.subnets {
                let cidr = s
                    .subnets
                    .iter()
                    .find(|x| x.id == es.subnet)
                    .unwrap()
                    .cidr
                    .unwrap();
                let ip = es.ip.unwrap_or_else(|| {
                    let start = u32::from(cidr.network()) + 4;
                    let ip = (start..u32::from(cidr.broadcast()))
                        .map(Ipv4Addr::from)
                        .find(|ip| !used.contains(ip))
                        .unwrap();
                    used.insert(ip);
                    ip
                });
                ips.push(ip);
            }
            out.push(ips);
        }
        out
    }

    #[test]
    fn each_eni_takes_the_first_free_address_of_its_subnet() {
        let s = from_ron_str(
            r#"(
                region: "us-east-1",
                vpc: (cidrs: ["10.0.0.0/16"]),
                availability_zones: [(name: "us-east-1a"), (name: "us-east-1b")],
                subnets: [
                    (id: "subnet-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
                    (id: "subnet-b", az: "us-east-1b", cidr: "10.0.1.0/28"),
                    (id: "subnet-c", az: "us-east-1b", cidr: "10.0.2.0/24"),
                ],
                route_tables: [(id: "rtb-main", main: true)],
                network_interfaces: [(id: "eni-x", subnet: "subnet-a", ip: "10.0.0.5")],
                interface_endpoints: [
                    (id: "vpce-1", service: "ssm", subnets: [(subnet: "subnet-a")]),
                    (id: "vpce-2", service: "sqs", subnets: [
                        (subnet: "subnet-a", ip: "10.0.0.7"),
                        (subnet: "subnet-b"),
                    ]),
                    (id: "vpce-3", service: "sns", subnets: [(subnet: "subnet-a"), (subnet: "subnet-c")]),
                ],
                instances: [
                    (id: "i-a", subnet: "subnet-a", private_ip: "10.0.0.4"),
                    (id: "i-b", subnet: "subnet-b", private_ip: "10.0.1.4"),
                    (id: "i-c", subnet: "subnet-c", private_ip: "10.0.2.9"),
                ],
            )"#,
            Path::new("ips.ron"),
        )
        .expect("fixture parses");
        let model = Model::new(s.clone()).expect("valid");
        let got: Vec<Vec<Ipv4Addr>> = (0..3)
            .map(|e| model.endpoint_enis(e).iter().map(|x| x.ip).collect())
            .collect();
        assert_eq!(got, oracle(&s));
        let ip = |t: &str| t.parse::<Ipv4Addr>().unwrap();
        assert_eq!(got[0], [ip("10.0.0.6")]);
        assert_eq!(got[1], [ip("10.0.0.7"), ip("10.0.1.5")]);
        assert_eq!(got[2], [ip("10.0.0.8"), ip("10.0.2.4")]);
    }
}
