//! Format 1: what the design knows about its setting (`context`) and the analysis it rests
//! on (`analysis`). A table, not logic.

use super::{ANALYSTS, COVERAGE, DONE, ILLICIT_MARKETS, LEVELS, STATE_PRESENCE, ask, claim, field, safeguard};
use crate::schema::{FieldSpec, Kind};

pub(super) static CONTEXT: &[FieldSpec] = &[
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
    ask(
        "active_conflict",
        Kind::Answer,
        "Armed conflict is going on in the area now.",
        "Is there active armed conflict in the programme area?",
        "Un conflit armé est-il en cours dans la zone du programme ?",
    ),
    ask(
        "settlement_talks",
        Kind::Answer,
        "Peace or settlement talks are under way that concern the area.",
        "Are peace or settlement talks under way that concern the programme area?",
        "Des négociations de paix ou d'accord sont-elles en cours pour la zone du programme ?",
    ),
];

pub(super) static ANALYSIS: &[FieldSpec] = &[
    field("political_economy", Kind::Object(POLITICAL_ECONOMY), "Political economy analysis, crime included."),
    field("conflict", Kind::Object(CONFLICT), "Conflict analysis."),
    field("community_perception", Kind::Object(PERCEPTION), "Perception surveys."),
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
