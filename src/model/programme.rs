//! A validated programme: every value the author wrote, typed, with the line and column it
//! was written at, and nothing the author did not write (absent stays absent).
//!
//! Only the validate stage builds these; later stages read them. Nothing here parses YAML,
//! fills in defaults for design answers, or decides what an answer means for a risk.

use super::date::Date;
use super::vocab::{Answer, ProgrammeType};

/// A position in a source file, 1-based. Line 0 means "no position" (a whole-file problem).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: u32,
    pub column: u32,
}

impl Loc {
    pub const NONE: Loc = Loc { line: 0, column: 0 };

    pub fn new(line: u32, column: u32) -> Loc {
        Loc { line, column }
    }

    pub fn is_known(self) -> bool {
        self.line > 0
    }
}

/// A value the author wrote, after validation against the format.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A three-valued answer, with the evidence the author gave for it, if any.
    Answer {
        answer: Answer,
        evidence: Option<String>,
    },
    /// A member of a closed list of values (already checked), with evidence when the list
    /// is answer-like (`yes`/`no`/`planned`/`unknown`) and the `{answer, evidence}` form was used.
    Choice {
        value: String,
        evidence: Option<String>,
    },
    Text(String),
    Number(f64),
    Date(Date),
    List(Vec<Field>),
    Object(Object),
}

impl Value {
    /// The value as a short text, for evidence and messages.
    pub fn display(&self) -> String {
        match self {
            Value::Answer { answer, .. } => answer.to_string(),
            Value::Choice { value, .. } => value.clone(),
            Value::Text(s) => s.clone(),
            Value::Number(n) => format_number(*n),
            Value::Date(d) => d.to_string(),
            Value::List(items) => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|f| match &f.value {
                        Value::Object(_) | Value::List(_) => "…".to_string(),
                        other => other.display(),
                    })
                    .collect();
                format!("[{}]", parts.join(", "))
            }
            Value::Object(_) => "{…}".to_string(),
        }
    }

    /// True when the value says "unknown": the design does not know.
    pub fn is_unknown(&self) -> bool {
        match self {
            Value::Answer { answer, .. } => *answer == Answer::Unknown,
            Value::Choice { value, .. } => value == "unknown",
            _ => false,
        }
    }
}

/// Formats a number without a trailing `.0` when it is whole.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// A written value with where it was written: `key` is the position of its key (or of the
/// item, in a list), `loc` the position of the value itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub key: Loc,
    pub loc: Loc,
    pub value: Value,
}

/// A mapping of the format, in the order the author wrote its keys.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object {
    /// Keys are the format's own field names.
    pub entries: Vec<(&'static str, Field)>,
}

impl Object {
    pub fn get(&self, name: &str) -> Option<&Field> {
        self.entries.iter().find(|(k, _)| *k == name).map(|(_, f)| f)
    }

    pub fn text(&self, name: &str) -> Option<&str> {
        match self.get(name).map(|f| &f.value) {
            Some(Value::Text(s)) | Some(Value::Choice { value: s, .. }) => Some(s),
            _ => None,
        }
    }

    pub fn date(&self, name: &str) -> Option<Date> {
        match self.get(name).map(|f| &f.value) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    pub fn number(&self, name: &str) -> Option<f64> {
        match self.get(name).map(|f| &f.value) {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        }
    }

    pub fn object(&self, name: &str) -> Option<&Object> {
        match self.get(name).map(|f| &f.value) {
            Some(Value::Object(o)) => Some(o),
            _ => None,
        }
    }

    pub fn list(&self, name: &str) -> Option<&[Field]> {
        match self.get(name).map(|f| &f.value) {
            Some(Value::List(items)) => Some(items),
            _ => None,
        }
    }
}

/// What a dotted path finds in a programme: the field, or the nearest written parent.
#[derive(Clone, Copy, Debug)]
pub enum Lookup<'a> {
    Present(&'a Field),
    /// Not written; `nearest` is where the nearest written parent's key sits.
    Absent {
        nearest: Loc,
    },
}

/// Follows a dotted path (`measures.alternative_livelihoods.provided`) from an object.
pub fn lookup<'a>(root: &'a Object, root_loc: Loc, path: &str) -> Lookup<'a> {
    let mut object = root;
    let mut nearest = root_loc;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Some(field) = object.get(part) else {
            return Lookup::Absent { nearest };
        };
        if parts.peek().is_none() {
            return Lookup::Present(field);
        }
        match &field.value {
            Value::Object(inner) => {
                object = inner;
                nearest = field.key;
            }
            _ => return Lookup::Absent { nearest: field.key },
        }
    }
    Lookup::Absent { nearest }
}

/// An explicit, reviewed decision to carry a flagged risk.
#[derive(Clone, Debug, PartialEq)]
pub struct Acceptance {
    pub rule: String,
    pub reason: String,
    pub approved_by: String,
    pub until: Option<Date>,
    pub loc: Loc,
}

/// A programme description that passed validation.
#[derive(Clone, Debug)]
pub struct Programme {
    /// The path it was read from, as shown in reports (forward slashes).
    pub file: String,
    pub id: String,
    pub id_loc: Loc,
    /// Where the document starts: what an absent field points at (1:1 in a programme file; the
    /// `<iati-activity>` element in an IATI file).
    pub loc: Loc,
    pub title: String,
    pub kind: ProgrammeType,
    /// Every field as written.
    pub root: Object,
    pub accepted_risks: Vec<Acceptance>,
}

impl Programme {
    pub fn lookup(&self, path: &str) -> Lookup<'_> {
        lookup(&self.root, self.loc, path)
    }

    /// How many partners, contacts and activities the programme marks sensitive.
    pub fn sensitive_marks(&self) -> u16 {
        let marked = |list: &str| {
            self.root
                .list(list)
                .unwrap_or_default()
                .iter()
                .filter(|item| matches!(&item.value, Value::Object(o) if o.text("sensitive") == Some("yes")))
                .count()
        };
        let total = marked("partners") + marked("contacts") + marked("activities");
        u16::try_from(total).unwrap_or(u16::MAX)
    }
}
