//! Key questions: the questions a design's type, partners and activities raise (the table in
//! `schema::questions`), whether or not a rule could fire on them yet; those it leaves
//! unanswered, and the share it answers (its completeness).
//!
//! Part of the evaluate stage: it reads a validated programme and the table. It must not
//! rate anything, nor word the questions (their wording is the schema's).

use crate::model::{Answer, Completeness, Field, Gap, Lookup, Object, Programme, Value};
use crate::schema::questions::{KEY_QUESTIONS, Raised, SECURITY_KINDS, UNLESS};
use crate::schema::{self, PARTNER, ROOT};

/// The key questions a design raises: the unanswered ones as gaps (in no particular order),
/// and how many it answers.
pub struct Asked {
    pub gaps: Vec<Gap>,
    pub completeness: Completeness,
}

/// Matches the key-question table against a programme.
pub fn key_questions(programme: &Programme) -> Asked {
    let partners: Vec<(&Field, &Object)> = items(&programme.root, "partners");
    let activities: Vec<&Object> = items(&programme.root, "activities").into_iter().map(|(_, o)| o).collect();
    let kind = programme.kind.as_str();
    let mut paths: Vec<String> = Vec::new();
    let mut partner_paths: Vec<(usize, &'static str)> = Vec::new();
    for row in KEY_QUESTIONS {
        let raising: Vec<usize> = match &row.raised {
            Raised::Always => vec![usize::MAX],
            Raised::Types(types) => {
                if types.contains(&kind) {
                    vec![usize::MAX]
                } else {
                    vec![]
                }
            }
            Raised::Activities(kinds) => {
                if activities.iter().any(|a| a.text("kind").is_some_and(|k| kinds.contains(&k))) {
                    vec![usize::MAX]
                } else {
                    vec![]
                }
            }
            Raised::AnyPartner => (0..partners.len()).collect(),
            Raised::SecurityActor => (0..partners.len()).filter(|i| security_actor(partners[*i].1)).collect(),
            Raised::PartnerKinds(kinds) => (0..partners.len())
                .filter(|i| partners[*i].1.text("kind").is_some_and(|k| kinds.contains(&k)))
                .collect(),
        };
        if raising.is_empty() {
            continue;
        }
        paths.extend(row.fields.iter().map(|p| p.to_string()));
        for i in raising.into_iter().filter(|i| *i != usize::MAX) {
            partner_paths.extend(row.each_partner.iter().map(|name| (i, *name)));
        }
    }
    paths.sort();
    paths.dedup();
    partner_paths.sort();
    partner_paths.dedup();

    let mut completeness = Completeness::default();
    let mut gaps = Vec::new();
    let mut count = |answered: bool, gap: Option<Gap>| {
        completeness.asked = completeness.asked.saturating_add(1);
        if answered {
            completeness.answered = completeness.answered.saturating_add(1);
        }
        gaps.extend(gap);
    };
    for path in &paths {
        if schema::find(ROOT, path).is_none_or(|s| s.question.is_none()) || skipped(programme, path) {
            continue;
        }
        match programme.lookup(path) {
            Lookup::Present(field) if !field.value.is_unknown() => count(true, None),
            Lookup::Present(field) => {
                count(false, Some(Gap { field: path.clone(), loc: field.loc, written_unknown: true }))
            }
            Lookup::Absent { nearest } => {
                count(false, Some(Gap { field: path.clone(), loc: nearest, written_unknown: false }))
            }
        }
    }
    for (i, name) in partner_paths {
        if schema::find(PARTNER, name).is_none_or(|s| s.question.is_none()) {
            continue;
        }
        let (item, partner) = partners[i];
        let field = format!("partners[{i}].{name}");
        match partner.get(name) {
            Some(f) if !f.value.is_unknown() => count(true, None),
            Some(f) => count(false, Some(Gap { field, loc: f.loc, written_unknown: true })),
            None => count(false, Some(Gap { field, loc: item.key, written_unknown: false })),
        }
    }
    Asked { gaps, completeness }
}

/// The objects of a list field, with the items that hold them.
fn items<'p>(root: &'p Object, name: &str) -> Vec<(&'p Field, &'p Object)> {
    root.list(name)
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match &item.value {
            Value::Object(o) => Some((item, o)),
            _ => None,
        })
        .collect()
}

/// A partner of a security kind, or one that carries or controls weapons.
fn security_actor(partner: &Object) -> bool {
    partner.text("kind").is_some_and(|k| SECURITY_KINDS.contains(&k)) || says_yes(partner.get("armed"))
}

fn says_yes(field: Option<&Field>) -> bool {
    match field.map(|f| &f.value) {
        Some(Value::Answer { answer, .. }) => *answer == Answer::Yes,
        Some(Value::Choice { value, .. }) => value == "yes",
        _ => false,
    }
}

/// A question the table leaves out when another answer makes it meaningless.
fn skipped(programme: &Programme, path: &str) -> bool {
    UNLESS.iter().any(|(asked, other, value)| {
        *asked == path
            && match programme.lookup(other) {
                Lookup::Present(f) => f.value.display() == *value,
                Lookup::Absent { .. } => false,
            }
    })
}
