//! Lessons against the engine: each step's model (the edits applied in order from the scenario
//! as loaded), its selected path, and a check that the evaluator answers what the step says —
//! so a lesson cannot drift from the engine. Also the printed handout.

use crate::eval::{PathTrace, Query, QueryError, evaluate};
use crate::model::{Edit, EditError, Lesson, LessonStep, Model, StepExpectation};

/// One step, ready to show: the model after its edits, and its path evaluated.
#[derive(Debug, Clone)]
pub struct Stage {
    pub model: Model,
    /// What the step's edits changed, in words ("attach vpce-s3 to rtb-private").
    pub changes: Vec<String>,
    pub trace: Result<PathTrace, QueryError>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LessonError {
    #[error("the scenario has no lesson")]
    NoLesson,
    #[error("lesson step {step} ({title}): edit {edit} is refused: {error}")]
    Edit {
        step: usize,
        title: String,
        edit: String,
        error: EditError,
    },
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
            let (next, _) = edit.apply(&current).map_err(|error| LessonError::Edit {
                step: i + 1,
                title: step.title.en.clone(),
                edit: edit.describe(),
                error,
            })?;
            changes.push(change_line(edit));
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

/// "+ attach vpce-s3 to rtb-private": what a step changed, marked as an addition, a removal
/// or a change.
fn change_line(edit: &Edit) -> String {
    let mark = match edit {
        Edit::AddRoute { .. }
        | Edit::AddGatewayEndpoint { .. }
        | Edit::AttachGatewayEndpoint { .. }
        | Edit::AddInterfaceEndpoint { .. }
        | Edit::AddEndpointSubnet { .. }
        | Edit::AddNatGateway { .. }
        | Edit::AssociateGateway { .. } => "+",
        Edit::DeleteRoute { .. }
        | Edit::DeleteGatewayEndpoint { .. }
        | Edit::DetachGatewayEndpoint { .. }
        | Edit::DeleteInterfaceEndpoint { .. }
        | Edit::RemoveEndpointSubnet { .. }
        | Edit::DeleteNatGateway { .. }
        | Edit::DisassociateGateway { .. } => "−",
        Edit::FailAz { .. } => "✖",
        _ => "~",
    };
    format!("{mark} {}", edit.describe())
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
        for c in &stage.changes {
            out.push_str(&format!("  {c}\n"));
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
