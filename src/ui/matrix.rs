//! The matrix panel: instances × services and workloads, one symbol per cell (never colour
//! alone). Only the rows and columns on screen are drawn, so a model with 10,000 instances
//! scrolls as fast as one with three. The cursor is the selected path.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use crate::app::{App, Msg};
use crate::i18n::{self, t, tf};

use super::text::{fit, pack, put_line, put_str, truncate};
use super::theme::{Theme, push_cell_symbol};
use super::{Hotspot, panel};

const CELL: u16 = 4;
const HEADER_ROWS: u16 = 2;

/// The visible window: first row, rows shown, first column, columns shown, label width.
struct Window {
    row0: usize,
    rows: usize,
    col0: usize,
    cols: usize,
    label: u16,
    inner: Rect,
}

fn window(app: &App, area: Rect) -> Window {
    let inner = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    let m = &app.matrix;
    let ncols = m.services.len() + m.workloads.len();
    let label = (inner.width / 4).clamp(6, 18);
    let body_rows = inner.height.saturating_sub(HEADER_ROWS + 1) as usize;
    let cols = (inner.width.saturating_sub(label) / CELL) as usize;
    let (cur_row, cur_col) = app.matrix_cursor().unwrap_or((0, 0));
    // Keep the cursor in view, centred where the list is longer than the panel.
    let row0 = if m.instances.len() <= body_rows || body_rows == 0 {
        0
    } else {
        cur_row
            .saturating_sub(body_rows / 2)
            .min(m.instances.len() - body_rows)
    };
    let col0 = if ncols <= cols || cols == 0 {
        0
    } else {
        cur_col.saturating_sub(cols / 2).min(ncols - cols)
    };
    Window {
        row0,
        rows: body_rows.min(m.instances.len().saturating_sub(row0)),
        col0,
        cols: cols.min(ncols.saturating_sub(col0)),
        label,
        inner,
    }
}

fn instance_label(app: &App, row: usize) -> String {
    app.model
        .scenario()
        .instances
        .get(row)
        .map(|i| i.name.clone().unwrap_or_else(|| i.id.clone()))
        .unwrap_or_default()
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer, focused: bool) {
    let m = &app.matrix;
    let lang = app.lang;
    let cursor = app.matrix_cursor();
    let title = match (cursor, &app.trace) {
        (Some(_), Ok(tr)) => tf(
            lang,
            "ui-matrix-2",
            &[&app.path_label(), &i18n::verdict_words(lang, &tr.verdict)],
        ),
        _ => crate::explain::msg(
            lang,
            "ui-matrix-size",
            crate::explain::args()
                .n("instances", m.instances.len())
                .n("columns", m.services.len() + m.workloads.len()),
        ),
    };
    if app.verdict_hidden() {
        let block = panel(
            theme,
            t(lang, "ui-matrix-hidden-until-you-answer").into(),
            focused,
        );
        block.render(area, buf);
        return;
    }
    let block = panel(theme, title, focused);
    block.render(area, buf);
    let w = window(app, area);
    let inner = w.inner;
    if inner.width < 8 || inner.height < 4 {
        return;
    }
    let columns: Vec<&String> = m.services.iter().chain(&m.workloads).collect();
    // Two staggered header rows: each name gets two cells' width.
    for (k, col) in (w.col0..w.col0 + w.cols).enumerate() {
        let x = inner.x + w.label + k as u16 * CELL;
        let y = inner.y + (k % 2) as u16;
        let name = columns[col].trim_start_matches("workload:");
        let room = (inner.right().saturating_sub(x)).min(CELL * 2 - 1) as usize;
        let style = if cursor.map(|c| c.1) == Some(col) {
            theme.on_path()
        } else {
            theme.dim()
        };
        put_str(buf, x, y, &truncate(name, room), room, style);
    }
    // One buffer for every cell's symbol (a screenful is a few hundred cells).
    let mut symbol = String::with_capacity(8);
    for r in 0..w.rows {
        let row = w.row0 + r;
        let y = inner.y + HEADER_ROWS + r as u16;
        let on_row = cursor.map(|c| c.0) == Some(row);
        put_str(
            buf,
            inner.x,
            y,
            &fit(&instance_label(app, row), w.label as usize - 1),
            w.label as usize - 1,
            if on_row {
                theme.on_path()
            } else {
                theme.plain()
            },
        );
        let Some(cells) = m.cells.get(row) else {
            continue;
        };
        for (k, col) in (w.col0..w.col0 + w.cols).enumerate() {
            let Some(cell) = cells.get(col) else { continue };
            let x = inner.x + w.label + k as u16 * CELL;
            let mut style = theme.verdict(&cell.verdict);
            if cursor == Some((row, col)) {
                style = theme.selected();
            }
            // `F`: a `!` after the symbol marks a single point of failure (text, not colour).
            symbol.clear();
            push_cell_symbol(&mut symbol, &cell.verdict);
            pad_chars(&mut symbol, 2);
            if app.spof_view && app.spof_cells.contains(&(row, col)) {
                symbol.push('!');
            }
            pad_chars(&mut symbol, 3);
            put_str(buf, x, y, &symbol, 3, style);
        }
    }
    // Where the window is, and the legend: its entries whole, on the rows the matrix leaves
    // free (at least one); where they do not all fit, the last shown line ends in `…`.
    let more = tf(
        lang,
        "ui-rows-of-cols-of",
        &[
            &(w.row0 + 1.min(w.rows)).to_string(),
            &(w.row0 + w.rows).to_string(),
            &m.instances.len().to_string(),
            &(w.col0 + 1.min(w.cols)).to_string(),
            &(w.col0 + w.cols).to_string(),
            &columns.len().to_string(),
        ],
    );
    // The marks' legend first: it is what the view is about.
    let mut pieces = Vec::new();
    if app.spof_view {
        pieces.push(Span::styled(t(lang, "ui-spof-legend"), theme.warn()));
    }
    pieces.push(Span::styled(more, theme.dim()));
    let mut entries = vec![t(lang, "ui-matrix-legend")];
    if has_lattice_cells(app) {
        entries.push(t(lang, "ui-matrix-legend-lattice"));
    }
    pieces.extend(
        entries
            .iter()
            .flat_map(|e| e.split("  "))
            .map(|e| Span::styled(e.to_string(), theme.dim())),
    );
    let free = inner
        .height
        .saturating_sub(HEADER_ROWS + w.rows as u16)
        .max(1);
    let lines = pack(
        pieces,
        inner.width as usize,
        Span::raw("  "),
        "",
        free as usize,
    );
    let top = inner.bottom().saturating_sub(lines.len() as u16);
    for (i, line) in lines.iter().enumerate() {
        put_line(buf, inner.x, top + i as u16, line, inner.width);
    }
}

/// Spaces after `s` up to `n` characters, as `format!("{s:<n$}")` pads.
fn pad_chars(s: &mut String, n: usize) {
    let have = s.chars().count();
    s.extend(std::iter::repeat_n(' ', n.saturating_sub(have)));
}

/// Whether a cell of the matrix goes through a resource or service-network endpoint or a
/// service network association (the legend then explains their letters). Only those Lattice
/// resources give such a way, so a scenario without any has none and its cells are not read
/// (4x the quota model has 1,600 distinct rows of 35 cells, read every frame); otherwise
/// they are read in the classes' rows (40,000 rows, about 1,600 distinct ones).
fn has_lattice_cells(app: &App) -> bool {
    let s = app.model.scenario();
    if s.service_network_association.is_none()
        && s.interface_endpoints.iter().all(|e| e.lattice.is_none())
    {
        return false;
    }
    lattice_in_cells(&app.matrix)
}

/// Whether a cell of `m` goes through a resource or service-network endpoint or a service
/// network association.
fn lattice_in_cells(m: &crate::eval::Matrix) -> bool {
    m.distinct_rows().iter().flat_map(|r| r.iter()).any(|c| {
        matches!(
            c.verdict.via(),
            Some(
                crate::eval::Via::ResourceEndpoint
                    | crate::eval::Via::ServiceNetworkEndpoint
                    | crate::eval::Via::ServiceNetworkAssociation
            )
        )
    })
}

pub fn hotspots(app: &App, area: Rect) -> Vec<Hotspot> {
    let w = window(app, area);
    let mut out = Vec::new();
    if w.inner.width < 8 || w.inner.height < 4 {
        return out;
    }
    for r in 0..w.rows {
        for k in 0..w.cols {
            out.push(Hotspot {
                area: Rect::new(
                    w.inner.x + w.label + k as u16 * CELL,
                    w.inner.y + HEADER_ROWS + r as u16,
                    CELL - 1,
                    1,
                ),
                msg: Msg::SelectCell {
                    row: w.row0 + r,
                    col: w.col0 + k,
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::pack;
    use ratatui::text::{Line, Span};

    /// The legend's packing: two spaces between entries, no indent.
    fn legend_lines(pieces: Vec<Span<'static>>, width: usize, rows: usize) -> Vec<Line<'static>> {
        pack(pieces, width, Span::raw("  "), "", rows)
    }

    /// Skipping the cells of a scenario without Lattice resources answers as reading them
    /// does, for every shipped scenario as loaded and with each AZ failed (and some have
    /// Lattice cells, so the check is not vacuous).
    #[test]
    fn lattice_cells_are_found_as_reading_every_cell_finds_them() {
        let mut seen = [false; 2];
        for (file, model) in crate::model::shipped_scenarios() {
            let azs: Vec<String> = model
                .scenario()
                .availability_zones
                .iter()
                .map(|a| a.name.clone())
                .collect();
            let mut app = crate::app::App::new(model, None, "scenario".into());
            let mut check = |app: &crate::app::App| {
                let found = super::lattice_in_cells(&app.matrix);
                assert_eq!(super::has_lattice_cells(app), found, "{file:?}");
                seen[usize::from(found)] = true;
            };
            check(&app);
            for az in azs {
                app.apply(crate::model::Edit::FailAz { az });
                check(&app);
                app.undo();
            }
        }
        assert_eq!(
            seen,
            [true, true],
            "scenarios with and without Lattice cells"
        );
    }

    fn plain(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn the_legend_keeps_entries_whole_and_says_when_some_do_not_fit() {
        let pieces = || {
            [
                "rows 1-3 of 3",
                "✔g gateway endpoint",
                "✔n NAT",
                "✖ blocked",
            ]
            .map(|p| Span::raw(p.to_string()))
            .to_vec()
        };
        assert_eq!(
            plain(&legend_lines(pieces(), 40, 3)),
            ["rows 1-3 of 3  ✔g gateway endpoint", "✔n NAT  ✖ blocked"]
        );
        // One row: what fits, then `…` for the entries left out.
        assert_eq!(
            plain(&legend_lines(pieces(), 40, 1)),
            ["rows 1-3 of 3  ✔g gateway endpoint …"]
        );
        // No room for ` …` after the last entry: the entry itself ends in `…`.
        let one = plain(&legend_lines(pieces(), 34, 1));
        assert_eq!(one.len(), 1);
        assert!(
            one[0].ends_with('…') && one[0].chars().count() <= 34,
            "{one:?}"
        );
        // An entry wider than the panel is cut, never drawn past it.
        let narrow = plain(&legend_lines(pieces(), 8, 2));
        assert!(narrow.iter().all(|l| l.chars().count() <= 8), "{narrow:?}");
    }
}
