//! Orchestration: discover → load → validate → evaluate → score → render, and the exit
//! status a run ends with.
//!
//! This is the only place that knows the order of the stages. It must not parse YAML,
//! judge designs or format output itself; it passes each stage's output to the next.

mod cases;
mod check;
mod checklist_cmd;
mod diff;
mod portfolio;
mod progress;
mod report;
mod rules;
pub mod settings;
mod tools;

pub use cases::{CaseOutcome, run_cases};
pub use check::check;
pub use diff::diff;
pub use checklist_cmd::{checklist_test, checklist_validate};
pub use portfolio::portfolio;
pub use report::report;
pub use rules::{explain, rules};
pub use tools::{completions, manpage, new_programme, schema, show_config};

use crate::checklist;
use crate::cli::{ColorChoice, FailOn, ScreenArgs};
use crate::load::{self, Limits, discover};
use crate::model::{Date, Loc, Problem, Rating, Report, Rule, RuleKind, Screening};
use crate::{evaluate, score, validate};
use rayon::prelude::*;
use settings::Settings;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

/// What a run produced: the text for standard output, the lines for standard error, and
/// the exit status (0, 1 or 2).
pub struct Outcome {
    pub stdout: String,
    pub stderr: Vec<String>,
    pub status: u8,
}

/// Inputs of a screening run, whatever the command.
#[derive(Clone)]
pub struct Run {
    pub paths: Vec<PathBuf>,
    pub checklists: Vec<PathBuf>,
    pub limits: Limits,
    pub today: Date,
    /// Audit mode: screen as if no risk had been accepted.
    pub ignore_acceptances: bool,
    /// What folder walks leave out.
    pub exclude: discover::Exclude,
    /// Keep only each finding's location, not all its evidence (portfolios: bounded memory).
    pub summary_only: bool,
}

impl Run {
    /// A run from a command's screening flags and its resolved settings.
    pub fn new(args: &ScreenArgs, settings: &Settings) -> Result<Run, String> {
        Ok(Run {
            paths: if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() },
            checklists: settings.checklist_dirs(),
            limits: settings.limits(),
            today: resolve_today(args.today.as_deref())?,
            ignore_acceptances: args.ignore_acceptances,
            exclude: settings.exclude(),
            summary_only: false,
        })
    }
}

/// Resolves settings and the run for a screening command, or the outcome that ends it.
pub fn prepare(args: &ScreenArgs, extra: settings::Extra) -> Result<(Settings, Run), Outcome> {
    let settings = settings::resolve(args, extra).map_err(|problems| Outcome {
        stdout: String::new(),
        stderr: problems.iter().map(|p| format!("error: {p}")).collect(),
        status: 2,
    })?;
    let run = Run::new(args, &settings).map_err(usage_error)?;
    Ok((settings, run))
}

/// Screens every programme under the paths against the core and user checklists.
pub fn screen(run: &Run) -> Report {
    let loaded = checklist::load(&run.checklists, &run.limits);
    let rules: Vec<&Rule> = loaded.checklists.iter().flat_map(|c| c.rules.iter()).collect();
    let portfolio_rules: Vec<&Rule> = rules.iter().copied().filter(|r| r.kind == RuleKind::Portfolio).collect();
    let (inputs, mut errors) = discover::discover(&run.paths, &run.exclude);
    errors.extend(loaded.problems.iter().cloned());

    let bar = progress::start(inputs.len());
    let results: Vec<Result<(Screening, Loc), Vec<Problem>>> = inputs
        .par_iter()
        .map(|input| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            let node = load::read_document(&input.path, &input.display, &run.limits).map_err(|p| vec![p])?;
            let programme = validate::programme(&node, &input.display)?;
            let texts = evaluate::condition::Texts::of(&programme);
            let hits = evaluate::evaluate(&programme, &texts, &rules, run.today);
            let unsupported = evaluate::unsupported(&programme);
            let judging = score::Judging { today: run.today, ignore_acceptances: run.ignore_acceptances };
            let mut screening = score::screen(&programme, hits, unsupported, judging);
            screening.facts = evaluate::facts::extract(&programme, &texts, &portfolio_rules, run.today);
            if run.summary_only {
                for f in &mut screening.findings {
                    f.evidence.truncate(f.primary + 1);
                    f.evidence.drain(..f.primary);
                    f.primary = 0;
                }
            }
            Ok((screening, programme.id_loc))
        })
        .collect();
    progress::finish(bar);

    let mut screenings = Vec::new();
    let mut first_use: BTreeMap<String, (String, Loc)> = BTreeMap::new();
    for result in results {
        match result {
            Ok((screening, id_loc)) => {
                if let Some((file, at)) = first_use.get(&screening.id) {
                    errors.push(Problem::new(
                        &screening.file,
                        id_loc,
                        format!("programme id `{}` is already used by {file}:{}:{}", screening.id, at.line, at.column),
                    ));
                } else {
                    first_use.insert(screening.id.clone(), (screening.file.clone(), id_loc));
                }
                screenings.push(screening);
            }
            Err(problems) => errors.extend(problems),
        }
    }
    screenings.sort_by(|a, b| a.file.cmp(&b.file).then_with(|| a.id.cmp(&b.id)));
    errors.sort();
    errors.dedup();
    Report {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        checklists: loaded.checklists,
        screenings,
        errors,
        today: run.today,
        ignore_acceptances: run.ignore_acceptances,
        baseline_used: false,
    }
}

/// 2 when any input was bad; else 1 when a programme is rated at or above `fail_on`,
/// counting only findings a baseline does not know; else 0.
pub fn status(report: &Report, fail_on: FailOn) -> u8 {
    if !report.errors.is_empty() {
        return 2;
    }
    let Some(threshold) = fail_on.threshold() else { return 0 };
    let fails = report.screenings.iter().any(|s| {
        let rating = s.counting().filter(|f| !f.known).map(|f| f.rating).max().unwrap_or(Rating::Low);
        rating >= threshold
    });
    u8::from(fails)
}

pub fn usage_error(message: String) -> Outcome {
    Outcome { stdout: String::new(), stderr: vec![format!("error: {message}")], status: 2 }
}

/// `--today`, or the system's date.
pub fn resolve_today(flag: Option<&str>) -> Result<Date, String> {
    match flag {
        Some(text) => match Date::parse(text) {
            Some(d) if d.day.is_some() => Ok(d),
            _ => Err(format!("--today must be a date written YYYY-MM-DD; found `{text}`")),
        },
        None => {
            let secs =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
            Ok(Date::from_days_since_epoch((secs / 86_400) as i64))
        }
    }
}

pub fn use_color(choice: ColorChoice) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    match choice {
        _ if no_color => false,
        ColorChoice::Never => false,
        ColorChoice::Always => true,
        ColorChoice::Auto => std::io::stdout().is_terminal(),
    }
}
