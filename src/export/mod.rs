//! Diagrams of a scenario's topology for docs and tickets: Graphviz DOT and Mermaid flowcharts,
//! with one evaluated path highlighted.
//!
//! [`Graph::new`] lays out what the model holds once (the VPC, its AZs, their subnets and what
//! lives in them, route tables and their routes, the regional things); [`Graph::dot`] and
//! [`Graph::mermaid`] only write it out.

use std::fmt::Write;

use crate::eval::{PathTrace, Query};
use crate::model::{Association, AvailabilityMode, Destination, Model, Target};

mod dot;
mod mermaid;
mod path;

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
        // The VPC's IPv4 blocks, then its IPv6 ones.
        let cidrs: Vec<String> = s
            .vpc
            .cidrs
            .iter()
            .map(|c| c.to_string())
            .chain(s.vpc.ipv6_cidrs.iter().map(|c| c.to_string()))
            .collect();
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
                let mut label = match &sn.name {
                    Some(n) => format!("{} ({n})", sn.id),
                    None => sn.id.clone(),
                };
                // An IPv6-only subnet may have no IPv4 block: then only its IPv6 one shows.
                if let Some(c) = sn.cidr {
                    let _ = write!(label, "\n{c}");
                }
                if let Some(b) = sn.ipv6_cidr {
                    let _ = write!(label, "\n{b}");
                    if sn.ipv6_only {
                        label.push_str(" (IPv6-only)");
                    }
                }
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
            if let Some(ip) = i.ipv6_address {
                let _ = write!(label, "\n{ip}");
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
                    .map(|eni| format!("\n{}", eni.shown_address()))
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
        for e in &s.egress_only_internet_gateways {
            g.node(
                &e.id,
                format!("egress-only internet gateway\n{}", e.id),
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
            // IPv6 routes (the local route left out, as the IPv4 one).
            for r in &t.ipv6_routes {
                let to = match &r.target {
                    Target::Local => continue,
                    Target::Blackhole => {
                        g.outside(BLACKHOLE, "blackhole");
                        BLACKHOLE.to_string()
                    }
                    other => {
                        let id = other.id().unwrap_or_default().to_string();
                        if !g.nodes.iter().any(|n| n.id == id) {
                            g.outside(&id, &id);
                        }
                        id
                    }
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

    fn children(&self, parent: Option<usize>) -> (Vec<usize>, Vec<&Node>) {
        let clusters = (0..self.clusters.len())
            .filter(|&c| self.clusters[c].parent == parent)
            .collect();
        let nodes = self.nodes.iter().filter(|n| n.cluster == parent).collect();
        (clusters, nodes)
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

#[cfg(test)]
mod tests {
    use super::dot::dot_str;
    use super::mermaid::mermaid_id;
    use super::mermaid::mermaid_str;

    #[test]
    fn mermaid_ids_are_safe() {
        assert_eq!(mermaid_id("end"), "n_end");
        assert_eq!(mermaid_id("vpce-ssm@subnet-a"), "n_vpce_ssm_subnet_a");
        assert_eq!(mermaid_str("a \"b\"\nc"), "\"a #quot;b#quot;<br/>c\"");
        assert_eq!(dot_str("a \"b\"\nc"), "\"a \\\"b\\\"\\nc\"");
    }
}
