//! Render stage: a finished `Report` → bytes in one format. One file per format.
//!
//! Renderers see only the report. They must not re-run rules, re-read files or change what
//! the report says; they choose words, order and layout. Output is deterministic: the same
//! report gives the same bytes.

pub mod condition;
pub mod csv;
pub mod diff;
pub mod github;
pub mod grid;
pub mod i18n;
pub mod json;
pub mod junit;
pub mod notices;
pub mod portfolio;
pub mod rules;
pub mod sarif;
pub mod table;
pub mod templates;
pub mod view;

use crate::model::{Evidence, Finding, Report, Rule};
use i18n::Label;

/// Output options shared by the human formats.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
    pub details: bool,
    pub lang: Lang,
}

pub use crate::model::Lang;

/// The formats `check` renders a report in (the command line's `--format` converts into it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Junit,
    Github,
    Csv,
}

/// Renders the report in one of `check`'s formats; `threshold` is the `--fail-on` rating.
pub fn render(report: &Report, format: Format, style: Style, threshold: Option<crate::model::Rating>) -> String {
    match format {
        Format::Table => table::render(report, style),
        Format::Json => json::render(report, style.lang),
        Format::Sarif => sarif::render(report, style.lang),
        Format::Junit => junit::render(report, threshold, style.lang),
        Format::Github => github::render(report, style.lang),
        Format::Csv => csv::render(report, style.lang),
    }
}

/// One piece of evidence as a phrase: `measures.partner_vetting = no (line 41)`.
pub fn evidence_phrase(e: &Evidence, lang: Lang) -> String {
    let value = match &e.value {
        None => Label::NotStated.text(lang).to_string(),
        Some(v) if v.starts_with("mentions ") => i18n::evidence_value(v, lang),
        Some(v) => format!("= {v}"),
    };
    format!("{} {value} ({} {})", e.field, Label::Line.text(lang), e.loc.line)
}

/// A finding in one sentence, naming what triggered it; an unverified one says what the
/// design does not show (then what it states, if anything).
pub fn message(finding: &Finding, rule: Option<&Rule>, lang: Lang) -> String {
    let title = rule.map_or(finding.rule.as_str(), |r| r.title.get(lang.code()));
    if finding.basis == crate::model::Basis::Unverified {
        let at = |e: &Evidence| format!("{} ({} {})", e.field, Label::Line.text(lang), e.loc.line);
        let missing: Vec<String> = finding.evidence.iter().filter(|e| e.gap).map(at).collect();
        let stated: Vec<String> =
            finding.evidence.iter().filter(|e| !e.gap).map(|e| evidence_phrase(e, lang)).collect();
        let mut text = format!("{title} — {} {}", Label::DoesNotShow.text(lang), missing.join(", "));
        if !stated.is_empty() {
            text.push_str(&format!("; {} {}", Label::TriggeredBy.text(lang), stated.join(", ")));
        }
        return text;
    }
    let gap = if finding.gap { format!(" ({})", Label::GapShort.text(lang)) } else { String::new() };
    let phrases: Vec<String> = finding.evidence.iter().map(|e| evidence_phrase(e, lang)).collect();
    format!("{title}{gap} — {} {}", Label::TriggeredBy.text(lang), phrases.join(", "))
}

/// A consolidated change in one instruction: the safeguard to put in place, or, for a
/// finding no safeguard answers, that finding's own mitigation.
pub fn change_text(report: &Report, change: &crate::model::Change, lang: Lang) -> String {
    if !change.safeguards.is_empty() {
        return i18n::safeguard_change(&change.safeguards, lang);
    }
    let rule = change.answers.first().map_or("", String::as_str);
    let title = report.rule(rule).map_or(rule, |r| r.title.get(lang.code()));
    i18n::fill(Label::ChangeOwn, lang, &[("rule", rule), ("title", title)])
}

/// A screening's completeness in words: `12 of the 20 key questions answered (60%)`.
pub fn completeness_line(c: crate::model::Completeness, lang: Lang) -> String {
    let (asked, answered, percent) = (c.asked.to_string(), c.answered.to_string(), c.percent().to_string());
    i18n::fill(Label::CompletenessLine, lang, &[("asked", &asked), ("answered", &answered), ("percent", &percent)])
}

/// Counts of screenings per rating, lowest first.
pub fn by_rating(report: &Report) -> [(crate::model::Rating, usize); 4] {
    use crate::model::Rating;
    let count = |r: Rating| report.screenings.iter().filter(|s| s.rating == r).count();
    [
        (Rating::Low, count(Rating::Low)),
        (Rating::Moderate, count(Rating::Moderate)),
        (Rating::Substantial, count(Rating::Substantial)),
        (Rating::High, count(Rating::High)),
    ]
}
