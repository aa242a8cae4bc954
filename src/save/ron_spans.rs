//! A RON reader that keeps where every value sits in the text, and where every comment is, so
//! that a save can change a file's values without touching anything else (see
//! [`super::preserve`]).
//!
//! It reads the syntax, not the types: a value is an atom (number, string, identifier, unit
//! variant) or a bracketed group (list, tuple, struct, map, or a variant or struct name directly
//! before its parenthesis). Comments (`//` and nested `/* */`) and a leading `#![enable(...)]`
//! are trivia between tokens. Anything else it does not know makes it give up (`None`), and the
//! caller writes the file in full instead.

use std::ops::Range;

/// A parsed text: its top value and every comment, in order.
#[derive(Debug, Clone)]
pub struct Doc {
    pub root: Node,
    /// Byte ranges of the comments, in text order.
    pub comments: Vec<Range<usize>>,
}

/// A value and the bytes it takes (from its first to its last character).
#[derive(Debug, Clone)]
pub struct Node {
    pub span: Range<usize>,
    /// `None` for an atom.
    pub group: Option<Group>,
}

/// A bracketed group: `[..]`, `(..)`, `{..}`, or `Name(..)`.
#[derive(Debug, Clone)]
pub struct Group {
    /// The variant or struct name before the parenthesis.
    pub name: Option<Range<usize>>,
    pub open: u8,
    /// Where the opening bracket is.
    pub open_at: usize,
    /// Where the closing bracket is.
    pub close_at: usize,
    pub items: Vec<Item>,
}

/// A group's item: a value, with its field name or map key when it has one.
#[derive(Debug, Clone)]
pub struct Item {
    pub key: Option<Node>,
    pub value: Node,
    /// Where the comma after it is, if it has one.
    pub comma: Option<usize>,
}

impl Item {
    /// Where the item starts (its key, else its value).
    pub fn start(&self) -> usize {
        self.key
            .as_ref()
            .map_or(self.value.span.start, |k| k.span.start)
    }

    /// Where its value ends (before any comma).
    pub fn end(&self) -> usize {
        self.value.span.end
    }
}

impl Group {
    /// Whether every item is named (a struct or a map; an empty group counts).
    pub fn keyed(&self) -> bool {
        self.items.iter().all(|i| i.key.is_some())
    }

    /// The item named `key` (as written: a field name, or a map key's text).
    pub fn field<'g>(&'g self, text: &str, key: &str) -> Option<(usize, &'g Item)> {
        self.items
            .iter()
            .enumerate()
            .find(|(_, i)| i.key.as_ref().is_some_and(|k| &text[k.span.clone()] == key))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    Punct(u8),
    Atom,
}

/// Parse `text`; `None` when it is not RON this reader knows.
pub fn parse(text: &str) -> Option<Doc> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        comments: Vec::new(),
    };
    p.skip_attributes()?;
    let root = p.value()?;
    if p.peek()?.is_some() {
        return None;
    }
    Some(Doc {
        root,
        comments: p.comments,
    })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    comments: Vec<Range<usize>>,
}

impl Parser<'_> {
    /// Skip whitespace and comments, recording the comments. `None` on an unclosed comment.
    fn trivia(&mut self) -> Option<()> {
        loop {
            while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
            let rest = &self.bytes[self.at..];
            if rest.starts_with(b"//") {
                let end = rest
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(self.bytes.len(), |n| self.at + n);
                self.comments.push(self.at..end);
                self.at = end;
            } else if rest.starts_with(b"/*") {
                let start = self.at;
                let mut depth = 0usize;
                loop {
                    let rest = &self.bytes[self.at..];
                    if rest.starts_with(b"/*") {
                        depth += 1;
                        self.at += 2;
                    } else if rest.starts_with(b"*/") {
                        depth -= 1;
                        self.at += 2;
                        if depth == 0 {
                            break;
                        }
                    } else if rest.is_empty() {
                        return None;
                    } else {
                        self.at += 1;
                    }
                }
                self.comments.push(start..self.at);
            } else {
                return Some(());
            }
        }
    }

    /// `#![enable(...)]` lines before the value.
    fn skip_attributes(&mut self) -> Option<()> {
        loop {
            self.trivia()?;
            if !self.bytes[self.at..].starts_with(b"#!") {
                return Some(());
            }
            let close = self.bytes[self.at..].iter().position(|&b| b == b']')?;
            self.at += close + 1;
        }
    }

    /// The next token and where it ends, without consuming it (trivia before it is).
    /// `Ok(None)`-like: `Some(None)` at the end of the text; `None` on text it cannot read.
    fn peek(&mut self) -> Option<Option<(Tok, usize, usize)>> {
        self.trivia()?;
        let start = self.at;
        let Some(&first) = self.bytes.get(start) else {
            return Some(None);
        };
        let end = match first {
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' => {
                return Some(Some((Tok::Punct(first), start, start + 1)));
            }
            b'"' => self.quoted(start, b'"')?,
            b'\'' => self.quoted(start, b'\'')?,
            b'r' | b'b' if self.raw_or_byte_string(start).is_some() => {
                self.raw_or_byte_string(start)?
            }
            _ => {
                let n = self.bytes[start..]
                    .iter()
                    .position(|b| b"()[]{},:\"'/ \t\r\n".contains(b))
                    .unwrap_or(self.bytes.len() - start);
                if n == 0 {
                    return None;
                }
                start + n
            }
        };
        Some(Some((Tok::Atom, start, end)))
    }

    /// The end of the string or char starting at `start` with `quote`.
    fn quoted(&self, start: usize, quote: u8) -> Option<usize> {
        let mut i = start + 1;
        loop {
            match *self.bytes.get(i)? {
                b'\\' => i += 2,
                b if b == quote => return Some(i + 1),
                _ => i += 1,
            }
        }
    }

    /// `r"…"`, `r#"…"#`, `b"…"`, `br#"…"#`, `b'…'`: the end, or `None` if not one of these.
    fn raw_or_byte_string(&self, start: usize) -> Option<usize> {
        let rest = &self.bytes[start..];
        let (raw, skip) = match rest {
            [b'b', b'r', ..] => (true, 2),
            [b'r', ..] => (true, 1),
            [b'b', b'"' | b'\'', ..] => return self.quoted(start + 1, rest[1]),
            _ => return None,
        };
        if !raw {
            return None;
        }
        let hashes = rest[skip..].iter().take_while(|&&b| b == b'#').count();
        if rest.get(skip + hashes) != Some(&b'"') {
            return None;
        }
        let body = start + skip + hashes + 1;
        let closing: Vec<u8> = std::iter::once(b'"')
            .chain(std::iter::repeat_n(b'#', hashes))
            .collect();
        let n = self.bytes[body..]
            .windows(closing.len())
            .position(|w| w == closing.as_slice())?;
        Some(body + n + closing.len())
    }

    fn next(&mut self) -> Option<(Tok, usize, usize)> {
        let (tok, start, end) = self.peek()??;
        self.at = end;
        Some((tok, start, end))
    }

    fn eat(&mut self, punct: u8) -> Option<Option<usize>> {
        match self.peek()? {
            Some((Tok::Punct(p), start, end)) if p == punct => {
                self.at = end;
                Some(Some(start))
            }
            _ => Some(None),
        }
    }

    fn value(&mut self) -> Option<Node> {
        let (tok, start, end) = self.next()?;
        match tok {
            Tok::Punct(open @ (b'(' | b'[' | b'{')) => self.group(None, open, start),
            Tok::Punct(_) => None,
            Tok::Atom => {
                let is_name = self.text[start..end]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
                    && self.bytes[start].is_ascii_alphabetic();
                match self.peek()? {
                    Some((Tok::Punct(b'('), open_at, after)) if is_name => {
                        self.at = after;
                        self.group(Some(start..end), b'(', open_at)
                    }
                    _ => Some(Node {
                        span: start..end,
                        group: None,
                    }),
                }
            }
        }
    }

    fn group(&mut self, name: Option<Range<usize>>, open: u8, open_at: usize) -> Option<Node> {
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        let start = name.as_ref().map_or(open_at, |n| n.start);
        let mut items = Vec::new();
        loop {
            if let Some(at) = self.eat(close)? {
                return Some(Node {
                    span: start..at + 1,
                    group: Some(Group {
                        name,
                        open,
                        open_at,
                        close_at: at,
                        items,
                    }),
                });
            }
            let first = self.value()?;
            let (key, value) = match self.eat(b':')? {
                Some(_) => (Some(first), self.value()?),
                None => (None, first),
            };
            let comma = self.eat(b',')?;
            let closes_next = matches!(self.peek()?, Some((Tok::Punct(p), _, _)) if p == close);
            if comma.is_none() && !closes_next {
                return None;
            }
            items.push(Item { key, value, comma });
        }
    }
}

/// The value as one line: `key: value` items joined by `, `, no trailing comma. Equal values
/// (written with the same serialiser) give equal text, whatever their layout.
pub fn flat(text: &str, node: &Node) -> String {
    let mut out = String::new();
    write_flat(text, node, &mut out);
    out
}

fn write_flat(text: &str, node: &Node, out: &mut String) {
    let Some(g) = &node.group else {
        out.push_str(&text[node.span.clone()]);
        return;
    };
    if let Some(n) = &g.name {
        out.push_str(&text[n.clone()]);
    }
    out.push(char::from(g.open));
    for (i, item) in g.items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if let Some(k) = &item.key {
            write_flat(text, k, out);
            out.push_str(": ");
        }
        write_flat(text, &item.value, out);
    }
    out.push(char::from(text.as_bytes()[node.span.end - 1]));
}

/// Whether two values are the same, whatever their layout and comments.
pub fn same(ta: &str, a: &Node, tb: &str, b: &Node) -> bool {
    match (&a.group, &b.group) {
        (None, None) => ta[a.span.clone()] == tb[b.span.clone()],
        (Some(x), Some(y)) => {
            x.open == y.open
                && x.name.as_ref().map(|n| &ta[n.clone()])
                    == y.name.as_ref().map(|n| &tb[n.clone()])
                && x.items.len() == y.items.len()
                && x.items
                    .iter()
                    .zip(&y.items)
                    .all(|(i, j)| match (&i.key, &j.key) {
                        (None, None) => true,
                        (Some(k), Some(l)) => same(ta, k, tb, l),
                        _ => false,
                    })
                && x.items
                    .iter()
                    .zip(&y.items)
                    .all(|(i, j)| same(ta, &i.value, tb, &j.value))
        }
        _ => false,
    }
}

/// The start of the line `at` is on.
pub fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |n| n + 1)
}

/// The end of the line `at` is on (the position of its `\n`, or the end of the text).
pub fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n)
}

/// The whitespace that starts the line `at` is on.
pub fn indent_at(text: &str, at: usize) -> &str {
    let start = line_start(text, at);
    let line = &text[start..line_end(text, start)];
    &line[..line.len() - line.trim_start().len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_comments_and_flat_text() {
        let text = "#![enable(implicit_some)]\n// top\n(\n    a: 1, /* b */ b: Some(\"x, y\"), // c\n    c: [r#\"raw\"#, 'q', Cidr(\"10.0.0.0/8\"),],\n    d: {\"k\": (x: -1.5e3)},\n)\n";
        let doc = parse(text).unwrap();
        let comments: Vec<&str> = doc.comments.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(comments, ["// top", "/* b */", "// c"]);
        let g = doc.root.group.as_ref().unwrap();
        assert!(g.keyed());
        let (_, b) = g.field(text, "b").unwrap();
        assert_eq!(&text[b.value.span.clone()], "Some(\"x, y\")");
        assert_eq!(
            flat(text, &doc.root),
            "(a: 1, b: Some(\"x, y\"), c: [r#\"raw\"#, 'q', Cidr(\"10.0.0.0/8\")], d: {\"k\": (x: -1.5e3)})"
        );
        let compact =
            "(a:1,b:Some(\"x, y\"),c:[r#\"raw\"#,'q',Cidr(\"10.0.0.0/8\")],d:{\"k\":(x:-1.5e3)})";
        let other = parse(compact).unwrap();
        assert!(same(text, &doc.root, compact, &other.root));
        let changed = parse("(a:2,b:Some(\"x, y\"),c:[],d:{})").unwrap();
        assert!(!same(
            text,
            &doc.root,
            "(a:2,b:Some(\"x, y\"),c:[],d:{})",
            &changed.root
        ));
        assert_eq!(indent_at(text, text.find("c: [").unwrap()), "    ");
    }

    #[test]
    fn what_it_cannot_read_is_refused() {
        for bad in [
            "(a: 1",
            "(a: 1))",
            "(a: 1 b: 2)",
            "(a: \"x)",
            "(a: /* x)",
            "(a: 1) x",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
    }
}
