//! Recovery files: edits a signal (SIGTERM, SIGHUP, ...) interrupted are written beside the
//! scenario as `.NAME.recover.ron`; the next `vpc-tui NAME` offers to restore or discard them.
//! Edits to the built-in scenario or an `--aws` directory go to
//! `$XDG_STATE_HOME/vpc-tui/` (`~/.local/state/vpc-tui/`) instead.

use std::path::{Path, PathBuf};

use crate::model::Scenario;

/// Where the recovery file of `file` is (`None`: the built-in scenario or `--aws`).
pub fn path_for(file: Option<&Path>) -> PathBuf {
    match file {
        Some(f) => {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "scenario.ron".into());
            let stem = name.strip_suffix(".ron").unwrap_or(&name);
            let dir = match f.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            dir.join(format!(".{stem}.recover.ron"))
        }
        None => state_dir().join("unsaved.recover.ron"),
    }
}

fn state_dir() -> PathBuf {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))
        .unwrap_or_else(std::env::temp_dir);
    base.join("vpc-tui")
}

/// Write the recovery file of `file`; returns where it went.
pub fn write(file: Option<&Path>, scenario: &Scenario, why: &str) -> std::io::Result<PathBuf> {
    let path = path_for(file);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let origin = file
        .map(|f| f.display().to_string())
        .unwrap_or_else(|| "(no file)".into());
    let text = format!(
        "// vpc-tui: unsaved edits of {} kept after {why}.\n{}",
        crate::term_safe::printable(&origin),
        crate::model::to_ron_string(scenario)
    );
    crate::save::write_atomic(&path, text.as_bytes()).map_err(std::io::Error::other)?;
    Ok(path)
}

/// The recovered scenario of `file`, when a recovery file is there and loads.
pub fn find(file: Option<&Path>) -> Option<(PathBuf, crate::model::Model)> {
    let path = path_for(file);
    let model = crate::model::load_file(&path).ok()?;
    Some((path, model))
}

/// Forget the recovery file of `file` (after a save, or when the user discards it).
pub fn discard(file: &Path) {
    let _ = std::fs::remove_file(path_for(Some(file)));
}

/// Forget the recovery file of the built-in scenario or an `--aws` directory.
pub fn discard_unnamed() {
    let _ = std::fs::remove_file(path_for(None));
}
