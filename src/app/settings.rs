//! The effective settings of a run: flags over the configuration file over defaults, each
//! value with where it came from (for `dnh-screen config`).
//!
//! Resolution only; nothing here screens or renders.

use crate::cli::ScreenArgs;
use crate::config::{self, Config, Sourced};
use crate::load::Limits;
use crate::model::{FailOn, Lang};
use crate::model::{Notice, Problem};
use std::path::PathBuf;

/// Flags that only some commands have, passed in by those that do.
#[derive(Default)]
pub struct Extra<'a> {
    pub fail_on: Option<FailOn>,
    pub templates: Option<&'a PathBuf>,
    pub baseline: Option<&'a PathBuf>,
}

/// What a run uses, and where each value came from.
pub struct Settings {
    pub config: Config,
    pub lang: Sourced<Lang>,
    pub fail_on: Sourced<FailOn>,
    /// The configuration's checklist folders, then the flags'.
    pub checklists: Vec<Sourced<PathBuf>>,
    pub templates: Option<Sourced<PathBuf>>,
    pub baseline: Option<Sourced<PathBuf>>,
    pub ignore: Vec<Sourced<String>>,
    pub max_file_size: Sourced<u64>,
    pub max_depth: Sourced<usize>,
    pub max_aliases: Sourced<usize>,
    pub max_nodes: Sourced<usize>,
    /// Strict mode (`--strict-config`, `DNH_SCREEN_NO_REPO_CONFIG=1`).
    pub strict: Sourced<bool>,
    /// In strict mode, the configuration file found and not read.
    pub not_read: Option<PathBuf>,
}

impl Settings {
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size.value,
            max_depth: self.max_depth.value,
            max_aliases: self.max_aliases.value,
            max_nodes: self.max_nodes.value,
        }
    }

    pub fn checklist_dirs(&self) -> Vec<PathBuf> {
        self.checklists.iter().map(|c| c.value.clone()).collect()
    }

    pub fn exclude(&self) -> crate::load::discover::Exclude {
        crate::load::discover::Exclude {
            root: self.config.folder(),
            patterns: self.ignore.iter().map(|p| p.value.clone()).collect(),
            no_git_ignore: self.strict.value,
            config_files: self.config.file.iter().chain(&self.not_read).cloned().collect(),
            folders: self.checklists.iter().chain(&self.templates).map(|f| f.value.clone()).collect(),
            kinds: crate::load::discover::Kinds {
                config_names: &config::NAMES,
                other_programme: Some(|p| crate::iati::is_xml_name(p) && crate::iati::is_activity_file(p)),
            },
        }
    }

    /// What every screening command states about its settings: a configuration not read.
    pub fn notices(&self) -> Vec<Notice> {
        let shown = |p: &PathBuf| crate::text::display_path(p);
        self.not_read.iter().map(|file| Notice::RepositoryConfigNotRead { file: shown(file) }).collect()
    }

    /// `fail_on: never` set by a configuration file (not a flag): stated, as it turns off
    /// the exit status CI relies on.
    pub fn fail_on_notice(&self) -> Option<Notice> {
        let from_config = self.config.fail_on.as_ref().is_some_and(|c| c.origin == self.fail_on.origin);
        (from_config && self.fail_on.value == FailOn::Never)
            .then(|| Notice::FailOnNever { origin: self.fail_on.origin.clone() })
    }

    /// The configuration file whose `ignore` patterns apply, as shown.
    pub fn ignore_from(&self) -> Option<String> {
        let file = self.config.file.as_deref().filter(|_| !self.ignore.is_empty())?;
        Some(crate::text::display_path(file))
    }
}

/// Resolves a screening command's settings.
pub fn resolve(screen: &ScreenArgs, extra: Extra) -> Result<Settings, Vec<Problem>> {
    let strict = config::strict(screen.strict_config)?;
    let resolved = config::resolve(screen.config.as_deref(), screen.no_config, strict.value)?;
    let mut settings = merge(resolved.config, Some(screen), extra);
    settings.strict = strict;
    settings.not_read = resolved.not_read;
    Ok(settings)
}

/// Flags over configuration over defaults.
pub fn merge(config: Config, screen: Option<&ScreenArgs>, extra: Extra) -> Settings {
    let flag = |name: &str| format!("--{name}");
    let lang = match screen.and_then(|s| s.lang) {
        Some(l) => Sourced::new(l, flag("lang")),
        None => config.lang.clone().unwrap_or_else(|| Sourced::new(Lang::En, "default")),
    };
    let fail_on = match extra.fail_on {
        Some(f) => Sourced::new(f, flag("fail-on")),
        None => config.fail_on.clone().unwrap_or_else(|| Sourced::new(FailOn::High, "default")),
    };
    let mut checklists = config.checklists.clone();
    checklists
        .extend(screen.into_iter().flat_map(|s| &s.checklists).map(|d| Sourced::new(d.clone(), flag("checklist"))));
    let templates = match extra.templates {
        Some(t) => Some(Sourced::new(t.clone(), flag("templates"))),
        None => config.templates.clone(),
    };
    let baseline = match extra.baseline {
        Some(b) => Some(Sourced::new(b.clone(), flag("baseline"))),
        None => config.baseline.clone(),
    };
    let max_file_size = match screen.and_then(|s| s.max_file_size) {
        Some(n) => Sourced::new(n, flag("max-file-size")),
        None => Sourced::new(Limits::default().max_file_bytes, "default"),
    };
    let defaults = Limits::default();
    let limit = |given: Option<usize>, name: &str, default: usize| match given {
        Some(n) => Sourced::new(n, flag(name)),
        None => Sourced::new(default, "default"),
    };
    let max_depth = limit(screen.and_then(|s| s.max_depth), "max-depth", defaults.max_depth);
    let max_aliases = limit(screen.and_then(|s| s.max_aliases), "max-aliases", defaults.max_aliases);
    let max_nodes = limit(screen.and_then(|s| s.max_nodes), "max-nodes", defaults.max_nodes);
    let ignore = config.ignore.clone();
    Settings {
        config,
        lang,
        fail_on,
        checklists,
        templates,
        baseline,
        ignore,
        max_file_size,
        max_depth,
        max_aliases,
        max_nodes,
        strict: Sourced::new(false, "default"),
        not_read: None,
    }
}
