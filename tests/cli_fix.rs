//! The real binary's fixes and weak points (issue 19): `check --suggest` (text, JSON, JSON Lines,
//! exit codes), `--apply-suggestion N -o OUT` (the written file loads and the path works),
//! `--spof` and `--matrix --spof`.

mod common;

use common::cli::{json, scratch, vpc_tui};
use predicates::prelude::*;
use serde_json::Value;

const BLOCKED: [&str; 6] = [
    "check",
    "scenarios/no-endpoint.ron",
    "--from",
    "app-a",
    "--to",
    "s3",
];

#[test]
fn suggest_text_lists_the_free_gateway_endpoint_first_and_exits_1() {
    vpc_tui()
        .args(BLOCKED)
        .arg("--suggest")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("BLOCKED (no_route)"))
        .stdout(predicate::str::contains("2 suggestions, best first:"))
        .stdout(predicate::str::contains(
            "1.\n   add gateway endpoint vpce-new-s3 for s3 on rtb-private\n   after: reachable via gateway_endpoint",
        ))
        .stdout(predicate::str::contains("cells gained: i-app-a → s3, i-app-b → s3"))
        .stdout(predicate::str::contains("monthly cost: +0.00 USD"))
        .stdout(predicate::str::contains("below 1 because it costs more"));
}

#[test]
fn suggest_json_and_jsonl_carry_every_field() {
    let mut args = BLOCKED.to_vec();
    args.extend(["--suggest", "--format", "json"]);
    let pretty = json(&args, 1);
    *args.last_mut().unwrap() = "jsonl";
    let out = vpc_tui().args(&args).assert().code(1).get_output().clone();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    let line: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(pretty, line, "json and jsonl say the same");
    assert_eq!(pretty["verdict"], "blocked");
    assert_eq!(pretty["reason"], "no_route");
    let list = pretty["suggestions"].as_array().unwrap();
    assert_eq!(list.len(), 2);
    let best = &list[0];
    assert_eq!(best["rank"], 1);
    assert_eq!(
        best["edits_text"][0],
        "add gateway endpoint vpce-new-s3 for s3 on rtb-private"
    );
    assert!(
        best["edits"][0]
            .as_str()
            .unwrap()
            .starts_with("AddGatewayEndpoint(")
    );
    assert_eq!(best["after"]["verdict"], "reachable");
    assert_eq!(best["after"]["via"], "gateway_endpoint");
    assert_eq!(best["gained"].as_array().unwrap().len(), 2);
    assert_eq!(best["gained"][0]["instance"], "i-app-a");
    assert_eq!(best["lost"], serde_json::json!([]));
    assert_eq!(best["monthly_cost_delta"], 0.0);
    assert_eq!(best["currency"], "USD");
    assert_eq!(best["az_dependencies"], serde_json::json!([]));
    assert_eq!(best["adds_az_dependency"], false);
    assert_eq!(best["placeholders"], serde_json::json!(["vpce-new-s3"]));
    assert!(
        best["why"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["fact"] == "best")
    );
    assert_eq!(
        best["why_text"].as_array().unwrap().last().unwrap(),
        "the best suggestion"
    );
    let second = &list[1];
    assert_eq!(second["rank"], 2);
    assert!(second["monthly_cost_delta"].as_f64().unwrap() > 0.0);
    assert!(
        second["why"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["fact"] == "below" && w["key"] == "costs_more"),
        "{second}"
    );
}

#[test]
fn suggest_on_a_working_path_says_so_and_exits_0() {
    vpc_tui()
        .args([
            "check",
            "scenarios/no-endpoint.ron",
            "--from",
            "web-a",
            "--to",
            "s3",
            "--suggest",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "The path is reachable: there is nothing to fix.",
        ));
    let v = json(
        &[
            "check",
            "scenarios/no-endpoint.ron",
            "--from",
            "web-a",
            "--to",
            "s3",
            "--suggest",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(v["suggestions"], serde_json::json!([]));
}

#[test]
fn suggest_with_a_failed_source_az_says_why_there_is_none() {
    vpc_tui()
        .args([
            "check",
            "scenarios/nat-single-az.ron",
            "--from",
            "app-a",
            "--to",
            "sns",
            "--fail-az",
            "us-east-1a",
            "--suggest",
            "--lang",
            "ja",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "送信元の AZ で障害が起きています。AZ を復旧させる編集はありません。",
        ));
}

#[test]
fn apply_suggestion_writes_a_scenario_that_loads_and_reaches() {
    let d = scratch("apply");
    let out = d.join("fixed.ron");
    let before = std::fs::read_to_string("scenarios/no-endpoint.ron").unwrap();
    let mut args = BLOCKED.to_vec();
    let out_s = out.to_str().unwrap();
    args.extend(["--apply-suggestion", "1", "-o", out_s]);
    // The `expect` entry of the fixed path takes its new answer, and the lesson (whose steps
    // build the endpoint themselves) is left out: both are said.
    vpc_tui()
        .args(&args)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(format!(
            "Wrote {out_s}: suggestion 1 applied (add gateway endpoint vpce-new-s3 for s3 on rtb-private)."
        )))
        .stderr(predicate::str::contains(
            "expect 5 (app-a → s3) now says what the fixed scenario answers: reachable via \
             gateway_endpoint (was blocked (no_route)).",
        ))
        .stderr(predicate::str::contains("expect 1 ").not())
        .stderr(predicate::str::contains(
            "The lesson was left out of the written file",
        ));
    // The input is untouched; the output loads, validates and the path is reachable.
    assert_eq!(
        std::fs::read_to_string("scenarios/no-endpoint.ron").unwrap(),
        before
    );
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("vpce-new-s3"), "{written}");
    // The scenario's own comments are kept.
    assert!(written.contains("// The starting point of the gateway-endpoint lessons"));
    let fixed = vpc_tui::model::load_file(&out).unwrap();
    assert!(fixed.scenario().lesson.is_none());
    let original = vpc_tui::model::load_file("scenarios/no-endpoint.ron".as_ref()).unwrap();
    let (was, now) = (&original.scenario().expect, &fixed.scenario().expect);
    assert_eq!(was.len(), now.len());
    assert_eq!(now[4].verdict, "reachable");
    assert_eq!(now[4].via.as_deref(), Some("gateway_endpoint"));
    assert_eq!(now[4].reason, None);
    assert_eq!(now[4].source, was[4].source);
    assert_eq!(was[..4], now[..4]);
    vpc_tui()
        .args(["validate", out_s])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("valid"));
    vpc_tui()
        .args(["check", out_s, "--from", "app-a", "--to", "s3"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("REACHABLE via gateway_endpoint"));
    // The second suggestion: the interface endpoint.
    let out2 = d.join("fixed2.ron");
    let mut args = BLOCKED.to_vec();
    args.extend(["--apply-suggestion", "2", "-o", out2.to_str().unwrap()]);
    vpc_tui().args(&args).assert().code(0);
    vpc_tui()
        .args([
            "check",
            out2.to_str().unwrap(),
            "--from",
            "app-a",
            "--to",
            "s3",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("REACHABLE via interface_endpoint"));
    // It changes how web-a and batch-a reach S3 too: their entries follow, and it validates.
    vpc_tui()
        .args(["validate", out2.to_str().unwrap()])
        .assert()
        .code(0);
    // In Japanese.
    let out3 = d.join("fixed3.ron");
    let mut args = BLOCKED.to_vec();
    args.extend([
        "--apply-suggestion",
        "1",
        "-o",
        out3.to_str().unwrap(),
        "--lang",
        "ja",
    ]);
    vpc_tui()
        .args(&args)
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "expect 5 (app-a → s3) を修正後のシナリオの答えに合わせて書き換えました",
        ))
        .stderr(predicate::str::contains(
            "レッスンは書き込んだファイルに含めていません",
        ));
}

#[test]
fn apply_suggestion_refuses_without_an_output_or_a_suggestion() {
    let mut args = BLOCKED.to_vec();
    args.extend(["--apply-suggestion", "1"]);
    // Without -o nothing is written anywhere: a usage error.
    vpc_tui()
        .args(&args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--output <OUT.ron>"));
    let d = scratch("refuse");
    let out = d.join("never.ron");
    let mut args = BLOCKED.to_vec();
    args.extend(["--apply-suggestion", "9", "-o", out.to_str().unwrap()]);
    vpc_tui()
        .args(&args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "There is no suggestion 9: there are 2.",
        ));
    assert!(!out.exists());
    // 0 is not a suggestion number.
    let mut args = BLOCKED.to_vec();
    args.extend(["--apply-suggestion", "0", "-o", out.to_str().unwrap()]);
    vpc_tui().args(&args).assert().code(2);
    assert!(!out.exists());
}

#[test]
fn apply_suggestion_may_write_over_its_own_scenario() {
    let d = scratch("inplace");
    let file = d.join("no-endpoint.ron");
    std::fs::copy("scenarios/no-endpoint.ron", &file).unwrap();
    let f = file.to_str().unwrap();
    vpc_tui()
        .args([
            "check",
            f,
            "--from",
            "app-a",
            "--to",
            "s3",
            "--apply-suggestion",
            "1",
            "-o",
            f,
        ])
        .assert()
        .code(0);
    vpc_tui()
        .args(["check", f, "--from", "app-a", "--to", "s3"])
        .assert()
        .code(0);
}

#[test]
fn spof_lists_the_weak_points_and_what_the_path_survives() {
    vpc_tui()
        .args([
            "check",
            "scenarios/resilience.ron",
            "--from",
            "app-c",
            "--to",
            "ssm",
            "--spof",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("2 single points of failure:"))
        .stdout(predicate::str::contains(
            "  the loss of AZ us-east-1a: then blocked (endpoint_enis_all_failed)",
        ))
        .stdout(predicate::str::contains(
            "It survives the loss of us-east-1b.",
        ));
    let v = json(
        &[
            "check",
            "scenarios/interface-multi-az.ron",
            "--from",
            "app-a",
            "--to",
            "ssm",
            "--spof",
            "--format",
            "json",
        ],
        0,
    );
    let spof = &v["spof"];
    assert_eq!(spof["survives_any_one_az"], true);
    assert_eq!(spof["eni_azs"].as_array().unwrap().len(), 3);
    assert_eq!(spof["source_az"], "us-east-1a");
    for w in spof["weak_points"].as_array().unwrap() {
        assert_ne!(w["kind"], "az", "{w}");
        assert!(w["failure"].is_string() && w["text"].is_string(), "{w}");
    }
    vpc_tui()
        .args([
            "check",
            "scenarios/interface-multi-az.ron",
            "--from",
            "app-a",
            "--to",
            "ssm",
            "--spof",
        ])
        .assert()
        .stdout(predicate::str::contains(
            "It survives the loss of any one other AZ: ENIs in 3 AZs (us-east-1a, us-east-1b, us-east-1c).",
        ));
}

#[test]
fn spof_on_a_blocked_path_points_to_suggest_and_exits_1() {
    vpc_tui()
        .args(BLOCKED)
        .arg("--spof")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("try --suggest"));
}

#[test]
fn matrix_spof_lists_the_cells_in_every_format() {
    let text = vpc_tui()
        .args(["check", "scenarios/resilience.ron", "--matrix", "--spof"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).unwrap();
    let head = text.lines().next().unwrap();
    let n: usize = head.split(' ').next().unwrap().parse().unwrap();
    assert!(head.ends_with("reachable cells have a single point of failure:"));
    assert_eq!(text.lines().count(), n + 1);
    assert!(
        text.contains(
            "  i-app-c → ssm: the loss of AZ us-east-1a: then blocked (endpoint_enis_all_failed)"
        ),
        "{text}"
    );
    let v = json(
        &[
            "check",
            "scenarios/resilience.ron",
            "--matrix",
            "--spof",
            "--format",
            "json",
        ],
        1,
    );
    let cells = v["cells"].as_array().unwrap();
    assert_eq!(cells.len(), n);
    assert!(v["schema_version"].is_number());
    assert!(
        cells
            .iter()
            .any(|c| c["from"] == "i-app-c" && c["to"] == "sns")
    );
    let lines = vpc_tui()
        .args([
            "check",
            "scenarios/resilience.ron",
            "--matrix",
            "--spof",
            "--format",
            "jsonl",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(lines)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(&lines[..], &cells[..]);
    // A model whose every reachable path survives any single failure: none, exit 0.
    vpc_tui()
        .args([
            "check",
            "scenarios/dns-support-off.ron",
            "--matrix",
            "--spof",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(
            "No reachable cell has a single point of failure",
        ));
}

/// Issue 17: the layers after routing get their fixes in the CLI, in English and Japanese; a
/// policy change is said in words and in JSON.
/// `check ARGS` exits 1 (blocked) and prints `text`.
fn blocked_and_says(args: &[&str], text: &str) {
    vpc_tui()
        .args(args)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(text));
}

#[test]
fn suggest_offers_network_acl_security_group_and_policy_fixes() {
    let restricted = [
        "check",
        "scenarios/security-layers.ron",
        "--from",
        "restricted",
        "--to",
        "ssm",
        "--suggest",
    ];
    blocked_and_says(&restricted, "BLOCKED (network_acl_outbound)");
    blocked_and_says(
        &restricted,
        "1.\n   add to acl-restricted the outbound rule 89: allow tcp/443 to 10.0.10.0/24\n   after: reachable via interface_endpoint",
    );
    blocked_and_says(
        &[&restricted[..], &["--lang", "ja"]].concat(),
        "1.\n   acl-restricted にアウトバウンドルール 89 を追加 (10.0.10.0/24 への tcp/443 を許可)\n   適用後: 到達可能 (インターフェイスエンドポイント経由)",
    );
    blocked_and_says(
        &[
            "check",
            "scenarios/endpoint-security-group.ron",
            "--from",
            "app-a",
            "--to",
            "ssm",
            "--suggest",
            "--lang",
            "ja",
        ],
        "sg-default にインバウンドルールを追加 (10.0.1.0/24 からの tcp/443)",
    );
    let policy = [
        "check",
        "scenarios/endpoint-policies.ron",
        "--from",
        "data",
        "--to",
        "s3",
        "--action",
        "s3:GetObject",
        "--resource",
        "arn:aws:s3:::reports/q4.csv",
        "--suggest",
    ];
    blocked_and_says(
        &policy,
        "   set the bucket policy of reports (1 statement)\n   change: statement 1 (OfficeAndNatOnly) of the bucket policy of reports denies by aws:SourceIp",
    );
    blocked_and_says(
        &[&policy[..], &["--lang", "ja"]].concat(),
        "   変更内容: バケット reports のバケットポリシーのステートメント 1 (OfficeAndNatOnly) は aws:SourceIp で拒否しています",
    );
    let mut args = policy.to_vec();
    args.extend(["--format", "json"]);
    let out = json(&args, 1);
    let best = &out["suggestions"][0];
    assert_eq!(
        best["changes"],
        serde_json::json!([{"change": "source_vpce", "bucket": "reports", "index": 1,
            "sid": "OfficeAndNatOnly", "endpoint": "vpce-s3"}])
    );
    assert!(
        best["changes_text"][0]
            .as_str()
            .unwrap()
            .contains("StringNotEquals aws:SourceVpce vpce-s3")
    );
}
