//! Cross-programme findings: what a portfolio rule found between programmes, naming every
//! programme involved with the file and line of what ties them.
//!
//! Plain data built by the evaluate stage's portfolio join; renderers read it.

use super::programme::Loc;
use super::vocab::{Rating, RiskArea};

/// The part a programme plays in a cross-programme finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    /// The programme the rule's `when` describes.
    This,
    /// The other programme (the rule's `other`).
    Other,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::This => "this",
            Role::Other => "other",
        }
    }
}

/// The field that ties a programme to the others of a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tie {
    /// `location.regions[n]`
    Region(u32),
    /// `partners[n]`
    Partner(u32),
    /// `location.regions`
    Regions,
}

impl std::fmt::Display for Tie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tie::Region(n) => write!(f, "location.regions[{n}]"),
            Tie::Partner(n) => write!(f, "partners[{n}]"),
            Tie::Regions => f.write_str("location.regions"),
        }
    }
}

/// A programme involved in a cross-programme finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Involved {
    /// The programme's position in the report's screenings (sorted by file, then id).
    pub programme: usize,
    pub role: Role,
    /// What ties it to the others.
    pub field: Tie,
    pub loc: Loc,
}

/// One cross-programme finding.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioFinding {
    pub rule: String,
    pub risk_area: RiskArea,
    pub impact: u8,
    pub likelihood: u8,
    pub significance: u8,
    pub rating: Rating,
    /// The region or partner the programmes share, or the programme's regions when the rule
    /// finds that no other programme is there.
    pub shared: String,
    pub involved: Vec<Involved>,
}
