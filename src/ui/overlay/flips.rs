//! The list of matrix cells the last edit flipped (`c`), in aligned columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::i18n::{self, Lang};

use super::{centred, clear};
use crate::ui::text::{fit, width};
use crate::ui::theme::Theme;
use crate::ui::{clamp_scroll, panel, put_lines};

pub(super) fn render(app: &App, scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang;
    let none = crate::app::Flips::default();
    let flips = app.change.as_ref().map_or(&none, |c| &c.flips);
    let m = &app.matrix;
    let cols = columns(app, area);
    let r = cols.rect;
    let first = clamp_scroll(scroll, flips.len(), r.height.saturating_sub(2));
    // Only the rows in view are made: one edit can flip hundreds of thousands of cells.
    let lines: Vec<Line> = flips
        .iter_from(first)
        .take(r.height as usize)
        .map(|f| {
            let instance = m.instances.get(f.row).map(String::as_str).unwrap_or("?");
            let (before, after) = flip_words(lang, &f.before, &f.after);
            Line::from(vec![
                Span::raw(fit(instance, cols.instance)),
                Span::raw("  "),
                Span::raw(fit(column_name(m, f.col), cols.column)),
                Span::raw("  "),
                Span::styled(fit(&before, cols.before), theme.verdict(&f.before)),
                Span::raw(" → "),
                Span::styled(after, theme.verdict(&f.after)),
            ])
        })
        .collect();
    clear(r, buf);
    let title = crate::explain::msg(
        lang,
        "ui-flipped-cells-title",
        crate::explain::args().n("cells", flips.len()).s(
            "edit",
            app.change
                .as_ref()
                .map(|c| c.what.text(lang))
                .unwrap_or_default(),
        ),
    );
    let block = panel(theme, title, true);
    let inner = block.inner(r);
    block.render(r, buf);
    put_lines(&lines, 0, inner, buf);
    crate::ui::scroll_marker(
        lang,
        theme,
        "j k PgDn G",
        first,
        inner.height as usize,
        flips.len(),
        r,
        buf,
    );
}

/// The two sides of a flip in the `c` list, in a few words each. A flip that keeps the way
/// and changes only the cross-AZ detail says just that detail (`sometimes to another AZ` →
/// `stays in the client's AZ`): the way's words would be the same on both sides.
fn flip_words(
    lang: Lang,
    before: &crate::eval::Verdict,
    after: &crate::eval::Verdict,
) -> (String, String) {
    use crate::eval::Verdict::Reachable;
    match (before, after) {
        (
            Reachable {
                via: a,
                cross_az: Some(x),
            },
            Reachable {
                via: b,
                cross_az: Some(y),
            },
        ) if a == b => (
            crate::explain::cross_az_label(lang, *x),
            crate::explain::cross_az_label(lang, *y),
        ),
        (a, b) => (i18n::verdict_words(lang, a), i18n::verdict_words(lang, b)),
    }
}

fn column_name(m: &crate::eval::Matrix, col: usize) -> &str {
    m.services
        .iter()
        .chain(&m.workloads)
        .nth(col)
        .map(String::as_str)
        .unwrap_or("?")
}

/// The flipped-cells list's box and column widths: instance, column and the verdict before
/// each get a fixed width, so the columns line up and never run together (a name too long
/// for its share ends in `…`).
pub(super) struct FlipColumns {
    pub(super) rect: Rect,
    instance: usize,
    column: usize,
    before: usize,
}

pub(super) fn columns(app: &App, area: Rect) -> FlipColumns {
    let none = crate::app::Flips::default();
    let flips = app.change.as_ref().map_or(&none, |c| &c.flips);
    let m = &app.matrix;
    // The distinct verdict pairs are few, however many cells flipped; a run's rows flip alike.
    let mut pairs: Vec<(&crate::eval::Verdict, &crate::eval::Verdict)> = Vec::new();
    let mut rows: Vec<bool> = vec![false; m.instances.len()];
    let mut columns: Vec<bool> = vec![false; m.services.len() + m.workloads.len()];
    let (mut before, mut after) = (0, 0);
    for run in flips.runs() {
        for (col, x, y) in run.cells() {
            if !pairs.contains(&(x, y)) {
                pairs.push((x, y));
                let (b, a) = flip_words(app.lang, x, y);
                before = before.max(width(&b));
                after = after.max(width(&a));
            }
            if let Some(c) = columns.get_mut(col) {
                *c = true;
            }
        }
        for r in rows.get_mut(run.rows.clone()).into_iter().flatten() {
            *r = true;
        }
    }
    let instance = (m.instances.iter().zip(&rows))
        .filter(|(_, on)| **on)
        .map(|(s, _)| width(s))
        .max()
        .unwrap_or(1);
    let column = (0..columns.len())
        .filter(|&c| columns[c])
        .map(|c| width(column_name(m, c)))
        .max()
        .unwrap_or(1);
    let wanted = instance + 2 + column + 2 + before + 3 + after + 2;
    let rect = centred(
        area,
        wanted.clamp(40, u16::MAX as usize) as u16,
        flips.len().min(u16::MAX as usize) as u16 + 2,
    );
    let inner = rect.width.saturating_sub(2) as usize;
    // The names come first (up to two fifths of the box); the two verdicts share the rest
    // and end in `…` where they do not fit.
    let names = (inner * 2 / 5).max(8);
    let (instance, column) = if instance + column <= names {
        (instance, column)
    } else {
        let c = column.min(names / 2).max(names.saturating_sub(instance));
        (names.saturating_sub(c).max(4), c.max(4))
    };
    let rest = inner.saturating_sub(instance + column + 4 + 3);
    let before = before.min(
        rest.saturating_sub(rest / 2)
            .max(rest.saturating_sub(after)),
    );
    FlipColumns {
        rect,
        instance,
        column,
        before,
    }
}
