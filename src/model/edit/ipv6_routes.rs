//! IPv6 routes: adding and deleting a table's written IPv6 routes (`ipv6_routes`). The derived
//! local route of each VPC IPv6 block is neither added nor deleted. AWS: `CreateRoute` and
//! `DeleteRoute` with `DestinationIpv6CidrBlock`
//! (<https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateRoute.html>).

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
            if route.target == Target::Local || s.vpc.ipv6_cidrs.contains(&destination) {
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
        Edit::DeleteIpv6Route {
            route_table,
            destination,
        } => {
            let ti = find_table(s, route_table)?;
            let t = &s.route_tables[ti];
            let Some(i) = t
                .ipv6_routes
                .iter()
                .position(|r| r.destination == *destination)
            else {
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
                return Err(EditError::missing(brief_list(d, "routes", have)));
            };
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
