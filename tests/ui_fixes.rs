//! Render tests of the fixes list (`f`), the weak points, the path panel's pointer to them and
//! the matrix's single-point-of-failure marks (`F`): insta snapshots at 80×24, 120×40 and 200×60,
//! and every size down to 1×1 without a panic.

mod common;

use common::{frame, open, text};
use ratatui::layout::Rect;
use vpc_tui::app::script::press;
use vpc_tui::app::{App, Overlay};
use vpc_tui::i18n::Lang;
use vpc_tui::ui;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

/// no-endpoint, app-a → s3 (blocked, no route), with the fixes list open.
fn blocked_with_fixes(lang: Lang) -> App {
    let mut app = open("no-endpoint");
    app.lang = lang;
    press(&mut app, "s/app-a<Enter>f");
    assert!(matches!(app.overlay, Some(Overlay::Fixes { .. })));
    app
}

#[test]
fn the_fixes_list_at_every_size() {
    for (w, h) in SIZES {
        let mut app = blocked_with_fixes(Lang::En);
        let screen = text(&frame(&mut app, w, h));
        // The title says which suggestion is chosen of how many, and the first is marked.
        assert!(screen.contains("Fixes for app-a → s3: 1 of 2"), "{screen}");
        assert!(
            screen.contains("› 1. add gateway endpoint vpce-new-s3 for s3 on rtb-private"),
            "{screen}"
        );
        assert!(
            screen.contains("after: reachable via gateway_endpoint"),
            "{screen}"
        );
        assert!(screen.contains("monthly cost: +0.00 USD"), "{screen}");
        insta::assert_snapshot!(format!("fixes_no_endpoint_app_a_s3_{w}x{h}"), screen);
    }
}

#[test]
fn the_chosen_suggestion_stays_in_view_and_the_list_says_where_it_is() {
    let mut app = blocked_with_fixes(Lang::En);
    press(&mut app, "j");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("2 of 2"), "{screen}");
    assert!(
        screen.contains("› 2. add interface endpoint vpce-new-s3"),
        "{screen}"
    );
    // The box is cut at 80×24: its border says which lines are shown.
    assert!(screen.contains("of 23 · j k Enter"), "{screen}");
    insta::assert_snapshot!("fixes_no_endpoint_second_80x24", screen);
}

#[test]
fn the_fixes_list_in_japanese() {
    let mut app = blocked_with_fixes(Lang::Ja);
    let screen = text(&frame(&mut app, 80, 24));
    assert!(
        screen.contains("app-a → s3 の修正案: 2 件中 1 件目"),
        "{screen}"
    );
    assert!(screen.contains("適用後: 到達可能"), "{screen}");
    insta::assert_snapshot!("fixes_no_endpoint_app_a_s3_ja_80x24", screen);
}

#[test]
fn the_weak_points_of_a_working_path() {
    let mut app = open("resilience");
    press(&mut app, "s/app-c<Enter>t/ssm<Enter>f");
    for (w, h) in SIZES {
        let screen = text(&frame(&mut app, w, h));
        assert!(screen.contains("Weak points of app-c → ssm"), "{screen}");
        assert!(
            screen.contains("the loss of AZ us-east-1a: then"),
            "{screen}"
        );
        insta::assert_snapshot!(format!("weak_points_resilience_app_c_ssm_{w}x{h}"), screen);
    }
}

#[test]
fn the_path_panel_names_the_next_step() {
    let mut app = open("gateway-public-rt");
    press(&mut app, "s/app-a<Enter>");
    let screen = text(&frame(&mut app, 80, 24));
    assert!(screen.contains("Path: app-a → s3 · f: fixes 3"), "{screen}");
    assert!(
        screen.contains("→ f: fixes found: 3 — best: attach vpce-s3 to rtb-private"),
        "{screen}"
    );
}

#[test]
fn the_matrix_marks_single_points_of_failure() {
    let mut app = open("resilience");
    press(&mut app, "s/app-c<Enter>t/sns<Enter>F");
    for (w, h) in SIZES {
        let screen = text(&frame(&mut app, w, h));
        assert!(screen.contains("! single point of failure"), "{screen}");
        assert!(screen.contains("✔n!"), "{screen}");
        insta::assert_snapshot!(format!("spof_matrix_resilience_{w}x{h}"), screen);
    }
}

/// Both overlays, and the marks, at every size from 1×1 up: nothing panics and a click anywhere
/// is harmless.
#[test]
fn every_size_down_to_1x1_draws_without_a_panic() {
    let states = [
        blocked_with_fixes(Lang::En),
        blocked_with_fixes(Lang::Ja),
        {
            let mut app = open("resilience");
            press(&mut app, "s/app-c<Enter>t/ssm<Enter>f");
            app
        },
        {
            let mut app = open("resilience");
            press(&mut app, "F");
            app
        },
    ];
    for state in states {
        for w in (1..=130).step_by(16).chain([2, 40, 80, 200]) {
            for h in (1..=45).step_by(8).chain([2, 12, 24, 60]) {
                let mut app = state.clone();
                let _ = frame(&mut app, w, h);
                let _ = ui::hit_test(&app, Rect::new(0, 0, w, h), w / 2, h / 2);
                press(&mut app, "jGk");
                let _ = frame(&mut app, w, h);
            }
        }
    }
}
