//! `contains` and `contains_any`: whether a list field holds a value, or one of several.
//!
//! A kind of field test of the condition language (see `mod.rs`): parse, evaluation,
//! description and schema together. It must not look at any field but its own (and, through
//! the `Context`, the ones it names), nor walk conditions.

use super::{Input, Kind, Parsed, named_operators, values};
use crate::model::ProblemKind as K;
use crate::model::rule::Literal;
use crate::model::{Context, FieldTest, Lang, Tri, Value};
use crate::schema::FieldSpec;
use crate::validate::reader::Sink;
use std::sync::Arc;

named_operators! {
    enum Operator {
        Contains = "contains",
        ContainsAny = "contains_any",
    }
}

pub const KIND: Kind = Kind { names: Operator::NAMES, parse, schema };

#[derive(Debug)]
enum Contains {
    One(Literal),
    Any(Vec<Literal>),
}

fn parse(input: &Input, sink: &mut Sink) -> Parsed {
    let op = Operator::named(input.name)?;
    let (node, path) = (input.node, input.path);
    let Some(element) = values::element(&input.spec.kind) else {
        sink.push(node.loc, K::InvalidRule(format!("`{path}` is not a list: use `is` or `one_of`")));
        return None;
    };
    let test = match op {
        Operator::Contains => Contains::One(values::literal(node, element, path, sink)?),
        Operator::ContainsAny => Contains::Any(values::literals(node, element, path, sink)?),
    };
    Some(Arc::new(test))
}

fn schema(name: &str, spec: &FieldSpec, _: &'static [FieldSpec]) -> Option<serde_json::Value> {
    let element = values::element(&spec.kind)?;
    match Operator::named(name)? {
        Operator::Contains => values::literal_schema(element),
        Operator::ContainsAny => values::literals_schema(element),
    }
}

impl FieldTest for Contains {
    fn operator(&self) -> &'static str {
        match self {
            Contains::One(_) => Operator::Contains.name(),
            Contains::Any(_) => Operator::ContainsAny.name(),
        }
    }

    fn on_known(&self, value: &Value, _: Tri, _: &mut dyn Context<'_>) -> Tri {
        let items = match value {
            Value::List(items) => items.as_slice(),
            _ => &[],
        };
        Tri::from_bool(match self {
            Contains::One(lit) => items.iter().any(|f| values::equals(&f.value, lit)),
            Contains::Any(lits) => items.iter().any(|f| lits.iter().any(|l| values::equals(&f.value, l))),
        })
    }

    fn describe(&self, f: &str, _: bool, lang: Lang) -> String {
        match (self, lang) {
            (Contains::One(l), Lang::En) => format!("{f} includes `{}`", l.display()),
            (Contains::One(l), Lang::Fr) => format!("{f} contient `{}`", l.display()),
            (Contains::Any(v), Lang::En) => format!("{f} includes any of {}", values::shown(v)),
            (Contains::Any(v), Lang::Fr) => format!("{f} contient l'une des valeurs {}", values::shown(v)),
        }
    }
}
