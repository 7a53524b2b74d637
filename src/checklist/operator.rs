//! Reads the operator of a field test (`is`, `one_of`, `contains`, `at_least`…) and the
//! values it compares with, checking each against the kind of the field tested.
//!
//! Part of the checklist stage: a rule that compares a field with a value it can never hold
//! is a mistake reported when the rule loads. Nothing here evaluates.

use crate::load::{Node, NodeKind};
use crate::model::programme::format_number;
use crate::model::rule::Literal;
use crate::model::{Op, ProblemKind as K};
use crate::schema::{self, FieldSpec, Kind};
use crate::validate::reader::Sink;
use crate::validate::suggest;

pub fn parse(
    name: &str,
    node: &Node,
    spec: &FieldSpec,
    path: &str,
    scope: &'static [FieldSpec],
    sink: &mut Sink,
) -> Option<Op> {
    let element = match &spec.kind {
        Kind::List(inner) => Some(*inner),
        _ => None,
    };
    let is_list = element.is_some();
    match name {
        "is" | "is_not" | "equals" => {
            // `absent` names the field's state, unless the field can hold the value `absent`
            // (`context.state_presence`), in which case it is that value.
            let holds = |v: &str| matches!(spec.kind, Kind::Choice(values) if values.contains(&v) && v != "unknown");
            if let Some(special) = node.as_str().filter(|v| !holds(v)).and_then(special_state) {
                if name == "is_not" {
                    sink.push(
                        node.loc,
                        K::InvalidRule(format!(
                            "write `not: {{ field: {path}, is: {} }}` instead",
                            node.as_str().unwrap_or("")
                        )),
                    );
                    return None;
                }
                return Some(special);
            }
            if is_list {
                sink.push(
                    node.loc,
                    K::InvalidRule(format!(
                        "`{path}` is a list: use `contains`, `contains_any`, `at_least` or `at_most`"
                    )),
                );
                return None;
            }
            let literal = literal(node, &spec.kind, path, sink)?;
            Some(if name == "is_not" { Op::IsNot(literal) } else { Op::Is(literal) })
        }
        "one_of" => {
            if is_list {
                sink.push(node.loc, K::InvalidRule(format!("`{path}` is a list: use `contains_any`")));
                return None;
            }
            literals(node, &spec.kind, path, sink).map(Op::OneOf)
        }
        "contains" | "contains_any" => {
            let Some(element) = element else {
                sink.push(node.loc, K::InvalidRule(format!("`{path}` is not a list: use `is` or `one_of`")));
                return None;
            };
            if name == "contains" {
                literal(node, element, path, sink).map(Op::Contains)
            } else {
                literals(node, element, path, sink).map(Op::ContainsAny)
            }
        }
        "older_than_months" => {
            if !matches!(spec.kind, Kind::Date) {
                sink.push(node.loc, K::InvalidRule(format!("`older_than_months` tests dates; `{path}` is not a date")));
                return None;
            }
            match &node.kind {
                NodeKind::Int(i) if *i >= 0 => Some(Op::OlderThanMonths(*i as u32)),
                _ => {
                    sink.push(node.loc, K::InvalidRule("`older_than_months` must be a whole number of months".into()));
                    None
                }
            }
        }
        "exceeds_field" => {
            let numeric = |k: &Kind| matches!(k, Kind::Integer { .. } | Kind::Number);
            if !numeric(&spec.kind) {
                sink.push(
                    node.loc,
                    K::InvalidRule(format!("`exceeds_field` compares numbers; `{path}` is not a number")),
                );
                return None;
            }
            let other = node.as_str().unwrap_or_default();
            match schema::find(scope, other) {
                Some(o) if numeric(&o.kind) => Some(Op::ExceedsField(other.to_string())),
                Some(_) => {
                    sink.push(node.loc, K::InvalidRule(format!("`{other}` is not a number field")));
                    None
                }
                None => {
                    let all = schema::paths(scope);
                    let hint = suggest::did_you_mean(other, all.iter().map(String::as_str))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    sink.push(node.loc, K::InvalidRule(format!("`{other}` is not a field{hint}")));
                    None
                }
            }
        }
        _ => {
            let numeric = is_list || matches!(spec.kind, Kind::Integer { .. } | Kind::Number);
            if !numeric {
                sink.push(
                    node.loc,
                    K::InvalidRule(format!("`{name}` compares numbers or list lengths; `{path}` is neither")),
                );
                return None;
            }
            let n = match &node.kind {
                NodeKind::Int(i) => *i as f64,
                NodeKind::Float(f) => *f,
                NodeKind::Big(b) => {
                    sink.push(node.loc, K::InvalidRule(format!("`{name}` is too large a number; found {b}")));
                    return None;
                }
                other => {
                    sink.push(
                        node.loc,
                        K::InvalidRule(format!("`{name}` must be a number; found {}", other.describe())),
                    );
                    return None;
                }
            };
            Some(if name == "at_least" { Op::AtLeast(n) } else { Op::AtMost(n) })
        }
    }
}

/// `absent`, `unknown` and `missing` name states of a field, not values.
fn special_state(text: &str) -> Option<Op> {
    match text {
        "absent" => Some(Op::IsAbsent),
        "unknown" => Some(Op::IsUnknown),
        "missing" => Some(Op::IsMissing),
        _ => None,
    }
}

fn literals(node: &Node, kind: &Kind, path: &str, sink: &mut Sink) -> Option<Vec<Literal>> {
    let NodeKind::Seq(items) = &node.kind else {
        sink.push(node.loc, K::InvalidRule("expected a list of values".into()));
        return None;
    };
    let values: Vec<Option<Literal>> = items.iter().map(|i| literal(i, kind, path, sink)).collect();
    values.into_iter().collect()
}

/// A value compared with a field of `kind`, checked to be one the field can hold.
fn literal(node: &Node, kind: &Kind, path: &str, sink: &mut Sink) -> Option<Literal> {
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
