//! Pickers and text inputs, and the short flows that build an engine [`Edit`] from them
//! ("add a route": table → destination → target). Each step is a [`Purpose`] carrying what was
//! chosen so far; the last step applies the edit, and the engine decides whether AWS allows it.

use crate::eval::{Query, evaluate};
use crate::model::{
    Destination, Edit, EndpointSubnet, GatewayEndpoint, InterfaceEndpoint, NatConnectivity,
    NatGateway, Route, Target,
};

use super::{App, Msg, Overlay, StatusKind, TargetItem, TargetKind};
use crate::i18n::{t, tf, tr};

/// One choice in a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickItem {
    pub label: String,
    /// What choosing it does or means, shown dimmed after the label.
    pub detail: String,
    /// What the flow receives: an id, an index, a key.
    pub value: String,
}

/// What happens with the value a picker or an input gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Source,
    Target,
    TypedTarget,
    EditMenu,
    AssociateSubnet,
    AssociateTable {
        subnet: String,
    },
    SetMain,
    AddRouteTable,
    AddRouteDestination {
        table: String,
    },
    AddRouteTarget {
        table: String,
        destination: String,
    },
    AddRouteTypedTarget {
        table: String,
        destination: String,
    },
    ReplaceRouteTable,
    ReplaceRouteRoute {
        table: String,
    },
    ReplaceRouteTarget {
        table: String,
        destination: String,
    },
    ReplaceRouteTypedTarget {
        table: String,
        destination: String,
    },
    DeleteRouteTable,
    DeleteRouteRoute {
        table: String,
    },
    GatewayEndpointService,
    GatewayEndpointTable {
        service: String,
    },
    GatewayEndpointDelete,
    GatewayEndpointAttachEndpoint,
    GatewayEndpointAttachTable {
        endpoint: String,
    },
    InterfaceEndpointService,
    InterfaceEndpointSubnet {
        service: String,
    },
    InterfaceEndpointDelete,
    EndpointSubnetEndpoint,
    EndpointSubnetSubnet {
        endpoint: String,
    },
    PrivateDns,
    NatSubnet,
    NatConnectivity {
        subnet: String,
    },
    NatDelete,
    PublicIp,
    GwlbAppliances,
    FailAz,
    SaveAs,
    /// The file changed on disk, or save-as names an existing file: overwrite it?
    SaveConflict {
        path: String,
    },
    SaveOverwrite {
        path: String,
    },
    /// Edits kept after a signal: restore or discard them?
    Recover,
    /// A lesson question: `reachable` or `blocked`.
    Answer,
    InboundResolverOnly,
    ApplianceHealthBalancer,
    ApplianceHealthAz {
        load_balancer: String,
    },
    CrossZone,
    EdgeTable,
    FlowPick,
    Hours,
    FlowGb {
        instance: String,
        service: String,
    },
    DefaultGb,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub title: String,
    pub items: Vec<PickItem>,
    /// Index into [`Picker::visible`].
    pub selected: usize,
    pub filter: String,
    /// Typing goes to the filter (after `/`).
    pub filtering: bool,
    pub purpose: Purpose,
}

impl Picker {
    fn new(title: impl Into<String>, items: Vec<PickItem>, purpose: Purpose) -> Picker {
        Picker {
            title: title.into(),
            items,
            selected: 0,
            filter: String::new(),
            filtering: false,
            purpose,
        }
    }

    /// Start on the item with this value, when there is one.
    fn preselect(mut self, value: &str) -> Picker {
        if let Some(i) = self
            .visible()
            .iter()
            .position(|&i| self.items[i].value == value)
        {
            self.selected = i;
        }
        self
    }

    /// The items the filter lets through (case-insensitive, label or detail), as indexes.
    pub fn visible(&self) -> Vec<usize> {
        let f = self.filter.to_lowercase();
        self.items
            .iter()
            .enumerate()
            .filter(|(_, it)| {
                f.is_empty()
                    || it.label.to_lowercase().contains(&f)
                    || it.detail.to_lowercase().contains(&f)
            })
            .map(|(i, _)| i)
            .collect()
    }

    pub fn chosen(&self) -> Option<&PickItem> {
        self.visible()
            .get(self.selected)
            .and_then(|&i| self.items.get(i))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub prompt: String,
    /// What may be typed, with an example.
    pub hint: String,
    pub text: String,
    pub purpose: Purpose,
}

fn item(label: impl Into<String>, detail: impl Into<String>, value: impl Into<String>) -> PickItem {
    PickItem {
        label: label.into(),
        detail: detail.into(),
        value: value.into(),
    }
}

pub(super) fn source_picker(app: &App) -> Picker {
    let items = app
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let detail = if s.query != s.label {
                s.query.clone()
            } else {
                String::new()
            };
            item(&s.label, detail, i.to_string())
        })
        .collect();
    Picker::new("From (source)", items, Purpose::Source).preselect(&app.source.to_string())
}

pub(super) fn target_picker(app: &App) -> Picker {
    let mut items: Vec<PickItem> = app
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let detail = match t.kind {
                TargetKind::Service(_) => app
                    .model
                    .service(&t.query)
                    .map(|s| s.dns_name.clone())
                    .unwrap_or_default(),
                TargetKind::Workload(_) => app
                    .model
                    .workloads()
                    .iter()
                    .find(|w| format!("workload:{}", w.name) == t.query)
                    .map(|w| w.services.join(" + "))
                    .unwrap_or_default(),
                TargetKind::Typed => "typed".into(),
            };
            item(&t.label, detail, i.to_string())
        })
        .collect();
    items.push(item(
        "Type a destination…",
        "an address, a CIDR, s3@us-west-2, s3.amazonaws.com",
        "typed",
    ));
    Picker::new("To (target)", items, Purpose::Target).preselect(&app.target.to_string())
}

pub(super) fn answer_picker() -> Picker {
    Picker::new(
        "Your prediction",
        vec![
            item("Reachable", "the path gets through", "reachable"),
            item(
                "Not reachable",
                "blocked, unavailable, or leaves the VPC",
                "blocked",
            ),
        ],
        Purpose::Answer,
    )
}

pub(super) fn save_as_input(app: &App) -> Input {
    Input {
        prompt: "Save as".into(),
        hint: "a path for the RON file, e.g. my-vpc.ron".into(),
        text: app
            .file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        purpose: Purpose::SaveAs,
    }
}

pub(super) fn edit_menu(app: &App) -> Picker {
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

impl App {
    pub(super) fn update_picker(&mut self, mut p: Picker, msg: Msg) {
        let len = p.visible().len();
        match msg {
            Msg::Cancel if p.filtering => {
                p.filtering = false;
                p.filter.clear();
                p.selected = 0;
            }
            Msg::Cancel | Msg::Quit => return,
            Msg::ForceQuit => {
                self.quit = true;
                return;
            }
            Msg::Up => p.selected = p.selected.saturating_sub(1),
            Msg::Down => p.selected = (p.selected + 1).min(len.saturating_sub(1)),
            Msg::PageUp => p.selected = p.selected.saturating_sub(10),
            Msg::PageDown => p.selected = (p.selected + 10).min(len.saturating_sub(1)),
            Msg::Home => p.selected = 0,
            Msg::End => p.selected = len.saturating_sub(1),
            Msg::StartFilter => p.filtering = true,
            Msg::Char(c) if p.filtering => {
                p.filter.push(c);
                p.selected = 0;
            }
            Msg::Backspace if p.filtering => {
                p.filter.pop();
                p.selected = 0;
            }
            Msg::PickAt(i) if i < len => {
                p.selected = i;
                return self.choose(p);
            }
            Msg::Enter => return self.choose(p),
            _ => {}
        }
        self.overlay = Some(Overlay::Picker(p));
    }

    pub(super) fn update_input(&mut self, mut input: Input, msg: Msg) {
        match msg {
            Msg::Cancel => {
                self.input_back = 0;
                return;
            }
            Msg::ForceQuit => {
                self.quit = true;
                return;
            }
            Msg::Enter => {
                self.input_back = 0;
                return self.submit(input);
            }
            msg => self.edit_input(&mut input, msg),
        }
        self.overlay = Some(Overlay::Input(input));
    }

    fn pick(&mut self, picker: Picker) {
        if picker.items.is_empty() {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "{}: nothing to choose from in this scenario.",
                    &[tr(self.lang, &picker.title)],
                ),
            ));
        } else {
            self.overlay = Some(Overlay::Picker(picker));
        }
    }

    fn ask(&mut self, prompt: &str, hint: &str, purpose: Purpose) {
        self.overlay = Some(Overlay::Input(Input {
            prompt: prompt.into(),
            hint: hint.into(),
            text: String::new(),
            purpose,
        }));
    }

    fn choose(&mut self, p: Picker) {
        let Some(chosen) = p.chosen().cloned() else {
            // An empty filtered list: keep the picker open.
            self.overlay = Some(Overlay::Picker(p));
            return;
        };
        let v = chosen.value;
        let adding = matches!(p.purpose, Purpose::AddRouteTarget { .. });
        match p.purpose {
            purpose @ (Purpose::SaveConflict { .. } | Purpose::SaveOverwrite { .. }) => {
                self.choose_save(purpose, &v)
            }
            Purpose::Recover => self.choose_recovery(&v),
            Purpose::Source => {
                if let Ok(i) = v.parse() {
                    self.update_main(Msg::SelectSource(i));
                }
            }
            Purpose::Target if v == "typed" => self.ask(
                "To",
                "an IPv4 address or CIDR, SERVICE@REGION (s3@us-west-2), or a global name (s3.amazonaws.com)",
                Purpose::TypedTarget,
            ),
            Purpose::Target => {
                if let Ok(i) = v.parse() {
                    self.update_main(Msg::SelectTarget(i));
                }
            }
            Purpose::EditMenu => self.start_flow(&v),
            Purpose::AssociateSubnet => {
                let p = self.table_picker(
                    tf(self.lang, "Route table for {}", &[&v]),
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
                &tf(self.lang, "Destination for a new route in {}", &[&v]),
                "a CIDR (0.0.0.0/0, 10.1.0.0/16) or a prefix list (pl-s3, pl-dynamodb)",
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
                    "Target that leaves the VPC",
                    "pcx-… (peering), tgw-… (transit gateway) or vgw-… (virtual private gateway)",
                    purpose,
                );
            }
            Purpose::AddRouteTarget { table, destination } => {
                self.route_edit(table, &destination, target_from_value(&v), false)
            }
            Purpose::ReplaceRouteTable => {
                let routes = self.route_items(&v, true);
                self.pick(Picker::new(
                    tf(self.lang, "Route in {} to replace", &[&v]),
                    routes,
                    Purpose::ReplaceRouteRoute { table: v },
                ));
            }
            Purpose::ReplaceRouteRoute { table } => {
                let targets = self.target_items(&v);
                self.pick(Picker::new(
                    tf(self.lang, "New target for {} in {}", &[&v, &table]),
                    targets,
                    Purpose::ReplaceRouteTarget {
                        table,
                        destination: v,
                    },
                ));
            }
            Purpose::ReplaceRouteTarget { table, destination } => {
                self.route_edit(table, &destination, target_from_value(&v), true)
            }
            Purpose::DeleteRouteTable => {
                let routes = self.route_items(&v, false);
                self.pick(Picker::new(
                    tf(self.lang, "Route in {} to delete", &[&v]),
                    routes,
                    Purpose::DeleteRouteRoute { table: v },
                ));
            }
            Purpose::DeleteRouteRoute { table } => match parse_destination(&v) {
                Ok(destination) => self.apply(Edit::DeleteRoute {
                    route_table: table,
                    destination,
                }),
                Err(e) => self.status = Some((StatusKind::Error, e)),
            },
            Purpose::GatewayEndpointService => {
                let mut p = self.table_picker(
                    tf(self.lang, "First route table for the {} gateway endpoint", &[&v]),
                    Purpose::GatewayEndpointTable { service: v },
                    false,
                );
                p.items.push(item("(none yet)", "attach tables later", ""));
                self.pick(p);
            }
            Purpose::GatewayEndpointTable { service } => {
                let id = self.fresh_id(&format!("vpce-{service}"));
                self.apply(Edit::AddGatewayEndpoint {
                    endpoint: GatewayEndpoint {
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
                    tf(self.lang, "Attach {} to, or detach it from", &[&v]),
                    Purpose::GatewayEndpointAttachTable { endpoint: v },
                    false,
                );
                for it in &mut p.items {
                    it.detail = if attached.contains(&it.value) {
                        "attached: choose to detach".into()
                    } else {
                        "choose to attach".into()
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
                    tf(self.lang, "First subnet for the {} interface endpoint", &[&v]),
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
                        id,
                        service,
                        subnets: vec![EndpointSubnet {
                            subnet: v,
                            ip: None,
                        }],
                        private_dns,
                        private_dns_only_for_inbound_resolver_endpoint: false,
                    },
                    position: None,
                });
            }
            Purpose::InterfaceEndpointDelete => {
                self.apply(Edit::DeleteInterfaceEndpoint { id: v })
            }
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
                    tf(self.lang, "Subnet to add to {}, or to remove from it", &[&v]),
                    Purpose::EndpointSubnetSubnet { endpoint: v },
                );
                for it in &mut p.items {
                    if has.contains(&it.value) {
                        it.detail = tf(self.lang, "{} · has an ENI: choose to remove", &[&it.detail]);
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
                self.apply(Edit::SetPrivateDns {
                    endpoint: v,
                    enabled: !on,
                });
            }
            Purpose::NatSubnet => self.pick(Picker::new(
                tf(self.lang, "Connectivity of the NAT gateway in {}", &[&v]),
                vec![
                    item(
                        "public",
                        "to the internet through the internet gateway",
                        "public",
                    ),
                    item(
                        "private",
                        "to other VPCs or on-premises; never the internet",
                        "private",
                    ),
                ],
                Purpose::NatConnectivity { subnet: v },
            )),
            Purpose::NatConnectivity { subnet } => {
                let id = self.fresh_id("nat");
                self.apply(Edit::AddNatGateway {
                    nat_gateway: NatGateway {
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
                self.apply(Edit::SetInstancePublicIp {
                    instance: v,
                    public_ip: !has,
                });
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
                    prompt: tf(lang, "GB per month for {} → {}", &[instance, service]),
                    hint: t(lang, "a number of GB, e.g. 250 (0 switches the flow off)")
                        .into(),
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
                self.apply(Edit::SetPrivateDnsOnlyForInboundResolverEndpoint {
                    endpoint: v,
                    enabled: !on,
                });
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
                                "healthy: choose to mark unhealthy"
                            } else {
                                "unhealthy: choose to mark healthy"
                            },
                            &az.name,
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    tf(self.lang, "Appliances of {} in which AZ", &[&v]),
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
                self.apply(Edit::SetCrossZoneLoadBalancing {
                    load_balancer: v,
                    enabled: !on,
                });
            }
            Purpose::EdgeTable => {
                let Some(igw) = self.model.scenario().internet_gateway.as_ref().map(|g| g.id.clone())
                else {
                    self.status = Some((StatusKind::Error, "The VPC has no internet gateway.".into()));
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
            | Purpose::AddRouteDestination { .. }
            | Purpose::AddRouteTypedTarget { .. }
            | Purpose::ReplaceRouteTypedTarget { .. }
            | Purpose::FlowGb { .. }
            | Purpose::DefaultGb
            | Purpose::Hours
            | Purpose::SaveAs => {}
        }
    }

    fn start_flow(&mut self, key: &str) {
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
                    Some(super::SourceKind::Instance(i)) => {
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
                        it.detail = tf(
                            self.lang,
                            "{} · edge: choose to disassociate",
                            &[&it.detail],
                        );
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
                            format!("{} GB · {}", f.gb, f.way),
                            format!("{}\n{}", f.instance, f.service),
                        )
                    })
                    .collect();
                self.pick(Picker::new(
                    t(self.lang, "Flow (source → service)"),
                    items,
                    Purpose::FlowPick,
                ));
            }
            "hours" => {
                let lang = self.lang;
                self.overlay = Some(Overlay::Input(Input {
                    prompt: t(lang, "Hours per month every resource is billed").into(),
                    hint: t(
                        lang,
                        "whole hours, e.g. 730; AWS bills a partial hour as a full one",
                    )
                    .into(),
                    text: self.cost_inputs.hours_per_month.to_string(),
                    purpose: Purpose::Hours,
                }));
            }
            "default-gb" => {
                let lang = self.lang;
                self.overlay = Some(Overlay::Input(Input {
                    prompt: t(lang, "GB per month for every flow without its own figure").into(),
                    hint: t(lang, "a number of GB, e.g. 250 (0 switches the flow off)").into(),
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

    fn submit(&mut self, input: Input) {
        let text = input.text.trim().to_string();
        match input.purpose.clone() {
            Purpose::TypedTarget => self.add_typed_target(text),
            Purpose::AddRouteDestination { table } => match parse_destination(&text) {
                Ok(_) => {
                    let items = self.target_items("");
                    self.pick(Picker::new(
                        tf(self.lang, "Target for {} in {}", &[&text, &table]),
                        items,
                        Purpose::AddRouteTarget {
                            table,
                            destination: text,
                        },
                    ));
                }
                Err(e) => {
                    self.status = Some((StatusKind::Error, e));
                    self.overlay = Some(Overlay::Input(Input {
                        purpose: Purpose::AddRouteDestination { table },
                        ..input
                    }));
                }
            },
            Purpose::AddRouteTypedTarget { table, destination }
            | Purpose::ReplaceRouteTypedTarget { table, destination } => {
                let replace = matches!(input.purpose, Purpose::ReplaceRouteTypedTarget { .. });
                match typed_target(&text) {
                    Some(t) => self.route_edit(table, &destination, Ok(t), replace),
                    None => {
                        self.status = Some((
                            StatusKind::Error,
                            format!(
                                "{text:?}: a target that leaves the VPC starts with pcx-, tgw- or vgw-."
                            ),
                        ));
                        // Keep what was typed, to correct it.
                        self.overlay = Some(Overlay::Input(input));
                    }
                }
            }
            Purpose::Hours => {
                let Ok(hours) = text.parse::<u32>() else {
                    self.status = Some((
                        StatusKind::Error,
                        tf(
                            self.lang,
                            "{} is not a whole number of hours.",
                            &[&format!("{text:?}")],
                        ),
                    ));
                    self.overlay = Some(Overlay::Input(input));
                    return;
                };
                self.cost_inputs.hours_per_month = hours;
                let cost = self.estimate_cost();
                self.cost_changes = crate::cost::diff(&self.cost, &cost);
                self.cost = cost;
                self.status = Some((
                    StatusKind::Info,
                    tf(self.lang, "Traffic set: {}", &[&format!("{hours} h/month")]),
                ));
            }
            Purpose::FlowGb { .. } | Purpose::DefaultGb => {
                let Ok(gb) = text.parse::<f64>() else {
                    self.status = Some((
                        StatusKind::Error,
                        tf(
                            self.lang,
                            "{} is not a number of GB.",
                            &[&format!("{text:?}")],
                        ),
                    ));
                    self.overlay = Some(Overlay::Input(input));
                    return;
                };
                let gb = gb.max(0.0);
                let what = match &input.purpose {
                    Purpose::FlowGb { instance, service } => {
                        self.cost_inputs
                            .flow_gb
                            .insert((instance.clone(), service.clone()), gb);
                        format!("{instance} → {service}: {gb} GB/month")
                    }
                    _ => {
                        self.cost_inputs.default_gb_per_flow = gb;
                        format!("{gb} GB/month per flow")
                    }
                };
                let cost = self.estimate_cost();
                self.cost_changes = crate::cost::diff(&self.cost, &cost);
                self.cost = cost;
                let mut line = tf(self.lang, "Traffic set: {}", &[&what]);
                if let Some(first) = self.cost_changes.first() {
                    line.push_str(&format!(". {first}"));
                }
                self.status = Some((StatusKind::Info, line));
            }
            Purpose::SaveAs => self.submit_save_as(input),
            _ => {}
        }
    }

    fn add_typed_target(&mut self, text: String) {
        if text.is_empty() {
            return;
        }
        let Some(source) = self.selected_source() else {
            return;
        };
        let query = Query::parse(&self.model, &source.query, &text, false);
        if let Err(e) = evaluate(&self.model, &self.model.scenario().what_if, &query) {
            self.status = Some((
                StatusKind::Error,
                tf(self.lang, "To {}: {}", &[&text, &e.to_string()]),
            ));
            return;
        }
        let i = match self.targets.iter().position(|t| t.query == text) {
            Some(i) => i,
            None => {
                self.targets.push(TargetItem {
                    label: text.clone(),
                    query: text,
                    kind: TargetKind::Typed,
                });
                self.targets.len() - 1
            }
        };
        self.update_main(Msg::SelectTarget(i));
    }

    fn route_edit(
        &mut self,
        table: String,
        destination: &str,
        target: Result<Target, String>,
        replace: bool,
    ) {
        let (destination, target) = match (parse_destination(destination), target) {
            (Ok(d), Ok(t)) => (d, t),
            (Err(e), _) | (_, Err(e)) => {
                self.status = Some((StatusKind::Error, e));
                return;
            }
        };
        let route = Route {
            destination,
            target,
        };
        self.apply(if replace {
            Edit::ReplaceRoute {
                route_table: table,
                route,
                position: None,
            }
        } else {
            Edit::AddRoute {
                route_table: table,
                route,
                position: None,
            }
        });
    }

    fn source_subnet_id(&self) -> String {
        let s = self.model.scenario();
        match self.selected_source().map(|x| &x.kind) {
            Some(super::SourceKind::Instance(i)) => s.instances.get(*i).map(|x| x.subnet.clone()),
            Some(super::SourceKind::Subnet(i)) => s.subnets.get(*i).map(|x| x.id.clone()),
            None => None,
        }
        .unwrap_or_default()
    }

    fn subnet_picker(&self, title: String, purpose: Purpose) -> Picker {
        let s = self.model.scenario();
        let items = s
            .subnets
            .iter()
            .enumerate()
            .map(|(i, sub)| {
                let (t, assoc) = self.model.subnet_route_table(i);
                let table = s.route_tables.get(t).map(|t| t.id.as_str()).unwrap_or("?");
                let how = match assoc {
                    crate::model::Association::Explicit => "",
                    crate::model::Association::ImplicitMain => " (main, implicit)",
                };
                item(
                    &sub.id,
                    format!("{} · {} · {table}{how}", sub.cidr, sub.az),
                    &sub.id,
                )
            })
            .collect();
        Picker::new(title, items, purpose)
    }

    fn table_picker(&self, title: String, purpose: Purpose, with_main: bool) -> Picker {
        let s = self.model.scenario();
        let mut items: Vec<PickItem> = s
            .route_tables
            .iter()
            .map(|t| {
                let mut detail = t.name.clone().unwrap_or_default();
                if t.main {
                    detail.push_str(" · main");
                }
                item(&t.id, detail.trim_start_matches(" · ").to_string(), &t.id)
            })
            .collect();
        if with_main {
            items.insert(
                0,
                item(
                    "main (remove the explicit association)",
                    "the subnet then uses the main table",
                    "",
                ),
            );
        }
        Picker::new(title, items, purpose)
    }

    /// The routes of a table to pick from: the written ones, and for replacing also the
    /// derived local routes (whose target AWS lets you replace).
    fn route_items(&self, table: &str, with_local: bool) -> Vec<PickItem> {
        let s = self.model.scenario();
        let Some(t) = s.route_tables.iter().find(|t| t.id == table) else {
            return Vec::new();
        };
        let mut items: Vec<PickItem> = Vec::new();
        if with_local {
            for cidr in &s.vpc.cidrs {
                if !t
                    .routes
                    .iter()
                    .any(|r| r.destination == Destination::Cidr(*cidr))
                {
                    items.push(item(
                        cidr.to_string(),
                        "→ local (derived)",
                        cidr.to_string(),
                    ));
                }
            }
        }
        items.extend(t.routes.iter().map(|r| {
            item(
                r.destination.to_string(),
                format!("→ {}", r.target),
                r.destination.to_string(),
            )
        }));
        items
    }

    /// Targets a route can have in this model. Gateway endpoints are absent: AWS adds their
    /// routes itself when a table is attached.
    fn target_items(&self, destination: &str) -> Vec<PickItem> {
        let s = self.model.scenario();
        let mut items = Vec::new();
        let is_vpc_cidr = s.vpc.cidrs.iter().any(|c| c.to_string() == destination);
        if is_vpc_cidr {
            items.push(item("local", "restore the local route", "local"));
        }
        if let Some(igw) = &s.internet_gateway {
            items.push(item(&igw.id, "internet gateway", format!("igw:{}", igw.id)));
        }
        for n in &s.nat_gateways {
            items.push(item(
                &n.id,
                format!("NAT gateway ({:?})", n.connectivity).to_lowercase(),
                format!("nat:{}", n.id),
            ));
        }
        for g in &s.gwlb_endpoints {
            items.push(item(
                &g.id,
                "Gateway Load Balancer endpoint",
                format!("gwlbe:{}", g.id),
            ));
        }
        for e in &s.network_interfaces {
            items.push(item(
                &e.id,
                e.description
                    .clone()
                    .unwrap_or_else(|| "network interface".into()),
                format!("eni:{}", e.id),
            ));
        }
        items.push(item("blackhole", "drop the traffic", "blackhole"));
        items.push(item(
            "Type a peering, transit or virtual private gateway…",
            "pcx-… / tgw-… / vgw-…",
            "typed",
        ));
        items
    }

    /// An id not used by anything in the scenario: `base`, then `base-2`, ...
    fn fresh_id(&self, base: &str) -> String {
        let s = self.model.scenario();
        let used = |id: &str| {
            s.gateway_endpoints.iter().any(|g| g.id == id)
                || s.interface_endpoints.iter().any(|e| e.id == id)
                || s.nat_gateways.iter().any(|n| n.id == id)
                || s.gwlb_endpoints.iter().any(|g| g.id == id)
        };
        if !used(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !used(id))
            .unwrap_or_else(|| base.to_string())
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".into()
    } else {
        items.join(", ")
    }
}

/// `0.0.0.0/0` or `pl-s3`.
fn parse_destination(text: &str) -> Result<Destination, String> {
    if let Some(name) = text.strip_prefix("pl-") {
        if name.is_empty() {
            return Err("A prefix-list destination names a service: pl-s3, pl-dynamodb.".into());
        }
        return Ok(Destination::PrefixList(name.to_string()));
    }
    text.parse::<ipnet::Ipv4Net>()
        .map(Destination::Cidr)
        .map_err(|_| format!("{text:?} is neither a CIDR (10.1.0.0/16) nor a prefix list (pl-s3)."))
}

fn target_from_value(v: &str) -> Result<Target, String> {
    let target = match v.split_once(':') {
        Some(("igw", id)) => Target::InternetGateway(id.into()),
        Some(("nat", id)) => Target::NatGateway(id.into()),
        Some(("gwlbe", id)) => Target::GatewayLoadBalancerEndpoint(id.into()),
        Some(("eni", id)) => Target::NetworkInterface(id.into()),
        _ if v == "local" => Target::Local,
        _ if v == "blackhole" => Target::Blackhole,
        _ => return Err(format!("unknown target {v}")),
    };
    Ok(target)
}

fn typed_target(text: &str) -> Option<Target> {
    if text.starts_with("pcx-") {
        Some(Target::VpcPeering(text.into()))
    } else if text.starts_with("tgw-") {
        Some(Target::TransitGateway(text.into()))
    } else if text.starts_with("vgw-") {
        Some(Target::VirtualPrivateGateway(text.into()))
    } else {
        None
    }
}
