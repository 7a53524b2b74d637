//! `state: absent | unknown | missing`: what a design says about a field rather than the
//! value it gives. `absent` is a field left out, `unknown` one written `unknown`, `missing`
//! either. A state test is never unknown itself: it is the test that looks at gaps.
//!
//! The older spelling `is: absent` (`is: unknown`, `is: missing`) is read as this test with a
//! warning, except on a field that can hold the value (`context.state_presence: absent`),
//! where `is` compares values as always.
//!
//! A kind of field test of the condition language (see `mod.rs`): parse, evaluation,
//! description and schema together. It must not look at any field but its own (and, through
//! the `Context`, the ones it names), nor walk conditions.

use super::{Input, Kind, Parsed, named_operators};
use crate::model::ProblemKind as K;
use crate::model::{Context, FieldTest, Lang, Observed, Tri, Value};
use crate::schema;
use crate::validate::reader::{self, Sink};
use std::sync::Arc;

named_operators! {
    enum Operator {
        State = "state",
    }
}

pub const KIND: Kind = Kind { names: Operator::NAMES, parse, schema };

named_operators! {
    /// The states a field may be in.
    enum State {
        Absent = "absent",
        Unknown = "unknown",
        Missing = "missing",
    }
}

impl State {
    fn holds(self, seen: Observed) -> bool {
        matches!(
            (self, seen),
            (State::Absent | State::Missing, Observed::Absent) | (State::Unknown | State::Missing, Observed::Unknown)
        )
    }
}

#[derive(Debug)]
struct StateTest(State);

/// Any field may be tested for its state.
fn schema(name: &str, _: &schema::FieldSpec, _: &'static [schema::FieldSpec]) -> Option<serde_json::Value> {
    Operator::named(name)?;
    Some(serde_json::json!({ "enum": State::NAMES }))
}

fn parse(input: &Input, sink: &mut Sink) -> Parsed {
    Operator::named(input.name)?;
    let state = reader::choice(input.node, "state", State::NAMES, State::named, sink)?;
    Some(Arc::new(StateTest(state)))
}

/// `is: absent` and the like, the older spelling: `Some` when the value names a state (read as
/// the state test, with a warning, or refused after `is_not`), `None` when it is a value.
pub fn written_as_value(input: &Input, negated: bool, sink: &mut Sink) -> Option<Parsed> {
    let word = input.node.as_str()?;
    let state = State::named(word)?;
    // A field that can hold the word (`context.state_presence: absent`) is compared with it.
    if matches!(input.spec.kind, schema::Kind::Choice(values) if values.contains(&word) && word != "unknown") {
        return None;
    }
    let path = input.path;
    if negated {
        sink.push(input.node.loc, K::InvalidRule(format!("write `not: {{ field: {path}, state: {word} }}` instead")));
        return Some(None);
    }
    sink.warn(
        input.node.loc,
        K::RuleWrittenOtherwise(format!(
            "`{}: {word}` tests the field's state, not a value: write `state: {word}`",
            input.name
        )),
    );
    Some(Some(Arc::new(StateTest(state))))
}

impl FieldTest for StateTest {
    fn operator(&self) -> &'static str {
        Operator::State.name()
    }

    fn on_missing(&self, seen: Observed, _: Tri) -> Tri {
        Tri::from_bool(self.0.holds(seen))
    }

    fn on_known(&self, _: &Value, _: Tri, _: &mut dyn Context<'_>) -> Tri {
        Tri::False
    }

    fn describe(&self, f: &str, _: bool, lang: Lang) -> String {
        match (self.0, lang) {
            (State::Unknown, Lang::En) => format!("{f} is written as `unknown`"),
            (State::Unknown, Lang::Fr) => format!("{f} est renseigné comme `unknown`"),
            (State::Absent, Lang::En) => format!("{f} is left out"),
            (State::Absent, Lang::Fr) => format!("{f} n'est pas renseigné"),
            (State::Missing, Lang::En) => format!("{f} is left out or `unknown`"),
            (State::Missing, Lang::Fr) => format!("{f} est absent ou `unknown`"),
        }
    }
}
