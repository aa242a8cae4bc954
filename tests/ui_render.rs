//! Whole-frame render tests: insta snapshots at 80×24 and 120×40 (text, plus the styled buffer
//! where the highlight carries meaning), and a property test that renders random states at
//! random sizes without panicking.

mod common;

use std::path::Path;

use common::{assert_no_overlapping_wide_chars, drawn, frame, open, text};
use proptest::prelude::*;
use ratatui::layout::Rect;
use vpc_tui::app::script::press;
use vpc_tui::app::{App, Msg};
use vpc_tui::i18n::Lang;
use vpc_tui::ui;

/// The 80×24 frame must show the verdict line and the winning route of the selected path.
fn assert_verdict_and_route(app: &App, screen: &str) {
    let t = app.trace.as_ref().expect("a trace");
    let verdict = vpc_tui::i18n::verdict_line(app.lang, &t.verdict);
    assert!(
        screen.contains(&verdict),
        "no verdict {verdict:?} in\n{screen}"
    );
    // A stopped path says where and why, once; a moving one shows the route that sent it.
    if t.stop().is_some() {
        let why = vpc_tui::explain::summary(app.lang, t);
        let start: String = why.chars().take(20).collect();
        assert!(screen.contains(&start), "no reason {start:?} in\n{screen}");
        return;
    }
    let route = t
        .hops
        .iter()
        .filter(|h| h.kind == vpc_tui::eval::HopKind::RouteTable)
        .find_map(|h| h.decisions().first().map(|d| (h, d)));
    if let Some((hop, d)) = route
        && let Some(m) = d.winner()
    {
        let line = format!(
            "{} {}: {} → {}",
            vpc_tui::i18n::t(app.lang, "ui-route"),
            hop.id,
            m.destination,
            m.target
        );
        assert!(
            screen.contains(&line),
            "no winning route {line:?} in\n{screen}"
        );
    }
}

fn snapshot(name: &str, app: &mut App) {
    let small = frame(app, 80, 24);
    let screen = text(&small);
    assert_verdict_and_route(app, &screen);
    insta::assert_snapshot!(format!("{name}_80x24"), screen);
    let wide = frame(app, 120, 40);
    insta::assert_snapshot!(format!("{name}_120x40"), text(&wide));
}

#[test]
fn private_only() {
    let mut app = open("private-only");
    snapshot("private_only", &mut app);
}

#[test]
fn interface_single_az_before_and_after_failing_az_a() {
    let mut app = open("interface-single-az");
    press(&mut app, "jjt/ssm<Enter>");
    snapshot("interface_single_az_app_c_ssm", &mut app);
    press(&mut app, "1");
    snapshot("interface_single_az_app_c_ssm_az_a_failed", &mut app);
    // The failed AZ is struck through (not colour alone): the styled buffer pins it.
    let buf = frame(&mut app, 80, 24);
    let screen = text(&buf);
    assert!(screen.contains("✖ AZ FAILED"));
    assert!(screen.contains("✖ BLOCKED (endpoint_enis_all_failed)"));
    insta::assert_debug_snapshot!("interface_single_az_az_a_failed_styles_80x24", buf);
}

#[test]
fn gateway_public_rt_private_instance_to_s3() {
    let mut app = open("gateway-public-rt");
    press(&mut app, "s/app-a<Enter>");
    snapshot("gateway_public_rt_app_a_s3", &mut app);
    // The route table panel shows the matched route and the winner, highlighted.
    press(&mut app, "<Tab>");
    let buf = frame(&mut app, 80, 24);
    insta::assert_debug_snapshot!("gateway_public_rt_route_tables_styles_80x24", buf);
}

#[test]
fn every_panel_and_overlay_at_80x24() {
    let mut app = open("gwlb-inspection");
    for script in [
        "", "<Tab>", "<Tab>", "<Tab>", "?", "<Esc>e", "<Esc>s", "<Esc>t",
    ] {
        press(&mut app, script);
        let screen = text(&frame(&mut app, 80, 24));
        assert!(!screen.trim().is_empty());
    }
}

#[test]
fn tiny_terminals_say_so_instead_of_drawing_panels() {
    let mut app = open("private-only");
    let screen = text(&frame(&mut app, 30, 8));
    assert!(screen.contains("needs 40×12"), "{screen}");
    let _ = frame(&mut app, 1, 1);
}

#[test]
fn clicks_land_on_what_was_drawn() {
    let mut app = open("private-only");
    let area = Rect::new(0, 0, 80, 24);
    app.update(Msg::Resize(80, 24));
    // The tab bar: "Matrix" is the fourth title on row 1.
    let screen = text(&frame(&mut app, 80, 24));
    let row1 = screen.lines().nth(1).unwrap();
    let x = row1.find("Matrix").unwrap() as u16;
    let msg = ui::hit_test(&app, area, x + 1, 1).expect("a tab");
    app.update(msg);
    assert_eq!(app.tab, vpc_tui::app::Tab::Matrix);
    // A matrix cell: app-c's third column (ssm) is drawn where hit_test says.
    let buf = frame(&mut app, 80, 24);
    let screen = text(&buf);
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("app-c"))
        .unwrap();
    let _ = line;
    let hit = (0..80u16).find(|&x| {
        ui::hit_test(&app, area, x, y as u16) == Some(Msg::SelectCell { row: 2, col: 2 })
    });
    let x = hit.expect("app-c × ssm cell is clickable");
    app.update(ui::hit_test(&app, area, x, y as u16).unwrap());
    assert_eq!(app.path_label(), "app-c → ssm");
    // An instance in the topology: app-b's line selects app-b.
    app.update(Msg::ShowTab(vpc_tui::app::Tab::Topology));
    let screen = text(&frame(&mut app, 80, 24));
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("▣ app-b"))
        .unwrap();
    let x = line[..line.find("app-b").unwrap()].chars().count() as u16;
    app.update(ui::hit_test(&app, area, x, y as u16).expect("an instance"));
    assert_eq!(app.path_label(), "app-b → ssm");
}

/// The frame as drawn, before a terminal diff hides what a wide character covers.
#[test]
fn japanese_never_breaks_a_border() {
    for size in [(80, 24), (120, 40), (60, 20)] {
        for script in ["", "?", "e", "s", "t", "e/route<Enter>", "n", "na"] {
            for scenario in ["no-endpoint", "gateway-public-rt"] {
                let mut app = open(scenario);
                app.lang = Lang::Ja;
                press(&mut app, script);
                let buf = drawn(&mut app, size.0, size.1);
                assert_no_overlapping_wide_chars(&buf);
            }
        }
    }
}

fn arb_msg() -> impl Strategy<Value = Msg> {
    prop_oneof![
        Just(Msg::Down),
        Just(Msg::Up),
        Just(Msg::Left),
        Just(Msg::Right),
        Just(Msg::NextTab),
        Just(Msg::PathDown),
        Just(Msg::PageDown),
        Just(Msg::End),
        Just(Msg::Help),
        Just(Msg::Cancel),
        Just(Msg::EditMenu),
        Just(Msg::Enter),
        Just(Msg::PickSource),
        Just(Msg::PickTarget),
        Just(Msg::StartFilter),
        Just(Msg::Char('a')),
        Just(Msg::Undo),
        Just(Msg::Redo),
        Just(Msg::ShowFlips),
        Just(Msg::Fixes),
        Just(Msg::ToggleSpof),
        (0usize..4).prop_map(Msg::ToggleAz),
        (0usize..30).prop_map(Msg::PickAt),
        (0usize..5, 0usize..30).prop_map(|(row, col)| Msg::SelectCell { row, col }),
    ]
}

const SCENARIOS: [&str; 5] = [
    "private-only",
    "interface-single-az",
    "gateway-public-rt",
    "gwlb-inspection",
    "workloads",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any reachable state, drawn at any size from 1×1 to 300×100 (and resized), never panics,
    /// and clicking anywhere never panics either.
    #[test]
    fn random_states_render_at_random_sizes(
        scenario in 0..SCENARIOS.len(),
        msgs in prop::collection::vec(arb_msg(), 0..25),
        sizes in prop::collection::vec((1u16..=300, 1u16..=100), 1..4),
        click in (0u16..300, 0u16..100),
        ja in any::<bool>(),
    ) {
        let mut app = open(SCENARIOS[scenario]);
        if ja {
            app.lang = Lang::Ja;
        }
        for m in msgs {
            app.update(m);
        }
        for (w, h) in sizes {
            let _ = frame(&mut app, w, h);
            assert_no_overlapping_wide_chars(&drawn(&mut app, w, h));
            let _ = ui::hit_test(&app, Rect::new(0, 0, w, h), click.0, click.1);
        }
    }
}

#[test]
fn lesson_steps_in_english_and_japanese() {
    for ja in [false, true] {
        let mut app = open("no-endpoint");
        app.lang = if ja { Lang::Ja } else { Lang::En };
        app.start_lesson(2);
        let lang = if ja { "ja" } else { "en" };
        let screen = text(&frame(&mut app, 80, 24));
        // Hidden until answered: no verdict on screen yet.
        assert!(!screen.contains("BLOCKED"), "{screen}");
        insta::assert_snapshot!(
            format!("lesson_no_endpoint_step3_question_{lang}_80x24"),
            screen
        );
        press(&mut app, "aj<Enter>");
        let screen = text(&frame(&mut app, 80, 24));
        assert_verdict_and_route(&app, &screen);
        insta::assert_snapshot!(
            format!("lesson_no_endpoint_step3_answered_{lang}_80x24"),
            screen
        );
        app.update(Msg::TogglePresenter);
        insta::assert_snapshot!(
            format!("lesson_no_endpoint_step3_presenter_{lang}_120x40"),
            text(&frame(&mut app, 120, 40))
        );
    }
}

#[test]
fn narrow_symbol_mode_keeps_every_border_one_cell_wide() {
    let mut app = open("no-endpoint");
    app.lang = Lang::Ja;
    app.ascii = true;
    app.start_lesson(4);
    let screen = text(&frame(&mut app, 80, 24));
    for glyph in ['┃', '━', '┌', '─', '→', '»', '✔', '✖', '…'] {
        assert!(!screen.contains(glyph), "{glyph} in\n{screen}");
    }
    insta::assert_snapshot!("lesson_no_endpoint_step5_ja_ascii_80x24", screen);
}

/// Issue 16 point 1: at 80×24 a lesson step's narration scrolls with a marker and a key, the
/// path shows at least three lines under its pinned verdict, and the topology keeps the
/// selected source in view. Snapshots at the three sizes users have.
#[test]
fn lesson_step4_at_every_size() {
    for lang in [Lang::En, Lang::Ja] {
        let mut app = open("no-endpoint");
        app.lang = lang;
        app.start_lesson(3);
        let screen = text(&frame(&mut app, 80, 24));
        let tag = if lang == Lang::Ja { "ja" } else { "en" };
        let lines: Vec<&str> = screen.lines().collect();
        // The narration's bottom border says it is cut and how to scroll it.
        let border = lines
            .iter()
            .find(|l| l.starts_with('└') && l.contains("< >"))
            .unwrap_or_else(|| panic!("no narration marker in\n{screen}"));
        assert!(border.contains("1–"), "{border}");
        // The path: three pinned lines (verdict, route, summary), then hop lines.
        let label = app.path_label();
        let top = lines
            .iter()
            .position(|l| l.starts_with('┌') && l.contains(&label))
            .unwrap();
        let bottom = top
            + lines[top..]
                .iter()
                .position(|l| l.starts_with('┗'))
                .unwrap();
        assert!(bottom - top > 6, "path too short:\n{screen}");
        assert!(lines[top + 4].contains("1 » "), "{screen}");
        // The topology follows web-a.
        assert!(screen.contains("▣ web-a"), "{screen}");
        insta::assert_snapshot!(format!("lesson_no_endpoint_step4_{tag}_80x24"), screen);
        // `>` scrolls the narration.
        let first = lines[3].to_string();
        press(&mut app, ">");
        let after = text(&frame(&mut app, 80, 24));
        assert_ne!(after.lines().nth(3).unwrap(), first, "{after}");
        press(&mut app, "<lt>");
        insta::assert_snapshot!(
            format!("lesson_no_endpoint_step4_{tag}_120x40"),
            text(&frame(&mut app, 120, 40))
        );
        insta::assert_snapshot!(
            format!("lesson_no_endpoint_step4_{tag}_200x60"),
            text(&frame(&mut app, 200, 60))
        );
    }
}

/// Issue 16 point 1: in the explorer, `j j j` selects app-a and the topology scrolls to it;
/// PgDn then scrolls by hand from there.
#[test]
fn the_topology_follows_the_selected_source() {
    let mut app = open("no-endpoint");
    let _ = frame(&mut app, 80, 24);
    press(&mut app, "jjj");
    assert_eq!(app.path_label(), "app-a → s3");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("» ▣ app-a"), "{screen}");
    assert!(screen.contains("PgUp PgDn"), "{screen}");
    press(&mut app, "<PgUp>");
    assert!(!app.topo_follow);
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("1 us-east-1a"), "{screen}");
}

/// Issue 16 point 2: at 120×40 a lesson's tabs show Endpoints, Matrix and Cost beside the
/// topology, and the cost step opens Cost itself.
#[test]
fn lesson_tabs_show_their_panel_when_wide() {
    let mut app = open("no-endpoint");
    app.start_lesson(3);
    for (keys, title) in [
        ("<Tab>", "┏Route tables"),
        ("<Tab>", "┏Endpoints"),
        ("<Tab>", "┏Matrix"),
        ("<Tab>", "┏Cost"),
    ] {
        press(&mut app, keys);
        let screen = text(&frame(&mut app, 120, 40));
        assert!(
            screen.lines().any(|l| l.contains(title)),
            "{title} after {keys}:\n{screen}"
        );
        assert!(screen.contains("Topology"), "{screen}");
    }
    let mut app = open("no-endpoint");
    app.start_lesson(12);
    assert_eq!(app.tab, vpc_tui::app::Tab::Cost);
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("┏Cost"), "{screen}");
    insta::assert_snapshot!("lesson_no_endpoint_step13_cost_120x40", screen);
}

/// Issue 16 points 6 and 9: a step's ✚ sits on what it changed (the one ENI it added, not
/// both), a table the endpoint left is marked as a removal with the route struck out, and
/// only the ENI the path reached is marked ».
#[test]
fn lesson_marks_sit_on_what_the_step_changed() {
    let mut app = open("no-endpoint");
    // Step 11 adds private-b's ENI to vpce-ssm, with us-east-1a failed: before the answer.
    app.start_lesson(10);
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("✚ ◆ ssm 10.0.11.100"), "{screen}");
    assert!(screen.contains("  ◆ ssm 10.0.10.100"), "{screen}");
    // Answered: the path reached the ENI in the AZ that is up, not the failed AZ's.
    press(&mut app, "a<Enter>");
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("» ◆ ssm 10.0.11.100"), "{screen}");
    assert!(screen.contains("  ◆ ssm 10.0.10.100"), "{screen}");
    insta::assert_snapshot!("lesson_no_endpoint_step11_answered_120x40", screen);
    // Step 6 moves the endpoint from rtb-private to rtb-main.
    let mut app = open("no-endpoint");
    app.start_lesson(5);
    press(&mut app, "a<Enter><Tab>");
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("✚ pl-s3       → vpce-s3"), "{screen}");
    assert!(
        screen.contains("− pl-s3       → vpce-s3  removed by this step"),
        "{screen}"
    );
    assert!(!screen.contains("✚ rt rtb-private"), "{screen}");
}

/// Issue 16 point 7: cut panels, menus and lists say where they are; help and the flipped
/// list page with PgDn and G; the path no longer claims the focus.
#[test]
fn every_cut_list_says_where_it_is() {
    let mut app = open("no-endpoint");
    app.start_lesson(3);
    press(&mut app, "<Tab>");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("┏Route tables"), "{screen}");
    assert!(screen.contains("1–4 of 11 · PgUp PgDn"), "{screen}");
    assert!(!screen.contains("┏Path"), "{screen}");
    let mut app = open("private-only");
    press(&mut app, "e");
    let screen = text(&frame(&mut app, 80, 24));
    let Some(vpc_tui::app::Overlay::Picker(p)) = &app.overlay else {
        panic!("no menu")
    };
    let total = p.visible().len();
    assert!(
        screen.contains(&format!(" of {total} · j k PgDn G")),
        "{screen}"
    );
    press(&mut app, "<Esc>?");
    let top = text(&frame(&mut app, 80, 24));
    press(&mut app, "<PgDn>");
    let paged = text(&frame(&mut app, 80, 24));
    assert_ne!(top, paged);
    press(&mut app, "G");
    let bottom = text(&frame(&mut app, 80, 24));
    press(&mut app, "k");
    assert_ne!(bottom, text(&frame(&mut app, 80, 24)), "k after G moves");
    insta::assert_snapshot!("help_bottom_80x24", bottom);
}

/// Issue 16 point 8: the `c` list lines its columns up (the arrow between the verdicts sits in
/// one column on every line) at each size, in both languages; where the verdicts do not fit
/// beside the names (80 columns), the one after goes on a line of its own, and where even the
/// one before does not (Japanese at 80 columns), it does too: every verdict whole, and the
/// title whole (without "Esc closes" where it would not fit: the footer says it).
#[test]
fn flipped_cells_list_lines_up() {
    for lang in [Lang::En, Lang::Ja] {
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let mut app = open("workloads");
            app.set_lang(lang);
            press(&mut app, "1");
            press(&mut app, "c");
            let screen = text(&frame(&mut app, w, h));
            let marker = match lang {
                Lang::En => "flipped by",
                Lang::Ja => "で結果が変わったセル",
            };
            let (title, inside) = boxed(&screen, marker);
            let flipped = app.change.as_ref().map_or(0, |c| c.flips.len());
            assert!(title.contains(&flipped.to_string()), "{title}\n{screen}");
            assert!(title.contains("us-east-1a"), "{title}\n{screen}");
            // Whole: with "(Esc closes)" or without it, never cut inside it.
            let ends = [")", "us-east-1a", "個"];
            assert!(
                !title.contains('…') && ends.iter().any(|e| title.trim_end().ends_with(e)),
                "{w}x{h}: {title}\n{screen}"
            );
            let cells = inside.iter().filter(|l| l.starts_with("i-worker-")).count();
            let arrows: Vec<usize> = inside
                .iter()
                .filter_map(|l| l.find("→ ").map(|at| (l, at)))
                .map(|(l, at)| unicode_width::UnicodeWidthStr::width(&l[..at]))
                .collect();
            assert!(cells > 5, "{screen}");
            assert_eq!(arrows.len(), cells, "one arrow per cell:\n{screen}");
            assert!(arrows.iter().all(|&a| a == arrows[0]), "{screen}");
            // Every name and verdict whole: no line of the list ends in `…`.
            for l in &inside {
                assert!(!l.trim_end().ends_with('…'), "{w}x{h}: {l}\n{screen}");
            }
            if lang == Lang::En {
                insta::assert_snapshot!(format!("workloads_flips_{w}x{h}"), screen);
            }
        }
    }
}

/// The title and the lines inside the box on `screen` whose title holds `marker` (the
/// overlays' heavy frame), cut by display columns, so that panels beside it do not count.
fn boxed(screen: &str, marker: &str) -> (String, Vec<String>) {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    // The text of `line` between display columns `from` (inclusive) and `to` (exclusive).
    let cut = |line: &str, from: usize, to: usize| -> String {
        let mut at = 0;
        let mut out = String::new();
        for c in line.chars() {
            if at >= from && at < to {
                out.push(c);
            }
            at += c.width().unwrap_or(0);
        }
        out
    };
    let lines: Vec<&str> = screen.lines().collect();
    let top = lines
        .iter()
        .position(|l| l.contains(marker))
        .expect("the box");
    let line = lines[top];
    let at = line.find(marker).unwrap();
    let corner = line[..at].rfind('┏').expect("its top-left corner");
    let end = at + line[at..].find('┓').expect("its top-right corner");
    let (left, right) = (line[..corner].width(), line[..end].width());
    let title = cut(line, left + 1, right).trim_matches('━').to_string();
    let inside = lines[top + 1..]
        .iter()
        .take_while(|l| cut(l, left, left + 1) != "┗")
        .map(|l| cut(l, left + 1, right))
        .collect();
    (title, inside)
}

/// Issue 16, point 10: the AWS import's warnings reach the screen. The opening status line
/// counts them and `!` lists every one, scrolled with a visible position, at every size and in
/// both languages.
#[test]
fn import_warnings_are_counted_and_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/aws/reference-ingress");
    let (scenario, warnings) = vpc_tui::import::load_aws_dir(&dir, None).unwrap();
    assert!(warnings.len() >= 5, "{}", warnings.len());
    let model = vpc_tui::model::Model::new(scenario).unwrap();
    for lang in [Lang::En, Lang::Ja] {
        let mut app = App::new(model.clone(), None, "reference-ingress".into());
        app.import_warnings = warnings.clone();
        app.set_lang(lang);
        let status = app.status.as_ref().map(|s| s.1.clone()).unwrap_or_default();
        assert!(status.contains(&warnings.len().to_string()), "{status}");
        assert!(status.contains('!'), "{status}");
        press(&mut app, "!");
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let screen = text(&frame(&mut app, w, h));
            let needle = if lang == Lang::En {
                "Warnings ("
            } else {
                "警告 ("
            };
            assert!(screen.contains(needle), "{w}x{h}:\n{screen}");
            assert!(
                screen.contains("nat-0a93acc57881d4199"),
                "{w}x{h}:\n{screen}"
            );
            if lang == Lang::En {
                insta::assert_snapshot!(format!("import_warnings_{w}x{h}"), screen);
            }
        }
        // At 80×12 the list is cut: it says where it is, and G shows the last warning.
        let cut = text(&frame(&mut app, 80, 12));
        assert!(cut.contains("1-") || cut.contains("j k"), "{cut}");
        press(&mut app, "G");
        let end = text(&frame(&mut app, 80, 12));
        // The last warning: the missing `list-hosted-zones-by-vpc` output.
        assert!(end.contains("list-hosted-zones-by-vpc"), "{end}");
        press(&mut app, "<Esc>");
        assert!(app.overlay.is_none());
        let _ = frame(&mut app, 1, 1);
    }
    // A scenario file without warnings says so on `!`.
    let mut app = open("private-only");
    press(&mut app, "!");
    assert!(app.overlay.is_none());
    assert!(app.status.as_ref().unwrap().1.contains("no warnings"));
}

/// Issue 16, point 5: presenter mode is for a projector: the narration in full, the path, and
/// the topology of only the AZs the step is about (here the failed AZ a and app-c's AZ c, not
/// AZ b), at every size.
#[test]
fn presenter_shows_narration_path_and_the_steps_azs() {
    let mut app = open("interface-single-az");
    app.start_lesson(2);
    press(&mut app, "P");
    assert!(app.presenter);
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let screen = text(&frame(&mut app, w, h));
        assert!(screen.contains("Lesson 3/6"), "{w}x{h}:\n{screen}");
        assert!(
            screen.contains("Can app-c still reach SSM?"),
            "{w}x{h}:\n{screen}"
        );
        assert!(screen.contains("us-east-1c"), "{w}x{h}:\n{screen}");
        assert!(
            !screen.contains("us-east-1b"),
            "{w}x{h}: AZ b is not about this step\n{screen}"
        );
        assert!(
            !screen.contains("Route tables ("),
            "{w}x{h}: no other panels\n{screen}"
        );
        insta::assert_snapshot!(format!("presenter_step3_{w}x{h}"), screen);
    }
    // Out of presenter mode every AZ is back.
    press(&mut app, "P");
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("us-east-1b"), "{screen}");
}

/// Issue 16, point 11: from 180×50 up every panel is on screen at once (endpoints and cost
/// included) and Tab only moves the focus.
#[test]
fn large_screens_show_every_panel() {
    let mut app = open("private-only");
    let screen = text(&frame(&mut app, 200, 60));
    for title in [
        "Topology (",
        "Path: ",
        "Route tables (",
        "Matrix: ",
        "Endpoints and gateways",
        "Cost (monthly estimate)",
    ] {
        assert!(screen.contains(title), "no {title:?} at 200x60:\n{screen}");
    }
    insta::assert_snapshot!("private_only_200x60", screen);
    press(&mut app, "<Tab><Tab><Tab><Tab>");
    let after = text(&frame(&mut app, 200, 60));
    assert!(after.contains("Endpoints and gateways") && after.contains("Cost (monthly"));
}

/// An IPv6 path (`v`) draws in every panel: the path names the DNS stop, nothing panics at
/// 80×24 or 120×40, in English and Japanese.
#[test]
fn an_ipv6_path_draws() {
    let mut app = open("ipv6-dual-stack");
    press(&mut app, "vj");
    for (w, h) in [(120, 40), (80, 24)] {
        let screen = text(&frame(&mut app, w, h));
        assert!(screen.contains("app-a"), "{screen}");
    }
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("no_aaaa_record"), "{screen}");
    // The route tables panel lists the IPv6 routes, the derived local one included.
    assert!(
        screen.contains("2600:1f18:1234:5600::/56 → local"),
        "{screen}"
    );
    assert!(
        screen.contains("::/0                     → igw-1"),
        "{screen}"
    );
    app.update(Msg::Resize(120, 40));
    app.set_lang(Lang::Ja);
    let screen = text(&frame(&mut app, 120, 40));
    assert!(screen.contains("AAAA"), "{screen}");
}

/// A menu hint wider than the frame ends in `…`: at 80 columns the Japanese edit menu's hints
/// used to stop mid-word at the border with no sign that more was cut.
#[test]
fn edit_menu_hints_cut_at_the_border_say_so() {
    let mut app = open("endpoint-security-group");
    app.set_lang(Lang::Ja);
    press(&mut app, "e");
    let screen = text(&frame(&mut app, 80, 24));
    let cut = screen
        .lines()
        .filter(|l| l.contains("ゲートウェイエンドポイントを作成"))
        .collect::<Vec<_>>();
    assert_eq!(cut.len(), 1, "{screen}");
    assert!(cut[0].contains("…┃"), "{screen}");
    insta::assert_snapshot!("edit_menu_ja_80x24", screen);
    // Chosen, the cut item's hint shows in full on a row of its own, and a click on any row
    // still picks the item drawn on it (the list gave up a row for the hint).
    let at = |screen: &str| {
        screen
            .lines()
            .position(|l| l.contains("› ゲートウェイエンドポイントを作成"))
    };
    for _ in 0..12 {
        if at(&text(&frame(&mut app, 80, 24))).is_some() {
            break;
        }
        press(&mut app, "j");
    }
    let screen = text(&frame(&mut app, 80, 24));
    assert!(at(&screen).is_some(), "{screen}");
    assert!(
        screen.contains("» S3 または DynamoDB。ルートテーブルを 1 つ選んで作成"),
        "{screen}"
    );
    let area = Rect::new(0, 0, 80, 24);
    let labels = ["別のルートテーブルをメインにする", "NAT ゲートウェイを削除"];
    for label in labels {
        let screen = text(&frame(&mut app, 80, 24));
        let (y, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(label))
            .unwrap_or_else(|| panic!("{label}: {screen}"));
        let x = line[..line.find(label).unwrap()].chars().count() as u16;
        let msg = ui::hit_test(&app, area, x, y as u16).expect("an item");
        let Msg::PickAt(i) = msg else {
            panic!("{msg:?}")
        };
        let Some(vpc_tui::app::Overlay::Picker(p)) = &app.overlay else {
            panic!("the picker closed")
        };
        assert_eq!(p.items[p.visible()[i]].label, label);
    }
    // The row under the last item is the hint, not an item.
    let screen = text(&frame(&mut app, 80, 24));
    let y = screen
        .lines()
        .position(|l| l.contains("» S3 または"))
        .unwrap();
    assert!(
        !matches!(ui::hit_test(&app, area, 10, y as u16), Some(Msg::PickAt(_))),
        "{screen}"
    );
}

/// A subnet box names its kind in full where it fits beside the block, else in its short form,
/// never cut: in Japanese at 80 columns "10.0.1.0/24 プライベート" (24 cells) does not fit a box
/// of three AZs (21), "10.0.1.0/24 非公開" does; one of two AZs holds the full word.
#[test]
fn subnet_kind_fits_its_box() {
    let mut app = open("private-only");
    app.set_lang(Lang::Ja);
    let narrow = text(&frame(&mut app, 80, 24));
    assert!(narrow.contains("10.0.1.0/24 非公開"), "{narrow}");
    assert!(!narrow.contains("プライベ…"), "{narrow}");
    app.set_lang(Lang::En);
    let narrow = text(&frame(&mut app, 80, 24));
    assert!(narrow.contains("10.0.1.0/24 private"), "{narrow}");
    // Two AZs leave room for the full word.
    let mut app = open("workloads");
    app.set_lang(Lang::Ja);
    let wide = text(&frame(&mut app, 80, 24));
    assert!(wide.contains("10.0.1.0/24 プライベート"), "{wide}");
}
