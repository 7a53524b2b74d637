//! Orchestration: discover → load → validate → evaluate → score → render, and the exit
//! status a run ends with.
//!
//! This is the only place that knows the order of the stages. It must not parse YAML,
//! judge designs or format output itself; it passes each stage's output to the next.

mod cases;
mod check;
mod checklist_cmd;
mod diff;
mod import;
mod portfolio;
mod progress;
mod report;
mod rules;
mod run;
pub mod settings;
mod tools;

pub use cases::{CaseOutcome, run_cases};
pub use check::check;
pub use checklist_cmd::{checklist_test, checklist_validate};
pub use diff::diff;
pub use import::import_iati;
pub use portfolio::portfolio;
pub use report::report;
pub use rules::{explain, rules};
pub use run::{Detail, Run, prepare};
pub use tools::{completions, manpage, new_programme, schema, show_config};

use crate::checklist;
use crate::cli::{ColorChoice, FailOn};
use crate::load::{self, discover};
use crate::model::{Date, Loc, Notice, Problem, ProblemKind, Rating, Report, Rule, RuleKind, Screening};
use crate::{evaluate, iati, redact, score, validate};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::IsTerminal;

/// What a run produced: the text for standard output, the lines for standard error, and
/// the exit status (0, 1 or 2).
pub struct Outcome {
    pub stdout: String,
    pub stderr: Vec<String>,
    pub status: u8,
}

/// A run's errors and warnings, one line each, for standard error.
pub fn problem_lines(report: &Report) -> Vec<String> {
    let errors = report.errors.iter().map(|e| e.error_line());
    errors.chain(report.warnings.iter().map(|w| w.warning_line())).collect()
}

/// Screens every programme under the paths against the core and user checklists.
pub fn screen(run: &Run) -> Report {
    let loaded = checklist::load(run.checklists(), run.limits());
    let rules: Vec<&Rule> = loaded.checklists.iter().flat_map(|c| c.rules.iter()).collect();
    let portfolio_rules: Vec<&Rule> = rules.iter().copied().filter(|r| r.kind() == RuleKind::Portfolio).collect();
    let found = discover::find(run.paths(), run.exclude());
    let (inputs, mut errors) = (found.inputs, found.problems);
    errors.extend(loaded.problems.iter().cloned());
    let mut notices = run.notices().to_vec();
    if let Some(config) = run.ignore_from()
        && found.left_out > 0
    {
        notices.push(Notice::IgnoreLeftOut {
            config: config.to_string(),
            left_out: found.left_out,
            remaining: inputs.len(),
        });
    }
    if found.git_ignored > 0 {
        notices.push(Notice::GitIgnoredLeftOut { left_out: found.git_ignored, remaining: inputs.len() });
    }
    if !found.config_named.is_empty() {
        notices.push(Notice::ConfigNamesNotScreened { files: found.config_named.clone() });
    }

    let bar = progress::start(inputs.len());
    let each = |node: &load::Node, display: &str, start: Loc| {
        screen_programme(node, display, start, run, &rules, &portfolio_rules)
    };
    let mut results: Vec<Screened> = inputs
        .par_iter()
        .map(|input| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            screen_input(input, run, &each)
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    progress::finish(bar);

    // A duplicate id is an error, but both programmes are still screened and reported: a file
    // added with another's id must not hide that programme's findings.
    // Problems and duplicate ids first, by reference, so the screenings can then be taken
    // out of the results in place (no second copy of a large portfolio).
    let mut first_use: BTreeMap<&str, (&str, Loc)> = BTreeMap::new();
    for screened in &results {
        match &screened.result {
            Ok((screening, id_loc)) => match first_use.get(screening.id.as_str()) {
                Some((file, at)) => errors.push(Problem::new(
                    &screening.file,
                    *id_loc,
                    ProblemKind::DuplicateId(format!(
                        "programme id `{}` is already used by {file}:{}:{}; both are screened, but give each its own id",
                        screening.id, at.line, at.column
                    )),
                )),
                None => {
                    first_use.insert(&screening.id, (&screening.file, *id_loc));
                }
            },
            Err(problems) => errors.extend(problems.iter().cloned()),
        }
    }
    drop(first_use);
    // Every file's marks, screened or not: a file with errors still has its names withheld.
    let mut sensitive_names: Vec<String> = results.iter_mut().flat_map(|r| std::mem::take(&mut r.names)).collect();
    sensitive_names.sort_unstable();
    sensitive_names.dedup();
    let mut screenings: Vec<Screening> = results.into_iter().filter_map(|r| r.result.ok().map(|(s, _)| s)).collect();
    screenings.sort_by(|a, b| a.file.cmp(&b.file).then_with(|| a.id.cmp(&b.id)));
    errors.sort();
    errors.dedup();
    let mut report = Report {
        tool_version: env!("CARGO_PKG_VERSION").to_string(),
        checklists: loaded.checklists,
        screenings,
        errors,
        warnings: loaded.warnings,
        today: run.today(),
        ignore_acceptances: run.ignore_acceptances(),
        baseline_used: false,
        show_sensitive: run.show_sensitive(),
        sensitive_names,
        notices,
    };
    let withheld = redact::Withheld::new(&report.sensitive_names);
    redact::apply(&mut report, &withheld, run.show_sensitive());
    report
}

/// One programme screened (with where its id is), or why it could not be; and the names its
/// file marks sensitive either way.
struct Screened {
    result: Result<(Screening, Loc), Vec<Problem>>,
    names: Vec<String>,
}

impl Screened {
    fn failed(problems: Vec<Problem>) -> Screened {
        Screened { result: Err(problems), names: Vec::new() }
    }
}

/// The screenings of one input: one for a programme file, one per activity of an IATI file
/// (told by its extension or its first bytes), with the problems met on the way.
fn screen_input(
    input: &discover::Input,
    run: &Run,
    each: &(dyn Fn(&load::Node, &str, Loc) -> Screened + Sync),
) -> Vec<Screened> {
    let options = iati::Options { lang: run.narrative_lang().to_string(), ..iati::Options::default() };
    let mut out = Vec::new();
    let work = |outcome: iati::Outcome| match outcome {
        iati::Outcome::Programme(c) => Some(each(&c.node, &input.display, c.loc)),
        iati::Outcome::Skipped(p) => Some(Screened::failed(vec![p])),
        iati::Outcome::NotSelected(_) => None,
    };
    let take = |screened: Option<Screened>| out.extend(screened);
    if iati::is_xml_name(&input.path) {
        if let Err(p) = iati::read(&input.path, &input.display, &options, work, take) {
            out.push(Screened::failed(vec![p]));
        }
        return out;
    }
    let bytes = match load::read_bytes(&input.path, &input.display, run.limits()) {
        Ok(bytes) => bytes,
        Err(p) => return vec![Screened::failed(vec![p])],
    };
    if iati::starts_like_xml(&bytes) {
        if let Err(p) = iati::read_from(&bytes[..], &input.display, &options, work, take) {
            out.push(Screened::failed(vec![p]));
        }
        return out;
    }
    match load::parse_bytes(&bytes, &input.display, run.limits()) {
        Ok(node) => vec![each(&node, &input.display, Loc::new(1, 1))],
        Err(p) => {
            // Not readable YAML: its marks are looked for line by line.
            let marks = redact::marks::from_text(&String::from_utf8_lossy(&bytes), &input.display);
            vec![Screened { result: Err([vec![p], marks.refused].concat()), names: marks.names }]
        }
    }
}

/// Collects the marks of one programme document, then validates, evaluates and scores it.
fn screen_programme(
    node: &load::Node,
    display: &str,
    start: Loc,
    run: &Run,
    rules: &[&Rule],
    portfolio_rules: &[&Rule],
) -> Screened {
    let marks = redact::marks::collect(node, display);
    let result = match validate::programme(node, display) {
        Ok(programme) if marks.refused.is_empty() => Ok(screen_valid(programme, start, run, rules, portfolio_rules)),
        Ok(_) => Err(marks.refused),
        Err(mut problems) => {
            problems.extend(marks.refused);
            problems.sort();
            Err(problems)
        }
    };
    Screened { result, names: marks.names }
}

/// Evaluates and scores one valid programme.
fn screen_valid(
    mut programme: crate::model::Programme,
    start: Loc,
    run: &Run,
    rules: &[&Rule],
    portfolio_rules: &[&Rule],
) -> (Screening, Loc) {
    programme.loc = start;
    let texts = evaluate::condition::Texts::of(&programme);
    let (detail, today) = (run.detail(), run.today());
    let gather = if detail.keys() { evaluate::Gather::All } else { evaluate::Gather::Gaps };
    let hits = evaluate::evaluate(&programme, &texts, rules, today, gather);
    let unsupported = if detail.full() { evaluate::unsupported(&programme) } else { Vec::new() };
    let judging = score::Judging { today, ignore_acceptances: run.ignore_acceptances(), rules, texts: &texts };
    let asked = evaluate::questions::key_questions(&programme);
    let mut screening = score::screen_asking(&programme, hits, unsupported, asked, judging);
    if detail.full() {
        // Only the outputs that show findings show the changes that answer them.
        screening.changes = score::changes::consolidate(&programme, &screening.findings, &judging);
    }
    if detail.facts() {
        screening.facts = evaluate::facts::extract(&programme, &texts, portfolio_rules, today);
    }
    if !detail.full() {
        // Keep what tables and aggregates read; drop the lists they only count.
        if detail.keys() {
            screening.findings.retain(|f| f.status.counts());
            for f in &mut screening.findings {
                f.evidence = Vec::new();
                f.primary = 0;
            }
            screening.findings.shrink_to_fit();
        } else {
            screening.findings = Vec::new();
        }
        screening.gaps = Vec::new();
        screening.unsupported = Vec::new();
    }
    (screening, programme.id_loc)
}

/// 2 when any input was bad; else 1 when a programme is rated at or above `fail_on`,
/// counting only findings a baseline does not know; else 0.
pub fn status(report: &Report, fail_on: FailOn) -> u8 {
    if !report.errors.is_empty() {
        return 2;
    }
    let Some(threshold) = fail_on.threshold() else { return 0 };
    let fails = report.screenings.iter().any(|s| {
        let rating = s.raised.iter().filter(|r| !r.known).map(|r| r.rating).max().unwrap_or(Rating::Low);
        rating >= threshold
    });
    u8::from(fails)
}

/// A command-line mistake: its error line, and status 2.
pub fn usage_error(message: String) -> Outcome {
    Outcome { stdout: String::new(), stderr: vec![error_line(ProblemKind::Usage(message))], status: 2 }
}

/// The error line of a problem that names no file of its own (the message may name one).
pub fn error_line(kind: ProblemKind) -> String {
    Problem::general(kind).error_line()
}

/// The warning line of a problem that names no file of its own (the message may name one).
pub fn warning_line(kind: ProblemKind) -> String {
    Problem::general(kind).warning_line()
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
