//! The matrix walks the first class of each family (classes that share a subnet and public-IP
//! state, and differ in their security groups and address) and replays its group checks and
//! the checks of its address (network ACL crossings, group ingress from it) for the others
//! (`src/eval/matrix/family.rs`): every row must equal the row of its class walked on its own,
//! and the reads recorded for a replayed row must let an edit to any group, or an AZ failure,
//! evaluate again what it touched. Rules and network ACL entries naming hosts and small blocks
//! inside the subnets put the instances of one subnet in classes of different addresses.

mod common;

use common::random::{SUBNETS, scenario, with_endpoint};
use proptest::prelude::*;
use vpc_tui::eval::{
    ClassKey, class_families, classes, evaluate_all, evaluate_all_after, evaluate_class,
    evaluate_classes, evaluate_family,
};
use vpc_tui::model::{
    Edit, Instance, Model, Peer, PortRange, Protocol, SecurityGroup, SecurityGroupRule, WhatIf,
};

const GROUPS: usize = 4;

/// A rule from a palette of what decides differently between groups: HTTPS or anything, to
/// the VPC, a subnet, everything, a prefix list, or another group.
fn rule((protocol, peer): (u8, u8)) -> SecurityGroupRule {
    let protocol = [Protocol::Tcp, Protocol::All, Protocol::Udp][protocol as usize % 3];
    let peer = match peer % 8 {
        0 => Peer::Cidr("0.0.0.0/0".parse().expect("cidr")),
        1 => Peer::Cidr("10.0.0.0/16".parse().expect("cidr")),
        2 => Peer::Cidr(format!("10.0.{}.0/24", peer % 6).parse().expect("cidr")),
        3 => Peer::PrefixList("s3".into()),
        // A host or a /30 inside a subnet, where the instances are (10.0.s.10 onwards).
        4 | 5 => Peer::Cidr(
            format!(
                "10.0.{}.{}/{}",
                peer % SUBNETS as u8,
                8 + 4 * (peer / 16 % 6),
                [30, 32][usize::from(peer % 2)]
            )
            .parse::<ipnet::Ipv4Net>()
            .expect("cidr")
            .trunc(),
        ),
        _ => Peer::Group(format!("sg-{}", peer as usize % GROUPS)),
    };
    SecurityGroupRule {
        protocol,
        ports: protocol.has_ports().then(|| PortRange::one(443)),
        peer,
        description: None,
    }
}

type Rules = Vec<(u8, u8)>;

fn rules() -> impl Strategy<Value = Rules> {
    proptest::collection::vec((any::<u8>(), any::<u8>()), 0..3)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn family_rows_equal_rows_walked_alone(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        groups in proptest::collection::vec((rules(), rules()), GROUPS),
        sets in proptest::collection::vec(proptest::collection::vec(0..GROUPS, 1..3), SUBNETS * 3),
        endpoint_groups in proptest::collection::vec(0..GROUPS, 1..3),
        edit in (0..GROUPS, any::<bool>(), (any::<u8>(), any::<u8>())),
        acl in proptest::option::of((any::<u8>(), any::<u8>(), any::<u8>())),
    ) {
        let publics: Vec<bool> = (0..SUBNETS * 3).map(|k| publics[k % SUBNETS]).collect();
        rows_case(&defaults, &publics, &groups, &sets, &endpoint_groups, edit, acl)?;
    }

    /// The matrix's families hold a subnet's classes with and without a public IP together
    /// (`Logged::PublicIp`): here each subnet has instances of both.
    #[test]
    fn family_rows_with_and_without_public_ips_equal_rows_walked_alone(
        defaults in proptest::collection::vec(proptest::option::of(any::<u8>()), SUBNETS),
        subnet_publics in proptest::collection::vec(any::<bool>(), SUBNETS),
        publics in proptest::collection::vec(any::<bool>(), SUBNETS * 3),
        groups in proptest::collection::vec((rules(), rules()), GROUPS),
        sets in proptest::collection::vec(proptest::collection::vec(0..GROUPS, 1..3), SUBNETS * 3),
        endpoint_groups in proptest::collection::vec(0..GROUPS, 1..3),
        edit in (0..GROUPS, any::<bool>(), (any::<u8>(), any::<u8>())),
        acl in proptest::option::of((any::<u8>(), any::<u8>(), any::<u8>())),
    ) {
        // The subnets' routes follow the first instances' states; the others' are drawn apart.
        let publics: Vec<bool> = (0..SUBNETS * 3)
            .map(|k| if k < SUBNETS { subnet_publics[k] } else { publics[k] })
            .collect();
        rows_case(&defaults, &publics, &groups, &sets, &endpoint_groups, edit, acl)?;
    }
}

type Groups = Vec<(Rules, Rules)>;

/// One case of the family properties: `publics` gives each instance's public-IP state
/// (`SUBNETS * 3` instances, instance `k` in subnet `k % SUBNETS`; the scenario's subnets take
/// theirs from the first `SUBNETS`).
#[allow(clippy::too_many_arguments)]
fn rows_case(
    defaults: &[Option<u8>],
    publics: &[bool],
    groups: &Groups,
    sets: &[Vec<usize>],
    endpoint_groups: &[usize],
    edit: (usize, bool, (u8, u8)),
    acl: Option<(u8, u8, u8)>,
) -> Result<(), TestCaseError> {
    {
        let mut s = with_endpoint(scenario(defaults, &publics[..SUBNETS], false));
        s.security_groups = groups
            .iter()
            .enumerate()
            .map(|(g, (ingress, egress))| SecurityGroup {
                id: format!("sg-{g}"),
                name: None,
                ingress: ingress.iter().copied().map(rule).collect(),
                egress: egress.iter().copied().map(rule).collect(),
                ingress_ipv6: Vec::new(),
                egress_ipv6: Vec::new(),
            })
            .collect();
        // Three instances per subnet, each with its own groups and address (rules may name
        // hosts and /30s among them): families of up to three classes.
        if let Some((on, a, b)) = acl {
            s.network_acls.push(host_acl(on, a, b));
        }
        s.instances = (0..SUBNETS * 3)
            .map(|k| Instance {
                ipv6_address: Default::default(),
                security_groups: {
                    let mut v: Vec<String> = sets[k].iter().map(|g| format!("sg-{g}")).collect();
                    v.dedup();
                    v
                },
                id: format!("i-{k}"),
                name: None,
                subnet: format!("subnet-{}", k % SUBNETS),
                private_ip: Some(std::net::Ipv4Addr::new(
                    10,
                    0,
                    (k % SUBNETS) as u8,
                    10 + k as u8,
                )),
                public_ip: publics[k],
            })
            .collect();
        let mut endpoint: Vec<String> = endpoint_groups.iter().map(|g| format!("sg-{g}")).collect();
        endpoint.dedup();
        for e in &mut s.interface_endpoints {
            e.security_groups = endpoint.clone();
        }
        for n in &mut s.network_interfaces {
            n.security_groups = vec!["sg-0".into()];
        }
        let Ok(model) = Model::new(s) else {
            return Ok(());
        };
        let none = WhatIf::default();
        let matrix = evaluate_all(&model, &none);
        family_traces_equal_traces_walked_alone(&model)?;
        let sec = model.security();
        for (row, inst) in model.scenario().instances.iter().enumerate() {
            let key = ClassKey {
                subnet: model.subnet_index(&inst.subnet).expect("subnet"),
                public_ip: inst.public_ip,
                security: Some((sec.instance_groups[row].clone(), inst.private_ip)),
            };
            let alone = evaluate_classes(&model, &none, &[key]);
            prop_assert_eq!(&matrix.cells[row], &alone[0], "{}", inst.id);
        }
        // An AZ failure: the AZs the replayed rows recorded (their own, and those that only
        // decided an endpoint's DNS answer) evaluate again what it touched.
        for az in &model.scenario().availability_zones {
            let failed = WhatIf {
                failed_azs: vec![az.name.clone()],
            };
            prop_assert_eq!(
                evaluate_all_after(&matrix, &model, &failed),
                evaluate_all(&model, &failed),
                "{} failed",
                az.name
            );
        }
        // A rule edit to any group: the cells evaluated again by what the replayed rows
        // recorded equal a full evaluation.
        let (g, egress, r) = edit;
        let Ok((next, _)) = (Edit::AddSecurityGroupRule {
            group: format!("sg-{g}"),
            egress,
            rule: rule(r),
            position: Some(0),
        })
        .apply(&model) else {
            return Ok(());
        };
        prop_assert_eq!(
            evaluate_all_after(&matrix, &next, &none),
            evaluate_all(&next, &none)
        );
    }
    Ok(())
}

/// A network ACL on the subnets `on` picks whose first rules refuse HTTPS from one /30 among
/// the instances (`a`) and replies to another (`b`); the rest allows the VPC and the replies.
fn host_acl(on: u8, a: u8, b: u8) -> vpc_tui::model::NetworkAcl {
    use vpc_tui::model::{NetworkAclRule, RuleAction};
    let block = |x: u8| format!("10.0.{}.{}/30", x % SUBNETS as u8, 8 + 4 * (x / 16 % 6));
    let rule = |number, protocol, ports, cidr: &str, action| NetworkAclRule {
        number,
        protocol,
        ports,
        cidr: cidr.parse::<ipnet::Ipv4Net>().expect("cidr").trunc(),
        action,
    };
    let https = Some(PortRange::one(443));
    let replies = Some(PortRange(1024, 65535));
    vpc_tui::model::NetworkAcl {
        id: "acl-hosts".into(),
        name: None,
        default: false,
        subnets: (0..SUBNETS)
            .filter(|i| on & (1 << i) != 0)
            .map(|i| format!("subnet-{i}"))
            .collect(),
        inbound: vec![
            rule(50, Protocol::Tcp, https, &block(a), RuleAction::Deny),
            rule(100, Protocol::All, None, "10.0.0.0/16", RuleAction::Allow),
            rule(110, Protocol::Tcp, replies, "0.0.0.0/0", RuleAction::Allow),
        ]
        .into(),
        outbound: vec![
            rule(50, Protocol::Tcp, replies, &block(b), RuleAction::Deny),
            rule(100, Protocol::All, None, "0.0.0.0/0", RuleAction::Allow),
        ]
        .into(),
        ipv6_inbound: Vec::new(),
        ipv6_outbound: Vec::new(),
    }
}

/// The cost estimate's families (`eval::evaluate_family`): each class's traces and reads, each
/// class asking for its own services, equal those of the class evaluated alone.
fn family_traces_equal_traces_walked_alone(model: &Model) -> Result<(), TestCaseError> {
    let failed = model.failed_azs(&WhatIf::default());
    let classes = classes(model);
    let keys: Vec<&ClassKey> = classes.keys.iter().collect();
    let names: Vec<&str> = model.services().iter().map(|s| s.name.as_str()).collect();
    for family in class_families(model, &keys) {
        let asked: Vec<(&ClassKey, Vec<&str>)> = family
            .iter()
            .enumerate()
            .map(|(p, &k)| {
                let services = names
                    .iter()
                    .enumerate()
                    .filter(|(s, _)| (s + p) % 3 != 0)
                    .map(|(_, &n)| n)
                    .collect();
                (keys[k], services)
            })
            .collect();
        let together = evaluate_family(model, &failed, &asked);
        prop_assert_eq!(together.len(), asked.len());
        for ((key, services), (traces, deps)) in asked.iter().zip(together) {
            let got: Vec<_> = traces
                .into_iter()
                .map(|t| t.map(|t| (*t).clone()))
                .collect();
            prop_assert_eq!(
                (got, deps),
                evaluate_class(model, &failed, key, services),
                "{:?}",
                key
            );
        }
    }
    Ok(())
}
