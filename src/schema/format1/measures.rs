//! Format 1: partners, activities, the measures a design takes against crime-related harm,
//! and accepted risks. A table, not logic.

use super::{
    ACTIVITY_KINDS, ANTI_CORRUPTION, COMPOSITIONS, PARTNER_KINDS, PLACES, ROLES, SUPPLIES, TEXTS, YES_NO, ask, field,
    required, safeguard,
};
use crate::schema::{FieldSpec, Kind};

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
    ask(
        "armed",
        Kind::Answer,
        "Whether its members bear arms (a vigilance committee, an escort, a militia).",
        "Do this partner's members bear arms?",
        "Les membres de ce partenaire portent-ils des armes ?",
    ),
    ask(
        "composition",
        Kind::Choice(COMPOSITIONS),
        "Its communal make-up: single_community, mixed or unknown.",
        "Are this partner's members drawn from one community or from several?",
        "Les membres de ce partenaire sont-ils issus d'une seule communauté ou de plusieurs ?",
    ),
    field("concerns", TEXTS, "Notes of alleged links; any entry is a red flag."),
    field(
        "sensitive",
        Kind::Choice(YES_NO),
        "`yes`: its name is withheld from every output unless `--show-sensitive` is given.",
    ),
];

/// One activity, as reached by `any_activity` / `every_activity`.
pub static ACTIVITY: &[FieldSpec] = &[
    required("kind", Kind::Choice(ACTIVITY_KINDS), "Activity kind."),
    field("description", Kind::Text, "What it does; rules may look for words in it."),
    field("regions", TEXTS, "Where, when narrower than the programme."),
    field(
        "where",
        Kind::List(&Kind::Choice(PLACES)),
        "Kind of place: border_crossing, trade_route, market, town, rural, airport.",
    ),
    field(
        "supplies",
        Kind::List(&Kind::Choice(SUPPLIES)),
        "What it hands over: vehicles, motorcycles, fuel, phones, radios, driving_lessons, cash, weapons.",
    ),
    ask(
        "enforces",
        Kind::Answer,
        "Whether it bans, seizes, taxes or stops a trade or a movement of goods or people.",
        "Does this activity ban, seize, tax or stop a trade or a movement of goods or people?",
        "Cette activité interdit-elle, saisit-elle, taxe-t-elle ou arrête-t-elle un commerce ou des mouvements de biens ou de personnes ?",
    ),
    field(
        "inferred_from",
        Kind::Text,
        "Set when the activity was inferred (by an import), not stated: the words it was inferred from.",
    ),
    field(
        "sensitive",
        Kind::Choice(YES_NO),
        "`yes`: its description is withheld from every output unless `--show-sensitive` is given.",
    ),
];

/// One person the programme deals with: a focal point, an interlocutor, a source.
pub static CONTACT: &[FieldSpec] = &[
    required("name", Kind::Text, "The person's name."),
    field("role", Kind::Text, "What they do for the programme."),
    field("organisation", Kind::Text, "Who they belong to, if anyone."),
    field(
        "sensitive",
        Kind::Choice(YES_NO),
        "`yes`: their name is withheld from every output unless `--show-sensitive` is given.",
    ),
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
    safeguard(
        "reaches_all_affected",
        "The alternatives reach everyone whose income the programme cuts.",
        "Do the alternative livelihoods reach everyone whose income the programme cuts?",
        "Les moyens de subsistance alternatifs atteignent-ils toutes les personnes dont le programme coupe les revenus ?",
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

pub(super) static MEASURES: &[FieldSpec] = &[
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
    field("alternative_livelihoods", Kind::Object(ALTERNATIVE_LIVELIHOODS), "Alternative livelihoods."),
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
    field("crime_monitoring", Kind::Object(CRIME_MONITORING), "Monitoring of crime dynamics."),
    safeguard(
        "local_researchers",
        "Local academia or researchers are involved in analysis.",
        "Are local researchers or academics involved in the programme's analysis?",
        "Des chercheurs ou universitaires locaux participent-ils à l'analyse du programme ?",
    ),
];

pub(super) static ACCEPTANCE: &[FieldSpec] = &[
    required("rule", Kind::Id, "The rule id being accepted."),
    required("reason", Kind::Text, "Why the risk is carried."),
    required("approved_by", Kind::Text, "Who approved it."),
    field("until", Kind::Date, "After this date the acceptance no longer applies."),
];
