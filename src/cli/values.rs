//! Closed sets of command-line values (clap `ValueEnum`s) and their mapping to the model.
//! Definitions only.

use crate::model::{ProgrammeType, Rating, RiskArea};
use clap::ValueEnum;

/// `check --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Sarif,
    Junit,
    Github,
    Csv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Csv => "csv",
        }
    }
}

/// `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Low,
    Moderate,
    Substantial,
    High,
    Never,
}

impl FailOn {
    /// The rating at or above which a run fails; `None` never fails.
    pub fn threshold(self) -> Option<Rating> {
        match self {
            FailOn::Low => Some(Rating::Low),
            FailOn::Moderate => Some(Rating::Moderate),
            FailOn::Substantial => Some(Rating::Substantial),
            FailOn::High => Some(Rating::High),
            FailOn::Never => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FailOn::Low => "low",
            FailOn::Moderate => "moderate",
            FailOn::Substantial => "substantial",
            FailOn::High => "high",
            FailOn::Never => "never",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PortfolioFormat {
    Table,
    Md,
    Html,
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Md,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    Md,
}

/// A risk area, as a command-line value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AreaArg {
    Analysis,
    Livelihoods,
    Corruption,
    Legitimacy,
    Settlement,
    Targeting,
    #[value(name = "community_safety", alias = "community-safety")]
    CommunitySafety,
    Displacement,
    Ownership,
}

impl From<AreaArg> for RiskArea {
    fn from(a: AreaArg) -> RiskArea {
        RiskArea::ALL[a as usize]
    }
}

/// A programme type, as a command-line value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TypeArg {
    Ssr,
    Ddr,
    Border,
    #[value(name = "counter_terrorism", alias = "counter-terrorism")]
    CounterTerrorism,
    Justice,
    Development,
    Governance,
    Reconciliation,
}

impl From<TypeArg> for ProgrammeType {
    fn from(t: TypeArg) -> ProgrammeType {
        ProgrammeType::ALL[t as usize]
    }
}

/// Shells for `completions`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}
