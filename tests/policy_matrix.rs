//! The matrix with endpoint policies (aws-semantics.md §5b): a policy on `aws:VpcSourceIp`
//! tells two instances of one subnet apart, so the matrix keys its classes by address and
//! agrees with each instance's own trace.

use vpc_tui::eval::{self, Query, Reason, Verdict};
use vpc_tui::model::{Instance, Policy, WhatIf, load_file};

#[test]
fn a_vpc_source_ip_policy_splits_a_subnet_and_the_matrix_agrees() {
    let model = load_file(std::path::Path::new("scenarios/endpoint-policies.ron")).unwrap();
    let mut s = model.scenario().clone();
    s.gateway_endpoints[1].policy = Some(Policy::json(
        r#"{"Statement":[{"Sid":"OneHost","Effect":"Allow","Principal":"*","Action":"*","Resource":"*",
        "Condition":{"IpAddress":{"aws:VpcSourceIp":"10.0.2.10/32"}}}]}"#,
    ));
    let mut twin = s.instances[1].clone();
    twin.id = "i-data-2".into();
    twin.name = Some("data-2".into());
    twin.private_ip = Some("10.0.2.20".parse().unwrap());
    let mut instances: Vec<Instance> = s.instances.iter().cloned().collect();
    instances.push(twin);
    s.instances = instances.into();
    let model = vpc_tui::model::Model::new(s).unwrap();
    let what_if = WhatIf::default();
    let trace = |from: &str| {
        eval::evaluate(&model, &what_if, &Query::instance_to_service(from, "s3"))
            .unwrap()
            .verdict
    };
    assert!(trace("data").is_reachable());
    assert_eq!(
        trace("data-2"),
        Verdict::Blocked(Reason::EndpointPolicyDenied)
    );
    let m = eval::evaluate_all(&model, &what_if);
    for (i, inst) in model.scenario().instances.iter().enumerate() {
        for (j, svc) in m.services.iter().enumerate() {
            let t = eval::evaluate(&model, &what_if, &Query::instance_to_service(&inst.id, svc))
                .unwrap();
            assert_eq!(m.cells[i][j].verdict, t.verdict, "{} → {svc}", inst.id);
        }
    }
    // An edit of the policy: the matrix after it is the matrix of the edited model.
    let (next, _) = vpc_tui::model::Edit::SetEndpointPolicy {
        endpoint: "vpce-s3".into(),
        policy: None,
    }
    .apply(&model)
    .unwrap();
    let after = eval::evaluate_all_after(&m, &next, &what_if);
    assert_eq!(after, eval::evaluate_all(&next, &what_if));
    let row = model
        .scenario()
        .instances
        .iter()
        .position(|i| i.id == "i-data-2")
        .unwrap();
    let col = m.services.iter().position(|x| x == "s3").unwrap();
    assert!(after.cells[row][col].verdict.is_reachable());
}

/// A scenario with policies in both forms saves (keeping its comments) and loads back equal,
/// after a policy edit too.
#[test]
fn policies_save_and_load_back() {
    let path = std::path::Path::new("scenarios/endpoint-policies.ron");
    let original = std::fs::read_to_string(path).unwrap();
    let model = load_file(path).unwrap();
    let (next, _) = vpc_tui::model::Edit::SetEndpointPolicy {
        endpoint: "vpce-ssm".into(),
        policy: Some(Policy::full_access()),
    }
    .apply(&model)
    .unwrap();
    for m in [&model, &next] {
        let saved = vpc_tui::save::preserve::save_text(Some(&original), m.scenario());
        let back = vpc_tui::model::from_ron_str(&saved.text, path).unwrap();
        assert_eq!(&back, m.scenario());
        assert!(
            saved.text.contains("// The fix AWS documents"),
            "comments kept"
        );
        let full = vpc_tui::model::to_ron_string(m.scenario());
        assert_eq!(
            &vpc_tui::model::from_ron_str(&full, path).unwrap(),
            m.scenario()
        );
    }
}
