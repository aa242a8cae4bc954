//! Lessons against the engine: each step's model (the edits applied in order from the scenario
//! as loaded), its selected path, and a check that the evaluator answers what the step says —
//! so a lesson cannot drift from the engine. Also the printed handout.

use crate::eval::{PathTrace, Query, QueryError, evaluate};
use crate::explain::{self, Lang};
use crate::model::{Edit, EditError, Lesson, LessonStep, Model, StepExpectation, Text};
use crate::scenario_checks::{Mismatch, Problem, ProblemAt, ProblemKind};

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
            &Query::parse(&current, &step.from, &step.to, false)
                .with_request(step.request())
                .with_probe(step.probe()),
        );
        out.push(Stage {
            model: current.clone(),
            changes,
            trace,
        });
    }
    Ok(out)
}

/// Does the trace answer what the step expects? Empty when it does; otherwise what differs.
pub fn mismatch(trace: &PathTrace, want: &StepExpectation) -> Vec<Mismatch> {
    crate::scenario_checks::mismatches(
        trace,
        &want.verdict,
        want.via.as_ref(),
        want.cross_az.as_ref(),
        want.reason.as_ref(),
    )
}

/// Every problem with a lesson: edits refused, paths that do not evaluate, expectations the
/// evaluator does not meet, questions without an expected answer.
pub fn check(model: &Model) -> Vec<Problem> {
    let Some(lesson) = lesson(model) else {
        return Vec::new();
    };
    let stages = match stages(model) {
        Ok(s) => s,
        Err(e) => {
            return vec![Problem {
                at: ProblemAt::Lesson,
                kind: ProblemKind::Lesson(e),
            }];
        }
    };
    let mut problems = Vec::new();
    for (i, (step, stage)) in lesson.steps.iter().zip(&stages).enumerate() {
        let at = |path: bool| ProblemAt::LessonStep {
            step: i + 1,
            title: step.title.clone(),
            path: path.then(|| (step.from.clone(), step.to.clone())),
        };
        let kind = match (&stage.trace, &step.expect) {
            (Err(e), _) => Some((true, ProblemKind::Query(e.clone()))),
            (Ok(t), Some(want)) => {
                let wrong = mismatch(t, want);
                (!wrong.is_empty()).then_some((true, ProblemKind::Mismatch(wrong)))
            }
            (Ok(_), None) if step.question.is_some() => {
                Some((false, ProblemKind::QuestionWithoutAnswer))
            }
            _ => None,
        };
        if let Some((path, kind)) = kind {
            problems.push(Problem { at: at(path), kind });
        }
        if step.fix_question.is_some() && fix_to_reveal(step, stage).is_none() {
            problems.push(Problem {
                at: at(true),
                kind: ProblemKind::FixQuestionWithoutFix,
            });
        }
        if let Some(table) = &step.route_table
            && !stage
                .model
                .scenario()
                .route_tables
                .iter()
                .any(|t| &t.id == table)
        {
            problems.push(Problem {
                at: at(false),
                kind: ProblemKind::UnknownRouteTable(table.clone()),
            });
        }
        if !crate::scenario_checks::is_aws_source(&step.source) {
            problems.push(Problem {
                at: at(false),
                kind: ProblemKind::SourceNotAws,
            });
        }
    }
    problems
}

/// The suggestions a step's "how would you fix it?" reveals: `None` when the path works or
/// no suggestion makes it reachable.
pub fn fix_to_reveal(step: &LessonStep, stage: &Stage) -> Option<crate::fix::Suggestions> {
    let trace = stage.trace.as_ref().ok()?;
    let m = &stage.model;
    let query = Query::parse(m, &step.from, &step.to, false)
        .with_request(step.request())
        .with_probe(step.probe());
    let found = crate::fix::suggest_for(m, &m.scenario().what_if, &query, trace);
    found.suggestions.iter().any(|s| s.fixes()).then_some(found)
}

fn pick(text: &Text, lang: Lang) -> &str {
    match lang {
        Lang::Ja => &text.ja,
        Lang::En => &text.en,
    }
}

/// The lesson as a handout: each step's narration, what it changed, the question, the answer
/// the evaluator gives, and the page that backs it. `only`: just that step (0-based).
pub fn handout(model: &Model, lang: Lang, only: Option<usize>) -> Result<String, LessonError> {
    let lesson = lesson(model).ok_or(LessonError::NoLesson)?;
    let stages = stages(model)?;
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", pick(&lesson.title, lang)));
    for (i, (step, stage)) in lesson.steps.iter().zip(&stages).enumerate() {
        if only.is_some_and(|o| o != i) {
            continue;
        }
        out.push_str(&step_text(i, step, stage, lang));
        out.push('\n');
    }
    Ok(out)
}

fn step_text(i: usize, step: &LessonStep, stage: &Stage, lang: Lang) -> String {
    let line = |id: &str, a: explain::Args<'_>| explain::msg(lang, id, a) + "\n";
    let mut out = format!(
        "## {}\n\n",
        explain::msg(
            lang,
            "handout-step",
            explain::args()
                .n("step", i + 1)
                .s("title", pick(&step.title, lang)),
        )
    );
    out.push_str(pick(&step.narration, lang));
    out.push_str("\n\n");
    if !stage.changes.is_empty() {
        out.push_str(&line("handout-changes", explain::args()));
        for e in &stage.changes {
            out.push_str(&format!("  {}\n", explain::edit_change_line(lang, e)));
        }
        out.push('\n');
    }
    let request = [step.action.as_deref(), step.resource.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    out.push_str(&line(
        "handout-path",
        explain::args()
            .s("from", step.from.as_str())
            .s("to", step.to.as_str())
            .b("request_any", request.is_empty())
            .s("request", request),
    ));
    if let Some(q) = &step.question {
        out.push_str(&line(
            "handout-question",
            explain::args().s("question", pick(q, lang)),
        ));
    }
    match &stage.trace {
        Ok(t) => {
            out.push_str(&line(
                "handout-answer",
                explain::args().s("answer", crate::i18n::verdict_line(lang, &t.verdict)),
            ));
            out.push_str(&format!("  {}\n", explain::summary(lang, t)));
        }
        Err(e) => out.push_str(&line(
            "handout-answer",
            explain::args().s("answer", explain::query_error(lang, e)),
        )),
    }
    if let Some(q) = &step.fix_question {
        out.push_str(&line(
            "handout-fix-question",
            explain::args().s("question", pick(q, lang)),
        ));
        if let Some(found) = fix_to_reveal(step, stage) {
            for (i, s) in found.suggestions.iter().enumerate() {
                out.push_str(&line(
                    "handout-fix",
                    explain::args()
                        .n("n", i + 1)
                        .s("edit", explain::edit_text(lang, &s.edit()))
                        .s("cost", crate::cost::signed(s.monthly_cost_delta))
                        .s("currency", s.currency.as_str()),
                ));
            }
        }
    }
    out.push_str(&line(
        "handout-source",
        explain::args().s("source", step.source.as_str()),
    ));
    out
}
