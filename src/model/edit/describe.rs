//! The one line a learner reads for each edit, in the edit log and the undo history.

use super::Edit;
use crate::model::Target;

impl Edit {
    /// One line a learner can read: "attach vpce-s3 to rtb-private", "fail AZ us-east-1a".
    pub fn describe(&self) -> String {
        let on_off = |b: bool| if b { "on" } else { "off" };
        match self {
            Edit::AssociateSubnet {
                subnet,
                route_table: Some(t),
                ..
            } => format!("associate {subnet} with {t}"),
            Edit::AssociateSubnet {
                subnet,
                route_table: None,
                ..
            } => format!("remove {subnet}'s explicit association (it then uses the main table)"),
            Edit::SetMainRouteTable { route_table } => {
                format!("make {route_table} the main route table")
            }
            Edit::AddRoute {
                route_table, route, ..
            } => format!(
                "add route {} → {} to {route_table}",
                route.destination, route.target
            ),
            Edit::ReplaceRoute {
                route_table, route, ..
            } if route.target == Target::Local => format!(
                "restore the local target of {} in {route_table}",
                route.destination
            ),
            Edit::ReplaceRoute {
                route_table, route, ..
            } => format!(
                "point {} in {route_table} at {}",
                route.destination, route.target
            ),
            Edit::DeleteRoute {
                route_table,
                destination,
            } => format!("delete the route to {destination} from {route_table}"),
            Edit::AddGatewayEndpoint { endpoint, .. } => {
                let on = if endpoint.route_tables.is_empty() {
                    "on no route table".to_string()
                } else {
                    format!("on {}", endpoint.route_tables.join(", "))
                };
                format!(
                    "add gateway endpoint {} for {} {on}",
                    endpoint.id, endpoint.service
                )
            }
            Edit::DeleteGatewayEndpoint { id } => format!("delete gateway endpoint {id}"),
            Edit::AttachGatewayEndpoint {
                endpoint,
                route_table,
                ..
            } => format!("attach {endpoint} to {route_table}"),
            Edit::DetachGatewayEndpoint {
                endpoint,
                route_table,
            } => format!("detach {endpoint} from {route_table}"),
            Edit::AddInterfaceEndpoint { endpoint, .. } => {
                let subnets: Vec<&str> = endpoint
                    .subnets
                    .iter()
                    .map(|es| es.subnet.as_str())
                    .collect();
                let in_ = if subnets.is_empty() {
                    "with no subnet".to_string()
                } else {
                    format!("in {}", subnets.join(", "))
                };
                format!(
                    "add interface endpoint {} for {} {in_}",
                    endpoint.id, endpoint.service
                )
            }
            Edit::DeleteInterfaceEndpoint { id } => format!("delete interface endpoint {id}"),
            Edit::AddEndpointSubnet {
                endpoint, subnet, ..
            } => match subnet.ip {
                Some(ip) => format!("add {} ({ip}) to {endpoint}", subnet.subnet),
                None => format!("add {} to {endpoint}", subnet.subnet),
            },
            Edit::RemoveEndpointSubnet { endpoint, subnet } => {
                format!("remove {subnet} from {endpoint}")
            }
            Edit::SetPrivateDns { endpoint, enabled } => {
                format!("turn private DNS {} for {endpoint}", on_off(*enabled))
            }
            Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { endpoint, enabled } => format!(
                "turn \"private DNS only for inbound Resolver endpoint\" {} for {endpoint}",
                on_off(*enabled)
            ),
            Edit::AddNatGateway { nat_gateway, .. } => {
                let kind = match nat_gateway.connectivity {
                    crate::model::NatConnectivity::Public => "",
                    crate::model::NatConnectivity::Private => "private ",
                };
                match (&nat_gateway.availability_mode, &nat_gateway.subnet) {
                    (crate::model::AvailabilityMode::Regional, _) => {
                        format!("add regional {kind}NAT gateway {}", nat_gateway.id)
                    }
                    (_, Some(subnet)) => {
                        format!("add {kind}NAT gateway {} in {subnet}", nat_gateway.id)
                    }
                    (_, None) => format!("add {kind}NAT gateway {}", nat_gateway.id),
                }
            }
            Edit::DeleteNatGateway { id } => {
                format!("delete NAT gateway {id} (routes to it become blackholes)")
            }
            Edit::SetInstancePublicIp {
                instance,
                public_ip: true,
            } => format!("give {instance} a public IPv4 address"),
            Edit::SetInstancePublicIp {
                instance,
                public_ip: false,
            } => format!("remove {instance}'s public IPv4 address"),
            Edit::SetDnsSupport { enabled } => {
                format!(
                    "turn DNS resolution (enableDnsSupport) {}",
                    on_off(*enabled)
                )
            }
            Edit::SetDnsHostnames { enabled } => {
                format!(
                    "turn DNS hostnames (enableDnsHostnames) {}",
                    on_off(*enabled)
                )
            }
            Edit::SetGwlbAppliancesUp { endpoint, up } => format!(
                "mark the appliances behind {endpoint} {}",
                if *up { "up" } else { "down" }
            ),
            Edit::AssociateGateway {
                route_table,
                gateway,
                ..
            } => format!("make {route_table} the edge route table of {gateway}"),
            Edit::DisassociateGateway {
                route_table,
                gateway,
            } => format!("disassociate {gateway} from {route_table}"),
            Edit::SetApplianceHealth {
                load_balancer,
                az,
                healthy,
            } => format!(
                "mark {load_balancer}'s appliances in {az} {}",
                if *healthy { "healthy" } else { "unhealthy" }
            ),
            Edit::SetCrossZoneLoadBalancing {
                load_balancer,
                enabled,
            } => format!(
                "turn cross-zone load balancing {} on {load_balancer}",
                on_off(*enabled)
            ),
            Edit::FailAz { az } => format!("fail AZ {az}"),
            Edit::RestoreAz { az } => format!("restore AZ {az}"),
            Edit::SetFailedAzs { failed_azs } if failed_azs.is_empty() => {
                "restore every AZ".to_string()
            }
            Edit::SetFailedAzs { failed_azs } => {
                format!("set the failed AZs to {}", failed_azs.join(", "))
            }
            Edit::Batch(edits) => match edits.as_slice() {
                [] => "no change".to_string(),
                [one] => one.describe(),
                many => format!(
                    "{} changes: {}",
                    many.len(),
                    many.iter()
                        .map(Edit::describe)
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::test_support::*;
    use crate::model::{AvailabilityMode, NatConnectivity};
    use crate::model::{Destination, NatGateway};

    #[test]
    fn descriptions() {
        let cases = [
            (
                Edit::AttachGatewayEndpoint {
                    endpoint: "vpce-s3".into(),
                    route_table: "rtb-private".into(),
                    position: None,
                },
                "attach vpce-s3 to rtb-private",
            ),
            (
                Edit::FailAz {
                    az: "us-east-1a".into(),
                },
                "fail AZ us-east-1a",
            ),
            (
                Edit::AssociateSubnet {
                    subnet: "subnet-a".into(),
                    route_table: None,
                    position: None,
                },
                "remove subnet-a's explicit association (it then uses the main table)",
            ),
            (
                Edit::AddRoute {
                    route_table: "rtb-a".into(),
                    route: route("0.0.0.0/0", nat("nat-a")),
                    position: None,
                },
                "add route 0.0.0.0/0 → nat-a to rtb-a",
            ),
            (
                Edit::DeleteRoute {
                    route_table: "rtb-a".into(),
                    destination: Destination::PrefixList("s3".into()),
                },
                "delete the route to pl-s3 from rtb-a",
            ),
            (
                Edit::SetDnsHostnames { enabled: false },
                "turn DNS hostnames (enableDnsHostnames) off",
            ),
            (
                Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
                    endpoint: "vpce-s3-if".into(),
                    enabled: true,
                },
                "turn \"private DNS only for inbound Resolver endpoint\" on for vpce-s3-if",
            ),
            (
                Edit::AddNatGateway {
                    nat_gateway: NatGateway {
                        id: "nat-r".into(),
                        name: None,
                        subnet: None,
                        connectivity: NatConnectivity::Public,
                        availability_mode: AvailabilityMode::Regional,
                    },
                    position: None,
                },
                "add regional NAT gateway nat-r",
            ),
            (Edit::Batch(vec![]), "no change"),
        ];
        for (edit, text) in cases {
            assert_eq!(edit.describe(), text);
        }
    }
}
