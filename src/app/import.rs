//! `dnh-screen import iati FILE.xml... -o DIR`: one programme file per selected activity,
//! and a summary of what was read, selected, written and skipped, and why.
//!
//! Orchestration only: reading and mapping are `iati`'s, writing `output`'s. It never
//! overwrites a file that differs from what it would write unless told to (`--force`): an
//! imported file may since have been completed by hand. A file that cannot be written is an
//! error (exit status 2); the other activities are still written.

use super::Outcome;
use crate::cli::ImportIatiArgs;
use crate::iati::{self, convert::Converted};
use crate::model::ProblemKind;
use crate::text::display_path;
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
    if let Err(e) = crate::output::prepare_folder(dir) {
        let message = format!("{}: cannot write: {}", display_path(dir), crate::load::io_reason(&e));
        return Outcome {
            stdout: String::new(),
            stderr: vec![super::error_line(ProblemKind::CannotWrite(message))],
            status: 2,
        };
    }
    let options = iati::Options {
        countries: args.country.iter().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty()).collect(),
        sectors: args.sector.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        lang: args.lang.code().to_string(),
    };
    let mut tally = Tally::default();
    let mut stderr = Vec::new();
    let mut errors = false;
    let mut ids: BTreeMap<String, Placed> = BTreeMap::new();
    let mut stdout = String::new();
    for path in &args.files {
        let display = display_path(path);
        let before = (tally.read, tally.selected, tally.written + tally.unchanged);
        // The files' text is made in parallel; choosing names and writing, in file order.
        let work = |outcome: iati::Outcome| {
            let text = match &outcome {
                iati::Outcome::Programme(c) => iati::write::programme_file(c, &display),
                _ => String::new(),
            };
            (outcome, text)
        };
        let result = iati::read(path, &display, &options, work, |(outcome, text)| {
            tally.read += 1;
            match outcome {
                iati::Outcome::NotSelected(by) => *tally.not_selected.entry(by).or_default() += 1,
                iati::Outcome::Skipped(problem) => {
                    *tally.skipped.entry(skip_reason(&problem.kind)).or_default() += 1;
                    stderr.push(problem.error_line());
                    errors = true;
                }
                iati::Outcome::Programme(c) => {
                    tally.selected += 1;
                    let made_for = c.id.clone();
                    let renamed = |c: &Converted| {
                        if c.id == made_for { text.clone() } else { iati::write::programme_file(c, &display) }
                    };
                    match place(c, &display, &mut ids) {
                        Place::Duplicate(message) => {
                            *tally.skipped.entry("duplicate identifier").or_default() += 1;
                            stderr.push(super::warning_line(ProblemKind::DuplicateIatiActivity(message)));
                        }
                        Place::Replace(c, message) => {
                            *tally.skipped.entry("duplicate identifier").or_default() += 1;
                            stderr.push(super::warning_line(ProblemKind::DuplicateIatiActivity(message)));
                            match write(&c, &renamed(&c), dir, true) {
                                Ok(_) => {}
                                Err(Failed::Kept(message)) => {
                                    stderr.push(super::warning_line(ProblemKind::KeptDifferingFile(message)))
                                }
                                Err(Failed::Error(message)) => {
                                    stderr.push(super::error_line(ProblemKind::CannotWrite(message)));
                                    errors = true;
                                }
                            }
                        }
                        Place::New(c) => match write(&c, &renamed(&c), dir, args.force) {
                            Ok(true) => tally.written += 1,
                            Ok(false) => tally.unchanged += 1,
                            Err(Failed::Kept(message)) => {
                                if let Some(placed) = ids.get_mut(&c.id) {
                                    placed.kept = true;
                                }
                                *tally.skipped.entry("kept a file that differs").or_default() += 1;
                                stderr.push(super::warning_line(ProblemKind::KeptDifferingFile(message)));
                            }
                            Err(Failed::Error(message)) => {
                                *tally.skipped.entry("could not be written").or_default() += 1;
                                stderr.push(super::error_line(ProblemKind::CannotWrite(message)));
                                errors = true;
                            }
                        },
                    }
                }
            }
        });
        if let Err(problem) = result {
            stderr.push(format!("{} (activities before it were read)", problem.error_line()));
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

/// How the summary counts an activity that was not read, by the kind of its problem.
fn skip_reason(kind: &ProblemKind) -> &'static str {
    match kind {
        ProblemKind::UnsupportedIatiVersion(_) => "unsupported IATI version",
        ProblemKind::IatiAmountNotRead(_) => "budget not summable",
        ProblemKind::ActivityTooLarge(_) => "too large",
        ProblemKind::NoIatiIdentifier(_) => "no identifier",
        _ => "not read",
    }
}

/// An activity already imported in this run.
struct Placed {
    identifier: String,
    /// Where it was read (`file:line`).
    from: String,
    last_updated: Option<String>,
    /// Its file existed and differed, so it was kept rather than written.
    kept: bool,
}

enum Place {
    New(Converted),
    /// A later-updated copy of an activity already imported: it replaces that one.
    Replace(Converted, String),
    Duplicate(String),
}

/// Takes the activity's safe id, or another when a different identifier already has it. The
/// same identifier twice (an activity published in two files) is imported once: the copy
/// updated last (`last-updated-datetime`), else the first read.
fn place(mut c: Converted, display: &str, ids: &mut BTreeMap<String, Placed>) -> Place {
    let here = format!("{display}:{}", c.loc.line);
    if let Some(first) = ids.get_mut(&c.id) {
        if first.identifier == c.identifier {
            let newer = matches!((&c.last_updated, &first.last_updated), (Some(new), Some(old)) if new > old);
            if newer && !first.kept {
                let message = format!(
                    "{here}: activity {} was also published in {}; this copy, updated later ({}), replaces it",
                    c.identifier,
                    first.from,
                    c.last_updated.as_deref().unwrap_or_default()
                );
                first.from = here;
                first.last_updated = c.last_updated.clone();
                return Place::Replace(c, message);
            }
            return Place::Duplicate(format!(
                "{here}: activity {} is already imported from {}; not imported twice",
                c.identifier, first.from
            ));
        }
        let mut n = 2;
        while ids.contains_key(&format!("{}-{n}", c.id)) {
            n += 1;
        }
        c.rename(&format!("{}-{n}", c.id));
    }
    let placed =
        Placed { identifier: c.identifier.clone(), from: here, last_updated: c.last_updated.clone(), kept: false };
    ids.insert(c.id.clone(), placed);
    Place::New(c)
}

/// Why an activity's file was not written.
enum Failed {
    /// The file there differs from what the import would write (completed by hand?).
    Kept(String),
    /// The file could not be written, or what is there is not a regular file: an error.
    Error(String),
}

/// Writes the programme file's text; `Ok(false)` when the file already holds it. Only a
/// regular file is read or replaced: a link, a named pipe or a folder at the name is refused.
fn write(c: &Converted, text: &str, dir: &Path, force: bool) -> Result<bool, Failed> {
    let path = dir.join(format!("{}.yaml", c.id));
    let cannot = |e: std::io::Error| {
        Failed::Error(format!("{}: cannot write: {}", display_path(&path), crate::load::io_reason(&e)))
    };
    match crate::output::holds(&path, text.as_bytes()).map_err(cannot)? {
        Some(true) => return Ok(false),
        Some(false) if !force => {
            return Err(Failed::Kept(format!(
                "{}: exists and differs from activity {} (completed by hand?); kept as it is (--force overwrites)",
                display_path(&path),
                c.identifier
            )));
        }
        _ => {}
    }
    crate::output::write_atomic_unsynced(&path, text.as_bytes()).map(|()| true).map_err(cannot)
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
