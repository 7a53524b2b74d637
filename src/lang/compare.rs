//! `exceeds_field`: a number greater than the number at another field of the same scope
//! (unknown when the other is missing, unless `if_missing` says otherwise).
//!
//! A kind of field test of the condition language (see `mod.rs`): parse, evaluation,
//! description and schema together. It must not look at any field but its own (and, through
//! the `Context`, the ones it names), nor walk conditions.

use super::{Input, Kind, Parsed, named_operators, values};
use crate::model::ProblemKind as K;
use crate::model::{Context, FieldTest, Lang, Observed, Tri, Value};
use crate::schema;
use crate::validate::reader::Sink;
use crate::validate::suggest;
use std::sync::Arc;

named_operators! {
    enum Operator {
        ExceedsField = "exceeds_field",
    }
}

pub const KIND: Kind = Kind { names: Operator::NAMES, parse, schema };

#[derive(Debug)]
struct Exceeds {
    other: String,
}

fn numeric(kind: &schema::Kind) -> bool {
    matches!(kind, schema::Kind::Integer { .. } | schema::Kind::Number)
}

/// The value is another number field of the same scope.
fn schema(name: &str, spec: &schema::FieldSpec, scope: &'static [schema::FieldSpec]) -> Option<serde_json::Value> {
    Operator::named(name)?;
    if !numeric(&spec.kind) {
        return None;
    }
    let others: Vec<String> =
        schema::paths(scope).into_iter().filter(|p| schema::find(scope, p).is_some_and(|o| numeric(&o.kind))).collect();
    Some(serde_json::json!({ "enum": others }))
}

fn parse(input: &Input, sink: &mut Sink) -> Parsed {
    Operator::named(input.name)?;
    let node = input.node;
    if !numeric(&input.spec.kind) {
        sink.push(
            node.loc,
            K::InvalidRule(format!("`exceeds_field` compares numbers; `{}` is not a number", input.path)),
        );
        return None;
    }
    let other = node.as_str().unwrap_or_default();
    match schema::find(input.scope, other) {
        Some(o) if numeric(&o.kind) => Some(Arc::new(Exceeds { other: other.to_string() })),
        Some(_) => {
            sink.push(node.loc, K::InvalidRule(format!("`{other}` is not a number field")));
            None
        }
        None => {
            let all = schema::paths(input.scope);
            let hint = suggest::did_you_mean(other, all.iter().map(String::as_str))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            sink.push(node.loc, K::InvalidRule(format!("`{other}` is not a field{hint}")));
            None
        }
    }
}

impl FieldTest for Exceeds {
    fn operator(&self) -> &'static str {
        Operator::ExceedsField.name()
    }

    fn on_known(&self, value: &Value, if_missing: Tri, cx: &mut dyn Context<'_>) -> Tri {
        match (values::measure(value), cx.observe(&self.other)) {
            (Some(n), Observed::Known(v)) => values::measure(v).map_or(Tri::False, |m| Tri::from_bool(n > m)),
            (_, Observed::Absent | Observed::Unknown) => if_missing,
            (None, _) => Tri::False,
        }
    }

    fn describe(&self, f: &str, _: bool, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{f} is greater than `{}`", self.other),
            Lang::Fr => format!("{f} est supérieur à `{}`", self.other),
        }
    }
}
