//! Security groups and network ACLs on IPv6 paths (`scenarios/ipv6-security.ron`, whose
//! expectations `tests/scenarios.rs` checks): the stand-in default group's `::/0` egress, a
//! group-referencing rule as the only way in (not modelled), the NAT64 subnet's network ACL
//! listed as unchecked, the RON round trip of the IPv6 rules, `--from` an IPv6 address, and every
//! trace in Japanese.

mod common;

use std::path::Path;

use common::english::english_run_in_traces as english_run;

use vpc_tui::eval::{Family, PathTrace, Query, Reason, Verdict, Via, evaluate};
use vpc_tui::explain::{self, Lang};
use vpc_tui::model::{Model, WhatIf, from_ron_str, load_file, to_ron_string};

const SEC: &str = "scenarios/ipv6-security.ron";

fn edited(from: &str, to: &str) -> Model {
    let t = std::fs::read_to_string(SEC).unwrap();
    assert!(t.contains(from), "{from}");
    Model::new(from_ron_str(&t.replacen(from, to, 1), Path::new(SEC)).unwrap()).unwrap()
}

fn check(m: &Model, from: &str, to: &str, family: Family) -> PathTrace {
    evaluate(
        m,
        &WhatIf::default(),
        &Query::parse(m, from, to, false).with_family(family),
    )
    .unwrap()
}

#[test]
fn the_stand_in_default_group_lets_ipv6_out() {
    // legacy-a without groups of its own: the VPC's default group, which AWS gives ::/0 egress
    // in a VPC with an IPv6 block.
    let m = edited("security_groups: [\"sg-ipv4-only\"]", "security_groups: []");
    let t = check(&m, "legacy-a", "2600:1f18:abcd::1", Family::Ipv4);
    assert_eq!(
        t.verdict,
        Verdict::Reachable {
            via: Via::EgressOnlyInternetGateway,
            cross_az: None
        },
        "{t:#?}"
    );
    assert!(!t.unchecked.iter().any(|c| c == "security_groups"));
}

#[test]
fn a_group_reference_as_the_only_way_in_is_not_modelled() {
    // The endpoint's group lets in members of sg-dual (a group reference) and has no IPv6 rule.
    let m = edited(
        "ingress_ipv6: [(protocol: tcp, ports: (443, 443), cidr: \"2600:1f18:1234:5601::/64\", description: \"HTTPS from private-a\")]",
        "",
    );
    let m2 = {
        let mut s = m.scenario().clone();
        let g = s
            .security_groups
            .iter_mut()
            .find(|g| g.id == "sg-endpoints")
            .unwrap();
        g.ingress[0].peer = vpc_tui::model::Peer::Group("sg-dual".into());
        Model::new(s).unwrap()
    };
    let plain = check(&m, "app-a", "ssm", Family::Ipv6);
    assert_eq!(
        plain.verdict,
        Verdict::Blocked(Reason::SecurityGroupIngress)
    );
    let t = check(&m2, "app-a", "ssm", Family::Ipv6);
    assert_eq!(
        t.verdict,
        Verdict::NotModelled(Reason::Ipv6NotModelled),
        "{t:#?}"
    );
}

#[test]
fn ipv6_rules_survive_the_ron_round_trip() {
    let m = load_file(Path::new(SEC)).unwrap();
    let text = to_ron_string(m.scenario());
    let back = from_ron_str(&text, Path::new(SEC)).unwrap();
    assert_eq!(&back, m.scenario());
    assert!(text.contains("egress_ipv6") && text.contains("ipv6_inbound"));
}

#[test]
fn nat64_lists_network_acls_as_unchecked() {
    // ipv6-only-nat64.ron with a network ACL on the NAT gateway's subnet: NAT64's IPv4 side
    // through it is not evaluated, and the trace says so.
    let path = "scenarios/ipv6-only-nat64.ron";
    let t = std::fs::read_to_string(path).unwrap();
    let acl = "    network_acls: [(id: \"acl-open\", subnets: [], inbound: [(number: 100, protocol: all, cidr: \"0.0.0.0/0\", action: allow)], outbound: [(number: 100, protocol: all, cidr: \"0.0.0.0/0\", action: allow)])],\n    expect: [";
    let m =
        Model::new(from_ron_str(&t.replacen("    expect: [", acl, 1), Path::new(path)).unwrap())
            .unwrap();
    let tr = check(&m, "app6-a", "sns", Family::Auto);
    assert!(tr.verdict.is_reachable(), "{tr:#?}");
    assert!(tr.unchecked.iter().any(|c| c == "network_acls"));
    assert!(
        tr.notes
            .iter()
            .any(|n| n.code() == "ipv6_layers_not_evaluated")
    );
}

#[test]
fn from_an_ipv6_address_is_its_instance_or_its_subnet() {
    let m = load_file(Path::new(SEC)).unwrap();
    let by_address = check(
        &m,
        "2600:1f18:1234:5601::20",
        "2600:1f18:abcd::1",
        Family::Ipv4,
    );
    let by_name = check(&m, "legacy-a", "2600:1f18:abcd::1", Family::Ipv4);
    assert_eq!(by_address, by_name);
    // An address no instance holds: a new interface in private-a (the default group).
    let t = check(
        &m,
        "2600:1f18:1234:5601::99",
        "2600:1f18:abcd::1",
        Family::Ipv4,
    );
    assert!(t.verdict.is_reachable(), "{t:#?}");
    assert_eq!(t.from.id().as_str(), "subnet-private-a");
    // Outside every subnet's block: an error naming the subnets.
    let e = evaluate(
        &m,
        &WhatIf::default(),
        &Query::parse(&m, "2600:1f18:9999::1", "s3", false),
    )
    .unwrap_err();
    assert!(
        explain::query_error(Lang::En, &e).contains("2600:1f18:9999::1"),
        "{e:?}"
    );
}

#[test]
fn every_ipv6_security_trace_reads_in_japanese() {
    let m = load_file(Path::new(SEC)).unwrap();
    let mut failures = Vec::new();
    for from in m.scenario().instances.iter().map(|i| i.id.clone()) {
        for to in ["ssm", "2600:1f18:abcd::1", "2600:1f18:1234:5602::10"] {
            for family in [Family::Ipv6, Family::Auto] {
                let t = check(&m, &from, to, family);
                let mut texts = vec![explain::summary(Lang::Ja, &t)];
                texts.extend(t.hops.iter().map(|h| explain::hop_sentence(Lang::Ja, h)));
                for text in texts {
                    if let Some(run) = english_run(&text) {
                        failures.push(format!("{from} → {to}: {run:?} in {text}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn no_ipv6_route_is_fixed_by_an_ipv6_route_and_the_edit_undoes() {
    use vpc_tui::model::{Edit, Ipv6Route, Target};
    // private-b's table has no ::/0: the egress-only gateway first (outbound only), then the
    // internet gateway.
    let m = load_file(Path::new("scenarios/ipv6-dual-stack.ron")).unwrap();
    let q = Query::parse(&m, "app-b", "2600:1f18:abcd::1", false);
    let s = vpc_tui::fix::suggest(&m, &WhatIf::default(), &q).unwrap();
    let want = Edit::AddIpv6Route {
        route_table: "rtb-private-b".into(),
        route: Ipv6Route {
            destination: "::/0".parse().unwrap(),
            target: Target::EgressOnlyInternetGateway("eigw-1".into()),
        },
        position: None,
    };
    assert_eq!(s.suggestions[0].edits, std::slice::from_ref(&want));
    let (after, undo) = want.apply(&m).unwrap();
    let t = evaluate(&after, &WhatIf::default(), &q).unwrap();
    assert!(t.verdict.is_reachable(), "{t:#?}");
    let (back, _) = undo.apply(&after).unwrap();
    assert_eq!(back.scenario(), m.scenario());
    // The same route again is refused, and the derived local route cannot be added.
    assert!(want.apply(&after).is_err());
    let local = Edit::AddIpv6Route {
        route_table: "rtb-private-b".into(),
        route: Ipv6Route {
            destination: "2600:1f18:1234:5600::/56".parse().unwrap(),
            target: Target::Local,
        },
        position: None,
    };
    assert!(local.apply(&m).is_err());
    // NAT64's prefix sent to the internet: a 64:ff9b::/96 route to the NAT gateway.
    let m = load_file(Path::new("scenarios/ipv6-only-nat64.ron")).unwrap();
    let q = Query::parse(&m, "app6-b", "sns", false).with_family(Family::Auto);
    let s = vpc_tui::fix::suggest(&m, &WhatIf::default(), &q).unwrap();
    assert!(
        matches!(&s.suggestions[0].edits[..], [Edit::AddIpv6Route { route, .. }]
            if route.destination == vpc_tui::model::NAT64_PREFIX),
        "{:?}",
        s.suggestions
    );
    assert!(s.suggestions[0].verdict.is_reachable());
}
