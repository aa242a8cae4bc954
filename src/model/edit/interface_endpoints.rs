//! Interface endpoints: adding and deleting them, their subnets, and their private DNS options
//! (aws-semantics.md §3).

use super::lookup::{
    brief_list, check_endpoint_subnet_free, check_new_id, find_interface_endpoint, find_subnet,
    insert_at,
};
use super::{Edit, EditError};
use crate::model::{Diagnostic, Scenario};

/// Apply an interface endpoint edit to `s` and return its exact inverse.
pub(super) fn apply(edit: &Edit, s: &mut Scenario) -> Result<Edit, EditError> {
    Ok(match edit {
        Edit::AddInterfaceEndpoint { endpoint, position } => {
            check_new_id(s, &endpoint.id)?;
            for (k, es) in endpoint.subnets.iter().enumerate() {
                find_subnet(s, &es.subnet)?;
                check_endpoint_subnet_free(s, &endpoint.id, &endpoint.subnets[..k], es)?;
            }
            insert_at(&mut s.interface_endpoints, *position, endpoint.clone());
            Edit::DeleteInterfaceEndpoint {
                id: endpoint.id.clone(),
            }
        }
        Edit::DeleteInterfaceEndpoint { id } => {
            let i = find_interface_endpoint(s, id)?;
            Edit::AddInterfaceEndpoint {
                endpoint: s.interface_endpoints.remove(i),
                position: Some(i),
            }
        }
        Edit::AddEndpointSubnet {
            endpoint,
            subnet,
            position,
        } => {
            let ei = find_interface_endpoint(s, endpoint)?;
            find_subnet(s, &subnet.subnet)?;
            check_endpoint_subnet_free(s, endpoint, &s.interface_endpoints[ei].subnets, subnet)?;
            insert_at(
                &mut s.interface_endpoints[ei].subnets,
                *position,
                subnet.clone(),
            );
            Edit::RemoveEndpointSubnet {
                endpoint: endpoint.clone(),
                subnet: subnet.subnet.clone(),
            }
        }
        Edit::RemoveEndpointSubnet { endpoint, subnet } => {
            let ei = find_interface_endpoint(s, endpoint)?;
            let subnets = &mut s.interface_endpoints[ei].subnets;
            let Some(p) = subnets.iter().position(|es| &es.subnet == subnet) else {
                let d = Diagnostic::error(endpoint, "no_endpoint_subnet")
                    .s("endpoint", endpoint)
                    .s("subnet", subnet);
                return Err(EditError::missing(brief_list(
                    d,
                    "subnets",
                    subnets.iter().map(|es| &es.subnet),
                )));
            };
            Edit::AddEndpointSubnet {
                endpoint: endpoint.clone(),
                subnet: subnets.remove(p),
                position: Some(p),
            }
        }
        Edit::SetPrivateDns { endpoint, enabled } => {
            let ei = find_interface_endpoint(s, endpoint)?;
            let old = std::mem::replace(&mut s.interface_endpoints[ei].private_dns, *enabled);
            Edit::SetPrivateDns {
                endpoint: endpoint.clone(),
                enabled: old,
            }
        }
        Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { endpoint, enabled } => {
            let ei = find_interface_endpoint(s, endpoint)?;
            let old = std::mem::replace(
                &mut s.interface_endpoints[ei].private_dns_only_for_inbound_resolver_endpoint,
                *enabled,
            );
            Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
                endpoint: endpoint.clone(),
                enabled: old,
            }
        }
        _ => unreachable!("not an interface endpoint edit: {edit:?}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::not_found;
    use crate::model::edit::test_support::*;
    use crate::model::{EndpointSubnet, InterfaceEndpoint};

    #[test]
    fn endpoint_subnets() {
        let m = kitchen();
        let e = Edit::AddEndpointSubnet {
            endpoint: "vpce-ssm".into(),
            subnet: EndpointSubnet {
                ipv6: Default::default(),
                subnet: "subnet-private-b".into(),
                ip: None,
            },
            position: Some(0),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().interface_endpoints[0].subnets.len(), 2);
        assert_eq!(after.endpoint_enis(0).len(), 2);
        assert_eq!(
            inverse,
            Edit::RemoveEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: "subnet-private-b".into(),
            }
        );
        let e = Edit::RemoveEndpointSubnet {
            endpoint: "vpce-ssm".into(),
            subnet: "subnet-private-a".into(),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert!(after.scenario().interface_endpoints[0].subnets.is_empty());
        // The inverse keeps the ENI's address.
        assert_eq!(
            inverse,
            Edit::AddEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: "subnet-private-a".into(),
                    ip: Some("10.0.10.20".parse().unwrap()),
                },
                position: Some(0),
            }
        );
    }

    #[test]
    fn endpoint_subnet_refusals() {
        let m = private_only();
        let add = |subnet: &str| Edit::AddEndpointSubnet {
            endpoint: "vpce-ssm".into(),
            subnet: EndpointSubnet {
                ipv6: Default::default(),
                subnet: subnet.into(),
                ip: None,
            },
            position: None,
        };
        assert_eq!(
            refusal(&m, &add("subnet-private-a")),
            "vpce-ssm already has a network interface in subnet-private-a"
        );
        let k = kitchen();
        let msg = refusal(
            &k,
            &Edit::AddEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: "subnet-public-a".into(),
                    ip: None,
                },
                position: None,
            },
        );
        assert!(
            msg.starts_with("vpce-ssm already has a subnet in us-east-1a (subnet-private-a)"),
            "{msg}"
        );
        assert!(not_found(&m, &add("subnet-x")).starts_with("no subnet subnet-x; subnets:"));
        let msg = not_found(
            &k,
            &Edit::RemoveEndpointSubnet {
                endpoint: "vpce-ssm".into(),
                subnet: "subnet-public-b".into(),
            },
        );
        assert_eq!(
            msg,
            "vpce-ssm has no network interface in subnet-public-b; its subnets: subnet-private-a"
        );
        // The same rule when the endpoint is created.
        let msg = refusal(
            &k,
            &Edit::AddInterfaceEndpoint {
                endpoint: InterfaceEndpoint {
                    dns_record_ip_type: Default::default(),
                    ip_address_type: Default::default(),
                    policy: None,
                    lattice: None,
                    security_groups: Vec::new(),
                    id: "vpce-sqs".into(),
                    service: "sqs".into(),
                    subnets: vec![
                        EndpointSubnet {
                            ipv6: Default::default(),
                            subnet: "subnet-private-b".into(),
                            ip: None,
                        },
                        EndpointSubnet {
                            ipv6: Default::default(),
                            subnet: "subnet-public-b".into(),
                            ip: None,
                        },
                    ],
                    private_dns: true,
                    private_dns_only_for_inbound_resolver_endpoint: false,
                    region: None,
                },
                position: None,
            },
        );
        assert!(
            msg.starts_with("vpce-sqs already has a subnet in us-east-1b"),
            "{msg}"
        );
    }

    #[test]
    fn add_and_delete_interface_endpoint_in_place() {
        let m = private_only();
        let e = Edit::DeleteInterfaceEndpoint {
            id: "vpce-ec2messages".into(),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().interface_endpoints.len(), 4);
        assert!(matches!(
            inverse,
            Edit::AddInterfaceEndpoint {
                position: Some(2),
                ..
            }
        ));
        let add = Edit::AddInterfaceEndpoint {
            endpoint: InterfaceEndpoint {
                dns_record_ip_type: Default::default(),
                ip_address_type: Default::default(),
                policy: None,
                lattice: None,
                security_groups: Vec::new(),
                id: "vpce-kms".into(),
                service: "kms".into(),
                subnets: vec![EndpointSubnet {
                    ipv6: Default::default(),
                    subnet: "subnet-private-c".into(),
                    ip: None,
                }],
                private_dns: true,
                private_dns_only_for_inbound_resolver_endpoint: false,
                region: None,
            },
            position: None,
        };
        let (after, _) = round_trip(&m, &add);
        assert_eq!(after.scenario().interface_endpoints[5].id, "vpce-kms");
        assert_eq!(
            crate::explain::edit_text(crate::explain::Lang::En, &add),
            "add interface endpoint vpce-kms for kms in subnet-private-c"
        );
        assert!(
            not_found(
                &m,
                &Edit::DeleteInterfaceEndpoint {
                    id: "vpce-s3".into()
                }
            )
            .starts_with("no interface endpoint vpce-s3; interface endpoints: vpce-ssm")
        );
    }

    #[test]
    fn private_dns_switches() {
        let m = private_only();
        let e = Edit::SetPrivateDns {
            endpoint: "vpce-sqs".into(),
            enabled: false,
        };
        let (after, inverse) = round_trip(&m, &e);
        assert!(!after.scenario().interface_endpoints[3].private_dns);
        assert_eq!(
            inverse,
            Edit::SetPrivateDns {
                endpoint: "vpce-sqs".into(),
                enabled: true
            }
        );
        let e = Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
            endpoint: "vpce-logs".into(),
            enabled: false,
        };
        // Already off: a no-op whose inverse is itself.
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario(), m.scenario());
        assert_eq!(inverse, e);
        assert!(
            not_found(
                &m,
                &Edit::SetPrivateDns {
                    endpoint: "vpce-x".into(),
                    enabled: true
                }
            )
            .contains("vpce-x")
        );
    }
}
