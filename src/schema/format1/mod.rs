//! The fields of programme format 1, as spec/programme-format.md defines them.
//!
//! A table, not logic. Adding an optional field is a line here (and in the README's format
//! reference); renaming or removing one changes the format and needs a new `format` number.

mod analysis;
mod measures;

use super::{FieldSpec, Kind};
use crate::model::ProgrammeType;
use analysis::{ANALYSIS, CONTEXT};
use measures::{ACCEPTANCE, MEASURES};
pub use measures::{ACTIVITY, CONTACT, PARTNER};

pub(super) const fn field(name: &'static str, kind: Kind, doc: &'static str) -> FieldSpec {
    FieldSpec { name, kind, required: false, doc, question: None, safeguard: false }
}

pub(super) const fn required(name: &'static str, kind: Kind, doc: &'static str) -> FieldSpec {
    FieldSpec { name, kind, required: true, doc, question: None, safeguard: false }
}

/// A context or design question: a gap in it is reported with this question.
pub(super) const fn ask(
    name: &'static str,
    kind: Kind,
    doc: &'static str,
    en: &'static str,
    fr: &'static str,
) -> FieldSpec {
    FieldSpec { name, kind, required: false, doc, question: Some((en, fr)), safeguard: false }
}

/// An answer-like choice (`yes`/`no`/`planned`/`unknown`) whose `yes` claims a safeguard.
pub(super) const fn claim(
    name: &'static str,
    kind: Kind,
    doc: &'static str,
    en: &'static str,
    fr: &'static str,
) -> FieldSpec {
    FieldSpec { name, kind, required: false, doc, question: Some((en, fr)), safeguard: true }
}

/// A safeguard: a `yes` without evidence is reported as unsupported.
pub(super) const fn safeguard(name: &'static str, doc: &'static str, en: &'static str, fr: &'static str) -> FieldSpec {
    FieldSpec { name, kind: Kind::Answer, required: false, doc, question: Some((en, fr)), safeguard: true }
}

pub(super) const LEVELS: &[&str] = &["low", "medium", "high", "unknown"];
pub(super) const DONE: &[&str] = &["yes", "no", "planned", "unknown"];
pub(super) const YES_NO: &[&str] = &["yes", "no"];

pub const STAGES: &[&str] = &["concept", "design", "approved", "implementation", "closed"];
pub const STATE_PRESENCE: &[&str] = &["absent", "weak", "partial", "strong", "unknown"];
pub const ANALYSTS: &[&str] = &["local", "international", "mixed"];
pub const ROLES: &[&str] = &["implementing", "beneficiary", "co_funder", "subcontractor"];
pub const ILLICIT_MARKETS: &[&str] = &[
    "drugs",
    "arms",
    "fuel",
    "cigarettes",
    "medicines",
    "vehicles",
    "migrant_smuggling",
    "human_trafficking",
    "kidnapping",
    "gold",
    "wildlife",
    "banditry",
    "money_laundering",
];
pub const COVERAGE: &[&str] = &[
    "criminal_markets",
    "power_brokers",
    "livelihoods",
    "corruption",
    "armed_groups",
    "gender",
    "cross_border",
    "state_complicity",
];
pub const PARTNER_KINDS: &[&str] = &[
    "government",
    "security_forces",
    "local_authority",
    "armed_group",
    "civil_society",
    "community",
    "religious_leader",
    "traditional_leader",
    "womens_organisation",
    "media",
    "academia",
    "private_sector",
    "international",
    "self_defence_group",
    "private_security",
];
pub const ACTIVITY_KINDS: &[&str] = &[
    "training",
    "equipment",
    "infrastructure",
    "patrols",
    "checkpoints",
    "trade_restrictions",
    "surveillance",
    "intelligence_sharing",
    "cash_transfers",
    "livelihoods",
    "reintegration",
    "community_dialogue",
    "data_collection",
    "legal_reform",
    "prosecution",
    "awareness",
    "regional_cooperation",
    "media",
    "research",
    "mediation",
    "vocational_training",
];
pub const COMPOSITIONS: &[&str] = &["single_community", "mixed", "unknown"];
pub const PLACES: &[&str] = &["border_crossing", "trade_route", "market", "town", "rural", "airport"];
pub const SUPPLIES: &[&str] =
    &["vehicles", "motorcycles", "fuel", "phones", "radios", "driving_lessons", "cash", "weapons"];
pub const ZONES: &[&str] = &["north", "centre", "south"];
pub const ANTI_CORRUPTION: &[&str] =
    &["asset_declarations", "audits", "cash_controls", "whistleblowing", "e_payments", "procurement_oversight"];

pub(super) const TEXTS: Kind = Kind::List(&Kind::Text);

/// The top level of a programme file.
pub static ROOT: &[FieldSpec] = &[
    field("format", Kind::Format, "Format version; 1. Absent means 1."),
    required("id", Kind::Id, "Unique identifier: letters, digits, '.', '_' and '-'."),
    required("title", Kind::Text, "The programme's title."),
    required("type", Kind::Choice(ProgrammeType::NAMES), "Programme type."),
    field("summary", Kind::Text, "Free text; rules may look for words in it."),
    field("donor", Kind::Text, "Who funds it."),
    field("implementer", Kind::Text, "Who implements it."),
    field("budget", Kind::Object(BUDGET), "Amount and currency."),
    field("start", Kind::Date, "Start date."),
    field("duration_months", Kind::Integer { min: 1, max: 600 }, "Planned duration in months."),
    field("stage", Kind::Choice(STAGES), "Where the programme is in its cycle."),
    field("screening", Kind::Object(SCREENING), "Who answered, who checked, when."),
    field("location", Kind::Object(LOCATION), "Where it works."),
    field("context", Kind::Object(CONTEXT), "What the design knows about the setting."),
    field("analysis", Kind::Object(ANALYSIS), "The analysis the design rests on."),
    field("beneficiaries", TEXTS, "Who benefits: groups, communities, units."),
    field("partners", Kind::List(&Kind::Object(PARTNER)), "Organisations it works with or through."),
    field("activities", Kind::List(&Kind::Object(ACTIVITY)), "What it does."),
    field(
        "contacts",
        Kind::List(&Kind::Object(CONTACT)),
        "People it deals with: focal points, interlocutors, sources.",
    ),
    field("measures", Kind::Object(MEASURES), "What it does to manage crime-related harm."),
    field("accepted_risks", Kind::List(&Kind::Object(ACCEPTANCE)), "Reviewed decisions to carry a flagged risk."),
];

static BUDGET: &[FieldSpec] = &[
    required("amount", Kind::Number, "Amount."),
    required("currency", Kind::Currency, "ISO 4217 code, e.g. EUR, XOF, USD."),
];

static SCREENING: &[FieldSpec] = &[
    field("prepared_by", Kind::Text, "Who answered the screening questions."),
    field("reviewed_by", Kind::Text, "Who checked the answers."),
    field("date", Kind::Date, "When."),
];

static LOCATION: &[FieldSpec] = &[
    field("countries", Kind::List(&Kind::Country), "ISO 3166-1 alpha-2 codes."),
    field("regions", TEXTS, "Regions or places."),
    field(
        "zones",
        Kind::List(&Kind::Choice(ZONES)),
        "Mali's north, centre or south; derived from `regions` (data/mali-zones.yaml) when not given.",
    ),
    ask(
        "border_areas",
        Kind::Answer,
        "Works in border zones.",
        "Does the programme work in border zones?",
        "Le programme intervient-il dans des zones frontalières ?",
    ),
    ask(
        "remote",
        Kind::Answer,
        "Remote areas with little state presence or service delivery.",
        "Does the programme work in remote areas with little state presence or few services?",
        "Le programme intervient-il dans des zones reculées, où l'État et les services sont peu présents ?",
    ),
];
