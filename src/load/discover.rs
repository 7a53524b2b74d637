//! Discovery: the paths named on the command line → the programme files to read, sorted.
//!
//! A file named explicitly is always taken; a folder is walked for `*.yaml` and `*.yml`, and
//! for `*.xml` files that are IATI activity files, skipping hidden entries. It must not read
//! file contents beyond the first bytes of an XML file: that is the load stage's work.

use crate::model::{Loc, Problem, ProblemKind as K};
use crate::text::display_path;
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
    /// Strict mode: the repository's git-ignore rules do not hide files either.
    pub no_git_ignore: bool,
    /// The configuration files in use (or found and not read, in strict mode): the only files
    /// named as a configuration file that are left out without a word.
    pub config_files: Vec<PathBuf>,
    /// The checklist and template folders in use: rules and templates, never programmes, so a
    /// walk passes over them (a folder named on the command line is still walked).
    pub folders: Vec<PathBuf>,
    /// The classifier of walked files, passed in by the caller so that discovery knows neither
    /// the configuration nor IATI.
    pub kinds: Kinds,
}

/// What a walk takes a file for, beside `*.yaml` and `*.yml` programmes.
#[derive(Clone, Copy, Debug, Default)]
pub struct Kinds {
    /// File names of configuration files: never programmes.
    pub config_names: &'static [&'static str],
    /// Whether a regular file that is not YAML is a programme file all the same (IATI
    /// activity files); `None` takes YAML files only.
    pub other_programme: Option<fn(&Path) -> bool>,
}

impl Kinds {
    fn is_config_name(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| self.config_names.iter().any(|c| n == *c))
    }

    /// Whether a file (regular, or not opened) is taken for a programme by its name and kind.
    fn is_programme_file(&self, path: &Path) -> bool {
        is_yaml(path) || self.other_programme.is_some_and(|other| other(path))
    }
}

/// What discovery found: the files to read, the problems met, how many programme files the
/// `ignore` patterns and the git-ignore rules left out, and the files named as a configuration
/// file that were not screened.
#[derive(Debug, Default)]
pub struct Found {
    pub inputs: Vec<Input>,
    pub problems: Vec<Problem>,
    pub left_out: usize,
    pub git_ignored: usize,
    pub config_named: Vec<String>,
}

impl Exclude {
    fn matcher(&self) -> Option<ignore::gitignore::Gitignore> {
        if self.patterns.is_empty() {
            return None;
        }
        // A configuration file in the current folder has an empty parent: the current folder.
        let root = if self.root.as_os_str().is_empty() { Path::new(".") } else { self.root.as_path() };
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
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
    let found = find(paths, exclude);
    (found.inputs, found.problems)
}

/// Finds the programme files under `paths`, counting those the `ignore` patterns leave out.
pub fn find(paths: &[PathBuf], exclude: &Exclude) -> Found {
    let matcher = exclude.matcher();
    let mut found = Found::default();
    for path in paths {
        let display = display_path(path);
        match std::fs::metadata(path) {
            Err(e) => found.problems.push(Problem::new(
                display,
                Loc::NONE,
                K::Unreadable(format!("cannot read path: {}", super::io_reason(&e))),
            )),
            Ok(meta) if meta.is_dir() => walk(path, matcher.as_ref(), exclude, &mut found),
            Ok(_) => found.inputs.push(Input { display, path: path.clone() }),
        }
    }
    found.inputs.sort();
    found.inputs.dedup();
    found.config_named.sort();
    found.config_named.dedup();
    found
}

/// A walker over `root` that skips hidden entries and, unless `no_git_ignore`, git-ignored ones.
fn walker(root: &Path, exclude: &Exclude) -> ignore::WalkBuilder {
    let git = !exclude.no_git_ignore;
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(true)
        .git_ignore(git)
        .git_global(false)
        .git_exclude(git)
        .ignore(false)
        .parents(git)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b));
    builder
}

/// Whether a walked entry is taken for a programme (files named as a configuration are not).
/// A pipe, socket or device with a YAML name is taken too, so that loading refuses it by name
/// rather than the walk passing over it unseen; one with an XML name is not opened to be sniffed.
fn is_programme(entry: &ignore::DirEntry, kinds: Kinds) -> bool {
    let path = entry.path();
    let Some(kind) = entry.file_type() else { return false };
    if kinds.is_config_name(path) || kind.is_dir() {
        return false;
    }
    if !kind.is_file() {
        return is_yaml(path);
    }
    kinds.is_programme_file(path)
}

/// A file named as a configuration file that is not one in use: left out, and said so.
fn is_stray_config(entry: &ignore::DirEntry, exclude: &Exclude) -> bool {
    let (path, in_use) = (entry.path(), &exclude.config_files);
    if !entry.file_type().is_some_and(|t| t.is_file()) || !exclude.kinds.is_config_name(path) {
        return false;
    }
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    !in_use.iter().any(|c| std::fs::canonicalize(c).is_ok_and(|c| c == full))
}

/// How many programme files are at or under the entries the patterns left out.
fn count_left_out(excluded: &[(PathBuf, bool)], exclude: &Exclude) -> usize {
    let mut n = 0;
    for (path, is_dir) in excluded {
        if *is_dir {
            n += walker(path, exclude).build().flatten().filter(|e| is_programme(e, exclude.kinds)).count();
        } else if exclude.kinds.is_programme_file(path) {
            n += 1;
        }
    }
    n
}

fn walk(root: &Path, matcher: Option<&ignore::gitignore::Gitignore>, exclude: &Exclude, found: &mut Found) {
    let matcher = matcher.cloned();
    let excluded: std::sync::Arc<std::sync::Mutex<Vec<(PathBuf, bool)>>> = Default::default();
    let record = excluded.clone();
    let folders: Vec<PathBuf> = exclude.folders.iter().filter_map(|f| std::fs::canonicalize(f).ok()).collect();
    let filter = move |e: &ignore::DirEntry| {
        let is_dir = e.file_type().is_some_and(|t| t.is_dir());
        if matcher.is_none() && (!is_dir || folders.is_empty()) {
            return true;
        }
        let full = std::fs::canonicalize(e.path()).unwrap_or_else(|_| e.path().to_path_buf());
        if is_dir && e.depth() > 0 && folders.contains(&full) {
            return false;
        }
        let Some(m) = &matcher else { return true };
        let ignored = m.matched_path_or_any_parents(&full, is_dir).is_ignore();
        if ignored && let Ok(mut list) = record.lock() {
            list.push((e.path().to_path_buf(), is_dir));
        }
        !ignored
    };
    let before = found.inputs.len();
    for entry in walker(root, exclude).filter_entry(filter.clone()).build() {
        match entry {
            Ok(entry) if is_programme(&entry, exclude.kinds) => {
                found.inputs.push(Input { display: display_path(entry.path()), path: entry.path().to_path_buf() })
            }
            Ok(entry) if is_stray_config(&entry, exclude) => found.config_named.push(display_path(entry.path())),
            Ok(_) => {}
            Err(e) => {
                let text = e.to_string();
                let file = error_path(&e).map(|p| display_path(&p)).unwrap_or_else(|| display_path(root));
                found.problems.push(Problem::new(
                    file,
                    Loc::NONE,
                    K::CannotWalk(format!("cannot walk folder: {text}")),
                ));
            }
        }
    }
    if !exclude.no_git_ignore {
        // The same walk without the git-ignore rules: what they alone left out.
        let all = Exclude { no_git_ignore: true, ..exclude.clone() };
        let unhidden = walker(root, &all)
            .filter_entry(filter)
            .build()
            .flatten()
            .filter(|e| is_programme(e, exclude.kinds))
            .count();
        found.git_ignored += unhidden.saturating_sub(found.inputs.len() - before);
    }
    let mut excluded = excluded.lock().map(|list| list.clone()).unwrap_or_default();
    excluded.sort();
    excluded.dedup();
    found.left_out += count_left_out(&excluded, exclude);
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
