//! Key-script tests: real key events through the keymap into `update`, asserting on the state
//! the UI would draw.

use std::path::Path;

use super::*;
use crate::app::script::press;
use crate::i18n::Lang;
use crate::model::load_file;

pub(crate) fn open(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    let model = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    App::new(model, Some(path), name.into())
}

fn verdict(app: &App) -> String {
    match &app.trace {
        Ok(t) => verdict_words(&t.verdict),
        Err(e) => format!("error: {e}"),
    }
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.1.clone()).unwrap_or_default()
}

#[test]
fn opens_on_the_first_instance_to_s3() {
    let app = open("private-only");
    assert_eq!(app.path_label(), "app-a → s3");
    assert_eq!(verdict(&app), "reachable via gateway_endpoint");
    assert_eq!(app.matrix_cursor(), Some((0, 0)));
}

#[test]
fn failing_the_only_endpoint_az_blocks_the_other_az_then_undo_redo_and_reset() {
    let mut app = open("interface-single-az");
    // Topology: down twice to app-c; pick the target ssm through the filter.
    press(&mut app, "jjt/ssm<Enter>");
    assert_eq!(app.path_label(), "app-c → ssm");
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    press(&mut app, "1");
    assert_eq!(verdict(&app), "blocked (endpoint_enis_all_failed)");
    assert!(app.is_dirty());
    let s = status(&app);
    assert!(s.contains("fail AZ us-east-1a"), "{s}");
    assert!(
        s.contains(
            "app-c → ssm: reachable via interface_endpoint → blocked (endpoint_enis_all_failed)"
        ),
        "{s}"
    );
    let flips = app.change.as_ref().unwrap().flips.len();
    assert!(
        flips > 0 && s.contains(&format!("{flips} matrix cells flipped")),
        "{s}"
    );
    press(&mut app, "c");
    assert!(matches!(app.overlay, Some(Overlay::Flips { .. })));
    press(&mut app, "<Esc>u");
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    assert!(!app.is_dirty());
    press(&mut app, "<C-r>");
    assert_eq!(verdict(&app), "blocked (endpoint_enis_all_failed)");
    press(&mut app, "2r");
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    assert!(app.model.scenario().what_if.failed_azs.is_empty());
    assert!(!app.is_dirty());
    assert_eq!(app.can_redo(), 2);
}

#[test]
fn attaching_the_gateway_endpoint_to_the_private_table_fixes_s3() {
    let mut app = open("gateway-public-rt");
    press(&mut app, "s/app-a<Enter>");
    assert_eq!(app.path_label(), "app-a → s3");
    assert_eq!(verdict(&app), "blocked (no_route)");
    press(
        &mut app,
        "e/attach or detach<Enter><Enter>/rtb-private<Enter>",
    );
    assert_eq!(verdict(&app), "reachable via gateway_endpoint");
    assert!(
        app.model.scenario().gateway_endpoints[0]
            .route_tables
            .contains(&"rtb-private".to_string())
    );
    assert!(status(&app).contains("blocked (no_route) → reachable via gateway_endpoint"));
}

#[test]
fn a_second_endpoint_subnet_in_one_az_is_refused_with_the_rule() {
    let mut app = open("private-only");
    let before = app.model.scenario().clone();
    press(
        &mut app,
        "e/add or remove an interface<Enter>/vpce-ssm<Enter>",
    );
    // Every subnet of private-only already has an ENI: choosing one removes it (allowed).
    press(&mut app, "/private-b<Enter>");
    assert!(status(&app).contains("remove"), "{}", status(&app));
    press(&mut app, "u");
    assert_eq!(app.model.scenario(), &before);
    // gateway-public-rt has two subnets in us-east-1a: an endpoint in one of them cannot
    // take the other.
    let mut app = open("gateway-public-rt");
    press(
        &mut app,
        "e/create an interface<Enter>/ssm<Enter>/subnet-public-a<Enter>",
    );
    assert_eq!(
        app.model.scenario().interface_endpoints.len(),
        1,
        "{}",
        status(&app)
    );
    let before = app.model.scenario().clone();
    press(
        &mut app,
        "e/add or remove an interface<Enter>/vpce-ssm<Enter>/subnet-private-a<Enter>",
    );
    let (kind, msg) = app.status.clone().unwrap();
    assert_eq!(kind, StatusKind::Error, "{msg}");
    assert!(msg.starts_with("Refused:"), "{msg}");
    assert!(msg.contains("us-east-1a"), "{msg}");
    assert_eq!(app.model.scenario(), &before);
    assert_eq!(app.can_undo(), 1);
}

#[test]
fn quitting_with_unsaved_edits_asks_first() {
    let mut app = open("private-only");
    press(&mut app, "1q");
    assert_eq!(app.overlay, Some(Overlay::ConfirmQuit));
    assert!(!app.quit);
    press(&mut app, "<Esc>");
    assert!(app.overlay.is_none() && !app.quit);
    press(&mut app, "qn");
    assert!(app.quit);
    // Without edits, q quits at once.
    let mut app = open("private-only");
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn save_as_writes_a_file_that_loads_again() {
    let dir = std::env::temp_dir().join(format!("vpc-tui-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("edited.ron");
    let mut app = open("private-only");
    press(&mut app, "e/enableDnsHostnames<Enter><Enter>");
    assert!(!app.model.scenario().vpc.enable_dns_hostnames);
    press(&mut app, "W");
    // The input starts with the current path: clear it, then type the new one.
    for _ in 0..400 {
        press(&mut app, "<Bksp>");
    }
    press(&mut app, &format!("{}<Enter>", target.display()));
    assert!(!app.is_dirty(), "{}", status(&app));
    let saved = load_file(&target).unwrap();
    assert_eq!(saved.scenario(), app.model.scenario());
    // Quitting now needs no question.
    press(&mut app, "q");
    assert!(app.quit);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_typed_destination_becomes_a_target() {
    let mut app = open("nat-single-az");
    press(&mut app, "t/type a dest<Enter>8.8.8.8<Enter>");
    assert_eq!(app.selected_target().unwrap().query, "8.8.8.8");
    assert!(app.trace.is_ok());
    // Something the engine cannot read is refused in the status line.
    press(&mut app, "t/type a dest<Enter>nonsense<Enter>");
    assert_eq!(app.status.as_ref().unwrap().0, StatusKind::Error);
    assert_eq!(app.selected_target().unwrap().query, "8.8.8.8");
}

#[test]
fn matrix_arrows_select_the_path() {
    let mut app = open("private-only");
    press(&mut app, "<Tab><Tab><Tab>");
    assert_eq!(app.tab, Tab::Matrix);
    press(&mut app, "jl");
    assert_eq!(app.matrix_cursor(), Some((1, 1)));
    assert_eq!(app.path_label(), "app-b → dynamodb");
    app.update(Msg::SelectCell { row: 2, col: 2 });
    assert_eq!(app.path_label(), "app-c → ssm");
}

#[test]
fn every_edit_menu_entry_opens_a_flow_or_applies() {
    for name in ["private-only", "gwlb-inspection", "nat-single-az"] {
        let app = open(name);
        let Overlay::Picker(menu) = ({
            let mut a = app.clone();
            a.update(Msg::EditMenu);
            a.overlay.unwrap()
        }) else {
            panic!("no menu")
        };
        for i in 0..menu.items.len() {
            let mut a = app.clone();
            a.update(Msg::EditMenu);
            a.update(Msg::PickAt(i));
            // Walk every flow to its end by always choosing the first item and typing a value
            // where one is asked; it must end in an applied edit or a shown refusal.
            for _ in 0..6 {
                match &a.overlay {
                    Some(Overlay::Picker(_)) => a.update(Msg::Enter),
                    Some(Overlay::Input(input)) => {
                        let text = if input.prompt.starts_with("Destination") {
                            "192.0.2.0/24"
                        } else if input.prompt.contains("GB") || input.prompt.starts_with("Hours") {
                            "250"
                        } else {
                            "pcx-1"
                        };
                        for c in text.chars() {
                            a.update(Msg::Char(c));
                        }
                        a.update(Msg::Enter);
                    }
                    _ => break,
                }
            }
            assert!(
                a.overlay.is_none(),
                "{name}: menu item {i} left {:?}",
                a.overlay
            );
            assert!(a.status.is_some(), "{name}: menu item {i} said nothing");
        }
    }
}

/// The README's walk-through, key for key.
#[test]
fn readme_walk_through() {
    let mut app = open("interface-single-az");
    press(&mut app, "jjt/ssm<Enter>");
    let t = app.trace.as_ref().unwrap();
    assert_eq!(
        crate::report::verdict_line(&t.verdict),
        "REACHABLE via interface_endpoint (cross-AZ: always)"
    );
    press(&mut app, "1");
    assert_eq!(verdict(&app), "blocked (endpoint_enis_all_failed)");
    press(
        &mut app,
        "e/add or remove an interface<Enter>/vpce-ssm<Enter>/subnet-private-c<Enter>",
    );
    let t = app.trace.as_ref().unwrap();
    assert_eq!(
        crate::report::verdict_line(&t.verdict),
        "REACHABLE via interface_endpoint (cross-AZ: never)"
    );
    press(&mut app, "uu");
    assert!(!app.is_dirty());
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn lesson_predict_then_reveal_and_step_back_restores_the_state() {
    let mut app = open("no-endpoint");
    let loaded = app.model.scenario().clone();
    press(&mut app, "n");
    assert_eq!(app.lesson.as_ref().unwrap().step, 0);
    assert!(app.verdict_hidden());
    press(&mut app, "a");
    assert!(
        matches!(app.overlay, Some(Overlay::Picker(_))),
        "{:?}",
        app.overlay
    );
    // Predict "not reachable": right, it is blocked.
    press(&mut app, "j<Enter>");
    assert!(!app.verdict_hidden());
    assert_eq!(app.lesson.as_ref().unwrap().score(), (1, 1));
    assert!(status(&app).starts_with("Right!"), "{}", status(&app));
    // Walk to the end and back: the model is the one loaded again.
    for _ in 0..20 {
        press(&mut app, "n");
    }
    let last = app.lesson.as_ref().unwrap().stages.len() - 1;
    assert_eq!(app.lesson.as_ref().unwrap().step, last);
    assert_ne!(app.model.scenario(), &loaded);
    for _ in 0..20 {
        press(&mut app, "p");
    }
    assert_eq!(app.lesson.as_ref().unwrap().step, 0);
    assert_eq!(app.model.scenario(), &loaded);
    // Score reset and quiz off.
    press(&mut app, "AQ");
    assert_eq!(app.lesson.as_ref().unwrap().score(), (0, 0));
    assert!(!app.verdict_hidden());
}

/// Every lesson in scenarios/: walked to its end and back with n / p, the model is the file's.
#[test]
fn every_lesson_walks_to_the_end_and_back() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut walked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let model = load_file(&path).unwrap();
        let Some(lesson) = model.scenario().lesson.clone() else {
            continue;
        };
        walked += 1;
        let loaded = model.scenario().clone();
        let mut app = App::new(model, Some(path.clone()), String::new());
        for i in 0..lesson.steps.len() {
            press(&mut app, "n");
            assert_eq!(app.lesson.as_ref().unwrap().step, i, "{}", path.display());
            let step = &lesson.steps[i];
            assert!(app.trace.is_ok(), "{}: step {}", path.display(), i + 1);
            let s = app.selected_source().unwrap();
            let inst = app
                .model
                .scenario()
                .instances
                .iter()
                .find(|x| x.id == s.query);
            assert!(
                s.query == step.from || inst.is_some_and(|x| x.name.as_deref() == Some(&step.from)),
                "{}: step {} selects {} not {}",
                path.display(),
                i + 1,
                s.query,
                step.from
            );
        }
        for _ in 0..lesson.steps.len() {
            press(&mut app, "p");
        }
        assert_eq!(app.model.scenario(), &loaded, "{}", path.display());
    }
    assert!(walked > 0);
}

#[test]
fn ctrl_f_and_ctrl_b_page_the_path_panel() {
    let mut app = open("private-only");
    app.size = (80, 24);
    press(&mut app, "<C-f>");
    let page = app.path_scroll;
    assert!(page > 1, "a page is more than a line: {page}");
    press(&mut app, "<C-f>");
    assert_eq!(app.path_scroll, 2 * page);
    press(&mut app, "<C-b>");
    assert_eq!(app.path_scroll, page);
}

/// Issue 16 point 3: at an open question, failing an AZ says what changed but no verdict, and
/// the flipped-cells list waits for the answer.
#[test]
fn an_open_question_leaks_no_verdict_through_status_or_flips() {
    let mut app = open("no-endpoint");
    app.start_lesson(4);
    assert!(app.verdict_hidden());
    press(&mut app, "1");
    let s = status(&app);
    assert!(s.contains("fail AZ us-east-1a"), "{s}");
    for word in ["reachable", "blocked", "unavailable", "→"] {
        assert!(!s.contains(word), "{word:?} in {s}");
    }
    press(&mut app, "c");
    assert!(app.overlay.is_none(), "{:?}", app.overlay);
    assert!(status(&app).contains("Answer the question first"));
    // Answered, the list opens.
    press(&mut app, "a<Enter>");
    assert!(!app.verdict_hidden());
    press(&mut app, "c");
    assert!(
        matches!(app.overlay, Some(Overlay::Flips { .. })),
        "{:?}",
        app.overlay
    );
}

/// Issue 16 point 7: the mouse wheel scrolls the panel under the pointer, not the focused one.
#[test]
fn the_mouse_wheel_scrolls_the_panel_under_the_pointer() {
    let mut app = open("no-endpoint");
    app.update(Msg::Resize(80, 24));
    app.start_lesson(3);
    let areas = crate::ui::layout(&app, ratatui::layout::Rect::new(0, 0, 80, 24));
    let n = areas.narration.unwrap();
    app.update(Msg::WheelDown(n.x + 2, n.y + 2));
    assert!(app.narration_scroll > 0);
    assert_eq!(app.path_scroll, 0);
    app.update(Msg::WheelDown(areas.path.x + 2, areas.path.y + 2));
    assert!(app.path_scroll > 0);
    let (tab, topo) = areas.panels[0];
    assert_eq!(tab, Tab::Topology);
    assert!(app.topo_follow);
    app.update(Msg::WheelUp(topo.x + 2, topo.y + 2));
    assert!(!app.topo_follow, "scrolling by hand stops following");
    app.update(Msg::WheelUp(n.x + 2, n.y + 2));
    assert_eq!(app.narration_scroll, 0);
    // Over an open list the wheel moves the list.
    press(&mut app, "e");
    app.update(Msg::WheelDown(0, 0));
    match &app.overlay {
        Some(Overlay::Picker(p)) => assert_eq!(p.selected, 1),
        other => panic!("{other:?}"),
    }
}

/// The words for an edit follow the app's language: the status line says it in Japanese, and
/// the flipped-cells list says it in whatever language is chosen when it is shown.
#[test]
fn edits_are_said_in_the_apps_language() {
    let mut app = open("interface-single-az");
    app.set_lang(crate::explain::Lang::Ja);
    press(&mut app, "1");
    let s = status(&app);
    assert!(s.starts_with("AZ us-east-1a を障害状態にする"), "{s}");
    let what = &app.change.as_ref().unwrap().what;
    assert_eq!(what.text(crate::explain::Lang::En), "fail AZ us-east-1a");
    press(&mut app, "u");
    assert!(
        status(&app).starts_with("元に戻す: AZ us-east-1a を障害状態にする"),
        "{}",
        status(&app)
    );
}

/// Issue 16 point 8: the `c` list puts the paths a healthy source lost or gained first and the
/// failed AZ's own instances last, and a workload cell of a source in a failed AZ is the same
/// `unavailable (source_az_failed)` the path panel and `check` say.
#[test]
fn flips_list_healthy_sources_first_with_the_matrix_verdict() {
    let mut app = open("workloads");
    press(&mut app, "1");
    let flips = &app.change.as_ref().unwrap().flips;
    let worker_a = app.matrix.instances.iter().position(|i| i == "i-worker-a");
    let first_failed = flips.iter().position(|f| Some(f.row) == worker_a).unwrap();
    assert!(first_failed > 0, "{flips:?}");
    assert!(
        flips[first_failed..]
            .iter()
            .all(|f| Some(f.row) == worker_a)
    );
    // The first is the one that lost its path (logs has no ENI left).
    assert!(!flips[0].after.is_reachable() && flips[0].before.is_reachable());
    let workload = app.matrix.services.len();
    let cell = &app.matrix.cells[worker_a.unwrap()][workload].verdict;
    assert_eq!(verdict_words(cell), "unavailable (source_az_failed)");
}

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
    let dns = Probe {
        protocol: Protocol::Udp,
        port: 53,
    };
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

/// Choose `value` in the picker on screen (as arrows and Enter would).
fn choose_value(app: &mut App, value: &str) {
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

/// The Block Public Access flow: a mode is set, an exclusion added with its mode and deleted,
/// each undone with `u`; the path it decides follows.
#[test]
fn block_public_access_is_set_from_the_edit_menu_and_undone() {
    use crate::model::{BpaMode, ExclusionMode, ExclusionScope};
    let mut app = open("block-public-access");
    let bpa = |app: &App| app.model.scenario().block_public_access.clone();
    let before = bpa(&app);
    press(&mut app, "e");
    choose_value(&mut app, "bpa");
    choose_value(&mut app, "mode:off");
    assert_eq!(bpa(&app).mode, BpaMode::Off);
    press(&mut app, "u");
    assert_eq!(bpa(&app), before);
    // app-a's NAT gateway's subnet: no exclusion yet, so its mode is asked.
    press(&mut app, "e");
    choose_value(&mut app, "bpa");
    choose_value(&mut app, "subnet:subnet-nat-a");
    choose_value(&mut app, "allow-egress");
    let scope = ExclusionScope::Subnet("subnet-nat-a".into());
    let x = bpa(&app).exclusion(&scope).expect("excluded");
    assert_eq!(bpa(&app).exclusions[x].mode, ExclusionMode::AllowEgress);
    // The existing exclusion of nat-b's subnet is deleted in one step.
    press(&mut app, "e");
    choose_value(&mut app, "bpa");
    choose_value(&mut app, "subnet:subnet-nat-b");
    assert!(
        bpa(&app)
            .exclusion(&ExclusionScope::Subnet("subnet-nat-b".into()))
            .is_none()
    );
    press(&mut app, "u");
    press(&mut app, "u");
    assert_eq!(bpa(&app), before);
}

/// The DNS flow: a zone, a Resolver rule and the DHCP options are taken away from the VPC, each
/// undone with `u`; the path they decide follows.
#[test]
fn dns_settings_are_taken_away_from_the_edit_menu_and_undone() {
    let mut app = open("dns-hosted-zones");
    let before = app.model.scenario().clone();
    press(&mut app, "e");
    choose_value(&mut app, "dns");
    choose_value(&mut app, "zone:Z0SQS");
    assert!(
        !app.model
            .scenario()
            .private_hosted_zones
            .iter()
            .any(|z| z.id == "Z0SQS")
    );
    press(&mut app, "e");
    choose_value(&mut app, "dns");
    choose_value(&mut app, "rule:rslvr-rr-kms-onprem");
    assert!(app.model.scenario().resolver_rules.is_empty());
    press(&mut app, "u");
    press(&mut app, "u");
    assert_eq!(app.model.scenario(), &before);
    let mut app = open("dns-dhcp-custom");
    press(&mut app, "e");
    choose_value(&mut app, "dns");
    choose_value(&mut app, "dhcp");
    assert!(app.model.scenario().dhcp_options.is_none());
    // A scenario without DNS settings has no such menu item.
    let app = open("private-dns-off");
    assert!(
        !super::flows::edit_menu(&app)
            .items
            .iter()
            .any(|i| i.value == "dns")
    );
}
