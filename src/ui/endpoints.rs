//! The endpoints panel: gateway endpoints and their tables, interface endpoints with their ENIs
//! per AZ and private DNS, GWLB endpoints and appliance health, NAT gateways, the internet
//! gateway, and (when the scenario has them) the DHCP options set, Resolver rules and private
//! hosted zones. What the selected path uses is marked `»`; what sits in a failed AZ says so.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::i18n::{t, tf};

use super::text::wrap;
use super::theme::{ON_PATH, Theme};
use super::topology::on_path;
use super::{clamp_scroll, draw_panel, put_lines};

pub fn lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let s = app.model.scenario();
    let lang = app.lang;
    let path = on_path(app);
    let failed = app.failed_azs();
    let pre = |id: &str| {
        if path.contains(id) {
            format!("{ON_PATH} ")
        } else {
            "  ".into()
        }
    };
    let style = |id: &str| {
        if path.contains(id) {
            theme.on_path()
        } else {
            theme.plain()
        }
    };
    let az_of_subnet = |subnet: &str| {
        app.model
            .subnet_index(subnet)
            .and_then(|i| s.subnets.get(i))
            .and_then(|x| app.model.az_index(&x.az))
    };
    let state = |az: Option<usize>| match az {
        Some(a) if failed.get(a).copied().unwrap_or(false) => {
            (format!("✖ {}", t(lang, "ui-az-failed")), theme.bad())
        }
        _ => (format!("✔ {}", t(lang, "ui-state-up")), theme.ok()),
    };
    let mut out = Vec::new();
    let section = |out: &mut Vec<Line<'static>>, title: &'static str, n: usize| {
        out.push(Line::from(Span::styled(
            format!("{} ({n})", t(lang, title)),
            theme.title(),
        )));
    };

    section(&mut out, "ui-gateway-endpoints", s.gateway_endpoints.len());
    for g in &s.gateway_endpoints {
        out.push(Line::from(vec![
            Span::styled(format!("{}{} ", pre(&g.id), g.id), style(&g.id)),
            Span::styled(
                tf(lang, "ui-free-route-target-no-ip-address", &[&g.service]),
                theme.dim(),
            ),
        ]));
        let tables = if g.route_tables.is_empty() {
            t(lang, "ui-none-no-route-anywhere").to_string()
        } else {
            crate::explain::join(lang, &g.route_tables)
        };
        out.extend(wrap(
            &tables,
            w,
            &format!("      {}: ", t(lang, "ui-tables")),
            "        ",
            theme.dim(),
            theme.plain(),
        ));
    }

    section(
        &mut out,
        "ui-interface-endpoints",
        s.interface_endpoints.len(),
    );
    for (i, e) in s.interface_endpoints.iter().enumerate() {
        let dns = if !e.private_dns {
            t(lang, "ui-private-dns-off")
        } else if e.private_dns_only_for_inbound_resolver_endpoint {
            t(lang, "ui-private-dns-on-inbound-resolver-only")
        } else {
            t(lang, "ui-private-dns-on")
        };
        // Resource and service-network endpoints (VPC Lattice) are listed here too: they have
        // the same ENIs, and the line says which kind.
        let kind = match &e.lattice {
            Some(crate::model::Lattice::Resource(_)) => {
                format!("{} · ", t(lang, "ui-resource-endpoint"))
            }
            Some(crate::model::Lattice::ServiceNetwork(_)) => {
                format!("{} · ", t(lang, "ui-service-network-endpoint"))
            }
            None => String::new(),
        };
        out.push(Line::from(vec![
            Span::styled(format!("{}{} ", pre(&e.id), e.id), style(&e.id)),
            Span::styled(format!("{} · {kind}{dns}", e.service), theme.dim()),
        ]));
        let enis = app.model.endpoint_enis(i);
        if enis.is_empty() {
            out.push(Line::from(Span::styled(
                format!("      {}", t(lang, "ui-no-subnets-no-eni")),
                theme.bad(),
            )));
        }
        for eni in enis {
            let (st, st_style) = state(Some(eni.az));
            let subnet = s
                .subnets
                .get(eni.subnet)
                .map(|x| x.id.as_str())
                .unwrap_or("?");
            out.push(Line::from(vec![
                Span::styled(
                    format!(
                        "      {}  ",
                        tf(
                            lang,
                            "ui-eni-in",
                            &[&eni.shown_address(), subnet, app.model.az_name(eni.az)]
                        )
                    ),
                    theme.plain(),
                ),
                Span::styled(st, st_style),
            ]));
        }
    }

    if !s.gwlb_endpoints.is_empty() {
        section(
            &mut out,
            "ui-gateway-load-balancer-endpoints",
            s.gwlb_endpoints.len(),
        );
        for g in &s.gwlb_endpoints {
            let (st, st_style) = if g.appliances_up {
                state(az_of_subnet(&g.subnet))
            } else {
                (format!("✖ {}", t(lang, "ui-appliances-down")), theme.bad())
            };
            out.push(Line::from(vec![
                Span::styled(format!("{}{} ", pre(&g.id), g.id), style(&g.id)),
                Span::styled(
                    format!("{}  ", tf(lang, "ui-in", &[&g.subnet])),
                    theme.dim(),
                ),
                Span::styled(st, st_style),
            ]));
        }
        for lb in &s.gateway_load_balancers {
            let zones: Vec<String> = lb
                .appliances
                .iter()
                .map(|z| format!("{} {}", z.az, if z.healthy { "✔" } else { "✖" }))
                .collect();
            out.extend(wrap(
                &tf(
                    lang,
                    "ui-cross-zone-appliances",
                    &[
                        &lb.id,
                        t(
                            lang,
                            if lb.stateful {
                                "ui-stateful"
                            } else {
                                "ui-stateless"
                            },
                        ),
                        t(
                            lang,
                            if lb.cross_zone_load_balancing {
                                "ui-on"
                            } else {
                                "ui-off"
                            },
                        ),
                        &crate::explain::join(lang, &zones),
                    ],
                ),
                w,
                "    ",
                "      ",
                theme.dim(),
                theme.plain(),
            ));
        }
    }

    section(&mut out, "ui-nat-gateways", s.nat_gateways.len());
    for n in &s.nat_gateways {
        let (st, st_style) = match &n.subnet {
            Some(sub) => state(az_of_subnet(sub)),
            None => (format!("✔ {}", t(lang, "ui-regional")), theme.ok()),
        };
        out.push(Line::from(vec![
            Span::styled(format!("{}{} ", pre(&n.id), n.id), style(&n.id)),
            Span::styled(
                format!(
                    "{:?} · {}  ",
                    n.connectivity,
                    n.subnet
                        .as_deref()
                        .unwrap_or(t(lang, "ui-regional-every-az"))
                )
                .to_lowercase(),
                theme.dim(),
            ),
            Span::styled(st, st_style),
        ]));
    }
    out.push(Line::from(match &s.internet_gateway {
        Some(g) => vec![
            Span::styled(
                format!("{} ", t(lang, "ui-internet-gateway")),
                theme.title(),
            ),
            Span::styled(format!("{}{}", pre(&g.id), g.id), style(&g.id)),
        ],
        None => vec![Span::styled(
            t(lang, "ui-no-internet-gateway"),
            theme.title(),
        )],
    }));
    dns_lines(app, theme, w, &mut out);
    out
}

/// Who answers DNS before private DNS: the DHCP options set, the Resolver rules, the private
/// hosted zones and their records. Nothing when the scenario has none of them.
fn dns_lines(app: &App, theme: &Theme, w: usize, out: &mut Vec<Line<'static>>) {
    let s = app.model.scenario();
    let lang = app.lang;
    let n = usize::from(s.dhcp_options.is_some())
        + s.resolver_rules.len()
        + s.private_hosted_zones.len();
    if n == 0 {
        return;
    }
    out.push(Line::from(Span::styled(
        format!("{} ({n})", t(lang, "ui-dns-settings")),
        theme.title(),
    )));
    let mut item = |text: String, first: &str, rest: &str| {
        out.extend(wrap(&text, w, first, rest, theme.dim(), theme.plain()));
    };
    if let Some(d) = &s.dhcp_options {
        let servers = if d.domain_name_servers.is_empty() {
            crate::model::AMAZON_PROVIDED_DNS.to_string()
        } else {
            crate::explain::join(lang, &d.domain_name_servers)
        };
        item(
            tf(lang, "ui-dhcp-options", &[&d.id, &servers]),
            "  ",
            "    ",
        );
    }
    for r in &s.resolver_rules {
        let targets: Vec<String> = r.target_ips.iter().map(|ip| ip.to_string()).collect();
        let id = match r.rule_type {
            crate::model::ResolverRuleType::Forward => "ui-resolver-rule-forward",
            crate::model::ResolverRuleType::System => "ui-resolver-rule-system",
        };
        item(
            tf(
                lang,
                id,
                &[&r.id, &r.domain, &crate::explain::join(lang, &targets)],
            ),
            "  ",
            "    ",
        );
    }
    for z in &s.private_hosted_zones {
        // A zone whose records are not known says so, not "0 records".
        let id = match z.records_unknown {
            true => "ui-hosted-zone-records-unknown",
            false => "ui-hosted-zone",
        };
        item(
            tf(lang, id, &[&z.id, &z.name, &z.records.len().to_string()]),
            "  ",
            "    ",
        );
        for r in &z.records {
            let value = match &r.value {
                crate::model::RecordValue::A(ips) => ips
                    .iter()
                    .map(|ip| ip.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                crate::model::RecordValue::AliasEndpoint(t)
                | crate::model::RecordValue::Alias(t)
                | crate::model::RecordValue::Cname(t) => t.clone(),
            };
            item(
                tf(
                    lang,
                    "ui-zone-record",
                    &[
                        &r.name,
                        match r.value {
                            crate::model::RecordValue::AliasEndpoint(_)
                            | crate::model::RecordValue::Alias(_) => t(lang, "ui-alias"),
                            _ => r.value.kind(),
                        },
                        &value,
                    ],
                ),
                "      ",
                "        ",
            );
        }
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let Some(inner) = draw_panel(
        theme,
        t(app.lang, "ui-endpoints-and-gateways").into(),
        focused,
        area,
        buf,
    ) else {
        return;
    };
    let lines = lines(app, theme, inner.width as usize);
    let scroll = clamp_scroll(app.scroll[2], lines.len(), inner.height);
    put_lines(&lines, scroll, inner, buf);
    super::scroll_marker(
        app.lang,
        theme,
        "PgUp PgDn",
        scroll,
        inner.height as usize,
        lines.len(),
        area,
        buf,
    );
}
