//! The plan of a screening run: what to screen, against which checklists, and how much of
//! each screening to keep. Built once from a command's flags and settings, then only read.
//!
//! Orchestration data only: it must not screen, render or write; and no command changes a
//! plan once made (a command that needs another plan asks for one).

use super::settings::{self, Settings};
use super::{Outcome, resolve_today, usage_error};
use crate::cli::ScreenArgs;
use crate::load::{Limits, discover};
use crate::model::{Date, Notice};
use std::path::PathBuf;

/// How much of each screening the command reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything: findings with their evidence, gaps, unsupported fields.
    Full,
    /// What a plain table shows: counts of findings and gaps, no evidence (memory stays
    /// bounded as the portfolio grows).
    Counts,
    /// Counts, and each open finding's identity (what a baseline compares).
    CountsWithKeys,
    /// Counts, and what a portfolio compares across programmes (regions, partners, budget…).
    Portfolio,
}

impl Detail {
    /// Whether findings keep their evidence, gaps and unsupported fields.
    pub fn full(self) -> bool {
        self == Detail::Full
    }

    /// Whether each finding is kept at all (its identity at least).
    pub fn keys(self) -> bool {
        matches!(self, Detail::Full | Detail::CountsWithKeys)
    }

    /// Whether the facts portfolios join on are extracted.
    pub fn facts(self) -> bool {
        self == Detail::Portfolio
    }
}

/// Inputs of a screening run, whatever the command. Read-only once made.
#[derive(Clone)]
pub struct Run {
    paths: Vec<PathBuf>,
    checklists: Vec<PathBuf>,
    limits: Limits,
    today: Date,
    /// Audit mode: screen as if no risk had been accepted.
    ignore_acceptances: bool,
    /// What folder walks leave out.
    exclude: discover::Exclude,
    detail: Detail,
    /// The narrative language read from IATI activities that give several (`en`, `fr`).
    narrative_lang: String,
    /// Show names marked sensitive instead of withholding them.
    show_sensitive: bool,
    /// What the settings turned off, stated in the report (the run adds what it finds).
    notices: Vec<Notice>,
    /// The configuration file whose `ignore` patterns apply, if any (for its notice).
    ignore_from: Option<String>,
}

impl Run {
    /// A run from a command's screening flags, its resolved settings and the detail it reads.
    pub fn new(args: &ScreenArgs, settings: &Settings, detail: Detail) -> Result<Run, String> {
        Ok(Run {
            paths: if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() },
            checklists: settings.checklist_dirs(),
            limits: settings.limits(),
            today: resolve_today(args.today.as_deref())?,
            ignore_acceptances: args.ignore_acceptances,
            exclude: settings.exclude(),
            detail,
            narrative_lang: settings.lang.value.code().to_string(),
            show_sensitive: args.show_sensitive,
            notices: settings.notices(),
            ignore_from: settings.ignore_from(),
        })
    }

    /// The same plan over other paths.
    pub fn over(&self, paths: Vec<PathBuf>) -> Run {
        Run { paths, ..self.clone() }
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }
    pub fn checklists(&self) -> &[PathBuf] {
        &self.checklists
    }
    pub fn limits(&self) -> &Limits {
        &self.limits
    }
    pub fn today(&self) -> Date {
        self.today
    }
    pub fn ignore_acceptances(&self) -> bool {
        self.ignore_acceptances
    }
    pub fn exclude(&self) -> &discover::Exclude {
        &self.exclude
    }
    pub fn detail(&self) -> Detail {
        self.detail
    }
    pub fn narrative_lang(&self) -> &str {
        &self.narrative_lang
    }
    pub fn show_sensitive(&self) -> bool {
        self.show_sensitive
    }
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }
    pub fn ignore_from(&self) -> Option<&str> {
        self.ignore_from.as_deref()
    }
}

/// Resolves settings and the run for a screening command, or the outcome that ends it; the
/// detail may depend on the settings (a configured baseline needs finding identities).
pub fn prepare(
    args: &ScreenArgs,
    extra: settings::Extra,
    detail: impl FnOnce(&Settings) -> Detail,
) -> Result<(Settings, Run), Outcome> {
    let settings = settings::resolve(args, extra).map_err(|problems| Outcome {
        stdout: String::new(),
        stderr: problems.iter().map(|p| p.error_line()).collect(),
        status: 2,
    })?;
    let run = Run::new(args, &settings, detail(&settings)).map_err(usage_error)?;
    Ok((settings, run))
}
