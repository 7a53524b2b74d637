//! Reading one checklist folder from disk: every YAML file under it, rules and test cases,
//! as text. Part of the checklist stage, before any rule is parsed.
//!
//! A folder may come from a repository's configuration, so it is read without following
//! symbolic links (a link is an error naming it, never read) and only regular files are
//! opened, each under the file-size limit. It must not parse or judge the files it reads.

use super::Files;
use crate::load::{self, Limits};
use crate::model::{Loc, Problem, ProblemKind as K};
use std::borrow::Cow;
use std::path::Path;

/// Reads every YAML file of a checklist folder, rules and test cases, sorted by path.
pub fn read(dir: &Path, display: &str, limits: &Limits, problems: &mut Vec<Problem>) -> Result<Files, K> {
    let meta = std::fs::metadata(dir)
        .map_err(|e| K::Unreadable(format!("cannot read checklist folder: {}", load::io_reason(&e))))?;
    if !meta.is_dir() {
        return Err(K::ChecklistRefused("a checklist must be a folder of rule files".to_string()));
    }
    let mut relatives = Vec::new();
    let walker = ignore::WalkBuilder::new(dir).standard_filters(false).hidden(true).follow_links(false).build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(Problem::new(display, Loc::NONE, K::CannotWalk(format!("cannot walk folder: {e}"))));
                continue;
            }
        };
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
        let Some(kind) = entry.file_type() else { continue };
        if kind.is_symlink() && entry.depth() > 0 {
            problems.push(Problem::new(
                format!("{display}/{relative}"),
                Loc::NONE,
                K::SymbolicLink("is a symbolic link: checklist folders are read without following links".into()),
            ));
        } else if kind.is_file() && load::discover::is_yaml(entry.path()) {
            relatives.push(relative);
        } else if !kind.is_dir() && !kind.is_symlink() && load::discover::is_yaml(entry.path()) {
            let message = "cannot read file: a pipe, socket or device, not a regular file";
            problems.push(Problem::new(format!("{display}/{relative}"), Loc::NONE, K::Unreadable(message.into())));
        }
    }
    relatives.sort();
    let mut files = Vec::new();
    for relative in relatives {
        let shown = format!("{display}/{relative}");
        match load::read_bytes(&dir.join(&relative), &shown, limits).and_then(|b| {
            String::from_utf8(b)
                .map_err(|_| Problem::new(&shown, Loc::NONE, K::NotUtf8("file is not UTF-8 text".into())))
        }) {
            Ok(text) => files.push((relative, Cow::Owned(text))),
            Err(p) => problems.push(p),
        }
    }
    Ok(files)
}
