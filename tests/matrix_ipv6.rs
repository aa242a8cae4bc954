//! The matrix asked with an IP version (`check --matrix --family ipv6|auto`, the explorer's `v`):
//! every cell is what `evaluate` gives the instance's query with that family, the IPv4 matrix is
//! unchanged, an edit keeps the family, and the CLI's JSON cells say the family each path took.

use std::path::Path;

use assert_cmd::Command;

use vpc_tui::eval::{
    Family, IpFamily, Query, evaluate, evaluate_all, evaluate_all_after, evaluate_all_family,
    trace_family,
};
use vpc_tui::model::{Edit, Model, load_file};

const SCENARIOS: [&str; 3] = [
    "scenarios/ipv6-dual-stack.ron",
    "scenarios/ipv6-only-nat64.ron",
    "scenarios/ipv6-security.ron",
];

fn load(path: &str) -> Model {
    load_file(Path::new(path)).expect("a shipped scenario loads")
}

/// Every cell of `m` equals `evaluate` of its instance's query with the matrix's family.
fn agrees_with_evaluate(model: &Model, m: &vpc_tui::eval::Matrix, family: Family) {
    let what_if = &model.scenario().what_if;
    let columns: Vec<&String> = m.services.iter().chain(&m.workloads).collect();
    for (r, id) in m.instances.iter().enumerate() {
        for (c, to) in columns.iter().enumerate() {
            let q = Query::parse(model, id, to, false).with_family(family);
            let t = evaluate(model, what_if, &q).expect("known names");
            let cell = m.cell(r, c).expect("a cell");
            assert_eq!(cell.verdict, t.verdict, "{id} → {to} ({family:?})");
            assert_eq!(m.cell_family(r, c), trace_family(family, &t), "{id} → {to}");
        }
    }
}

#[test]
fn every_family_cell_is_the_query_evaluated_with_that_family() {
    for path in SCENARIOS {
        let model = load(path);
        for family in [Family::Ipv6, Family::Auto] {
            let m = evaluate_all_family(
                &model,
                &model.scenario().what_if,
                Default::default(),
                family,
            );
            assert_eq!(m.family, family);
            agrees_with_evaluate(&model, &m, family);
        }
    }
}

#[test]
fn the_ipv4_family_is_the_ipv4_matrix() {
    for path in SCENARIOS.iter().chain(&["scenarios/private-only.ron"]) {
        let model = load(path);
        let what_if = &model.scenario().what_if;
        let m = evaluate_all_family(&model, what_if, Default::default(), Family::Ipv4);
        assert_eq!(m, evaluate_all(&model, what_if));
        assert!(m.families.is_none());
    }
}

#[test]
fn auto_takes_ipv6_where_both_sides_have_it_and_ipv6_cells_say_so() {
    let model = load("scenarios/ipv6-dual-stack.ron");
    let m = evaluate_all_family(
        &model,
        &model.scenario().what_if,
        Default::default(),
        Family::Auto,
    );
    let row = m
        .instances
        .iter()
        .position(|i| i == "i-app-a")
        .expect("i-app-a");
    let sqs = m.services.iter().position(|s| s == "sqs").expect("sqs");
    let s3 = m.services.iter().position(|s| s == "s3").expect("s3");
    // sqs has AAAA records: IPv6 out through the egress-only gateway; s3's Regional name has
    // none in the catalogue: IPv4 through the NAT gateway.
    assert_eq!(m.cell_family(row, sqs), IpFamily::Ipv6);
    assert_eq!(m.cell_family(row, s3), IpFamily::Ipv4);
}

#[test]
fn an_edit_keeps_the_family_and_equals_a_fresh_matrix() {
    let model = load("scenarios/ipv6-dual-stack.ron");
    let az = model.scenario().availability_zones[0].name.clone();
    let m = evaluate_all_family(
        &model,
        &model.scenario().what_if,
        Default::default(),
        Family::Ipv6,
    );
    let (next, _) = Edit::FailAz { az }.apply(&model).expect("applies");
    let after = evaluate_all_after(&m, &next, &next.scenario().what_if);
    assert_eq!(after.family, Family::Ipv6);
    let fresh = evaluate_all_family(
        &next,
        &next.scenario().what_if,
        Default::default(),
        Family::Ipv6,
    );
    assert_eq!(after, fresh);
    assert_ne!(after, m, "the AZ failure changes some IPv6 cell");
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("vpc-tui")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_json_cells_carry_the_family_their_path_took() {
    let base = ["check", "scenarios/ipv6-dual-stack.ron", "--matrix"];
    for (family, trace) in [
        ("ipv4", false),
        ("ipv6", false),
        ("auto", false),
        ("auto", true),
    ] {
        let mut args = base.to_vec();
        args.extend(["--family", family, "--format", "jsonl", "--from", "i-app-a"]);
        if trace {
            args.push("--trace");
        }
        let (_, out, err) = run(&args);
        assert!(err.is_empty(), "{err}");
        let cells: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert!(!cells.is_empty());
        for c in &cells {
            let f = c["family"].as_str().expect("a family on every cell");
            match family {
                "auto" => assert!(f == "ipv4" || f == "ipv6"),
                asked => assert_eq!(f, asked, "{c}"),
            }
        }
        let sqs = cells.iter().find(|c| c["to"] == "sqs").expect("sqs");
        if family == "auto" {
            assert_eq!(sqs["family"], "ipv6");
            assert_eq!(sqs["via"], "egress_only_internet_gateway");
        }
    }
}

#[test]
fn cli_text_says_the_family_and_spof_stays_ipv4() {
    for lang in ["en", "ja"] {
        let (code, out, _) = run(&[
            "check",
            "scenarios/ipv6-dual-stack.ron",
            "--matrix",
            "--family",
            "auto",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 1, "some cell is blocked");
        assert!(out.contains("ok:eigw/6"), "{out}");
        assert!(out.contains("--family auto"), "{out}");
        let (code, _, err) = run(&[
            "check",
            "scenarios/ipv6-dual-stack.ron",
            "--matrix",
            "--spof",
            "--family",
            "ipv6",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 2);
        assert!(err.contains("--spof"), "{err}");
    }
}
