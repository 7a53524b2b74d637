//! The values a field test compares with, read from a rule file and checked against the kind
//! of the field tested, and written back in descriptions.
//!
//! Shared by the kinds of test in this folder. It must not evaluate anything.

use crate::load::{Node, NodeKind};
use crate::model::ProblemKind as K;
use crate::model::Value;
use crate::model::programme::format_number;
use crate::model::rule::Literal;
use crate::schema::Kind;
use crate::validate::reader::Sink;
use crate::validate::suggest;

/// The element kind of a list field, or `None` when the field is not a list.
pub fn element(kind: &Kind) -> Option<&'static Kind> {
    match kind {
        Kind::List(inner) => Some(*inner),
        _ => None,
    }
}

/// A list of values for a field of `kind`.
pub fn literals(node: &Node, kind: &Kind, path: &str, sink: &mut Sink) -> Option<Vec<Literal>> {
    let NodeKind::Seq(items) = &node.kind else {
        sink.push(node.loc, K::InvalidRule("expected a list of values".into()));
        return None;
    };
    let values: Vec<Option<Literal>> = items.iter().map(|i| literal(i, kind, path, sink)).collect();
    values.into_iter().collect()
}

/// A value compared with a field of `kind`, checked to be one the field can hold.
pub fn literal(node: &Node, kind: &Kind, path: &str, sink: &mut Sink) -> Option<Literal> {
    let text = match &node.kind {
        NodeKind::Bool(b) => (if *b { "yes" } else { "no" }).to_string(),
        NodeKind::Int(i) => return number(*i as f64, kind, node, path, sink),
        NodeKind::Float(f) => return number(*f, kind, node, path, sink),
        NodeKind::Str(s) => s.clone(),
        other => {
            sink.push(
                node.loc,
                K::InvalidRule(format!("expected a value to compare with; found {}", other.describe())),
            );
            return None;
        }
    };
    let valid: &[&str] = match kind {
        Kind::Answer => &["yes", "no"],
        Kind::Choice(values) => values,
        Kind::Text | Kind::Id | Kind::Date | Kind::Currency | Kind::Country => {
            return Some(Literal::Text(text));
        }
        _ => {
            sink.push(
                node.loc,
                K::InvalidRule(format!("`{path}` holds numbers or structures; `{text}` cannot be compared with it")),
            );
            return None;
        }
    };
    if valid.contains(&text.as_str()) {
        Some(Literal::Text(text))
    } else {
        sink.push(node.loc, K::UnknownValue(suggest::unknown_value(&format!("`{path}`"), &text, valid)));
        None
    }
}

fn number(n: f64, kind: &Kind, node: &Node, path: &str, sink: &mut Sink) -> Option<Literal> {
    match kind {
        Kind::Integer { .. } | Kind::Number => Some(Literal::Number(n)),
        Kind::Text => Some(Literal::Text(format_number(n))),
        _ => {
            sink.push(node.loc, K::InvalidRule(format!("`{path}` does not hold numbers")));
            None
        }
    }
}

/// A number a test compares with (`at_least: 2`), named `name` in messages.
pub fn threshold(node: &Node, name: &str, sink: &mut Sink) -> Option<f64> {
    match &node.kind {
        NodeKind::Int(i) => Some(*i as f64),
        NodeKind::Float(f) => Some(*f),
        NodeKind::Big(b) => {
            sink.push(node.loc, K::InvalidRule(format!("`{name}` is too large a number; found {b}")));
            None
        }
        other => {
            sink.push(node.loc, K::InvalidRule(format!("`{name}` must be a number; found {}", other.describe())));
            None
        }
    }
}

/// Whether a known value equals a literal.
pub fn equals(value: &Value, lit: &Literal) -> bool {
    match (value, lit) {
        (Value::Number(n), Literal::Number(m)) => n == m,
        (Value::Number(_), Literal::Text(_)) | (_, Literal::Number(_)) => false,
        (Value::Answer { answer, .. }, Literal::Text(t)) => answer.as_str() == t,
        (Value::Choice { value: s, .. } | Value::Text(s), Literal::Text(t)) => s == t,
        (Value::Date(d), Literal::Text(t)) => d.to_string() == *t,
        (Value::List(_) | Value::Object(_), _) => false,
    }
}

/// A number, or a list's length.
pub fn measure(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        Value::List(items) => Some(items.len() as f64),
        _ => None,
    }
}

/// The JSON Schema of a value compared with a field of `kind` (as `literal` reads it), or
/// `None` when no value can be.
pub fn literal_schema(kind: &Kind) -> Option<serde_json::Value> {
    use serde_json::json;
    Some(match kind {
        Kind::Answer => json!({ "anyOf": [{ "enum": ["yes", "no"] }, { "type": "boolean" }] }),
        Kind::Choice(values) => {
            let values: Vec<&str> = values.iter().copied().filter(|v| *v != "unknown").collect();
            if values.contains(&"yes") {
                json!({ "anyOf": [{ "enum": values }, { "type": "boolean" }] })
            } else {
                json!({ "enum": values })
            }
        }
        Kind::Text => json!({ "type": ["string", "number"] }),
        Kind::Id | Kind::Date | Kind::Currency | Kind::Country => json!({ "type": "string" }),
        Kind::Integer { .. } | Kind::Number => json!({ "type": "number" }),
        Kind::List(_) | Kind::Object(_) | Kind::Format => return None,
    })
}

/// A list of values for a field of `kind`, as a JSON Schema.
pub fn literals_schema(kind: &Kind) -> Option<serde_json::Value> {
    literal_schema(kind).map(|item| serde_json::json!({ "type": "array", "items": item }))
}

/// Values as code, for descriptions: `` `a`, `b` ``.
pub fn shown(values: &[Literal]) -> String {
    values.iter().map(|l| format!("`{}`", l.display())).collect::<Vec<_>>().join(", ")
}
