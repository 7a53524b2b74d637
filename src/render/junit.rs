//! `--format junit`: JUnit XML as CI systems read it (valid against both the Jenkins
//! junit-10 XSD and the Ant JUnit XSD): one test suite per programme file, one test case per
//! rule that applies, a failure for each open finding at or above `--fail-on`, accepted risks
//! as skipped cases, files that could not be screened as errors.
//!
//! Written by hand with escaping, so the output is the same bytes for the same report (the
//! timestamp is the screening day, not the clock).

use super::{Lang, message};
use crate::model::{Rating, Report, Screening, Status};
use std::fmt::Write as _;

/// Text escaped for XML attribute values and content; characters XML 1.0 forbids are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// An XML token (no leading, trailing or doubled whitespace), as the Ant schema wants for names.
fn token(text: &str) -> String {
    escape(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Renders the report as JUnit XML; `threshold` is the `--fail-on` rating (`None`: never).
pub fn render(report: &Report, threshold: Option<Rating>, lang: Lang) -> String {
    let timestamp = format!("{}T00:00:00", report.today.first_day());
    let mut suites = String::new();
    let mut files: Vec<&str> = report.screenings.iter().map(|s| s.file.as_str()).collect();
    files.extend(report.errors.iter().map(|e| e.file.as_str()));
    files.sort();
    files.dedup();
    // What every suite carries: the checklists used and the run's notices.
    let mut run_properties = String::new();
    let checklists: Vec<String> = report.checklists.iter().map(|c| format!("{} {}", c.id, c.version)).collect();
    let _ =
        writeln!(run_properties, "      <property name=\"checklists\" value=\"{}\"/>", escape(&checklists.join(" + ")));
    for n in &report.notices {
        let text = super::notices::message(n, lang);
        let _ = writeln!(run_properties, "      <property name=\"notice.{}\" value=\"{}\"/>", n.code(), escape(&text));
    }
    if files.is_empty() && !report.notices.is_empty() {
        // Nothing was screened: one empty suite still says why.
        let _ = write!(
            suites,
            "  <testsuite name=\"dnh-screen\" package=\"dnh-screen\" id=\"0\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"{timestamp}\" hostname=\"localhost\">\n    <properties>\n{run_properties}    </properties>\n    <system-out/>\n    <system-err/>\n  </testsuite>\n"
        );
    }
    for (id, file) in files.into_iter().enumerate() {
        let screenings: Vec<&Screening> = report.screenings.iter().filter(|s| s.file == file).collect();
        let errors: Vec<_> = report.errors.iter().filter(|e| e.file == file).collect();
        let mut cases = String::new();
        let (mut tests, mut failures, mut skipped) = (0, 0, 0);
        for s in &screenings {
            let applicable = report
                .checklists
                .iter()
                .flat_map(|c| &c.rules)
                .filter(|r| r.kind() != crate::model::RuleKind::Portfolio && r.applies_to(s.kind));
            for rule_id in applicable.map(|r| &r.id) {
                tests += 1;
                let title = report.rule(rule_id).map_or("", |r| r.title.get(lang.code()));
                let _ = write!(
                    cases,
                    "    <testcase name=\"{}\" classname=\"{}\" time=\"0\"",
                    token(&format!("{rule_id} {title}")),
                    token(&s.id)
                );
                let finding = s.findings.iter().find(|f| &f.rule == rule_id);
                match finding {
                    Some(f) if f.status == Status::Accepted => {
                        skipped += 1;
                        let a = f.acceptance.as_ref();
                        let text = format!(
                            "accepted risk: {} (approved by {}{})",
                            a.map_or("", |a| a.reason.as_str()),
                            a.map_or("", |a| a.approved_by.as_str()),
                            a.and_then(|a| a.until).map(|u| format!(", until {u}")).unwrap_or_default()
                        );
                        let _ = writeln!(cases, ">\n      <skipped message=\"{}\"/>\n    </testcase>", escape(&text));
                    }
                    Some(f) if !f.known && threshold.is_some_and(|t| f.rating >= t) => {
                        failures += 1;
                        let mut text = message(f, report.rule(&f.rule), lang);
                        if f.status == Status::ExpiredAcceptance {
                            text.push_str(" (acceptance expired)");
                        }
                        let location = f
                            .location()
                            .map(|e| format!("{}:{}:{}", s.file, e.loc.line, e.loc.column))
                            .unwrap_or_default();
                        let _ = writeln!(
                            cases,
                            ">\n      <failure message=\"{}\" type=\"{}\">{}&#10;{}</failure>\n    </testcase>",
                            escape(&text),
                            f.rating,
                            escape(&location),
                            escape(&format!("{} × {} = {} ({})", f.impact, f.likelihood, f.significance, f.rating))
                        );
                    }
                    _ => cases.push_str("/>\n"),
                }
            }
        }
        for e in &errors {
            tests += 1;
            let _ = writeln!(
                cases,
                "    <testcase name=\"screening\" classname=\"{}\" time=\"0\">\n      <error message=\"{}\" type=\"{}\"/>\n    </testcase>",
                token(file),
                escape(&e.to_string()),
                e.code()
            );
        }
        let mut properties = run_properties.clone();
        for s in &screenings {
            let _ = writeln!(properties, "      <property name=\"rating.{}\" value=\"{}\"/>", token(&s.id), s.rating);
            for f in s.findings.iter().filter(|f| f.acceptance.is_some()) {
                let a = f.acceptance.as_ref();
                let state = if f.status == Status::ExpiredAcceptance {
                    "expired"
                } else if f.status == Status::Open {
                    "ignored (audit)"
                } else {
                    "accepted"
                };
                let _ = writeln!(
                    properties,
                    "      <property name=\"acceptance.{}.{}\" value=\"{}\"/>",
                    token(&s.id),
                    token(&f.rule),
                    escape(&format!(
                        "{state}: {} (approved by {}{})",
                        a.map_or("", |a| a.reason.as_str()),
                        a.map_or("", |a| a.approved_by.as_str()),
                        a.and_then(|a| a.until).map(|u| format!(", until {u}")).unwrap_or_default()
                    ))
                );
            }
            for a in &s.stale_acceptances {
                let _ = writeln!(
                    properties,
                    "      <property name=\"acceptance.{}.{}\" value=\"{}\"/>",
                    token(&s.id),
                    token(&a.rule),
                    escape(&format!("stale: the rule raised no finding; {} (approved by {})", a.reason, a.approved_by))
                );
            }
            if s.withheld(report) > 0 {
                let _ = writeln!(
                    properties,
                    "      <property name=\"withheld.{}\" value=\"{}\"/>",
                    token(&s.id),
                    s.withheld(report)
                );
            }
        }
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" package=\"dnh-screen\" id=\"{id}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{}\" skipped=\"{skipped}\" time=\"0\" timestamp=\"{timestamp}\" hostname=\"localhost\">\n    <properties>\n{properties}    </properties>\n{cases}    <system-out/>\n    <system-err/>\n  </testsuite>\n",
            token(file),
            errors.len(),
        );
    }
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n{suites}</testsuites>\n")
}
