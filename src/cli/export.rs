//! Diagrams: `export dot|mermaid`.

use std::io::Write;

use super::args::{ExportArgs, ExportFormat};
use super::{EXIT_INVALID, EXIT_OK, load_scenario_or_aws};
use crate::eval::{self, Query};

/// `vpc-tui export dot|mermaid (SCENARIO | --aws DIR) [--from X --to Y]`: the diagram on
/// standard output.
pub fn run_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let model = match load_scenario_or_aws(
        args.scenario.as_deref(),
        args.aws.as_deref(),
        args.vpc.as_deref(),
        super::resolve_lang(None),
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
                    let _ = writeln!(err, "error: {e}");
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
