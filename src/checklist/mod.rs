//! Checklist stage: rule files → validated rules, from the core checklist built into the
//! binary and from folders named with `--checklist`.
//!
//! Every rule file is checked like a programme file: each mistake is reported with file,
//! line and column, and the other rules still load. It must not evaluate rules.

pub mod cases;
pub mod condition;
mod folder;
pub mod json_schema;

pub mod rule;

use crate::load::{self, Limits, Node};
use crate::model::{Checklist, Loc, Problem, ProblemKind as K, Rule};
use crate::validate::reader::{self, Map, Sink};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The checklists of a run, every problem found reading them, and the test-case files
/// found beside the rules (in `tests/` folders).
#[derive(Debug, Default)]
pub struct Loaded {
    pub checklists: Vec<Checklist>,
    pub problems: Vec<Problem>,
    /// What still loads but should be written otherwise (an older spelling).
    pub warnings: Vec<Problem>,
    pub case_files: Vec<CaseFile>,
    /// Whether the first checklist is the one built into the binary (not a stand-in).
    pub built_in_core: bool,
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

/// Whether a folder may stand in for the built-in core checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Core {
    /// Screening: the built-in core is always loaded, and a folder that calls itself `core`
    /// (or takes the id of another loaded checklist) is refused with an error.
    BuiltIn,
    /// Tools for checklist authors (`checklist validate`, `checklist test`): a folder named on
    /// the command line whose `checklist.yaml` says `id: core` stands in for the built-in one,
    /// to test edits to it.
    Replaceable,
}

/// One folder read, before its rules are: its id, where that id is written, its files.
struct Set {
    id: String,
    id_file: String,
    id_loc: Loc,
    display: String,
    files: Files,
}

/// Loads the core checklist and the user folders, in that order (screening: `Core::BuiltIn`).
pub fn load(user_dirs: &[PathBuf], limits: &Limits) -> Loaded {
    load_with(user_dirs, limits, Core::BuiltIn)
}

/// Loads the core checklist and the user folders. Every checklist keeps an id of its own:
/// a folder whose id is taken is not loaded, and the problem says why.
pub fn load_with(user_dirs: &[PathBuf], limits: &Limits, core: Core) -> Loaded {
    let mut loaded = Loaded::default();
    let mut sets: Vec<Set> = Vec::new();
    let mut read_dirs: Vec<PathBuf> = Vec::new();
    for dir in user_dirs {
        // The same folder named twice (by the configuration and a flag) is read once.
        let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.clone());
        if read_dirs.contains(&canonical) {
            continue;
        }
        read_dirs.push(canonical);
        // `house/` and `house` name the same folder: its files are `house/…`, never `house//…`.
        let shown = crate::text::display_path(dir);
        let display = match shown.trim_end_matches('/') {
            "" => shown.clone(),
            trimmed => trimmed.to_string(),
        };
        match folder::read(dir, &display, limits, &mut loaded.problems) {
            Ok(files) => {
                let (id, id_file, id_loc) = match declared_id(&files, limits) {
                    Some((id, loc)) => (id, format!("{display}/checklist.yaml"), loc),
                    None => {
                        let name = dir.file_name().map(|n| n.to_string_lossy().to_string());
                        (load::visible(name.unwrap_or_else(|| display.clone())), display.clone(), Loc::NONE)
                    }
                };
                sets.push(Set { id, id_file, id_loc, display, files });
            }
            Err(kind) => loaded.problems.push(Problem::new(display, Loc::NONE, kind)),
        }
    }
    let stand_in = core == Core::Replaceable && sets.iter().any(|s| s.id == "core");
    if !stand_in {
        let files: Files =
            crate::assets::CHECKLIST_FILES.iter().map(|(p, t)| (p.to_string(), Cow::Borrowed(*t))).collect();
        let display = "checklists".to_string();
        sets.insert(0, Set { id: "core".into(), id_file: display.clone(), id_loc: Loc::NONE, display, files });
        loaded.built_in_core = true;
    }
    let mut seen: BTreeMap<String, (String, Loc)> = BTreeMap::new();
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    for (n, set) in sets.into_iter().enumerate() {
        let built_in = n == 0 && !stand_in;
        // Ids are compared without case: `Core` beside `core` would read as the same checklist.
        let key = set.id.to_lowercase();
        if let Some(message) = refused(&set, built_in, taken.get(&key)) {
            loaded.problems.push(Problem::new(&set.id_file, set.id_loc, message));
            continue;
        }
        taken.insert(key, set.display.clone());
        let (rule_files, case_files): (Files, Files) = set.files.into_iter().partition(|(p, _)| !is_test(p));
        // The limits bound what users give; the rules built into the tool are read whatever they are.
        let set_limits = if built_in { &Limits::default() } else { limits };
        let checklist = read_set(
            &set.id,
            &set.display,
            &rule_files,
            set_limits,
            &mut seen,
            &mut loaded.problems,
            &mut loaded.warnings,
        );
        loaded.case_files.extend(case_files.into_iter().map(|(relative, text)| CaseFile {
            display: format!("{}/{relative}", set.display),
            text,
            checklist: checklist.id.clone(),
        }));
        loaded.checklists.push(checklist);
    }
    loaded.problems.sort();
    loaded.warnings.sort();
    loaded
}

/// Why a folder's checklist is not loaded, if it is not: its id is the built-in core's, or
/// another loaded folder's, in any case.
fn refused(set: &Set, built_in: bool, taken_by: Option<&String>) -> Option<K> {
    let named = if set.id_loc.is_known() { "says" } else { "is named" };
    if let Some(other) = taken_by {
        let what = if other == "checklists" {
            "the built-in checklist".to_string()
        } else {
            format!("the checklist in `{other}`")
        };
        return Some(K::ChecklistRefused(format!(
            "this checklist folder {named} `{}`, the id of {what}: a folder adds rules to the core checklist and \
             cannot replace it or another folder; give it an id of its own in its checklist.yaml (not loaded)",
            set.id
        )));
    }
    if built_in { None } else { valid_id(&set.id).err() }
}

/// A checklist id: letters, digits, `-` and `_`, at most 64 of them (it is shown in every report).
fn valid_id(id: &str) -> Result<(), K> {
    let fine = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if id.is_empty() || id.len() > 64 || !id.chars().all(fine) {
        return Err(K::ChecklistRefused(format!(
            "checklist id `{id}` must be letters, digits, `-` and `_` (at most 64); set `id` in its checklist.yaml (not loaded)"
        )));
    }
    Ok(())
}

/// Whether a file of a checklist folder is a test-case file rather than a rule.
fn is_test(relative: &str) -> bool {
    relative.split('/').any(|part| part == "tests")
}

/// The `id` a folder's `checklist.yaml` declares, and where, if it does.
fn declared_id(files: &Files, limits: &Limits) -> Option<(String, Loc)> {
    let (_, text) = files.iter().find(|(p, _)| p == "checklist.yaml")?;
    let node = load::parse_str(text, "checklist.yaml", limits).ok()?;
    let id = node.get("id")?;
    Some((load::visible(id.as_str()?.to_string()), id.loc))
}

/// A rule file read: the rule and where its id is, if it is valid, its problems and warnings.
type ReadRule = (Option<(Rule, Loc)>, Vec<Problem>, Vec<Problem>);

fn read_set(
    default_id: &str,
    display_root: &str,
    files: &Files,
    limits: &Limits,
    seen: &mut BTreeMap<String, (String, Loc)>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
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
            let (mut found, mut warned) = (Vec::new(), Vec::new());
            let node = match load::parse_str(source.text, &source.display, limits) {
                Ok(node) => node,
                Err(p) => return (None, vec![p], Vec::new()),
            };
            let mut sink = Sink { file: &source.display, problems: &mut found, warnings: Some(&mut warned) };
            let rule = rule::read(&node, &source.stem, source.folder.as_deref(), &checklist.id, &mut sink);
            (rule.map(|r| (r, node.get("id").map_or(node.loc, |n| n.loc))), found, warned)
        })
        .collect();
    for (rule, found, warned) in read {
        problems.extend(found);
        warnings.extend(warned);
        let Some((rule, id_loc)) = rule else { continue };
        if let Some((first, at)) = seen.get(&rule.id) {
            problems.push(Problem::new(
                &rule.file,
                id_loc,
                K::DuplicateRuleId(format!(
                    "rule id `{}` is already used by {first}:{}:{}",
                    rule.id, at.line, at.column
                )),
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
    let mut sink = Sink::new(file, problems);
    let Some(map) = Map::open(node, &["id", "version", "title"], "checklist", &mut sink) else {
        return;
    };
    if let Some(id) = map.get("id").and_then(|n| reader::text(n, "id", &mut sink)) {
        checklist.id = id;
    }
    if let Some(n) = map.get("version")
        && let Some(v) = reader::text(n, "version", &mut sink)
    {
        // Shown in every report, beside the id: one short line.
        if v.is_empty() || v.chars().count() > 32 || v.chars().any(|c| c.is_control()) {
            sink.push(
                n.loc,
                K::InvalidValue("`version` must be one line of at most 32 characters, such as \"0.3\"".into()),
            );
        } else {
            checklist.version = v;
        }
    }
    if let Some(t) = map.get("title").and_then(|n| reader::text(n, "title", &mut sink)) {
        checklist.title = t;
    }
}
