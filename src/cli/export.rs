//! Diagrams: `export dot|mermaid`.

use std::io::Write;

use super::args::{ExportArgs, ExportFormat};
use super::{EXIT_INVALID, EXIT_OK, load_scenario_or_aws};
use crate::eval::{self, Query};
use crate::explain::Lang;

/// `vpc-tui export dot|mermaid (SCENARIO | --aws DIR) [--from X --to Y]`: the diagram on
/// standard output.
/// Messages on standard error are in `lang`.
pub fn run_export(args: &ExportArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let model = match load_scenario_or_aws(
        args.scenario.as_deref(),
        args.aws.as_deref(),
        args.vpc.as_deref(),
        lang,
        err,
    ) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let path = match (&args.from, &args.to) {
        (Some(from), Some(to)) => {
            let query = Query::parse(&model, from, to, false);
            match eval::evaluate(&model, &model.scenario().what_if, &query) {
                Ok(trace) => Some((query, trace)),
                Err(e) => {
                    let _ = writeln!(
                        err,
                        "{}",
                        crate::explain::error_line(lang, &crate::explain::query_error(lang, &e))
                    );
                    return EXIT_INVALID;
                }
            }
        }
        _ => None,
    };
    let graph = crate::export::Graph::new(&model, path.as_ref().map(|(q, t)| (q, t)));
    let _ = match args.format {
        ExportFormat::Dot => write!(out, "{}", graph.dot()),
        ExportFormat::Mermaid => write!(out, "{}", graph.mermaid()),
    };
    EXIT_OK
}
