//! Scenarios and assertions the rule families' tests share.

use std::net::Ipv4Addr;
use std::path::Path;

use ipnet::Ipv4Net;

use super::validate;
use crate::model::catalogue;
use crate::model::{Destination, Diagnostic, Route, RouteTable, Scenario, Target, from_ron_str};

/// A small valid scenario: public and private subnets in two AZs, an internet gateway, a
/// NAT gateway, an S3 gateway endpoint and an SSM interface endpoint.
pub(super) fn minimal() -> Scenario {
    from_ron_str(
        r#"(
            region: "us-east-1",
            vpc: (id: "vpc-1", cidrs: ["10.0.0.0/16"]),
            availability_zones: [
                (name: "us-east-1a", id: "use1-az1"),
                (name: "us-east-1b", id: "use1-az2"),
            ],
            subnets: [
                (id: "subnet-public-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
                (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.1.0/24"),
                (id: "subnet-private-b", az: "us-east-1b", cidr: "10.0.2.0/24"),
            ],
            route_tables: [
                (id: "rtb-main", main: true),
                (id: "rtb-public", subnets: ["subnet-public-a"],
                 routes: [(destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-1"))]),
                (id: "rtb-private", subnets: ["subnet-private-a", "subnet-private-b"],
                 routes: [(destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a"))]),
            ],
            internet_gateway: (id: "igw-1"),
            nat_gateways: [(id: "nat-a", subnet: "subnet-public-a")],
            gateway_endpoints: [(id: "vpce-s3", service: "s3", route_tables: ["rtb-private"])],
            interface_endpoints: [(id: "vpce-ssm", service: "ssm",
                subnets: [(subnet: "subnet-private-a"), (subnet: "subnet-private-b")])],
            instances: [(id: "i-app-a", name: "app-a", subnet: "subnet-private-a",
                         private_ip: "10.0.1.10")],
            expect: [(from: "app-a", to: "s3", verdict: "reachable", via: "gateway_endpoint",
                      source: "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html")],
        )"#,
        Path::new("minimal.ron"),
    )
    .expect("the minimal scenario parses")
}

pub(super) fn run(s: &Scenario) -> Vec<Diagnostic> {
    validate(s, &catalogue::resolve(&s.region, &s.services))
}

pub(super) fn net(s: &str) -> Ipv4Net {
    s.parse().unwrap()
}

pub(super) fn ip(s: &str) -> Ipv4Addr {
    s.parse().unwrap()
}

pub(super) fn route(dest: &str, target: Target) -> Route {
    Route {
        destination: Destination::Cidr(net(dest)),
        target,
    }
}

pub(super) fn table<'a>(s: &'a mut Scenario, id: &str) -> &'a mut RouteTable {
    s.route_tables.iter_mut().find(|t| t.id == id).unwrap()
}

/// The findings for `rule`, as `object: message`.
pub(super) fn found(d: &[Diagnostic], rule: &str) -> Vec<String> {
    d.iter()
        .filter(|x| x.rule == rule)
        .map(|x| {
            format!(
                "{}: {}",
                x.object,
                crate::explain::diagnostic_message(crate::explain::Lang::En, x)
            )
        })
        .collect()
}

/// Asserts that `rule` fired as an error on `object`, and returns its message.
#[track_caller]
pub(super) fn error(d: &[Diagnostic], rule: &str, object: &str) -> String {
    match d.iter().find(|x| x.rule == rule && x.object == object) {
        Some(x) => {
            assert!(x.is_error(), "{x} should be an error");
            crate::explain::diagnostic_message(crate::explain::Lang::En, x)
        }
        None => panic!("no {rule} on {object} in {d:#?}"),
    }
}

#[track_caller]
pub(super) fn warning(d: &[Diagnostic], rule: &str, object: &str) -> String {
    match d.iter().find(|x| x.rule == rule && x.object == object) {
        Some(x) => {
            assert!(!x.is_error(), "{x} should be a warning");
            crate::explain::diagnostic_message(crate::explain::Lang::En, x)
        }
        None => panic!("no {rule} on {object} in {d:#?}"),
    }
}
