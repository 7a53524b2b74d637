//! The condition language's field tests, defined once per kind of test: each module reads
//! its operators from a rule file (checking every value against the field tested), evaluates
//! them on what a programme holds, and says in English and French what they check.
//!
//! Used by the checklist stage (to parse), and reached by the evaluate and render stages
//! through `model::FieldTest` only. It must not walk conditions (`all`, `any`, quantifiers
//! are the checklist's and the evaluator's), score, or read files. Adding an operator is a
//! change to one module here (a new kind: a new module and its line in `KINDS`); the JSON
//! Schema of rule files takes the operators from here too.

mod age;
mod compare;
mod contains;
mod count;
mod equality;
mod state;
mod values;

use crate::load::Node;
use crate::model::FieldTest;
use crate::schema::FieldSpec;
use crate::validate::reader::Sink;
use std::sync::Arc;

/// An operator's name, as written, and its value, with the field it tests.
pub struct Input<'a> {
    pub name: &'a str,
    pub node: &'a Node,
    /// The field tested, its dotted path, and the fields of its scope (for tests that name
    /// another field).
    pub spec: &'a FieldSpec,
    pub path: &'a str,
    pub scope: &'static [FieldSpec],
}

/// A parsed test, or `None` when the value was wrong (the sink says why).
pub type Parsed = Option<Arc<dyn FieldTest>>;

/// One kind of test: the operators it reads, its parser (which is given only those), and
/// the JSON Schema of an operator's value on a field (`None` where the operator does not
/// apply to that field), for editors.
pub struct Kind {
    pub names: &'static [&'static str],
    pub parse: fn(&Input, &mut Sink) -> Parsed,
    pub schema: fn(&str, &FieldSpec, &'static [FieldSpec]) -> Option<serde_json::Value>,
}

/// Every kind of field test. The operator names are derived from these.
const KINDS: &[Kind] = &[equality::KIND, state::KIND, contains::KIND, count::KIND, age::KIND, compare::KIND];

/// Every operator a field test may use, in the order of `KINDS`.
pub fn operators() -> Vec<&'static str> {
    KINDS.iter().flat_map(|k| k.names.iter().copied()).collect()
}

/// The operators that apply to a field of `scope`, each with the JSON Schema of its value.
pub fn value_schemas(spec: &FieldSpec, scope: &'static [FieldSpec]) -> Vec<(&'static str, serde_json::Value)> {
    let each = KINDS.iter().flat_map(|k| k.names.iter().map(move |name| (*name, k)));
    each.filter_map(|(name, k)| (k.schema)(name, spec, scope).map(|s| (name, s))).collect()
}

/// Reads the test `input.name` names; `None` (nothing reported) when no kind has it, which
/// the caller reports as an unknown operator.
pub fn parse(input: &Input, sink: &mut Sink) -> Option<Parsed> {
    KINDS.iter().find(|k| k.names.contains(&input.name)).map(|k| (k.parse)(input, sink))
}

/// Declares the operators of one kind as an enum whose names are derived from it:
/// `NAMES` lists them, `name` writes one, `named` reads one.
macro_rules! named_operators {
    ($(#[$meta:meta])* enum $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum $name {
            $($variant),+
        }

        impl $name {
            const NAMES: &'static [&'static str] = &[$($text),+];

            #[allow(dead_code)]
            fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            fn named(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}
use named_operators;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operator_belongs_to_one_kind() {
        let names = operators();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for expected in
            ["is", "is_not", "one_of", "state", "contains", "at_least", "older_than_months", "exceeds_field"]
        {
            assert!(names.contains(&expected), "{expected} in {names:?}");
        }
    }
}
