//! The one way vpc-tui replaces a file: write a temporary file that only this process could
//! have created (a random name, created exclusively), give it the old file's permissions and
//! owner, fsync it, rename it over the real file (through any symlink), fsync the directory.
//! A crash leaves the old file or the new one, never half of one.

use std::fs::{self, Metadata, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How our temporary files end: `.NAME.<random>.vpc-tui-tmp`, beside the file they replace.
pub const TMP_SUFFIX: &str = ".vpc-tui-tmp";
/// Random characters in a temporary name.
const RAND_LEN: usize = 10;
/// A temporary file of ours this old was left by a save that was killed: no save takes this
/// long, so removing it cannot disturb one in progress.
const STALE_AFTER: Duration = Duration::from_secs(10 * 60);
/// Symlinks followed before giving up (the kernel's own limit).
const MAX_LINKS: usize = 40;

/// Why a file was not written. The sentences are `explain::save_error`'s (`save-error-*` in
/// `import.ftl`); `Display` is the English one.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The system refused (its own message, as it gives it).
    Io {
        path: PathBuf,
        source: io::Error,
    },
    /// Something other than a regular file is there; `kind` is `directory`, `fifo`, `socket`,
    /// `block_device`, `char_device` or `other`.
    NotRegular {
        path: PathBuf,
        kind: &'static str,
    },
    Changed {
        path: PathBuf,
    },
    IsInput {
        path: PathBuf,
    },
}

impl SaveError {
    fn io(path: &Path) -> impl FnOnce(io::Error) -> SaveError + '_ {
        move |source| SaveError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The file a path finally names: symlinks followed (a dangling one names the file it points
/// to, which the save then creates).
pub fn resolve_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&p)?;
                p = if link.is_absolute() {
                    link
                } else {
                    parent_dir(&p).join(link)
                };
            }
            Ok(_) => return Ok(p),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(p),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn kind_of(m: &Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_dir() {
        "directory"
    } else if t.is_fifo() {
        "fifo"
    } else if t.is_socket() {
        "socket"
    } else if t.is_block_device() {
        "block_device"
    } else if t.is_char_device() {
        "char_device"
    } else {
        "other"
    }
}

/// Replace the file at `path` with `bytes` (see the module comment). Returns the file actually
/// written: `path` itself, or what its symlinks point to.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<PathBuf, SaveError> {
    let target = resolve_symlinks(path).map_err(SaveError::io(path))?;
    let existing = match fs::metadata(&target) {
        Ok(m) => Some(m),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(SaveError::io(&target)(e)),
    };
    if let Some(m) = &existing
        && !m.is_file()
    {
        return Err(SaveError::NotRegular {
            path: target,
            kind: kind_of(m),
        });
    }
    let dir = parent_dir(&target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "scenario.ron".into());
    clean_stale_temps(&dir, &name);
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(TMP_SUFFIX)
        .rand_bytes(RAND_LEN);
    if existing.is_none() {
        // A new file gets what any new file gets: 0666 less the umask.
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(SaveError::io(&dir))?;
    let io_tmp = |e| SaveError::Io {
        path: target.clone(),
        source: e,
    };
    if let Some(m) = &existing {
        // Owner first (a change of owner clears set-id bits), then the mode. Only root may
        // give a file away; anyone else keeps their own ownership, as any editor does.
        let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid()));
        tmp.as_file()
            .set_permissions(Permissions::from_mode(m.mode() & 0o7777))
            .map_err(io_tmp)?;
    }
    tmp.write_all(bytes).map_err(io_tmp)?;
    tmp.as_file().sync_all().map_err(io_tmp)?;
    if let Some(m) = &existing
        && m.nlink() > 1
    {
        // Renaming would split the hard link: the other names would keep the old content.
        // Write in place instead; the complete new content is on disk in the temporary file
        // first, so running out of space is found before the real file is touched.
        let mut f = fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(io_tmp)?;
        f.write_all(bytes).map_err(io_tmp)?;
        f.set_len(bytes.len() as u64).map_err(io_tmp)?;
        f.sync_all().map_err(io_tmp)?;
        drop(tmp);
        return Ok(target);
    }
    tmp.persist(&target).map_err(|e| io_tmp(e.error))?;
    if let Ok(d) = fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(target)
}

/// Remove temporary files a killed save left beside `name` in `dir`: ours only (our exact
/// naming, regular files), and only once they are old enough that no save can still be
/// writing them. Also the `.NAME.tmp-PID` files older versions wrote.
pub fn clean_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(s) = file_name.to_str() else {
            continue;
        };
        let Some(middle) = s.strip_prefix(&prefix) else {
            continue;
        };
        let ours = middle
            .strip_suffix(TMP_SUFFIX)
            .is_some_and(|r| r.len() == RAND_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric()));
        let older_version = middle
            .strip_prefix("tmp-")
            .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        if !ours && !older_version {
            continue;
        }
        // `DirEntry::metadata` does not follow symlinks: a planted link is not ours.
        let Ok(m) = entry.metadata() else {
            continue;
        };
        let old = m
            .modified()
            .ok()
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if m.is_file() && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    /// A scratch directory, removed when the test ends (passed or failed).
    fn dir(name: &str) -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix(&format!("vpc-tui-save-{name}-"))
            .tempdir()
            .unwrap()
    }

    fn entries(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Issue 15 case 1: a symlink planted at the name the old code would use is left alone;
    /// the file it points to is not written.
    #[test]
    fn a_planted_temp_symlink_redirects_nothing() {
        let tmp = dir("planted");
        let d = tmp.path();
        let victim = d.join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        let target = d.join("s.ron");
        fs::write(&target, "old").unwrap();
        let planted = d.join(format!(".s.ron.tmp-{}", std::process::id()));
        symlink(&victim, &planted).unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert!(
            fs::symlink_metadata(&planted)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // Nothing of ours is left behind.
        assert!(!entries(d).iter().any(|n| n.ends_with(TMP_SUFFIX)));
    }

    /// Case 6: the mode is kept (0600 stays 0600), and so is the owner where the process may
    /// set it.
    #[test]
    fn permissions_and_owner_are_kept() {
        let tmp = dir("mode");
        let d = tmp.path();
        let target = d.join("s.ron");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, Permissions::from_mode(0o600)).unwrap();
        let before = fs::metadata(&target).unwrap();
        write_atomic(&target, b"new").unwrap();
        let after = fs::metadata(&target).unwrap();
        assert_eq!(after.mode() & 0o7777, 0o600);
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
        fs::set_permissions(&target, Permissions::from_mode(0o640)).unwrap();
        write_atomic(&target, b"newer").unwrap();
        assert_eq!(fs::metadata(&target).unwrap().mode() & 0o7777, 0o640);
    }

    /// Case 6, as root: a file owned by another user keeps its owner.
    #[test]
    fn another_users_file_keeps_its_owner_when_root_saves() {
        let tmp = dir("owner");
        let d = tmp.path();
        let target = d.join("s.ron");
        fs::write(&target, "old").unwrap();
        if std::os::unix::fs::chown(&target, Some(12345), Some(12345)).is_err() {
            return; // not root: cannot give a file away, nor test keeping it given away
        }
        fs::set_permissions(&target, Permissions::from_mode(0o600)).unwrap();
        write_atomic(&target, b"new").unwrap();
        let m = fs::metadata(&target).unwrap();
        assert_eq!((m.uid(), m.gid(), m.mode() & 0o7777), (12345, 12345, 0o600));
    }

    /// Case 6: a symlink stays a symlink, and the file it points to gets the content.
    #[test]
    fn a_symlink_is_written_through() {
        let tmp = dir("symlink");
        let d = tmp.path();
        fs::create_dir_all(d.join("real")).unwrap();
        let real = d.join("real/s.ron");
        fs::write(&real, "old").unwrap();
        let link = d.join("link.ron");
        symlink("real/s.ron", &link).unwrap();
        assert_eq!(write_atomic(&link, b"new").unwrap(), d.join("real/s.ron"));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    /// Case 6: every hard link sees the new content.
    #[test]
    fn a_hard_link_is_not_split() {
        let tmp = dir("hardlink");
        let d = tmp.path();
        let a = d.join("a.ron");
        let b = d.join("b.ron");
        fs::write(&a, "old content, longer than the new").unwrap();
        fs::hard_link(&a, &b).unwrap();
        write_atomic(&a, b"new").unwrap();
        assert_eq!(fs::read_to_string(&b).unwrap(), "new");
        assert_eq!(
            fs::metadata(&a).unwrap().ino(),
            fs::metadata(&b).unwrap().ino()
        );
        assert!(!entries(d).iter().any(|n| n.ends_with(TMP_SUFFIX)));
    }

    /// Case 6: a device node, a directory or a FIFO is refused with a clear error.
    #[test]
    fn non_regular_files_are_refused() {
        let e = write_atomic(Path::new("/dev/null"), b"x").unwrap_err();
        assert!(matches!(e, SaveError::NotRegular { .. }), "{e}");
        assert!(e.to_string().contains("character device"), "{e}");
        let tmp = dir("nonregular");
        let d = tmp.path();
        let sub = d.join("sub");
        fs::create_dir_all(&sub).unwrap();
        let e = write_atomic(&sub, b"x").unwrap_err();
        assert!(e.to_string().contains("a directory"), "{e}");
        let fifo = d.join("fifo");
        if std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success())
        {
            let e = write_atomic(&fifo, b"x").unwrap_err();
            assert!(e.to_string().contains("FIFO"), "{e}");
        }
    }

    /// Case 9: a temporary file a killed save left is removed by the next save; a fresh one
    /// (a save in progress) and other files are not.
    #[test]
    fn stale_temps_are_cleaned_on_the_next_save() {
        let tmp = dir("stale");
        let d = tmp.path();
        let target = d.join("s.ron");
        fs::write(&target, "old").unwrap();
        let stale = d.join(format!(".s.ron.abcdeABCDE{TMP_SUFFIX}"));
        let legacy = d.join(".s.ron.tmp-4242");
        let fresh = d.join(format!(".s.ron.0123456789{TMP_SUFFIX}"));
        let other = d.join(format!(".t.ron.abcdeABCDE{TMP_SUFFIX}"));
        let long_ago = SystemTime::now() - Duration::from_secs(3600);
        for p in [&stale, &legacy, &fresh, &other] {
            fs::write(p, "partial").unwrap();
        }
        for p in [&stale, &legacy, &other] {
            fs::File::options()
                .write(true)
                .open(p)
                .unwrap()
                .set_modified(long_ago)
                .unwrap();
        }
        write_atomic(&target, b"new").unwrap();
        assert!(!stale.exists() && !legacy.exists());
        assert!(fresh.exists() && other.exists());
    }
}
