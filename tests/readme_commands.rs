//! Every `cargo run --release -- …` command in the README's `sh` blocks works from a fresh clone:
//! it runs the binary with the same arguments and checks the exit code the README gives (a
//! trailing `# exit N`, or `exit N` at the end of the comment line above; 0 otherwise). A pipe
//! or a redirection after the command is left out (stdout is a pipe here either way), and
//! `/tmp/` paths are moved into a temporary directory.

use std::path::Path;
use std::process::Command;

const PREFIX: &str = "cargo run --release -- ";

/// Each README command: its line number, arguments and the exit code it documents.
fn commands(readme: &str) -> Vec<(usize, Vec<String>, i32)> {
    let mut found = Vec::new();
    let mut in_sh = false;
    let mut previous_exit: Option<i32> = None;
    for (n, line) in readme.lines().enumerate() {
        let line = line.trim();
        if line.starts_with("```") {
            in_sh = line == "```sh";
            previous_exit = None;
            continue;
        }
        if !in_sh {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            previous_exit = exit_in(comment);
            continue;
        }
        let Some(rest) = line.strip_prefix(PREFIX) else {
            assert!(
                !line.starts_with("cargo run"),
                "README line {}: `{line}` is not written `{PREFIX}…`",
                n + 1
            );
            previous_exit = None;
            continue;
        };
        let (command, comment) = rest.split_once('#').unwrap_or((rest, ""));
        let command = command.split(['|', '>']).next().unwrap_or("");
        let code = exit_in(comment).or(previous_exit).unwrap_or(0);
        let args = command.split_whitespace().map(String::from).collect();
        found.push((n + 1, args, code));
        previous_exit = None;
    }
    found
}

/// `N` from a comment ending in (or being) `exit N`.
fn exit_in(comment: &str) -> Option<i32> {
    let words: Vec<&str> = comment.split_whitespace().collect();
    let at = words.iter().rposition(|w| *w == "exit")?;
    words.get(at + 1)?.parse().ok()
}

/// `dir/*.ext` as the shell expands it, sorted; other words as they are.
fn expand(word: &str) -> Vec<String> {
    let Some((dir, pattern)) = word.rsplit_once('/') else {
        return vec![word.to_string()];
    };
    let Some(ext) = pattern.strip_prefix('*') else {
        return vec![word.to_string()];
    };
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .map(|n| format!("{dir}/{n}"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_readme_command_runs_with_the_exit_code_it_documents() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let list = commands(&readme);
    assert!(list.len() >= 20, "only {} commands found", list.len());
    let tmp = tempfile::tempdir().unwrap();
    let tmp_dir = format!("{}/", tmp.path().display());
    for (line, args, code) in list {
        let args: Vec<String> = args
            .iter()
            .flat_map(|a| expand(&a.replace("/tmp/", &tmp_dir)))
            .collect();
        let out = Command::new(env!("CARGO_BIN_EXE_vpc-tui"))
            .args(&args)
            .env("LANG", "C")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "README line {line}: vpc-tui {}\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !(out.stdout.is_empty() && out.stderr.is_empty()),
            "README line {line}: said nothing"
        );
    }
    // What a command wrote under /tmp/ is there.
    assert!(Path::new(&tmp_dir).join("fixed.ron").exists());
}

#[test]
fn exit_codes_are_read_from_either_comment() {
    let readme = "```sh\n# a\n# b   exit 1\ncargo run --release -- check x\ncargo run --release -- y | z  # exit 2\ncargo run --release -- w > f\n```\ncargo run --release -- not-in-a-block\n";
    let found = commands(readme);
    assert_eq!(
        found,
        [
            (4, vec!["check".to_string(), "x".to_string()], 1),
            (5, vec!["y".to_string()], 2),
            (6, vec!["w".to_string()], 0),
        ]
    );
}
