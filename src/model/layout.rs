//! The layout [`super::to_ron_string`] writes, the one the files in `scenarios/` use: what fits
//! on a line (a subnet, a route, an instance) takes one line; a list or a struct that does not
//! fit takes a line per item; a struct whose last field is a long list (a route table and its
//! routes) starts that list on its own first line. Compact enough to keep a quota-sized
//! scenario small and quick to read back, and close to what a person writes.
//!
//! It lays out the compact text ron writes, token by token: the values are ron's own, only
//! whitespace between tokens is added, so the text reads back as the same scenario.

/// Lines are kept within this many columns where the values allow.
const WIDTH: usize = 120;
const INDENT: &str = "    ";

/// A value: a token, or a bracketed group (with the enum variant or struct name before it).
enum Node<'a> {
    Atom(&'a str),
    Group(Group<'a>),
}

struct Group<'a> {
    prefix: &'a str,
    open: u8,
    close: u8,
    items: Vec<Item<'a>>,
    /// Columns the group takes on one line.
    flat: usize,
}

struct Item<'a> {
    key: Option<&'a str>,
    value: Node<'a>,
}

impl Node<'_> {
    fn flat(&self) -> usize {
        match self {
            Node::Atom(a) => a.len(),
            Node::Group(g) => g.flat,
        }
    }
}

impl Item<'_> {
    fn flat(&self) -> usize {
        self.key.map_or(0, |k| k.len() + 2) + self.value.flat()
    }
}

/// Lay out `compact` (ron's output without pretty-printing); `None` if it holds anything this
/// layout does not know (then the caller falls back to ron's own pretty printer).
pub(super) fn relayout(compact: &str) -> Option<String> {
    let mut lexer = Lexer {
        text: compact,
        at: 0,
    };
    let top = lexer.value()?;
    if lexer.peek().is_some() {
        return None;
    }
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut w = Writer { out: &mut out };
    match &top {
        Node::Group(g) if !g.items.is_empty() => w.broken(g, 0, 0),
        other => w.node(other, 0, 0, 0, 1),
    }
    out.push('\n');
    Some(out)
}

/// The bytes that end an atom: brackets, separators, quotes and white space (a table, since
/// every byte of an 18 MB scenario passes here).
const ENDS_ATOM: [bool; 256] = {
    let mut table = [false; 256];
    let ends = b"()[]{},:\"' \t\r\n";
    let mut i = 0;
    while i < ends.len() {
        table[ends[i] as usize] = true;
        i += 1;
    }
    table
};

struct Lexer<'a> {
    text: &'a str,
    at: usize,
}

/// A token: punctuation, a string or an atom (identifier, number).
#[derive(Clone, Copy, PartialEq)]
enum Token<'a> {
    Punct(u8),
    Text(&'a str),
}

impl<'a> Lexer<'a> {
    fn skip_ws(&mut self) {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() && bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    /// The next token without consuming it; `None` at the end or at text this layout does not
    /// handle (raw and byte strings, chars, comments).
    fn peek(&mut self) -> Option<(Token<'a>, usize)> {
        self.skip_ws();
        let bytes = self.text.as_bytes();
        let start = self.at;
        let first = *bytes.get(start)?;
        match first {
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' => {
                Some((Token::Punct(first), start + 1))
            }
            b'"' => {
                let mut i = start + 1;
                loop {
                    match *bytes.get(i)? {
                        b'\\' => i += 2,
                        b'"' => return Some((Token::Text(&self.text[start..=i]), i + 1)),
                        _ => i += 1,
                    }
                }
            }
            b'\'' | b'/' | b'#' => None,
            _ => {
                let end = bytes[start..]
                    .iter()
                    .position(|&b| ENDS_ATOM[usize::from(b)])
                    .map_or(bytes.len(), |n| start + n);
                // A quote right after an atom is a raw or byte string.
                if matches!(bytes.get(end), Some(b'"' | b'\'')) {
                    return None;
                }
                Some((Token::Text(&self.text[start..end]), end))
            }
        }
    }

    fn next(&mut self) -> Option<Token<'a>> {
        let (token, end) = self.peek()?;
        self.at = end;
        Some(token)
    }

    fn eat(&mut self, punct: u8) -> bool {
        match self.peek() {
            Some((Token::Punct(p), end)) if p == punct => {
                self.at = end;
                true
            }
            _ => false,
        }
    }

    fn value(&mut self) -> Option<Node<'a>> {
        match self.next()? {
            Token::Punct(open @ (b'(' | b'[' | b'{')) => self.group("", open),
            Token::Punct(_) => None,
            Token::Text(t) => match (self.at, self.peek()) {
                // A variant or struct name directly before its bracket.
                (after, Some((Token::Punct(b'('), end))) if end == after + 1 => {
                    self.at = end;
                    self.group(t, b'(')
                }
                _ => Some(Node::Atom(t)),
            },
        }
    }

    fn group(&mut self, prefix: &'a str, open: u8) -> Option<Node<'a>> {
        let close = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        let mut items = Vec::new();
        while !self.eat(close) {
            let save = self.at;
            let key = match (self.next()?, self.next()) {
                (Token::Text(k), Some(Token::Punct(b':'))) => Some(k),
                _ => {
                    self.at = save;
                    None
                }
            };
            items.push(Item {
                key,
                value: self.value()?,
            });
            if !self.eat(b',') {
                if !self.eat(close) {
                    return None;
                }
                break;
            }
        }
        let flat = prefix.len()
            + 2
            + items.iter().map(Item::flat).sum::<usize>()
            + 2 * items.len().saturating_sub(1);
        Some(Node::Group(Group {
            prefix,
            open,
            close,
            items,
            flat,
        }))
    }
}

struct Writer<'o> {
    out: &'o mut String,
}

impl Writer<'_> {
    fn push_byte(&mut self, b: u8) {
        self.out.push(char::from(b));
    }

    fn newline(&mut self, indent: usize) {
        self.out.push('\n');
        for _ in 0..indent {
            self.out.push_str(INDENT);
        }
    }

    /// Write `node` at `depth` (0 for the top level), starting at column `col` on a line whose
    /// indentation is `indent` levels, with `trailing` columns to follow it on the line.
    fn node(&mut self, node: &Node, indent: usize, depth: usize, col: usize, trailing: usize) {
        match node {
            Node::Atom(a) => self.out.push_str(a),
            Node::Group(g) => {
                // The top-level lists of objects (subnets, instances, ...) take a line per
                // object even when they would fit on one, as in a file written by hand.
                let objects_at_top = depth == 1
                    && g.open == b'['
                    && g.items.iter().any(|i| matches!(i.value, Node::Group(_)));
                if g.items.is_empty() || (!objects_at_top && col + g.flat + trailing <= WIDTH) {
                    self.flat(node);
                } else if !self.hanging(g, indent, depth, col) {
                    self.broken(g, indent, depth);
                }
            }
        }
    }

    fn flat(&mut self, node: &Node) {
        match node {
            Node::Atom(a) => self.out.push_str(a),
            Node::Group(g) => {
                self.out.push_str(g.prefix);
                self.push_byte(g.open);
                for (i, item) in g.items.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    if let Some(k) = item.key {
                        self.out.push_str(k);
                        self.out.push_str(": ");
                    }
                    self.flat(&item.value);
                }
                self.push_byte(g.close);
            }
        }
    }

    /// One item per line, one level deeper, each with a trailing comma.
    fn broken(&mut self, g: &Group, indent: usize, depth: usize) {
        self.out.push_str(g.prefix);
        self.push_byte(g.open);
        for item in &g.items {
            self.newline(indent + 1);
            let mut col = (indent + 1) * INDENT.len();
            if let Some(k) = item.key {
                self.out.push_str(k);
                self.out.push_str(": ");
                col += k.len() + 2;
            }
            self.node(&item.value, indent + 1, depth + 1, col, 1);
            self.out.push(',');
        }
        self.newline(indent);
        self.push_byte(g.close);
    }

    /// A struct whose fields fit on the line up to its last one, a list: the list's items go on
    /// the following lines (`(id: "rtb-a", routes: [` … `])`). Returns whether it applied.
    fn hanging(&mut self, g: &Group, indent: usize, depth: usize, col: usize) -> bool {
        let Some((last, head)) = g.items.split_last() else {
            return false;
        };
        let Node::Group(list) = &last.value else {
            return false;
        };
        let head_flat: usize = head.iter().map(|i| i.flat() + 2).sum();
        // Up to and including the list's opening bracket.
        let head_width = g.prefix.len() + 1 + head_flat + last.flat() - list.flat + 1;
        let fits = col + head_width <= WIDTH;
        if depth == 0
            || g.open != b'('
            || list.open != b'['
            || list.items.is_empty()
            || g.items.iter().any(|i| i.key.is_none())
            || !fits
        {
            return false;
        }
        self.out.push_str(g.prefix);
        self.push_byte(g.open);
        for item in head {
            self.flat_item(item);
            self.out.push_str(", ");
        }
        if let Some(k) = last.key {
            self.out.push_str(k);
            self.out.push_str(": ");
        }
        self.push_byte(list.open);
        for item in &list.items {
            self.newline(indent + 1);
            let col = (indent + 1) * INDENT.len();
            self.node(&item.value, indent + 1, depth + 2, col, 1);
            self.out.push(',');
        }
        self.newline(indent);
        self.push_byte(list.close);
        self.push_byte(g.close);
        true
    }

    fn flat_item(&mut self, item: &Item) {
        if let Some(k) = item.key {
            self.out.push_str(k);
            self.out.push_str(": ");
        }
        self.flat(&item.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_take_a_line_long_lists_hang() {
        let compact = r#"(title:"t",vpc:(id:"vpc-1",cidrs:["10.0.0.0/16"]),subnets:[(id:"subnet-a",az:"us-east-1a",cidr:"10.0.0.0/24")],route_tables:[(id:"rtb-main",main:true,routes:[(destination:Cidr("0.0.0.0/0"),target:NatGateway("nat-a")),(destination:Cidr("10.9.0.0/16"),target:VpcPeering("pcx-1"))])],what_if:(failed_azs:["us-east-1a"]),expect:[])"#;
        let text = relayout(compact).unwrap();
        assert_eq!(
            text,
            r#"(
    title: "t",
    vpc: (id: "vpc-1", cidrs: ["10.0.0.0/16"]),
    subnets: [
        (id: "subnet-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
    ],
    route_tables: [
        (id: "rtb-main", main: true, routes: [
            (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a")),
            (destination: Cidr("10.9.0.0/16"), target: VpcPeering("pcx-1")),
        ]),
    ],
    what_if: (failed_azs: ["us-east-1a"]),
    expect: [],
)
"#
        );
    }

    #[test]
    fn a_long_struct_takes_a_line_per_field_and_strings_stay_whole() {
        let long = "x".repeat(WIDTH);
        let compact =
            format!(r#"(expect:[(from:"a, b: (c)",source:"{long}",notes:["n\"1\\"]),(a:1)])"#);
        let text = relayout(&compact).unwrap();
        assert_eq!(
            text,
            format!(
                r#"(
    expect: [
        (
            from: "a, b: (c)",
            source: "{long}",
            notes: ["n\"1\\"],
        ),
        (a: 1),
    ],
)
"#
            )
        );
    }

    #[test]
    fn what_it_does_not_know_is_left_to_ron() {
        assert!(relayout(r#"(a:r"raw")"#).is_none());
        assert!(relayout(r#"(a:'c')"#).is_none());
        assert!(relayout(r#"(a:1"#).is_none());
        assert!(relayout(r#"(a:1))"#).is_none());
        assert!(relayout("#![enable(implicit_some)] (a:1)").is_none());
    }
}
