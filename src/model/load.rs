//! Reading and writing scenario files. Syntax errors carry file, line, column and the offending
//! text; semantic errors come from [`super::validate`], all of them at once.

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;

use super::{Diagnostic, Model, Scenario};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", SyntaxDisplay(self))]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
        /// The source line the error points into.
        snippet: String,
    },
    #[error("{}", InvalidDisplay(self))]
    Invalid {
        path: PathBuf,
        /// Every error and warning, errors first.
        diagnostics: Vec<Diagnostic>,
    },
}

struct SyntaxDisplay<'a>(&'a LoadError);
impl fmt::Display for SyntaxDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let LoadError::Syntax {
            path,
            line,
            column,
            message,
            snippet,
        } = self.0
        {
            write_located(f, path, *line, *column, "syntax error", message, snippet)?;
        }
        Ok(())
    }
}

/// `file:line:column: what: message`, then the line and a caret under the column. The caret is
/// placed by display width, so it lines up under full-width text too. Shared by the RON loader
/// and the AWS JSON importer.
pub(crate) fn write_located(
    f: &mut fmt::Formatter<'_>,
    path: &Path,
    line: usize,
    column: usize,
    what: &str,
    message: &str,
    snippet: &str,
) -> fmt::Result {
    writeln!(f, "{}:{line}:{column}: {what}: {message}", path.display())?;
    let num = line.to_string();
    // A 10 MB line is cut to the part around the column, with its control characters shown
    // as escapes; the caret stays under the column.
    let (snippet, column) = crate::term_safe::snippet_window(snippet, column);
    writeln!(f, "{num} | {snippet}")?;
    let pad: String = snippet
        .chars()
        .take(column.saturating_sub(1))
        .map(|c| match c {
            '\t' => "\t".to_string(),
            c => " ".repeat(unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)),
        })
        .collect();
    write!(f, "{} | {pad}^", " ".repeat(num.len()))
}

struct InvalidDisplay<'a>(&'a LoadError);
impl fmt::Display for InvalidDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let LoadError::Invalid { path, diagnostics } = self.0 {
            let text =
                crate::explain::invalid_scenario(crate::explain::Lang::En, path, diagnostics);
            f.write_str(&text)?;
        }
        Ok(())
    }
}

fn ron_options() -> ron::Options {
    // `implicit_some` lets a person write `name: "web"` rather than `name: Some("web")`.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// From this size on, a text is read on every core (see [`super::split`]).
pub(super) const PARALLEL_BYTES: usize = 1 << 20;

/// Parse a scenario from RON text; `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Scenario, LoadError> {
    let threads = super::index::cores();
    if text.len() >= PARALLEL_BYTES
        && threads > 1
        && let Some(scenario) = super::split::parse(text, &ron_options(), 4 * threads, threads)
    {
        return Ok(scenario);
    }
    ron_options().from_str::<Scenario>(text).map_err(|e| {
        let line = e.span.start.line.max(1);
        let column = e.span.start.col.max(1);
        let snippet = text.lines().nth(line - 1).unwrap_or_default().to_string();
        LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: e.code.to_string(),
            snippet,
        }
    })
}

/// Read, parse, validate and index a scenario file.
pub fn load_file(path: &Path) -> Result<Model, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = utf8(bytes, path)?;
    let scenario = from_ron_str(&text, path)?;
    Model::new(scenario).map_err(|diagnostics| LoadError::Invalid {
        path: path.to_path_buf(),
        diagnostics,
    })
}

/// The scenario as RON a person can read and edit, laid out as the files in `scenarios/` are
/// (a subnet, a route or an instance per line; see [`super::layout`]); `from_ron_str` reads it
/// back unchanged.
pub fn to_ron_string(scenario: &Scenario) -> String {
    if let Some(text) = ron_options()
        .to_string(scenario)
        .ok()
        .and_then(|compact| super::layout::relayout(&compact))
    {
        return text;
    }
    let pretty = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .extensions(Extensions::IMPLICIT_SOME)
        .indentor("    ".to_string());
    ron_options()
        .to_string_pretty(scenario, pretty)
        .unwrap_or_else(|e| format!("// could not serialise the scenario: {e}\n"))
}

/// Save the scenario as [`crate::save::write_atomic`] does (every writer of vpc-tui goes through
/// it); returns the file written, symlinks followed.
pub fn save_file(scenario: &Scenario, path: &Path) -> Result<PathBuf, crate::save::SaveError> {
    crate::save::write_atomic(path, to_ron_string(scenario).as_bytes())
}

/// The text of a file, or a syntax error at the line and column of its first byte that is not
/// UTF-8.
pub(crate) fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let bad = e.utf8_error().valid_up_to();
        let line_start = bytes[..bad]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line_end = bytes[bad..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| bad + i);
        let line = bytes[..bad].iter().filter(|&&b| b == b'\n').count() + 1;
        // Valid up to `bad`, so the characters before it on the line are whole.
        let column = String::from_utf8_lossy(&bytes[line_start..bad])
            .chars()
            .count()
            + 1;
        LoadError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: format!("invalid UTF-8 (byte 0x{:02x})", bytes[bad]),
            snippet: String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned(),
        }
    })
}

#[cfg(test)]
mod utf8_tests {
    use super::*;

    /// Issue 15 case 9: invalid UTF-8 is reported at file:line:column, and a huge line is cut
    /// around the column with the caret under it.
    #[test]
    fn invalid_utf8_and_long_lines_are_reported_readably() {
        let e = utf8(b"(\n  title: \"caf\xe9\",\n)".to_vec(), Path::new("x.ron")).unwrap_err();
        let shown = e.to_string();
        assert!(
            shown.starts_with("x.ron:2:14: syntax error: invalid UTF-8 (byte 0xe9)"),
            "{shown}"
        );
        let mut long = "(title: \"".to_string();
        long.push_str(&"a".repeat(10_000_000));
        long.push_str("\x1b[2J\" oops)");
        let e = from_ron_str(&long, Path::new("big.ron")).unwrap_err();
        let shown = e.to_string();
        assert!(shown.len() < 1000, "{} bytes", shown.len());
        assert!(!shown.contains('\x1b'), "{shown}");
        let lines: Vec<&str> = shown.lines().collect();
        let caret = lines[2].find('^').unwrap();
        // The caret points at the character the error names.
        let LoadError::Syntax {
            column, snippet, ..
        } = &e
        else {
            panic!()
        };
        let want = snippet.chars().nth(column - 1).unwrap();
        let (window, col) = crate::term_safe::snippet_window(snippet, *column);
        assert_eq!(window.chars().nth(col - 1), Some(want));
        assert_eq!(lines[1].chars().nth(caret), Some(want), "{shown}");
    }
}
