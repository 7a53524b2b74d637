//! Reads a rule's condition (`when:`) from YAML: `all`/`any`/`not`, field tests,
//! `mentions`, and `any_partner`/`any_activity` quantifiers.
//!
//! Part of the checklist stage. It checks every field path against the programme format and
//! every compared value against the field's kind, so a mistake is caught when the rule is
//! loaded, with its line and column. It must not evaluate anything.

use crate::lang;
use crate::load::{Node, NodeKind};
use crate::model::Condition;
use crate::model::ProblemKind as K;
use crate::model::rule::{ListName, TextSource, Word};
use crate::schema::{self, FieldSpec};
use crate::text::mentions::{MAX_PHRASE_WORDS, Mentions};
use crate::text::words;
use crate::validate::reader::{self, Map, Sink};
use crate::validate::suggest;

/// The keys a condition mapping may have besides the operators.
const KEYS: &[&str] = &[
    "all",
    "any",
    "not",
    "field",
    "if_missing",
    "mentions",
    "in",
    "any_partner",
    "every_partner",
    "any_activity",
    "every_activity",
];
const COMBINATORS: &[&str] =
    &["all", "any", "not", "field", "mentions", "any_partner", "every_partner", "any_activity", "every_activity"];

/// Which fields a condition sees: the whole programme, or one partner or activity.
#[derive(Clone, Copy)]
pub enum Scope {
    Programme,
    Item(ListName),
}

impl Scope {
    fn fields(self) -> &'static [FieldSpec] {
        match self {
            Scope::Programme => schema::ROOT,
            Scope::Item(ListName::Partners) => schema::PARTNER,
            Scope::Item(ListName::Activities) => schema::ACTIVITY,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Scope::Programme => "the programme format",
            Scope::Item(ListName::Partners) => "a partner",
            Scope::Item(ListName::Activities) => "an activity",
        }
    }
}

/// Reads one condition.
pub fn parse(node: &Node, scope: Scope, sink: &mut Sink) -> Option<Condition> {
    let operators = lang::operators();
    let mut allowed: Vec<&str> = KEYS.iter().chain(&operators).copied().collect();
    let unknown = unknown_operators(node, &allowed, &operators, sink);
    allowed.extend(unknown.iter().map(String::as_str));
    let map = Map::open(node, &allowed, "condition", sink)?;
    if !unknown.is_empty() {
        return None;
    }
    let heads: Vec<String> = map.keys().map(|(k, _)| k).filter(|k| COMBINATORS.contains(&k.as_str())).collect();
    if heads.len() != 1 {
        let found = if heads.is_empty() { "none".to_string() } else { heads.join(", ") };
        sink.push(
            node.loc,
            K::InvalidRule(format!("a condition needs exactly one of {}; found {found}", suggest::one_of(COMBINATORS))),
        );
        return None;
    }
    let head = heads[0].as_str();
    let value = map.get(head).or_else(|| {
        sink.push(map.key_loc(head), K::InvalidRule(format!("`{head}` has no value")));
        None
    })?;
    match head {
        "all" | "any" => {
            let NodeKind::Seq(items) = &value.kind else {
                sink.push(value.loc, K::InvalidRule(format!("`{head}` must be a list of conditions")));
                return None;
            };
            if items.is_empty() {
                sink.push(value.loc, K::InvalidRule(format!("`{head}` must list at least one condition")));
                return None;
            }
            let parts: Vec<Option<Condition>> = items.iter().map(|i| parse(i, scope, sink)).collect();
            let parts: Option<Vec<Condition>> = parts.into_iter().collect();
            parts.map(|p| if head == "all" { Condition::All(p) } else { Condition::Any(p) })
        }
        "not" => parse(value, scope, sink).map(|c| Condition::Not(Box::new(c))),
        "any_partner" | "every_partner" | "any_activity" | "every_activity" => {
            let list = if head.ends_with("partner") { ListName::Partners } else { ListName::Activities };
            if let Scope::Item(_) = scope {
                sink.push(
                    map.key_loc(head),
                    K::InvalidRule(format!("`{head}` cannot be used inside another partner or activity test")),
                );
                return None;
            }
            let inner = parse(value, Scope::Item(list), sink)?;
            Some(Condition::Quantified { list, every: head.starts_with("every"), condition: Box::new(inner) })
        }
        "mentions" => mentions(&map, value, sink),
        _ => field_test(&map, value, scope, sink),
    }
}

fn mentions(map: &Map, value: &Node, sink: &mut Sink) -> Option<Condition> {
    let mut wanted = Vec::new();
    for item in reader::items(value) {
        let written = reader::text(item, "mentions", sink)?;
        let prefix = written.ends_with('*');
        let folded = words::fold(written.trim_end_matches('*'));
        if folded.is_empty() {
            sink.push(item.loc, K::InvalidRule(format!("`{written}` is not a word to look for")));
            return None;
        }
        let parts: Vec<String> = words::tokens(&folded).into_iter().map(str::to_string).collect();
        if parts.len() > MAX_PHRASE_WORDS {
            sink.push(
                item.loc,
                K::InvalidRule(format!(
                    "`mentions` phrases have at most {MAX_PHRASE_WORDS} words; this one has {}",
                    parts.len()
                )),
            );
            return None;
        }
        wanted.push(Word { parts, prefix, written });
    }
    let mut sources = vec![TextSource::Title, TextSource::Summary, TextSource::Activities];
    if let Some(node) = map.get("in") {
        sources.clear();
        for item in reader::items(node) {
            let names = &["title", "summary", "activities"];
            let source = reader::choice(
                item,
                "in",
                names,
                |s| match s {
                    "title" => Some(TextSource::Title),
                    "summary" => Some(TextSource::Summary),
                    "activities" => Some(TextSource::Activities),
                    _ => None,
                },
                sink,
            )?;
            sources.push(source);
        }
    }
    let matcher = Mentions::new(wanted.iter().map(|w: &Word| (w.parts.clone(), w.prefix)).collect());
    Some(Condition::Mentions { words: wanted, sources, matcher })
}

fn field_test(map: &Map, path_node: &Node, scope: Scope, sink: &mut Sink) -> Option<Condition> {
    let path = reader::text(path_node, "field", sink)?;
    let Some(spec) = schema::find(scope.fields(), &path) else {
        let all = schema::paths(scope.fields());
        let hint = suggest::did_you_mean(&path, all.iter().map(String::as_str))
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        sink.push(path_node.loc, K::InvalidRule(format!("`{path}` is not a field of {}{hint}", scope.describe())));
        return None;
    };
    let operators = lang::operators();
    let ops: Vec<(String, &Node)> = map.keys().filter(|(k, _)| operators.contains(&k.as_str())).collect();
    if ops.len() != 1 {
        sink.push(
            map.node.loc,
            K::InvalidRule(format!(
                "a field test needs exactly one of {}; found {}",
                suggest::one_of(&operators),
                ops.len()
            )),
        );
        return None;
    }
    let (name, node) = &ops[0];
    let input = lang::Input { name, node, spec, path: &path, scope: scope.fields() };
    let test = lang::parse(&input, sink)??;
    let if_missing = match map.get("if_missing") {
        None => None,
        Some(n) => match (&n.kind, n.as_str()) {
            (NodeKind::Bool(b), _) => Some(*b),
            (_, Some("unknown")) => None,
            _ => {
                sink.push(n.loc, K::InvalidRule("`if_missing` must be `true`, `false` or `unknown`".into()));
                return None;
            }
        },
    };
    Some(Condition::Test { field: path, test, if_missing })
}

/// In a field test (a mapping with `field`), every key that is neither a condition key nor an
/// operator is reported: as a misspelt operator, unless it is nearest to a condition key.
fn unknown_operators(node: &Node, allowed: &[&str], operators: &[&str], sink: &mut Sink) -> Vec<String> {
    let NodeKind::Map(entries) = &node.kind else { return Vec::new() };
    if !entries.iter().any(|(k, _)| k.as_str() == Some("field")) {
        return Vec::new();
    }
    let mut unknown = Vec::new();
    for (key, _) in entries {
        let Some(name) = key.key_text() else { continue };
        if allowed.contains(&name.as_str()) {
            continue;
        }
        let nearest = suggest::did_you_mean(&name, allowed.iter().copied());
        let message = match nearest {
            Some(key) if !operators.contains(&key) => suggest::unknown_field(&name, "condition", allowed),
            Some(op) => format!("unknown operator `{name}`; did you mean `{op}`? Operators: {}.", operators.join(", ")),
            None => format!("unknown operator `{name}`. Operators: {}.", operators.join(", ")),
        };
        sink.push(key.loc, K::InvalidRule(message));
        unknown.push(name);
    }
    unknown
}
