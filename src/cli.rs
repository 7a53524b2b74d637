//! Command-line definitions (clap derive) and nothing else: no behaviour lives here.

use crate::model::{ProgrammeType, RiskArea};
use crate::render::Lang;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Screens the designs of security and development programmes for crime-related harm.
#[derive(Debug, Parser)]
#[command(name = "dnh-screen", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Screen programme files (or folders of them) and print rated findings.
    Check(CheckArgs),
    /// Write a risk report per programme (or one combined) in Markdown or HTML.
    Report(ReportArgs),
    /// List the rules of the checklist (filter by risk area and programme type).
    Rules(RulesArgs),
    /// Print one rule in full: what it checks, why, the source passage, the mitigation, an example.
    Explain(ExplainArgs),
    /// Tools for checklist authors: validate rule folders, run their test cases.
    Checklist {
        #[command(subcommand)]
        command: ChecklistCommand,
    },
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Only the rules of this risk area.
    #[arg(long, value_enum)]
    pub area: Option<AreaArg>,

    /// Only the rules that apply to this programme type.
    #[arg(long = "type", value_enum)]
    pub r#type: Option<TypeArg>,

    /// Output format; `md` is the full checklist document (docs/checklist.md).
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,

    /// Language of titles, rationales and mitigations.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,

    /// A folder of additional rules (repeatable).
    #[arg(long = "checklist", value_name = "DIR")]
    pub checklists: Vec<PathBuf>,

    /// When to colour the table.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. LIV-001.
    pub id: String,

    /// Language of the explanation.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,

    /// A folder of additional rules (repeatable).
    #[arg(long = "checklist", value_name = "DIR")]
    pub checklists: Vec<PathBuf>,
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

#[derive(Debug, Subcommand)]
pub enum ChecklistCommand {
    /// Check rule folders: schema, unknown fields, field paths, ids, test-case files.
    Validate(ChecklistArgs),
    /// Run the test cases in the folders' `tests/` (the built-in core checklist's when no folder is given).
    Test(ChecklistArgs),
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    /// Rule folders. A folder whose checklist.yaml says `id: core` stands in for the built-in core.
    pub dirs: Vec<PathBuf>,

    /// The day cases are screened on, unless a case gives its own (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Programme files, or folders searched for *.yaml and *.yml. Default: the current folder.
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// With the table: every finding, its evidence, why, source passage and mitigation.
    #[arg(long)]
    pub details: bool,

    /// Exit with status 1 when a programme is rated at or above this.
    #[arg(long, value_enum, default_value_t = FailOn::High)]
    pub fail_on: FailOn,

    /// A folder of additional rules (repeatable).
    #[arg(long = "checklist", value_name = "DIR")]
    pub checklists: Vec<PathBuf>,

    /// The day acceptances are judged against (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,

    /// Language of the human-readable output.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,

    /// When to colour the table. NO_COLOR in the environment always turns colour off.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Largest programme or rule file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::load::Limits::default().max_file_bytes)]
    pub max_file_size: u64,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Programme files, or folders searched for *.yaml and *.yml. Default: the current folder.
    pub paths: Vec<PathBuf>,

    /// Document format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,

    /// Where to write: a folder (one file per programme, named by its id) or a file (one
    /// combined document). Default: standard output, one combined document.
    #[arg(short, long, value_name = "FILE|DIR")]
    pub output: Option<PathBuf>,

    /// One document for all programmes, even when writing to a folder.
    #[arg(long)]
    pub combine: bool,

    /// A folder of templates that replace the built-in ones by name (report.html, report.md, report.css…).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// Language of the report.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,

    /// A folder of additional rules (repeatable).
    #[arg(long = "checklist", value_name = "DIR")]
    pub checklists: Vec<PathBuf>,

    /// The day acceptances are judged against (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,

    /// Largest programme or rule file read, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = crate::load::Limits::default().max_file_bytes)]
    pub max_file_size: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Low,
    Moderate,
    Substantial,
    High,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
