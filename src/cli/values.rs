//! Closed sets of command-line values (clap `ValueEnum`s) and their mapping to the model.
//! Definitions only.

use crate::model::{ProgrammeType, RiskArea};
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

impl From<Format> for crate::render::Format {
    fn from(format: Format) -> crate::render::Format {
        use crate::render::Format as Render;
        match format {
            Format::Table => Render::Table,
            Format::Json => Render::Json,
            Format::Sarif => Render::Sarif,
            Format::Junit => Render::Junit,
            Format::Github => Render::Github,
            Format::Csv => Render::Csv,
        }
    }
}

pub use crate::model::FailOn;

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
