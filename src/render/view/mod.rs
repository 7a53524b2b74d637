//! The report as template context: every text resolved to one language, every rating and
//! area named, ready for minijinja templates (terminal details, and the document formats).
//!
//! Part of the render stage. Built from the finished `Report` only; it must not compute
//! anything the report does not already say, only choose words for it.

use super::{Lang, i18n, message};
use crate::model::{Finding, Report, Screening, Status};
use crate::schema;
use serde::Serialize;

#[derive(Serialize)]
pub struct ReportView {
    pub lang: &'static str,
    pub t: std::collections::BTreeMap<&'static str, &'static str>,
    pub tool_version: String,
    pub today: String,
    pub checklists: Vec<ChecklistView>,
    pub programmes: Vec<ProgrammeView>,
    pub errors: Vec<String>,
}

#[derive(Serialize)]
pub struct ChecklistView {
    pub id: String,
    pub version: String,
    pub title: String,
}

#[derive(Serialize)]
pub struct ProgrammeView {
    pub file: String,
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub rating: &'static str,
    pub rating_name: &'static str,
    pub score: u32,
    pub prepared_by: Option<String>,
    pub reviewed_by: Option<String>,
    pub date: Option<String>,
    pub follow_ups: Vec<&'static str>,
    pub risk_areas: Vec<AreaView>,
    pub findings: Vec<FindingView>,
    pub gaps: Vec<GapView>,
    pub unsupported: Vec<GapView>,
    pub acceptances: Vec<AcceptanceView>,
}

#[derive(Serialize)]
pub struct AreaView {
    pub id: &'static str,
    pub title: &'static str,
    pub rating: &'static str,
    pub rating_name: &'static str,
}

#[derive(Serialize)]
pub struct FindingView {
    pub rule: String,
    pub kind: &'static str,
    pub title: String,
    pub area: &'static str,
    pub area_title: &'static str,
    pub impact: u8,
    pub likelihood: u8,
    pub significance: u8,
    pub rating: &'static str,
    pub rating_name: &'static str,
    pub floor: Option<&'static str>,
    pub status: &'static str,
    pub gap: bool,
    pub evidence: Vec<EvidenceView>,
    pub message: String,
    pub why: String,
    pub quote: String,
    pub quote_translation: Option<String>,
    pub section: String,
    pub mitigation: String,
    pub references: Vec<String>,
}

#[derive(Serialize)]
pub struct EvidenceView {
    pub field: String,
    pub value: Option<String>,
    pub line: u32,
    pub column: u32,
    pub phrase: String,
}

#[derive(Serialize)]
pub struct GapView {
    pub field: String,
    pub question: Option<&'static str>,
    pub line: u32,
    pub column: u32,
}

#[derive(Serialize)]
pub struct AcceptanceView {
    pub rule: String,
    pub status: &'static str,
    pub reason: String,
    pub approved_by: String,
    pub until: Option<String>,
}

pub fn build(report: &Report, lang: Lang) -> ReportView {
    ReportView {
        lang: lang.code(),
        t: i18n::labels(lang),
        tool_version: report.tool_version.clone(),
        today: report.today.to_string(),
        checklists: report
            .checklists
            .iter()
            .map(|c| ChecklistView { id: c.id.clone(), version: c.version.clone(), title: c.title.clone() })
            .collect(),
        programmes: report.screenings.iter().map(|s| programme(report, s, lang)).collect(),
        errors: report.errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn programme(report: &Report, s: &Screening, lang: Lang) -> ProgrammeView {
    let code = lang.code();
    ProgrammeView {
        file: s.file.clone(),
        id: s.id.clone(),
        title: s.title.clone(),
        kind: s.kind.as_str(),
        rating: s.rating.as_str(),
        rating_name: i18n::rating(s.rating, lang),
        score: s.score,
        prepared_by: s.prepared_by.clone(),
        reviewed_by: s.reviewed_by.clone(),
        date: s.screening_date.map(|d| d.to_string()),
        follow_ups: crate::score::follow_ups(s.rating, code),
        risk_areas: s
            .risk_areas
            .iter()
            .map(|(a, r)| AreaView {
                id: a.as_str(),
                title: i18n::area(*a, lang),
                rating: r.as_str(),
                rating_name: i18n::rating(*r, lang),
            })
            .collect(),
        findings: s.findings.iter().filter(|f| f.status.counts()).map(|f| finding(report, f, lang)).collect(),
        gaps: s
            .gaps
            .iter()
            .map(|g| GapView {
                field: g.field.clone(),
                question: schema::question(&g.field, code),
                line: g.loc.line,
                column: g.loc.column,
            })
            .collect(),
        unsupported: s
            .unsupported
            .iter()
            .map(|u| GapView { field: u.field.clone(), question: None, line: u.loc.line, column: u.loc.column })
            .collect(),
        acceptances: s
            .findings
            .iter()
            .filter_map(|f| {
                let a = f.acceptance.as_ref()?;
                Some(AcceptanceView {
                    rule: f.rule.clone(),
                    status: f.status.as_str(),
                    reason: a.reason.clone(),
                    approved_by: a.approved_by.clone(),
                    until: a.until.map(|d| d.to_string()),
                })
            })
            .collect(),
    }
}

fn finding(report: &Report, f: &Finding, lang: Lang) -> FindingView {
    let code = lang.code();
    let rule = report.rule(&f.rule);
    FindingView {
        rule: f.rule.clone(),
        kind: f.kind.as_str(),
        title: rule.map_or(String::new(), |r| r.title.get(code).to_string()),
        area: f.risk_area.as_str(),
        area_title: i18n::area(f.risk_area, lang),
        impact: f.impact,
        likelihood: f.likelihood,
        significance: f.significance,
        rating: f.rating.as_str(),
        rating_name: i18n::rating(f.rating, lang),
        floor: f.floor.map(|r| i18n::rating(r, lang)),
        status: if f.status == Status::ExpiredAcceptance { "expired_acceptance" } else { f.status.as_str() },
        gap: f.gap,
        evidence: f
            .evidence
            .iter()
            .map(|e| EvidenceView {
                field: e.field.clone(),
                value: e.value.clone(),
                line: e.loc.line,
                column: e.loc.column,
                phrase: super::evidence_phrase(e, lang),
            })
            .collect(),
        message: message(f, rule, lang),
        why: rule.map_or(String::new(), |r| r.rationale.get(code).to_string()),
        quote: rule.map_or(String::new(), |r| r.source.quote.clone()),
        quote_translation: rule.and_then(|r| if lang == Lang::Fr { r.source.fr.clone() } else { None }),
        section: rule.map_or(String::new(), |r| r.source.section.clone()),
        mitigation: rule.map_or(String::new(), |r| r.mitigation.get(code).to_string()),
        references: rule.map_or(Vec::new(), |r| r.references.clone()),
    }
}
