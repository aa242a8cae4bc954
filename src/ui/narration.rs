//! The lesson panel: the step's title and narration (English or Japanese), what the step
//! changed, the question, the score, and the page that backs the step.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::i18n::{Lang, t};

use super::text::wrap;
use super::theme::Theme;
use super::{clamp_scroll, draw_panel, put_lines};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some((mode, step)) = app.lesson_step() else {
        return;
    };
    let pick = |x: &crate::model::Text| {
        if app.lang == Lang::Ja {
            x.ja.clone()
        } else {
            x.en.clone()
        }
    };
    let (right, answered) = mode.score();
    let title = format!(
        "{} {}/{}: {}",
        t(app.lang, "ui-lesson"),
        mode.step + 1,
        mode.stages.len(),
        pick(&step.title)
    );
    let Some(inner) = draw_panel(theme, title, true, area, buf) else {
        return;
    };
    let w = inner.width as usize;
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
    let scroll = clamp_scroll(0, lines.len(), inner.height);
    put_lines(&lines, scroll, inner, buf);
}
