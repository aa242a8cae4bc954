//! Key-script tests: real key events through the keymap into `update`, asserting on the state
//! the UI would draw.

use std::path::Path;

use super::*;
use crate::app::script::press;
use crate::model::load_file;

pub(crate) fn open(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    let model = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    App::new(model, Some(path), name.into())
}

pub(super) fn verdict(app: &App) -> String {
    match &app.trace {
        Ok(t) => verdict_words(&t.verdict),
        Err(e) => format!("error: {e}"),
    }
}

pub(super) fn status(app: &App) -> String {
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
    let flips = app.change.as_ref().unwrap().flips.to_vec();
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

#[test]
fn v_cycles_the_ip_version_of_the_path_and_the_matrix() {
    let mut app = open("ipv6-dual-stack");
    // web-a → s3, as every scenario opens.
    assert_eq!(verdict(&app), "reachable via internet_gateway");
    let ipv4 = app.matrix.clone();
    let what_if = app.model.scenario().what_if.clone();
    let asked =
        |family| crate::eval::evaluate_all_family(&app.model, &what_if, Default::default(), family);
    let (ipv6, auto) = (
        asked(crate::eval::Family::Ipv6),
        asked(crate::eval::Family::Auto),
    );
    press(&mut app, "v");
    assert_eq!(app.family, crate::eval::Family::Ipv6);
    // S3's Regional name has no AAAA record.
    assert_eq!(verdict(&app), "blocked (no_aaaa_record)");
    assert!(status(&app).contains("IPv6"), "{}", status(&app));
    assert_eq!(app.matrix, ipv6);
    assert_ne!(app.matrix.cells, ipv4.cells);
    press(&mut app, "v");
    assert_eq!(app.family, crate::eval::Family::Auto);
    assert_eq!(verdict(&app), "reachable via internet_gateway");
    assert_eq!(app.matrix, auto);
    press(&mut app, "v");
    assert_eq!(app.family, crate::eval::Family::Ipv4);
    assert_eq!(app.matrix, ipv4);
}

/// The flips are made in the `c` list's order: what putting the cells that differ, in cell
/// order, in that order gives.
#[test]
fn flips_come_in_the_lists_order() {
    for (name, keys) in [
        ("workloads", "1"),
        ("private-only", "1"),
        ("private-only", "12"),
    ] {
        let mut app = open(name);
        let before = app.matrix.clone();
        press(&mut app, keys);
        let mut want = Vec::new();
        for (row, (a, b)) in before.cells.iter().zip(&app.matrix.cells).enumerate() {
            for (col, (x, y)) in a.iter().zip(b.iter()).enumerate() {
                if x.verdict != y.verdict {
                    want.push(change::Flip {
                        row,
                        col,
                        before: x.verdict.clone(),
                        after: y.verdict.clone(),
                    });
                }
            }
        }
        order_flips(&mut want);
        assert!(!want.is_empty(), "{name} {keys}");
        let flips = history::flips(&before, &app.matrix);
        assert_eq!(flips.to_vec(), want, "{name} {keys}");
        // Each flip is the one at its index, from any start.
        for i in 0..flips.len() {
            assert_eq!(flips.get(i).as_ref(), want.get(i), "{name} {keys} {i}");
            assert_eq!(flips.iter_from(i).next().as_ref(), want.get(i));
        }
        assert_eq!(flips.get(flips.len()), None);
    }
}

/// After an AZ failure in a scenario whose classes' rows are not next to each other (the
/// flips keep each class's pair of rows for its next row), the flips are the cells that differ.
#[test]
fn flips_after_an_az_failure_are_the_cells_that_differ() {
    for (name, az) in [
        ("security-layers", "us-east-1a"),
        ("gateway-main-rt", "us-east-1a"),
    ] {
        let mut app = open(name);
        let before = app.matrix.clone();
        app.apply(crate::model::Edit::FailAz { az: az.into() });
        let rows = app
            .matrix
            .row_classes()
            .expect("the matrix knows its classes");
        assert_eq!(rows.len(), app.matrix.cells.len());
        let mut want = Vec::new();
        for (row, (a, b)) in before.cells.iter().zip(&app.matrix.cells).enumerate() {
            for (col, (x, y)) in a.iter().zip(b.iter()).enumerate() {
                if x.verdict != y.verdict {
                    want.push(change::Flip {
                        row,
                        col,
                        before: x.verdict.clone(),
                        after: y.verdict.clone(),
                    });
                }
            }
        }
        order_flips(&mut want);
        assert!(!want.is_empty(), "{name}");
        let flips = &app.change.as_ref().expect("a change").flips;
        assert_eq!(flips.to_vec(), want, "{name}");
        assert_eq!(
            history::flips(&before, &app.matrix).to_vec(),
            want,
            "{name}"
        );
    }
}

#[test]
fn the_target_list_offers_the_directory_buckets_the_scenario_names() {
    let app = open("s3-express-one-zone");
    let buckets: Vec<&str> = app
        .targets
        .iter()
        .filter(|t| t.kind == TargetKind::Typed)
        .map(|t| t.query.as_str())
        .collect();
    assert!(buckets.contains(&"data--use1-az4--x-s3"), "{buckets:?}");
    assert!(buckets.contains(&"scratch--use1-az5--x-s3"), "{buckets:?}");
    assert_eq!(
        buckets.len(),
        buckets
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        "each bucket once"
    );
    // The picker says what each is, in the app's language (not an untranslated "typed").
    for (lang, want) in [
        (crate::explain::Lang::En, "directory bucket in use1-az4"),
        (crate::explain::Lang::Ja, "ディレクトリバケット (use1-az4"),
    ] {
        let mut app = open("s3-express-one-zone");
        app.set_lang(lang);
        let picker = flows::target_picker(&app);
        let item = picker
            .items
            .iter()
            .find(|i| i.label == "data--use1-az4--x-s3")
            .expect("the bucket is offered");
        assert!(item.detail.starts_with(want), "{lang:?}: {}", item.detail);
    }
    // A scenario without directory buckets offers none.
    assert!(
        open("private-only")
            .targets
            .iter()
            .all(|t| t.kind != TargetKind::Typed)
    );
}
