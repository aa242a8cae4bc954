//! Reading a large scenario on several threads. ron reads one value from start to end, and a
//! quota-sized scenario is mostly its route tables, so: find the `route_tables` list with a
//! lexical scan, read everything else (the file with that list emptied) on this thread, and the
//! list in pieces of whole tables on every core, then put the tables back in order.
//!
//! This is only a shortcut to the value the ordinary parse gives. Anything unusual (extensions
//! enabled in the file, raw strings, chars, identifiers outside ASCII) and every error make the
//! caller parse the whole text the ordinary way, so errors and their positions never change.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{RouteTable, Scenario};

/// The `route_tables` list: the positions of its brackets, and of the commas between its
/// elements.
#[derive(Debug, PartialEq)]
struct List {
    open: usize,
    close: usize,
    commas: Vec<usize>,
}

/// Where the lexical scan is, between tokens.
struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Scan<'_> {
    /// Skip whitespace and comments (nested block comments included); `None` at text this scan
    /// does not handle.
    fn skip_ws(&mut self) -> Option<()> {
        let b = self.bytes;
        loop {
            match b.get(self.at) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') => match b.get(self.at + 1)? {
                    b'/' => {
                        self.at = b[self.at..]
                            .iter()
                            .position(|&c| c == b'\n')
                            .map_or(b.len(), |n| self.at + n);
                    }
                    b'*' => {
                        let mut level = 0usize;
                        loop {
                            match (b.get(self.at)?, b.get(self.at + 1)) {
                                (b'/', Some(b'*')) => {
                                    level += 1;
                                    self.at += 2;
                                }
                                (b'*', Some(b'/')) => {
                                    level -= 1;
                                    self.at += 2;
                                    if level == 0 {
                                        break;
                                    }
                                }
                                _ => self.at += 1,
                            }
                        }
                    }
                    _ => return None,
                },
                _ => return Some(()),
            }
        }
    }

    /// Skip the string that starts here, escapes included.
    fn skip_string(&mut self) -> Option<()> {
        let b = self.bytes;
        // A quote right after an identifier character is a raw or byte string.
        if self.at > 0 && (is_ident(b[self.at - 1]) || b[self.at - 1] == b'#') {
            return None;
        }
        let mut i = self.at + 1;
        loop {
            match *b.get(i)? {
                b'\\' => i += 2,
                b'"' => {
                    self.at = i + 1;
                    return Some(());
                }
                _ => i += 1,
            }
        }
    }
}

/// Find the top-level struct's `route_tables` list in `text`.
fn find_route_tables(text: &str) -> Option<List> {
    let mut s = Scan {
        bytes: text.as_bytes(),
        at: 0,
    };
    s.skip_ws()?;
    // The top-level value is an unnamed struct (no extension attributes, no struct name).
    if s.bytes.get(s.at) != Some(&b'(') {
        return None;
    }
    s.at += 1;
    let mut depth = 1usize;
    // At depth 1: the next identifier is a key (after `(` or `,`).
    let mut key_next = true;
    // 0: nothing; 1: the key `route_tables` was read; 2: and its colon.
    let mut found = 0u8;
    loop {
        s.skip_ws()?;
        let c = *s.bytes.get(s.at)?;
        match c {
            b'"' => {
                s.skip_string()?;
                found = 0;
                key_next = false;
                continue;
            }
            b'[' if depth == 1 && found == 2 => return list_at(&mut s),
            b'(' | b'[' | b'{' => {
                depth += 1;
                found = 0;
                key_next = false;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    // The end of the top-level struct without the list.
                    return None;
                }
            }
            b',' => {
                key_next = depth == 1;
                found = 0;
            }
            b':' => {
                found = if found == 1 { 2 } else { 0 };
            }
            _ if is_ident(c) => {
                let start = s.at;
                while s.bytes.get(s.at).copied().is_some_and(is_ident) {
                    s.at += 1;
                }
                found = u8::from(depth == 1 && key_next && &text[start..s.at] == "route_tables");
                key_next = false;
                continue;
            }
            b'-' | b'+' | b'.' => {}
            // Chars, raw identifiers, attributes, anything outside ASCII: not this scan's job.
            _ => return None,
        }
        s.at += 1;
    }
}

/// Bytes that neither open nor close anything: identifiers, numbers, whitespace, colons.
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        plain[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'_' | b' ' | b'\t' | b'\n' | b'\r' | b':' | b'.' | b'-' | b'+'
            );
        b += 1;
    }
    plain
};

/// The list whose `[` is at `s.at`: its close and the commas between its elements. Most of a
/// large scenario is this list, so the scan runs over plain bytes in a tight loop.
fn list_at(s: &mut Scan) -> Option<List> {
    let open = s.at;
    let mut commas = Vec::new();
    let mut depth = 1usize;
    s.at += 1;
    loop {
        while s.bytes.get(s.at).is_some_and(|&b| PLAIN[usize::from(b)]) {
            s.at += 1;
        }
        match *s.bytes.get(s.at)? {
            b'"' => {
                s.skip_string()?;
                continue;
            }
            b'/' => {
                s.skip_ws()?;
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            c @ (b')' | b']' | b'}') => {
                depth -= 1;
                if depth == 0 {
                    return (c == b']').then_some(List {
                        open,
                        close: s.at,
                        commas,
                    });
                }
            }
            b',' if depth == 1 => commas.push(s.at),
            b',' => {}
            _ => return None,
        }
        s.at += 1;
    }
}

/// Parse `text` as [`super::from_ron_str`] would, reading the route tables in about `pieces`
/// pieces on up to `threads` threads; `None` when that cannot be done (then parse the ordinary
/// way: this never reports an error itself).
pub(super) fn parse(
    text: &str,
    options: &ron::Options,
    pieces: usize,
    threads: usize,
) -> Option<Scenario> {
    let list = find_route_tables(text)?;
    // Cut the list after the commas that come closest to even pieces.
    let interior = list.open + 1..list.close;
    let step = interior.len().div_ceil(pieces.max(1)).max(1);
    let mut ranges = Vec::new();
    let mut start = interior.start;
    for &comma in &list.commas {
        if comma + 1 - start >= step {
            ranges.push(start..comma + 1);
            start = comma + 1;
        }
    }
    ranges.push(start..interior.end);

    let mut rest = String::with_capacity(text.len() - interior.len());
    rest.push_str(&text[..interior.start]);
    rest.push_str(&text[interior.end..]);

    let next = AtomicUsize::new(0);
    let parsed: Vec<Mutex<Option<Vec<RouteTable>>>> =
        ranges.iter().map(|_| Mutex::new(None)).collect();
    let work = || {
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(range) = ranges.get(k) else {
                return;
            };
            let mut piece = String::with_capacity(range.len() + 2);
            piece.push('[');
            piece.push_str(&text[range.clone()]);
            piece.push(']');
            let tables = options.from_str::<Vec<RouteTable>>(&piece).ok();
            let failed = tables.is_none();
            *parsed[k].lock().unwrap_or_else(|e| e.into_inner()) = tables;
            if failed {
                // Stop the others early: the whole text will be parsed again anyway.
                next.store(ranges.len(), Ordering::Relaxed);
                return;
            }
        }
    };
    let scenario = std::thread::scope(|scope| {
        for _ in 1..threads.min(ranges.len()) {
            scope.spawn(work);
        }
        let scenario = options.from_str::<Scenario>(&rest).ok();
        if scenario.is_none() {
            next.store(ranges.len(), Ordering::Relaxed);
        }
        work();
        scenario
    });
    let mut scenario = scenario?;
    if !scenario.route_tables.is_empty() {
        return None;
    }
    for piece in parsed {
        let tables = piece.into_inner().unwrap_or_else(|e| e.into_inner())?;
        scenario.route_tables.extend(tables);
    }
    Some(scenario)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::model::{Destination, Route, Target};

    fn options() -> ron::Options {
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
    }

    fn scenario_texts() -> Vec<(String, String)> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        let mut texts: Vec<(String, String)> = std::fs::read_dir(dir)
            .expect("scenarios/")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .map(|p| {
                let text = std::fs::read_to_string(&p).expect("readable");
                (p.display().to_string(), text)
            })
            .collect();
        texts.sort();
        texts
    }

    #[test]
    fn finds_the_list_past_strings_and_comments() {
        let text = r#"// route_tables: [
            ( /* route_tables: [ /* nested */ */
              title: "route_tables: [(", route_tables : // here
              [(id: "a"), (id: "b", routes: [(x: 1), (x: 2)]), ], expect: [])"#;
        let list = find_route_tables(text).expect("found");
        assert_eq!(&text[list.open..=list.open], "[");
        assert_eq!(&text[list.close..], "], expect: [])");
        let after: Vec<char> = (list.commas.iter())
            .filter_map(|&c| text[c + 1..].trim_start().chars().next())
            .collect();
        assert_eq!(after, ['(', ']']);
        for unusual in [
            "#![enable(implicit_some)] (route_tables: [])",
            "Scenario(route_tables: [])",
            r##"(title: r#"x"#, route_tables: [])"##,
            "(title: 'x', route_tables: [])",
            "(title: \"x\")",
            "(route_tables: (x: 1))",
        ] {
            assert_eq!(find_route_tables(unusual), None, "{unusual}");
        }
    }

    #[test]
    fn every_scenario_reads_the_same_in_pieces() {
        for (name, text) in scenario_texts() {
            let whole: Scenario = options().from_str(&text).expect(&name);
            for pieces in [1, 2, 3, 50] {
                let split = parse(&text, &options(), pieces, 2);
                assert_eq!(split.as_ref(), Some(&whole), "{name} in {pieces} pieces");
            }
        }
    }

    #[test]
    fn a_large_text_is_read_in_pieces_as_a_whole() {
        let (name, text) = &scenario_texts()[0];
        let mut scenario: Scenario = options().from_str(text).expect(name);
        for t in 0..1_000u32 {
            scenario.route_tables.push(RouteTable {
                ipv6_routes: Default::default(),
                id: format!("rtb-copy-{t}"),
                name: None,
                main: false,
                subnets: Vec::new(),
                gateways: Vec::new(),
                routes: (0..20u32)
                    .map(|r| Route {
                        destination: Destination::Cidr(
                            ipnet::Ipv4Net::new((100 << 24 | t << 8 | r << 16).into(), 24)
                                .expect("valid"),
                        ),
                        target: Target::TransitGateway("tgw-1".into()),
                    })
                    .collect(),
            });
        }
        let text = crate::model::to_ron_string(&scenario);
        assert!(text.len() >= super::super::load::PARALLEL_BYTES);
        assert_eq!(parse(&text, &options(), 8, 2).as_ref(), Some(&scenario));
        let read = crate::model::from_ron_str(&text, Path::new("large.ron")).expect("reads");
        assert_eq!(read, scenario);
    }

    proptest! {
        /// Damaged text: the pieces give the whole parse's value, or nothing.
        #[test]
        fn damaged_text_reads_the_same_or_not_at_all(
            file in 0usize..100,
            at in 0usize..100_000,
            cut in 0usize..4,
            insert in prop::sample::select(vec!["", ",", "]", "[", "(", ")", "\"", "/*", "//", "route_tables: [],", "x"]),
        ) {
            let texts = scenario_texts();
            let text = &texts[file % texts.len()].1;
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let damaged = format!("{}{insert}{}", &text[..at], &text[end..]);
            let whole = options().from_str::<Scenario>(&damaged).ok();
            if let Some(split) = parse(&damaged, &options(), 3, 2) {
                prop_assert_eq!(Some(split), whole);
            }
        }
    }
}
