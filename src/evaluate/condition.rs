//! Three-valued evaluation of a rule's condition on one programme, with the evidence that
//! decided it: every field consulted, its value and its position.
//!
//! Part of the evaluate stage. It reads a validated programme and a validated condition; it
//! must not score, and it must never treat a missing answer as a safe one.

use crate::model::programme::{Lookup, lookup};
use crate::model::rule::{ListName, Literal, TextSource};
use crate::model::{Condition, Date, Evidence, Field, Loc, Object, Op, Programme, Tri, Value};
use crate::text::mentions::{Haystack, Mentions};
use crate::text::words;

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
    /// The programme's texts, folded once for `mentions` tests.
    pub texts: &'a Texts,
    /// Whether to build evidence: off for a first pass that only needs the truth value.
    pub collect: bool,
}

/// A programme's searchable texts, folded and split into words once.
pub struct Texts {
    entries: Vec<(TextSource, String, Loc, Haystack)>,
}

impl Texts {
    pub fn of(p: &Programme) -> Texts {
        let mut entries = Vec::new();
        let mut add = |source: TextSource, path: String, field: &Field| {
            if let Value::Text(text) = &field.value {
                entries.push((source, path, field.loc, Haystack::new(&words::fold(text))));
            }
        };
        if let Some(f) = p.root.get("title") {
            add(TextSource::Title, "title".into(), f);
        }
        if let Some(f) = p.root.get("summary") {
            add(TextSource::Summary, "summary".into(), f);
        }
        for (i, item) in p.root.list("activities").unwrap_or_default().iter().enumerate() {
            if let Value::Object(o) = &item.value
                && let Some(f) = o.get("description")
            {
                add(TextSource::Activities, format!("activities[{i}].description"), f);
            }
        }
        Texts { entries }
    }
}

impl<'a> Scope<'a> {
    pub fn programme(p: &'a Programme, texts: &'a Texts, today: Date) -> Scope<'a> {
        Scope { programme: p, object: &p.root, loc: p.loc, prefix: "", today, texts, collect: true }
    }
}

/// The result of a condition and the evidence behind it.
pub type Outcome = (Tri, Vec<Evidence>);

/// The truth value alone: short-circuiting, and nothing allocated.
pub fn truth(condition: &Condition, scope: Scope) -> Tri {
    match condition {
        Condition::All(parts) => {
            let mut result = Tri::True;
            for part in parts {
                match truth(part, scope) {
                    Tri::False => return Tri::False,
                    Tri::Unknown => result = Tri::Unknown,
                    Tri::True => {}
                }
            }
            result
        }
        Condition::Any(parts) => {
            let mut result = Tri::False;
            for part in parts {
                match truth(part, scope) {
                    Tri::True => return Tri::True,
                    Tri::Unknown => result = Tri::Unknown,
                    Tri::False => {}
                }
            }
            result
        }
        Condition::Not(inner) => truth(inner, scope).negate(),
        Condition::Quantified { list, every, condition } => {
            let Some(field) = scope.object.get(list.field()) else { return Tri::Unknown };
            let Value::List(items) = &field.value else { return Tri::Unknown };
            let (mut any_true, mut any_false, mut any_unknown) = (false, false, false);
            for item in items {
                let Value::Object(object) = &item.value else { continue };
                match truth(condition, Scope { object, loc: item.loc, prefix: "", collect: false, ..scope }) {
                    Tri::True => any_true = true,
                    Tri::False => any_false = true,
                    Tri::Unknown => any_unknown = true,
                }
                if (!*every && any_true) || (*every && any_false) {
                    break;
                }
            }
            match (every, any_true, any_false, any_unknown) {
                (false, true, _, _) | (true, _, false, false) => Tri::True,
                (false, false, _, true) | (true, _, false, true) => Tri::Unknown,
                _ => Tri::False,
            }
        }
        other => eval(other, Scope { collect: false, ..scope }).0,
    }
}

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
        Condition::Mentions { sources, matcher, .. } => mentions(matcher, sources, scope),
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
fn observe<'a>(field: &str, scope: Scope<'a>) -> (Seen<'a>, Option<Evidence>) {
    let path = || format!("{}{field}", scope.prefix);
    let collect = scope.collect;
    match lookup(scope.object, scope.loc, field) {
        Lookup::Absent { nearest } => {
            (Seen::Absent, collect.then(|| Evidence { field: path(), value: None, loc: nearest, gap: true }))
        }
        Lookup::Present(f) if f.value.is_unknown() => (
            Seen::Unknown,
            collect.then(|| Evidence { field: path(), value: Some("unknown".into()), loc: f.loc, gap: true }),
        ),
        Lookup::Present(f) => (
            Seen::Known(&f.value),
            collect.then(|| Evidence { field: path(), value: Some(f.value.display()), loc: f.loc, gap: false }),
        ),
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
            return (tri, evidence.into_iter().chain(other_evidence).collect());
        }
        (Seen::Known(value), Op::OlderThanMonths(months)) => match value {
            Value::Date(d) => Tri::from_bool(d.last_day().months_until(scope.today) > *months as i32),
            _ => Tri::False,
        },
        (Seen::Known(value), op) => Tri::from_bool(known(value, op)),
    };
    (tri, evidence.into_iter().collect())
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

fn mentions(matcher: &Mentions, sources: &[TextSource], scope: Scope) -> Outcome {
    let mut evidence = Vec::new();
    let mut any = false;
    for (source, path, loc, hay) in &scope.texts.entries {
        if !sources.contains(source) {
            continue;
        }
        if !scope.collect {
            if matcher.any(hay) {
                return (Tri::True, Vec::new());
            }
            continue;
        }
        let found: Vec<String> = matcher.found(hay).into_iter().flatten().collect();
        if !found.is_empty() {
            any = true;
            evidence.push(Evidence {
                field: path.clone(),
                value: Some(format!("mentions \"{}\"", found.join("\", \""))),
                loc: *loc,
                gap: false,
            });
        }
    }
    (Tri::from_bool(any), evidence)
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
        let prefix = if scope.collect { format!("{name}[{i}].") } else { String::new() };
        let inner = Scope { object, loc: item.loc, prefix: &prefix, ..scope };
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
