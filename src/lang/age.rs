//! `older_than_months`: a date more than so many whole months before the day of the
//! screening (`--today`).
//!
//! A kind of field test of the condition language (see `mod.rs`): parse, evaluation,
//! description and schema together. It must not look at any field but its own (and, through
//! the `Context`, the ones it names), nor walk conditions.

use super::{Input, Kind, Parsed, named_operators};
use crate::load::NodeKind;
use crate::model::ProblemKind as K;
use crate::model::{Context, FieldTest, Lang, Tri, Value};
use crate::schema;
use crate::validate::reader::Sink;
use std::sync::Arc;

named_operators! {
    enum Operator {
        OlderThanMonths = "older_than_months",
    }
}

pub const KIND: Kind = Kind { names: Operator::NAMES, parse, schema };

#[derive(Debug)]
struct OlderThan {
    months: u32,
}

fn schema(name: &str, spec: &schema::FieldSpec, _: &'static [schema::FieldSpec]) -> Option<serde_json::Value> {
    Operator::named(name)?;
    matches!(spec.kind, schema::Kind::Date).then(|| serde_json::json!({ "type": "integer", "minimum": 0 }))
}

fn parse(input: &Input, sink: &mut Sink) -> Parsed {
    Operator::named(input.name)?;
    let node = input.node;
    if !matches!(input.spec.kind, schema::Kind::Date) {
        sink.push(node.loc, K::InvalidRule(format!("`older_than_months` tests dates; `{}` is not a date", input.path)));
        return None;
    }
    match &node.kind {
        NodeKind::Int(i) if *i >= 0 && *i <= i64::from(u32::MAX) => Some(Arc::new(OlderThan { months: *i as u32 })),
        _ => {
            sink.push(node.loc, K::InvalidRule("`older_than_months` must be a whole number of months".into()));
            None
        }
    }
}

impl FieldTest for OlderThan {
    fn operator(&self) -> &'static str {
        Operator::OlderThanMonths.name()
    }

    fn on_known(&self, value: &Value, _: Tri, cx: &mut dyn Context<'_>) -> Tri {
        match value {
            Value::Date(d) => Tri::from_bool(i64::from(d.last_day().months_until(cx.today())) > i64::from(self.months)),
            _ => Tri::False,
        }
    }

    fn describe(&self, f: &str, _: bool, lang: Lang) -> String {
        let m = self.months;
        match lang {
            Lang::En => format!("{f} is more than {m} months old"),
            Lang::Fr => format!("{f} date de plus de {m} mois"),
        }
    }
}
