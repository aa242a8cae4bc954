//! Pickers and text inputs, and the short flows that build an engine [`Edit`] from them
//! ("add a route": table → destination → target). Each step is a [`Purpose`] carrying what was
//! chosen so far; the last step applies the edit, and the engine decides whether AWS allows it.

use super::{App, Msg, Overlay, StatusKind};
use crate::i18n::{Lang, t, tf};
use crate::model::Edit;

mod bpa;
mod choose;
mod dns;
mod lattice;
mod menu;
mod pickers;
mod request;
mod security;
mod submit;

pub(in crate::app) use request::request_text;

pub(super) use menu::edit_menu;
pub(super) use pickers::{answer_picker, save_as_input, source_picker, target_picker};
pub use security::SecurityStep;
#[cfg(test)]
pub(super) use submit::{parse_destination, target_from_value};

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
    /// The protocol and port the selected path asks about.
    Probe,
    /// The action and resource the selected path asks about, for policies.
    Request,
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
    /// Which endpoint's policy to set, then full access or AWS's default.
    EndpointPolicyEndpoint,
    EndpointPolicyChoice {
        endpoint: String,
    },
    /// A policy document typed as JSON.
    EndpointPolicyJson {
        endpoint: String,
    },
    /// VPC Block Public Access: a mode, or the VPC or a subnet whose exclusion to change.
    BpaChoice,
    /// DNS: a zone or Resolver rule to disassociate, or the DHCP options to reset.
    DnsChoice,
    /// The mode of a new exclusion of `scope` (`vpc` or `subnet:<id>`).
    BpaExclusionMode {
        scope: String,
    },
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
    /// Saving over the file would drop some of its comments: save anyway, save as, or cancel?
    SaveDropsComments {
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
    /// Apply [`App::pending_edit`] ("apply") or not.
    Confirm,
    /// A step of a security group, network ACL or source/destination check edit.
    Security(SecurityStep),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// The step: what to choose.
    pub title: String,
    /// The edit flow's action the step belongs to (see [`App::flow_action`]).
    pub action: Option<String>,
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
            action: None,
            items,
            selected: 0,
            filter: String::new(),
            filtering: false,
            purpose,
        }
    }

    /// The title shown: the flow's action, then the step ("Turn private DNS on or off ›
    /// Interface endpoint").
    pub fn heading(&self, lang: Lang) -> String {
        let step = self.title.as_str();
        match &self.action {
            Some(action) if action != step => tf(lang, "ui-flow-step", &[action, step]),
            _ => step.to_string(),
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

    fn pick(&mut self, mut picker: Picker) {
        if picker.action.is_none() {
            picker.action = self.flow_action.clone();
        }
        if picker.items.is_empty() {
            self.status = Some((
                StatusKind::Error,
                tf(
                    self.lang,
                    "ui-nothing-to-choose-from-in-this",
                    &[&picker.heading(self.lang)],
                ),
            ));
        } else {
            self.overlay = Some(Overlay::Picker(picker));
        }
    }

    /// A toggle's last step: what it is now and what choosing "apply" makes it, or cancel.
    fn confirm(&mut self, edit: Edit, now: String) {
        let lang = self.lang;
        let items = vec![
            item(crate::explain::edit_text(lang, &edit), now, "apply"),
            item(
                t(lang, "ui-cancel"),
                t(lang, "ui-leave-it-as-it-is"),
                "cancel",
            ),
        ];
        self.pending_edit = Some(edit);
        self.pick(Picker::new(
            t(lang, "ui-confirm-change"),
            items,
            Purpose::Confirm,
        ));
    }

    fn ask(&mut self, prompt: &str, hint: &str, purpose: Purpose) {
        self.overlay = Some(Overlay::Input(Input {
            prompt: prompt.into(),
            hint: hint.into(),
            text: String::new(),
            purpose,
        }));
    }
}

/// The traffic a query asks about as the user types it: `tcp/443`, `udp/53`, `icmp`, `all`.
pub(in crate::app) fn probe_text(p: crate::eval::Probe) -> String {
    if p.protocol.has_ports() {
        format!("{}/{}", p.protocol.code(), p.port)
    } else {
        p.protocol.code().to_string()
    }
}

/// Read `tcp/443`, `udp 53`, `tcp` (port 443), `icmp`, `all` (also `-1`, as AWS writes all
/// protocols), each chosen traffic, or `default` (TCP 443 not chosen: a VPC Lattice resource
/// is asked on its own port); none when it is not one of those.
/// `tcp`, `udp`, `icmp`, `all` (or AWS's `-1`), lowercase, as the probe and typed rules take it.
fn parse_protocol(text: &str) -> Option<crate::model::Protocol> {
    use crate::model::Protocol;
    Some(match text {
        "tcp" => Protocol::Tcp,
        "udp" => Protocol::Udp,
        "icmp" => Protocol::Icmp,
        "all" | "-1" => Protocol::All,
        _ => return None,
    })
}

pub(in crate::app) fn parse_probe(text: &str) -> Option<crate::eval::Probe> {
    let text = text.trim().to_ascii_lowercase();
    if text == "default" {
        return Some(crate::eval::Probe::default());
    }
    let (proto, port) = match text.split_once(['/', ' ', ':']) {
        Some((a, b)) => (a.trim().to_string(), Some(b.trim().to_string())),
        None => (text.clone(), None),
    };
    let protocol = parse_protocol(&proto)?;
    let port = match (protocol.has_ports(), port) {
        (true, Some(p)) => p.parse::<u16>().ok().filter(|p| *p > 0)?,
        (true, None) => 443,
        (false, None) => 0,
        (false, Some(_)) => return None,
    };
    Some(crate::eval::Probe::chosen(protocol, port))
}

#[cfg(test)]
mod probe_tests {
    use super::*;
    use crate::model::Protocol;

    #[test]
    fn probes_read_as_typed_and_print_back() {
        for (typed, protocol, port, shown) in [
            ("tcp/443", Protocol::Tcp, 443, "tcp/443"),
            ("UDP 53", Protocol::Udp, 53, "udp/53"),
            ("tcp", Protocol::Tcp, 443, "tcp/443"),
            ("icmp", Protocol::Icmp, 0, "icmp"),
            ("all", Protocol::All, 0, "all"),
            ("-1", Protocol::All, 0, "all"),
        ] {
            let p = parse_probe(typed).expect(typed);
            assert_eq!((p.protocol, p.port), (protocol, port), "{typed}");
            assert_eq!(probe_text(p), shown);
            assert!(p.chosen, "{typed}");
        }
        assert_eq!(
            parse_probe(" Default "),
            Some(crate::eval::Probe::default())
        );
        for bad in ["", "http", "tcp/0", "tcp/70000", "icmp/8", "tcp/x"] {
            assert_eq!(parse_probe(bad), None, "{bad:?}");
        }
    }
}
