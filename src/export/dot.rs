//! Writing the graph as Graphviz DOT.

use std::fmt::Write;

use super::{Graph, Shape, Style};

impl Graph {
    /// Graphviz DOT.
    pub fn dot(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "digraph vpc {{");
        let _ = writeln!(out, "  label={};", dot_str(&self.title));
        let _ = writeln!(out, "  labelloc=t;\n  rankdir=LR;\n  compound=true;");
        let _ = writeln!(out, "  node [fontname=\"Helvetica\", fontsize=10];");
        let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];");
        self.dot_level(&mut out, None, 1);
        for e in &self.edges {
            let mut attrs = vec![format!("label={}", dot_str(&e.label))];
            match e.style {
                Style::Solid => {}
                Style::Dashed => attrs.push("style=dashed".into()),
                Style::Path => {
                    attrs.push("color=\"#dc2626\"".into());
                    attrs.push("fontcolor=\"#dc2626\"".into());
                    attrs.push("penwidth=3".into());
                }
            }
            let _ = writeln!(
                out,
                "  {} -> {} [{}];",
                dot_str(&e.from),
                dot_str(&e.to),
                attrs.join(", ")
            );
        }
        out.push_str("}\n");
        out
    }

    fn dot_level(&self, out: &mut String, parent: Option<usize>, depth: usize) {
        let pad = "  ".repeat(depth);
        let (clusters, nodes) = self.children(parent);
        for n in nodes {
            let shape = match n.shape {
                Shape::Subnet => "box3d",
                Shape::Box => "box",
                Shape::RouteTable => "note",
                Shape::Gateway => "hexagon",
                Shape::Outside => "ellipse",
            };
            let mut attrs = format!("label={}, shape={shape}", dot_str(&n.label));
            if self.on_path.contains(&n.id) {
                attrs.push_str(", style=filled, fillcolor=\"#fde68a\", color=\"#dc2626\"");
            }
            let _ = writeln!(out, "{pad}{} [{attrs}];", dot_str(&n.id));
        }
        for c in clusters {
            let _ = writeln!(out, "{pad}subgraph cluster_{c} {{");
            let _ = writeln!(out, "{pad}  label={};", dot_str(&self.clusters[c].label));
            self.dot_level(out, Some(c), depth + 1);
            let _ = writeln!(out, "{pad}}}");
        }
    }
}

pub(super) fn dot_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
