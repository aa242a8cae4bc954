//! The README's pictures are the UI as it is: regenerate them with
//! `cargo run --release --example screenshot` when this fails.

#[test]
fn committed_pictures_match_the_ui() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, svg) in vpc_tui::ui::screenshots() {
        let path = root.join("assets").join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == svg,
            "{} is out of date: run `cargo run --release --example screenshot`",
            path.display()
        );
    }
}
