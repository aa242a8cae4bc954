//! Text that reaches a terminal must not be able to drive it: an AWS Name tag, an id in a
//! hand-written file or an error snippet can hold escape sequences (colour, cursor moves, a
//! new window title, a hyperlink) or a carriage return that overwrites a line. Everything
//! vpc-tui prints outside the TUI goes through [`printable`], [`printable_text`] or
//! [`SafeWriter`], which show such characters as `\x1b`, `\u{9b}`, ... instead.

use std::borrow::Cow;
use std::io::{self, Write};

/// A character a terminal could act on: C0 controls, DEL, C1 controls, and the bidirectional
/// overrides that reorder what is shown.
fn is_hostile(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, c: char) {
    use std::fmt::Write as _;
    if (c as u32) < 0x100 {
        let _ = write!(out, "\\x{:02x}", c as u32);
    } else {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    }
}

fn escape(s: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_hostile(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_hostile(c) && !keep(c) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One name, id, path or message on one line: every control character escaped (newlines and
/// tabs too), the rest as it is.
pub fn printable(s: &str) -> Cow<'_, str> {
    escape(s, |_| false)
}

/// Text of several lines: newlines and tabs kept, every other control character escaped.
pub fn printable_text(s: &str) -> Cow<'_, str> {
    escape(s, |c| c == '\n' || c == '\t')
}

/// Characters of a source line shown around an error's column.
const SNIPPET_CHARS: usize = 100;

/// The part of `line` worth showing for an error at `column` (1-based, in characters): at most
/// about [`SNIPPET_CHARS`] characters around it, `…` where it was cut, control characters other
/// than tabs escaped. Returns the text and the column in it.
pub fn snippet_window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let col = column.max(1).min(chars.len() + 1) - 1;
    let start = col.saturating_sub(SNIPPET_CHARS / 2);
    let end = (start + SNIPPET_CHARS).min(chars.len());
    let mut out = String::new();
    let mut new_col = 1;
    if start > 0 {
        out.push('…');
        new_col += 1;
    }
    for (i, &c) in chars[start..end].iter().enumerate() {
        let piece = if c == '\t' {
            "\t".to_string()
        } else {
            printable(c.encode_utf8(&mut [0; 4])).into_owned()
        };
        if start + i < col {
            new_col += piece.chars().count();
        }
        out.push_str(&piece);
    }
    if end < chars.len() {
        out.push('…');
    }
    (out, new_col)
}

/// A writer that passes text through [`printable_text`]: standard output and error of the
/// command-line subcommands, so that no output site can forget. Bytes that are not UTF-8 are
/// passed on as they are (a C0 byte is never part of a UTF-8 sequence, and C1 controls are
/// recognised by their two-byte encoding).
pub struct SafeWriter<W: Write> {
    inner: W,
    /// The first byte of a two-byte sequence a previous write ended with.
    pending: Option<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W) -> SafeWriter<W> {
        SafeWriter {
            inner,
            pending: None,
        }
    }

    pub fn into_inner(mut self) -> W {
        let _ = self.flush_pending();
        // `self` has no Drop of its own, so moving the field out is fine.
        self.inner
    }

    fn flush_pending(&mut self) -> io::Result<()> {
        if let Some(b) = self.pending.take() {
            self.inner.write_all(&[b])?;
        }
        Ok(())
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len());
        let mut bytes = buf.iter().copied().peekable();
        let mut lead = self.pending.take();
        loop {
            let b = match lead.take() {
                Some(b) => b,
                None => match bytes.next() {
                    Some(b) => b,
                    None => break,
                },
            };
            match b {
                b'\n' | b'\t' => out.push(b),
                0x00..=0x1f | 0x7f => out.extend_from_slice(format!("\\x{b:02x}").as_bytes()),
                // U+0080..U+009F are C2 80..C2 9F; U+202A..U+202E and U+2066..U+2069 are
                // E2 80 AA..AE and E2 81 A6..A9.
                0xc2 => match bytes.peek() {
                    Some(&n @ 0x80..=0x9f) => {
                        bytes.next();
                        out.extend_from_slice(format!("\\x{n:02x}").as_bytes());
                    }
                    Some(_) => out.push(b),
                    None => self.pending = Some(b),
                },
                0xe2 => {
                    let rest: Vec<u8> = bytes.clone().take(2).collect();
                    match rest.as_slice() {
                        [0x80, n @ 0xaa..=0xae] | [0x81, n @ 0xa6..=0xa9] => {
                            let cp =
                                if rest[0] == 0x80 { 0x2000 } else { 0x2040 } + (n & 0x3f) as u32;
                            bytes.next();
                            bytes.next();
                            out.extend_from_slice(format!("\\u{{{cp:x}}}").as_bytes());
                        }
                        _ => out.push(b),
                    }
                }
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_pending()?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert_eq!(printable("app-a"), "app-a");
        assert!(matches!(printable("アプリ"), Cow::Borrowed(_)));
        assert_eq!(printable("a\x1b[2Jb"), "a\\x1b[2Jb");
        assert_eq!(printable("a\rb\nc"), "a\\x0db\\x0ac");
        assert_eq!(printable("\u{9b}31m"), "\\x9b31m");
        assert_eq!(printable("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(printable_text("a\nb\tc\x07"), "a\nb\tc\\x07");
    }

    #[test]
    fn the_writer_escapes_as_printable_text_does() {
        let text = "ok\n\x1b]0;pwned\x07 \u{9b}2J \u{202e}é ア\t\x7f";
        let mut w = SafeWriter::new(Vec::new());
        w.write_all(text.as_bytes()).unwrap();
        let out = String::from_utf8(w.into_inner()).unwrap();
        assert_eq!(out, printable_text(text));
        // Split in the middle of a C1 control's encoding.
        let mut w = SafeWriter::new(Vec::new());
        let bytes = "a\u{9b}b".as_bytes();
        w.write_all(&bytes[..2]).unwrap();
        w.write_all(&bytes[2..]).unwrap();
        assert_eq!(String::from_utf8(w.into_inner()).unwrap(), "a\\x9bb");
    }
}
