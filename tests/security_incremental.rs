//! The matrix after a security group or network ACL rule edit evaluates again only the classes
//! whose walks read that group or ACL (`Deps` in src/eval/ctx.rs), and equals a full
//! evaluation.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::random::{SUBNETS, scenario, with_endpoint};
use proptest::prelude::*;
use vpc_tui::cost::{CostInputs, estimate, estimate_after};
use vpc_tui::eval::{Matrix, evaluate_all, evaluate_all_after};
use vpc_tui::model::{
    Edit, Instance, Model, NetworkAcl, NetworkAclRule, Peer, PortRange, Protocol, RuleAction,
    SecurityGroup, SecurityGroupRule, WhatIf, load_file,
};

/// Which rows the matrix after an edit shares with the one before it.
fn shared(before: &Matrix, after: &Matrix) -> Vec<bool> {
    before
        .cells
        .iter()
        .zip(&after.cells)
        .map(|(a, b)| Arc::ptr_eq(a, b))
        .collect()
}

fn security_layers() -> Model {
    load_file(Path::new("scenarios/security-layers.ron")).expect("loads")
}

#[test]
fn a_network_acl_rule_edit_evaluates_again_only_the_subnets_that_cross_it() {
    let (_, _, kept) = after(Edit::RemoveNetworkAclRule {
        acl: "acl-restricted".into(),
        outbound: true,
        number: 90,
    });
    for (id, kept) in &kept {
        // Only the restricted subnet's walks cross its network ACL.
        assert_eq!(*kept, id != "i-restricted", "{id}");
    }
}

/// Adds outbound rule 50 (`deny`, TCP `ports`, from the VPC) to the endpoints' subnet's network
/// ACL.
fn endpoints_outbound_deny(ports: PortRange) -> Edit {
    Edit::AddNetworkAclRule {
        acl: "acl-endpoints".into(),
        outbound: true,
        rule: NetworkAclRule {
            number: 50,
            protocol: Protocol::Tcp,
            ports: Some(ports),
            cidr: "10.0.0.0/16".parse().expect("cidr"),
            action: RuleAction::Deny,
        },
        position: None,
    }
}

#[test]
fn an_outbound_acl_rule_no_reply_matches_keeps_the_walks_into_its_subnet() {
    // Walks into the endpoints' subnet cross its ACL inbound: its outbound rules decide only
    // their replies, which come back to the ephemeral ports, and an SSH rule matches none of
    // them. No instance sends from that subnet: every row is kept.
    let (_, _, kept) = after(endpoints_outbound_deny(PortRange::one(22)));
    for (id, kept) in &kept {
        assert!(kept, "{id}");
    }
    // A rule on the replies' ports refuses the replies of every walk to the SSM endpoint.
    let (before, next, kept) = after(endpoints_outbound_deny(PortRange(1024, 65535)));
    let app_b = row(&kept, "i-app-b");
    assert!(!kept[app_b].1);
    let ssm = next.services.iter().position(|s| s == "ssm").expect("ssm");
    assert_ne!(before.cells[app_b][ssm], next.cells[app_b][ssm]);
}

#[test]
fn a_subnet_associated_with_another_acl_evaluates_again_only_the_walks_that_crossed_it() {
    let (before, next, kept) = after(Edit::AssociateNetworkAcl {
        subnet: "subnet-restricted".into(),
        acl: Some("acl-noreply".into()),
        position: None,
    });
    for (id, kept) in &kept {
        // Only the restricted subnet's walks crossed its network ACL, acl-restricted.
        assert_eq!(*kept, id != "i-restricted", "{id}");
    }
    // Its HTTPS was denied going out; acl-noreply denies the replies coming in.
    let restricted = row(&kept, "i-restricted");
    assert_ne!(before.cells[restricted], next.cells[restricted]);
}

#[test]
fn a_security_group_rule_edit_evaluates_again_only_the_classes_that_check_it() {
    let (_, _, kept) = after(Edit::AddSecurityGroupRule {
        group: "sg-endpoints".into(),
        egress: false,
        rule: SecurityGroupRule {
            protocol: Protocol::Tcp,
            ports: Some(PortRange::one(443)),
            peer: Peer::Cidr("10.0.2.0/24".parse().expect("cidr")),
            description: None,
        },
        position: None,
    });
    // The endpoint's group is checked by every walk that reaches the SSM endpoint's interface;
    // the locked instance's own group refuses SSM before that, so its row is kept.
    assert!(kept[row(&kept, "i-locked")].1);
    assert!(!kept[row(&kept, "i-app-b")].1);
}

/// `edit` applied to the security-layers scenario: the matrix before and after it (evaluated
/// again where the edit touched, held to a full evaluation, as the cost estimate is), and which
/// instances' rows the matrix after shares with the one before, by id.
fn after(edit: Edit) -> (Matrix, Matrix, Vec<(String, bool)>) {
    let model = security_layers();
    let none = WhatIf::default();
    let before = evaluate_all(&model, &none);
    let (next, _) = edit.apply(&model).expect("applies");
    let after = evaluate_all_after(&before, &next, &none);
    assert_eq!(after, evaluate_all(&next, &none));
    let inputs = CostInputs::for_model(&model);
    let cost = estimate(&model, &none, &inputs);
    assert_eq!(
        estimate_after(&cost, &next, &none, &inputs),
        estimate(&next, &none, &inputs)
    );
    let kept = (model.scenario().instances.iter())
        .map(|i| i.id.clone())
        .zip(shared(&before, &after))
        .collect();
    (before, after, kept)
}

/// The row of instance `id`.
fn row(kept: &[(String, bool)], id: &str) -> usize {
    kept.iter().position(|(i, _)| i == id).expect(id)
}

#[test]
fn a_subnet_leaving_the_stand_in_default_acl_evaluates_again_only_the_walks_that_cross_it() {
    // The model lists no default ACL: subnet-app-a is on AWS's stand-in, which no walk records
    // reading. Only the walks from the subnet cross it (no gateway, appliance or endpoint
    // interface is in it).
    let (_, _, kept) = after(Edit::AssociateNetworkAcl {
        subnet: "subnet-app-a".into(),
        acl: Some("acl-restricted".into()),
        position: None,
    });
    for (id, kept) in &kept {
        assert_eq!(*kept, id != "i-app-a" && id != "i-locked", "{id}");
    }
    // The appliances' subnet: the walks the inspected and screened subnets' routes send to an
    // appliance there cross it both ways; acl-noreply lets no reply back in (the firewall's
    // check stopped the inspected instance's walks after that; the proxy's groups stop the
    // screened one's before).
    let (before, after, kept) = after(Edit::AssociateNetworkAcl {
        subnet: "subnet-appliance".into(),
        acl: Some("acl-noreply".into()),
        position: None,
    });
    for (id, kept) in &kept {
        assert_eq!(*kept, id != "i-inspected" && id != "i-screened", "{id}");
    }
    let inspected = row(&kept, "i-inspected");
    assert_ne!(before.cells[inspected], after.cells[inspected]);
}

#[test]
fn a_source_dest_check_evaluates_again_only_the_walks_routed_to_the_appliance() {
    let (before, after, kept) = after(Edit::SetSourceDestCheck {
        interface: "eni-fw".into(),
        enabled: Some(false),
    });
    for (id, kept) in &kept {
        assert_eq!(*kept, id != "i-inspected", "{id}");
    }
    // The check dropped what the firewall forwarded; off, the firewall forwards it.
    let inspected = row(&kept, "i-inspected");
    assert_ne!(before.cells[inspected], after.cells[inspected]);
}

#[test]
fn a_group_attached_to_an_endpoint_evaluates_again_the_walks_that_check_its_groups() {
    // sg-db lets HTTPS in from the filtered subnet, which sg-endpoints left out.
    let (before, after, kept) = after(Edit::AttachSecurityGroup {
        interface: "vpce-ssm".into(),
        group: "sg-db".into(),
        position: None,
    });
    let ssm = after.services.iter().position(|s| s == "ssm").expect("ssm");
    let filtered = row(&kept, "i-filtered");
    assert_ne!(
        before.cells[filtered][ssm].verdict.code(),
        after.cells[filtered][ssm].verdict.code()
    );
    // The locked instance's own group refuses SSM before the endpoint's groups are checked.
    assert!(kept[row(&kept, "i-locked")].1);
    // Detached again: as before.
    let (_, again, _) = after_both([
        Edit::AttachSecurityGroup {
            interface: "vpce-ssm".into(),
            group: "sg-db".into(),
            position: None,
        },
        Edit::DetachSecurityGroup {
            interface: "vpce-ssm".into(),
            group: "sg-db".into(),
        },
    ]);
    assert_eq!(again, before);
}

/// Two edits one after the other, each matrix evaluated again where its edit touched (held to
/// a full evaluation): the first matrix, the last, and the models' instances.
fn after_both(edits: [Edit; 2]) -> (Matrix, Matrix, Vec<String>) {
    let mut model = security_layers();
    let none = WhatIf::default();
    let first = evaluate_all(&model, &none);
    let mut matrix = first.clone();
    for edit in edits {
        let (next, _) = edit.apply(&model).expect("applies");
        matrix = evaluate_all_after(&matrix, &next, &none);
        assert_eq!(matrix, evaluate_all(&next, &none));
        model = next;
    }
    let ids = model
        .scenario()
        .instances
        .iter()
        .map(|i| i.id.clone())
        .collect();
    (first, matrix, ids)
}

fn rule(protocol: u8, port: u16, peer: Peer) -> SecurityGroupRule {
    let protocol = [Protocol::All, Protocol::Tcp, Protocol::Udp][protocol as usize % 3];
    SecurityGroupRule {
        protocol,
        ports: protocol.has_ports().then(|| PortRange::one(port)),
        peer,
        description: None,
    }
}

/// The groups of the random models: `sg-0`..`sg-2` are attached at first, `sg-3` to nothing
/// (rules naming it allow nothing until an edit attaches it).
const GROUPS: usize = 4;

/// A rule's peer: a CIDR ([`cidr`]), or (when `group` is some) that group.
fn peer(cidr: ipnet::Ipv4Net, group: Option<usize>) -> Peer {
    match group {
        Some(g) => Peer::Group(format!("sg-{}", g % GROUPS)),
        None => Peer::Cidr(cidr),
    }
}

/// A group rule as the property test draws it: (group, protocol, port, peer).
type RuleSeed = (usize, u8, u16, (ipnet::Ipv4Net, Option<usize>));

/// A rule's peer as the property test draws it: a CIDR, or one in four times a group.
fn peer_seed() -> impl Strategy<Value = (ipnet::Ipv4Net, Option<usize>)> {
    (cidr(), proptest::option::weighted(0.25, 0..GROUPS))
}

fn acl_rule(number: u16, port: u16, cidr: ipnet::Ipv4Net, allow: bool) -> NetworkAclRule {
    NetworkAclRule {
        number,
        protocol: if port == 0 {
            Protocol::All
        } else {
            Protocol::Tcp
        },
        ports: (port != 0).then(|| PortRange::one(port)),
        cidr,
        action: if allow {
            RuleAction::Allow
        } else {
            RuleAction::Deny
        },
    }
}

/// A CIDR the rules name: a subnet's block, a host in it, the VPC, or everything.
fn cidr() -> impl Strategy<Value = ipnet::Ipv4Net> {
    (0..SUBNETS as u8 + 2, any::<u8>(), any::<bool>()).prop_map(|(s, d, host)| {
        let net = match s as usize {
            SUBNETS => "10.0.0.0/16".to_string(),
            x if x > SUBNETS => "0.0.0.0/0".to_string(),
            _ if host => format!("10.0.{s}.{d}/32"),
            _ => format!("10.0.{s}.0/24"),
        };
        net.parse().expect("cidr")
    })
}

/// All ports, HTTPS, SSH, and one that replies come back to (the ephemeral range).
const PORTS: [u16; 4] = [0, 443, 22, 40000];

/// One random security edit: (kind, group or ACL index, direction, rule fields, a group a
/// rule names); the kinds past the rule edits attach or detach a group (to an instance, the
/// interface endpoint or an appliance interface), associate a subnet with an ACL or AWS's
/// stand-in default, renumber a rule, set an appliance's source/destination check.
type EditSeed = (
    u8,
    usize,
    bool,
    u8,
    u16,
    ipnet::Ipv4Net,
    bool,
    usize,
    Option<usize>,
);

fn edit_seed() -> impl Strategy<Value = EditSeed> {
    (
        0..9u8,
        0..GROUPS,
        any::<bool>(),
        any::<u8>(),
        0..4u16,
        cidr(),
        any::<bool>(),
        0..4usize,
        proptest::option::weighted(0.25, 0..GROUPS),
    )
}

fn edit_of(model: &Model, seed: EditSeed) -> Edit {
    let (kind, which, dir, protocol, port, cidr, allow, index, named) = seed;
    let s = model.scenario();
    let port = PORTS[port as usize];
    let acls = s.network_acls.len();
    match kind {
        0 => Edit::AddSecurityGroupRule {
            group: s.security_groups[which].id.clone(),
            egress: dir,
            rule: rule(protocol, port.max(1), peer(cidr, named)),
            position: None,
        },
        1 => Edit::RemoveSecurityGroupRule {
            group: s.security_groups[which].id.clone(),
            egress: dir,
            index,
        },
        2 => Edit::AddNetworkAclRule {
            acl: s.network_acls[which % acls].id.clone(),
            outbound: dir,
            rule: acl_rule(1 + u16::from(protocol), port, cidr, allow),
            position: None,
        },
        3 => {
            let acl = &s.network_acls[which % acls];
            let rules = if dir { &acl.outbound } else { &acl.inbound };
            Edit::RemoveNetworkAclRule {
                acl: acl.id.clone(),
                outbound: dir,
                number: rules.get(index).map_or(1, |r| r.number),
            }
        }
        // An instance, the interface endpoint, or an appliance interface.
        4 | 5 => {
            let interface = match index {
                3 => s.interface_endpoints[0].id.clone(),
                2 => s.network_interfaces[usize::from(protocol) % s.network_interfaces.len()]
                    .id
                    .clone(),
                _ => s.instances[usize::from(protocol) % s.instances.len()]
                    .id
                    .clone(),
            };
            let group = s.security_groups[which].id.clone();
            match kind {
                4 => Edit::AttachSecurityGroup {
                    interface,
                    group,
                    position: None,
                },
                _ => Edit::DetachSecurityGroup { interface, group },
            }
        }
        6 => Edit::AssociateNetworkAcl {
            subnet: s.subnets[usize::from(protocol) % s.subnets.len()]
                .id
                .clone(),
            acl: allow.then(|| s.network_acls[which % acls].id.clone()),
            position: None,
        },
        // On, off, or not said (then the check is not evaluated).
        8 => Edit::SetSourceDestCheck {
            interface: s.network_interfaces[index % s.network_interfaces.len()]
                .id
                .clone(),
            enabled: (index != 3).then_some(allow),
        },
        // A rule moved to another number: removed, and added again numbered `1 + protocol`.
        _ => {
            let acl = &s.network_acls[which % acls];
            let rules = if dir { &acl.outbound } else { &acl.inbound };
            let Some(r) = rules.get(index) else {
                return Edit::Batch(Vec::new());
            };
            Edit::Batch(vec![
                Edit::RemoveNetworkAclRule {
                    acl: acl.id.clone(),
                    outbound: dir,
                    number: r.number,
                },
                Edit::AddNetworkAclRule {
                    acl: acl.id.clone(),
                    outbound: dir,
                    rule: NetworkAclRule {
                        number: 1 + u16::from(protocol),
                        ..r.clone()
                    },
                    position: None,
                },
            ])
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// After random security edits (rules added, removed and renumbered, groups attached to
    /// and detached from instances, the endpoint and appliances, subnets associated with
    /// network ACLs or AWS's stand-in default, source/destination checks set), the matrix and
    /// the cost estimate evaluated again where the edits touched equal full evaluations.
    #[test]
    fn incremental_matrix_after_rule_edits_equals_a_full_evaluation(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        groups in proptest::collection::vec((0..3usize, any::<bool>()), SUBNETS * 2),
        ingress in proptest::collection::vec((0..GROUPS, any::<u8>(), 0..4u16, peer_seed()), 0..8),
        egress in proptest::collection::vec((0..GROUPS, any::<u8>(), 0..4u16, peer_seed()), 0..8),
        open in proptest::collection::vec(any::<bool>(), GROUPS),
        acl_rules in proptest::collection::vec((any::<bool>(), 0..4u16, cidr(), any::<bool>()), 0..8),
        associated in proptest::collection::vec(any::<bool>(), SUBNETS),
        explicit_default in any::<bool>(),
        checks in proptest::collection::vec(proptest::option::of(any::<bool>()), 3),
        edits in proptest::collection::vec(edit_seed(), 1..4),
    ) {
        let mut s = with_endpoint(scenario(&defaults, &publics, false));
        let all = "0.0.0.0/0".parse().expect("cidr");
        let rules = |list: &[RuleSeed], g: usize| {
            list.iter()
                .filter(|r| r.0 == g)
                .map(|&(_, p, port, (c, named))| rule(p, PORTS[port as usize].max(1), peer(c, named)))
                .collect::<Vec<_>>()
        };
        // A group open outbound (a new group's default), or with the drawn egress rules only.
        s.security_groups = (0..GROUPS)
            .map(|g| SecurityGroup {
                id: format!("sg-{g}"),
                name: None,
                ingress: rules(&ingress, g).into(),
                egress: match open[g] {
                    true => vec![rule(0, 0, Peer::Cidr(all))],
                    false => rules(&egress, g),
                }
                .into(),
                ingress_ipv6: Vec::new(),
                egress_ipv6: Vec::new(),
            })
            .collect();
        s.instances = (0..SUBNETS * 2)
            .map(|k| Instance { ipv6_address: Default::default(),
                security_groups: {
                    let (g, two) = groups[k];
                    let mut v = vec![format!("sg-{g}")];
                    if two {
                        v.push(format!("sg-{}", (g + 1) % 3));
                    }
                    v
                },
                id: format!("i-{k}"),
                name: None,
                subnet: format!("subnet-{}", k % SUBNETS),
                private_ip: Some(std::net::Ipv4Addr::new(10, 0, (k % SUBNETS) as u8, 10 + k as u8)),
                public_ip: publics[k % SUBNETS],
            })
            .collect();
        for e in &mut s.interface_endpoints {
            e.security_groups = vec!["sg-1".into()];
        }
        for (n, check) in s.network_interfaces.iter_mut().zip(checks) {
            n.security_groups = vec!["sg-2".into()];
            n.source_dest_check = check;
        }
        let allow_all = |n| acl_rule(n, 0, all, true);
        let numbered = |out: bool| -> Vec<NetworkAclRule> {
            acl_rules
                .iter()
                .enumerate()
                .filter(|r| r.1.0 == out)
                .map(|(k, &(_, port, c, allow))| acl_rule(10 + k as u16, PORTS[port as usize], c, allow))
                .chain([allow_all(200)])
                .collect()
        };
        // Without an explicit default ACL, the subnets without one are on AWS's stand-in.
        s.network_acls = vec![
            NetworkAcl {
                id: "acl-default".into(),
                name: None,
                default: true,
                subnets: vec![],
                inbound: vec![allow_all(100)].into(),
                outbound: vec![allow_all(100)].into(),
                ipv6_inbound: Vec::new(),
                ipv6_outbound: Vec::new(),
            },
            NetworkAcl {
                id: "acl-1".into(),
                name: None,
                default: false,
                subnets: (0..SUBNETS)
                    .filter(|&i| associated[i])
                    .map(|i| format!("subnet-{i}"))
                    .collect(),
                inbound: numbered(false).into(),
                outbound: numbered(true).into(),
                ipv6_inbound: Vec::new(),
                ipv6_outbound: Vec::new(),
            },
        ];
        if !explicit_default {
            s.network_acls.remove(0);
        }
        let Ok(mut model) = Model::new(s) else { return Ok(()); };
        let none = WhatIf::default();
        let mut matrix = evaluate_all(&model, &none);
        let inputs = CostInputs::for_model(&model);
        let mut cost = estimate(&model, &none, &inputs);
        for seed in edits {
            let Ok((next, _)) = edit_of(&model, seed).apply(&model) else { continue };
            let after = evaluate_all_after(&matrix, &next, &none);
            prop_assert_eq!(&after, &evaluate_all(&next, &none));
            // The estimate too evaluates again only the cells the edit may touch.
            let cost_after = estimate_after(&cost, &next, &none, &inputs);
            prop_assert_eq!(&cost_after, &estimate(&next, &none, &inputs));
            (model, matrix, cost) = (next, after, cost_after);
        }
    }
}
