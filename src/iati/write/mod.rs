//! Writes a converted IATI activity as a format-1 programme file: comments naming the source
//! file and activity and how the mapping decided, then the fields in block YAML.
//!
//! Output only; it changes nothing of what it writes.

mod scalar;

use super::convert::Converted;
use crate::load::{Node, NodeKind};
pub use scalar::{comment, scalar};
use std::fmt::Write as _;

fn write(node: &Node, indent: usize, out: &mut String) {
    let pad = "  ".repeat(indent);
    match &node.kind {
        NodeKind::Map(entries) => {
            for (k, v) in entries {
                let key = scalar(&k.key_text().unwrap_or_default());
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
        NodeKind::Float(f) => scalar::float(*f),
        NodeKind::Big(b) => scalar(b),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Null => "~".into(),
        _ => String::new(),
    }
}

/// The programme file for an activity read from `source`.
pub fn programme_file(c: &Converted, source: &str) -> String {
    let mut out = String::new();
    let (source, identifier) = (comment(source), comment(&c.identifier));
    let _ = writeln!(out, "# Imported by dnh-screen from {source}, IATI activity {identifier} (line {}).", c.loc.line);
    let _ = writeln!(out, "# IATI does not say how a design manages crime-related harm: those answers are left out,");
    let _ = writeln!(out, "# so the screening reports them as information gaps. Fill them in from the design.");
    for note in &c.notes {
        let _ = writeln!(out, "# Mapping: {}.", comment(note));
    }
    write(&c.node, 0, &mut out);
    out
}

#[cfg(test)]
mod tests;
