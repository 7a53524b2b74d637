//! The crate's vocabulary: programmes, rules, findings, screenings and reports.
//!
//! Types only, shared by every stage. Nothing here reads files, parses YAML or renders output.

pub mod amount;
pub mod choice;
pub mod date;
pub mod facts;
pub mod field_test;
pub mod notice;
pub mod portfolio;
pub mod problem;
pub mod programme;
pub mod rating;
pub mod report;
pub mod rule;
pub mod vocab;

pub use amount::Amount;
pub use choice::{FailOn, Lang};
pub use date::Date;
pub use facts::{Facts, Mark, PartnerFact};
pub use field_test::{Context, FieldTest, Observed};
pub use notice::Notice;
pub use portfolio::{Involved, PortfolioFinding, Role, Tie};
pub use problem::{Kind as ProblemKind, Problem};
pub use programme::{Acceptance, Field, Loc, Lookup, Object, Programme, Value};
pub use rating::{Rated, rate};
pub use report::{Basis, Change, Completeness, Evidence, Finding, Gap, Report, Screening, Status};
pub use rule::{Body, Checklist, Condition, Modifier, OnProgramme, Rule, RuleKind, Text};
pub use vocab::{Answer, ProgrammeType, Rating, RiskArea, Tri};
