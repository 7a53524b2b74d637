//! Checklist stage: rule files → validated rules, from the core checklist built into the
//! binary and from folders named with `--checklist`.
//!
//! Every rule file is checked like a programme file: each mistake is reported with file,
//! line and column, and the other rules still load. It must not evaluate rules.

pub mod cases;
pub mod condition;
mod operator;

pub mod rule;

use crate::load::{self, Limits, Node};
use crate::model::{Checklist, Loc, Problem, Rule};
use crate::validate::reader::{self, Map, Sink};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::{DATA_FILES, TEMPLATE_FILES};

/// The checklists of a run, every problem found reading them, and the test-case files
/// found beside the rules (in `tests/` folders).
#[derive(Debug, Default)]
pub struct Loaded {
    pub checklists: Vec<Checklist>,
    pub problems: Vec<Problem>,
    pub case_files: Vec<CaseFile>,
}

/// A file of rule test cases and the checklist it belongs to.
#[derive(Debug)]
pub struct CaseFile {
    pub display: String,
    pub text: Cow<'static, str>,
    pub checklist: String,
}

/// One rule file's text and where it comes from.
struct Source<'a> {
    display: String,
    stem: String,
    folder: Option<String>,
    text: &'a str,
}

/// The files of one checklist folder: (path relative to the folder, text).
type Files = Vec<(String, Cow<'static, str>)>;

/// Loads the core checklist and the user folders, in that order. A user folder whose
/// `checklist.yaml` says `id: core` replaces the built-in core checklist (to test edits to it).
pub fn load(user_dirs: &[PathBuf], limits: &Limits) -> Loaded {
    let mut loaded = Loaded::default();
    let mut sets: Vec<(String, String, Files)> = Vec::new();
    for dir in user_dirs {
        let display = load::discover::display_path(dir);
        match read_folder(dir, &display, limits, &mut loaded.problems) {
            Ok(files) => {
                let default_id =
                    dir.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_else(|| display.clone());
                sets.push((default_id, display, files));
            }
            Err(message) => loaded.problems.push(Problem::new(display, Loc::NONE, message)),
        }
    }
    let replaces_core = sets.iter().any(|(_, _, files)| declared_id(files, limits).as_deref() == Some("core"));
    if !replaces_core {
        let core: Files = embedded::CHECKLIST_FILES.iter().map(|(p, t)| (p.to_string(), Cow::Borrowed(*t))).collect();
        sets.insert(0, ("core".to_string(), "checklists".to_string(), core));
    }
    let mut seen: BTreeMap<String, (String, Loc)> = BTreeMap::new();
    for (default_id, display, files) in sets {
        let (rule_files, case_files): (Files, Files) = files.into_iter().partition(|(p, _)| !is_test(p));
        let set = read_set(&default_id, &display, &rule_files, limits, &mut seen, &mut loaded.problems);
        loaded.case_files.extend(case_files.into_iter().map(|(relative, text)| CaseFile {
            display: format!("{display}/{relative}"),
            text,
            checklist: set.id.clone(),
        }));
        loaded.checklists.push(set);
    }
    loaded.problems.sort();
    loaded
}

/// Whether a file of a checklist folder is a test-case file rather than a rule.
fn is_test(relative: &str) -> bool {
    relative.split('/').any(|part| part == "tests")
}

/// The `id` a folder's `checklist.yaml` declares, if any.
fn declared_id(files: &Files, limits: &Limits) -> Option<String> {
    let (_, text) = files.iter().find(|(p, _)| p == "checklist.yaml")?;
    let node = load::parse_str(text, "checklist.yaml", limits).ok()?;
    node.get("id")?.as_str().map(str::to_string)
}

/// Reads every YAML file of a checklist folder, rules and test cases.
fn read_folder(dir: &Path, display: &str, limits: &Limits, problems: &mut Vec<Problem>) -> Result<Files, String> {
    let meta = std::fs::metadata(dir).map_err(|e| format!("cannot read checklist folder: {}", load::io_reason(&e)))?;
    if !meta.is_dir() {
        return Err("a checklist must be a folder of rule files".to_string());
    }
    let mut relatives = Vec::new();
    let walker = ignore::WalkBuilder::new(dir).standard_filters(false).hidden(true).follow_links(true).build();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) && load::discover::is_yaml(entry.path()) => {
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                relatives.push(relative.to_string_lossy().replace('\\', "/"));
            }
            Ok(_) => {}
            Err(e) => problems.push(Problem::new(display, Loc::NONE, format!("cannot walk folder: {e}"))),
        }
    }
    relatives.sort();
    let mut files = Vec::new();
    for relative in relatives {
        let shown = format!("{display}/{relative}");
        match load::read_bytes(&dir.join(&relative), &shown, limits)
            .and_then(|b| String::from_utf8(b).map_err(|_| Problem::new(&shown, Loc::NONE, "file is not UTF-8 text")))
        {
            Ok(text) => files.push((relative, Cow::Owned(text))),
            Err(p) => problems.push(p),
        }
    }
    Ok(files)
}

/// A rule file read: the rule and where its id is, if it is valid, and its problems.
type ReadRule = (Option<(Rule, Loc)>, Vec<Problem>);

fn read_set(
    default_id: &str,
    display_root: &str,
    files: &Files,
    limits: &Limits,
    seen: &mut BTreeMap<String, (String, Loc)>,
    problems: &mut Vec<Problem>,
) -> Checklist {
    let mut checklist = Checklist {
        id: default_id.to_string(),
        version: "unversioned".to_string(),
        title: String::new(),
        rules: Vec::new(),
    };
    let sources: Vec<Source> = files
        .iter()
        .map(|(relative, text)| {
            let path = Path::new(relative);
            Source {
                display: format!("{display_root}/{relative}"),
                stem: path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default(),
                folder: path.parent().and_then(|p| p.file_name()).map(|n| n.to_string_lossy().to_string()),
                text: text.as_ref(),
            }
        })
        .collect();
    if let Some(meta) = sources.iter().find(|s| s.stem == "checklist" && s.folder.is_none()) {
        match load::parse_str(meta.text, &meta.display, limits) {
            Ok(node) => read_meta(&node, &meta.display, &mut checklist, problems),
            Err(p) => problems.push(p),
        }
    }
    // Rule files are read in parallel (start-up time), then taken in file order, so ids and
    // problems come out the same whatever the thread count.
    let read: Vec<ReadRule> = sources
        .par_iter()
        .filter(|s| !(s.stem == "checklist" && s.folder.is_none()))
        .map(|source| {
            let mut found = Vec::new();
            let node = match load::parse_str(source.text, &source.display, limits) {
                Ok(node) => node,
                Err(p) => return (None, vec![p]),
            };
            let mut sink = Sink { file: &source.display, problems: &mut found };
            let rule = rule::read(&node, &source.stem, source.folder.as_deref(), &checklist.id, &mut sink);
            (rule.map(|r| (r, node.get("id").map_or(node.loc, |n| n.loc))), found)
        })
        .collect();
    for (rule, found) in read {
        problems.extend(found);
        let Some((rule, id_loc)) = rule else { continue };
        if let Some((first, at)) = seen.get(&rule.id) {
            problems.push(Problem::new(
                &rule.file,
                id_loc,
                format!("rule id `{}` is already used by {first}:{}:{}", rule.id, at.line, at.column),
            ));
            continue;
        }
        seen.insert(rule.id.clone(), (rule.file.clone(), id_loc));
        checklist.rules.push(rule);
    }
    checklist.rules.sort_by(|a, b| a.id.cmp(&b.id));
    checklist
}

fn read_meta(node: &Node, file: &str, checklist: &mut Checklist, problems: &mut Vec<Problem>) {
    let mut sink = Sink { file, problems };
    let Some(map) = Map::open(node, &["id", "version", "title"], "checklist", &mut sink) else {
        return;
    };
    if let Some(id) = map.get("id").and_then(|n| reader::text(n, "id", &mut sink)) {
        checklist.id = id;
    }
    if let Some(v) = map.get("version").and_then(|n| reader::text(n, "version", &mut sink)) {
        checklist.version = v;
    }
    if let Some(t) = map.get("title").and_then(|n| reader::text(n, "title", &mut sink)) {
        checklist.title = t;
    }
}
