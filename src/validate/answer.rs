//! Answers and codes: `yes`/`no`/`unknown` (or YAML booleans), the `{ answer, evidence }`
//! form, and upper-case codes (currencies, countries).
//!
//! Part of the validate stage. It must not turn an absent or unknown answer into anything
//! else: absent stays absent, `unknown` stays `unknown`.

use super::Sink;
use super::suggest;
use super::value::Path;
use crate::load::{Node, NodeKind};
use crate::model::{Answer, ProblemKind as K, Value};

pub fn answer(node: &Node, path: &Path, sink: &mut Sink) -> Option<Value> {
    let expected = "`yes`, `no` or `unknown` (or `{ answer: …, evidence: … }`)";
    match &node.kind {
        NodeKind::Bool(b) => Some(Value::Answer { answer: if *b { Answer::Yes } else { Answer::No }, evidence: None }),
        NodeKind::Str(s) => match Answer::parse(s) {
            Some(a) => Some(Value::Answer { answer: a, evidence: None }),
            None => {
                sink.push(node.loc, K::UnknownValue(suggest::unknown_value(&format!("`{path}`"), s, Answer::NAMES)));
                None
            }
        },
        NodeKind::Map(_) => {
            let (answer, evidence) = with_evidence(node, path, Answer::NAMES, sink)?;
            Answer::parse(&answer).map(|answer| Value::Answer { answer, evidence })
        }
        other => {
            sink.push(node.loc, K::WrongType(format!("`{path}` must be {expected}; found {}", other.describe())));
            None
        }
    }
}

/// The `{ answer, evidence }` form of an answer whose values are `values`.
pub fn with_evidence(node: &Node, path: &Path, values: &[&str], sink: &mut Sink) -> Option<(String, Option<String>)> {
    match &node.kind {
        NodeKind::Map(entries) => {
            let mut answer = None;
            let mut evidence = None;
            let mut ok = true;
            for (key, value) in entries {
                match key.key_text().as_deref() {
                    Some("answer") => match &value.kind {
                        NodeKind::Bool(b) => answer = Some((if *b { "yes" } else { "no" }).to_string()),
                        NodeKind::Str(s) if values.contains(&s.as_str()) => answer = Some(s.clone()),
                        NodeKind::Str(s) => {
                            sink.push(
                                value.loc,
                                K::UnknownValue(suggest::unknown_value(&format!("`{path}.answer`"), s, values)),
                            );
                            ok = false;
                        }
                        other => {
                            sink.push(
                                value.loc,
                                K::WrongType(format!(
                                    "`{path}.answer` must be {}; found {}",
                                    suggest::one_of(values),
                                    other.describe()
                                )),
                            );
                            ok = false;
                        }
                    },
                    Some("evidence") => match &value.kind {
                        NodeKind::Str(s) => evidence = Some(s.trim_end().to_string()),
                        NodeKind::Null => {}
                        other => {
                            sink.push(
                                value.loc,
                                K::WrongType(format!("`{path}.evidence` must be text; found {}", other.describe())),
                            );
                            ok = false;
                        }
                    },
                    Some(other) => {
                        sink.push(
                            key.loc,
                            K::UnknownField(suggest::unknown_field(other, &path.to_string(), &["answer", "evidence"])),
                        );
                        ok = false;
                    }
                    None => {
                        sink.push(key.loc, K::WrongType("a field name must be text".to_string()));
                        ok = false;
                    }
                }
            }
            match answer {
                Some(answer) if ok => Some((answer, evidence)),
                None if ok => {
                    sink.push(node.loc, K::MissingField(format!("`{path}` has evidence but no `answer`")));
                    None
                }
                _ => None,
            }
        }
        _ => None,
    }
}

pub fn code(node: &Node, path: &Path, len: usize, expected: &str, sink: &mut Sink) -> Option<Value> {
    match &node.kind {
        NodeKind::Str(s) if s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase()) => Some(Value::Text(s.clone())),
        NodeKind::Str(s) => {
            sink.push(node.loc, K::InvalidValue(format!("`{path}` must be {expected}; found `{s}`")));
            None
        }
        other => {
            sink.push(node.loc, K::WrongType(format!("`{path}` must be {expected}; found {}", other.describe())));
            None
        }
    }
}
