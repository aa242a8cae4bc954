use std::path::Path;
#[test]
fn private_only_loads_and_round_trips() {
    let m = vpc_tui::model::load_file(Path::new("scenarios/private-only.ron")).unwrap();
    let text = vpc_tui::model::to_ron_string(m.scenario());
    let back = vpc_tui::model::from_ron_str(&text, Path::new("x")).unwrap();
    assert_eq!(&back, m.scenario());
    println!("{text}");
}
