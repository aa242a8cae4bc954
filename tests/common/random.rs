//! The random models of the property tests (`eval_props.rs`, `fix_props.rs`): six subnets in
//! three AZs, each with its own table whose default route points anywhere (so chains and cycles
//! through NAT gateways, GWLB endpoints and appliance ENIs are common), three NAT gateways, three
//! GWLB endpoints, three appliance ENIs, one instance per subnet.

use vpc_tui::model::{
    AvailabilityZone, Destination, GwlbEndpoint, Instance, InternetGateway, NatConnectivity,
    NatGateway, NetworkInterface, Route, RouteTable, Scenario, Subnet, Target, Vpc, WhatIf,
};

pub const SUBNETS: usize = 6;

/// A random target for a default route: anything a table can point at, so that chains and
/// cycles through NAT gateways, GWLB endpoints and appliance ENIs are common.
pub fn target(n: u8) -> Target {
    match n % 8 {
        0 => Target::InternetGateway("igw-1".into()),
        1 => Target::NatGateway(format!("nat-{}", n % 3).into()),
        2 => Target::GatewayLoadBalancerEndpoint(format!("vpce-gwlb-{}", n % 3).into()),
        3 | 4 => Target::NetworkInterface(format!("eni-{}", n % 3).into()),
        5 => Target::Blackhole,
        6 => Target::TransitGateway("tgw-1".into()),
        _ => Target::NatGateway(format!("nat-{}", (n / 8) % 3).into()),
    }
}

pub fn scenario(defaults: &[Option<u8>], publics: &[bool], private_nat: bool) -> Scenario {
    let subnets: Vec<Subnet> = (0..SUBNETS)
        .map(|i| Subnet {
            dns64: Default::default(),
            ipv6_cidr: Default::default(),
            ipv6_only: Default::default(),
            id: format!("subnet-{i}"),
            name: None,
            az: ["az-a", "az-b", "az-c"][i % 3].into(),
            cidr: Some(format!("10.0.{i}.0/24").parse().unwrap()),
        })
        .collect();
    let mut route_tables = vec![RouteTable {
        ipv6_routes: Default::default(),
        id: "rtb-main".into(),
        name: None,
        main: true,
        subnets: vec![],
        gateways: vec![],
        routes: Default::default(),
    }];
    for (i, d) in defaults.iter().enumerate().take(SUBNETS) {
        route_tables.push(RouteTable {
            ipv6_routes: Default::default(),
            id: format!("rtb-{i}"),
            name: None,
            main: false,
            subnets: vec![format!("subnet-{i}")],
            gateways: vec![],
            routes: d
                .map(|t| Route {
                    destination: Destination::Cidr("0.0.0.0/0".parse().unwrap()),
                    target: target(t),
                })
                .into_iter()
                .collect(),
        });
    }
    Scenario {
        egress_only_internet_gateways: Default::default(),
        service_network_association: None,
        buckets: Vec::new(),
        ephemeral_ports: None,
        network_acls: Vec::new(),
        security_groups: Vec::new(),
        title: None,
        description: None,
        title_ja: None,
        description_ja: None,
        region: "us-east-1".into(),
        vpc: Vpc {
            ipv6_cidrs: Default::default(),
            id: "vpc-1".into(),
            cidrs: vec!["10.0.0.0/16".parse().unwrap()],
            enable_dns_support: true,
            enable_dns_hostnames: true,
        },
        availability_zones: ["az-a", "az-b", "az-c"]
            .iter()
            .map(|n| AvailabilityZone {
                name: n.to_string(),
                id: None,
            })
            .collect(),
        subnets: subnets.into(),
        route_tables: route_tables.into(),
        internet_gateway: Some(InternetGateway { id: "igw-1".into() }),
        block_public_access: Default::default(),
        dhcp_options: None,
        resolver_rules: Vec::new(),
        private_hosted_zones: Vec::new(),
        nat_gateways: (0..3)
            .map(|i| NatGateway {
                elastic_ip: None,
                id: format!("nat-{i}"),
                name: None,
                subnet: Some(format!("subnet-{}", i * 2)),
                connectivity: if private_nat && i == 1 {
                    NatConnectivity::Private
                } else {
                    NatConnectivity::Public
                },
                availability_mode: Default::default(),
            })
            .collect(),
        gateway_endpoints: Default::default(),
        interface_endpoints: Default::default(),
        gwlb_endpoints: (0..3)
            .map(|i| GwlbEndpoint {
                id: format!("vpce-gwlb-{i}"),
                subnet: format!("subnet-{}", i + 1),
                appliances_up: true,
            })
            .collect(),
        gateway_load_balancers: vec![],
        network_interfaces: (0..3)
            .map(|i| NetworkInterface {
                security_groups: Vec::new(),
                source_dest_check: None,
                id: format!("eni-{i}"),
                description: None,
                subnet: format!("subnet-{}", (i * 2 + 1) % SUBNETS),
                ip: None,
                public_ip: i == 2,
            })
            .collect(),
        instances: (0..SUBNETS)
            .map(|i| Instance {
                ipv6_address: Default::default(),
                security_groups: Vec::new(),
                id: format!("i-{i}"),
                name: None,
                subnet: format!("subnet-{i}"),
                private_ip: None,
                public_ip: publics.get(i).copied().unwrap_or(false),
            })
            .collect(),
        services: vec![],
        workloads: vec![],
        what_if: WhatIf::default(),
        expect: vec![],
        lesson: None,
    }
}

/// An interface endpoint for sqs in subnet-1 (security groups and network ACLs, aws-semantics.md
/// §5b, then have endpoint ingress on some paths).
pub fn with_endpoint(mut s: Scenario) -> Scenario {
    s.interface_endpoints
        .push(vpc_tui::model::InterfaceEndpoint {
            dns_record_ip_type: Default::default(),
            ip_address_type: Default::default(),
            policy: None,
            lattice: None,
            id: "vpce-sqs".into(),
            service: "sqs".into(),
            subnets: vec![vpc_tui::model::EndpointSubnet {
                ipv6: Default::default(),
                subnet: "subnet-1".into(),
                ip: None,
            }],
            private_dns: true,
            private_dns_only_for_inbound_resolver_endpoint: false,
            region: None,
            security_groups: Vec::new(),
        });
    s
}

/// An S3 gateway endpoint on the tables of the subnets `endpoint_on` picks, and on each table
/// `overrides` gives a target for, a static route inside one S3 range (more specific than the
/// endpoint's prefix list, so part of S3 goes that way).
pub fn with_s3_routes(mut s: Scenario, endpoint_on: &[bool], overrides: &[Option<u8>]) -> Scenario {
    let tables: Vec<String> = (0..SUBNETS)
        .filter(|&i| endpoint_on.get(i).copied().unwrap_or(false))
        .map(|i| format!("rtb-{i}"))
        .collect();
    if !tables.is_empty() {
        s.gateway_endpoints.push(vpc_tui::model::GatewayEndpoint {
            policy: None,
            id: "vpce-s3".into(),
            service: "s3".into(),
            route_tables: tables,
        });
    }
    for (i, o) in overrides.iter().enumerate().take(SUBNETS) {
        if let Some(t) = o {
            s.route_tables[i + 1].routes.push(Route {
                destination: Destination::Cidr("52.216.0.0/15".parse().unwrap()),
                target: target(*t),
            });
        }
    }
    s
}

/// Security layers that refuse some traffic (aws-semantics.md §5b), from random bits: one
/// group `sg-x` on every instance, endpoint and appliance interface, whose egress and ingress
/// rules are the ones `egress` and `ingress` pick from a short palette; a network ACL `acl-x`
/// on the subnets `acl_on` picks, whose outbound and inbound rules `outbound` and `inbound`
/// pick (denies among them); and the appliance interfaces' source/destination check on when
/// `check` is set. The layers the fixes of `crate::fix::security` answer.
pub fn with_layers(
    mut s: Scenario,
    egress: u8,
    ingress: u8,
    acl_on: u8,
    outbound: u8,
    inbound: u8,
    check: bool,
) -> Scenario {
    use vpc_tui::model::{
        NetworkAcl, NetworkAclRule, Peer, PortRange, Protocol, RuleAction, SecurityGroup,
        SecurityGroupRule,
    };
    let https = Some(PortRange::one(443));
    let sg = |protocol, ports, peer: &str| SecurityGroupRule {
        protocol,
        ports,
        peer: match peer.strip_prefix("pl-") {
            Some(service) => Peer::PrefixList(service.into()),
            None if peer.starts_with("sg-") => Peer::Group(peer.into()),
            None => Peer::Cidr(peer.parse().unwrap()),
        },
        description: None,
    };
    let palette = [
        sg(Protocol::Tcp, https, "0.0.0.0/0"),
        sg(Protocol::Tcp, https, "10.0.0.0/16"),
        sg(Protocol::Tcp, https, "pl-s3"),
        sg(Protocol::All, None, "10.0.1.0/24"),
        sg(Protocol::Tcp, https, "sg-x"),
    ];
    let pick = |bits: u8| -> Vec<SecurityGroupRule> {
        (0..palette.len())
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| palette[i].clone())
            .collect()
    };
    s.security_groups.push(SecurityGroup {
        id: "sg-x".into(),
        name: None,
        ingress: pick(ingress).into(),
        egress: pick(egress).into(),
        ingress_ipv6: Vec::new(),
        egress_ipv6: Vec::new(),
    });
    s.instances = s
        .instances
        .iter()
        .cloned()
        .map(|mut i| {
            i.security_groups = vec!["sg-x".into()];
            i
        })
        .collect();
    for e in &mut s.interface_endpoints {
        e.security_groups = vec!["sg-x".into()];
    }
    for n in &mut s.network_interfaces {
        n.security_groups = vec!["sg-x".into()];
        n.source_dest_check = Some(check);
    }
    let acl = |number, protocol, ports, cidr: &str, action| NetworkAclRule {
        number,
        protocol,
        ports,
        cidr: cidr.parse().unwrap(),
        action,
    };
    let rules = [
        acl(90, Protocol::Tcp, https, "10.0.1.0/24", RuleAction::Deny),
        acl(100, Protocol::Tcp, https, "0.0.0.0/0", RuleAction::Allow),
        acl(
            110,
            Protocol::Tcp,
            Some(PortRange(1024, 65535)),
            "0.0.0.0/0",
            RuleAction::Allow,
        ),
        acl(120, Protocol::All, None, "10.0.0.0/16", RuleAction::Allow),
        acl(1, Protocol::All, None, "10.0.5.0/24", RuleAction::Deny),
    ];
    let pick_acl = |bits: u8| -> Vec<NetworkAclRule> {
        (0..rules.len())
            .filter(|i| bits & (1 << i) != 0)
            .map(|i| rules[i].clone())
            .collect()
    };
    let subnets: Vec<String> = (0..SUBNETS)
        .filter(|i| acl_on & (1 << i) != 0)
        .map(|i| format!("subnet-{i}"))
        .collect();
    if !subnets.is_empty() {
        s.network_acls.push(NetworkAcl {
            id: "acl-x".into(),
            name: None,
            default: false,
            subnets,
            inbound: pick_acl(inbound).into(),
            outbound: pick_acl(outbound).into(),
            ipv6_inbound: Vec::new(),
            ipv6_outbound: Vec::new(),
        });
    }
    s
}
