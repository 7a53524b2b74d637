//! Baselines: the open findings of a run recorded in a file, so that later runs count only
//! the findings that are new. A finding is identified by programme id, rule id and field path
//! (list positions replaced by partner names and activity kinds), never by line number, so
//! moving a section or reordering partners does not make a finding new.
//!
//! Reads and writes the baseline file and marks findings as known; it must not rate them.

use crate::model::{Loc, Problem, Report};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// A finding's identity: (programme id, rule id, field path).
pub type Key = (String, String, String);

#[derive(Serialize, Deserialize)]
struct File {
    baseline_version: u32,
    tool: String,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    programme: String,
    rule: String,
    field: String,
}

/// The baseline of a report: every finding that counts (open or expired acceptance).
pub fn render(report: &Report) -> String {
    let keys: BTreeSet<Key> = report
        .screenings
        .iter()
        .flat_map(|s| s.counting().map(move |f| (s.id.clone(), f.rule.clone(), f.key.clone())))
        .collect();
    let file = File {
        baseline_version: 1,
        tool: format!("dnh-screen {}", report.tool_version),
        findings: keys.into_iter().map(|(programme, rule, field)| Entry { programme, rule, field }).collect(),
    };
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a baseline file.
pub fn read(path: &Path) -> Result<BTreeSet<Key>, Problem> {
    let shown = crate::load::discover::display_path(path);
    let text = std::fs::read_to_string(path).map_err(|e| {
        Problem::new(&shown, Loc::NONE, format!("cannot read baseline: {}", crate::load::io_reason(&e)))
    })?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        Problem::new(&shown, Loc::new(e.line() as u32, e.column() as u32), format!("not a dnh-screen baseline: {e}"))
    })?;
    if file.baseline_version != 1 {
        return Err(Problem::new(&shown, Loc::NONE, format!("unsupported baseline version {}", file.baseline_version)));
    }
    Ok(file.findings.into_iter().map(|e| (e.programme, e.rule, e.field)).collect())
}

/// Marks every finding the baseline knows.
pub fn mark(report: &mut Report, known: &BTreeSet<Key>) {
    for s in &mut report.screenings {
        for f in &mut s.findings {
            f.known = known.contains(&(s.id.clone(), f.rule.clone(), f.key.clone()));
        }
        let marked: Vec<bool> = s.findings.iter().filter(|f| f.status.counts()).map(|f| f.known).collect();
        for (r, known) in s.raised.iter_mut().zip(marked) {
            r.known = known;
        }
    }
}
