//! Text measured in terminal cells: word wrapping by display width (with Japanese line-start
//! rules), truncation and padding. Everything here counts cells, never bytes or chars, so a
//! full-width character can never push a border out of place.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Characters that must not begin a line in Japanese text (kinsoku shori).
const NO_LINE_START: &str =
    "、。，．・：；？！ー）」』】〕〉》”’ゃゅょっァィゥェォャュョッ々,.:;!?)]}";

/// Whether `c` must not begin a line ([`NO_LINE_START`]): an ASCII character is matched
/// without searching the list (a paragraph of English asks for every character).
fn no_line_start(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ',' | '.' | ':' | ';' | '!' | '?' | ')' | ']' | '}')
    } else {
        NO_LINE_START.contains(c)
    }
}

fn is_wide_breakable(c: char) -> bool {
    // CJK ideographs, kana and full-width punctuation: a line may break between any two.
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// Cut `s` to at most `max` cells, with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A file path in at most `max` cells: whole, or its folders cut from the front (`…/nat.ron`);
/// `None` when not even the file's own name fits (or a label that is not a path does not).
pub fn truncate_front_to_name(path: &str, max: usize) -> Option<String> {
    if width(path) <= max {
        return Some(path.to_string());
    }
    let (_, name) = path.rsplit_once(['/', '\\'])?;
    let cut = format!("…/{name}");
    (width(&cut) <= max).then_some(cut)
}

/// `pieces` on as few lines of `width` cells as they need, `sep` between two on a line: a piece
/// that does not fit where the line is starts the next line (after `indent`), and one wider
/// than a whole line is cut with `…`. At most `max_rows` lines: where pieces are left over, the
/// last line ends in `…` (after its last piece, or in it when there is no room).
pub fn pack(
    pieces: Vec<Span<'static>>,
    width_cells: usize,
    sep: Span<'static>,
    indent: &'static str,
    max_rows: usize,
) -> Vec<Line<'static>> {
    let sep_w = width(&sep.content);
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let mut line: Vec<Span<'static>> = Vec::new();
    // `fresh`: no piece on the line yet (it may hold the indent).
    let (mut used, mut fresh, mut cut) = (0, true, false);
    for mut piece in pieces {
        let w = width(&piece.content);
        if !fresh && used + sep_w + w > width_cells {
            if lines.len() + 1 >= max_rows {
                cut = true;
                break;
            }
            lines.push(std::mem::take(&mut line));
            if !indent.is_empty() {
                line.push(Span::raw(indent));
            }
            used = width(indent);
        } else if !fresh {
            line.push(sep.clone());
            used += sep_w;
        }
        if used + w > width_cells {
            piece.content = truncate(&piece.content, width_cells.saturating_sub(used)).into();
        }
        used += width(&piece.content);
        line.push(piece);
        fresh = false;
    }
    if cut {
        if used + 2 <= width_cells {
            line.push(Span::raw(" …"));
        } else if let Some(last) = line.last_mut() {
            // No room after it: the last piece itself ends in `…`.
            let w = width(&last.content);
            last.content = truncate(&last.content, w.saturating_sub(1)).into();
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.into_iter().map(Line::from).collect()
}

/// `s` cut or padded with spaces to exactly `w` cells.
pub fn fit(s: &str, w: usize) -> String {
    let mut t = truncate(s, w);
    let used = width(&t);
    t.extend(std::iter::repeat_n(' ', w.saturating_sub(used)));
    t
}

/// The pieces a line may break between, as `(start, end)` byte ranges of `text`, in order and
/// next to each other: words with their trailing spaces, and single wide characters (Japanese
/// has no spaces between words); a character that must not start a line is glued to the piece
/// before it. Ranges, not copies: the route tables panel counts the lines of a table's
/// associations (hundreds of subnets on the main table) every frame.
fn piece_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    // The piece being read: from `start` to the current character.
    let mut start = 0;
    let mut after_space = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let cur_empty = start == i;
        if is_wide_breakable(c) && !no_line_start(c) {
            if !cur_empty {
                out.push((start, i));
            }
            out.push((i, end));
            start = end;
            after_space = false;
            continue;
        }
        if is_wide_breakable(c) && no_line_start(c) && !cur_empty {
            // `、` or `。` after ASCII (ids listed `subnet-a、subnet-b`): it ends its piece,
            // so a line may break after it rather than inside the next id.
            out.push((start, end));
            start = end;
            after_space = false;
            continue;
        }
        if cur_empty && no_line_start(c) {
            // Glue to the previous piece so it never starts a line.
            if let Some(last) = out.last_mut() {
                last.1 = end;
                start = end;
                continue;
            }
        }
        if c == ' ' {
            after_space = true;
            continue;
        }
        if after_space {
            out.push((start, i));
            start = i;
            after_space = false;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Wraps `text` to `width_cells` cells, the first line after `first`, the others after
/// `rest`: `line` is given each line's prefix and text (trailing spaces included), in order.
/// Returns how many lines it gave. What [`wrap`] makes and [`wrap_count`] counts.
fn wrap_lines(
    text: &str,
    width_cells: usize,
    first: &str,
    rest: &str,
    mut line: impl FnMut(&str, &str),
) -> usize {
    let mut lines = 0;
    let mut prefix = first;
    // The line's text so far: `text[cur.0..cur.1]` (pieces are next to each other).
    let mut cur = (0, 0);
    // Printable ASCII takes one cell a byte: then a stretch's width is its length, and the
    // line so far is not measured again for every piece (a table's associations on the route
    // tables panel are hundreds of pieces, counted every frame). Text of one-cell characters
    // only ([`one_cell`]: ASCII with arrows, `…`, `»`, the path's hops in English) takes one
    // cell a character: counted, not looked up in the width tables.
    let ascii = text.bytes().all(|b| (0x20..0x7f).contains(&b));
    let narrow = ascii || text.chars().all(one_cell);
    let cells = |s: &str| match (ascii, narrow) {
        (true, _) => s.len(),
        (false, true) => s.chars().count(),
        (false, false) => width(s),
    };
    let room_after = |prefix: &str| width_cells.saturating_sub(width(prefix)).max(1);
    // The room on the line after its prefix: `first`'s, then `rest`'s.
    let (mut room, room_rest) = (room_after(first), room_after(rest));
    let mut flush = |prefix: &str, cur: (usize, usize), lines: &mut usize| {
        line(prefix, &text[cur.0..cur.1]);
        *lines += 1;
    };
    for (start, end) in piece_ranges(text) {
        let piece = &text[start..end];
        let pw = cells(piece.trim_end());
        if cur.0 != cur.1 && cells(&text[cur.0..cur.1]) + pw > room {
            flush(prefix, cur, &mut lines);
            cur = (start, start);
            prefix = rest;
            room = room_rest;
        }
        if cur.0 == cur.1 && pw > room {
            // A piece longer than a whole line: break it by cells.
            cur = (start, start);
            for (i, c) in piece.char_indices() {
                let cw = c.width().unwrap_or(0);
                if cells(&text[cur.0..cur.1]) + cw > room && cur.0 != cur.1 {
                    flush(prefix, cur, &mut lines);
                    cur = (start + i, start + i);
                    prefix = rest;
                    room = room_rest;
                }
                cur.1 = start + i + c.len_utf8();
            }
            continue;
        }
        if cur.0 == cur.1 {
            cur = (start, start);
        }
        cur.1 = end;
    }
    if cur.0 != cur.1 || lines == 0 {
        flush(prefix, cur, &mut lines);
    }
    lines
}

/// Wrap `text` to `width` cells: the first line starts with `first`, the others with `rest`
/// (both styled with `prefix_style`), the text with `style`.
pub fn wrap(
    text: &str,
    width_cells: usize,
    first: &str,
    rest: &str,
    prefix_style: Style,
    style: Style,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    wrap_lines(text, width_cells, first, rest, |prefix, cur| {
        lines.push(Line::from(vec![
            Span::styled(prefix.to_string(), prefix_style),
            Span::styled(cur.trim_end().to_string(), style),
        ]));
    });
    lines
}

/// How many lines [`wrap`] makes of `text`, without making them: a text that fits after
/// `first` is one line.
pub fn wrap_count(text: &str, width_cells: usize, first: &str, rest: &str) -> usize {
    // A text takes no more cells than it has bytes (a two-cell character has three), so a
    // short one fits without measuring it: the route tables panel counts 800 tables a frame.
    if first.len() + text.len() <= width_cells || width(first) + width(text) <= width_cells {
        return 1;
    }
    wrap_lines(text, width_cells, first, rest, |_, _| {})
}

/// Narrow-symbol mode: every box-drawing, arrow and status glyph that terminals set to draw East
/// Asian ambiguous-width characters two cells wide would widen, as a one-cell ASCII stand-in.
/// Applied to the finished frame, so every panel gets it and no layout changes.
pub fn ascii_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "─" | "━" | "═" => "-",
        "│" | "┃" | "║" => "|",
        "┌" | "┐" | "└" | "┘" | "┏" | "┓" | "┗" | "┛" | "├" | "┤" | "┬" | "┴" | "┼" | "╭" | "╮"
        | "╰" | "╯" => "+",
        "→" | "»" | "›" | "▸" | "⇢" => ">",
        "←" | "‹" => "<",
        "↑" => "^",
        "↓" => "v",
        "✔" => "+",
        "✖" => "x",
        "◐" => "~",
        "⊘" => "-",
        "●" => "*",
        "•" => "*",
        "·" => ".",
        "…" => ".",
        "▣" => "#",
        "◆" => "o",
        "⬡" => "G",
        "⇄" => "N",
        "⛨" => "F",
        "▤" => "E",
        "▏" => "_",
        "−" => "-",
        "✚" => "+",
        _ => return None,
    })
}

/// [`Buffer::set_stringn`], the same cells written: a string of printable ASCII and box-drawing
/// characters (most of what the panels show: ids, CIDRs, padding, the subnets' boxes) is one
/// cell per character (each its own grapheme, one cell wide), written without the grapheme
/// segmentation and width look-ups `set_stringn` makes for every string (a third of a 120×40
/// frame at 4x the quota model went there); any other string is given to `set_stringn`.
pub(crate) fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    s: &str,
    max_width: usize,
    style: Style,
) -> (u16, u16) {
    if !s.chars().all(one_cell) {
        return buf.set_stringn(x, y, s, max_width, style);
    }
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let room = buf.area.right().saturating_sub(x).min(max_width);
    if room == 0 || s.is_empty() {
        return (x, y);
    }
    let at = buf.index_of(x, y);
    let mut n = 0;
    for (cell, c) in buf.content[at..at + room as usize]
        .iter_mut()
        .zip(s.chars())
    {
        cell.set_char(c).set_style(style);
        n += 1;
    }
    (x + n, y)
}

/// A character that is a grapheme of its own whatever is beside it, one cell wide: printable
/// ASCII, Latin-1's letters and signs (`·`, `»`, `é`; not the soft hyphen), and the one-cell
/// characters of the symbol blocks from General Punctuation to
/// Miscellaneous Symbols and Arrows (U+2010..=U+2BFF: dashes, `…`, arrows, box drawing,
/// shapes, `✔`, `✖`, `▣`, `◆`, ...) but their format characters. None of those joins its
/// neighbours into a grapheme (no Extend, SpacingMark, Prepend, ZWJ or regional indicator:
/// the zero-width marks for symbols, U+20D0..U+20FF, are not one cell), so `set_stringn`
/// writes each alone in a cell, as the test of every such character holds.
fn one_cell(c: char) -> bool {
    match c {
        ' '..='~' | '\u{2500}'..='\u{257f}' => true,
        '\u{ad}' | '\u{2028}'..='\u{202f}' | '\u{2060}'..='\u{206f}' => false,
        '\u{a1}'..='\u{ff}' | '\u{2010}'..='\u{2bff}' => UnicodeWidthChar::width(c) == Some(1),
        _ => false,
    }
}

/// [`Buffer::set_line`], each span written by [`put_str`].
pub(crate) fn put_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    line: &Line<'_>,
    max_width: u16,
) -> (u16, u16) {
    let (mut x, mut room) = (x, max_width);
    for span in line {
        if room == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let (to, _) = put_str(buf, x, y, span.content.as_ref(), room as usize, style);
        room = room.saturating_sub(to.saturating_sub(x));
        x = to;
    }
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cells [`put_line`] and [`put_str`] write are those `Buffer::set_line` and
    /// `set_stringn` write, and they end where those end: ASCII, control characters, wide and
    /// combining characters, at the edge and past it, with every room.
    #[test]
    fn put_line_writes_what_set_line_writes() {
        use ratatui::layout::Rect;
        use ratatui::style::{Color, Modifier};
        let texts = [
            "",
            "subnet-0a1b 10.0.0.0/24",
            "a\tb",
            "x\u{7f}y",
            "│ ",
            "e\u{301}z",
            "日本 ab",
            "✔g",
            " ",
            "~}",
            "ab\r\ncd",
            "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
            "┌─x─┐",
            "│ ",
            " │",
            "└──┘",
            "─\u{301}",
            "╬\u{200d}╬",
            "▀",
            "\u{257f}\u{2500}",
        ];
        let styles = [
            Style::default(),
            Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
        ];
        let area = Rect::new(2, 1, 17, 2);
        let mut checked = 0;
        for (i, a) in texts.iter().enumerate() {
            for b in texts.iter().skip(i % 3).step_by(2) {
                let line = Line::from(vec![
                    Span::styled(a.to_string(), styles[i % 2]),
                    Span::raw(b.to_string()),
                ])
                .style(styles[1 - i % 2]);
                for x in [2u16, 9, 18] {
                    for room in [0u16, 1, 3, 40] {
                        let (mut want, mut got) = (Buffer::empty(area), Buffer::empty(area));
                        let w = want.set_line(x, 2, &line, room);
                        let g = put_line(&mut got, x, 2, &line, room);
                        assert_eq!((g, &got), (w, &want), "{a:?} {b:?} {x} {room}");
                        let w = want.set_stringn(x, 1, a, room as usize, styles[1]);
                        let g = put_str(&mut got, x, 1, a, room as usize, styles[1]);
                        assert_eq!((g, &got), (w, &want), "{a:?} {x} {room}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    /// Every character [`one_cell`] takes past ASCII is written by [`put_str`]
    /// as `set_stringn` writes it: alone, between ASCII letters, twice, beside box drawing and
    /// the next character, and cut at the edge.
    #[test]
    fn put_str_writes_every_one_cell_symbol_as_set_stringn_does() {
        use ratatui::layout::Rect;
        let area = Rect::new(0, 0, 8, 1);
        let style = Style::default().fg(ratatui::style::Color::Green);
        let mut fast = 0;
        let symbols = ('\u{a0}'..='\u{ff}').chain('\u{2010}'..='\u{2bff}');
        for c in symbols.filter(|&c| one_cell(c)) {
            fast += 1;
            let next = char::from_u32(c as u32 + 1).unwrap_or('x');
            for s in [
                format!("{c}"),
                format!("a{c}b"),
                format!("{c}{c}"),
                format!("─{c}│"),
                format!("{c}{next}"),
                format!("{c} ✔g"),
            ] {
                for (x, room) in [(0u16, 8usize), (6, 8), (1, 2)] {
                    let (mut want, mut got) = (Buffer::empty(area), Buffer::empty(area));
                    let w = want.set_stringn(x, 0, &s, room, style);
                    let g = put_str(&mut got, x, 0, &s, room, style);
                    assert_eq!((g, &got), (w, &want), "{s:?} {x} {room}");
                }
                // One cell a character, as `wrap_lines` counts them.
                if s.chars().all(one_cell) {
                    assert_eq!(width(&s), s.chars().count(), "{s:?}");
                }
            }
        }
        // The symbols the panels draw are among them.
        for c in "…»·→✔✖▣◆✚−⇄⛨⬡▤●•◐⊘▸é".chars() {
            assert!(one_cell(c), "{c}");
        }
        assert!(fast > 2000, "{fast}");
        // Wide and zero-width ones are not.
        for c in [
            '\u{ad}', '\u{20e3}', '\u{2705}', '\u{231a}', '\u{200d}', '\u{2028}', '\u{2060}',
        ] {
            assert!(!one_cell(c), "{c:?}");
        }
    }

    // The wrapping as it was before `wrap_lines` (pieces copied, lines made), kept to hold
    // `wrap` and `wrap_count` to it (with the same break after `、` that follows ASCII).
    /// Split into pieces a line may break between: words with their trailing spaces, and single
    /// wide characters (Japanese has no spaces between words).
    fn old_pieces(text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut cur = String::new();
        let mut after_space = false;
        for c in text.chars() {
            if is_wide_breakable(c) && !NO_LINE_START.contains(c) {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                cur.push(c);
                out.push(std::mem::take(&mut cur));
                after_space = false;
                continue;
            }
            if is_wide_breakable(c) && NO_LINE_START.contains(c) && !cur.is_empty() {
                // `、` after ASCII ends its piece (a break may follow it).
                cur.push(c);
                out.push(std::mem::take(&mut cur));
                after_space = false;
                continue;
            }
            if NO_LINE_START.contains(c) && cur.is_empty() {
                // Glue to the previous piece so it never starts a line.
                if let Some(last) = out.last_mut() {
                    last.push(c);
                    continue;
                }
            }
            if c == ' ' {
                cur.push(c);
                after_space = true;
                continue;
            }
            if after_space {
                out.push(std::mem::take(&mut cur));
                after_space = false;
            }
            cur.push(c);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    /// Wrap `text` to `width` cells: the first line starts with `first`, the others with `rest`
    /// (both styled with `prefix_style`), the text with `style`.
    fn old_wrap(
        text: &str,
        width_cells: usize,
        first: &str,
        rest: &str,
        prefix_style: Style,
        style: Style,
    ) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let mut prefix = first.to_string();
        let mut cur = String::new();
        let room = |prefix: &str| width_cells.saturating_sub(width(prefix)).max(1);
        let flush = |lines: &mut Vec<Line<'static>>, prefix: &str, cur: &str| {
            lines.push(Line::from(vec![
                Span::styled(prefix.to_string(), prefix_style),
                Span::styled(cur.trim_end().to_string(), style),
            ]));
        };
        for piece in old_pieces(text) {
            let pw = width(piece.trim_end());
            if !cur.is_empty() && width(&cur) + pw > room(&prefix) {
                flush(&mut lines, &prefix, &cur);
                cur.clear();
                prefix = rest.to_string();
            }
            if cur.is_empty() && pw > room(&prefix) {
                // A piece longer than a whole line: break it by cells.
                for c in piece.chars() {
                    let cw = c.width().unwrap_or(0);
                    if width(&cur) + cw > room(&prefix) && !cur.is_empty() {
                        flush(&mut lines, &prefix, &cur);
                        cur.clear();
                        prefix = rest.to_string();
                    }
                    cur.push(c);
                }
                continue;
            }
            cur.push_str(&piece);
        }
        if !cur.is_empty() || lines.is_empty() {
            flush(&mut lines, &prefix, &cur);
        }
        lines
    }

    proptest::proptest! {
        /// `wrap` makes the lines it made before, and `wrap_count` counts them, for text of
        /// words, spaces, wide characters and characters that must not start a line, of ASCII
        /// alone and of one-cell characters alone.
        #[test]
        fn wrap_and_wrap_count_are_the_old_wrap(
            parts in proptest::collection::vec(0usize..13, 0..40),
            w in 1usize..30,
            first in 0usize..3,
            rest in 0usize..3,
            alphabet in 0usize..3,
        ) {
            const BITS: [&str; 13] =
                ["a", "bc", "subnet-0a1", " ", "  ", "日", "本語", "。", "ー", ",", "é", "ｱ", "、"];
            // Printable ASCII alone (measured by its length), with the characters that must
            // not start a line.
            const ASCII: [&str; 13] =
                ["a", "bc", "subnet-0a1", " ", "  ", ",", ".", ")", "?", "}", "x:", "(y", "]"];
            // One cell a character, not all ASCII (counted by characters).
            const NARROW: [&str; 13] =
                ["a", "→", "subnet…", " ", "  ", "»", "·", ")", "✔g", "—", "é", "─x", "]"];
            let bits = [BITS, ASCII, NARROW][alphabet];
            let text: String = parts.iter().map(|&i| bits[i]).collect();
            let prefixes = ["", "    x: ", "「"];
            let (first, rest) = (prefixes[first], prefixes[rest]);
            let old = old_wrap(&text, w, first, rest, Style::new(), Style::new());
            let new = wrap(&text, w, first, rest, Style::new(), Style::new());
            proptest::prop_assert_eq!(&new, &old);
            proptest::prop_assert_eq!(wrap_count(&text, w, first, rest), old.len());
            let ranges = piece_ranges(&text);
            let pieces: Vec<&str> = ranges.iter().map(|&(a, b)| &text[a..b]).collect();
            proptest::prop_assert_eq!(pieces, old_pieces(&text));
        }
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_by_width() {
        let lines = wrap("one two three four", 9, "", "", Style::new(), Style::new());
        assert_eq!(plain(&lines), ["one two", "three", "four"]);
    }

    #[test]
    fn long_words_break_by_cells() {
        let lines = wrap("abcdefghij", 4, "", "", Style::new(), Style::new());
        assert_eq!(plain(&lines), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn japanese_wraps_by_display_width_and_no_line_starts_with_a_full_stop() {
        let text = "ゲートウェイエンドポイントはルートテーブルのターゲットです。";
        for w in 6..30 {
            let lines = wrap(text, w, "", "", Style::new(), Style::new());
            for l in plain(&lines) {
                assert!(width(&l) <= w, "{l:?} wider than {w}");
                assert!(!l.starts_with('。'), "{l:?} starts with 。");
                assert!(!l.starts_with('ー'), "{l:?} starts with ー");
            }
        }
    }

    /// Ids listed with `、` (the Japanese list separator, no space after it) break after a
    /// separator, never inside an id, and no line starts with `、`.
    #[test]
    fn japanese_lists_of_ids_break_after_the_separator() {
        let text =
            "関連付け: subnet-app-a、subnet-app-b、subnet-restricted、subnet-noreply。終わり";
        let ids = [
            "subnet-app-a",
            "subnet-app-b",
            "subnet-restricted",
            "subnet-noreply",
        ];
        for w in 20..60 {
            let lines = wrap(text, w, "", "", Style::new(), Style::new());
            let lines = plain(&lines);
            assert_eq!(
                lines.concat().replace(' ', ""),
                text.replace(' ', ""),
                "{w}"
            );
            for l in &lines {
                assert!(width(l) <= w, "{l:?} wider than {w}");
                assert!(!l.starts_with('、') && !l.starts_with('。'), "{l:?} at {w}");
                for word in l
                    .split(['、', '。', ' '])
                    .filter(|w| w.is_ascii() && !w.is_empty())
                {
                    assert!(
                        ids.contains(&word),
                        "{word:?} cut from an id at {w}: {lines:?}"
                    );
                }
            }
        }
        assert_eq!(
            plain(&wrap(
                "subnet-a、subnet-b、subnet-c",
                20,
                "",
                "",
                Style::new(),
                Style::new()
            )),
            ["subnet-a、subnet-b、", "subnet-c"]
        );
    }

    #[test]
    fn fit_pads_and_truncates_by_cells() {
        assert_eq!(fit("ab", 4), "ab  ");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(
            truncate_front_to_name("scenarios/nat.ron", 17).as_deref(),
            Some("scenarios/nat.ron")
        );
        assert_eq!(
            truncate_front_to_name("scenarios/nat.ron", 16).as_deref(),
            Some("…/nat.ron")
        );
        assert_eq!(truncate_front_to_name("scenarios/nat.ron", 8), None);
        assert_eq!(truncate_front_to_name("<built-in nat.ron>", 12), None);
        assert_eq!(width(&fit("日本語テキスト", 5)), 5);
    }
}
