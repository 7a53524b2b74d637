//! A rule's condition in words, as a Markdown list, in English or French: what `explain`,
//! `rules --format md` and `docs/checklist.md` say a rule checks.
//!
//! Part of the render stage: it describes validated conditions (each field test says itself
//! what it checks, see the `lang` module); it must not evaluate them.

use super::Lang;
use crate::model::Condition;
use crate::model::rule::{ListName, TextSource};
use crate::schema::{self, FieldSpec, Kind};

/// The condition as nested Markdown bullets, each line ending with a newline.
pub fn describe(condition: &Condition, lang: Lang) -> String {
    let mut out = String::new();
    write(condition, lang, schema::ROOT, 0, &mut out);
    out
}

/// A condition on one partner (a portfolio rule's `partner_where`), as Markdown bullets.
pub fn describe_partner(condition: &Condition, lang: Lang) -> String {
    let mut out = String::new();
    write(condition, lang, schema::PARTNER, 0, &mut out);
    out
}

fn line(depth: usize, text: &str, out: &mut String) {
    out.push_str(&"  ".repeat(depth));
    out.push_str("- ");
    out.push_str(text);
    out.push('\n');
}

fn write(c: &Condition, lang: Lang, scope: &'static [FieldSpec], depth: usize, out: &mut String) {
    let fr = lang == Lang::Fr;
    match c {
        Condition::All(parts) | Condition::Any(parts) if parts.len() == 1 => write(&parts[0], lang, scope, depth, out),
        Condition::All(parts) => {
            line(depth, if fr { "toutes ces conditions :" } else { "all of:" }, out);
            parts.iter().for_each(|p| write(p, lang, scope, depth + 1, out));
        }
        Condition::Any(parts) => {
            line(depth, if fr { "l'une de ces conditions :" } else { "any of:" }, out);
            parts.iter().for_each(|p| write(p, lang, scope, depth + 1, out));
        }
        Condition::Not(inner) => {
            line(depth, if fr { "il n'est pas vrai que :" } else { "it is not the case that:" }, out);
            write(inner, lang, scope, depth + 1, out);
        }
        Condition::Quantified { list, every, condition } => {
            let (head, fields) = match (list, every, fr) {
                (ListName::Partners, false, false) => ("some partner where:", schema::PARTNER),
                (ListName::Partners, true, false) => ("every partner is such that:", schema::PARTNER),
                (ListName::Activities, false, false) => ("some activity where:", schema::ACTIVITY),
                (ListName::Activities, true, false) => ("every activity is such that:", schema::ACTIVITY),
                (ListName::Partners, false, true) => ("au moins un partenaire tel que :", schema::PARTNER),
                (ListName::Partners, true, true) => ("chaque partenaire est tel que :", schema::PARTNER),
                (ListName::Activities, false, true) => ("au moins une activité telle que :", schema::ACTIVITY),
                (ListName::Activities, true, true) => ("chaque activité est telle que :", schema::ACTIVITY),
            };
            line(depth, head, out);
            write(condition, lang, fields, depth + 1, out);
        }
        Condition::Mentions { words, sources, .. } => {
            let names: Vec<&str> = sources
                .iter()
                .map(|s| match (s, fr) {
                    (TextSource::Title, false) => "the title",
                    (TextSource::Summary, false) => "the summary",
                    (TextSource::Activities, false) => "an activity description",
                    (TextSource::Title, true) => "le titre",
                    (TextSource::Summary, true) => "le résumé",
                    (TextSource::Activities, true) => "la description d'une activité",
                })
                .collect();
            let words: Vec<String> = words.iter().map(|w| format!("“{}”", w.written)).collect();
            let or = if fr { " ou " } else { " or " };
            let verb = if fr { "mentionne" } else { "mentions" };
            line(depth, &format!("{} {verb} {}", names.join(or), words.join(", ")), out);
        }
        Condition::Test { field, test, if_missing } => {
            let is_list = schema::find(scope, field).is_some_and(|s| matches!(s.kind, Kind::List(_)));
            let mut text = test.describe(&format!("`{field}`"), is_list, lang);
            match (if_missing, fr) {
                (Some(true), false) => text.push_str(" (when not stated, counts as true)"),
                (Some(false), false) => text.push_str(" (when not stated, counts as false)"),
                (Some(true), true) => text.push_str(" (non renseigné : compte comme vrai)"),
                (Some(false), true) => text.push_str(" (non renseigné : compte comme faux)"),
                (None, _) => {}
            }
            line(depth, &text, out);
        }
    }
}
