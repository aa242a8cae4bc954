//! What a file looked like when it was read: enough to tell, before saving over it, whether
//! another program changed it since.

use std::hash::{Hash, Hasher};
use std::io;
use std::path::Path;
use std::time::SystemTime;

/// Length, modification time and a hash of the content of a file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    pub hash: u64,
}

impl FileStamp {
    /// The stamp of bytes just read from a file whose metadata is `meta`.
    pub fn new(bytes: &[u8], modified: Option<SystemTime>) -> FileStamp {
        let mut h = std::hash::DefaultHasher::new();
        bytes.hash(&mut h);
        FileStamp {
            len: bytes.len() as u64,
            modified,
            hash: h.finish(),
        }
    }

    /// Read the file now; `None` when it does not exist.
    pub fn of(path: &Path) -> io::Result<Option<FileStamp>> {
        match std::fs::read(path) {
            Ok(bytes) => {
                let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                Ok(Some(FileStamp::new(&bytes, modified)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether the file at `path` still holds what this stamp saw. A touched file with the
    /// same content counts as unchanged: only the content can be lost.
    pub fn still_matches(&self, path: &Path) -> bool {
        match FileStamp::of(path) {
            Ok(Some(now)) => now.len == self.len && now.hash == self.hash,
            _ => false,
        }
    }
}
