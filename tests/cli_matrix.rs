//! `check --matrix` for people at 80 columns: `--from` / `--to` filters and `--width` wrapping,
//! and global flags placed before the subcommand.

use assert_cmd::Command;
use unicode_width::UnicodeWidthStr;

fn vpc_tui() -> Command {
    Command::cargo_bin("vpc-tui").unwrap()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = vpc_tui().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn width_80_wraps_every_line_into_80_columns_and_keeps_every_cell() {
    for lang in ["en", "ja"] {
        let (code, wide, _) = run(&["check", "scenarios/private-only.ron", "--matrix"]);
        assert_eq!(code, 1);
        assert!(
            wide.lines().any(|l| l.width() > 200),
            "unwrapped without --width"
        );
        let (code, text, _) = run(&[
            "check",
            "scenarios/private-only.ron",
            "--matrix",
            "--width",
            "80",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 1);
        for line in text.lines() {
            assert!(
                line.width() <= 80,
                "{lang}: {} columns: {line}",
                line.width()
            );
        }
        // Every block repeats the instance column and the rows of every instance.
        let blocks = text.split("\n\n").filter(|b| b.contains("i-app-a")).count();
        assert!(blocks >= 4, "{lang}: {blocks} blocks:\n{text}");
        for inst in ["i-app-a", "i-app-b", "i-app-c"] {
            assert_eq!(text.matches(inst).count(), blocks, "{lang}: {inst}");
        }
        // The same cells as the unwrapped table, column by column.
        let header = wide.lines().next().unwrap();
        for column in header.split_whitespace().skip(1) {
            assert!(text.contains(column), "{lang}: column {column} lost");
        }
        let cells = |t: &str, inst: &str| -> Vec<String> {
            t.lines()
                .filter(|l| l.starts_with(inst))
                .flat_map(|l| {
                    l.split_whitespace()
                        .skip(1)
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        assert_eq!(cells(&text, "i-app-a"), cells(&wide, "i-app-a"), "{lang}");
    }
}

#[test]
fn from_and_to_filter_rows_and_columns_in_every_format() {
    let (code, text, _) = run(&[
        "check",
        "scenarios/private-only.ron",
        "--matrix",
        "--from",
        "app-a",
        "--from",
        "i-app-c",
        "--to",
        "s3,ssm,session-manager",
    ]);
    assert_eq!(code, 0, "the kept cells are all reachable: exit 0\n{text}");
    let header: Vec<&str> = text.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(
        header,
        ["instance", "s3", "ssm", "workload:session-manager"]
    );
    assert!(text.contains("i-app-a") && text.contains("i-app-c"));
    assert!(!text.contains("i-app-b"));
    let (code, jsonl, _) = run(&[
        "check",
        "scenarios/private-only.ron",
        "--matrix",
        "--from",
        "app-b",
        "--to",
        "s3,sts",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 1, "sts has no route: exit 1");
    let cells: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs: Vec<(&str, &str)> = cells
        .iter()
        .map(|c| (c["from"]["id"].as_str().unwrap(), c["to"].as_str().unwrap()))
        .collect();
    assert_eq!(pairs, [("i-app-b", "s3"), ("i-app-b", "sts")]);
    assert_eq!(cells[1]["reason"], "no_route");
}

#[test]
fn a_subnet_selects_its_instances() {
    let model =
        vpc_tui::model::load_file(std::path::Path::new("scenarios/private-only.ron")).unwrap();
    let inst = &model.scenario().instances[0];
    let same: Vec<&str> = model
        .scenario()
        .instances
        .iter()
        .filter(|i| i.subnet == inst.subnet)
        .map(|i| i.id.as_str())
        .collect();
    let (_, text, _) = run(&[
        "check",
        "scenarios/private-only.ron",
        "--matrix",
        "--from",
        &inst.subnet,
        "--to",
        "s3",
    ]);
    let rows: Vec<&str> = text
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(rows, same);
}

#[test]
fn unknown_filters_exit_2_and_name_what_exists() {
    let (code, _, err) = run(&[
        "check",
        "scenarios/private-only.ron",
        "--matrix",
        "--to",
        "nope",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("nope") && err.contains("s3"), "{err}");
    let (code, _, err) = run(&[
        "--lang",
        "ja",
        "check",
        "scenarios/private-only.ron",
        "--matrix",
        "--from",
        "ghost",
    ]);
    assert_eq!(code, 2);
    assert!(err.starts_with("エラー: --from ghost"), "{err}");
    assert!(err.contains("i-app-a"), "{err}");
}

#[test]
fn a_path_takes_exactly_one_from_and_one_to() {
    let (code, _, err) = run(&[
        "check",
        "scenarios/private-only.ron",
        "--from",
        "app-a,app-b",
        "--to",
        "s3",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("one --from"), "{err}");
}

#[test]
fn global_flags_go_before_or_after_the_subcommand() {
    let args = [
        "check",
        "scenarios/private-only.ron",
        "--from",
        "app-a",
        "--to",
        "s3",
    ];
    let (code, after, _) = run(&[&args[..], &["--lang", "ja"]].concat());
    assert_eq!(code, 0);
    let (code, before, _) = run(&[&["--lang", "ja"], &args[..]].concat());
    assert_eq!(code, 0);
    assert_eq!(before, after);
    assert!(before.contains("ゲートウェイエンドポイント"), "{before}");
    // A scenario before the subcommand is a usage error, not silently ignored.
    let (code, _, err) = run(&[
        "scenarios/private-only.ron",
        "check",
        "scenarios/private-only.ron",
    ]);
    assert_eq!(code, 2, "{err}");
}

/// Issue 20: with no traffic chosen, a VPC Lattice resource whose resource configuration
/// offers 5432 only is asked on 5432 in the matrix and on the path alike (note
/// `lattice_own_port`); `--port 443` asks about HTTPS, which it refuses.
#[test]
fn a_lattice_resource_is_asked_on_its_own_port_unless_traffic_is_chosen() {
    let scenario = "scenarios/resource-endpoint.ron";
    let (_, cells, _) = run(&[
        "check",
        scenario,
        "--matrix",
        "--to",
        "orders-db",
        "--format",
        "jsonl",
    ]);
    let cells: Vec<serde_json::Value> = cells
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(cells.len(), 2);
    for c in &cells {
        assert_eq!(c["verdict"], "reachable", "{c}");
        assert_eq!(c["via"], "resource_endpoint", "{c}");
        assert!(
            c["notes"]
                .as_array()
                .unwrap()
                .contains(&"lattice_own_port".into()),
            "{c}"
        );
    }
    let (code, path, _) = run(&["check", scenario, "--from", "app-a", "--to", "orders-db"]);
    assert_eq!(code, 0, "{path}");
    assert!(path.contains("asked about TCP 5432"), "{path}");
    let (code, https, _) = run(&[
        "check",
        scenario,
        "--from",
        "app-a",
        "--to",
        "orders-db",
        "--port",
        "443",
    ]);
    assert_eq!(code, 1, "{https}");
    assert!(https.contains("port 443 is not among them"), "{https}");
    assert!(!https.contains("lattice_own_port"), "{https}");
    // Chosen traffic: the protocol alone chooses it too.
    let (code, tcp, _) = run(&[
        "check",
        scenario,
        "--from",
        "app-a",
        "--to",
        "orders-db",
        "--protocol",
        "tcp",
    ]);
    assert_eq!(code, 1, "{tcp}");
}
