//! Command-line interface: argument types (clap) and the non-interactive subcommands. Each
//! subcommand writes to the given writers and returns the process exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::eval::{self, Query, Verdict};
use crate::model::{self, LoadError, Model, WhatIf};
use crate::report;

/// Exit code: the path is reachable (or every cell of the matrix is; or the scenario is valid).
pub const EXIT_OK: i32 = 0;
/// Exit code: evaluated, and not reachable (blocked, partial, unavailable, leaves the VPC).
pub const EXIT_NOT_REACHABLE: i32 = 1;
/// Exit code: invalid input or usage (unreadable or invalid scenario, unknown name).
pub const EXIT_INVALID: i32 = 2;

/// The launch scenario, built in so that `vpc-tui` with no argument has something to show.
pub const BUILTIN_SCENARIO: &str = include_str!("../scenarios/private-only.ron");
pub const BUILTIN_NAME: &str = "<built-in private-only.ron>";

#[derive(Debug, Parser)]
#[command(
    name = "vpc-tui",
    version,
    about = "See how traffic leaves an AWS VPC: routes, endpoints, NAT and internet gateways, explained hop by hop.",
    after_help = "Exit codes: 0 reachable / valid, 1 evaluated but not reachable, 2 invalid input or usage.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Scenario file (RON) to open in the explorer; without one, the built-in private-only
    /// scenario. When standard output is not a terminal, a text overview is printed instead.
    pub scenario: Option<PathBuf>,
    /// Print the text overview (every instance × service) instead of opening the explorer.
    #[arg(long)]
    pub overview: bool,
    /// Language of lesson narration and of the UI text that has a translation (default: from
    /// the locale: LC_ALL, LC_MESSAGES, LANG starting with `ja`).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
    /// Narrow symbols: ASCII instead of box-drawing and arrow glyphs, for terminals that draw
    /// East Asian ambiguous-width characters two cells wide (chosen by itself when the
    /// terminal does that).
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Open a directory of `aws ec2 describe-*` JSON output instead of a scenario file.
    #[arg(long, value_name = "DIR", conflicts_with = "scenario")]
    pub aws: Option<PathBuf>,
    /// With --aws: the VPC to open when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC", requires = "aws")]
    pub vpc: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

pub use crate::i18n::Lang;

/// `--lang`, or else the locale.
pub fn resolve_lang(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(Lang::from_env)
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Step through a scenario's lesson in the explorer, or print it as a handout.
    Lesson {
        /// Scenario file (RON) with a `lesson`.
        scenario: PathBuf,
        /// Open at this step (1 = the first); with --print, print only this step.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        step: Option<u32>,
        /// Print the lesson (narration, question, the evaluated answer, the AWS page) instead
        /// of opening the explorer.
        #[arg(long)]
        print: bool,
    },
    /// Evaluate one path (--from, --to) or every instance × service (--matrix).
    Check(CheckArgs),
    /// Load and validate scenarios; print every error and warning.
    Validate {
        /// Scenario files.
        #[arg(required = true)]
        scenarios: Vec<PathBuf>,
    },
    /// Write a scenario from a real VPC's description.
    #[command(subcommand)]
    Import(ImportSource),
    /// Draw the topology (Graphviz DOT or a Mermaid flowchart), with one path highlighted.
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// `dot` (Graphviz) or `mermaid` (renders on GitHub).
    #[arg(value_enum)]
    pub format: ExportFormat,
    /// Scenario file (RON).
    #[arg(required_unless_present = "aws")]
    pub scenario: Option<PathBuf>,
    /// Draw a directory of `aws ec2 describe-*` JSON output instead of a scenario file.
    #[arg(long, value_name = "DIR", conflicts_with = "scenario")]
    pub aws: Option<PathBuf>,
    /// With --aws: the VPC to draw when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC", requires = "aws")]
    pub vpc: Option<String>,
    /// Highlight the path from this source (with --to), as `check --from` takes it.
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Highlight the path to this destination (with --from), as `check --to` takes it.
    #[arg(long, requires = "from")]
    pub to: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Dot,
    Mermaid,
}

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// From the JSON that `aws ec2 describe-*` prints: one file per call, in any order
    /// (a directory stands for its *.json files).
    Aws(ImportAwsArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportAwsArgs {
    /// JSON files or directories of them.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Write the scenario here (atomically) rather than to standard output.
    #[arg(short, long, value_name = "SCENARIO")]
    pub output: Option<PathBuf>,
    /// The VPC to import when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC")]
    pub vpc: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Scenario file (RON).
    #[arg(required_unless_present = "aws")]
    pub scenario: Option<PathBuf>,
    /// Check a directory of `aws ec2 describe-*` JSON output instead of a scenario file.
    #[arg(long, value_name = "DIR", conflicts_with = "scenario")]
    pub aws: Option<PathBuf>,
    /// With --aws: the VPC to check when the files describe several (id or Name tag).
    #[arg(long, value_name = "VPC", requires = "aws")]
    pub vpc: Option<String>,
    /// Source: an instance id or name, a subnet id (a hypothetical instance there), or a
    /// private IPv4 address inside a subnet.
    #[arg(long, required_unless_present = "matrix", conflicts_with = "matrix")]
    pub from: Option<String>,
    /// Destination: a service (s3, ssm, ...), SERVICE@REGION (s3@us-west-2), a global name
    /// (s3.amazonaws.com), an IPv4 address or CIDR, or workload:NAME (workload:ecr-pull).
    #[arg(long, required_unless_present = "matrix", conflicts_with = "matrix")]
    pub to: Option<String>,
    /// With --from SUBNET: the hypothetical instance has a public IPv4 address.
    #[arg(long, requires = "from")]
    pub public_ip: bool,
    /// Every instance × every service.
    #[arg(long)]
    pub matrix: bool,
    /// Fail an Availability Zone (name or AZ ID) for this check; repeatable.
    #[arg(long = "fail-az", value_name = "AZ")]
    pub fail_az: Vec<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

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
        (Some(dir), _) => (load_aws(dir, vpc, err)?, dir),
        (None, Some(path)) => match model::load_file(path) {
            Ok(m) => (m, path),
            Err(e) => {
                let _ = writeln!(err, "{}", crate::explain::load_error(lang, &e));
                return Err(EXIT_INVALID);
            }
        },
        (None, None) => {
            let _ = writeln!(err, "error: give a SCENARIO or --aws DIR");
            return Err(EXIT_INVALID);
        }
    };
    print_warnings(&model, shown, lang, err);
    Ok(model)
}

pub fn run_check(args: &CheckArgs, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
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
    let mut what_if = model.scenario().what_if.clone();
    for az in &args.fail_az {
        if model.az_index(az).is_none() {
            let known: Vec<String> = model
                .scenario()
                .availability_zones
                .iter()
                .map(|a| match &a.id {
                    Some(id) => format!("{} ({id})", a.name),
                    None => a.name.clone(),
                })
                .collect();
            let _ = writeln!(
                err,
                "error: no Availability Zone {az}; AZs: {}",
                known.join(", ")
            );
            return EXIT_INVALID;
        }
        what_if.failed_azs.push(az.clone());
    }
    if args.matrix {
        return run_matrix(&model, &what_if, args.format, lang, out, err);
    }
    let (Some(from), Some(to)) = (&args.from, &args.to) else {
        let _ = writeln!(err, "error: give --from and --to, or --matrix");
        return EXIT_INVALID;
    };
    let query = Query::parse(&model, from, to, args.public_ip);
    if args.public_ip && !matches!(query.from, eval::From::Subnet { .. }) {
        let _ = writeln!(
            err,
            "error: --public-ip describes a hypothetical instance, so it needs --from SUBNET; {from} is not a subnet id"
        );
        return EXIT_INVALID;
    }
    match eval::evaluate(&model, &what_if, &query) {
        Ok(trace) => {
            let _ = match args.format {
                Format::Text => write!(out, "{}", report::trace_text(&trace, lang)),
                Format::Json => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&report::trace_json(&trace)).unwrap_or_default()
                ),
            };
            exit_for(&trace.verdict)
        }
        Err(e) => {
            let _ = writeln!(err, "error: {}", crate::explain::query_error(lang, &e));
            EXIT_INVALID
        }
    }
}

fn exit_for(v: &Verdict) -> i32 {
    if v.is_reachable() {
        EXIT_OK
    } else {
        EXIT_NOT_REACHABLE
    }
}

fn run_matrix(
    model: &Model,
    what_if: &WhatIf,
    format: Format,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let matrix = eval::evaluate_all(model, what_if);
    let all = matrix
        .cells
        .iter()
        .flat_map(|row| row.iter())
        .all(|c| c.verdict.is_reachable());
    match format {
        Format::Text => {
            let _ = write!(out, "{}", report::matrix_text(&matrix, lang));
        }
        Format::Json => {
            let mut list = Vec::new();
            for inst in &model.scenario().instances {
                // The same columns as the text matrix: services, then workloads.
                for to in matrix.services.iter().chain(&matrix.workloads) {
                    match eval::evaluate(model, what_if, &Query::parse(model, &inst.id, to, false))
                    {
                        Ok(t) => list.push(report::trace_json(&t)),
                        Err(e) => {
                            let _ = writeln!(err, "error: {e}");
                            return EXIT_INVALID;
                        }
                    }
                }
            }
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&serde_json::Value::Array(list)).unwrap_or_default()
            );
        }
    }
    if all { EXIT_OK } else { EXIT_NOT_REACHABLE }
}

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
                        let _ = writeln!(err, "{}: {problem}", p.display());
                    }
                    code = EXIT_INVALID;
                    continue;
                }
                let _ = writeln!(
                    out,
                    "{}: valid ({} warning{})",
                    p.display(),
                    m.warnings().len(),
                    if m.warnings().len() == 1 { "" } else { "s" }
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

/// Until the interactive view lands, opening a scenario prints its overview: what it holds and
/// the verdict matrix.
/// Open the interactive explorer. A scenario that does not load is reported exactly as
/// `validate` reports it, before the terminal is touched, and exits 2.
pub fn run_explorer(path: Option<&Path>, lang: Lang, ascii: bool, err: &mut dyn Write) -> i32 {
    run_explorer_at(path, lang, ascii, None, err)
}

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
            let _ = writeln!(err, "{e}");
            return EXIT_INVALID;
        }
    };
    let Some(lesson) = &model.scenario().lesson else {
        let _ = writeln!(err, "{}: the scenario has no lesson", path.display());
        return EXIT_INVALID;
    };
    if let Some(step) = step
        && step as usize > lesson.steps.len()
    {
        let _ = writeln!(
            err,
            "{}: the lesson has {} steps; there is no step {step}",
            path.display(),
            lesson.steps.len()
        );
        return EXIT_INVALID;
    }
    if print {
        let only = step.map(|s| s as usize - 1);
        return match crate::lesson::handout(&model, lang == Lang::Ja, only) {
            Ok(text) => {
                let _ = write!(out, "{text}");
                EXIT_OK
            }
            Err(e) => {
                let _ = writeln!(err, "{}: {e}", path.display());
                EXIT_INVALID
            }
        };
    }
    let step = step.map_or(0, |s| s as usize - 1);
    run_explorer_at(Some(path), lang, ascii, Some(step), err)
}

fn run_explorer_at(
    path: Option<&Path>,
    lang: Lang,
    ascii: bool,
    step: Option<usize>,
    err: &mut dyn Write,
) -> i32 {
    let model = match load(path) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "{e}");
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
            crate::i18n::t(
                lang,
                "This scenario has a lesson: n starts it, p steps back.",
            )
            .into(),
        ));
    }
    match crate::tui::run_terminal(&mut app) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            let _ = writeln!(err, "error: terminal: {e}");
            EXIT_INVALID
        }
    }
}

pub fn run_overview(path: Option<&Path>, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let model = match load(path) {
        Ok(m) => m,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return EXIT_INVALID;
        }
    };
    let shown = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| BUILTIN_NAME.to_string());
    print_warnings(&model, Path::new(&shown), resolve_lang(None), err);
    let check = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "scenarios/private-only.ron".into());
    print_overview(&model, &shown, &check, out);
    EXIT_OK
}

/// The overview both `vpc-tui SCENARIO` and `vpc-tui --aws DIR` print when not in a terminal:
/// title, counts, the matrix, and the `check` command that explains one path (`check_args`
/// names the scenario the way `check` takes it).
fn print_overview(model: &Model, shown: &str, check_args: &str, out: &mut dyn Write) {
    let s = model.scenario();
    let _ = writeln!(
        out,
        "{shown}: {}",
        s.title.as_deref().unwrap_or("(untitled)")
    );
    if let Some(d) = &s.description {
        let _ = writeln!(out, "{d}");
    }
    let _ = writeln!(
        out,
        "\n{} in {}, {} AZs, {} subnets, {} route tables, {} gateway / {} interface endpoints, {} instances\n",
        s.vpc.id,
        s.region,
        s.availability_zones.len(),
        s.subnets.len(),
        s.route_tables.len(),
        s.gateway_endpoints.len(),
        s.interface_endpoints.len(),
        s.instances.len()
    );
    let matrix = eval::evaluate_all(model, &s.what_if);
    let _ = write!(out, "{}", report::matrix_text(&matrix, Lang::En));
    let _ = writeln!(
        out,
        "\nExplain one path: vpc-tui check {check_args} --from {} --to s3",
        s.instances
            .first()
            .map(|i| i.id.as_str())
            .unwrap_or("INSTANCE")
    );
}

// --- Real VPCs: `import aws`, `check --aws DIR`, `vpc-tui --aws DIR`.

/// Import a directory of AWS CLI output and validate it as a loaded scenario would be. Import
/// warnings go to `err`, each prefixed with the directory; an error prints and gives the exit code.
pub fn load_aws(dir: &Path, vpc: Option<&str>, err: &mut dyn Write) -> Result<Model, i32> {
    let (scenario, warnings) = match crate::import::load_aws_dir(dir, vpc) {
        Ok(x) => x,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return Err(EXIT_INVALID);
        }
    };
    for w in &warnings {
        let _ = writeln!(err, "{}: {w}", dir.display());
    }
    Model::new(scenario).map_err(|diagnostics| {
        let _ = writeln!(
            err,
            "{}",
            LoadError::Invalid {
                path: dir.to_path_buf(),
                diagnostics,
            }
        );
        EXIT_INVALID
    })
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
    let (scenario, warnings) = (imported.scenario, imported.warnings);
    for (file, call) in &imported.files {
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
            if let Some((input, _)) = imported
                .files
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

/// `vpc-tui --aws DIR`: the overview of an imported VPC, as `vpc-tui SCENARIO` prints it.
pub fn run_overview_aws(
    dir: &Path,
    vpc: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let model = match load_aws(dir, vpc, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let vpc_arg = vpc.map(|v| format!(" --vpc {v}")).unwrap_or_default();
    let shown = dir.display().to_string();
    print_overview(&model, &shown, &format!("--aws {shown}{vpc_arg}"), out);
    EXIT_OK
}

// --- Diagrams: `export dot|mermaid`.

/// `vpc-tui export dot|mermaid (SCENARIO | --aws DIR) [--from X --to Y]`: the diagram on
/// standard output.
pub fn run_export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let model = match load_scenario_or_aws(
        args.scenario.as_deref(),
        args.aws.as_deref(),
        args.vpc.as_deref(),
        resolve_lang(None),
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

/// `vpc-tui --aws DIR` in a terminal: the explorer on the imported VPC. It has no file of its
/// own, so a save asks where to write the scenario.
pub fn run_explorer_aws(
    dir: &Path,
    vpc: Option<&str>,
    lang: Lang,
    ascii: bool,
    err: &mut dyn Write,
) -> i32 {
    let model = match load_aws(dir, vpc, err) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let app = crate::app::App::new(model, None, dir.display().to_string());
    explore(app, lang, ascii, None, err)
}
