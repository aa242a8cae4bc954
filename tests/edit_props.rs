//! Property tests for `Edit::apply`: random sequences of edits over every scenario in
//! `scenarios/` (and one fixture with the objects those lack), with ids picked from the model
//! and, now and then, ids, CIDRs and AZs that do not exist.
//!
//! Checked for every step: `apply` never panics; a successful edit's inverse restores the
//! scenario exactly (`==`, order of every list included); a refusal says something and names an
//! id. After the sequence: the scenario round-trips through RON unchanged and loads again, and
//! undoing every step in reverse gives back the scenario the sequence started from. And after
//! every step, the matrix evaluated again only where the edit touched
//! (`eval::evaluate_all_after`) equals the whole matrix evaluated anew, and so does the cost
//! estimate (`cost::estimate_after`); the classes (kept from the model before when the edit
//! left what they are made of alone) equal those made afresh.

use std::net::Ipv4Addr;
use std::path::Path;
use std::sync::OnceLock;

use ipnet::Ipv4Net;
use proptest::prelude::*;
use vpc_tui::eval::{evaluate_all, evaluate_all_after};
use vpc_tui::model::{
    AvailabilityMode, Destination, Edit, EditError, EndpointSubnet, GatewayEndpoint,
    InterfaceEndpoint, Model, NatConnectivity, NatGateway, Route, Scenario, Target, from_ron_str,
    load_file, to_ron_string,
};

/// Objects the scenario files may not have: an internet gateway, zonal and regional NAT
/// gateways, a GWLB endpoint, an appliance ENI, a replaced local route, a secondary CIDR and a
/// failed AZ.
const KITCHEN: &str = include_str!("fixtures/kitchen.ron");

/// Every scenario file, sorted by name, then the fixture above.
fn models() -> &'static [(String, Model)] {
    static MODELS: OnceLock<Vec<(String, Model)>> = OnceLock::new();
    MODELS.get_or_init(|| {
        let mut paths: Vec<_> =
            std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"))
                .expect("scenarios/ exists")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect();
        paths.sort();
        let mut models: Vec<(String, Model)> = paths
            .iter()
            .map(|p| {
                let m = load_file(p).unwrap_or_else(|e| panic!("{e}"));
                (p.display().to_string(), m)
            })
            .collect();
        let kitchen = from_ron_str(KITCHEN, Path::new("kitchen.ron")).expect("fixture parses");
        let kitchen = Model::new(kitchen).unwrap_or_else(|d| panic!("fixture is valid: {d:?}"));
        models.push(("kitchen fixture".into(), kitchen));
        models
    })
}

/// Raw random choices; [`build`] turns them into an edit against the current model.
#[derive(Debug, Clone)]
struct Seed {
    kind: u8,
    a: u32,
    b: u32,
    c: u32,
    flag: bool,
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        0u8..24,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
    )
        .prop_map(|(kind, a, b, c, flag)| Seed {
            kind,
            a,
            b,
            c,
            flag,
        })
}

/// Mostly single edits, sometimes a batch of 0 to 3.
fn step() -> impl Strategy<Value = Vec<Seed>> {
    prop_oneof![
        5 => prop::collection::vec(seed(), 1..2),
        1 => prop::collection::vec(seed(), 0..4),
    ]
}

/// One of `ids`, or (one time in seven, or when there are none) `missing`.
fn pick<'a>(ids: impl IntoIterator<Item = &'a str>, n: u32, missing: &str) -> String {
    let ids: Vec<&str> = ids.into_iter().collect();
    if ids.is_empty() || n.is_multiple_of(7) {
        missing.to_string()
    } else {
        ids[(n / 7) as usize % ids.len()].to_string()
    }
}

fn position(n: u32) -> Option<usize> {
    (!n.is_multiple_of(3)).then_some((n / 3 % 6) as usize)
}

fn subnet(s: &Scenario, n: u32) -> String {
    pick(s.subnets.iter().map(|x| &*x.id), n, "subnet-missing")
}

fn table(s: &Scenario, n: u32) -> String {
    pick(s.route_tables.iter().map(|x| &*x.id), n, "rtb-missing")
}

fn gateway_endpoint(s: &Scenario, n: u32) -> String {
    pick(
        s.gateway_endpoints.iter().map(|x| &*x.id),
        n,
        "vpce-gw-missing",
    )
}

fn interface_endpoint(s: &Scenario, n: u32) -> String {
    pick(
        s.interface_endpoints.iter().map(|x| &*x.id),
        n,
        "vpce-if-missing",
    )
}

fn az(s: &Scenario, n: u32) -> String {
    let names = s
        .availability_zones
        .iter()
        .flat_map(|a| std::iter::once(&*a.name).chain(a.id.as_deref()));
    pick(names, n, "us-east-1z")
}

fn service(n: u32) -> String {
    ["s3", "dynamodb", "ssm", "sqs", "kms", "no-such-service"][n as usize % 6].to_string()
}

fn cidr(s: &Scenario, n: u32) -> Ipv4Net {
    let vpc = &s.vpc.cidrs;
    let net = |addr: u32, len: u32| {
        Ipv4Net::new(Ipv4Addr::from(addr), (len % 33) as u8)
            .expect("prefix length is at most 32")
            .trunc()
    };
    match n % 7 {
        0 if !vpc.is_empty() => vpc[(n / 7) as usize % vpc.len()],
        1 if !s.subnets.is_empty() => s.subnets[(n / 7) as usize % s.subnets.len()]
            .cidr
            .unwrap_or_else(|| "0.0.0.0/0".parse().unwrap()),
        2 => "0.0.0.0/0".parse().unwrap(),
        3 if !vpc.is_empty() => {
            // Inside the VPC, usually not a subnet.
            let v = vpc[(n / 7) as usize % vpc.len()];
            net(u32::from(v.network()) + ((n >> 8) & 0xff) * 256, 24)
        }
        4 => "192.168.0.0/16".parse().unwrap(),
        _ => net(n.rotate_left(13), 8 + n % 25),
    }
}

fn destination(s: &Scenario, n: u32) -> Destination {
    if n.is_multiple_of(5) {
        Destination::PrefixList(service(n / 5))
    } else {
        Destination::Cidr(cidr(s, n / 5))
    }
}

fn target(s: &Scenario, n: u32) -> Target {
    let m = n / 10;
    match n % 10 {
        0 => Target::Local,
        1 => Target::InternetGateway(
            pick(s.internet_gateway.iter().map(|g| &*g.id), m, "igw-missing").into(),
        ),
        2 | 3 => {
            Target::NatGateway(pick(s.nat_gateways.iter().map(|x| &*x.id), m, "nat-missing").into())
        }
        4 => Target::GatewayEndpoint(gateway_endpoint(s, m).into()),
        5 => Target::GatewayLoadBalancerEndpoint(
            pick(
                s.gwlb_endpoints.iter().map(|x| &*x.id),
                m,
                "vpce-gwlb-missing",
            )
            .into(),
        ),
        6 => Target::NetworkInterface(
            pick(
                s.network_interfaces.iter().map(|x| &*x.id),
                m,
                "eni-missing",
            )
            .into(),
        ),
        7 => Target::Blackhole,
        8 => Target::VpcPeering("pcx-1".into()),
        _ => Target::TransitGateway("tgw-1".into()),
    }
}

/// A destination for ReplaceRoute/DeleteRoute: one the table has (when `existing`), else any.
fn route_destination(s: &Scenario, table_id: &str, n: u32, existing: bool) -> Destination {
    let routes = s
        .route_tables
        .iter()
        .find(|t| t.id == table_id)
        .map(|t| t.routes.as_slice())
        .unwrap_or_default();
    if existing && !routes.is_empty() {
        routes[n as usize % routes.len()].destination.clone()
    } else {
        destination(s, n)
    }
}

fn endpoint_subnet(s: &Scenario, n: u32, with_ip: bool) -> EndpointSubnet {
    let id = subnet(s, n);
    let ip = with_ip
        .then(|| s.subnets.iter().find(|x| x.id == id))
        .flatten()
        .and_then(|x| x.cidr)
        .map(|c| {
            let size = 1u32 << (32 - c.prefix_len());
            Ipv4Addr::from(u32::from(c.network()) + (n >> 4) % size)
        });
    EndpointSubnet {
        ipv6: Default::default(),
        subnet: id,
        ip,
    }
}

/// Pick subsets of `items` by the bits of `bits`.
fn subset<T: Clone>(items: &[T], bits: u32) -> Vec<T> {
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| bits >> (i % 32) & 1 == 1)
        .map(|(_, x)| x.clone())
        .collect()
}

fn build(s: &Scenario, seed: &Seed) -> Edit {
    let Seed {
        kind,
        a,
        b,
        c,
        flag,
    } = *seed;
    match kind {
        0 => Edit::AssociateSubnet {
            subnet: subnet(s, a),
            route_table: (!flag).then(|| table(s, b)),
            position: position(c),
        },
        1 => Edit::SetMainRouteTable {
            route_table: table(s, a),
        },
        2 => Edit::AddRoute {
            route_table: table(s, a),
            route: Route {
                destination: destination(s, b),
                target: target(s, c),
            },
            position: position(c / 10),
        },
        3 => {
            let t = table(s, a);
            Edit::ReplaceRoute {
                route: Route {
                    destination: route_destination(s, &t, b, flag),
                    target: target(s, c),
                },
                route_table: t,
                position: position(c / 10),
            }
        }
        4 => {
            let t = table(s, a);
            Edit::DeleteRoute {
                destination: route_destination(s, &t, b, flag),
                route_table: t,
            }
        }
        5 => {
            let tables: Vec<String> = s.route_tables.iter().map(|t| t.id.clone()).collect();
            let mut route_tables = subset(&tables, b);
            if flag {
                route_tables.push("rtb-missing".into());
            }
            Edit::AddGatewayEndpoint {
                endpoint: GatewayEndpoint {
                    policy: None,
                    id: format!("vpce-gw-new-{}", a % 3),
                    service: service(c % 3),
                    route_tables,
                },
                position: position(c / 3),
            }
        }
        6 => Edit::DeleteGatewayEndpoint {
            id: gateway_endpoint(s, a),
        },
        7 => Edit::AttachGatewayEndpoint {
            endpoint: gateway_endpoint(s, a),
            route_table: table(s, b),
            position: position(c),
        },
        8 => Edit::DetachGatewayEndpoint {
            endpoint: gateway_endpoint(s, a),
            route_table: table(s, b),
        },
        9 => {
            let subnets = (0..b % 4)
                .map(|k| endpoint_subnet(s, c.rotate_left(k * 8), flag))
                .collect();
            Edit::AddInterfaceEndpoint {
                endpoint: InterfaceEndpoint {
                    dns_record_ip_type: Default::default(),
                    ip_address_type: Default::default(),
                    policy: None,
                    lattice: None,
                    security_groups: Vec::new(),
                    id: format!("vpce-if-new-{}", a % 3),
                    service: service(a / 3),
                    subnets,
                    private_dns: c.is_multiple_of(2),
                    private_dns_only_for_inbound_resolver_endpoint: c.is_multiple_of(5),
                    region: None,
                },
                position: position(b / 4),
            }
        }
        10 => Edit::DeleteInterfaceEndpoint {
            id: interface_endpoint(s, a),
        },
        11 => Edit::AddEndpointSubnet {
            endpoint: interface_endpoint(s, a),
            subnet: endpoint_subnet(s, b, flag),
            position: position(c),
        },
        12 => {
            let endpoint = interface_endpoint(s, a);
            let has: Vec<&str> = s
                .interface_endpoints
                .iter()
                .filter(|x| x.id == endpoint)
                .flat_map(|x| x.subnets.iter().map(|es| &*es.subnet))
                .collect();
            let subnet = if flag && !has.is_empty() {
                has[b as usize % has.len()].to_string()
            } else {
                subnet(s, b)
            };
            Edit::RemoveEndpointSubnet { endpoint, subnet }
        }
        13 => Edit::SetPrivateDns {
            endpoint: interface_endpoint(s, a),
            enabled: flag,
        },
        14 => Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
            endpoint: interface_endpoint(s, a),
            enabled: flag,
        },
        15 => {
            let regional = b.is_multiple_of(4);
            Edit::AddNatGateway {
                nat_gateway: NatGateway {
                    elastic_ip: None,
                    id: format!("nat-new-{}", a % 3),
                    name: flag.then(|| "new".to_string()),
                    subnet: (!regional).then(|| subnet(s, b)),
                    connectivity: if c.is_multiple_of(3) {
                        NatConnectivity::Private
                    } else {
                        NatConnectivity::Public
                    },
                    availability_mode: if regional {
                        AvailabilityMode::Regional
                    } else {
                        AvailabilityMode::Zonal
                    },
                },
                position: position(c / 3),
            }
        }
        16 => Edit::DeleteNatGateway {
            id: pick(s.nat_gateways.iter().map(|x| &*x.id), a, "nat-missing"),
        },
        17 => Edit::SetInstancePublicIp {
            instance: pick(s.instances.iter().map(|x| &*x.id), a, "i-missing"),
            public_ip: flag,
        },
        18 => Edit::SetDnsSupport { enabled: flag },
        19 => Edit::SetDnsHostnames { enabled: flag },
        20 => Edit::SetGwlbAppliancesUp {
            endpoint: pick(
                s.gwlb_endpoints.iter().map(|x| &*x.id),
                a,
                "vpce-gwlb-missing",
            ),
            up: flag,
        },
        21 => Edit::FailAz { az: az(s, a) },
        22 => Edit::RestoreAz { az: az(s, a) },
        _ => Edit::SetFailedAzs {
            failed_azs: (0..b % 3).map(|k| az(s, c.rotate_left(k * 8))).collect(),
        },
    }
}

fn edit_for(s: &Scenario, seeds: &[Seed]) -> Edit {
    match seeds {
        [one] => build(s, one),
        many => Edit::Batch(many.iter().map(|x| build(s, x)).collect()),
    }
}

/// Every string inside a serialisable value (for an edit: ids, AZs, CIDRs, services).
fn strings_in(value: &impl serde::Serialize) -> Vec<String> {
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(
        &serde_json::to_value(value).expect("serialisable"),
        &mut out,
    );
    out
}

/// A refusal says something, and names an id: one the edit gave (not-found messages), or the
/// object at fault, which the edit or the scenario names (diagnostics).
fn check_refusal(scenario: &Scenario, edit: &Edit, err: &EditError) -> Result<(), TestCaseError> {
    let text = err.to_string();
    prop_assert!(!text.trim().is_empty(), "empty refusal for {:?}", edit);
    let in_edit = strings_in(edit);
    match err {
        EditError::NotFound(_) => {
            let msg = &text;
            prop_assert!(
                in_edit.iter().any(|n| msg.contains(n.as_str())),
                "`{}` names nothing of {:?}",
                msg,
                edit
            );
        }
        EditError::Refused(diagnostics) => {
            prop_assert!(
                !diagnostics.is_empty(),
                "refused without a reason: {:?}",
                edit
            );
            let in_scenario = strings_in(scenario);
            for d in diagnostics {
                prop_assert!(d.is_error(), "a warning refused {:?}: {}", edit, d);
                prop_assert!(
                    !vpc_tui::explain::diagnostic_message(vpc_tui::explain::Lang::En, d)
                        .trim()
                        .is_empty(),
                    "{}",
                    d
                );
                prop_assert!(
                    in_edit.contains(&d.object) || in_scenario.contains(&d.object),
                    "`{}` is about {:?}, which neither {:?} nor the scenario names",
                    d,
                    d.object,
                    edit
                );
            }
        }
    }
    Ok(())
}

fn run(which: usize, steps: &[Vec<Seed>]) -> Result<(), TestCaseError> {
    let all = models();
    // A third of the cases on the fixture (it has every kind of object), the rest spread over
    // the scenario files.
    let pick = if which.is_multiple_of(3) {
        all.len() - 1
    } else {
        which % all.len()
    };
    let (name, start) = &all[pick];
    let mut model = start.clone();
    let mut undo = Vec::new();
    let mut matrix = evaluate_all(&model, &model.scenario().what_if);
    let inputs = vpc_tui::cost::CostInputs::for_model(&model);
    let mut cost = vpc_tui::cost::estimate(&model, &model.scenario().what_if, &inputs);
    for seeds in steps {
        let edit = edit_for(model.scenario(), seeds);
        match edit.apply(&model) {
            Ok((next, inverse)) => {
                let (back, _) = inverse.apply(&next).map_err(|e| {
                    TestCaseError::fail(format!(
                        "{name}: the inverse of `{}` ({inverse:?}) was refused: {e}",
                        vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &edit)
                    ))
                })?;
                prop_assert_eq!(
                    back.scenario(),
                    model.scenario(),
                    "{}: undoing `{}` with {:?}",
                    name,
                    vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &edit),
                    inverse
                );
                for lang in vpc_tui::explain::Lang::ALL {
                    prop_assert!(!vpc_tui::explain::edit_text(lang, &edit).is_empty());
                }
                undo.push(inverse);
                model = next;
                // The classes, kept from an earlier model when the edit left what they are
                // made of alone, are the ones made afresh (the matrices below share them).
                prop_assert_eq!(
                    vpc_tui::eval::classes(&model),
                    vpc_tui::eval::classes_afresh(&model),
                    "{}: the classes after `{}`",
                    name,
                    vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &edit)
                );
                matrix = evaluate_all_after(&matrix, &model, &model.scenario().what_if);
                prop_assert_eq!(
                    &matrix,
                    &evaluate_all(&model, &model.scenario().what_if),
                    "{}: the matrix after `{}` evaluated where it touched",
                    name,
                    vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &edit)
                );
                cost = vpc_tui::cost::estimate_after(
                    &cost,
                    &model,
                    &model.scenario().what_if,
                    &inputs,
                );
                prop_assert_eq!(
                    &cost,
                    &vpc_tui::cost::estimate(&model, &model.scenario().what_if, &inputs),
                    "{}: the cost after `{}` evaluated where it touched",
                    name,
                    vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &edit)
                );
            }
            Err(err) => check_refusal(model.scenario(), &edit, &err)?,
        }
    }

    let text = to_ron_string(model.scenario());
    let read = from_ron_str(&text, Path::new("edited.ron")).map_err(|e| {
        TestCaseError::fail(format!(
            "{name}: edited scenario does not parse: {e}\n{text}"
        ))
    })?;
    prop_assert_eq!(&read, model.scenario(), "{}: RON round trip", name);
    prop_assert!(
        Model::new(read).is_ok(),
        "{}: the edited scenario no longer loads",
        name
    );

    while let Some(inverse) = undo.pop() {
        let (prev, _) = inverse.apply(&model).map_err(|e| {
            TestCaseError::fail(format!(
                "{name}: undo `{}` refused: {e}",
                vpc_tui::explain::edit_text(vpc_tui::explain::Lang::En, &inverse)
            ))
        })?;
        model = prev;
    }
    prop_assert_eq!(model.scenario(), start.scenario(), "{}: undo all", name);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_edits_undo_exactly_and_round_trip(
        which in 0usize..64,
        steps in prop::collection::vec(step(), 1..16),
    ) {
        run(which, &steps)?;
    }
}

/// Every scenario gets exercised, whatever the random draw.
#[test]
fn every_scenario_takes_every_kind_of_edit() {
    for which in 0..models().len() {
        let steps: Vec<Vec<Seed>> = (0..24u8)
            .flat_map(|kind| {
                [false, true].map(|flag| {
                    vec![Seed {
                        kind,
                        a: 8 + u32::from(kind),
                        b: 15,
                        c: 22,
                        flag,
                    }]
                })
            })
            .collect();
        run(which, &steps).unwrap_or_else(|e| panic!("{e}"));
    }
}
