//! The report as template context: every text resolved to one language, every rating and
//! area named, ready for minijinja templates (terminal details, and the document formats).
//!
//! Part of the render stage. Built from the finished `Report` only; it must not compute
//! anything the report does not already say, only choose words for it.

mod finding;

pub use finding::{EvidenceView, FindingView};

use super::{Lang, i18n};
use crate::model::{Rating, Report, RiskArea, Screening};
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
    /// Each problem as `[DNH201] file:line:column: message`.
    pub errors: Vec<String>,
    /// What the run's settings turned off or left out, one sentence each.
    pub notices: Vec<String>,
}

#[derive(Serialize)]
pub struct ChecklistView {
    pub id: String,
    pub version: String,
    pub title: String,
}

impl ChecklistView {
    /// A checklist as a human format names it (`unversioned` in `lang`).
    pub fn of(c: &crate::model::Checklist, lang: super::Lang) -> ChecklistView {
        let version = i18n::checklist_version(&c.version, lang).to_string();
        ChecklistView { id: c.id.clone(), version, title: c.title.clone() }
    }
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
    pub type_name: &'static str,
    pub follow_ups: Vec<&'static str>,
    pub risk_areas: Vec<AreaView>,
    /// Every risk area, with the highest counting significance in it (0 when none).
    pub profile: Vec<ProfileBar>,
    /// Counting findings grouped by risk area, most severe area first.
    pub groups: Vec<FindingGroup>,
    pub findings: Vec<FindingView>,
    /// The consolidated changes, most rating removed first.
    pub changes: Vec<ChangeView>,
    /// `12 of the 20 key questions answered (60%)`, and the share alone.
    pub completeness: String,
    pub completeness_percent: u32,
    pub gaps: Vec<GapView>,
    pub unsupported: Vec<GapView>,
    pub acceptances: Vec<AcceptanceView>,
    /// How many names marked sensitive are withheld, or that they are shown; none when the
    /// programme marks nothing sensitive.
    pub sensitive: Option<String>,
}

/// One consolidated change.
#[derive(Serialize)]
pub struct ChangeView {
    pub text: String,
    pub answers: Vec<String>,
    pub rating_after: &'static str,
    pub rating_after_name: &'static str,
    pub significance_removed: u32,
}

#[derive(Serialize)]
pub struct AreaView {
    pub id: &'static str,
    pub title: &'static str,
    pub rating: &'static str,
    pub rating_name: &'static str,
}

/// One bar of the risk-area profile chart.
#[derive(Serialize)]
pub struct ProfileBar {
    pub id: &'static str,
    pub title: &'static str,
    pub significance: u8,
    pub rating: Option<&'static str>,
    pub rating_name: Option<&'static str>,
    pub findings: usize,
    /// Bar length in percent of the scale (significance out of 25).
    pub percent: u32,
}

/// The findings of one risk area.
#[derive(Serialize)]
pub struct FindingGroup {
    pub id: &'static str,
    pub title: &'static str,
    pub rating: &'static str,
    pub rating_name: &'static str,
    pub findings: Vec<FindingView>,
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
        checklists: report.checklists.iter().map(|c| ChecklistView::of(c, lang)).collect(),
        programmes: report.screenings.iter().map(|s| programme(report, s, lang)).collect(),
        errors: report.errors.iter().map(|e| format!("[{}] {e}", e.code())).collect(),
        notices: report.notices.iter().map(|n| super::notices::message(n, lang)).collect(),
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
        prepared_by: s.people.as_ref().and_then(|p| p.0.clone()),
        reviewed_by: s.people.as_ref().and_then(|p| p.1.clone()),
        date: s.screening_date.map(|d| d.to_string()),
        type_name: i18n::programme_type(s.kind, lang),
        follow_ups: crate::score::follow_ups(s.rating, code),
        profile: profile(s, lang),
        groups: groups(report, s, lang),
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
        findings: s.findings.iter().filter(|f| f.status.counts()).map(|f| finding::finding(report, f, lang)).collect(),
        changes: s
            .changes
            .iter()
            .map(|c| ChangeView {
                text: super::change_text(report, c, lang),
                answers: c.answers.clone(),
                rating_after: c.rating_after.as_str(),
                rating_after_name: i18n::rating(c.rating_after, lang),
                significance_removed: c.significance_removed,
            })
            .collect(),
        completeness: super::completeness_line(s.completeness, lang),
        completeness_percent: s.completeness.percent(),
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
        acceptances: acceptances(s),
        sensitive: i18n::sensitive_notice(usize::from(s.sensitive), report.show_sensitive, lang),
    }
}

fn profile(s: &Screening, lang: Lang) -> Vec<ProfileBar> {
    RiskArea::ALL
        .iter()
        .map(|area| {
            let in_area: Vec<_> = s.counting().filter(|f| f.risk_area == *area).collect();
            let top = in_area.iter().map(|f| f.significance).max().unwrap_or(0);
            let rating = in_area.iter().map(|f| f.rating).max();
            ProfileBar {
                id: area.as_str(),
                title: i18n::area(*area, lang),
                significance: top,
                rating: rating.map(Rating::as_str),
                rating_name: rating.map(|r| i18n::rating(r, lang)),
                findings: in_area.len(),
                percent: u32::from(top) * 100 / 25,
            }
        })
        .collect()
}

fn groups(report: &Report, s: &Screening, lang: Lang) -> Vec<FindingGroup> {
    let mut groups: Vec<(Rating, u8, FindingGroup)> = s
        .risk_areas
        .iter()
        .map(|(area, rating)| {
            let findings: Vec<_> = s.counting().filter(|f| f.risk_area == *area).collect();
            let top = findings.iter().map(|f| f.significance).max().unwrap_or(0);
            let group = FindingGroup {
                id: area.as_str(),
                title: i18n::area(*area, lang),
                rating: rating.as_str(),
                rating_name: i18n::rating(*rating, lang),
                findings: findings.into_iter().map(|f| finding::finding(report, f, lang)).collect(),
            };
            (*rating, top, group)
        })
        .collect();
    // Most severe first; risk-area order breaks ties (the sort is stable).
    groups.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    groups.into_iter().map(|(_, _, g)| g).collect()
}

/// Every acceptance of the programme: applied, expired, ignored (audit mode) or stale.
fn acceptances(s: &Screening) -> Vec<AcceptanceView> {
    let mut out: Vec<AcceptanceView> = s
        .findings
        .iter()
        .filter_map(|f| {
            let a = f.acceptance.as_ref()?;
            let status = match f.status {
                crate::model::Status::Open => "ignored",
                other => other.as_str(),
            };
            Some(AcceptanceView {
                rule: f.rule.clone(),
                status,
                reason: a.reason.clone(),
                approved_by: a.approved_by.clone(),
                until: a.until.map(|d| d.to_string()),
            })
        })
        .collect();
    out.extend(s.stale_acceptances.iter().map(|a| AcceptanceView {
        rule: a.rule.clone(),
        status: "stale_acceptance",
        reason: a.reason.clone(),
        approved_by: a.approved_by.clone(),
        until: a.until.map(|d| d.to_string()),
    }));
    out
}
