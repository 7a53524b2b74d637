//! `at_least` and `at_most`: a number compared with a bound, or a list's length.
//!
//! A kind of field test of the condition language (see `mod.rs`): parse, evaluation,
//! description and schema together. It must not look at any field but its own (and, through
//! the `Context`, the ones it names), nor walk conditions.

use super::{Input, Kind, Parsed, named_operators, values};
use crate::model::ProblemKind as K;
use crate::model::{Context, FieldTest, Lang, Tri, Value};
use crate::schema;
use crate::validate::reader::Sink;
use std::sync::Arc;

named_operators! {
    enum Operator {
        AtLeast = "at_least",
        AtMost = "at_most",
    }
}

pub const KIND: Kind = Kind { names: Operator::NAMES, parse, schema };

#[derive(Debug)]
struct Count {
    op: Operator,
    bound: f64,
}

/// Numbers and lists (by their length) can be counted.
fn countable(kind: &schema::Kind) -> bool {
    matches!(kind, schema::Kind::List(_) | schema::Kind::Integer { .. } | schema::Kind::Number)
}

fn schema(name: &str, spec: &schema::FieldSpec, _: &'static [schema::FieldSpec]) -> Option<serde_json::Value> {
    Operator::named(name)?;
    countable(&spec.kind).then(|| serde_json::json!({ "type": "number" }))
}

fn parse(input: &Input, sink: &mut Sink) -> Parsed {
    let op = Operator::named(input.name)?;
    if !countable(&input.spec.kind) {
        sink.push(
            input.node.loc,
            K::InvalidRule(format!("`{}` compares numbers or list lengths; `{}` is neither", input.name, input.path)),
        );
        return None;
    }
    let bound = values::threshold(input.node, input.name, sink)?;
    Some(Arc::new(Count { op, bound }))
}

impl FieldTest for Count {
    fn operator(&self) -> &'static str {
        self.op.name()
    }

    fn on_known(&self, value: &Value, _: Tri, _: &mut dyn Context<'_>) -> Tri {
        let n = self.bound;
        Tri::from_bool(values::measure(value).is_some_and(|m| match self.op {
            Operator::AtLeast => m >= n,
            Operator::AtMost => m <= n,
        }))
    }

    fn describe(&self, f: &str, is_list: bool, lang: Lang) -> String {
        let n = self.bound;
        let entries = |lang| match lang {
            Lang::En if n == 1.0 => "entry",
            Lang::En => "entries",
            Lang::Fr if n <= 1.0 => "élément",
            Lang::Fr => "éléments",
        };
        match (self.op, lang, is_list) {
            (Operator::AtMost, Lang::En, true) if n == 0.0 => format!("{f} is empty"),
            (Operator::AtMost, Lang::Fr, true) if n == 0.0 => format!("{f} est vide"),
            (Operator::AtLeast, Lang::En, true) => format!("{f} has at least {n} {}", entries(lang)),
            (Operator::AtLeast, Lang::Fr, true) => format!("{f} compte au moins {n} {}", entries(lang)),
            (Operator::AtMost, Lang::En, true) => format!("{f} has at most {n} {}", entries(lang)),
            (Operator::AtMost, Lang::Fr, true) => format!("{f} compte au plus {n} {}", entries(lang)),
            (Operator::AtLeast, Lang::En, false) => format!("{f} is at least {n}"),
            (Operator::AtLeast, Lang::Fr, false) => format!("{f} vaut au moins {n}"),
            (Operator::AtMost, Lang::En, false) => format!("{f} is at most {n}"),
            (Operator::AtMost, Lang::Fr, false) => format!("{f} vaut au plus {n}"),
        }
    }
}
