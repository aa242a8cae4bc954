//! Fix suggestions for the layers after routing (issue 17): security groups, network ACLs, the
//! source/destination check, endpoint and bucket policies. For each shipped path that one of
//! them blocks: the reason is the one expected, the best suggestion is the rule (or policy
//! change) expected, and applied for real it makes the path reachable with the cells it claims;
//! the suggestions' text in English and Japanese is snapshotted.

use vpc_tui::eval::{Probe, Query, Reason, Request, evaluate, evaluate_all};
use vpc_tui::explain::{self, Lang};
use vpc_tui::fix::{self, Cell, Suggestions};
use vpc_tui::model::{Model, load_file};

struct Case {
    scenario: &'static str,
    from: &'static str,
    to: &'static str,
    request: &'static str,
    reason: Reason,
    /// The best suggestion's edits, as `explain::edit_text` says them in English.
    best: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        scenario: "endpoint-security-group.ron",
        from: "app-a",
        to: "ssm",
        request: "",
        reason: Reason::SecurityGroupIngress,
        best: &["add to sg-default the ingress rule tcp/443 from 10.0.1.0/24"],
    },
    Case {
        scenario: "endpoint-security-group.ron",
        from: "app-b",
        to: "ssm",
        request: "",
        reason: Reason::SecurityGroupIngress,
        best: &["add to sg-default the ingress rule tcp/443 from 10.0.2.0/24"],
    },
    Case {
        scenario: "security-layers.ron",
        from: "app-b",
        to: "ssm",
        request: "",
        reason: Reason::SecurityGroupIngress,
        best: &["add to sg-endpoints the ingress rule tcp/443 from 10.0.2.0/24"],
    },
    Case {
        scenario: "security-layers.ron",
        from: "locked",
        to: "ssm",
        request: "",
        reason: Reason::SecurityGroupEgress,
        best: &["add to sg-s3-only the egress rule tcp/443 to 10.0.10.0/24"],
    },
    Case {
        scenario: "security-layers.ron",
        from: "restricted",
        to: "ssm",
        request: "",
        reason: Reason::NetworkAclOutbound,
        // Below the rule 90 that denies.
        best: &["add to acl-restricted the outbound rule 89: allow tcp/443 to 10.0.10.0/24"],
    },
    Case {
        scenario: "security-layers.ron",
        from: "denied",
        to: "ssm",
        request: "",
        reason: Reason::NetworkAclInbound,
        best: &["add to acl-endpoints the inbound rule 89: allow tcp/443 from 10.0.5.0/24"],
    },
    Case {
        scenario: "security-layers.ron",
        from: "egress",
        to: "sns",
        request: "",
        reason: Reason::NetworkAclReply,
        best: &[
            "add to acl-public the inbound rule 110: allow tcp/1024-65535 from 203.0.113.64/28",
        ],
    },
    Case {
        scenario: "security-layers.ron",
        from: "noreply",
        to: "s3",
        request: "",
        reason: Reason::NetworkAclReply,
        // Every one of S3's ranges comes back on the ephemeral ports.
        best: &[
            "add to acl-noreply the inbound rule 110: allow tcp/1024-65535 from 3.5.0.0/19",
            "add to acl-noreply the inbound rule 120: allow tcp/1024-65535 from 16.182.0.0/16",
            "add to acl-noreply the inbound rule 130: allow tcp/1024-65535 from 18.34.0.0/19",
            "add to acl-noreply the inbound rule 140: allow tcp/1024-65535 from 18.34.232.0/21",
            "add to acl-noreply the inbound rule 150: allow tcp/1024-65535 from 52.216.0.0/15",
            "add to acl-noreply the inbound rule 160: allow tcp/1024-65535 from 54.231.0.0/16",
        ],
    },
    Case {
        scenario: "security-layers.ron",
        from: "inspected",
        to: "s3",
        request: "",
        reason: Reason::SourceDestCheck,
        best: &["turn the source/destination check of eni-fw off"],
    },
    Case {
        scenario: "nacl-ephemeral.ron",
        from: "app",
        to: "ssm",
        request: "",
        reason: Reason::NetworkAclReply,
        // The reply crosses two network ACLs: the endpoint's subnet's on the way out, the
        // client's on the way in (the second found where the path stops after the first).
        best: &[
            "add to acl-app the inbound rule 110: allow tcp/1024-65535 from 10.0.10.0/24",
            "add to acl-endpoints the outbound rule 110: allow tcp/1024-65535 to 10.0.1.0/24",
        ],
    },
    Case {
        scenario: "endpoint-policies.ron",
        from: "app",
        to: "s3",
        request: "s3:GetObject arn:aws:s3:::reports/q4.csv",
        reason: Reason::EndpointPolicyDenied,
        // The endpoint's policy first; then the bucket's, which denies what comes through it.
        best: &[
            "set the endpoint policy of vpce-s3-logs (2 statements)",
            "set the bucket policy of reports (1 statement)",
        ],
    },
    Case {
        scenario: "endpoint-policies.ron",
        from: "app",
        to: "s3",
        request: "s3:DeleteObject arn:aws:s3:::logs/old.gz",
        reason: Reason::EndpointPolicyDenied,
        best: &["set the endpoint policy of vpce-s3-logs (2 statements)"],
    },
    Case {
        scenario: "endpoint-policies.ron",
        from: "data",
        to: "s3",
        request: "s3:GetObject arn:aws:s3:::reports/q4.csv",
        reason: Reason::BucketPolicyDenied,
        best: &["set the bucket policy of reports (1 statement)"],
    },
    Case {
        scenario: "endpoint-policies.ron",
        from: "legacy",
        to: "s3",
        request: "s3:GetObject arn:aws:s3:::archive/2020.tar",
        reason: Reason::BucketPolicyDenied,
        // A Deny on aws:SourceVpce: the request goes through the endpoint it names.
        best: &["attach vpce-s3 to rtb-legacy"],
    },
];

fn query(model: &Model, c: &Case) -> Query {
    let request = Request::parse(c.request).expect("a valid request");
    Query::parse(model, c.from, c.to, false)
        .with_probe(Probe::default())
        .with_request(request)
}

/// The verdict after each suggestion and the cells it flips are what it says.
fn check_claims(model: &Model, q: &Query, found: &Suggestions) {
    let w = &model.scenario().what_if;
    let before = evaluate_all(model, w);
    for s in &found.suggestions {
        let after = fix::apply(model, s).expect("a suggestion applies");
        let t = evaluate(&after, w, q).unwrap();
        assert_eq!(t.verdict, s.verdict, "{q:?}: {:?}", s.edits);
        assert!(t.verdict.is_reachable(), "{q:?}: {:?}", s.edits);
        let m = evaluate_all(&after, w);
        let columns: Vec<&String> = before.services.iter().chain(&before.workloads).collect();
        let (mut gained, mut lost) = (Vec::new(), Vec::new());
        for (r, inst) in before.instances.iter().enumerate() {
            for (c, to) in columns.iter().enumerate() {
                let (was, now) = (
                    before.cells[r][c].verdict.is_reachable(),
                    m.cells[r][c].verdict.is_reachable(),
                );
                let cell = || Cell {
                    instance: inst.clone(),
                    to: to.to_string(),
                };
                if !was && now {
                    gained.push(cell());
                } else if was && !now {
                    lost.push(cell());
                }
            }
        }
        assert_eq!(gained, s.gained, "{q:?}: {:?}", s.edits);
        assert_eq!(lost, s.lost, "{q:?}: {:?}", s.edits);
    }
}

#[test]
fn every_layer_that_blocks_a_shipped_path_gets_its_fix() {
    for c in CASES {
        let model = load_file(format!("scenarios/{}", c.scenario).as_ref()).unwrap();
        let q = query(&model, c);
        let w = &model.scenario().what_if;
        let trace = evaluate(&model, w, &q).unwrap();
        let label = format!("{} {} → {} {}", c.scenario, c.from, c.to, c.request);
        assert_eq!(trace.verdict.reason(), Some(c.reason), "{label}");
        let found = fix::suggest_for(&model, w, &q, &trace);
        let best = found
            .suggestions
            .first()
            .unwrap_or_else(|| panic!("{label}: no suggestion"));
        let texts: Vec<String> = best
            .edits
            .iter()
            .map(|e| explain::edit_text(Lang::En, e))
            .collect();
        assert_eq!(texts, c.best, "{label}");
        // Applied for real, the best suggestion makes the path reachable.
        let after = fix::apply(&model, best).unwrap();
        assert!(
            evaluate(&after, w, &q).unwrap().verdict.is_reachable(),
            "{label}"
        );
        check_claims(&model, &q, &found);
        // What the explorer keeps changes nothing.
        let matrix = evaluate_all(&model, w);
        let cost =
            vpc_tui::cost::estimate(&model, w, &vpc_tui::cost::CostInputs::for_model(&model));
        let known = fix::Known {
            matrix: Some(&matrix),
            cost: Some(&cost),
        };
        assert_eq!(
            fix::suggest_with(&model, w, &q, &trace, known),
            found,
            "{label}"
        );
    }
}

#[test]
fn policy_changes_are_said_and_the_rest_of_the_policy_stays() {
    let model = load_file("scenarios/endpoint-policies.ron".as_ref()).unwrap();
    let c = &CASES[CASES.len() - 3];
    let q = query(&model, c);
    let found = fix::suggest(&model, &model.scenario().what_if, &q).unwrap();
    let best = &found.suggestions[0];
    assert_eq!(
        serde_json::to_value(&best.changes).unwrap(),
        serde_json::json!([{"change": "allow_statement", "owner": "vpce-s3-logs",
            "action": "s3:DeleteObject", "resource": "arn:aws:s3:::logs/old.gz"}])
    );
    let after = fix::apply(&model, best).unwrap();
    let policy = after.scenario().gateway_endpoints[0]
        .policy
        .as_ref()
        .unwrap();
    assert_eq!(policy.statements().len(), 2);
    assert_eq!(
        policy.statements()[0],
        model.scenario().gateway_endpoints[0]
            .policy
            .as_ref()
            .unwrap()
            .statements()[0],
        "the statement that was there stays as it was"
    );
    // The bucket's Deny keeps its aws:SourceIp condition and gains aws:SourceVpce.
    let c = &CASES[CASES.len() - 2];
    let q = query(&model, c);
    let found = fix::suggest(&model, &model.scenario().what_if, &q).unwrap();
    let after = fix::apply(&model, &found.suggestions[0]).unwrap();
    let reports = after
        .scenario()
        .buckets
        .iter()
        .find(|b| b.name == "reports")
        .unwrap();
    let keys: Vec<(&str, &str)> = reports.policy.as_ref().unwrap().statements()[0]
        .conditions
        .iter()
        .map(|x| (x.operator.as_str(), x.key.as_str()))
        .collect();
    assert_eq!(
        keys,
        [
            ("NotIpAddress", "aws:SourceIp"),
            ("StringNotEquals", "aws:SourceVpce")
        ]
    );
    // The legacy instance, over the NAT gateway, is still not denied by it.
    let legacy = Query::parse(&after, "legacy", "s3", false)
        .with_request(Request::parse("s3:GetObject arn:aws:s3:::reports/q4.csv").unwrap());
    assert!(
        evaluate(&after, &after.scenario().what_if, &legacy)
            .unwrap()
            .verdict
            .is_reachable()
    );
}

#[test]
fn layer_suggestions_read_in_english_and_japanese() {
    for c in CASES {
        let model = load_file(format!("scenarios/{}", c.scenario).as_ref()).unwrap();
        let q = query(&model, c);
        let found = fix::suggest(&model, &model.scenario().what_if, &q).unwrap();
        for lang in [Lang::En, Lang::Ja] {
            let text: String = found
                .suggestions
                .iter()
                .enumerate()
                .map(|(i, s)| explain::suggestion_text(lang, i + 1, s))
                .collect();
            let name = format!(
                "{}_{}_{}_{}",
                c.scenario.trim_end_matches(".ron"),
                c.from,
                c.to.replace(':', "_"),
                match lang {
                    Lang::En => "en",
                    Lang::Ja => "ja",
                }
            );
            let name = if c.request.is_empty() {
                name
            } else {
                format!(
                    "{name}_{}",
                    c.request.split(' ').next().unwrap().replace(':', "_")
                )
            };
            insta::assert_snapshot!(name, text);
        }
    }
}
