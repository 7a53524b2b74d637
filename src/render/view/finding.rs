//! A finding as template context: its rule's texts in the report's language, its evidence
//! as phrases, its rating named.
//!
//! Part of the render stage; built from the finished report only.

use super::super::{Lang, evidence_phrase, i18n, message};
use crate::model::{Finding, Report, Status};
use serde::Serialize;

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
    /// Why the rating is below what its significance gives: a claimed safeguard's cap.
    pub capped: Option<String>,
    pub status: &'static str,
    pub gap: bool,
    /// `evidenced` or `unverified`.
    pub basis: &'static str,
    /// What the design does not state, as `field (line N)`: the fields an unverified finding rests on.
    pub missing: String,
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
    /// The value as written, in `lang` where the tool words it (`mentions "…"`).
    pub value: Option<String>,
    pub line: u32,
    pub column: u32,
    pub phrase: String,
}

pub fn finding(report: &Report, f: &Finding, lang: Lang) -> FindingView {
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
        capped: f.capped.as_ref().map(|c| i18n::capped(f.rating, c.0, &c.1, lang)),
        status: if f.status == Status::ExpiredAcceptance { "expired_acceptance" } else { f.status.as_str() },
        gap: f.gap,
        basis: f.basis.as_str(),
        missing: f
            .evidence
            .iter()
            .filter(|e| e.gap)
            .map(|e| format!("{} ({} {})", e.field, i18n::Label::Line.text(lang), e.loc.line))
            .collect::<Vec<_>>()
            .join(", "),
        evidence: f
            .evidence
            .iter()
            .map(|e| EvidenceView {
                field: e.field.clone(),
                value: e.value.as_ref().map(|v| i18n::evidence_value(v, lang)),
                line: e.loc.line,
                column: e.loc.column,
                phrase: evidence_phrase(e, lang),
            })
            .collect(),
        message: message(f, rule, lang),
        why: rule.map_or(String::new(), |r| r.rationale.get(code).to_string()),
        quote: rule.map_or(String::new(), |r| r.source.quote.clone()),
        quote_translation: rule.and_then(|r| i18n::quote_translation(&r.source, lang)),
        section: rule.map_or(String::new(), |r| r.source.section.clone()),
        mitigation: rule.map_or(String::new(), |r| r.mitigation.get(code).to_string()),
        references: rule.map_or(Vec::new(), |r| r.references.clone()),
    }
}
