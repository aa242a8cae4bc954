//! IPv6 routes: adding, replacing and deleting a table's written IPv6 routes (`ipv6_routes`).
//! The derived local route of each VPC IPv6 block is never added or deleted, but its target can
//! be replaced (middlebox routing), as for IPv4: a written route to exactly the block overrides
//! it, and replacing its target with `local` (or deleting the override) restores it. "You can
//! replace the local route target with a Gateway Load Balancer endpoint, a NAT gateway, or a
//! network interface" (<https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html>,
//! "Subnet routing"; the target kinds are checked by validation, `invalid_local_route_target`).
//! AWS: `CreateRoute`,
//! `ReplaceRoute` and `DeleteRoute` with `DestinationIpv6CidrBlock`
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html>,
//! <https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRoute.html>: "Replaces an
//! existing route within a route table in a VPC").

use super::lookup::{brief_list, check_target, find_table, insert_at, refuse};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Ipv6Route, Scenario, Target};

/// Apply an IPv6 route edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AddIpv6Route {
            route_table,
            route,
            position,
        } => {
            let ti = find_table(s, route_table)?;
            let destination = route.destination.trunc();
            if route.target == Target::Local {
                return Err(local_target(route_table, destination, "edit_add_local"));
            }
            if s.is_vpc_ipv6_block(destination) {
                return Err(refuse(
                    Diagnostic::error(route_table, "duplicate_route_destination")
                        .s("case", "edit_local")
                        .s("table", route_table)
                        .s("destination", destination.to_string()),
                ));
            }
            check_target(s, route_table, &route.target)?;
            let t = &s.route_tables[ti];
            if let Some(r) = t.ipv6_routes.iter().find(|r| r.destination == destination) {
                return Err(refuse(
                    Diagnostic::error(&t.id, "duplicate_route_destination")
                        .s("case", "edit_written")
                        .s("table", &t.id)
                        .s("destination", destination.to_string())
                        .s("target", &r.target),
                ));
            }
            let route = Ipv6Route {
                destination,
                target: route.target.clone(),
            };
            insert_at(&mut s.route_tables[ti].ipv6_routes, *position, route);
            Edit::DeleteIpv6Route {
                route_table: route_table.clone(),
                destination,
            }
        }
        Edit::ReplaceIpv6Route {
            route_table,
            route,
            position,
        } => {
            let ti = find_table(s, route_table)?;
            let destination = route.destination.trunc();
            if s.is_vpc_ipv6_block(destination) {
                return replace_local(s, ti, route_table, route, destination, *position);
            }
            if route.target == Target::Local {
                return Err(local_target(route_table, destination, "edit_replace_local"));
            }
            let i = written(s, ti, destination)?;
            check_target(s, route_table, &route.target)?;
            let new = Ipv6Route {
                destination,
                target: route.target.clone(),
            };
            let old = std::mem::replace(&mut s.route_tables[ti].ipv6_routes[i], new);
            Edit::ReplaceIpv6Route {
                route_table: route_table.clone(),
                route: old,
                position: None,
            }
        }
        Edit::DeleteIpv6Route {
            route_table,
            destination,
        } => {
            let ti = find_table(s, route_table)?;
            let destination = destination.trunc();
            if s.is_vpc_ipv6_block(destination) {
                // Deleting the local route's override restores `local`; the local route itself
                // cannot be deleted.
                let Some(i) = override_of(s, ti, destination) else {
                    return Err(refuse(
                        Diagnostic::error(route_table, "local_route_not_deletable")
                            .s("table", route_table)
                            .s("destination", destination.to_string()),
                    ));
                };
                let old = s.route_tables[ti].ipv6_routes.remove(i);
                return Ok(Edit::ReplaceIpv6Route {
                    route_table: route_table.clone(),
                    route: old,
                    position: Some(i),
                });
            }
            let i = written(s, ti, destination)?;
            let old = s.route_tables[ti].ipv6_routes.remove(i);
            Edit::AddIpv6Route {
                route_table: route_table.clone(),
                route: old,
                position: Some(i),
            }
        }
        _ => unreachable!("not an IPv6 route edit: {edit:?}"),
    })
}

/// The written route of table `ti` that overrides the local route of VPC block `destination`.
fn override_of(s: &Scenario, ti: usize, destination: ipnet::Ipv6Net) -> Option<usize> {
    s.route_tables[ti]
        .ipv6_routes
        .iter()
        .position(|r| r.destination.trunc() == destination)
}

/// The refusal of a route to `local` for what is not one of the VPC's IPv6 blocks.
fn local_target(route_table: &str, destination: ipnet::Ipv6Net, case: &'static str) -> EditError {
    refuse(
        Diagnostic::error(route_table, "derived_route_target")
            .s("case", case)
            .s("destination", destination.to_string()),
    )
}

/// Replace the target of the local route of VPC block `destination`: `local` restores it
/// (dropping the override), another target writes or changes the override (a new one at
/// `position`). The inverse puts back what was there (the override's old target and place, or
/// `local`).
fn replace_local(
    s: &mut Scenario,
    ti: usize,
    route_table: &str,
    route: &Ipv6Route,
    destination: ipnet::Ipv6Net,
    position: Option<usize>,
) -> Result<Edit, EditError> {
    if route.target != Target::Local {
        check_target(s, route_table, &route.target)?;
    }
    let found = override_of(s, ti, destination);
    let routes = &mut s.route_tables[ti].ipv6_routes;
    let (old, at) = match (found, &route.target) {
        (Some(i), Target::Local) => (routes.remove(i), Some(i)),
        (Some(i), target) => (
            Ipv6Route {
                destination,
                target: std::mem::replace(&mut routes[i].target, target.clone()),
            },
            None,
        ),
        (None, target) => {
            if *target != Target::Local {
                let new = Ipv6Route {
                    destination,
                    target: target.clone(),
                };
                insert_at(routes, position, new);
            }
            let local = Ipv6Route {
                destination,
                target: Target::Local,
            };
            (local, None)
        }
    };
    Ok(Edit::ReplaceIpv6Route {
        route_table: route_table.to_string(),
        route: old,
        position: at,
    })
}

/// The index of table `ti`'s written IPv6 route for `destination`, else the refusal naming the
/// routes it has.
fn written(s: &Scenario, ti: usize, destination: ipnet::Ipv6Net) -> Result<usize, EditError> {
    let t = &s.route_tables[ti];
    t.ipv6_routes
        .iter()
        .position(|r| r.destination == destination)
        .ok_or_else(|| {
            let have: Vec<String> = s
                .vpc
                .ipv6_cidrs
                .iter()
                .map(|c| format!("{c} (local)"))
                .chain(t.ipv6_routes.iter().map(|r| r.destination.to_string()))
                .collect();
            let d = Diagnostic::error(&t.id, "no_route")
                .s("table", &t.id)
                .s("destination", destination.to_string());
            EditError::missing(brief_list(d, "routes", have))
        })
}
