//! What `vpc-tui validate` checks beyond loading: every `expect` entry holds, and a lesson's
//! steps apply and answer what they say (`crate::lesson::check`), exactly as the test suite
//! checks the scenarios it ships. Each problem names the entry or step and the rule, as facts
//! that `explain::problem` says in a language (and `Display` in English).

use std::fmt;

use crate::eval::{PathTrace, Query, QueryError, evaluate};
use crate::lesson::LessonError;
use crate::model::{Expectation, Model, Text};

/// One problem with a scenario's `expect` entries or its lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub at: ProblemAt,
    pub kind: ProblemKind,
}

/// Where a problem is.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemAt {
    /// An `expect` entry (1-based) and its path.
    Expect {
        entry: usize,
        from: String,
        to: String,
    },
    /// A lesson step (1-based), and its path when the problem is about the path.
    LessonStep {
        step: usize,
        title: Text,
        path: Option<(String, String)>,
    },
    /// The lesson as a whole.
    Lesson,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The path does not evaluate.
    Query(QueryError),
    /// The evaluator answers otherwise than the file says.
    Mismatch(Vec<Mismatch>),
    /// A lesson question without an expected answer.
    QuestionWithoutAnswer,
    /// "How would you fix it?" on a path that works, or that no suggestion makes reachable.
    FixQuestionWithoutFix,
    /// `source` is not an AWS documentation page.
    SourceNotAws,
    /// A lesson step's `route_table` names no route table of the model at that step.
    UnknownRouteTable(String),
    /// The lesson cannot be shown (a step's edit is refused).
    Lesson(LessonError),
}

/// One field of an expectation the evaluator does not meet. `field` is the file's field name
/// (`verdict`, `via`, `cross_az`, `reason`); `None` is a field the answer does not have.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    Field {
        field: &'static str,
        got: Option<&'static str>,
        want: Option<String>,
    },
    NoteMissing(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::explain::problem(crate::explain::Lang::En, self))
    }
}

/// What differs between a trace and the expected fields (each given only when the file says).
pub(crate) fn mismatches(
    trace: &PathTrace,
    verdict: &str,
    via: Option<&String>,
    cross_az: Option<&String>,
    reason: Option<&String>,
) -> Vec<Mismatch> {
    let mut wrong = Vec::new();
    let mut field = |field: &'static str, got: Option<&'static str>, want: Option<&String>| {
        if want.is_some() && got != want.map(|w| w.as_str()) {
            wrong.push(Mismatch::Field {
                field,
                got,
                want: want.cloned(),
            });
        }
    };
    let want_verdict = verdict.to_string();
    field("verdict", Some(trace.verdict.code()), Some(&want_verdict));
    field("via", trace.verdict.via().map(|v| v.code()), via);
    field(
        "cross_az",
        trace.verdict.cross_az().map(|v| v.code()),
        cross_az,
    );
    field("reason", trace.verdict.reason().map(|r| r.code()), reason);
    wrong
}

/// Whether a `source` is an AWS documentation page.
pub(crate) fn is_aws_source(source: &str) -> bool {
    source.starts_with("https://docs.aws.amazon.com/")
        || source.starts_with("https://aws.amazon.com/")
}

/// One `expect` entry's path evaluated on `model` (the scenario's what-if, the entry's failed
/// AZs, protocol and port).
fn expectation_trace(model: &Model, exp: &Expectation) -> Result<PathTrace, QueryError> {
    let mut what_if = model.scenario().what_if.clone();
    what_if.failed_azs.extend(exp.failed_azs.iter().cloned());
    evaluate(
        model,
        &what_if,
        &Query::parse(model, &exp.from, &exp.to, false)
            .with_probe(crate::eval::Probe::asked(exp.protocol, exp.port))
            .with_request(crate::eval::Request {
                action: exp.action.clone(),
                resource: exp.resource.clone(),
            })
            .with_family(
                exp.family
                    .as_deref()
                    .and_then(crate::eval::Family::from_code)
                    .unwrap_or_default(),
            ),
    )
}

/// Whether the answer `trace` is what the entry says (every field it gives, every note).
fn holds(trace: &PathTrace, exp: &Expectation) -> bool {
    mismatches(
        trace,
        &exp.verdict,
        exp.via.as_ref(),
        exp.cross_az.as_ref(),
        exp.reason.as_ref(),
    )
    .is_empty()
        && exp
            .notes
            .iter()
            .all(|n| trace.notes.iter().any(|x| x.code() == n))
}

/// An `expect` entry rewritten after an edit: its place (1-based), and the entry before and
/// after.
#[derive(Debug, Clone, PartialEq)]
pub struct Rewritten {
    pub entry: usize,
    pub was: Expectation,
    pub now: Expectation,
}

/// The `expect` entries after an edit from `before` to `after` (same entries, `after`'s
/// scenario): each entry that held before and does not after is rewritten to what `after`
/// answers (verdict, `via` and `reason` as the answer has them, `cross_az` when the entry gave
/// one, the notes the answer still has); the others are kept as they are (one that already
/// failed is not the edit's doing). With the list, the entries rewritten.
pub fn rewrite_expectations(before: &Model, after: &Model) -> (Vec<Expectation>, Vec<Rewritten>) {
    let mut entries = after.scenario().expect.clone();
    let mut rewritten = Vec::new();
    for (i, exp) in entries.iter_mut().enumerate() {
        let held = expectation_trace(before, exp).is_ok_and(|t| holds(&t, exp));
        let Ok(trace) = expectation_trace(after, exp) else {
            continue;
        };
        if !held || holds(&trace, exp) {
            continue;
        }
        let was = exp.clone();
        let v = &trace.verdict;
        exp.verdict = v.code().to_string();
        exp.via = v.via().map(|x| x.code().to_string());
        exp.reason = v.reason().map(|x| x.code().to_string());
        if exp.cross_az.is_some() {
            exp.cross_az = v.cross_az().map(|x| x.code().to_string());
        }
        exp.notes
            .retain(|n| trace.notes.iter().any(|x| x.code() == n));
        rewritten.push(Rewritten {
            entry: i + 1,
            was,
            now: exp.clone(),
        });
    }
    (entries, rewritten)
}

/// Whether the scenario's lesson has a problem (a step's edit refused, a step's answer wrong).
pub fn lesson_fails(model: &Model) -> bool {
    !crate::lesson::check(model).is_empty()
}

/// Every problem, in file order: `expect` entries first, then lesson steps.
pub fn problems(model: &Model) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, exp) in model.scenario().expect.iter().enumerate() {
        let at = || ProblemAt::Expect {
            entry: i + 1,
            from: exp.from.clone(),
            to: exp.to.clone(),
        };
        let trace = match expectation_trace(model, exp) {
            Ok(t) => t,
            Err(e) => {
                out.push(Problem {
                    at: at(),
                    kind: ProblemKind::Query(e),
                });
                continue;
            }
        };
        let mut wrong = mismatches(
            &trace,
            &exp.verdict,
            exp.via.as_ref(),
            exp.cross_az.as_ref(),
            exp.reason.as_ref(),
        );
        for n in &exp.notes {
            if !trace.notes.iter().any(|x| x.code() == n) {
                wrong.push(Mismatch::NoteMissing(n.clone()));
            }
        }
        if !wrong.is_empty() {
            out.push(Problem {
                at: at(),
                kind: ProblemKind::Mismatch(wrong),
            });
        }
        if !is_aws_source(&exp.source) {
            out.push(Problem {
                at: at(),
                kind: ProblemKind::SourceNotAws,
            });
        }
    }
    out.extend(crate::lesson::check(model));
    out
}
