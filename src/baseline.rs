//! Baselines: the open findings of a run recorded in a file, so that later runs count only
//! the findings that are new. A finding is identified by programme id, rule id and field path
//! (list positions replaced by partner names and activity kinds), never by line number, so
//! moving a section or reordering partners does not make a finding new.
//!
//! Reads and writes the baseline file and marks findings as known; it must not rate them.

use crate::model::{Loc, Problem, ProblemKind as K, Report};
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

/// The largest baseline read (64 MiB): a baseline of a large portfolio is a few megabytes.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a baseline file: a regular file only (a named pipe or a device is refused before it
/// is opened, so it cannot block the run or fill its memory), of at most [`MAX_BYTES`].
pub fn read(path: &Path) -> Result<BTreeSet<Key>, Problem> {
    use std::io::Read;
    let shown = crate::text::display_path(path);
    let problem =
        |reason: String| Problem::new(&shown, Loc::NONE, K::InvalidBaseline(format!("cannot read baseline: {reason}")));
    let io = |e: std::io::Error| problem(crate::load::io_reason(&e));
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        let what = if meta.is_dir() { "a folder" } else { "a pipe, socket or device" };
        return Err(problem(format!("{what}, not a regular file")));
    }
    let too_big = || problem(format!("larger than the limit of {MAX_BYTES} bytes (64 MiB)"));
    if meta.len() > MAX_BYTES {
        return Err(too_big());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Should the file be swapped for a pipe after the look above, opening does not wait.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(problem("a pipe, socket or device, not a regular file".to_string()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_big());
    }
    let text = String::from_utf8(bytes).map_err(|_| problem("not UTF-8 text".to_string()))?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        let at = Loc::new(e.line() as u32, e.column() as u32);
        Problem::new(&shown, at, K::InvalidBaseline(format!("not a dnh-screen baseline: {e}")))
    })?;
    if file.baseline_version != 1 {
        let version = file.baseline_version;
        return Err(Problem::new(
            &shown,
            Loc::NONE,
            K::InvalidBaseline(format!("unsupported baseline version {version}")),
        ));
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
