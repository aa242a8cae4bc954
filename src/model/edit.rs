//! [`Edit`]: every change a user, a lesson or a what-if can make to the model. Applying an edit
//! validates the result with the same rules as loading and yields the exact inverse.
//!
//! The contract every variant keeps: if `e.apply(&m)` gives `(m2, inv)`, then `inv.apply(&m2)`
//! gives a model whose scenario is `==` to `m.scenario()`, the order of every list included. That
//! is why the additive edits carry a `position`: an inverse puts a thing back where it was.
//! A `position` past the end of its list appends. Where one step cannot say it all (deleting a
//! NAT gateway turns its routes into blackholes), the inverse is a [`Edit::Batch`].
//!
//! An edit first makes its own checks on the scenario (unknown ids, and the refusals AWS phrases
//! itself: a second subnet in one AZ, a destination that is already routed, deleting the local
//! route), then [`Model::rebuild`] applies every validation rule (aws-semantics.md §7).

use serde::{Deserialize, Serialize};

use super::parts::{Parts, Touched};
use super::{
    Destination, Diagnostic, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, Model, NatGateway,
    Route, Scenario, Target,
};

/// One change to the model. Ids are the scenario's ids; AZs are names or AZ IDs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Associate a subnet explicitly with a table, or (`route_table: None`) remove its explicit
    /// association so that it uses the main table. `position` is where the subnet goes in the
    /// table's `subnets` list (end when `None`; a subnet already on that table then stays put).
    AssociateSubnet {
        subnet: String,
        route_table: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Make another table the main table.
    SetMainRouteTable {
        route_table: String,
    },
    /// Add a route; `position` is where in the table's list it goes (end when `None`).
    AddRoute {
        route_table: String,
        route: Route,
        #[serde(default)]
        position: Option<usize>,
    },
    /// Replace the target of the route with this destination (the local route included). For a
    /// VPC CIDR, a target other than `Local` replaces the local route's target (the route entry
    /// is added at `position` if absent) and `Target::Local` restores it (the entry is removed),
    /// as `aws ec2 replace-route --local-target` does.
    ReplaceRoute {
        route_table: String,
        route: Route,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<usize>,
    },
    /// Delete a route. For a VPC CIDR this restores the local route's target; the local route
    /// itself cannot be deleted.
    DeleteRoute {
        route_table: String,
        destination: Destination,
    },
    AddGatewayEndpoint {
        endpoint: GatewayEndpoint,
        #[serde(default)]
        position: Option<usize>,
    },
    DeleteGatewayEndpoint {
        id: String,
    },
    /// Add a table to a gateway endpoint's list (AWS then adds the `pl-<service>` route to it).
    AttachGatewayEndpoint {
        endpoint: String,
        route_table: String,
        #[serde(default)]
        position: Option<usize>,
    },
    DetachGatewayEndpoint {
        endpoint: String,
        route_table: String,
    },
    AddInterfaceEndpoint {
        endpoint: InterfaceEndpoint,
        #[serde(default)]
        position: Option<usize>,
    },
    DeleteInterfaceEndpoint {
        id: String,
    },
    AddEndpointSubnet {
        endpoint: String,
        subnet: EndpointSubnet,
        #[serde(default)]
        position: Option<usize>,
    },
    RemoveEndpointSubnet {
        endpoint: String,
        subnet: String,
    },
    SetPrivateDns {
        endpoint: String,
        enabled: bool,
    },
    SetPrivateDnsOnlyForInboundResolverEndpoint {
        endpoint: String,
        enabled: bool,
    },
    AddNatGateway {
        nat_gateway: NatGateway,
        #[serde(default)]
        position: Option<usize>,
    },
    /// Routes that targeted the NAT gateway become blackhole routes, as in AWS.
    DeleteNatGateway {
        id: String,
    },
    /// Instance by id (or, failing that, by name).
    SetInstancePublicIp {
        instance: String,
        public_ip: bool,
    },
    SetDnsSupport {
        enabled: bool,
    },
    SetDnsHostnames {
        enabled: bool,
    },
    SetGwlbAppliancesUp {
        endpoint: String,
        up: bool,
    },
    /// Associate the internet gateway with a route table, making it the gateway's edge route
    /// table (ingress routing); `position` in the table's `gateways` list (end when `None`).
    AssociateGateway {
        route_table: String,
        gateway: String,
        #[serde(default)]
        position: Option<usize>,
    },
    DisassociateGateway {
        route_table: String,
        gateway: String,
    },
    /// Mark a Gateway Load Balancer's appliances in one AZ healthy or not.
    SetApplianceHealth {
        load_balancer: String,
        az: String,
        healthy: bool,
    },
    SetCrossZoneLoadBalancing {
        load_balancer: String,
        enabled: bool,
    },
    /// Fail an AZ: its name or AZ ID is appended, as given, to `what_if.failed_azs`.
    FailAz {
        az: String,
    },
    /// Restore an AZ: removes every `failed_azs` entry that names it (by name or AZ ID).
    RestoreAz {
        az: String,
    },
    /// Replace the whole failed-AZ list. Also the inverse of a `RestoreAz` whose entry was not
    /// the last one (or that removed several entries naming one AZ), so that undo keeps the order.
    SetFailedAzs {
        failed_azs: Vec<String>,
    },
    /// Several edits applied in order, all or nothing.
    Batch(Vec<Edit>),
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The edit names an object that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// AWS would refuse the result; the diagnostics say which rule.
    #[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("; "))]
    Refused(Vec<Diagnostic>),
}

impl Edit {
    /// Apply to `model`, returning the new model and the edit that undoes this one exactly.
    ///
    /// The model is never changed: the edit works on a copy of its scenario, which is then
    /// validated as a whole (a [`Edit::Batch`] is validated once, after its last step).
    ///
    /// Only what the edit can affect is checked and rebuilt: the rules that read the parts of
    /// the scenario it changed, and the indexes built from them (see [`Edit::touches`]); the
    /// rest is shared with `model`. Debug builds also build the model from scratch and assert
    /// that the two agree, refusals and their diagnostics included.
    pub fn apply(&self, model: &Model) -> Result<(Model, Edit), EditError> {
        let mut scenario = model.clone_scenario();
        let mut touched = Touched::nothing();
        let inverse = self.apply_to(&mut scenario, &mut touched)?;
        #[cfg(debug_assertions)]
        let from_scratch = Model::new(scenario.clone());
        let next = model.rebuild(scenario, &touched);
        #[cfg(debug_assertions)]
        agrees_with_a_fresh_model(self, &next, &from_scratch);
        // The model was valid, so every error is one this edit introduced.
        let next = next.map_err(|diagnostics| {
            EditError::Refused(diagnostics.into_iter().filter(|d| d.is_error()).collect())
        })?;
        Ok((next, inverse))
    }

    /// Add to `touched` what this edit changes in `s`, the scenario before it: the parts that
    /// [`Model::rebuild`] must check and index again. Every variant is listed (no catch-all),
    /// so a new edit cannot be added without saying what it touches.
    fn touches(&self, s: &Scenario, touched: &mut Touched) {
        let table = |id: &str| s.route_tables.iter().position(|t| t.id == id);
        match self {
            Edit::AssociateSubnet { .. } => touched.add(Parts::ASSOCIATIONS),
            Edit::SetMainRouteTable { .. } => touched.add(Parts::MAIN),
            Edit::AddRoute { route_table, .. }
            | Edit::ReplaceRoute { route_table, .. }
            | Edit::DeleteRoute { route_table, .. } => {
                touched.add_table(Parts::ROUTES, table(route_table))
            }
            Edit::AddGatewayEndpoint { endpoint, .. } => {
                touched.add(Parts::GATEWAY_ENDPOINTS);
                for t in &endpoint.route_tables {
                    touched.add_table(Parts::GATEWAY_ENDPOINT_TABLES, table(t));
                }
            }
            Edit::DeleteGatewayEndpoint { id } => {
                touched.add(Parts::GATEWAY_ENDPOINTS);
                for ge in s.gateway_endpoints.iter().filter(|g| &g.id == id) {
                    for t in &ge.route_tables {
                        touched.add_table(Parts::GATEWAY_ENDPOINT_TABLES, table(t));
                    }
                }
            }
            Edit::AttachGatewayEndpoint { route_table, .. }
            | Edit::DetachGatewayEndpoint { route_table, .. } => {
                touched.add_table(Parts::GATEWAY_ENDPOINT_TABLES, table(route_table))
            }
            Edit::AddInterfaceEndpoint { .. }
            | Edit::DeleteInterfaceEndpoint { .. }
            | Edit::AddEndpointSubnet { .. }
            | Edit::RemoveEndpointSubnet { .. } => {
                touched.add(Parts::INTERFACE_ENDPOINTS | Parts::PRIVATE_DNS)
            }
            Edit::SetPrivateDns { .. }
            | Edit::SetPrivateDnsOnlyForInboundResolverEndpoint { .. } => {
                touched.add(Parts::PRIVATE_DNS)
            }
            Edit::AddNatGateway { .. } => touched.add(Parts::NAT_GATEWAYS),
            Edit::DeleteNatGateway { id } => {
                // Its routes become blackholes.
                touched.add(Parts::NAT_GATEWAYS);
                let target = Target::NatGateway(id.as_str().into());
                for (ti, t) in s.route_tables.iter().enumerate() {
                    if t.routes.iter().any(|r| r.target == target) {
                        touched.add_table(Parts::ROUTES, Some(ti));
                    }
                }
            }
            Edit::SetInstancePublicIp { .. } => touched.add(Parts::PUBLIC_IPS),
            Edit::SetDnsSupport { .. } | Edit::SetDnsHostnames { .. } => {
                touched.add(Parts::VPC_DNS)
            }
            Edit::SetGwlbAppliancesUp { .. } => touched.add(Parts::GWLB_HEALTH),
            Edit::AssociateGateway { .. } | Edit::DisassociateGateway { .. } => {
                touched.add(Parts::EDGE)
            }
            Edit::SetApplianceHealth { .. } | Edit::SetCrossZoneLoadBalancing { .. } => {
                touched.add(Parts::LOAD_BALANCER_STATE)
            }
            Edit::FailAz { .. } | Edit::RestoreAz { .. } | Edit::SetFailedAzs { .. } => {
                touched.add(Parts::WHAT_IF)
            }
            // Each step adds what it touches as it is applied.
            Edit::Batch(_) => {}
        }
    }

    /// Make the change on `s` (already a scratch copy), add what it changed to `touched`, and
    /// return the exact inverse.
    fn apply_to(&self, s: &mut Scenario, touched: &mut Touched) -> Result<Edit, EditError> {
        self.touches(s, touched);
        Ok(match self {
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
                let old = s.route_tables.iter().enumerate().find_map(|(ti, t)| {
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

            Edit::AddRoute {
                route_table,
                route,
                position,
            } => {
                let ti = find_table(s, route_table)?;
                if route.target == Target::Local {
                    return Err(refuse(
                        route_table,
                        "derived_route_target",
                        format!(
                            "a route to {} cannot target local: only the local route of a VPC \
                             CIDR does, and AWS creates it",
                            route.destination
                        ),
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
                        route_table,
                        "derived_route_target",
                        format!(
                            "{} is not a VPC CIDR, so its route cannot target local",
                            route.destination
                        ),
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
                            route_table,
                            "local_route_not_deletable",
                            format!(
                                "the local route cannot be deleted: {route_table} always routes \
                                 {destination} inside the VPC (its target can be replaced)"
                            ),
                        ));
                    }
                    None => return Err(missing_route(s, ti, destination)),
                }
            }

            Edit::AddGatewayEndpoint { endpoint, position } => {
                check_new_id(s, &endpoint.id)?;
                for (k, t) in endpoint.route_tables.iter().enumerate() {
                    let ti = find_table(s, t)?;
                    if endpoint.route_tables[..k].contains(t) {
                        return Err(refuse(
                            &endpoint.id,
                            "duplicate_gateway_endpoint_route",
                            format!("{} lists {t} twice", endpoint.id),
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
                        endpoint,
                        "duplicate_gateway_endpoint_route",
                        format!("{endpoint} is already attached to {route_table}"),
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
                    let on = if ge.route_tables.is_empty() {
                        "no route tables".to_string()
                    } else {
                        brief_list(ge.route_tables.iter().map(String::as_str))
                    };
                    return Err(EditError::NotFound(format!(
                        "{endpoint} is not attached to {route_table}; it is attached to {on}"
                    )));
                };
                s.gateway_endpoints[ei].route_tables.remove(p);
                Edit::AttachGatewayEndpoint {
                    endpoint: endpoint.clone(),
                    route_table: route_table.clone(),
                    position: Some(p),
                }
            }

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
                check_endpoint_subnet_free(
                    s,
                    endpoint,
                    &s.interface_endpoints[ei].subnets,
                    subnet,
                )?;
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
                    let has = if subnets.is_empty() {
                        "it has no subnets".to_string()
                    } else {
                        format!(
                            "its subnets: {}",
                            brief_list(subnets.iter().map(|es| es.subnet.as_str()))
                        )
                    };
                    return Err(EditError::NotFound(format!(
                        "{endpoint} has no network interface in {subnet}; {has}"
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

            Edit::SetInstancePublicIp {
                instance,
                public_ip,
            } => {
                let i = find_instance(s, instance)?;
                let old = std::mem::replace(&mut s.instances[i].public_ip, *public_ip);
                Edit::SetInstancePublicIp {
                    instance: instance.clone(),
                    public_ip: old,
                }
            }

            Edit::SetDnsSupport { enabled } => Edit::SetDnsSupport {
                enabled: std::mem::replace(&mut s.vpc.enable_dns_support, *enabled),
            },

            Edit::SetDnsHostnames { enabled } => Edit::SetDnsHostnames {
                enabled: std::mem::replace(&mut s.vpc.enable_dns_hostnames, *enabled),
            },

            Edit::AssociateGateway {
                route_table,
                gateway,
                position,
            } => {
                let t = find_table(s, route_table)?;
                if s.internet_gateway.as_ref().is_none_or(|g| &g.id != gateway) {
                    return Err(not_found(
                        "internet gateway",
                        "internet gateways",
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
                        route_table,
                        "duplicate_gateway_association",
                        format!(
                            "{gateway} is already associated with {}; disassociate it first",
                            other.id
                        ),
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
                    return Err(EditError::NotFound(format!(
                        "{route_table} is not associated with {gateway}"
                    )));
                };
                list.remove(at);
                Edit::AssociateGateway {
                    route_table: route_table.clone(),
                    gateway: gateway.clone(),
                    position: Some(at),
                }
            }
            Edit::SetApplianceHealth {
                load_balancer,
                az,
                healthy,
            } => {
                let l = find_load_balancer(s, load_balancer)?;
                let wanted = find_az(s, az)?;
                let Some(a) = s.gateway_load_balancers[l]
                    .appliances
                    .iter()
                    .position(|x| az_index(s, &x.az) == Some(wanted))
                else {
                    return Err(EditError::NotFound(format!(
                        "{load_balancer} has no appliances in {az}"
                    )));
                };
                let old = std::mem::replace(
                    &mut s.gateway_load_balancers[l].appliances[a].healthy,
                    *healthy,
                );
                Edit::SetApplianceHealth {
                    load_balancer: load_balancer.clone(),
                    az: az.clone(),
                    healthy: old,
                }
            }
            Edit::SetCrossZoneLoadBalancing {
                load_balancer,
                enabled,
            } => {
                let l = find_load_balancer(s, load_balancer)?;
                let old = std::mem::replace(
                    &mut s.gateway_load_balancers[l].cross_zone_load_balancing,
                    *enabled,
                );
                Edit::SetCrossZoneLoadBalancing {
                    load_balancer: load_balancer.clone(),
                    enabled: old,
                }
            }
            Edit::SetGwlbAppliancesUp { endpoint, up } => {
                let i = find_gwlb(s, endpoint)?;
                let old = std::mem::replace(&mut s.gwlb_endpoints[i].appliances_up, *up);
                Edit::SetGwlbAppliancesUp {
                    endpoint: endpoint.clone(),
                    up: old,
                }
            }

            Edit::FailAz { az } => {
                let i = find_az(s, az)?;
                if let Some(e) = s
                    .what_if
                    .failed_azs
                    .iter()
                    .find(|e| az_index(s, e) == Some(i))
                {
                    let listed = if e == az {
                        String::new()
                    } else {
                        format!(" (listed as {e})")
                    };
                    return Err(refuse(
                        az,
                        "az_already_failed",
                        format!("AZ {} has already failed{listed}", az_label(s, i)),
                    ));
                }
                s.what_if.failed_azs.push(az.clone());
                Edit::RestoreAz { az: az.clone() }
            }

            Edit::RestoreAz { az } => {
                let wanted = az_index(s, az);
                let names_it =
                    |e: &String| e == az || (wanted.is_some() && az_index(s, e) == wanted);
                let hits: Vec<usize> = (0..s.what_if.failed_azs.len())
                    .filter(|&k| names_it(&s.what_if.failed_azs[k]))
                    .collect();
                match hits.as_slice() {
                    [] => {
                        let i = find_az(s, az)?;
                        return Err(refuse(
                            az,
                            "az_not_failed",
                            format!("AZ {} has not failed", az_label(s, i)),
                        ));
                    }
                    // The last entry: failing it again appends it where it was.
                    &[p] if p + 1 == s.what_if.failed_azs.len() => Edit::FailAz {
                        az: s.what_if.failed_azs.remove(p),
                    },
                    _ => {
                        let old = s.what_if.failed_azs.clone();
                        for &k in hits.iter().rev() {
                            s.what_if.failed_azs.remove(k);
                        }
                        Edit::SetFailedAzs { failed_azs: old }
                    }
                }
            }

            Edit::SetFailedAzs { failed_azs } => {
                for az in failed_azs {
                    find_az(s, az)?;
                }
                Edit::SetFailedAzs {
                    failed_azs: std::mem::replace(&mut s.what_if.failed_azs, failed_azs.clone()),
                }
            }

            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    inverses.push(e.apply_to(s, touched)?);
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        })
    }

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
                    super::NatConnectivity::Public => "",
                    super::NatConnectivity::Private => "private ",
                };
                match (&nat_gateway.availability_mode, &nat_gateway.subnet) {
                    (super::AvailabilityMode::Regional, _) => {
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

/// The check behind [`Edit::apply`] in debug builds: the model rebuilt from what the edit
/// touched is the model built from scratch, or both refuse it with the same diagnostics.
#[cfg(debug_assertions)]
fn agrees_with_a_fresh_model(
    edit: &Edit,
    rebuilt: &Result<Model, Vec<Diagnostic>>,
    fresh: &Result<Model, Vec<Diagnostic>>,
) {
    match (rebuilt, fresh) {
        (Ok(a), Ok(b)) => {
            if let Some(part) = a.difference(b) {
                panic!(
                    "{}: the rebuilt model's {part} differs from a fresh model's",
                    edit.describe()
                );
            }
        }
        (Err(a), Err(b)) => assert_eq!(
            a,
            b,
            "{}: refused with other diagnostics than a fresh model",
            edit.describe()
        ),
        (a, b) => panic!(
            "{}: rebuilt {} but a fresh model {}",
            edit.describe(),
            if a.is_ok() { "accepted" } else { "refused" },
            if b.is_ok() { "accepted" } else { "refused" },
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Lookups and the edit-level checks. They read the scratch scenario, not the model's indexes,
// because inside a batch the scenario has already moved on.

/// How many valid ids a "not found" message lists before it says how many more there are.
const LIST_LIMIT: usize = 8;

fn brief_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    if items.len() <= LIST_LIMIT {
        items.join(", ")
    } else {
        format!(
            "{}, … ({} more)",
            items[..LIST_LIMIT].join(", "),
            items.len() - LIST_LIMIT
        )
    }
}

/// "no route table rtb-x; route tables: rtb-main, rtb-public".
fn not_found<'a>(
    kind: &str,
    kinds: &str,
    id: &str,
    valid: impl IntoIterator<Item = &'a str>,
) -> EditError {
    let valid: Vec<&str> = valid.into_iter().collect();
    let known = if valid.is_empty() {
        format!("the scenario has no {kinds}")
    } else {
        format!("{kinds}: {}", brief_list(valid))
    };
    EditError::NotFound(format!("no {kind} {id}; {known}"))
}

fn refuse(object: &str, rule: &'static str, message: String) -> EditError {
    EditError::Refused(vec![Diagnostic::error(object, rule, message)])
}

/// Put `item` at `position` (clamped to the end; the end when `None`).
fn insert_at<T>(list: &mut Vec<T>, position: Option<usize>, item: T) {
    let at = position.map_or(list.len(), |p| p.min(list.len()));
    list.insert(at, item);
}

fn find_subnet(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.subnets
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| not_found("subnet", "subnets", id, s.subnets.iter().map(|x| &*x.id)))
}

fn find_load_balancer(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.gateway_load_balancers
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "Gateway Load Balancer",
                "Gateway Load Balancers",
                id,
                s.gateway_load_balancers.iter().map(|x| &*x.id),
            )
        })
}

fn find_table(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.route_tables
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "route table",
                "route tables",
                id,
                s.route_tables.iter().map(|x| &*x.id),
            )
        })
}

fn find_gateway_endpoint(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.gateway_endpoints
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "gateway endpoint",
                "gateway endpoints",
                id,
                s.gateway_endpoints.iter().map(|x| &*x.id),
            )
        })
}

fn find_interface_endpoint(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.interface_endpoints
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "interface endpoint",
                "interface endpoints",
                id,
                s.interface_endpoints.iter().map(|x| &*x.id),
            )
        })
}

fn find_nat(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.nat_gateways
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "NAT gateway",
                "NAT gateways",
                id,
                s.nat_gateways.iter().map(|x| &*x.id),
            )
        })
}

fn find_gwlb(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.gwlb_endpoints
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "Gateway Load Balancer endpoint",
                "Gateway Load Balancer endpoints",
                id,
                s.gwlb_endpoints.iter().map(|x| &*x.id),
            )
        })
}

fn find_network_interface(s: &Scenario, id: &str) -> Result<usize, EditError> {
    s.network_interfaces
        .iter()
        .position(|x| x.id == id)
        .ok_or_else(|| {
            not_found(
                "network interface",
                "network interfaces",
                id,
                s.network_interfaces.iter().map(|x| &*x.id),
            )
        })
}

/// By id, or failing that by name (as `Model::instance_index` does).
fn find_instance(s: &Scenario, key: &str) -> Result<usize, EditError> {
    s.instances
        .iter()
        .position(|x| x.id == key)
        .or_else(|| {
            s.instances
                .iter()
                .position(|x| x.name.as_deref() == Some(key))
        })
        .ok_or_else(|| {
            not_found(
                "instance",
                "instances",
                key,
                s.instances.iter().map(|x| &*x.id),
            )
        })
}

fn az_index(s: &Scenario, name_or_id: &str) -> Option<usize> {
    s.availability_zones
        .iter()
        .position(|a| a.name == name_or_id || a.id.as_deref() == Some(name_or_id))
}

/// `us-east-1a (use1-az1)`, or just the name.
fn az_label(s: &Scenario, i: usize) -> String {
    let a = &s.availability_zones[i];
    match &a.id {
        Some(id) => format!("{} ({id})", a.name),
        None => a.name.clone(),
    }
}

fn find_az(s: &Scenario, az: &str) -> Result<usize, EditError> {
    az_index(s, az).ok_or_else(|| {
        let labels: Vec<String> = (0..s.availability_zones.len())
            .map(|i| az_label(s, i))
            .collect();
        not_found("AZ", "AZs", az, labels.iter().map(String::as_str))
    })
}

/// An id given to a new object must not name anything that exists.
fn check_new_id(s: &Scenario, id: &str) -> Result<(), EditError> {
    let vpc = std::iter::once((&s.vpc.id, "the VPC"));
    let kind = vpc
        .chain(s.subnets.iter().map(|x| (&x.id, "a subnet")))
        .chain(s.route_tables.iter().map(|x| (&x.id, "a route table")))
        .chain(
            s.internet_gateway
                .iter()
                .map(|x| (&x.id, "the internet gateway")),
        )
        .chain(s.nat_gateways.iter().map(|x| (&x.id, "a NAT gateway")))
        .chain(
            s.gateway_endpoints
                .iter()
                .map(|x| (&x.id, "a gateway endpoint")),
        )
        .chain(
            s.interface_endpoints
                .iter()
                .map(|x| (&x.id, "an interface endpoint")),
        )
        .chain(
            s.gwlb_endpoints
                .iter()
                .map(|x| (&x.id, "a Gateway Load Balancer endpoint")),
        )
        .chain(
            s.network_interfaces
                .iter()
                .map(|x| (&x.id, "a network interface")),
        )
        .chain(s.instances.iter().map(|x| (&x.id, "an instance")))
        .find(|(x, _)| x.as_str() == id)
        .map(|(_, kind)| kind);
    match kind {
        Some(kind) => Err(refuse(
            id,
            "duplicate_id",
            format!("{id} is already used by {kind}; ids must be unique"),
        )),
        None => Ok(()),
    }
}

/// A target that names an object of the VPC must name one that exists. Targets beyond the
/// model (peering, transit gateway, virtual private gateway) are not checked.
fn check_target(s: &Scenario, table: &str, target: &Target) -> Result<(), EditError> {
    match target {
        Target::InternetGateway(id) => match &s.internet_gateway {
            Some(g) if g.id == id => Ok(()),
            Some(g) => Err(EditError::NotFound(format!(
                "no internet gateway {id}; the VPC's internet gateway is {}",
                g.id
            ))),
            None => Err(EditError::NotFound(format!(
                "no internet gateway {id}; the VPC has no internet gateway"
            ))),
        },
        Target::NatGateway(id) => find_nat(s, id).map(drop),
        Target::GatewayLoadBalancerEndpoint(id) => find_gwlb(s, id).map(drop),
        Target::NetworkInterface(id) => find_network_interface(s, id).map(drop),
        Target::GatewayEndpoint(id) => Err(refuse(
            table,
            "derived_route_target",
            format!(
                "routes to gateway endpoint {id} are managed by AWS: attach {id} to {table} \
                 instead of writing the route"
            ),
        )),
        _ => Ok(()),
    }
}

fn is_vpc_cidr(s: &Scenario, d: &Destination) -> bool {
    matches!(d, Destination::Cidr(c) if s.vpc.cidrs.contains(c))
}

fn route_index(s: &Scenario, ti: usize, d: &Destination) -> Option<usize> {
    s.route_tables[ti]
        .routes
        .iter()
        .position(|r| &r.destination == d)
}

/// The gateway endpoint whose derived route in `table` has destination `d`, if any.
fn endpoint_route_owner<'a>(s: &'a Scenario, table: &str, d: &Destination) -> Option<&'a str> {
    let Destination::PrefixList(service) = d else {
        return None;
    };
    s.gateway_endpoints
        .iter()
        .find(|g| &g.service == service && g.route_tables.iter().any(|t| t == table))
        .map(|g| g.id.as_str())
}

/// A route table holds one route per destination, the derived ones included.
fn check_destination_free(s: &Scenario, ti: usize, d: &Destination) -> Result<(), EditError> {
    let t = &s.route_tables[ti];
    if let Some(r) = t.routes.iter().find(|r| &r.destination == d) {
        return Err(refuse(
            &t.id,
            "duplicate_route_destination",
            format!(
                "{} already has a route to {d} (→ {}); replace its target or delete it first",
                t.id, r.target
            ),
        ));
    }
    if is_vpc_cidr(s, d) {
        return Err(refuse(
            &t.id,
            "duplicate_route_destination",
            format!(
                "{} already has the local route to {d}; replace its target instead",
                t.id
            ),
        ));
    }
    if let Some(ep) = endpoint_route_owner(s, &t.id, d) {
        return Err(refuse(
            &t.id,
            "duplicate_route_destination",
            format!(
                "{} already has a route to {d} from gateway endpoint {ep}; AWS manages that \
                 route (detach {ep} from {} to remove it)",
                t.id, t.id
            ),
        ));
    }
    Ok(())
}

/// Attaching a gateway endpoint for `service` to a table adds `pl-<service>`: the table must not
/// route that destination already (one endpoint route per service per table, §2 and §7).
fn check_endpoint_route_free(
    s: &Scenario,
    ti: usize,
    service: &str,
    endpoint: &str,
) -> Result<(), EditError> {
    let t = &s.route_tables[ti];
    let d = Destination::PrefixList(service.to_string());
    if let Some(r) = t.routes.iter().find(|r| r.destination == d) {
        return Err(refuse(
            &t.id,
            "duplicate_route_destination",
            format!(
                "{} already has a route to {d} (→ {}), so {endpoint} cannot add its own",
                t.id, r.target
            ),
        ));
    }
    if let Some(other) = s
        .gateway_endpoints
        .iter()
        .find(|g| g.id != endpoint && g.service == service && g.route_tables.contains(&t.id))
    {
        return Err(refuse(
            &t.id,
            "duplicate_gateway_endpoint_route",
            format!(
                "{} already has a route to {d} from gateway endpoint {}; a route table takes \
                 one gateway endpoint per service",
                t.id, other.id
            ),
        ));
    }
    Ok(())
}

/// An interface endpoint takes at most one subnet per AZ (§3); AWS refuses a second.
fn check_endpoint_subnet_free(
    s: &Scenario,
    endpoint: &str,
    existing: &[EndpointSubnet],
    new: &EndpointSubnet,
) -> Result<(), EditError> {
    if existing.iter().any(|es| es.subnet == new.subnet) {
        return Err(refuse(
            endpoint,
            "endpoint_subnets_same_az",
            format!(
                "{endpoint} already has a network interface in {}",
                new.subnet
            ),
        ));
    }
    let az_of = |id: &str| s.subnets.iter().find(|x| x.id == id).map(|x| x.az.as_str());
    let Some(new_az) = az_of(&new.subnet) else {
        return Ok(());
    };
    let same_az = |a: &str| match (az_index(s, a), az_index(s, new_az)) {
        (Some(x), Some(y)) => x == y,
        _ => a == new_az,
    };
    if let Some(es) = existing
        .iter()
        .find(|es| az_of(&es.subnet).is_some_and(same_az))
    {
        return Err(refuse(
            endpoint,
            "endpoint_subnets_same_az",
            format!(
                "{endpoint} already has a subnet in {new_az} ({}); an interface endpoint takes \
                 at most one subnet per AZ",
                es.subnet
            ),
        ));
    }
    Ok(())
}

/// Why a route to `d` cannot be found in table `ti`: AWS manages it, or it does not exist.
fn missing_route(s: &Scenario, ti: usize, d: &Destination) -> EditError {
    let t = &s.route_tables[ti];
    if let Some(ep) = endpoint_route_owner(s, &t.id, d) {
        return refuse(
            &t.id,
            "gateway_endpoint_route_managed",
            format!(
                "the route to {d} in {} belongs to gateway endpoint {ep}; change {ep}'s route \
                 tables instead",
                t.id
            ),
        );
    }
    let mut have: Vec<String> = s.vpc.cidrs.iter().map(|c| format!("{c} (local)")).collect();
    have.extend(
        t.routes
            .iter()
            .filter(|r| !is_vpc_cidr(s, &r.destination))
            .map(|r| r.destination.to_string()),
    );
    have.extend(
        s.gateway_endpoints
            .iter()
            .filter(|g| g.route_tables.contains(&t.id))
            .map(|g| format!("pl-{} ({})", g.service, g.id)),
    );
    EditError::NotFound(format!(
        "{} has no route to {d}; its routes: {}",
        t.id,
        brief_list(have.iter().map(String::as_str))
    ))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::model::{Association, AvailabilityMode, NatConnectivity, from_ron_str};

    const PRIVATE_ONLY: &str = include_str!("../../scenarios/private-only.ron");

    /// Everything the private-only scenario lacks: an internet gateway, NAT gateways (zonal and
    /// regional), a GWLB endpoint, an appliance ENI, a replaced local route, a failed AZ.
    const KITCHEN: &str = r#"(
        region: "us-east-1",
        vpc: (id: "vpc-kitchen", cidrs: ["10.0.0.0/16", "10.1.0.0/16"]),
        availability_zones: [
            (name: "us-east-1a", id: "use1-az1"),
            (name: "us-east-1b", id: "use1-az2"),
        ],
        subnets: [
            (id: "subnet-public-a", az: "us-east-1a", cidr: "10.0.0.0/24"),
            (id: "subnet-public-b", az: "us-east-1b", cidr: "10.0.1.0/24"),
            (id: "subnet-private-a", az: "us-east-1a", cidr: "10.0.10.0/24"),
            (id: "subnet-private-b", az: "us-east-1b", cidr: "10.0.11.0/24"),
            (id: "subnet-inspect-a", az: "us-east-1a", cidr: "10.0.20.0/28"),
        ],
        route_tables: [
            (id: "rtb-main", main: true, routes: [
                (destination: Cidr("10.0.0.0/16"), target: NetworkInterface("eni-appliance")),
            ]),
            (id: "rtb-public", subnets: ["subnet-public-a", "subnet-public-b"], routes: [
                (destination: Cidr("0.0.0.0/0"), target: InternetGateway("igw-kitchen")),
                (destination: Cidr("10.0.10.0/24"), target: GatewayLoadBalancerEndpoint("vpce-gwlb-a")),
            ]),
            (id: "rtb-private-a", subnets: ["subnet-private-a"], routes: [
                (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a")),
            ]),
            (id: "rtb-private-b", subnets: ["subnet-private-b"], routes: [
                (destination: Cidr("192.168.0.0/16"), target: VpcPeering("pcx-1")),
                (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-a")),
            ]),
            (id: "rtb-inspect", subnets: ["subnet-inspect-a"], routes: [
                (destination: Cidr("0.0.0.0/0"), target: NatGateway("nat-r")),
            ]),
        ],
        internet_gateway: (id: "igw-kitchen"),
        nat_gateways: [
            (id: "nat-a", subnet: "subnet-public-a"),
            (id: "nat-r", availability_mode: regional),
        ],
        gateway_endpoints: [
            (id: "vpce-s3", service: "s3", route_tables: ["rtb-private-a"]),
        ],
        interface_endpoints: [
            (id: "vpce-ssm", service: "ssm", subnets: [(subnet: "subnet-private-a", ip: "10.0.10.20")]),
        ],
        gwlb_endpoints: [(id: "vpce-gwlb-a", subnet: "subnet-inspect-a")],
        network_interfaces: [(id: "eni-appliance", subnet: "subnet-inspect-a", ip: "10.0.20.5")],
        instances: [
            (id: "i-web", name: "web", subnet: "subnet-public-a", private_ip: "10.0.0.10", public_ip: true),
            (id: "i-app", name: "app", subnet: "subnet-private-a", private_ip: "10.0.10.10"),
        ],
        what_if: (failed_azs: ["use1-az2"]),
    )"#;

    fn model(text: &str) -> Model {
        let scenario = from_ron_str(text, Path::new("test.ron")).expect("fixture parses");
        Model::new(scenario).expect("fixture is valid")
    }

    fn private_only() -> Model {
        model(PRIVATE_ONLY)
    }

    fn kitchen() -> Model {
        model(KITCHEN)
    }

    /// Apply `e`, check that its inverse restores the scenario exactly and that the inverse of
    /// the inverse redoes it; return the edited model and the inverse.
    fn round_trip(m: &Model, e: &Edit) -> (Model, Edit) {
        let (after, inverse) = e
            .apply(m)
            .unwrap_or_else(|err| panic!("{}: {err}", e.describe()));
        let (back, redo) = inverse
            .apply(&after)
            .unwrap_or_else(|err| panic!("inverse {}: {err}", inverse.describe()));
        assert_eq!(back.scenario(), m.scenario(), "undo of: {}", e.describe());
        let (again, _) = redo
            .apply(&back)
            .unwrap_or_else(|err| panic!("redo {}: {err}", redo.describe()));
        assert_eq!(
            again.scenario(),
            after.scenario(),
            "redo of: {}",
            e.describe()
        );
        (after, inverse)
    }

    fn refusal(m: &Model, e: &Edit) -> String {
        match e.apply(m) {
            Err(EditError::Refused(d)) => {
                assert!(!d.is_empty() && d.iter().all(Diagnostic::is_error));
                d.iter()
                    .map(|d| d.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            other => panic!("{} should be refused, got {other:?}", e.describe()),
        }
    }

    fn not_found(m: &Model, e: &Edit) -> String {
        match e.apply(m) {
            Err(EditError::NotFound(msg)) => msg,
            other => panic!("{} should be not found, got {other:?}", e.describe()),
        }
    }

    fn table<'a>(m: &'a Model, id: &str) -> &'a crate::model::RouteTable {
        m.scenario()
            .route_tables
            .iter()
            .find(|t| t.id == id)
            .unwrap()
    }

    fn cidr(s: &str) -> Destination {
        Destination::Cidr(s.parse().unwrap())
    }

    fn route(d: &str, target: Target) -> Route {
        Route {
            destination: cidr(d),
            target,
        }
    }

    fn nat(id: &str) -> Target {
        Target::NatGateway(id.into())
    }

    // --- route tables and associations -------------------------------------------------------

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
            inverse.describe(),
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

    // --- gateway endpoints -------------------------------------------------------------------

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
        assert_eq!(e.describe(), "detach vpce-s3 from rtb-private-b");
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
                id: "vpce-s3-main".into(),
                service: "s3".into(),
                route_tables: vec!["rtb-main".into()],
            },
            position: Some(1),
        };
        let (after, _) = round_trip(&m, &add);
        assert_eq!(after.scenario().gateway_endpoints[1].id, "vpce-s3-main");
        assert_eq!(
            add.describe(),
            "add gateway endpoint vpce-s3-main for s3 on rtb-main"
        );
    }

    // --- interface endpoints -----------------------------------------------------------------

    #[test]
    fn endpoint_subnets() {
        let m = kitchen();
        let e = Edit::AddEndpointSubnet {
            endpoint: "vpce-ssm".into(),
            subnet: EndpointSubnet {
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
                    id: "vpce-sqs".into(),
                    service: "sqs".into(),
                    subnets: vec![
                        EndpointSubnet {
                            subnet: "subnet-private-b".into(),
                            ip: None,
                        },
                        EndpointSubnet {
                            subnet: "subnet-public-b".into(),
                            ip: None,
                        },
                    ],
                    private_dns: true,
                    private_dns_only_for_inbound_resolver_endpoint: false,
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
                id: "vpce-kms".into(),
                service: "kms".into(),
                subnets: vec![EndpointSubnet {
                    subnet: "subnet-private-c".into(),
                    ip: None,
                }],
                private_dns: true,
                private_dns_only_for_inbound_resolver_endpoint: false,
            },
            position: None,
        };
        let (after, _) = round_trip(&m, &add);
        assert_eq!(after.scenario().interface_endpoints[5].id, "vpce-kms");
        assert_eq!(
            add.describe(),
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

    // --- NAT gateways ------------------------------------------------------------------------

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
            inverse.describe(),
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
        assert_eq!(e.describe(), "add NAT gateway nat-b in subnet-public-b");
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

    // --- attributes --------------------------------------------------------------------------

    #[test]
    fn attribute_switches() {
        let m = kitchen();
        let (after, inverse) = round_trip(
            &m,
            &Edit::SetInstancePublicIp {
                instance: "app".into(),
                public_ip: true,
            },
        );
        assert!(after.scenario().instances[1].public_ip);
        assert_eq!(
            inverse,
            Edit::SetInstancePublicIp {
                instance: "app".into(),
                public_ip: false
            }
        );
        let (after, _) = round_trip(&m, &Edit::SetDnsSupport { enabled: false });
        assert!(!after.scenario().vpc.enable_dns_support);
        let (after, _) = round_trip(&m, &Edit::SetDnsHostnames { enabled: false });
        assert!(!after.scenario().vpc.enable_dns_hostnames);
        let (after, _) = round_trip(
            &m,
            &Edit::SetGwlbAppliancesUp {
                endpoint: "vpce-gwlb-a".into(),
                up: false,
            },
        );
        assert!(!after.scenario().gwlb_endpoints[0].appliances_up);
        assert_eq!(
            not_found(
                &m,
                &Edit::SetGwlbAppliancesUp {
                    endpoint: "vpce-gwlb-z".into(),
                    up: true
                }
            ),
            "no Gateway Load Balancer endpoint vpce-gwlb-z; Gateway Load Balancer endpoints: \
             vpce-gwlb-a"
        );
        assert_eq!(
            not_found(
                &m,
                &Edit::SetInstancePublicIp {
                    instance: "i-z".into(),
                    public_ip: true
                }
            ),
            "no instance i-z; instances: i-web, i-app"
        );
    }

    // --- what-if -----------------------------------------------------------------------------

    #[test]
    fn fail_and_restore_az() {
        let m = private_only();
        let e = Edit::FailAz {
            az: "us-east-1a".into(),
        };
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(after.scenario().what_if.failed_azs, ["us-east-1a"]);
        assert_eq!(
            after.failed_azs(&after.scenario().what_if),
            [true, false, false]
        );
        assert_eq!(
            inverse,
            Edit::RestoreAz {
                az: "us-east-1a".into()
            }
        );
        // Failing it again, by its AZ ID, is refused.
        let msg = refusal(
            &after,
            &Edit::FailAz {
                az: "use1-az1".into(),
            },
        );
        assert_eq!(
            msg,
            "AZ us-east-1a (use1-az1) has already failed (listed as us-east-1a)"
        );
        // Restoring by AZ ID removes the entry stored by name; the inverse stores the name.
        let (restored, inverse) = round_trip(
            &after,
            &Edit::RestoreAz {
                az: "use1-az1".into(),
            },
        );
        assert!(restored.scenario().what_if.failed_azs.is_empty());
        assert_eq!(
            inverse,
            Edit::FailAz {
                az: "us-east-1a".into(),
            }
        );
        let msg = refusal(
            &m,
            &Edit::RestoreAz {
                az: "us-east-1b".into(),
            },
        );
        assert_eq!(msg, "AZ us-east-1b (use1-az2) has not failed");
        let msg = not_found(
            &m,
            &Edit::FailAz {
                az: "us-east-1z".into(),
            },
        );
        assert_eq!(
            msg,
            "no AZ us-east-1z; AZs: us-east-1a (use1-az1), us-east-1b (use1-az2), \
             us-east-1c (use1-az4)"
        );
        assert!(not_found(&m, &Edit::RestoreAz { az: "x".into() }).starts_with("no AZ x;"));
    }

    #[test]
    fn restore_az_stored_as_id_and_several_entries() {
        let k = kitchen();
        let (after, inverse) = round_trip(
            &k,
            &Edit::RestoreAz {
                az: "us-east-1b".into(),
            },
        );
        assert!(after.scenario().what_if.failed_azs.is_empty());
        assert_eq!(
            inverse,
            Edit::FailAz {
                az: "use1-az2".into(),
            }
        );
        // Restoring an entry that is not the last: the inverse puts the list back in order.
        let two = Edit::FailAz {
            az: "us-east-1a".into(),
        };
        let (m1, _) = round_trip(&k, &two);
        assert_eq!(m1.scenario().what_if.failed_azs, ["use1-az2", "us-east-1a"]);
        let (after, inverse) = round_trip(
            &m1,
            &Edit::RestoreAz {
                az: "use1-az2".into(),
            },
        );
        assert_eq!(after.scenario().what_if.failed_azs, ["us-east-1a"]);
        assert_eq!(
            inverse,
            Edit::SetFailedAzs {
                failed_azs: vec!["use1-az2".into(), "us-east-1a".into()]
            }
        );
        // A list naming one AZ twice (a scenario can be written so): restoring removes both and
        // the inverse puts the whole list back.
        let twice = Edit::SetFailedAzs {
            failed_azs: vec!["us-east-1a".into(), "use1-az2".into(), "use1-az1".into()],
        };
        let (m2, _) = round_trip(&k, &twice);
        let (after, inverse) = round_trip(
            &m2,
            &Edit::RestoreAz {
                az: "us-east-1a".into(),
            },
        );
        assert_eq!(after.scenario().what_if.failed_azs, ["use1-az2"]);
        assert!(matches!(inverse, Edit::SetFailedAzs { .. }));
        assert_eq!(
            Edit::SetFailedAzs { failed_azs: vec![] }.describe(),
            "restore every AZ"
        );
    }

    // --- batches -----------------------------------------------------------------------------

    #[test]
    fn batch_applies_in_order_and_undoes_in_reverse() {
        let m = private_only();
        let e = Edit::Batch(vec![
            Edit::DetachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private-a".into(),
            },
            Edit::AttachGatewayEndpoint {
                endpoint: "vpce-s3".into(),
                route_table: "rtb-private-a".into(),
                position: None,
            },
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
        ]);
        let (after, inverse) = round_trip(&m, &e);
        assert_eq!(
            after.scenario().gateway_endpoints[0].route_tables,
            ["rtb-private-b", "rtb-private-c", "rtb-private-a"]
        );
        let Edit::Batch(steps) = &inverse else {
            panic!("expected a batch")
        };
        assert!(matches!(steps[0], Edit::RestoreAz { .. }));
        assert!(matches!(steps[2], Edit::AttachGatewayEndpoint { .. }));
        assert_eq!(
            Edit::Batch(vec![]).apply(&m).unwrap().0.scenario(),
            m.scenario()
        );
    }

    #[test]
    fn batch_is_all_or_nothing() {
        let m = private_only();
        let e = Edit::Batch(vec![
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
            Edit::DeleteGatewayEndpoint {
                id: "vpce-nope".into(),
            },
        ]);
        let err = e.apply(&m).unwrap_err();
        assert!(err.to_string().contains("vpce-nope"));
        // The model handed in is untouched by construction; a later edit sees the AZ healthy.
        assert!(m.scenario().what_if.failed_azs.is_empty());
        // Steps see the effect of earlier ones: fail then fail again is refused.
        let twice = Edit::Batch(vec![
            Edit::FailAz {
                az: "us-east-1c".into(),
            },
            Edit::FailAz {
                az: "use1-az4".into(),
            },
        ]);
        assert!(refusal(&m, &twice).contains("already failed"));
    }

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

    #[test]
    fn edits_serialise_and_read_back() {
        let e = Edit::Batch(vec![
            Edit::AssociateSubnet {
                subnet: "subnet-a".into(),
                route_table: Some("rtb-a".into()),
                position: None,
            },
            Edit::ReplaceRoute {
                route_table: "rtb-a".into(),
                route: route("10.0.0.0/16", Target::Local),
                position: Some(2),
            },
        ]);
        let text = ron::to_string(&e).unwrap();
        assert_eq!(ron::from_str::<Edit>(&text).unwrap(), e);
        // Positions may be left out.
        let short: Edit =
            ron::from_str(r#"AssociateSubnet(subnet: "subnet-a", route_table: Some("rtb-a"))"#)
                .expect("position is optional");
        assert_eq!(
            short,
            Edit::AssociateSubnet {
                subnet: "subnet-a".into(),
                route_table: Some("rtb-a".into()),
                position: None,
            }
        );
    }
}
