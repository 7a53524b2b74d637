//! `--format table` (the default of `check`): one row per programme on the terminal, with
//! `--details` adding every finding through the `details.txt` template.
//!
//! Part of the render stage. Colour only when asked (a terminal, no `NO_COLOR`); the words
//! come from `i18n` so the table reads the same in English and French.

use super::grid::Grid;
use super::i18n::{self, Label};
use super::{Lang, Style, by_rating, notices, templates, view};
use crate::model::{Rating, Report};

/// Renders the summary table, the details when asked, and a closing count line.
pub fn render(report: &Report, style: Style) -> String {
    let lang = style.lang;
    let mut out = String::new();
    if style.details && !report.screenings.is_empty() {
        match templates::render("details.txt", &view::build(report, lang)) {
            Ok(text) => out.push_str(&text),
            Err(e) => out.push_str(&format!("{e}\n")),
        }
    }
    if report.screenings.is_empty() {
        // Files were found but none could be screened: "no files found" would not be true.
        let label = if report.errors.is_empty() { Label::NoProgrammes } else { Label::NoneScreened };
        out.push_str(label.text(lang));
        out.push('\n');
        out.push_str(&notices::lines(&report.notices, lang));
        return out;
    }
    let headings =
        [Label::File, Label::Programme, Label::Type, Label::Rating, Label::Areas, Label::Findings, Label::Gaps];
    let mut table = Grid::new(style, headings.iter().map(|k| k.text(lang).to_string()).collect());
    for s in &report.screenings {
        let areas: Vec<&str> =
            s.risk_areas.iter().filter(|(_, r)| *r >= Rating::Substantial).map(|(a, _)| a.as_str()).collect();
        table.row(vec![
            (s.file.clone(), None),
            (s.id.clone(), None),
            (s.kind.as_str().to_string(), None),
            (i18n::rating(s.rating, lang).to_string(), Some(s.rating)),
            (areas.join(", "), None),
            (s.raised.len().to_string(), None),
            (s.gap_count.to_string(), None),
        ]);
    }
    out.push_str(&table.render());
    out.push('\n');
    out.push_str(&summary_line(report, lang));
    out.push_str(&notices::lines(&report.notices, lang));
    out
}

/// `8 programmes screened: 3 High, 2 Substantial, 2 Moderate, 1 Low. 1 file with errors.`
pub fn summary_line(report: &Report, lang: Lang) -> String {
    let counts: Vec<String> =
        by_rating(report).iter().rev().map(|(r, n)| format!("{n} {}", i18n::rating(*r, lang))).collect();
    let checklists: Vec<String> = report.checklists.iter().map(|c| format!("{} {}", c.id, c.version)).collect();
    let mut line = format!(
        "{}: {}. {} {}.",
        i18n::count(report.screenings.len(), Label::ProgrammesOne, Label::ProgrammesMany, lang),
        counts.join(", "),
        Label::Checklist.text(lang),
        checklists.join(" + ")
    );
    let files_with_errors = {
        let mut files: Vec<&str> = report.errors.iter().map(|e| e.file.as_str()).collect();
        files.dedup();
        files.len()
    };
    if files_with_errors > 0 {
        line.push_str(&format!(" {}.", i18n::count(files_with_errors, Label::ErrorsOne, Label::ErrorsMany, lang)));
    }
    let marked = report.screenings.iter().map(|s| usize::from(s.sensitive)).sum();
    if let Some(notice) = i18n::sensitive_notice(marked, report.show_sensitive, lang) {
        line.push(' ');
        line.push_str(&notice);
        line.push('.');
    }
    line.push('\n');
    line
}
