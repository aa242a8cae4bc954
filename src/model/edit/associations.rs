//! Route table associations: a subnet's table, the main table, and the gateway (edge)
//! associations of ingress routing (aws-semantics.md §1, §5).

use super::lookup::{find_subnet, find_table, insert_at, not_found, refuse};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Scenario};

/// Apply an association edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AssociateSubnet {
            subnet,
            route_table,
            position,
        } => {
            find_subnet(s, subnet)?;
            let new = route_table
                .as_deref()
                .map(|t| find_table(s, t))
                .transpose()?;
            let old =
                s.route_tables.iter().enumerate().find_map(|(ti, t)| {
                    t.subnets.iter().position(|x| x == subnet).map(|p| (ti, p))
                });
            let inverse = Edit::AssociateSubnet {
                subnet: subnet.clone(),
                route_table: old.map(|(ti, _)| s.route_tables[ti].id.clone()),
                position: old.map(|(_, p)| p),
            };
            let stays = matches!((old, new, position), (Some((o, _)), Some(n), None) if o == n);
            if !stays {
                if let Some((ti, p)) = old {
                    s.route_tables[ti].subnets.remove(p);
                }
                if let Some(ti) = new {
                    insert_at(&mut s.route_tables[ti].subnets, *position, subnet.clone());
                }
            }
            inverse
        }
        Edit::SetMainRouteTable { route_table } => {
            let ti = find_table(s, route_table)?;
            let old = s.route_tables.iter().position(|t| t.main);
            if let Some(o) = old {
                s.route_tables[o].main = false;
            }
            s.route_tables[ti].main = true;
            Edit::SetMainRouteTable {
                route_table: old
                    .map(|o| s.route_tables[o].id.clone())
                    .unwrap_or_else(|| route_table.clone()),
            }
        }
        Edit::AssociateGateway {
            route_table,
            gateway,
            position,
        } => {
            let t = find_table(s, route_table)?;
            if s.internet_gateway.as_ref().is_none_or(|g| &g.id != gateway) {
                return Err(not_found(
                    ("kind-internet_gateway", "kinds-internet_gateway"),
                    gateway,
                    s.internet_gateway.iter().map(|g| &*g.id),
                ));
            }
            if let Some(other) = s
                .route_tables
                .iter()
                .find(|x| x.gateways.iter().any(|g| g == gateway))
            {
                return Err(refuse(
                    Diagnostic::error(route_table, "duplicate_gateway_association")
                        .s("case", "edit")
                        .s("gateway", gateway)
                        .s("other", &other.id),
                ));
            }
            let list = &mut s.route_tables[t].gateways;
            let at = position.unwrap_or(list.len()).min(list.len());
            list.insert(at, gateway.clone());
            Edit::DisassociateGateway {
                route_table: route_table.clone(),
                gateway: gateway.clone(),
            }
        }
        Edit::DisassociateGateway {
            route_table,
            gateway,
        } => {
            let t = find_table(s, route_table)?;
            let list = &mut s.route_tables[t].gateways;
            let Some(at) = list.iter().position(|g| g == gateway) else {
                return Err(EditError::missing(
                    Diagnostic::error(route_table, "not_associated")
                        .s("table", route_table)
                        .s("gateway", gateway),
                ));
            };
            list.remove(at);
            Edit::AssociateGateway {
                route_table: route_table.clone(),
                gateway: gateway.clone(),
                position: Some(at),
            }
        }
        _ => unreachable!("not an association edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Association;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;

    #[test]
    fn associate_subnet_moves_it_between_tables() {
        let m = private_only();
        let e = Edit::AssociateSubnet {
            subnet: "subnet-private-a".into(),
            route_table: Some("rtb-private-b".into()),
            position: None,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert!(table(&after, "rtb-private-a").subnets.is_empty());
        assert_eq!(
            table(&after, "rtb-private-b").subnets,
            ["subnet-private-b", "subnet-private-a"]
        );
        let si = after.subnet_index("subnet-private-a").unwrap();
        let tb = after.table_index("rtb-private-b").unwrap();
        assert_eq!(after.subnet_route_table(si), (tb, Association::Explicit));
        assert_eq!(
            inverse,
            Edit::AssociateSubnet {
                subnet: "subnet-private-a".into(),
                route_table: Some("rtb-private-a".into()),
                position: Some(0),
            }
        );

        let first = Edit::AssociateSubnet {
            subnet: "subnet-private-a".into(),
            route_table: Some("rtb-private-b".into()),
            position: Some(0),
        };
        let (after, _) = round_trip(&m, &first);
        assert_eq!(
            table(&after, "rtb-private-b").subnets,
            ["subnet-private-a", "subnet-private-b"]
        );
    }

    #[test]
    fn associate_subnet_none_falls_back_to_main() {
        let m = private_only();
        let e = Edit::AssociateSubnet {
            subnet: "subnet-private-c".into(),
            route_table: None,
            position: None,
        };
        let (after, _) = round_trip(&m, &e);
        let si = after.subnet_index("subnet-private-c").unwrap();
        let main = after.table_index("rtb-main").unwrap();
        assert_eq!(
            after.subnet_route_table(si),
            (main, Association::ImplicitMain)
        );
        // Already implicit: nothing to do, and the inverse is the same no-op.
        let (again, inverse) = round_trip(&after, &e);
        assert_eq!(again.scenario(), after.scenario());
        assert_eq!(inverse, e);
    }

    #[test]
    fn associate_subnet_with_its_own_table_keeps_its_place() {
        let m = kitchen();
        let e = Edit::AssociateSubnet {
            subnet: "subnet-public-a".into(),
            route_table: Some("rtb-public".into()),
            position: None,
        };
        let (after, _) = round_trip(&m, &e);
        assert_eq!(after.scenario(), m.scenario());
        // With a position it moves within the list.
        let e = Edit::AssociateSubnet {
            subnet: "subnet-public-a".into(),
            route_table: Some("rtb-public".into()),
            position: Some(1),
        };
        let (after, _) = round_trip(&m, &e);
        assert_eq!(
            table(&after, "rtb-public").subnets,
            ["subnet-public-b", "subnet-public-a"]
        );
    }

    #[test]
    fn associate_subnet_unknown_ids() {
        let m = private_only();
        let msg = not_found(
            &m,
            &Edit::AssociateSubnet {
                subnet: "subnet-private-a".into(),
                route_table: Some("rtb-x".into()),
                position: None,
            },
        );
        assert_eq!(
            msg,
            "no route table rtb-x; route tables: rtb-main, rtb-private-a, rtb-private-b, rtb-private-c"
        );
        let msg = not_found(
            &m,
            &Edit::AssociateSubnet {
                subnet: "subnet-nope".into(),
                route_table: None,
                position: None,
            },
        );
        assert!(msg.starts_with("no subnet subnet-nope; subnets: subnet-private-a"));
    }

    #[test]
    fn set_main_route_table_flips_the_flags() {
        let m = private_only();
        let (after, inverse) = round_trip(
            &m,
            &Edit::SetMainRouteTable {
                route_table: "rtb-private-a".into(),
            },
        );
        let mains: Vec<&str> = after
            .scenario()
            .route_tables
            .iter()
            .filter(|t| t.main)
            .map(|t| t.id.as_str())
            .collect();
        assert_eq!(mains, ["rtb-private-a"]);
        assert_eq!(
            inverse,
            Edit::SetMainRouteTable {
                route_table: "rtb-main".into()
            }
        );
        assert!(
            not_found(
                &m,
                &Edit::SetMainRouteTable {
                    route_table: "rtb-nope".into()
                }
            )
            .contains("rtb-nope")
        );
    }
}
