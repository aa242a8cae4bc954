//! What a flow's path puts through each billed thing: the evaluator's hops turned into GB per
//! resource and AZ crossing, and the way the flow goes (aws-semantics.md §8).

use super::{Crossing, Through, Way};
use crate::eval::{CrossAz, Hop, HopKind, PathTrace, Verdict};
use crate::model::{AvailabilityMode, Model};

/// The GB a flow puts through each billed thing.
#[derive(Debug, Default, Clone)]
pub(super) struct Usage {
    pub(super) interface_gb: f64,
    pub(super) gateway: Vec<(usize, f64)>,
    pub(super) nat: Vec<(usize, f64)>,
    pub(super) gwlb_endpoint: Vec<(usize, f64)>,
    pub(super) cross_az_gb: f64,
}

/// GB of all flow groups (usage per GB, GB) through each resource of one kind (`count` of
/// them), in one pass.
pub(super) fn totals(
    groups: &[(&Usage, f64)],
    kind: impl Fn(&Usage) -> &Vec<(usize, f64)>,
    count: usize,
) -> Vec<f64> {
    let mut gb = vec![0.0; count];
    for (u, total) in groups {
        for &(i, g) in kind(u) {
            if let Some(x) = gb.get_mut(i) {
                *x += g * total;
            }
        }
    }
    gb
}

/// Walk a reachable path's hops and record what its `gb` passes through. `at` follows the
/// traffic's AZ: each zonal hop in another AZ than the previous one moves the flow across AZs.
/// What one class of flows (one subnet, public-IP state and service) uses per GB, and the way
/// it goes.
pub(super) fn class_usage(
    model: &Model,
    failed: &[bool],
    subnet: usize,
    trace: &PathTrace,
) -> (Usage, Way) {
    let s = model.scenario();
    let src_az = model.az_index(&s.subnets[subnet].az).unwrap_or(0);
    let gb = 1.0;
    let mut usage = Usage::default();
    // Ranges that take different paths (a partial verdict, or every range reachable by
    // different ways): each group of CIDRs gets its share.
    let by_range = !trace.parts.is_empty() && trace.parts.iter().all(|p| p.to.is_none());
    let way = match &trace.verdict {
        Verdict::Reachable { .. } if !by_range => {
            add_usage(model, failed, src_az, &trace.hops, gb, &mut usage);
            way_of(&trace.verdict, &trace.hops, usage.cross_az_gb, gb)
        }
        _ if by_range => {
            // Each group of the service's CIDRs gets its share of the traffic (an even spread
            // over the CIDRs); the blocked groups' share goes nowhere.
            let total: usize = trace.parts.iter().map(|p| p.cidrs.len()).sum();
            let parts: Vec<(usize, Way)> = trace
                .parts
                .iter()
                .map(|p| {
                    let share = gb * p.cidrs.len() as f64 / total.max(1) as f64;
                    let crossed = usage.cross_az_gb;
                    if p.verdict.is_reachable() {
                        add_usage(model, failed, src_az, &p.hops, share, &mut usage);
                    }
                    let way = way_of(&p.verdict, &p.hops, usage.cross_az_gb - crossed, share);
                    (p.cidrs.len(), way)
                })
                .collect();
            Way::ByRange {
                partial: matches!(trace.verdict, Verdict::Partial),
                total,
                parts,
            }
        }
        other => way_of(other, &trace.hops, 0.0, gb),
    };
    (usage, way)
}

fn add_usage(model: &Model, failed: &[bool], src_az: usize, hops: &[Hop], gb: f64, u: &mut Usage) {
    let s = model.scenario();
    let subnet_az = |subnet: &str| {
        model
            .subnet_index(subnet)
            .and_then(|si| model.az_index(&s.subnets[si].az))
    };
    let mut at = src_az;
    let cross = |az: Option<usize>, at: &mut usize, u: &mut Usage| {
        if let Some(az) = az {
            if az != *at {
                u.cross_az_gb += gb;
            }
            *at = az;
        }
    };
    for h in hops {
        match h.kind {
            HopKind::GatewayEndpoint => {
                if let Some(g) = s.gateway_endpoints.iter().position(|x| x.id == h.id) {
                    u.gateway.push((g, gb));
                }
            }
            HopKind::InterfaceEndpoint => {
                let Some(e) = s.interface_endpoints.iter().position(|x| x.id == h.id) else {
                    continue;
                };
                u.interface_gb += gb;
                // The DNS answer holds the healthy ENIs; the share outside `at` crosses AZs.
                let healthy: Vec<usize> = model
                    .endpoint_enis(e)
                    .iter()
                    .map(|eni| eni.az)
                    .filter(|&az| !failed.get(az).copied().unwrap_or(false))
                    .collect();
                if !healthy.is_empty() {
                    let away = healthy.iter().filter(|&&az| az != at).count();
                    u.cross_az_gb += gb * away as f64 / healthy.len() as f64;
                }
            }
            HopKind::NatGateway => {
                let Some(n) = s.nat_gateways.iter().position(|x| x.id == h.id) else {
                    continue;
                };
                u.nat.push((n, gb));
                // A regional NAT gateway works in the source's own AZ.
                let nat = &s.nat_gateways[n];
                if nat.availability_mode == AvailabilityMode::Zonal {
                    cross(nat.subnet.as_deref().and_then(subnet_az), &mut at, u);
                }
            }
            HopKind::GwlbEndpoint => {
                if let Some(g) = s.gwlb_endpoints.iter().position(|x| x.id == h.id) {
                    u.gwlb_endpoint.push((g, gb));
                    cross(subnet_az(&s.gwlb_endpoints[g].subnet), &mut at, u);
                }
            }
            HopKind::NetworkInterface => {
                if let Some(n) = s.network_interfaces.iter().find(|x| x.id == h.id) {
                    cross(subnet_az(&n.subnet), &mut at, u);
                }
            }
            // The way back carries the same flow's replies, already in its GB.
            _ => {}
        }
    }
}

/// How a flow goes.
fn way_of(verdict: &Verdict, hops: &[Hop], cross_az_gb: f64, gb: f64) -> Way {
    match verdict {
        Verdict::Reachable { cross_az, .. } => {
            let mut through: Vec<Through> = hops
                .iter()
                .filter_map(|h| match h.kind {
                    HopKind::GatewayEndpoint => Some(Through::GatewayEndpoint),
                    HopKind::InterfaceEndpoint => Some(Through::InterfaceEndpoint),
                    HopKind::GwlbEndpoint => Some(Through::GwlbEndpoint),
                    HopKind::NetworkInterface => Some(Through::ApplianceEni),
                    HopKind::NatGateway => Some(Through::NatGateway),
                    HopKind::InternetGateway => Some(Through::InternetGateway),
                    _ => None,
                })
                .collect();
            // A path through a NAT gateway always ends at the internet gateway: name the NAT.
            if through.contains(&Through::NatGateway) {
                through.retain(|&x| x != Through::InternetGateway);
            }
            let sometimes = *cross_az == Some(CrossAz::Sometimes);
            let crossing = if cross_az_gb <= 0.0 {
                Crossing::No
            } else if sometimes || cross_az_gb < gb {
                Crossing::Sometimes
            } else {
                Crossing::Always
            };
            Way::Reachable { through, crossing }
        }
        Verdict::Partial => Way::Partly, // parts are described by the caller
        Verdict::Blocked(r) => Way::Blocked(*r),
        Verdict::Unavailable(r) => Way::Unavailable(*r),
        Verdict::LeavesVpc { target } => Way::LeavesVpc {
            target: target.to_string(),
        },
    }
}
