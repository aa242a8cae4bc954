//! `vpc-tui validate`: every finding for each scenario file.

use std::io::Write;
use std::path::PathBuf;

use super::{EXIT_INVALID, EXIT_OK, print_warnings};
use crate::explain::Lang;
use crate::model;

pub fn run_validate(
    paths: &[PathBuf],
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut code = EXIT_OK;
    for p in paths {
        match model::load_file(p) {
            Ok(m) => {
                print_warnings(&m, p, lang, err);
                let problems = crate::scenario_checks::problems(&m);
                if !problems.is_empty() {
                    for problem in &problems {
                        let _ = writeln!(
                            err,
                            "{}: {}",
                            p.display(),
                            crate::explain::problem(lang, problem)
                        );
                    }
                    code = EXIT_INVALID;
                    continue;
                }
                let _ = writeln!(
                    out,
                    "{}",
                    crate::explain::msg(
                        lang,
                        "check-valid",
                        crate::explain::args()
                            .s("path", p.display().to_string())
                            .n("count", m.warnings().len()),
                    )
                );
            }
            Err(e) => {
                let _ = writeln!(err, "{}", crate::explain::load_error(lang, &e));
                code = EXIT_INVALID;
            }
        }
    }
    code
}
