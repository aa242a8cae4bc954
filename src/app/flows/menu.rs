//! The edit menu, grouped by AWS object, and the first step of each flow it starts.

use super::submit::list;
use super::{Input, Picker, Purpose, item};
use crate::app::{App, Overlay, StatusKind};
use crate::i18n::{t, tf};
use crate::model::{Edit, NatConnectivity};

impl App {
    pub(in crate::app) fn start_flow(&mut self, key: &str) {
        let lang = self.lang;
        // Every step of the flow is titled with the action chosen in the menu.
        self.flow_action = edit_menu(self)
            .items
            .into_iter()
            .find(|i| i.value == key)
            .map(|i| i.label);
        let on_off = |on: bool| t(lang, if on { "ui-on" } else { "ui-off" });
        let s = self.model.scenario().clone();
        let source_subnet = self.source_subnet_id();
        match key {
            "associate" => {
                let p = self.subnet_picker(
                    t(self.lang, "ui-subnet-whose-route-table-to-change").into(),
                    Purpose::AssociateSubnet,
                );
                self.pick(p.preselect(&source_subnet));
            }
            "main" => {
                let p = self.table_picker(
                    t(self.lang, "ui-make-this-main-route-table").into(),
                    Purpose::SetMain,
                    false,
                );
                self.pick(p);
            }
            "add-route" | "replace-route" | "delete-route" => {
                let purpose = match key {
                    "add-route" => Purpose::AddRouteTable,
                    "replace-route" => Purpose::ReplaceRouteTable,
                    _ => Purpose::DeleteRouteTable,
                };
                let current = self
                    .model
                    .subnet_index(&source_subnet)
                    .map(|i| self.model.subnet_route_table(i).0)
                    .and_then(|t| s.route_tables.get(t))
                    .map(|t| t.id.clone())
                    .unwrap_or_default();
                let p = self.table_picker(t(self.lang, "ui-route-table").into(), purpose, false);
                self.pick(p.preselect(&current));
            }
            "gwe-add" => {
                let items = self
                    .model
                    .services()
                    .iter()
                    .filter(|x| x.gateway_endpoint)
                    .map(|x| item(&x.name, &x.dns_name, &x.name))
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-service-for-gateway-endpoint"),
                    items,
                    Purpose::GatewayEndpointService,
                ));
            }
            "gwe-delete" | "gwe-attach" => {
                let items = s
                    .gateway_endpoints
                    .iter()
                    .map(|g| {
                        item(
                            &g.id,
                            tf(
                                lang,
                                "ui-tables-2",
                                &[&g.service, &list(lang, &g.route_tables)],
                            ),
                            &g.id,
                        )
                    })
                    .collect();
                let purpose = if key == "gwe-delete" {
                    Purpose::GatewayEndpointDelete
                } else {
                    Purpose::GatewayEndpointAttachEndpoint
                };
                self.pick(Picker::new(
                    t(self.lang, "ui-gateway-endpoint"),
                    items,
                    purpose,
                ));
            }
            "ife-add" => {
                let items = self
                    .model
                    .services()
                    .iter()
                    .filter(|x| x.interface_endpoint)
                    .map(|x| item(&x.name, &x.dns_name, &x.name))
                    .collect();
                let target = self.selected_target().map(|t| t.query.clone());
                let p = Picker::new(
                    t(self.lang, "ui-service-for-interface-endpoint"),
                    items,
                    Purpose::InterfaceEndpointService,
                );
                self.pick(p.preselect(&target.unwrap_or_default()));
            }
            "ife-delete" | "ife-subnet" | "ife-dns" => {
                let items = s
                    .interface_endpoints
                    .iter()
                    .map(|e| {
                        let subnets: Vec<String> =
                            e.subnets.iter().map(|x| x.subnet.clone()).collect();
                        item(
                            &e.id,
                            tf(
                                lang,
                                "ui-private-dns",
                                &[&e.service, on_off(e.private_dns), &list(lang, &subnets)],
                            ),
                            &e.id,
                        )
                    })
                    .collect();
                let purpose = match key {
                    "ife-delete" => Purpose::InterfaceEndpointDelete,
                    "ife-subnet" => Purpose::EndpointSubnetEndpoint,
                    _ => Purpose::PrivateDns,
                };
                self.pick(Picker::new(
                    t(self.lang, "ui-interface-endpoint"),
                    items,
                    purpose,
                ));
            }
            "endpoint-policy" => {
                let policy = |p: bool| {
                    t(
                        lang,
                        if p {
                            "ui-policy-own"
                        } else {
                            "ui-policy-default"
                        },
                    )
                };
                let items = s
                    .gateway_endpoints
                    .iter()
                    .map(|g| (&g.id, &g.service, g.policy.is_some()))
                    .chain(
                        s.interface_endpoints
                            .iter()
                            .map(|e| (&e.id, &e.service, e.policy.is_some())),
                    )
                    .map(|(id, service, own)| {
                        item(
                            id,
                            tf(lang, "ui-endpoint-policy-now", &[service, policy(own)]),
                            id,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-vpc-endpoint"),
                    items,
                    Purpose::EndpointPolicyEndpoint,
                ));
            }
            "nat-add" => {
                let p = self.subnet_picker(
                    t(self.lang, "ui-subnet-for-nat-gateway").into(),
                    Purpose::NatSubnet,
                );
                self.pick(p);
            }
            "nat-delete" => {
                let items = s
                    .nat_gateways
                    .iter()
                    .map(|n| {
                        item(
                            &n.id,
                            format!(
                                "{} · {}",
                                n.subnet.as_deref().unwrap_or(t(lang, "ui-regional")),
                                t(
                                    lang,
                                    match n.connectivity {
                                        NatConnectivity::Public => "ui-public",
                                        NatConnectivity::Private => "ui-private",
                                    }
                                )
                            ),
                            &n.id,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-nat-gateway-to-delete"),
                    items,
                    Purpose::NatDelete,
                ));
            }
            "public-ip" => {
                let items = s
                    .instances
                    .iter()
                    .map(|i| {
                        item(
                            i.name.as_deref().unwrap_or(&i.id),
                            format!(
                                "{} · {}",
                                i.id,
                                if i.public_ip {
                                    t(self.lang, "ui-has-public-ipv4-address-choose-to")
                                } else {
                                    t(self.lang, "ui-private-only-choose-to-give-it")
                                }
                            ),
                            &i.id,
                        )
                    })
                    .collect();
                let current = match self.selected_source().map(|x| &x.kind) {
                    Some(crate::app::SourceKind::Instance(i)) => {
                        s.instances.get(*i).map(|x| x.id.clone())
                    }
                    _ => None,
                };
                let p = Picker::new(t(self.lang, "ui-instance"), items, Purpose::PublicIp);
                self.pick(p.preselect(&current.unwrap_or_default()));
            }
            "bpa" => self.start_bpa(),
            "dns" => self.start_dns(),
            "lat-delete" | "lat-subnet" => self.start_lattice(key),
            "security" => self.start_security(),
            "dns-support" => self.confirm(
                Edit::SetDnsSupport {
                    enabled: !s.vpc.enable_dns_support,
                },
                tf(
                    lang,
                    "ui-now-setting",
                    &["enableDnsSupport", on_off(s.vpc.enable_dns_support)],
                ),
            ),
            "dns-hostnames" => self.confirm(
                Edit::SetDnsHostnames {
                    enabled: !s.vpc.enable_dns_hostnames,
                },
                tf(
                    lang,
                    "ui-now-setting",
                    &["enableDnsHostnames", on_off(s.vpc.enable_dns_hostnames)],
                ),
            ),
            "ife-inbound" => {
                let items = s
                    .interface_endpoints
                    .iter()
                    .map(|e| {
                        item(
                            &e.id,
                            tf(
                                lang,
                                "ui-inbound-resolver-only",
                                &[
                                    &e.service,
                                    on_off(e.private_dns_only_for_inbound_resolver_endpoint),
                                ],
                            ),
                            &e.id,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-interface-endpoint"),
                    items,
                    Purpose::InboundResolverOnly,
                ));
            }
            "gwlb-health" | "gwlb-cross-zone" => {
                let items = s
                    .gateway_load_balancers
                    .iter()
                    .map(|l| {
                        item(
                            &l.id,
                            tf(
                                lang,
                                "ui-cross-zone",
                                &[on_off(l.cross_zone_load_balancing)],
                            ),
                            &l.id,
                        )
                    })
                    .collect();
                let purpose = if key == "gwlb-health" {
                    Purpose::ApplianceHealthBalancer
                } else {
                    Purpose::CrossZone
                };
                self.pick(Picker::new(
                    t(self.lang, "ui-gateway-load-balancer"),
                    items,
                    purpose,
                ));
            }
            "edge" => {
                let igw = s.internet_gateway.as_ref().map(|g| g.id.clone());
                let mut p = self.table_picker(
                    t(self.lang, "ui-edge-route-table-for-internet-gateway").into(),
                    Purpose::EdgeTable,
                    false,
                );
                for it in &mut p.items {
                    let t = s.route_tables.iter().find(|t| t.id == it.value);
                    if igw
                        .as_ref()
                        .is_some_and(|g| t.is_some_and(|t| t.gateways.contains(g)))
                    {
                        it.detail = tf(self.lang, "ui-edge-choose-to-disassociate", &[&it.detail]);
                    }
                }
                if igw.is_none() {
                    self.status = Some((
                        StatusKind::Error,
                        t(self.lang, "ui-vpc-has-no-internet-gateway").into(),
                    ));
                } else {
                    self.pick(p);
                }
            }
            "flow-gb" => {
                let items = self
                    .cost
                    .flows
                    .iter()
                    .map(|f| {
                        item(
                            format!("{} → {}", f.instance, f.service),
                            format!(
                                "{} GB · {}",
                                f.gb,
                                crate::explain::cost_way(self.lang, &f.way)
                            ),
                            format!("{}\n{}", f.instance, f.service),
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-flow-source-service"),
                    items,
                    Purpose::FlowPick,
                ));
            }
            "hours" => {
                let lang = self.lang;
                self.overlay = Some(Overlay::Input(Input {
                    prompt: t(lang, "ui-hours-per-month-every-resource-is").into(),
                    hint: t(lang, "ui-whole-hours-e-g-730-aws").into(),
                    text: self.cost_inputs.hours_per_month.to_string(),
                    purpose: Purpose::Hours,
                }));
            }
            "default-gb" => {
                let lang = self.lang;
                self.overlay = Some(Overlay::Input(Input {
                    prompt: t(lang, "ui-gb-per-month-for-every-flow").into(),
                    hint: t(lang, "ui-number-of-gb-e-g-250").into(),
                    text: self.cost_inputs.default_gb_per_flow.to_string(),
                    purpose: Purpose::DefaultGb,
                }));
            }
            "gwlb" => {
                let items = s
                    .gwlb_endpoints
                    .iter()
                    .map(|g| {
                        item(
                            &g.id,
                            tf(
                                lang,
                                "ui-appliances",
                                &[
                                    &g.subnet,
                                    t(lang, if g.appliances_up { "ui-up" } else { "ui-down" }),
                                ],
                            ),
                            &g.id,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-gwlb-endpoint"),
                    items,
                    Purpose::GwlbAppliances,
                ));
            }
            "az" => {
                let failed = self.failed_azs();
                let items = s
                    .availability_zones
                    .iter()
                    .enumerate()
                    .map(|(i, _)| {
                        item(
                            format!("{} {}", i + 1, self.model.az_label(i)),
                            if failed.get(i).copied().unwrap_or(false) {
                                t(self.lang, "ui-failed-choose-to-restore")
                            } else {
                                t(self.lang, "ui-up-choose-to-fail")
                            },
                            i.to_string(),
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "ui-availability-zone"),
                    items,
                    Purpose::FailAz,
                ));
            }
            _ => {}
        }
    }
}

pub(in crate::app) fn edit_menu(app: &App) -> Picker {
    let s = app.model.scenario();
    let on = |b: bool| {
        if b {
            t(app.lang, "ui-now-on")
        } else {
            t(app.lang, "ui-now-off")
        }
    };
    let mut items = vec![
        item(
            t(app.lang, "ui-change-subnets-route-table"),
            t(app.lang, "ui-explicit-association-or-back-to-main"),
            "associate",
        ),
        item(t(app.lang, "ui-make-another-table-main-table"), "", "main"),
        item(
            t(app.lang, "ui-add-route"),
            t(app.lang, "ui-table-destination-target"),
            "add-route",
        ),
        item(
            t(app.lang, "ui-replace-routes-target"),
            t(app.lang, "ui-local-routes-too"),
            "replace-route",
        ),
        item(t(app.lang, "ui-delete-route"), "", "delete-route"),
        item(
            t(app.lang, "ui-create-gateway-endpoint"),
            t(app.lang, "ui-s3-or-dynamodb-on-route-table"),
            "gwe-add",
        ),
        item(t(app.lang, "ui-delete-gateway-endpoint"), "", "gwe-delete"),
        item(
            t(app.lang, "ui-attach-or-detach-gateway-endpoints-route"),
            t(app.lang, "ui-adds-or-removes-its-pl-route"),
            "gwe-attach",
        ),
        item(
            t(app.lang, "ui-create-interface-endpoint"),
            t(app.lang, "ui-any-service-one-subnet-first"),
            "ife-add",
        ),
        item(
            t(app.lang, "ui-delete-interface-endpoint"),
            "",
            "ife-delete",
        ),
        item(
            t(app.lang, "ui-add-or-remove-interface-endpoints-subnet"),
            t(app.lang, "ui-one-subnet-per-az"),
            "ife-subnet",
        ),
        item(
            t(app.lang, "ui-turn-interface-endpoints-private-dns-on"),
            "",
            "ife-dns",
        ),
        item(
            t(app.lang, "ui-set-endpoint-policy"),
            t(app.lang, "ui-full-access-or-aws-default"),
            "endpoint-policy",
        ),
        item(t(app.lang, "ui-bpa-menu"), super::bpa::bpa_now(app), "bpa"),
        item(
            t(app.lang, "ui-add-nat-gateway"),
            t(app.lang, "ui-public-or-private"),
            "nat-add",
        ),
        item(
            t(app.lang, "ui-delete-nat-gateway"),
            t(app.lang, "ui-its-routes-become-blackholes"),
            "nat-delete",
        ),
        item(
            t(app.lang, "ui-give-or-take-instances-public-ipv4"),
            "",
            "public-ip",
        ),
        item(
            t(app.lang, "ui-toggle-enablednssupport"),
            on(s.vpc.enable_dns_support),
            "dns-support",
        ),
        item(
            t(app.lang, "ui-toggle-enablednshostnames"),
            on(s.vpc.enable_dns_hostnames),
            "dns-hostnames",
        ),
        item(
            t(app.lang, "ui-mark-gwlb-endpoints-appliances-up-or"),
            "",
            "gwlb",
        ),
        item(
            t(app.lang, "ui-private-dns-only-for-inbound-resolver"),
            t(app.lang, "ui-s3-interface-endpoints"),
            "ife-inbound",
        ),
        item(
            t(app.lang, "ui-mark-gateway-load-balancers-appliances-in"),
            "",
            "gwlb-health",
        ),
        item(
            t(app.lang, "ui-turn-gateway-load-balancers-cross-zone"),
            "",
            "gwlb-cross-zone",
        ),
        item(
            t(
                app.lang,
                "ui-associate-or-disassociate-internet-gateway-with",
            ),
            t(app.lang, "ui-edge-association-ingress-routing"),
            "edge",
        ),
        item(
            t(app.lang, "ui-fail-or-restore-az"),
            t(app.lang, "ui-also-number-keys"),
            "az",
        ),
        item(
            t(app.lang, "ui-set-traffic-of-one-flow-gb"),
            t(app.lang, "ui-for-cost-estimate"),
            "flow-gb",
        ),
        item(
            t(app.lang, "ui-set-default-traffic-per-flow-gb"),
            t(app.lang, "ui-for-cost-estimate"),
            "default-gb",
        ),
        item(
            t(app.lang, "ui-set-hours-per-month"),
            t(app.lang, "ui-for-cost-estimate-730-by-default"),
            "hours",
        ),
    ];
    // After the interface endpoints' items, only when the scenario has VPC Lattice endpoints.
    let at = items
        .iter()
        .position(|i| i.value == "ife-dns")
        .map_or(0, |i| i + 1);
    items.splice(at..at, super::lattice::menu_items(app));
    // After Block Public Access, only when the scenario has DNS settings.
    if let Some(dns) = super::dns::menu_item(app) {
        let at = items
            .iter()
            .position(|i| i.value == "bpa")
            .map_or(0, |i| i + 1);
        items.insert(at, dns);
    }
    // After the endpoint policy, only when the scenario has security groups, network ACLs or
    // appliance interfaces.
    if let Some(security) = super::security::menu_item(app) {
        let at = items
            .iter()
            .position(|i| i.value == "endpoint-policy")
            .map_or(0, |i| i + 1);
        items.insert(at, security);
    }
    Picker::new(t(app.lang, "ui-edit-model"), items, Purpose::EditMenu)
}
