//! The cost estimate in words (`cost-*` in `cost.ftl`): what each line item is for, its
//! quantity, the way each flow goes, the notes, and what changed between two estimates.

use super::{Lang, args, join, join_with, m, msg};
use crate::cost::{
    ChangeFact, CostChange, CostNote, Crossing, Direction, ItemFor, LineItem, NatPlace, TierSpan,
    Unit, Way,
};

/// A number as the panel shows it: no decimals when whole, else two ("730", "0.50"). Whole
/// after rounding to cents counts as whole: a sum of thirds that is 1000 less a rounding error
/// reads "1000", not "1000.00".
pub fn cost_number(x: f64) -> String {
    let cents = (x * 100.0).round();
    if cents % 100.0 == 0.0 {
        // `+ 0.0` turns a negative zero into "0".
        format!("{:.0}", cents / 100.0 + 0.0)
    } else {
        format!("{x:.2}")
    }
}

/// What a line item is for: "interface endpoint vpce-ssm: ENI in us-east-1c".
pub fn cost_item(lang: Lang, what: &ItemFor) -> String {
    let a = args();
    let text = match what {
        ItemFor::InterfaceEndpointEni { endpoint, az } => msg(
            lang,
            "cost-item-interface_endpoint_eni",
            a.s("endpoint", endpoint.as_str()).s("az", az.as_str()),
        ),
        ItemFor::InterfaceEndpointData { tier } => {
            let (id, pb) = match tier {
                TierSpan::First(pb) => ("cost-tier-first", pb),
                TierSpan::Next(pb) => ("cost-tier-next", pb),
                TierSpan::Over(pb) => ("cost-tier-over", pb),
            };
            let tier = msg(lang, id, args().s("pb", pb.to_string()));
            msg(lang, "cost-item-interface_endpoint_data", a.s("tier", tier))
        }
        ItemFor::GatewayEndpoint { endpoint, service } => msg(
            lang,
            "cost-item-gateway_endpoint",
            a.s("endpoint", endpoint.as_str())
                .s("service", service.as_str()),
        ),
        ItemFor::NatGateway { nat, place } => nat_item(lang, "cost-item-nat_gateway", nat, place),
        ItemFor::NatAddress { nat, place } => nat_item(lang, "cost-item-nat_address", nat, place),
        ItemFor::NatData { nat, place } => nat_item(lang, "cost-item-nat_data", nat, place),
        ItemFor::PublicAddress { owner } => {
            msg(lang, "cost-item-public_address", a.s("owner", &**owner))
        }
        ItemFor::GwlbHours { load_balancer } => msg(
            lang,
            "cost-item-gwlb",
            a.s("load_balancer", load_balancer.as_str()),
        ),
        ItemFor::GwlbCapacity { load_balancer } => msg(
            lang,
            "cost-item-gwlb_capacity",
            a.s("load_balancer", load_balancer.as_str()),
        ),
        ItemFor::GwlbEndpoint { endpoint, az } => msg(
            lang,
            "cost-item-gwlb_endpoint",
            a.s("endpoint", endpoint.as_str()).s("az", az.as_str()),
        ),
        ItemFor::GwlbEndpointData { endpoint, az } => msg(
            lang,
            "cost-item-gwlb_endpoint_data",
            a.s("endpoint", endpoint.as_str()).s("az", az.as_str()),
        ),
        ItemFor::InterAz { direction } => m(
            lang,
            match direction {
                Direction::Out => "cost-item-inter_az-out",
                Direction::In => "cost-item-inter_az-in",
            },
        ),
    };
    spaced(lang, text)
}

fn nat_item(lang: Lang, id: &str, nat: &str, place: &NatPlace) -> String {
    let where_ = match place {
        NatPlace::Zonal(Some(az)) => msg(lang, "cost-nat-in", args().s("az", az.as_str())),
        NatPlace::Zonal(None) => m(lang, "cost-nat-unknown"),
        NatPlace::Regional(azs) => msg(lang, "cost-nat-regional", args().n("azs", *azs)),
    };
    msg(lang, id, args().s("nat", nat).s("where", where_))
}

/// The word for a unit: "hour", "時間".
pub fn cost_unit(lang: Lang, unit: Unit) -> String {
    m(lang, &format!("cost-unit-{}", unit.code()))
}

/// A line item's quantity and unit price: "730 hour × 0.01".
pub fn cost_quantity(lang: Lang, item: &LineItem) -> String {
    msg(
        lang,
        "cost-quantity",
        args()
            .s("quantity", cost_number(item.quantity))
            .s("unit", cost_unit(lang, item.unit))
            .s("price", item.unit_price.to_string()),
    )
}

/// The way a flow goes: "via NAT gateway (cross-AZ)", "ゲートウェイエンドポイント経由".
pub fn cost_way(lang: Lang, way: &Way) -> String {
    let text = match way {
        Way::Reachable { through, crossing } => {
            let way = if through.is_empty() {
                m(lang, "cost-way-local")
            } else {
                let names = through
                    .iter()
                    .map(|t| m(lang, &format!("cost-through-{}", t.code())));
                msg(
                    lang,
                    "cost-way-via",
                    args().s("through", join_with(lang, "then-sep", names)),
                )
            };
            match crossing {
                Crossing::No => way,
                Crossing::Always => msg(lang, "cost-way-cross-always", args().s("way", way)),
                Crossing::Sometimes => msg(lang, "cost-way-cross-sometimes", args().s("way", way)),
            }
        }
        Way::Partly => m(lang, "cost-way-partly"),
        Way::Blocked(r) => msg(lang, "cost-way-blocked", args().s("reason", r.code())),
        Way::Unavailable(r) => msg(lang, "cost-way-unavailable", args().s("reason", r.code())),
        Way::NotModelled(r) => msg(lang, "cost-way-not-modelled", args().s("reason", r.code())),
        Way::LeavesVpc { target } => {
            msg(lang, "cost-way-leaves", args().s("target", target.as_str()))
        }
        Way::ByRange {
            partial,
            total,
            parts,
        } => {
            let parts = parts.iter().map(|(count, way)| {
                msg(
                    lang,
                    "cost-way-part",
                    args()
                        .n("count", *count)
                        .n("total", *total)
                        .s("way", cost_way(lang, way)),
                )
            });
            msg(
                lang,
                "cost-way-by-range",
                args()
                    .b("partial", *partial)
                    .s("parts", join_with(lang, "cost-part-sep", parts)),
            )
        }
    };
    spaced(lang, text)
}

/// A note on the estimate: an assumption, or something left unpriced.
pub fn cost_note(lang: Lang, note: &CostNote) -> String {
    let a = args();
    match note {
        CostNote::NoInstance { instance } => msg(
            lang,
            "cost-note-no_instance",
            a.s("instance", instance.as_str()),
        ),
        CostNote::NoService { service } => msg(
            lang,
            "cost-note-no_service",
            a.s("service", service.as_str()),
        ),
        CostNote::NoPrices { region, priced } => msg(
            lang,
            "cost-note-no_prices",
            a.s("region", region.as_str())
                .s("priced", join(lang, priced)),
        ),
        CostNote::FailedAzEnisBilled => m(lang, "cost-note-failed_az_enis"),
        CostNote::LatticeEndpointsNotPriced { endpoints } => msg(
            lang,
            "cost-note-lattice_not_priced",
            args().s("endpoints", join(lang, endpoints)),
        ),
        CostNote::RegionalNat { nat, azs } => msg(
            lang,
            "cost-note-regional_nat",
            a.s("nat", nat.as_str()).n("azs", *azs),
        ),
        CostNote::UnservedGwlbEndpoint { endpoint } => msg(
            lang,
            "cost-note-unserved_gwlb_endpoint",
            a.s("endpoint", endpoint.as_str()),
        ),
        CostNote::CrossAzSometimes => m(lang, "cost-note-cross_az_sometimes"),
    }
}

/// GB as the change lines say them: "100 GB", whole TB as "2 TB".
pub fn cost_gb(lang: Lang, gb: f64) -> String {
    if gb >= 1024.0 && (gb / 1024.0).fract() == 0.0 {
        msg(lang, "cost-tb", args().s("tb", (gb / 1024.0).to_string()))
    } else {
        msg(lang, "cost-gb", args().s("gb", gb.to_string()))
    }
}

/// One change between two estimates with its effect on the month:
/// "+1 gateway endpoint vpce-s3 (s3, no charge): +0.00 USD/month".
pub fn cost_change(lang: Lang, change: &CostChange) -> String {
    let a = args()
        .s("delta", crate::cost::signed(change.delta))
        .s("currency", change.currency.to_string());
    let flow =
        |a: super::Args<'static>, instance: &str, more: &usize, classes: &usize, service: &str| {
            let who = match *more {
                0 => instance.to_string(),
                more => msg(
                    lang,
                    // Instances of several classes (subnets, or public-IP states) changed alike.
                    if *classes > 1 {
                        "cost-instances-more-across"
                    } else {
                        "cost-instances-more"
                    },
                    args().s("instance", instance.to_string()).n("more", more),
                ),
            };
            a.s("instance", who).s("service", service.to_string())
        };
    let (id, a) = match &change.fact {
        ChangeFact::Added(what) => ("cost-change-added", a.s("item", cost_item(lang, what))),
        ChangeFact::Removed(what) => ("cost-change-removed", a.s("item", cost_item(lang, what))),
        ChangeFact::Repriced(what) => ("cost-change-repriced", a.s("item", cost_item(lang, what))),
        ChangeFact::NewFlow {
            instance,
            more,
            classes,
            service,
            way,
            gb,
        }
        | ChangeFact::FlowCost {
            instance,
            more,
            classes,
            service,
            way,
            gb,
        } => (
            match &change.fact {
                ChangeFact::NewFlow { .. } => "cost-change-flow-new",
                _ => "cost-change-flow-cost",
            },
            flow(a, instance, more, classes, service)
                .s("way", cost_way(lang, way))
                .s("gb", cost_gb(lang, *gb)),
        ),
        ChangeFact::FlowWay {
            instance,
            more,
            classes,
            service,
            before,
            after,
            gb,
        } => (
            "cost-change-flow-way",
            flow(a, instance, more, classes, service)
                .s("before", cost_way(lang, before))
                .s("after", cost_way(lang, after))
                .s("gb", cost_gb(lang, *gb)),
        ),
        ChangeFact::FlowRemoved {
            instance,
            more,
            classes,
            service,
        } => (
            "cost-change-flow-removed",
            flow(a, instance, more, classes, service),
        ),
    };
    msg(lang, id, a)
}

/// Japanese spacing where a word argument meets Japanese (`NAT ゲートウェイ経由`).
fn spaced(lang: Lang, text: String) -> String {
    match lang {
        Lang::Ja => super::model::latin_spacing(&text),
        Lang::En => text,
    }
}

#[cfg(test)]
mod number_tests {
    use super::cost_number;

    #[test]
    fn a_number_is_whole_when_its_cents_are() {
        assert_eq!(cost_number(730.0), "730");
        assert_eq!(cost_number(0.5), "0.50");
        assert_eq!(cost_number(1000.0 / 3.0 * 3.0 - 1e-9), "1000");
        assert_eq!(cost_number(999.999_999_9), "1000");
        assert_eq!(cost_number(33.333_333), "33.33");
        assert_eq!(cost_number(0.004), "0");
        assert_eq!(cost_number(-0.001), "0");
    }
}
