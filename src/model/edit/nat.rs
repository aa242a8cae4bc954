//! NAT gateways: adding one, and deleting one, whose routes become blackholes
//! (aws-semantics.md §4).

use super::lookup::{check_new_id, find_nat, find_subnet, insert_at};
use super::{Edit, EditError};
use crate::model::{Route, Scenario, Target};

/// Apply a NAT gateway edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AddNatGateway {
            nat_gateway,
            position,
        } => {
            check_new_id(s, &nat_gateway.id)?;
            if let Some(subnet) = &nat_gateway.subnet {
                find_subnet(s, subnet)?;
            }
            insert_at(&mut s.nat_gateways, *position, nat_gateway.clone());
            Edit::DeleteNatGateway {
                id: nat_gateway.id.clone(),
            }
        }
        Edit::DeleteNatGateway { id } => {
            let i = find_nat(s, id)?;
            let nat_gateway = s.nat_gateways.remove(i);
            let target = Target::NatGateway(id.as_str().into());
            let mut steps = vec![Edit::AddNatGateway {
                nat_gateway,
                position: Some(i),
            }];
            for t in &mut s.route_tables {
                for r in t.routes.iter_mut().filter(|r| r.target == target) {
                    r.target = Target::Blackhole;
                    steps.push(Edit::ReplaceRoute {
                        route_table: t.id.clone(),
                        route: Route {
                            destination: r.destination.clone(),
                            target: target.clone(),
                        },
                        position: None,
                    });
                }
            }
            // The gateway first, then each route back from blackhole to it.
            if steps.len() == 1 {
                steps.remove(0)
            } else {
                Edit::Batch(steps)
            }
        }
        _ => unreachable!("not a NAT gateway edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;
    use crate::model::{AvailabilityMode, NatConnectivity};
    use crate::model::{NatGateway, Target};

    #[test]
    fn delete_nat_gateway_blackholes_its_routes() {
        let m = kitchen();
        let e = Edit::DeleteNatGateway { id: "nat-a".into() };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().nat_gateways.len(), 1);
        assert_eq!(
            table(&after, "rtb-private-a").routes[0].target,
            Target::Blackhole
        );
        assert_eq!(
            table(&after, "rtb-private-b").routes[1].target,
            Target::Blackhole
        );
        assert_eq!(table(&after, "rtb-inspect").routes[0].target, nat("nat-r"));
        let Edit::Batch(steps) = &inverse else {
            panic!("expected a batch, got {inverse:?}");
        };
        assert_eq!(steps.len(), 3);
        assert!(matches!(
            &steps[0],
            Edit::AddNatGateway {
                position: Some(0),
                ..
            }
        ));
        assert_eq!(
            crate::explain::edit_text(crate::explain::Lang::En, &inverse),
            "3 changes: add NAT gateway nat-a in subnet-public-a; point 0.0.0.0/0 in \
             rtb-private-a at nat-a; point 0.0.0.0/0 in rtb-private-b at nat-a"
        );
        // Nothing routes to nat-r's replacement: the inverse is a plain add.
        let e = Edit::DeleteNatGateway { id: "nat-r".into() };
        let m2 = Edit::ReplaceRoute {
            route_table: "rtb-inspect".into(),
            route: route("0.0.0.0/0", nat("nat-a")),
            position: None,
        }
        .apply(&m)
        .unwrap()
        .0;
        let (_, inverse) = round_trip(&m2, &e);
        assert!(matches!(
            inverse,
            Edit::AddNatGateway {
                position: Some(1),
                ..
            }
        ));
    }

    #[test]
    fn add_nat_gateway() {
        let m = kitchen();
        let e = Edit::AddNatGateway {
            nat_gateway: NatGateway {
                elastic_ip: None,
                id: "nat-b".into(),
                name: None,
                subnet: Some("subnet-public-b".into()),
                connectivity: NatConnectivity::Public,
                availability_mode: AvailabilityMode::Zonal,
            },
            position: Some(1),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().nat_gateways[1].id, "nat-b");
        assert_eq!(inverse, Edit::DeleteNatGateway { id: "nat-b".into() });
        assert_eq!(
            crate::explain::edit_text(crate::explain::Lang::En, &e),
            "add NAT gateway nat-b in subnet-public-b"
        );
        let mut dup = e.clone();
        if let Edit::AddNatGateway { nat_gateway, .. } = &mut dup {
            nat_gateway.id = "nat-a".into();
        }
        assert_eq!(
            refusal(&m, &dup),
            "nat-a is already used by a NAT gateway; ids must be unique"
        );
        let mut bad_subnet = e.clone();
        if let Edit::AddNatGateway { nat_gateway, .. } = &mut bad_subnet {
            nat_gateway.subnet = Some("subnet-z".into());
        }
        assert!(not_found(&m, &bad_subnet).starts_with("no subnet subnet-z"));
        assert!(
            not_found(&m, &Edit::DeleteNatGateway { id: "nat-z".into() })
                .starts_with("no NAT gateway nat-z; NAT gateways: nat-a, nat-r")
        );
    }
}
