//! Command-line definitions (clap derive) and nothing else: no behaviour lives here.
//! Settings that a configuration file may also give are `Option`s here, so the app can tell
//! a flag from a default.

mod values;

pub use values::{
    AreaArg, ColorChoice, DiffFormat, FailOn, Format, PortfolioFormat, ReportFormat, RulesFormat, ShellArg, TypeArg,
};

use crate::model::Lang;
use clap::{Args, Parser, Subcommand};
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
    /// Screen a portfolio: ratings, risk areas by region, budgets, shared partners, screenings
    /// due, and findings between programmes.
    Portfolio(PortfolioArgs),
    /// What changed between two versions of a design: findings resolved, new and re-rated,
    /// gaps filled, the rating before and after.
    Diff(DiffArgs),
    /// List the rules of the checklist (filter by risk area and programme type).
    Rules(RulesArgs),
    /// Print one rule in full: what it checks, why, the source passage, the mitigation, an example.
    Explain(ExplainArgs),
    /// Tools for checklist authors: validate rule folders, run their test cases.
    Checklist {
        #[command(subcommand)]
        command: ChecklistCommand,
    },
    /// Turn published records into programme files (IATI activity XML, standard 2.01–2.03).
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Print the JSON Schema (draft-07) of the programme format (or of rule files, or of rule
    /// test-case files), for editors and validators.
    Schema(SchemaArgs),
    /// Write a commented skeleton of a programme of the given type.
    New(NewArgs),
    /// Print the effective configuration and where each value comes from.
    Config(ConfigArgs),
    /// Print a shell completion script.
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the man page (roff).
    Manpage,
}

/// What every screening command shares.
#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// Programme files, or folders searched for *.yaml and *.yml. Default: the current folder.
    pub paths: Vec<PathBuf>,

    /// A folder of additional rules (repeatable; added to those of the configuration file).
    #[arg(long = "checklist", value_name = "DIR")]
    pub checklists: Vec<PathBuf>,

    /// The day acceptances are judged against (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,

    /// Language of the human-readable output.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,

    /// Audit mode: screen as if no risk had been accepted.
    #[arg(long)]
    pub ignore_acceptances: bool,

    /// Show the names of partners, contacts and activities marked `sensitive: yes` (withheld
    /// from every output otherwise). A flag only: no configuration file can turn it on.
    #[arg(long)]
    pub show_sensitive: bool,

    /// Largest programme or rule file read, in bytes (default 8 MiB).
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,

    /// Deepest nesting of mappings and lists in a file (default 32; the YAML reader nests at
    /// most 255 levels).
    #[arg(long, value_name = "N", value_parser = depth)]
    pub max_depth: Option<usize>,

    /// Most alias references (`*name`) in a file (default 100).
    #[arg(long, value_name = "N")]
    pub max_aliases: Option<usize>,

    /// Most YAML nodes in a file (default 100000).
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,

    /// The configuration file to use (default: dnh-screen.yaml or .dnh-screen.yaml in the
    /// current folder or its parents).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no configuration file.
    #[arg(long)]
    pub no_config: bool,

    /// For untrusted pull requests: do not read the dnh-screen.yaml found in the current folder
    /// or its parents (nor so its checklists, templates, baseline, ignore and fail_on), and
    /// screen files that git ignores too. `--config FILE` is still read. Also set by
    /// DNH_SCREEN_NO_REPO_CONFIG=1.
    #[arg(long)]
    pub strict_config: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub screen: ScreenArgs,

    /// Output format on standard output.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Also write FORMAT to PATH (repeatable), e.g. --output sarif=results.sarif.
    #[arg(long = "output", value_name = "FORMAT=PATH")]
    pub outputs: Vec<String>,

    /// With the table: every finding, its evidence, why, source passage and mitigation.
    #[arg(long)]
    pub details: bool,

    /// Exit with status 1 when a programme is rated at or above this (default: high).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// Only findings not in this baseline count towards --fail-on; the others are marked known.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Record today's open findings in FILE, as a baseline for later runs.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// When to colour the table. NO_COLOR in the environment always turns colour off.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub screen: ScreenArgs,

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
}

#[derive(Debug, Args)]
pub struct PortfolioArgs {
    #[command(flatten)]
    pub screen: ScreenArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = PortfolioFormat::Table)]
    pub format: PortfolioFormat,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// A folder of templates that replace the built-in ones by name (portfolio.html, portfolio.md…).
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,

    /// When to colour the tables. NO_COLOR in the environment always turns colour off.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier version of the programme file.
    pub old: PathBuf,
    /// The later version.
    pub new: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,

    #[command(flatten)]
    pub screen: ScreenArgs,
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

#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// One programme file per IATI activity, named from its identifier; what IATI does not say
    /// about crime-related harm stays out, to show as information gaps.
    Iati(ImportIatiArgs),
}

#[derive(Debug, Args)]
pub struct ImportIatiArgs {
    /// IATI activity files (XML, standard 2.01–2.03).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,

    /// The folder the programme files are written to (created when missing).
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    /// Only activities with one of these recipient countries (ISO codes, comma-separated).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub country: Vec<String>,

    /// Only activities with a DAC sector starting with one of these codes (comma-separated).
    #[arg(long, value_name = "PREFIXES", value_delimiter = ',')]
    pub sector: Vec<String>,

    /// The narrative language to take when an activity gives several (else its own default
    /// language, else the first given).
    #[arg(long, value_enum, default_value_t = Lang::En)]
    pub lang: Lang,

    /// Overwrite programme files that exist and differ from what the import would write
    /// (by default they are kept, in case they were completed by hand).
    #[arg(long)]
    pub force: bool,
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
    /// Rule folders. A folder whose checklist.yaml says `id: core` stands in for the built-in core
    /// (here only: screening commands refuse it).
    pub dirs: Vec<PathBuf>,

    /// The day cases are screened on, unless a case gives its own (YYYY-MM-DD). Default: today.
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of rule files (`checklists/<area>/<ID>.yaml`) instead.
    #[arg(long, conflicts_with = "cases")]
    pub rules: bool,

    /// The schema of rule test-case files (`tests/<ID>.yaml` in a checklist folder) instead.
    #[arg(long)]
    pub cases: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The programme type.
    #[arg(long = "type", value_enum)]
    pub r#type: TypeArg,

    /// Write to FILE instead of standard output (never overwrites an existing file).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The configuration file to use (default: found in the current folder or its parents).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Use no configuration file.
    #[arg(long)]
    pub no_config: bool,

    /// For untrusted pull requests: do not read the dnh-screen.yaml found in the current folder
    /// or its parents (nor so its checklists, templates, baseline, ignore and fail_on), and
    /// screen files that git ignores too. `--config FILE` is still read. Also set by
    /// DNH_SCREEN_NO_REPO_CONFIG=1.
    #[arg(long)]
    pub strict_config: bool,
}

/// `--max-depth`: a number no larger than the YAML reader can nest.
fn depth(text: &str) -> Result<usize, String> {
    let n: usize = text.parse().map_err(|_| format!("`{text}` is not a whole number"))?;
    if n > crate::load::DEEPEST {
        return Err(format!(
            "{n} is more than the YAML reader can nest: it reads at most {} levels of mappings and lists",
            crate::load::DEEPEST
        ));
    }
    Ok(n)
}
