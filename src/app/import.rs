//! `dnh-screen import iati FILE.xml... -o DIR`: one programme file per selected activity,
//! and a summary of what was read, selected, written and skipped, and why.
//!
//! Orchestration only: reading and mapping are `iati`'s, writing `output`'s. It never
//! overwrites a file that differs from what it would write unless told to (`--force`): an
//! imported file may since have been completed by hand.

use super::Outcome;
use crate::cli::ImportIatiArgs;
use crate::iati::{self, convert::Converted};
use crate::load::discover::display_path;
use std::collections::BTreeMap;
use std::path::Path;

/// What became of the activities of one run.
#[derive(Default)]
struct Tally {
    read: usize,
    selected: usize,
    written: usize,
    unchanged: usize,
    not_selected: BTreeMap<&'static str, usize>,
    skipped: BTreeMap<&'static str, usize>,
}

/// `dnh-screen import iati`.
pub fn import_iati(args: &ImportIatiArgs) -> Outcome {
    let dir = &args.output;
    if let Err(e) = std::fs::create_dir_all(dir) {
        let message = format!("error: {}: cannot create folder: {}", display_path(dir), crate::load::io_reason(&e));
        return Outcome { stdout: String::new(), stderr: vec![message], status: 2 };
    }
    let options = iati::Options {
        countries: args.country.iter().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty()).collect(),
        sectors: args.sector.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        lang: args.lang.code().to_string(),
    };
    let mut tally = Tally::default();
    let mut stderr = Vec::new();
    let mut errors = false;
    // Safe id → (identifier, where it was first imported from).
    let mut ids: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut stdout = String::new();
    for path in &args.files {
        let display = display_path(path);
        let before = (tally.read, tally.selected, tally.written + tally.unchanged);
        let result = iati::read(path, &display, &options, |outcome| {
            tally.read += 1;
            match outcome {
                iati::Outcome::NotSelected(by) => *tally.not_selected.entry(by).or_default() += 1,
                iati::Outcome::Skipped(problem) => {
                    *tally.skipped.entry(skip_reason(&problem.message)).or_default() += 1;
                    stderr.push(format!("error: {problem}"));
                    errors = true;
                }
                iati::Outcome::Programme(c) => {
                    tally.selected += 1;
                    match place(c, &display, &mut ids) {
                        Err(message) => {
                            *tally.skipped.entry("duplicate identifier").or_default() += 1;
                            stderr.push(format!("warning: {message}"));
                        }
                        Ok(c) => match write(&c, &display, dir, args.force) {
                            Ok(true) => tally.written += 1,
                            Ok(false) => tally.unchanged += 1,
                            Err(Kept(message)) => {
                                *tally.skipped.entry("kept a file that differs").or_default() += 1;
                                stderr.push(format!("warning: {message}"));
                            }
                        },
                    }
                }
            }
        });
        if let Err(problem) = result {
            stderr.push(format!("error: {problem} (activities before it were read)"));
            errors = true;
        }
        stdout.push_str(&format!(
            "{display}: {} activities read, {} selected, {} written\n",
            tally.read - before.0,
            tally.selected - before.1,
            tally.written + tally.unchanged - before.2
        ));
    }
    stdout.push_str(&summary(&tally, dir));
    Outcome { stdout, stderr, status: if errors { 2 } else { 0 } }
}

fn skip_reason(message: &str) -> &'static str {
    if message.contains("not supported") { "unsupported IATI version" } else { "no identifier" }
}

/// Takes the activity's safe id, or another when a different identifier already has it; the
/// same identifier twice (an activity published in two files) is imported once.
fn place(mut c: Converted, display: &str, ids: &mut BTreeMap<String, (String, String)>) -> Result<Converted, String> {
    let here = format!("{display}:{}", c.loc.line);
    if let Some((identifier, first)) = ids.get(&c.id) {
        if *identifier == c.identifier {
            return Err(format!(
                "{here}: activity {} is already imported from {first}; not imported twice",
                c.identifier
            ));
        }
        let mut n = 2;
        while ids.contains_key(&format!("{}-{n}", c.id)) {
            n += 1;
        }
        c.rename(&format!("{}-{n}", c.id));
    }
    ids.insert(c.id.clone(), (c.identifier.clone(), here));
    Ok(c)
}

/// A file kept because it differs from what the import would write.
struct Kept(String);

/// Writes the programme file; `Ok(false)` when it already holds the same text.
fn write(c: &Converted, display: &str, dir: &Path, force: bool) -> Result<bool, Kept> {
    let path = dir.join(format!("{}.yaml", c.id));
    let text = iati::write::programme_file(c, display);
    match std::fs::read_to_string(&path) {
        Ok(existing) if existing == text => return Ok(false),
        Ok(_) if !force => {
            return Err(Kept(format!(
                "{}: exists and differs from activity {} (completed by hand?); kept as it is (--force overwrites)",
                display_path(&path),
                c.identifier
            )));
        }
        _ => {}
    }
    crate::output::write_atomic(&path, text.as_bytes())
        .map(|()| true)
        .map_err(|e| Kept(format!("{}: cannot write: {}", display_path(&path), crate::load::io_reason(&e))))
}

fn summary(t: &Tally, dir: &Path) -> String {
    let list = |m: &BTreeMap<&str, usize>| {
        m.iter().filter(|(_, n)| **n > 0).map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")
    };
    let not_selected: usize = t.not_selected.values().sum();
    let skipped: usize = t.skipped.values().sum();
    let mut out = format!("Activities: {} read, {} selected", t.read, t.selected);
    if not_selected > 0 {
        let by: Vec<String> = t.not_selected.iter().map(|(k, n)| format!("{n} by {k}")).collect();
        out.push_str(&format!(" ({not_selected} not selected: {})", by.join(", ")));
    }
    out.push_str(&format!(", {} written to {}", t.written + t.unchanged, display_path(dir)));
    if t.unchanged > 0 {
        out.push_str(&format!(" ({} unchanged)", t.unchanged));
    }
    out.push_str(&format!(", {skipped} skipped"));
    if skipped > 0 {
        out.push_str(&format!(" ({})", list(&t.skipped)));
    }
    out.push_str(".\n");
    if t.written + t.unchanged > 0 {
        out.push_str(&format!("Screen them with: dnh-screen portfolio {}\n", display_path(dir)));
    }
    out
}
