//! The path being fixed, as the families need it: where it starts, in which AZ, by which table,
//! and which services it needs and does not reach.

use crate::eval::{Fact, PathTrace, Query, Stop, To};
use crate::model::{Destination, Model, WhatIf};

pub(crate) struct Context<'a> {
    pub model: &'a Model,
    pub failed: Vec<bool>,
    /// The source's subnet (index), its AZ (index) and route table (index).
    pub subnet: usize,
    pub az: usize,
    pub table: usize,
    /// The source instance's id, when the source is an instance.
    pub instance: Option<String>,
    /// Whether the source has a public IPv4 address.
    pub public_ip: bool,
    /// The catalogue services the path needs and does not reach.
    pub services: Vec<String>,
    /// Where the path (or its first stopped part) stopped.
    pub stops: Vec<Stop>,
}

impl<'a> Context<'a> {
    pub fn new(
        model: &'a Model,
        what_if: &WhatIf,
        query: &Query,
        trace: &PathTrace,
    ) -> Option<Context<'a>> {
        let s = model.scenario();
        let (subnet_id, public_ip) = trace.hops.iter().find_map(|h| match &h.fact {
            Fact::Source {
                subnet, public_ip, ..
            } => Some((subnet.clone(), *public_ip)),
            // An IPv6 path's source: its public IPv4 does not matter there.
            Fact::Ipv6(f) => match &**f {
                crate::eval::V6Fact::Source { subnet, .. } => Some((subnet.clone(), false)),
                _ => None,
            },
            _ => None,
        })?;
        let subnet = model.subnet_index(&subnet_id)?;
        let az = model.az_index(&s.subnets[subnet].az)?;
        let (table, _) = model.subnet_route_table(subnet);
        let instance = match &query.from {
            crate::eval::From::Instance(name) => model
                .instance_index(name)
                .map(|i| s.instances[i].id.clone()),
            crate::eval::From::Address(_) => match &trace.from {
                crate::eval::Origin::Address {
                    instance: Some(id), ..
                } => Some(id.to_string()),
                _ => None,
            },
            crate::eval::From::Address6(_) => match &trace.from {
                crate::eval::Origin::Instance { id, .. } => Some(id.to_string()),
                _ => None,
            },
            crate::eval::From::Subnet { .. } => None,
        };
        let services = match &query.to {
            To::Service(name) => vec![name.clone()],
            To::Workload(_) => trace
                .parts
                .iter()
                .filter(|p| !p.verdict.is_reachable())
                .filter_map(|p| p.to.as_ref().map(|t| t.to_string()))
                .collect(),
            To::Name(name) => model
                .services()
                .iter()
                .filter(|svc| name.starts_with(&format!("{}.", svc.name)))
                .map(|svc| svc.name.clone())
                .take(1)
                .collect(),
            // A directory bucket is reached through the s3express service's gateway endpoint.
            To::DirectoryBucket(_) => vec![crate::model::S3EXPRESS.to_string()],
            To::RemoteService { .. } | To::Address(_) | To::Address6(_) => Vec::new(),
        };
        let stops = trace
            .stop()
            .into_iter()
            .chain(trace.parts.iter().filter_map(|p| p.hops.last()?.stop()))
            .cloned()
            .collect();
        Some(Context {
            model,
            failed: model.failed_azs(what_if),
            subnet,
            az,
            table,
            instance,
            public_ip,
            services: services
                .into_iter()
                .filter(|x| model.service(x).is_some())
                .collect(),
            stops,
        })
    }

    pub fn table_id(&self) -> &str {
        &self.model.scenario().route_tables[self.table].id
    }

    /// The AZ (index) of a subnet by id.
    pub fn subnet_az(&self, subnet: &str) -> Option<usize> {
        let s = self.model.scenario();
        let i = self.model.subnet_index(subnet)?;
        self.model.az_index(&s.subnets[i].az)
    }

    /// A healthy AZ's subnet for a new ENI or NAT gateway: the source's own subnet when its AZ
    /// is `az`, else the first subnet in `az` that `prefer` accepts, else the first in `az`.
    pub fn subnet_in(&self, az: usize, prefer: impl Fn(&str) -> bool) -> Option<String> {
        let s = self.model.scenario();
        if az == self.az {
            return Some(s.subnets[self.subnet].id.clone());
        }
        let in_az: Vec<&str> = s
            .subnets
            .iter()
            .filter(|x| self.model.az_index(&x.az) == Some(az))
            .map(|x| x.id.as_str())
            .collect();
        in_az
            .iter()
            .find(|id| prefer(id))
            .or(in_az.first())
            .map(|id| id.to_string())
    }

    /// Whether a table has a route whose destination is exactly `d`.
    pub fn has_route(&self, table: &str, d: &Destination) -> bool {
        self.model
            .scenario()
            .route_tables
            .iter()
            .find(|t| t.id == table)
            .is_some_and(|t| t.routes.iter().any(|r| &r.destination == d))
    }
}

/// A route destination as a stop or a hop writes it (`0.0.0.0/0`, `pl-s3`), back as the model's.
pub(crate) fn destination(text: &str) -> Option<Destination> {
    if let Some(service) = text.strip_prefix("pl-") {
        return Some(Destination::PrefixList(service.to_string()));
    }
    text.parse().ok().map(Destination::Cidr)
}

/// The default route's destination.
pub(crate) fn default_route() -> Destination {
    Destination::Cidr("0.0.0.0/0".parse().expect("a valid CIDR"))
}
