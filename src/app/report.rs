//! `dnh-screen report`: one Markdown or HTML document per programme, or one combined
//! document, through the built-in templates or an organisation's own.
//!
//! Orchestration only: screening is `screen`'s, rendering the templates', writing `output`'s.

use super::{Detail, Outcome, prepare, screen, settings::Extra};
use crate::cli::{ReportArgs, ReportFormat};
use crate::model::{ProblemKind, Report};
use crate::render::view;
use std::path::Path;

/// `dnh-screen report PATH... --format md|html [-o FILE|DIR] [--combine]`.
pub fn report(args: &ReportArgs) -> Outcome {
    let extra = Extra { templates: args.templates.as_ref(), ..Extra::default() };
    let (settings, run) = match prepare(&args.screen, extra, |_| Detail::Full) {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let lang = settings.lang.value;
    let templates = settings.templates.as_ref().map(|t| t.value.clone());
    let report = screen(&run);
    let mut stderr: Vec<String> = super::problem_lines(&report);
    stderr.extend(crate::render::notices::lines(&report.notices, lang).lines().map(str::to_string));
    let input_status = if report.errors.is_empty() { 0 } else { 2 };
    let ext = match args.format {
        ReportFormat::Md => "md",
        ReportFormat::Html => "html",
    };
    let template = format!("report.{ext}");
    let render = |r: &Report| {
        crate::render::templates::render_with(
            templates.as_deref(),
            &template,
            &view::build(r, lang),
            r.screenings.len(),
        )
    };

    let to_dir = args.output.as_deref().filter(|o| o.is_dir() || o.to_string_lossy().ends_with('/'));
    let result = match (to_dir, &args.output) {
        (Some(dir), _) if !args.combine => write_each(&report, dir, ext, &render),
        (Some(dir), _) => one(folder(dir)
            .and_then(|()| render(&report))
            .and_then(|text| write(&dir.join(format!("screening-report.{ext}")), &text))),
        (None, Some(file)) => one(render(&report).and_then(|text| write(file, &text))),
        (None, None) => {
            return match render(&report) {
                Ok(stdout) => Outcome { stdout, stderr, status: input_status },
                Err(e) => {
                    stderr.push(super::error_line(e));
                    Outcome { stdout: String::new(), stderr, status: 2 }
                }
            };
        }
    };
    let (written, failures) = result;
    let status = if failures.is_empty() { input_status } else { 2 };
    stderr.extend(failures.into_iter().map(super::error_line));
    Outcome { stdout: written, stderr, status }
}

/// What was written (the lines for standard output) and what could not be.
type Written = (String, Vec<ProblemKind>);

fn one(result: Result<String, ProblemKind>) -> Written {
    match result {
        Ok(written) => (written, Vec::new()),
        Err(e) => (String::new(), vec![e]),
    }
}

/// One file per programme, named by its id, in `dir` (created when missing). A document that
/// cannot be rendered or written is an error; the others are still written.
fn write_each(
    report: &Report,
    dir: &Path,
    ext: &str,
    render: &dyn Fn(&Report) -> Result<String, ProblemKind>,
) -> Written {
    if let Err(e) = folder(dir) {
        return (String::new(), vec![e]);
    }
    let mut written = String::new();
    let mut failures = Vec::new();
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    // The run's report without its programmes, copied once; each document holds one of them.
    let mut single = Report {
        tool_version: report.tool_version.clone(),
        checklists: report.checklists.clone(),
        screenings: Vec::new(),
        errors: Vec::new(),
        warnings: Vec::new(),
        today: report.today,
        ignore_acceptances: report.ignore_acceptances,
        baseline_used: report.baseline_used,
        show_sensitive: report.show_sensitive,
        sensitive_names: report.sensitive_names.clone(),
        notices: report.notices.clone(),
    };
    for screening in &report.screenings {
        let mut name = format!("{}.{ext}", screening.id);
        let mut n = 2;
        while used.contains(&name) {
            name = format!("{}-{n}.{ext}", screening.id);
            n += 1;
        }
        used.insert(name.clone());
        single.screenings = vec![screening.clone()];
        match render(&single).and_then(|text| write(&dir.join(&name), &text)) {
            Ok(line) => written.push_str(&line),
            Err(e) => failures.push(e),
        }
    }
    (written, failures)
}

/// The output folder, made when missing; a link or a file there is refused.
fn folder(dir: &Path) -> Result<(), ProblemKind> {
    crate::output::prepare_folder(dir).map_err(|e| {
        let shown = crate::text::display_path(dir);
        ProblemKind::CannotWrite(format!("{shown}: cannot write: {}", crate::load::io_reason(&e)))
    })
}

/// Writes one document and says so (the line `check` users see on standard output).
fn write(path: &Path, text: &str) -> Result<String, ProblemKind> {
    crate::output::write_atomic(path, text.as_bytes()).map_err(|e| {
        let shown = crate::text::display_path(path);
        ProblemKind::CannotWrite(format!("{shown}: cannot write: {}", crate::load::io_reason(&e)))
    })?;
    Ok(format!("wrote {}\n", crate::text::display_path(path)))
}
