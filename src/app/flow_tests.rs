//! Key-script tests of the edit menu's flows (toggles, choosers, policies, VPC Lattice
//! endpoints), the pickers in Japanese and the matrix's traffic: real key events through the
//! keymap into `update`, asserting on the state the UI would draw. The network flows (Block
//! Public Access, DNS, IPv6 routes, security) are in `flow_tests_network`.

use super::tests::{open, status, verdict};
use super::*;
use crate::app::script::press;
use crate::i18n::Lang;

/// Issue 16, point 12: each step of an edit flow is titled with the action, and a toggle shows
/// what it is now before it applies (Enter on the change) or not (Cancel).
#[test]
fn toggles_confirm_with_the_current_value_and_steps_carry_the_action() {
    let mut app = open("private-only");
    press(&mut app, "e/enableDnsHostnames<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no confirm step: {:?}", app.overlay);
    };
    assert_eq!(p.purpose, Purpose::Confirm);
    assert_eq!(
        p.heading(Lang::En),
        "Toggle enableDnsHostnames › Apply this change?"
    );
    assert_eq!(p.items[0].detail, "now: enableDnsHostnames on");
    assert!(
        app.model.scenario().vpc.enable_dns_hostnames,
        "not yet applied"
    );
    // Cancel: nothing changes.
    press(&mut app, "j<Enter>");
    assert!(app.overlay.is_none());
    assert!(app.model.scenario().vpc.enable_dns_hostnames);
    // The private DNS flow: the endpoint step is titled with the action, then the toggle
    // says the current value, in Japanese too.
    let mut app = open("private-only");
    app.lang = Lang::Ja;
    press(&mut app, "e");
    let Some(Overlay::Picker(menu)) = &app.overlay else {
        panic!("no menu");
    };
    let k = menu
        .items
        .iter()
        .position(|i| i.value == "ife-dns")
        .unwrap();
    app.overlay = Some(Overlay::Picker(Picker {
        selected: k,
        ..menu.clone()
    }));
    press(&mut app, "<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no endpoint step");
    };
    let heading = p.heading(Lang::Ja);
    assert!(
        heading.contains("プライベート DNS") && heading.contains(" › "),
        "{heading}"
    );
    press(&mut app, "<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no confirm step");
    };
    assert_eq!(p.items[1].label, "キャンセル");
    assert!(
        p.items[0].detail.starts_with("現在: プライベート DNSは"),
        "{}",
        p.items[0].detail
    );
    let before = app.model.scenario().interface_endpoints[0].private_dns;
    press(&mut app, "<Enter>");
    assert_ne!(
        app.model.scenario().interface_endpoints[0].private_dns,
        before
    );
    press(&mut app, "u");
    assert_eq!(
        app.model.scenario().interface_endpoints[0].private_dns,
        before
    );
}

/// The route-table chooser says "main route table" once, not `main · main`.
#[test]
fn the_table_chooser_says_main_once() {
    let mut app = open("private-only");
    press(&mut app, "e/main table<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no table step");
    };
    for it in &p.items {
        assert!(
            !it.detail.contains("main · main"),
            "{}: {}",
            it.label,
            it.detail
        );
    }
    assert!(
        p.items
            .iter()
            .any(|i| i.detail.ends_with("main route table"))
    );
}

/// The endpoint policy flow: pick the endpoint, then full access or AWS's default; undo puts
/// the policy back.
#[test]
fn an_endpoint_policy_is_set_from_the_edit_menu_and_undone() {
    let mut app = open("endpoint-policies");
    press(&mut app, "e");
    let Some(Overlay::Picker(menu)) = &app.overlay else {
        panic!("no menu");
    };
    let k = menu
        .items
        .iter()
        .position(|i| i.value == "endpoint-policy")
        .unwrap();
    app.overlay = Some(Overlay::Picker(Picker {
        selected: k,
        ..menu.clone()
    }));
    press(&mut app, "<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no endpoint step");
    };
    assert_eq!(p.items[0].value, "vpce-s3-logs");
    assert!(
        p.items[0].detail.contains("its own"),
        "{}",
        p.items[0].detail
    );
    press(&mut app, "<Enter>");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no choice step");
    };
    assert_eq!(p.items[0].value, "full");
    let before = app.model.scenario().gateway_endpoints[0].policy.clone();
    press(&mut app, "<Enter>");
    assert_eq!(
        app.model.scenario().gateway_endpoints[0].policy,
        Some(crate::model::Policy::full_access())
    );
    press(&mut app, "u");
    assert_eq!(app.model.scenario().gateway_endpoints[0].policy, before);
    // A typed policy: a malformed one is refused with validation's rule, a valid one applies.
    let typed = |app: &mut App, json: &str| {
        app.start_flow("endpoint-policy");
        press(app, "<Enter>jj<Enter>");
        let Some(Overlay::Input(input)) = &mut app.overlay else {
            panic!("no input step");
        };
        input.text = json.into();
        press(app, "<Enter>");
    };
    typed(&mut app, r#"{"Statement":[{"Effect":"Allow"}]}"#);
    assert!(status(&app).contains("vpce-s3-logs"), "{}", status(&app));
    assert_eq!(app.model.scenario().gateway_endpoints[0].policy, before);
    let deny = r#"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}"#;
    typed(&mut app, deny);
    assert_eq!(
        app.model.scenario().gateway_endpoints[0].policy,
        Some(crate::model::Policy::json(deny))
    );
    assert!(
        verdict(&app).contains("endpoint_policy_denied"),
        "{}",
        verdict(&app)
    );
}

/// English prose: three or more lowercase English words in a row (the detector of
/// tests/japanese_traces.rs).
fn english_run(text: &str) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for token in text.split(|c: char| c.is_whitespace() || ",;:()[]→`".contains(c)) {
        let word = token.trim_matches(|c: char| ".'\"".contains(c));
        if word.len() > 1 && word.chars().all(|c| c.is_ascii_lowercase()) {
            run.push(word);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else if !word.is_empty() {
            run.clear();
        }
    }
    None
}

/// What an open picker or input shows: its heading, each item's label and detail, or the
/// prompt and hint.
fn overlay_texts(app: &App) -> Vec<String> {
    match &app.overlay {
        Some(Overlay::Picker(p)) => std::iter::once(p.heading(app.lang))
            .chain(
                p.items
                    .iter()
                    .flat_map(|i| [i.label.clone(), i.detail.clone()]),
            )
            .collect(),
        Some(Overlay::Input(i)) => vec![i.prompt.clone(), i.hint.clone()],
        _ => Vec::new(),
    }
}

/// Issue 13, point 3: the first step of every edit flow, the source, target and prediction
/// pickers and a typed destination that is wrong read in Japanese; nothing is English text
/// looked up to find its message.
#[test]
fn pickers_and_flows_read_in_japanese() {
    let mut app = open("private-only");
    app.set_lang(Lang::Ja);
    let mut seen = 0;
    let mut check = |app: &App, what: &str| {
        for text in overlay_texts(app) {
            seen += 1;
            assert!(english_run(&text).is_none(), "{what}: {text}");
        }
    };
    for scenario in ["private-only", "gwlb-inspection", "security-layers"] {
        let mut app = open(scenario);
        app.set_lang(Lang::Ja);
        for item in flows::edit_menu(&app).items {
            app.overlay = None;
            app.status = None;
            app.start_flow(&item.value);
            check(&app, &item.value);
            // A flow that cannot start says why on the status line.
            if let Some((_, said)) = &app.status {
                assert!(english_run(said).is_none(), "{}: {said}", item.value);
            }
        }
    }
    app.overlay = Some(Overlay::Picker(flows::source_picker(&app)));
    check(&app, "source");
    app.overlay = Some(Overlay::Picker(flows::target_picker(&app)));
    check(&app, "target");
    app.overlay = Some(Overlay::Picker(flows::answer_picker(app.lang)));
    check(&app, "answer");
    assert!(seen > 60, "{seen}");
    // A subnet as the source stands for any instance in it, in the language.
    let subnet = app
        .sources
        .iter()
        .find(|s| matches!(s.kind, SourceKind::Subnet(_)))
        .unwrap();
    assert!(
        subnet.shown(Lang::Ja).ends_with(" (任意のインスタンス)"),
        "{}",
        subnet.shown(Lang::Ja)
    );
    assert!(subnet.shown(Lang::En).ends_with(" (any instance)"));
    // A destination that is neither a CIDR nor a prefix list.
    for bad in ["pl-", "nowhere"] {
        let e = flows::parse_destination(Lang::Ja, bad).unwrap_err();
        assert!(english_run(&e).is_none(), "{e}");
    }
    let e = flows::target_from_value(Lang::Ja, "carrier:cagw-1").unwrap_err();
    assert!(english_run(&e).is_none(), "{e}");
}

#[test]
fn the_matrix_asks_about_the_traffic_the_path_asks_about() {
    use crate::eval::{Probe, Query, evaluate};
    use crate::model::Protocol;
    let mut app = open("security-layers");
    let dns = Probe::chosen(Protocol::Udp, 53);
    let before = app.matrix.clone();
    app.set_probe(dns);
    assert_eq!(app.matrix.probe, dns);
    assert_ne!(
        app.matrix.cells, before.cells,
        "udp/53 is refused where tcp/443 is allowed in this scenario"
    );
    // Every cell says what a trace for that traffic says.
    let what_if = app.model.scenario().what_if.clone();
    for (row, inst) in app.matrix.instances.iter().enumerate() {
        for (col, svc) in app.matrix.services.iter().enumerate() {
            let q = Query::parse(&app.model, inst, svc, false).with_probe(dns);
            let t = evaluate(&app.model, &what_if, &q).expect("a trace");
            assert_eq!(
                app.matrix.cells[row][col].verdict, t.verdict,
                "{inst} → {svc}"
            );
        }
    }
    // An edit keeps the traffic; a lesson step or the default puts TCP 443 back.
    app.set_probe(Probe::default());
    assert_eq!(app.matrix.cells, before.cells);
}

/// Issue 20: the default traffic lets a VPC Lattice resource be asked on its own port (orders-db
/// offers TCP 5432 only), and the explorer's matrix, the path, `check --matrix` (tests/cli_matrix)
/// and the cost estimate agree; traffic typed in the explorer is asked as typed.
#[test]
fn a_lattice_resource_is_asked_on_its_own_port_in_the_matrix_the_path_and_the_cost() {
    use crate::eval::{Probe, Via};
    let mut app = open("resource-endpoint");
    let col = app.matrix.services.iter().position(|s| s == "orders-db");
    let col = col.expect("orders-db column");
    for row in 0..app.matrix.instances.len() {
        assert!(
            matches!(
                app.matrix.cells[row][col].verdict,
                crate::eval::Verdict::Reachable {
                    via: Via::ResourceEndpoint,
                    ..
                }
            ),
            "{:?}",
            app.matrix.cells[row][col]
        );
        let inst = &app.matrix.instances[row];
        let flow = app.cost.flows.get(inst, "orders-db").expect("a flow");
        let way = crate::explain::cost_way(Lang::En, &flow.way);
        assert!(way.contains("via resource endpoint"), "{inst}: {way}");
    }
    // Typed traffic is chosen: tcp/443 is refused by the resource configuration.
    press(&mut app, "t/traffic<Enter><C-u>tcp/443<Enter>");
    assert!(app.probe.chosen);
    assert!(!app.matrix.cells[0][col].verdict.is_reachable());
    // `default` gives the choice back to the target.
    press(&mut app, "t/traffic<Enter><C-u>default<Enter>");
    assert_eq!(app.probe, Probe::default());
    assert!(app.matrix.cells[0][col].verdict.is_reachable());
}

/// Issue 20: the edit menu offers resource and service-network endpoints by their kind: delete
/// one, or take one of its subnets (an AZ) away; each is undone by `u`, in both languages.
#[test]
fn the_edit_menu_deletes_a_lattice_endpoint_and_changes_its_subnets() {
    let mut app = open("resource-endpoint");
    let col = app.matrix.services.iter().position(|s| s == "orders-db");
    let col = col.expect("orders-db column");
    let reachable = |app: &App| app.matrix.cells[0][col].verdict.is_reachable();
    let subnets = |app: &App| -> Vec<String> {
        let s = app.model.scenario();
        let e = s
            .interface_endpoints
            .iter()
            .find(|e| e.id == "vpce-res-orders");
        e.map(|e| e.subnets.iter().map(|x| x.subnet.clone()).collect())
            .unwrap_or_default()
    };
    assert!(reachable(&app));
    press(&mut app, "e");
    choose_value(&mut app, "lat-delete");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no endpoint picker: {:?}", app.overlay);
    };
    let values: Vec<&str> = p.items.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(values, ["vpce-res-orders", "vpce-res-reports"]);
    assert!(
        p.items[0]
            .detail
            .starts_with("resource endpoint · orders-db")
    );
    choose_value(&mut app, "vpce-res-orders");
    assert!(subnets(&app).is_empty(), "deleted");
    assert!(!reachable(&app));
    press(&mut app, "u");
    assert_eq!(subnets(&app), ["subnet-endpoints-a", "subnet-endpoints-b"]);
    assert!(reachable(&app));
    // Its AZs: us-east-1b's subnet taken away, then put back by undo.
    press(&mut app, "e");
    choose_value(&mut app, "lat-subnet");
    choose_value(&mut app, "vpce-res-orders");
    choose_value(&mut app, "subnet-endpoints-b");
    assert_eq!(subnets(&app), ["subnet-endpoints-a"]);
    press(&mut app, "u");
    assert_eq!(subnets(&app), ["subnet-endpoints-a", "subnet-endpoints-b"]);
    // Japanese names the kind too.
    app.lang = Lang::Ja;
    press(&mut app, "e");
    choose_value(&mut app, "lat-delete");
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no endpoint picker");
    };
    assert!(
        p.items[0].detail.starts_with("リソースエンドポイント"),
        "{}",
        p.items[0].detail
    );
}

/// Choose `value` in the picker on screen (as arrows and Enter would).
pub(super) fn choose_value(app: &mut App, value: &str) {
    let Some(Overlay::Picker(p)) = &app.overlay else {
        panic!("no picker for {value}");
    };
    let k = p
        .items
        .iter()
        .position(|i| i.value == value)
        .unwrap_or_else(|| panic!("no item {value}"));
    app.overlay = Some(Overlay::Picker(Picker {
        selected: k,
        ..p.clone()
    }));
    press(app, "<Enter>");
}
