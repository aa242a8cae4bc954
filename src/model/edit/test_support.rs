//! Models, scenarios and assertions the edit families' tests share.

use std::path::Path;

use super::*;
use crate::model::from_ron_str;
use crate::model::{Destination, Diagnostic, Model, Route, Target};

pub(super) const PRIVATE_ONLY: &str = include_str!("../../../scenarios/private-only.ron");

/// Everything the private-only scenario lacks: an internet gateway, NAT gateways (zonal and
/// regional), a GWLB endpoint, an appliance ENI, a replaced local route, a failed AZ.
pub(super) const KITCHEN: &str = r#"(
    region: "us-east-1",
    vpc: (id: "vpc-kitchen", cidrs: ["10.0.0.0/16", "10.1.0.0/16"]),
    availability_zones: [
        (name: "us-east-1a", id: "use1-az1"),
        (name: "us-east-1b", id: "use1-az2"),
    ],
    subnets: [
        (id: "subnet-public-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
        (id: "subnet-public-b", az: "us-east-1b", cidr: "10.0.1.0/24"),
        (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.10.0/24"),
        (id: "subnet-private-b", az: "us-east-1b", cidr: "10.0.11.0/24"),
        (id: "subnet-inspect-a", az: "us-east-1a", cidr: "10.0.20.0/28"),
    ],
    route_tables: [
        (id: "rtb-main", main: true, routes: [
            (destination: Cidr("10.0.0.0/16"), target: NetworkInterface("eni-appliance")),
        ]),
        (id: "rtb-public", subnets: ["subnet-public-a", "subnet-public-b"], routes: [
            (destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-kitchen")),
            (destination: Cidr("10.0.10.0/24"), target: GatewayLoadBalancerEndpoint("vpce-gwlb-a")),
        ]),
        (id: "rtb-private-a", subnets: ["subnet-private-a"], routes: [
            (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a")),
        ]),
        (id: "rtb-private-b", subnets: ["subnet-private-b"], routes: [
            (destination: Cidr("192.168.0.0/16"), target: VpcPeering("pcx-1")),
            (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a")),
        ]),
        (id: "rtb-inspect", subnets: ["subnet-inspect-a"], routes: [
            (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-r")),
        ]),
    ],
    internet_gateway: (id: "igw-kitchen"),
    nat_gateways: [
        (id: "nat-a", subnet: "subnet-public-a"),
        (id: "nat-r", availability_mode: regional),
    ],
    gateway_endpoints: [
        (id: "vpce-s3", service: "s3", route_tables: ["rtb-private-a"]),
    ],
    interface_endpoints: [
        (id: "vpce-ssm", service: "ssm", subnets: [(subnet: "subnet-private-a", ip: "10.0.10.20")]),
    ],
    gwlb_endpoints: [(id: "vpce-gwlb-a", subnet: "subnet-inspect-a")],
    network_interfaces: [(id: "eni-appliance", subnet: "subnet-inspect-a", ip: "10.0.20.5")],
    instances: [
        (id: "i-web", name: "web", subnet: "subnet-public-a", private_ip: "10.0.0.10", public_ip: true),
        (id: "i-app", name: "app", subnet: "subnet-private-a", private_ip: "10.0.10.10"),
    ],
    what_if: (failed_azs: ["use1-az2"]),
)"#;

pub(super) fn model(text: &str) -> Model {
    let scenario = from_ron_str(text, Path::new("test.ron")).expect("fixture parses");
    Model::new(scenario).expect("fixture is valid")
}

pub(super) fn private_only() -> Model {
    model(PRIVATE_ONLY)
}

pub(super) fn kitchen() -> Model {
    model(KITCHEN)
}

/// Apply `e`, check that its inverse restores the scenario exactly and that the inverse of
/// the inverse redoes it; return the edited model and the inverse.
pub(super) fn round_trip(m: &Model, e: &Edit) -> (Model, Edit) {
    let (after, inverse) = e.apply(m).unwrap_or_else(|err| {
        panic!(
            "{}: {err}",
            crate::explain::edit_text(crate::explain::Lang::En, e)
        )
    });
    let (back, redo) = inverse.apply(&after).unwrap_or_else(|err| {
        panic!(
            "inverse {}: {err}",
            crate::explain::edit_text(crate::explain::Lang::En, &inverse)
        )
    });
    assert_eq!(
        back.scenario(),
        m.scenario(),
        "undo of: {}",
        crate::explain::edit_text(crate::explain::Lang::En, e)
    );
    let (again, _) = redo.apply(&back).unwrap_or_else(|err| {
        panic!(
            "redo {}: {err}",
            crate::explain::edit_text(crate::explain::Lang::En, &redo)
        )
    });
    assert_eq!(
        again.scenario(),
        after.scenario(),
        "redo of: {}",
        crate::explain::edit_text(crate::explain::Lang::En, e)
    );
    (after, inverse)
}

pub(super) fn refusal(m: &Model, e: &Edit) -> String {
    match e.apply(m) {
        Err(EditError::Refused(d)) => {
            assert!(!d.is_empty() && d.iter().all(Diagnostic::is_error));
            d.iter()
                .map(|d| crate::explain::diagnostic_message(crate::explain::Lang::En, d))
                .collect::<Vec<_>>()
                .join("; ")
        }
        other => panic!(
            "{} should be refused, got {other:?}",
            crate::explain::edit_text(crate::explain::Lang::En, e)
        ),
    }
}

pub(super) fn not_found(m: &Model, e: &Edit) -> String {
    match e.apply(m) {
        Err(EditError::NotFound(d)) => {
            crate::explain::diagnostic_message(crate::explain::Lang::En, &d)
        }
        other => panic!(
            "{} should be not found, got {other:?}",
            crate::explain::edit_text(crate::explain::Lang::En, e)
        ),
    }
}

pub(super) fn table<'a>(m: &'a Model, id: &str) -> &'a crate::model::RouteTable {
    m.scenario()
        .route_tables
        .iter()
        .find(|t| t.id == id)
        .unwrap()
}

pub(super) fn cidr(s: &str) -> Destination {
    Destination::Cidr(s.parse().unwrap())
}

pub(super) fn route(d: &str, target: Target) -> Route {
    Route {
        destination: cidr(d),
        target,
    }
}

pub(super) fn nat(id: &str) -> Target {
    Target::NatGateway(id.into())
}
