//! Where the security layers decide at forwarders (aws-semantics.md §5b): a Gateway Load
//! Balancer endpoint's subnet's network ACL, both ways and for the reply (its network interface
//! is in that subnet; it has no security group), and an appliance interface's groups' egress
//! for what it forwards. Without security data, the same paths list the layers as not
//! evaluated and keep their routing verdicts.

use std::path::Path;

use vpc_tui::eval::{HopKind, PathTrace, Query, Reason, Via, evaluate};
use vpc_tui::model::{
    Model, NetworkAcl, NetworkAclRule, Peer, PortRange, Protocol, RuleAction, Scenario,
    SecurityGroup, SecurityGroupRule, WhatIf, from_ron_str,
};

/// private-a → vpce-gwlb (inspect-a) → nat-a (public-a) → internet gateway, the public table
/// sending private-a's replies back through the endpoint; private-c → eni-fw (appliance-a, check
/// off) → the appliance subnet's table: the gateway endpoint for S3.
const BASE: &str = r#"(
    region: "us-east-1",
    vpc: (cidrs: ["10.0.0.0/16"]),
    availability_zones: [(name: "us-east-1a", id: "use1-az1")],
    subnets: [
        (id: "subnet-public-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
        (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.1.0/24"),
        (id: "subnet-inspect-a", az: "us-east-1a", cidr: "10.0.2.0/24"),
        (id: "subnet-private-c", az: "us-east-1a", cidr: "10.0.3.0/24"),
        (id: "subnet-appliance-a", az: "us-east-1a", cidr: "10.0.4.0/24"),
    ],
    route_tables: [
        (id: "rtb-main", main: true),
        (id: "rtb-public", subnets: ["subnet-public-a"], routes: [
            (destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-1")),
            (destination: Cidr("10.0.1.0/24"), target: GatewayLoadBalancerEndpoint("vpce-gwlb")),
        ]),
        (id: "rtb-private-a", subnets: ["subnet-private-a"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: GatewayLoadBalancerEndpoint("vpce-gwlb"))]),
        (id: "rtb-inspect", subnets: ["subnet-inspect-a"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a"))]),
        (id: "rtb-private-c", subnets: ["subnet-private-c"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: NetworkInterface("eni-fw"))]),
    ],
    internet_gateway: (id: "igw-1"),
    nat_gateways: [(id: "nat-a", subnet: "subnet-public-a")],
    gateway_endpoints: [(id: "vpce-s3", service: "s3", route_tables: ["rtb-main"])],
    gwlb_endpoints: [(id: "vpce-gwlb", subnet: "subnet-inspect-a")],
    network_interfaces: [(id: "eni-fw", subnet: "subnet-appliance-a", ip: "10.0.4.20",
                          source_dest_check: false)],
    instances: [
        (id: "i-priv-a", subnet: "subnet-private-a", private_ip: "10.0.1.10"),
        (id: "i-priv-c", subnet: "subnet-private-c", private_ip: "10.0.3.10"),
    ],
)"#;

fn base() -> Scenario {
    from_ron_str(BASE, Path::new("layers.ron")).unwrap()
}

fn run(s: Scenario, from: &str, to: &str) -> PathTrace {
    let m = Model::new(s).unwrap_or_else(|d| panic!("invalid test scenario: {d:#?}"));
    evaluate(
        &m,
        &WhatIf::default(),
        &Query::instance_to_service(from, to),
    )
    .unwrap()
}

fn rule(number: u16, ports: Option<(u16, u16)>, action: RuleAction) -> NetworkAclRule {
    NetworkAclRule {
        number,
        protocol: if ports.is_some() {
            Protocol::Tcp
        } else {
            Protocol::All
        },
        ports: ports.map(|(a, b)| PortRange(a, b)),
        cidr: "0.0.0.0/0".parse().unwrap(),
        action,
    }
}

/// `subnet`'s network ACL with these rules.
fn acl(subnet: &str, inbound: Vec<NetworkAclRule>, outbound: Vec<NetworkAclRule>) -> NetworkAcl {
    NetworkAcl {
        id: "acl-under-test".into(),
        name: None,
        default: false,
        subnets: vec![subnet.into()],
        inbound: inbound.into(),
        outbound: outbound.into(),
        ipv6_inbound: Vec::new(),
        ipv6_outbound: Vec::new(),
    }
}

fn blocked_at(t: &PathTrace) -> (Option<Reason>, Option<&str>) {
    let last = t.hops.last().filter(|h| h.kind == HopKind::Blocked);
    (t.verdict.reason(), last.map(|h| h.id.as_str()))
}

#[test]
fn without_security_data_the_inspected_path_keeps_its_verdict_and_says_so() {
    let t = run(base(), "i-priv-a", "sqs");
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{t:?}");
    for layer in ["security_groups", "network_acls"] {
        assert!(t.unchecked.contains(layer), "{:?}", t.unchecked);
    }
    let t = run(base(), "i-priv-c", "s3");
    assert_eq!(t.verdict.via(), Some(Via::GatewayEndpoint), "{t:?}");
    assert!(t.unchecked.contains("security_groups"), "{:?}", t.unchecked);
}

#[test]
fn the_gwlb_endpoint_subnets_network_acl_decides_both_ways() {
    let allow = || rule(100, None, RuleAction::Allow);
    let deny = || rule(100, None, RuleAction::Deny);
    // Allowed both ways: the path passes the endpoint subnet's boundary twice, as two hops.
    let mut s = base();
    s.network_acls
        .push(acl("subnet-inspect-a", vec![allow()], vec![allow()]));
    let t = run(s, "i-priv-a", "sqs");
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{t:?}");
    let crossings = t
        .hops
        .iter()
        .filter(|h| h.kind == HopKind::NetworkAcl && h.id == "acl-under-test")
        .count();
    assert_eq!(crossings, 2, "{t:?}");
    // Nothing in: the request entering the endpoint's subnet stops.
    let mut s = base();
    s.network_acls
        .push(acl("subnet-inspect-a", vec![deny()], vec![allow()]));
    let t = run(s, "i-priv-a", "sqs");
    assert_eq!(
        blocked_at(&t),
        (Some(Reason::NetworkAclInbound), Some("acl-under-test"))
    );
    // Nothing out: the reply to the source cannot leave the endpoint's subnet.
    let mut s = base();
    s.network_acls
        .push(acl("subnet-inspect-a", vec![allow()], vec![deny()]));
    let t = run(s, "i-priv-a", "sqs");
    assert_eq!(
        blocked_at(&t),
        (Some(Reason::NetworkAclReply), Some("acl-under-test"))
    );
    // HTTPS in, but not the replies to the ephemeral ports: the inspected request leaves,
    // its reply from the service cannot come back in.
    let mut s = base();
    s.network_acls.push(acl(
        "subnet-inspect-a",
        vec![rule(100, Some((443, 443)), RuleAction::Allow)],
        vec![allow()],
    ));
    let t = run(s, "i-priv-a", "sqs");
    assert_eq!(
        blocked_at(&t),
        (Some(Reason::NetworkAclReply), Some("acl-under-test"))
    );
}

#[test]
fn a_gwlb_endpoint_has_no_security_group() {
    // Groups that allow everything on the instances: no group check at the endpoint.
    let mut s = base();
    s.security_groups.push(SecurityGroup {
        id: "sg-all".into(),
        name: None,
        ingress: Default::default(),
        egress: vec![SecurityGroupRule {
            protocol: Protocol::All,
            ports: None,
            peer: Peer::Cidr("0.0.0.0/0".parse().unwrap()),
            description: None,
        }]
        .into(),
        ingress_ipv6: Vec::new(),
        egress_ipv6: Vec::new(),
    });
    s.instances = s
        .instances
        .iter()
        .cloned()
        .map(|mut i| {
            i.security_groups = vec!["sg-all".into()];
            i
        })
        .collect();
    let t = run(s, "i-priv-a", "sqs");
    assert_eq!(t.verdict.via(), Some(Via::NatGateway), "{t:?}");
    let groups: Vec<&str> = t
        .hops
        .iter()
        .filter(|h| h.kind == HopKind::SecurityGroup)
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(groups, ["i-priv-a"], "{t:?}");
}

#[test]
fn an_appliance_forwards_only_what_its_groups_egress_allows() {
    let all = |peer: &str| SecurityGroupRule {
        protocol: Protocol::All,
        ports: None,
        peer: Peer::Cidr(peer.parse().unwrap()),
        description: None,
    };
    let mut s = base();
    s.security_groups.push(SecurityGroup {
        id: "sg-app".into(),
        name: None,
        ingress: Default::default(),
        egress: vec![all("0.0.0.0/0")].into(),
        ingress_ipv6: Vec::new(),
        egress_ipv6: Vec::new(),
    });
    s.security_groups.push(SecurityGroup {
        id: "sg-fw".into(),
        name: None,
        ingress: vec![all("10.0.0.0/16")].into(),
        egress: Default::default(),
        ingress_ipv6: Vec::new(),
        egress_ipv6: Vec::new(),
    });
    s.instances = s
        .instances
        .iter()
        .cloned()
        .map(|mut i| {
            i.security_groups = vec!["sg-app".into()];
            i
        })
        .collect();
    s.network_interfaces[0].security_groups = vec!["sg-fw".into()];
    let t = run(s.clone(), "i-priv-c", "s3");
    assert_eq!(
        blocked_at(&t),
        (Some(Reason::SecurityGroupEgress), Some("eni-fw"))
    );
    // Its ingress was checked first and allowed.
    assert!(
        t.hops
            .iter()
            .any(|h| h.kind == HopKind::SecurityGroup && h.id == "eni-fw"),
        "{t:?}"
    );
    // An egress rule to the service's prefix list opens the way.
    s.security_groups[1].egress = vec![SecurityGroupRule {
        protocol: Protocol::Tcp,
        ports: Some(PortRange(443, 443)),
        peer: Peer::PrefixList("s3".into()),
        description: None,
    }]
    .into();
    let t = run(s, "i-priv-c", "s3");
    assert_eq!(t.verdict.via(), Some(Via::GatewayEndpoint), "{t:?}");
}
