//! Rule files and rule test-case files as JSON Schemas (draft-07), for editors: generated
//! from the tables the checklist stage reads them with — the rule keys of each kind, the
//! programme format's field paths (as an enum), the operators of the condition language with
//! the values each field can hold, the vocabularies (risk areas, programme types, ratings).
//!
//! Part of the checklist stage. It describes only; nothing here reads rules. The tool's own
//! checks stay the authority (a schema cannot say "exactly one operator", or that a quote is
//! verbatim); the schema gives completion and catches most mistakes as they are typed.

use super::cases::CASE_KEYS;
use super::rule::{COMMON_KEYS, PORTFOLIO_KEYS, PROGRAMME_KEYS};
use crate::lang;
use crate::model::{ProgrammeType, Rating, RiskArea};
use crate::schema::{self, FieldSpec};
use serde_json::{Map, Value, json};

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";
const RULE_ID: &str = "^[A-Z]{2,5}-[0-9]{3}$";

/// The schema of a rule file (`checklists/<area>/<ID>.yaml`).
pub fn rules() -> Value {
    let keys: Vec<&str> = [COMMON_KEYS, PROGRAMME_KEYS, PORTFOLIO_KEYS].concat();
    let properties: Map<String, Value> = keys.iter().filter_map(|k| rule_key(k).map(|s| (k.to_string(), s))).collect();
    let refuse = |keys: &[&str]| -> Value { keys.iter().map(|k| (k.to_string(), json!(false))).collect() };
    let mut required: Vec<&str> =
        vec!["id", "title", "risk_area", "when", "impact", "likelihood", "rationale", "source", "mitigation"];
    required.retain(|k| COMMON_KEYS.contains(k));
    json!({
        "$schema": DRAFT,
        "title": "dnh-screen rule file",
        "description": "One rule of a checklist (docs/rule-format.md). Each kind has the keys it honours: `applies_to` and `modifiers` for risk and contradiction rules, `other`, `sharing`, `partner_where` and `other_must` for portfolio rules.",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
        "if": { "properties": { "kind": { "const": "portfolio" } }, "required": ["kind"] },
        "then": { "required": ["other", "sharing"], "properties": refuse(PROGRAMME_KEYS) },
        "else": { "required": ["applies_to"], "properties": refuse(PORTFOLIO_KEYS) },
        "definitions": conditions(),
    })
}

/// The schema of a test-case file (`checklists/<area>/tests/<ID>.yaml`).
pub fn cases() -> Value {
    let properties: Map<String, Value> =
        CASE_KEYS.iter().filter_map(|k| case_key(k).map(|s| (k.to_string(), s))).collect();
    let mut programme = schema::json_schema::document();
    if let Value::Object(map) = &mut programme {
        map.remove("$schema");
    }
    json!({
        "$schema": DRAFT,
        "title": "dnh-screen rule test cases",
        "description": "A list of cases: a programme (or, for portfolio rules, `programmes`), the rule it tests, and what the rule must do on it (docs/rule-format.md, Test cases).",
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": ["rule", "name", "expect"],
            "oneOf": [{ "required": ["programme"] }, { "required": ["programmes"] }],
            "additionalProperties": false,
        },
        "definitions": { "programme": programme },
    })
}

fn case_key(key: &str) -> Option<Value> {
    Some(match key {
        "rule" => json!({ "type": "string", "pattern": RULE_ID, "description": "The id of the rule tested." }),
        "name" => json!({ "type": ["string", "number"], "description": "What the case shows." }),
        "expect" => {
            json!({ "enum": ["fires", "gap", "silent"], "description": "fires: a finding on stated answers; gap: a finding from missing information; silent: no finding." })
        }
        "rating" => json!({ "enum": Rating::NAMES, "description": "The rating the finding must have." }),
        "today" => {
            json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "The day to screen on (YYYY-MM-DD)." })
        }
        "programme" => json!({ "$ref": "#/definitions/programme" }),
        "programmes" => json!({ "type": "array", "minItems": 2, "items": { "$ref": "#/definitions/programme" } }),
        _ => return None,
    })
}

/// Text in English, or in English and French.
fn bilingual(description: &str) -> Value {
    json!({
        "description": description,
        "anyOf": [
            { "type": ["string", "number"] },
            {
                "type": "object",
                "properties": { "en": { "type": "string" }, "fr": { "type": "string" } },
                "required": ["en"],
                "additionalProperties": false,
            },
        ],
    })
}

fn condition_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/definitions/{name}") })
}

fn rule_key(key: &str) -> Option<Value> {
    let mut types: Vec<&str> = ProgrammeType::NAMES.to_vec();
    types.push("all");
    let score = |what: &str| json!({ "type": "integer", "minimum": 1, "maximum": 5, "description": what });
    let step = json!({ "type": "integer", "minimum": -4, "maximum": 4 });
    Some(match key {
        "id" => {
            json!({ "type": "string", "pattern": RULE_ID, "description": "AREA-NNN, equal to the file name; never reused." })
        }
        "kind" => {
            json!({ "enum": ["risk", "contradiction", "portfolio"], "description": "risk (default), contradiction or portfolio." })
        }
        "title" => bilingual("One line: what is wrong."),
        "risk_area" => json!({ "enum": RiskArea::NAMES }),
        "applies_to" => {
            json!({ "type": "array", "minItems": 1, "items": { "enum": types }, "description": "Programme types, or [all]." })
        }
        "when" => condition_ref("condition"),
        "impact" => score("1–5: how bad the harm is if it happens."),
        "likelihood" => score("1–5, before modifiers."),
        "floor" => json!({ "enum": Rating::NAMES, "description": "Never rated below this on stated answers." }),
        "modifiers" => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "when": condition_ref("condition"),
                    "impact": step,
                    "likelihood": step,
                    "floor": { "enum": Rating::NAMES },
                },
                "required": ["when"],
                "minProperties": 2,
                "additionalProperties": false,
            },
        }),
        "rationale" => bilingual("Why this is a harm, in plain words."),
        "source" => json!({
            "type": "object",
            "properties": {
                "section": { "type": "string" },
                "quote": { "type": "string", "description": "Copied verbatim from the source report." },
                "fr": { "type": "string" },
            },
            "required": ["section", "quote"],
            "additionalProperties": false,
        }),
        "mitigation" => bilingual("A concrete design alternative."),
        "references" => json!({ "type": "array", "items": { "type": "string" } }),
        "other" => condition_ref("condition"),
        "sharing" => json!({ "enum": ["region", "partner", "neighbouring_region"] }),
        "partner_where" => condition_ref("partner_condition"),
        "other_must" => json!({ "enum": ["exist", "not_exist"] }),
        _ => return None,
    })
}

/// The conditions of the three scopes: the programme, a partner, an activity.
fn conditions() -> Value {
    json!({
        "condition": condition("condition", schema::ROOT, true),
        "partner_condition": condition("partner_condition", schema::PARTNER, false),
        "activity_condition": condition("activity_condition", schema::ACTIVITY, false),
    })
}

fn condition(name: &str, scope: &'static [FieldSpec], quantifiers: bool) -> Value {
    let itself = condition_ref(name);
    let single = |key: &str, value: Value| json!({ "type": "object", "properties": { key: value }, "required": [key], "additionalProperties": false });
    let list = json!({ "type": "array", "minItems": 1, "items": itself });
    let mut forms = vec![
        single("all", list.clone()),
        single("any", list),
        single("not", itself.clone()),
        json!({
            "type": "object",
            "properties": {
                "mentions": { "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] },
                "in": { "type": "array", "items": { "enum": ["title", "summary", "activities"] } },
            },
            "required": ["mentions"],
            "additionalProperties": false,
        }),
    ];
    if quantifiers {
        for (key, inner) in [
            ("any_partner", "partner_condition"),
            ("every_partner", "partner_condition"),
            ("any_activity", "activity_condition"),
            ("every_activity", "activity_condition"),
        ] {
            forms.push(single(key, condition_ref(inner)));
        }
    }
    forms.push(field_test(scope));
    json!({ "anyOf": forms })
}

/// `{ field: P, <operator>: V }`: `field` is one of the scope's paths; each path allows the
/// operators that apply to it, with the values it can hold.
fn field_test(scope: &'static [FieldSpec]) -> Value {
    let operators = lang::operators();
    let paths = schema::paths(scope);
    let mut properties = Map::new();
    properties.insert("field".into(), json!({ "enum": paths }));
    properties.insert(
        "if_missing".into(),
        json!({ "anyOf": [{ "type": "boolean" }, { "const": "unknown" }], "description": "What an absent or `unknown` value means (default unknown)." }),
    );
    for op in &operators {
        properties.insert(op.to_string(), json!({}));
    }
    let by_path: Vec<Value> = paths
        .iter()
        .filter_map(|path| {
            let spec = schema::find(scope, path)?;
            let allowed = lang::value_schemas(spec, scope);
            let then: Map<String, Value> = operators
                .iter()
                .map(|op| {
                    let value = allowed.iter().find(|(name, _)| name == op).map_or(json!(false), |(_, s)| s.clone());
                    (op.to_string(), value)
                })
                .collect();
            Some(json!({
                "if": { "properties": { "field": { "const": path } }, "required": ["field"] },
                "then": { "properties": then },
            }))
        })
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": ["field"],
        "minProperties": 2,
        "additionalProperties": false,
        "allOf": by_path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_read_has_a_schema() {
        for key in [COMMON_KEYS, PROGRAMME_KEYS, PORTFOLIO_KEYS].concat() {
            assert!(rule_key(key).is_some(), "rule key {key}");
        }
        for key in CASE_KEYS {
            assert!(case_key(key).is_some(), "case key {key}");
        }
    }
}
