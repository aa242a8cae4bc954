//! Lessons against the engine: each step's model (the edits applied in order from the scenario
//! as loaded), its selected path, and a check that the evaluator answers what the step says —
//! so a lesson cannot drift from the engine. Also the printed handout.

use crate::eval::{PathTrace, Query, QueryError, evaluate};
use crate::model::{Edit, EditError, Lesson, LessonStep, Model, StepExpectation, Text};

/// One step, ready to show: the model after its edits, and its path evaluated.
#[derive(Debug, Clone)]
pub struct Stage {
    pub model: Model,
    /// The step's edits, in order: `explain::edit_change_line` says each in the reader's
    /// language ("+ attach vpce-s3 to rtb-private").
    pub changes: Vec<Edit>,
    pub trace: Result<PathTrace, QueryError>,
}

/// Why a lesson cannot be shown, as facts: `explain::lesson_error` says it in a language (and
/// `Display` in English).
#[derive(Debug, Clone, PartialEq)]
pub enum LessonError {
    NoLesson,
    /// A step's edit is refused; `step` is 1-based.
    Edit(Box<RefusedStep>),
}

/// A lesson step whose edit AWS would refuse.
#[derive(Debug, Clone, PartialEq)]
pub struct RefusedStep {
    pub step: usize,
    pub title: Text,
    pub edit: Edit,
    pub error: EditError,
}

impl std::error::Error for LessonError {}

impl std::fmt::Display for LessonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::explain::lesson_error(
            crate::explain::Lang::En,
            self,
        ))
    }
}

pub fn lesson(model: &Model) -> Option<&Lesson> {
    model.scenario().lesson.as_ref()
}

/// The model at every step, from the scenario as loaded. Step numbers in errors are 1-based.
pub fn stages(model: &Model) -> Result<Vec<Stage>, LessonError> {
    let lesson = lesson(model).ok_or(LessonError::NoLesson)?;
    let mut current = model.clone();
    let mut out = Vec::with_capacity(lesson.steps.len());
    for (i, step) in lesson.steps.iter().enumerate() {
        let mut changes = Vec::new();
        for edit in &step.edits {
            let (next, _) = edit.apply(&current).map_err(|error| {
                LessonError::Edit(Box::new(RefusedStep {
                    step: i + 1,
                    title: step.title.clone(),
                    edit: edit.clone(),
                    error,
                }))
            })?;
            changes.push(edit.clone());
            current = next;
        }
        let trace = evaluate(
            &current,
            &current.scenario().what_if,
            &Query::parse(&current, &step.from, &step.to, false),
        );
        out.push(Stage {
            model: current.clone(),
            changes,
            trace,
        });
    }
    Ok(out)
}

/// Does the trace answer what the step expects? `None` when it does; otherwise what differs.
pub fn mismatch(trace: &PathTrace, want: &StepExpectation) -> Option<String> {
    let mut wrong = Vec::new();
    if trace.verdict.code() != want.verdict {
        wrong.push(format!(
            "verdict {} (want {})",
            trace.verdict.code(),
            want.verdict
        ));
    }
    let via = trace.verdict.via().map(|v| v.code());
    if want.via.is_some() && via != want.via.as_deref() {
        wrong.push(format!("via {via:?} (want {:?})", want.via));
    }
    let reason = trace.verdict.reason().map(|r| r.code());
    if want.reason.is_some() && reason != want.reason.as_deref() {
        wrong.push(format!("reason {reason:?} (want {:?})", want.reason));
    }
    let cross = trace.verdict.cross_az().map(|c| c.code());
    if want.cross_az.is_some() && cross != want.cross_az.as_deref() {
        wrong.push(format!("cross_az {cross:?} (want {:?})", want.cross_az));
    }
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

/// Every problem with a lesson: edits refused, paths that do not evaluate, expectations the
/// evaluator does not meet, questions without an expected answer.
pub fn check(model: &Model) -> Vec<String> {
    let Some(lesson) = lesson(model) else {
        return Vec::new();
    };
    let stages = match stages(model) {
        Ok(s) => s,
        Err(e) => return vec![e.to_string()],
    };
    let mut problems = Vec::new();
    for (i, (step, stage)) in lesson.steps.iter().zip(&stages).enumerate() {
        let at = format!("lesson step {} ({})", i + 1, step.title.en);
        match (&stage.trace, &step.expect) {
            (Err(e), _) => problems.push(format!("{at}: {} → {}: {e}", step.from, step.to)),
            (Ok(t), Some(want)) => {
                if let Some(m) = mismatch(t, want) {
                    problems.push(format!("{at}: {} → {}: {m}", step.from, step.to));
                }
            }
            (Ok(_), None) if step.question.is_some() => {
                problems.push(format!("{at}: a question needs an expected verdict"))
            }
            _ => {}
        }
        if !step.source.starts_with("https://docs.aws.amazon.com/")
            && !step.source.starts_with("https://aws.amazon.com/")
        {
            problems.push(format!("{at}: source must be an AWS documentation URL"));
        }
    }
    problems
}

fn pick(text: &crate::model::Text, ja: bool) -> &str {
    if ja { &text.ja } else { &text.en }
}

/// The lesson as a handout: each step's narration, what it changed, the question, the answer
/// the evaluator gives, and the page that backs it. `only`: just that step (0-based).
pub fn handout(model: &Model, ja: bool, only: Option<usize>) -> Result<String, LessonError> {
    let lesson = lesson(model).ok_or(LessonError::NoLesson)?;
    let stages = stages(model)?;
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", pick(&lesson.title, ja)));
    for (i, (step, stage)) in lesson.steps.iter().zip(&stages).enumerate() {
        if only.is_some_and(|o| o != i) {
            continue;
        }
        out.push_str(&step_text(i, step, stage, ja));
        out.push('\n');
    }
    Ok(out)
}

fn step_text(i: usize, step: &LessonStep, stage: &Stage, ja: bool) -> String {
    let (l_step, l_changes, l_path, l_question, l_answer, l_source) = if ja {
        ("ステップ", "変更", "経路", "問題", "答え", "出典")
    } else {
        ("Step", "Changes", "Path", "Question", "Answer", "Source")
    };
    let mut out = format!("## {l_step} {}: {}\n\n", i + 1, pick(&step.title, ja));
    out.push_str(pick(&step.narration, ja));
    out.push_str("\n\n");
    if !stage.changes.is_empty() {
        out.push_str(&format!("{l_changes}:\n"));
        let lang = if ja {
            crate::explain::Lang::Ja
        } else {
            crate::explain::Lang::En
        };
        for e in &stage.changes {
            out.push_str(&format!(
                "  {}\n",
                crate::explain::edit_change_line(lang, e)
            ));
        }
        out.push('\n');
    }
    out.push_str(&format!("{l_path}: {} → {}\n", step.from, step.to));
    if let Some(q) = &step.question {
        out.push_str(&format!("{l_question}: {}\n", pick(q, ja)));
    }
    match &stage.trace {
        Ok(t) => {
            let lang = if ja {
                crate::i18n::Lang::Ja
            } else {
                crate::i18n::Lang::En
            };
            out.push_str(&format!(
                "{l_answer}: {}\n",
                crate::i18n::verdict_line(lang, &t.verdict)
            ));
            out.push_str(&format!("  {}\n", crate::explain::summary(lang, t)));
        }
        Err(e) => out.push_str(&format!(
            "{l_answer}: {}\n",
            crate::explain::query_error(
                if ja {
                    crate::i18n::Lang::Ja
                } else {
                    crate::i18n::Lang::En
                },
                e
            )
        )),
    }
    out.push_str(&format!("{l_source}: {}\n", step.source));
    out
}
