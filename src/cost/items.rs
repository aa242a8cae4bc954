//! The line items: fixed charges for what is provisioned, and per-GB charges for the GB the
//! flow groups put through each billed thing; and what one GB of each group costs.

use std::sync::Arc;

use super::flows::FlowGroup;
use super::lines::LineItems;
use super::prices::{tier_span, tiers};
use super::usage::{NOTHING, Usage, Usages};
use super::{
    Charge, CostNote, Direction, GB_PER_GLCU_HOUR, ItemFor, LineItem, NatPlace, Price,
    RegionPrices, TierSpan, Unit,
};
use crate::model::{AvailabilityMode, Model, NatConnectivity};

impl Charge {
    /// The unit a charge is priced in, and its price (interface endpoint data: the first tier;
    /// [`bill`] prices each tier on its own).
    fn priced(self, p: &'static RegionPrices) -> (Unit, &'static Price) {
        match self {
            Charge::InterfaceEndpointEni => (Unit::Hour, &p.interface_endpoint_hour),
            Charge::InterfaceEndpointData => (Unit::Gb, &p.interface_endpoint_gb[0].price),
            Charge::GatewayEndpoint => (Unit::Gb, &p.gateway_endpoint),
            Charge::NatGatewayHours => (Unit::Hour, &p.nat_gateway_hour),
            Charge::NatGatewayData => (Unit::Gb, &p.nat_gateway_gb),
            Charge::PublicIpv4 => (Unit::AddressHour, &p.public_ipv4_hour),
            Charge::GwlbHours => (Unit::Hour, &p.gwlb_hour),
            Charge::GwlbCapacity => (Unit::GlcuHour, &p.gwlb_glcu_hour),
            Charge::GwlbEndpointHours => (Unit::Hour, &p.gwlb_endpoint_hour),
            Charge::GwlbEndpointData => (Unit::Gb, &p.gwlb_endpoint_gb),
            Charge::InterAzTransfer => (Unit::Gb, &p.inter_az_gb),
        }
    }
}

/// A line item's identity across edits: the charge and the resource (and AZ, or tier) it is
/// for, compared as it is instead of formatted (a quota-sized bill has a line per public
/// address, and formatting a key for each was a quarter of an estimate after an edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ItemKey<'a> {
    kind: &'static str,
    id: &'a str,
    az: &'a str,
    /// An interface-endpoint data tier: its kind and bound, as bits.
    tier: (u8, u64),
}

impl LineItem {
    /// Identity across edits (see [`ItemKey`]).
    pub fn key(&self) -> ItemKey<'_> {
        fn key<'a>(kind: &'static str, id: &'a str) -> ItemKey<'a> {
            ItemKey {
                kind,
                id,
                az: "",
                tier: (0, 0),
            }
        }
        match &self.what {
            ItemFor::InterfaceEndpointEni { endpoint, az } => ItemKey {
                az,
                ..key("interface_endpoint_eni", endpoint)
            },
            ItemFor::InterfaceEndpointData { tier } => ItemKey {
                tier: match *tier {
                    TierSpan::First(gb) => (0, gb.to_bits()),
                    TierSpan::Next(gb) => (1, gb.to_bits()),
                    TierSpan::Over(gb) => (2, gb.to_bits()),
                },
                ..key("interface_endpoint_data", "")
            },
            ItemFor::GatewayEndpoint { endpoint, .. } => key("gateway_endpoint", endpoint),
            ItemFor::NatGateway { nat, .. } => key("nat_gateway", nat),
            // An Elastic IP of a NAT gateway and an instance's address are both public IPv4.
            ItemFor::NatAddress { nat, .. } => key("public_ipv4", nat),
            ItemFor::NatData { nat, .. } => key("nat_gateway_data", nat),
            ItemFor::PublicAddress { owner } => key("public_ipv4", owner),
            ItemFor::GwlbHours { load_balancer } => key("gwlb", load_balancer),
            ItemFor::GwlbCapacity { load_balancer } => key("gwlb_capacity", load_balancer),
            ItemFor::GwlbEndpoint { endpoint, .. } => key("gwlb_endpoint", endpoint),
            ItemFor::GwlbEndpointData { endpoint, .. } => key("gwlb_endpoint_data", endpoint),
            ItemFor::InterAz {
                direction: Direction::Out,
            } => key("inter_az_out", ""),
            ItemFor::InterAz {
                direction: Direction::In,
            } => key("inter_az_in", ""),
        }
    }
}

/// The bill as it is written: each line priced from its charge, and their total (each line's
/// amount added in the bill's order, from +0.0). The lines themselves are kept only when
/// `lines` is set (a fix's cost delta needs the total alone, and a quota-sized bill has
/// thousands of lines).
pub(super) struct Bill {
    p: &'static RegionPrices,
    lines: bool,
    /// The lines written so far: those before the public addresses' block, then after it.
    written: Vec<LineItem>,
    head: Vec<LineItem>,
    public: (Arc<[LineItem]>, Arc<[Arc<str>]>),
    pub(super) total: f64,
}

impl Bill {
    /// One line: `quantity` of `charge` for `what`; returns its monthly amount.
    fn add(&mut self, charge: Charge, what: impl FnOnce() -> ItemFor, quantity: f64) -> f64 {
        let (unit, price) = charge.priced(self.p);
        self.add_at(charge, what, quantity, unit, price)
    }

    fn add_at(
        &mut self,
        charge: Charge,
        what: impl FnOnce() -> ItemFor,
        quantity: f64,
        unit: Unit,
        price: &'static Price,
    ) -> f64 {
        let monthly = quantity * price.usd;
        self.total += monthly;
        if self.lines {
            self.written
                .push(line(charge, what(), quantity, unit, price));
        }
        monthly
    }

    /// The lines of the public IPv4 addresses of `ids`, `hours` each: `previous`'s block when
    /// it is the one for these ids at this price (shared, not written again).
    fn public(&mut self, ids: &Arc<[Arc<str>]>, hours: f64, previous: Option<&LineItems>) {
        let (unit, price) = Charge::PublicIpv4.priced(self.p);
        let monthly = hours * price.usd;
        for _ in 0..ids.len() {
            self.total += monthly;
        }
        self.head = std::mem::take(&mut self.written);
        if !self.lines {
            return;
        }
        let block = match previous.and_then(|e| e.public_block(ids, hours, price)) {
            Some(kept) => Arc::clone(kept),
            None => ids
                .iter()
                .map(|id| {
                    let what = ItemFor::PublicAddress {
                        owner: Arc::clone(id),
                    };
                    line(Charge::PublicIpv4, what, hours, unit, price)
                })
                .collect(),
        };
        self.public = (block, Arc::clone(ids));
    }

    /// The line items written.
    pub(super) fn items(self) -> LineItems {
        LineItems::new(self.head, self.public, self.written)
    }
}

/// A line: `quantity` of `charge` for `what` at `price`.
fn line(
    charge: Charge,
    what: ItemFor,
    quantity: f64,
    unit: Unit,
    price: &'static Price,
) -> LineItem {
    LineItem {
        charge,
        what,
        quantity,
        unit,
        unit_price: price.usd,
        monthly: quantity * price.usd,
        verified: price.verified,
        source: &price.source,
    }
}

/// What the groups that carry flows (a way, and flows) put through each billed thing, in one
/// pass over the groups (a quota-sized estimate has tens of thousands; six passes over them
/// were most of a bill). Each sum adds the same terms in the same order as a pass of its own
/// would (from `Sum`'s own start), so to the bit.
struct Sums {
    /// GB per gateway endpoint, NAT gateway and GWLB endpoint (by index).
    gb: [Vec<f64>; 3],
    interface_gb: f64,
    cross_az_gb: f64,
    /// Whether a group with flows goes a way that crosses AZs only sometimes.
    crosses_sometimes: bool,
}

impl Sums {
    fn of(groups: &[FlowGroup], usage: Usages<'_>, counts: [usize; 3]) -> Sums {
        let start: f64 = std::iter::empty::<f64>().sum();
        let mut sums = Sums {
            gb: counts.map(|n| vec![0.0; n]),
            interface_gb: start,
            cross_az_gb: start,
            crosses_sometimes: false,
        };
        // Class by class, each row's columns beside the class's groups (as `Usages::iter`
        // gives them, without a flattened iterator's bookkeeping per group: an estimate at 4x
        // the quota model has 40,000 groups).
        let mut at = 0;
        for class in usage.classes {
            let row = &class.per_column;
            let gs = &groups[at.min(groups.len())..(at + row.len()).min(groups.len())];
            at += row.len();
            for (g, r) in gs.iter().zip(row.iter()) {
                let Some(way) = g.way.as_deref().filter(|_| g.flows > 0) else {
                    continue;
                };
                let u = r.as_ref().map_or(&NOTHING, |(u, _)| &**u);
                sums.add(u, way, g.gb);
            }
        }
        sums
    }

    /// One group's GB `total`, used as `u` per GB and going `way`.
    #[inline]
    fn add(&mut self, u: &Usage, way: &super::Way, total: f64) {
        let [gateway, nat, gwlb_endpoint] = &mut self.gb;
        for (gb, list) in [
            (gateway, &u.gateway),
            (nat, &u.nat),
            (gwlb_endpoint, &u.gwlb_endpoint),
        ] {
            if list.is_empty() {
                continue;
            }
            for &(i, x) in list {
                if let Some(at) = gb.get_mut(i) {
                    *at += x * total;
                }
            }
        }
        self.interface_gb += u.interface_gb * total;
        self.cross_az_gb += u.cross_az_gb * total;
        // Once one group does, no other group's way needs asking.
        if !self.crosses_sometimes {
            self.crosses_sometimes = way.crosses_sometimes();
        }
    }
}

/// The line items for `model` whose flows are `groups` (each with its `usage` per GB), and
/// each group's cost per GB set; with `lines` false, only the lines' amounts.
#[allow(clippy::too_many_arguments)]
pub(super) fn bill(
    model: &Model,
    failed: &[bool],
    hours: f64,
    p: &'static RegionPrices,
    groups: &mut [FlowGroup],
    usage: Usages<'_>,
    notes: &mut Vec<CostNote>,
    lines: bool,
    public: &Arc<[Arc<str>]>,
    previous: Option<&LineItems>,
) -> Bill {
    let s = model.scenario();
    let mut bill = Bill {
        p,
        lines,
        written: Vec::new(),
        head: Vec::new(),
        public: Default::default(),
        total: 0.0,
    };
    let sums = Sums::of(
        groups,
        usage,
        [
            s.gateway_endpoints.len(),
            s.nat_gateways.len(),
            s.gwlb_endpoints.len(),
        ],
    );
    let [gateway_gb, nat_gb, gwlb_endpoint_gb] = sums.gb;

    // Interface endpoints: one ENI per subnet, billed per hour in its AZ whether the AZ is up.
    let mut billed_in_failed_az = false;
    let mut not_priced: Vec<String> = Vec::new();
    for (e, ie) in s.interface_endpoints.iter().enumerate() {
        if ie.lattice.is_some() {
            not_priced.push(ie.id.clone());
            continue;
        }
        for eni in model.endpoint_enis(e) {
            billed_in_failed_az |= failed.get(eni.az).copied().unwrap_or(false);
            let what = || ItemFor::InterfaceEndpointEni {
                endpoint: ie.id.clone(),
                az: model.az_name(eni.az).to_string(),
            };
            bill.add(Charge::InterfaceEndpointEni, what, hours);
        }
    }
    if billed_in_failed_az {
        notes.push(CostNote::FailedAzEnisBilled);
    }
    if !not_priced.is_empty() {
        notes.push(CostNote::LatticeEndpointsNotPriced {
            endpoints: not_priced,
        });
    }

    // Gateway endpoints: free; shown with the GB they carry.
    for (ge, &gb) in s.gateway_endpoints.iter().zip(&gateway_gb) {
        let what = || ItemFor::GatewayEndpoint {
            endpoint: ge.id.clone(),
            service: ge.service.clone(),
        };
        bill.add(Charge::GatewayEndpoint, what, gb);
    }

    // NAT gateways: hours (a regional one in every AZ where the VPC has instances), an Elastic
    // IP per public NAT gateway (per AZ for a regional one), and the GB they process.
    // Counted with a flag per AZ: sorting every instance's AZ was a tenth of a bill at 4x.
    // The instances are looked at until every AZ that has a subnet is seen (at 4x the quota
    // model, a few dozen of its 40,000 instances).
    let workload_azs = {
        let mut has_subnet: Vec<bool> = Vec::new();
        for &az in model.subnet_az.iter() {
            if az >= has_subnet.len() {
                has_subnet.resize(az + 1, false);
            }
            has_subnet[az] = true;
        }
        let possible = has_subnet.iter().filter(|&&x| x).count();
        let mut seen: Vec<bool> = vec![false; has_subnet.len()];
        let mut count = 0;
        for &si in model.instance_subnet.iter() {
            let az = model.subnet_az[si];
            if !seen[az] {
                seen[az] = true;
                count += 1;
                if count == possible {
                    break;
                }
            }
        }
        count.max(1)
    };
    for (nat, &gb) in s.nat_gateways.iter().zip(&nat_gb) {
        let (azs, place) = match nat.availability_mode {
            AvailabilityMode::Zonal => {
                let az = nat
                    .subnet
                    .as_deref()
                    .and_then(|x| model.subnet_index(x))
                    .and_then(|si| model.az_index(&s.subnets[si].az))
                    .map(|az| model.az_name(az).to_string());
                (1, NatPlace::Zonal(az))
            }
            AvailabilityMode::Regional => {
                notes.push(CostNote::RegionalNat {
                    nat: nat.id.clone(),
                    azs: workload_azs,
                });
                (workload_azs, NatPlace::Regional(workload_azs))
            }
        };
        let nat_for = |place: &NatPlace| (nat.id.clone(), place.clone());
        let what = || {
            let (nat, place) = nat_for(&place);
            ItemFor::NatGateway { nat, place }
        };
        bill.add(Charge::NatGatewayHours, what, hours * azs as f64);
        if nat.connectivity == NatConnectivity::Public {
            let what = || {
                let (nat, place) = nat_for(&place);
                ItemFor::NatAddress { nat, place }
            };
            bill.add(Charge::PublicIpv4, what, hours * azs as f64);
        }
        if gb > 0.0 {
            let what = || {
                let (nat, place) = nat_for(&place);
                ItemFor::NatData { nat, place }
            };
            bill.add(Charge::NatGatewayData, what, gb);
        }
    }

    // Public IPv4 addresses of instances and of appliance interfaces (NAT instances), whose
    // ids (`public_ids`) are shared between estimates: one block of lines, the estimate
    // before's when it is the same (4x the quota model has 20,000).
    bill.public(public, hours, previous);

    // Gateway Load Balancers and their endpoints.
    let served = |id: &str| {
        s.gateway_load_balancers
            .iter()
            .any(|g| g.endpoints.iter().any(|e| e == id))
    };
    for glb in &s.gateway_load_balancers {
        let lb = || glb.id.clone();
        bill.add(
            Charge::GwlbHours,
            || ItemFor::GwlbHours {
                load_balancer: lb(),
            },
            hours,
        );
        let gb: f64 = s
            .gwlb_endpoints
            .iter()
            .zip(&gwlb_endpoint_gb)
            .filter(|(e, _)| glb.endpoints.contains(&e.id))
            .map(|(_, gb)| gb)
            .sum();
        if gb > 0.0 {
            let what = || ItemFor::GwlbCapacity {
                load_balancer: lb(),
            };
            bill.add(Charge::GwlbCapacity, what, gb / GB_PER_GLCU_HOUR);
        }
    }
    for (ge, &gb) in s.gwlb_endpoints.iter().zip(&gwlb_endpoint_gb) {
        let az = model
            .subnet_index(&ge.subnet)
            .and_then(|si| model.az_index(&s.subnets[si].az))
            .map(|az| model.az_name(az).to_string())
            .unwrap_or_default();
        let what = || ItemFor::GwlbEndpoint {
            endpoint: ge.id.clone(),
            az: az.clone(),
        };
        bill.add(Charge::GwlbEndpointHours, what, hours);
        if gb > 0.0 {
            let what = || ItemFor::GwlbEndpointData {
                endpoint: ge.id.clone(),
                az,
            };
            bill.add(Charge::GwlbEndpointData, what, gb);
        }
        if !served(&ge.id) {
            notes.push(CostNote::UnservedGwlbEndpoint {
                endpoint: ge.id.clone(),
            });
        }
    }

    // Interface endpoint data, tiered on the Region's total.
    let interface_gb = sums.interface_gb;
    let mut interface_cost = 0.0;
    for (t, (tier_gb, price)) in tiers(&p.interface_endpoint_gb, interface_gb)
        .into_iter()
        .enumerate()
    {
        let what = || ItemFor::InterfaceEndpointData {
            tier: tier_span(&p.interface_endpoint_gb, t),
        };
        interface_cost += bill.add_at(
            Charge::InterfaceEndpointData,
            what,
            tier_gb,
            Unit::Gb,
            price,
        );
    }
    let interface_rate = if interface_gb > 0.0 {
        interface_cost / interface_gb
    } else {
        0.0
    };

    // Each GB that crosses AZs is billed twice: out of one AZ and into the other (EC2
    // on-demand pricing, data transfer within a Region). A flow's GB (requests one way,
    // replies the other) cross once each.
    let cross_az_gb = sums.cross_az_gb;
    if cross_az_gb > 0.0 {
        for direction in [Direction::Out, Direction::In] {
            let what = || ItemFor::InterAz { direction };
            bill.add(Charge::InterAzTransfer, what, cross_az_gb);
        }
    }
    if sums.crosses_sometimes {
        notes.push(CostNote::CrossAzSometimes);
    }

    // What one GB of each group adds. Each GWLB endpoint's capacity rate once: a quota-sized
    // estimate has tens of thousands of groups, and finding the load balancer that serves an
    // endpoint by its id for each was most of a bill.
    let glcu_rate: Vec<f64> = s
        .gwlb_endpoints
        .iter()
        .map(|e| match served(&e.id) {
            true => p.gwlb_glcu_hour.usd / GB_PER_GLCU_HOUR,
            false => 0.0,
        })
        .collect();
    let glcu = |g: usize| glcu_rate.get(g).copied().unwrap_or(0.0);
    let per_gb = |u: &Usage| {
        u.interface_gb * interface_rate
            + u.nat
                .iter()
                .map(|&(_, gb)| gb * p.nat_gateway_gb.usd)
                .sum::<f64>()
            + u.gwlb_endpoint
                .iter()
                .map(|&(g, gb)| gb * (p.gwlb_endpoint_gb.usd + glcu(g)))
                .sum::<f64>()
            + 2.0 * u.cross_az_gb * p.inter_az_gb.usd
    };
    set_per_gb(groups, usage, per_gb);
    bill
}

/// Each group's amount per GB, `per_gb` of its usage: a class's groups take theirs from its
/// row, worked out once per distinct row (classes with the same results share one: a few
/// hundred rows for 2,400 classes at 4x the quota model), each column's once per distinct
/// usage ([`PerGb`]).
fn set_per_gb(groups: &mut [FlowGroup], usage: Usages<'_>, per_gb: impl Fn(&Usage) -> f64) {
    let mut cache = PerGb::default();
    let mut by_row: rustc_hash::FxHashMap<*const u8, Vec<f64>> = Default::default();
    let mut at = 0;
    for class in usage.classes {
        let row = &class.per_column;
        let amounts = by_row
            .entry(Arc::as_ptr(row) as *const u8)
            .or_insert_with(|| {
                row.iter()
                    .map(|r| cache.get(r.as_ref().map_or(&NOTHING, |(u, _)| &**u), &per_gb))
                    .collect()
            });
        for (g, &amount) in groups.iter_mut().skip(at).zip(amounts.iter()) {
            g.monthly_per_gb = amount;
        }
        at += row.len();
    }
}

/// What one GB of a usage costs, worked out once per usage of a bill's groups: usages are
/// interned (equal ones share one `Arc`), so tens of thousands of groups at 4x the quota model
/// have a few hundred, and the same usage gives the same amount, to the bit. Kept by address
/// in a small table (a usage whose slot another took is worked out again).
struct PerGb {
    slots: Vec<(*const Usage, f64)>,
}

impl Default for PerGb {
    fn default() -> Self {
        PerGb {
            slots: vec![(std::ptr::null(), 0.0); PerGb::SLOTS],
        }
    }
}

impl PerGb {
    const SLOTS: usize = 1024;

    fn get(&mut self, u: &Usage, per_gb: impl Fn(&Usage) -> f64) -> f64 {
        let at: *const Usage = u;
        // Allocations are at least 8-byte aligned: the bits above those pick the slot.
        let slot = &mut self.slots[(at as usize >> 4) % PerGb::SLOTS];
        if slot.0 != at {
            *slot = (at, per_gb(u));
        }
        slot.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::{CostInputs, flows};
    use crate::model::load_file;

    /// One sum as a pass of its own over the groups that carry flows (what the bill did before
    /// the sums were made in one pass).
    fn alone(groups: &[FlowGroup], usage: Usages<'_>, term: impl Fn(&Usage) -> f64) -> f64 {
        groups
            .iter()
            .zip(usage.iter())
            .filter(|(g, _)| g.way.is_some() && g.flows > 0)
            .map(|(g, u)| term(u) * g.gb)
            .sum()
    }

    /// `f` on each of `files` (shipped scenarios) with no AZ failed, then with each AZ failed
    /// alone: the file's name, its model, which AZs are failed and the model's cost inputs.
    fn each_failure(
        files: &[&str],
        mut f: impl FnMut(&str, &crate::model::Model, &[bool], &CostInputs),
    ) {
        for file in files {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("scenarios")
                .join(file);
            let model = load_file(&path).expect("loads");
            let inputs = CostInputs::for_model(&model);
            let s = model.scenario();
            let mut failures = vec![Vec::new()];
            failures.extend(s.availability_zones.iter().map(|a| vec![a.name.clone()]));
            for failed_names in failures {
                let mut what_if = s.what_if.clone();
                what_if.failed_azs = failed_names;
                f(file, &model, &model.failed_azs(&what_if), &inputs);
            }
        }
    }

    /// The per-GB amount kept by usage is the amount worked out for that usage, whichever
    /// usages came before (more usages than slots, asked in turn and again, so slots are taken
    /// over), and a usage is worked out again only when its slot was taken.
    #[test]
    fn the_amount_per_gb_kept_by_usage_is_the_usage_s_own() {
        let usages: Vec<Arc<Usage>> = (0..3 * PerGb::SLOTS)
            .map(|n| {
                Arc::new(Usage {
                    interface_gb: n as f64 / 7.0,
                    cross_az_gb: (n % 5) as f64 / 3.0,
                    ..Usage::default()
                })
            })
            .collect();
        let amount = |u: &Usage| u.interface_gb * 0.01 + 2.0 * u.cross_az_gb * 0.01;
        let mut cache = PerGb::default();
        let worked = std::cell::Cell::new(0);
        let counted = |u: &Usage| {
            worked.set(worked.get() + 1);
            amount(u)
        };
        for round in 0..3 {
            for (n, u) in usages.iter().enumerate() {
                // Each usage twice in a row: the second time it is kept.
                for _ in 0..2 {
                    let got = cache.get(u, counted);
                    assert_eq!(
                        got.to_bits(),
                        amount(u).to_bits(),
                        "round {round}, usage {n}"
                    );
                }
            }
        }
        // Worked out at most once per usage and round, at least once per usage.
        assert!(worked.get() <= 3 * usages.len() && worked.get() >= usages.len());
    }

    /// Each group's amount per GB set from its class's row is its own usage's (classes share
    /// rows in these scenarios, failed AZ by AZ: the test can fail).
    #[test]
    fn each_group_s_amount_per_gb_is_its_usage_s_whichever_row_it_came_from() {
        let amount = |u: &Usage| {
            u.interface_gb * 0.01
                + 2.0 * u.cross_az_gb * 0.01
                + u.nat
                    .iter()
                    .map(|&(i, gb)| gb * (0.045 + i as f64))
                    .sum::<f64>()
                + u.gateway.len() as f64
        };
        let mut shared = 0;
        each_failure(
            &[
                "interface-multi-az.ron",
                "resilience.ron",
                "nat-single-az.ron",
                "security-layers.ron",
            ],
            |file, model, failed, inputs| {
                let (mut flows, classes, _) =
                    flows::aggregate(model, failed, inputs, None, &mut Vec::new());
                let usage = Usages { classes: &classes };
                set_per_gb(flows.groups_mut(), usage, amount);
                let got: Vec<u64> = flows
                    .groups()
                    .iter()
                    .map(|g| g.monthly_per_gb.to_bits())
                    .collect();
                let want: Vec<u64> = usage.iter().map(|u| amount(u).to_bits()).collect();
                assert_eq!(got, want, "{file}");
                let rows: std::collections::HashSet<*const u8> = classes
                    .iter()
                    .map(|c| Arc::as_ptr(&c.per_column) as *const u8)
                    .collect();
                shared += classes.len() - rows.len();
            },
        );
        assert!(shared > 0);
    }

    #[test]
    fn the_sums_made_in_one_pass_are_those_of_a_pass_each_to_the_bit() {
        let mut seen = [false; 5];
        each_failure(
            &[
                "private-only.ron",
                "nat-single-az.ron",
                "gateway-private-rt.ron",
                "gwlb-inspection.ron",
                "interface-multi-az.ron",
                "regional-nat.ron",
                "resilience.ron",
            ],
            |file, model, failed, inputs| {
                let s = model.scenario();
                let (flows, classes, _) =
                    flows::aggregate(model, failed, inputs, None, &mut Vec::new());
                let groups = flows.groups();
                let counts = [
                    s.gateway_endpoints.len(),
                    s.nat_gateways.len(),
                    s.gwlb_endpoints.len(),
                ];
                let usage = Usages { classes: &classes };
                let sums = Sums::of(groups, usage, counts);
                let bits = |x: f64| x.to_bits();
                let interface = alone(groups, usage, |u| u.interface_gb);
                let cross = alone(groups, usage, |u| u.cross_az_gb);
                assert_eq!(bits(sums.interface_gb), bits(interface), "{file}");
                assert_eq!(bits(sums.cross_az_gb), bits(cross), "{file}");
                let crosses = groups
                    .iter()
                    .any(|g| g.flows > 0 && g.way.as_ref().is_some_and(|w| w.crosses_sometimes()));
                assert_eq!(sums.crosses_sometimes, crosses, "{file}");
                type Kind = fn(&Usage) -> &Vec<(usize, f64)>;
                let kinds: [Kind; 3] = [|u| &u.gateway, |u| &u.nat, |u| &u.gwlb_endpoint];
                for (k, kind) in kinds.into_iter().enumerate() {
                    let mut want = vec![0.0; counts[k]];
                    for (g, u) in groups.iter().zip(usage.iter()) {
                        if g.way.is_some() && g.flows > 0 {
                            for &(i, x) in kind(u) {
                                want[i] += x * g.gb;
                            }
                        }
                    }
                    let got: Vec<u64> = sums.gb[k].iter().map(|&x| bits(x)).collect();
                    let want: Vec<u64> = want.into_iter().map(bits).collect();
                    assert_eq!(got, want, "{file}");
                    seen[k] |= sums.gb[k].iter().any(|&x| x > 0.0);
                }
                seen[3] |= interface > 0.0;
                seen[4] |= cross > 0.0;
            },
        );
        // The scenarios put GB through every kind of thing summed (the test can fail).
        assert_eq!(seen, [true; 5]);
    }
}
