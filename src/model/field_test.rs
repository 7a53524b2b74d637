//! What a field test of the condition language is to the rest of the crate: something that
//! decides a truth value from what one field holds, and says in words what it checks.
//!
//! Types only. The tests themselves (one module per kind: equality, state, contains, count,
//! age, comparison) live in the `lang` module, each with its parser, its evaluation and its
//! description; the evaluator and the renderers reach them through this trait alone. Nothing
//! here parses YAML or walks a programme.

use super::choice::Lang;
use super::date::Date;
use super::programme::Value;
use super::rule::Literal;
use super::vocab::Tri;
use std::fmt;

/// What a field holds, as a test sees it.
#[derive(Clone, Copy, Debug)]
pub enum Observed<'a> {
    /// Nothing written.
    Absent,
    /// Written as `unknown`.
    Unknown,
    Known(&'a Value),
}

/// What a test may consult besides its own field's value.
pub trait Context<'a> {
    /// The day of the screening.
    fn today(&self) -> Date;
    /// Another field of the same scope (programme, partner or activity), recorded as evidence.
    fn observe(&mut self, field: &str) -> Observed<'a>;
}

/// One field test: `{ field: P, <operator>: <value> }`.
pub trait FieldTest: fmt::Debug + Send + Sync {
    /// The operator as a rule file writes it.
    fn operator(&self) -> &'static str;

    /// The truth when the field is left out (`Observed::Absent`) or written `unknown`;
    /// `if_missing` is what the rule says such a field means (unknown unless it says).
    fn on_missing(&self, _seen: Observed, if_missing: Tri) -> Tri {
        if_missing
    }

    /// The truth on a written, known value.
    fn on_known(&self, value: &Value, if_missing: Tri, cx: &mut dyn Context<'_>) -> Tri;

    /// What it checks, in words (`field` already quoted as code; `is_list` when the field
    /// holds a list).
    fn describe(&self, field: &str, is_list: bool, lang: Lang) -> String;

    /// Whether it holds only when the field is answered `yes` (a rule that judges a claimed
    /// safeguard; see `evaluate::claims`).
    fn needs_yes(&self) -> bool {
        false
    }
}

/// `yes` among the literals and `no` not.
pub fn only_yes(literals: &[Literal]) -> bool {
    let has = |word: &str| literals.iter().any(|l| matches!(l, Literal::Text(t) if t == word));
    has("yes") && !has("no")
}

impl PartialEq for dyn FieldTest {
    /// Two tests are the same when they are written the same (their derived `Debug` shows
    /// the operator and every value).
    fn eq(&self, other: &Self) -> bool {
        format!("{self:?}") == format!("{other:?}")
    }
}
