//! The built-in price book (`assets/prices.ron`, embedded; aws-semantics.md §8) and tiered
//! per-GB prices.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

const PRICES_RON: &str = include_str!("../../assets/prices.ron");

/// `assets/prices.ron`: prices per Region.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceBook {
    pub currency: String,
    pub regions: BTreeMap<String, RegionPrices>,
}

/// One Region's prices. `*_hour` per resource-hour, `*_gb` per GB.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionPrices {
    /// Per endpoint per AZ (one ENI) per hour.
    pub interface_endpoint_hour: Price,
    /// Data processed by all interface endpoints in the Region, by tier.
    pub interface_endpoint_gb: Vec<Tier>,
    /// Gateway endpoints: no charge (kept as a price so that its source is shown).
    pub gateway_endpoint: Price,
    pub nat_gateway_hour: Price,
    pub nat_gateway_gb: Price,
    /// Per public IPv4 address per hour (instances, NAT gateways' Elastic IPs).
    pub public_ipv4_hour: Price,
    pub gwlb_hour: Price,
    pub gwlb_glcu_hour: Price,
    pub gwlb_endpoint_hour: Price,
    pub gwlb_endpoint_gb: Price,
    /// Data transfer between AZs of the Region, per GB.
    pub inter_az_gb: Price,
}

/// One number with where it comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub usd: f64,
    /// The AWS pricing page that publishes the number.
    pub source: String,
    /// The date it was read (`YYYY-MM-DD`).
    pub read: String,
    /// Whether the number itself was read on an AWS page on that date.
    pub verified: bool,
    #[serde(default)]
    pub note: String,
}

/// A price tier: it applies to the GB between the previous tier's bound and `up_to_gb`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Cumulative upper bound in GB per month; `None` on the last tier.
    #[serde(default)]
    pub up_to_gb: Option<f64>,
    pub price: Price,
}

/// The built-in prices. Part of the binary: a parse failure is a build defect the unit tests catch.
pub fn prices() -> &'static PriceBook {
    static PRICES: OnceLock<PriceBook> = OnceLock::new();
    PRICES.get_or_init(|| {
        ron::from_str(PRICES_RON).expect("assets/prices.ron is valid (checked by unit tests)")
    })
}

/// Split `gb` over the tiers: the GB in each tier that has any, with its price.
pub(super) fn tiers(tiers: &[Tier], gb: f64) -> Vec<(f64, &Price)> {
    let mut out = Vec::new();
    let mut from = 0.0;
    for t in tiers {
        if gb <= from {
            break;
        }
        let to = t.up_to_gb.unwrap_or(f64::INFINITY);
        out.push((gb.min(to) - from, &t.price));
        from = to;
    }
    out
}

/// Tier `t` by its bounds in PB: first 1 PB, next 4 PB, over 5 PB.
pub(super) fn tier_span(tiers: &[Tier], t: usize) -> super::TierSpan {
    use super::TierSpan;
    const PB: f64 = 1_048_576.0;
    let from = if t == 0 {
        0.0
    } else {
        tiers[t - 1].up_to_gb.unwrap_or(0.0)
    };
    match tiers[t].up_to_gb {
        Some(to) if t == 0 => TierSpan::First(to / PB),
        Some(to) => TierSpan::Next((to - from) / PB),
        None => TierSpan::Over(from / PB),
    }
}
