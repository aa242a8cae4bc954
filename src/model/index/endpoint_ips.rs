//! Interface endpoint ENI addresses: the configured one, or the first free host address of the
//! subnet (aws-semantics.md §3).

use std::collections::HashSet;
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use super::EniInfo;
use super::IdMap;
use crate::model::Scenario;

/// Give every endpoint ENI an address: its configured one, or the first free host address of
/// the subnet after the four AWS reserves at the start.
pub(super) fn allocate_endpoint_ips(
    scenario: &Scenario,
    subnet_lookup: &IdMap,
    az_lookup: &IdMap,
) -> Vec<Vec<EniInfo>> {
    let mut used: HashSet<Ipv4Addr> = HashSet::new();
    used.extend(scenario.instances.iter().filter_map(|i| i.private_ip));
    used.extend(scenario.network_interfaces.iter().filter_map(|n| n.ip));
    for ie in &scenario.interface_endpoints {
        used.extend(ie.subnets.iter().filter_map(|s| s.ip));
    }
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
                    let ip = match es.ip {
                        Some(ip) => ip,
                        None => {
                            let ip = first_free(subnet.cidr, &used)?;
                            used.insert(ip);
                            ip
                        }
                    };
                    Some(EniInfo { subnet: si, az, ip })
                })
                .collect()
        })
        .collect()
}

fn first_free(cidr: Ipv4Net, used: &HashSet<Ipv4Addr>) -> Option<Ipv4Addr> {
    let start = u32::from(cidr.network()).checked_add(4)?;
    let end = u32::from(cidr.broadcast());
    (start..end)
        .map(Ipv4Addr::from)
        .find(|ip| !used.contains(ip))
}
