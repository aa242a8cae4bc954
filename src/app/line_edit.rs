//! Text inputs behave like a shell's line editor: ←/→ move the cursor, Home/End and Ctrl-A/
//! Ctrl-E jump to the ends, Delete and Backspace delete, Ctrl-U deletes to the start, Ctrl-W
//! the word before the cursor. A bracketed paste arrives as one event and is inserted in one
//! go (linear in its length), cut at [`MAX_INPUT`] characters with a message.

use super::{App, Msg, Overlay, StatusKind};

/// Keys of the line editor that have no [`Msg`] of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKey {
    /// Delete: the character under the cursor.
    Delete,
    /// Ctrl-U: everything before the cursor.
    KillToStart,
    /// Ctrl-W: the word before the cursor (and the spaces after it).
    KillWord,
}

/// The longest text an input takes: longer than any path or address, short enough to draw
/// at once.
pub const MAX_INPUT: usize = 4096;

/// Byte offset of the cursor in `text`, from the number of characters after it.
fn cursor_byte(text: &str, back: usize) -> usize {
    let n = text.chars().count();
    let pos = n.saturating_sub(back);
    text.char_indices().nth(pos).map_or(text.len(), |(i, _)| i)
}

/// Apply one message to a line; `back` counts the characters after the cursor. `false` when
/// the message is not a line edit.
pub fn edit_line(text: &mut String, back: &mut usize, msg: Msg) -> bool {
    let total = text.chars().count();
    *back = (*back).min(total);
    let at = cursor_byte(text, *back);
    match msg {
        Msg::Left => *back = (*back + 1).min(total),
        Msg::Right => *back = back.saturating_sub(1),
        Msg::Home => *back = total,
        Msg::End => *back = 0,
        Msg::Char(c) => {
            if total < MAX_INPUT {
                text.insert(at, c);
            }
        }
        Msg::Backspace => {
            if let Some((i, _)) = text[..at].char_indices().next_back() {
                text.replace_range(i..at, "");
            }
        }
        Msg::Line(LineKey::Delete) => {
            if let Some(c) = text[at..].chars().next() {
                text.replace_range(at..at + c.len_utf8(), "");
                *back -= 1;
            }
        }
        Msg::Line(LineKey::KillToStart) => text.replace_range(..at, ""),
        Msg::Line(LineKey::KillWord) => {
            let before = &text[..at];
            let trimmed = before.trim_end();
            let start = trimmed
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace() || *c == '/')
                .map_or(0, |(i, c)| i + c.len_utf8());
            let start = if start == trimmed.len() && !trimmed.is_empty() {
                // The cursor is right after a separator: take it too.
                trimmed.len() - trimmed.chars().next_back().map_or(0, char::len_utf8)
            } else {
                start
            };
            text.replace_range(start..at, "");
        }
        _ => return false,
    }
    true
}

/// Insert `pasted` at the cursor: control characters dropped, at most what fits in
/// [`MAX_INPUT`]. Returns how many characters were left out.
pub fn paste_into(text: &mut String, back: usize, pasted: &str) -> usize {
    let room = MAX_INPUT.saturating_sub(text.chars().count());
    let mut insert = String::with_capacity(pasted.len().min(room * 4));
    let (mut taken, mut left_out) = (0, 0);
    for c in pasted.chars().filter(|c| !c.is_control()) {
        if taken < room {
            insert.push(c);
            taken += 1;
        } else {
            left_out += 1;
        }
    }
    let at = cursor_byte(text, back);
    text.insert_str(at, &insert);
    left_out
}

impl App {
    /// A bracketed paste: into the open input or picker filter, in one step.
    pub fn paste(&mut self, pasted: &str) {
        let back = self.input_back;
        let left_out = match &mut self.overlay {
            Some(Overlay::Input(input)) => paste_into(&mut input.text, back, pasted),
            Some(Overlay::Picker(p)) if p.filtering => {
                let n = paste_into(&mut p.filter, 0, pasted);
                p.selected = 0;
                n
            }
            _ => return,
        };
        if left_out > 0 {
            self.status = Some((
                StatusKind::Error,
                crate::explain::msg(
                    self.lang,
                    "ui-paste-cut",
                    crate::explain::args()
                        .n("max", MAX_INPUT)
                        .n("left", left_out),
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, msgs: &[Msg]) -> (String, usize) {
        let mut t = text.to_string();
        let mut back = 0;
        for m in msgs {
            edit_line(&mut t, &mut back, *m);
        }
        (t, back)
    }

    #[test]
    fn moves_and_edits_like_a_line_editor() {
        use Msg::*;
        assert_eq!(run("abc", &[Left, Char('X')]).0, "abXc");
        assert_eq!(run("abc", &[Home, Char('X')]).0, "Xabc");
        assert_eq!(run("abc", &[Home, End, Char('X')]).0, "abcX");
        assert_eq!(run("abc", &[Left, Left, Backspace]).0, "bc");
        assert_eq!(run("abc", &[Home, Line(LineKey::Delete)]).0, "bc");
        assert_eq!(
            run(
                "dir/file.ron",
                &[Left, Left, Left, Left, Line(LineKey::KillToStart)]
            )
            .0,
            ".ron"
        );
        assert_eq!(run("my dir/file", &[Line(LineKey::KillWord)]).0, "my dir/");
        assert_eq!(run("my dir/", &[Line(LineKey::KillWord)]).0, "my dir");
        assert_eq!(run("one two  ", &[Line(LineKey::KillWord)]).0, "one ");
        assert_eq!(
            run("アイウ", &[Left, Backspace, Right, Char('x')]).0,
            "アウx"
        );
        // Moving past either end stays at the end.
        assert_eq!(run("ab", &[Left, Left, Left, Left, Char('<')]).0, "<ab");
        assert_eq!(run("ab", &[Right, Right, Char('>')]).0, "ab>");
    }

    /// Issue 15 case 9: a 1 MB paste is one linear insertion, cut at MAX_INPUT.
    #[test]
    fn a_huge_paste_is_cut_and_quick() {
        let big = "x".repeat(1 << 20);
        let start = std::time::Instant::now();
        let mut t = "ab".to_string();
        let left_out = paste_into(&mut t, 1, &big);
        assert!(start.elapsed() < std::time::Duration::from_secs(2));
        assert_eq!(t.chars().count(), MAX_INPUT);
        assert!(t.starts_with("ax") && t.ends_with("xb"));
        assert_eq!(left_out, (1 << 20) - (MAX_INPUT - 2));
        let mut t = String::new();
        assert_eq!(paste_into(&mut t, 0, "a\x1b[31mb\nc"), 0);
        assert_eq!(t, "a[31mbc");
    }
}
