//! The lesson panel: the step's title and narration (English or Japanese), what the step
//! changed, the question, the score, and the page that backs the step.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::App;
use crate::i18n::Lang;

use super::text::wrap;
use super::theme::Theme;
use super::{clamp_scroll, panel, put_lines};

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let Some((mode, step)) = app.lesson_step() else {
        return;
    };
    let lesson = app.lesson_source.scenario().lesson.as_ref();
    let pick = |t: &crate::model::Text| {
        if app.lang == Lang::Ja {
            t.ja.clone()
        } else {
            t.en.clone()
        }
    };
    let (right, answered) = mode.score();
    let title = format!(
        "{} {}/{}: {}",
        if app.lang == Lang::Ja {
            "レッスン"
        } else {
            "Lesson"
        },
        mode.step + 1,
        mode.stages.len(),
        pick(&step.title)
    );
    let block = panel(theme, title, true);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
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
    for c in &mode.stages[mode.step].changes {
        lines.extend(wrap(c, w, "  ", "    ", theme.on_path(), theme.on_path()));
    }
    if let Some(q) = &step.question {
        let state = match mode.answers[mode.step] {
            None if mode.quiz => {
                if app.lang == Lang::Ja {
                    "  → a で答える"
                } else {
                    "  → a to answer"
                }
            }
            Some(true) => "  ✔",
            Some(false) => "  ✖",
            None => "",
        };
        lines.push(Line::from(vec![
            Span::styled("? ", theme.key()),
            Span::styled(pick(q), theme.title()),
            Span::styled(state, theme.key()),
        ]));
    }
    let quiz = if mode.quiz { "quiz on" } else { "quiz off" };
    lines.push(Line::from(vec![
        Span::styled(
            format!(
                "{} {right}/{answered} · {quiz} · n/p {} · ",
                if app.lang == Lang::Ja {
                    "スコア"
                } else {
                    "score"
                },
                if app.lang == Lang::Ja {
                    "次へ/戻る"
                } else {
                    "next/back"
                }
            ),
            theme.dim(),
        ),
        Span::styled(step.source.clone(), theme.dim()),
    ]));
    let _ = lesson;
    let scroll = clamp_scroll(0, lines.len(), inner.height);
    put_lines(&lines, scroll, inner, buf);
}
