//! `--format sarif`: SARIF 2.1.0 (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
//! from typed serde structs, as GitHub code scanning reads it: a driver with every rule, and
//! results with a rule id, a level, a message, a physical location with a region, partial
//! fingerprints, and accepted risks as suppressions with their justification.
//!
//! Renders only what the report holds; deterministic (no timestamps, no absolute paths).

use super::{Lang, message};
use crate::evaluate::locate::fingerprint;
use crate::model::{Evidence, Finding, Loc, Rating, Report, Rule, Screening, Status};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
    properties: RunProperties,
}

/// The run's property bag: every checklist used (`core 1.0.0`), and the notices by code.
#[derive(Serialize)]
struct RunProperties {
    checklists: Vec<String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    notices: BTreeMap<&'static str, String>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    semantic_version: &'a str,
    rules: Vec<RuleDescriptor>,
    /// The kinds of the run's problems, which tool notifications refer to by code.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notifications: Vec<NotificationDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: String,
    name: String,
    short_description: Text,
    full_description: Text,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleProperties {
    tags: Vec<String>,
    risk_area: &'static str,
    checklist: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location>,
    /// A problem's stable code, as a reportingDescriptorReference.
    #[serde(skip_serializing_if = "Option::is_none")]
    descriptor: Option<DescriptorReference>,
}

#[derive(Serialize)]
struct DescriptorReference {
    id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression>,
    properties: ResultProperties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties {
    programme: String,
    rating: Rating,
    significance: u8,
    risk_area: &'static str,
    kind: &'static str,
    gap: bool,
    /// `evidenced`, or `unverified` when raised only on what the design does not state.
    basis: &'static str,
    status: &'static str,
    field: String,
    /// The consolidated changes of the programme that answer this finding, as instructions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    changes: Vec<String>,
    /// The share of its programme's key questions the design answers, in percent.
    completeness: u32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Suppression {
    kind: &'static str,
    status: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

/// The SARIF level of a rating: High is an error, Substantial and Moderate warnings, Low a note.
pub fn level(r: Rating) -> &'static str {
    match r {
        Rating::High => "error",
        Rating::Substantial | Rating::Moderate => "warning",
        Rating::Low => "note",
    }
}

fn location(file: &str, loc: Loc, id: Option<usize>, text: Option<String>) -> Location {
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: ArtifactLocation { uri: uri(file) },
            region: loc.is_known().then_some(Region { start_line: loc.line, start_column: loc.column.max(1) }),
        },
        message: text.map(|text| Text { text }),
    }
}

/// A relative file path as a URI reference: forward slashes, spaces and the like escaped.
fn uri(file: &str) -> String {
    let mut out = String::new();
    for b in file.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Renders the report as a SARIF log.
pub fn render(report: &Report, lang: Lang) -> String {
    let rules: Vec<&Rule> = report.checklists.iter().flat_map(|c| c.rules.iter()).collect();
    let code = lang.code();
    let descriptors = rules.iter().map(|r| descriptor(r, code)).collect();
    let mut results = Vec::new();
    let mut notifications: Vec<Notification> = report
        .errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Text { text: e.message().to_string() },
            locations: vec![location(&e.file, e.loc, None, None)],
            descriptor: Some(DescriptorReference { id: e.code() }),
        })
        .collect();
    for s in &report.screenings {
        for f in &s.findings {
            let index = rules.iter().position(|r| r.id == f.rule).unwrap_or(0);
            results.push(result(report, s, f, index, lang));
        }
        for a in &s.stale_acceptances {
            notifications.push(Notification {
                level: "note",
                message: Text {
                    text: format!(
                        "{}: the accepted risk {} raised no finding; the acceptance ({}) is stale and can be removed",
                        s.id, a.rule, a.reason
                    ),
                },
                locations: vec![location(&s.file, a.loc, None, None)],
                descriptor: None,
            });
        }
        if let Some(notice) = super::i18n::sensitive_notice(usize::from(s.sensitive), report.show_sensitive, lang) {
            notifications.push(Notification {
                level: "note",
                message: Text { text: format!("{}: {notice}", s.id) },
                locations: vec![location(&s.file, Loc::NONE, None, None)],
                descriptor: None,
            });
        }
    }
    for notice in &report.notices {
        let (file, loc) = notice.location();
        notifications.push(Notification {
            level: "warning",
            message: Text { text: super::notices::message(notice, lang) },
            locations: vec![location(&file, loc, None, None)],
            descriptor: None,
        });
    }
    let properties = RunProperties {
        checklists: report.checklists.iter().map(|c| format!("{} {}", c.id, c.version)).collect(),
        notices: report.notices.iter().map(|n| (n.code(), super::notices::message(n, lang))).collect(),
    };
    let version = report.tool_version.as_str();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "dnh-screen",
                    version,
                    semantic_version: version,
                    rules: descriptors,
                    notifications: problem_kinds(report),
                },
            },
            invocations: vec![Invocation {
                execution_successful: report.errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            results,
            column_kind: "unicodeCodePoints",
            properties,
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// One descriptor per kind of problem the run met, in code order.
fn problem_kinds(report: &Report) -> Vec<NotificationDescriptor> {
    let mut kinds: Vec<&crate::model::ProblemKind> = report.errors.iter().map(|e| &e.kind).collect();
    kinds.sort_by_key(|k| k.code());
    kinds.dedup_by_key(|k| k.code());
    kinds
        .into_iter()
        .map(|k| NotificationDescriptor {
            id: k.code(),
            name: k.name(),
            short_description: Text { text: k.meaning().to_string() },
        })
        .collect()
}

fn descriptor(r: &Rule, lang: &str) -> RuleDescriptor {
    let title = r.title.get(lang).to_string();
    let why = r.rationale.get(lang).to_string();
    let mitigation = r.mitigation.get(lang).to_string();
    let base = crate::model::rate(r.impact, r.likelihood, false, r.floor).rating;
    RuleDescriptor {
        id: r.id.clone(),
        name: r.id.replace('-', ""),
        short_description: Text { text: title.clone() },
        full_description: Text { text: why.clone() },
        help: Help {
            text: format!(
                "{why}\n\nSource ({}): \"{}\"\n\nWhat to change: {mitigation}",
                r.source.section, r.source.quote
            ),
            markdown: format!(
                "**{title}**\n\n{why}\n\n> {}\n> — *{}*\n\n**What to change.** {mitigation}",
                r.source.quote, r.source.section
            ),
        },
        default_configuration: Configuration { level: level(base) },
        properties: RuleProperties {
            tags: vec!["crime-sensitivity".into(), r.risk_area.as_str().into(), r.kind().as_str().into()],
            risk_area: r.risk_area.as_str(),
            checklist: r.checklist.clone(),
        },
    }
}

fn result(report: &Report, s: &Screening, f: &Finding, index: usize, lang: Lang) -> SarifResult {
    let rule = report.rule(&f.rule);
    let primary = f.location();
    let loc = primary.map_or(Loc::NONE, |e| e.loc);
    let related = f
        .evidence
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != f.primary)
        .map(|(i, e): (usize, &Evidence)| location(&s.file, e.loc, Some(i), Some(super::evidence_phrase(e, lang))))
        .collect();
    let suppressions = match (&f.acceptance, f.status) {
        (Some(a), Status::Accepted) => vec![Suppression {
            kind: "external",
            status: "accepted",
            justification: format!(
                "{} (approved by {}{})",
                a.reason,
                a.approved_by,
                a.until.map(|u| format!(", until {u}")).unwrap_or_default()
            ),
        }],
        _ => Vec::new(),
    };
    let mut text = message(f, rule, lang);
    if f.status == Status::ExpiredAcceptance {
        let until = f.acceptance.as_ref().and_then(|a| a.until).map(|u| u.to_string()).unwrap_or_default();
        text.push_str(&format!(" (acceptance expired on {until})"));
    }
    SarifResult {
        rule_id: f.rule.clone(),
        rule_index: index,
        level: level(f.rating),
        message: Text { text: format!("{}: {text}", s.id) },
        locations: vec![location(&s.file, loc, None, None)],
        related_locations: related,
        partial_fingerprints: BTreeMap::from([("dnhScreenFinding/v1", fingerprint(&[&s.id, &f.rule, &f.key]))]),
        baseline_state: report.baseline_used.then_some(if f.known { "unchanged" } else { "new" }),
        suppressions,
        properties: ResultProperties {
            programme: s.id.clone(),
            rating: f.rating,
            significance: f.significance,
            risk_area: f.risk_area.as_str(),
            kind: f.kind.as_str(),
            gap: f.gap,
            basis: f.basis.as_str(),
            status: f.status.as_str(),
            field: primary.map_or_else(String::new, |e| e.field.clone()),
            changes: s
                .changes
                .iter()
                .filter(|c| c.answers.contains(&f.rule))
                .map(|c| super::change_text(report, c, lang))
                .collect(),
            completeness: s.completeness.percent(),
        },
    }
}
