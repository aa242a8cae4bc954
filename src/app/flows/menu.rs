//! The edit menu, grouped by AWS object, and the first step of each flow it starts.

use super::submit::list;
use super::{Input, Picker, Purpose, item};
use crate::app::{App, Overlay, StatusKind};
use crate::i18n::{t, tf};
use crate::model::Edit;

impl App {
    pub(super) fn start_flow(&mut self, key: &str) {
        let s = self.model.scenario().clone();
        let source_subnet = self.source_subnet_id();
        match key {
            "associate" => {
                let p = self.subnet_picker(
                    "Subnet whose route table to change".into(),
                    Purpose::AssociateSubnet,
                );
                self.pick(p.preselect(&source_subnet));
            }
            "main" => {
                let p = self.table_picker(
                    "Make this the main route table".into(),
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
                let p = self.table_picker("Route table".into(), purpose, false);
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
                    "Service for the gateway endpoint",
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
                            format!("{} · tables: {}", g.service, list(&g.route_tables)),
                            &g.id,
                        )
                    })
                    .collect();
                let purpose = if key == "gwe-delete" {
                    Purpose::GatewayEndpointDelete
                } else {
                    Purpose::GatewayEndpointAttachEndpoint
                };
                self.pick(Picker::new("Gateway endpoint", items, purpose));
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
                    "Service for the interface endpoint",
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
                            format!(
                                "{} · private DNS {} · {}",
                                e.service,
                                if e.private_dns { "on" } else { "off" },
                                list(&subnets)
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
                self.pick(Picker::new("Interface endpoint", items, purpose));
            }
            "nat-add" => {
                let p = self.subnet_picker("Subnet for the NAT gateway".into(), Purpose::NatSubnet);
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
                                "{} · {:?}",
                                n.subnet.as_deref().unwrap_or("regional"),
                                n.connectivity
                            )
                            .to_lowercase(),
                            &n.id,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    "NAT gateway to delete",
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
                                    "has a public IPv4 address: choose to remove it"
                                } else {
                                    "private only: choose to give it a public IPv4 address"
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
                let p = Picker::new("Instance", items, Purpose::PublicIp);
                self.pick(p.preselect(&current.unwrap_or_default()));
            }
            "dns-support" => self.apply(Edit::SetDnsSupport {
                enabled: !s.vpc.enable_dns_support,
            }),
            "dns-hostnames" => self.apply(Edit::SetDnsHostnames {
                enabled: !s.vpc.enable_dns_hostnames,
            }),
            "ife-inbound" => {
                let items = s
                    .interface_endpoints
                    .iter()
                    .map(|e| {
                        item(
                            &e.id,
                            format!(
                                "{} · inbound Resolver only {}",
                                e.service,
                                if e.private_dns_only_for_inbound_resolver_endpoint {
                                    "on"
                                } else {
                                    "off"
                                }
                            ),
                            &e.id,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    "Interface endpoint",
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
                            format!(
                                "cross-zone {}",
                                if l.cross_zone_load_balancing {
                                    "on"
                                } else {
                                    "off"
                                }
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
                self.pick(Picker::new("Gateway Load Balancer", items, purpose));
            }
            "edge" => {
                let igw = s.internet_gateway.as_ref().map(|g| g.id.clone());
                let mut p = self.table_picker(
                    "Edge route table for the internet gateway".into(),
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
                    self.status =
                        Some((StatusKind::Error, "The VPC has no internet gateway.".into()));
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
                            format!(
                                "{} · appliances {}",
                                g.subnet,
                                if g.appliances_up { "up" } else { "down" }
                            ),
                            &g.id,
                        )
                    })
                    .collect();
                self.pick(Picker::new("GWLB endpoint", items, Purpose::GwlbAppliances));
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
                                "FAILED: choose to restore"
                            } else {
                                "up: choose to fail"
                            },
                            i.to_string(),
                        )
                    })
                    .collect();
                self.pick(Picker::new("Availability zone", items, Purpose::FailAz));
            }
            _ => {}
        }
    }
}

pub(in crate::app) fn edit_menu(app: &App) -> Picker {
    let s = app.model.scenario();
    let on = |b: bool| if b { "now on" } else { "now off" };
    let items = vec![
        item(
            "Change a subnet's route table",
            "explicit association, or back to main",
            "associate",
        ),
        item("Make another table the main table", "", "main"),
        item("Add a route", "table → destination → target", "add-route"),
        item(
            "Replace a route's target",
            "the local route's too",
            "replace-route",
        ),
        item("Delete a route", "", "delete-route"),
        item(
            "Create a gateway endpoint",
            "S3 or DynamoDB, on a route table",
            "gwe-add",
        ),
        item("Delete a gateway endpoint", "", "gwe-delete"),
        item(
            "Attach or detach a gateway endpoint's route table",
            "adds or removes its pl- route",
            "gwe-attach",
        ),
        item(
            "Create an interface endpoint",
            "any service, one subnet first",
            "ife-add",
        ),
        item("Delete an interface endpoint", "", "ife-delete"),
        item(
            "Add or remove an interface endpoint's subnet",
            "one subnet per AZ",
            "ife-subnet",
        ),
        item(
            "Turn an interface endpoint's private DNS on or off",
            "",
            "ife-dns",
        ),
        item("Add a NAT gateway", "public or private", "nat-add"),
        item(
            "Delete a NAT gateway",
            "its routes become blackholes",
            "nat-delete",
        ),
        item(
            "Give or take an instance's public IPv4 address",
            "",
            "public-ip",
        ),
        item(
            "Toggle enableDnsSupport",
            on(s.vpc.enable_dns_support),
            "dns-support",
        ),
        item(
            "Toggle enableDnsHostnames",
            on(s.vpc.enable_dns_hostnames),
            "dns-hostnames",
        ),
        item("Mark a GWLB endpoint's appliances up or down", "", "gwlb"),
        item(
            "Private DNS only for the inbound Resolver endpoint",
            "S3 interface endpoints",
            "ife-inbound",
        ),
        item(
            "Mark a Gateway Load Balancer's appliances in an AZ healthy or not",
            "",
            "gwlb-health",
        ),
        item(
            "Turn a Gateway Load Balancer's cross-zone load balancing on or off",
            "",
            "gwlb-cross-zone",
        ),
        item(
            "Associate or disassociate the internet gateway with a route table",
            "edge association (ingress routing)",
            "edge",
        ),
        item("Fail or restore an AZ", "also the number keys", "az"),
        item(
            "Set the traffic of one flow (GB/month)",
            "for the cost estimate",
            "flow-gb",
        ),
        item(
            "Set the default traffic per flow (GB/month)",
            "for the cost estimate",
            "default-gb",
        ),
        item(
            "Set the hours per month",
            "for the cost estimate (730 by default)",
            "hours",
        ),
    ];
    Picker::new("Edit the model", items, Purpose::EditMenu)
}
