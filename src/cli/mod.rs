//! Command-line interface: argument types (clap) and the non-interactive subcommands. Each
//! subcommand writes to the given writers and returns the process exit code.

use std::io::Write;
use std::path::Path;

use crate::model::{self, LoadError, Model};

mod args;
mod check;
mod explorer;
mod export;
mod import;
mod lesson;
mod matrix;
mod overview;
mod validate;

pub use args::{
    CheckArgs, Cli, Command, ExportArgs, ExportFormat, Format, ImportAwsArgs, ImportSource,
    resolve_lang,
};
pub use check::run_check;
pub use explorer::{run_explorer, run_explorer_aws};
pub use export::run_export;
pub use import::{load_aws, run_import};
pub use lesson::run_lesson;
pub use overview::{run_overview, run_overview_aws};
pub use validate::run_validate;

/// Exit code: the path is reachable (or every cell of the matrix is; or the scenario is valid).
pub const EXIT_OK: i32 = 0;
/// Exit code: evaluated, and not reachable (blocked, partial, unavailable, leaves the VPC).
pub const EXIT_NOT_REACHABLE: i32 = 1;
/// Exit code: invalid input or usage (unreadable or invalid scenario, unknown name).
pub const EXIT_INVALID: i32 = 2;

/// The launch scenario, built in so that `vpc-tui` with no argument has something to show.
pub const BUILTIN_SCENARIO: &str = include_str!("../../scenarios/private-only.ron");
pub const BUILTIN_NAME: &str = "<built-in private-only.ron>";

pub use crate::i18n::Lang;

/// Load a scenario file, or the built-in one when `path` is `None`.
pub fn load(path: Option<&Path>) -> Result<Model, LoadError> {
    match path {
        Some(p) => model::load_file(p),
        None => {
            let name = Path::new(BUILTIN_NAME);
            let scenario = model::from_ron_str(BUILTIN_SCENARIO, name)?;
            Model::new(scenario).map_err(|diagnostics| LoadError::Invalid {
                path: name.to_path_buf(),
                diagnostics,
            })
        }
    }
}

fn print_warnings(model: &Model, path: &Path, lang: Lang, err: &mut dyn Write) {
    for w in model.warnings() {
        let _ = writeln!(
            err,
            "{}: {}",
            path.display(),
            crate::explain::diagnostic(lang, w)
        );
    }
}

/// The model `check` and `export` work on: a scenario file, or a directory of AWS CLI output
/// (`--aws DIR [--vpc]`), with its warnings printed; `Err` is the exit code after the message.
fn load_scenario_or_aws(
    scenario: Option<&Path>,
    aws: Option<&Path>,
    vpc: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<Model, i32> {
    let (model, shown) = match (aws, scenario) {
        (Some(dir), _) => (load_aws(dir, vpc, lang, err)?, dir),
        (None, Some(path)) => match model::load_file(path) {
            Ok(m) => (m, path),
            Err(e) => {
                let _ = writeln!(err, "{}", crate::explain::load_error(lang, &e));
                return Err(EXIT_INVALID);
            }
        },
        (None, None) => {
            let _ = writeln!(
                err,
                "{}",
                crate::explain::error_line(lang, &crate::explain::m(lang, "cli-give-scenario"))
            );
            return Err(EXIT_INVALID);
        }
    };
    print_warnings(&model, shown, lang, err);
    Ok(model)
}
