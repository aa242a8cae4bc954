//! Diagrams of a scenario's topology for docs and tickets: Graphviz DOT and Mermaid flowcharts,
//! with one evaluated path highlighted.
//!
//! [`Graph::new`] lays out what the model holds once (the VPC, its AZs, their subnets and what
//! lives in them, route tables and their routes, the regional things); [`Graph::dot`] and
//! [`Graph::mermaid`] only write it out.

use std::fmt::Write;

use crate::eval::{From, HopKind, PathTrace, Query, Verdict};
use crate::model::{Association, AvailabilityMode, Destination, Model, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Subnet,
    Box,
    RouteTable,
    Gateway,
    Outside,
}

#[derive(Debug, Clone)]
struct Node {
    id: String,
    label: String,
    shape: Shape,
    cluster: Option<usize>,
}

#[derive(Debug, Clone)]
struct Cluster {
    label: String,
    parent: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Solid,
    /// An implicit association with the main table, an edge association.
    Dashed,
    /// A step of the highlighted path.
    Path,
}

#[derive(Debug, Clone)]
struct Edge {
    from: String,
    to: String,
    label: String,
    style: Style,
}

/// The topology, ready to be written in either format.
#[derive(Debug, Clone)]
pub struct Graph {
    title: String,
    clusters: Vec<Cluster>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    /// Node ids on the highlighted path.
    on_path: Vec<String>,
}

const BLACKHOLE: &str = "blackhole";

impl Graph {
    /// The scenario's topology; with a trace (and the query it answers), its path highlighted.
    pub fn new(model: &Model, path: Option<(&Query, &PathTrace)>) -> Graph {
        let s = model.scenario();
        let mut g = Graph {
            title: s.title.clone().unwrap_or_else(|| s.vpc.id.clone()),
            clusters: Vec::new(),
            nodes: Vec::new(),
            edges: Vec::new(),
            on_path: Vec::new(),
        };
        let cidrs: Vec<String> = s.vpc.cidrs.iter().map(|c| c.to_string()).collect();
        let vpc = g.cluster(
            format!("{} {} ({})", s.vpc.id, cidrs.join(", "), s.region),
            None,
        );
        // AZs, subnets, and what lives in each subnet.
        let mut subnet_cluster = std::collections::HashMap::new();
        for az in &s.availability_zones {
            let label = match &az.id {
                Some(id) => format!("{} ({id})", az.name),
                None => az.name.clone(),
            };
            let c = g.cluster(label, Some(vpc));
            for sn in s.subnets.iter().filter(|x| x.az == az.name) {
                let sc = g.cluster(String::new(), Some(c));
                subnet_cluster.insert(sn.id.as_str(), sc);
                let label = match &sn.name {
                    Some(n) => format!("{} ({n})\n{}", sn.id, sn.cidr),
                    None => format!("{}\n{}", sn.id, sn.cidr),
                };
                g.node(&sn.id, label, Shape::Subnet, Some(sc));
            }
        }
        for i in &s.instances {
            let mut label = named(&i.id, i.name.as_deref());
            if let Some(ip) = i.private_ip {
                let _ = write!(label, "\n{ip}");
            }
            if i.public_ip {
                label.push_str(" + public IPv4");
            }
            g.node(
                &i.id,
                label,
                Shape::Box,
                subnet_cluster.get(i.subnet.as_str()).copied(),
            );
        }
        for n in &s.nat_gateways {
            let mut label = format!("NAT gateway\n{}", named(&n.id, n.name.as_deref()));
            if n.connectivity == crate::model::NatConnectivity::Private {
                label.push_str("\nprivate");
            }
            let cluster = match (n.availability_mode, &n.subnet) {
                (AvailabilityMode::Zonal, Some(sn)) => subnet_cluster.get(sn.as_str()).copied(),
                _ => {
                    label.push_str("\nregional");
                    Some(vpc)
                }
            };
            g.node(&n.id, label, Shape::Gateway, cluster);
        }
        for (ei, e) in s.interface_endpoints.iter().enumerate() {
            for sn in &e.subnets {
                let ip = model
                    .endpoint_enis(ei)
                    .iter()
                    .find(|eni| Some(eni.subnet) == model.subnet_index(&sn.subnet))
                    .map(|eni| format!("\n{}", eni.ip))
                    .unwrap_or_default();
                g.node(
                    &eni_node(&e.id, &sn.subnet),
                    format!("{} ENI\n{}{ip}", e.service, e.id),
                    Shape::Box,
                    subnet_cluster.get(sn.subnet.as_str()).copied(),
                );
            }
        }
        for e in &s.gwlb_endpoints {
            g.node(
                &e.id,
                format!("GWLB endpoint\n{}", e.id),
                Shape::Gateway,
                subnet_cluster.get(e.subnet.as_str()).copied(),
            );
        }
        for n in &s.network_interfaces {
            let mut label = format!("appliance ENI\n{}", n.id);
            if let Some(ip) = n.ip {
                let _ = write!(label, "\n{ip}");
            }
            g.node(
                &n.id,
                label,
                Shape::Box,
                subnet_cluster.get(n.subnet.as_str()).copied(),
            );
        }
        // Regional things.
        if let Some(igw) = &s.internet_gateway {
            g.node(
                &igw.id,
                format!("internet gateway\n{}", igw.id),
                Shape::Gateway,
                Some(vpc),
            );
        }
        for e in &s.gateway_endpoints {
            g.node(
                &e.id,
                format!("{} gateway endpoint\n{}", e.service, e.id),
                Shape::Gateway,
                Some(vpc),
            );
        }
        for t in &s.route_tables {
            let mut label = named(&t.id, t.name.as_deref());
            if t.main {
                label.push_str("\nmain table");
            }
            g.node(&t.id, label, Shape::RouteTable, Some(vpc));
        }
        // Associations.
        for (k, sn) in s.subnets.iter().enumerate() {
            let (t, how) = model.subnet_route_table(k);
            let style = match how {
                Association::Explicit => Style::Solid,
                Association::ImplicitMain => Style::Dashed,
            };
            g.edge(&sn.id, &s.route_tables[t].id, "", style);
        }
        for t in &s.route_tables {
            for gw in &t.gateways {
                g.edge(gw, &t.id, "edge association", Style::Dashed);
            }
        }
        // Routes (the local route is everywhere, so it is left out).
        for t in &s.route_tables {
            for r in &t.routes {
                let to = match &r.target {
                    Target::Local => continue,
                    Target::Blackhole => {
                        g.outside(BLACKHOLE, "blackhole");
                        BLACKHOLE.to_string()
                    }
                    Target::VpcPeering(id) => {
                        g.outside(id, &format!("peering connection\n{id}"));
                        id.to_string()
                    }
                    Target::TransitGateway(id) => {
                        g.outside(id, &format!("transit gateway\n{id}"));
                        id.to_string()
                    }
                    Target::VirtualPrivateGateway(id) => {
                        g.outside(id, &format!("virtual private gateway\n{id}"));
                        id.to_string()
                    }
                    other => other.id().unwrap_or_default().to_string(),
                };
                g.edge(&t.id, &to, &r.destination.to_string(), Style::Solid);
            }
        }
        for e in &s.gateway_endpoints {
            for t in &e.route_tables {
                let dest = Destination::PrefixList(e.service.clone()).to_string();
                g.edge(t, &e.id, &dest, Style::Solid);
            }
        }
        if let Some((query, trace)) = path {
            g.highlight(model, query, trace);
        }
        g
    }

    fn cluster(&mut self, label: String, parent: Option<usize>) -> usize {
        self.clusters.push(Cluster { label, parent });
        self.clusters.len() - 1
    }

    fn node(&mut self, id: &str, label: String, shape: Shape, cluster: Option<usize>) {
        if !self.nodes.iter().any(|n| n.id == id) {
            self.nodes.push(Node {
                id: id.to_string(),
                label,
                shape,
                cluster,
            });
        }
    }

    fn outside(&mut self, id: &str, label: &str) {
        self.node(id, label.to_string(), Shape::Outside, None);
    }

    fn edge(&mut self, from: &str, to: &str, label: &str, style: Style) {
        self.edges.push(Edge {
            from: from.to_string(),
            to: to.to_string(),
            label: label.to_string(),
            style,
        });
    }

    /// Mark the nodes the trace passes and join them with numbered path edges. A workload or a
    /// partial verdict has one path per part; each is drawn, its steps labelled with the part.
    fn highlight(&mut self, model: &Model, query: &Query, trace: &PathTrace) {
        let s = model.scenario();
        let source = match &query.from {
            From::Instance(x) => model.instance_index(x).map(|i| s.instances[i].id.clone()),
            From::Subnet { subnet, .. } => Some(subnet.clone()),
            From::Address(ip) => s
                .instances
                .iter()
                .find(|i| i.private_ip == Some(*ip))
                .map(|i| i.id.clone())
                .or_else(|| {
                    s.subnets
                        .iter()
                        .find(|x| x.cidr.contains(ip))
                        .map(|x| x.id.clone())
                }),
        };
        let mut paths: Vec<(String, &[crate::eval::Hop], &Verdict)> = Vec::new();
        if !trace.parts.is_empty() {
            for p in &trace.parts {
                let name = match &p.to {
                    Some(to) => to.to_string(),
                    None => match p.cidrs.as_slice() {
                        [one] => one.to_string(),
                        [first, rest @ ..] => format!("{first} +{}", rest.len()),
                        [] => String::new(),
                    },
                };
                paths.push((name, &p.hops, &p.verdict));
            }
        } else {
            paths.push((String::new(), &trace.hops, &trace.verdict));
        }
        for (part, hops, verdict) in paths {
            let steps = self.steps(model, source.clone(), hops, verdict);
            for (k, pair) in steps.windows(2).enumerate() {
                let mut label = format!("{}", k + 1);
                if pair[1].1 {
                    label.push_str(" return");
                }
                if !part.is_empty() {
                    label = format!("{part} {label}");
                }
                self.edge(&pair[0].0, &pair[1].0, &label, Style::Path);
            }
            for (n, _) in steps {
                if !self.on_path.contains(&n) {
                    self.on_path.push(n);
                }
            }
        }
        self.title = format!(
            "{}: {} → {} ({})",
            self.title,
            crate::explain::origin_text(crate::explain::Lang::En, &trace.from),
            trace.to,
            trace.verdict.code()
        );
    }

    /// The nodes one path passes, in order; `true` marks the return leg's steps.
    fn steps(
        &mut self,
        model: &Model,
        source: Option<String>,
        hops: &[crate::eval::Hop],
        verdict: &Verdict,
    ) -> Vec<(String, bool)> {
        let s = model.scenario();
        let mut steps: Vec<(String, bool)> = source.into_iter().map(|n| (n, false)).collect();
        let mut returning = false;
        for h in hops {
            let id =
                h.id.split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
            let node = match h.kind {
                HopKind::Source | HopKind::Dns | HopKind::Inspection => continue,
                HopKind::InterfaceEndpoint => {
                    let subnets = s
                        .interface_endpoints
                        .iter()
                        .find(|e| e.id == id)
                        .map(|e| e.subnets.as_slice())
                        .unwrap_or_default();
                    for sn in subnets {
                        let n = eni_node(&id, &sn.subnet);
                        if !self.on_path.contains(&n) {
                            self.on_path.push(n);
                        }
                    }
                    // DNS answers every AZ's ENI; the arrow goes to the one in the source's AZ
                    // when there is one.
                    let az_of =
                        |subnet: &str| s.subnets.iter().find(|x| x.id == subnet).map(|x| &x.az);
                    let source_az = steps.first().and_then(|(n, _)| {
                        az_of(n).or_else(|| {
                            s.instances
                                .iter()
                                .find(|i| &i.id == n)
                                .and_then(|i| az_of(&i.subnet))
                        })
                    });
                    let eni = subnets
                        .iter()
                        .find(|sn| source_az.is_some() && az_of(&sn.subnet) == source_az)
                        .or(subnets.first());
                    match eni {
                        Some(sn) => eni_node(&id, &sn.subnet),
                        None => continue,
                    }
                }
                HopKind::Service => {
                    self.outside(&format!("service:{id}"), &format!("{id}\n(AWS service)"));
                    format!("service:{id}")
                }
                HopKind::Internet => {
                    self.outside("internet", "internet");
                    "internet".to_string()
                }
                HopKind::Address => {
                    let node = format!("address:{id}");
                    self.outside(&node, &id);
                    node
                }
                HopKind::Blocked => {
                    let why = verdict.reason().map(|r| r.code()).unwrap_or("blocked");
                    self.outside("blocked", &format!("blocked\n{why}"));
                    "blocked".to_string()
                }
                HopKind::LeavesVpc => match verdict {
                    Verdict::LeavesVpc { target } => {
                        self.outside(target, target);
                        target.to_string()
                    }
                    _ => id,
                },
                HopKind::Return => {
                    returning = true;
                    id
                }
                _ => id,
            };
            if steps.last().map(|(n, _)| n) != Some(&node) {
                steps.push((node, returning));
            }
        }
        steps
    }

    fn children(&self, parent: Option<usize>) -> (Vec<usize>, Vec<&Node>) {
        let clusters = (0..self.clusters.len())
            .filter(|&c| self.clusters[c].parent == parent)
            .collect();
        let nodes = self.nodes.iter().filter(|n| n.cluster == parent).collect();
        (clusters, nodes)
    }

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

fn named(id: &str, name: Option<&str>) -> String {
    match name {
        Some(n) => format!("{id} ({n})"),
        None => id.to_string(),
    }
}

fn eni_node(endpoint: &str, subnet: &str) -> String {
    format!("{endpoint}@{subnet}")
}

fn dot_str(s: &str) -> String {
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

/// Mermaid node ids: letters, digits and `_` only, prefixed so that no id is a keyword (`end`).
fn mermaid_id(id: &str) -> String {
    let mut out = String::from("n_");
    for c in id.chars() {
        out.push(if c.is_ascii_alphanumeric() { c } else { '_' });
    }
    out
}

/// A quoted Mermaid label: `"` becomes `#quot;`, a line break `<br/>`.
fn mermaid_str(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mermaid_ids_are_safe() {
        assert_eq!(mermaid_id("end"), "n_end");
        assert_eq!(mermaid_id("vpce-ssm@subnet-a"), "n_vpce_ssm_subnet_a");
        assert_eq!(mermaid_str("a \"b\"\nc"), "\"a #quot;b#quot;<br/>c\"");
        assert_eq!(dot_str("a \"b\"\nc"), "\"a \\\"b\\\"\\nc\"");
    }
}
