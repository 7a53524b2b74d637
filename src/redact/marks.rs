//! Collecting what a programme file marks sensitive, from its raw document and before it is
//! validated: a file with mistakes in it still has its names withheld from every other
//! programme of the run. When the file is not even readable YAML, its lines are searched for
//! the same marks.
//!
//! Part of withholding; it reads the load stage's raw tree or text, never a validated
//! programme. It is generous: anything but an answer of `no` marks an item, and a misspelt
//! `sensitive` key marks it too. A name too common to withhold is refused (see `common`).

use super::common;
use crate::load::{Node, NodeKind};
use crate::model::{Loc, Problem, ProblemKind};
use crate::text::fold;

/// The lists whose items can be marked sensitive, and the field that names each item.
pub const MARKED: [(&str, &str); 3] = [("partners", "name"), ("contacts", "name"), ("activities", "description")];

/// What one file marks sensitive: the names to withhold, and a problem for each name refused.
#[derive(Debug, Default)]
pub struct Marks {
    pub names: Vec<String>,
    pub refused: Vec<Problem>,
}

impl Marks {
    fn add(&mut self, text: &str, file: &str, loc: Loc, path: &str) {
        let folded = fold(text);
        if folded.is_empty() {
            return;
        }
        match common::refusal(&folded) {
            Some(reason) => self.refused.push(Problem::new(
                file,
                loc,
                ProblemKind::CommonSensitiveName(format!(
                    "`{path}` is marked sensitive but {reason}: withholding it would blank that word from \
                     the text of every programme in the run; write the name in full, or do not mark it sensitive"
                )),
            )),
            None => self.names.push(text.to_string()),
        }
    }
}

/// The marks of a raw programme document.
pub fn collect(node: &Node, file: &str) -> Marks {
    let mut marks = Marks::default();
    for (list, field) in MARKED {
        let Some(value) = node.get(list) else { continue };
        let items: Vec<(String, &Node)> = match &value.kind {
            NodeKind::Seq(items) => items.iter().enumerate().map(|(i, n)| (format!("{list}[{i}]"), n)).collect(),
            NodeKind::Map(_) => vec![(list.to_string(), value)],
            _ => Vec::new(),
        };
        for (path, item) in items.into_iter().filter(|(_, item)| is_marked(item)) {
            if let Some((name, text)) = item.get(field).and_then(|n| n.key_text().map(|t| (n, t))) {
                marks.add(&text, file, name.loc, &format!("{path}.{field}"));
            }
        }
    }
    marks
}

/// Whether a raw list item is marked sensitive: a `sensitive` key (or one spelt nearly so)
/// with any answer but `no`.
pub fn is_marked(item: &Node) -> bool {
    let NodeKind::Map(entries) = &item.kind else { return false };
    entries.iter().any(|(key, value)| {
        key.key_text().is_some_and(|k| is_sensitive_key(&k))
            && match &value.kind {
                NodeKind::Map(_) => value.get("answer").is_none_or(|a| !says_no(a)),
                _ => !says_no(value),
            }
    })
}

fn is_sensitive_key(key: &str) -> bool {
    key == "sensitive" || crate::text::did_you_mean(&fold(key), ["sensitive"]).is_some()
}

/// `sensitive:` left empty is not `no`: in doubt, the name is withheld.
fn says_no(value: &Node) -> bool {
    match &value.kind {
        NodeKind::Bool(false) => true,
        NodeKind::Str(s) => s.trim() == "no",
        _ => false,
    }
}

/// The marks of a file that is not readable YAML, found line by line: a list item (`- `) with
/// a `sensitive:` line answering anything but `no`, and the item's `name:` or
/// `description:`. Items written on one line count too, wherever they are and closed or not
/// (`- { name: …, sensitive: yes }`, `contacts: [{ name: …, sensitive: yes }`).
pub fn from_text(text: &str, file: &str) -> Marks {
    let mut marks = Marks::default();
    let mut open: Vec<Item> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let content = line[indent..].trim_end();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let dash = content == "-" || content.starts_with("- ");
        // A line indented with tabs has no column to trust: it belongs to the item open.
        let tabbed = line[..indent].contains('\t');
        while !tabbed && open.last().is_some_and(|item| if dash { item.dash >= indent } else { item.key > indent }) {
            open.pop().into_iter().for_each(|item| item.close(&mut marks, file));
        }
        let (column, fields) = if dash {
            let rest = content[1..].trim_start();
            let key = indent + (content.len() - rest.len());
            open.push(Item { dash: indent, key, ..Item::default() });
            (key, rest)
        } else {
            (indent, content)
        };
        let lines = u32::try_from(n + 1).unwrap_or(u32::MAX);
        let at = Loc::new(lines, u32::try_from(column + 1).unwrap_or(u32::MAX));
        // Items written on one line, wherever they are (`- { … }`, `contacts: [{ … }, { … }`):
        // each is an item of its own, closed or not.
        let value = fields.split_once(':').map_or("", |(_, v)| v.trim_start());
        if fields.starts_with('{') || value.starts_with(['[', '{']) {
            for group in fields.split('{').skip(1) {
                let mut item = Item::default();
                item.read(group.split('}').next().unwrap_or(group).split(','), at);
                item.close(&mut marks, file);
            }
            continue;
        }
        let Some(item) = open.last_mut().filter(|item| tabbed || item.key == column) else { continue };
        item.read([fields], at);
    }
    while let Some(item) = open.pop() {
        item.close(&mut marks, file);
    }
    marks
}

/// A list item being read line by line.
#[derive(Default)]
struct Item {
    dash: usize,
    /// The column its keys are written at.
    key: usize,
    marked: bool,
    names: Vec<(String, Loc)>,
}

impl Item {
    /// Reads `key: value` entries into the item.
    fn read<'a>(&mut self, entries: impl IntoIterator<Item = &'a str>, at: Loc) {
        for entry in entries {
            let Some((key, value)) = entry.split_once(':') else { continue };
            let (key, value) = (unquote(key), unquote(value));
            match key.as_str() {
                "name" | "description" if !value.is_empty() => self.names.push((value, at)),
                k if is_sensitive_key(k) => self.marked = !matches!(value.as_str(), "no" | "false" | "" | "~"),
                _ => {}
            }
        }
    }

    fn close(self, marks: &mut Marks, file: &str) {
        if self.marked {
            for (name, loc) in self.names {
                marks.add(&name, file, loc, "name");
            }
        }
    }
}

/// A scalar as written on one line, without its quotes or a trailing comment.
fn unquote(text: &str) -> String {
    let text = text.trim();
    for quote in ['"', '\''] {
        if let Some(inner) = text.strip_prefix(quote) {
            return inner.split(quote).next().unwrap_or(inner).to_string();
        }
    }
    text.split(" #").next().unwrap_or(text).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Limits, parse_str};

    fn names(text: &str) -> Vec<String> {
        let node =
            parse_str(text, "p.yaml", &Limits::default()).unwrap_or(Node { loc: Loc::NONE, kind: NodeKind::Null });
        collect(&node, "p.yaml").names
    }

    #[test]
    fn marks_are_read_from_any_document() {
        let text = "partners:\n  - name: Groupe Alpha\n    sensitive: yes\n    kind: nonsense\n  - name: Open\n    sensitive: no\ncontacts:\n  - { name: Ag Intalla, sensitive: maybe }\n  - name: Awa Keita\n    sensitve: true\nactivities:\n  - description: Radios for informants\n    sensitive: { answer: yes }\n";
        assert_eq!(names(text), ["Groupe Alpha", "Ag Intalla", "Awa Keita", "Radios for informants"]);
    }

    #[test]
    fn common_words_are_refused_with_the_field_and_line() {
        let node = parse_str("contacts:\n  - name: 'yes'\n    sensitive: yes\n", "p.yaml", &Limits::default());
        let marks = node.map(|n| collect(&n, "p.yaml")).unwrap_or_default();
        assert!(marks.names.is_empty());
        let refused: Vec<String> = marks.refused.iter().map(|p| p.to_string()).collect();
        assert_eq!(refused.len(), 1);
        assert!(refused[0].starts_with("p.yaml:2:11: `contacts[0].name` is marked sensitive but is a common word"));
    }

    #[test]
    fn lines_of_a_broken_file_are_searched() {
        let text = "id: A\npartners:\n  - name: \"Brigade de Tessit\"  # the unit\n    concerns:\n      - escorts\n    sensitive: yes\n  - name: Open\n\tsensitive: yes\n  - name: Ok\n    kind: x\ncontacts:\n- {name: Ag Intalla, sensitive: yes}\n- name: Awa\n  sensitive: no\n";
        assert_eq!(from_text(text, "p.yaml").names, ["Brigade de Tessit", "Open", "Ag Intalla"]);
    }

    #[test]
    fn items_on_one_line_count_wherever_they_are() {
        let text = "id: S-C\ntitle: \"Marker2\ncontacts: [{name: Zeinabou Walet Ghali, sensitive: \"yes\"}, {name: Open, sensitive: no}\npartners: [{ name: 'Groupe Beta', kind: x, sensitive: yes }]\n";
        assert_eq!(from_text(text, "p.yaml").names, ["Zeinabou Walet Ghali", "Groupe Beta"]);
        let text = "title: \"x\nactivities:\n  - description: Radios {for} informants\n    sensitive: yes\n";
        assert_eq!(from_text(text, "p.yaml").names, ["Radios {for} informants"]);
    }
}
