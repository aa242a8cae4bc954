//! `vpc-tui import aws`: every resource type, the unusual targets and states, unknown fields and
//! values, pagination, malformed input, and the round trip (import → scenario → check gives the
//! same verdicts as checking the imported set directly).

mod common;

use std::path::Path;

use assert_cmd::Command;
use common::cli::{Scratch, scratch};
use predicates::prelude::*;
use vpc_tui::eval::{self, Query};
use vpc_tui::import::{ImportError, load_aws_dir};
use vpc_tui::model::{
    AvailabilityMode, Destination, Diagnostic, Model, NatConnectivity, Scenario, Target,
    from_ron_str, to_ron_string,
};
use vpc_tui::report;

const MOTO: &str = "tests/fixtures/aws/moto-basic";
const SEVERAL: &str = "tests/fixtures/aws/moto-several-vpcs";
const REFERENCE: &str = "tests/fixtures/aws/reference-ingress";
/// describe-* output of the VPC `scenarios/security-layers.ron` describes (same ids).
const SECURITY: &str = "tests/fixtures/aws/security-layers";
/// describe-vpc-endpoints with `PolicyDocument` and `s3api get-bucket-policy` output of the VPC
/// `scenarios/endpoint-policies.ron` describes (same ids).
const POLICIES: &str = "tests/fixtures/aws/endpoint-policies";
/// describe-vpc-block-public-access-options and -exclusions (and the rest) of the VPC
/// `scenarios/block-public-access.ron` describes (same ids).
const BPA: &str = "tests/fixtures/aws/block-public-access";
/// The DNS calls (and the rest) of the VPC `scenarios/dns-hosted-zones.ron` describes (same ids).
const DNS: &str = "tests/fixtures/aws/dns-hosted-zones";

fn vpc_tui() -> Command {
    Command::cargo_bin("vpc-tui").unwrap()
}

fn import(dir: &str) -> (Scenario, Vec<Diagnostic>) {
    load_aws_dir(Path::new(dir), None).unwrap_or_else(|e| panic!("{dir}: {e}"))
}

fn has_warning(warnings: &[Diagnostic], rule: &str, object: &str, text: &str) -> bool {
    warnings.iter().any(|w| {
        w.rule == rule
            && w.object.contains(object)
            && vpc_tui::explain::diagnostic_message(vpc_tui::explain::Lang::En, w).contains(text)
    })
}

#[track_caller]
fn assert_warning(warnings: &[Diagnostic], rule: &str, object: &str, text: &str) {
    assert!(
        has_warning(warnings, rule, object, text),
        "no {rule} warning on {object} containing {text:?}; warnings:\n{}",
        warnings
            .iter()
            .map(|w| w.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn table<'a>(s: &'a Scenario, name: &str) -> &'a vpc_tui::model::RouteTable {
    s.route_tables
        .iter()
        .find(|t| t.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no table named {name}"))
}

fn subnet_id(s: &Scenario, name: &str) -> String {
    s.subnets
        .iter()
        .find(|x| x.name.as_deref() == Some(name))
        .unwrap()
        .id
        .clone()
}

fn cidr(c: &str) -> Destination {
    Destination::Cidr(c.parse().unwrap())
}

/// A copy of a fixture folder in a fresh temporary directory, with `edit` applied to one file.
fn edited_copy(from: &str, tag: &str, file: &str, edit: impl Fn(&str) -> String) -> Scratch {
    let dir = scratch(tag);
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_owned();
        let text = std::fs::read_to_string(&p).unwrap();
        let text = if name == file { edit(&text) } else { text };
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

// --- Each resource type, from moto's output.

#[test]
fn moto_vpc_subnets_azs_and_dns_attributes() {
    let (s, _) = import(MOTO);
    assert_eq!(s.region, "us-east-1");
    assert!(s.vpc.id.starts_with("vpc-"));
    assert_eq!(s.vpc.cidrs, vec!["10.0.0.0/16".parse().unwrap()]);
    assert!(s.vpc.enable_dns_support && s.vpc.enable_dns_hostnames);
    assert!(s.title.as_deref().unwrap().contains("(demo)"));
    assert_eq!(s.subnets.len(), 6);
    assert!(s.subnets.iter().all(|x| x.name.is_some()));
    let names: Vec<&str> = s
        .availability_zones
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(names, ["us-east-1a", "us-east-1b"]);
    assert!(s.availability_zones.iter().all(|a| a.id.is_some()));
}

#[test]
fn moto_route_tables_associations_and_targets() {
    let (s, w) = import(MOTO);
    let main = table(&s, "main");
    assert!(main.main && main.subnets.is_empty() && main.routes.is_empty());
    let public = table(&s, "public");
    assert_eq!(public.subnets.len(), 2);
    let igw = s.internet_gateway.as_ref().unwrap().id.clone();
    assert_eq!(public.routes[0].target, Target::InternetGateway(igw.into()));
    let private_a = table(&s, "private-a");
    assert!(matches!(private_a.routes[0].target, Target::NatGateway(_)));
    assert!(
        private_a
            .routes
            .iter()
            .any(|r| r.destination == cidr("172.16.0.0/12")
                && matches!(r.target, Target::TransitGateway(_)))
    );
    // The customer-managed prefix list stands for its two entries.
    for c in ["192.168.0.0/16", "100.64.0.0/10"] {
        assert!(
            private_a
                .routes
                .iter()
                .any(|r| r.destination == cidr(c) && matches!(r.target, Target::TransitGateway(_)))
        );
    }
    assert_warning(&w, "aws_prefix_list_expanded", "rtb-", "2 CIDR routes");
    let private_b = table(&s, "private-b");
    assert!(matches!(
        private_b.routes[0].target,
        Target::NetworkInterface(_)
    ));
    assert!(
        private_b
            .routes
            .iter()
            .any(|r| matches!(r.target, Target::VpcPeering(_)))
    );
    // The local route and the gateway endpoint's prefix-list route are derived, not written.
    for t in &s.route_tables {
        assert!(
            t.routes
                .iter()
                .all(|r| !matches!(r.target, Target::Local | Target::GatewayEndpoint(_))),
            "{}",
            t.id
        );
    }
    // The appliance ENI the route targets is imported with its address.
    assert_eq!(s.network_interfaces.len(), 1);
    assert_eq!(
        s.network_interfaces[0].ip,
        Some("10.0.20.10".parse().unwrap())
    );
    assert_eq!(
        s.network_interfaces[0].description.as_deref(),
        Some("firewall appliance")
    );
}

#[test]
fn moto_deleted_nat_gateway_route_is_a_blackhole() {
    let (s, w) = import(MOTO);
    let spare = table(&s, "spare-b");
    assert_eq!(spare.routes[0].target, Target::Blackhole);
    assert_warning(&w, "aws_state_not_modelled", "nat-", "is deleted");
    assert_eq!(s.nat_gateways.len(), 2);
}

#[test]
fn moto_nat_gateways_public_and_private() {
    let (s, _) = import(MOTO);
    let private = s
        .nat_gateways
        .iter()
        .find(|n| n.name.as_deref() == Some("nat-private-b"))
        .unwrap();
    assert_eq!(private.connectivity, NatConnectivity::Private);
    assert_eq!(
        private.subnet.as_deref(),
        Some(subnet_id(&s, "private-b").as_str())
    );
    let public = s
        .nat_gateways
        .iter()
        .find(|n| n.name.as_deref() == Some("nat-a"))
        .unwrap();
    assert_eq!(public.connectivity, NatConnectivity::Public);
    assert_eq!(public.availability_mode, AvailabilityMode::Zonal);
}

#[test]
fn moto_endpoints() {
    let (s, w) = import(MOTO);
    assert_eq!(s.gateway_endpoints.len(), 1);
    let ge = &s.gateway_endpoints[0];
    assert_eq!(ge.service, "s3");
    assert_eq!(ge.route_tables.len(), 2);
    let ssm = s
        .interface_endpoints
        .iter()
        .find(|e| e.service == "ssm")
        .unwrap();
    assert!(ssm.private_dns);
    assert_eq!(ssm.subnets.len(), 2);
    let sqs = s
        .interface_endpoints
        .iter()
        .find(|e| e.service == "sqs")
        .unwrap();
    assert!(!sqs.private_dns);
    // moto gives endpoint ENIs addresses outside their subnets: warned, and the model picks.
    assert_warning(&w, "aws_bad_value", "eni-", "is not in subnet");
    assert!(ssm.subnets.iter().all(|x| x.ip.is_none()));
    // S3's ranges come from the account's prefix list.
    let s3 = s.services.iter().find(|o| o.name == "s3").unwrap();
    assert_eq!(s3.cidrs.as_ref().unwrap().len(), 3);
}

#[test]
fn moto_instances_states_and_interfaces() {
    let (s, w) = import(MOTO);
    let names: Vec<&str> = s
        .instances
        .iter()
        .filter_map(|i| i.name.as_deref())
        .collect();
    assert_eq!(names, ["app-a", "app-b", "web-a", "old-b", "multi-a"]);
    let web = s
        .instances
        .iter()
        .find(|i| i.name.as_deref() == Some("web-a"))
        .unwrap();
    assert!(web.public_ip);
    assert_eq!(web.private_ip, Some("10.0.0.10".parse().unwrap()));
    assert_warning(&w, "aws_state_not_modelled", "i-", "is stopped");
    assert_warning(&w, "aws_state_not_modelled", "i-", "is terminated");
    assert_warning(&w, "aws_not_modelled", "i-", "has 2 network interfaces");
}

#[test]
fn security_groups_and_network_acls_are_imported() {
    let (s, _) = import(MOTO);
    // moto's default group: all egress, and (unlike AWS) no ingress rule.
    let default = s
        .security_groups
        .iter()
        .find(|g| g.name.as_deref() == Some("default"))
        .expect("the default group");
    assert!(default.ingress.is_empty());
    assert_eq!(default.egress.len(), 1);
    assert_eq!(
        default.egress[0].peer,
        vpc_tui::model::Peer::Cidr("0.0.0.0/0".parse().unwrap())
    );
    // The default network ACL: rule 100 each way, AWS's `*` rule derived, not imported.
    let acl = &s.network_acls[0];
    assert!(acl.default);
    assert_eq!(acl.subnets.len(), 6);
    assert_eq!(acl.inbound.len(), 1);
    assert_eq!(acl.outbound[0].number, 100);
    // moto lists no group on its instances: they get the VPC's default group.
    assert!(s.instances.iter().all(|i| i.security_groups.is_empty()));
    let model = Model::new(s).unwrap();
    assert!(model.security().groups_on && model.security().acls_on);
}

/// The groups, network ACLs and source/destination check of describe-* output give the verdicts
/// of the equivalent RON scenario, for every instance and service and for each expectation.
#[test]
fn security_fixture_gives_the_verdicts_of_the_equivalent_ron() {
    let (s, w) = import(SECURITY);
    // The one warning: the files cannot say whether the GWLB endpoint's appliances are healthy
    // (the scenario assumes they are, as the importer does).
    let cases: Vec<String> = w
        .iter()
        .map(|d| format!("{} {:?}", d.rule, d.args.first().map(|a| &a.1)))
        .collect();
    assert_eq!(
        cases,
        [r#"aws_not_modelled Some(Text("gwlb_health"))"#],
        "{w:#?}"
    );
    let imported = Model::new(s).expect("imports into a valid model");
    let ron = vpc_tui::model::load_file(Path::new("scenarios/security-layers.ron")).unwrap();
    let what_if = vpc_tui::model::WhatIf::default();
    let (a, b) = (
        eval::evaluate_all(&imported, &what_if),
        eval::evaluate_all(&ron, &what_if),
    );
    assert_eq!(a.instances, b.instances);
    assert_eq!(a.cells, b.cells);
    assert_eq!(imported.security().groups_on, ron.security().groups_on);
    for e in &ron.scenario().expect {
        let probe = eval::Probe::asked(e.protocol, e.port);
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false).with_probe(probe);
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
    }
    // The eni-fw's source/destination check comes from SourceDestCheck.
    let eni = &imported.scenario().network_interfaces[0];
    assert_eq!(eni.source_dest_check, Some(true));
    assert_eq!(eni.security_groups, ["sg-appliance"]);
}

/// Endpoint policies (`PolicyDocument`) and bucket policies (`get-bucket-policy` files) give
/// the verdicts of the equivalent RON scenario, for every expectation (with its action and
/// resource) and in the matrix.
#[test]
fn policy_fixture_gives_the_verdicts_of_the_equivalent_ron() {
    let (s, w) = import(POLICIES);
    assert!(w.is_empty(), "{w:#?}");
    assert_eq!(
        s.buckets
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>(),
        ["archive", "reports"]
    );
    let imported = Model::new(s).expect("imports into a valid model");
    let ron = vpc_tui::model::load_file(Path::new("scenarios/endpoint-policies.ron")).unwrap();
    let what_if = vpc_tui::model::WhatIf::default();
    let (a, b) = (
        eval::evaluate_all(&imported, &what_if),
        eval::evaluate_all(&ron, &what_if),
    );
    assert_eq!(a.instances, b.instances);
    assert_eq!(a.cells, b.cells);
    for e in &ron.scenario().expect {
        let request = eval::Request {
            action: e.action.clone(),
            resource: e.resource.clone(),
        };
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false).with_request(request.clone());
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(
            x.verdict, y.verdict,
            "{} → {} {:?}",
            e.from, e.to, e.resource
        );
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.unchecked, y.unchecked);
    }
}

/// The Block Public Access fixture: the Region's mode and this VPC's exclusions (another VPC's
/// and a deleted one left out, the deleted one with a warning) give the RON scenario's settings,
/// its expectations' verdicts and its matrix.
#[test]
fn bpa_fixture_gives_the_verdicts_of_the_equivalent_ron() {
    let (s, w) = import(BPA);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_warning(
        &w,
        "aws_state_not_modelled",
        "vpcbpa-exclude-old",
        "delete-complete",
    );
    let ron = vpc_tui::model::load_file(Path::new("scenarios/block-public-access.ron")).unwrap();
    assert_eq!(s.block_public_access, ron.scenario().block_public_access);
    let imported = Model::new(s).expect("imports into a valid model");
    let what_if = vpc_tui::model::WhatIf::default();
    let (a, b) = (
        eval::evaluate_all(&imported, &what_if),
        eval::evaluate_all(&ron, &what_if),
    );
    assert_eq!(a.instances, b.instances);
    assert_eq!(a.cells, b.cells);
    for e in &ron.scenario().expect {
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false);
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
    }
}

/// Without the options file BPA is off; an organization's `ExclusionsAllowed: not-allowed`
/// drops the exclusions with a warning; a mode the importer does not know is off, said so.
#[test]
fn bpa_options_missing_forbidding_exclusions_or_unknown() {
    let dir = edited_copy(BPA, "bpa-none", "block-public-access-options.json", |_| {
        "{\"Vpcs\": []}".to_string()
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert_eq!(s.block_public_access.mode, vpc_tui::model::BpaMode::Off);
    assert_eq!(s.block_public_access.exclusions.len(), 2);
    // Taken as off, and said so, naming the call; the exclusions do not matter then.
    assert_warning(
        &w,
        "aws_missing_input",
        "vpc-bpa",
        "describe-vpc-block-public-access-options",
    );
    assert!(
        !w.iter()
            .any(|d| format!("{:?}", d.args).contains("no_bpa_exclusions")),
        "{w:#?}"
    );
    let dir = edited_copy(BPA, "bpa-org", "block-public-access-options.json", |t| {
        t.replace("\"allowed\"", "\"not-allowed\"")
            .replace("\"account\"", "\"declarative-policy\"")
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert!(s.block_public_access.exclusions.is_empty());
    assert_warning(
        &w,
        "aws_not_modelled",
        "vpcbpa-exclude-bastion",
        "not-allowed",
    );
    let dir = edited_copy(BPA, "bpa-odd", "block-public-access-options.json", |t| {
        t.replace("block-bidirectional", "block-everything")
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert_eq!(s.block_public_access.mode, vpc_tui::model::BpaMode::Off);
    assert_warning(
        &w,
        "aws_unknown_value",
        "VpcBlockPublicAccessOptions",
        "block-everything",
    );
}

/// Without the exclusions' output, a mode that is on is taken to have no exclusion, said so with
/// the mode; a VPC with neither an internet gateway nor an egress-only one gets no BPA warning,
/// since BPA blocks nothing else.
#[test]
fn bpa_exclusions_missing_and_vpcs_bpa_cannot_touch() {
    let dir = edited_copy(
        BPA,
        "bpa-noexcl",
        "block-public-access-exclusions.json",
        |_| "{\"Vpcs\": []}".to_string(),
    );
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert!(s.block_public_access.exclusions.is_empty());
    assert_warning(
        &w,
        "aws_missing_input",
        "vpc-bpa",
        "describe-vpc-block-public-access-exclusions",
    );
    assert_warning(&w, "aws_missing_input", "vpc-bpa", "bidirectional");
    let ja = w
        .iter()
        .find(|d| format!("{:?}", d.args).contains("no_bpa_exclusions"))
        .map(|d| vpc_tui::explain::diagnostic_message(vpc_tui::explain::Lang::Ja, d))
        .unwrap();
    assert!(ja.contains("除外はない"), "{ja}");
    // The lattice fixtures' VPCs have no internet gateway: no BPA file, no BPA warning.
    for dir in [
        "tests/fixtures/aws/lattice-vpc-association",
        "tests/fixtures/aws/lattice-resource",
    ] {
        let (s, w) = import(dir);
        assert!(s.internet_gateway.is_none() && s.egress_only_internet_gateways.is_empty());
        assert!(
            !w.iter().any(|d| format!("{:?}", d.args).contains("no_bpa")),
            "{dir}: {w:#?}"
        );
    }
}

#[test]
fn every_fixture_imports_into_a_valid_model() {
    for dir in [MOTO, REFERENCE, SECURITY, POLICIES, BPA, DNS] {
        let (s, _) = import(dir);
        if let Err(d) = Model::new(s) {
            panic!(
                "{dir}: {}",
                d.iter()
                    .map(|x| x.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

// --- What moto does not emulate, from AWS's reference examples.

#[test]
fn reference_edge_association_and_gwlb_endpoints() {
    let (s, w) = import(REFERENCE);
    let edge = table(&s, "edge");
    let igw = s.internet_gateway.as_ref().unwrap().id.clone();
    assert_eq!(edge.gateways, vec![igw]);
    assert!(edge.subnets.is_empty() && !edge.main);
    assert_eq!(s.gwlb_endpoints.len(), 2);
    assert_eq!(
        edge.routes[0].target,
        Target::GatewayLoadBalancerEndpoint(s.gwlb_endpoints[0].id.as_str().into())
    );
    assert_eq!(
        table(&s, "web-a").routes[0].target,
        Target::GatewayLoadBalancerEndpoint(s.gwlb_endpoints[0].id.as_str().into())
    );
    assert_warning(&w, "aws_not_modelled", "vpc-", "appliances behind");
}

#[test]
fn reference_regional_and_failed_nat_gateways() {
    let (s, w) = import(REFERENCE);
    assert_eq!(s.nat_gateways.len(), 1);
    let nat = &s.nat_gateways[0];
    assert_eq!(nat.availability_mode, AvailabilityMode::Regional);
    assert_eq!(nat.subnet, None);
    let app = table(&s, "app");
    assert_eq!(
        app.routes[0].target,
        Target::NatGateway(nat.id.as_str().into())
    );
    // The failed NAT gateway is left out; its route, blackhole in AWS's output, stays one.
    assert_warning(
        &w,
        "aws_state_not_modelled",
        "nat-0a93acc57881d4199",
        "failed (Gateway.NotAttached)",
    );
    assert!(
        app.routes
            .iter()
            .any(|r| r.destination == cidr("10.50.0.0/16") && r.target == Target::Blackhole)
    );
}

#[test]
fn reference_dns_options_and_endpoint_network_interfaces() {
    let (s, _) = import(REFERENCE);
    let e = &s.interface_endpoints[0];
    assert_eq!(e.service, "s3");
    assert!(e.private_dns);
    assert!(e.private_dns_only_for_inbound_resolver_endpoint);
    let ips: Vec<String> = e
        .subnets
        .iter()
        .map(|x| x.ip.unwrap().to_string())
        .collect();
    assert_eq!(ips, ["10.0.10.100", "10.0.11.100"]);
}

#[test]
fn reference_lattice_endpoints_propagated_and_ipv6_routes_are_warnings() {
    let (s, w) = import(REFERENCE);
    // Without the vpc-lattice calls: the resource endpoint is imported without a name clients
    // ask (private DNS taken as off); the service-network endpoint reaches nothing named.
    assert_warning(
        &w,
        "aws_missing_input",
        "vpce-00939a7ed9EXAMPLE",
        "custom domain name",
    );
    let res = s
        .interface_endpoints
        .iter()
        .find(|e| e.id == "vpce-00939a7ed9EXAMPLE")
        .expect("the resource endpoint is imported");
    assert!(!res.private_dns && res.lattice.is_some());
    assert_warning(
        &w,
        "aws_missing_input",
        "vpce-0f00567fa8EXAMPLE",
        "service network",
    );
    assert_warning(&w, "aws_not_modelled", "rtb-0app", "propagated");
    assert_warning(&w, "aws_ipv6_not_modelled", "rtb-0app", "1 IPv6 route");
    assert!(
        table(&s, "app")
            .routes
            .iter()
            .any(|r| r.target == Target::VirtualPrivateGateway("vgw-f211f09b".into()))
    );
}

// --- Unknown fields and values, pagination, several VPCs.

#[test]
fn unknown_fields_and_values_are_warnings_not_failures() {
    let dir = edited_copy(REFERENCE, "unknown", "route-tables.json", |t| {
        t.replacen(
            "\"Origin\": \"CreateRouteTable\"",
            "\"Origin\": \"CreateRouteTable\", \"FutureTargetId\": \"ft-1\"",
            1,
        )
        .replacen("\"State\": \"blackhole\"", "\"State\": \"sleeping\"", 1)
    });
    let dir2 = edited_copy(REFERENCE, "unknown2", "vpc-endpoints.json", |t| {
        t.replacen("\"Resource\"", "\"HolographicProjector\"", 1)
    });
    let (_, w) = load_aws_dir(&dir, None).unwrap();
    assert_warning(&w, "aws_unknown_field", "rtb-", "FutureTargetId");
    assert_warning(&w, "aws_unknown_value", "rtb-", "\"sleeping\"");
    let (_, w2) = load_aws_dir(&dir2, None).unwrap();
    assert_warning(&w2, "aws_unknown_value", "vpce-", "HolographicProjector");
}

#[test]
fn next_token_warns_that_the_output_was_cut() {
    let dir = edited_copy(REFERENCE, "paged", "subnets.json", |t| {
        t.replacen("{", "{\"NextToken\": \"eyJ2IjoiMiJ9\",", 1)
    });
    let (_, w) = load_aws_dir(&dir, None).unwrap();
    assert_warning(&w, "aws_pagination_cut", "subnets.json", "NextToken");
}

#[test]
fn several_vpcs_ask_for_vpc() {
    match load_aws_dir(Path::new(SEVERAL), None) {
        Err(ImportError::SeveralVpcs(ids)) => assert_eq!(ids.len(), 3),
        other => panic!("{other:?}"),
    }
    let (s, _) = load_aws_dir(Path::new(SEVERAL), Some("demo")).unwrap();
    assert_eq!(s.subnets.len(), 6);
    assert!(matches!(
        load_aws_dir(Path::new(SEVERAL), Some("vpc-nope")),
        Err(ImportError::UnknownVpc { .. })
    ));
}

// --- The CLI.

#[test]
fn import_writes_ron_to_stdout_and_warnings_to_stderr() {
    vpc_tui()
        .args(["import", "aws", REFERENCE])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("region: \"us-east-1\""))
        .stdout(predicate::str::contains("availability_mode: regional"))
        .stderr(predicate::str::contains("vpcs.json: describe-vpcs"))
        .stderr(predicate::str::contains(
            "prefix-lists.json: describe-prefix-lists",
        ))
        .stderr(predicate::str::contains("[aws_not_modelled]"));
}

#[test]
fn import_to_a_file_then_check_it() {
    let dir = scratch("import-to-file");
    let out = dir.join("imported.ron");
    vpc_tui()
        .args(["import", "aws", REFERENCE, "-o"])
        .arg(&out)
        .assert()
        .code(0);
    vpc_tui()
        .args(["validate"])
        .arg(&out)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("valid"));
}

#[test]
fn malformed_json_exits_2_naming_file_line_and_column() {
    let dir = edited_copy(REFERENCE, "truncated", "route-tables.json", |t| {
        t[..t.len() / 2].to_string()
    });
    let file = dir.join("route-tables.json");
    vpc_tui()
        .args(["import", "aws"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{}:", file.display())))
        .stderr(predicate::str::contains("JSON error: EOF while parsing"));
    let dir = edited_copy(REFERENCE, "badcomma", "vpcs.json", |t| {
        t.replacen("\"State\": \"available\",", "\"State\": \"available\",,", 1)
    });
    vpc_tui()
        .args(["check", "--aws"])
        .arg(&dir)
        .args(["--from", "app-a", "--to", "s3"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::is_match(r"vpcs\.json:6:34: JSON error: key must be a string").unwrap(),
        );
}

#[test]
fn several_vpcs_exit_2_until_vpc_is_given() {
    vpc_tui()
        .args(["check", "--aws", SEVERAL, "--from", "app-a", "--to", "s3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--vpc"));
    vpc_tui()
        .args([
            "check", "--aws", SEVERAL, "--vpc", "demo", "--from", "app-a", "--to", "s3",
        ])
        .assert()
        .code(0);
}

#[test]
fn check_from_takes_name_tag_instance_id_and_subnet_id() {
    let (s, _) = import(REFERENCE);
    let app_a = s
        .instances
        .iter()
        .find(|i| i.name.as_deref() == Some("app-a"))
        .unwrap()
        .id
        .clone();
    for from in ["app-a", app_a.as_str()] {
        vpc_tui()
            .args(["check", "--aws", REFERENCE, "--from", from, "--to", "s3"])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("REACHABLE via gateway_endpoint"));
    }
    vpc_tui()
        .args(["check", "--aws", REFERENCE, "--from"])
        .arg(subnet_id(&s, "firewall-a"))
        .args(["--to", "s3"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no_public_ip"));
}

#[test]
fn reference_verdicts() {
    let cases = [
        ("web-a", "8.8.8.8", "REACHABLE via internet_gateway", 0),
        ("app-b", "sns", "REACHABLE via nat_gateway", 0),
        ("app-a", "10.50.0.1", "BLOCKED (blackhole_route)", 1),
        ("app-a", "192.168.1.1", "LEAVES VPC via vgw-f211f09b", 1),
    ];
    for (from, to, says, code) in cases {
        vpc_tui()
            .args(["check", "--aws", REFERENCE, "--from", from, "--to", to])
            .assert()
            .code(code)
            .stdout(predicate::str::contains(says));
    }
}

#[test]
fn overview_opens_an_aws_directory() {
    vpc_tui()
        .args(["--aws", REFERENCE])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ingress"))
        .stdout(predicate::str::contains("check --aws"));
}

// --- The round trip.

/// Every instance × every service and workload, plus every subnet to the internet, as JSON traces.
fn all_traces(model: &Model) -> Vec<serde_json::Value> {
    let s = model.scenario();
    let matrix = eval::evaluate_all(model, &s.what_if);
    let mut froms: Vec<String> = s.instances.iter().map(|i| i.id.clone()).collect();
    froms.extend(s.subnets.iter().map(|x| x.id.clone()));
    let mut out = Vec::new();
    for from in &froms {
        for to in matrix
            .services
            .iter()
            .chain(&matrix.workloads)
            .chain(&["8.8.8.8".to_string(), "10.50.0.1".to_string()])
        {
            let q = Query::parse(model, from, to, false);
            out.push(report::trace_json(
                &eval::evaluate(model, &s.what_if, &q).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn round_trip_gives_the_same_verdicts() {
    for dir in [MOTO, REFERENCE] {
        let (scenario, _) = import(dir);
        let direct = Model::new(scenario.clone()).unwrap();
        let text = to_ron_string(&scenario);
        let back = from_ron_str(&text, Path::new("imported.ron")).unwrap();
        assert_eq!(back, scenario, "{dir}: the RON does not read back the same");
        let reloaded = Model::new(back).unwrap();
        assert_eq!(all_traces(&direct), all_traces(&reloaded), "{dir}");
    }
}

#[test]
fn round_trip_through_the_cli() {
    let dir = scratch("roundtrip");
    let out = dir.join("imported.ron");
    vpc_tui()
        .args(["import", "aws", REFERENCE, "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let from_file = vpc_tui()
        .arg("check")
        .arg(&out)
        .args(["--matrix", "--format", "json"])
        .output()
        .unwrap();
    let direct = vpc_tui()
        .args(["check", "--aws", REFERENCE, "--matrix", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(from_file.status.code(), direct.status.code());
    assert_eq!(
        String::from_utf8_lossy(&from_file.stdout),
        String::from_utf8_lossy(&direct.stdout)
    );
}

#[test]
fn the_field_checklist_names_every_field_known_but_unused() {
    use vpc_tui::import::aws;
    let doc = std::fs::read_to_string("docs/aws-import-fields.md").unwrap();
    for list in [
        aws::ASSOCIATION_FIELDS_UNUSED,
        aws::ROUTE_FIELDS_UNUSED,
        aws::NAT_FIELDS_UNUSED,
        aws::ENDPOINT_FIELDS_UNUSED,
        aws::DNS_OPTIONS_FIELDS_UNUSED,
    ] {
        for field in list {
            assert!(
                doc.contains(&format!("`{field}`")) || doc.contains(&format!(".{field}`")),
                "docs/aws-import-fields.md does not list {field}"
            );
        }
    }
}

#[test]
fn gateway_endpoint_is_inferred_from_routes_without_describe_vpc_endpoints() {
    let dir = edited_copy(MOTO, "no-endpoints", "vpc-endpoints.json", |_| {
        "{\"VpcEndpoints\": []}".to_string()
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert_warning(&w, "aws_missing_input", "vpce-", "inferred");
    assert_eq!(s.gateway_endpoints.len(), 1);
    assert_eq!(s.gateway_endpoints[0].service, "s3");
    assert_eq!(s.gateway_endpoints[0].route_tables.len(), 2);
    assert!(!has_warning(&w, "aws_reconcile_mismatch", "vpce-", ""));
    let model = Model::new(s).unwrap();
    let q = Query::parse(&model, "app-a", "s3", false);
    let t = eval::evaluate(&model, &model.scenario().what_if, &q).unwrap();
    assert_eq!(report::trace_json(&t)["via"], "gateway_endpoint");
}

#[test]
fn a_file_named_twice_is_read_once() {
    vpc_tui()
        .args(["import", "aws", REFERENCE])
        .arg(format!("{REFERENCE}/instances.json"))
        .assert()
        .code(0);
}

#[test]
fn derived_routes_that_differ_from_the_model_are_warnings() {
    // The S3 endpoint lists the app table, but AWS's list of the table's routes lacks its route.
    let dir = edited_copy(REFERENCE, "no-pl-route", "route-tables.json", |t| {
        t.replacen(
            "\"DestinationPrefixListId\": \"pl-63a5400a\"",
            "\"DestinationCidrBlock\": \"10.99.0.0/16\"",
            1,
        )
        .replacen(
            "\"GatewayId\": \"vpce-032a826aEXAMPLE\"",
            "\"TransitGatewayId\": \"tgw-0123456789EXAMPLE\"",
            1,
        )
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert_warning(
        &w,
        "aws_reconcile_mismatch",
        "vpce-032a826aEXAMPLE",
        "has no route to it",
    );
    assert_eq!(s.gateway_endpoints[0].route_tables.len(), 1);
    // The main table routes to the endpoint, which does not list it; and no local route there.
    let dir = edited_copy(REFERENCE, "extra-pl-route", "route-tables.json", |t| {
        let main_local = "\"Routes\": [\n                {\n                    \"DestinationCidrBlock\": \"10.0.0.0/16\",\n                    \"GatewayId\": \"local\",\n                    \"Origin\": \"CreateRouteTable\",\n                    \"State\": \"active\"\n                }\n            ]";
        assert!(t.contains(main_local), "fixture layout changed");
        t.replacen(
            main_local,
            "\"Routes\": [{\"DestinationPrefixListId\": \"pl-63a5400a\", \"GatewayId\": \"vpce-032a826aEXAMPLE\", \"Origin\": \"CreateRoute\", \"State\": \"active\"}]",
            1,
        )
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert_warning(
        &w,
        "aws_reconcile_mismatch",
        "vpce-032a826aEXAMPLE",
        "does not list",
    );
    assert_warning(&w, "aws_reconcile_mismatch", "rtb-0main", "no local route");
    assert_eq!(s.gateway_endpoints[0].route_tables.len(), 2);
    Model::new(s).unwrap();
}

#[test]
fn a_blackhole_gateway_endpoint_route_stays_a_blackhole() {
    let dir = edited_copy(REFERENCE, "ge-blackhole", "route-tables.json", |t| {
        t.replacen(
            "\"GatewayId\": \"vpce-032a826aEXAMPLE\",\n                    \"Origin\": \"CreateRoute\",\n                    \"State\": \"active\"",
            "\"GatewayId\": \"vpce-032a826aEXAMPLE\",\n                    \"Origin\": \"CreateRoute\",\n                    \"State\": \"blackhole\"",
            1,
        )
    });
    let (s, w) = load_aws_dir(&dir, None).unwrap();
    assert!(
        table(&s, "app")
            .routes
            .iter()
            .any(|r| r.destination == Destination::PrefixList("s3".into())
                && r.target == Target::Blackhole)
    );
    assert_warning(
        &w,
        "aws_reconcile_mismatch",
        "vpce-032a826aEXAMPLE",
        "does not lead to it",
    );
    Model::new(s).unwrap();
}

#[test]
fn the_field_checklist_documents_every_warning_code() {
    let doc = std::fs::read_to_string("docs/aws-import-fields.md").unwrap();
    // The importer's warnings are raised in import/mod.rs and in the build steps.
    let mut files = vec![std::path::PathBuf::from("src/import/mod.rs")];
    for entry in std::fs::read_dir("src/import/build").unwrap() {
        files.push(entry.unwrap().path());
    }
    assert!(files.len() > 2, "{files:?}");
    for path in &files {
        let file = path.display();
        let text = std::fs::read_to_string(path).unwrap();
        for (i, _) in text.match_indices("\"aws_") {
            let rest = &text[i + 1..];
            let code = &rest[..rest.find('"').unwrap()];
            assert!(
                doc.contains(&format!("| `{code}` |")),
                "{file}: warning code {code} is not in docs/aws-import-fields.md"
            );
        }
    }
}

/// A cross-Region interface endpoint (`com.amazonaws.us-west-2.s3` in a us-east-1 VPC) keeps its
/// Region, and `s3@us-west-2` uses it.
#[test]
fn cross_region_interface_endpoint_keeps_its_region() {
    let dir = edited_copy(REFERENCE, "cross-region", "vpc-endpoints.json", |text| {
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        for e in v["VpcEndpoints"].as_array_mut().unwrap() {
            if e["VpcEndpointId"] == "vpce-1a2b3c4d5e6f1a2b3" {
                e["ServiceName"] = "com.amazonaws.us-west-2.s3".into();
                e["ServiceRegion"] = "us-west-2".into();
                e["DnsOptions"]["PrivateDnsOnlyForInboundResolverEndpoint"] = false.into();
            }
        }
        serde_json::to_string(&v).unwrap()
    });
    let (s, _) = import(dir.to_str().unwrap());
    let e = s
        .interface_endpoints
        .iter()
        .find(|e| e.id == "vpce-1a2b3c4d5e6f1a2b3")
        .expect("the cross-Region endpoint is imported");
    assert_eq!(e.service, "s3");
    assert_eq!(e.region.as_deref(), Some("us-west-2"));
    let m = vpc_tui::model::Model::new(s.clone()).unwrap_or_else(|d| panic!("{d:#?}"));
    let from = s
        .instances
        .iter()
        .find(|i| e.subnets.iter().any(|x| x.subnet == i.subnet))
        .map(|i| i.id.clone())
        .expect("an instance in an endpoint subnet");
    let t = vpc_tui::eval::evaluate(
        &m,
        &Default::default(),
        &vpc_tui::eval::Query::parse(&m, &from, "s3@us-west-2", false),
    )
    .unwrap();
    assert_eq!(
        t.verdict.via(),
        Some(vpc_tui::eval::Via::InterfaceEndpoint),
        "{t:?}"
    );
}

const IPV6: &str = "tests/fixtures/aws/ipv6-dual-stack";

/// The dual-stack VPC of `scenarios/ipv6-dual-stack.ron` in the CLI's shapes (VPC and subnet
/// `Ipv6CidrBlockAssociationSet`, `DestinationIpv6CidrBlock` routes to `local`, an internet
/// gateway and an `EgressOnlyInternetGatewayId`, `describe-egress-only-internet-gateways`,
/// instances' `Ipv6Address`, endpoints' `IpAddressType` and `DnsOptions.DnsRecordIpType`):
/// importing it gives the RON scenario's IPv6 fields and every expected verdict.
#[test]
fn ipv6_fixture_gives_the_verdicts_of_the_equivalent_ron() {
    let (s, w) = import(IPV6);
    assert!(
        w.iter().all(|d| d.rule != "aws_ipv6_not_modelled"),
        "{w:#?}"
    );
    let ron = vpc_tui::model::load_file(Path::new("scenarios/ipv6-dual-stack.ron")).unwrap();
    let r = ron.scenario();
    assert_eq!(s.vpc.ipv6_cidrs, r.vpc.ipv6_cidrs);
    assert_eq!(
        s.egress_only_internet_gateways, r.egress_only_internet_gateways,
        "another VPC's egress-only gateway is left out"
    );
    for (a, b) in s.subnets.iter().zip(&r.subnets) {
        assert_eq!((&a.id, a.ipv6_cidr), (&b.id, b.ipv6_cidr));
    }
    // The endpoint interfaces' `Ipv6Addresses` (describe-network-interfaces) are the RON's
    // `subnets[].ipv6`.
    let ipv6_of = |s: &vpc_tui::model::Scenario| -> Vec<_> {
        s.interface_endpoints
            .iter()
            .flat_map(|e| {
                e.subnets
                    .iter()
                    .map(move |x| (e.id.clone(), x.subnet.clone(), x.ipv6))
            })
            .collect()
    };
    assert_eq!(ipv6_of(&s), ipv6_of(r));
    assert!(ipv6_of(&s).iter().any(|(_, _, a)| a.is_some()));
    let imported = Model::new(s).expect("imports into a valid model");
    for t in &r.route_tables {
        let it = imported
            .scenario()
            .route_tables
            .iter()
            .find(|x| x.id == t.id)
            .unwrap();
        assert_eq!(it.ipv6_routes, t.ipv6_routes, "{}", t.id);
    }
    for e in &r.expect {
        let what_if = vpc_tui::model::WhatIf {
            failed_azs: e.failed_azs.clone(),
        };
        let family = e
            .family
            .as_deref()
            .and_then(eval::Family::from_code)
            .unwrap_or_default();
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false).with_family(family);
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
    }
}

/// Security groups' `Ipv6Ranges` and network ACLs' `Ipv6CidrBlock` entries (AWS's default ACL
/// with its IPv6 rule 101, the IPv6 `*` rules numbered 32768) of the VPC of
/// `scenarios/ipv6-security.ron`: importing them gives the RON scenario's IPv6 rules and verdicts.
#[test]
fn ipv6_security_rules_import_with_the_scenario_verdicts() {
    let (s, w) = import("tests/fixtures/aws/ipv6-security");
    assert!(
        w.iter()
            .all(|d| d.rule != "aws_bad_value" && d.rule != "aws_not_modelled"),
        "{w:#?}"
    );
    let ron = vpc_tui::model::load_file(Path::new("scenarios/ipv6-security.ron")).unwrap();
    for g in &ron.scenario().security_groups {
        let it = s.security_groups.iter().find(|x| x.id == g.id).unwrap();
        assert_eq!(it.ingress_ipv6, g.ingress_ipv6, "{}", g.id);
        assert_eq!(it.egress_ipv6, g.egress_ipv6, "{}", g.id);
    }
    for a in &ron.scenario().network_acls {
        let it = s.network_acls.iter().find(|x| x.id == a.id).unwrap();
        assert_eq!(it.ipv6_inbound, a.ipv6_inbound, "{}", a.id);
        assert_eq!(it.ipv6_outbound, a.ipv6_outbound, "{}", a.id);
    }
    let default = s.network_acls.iter().find(|a| a.default).unwrap();
    assert_eq!(
        default.ipv6_inbound.len(),
        1,
        "rule 101; the * rule is derived"
    );
    let imported = Model::new(s).expect("imports into a valid model");
    for e in &ron.scenario().expect {
        let family = e
            .family
            .as_deref()
            .and_then(eval::Family::from_code)
            .unwrap_or_default();
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false).with_family(family);
        let what_if = vpc_tui::model::WhatIf::default();
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
    }
}

/// describe-vpc-endpoints with a gateway endpoint for com.amazonaws.us-east-1.s3express (and the
/// rest) of the VPC `scenarios/s3-express-one-zone.ron` describes (same ids): the importer opts
/// the scenario into the optional s3express service, and every expectation of the RON scenario,
/// AZ failures included, holds on the import.
#[test]
fn s3_express_gateway_endpoint_imports_with_the_scenario_verdicts() {
    let (s, warnings) = import("tests/fixtures/aws/s3-express");
    assert!(
        s.services.iter().any(|o| o.name == "s3express"),
        "{:?}",
        s.services
    );
    assert_eq!(s.gateway_endpoints.len(), 1);
    assert_eq!(s.gateway_endpoints[0].service, "s3express");
    assert!(
        !warnings.iter().any(|w| w.rule == "aws_not_modelled"),
        "{warnings:?}"
    );
    let ron = vpc_tui::model::load_file(Path::new("scenarios/s3-express-one-zone.ron")).unwrap();
    let imported = Model::new(s).expect("imports into a valid model");
    for e in &ron.scenario().expect {
        let what_if = vpc_tui::model::WhatIf {
            failed_azs: e.failed_azs.clone(),
        };
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false);
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
    }
}

/// Every expectation of a RON scenario holds on the import of its AWS CLI output (the same ids).
#[track_caller]
fn import_meets_expectations(dir: &str, ron: &str) -> Vec<Diagnostic> {
    let (s, warnings) = import(dir);
    let ron = vpc_tui::model::load_file(Path::new(ron)).unwrap();
    let imported = Model::new(s).expect("imports into a valid model");
    for e in &ron.scenario().expect {
        let what_if = vpc_tui::model::WhatIf {
            failed_azs: e.failed_azs.clone(),
        };
        let probe = eval::Probe::asked(e.protocol, e.port);
        let q = |m: &Model| Query::parse(m, &e.from, &e.to, false).with_probe(probe);
        let x = eval::evaluate(&imported, &what_if, &q(&imported)).unwrap();
        let y = eval::evaluate(&ron, &what_if, &q(&ron)).unwrap();
        assert_eq!(x.verdict, y.verdict, "{} → {}", e.from, e.to);
        assert_eq!(x.verdict.code(), e.verdict, "{} → {}", e.from, e.to);
    }
    warnings
}

/// describe-vpc-endpoints with `Resource` endpoints (ResourceConfigurationArn) and
/// vpc-lattice get-resource-configuration output (custom domain name, port ranges) of the VPC
/// `scenarios/resource-endpoint.ron` describes.
#[test]
fn resource_endpoints_import_with_the_scenario_verdicts() {
    let w = import_meets_expectations(
        "tests/fixtures/aws/lattice-resource",
        "scenarios/resource-endpoint.ron",
    );
    assert!(
        !w.iter()
            .any(|w| w.rule == "aws_not_modelled" || w.rule == "aws_unknown_file"),
        "{w:?}"
    );
}

/// describe-vpc-endpoints with a `ServiceNetwork` endpoint (ServiceNetworkArn) and vpc-lattice
/// list-service-network-service-associations / -resource-associations output of the VPC
/// `scenarios/service-network-endpoint.ron` describes.
#[test]
fn service_network_endpoints_import_with_the_scenario_verdicts() {
    let w = import_meets_expectations(
        "tests/fixtures/aws/lattice-service-network",
        "scenarios/service-network-endpoint.ron",
    );
    assert!(
        !w.iter()
            .any(|w| w.rule == "aws_not_modelled" || w.rule == "aws_unknown_file"),
        "{w:?}"
    );
}

/// vpc-lattice list-service-network-vpc-associations (a VPC associated with a service network
/// directly) and the service network's list-service-network-service-associations output of the
/// VPC `scenarios/service-network-association.ron` describes.
#[test]
fn a_service_network_vpc_association_imports_with_the_scenario_verdicts() {
    let w = import_meets_expectations(
        "tests/fixtures/aws/lattice-vpc-association",
        "scenarios/service-network-association.ron",
    );
    assert!(
        !w.iter()
            .any(|w| w.rule == "aws_not_modelled" || w.rule == "aws_unknown_file"),
        "{w:?}"
    );
    let (s, _) = import("tests/fixtures/aws/lattice-vpc-association");
    let a = s.service_network_association.expect("the association");
    assert_eq!(a.id, "snva-0123456789abcdef0");
    assert_eq!(a.services, ["checkout", "inventory"]);
}

/// Without `describe-vpc-attribute` output each DNS attribute is taken as true, and the warning
/// says that attribute's own default (AmazonDNS-concepts.html, "DNS attributes for your VPC"):
/// enableDnsSupport is on in every VPC; enableDnsHostnames only in a default VPC or one made
/// with the console's wizard. Neither sentence names the other attribute.
#[test]
fn a_missing_dns_attribute_is_said_with_its_own_default() {
    let (s, w) = import("tests/fixtures/aws/ipv6-dual-stack");
    assert!(s.vpc.enable_dns_support && s.vpc.enable_dns_hostnames);
    let said = |attribute: &str, lang| {
        w.iter()
            .find(|d| d.rule == "aws_missing_input" && format!("{:?}", d.args).contains(attribute))
            .map(|d| vpc_tui::explain::diagnostic_message(lang, d))
            .unwrap_or_else(|| panic!("no warning for {attribute}: {w:#?}"))
    };
    use vpc_tui::explain::Lang;
    let support = said("enableDnsSupport", Lang::En);
    assert!(support.contains("default in every VPC"), "{support}");
    assert!(!support.contains("enableDnsHostnames"), "{support}");
    let hostnames = said("enableDnsHostnames", Lang::En);
    assert!(hostnames.contains("has it off"), "{hostnames}");
    assert!(!hostnames.contains("enableDnsSupport"), "{hostnames}");
    let support = said("enableDnsSupport", Lang::Ja);
    assert!(
        !support.contains("enableDnsHostnames") && support.contains("初期値"),
        "{support}"
    );
    let hostnames = said("enableDnsHostnames", Lang::Ja);
    assert!(hostnames.contains("オフ"), "{hostnames}");
}
