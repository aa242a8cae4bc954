//! The cost diff's words and figures on the shipped scenarios: a gateway endpoint attached, an
//! interface endpoint's ENI added, an AZ failed (the estimate itself is in `tests`).

use super::tests::{close, diff_lines, load, what_if};
use super::*;
use crate::model::{Edit, GatewayEndpoint, WhatIf};

#[test]
fn the_diff_of_a_gateway_endpoint_reads_as_the_lesson_says() {
    let m = load("nat-single-az.ron");
    let mut inputs = CostInputs::for_model(&m);
    inputs.services.push("s3".into());
    let before = estimate(&m, &WhatIf::default(), &inputs);
    let (after_model, _) = Edit::AddGatewayEndpoint {
        endpoint: GatewayEndpoint {
            policy: None,
            id: "vpce-s3".into(),
            service: "s3".into(),
            route_tables: vec!["rtb-private-shared".into(), "rtb-private-b".into()],
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
            "+1 gateway endpoint vpce-s3 (s3, no charge): +0.00 USD/month",
            // 100 GB × 0.045 NAT processing no longer paid, by app-a and app-b alike (one
            // change for the two subnets: the same way before and after).
            "s3 for i-app-a and 1 more instance: via NAT gateway \u{2192} via gateway endpoint: \u{2212}9.00 USD/month at 200 GB",
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
            ipv6: Default::default(),
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
        ChangeFact::FlowWay { instance, more: 0, after, .. } if &**instance == "i-app-a" && **after == sometimes
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
    let lines = diff_lines(&before, &after);
    // Nothing provisioned changes; two flows stop.
    assert_eq!(
        lines,
        [
            "sns for i-app-a: via NAT gateway \u{2192} unavailable (source_az_failed): \u{2212}4.50 USD/month at 100 GB",
            "sns for i-app-c: via NAT gateway (cross-AZ) \u{2192} blocked (nat_az_failed): \u{2212}6.50 USD/month at 100 GB",
        ]
    );
}
