//! Where drawing the quota-sized model's frame goes (a profiling aid; run under
//! `valgrind --tool=callgrind` or time it):
//!
//!     cargo run --release --example render_prof
#[path = "../benches/common/mod.rs"]
mod common;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use vpc_tui::app::App;
use vpc_tui::model::Model;
use vpc_tui::ui;

fn main() {
    let model = Model::new(common::quota_scenario()).expect("valid");
    let app = App::new(model, None, "quota".into());
    let area = Rect::new(0, 0, 120, 40);
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let start = std::time::Instant::now();
    for _ in 0..n {
        let mut buf = Buffer::empty(area);
        ui::draw(&app, area, &mut buf);
        std::hint::black_box(&buf);
    }
    println!(
        "{:.2} ms per frame",
        start.elapsed().as_secs_f64() * 1e3 / n as f64
    );
}
