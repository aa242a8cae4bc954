//! The overview printed when the output is not a terminal: what the scenario holds and its
//! verdict matrix.

use std::io::Write;
use std::path::Path;

use super::import::load_aws;
use super::{BUILTIN_NAME, EXIT_INVALID, EXIT_OK, load, print_warnings};
use crate::eval;
use crate::explain::{self, Lang};
use crate::model::Model;
use crate::report;

/// `lang` picks the scenario's title and description (`title_ja`, `description_ja`) and the
/// language of the rest.
pub fn run_overview(
    path: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let model = match load(path) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "{}", explain::load_error(lang, &e));
            return EXIT_INVALID;
        }
    };
    let shown = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| BUILTIN_NAME.to_string());
    print_warnings(&model, Path::new(&shown), lang, err);
    let check = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "scenarios/private-only.ron".into());
    print_overview(&model, &shown, &check, lang, out);
    EXIT_OK
}

/// The overview both `vpc-tui SCENARIO` and `vpc-tui --aws DIR` print when not in a terminal:
/// title, counts, the matrix, and the `check` command that explains one path (`check_args`
/// names the scenario the way `check` takes it).
fn print_overview(model: &Model, shown: &str, check_args: &str, lang: Lang, out: &mut dyn Write) {
    let s = model.scenario();
    let ja = lang == Lang::Ja;
    let untitled = explain::m(lang, "overview-untitled");
    let _ = writeln!(out, "{shown}: {}", s.title_for(ja).unwrap_or(&untitled));
    if let Some(d) = s.description_for(ja) {
        let _ = writeln!(out, "{d}");
    }
    let counts = explain::msg(
        lang,
        "overview-counts",
        explain::args()
            .s("vpc", s.vpc.id.as_str())
            .s("region", s.region.as_str())
            .n("azs", s.availability_zones.len())
            .n("subnets", s.subnets.len())
            .n("tables", s.route_tables.len())
            .n("gateway", s.gateway_endpoints.len())
            .n("interface", s.interface_endpoints.len())
            .n("instances", s.instances.len()),
    );
    let _ = writeln!(out, "\n{counts}\n");
    let matrix = eval::evaluate_all(model, &s.what_if);
    let _ = write!(out, "{}", report::matrix_text(&matrix, lang));
    let first = s.instances.first().map(|i| i.id.as_str());
    let command = format!(
        "vpc-tui check {check_args} --from {} --to s3",
        first.unwrap_or("INSTANCE")
    );
    let _ = writeln!(
        out,
        "\n{}",
        explain::msg(
            lang,
            "overview-explain-one",
            explain::args().s("command", command)
        )
    );
}

/// `vpc-tui --aws DIR`: the overview of an imported VPC, as `vpc-tui SCENARIO` prints it.
pub fn run_overview_aws(
    dir: &Path,
    vpc: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let model = match load_aws(dir, vpc, lang, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let vpc_arg = vpc.map(|v| format!(" --vpc {v}")).unwrap_or_default();
    let shown = dir.display().to_string();
    print_overview(
        &model,
        &shown,
        &format!("--aws {shown}{vpc_arg}"),
        lang,
        out,
    );
    EXIT_OK
}
