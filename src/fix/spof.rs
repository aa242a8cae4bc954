//! Weak points of a working path: each AZ, NAT gateway, GWLB endpoint (its appliances),
//! interface endpoint, endpoint ENI, gateway endpoint or route on the path whose failure or
//! removal alone breaks it, found by evaluating that failure; and what it survives.

use serde::Serialize;

use super::context::destination;
use crate::eval::{self, Fact, HopKind, Id, PathTrace, Query, QueryError, RouteOrigin, Verdict};
use crate::model::{Edit, Model, WhatIf};

/// What kind of thing a weak point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WeakKind {
    Az,
    NatGateway,
    GwlbAppliances,
    InterfaceEndpoint,
    /// A resource VPC endpoint (VPC Lattice).
    ResourceEndpoint,
    /// A service-network VPC endpoint (VPC Lattice).
    ServiceNetworkEndpoint,
    EndpointEni,
    GatewayEndpoint,
    Route,
}

impl WeakKind {
    pub fn code(self) -> &'static str {
        match self {
            WeakKind::Az => "az",
            WeakKind::NatGateway => "nat_gateway",
            WeakKind::GwlbAppliances => "gwlb_appliances",
            WeakKind::InterfaceEndpoint => "interface_endpoint",
            WeakKind::ResourceEndpoint => "resource_endpoint",
            WeakKind::ServiceNetworkEndpoint => "service_network_endpoint",
            WeakKind::EndpointEni => "endpoint_eni",
            WeakKind::GatewayEndpoint => "gateway_endpoint",
            WeakKind::Route => "route",
        }
    }
}

/// One single point of failure: what fails, the edit that stands for its failure, and the
/// path's verdict then.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakPoint {
    pub kind: WeakKind,
    /// The AZ, NAT gateway, endpoint or table id; for an ENI, its subnet; for a route, its table.
    pub id: Id,
    /// For a route: its destination (`0.0.0.0/0`, `pl-s3`); for an ENI, its endpoint.
    pub detail: Option<Id>,
    pub failure: Edit,
    pub verdict: Verdict,
}

/// The weak points of one path.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakPoints {
    pub verdict: Verdict,
    /// The source's AZ: the path fails with it whatever else is done.
    pub source_az: Option<Id>,
    pub weak_points: Vec<WeakPoint>,
    /// The AZs (other than the source's and those already down) whose loss it survives.
    pub survives_azs: Vec<Id>,
    /// For a path through an interface endpoint: the AZs of its healthy ENIs.
    pub eni_azs: Vec<Id>,
}

impl WeakPoints {
    /// Whether the loss of any one AZ other than the source's leaves the path working.
    pub fn survives_any_one_az(&self) -> bool {
        self.verdict.is_reachable() && !self.weak_points.iter().any(|w| w.kind == WeakKind::Az)
    }
}

/// The weak points of the path `query` under `what_if`. A path that does not work has none.
pub fn weak_points(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
) -> Result<WeakPoints, QueryError> {
    let trace = eval::evaluate(model, what_if, query)?;
    Ok(weak_points_for(model, what_if, query, &trace))
}

/// [`weak_points`] for a path already evaluated.
pub fn weak_points_for(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    trace: &PathTrace,
) -> WeakPoints {
    let s = model.scenario();
    let source_az = trace
        .hops
        .first()
        .and_then(|h| h.az.as_ref())
        .map(|a| a.name.clone());
    let mut out = WeakPoints {
        verdict: trace.verdict.clone(),
        source_az: source_az.clone(),
        weak_points: Vec::new(),
        survives_azs: Vec::new(),
        eni_azs: Vec::new(),
    };
    if !trace.verdict.is_reachable() {
        return out;
    }
    // Each AZ alone.
    let failed = model.failed_azs(what_if);
    for (az, &down) in failed.iter().enumerate() {
        let name = model.az_name(az);
        if down || source_az.as_deref() == Some(name) {
            continue;
        }
        let mut w = what_if.clone();
        w.failed_azs.push(name.to_string());
        match eval::evaluate(model, &w, query) {
            Ok(t) if !t.verdict.is_reachable() => out.weak_points.push(WeakPoint {
                kind: WeakKind::Az,
                id: Id::from(name),
                detail: None,
                failure: Edit::FailAz {
                    az: name.to_string(),
                },
                verdict: t.verdict,
            }),
            Ok(_) => out.survives_azs.push(Id::from(name)),
            Err(_) => {}
        }
    }
    // Each object on the path, removed or failed alone.
    let hops = trace
        .hops
        .iter()
        .chain(trace.parts.iter().flat_map(|p| &p.hops));
    let mut tried: Vec<Edit> = Vec::new();
    let mut candidates: Vec<(WeakKind, Id, Option<Id>, Edit)> = Vec::new();
    let mut push = |c: (WeakKind, Id, Option<Id>, Edit)| {
        if !tried.contains(&c.3) {
            tried.push(c.3.clone());
            candidates.push(c);
        }
    };
    for hop in hops {
        let id = hop.id.to_string();
        match (&hop.kind, &hop.fact) {
            (HopKind::NatGateway, _) => push((
                WeakKind::NatGateway,
                hop.id.clone(),
                None,
                Edit::DeleteNatGateway { id },
            )),
            (HopKind::GwlbEndpoint, _) => push((
                WeakKind::GwlbAppliances,
                hop.id.clone(),
                None,
                Edit::SetGwlbAppliancesUp {
                    endpoint: id,
                    up: false,
                },
            )),
            (HopKind::GatewayEndpoint, _) => push((
                WeakKind::GatewayEndpoint,
                hop.id.clone(),
                None,
                Edit::DeleteGatewayEndpoint { id },
            )),
            (HopKind::InterfaceEndpoint, Fact::InterfaceEndpoint { enis, .. }) => {
                for eni in enis.iter() {
                    if !out.eni_azs.contains(&eni.az.name) {
                        out.eni_azs.push(eni.az.name.clone());
                    }
                }
                let endpoint = s.interface_endpoints.iter().find(|e| e.id == id);
                let kind = match endpoint.and_then(|e| e.lattice.as_ref()) {
                    Some(crate::model::Lattice::Resource(_)) => WeakKind::ResourceEndpoint,
                    Some(crate::model::Lattice::ServiceNetwork(_)) => {
                        WeakKind::ServiceNetworkEndpoint
                    }
                    None => WeakKind::InterfaceEndpoint,
                };
                push((
                    kind,
                    hop.id.clone(),
                    None,
                    Edit::DeleteInterfaceEndpoint { id: id.clone() },
                ));
                if let Some(e) = endpoint {
                    for sub in &e.subnets {
                        push((
                            WeakKind::EndpointEni,
                            Id::from(sub.subnet.as_str()),
                            Some(hop.id.clone()),
                            Edit::RemoveEndpointSubnet {
                                endpoint: id.clone(),
                                subnet: sub.subnet.clone(),
                            },
                        ));
                    }
                }
            }
            (HopKind::RouteTable, Fact::RouteTable { decisions, .. }) => {
                for d in decisions.iter() {
                    let Some(w) = d.winner() else { continue };
                    if !matches!(w.origin, RouteOrigin::Static | RouteOrigin::PrefixList) {
                        continue;
                    }
                    let Some(dest) = destination(&w.destination) else {
                        continue;
                    };
                    push((
                        WeakKind::Route,
                        hop.id.clone(),
                        Some(w.destination.clone()),
                        Edit::DeleteRoute {
                            route_table: id.clone(),
                            destination: dest,
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    for (kind, id, detail, edit) in candidates {
        if let Some(verdict) = verdict_after(model, what_if, query, &edit)
            && !verdict.is_reachable()
        {
            out.weak_points.push(WeakPoint {
                kind,
                id,
                detail,
                failure: edit,
                verdict,
            });
        }
    }
    out
}

/// The path's verdict after one removal, `None` when AWS would refuse it: exactly what applying
/// `edit` and evaluating the path gives (tests/fix_props.rs holds the two against each other),
/// without the work of a whole edit. A deleted NAT gateway is evaluated on this model, its
/// routes as blackholes; the other removals make the model without the validation rules they
/// cannot break ([`Edit::apply_removal`]).
pub fn verdict_after(
    model: &Model,
    what_if: &WhatIf,
    query: &Query,
    edit: &Edit,
) -> Option<Verdict> {
    let trace = match edit {
        Edit::DeleteNatGateway { id } if model.nat_lookup.contains_key(id.as_str()) => {
            eval::evaluate_without_nat_gateway(model, what_if, query, id)
        }
        _ => {
            let after = match edit.apply_removal(model) {
                Some(after) => after.ok()?,
                None => edit.apply(model).ok()?.0,
            };
            eval::evaluate(&after, what_if, query)
        }
    };
    trace.ok().map(|t| t.verdict)
}

/// The weak points of every reachable matrix cell (instances × services and workloads), the
/// cells with none left out. Instances that share a subnet and public-IP state share them.
pub fn matrix_weak_points(model: &Model, what_if: &WhatIf) -> Vec<(String, String, WeakPoints)> {
    let matrix = eval::evaluate_all(model, what_if);
    let s = model.scenario();
    let columns: Vec<&String> = matrix.services.iter().chain(&matrix.workloads).collect();
    // Rows already worked out, by (subnet, public IP).
    type Row = Vec<Option<WeakPoints>>;
    let mut done: Vec<((String, bool), Row)> = Vec::new();
    let mut out = Vec::new();
    for (r, inst) in s.instances.iter().enumerate() {
        let class = (inst.subnet.clone(), inst.public_ip);
        let row: Vec<Option<WeakPoints>> = match done.iter().find(|(c, _)| *c == class) {
            Some((_, row)) => row.clone(),
            None => {
                let row: Vec<Option<WeakPoints>> = columns
                    .iter()
                    .enumerate()
                    .map(|(c, to)| {
                        if !matrix.cell(r, c).is_some_and(|x| x.verdict.is_reachable()) {
                            return None;
                        }
                        let q = Query::parse(model, &inst.id, to, false);
                        weak_points(model, what_if, &q)
                            .ok()
                            .filter(|w| !w.weak_points.is_empty())
                    })
                    .collect();
                done.push((class, row.clone()));
                row
            }
        };
        for (c, w) in row.into_iter().enumerate() {
            if let Some(w) = w {
                out.push((inst.id.clone(), columns[c].clone(), w));
            }
        }
    }
    out
}
