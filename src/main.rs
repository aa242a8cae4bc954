use std::io::IsTerminal;
use std::process::ExitCode;

use vpc_tui::cli::{
    Cli, Command, resolve_lang, run_check, run_explorer, run_explorer_aws, run_export, run_import,
    run_lesson, run_overview, run_overview_aws, run_validate,
};

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    // Names and ids come from files: no control character of theirs reaches the terminal.
    let mut out = vpc_tui::term_safe::SafeWriter::new(std::io::stdout().lock());
    // Not locked for the whole run: the signal watcher writes to stderr when the loop is stuck.
    let mut err = vpc_tui::term_safe::SafeWriter::new(std::io::stderr());
    let code = match &cli.command {
        Some(Command::Check(args)) => {
            let width = std::io::stdout()
                .is_terminal()
                .then(|| ratatui::crossterm::terminal::size().ok())
                .flatten()
                .map(|(w, _)| usize::from(w));
            run_check(args, resolve_lang(cli.lang), width, &mut out, &mut err)
        }
        Some(Command::Validate { scenarios }) => {
            run_validate(scenarios, resolve_lang(cli.lang), &mut out, &mut err)
        }
        Some(Command::Import(source)) => {
            run_import(source, resolve_lang(cli.lang), &mut out, &mut err)
        }
        Some(Command::Export(args)) => run_export(args, resolve_lang(cli.lang), &mut out, &mut err),
        Some(Command::Lesson {
            scenario,
            step,
            print,
        }) => {
            let lang = resolve_lang(cli.lang);
            // Redirected (`vpc-tui lesson FILE > handout.md`): the handout, not the TUI drawn
            // into the file.
            if !print && std::io::stdout().is_terminal() {
                drop(out);
                let mut sink = std::io::sink();
                run_lesson(scenario, *step, false, lang, cli.ascii, &mut sink, &mut err)
            } else {
                run_lesson(scenario, *step, true, lang, cli.ascii, &mut out, &mut err)
            }
        }
        None if cli.overview || !std::io::stdout().is_terminal() => match &cli.aws {
            Some(dir) => run_overview_aws(
                dir,
                cli.vpc.as_deref(),
                resolve_lang(cli.lang),
                &mut out,
                &mut err,
            ),
            None => run_overview(
                cli.scenario.as_deref(),
                resolve_lang(cli.lang),
                &mut out,
                &mut err,
            ),
        },
        None => {
            drop(out);
            let lang = resolve_lang(cli.lang);
            match &cli.aws {
                Some(dir) => run_explorer_aws(dir, cli.vpc.as_deref(), lang, cli.ascii, &mut err),
                None => run_explorer(cli.scenario.as_deref(), lang, cli.ascii, &mut err),
            }
        }
    };
    ExitCode::from(code as u8)
}
