//! Gateway endpoints (S3, DynamoDB): adding, deleting, and attaching them to route tables
//! (aws-semantics.md §2).

use super::lookup::{
    brief_list, check_endpoint_route_free, check_new_id, find_gateway_endpoint, find_table,
    insert_at, refuse,
};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Scenario};

/// Apply a gateway endpoint edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AddGatewayEndpoint { endpoint, position } => {
            check_new_id(s, &endpoint.id)?;
            for (k, t) in endpoint.route_tables.iter().enumerate() {
                let ti = find_table(s, t)?;
                if endpoint.route_tables[..k].contains(t) {
                    return Err(refuse(
                        Diagnostic::error(&endpoint.id, "duplicate_gateway_endpoint_route")
                            .s("case", "twice")
                            .s("endpoint", &endpoint.id)
                            .s("table", t),
                    ));
                }
                check_endpoint_route_free(s, ti, &endpoint.service, &endpoint.id)?;
            }
            insert_at(&mut s.gateway_endpoints, *position, endpoint.clone());
            Edit::DeleteGatewayEndpoint {
                id: endpoint.id.clone(),
            }
        }
        Edit::DeleteGatewayEndpoint { id } => {
            let i = find_gateway_endpoint(s, id)?;
            Edit::AddGatewayEndpoint {
                endpoint: s.gateway_endpoints.remove(i),
                position: Some(i),
            }
        }
        Edit::AttachGatewayEndpoint {
            endpoint,
            route_table,
            position,
        } => {
            let ei = find_gateway_endpoint(s, endpoint)?;
            let ti = find_table(s, route_table)?;
            let ge = &s.gateway_endpoints[ei];
            if ge.route_tables.contains(route_table) {
                return Err(refuse(
                    Diagnostic::error(endpoint, "duplicate_gateway_endpoint_route")
                        .s("case", "edit_attached")
                        .s("endpoint", endpoint)
                        .s("table", route_table),
                ));
            }
            let service = ge.service.clone();
            check_endpoint_route_free(s, ti, &service, endpoint)?;
            insert_at(
                &mut s.gateway_endpoints[ei].route_tables,
                *position,
                route_table.clone(),
            );
            Edit::DetachGatewayEndpoint {
                endpoint: endpoint.clone(),
                route_table: route_table.clone(),
            }
        }
        Edit::DetachGatewayEndpoint {
            endpoint,
            route_table,
        } => {
            let ei = find_gateway_endpoint(s, endpoint)?;
            let ge = &s.gateway_endpoints[ei];
            let Some(p) = ge.route_tables.iter().position(|t| t == route_table) else {
                find_table(s, route_table)?;
                let d = Diagnostic::error(endpoint, "not_attached")
                    .s("endpoint", endpoint)
                    .s("table", route_table);
                return Err(EditError::missing(brief_list(
                    d,
                    "tables",
                    &ge.route_tables,
                )));
            };
            s.gateway_endpoints[ei].route_tables.remove(p);
            Edit::AttachGatewayEndpoint {
                endpoint: endpoint.clone(),
                route_table: route_table.clone(),
                position: Some(p),
            }
        }
        _ => unreachable!("not a gateway endpoint edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;
    use crate::model::{GatewayEndpoint, Target};

    #[test]
    fn attach_and_detach_gateway_endpoint() {
        let m = private_only();
        let e = Edit::AttachGatewayEndpoint {
            endpoint: "vpce-s3".into(),
            route_table: "rtb-main".into(),
            position: None,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(
            inverse,
            Edit::DetachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-main".into(),
            }
        );
        let ti = after.table_index("rtb-main").unwrap();
        assert!(
            after
                .compiled_table(ti)
                .routes
                .iter()
                .any(|r| r.target == Target::GatewayEndpoint("vpce-s3".into()))
        );
        let e = Edit::DetachGatewayEndpoint {
            endpoint: "vpce-s3".into(),
            route_table: "rtb-private-b".into(),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(
            after.scenario().gateway_endpoints[0].route_tables,
            ["rtb-private-a", "rtb-private-c"]
        );
        assert_eq!(
            inverse,
            Edit::AttachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private-b".into(),
                position: Some(1),
            }
        );
        assert_eq!(
            crate::explain::edit_text(crate::explain::Lang::En, &e),
            "detach vpce-s3 from rtb-private-b"
        );
    }

    #[test]
    fn gateway_endpoint_refusals() {
        let m = private_only();
        let msg = refusal(
            &m,
            &Edit::AttachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private-a".into(),
                position: None,
            },
        );
        assert_eq!(msg, "vpce-s3 is already attached to rtb-private-a");
        let msg = not_found(
            &m,
            &Edit::DetachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-main".into(),
            },
        );
        assert_eq!(
            msg,
            "vpce-s3 is not attached to rtb-main; it is attached to rtb-private-a, \
             rtb-private-b, rtb-private-c"
        );
        let msg = not_found(
            &m,
            &Edit::AttachGatewayEndpoint {
                endpoint: "vpce-nope".into(),
                route_table: "rtb-main".into(),
                position: None,
            },
        );
        assert_eq!(
            msg,
            "no gateway endpoint vpce-nope; gateway endpoints: vpce-s3, vpce-dynamodb"
        );
        // A second S3 endpoint on a table that already has one.
        let second = Edit::AddGatewayEndpoint {
            endpoint: GatewayEndpoint {
                policy: None,
                id: "vpce-s3-two".into(),
                service: "s3".into(),
                route_tables: vec!["rtb-main".into(), "rtb-private-a".into()],
            },
            position: None,
        };
        let msg = refusal(&m, &second);
        assert!(msg.contains("one gateway endpoint per service"), "{msg}");
        let dup = Edit::AddGatewayEndpoint {
            endpoint: GatewayEndpoint {
                policy: None,
                id: "vpce-ssm".into(),
                service: "s3".into(),
                route_tables: vec![],
            },
            position: None,
        };
        assert_eq!(
            refusal(&m, &dup),
            "vpce-ssm is already used by an interface endpoint; ids must be unique"
        );
    }

    #[test]
    fn add_and_delete_gateway_endpoint_in_place() {
        let m = private_only();
        let e = Edit::DeleteGatewayEndpoint {
            id: "vpce-s3".into(),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().gateway_endpoints.len(), 1);
        assert!(matches!(
            inverse,
            Edit::AddGatewayEndpoint {
                position: Some(0),
                ..
            }
        ));
        let add = Edit::AddGatewayEndpoint {
            endpoint: GatewayEndpoint {
                policy: None,
                id: "vpce-s3-main".into(),
                service: "s3".into(),
                route_tables: vec!["rtb-main".into()],
            },
            position: Some(1),
        };
        let (after, _) = round_trip(&m, &add);
        assert_eq!(after.scenario().gateway_endpoints[1].id, "vpce-s3-main");
        assert_eq!(
            crate::explain::edit_text(crate::explain::Lang::En, &add),
            "add gateway endpoint vpce-s3-main for s3 on rtb-main"
        );
    }
}
