//! Prices for the cost estimate (issue 6, cost panel): `assets/prices.ron`, per Region, each number
//! with its source, the date it was read and whether it was verified (aws-semantics.md §8).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

const PRICES_RON: &str = include_str!("../assets/prices.ron");

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
