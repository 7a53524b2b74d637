//! `--format table` (the default of `check`): one row per programme on the terminal, with
//! `--details` adding every finding through the `details.txt` template.
//!
//! Part of the render stage. Colour only when asked (a terminal, no `NO_COLOR`); the words
//! come from `i18n` so the table reads the same in English and French.

use super::{Lang, Style, by_rating, i18n, templates, view};
use crate::model::{Rating, Report};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

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
        out.push_str(i18n::label("no_programmes", lang));
        out.push('\n');
        return out;
    }
    let mut table = Table::new();
    table.load_style(if style.color { presets::UTF8_FULL_CONDENSED } else { presets::ASCII_MARKDOWN });
    table.set_content_arrangement(if style.color { ContentArrangement::Dynamic } else { ContentArrangement::Disabled });
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    let headings = ["file", "programme", "type", "rating", "areas", "findings", "gaps"];
    table.set_header(headings.iter().map(|k| Cell::new(i18n::label(k, lang))));
    for s in &report.screenings {
        let areas: Vec<&str> =
            s.risk_areas.iter().filter(|(_, r)| *r >= Rating::Substantial).map(|(a, _)| a.as_str()).collect();
        let mut rating = Cell::new(i18n::rating(s.rating, lang));
        if style.color {
            rating = rating.fg(color(s.rating));
        }
        table.add_row(vec![
            Cell::new(&s.file),
            Cell::new(&s.id),
            Cell::new(s.kind.as_str()),
            rating,
            Cell::new(areas.join(", ")),
            Cell::new(s.counting().count()),
            Cell::new(s.gaps.len()),
        ]);
    }
    out.push_str(&table.to_string());
    out.push('\n');
    out.push_str(&summary_line(report, lang));
    out
}

fn color(r: Rating) -> Color {
    match r {
        Rating::Low => Color::Green,
        Rating::Moderate => Color::Yellow,
        Rating::Substantial => Color::DarkYellow,
        Rating::High => Color::Red,
    }
}

/// `8 programmes screened: 3 High, 2 Substantial, 2 Moderate, 1 Low. 1 file with errors.`
pub fn summary_line(report: &Report, lang: Lang) -> String {
    let counts: Vec<String> =
        by_rating(report).iter().rev().map(|(r, n)| format!("{n} {}", i18n::rating(*r, lang))).collect();
    let checklists: Vec<String> = report.checklists.iter().map(|c| format!("{} {}", c.id, c.version)).collect();
    let mut line = format!(
        "{}: {}. {} {}.",
        i18n::count(report.screenings.len(), "programmes", lang),
        counts.join(", "),
        i18n::label("checklist", lang),
        checklists.join(", ")
    );
    let files_with_errors = {
        let mut files: Vec<&str> = report.errors.iter().map(|e| e.file.as_str()).collect();
        files.dedup();
        files.len()
    };
    if files_with_errors > 0 {
        line.push_str(&format!(" {files_with_errors} {}.", i18n::label("errors", lang)));
    }
    line.push('\n');
    line
}
