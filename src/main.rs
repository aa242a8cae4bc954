use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use vpc_tui::cli::{Cli, Command, run_check, run_explorer, run_overview, run_validate};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let code = match &cli.command {
        Some(Command::Check(args)) => run_check(args, &mut out, &mut err),
        Some(Command::Validate { scenarios }) => run_validate(scenarios, &mut out, &mut err),
        None if cli.overview || !std::io::stdout().is_terminal() => {
            run_overview(cli.scenario.as_deref(), &mut out, &mut err)
        }
        None => {
            drop(out);
            run_explorer(cli.scenario.as_deref(), &mut err)
        }
    };
    ExitCode::from(code as u8)
}
