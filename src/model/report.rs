//! Findings, screenings and the report: what the evaluate and score stages produce and every
//! renderer reads.
//!
//! Plain data. Renderers must be able to write any format from a `Report` alone, so everything
//! a report shows is here; nothing here re-reads files or re-runs rules.

use super::date::Date;
use super::problem::Problem;
use super::programme::{Acceptance, Loc};
use super::rule::Checklist;
use super::vocab::{ProgrammeType, Rating, RiskArea};

/// One field that contributed to a finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Field path, with list positions: `partners[0].vetted`.
    pub field: String,
    /// The written value as text; `None` when the field is absent.
    pub value: Option<String>,
    /// The value's position, or its nearest written parent's when absent.
    pub loc: Loc,
    /// True when the field is absent or `unknown`.
    pub gap: bool,
}

/// What became of a finding once acceptances were considered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    Accepted,
    ExpiredAcceptance,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Accepted => "accepted",
            Status::ExpiredAcceptance => "expired_acceptance",
        }
    }

    /// Whether the finding counts towards the programme's rating.
    pub fn counts(self) -> bool {
        self != Status::Accepted
    }
}

/// What a finding rests on: answers the design states, or only answers it leaves out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// At least one stated answer raised it.
    Evidenced,
    /// Raised only on what the design does not state (a gap finding, or every field behind
    /// it absent or `unknown`): a question to answer, still counted (a missing answer is
    /// never safe).
    Unverified,
}

impl Basis {
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Evidenced => "evidenced",
            Basis::Unverified => "unverified",
        }
    }

    /// The basis of a finding from its gap flag and its evidence.
    pub fn of(gap: bool, evidence: &[Evidence]) -> Basis {
        if gap || (!evidence.is_empty() && evidence.iter().all(|e| e.gap)) {
            Basis::Unverified
        } else {
            Basis::Evidenced
        }
    }
}

/// One change to the design and the findings it answers: a safeguard put in place (one
/// change may set several fields, e.g. vetting every partner and the programme's vetting),
/// or, when no safeguard answers a finding, that finding's own mitigation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The safeguard fields the change answers `yes` (`measures.partner_vetting`,
    /// `partners[].vetted`); empty for a finding no safeguard answers.
    pub safeguards: Vec<String>,
    /// The rule ids of the counting findings it answers, in the findings' order.
    pub answers: Vec<String>,
    /// The programme's rating without the findings it answers.
    pub rating_after: Rating,
    /// The sum of the significances of the findings it answers.
    pub significance_removed: u32,
}

impl Change {
    /// The change's stable key: its first safeguard, or the rule it stands for.
    pub fn key(&self) -> &str {
        self.safeguards.first().or(self.answers.first()).map_or("", String::as_str)
    }
}

/// How many of the key questions a design's type, partners and activities raise it answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Completeness {
    pub asked: u16,
    pub answered: u16,
}

impl Completeness {
    /// The share answered, in whole percent (100 when nothing was asked).
    pub fn percent(self) -> u32 {
        if self.asked == 0 { 100 } else { u32::from(self.answered) * 100 / u32::from(self.asked) }
    }
}

/// One rule raised on one programme, scored.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: String,
    /// The rule's position among the run's rules.
    pub rule_index: u16,
    pub kind: super::rule::RuleKind,
    pub risk_area: RiskArea,
    pub impact: u8,
    pub likelihood: u8,
    pub significance: u8,
    pub rating: Rating,
    /// The floor that raised the rating above what the significance gives, if one did.
    pub floor: Option<Rating>,
    pub status: Status,
    pub gap: bool,
    /// Whether a stated answer raised it, or only missing ones.
    pub basis: Basis,
    pub evidence: Vec<Evidence>,
    /// Index of the evidence the finding points at (its location).
    pub primary: usize,
    /// The finding's field as a path that survives reordering: with the programme id and rule
    /// id, the finding's identity for baselines and fingerprints (never the line number).
    pub key: String,
    /// Matched by the baseline given with `--baseline`: known, so not counted for `--fail-on`.
    pub known: bool,
    pub acceptance: Option<Box<Acceptance>>,
    /// Set when the rule judges safeguards the design claims and would rate the finding above
    /// the design without those claims: the rating it would have had, and the safeguards.
    /// `rating` is then the capped one.
    pub capped: Option<Box<(Rating, Vec<String>)>>,
}

impl Finding {
    /// Where the finding points: the field that triggered it, or its nearest written parent.
    pub fn location(&self) -> Option<&Evidence> {
        self.evidence.get(self.primary)
    }
}

/// A counting finding in eight bytes: what tables and portfolio aggregates need of it, kept
/// when a summary run drops the findings themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Raised {
    /// The rule's position among the run's rules (`Report::rule_at`).
    pub rule: u16,
    pub rating: Rating,
    pub risk_area: RiskArea,
    pub known: bool,
}

/// A question the design leaves unanswered.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    pub field: String,
    pub loc: Loc,
    /// Absent (`false`) or written as `unknown` (`true`).
    pub written_unknown: bool,
}

/// A `yes` on a safeguard with no evidence given.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Unsupported {
    pub field: String,
    pub loc: Loc,
}

/// A programme's screening: its findings, scored, and what they ask for.
#[derive(Clone, Debug, PartialEq)]
pub struct Screening {
    pub file: String,
    pub id: String,
    pub title: String,
    pub kind: ProgrammeType,
    pub rating: Rating,
    pub score: u32,
    pub findings: Vec<Finding>,
    pub gaps: Vec<Gap>,
    /// How many gaps, kept when a summary run drops the list itself.
    pub gap_count: usize,
    pub unsupported: Vec<Unsupported>,
    /// The consolidated changes the findings ask for, most rating removed first (computed
    /// only for runs that show them; empty otherwise).
    pub changes: Vec<Change>,
    /// How many of the key questions of its type, partners and activities the design answers.
    pub completeness: Completeness,
    /// Highest counting rating per risk area, in risk-area order.
    pub risk_areas: Vec<(RiskArea, Rating)>,
    /// Screening metadata as written: prepared by, reviewed by (boxed: rarely read), date.
    pub people: Option<Box<(Option<String>, Option<String>)>>,
    pub screening_date: Option<Date>,
    /// Every counting finding, compactly (filled even when `findings` is dropped).
    pub raised: Vec<Raised>,
    /// Acceptances whose rule raised no finding: nothing left to accept.
    pub stale_acceptances: Vec<Acceptance>,
    /// What a portfolio needs of the programme.
    pub facts: super::facts::Facts,
    /// How many partners, contacts and activities the programme marks `sensitive: yes`.
    pub sensitive: u16,
}

impl Screening {
    /// How many names marked sensitive this screening's output withholds.
    pub fn withheld(&self, report: &Report) -> u16 {
        if report.show_sensitive { 0 } else { self.sensitive }
    }

    /// Findings that count towards the rating.
    pub fn counting(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status.counts())
    }
}

/// The result of one run: every screening, every problem, and the rules behind them.
#[derive(Clone, Debug)]
pub struct Report {
    pub tool_version: String,
    pub checklists: Vec<Checklist>,
    pub screenings: Vec<Screening>,
    pub errors: Vec<Problem>,
    /// What was read but should be written otherwise (an older spelling in a rule file).
    pub warnings: Vec<Problem>,
    /// The day acceptances were judged against.
    pub today: Date,
    /// Audit mode: acceptances were ignored.
    pub ignore_acceptances: bool,
    /// Whether findings were compared with a baseline (`Finding::known`).
    pub baseline_used: bool,
    /// `--show-sensitive`: names marked sensitive are shown, not withheld.
    pub show_sensitive: bool,
    /// Every name the run's programmes mark sensitive: never rendered.
    pub sensitive_names: Vec<String>,
    /// What the run's settings turned off or left out, stated in every output.
    pub notices: Vec<super::notice::Notice>,
}

impl Report {
    /// The rule at a position among the run's rules (all checklists, in order).
    pub fn rule_at(&self, index: u16) -> Option<&super::rule::Rule> {
        self.checklists.iter().flat_map(|c| c.rules.iter()).nth(usize::from(index))
    }

    /// Looks a rule up by id across the loaded checklists.
    pub fn rule(&self, id: &str) -> Option<&super::rule::Rule> {
        self.checklists.iter().flat_map(|c| c.rules.iter()).find(|r| r.id == id)
    }
}
