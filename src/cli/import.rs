//! Real VPCs: `import aws`, and loading a directory of AWS CLI output for `check --aws DIR` and
//! `vpc-tui --aws DIR`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::args::ImportSource;
use super::{EXIT_INVALID, EXIT_OK};
use crate::model::{self, LoadError, Model};

/// Import a directory of AWS CLI output and validate it as a loaded scenario would be. Import
/// warnings go to `err`, each prefixed with the directory; an error prints and gives the exit code.
pub fn load_aws(dir: &Path, vpc: Option<&str>, err: &mut dyn Write) -> Result<Model, i32> {
    let (model, warnings) = load_aws_keeping_warnings(dir, vpc, err)?;
    for w in &warnings {
        let _ = writeln!(err, "{}: {w}", dir.display());
    }
    Ok(model)
}

/// [`load_aws`] that returns the import's warnings instead of printing them (the explorer
/// lists them on screen). Errors are printed.
pub fn load_aws_keeping_warnings(
    dir: &Path,
    vpc: Option<&str>,
    err: &mut dyn Write,
) -> Result<(Model, Vec<crate::model::Diagnostic>), i32> {
    let (scenario, warnings) = match crate::import::load_aws_dir(dir, vpc) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return Err(EXIT_INVALID);
        }
    };
    let model = Model::new(scenario).map_err(|diagnostics| {
        let _ = writeln!(
            err,
            "{}",
            LoadError::Invalid {
                path: dir.to_path_buf(),
                diagnostics,
            }
        );
        EXIT_INVALID
    })?;
    Ok((model, warnings))
}

/// `vpc-tui import aws FILE... [-o SCENARIO] [--vpc VPC]`: write the scenario (RON) to the file,
/// atomically, or to standard output. Warnings go to standard error; a scenario the model refuses
/// is not written (exit 2).
pub fn run_import(source: &ImportSource, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let ImportSource::Aws(args) = source;
    // The output as it is before the import: a file someone changes meanwhile is not replaced.
    let seen = args
        .output
        .as_deref()
        .map(|p| crate::save::FileStamp::of(p).ok().flatten());
    let imported = match crate::import::import(&args.files, args.vpc.as_deref()) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_INVALID;
        }
    };
    let (scenario, warnings, imported_files) =
        (imported.scenario, imported.warnings, imported.files);
    for (file, call) in &imported_files {
        let _ = writeln!(err, "read {}: {call}", file.display());
    }
    for w in &warnings {
        let _ = writeln!(err, "{w}");
    }
    let shown = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdout>"));
    if let Err(diagnostics) = Model::new(scenario.clone()) {
        let _ = writeln!(
            err,
            "{}",
            LoadError::Invalid {
                path: shown,
                diagnostics,
            }
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
                let _ = writeln!(err, "error: {e}");
                return EXIT_INVALID;
            }
            let text = model::to_ron_string(&scenario);
            let seen = seen.flatten();
            if let Err(e) = crate::save::write_if_unchanged(path, text.as_bytes(), seen.as_ref()) {
                let _ = writeln!(err, "error: cannot write: {e}");
                return EXIT_INVALID;
            }
            let _ = writeln!(
                err,
                "{}: {} subnets, {} route tables, {} endpoints, {} instances ({} warning{})",
                path.display(),
                scenario.subnets.len(),
                scenario.route_tables.len(),
                scenario.gateway_endpoints.len()
                    + scenario.interface_endpoints.len()
                    + scenario.gwlb_endpoints.len(),
                scenario.instances.len(),
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            );
        }
        None => {
            let _ = write!(out, "{}", model::to_ron_string(&scenario));
        }
    }
    EXIT_OK
}
