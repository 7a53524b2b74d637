//! A validated programme: every value the author wrote, typed, with the line and column it
//! was written at, and nothing the author did not write (absent stays absent).
//!
//! Only the validate stage builds these; later stages read them. Nothing here parses YAML,
//! fills in defaults for design answers, or decides what an answer means for a risk.

use super::vocab::{Answer, ProgrammeType};
use std::fmt;

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

/// A calendar date as the format allows it: a year, a month, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let year = parse_digits(parts.next()?, 4)? as u16;
        let month = match parts.next() {
            None => {
                return Some(Date {
                    year,
                    month: None,
                    day: None,
                });
            }
            Some(m) => parse_digits(m, 2)? as u8,
        };
        if !(1..=12).contains(&month) {
            return None;
        }
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let d = parse_digits(d, 2)? as u8;
                if d < 1 || d > days_in_month(year, month) {
                    return None;
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Date {
            year,
            month: Some(month),
            day,
        })
    }

    /// The last day this date covers: `2026-06` lasts until 30 June 2026.
    pub fn last_day(self) -> Date {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Date {
            year: self.year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// The first day this date covers.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: Some(self.month.unwrap_or(1)),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier), by calendar month.
    pub fn months_until(self, later: Date) -> i32 {
        let a = self.first_day();
        let b = later.first_day();
        (i32::from(b.year) - i32::from(a.year)) * 12 + i32::from(b.month.unwrap_or(1))
            - i32::from(a.month.unwrap_or(1))
    }

    /// This date moved forward by whole months (the day is kept within the month).
    pub fn add_months(self, months: u32) -> Date {
        let d = self.first_day();
        let index = u32::from(d.year) * 12 + u32::from(d.month.unwrap_or(1)) - 1 + months;
        let year = (index / 12) as u16;
        let month = (index % 12) as u8 + 1;
        let day = d.day.unwrap_or(1).min(days_in_month(year, month));
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
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
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
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
    pub entries: Vec<(String, Field)>,
}

impl Object {
    pub fn get(&self, name: &str) -> Option<&Field> {
        self.entries.iter().find(|(k, _)| k == name).map(|(_, f)| f)
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
    pub title: String,
    pub kind: ProgrammeType,
    /// Every field as written.
    pub root: Object,
    pub accepted_risks: Vec<Acceptance>,
}

impl Programme {
    pub fn lookup(&self, path: &str) -> Lookup<'_> {
        lookup(&self.root, Loc::new(1, 1), path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_reject() {
        assert_eq!(
            Date::parse("2024-11").map(|d| d.to_string()),
            Some("2024-11".into())
        );
        assert!(Date::parse("2024-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("24-01-01").is_none());
        assert!(Date::parse("2024-13").is_none());
        assert_eq!(
            Date::parse("2026-06").map(|d| d.last_day().to_string()),
            Some("2026-06-30".into())
        );
    }

    #[test]
    fn months_between_dates() {
        let a = Date::parse("2024-11").unwrap_or(Date {
            year: 0,
            month: None,
            day: None,
        });
        let b = Date::parse("2025-02-10").unwrap_or(a);
        assert_eq!(a.months_until(b), 3);
        assert_eq!(a.add_months(14).to_string(), "2026-01-01");
    }
}

impl Date {
    /// The civil date of a day count since 1970-01-01 (proleptic Gregorian calendar).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's days_from_civil inverse.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
}

#[cfg(test)]
mod epoch_tests {
    use super::Date;

    #[test]
    fn civil_dates_from_day_counts() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_454).to_string(),
            "2026-01-01"
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
    }
}
