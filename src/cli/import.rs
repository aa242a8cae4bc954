//! Real VPCs: `import aws`, and loading a directory of AWS CLI output for `check --aws DIR` and
//! `vpc-tui --aws DIR`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::ImportSource;
use super::{EXIT_INVALID, EXIT_OK};
use crate::explain::{self, Lang};
use crate::model::{self, Model};

/// Import a directory of AWS CLI output and validate it as a loaded scenario would be. Import
/// warnings go to `err` in `lang`, each prefixed with the directory; an error prints and gives
/// the exit code.
pub fn load_aws(
    dir: &Path,
    vpc: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<Model, i32> {
    let (model, warnings) = load_aws_keeping_warnings(dir, vpc, lang, err)?;
    for w in &warnings {
        let _ = writeln!(err, "{}: {}", dir.display(), explain::diagnostic(lang, w));
    }
    Ok(model)
}

/// [`load_aws`] that returns the import's warnings instead of printing them (the explorer
/// lists them on screen). Errors are printed.
pub fn load_aws_keeping_warnings(
    dir: &Path,
    vpc: Option<&str>,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<(Model, Vec<crate::model::Diagnostic>), i32> {
    let (scenario, warnings) = match crate::import::load_aws_dir(dir, vpc) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{}", explain::import_error(lang, &e));
            return Err(EXIT_INVALID);
        }
    };
    let model = Model::new(scenario).map_err(|diagnostics| {
        let _ = writeln!(
            err,
            "{}",
            explain::invalid_scenario(lang, dir, &diagnostics)
        );
        EXIT_INVALID
    })?;
    Ok((model, warnings))
}

/// `vpc-tui import aws FILE... [-o SCENARIO] [--vpc VPC]`: write the scenario (RON) to the file,
/// atomically, or to standard output. Warnings go to standard error; a scenario the model refuses
/// is not written (exit 2). What it says on standard error is in `lang`.
pub fn run_import(
    source: &ImportSource,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let ImportSource::Aws(args) = source;
    // The output as it is before the import: a file someone changes meanwhile is not replaced.
    let seen = args
        .output
        .as_deref()
        .map(|p| crate::save::FileStamp::of(p).ok().flatten());
    let imported = match crate::import::import(&args.files, args.vpc.as_deref()) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{}", explain::import_error(lang, &e));
            return EXIT_INVALID;
        }
    };
    let (scenario, warnings, imported_files) =
        (imported.scenario, imported.warnings, imported.files);
    for (file, call) in &imported_files {
        let _ = writeln!(err, "{}", explain::import_read_line(lang, file, *call));
    }
    for w in &warnings {
        let _ = writeln!(err, "{}", explain::diagnostic(lang, w));
    }
    let shown = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdout>"));
    if let Err(diagnostics) = Model::new(scenario.clone()) {
        let _ = writeln!(
            err,
            "{}",
            explain::invalid_scenario(lang, &shown, &diagnostics)
        );
        return EXIT_INVALID;
    }
    match &args.output {
        Some(path) => {
            if let Some((input, _)) = imported_files
                .iter()
                .find(|(f, _)| crate::save::same_file(f, path))
            {
                let e = crate::save::SaveError::IsInput {
                    path: input.clone(),
                };
                let _ = writeln!(
                    err,
                    "{}",
                    explain::error_line(lang, &explain::save_error(lang, &e))
                );
                return EXIT_INVALID;
            }
            let text = model::to_ron_string(&scenario);
            let seen = seen.flatten();
            if let Err(e) = crate::save::write_if_unchanged(path, text.as_bytes(), seen.as_ref()) {
                let cannot = explain::msg(
                    lang,
                    "import-cannot-write",
                    explain::args().s("error", explain::save_error(lang, &e)),
                );
                let _ = writeln!(err, "{}", explain::error_line(lang, &cannot));
                return EXIT_INVALID;
            }
            let _ = writeln!(
                err,
                "{}",
                explain::import_summary(lang, path, &scenario, warnings.len())
            );
        }
        None => {
            let _ = write!(out, "{}", model::to_ron_string(&scenario));
        }
    }
    EXIT_OK
}
