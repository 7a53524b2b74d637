//! The fields of programme format 1, as spec/programme-format.md defines them.
//!
//! A table, not logic. Adding an optional field is a line here (and in the README's format
//! reference); renaming or removing one changes the format and needs a new `format` number.

use super::{FieldSpec, Kind};
use crate::model::ProgrammeType;

const fn field(name: &'static str, kind: Kind, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
        doc,
        question: None,
        safeguard: false,
    }
}

const fn required(name: &'static str, kind: Kind, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: true,
        doc,
        question: None,
        safeguard: false,
    }
}

/// A context or design question: a gap in it is reported with this question.
const fn ask(
    name: &'static str,
    kind: Kind,
    doc: &'static str,
    en: &'static str,
    fr: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
        doc,
        question: Some((en, fr)),
        safeguard: false,
    }
}

/// An answer-like choice (`yes`/`no`/`planned`/`unknown`) whose `yes` claims a safeguard.
const fn claim(
    name: &'static str,
    kind: Kind,
    doc: &'static str,
    en: &'static str,
    fr: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        kind,
        required: false,
        doc,
        question: Some((en, fr)),
        safeguard: true,
    }
}

/// A safeguard: a `yes` without evidence is reported as unsupported.
const fn safeguard(
    name: &'static str,
    doc: &'static str,
    en: &'static str,
    fr: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        kind: Kind::Answer,
        required: false,
        doc,
        question: Some((en, fr)),
        safeguard: true,
    }
}

const LEVELS: &[&str] = &["low", "medium", "high", "unknown"];
const DONE: &[&str] = &["yes", "no", "planned", "unknown"];

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
];
pub const ANTI_CORRUPTION: &[&str] = &[
    "asset_declarations",
    "audits",
    "cash_controls",
    "whistleblowing",
    "e_payments",
    "procurement_oversight",
];

const TEXTS: Kind = Kind::List(&Kind::Text);

/// The top level of a programme file.
pub static ROOT: &[FieldSpec] = &[
    field("format", Kind::Format, "Format version; 1. Absent means 1."),
    required(
        "id",
        Kind::Id,
        "Unique identifier: letters, digits, '.', '_' and '-'.",
    ),
    required("title", Kind::Text, "The programme's title."),
    required(
        "type",
        Kind::Choice(ProgrammeType::NAMES),
        "Programme type.",
    ),
    field(
        "summary",
        Kind::Text,
        "Free text; rules may look for words in it.",
    ),
    field("donor", Kind::Text, "Who funds it."),
    field("implementer", Kind::Text, "Who implements it."),
    field("budget", Kind::Object(BUDGET), "Amount and currency."),
    field("start", Kind::Date, "Start date."),
    field(
        "duration_months",
        Kind::Integer { min: 1, max: 600 },
        "Planned duration in months.",
    ),
    field(
        "stage",
        Kind::Choice(STAGES),
        "Where the programme is in its cycle.",
    ),
    field(
        "screening",
        Kind::Object(SCREENING),
        "Who answered, who checked, when.",
    ),
    field("location", Kind::Object(LOCATION), "Where it works."),
    field(
        "context",
        Kind::Object(CONTEXT),
        "What the design knows about the setting.",
    ),
    field(
        "analysis",
        Kind::Object(ANALYSIS),
        "The analysis the design rests on.",
    ),
    field(
        "partners",
        Kind::List(&Kind::Object(PARTNER)),
        "Organisations it works with or through.",
    ),
    field(
        "activities",
        Kind::List(&Kind::Object(ACTIVITY)),
        "What it does.",
    ),
    field(
        "measures",
        Kind::Object(MEASURES),
        "What it does to manage crime-related harm.",
    ),
    field(
        "accepted_risks",
        Kind::List(&Kind::Object(ACCEPTANCE)),
        "Reviewed decisions to carry a flagged risk.",
    ),
];

static BUDGET: &[FieldSpec] = &[
    required("amount", Kind::Number, "Amount."),
    required(
        "currency",
        Kind::Currency,
        "ISO 4217 code, e.g. EUR, XOF, USD.",
    ),
];

static SCREENING: &[FieldSpec] = &[
    field(
        "prepared_by",
        Kind::Text,
        "Who answered the screening questions.",
    ),
    field("reviewed_by", Kind::Text, "Who checked the answers."),
    field("date", Kind::Date, "When."),
];

static LOCATION: &[FieldSpec] = &[
    field(
        "countries",
        Kind::List(&Kind::Country),
        "ISO 3166-1 alpha-2 codes.",
    ),
    field("regions", TEXTS, "Regions or places."),
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

static CONTEXT: &[FieldSpec] = &[
    ask(
        "informal_economy_dependence",
        Kind::Choice(LEVELS),
        "How much local livelihoods rely on informal or illicit trade.",
        "How much do local livelihoods depend on informal or illicit trade?",
        "Dans quelle mesure les moyens de subsistance locaux dépendent-ils du commerce informel ou illicite ?",
    ),
    ask(
        "illicit_markets",
        Kind::List(&Kind::Choice(ILLICIT_MARKETS)),
        "Illicit markets present in the area.",
        "Which illicit markets operate in the programme area?",
        "Quels marchés illicites sont actifs dans la zone du programme ?",
    ),
    ask(
        "armed_groups_present",
        Kind::Answer,
        "Armed groups are present.",
        "Are armed groups present in the programme area?",
        "Des groupes armés sont-ils présents dans la zone du programme ?",
    ),
    ask(
        "state_presence",
        Kind::Choice(STATE_PRESENCE),
        "How present the state is.",
        "How present is the state (administration, services, security) in the area?",
        "Quel est le degré de présence de l'État (administration, services, sécurité) dans la zone ?",
    ),
    ask(
        "trust_in_security_forces",
        Kind::Choice(LEVELS),
        "How far the population trusts the security forces.",
        "How far does the population trust the security forces?",
        "Quel est le niveau de confiance de la population envers les forces de sécurité ?",
    ),
    ask(
        "arms_availability",
        Kind::Choice(LEVELS),
        "How available arms are.",
        "How widely available are arms in the area?",
        "Quelle est la disponibilité des armes dans la zone ?",
    ),
    ask(
        "corruption_risk",
        Kind::Choice(LEVELS),
        "Risk of corruption among the programme's counterparts.",
        "How high is the risk of corruption among the programme's counterparts?",
        "Quel est le risque de corruption parmi les interlocuteurs du programme ?",
    ),
];

static ANALYSIS: &[FieldSpec] = &[
    field(
        "political_economy",
        Kind::Object(POLITICAL_ECONOMY),
        "Political economy analysis, crime included.",
    ),
    field("conflict", Kind::Object(CONFLICT), "Conflict analysis."),
    field(
        "community_perception",
        Kind::Object(PERCEPTION),
        "Perception surveys.",
    ),
];

static POLITICAL_ECONOMY: &[FieldSpec] = &[
    claim(
        "done",
        Kind::Choice(DONE),
        "yes | no | planned | unknown.",
        "Has a political economy analysis of crime been done for this programme?",
        "Une analyse d'économie politique de la criminalité a-t-elle été réalisée pour ce programme ?",
    ),
    ask(
        "date",
        Kind::Date,
        "When it was done.",
        "When was the political economy analysis done?",
        "À quelle date l'analyse d'économie politique a-t-elle été réalisée ?",
    ),
    ask(
        "by",
        Kind::Choice(ANALYSTS),
        "Who did it: local, international or mixed.",
        "Who did the analysis: local researchers, international experts, or both?",
        "Qui a mené l'analyse : des chercheurs locaux, des experts internationaux, ou les deux ?",
    ),
    ask(
        "covers",
        Kind::List(&Kind::Choice(COVERAGE)),
        "What it covers.",
        "What does the analysis cover (criminal markets, power brokers, livelihoods…)?",
        "Que couvre l'analyse (marchés criminels, intermédiaires du pouvoir, moyens de subsistance…) ?",
    ),
];

static CONFLICT: &[FieldSpec] = &[claim(
    "done",
    Kind::Choice(DONE),
    "yes | no | planned | unknown.",
    "Has a conflict analysis been done?",
    "Une analyse de conflit a-t-elle été réalisée ?",
)];

static PERCEPTION: &[FieldSpec] = &[
    ask(
        "surveys",
        Kind::Integer { min: 0, max: 1000 },
        "Number of perception surveys the programme runs or uses.",
        "How many perception surveys does the programme run or use?",
        "Combien d'enquêtes de perception le programme mène-t-il ou utilise-t-il ?",
    ),
    safeguard(
        "results_shared_with_communities",
        "Survey results are shared back with the communities surveyed.",
        "Are survey results shared back with the communities that answered them?",
        "Les résultats des enquêtes sont-ils restitués aux communautés interrogées ?",
    ),
];

/// One partner, as reached by `any_partner` / `every_partner`.
pub static PARTNER: &[FieldSpec] = &[
    required("name", Kind::Text, "The partner's name."),
    ask(
        "kind",
        Kind::Choice(PARTNER_KINDS),
        "What kind of actor it is.",
        "What kind of actor is this partner?",
        "De quel type d'acteur ce partenaire relève-t-il ?",
    ),
    ask(
        "role",
        Kind::Choice(ROLES),
        "Its role in the programme.",
        "What is this partner's role in the programme?",
        "Quel est le rôle de ce partenaire dans le programme ?",
    ),
    safeguard(
        "vetted",
        "Screened for links to criminal networks or corruption.",
        "Has this partner been screened for links to criminal networks or corruption?",
        "Ce partenaire a-t-il fait l'objet d'une vérification de ses liens avec des réseaux criminels ou la corruption ?",
    ),
    field("vetting_date", Kind::Date, "When it was vetted."),
    field(
        "concerns",
        TEXTS,
        "Notes of alleged links; any entry is a red flag.",
    ),
];

/// One activity, as reached by `any_activity` / `every_activity`.
pub static ACTIVITY: &[FieldSpec] = &[
    required("kind", Kind::Choice(ACTIVITY_KINDS), "Activity kind."),
    field(
        "description",
        Kind::Text,
        "What it does; rules may look for words in it.",
    ),
    field("regions", TEXTS, "Where, when narrower than the programme."),
];

static ALTERNATIVE_LIVELIHOODS: &[FieldSpec] = &[
    safeguard(
        "provided",
        "The programme provides alternative livelihoods.",
        "Does the programme provide alternative livelihoods to people whose income it affects?",
        "Le programme offre-t-il des moyens de subsistance alternatifs aux personnes dont il affecte les revenus ?",
    ),
    safeguard(
        "competitive_with_illicit_income",
        "The alternatives can compete with illicit income.",
        "Can the alternative livelihoods compete with the income from illicit activity?",
        "Les alternatives proposées peuvent-elles rivaliser avec les revenus tirés des activités illicites ?",
    ),
];

static CRIME_MONITORING: &[FieldSpec] = &[
    ask(
        "indicators",
        TEXTS,
        "Indicators of crime dynamics tracked during implementation.",
        "Which indicators of crime dynamics will the programme track during implementation?",
        "Quels indicateurs de la dynamique criminelle le programme suivra-t-il pendant sa mise en œuvre ?",
    ),
    ask(
        "review_months",
        Kind::Integer { min: 1, max: 600 },
        "How often the crime-sensitivity screening is repeated, in months.",
        "How often will the crime-sensitivity screening be repeated?",
        "À quelle fréquence l'analyse de sensibilité à la criminalité sera-t-elle répétée ?",
    ),
];

static MEASURES: &[FieldSpec] = &[
    safeguard(
        "partner_vetting",
        "Partners are screened for links to criminal networks or corruption.",
        "Does the programme screen its partners for links to criminal networks or corruption?",
        "Le programme vérifie-t-il les liens de ses partenaires avec des réseaux criminels ou la corruption ?",
    ),
    ask(
        "anti_corruption",
        Kind::List(&Kind::Choice(ANTI_CORRUPTION)),
        "Anti-corruption controls.",
        "Which anti-corruption controls does the programme apply (audits, cash controls, e-payments…)?",
        "Quels dispositifs anticorruption le programme applique-t-il (audits, contrôle des espèces, paiements électroniques…) ?",
    ),
    safeguard(
        "civilian_oversight",
        "Parliament, civil society or community oversight of the security actors it supports.",
        "Is there civilian oversight (parliament, civil society, communities) of the security actors the programme supports?",
        "Existe-t-il un contrôle civil (parlement, société civile, communautés) des acteurs de sécurité appuyés par le programme ?",
    ),
    safeguard(
        "grievance_mechanism",
        "A channel for complaints from affected people.",
        "Can people affected by the programme complain through a grievance mechanism?",
        "Les personnes affectées par le programme peuvent-elles déposer une plainte par un mécanisme de recours ?",
    ),
    safeguard(
        "informant_protection",
        "Protection of people who give information to the programme.",
        "How does the programme protect people who give it information?",
        "Comment le programme protège-t-il les personnes qui lui fournissent des informations ?",
    ),
    safeguard(
        "data_protection",
        "Protection of the data the programme collects.",
        "Does the programme protect the personal data it collects?",
        "Le programme protège-t-il les données personnelles qu'il collecte ?",
    ),
    field(
        "alternative_livelihoods",
        Kind::Object(ALTERNATIVE_LIVELIHOODS),
        "Alternative livelihoods.",
    ),
    safeguard(
        "community_consultation",
        "Communities were consulted in the design.",
        "Were the affected communities consulted in the design?",
        "Les communautés concernées ont-elles été consultées lors de la conception ?",
    ),
    safeguard(
        "feedback_to_communities",
        "Results are fed back to communities.",
        "Does the programme report back to communities on what it learns and does?",
        "Le programme rend-il compte aux communautés de ce qu'il apprend et de ce qu'il fait ?",
    ),
    safeguard(
        "regional_coordination",
        "Coordination with neighbouring areas or countries, displacement monitoring.",
        "Does the programme coordinate with neighbouring areas and countries to prevent criminal flows moving there?",
        "Le programme se coordonne-t-il avec les zones et pays voisins pour éviter que les flux criminels ne s'y déplacent ?",
    ),
    safeguard(
        "disengagement_conditions",
        "Support or accommodation is conditional on disengagement from illicit activity.",
        "Is support or political accommodation conditional on disengagement from illicit activity?",
        "L'appui ou l'accommodement politique est-il subordonné au désengagement des activités illicites ?",
    ),
    field(
        "crime_monitoring",
        Kind::Object(CRIME_MONITORING),
        "Monitoring of crime dynamics.",
    ),
    safeguard(
        "local_researchers",
        "Local academia or researchers are involved in analysis.",
        "Are local researchers or academics involved in the programme's analysis?",
        "Des chercheurs ou universitaires locaux participent-ils à l'analyse du programme ?",
    ),
];

static ACCEPTANCE: &[FieldSpec] = &[
    required("rule", Kind::Id, "The rule id being accepted."),
    required("reason", Kind::Text, "Why the risk is carried."),
    required("approved_by", Kind::Text, "Who approved it."),
    field(
        "until",
        Kind::Date,
        "After this date the acceptance no longer applies.",
    ),
];
