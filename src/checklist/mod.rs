//! Checklist stage: rule files → validated rules, from the core checklist built into the
//! binary and from folders named with `--checklist`.
//!
//! Every rule file is checked like a programme file: each mistake is reported with file,
//! line and column, and the other rules still load. It must not evaluate rules.

mod condition;
mod operator;
mod reader;
pub mod rule;

use crate::load::{self, Limits, Node};
use crate::model::{Checklist, Loc, Problem};
use reader::{Map, Sink};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

pub use embedded::TEMPLATE_FILES;

/// The checklists of a run, and every problem found reading them.
#[derive(Debug, Default)]
pub struct Loaded {
    pub checklists: Vec<Checklist>,
    pub problems: Vec<Problem>,
}

/// One rule file's text and where it comes from.
struct Source<'a> {
    display: String,
    stem: String,
    folder: Option<String>,
    text: std::borrow::Cow<'a, str>,
}

/// Loads the core checklist and the user folders, in that order.
pub fn load(user_dirs: &[PathBuf], limits: &Limits) -> Loaded {
    let mut loaded = Loaded::default();
    let mut seen: BTreeMap<String, (String, Loc)> = BTreeMap::new();

    let core_files: Vec<(String, std::borrow::Cow<str>)> = embedded::CHECKLIST_FILES
        .iter()
        .map(|(p, t)| (p.to_string(), std::borrow::Cow::Borrowed(*t)))
        .collect();
    let core = read_set(
        "core",
        "checklists",
        core_files,
        limits,
        &mut seen,
        &mut loaded.problems,
    );
    loaded.checklists.push(core);

    for dir in user_dirs {
        let display = load::discover::display_path(dir);
        let files = match folder_files(dir) {
            Ok(files) => files,
            Err(message) => {
                loaded
                    .problems
                    .push(Problem::new(display, Loc::NONE, message));
                continue;
            }
        };
        let mut texts = Vec::new();
        for relative in files {
            let shown = format!("{display}/{relative}");
            match load::read_bytes(&dir.join(&relative), &shown, limits).and_then(|b| {
                String::from_utf8(b)
                    .map_err(|_| Problem::new(&shown, Loc::NONE, "file is not UTF-8 text"))
            }) {
                Ok(text) => texts.push((relative, std::borrow::Cow::Owned(text))),
                Err(p) => loaded.problems.push(p),
            }
        }
        let default_id = dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| display.clone());
        let set = read_set(
            &default_id,
            &display,
            texts,
            limits,
            &mut seen,
            &mut loaded.problems,
        );
        loaded.checklists.push(set);
    }
    loaded.problems.sort();
    loaded
}

/// The rule files under a folder (relative paths, sorted), leaving out `tests/` folders.
fn folder_files(dir: &Path) -> Result<Vec<String>, String> {
    let meta = std::fs::metadata(dir)
        .map_err(|e| format!("cannot read checklist folder: {}", load::io_reason(&e)))?;
    if !meta.is_dir() {
        return Err("a checklist must be a folder of rule files".to_string());
    }
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .hidden(true)
        .follow_links(true)
        .build();
    for entry in walker.flatten() {
        let path = entry.path();
        let relative = path.strip_prefix(dir).unwrap_or(path);
        let in_tests = relative.components().any(|c| c.as_os_str() == "tests");
        if entry.file_type().is_some_and(|t| t.is_file())
            && load::discover::is_yaml(path)
            && !in_tests
        {
            files.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    files.sort();
    Ok(files)
}

fn read_set(
    default_id: &str,
    display_root: &str,
    files: Vec<(String, std::borrow::Cow<str>)>,
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
        .into_iter()
        .map(|(relative, text)| {
            let path = Path::new(&relative);
            Source {
                display: format!("{display_root}/{relative}"),
                stem: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default(),
                folder: path
                    .parent()
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().to_string()),
                text,
            }
        })
        .collect();
    if let Some(meta) = sources
        .iter()
        .find(|s| s.stem == "checklist" && s.folder.is_none())
    {
        match load::parse_str(&meta.text, &meta.display, limits) {
            Ok(node) => read_meta(&node, &meta.display, &mut checklist, problems),
            Err(p) => problems.push(p),
        }
    }
    for source in sources
        .iter()
        .filter(|s| !(s.stem == "checklist" && s.folder.is_none()))
    {
        let node = match load::parse_str(&source.text, &source.display, limits) {
            Ok(node) => node,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let mut sink = Sink {
            file: &source.display,
            problems,
        };
        let Some(rule) = rule::read(
            &node,
            &source.stem,
            source.folder.as_deref(),
            &checklist.id,
            &mut sink,
        ) else {
            continue;
        };
        let id_loc = node.get("id").map_or(node.loc, |n| n.loc);
        if let Some((first, at)) = seen.get(&rule.id) {
            problems.push(Problem::new(
                &source.display,
                id_loc,
                format!(
                    "rule id `{}` is already used by {first}:{}:{}",
                    rule.id, at.line, at.column
                ),
            ));
            continue;
        }
        seen.insert(rule.id.clone(), (source.display.clone(), id_loc));
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
    if let Some(v) = map
        .get("version")
        .and_then(|n| reader::text(n, "version", &mut sink))
    {
        checklist.version = v;
    }
    if let Some(t) = map
        .get("title")
        .and_then(|n| reader::text(n, "title", &mut sink))
    {
        checklist.title = t;
    }
}
