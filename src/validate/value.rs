//! Checks one YAML node against one field kind of the format, recording problems.
//!
//! Part of the validate stage. It types values and keeps their positions; it must not
//! invent values the author did not write (a null stays absent).

use super::{Sink, answer, sensitive, suggest};
use crate::load::{Node, NodeKind};
use crate::model::{Date, Field, Object, ProblemKind as K, Value};
use crate::schema::{FieldSpec, Kind};

/// Where a value sits, written out only when a problem needs it: `measures.partner_vetting`,
/// `partners[2].kind`.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'a str),
    Item(&'a Path<'a>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// Checks a mapping against `fields`; `None` when the node is not a mapping.
pub fn object(node: &Node, fields: &'static [FieldSpec], path: &Path, sink: &mut Sink) -> Option<Object> {
    let NodeKind::Map(entries) = &node.kind else {
        let what = if matches!(path, Path::Root) { "the programme".to_string() } else { format!("`{path}`") };
        sink.push(
            node.loc,
            K::WrongType(format!("{what} must be a mapping of fields; found {}", node.kind.describe())),
        );
        return None;
    };
    let mut out = Object { entries: Vec::with_capacity(entries.len()) };
    for (key, value) in entries {
        let spec = match key.as_str() {
            Some(name) => fields.iter().find(|f| f.name == name),
            None => None,
        };
        let Some(spec) = spec else {
            match key.key_text() {
                Some(name) => {
                    let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
                    sink.push(key.loc, K::UnknownField(suggest::unknown_field(&name, &path.to_string(), &names)));
                }
                None => sink.push(key.loc, K::WrongType("a field name must be text".to_string())),
            }
            continue;
        };
        let field_path = Path::Field(path, spec.name);
        if value.is_null() {
            if spec.required {
                sink.push(key.loc, K::MissingField(format!("required field `{field_path}` has no value")));
            }
            continue;
        }
        if let Some(v) = check(value, &spec.kind, &field_path, sink) {
            out.entries.push((spec.name, Field { key: key.loc, loc: value.loc, value: v }));
        }
    }
    for spec in fields.iter().filter(|f| f.required) {
        let written = entries.iter().any(|(k, _)| k.as_str() == Some(spec.name));
        if !written {
            sink.push(node.loc, K::MissingField(format!("missing required field `{}`", Path::Field(path, spec.name))));
        }
    }
    Some(out)
}

/// Checks one node against a kind; `None` (with a problem recorded) when it does not fit.
fn check(node: &Node, kind: &'static Kind, path: &Path, sink: &mut Sink) -> Option<Value> {
    let wrong = |sink: &mut Sink, expected: &str| {
        sink.push(node.loc, K::WrongType(format!("`{path}` must be {expected}; found {}", found(node))));
        None
    };
    match kind {
        Kind::Answer => answer::answer(node, path, sink),
        Kind::Choice(values) => {
            let answer_like = values.contains(&"yes");
            let (text, evidence) = match &node.kind {
                NodeKind::Str(s) => (s.clone(), None),
                NodeKind::Bool(b) if answer_like => ((if *b { "yes" } else { "no" }).to_string(), None),
                NodeKind::Map(_) if answer_like => {
                    let (answer, evidence) = answer::with_evidence(node, path, values, sink)?;
                    return Some(Value::Choice { value: answer, evidence });
                }
                _ => return wrong(sink, &suggest::one_of(values)),
            };
            if values.contains(&text.as_str()) {
                Some(Value::Choice { value: text, evidence })
            } else {
                sink.push(node.loc, K::UnknownValue(suggest::unknown_value(&format!("`{path}`"), &text, values)));
                None
            }
        }
        Kind::Text => match &node.kind {
            NodeKind::Str(s) => Some(Value::Text(s.trim_end().to_string())),
            NodeKind::Int(i) => Some(Value::Text(i.to_string())),
            NodeKind::Float(f) => Some(Value::Text(f.to_string())),
            NodeKind::Big(b) => Some(Value::Text(b.clone())),
            _ => wrong(sink, "text"),
        },
        Kind::Id => {
            let text = match &node.kind {
                NodeKind::Str(s) => s.clone(),
                NodeKind::Int(i) => i.to_string(),
                NodeKind::Big(b) => b.clone(),
                _ => return wrong(sink, "an identifier"),
            };
            let ok =
                !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            if ok {
                Some(Value::Text(text))
            } else {
                sink.push(
                    node.loc,
                    K::InvalidValue(format!(
                        "`{path}` may hold only letters, digits, '.', '_' and '-'; found `{text}`"
                    )),
                );
                None
            }
        }
        Kind::Integer { min, max } => {
            let n = match &node.kind {
                NodeKind::Int(i) => *i,
                NodeKind::Float(f) if f.fract() == 0.0 => *f as i64,
                NodeKind::Big(b) => {
                    sink.push(node.loc, K::OutOfRange(format!("`{path}` must be between {min} and {max}; found {b}")));
                    return None;
                }
                _ => return wrong(sink, "a whole number"),
            };
            if n < *min || n > *max {
                sink.push(node.loc, K::OutOfRange(format!("`{path}` must be between {min} and {max}; found {n}")));
                return None;
            }
            Some(Value::Number(n as f64))
        }
        Kind::Number => {
            let n = match &node.kind {
                NodeKind::Int(i) => *i as f64,
                NodeKind::Float(f) => *f,
                NodeKind::Big(b) => match b.replace('_', "").parse::<f64>() {
                    Ok(n) if n.is_finite() => n,
                    _ => {
                        sink.push(node.loc, K::OutOfRange(format!("`{path}` is too large a number; found {b}")));
                        return None;
                    }
                },
                _ => return wrong(sink, "a number"),
            };
            if n < 0.0 {
                sink.push(node.loc, K::OutOfRange(format!("`{path}` must not be negative; found {n}")));
                return None;
            }
            Some(Value::Number(n))
        }
        Kind::Date => {
            let text = match &node.kind {
                NodeKind::Str(s) => s.clone(),
                NodeKind::Int(i) => i.to_string(),
                NodeKind::Big(b) => b.clone(),
                _ => return wrong(sink, "a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
            };
            match Date::parse(&text) {
                Some(d) => Some(Value::Date(d)),
                None => {
                    sink.push(
                        node.loc,
                        K::InvalidValue(format!(
                            "`{path}` must be a date (YYYY-MM-DD, YYYY-MM or YYYY); found `{text}`"
                        )),
                    );
                    None
                }
            }
        }
        Kind::Currency => answer::code(node, path, 3, "an ISO 4217 currency code such as EUR, XOF or USD", sink),
        Kind::Country => answer::code(node, path, 2, "an ISO 3166-1 alpha-2 country code such as ML, NE or BF", sink),
        Kind::List(item) => {
            let NodeKind::Seq(items) = &node.kind else {
                return wrong(sink, "a list");
            };
            let mut out = Vec::new();
            for (i, child) in items.iter().enumerate() {
                let child_path = Path::Item(path, i);
                if child.is_null() {
                    sink.push(child.loc, K::EmptyValue(format!("`{child_path}` is empty")));
                    continue;
                }
                let value = match item {
                    Kind::Object(fields) => {
                        let before = sink.problems.len();
                        let value = object(child, fields, &child_path, sink).map(Value::Object);
                        sensitive::withhold(child, &child_path.to_string(), fields, &mut sink.problems[before..]);
                        value
                    }
                    other => check(child, other, &child_path, sink),
                };
                if let Some(v) = value {
                    out.push(Field { key: child.loc, loc: child.loc, value: v });
                }
            }
            Some(Value::List(out))
        }
        Kind::Object(fields) => object(node, fields, path, sink).map(Value::Object),
        Kind::Format => match &node.kind {
            NodeKind::Int(1) => Some(Value::Number(1.0)),
            NodeKind::Str(_) if quoted_number(node).is_some() => wrong(sink, "the number 1"),
            _ => {
                let found = node.key_text().unwrap_or_else(|| node.kind.describe().to_string());
                let one = match &node.kind {
                    NodeKind::Int(i) => *i == 1,
                    NodeKind::Float(f) => *f == 1.0,
                    NodeKind::Big(b) => b.replace('_', "").parse::<f64>().is_ok_and(|f| f == 1.0),
                    _ => false,
                };
                let message = if one {
                    K::InvalidValue(format!("format `{found}` is format 1 written otherwise; write `format: 1`"))
                } else {
                    K::UnsupportedFormat(format!(
                        "unsupported format `{found}`; this version reads only format 1: write `format: 1`"
                    ))
                };
                sink.push(node.loc, message);
                None
            }
        },
    }
}

/// What a node holds, as a message says it: a quoted number is named as such, with the fix.
pub fn found(node: &Node) -> String {
    match quoted_number(node) {
        Some(text) => format!("the quoted text \"{text}\", not a number; remove the quotes"),
        None => node.kind.describe().to_string(),
    }
}

/// The text of a string node that would be a number without its quotes.
fn quoted_number(node: &Node) -> Option<&str> {
    let text = node.as_str()?.trim();
    text.parse::<f64>().is_ok_and(|n| n.is_finite()).then_some(text)
}
