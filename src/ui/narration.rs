//! The lesson panel: the step's title and narration (English or Japanese), what the step
//! changed, the question, the score, and the page that backs the step.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::i18n::{Lang, t};

use super::text::wrap;
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
        lines.push(Line::from(vec![
            Span::styled("? ", theme.key()),
            Span::styled(pick(q), theme.title()),
            Span::styled(state, theme.key()),
        ]));
    }
    let quiz = t(
        app.lang,
        if mode.quiz {
            "ui-quiz-on"
        } else {
            "ui-quiz-off"
        },
    );
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {right}/{answered} · {quiz} · n/p {} · ",
                t(app.lang, "ui-score"),
                t(app.lang, "ui-next-back")
            ),
            theme.dim(),
        ),
        Span::styled(step.source.clone(), theme.dim()),
    ]));
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
