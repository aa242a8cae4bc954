//! The README documents every reason and note code the evaluator can emit.

use vpc_tui::eval::{Note, Reason};
use vpc_tui::explain::{Lang, note_meaning, reason_meaning};

#[test]
fn readme_documents_every_code() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for r in Reason::ALL {
        let row = format!("| `{}` | {} |", r.code(), reason_meaning(Lang::En, r));
        assert!(readme.contains(&row), "README lacks the row: {row}");
    }
    for code in Note::CODES {
        let row = format!("| `{code}` | {} |", note_meaning(Lang::En, code));
        assert!(readme.contains(&row), "README lacks the row: {row}");
    }
}

/// No English sentence is built in the evaluator: it returns facts (`src/explain` renders them).
#[test]
fn the_evaluator_builds_no_sentences() {
    fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut all = Vec::new();
    files(std::path::Path::new("src/eval"), &mut all);
    for file in all {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let line = line.trim();
            // A panic's message is for the developer who broke an invariant.
            if line.starts_with("//") || line.contains(".expect(") {
                continue;
            }
            // A string literal with three words in a row is a sentence.
            for lit in line.split('"').skip(1).step_by(2) {
                let words = lit
                    .split(' ')
                    .filter(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
                    .count();
                assert!(
                    words < 3,
                    "{}:{}: a sentence in the evaluator: {lit:?}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}

#[test]
fn readme_keybinding_table_is_the_keymap() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = vpc_tui::app::keymap::markdown();
    assert!(
        readme.contains(&table),
        "README's keybinding table differs from the keymap; it should read:\n{table}"
    );
}
