//! `dnh-screen diff OLD NEW`: screen two versions of a design and report what changed.
//!
//! Orchestration only: each version is screened like any file; the comparison is the
//! renderer's.

use super::{Detail, Outcome, prepare, screen, usage_error};
use crate::cli::{DiffArgs, DiffFormat};
use crate::model::ProblemKind;
use crate::redact::{self, Withheld};
use crate::render::diff;

/// `dnh-screen diff OLD NEW`.
pub fn diff(args: &DiffArgs) -> Outcome {
    let (settings, run) = match prepare(&args.screen, Default::default(), |_| Detail::Full) {
        Ok(prepared) => prepared,
        Err(outcome) => return outcome,
    };
    let one = |path: &std::path::PathBuf| screen(&run.over(vec![path.clone()]));
    let (mut old, mut new) = (one(&args.old), one(&args.new));
    // A name marked sensitive in either version is withheld from both.
    let (in_old, in_new) = (Withheld::new(&old.sensitive_names), Withheld::new(&new.sensitive_names));
    redact::apply(&mut old, &in_new, run.show_sensitive());
    redact::apply(&mut new, &in_old, run.show_sensitive());
    let mut stderr: Vec<String> = old.errors.iter().chain(&new.errors).map(|e| e.error_line()).collect();
    stderr.extend(old.warnings.iter().map(|w| w.warning_line()));
    let mut notices = old.notices.clone();
    notices.extend(new.notices.iter().filter(|n| !old.notices.contains(n)).cloned());
    stderr.extend(crate::render::notices::lines(&notices, settings.lang.value).lines().map(str::to_string));
    let (Some(a), Some(b)) = (old.screenings.first(), new.screenings.first()) else {
        stderr.push(super::error_line(ProblemKind::Usage("diff needs two readable programme files".into())));
        return Outcome { stdout: String::new(), stderr, status: 2 };
    };
    if old.screenings.len() > 1 || new.screenings.len() > 1 {
        return usage_error("diff compares two programme files, not folders".to_string());
    }
    let lang = settings.lang.value;
    let view = diff::build(&old, a, &new, b, lang);
    let stdout = match args.format {
        DiffFormat::Table => diff::text(&view, lang, false),
        DiffFormat::Md => diff::text(&view, lang, true),
        DiffFormat::Json => diff::json(&view),
    };
    let status = if old.errors.is_empty() && new.errors.is_empty() { 0 } else { 2 };
    Outcome { stdout, stderr, status }
}
