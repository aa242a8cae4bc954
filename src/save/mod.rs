//! Saving without losing anything: one writer for every file vpc-tui writes (`w`, `W`,
//! `import -o`), the state a file had when it was loaded (to notice another program's edits),
//! recovery files for edits a signal interrupted, and the edited scenario written into the text
//! it came from, comments and layout kept ([`preserve`]).
//!
//! What a save keeps of the file it replaces: its permissions, its owner (when the process may
//! set it), every name a symlink or a hard link gives it. It never replaces anything but a
//! regular file, and never through a temporary name someone else could have chosen.

mod align;
mod atomic;
pub mod preserve;
pub mod recover;
pub mod ron_spans;
mod stamp;

pub use atomic::{SaveError, TMP_SUFFIX, clean_stale_temps, resolve_symlinks, write_atomic};
pub use stamp::FileStamp;

use std::path::{Path, PathBuf};

/// [`write_atomic`], unless the file is no longer as it was seen (`None`: it did not exist):
/// then nothing is written and the error says the file changed.
pub fn write_if_unchanged(
    path: &Path,
    bytes: &[u8],
    seen: Option<&FileStamp>,
) -> Result<PathBuf, SaveError> {
    let now = FileStamp::of(path).map_err(|source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let same = match (seen, &now) {
        (None, None) => true,
        (Some(a), Some(b)) => a.len == b.len && a.hash == b.hash,
        _ => false,
    };
    if !same {
        return Err(SaveError::Changed {
            path: path.to_path_buf(),
        });
    }
    write_atomic(path, bytes)
}

/// Whether two paths name the same file (symlinks and hard links included).
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15 case 4 for writers without a dialog: a file changed since it was read is not
    /// overwritten.
    #[test]
    fn a_file_changed_since_it_was_read_is_refused() {
        let tmp = tempfile::Builder::new()
            .prefix("vpc-tui-unchanged-")
            .tempdir()
            .unwrap();
        let d = tmp.path();
        let p = d.join("s.ron");
        std::fs::write(&p, "mine").unwrap();
        let seen = FileStamp::of(&p).unwrap();
        std::fs::write(&p, "theirs").unwrap();
        let e = write_if_unchanged(&p, b"new", seen.as_ref()).unwrap_err();
        assert!(matches!(e, SaveError::Changed { .. }), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "theirs");
        let seen = FileStamp::of(&p).unwrap();
        write_if_unchanged(&p, b"new", seen.as_ref()).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        // Did not exist when seen, exists now: refused too.
        let q = d.join("t.ron");
        std::fs::write(&q, "theirs").unwrap();
        assert!(write_if_unchanged(&q, b"new", None).is_err());
    }
}
