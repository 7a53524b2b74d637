//! Problems found in a partner, contact or activity marked sensitive quote nothing written in
//! it: they name the field and the line. Whatever a message would quote (a mistyped key, a
//! value that is not valid) reads `[withheld]` unless it is the field's path or a word of the
//! format, and any text written in the item is withheld from the message besides.
//!
//! Part of the validate stage; it rewrites the messages of one item's problems and nothing else.

use crate::load::{Node, NodeKind};
use crate::model::{Answer, Problem};
use crate::redact::{PLACEHOLDER, Withheld, common, marks};
use crate::schema::{FieldSpec, Kind};
use crate::text::fold;

/// Rewrites `problems` (those found in `item`, at `path`) when the item is marked sensitive.
pub fn withhold(item: &Node, path: &str, fields: &[FieldSpec], problems: &mut [Problem]) {
    if problems.is_empty() || !marks::is_marked(item) {
        return;
    }
    let safe = |text: &str| {
        text.starts_with(path)
            || Answer::NAMES.contains(&text)
            || matches!(text, "answer" | "evidence")
            || fields.iter().any(|f| f.name == text || matches!(f.kind, Kind::Choice(values) if values.contains(&text)))
    };
    let mut written = Vec::new();
    scalars(item, &mut written);
    // The item's own texts, but not the words of the format it is written in.
    written.retain(|t| !safe(t) && fold(t).chars().filter(|c| *c != ' ').count() >= common::SHORTEST);
    let withheld = Withheld::new(&written);
    for problem in problems {
        let quoted: Vec<&str> = problem.message().split('`').collect();
        let mut message = String::with_capacity(problem.message().len());
        for (i, part) in quoted.iter().enumerate() {
            if i > 0 {
                message.push('`');
            }
            let is_quote = i % 2 == 1 && i + 1 < quoted.len();
            message.push_str(if is_quote && !safe(part) { PLACEHOLDER } else { part });
        }
        *problem.kind.message_mut() = withheld.scrub(&message).unwrap_or(message);
    }
}

/// Every key and scalar value written in a node.
fn scalars(node: &Node, out: &mut Vec<String>) {
    match &node.kind {
        NodeKind::Seq(items) => items.iter().for_each(|n| scalars(n, out)),
        NodeKind::Map(entries) => {
            for (key, value) in entries {
                scalars(key, out);
                scalars(value, out);
            }
        }
        _ => out.extend(node.key_text()),
    }
}
