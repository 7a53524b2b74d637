//! Claimed safeguards: a rule that judges a safeguard the design claims (alternative
//! livelihoods that do not compete with illicit income, an analysis that is old or done
//! without local researchers) must never make the design look worse than not claiming it.
//!
//! Part of the evaluate stage. A rule *judges* a safeguard when its condition tests that the
//! safeguard is answered `yes` (`is: yes`, or `one_of` with `yes` and not `no`, outside any
//! `not`). This module finds those safeguards and builds the design without the claims
//! (answered `no`, or left out); the score stage rates those designs and caps the finding at
//! the lower of their ratings. It must not rate anything itself.

use crate::model::{Condition, Object, Programme, Value};
use crate::schema;

/// The safeguards (dotted paths) a condition holds only when they are answered `yes`.
pub fn judged(condition: &Condition) -> Vec<&str> {
    let mut out = Vec::new();
    collect(condition, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect<'c>(condition: &'c Condition, out: &mut Vec<&'c str>) {
    match condition {
        Condition::All(parts) | Condition::Any(parts) => parts.iter().for_each(|p| collect(p, out)),
        Condition::Not(_) | Condition::Mentions { .. } | Condition::Quantified { .. } => {}
        Condition::Test { field, test, .. } => {
            if test.needs_yes() && schema::find(schema::ROOT, field).is_some_and(|s| s.safeguard) {
                out.push(field);
            }
        }
    }
}

/// The design with the fields at `paths` answered `no` (`no_answer`) or left out.
pub fn without(programme: &Programme, paths: &[&str], no_answer: bool) -> Programme {
    let mut out = programme.clone();
    for path in paths {
        change(&mut out.root, path, no_answer);
    }
    out
}

fn change(object: &mut Object, path: &str, no_answer: bool) {
    match path.split_once('.') {
        None if no_answer => {
            for (k, field) in &mut object.entries {
                if *k == path {
                    field.value = match &field.value {
                        Value::Choice { .. } => Value::Choice { value: "no".into(), evidence: None },
                        _ => Value::Answer { answer: crate::model::Answer::No, evidence: None },
                    };
                }
            }
        }
        None => object.entries.retain(|(k, _)| *k != path),
        Some((head, rest)) => {
            for (k, field) in &mut object.entries {
                if *k == head
                    && let Value::Object(inner) = &mut field.value
                {
                    change(inner, rest, no_answer);
                }
            }
        }
    }
}

/// The design with each safeguard at `paths` answered `yes` (written when absent, parents
/// included). `name[].field` answers the field of every item of the list `name`.
pub fn with_yes(programme: &Programme, paths: &[&str]) -> Programme {
    let mut out = programme.clone();
    for path in paths {
        set_yes(&mut out.root, schema::ROOT, path);
    }
    out
}

fn set_yes(object: &mut Object, fields: &'static [schema::FieldSpec], path: &str) {
    use crate::model::{Field, Loc};
    use schema::Kind;
    let (head, rest) = match path.split_once('.') {
        Some((head, rest)) => (head, Some(rest)),
        None => (path, None),
    };
    if let (Some(list), Some(rest)) = (head.strip_suffix("[]"), rest) {
        let Some(spec) = fields.iter().find(|f| f.name == list) else { return };
        let Kind::List(Kind::Object(item_fields)) = &spec.kind else { return };
        for (k, field) in &mut object.entries {
            if *k == list
                && let Value::List(items) = &mut field.value
            {
                for item in items {
                    if let Value::Object(inner) = &mut item.value {
                        set_yes(inner, item_fields, rest);
                    }
                }
            }
        }
        return;
    }
    let Some(spec) = fields.iter().find(|f| f.name == head) else { return };
    let value = match (rest, &spec.kind) {
        (None, Kind::Choice(_)) => Value::Choice { value: "yes".into(), evidence: None },
        (None, _) => Value::Answer { answer: crate::model::Answer::Yes, evidence: None },
        (Some(_), Kind::Object(_)) => Value::Object(Object::default()),
        (Some(_), _) => return,
    };
    let index = match object.entries.iter().position(|(k, _)| *k == spec.name) {
        Some(i) => i,
        None => {
            object.entries.push((spec.name, Field { key: Loc::NONE, loc: Loc::NONE, value: value.clone() }));
            object.entries.len() - 1
        }
    };
    let field = &mut object.entries[index].1;
    match (rest, &spec.kind) {
        (None, _) => field.value = value,
        (Some(rest), Kind::Object(inner_fields)) => {
            if !matches!(field.value, Value::Object(_)) {
                field.value = Value::Object(Object::default());
            }
            if let Value::Object(inner) = &mut field.value {
                set_yes(inner, inner_fields, rest);
            }
        }
        _ => {}
    }
}

/// The safeguards among `paths` that the design answers `yes`.
pub fn claimed<'p>(programme: &Programme, paths: &[&'p str]) -> Vec<&'p str> {
    paths
        .iter()
        .copied()
        .filter(|p| match programme.lookup(p) {
            crate::model::programme::Lookup::Present(f) => match &f.value {
                Value::Answer { answer, .. } => *answer == crate::model::Answer::Yes,
                Value::Choice { value, .. } => value == "yes",
                _ => false,
            },
            _ => false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Limits;
    use crate::model::RuleKind;

    #[test]
    fn the_core_rules_that_judge_a_claim() {
        let loaded = crate::checklist::load(&[], &Limits::default());
        let judging: Vec<String> = loaded
            .checklists
            .iter()
            .flat_map(|c| &c.rules)
            .filter(|r| r.kind() != RuleKind::Portfolio)
            .filter_map(|r| {
                let j = judged(&r.when);
                (!j.is_empty()).then(|| format!("{} {}", r.id, j.join(" ")))
            })
            .collect();
        let pea = "analysis.political_economy.done";
        let expected = [
            format!("ANA-002 {pea}"),
            format!("ANA-003 {pea}"),
            format!("ANA-004 {pea}"),
            "LIV-002 measures.alternative_livelihoods.provided".to_string(),
            format!("OWN-003 {pea}"),
        ];
        assert_eq!(judging, expected);
    }
}
