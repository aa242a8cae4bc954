//! What a flow's path puts through each billed thing: the evaluator's hops turned into GB per
//! resource and AZ crossing, and the way the flow goes (aws-semantics.md §8).

use std::collections::HashMap;
use std::sync::Arc;

use super::{Crossing, Through, Way};
use crate::eval::{CrossAz, Hop, HopKind, PathTrace, Verdict};
use crate::model::{AvailabilityMode, Model};

type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// The billed things a hop can name, by id: an estimate prices thousands of paths, and finding
/// each hop's endpoint or NAT gateway by a scan of the scenario's list was most of their cost.
/// Built once per estimate. Where ids repeat, the first keeps the id (as a scan finds it).
pub(super) struct Ids<'m> {
    gateway: FxMap<&'m str, usize>,
    interface: FxMap<&'m str, usize>,
    nat: FxMap<&'m str, usize>,
    gwlb_endpoint: FxMap<&'m str, usize>,
    /// A network interface's AZ (`None`: its subnet or AZ is unknown).
    interface_az: FxMap<&'m str, Option<usize>>,
}

impl<'m> Ids<'m> {
    pub(super) fn new(model: &'m Model) -> Ids<'m> {
        fn first<'a, T>(list: &'a [T], id: impl Fn(&'a T) -> &'a str) -> FxMap<&'a str, usize> {
            let mut map = FxMap::with_capacity_and_hasher(list.len(), Default::default());
            for (i, x) in list.iter().enumerate() {
                map.entry(id(x)).or_insert(i);
            }
            map
        }
        let s = model.scenario();
        let mut interface_az =
            FxMap::with_capacity_and_hasher(s.network_interfaces.len(), Default::default());
        for n in &s.network_interfaces {
            interface_az
                .entry(n.id.as_str())
                .or_insert_with(|| subnet_az(model, &n.subnet));
        }
        Ids {
            gateway: first(&s.gateway_endpoints, |x| &x.id),
            interface: first(&s.interface_endpoints, |x| &x.id),
            nat: first(&s.nat_gateways, |x| &x.id),
            gwlb_endpoint: first(&s.gwlb_endpoints, |x| &x.id),
            interface_az,
        }
    }
}

/// A subnet's AZ, by the subnet's id.
fn subnet_az(model: &Model, subnet: &str) -> Option<usize> {
    model
        .subnet_index(subnet)
        .and_then(|si| model.az_index(&model.scenario().subnets[si].az))
}

/// The GB a flow puts through each billed thing.
#[derive(Debug, Default, Clone)]
pub(super) struct Usage {
    pub(super) interface_gb: f64,
    pub(super) gateway: Vec<(usize, f64)>,
    pub(super) nat: Vec<(usize, f64)>,
    pub(super) gwlb_endpoint: Vec<(usize, f64)>,
    pub(super) cross_az_gb: f64,
    /// A path whose last AZ crossing is its one interface endpoint's share: the endpoint, the
    /// AZ the traffic is in there and the GB that crossed before it ([`Usage::after_failures`]).
    pub(super) interface_share: Option<(usize, usize, f64)>,
}

/// The usage of a group whose service has no result (nothing billed).
pub(super) static NOTHING: Usage = Usage {
    interface_gb: 0.0,
    gateway: Vec::new(),
    nat: Vec::new(),
    gwlb_endpoint: Vec::new(),
    cross_az_gb: 0.0,
    interface_share: None,
};

/// Each flow group's usage per GB, in the groups' order (class by class, a column each), read
/// where the classes' results keep them instead of copied into a list of their own (an
/// estimate at 4x the quota model has 80,000 groups).
#[derive(Clone, Copy)]
pub(super) struct Usages<'a> {
    pub(super) classes: &'a [Arc<super::flows::ClassCost>],
}

impl<'a> Usages<'a> {
    #[cfg(test)]
    pub(super) fn iter(self) -> impl Iterator<Item = &'a Usage> + 'a {
        self.classes.iter().flat_map(|c| {
            c.per_column
                .iter()
                .map(|r| r.as_ref().map_or(&NOTHING, |(u, _)| &**u))
        })
    }
}

impl Usage {
    /// This usage (of a path reachable through one interface endpoint, whose healthy ENIs
    /// share the traffic) and its way, now that AZs `failed` failed and the path's verdict is
    /// `verdict`: the share on ENIs outside the traffic's AZ worked out again, the same sums in
    /// the same order as [`class_usage`]. `None` when the usage is not of that kind.
    pub(super) fn after_failures(
        &self,
        model: &Model,
        failed: &[bool],
        verdict: &Verdict,
        way: &Way,
    ) -> Option<(Usage, Way)> {
        let (e, at, before) = self.interface_share?;
        let Way::Reachable { through, .. } = way else {
            return None;
        };
        let gb = 1.0;
        let mut u = self.clone();
        u.cross_az_gb = before;
        share(model, failed, e, at, gb, &mut u);
        let Verdict::Reachable { cross_az, .. } = verdict else {
            return None;
        };
        let crossing = crossing(*cross_az, u.cross_az_gb, gb);
        let way = Way::Reachable {
            through: through.clone(),
            crossing,
        };
        Some((u, way))
    }
}

/// The usage and way of a class's flows to a service whose trace read the failed AZs only
/// through interface endpoint `answer`'s DNS answer (see `eval::Touched::plan`), now that only
/// AZs failed: `None` when the trace must be walked again. What did not change stays shared
/// with the previous estimate.
pub(super) fn answered_after_failures(
    model: &Model,
    failed: &[bool],
    subnet: usize,
    answer: &crate::eval::Answered,
    u: &Arc<Usage>,
    way: &Arc<Way>,
) -> Option<(Arc<Usage>, Arc<Way>)> {
    let (e, _, _) = u.interface_share?;
    if e != answer.endpoint() {
        return None;
    }
    let cross_az = answer.cross_az_after(model, failed, subnet)?;
    let verdict = Verdict::Reachable {
        via: crate::eval::Via::InterfaceEndpoint,
        cross_az: Some(cross_az),
    };
    let (u2, way2) = u.after_failures(model, failed, &verdict, way)?;
    let same = u2.cross_az_gb.to_bits() == u.cross_az_gb.to_bits();
    let u = if same { Arc::clone(u) } else { Arc::new(u2) };
    let way = if **way == way2 {
        Arc::clone(way)
    } else {
        Arc::new(way2)
    };
    Some((u, way))
}

/// The DNS answer holds the healthy ENIs of endpoint `e`; the share outside `at` crosses AZs.
fn share(model: &Model, failed: &[bool], e: usize, at: usize, gb: f64, u: &mut Usage) {
    let (mut healthy, mut away) = (0usize, 0usize);
    for eni in model.endpoint_enis(e) {
        if !failed.get(eni.az).copied().unwrap_or(false) {
            healthy += 1;
            away += usize::from(eni.az != at);
        }
    }
    if healthy > 0 {
        u.cross_az_gb += gb * away as f64 / healthy as f64;
    }
}

/// Walk a reachable path's hops and record what its `gb` passes through. `at` follows the
/// traffic's AZ: each zonal hop in another AZ than the previous one moves the flow across AZs.
/// What one class of flows (one subnet, public-IP state and service) uses per GB, and the way
/// it goes.
pub(super) fn class_usage(
    model: &Model,
    ids: &Ids<'_>,
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
            let interface = add_usage(model, ids, failed, src_az, &trace.hops, gb, &mut usage);
            // The share can be worked out again after an AZ failure when it was the last
            // crossing: check that redoing it gives this usage's sum to the bit.
            usage.interface_share = interface.filter(|&(e, at, before)| {
                let mut u = Usage {
                    cross_az_gb: before,
                    ..Usage::default()
                };
                share(model, failed, e, at, gb, &mut u);
                u.cross_az_gb.to_bits() == usage.cross_az_gb.to_bits()
            });
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
                        add_usage(model, ids, failed, src_az, &p.hops, share, &mut usage);
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

/// Returns the one interface endpoint passed, with the AZ the traffic was in there and the GB
/// that had crossed AZs before it (`None` when none or several were passed).
fn add_usage(
    model: &Model,
    ids: &Ids<'_>,
    failed: &[bool],
    src_az: usize,
    hops: &[Hop],
    gb: f64,
    u: &mut Usage,
) -> Option<(usize, usize, f64)> {
    let s = model.scenario();
    let mut at = src_az;
    let mut interface = None;
    let mut interfaces = 0;
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
                if let Some(&g) = ids.gateway.get(h.id.as_str()) {
                    u.gateway.push((g, gb));
                }
            }
            HopKind::InterfaceEndpoint => {
                let Some(&e) = ids.interface.get(h.id.as_str()) else {
                    continue;
                };
                // Resource and service-network endpoints are not priced (`CostNote`); the AZs
                // their interfaces are in still count.
                if s.interface_endpoints[e].lattice.is_none() {
                    u.interface_gb += gb;
                }
                interfaces += 1;
                interface = Some((e, at, u.cross_az_gb));
                share(model, failed, e, at, gb, u);
            }
            HopKind::NatGateway => {
                let Some(&n) = ids.nat.get(h.id.as_str()) else {
                    continue;
                };
                u.nat.push((n, gb));
                // A regional NAT gateway works in the source's own AZ.
                let nat = &s.nat_gateways[n];
                if nat.availability_mode == AvailabilityMode::Zonal {
                    let az = nat.subnet.as_deref().and_then(|x| subnet_az(model, x));
                    cross(az, &mut at, u);
                }
            }
            HopKind::GwlbEndpoint => {
                if let Some(&g) = ids.gwlb_endpoint.get(h.id.as_str()) {
                    u.gwlb_endpoint.push((g, gb));
                    cross(subnet_az(model, &s.gwlb_endpoints[g].subnet), &mut at, u);
                }
            }
            HopKind::NetworkInterface => {
                if let Some(&az) = ids.interface_az.get(h.id.as_str()) {
                    cross(az, &mut at, u);
                }
            }
            // The way back carries the same flow's replies, already in its GB.
            _ => {}
        }
    }
    interface.filter(|_| interfaces == 1)
}

/// Whether a reachable flow of `gb` crosses AZs, `cross_az_gb` of it doing so.
fn crossing(cross_az: Option<CrossAz>, cross_az_gb: f64, gb: f64) -> Crossing {
    let sometimes = cross_az == Some(CrossAz::Sometimes);
    if cross_az_gb <= 0.0 {
        Crossing::No
    } else if sometimes || cross_az_gb < gb {
        Crossing::Sometimes
    } else {
        Crossing::Always
    }
}

/// How a flow goes.
fn way_of(verdict: &Verdict, hops: &[Hop], cross_az_gb: f64, gb: f64) -> Way {
    match verdict {
        Verdict::Reachable { cross_az, via } => {
            // A resource or service-network endpoint's ENIs are an interface endpoint's hop.
            let endpoint = match via {
                crate::eval::Via::ResourceEndpoint => Through::ResourceEndpoint,
                crate::eval::Via::ServiceNetworkEndpoint => Through::ServiceNetworkEndpoint,
                _ => Through::InterfaceEndpoint,
            };
            let mut through: Vec<Through> = hops
                .iter()
                .filter_map(|h| match h.kind {
                    HopKind::GatewayEndpoint => Some(Through::GatewayEndpoint),
                    HopKind::InterfaceEndpoint => Some(endpoint),
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
            let crossing = crossing(*cross_az, cross_az_gb, gb);
            Way::Reachable { through, crossing }
        }
        Verdict::Partial => Way::Partly, // parts are described by the caller
        Verdict::Blocked(r) => Way::Blocked(*r),
        Verdict::Unavailable(r) => Way::Unavailable(*r),
        Verdict::NotModelled(r) => Way::NotModelled(*r),
        Verdict::LeavesVpc { target } => Way::LeavesVpc {
            target: target.to_string(),
        },
    }
}
