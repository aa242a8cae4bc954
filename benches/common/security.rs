//! The security layer the generator adds when [`super::Shape::security`] is on: security groups
//! and network ACLs at the sizes issue 17's performance point names.
//!
//! - 500 security groups (`sg-000`..`sg-499`) × 50 rules (30 ingress, 20 egress): tcp, udp
//!   and all, single ports and ranges; peers mixed as in real fleets: mostly the VPC, subnet,
//!   on-premises and office CIDRs, some managed prefix lists (s3, dynamodb), many references to
//!   other groups, and rarely a host (/32) or a small block inside a subnet. The first
//!   [`ENDPOINT_GROUPS`] guard interface endpoints (tcp/443 from the VPC in most, only from some
//!   app groups in the others, the common real failure); the rest are app tiers.
//! - Each instance has 1–3 groups. Real fleets launch a subnet's instances from a few launch
//!   templates, so instances in a subnet share a handful ([`SETS_PER_SUBNET`]) of group sets
//!   rather than each having its own combination; the sets are drawn per subnet.
//! - Interface endpoints have 1–2 endpoint groups; appliance interfaces one app group.
//! - 200 network ACLs (`acl-000`..`acl-199`) × 40 rules (20 inbound, 20 outbound, within AWS's
//!   default quota of 20 per direction), each associated with the subnets `i % 200 == a`: a
//!   few denies of outside ranges first, then the usual allows (the VPC, 443 out, ephemeral
//!   replies in); one in ten forgets the ephemeral replies (the common real NACL failure).
//!
//! Its own seed, so the routing part of the model is the same with or without it.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;
use vpc_tui::model::{
    Edit, Model, NetworkAcl, NetworkAclRule, Peer, PortRange, Protocol, RuleAction, Scenario,
    SecurityGroup, SecurityGroupRule,
};

use super::XorShift;

pub const SECURITY_GROUPS: usize = 500;
pub const GROUP_INGRESS: usize = 30;
pub const GROUP_EGRESS: usize = 20;
/// Groups `sg-000`.. that guard the interface endpoints.
pub const ENDPOINT_GROUPS: usize = 20;
pub const NETWORK_ACLS: usize = 200;
pub const ACL_RULES_PER_DIRECTION: usize = 20;
/// Distinct group sets among one subnet's instances.
pub const SETS_PER_SUBNET: usize = 4;

const SEED: u64 = 0x5ec0_0a11_0017_0500;

pub fn group_id(g: usize) -> String {
    format!("sg-{g:03}")
}

pub fn acl_id(a: usize) -> String {
    format!("acl-{a:03}")
}

fn cidr(s: &str) -> Ipv4Net {
    s.parse().expect("cidr")
}

fn subnet_net(s: &Scenario, rng: &mut XorShift) -> Ipv4Net {
    s.subnets[rng.below(s.subnets.len())].ipv4_or_none()
}

fn ports(rng: &mut XorShift, protocol: Protocol) -> Option<PortRange> {
    if !protocol.has_ports() {
        return None;
    }
    Some(match rng.below(10) {
        0..=2 => PortRange::one(443),
        3 => PortRange::one(80),
        4 => PortRange::one(22),
        5 => PortRange::one([5432, 3306, 6379, 53][rng.below(4)]),
        6 => PortRange(8080, 8090),
        7 => PortRange(9000, 9100),
        8 => PortRange(1024, 65535),
        _ => PortRange::ALL,
    })
}

fn protocol(rng: &mut XorShift) -> Protocol {
    match rng.below(20) {
        0..=12 => Protocol::Tcp,
        13..=16 => Protocol::Udp,
        _ => Protocol::All,
    }
}

/// A rule peer: mostly wide CIDRs and group references; rarely a host or a block in a subnet.
fn peer(s: &Scenario, rng: &mut XorShift) -> Peer {
    match rng.below(100) {
        0..=11 => Peer::Cidr(s.vpc.cidrs[0]),
        12..=29 => Peer::Cidr(subnet_net(s, rng)),
        30..=37 => Peer::Cidr(
            [
                "172.16.0.0/12",
                "192.168.0.0/16",
                "198.51.100.0/24",
                "203.0.113.0/24",
            ][rng.below(4)]
            .parse()
            .expect("cidr"),
        ),
        38..=41 => Peer::Cidr(Ipv4Net::default()),
        42 => {
            // A /28 or a host inside a subnet.
            let net = subnet_net(s, rng);
            let [a, b, c, _] = net.network().octets();
            let len = [28, 32][rng.below(2)];
            let d = (100 + rng.below(50)) as u8;
            Peer::Cidr(
                Ipv4Net::new(Ipv4Addr::new(a, b, c, d), len)
                    .expect("len")
                    .trunc(),
            )
        }
        43..=54 => Peer::PrefixList(["s3", "dynamodb"][rng.below(2)].into()),
        _ => Peer::Group(group_id(rng.below(SECURITY_GROUPS))),
    }
}

fn rule(s: &Scenario, rng: &mut XorShift) -> SecurityGroupRule {
    let protocol = protocol(rng);
    SecurityGroupRule {
        protocol,
        ports: ports(rng, protocol),
        peer: peer(s, rng),
        description: None,
    }
}

fn https(peer: Peer) -> SecurityGroupRule {
    SecurityGroupRule {
        protocol: Protocol::Tcp,
        ports: Some(PortRange::one(443)),
        peer,
        description: None,
    }
}

fn group(s: &Scenario, rng: &mut XorShift, g: usize) -> SecurityGroup {
    let mut ingress = Vec::with_capacity(GROUP_INGRESS);
    if g < ENDPOINT_GROUPS {
        // Most endpoint groups allow HTTPS from the VPC; the others only from some app tiers.
        if rng.below(10) < 7 {
            ingress.push(https(Peer::Cidr(s.vpc.cidrs[0])));
        }
    }
    while ingress.len() < GROUP_INGRESS {
        ingress.push(rule(s, rng));
    }
    let mut egress = Vec::with_capacity(GROUP_EGRESS);
    match rng.below(20) {
        0..=13 => egress.push(https(Peer::Cidr(Ipv4Net::default()))),
        14..=16 => egress.push(SecurityGroupRule {
            protocol: Protocol::All,
            ports: None,
            peer: Peer::Cidr(Ipv4Net::default()),
            description: None,
        }),
        _ => {}
    }
    while egress.len() < GROUP_EGRESS {
        egress.push(rule(s, rng));
    }
    SecurityGroup {
        id: group_id(g),
        name: Some(format!("tier-{g:03}")),
        ingress: ingress.into(),
        egress: egress.into(),
        ingress_ipv6: Vec::new(),
        egress_ipv6: Vec::new(),
    }
}

fn acl_rule(
    number: u16,
    protocol: Protocol,
    ports: Option<PortRange>,
    cidr: Ipv4Net,
) -> NetworkAclRule {
    NetworkAclRule {
        number,
        protocol,
        ports,
        cidr,
        action: RuleAction::Allow,
    }
}

/// One direction's 20 rules: denies of outside ranges, then `allows`, then random allows.
fn acl_rules(
    rng: &mut XorShift,
    allows: Vec<(Protocol, Option<PortRange>, Ipv4Net)>,
) -> Vec<NetworkAclRule> {
    let mut rules = Vec::with_capacity(ACL_RULES_PER_DIRECTION);
    let denies = 2 + rng.below(3);
    for _ in 0..denies {
        let net = Ipv4Net::new(
            Ipv4Addr::new([198, 203, 192][rng.below(3)], rng.below(256) as u8, 0, 0),
            16 + rng.below(9) as u8,
        )
        .expect("len")
        .trunc();
        let protocol = protocol(rng);
        rules.push(NetworkAclRule {
            action: RuleAction::Deny,
            ..acl_rule(0, protocol, ports(rng, protocol), net)
        });
    }
    rules.extend(
        allows
            .into_iter()
            .map(|(p, ports, c)| acl_rule(0, p, ports, c)),
    );
    while rules.len() < ACL_RULES_PER_DIRECTION {
        let protocol = protocol(rng);
        let c = match rng.below(3) {
            0 => cidr("172.16.0.0/12"),
            1 => cidr("192.168.0.0/16"),
            _ => cidr("100.64.0.0/10"),
        };
        rules.push(acl_rule(0, protocol, ports(rng, protocol), c));
    }
    for (k, r) in rules.iter_mut().enumerate() {
        r.number = 100 + 10 * k as u16;
    }
    rules
}

fn acl(s: &Scenario, rng: &mut XorShift, a: usize) -> NetworkAcl {
    let vpc = s.vpc.cidrs[0];
    let any = Ipv4Net::default();
    let forgets_replies = a % 10 == 7;
    let mut inbound = vec![(Protocol::All, None, vpc)];
    if !forgets_replies {
        inbound.push((Protocol::Tcp, Some(PortRange(1024, 65535)), any));
        inbound.push((Protocol::Udp, Some(PortRange(1024, 65535)), any));
    }
    let outbound = vec![
        (Protocol::All, None, vpc),
        (Protocol::Tcp, Some(PortRange::one(443)), any),
        (Protocol::Tcp, Some(PortRange::one(80)), any),
        (Protocol::Tcp, Some(PortRange(1024, 65535)), any),
    ];
    NetworkAcl {
        id: acl_id(a),
        name: None,
        default: false,
        subnets: (a..s.subnets.len())
            .step_by(NETWORK_ACLS)
            .map(|i| s.subnets[i].id.clone())
            .collect(),
        inbound: acl_rules(rng, inbound).into(),
        outbound: acl_rules(rng, outbound).into(),
        ipv6_inbound: Vec::new(),
        ipv6_outbound: Vec::new(),
    }
}

/// Adds the security layer to a generated scenario (see the module comment).
pub fn add(s: &mut Scenario) {
    let mut rng = XorShift::new(SEED);
    s.security_groups = (0..SECURITY_GROUPS)
        .map(|g| group(s, &mut rng, g))
        .collect();
    s.network_acls = (0..NETWORK_ACLS).map(|a| acl(s, &mut rng, a)).collect();
    let app_group = |rng: &mut XorShift| {
        group_id(ENDPOINT_GROUPS + rng.below(SECURITY_GROUPS - ENDPOINT_GROUPS))
    };
    // A handful of group sets per subnet (launch templates), each of 1–3 app groups.
    let sets: Vec<Vec<Vec<String>>> = (0..s.subnets.len())
        .map(|_| {
            (0..SETS_PER_SUBNET)
                .map(|_| {
                    let mut set: Vec<String> = Vec::new();
                    for _ in 0..1 + rng.below(3) {
                        let g = app_group(&mut rng);
                        if !set.contains(&g) {
                            set.push(g);
                        }
                    }
                    set
                })
                .collect()
        })
        .collect();
    let subnet_index: std::collections::HashMap<String, usize> = s
        .subnets
        .iter()
        .enumerate()
        .map(|(i, x)| (x.id.clone(), i))
        .collect();
    for inst in s.instances.iter_mut() {
        let sub = subnet_index[&inst.subnet];
        inst.security_groups = sets[sub][rng.below(SETS_PER_SUBNET)].clone();
    }
    for e in &mut s.interface_endpoints {
        let mut groups = vec![group_id(rng.below(ENDPOINT_GROUPS))];
        if rng.below(4) == 0 {
            let g = group_id(rng.below(ENDPOINT_GROUPS));
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        e.security_groups = groups;
    }
    for n in &mut s.network_interfaces {
        n.security_groups = vec![app_group(&mut rng)];
    }
}

/// One of the security edits `benches/security.rs` times (`security/edit_render/NAME`) and
/// `examples/security_prof.rs` counts (`edit NAME`): `edit`, applied to the model after `setup`
/// (outside the timing).
pub struct SecurityEdit {
    pub name: &'static str,
    pub setup: Option<Edit>,
    pub edit: Edit,
}

impl SecurityEdit {
    /// The model `edit` is applied to: `model` after `setup`.
    pub fn start(&self, model: &Model) -> Model {
        match &self.setup {
            Some(setup) => {
                setup
                    .apply(model)
                    .unwrap_or_else(|e| panic!("{}: setup refused: {e}", self.name))
                    .0
            }
            None => model.clone(),
        }
    }
}

/// The security edits, by name:
///
/// - `sg_rule`: HTTPS from the VPC added to endpoint group `sg-001`'s ingress;
/// - `nacl_rule`: `acl-039`'s outbound HTTPS rule removed;
/// - `sg_attach`: an endpoint group the first interface endpoint lacks attached to it;
/// - `sg_detach`: the last group of the first instance with two detached from it (its class
///   splits off);
/// - `nacl_assoc`: the first private subnet, moved to AWS's stand-in default network ACL
///   beforehand (the model lists no default ACL), associated with its ACL again;
/// - `nacl_assoc_default`: the same subnet moved from its ACL to the stand-in;
/// - `src_dst`: the first appliance interface's source/destination check turned on (the
///   routes to it then drop what they forward).
pub fn edits(model: &Model) -> Vec<SecurityEdit> {
    let s = model.scenario();
    let acl = &s.network_acls[39];
    let https_out = acl
        .outbound
        .iter()
        .find(|r| r.ports == Some(PortRange::one(443)))
        .expect("every generated ACL allows HTTPS out");
    let endpoint = &s.interface_endpoints[0];
    let extra = (0..ENDPOINT_GROUPS)
        .map(group_id)
        .find(|g| !endpoint.security_groups.contains(g))
        .expect("an endpoint group the endpoint lacks");
    let two = s
        .instances
        .iter()
        .find(|i| i.security_groups.len() >= 2)
        .expect("an instance with two groups");
    let subnet = &s.subnets[super::FIRST_PRIVATE_SUBNET].id;
    let its_acl = s
        .network_acls
        .iter()
        .find(|a| a.subnets.contains(subnet))
        .expect("every generated subnet has an ACL");
    let to_default = Edit::AssociateNetworkAcl {
        subnet: subnet.clone(),
        acl: None,
        position: None,
    };
    let edit = |name, edit| SecurityEdit {
        name,
        setup: None,
        edit,
    };
    vec![
        edit(
            "sg_rule",
            Edit::AddSecurityGroupRule {
                group: group_id(1),
                egress: false,
                rule: https(Peer::Cidr(s.vpc.cidrs[0])),
                position: None,
            },
        ),
        edit(
            "nacl_rule",
            Edit::RemoveNetworkAclRule {
                acl: acl.id.clone(),
                outbound: true,
                number: https_out.number,
            },
        ),
        edit(
            "sg_attach",
            Edit::AttachSecurityGroup {
                interface: endpoint.id.clone(),
                group: extra,
                position: None,
            },
        ),
        edit(
            "sg_detach",
            Edit::DetachSecurityGroup {
                interface: two.id.clone(),
                group: two.security_groups.last().expect("two groups").clone(),
            },
        ),
        SecurityEdit {
            name: "nacl_assoc",
            setup: Some(to_default.clone()),
            edit: Edit::AssociateNetworkAcl {
                subnet: subnet.clone(),
                acl: Some(its_acl.id.clone()),
                position: None,
            },
        },
        edit("nacl_assoc_default", to_default),
        edit(
            "src_dst",
            Edit::SetSourceDestCheck {
                interface: s.network_interfaces[0].id.clone(),
                enabled: Some(true),
            },
        ),
    ]
}
