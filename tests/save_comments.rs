//! Issue 15 case 2, as a property: on every scenario in `scenarios/` (and a hand-written fixture
//! with comments everywhere), random edits saved through `save::preserve` give a file that loads
//! as the edited scenario, keeps every comment it does not report lost, and keeps every comment
//! of an object the edits did not touch.
//!
//! An object here is a field of the scenario or an element of one of its lists; it owns the
//! comments from the end of the object before it up to the end of its own last line. It is
//! untouched when the edited scenario still has it, equal (a list element: equal to one of the
//! list's elements).

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use vpc_tui::model::{
    Destination, Edit, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, Model, NatGateway,
    Route, Scenario, Target, from_ron_str,
};
use vpc_tui::save::preserve::save_text;
use vpc_tui::save::ron_spans::{self, line_end};

/// What a person writes and the serialiser does not: comments between and inside everything,
/// `Some(..)`, defaults written out, one-line and broken lists, a list without trailing comma.
const HAND: &str = r#"// A hand-written file.
(
    region: "us-east-1", // trailing
    /* block */ vpc: (id: "vpc-hand", cidrs: ["10.0.0.0/16"], enable_dns_support: true),
    availability_zones: [(name: "us-east-1a"), (name: "us-east-1b", id: Some("use1-az2"))],
    subnets: [
        // public
        (id: "subnet-public-a", name: Some("public-a"), az: "us-east-1a", cidr: "10.0.0.0/24"),
        (id: "subnet-public-b", az: "us-east-1b", cidr: "10.0.1.0/24"), // b
        // private
        (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.10.0/24"),
        (id: "subnet-private-b", az: "us-east-1b", cidr: "10.0.11.0/24")
    ],
    route_tables: [
        // main: private
        (id: "rtb-main", main: true, subnets: [], routes: [
            // peering
            (destination: Cidr("192.168.0.0/16"), target: VpcPeering("pcx-1")),
        ]),
        (
            id: "rtb-public",
            // both public subnets
            subnets: ["subnet-public-a", "subnet-public-b"],
            routes: [(destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-hand"))],
        ),
    ],
    internet_gateway: (id: "igw-hand"),
    nat_gateways: [
        (id: "nat-a", subnet: "subnet-public-a"), // zonal
    ],
    gateway_endpoints: [(id: "vpce-s3", service: "s3", route_tables: ["rtb-main"])],
    instances: [
        (id: "i-web", subnet: "subnet-public-a", public_ip: true),
        // app
        (id: "i-app", subnet: "subnet-private-a", private_ip: Some("10.0.10.10"), public_ip: false),
    ],
    // nothing failed
    what_if: (failed_azs: []),
)
"#;

fn files() -> &'static [(String, String)] {
    static FILES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        paths.sort();
        let mut out: Vec<(String, String)> = paths
            .iter()
            .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
            .collect();
        out.push(("hand-written fixture".into(), HAND.into()));
        out
    })
}

fn pick<'a>(ids: impl IntoIterator<Item = &'a str>, n: u32) -> String {
    let ids: Vec<&str> = ids.into_iter().collect();
    if ids.is_empty() {
        return "missing".into();
    }
    ids[n as usize % ids.len()].to_string()
}

fn position(n: u32) -> Option<usize> {
    (!n.is_multiple_of(3)).then_some((n / 3 % 5) as usize)
}

/// An edit of the kind `kind`, on objects of `s` picked by `a`, `b`, `c` (after the generators
/// of tests/edit_props.rs; refused edits are skipped by the caller).
fn edit(s: &Scenario, kind: u8, a: u32, b: u32, c: u32, flag: bool) -> Edit {
    let subnet = |n| pick(s.subnets.iter().map(|x| &*x.id), n);
    let table = |n| pick(s.route_tables.iter().map(|x| &*x.id), n);
    let gwe = |n| pick(s.gateway_endpoints.iter().map(|x| &*x.id), n);
    let ife = |n| pick(s.interface_endpoints.iter().map(|x| &*x.id), n);
    let az = |n| pick(s.availability_zones.iter().map(|x| &*x.name), n);
    let cidr = |n: u32| -> Destination {
        let len = 16 + n % 13;
        let net = ipnet::Ipv4Net::new(std::net::Ipv4Addr::from(n.rotate_left(7)), len as u8)
            .unwrap()
            .trunc();
        Destination::Cidr(net)
    };
    let target = |n: u32| match n % 5 {
        0 => Target::Blackhole,
        1 => Target::VpcPeering("pcx-9".into()),
        2 => Target::TransitGateway("tgw-9".into()),
        3 => Target::NatGateway(pick(s.nat_gateways.iter().map(|x| &*x.id), n / 5).into()),
        _ => Target::InternetGateway(pick(s.internet_gateway.iter().map(|x| &*x.id), 0).into()),
    };
    let existing_route = |t: &str, n: u32| {
        s.route_tables
            .iter()
            .find(|x| x.id == t)
            .filter(|x| !x.routes.is_empty())
            .map_or_else(
                || cidr(n),
                |x| x.routes[n as usize % x.routes.len()].destination.clone(),
            )
    };
    match kind {
        0 => Edit::AssociateSubnet {
            subnet: subnet(a),
            route_table: (!flag).then(|| table(b)),
            position: position(c),
        },
        1 => Edit::SetMainRouteTable {
            route_table: table(a),
        },
        2 => Edit::AddRoute {
            route_table: table(a),
            route: Route {
                destination: cidr(b),
                target: target(c),
            },
            position: position(c / 5),
        },
        3 => {
            let t = table(a);
            Edit::ReplaceRoute {
                route: Route {
                    destination: existing_route(&t, b),
                    target: target(c),
                },
                route_table: t,
                position: None,
            }
        }
        4 => {
            let t = table(a);
            Edit::DeleteRoute {
                destination: existing_route(&t, b),
                route_table: t,
            }
        }
        5 => Edit::AddGatewayEndpoint {
            endpoint: GatewayEndpoint {
                policy: None,
                id: format!("vpce-new-{}", a % 3),
                service: ["s3", "dynamodb"][b as usize % 2].into(),
                route_tables: if flag { vec![table(c)] } else { vec![] },
            },
            position: position(c),
        },
        6 => Edit::DeleteGatewayEndpoint { id: gwe(a) },
        7 => Edit::AttachGatewayEndpoint {
            endpoint: gwe(a),
            route_table: table(b),
            position: position(c),
        },
        8 => Edit::DetachGatewayEndpoint {
            endpoint: gwe(a),
            route_table: table(b),
        },
        9 => Edit::AddInterfaceEndpoint {
            endpoint: InterfaceEndpoint {
                dns_record_ip_type: Default::default(),
                ip_address_type: Default::default(),
                policy: None,
                lattice: None,
                security_groups: Vec::new(),
                id: format!("vpce-if-{}", a % 3),
                service: ["ssm", "sqs", "kms"][b as usize % 3].into(),
                subnets: vec![EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: subnet(c),
                    ip: None,
                }],
                private_dns: flag,
                private_dns_only_for_inbound_resolver_endpoint: false,
                region: None,
            },
            position: position(c),
        },
        10 => Edit::DeleteInterfaceEndpoint { id: ife(a) },
        11 => Edit::SetPrivateDns {
            endpoint: ife(a),
            enabled: flag,
        },
        12 => Edit::AddNatGateway {
            nat_gateway: NatGateway {
                elastic_ip: None,
                id: format!("nat-new-{}", a % 3),
                name: flag.then(|| "new".to_string()),
                subnet: Some(subnet(b)),
                connectivity: Default::default(),
                availability_mode: Default::default(),
            },
            position: position(c),
        },
        13 => Edit::DeleteNatGateway {
            id: pick(s.nat_gateways.iter().map(|x| &*x.id), a),
        },
        14 => Edit::SetInstancePublicIp {
            instance: pick(s.instances.iter().map(|x| &*x.id), a),
            public_ip: flag,
        },
        15 => Edit::SetDnsHostnames { enabled: flag },
        16 => Edit::SetDnsSupport { enabled: flag },
        17 => Edit::FailAz { az: az(a) },
        _ => Edit::RestoreAz { az: az(a) },
    }
}

/// The comments `text` holds that belong to untouched objects (see the module doc).
fn comments_of_untouched(text: &str, loaded: &Scenario, edited: &Scenario) -> Vec<String> {
    let doc = ron_spans::parse(text).expect("the original reads");
    let before = serde_json::to_value(loaded).unwrap();
    let after = serde_json::to_value(edited).unwrap();
    let root = doc.root.group.as_ref().unwrap();
    // (owner's region, untouched), fields and list elements.
    let mut owners: Vec<(std::ops::Range<usize>, bool)> = Vec::new();
    let region = |from: usize, item: &ron_spans::Item| {
        from..line_end(text, item.comma.unwrap_or(item.end()))
    };
    let mut from = root.open_at;
    for field in &root.items {
        let name = &text[field.key.as_ref().unwrap().span.clone()];
        let (old, new) = (before.get(name), after.get(name));
        owners.push((region(from, field), old == new));
        if let (Some(list), Some(serde_json::Value::Array(old))) = (&field.value.group, old) {
            let new = new.and_then(|v| v.as_array()).cloned().unwrap_or_default();
            let mut at = list.open_at;
            for (i, element) in list.items.iter().enumerate() {
                let kept = old.get(i).is_some_and(|o| new.contains(o));
                owners.push((region(at, element), kept));
                at = element.comma.unwrap_or(element.end());
            }
        }
        from = field.comma.unwrap_or(field.end());
    }
    doc.comments
        .iter()
        .filter(|c| {
            // The innermost owner is the last one whose region holds the comment.
            owners
                .iter()
                .rev()
                .find(|(r, _)| r.start < c.start && c.end <= r.end)
                .is_none_or(|(_, untouched)| *untouched)
        })
        .map(|c| text[c.clone()].to_string())
        .collect()
}

fn count(hay: &[String], needle: &str) -> usize {
    hay.iter().filter(|x| *x == needle).count()
}

fn run(which: usize, seeds: &[(u8, u32, u32, u32, bool)]) -> Result<(), TestCaseError> {
    let (name, text) = &files()[which % files().len()];
    let loaded = from_ron_str(text, Path::new(name)).unwrap();
    let mut model = Model::new(loaded.clone()).unwrap();
    for &(kind, a, b, c, flag) in seeds {
        if let Ok((next, _)) = edit(model.scenario(), kind, a, b, c, flag).apply(&model) {
            model = next;
        }
    }
    let edited = model.scenario();
    let saved = save_text(Some(text), edited);
    prop_assert!(!saved.rewritten, "{}: rewritten in full", name);
    let back = from_ron_str(&saved.text, Path::new("saved.ron"))
        .map_err(|e| TestCaseError::fail(format!("{name}: {e}\n{}", saved.text)))?;
    prop_assert_eq!(&back, edited, "{}: {}", name, saved.text);
    prop_assert!(Model::new(back).is_ok());

    let all = |t: &str| -> Vec<String> {
        let doc = ron_spans::parse(t).expect("reads");
        doc.comments
            .iter()
            .map(|c| t[c.clone()].to_string())
            .collect()
    };
    let (had, has) = (all(text), all(&saved.text));
    for c in &had {
        prop_assert!(
            count(&has, c) + count(&saved.lost, c) >= count(&had, c),
            "{}: {:?} lost without a word\n{}",
            name,
            c,
            saved.text
        );
    }
    for c in comments_of_untouched(text, &loaded, edited) {
        prop_assert!(
            count(&has, &c) >= count(&had, &c),
            "{}: {:?} of an untouched object is gone\n{}",
            name,
            c,
            saved.text
        );
    }
    Ok(())
}

fn seed() -> impl Strategy<Value = (u8, u32, u32, u32, bool)> {
    (
        0u8..19,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn edits_saved_into_the_original_keep_its_comments(
        which in 0usize..64,
        seeds in prop::collection::vec(seed(), 1..8),
    ) {
        run(which, &seeds)?;
    }
}

/// Every file takes every kind of edit, whatever the random draw.
#[test]
fn every_file_takes_every_kind_of_edit() {
    for which in 0..files().len() {
        for kind in 0..19u8 {
            for flag in [false, true] {
                let seeds = [(kind, 7 + u32::from(kind), 11, 23, flag)];
                run(which, &seeds).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}
