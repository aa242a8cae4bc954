//! VPC Block Public Access on IPv6 paths and on NAT64's IPv4 leg, on `scenarios/ipv6-dual-stack.ron`
//! and `scenarios/ipv6-only-nat64.ron` with BPA turned on by edits. AWS's page: "Bidirectional:
//! All traffic to and from internet gateways and egress-only internet gateways in this Region
//! (except for excluded VPCs and subnets) is blocked. Ingress-only: … Only traffic to and from NAT
//! gateways and egress-only internet gateways is allowed"
//! (<https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html>).

use std::path::Path;

use vpc_tui::eval::{Family, PathTrace, Query, Reason, Verdict, Via, evaluate};
use vpc_tui::model::{
    BpaExclusion, BpaMode, Edit, ExclusionMode, ExclusionScope, Model, WhatIf, load_file,
};

const INTERNET6: &str = "2600:1f18:abcd::1";

fn load(name: &str) -> Model {
    load_file(Path::new(&format!("scenarios/{name}.ron"))).unwrap()
}

fn with(m: &Model, edits: Vec<Edit>) -> Model {
    Edit::Batch(edits).apply(m).unwrap().0
}

fn mode(mode: BpaMode) -> Edit {
    Edit::SetBlockPublicAccessMode { mode }
}

fn exclude(subnet: &str, mode: ExclusionMode) -> Edit {
    Edit::AddBpaExclusion {
        exclusion: BpaExclusion {
            id: None,
            scope: ExclusionScope::Subnet(subnet.into()),
            mode,
        },
        position: None,
    }
}

fn run(m: &Model, from: &str, to: &str, family: Family) -> PathTrace {
    let q = Query::parse(m, from, to, false).with_family(family);
    evaluate(m, &WhatIf::default(), &q).unwrap()
}

fn allowed_note(t: &PathTrace) -> bool {
    t.notes
        .iter()
        .any(|n| n.code() == "block_public_access_allowed")
}

fn reachable(via: Via) -> Verdict {
    Verdict::Reachable {
        via,
        cross_az: None,
    }
}

#[test]
fn the_scenarios_reach_the_internet_over_ipv6_with_bpa_off() {
    let m = load("ipv6-dual-stack");
    let eigw = run(&m, "app-a", INTERNET6, Family::Ipv6);
    assert_eq!(eigw.verdict, reachable(Via::EgressOnlyInternetGateway));
    let igw = run(&m, "web-a", INTERNET6, Family::Ipv6);
    assert_eq!(igw.verdict, reachable(Via::InternetGateway));
    assert!(!allowed_note(&eigw) && !allowed_note(&igw));
    let nat64 = run(&load("ipv6-only-nat64"), "app6-a", "sns", Family::Auto);
    assert_eq!(nat64.verdict, reachable(Via::NatGateway));
}

#[test]
fn bidirectional_mode_blocks_both_gateways_unless_the_source_subnet_is_excluded() {
    let m = with(
        &load("ipv6-dual-stack"),
        vec![mode(BpaMode::BlockBidirectional)],
    );
    for from in ["app-a", "web-a"] {
        let t = run(&m, from, INTERNET6, Family::Ipv6);
        assert_eq!(
            t.verdict,
            Verdict::Blocked(Reason::BlockPublicAccess),
            "{from}"
        );
        let stop = t.hops.last().unwrap();
        assert_eq!(
            stop.kind.code(),
            "internet_gateway",
            "{from}: the gateway hop stops it"
        );
    }
    // An exclusion of either mode lets the source's own outbound IPv6 traffic out.
    for x in [
        ExclusionMode::AllowEgress,
        ExclusionMode::AllowBidirectional,
    ] {
        let m = with(
            &m,
            vec![
                exclude("subnet-private-a", x),
                exclude("subnet-public-a", x),
            ],
        );
        let t = run(&m, "app-a", INTERNET6, Family::Ipv6);
        assert_eq!(
            t.verdict,
            reachable(Via::EgressOnlyInternetGateway),
            "{x:?}"
        );
        assert!(allowed_note(&t), "{x:?}");
        let t = run(&m, "web-a", INTERNET6, Family::Ipv6);
        assert_eq!(t.verdict, reachable(Via::InternetGateway), "{x:?}");
        assert!(allowed_note(&t), "{x:?}");
    }
}

#[test]
fn ingress_only_mode_lets_the_egress_only_gateway_out_but_not_an_instance_at_the_internet_gateway()
{
    let m = with(&load("ipv6-dual-stack"), vec![mode(BpaMode::BlockIngress)]);
    let t = run(&m, "app-a", INTERNET6, Family::Ipv6);
    assert_eq!(t.verdict, reachable(Via::EgressOnlyInternetGateway));
    assert!(allowed_note(&t), "the note says why BPA let it through");
    let t = run(&m, "web-a", INTERNET6, Family::Ipv6);
    assert_eq!(t.verdict, Verdict::Blocked(Reason::BlockPublicAccess));
    // An allow-bidirectional exclusion lets it through; allow-egress in ingress-only mode is
    // what AWS's pages leave open, as for IPv4.
    let both = with(
        &m,
        vec![exclude(
            "subnet-public-a",
            ExclusionMode::AllowBidirectional,
        )],
    );
    assert_eq!(
        run(&both, "web-a", INTERNET6, Family::Ipv6).verdict,
        reachable(Via::InternetGateway)
    );
    let egress = with(
        &m,
        vec![exclude("subnet-public-a", ExclusionMode::AllowEgress)],
    );
    assert_eq!(
        run(&egress, "web-a", INTERNET6, Family::Ipv6).verdict,
        Verdict::NotModelled(Reason::BlockPublicAccessNotModelled)
    );
}

#[test]
fn nat64_traffic_counts_as_the_nat_gateway_subnets() {
    let m = load("ipv6-only-nat64");
    let bidir = with(&m, vec![mode(BpaMode::BlockBidirectional)]);
    let t = run(&bidir, "app6-a", "sns", Family::Auto);
    assert_eq!(
        t.verdict,
        Verdict::Blocked(Reason::BlockPublicAccessNatSubnet)
    );
    let nat = t.hops.iter().find(|h| h.kind.code() == "nat_gateway");
    assert!(nat.is_some(), "the NAT gateway's hop comes before the stop");
    // The source's own subnet's exclusion does nothing for it; the NAT gateway's subnet's does.
    let source = with(
        &bidir,
        vec![exclude("subnet-v6only-a", ExclusionMode::AllowEgress)],
    );
    assert_eq!(
        run(&source, "app6-a", "sns", Family::Auto).verdict,
        Verdict::Blocked(Reason::BlockPublicAccessNatSubnet)
    );
    let nat_subnet = with(
        &bidir,
        vec![exclude("subnet-public-a", ExclusionMode::AllowEgress)],
    );
    let t = run(&nat_subnet, "app6-a", "sns", Family::Auto);
    assert_eq!(t.verdict, reachable(Via::NatGateway));
    assert!(allowed_note(&t));
    // Ingress-only mode lets a NAT gateway's traffic out.
    let ingress = with(&m, vec![mode(BpaMode::BlockIngress)]);
    let t = run(&ingress, "app6-a", "sns", Family::Auto);
    assert_eq!(t.verdict, reachable(Via::NatGateway));
    assert!(allowed_note(&t));
}
