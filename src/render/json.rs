//! `--format json`: the machine interface, exactly as spec/json-report.md (report_version 1)
//! describes it, from typed serde structs. Fields may be added; none renamed or dropped.
//!
//! Renders only what the report holds. Programmes come sorted by file then id, findings by
//! significance then rule id; there are no timestamps, so the same input gives the same bytes.

use super::{Lang, by_rating, message};
use crate::model::{Finding, Loc, Problem, Rating, Report, RiskArea, Rule, Screening};
use crate::schema;
use serde::Serialize;
use serde::ser::SerializeMap;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct JsonReport<'a> {
    report_version: u32,
    tool: Tool,
    checklists: Vec<ChecklistRef<'a>>,
    rules: BTreeMap<&'a str, RuleDoc<'a>>,
    programmes: Vec<Programme<'a>>,
    errors: Vec<Error<'a>>,
    summary: Summary,
    /// Audit mode: acceptances were ignored.
    ignore_acceptances: bool,
    /// Whether findings were compared with a baseline (then each finding says `known`).
    baseline: bool,
    /// What the run's settings turned off or left out; absent when nothing was.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notices: Vec<NoticeDoc>,
}

#[derive(Serialize)]
struct NoticeDoc {
    code: &'static str,
    message: String,
    file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u32>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: String,
}

#[derive(Serialize)]
struct ChecklistRef<'a> {
    id: &'a str,
    version: &'a str,
    rules: usize,
}

#[derive(Serialize)]
struct RuleDoc<'a> {
    title: &'a str,
    risk_area: RiskArea,
    why: &'a str,
    source: &'a str,
    section: &'a str,
    mitigation: &'a str,
    references: &'a [String],
    checklist: &'a str,
}

#[derive(Serialize)]
struct Programme<'a> {
    file: &'a str,
    id: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    rating: Rating,
    score: u32,
    findings: Vec<JsonFinding<'a>>,
    gaps: Vec<JsonGap<'a>>,
    risk_areas: AreaMap<'a>,
    follow_ups: Vec<&'static str>,
    unsupported: Vec<Position<'a>>,
    stale_acceptances: Vec<JsonStale<'a>>,
    /// Names marked `sensitive: yes` withheld from this output (0 with `--show-sensitive`).
    withheld: u16,
    /// The consolidated changes the findings ask for, most rating removed first (added within
    /// version 1).
    changes: Vec<JsonChange<'a>>,
    /// How many of the key questions its type, partners and activities raise the design
    /// answers (added within version 1).
    completeness: JsonCompleteness,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    change: String,
    safeguards: &'a [String],
    answers: &'a [String],
    rating_after: Rating,
    significance_removed: u32,
}

#[derive(Serialize)]
struct JsonCompleteness {
    asked: u16,
    answered: u16,
    percent: u32,
}

#[derive(Serialize)]
struct JsonStale<'a> {
    rule: &'a str,
    reason: &'a str,
    approved_by: &'a str,
    until: Option<String>,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    kind: &'static str,
    risk_area: RiskArea,
    title: &'a str,
    impact: u8,
    likelihood: u8,
    significance: u8,
    rating: Rating,
    floor: Option<Rating>,
    status: &'static str,
    gap: bool,
    /// `evidenced`, or `unverified` when raised only on what the design does not state
    /// (added within version 1).
    basis: &'static str,
    evidence: Vec<JsonEvidence<'a>>,
    message: String,
    acceptance: Option<JsonAcceptance<'a>>,
    /// Where the finding points: the field that triggered it, or its nearest written parent.
    location: Option<JsonEvidence<'a>>,
    /// The identity of the finding across edits: programme id, rule id and this field path.
    key: &'a str,
    /// Matched by the baseline (`--baseline`): not counted for `--fail-on`.
    known: bool,
    /// A finding on a claimed safeguard rated below its significance: what it would be
    /// rated on its own, and the safeguards claimed.
    capped: Option<JsonCapped<'a>>,
}

#[derive(Serialize)]
struct JsonCapped<'a> {
    from: Rating,
    claims: &'a [String],
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    field: &'a str,
    value: Option<&'a str>,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct JsonAcceptance<'a> {
    reason: &'a str,
    approved_by: &'a str,
    until: Option<String>,
}

#[derive(Serialize)]
struct JsonGap<'a> {
    field: &'a str,
    question: &'static str,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Position<'a> {
    field: &'a str,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Error<'a> {
    file: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    message: &'a str,
    /// The problem's stable code (`DNH201`); added after version 1 was first published.
    code: &'static str,
}

#[derive(Serialize)]
struct Summary {
    programmes: usize,
    errors: usize,
    by_rating: BTreeMap<&'static str, usize>,
    by_risk_area: AreaCounts,
    /// Names marked sensitive withheld, over every programme.
    withheld: usize,
}

/// Risk areas in the specification's order, as a JSON object.
struct AreaMap<'a>(&'a [(RiskArea, Rating)]);

impl Serialize for AreaMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (area, rating) in self.0 {
            map.serialize_entry(area.as_str(), rating)?;
        }
        map.end()
    }
}

/// Programmes with a counting finding, per risk area, in the specification's order.
struct AreaCounts(Vec<(RiskArea, usize)>);

impl Serialize for AreaCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (area, count) in &self.0 {
            map.serialize_entry(area.as_str(), count)?;
        }
        map.end()
    }
}

/// Renders the report as pretty-printed JSON, ending with a newline.
pub fn render(report: &Report, lang: Lang) -> String {
    let doc = build(report, lang);
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

fn build(report: &Report, lang: Lang) -> JsonReport<'_> {
    let code = lang.code();
    let mut rules = BTreeMap::new();
    for finding in report.screenings.iter().flat_map(|s| &s.findings) {
        if let Some(rule) = report.rule(&finding.rule) {
            rules.entry(rule.id.as_str()).or_insert_with(|| rule_doc(rule, code));
        }
    }
    let by_risk_area = RiskArea::ALL
        .iter()
        .map(|a| (*a, report.screenings.iter().filter(|s| s.risk_areas.iter().any(|(r, _)| r == a)).count()))
        .collect();
    JsonReport {
        report_version: 1,
        tool: Tool { name: "dnh-screen", version: report.tool_version.clone() },
        checklists: report
            .checklists
            .iter()
            .map(|c| ChecklistRef { id: &c.id, version: &c.version, rules: c.rules.len() })
            .collect(),
        rules,
        programmes: report.screenings.iter().map(|s| programme(report, s, lang)).collect(),
        errors: report.errors.iter().map(error).collect(),
        summary: Summary {
            programmes: report.screenings.len(),
            errors: report.errors.len(),
            by_rating: by_rating(report).iter().map(|(r, n)| (r.as_str(), *n)).collect(),
            by_risk_area: AreaCounts(by_risk_area),
            withheld: report.screenings.iter().map(|s| usize::from(s.withheld(report))).sum(),
        },
        ignore_acceptances: report.ignore_acceptances,
        baseline: report.baseline_used,
        notices: report
            .notices
            .iter()
            .map(|n| {
                let (file, loc) = n.location();
                let line = loc.is_known().then_some(loc.line);
                NoticeDoc { code: n.code(), message: super::notices::message(n, lang), file, line }
            })
            .collect(),
    }
}

fn rule_doc<'a>(rule: &'a Rule, lang: &str) -> RuleDoc<'a> {
    RuleDoc {
        title: rule.title.get(lang),
        risk_area: rule.risk_area,
        why: rule.rationale.get(lang),
        source: &rule.source.quote,
        section: &rule.source.section,
        mitigation: rule.mitigation.get(lang),
        references: &rule.references,
        checklist: &rule.checklist,
    }
}

fn programme<'a>(report: &'a Report, s: &'a Screening, lang: Lang) -> Programme<'a> {
    Programme {
        file: &s.file,
        id: &s.id,
        title: &s.title,
        kind: s.kind.as_str(),
        rating: s.rating,
        score: s.score,
        findings: s.findings.iter().map(|f| finding(report, f, lang)).collect(),
        gaps: s
            .gaps
            .iter()
            .map(|g| JsonGap {
                field: &g.field,
                question: schema::question(&g.field, lang.code()).unwrap_or(""),
                line: g.loc.line,
                column: g.loc.column,
            })
            .collect(),
        risk_areas: AreaMap(&s.risk_areas),
        follow_ups: crate::score::follow_ups(s.rating, lang.code()),
        unsupported: s
            .unsupported
            .iter()
            .map(|u| Position { field: &u.field, line: u.loc.line, column: u.loc.column })
            .collect(),
        stale_acceptances: s
            .stale_acceptances
            .iter()
            .map(|a| JsonStale {
                rule: &a.rule,
                reason: &a.reason,
                approved_by: &a.approved_by,
                until: a.until.map(|d| d.to_string()),
                line: a.loc.line,
                column: a.loc.column,
            })
            .collect(),
        withheld: s.withheld(report),
        changes: s
            .changes
            .iter()
            .map(|c| JsonChange {
                change: super::change_text(report, c, lang),
                safeguards: &c.safeguards,
                answers: &c.answers,
                rating_after: c.rating_after,
                significance_removed: c.significance_removed,
            })
            .collect(),
        completeness: JsonCompleteness {
            asked: s.completeness.asked,
            answered: s.completeness.answered,
            percent: s.completeness.percent(),
        },
    }
}

fn finding<'a>(report: &'a Report, f: &'a Finding, lang: Lang) -> JsonFinding<'a> {
    let rule = report.rule(&f.rule);
    JsonFinding {
        rule: &f.rule,
        kind: f.kind.as_str(),
        risk_area: f.risk_area,
        title: rule.map_or("", |r| r.title.get(lang.code())),
        impact: f.impact,
        likelihood: f.likelihood,
        significance: f.significance,
        rating: f.rating,
        floor: f.floor,
        status: f.status.as_str(),
        gap: f.gap,
        basis: f.basis.as_str(),
        evidence: f
            .evidence
            .iter()
            .map(|e| JsonEvidence {
                field: &e.field,
                value: e.value.as_deref(),
                line: e.loc.line,
                column: e.loc.column,
            })
            .collect(),
        message: message(f, rule, lang),
        location: f.location().map(evidence),
        key: &f.key,
        known: f.known,
        capped: f.capped.as_ref().map(|c| JsonCapped { from: c.0, claims: &c.1 }),
        acceptance: f.acceptance.as_ref().map(|a| JsonAcceptance {
            reason: &a.reason,
            approved_by: &a.approved_by,
            until: a.until.map(|d| d.to_string()),
        }),
    }
}

fn evidence(e: &crate::model::Evidence) -> JsonEvidence<'_> {
    JsonEvidence { field: &e.field, value: e.value.as_deref(), line: e.loc.line, column: e.loc.column }
}

fn error(p: &Problem) -> Error<'_> {
    let known = |l: Loc| l.is_known();
    Error {
        file: &p.file,
        line: known(p.loc).then_some(p.loc.line),
        column: known(p.loc).then_some(p.loc.column),
        message: p.message(),
        code: p.code(),
    }
}
