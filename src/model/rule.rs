//! A validated checklist rule and its condition language.
//!
//! Only the checklist loader builds these, from rule files; the evaluator reads them. Nothing
//! here parses YAML or knows any particular rule: rules are data.

use super::field_test::FieldTest;
use super::programme::Loc;
use super::vocab::{ProgrammeType, Rating, RiskArea};

/// A text in the two languages of the reports. English is always present.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub en: String,
    pub fr: Option<String>,
}

impl Text {
    pub fn english(en: impl Into<String>) -> Text {
        Text { en: en.into(), fr: None }
    }

    /// The text in `lang` (`fr`), falling back to English when no translation exists.
    pub fn get(&self, lang: &str) -> &str {
        match (lang, &self.fr) {
            ("fr", Some(fr)) => fr,
            _ => &self.en,
        }
    }
}

/// A literal a condition compares with.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    Text(String),
    Number(f64),
}

impl Literal {
    pub fn display(&self) -> String {
        match self {
            Literal::Text(s) => s.clone(),
            Literal::Number(n) => super::programme::format_number(*n),
        }
    }
}

/// The texts a `mentions` test searches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSource {
    Title,
    Summary,
    Activities,
}

/// Which list a quantifier ranges over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListName {
    Partners,
    Activities,
}

impl ListName {
    pub fn field(self) -> &'static str {
        match self {
            ListName::Partners => "partners",
            ListName::Activities => "activities",
        }
    }
}

/// A word to look for: whole word, or a prefix when written with a trailing `*`.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// Lower case, accents removed, split into words (a phrase has several).
    pub parts: Vec<String>,
    pub prefix: bool,
    pub written: String,
}

/// A rule's condition, evaluated in three-valued logic.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Test {
        field: String,
        /// The operator and what it compares with (see the `lang` module).
        test: std::sync::Arc<dyn FieldTest>,
        /// What an absent or `unknown` value means; `None` is "unknown".
        if_missing: Option<bool>,
    },
    Mentions {
        words: Vec<Word>,
        sources: Vec<TextSource>,
        /// The same words, compiled for one pass over a text.
        matcher: crate::text::mentions::Mentions,
    },
    Quantified {
        list: ListName,
        every: bool,
        condition: Box<Condition>,
    },
}

/// A context adjustment of impact and likelihood, applied when its condition holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Modifier {
    pub when: Condition,
    pub impact: i8,
    pub likelihood: i8,
    pub floor: Option<Rating>,
}

/// Where a rule rests in the source report.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub section: String,
    pub quote: String,
    pub fr: Option<String>,
}

/// What a rule finds: a risk to the programme's context, or answers that cannot all be true.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    Risk,
    /// Raised only on stated answers (never on gaps): the design contradicts itself.
    Contradiction,
    /// Looks at two or more programmes of a portfolio (see `PortfolioMatch`).
    Portfolio,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Risk => "risk",
            RuleKind::Contradiction => "contradiction",
            RuleKind::Portfolio => "portfolio",
        }
    }
}

/// What ties two programmes together in a portfolio rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sharing {
    /// They name a region in common.
    Region,
    /// They name a partner in common (compared without case or accents).
    Partner,
    /// One works in a region next to one of the other's (by the neighbouring-regions table).
    NeighbouringRegion,
}

impl Sharing {
    pub fn as_str(self) -> &'static str {
        match self {
            Sharing::Region => "region",
            Sharing::Partner => "partner",
            Sharing::NeighbouringRegion => "neighbouring_region",
        }
    }
}

/// The cross-programme part of a portfolio rule: the rule's `when` holds for the programme
/// the finding is about; `other` for another programme sharing something with it.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioMatch {
    pub other: Condition,
    pub sharing: Sharing,
    /// With `sharing: partner`, a condition the shared partner meets in at least one of them.
    pub partner_where: Option<Condition>,
    /// `true`: raised when such another programme exists; `false`: when none does.
    pub other_exists: bool,
}

/// What a rule holds beyond what every rule has: for each kind, only what it honours.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// `kind: risk` (the default) and `kind: contradiction`: evaluated on each programme of
    /// the types it applies to, its rating adjusted by its modifiers.
    Programme(OnProgramme),
    /// `kind: portfolio`: evaluated across the programmes of a run, on every type, rated on
    /// its own impact and likelihood (no modifiers).
    Portfolio(PortfolioMatch),
}

/// The body of a rule evaluated on one programme.
#[derive(Clone, Debug, PartialEq)]
pub struct OnProgramme {
    /// A contradiction check rather than a risk.
    pub contradiction: bool,
    /// `None` applies to every programme type.
    pub applies_to: Option<Vec<ProgrammeType>>,
    pub modifiers: Vec<Modifier>,
}

/// One rule of a checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub id: String,
    pub title: Text,
    pub risk_area: RiskArea,
    pub when: Condition,
    pub impact: u8,
    pub likelihood: u8,
    pub floor: Option<Rating>,
    pub rationale: Text,
    pub source: Source,
    pub mitigation: Text,
    pub references: Vec<String>,
    /// What its kind adds.
    pub body: Body,
    /// The checklist it came from, and the file it was read from.
    pub checklist: String,
    pub file: String,
    pub loc: Loc,
}

impl Rule {
    pub fn kind(&self) -> RuleKind {
        match &self.body {
            Body::Programme(OnProgramme { contradiction: false, .. }) => RuleKind::Risk,
            Body::Programme(OnProgramme { contradiction: true, .. }) => RuleKind::Contradiction,
            Body::Portfolio(_) => RuleKind::Portfolio,
        }
    }

    /// Whether it looks at programmes of this type (a portfolio rule looks at every type).
    pub fn applies_to(&self, kind: ProgrammeType) -> bool {
        self.types().is_none_or(|types| types.contains(&kind))
    }

    /// The programme types it names, or `None` for every type.
    pub fn types(&self) -> Option<&[ProgrammeType]> {
        match &self.body {
            Body::Programme(p) => p.applies_to.as_deref(),
            Body::Portfolio(_) => None,
        }
    }

    /// Its modifiers (a portfolio rule has none).
    pub fn modifiers(&self) -> &[Modifier] {
        match &self.body {
            Body::Programme(p) => &p.modifiers,
            Body::Portfolio(_) => &[],
        }
    }

    /// The cross-programme match of a portfolio rule.
    pub fn portfolio(&self) -> Option<&PortfolioMatch> {
        match &self.body {
            Body::Portfolio(p) => Some(p),
            Body::Programme(_) => None,
        }
    }
}

/// A named, versioned set of rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Checklist {
    pub id: String,
    pub version: String,
    pub title: String,
    pub rules: Vec<Rule>,
}
