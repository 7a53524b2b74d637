//! The programme format as a JSON Schema (draft-07), generated from the same field table that
//! validation uses, so editors (the YAML language server) validate and complete programme
//! files exactly as `dnh-screen check` reads them.
//!
//! Describes only; nothing here reads programmes.

use super::{FieldSpec, Kind, ROOT};
use serde_json::{Map, Value, json};

/// The schema document.
pub fn document() -> Value {
    let mut root = object(ROOT);
    if let Value::Object(map) = &mut root {
        map.insert("$schema".into(), json!("http://json-schema.org/draft-07/schema#"));
        map.insert("title".into(), json!("dnh-screen programme description, format 1"));
        map.insert(
            "description".into(),
            json!("A programme design screened for crime-related harm. A field left out is an information gap, never a `no`."),
        );
    }
    root
}

fn object(fields: &[FieldSpec]) -> Value {
    let mut properties = Map::new();
    for f in fields {
        let mut schema = kind(&f.kind);
        let mut description = f.doc.to_string();
        if let Some((question, _)) = f.question {
            description.push_str(&format!(" Question: {question}"));
        }
        if let Value::Object(map) = &mut schema {
            map.insert("description".into(), json!(description));
        }
        if !f.required {
            schema = json!({ "anyOf": [schema, { "type": "null" }], "description": description });
        }
        properties.insert(f.name.to_string(), schema);
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    let mut map = Map::new();
    map.insert("type".into(), json!("object"));
    map.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        map.insert("required".into(), json!(required));
    }
    map.insert("additionalProperties".into(), json!(false));
    Value::Object(map)
}

/// `{ answer, evidence }` for answers whose values are `values`.
fn with_evidence(values: Value) -> Value {
    json!({
        "type": "object",
        "properties": { "answer": values, "evidence": { "type": "string" } },
        "required": ["answer"],
        "additionalProperties": false
    })
}

fn kind(k: &Kind) -> Value {
    match k {
        Kind::Answer => {
            let values = json!({ "anyOf": [{ "enum": ["yes", "no", "unknown"] }, { "type": "boolean" }] });
            json!({ "anyOf": [values.clone(), with_evidence(values)] })
        }
        Kind::Choice(choices) if choices.contains(&"yes") => {
            let values = json!({ "anyOf": [{ "enum": choices }, { "type": "boolean" }] });
            json!({ "anyOf": [values.clone(), with_evidence(values)] })
        }
        Kind::Choice(choices) => json!({ "enum": choices }),
        Kind::Text => json!({ "type": ["string", "number"] }),
        Kind::Id => json!({ "type": ["string", "integer"], "pattern": "^[A-Za-z0-9._-]+$" }),
        Kind::Integer { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        Kind::Number => json!({ "type": "number", "minimum": 0 }),
        Kind::Date => json!({ "type": ["string", "integer"], "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" }),
        Kind::Currency => json!({ "type": "string", "pattern": "^[A-Z]{3}$" }),
        Kind::Country => json!({ "type": "string", "pattern": "^[A-Z]{2}$" }),
        Kind::List(item) => json!({ "type": "array", "items": kind(item) }),
        Kind::Object(fields) => object(fields),
        Kind::Format => json!({ "const": 1 }),
    }
}
