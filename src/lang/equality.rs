//! `is`, `is_not` and `one_of`: the value of a field that is not a list, compared with one
//! value or a list of them. `equals` is another spelling of `is`, kept for rule files that
//! use it.
//!
//! A field's state (left out, `unknown`) is not a value: `is: absent` (and `unknown`,
//! `missing`) is read as the state test with a warning (see `state`), unless the field can
//! hold that value (`context.state_presence: absent`).
//!
//! A kind of field test of the condition language (see `mod.rs`): parse, evaluation,
//! description and schema together. It must not look at any field but its own (and, through
//! the `Context`, the ones it names), nor walk conditions.

use super::{Input, Kind, Parsed, named_operators, state, values};
use crate::model::ProblemKind as K;
use crate::model::field_test::only_yes;
use crate::model::rule::Literal;
use crate::model::{Context, FieldTest, Lang, Tri, Value};
use crate::schema::FieldSpec;
use crate::validate::reader::Sink;
use std::sync::Arc;

named_operators! {
    enum Operator {
        Is = "is",
        IsNot = "is_not",
        Equals = "equals",
        OneOf = "one_of",
    }
}

pub const KIND: Kind = Kind { names: Operator::NAMES, parse, schema };

#[derive(Debug)]
enum Equality {
    Is(Literal),
    IsNot(Literal),
    OneOf(Vec<Literal>),
}

fn parse(input: &Input, sink: &mut Sink) -> Parsed {
    let op = Operator::named(input.name)?;
    let (node, path) = (input.node, input.path);
    let is_list = values::element(&input.spec.kind).is_some();
    let test = match op {
        Operator::Is | Operator::IsNot | Operator::Equals => {
            if let Some(test) = state::written_as_value(input, op == Operator::IsNot, sink) {
                return test;
            }
            if is_list {
                sink.push(
                    node.loc,
                    K::InvalidRule(format!(
                        "`{path}` is a list: use `contains`, `contains_any`, `at_least` or `at_most`"
                    )),
                );
                return None;
            }
            let literal = values::literal(node, &input.spec.kind, path, sink)?;
            if op == Operator::IsNot { Equality::IsNot(literal) } else { Equality::Is(literal) }
        }
        Operator::OneOf => {
            if is_list {
                sink.push(node.loc, K::InvalidRule(format!("`{path}` is a list: use `contains_any`")));
                return None;
            }
            Equality::OneOf(values::literals(node, &input.spec.kind, path, sink)?)
        }
    };
    Some(Arc::new(test))
}

fn schema(name: &str, spec: &FieldSpec, _: &'static [FieldSpec]) -> Option<serde_json::Value> {
    if values::element(&spec.kind).is_some() {
        return None;
    }
    match Operator::named(name)? {
        Operator::Is | Operator::IsNot | Operator::Equals => values::literal_schema(&spec.kind),
        Operator::OneOf => values::literals_schema(&spec.kind),
    }
}

impl FieldTest for Equality {
    fn operator(&self) -> &'static str {
        match self {
            Equality::Is(_) => Operator::Is.name(),
            Equality::IsNot(_) => Operator::IsNot.name(),
            Equality::OneOf(_) => Operator::OneOf.name(),
        }
    }

    fn on_known(&self, value: &Value, _: Tri, _: &mut dyn Context<'_>) -> Tri {
        Tri::from_bool(match self {
            Equality::Is(lit) => values::equals(value, lit),
            Equality::IsNot(lit) => !values::equals(value, lit),
            Equality::OneOf(lits) => lits.iter().any(|l| values::equals(value, l)),
        })
    }

    fn describe(&self, f: &str, _: bool, lang: Lang) -> String {
        match (self, lang) {
            (Equality::Is(l), Lang::En) => format!("{f} is `{}`", l.display()),
            (Equality::Is(l), Lang::Fr) => format!("{f} vaut `{}`", l.display()),
            (Equality::IsNot(l), Lang::En) => format!("{f} is not `{}`", l.display()),
            (Equality::IsNot(l), Lang::Fr) => format!("{f} ne vaut pas `{}`", l.display()),
            (Equality::OneOf(v), Lang::En) => format!("{f} is one of {}", values::shown(v)),
            (Equality::OneOf(v), Lang::Fr) => format!("{f} vaut l'une des valeurs {}", values::shown(v)),
        }
    }

    fn needs_yes(&self) -> bool {
        match self {
            Equality::Is(l) => only_yes(std::slice::from_ref(l)),
            Equality::OneOf(ls) => only_yes(ls),
            Equality::IsNot(_) => false,
        }
    }
}
