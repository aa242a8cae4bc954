//! The English-prose detector of the Japanese tests.

/// English prose: three or more lowercase English words in a row. Quoted text is the input's
/// own value (`State "sleeping"`, `the source "see the docs"`).
pub fn english_run(text: &str) -> Option<String> {
    let text: String = text
        .split('"')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, part)| part)
        .collect::<Vec<_>>()
        .join(" ");
    english_run_in_traces(&text.replace('`', " "))
}

/// The detector of the traces' tests: [`english_run`] without skipping quoted text (a trace
/// quotes nothing the user typed, so a quoted English phrase there is untranslated prose).
pub fn english_run_in_traces(text: &str) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || ",;:()[]→".contains(c)) {
        let word = token.trim_matches(|c: char| ".'\"".contains(c));
        let english = word.len() > 1 && word.chars().all(|c| c.is_ascii_lowercase());
        if english {
            run.push(word);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else if !word.is_empty() {
            run.clear();
        }
    }
    None
}
