//! A YAML document as a tree of nodes, each with the line and column it was written at.
//!
//! This is the raw shape of a file before validation: any mapping, any list, any scalar. It must
//! not know the programme format or the rule format; those are checked by the validate and
//! checklist stages, which can then report every problem in a file rather than the first.

use crate::model::Loc;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// One YAML node and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub loc: Loc,
    pub kind: NodeKind,
}

/// The shape of a YAML node.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A number too large for a 64-bit integer (or for a float), as written: `99999999999999999999999`;
    /// also a top-level `format` number not written `1` (`1.0`), as written.
    Big(String),
    Str(String),
    Seq(Vec<Node>),
    /// Entries in the order written.
    Map(Vec<(Node, Node)>),
}

impl NodeKind {
    /// How the node's type is named in error messages.
    pub fn describe(&self) -> &'static str {
        match self {
            NodeKind::Null => "nothing (null)",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Big(_) => "a number",
            NodeKind::Str(_) => "text",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// The node as mapping-key text, if it is a scalar.
    pub fn key_text(&self) -> Option<String> {
        match &self.kind {
            NodeKind::Str(s) => Some(s.clone()),
            NodeKind::Int(i) => Some(i.to_string()),
            NodeKind::Bool(b) => Some(b.to_string()),
            NodeKind::Float(f) => Some(f.to_string()),
            NodeKind::Big(b) => Some(b.clone()),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, NodeKind::Null)
    }

    /// Looks up a key in a mapping node.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Map(entries) => entries.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<NodeKind>::deserialize(deserializer)?;
        Ok(Node {
            loc: Loc::new(spanned.referenced.line() as u32, spanned.referenced.column() as u32),
            kind: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for NodeKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl<'de> Visitor<'de> for KindVisitor {
    type Value = NodeKind;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }

    fn visit_none<E>(self) -> Result<NodeKind, E> {
        Ok(NodeKind::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<NodeKind, D::Error> {
        NodeKind::deserialize(d)
    }

    fn visit_bool<E>(self, v: bool) -> Result<NodeKind, E> {
        Ok(NodeKind::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<NodeKind, E> {
        Ok(NodeKind::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<NodeKind, E> {
        Ok(i64::try_from(v).map_or_else(|_| NodeKind::Big(v.to_string()), NodeKind::Int))
    }

    fn visit_i128<E>(self, v: i128) -> Result<NodeKind, E> {
        Ok(i64::try_from(v).map_or_else(|_| NodeKind::Big(v.to_string()), NodeKind::Int))
    }

    fn visit_u128<E>(self, v: u128) -> Result<NodeKind, E> {
        Ok(i64::try_from(v).map_or_else(|_| NodeKind::Big(v.to_string()), NodeKind::Int))
    }

    /// A float beyond the range of a 64-bit integer, or not finite, is kept as written (once
    /// `written_numbers` has the text): shown as a float it would not be what the file says.
    fn visit_f64<E>(self, v: f64) -> Result<NodeKind, E> {
        Ok(if v.is_finite() && v.abs() < 9.2e18 { NodeKind::Float(v) } else { NodeKind::Big(v.to_string()) })
    }

    fn visit_str<E>(self, v: &str) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(visible(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(visible(v)))
    }

    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<NodeKind, E> {
        Ok(NodeKind::Str(visible(String::from_utf8_lossy(v).into_owned())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NodeKind, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(NodeKind::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NodeKind, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(NodeKind::Map(entries))
    }
}

/// Gives every `Big` number of `node` the text it is written as in `text` (its plain scalar at
/// its line and column), rather than the value the parser read.
pub fn written_numbers(node: &mut Node, text: &str) {
    written_format(node, text);
    if !may_hold_big(text) {
        return;
    }
    let mut starts: Option<Vec<usize>> = None;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        match &mut n.kind {
            NodeKind::Seq(items) => stack.extend(items.iter_mut()),
            NodeKind::Map(entries) => stack.extend(entries.iter_mut().flat_map(|(k, v)| [k, v])),
            NodeKind::Big(shown) => {
                let starts = starts.get_or_insert_with(|| {
                    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
                });
                if let Some(written) = written_at(text, starts, n.loc) {
                    *shown = written.to_string();
                }
            }
            _ => {}
        }
    }
}

/// Gives a top-level `format` number not written `1` (`1.0`, `1e0`, `01`) the text it is
/// written as, as a `Big` number, so that the message refusing it quotes what the file says.
fn written_format(node: &mut Node, text: &str) {
    let NodeKind::Map(entries) = &mut node.kind else { return };
    let Some((_, value)) = entries.iter_mut().find(|(k, _)| k.as_str() == Some("format")) else { return };
    if !matches!(value.kind, NodeKind::Int(_) | NodeKind::Float(_)) {
        return;
    }
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    if let Some(written) = written_at(text, &starts, value.loc).filter(|w| *w != "1") {
        value.kind = NodeKind::Big(written.to_string());
    }
}

/// Whether `text` can hold a `Big` number: a run of 19 digits, an exponent (`1e30`) or a
/// hexadecimal number. Most files have none, and their tree is not walked.
fn may_hold_big(text: &str) -> bool {
    if text.contains("0x") {
        return true;
    }
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= 19 {
                return true;
            }
            continue;
        }
        run = 0;
        let exponent = matches!(b, b'e' | b'E')
            && i > 0
            && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.')
            && bytes.get(i + 1).is_some_and(|n| n.is_ascii_digit() || matches!(n, b'+' | b'-'));
        if exponent {
            return true;
        }
    }
    false
}

/// The number written at `loc`: its characters up to a space, `,`, `]`, `}` or `#`.
fn written_at<'t>(text: &'t str, starts: &[usize], loc: Loc) -> Option<&'t str> {
    let line = text.get(*starts.get((loc.line as usize).checked_sub(1)?)?..)?;
    let line = line.split('\n').next()?;
    let from = line.char_indices().nth((loc.column as usize).checked_sub(1)?)?.0;
    let rest = &line[from..];
    let end = rest.find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}' | '#')).unwrap_or(rest.len());
    let written = &rest[..end];
    let numeric = written.chars().any(|c| c.is_ascii_digit()) || written.to_lowercase().contains("inf");
    (numeric && written.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.' | '_')))
        .then_some(written)
}

/// Text with every character that could act on a terminal or reorder what is shown (control
/// characters but newline and tab, bidirectional overrides and isolates) written out as
/// `\u{1b}`: a title can carry an escape sequence, never send one.
pub fn visible(text: String) -> String {
    let hidden = |c: char| {
        (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(hidden) {
        return text;
    }
    crate::text::shown::written_out(&text, hidden)
}

#[cfg(test)]
mod visible_tests {
    use super::visible;

    #[test]
    fn escapes_and_overrides_are_written_out() {
        assert_eq!(visible("a\u{1b}[2Jb\r\u{202e}c\n\td".into()), "a\\u{1b}[2Jb\\u{d}\\u{202e}c\n\td");
        assert_eq!(visible("Ménaka".into()), "Ménaka");
    }
}
