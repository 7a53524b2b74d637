//! The `dnh-screen` binary: parses arguments, runs the command, writes its output and maps
//! the outcome to an exit status (0, 1 or 2). A closed pipe ends the run quietly.

use clap::Parser;
use dnh_screen::app;
use dnh_screen::cli::{ChecklistCommand, Cli, Command, ImportSource};
use dnh_screen::model::{Problem, ProblemKind};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.use_stderr() => {
            // A command-line mistake is a problem like any other: its line carries the code.
            let text = e.render().to_string();
            let _ = write!(std::io::stderr(), "{}", text.replacen("error: ", "error[DNH601]: ", 1));
            return ExitCode::from(2);
        }
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(0);
        }
    };
    let outcome = match &cli.command {
        Command::Check(args) => app::check(args),
        Command::Report(args) => app::report(args),
        Command::Portfolio(args) => app::portfolio(args),
        Command::Diff(args) => app::diff(args),
        Command::Rules(args) => app::rules(args),
        Command::Explain(args) => app::explain(args),
        Command::Import { source: ImportSource::Iati(args) } => app::import_iati(args),
        Command::Schema(args) => app::schema(args),
        Command::New(args) => app::new_programme(args),
        Command::Config(args) => app::show_config(args),
        Command::Completions { shell } => app::completions(*shell),
        Command::Manpage => app::manpage(),
        Command::Checklist { command: ChecklistCommand::Validate(args) } => app::checklist_validate(args),
        Command::Checklist { command: ChecklistCommand::Test(args) } => app::checklist_test(args),
    };
    let mut stderr = std::io::stderr().lock();
    for line in &outcome.stderr {
        // A message may quote what a file holds: it can show an escape sequence, never send one.
        let _ = writeln!(stderr, "{}", dnh_screen::load::visible(line.clone()));
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(outcome.stdout.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::from(outcome.status),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(outcome.status),
        Err(e) => {
            let problem = ProblemKind::CannotWrite(format!("cannot write output: {e}"));
            let _ = writeln!(stderr, "{}", Problem::general(problem).error_line());
            ExitCode::from(2)
        }
    }
}
