//! Discovery: the paths named on the command line → the programme files to read, sorted.
//!
//! A file named explicitly is always taken; a folder is walked for `*.yaml` and `*.yml`, and
//! for `*.xml` files that are IATI activity files, skipping hidden entries. It must not read
//! file contents beyond the first bytes of an XML file: that is the load stage's work.

use crate::model::{Loc, Problem};
use std::path::{Path, PathBuf};

/// A file to read and the path to show for it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Input {
    pub display: String,
    pub path: PathBuf,
}

/// What a folder walk leaves out besides hidden and git-ignored entries: configuration files
/// and the configuration's `ignore` patterns (relative to `root`, gitignore syntax).
#[derive(Clone, Debug, Default)]
pub struct Exclude {
    pub root: PathBuf,
    pub patterns: Vec<String>,
}

impl Exclude {
    fn matcher(&self) -> Option<ignore::gitignore::Gitignore> {
        if self.patterns.is_empty() {
            return None;
        }
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        let mut builder = ignore::gitignore::GitignoreBuilder::new(&root);
        for p in &self.patterns {
            let _ = builder.add_line(None, p);
        }
        builder.build().ok()
    }
}

/// Finds the programme files under `paths`. Problems (a missing path, an unreadable folder)
/// are returned beside the files found, so the run goes on.
pub fn discover(paths: &[PathBuf], exclude: &Exclude) -> (Vec<Input>, Vec<Problem>) {
    let matcher = exclude.matcher();
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let display = display_path(path);
        match std::fs::metadata(path) {
            Err(e) => {
                problems.push(Problem::new(display, Loc::NONE, format!("cannot read path: {}", super::io_reason(&e))))
            }
            Ok(meta) if meta.is_dir() => walk(path, matcher.as_ref(), &mut inputs, &mut problems),
            Ok(_) => inputs.push(Input { display, path: path.clone() }),
        }
    }
    inputs.sort();
    inputs.dedup();
    (inputs, problems)
}

fn walk(
    root: &Path,
    matcher: Option<&ignore::gitignore::Gitignore>,
    inputs: &mut Vec<Input>,
    problems: &mut Vec<Problem>,
) {
    let matcher = matcher.cloned();
    let excluded = move |path: &Path, is_dir: bool| {
        let Some(m) = &matcher else { return false };
        let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        m.matched_path_or_any_parents(&full, is_dir).is_ignore()
    };
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .ignore(false)
        .parents(true)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| !excluded(e.path(), e.file_type().is_some_and(|t| t.is_dir())))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_config = path.file_name().is_some_and(|n| crate::config::NAMES.iter().any(|c| n == *c));
                if entry.file_type().is_some_and(|t| t.is_file())
                    && !is_config
                    && (is_yaml(path) || (crate::iati::is_xml_name(path) && crate::iati::is_activity_file(path)))
                {
                    inputs.push(Input { display: display_path(path), path: path.to_path_buf() });
                }
            }
            Err(e) => {
                let text = e.to_string();
                let file = error_path(&e).map(|p| display_path(&p)).unwrap_or_else(|| display_path(root));
                problems.push(Problem::new(file, Loc::NONE, format!("cannot walk folder: {text}")));
            }
        }
    }
}

fn error_path(e: &ignore::Error) -> Option<PathBuf> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// Whether a walked file is taken for a programme.
pub fn is_yaml(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml") | Some("yml"))
}

/// A path as shown in reports: as given, with forward slashes and no leading `./`.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut text = text.as_str();
    while let Some(rest) = text.strip_prefix("./") {
        text = rest;
    }
    super::visible(text.to_string())
}
