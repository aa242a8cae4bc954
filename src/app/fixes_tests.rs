//! Key-script tests of the fixes list (`f`) and the matrix's weak-point marks (`F`).

use super::tests::open;
use super::*;
use crate::app::script::press;

fn verdict(app: &App) -> String {
    match &app.trace {
        Ok(t) => verdict_words(&t.verdict),
        Err(e) => format!("error: {e}"),
    }
}

fn status(app: &App) -> String {
    app.status.as_ref().map(|s| s.1.clone()).unwrap_or_default()
}

/// The screen at 80×24, as text.
fn screen(app: &App) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    crate::ui::draw(app, area, &mut buf);
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn fixes_open(app: &App) -> Option<(usize, u16)> {
    match app.overlay {
        Some(Overlay::Fixes { selected, scroll }) => Some((selected, scroll)),
        _ => None,
    }
}

#[test]
fn f_lists_the_fixes_enter_applies_one_and_one_undo_takes_it_back() {
    let mut app = open("no-endpoint");
    press(&mut app, "s/app-a<Enter>");
    assert_eq!(verdict(&app), "blocked (no_route)");
    let before = app.model.scenario().clone();
    press(&mut app, "f");
    assert_eq!(fixes_open(&app), Some((0, 0)));
    let found = app.analysis.suggestions.clone().expect("suggestions");
    assert_eq!(found.suggestions.len(), 2);
    // j and k choose; they stop at the ends.
    press(&mut app, "jjj");
    assert_eq!(fixes_open(&app), Some((1, 0)));
    press(&mut app, "kk");
    assert_eq!(fixes_open(&app), Some((0, 0)));
    press(&mut app, "<Enter>");
    assert_eq!(app.overlay, None);
    assert_eq!(verdict(&app), "reachable via gateway_endpoint");
    assert_eq!(app.can_undo(), 1);
    let s = status(&app);
    assert!(
        s.starts_with("fix 1 applied: add gateway endpoint vpce-new-s3 for s3 on rtb-private."),
        "{s}"
    );
    assert!(
        s.contains("app-a → s3: blocked (no_route) → reachable via gateway_endpoint"),
        "{s}"
    );
    assert!(s.contains("2 matrix cells flipped"), "{s}");
    // The path works now: the panel's pointer turns to its weak points.
    assert!(app.analysis.suggestions.is_none() && app.analysis.weak.is_some());
    press(&mut app, "u");
    assert_eq!(verdict(&app), "blocked (no_route)");
    assert_eq!(app.model.scenario(), &before);
    assert!(!app.is_dirty());
    assert!(app.analysis.suggestions.is_some());
}

#[test]
fn the_second_suggestion_is_applied_when_chosen() {
    let mut app = open("no-endpoint");
    press(&mut app, "s/app-a<Enter>fj<Enter>");
    assert_eq!(verdict(&app), "reachable via interface_endpoint");
    assert!(status(&app).starts_with("fix 2 applied: add interface endpoint vpce-new-s3"));
}

#[test]
fn a_suggestion_of_several_edits_is_one_step() {
    let mut app = open("no-endpoint");
    press(&mut app, "s/app-a<Enter>");
    let before = app.model.scenario().clone();
    // A two-edit suggestion, as the search returns when no single edit works.
    let mut found = app.analysis.suggestions.clone().expect("suggestions");
    found.suggestions[0].edits.push(Edit::FailAz {
        az: "us-east-1b".into(),
    });
    app.analysis.suggestions = Some(found);
    press(&mut app, "f<Enter>");
    assert_eq!(app.can_undo(), 1);
    assert_eq!(app.model.scenario().what_if.failed_azs, ["us-east-1b"]);
    assert_eq!(app.model.scenario().gateway_endpoints.len(), 1);
    assert!(
        status(&app).starts_with("fix 1 applied: 2 changes: "),
        "{}",
        status(&app)
    );
    press(&mut app, "u");
    assert_eq!(app.model.scenario(), &before);
    press(&mut app, "<C-r>");
    assert_eq!(app.model.scenario().gateway_endpoints.len(), 1);
}

#[test]
fn a_working_path_lists_its_weak_points_and_esc_or_f_closes() {
    let mut app = open("nat-single-az");
    press(&mut app, "s/app-c<Enter>t/sns<Enter>");
    assert_eq!(verdict(&app), "reachable via nat_gateway");
    press(&mut app, "f");
    assert!(fixes_open(&app).is_some());
    let weak = app.analysis.weak.clone().expect("weak points");
    assert!(
        weak.weak_points
            .iter()
            .any(|w| w.kind == crate::fix::WeakKind::Az && w.id.as_str() == "us-east-1a"),
        "{weak:?}"
    );
    // Enter applies nothing here: it closes.
    let undo = app.can_undo();
    press(&mut app, "<Enter>");
    assert_eq!(app.overlay, None);
    assert_eq!(app.can_undo(), undo);
    press(&mut app, "ff");
    assert_eq!(app.overlay, None);
    press(&mut app, "f<Esc>");
    assert_eq!(app.overlay, None);
}

#[test]
fn weak_points_scroll_within_their_length() {
    let mut app = open("nat-single-az");
    // Small enough that the list does not fit.
    app.update(Msg::Resize(44, 12));
    press(&mut app, "s/app-c<Enter>t/sns<Enter>f");
    press(&mut app, "G");
    let (_, scroll) = fixes_open(&app).expect("open");
    assert!(scroll > 0);
    assert_eq!(scroll, crate::ui::overlay_max_scroll(&app));
    press(&mut app, "k");
    assert_eq!(fixes_open(&app), Some((0, scroll - 1)));
    press(&mut app, "g");
    assert_eq!(fixes_open(&app), Some((0, 0)));
}

#[test]
fn a_source_whose_az_failed_has_no_fix_and_says_why() {
    let mut app = open("nat-single-az");
    press(&mut app, "s/app-a<Enter>t/sns<Enter>1f");
    assert_eq!(verdict(&app), "unavailable (source_az_failed)");
    let found = app.analysis.suggestions.clone().expect("suggestions");
    assert_eq!(found.none, Some(crate::fix::NoFix::SourceDown));
    // Enter with nothing to apply closes the list and changes nothing.
    let undo = app.can_undo();
    press(&mut app, "<Enter>");
    assert_eq!(app.overlay, None);
    assert_eq!(app.can_undo(), undo);
}

#[test]
fn capital_f_marks_the_matrix_cells_with_a_single_point_of_failure() {
    let mut app = open("nat-single-az");
    press(&mut app, "s/app-c<Enter>t/sns<Enter>F");
    assert!(app.spof_view);
    assert_eq!(app.tab, Tab::Matrix);
    let cursor = app.matrix_cursor().expect("a matrix cell");
    assert!(app.spof_cells.contains(&cursor));
    let n = app.spof_cells.len();
    assert!(status(&app).contains(&format!("({n})")), "{}", status(&app));
    // Every marked cell is reachable; the same cells `check --matrix --spof` lists.
    let listed = crate::fix::matrix_weak_points(&app.model, &app.model.scenario().what_if);
    assert_eq!(listed.len(), n);
    for &(r, c) in &app.spof_cells {
        assert!(app.matrix.cell(r, c).unwrap().verdict.is_reachable());
    }
    // An edit recomputes them: with AZ b failed, app-c (on nat-a) keeps its weak point.
    press(&mut app, "2");
    assert!(app.spof_cells.contains(&cursor));
    assert_ne!(app.spof_cells.len(), 0);
    press(&mut app, "F");
    assert!(!app.spof_view && app.spof_cells.is_empty());
}

#[test]
fn at_an_open_question_f_does_not_give_the_answer_away() {
    let mut app = open("nat-single-az");
    press(&mut app, "n");
    // Find a step with a question.
    while !app.verdict_hidden() {
        let step = app.lesson.as_ref().unwrap().step;
        press(&mut app, "n");
        assert_ne!(app.lesson.as_ref().unwrap().step, step, "no question");
    }
    press(&mut app, "f");
    assert_eq!(app.overlay, None);
    assert!(status(&app).contains("Answer the question first"));
}

#[test]
fn a_lesson_step_asks_how_to_fix_it_and_f_reveals_the_suggestions() {
    let mut app = open("resilience");
    app.start_lesson(1);
    // First the reachable-or-not question: f would answer it.
    assert!(app.verdict_hidden());
    assert!(app.fix_question_open().is_none());
    press(&mut app, "f");
    assert_eq!(app.overlay, None);
    // Answer "not reachable" (the picker's second item).
    press(&mut app, "aj<Enter>");
    assert!(!app.verdict_hidden());
    assert!(app.fix_question_open().is_some());
    assert!(
        status(&app).contains("How would you fix it?"),
        "{}",
        status(&app)
    );
    // The path panel asks the question and keeps the fixes to itself until f.
    let screen = screen(&app);
    assert!(screen.contains("without waiting for"), "{screen}");
    assert!(!screen.contains("fixes found"), "{screen}");
    press(&mut app, "f");
    assert!(fixes_open(&app).is_some());
    assert!(app.fix_question_open().is_none());
    let found = app.analysis.suggestions.clone().expect("suggestions");
    assert!(found.suggestions.iter().any(|s| s.fixes()));
    // Stepping away and back keeps it revealed; A (reset score) asks again.
    press(&mut app, "<Esc>np");
    assert!(app.fix_question_open().is_none());
    press(&mut app, "A");
    assert!(app.verdict_hidden());
}

#[test]
fn a_large_model_waits_for_f_and_the_wheel_moves_the_choice() {
    let small = open("no-endpoint");
    let mut scenario = small.model.scenario().clone();
    // Enough instances that the analysis is not worked out after every change.
    for k in 0..600 {
        scenario.instances.push(crate::model::Instance {
            ipv6_address: Default::default(),
            id: format!("i-extra-{k}"),
            name: None,
            subnet: ["subnet-private-b", "subnet-public-a", "subnet-public-b"][k % 3].into(),
            private_ip: None,
            public_ip: false,
            security_groups: Vec::new(),
        });
    }
    let model = crate::model::Model::new(scenario).expect("valid");
    let mut app = App::new(model, None, "large".into());
    assert!(!app.analysis_is_eager());
    press(&mut app, "s/app-a<Enter>");
    assert_eq!(verdict(&app), "blocked (no_route)");
    assert!(app.analysis.is_empty());
    press(&mut app, "f");
    assert_eq!(fixes_open(&app), Some((0, 0)));
    let found = app.analysis.suggestions.clone().expect("worked out on f");
    // The gateway endpoint gains the 200 new private instances' cells too.
    assert!(found.suggestions[0].gained.len() > 200);
    app.update(Msg::WheelDown(10, 10));
    assert_eq!(fixes_open(&app), Some((1, 0)));
    app.update(Msg::WheelUp(10, 10));
    assert_eq!(fixes_open(&app), Some((0, 0)));
    press(&mut app, "<Enter>");
    assert_eq!(verdict(&app), "reachable via gateway_endpoint");
    // After the change it is forgotten again until asked.
    assert!(app.analysis.is_empty());
}
