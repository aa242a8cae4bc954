//! The pickers and inputs the main screen opens (source, target, answer, save as), and the item
//! lists flows offer, built from the model: subnets, route tables, routes, targets.

use super::{Input, PickItem, Picker, Purpose, item};
use crate::app::{App, TargetKind};
use crate::i18n;
use crate::model::Destination;

impl App {
    pub(super) fn source_subnet_id(&self) -> String {
        let s = self.model.scenario();
        match self.selected_source().map(|x| &x.kind) {
            Some(crate::app::SourceKind::Instance(i)) => {
                s.instances.get(*i).map(|x| x.subnet.clone())
            }
            Some(crate::app::SourceKind::Subnet(i)) => s.subnets.get(*i).map(|x| x.id.clone()),
            None => None,
        }
        .unwrap_or_default()
    }

    pub(super) fn subnet_picker(&self, title: String, purpose: Purpose) -> Picker {
        let s = self.model.scenario();
        let items = s
            .subnets
            .iter()
            .enumerate()
            .map(|(i, sub)| {
                let (t, assoc) = self.model.subnet_route_table(i);
                let table = s.route_tables.get(t).map(|t| t.id.as_str()).unwrap_or("?");
                let table = match assoc {
                    crate::model::Association::Explicit => table.to_string(),
                    crate::model::Association::ImplicitMain => {
                        i18n::tf(self.lang, "ui-main-implicit", &[table])
                    }
                };
                // An IPv6-only subnet without an IPv4 block shows its IPv6 block.
                let block = match (sub.cidr, sub.ipv6_cidr) {
                    (Some(c), _) => c.to_string(),
                    (None, Some(b)) => b.to_string(),
                    (None, None) => String::new(),
                };
                item(&sub.id, format!("{block} · {} · {table}", sub.az), &sub.id)
            })
            .collect();
        Picker::new(title, items, purpose)
    }

    pub(super) fn table_picker(&self, title: String, purpose: Purpose, with_main: bool) -> Picker {
        let s = self.model.scenario();
        let mut items: Vec<PickItem> = s
            .route_tables
            .iter()
            .map(|t| {
                // The name, unless the id already says it (`rtb-main` named "main"), then
                // whether it is the main table.
                let name = t
                    .name
                    .as_deref()
                    .filter(|n| !t.id.to_lowercase().contains(&n.to_lowercase()));
                let main = t.main.then(|| i18n::t(self.lang, "ui-main-route-table"));
                let detail: Vec<&str> = name.into_iter().chain(main).collect();
                item(&t.id, detail.join(" · "), &t.id)
            })
            .collect();
        if with_main {
            items.insert(
                0,
                item(
                    i18n::t(self.lang, "ui-main-remove-explicit-association"),
                    i18n::t(self.lang, "ui-subnet-then-uses-main-table"),
                    "",
                ),
            );
        }
        Picker::new(title, items, purpose)
    }

    /// The routes of a table to pick from: the written ones, and for replacing also the
    /// derived local routes (whose target AWS lets you replace).
    pub(super) fn route_items(&self, table: &str, with_local: bool) -> Vec<PickItem> {
        let s = self.model.scenario();
        let Some(t) = s.route_tables.iter().find(|t| t.id == table) else {
            return Vec::new();
        };
        let mut items: Vec<PickItem> = Vec::new();
        if with_local {
            // The derived local routes (IPv4 and IPv6) whose target the table has not replaced.
            let local = s
                .vpc
                .cidrs
                .iter()
                .filter(|c| {
                    !t.routes
                        .iter()
                        .any(|r| r.destination == Destination::Cidr(**c))
                })
                .map(|c| c.to_string())
                .chain(
                    s.ipv6_routes_of(t)
                        .filter(|&(_, _, derived)| derived)
                        .map(|(c, _, _)| c.to_string()),
                );
            for cidr in local {
                items.push(item(
                    cidr.clone(),
                    format!("→ {}", i18n::t(self.lang, "ui-local-derived")),
                    cidr,
                ));
            }
        }
        items.extend(t.routes.iter().map(|r| {
            item(
                r.destination.to_string(),
                format!("→ {}", r.target),
                r.destination.to_string(),
            )
        }));
        // The table's written IPv6 routes, to replace or delete (a route to exactly a VPC IPv6
        // block overrides the local route's target).
        items.extend(t.ipv6_routes.iter().map(|r| {
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
    pub(super) fn target_items(&self, destination: &str) -> Vec<PickItem> {
        let s = self.model.scenario();
        let mut items = Vec::new();
        let is_vpc_cidr = (s.vpc.cidrs.iter().map(|c| c.to_string()))
            .chain(s.vpc.ipv6_cidrs.iter().map(|c| c.to_string()))
            .any(|c| c == destination);
        if is_vpc_cidr {
            items.push(item(
                "local",
                i18n::t(self.lang, "ui-restore-local-route"),
                "local",
            ));
        }
        if let Some(igw) = &s.internet_gateway {
            items.push(item(
                &igw.id,
                i18n::t(self.lang, "ui-internet-gateway-3"),
                format!("igw:{}", igw.id),
            ));
        }
        // An egress-only internet gateway carries IPv6 only; a NAT gateway carries IPv6 only as
        // NAT64 (or as a replaced local route's middlebox), for 64:ff9b::/96 (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-nat64-dns64.html).
        let v6 = destination.parse::<ipnet::Ipv6Net>().ok();
        let nat64: ipnet::Ipv6Net = "64:ff9b::/96".parse().expect("a CIDR");
        // The local route's target may be replaced with a NAT gateway too (middlebox routing).
        let nat_ok = is_vpc_cidr || v6.is_none_or(|d| nat64.contains(&d));
        if v6.is_some() {
            for g in &s.egress_only_internet_gateways {
                items.push(item(
                    &g.id,
                    i18n::t(self.lang, "ui-egress-only-internet-gateway"),
                    format!("eigw:{}", g.id),
                ));
            }
        }
        for n in s.nat_gateways.iter().filter(|_| nat_ok) {
            items.push(item(
                &n.id,
                i18n::tf(
                    self.lang,
                    "ui-nat-gateway",
                    &[i18n::t(
                        self.lang,
                        match n.connectivity {
                            crate::model::NatConnectivity::Public => "ui-public",
                            crate::model::NatConnectivity::Private => "ui-private",
                        },
                    )],
                ),
                format!("nat:{}", n.id),
            ));
        }
        for g in &s.gwlb_endpoints {
            items.push(item(
                &g.id,
                i18n::t(self.lang, "ui-gateway-load-balancer-endpoint"),
                format!("gwlbe:{}", g.id),
            ));
        }
        for e in &s.network_interfaces {
            items.push(item(
                &e.id,
                e.description
                    .clone()
                    .unwrap_or_else(|| i18n::t(self.lang, "ui-network-interface").into()),
                format!("eni:{}", e.id),
            ));
        }
        items.push(item(
            "blackhole",
            i18n::t(self.lang, "ui-drop-traffic"),
            "blackhole",
        ));
        items.push(item(
            i18n::t(self.lang, "ui-type-peering-transit-or-virtual-private"),
            "pcx-… / tgw-… / vgw-…",
            "typed",
        ));
        items
    }

    /// An id not used by anything in the scenario: `base`, then `base-2`, ...
    pub(super) fn fresh_id(&self, base: &str) -> String {
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

pub(in crate::app) fn source_picker(app: &App) -> Picker {
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
            item(s.shown(app.lang), detail, i.to_string())
        })
        .collect();
    Picker::new(i18n::t(app.lang, "ui-from-source"), items, Purpose::Source)
        .preselect(&app.source.to_string())
}

pub(in crate::app) fn target_picker(app: &App) -> Picker {
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
                // A directory bucket the scenario names (`selection::named_buckets`) says
                // what it is and its zone; another typed destination, that it was typed.
                TargetKind::Typed => match crate::model::directory_bucket_zone(&t.query) {
                    Some(zone) => i18n::tf(app.lang, "ui-directory-bucket-detail", &[zone]),
                    None => i18n::t(app.lang, "ui-typed-target-detail").to_string(),
                },
            };
            item(&t.label, detail, i.to_string())
        })
        .collect();
    items.push(item(
        i18n::t(app.lang, "ui-type-destination"),
        i18n::t(app.lang, "ui-address-cidr-s3-us-west-2"),
        "typed",
    ));
    items.push(item(
        i18n::tf(app.lang, "ui-probe-item", &[&super::probe_text(app.probe)]),
        i18n::t(app.lang, "ui-probe-item-detail"),
        "probe",
    ));
    let request = app
        .request_label()
        .unwrap_or_else(|| i18n::t(app.lang, "ui-request-any").to_string());
    items.push(item(
        i18n::tf(app.lang, "ui-request-item", &[&request]),
        i18n::t(app.lang, "ui-request-item-detail"),
        "request",
    ));
    Picker::new(i18n::t(app.lang, "ui-to-target"), items, Purpose::Target)
        .preselect(&app.target.to_string())
}

pub(in crate::app) fn answer_picker(lang: i18n::Lang) -> Picker {
    Picker::new(
        i18n::t(lang, "ui-your-prediction"),
        vec![
            item(
                i18n::t(lang, "ui-reachable"),
                i18n::t(lang, "ui-path-gets-through"),
                "reachable",
            ),
            item(
                i18n::t(lang, "ui-not-reachable"),
                i18n::t(lang, "ui-blocked-unavailable-or-leaves-vpc"),
                "blocked",
            ),
        ],
        Purpose::Answer,
    )
}

pub(in crate::app) fn save_as_input(app: &App) -> Input {
    Input {
        prompt: i18n::t(app.lang, "ui-save-as").into(),
        hint: i18n::t(app.lang, "ui-path-for-ron-file-e-g").into(),
        text: app
            .file
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        purpose: Purpose::SaveAs,
    }
}
