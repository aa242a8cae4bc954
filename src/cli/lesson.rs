//! `vpc-tui lesson`: a lesson in the explorer, or printed step by step.

use std::io::Write;
use std::path::Path;

use super::explorer::run_explorer_at;
use super::{EXIT_INVALID, EXIT_OK, load};
use crate::i18n::Lang;

/// `vpc-tui lesson SCENARIO [--step N] [--print]`.
pub fn run_lesson(
    path: &Path,
    step: Option<u32>,
    print: bool,
    lang: Lang,
    ascii: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let model = match load(Some(path)) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "{}", crate::explain::load_error(lang, &e));
            return EXIT_INVALID;
        }
    };
    let Some(lesson) = &model.scenario().lesson else {
        let _ = writeln!(
            err,
            "{}: {}",
            path.display(),
            crate::explain::m(lang, "lesson-none")
        );
        return EXIT_INVALID;
    };
    if let Some(step) = step
        && step as usize > lesson.steps.len()
    {
        let _ = writeln!(
            err,
            "{}: {}",
            path.display(),
            crate::explain::msg(
                lang,
                "lesson-no-step",
                crate::explain::args()
                    .n("steps", lesson.steps.len())
                    .n("step", step as usize),
            )
        );
        return EXIT_INVALID;
    }
    if print {
        let only = step.map(|s| s as usize - 1);
        return match crate::lesson::handout(&model, lang, only) {
            Ok(text) => {
                let _ = write!(out, "{text}");
                EXIT_OK
            }
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}: {}",
                    path.display(),
                    crate::explain::lesson_error(lang, &e)
                );
                EXIT_INVALID
            }
        };
    }
    let step = step.map_or(0, |s| s as usize - 1);
    run_explorer_at(Some(path), lang, ascii, Some(step), err)
}
