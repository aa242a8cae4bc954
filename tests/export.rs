//! `vpc-tui export dot|mermaid`: well-formed output for every scenario, the selected path
//! highlighted. When Graphviz's `dot` is installed, every DOT file is also rendered by it.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;
use vpc_tui::eval::{self, Query};
use vpc_tui::export::Graph;
use vpc_tui::model::load_file;

fn scenarios() -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

fn graph(path: &str, from: Option<(&str, &str)>) -> Graph {
    let model = load_file(Path::new(path)).unwrap();
    match from {
        None => Graph::new(&model, None),
        Some((f, t)) => {
            let q = Query::parse(&model, f, t, false);
            let trace = eval::evaluate(&model, &model.scenario().what_if, &q).unwrap();
            Graph::new(&model, Some((&q, &trace)))
        }
    }
}

/// The structural rules of a Mermaid flowchart this writer relies on: front matter, one
/// `flowchart` line, balanced `subgraph`/`end`, safe node ids, quoted labels.
fn check_mermaid(text: &str) {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("---"));
    assert!(lines.next().unwrap().starts_with("title: \""));
    assert_eq!(lines.next(), Some("---"));
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut depth = 0i32;
    let id = regex_lite_id;
    for line in lines {
        let t = line.trim();
        if t.starts_with("subgraph ") {
            depth += 1;
            assert!(t.contains(" [\"") && t.ends_with("\"]"), "{t}");
        } else if t == "end" {
            depth -= 1;
            assert!(depth >= 0);
        } else if t.starts_with("classDef ")
            || t.starts_with("class ")
            || t.starts_with("linkStyle ")
        {
        } else if let Some((a, rest)) = t
            .split_once(' ')
            .filter(|(_, r)| ["-->", "-.->", "==>"].iter().any(|x| r.starts_with(x)))
        {
            // An edge: `a -->|"label"| b`, `a -.-> b`, `a ==>|"1"| b`.
            assert!(id(a), "bad node id in {t}");
            let b = rest.rsplit(' ').next().unwrap();
            assert!(id(b), "bad node id in {t}");
            let arrow = rest.split(['|', ' ']).next().unwrap();
            assert!(["-->", "-.->", "==>"].contains(&arrow), "{t}");
        } else {
            // A node: `n_x["label"]`, `n_x[/"label"/]`, `n_x{{"label"}}`, `n_x(("label"))`.
            let cut = t.find(['[', '{', '(']).unwrap_or_else(|| panic!("{t}"));
            assert!(id(&t[..cut]), "bad node id in {t}");
            assert!(t[cut..].contains('"'), "{t}");
        }
    }
    assert_eq!(depth, 0);
}

fn regex_lite_id(s: &str) -> bool {
    s.starts_with("n_") && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[test]
fn every_scenario_gives_well_formed_mermaid_and_dot() {
    for p in scenarios() {
        let g = graph(p.to_str().unwrap(), None);
        check_mermaid(&g.mermaid());
        let dot = g.dot();
        assert!(dot.starts_with("digraph vpc {"));
        assert_eq!(dot.matches('{').count(), dot.matches('}').count(), "{p:?}");
    }
}

#[test]
fn the_path_is_highlighted() {
    let g = graph("scenarios/gwlb-symmetric.ron", Some(("web-a", "8.8.8.8")));
    let m = g.mermaid();
    check_mermaid(&m);
    assert!(m.contains("n_i_web_a ==>|\"1\"| n_rtb_web_a"));
    assert!(m.contains("n_vpce_gwlb_a ==>|\"3\"| n_rtb_firewall"));
    assert!(m.contains("==>|\"6 return\"| n_rtb_edge"));
    assert!(m.contains("class n_i_web_a,"));
    assert!(m.contains("linkStyle "));
    let d = g.dot();
    assert!(d.contains("\"rtb-web-a\" -> \"vpce-gwlb-a\" [label=\"2\", color=\"#dc2626\""));
    // An interface endpoint: the arrow goes to the ENI in the source's AZ.
    let g = graph("scenarios/private-only.ron", Some(("app-c", "ssm")));
    assert!(
        g.mermaid()
            .contains("n_rtb_private_c ==>|\"2\"| n_vpce_ssm_subnet_private_c")
    );
    // A workload: one path per service, labelled with it.
    let g = graph(
        "scenarios/workloads.ron",
        Some(("worker-a", "workload:ecr-pull")),
    );
    let m = g.mermaid();
    assert!(m.contains("|\"s3 2\"| n_blocked"), "{m}");
}

#[test]
fn graphviz_renders_every_scenario_when_installed() {
    let Ok(status) = std::process::Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status()
    else {
        eprintln!("graphviz `dot` is not installed: rendering not checked");
        return;
    };
    assert!(status.success());
    for p in scenarios() {
        let text = graph(p.to_str().unwrap(), None).dot();
        let mut child = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{p:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn export_cli() {
    Command::cargo_bin("vpc-tui")
        .unwrap()
        .args([
            "export",
            "mermaid",
            "scenarios/private-only.ron",
            "--from",
            "app-a",
            "--to",
            "s3",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("---\ntitle:"))
        .stdout(predicate::str::contains("==>"));
    Command::cargo_bin("vpc-tui")
        .unwrap()
        .args([
            "export",
            "dot",
            "scenarios/private-only.ron",
            "--from",
            "nope",
            "--to",
            "s3",
        ])
        .assert()
        .code(2);
    Command::cargo_bin("vpc-tui")
        .unwrap()
        .args([
            "export",
            "mermaid",
            "--aws",
            "tests/fixtures/aws/reference-ingress",
            "--from",
            "web-a",
            "--to",
            "8.8.8.8",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("n_igw_0e7ed7bfd8EXAMPLE ==>"));
}
