//! Fix suggestions and weak points (issue 19) on the shipped scenarios: every blocked path gets
//! a suggestion that, applied, makes it reachable; the free gateway endpoint comes first for S3;
//! every claim (verdict after, cells flipped) holds when the edits are applied for real.

use vpc_tui::eval::{Query, Reason, Verdict, evaluate, evaluate_all};
use vpc_tui::explain::{self, Lang};
use vpc_tui::fix::{self, Cell, Suggestions, WeakKind, suggest, weak_points};
use vpc_tui::model::{Edit, Model, WhatIf, load_file};

fn load(name: &str) -> Model {
    load_file(format!("scenarios/{name}").as_ref()).unwrap()
}

fn what_if(model: &Model, failed: &[&str]) -> WhatIf {
    let mut w = model.scenario().what_if.clone();
    w.failed_azs.extend(failed.iter().map(|s| s.to_string()));
    w
}

/// Apply every suggestion: its verdict and its flipped cells are what it said.
fn check_claims(model: &Model, w: &WhatIf, q: &Query, found: &Suggestions) {
    let before = evaluate_all(model, w);
    for s in &found.suggestions {
        let after = fix::apply(model, s).expect("a suggestion applies");
        let t = evaluate(&after, w, q).unwrap();
        assert_eq!(t.verdict, s.verdict, "{q:?}: {:?}", s.edits);
        assert!(s.verdict.is_reachable(), "{q:?}: {:?}", s.edits);
        let m = evaluate_all(&after, w);
        let mut gained = Vec::new();
        let mut lost = Vec::new();
        let columns: Vec<&String> = before.services.iter().chain(&before.workloads).collect();
        for (r, inst) in before.instances.iter().enumerate() {
            for (c, to) in columns.iter().enumerate() {
                let was = before.cells[r][c].verdict.is_reachable();
                let now = m.cells[r][c].verdict.is_reachable();
                let cell = Cell {
                    instance: inst.clone(),
                    to: to.to_string(),
                };
                if !was && now {
                    gained.push(cell);
                } else if was && !now {
                    lost.push(cell);
                }
            }
        }
        assert_eq!(gained, s.gained, "{q:?}: {:?}", s.edits);
        assert_eq!(lost, s.lost, "{q:?}: {:?}", s.edits);
        // Every suggestion reads in both languages.
        assert!(!explain::suggestion_text(Lang::En, 1, s).is_empty());
        assert!(!explain::suggestion_text(Lang::Ja, 1, s).is_empty());
    }
}

/// Every blocked or partial path of the scenario's expectations, and every blocked matrix cell
/// for the services the scenario is about, gets a suggestion that makes it reachable.
fn every_blocked_path_is_fixable(name: &str, failed: &[&str]) {
    let model = load(name);
    let w = what_if(&model, failed);
    let mut queries: Vec<Query> = Vec::new();
    let inputs = vpc_tui::cost::CostInputs::for_model(&model);
    for inst in &model.scenario().instances {
        for svc in &inputs.services {
            queries.push(Query::parse(&model, &inst.id, svc, false));
        }
    }
    for x in &model.scenario().expect {
        queries.push(Query::parse(&model, &x.from, &x.to, false));
    }
    let mut blocked = 0;
    for q in queries {
        let t = evaluate(&model, &w, &q).unwrap();
        if !matches!(t.verdict, Verdict::Blocked(_) | Verdict::Partial) {
            continue;
        }
        blocked += 1;
        let found = suggest(&model, &w, &q).unwrap();
        assert!(
            !found.suggestions.is_empty(),
            "{name} {failed:?}: no suggestion for {q:?} ({:?})",
            t.verdict
        );
        check_claims(&model, &w, &q, &found);
    }
    assert!(blocked > 0, "{name} {failed:?} has no blocked path to fix");
}

#[test]
fn no_endpoint_paths_get_fixes() {
    every_blocked_path_is_fixable("no-endpoint.ron", &[]);
}

#[test]
fn gateway_public_rt_paths_get_fixes() {
    every_blocked_path_is_fixable("gateway-public-rt.ron", &[]);
}

#[test]
fn interface_single_az_paths_get_fixes_with_its_az_failed() {
    every_blocked_path_is_fixable("interface-single-az.ron", &["us-east-1a"]);
}

#[test]
fn private_dns_off_paths_get_fixes() {
    every_blocked_path_is_fixable("private-dns-off.ron", &[]);
}

#[test]
fn nat_single_az_paths_get_fixes_with_its_az_failed() {
    every_blocked_path_is_fixable("nat-single-az.ron", &["us-east-1a"]);
}

/// A directory bucket (or the Regional `s3express` name) reached another way than through an
/// s3express gateway endpoint is not modelled; the repair AWS's pages describe is that gateway
/// endpoint on the source's table, so it is what `--suggest` offers, and the claims hold.
#[test]
fn a_directory_bucket_outside_the_gateway_endpoint_gets_the_endpoint_attached() {
    let model = load("s3-express-one-zone.ron");
    let w = what_if(&model, &[]);
    for to in ["data--use1-az4--x-s3", "s3express"] {
        let q = Query::parse(&model, "bastion", to, false);
        let t = evaluate(&model, &w, &q).unwrap();
        assert_eq!(
            t.verdict,
            Verdict::NotModelled(Reason::DirectoryBucketWithoutGatewayEndpoint),
            "{to}"
        );
        let found = suggest(&model, &w, &q).unwrap();
        assert_eq!(
            found.suggestions[0].edits,
            [Edit::AttachGatewayEndpoint {
                endpoint: "vpce-s3express".into(),
                route_table: "rtb-public".into(),
                position: None,
            }],
            "{to}"
        );
        assert_eq!(
            found.suggestions[0].verdict.via(),
            Some(vpc_tui::eval::Via::GatewayEndpoint)
        );
        check_claims(&model, &w, &q, &found);
    }
}

/// A private subnet without a route to S3: the free gateway endpoint first, not a NAT gateway.
/// Likewise a public subnet that Block Public Access stops at the internet gateway: the gateway
/// endpoint keeps S3's traffic off the internet gateway, for free.
#[test]
fn s3_from_a_private_subnet_starts_with_the_free_gateway_endpoint() {
    // (scenario, source, the fix costs nothing at all). With Block Public Access the endpoint
    // also lets app-a's S3 traffic through its NAT gateway, whose processing is then billed.
    for (name, from, free) in [
        ("no-endpoint.ron", "app-a", true),
        ("gateway-public-rt.ron", "app-a", true),
        ("private-dns-off.ron", "app-a", true),
        ("block-public-access.ron", "web", false),
    ] {
        let model = load(name);
        let w = what_if(&model, &[]);
        let q = Query::parse(&model, from, "s3", false);
        let t = evaluate(&model, &w, &q).unwrap();
        if t.verdict.is_reachable() {
            continue;
        }
        let found = suggest(&model, &w, &q).unwrap();
        let top = &found.suggestions[0];
        assert!(
            matches!(
                top.edits.as_slice(),
                [Edit::AddGatewayEndpoint { .. } | Edit::AttachGatewayEndpoint { .. }]
            ),
            "{name}: {:?}",
            top.edits
        );
        assert_eq!(top.verdict.via(), Some(vpc_tui::eval::Via::GatewayEndpoint));
        assert!(
            !free || top.monthly_cost_delta <= 0.0,
            "{name}: {}",
            top.monthly_cost_delta
        );
        // Cheaper than any other suggestion that fixes the path.
        assert!(
            found
                .suggestions
                .iter()
                .all(|s| s.monthly_cost_delta >= top.monthly_cost_delta),
            "{name}"
        );
        assert!(top.lost.is_empty());
    }
    // Without any S3 endpoint, the new one says its id is a placeholder.
    let model = load("no-endpoint.ron");
    let q = Query::parse(&model, "app-a", "s3", false);
    let found = suggest(&model, &WhatIf::default(), &q).unwrap();
    assert_eq!(found.suggestions[0].placeholders, ["vpce-new-s3"]);
    let text = explain::suggestions_text(Lang::En, &found);
    assert!(text.contains("vpce-new-s3 is a placeholder"), "{text}");
}

/// The NAT gateway's AZ fails: the fix routes to the NAT gateway in a healthy AZ.
#[test]
fn a_failed_nat_gateway_is_replaced_by_one_in_a_healthy_az() {
    let model = load("nat-single-az.ron");
    let w = what_if(&model, &["us-east-1a"]);
    let q = Query::parse(&model, "app-c", "sns", false);
    let found = suggest(&model, &w, &q).unwrap();
    assert_eq!(found.reasons, [Reason::NatAzFailed]);
    assert!(
        found
            .suggestions
            .iter()
            .any(|s| s.edits.iter().any(|e| matches!(e,
        Edit::ReplaceRoute { route, .. } if route.target.id() == Some("nat-b"))))
    );
}

/// The ENIs' only AZ fails: the fix adds an ENI in a healthy AZ.
#[test]
fn an_endpoint_in_a_failed_az_gets_an_eni_in_a_healthy_one() {
    let model = load("interface-single-az.ron");
    let w = what_if(&model, &["us-east-1a"]);
    let q = Query::parse(&model, "app-c", "ssm", false);
    let found = suggest(&model, &w, &q).unwrap();
    let top = &found.suggestions[0];
    assert!(
        matches!(top.edits.as_slice(), [Edit::AddEndpointSubnet { .. }]),
        "{:?}",
        top.edits
    );
}

#[test]
fn a_reachable_path_has_nothing_to_fix() {
    let model = load("no-endpoint.ron");
    let q = Query::parse(&model, "web-a", "s3", false);
    let found = suggest(&model, &WhatIf::default(), &q).unwrap();
    assert!(found.suggestions.is_empty());
    assert_eq!(found.none, Some(fix::NoFix::AlreadyReachable));
}

/// Weak points: a NAT gateway in another AZ is one; an endpoint with ENIs in every AZ survives
/// the loss of any one.
#[test]
fn weak_points_are_found_by_failing_each_thing() {
    let model = load("nat-single-az.ron");
    let q = Query::parse(&model, "app-c", "sns", false);
    let w = weak_points(&model, &WhatIf::default(), &q).unwrap();
    assert!(
        w.weak_points
            .iter()
            .any(|p| p.kind == WeakKind::Az && p.id == "us-east-1a")
    );
    assert!(
        w.weak_points
            .iter()
            .any(|p| p.kind == WeakKind::NatGateway && p.id == "nat-a")
    );
    assert!(!w.survives_any_one_az());
    for p in &w.weak_points {
        // Each failure, applied for real, breaks the path.
        let mut wi = WhatIf::default();
        let m = match &p.failure {
            Edit::FailAz { az } => {
                wi.failed_azs.push(az.clone());
                model.clone()
            }
            e => e.apply(&model).unwrap().0,
        };
        assert!(
            !evaluate(&m, &wi, &q).unwrap().verdict.is_reachable(),
            "{p:?}"
        );
    }

    let model = load("interface-multi-az.ron");
    let inst = &model.scenario().instances[0].id;
    let q = Query::parse(&model, inst, "ssm", false);
    let w = weak_points(&model, &WhatIf::default(), &q).unwrap();
    assert!(w.survives_any_one_az(), "{w:?}");
    let text = explain::weak_points_text(Lang::En, &w);
    assert!(
        text.contains("survives the loss of any one other AZ"),
        "{text}"
    );
    assert!(!explain::weak_points_text(Lang::Ja, &w).is_empty());
}

/// What `check --apply-suggestion` writes: the `expect` entries a fix changes take the new
/// answer; an entry that was already wrong is not the fix's doing and stays as it was.
#[test]
fn a_fix_rewrites_only_the_expectations_it_changes() {
    use vpc_tui::scenario_checks::{lesson_fails, rewrite_expectations};
    let model = load("no-endpoint.ron");
    let mut s = model.scenario().clone();
    s.expect[0].verdict = "blocked".into();
    let model = Model::new(s).unwrap();
    let w = what_if(&model, &[]);
    let q = Query::parse(&model, "app-a", "s3", false);
    let found = suggest(&model, &w, &q).unwrap();
    let fixed = fix::apply(&model, &found.suggestions[0]).unwrap();
    let (entries, rewritten) = rewrite_expectations(&model, &fixed);
    assert_eq!(rewritten.len(), 1, "{rewritten:?}");
    assert_eq!(rewritten[0].entry, 5);
    assert_eq!(rewritten[0].was, model.scenario().expect[4]);
    assert_eq!(entries[4], rewritten[0].now);
    assert_eq!(entries[4].verdict, "reachable");
    assert_eq!(entries[0], model.scenario().expect[0]);
    // The lesson held before and no longer does: its step 5 attaches vpce-s3 to the table the
    // fix already gave an S3 endpoint.
    assert!(!lesson_fails(&model));
    assert!(lesson_fails(&fixed));
}

/// A VPC Lattice endpoint as a weak point is named by its kind (`resource_endpoint`,
/// `service_network_endpoint`), not as an interface endpoint; a path that is not modelled lists
/// no weak points and says why.
#[test]
fn lattice_endpoints_are_weak_points_of_their_own_kind() {
    for (file, to, kind, words) in [
        (
            "resource-endpoint.ron",
            "orders-db",
            WeakKind::ResourceEndpoint,
            "resource endpoint vpce-res-orders",
        ),
        (
            "service-network-endpoint.ron",
            "checkout",
            WeakKind::ServiceNetworkEndpoint,
            "service-network endpoint vpce-sn-shop",
        ),
    ] {
        let model = load(file);
        let q = Query::parse(&model, "app-a", to, false);
        let w = weak_points(&model, &WhatIf::default(), &q).unwrap();
        assert!(
            w.weak_points.iter().any(|p| p.kind == kind),
            "{file}: {w:?}"
        );
        assert!(
            !w.weak_points
                .iter()
                .any(|p| p.kind == WeakKind::InterfaceEndpoint),
            "{file}"
        );
        let text = explain::weak_points_text(Lang::En, &w);
        assert!(text.contains(words), "{text}");
    }
    let model = load("resource-endpoint.ron");
    let q = Query::parse(&model, "app-a", "reports-db", false);
    let w = weak_points(&model, &WhatIf::default(), &q).unwrap();
    assert!(
        matches!(w.verdict, Verdict::NotModelled(_)),
        "{:?}",
        w.verdict
    );
    let text = explain::weak_points_text(Lang::En, &w);
    assert!(text.contains("not modelled"), "{text}");
}

/// A path that only VPC Block Public Access stops, to an address no endpoint can carry: no fix is
/// suggested (an exclusion is a policy decision), and the answer says that an exclusion is what
/// would let it through rather than that nothing could.
#[test]
fn a_path_only_block_public_access_stops_says_an_exclusion_would_do() {
    let model = load("block-public-access.ron");
    let q = Query::parse(&model, "web", "203.0.113.10", false);
    let found = suggest(&model, &WhatIf::default(), &q).unwrap();
    assert!(found.suggestions.is_empty(), "{found:?}");
    assert_eq!(found.none, Some(fix::NoFix::OnlyBpaExclusion));
    let text = explain::fix_none(Lang::En, fix::NoFix::OnlyBpaExclusion);
    assert!(text.contains("AddBpaExclusion"), "{text}");
}
