//! The evaluated path drawn over the topology: its nodes marked and joined by numbered edges.

use super::{Graph, Style, eni_node};
use crate::eval::{From, HopKind, PathTrace, Query, Verdict};
use crate::model::Model;

impl Graph {
    /// Mark the nodes the trace passes and join them with numbered path edges. A workload or a
    /// partial verdict has one path per part; each is drawn, its steps labelled with the part.
    pub(super) fn highlight(&mut self, model: &Model, query: &Query, trace: &PathTrace) {
        let s = model.scenario();
        let source = match &query.from {
            From::Instance(x) => model.instance_index(x).map(|i| s.instances[i].id.clone()),
            From::Subnet { subnet, .. } => Some(subnet.clone()),
            From::Address6(ip) => s
                .instances
                .iter()
                .find(|i| i.ipv6_address == Some(*ip))
                .map(|i| i.id.clone())
                .or_else(|| {
                    s.subnets
                        .iter()
                        .find(|x| x.ipv6_cidr.is_some_and(|c| c.contains(ip)))
                        .map(|x| x.id.clone())
                }),
            From::Address(ip) => s
                .instances
                .iter()
                .find(|i| i.private_ip == Some(*ip))
                .map(|i| i.id.clone())
                .or_else(|| {
                    s.subnets
                        .iter()
                        .find(|x| x.has_ipv4(*ip))
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
                HopKind::Source
                | HopKind::Dns
                | HopKind::Inspection
                | HopKind::SecurityGroup
                | HopKind::NetworkAcl
                | HopKind::EndpointPolicy
                | HopKind::BucketPolicy => continue,
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
}
