//! Opening the interactive explorer on a scenario file or an imported VPC.

use std::io::Write;
use std::path::Path;

use super::import::load_aws_keeping_warnings;
use super::{BUILTIN_NAME, EXIT_INVALID, EXIT_OK, load};
use crate::i18n::Lang;

/// Open the interactive explorer. A scenario that does not load is reported exactly as
/// `validate` reports it, before the terminal is touched, and exits 2.
pub fn run_explorer(path: Option<&Path>, lang: Lang, ascii: bool, err: &mut dyn Write) -> i32 {
    run_explorer_at(path, lang, ascii, None, err)
}

pub(super) fn run_explorer_at(
    path: Option<&Path>,
    lang: Lang,
    ascii: bool,
    step: Option<usize>,
    err: &mut dyn Write,
) -> i32 {
    let model = match load(path) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "{}", crate::explain::load_error(lang, &e));
            return EXIT_INVALID;
        }
    };
    let label = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| BUILTIN_NAME.to_string());
    let app = crate::app::App::new(model, path.map(Path::to_path_buf), label);
    explore(app, lang, ascii, step, err)
}

/// Run the explorer on a loaded model until the user quits, in the user's language and
/// symbols; `step` opens a lesson step (0-based).
fn explore(
    mut app: crate::app::App,
    lang: Lang,
    ascii: bool,
    step: Option<usize>,
    err: &mut dyn Write,
) -> i32 {
    // https://no-color.org: present and not empty turns colour off.
    app.color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    app.set_lang(lang);
    app.ascii = ascii;
    app.offer_recovery();
    if let Some(step) = step {
        app.start_lesson(step);
    } else if app.model.scenario().lesson.is_some() {
        app.status = Some((
            crate::app::StatusKind::Info,
            crate::i18n::t(lang, "ui-this-scenario-has-lesson-n-starts").into(),
        ));
    }
    match crate::tui::run_terminal(&mut app) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let _ = writeln!(
                err,
                "{}",
                crate::explain::error_line(lang, &format!("terminal: {e}"))
            );
            EXIT_INVALID
        }
    }
}

/// `vpc-tui --aws DIR` in a terminal: the explorer on the imported VPC. It has no file of its
/// own, so a save asks where to write the scenario.
pub fn run_explorer_aws(
    dir: &Path,
    vpc: Option<&str>,
    lang: Lang,
    ascii: bool,
    err: &mut dyn Write,
) -> i32 {
    let (model, warnings) = match load_aws_keeping_warnings(dir, vpc, lang, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let mut app = crate::app::App::new(model, None, dir.display().to_string());
    app.import_warnings = warnings;
    explore(app, lang, ascii, None, err)
}
