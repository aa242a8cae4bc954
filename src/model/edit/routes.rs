//! Routes: adding, replacing and deleting a table's routes, the local route's replacement
//! included (aws-semantics.md §1).

use super::lookup::{
    check_destination_free, check_target, find_table, insert_at, is_vpc_cidr, missing_route,
    refuse, route_index,
};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Route, Scenario, Target};

/// Apply a route edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AddRoute {
            route_table,
            route,
            position,
        } => {
            let ti = find_table(s, route_table)?;
            if route.target == Target::Local {
                return Err(refuse(
                    Diagnostic::error(route_table, "derived_route_target")
                        .s("case", "edit_add_local")
                        .s("destination", &route.destination),
                ));
            }
            check_target(s, route_table, &route.target)?;
            check_destination_free(s, ti, &route.destination)?;
            insert_at(&mut s.route_tables[ti].routes, *position, route.clone());
            Edit::DeleteRoute {
                route_table: route_table.clone(),
                destination: route.destination.clone(),
            }
        }
        Edit::ReplaceRoute {
            route_table,
            route,
            position,
        } => {
            let ti = find_table(s, route_table)?;
            let vpc = is_vpc_cidr(s, &route.destination);
            if route.target == Target::Local && !vpc {
                return Err(refuse(
                    Diagnostic::error(route_table, "derived_route_target")
                        .s("case", "edit_replace_local")
                        .s("destination", &route.destination),
                ));
            }
            check_target(s, route_table, &route.target)?;
            let found = route_index(s, ti, &route.destination);
            let routes = &mut s.route_tables[ti].routes;
            match found {
                Some(i) if vpc && route.target == Target::Local => Edit::ReplaceRoute {
                    route_table: route_table.clone(),
                    route: routes.remove(i),
                    position: Some(i),
                },
                Some(i) => {
                    let old = std::mem::replace(&mut routes[i].target, route.target.clone());
                    Edit::ReplaceRoute {
                        route_table: route_table.clone(),
                        route: Route {
                            destination: route.destination.clone(),
                            target: old,
                        },
                        position: None,
                    }
                }
                None if vpc => {
                    if route.target != Target::Local {
                        insert_at(routes, *position, route.clone());
                    }
                    Edit::ReplaceRoute {
                        route_table: route_table.clone(),
                        route: Route {
                            destination: route.destination.clone(),
                            target: Target::Local,
                        },
                        position: None,
                    }
                }
                None => return Err(missing_route(s, ti, &route.destination)),
            }
        }
        Edit::DeleteRoute {
            route_table,
            destination,
        } => {
            let ti = find_table(s, route_table)?;
            let vpc = is_vpc_cidr(s, destination);
            match route_index(s, ti, destination) {
                Some(i) => {
                    let old = s.route_tables[ti].routes.remove(i);
                    if vpc {
                        Edit::ReplaceRoute {
                            route_table: route_table.clone(),
                            route: old,
                            position: Some(i),
                        }
                    } else {
                        Edit::AddRoute {
                            route_table: route_table.clone(),
                            route: old,
                            position: Some(i),
                        }
                    }
                }
                None if vpc => {
                    return Err(refuse(
                        Diagnostic::error(route_table, "local_route_not_deletable")
                            .s("table", route_table)
                            .s("destination", destination),
                    ));
                }
                None => return Err(missing_route(s, ti, destination)),
            }
        }
        _ => unreachable!("not a route edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;
    use crate::model::{Destination, Route, Target};

    #[test]
    fn add_route_at_end_or_position() {
        let m = kitchen();
        let e = Edit::AddRoute {
            route_table: "rtb-private-b".into(),
            route: route("172.16.0.0/12", Target::TransitGateway("tgw-1".into())),
            position: None,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(table(&after, "rtb-private-b").routes.len(), 3);
        assert_eq!(
            table(&after, "rtb-private-b").routes[2],
            match &e {
                Edit::AddRoute { route, .. } => route.clone(),
                _ => unreachable!(),
            }
        );
        assert_eq!(
            inverse,
            Edit::DeleteRoute {
                route_table: "rtb-private-b".into(),
                destination: cidr("172.16.0.0/12"),
            }
        );
        let e = Edit::AddRoute {
            route_table: "rtb-private-b".into(),
            route: route("172.16.0.0/12", Target::Blackhole),
            position: Some(0),
        };
        let (after, _) = round_trip(&m, &e);
        assert_eq!(
            table(&after, "rtb-private-b").routes[0].destination,
            cidr("172.16.0.0/12")
        );
        // A position past the end appends.
        let e = Edit::AddRoute {
            route_table: "rtb-main".into(),
            route: route("0.0.0.0/0", nat("nat-r")),
            position: Some(99),
        };
        let (after, _) = round_trip(&m, &e);
        assert_eq!(table(&after, "rtb-main").routes.len(), 2);
    }

    /// A route edit copies the list of tables (each table's routes still shared) and the
    /// routes of the table it changes, nothing else: the other tables' routes, the subnets and
    /// the endpoints stay shared with the scenario before, which keeps its own routes.
    #[test]
    fn a_route_edit_copies_only_the_routes_it_changes() {
        let m = kitchen();
        let e = Edit::AddRoute {
            route_table: "rtb-private-b".into(),
            route: route("172.16.0.0/12", Target::Blackhole),
            position: None,
        };
        let (after, _) = round_trip(&m, &e);
        let (a, b) = (m.scenario(), after.scenario());
        assert!(!a.route_tables.shares(&b.route_tables));
        assert!(a.route_tables.len() > 2);
        for (x, y) in a.route_tables.iter().zip(b.route_tables.iter()) {
            let edited = x.id == "rtb-private-b";
            assert_eq!(x.routes.shares(&y.routes), !edited, "{}", x.id);
            assert_eq!(x.routes.len() + usize::from(edited), y.routes.len());
        }
        assert!(a.subnets.shares(&b.subnets));
        assert!(a.gateway_endpoints.shares(&b.gateway_endpoints));
        assert!(a.interface_endpoints.shares(&b.interface_endpoints));
    }

    #[test]
    fn add_route_refusals() {
        let m = kitchen();
        let add = |t: &str, d: Destination, target: Target| Edit::AddRoute {
            route_table: t.into(),
            route: Route {
                destination: d,
                target,
            },
            position: None,
        };
        let msg = refusal(&m, &add("rtb-public", cidr("0.0.0.0/0"), nat("nat-a")));
        assert!(
            msg.contains("rtb-public already has a route to 0.0.0.0/0"),
            "{msg}"
        );
        let msg = refusal(&m, &add("rtb-public", cidr("10.1.0.0/16"), nat("nat-a")));
        assert!(msg.contains("local route to 10.1.0.0/16"), "{msg}");
        // An overridden local route is in `routes`: still a duplicate.
        let msg = refusal(&m, &add("rtb-main", cidr("10.0.0.0/16"), nat("nat-a")));
        assert!(msg.contains("already has a route to 10.0.0.0/16"), "{msg}");
        let pl = Destination::PrefixList("s3".into());
        let msg = refusal(&m, &add("rtb-private-a", pl.clone(), nat("nat-a")));
        assert!(msg.contains("gateway endpoint vpce-s3"), "{msg}");
        let msg = refusal(
            &m,
            &add("rtb-public", pl, Target::GatewayEndpoint("vpce-s3".into())),
        );
        assert!(msg.contains("attach vpce-s3 to rtb-public"), "{msg}");
        let msg = refusal(&m, &add("rtb-public", cidr("1.0.0.0/8"), Target::Local));
        assert!(msg.contains("cannot target local"), "{msg}");
        let msg = not_found(&m, &add("rtb-public", cidr("1.0.0.0/8"), nat("nat-x")));
        assert_eq!(msg, "no NAT gateway nat-x; NAT gateways: nat-a, nat-r");
        let msg = not_found(
            &m,
            &add(
                "rtb-public",
                cidr("1.0.0.0/8"),
                Target::InternetGateway("igw-x".into()),
            ),
        );
        assert_eq!(
            msg,
            "no internet gateway igw-x; the VPC's internet gateway is igw-kitchen"
        );
        let msg = not_found(
            &private_only(),
            &add(
                "rtb-main",
                cidr("0.0.0.0/0"),
                Target::InternetGateway("igw-x".into()),
            ),
        );
        assert_eq!(
            msg,
            "no internet gateway igw-x; the VPC has no internet gateway"
        );
    }

    #[test]
    fn replace_route_target() {
        let m = kitchen();
        let e = Edit::ReplaceRoute {
            route_table: "rtb-private-a".into(),
            route: route("0.0.0.0/0", nat("nat-r")),
            position: None,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(
            table(&after, "rtb-private-a").routes[0].target,
            nat("nat-r")
        );
        assert_eq!(
            inverse,
            Edit::ReplaceRoute {
                route_table: "rtb-private-a".into(),
                route: route("0.0.0.0/0", nat("nat-a")),
                position: None,
            }
        );
        let msg = not_found(
            &m,
            &Edit::ReplaceRoute {
                route_table: "rtb-private-a".into(),
                route: route("1.2.3.0/24", nat("nat-r")),
                position: None,
            },
        );
        assert_eq!(
            msg,
            "rtb-private-a has no route to 1.2.3.0/24; its routes: 10.0.0.0/16 (local), \
             10.1.0.0/16 (local), 0.0.0.0/0, pl-s3 (vpce-s3)"
        );
        let msg = refusal(
            &m,
            &Edit::ReplaceRoute {
                route_table: "rtb-private-a".into(),
                route: Route {
                    destination: Destination::PrefixList("s3".into()),
                    target: nat("nat-a"),
                },
                position: None,
            },
        );
        assert!(msg.contains("belongs to gateway endpoint vpce-s3"), "{msg}");
        let msg = refusal(
            &m,
            &Edit::ReplaceRoute {
                route_table: "rtb-private-a".into(),
                route: route("0.0.0.0/0", Target::Local),
                position: None,
            },
        );
        assert!(msg.contains("not a VPC CIDR"), "{msg}");
    }

    #[test]
    fn replace_local_route_target_and_restore_it() {
        let m = kitchen();
        // No entry yet: replacing the local target adds one, the inverse restores `local`.
        let e = Edit::ReplaceRoute {
            route_table: "rtb-private-b".into(),
            route: route(
                "10.1.0.0/16",
                Target::NetworkInterface("eni-appliance".into()),
            ),
            position: Some(1),
        };
        let (after, inverse) = round_trip(&m, &e);
        let rt = table(&after, "rtb-private-b");
        assert_eq!(rt.routes[1].destination, cidr("10.1.0.0/16"));
        let ti = after.table_index("rtb-private-b").unwrap();
        let local = &after.compiled_table(ti).routes[1];
        assert_eq!(local.origin, crate::model::RouteOrigin::Local);
        assert_eq!(
            local.target,
            Target::NetworkInterface("eni-appliance".into())
        );
        assert_eq!(
            crate::explain::edit_text(crate::explain::Lang::En, &inverse),
            "restore the local target of 10.1.0.0/16 in rtb-private-b"
        );

        // An existing override restored to `local`: the entry goes, the inverse puts it back.
        let e = Edit::ReplaceRoute {
            route_table: "rtb-main".into(),
            route: route("10.0.0.0/16", Target::Local),
            position: None,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert!(table(&after, "rtb-main").routes.is_empty());
        assert_eq!(
            inverse,
            Edit::ReplaceRoute {
                route_table: "rtb-main".into(),
                route: route(
                    "10.0.0.0/16",
                    Target::NetworkInterface("eni-appliance".into())
                ),
                position: Some(0),
            }
        );
        // Restoring a local target that is already local changes nothing.
        let e = Edit::ReplaceRoute {
            route_table: "rtb-public".into(),
            route: route("10.0.0.0/16", Target::Local),
            position: None,
        };
        let (after, _) = round_trip(&m, &e);
        assert_eq!(after.scenario(), m.scenario());
    }

    #[test]
    fn delete_route_and_put_it_back_in_place() {
        let m = kitchen();
        let e = Edit::DeleteRoute {
            route_table: "rtb-private-b".into(),
            destination: cidr("192.168.0.0/16"),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(table(&after, "rtb-private-b").routes.len(), 1);
        assert_eq!(
            inverse,
            Edit::AddRoute {
                route_table: "rtb-private-b".into(),
                route: route("192.168.0.0/16", Target::VpcPeering("pcx-1".into())),
                position: Some(0),
            }
        );
    }

    #[test]
    fn delete_local_override_restores_local() {
        let m = kitchen();
        let e = Edit::DeleteRoute {
            route_table: "rtb-main".into(),
            destination: cidr("10.0.0.0/16"),
        };
        let (after, inverse) = round_trip(&m, &e);
        let ti = after.table_index("rtb-main").unwrap();
        assert_eq!(after.compiled_table(ti).routes[0].target, Target::Local);
        assert!(matches!(
            inverse,
            Edit::ReplaceRoute {
                position: Some(0),
                ..
            }
        ));
    }

    #[test]
    fn delete_route_refusals() {
        let m = kitchen();
        let del = |t: &str, d: Destination| Edit::DeleteRoute {
            route_table: t.into(),
            destination: d,
        };
        let msg = refusal(&m, &del("rtb-public", cidr("10.0.0.0/16")));
        assert!(
            msg.starts_with("the local route cannot be deleted"),
            "{msg}"
        );
        let msg = refusal(
            &m,
            &del("rtb-private-a", Destination::PrefixList("s3".into())),
        );
        assert!(msg.contains("vpce-s3"), "{msg}");
        let msg = not_found(&m, &del("rtb-public", cidr("8.8.8.0/24")));
        assert!(
            msg.starts_with("rtb-public has no route to 8.8.8.0/24"),
            "{msg}"
        );
        let msg = not_found(&m, &del("rtb-gone", cidr("8.8.8.0/24")));
        assert!(msg.starts_with("no route table rtb-gone"), "{msg}");
    }
}
