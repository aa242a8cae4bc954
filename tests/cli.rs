//! The real binary: exit codes, error text, JSON shape.

mod common;

use common::cli::{scratch, vpc_tui};
use predicates::prelude::*;

#[test]
fn help_lists_subcommands_and_exit_codes() {
    vpc_tui()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("check"))
        .stdout(predicate::str::contains("validate"))
        .stdout(predicate::str::contains("Exit codes"));
}

#[test]
fn check_reachable_exits_0() {
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "app-a",
            "--to",
            "s3",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("REACHABLE via gateway_endpoint"))
        .stdout(predicate::str::contains(
            "not evaluated: network ACLs, endpoint policies",
        ));
}

#[test]
fn check_blocked_exits_1_with_the_reason() {
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "i-app-c",
            "--to",
            "sns",
        ])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("BLOCKED (no_route)"))
        .stdout(predicate::str::contains("rtb-private-c"));
}

#[test]
fn fail_az_accepts_names_and_az_ids() {
    for az in ["us-east-1a", "use1-az1"] {
        vpc_tui()
            .args([
                "check",
                "scenarios/private-only.ron",
                "--from",
                "app-a",
                "--to",
                "s3",
                "--fail-az",
                az,
            ])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("UNAVAILABLE"));
    }
}

#[test]
fn unknown_names_exit_2_and_list_the_valid_ones() {
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "nope",
            "--to",
            "s3",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no instance nope"))
        .stderr(predicate::str::contains("i-app-a (app-a)"));
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "app-a",
            "--to",
            "s4",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no service s4"))
        .stderr(predicate::str::contains("dynamodb"));
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "app-a",
            "--to",
            "s3",
            "--fail-az",
            "us-east-1z",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("us-east-1a (use1-az1)"));
}

#[test]
fn usage_errors_exit_2() {
    vpc_tui()
        .args(["check", "scenarios/private-only.ron"])
        .assert()
        .code(2);
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "a",
            "--to",
            "s3",
            "--matrix",
        ])
        .assert()
        .code(2);
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "app-a",
            "--to",
            "s3",
            "--format",
            "xml",
        ])
        .assert()
        .code(2);
}

#[test]
fn missing_file_exits_2() {
    vpc_tui()
        .args(["check", "does-not-exist.ron", "--from", "a", "--to", "s3"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does-not-exist.ron"));
}

#[test]
fn json_has_the_documented_shape() {
    let out = vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "app-c",
            "--to",
            "ssm",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "from",
        "to",
        "verdict",
        "via",
        "cross_az",
        "reason",
        "reachability_analyzer_code",
        "notes",
        "unchecked",
        "explanation",
        "parts",
        "hops",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["schema_version"], 3);
    // Ids apart from names: the id goes back to --from as it is.
    assert_eq!(v["from"]["id"], "i-app-c");
    assert_eq!(v["from"]["name"], "app-c");
    assert_eq!(v["verdict"], "reachable");
    assert_eq!(v["via"], "interface_endpoint");
    assert_eq!(v["cross_az"], "sometimes");
    assert_eq!(v["reason"], serde_json::Value::Null);
    assert_eq!(v["parts"], serde_json::Value::Null);
    assert_eq!(
        v["unchecked"],
        // private-only.ron has security groups and no network ACL.
        serde_json::json!(["network_acls", "endpoint_policies"])
    );
    let hop = &v["hops"][0];
    for key in ["kind", "id", "az", "detail"] {
        assert!(hop.get(key).is_some(), "hop missing {key}");
    }
    assert_eq!(hop["kind"], "source");
}

#[test]
fn matrix_text_and_json() {
    vpc_tui()
        .args(["check", "scenarios/private-only.ron", "--matrix"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("i-app-a"))
        .stdout(predicate::str::contains("ok:gwe"));
    let out = vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--matrix",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = v.as_array().unwrap();
    assert!(list.len() >= 3 * 15);
    // Compact by default: the verdict's fields, no trace.
    assert!(
        list.iter()
            .all(|t| t.get("verdict").is_some() && t.get("hops").is_none())
    );
}

/// The matrix's JSON, JSON Lines and `--trace` forms of one scenario.
fn matrix_outputs(
    scenario: &str,
) -> (
    Vec<serde_json::Value>,
    Vec<serde_json::Value>,
    Vec<serde_json::Value>,
) {
    let run = |args: &[&str]| {
        let out = vpc_tui()
            .args(["check", scenario, "--matrix"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    let lines = |text: String| -> Vec<serde_json::Value> {
        text.lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect()
    };
    (
        json.as_array().unwrap().clone(),
        lines(run(&["--format", "jsonl"])),
        lines(run(&["--format", "jsonl", "--trace"])),
    )
}

#[test]
fn matrix_json_and_jsonl_are_one_compact_object_per_cell_with_the_traces_verdicts() {
    // Every scenario: the compact cells come from one trace per class of instances, which
    // must say for each instance what its own trace says.
    let mut scenarios: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".ron"))
        .collect();
    scenarios.sort();
    for scenario in &scenarios {
        let scenario = scenario.as_str();
        let (json, jsonl, traces) = matrix_outputs(scenario);
        assert_eq!(
            json, jsonl,
            "{scenario}: JSON and JSON Lines hold the same cells"
        );
        assert_eq!(json.len(), traces.len(), "{scenario}: one row per cell");
        let s = vpc_tui::model::load_file(std::path::Path::new(scenario)).unwrap();
        let matrix = vpc_tui::eval::evaluate_all(&s, &s.scenario().what_if);
        let columns = matrix.services.len() + matrix.workloads.len();
        assert_eq!(json.len(), matrix.instances.len() * columns, "{scenario}");
        for (k, (cell, trace)) in json.iter().zip(&traces).enumerate() {
            let keys: Vec<&str> = cell
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(
                keys,
                [
                    "cross_az",
                    "family",
                    "from",
                    "leaves_vpc_via",
                    "notes",
                    "reason",
                    "schema_version",
                    "to",
                    "verdict",
                    "via"
                ],
                "{scenario}: compact cell fields"
            );
            assert_eq!(cell["from"]["id"], matrix.instances[k / columns]);
            assert_eq!(cell["from"]["id"], trace["from"]["id"]);
            assert_eq!(cell["from"]["name"], trace["from"]["name"]);
            for key in [
                "to",
                "verdict",
                "via",
                "cross_az",
                "reason",
                "leaves_vpc_via",
                "schema_version",
            ] {
                assert_eq!(cell[key], trace[key], "{scenario}: {key} of cell {k}");
            }
            let codes: Vec<&serde_json::Value> = trace["notes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| &n["code"])
                .collect();
            let compact: Vec<&serde_json::Value> =
                cell["notes"].as_array().unwrap().iter().collect();
            assert_eq!(compact, codes, "{scenario}: notes of cell {k}");
            assert!(trace.get("hops").is_some() && trace.get("parts").is_some());
            assert_eq!(
                cell["verdict"],
                matrix.cells[k / columns][k % columns].verdict.code(),
                "{scenario}: the matrix's verdict"
            );
        }
    }
}

#[test]
fn validate_good_and_bad() {
    vpc_tui()
        .args(["validate", "scenarios/private-only.ron"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("valid"));
    let dir = scratch("validate");
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        "(\n  region: \"us-east-1\",\n  vpc: (cidrs: [\"10.0.0.0/16\"]\n)\n",
    )
    .unwrap();
    vpc_tui()
        .args(["validate"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.ron:"));
}

#[test]
fn no_argument_opens_the_built_in_scenario() {
    vpc_tui()
        .assert()
        .code(0)
        .stdout(predicate::str::contains("built-in"));
}

#[test]
fn matrix_json_has_the_workload_columns_too() {
    let out = vpc_tui()
        .args([
            "check",
            "scenarios/workloads.ron",
            "--matrix",
            "--format",
            "json",
            "--trace",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ecr = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            t["from"]["id"] == "i-worker-a"
                && t["from"]["name"] == "worker-a"
                && t["to"] == "workload:ecr-pull"
        })
        .expect("a workload cell");
    assert_eq!(ecr["verdict"], "blocked");
    assert_eq!(ecr["reason"], "workload_part_failed");
    assert_eq!(ecr["parts"].as_array().unwrap().len(), 3);
}

#[test]
fn public_ip_needs_a_subnet_source() {
    vpc_tui()
        .args([
            "check",
            "scenarios/gwlb-symmetric.ron",
            "--from",
            "web-a",
            "--public-ip",
            "--to",
            "s3",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from SUBNET"));
}

#[test]
fn action_and_resource_must_read_as_iam_and_arn() {
    let check = |flag: &str, value: &str| {
        vpc_tui()
            .args([
                "check",
                "scenarios/endpoint-policies.ron",
                "--from",
                "i-app",
                "--to",
                "s3",
                flag,
                value,
            ])
            .assert()
    };
    check("--action", "GetObject")
        .code(2)
        .stderr(predicate::str::contains("not an IAM action"));
    check("--resource", "logs/a.gz")
        .code(2)
        .stderr(predicate::str::contains("not a resource ARN"));
    check("--action", "arn:aws:s3:::logs/a.gz").code(2);
    check("--action", "s3:GetObject").code(0);
    check("--resource", "arn:aws:s3:::logs/a.gz").code(0);
}

#[test]
fn lesson_print_in_both_languages() {
    let en = vpc_tui()
        .args([
            "lesson",
            "scenarios/no-endpoint.ron",
            "--print",
            "--lang",
            "en",
        ])
        .assert()
        .success();
    let out = String::from_utf8(en.get_output().stdout.clone()).unwrap();
    assert!(out.contains("## Step 1: No endpoint"), "{out}");
    assert!(out.contains("Answer: BLOCKED (no_route)"), "{out}");
    assert!(out.contains("+ attach vpce-s3 to rtb-private"), "{out}");
    let ja = vpc_tui()
        .args([
            "lesson",
            "scenarios/no-endpoint.ron",
            "--print",
            "--lang",
            "ja",
        ])
        .assert()
        .success();
    let out = String::from_utf8(ja.get_output().stdout.clone()).unwrap();
    assert!(out.contains("## ステップ 1: エンドポイントなし"), "{out}");
    assert!(out.contains("出典: https://docs.aws.amazon.com/"), "{out}");
    assert!(out.contains("+ vpce-s3 を rtb-private に関連付け"), "{out}");
}

/// `validate` and `check --fail-az` say their findings in the reader's language.
#[test]
fn validate_and_check_speak_japanese() {
    let d = scratch("validate-ja");
    vpc_tui()
        .args(["validate", "scenarios/private-only.ron", "--lang", "ja"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "scenarios/private-only.ron: 問題ありません (警告 0 件)",
        ));
    let text = std::fs::read_to_string("scenarios/private-only.ron").unwrap();
    let wrong = text.replacen("verdict: \"reachable\"", "verdict: \"blocked\"", 1);
    let file = d.join("wrong.ron");
    std::fs::write(&file, wrong).unwrap();
    vpc_tui()
        .args(["validate", file.to_str().unwrap(), "--lang", "ja"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expect の 1 件目"))
        .stderr(predicate::str::contains(
            "verdict が reachable です (期待: blocked)",
        ));
    vpc_tui()
        .args([
            "check",
            "scenarios/private-only.ron",
            "--from",
            "app-a",
            "--to",
            "s3",
            "--fail-az",
            "nowhere-1z",
            "--lang",
            "ja",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "エラー: アベイラビリティーゾーン nowhere-1z はありません。",
        ));
}

#[test]
fn lesson_errors_exit_2() {
    vpc_tui()
        .args(["lesson", "scenarios/middlebox.ron", "--print"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("has no lesson"));
    vpc_tui()
        .args([
            "lesson",
            "scenarios/no-endpoint.ron",
            "--step",
            "99",
            "--print",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no step 99"));
}

#[test]
fn lesson_print_one_step() {
    let out = vpc_tui()
        .args([
            "lesson",
            "scenarios/no-endpoint.ron",
            "--print",
            "--step",
            "5",
            "--lang",
            "en",
        ])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("## Step 5: "), "{text}");
    assert!(
        !text.contains("## Step 4: ") && !text.contains("## Step 6: "),
        "{text}"
    );
}

/// Issue 16: `vpc-tui lesson FILE > handout.md` without `--print` writes the handout, not
/// the TUI's escape codes, when stdout is not a terminal.
#[test]
fn lesson_with_stdout_redirected_prints_the_handout() {
    let out = vpc_tui()
        .args(["lesson", "scenarios/no-endpoint.ron", "--lang", "en"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.starts_with("# "), "{text}");
    assert!(text.contains("## Step 1: No endpoint"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "escape codes in the handout: {text:?}"
    );
    let one = vpc_tui()
        .args(["lesson", "scenarios/no-endpoint.ron", "--step", "5"])
        .assert()
        .success();
    let text = String::from_utf8(one.get_output().stdout.clone()).unwrap();
    assert!(
        text.contains("## Step 5: ") && !text.contains("## Step 4: "),
        "{text}"
    );
}

// --- Issue 15: nothing lost, nothing hostile printed.

/// Case 3: a lesson whose base model became step 5's state (what the old `q`, `y` wrote)
/// fails `validate`, naming the step and the rule.
#[test]
fn validate_checks_lesson_steps_and_expectations() {
    let d = scratch("lesson");
    let model =
        vpc_tui::model::load_file(std::path::Path::new("scenarios/no-endpoint.ron")).unwrap();
    let stages = vpc_tui::lesson::stages(&model).unwrap();
    let mut broken = stages[4].model.scenario().clone();
    broken.lesson = model.scenario().lesson.clone();
    let file = d.join("broken.ron");
    std::fs::write(&file, vpc_tui::model::to_ron_string(&broken)).unwrap();
    vpc_tui()
        .args(["validate", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("valid (").not())
        .stderr(predicate::str::contains("lesson step"))
        .stderr(predicate::str::contains("duplicate_id").or(predicate::str::contains("refused")));
    // An `expect` the evaluator does not meet.
    let text = std::fs::read_to_string("scenarios/private-only.ron").unwrap();
    let wrong = text.replacen("verdict: \"reachable\"", "verdict: \"blocked\"", 1);
    assert_ne!(wrong, text);
    let file = d.join("wrong.ron");
    std::fs::write(&file, wrong).unwrap();
    vpc_tui()
        .args(["validate", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("expect 1"))
        .stderr(predicate::str::contains("verdict reachable (want blocked)"));
    // A step's `route_table` that names no table (the panel would open on another silently).
    let mut unknown = model.scenario().clone();
    unknown.lesson.as_mut().unwrap().steps[1].route_table = Some("rtb-nope".into());
    let file = d.join("unknown-table.ron");
    std::fs::write(&file, vpc_tui::model::to_ron_string(&unknown)).unwrap();
    vpc_tui()
        .args(["validate", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("lesson step 2"))
        .stderr(predicate::str::contains(
            "route_table rtb-nope is not a route table of the model at this step",
        ));
    // The shipped lessons pass.
    vpc_tui()
        .args(["validate", "scenarios/no-endpoint.ron"])
        .assert()
        .code(0);
}

/// Case 5: `import -o` does not overwrite one of its own inputs.
#[test]
fn import_does_not_overwrite_its_input() {
    let d = scratch("import");
    let fixtures: Vec<std::path::PathBuf> = std::fs::read_dir("tests/fixtures/aws")
        .map(|r| r.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    let Some(input_dir) = fixtures.iter().find(|p| p.is_dir()).cloned() else {
        return;
    };
    for f in std::fs::read_dir(&input_dir).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, d.join(f.file_name().unwrap())).unwrap();
    }
    let input = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let before = std::fs::read(&input).unwrap();
    vpc_tui()
        .args([
            "import",
            "aws",
            d.to_str().unwrap(),
            "-o",
            input.to_str().unwrap(),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("input files; not overwritten"));
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

/// Case 8: control characters in names and ids are escaped in text output.
#[test]
fn control_characters_in_names_are_escaped() {
    let d = scratch("ctl");
    let text = std::fs::read_to_string("scenarios/private-only.ron")
        .unwrap()
        .replacen("title: \"", "title: \"\\u{1b}]0;pwned\\u{7}\\u{1b}[2J", 1);
    let file = d.join("hostile.ron");
    std::fs::write(&file, text).unwrap();
    let no_esc = || predicate::function(|s: &[u8]| !s.contains(&0x1b) && !s.contains(&0x07));
    vpc_tui()
        .args(["--overview", file.to_str().unwrap()])
        .assert()
        .success()
        .stdout(no_esc())
        .stdout(predicate::str::contains("\\x1b]0;pwned\\x07"));
    // An id with an escape in an error message.
    vpc_tui()
        .args([
            "check",
            file.to_str().unwrap(),
            "--from",
            "app-\u{1b}[31m",
            "--to",
            "s3",
        ])
        .assert()
        .code(2)
        .stderr(no_esc())
        .stderr(predicate::str::contains("\\x1b[31m"));
    for format in ["dot", "mermaid"] {
        vpc_tui()
            .args(["export", format, file.to_str().unwrap()])
            .assert()
            .success()
            .stdout(no_esc());
    }
}

/// `--overview --lang ja` prints the scenario's Japanese title and description; `--lang en`,
/// the English ones only.
#[test]
fn overview_in_japanese_prints_the_japanese_title() {
    vpc_tui()
        .args(["--overview", "--lang", "ja", "scenarios/gateway-main-rt.ron"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "scenarios/gateway-main-rt.ron: S3 のゲートウェイエンドポイントをメインルートテーブルに",
        ))
        .stdout(predicate::str::contains("学習ノートの「"))
        .stdout(predicate::str::contains("S3 gateway endpoint on the main route table").not());
    vpc_tui()
        .args([
            "--overview",
            "--lang",
            "en",
            "scenarios/gateway-main-rt.ron",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "scenarios/gateway-main-rt.ron: S3 gateway endpoint on the main route table",
        ))
        .stdout(predicate::str::contains("ゲートウェイ").not());
}

/// A non-canonical address (leading zeros) is refused where it is written, not read as
/// another address.
#[test]
fn non_canonical_addresses_are_refused_with_line_and_column() {
    let dir = scratch("canon");
    let file = dir.join("octal.ron");
    std::fs::write(
        &file,
        r#"(region: "us-east-1", vpc: (cidrs: ["010.000.000.000/16"]), availability_zones: [(name: "us-east-1a")], subnets: [], route_tables: [(id: "rtb", main: true)])"#,
    )
    .unwrap();
    vpc_tui()
        .args(["validate", file.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("octal.ron:1:38"))
        .stderr(predicate::str::contains("invalid IP address syntax"));
}

/// `--action` and `--resource` ask about one request: the bucket policy's stop names the
/// statement, Reachability Analyzer has no counterpart, and the policy layer is evaluated.
#[test]
fn check_one_request_against_the_bucket_policy() {
    let out = vpc_tui()
        .args([
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
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reason"], "bucket_policy_denied");
    assert!(v["reachability_analyzer_code"].is_null());
    assert!(
        !v["unchecked"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u == "endpoint_policies")
    );
    let hops = v["hops"].as_array().unwrap();
    let policy = hops
        .iter()
        .find(|h| h["kind"] == "endpoint_policy")
        .unwrap();
    assert_eq!(policy["policy"], "endpoint");
    assert_eq!(policy["default"], true);
    let stop = hops.last().unwrap();
    assert_eq!(stop["stop"], "policy");
    assert_eq!(stop["decision"], "denied");
    assert_eq!(stop["statement"]["sid"], "OfficeAndNatOnly");
    assert_eq!(stop["through"], "vpce-s3");
}

/// A reachable workload's summary names each part's way in words, in each language (the
/// Japanese line once showed the code `interface_endpoint` inside the sentence).
#[test]
fn workload_summary_names_each_way_in_words() {
    let args = [
        "check",
        "scenarios/interface-multi-az.ron",
        "--from",
        "app-a",
        "--to",
        "workload:session-manager",
    ];
    vpc_tui()
        .args(args)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("ssm via interface endpoint,"));
    vpc_tui()
        .args(args)
        .args(["--lang", "ja"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "ssm はインターフェイスエンドポイント経由、",
        ))
        .stdout(predicate::str::contains("は interface_endpoint").not());
}

/// Every `--aws` help line (and `import aws`'s) names all the CLI services the importer reads,
/// not only `aws ec2 describe-*`.
#[test]
fn aws_help_names_every_service_the_importer_reads() {
    for args in [
        &["import", "aws", "--help"][..],
        &["check", "--help"],
        &["export", "--help"],
        &["--help"],
    ] {
        let out = vpc_tui().args(args).assert().success().get_output().clone();
        let help = String::from_utf8(out.stdout).unwrap();
        for service in [
            "ec2 describe-",
            "route53",
            "route53resolver",
            "vpc-lattice",
            "s3api",
        ] {
            assert!(help.contains(service), "{args:?} lacks {service}:\n{help}");
        }
    }
}
