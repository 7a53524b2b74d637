//! Small commands around screening: `schema`, `new`, `config`, `completions`, `manpage`.
//!
//! Orchestration only: the schema and skeleton come from `schema`, the completions and man
//! page from the clap definitions, the configuration from `config` and `settings`.

use super::{Outcome, settings};
use crate::cli::{Cli, ConfigArgs, NewArgs, SchemaArgs, ShellArg};
use crate::config::{self, Sourced};
use crate::model::ProblemKind;
use clap::CommandFactory;
use std::fmt::Display;

fn ok(stdout: String) -> Outcome {
    Outcome { stdout, stderr: Vec::new(), status: 0 }
}

fn fail(kind: ProblemKind) -> Outcome {
    Outcome { stdout: String::new(), stderr: vec![super::error_line(kind)], status: 2 }
}

/// `dnh-screen schema [--rules | --cases]`.
pub fn schema(args: &SchemaArgs) -> Outcome {
    let document = if args.rules {
        crate::checklist::json_schema::rules()
    } else if args.cases {
        crate::checklist::json_schema::cases()
    } else {
        crate::schema::json_schema::document()
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    ok(text)
}

/// `dnh-screen new --type TYPE [-o FILE]`.
pub fn new_programme(args: &NewArgs) -> Outcome {
    let text = crate::schema::skeleton::skeleton(args.r#type.into());
    match &args.output {
        None => ok(text),
        Some(path) if path.exists() => fail(ProblemKind::CannotWrite(format!(
            "{} already exists; not overwritten",
            crate::text::display_path(path)
        ))),
        Some(path) => match crate::output::write_atomic(path, text.as_bytes()) {
            Ok(()) => ok(format!("wrote {}\n", crate::text::display_path(path))),
            Err(e) => fail(ProblemKind::CannotWrite(format!(
                "{}: cannot write: {}",
                crate::text::display_path(path),
                crate::load::io_reason(&e)
            ))),
        },
    }
}

/// `dnh-screen config`: the effective configuration and where each value comes from.
pub fn show_config(args: &ConfigArgs) -> Outcome {
    let resolved = config::strict(args.strict_config)
        .and_then(|strict| Ok((config::resolve(args.config.as_deref(), args.no_config, strict.value)?, strict)));
    let (resolved, strict) = match resolved {
        Ok(r) => r,
        Err(problems) => {
            return Outcome {
                stdout: String::new(),
                stderr: problems.iter().map(|p| p.error_line()).collect(),
                status: 2,
            };
        }
    };
    let file = resolved.config.file.as_deref().map(crate::text::display_path);
    let s = settings::merge(resolved.config, None, settings::Extra::default());
    let mut out = format!("configuration file: {}\n", file.as_deref().unwrap_or("none"));
    if let Some(skipped) = &resolved.not_read {
        out.push_str(&format!("not read (strict mode): {}\n", crate::text::display_path(skipped)));
    }
    let mut line = |key: &str, value: &dyn Display, origin: &str| {
        out.push_str(&format!("{key:<14} {value:<32} {origin}\n"));
    };
    line("fail_on", &s.fail_on.value.name(), &s.fail_on.origin);
    line("lang", &s.lang.value.code(), &s.lang.origin);
    let path = |p: &Sourced<std::path::PathBuf>| crate::text::display_path(&p.value);
    if s.checklists.is_empty() {
        line("checklists", &"(core only)", "default");
    }
    for c in &s.checklists {
        line("checklists", &path(c), &c.origin);
    }
    match &s.templates {
        Some(t) => line("templates", &path(t), &t.origin),
        None => line("templates", &"(built-in)", "default"),
    }
    match &s.baseline {
        Some(b) => line("baseline", &path(b), &b.origin),
        None => line("baseline", &"(none)", "default"),
    }
    if s.ignore.is_empty() {
        line("ignore", &"(nothing)", "default");
    }
    for i in &s.ignore {
        line("ignore", &i.value, &i.origin);
    }
    line("max_file_size", &s.max_file_size.value, &s.max_file_size.origin);
    line("max_depth", &s.max_depth.value, &s.max_depth.origin);
    line("max_aliases", &s.max_aliases.value, &s.max_aliases.origin);
    line("max_nodes", &s.max_nodes.value, &s.max_nodes.origin);
    line("strict", &strict.value, &strict.origin);
    ok(out)
}

/// `dnh-screen completions SHELL`.
pub fn completions(shell: ShellArg) -> Outcome {
    use clap_complete::Shell;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Elvish => Shell::Elvish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "dnh-screen", &mut buf);
    ok(String::from_utf8_lossy(&buf).into_owned())
}

/// `dnh-screen manpage`.
pub fn manpage() -> Outcome {
    let mut buf = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut buf) {
        Ok(()) => ok(String::from_utf8_lossy(&buf).into_owned()),
        Err(e) => fail(ProblemKind::CannotWrite(format!("cannot render the man page: {e}"))),
    }
}
