//! The lesson panel: the step's title and narration (English or Japanese), what the step
//! changed, the question, the score, and the page that backs the step.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::i18n::{Lang, t};

use super::text::{width, wrap};
use super::theme::Theme;
use super::{clamp_scroll, draw_panel, put_lines, scroll_marker};

/// The narration panel's lines at inner width `w`; the layout sizes the panel from them.
pub(crate) fn lines(app: &App, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let Some((mode, step)) = app.lesson_step() else {
        return Vec::new();
    };
    let pick = |x: &crate::model::Text| {
        if app.lang == Lang::Ja {
            x.ja.clone()
        } else {
            x.en.clone()
        }
    };
    let (right, answered) = mode.score();
    let mut lines: Vec<Line<'static>> = Vec::new();
    lines.extend(wrap(
        &pick(&step.narration),
        w,
        "",
        "",
        theme.plain(),
        theme.plain(),
    ));
    for e in &mode.stages[mode.step].changes {
        let c = crate::explain::edit_change_line(app.lang, e);
        lines.extend(wrap(&c, w, "  ", "    ", theme.on_path(), theme.on_path()));
    }
    if let Some(q) = &step.question {
        let state = match mode.answers[mode.step] {
            None if mode.quiz => format!("  {}", t(app.lang, "ui-to-answer")),
            Some(true) => "  ✔".into(),
            Some(false) => "  ✖".into(),
            None => String::new(),
        };
        // The question wrapped like the narration (a Japanese question is often wider than
        // 80 columns), the answer state after it, on a line of its own when it does not fit.
        lines.extend(wrap(&pick(q), w, "? ", "  ", theme.key(), theme.title()));
        if !state.is_empty()
            && let Some(last) = lines.last_mut()
        {
            if last.width() + width(&state) <= w {
                last.spans.push(Span::styled(state, theme.key()));
            } else {
                lines.push(Line::styled(
                    format!("  {}", state.trim_start()),
                    theme.key(),
                ));
            }
        }
    }
    let quiz = t(
        app.lang,
        if mode.quiz {
            "ui-quiz-on"
        } else {
            "ui-quiz-off"
        },
    );
    let score = format!(
        "{} {right}/{answered} · {quiz} · n/p {}",
        t(app.lang, "ui-score"),
        t(app.lang, "ui-next-back")
    );
    // The page that backs the step is never cut: after the score when it fits, else on lines
    // of its own, broken anywhere (a URL has no spaces to break at).
    if width(&score) + 3 + width(&step.source) <= w {
        lines.push(Line::styled(
            format!("{score} · {}", step.source),
            theme.dim(),
        ));
    } else {
        lines.push(Line::styled(score, theme.dim()));
        lines.extend(wrap(&step.source, w, "", "", theme.dim(), theme.dim()));
    }
    lines
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some((mode, step)) = app.lesson_step() else {
        return;
    };
    let title = format!(
        "{} {}/{}: {}",
        t(app.lang, "ui-lesson"),
        mode.step + 1,
        mode.stages.len(),
        if app.lang == Lang::Ja {
            &step.title.ja
        } else {
            &step.title.en
        }
    );
    let Some(inner) = draw_panel(theme, title, false, area, buf) else {
        return;
    };
    let lines = lines(app, theme, inner.width as usize);
    let scroll = clamp_scroll(app.narration_scroll, lines.len(), inner.height);
    put_lines(&lines, scroll, inner, buf);
    scroll_marker(
        app.lang,
        theme,
        "< >",
        scroll,
        inner.height as usize,
        lines.len(),
        area,
        buf,
    );
}
