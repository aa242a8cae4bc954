//! Writing the graph as a Mermaid flowchart.

use std::fmt::Write;

use super::{Graph, Shape, Style};

impl Graph {
    /// A Mermaid flowchart (renders on GitHub in a ```mermaid block).
    pub fn mermaid(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "---\ntitle: {}\n---", mermaid_title(&self.title));
        let _ = writeln!(out, "flowchart LR");
        self.mermaid_level(&mut out, None, 1);
        let mut path_links = Vec::new();
        for (k, e) in self.edges.iter().enumerate() {
            let arrow = match e.style {
                Style::Solid => "-->",
                Style::Dashed => "-.->",
                Style::Path => {
                    path_links.push(k.to_string());
                    "==>"
                }
            };
            let label = if e.label.is_empty() {
                String::new()
            } else {
                format!("|{}|", mermaid_str(&e.label))
            };
            let _ = writeln!(
                out,
                "  {} {arrow}{label} {}",
                mermaid_id(&e.from),
                mermaid_id(&e.to)
            );
        }
        let _ = writeln!(
            out,
            "  classDef path fill:#fde68a,stroke:#dc2626,stroke-width:2px"
        );
        if !self.on_path.is_empty() {
            let ids: Vec<String> = self.on_path.iter().map(|n| mermaid_id(n)).collect();
            let _ = writeln!(out, "  class {} path", ids.join(","));
        }
        if !path_links.is_empty() {
            let _ = writeln!(
                out,
                "  linkStyle {} stroke:#dc2626,stroke-width:3px",
                path_links.join(",")
            );
        }
        out
    }

    fn mermaid_level(&self, out: &mut String, parent: Option<usize>, depth: usize) {
        let pad = "  ".repeat(depth);
        let (clusters, nodes) = self.children(parent);
        for n in nodes {
            let label = mermaid_str(&n.label);
            let shape = match n.shape {
                Shape::Subnet => format!("[{label}]"),
                Shape::Box => format!("[{label}]"),
                Shape::RouteTable => format!("[/{label}/]"),
                Shape::Gateway => format!("{{{{{label}}}}}"),
                Shape::Outside => format!("(({label}))"),
            };
            let _ = writeln!(out, "{pad}{}{shape}", mermaid_id(&n.id));
        }
        for c in clusters {
            let label = &self.clusters[c].label;
            let label = if label.is_empty() { " " } else { label };
            let _ = writeln!(out, "{pad}subgraph c{c} [{}]", mermaid_str(label));
            self.mermaid_level(out, Some(c), depth + 1);
            let _ = writeln!(out, "{pad}end");
        }
    }
}

/// Mermaid node ids: letters, digits and `_` only, prefixed so that no id is a keyword (`end`).
pub(super) fn mermaid_id(id: &str) -> String {
    let mut out = String::from("n_");
    for c in id.chars() {
        out.push(if c.is_ascii_alphanumeric() { c } else { '_' });
    }
    out
}

/// A quoted Mermaid label: `"` becomes `#quot;`, a line break `<br/>`.
pub(super) fn mermaid_str(s: &str) -> String {
    let body = s
        .replace('"', "#quot;")
        .replace('\n', "<br/>")
        .replace('|', "#124;");
    format!("\"{body}\"")
}

/// A YAML double-quoted string for the front matter's title.
fn mermaid_title(s: &str) -> String {
    format!(
        "\"{}\"",
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', " ")
    )
}
