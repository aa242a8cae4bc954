//! The monthly cost of a scenario as edited: fixed charges for what is provisioned, and per-GB
//! charges for the flows the evaluator says go through something that bills (issue 6, cost panel;
//! prices in `assets/prices.ron`, aws-semantics.md §8).
//!
//! Pure: [`estimate`] reads the model, the what-if state and the [`CostInputs`], asks
//! [`crate::eval::evaluate`] which way each flow goes, and returns a [`CostEstimate`]; [`diff`]
//! says what changed between two estimates. Everything a person reads is a fact ([`ItemFor`],
//! [`Way`], [`CostNote`], [`ChangeFact`]) that `explain::cost_*` says in a language. The assumptions are listed in the
//! README ("Cost estimate") and on the items they apply to.

use std::collections::HashMap;

use crate::eval::{self, From, Query, To};
use crate::model::{AvailabilityMode, Model, NatConnectivity, WhatIf};

mod diff;
mod facts;
mod inputs;
mod prices;
mod usage;

use prices::{tier_span, tiers};
use usage::{Usage, class_usage, totals};

pub use diff::{CostChange, diff, signed};
pub use facts::*;
pub use inputs::CostInputs;
pub use prices::{Price, PriceBook, RegionPrices, Tier, prices};

/// Hours in a month unless the user says otherwise (AWS's own convention, aws-semantics.md §8).
pub const DEFAULT_HOURS_PER_MONTH: u32 = 730;

/// GB per month for a flow nobody has given a figure for.
pub const DEFAULT_GB_PER_FLOW: f64 = 100.0;

/// A Gateway Load Balancer capacity unit covers this many GB processed in an hour. Only the bytes
/// dimension is modelled (new and active connections are not), so GLCU-hours = GB / this.
pub const GB_PER_GLCU_HOUR: f64 = 1.0;

/// What a line item charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Charge {
    /// One interface endpoint's ENI (one AZ), per hour.
    InterfaceEndpointEni,
    /// Data processed by interface endpoints, one tier.
    InterfaceEndpointData,
    /// A gateway endpoint and the GB through it: no charge.
    GatewayEndpoint,
    NatGatewayHours,
    NatGatewayData,
    PublicIpv4,
    GwlbHours,
    GwlbCapacity,
    GwlbEndpointHours,
    GwlbEndpointData,
    InterAzTransfer,
}

impl Charge {
    /// Charges for being provisioned (per hour), as opposed to charges per GB of traffic.
    pub fn is_fixed(self) -> bool {
        matches!(
            self,
            Charge::InterfaceEndpointEni
                | Charge::GatewayEndpoint
                | Charge::NatGatewayHours
                | Charge::PublicIpv4
                | Charge::GwlbHours
                | Charge::GwlbEndpointHours
        )
    }
}

/// One line of the bill.
#[derive(Debug, Clone, PartialEq)]
pub struct LineItem {
    pub charge: Charge,
    /// Identity across edits: the charge and the resource (and AZ) it is for.
    pub key: String,
    /// What it is for (which endpoint, NAT gateway, ... and which AZ).
    pub what: ItemFor,
    pub quantity: f64,
    pub unit: Unit,
    pub unit_price: f64,
    /// `quantity × unit_price`, unrounded.
    pub monthly: f64,
    pub verified: bool,
    pub source: String,
}

/// One flow: which way it goes and what its traffic costs.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowCost {
    pub instance: String,
    pub service: String,
    pub gb: f64,
    /// Which way it goes: through a NAT gateway across AZs, through a gateway endpoint, ...
    pub way: Way,
    /// GB of the flow billed as inter-AZ transfer.
    pub cross_az_gb: f64,
    /// What the flow adds to the per-GB line items (interface-endpoint data at the Region's
    /// average tier rate).
    pub monthly: f64,
}

/// The estimate for one model and what-if state.
#[derive(Debug, Clone, PartialEq)]
pub struct CostEstimate {
    pub region: String,
    pub currency: String,
    pub hours_per_month: u32,
    pub items: Vec<LineItem>,
    pub flows: Vec<FlowCost>,
    /// The sum of the items' `monthly`.
    pub total: f64,
    /// Assumptions that shaped this estimate, and anything left unpriced.
    pub notes: Vec<CostNote>,
}

impl CostEstimate {
    /// Whether any amount rests on a number not verified against AWS's page.
    pub fn has_unverified(&self) -> bool {
        self.items.iter().any(|i| !i.verified && i.monthly != 0.0)
    }
}

/// Estimate the month. Flows from instances whose AZ has failed, and blocked flows, carry no
/// traffic; everything provisioned is billed whether its AZ has failed or not.
pub fn estimate(model: &Model, what_if: &WhatIf, inputs: &CostInputs) -> CostEstimate {
    let s = model.scenario();
    let book = prices();
    let region = s.region.clone();
    let hours = f64::from(inputs.hours_per_month);
    let failed = model.failed_azs(what_if);
    let mut notes = Vec::new();

    // Which way each flow goes. Instances that share a subnet and public-IP state share every
    // path (as in the matrix), so each such class is evaluated once per service, and what it
    // uses per GB is worked out once: every charge is linear in the GB, so a flow's usage is
    // its class's usage per GB times its GB. A quota-sized model has 10,000 instances.
    let mut classes: HashMap<(usize, bool, String), Option<(Usage, Way)>> = HashMap::new();
    let mut flows: Vec<(FlowCost, Usage)> = Vec::new();
    for (instance, service) in inputs.flows(model) {
        let gb = inputs.gb(&instance, &service);
        let Some(inst) = model.instance_index(&instance).map(|i| &s.instances[i]) else {
            note(
                &mut notes,
                CostNote::NoInstance {
                    instance: instance.clone(),
                },
            );
            continue;
        };
        let Some(subnet) = model.subnet_index(&inst.subnet) else {
            continue;
        };
        let key = (subnet, inst.public_ip, service);
        if !classes.contains_key(&key) {
            let query = Query {
                from: From::Subnet {
                    subnet: inst.subnet.clone(),
                    public_ip: inst.public_ip,
                },
                to: To::Service(key.2.clone()),
                probe: Default::default(),
            };
            let class = eval::evaluate(model, what_if, &query)
                .ok()
                .map(|trace| class_usage(model, &failed, subnet, &trace));
            classes.insert(key.clone(), class);
        }
        let service = key.2;
        let Some(Some((unit, way))) = classes.get(&(key.0, key.1, service.clone())) else {
            note(&mut notes, CostNote::NoService { service });
            continue;
        };
        let usage = unit.scaled(gb);
        let flow = FlowCost {
            instance,
            service,
            gb,
            way: way.clone(),
            cross_az_gb: usage.cross_az_gb,
            monthly: 0.0,
        };
        flows.push((flow, usage));
    }

    let Some(p) = book.regions.get(&region) else {
        notes.push(CostNote::NoPrices {
            region: region.clone(),
            priced: book.regions.keys().cloned().collect(),
        });
        return CostEstimate {
            region,
            currency: book.currency.clone(),
            hours_per_month: inputs.hours_per_month,
            items: Vec::new(),
            flows: flows.into_iter().map(|(f, _)| f).collect(),
            total: 0.0,
            notes,
        };
    };

    let mut items = Vec::new();
    let item = |charge, key: String, what: ItemFor, quantity: f64, unit, price: &Price| LineItem {
        charge,
        key,
        what,
        quantity,
        unit,
        unit_price: price.usd,
        monthly: quantity * price.usd,
        verified: price.verified,
        source: price.source.clone(),
    };

    let gateway_gb = totals(&flows, |u| &u.gateway, s.gateway_endpoints.len());
    let nat_gb = totals(&flows, |u| &u.nat, s.nat_gateways.len());
    let gwlb_endpoint_gb = totals(&flows, |u| &u.gwlb_endpoint, s.gwlb_endpoints.len());

    // Interface endpoints: one ENI per subnet, billed per hour in its AZ whether the AZ is up.
    let mut billed_in_failed_az = false;
    for (e, ie) in s.interface_endpoints.iter().enumerate() {
        for eni in model.endpoint_enis(e) {
            billed_in_failed_az |= failed.get(eni.az).copied().unwrap_or(false);
            let az = model.az_name(eni.az);
            items.push(item(
                Charge::InterfaceEndpointEni,
                format!("interface_endpoint_eni:{}:{az}", ie.id),
                ItemFor::InterfaceEndpointEni {
                    endpoint: ie.id.clone(),
                    az: az.to_string(),
                },
                hours,
                Unit::Hour,
                &p.interface_endpoint_hour,
            ));
        }
    }
    if billed_in_failed_az {
        notes.push(CostNote::FailedAzEnisBilled);
    }

    // Gateway endpoints: free; shown with the GB they carry.
    for (g, ge) in s.gateway_endpoints.iter().enumerate() {
        let gb = gateway_gb[g];
        items.push(item(
            Charge::GatewayEndpoint,
            format!("gateway_endpoint:{}", ge.id),
            ItemFor::GatewayEndpoint {
                endpoint: ge.id.clone(),
                service: ge.service.clone(),
            },
            gb,
            Unit::Gb,
            &p.gateway_endpoint,
        ));
    }

    // NAT gateways: hours (a regional one in every AZ where the VPC has instances), an Elastic
    // IP per public NAT gateway (per AZ for a regional one), and the GB they process.
    let workload_azs = {
        let mut azs: Vec<usize> = s
            .instances
            .iter()
            .filter_map(|i| model.subnet_index(&i.subnet))
            .filter_map(|si| model.az_index(&s.subnets[si].az))
            .collect();
        azs.sort_unstable();
        azs.dedup();
        azs.len().max(1)
    };
    for (n, nat) in s.nat_gateways.iter().enumerate() {
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
        items.push(item(
            Charge::NatGatewayHours,
            format!("nat_gateway:{}", nat.id),
            ItemFor::NatGateway {
                nat: nat.id.clone(),
                place: place.clone(),
            },
            hours * azs as f64,
            Unit::Hour,
            &p.nat_gateway_hour,
        ));
        if nat.connectivity == NatConnectivity::Public {
            items.push(item(
                Charge::PublicIpv4,
                format!("public_ipv4:{}", nat.id),
                ItemFor::NatAddress {
                    nat: nat.id.clone(),
                    place: place.clone(),
                },
                hours * azs as f64,
                Unit::AddressHour,
                &p.public_ipv4_hour,
            ));
        }
        let gb = nat_gb[n];
        if gb > 0.0 {
            items.push(item(
                Charge::NatGatewayData,
                format!("nat_gateway_data:{}", nat.id),
                ItemFor::NatData {
                    nat: nat.id.clone(),
                    place,
                },
                gb,
                Unit::Gb,
                &p.nat_gateway_gb,
            ));
        }
    }

    // Public IPv4 addresses of instances and of appliance interfaces (NAT instances).
    let public = s
        .instances
        .iter()
        .filter(|i| i.public_ip)
        .map(|i| &i.id)
        .chain(
            s.network_interfaces
                .iter()
                .filter(|n| n.public_ip)
                .map(|n| &n.id),
        );
    for id in public {
        items.push(item(
            Charge::PublicIpv4,
            format!("public_ipv4:{id}"),
            ItemFor::PublicAddress { owner: id.clone() },
            hours,
            Unit::AddressHour,
            &p.public_ipv4_hour,
        ));
    }

    // Gateway Load Balancers and their endpoints.
    for glb in &s.gateway_load_balancers {
        items.push(item(
            Charge::GwlbHours,
            format!("gwlb:{}", glb.id),
            ItemFor::GwlbHours {
                load_balancer: glb.id.clone(),
            },
            hours,
            Unit::Hour,
            &p.gwlb_hour,
        ));
        let gb: f64 = s
            .gwlb_endpoints
            .iter()
            .enumerate()
            .filter(|(_, e)| glb.endpoints.contains(&e.id))
            .map(|(g, _)| gwlb_endpoint_gb[g])
            .sum();
        if gb > 0.0 {
            items.push(item(
                Charge::GwlbCapacity,
                format!("gwlb_capacity:{}", glb.id),
                ItemFor::GwlbCapacity {
                    load_balancer: glb.id.clone(),
                },
                gb / GB_PER_GLCU_HOUR,
                Unit::GlcuHour,
                &p.gwlb_glcu_hour,
            ));
        }
    }
    let served = |id: &str| {
        s.gateway_load_balancers
            .iter()
            .any(|g| g.endpoints.iter().any(|e| e == id))
    };
    for (g, ge) in s.gwlb_endpoints.iter().enumerate() {
        let az = model
            .subnet_index(&ge.subnet)
            .and_then(|si| model.az_index(&s.subnets[si].az))
            .map(|az| model.az_name(az).to_string())
            .unwrap_or_default();
        items.push(item(
            Charge::GwlbEndpointHours,
            format!("gwlb_endpoint:{}", ge.id),
            ItemFor::GwlbEndpoint {
                endpoint: ge.id.clone(),
                az: az.clone(),
            },
            hours,
            Unit::Hour,
            &p.gwlb_endpoint_hour,
        ));
        let gb = gwlb_endpoint_gb[g];
        if gb > 0.0 {
            items.push(item(
                Charge::GwlbEndpointData,
                format!("gwlb_endpoint_data:{}", ge.id),
                ItemFor::GwlbEndpointData {
                    endpoint: ge.id.clone(),
                    az,
                },
                gb,
                Unit::Gb,
                &p.gwlb_endpoint_gb,
            ));
        }
        if !served(&ge.id) {
            notes.push(CostNote::UnservedGwlbEndpoint {
                endpoint: ge.id.clone(),
            });
        }
    }

    // Interface endpoint data, tiered on the Region's total.
    let interface_gb: f64 = flows.iter().map(|(_, u)| u.interface_gb).sum();
    let mut interface_cost = 0.0;
    for (t, (tier_gb, price)) in tiers(&p.interface_endpoint_gb, interface_gb)
        .into_iter()
        .enumerate()
    {
        let it = item(
            Charge::InterfaceEndpointData,
            format!("interface_endpoint_data:{t}"),
            ItemFor::InterfaceEndpointData {
                tier: tier_span(&p.interface_endpoint_gb, t),
            },
            tier_gb,
            Unit::Gb,
            price,
        );
        interface_cost += it.monthly;
        items.push(it);
    }
    let interface_rate = if interface_gb > 0.0 {
        interface_cost / interface_gb
    } else {
        0.0
    };

    // Each GB that crosses AZs is billed twice: out of one AZ and into the other (EC2
    // on-demand pricing, data transfer within a Region). A flow's GB (requests one way,
    // replies the other) cross once each.
    let cross_az_gb: f64 = flows.iter().map(|(_, u)| u.cross_az_gb).sum();
    if cross_az_gb > 0.0 {
        for (direction, key) in [
            (Direction::Out, "inter_az_out"),
            (Direction::In, "inter_az_in"),
        ] {
            items.push(item(
                Charge::InterAzTransfer,
                key.into(),
                ItemFor::InterAz { direction },
                cross_az_gb,
                Unit::Gb,
                &p.inter_az_gb,
            ));
        }
    }
    if flows.iter().any(|(f, _)| f.way.crosses_sometimes()) {
        notes.push(CostNote::CrossAzSometimes);
    }

    // What each flow adds.
    let glcu = |g: usize| {
        if served(&s.gwlb_endpoints[g].id) {
            p.gwlb_glcu_hour.usd / GB_PER_GLCU_HOUR
        } else {
            0.0
        }
    };
    let flows = flows
        .into_iter()
        .map(|(mut f, u)| {
            f.monthly = u.interface_gb * interface_rate
                + u.nat
                    .iter()
                    .map(|&(_, gb)| gb * p.nat_gateway_gb.usd)
                    .sum::<f64>()
                + u.gwlb_endpoint
                    .iter()
                    .map(|&(g, gb)| gb * (p.gwlb_endpoint_gb.usd + glcu(g)))
                    .sum::<f64>()
                + 2.0 * u.cross_az_gb * p.inter_az_gb.usd;
            f
        })
        .collect();

    let total = items.iter().map(|i| i.monthly).sum();
    CostEstimate {
        region,
        currency: book.currency.clone(),
        hours_per_month: inputs.hours_per_month,
        items,
        flows,
        total,
        notes,
    }
}

/// Add a note once.
fn note(notes: &mut Vec<CostNote>, n: CostNote) {
    if !notes.contains(&n) {
        notes.push(n);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{Edit, GatewayEndpoint, load_file};
    use crate::model::{Model, WhatIf};

    fn load(name: &str) -> Model {
        load_file(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("scenarios")
                .join(name),
        )
        .expect("scenario loads")
    }

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-6,
            "expected {expected}, got {actual}"
        );
    }

    fn sum(e: &CostEstimate, charge: Charge) -> f64 {
        e.items
            .iter()
            .filter(|i| i.charge == charge)
            .map(|i| i.monthly)
            .sum()
    }

    fn flow<'a>(e: &'a CostEstimate, instance: &str, service: &str) -> &'a FlowCost {
        e.flows
            .iter()
            .find(|f| f.instance == instance && f.service == service)
            .unwrap_or_else(|| panic!("no flow {service} for {instance}"))
    }

    /// The way a flow goes, in English.
    fn way(f: &FlowCost) -> String {
        crate::explain::cost_way(crate::explain::Lang::En, &f.way)
    }

    fn note_text(n: &CostNote) -> String {
        crate::explain::cost_note(crate::explain::Lang::En, n)
    }

    fn what_if(failed: &[&str]) -> WhatIf {
        WhatIf {
            failed_azs: failed.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn the_price_file_parses_and_prices_every_region_it_must() {
        let book = prices();
        assert_eq!(book.currency, "USD");
        for region in ["us-east-1", "ap-northeast-1"] {
            let p = &book.regions[region];
            let mut all = vec![
                &p.interface_endpoint_hour,
                &p.gateway_endpoint,
                &p.nat_gateway_hour,
                &p.nat_gateway_gb,
                &p.public_ipv4_hour,
                &p.gwlb_hour,
                &p.gwlb_glcu_hour,
                &p.gwlb_endpoint_hour,
                &p.gwlb_endpoint_gb,
                &p.inter_az_gb,
            ];
            all.extend(p.interface_endpoint_gb.iter().map(|t| &t.price));
            for price in all {
                assert!(price.usd >= 0.0);
                assert!(price.source.starts_with("https://"), "{price:?}");
                assert_eq!(price.read.len(), 10, "read is a date: {price:?}");
                // Verified means read on AWS's own page.
                if price.verified {
                    assert!(
                        price.source.starts_with("https://aws.amazon.com/")
                            || price.source.starts_with("https://docs.aws.amazon.com/"),
                        "{price:?}"
                    );
                    assert!(!price.note.is_empty(), "say what was read: {price:?}");
                }
            }
            // Tiers ascend, and the last one is open.
            let bounds: Vec<Option<f64>> =
                p.interface_endpoint_gb.iter().map(|t| t.up_to_gb).collect();
            assert_eq!(bounds.last(), Some(&None));
            assert!(bounds.windows(2).all(|w| match (w[0], w[1]) {
                (Some(a), Some(b)) => a < b,
                (Some(_), None) => true,
                _ => false,
            }));
            assert_eq!(p.gateway_endpoint.usd, 0.0);
        }
    }

    #[test]
    fn interface_endpoint_data_is_priced_by_tier() {
        let t = &prices().regions["us-east-1"].interface_endpoint_gb;
        const PB: f64 = 1_048_576.0;
        // 2 PB: the first 1 PB at 0.01, the next 1 PB at 0.006
        //   = 1,048,576 × 0.01 + 1,048,576 × 0.006 = 10,485.76 + 6,291.456 = 16,777.216.
        let cost: f64 = tiers(t, 2.0 * PB).iter().map(|(gb, p)| gb * p.usd).sum();
        close(cost, 16_777.216);
        // 6 PB: 1 PB at 0.01 + 4 PB at 0.006 + 1 PB at 0.004
        //   = 10,485.76 + 25,165.824 + 4,194.304 = 39,845.888.
        let cost: f64 = tiers(t, 6.0 * PB).iter().map(|(gb, p)| gb * p.usd).sum();
        close(cost, 39_845.888);
        assert!(tiers(t, 0.0).is_empty());
        assert_eq!(tier_span(t, 0), TierSpan::First(1.0));
        assert_eq!(tier_span(t, 1), TierSpan::Next(4.0));
        assert_eq!(tier_span(t, 2), TierSpan::Over(5.0));
    }

    #[test]
    fn default_inputs_cover_the_services_the_scenario_is_about() {
        let m = load("private-only.ron");
        let inputs = CostInputs::for_model(&m);
        assert_eq!(inputs.hours_per_month, 730);
        assert_eq!(inputs.default_gb_per_flow, 100.0);
        // Gateway endpoints, interface endpoints, then the expectations' other services.
        assert_eq!(
            inputs.services,
            [
                "s3",
                "dynamodb",
                "ssm",
                "ssmmessages",
                "ec2messages",
                "sqs",
                "logs",
                "sns",
                "kms"
            ]
        );
        let w = CostInputs::for_model(&load("workloads.ron"));
        assert!(
            w.services.iter().any(|s| s == "ecr.dkr"),
            "{:?}",
            w.services
        );
    }

    #[test]
    fn private_only_pays_for_interface_endpoints_only() {
        let m = load("private-only.ron");
        let e = estimate(&m, &WhatIf::default(), &CostInputs::for_model(&m));
        // Fixed: 5 interface endpoints × 3 AZs = 15 ENIs × 730 h × 0.01 = 109.50.
        close(sum(&e, Charge::InterfaceEndpointEni), 109.50);
        assert_eq!(
            e.items
                .iter()
                .filter(|i| i.charge == Charge::InterfaceEndpointEni)
                .count(),
            15
        );
        // Gateway endpoints: 2 items at 0, carrying 3 instances × 100 GB each.
        let s3 = e
            .items
            .iter()
            .find(|i| i.key == "gateway_endpoint:vpce-s3")
            .unwrap();
        close(s3.quantity, 300.0);
        close(s3.monthly, 0.0);
        assert!(s3.verified);
        // No NAT gateway, no public IPv4 address, no GWLB.
        for c in [
            Charge::NatGatewayHours,
            Charge::PublicIpv4,
            Charge::GwlbHours,
        ] {
            close(sum(&e, c), 0.0);
        }
        // Data: 3 instances × 5 interface-endpoint services × 100 GB = 1,500 GB × 0.01 = 15.00.
        close(sum(&e, Charge::InterfaceEndpointData), 15.00);
        // Each instance has 1 ENI in its own AZ out of 3 (cross-AZ sometimes): 2/3 of its
        // traffic crosses AZs. 1,500 GB × 2/3 = 1,000 GB, billed out of one AZ and into the
        // other: 2 × 1,000 × 0.01 = 20.00, as two line items.
        close(sum(&e, Charge::InterAzTransfer), 20.00);
        assert_eq!(
            e.items
                .iter()
                .filter(|i| i.charge == Charge::InterAzTransfer)
                .count(),
            2
        );
        // Total: 109.50 + 15.00 + 20.00 = 144.50.
        close(e.total, 144.50);

        let ssm = flow(&e, "i-app-a", "ssm");
        assert_eq!(way(ssm), "via interface endpoint (cross-AZ sometimes)");
        // 100 GB × 0.01 + 66.67 GB × 2 × 0.01 = 2.3333.
        close(ssm.monthly, 1.0 + 2.0 * 200.0 / 3.0 * 0.01);
        assert_eq!(way(flow(&e, "i-app-a", "s3")), "via gateway endpoint");
        close(flow(&e, "i-app-a", "s3").monthly, 0.0);
        assert_eq!(way(flow(&e, "i-app-a", "sns")), "blocked (no_route)");
        // Flows add up to the per-GB items.
        let per_gb: f64 = e
            .items
            .iter()
            .filter(|i| !i.charge.is_fixed())
            .map(|i| i.monthly)
            .sum();
        close(e.flows.iter().map(|f| f.monthly).sum(), per_gb);
        assert!(e.has_unverified());
    }

    #[test]
    fn a_failed_az_stops_traffic_but_not_the_bill_for_what_is_provisioned() {
        let m = load("private-only.ron");
        let e = estimate(&m, &what_if(&["us-east-1a"]), &CostInputs::for_model(&m));
        // Still 15 ENIs billed: 109.50.
        close(sum(&e, Charge::InterfaceEndpointEni), 109.50);
        assert!(
            e.notes
                .iter()
                .map(note_text)
                .any(|n| n.contains("still billed"))
        );
        // app-a is down: 2 instances × 5 services × 100 GB = 1,000 GB × 0.01 = 10.00. Each now
        // picks among the ENIs in b and c, one of them its own: 1/2 crosses.
        // 1,000 GB × 1/2 = 500 GB, both directions: 2 × 500 × 0.01 = 10.00.
        close(sum(&e, Charge::InterfaceEndpointData), 10.00);
        close(sum(&e, Charge::InterAzTransfer), 10.00);
        assert_eq!(
            way(flow(&e, "i-app-a", "ssm")),
            "unavailable (source_az_failed)"
        );
        close(e.total, 109.50 + 10.00 + 10.00);
    }

    #[test]
    fn nat_single_az_pays_hours_addresses_processing_and_the_trip_to_another_az() {
        let m = load("nat-single-az.ron");
        let inputs = CostInputs::for_model(&m);
        assert_eq!(inputs.services, ["sns"]);
        let e = estimate(&m, &WhatIf::default(), &inputs);
        // 2 NAT gateways × 730 h × 0.045 = 65.70.
        close(sum(&e, Charge::NatGatewayHours), 65.70);
        // Public IPv4: the 2 NAT gateways' Elastic IPs + web-c's address = 3 × 730 × 0.005 = 10.95.
        close(sum(&e, Charge::PublicIpv4), 10.95);
        // app-a → nat-a, app-b → nat-b, app-c → nat-a: 300 GB × 0.045 = 13.50.
        close(sum(&e, Charge::NatGatewayData), 13.50);
        let nat_a = e
            .items
            .iter()
            .find(|i| i.key == "nat_gateway_data:nat-a")
            .unwrap();
        close(nat_a.quantity, 200.0);
        // app-c (us-east-1c) to nat-a (us-east-1a): 100 GB, out and in: 2 × 100 × 0.01 = 2.00.
        close(sum(&e, Charge::InterAzTransfer), 2.00);
        // Total: 65.70 + 10.95 + 13.50 + 2.00 = 92.15.
        close(e.total, 92.15);

        assert_eq!(way(flow(&e, "i-app-a", "sns")), "via NAT gateway");
        close(flow(&e, "i-app-a", "sns").monthly, 4.50);
        assert_eq!(
            way(flow(&e, "i-app-c", "sns")),
            "via NAT gateway (cross-AZ)"
        );
        close(flow(&e, "i-app-c", "sns").monthly, 6.50);
        // web-c uses its own public IPv4 address: no processing charge.
        assert_eq!(way(flow(&e, "i-web-c", "sns")), "via internet gateway");
        close(flow(&e, "i-web-c", "sns").monthly, 0.0);

        // us-east-1a fails: app-a is down, app-c is blocked; nat-a is still billed.
        let down = estimate(&m, &what_if(&["us-east-1a"]), &inputs);
        // Fixed: 65.70 + 10.95 = 76.65; processing: app-b only, 100 GB × 0.045 = 4.50.
        close(down.total, 76.65 + 4.50);
        assert_eq!(
            way(flow(&down, "i-app-c", "sns")),
            "blocked (nat_az_failed)"
        );
    }

    #[test]
    fn hours_and_gb_come_from_the_inputs() {
        let m = load("nat-single-az.ron");
        let mut inputs = CostInputs::for_model(&m);
        inputs.hours_per_month = 24;
        inputs
            .flow_gb
            .insert(("i-app-c".into(), "sns".into()), 1024.0);
        inputs.flow_gb.insert(("i-app-b".into(), "sns".into()), 0.0);
        let e = estimate(&m, &WhatIf::default(), &inputs);
        // 2 NAT × 24 h × 0.045 = 2.16; 3 addresses × 24 h × 0.005 = 0.36.
        close(sum(&e, Charge::NatGatewayHours), 2.16);
        close(sum(&e, Charge::PublicIpv4), 0.36);
        // app-a 100 GB + app-c 1,024 GB through nat-a: 1,124 × 0.045 = 50.58; app-b switched off.
        close(sum(&e, Charge::NatGatewayData), 50.58);
        // app-c's 1,024 GB cross to us-east-1a, billed out and in: 20.48.
        close(sum(&e, Charge::InterAzTransfer), 20.48);
    }

    #[test]
    fn the_diff_of_a_gateway_endpoint_reads_as_the_lesson_says() {
        let m = load("nat-single-az.ron");
        let mut inputs = CostInputs::for_model(&m);
        inputs.services.push("s3".into());
        let before = estimate(&m, &WhatIf::default(), &inputs);
        let (after_model, _) = Edit::AddGatewayEndpoint {
            endpoint: GatewayEndpoint {
                id: "vpce-s3".into(),
                service: "s3".into(),
                route_tables: vec!["rtb-private-shared".into(), "rtb-private-b".into()],
            },
            position: None,
        }
        .apply(&m)
        .expect("edit applies");
        let after = estimate(&after_model, &WhatIf::default(), &inputs);
        let lines: Vec<String> = diff(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "+1 gateway endpoint vpce-s3 (s3, no charge): +0.00 USD/month",
                // 100 GB × 0.045 NAT processing no longer paid.
                "s3 for i-app-a: via NAT gateway \u{2192} via gateway endpoint: \u{2212}4.50 USD/month at 100 GB",
                "s3 for i-app-b: via NAT gateway \u{2192} via gateway endpoint: \u{2212}4.50 USD/month at 100 GB",
                // 100 GB × (0.045 + 2 × 0.01 inter-AZ, out and in): −6.50.
                "s3 for i-app-c: via NAT gateway (cross-AZ) \u{2192} via gateway endpoint: \u{2212}6.50 USD/month at 100 GB",
            ]
        );
        // The deltas add up to the change of the total: −15.50.
        let delta: f64 = diff(&before, &after).iter().map(|c| c.delta).sum();
        close(delta, after.total - before.total);
        close(delta, -15.50);
    }

    #[test]
    fn the_diff_of_an_eni_shows_the_hours_and_the_traffic_it_moves() {
        let m = load("interface-single-az.ron");
        let mut inputs = CostInputs::for_model(&m);
        inputs.services = vec!["ssm".into()];
        let before = estimate(&m, &WhatIf::default(), &inputs);
        let (after_model, _) = Edit::AddEndpointSubnet {
            endpoint: "vpce-ssm".into(),
            subnet: crate::model::EndpointSubnet {
                subnet: "subnet-private-c".into(),
                ip: None,
            },
            position: None,
        }
        .apply(&m)
        .expect("edit applies");
        let after = estimate(&after_model, &WhatIf::default(), &inputs);
        let changes = diff(&before, &after);
        // The facts: which endpoint's ENI, in which AZ; which flow went which way.
        assert_eq!(
            changes[0].fact,
            ChangeFact::Added(ItemFor::InterfaceEndpointEni {
                endpoint: "vpce-ssm".into(),
                az: "us-east-1c".into(),
            })
        );
        let sometimes = Way::Reachable {
            through: vec![Through::InterfaceEndpoint],
            crossing: Crossing::Sometimes,
        };
        assert!(matches!(
            &changes[1].fact,
            ChangeFact::FlowWay { instance, after, .. } if instance == "i-app-a" && *after == sometimes
        ));
        let lines: Vec<String> = changes.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            lines,
            [
                // 730 h × 0.01 = 7.30.
                "+1 ENI of interface endpoint vpce-ssm in us-east-1c: +7.30 USD/month",
                // app-a: its own ENI only (never) → a and c in the answer: half of 100 GB
                // crosses, out and in: 2 × 50 × 0.01 = +1.00. One ENI per AZ does not keep
                // traffic in the AZ.
                "ssm for i-app-a: via interface endpoint \u{2192} via interface endpoint (cross-AZ sometimes): +1.00 USD/month at 100 GB",
                // app-b had no ENI in its AZ and still has none: 100 GB crosses either way.
                // app-c: always (100 GB) → sometimes (50 GB), both directions: −1.00.
                "ssm for i-app-c: via interface endpoint (cross-AZ) \u{2192} via interface endpoint (cross-AZ sometimes): \u{2212}1.00 USD/month at 100 GB",
            ]
        );
        close(after.total - before.total, 7.30);
    }

    #[test]
    fn the_diff_of_an_az_failure_lists_the_flows_it_stops() {
        let m = load("nat-single-az.ron");
        let inputs = CostInputs::for_model(&m);
        let before = estimate(&m, &WhatIf::default(), &inputs);
        let after = estimate(&m, &what_if(&["us-east-1a"]), &inputs);
        let lines: Vec<String> = diff(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        // Nothing provisioned changes; two flows stop.
        assert_eq!(
            lines,
            [
                "sns for i-app-a: via NAT gateway \u{2192} unavailable (source_az_failed): \u{2212}4.50 USD/month at 100 GB",
                "sns for i-app-c: via NAT gateway (cross-AZ) \u{2192} blocked (nat_az_failed): \u{2212}6.50 USD/month at 100 GB",
            ]
        );
    }

    #[test]
    fn tokyo_is_priced_with_tokyo_prices() {
        let m = load("gateway-dynamodb.ron");
        assert_eq!(m.scenario().region, "ap-northeast-1");
        let inputs = CostInputs {
            services: vec!["sqs".into()],
            ..CostInputs::default()
        };
        let before = estimate(&m, &WhatIf::default(), &inputs);
        close(before.total, 0.0);
        let (after_model, _) = Edit::AddInterfaceEndpoint {
            endpoint: crate::model::InterfaceEndpoint {
                security_groups: Vec::new(),
                id: "vpce-sqs".into(),
                service: "sqs".into(),
                subnets: vec![crate::model::EndpointSubnet {
                    subnet: "subnet-private-a".into(),
                    ip: None,
                }],
                private_dns: true,
                private_dns_only_for_inbound_resolver_endpoint: false,
                region: None,
            },
            position: None,
        }
        .apply(&m)
        .expect("edit applies");
        let after = estimate(&after_model, &WhatIf::default(), &inputs);
        let lines: Vec<String> = diff(&before, &after)
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                // Tokyo's ENI-hour: 730 × 0.014 = 10.22.
                "+1 ENI of interface endpoint vpce-sqs in ap-northeast-1a: +10.22 USD/month",
                // 100 GB × 0.01 data processing.
                "sqs for i-app-a: blocked (no_route) \u{2192} via interface endpoint: +1.00 USD/month at 100 GB",
                // The others have no ENI in their AZ: + 100 GB × 0.01 inter-AZ, out and in = 3.00.
                "sqs for i-app-c: blocked (no_route) \u{2192} via interface endpoint (cross-AZ): +3.00 USD/month at 100 GB",
                "sqs for i-data-d: blocked (no_route) \u{2192} via interface endpoint (cross-AZ): +3.00 USD/month at 100 GB",
            ]
        );
        // 10.22 + 1.00 + 3.00 + 3.00 = 17.22.
        close(after.total, 17.22);
    }

    #[test]
    fn gwlb_inspection_pays_the_endpoint_and_the_nat() {
        let m = load("gwlb-inspection.ron");
        let mut inputs = CostInputs::for_model(&m);
        inputs.services = vec!["sns".into()];
        let e = estimate(&m, &WhatIf::default(), &inputs);
        // app-a: 100 GB through vpce-gwlb-a (0.0035) and nat-a (0.045), all in us-east-1a:
        // 100 × 0.0485 = 4.85. The scenario has no Gateway Load Balancer, so no GLCUs (a note).
        let a = flow(&e, "i-app-a", "sns");
        assert_eq!(way(a), "via GWLB endpoint, then NAT gateway");
        close(a.monthly, 4.85);
        assert!(
            e.notes
                .iter()
                .map(note_text)
                .any(|n| n.contains("no Gateway Load Balancer"))
        );
        // app-c (us-east-1c) borrows us-east-1a's endpoint: + 100 GB × 0.01 inter-AZ, out and
        // in = 6.85.
        let c = flow(&e, "i-app-c", "sns");
        assert_eq!(way(c), "via GWLB endpoint, then NAT gateway (cross-AZ)");
        close(c.monthly, 6.85);
        // app-b's appliances are down: blocked, no traffic.
        assert_eq!(
            way(flow(&e, "i-app-b", "sns")),
            "blocked (gwlb_endpoint_failed)"
        );
        // 2 endpoints × 730 h × 0.01 = 14.60.
        close(sum(&e, Charge::GwlbEndpointHours), 14.60);
    }

    #[test]
    fn gwlb_symmetric_pays_the_load_balancer_and_its_capacity_units() {
        let m = load("gwlb-symmetric.ron");
        let e = estimate(&m, &WhatIf::default(), &CostInputs::for_model(&m));
        // Flows: web-a and web-b × s3 and sqs, each through its AZ's endpoint: 400 GB.
        // Addresses: 2 × 730 × 0.005 = 7.30. Load balancer: 730 × 0.0125 = 9.125.
        // GLCUs: 400 GB at 1 GB per GLCU-hour = 400 × 0.004 = 1.60.
        // Endpoints: 2 × 730 × 0.01 = 14.60; data: 400 × 0.0035 = 1.40.
        close(sum(&e, Charge::PublicIpv4), 7.30);
        close(sum(&e, Charge::GwlbHours), 9.125);
        close(sum(&e, Charge::GwlbCapacity), 1.60);
        close(sum(&e, Charge::GwlbEndpointHours), 14.60);
        close(sum(&e, Charge::GwlbEndpointData), 1.40);
        // Total: 7.30 + 9.125 + 1.60 + 14.60 + 1.40 = 34.025.
        close(e.total, 34.025);
        // Each flow: 100 × (0.0035 + 0.004) = 0.75.
        close(flow(&e, "i-web-a", "s3").monthly, 0.75);
    }

    #[test]
    fn a_partial_path_splits_the_traffic_over_the_cidrs() {
        let m = load("partial-s3.ron");
        let e = estimate(&m, &WhatIf::default(), &CostInputs::for_model(&m));
        // app-a: 1 of S3's 15 CIDRs goes through nat-a: 100/15 GB × 0.045 = 0.30.
        let a = flow(&e, "i-app-a", "s3");
        assert_eq!(
            way(a),
            "by range: 14/15 via gateway endpoint; 1/15 via NAT gateway"
        );
        close(a.monthly, 100.0 / 15.0 * 0.045);
    }

    #[test]
    fn an_unpriced_region_prices_nothing_and_says_so() {
        let m = load("private-only.ron");
        let mut s = m.scenario().clone();
        s.region = "eu-west-1".into();
        let m = Model::new(s).expect("valid");
        let e = estimate(&m, &WhatIf::default(), &CostInputs::for_model(&m));
        assert!(e.items.is_empty());
        close(e.total, 0.0);
        assert!(
            e.notes
                .iter()
                .map(note_text)
                .any(|n| n.contains("no prices for eu-west-1"))
        );
    }

    #[test]
    fn amounts_are_signed_with_a_real_minus() {
        assert_eq!(signed(7.3), "+7.30");
        assert_eq!(signed(-4.5), "\u{2212}4.50");
        assert_eq!(signed(-0.001), "+0.00");
    }
}
