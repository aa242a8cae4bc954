//! What a picked item does: the next step of its flow, or the edit it completes.

use super::submit::{parse_destination, target_from_value};
use super::{Input, Picker, Purpose, item};
use crate::app::{App, Msg, Overlay, StatusKind};
use crate::i18n::{t, tf};
use crate::model::{
    Edit, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, NatConnectivity, NatGateway,
};

impl App {
    pub(super) fn choose(&mut self, p: Picker) {
        let Some(chosen) = p.chosen().cloned() else {
            // An empty filtered list: keep the picker open.
            self.overlay = Some(Overlay::Picker(p));
            return;
        };
        let v = chosen.value;
        let adding = matches!(p.purpose, Purpose::AddRouteTarget { .. });
        match p.purpose {
            purpose @ (Purpose::SaveConflict { .. }
            | Purpose::SaveOverwrite { .. }
            | Purpose::SaveDropsComments { .. }) => self.choose_save(purpose, &v),
            Purpose::Recover => self.choose_recovery(&v),
            purpose @ (Purpose::BpaChoice | Purpose::BpaExclusionMode { .. }) => {
                self.choose_bpa(purpose, &v)
            }
            Purpose::DnsChoice => self.choose_dns(&v),
            Purpose::Security(step) => self.choose_security(step, &v),
            Purpose::Source => {
                if let Ok(i) = v.parse() {
                    self.update_main(Msg::SelectSource(i));
                }
            }
            Purpose::Target if v == "typed" => self.ask(
                t(self.lang, "ui-to"),
                t(self.lang, "ui-ipv4-address-or-cidr-service-region"),
                Purpose::TypedTarget,
            ),
            Purpose::Target if v == "probe" => {
                self.overlay = Some(Overlay::Input(Input {
                    prompt: t(self.lang, "ui-probe-prompt").into(),
                    hint: t(self.lang, "ui-probe-hint").into(),
                    text: super::probe_text(self.probe),
                    purpose: Purpose::Probe,
                }));
            }
            Purpose::Target if v == "request" => {
                self.overlay = Some(Overlay::Input(Input {
                    prompt: t(self.lang, "ui-request-prompt").into(),
                    hint: t(self.lang, "ui-request-hint").into(),
                    text: super::request_text(&self.request),
                    purpose: Purpose::Request,
                }));
            }
            Purpose::Target => {
                if let Ok(i) = v.parse() {
                    self.update_main(Msg::SelectTarget(i));
                }
            }
            Purpose::EditMenu => self.start_flow(&v),
            Purpose::Confirm => {
                if let Some(edit) = self.pending_edit.take().filter(|_| v == "apply") {
                    self.apply(edit);
                }
            }
            Purpose::AssociateSubnet => {
                let p = self.table_picker(
                    tf(self.lang, "ui-route-table-for", &[&v]),
                    Purpose::AssociateTable { subnet: v.clone() },
                    true,
                );
                let current = self
                    .model
                    .subnet_index(&v)
                    .map(|i| self.model.subnet_route_table(i))
                    .and_then(|(t, assoc)| {
                        (assoc == crate::model::Association::Explicit)
                            .then(|| self.model.scenario().route_tables.get(t))
                            .flatten()
                    })
                    .map(|t| t.id.clone())
                    .unwrap_or_default();
                self.pick(p.preselect(&current));
            }
            Purpose::AssociateTable { subnet } => self.apply(Edit::AssociateSubnet {
                subnet,
                route_table: (!v.is_empty()).then_some(v),
                position: None,
            }),
            Purpose::SetMain => self.apply(Edit::SetMainRouteTable { route_table: v }),
            Purpose::AddRouteTable => self.ask(
                &tf(self.lang, "ui-destination-for-new-route-in", &[&v]),
                t(self.lang, "ui-cidr-0-0-0-0-0"),
                Purpose::AddRouteDestination { table: v },
            ),
            Purpose::AddRouteTarget { table, destination }
            | Purpose::ReplaceRouteTarget { table, destination }
                if v == "typed" =>
            {
                let purpose = if adding {
                    Purpose::AddRouteTypedTarget { table, destination }
                } else {
                    Purpose::ReplaceRouteTypedTarget { table, destination }
                };
                self.ask(
                    t(self.lang, "ui-target-that-leaves-vpc"),
                    t(self.lang, "ui-pcx-peering-tgw-transit-gateway-or"),
                    purpose,
                );
            }
            Purpose::AddRouteTarget { table, destination } => {
                self.route_edit(table, &destination, target_from_value(self.lang, &v), false)
            }
            Purpose::ReplaceRouteTable => {
                let routes = self.route_items(&v, true);
                self.pick(Picker::new(
                    tf(self.lang, "ui-route-in-to-replace", &[&v]),
                    routes,
                    Purpose::ReplaceRouteRoute { table: v },
                ));
            }
            Purpose::ReplaceRouteRoute { table } => {
                let targets = self.target_items(&v);
                self.pick(Picker::new(
                    tf(self.lang, "ui-new-target-for-in", &[&v, &table]),
                    targets,
                    Purpose::ReplaceRouteTarget {
                        table,
                        destination: v,
                    },
                ));
            }
            Purpose::ReplaceRouteTarget { table, destination } => {
                self.route_edit(table, &destination, target_from_value(self.lang, &v), true)
            }
            Purpose::DeleteRouteTable => {
                let routes = self.route_items(&v, false);
                self.pick(Picker::new(
                    tf(self.lang, "ui-route-in-to-delete", &[&v]),
                    routes,
                    Purpose::DeleteRouteRoute { table: v },
                ));
            }
            Purpose::DeleteRouteRoute { table } if v.parse::<ipnet::Ipv6Net>().is_ok() => {
                if let Ok(destination) = v.parse::<ipnet::Ipv6Net>() {
                    self.apply(Edit::DeleteIpv6Route {
                        route_table: table,
                        destination,
                    });
                }
            }
            Purpose::DeleteRouteRoute { table } => match parse_destination(self.lang, &v) {
                Ok(destination) => self.apply(Edit::DeleteRoute {
                    route_table: table,
                    destination,
                }),
                Err(e) => self.status = Some((StatusKind::Error, e)),
            },
            Purpose::GatewayEndpointService => {
                let mut p = self.table_picker(
                    tf(
                        self.lang,
                        "ui-first-route-table-for-gateway-endpoint",
                        &[&v],
                    ),
                    Purpose::GatewayEndpointTable { service: v },
                    false,
                );
                p.items.push(item(
                    t(self.lang, "ui-none-yet"),
                    t(self.lang, "ui-attach-tables-later"),
                    "",
                ));
                self.pick(p);
            }
            Purpose::GatewayEndpointTable { service } => {
                let id = self.fresh_id(&format!("vpce-{service}"));
                self.apply(Edit::AddGatewayEndpoint {
                    endpoint: GatewayEndpoint {
                        policy: None,
                        id,
                        service,
                        route_tables: if v.is_empty() { vec![] } else { vec![v] },
                    },
                    position: None,
                });
            }
            Purpose::GatewayEndpointDelete => self.apply(Edit::DeleteGatewayEndpoint { id: v }),
            Purpose::GatewayEndpointAttachEndpoint => {
                let attached: Vec<String> = self
                    .model
                    .scenario()
                    .gateway_endpoints
                    .iter()
                    .find(|g| g.id == v)
                    .map(|g| g.route_tables.clone())
                    .unwrap_or_default();
                let mut p = self.table_picker(
                    tf(self.lang, "ui-attach-to-or-detach-it-from", &[&v]),
                    Purpose::GatewayEndpointAttachTable { endpoint: v },
                    false,
                );
                for it in &mut p.items {
                    it.detail = if attached.contains(&it.value) {
                        t(self.lang, "ui-attached-choose-to-detach").into()
                    } else {
                        t(self.lang, "ui-choose-to-attach").into()
                    };
                }
                self.pick(p);
            }
            Purpose::GatewayEndpointAttachTable { endpoint } => {
                let attached = self
                    .model
                    .scenario()
                    .gateway_endpoints
                    .iter()
                    .any(|g| g.id == endpoint && g.route_tables.contains(&v));
                self.apply(if attached {
                    Edit::DetachGatewayEndpoint {
                        endpoint,
                        route_table: v,
                    }
                } else {
                    Edit::AttachGatewayEndpoint {
                        endpoint,
                        route_table: v,
                        position: None,
                    }
                });
            }
            Purpose::InterfaceEndpointService => {
                let p = self.subnet_picker(
                    tf(self.lang, "ui-first-subnet-for-interface-endpoint", &[&v]),
                    Purpose::InterfaceEndpointSubnet { service: v },
                );
                self.pick(p);
            }
            Purpose::InterfaceEndpointSubnet { service } => {
                let id = self.fresh_id(&format!("vpce-{service}"));
                let private_dns = self
                    .model
                    .service(&service)
                    .is_some_and(|s| s.private_dns_supported);
                self.apply(Edit::AddInterfaceEndpoint {
                    endpoint: InterfaceEndpoint {
                        policy: None,
                        lattice: None,
                        id,
                        service,
                        subnets: vec![EndpointSubnet {
                            subnet: v,
                            ip: None,
                            ipv6: None,
                        }],
                        private_dns,
                        private_dns_only_for_inbound_resolver_endpoint: false,
                        ip_address_type: Default::default(),
                        dns_record_ip_type: None,
                        region: None,
                        security_groups: Vec::new(),
                    },
                    position: None,
                });
            }
            Purpose::InterfaceEndpointDelete => self.apply(Edit::DeleteInterfaceEndpoint { id: v }),
            Purpose::EndpointSubnetEndpoint => {
                let has: Vec<String> = self
                    .model
                    .scenario()
                    .interface_endpoints
                    .iter()
                    .find(|e| e.id == v)
                    .map(|e| e.subnets.iter().map(|s| s.subnet.clone()).collect())
                    .unwrap_or_default();
                let mut p = self.subnet_picker(
                    tf(self.lang, "ui-subnet-to-add-to-or-to", &[&v]),
                    Purpose::EndpointSubnetSubnet { endpoint: v },
                );
                for it in &mut p.items {
                    if has.contains(&it.value) {
                        it.detail = tf(self.lang, "ui-has-eni-choose-to-remove", &[&it.detail]);
                    }
                }
                self.pick(p);
            }
            Purpose::EndpointSubnetSubnet { endpoint } => {
                let has = self
                    .model
                    .scenario()
                    .interface_endpoints
                    .iter()
                    .any(|e| e.id == endpoint && e.subnets.iter().any(|s| s.subnet == v));
                self.apply(if has {
                    Edit::RemoveEndpointSubnet {
                        endpoint,
                        subnet: v,
                    }
                } else {
                    Edit::AddEndpointSubnet {
                        endpoint,
                        subnet: EndpointSubnet {
                            subnet: v,
                            ip: None,
                            ipv6: None,
                        },
                        position: None,
                    }
                });
            }
            Purpose::PrivateDns => {
                let on = self
                    .model
                    .scenario()
                    .interface_endpoints
                    .iter()
                    .any(|e| e.id == v && e.private_dns);
                let now = self.now_setting("ui-setting-private-dns", on);
                self.confirm(
                    Edit::SetPrivateDns {
                        endpoint: v,
                        enabled: !on,
                    },
                    now,
                );
            }
            Purpose::EndpointPolicyEndpoint => {
                let lang = self.lang;
                self.pick(Picker::new(
                    tf(lang, "ui-endpoint-policy-of", &[&v]),
                    vec![
                        item(
                            t(lang, "ui-policy-full-access"),
                            t(lang, "ui-policy-full-access-hint"),
                            "full",
                        ),
                        item(
                            t(lang, "ui-policy-reset"),
                            t(lang, "ui-policy-reset-hint"),
                            "reset",
                        ),
                        item(
                            t(lang, "ui-policy-typed"),
                            t(lang, "ui-policy-typed-hint"),
                            "typed",
                        ),
                    ],
                    Purpose::EndpointPolicyChoice { endpoint: v },
                ))
            }
            Purpose::EndpointPolicyChoice { endpoint } if v == "typed" => self.ask(
                t(self.lang, "ui-policy-json-prompt"),
                t(self.lang, "ui-policy-json-hint"),
                Purpose::EndpointPolicyJson { endpoint },
            ),
            Purpose::EndpointPolicyChoice { endpoint } => self.apply(Edit::SetEndpointPolicy {
                endpoint,
                policy: (v == "full").then(crate::model::Policy::full_access),
            }),
            Purpose::NatSubnet => self.pick(Picker::new(
                tf(self.lang, "ui-connectivity-of-nat-gateway-in", &[&v]),
                vec![
                    item(
                        t(self.lang, "ui-public"),
                        t(self.lang, "ui-to-internet-through-internet-gateway"),
                        "public",
                    ),
                    item(
                        t(self.lang, "ui-private"),
                        t(self.lang, "ui-to-other-vpcs-or-on-premises"),
                        "private",
                    ),
                ],
                Purpose::NatConnectivity { subnet: v },
            )),
            Purpose::NatConnectivity { subnet } => {
                let id = self.fresh_id("nat");
                self.apply(Edit::AddNatGateway {
                    nat_gateway: NatGateway {
                        elastic_ip: None,
                        id,
                        name: None,
                        subnet: Some(subnet),
                        connectivity: if v == "private" {
                            NatConnectivity::Private
                        } else {
                            NatConnectivity::Public
                        },
                        availability_mode: Default::default(),
                    },
                    position: None,
                });
            }
            Purpose::NatDelete => self.apply(Edit::DeleteNatGateway { id: v }),
            Purpose::PublicIp => {
                let has = self
                    .model
                    .scenario()
                    .instances
                    .iter()
                    .any(|i| i.id == v && i.public_ip);
                let now = self.now_setting("ui-setting-public-ip", has);
                self.confirm(
                    Edit::SetInstancePublicIp {
                        instance: v,
                        public_ip: !has,
                    },
                    now,
                );
            }
            Purpose::GwlbAppliances => {
                let up = self
                    .model
                    .scenario()
                    .gwlb_endpoints
                    .iter()
                    .any(|g| g.id == v && g.appliances_up);
                self.apply(Edit::SetGwlbAppliancesUp {
                    endpoint: v,
                    up: !up,
                });
            }
            Purpose::Answer => self.answer(v == "reachable"),
            Purpose::FlowPick => {
                let (instance, service) = v.split_once('\n').unwrap_or((&v, ""));
                let lang = self.lang;
                self.overlay = Some(Overlay::Input(Input {
                    prompt: tf(lang, "ui-gb-per-month-for", &[instance, service]),
                    hint: t(lang, "ui-number-of-gb-e-g-250").into(),
                    text: crate::cost::CostInputs::gb(&self.cost_inputs, instance, service)
                        .to_string(),
                    purpose: Purpose::FlowGb {
                        instance: instance.to_string(),
                        service: service.to_string(),
                    },
                }));
            }
            Purpose::InboundResolverOnly => {
                let on = self
                    .model
                    .scenario()
                    .interface_endpoints
                    .iter()
                    .any(|e| e.id == v && e.private_dns_only_for_inbound_resolver_endpoint);
                let now = self.now_setting("ui-setting-inbound-resolver-only", on);
                self.confirm(
                    Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
                        endpoint: v,
                        enabled: !on,
                    },
                    now,
                );
            }
            Purpose::ApplianceHealthBalancer => {
                let lb = self
                    .model
                    .scenario()
                    .gateway_load_balancers
                    .iter()
                    .find(|l| l.id == v)
                    .cloned();
                let items = self
                    .model
                    .scenario()
                    .availability_zones
                    .iter()
                    .map(|az| {
                        let healthy = lb
                            .as_ref()
                            .and_then(|l| l.appliances.iter().find(|z| z.az == az.name))
                            .is_none_or(|z| z.healthy);
                        item(
                            &az.name,
                            if healthy {
                                t(self.lang, "ui-healthy-choose-to-mark-unhealthy")
                            } else {
                                t(self.lang, "ui-unhealthy-choose-to-mark-healthy")
                            },
                            &az.name,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    tf(self.lang, "ui-appliances-of-in-which-az", &[&v]),
                    items,
                    Purpose::ApplianceHealthAz { load_balancer: v },
                ));
            }
            Purpose::ApplianceHealthAz { load_balancer } => {
                let healthy = self
                    .model
                    .scenario()
                    .gateway_load_balancers
                    .iter()
                    .find(|l| l.id == load_balancer)
                    .and_then(|l| l.appliances.iter().find(|z| z.az == v))
                    .is_none_or(|z| z.healthy);
                self.apply(Edit::SetApplianceHealth {
                    load_balancer,
                    az: v,
                    healthy: !healthy,
                });
            }
            Purpose::CrossZone => {
                let on = self
                    .model
                    .scenario()
                    .gateway_load_balancers
                    .iter()
                    .any(|l| l.id == v && l.cross_zone_load_balancing);
                let now = self.now_setting("ui-setting-cross-zone", on);
                self.confirm(
                    Edit::SetCrossZoneLoadBalancing {
                        load_balancer: v,
                        enabled: !on,
                    },
                    now,
                );
            }
            Purpose::EdgeTable => {
                let Some(igw) = self
                    .model
                    .scenario()
                    .internet_gateway
                    .as_ref()
                    .map(|g| g.id.clone())
                else {
                    self.status = Some((
                        StatusKind::Error,
                        t(self.lang, "ui-vpc-has-no-internet-gateway").into(),
                    ));
                    return;
                };
                let associated = self
                    .model
                    .scenario()
                    .route_tables
                    .iter()
                    .any(|t| t.id == v && t.gateways.contains(&igw));
                self.apply(if associated {
                    Edit::DisassociateGateway {
                        route_table: v,
                        gateway: igw,
                    }
                } else {
                    Edit::AssociateGateway {
                        route_table: v,
                        gateway: igw,
                        position: None,
                    }
                });
            }
            Purpose::FailAz => {
                if let Ok(i) = v.parse() {
                    self.update_main(Msg::ToggleAz(i));
                }
            }
            // Inputs only.
            Purpose::TypedTarget
            | Purpose::Probe
            | Purpose::Request
            | Purpose::AddRouteDestination { .. }
            | Purpose::AddRouteTypedTarget { .. }
            | Purpose::ReplaceRouteTypedTarget { .. }
            | Purpose::FlowGb { .. }
            | Purpose::DefaultGb
            | Purpose::Hours
            | Purpose::EndpointPolicyJson { .. }
            | Purpose::SaveAs => {}
        }
    }

    /// "now: private DNS on" for a toggle's Confirm step.
    fn now_setting(&self, setting: &'static str, on: bool) -> String {
        let value = t(self.lang, if on { "ui-on" } else { "ui-off" });
        tf(self.lang, "ui-now-setting", &[t(self.lang, setting), value])
    }
}
