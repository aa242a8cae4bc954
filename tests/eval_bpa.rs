//! VPC Block Public Access at the internet gateway, case by case on
//! `scenarios/block-public-access.ron` changed by edits: mode off, ingress-only mode, a VPC
//! exclusion beside a subnet's, and a path through a GWLB endpoint; what AWS's pages leave open
//! is `block_public_access_not_modelled` (aws-semantics.md §4; AWS's page:
//! <https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>).

use std::path::Path;

use vpc_tui::eval::{PathTrace, Query, Reason, Verdict, Via, evaluate};
use vpc_tui::model::{
    BpaExclusion, BpaMode, Edit, ExclusionMode, ExclusionScope, Model, WhatIf, from_ron_str,
    load_file,
};

const INTERNET: &str = "203.0.113.10";

fn scenario() -> Model {
    load_file(Path::new("scenarios/block-public-access.ron")).unwrap()
}

fn with(m: &Model, edits: Vec<Edit>) -> Model {
    Edit::Batch(edits).apply(m).unwrap().0
}

fn mode(mode: BpaMode) -> Edit {
    Edit::SetBlockPublicAccessMode { mode }
}

fn exclude(scope: ExclusionScope, mode: ExclusionMode) -> Edit {
    Edit::AddBpaExclusion {
        exclusion: BpaExclusion {
            id: None,
            scope,
            mode,
        },
        position: None,
    }
}

fn subnet(id: &str) -> ExclusionScope {
    ExclusionScope::Subnet(id.into())
}

fn run(m: &Model, from: &str, to: &str) -> PathTrace {
    evaluate(m, &WhatIf::default(), &Query::parse(m, from, to, false)).unwrap()
}

fn has_note(t: &PathTrace) -> bool {
    t.notes
        .iter()
        .any(|n| n.code() == "block_public_access_allowed")
}

#[test]
fn mode_off_blocks_nothing_and_says_nothing() {
    let m = with(&scenario(), vec![mode(BpaMode::Off)]);
    for from in ["web", "bastion", "app-a", "app-b", "batch"] {
        let t = run(&m, from, INTERNET);
        assert!(t.verdict.is_reachable(), "{from}: {:?}", t.verdict);
        assert!(!has_note(&t), "{from}");
    }
}

#[test]
fn ingress_only_lets_nat_gateways_out_and_blocks_public_addresses() {
    let m = with(&scenario(), vec![mode(BpaMode::BlockIngress)]);
    // A NAT gateway's traffic passes without any exclusion (nat-a's subnet has none).
    let t = run(&m, "app-a", INTERNET);
    assert_eq!(t.verdict.via(), Some(Via::NatGateway));
    assert!(has_note(&t));
    // An instance's own public address is blocked; allow-bidirectional lets it out.
    assert_eq!(
        run(&m, "web", INTERNET).verdict,
        Verdict::Blocked(Reason::BlockPublicAccess)
    );
    assert!(run(&m, "bastion", INTERNET).verdict.is_reachable());
    // An allow-egress exclusion "only applies when BPA is set to Bidirectional": not modelled.
    let m = with(
        &m,
        vec![exclude(subnet("subnet-web"), ExclusionMode::AllowEgress)],
    );
    assert_eq!(
        run(&m, "web", INTERNET).verdict,
        Verdict::NotModelled(Reason::BlockPublicAccessNotModelled)
    );
}

#[test]
fn a_vpc_exclusion_covers_every_subnet_and_a_different_subnet_mode_is_not_modelled() {
    let m = with(
        &scenario(),
        vec![exclude(
            ExclusionScope::Vpc,
            ExclusionMode::AllowBidirectional,
        )],
    );
    // web's subnet has no exclusion of its own: the VPC's applies.
    assert!(run(&m, "web", INTERNET).verdict.is_reachable());
    // The regional NAT gateway has no subnet: the VPC's exclusion covers it.
    assert!(run(&m, "batch", INTERNET).verdict.is_reachable());
    // bastion's subnet has the same mode as the VPC: no conflict.
    assert!(run(&m, "bastion", INTERNET).verdict.is_reachable());
    // nat-b's subnet is allow-egress, the VPC allow-bidirectional: AWS does not say which wins.
    assert_eq!(
        run(&m, "app-b", INTERNET).verdict,
        Verdict::NotModelled(Reason::BlockPublicAccessNotModelled)
    );
}

#[test]
fn the_source_subnets_exclusion_does_not_count_for_its_nat_gateway() {
    let m = with(
        &scenario(),
        vec![exclude(
            subnet("subnet-app-a"),
            ExclusionMode::AllowBidirectional,
        )],
    );
    let t = run(&m, "app-a", INTERNET);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::BlockPublicAccessNatSubnet)
    );
    assert_eq!(
        Reason::BlockPublicAccessNatSubnet.reachability_analyzer_code(),
        Some("VPC_BLOCK_PUBLIC_ACCESS_ENABLED")
    );
}

/// Through a GWLB endpoint and then an excluded NAT gateway's subnet: AWS blocks GWLB traffic
/// "even if the subnet containing GWLB endpoints is excluded" and does not say more.
#[test]
fn a_path_through_a_gwlb_endpoint_that_an_exclusion_would_let_out_is_not_modelled() {
    let text = std::fs::read_to_string("scenarios/block-public-access.ron")
        .unwrap()
        .replace(
            r#"(id: "subnet-batch", name: "batch""#,
            r#"(id: "subnet-inspect", az: "us-east-1a", cidr: "10.0.20.0/24"),
        (id: "subnet-batch", name: "batch""#,
        )
        .replace(
            r#"target: NatGateway("nat-a"))]),"#,
            r#"target: GatewayLoadBalancerEndpoint("vpce-gwlb"))]),
        (id: "rtb-inspect", subnets: ["subnet-inspect"],
         routes: [(destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-b"))]),"#,
        )
        .replace(
            "    gateway_endpoints: [",
            r#"    gwlb_endpoints: [(id: "vpce-gwlb", subnet: "subnet-inspect")],
    gateway_endpoints: ["#,
        );
    let s = from_ron_str(&text, Path::new("gwlb.ron")).unwrap();
    let m = Model::new(s).unwrap();
    let t = run(&m, "app-a", INTERNET);
    assert!(t.hops.iter().any(|h| h.kind.code() == "gwlb_endpoint"));
    assert_eq!(
        t.verdict,
        Verdict::NotModelled(Reason::BlockPublicAccessNotModelled),
        "{:?}",
        t.hops.last()
    );
    // With BPA off the same path goes through the appliances and out.
    let off = with(&m, vec![mode(BpaMode::Off)]);
    assert_ne!(
        run(&off, "app-a", INTERNET).verdict,
        Verdict::NotModelled(Reason::BlockPublicAccessNotModelled)
    );
}

/// The matrix (no facts) gives the verdicts the traces give, in every mode, also when it is
/// evaluated again after the edit from the one before.
#[test]
fn the_matrix_agrees_with_the_traces_in_every_mode() {
    let base = scenario();
    let before = vpc_tui::eval::evaluate_all(&base, &WhatIf::default());
    for m in BpaMode::ALL {
        let model = with(&base, vec![mode(m)]);
        let matrix = vpc_tui::eval::evaluate_all(&model, &WhatIf::default());
        let after = vpc_tui::eval::evaluate_all_after(&before, &model, &WhatIf::default());
        assert_eq!(after.cells, matrix.cells, "{m:?}");
        for (i, inst) in matrix.instances.iter().enumerate() {
            for (j, svc) in matrix.services.iter().enumerate() {
                let t = run(&model, inst, svc);
                assert_eq!(
                    matrix.cells[i][j].verdict, t.verdict,
                    "{m:?}: {inst} → {svc}"
                );
            }
        }
    }
}

/// Saving keeps the file's comments and writes the BPA settings an edit made, into a file that
/// had them and into one that did not; the saved file loads as the edited scenario.
#[test]
fn bpa_edits_save_and_load_back() {
    for (file, edits) in [
        (
            "scenarios/block-public-access.ron",
            vec![
                mode(BpaMode::BlockIngress),
                Edit::RemoveBpaExclusion {
                    scope: subnet("subnet-bastion"),
                },
                exclude(subnet("subnet-nat-a"), ExclusionMode::AllowEgress),
            ],
        ),
        (
            "scenarios/private-only.ron",
            vec![
                mode(BpaMode::BlockBidirectional),
                exclude(ExclusionScope::Vpc, ExclusionMode::AllowEgress),
            ],
        ),
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let edited = with(&load_file(Path::new(file)).unwrap(), edits);
        let saved = vpc_tui::save::preserve::save_text(Some(&text), edited.scenario());
        let back = from_ron_str(&saved.text, Path::new(file)).unwrap();
        assert_eq!(&back, edited.scenario(), "{file}");
        if file.ends_with("block-public-access.ron") {
            assert!(
                saved
                    .text
                    .contains("// describe-vpc-block-public-access-options")
            );
        }
    }
}
