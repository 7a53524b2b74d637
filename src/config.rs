//! The project configuration file, `dnh-screen.yaml` (or `.dnh-screen.yaml`), found in the
//! current folder or its parents: what a repository wants every run to use.
//!
//! Reads and checks the file (unknown keys are errors with line and column, like any input);
//! it must not decide what wins over what: flags override it, and that is the app's work.

use crate::load::{self, Limits};
use crate::model::{FailOn, Lang};
use crate::model::{Loc, Problem, ProblemKind as K};
use crate::validate::Sink;
use crate::validate::reader::{self, Map};
use std::path::{Path, PathBuf};

/// The file names looked for, in order.
pub const NAMES: [&str; 2] = ["dnh-screen.yaml", ".dnh-screen.yaml"];

const KEYS: &[&str] = &["fail_on", "checklists", "templates", "lang", "baseline", "ignore"];

/// A value and where it came from: `dnh-screen.yaml:3:10`, `--fail-on`, `default`.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced<T> {
    pub value: T,
    pub origin: String,
}

impl<T> Sourced<T> {
    pub fn new(value: T, origin: impl Into<String>) -> Sourced<T> {
        Sourced { value, origin: origin.into() }
    }
}

/// What a configuration file sets. Paths are relative to the file's folder, already joined.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub file: Option<PathBuf>,
    pub fail_on: Option<Sourced<FailOn>>,
    pub checklists: Vec<Sourced<PathBuf>>,
    pub templates: Option<Sourced<PathBuf>>,
    pub lang: Option<Sourced<Lang>>,
    pub baseline: Option<Sourced<PathBuf>>,
    /// Glob patterns of paths not taken for programmes when a folder is walked.
    pub ignore: Vec<Sourced<String>>,
}

impl Config {
    /// The folder the configuration's relative paths start from.
    pub fn folder(&self) -> PathBuf {
        self.file.as_deref().and_then(Path::parent).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}

/// The environment variable that turns strict mode on (`1`) for every run, as
/// `--strict-config` does.
pub const STRICT_ENV: &str = "DNH_SCREEN_NO_REPO_CONFIG";

/// Strict mode, from the flag or the environment, and where it came from.
pub fn strict(flag: bool) -> Result<Sourced<bool>, Vec<Problem>> {
    if flag {
        return Ok(Sourced::new(true, "--strict-config"));
    }
    match std::env::var_os(STRICT_ENV) {
        None => Ok(Sourced::new(false, "default")),
        Some(v) if v == "1" => Ok(Sourced::new(true, STRICT_ENV)),
        Some(v) if v.is_empty() || v == "0" => Ok(Sourced::new(false, STRICT_ENV)),
        Some(v) => Err(vec![Problem::new(
            STRICT_ENV,
            Loc::NONE,
            K::InvalidConfig(format!(
                "must be 1 (strict) or 0; found `{}`",
                crate::load::visible(v.to_string_lossy().into_owned())
            )),
        )]),
    }
}

/// The configuration of a run, and in strict mode the file that was found and not read.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub config: Config,
    pub not_read: Option<PathBuf>,
}

/// The configuration file for a run: `explicit` (named by whoever runs the tool: read even in
/// strict mode), none when `disabled`, else the one found from the current folder upwards,
/// unless `strict` (then it is not read, and said to be not read).
pub fn resolve(explicit: Option<&Path>, disabled: bool, strict: bool) -> Result<Resolved, Vec<Problem>> {
    if disabled {
        return Ok(Resolved::default());
    }
    if let Some(path) = explicit {
        return Ok(Resolved { config: read(path)?, not_read: None });
    }
    match find() {
        Some(path) if strict => Ok(Resolved { config: Config::default(), not_read: Some(path) }),
        Some(path) => Ok(Resolved { config: read(&path)?, not_read: None }),
        None => Ok(Resolved::default()),
    }
}

/// Looks for a configuration file in the current folder, then its parents.
pub fn find() -> Option<PathBuf> {
    let mut up = PathBuf::new();
    let top = std::env::current_dir().ok()?.ancestors().count();
    for _ in 0..top {
        for name in NAMES {
            let candidate = up.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        up.push("..");
    }
    None
}

/// Reads and checks one configuration file.
pub fn read(path: &Path) -> Result<Config, Vec<Problem>> {
    let shown = crate::text::display_path(path);
    let node = load::read_document(path, &shown, &Limits::default()).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut config = Config { file: Some(path.to_path_buf()), ..Config::default() };
    let folder = config.folder();
    let mut sink = Sink::new(&shown, &mut problems);
    let Some(map) = Map::open(&node, KEYS, "configuration", &mut sink) else {
        return Err(problems);
    };
    let at = |loc: Loc| format!("{shown}:{}:{}", loc.line, loc.column);
    if let Some(n) = map.get("fail_on") {
        let names = ["low", "moderate", "substantial", "high", "never"];
        let parsed = reader::choice(n, "fail_on", &names, parse_fail_on, &mut sink);
        config.fail_on = parsed.map(|v| Sourced::new(v, at(n.loc)));
    }
    if let Some(n) = map.get("lang") {
        let parsed = reader::choice(n, "lang", &["en", "fr"], parse_lang, &mut sink);
        config.lang = parsed.map(|v| Sourced::new(v, at(n.loc)));
    }
    let path_of = |n: &crate::load::Node, what: &str, sink: &mut Sink| {
        let text = reader::text(n, what, sink)?;
        match inside(&folder, &text) {
            Ok(path) => Some(Sourced::new(path, at(n.loc))),
            Err(why) => {
                sink.push(
                    n.loc,
                    K::InvalidConfig(format!(
                        "`{what}` must name a path inside the configuration file's folder; `{text}` {why}"
                    )),
                );
                None
            }
        }
    };
    if let Some(n) = map.get("templates") {
        config.templates = path_of(n, "templates", &mut sink);
    }
    if let Some(n) = map.get("baseline") {
        config.baseline = path_of(n, "baseline", &mut sink);
    }
    if let Some(n) = map.get("checklists") {
        config.checklists = reader::items(n).into_iter().filter_map(|i| path_of(i, "checklists", &mut sink)).collect();
    }
    if let Some(n) = map.get("ignore") {
        for item in reader::items(n) {
            if let Some(pattern) = reader::text(item, "ignore", &mut sink) {
                match ignore::gitignore::GitignoreBuilder::new(&folder).add_line(None, &pattern) {
                    Ok(_) => config.ignore.push(Sourced::new(pattern, at(item.loc))),
                    Err(e) => {
                        sink.push(item.loc, K::InvalidValue(format!("`ignore` pattern `{pattern}` is not valid: {e}")))
                    }
                }
            }
        }
    }
    if problems.is_empty() { Ok(config) } else { Err(problems) }
}

/// `relative` joined to `folder`, if it stays inside it: a repository's configuration reads
/// nothing outside the repository (no absolute path, no `..` above the folder, no symbolic
/// link out of it).
fn inside(folder: &Path, relative: &str) -> Result<PathBuf, &'static str> {
    use std::path::Component;
    let mut depth = 0usize;
    for part in Path::new(relative).components() {
        match part {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => depth = depth.checked_sub(1).ok_or("leads out of it through `..`")?,
            Component::RootDir | Component::Prefix(_) => return Err("is an absolute path"),
        }
    }
    let path = folder.join(relative);
    let top = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    if let (Ok(real), Ok(top)) = (std::fs::canonicalize(&path), std::fs::canonicalize(top))
        && !real.starts_with(&top)
    {
        return Err("leads out of it through a symbolic link");
    }
    Ok(path)
}

fn parse_fail_on(text: &str) -> Option<FailOn> {
    match text {
        "low" => Some(FailOn::Low),
        "moderate" => Some(FailOn::Moderate),
        "substantial" => Some(FailOn::Substantial),
        "high" => Some(FailOn::High),
        "never" => Some(FailOn::Never),
        _ => None,
    }
}

fn parse_lang(text: &str) -> Option<Lang> {
    match text {
        "en" => Some(Lang::En),
        "fr" => Some(Lang::Fr),
        _ => None,
    }
}
