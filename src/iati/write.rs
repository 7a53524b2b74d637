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
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-' | '(' | ')' | '/' | '\''))
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
    use super::{scalar, write};
    use crate::load::{Limits, Node, NodeKind, parse_bytes};
    use crate::model::Loc;

    fn s(text: &str) -> Node {
        Node { loc: Loc::NONE, kind: NodeKind::Str(text.into()) }
    }

    /// The texts of a tree, in order (what a reader of the file gets back).
    fn texts(node: &Node, out: &mut Vec<String>) {
        match &node.kind {
            NodeKind::Str(t) => out.push(t.clone()),
            NodeKind::Int(i) => out.push(i.to_string()),
            NodeKind::Map(entries) => entries.iter().for_each(|(k, v)| {
                texts(k, out);
                texts(v, out);
            }),
            NodeKind::Seq(items) => items.iter().for_each(|i| texts(i, out)),
            _ => {}
        }
    }

    #[test]
    fn written_files_read_back_as_the_same_tree() {
        let tricky = [
            "Worofara, Mali",
            "Berlin, Deutschland",
            "[brackets] and {braces}",
            "a # not a comment",
            "Kidal: north",
            "no",
            "- dash first",
            "'quoted'",
            "l'Amour Vivant",
            "50% & more",
            "ends with space ",
            "tab\there",
            "« guillemets »",
            "*star",
            "&anchor",
            "!tag",
            "@at",
            "`tick",
            "|pipe",
            ">fold",
            "%percent",
            "?question",
        ];
        let seq = Node { loc: Loc::NONE, kind: NodeKind::Seq(tricky.iter().map(|t| s(t)).collect()) };
        let list = Node {
            loc: Loc::NONE,
            kind: NodeKind::Seq(vec![Node { loc: Loc::NONE, kind: NodeKind::Map(vec![(s("name"), s("A, B"))]) }]),
        };
        let mut entries: Vec<(Node, Node)> =
            tricky.iter().enumerate().map(|(i, t)| (s(&format!("k{i}")), s(t))).collect();
        entries.push((s("regions"), seq));
        entries.push((s("partners"), list));
        let root = Node { loc: Loc::NONE, kind: NodeKind::Map(entries) };
        let mut out = String::new();
        write(&root, 0, &mut out);
        let back = parse_bytes(out.as_bytes(), "t.yaml", &Limits::default()).unwrap_or_else(|p| panic!("{p}\n{out}"));
        let (mut want, mut got) = (Vec::new(), Vec::new());
        texts(&root, &mut want);
        texts(&back, &mut got);
        assert_eq!(got, want, "{out}");
    }

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
