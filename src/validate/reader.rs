//! Small readers for rule, test-case and configuration files: mappings with a closed set of
//! keys, texts in two languages, numbers in a range. Every problem is recorded with its
//! position; reading goes on.
//!
//! Part of the validate stage. It knows YAML node shapes, not what a rule or a setting means.

pub use super::Sink;
use crate::load::{Node, NodeKind};
use crate::model::{Loc, ProblemKind as K, Text};
use crate::validate::suggest;

/// A mapping whose keys were checked against a closed list.
pub struct Map<'a> {
    pub node: &'a Node,
    entries: &'a [(Node, Node)],
}

impl<'a> Map<'a> {
    /// Opens `node` as a mapping with keys from `allowed`; unknown keys are reported.
    pub fn open(node: &'a Node, allowed: &[&str], what: &str, sink: &mut Sink) -> Option<Map<'a>> {
        let NodeKind::Map(entries) = &node.kind else {
            sink.push(node.loc, K::WrongType(format!("{what} must be a mapping; found {}", node.kind.describe())));
            return None;
        };
        for (key, _) in entries {
            match key.key_text() {
                Some(k) if allowed.contains(&k.as_str()) => {}
                Some(k) => sink.push(key.loc, K::UnknownField(suggest::unknown_field(&k, what, allowed))),
                None => sink.push(key.loc, K::WrongType("a field name must be text".into())),
            }
        }
        Some(Map { node, entries })
    }

    /// The value of `key`, unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v).filter(|v| !v.is_null())
    }

    /// Whether `key` is written, whatever its value (even none).
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k.as_str() == Some(key))
    }

    /// The position of `key` itself, or of the mapping when absent.
    pub fn key_loc(&self, key: &str) -> Loc {
        self.entries.iter().find(|(k, _)| k.as_str() == Some(key)).map_or(self.node.loc, |(k, _)| k.loc)
    }

    /// The value of a required `key`; its absence is reported.
    pub fn require(&self, key: &str, sink: &mut Sink) -> Option<&'a Node> {
        let value = self.get(key);
        if value.is_none() {
            sink.push(self.key_loc(key), K::MissingField(format!("missing required field `{key}`")));
        }
        value
    }

    /// The keys written, in order.
    pub fn keys(&self) -> impl Iterator<Item = (String, &'a Node)> + '_ {
        self.entries.iter().filter_map(|(k, v)| k.key_text().map(|t| (t, v)))
    }
}

/// A scalar as text.
pub fn text(node: &Node, what: &str, sink: &mut Sink) -> Option<String> {
    match &node.kind {
        NodeKind::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        NodeKind::Str(_) => {
            sink.push(node.loc, K::EmptyValue(format!("`{what}` is empty")));
            None
        }
        NodeKind::Int(i) => Some(i.to_string()),
        NodeKind::Float(f) => Some(f.to_string()),
        NodeKind::Big(b) => Some(b.clone()),
        other => {
            sink.push(node.loc, K::WrongType(format!("`{what}` must be text; found {}", other.describe())));
            None
        }
    }
}

/// A text in English and French: a plain string (English) or `{ en, fr }`.
pub fn bilingual(node: &Node, what: &str, sink: &mut Sink) -> Option<Text> {
    match &node.kind {
        NodeKind::Map(_) => {
            let map = Map::open(node, &["en", "fr"], what, sink)?;
            let en = text(map.require("en", sink)?, &format!("{what}.en"), sink)?;
            let fr = match map.get("fr") {
                Some(n) => Some(text(n, &format!("{what}.fr"), sink)?),
                None => None,
            };
            Some(Text { en, fr })
        }
        _ => text(node, what, sink).map(Text::english),
    }
}

/// A whole number within `min..=max`.
pub fn integer(node: &Node, what: &str, min: i64, max: i64, sink: &mut Sink) -> Option<i64> {
    match &node.kind {
        NodeKind::Int(i) if (min..=max).contains(i) => Some(*i),
        NodeKind::Int(i) => {
            sink.push(node.loc, K::OutOfRange(format!("`{what}` must be between {min} and {max}; found {i}")));
            None
        }
        NodeKind::Big(b) => {
            sink.push(node.loc, K::OutOfRange(format!("`{what}` must be between {min} and {max}; found {b}")));
            None
        }
        _ => {
            sink.push(
                node.loc,
                K::WrongType(format!(
                    "`{what}` must be a whole number from {min} to {max}; found {}",
                    super::value::found(node)
                )),
            );
            None
        }
    }
}

/// A list node's items, or the node itself when a single value was written.
pub fn items(node: &Node) -> Vec<&Node> {
    match &node.kind {
        NodeKind::Seq(items) => items.iter().collect(),
        _ => vec![node],
    }
}

/// One value of a closed list, with a suggestion when it is close to a valid one.
pub fn choice<T>(
    node: &Node,
    what: &str,
    names: &[&str],
    parse: impl Fn(&str) -> Option<T>,
    sink: &mut Sink,
) -> Option<T> {
    let value = text(node, what, sink)?;
    match parse(&value) {
        Some(v) => Some(v),
        None => {
            sink.push(node.loc, K::UnknownValue(suggest::unknown_value(&format!("`{what}`"), &value, names)));
            None
        }
    }
}
