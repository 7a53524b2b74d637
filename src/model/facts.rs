//! What a portfolio needs to know of each programme once it is screened: where it works, its
//! budget, stage and dates, its partners, and what the portfolio rules' conditions said of it.
//! Kept instead of the parsed document, so memory stays bounded as the portfolio grows.
//!
//! Plain data, built by the evaluate stage; nothing here evaluates or renders.

use super::date::Date;
use super::programme::Loc;
use super::vocab::Answer;

/// One partner, as the portfolio compares partners across programmes.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerFact {
    /// As shown: `[withheld]` once a name marked sensitive is withheld.
    pub name: String,
    pub kind: Option<&'static str>,
    pub role: Option<&'static str>,
    /// `None` when the design does not say.
    pub vetted: Option<Answer>,
    pub concerns: u16,
    pub loc: Loc,
}

/// What the conditions of one portfolio rule said of a programme (only rules where
/// something held are kept).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Index of the rule among the run's portfolio rules.
    pub rule: u16,
    /// The rule's `when` holds: the programme can be the one the finding is about.
    pub this: bool,
    /// The rule's `other` holds: the programme can be the other one.
    pub other: bool,
    /// Partners (by index) that meet the rule's `partner_where`; all when it has none.
    pub partners: Vec<u32>,
}

/// A programme's portfolio facts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// Regions as written, with their positions.
    pub regions: Vec<(String, Loc)>,
    /// Amount and currency.
    pub budget: Option<(f64, String)>,
    /// Where the budget's amount is written.
    pub budget_loc: Loc,
    pub stage: Option<&'static str>,
    pub start: Option<Date>,
    pub duration_months: Option<u32>,
    pub review_months: Option<u32>,
    pub partners: Vec<PartnerFact>,
    pub marks: Vec<Mark>,
    /// Partners whose name is withheld, by position, with the name as written folded: what
    /// programmes are joined on. Never shown; empty unless a name is withheld.
    pub joined_as: Vec<(u32, String)>,
}
