//! The programme format (format 1) described as data: every field, its kind, whether it is
//! required, what it means, and the question a gap in it leaves open.
//!
//! One description serves validation, condition checking in rule files, gap questions and
//! documentation. This module must not read files or programmes; it only describes.

mod format1;
pub mod json_schema;
pub mod questions;
pub mod skeleton;

pub use format1::{ACTIVITY, ACTIVITY_KINDS, CONTACT, PARTNER, PARTNER_KINDS, ROLES, ROOT, STAGES};

/// What kind of value a field holds.
#[derive(Debug)]
pub enum Kind {
    /// `yes` / `no` / `unknown`, a YAML boolean, or `{ answer, evidence }`.
    Answer,
    /// One of a closed list of values; booleans stand for `yes`/`no` when the list has them.
    Choice(&'static [&'static str]),
    Text,
    /// Letters, digits, `.`, `_` and `-`.
    Id,
    Integer {
        min: i64,
        max: i64,
    },
    Number,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// Three capital letters (ISO 4217).
    Currency,
    /// Two capital letters (ISO 3166-1 alpha-2).
    Country,
    List(&'static Kind),
    Object(&'static [FieldSpec]),
    /// The format version: the number 1.
    Format,
}

/// One field of the format.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub doc: &'static str,
    /// The question an absent or `unknown` value leaves open, in English and French.
    pub question: Option<(&'static str, &'static str)>,
    /// A `yes` here claims a safeguard; without evidence it is reported as unsupported.
    pub safeguard: bool,
}

/// Finds the spec of a dotted path below `fields` (`measures.partner_vetting`).
pub fn find(fields: &'static [FieldSpec], path: &str) -> Option<&'static FieldSpec> {
    let mut current = fields;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let spec = current.iter().find(|f| f.name == part)?;
        if parts.peek().is_none() {
            return Some(spec);
        }
        current = match &spec.kind {
            Kind::Object(inner) => inner,
            _ => return None,
        };
    }
    None
}

/// Every dotted path below `fields` that a condition can test, for suggestions.
pub fn paths(fields: &'static [FieldSpec]) -> Vec<String> {
    let mut out = Vec::new();
    collect(fields, "", &mut out);
    out
}

fn collect(fields: &'static [FieldSpec], prefix: &str, out: &mut Vec<String>) {
    for f in fields {
        let path = if prefix.is_empty() { f.name.to_string() } else { format!("{prefix}.{}", f.name) };
        out.push(path.clone());
        if let Kind::Object(inner) = &f.kind {
            collect(inner, &path, out);
        }
    }
}

/// The spec of a field path as found in a programme, list positions included
/// (`partners[2].vetted` → the partner's `vetted`).
pub fn find_written(path: &str) -> Option<&'static FieldSpec> {
    match path.split_once("].") {
        Some((head, rest)) if head.starts_with("partners[") => find(PARTNER, rest),
        Some((head, rest)) if head.starts_with("activities[") => find(ACTIVITY, rest),
        Some((head, rest)) if head.starts_with("contacts[") => find(CONTACT, rest),
        _ => find(ROOT, path),
    }
}

/// The question a gap in `path` leaves open, in `lang`.
pub fn question(path: &str, lang: &str) -> Option<&'static str> {
    let (en, fr) = find_written(path)?.question?;
    Some(if lang == "fr" { fr } else { en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_list_items() {
        assert!(find(ROOT, "measures.alternative_livelihoods.provided").is_some());
        assert!(find(ROOT, "measures.nope").is_none());
        assert!(find_written("partners[3].vetted").is_some_and(|f| f.safeguard));
        assert!(paths(ROOT).iter().any(|p| p == "analysis.political_economy.covers"));
    }

    #[test]
    fn every_answer_has_a_question_in_both_languages() {
        for path in paths(ROOT) {
            if let Some(spec) = find(ROOT, &path)
                && matches!(spec.kind, Kind::Answer)
            {
                let q = spec.question;
                assert!(q.is_some_and(|(en, fr)| !en.is_empty() && !fr.is_empty()), "{path}");
            }
        }
    }
}
