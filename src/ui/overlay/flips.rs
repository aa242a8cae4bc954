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
    let per = cols.lines_per_cell();
    let shown = cols.cells_shown();
    let first = clamp_scroll(scroll, flips.len(), shown as u16);
    // Only the rows in view are made: one edit can flip hundreds of thousands of cells.
    let mut lines: Vec<Line> = Vec::with_capacity(shown * per);
    for f in flips.iter_from(first).take(shown) {
        let instance = m.instances.get(f.row).map(String::as_str).unwrap_or("?");
        let (before, after) = flip_words(lang, &f.before, &f.after);
        let mut line = vec![
            Span::raw(fit(instance, cols.instance)),
            Span::raw("  "),
            Span::raw(fit(column_name(m, f.col), cols.column)),
        ];
        let before = Span::styled(fit(&before, cols.before), theme.verdict(&f.before));
        let after = Span::styled(fit(&after, cols.after), theme.verdict(&f.after));
        let indent = || Span::raw(" ".repeat(AFTER_INDENT));
        match per {
            1 => {
                line.extend([Span::raw("  "), before, Span::raw(" → "), after]);
                lines.push(Line::from(line));
            }
            2 => {
                // Too narrow for both verdicts beside the names: the new one goes under the old.
                line.extend([Span::raw("  "), before]);
                lines.push(Line::from(line));
                lines.push(Line::from(vec![indent(), Span::raw("→ "), after]));
            }
            _ => {
                // Too narrow even for the old verdict beside the names: each on its own line.
                lines.push(Line::from(line));
                lines.push(Line::from(vec![indent(), Span::raw("  "), before]));
                lines.push(Line::from(vec![indent(), Span::raw("→ "), after]));
            }
        }
    }
    clear(r, buf);
    let block = panel(theme, cols.title, true);
    let inner = block.inner(r);
    block.render(r, buf);
    put_lines(&lines, 0, inner, buf);
    crate::ui::scroll_marker(lang, theme, "j k PgDn G", first, shown, flips.len(), r, buf);
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

/// "29 cells flipped by: fail AZ us-east-1a (Esc closes)", or without "(Esc closes)" when
/// `short` (the footer says it too).
fn title_text(app: &App, short: bool) -> String {
    let none = crate::app::Flips::default();
    let flips = app.change.as_ref().map_or(&none, |c| &c.flips);
    crate::explain::msg(
        app.lang,
        if short {
            "ui-flipped-cells-title-short"
        } else {
            "ui-flipped-cells-title"
        },
        crate::explain::args().n("cells", flips.len()).s(
            "edit",
            app.change
                .as_ref()
                .map(|c| c.what.text(app.lang))
                .unwrap_or_default(),
        ),
    )
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
    /// The box's title (its width counts in the box's).
    title: String,
    instance: usize,
    column: usize,
    before: usize,
    after: usize,
    /// Lines a cell takes: 1; 2 with the verdict after the change on a line of its own, under
    /// the one before, when the box is too narrow for both beside the names (80 columns:
    /// "reachable via interface endpoint → unavailable (source's AZ failed)" alone is 67
    /// cells); 3 with the verdict before on a line of its own too, when even it does not fit
    /// beside the names (in Japanese, "到達可能 (インターフェイスエンドポイント経由)" is 44
    /// cells).
    lines: usize,
}

/// Where the second line of a cell starts (`→ after`).
const AFTER_INDENT: usize = 4;

impl FlipColumns {
    /// 1, 2 when the verdict after goes under the one before, 3 when both go under the names.
    pub(super) fn lines_per_cell(&self) -> usize {
        self.lines
    }

    /// How many cells the box shows at once.
    pub(super) fn cells_shown(&self) -> usize {
        (self.rect.height.saturating_sub(2) as usize / self.lines_per_cell()).max(1)
    }
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
    let under = AFTER_INDENT + 2 + after;
    // The widest box `centred` makes on this screen.
    let most = area.width.saturating_sub(4) as usize;
    let (box_width, per) = if wanted <= most {
        (wanted, 1)
    } else if (instance + 2 + column + 2 + before).max(under) + 2 <= most {
        ((instance + 2 + column + 2 + before).max(under) + 2, 2)
    } else {
        (
            (instance + 2 + column)
                .max(AFTER_INDENT + 2 + before)
                .max(under)
                + 2,
            3,
        )
    };
    // Wide enough for the title too (with the corners), where the screen allows; a title too
    // wide for the screen leaves out how to close the list (the footer says it).
    let title = Some(title_text(app, false))
        .filter(|full| width(full) + 4 <= most)
        .unwrap_or_else(|| title_text(app, true));
    let box_width = box_width.max(width(&title) + 4);
    let rect = centred(
        area,
        box_width.clamp(40, u16::MAX as usize) as u16,
        flips.len().saturating_mul(per).min(u16::MAX as usize - 2) as u16 + 2,
    );
    let inner = rect.width.saturating_sub(2) as usize;
    // The names come first (up to two fifths of the box on one line a cell); the verdicts take
    // the rest and end in `…` where they do not fit.
    // Two lines a cell leave the first line to the names and the verdict before; three, the
    // whole first line to the names.
    let names = match per {
        1 => inner * 2 / 5,
        2 => (inner * 2 / 5).max(inner.saturating_sub(before + 4)),
        _ => inner.saturating_sub(2),
    }
    .max(8);
    let (instance, column) = if instance + column <= names {
        (instance, column)
    } else {
        let c = column.min(names / 2).max(names.saturating_sub(instance));
        (names.saturating_sub(c).max(4), c.max(4))
    };
    let rest = inner.saturating_sub(instance + column + 4);
    let below = inner.saturating_sub(AFTER_INDENT + 2);
    let (before, after) = if per == 3 {
        (before.min(below), after.min(below))
    } else if per == 2 {
        (before.min(rest), after.min(below))
    } else {
        // The two verdicts share what the names leave, the one before at most half of it
        // unless the one after needs less.
        let rest = rest.saturating_sub(3);
        let b = before.min(
            rest.saturating_sub(rest / 2)
                .max(rest.saturating_sub(after)),
        );
        (b, after.min(rest.saturating_sub(b)))
    };
    FlipColumns {
        rect,
        title,
        instance,
        column,
        before,
        after,
        lines: per,
    }
}
