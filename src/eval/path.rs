//! `evaluate`: one source, one destination → a [`PathTrace`]. Pure: it reads the model and the
//! what-if state and allocates only the trace.
//!
//! The walk: source → DNS → the source subnet's route table → the winning route's target, and
//! on through NAT gateways, GWLB endpoints and appliance ENIs (each routes again by *its own*
//! subnet's table) to a gateway endpoint, an interface-endpoint ENI or the internet gateway.
//! Every destination CIDR is walked; CIDRs that end differently make a partial verdict.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::catalogue;
use crate::model::{Association, AvailabilityMode, Model, NatConnectivity, Target, WhatIf};
use crate::net_text::NetText;

use super::dns::{self, Answer};
use super::route::{self, Choice};
use super::trace::*;

/// Where traffic starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// An instance id or name.
    Instance(String),
    /// A hypothetical instance in a subnet (for Lambda or ECS interfaces, or an empty subnet).
    Subnet { subnet: String, public_ip: bool },
    /// A private address inside one of the VPC's subnets.
    Address(Ipv4Addr),
}

/// Where traffic goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    /// A catalogue service in the scenario's Region (`s3`, `ssm`, ...).
    Service(String),
    /// A catalogue service in another Region (`s3@us-west-2`).
    RemoteService { service: String, region: String },
    /// A global DNS name outside Regional private DNS (`s3.amazonaws.com`).
    Name(String),
    /// An IPv4 address or CIDR, inside the VPC or outside it.
    Address(Ipv4Net),
    /// A named set of services (`workload:ecr-pull`).
    Workload(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub from: From,
    pub to: To,
}

impl Query {
    pub fn instance_to_service(instance: &str, service: &str) -> Self {
        Query {
            from: From::Instance(instance.to_string()),
            to: To::Service(service.to_string()),
        }
    }

    /// Read `--from` / `--to` the way the CLI, lessons and expectations write them:
    /// from: instance id or name, subnet id (with `public_ip`), or a private IPv4 address;
    /// to: service, `service@region`, a global name, an IPv4 address or CIDR, or
    /// `workload:name`.
    pub fn parse(model: &Model, from: &str, to: &str, public_ip: bool) -> Self {
        let from = if let Ok(ip) = from.parse::<Ipv4Addr>() {
            From::Address(ip)
        } else if model.subnet_index(from).is_some() && model.instance_index(from).is_none() {
            From::Subnet {
                subnet: from.to_string(),
                public_ip,
            }
        } else {
            From::Instance(from.to_string())
        };
        let to = if let Some(w) = to.strip_prefix("workload:") {
            To::Workload(w.to_string())
        } else if let Some((service, region)) = to.split_once('@') {
            To::RemoteService {
                service: service.to_string(),
                region: region.to_string(),
            }
        } else if let Ok(net) = to.parse::<Ipv4Net>() {
            To::Address(net.trunc())
        } else if let Ok(ip) = to.parse::<Ipv4Addr>() {
            To::Address(Ipv4Net::from(ip))
        } else if model.service(to).is_some() {
            To::Service(to.to_string())
        } else if let Some(s) = model.services().iter().find(|s| s.dns_name == to) {
            // The Regional name of a service is the service itself.
            To::Service(s.name.clone())
        } else if to.ends_with(".amazonaws.com") {
            To::Name(to.to_string())
        } else {
            To::Service(to.to_string())
        };
        Query { from, to }
    }
}

/// A query that names something the model does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("no instance {0}; instances: {1}")]
    UnknownInstance(String, String),
    #[error("no service {0}; services: {1}")]
    UnknownService(String, String),
    #[error("no subnet {0}; subnets: {1}")]
    UnknownSubnet(String, String),
    #[error("{0} is in no subnet of the VPC; subnets: {1}")]
    AddressOutsideSubnets(Ipv4Addr, String),
    #[error("the catalogue has no addresses for {0} in {1}; Regions known for it: {2}")]
    UnknownRegion(String, String, String),
    #[error("{0} is not a name the catalogue knows; global names: {1}")]
    UnknownName(String, String),
    #[error("no workload {0}; workloads: {1}")]
    UnknownWorkload(String, String),
}

/// The resolved source of a path.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub label: String,
    pub subnet: usize,
    pub public_ip: bool,
    /// The source's address: the instance's private IP when known, else its subnet.
    pub address: Ipv4Net,
}

pub(crate) struct Ctx<'m> {
    pub model: &'m Model,
    pub failed: Vec<bool>,
    /// Build sentences. The matrix turns this off: it needs verdicts only.
    pub detail: bool,
    pub notes: Vec<Note>,
    pub aim: Aim,
}

impl Ctx<'_> {
    pub fn note(&mut self, code: &'static str, text: impl FnOnce() -> String) {
        // Notes explain a trace; the matrix shows verdicts only.
        if self.detail && !self.notes.iter().any(|n| n.code == code) {
            let text = if self.detail { text() } else { String::new() };
            self.notes.push(Note { code, text });
        }
    }

    /// The AZ as the trace shows it; nothing when sentences are off (the matrix).
    fn az_text(&self, az: usize) -> String {
        if self.detail {
            self.model.az_label(az)
        } else {
            String::new()
        }
    }

    fn az_of_subnet(&self, subnet: usize) -> usize {
        self.model.subnet_az[subnet]
    }

    fn az_failed(&self, az: usize) -> bool {
        self.failed.get(az).copied().unwrap_or(false)
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// What a query's destination stands for, resolved against the model and the catalogue.
#[derive(Debug, Clone)]
pub(crate) enum Goal {
    Service(usize),
    Remote {
        service: String,
        region: String,
        cidrs: Vec<Ipv4Net>,
        illustrative: bool,
    },
    Global {
        name: String,
        service: String,
        region: String,
        cidrs: Vec<Ipv4Net>,
    },
    Address(Ipv4Net),
    Workload(String, Vec<usize>),
}

/// Evaluate one query. Unknown names are a [`QueryError`]; everything else is a trace.
pub fn evaluate(model: &Model, what_if: &WhatIf, query: &Query) -> Result<PathTrace, QueryError> {
    let source = resolve_source(model, &query.from)?;
    let goal = resolve_goal(model, &query.to)?;
    let mut ctx = Ctx {
        model,
        failed: model.failed_azs(what_if),
        detail: true,
        notes: Vec::new(),
        aim: Aim::default(),
    };
    Ok(evaluate_goal(&mut ctx, &source, &goal))
}

pub(crate) fn resolve_goal(model: &Model, to: &To) -> Result<Goal, QueryError> {
    let service_names = || list(model.services().iter().map(|s| s.name.as_str()));
    let service = |name: &str| {
        model
            .service_lookup
            .get(name)
            .copied()
            .ok_or_else(|| QueryError::UnknownService(name.to_string(), service_names()))
    };
    Ok(match to {
        To::Service(name) => Goal::Service(service(name)?),
        To::RemoteService {
            service: name,
            region,
        } => {
            if region == &model.scenario().region {
                return Ok(Goal::Service(service(name)?));
            }
            service(name)?;
            let Some((cidrs, illustrative)) = catalogue::remote_cidrs(name, region) else {
                let known = catalogue::builtin()
                    .services
                    .iter()
                    .find(|s| &s.name == name)
                    .map(|s| list(s.cidrs.keys().map(String::as_str)))
                    .unwrap_or_default();
                return Err(QueryError::UnknownRegion(
                    name.clone(),
                    region.clone(),
                    known,
                ));
            };
            Goal::Remote {
                service: name.clone(),
                region: region.clone(),
                cidrs,
                illustrative,
            }
        }
        To::Name(name) => {
            let globals = &catalogue::builtin().global_names;
            let Some(g) = globals.iter().find(|g| &g.name == name) else {
                return Err(QueryError::UnknownName(
                    name.clone(),
                    list(globals.iter().map(|g| g.name.as_str())),
                ));
            };
            // In the scenario's own Region the scenario's view of the service applies.
            let cidrs = if g.region == model.scenario().region {
                model
                    .service(&g.service)
                    .map(|s| s.cidrs.clone())
                    .unwrap_or_default()
            } else {
                catalogue::remote_cidrs(&g.service, &g.region)
                    .map(|(c, _)| c)
                    .unwrap_or_default()
            };
            Goal::Global {
                name: name.clone(),
                service: g.service.clone(),
                region: g.region.clone(),
                cidrs,
            }
        }
        To::Address(net) => Goal::Address(*net),
        To::Workload(name) => {
            let workloads = model.workloads();
            let Some(w) = workloads.iter().find(|w| &w.name == name) else {
                return Err(QueryError::UnknownWorkload(
                    name.clone(),
                    list(workloads.iter().map(|w| w.name.as_str())),
                ));
            };
            let parts = w
                .services
                .iter()
                .map(|s| service(s))
                .collect::<Result<Vec<_>, _>>()?;
            Goal::Workload(name.clone(), parts)
        }
    })
}

pub(crate) fn resolve_source(model: &Model, from: &From) -> Result<Source, QueryError> {
    let subnets = || list(model.scenario().subnets.iter().map(|s| s.id.as_str()));
    match from {
        From::Instance(name) => {
            let i = model.instance_index(name).ok_or_else(|| {
                QueryError::UnknownInstance(
                    name.clone(),
                    model
                        .scenario()
                        .instances
                        .iter()
                        .map(|i| match &i.name {
                            Some(n) => text!("{} ({n})", i.id),
                            None => i.id.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })?;
            let inst = &model.scenario().instances[i];
            Ok(Source {
                label: match &inst.name {
                    Some(n) => text!("{} ({n})", inst.id),
                    None => inst.id.clone(),
                },
                subnet: model.subnet_index(&inst.subnet).unwrap_or(0),
                public_ip: inst.public_ip,
                address: match inst.private_ip {
                    Some(ip) => Ipv4Net::from(ip),
                    None => model
                        .subnet_index(&inst.subnet)
                        .map(|s| model.scenario().subnets[s].cidr)
                        .unwrap_or_default(),
                },
            })
        }
        From::Subnet { subnet, public_ip } => {
            let si = model
                .subnet_index(subnet)
                .ok_or_else(|| QueryError::UnknownSubnet(subnet.clone(), subnets()))?;
            Ok(Source {
                label: text!(
                    "a new instance{}",
                    if *public_ip {
                        " with a public IPv4"
                    } else {
                        ""
                    }
                ),
                subnet: si,
                public_ip: *public_ip,
                address: model.scenario().subnets[si].cidr,
            })
        }
        From::Address(ip) => {
            let si = model
                .scenario()
                .subnets
                .iter()
                .position(|s| s.cidr.contains(ip))
                .ok_or_else(|| QueryError::AddressOutsideSubnets(*ip, subnets()))?;
            // An instance at that address lends its public IP and name.
            let inst = model
                .scenario()
                .instances
                .iter()
                .find(|i| i.private_ip == Some(*ip));
            Ok(Source {
                label: match inst {
                    Some(i) => text!("{ip} ({})", i.id),
                    None => ip.to_string(),
                },
                subnet: si,
                public_ip: inst.is_some_and(|i| i.public_ip),
                address: Ipv4Net::from(*ip),
            })
        }
    }
}

/// What is being routed: a public service range, or one interface-endpoint ENI.
#[derive(Debug, Clone, Copy)]
enum Dest {
    /// An address range: a service's public range, or an address the query names.
    Range,
    /// The ENIs of an interface endpoint: each piece is one ENI's address.
    Eni { endpoint: usize },
}

/// How the destination is named along the walk, and how the path ends when it gets there.
#[derive(Debug, Clone, Default)]
pub(crate) struct Aim {
    /// For sentences: `pl-s3`, `sns`, `s3 in us-west-2`, `10.0.2.10`.
    pub label: String,
    /// For the gateway-endpoint hop: `Amazon S3`.
    pub description: String,
    /// The last hop after an internet gateway: (kind, id, detail).
    pub public_hop: Option<(HopKind, String, String)>,
    /// A service in this Region: the public hop's detail is this service's public endpoint,
    /// written only when a trace reaches it.
    pub service: Option<usize>,
    /// An address destination: delivery by the local route reaches it.
    pub address: bool,
}

impl Aim {
    /// The hop after an internet gateway, with its sentence (none without `detail`).
    fn public_hop(&self, model: &Model, detail: bool) -> Option<(HopKind, &str, String)> {
        let (kind, id, d) = self.public_hop.as_ref()?;
        let d = match self.service {
            Some(svc) if detail => {
                let service = &model.services()[svc];
                super::concat(&[&service.description, " public endpoint ", &service.dns_name])
            }
            _ => d.clone(),
        };
        Some((*kind, id.as_str(), d))
    }
}

/// Per-walk state: what the packet looks like now.
#[derive(Debug, Clone)]
struct Walk<'m> {
    /// The packet's source has a public IPv4 (the instance's, a public NAT's, a NAT instance's).
    public_ip: bool,
    /// It left through a private NAT gateway.
    private_nat: bool,
    /// It passed a NAT gateway (for `via`).
    via_nat: bool,
    /// (table, target id) pairs passed: a repeat is a routing loop.
    visited: Vec<(usize, &'m str)>,
    /// The source's AZ, to tell when a zonal hop lies in another one.
    source_az: usize,
    /// The packet's source address as the next hop sees it (changed by a NAT gateway).
    address: Ipv4Net,
    /// The GWLB endpoint the packet passed, and its source address there: the return leg
    /// must bring replies to that address back through the same endpoint.
    gwlb: Option<(usize, Ipv4Net)>,
    /// A NAT gateway passed after the GWLB endpoint: replies come back through it.
    nat_after_gwlb: Option<usize>,
}

/// One destination piece's path to its end.
#[derive(Debug, Clone)]
struct Leaf {
    cidrs: Vec<Ipv4Net>,
    /// Interface-endpoint ENIs reached, as (endpoint, ENI index).
    eni: Vec<(usize, usize)>,
    hops: Trail,
    verdict: Verdict,
    explanation: String,
}

const MAX_TABLES: usize = 16;

/// The source hop, or the trace that ends there because the source's AZ has failed.
fn source_hop(ctx: &mut Ctx<'_>, source: &Source, to: &str) -> Result<Hop, Box<PathTrace>> {
    let model = ctx.model;
    let subnet = &model.scenario().subnets[source.subnet];
    let az = ctx.az_of_subnet(source.subnet);
    let az_label = ctx.az_text(az);
    let detail = match ctx.detail {
        true => super::concat(&[
            &source.label,
            " in ",
            &subnet.id,
            " (",
            NetText::net(subnet.cidr).as_str(),
            "), ",
            &az_label,
            "; ",
            if source.public_ip {
                "has a public IPv4 address"
            } else {
                "no public IPv4 address"
            },
        ]),
        false => String::new(),
    };
    let h = hop(
        HopKind::Source,
        &source.label,
        Some(az_label.clone()),
        detail,
    );
    if ctx.az_failed(az) {
        let explanation = say!(
            ctx.detail,
            "{} is unavailable: its AZ {az_label} has failed",
            source.label
        );
        return Err(Box::new(finish(
            ctx,
            source,
            to.to_string(),
            vec![h],
            Verdict::Unavailable(Reason::SourceAzFailed),
            explanation,
            Vec::new(),
        )));
    }
    Ok(h)
}

fn fresh_walk<'m>(ctx: &Ctx<'m>, source: &Source) -> Walk<'m> {
    Walk {
        source_az: ctx.az_of_subnet(source.subnet),
        public_ip: source.public_ip,
        private_nat: false,
        via_nat: false,
        visited: Vec::new(),
        address: source.address,
        gwlb: None,
        nat_after_gwlb: None,
    }
}

/// Evaluate any destination; workloads evaluate each part and combine.
pub(crate) fn evaluate_goal(ctx: &mut Ctx<'_>, source: &Source, goal: &Goal) -> PathTrace {
    let model = ctx.model;
    match goal {
        Goal::Service(svc) => evaluate_service(ctx, source, *svc),
        Goal::Workload(name, parts) => evaluate_workload(ctx, source, name, parts),
        Goal::Address(net) => {
            let to = if net.prefix_len() == 32 {
                net.addr().to_string()
            } else {
                net.to_string()
            };
            let hop0 = match source_hop(ctx, source, &to) {
                Ok(h) => h,
                Err(t) => return *t,
            };
            ctx.aim = Aim {
                label: to.clone(),
                description: String::new(),
                public_hop: Some((
                    HopKind::Internet,
                    to.clone(),
                    say!(ctx.detail, "{to} on the internet"),
                )),
                service: None,
                address: true,
            };
            let mut leaves = Vec::new();
            route_source(ctx, source, &[*net], Dest::Range, &mut leaves);
            merge(ctx, source, &to, vec![hop0], leaves)
        }
        Goal::Remote {
            service,
            region,
            cidrs,
            illustrative,
        } => {
            let to = text!("{service}@{region}");
            let hop0 = match source_hop(ctx, source, &to) {
                Ok(h) => h,
                Err(t) => return *t,
            };
            let dns_name = model
                .service(service)
                .map(|s| s.dns_name.replace(&model.scenario().region, region))
                .unwrap_or_else(|| text!("{service}.{region}.amazonaws.com"));
            let home = model.scenario().region.clone();
            ctx.note("other_region", || {
                text!(
                    "{service} in {region} is not behind this VPC's endpoints: gateway endpoints and interface endpoints serve {home} only, so its addresses take the other routes"
                )
            });
            if *illustrative {
                ctx.note("illustrative_cidrs", || {
                    text!("AWS publishes no ranges for {service}: the CIDRs shown are illustrative")
                });
            }
            let why = text!(
                "; {dns_name} is a name in {region}, which no endpoint of this VPC ({home}) covers"
            );
            let name = text!("{service} in {region}");
            evaluate_public(
                ctx, source, hop0, &to, &dns_name, &name, service, cidrs, &why,
            )
        }
        Goal::Global {
            name,
            service,
            region,
            cidrs,
        } => {
            let hop0 = match source_hop(ctx, source, name) {
                Ok(h) => h,
                Err(t) => return *t,
            };
            let covered_by = model.service_lookup.get(service).and_then(|&svc| {
                model.service_endpoints[svc]
                    .iter()
                    .map(|&e| &model.scenario().interface_endpoints[e])
                    .find(|ie| ie.private_dns)
            });
            if let Some(ie) = covered_by {
                let regional = model
                    .service(service)
                    .map(|s| s.dns_name.clone())
                    .unwrap_or_default();
                ctx.note("global_name_not_covered", || {
                    text!(
                        "{} has private DNS for {regional}, but {name} is a global name that Regional private DNS does not cover: it resolves to public addresses",
                        ie.id
                    )
                });
            }
            let why = text!(
                "; {name} is a global name: it resolves to {service}'s addresses in {region}"
            );
            let label = text!("{service} in {region}");
            evaluate_public(ctx, source, hop0, name, name, &label, service, cidrs, &why)
        }
    }
}

/// A destination reached by its public addresses, with a DNS hop that says why.
#[allow(clippy::too_many_arguments)]
fn evaluate_public(
    ctx: &mut Ctx<'_>,
    source: &Source,
    hop0: Hop,
    to: &str,
    dns_name: &str,
    label: &str,
    service: &str,
    cidrs: &[Ipv4Net],
    why: &str,
) -> PathTrace {
    let model = ctx.model;
    let description = model
        .service(service)
        .map(|s| s.description.clone())
        .unwrap_or_else(|| service.to_string());
    ctx.aim = Aim {
        label: label.to_string(),
        description: description.clone(),
        public_hop: Some((
            HopKind::Service,
            to.to_string(),
            say!(ctx.detail, "{description} public endpoint {dns_name}"),
        )),
        service: None,
        address: false,
    };
    let (answer, dns_hop) = dns::resolve_public(ctx, dns_name, service, cidrs, why);
    let mut hops = vec![hop0, dns_hop];
    if let Some((reason, explanation)) = answer {
        return finish(
            ctx,
            source,
            to.to_string(),
            hops,
            Verdict::Blocked(reason),
            explanation,
            Vec::new(),
        );
    }
    if cidrs.is_empty() {
        hops.truncate(2);
        let e = say!(
            ctx.detail,
            "the catalogue has no public addresses for {label}"
        );
        return finish(
            ctx,
            source,
            to.to_string(),
            hops,
            Verdict::Blocked(Reason::NoRoute),
            e,
            Vec::new(),
        );
    }
    let mut leaves = Vec::new();
    route_source(ctx, source, cidrs, Dest::Range, &mut leaves);
    merge(ctx, source, to, hops, leaves)
}

/// Route one destination from the source subnet's own table.
fn route_source(
    ctx: &mut Ctx<'_>,
    source: &Source,
    cidrs: &[Ipv4Net],
    dest: Dest,
    leaves: &mut Vec<Leaf>,
) {
    let (table, assoc) = ctx.model.subnet_route_table(source.subnet);
    let how = association_text(ctx, table, assoc, source.subnet);
    route_from(
        ctx,
        table,
        &how,
        cidrs,
        dest,
        fresh_walk(ctx, source),
        Trail::new(ctx.detail),
        leaves,
    );
}

/// The verdict of a workload from its parts' verdicts: reachable only if every part is (via the
/// parts' common way, or `mixed`; cross-AZ the worst of them), else blocked.
pub(crate) fn workload_verdict<'a>(parts: impl Iterator<Item = &'a Verdict>) -> Verdict {
    let mut via: Option<Via> = None;
    let mut cross_az: Option<CrossAz> = None;
    let rank = |c: CrossAz| match c {
        CrossAz::Never => 0,
        CrossAz::Sometimes => 1,
        CrossAz::Always => 2,
    };
    for v in parts {
        match v {
            Verdict::Reachable {
                via: v,
                cross_az: c,
            } => {
                via = Some(match via {
                    None => *v,
                    Some(x) if x == *v => x,
                    Some(_) => Via::Mixed,
                });
                if let Some(c) = c
                    && cross_az.is_none_or(|x| rank(*c) > rank(x))
                {
                    cross_az = Some(*c);
                }
            }
            _ => return Verdict::Blocked(Reason::WorkloadPartFailed),
        }
    }
    Verdict::Reachable {
        via: via.unwrap_or(Via::Mixed),
        cross_az,
    }
}

/// A workload is reachable only if every part is; the verdict names the parts that fail.
fn evaluate_workload(ctx: &mut Ctx<'_>, source: &Source, name: &str, parts: &[usize]) -> PathTrace {
    let to = text!("workload:{name}");
    let hop0 = match source_hop(ctx, source, &to) {
        Ok(h) => h,
        Err(t) => return *t,
    };
    let mut notes: Vec<Note> = Vec::new();
    let mut out: Vec<Part> = Vec::new();
    for &svc in parts {
        let t = evaluate_service(ctx, source, svc);
        for n in t.notes {
            if !notes.iter().any(|x| x.code == n.code) {
                notes.push(n);
            }
        }
        // The part's own source hop repeats the workload's; keep the rest.
        out.push(Part {
            to: Some(t.to),
            cidrs: Vec::new(),
            verdict: t.verdict,
            explanation: t.explanation,
            hops: t.hops.into_iter().skip(1).collect(),
        });
    }
    let failing: Vec<&Part> = out.iter().filter(|p| !p.verdict.is_reachable()).collect();
    let (verdict, explanation) = if failing.is_empty() {
        let e = if ctx.detail {
            let each: Vec<String> = out
                .iter()
                .map(|p| {
                    text!(
                        "{} via {}",
                        p.to.as_deref().unwrap_or("?"),
                        p.verdict.via().map(|v| v.code()).unwrap_or("?")
                    )
                })
                .collect();
            text!("every part of {name} is reachable: {}", each.join(", "))
        } else {
            String::new()
        };
        (workload_verdict(out.iter().map(|p| &p.verdict)), e)
    } else {
        let e = if ctx.detail {
            let each: Vec<String> = failing
                .iter()
                .map(|p| {
                    text!(
                        "{} is {} ({})",
                        p.to.as_deref().unwrap_or("?"),
                        short_outcome(&p.verdict),
                        p.explanation
                    )
                })
                .collect();
            let ok: Vec<&str> = out
                .iter()
                .filter(|p| p.verdict.is_reachable())
                .filter_map(|p| p.to.as_deref())
                .collect();
            let mut e = text!("{name} needs every part: {}", each.join("; "));
            if !ok.is_empty() {
                e.push_str(&text!("; reachable: {}", ok.join(", ")));
            }
            e
        } else {
            String::new()
        };
        (Verdict::Blocked(Reason::WorkloadPartFailed), e)
    };
    ctx.notes = notes;
    finish(ctx, source, to, vec![hop0], verdict, explanation, out)
}

pub(crate) fn evaluate_service(ctx: &mut Ctx<'_>, source: &Source, svc: usize) -> PathTrace {
    let model = ctx.model;
    let service = &model.services()[svc];
    let hop0 = match source_hop(ctx, source, &service.name) {
        Ok(h) => h,
        Err(t) => return *t,
    };
    ctx.aim = if ctx.detail {
        Aim {
            // Only services with a gateway endpoint have an AWS-managed prefix list.
            label: if service.gateway_endpoint {
                service.prefix_list_name()
            } else {
                service.name.clone()
            },
            description: service.description.clone(),
            public_hop: Some((HopKind::Service, service.name.clone(), String::new())),
            service: Some(svc),
            address: false,
        }
    } else {
        // Every leaf of one evaluation ends alike, so the matrix needs no names here.
        Aim {
            public_hop: Some((HopKind::Service, String::new(), String::new())),
            ..Aim::default()
        }
    };
    let (answer, dns_hop) = dns::resolve(ctx, source, svc);
    let hops = if ctx.detail {
        // The source and DNS hops, then the walk's (merge appends them).
        let mut hops = Vec::with_capacity(8);
        hops.push(hop0);
        hops.push(dns_hop);
        hops
    } else {
        Vec::new()
    };
    let mut leaves = Vec::new();
    match answer {
        Answer::Blocked(reason, explanation) => {
            return finish(
                ctx,
                source,
                service.name.clone(),
                hops,
                Verdict::Blocked(reason),
                explanation,
                Vec::new(),
            );
        }
        Answer::Public => {
            if service.cidrs.is_empty() {
                let explanation = say!(
                    ctx.detail,
                    "{} has no public addresses in {}; only an interface endpoint with private DNS would reach it",
                    service.name,
                    model.scenario().region
                );
                return finish(
                    ctx,
                    source,
                    service.name.clone(),
                    hops,
                    Verdict::Blocked(Reason::NoRoute),
                    explanation,
                    Vec::new(),
                );
            }
            route_source(ctx, source, &service.cidrs, Dest::Range, &mut leaves);
        }
        Answer::Enis { endpoint, enis } => {
            // All answered ENIs in one walk: those the same route reaches travel together.
            let all = model.endpoint_enis(endpoint);
            let ips: Vec<Ipv4Net> = enis.iter().map(|&i| Ipv4Net::from(all[i].ip)).collect();
            route_source(ctx, source, &ips, Dest::Eni { endpoint }, &mut leaves);
        }
    }
    merge(ctx, source, &service.name, hops, leaves)
}

/// The local route delivered an address destination: find what holds it.
fn deliver_locally(
    ctx: &mut Ctx<'_>,
    piece: Ipv4Net,
    mut hops: Trail,
    table_id: &str,
    route_text: &RouteText<'_>,
) -> Leaf {
    let model = ctx.model;
    let s = model.scenario();
    let shown = net_text(piece);
    let subnet = s
        .subnets
        .iter()
        .position(|x| x.cidr.contains(&piece) || piece.contains(&x.cidr));
    let leaf = |hops, verdict, explanation| Leaf {
        cidrs: vec![piece],
        eni: Vec::new(),
        hops,
        verdict,
        explanation,
    };
    let Some(si) = subnet else {
        let e = say!(
            ctx.detail,
            "{route_text} in {table_id} delivers {shown} inside the VPC, but no subnet holds it"
        );
        hops.add(HopKind::Blocked, table_id, None, e.clone());
        return leaf(hops, Verdict::Blocked(Reason::DestinationUnavailable), e);
    };
    let az = ctx.az_of_subnet(si);
    let az_label = ctx.az_text(az);
    if ctx.az_failed(az) {
        let e = say!(
            ctx.detail,
            "{shown} is in {} ({az_label}), and that AZ has failed",
            s.subnets[si].id
        );
        hops.add(
            HopKind::Blocked,
            &s.subnets[si].id,
            Some(az_label),
            e.clone(),
        );
        return leaf(hops, Verdict::Blocked(Reason::DestinationUnavailable), e);
    }
    let d = if ctx.detail {
        let ip = piece.addr();
        let holder = if piece.prefix_len() == 32 {
            s.instances
                .iter()
                .find(|i| i.private_ip == Some(ip))
                .map(|i| text!("; instance {}", i.id))
                .or_else(|| {
                    s.network_interfaces
                        .iter()
                        .find(|n| n.ip == Some(ip))
                        .map(|n| text!("; network interface {}", n.id))
                })
                .or_else(|| {
                    (0..s.interface_endpoints.len()).find_map(|e| {
                        model
                            .endpoint_enis(e)
                            .iter()
                            .any(|x| x.ip == ip)
                            .then(|| text!("; an ENI of {}", s.interface_endpoints[e].id))
                    })
                })
                .unwrap_or_default()
        } else {
            String::new()
        };
        text!(
            "{shown} in {} ({}, {az_label}){holder}",
            s.subnets[si].id,
            s.subnets[si].cidr
        )
    } else {
        String::new()
    };
    hops.add(HopKind::Address, shown.as_str(), Some(az_label), d);
    let explanation = say!(
        ctx.detail,
        "{route_text} in {table_id} delivers {shown} inside the VPC"
    );
    leaf(
        hops,
        Verdict::Reachable {
            via: Via::Local,
            cross_az: None,
        },
        explanation,
    )
}

fn hop(kind: HopKind, id: &str, az: Option<String>, detail: String) -> Hop {
    Hop {
        kind,
        id: id.to_string(),
        az: az.filter(|a| !a.is_empty()),
        detail,
        decisions: Vec::new(),
    }
}

fn association_text(ctx: &Ctx<'_>, table: usize, assoc: Association, subnet: usize) -> String {
    if !ctx.detail {
        return String::new();
    }
    let s = &ctx.model.scenario();
    let t = &s.route_tables[table];
    match assoc {
        Association::Explicit => super::concat(&[
            &s.subnets[subnet].id,
            " is explicitly associated with ",
            &t.id,
        ]),
        Association::ImplicitMain => super::concat(&[
            &s.subnets[subnet].id,
            " has no explicit association, so it uses the main table ",
            &t.id,
        ]),
    }
}

fn subnet_table_text(ctx: &Ctx<'_>, owner: &str, subnet: usize) -> (usize, String) {
    let (table, assoc) = ctx.model.subnet_route_table(subnet);
    let text = if ctx.detail {
        let s = ctx.model.scenario();
        super::concat(&[
            owner,
            " routes by its own subnet's table: ",
            &s.subnets[subnet].id,
            " uses ",
            &s.route_tables[table].id,
            " (",
            match assoc {
                Association::Explicit => "explicit association",
                Association::ImplicitMain => "main table, implicit",
            },
            ")",
        ])
    } else {
        String::new()
    };
    (table, text)
}

/// Where a path stops: the hop kind, the object, its AZ, the reason and the sentence.
type Stop = (HopKind, String, Option<String>, Reason, String);

/// A zonal target the winning route names (a NAT gateway, a GWLB endpoint, an appliance ENI):
/// its subnet, AZ and AZ label; or where the path stops, because the target has no subnet (the
/// route is a blackhole) or its AZ has failed (`failed`, aws-semantics.md §6).
fn zonal_placement(
    ctx: &Ctx<'_>,
    subnet: Option<&str>,
    id: &str,
    kind: HopKind,
    failed: Reason,
    table_id: &str,
    route_text: &RouteText<'_>,
) -> Result<(usize, usize, String), Stop> {
    let detail = ctx.detail;
    let Some(si) = subnet.and_then(|s| ctx.model.subnet_index(s)) else {
        let e = say!(detail, "{id} has no subnet");
        return Err((
            HopKind::Blocked,
            id.to_string(),
            None,
            Reason::BlackholeRoute,
            e,
        ));
    };
    let az = ctx.az_of_subnet(si);
    let az_label = ctx.az_text(az);
    if ctx.az_failed(az) {
        let e = say!(
            detail,
            "{route_text} in {table_id}, and {id}'s AZ {az_label} has failed"
        );
        return Err((kind, id.to_string(), Some(az_label), failed, e));
    }
    Ok((si, az, az_label))
}

/// The way back of a path through a GWLB endpoint (aws-semantics.md §5): replies to the address
/// the packet had at the endpoint start at the NAT gateway passed after it (its subnet's table)
/// or at the internet gateway (its edge route table), and must come back through the same
/// endpoint. Adds a `return` hop; for stateful appliances an asymmetric way back ends the path
/// (the explanation is returned), for stateless ones it is a note.
fn return_leg(ctx: &mut Ctx<'_>, walk: &Walk<'_>, igw: &str, hops: &mut Trail) -> Option<String> {
    let (gi, address) = walk.gwlb?;
    let model = ctx.model;
    let s = model.scenario();
    let endpoint = &s.gwlb_endpoints[gi].id;
    let stateful = s
        .gateway_load_balancers
        .iter()
        .find(|lb| lb.endpoints.contains(endpoint))
        .is_none_or(|lb| lb.stateful);
    let shown = net_text(address);
    let start = match walk.nat_after_gwlb {
        Some(n) => s.nat_gateways[n]
            .subnet
            .as_deref()
            .and_then(|sub| model.subnet_index(sub))
            .map(|si| {
                (
                    model.subnet_route_table(si).0,
                    s.nat_gateways[n].id.as_str(),
                )
            }),
        None => s
            .route_tables
            .iter()
            .position(|t| t.gateways.iter().any(|g| g == igw))
            .map(|t| (t, igw)),
    };
    let (table_id, symmetric, why) = match start {
        None => (
            igw.to_string(),
            false,
            text!(
                "{igw} has no edge route table (none is associated with it), so replies to {shown} enter by the local route and skip {endpoint}"
            ),
        ),
        Some((t, from)) => {
            let compiled = model.compiled_table(t);
            let table_id = s.route_tables[t].id.clone();
            let choice = route::choose(compiled, address);
            match choice.winner.map(|w| &compiled.routes[w as usize]) {
                Some(r)
                    if r.target
                        == Target::GatewayLoadBalancerEndpoint(endpoint.as_str().into()) =>
                {
                    let why = text!(
                        "replies from {from} to {shown}: {table_id} sends {} → {endpoint}, back through the appliances",
                        r.destination
                    );
                    (table_id, true, why)
                }
                Some(r) => {
                    let why = text!(
                        "replies from {from} to {shown}: {table_id} sends {} → {}, not through {endpoint}",
                        r.destination,
                        r.target
                    );
                    (table_id, false, why)
                }
                None => {
                    let why =
                        text!("replies from {from} to {shown}: {table_id} has no route for them");
                    (table_id, false, why)
                }
            }
        }
    };
    let detail = if ctx.detail {
        if symmetric {
            text!("return leg: {why} (symmetric)")
        } else if stateful {
            text!(
                "return leg: {why}; the stateful appliances never see the reply and drop the flow"
            )
        } else {
            text!("return leg: {why}; the appliances are stateless, so the flow survives")
        }
    } else {
        String::new()
    };
    hops.add(HopKind::Return, &table_id, None, detail.clone());
    if symmetric {
        None
    } else if stateful {
        Some(detail)
    } else {
        ctx.note("asymmetric_return_stateless", || detail.clone());
        None
    }
}

/// Route `cidrs` in `table` and follow each winning route's target with the pieces it won.
/// A more specific route inside a range splits it; pieces that the same route wins travel
/// together, so a service's six ranges through one endpoint are one walk, not six.
#[allow(clippy::too_many_arguments)]
fn route_from<'m>(
    ctx: &mut Ctx<'m>,
    table: usize,
    how: &str,
    cidrs: &[Ipv4Net],
    dest: Dest,
    walk: Walk<'m>,
    prefix: Trail,
    leaves: &mut Vec<Leaf>,
) {
    let model = ctx.model;
    let compiled = model.compiled_table(table);
    let table_id: &str = &model.scenario().route_tables[table].id;
    let mut split: Vec<(Ipv4Net, Choice)> = Vec::with_capacity(2 * cidrs.len());
    for &cidr in cidrs {
        route::split_into(compiled, cidr, ctx.detail, &mut split);
    }
    // Pieces the same route wins, by index into `split`: the group's choice (an arbitrary one
    // if any piece's is), and its pieces.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, (_, choice)) in split.iter().enumerate() {
        match groups
            .iter_mut()
            .find(|(c, _)| split[*c].1.winner == choice.winner)
        {
            Some((first, members)) => {
                if choice.arbitrary() && !split[*first].1.arbitrary() {
                    *first = i;
                }
                members.push(i)
            }
            None => {
                // Usually one route takes every piece.
                let mut members = Vec::with_capacity(split.len() - i);
                members.push(i);
                groups.push((i, members))
            }
        }
    }
    // The last group (usually the only one) takes the trail and the walk; the others copy them.
    let (mut prefix, mut walk) = (prefix, Some(walk));
    let count = groups.len();
    for (g, (first, members)) in groups.into_iter().enumerate() {
        let last = g + 1 == count;
        let choice = &split[first].1;
        let pieces: Vec<Ipv4Net> = members.iter().map(|&m| split[m].0).collect();
        let mut hops = match last {
            true => std::mem::take(&mut prefix),
            false => prefix.clone(),
        };
        // The matrix needs verdicts only: no decisions, no sentences. A trace's split is exact,
        // so each piece's choice is already the one `route::choose` makes for it.
        let decisions: Vec<RouteDecision> = if ctx.detail {
            members
                .iter()
                .map(|&m| route::decision(compiled, split[m].0, &split[m].1))
                .collect()
        } else {
            Vec::new()
        };
        let detail = match decisions.first() {
            Some(d) => table_sentence(how, d),
            None => String::new(),
        };
        if choice.arbitrary() {
            let first = choice.matches.last().map(|&(c, _)| c).unwrap_or(pieces[0]);
            ctx.note("arbitrary_prefix_list_choice", || {
                text!(
                    "in {table_id}, two prefix lists hold {first} with different targets: AWS picks one at random and keeps it; shown here: the first"
                )
            });
        }
        for (_, r) in &choice.matches {
            let route = &compiled.routes[*r as usize];
            if !route.ignored.is_empty() {
                ctx.note("ignored_prefix_list_entries", || {
                    text!(
                        "{} in {table_id}: entries inside a VPC CIDR are ignored",
                        route.destination
                    )
                });
            }
        }
        hops.add_table(table_id, detail, decisions);
        follow(
            ctx,
            table,
            table_id,
            pieces,
            choice,
            dest,
            match last {
                true => walk.take(),
                false => walk.clone(),
            }
            .expect("the walk is taken by the last group only"),
            hops,
            leaves,
        );
    }
}

/// `destination → target`, as a sentence names a route.
struct RouteText<'a>(&'a crate::model::CompiledRoute);

impl std::fmt::Display for RouteText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} → {}", self.0.destination, self.0.target)
    }
}

/// An address for /32, else the CIDR.
fn net_text(n: Ipv4Net) -> NetText {
    if n.prefix_len() == 32 {
        NetText::addr(n.addr())
    } else {
        NetText::net(n)
    }
}

fn table_sentence(how: &str, d: &RouteDecision) -> String {
    use std::fmt::Write;
    let Some(w) = d.matches.iter().find(|m| m.chosen) else {
        return text!("{how}; no route matches {}", net_text(d.destination));
    };
    // One string, written in place: a quota-sized table matches many routes.
    let mut s = String::with_capacity(how.len() + 96 + 40 * d.matches.len());
    let matched_cidr = NetText::net(w.matched_cidr);
    s.push_str(how);
    s.push_str("; ");
    s.push_str(net_text(d.destination).as_str());
    s.push_str(" → ");
    s.push_str(&w.destination);
    if w.destination != matched_cidr.as_str() {
        s.push_str(" (");
        s.push_str(matched_cidr.as_str());
        s.push(')');
    }
    s.push_str(" → ");
    s.push_str(&w.target);
    s.push_str(" (");
    match d.rule {
        "only_match" => s.push_str("the only match"),
        "longest_prefix" => {
            let _ = write!(s, "longest prefix /{}", w.matched_cidr.prefix_len());
        }
        "static_over_prefix_list" => {
            s.push_str("a static route beats a prefix list at equal length")
        }
        "arbitrary_prefix_list" => {
            s.push_str("AWS's choice between equal prefix lists is arbitrary")
        }
        other => s.push_str(other),
    }
    // Pushed piece by piece rather than through the formatter: every match is listed.
    for (i, m) in d.matches.iter().filter(|m| !m.chosen).enumerate() {
        s.push_str(if i == 0 { "; also matched: " } else { ", " });
        s.push_str(&m.destination);
        s.push_str(" → ");
        s.push_str(&m.target);
    }
    s.push(')');
    s
}

#[allow(clippy::too_many_arguments)]
fn follow<'m>(
    ctx: &mut Ctx<'m>,
    table: usize,
    table_id: &str,
    pieces: Vec<Ipv4Net>,
    choice: &Choice,
    dest: Dest,
    mut walk: Walk<'m>,
    mut hops: Trail,
    leaves: &mut Vec<Leaf>,
) {
    let model = ctx.model;
    let detail = ctx.detail;
    // Sentences name the first piece; the leaf carries them all.
    let piece = pieces[0];
    let leaf = |hops: Trail, verdict: Verdict, explanation: String| Leaf {
        // The matrix groups by path only; traces list the ranges.
        cidrs: if detail { pieces.clone() } else { Vec::new() },
        eni: match dest {
            Dest::Eni { endpoint } => pieces
                .iter()
                .filter_map(|p| {
                    let all = model.endpoint_enis(endpoint);
                    all.iter()
                        .position(|x| x.ip == p.addr())
                        .map(|i| (endpoint, i))
                })
                .collect(),
            Dest::Range => Vec::new(),
        },
        hops,
        verdict,
        explanation,
    };
    let dest_label = |ctx: &Ctx<'_>| match dest {
        Dest::Range if ctx.aim.address => piece.to_string(),
        Dest::Range => text!("{} ({piece})", ctx.aim.label),
        Dest::Eni { .. } => text!("the endpoint ENI {}", piece.addr()),
    };
    let Some(w) = choice.winner else {
        // A public NAT gateway whose subnet cannot reach an internet gateway, in a VPC without one.
        let reason =
            if walk.via_nat && walk.public_ip && model.scenario().internet_gateway.is_none() {
                Reason::NoInternetGateway
            } else {
                Reason::NoRoute
            };
        let explanation = if detail {
            // A quota-sized table has a thousand routes: name a few, count the rest.
            const SHOWN: usize = 8;
            let all = &model.compiled_table(table).routes;
            let mut routes: Vec<String> = all
                .iter()
                .take(SHOWN)
                .map(|r| text!("{} → {}", r.destination, r.target))
                .collect();
            if all.len() > SHOWN {
                routes.push(text!("… and {} more", all.len() - SHOWN));
            }
            let mut e = text!(
                "no route for {} in {table_id}; its routes: {}",
                dest_label(ctx),
                routes.join(", ")
            );
            if reason == Reason::NoInternetGateway {
                e.push_str("; the VPC has no internet gateway");
            }
            e
        } else {
            String::new()
        };
        hops.add(HopKind::Blocked, table_id, None, explanation.clone());
        leaves.push(leaf(hops, Verdict::Blocked(reason), explanation));
        return;
    };
    let route = &model.compiled_table(table).routes[w as usize];
    // Written into a sentence only where a path stops: the route's text costs nothing else.
    let route_text = RouteText(route);
    let target = &route.target;

    if walk.visited.len() >= MAX_TABLES
        || target
            .id()
            .is_some_and(|id| walk.visited.iter().any(|(t, x)| *t == table && *x == id))
    {
        let explanation = say!(
            detail,
            "routing loop: {table_id} sends {piece} to {target} again ({route_text})"
        );
        hops.add(HopKind::Blocked, table_id, None, explanation.clone());
        leaves.push(leaf(
            hops,
            Verdict::Blocked(Reason::RoutingLoop),
            explanation,
        ));
        return;
    }
    if let Some(id) = target.id() {
        walk.visited.push((table, id));
    }

    let blocked = |mut hops: Trail,
                   kind: HopKind,
                   id: &str,
                   az: Option<String>,
                   reason: Reason,
                   explanation: String| {
        hops.add(kind, id, az, explanation.clone());
        leaf(hops, Verdict::Blocked(reason), explanation)
    };

    match &target {
        Target::Local => match dest {
            Dest::Eni { endpoint } => {
                // The hop's sentence lists the ENIs once the leaves are combined.
                let ie = &model.scenario().interface_endpoints[endpoint];
                hops.add(HopKind::InterfaceEndpoint, &ie.id, None, String::new());
                let via = Via::InterfaceEndpoint;
                leaves.push(leaf(
                    hops,
                    Verdict::Reachable {
                        via,
                        cross_az: None,
                    },
                    String::new(),
                ));
            }
            Dest::Range if ctx.aim.address => {
                for &p in &pieces {
                    leaves.push(deliver_locally(ctx, p, hops.clone(), table_id, &route_text));
                }
            }
            Dest::Range => {
                let e = say!(
                    detail,
                    "{} matches only the local route in {table_id}: the service's range overlaps the VPC CIDR",
                    dest_label(ctx)
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    table_id,
                    None,
                    Reason::NoRoute,
                    e,
                ));
            }
        },
        Target::GatewayEndpoint(id) => {
            let d = match detail {
                true => super::concat(&[
                    id.as_str(),
                    ": gateway endpoint (regional; no ENI and no IP address; it is only a route target). ",
                    if ctx.aim.description.is_empty() {
                        "The service"
                    } else {
                        ctx.aim.description.as_str()
                    },
                    " sees the source's private address, so bucket policies use aws:VpcSourceIp",
                ]),
                false => String::new(),
            };
            hops.add(HopKind::GatewayEndpoint, id, None, d);
            if !model.scenario().vpc.enable_dns_hostnames {
                ctx.note("dns_hostnames_off", || {
                    "enableDnsHostnames is off; AWS documents both DNS attributes on for gateway endpoints with the Amazon DNS server".into()
                });
            }
            let via = if walk.via_nat {
                Via::NatGateway
            } else {
                Via::GatewayEndpoint
            };
            leaves.push(leaf(
                hops,
                Verdict::Reachable {
                    via,
                    cross_az: None,
                },
                String::new(),
            ));
        }
        Target::InternetGateway(id) => {
            let igw = model.scenario().internet_gateway.as_ref();
            if igw.is_none_or(|g| g.id != id) {
                let e = say!(
                    detail,
                    "{route_text} in {table_id} is a blackhole: {id} is not attached to the VPC"
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    table_id,
                    None,
                    Reason::BlackholeRoute,
                    e,
                ));
                return;
            }
            if matches!(dest, Dest::Eni { .. }) {
                let e = say!(
                    detail,
                    "{} is a private address; {route_text} in {table_id} cannot reach it",
                    dest_label(ctx)
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    table_id,
                    None,
                    Reason::NoRoute,
                    e,
                ));
                return;
            }
            if !walk.public_ip {
                let (reason, e) = if walk.private_nat {
                    (
                        Reason::PrivateNatNoInternet,
                        say!(
                            detail,
                            "{route_text} in {table_id}, but traffic from a private NAT gateway cannot use an internet gateway: it is dropped"
                        ),
                    )
                } else {
                    (
                        Reason::NoPublicIp,
                        say!(
                            detail,
                            "{route_text} in {table_id}, but the source has no public IPv4 address: the internet gateway drops its traffic"
                        ),
                    )
                };
                leaves.push(blocked(hops, HopKind::InternetGateway, id, None, reason, e));
                return;
            }
            let d = say!(
                detail,
                "{id}: internet gateway (regional); traffic to AWS services' public endpoints stays on AWS's network"
            );
            hops.add(HopKind::InternetGateway, id, None, d);
            if let Some((kind, id, d)) = ctx.aim.public_hop(model, detail) {
                hops.add(kind, id, None, d);
            }
            if let Some(e) = return_leg(ctx, &walk, id, &mut hops) {
                leaves.push(leaf(hops, Verdict::Blocked(Reason::AsymmetricReturn), e));
                return;
            }
            let via = if walk.via_nat {
                Via::NatGateway
            } else {
                Via::InternetGateway
            };
            leaves.push(leaf(
                hops,
                Verdict::Reachable {
                    via,
                    cross_az: None,
                },
                String::new(),
            ));
        }
        Target::NatGateway(id) => {
            let Some(&ni) = model.nat_lookup.get(id.as_str()) else {
                let e = say!(
                    detail,
                    "{route_text} in {table_id} is a blackhole: {id} does not exist"
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    table_id,
                    None,
                    Reason::BlackholeRoute,
                    e,
                ));
                return;
            };
            let nat = &model.scenario().nat_gateways[ni];
            let public = nat.connectivity == NatConnectivity::Public;
            let kind_text = if public { "public" } else { "private" };
            match nat.availability_mode {
                AvailabilityMode::Regional => {
                    let all_failed = !ctx.failed.is_empty() && ctx.failed.iter().all(|&f| f);
                    if all_failed {
                        let e = say!(
                            detail,
                            "{route_text} in {table_id}, and every AZ of the regional NAT gateway {id} has failed"
                        );
                        leaves.push(blocked(
                            hops,
                            HopKind::NatGateway,
                            id,
                            None,
                            Reason::NatAzFailed,
                            e,
                        ));
                        return;
                    }
                    let d = say!(
                        detail,
                        "{id}: regional {kind_text} NAT gateway (spans the VPC's AZs, survives the loss of one); translates the source to its public address"
                    );
                    hops.add(HopKind::NatGateway, id, None, d);
                    walk.via_nat = true;
                    walk.public_ip = public;
                    walk.private_nat = !public;
                    if walk.gwlb.take().is_some() {
                        ctx.note("return_not_evaluated", || {
                            text!("the return leg through the regional NAT gateway {id} to the GWLB endpoint is not modelled")
                        });
                    }
                    let Some(igw) = model.scenario().internet_gateway.as_ref() else {
                        let e = say!(
                            detail,
                            "the regional NAT gateway {id} needs the VPC's internet gateway, and the VPC has none"
                        );
                        leaves.push(blocked(
                            hops,
                            HopKind::Blocked,
                            id,
                            None,
                            Reason::NoInternetGateway,
                            e,
                        ));
                        return;
                    };
                    if !public {
                        let e = say!(
                            detail,
                            "{id} is a private NAT gateway: it cannot reach the internet"
                        );
                        leaves.push(blocked(
                            hops,
                            HopKind::Blocked,
                            id,
                            None,
                            Reason::PrivateNatNoInternet,
                            e,
                        ));
                        return;
                    }
                    let d = say!(detail, "{}: internet gateway (regional)", igw.id);
                    hops.add(HopKind::InternetGateway, &igw.id, None, d);
                    if let Some((kind, id, d)) = ctx.aim.public_hop(model, detail) {
                        hops.add(kind, id, None, d);
                    }
                    leaves.push(leaf(
                        hops,
                        Verdict::Reachable {
                            via: Via::NatGateway,
                            cross_az: None,
                        },
                        String::new(),
                    ));
                }
                AvailabilityMode::Zonal => {
                    let (si, az, az_label) = match zonal_placement(
                        ctx,
                        nat.subnet.as_deref(),
                        id,
                        HopKind::NatGateway,
                        Reason::NatAzFailed,
                        table_id,
                        &route_text,
                    ) {
                        Ok(placed) => placed,
                        Err((kind, at, az, reason, e)) => {
                            leaves.push(blocked(hops, kind, &at, az, reason, e));
                            return;
                        }
                    };
                    if walk.source_az != az {
                        ctx.note("cross_az_dependency", || {
                            text!("{id} is in {az_label}: the path depends on that AZ and pays inter-AZ transfer")
                        });
                    }
                    let (next, how) = subnet_table_text(ctx, id, si);
                    let d = match detail {
                        true => super::concat(&[
                            id.as_str(),
                            ": ",
                            kind_text,
                            " NAT gateway in ",
                            &model.scenario().subnets[si].id,
                            " (",
                            &az_label,
                            "); ",
                            if public {
                                "translates the source to its Elastic IP"
                            } else {
                                "translates the source to its private IP; it cannot reach the internet"
                            },
                        ]),
                        false => String::new(),
                    };
                    hops.add(HopKind::NatGateway, id, Some(az_label), d);
                    walk.via_nat = true;
                    walk.public_ip = public;
                    walk.private_nat = !public;
                    walk.address = model.scenario().subnets[si].cidr;
                    if walk.gwlb.is_some() {
                        walk.nat_after_gwlb = Some(ni);
                    }
                    route_from(ctx, next, &how, &pieces, dest, walk, hops, leaves);
                }
            }
        }
        Target::GatewayLoadBalancerEndpoint(id) => {
            let Some(&gi) = model.gwlb_lookup.get(id.as_str()) else {
                let e = say!(
                    detail,
                    "{route_text} in {table_id} is a blackhole: {id} does not exist"
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    table_id,
                    None,
                    Reason::BlackholeRoute,
                    e,
                ));
                return;
            };
            let ge = &model.scenario().gwlb_endpoints[gi];
            let (si, az, az_label) = match zonal_placement(
                ctx,
                Some(ge.subnet.as_str()),
                id,
                HopKind::GwlbEndpoint,
                Reason::GwlbEndpointFailed,
                table_id,
                &route_text,
            ) {
                Ok(placed) => placed,
                Err((kind, at, az, reason, e)) => {
                    leaves.push(blocked(hops, kind, &at, az, reason, e));
                    return;
                }
            };
            let d = say!(
                detail,
                "{id}: Gateway Load Balancer endpoint in {} ({az_label})",
                ge.subnet
            );
            hops.add(HopKind::GwlbEndpoint, id, Some(az_label.clone()), d);
            if !ge.appliances_up {
                let e = say!(
                    detail,
                    "{route_text} in {table_id}, but the appliances behind {id} are down: nothing inspects and returns the traffic"
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Inspection,
                    id,
                    Some(az_label),
                    Reason::GwlbEndpointFailed,
                    e,
                ));
                return;
            }
            let lb = model
                .scenario()
                .gateway_load_balancers
                .iter()
                .find(|lb| lb.endpoints.iter().any(|e| e == id));
            if let Some(lb) = lb {
                // Cross-zone load balancing off (AWS's default): only this AZ's appliances serve.
                let serving = |a: &crate::model::ApplianceZone| {
                    a.healthy
                        && model.az_index(&a.az).is_some_and(|x| {
                            !ctx.az_failed(x) && (lb.cross_zone_load_balancing || x == az)
                        })
                };
                if !lb.appliances.iter().any(serving) {
                    let e = if detail {
                        if lb.cross_zone_load_balancing {
                            text!(
                                "{route_text} in {table_id}, but {} has no healthy appliance in any healthy AZ",
                                lb.id
                            )
                        } else {
                            text!(
                                "{route_text} in {table_id}, but {} has no healthy appliance in {az_label}, and cross-zone load balancing is off (AWS's default), so no other AZ's appliances take {id}'s traffic",
                                lb.id
                            )
                        }
                    } else {
                        String::new()
                    };
                    leaves.push(blocked(
                        hops,
                        HopKind::Inspection,
                        &lb.id,
                        Some(az_label),
                        Reason::GwlbEndpointFailed,
                        e,
                    ));
                    return;
                }
            }
            let d = if detail {
                match lb {
                    Some(lb) => text!(
                        "appliances of {} inspect the traffic ({}{}) and return it through {id}",
                        lb.id,
                        if lb.cross_zone_load_balancing {
                            "cross-zone load balancing on"
                        } else {
                            "cross-zone load balancing off: this AZ's appliances only"
                        },
                        if lb.stateful {
                            ", stateful"
                        } else {
                            ", stateless"
                        }
                    ),
                    None => text!(
                        "appliances behind the Gateway Load Balancer inspect the traffic and return it through {id}"
                    ),
                }
            } else {
                String::new()
            };
            hops.add(HopKind::Inspection, id, Some(az_label), d);
            walk.gwlb = Some((gi, walk.address));
            walk.nat_after_gwlb = None;
            let (next, how) = subnet_table_text(ctx, id, si);
            route_from(ctx, next, &how, &pieces, dest, walk, hops, leaves);
        }
        Target::NetworkInterface(id) => {
            let Some(&ei) = model.eni_lookup.get(id.as_str()) else {
                let e = say!(
                    detail,
                    "{route_text} in {table_id} is a blackhole: {id} does not exist"
                );
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    table_id,
                    None,
                    Reason::BlackholeRoute,
                    e,
                ));
                return;
            };
            let eni = &model.scenario().network_interfaces[ei];
            let (si, _, az_label) = match zonal_placement(
                ctx,
                Some(eni.subnet.as_str()),
                id,
                HopKind::NetworkInterface,
                Reason::ApplianceUnavailable,
                table_id,
                &route_text,
            ) {
                Ok(placed) => placed,
                Err((kind, at, az, reason, e)) => {
                    leaves.push(blocked(hops, kind, &at, az, reason, e));
                    return;
                }
            };
            let d = say!(
                detail,
                "{id}: appliance network interface in {} ({az_label}){}",
                eni.subnet,
                if eni.public_ip {
                    "; it has a public IPv4, so it forwards as a NAT instance"
                } else {
                    "; it forwards the traffic unchanged"
                }
            );
            hops.add(HopKind::NetworkInterface, id, Some(az_label), d);
            if eni.public_ip {
                walk.public_ip = true;
                walk.private_nat = false;
            }
            let (next, how) = subnet_table_text(ctx, id, si);
            route_from(ctx, next, &how, &pieces, dest, walk, hops, leaves);
        }
        Target::Blackhole => {
            let e = say!(
                detail,
                "{route_text} in {table_id}: the route is a blackhole, traffic is dropped"
            );
            leaves.push(blocked(
                hops,
                HopKind::Blocked,
                table_id,
                None,
                Reason::BlackholeRoute,
                e,
            ));
        }
        Target::VpcPeering(id) | Target::TransitGateway(id) | Target::VirtualPrivateGateway(id) => {
            let e = say!(
                detail,
                "{route_text} in {table_id}: {id} leaves the VPC; what happens beyond it is outside the model"
            );
            hops.add(HopKind::LeavesVpc, id, None, e.clone());
            leaves.push(leaf(hops, Verdict::LeavesVpc { target: id.clone() }, e));
        }
    }
}

/// A leaf's path for grouping: its verdict and the objects it passed.
type Signature<'a> = (&'a Verdict, u64);

fn signature(leaf: &Leaf) -> Signature<'_> {
    (&leaf.verdict, leaf.hops.sig)
}

/// The hops of a walk, and what identifies its path. The matrix (no sentences) keeps only the
/// identity, so it allocates no hop at all.
#[derive(Debug, Clone, Default)]
struct Trail {
    detail: bool,
    hops: Vec<Hop>,
    /// A running hash of (kind, object id) over the hops: enough to tell two paths apart.
    sig: u64,
}

impl Trail {
    fn new(detail: bool) -> Self {
        Trail {
            detail,
            // A trace's walk passes a few hops; the matrix keeps none.
            hops: Vec::with_capacity(if detail { 6 } else { 0 }),
            sig: 0,
        }
    }

    fn mix(&mut self, kind: HopKind, id: &str) {
        self.sig = (self.sig ^ id_hash(id))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .wrapping_add(kind as u64 + 1);
    }

    fn add(&mut self, kind: HopKind, id: &str, az: Option<String>, detail: String) {
        self.mix(kind, id);
        if self.detail {
            self.hops.push(hop(kind, id, az, detail));
        }
    }

    fn add_table(&mut self, id: &str, detail: String, decisions: Vec<RouteDecision>) {
        self.mix(HopKind::RouteTable, id);
        if self.detail {
            self.hops.push(Hop {
                kind: HopKind::RouteTable,
                id: id.to_string(),
                az: None,
                detail,
                decisions,
            });
        }
    }
}

/// FNV-1a: ids are short and the hash only groups paths within one evaluation.
fn id_hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn merge(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: &str,
    prefix: Vec<Hop>,
    leaves: Vec<Leaf>,
) -> PathTrace {
    let src_az = ctx.az_of_subnet(source.subnet);
    if !ctx.detail {
        // The matrix: the verdict alone, without parts, hops or sentences.
        let verdict = match leaves.first() {
            None => Verdict::Blocked(Reason::NoRoute),
            Some(first) if leaves.iter().any(|l| signature(l) != signature(first)) => {
                Verdict::Partial
            }
            Some(first) => match first.verdict {
                Verdict::Reachable {
                    via: Via::InterfaceEndpoint,
                    ..
                } => Verdict::Reachable {
                    via: Via::InterfaceEndpoint,
                    cross_az: Some(cross_az_of(
                        ctx.model,
                        src_az,
                        leaves.iter().flat_map(|l| l.eni.iter().copied()),
                    )),
                },
                ref v => v.clone(),
            },
        };
        return finish(
            ctx,
            source,
            String::new(),
            prefix,
            verdict,
            String::new(),
            Vec::new(),
        );
    }
    let service_name = to.to_string();
    if leaves.len() == 1 {
        // One path: nothing to group.
        let p = combine(ctx, src_az, to, leaves);
        let mut hops = prefix;
        hops.extend(p.hops);
        return finish(
            ctx,
            source,
            service_name,
            hops,
            p.verdict,
            p.explanation,
            Vec::new(),
        );
    }
    // Group leaves by path, keeping first-seen order; each leaf's signature is built once.
    let group_of: Vec<usize> = {
        let sigs: Vec<Signature<'_>> = leaves.iter().map(signature).collect();
        let mut firsts: Vec<usize> = Vec::new();
        (0..sigs.len())
            .map(|i| match firsts.iter().position(|&f| sigs[f] == sigs[i]) {
                Some(g) => g,
                None => {
                    firsts.push(i);
                    firsts.len() - 1
                }
            })
            .collect()
    };
    let count = group_of.iter().max().map_or(0, |m| m + 1);
    let mut groups: Vec<Vec<Leaf>> = (0..count).map(|_| Vec::new()).collect();
    for (leaf, g) in leaves.into_iter().zip(group_of) {
        groups[g].push(leaf);
    }
    let mut parts: Vec<Part> = groups
        .into_iter()
        .map(|g| combine(ctx, src_az, to, g))
        .collect();
    if parts.len() == 1 {
        let p = parts.pop().unwrap_or_else(unreachable_part);
        let mut hops = prefix;
        hops.extend(p.hops);
        finish(
            ctx,
            source,
            service_name,
            hops,
            p.verdict,
            p.explanation,
            Vec::new(),
        )
    } else if parts.is_empty() {
        finish(
            ctx,
            source,
            service_name,
            prefix,
            Verdict::Blocked(Reason::NoRoute),
            String::new(),
            Vec::new(),
        )
    } else {
        let explanation = if ctx.detail {
            // The part with the most ranges is "the rest": name the exceptions, count the rest.
            let biggest = (0..parts.len())
                .max_by_key(|&i| parts[i].cidrs.len())
                .unwrap_or(0);
            let pieces: Vec<String> = parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let what = if i == biggest && parts.len() > 1 {
                        text!("the rest ({} CIDRs)", p.cidrs.len())
                    } else {
                        p.cidrs
                            .iter()
                            .map(|c| c.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    text!("{what} → {}", short_outcome(&p.verdict))
                })
                .collect();
            text!(
                "{service_name} is partially reachable: its ranges take different paths: {}",
                pieces.join("; ")
            )
        } else {
            String::new()
        };
        finish(
            ctx,
            source,
            service_name,
            prefix,
            Verdict::Partial,
            explanation,
            parts,
        )
    }
}

/// Where the reachable ENIs are, against the client's AZ (aws-semantics.md §3): all in its AZ,
/// some, or none.
fn cross_az_of(
    model: &Model,
    src_az: usize,
    enis: impl Iterator<Item = (usize, usize)>,
) -> CrossAz {
    let (mut own, mut other) = (0, 0);
    for (e, i) in enis {
        if model.endpoint_enis(e)[i].az == src_az {
            own += 1;
        } else {
            other += 1;
        }
    }
    match (own, other) {
        (_, 0) => CrossAz::Never,
        (0, _) => CrossAz::Always,
        _ => CrossAz::Sometimes,
    }
}

fn unreachable_part() -> Part {
    Part {
        to: None,
        cidrs: Vec::new(),
        verdict: Verdict::Blocked(Reason::NoRoute),
        explanation: String::new(),
        hops: Vec::new(),
    }
}

fn short_outcome(v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, .. } => text!("reachable via {}", via.code()),
        Verdict::Blocked(r) => text!("blocked ({})", r.code()),
        other => other.code().to_string(),
    }
}

/// Combine leaves that took the same path: route-table decisions are concatenated; for ENIs the
/// endpoint hop lists every ENI and `cross_az` is computed.
fn combine(ctx: &mut Ctx<'_>, src_az: usize, to: &str, group: Vec<Leaf>) -> Part {
    let model = ctx.model;
    let mut iter = group.into_iter();
    let first = iter.next().unwrap_or_else(|| Leaf {
        cidrs: Vec::new(),
        eni: Vec::new(),
        hops: Trail::default(),
        verdict: Verdict::Blocked(Reason::NoRoute),
        explanation: String::new(),
    });
    let mut cidrs = first.cidrs;
    let mut enis: Vec<(usize, usize)> = first.eni;
    let mut hops = first.hops.hops;
    let mut verdict = first.verdict;
    let mut explanation = first.explanation;
    for leaf in iter {
        cidrs.extend(leaf.cidrs);
        enis.extend(leaf.eni);
        for (h, other) in hops.iter_mut().zip(leaf.hops.hops) {
            h.decisions.extend(other.decisions);
        }
    }
    let total = cidrs.len();
    if ctx.detail && total > 1 {
        for h in hops.iter_mut().filter(|h| h.kind == HopKind::RouteTable) {
            let n = h.decisions.len();
            if n > 1 {
                use std::fmt::Write;
                h.detail.push_str(" (and ");
                let _ = write!(h.detail, "{}", n - 1);
                h.detail.push_str(match n {
                    2 => " more destination the same way)",
                    _ => " more destinations the same way)",
                });
            }
        }
    }
    if let Verdict::Reachable {
        via: Via::InterfaceEndpoint,
        ..
    } = verdict
    {
        let cross_az = cross_az_of(model, src_az, enis.iter().copied());
        verdict = Verdict::Reachable {
            via: Via::InterfaceEndpoint,
            cross_az: Some(cross_az),
        };
        if let Some(endpoint) = enis.first().map(|&(e, _)| e) {
            let ie = &model.scenario().interface_endpoints[endpoint];
            if ctx.detail
                && let Some(h) = hops
                    .iter_mut()
                    .rev()
                    .find(|h| h.kind == HopKind::InterfaceEndpoint)
            {
                // Written in place: one string however many ENIs.
                let mut detail = String::with_capacity(ie.id.len() + 80 + 40 * enis.len());
                detail.push_str(&ie.id);
                detail.push_str(
                    ": interface endpoint (AWS PrivateLink); the client picks among its ENIs ",
                );
                for (k, &(e, i)) in enis.iter().enumerate() {
                    let info = &model.endpoint_enis(e)[i];
                    if k > 0 {
                        detail.push_str(", ");
                    }
                    detail.push_str(NetText::addr(info.ip).as_str());
                    detail.push_str(" in ");
                    detail.push_str(ctx.model.az_label_str(info.az));
                }
                h.detail = detail;
                h.az = None;
                h.decisions.clear();
            }
            if cross_az == CrossAz::Always {
                ctx.note("cross_az_dependency", || {
                    text!(
                        "no ENI of {} in the source's AZ: the path works but crosses AZs (inter-AZ transfer is billed) and depends on another AZ",
                        ie.id
                    )
                });
            }
            if ctx.detail {
                explanation = text!(
                    "reaches {} through interface endpoint {} ({} ENI{}; cross-AZ: {})",
                    to,
                    ie.id,
                    enis.len(),
                    if enis.len() == 1 { "" } else { "s" },
                    cross_az.code()
                );
            }
        }
    } else if ctx.detail && verdict.is_reachable() {
        // "reaches s3 through nat gateway nat-a, then internet gateway igw-1": the hop kinds'
        // codes with spaces, written in place.
        let mut through = String::new();
        for h in &hops {
            let name = match h.kind {
                HopKind::GatewayEndpoint => "gateway endpoint",
                HopKind::NatGateway => "nat gateway",
                HopKind::GwlbEndpoint => "gwlb endpoint",
                HopKind::NetworkInterface => "network interface",
                HopKind::InternetGateway => "internet gateway",
                _ => continue,
            };
            if through.is_empty() {
                through.reserve(to.len() + 64);
                through.push_str("reaches ");
                through.push_str(to);
                through.push_str(" through ");
            } else {
                through.push_str(", then ");
            }
            through.push_str(name);
            through.push(' ');
            through.push_str(&h.id);
        }
        if !through.is_empty() {
            explanation = through;
        }
        // Only AWS services' public endpoints are on AWS's network; a plain address is not.
        if !ctx.aim.address && matches!(verdict.via(), Some(Via::InternetGateway | Via::NatGateway))
        {
            ctx.note("public_endpoint_stays_on_aws", || {
                "via internet gateway (public endpoint): traffic to AWS services stays on AWS's network".into()
            });
        }
    }
    cidrs.sort();
    Part {
        to: None,
        cidrs,
        verdict,
        explanation,
        hops,
    }
}

fn finish(
    ctx: &mut Ctx<'_>,
    source: &Source,
    to: String,
    hops: Vec<Hop>,
    verdict: Verdict,
    explanation: String,
    parts: Vec<Part>,
) -> PathTrace {
    PathTrace {
        from: source.label.clone(),
        to,
        verdict,
        explanation,
        notes: std::mem::take(&mut ctx.notes),
        hops,
        parts,
    }
}

/// The first usable address of a subnet is never an endpoint's: used to describe the resolver.
pub(crate) fn resolver_address(model: &Model) -> Option<Ipv4Addr> {
    let cidr = model.scenario().vpc.cidrs.first()?;
    u32::from(cidr.network()).checked_add(2).map(Ipv4Addr::from)
}
