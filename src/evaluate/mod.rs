//! Evaluate stage: Programme × Checklist → findings with evidence.
//!
//! For each rule that applies to the programme's type, evaluates its condition in
//! three-valued logic and its modifiers. A condition that holds raises a finding; one that
//! is unknown raises a gap finding. It must not rate findings (that is `score`), read files,
//! or see anything but validated programmes and rules.

pub mod claims;
pub mod condition;
pub mod facts;
pub mod locate;
pub mod neighbours;
pub mod portfolio;
pub mod questions;

use crate::model::report::Unsupported;
use crate::model::{Answer, Date, Evidence, Object, Programme, Rating, Rule, RuleKind, Tri, Value};
use crate::schema::{self, FieldSpec, Kind};
use condition::Scope;

/// A rule raised on a programme, before scoring.
#[derive(Clone, Debug)]
pub struct Hit<'r> {
    pub rule: &'r Rule,
    /// Its position among the rules evaluated.
    pub index: u16,
    /// Raised because information is missing, not on what the design states.
    pub gap: bool,
    pub evidence: Vec<Evidence>,
    /// Impact and likelihood after modifiers, within 1–5.
    pub impact: u8,
    pub likelihood: u8,
    /// The highest floor that applies (the rule's own, or a modifier's).
    pub floor: Option<Rating>,
    /// Index of the evidence the finding points at.
    pub primary: usize,
    /// The finding's field, as a path that survives reordering (for baselines, fingerprints).
    pub key: String,
    /// The safeguards the rule judges that the design claims (`yes`): the finding is never
    /// rated above the design without those claims.
    pub claims: Vec<&'r str>,
}

/// Evaluates every rule that applies to the programme's type (portfolio rules aside).
/// How much evidence to gather for the findings raised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gather {
    /// Every field behind every finding, with its location and identity.
    All,
    /// Only the fields behind gap findings (to list the design's gaps); summaries need no more.
    Gaps,
}

pub fn evaluate<'r>(
    programme: &Programme,
    texts: &condition::Texts,
    rules: &[&'r Rule],
    today: Date,
    gather: Gather,
) -> Vec<Hit<'r>> {
    let scope = Scope::programme(programme, texts, today);
    let mut hits = Vec::new();
    for (index, rule) in rules.iter().copied().enumerate() {
        if !rule.applies_to(programme.kind) || rule.kind() == RuleKind::Portfolio {
            continue;
        }
        // A first pass for the truth value only; evidence is built for rules that fire.
        let tri = condition::truth(&rule.when, scope);
        if tri == Tri::False || (tri == Tri::Unknown && rule.kind() == RuleKind::Contradiction) {
            continue;
        }
        let (tri, evidence) = if gather == Gather::Gaps && tri == Tri::True {
            (tri, Vec::new())
        } else {
            condition::eval(&rule.when, scope)
        };
        // A contradiction is a fact about stated answers; a gap cannot contradict anything.
        if tri == Tri::False || (tri == Tri::Unknown && rule.kind() == RuleKind::Contradiction) {
            continue;
        }
        let (impact, likelihood, floor) = adjusted(rule, scope);
        let claims = claims::claimed(programme, &claims::judged(&rule.when));
        let primary = locate::primary(&evidence);
        let key = evidence.get(primary).map_or_else(String::new, |e| locate::stable_path(programme, &e.field));
        hits.push(Hit {
            rule,
            index: index as u16,
            gap: tri == Tri::Unknown,
            primary,
            key,
            evidence,
            impact,
            likelihood,
            floor,
            claims,
        });
    }
    hits
}

/// The positions of the rules that would raise a finding on the programme (a quick pass for
/// the truth value only: no evidence, no scores), in order.
pub fn firing(programme: &Programme, texts: &condition::Texts, rules: &[&Rule], today: Date) -> Vec<u16> {
    let scope = Scope::programme(programme, texts, today);
    rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| rule.applies_to(programme.kind) && rule.kind() != RuleKind::Portfolio)
        .filter(|(_, rule)| match condition::truth(&rule.when, scope) {
            Tri::True => true,
            Tri::Unknown => rule.kind() != RuleKind::Contradiction,
            Tri::False => false,
        })
        .map(|(index, _)| index as u16)
        .collect()
}

/// A rule's impact and likelihood after its modifiers (within 1–5), and its highest floor.
pub fn adjusted(rule: &Rule, scope: Scope) -> (u8, u8, Option<Rating>) {
    let mut impact = i16::from(rule.impact);
    let mut likelihood = i16::from(rule.likelihood);
    let mut floor = rule.floor;
    for modifier in rule.modifiers() {
        if condition::truth(&modifier.when, scope) == Tri::True {
            impact += i16::from(modifier.impact);
            likelihood += i16::from(modifier.likelihood);
            floor = floor.max(modifier.floor);
        }
    }
    (impact.clamp(1, 5) as u8, likelihood.clamp(1, 5) as u8, floor)
}

/// Every safeguard answered `yes` with no evidence given.
pub fn unsupported(programme: &Programme) -> Vec<Unsupported> {
    let mut out = Vec::new();
    walk(&programme.root, schema::ROOT, "", &mut out);
    out.sort();
    out
}

fn walk(object: &Object, fields: &'static [FieldSpec], prefix: &str, out: &mut Vec<Unsupported>) {
    for (name, field) in &object.entries {
        let Some(spec) = fields.iter().find(|f| f.name == *name) else { continue };
        let claims = match &field.value {
            Value::Answer { answer: Answer::Yes, evidence: None } => spec.safeguard,
            Value::Choice { value, evidence: None } => spec.safeguard && value == "yes",
            _ => false,
        };
        if claims {
            out.push(Unsupported { field: format!("{prefix}{name}"), loc: field.loc });
        }
        match (&field.value, &spec.kind) {
            (Value::Object(inner), Kind::Object(inner_fields)) => {
                walk(inner, inner_fields, &format!("{prefix}{name}."), out)
            }
            (Value::List(items), Kind::List(Kind::Object(item_fields))) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Object(inner) = &item.value {
                        walk(inner, item_fields, &format!("{prefix}{name}[{i}]."), out);
                    }
                }
            }
            _ => {}
        }
    }
}
