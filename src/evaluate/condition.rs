//! Three-valued evaluation of a rule's condition on one programme, with the evidence that
//! decided it: every field consulted, its value and its position.
//!
//! Part of the evaluate stage. It reads a validated programme and a validated condition; it
//! must not score, and it must never treat a missing answer as a safe one.

use super::words;
use crate::model::programme::{Lookup, lookup};
use crate::model::rule::{ListName, Literal, TextSource, Word};
use crate::model::{Condition, Date, Evidence, Field, Loc, Object, Op, Programme, Tri, Value};

/// What a condition sees: the programme, or one partner or activity within it.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    pub programme: &'a Programme,
    pub object: &'a Object,
    pub loc: Loc,
    /// Path prefix for evidence: `` or `partners[2].`.
    pub prefix: &'a str,
    /// The day of the screening, for tests on how old a date is.
    pub today: Date,
}

impl<'a> Scope<'a> {
    pub fn programme(p: &'a Programme, today: Date) -> Scope<'a> {
        Scope { programme: p, object: &p.root, loc: Loc::new(1, 1), prefix: "", today }
    }
}

/// The result of a condition and the evidence behind it.
pub type Outcome = (Tri, Vec<Evidence>);

pub fn eval(condition: &Condition, scope: Scope) -> Outcome {
    match condition {
        Condition::All(parts) => {
            let results: Vec<Outcome> = parts.iter().map(|c| eval(c, scope)).collect();
            let tri = if results.iter().any(|r| r.0 == Tri::False) {
                Tri::False
            } else if results.iter().all(|r| r.0 == Tri::True) {
                Tri::True
            } else {
                Tri::Unknown
            };
            (tri, gather(results, |t| if tri == Tri::False { t == Tri::False } else { true }))
        }
        Condition::Any(parts) => {
            let results: Vec<Outcome> = parts.iter().map(|c| eval(c, scope)).collect();
            let tri = if results.iter().any(|r| r.0 == Tri::True) {
                Tri::True
            } else if results.iter().all(|r| r.0 == Tri::False) {
                Tri::False
            } else {
                Tri::Unknown
            };
            (tri, gather(results, |t| t == tri))
        }
        Condition::Not(inner) => {
            let (tri, evidence) = eval(inner, scope);
            (tri.negate(), evidence)
        }
        Condition::Test { field, op, if_missing } => test(field, op, *if_missing, scope),
        Condition::Mentions { words, sources } => mentions(words, sources, scope),
        Condition::Quantified { list, every, condition } => quantified(*list, *every, condition, scope),
    }
}

fn gather(results: Vec<Outcome>, keep: impl Fn(Tri) -> bool) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = Vec::new();
    for (tri, evidence) in results {
        if keep(tri) {
            for e in evidence {
                if !out.iter().any(|o| o.field == e.field) {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// What a field holds, for a test: nothing written, `unknown`, or a known value.
enum Seen<'a> {
    Absent,
    Unknown,
    Known(&'a Value),
}

/// Looks `field` up in the scope, with the evidence of what was found.
fn observe<'a>(field: &str, scope: Scope<'a>) -> (Seen<'a>, Evidence) {
    let path = format!("{}{field}", scope.prefix);
    match lookup(scope.object, scope.loc, field) {
        Lookup::Absent { nearest } => (Seen::Absent, Evidence { field: path, value: None, loc: nearest, gap: true }),
        Lookup::Present(f) if f.value.is_unknown() => {
            (Seen::Unknown, Evidence { field: path, value: Some("unknown".into()), loc: f.loc, gap: true })
        }
        Lookup::Present(f) => {
            (Seen::Known(&f.value), Evidence { field: path, value: Some(f.value.display()), loc: f.loc, gap: false })
        }
    }
}

fn test(field: &str, op: &Op, if_missing: Option<bool>, scope: Scope) -> Outcome {
    let missing = if_missing.map_or(Tri::Unknown, Tri::from_bool);
    let (seen, evidence) = observe(field, scope);
    let tri = match (seen, op) {
        (Seen::Absent, Op::IsAbsent | Op::IsMissing) | (Seen::Unknown, Op::IsUnknown | Op::IsMissing) => Tri::True,
        (Seen::Absent, Op::IsUnknown) | (Seen::Unknown, Op::IsAbsent) => Tri::False,
        (Seen::Absent | Seen::Unknown, _) => missing,
        (Seen::Known(value), Op::ExceedsField(other)) => {
            let (other_seen, other_evidence) = observe(other, scope);
            let tri = match (measure(value), other_seen) {
                (Some(n), Seen::Known(v)) => measure(v).map_or(Tri::False, |m| Tri::from_bool(n > m)),
                (_, Seen::Absent | Seen::Unknown) => missing,
                (None, _) => Tri::False,
            };
            return (tri, vec![evidence, other_evidence]);
        }
        (Seen::Known(value), Op::OlderThanMonths(months)) => match value {
            Value::Date(d) => Tri::from_bool(d.last_day().months_until(scope.today) > *months as i32),
            _ => Tri::False,
        },
        (Seen::Known(value), op) => Tri::from_bool(known(value, op)),
    };
    (tri, vec![evidence])
}

/// A test on a written, known value.
fn known(value: &Value, op: &Op) -> bool {
    match op {
        Op::Is(lit) => equals(value, lit),
        Op::IsNot(lit) => !equals(value, lit),
        Op::IsAbsent | Op::IsUnknown | Op::IsMissing | Op::ExceedsField(_) | Op::OlderThanMonths(_) => false,
        Op::OneOf(lits) => lits.iter().any(|l| equals(value, l)),
        Op::Contains(lit) => list(value).iter().any(|f| equals(&f.value, lit)),
        Op::ContainsAny(lits) => list(value).iter().any(|f| lits.iter().any(|l| equals(&f.value, l))),
        Op::AtLeast(n) => measure(value).is_some_and(|m| m >= *n),
        Op::AtMost(n) => measure(value).is_some_and(|m| m <= *n),
    }
}

fn equals(value: &Value, lit: &Literal) -> bool {
    match (value, lit) {
        (Value::Number(n), Literal::Number(m)) => n == m,
        (Value::Number(_), Literal::Text(_)) | (_, Literal::Number(_)) => false,
        (Value::Answer { answer, .. }, Literal::Text(t)) => answer.as_str() == t,
        (Value::Choice { value: s, .. } | Value::Text(s), Literal::Text(t)) => s == t,
        (Value::Date(d), Literal::Text(t)) => d.to_string() == *t,
        (Value::List(_) | Value::Object(_), _) => false,
    }
}

fn list(value: &Value) -> &[Field] {
    match value {
        Value::List(items) => items,
        _ => &[],
    }
}

fn measure(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => Some(*n),
        Value::List(items) => Some(items.len() as f64),
        _ => None,
    }
}

fn mentions(wanted: &[Word], sources: &[TextSource], scope: Scope) -> Outcome {
    let p = scope.programme;
    let mut texts: Vec<(String, &Field)> = Vec::new();
    for source in sources {
        match source {
            TextSource::Title => texts.extend(p.root.get("title").map(|f| ("title".to_string(), f))),
            TextSource::Summary => texts.extend(p.root.get("summary").map(|f| ("summary".to_string(), f))),
            TextSource::Activities => {
                for (i, item) in p.root.list("activities").unwrap_or_default().iter().enumerate() {
                    if let Value::Object(o) = &item.value {
                        texts.extend(o.get("description").map(|f| (format!("activities[{i}].description"), f)));
                    }
                }
            }
        }
    }
    let mut evidence = Vec::new();
    for (path, field) in texts {
        let Value::Text(text) = &field.value else {
            continue;
        };
        let folded = words::fold(text);
        let tokens = words::tokens(&folded);
        let found: Vec<String> = wanted.iter().filter_map(|w| words::find(&tokens, &w.folded, w.prefix)).collect();
        if !found.is_empty() {
            evidence.push(Evidence {
                field: path,
                value: Some(format!("mentions \"{}\"", found.join("\", \""))),
                loc: field.loc,
                gap: false,
            });
        }
    }
    (Tri::from_bool(!evidence.is_empty()), evidence)
}

fn quantified(list: ListName, every: bool, condition: &Condition, scope: Scope) -> Outcome {
    let name = list.field();
    let Some(field) = scope.object.get(name) else {
        return (Tri::Unknown, vec![Evidence { field: name.to_string(), value: None, loc: scope.loc, gap: true }]);
    };
    let Value::List(items) = &field.value else {
        return (Tri::Unknown, Vec::new());
    };
    let mut results = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Object(object) = &item.value else {
            continue;
        };
        let prefix = format!("{name}[{i}].");
        let inner = Scope { programme: scope.programme, object, loc: item.loc, prefix: &prefix, today: scope.today };
        results.push(eval(condition, inner));
    }
    let any = |t: Tri| results.iter().any(|r| r.0 == t);
    let (tri, decisive) = match (every, any(Tri::True), any(Tri::False), any(Tri::Unknown)) {
        (false, true, _, _) => (Tri::True, Some(Tri::True)),
        (false, false, _, true) => (Tri::Unknown, Some(Tri::Unknown)),
        (false, false, _, false) => (Tri::False, None),
        (true, _, true, _) => (Tri::False, Some(Tri::False)),
        (true, _, false, true) => (Tri::Unknown, Some(Tri::Unknown)),
        (true, _, false, false) => (Tri::True, None),
    };
    let whole = Evidence {
        field: name.to_string(),
        value: Some(format!("{} listed", items.len())),
        loc: field.key,
        gap: false,
    };
    match decisive {
        Some(t) => (tri, gather(results, |r| r == t)),
        None => (tri, vec![whole]),
    }
}
