//! The key questions of a design: for each programme type, kind of partner and kind of
//! activity, the fields whose answers a crime-sensitivity reviewer needs whether or not a rule
//! could fire yet (who oversees the committees, are they armed, what is their communal
//! make-up, are the partners vetted, was there a political economy analysis…).
//!
//! A table, not logic: the evaluate stage matches it against a programme; the wording of
//! each question is the field's own (`FieldSpec::question`). A path the format does not
//! have (yet) is never asked. Nothing here reads programmes.

/// What raises a set of key questions.
#[derive(Debug)]
pub enum Raised {
    /// Every design.
    Always,
    /// A programme of one of these types.
    Types(&'static [&'static str]),
    /// A design with at least one partner.
    AnyPartner,
    /// A partner that is a security actor: one of `SECURITY_KINDS`, or any partner
    /// answered `armed: yes`.
    SecurityActor,
    /// A partner of one of these kinds.
    PartnerKinds(&'static [&'static str]),
    /// An activity of one of these kinds.
    Activities(&'static [&'static str]),
}

/// One row of the table: when it applies, the programme's fields it asks, and the fields it
/// asks of each partner that raised it (for `AnyPartner`, `SecurityActor`, `PartnerKinds`).
#[derive(Debug)]
pub struct KeyQuestions {
    pub raised: Raised,
    pub fields: &'static [&'static str],
    pub each_partner: &'static [&'static str],
}

/// A question that is not asked when another field has a given answer (whether alternative
/// livelihoods can compete means nothing when none are provided).
pub static UNLESS: &[(&str, &str, &str)] = &[
    (
        "measures.alternative_livelihoods.competitive_with_illicit_income",
        "measures.alternative_livelihoods.provided",
        "no",
    ),
    ("measures.alternative_livelihoods.reaches_all_affected", "measures.alternative_livelihoods.provided", "no"),
];

/// Partner kinds that are security actors whatever else they are.
pub const SECURITY_KINDS: &[&str] = &["security_forces", "armed_group", "self_defence_group", "private_security"];

const SECURITY_TYPES: &[&str] = &["ssr", "ddr", "border", "counter_terrorism"];
const RESTRICTING: &[&str] = &["trade_restrictions", "checkpoints", "patrols"];
const GATHERING: &[&str] = &["surveillance", "intelligence_sharing", "data_collection"];
const RESOURCING: &[&str] = &["cash_transfers", "equipment", "infrastructure"];

pub static KEY_QUESTIONS: &[KeyQuestions] = &[
    KeyQuestions {
        raised: Raised::Always,
        fields: &[
            "analysis.political_economy.done",
            "context.illicit_markets",
            "context.armed_groups_present",
            "context.state_presence",
            "context.corruption_risk",
            "context.active_conflict",
            "measures.community_consultation",
            "measures.grievance_mechanism",
            "measures.crime_monitoring.indicators",
        ],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Types(SECURITY_TYPES),
        fields: &["context.trust_in_security_forces", "context.arms_availability", "measures.civilian_oversight"],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Types(&["border"]),
        fields: &[
            "location.border_areas",
            "location.remote",
            "context.informal_economy_dependence",
            "measures.alternative_livelihoods.provided",
            "measures.regional_coordination",
        ],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Types(&["counter_terrorism"]),
        fields: &["measures.informant_protection", "measures.data_protection", "measures.regional_coordination"],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Types(&["ddr", "reconciliation"]),
        fields: &["measures.disengagement_conditions", "context.arms_availability", "context.settlement_talks"],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Types(&["justice"]),
        fields: &["measures.informant_protection", "measures.data_protection"],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Types(&["development"]),
        fields: &["location.remote", "context.informal_economy_dependence"],
        each_partner: &[],
    },
    KeyQuestions { raised: Raised::Types(&["governance"]), fields: &["measures.anti_corruption"], each_partner: &[] },
    KeyQuestions {
        raised: Raised::AnyPartner,
        fields: &["measures.partner_vetting"],
        each_partner: &["kind", "role", "vetted"],
    },
    KeyQuestions {
        raised: Raised::SecurityActor,
        fields: &["measures.civilian_oversight", "measures.grievance_mechanism", "context.trust_in_security_forces"],
        each_partner: &["vetted", "armed", "composition"],
    },
    KeyQuestions {
        raised: Raised::PartnerKinds(&["armed_group", "self_defence_group"]),
        fields: &["measures.disengagement_conditions", "context.arms_availability"],
        each_partner: &["armed", "composition"],
    },
    KeyQuestions {
        raised: Raised::PartnerKinds(&["community", "traditional_leader", "religious_leader", "local_authority"]),
        fields: &[],
        each_partner: &["armed"],
    },
    KeyQuestions {
        raised: Raised::Activities(RESTRICTING),
        fields: &[
            "location.remote",
            "context.informal_economy_dependence",
            "measures.alternative_livelihoods.provided",
            "measures.alternative_livelihoods.competitive_with_illicit_income",
            "measures.alternative_livelihoods.reaches_all_affected",
            "measures.regional_coordination",
        ],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Activities(GATHERING),
        fields: &["measures.informant_protection", "measures.data_protection"],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Activities(RESOURCING),
        fields: &["measures.anti_corruption", "measures.partner_vetting"],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Activities(&["livelihoods", "vocational_training"]),
        fields: &[
            "context.informal_economy_dependence",
            "measures.alternative_livelihoods.competitive_with_illicit_income",
        ],
        each_partner: &[],
    },
    KeyQuestions {
        raised: Raised::Activities(&["reintegration", "mediation"]),
        fields: &["measures.disengagement_conditions", "context.settlement_talks"],
        each_partner: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{PARTNER, ROOT, find};

    /// The names the format extension adds; until they are in the schema they are skipped.
    const PENDING: &[&str] = &[];

    #[test]
    fn every_key_question_is_a_field_with_a_question() {
        for row in KEY_QUESTIONS {
            for path in row.fields {
                let spec = find(ROOT, path);
                assert!(spec.is_some() || PENDING.contains(path), "{path}");
                assert!(spec.is_none_or(|s| s.question.is_some()), "{path} has no question");
            }
            for name in row.each_partner {
                let spec = find(PARTNER, name);
                assert!(spec.is_some() || PENDING.contains(name), "partners[].{name}");
                assert!(spec.is_none_or(|s| s.question.is_some()), "partners[].{name} has no question");
            }
        }
    }

    #[test]
    fn kinds_and_types_named_are_the_formats() {
        for row in KEY_QUESTIONS {
            match &row.raised {
                Raised::Types(types) => {
                    assert!(types.iter().all(|t| crate::model::ProgrammeType::parse(t).is_some()), "{types:?}")
                }
                Raised::PartnerKinds(kinds) => assert!(
                    kinds.iter().all(|k| crate::schema::PARTNER_KINDS.contains(k) || SECURITY_KINDS.contains(k)),
                    "{kinds:?}"
                ),
                Raised::Activities(kinds) => assert!(
                    kinds.iter().all(|k| crate::schema::ACTIVITY_KINDS.contains(k)
                        || *k == "vocational_training"
                        || *k == "mediation"),
                    "{kinds:?}"
                ),
                _ => {}
            }
        }
    }
}
