//! A rendered frame as SVG, for the README's picture: the app's own buffer, cell by cell, so the
//! picture is the real UI and can be regenerated whenever it changes
//! (`cargo run --release --example screenshot`).

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const FONT: f32 = 14.0;
const BG: &str = "#1d1f21";
const FG: &str = "#d8dee9";

fn hex(c: Color, default: &'static str) -> String {
    let named = match c {
        Color::Reset => default,
        Color::Black => "#1d1f21",
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#61afef",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        Color::Gray => "#abb2bf",
        Color::DarkGray => "#7f848e",
        Color::LightRed => "#ff7b86",
        Color::LightGreen => "#b5e890",
        Color::LightYellow => "#ffd68a",
        Color::LightBlue => "#8cc8ff",
        Color::LightMagenta => "#e0a0f0",
        Color::LightCyan => "#7fdbe6",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(i) => return format!("#{0:02x}{0:02x}{0:02x}", i),
    };
    named.to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as a standalone SVG document.
pub fn to_svg(buf: &Buffer) -> String {
    let area = buf.area;
    let w = area.width as f32 * CELL_W;
    let h = area.height as f32 * CELL_H;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"'DejaVu Sans Mono', 'Menlo', 'Consolas', monospace\" font-size=\"{FONT}\">\n<rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n"
    );
    for y in 0..area.height {
        // Runs of cells with one style become one <text>, stretched to exactly their cells.
        let mut x = 0;
        while x < area.width {
            let cell = &buf[(area.x + x, area.y + y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            let start = x;
            let mut text = String::new();
            while x < area.width {
                let c = &buf[(area.x + x, area.y + y)];
                if (c.fg, c.bg, c.modifier) != style {
                    break;
                }
                text.push_str(c.symbol());
                x += 1;
            }
            let (mut fg, mut bg) = (hex(style.0, FG), hex(style.1, BG));
            if style.2.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            let cells = (x - start) as f32;
            let px = start as f32 * CELL_W;
            let py = y as f32 * CELL_H;
            if bg != BG {
                out.push_str(&format!(
                    "<rect x=\"{px:.1}\" y=\"{py:.1}\" width=\"{:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>\n",
                    cells * CELL_W
                ));
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut attrs = String::new();
            if style.2.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if style.2.contains(Modifier::DIM) {
                attrs.push_str(" opacity=\"0.6\"");
            }
            if style.2.contains(Modifier::CROSSED_OUT) {
                attrs.push_str(" text-decoration=\"line-through\"");
            }
            if style.2.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            }
            out.push_str(&format!(
                "<text x=\"{px:.1}\" y=\"{:.1}\" fill=\"{fg}\" textLength=\"{:.1}\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\"{attrs}>{}</text>\n",
                py + CELL_H * 0.75,
                cells * CELL_W,
                escape(&text)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

/// The README's pictures: (file name under `assets/`, SVG). Scenarios are built in, so the
/// pictures do not depend on the working directory.
pub fn screenshots() -> Vec<(&'static str, String)> {
    use crate::app::{App, Msg, script::press};
    use crate::model::{Model, from_ron_str};
    use ratatui::layout::Rect;

    let shots: [(&str, &str, &str, &str, u16, u16); 2] = [
        (
            "screenshot.svg",
            "scenarios/private-only.ron",
            include_str!("../../scenarios/private-only.ron"),
            "jjt/ssm<Enter>",
            120,
            40,
        ),
        (
            "fail-az.svg",
            "scenarios/interface-single-az.ron",
            include_str!("../../scenarios/interface-single-az.ron"),
            "jjt/ssm<Enter>1",
            80,
            24,
        ),
    ];
    shots
        .into_iter()
        .map(|(name, file, text, keys, w, h)| {
            let scenario =
                from_ron_str(text, std::path::Path::new(file)).unwrap_or_else(|e| panic!("{e}"));
            let model = Model::new(scenario).unwrap_or_else(|e| panic!("{e:?}"));
            let mut app = App::new(model, None, file.to_string());
            app.color = true;
            app.update(Msg::Resize(w, h));
            press(&mut app, keys);
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            super::draw(&app, area, &mut buf);
            (name, to_svg(&buf))
        })
        .collect()
}
