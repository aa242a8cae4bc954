//! `evaluate`: one source, one destination → a [`PathTrace`]. Pure: it reads the model and the
//! what-if state and allocates only the trace.
//!
//! The walk: source → DNS → the source subnet's route table → the winning route's target, and
//! on through NAT gateways, GWLB endpoints and appliance ENIs (each routes again by *its own*
//! subnet's table) to a gateway endpoint, an interface-endpoint ENI or the internet gateway.
//! Every destination CIDR is walked; CIDRs that end differently make a partial verdict.

use std::net::Ipv4Addr;

use ipnet::Ipv4Net;

use crate::model::{Association, AvailabilityMode, Model, NatConnectivity, Target, WhatIf};

use super::dns::{self, Answer};
use super::route::{self, Choice};
use super::trace::*;

/// Where traffic starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// An instance id or name.
    Instance(String),
}

/// Where traffic goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum To {
    /// A catalogue service name (`s3`, `ssm`, ...).
    Service(String),
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
}

/// A query that names something the model does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("no instance {0}; instances: {1}")]
    UnknownInstance(String, String),
    #[error("no service {0}; services: {1}")]
    UnknownService(String, String),
}

/// The resolved source of a path.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub label: String,
    pub subnet: usize,
    pub public_ip: bool,
}

pub(crate) struct Ctx<'m> {
    pub model: &'m Model,
    pub failed: Vec<bool>,
    /// Build sentences. The matrix turns this off: it needs verdicts only.
    pub detail: bool,
    pub notes: Vec<Note>,
}

impl Ctx<'_> {
    pub fn note(&mut self, code: &'static str, text: impl FnOnce() -> String) {
        if !self.notes.iter().any(|n| n.code == code) {
            let text = if self.detail { text() } else { String::new() };
            self.notes.push(Note { code, text });
        }
    }

    fn az_of_subnet(&self, subnet: usize) -> usize {
        self.model.subnet_az[subnet]
    }

    fn az_failed(&self, az: usize) -> bool {
        self.failed.get(az).copied().unwrap_or(false)
    }
}

/// Evaluate one query. Unknown names are a [`QueryError`]; everything else is a trace.
pub fn evaluate(model: &Model, what_if: &WhatIf, query: &Query) -> Result<PathTrace, QueryError> {
    let source = resolve_source(model, &query.from)?;
    let To::Service(name) = &query.to;
    let svc = model.service_lookup.get(name).copied().ok_or_else(|| {
        QueryError::UnknownService(
            name.clone(),
            model
                .services()
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        )
    })?;
    let mut ctx = Ctx {
        model,
        failed: model.failed_azs(what_if),
        detail: true,
        notes: Vec::new(),
    };
    Ok(evaluate_service(&mut ctx, &source, svc))
}

pub(crate) fn resolve_source(model: &Model, from: &From) -> Result<Source, QueryError> {
    let From::Instance(name) = from;
    let i = model.instance_index(name).ok_or_else(|| {
        QueryError::UnknownInstance(
            name.clone(),
            model
                .scenario()
                .instances
                .iter()
                .map(|i| match &i.name {
                    Some(n) => format!("{} ({n})", i.id),
                    None => i.id.clone(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        )
    })?;
    let inst = &model.scenario().instances[i];
    Ok(Source {
        label: match &inst.name {
            Some(n) => format!("{} ({n})", inst.id),
            None => inst.id.clone(),
        },
        subnet: model.subnet_index(&inst.subnet).unwrap_or(0),
        public_ip: inst.public_ip,
    })
}

/// What is being routed: a public service range, or one interface-endpoint ENI.
#[derive(Debug, Clone, Copy)]
enum Dest {
    Service(usize),
    Eni { endpoint: usize, eni: usize },
}

/// Per-walk state: what the packet looks like now.
#[derive(Debug, Clone)]
struct Walk {
    /// The packet's source has a public IPv4 (the instance's, a public NAT's, a NAT instance's).
    public_ip: bool,
    /// It left through a private NAT gateway.
    private_nat: bool,
    /// It passed a NAT gateway (for `via`).
    via_nat: bool,
    /// (table, target id) pairs passed: a repeat is a routing loop.
    visited: Vec<(usize, String)>,
}

/// One destination piece's path to its end.
#[derive(Debug, Clone)]
struct Leaf {
    cidr: Ipv4Net,
    eni: Option<(usize, usize)>,
    hops: Vec<Hop>,
    verdict: Verdict,
    explanation: String,
}

const MAX_TABLES: usize = 16;

pub(crate) fn evaluate_service(ctx: &mut Ctx<'_>, source: &Source, svc: usize) -> PathTrace {
    let model = ctx.model;
    let service = &model.services()[svc];
    let subnet = &model.scenario().subnets[source.subnet];
    let az = ctx.az_of_subnet(source.subnet);
    let mut hops = Vec::with_capacity(6);
    let az_label = model.az_label(az);
    let source_detail = if ctx.detail {
        format!(
            "{} in {} ({}), {}; {}",
            source.label,
            subnet.id,
            subnet.cidr,
            az_label,
            if source.public_ip {
                "has a public IPv4 address"
            } else {
                "no public IPv4 address"
            }
        )
    } else {
        String::new()
    };
    if ctx.az_failed(az) {
        let explanation = if ctx.detail {
            format!(
                "{} is unavailable: its AZ {} has failed",
                source.label, az_label
            )
        } else {
            String::new()
        };
        hops.push(hop(
            HopKind::Source,
            &source.label,
            Some(az_label),
            source_detail,
        ));
        return finish(
            ctx,
            source,
            service.name.clone(),
            hops,
            Verdict::Unavailable(Reason::SourceAzFailed),
            explanation,
            Vec::new(),
        );
    }
    hops.push(hop(
        HopKind::Source,
        &source.label,
        Some(az_label),
        source_detail,
    ));

    let (answer, dns_hop) = dns::resolve(ctx, source, svc);
    hops.push(dns_hop);
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
                let explanation = if ctx.detail {
                    format!(
                        "{} has no public addresses in {}; only an interface endpoint with private DNS would reach it",
                        service.name,
                        model.scenario().region
                    )
                } else {
                    String::new()
                };
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
            let walk = Walk {
                public_ip: source.public_ip,
                private_nat: false,
                via_nat: false,
                visited: Vec::new(),
            };
            let (table, assoc) = model.subnet_route_table(source.subnet);
            let how = association_text(ctx, table, assoc, source.subnet);
            for &cidr in &service.cidrs {
                route_from(
                    ctx,
                    table,
                    &how,
                    cidr,
                    Dest::Service(svc),
                    walk.clone(),
                    Vec::new(),
                    &mut leaves,
                );
            }
        }
        Answer::Enis { endpoint, enis } => {
            let walk = Walk {
                public_ip: source.public_ip,
                private_nat: false,
                via_nat: false,
                visited: Vec::new(),
            };
            let (table, assoc) = model.subnet_route_table(source.subnet);
            let how = association_text(ctx, table, assoc, source.subnet);
            for eni in enis {
                let ip = model.endpoint_enis(endpoint)[eni].ip;
                route_from(
                    ctx,
                    table,
                    &how,
                    Ipv4Net::from(ip),
                    Dest::Eni { endpoint, eni },
                    walk.clone(),
                    Vec::new(),
                    &mut leaves,
                );
            }
        }
    }
    merge(ctx, source, svc, hops, leaves)
}

fn hop(kind: HopKind, id: &str, az: Option<String>, detail: String) -> Hop {
    Hop {
        kind,
        id: id.to_string(),
        az,
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
        Association::Explicit => format!(
            "{} is explicitly associated with {}",
            s.subnets[subnet].id, t.id
        ),
        Association::ImplicitMain => format!(
            "{} has no explicit association, so it uses the main table {}",
            s.subnets[subnet].id, t.id
        ),
    }
}

fn subnet_table_text(ctx: &Ctx<'_>, owner: &str, subnet: usize) -> (usize, String) {
    let (table, assoc) = ctx.model.subnet_route_table(subnet);
    let text = if ctx.detail {
        let s = ctx.model.scenario();
        format!(
            "{owner} routes by its own subnet's table: {} uses {} ({})",
            s.subnets[subnet].id,
            s.route_tables[table].id,
            match assoc {
                Association::Explicit => "explicit association",
                Association::ImplicitMain => "main table, implicit",
            }
        )
    } else {
        String::new()
    };
    (table, text)
}

/// Route `cidr` in `table`, follow each piece's target, push the leaves.
#[allow(clippy::too_many_arguments)]
fn route_from(
    ctx: &mut Ctx<'_>,
    table: usize,
    how: &str,
    cidr: Ipv4Net,
    dest: Dest,
    walk: Walk,
    prefix: Vec<Hop>,
    leaves: &mut Vec<Leaf>,
) {
    let compiled = ctx.model.compiled_table(table);
    for (piece, choice) in route::split(compiled, cidr) {
        let mut hops = prefix.clone();
        let table_id = ctx.model.scenario().route_tables[table].id.clone();
        let decision = route::decision(compiled, piece, &choice);
        let detail = if ctx.detail {
            table_sentence(how, &decision)
        } else {
            String::new()
        };
        if choice.arbitrary() {
            ctx.note("arbitrary_prefix_list_choice", || {
                format!(
                    "in {table_id}, two prefix lists hold {} with different targets: AWS picks one at random and keeps it; shown here: the first",
                    decision.matches.first().map(|m| m.matched_cidr).unwrap_or(piece)
                )
            });
        }
        for (c, r) in &choice.matches {
            let _ = c;
            if !compiled.routes[*r as usize].ignored.is_empty() {
                ctx.note("ignored_prefix_list_entries", || {
                    format!(
                        "{} in {table_id}: entries inside a VPC CIDR are ignored",
                        compiled.routes[*r as usize].destination
                    )
                });
            }
        }
        hops.push(Hop {
            kind: HopKind::RouteTable,
            id: table_id.clone(),
            az: None,
            detail,
            decisions: vec![decision],
        });
        follow(
            ctx,
            table,
            &table_id,
            piece,
            &choice,
            dest,
            walk.clone(),
            hops,
            leaves,
        );
    }
}

fn table_sentence(how: &str, d: &RouteDecision) -> String {
    let Some(w) = d.matches.iter().find(|m| m.chosen) else {
        return format!("{how}; no route matches {}", d.destination);
    };
    let others: Vec<String> = d
        .matches
        .iter()
        .filter(|m| !m.chosen)
        .map(|m| format!("{} → {}", m.destination, m.target))
        .collect();
    let rule = match d.rule {
        "only_match" => "the only match".to_string(),
        "longest_prefix" => format!("longest prefix /{}", w.matched_cidr.prefix_len()),
        "static_over_prefix_list" => "a static route beats a prefix list at equal length".into(),
        "arbitrary_prefix_list" => "AWS's choice between equal prefix lists is arbitrary".into(),
        other => other.to_string(),
    };
    let matched = if w.destination == w.matched_cidr.to_string() {
        w.destination.clone()
    } else {
        format!("{} ({})", w.destination, w.matched_cidr)
    };
    if others.is_empty() {
        format!(
            "{how}; {} → {matched} → {} ({rule})",
            d.destination, w.target
        )
    } else {
        format!(
            "{how}; {} → {matched} → {} ({rule}; also matched: {})",
            d.destination,
            w.target,
            others.join(", ")
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn follow(
    ctx: &mut Ctx<'_>,
    table: usize,
    table_id: &str,
    piece: Ipv4Net,
    choice: &Choice,
    dest: Dest,
    mut walk: Walk,
    mut hops: Vec<Hop>,
    leaves: &mut Vec<Leaf>,
) {
    let model = ctx.model;
    let detail = ctx.detail;
    let leaf = |hops: Vec<Hop>, verdict: Verdict, explanation: String| Leaf {
        cidr: piece,
        eni: match dest {
            Dest::Eni { endpoint, eni } => Some((endpoint, eni)),
            Dest::Service(_) => None,
        },
        hops,
        verdict,
        explanation,
    };
    let dest_label = |ctx: &Ctx<'_>| match dest {
        Dest::Service(s) => {
            let svc = &ctx.model.services()[s];
            // Only services with a gateway endpoint have an AWS-managed prefix list.
            if svc.gateway_endpoint {
                format!("{} ({piece})", svc.prefix_list_name())
            } else {
                format!("{} ({piece})", svc.name)
            }
        }
        Dest::Eni { .. } => format!("the endpoint ENI {}", piece.addr()),
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
            let routes: Vec<String> = model
                .compiled_table(table)
                .routes
                .iter()
                .map(|r| format!("{} → {}", r.destination, r.target))
                .collect();
            let mut e = format!(
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
        hops.push(hop(HopKind::Blocked, table_id, None, explanation.clone()));
        leaves.push(leaf(hops, Verdict::Blocked(reason), explanation));
        return;
    };
    let route = &model.compiled_table(table).routes[w as usize];
    let route_text = format!("{} → {}", route.destination, route.target);
    let target = route.target.clone();

    if walk.visited.len() >= MAX_TABLES
        || target
            .id()
            .is_some_and(|id| walk.visited.iter().any(|(t, x)| *t == table && x == id))
    {
        let explanation = if detail {
            format!("routing loop: {table_id} sends {piece} to {target} again ({route_text})")
        } else {
            String::new()
        };
        hops.push(hop(HopKind::Blocked, table_id, None, explanation.clone()));
        leaves.push(leaf(
            hops,
            Verdict::Blocked(Reason::RoutingLoop),
            explanation,
        ));
        return;
    }
    if let Some(id) = target.id() {
        walk.visited.push((table, id.to_string()));
    }

    let blocked = |mut hops: Vec<Hop>,
                   kind: HopKind,
                   id: &str,
                   az: Option<String>,
                   reason: Reason,
                   explanation: String| {
        hops.push(hop(kind, id, az, explanation.clone()));
        leaf(hops, Verdict::Blocked(reason), explanation)
    };

    match &target {
        Target::Local => match dest {
            Dest::Eni { endpoint, eni } => {
                let info = &model.endpoint_enis(endpoint)[eni];
                let ie = &model.scenario().interface_endpoints[endpoint];
                let az = model.az_label(info.az);
                let d = if detail {
                    format!(
                        "endpoint network interface {} in {} ({az}) of {}",
                        info.ip,
                        model.scenario().subnets[info.subnet].id,
                        ie.id
                    )
                } else {
                    String::new()
                };
                hops.push(hop(HopKind::InterfaceEndpoint, &ie.id, Some(az), d));
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
            Dest::Service(_) => {
                let e = if detail {
                    format!(
                        "{} matches only the local route in {table_id}: the service's range overlaps the VPC CIDR",
                        dest_label(ctx)
                    )
                } else {
                    String::new()
                };
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
            let d = if detail {
                format!(
                    "{id}: gateway endpoint (regional; no ENI and no IP address; it is only a route target). {} sees the source's private address, so bucket policies use aws:VpcSourceIp",
                    match dest {
                        Dest::Service(s) => model.services()[s].description.clone(),
                        Dest::Eni { .. } => String::new(),
                    }
                )
            } else {
                String::new()
            };
            hops.push(hop(HopKind::GatewayEndpoint, id, None, d));
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
            if igw.is_none_or(|g| &g.id != id) {
                let e = if detail {
                    format!(
                        "{route_text} in {table_id} is a blackhole: {id} is not attached to the VPC"
                    )
                } else {
                    String::new()
                };
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
                let e = if detail {
                    format!(
                        "{} is a private address; {route_text} in {table_id} cannot reach it",
                        dest_label(ctx)
                    )
                } else {
                    String::new()
                };
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
                        if detail {
                            format!(
                                "{route_text} in {table_id}, but traffic from a private NAT gateway cannot use an internet gateway: it is dropped"
                            )
                        } else {
                            String::new()
                        },
                    )
                } else {
                    (
                        Reason::NoPublicIp,
                        if detail {
                            format!(
                                "{route_text} in {table_id}, but the source has no public IPv4 address: the internet gateway drops its traffic"
                            )
                        } else {
                            String::new()
                        },
                    )
                };
                leaves.push(blocked(hops, HopKind::InternetGateway, id, None, reason, e));
                return;
            }
            let d = if detail {
                format!(
                    "{id}: internet gateway (regional); traffic to the service's public endpoint stays on AWS's network"
                )
            } else {
                String::new()
            };
            hops.push(hop(HopKind::InternetGateway, id, None, d));
            if let Dest::Service(s) = dest {
                let svc = &model.services()[s];
                let d = if detail {
                    format!("{} public endpoint {}", svc.description, svc.dns_name)
                } else {
                    String::new()
                };
                hops.push(hop(HopKind::Service, &svc.name, None, d));
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
            let Some(&ni) = model.nat_lookup.get(id) else {
                let e = if detail {
                    format!("{route_text} in {table_id} is a blackhole: {id} does not exist")
                } else {
                    String::new()
                };
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
                        let e = if detail {
                            format!(
                                "{route_text} in {table_id}, and every AZ of the regional NAT gateway {id} has failed"
                            )
                        } else {
                            String::new()
                        };
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
                    let d = if detail {
                        format!(
                            "{id}: regional {kind_text} NAT gateway (spans the VPC's AZs, survives the loss of one); translates the source to its public address"
                        )
                    } else {
                        String::new()
                    };
                    hops.push(hop(HopKind::NatGateway, id, None, d));
                    walk.via_nat = true;
                    walk.public_ip = public;
                    walk.private_nat = !public;
                    let Some(igw) = model.scenario().internet_gateway.as_ref() else {
                        let e = if detail {
                            format!(
                                "the regional NAT gateway {id} needs the VPC's internet gateway, and the VPC has none"
                            )
                        } else {
                            String::new()
                        };
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
                        let e = if detail {
                            format!("{id} is a private NAT gateway: it cannot reach the internet")
                        } else {
                            String::new()
                        };
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
                    let d = if detail {
                        format!("{}: internet gateway (regional)", igw.id)
                    } else {
                        String::new()
                    };
                    hops.push(hop(HopKind::InternetGateway, &igw.id, None, d));
                    if let Dest::Service(s) = dest {
                        let svc = &model.services()[s];
                        let d = if detail {
                            format!("{} public endpoint {}", svc.description, svc.dns_name)
                        } else {
                            String::new()
                        };
                        hops.push(hop(HopKind::Service, &svc.name, None, d));
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
                    let Some(si) = nat.subnet.as_ref().and_then(|s| model.subnet_index(s)) else {
                        let e = if detail {
                            format!("{id} has no subnet")
                        } else {
                            String::new()
                        };
                        leaves.push(blocked(
                            hops,
                            HopKind::Blocked,
                            id,
                            None,
                            Reason::BlackholeRoute,
                            e,
                        ));
                        return;
                    };
                    let az = ctx.az_of_subnet(si);
                    let az_label = model.az_label(az);
                    if ctx.az_failed(az) {
                        let e = if detail {
                            format!(
                                "{route_text} in {table_id}, and {id}'s AZ {az_label} has failed"
                            )
                        } else {
                            String::new()
                        };
                        leaves.push(blocked(
                            hops,
                            HopKind::NatGateway,
                            id,
                            Some(az_label),
                            Reason::NatAzFailed,
                            e,
                        ));
                        return;
                    }
                    let src_az = hops.first().and_then(|h| h.az.clone());
                    if src_az.as_deref() != Some(az_label.as_str()) {
                        ctx.note("cross_az_dependency", || {
                            format!("{id} is in {az_label}: the path depends on that AZ and pays inter-AZ transfer")
                        });
                    }
                    let (next, how) = subnet_table_text(ctx, id, si);
                    let d = if detail {
                        format!(
                            "{id}: {kind_text} NAT gateway in {} ({az_label}); {}",
                            model.scenario().subnets[si].id,
                            if public {
                                "translates the source to its Elastic IP"
                            } else {
                                "translates the source to its private IP; it cannot reach the internet"
                            }
                        )
                    } else {
                        String::new()
                    };
                    hops.push(hop(HopKind::NatGateway, id, Some(az_label), d));
                    walk.via_nat = true;
                    walk.public_ip = public;
                    walk.private_nat = !public;
                    route_from(ctx, next, &how, piece, dest, walk, hops, leaves);
                }
            }
        }
        Target::GatewayLoadBalancerEndpoint(id) => {
            let Some(&gi) = model.gwlb_lookup.get(id) else {
                let e = if detail {
                    format!("{route_text} in {table_id} is a blackhole: {id} does not exist")
                } else {
                    String::new()
                };
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
            let Some(si) = model.subnet_index(&ge.subnet) else {
                let e = if detail {
                    format!("{id} has no subnet")
                } else {
                    String::new()
                };
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    id,
                    None,
                    Reason::BlackholeRoute,
                    e,
                ));
                return;
            };
            let az = ctx.az_of_subnet(si);
            let az_label = model.az_label(az);
            if ctx.az_failed(az) {
                let e = if detail {
                    format!("{route_text} in {table_id}, and {id}'s AZ {az_label} has failed")
                } else {
                    String::new()
                };
                leaves.push(blocked(
                    hops,
                    HopKind::GwlbEndpoint,
                    id,
                    Some(az_label),
                    Reason::GwlbEndpointFailed,
                    e,
                ));
                return;
            }
            let d = if detail {
                format!(
                    "{id}: Gateway Load Balancer endpoint in {} ({az_label})",
                    ge.subnet
                )
            } else {
                String::new()
            };
            hops.push(hop(HopKind::GwlbEndpoint, id, Some(az_label.clone()), d));
            if !ge.appliances_up {
                let e = if detail {
                    format!(
                        "{route_text} in {table_id}, but the appliances behind {id} are down: nothing inspects and returns the traffic"
                    )
                } else {
                    String::new()
                };
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
            let d = if detail {
                format!(
                    "appliances behind the Gateway Load Balancer inspect the traffic and return it through {id}"
                )
            } else {
                String::new()
            };
            hops.push(hop(HopKind::Inspection, id, Some(az_label), d));
            let (next, how) = subnet_table_text(ctx, id, si);
            route_from(ctx, next, &how, piece, dest, walk, hops, leaves);
        }
        Target::NetworkInterface(id) => {
            let Some(&ei) = model.eni_lookup.get(id) else {
                let e = if detail {
                    format!("{route_text} in {table_id} is a blackhole: {id} does not exist")
                } else {
                    String::new()
                };
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
            let Some(si) = model.subnet_index(&eni.subnet) else {
                let e = if detail {
                    format!("{id} has no subnet")
                } else {
                    String::new()
                };
                leaves.push(blocked(
                    hops,
                    HopKind::Blocked,
                    id,
                    None,
                    Reason::BlackholeRoute,
                    e,
                ));
                return;
            };
            let az = ctx.az_of_subnet(si);
            let az_label = model.az_label(az);
            if ctx.az_failed(az) {
                let e = if detail {
                    format!("{route_text} in {table_id}, and {id}'s AZ {az_label} has failed")
                } else {
                    String::new()
                };
                leaves.push(blocked(
                    hops,
                    HopKind::NetworkInterface,
                    id,
                    Some(az_label),
                    Reason::ApplianceUnavailable,
                    e,
                ));
                return;
            }
            let d = if detail {
                format!(
                    "{id}: appliance network interface in {} ({az_label}){}",
                    eni.subnet,
                    if eni.public_ip {
                        "; it has a public IPv4, so it forwards as a NAT instance"
                    } else {
                        "; it forwards the traffic unchanged"
                    }
                )
            } else {
                String::new()
            };
            hops.push(hop(HopKind::NetworkInterface, id, Some(az_label), d));
            if eni.public_ip {
                walk.public_ip = true;
                walk.private_nat = false;
            }
            let (next, how) = subnet_table_text(ctx, id, si);
            route_from(ctx, next, &how, piece, dest, walk, hops, leaves);
        }
        Target::Blackhole => {
            let e = if detail {
                format!("{route_text} in {table_id}: the route is a blackhole, traffic is dropped")
            } else {
                String::new()
            };
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
            let e = if detail {
                format!(
                    "{route_text} in {table_id}: {id} leaves the VPC; what happens beyond it is outside the model"
                )
            } else {
                String::new()
            };
            hops.push(hop(HopKind::LeavesVpc, id, None, e.clone()));
            leaves.push(leaf(hops, Verdict::LeavesVpc { target: id.clone() }, e));
        }
    }
}

/// Signature of a leaf's path for grouping: verdict and the objects it passed.
fn signature(leaf: &Leaf) -> (Verdict, Vec<(HopKind, &str)>) {
    (
        leaf.verdict.clone(),
        leaf.hops.iter().map(|h| (h.kind, h.id.as_str())).collect(),
    )
}

fn merge(
    ctx: &mut Ctx<'_>,
    source: &Source,
    svc: usize,
    prefix: Vec<Hop>,
    leaves: Vec<Leaf>,
) -> PathTrace {
    let service_name = ctx.model.services()[svc].name.clone();
    // Group leaves by path, keeping first-seen order.
    let mut groups: Vec<Vec<Leaf>> = Vec::new();
    for leaf in leaves {
        match groups
            .iter_mut()
            .find(|g| signature(&g[0]) == signature(&leaf))
        {
            Some(g) => g.push(leaf),
            None => groups.push(vec![leaf]),
        }
    }
    let src_az = ctx.az_of_subnet(source.subnet);
    let mut parts: Vec<Part> = groups
        .into_iter()
        .map(|g| combine(ctx, src_az, svc, g))
        .collect();
    if parts.len() == 1 {
        let p = parts.pop().unwrap_or_else(|| unreachable_part());
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
            let pieces: Vec<String> = parts
                .iter()
                .map(|p| {
                    let cidrs: Vec<String> = p.cidrs.iter().map(|c| c.to_string()).collect();
                    format!("{} → {}", cidrs.join(", "), short_outcome(&p.verdict))
                })
                .collect();
            format!(
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

fn unreachable_part() -> Part {
    Part {
        cidrs: Vec::new(),
        verdict: Verdict::Blocked(Reason::NoRoute),
        explanation: String::new(),
        hops: Vec::new(),
    }
}

fn short_outcome(v: &Verdict) -> String {
    match v {
        Verdict::Reachable { via, .. } => format!("reachable via {}", via.code()),
        Verdict::Blocked(r) => format!("blocked ({})", r.code()),
        other => other.code().to_string(),
    }
}

/// Combine leaves that took the same path: route-table decisions are concatenated; for ENIs the
/// endpoint hop lists every ENI and `cross_az` is computed.
fn combine(ctx: &mut Ctx<'_>, src_az: usize, svc: usize, group: Vec<Leaf>) -> Part {
    let model = ctx.model;
    let mut iter = group.into_iter();
    let first = iter.next().unwrap_or_else(|| Leaf {
        cidr: Ipv4Net::default(),
        eni: None,
        hops: Vec::new(),
        verdict: Verdict::Blocked(Reason::NoRoute),
        explanation: String::new(),
    });
    let mut cidrs = vec![first.cidr];
    let mut enis: Vec<(usize, usize)> = first.eni.into_iter().collect();
    let mut hops = first.hops;
    let mut verdict = first.verdict;
    let mut explanation = first.explanation;
    for leaf in iter {
        cidrs.push(leaf.cidr);
        enis.extend(leaf.eni);
        for (h, other) in hops.iter_mut().zip(leaf.hops) {
            h.decisions.extend(other.decisions);
        }
    }
    let total = cidrs.len();
    if ctx.detail && total > 1 {
        for h in hops.iter_mut().filter(|h| h.kind == HopKind::RouteTable) {
            let n = h.decisions.len();
            if n > 1 {
                h.detail.push_str(&format!(
                    " (and {} more range{} the same way)",
                    n - 1,
                    if n == 2 { "" } else { "s" }
                ));
            }
        }
    }
    if let Verdict::Reachable {
        via: Via::InterfaceEndpoint,
        ..
    } = verdict
    {
        let azs: Vec<usize> = enis
            .iter()
            .map(|&(e, i)| model.endpoint_enis(e)[i].az)
            .collect();
        let own = azs.iter().filter(|&&a| a == src_az).count();
        let cross_az = if own == azs.len() {
            CrossAz::Never
        } else if own == 0 {
            CrossAz::Always
        } else {
            CrossAz::Sometimes
        };
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
                let list: Vec<String> = enis
                    .iter()
                    .map(|&(e, i)| {
                        let info = &model.endpoint_enis(e)[i];
                        format!("{} in {}", info.ip, model.az_label(info.az))
                    })
                    .collect();
                h.detail = format!(
                    "{}: interface endpoint (AWS PrivateLink); the client picks among its ENIs {}",
                    ie.id,
                    list.join(", ")
                );
                h.az = None;
                h.decisions.clear();
            }
            if cross_az == CrossAz::Always {
                ctx.note("cross_az_dependency", || {
                    format!(
                        "no ENI of {} in the source's AZ: the path works but crosses AZs (inter-AZ transfer is billed) and depends on another AZ",
                        ie.id
                    )
                });
            }
            if ctx.detail {
                explanation = format!(
                    "reaches {} through interface endpoint {} ({} ENI{}; cross-AZ: {})",
                    model.services()[svc].name,
                    ie.id,
                    enis.len(),
                    if enis.len() == 1 { "" } else { "s" },
                    cross_az.code()
                );
            }
        }
    } else if ctx.detail && verdict.is_reachable() {
        let names: Vec<String> = hops
            .iter()
            .filter(|h| {
                matches!(
                    h.kind,
                    HopKind::GatewayEndpoint
                        | HopKind::NatGateway
                        | HopKind::GwlbEndpoint
                        | HopKind::NetworkInterface
                        | HopKind::InternetGateway
                )
            })
            .map(|h| format!("{} {}", h.kind.code().replace('_', " "), h.id))
            .collect();
        explanation = format!(
            "reaches {} through {}",
            model.services()[svc].name,
            names.join(", then ")
        );
        if verdict.via() == Some(Via::InternetGateway) || verdict.via() == Some(Via::NatGateway) {
            ctx.note("public_endpoint_stays_on_aws", || {
                "via internet gateway (public endpoint): traffic to AWS services stays on AWS's network".into()
            });
        }
    }
    cidrs.sort();
    Part {
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
