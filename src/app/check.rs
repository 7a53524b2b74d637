//! `dnh-screen check`: screen programme files, render the report in the chosen format (and
//! any `--output FORMAT=PATH`), apply or write a baseline, and end with the exit status.
//!
//! Orchestration only: the stages do the work; this picks renderers and the exit status.

use super::settings::{Extra, Settings};
use super::{Detail, Outcome, prepare, screen, status, usage_error, use_color};
use crate::baseline;
use crate::cli::{CheckArgs, Format};
use crate::config::Sourced;
use crate::model::{Notice, ProblemKind, Report};
use crate::render::{self, Style};
use clap::ValueEnum;
use std::path::PathBuf;

/// `dnh-screen check`.
pub fn check(args: &CheckArgs) -> Outcome {
    let extra = Extra { fail_on: args.fail_on, baseline: args.baseline.as_ref(), templates: None };
    let outputs = match parse_outputs(&args.outputs) {
        Ok(o) => o,
        Err(message) => return usage_error(message),
    };
    // The plain table needs only summaries, unless a baseline or another output needs more.
    let summary = args.format == Format::Table && !args.details && outputs.is_empty() && args.write_baseline.is_none();
    let detail = |settings: &Settings| match (summary, settings.baseline.is_some()) {
        (false, _) => Detail::Full,
        (true, true) => Detail::CountsWithKeys,
        (true, false) => Detail::Counts,
    };
    let (settings, run) = match prepare(&args.screen, extra, detail) {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let mut report = screen(&run);
    if let (Some(path), None) = (&settings.baseline, &args.write_baseline) {
        match baseline::read(&path.value) {
            Ok(known) => {
                baseline::mark(&mut report, &known);
                report.baseline_used = true;
                report.notices.extend(baseline_notice(&report, path));
            }
            Err(problem) => report.errors.push(problem),
        }
    }
    report.notices.extend(settings.fail_on_notice());

    let lang = settings.lang.value;
    let threshold = settings.fail_on.value.threshold();
    let style = Style { color: use_color(args.color), details: args.details, lang };
    let stdout = render::render(&report, args.format.into(), style, threshold);
    let mut stderr: Vec<String> = super::problem_lines(&report);
    if args.format != Format::Table {
        // The table states them itself; other formats may be read by a machine only.
        stderr.extend(render::notices::lines(&report.notices, lang).lines().map(str::to_string));
    }
    let mut write_failed = false;
    let plain = Style { color: false, ..style };
    let mut files: Vec<(PathBuf, String)> = outputs
        .iter()
        .map(|(format, path)| (path.clone(), render::render(&report, (*format).into(), plain, threshold)))
        .collect();
    if let Some(path) = &args.write_baseline {
        files.push((path.clone(), baseline::render(&report)));
    }
    for (path, text) in files {
        if let Err(e) = crate::output::write_atomic(&path, text.as_bytes()) {
            let shown = crate::text::display_path(&path);
            let message = format!("{shown}: cannot write: {}", crate::load::io_reason(&e));
            stderr.push(super::error_line(ProblemKind::CannotWrite(message)));
            write_failed = true;
        }
    }
    let status = if write_failed { 2 } else { status(&report, settings.fail_on.value) };
    Outcome { stdout, stderr, status }
}

/// A baseline that marks every finding that counts as known: the run cannot fail on a rating.
fn baseline_notice(report: &Report, path: &Sourced<PathBuf>) -> Option<Notice> {
    let counting = report.screenings.iter().flat_map(|s| s.raised.iter());
    let (known, total) = counting.fold((0, 0), |(k, t), r| (k + usize::from(r.known), t + 1));
    (total > 0 && known == total).then(|| Notice::BaselineCoversAll {
        file: crate::text::display_path(&path.value),
        origin: path.origin.clone(),
        known,
    })
}

/// `--output FORMAT=PATH` values.
fn parse_outputs(values: &[String]) -> Result<Vec<(Format, PathBuf)>, String> {
    values
        .iter()
        .map(|value| {
            let (format, path) = value
                .split_once('=')
                .ok_or_else(|| format!("--output takes FORMAT=PATH, e.g. sarif=results.sarif; found `{value}`"))?;
            let format = Format::from_str(format, true).map_err(|_| {
                let names: Vec<&str> = Format::value_variants().iter().map(|f| f.name()).collect();
                format!("--output: unknown format `{format}`; one of {}", names.join(", "))
            })?;
            if path.is_empty() {
                return Err(format!("--output {value}: the path is empty"));
            }
            Ok((format, PathBuf::from(path)))
        })
        .collect()
}
