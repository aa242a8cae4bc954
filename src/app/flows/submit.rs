//! What typed text does: destinations, typed targets, hours, GB per month and save-as paths,
//! parsed and turned into the next step or the edit.

use super::{Input, Picker, Purpose};
use crate::app::{App, Msg, Overlay, StatusKind, TargetItem, TargetKind};
use crate::eval::{Query, evaluate};
use crate::i18n::{Lang, t, tf};
use crate::model::{Destination, Edit, Route, Target};

impl App {
    pub(super) fn submit(&mut self, input: Input) {
        let text = input.text.trim().to_string();
        match input.purpose.clone() {
            Purpose::TypedTarget => self.add_typed_target(text),
            Purpose::Security(step) => self.submit_security(step, input),
            Purpose::Probe => match super::parse_probe(&text) {
                Some(probe) => {
                    self.set_probe(probe);
                    self.status = Some((
                        StatusKind::Info,
                        tf(self.lang, "ui-probe-set", &[&super::probe_text(probe)]),
                    ));
                }
                None => {
                    self.status = Some((
                        StatusKind::Error,
                        tf(self.lang, "ui-probe-bad", &[&format!("{text:?}")]),
                    ));
                    self.overlay = Some(Overlay::Input(input));
                }
            },
            Purpose::Request => match super::request::parse_request(&text) {
                Some(request) => {
                    let shown = super::request_text(&request);
                    self.request = request;
                    self.reselect();
                    let text = match shown.is_empty() {
                        true => t(self.lang, "ui-request-any").to_string(),
                        false => shown,
                    };
                    self.status =
                        Some((StatusKind::Info, tf(self.lang, "ui-request-set", &[&text])));
                }
                None => {
                    self.status = Some((
                        StatusKind::Error,
                        tf(self.lang, "ui-request-bad", &[&format!("{text:?}")]),
                    ));
                    self.overlay = Some(Overlay::Input(input));
                }
            },
            Purpose::AddRouteDestination { table } => match parse_destination(self.lang, &text)
                .map(|_| ())
                .or_else(|e| text.parse::<ipnet::Ipv6Net>().map(|_| ()).map_err(|_| e))
            {
                Ok(()) => {
                    // An IPv6 destination's targets include the egress-only gateways.
                    let v6 = text.parse::<ipnet::Ipv6Net>().is_ok();
                    let items = self.target_items(if v6 { &text } else { "" });
                    self.pick(Picker::new(
                        tf(self.lang, "ui-target-for-in", &[&text, &table]),
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
                            tf(
                                self.lang,
                                "ui-target-that-leaves-vpc-starts-with",
                                &[&format!("{text:?}")],
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
                            "ui-is-not-whole-number-of-hours",
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
                    tf(self.lang, "ui-traffic-set", &[&format!("{hours} h/month")]),
                ));
            }
            Purpose::FlowGb { .. } | Purpose::DefaultGb => {
                let Ok(gb) = text.parse::<f64>() else {
                    self.status = Some((
                        StatusKind::Error,
                        tf(self.lang, "ui-is-not-number-of-gb", &[&format!("{text:?}")]),
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
                        crate::explain::msg(
                            self.lang,
                            "cost-traffic-flow",
                            crate::explain::args()
                                .s("instance", instance.as_str())
                                .s("service", service.as_str())
                                .s("gb", gb.to_string()),
                        )
                    }
                    _ => {
                        self.cost_inputs.default_gb_per_flow = gb;
                        crate::explain::msg(
                            self.lang,
                            "cost-traffic-default",
                            crate::explain::args().s("gb", gb.to_string()),
                        )
                    }
                };
                let cost = self.estimate_cost();
                self.cost_changes = crate::cost::diff(&self.cost, &cost);
                self.cost = cost;
                let mut parts = vec![tf(self.lang, "ui-traffic-set", &[&what])];
                if let Some(first) = self.cost_changes.first() {
                    parts.push(crate::explain::cost_change(self.lang, first));
                }
                let line = crate::i18n::sentences(self.lang, &parts);
                self.status = Some((StatusKind::Info, line));
            }
            // A malformed policy is refused with validation's rule, like any edit.
            Purpose::EndpointPolicyJson { endpoint } if !text.is_empty() => {
                self.apply(Edit::SetEndpointPolicy {
                    endpoint,
                    policy: Some(crate::model::Policy::json(text)),
                })
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
        let query = Query::parse(&self.model, &source.query, &text, false)
            .with_probe(self.probe)
            .with_family(self.family)
            .with_request(self.request.clone());
        if let Err(e) = evaluate(&self.model, &self.model.scenario().what_if, &query) {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "ui-to-2",
                    &[&text, &crate::explain::query_error(self.lang, &e)],
                ),
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

    pub(super) fn route_edit(
        &mut self,
        table: String,
        destination: &str,
        target: Result<Target, String>,
        replace: bool,
    ) {
        // An IPv6 destination is an IPv6 route: the table's own list, apart from the IPv4 one.
        if let Ok(v6) = destination.parse::<ipnet::Ipv6Net>() {
            match target {
                Ok(target) => {
                    let route = crate::model::Ipv6Route {
                        destination: v6,
                        target,
                    };
                    self.apply(if replace {
                        Edit::ReplaceIpv6Route {
                            route_table: table,
                            route,
                            position: None,
                        }
                    } else {
                        Edit::AddIpv6Route {
                            route_table: table,
                            route,
                            position: None,
                        }
                    })
                }
                Err(e) => self.status = Some((StatusKind::Error, e)),
            }
            return;
        }
        let (destination, target) = match (parse_destination(self.lang, destination), target) {
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
}

/// Ids joined with the language's separator, or the word for none.
pub(super) fn list(lang: Lang, items: &[String]) -> String {
    if items.is_empty() {
        t(lang, "ui-none").into()
    } else {
        crate::explain::join(lang, items)
    }
}

/// `0.0.0.0/0` or `pl-s3`; the error says what may be typed, in `lang`.
pub(in crate::app) fn parse_destination(lang: Lang, text: &str) -> Result<Destination, String> {
    if let Some(name) = text.strip_prefix("pl-") {
        if name.is_empty() {
            return Err(t(lang, "ui-prefix-list-destination-names-service-pl").into());
        }
        return Ok(Destination::PrefixList(name.to_string()));
    }
    text.parse::<ipnet::Ipv4Net>()
        .map(Destination::Cidr)
        .map_err(|_| tf(lang, "ui-is-neither-cidr-10-1-0", &[&format!("{text:?}")]))
}

/// A target picker's value (`igw:igw-1`, `local`) as the target; the error is in `lang`.
pub(in crate::app) fn target_from_value(lang: Lang, v: &str) -> Result<Target, String> {
    let target = match v.split_once(':') {
        Some(("igw", id)) => Target::InternetGateway(id.into()),
        Some(("eigw", id)) => Target::EgressOnlyInternetGateway(id.into()),
        Some(("nat", id)) => Target::NatGateway(id.into()),
        Some(("gwlbe", id)) => Target::GatewayLoadBalancerEndpoint(id.into()),
        Some(("eni", id)) => Target::NetworkInterface(id.into()),
        _ if v == "local" => Target::Local,
        _ if v == "blackhole" => Target::Blackhole,
        _ => return Err(tf(lang, "ui-unknown-target", &[v])),
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
