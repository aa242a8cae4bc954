//! What the explorer benches time alike: one edit through the app and a full 120×40 re-render,
//! on a clone of the app made outside the timing. Included by `security.rs` and `scale.rs`
//! (not by the examples, which share `common/mod.rs` but time no frames).

use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use vpc_tui::app::App;
use vpc_tui::model::Edit;
use vpc_tui::ui;

/// The explorer's whole frame at 120×40.
pub fn frame(app: &App) -> Buffer {
    let area = Rect::new(0, 0, 120, 40);
    let mut buf = Buffer::empty(area);
    ui::draw(app, area, &mut buf);
    buf
}

/// `id`: `edit` applied through the app (model, path, matrix, cost estimate, flipped cells,
/// status line) and the frame drawn again.
pub fn edit_and_render(group: &mut BenchmarkGroup<'_, WallTime>, id: &str, app: &App, edit: &Edit) {
    group.bench_function(id, |b| {
        b.iter_batched(
            || app.clone(),
            // Dropped by criterion after timing: freeing is not what a user waits for.
            |mut app| {
                app.apply(edit.clone());
                let buf = frame(&app);
                (app, buf)
            },
            BatchSize::PerIteration,
        )
    });
}
