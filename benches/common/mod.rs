//! A deterministic, quota-sized scenario for the benchmarks and the peak-memory example.
//!
//! Shared by `benches/engine.rs` (`mod common;`) and `examples/peak_memory.rs`
//! (`#[path = "../benches/common/mod.rs"] mod common;`). No `rand`: a seeded xorshift64* keeps
//! the model identical on every run and machine, so numbers stay comparable.
//!
//! Shape (one VPC, us-east-1, 10.0.0.0/16):
//! - 6 AZs with AZ IDs; 200 /24 subnets spread round-robin over them: 6 public (one per AZ,
//!   holding the NAT gateways), 6 for GWLB endpoints, 6 for appliance ENIs, 182 private.
//! - 200 route tables (`rtb-000` main), each with exactly [`ROUTES_PER_TABLE`] scenario routes:
//!   a default route (most private tables → the NAT gateway of their AZ; some → a GWLB endpoint,
//!   an appliance ENI, or none at all), a prefix-list route in some, a middlebox route for a
//!   subnet CIDR in some, and the rest random /8–/28 destinations outside 10.0.0.0/8 that never
//!   fall inside a service range (they may contain one, as a real /8 to a TGW would).
//! - 50 interface endpoints over 25 of the 30 services (private DNS on only on the first
//!   endpoint of each service, where the service supports it), 14 gateway endpoints (8 S3,
//!   6 DynamoDB, no table with two for one service) and 6 GWLB endpoints: 20 gateway/GWLB.
//! - 6 zonal public NAT gateways, 6 appliance ENIs, 10,000 instances, 30 services (the
//!   catalogue's plus scenario-defined ones with their own CIDRs).
#![allow(dead_code)] // each bench/example uses a different subset

pub mod security;

use std::collections::{HashMap, HashSet};
use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use vpc_tui::model::catalogue;
use vpc_tui::model::{
    AvailabilityMode, AvailabilityZone, Destination, EndpointSubnet, GatewayEndpoint, GwlbEndpoint,
    Instance, InterfaceEndpoint, InternetGateway, NatConnectivity, NatGateway, NetworkInterface,
    Route, RouteTable, Scenario, ServiceOverride, Subnet, Target, Vpc, WhatIf,
};

pub const REGION: &str = "us-east-1";
pub const AZS: usize = 6;
pub const SUBNETS: usize = 200;
pub const TABLES: usize = 200;
pub const ROUTES_PER_TABLE: usize = 1_000;
pub const INTERFACE_ENDPOINTS: usize = 50;
pub const S3_GATEWAY_ENDPOINTS: usize = 8;
pub const DYNAMODB_GATEWAY_ENDPOINTS: usize = 6;
pub const GWLB_ENDPOINTS: usize = AZS;
pub const INSTANCES: usize = 10_000;

/// How large a generated model is: the quota model is [`Shape::QUOTA`]; [`Shape::scaled`]
/// multiplies its subnets, route tables and instances (each table keeps [`ROUTES_PER_TABLE`]
/// routes, the endpoints stay as they are). Past 256 subnets the VPC gets another /16 CIDR for
/// each 256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub subnets: usize,
    pub tables: usize,
    pub instances: usize,
    /// Adds the security layer of [`security`]: 500 security groups × 50 rules, 200 network
    /// ACLs × 40 rules, groups on every instance, endpoint and appliance interface.
    pub security: bool,
}

impl Shape {
    pub const QUOTA: Shape = Shape {
        subnets: SUBNETS,
        tables: TABLES,
        instances: INSTANCES,
        security: false,
    };

    /// The same shape with the security layer ([`security`]).
    pub fn with_security(self) -> Shape {
        Shape {
            security: true,
            ..self
        }
    }

    /// The quota model times `factor` (0.25, 1, 4, ...).
    pub fn scaled(factor: f64) -> Shape {
        let times = |n: usize| ((n as f64 * factor).round() as usize).max(4 * AZS);
        Shape {
            subnets: times(SUBNETS),
            tables: times(TABLES),
            instances: times(INSTANCES),
            security: false,
        }
    }
}
pub const SERVICES: usize = 30;
/// Services left without any interface endpoint (so the NAT and no-route paths stay common).
pub const SERVICES_WITHOUT_ENDPOINT: [&str; 5] = ["sns", "sts", "kms", "custom-07", "custom-08"];

const SEED: u64 = 0x5eed_0fa1_1c1d_0005;
const AZ_IDS: [&str; AZS] = [
    "use1-az1", "use1-az2", "use1-az4", "use1-az6", "use1-az3", "use1-az5",
];
const IGW: &str = "igw-quota";
const TGW: &str = "tgw-0quota";

/// xorshift64* (Vigna): tiny, fast, deterministic; plenty for shaping test data.
pub struct XorShift(u64);

impl XorShift {
    pub fn new(seed: u64) -> Self {
        XorShift(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn next_u32(&mut self) -> u32 {
        (self.next_u64() >> 32) as u32
    }

    /// Uniform-ish in `0..n` (modulo bias is irrelevant here).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

fn az_name(az: usize) -> String {
    format!("{REGION}{}", (b'a' + az as u8) as char)
}

fn az_letter(az: usize) -> char {
    (b'a' + az as u8) as char
}

pub fn subnet_id(i: usize) -> String {
    format!("subnet-{i:03}")
}

pub fn table_id(t: usize) -> String {
    format!("rtb-{t:03}")
}

pub fn instance_id(k: usize) -> String {
    format!("i-{k:05}")
}

fn nat_id(az: usize) -> String {
    format!("nat-{}", az_letter(az))
}

fn gwlb_id(az: usize) -> String {
    format!("vpce-gwlb-{}", az_letter(az))
}

fn appliance_id(az: usize) -> String {
    format!("eni-appliance-{}", az_letter(az))
}

fn subnet_cidr(i: usize) -> Ipv4Net {
    Ipv4Net::new(Ipv4Addr::new(10, (i / 256) as u8, (i % 256) as u8, 0), 24).expect("valid /24")
}

fn subnet_az(i: usize) -> usize {
    i % AZS
}

/// Subnet roles: 0..6 public, 6..12 GWLB endpoints, 12..18 appliances, 18.. private.
const FIRST_GWLB_SUBNET: usize = AZS;
const FIRST_APPLIANCE_SUBNET: usize = 2 * AZS;
const FIRST_PRIVATE_SUBNET: usize = 3 * AZS;

/// Private subnets with no explicit association: they use the main table.
fn uses_main_implicitly(i: usize) -> bool {
    i >= FIRST_PRIVATE_SUBNET && i.is_multiple_of(25)
}

/// The private table a non-public subnet is explicitly associated with.
fn private_table_of_subnet(i: usize, tables: usize) -> usize {
    2 + (i - FIRST_GWLB_SUBNET) % (tables - 2)
}

/// The AZ a private table "belongs" to (that of its first subnet), for its default route.
fn table_az(t: usize) -> usize {
    match t {
        0 | 1 => 0,
        _ => subnet_az(t - 2 + FIRST_GWLB_SUBNET),
    }
}

/// The 30 services: the catalogue's (22 today) plus scenario-defined ones up to [`SERVICES`].
fn service_overrides() -> Vec<ServiceOverride> {
    let builtin = catalogue::resolve(REGION, &[]).len();
    (builtin..SERVICES)
        .enumerate()
        .map(|(k, _)| {
            let n = k + 1;
            ServiceOverride {
                name: format!("custom-{n:02}"),
                dns_name: Some(format!("custom-{n:02}.{{region}}.example.internal")),
                private_dns_supported: Some(true),
                gateway_endpoint: Some(false),
                interface_endpoint: Some(true),
                cidrs: Some(vec![
                    format!("35.{}.0.0/16", 160 + k).parse().expect("cidr"),
                    format!("44.{}.{}.0/20", 200 + k, 16 * k)
                        .parse()
                        .expect("cidr"),
                ]),
            }
        })
        .collect()
}

/// Random public destinations: /8../28, outside 10.0.0.0/8 and the reserved first octets, never
/// equal to or inside a service range (so service ranges are never split), unique in `taken`.
fn random_destination(
    rng: &mut XorShift,
    services: &[Ipv4Net],
    taken: &HashSet<Ipv4Net>,
) -> Ipv4Net {
    let ten: Ipv4Net = "10.0.0.0/8".parse().expect("cidr");
    loop {
        let len = 8 + rng.below(21) as u8; // 8..=28
        let net = Ipv4Net::new(Ipv4Addr::from(rng.next_u32()), len)
            .expect("len <= 32")
            .trunc();
        let first = net.network().octets()[0];
        if first == 0 || first == 10 || first == 127 || first >= 224 {
            continue;
        }
        if ten.contains(&net) || net.contains(&ten) {
            continue;
        }
        if services.iter().any(|s| s.contains(&net)) {
            continue;
        }
        if taken.contains(&net) {
            continue;
        }
        return net;
    }
}

fn private_random_target(rng: &mut XorShift) -> Target {
    match rng.below(100) {
        0..=29 => Target::NatGateway(nat_id(rng.below(AZS)).into()),
        30..=54 => Target::TransitGateway(TGW.into()),
        55..=62 => Target::VpcPeering(format!("pcx-{:04}", rng.below(4)).into()),
        63..=66 => Target::VirtualPrivateGateway("vgw-onprem".into()),
        67..=76 => Target::Blackhole,
        77..=84 => Target::InternetGateway(IGW.into()),
        85..=94 => Target::NetworkInterface(appliance_id(rng.below(AZS)).into()),
        _ => Target::GatewayLoadBalancerEndpoint(gwlb_id(rng.below(AZS)).into()),
    }
}

fn public_random_target(rng: &mut XorShift) -> Target {
    match rng.below(100) {
        0..=39 => Target::InternetGateway(IGW.into()),
        40..=69 => Target::TransitGateway(TGW.into()),
        70..=84 => Target::VpcPeering(format!("pcx-{:04}", rng.below(4)).into()),
        _ => Target::Blackhole,
    }
}

/// The fixed (non-random) routes of table `t`.
fn fixed_routes(t: usize) -> Vec<Route> {
    let cidr = |s: &str| Destination::Cidr(s.parse().expect("cidr"));
    let mut routes = Vec::new();
    let az = table_az(t);
    match t {
        0 => routes.push(Route {
            destination: cidr("0.0.0.0/0"),
            target: Target::NatGateway(nat_id(0).into()),
        }),
        1 => routes.push(Route {
            destination: cidr("0.0.0.0/0"),
            target: Target::InternetGateway(IGW.into()),
        }),
        _ => {
            let default = match t % 20 {
                // No default route: services without an endpoint have no path (no_route).
                19 => None,
                // Inspect everything through the AZ's GWLB endpoint, then the GWLB subnet's table.
                9 => Some(Target::GatewayLoadBalancerEndpoint(gwlb_id(az).into())),
                // A NAT instance / firewall appliance.
                14 => Some(Target::NetworkInterface(appliance_id(az).into())),
                _ => Some(Target::NatGateway(nat_id(az).into())),
            };
            if let Some(target) = default {
                routes.push(Route {
                    destination: cidr("0.0.0.0/0"),
                    target,
                });
            }
            // Prefix-list routes, only where no gateway endpoint for that service is attached.
            if t % 10 == 8 {
                routes.push(Route {
                    destination: Destination::PrefixList("s3".into()),
                    target: Target::NatGateway(nat_id(az).into()),
                });
            }
            if t % 7 == 6 {
                routes.push(Route {
                    destination: Destination::PrefixList("dynamodb".into()),
                    target: Target::TransitGateway(TGW.into()),
                });
            }
            // Middlebox routing: traffic to another private subnet is inspected first.
            if t % 10 == 5 && t >= 14 {
                let other = FIRST_PRIVATE_SUBNET + (t + 1) % AZS;
                if other != t + 4 {
                    routes.push(Route {
                        destination: Destination::Cidr(subnet_cidr(other)),
                        target: Target::GatewayLoadBalancerEndpoint(
                            gwlb_id(subnet_az(other)).into(),
                        ),
                    });
                }
            }
        }
    }
    routes
}

/// The quota-sized scenario. Deterministic: the same value on every call.
pub fn quota_scenario() -> Scenario {
    scenario(Shape::QUOTA)
}

/// The generated scenario of `shape`. Deterministic: the same value on every call.
pub fn scenario(shape: Shape) -> Scenario {
    let Shape {
        subnets: n_subnets,
        tables: n_tables,
        instances: n_instances,
        security: with_security,
    } = shape;
    let mut rng = XorShift::new(SEED);
    let overrides = service_overrides();
    let services = catalogue::resolve(REGION, &overrides);
    assert_eq!(
        services.len(),
        SERVICES,
        "catalogue + overrides = {SERVICES} services"
    );
    let service_cidrs: Vec<Ipv4Net> = services.iter().flat_map(|s| s.cidrs.clone()).collect();

    let availability_zones = (0..AZS)
        .map(|az| AvailabilityZone {
            name: az_name(az),
            id: Some(AZ_IDS[az].to_string()),
        })
        .collect();

    let subnets: Vec<Subnet> = (0..n_subnets)
        .map(|i| {
            let role = match i {
                _ if i < FIRST_GWLB_SUBNET => "public",
                _ if i < FIRST_APPLIANCE_SUBNET => "gwlb",
                _ if i < FIRST_PRIVATE_SUBNET => "appliance",
                _ => "private",
            };
            Subnet {
                dns64: Default::default(),
                ipv6_cidr: Default::default(),
                ipv6_only: Default::default(),
                id: subnet_id(i),
                name: Some(format!("{role}-{i:03}-{}", az_letter(subnet_az(i)))),
                az: az_name(subnet_az(i)),
                cidr: Some(subnet_cidr(i)),
            }
        })
        .collect();

    let mut associations: Vec<Vec<String>> = vec![Vec::new(); n_tables];
    for i in 0..n_subnets {
        if i < FIRST_GWLB_SUBNET {
            associations[1].push(subnet_id(i));
        } else if !uses_main_implicitly(i) {
            associations[private_table_of_subnet(i, n_tables)].push(subnet_id(i));
        }
    }

    let route_tables: Vec<RouteTable> = associations
        .into_iter()
        .enumerate()
        .map(|(t, subnets)| {
            let mut routes = fixed_routes(t);
            let mut taken: HashSet<Ipv4Net> = routes
                .iter()
                .filter_map(|r| match r.destination {
                    Destination::Cidr(c) => Some(c),
                    Destination::PrefixList(_) => None,
                })
                .collect();
            while routes.len() < ROUTES_PER_TABLE {
                let destination = random_destination(&mut rng, &service_cidrs, &taken);
                taken.insert(destination);
                let target = if t == 1 {
                    public_random_target(&mut rng)
                } else {
                    private_random_target(&mut rng)
                };
                routes.push(Route {
                    destination: Destination::Cidr(destination),
                    target,
                });
            }
            RouteTable {
                ipv6_routes: Default::default(),
                id: table_id(t),
                name: Some(match t {
                    0 => "main".to_string(),
                    1 => "public".to_string(),
                    _ => format!("private-{t:03}"),
                }),
                main: t == 0,
                subnets,
                gateways: Vec::new(),
                routes: routes.into(),
            }
        })
        .collect();

    let nat_gateways = (0..AZS)
        .map(|az| NatGateway {
            elastic_ip: None,
            id: nat_id(az),
            name: Some(format!("nat-{}", az_name(az))),
            subnet: Some(subnet_id(az)),
            connectivity: NatConnectivity::Public,
            availability_mode: AvailabilityMode::Zonal,
        })
        .collect();

    // Gateway endpoints: S3 endpoint j on tables t % 10 == j (j < 8), DynamoDB endpoint j on
    // tables t % 7 == j (j < 6). A table never gets two endpoints for one service.
    let mut gateway_endpoints: Vec<GatewayEndpoint> = (0..S3_GATEWAY_ENDPOINTS)
        .map(|j| GatewayEndpoint {
            policy: None,
            id: format!("vpce-s3-gw-{j}"),
            service: "s3".into(),
            route_tables: (0..n_tables)
                .filter(|t| t % 10 == j)
                .map(table_id)
                .collect(),
        })
        .collect();
    gateway_endpoints.extend((0..DYNAMODB_GATEWAY_ENDPOINTS).map(|j| GatewayEndpoint {
        policy: None,
        id: format!("vpce-dynamodb-gw-{j}"),
        service: "dynamodb".into(),
        route_tables: (0..n_tables).filter(|t| t % 7 == j).map(table_id).collect(),
    }));

    let gwlb_endpoints = (0..GWLB_ENDPOINTS)
        .map(|az| GwlbEndpoint {
            id: gwlb_id(az),
            subnet: subnet_id(FIRST_GWLB_SUBNET + az),
            // One AZ's appliances are down: paths through it are blocked.
            appliances_up: az != AZS - 1,
        })
        .collect();

    let network_interfaces = (0..AZS)
        .map(|az| {
            let i = FIRST_APPLIANCE_SUBNET + az;
            let [a, b, c, _] = subnet_cidr(i).network().octets();
            NetworkInterface {
                security_groups: Vec::new(),
                source_dest_check: None,
                id: appliance_id(az),
                description: Some(format!("firewall appliance in {}", az_name(az))),
                subnet: subnet_id(i),
                ip: Some(Ipv4Addr::new(a, b, c, 250)),
                public_ip: az % 2 == 0,
            }
        })
        .collect();

    // Interface endpoints: two per service for 25 services; the first has private DNS (where
    // supported), the second not. ENI addresses are left to the allocator (.4 upwards).
    let with_endpoint: Vec<&catalogue::Service> = services
        .iter()
        .filter(|s| s.interface_endpoint && !SERVICES_WITHOUT_ENDPOINT.contains(&s.name.as_str()))
        .collect();
    assert_eq!(with_endpoint.len() * 2, INTERFACE_ENDPOINTS);
    let mut private_by_az: Vec<Vec<usize>> = vec![Vec::new(); AZS];
    for i in FIRST_PRIVATE_SUBNET..n_subnets {
        private_by_az[subnet_az(i)].push(i);
    }
    let interface_endpoints = (0..INTERFACE_ENDPOINTS)
        .map(|j| {
            let svc = with_endpoint[j % with_endpoint.len()];
            let first = j < with_endpoint.len();
            let n_azs = if first { AZS - j % 4 } else { 1 + j % AZS };
            let start_az = j % AZS;
            let subnets = (0..n_azs)
                .map(|k| {
                    let az = (start_az + k) % AZS;
                    let pool = &private_by_az[az];
                    EndpointSubnet {
                        ipv6: Default::default(),
                        subnet: subnet_id(pool[(j * 7 + k) % pool.len()]),
                        ip: None,
                    }
                })
                .collect();
            let private_dns = first && svc.private_dns_supported;
            InterfaceEndpoint {
                dns_record_ip_type: Default::default(),
                ip_address_type: Default::default(),
                policy: None,
                lattice: None,
                security_groups: Vec::new(),
                id: format!(
                    "vpce-{}-{}",
                    svc.name.replace('.', "-"),
                    if first { 1 } else { 2 }
                ),
                service: svc.name.clone(),
                subnets,
                private_dns,
                // S3: keep the gateway endpoints in use inside the VPC (AWS's recommended mix).
                private_dns_only_for_inbound_resolver_endpoint: private_dns && svc.name == "s3",
                region: None,
            }
        })
        .collect();

    // Instances: round-robin over subnets, 50 per subnet at .100–.149. Public subnets mostly
    // have public IPs; elsewhere one in nine does.
    let instances = (0..n_instances)
        .map(|k| {
            let s = k % n_subnets;
            let slot = k / n_subnets;
            let [a, b, c, _] = subnet_cidr(s).network().octets();
            Instance {
                ipv6_address: Default::default(),
                security_groups: Vec::new(),
                id: instance_id(k),
                name: (k % 10 == 0).then(|| format!("app-{k:05}")),
                subnet: subnet_id(s),
                // Past 140 in a subnet, the address is left to AWS (the model's allocator).
                private_ip: (slot < 140).then(|| Ipv4Addr::new(a, b, c, 100 + slot as u8)),
                public_ip: if s < FIRST_GWLB_SUBNET {
                    k % 5 != 0
                } else {
                    k % 9 == 0
                },
            }
        })
        .collect();

    let mut scenario = Scenario {
        egress_only_internet_gateways: Default::default(),
        service_network_association: None,
        buckets: Vec::new(),
        ephemeral_ports: None,
        network_acls: Vec::new(),
        security_groups: Vec::new(),
        title: Some("Quota-sized VPC (benchmark)".into()),
        description: Some(if shape == Shape::QUOTA {
            "Generated by benches/common: 6 AZs, 200 subnets, 200 route tables × 1,000 routes, \
             50 interface + 20 gateway/GWLB endpoints, 10,000 instances, 30 services."
                .into()
        } else {
            format!(
                "Generated by benches/common: 6 AZs, {n_subnets} subnets, {n_tables} route tables \
                 × 1,000 routes, 50 interface + 20 gateway/GWLB endpoints, {n_instances} \
                 instances, 30 services."
            )
        }),
        title_ja: None,
        description_ja: None,
        region: REGION.into(),
        vpc: Vpc {
            ipv6_cidrs: Default::default(),
            id: "vpc-quota".into(),
            cidrs: (0..n_subnets.div_ceil(256))
                .map(|k| Ipv4Net::new(Ipv4Addr::new(10, k as u8, 0, 0), 16).expect("cidr"))
                .collect(),
            enable_dns_support: true,
            enable_dns_hostnames: true,
        },
        availability_zones,
        subnets: subnets.into(),
        route_tables: route_tables.into(),
        internet_gateway: Some(InternetGateway { id: IGW.into() }),
        block_public_access: Default::default(),
        dhcp_options: None,
        resolver_rules: Vec::new(),
        private_hosted_zones: Vec::new(),
        nat_gateways,
        gateway_endpoints: gateway_endpoints.into(),
        interface_endpoints,
        gwlb_endpoints,
        gateway_load_balancers: Vec::new(),
        network_interfaces,
        instances,
        services: overrides,
        workloads: Vec::new(),
        what_if: WhatIf::default(),
        expect: Vec::new(),
        lesson: None,
    };
    if with_security {
        security::add(&mut scenario);
    }
    scenario
}

/// The quota scenario as RON text, as `vpc_tui::model::to_ron_string` writes it.
pub fn quota_ron() -> String {
    vpc_tui::model::to_ron_string(&quota_scenario())
}

/// The edit the `matrix_after_edit` bench applies: attach an S3 gateway endpoint to `rtb-039`.
/// That table has no S3 endpoint (`39 % 10 == 9`), no `pl-s3` route and no default route
/// (`39 % 20 == 19`), so the 50 instances of its subnet go from `no_route` to the endpoint.
/// Returns (endpoint id, route table id).
pub fn attachable_s3_edit() -> (String, String) {
    ("vpce-s3-gw-0".to_string(), table_id(39))
}

/// Checks the generator's own promises against AWS's rules (aws-semantics.md §7) that the
/// validator may enforce, so the benchmarks never time a model AWS would refuse — even while
/// `model::validate` is still a stub. Panics with the first broken rule.
pub fn check_aws_rules(s: &Scenario) {
    let subnet_cidrs: HashMap<&str, Ipv4Net> = s
        .subnets
        .iter()
        .filter_map(|x| Some((x.id.as_str(), x.cidr?)))
        .collect();
    let subnet_az: HashMap<&str, &str> = s
        .subnets
        .iter()
        .map(|x| (x.id.as_str(), x.az.as_str()))
        .collect();
    assert_eq!(
        s.route_tables.iter().filter(|t| t.main).count(),
        1,
        "one main table"
    );
    let mut associated = HashSet::new();
    for t in &s.route_tables {
        assert_eq!(t.routes.len(), ROUTES_PER_TABLE, "{}: route count", t.id);
        for sub in &t.subnets {
            assert!(
                associated.insert(sub.as_str()),
                "{sub}: two explicit associations"
            );
        }
        let mut dests = HashSet::new();
        for r in &t.routes {
            assert!(
                dests.insert(&r.destination),
                "{}: duplicate {}",
                t.id,
                r.destination
            );
            assert!(
                !matches!(r.target, Target::Local | Target::GatewayEndpoint(_)),
                "{}: derived target written",
                t.id
            );
            if let Destination::Cidr(c) = r.destination
                && s.vpc.cidrs.iter().any(|vpc| vpc.contains(&c) && c != *vpc)
            {
                assert!(
                    subnet_cidrs.values().any(|x| *x == c)
                        && matches!(
                            r.target,
                            Target::NatGateway(_)
                                | Target::NetworkInterface(_)
                                | Target::GatewayLoadBalancerEndpoint(_)
                        ),
                    "{}: {c} more specific than the VPC CIDR",
                    t.id
                );
            }
        }
    }
    for svc in ["s3", "dynamodb"] {
        let mut tables = HashSet::new();
        for ge in s.gateway_endpoints.iter().filter(|g| g.service == svc) {
            for t in &ge.route_tables {
                assert!(
                    tables.insert(t.as_str()),
                    "{t}: two {svc} gateway endpoints"
                );
                let table = s.route_tables.iter().find(|x| &x.id == t).expect("table");
                assert!(
                    !table
                        .routes
                        .iter()
                        .any(|r| r.destination == Destination::PrefixList(svc.into())),
                    "{t}: pl-{svc} route and a {svc} gateway endpoint"
                );
            }
        }
    }
    let mut private_dns = HashSet::new();
    for ie in &s.interface_endpoints {
        let mut azs = HashSet::new();
        for es in &ie.subnets {
            assert!(
                azs.insert(subnet_az[es.subnet.as_str()]),
                "{}: two subnets in one AZ",
                ie.id
            );
        }
        if ie.private_dns {
            assert!(
                private_dns.insert(ie.service.as_str()),
                "{}: second private DNS",
                ie.service
            );
        }
    }
    let mut ips = HashSet::new();
    let explicit = s
        .instances
        .iter()
        .filter_map(|i| Some((i.subnet.as_str(), i.private_ip?)))
        .chain(
            s.network_interfaces
                .iter()
                .filter_map(|n| Some((n.subnet.as_str(), n.ip?))),
        );
    for (subnet, ip) in explicit {
        let c = subnet_cidrs[subnet];
        let off = u32::from(ip) - u32::from(c.network());
        assert!(
            c.contains(&ip) && off >= 4 && ip != c.broadcast(),
            "{ip}: reserved or outside"
        );
        assert!(ips.insert(ip), "{ip}: used twice");
    }
}

/// The scenario as the JSON `aws ec2 describe-*` prints for it, one (file name, text) per call,
/// for the import benchmarks: VPC (and its DNS attributes), AZs, subnets, route tables (with
/// their `local` routes and associations), internet gateway, NAT gateways, GWLB endpoints,
/// appliance network interfaces, instances and each instance's primary network interface (in
/// both `describe-instances` and `describe-network-interfaces`, as AWS lists it). Left out, so the import warns about them and
/// blackholes their routes as AWS would show a missing target: interface and gateway
/// endpoints and prefix-list routes (the routes, subnets and instances are what make the files
/// large).
pub fn describe_files(s: &Scenario) -> Vec<(&'static str, String)> {
    use serde_json::{Value, json};
    let vpc_id = s.vpc.id.as_str();
    let name_tags = |name: &Option<String>| -> Value {
        match name {
            Some(n) => json!([{"Key": "Name", "Value": n}]),
            None => json!([]),
        }
    };
    let az_id = |az: &str| {
        s.availability_zones
            .iter()
            .find(|z| z.name == az)
            .and_then(|z| z.id.clone())
    };
    let mut files = Vec::new();
    let mut put = |name: &'static str, v: Value| {
        files.push((name, serde_json::to_string_pretty(&v).expect("JSON")));
    };
    put(
        "vpcs.json",
        json!({"Vpcs": [{
            "VpcId": vpc_id,
            "CidrBlock": s.vpc.cidrs[0].to_string(),
            "CidrBlockAssociationSet": s.vpc.cidrs.iter().map(|c| json!({
                "CidrBlock": c.to_string(), "CidrBlockState": {"State": "associated"}
            })).collect::<Vec<_>>(),
            "State": "available",
            "Tags": [],
        }]}),
    );
    put(
        "dns-support.json",
        json!({"VpcId": vpc_id, "EnableDnsSupport": {"Value": s.vpc.enable_dns_support}}),
    );
    put(
        "dns-hostnames.json",
        json!({"VpcId": vpc_id, "EnableDnsHostnames": {"Value": s.vpc.enable_dns_hostnames}}),
    );
    put(
        "availability-zones.json",
        json!({"AvailabilityZones": s.availability_zones.iter().map(|z| json!({
            "ZoneName": z.name, "ZoneId": z.id, "RegionName": s.region,
            "ZoneType": "availability-zone", "State": "available",
        })).collect::<Vec<_>>()}),
    );
    put(
        "subnets.json",
        json!({"Subnets": s.subnets.iter().map(|x| json!({
            "SubnetId": x.id, "VpcId": vpc_id, "CidrBlock": x.cidr.map(|c| c.to_string()),
            "AvailabilityZone": x.az, "AvailabilityZoneId": az_id(&x.az),
            "Tags": name_tags(&x.name),
        })).collect::<Vec<_>>()}),
    );
    if let Some(igw) = &s.internet_gateway {
        put(
            "internet-gateways.json",
            json!({"InternetGateways": [{
                "InternetGatewayId": igw.id,
                "Attachments": [{"VpcId": vpc_id, "State": "available"}],
                "Tags": [],
            }]}),
        );
    }
    put(
        "nat-gateways.json",
        json!({"NatGateways": s.nat_gateways.iter().map(|n| json!({
            "NatGatewayId": n.id, "VpcId": vpc_id, "SubnetId": n.subnet,
            "State": "available", "ConnectivityType": "public",
            "Tags": name_tags(&n.name),
        })).collect::<Vec<_>>()}),
    );
    put(
        "vpc-endpoints.json",
        json!({"VpcEndpoints": s.gwlb_endpoints.iter().map(|g| json!({
            "VpcEndpointId": g.id, "VpcEndpointType": "GatewayLoadBalancer", "VpcId": vpc_id,
            "ServiceName": "com.amazonaws.vpce.us-east-1.vpce-svc-0inspection",
            "State": "available", "SubnetIds": [g.subnet], "RouteTableIds": [],
            "NetworkInterfaceIds": [], "Tags": [],
        })).collect::<Vec<_>>()}),
    );
    // Every instance's primary network interface, as AWS lists it in both calls: tools that
    // start a path at an instance's ENI (aws-vpc-analyzer, scripts/peer-compare.sh) need it.
    let instance_eni = |k: usize| format!("eni-i{k:05}");
    let appliances = s.network_interfaces.iter().map(|n| {
        json!({
            "NetworkInterfaceId": n.id, "VpcId": vpc_id, "SubnetId": n.subnet,
            "PrivateIpAddress": n.ip.map(|ip| ip.to_string()),
            "Description": n.description, "InterfaceType": "interface", "TagSet": [],
        })
    });
    let primaries = s.instances.iter().enumerate().map(|(k, i)| {
        json!({
            "NetworkInterfaceId": instance_eni(k), "VpcId": vpc_id, "SubnetId": i.subnet,
            "PrivateIpAddress": i.private_ip.map(|ip| ip.to_string()),
            "Description": "", "InterfaceType": "interface", "TagSet": [],
            "Attachment": {"InstanceId": i.id, "DeviceIndex": 0, "Status": "attached"},
        })
    });
    put(
        "network-interfaces.json",
        json!({"NetworkInterfaces": appliances.chain(primaries).collect::<Vec<_>>()}),
    );
    put(
        "instances.json",
        json!({"Reservations": [{"Instances": s.instances.iter().enumerate().map(|(k, i)| json!({
            "InstanceId": i.id, "VpcId": vpc_id, "SubnetId": i.subnet,
            "PrivateIpAddress": i.private_ip.map(|ip| ip.to_string()),
            "PublicIpAddress": i.public_ip.then(|| format!("54.{}.{}.{}", k >> 16 & 255, k >> 8 & 255, k & 255)),
            "State": {"Code": 16, "Name": "running"},
            "NetworkInterfaces": [{
                "NetworkInterfaceId": instance_eni(k), "SubnetId": i.subnet, "VpcId": vpc_id,
                "PrivateIpAddress": i.private_ip.map(|ip| ip.to_string()),
                "Attachment": {"DeviceIndex": 0, "Status": "attached"},
            }],
            "Tags": name_tags(&i.name),
        })).collect::<Vec<_>>()}]}),
    );
    let route = |destination: &Ipv4Net, target: &Target| -> Option<Value> {
        let (key, id, state) = match target {
            Target::NatGateway(n) => ("NatGatewayId", n.to_string(), "active"),
            Target::TransitGateway(t) => ("TransitGatewayId", t.to_string(), "active"),
            Target::VpcPeering(p) => ("VpcPeeringConnectionId", p.to_string(), "active"),
            Target::VirtualPrivateGateway(g)
            | Target::InternetGateway(g)
            | Target::GatewayLoadBalancerEndpoint(g) => ("GatewayId", g.to_string(), "active"),
            Target::NetworkInterface(e) => ("NetworkInterfaceId", e.to_string(), "active"),
            // AWS shows a route whose target is gone with the old target, as a blackhole.
            Target::Blackhole => ("NatGatewayId", "nat-0deleted".to_string(), "blackhole"),
            _ => return None,
        };
        Some(json!({
            "DestinationCidrBlock": destination.to_string(), key: id,
            "Origin": "CreateRoute", "State": state,
        }))
    };
    put(
        "route-tables.json",
        json!({"RouteTables": s.route_tables.iter().map(|t| {
            let mut associations: Vec<Value> = t.subnets.iter().enumerate().map(|(k, sub)| json!({
                "Main": false, "RouteTableAssociationId": format!("rtbassoc-{}-{k}", t.id),
                "RouteTableId": t.id, "SubnetId": sub,
                "AssociationState": {"State": "associated"},
            })).collect();
            if t.main {
                associations.push(json!({
                    "Main": true, "RouteTableAssociationId": format!("rtbassoc-{}-main", t.id),
                    "RouteTableId": t.id, "AssociationState": {"State": "associated"},
                }));
            }
            let mut routes: Vec<Value> = s.vpc.cidrs.iter().map(|c| json!({
                "DestinationCidrBlock": c.to_string(), "GatewayId": "local",
                "Origin": "CreateRouteTable", "State": "active",
            })).collect();
            routes.extend(t.routes.iter().filter_map(|r| match &r.destination {
                Destination::Cidr(c) => route(c, &r.target),
                Destination::PrefixList(_) => None,
            }));
            json!({
                "Associations": associations, "PropagatingVgws": [], "RouteTableId": t.id,
                "Routes": routes, "Tags": name_tags(&t.name), "VpcId": vpc_id,
                "OwnerId": "123456789012",
            })
        }).collect::<Vec<_>>()}),
    );
    files
}
