//! Regenerate the README's pictures from the app's own frames:
//!
//!     cargo run --release --example screenshot
//!
//! `tests/screenshot.rs` fails when the committed pictures no longer match the UI.

use std::path::Path;

use vpc_tui::ui::screenshots;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, svg) in screenshots() {
        let path = root.join("assets").join(name);
        std::fs::write(&path, svg).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("wrote {}", path.display());
    }
}
