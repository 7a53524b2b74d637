//! Reads a rule's condition (`when:`) from YAML: `all`/`any`/`not`, field tests,
//! `mentions`, and `any_partner`/`any_activity` quantifiers.
//!
//! Part of the checklist stage. It checks every field path against the programme format and
//! every compared value against the field's kind, so a mistake is caught when the rule is
//! loaded, with its line and column. It must not evaluate anything.

use super::reader::{self, Map, Sink};
use crate::evaluate::words;
use crate::load::{Node, NodeKind};
use crate::model::rule::{ListName, Literal, TextSource, Word};
use crate::model::{Condition, Op};
use crate::schema::{self, FieldSpec, Kind};
use crate::validate::suggest;

/// The operators a field test may use.
const OPERATORS: &[&str] = &[
    "is",
    "is_not",
    "equals",
    "one_of",
    "contains",
    "contains_any",
    "at_least",
    "at_most",
];
/// Every key a condition mapping may have.
const KEYS: &[&str] = &[
    "all",
    "any",
    "not",
    "field",
    "is",
    "is_not",
    "equals",
    "one_of",
    "contains",
    "contains_any",
    "at_least",
    "at_most",
    "if_missing",
    "mentions",
    "in",
    "any_partner",
    "every_partner",
    "any_activity",
    "every_activity",
];
const COMBINATORS: &[&str] = &[
    "all",
    "any",
    "not",
    "field",
    "mentions",
    "any_partner",
    "every_partner",
    "any_activity",
    "every_activity",
];

/// Which fields a condition sees: the whole programme, or one partner or activity.
#[derive(Clone, Copy)]
pub enum Scope {
    Programme,
    Item(ListName),
}

impl Scope {
    fn fields(self) -> &'static [FieldSpec] {
        match self {
            Scope::Programme => schema::ROOT,
            Scope::Item(ListName::Partners) => schema::PARTNER,
            Scope::Item(ListName::Activities) => schema::ACTIVITY,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Scope::Programme => "the programme format",
            Scope::Item(ListName::Partners) => "a partner",
            Scope::Item(ListName::Activities) => "an activity",
        }
    }
}

/// Reads one condition.
pub fn parse(node: &Node, scope: Scope, sink: &mut Sink) -> Option<Condition> {
    let map = Map::open(node, KEYS, "condition", sink)?;
    let heads: Vec<String> = map
        .keys()
        .map(|(k, _)| k)
        .filter(|k| COMBINATORS.contains(&k.as_str()))
        .collect();
    if heads.len() != 1 {
        let found = if heads.is_empty() {
            "none".to_string()
        } else {
            heads.join(", ")
        };
        sink.push(
            node.loc,
            format!(
                "a condition needs exactly one of {}; found {found}",
                suggest::one_of(COMBINATORS)
            ),
        );
        return None;
    }
    let head = heads[0].as_str();
    let value = map.get(head).or_else(|| {
        sink.push(map.key_loc(head), format!("`{head}` has no value"));
        None
    })?;
    match head {
        "all" | "any" => {
            let NodeKind::Seq(items) = &value.kind else {
                sink.push(value.loc, format!("`{head}` must be a list of conditions"));
                return None;
            };
            if items.is_empty() {
                sink.push(
                    value.loc,
                    format!("`{head}` must list at least one condition"),
                );
                return None;
            }
            let parts: Vec<Option<Condition>> =
                items.iter().map(|i| parse(i, scope, sink)).collect();
            let parts: Option<Vec<Condition>> = parts.into_iter().collect();
            parts.map(|p| {
                if head == "all" {
                    Condition::All(p)
                } else {
                    Condition::Any(p)
                }
            })
        }
        "not" => parse(value, scope, sink).map(|c| Condition::Not(Box::new(c))),
        "any_partner" | "every_partner" | "any_activity" | "every_activity" => {
            let list = if head.ends_with("partner") {
                ListName::Partners
            } else {
                ListName::Activities
            };
            if let Scope::Item(_) = scope {
                sink.push(
                    map.key_loc(head),
                    format!("`{head}` cannot be used inside another partner or activity test"),
                );
                return None;
            }
            let inner = parse(value, Scope::Item(list), sink)?;
            Some(Condition::Quantified {
                list,
                every: head.starts_with("every"),
                condition: Box::new(inner),
            })
        }
        "mentions" => mentions(&map, value, sink),
        _ => field_test(&map, value, scope, sink),
    }
}

fn mentions(map: &Map, value: &Node, sink: &mut Sink) -> Option<Condition> {
    let mut words = Vec::new();
    for item in reader::items(value) {
        let written = reader::text(item, "mentions", sink)?;
        let prefix = written.ends_with('*');
        let folded = words::fold(written.trim_end_matches('*'));
        if folded.is_empty() || folded.contains(char::is_whitespace) && prefix {
            sink.push(item.loc, format!("`{written}` is not a word to look for"));
            return None;
        }
        words.push(Word {
            folded,
            prefix,
            written,
        });
    }
    let mut sources = vec![
        TextSource::Title,
        TextSource::Summary,
        TextSource::Activities,
    ];
    if let Some(node) = map.get("in") {
        sources.clear();
        for item in reader::items(node) {
            let names = &["title", "summary", "activities"];
            let source = reader::choice(
                item,
                "in",
                names,
                |s| match s {
                    "title" => Some(TextSource::Title),
                    "summary" => Some(TextSource::Summary),
                    "activities" => Some(TextSource::Activities),
                    _ => None,
                },
                sink,
            )?;
            sources.push(source);
        }
    }
    Some(Condition::Mentions { words, sources })
}

fn field_test(map: &Map, path_node: &Node, scope: Scope, sink: &mut Sink) -> Option<Condition> {
    let path = reader::text(path_node, "field", sink)?;
    let Some(spec) = schema::find(scope.fields(), &path) else {
        let all = schema::paths(scope.fields());
        let hint = suggest::did_you_mean(&path, all.iter().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        sink.push(
            path_node.loc,
            format!("`{path}` is not a field of {}{hint}", scope.describe()),
        );
        return None;
    };
    let ops: Vec<(String, &Node)> = map
        .keys()
        .filter(|(k, _)| OPERATORS.contains(&k.as_str()))
        .collect();
    if ops.len() != 1 {
        sink.push(
            map.node.loc,
            format!(
                "a field test needs exactly one of {}; found {}",
                suggest::one_of(OPERATORS),
                ops.len()
            ),
        );
        return None;
    }
    let (name, value) = &ops[0];
    let op = operator(name, value, spec, &path, sink)?;
    let if_missing = match map.get("if_missing") {
        None => None,
        Some(n) => match (&n.kind, n.as_str()) {
            (NodeKind::Bool(b), _) => Some(*b),
            (_, Some("unknown")) => None,
            _ => {
                sink.push(n.loc, "`if_missing` must be `true`, `false` or `unknown`");
                return None;
            }
        },
    };
    Some(Condition::Test {
        field: path,
        op,
        if_missing,
    })
}

fn operator(name: &str, node: &Node, spec: &FieldSpec, path: &str, sink: &mut Sink) -> Option<Op> {
    let element = match &spec.kind {
        Kind::List(inner) => Some(*inner),
        _ => None,
    };
    let is_list = element.is_some();
    match name {
        "is" | "is_not" | "equals" => {
            if let Some(special) = node.as_str().and_then(special_state) {
                if name == "is_not" {
                    sink.push(
                        node.loc,
                        format!(
                            "write `not: {{ field: {path}, is: {} }}` instead",
                            node.as_str().unwrap_or("")
                        ),
                    );
                    return None;
                }
                return Some(special);
            }
            if is_list {
                sink.push(node.loc, format!("`{path}` is a list: use `contains`, `contains_any`, `at_least` or `at_most`"));
                return None;
            }
            let literal = literal(node, &spec.kind, path, sink)?;
            Some(if name == "is_not" {
                Op::IsNot(literal)
            } else {
                Op::Is(literal)
            })
        }
        "one_of" => {
            if is_list {
                sink.push(node.loc, format!("`{path}` is a list: use `contains_any`"));
                return None;
            }
            literals(node, &spec.kind, path, sink).map(Op::OneOf)
        }
        "contains" | "contains_any" => {
            let Some(element) = element else {
                sink.push(
                    node.loc,
                    format!("`{path}` is not a list: use `is` or `one_of`"),
                );
                return None;
            };
            if name == "contains" {
                literal(node, element, path, sink).map(Op::Contains)
            } else {
                literals(node, element, path, sink).map(Op::ContainsAny)
            }
        }
        _ => {
            let numeric = is_list || matches!(spec.kind, Kind::Integer { .. } | Kind::Number);
            if !numeric {
                sink.push(
                    node.loc,
                    format!("`{name}` compares numbers or list lengths; `{path}` is neither"),
                );
                return None;
            }
            let n = match &node.kind {
                NodeKind::Int(i) => *i as f64,
                NodeKind::Float(f) => *f,
                other => {
                    sink.push(
                        node.loc,
                        format!("`{name}` must be a number; found {}", other.describe()),
                    );
                    return None;
                }
            };
            Some(if name == "at_least" {
                Op::AtLeast(n)
            } else {
                Op::AtMost(n)
            })
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
        sink.push(node.loc, "expected a list of values");
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
                format!(
                    "expected a value to compare with; found {}",
                    other.describe()
                ),
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
                format!(
                    "`{path}` holds numbers or structures; `{text}` cannot be compared with it"
                ),
            );
            return None;
        }
    };
    if valid.contains(&text.as_str()) {
        Some(Literal::Text(text))
    } else {
        sink.push(
            node.loc,
            suggest::unknown_value(&format!("`{path}`"), &text, valid),
        );
        None
    }
}

fn number(n: f64, kind: &Kind, node: &Node, path: &str, sink: &mut Sink) -> Option<Literal> {
    match kind {
        Kind::Integer { .. } | Kind::Number => Some(Literal::Number(n)),
        Kind::Text => Some(Literal::Text(
            super::super::model::programme::format_number(n),
        )),
        _ => {
            sink.push(node.loc, format!("`{path}` does not hold numbers"));
            None
        }
    }
}
