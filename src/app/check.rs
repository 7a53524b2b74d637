//! `dnh-screen check`: screen programme files and render the report in the chosen format.
//!
//! Orchestration only: the stages do the work; this picks the renderer and the exit status.

use super::{Outcome, Run, resolve_today, screen, status, usage_error, use_color};
use crate::cli::{CheckArgs, Format};
use crate::load::Limits;
use crate::render::{self, Style};
use std::path::PathBuf;

/// `dnh-screen check`.
pub fn check(args: &CheckArgs) -> Outcome {
    let today = match resolve_today(args.today.as_deref()) {
        Ok(d) => d,
        Err(message) => return usage_error(message),
    };
    let default_paths = [PathBuf::from(".")];
    let paths = if args.paths.is_empty() { &default_paths[..] } else { &args.paths };
    let limits = Limits { max_file_bytes: args.max_file_size, ..Limits::default() };
    let report = screen(&Run { paths, checklists: &args.checklists, limits, today });

    let style = Style { color: use_color(args.color), details: args.details, lang: args.lang };
    let stdout = match args.format {
        Format::Table => render::table::render(&report, style),
        Format::Json => render::json::render(&report, args.lang),
    };
    Outcome {
        stdout,
        stderr: report.errors.iter().map(|e| format!("error: {e}")).collect(),
        status: status(&report, args.fail_on),
    }
}
