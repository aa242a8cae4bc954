//! The README documents every reason and note code the evaluator can emit.

use vpc_tui::eval::{NOTE_CODES, Reason};

#[test]
fn readme_documents_every_code() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    for r in Reason::ALL {
        let row = format!("| `{}` | {} |", r.code(), r.meaning());
        assert!(readme.contains(&row), "README lacks the row: {row}");
    }
    for (code, meaning) in NOTE_CODES {
        let row = format!("| `{code}` | {meaning} |");
        assert!(readme.contains(&row), "README lacks the row: {row}");
    }
}

#[test]
fn every_note_the_evaluator_emits_is_documented() {
    // Note codes are string literals at their call sites; each must be in NOTE_CODES.
    let known: Vec<&str> = NOTE_CODES.iter().map(|(c, _)| *c).collect();
    for file in ["src/eval/path.rs", "src/eval/dns.rs"] {
        let text = std::fs::read_to_string(file).unwrap();
        for (i, _) in text.match_indices("ctx.note(\"") {
            let rest = &text[i + 10..];
            let code = &rest[..rest.find('"').unwrap()];
            assert!(
                known.contains(&code),
                "{file}: note {code} is not in NOTE_CODES"
            );
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
