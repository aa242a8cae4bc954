//! The estimate on the shipped scenarios, figure by figure, and the diff's words.
use std::path::Path;

use super::prices::{tier_span, tiers};
use super::*;
use crate::model::{Edit, load_file};
use crate::model::{Model, WhatIf};

pub(super) fn load(name: &str) -> Model {
    load_file(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(name),
    )
    .expect("scenario loads")
}

pub(super) fn close(actual: f64, expected: f64) {
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

fn flow(e: &CostEstimate, instance: &str, service: &str) -> FlowCost {
    e.flows
        .get(instance, service)
        .unwrap_or_else(|| panic!("no flow {service} for {instance}"))
}

/// The way a flow goes, in English.
fn way(f: &FlowCost) -> String {
    crate::explain::cost_way(crate::explain::Lang::En, &f.way)
}

fn note_text(n: &CostNote) -> String {
    crate::explain::cost_note(crate::explain::Lang::En, n)
}

/// The changes from `before` to `after` as the explorer's English lines.
pub(super) fn diff_lines(before: &CostEstimate, after: &CostEstimate) -> Vec<String> {
    diff(before, after).iter().map(|c| c.to_string()).collect()
}

pub(super) fn what_if(failed: &[&str]) -> WhatIf {
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
        let bounds: Vec<Option<f64>> = p.interface_endpoint_gb.iter().map(|t| t.up_to_gb).collect();
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
        .find(|i| matches!(&i.what, ItemFor::GatewayEndpoint { endpoint, .. } if endpoint == "vpce-s3"))
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
    assert_eq!(way(&ssm), "via interface endpoint (cross-AZ sometimes)");
    // 100 GB × 0.01 + 66.67 GB × 2 × 0.01 = 2.3333.
    close(ssm.monthly, 1.0 + 2.0 * 200.0 / 3.0 * 0.01);
    assert_eq!(way(&flow(&e, "i-app-a", "s3")), "via gateway endpoint");
    close(flow(&e, "i-app-a", "s3").monthly, 0.0);
    assert_eq!(way(&flow(&e, "i-app-a", "sns")), "blocked (no_route)");
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
        way(&flow(&e, "i-app-a", "ssm")),
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
        .find(|i| matches!(&i.what, ItemFor::NatData { nat, .. } if nat == "nat-a"))
        .unwrap();
    close(nat_a.quantity, 200.0);
    // app-c (us-east-1c) to nat-a (us-east-1a): 100 GB, out and in: 2 × 100 × 0.01 = 2.00.
    close(sum(&e, Charge::InterAzTransfer), 2.00);
    // Total: 65.70 + 10.95 + 13.50 + 2.00 = 92.15.
    close(e.total, 92.15);

    assert_eq!(way(&flow(&e, "i-app-a", "sns")), "via NAT gateway");
    close(flow(&e, "i-app-a", "sns").monthly, 4.50);
    assert_eq!(
        way(&flow(&e, "i-app-c", "sns")),
        "via NAT gateway (cross-AZ)"
    );
    close(flow(&e, "i-app-c", "sns").monthly, 6.50);
    // web-c uses its own public IPv4 address: no processing charge.
    assert_eq!(way(&flow(&e, "i-web-c", "sns")), "via internet gateway");
    close(flow(&e, "i-web-c", "sns").monthly, 0.0);

    // us-east-1a fails: app-a is down, app-c is blocked; nat-a is still billed.
    let down = estimate(&m, &what_if(&["us-east-1a"]), &inputs);
    // Fixed: 65.70 + 10.95 = 76.65; processing: app-b only, 100 GB × 0.045 = 4.50.
    close(down.total, 76.65 + 4.50);
    assert_eq!(
        way(&flow(&down, "i-app-c", "sns")),
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
            dns_record_ip_type: Default::default(),
            ip_address_type: Default::default(),
            policy: None,
            lattice: None,
            security_groups: Vec::new(),
            id: "vpce-sqs".into(),
            service: "sqs".into(),
            subnets: vec![crate::model::EndpointSubnet {
                ipv6: Default::default(),
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
    let lines = diff_lines(&before, &after);
    assert_eq!(
        lines,
        [
            // Tokyo's ENI-hour: 730 × 0.014 = 10.22.
            "+1 ENI of interface endpoint vpce-sqs in ap-northeast-1a: +10.22 USD/month",
            // 100 GB × 0.01 data processing.
            "sqs for i-app-a: blocked (no_route) \u{2192} via interface endpoint: +1.00 USD/month at 100 GB",
            // The others (app-c, data-d: one change) have no ENI in their AZ: + 100 GB × 0.01
            // inter-AZ, out and in = 3.00 each.
            "sqs for i-app-c and 1 more instance: blocked (no_route) \u{2192} via interface endpoint (cross-AZ): +6.00 USD/month at 200 GB",
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
    assert_eq!(way(&a), "via GWLB endpoint, then NAT gateway");
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
    assert_eq!(way(&c), "via GWLB endpoint, then NAT gateway (cross-AZ)");
    close(c.monthly, 6.85);
    // app-b's appliances are down: blocked, no traffic.
    assert_eq!(
        way(&flow(&e, "i-app-b", "sns")),
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
        way(&a),
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

#[test]
fn a_lattice_endpoint_flow_is_named_by_its_endpoint_kind_and_left_unpriced() {
    let model = load("service-network-endpoint.ron");
    let e = estimate(&model, &WhatIf::default(), &CostInputs::for_model(&model));
    let f = flow(&e, "i-app-c", "checkout");
    assert!(
        way(&f).contains("via service-network endpoint"),
        "{}",
        way(&f)
    );
    assert!(
        e.notes
            .iter()
            .any(|n| matches!(n, CostNote::LatticeEndpointsNotPriced { .. }))
    );
}

#[test]
fn a_bill_without_line_items_totals_plus_zero_not_minus_zero() {
    // resource-endpoint.ron pays only the cross-AZ trips through vpce-res-orders (the Lattice
    // endpoints are unpriced): once it is deleted nothing is left to bill, and the panel said
    // "-0.00 USD".
    let m = load("resource-endpoint.ron");
    let (m, _) = Edit::DeleteInterfaceEndpoint {
        id: "vpce-res-orders".into(),
    }
    .apply(&m)
    .expect("the endpoint exists");
    let e = estimate(&m, &WhatIf::default(), &CostInputs::for_model(&m));
    assert!(e.items.is_empty(), "{:?}", e.items);
    assert!(e.total == 0.0 && e.total.is_sign_positive(), "{}", e.total);
    assert_eq!(format!("{:.2}", e.total), "0.00");
}

/// The public addresses' lines: after an edit that keeps the instances and interfaces their ids
/// are the estimate before's (shared, not copied); after one that changes an instance's public
/// IP they follow it (and equal a fresh estimate's).
#[test]
fn public_address_ids_are_shared_until_the_instances_change() {
    let model = load("gateway-main-rt.ron");
    let inputs = CostInputs::for_model(&model);
    let owners = |e: &CostEstimate| -> Vec<Arc<str>> {
        e.items
            .iter()
            .filter_map(|i| match &i.what {
                ItemFor::PublicAddress { owner } => Some(Arc::clone(owner)),
                _ => None,
            })
            .collect()
    };
    let before = estimate(&model, &model.scenario().what_if, &inputs);
    assert_eq!(owners(&before).len(), 1, "i-web-a has a public address");
    let failed = Edit::FailAz {
        az: model.scenario().subnets[0].az.clone(),
    };
    let (after, _) = failed.apply(&model).expect("applies");
    let kept = estimate_after(&before, &after, &after.scenario().what_if, &inputs);
    assert_eq!(owners(&kept), owners(&before));
    assert!(
        owners(&kept)
            .iter()
            .zip(owners(&before))
            .all(|(a, b)| Arc::ptr_eq(a, &b)),
        "shared with the estimate before"
    );
    let unset = Edit::SetInstancePublicIp {
        instance: "i-web-a".into(),
        public_ip: false,
    };
    let (changed, _) = unset.apply(&after).expect("applies");
    let moved = estimate_after(&kept, &changed, &changed.scenario().what_if, &inputs);
    assert!(owners(&moved).is_empty(), "i-web-a no longer has one");
    let fresh = estimate(&changed, &changed.scenario().what_if, &inputs);
    assert_eq!(moved, fresh);
}
