//! What several test files share (`mod common;`): the render tests' helpers here (open a
//! shipped scenario, draw a frame at a size, read it as text, check that no full-width
//! character is overdrawn), the random models of the property tests and the running of the
//! real binary. Each file uses some of it.
#![allow(dead_code)]

pub mod cli;
pub mod english;
pub mod random;

use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use vpc_tui::app::{App, Msg};
use vpc_tui::model::load_file;
use vpc_tui::ui;

/// A shipped scenario (`scenarios/NAME.ron`) in the explorer, colours on.
pub fn open(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    let model = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    // A fixed label: snapshots must not depend on where the repository is.
    let mut app = App::new(model, Some(path), format!("scenarios/{name}.ron"));
    app.color = true;
    app
}

/// The screen at `w`×`h`, drawn through a terminal as the explorer draws it.
pub fn frame(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Msg::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::render(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen at `w`×`h`, drawn straight into a buffer.
pub fn drawn(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Msg::Resize(w, h));
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    ui::draw(app, area, &mut buf);
    buf
}

/// The buffer's text, one line per row, trailing spaces trimmed, a wide character once.
pub fn text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A full-width character takes two cells; if anything was drawn into its second cell (a
/// popup's border, a panel's edge), the terminal would draw the character over it.
pub fn assert_no_overlapping_wide_chars(buf: &Buffer) {
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(1) {
            let cell = &buf[(x, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                let next = &buf[(x + 1, y)];
                assert!(
                    next.symbol().is_empty() || next.symbol() == " ",
                    "{:?} at ({x}, {y}) overlaps {:?}\n{}",
                    cell.symbol(),
                    next.symbol(),
                    text(buf)
                );
            }
        }
    }
}
