//! Writes a converted IATI activity as a format-1 programme file: comments naming the source
//! file and activity and how the mapping decided, then the fields in block YAML.
//!
//! Output only; it changes nothing of what it writes.

use super::convert::Converted;
use crate::load::{Node, NodeKind};
use std::fmt::Write as _;

/// A YAML scalar: plain when YAML would read it back as the same text, else double-quoted.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-' | '(' | ')' | '/' | ',' | '\''))
        && !s.starts_with(|c: char| c == '-' || c == '\'' || c.is_ascii_digit())
        && !s.ends_with(' ')
        && !matches!(s.to_lowercase().as_str(), "yes" | "no" | "true" | "false" | "null" | "on" | "off" | "y" | "n");
    if plain { s.to_string() } else { serde_json::to_string(s).unwrap_or_default() }
}

fn write(node: &Node, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    match &node.kind {
        NodeKind::Map(entries) => {
            for (k, v) in entries {
                let key = k.key_text().unwrap_or_default();
                match &v.kind {
                    NodeKind::Map(_) => {
                        let _ = writeln!(out, "{pad}{key}:");
                        write(v, indent + 1, out);
                    }
                    NodeKind::Seq(items)
                        if items.iter().all(|i| !matches!(i.kind, NodeKind::Map(_) | NodeKind::Seq(_))) =>
                    {
                        let parts: Vec<String> = items.iter().map(inline).collect();
                        let _ = writeln!(out, "{pad}{key}: [{}]", parts.join(", "));
                    }
                    NodeKind::Seq(items) => {
                        let _ = writeln!(out, "{pad}{key}:");
                        for item in items {
                            let mut inner = String::new();
                            write(item, indent + 2, &mut inner);
                            let inner = inner.trim_start().to_string();
                            let _ = write!(out, "{pad}  - {inner}");
                        }
                    }
                    _ => {
                        let _ = writeln!(out, "{pad}{key}: {}", inline(v));
                    }
                }
            }
        }
        _ => {
            let _ = writeln!(out, "{pad}{}", inline(node));
        }
    }
}

fn inline(node: &Node) -> String {
    match &node.kind {
        NodeKind::Str(s) => scalar(s),
        NodeKind::Int(i) => i.to_string(),
        NodeKind::Float(f) => f.to_string(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Null => "~".into(),
        _ => String::new(),
    }
}

/// The programme file for an activity read from `source`.
pub fn programme_file(c: &Converted, source: &str) -> String {
    let mut out = String::new();
    let _ =
        writeln!(out, "# Imported by dnh-screen from {source}, IATI activity {} (line {}).", c.identifier, c.loc.line);
    let _ = writeln!(out, "# IATI does not say how a design manages crime-related harm: those answers are left out,");
    let _ = writeln!(out, "# so the screening reports them as information gaps. Fill them in from the design.");
    for note in &c.notes {
        let _ = writeln!(out, "# Mapping: {note}.");
    }
    write(&c.node, 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::scalar;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        assert_eq!(scalar("Mopti"), "Mopti");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("2024-01-01"), "\"2024-01-01\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("Appui à la région"), "Appui à la région");
        assert_eq!(scalar("#1 \"x\""), "\"#1 \\\"x\\\"\"");
    }
}
