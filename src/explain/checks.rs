//! What `validate` and `check` say about a scenario (`checks.ftl`): its `expect` entries and
//! lesson steps that the evaluator does not meet, and a failed AZ that does not exist.

use super::{Lang, args, join_with, m, msg};
use crate::scenario_checks::{Mismatch, Problem, ProblemAt, ProblemKind};

/// One problem: "expect 1 (app-a → s3): verdict reachable (want blocked)".
pub fn problem(lang: Lang, p: &Problem) -> String {
    let at = match &p.at {
        ProblemAt::Expect { entry, from, to } => msg(
            lang,
            "problem-at-expect",
            args()
                .n("entry", *entry)
                .s("from", from.as_str())
                .s("to", to.as_str()),
        ),
        ProblemAt::LessonStep { step, title, path } => {
            let title = match lang {
                Lang::Ja => title.ja.as_str(),
                Lang::En => title.en.as_str(),
            };
            let a = args().n("step", *step).s("title", title);
            match path {
                Some((from, to)) => msg(
                    lang,
                    "problem-at-step-path",
                    a.s("from", from.as_str()).s("to", to.as_str()),
                ),
                None => msg(lang, "problem-at-step", a),
            }
        }
        ProblemAt::Lesson => m(lang, "problem-at-lesson"),
    };
    let what = match &p.kind {
        // A refused lesson edit already says which step.
        ProblemKind::Lesson(e) => return super::lesson_error(lang, e),
        ProblemKind::Query(e) => super::query_error(lang, e),
        ProblemKind::Mismatch(wrong) => join_with(
            lang,
            "mismatch-sep",
            wrong.iter().map(|w| mismatch(lang, w)),
        ),
        ProblemKind::QuestionWithoutAnswer => m(lang, "problem-question-without-answer"),
        ProblemKind::FixQuestionWithoutFix => m(lang, "problem-fix-question-without-fix"),
        ProblemKind::SourceNotAws => m(lang, "problem-source-not-aws"),
        ProblemKind::UnknownRouteTable(id) => msg(
            lang,
            "problem-unknown-route-table",
            args().s("table", id.clone()),
        ),
    };
    msg(lang, "problem-line", args().s("at", at).s("what", what))
}

/// One field the evaluator answers otherwise: "verdict reachable (want blocked)".
pub fn mismatch(lang: Lang, w: &Mismatch) -> String {
    match w {
        Mismatch::Field { field, got, want } => {
            let none = || m(lang, "mismatch-none");
            msg(
                lang,
                "mismatch-field",
                args()
                    .s("field", *field)
                    .s("got", got.map_or_else(none, str::to_string))
                    .s("want", want.clone().unwrap_or_else(none)),
            )
        }
        Mismatch::NoteMissing(note) => msg(lang, "mismatch-note", args().s("note", note.as_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    #[test]
    fn problems_in_both_languages() {
        let step = |path: bool| ProblemAt::LessonStep {
            step: 2,
            title: Text {
                en: "Attach it".into(),
                ja: "関連付ける".into(),
            },
            path: path.then(|| ("app-a".to_string(), "s3".to_string())),
        };
        let wrong = ProblemKind::Mismatch(vec![
            Mismatch::Field {
                field: "verdict",
                got: Some("reachable"),
                want: Some("blocked".into()),
            },
            Mismatch::Field {
                field: "via",
                got: None,
                want: Some("nat_gateway".into()),
            },
            Mismatch::NoteMissing("private_dns_off".into()),
        ]);
        let cases = [
            (
                Problem {
                    at: ProblemAt::Expect {
                        entry: 1,
                        from: "app-a".into(),
                        to: "s3".into(),
                    },
                    kind: wrong.clone(),
                },
                "expect 1 (app-a → s3): verdict reachable (want blocked), via none (want nat_gateway), note private_dns_off missing",
                "expect の 1 件目 (app-a → s3): verdict が reachable です (期待: blocked)、via がなしです (期待: nat_gateway)、注記 private_dns_off がありません",
            ),
            (
                Problem {
                    at: step(true),
                    kind: wrong,
                },
                "lesson step 2 (Attach it): app-a → s3: verdict reachable (want blocked), via none (want nat_gateway), note private_dns_off missing",
                "レッスンのステップ 2 (関連付ける): app-a → s3: verdict が reachable です (期待: blocked)、via がなしです (期待: nat_gateway)、注記 private_dns_off がありません",
            ),
            (
                Problem {
                    at: step(false),
                    kind: ProblemKind::QuestionWithoutAnswer,
                },
                "lesson step 2 (Attach it): a question needs an expected verdict",
                "レッスンのステップ 2 (関連付ける): 問題には期待する判定 (expect) が必要です。",
            ),
            (
                Problem {
                    at: step(false),
                    kind: ProblemKind::SourceNotAws,
                },
                "lesson step 2 (Attach it): source must be an AWS documentation URL",
                "レッスンのステップ 2 (関連付ける): source には AWS のドキュメントの URL を指定してください。",
            ),
        ];
        for (p, en, ja) in cases {
            assert_eq!(problem(Lang::En, &p), en);
            assert_eq!(problem(Lang::Ja, &p), ja);
            assert_eq!(p.to_string(), en);
        }
    }
}
