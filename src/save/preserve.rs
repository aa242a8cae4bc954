//! Saving an edited scenario into the text it was loaded from, so that the file keeps its
//! comments and layout (issue 15, case 2).
//!
//! The scenario as loaded (`A`) and as edited (`B`) are written with the same serialiser and
//! compared value by value: struct fields by name, list elements by `id` (or `name`) where every
//! element has one, else by longest common subsequence of their text. Only what differs is
//! changed in the original text (`O`), at the span of the value in `O`: a changed value is
//! replaced, a field that became non-default or an element that appeared is inserted in the
//! layout of its neighbours, a field that became default or an element that went away is
//! removed with its own leading comment lines. `Some(..)` written out in `O` is looked through.
//!
//! What a removed or replaced region held of comments is reported ([`Preserved::lost`]), so the
//! explorer can ask before writing. The result is read back and compared with the edited
//! scenario; when it differs (or `O` holds RON this module cannot follow), the file is written in
//! full, and [`Preserved::rewritten`] says so.

use std::ops::Range;
use std::path::Path;

use super::align::{Op, align, pair_changes};
use super::ron_spans::{self, Doc, Group, Item, Node, flat, indent_at, line_end, line_start, same};
use crate::model::{Scenario, from_ron_str, to_ron_string};

/// What to write for an edited scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Preserved {
    /// The new file content.
    pub text: String,
    /// The comments of the original text that `text` does not keep, as written.
    pub lost: Vec<String>,
    /// The original's layout could not be kept: `text` is the scenario written in full.
    pub rewritten: bool,
}

/// The text to save `scenario` as, keeping what it can of `original` (the text the scenario was
/// loaded from). Without an original, the scenario written in full, with nothing lost.
pub fn save_text(original: Option<&str>, scenario: &Scenario) -> Preserved {
    let full = to_ron_string(scenario);
    let Some(original) = original else {
        return Preserved {
            text: full,
            lost: Vec::new(),
            rewritten: false,
        };
    };
    match splice(original, scenario, &full) {
        Some((text, lost)) => Preserved {
            text,
            lost,
            rewritten: false,
        },
        None => Preserved {
            text: full,
            lost: comments_of(original),
            rewritten: true,
        },
    }
}

/// Every comment of `text` (line by line when it is not RON this module reads).
fn comments_of(text: &str) -> Vec<String> {
    match ron_spans::parse(text) {
        Some(doc) => doc
            .comments
            .iter()
            .map(|r| text[r.clone()].into())
            .collect(),
        None => text
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("//"))
            .map(String::from)
            .collect(),
    }
}

fn splice(original: &str, scenario: &Scenario, full: &str) -> Option<(String, Vec<String>)> {
    let o = ron_spans::parse(original)?;
    let loaded = from_ron_str(original, Path::new("original.ron")).ok()?;
    if &loaded == scenario {
        return Some((original.to_string(), Vec::new()));
    }
    let a_text = to_ron_string(&loaded);
    let a = ron_spans::parse(&a_text)?;
    let b = ron_spans::parse(full)?;
    let mut diff = Diff {
        o: original,
        a: &a_text,
        b: full,
        patches: Vec::new(),
    };
    diff.node(&o.root, &a.root, &b.root)?;
    if original.contains("\r\n") {
        // A file with Windows line ends gets them in what is inserted too.
        for p in &mut diff.patches {
            p.with = p.with.replace('\n', "\r\n");
        }
    }
    let text = apply(original, &mut diff.patches)?;
    let back = from_ron_str(&text, Path::new("saved.ron")).ok()?;
    if &back != scenario {
        return None;
    }
    Some((text, lost(original, &o, &diff.patches)))
}

/// A change to the original text: `range` replaced by `with`.
#[derive(Debug)]
struct Patch {
    range: Range<usize>,
    with: String,
}

struct Diff<'t> {
    o: &'t str,
    a: &'t str,
    b: &'t str,
    patches: Vec<Patch>,
}

impl Diff<'_> {
    fn patch(&mut self, range: Range<usize>, with: String) {
        self.patches.push(Patch { range, with });
    }

    /// Make `o` (the original's value) say what `b` says, given that it said what `a` says.
    fn node(&mut self, o: &Node, a: &Node, b: &Node) -> Option<()> {
        if same(self.a, a, self.b, b) {
            return Some(());
        }
        let o = self.unwrap_some(o, a);
        let (Some(og), Some(ag), Some(bg)) = (&o.group, &a.group, &b.group) else {
            self.replace(o, b);
            return Some(());
        };
        let name = |t: &str, g: &Group| g.name.clone().map(|n| t[n].to_string());
        if ag.open != bg.open || og.open != ag.open || name(self.a, ag) != name(self.b, bg) {
            self.replace(o, b);
            return Some(());
        }
        if og.items.is_empty() || bg.items.is_empty() {
            self.replace(o, b);
            return Some(());
        }
        if ag.open == b'[' {
            return self.list(o, b, og, ag, bg);
        }
        if ag.keyed() && bg.keyed() && og.keyed() {
            return self.fields(og, ag, bg);
        }
        if og.items.len() == ag.items.len() && ag.items.len() == bg.items.len() {
            for ((oi, ai), bi) in og.items.iter().zip(&ag.items).zip(&bg.items) {
                self.node(&oi.value, &ai.value, &bi.value)?;
            }
            return Some(());
        }
        self.replace(o, b);
        Some(())
    }

    /// `Some(x)` written out in the original, where the serialiser writes `x`.
    fn unwrap_some<'n>(&self, mut o: &'n Node, a: &Node) -> &'n Node {
        let is_some = |t: &str, n: &Node| {
            n.group.as_ref().is_some_and(|g| {
                g.name.as_ref().is_some_and(|r| &t[r.clone()] == "Some")
                    && g.items.len() == 1
                    && g.items[0].key.is_none()
            })
        };
        while is_some(self.o, o) && !is_some(self.a, a) {
            o = &o.group.as_ref().expect("checked").items[0].value;
        }
        o
    }

    fn replace(&mut self, o: &Node, b: &Node) {
        let indent = indent_at(self.o, o.span.start).to_string();
        let with = self.render(b.span.clone(), &indent);
        self.patch(o.span.clone(), with);
    }

    /// `B`'s text at `range`, its continuation lines indented for a line indented `indent`.
    fn render(&self, range: Range<usize>, indent: &str) -> String {
        let base = indent_at(self.b, range.start);
        let mut out = String::new();
        for (i, line) in self.b[range].split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
                out.push_str(indent);
                out.push_str(line.strip_prefix(base).unwrap_or(line));
            } else {
                out.push_str(line);
            }
        }
        out
    }

    fn item_text(&self, item: &Item, indent: &str) -> String {
        self.render(item.start()..item.end(), indent)
    }

    fn fields(&mut self, og: &Group, ag: &Group, bg: &Group) -> Option<()> {
        let key = |t: &str, i: &Item| i.key.as_ref().map(|k| t[k.span.clone()].to_string());
        let mut deleted = Vec::new();
        for ai in &ag.items {
            let k = key(self.a, ai)?;
            if bg.field(self.b, &k).is_none()
                && let Some((i, _)) = og.field(self.o, &k)
            {
                deleted.push(i);
            }
        }
        deleted.sort_unstable();
        for (n, bi) in bg.items.iter().enumerate() {
            let k = key(self.b, bi)?;
            match (ag.field(self.a, &k), og.field(self.o, &k)) {
                (Some((_, ai)), Some((_, oi))) => self.node(&oi.value, &ai.value, &bi.value)?,
                (None, Some((_, oi))) => {
                    let o = self.unwrap_some(&oi.value, &bi.value);
                    if !same(self.o, o, self.b, &bi.value) {
                        self.replace(o, &bi.value);
                    }
                }
                (Some((_, ai)), None) if same(self.a, &ai.value, self.b, &bi.value) => {}
                (_, None) => {
                    // Before the next field of B's order that the original has.
                    let before = bg.items[n + 1..]
                        .iter()
                        .filter_map(|x| og.field(self.o, &key(self.b, x)?))
                        .map(|(i, _)| i)
                        .find(|i| !deleted.contains(i));
                    self.insert(og, bi, before, &deleted);
                }
            }
        }
        self.delete(og, &deleted);
        Some(())
    }

    fn list(&mut self, o: &Node, b: &Node, og: &Group, ag: &Group, bg: &Group) -> Option<()> {
        if og.items.len() != ag.items.len() {
            return None;
        }
        let ids = |t: &str, g: &Group| -> Option<Vec<String>> {
            g.items
                .iter()
                .map(|i| {
                    let g = i.value.group.as_ref()?;
                    let (_, f) = g.field(t, "id").or_else(|| g.field(t, "name"))?;
                    Some(t[f.value.span.clone()].to_string())
                })
                .collect()
        };
        let (ka, kb, keyed) = match (ids(self.a, ag), ids(self.b, bg)) {
            (Some(ka), Some(kb)) => (ka, kb, true),
            _ => {
                let texts = |t: &str, g: &Group| -> Vec<String> {
                    g.items.iter().map(|i| flat(t, &i.value)).collect()
                };
                (texts(self.a, ag), texts(self.b, bg), false)
            }
        };
        let mut ops = align(&ka, &kb);
        if !keyed {
            ops = pair_changes(ops);
        }
        let deleted: Vec<usize> = ops
            .iter()
            .filter_map(|op| match op {
                Op::Delete(i) => Some(*i),
                _ => None,
            })
            .collect();
        if deleted.len() == og.items.len() {
            // Nothing is kept: the list is written anew.
            self.replace(o, b);
            return Some(());
        }
        for (n, op) in ops.iter().enumerate() {
            match *op {
                Op::Keep(i, j) => {
                    self.node(&og.items[i].value, &ag.items[i].value, &bg.items[j].value)?
                }
                Op::Delete(_) => {}
                Op::Insert(j) => {
                    let before = ops[n + 1..].iter().find_map(|op| match op {
                        Op::Keep(i, _) => Some(*i),
                        _ => None,
                    });
                    self.insert(og, &bg.items[j], before, &deleted);
                }
            }
        }
        self.delete(og, &deleted);
        Some(())
    }

    /// Whether each item of `g` is on lines of its own.
    fn own_lines(&self, g: &Group) -> bool {
        g.items.iter().all(|i| {
            self.o[line_start(self.o, i.start())..i.start()]
                .trim()
                .is_empty()
        })
    }

    /// An item on lines of its own: from its leading comment lines to the end of its last line.
    fn extent(&self, item: &Item) -> Range<usize> {
        let o = self.o;
        let mut start = line_start(o, item.start());
        while start > 0 {
            let above = line_start(o, start - 1);
            if !o[above..start - 1].trim_start().starts_with("//") {
                break;
            }
            start = above;
        }
        let after = item.comma.map_or(item.end(), |c| c + 1);
        let eol = line_end(o, after);
        let rest = o[after..eol].trim_start();
        let end = if rest.is_empty() || rest.starts_with("//") {
            (eol + 1).min(o.len())
        } else {
            after
        };
        start..end
    }

    /// Put `B`'s item into `og` before its item `before` (at the end when `None`). `dropping`:
    /// the items of `og` that are removed at the end (a comma is not added after those).
    fn insert(&mut self, og: &Group, item: &Item, before: Option<usize>, dropping: &[usize]) {
        if self.own_lines(og) {
            match before {
                Some(k) => {
                    let at = self.extent(&og.items[k]).start;
                    let indent = indent_at(self.o, og.items[k].start()).to_string();
                    let text = format!("{indent}{},\n", self.item_text(item, &indent));
                    self.patch(at..at, text);
                }
                None => {
                    let n = og.items.len() - 1;
                    let last = &og.items[n];
                    let indent = indent_at(self.o, last.start()).to_string();
                    if last.comma.is_none() && !dropping.contains(&n) {
                        self.patch(last.end()..last.end(), ",".into());
                    }
                    let at = self.extent(last).end;
                    let body = self.item_text(item, &indent);
                    let text = if self.o[..at].ends_with('\n') {
                        format!("{indent}{body},\n")
                    } else {
                        format!("\n{indent}{body},")
                    };
                    self.patch(at..at, text);
                }
            }
        } else {
            let indent = indent_at(self.o, og.open_at).to_string();
            let body = self.item_text(item, &indent);
            match before {
                Some(k) => {
                    let at = og.items[k].start();
                    self.patch(at..at, format!("{body}, "));
                }
                None => {
                    let at = og.items[og.items.len() - 1].end();
                    self.patch(at..at, format!(", {body}"));
                }
            }
        }
    }

    /// Remove the items `which` (sorted) of `og`.
    fn delete(&mut self, og: &Group, which: &[usize]) {
        if which.is_empty() {
            return;
        }
        if which.len() == og.items.len() {
            // Nothing left: the brackets close on nothing.
            self.patch(og.open_at + 1..og.close_at, String::new());
            return;
        }
        if self.own_lines(og) {
            for &i in which {
                let r = self.extent(&og.items[i]);
                self.patch(r, String::new());
            }
            return;
        }
        // Runs of neighbours go together: up to the next item, or from the previous one.
        let mut k = 0;
        while k < which.len() {
            let first = which[k];
            let mut last = first;
            while k + 1 < which.len() && which[k + 1] == last + 1 {
                k += 1;
                last = which[k];
            }
            k += 1;
            let r = match og.items.get(last + 1) {
                Some(next) => og.items[first].start()..next.start(),
                None => og.items[first - 1].end()..og.items[last].end(),
            };
            self.patch(r, String::new());
        }
    }
}

/// The original with the patches made; `None` when two of them overlap.
fn apply(original: &str, patches: &mut [Patch]) -> Option<String> {
    patches.sort_by_key(|p| (p.range.start, p.range.end));
    let mut out = String::with_capacity(original.len() + 256);
    let mut at = 0;
    for p in patches.iter() {
        if p.range.start < at {
            return None;
        }
        out.push_str(&original[at..p.range.start]);
        out.push_str(&p.with);
        at = p.range.end;
    }
    out.push_str(&original[at..]);
    Some(out)
}

/// The comments the patches remove or replace.
fn lost(original: &str, doc: &Doc, patches: &[Patch]) -> Vec<String> {
    doc.comments
        .iter()
        .filter(|c| {
            patches
                .iter()
                .any(|p| p.range.start < c.end && c.start < p.range.end)
        })
        .map(|c| original[c.clone()].to_string())
        .collect()
}

#[cfg(test)]
#[path = "preserve_tests.rs"]
mod tests;
