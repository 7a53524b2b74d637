//! `dnh-screen portfolio`: screen a folder of programmes as a donor's portfolio: aggregates,
//! cross-programme findings, and the portfolio document in the chosen format.
//!
//! Orchestration only: screening keeps per-programme summaries (not parsed documents), the
//! join is `evaluate::portfolio`'s, the aggregates `aggregate`'s, the words the renderers'.

use super::{Detail, Outcome, prepare, screen, settings::Extra, use_color};
use crate::cli::{PortfolioArgs, PortfolioFormat};
use crate::model::{ProblemKind, Rule, RuleKind};
use crate::render::{Style, portfolio as render};
use crate::{aggregate, evaluate};

/// `dnh-screen portfolio PATH...`.
pub fn portfolio(args: &PortfolioArgs) -> Outcome {
    let extra = Extra { templates: args.templates.as_ref(), ..Extra::default() };
    let (settings, run) = match prepare(&args.screen, extra, |_| Detail::Portfolio) {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let mut report = screen(&run);
    let rules: Vec<&Rule> =
        report.checklists.iter().flat_map(|c| c.rules.iter()).filter(|r| r.kind() == RuleKind::Portfolio).collect();
    let cross = evaluate::portfolio::join(&report.screenings, &rules);
    let aggregated = aggregate::portfolio(&report, cross);
    // A budget that cannot be added exactly is an error of the run, named with its file and line.
    report.errors.extend(aggregated.budget_errors.iter().cloned());
    let lang = settings.lang.value;
    let view = render::build(&report, &aggregated, lang);
    let templates = settings.templates.as_ref().map(|t| t.value.clone());
    let rendered = match args.format {
        PortfolioFormat::Table => {
            Ok(render::terminal(&view, Style { color: use_color(args.color), details: false, lang }))
        }
        PortfolioFormat::Json => Ok(render::json(&view)),
        PortfolioFormat::Csv => Ok(render::csv(&report, &view)),
        PortfolioFormat::Md => render::document(&view, "portfolio.md", templates.as_deref()),
        PortfolioFormat::Html => render::document(&view, "portfolio.html", templates.as_deref()),
    };
    let mut stderr: Vec<String> = super::problem_lines(&report);
    if args.format != PortfolioFormat::Table {
        stderr.extend(crate::render::notices::lines(&report.notices, lang).lines().map(str::to_string));
    }
    let status = if report.errors.is_empty() { 0 } else { 2 };
    let text = match rendered {
        Ok(text) => text,
        Err(e) => {
            stderr.push(super::error_line(e));
            return Outcome { stdout: String::new(), stderr, status: 2 };
        }
    };
    match &args.output {
        None => Outcome { stdout: text, stderr, status },
        Some(path) => match crate::output::write_atomic(path, text.as_bytes()) {
            Ok(()) => Outcome { stdout: format!("wrote {}\n", crate::text::display_path(path)), stderr, status },
            Err(e) => {
                let shown = crate::text::display_path(path);
                let message = format!("{shown}: cannot write: {}", crate::load::io_reason(&e));
                stderr.push(super::error_line(ProblemKind::CannotWrite(message)));
                Outcome { stdout: String::new(), stderr, status: 2 }
            }
        },
    }
}
