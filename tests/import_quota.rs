//! The generated quota account (`benches/common`, at 0.05×: 24 subnets and route tables of 1,000
//! routes, 1,200 instances) written as `aws ec2 describe-*` JSON and imported again gives the
//! model it was written from: every part the JSON carries, route by route. The performance
//! work on the importer (issue 18) is held to this.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::Path;

use vpc_tui::import::{self, Input};
use vpc_tui::model::{Destination, Model, Route, RouteTable, Scenario, Target};

fn import_files(files: &[(&'static str, String)]) -> Scenario {
    let mut input = Input::default();
    let mut warnings = Vec::new();
    for (name, text) in files {
        import::read_text(text, Path::new(name), &mut input, &mut warnings).expect("reads");
    }
    import::build(&input, None, &mut warnings).expect("builds")
}

/// A route as `describe_files` writes it and the import reads it back: prefix-list routes and
/// routes to what the files leave out (interface and gateway endpoints) are not written.
fn as_written(r: &Route) -> Option<Route> {
    match (&r.destination, &r.target) {
        (Destination::PrefixList(_), _) => None,
        (
            _,
            Target::NatGateway(_)
            | Target::TransitGateway(_)
            | Target::VpcPeering(_)
            | Target::VirtualPrivateGateway(_)
            | Target::InternetGateway(_)
            | Target::GatewayLoadBalancerEndpoint(_)
            | Target::NetworkInterface(_)
            | Target::Blackhole,
        ) => Some(r.clone()),
        _ => None,
    }
}

#[test]
fn the_generated_quota_account_imports_as_its_model() {
    let source = common::scenario(common::Shape::scaled(0.05));
    let files = common::describe_files(&source);
    let imported = import_files(&files);

    assert_eq!(imported.vpc.id, source.vpc.id);
    assert_eq!(imported.vpc.cidrs, source.vpc.cidrs);
    assert_eq!(imported.region, source.region);
    assert_eq!(imported.availability_zones, source.availability_zones);
    assert_eq!(imported.subnets, source.subnets);
    assert_eq!(imported.internet_gateway, source.internet_gateway);
    assert_eq!(imported.nat_gateways, source.nat_gateways);
    // EC2's output does not say whether a GWLB endpoint's appliances are healthy: the import
    // takes them as healthy (and says so).
    let mut gwlb = source.gwlb_endpoints.clone();
    gwlb.iter_mut().for_each(|g| g.appliances_up = true);
    assert_eq!(imported.gwlb_endpoints, gwlb);
    assert_eq!(imported.instances.len(), source.instances.len());
    for (i, s) in imported.instances.iter().zip(source.instances.iter()) {
        assert_eq!(i, s);
    }

    assert_eq!(imported.route_tables.len(), source.route_tables.len());
    let mut routes = 0;
    for (i, s) in imported.route_tables.iter().zip(&source.route_tables) {
        let expected = RouteTable {
            routes: s
                .routes
                .iter()
                .filter_map(as_written)
                .collect::<Vec<_>>()
                .into(),
            ..s.clone()
        };
        assert_eq!(i, &expected, "route table {}", s.id);
        routes += i.routes.len();
    }
    assert!(routes > 20_000, "{routes} routes");
    // The appliances' interfaces that routes name are imported with them (`describe_files`
    // writes no `Association`, so without a public address).
    assert!(!imported.network_interfaces.is_empty());
    for n in &imported.network_interfaces {
        let mut s = source
            .network_interfaces
            .iter()
            .find(|s| s.id == n.id)
            .cloned();
        s.iter_mut().for_each(|s| s.public_ip = false);
        assert_eq!(Some(n), s.as_ref(), "network interface {}", n.id);
    }
    Model::new(imported).expect("the import is a valid model");
}

#[test]
fn indented_and_compact_json_import_alike() {
    // The route tables file is the large one: read with and without its whitespace (the CLI's
    // `--output json` is indented; a file written by other tools may not be), the same tables.
    let source = common::scenario(common::Shape::scaled(0.05));
    let files = common::describe_files(&source);
    let compact: Vec<(&'static str, String)> = files
        .iter()
        .map(|(name, text)| {
            let v: serde_json::Value = serde_json::from_str(text).expect("JSON");
            (*name, serde_json::to_string(&v).expect("JSON"))
        })
        .collect();
    assert_eq!(import_files(&files), import_files(&compact));
}
