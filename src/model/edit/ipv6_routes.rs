//! IPv6 routes: adding, replacing and deleting a table's written IPv6 routes (`ipv6_routes`).
//! The derived local route of each VPC IPv6 block is neither added, replaced nor deleted here
//! (replacing its target, middlebox routing for IPv6, is not modelled). AWS: `CreateRoute`,
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
            not_local(s, route_table, route, destination)?;
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
        Edit::ReplaceIpv6Route { route_table, route } => {
            let ti = find_table(s, route_table)?;
            let destination = route.destination.trunc();
            not_local(s, route_table, route, destination)?;
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
            }
        }
        Edit::DeleteIpv6Route {
            route_table,
            destination,
        } => {
            let ti = find_table(s, route_table)?;
            let i = written(s, ti, *destination)?;
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

/// The refusal of a route to `local` or for one of the VPC's IPv6 blocks: the derived local
/// route is the table's own and cannot be added or replaced.
fn not_local(
    s: &Scenario,
    route_table: &str,
    route: &Ipv6Route,
    destination: ipnet::Ipv6Net,
) -> Result<(), EditError> {
    if route.target == Target::Local || s.vpc.ipv6_cidrs.contains(&destination) {
        return Err(refuse(
            Diagnostic::error(route_table, "duplicate_route_destination")
                .s("case", "edit_local")
                .s("table", route_table)
                .s("destination", destination.to_string()),
        ));
    }
    Ok(())
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
