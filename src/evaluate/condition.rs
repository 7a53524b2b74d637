//! Three-valued evaluation of a rule's condition on one programme, with the evidence that
//! decided it: every field consulted, its value and its position.
//!
//! One evaluator, generic over where evidence goes: `NoEvidence` for the quick pass that only
//! needs the truth value (it stops at the first decisive part and allocates nothing), a
//! `Vec<Evidence>` for the findings raised. Each field test decides its own truth
//! (`model::FieldTest`, defined in the `lang` module); this module walks `all`, `any`, `not`,
//! `mentions` and the quantifiers.
//!
//! Part of the evaluate stage. It reads a validated programme and a validated condition; it
//! must not score, and it must never treat a missing answer as a safe one.

use crate::model::programme::{Lookup, lookup};
use crate::model::rule::{ListName, TextSource};
use crate::model::{
    Condition, Context, Date, Evidence, Field, FieldTest, Loc, Object, Observed, Programme, Tri, Value,
};
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
        Scope { programme: p, object: &p.root, loc: p.loc, prefix: "", today, texts }
    }
}

/// The result of a condition and the evidence behind it.
pub type Outcome = (Tri, Vec<Evidence>);

/// Where the evaluator puts the evidence of what it read.
pub trait EvidenceSink: Sized {
    /// Whether evidence is kept. When it is not, evaluation stops at the first decisive part.
    const COLLECT: bool;
    fn empty() -> Self;
    fn push(&mut self, make: impl FnOnce() -> Evidence);
    /// Adds the evidence of the parts whose truth `keep` accepts, each field once, in order.
    fn gather(&mut self, parts: Vec<(Tri, Self)>, keep: impl Fn(Tri) -> bool);
}

/// The quick pass: the truth value alone.
pub struct NoEvidence;

impl EvidenceSink for NoEvidence {
    const COLLECT: bool = false;
    fn empty() -> Self {
        NoEvidence
    }
    fn push(&mut self, _: impl FnOnce() -> Evidence) {}
    fn gather(&mut self, _: Vec<(Tri, Self)>, _: impl Fn(Tri) -> bool) {}
}

impl EvidenceSink for Vec<Evidence> {
    const COLLECT: bool = true;
    fn empty() -> Self {
        Vec::new()
    }
    fn push(&mut self, make: impl FnOnce() -> Evidence) {
        self.push(make());
    }
    fn gather(&mut self, parts: Vec<(Tri, Self)>, keep: impl Fn(Tri) -> bool) {
        for (tri, evidence) in parts {
            if keep(tri) {
                for e in evidence {
                    if !self.iter().any(|o| o.field == e.field) {
                        self.push(e);
                    }
                }
            }
        }
    }
}

/// The truth value alone: short-circuiting, and nothing allocated.
pub fn truth(condition: &Condition, scope: Scope) -> Tri {
    evaluate(condition, scope, &mut NoEvidence)
}

/// The truth value and the evidence that decided it.
pub fn eval(condition: &Condition, scope: Scope) -> Outcome {
    let mut evidence = Vec::new();
    let tri = evaluate(condition, scope, &mut evidence);
    (tri, evidence)
}

/// Evaluates `condition`, putting the evidence that decided it in `sink`.
pub fn evaluate<S: EvidenceSink>(condition: &Condition, scope: Scope, sink: &mut S) -> Tri {
    match condition {
        Condition::All(parts) => combine(parts, Tri::False, scope, sink),
        Condition::Any(parts) => combine(parts, Tri::True, scope, sink),
        Condition::Not(inner) => evaluate(inner, scope, sink).negate(),
        Condition::Test { field, test, if_missing } => {
            field_test(field, test.as_ref(), if_missing.map_or(Tri::Unknown, Tri::from_bool), scope, sink)
        }
        Condition::Mentions { sources, matcher, .. } => mentions(matcher, sources, scope, sink),
        Condition::Quantified { list, every, condition } => quantified(*list, *every, condition, scope, sink),
    }
}

/// `all` (decided by a false part) and `any` (decided by a true one). The evidence of `all`
/// is every part's, or only the false parts' when it is false; of `any`, the parts that
/// agree with it.
fn combine<S: EvidenceSink>(parts: &[Condition], decisive: Tri, scope: Scope, sink: &mut S) -> Tri {
    let mut results: Vec<(Tri, S)> = Vec::new();
    let mut tri = decisive.negate();
    for part in parts {
        let mut evidence = S::empty();
        let t = evaluate(part, scope, &mut evidence);
        if t == decisive {
            tri = decisive;
        } else if t == Tri::Unknown && tri != decisive {
            tri = Tri::Unknown;
        }
        if S::COLLECT {
            results.push((t, evidence));
        } else if tri == decisive {
            return tri;
        }
    }
    if decisive == Tri::False {
        sink.gather(results, |t| tri != Tri::False || t == Tri::False);
    } else {
        sink.gather(results, |t| t == tri);
    }
    tri
}

/// Looks `field` up in the scope, recording what was found.
fn observe<'a, S: EvidenceSink>(field: &str, scope: Scope<'a>, sink: &mut S) -> Observed<'a> {
    let path = || format!("{}{field}", scope.prefix);
    match lookup(scope.object, scope.loc, field) {
        Lookup::Absent { nearest } => {
            sink.push(|| Evidence { field: path(), value: None, loc: nearest, gap: true });
            Observed::Absent
        }
        Lookup::Present(f) if f.value.is_unknown() => {
            sink.push(|| Evidence { field: path(), value: Some("unknown".into()), loc: f.loc, gap: true });
            Observed::Unknown
        }
        Lookup::Present(f) => {
            sink.push(|| Evidence { field: path(), value: Some(f.value.display()), loc: f.loc, gap: false });
            Observed::Known(&f.value)
        }
    }
}

/// What a field test may consult: the day, and other fields of its scope.
struct Consult<'s, 'a, S> {
    scope: Scope<'a>,
    sink: &'s mut S,
}

impl<'a, S: EvidenceSink> Context<'a> for Consult<'_, 'a, S> {
    fn today(&self) -> Date {
        self.scope.today
    }
    fn observe(&mut self, field: &str) -> Observed<'a> {
        observe(field, self.scope, self.sink)
    }
}

fn field_test<S: EvidenceSink>(field: &str, test: &dyn FieldTest, missing: Tri, scope: Scope, sink: &mut S) -> Tri {
    match observe(field, scope, sink) {
        Observed::Known(value) => test.on_known(value, missing, &mut Consult { scope, sink }),
        seen => test.on_missing(seen, missing),
    }
}

fn mentions<S: EvidenceSink>(matcher: &Mentions, sources: &[TextSource], scope: Scope, sink: &mut S) -> Tri {
    let mut any = false;
    for (source, path, loc, hay) in &scope.texts.entries {
        if !sources.contains(source) {
            continue;
        }
        if !S::COLLECT {
            if matcher.any(hay) {
                return Tri::True;
            }
            continue;
        }
        let found: Vec<String> = matcher.found(hay).into_iter().flatten().collect();
        if !found.is_empty() {
            any = true;
            sink.push(|| Evidence {
                field: path.clone(),
                value: Some(format!("mentions \"{}\"", found.join("\", \""))),
                loc: *loc,
                gap: false,
            });
        }
    }
    Tri::from_bool(any)
}

/// `any_…` and `every_…`. An absent list is unknown; on an empty list `any_…` is false and
/// `every_…` true (no partner fails it).
fn quantified<S: EvidenceSink>(list: ListName, every: bool, condition: &Condition, scope: Scope, sink: &mut S) -> Tri {
    let name = list.field();
    let Some(field) = scope.object.get(name) else {
        sink.push(|| Evidence { field: name.to_string(), value: None, loc: scope.loc, gap: true });
        return Tri::Unknown;
    };
    let Value::List(items) = &field.value else {
        return Tri::Unknown;
    };
    let mut results: Vec<(Tri, S)> = Vec::new();
    let (mut any_true, mut any_false, mut any_unknown) = (false, false, false);
    for (i, item) in items.iter().enumerate() {
        let Value::Object(object) = &item.value else {
            continue;
        };
        let prefix = if S::COLLECT { format!("{name}[{i}].") } else { String::new() };
        let mut evidence = S::empty();
        let t = evaluate(condition, Scope { object, loc: item.loc, prefix: &prefix, ..scope }, &mut evidence);
        match t {
            Tri::True => any_true = true,
            Tri::False => any_false = true,
            Tri::Unknown => any_unknown = true,
        }
        if S::COLLECT {
            results.push((t, evidence));
        } else if (!every && any_true) || (every && any_false) {
            break;
        }
    }
    let (tri, decisive) = match (every, any_true, any_false, any_unknown) {
        (false, true, _, _) => (Tri::True, Some(Tri::True)),
        (false, false, _, true) => (Tri::Unknown, Some(Tri::Unknown)),
        (false, false, _, false) => (Tri::False, None),
        (true, _, true, _) => (Tri::False, Some(Tri::False)),
        (true, _, false, true) => (Tri::Unknown, Some(Tri::Unknown)),
        (true, _, false, false) => (Tri::True, None),
    };
    match decisive {
        Some(t) => sink.gather(results, |r| r == t),
        None => sink.push(|| Evidence {
            field: name.to_string(),
            value: Some(format!("{} listed", items.len())),
            loc: field.key,
            gap: false,
        }),
    }
    tri
}
