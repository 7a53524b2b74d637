//! The words of the human formats (headings, labels, rating names) in English and French.
//!
//! One mechanism for every format: a `Label` names each phrase (the compiler checks the
//! names; a template's `t.key` is checked by the tests), and `labels.rs` gives each its
//! English and its French, so both languages have the same keys by construction. Rule texts
//! live in the rule files. Renderers ask here for words; they must not branch on the
//! language themselves.

mod changes;
mod labels;

pub use changes::safeguard_change;

use super::Lang;
use crate::model::{ProgrammeType, Rating, RiskArea};

/// Defines `Label`, one variant per entry: `Name = "key": "English", "French";`.
macro_rules! define_labels {
    ($($name:ident = $key:literal: $en:expr, $fr:expr;)*) => {
        /// A phrase of the human formats.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Label {
            $($name,)*
        }

        impl Label {
            /// Every label, in the table's order.
            pub const ALL: &'static [Label] = &[$(Label::$name,)*];

            /// The name templates use: `{{ t.key }}`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Label::$name => $key,)*
                }
            }

            /// The phrase in `lang`.
            pub fn text(self, lang: super::Lang) -> &'static str {
                match (self, lang) {
                    $((Label::$name, super::Lang::En) => $en,
                      (Label::$name, super::Lang::Fr) => $fr,)*
                }
            }
        }
    };
}
use define_labels;
pub use labels::Label;

/// The phrase `label` in `lang` with each `{name}` replaced by its value.
/// One pass over the phrase: a value that itself holds `{name}` is written as it is.
pub fn fill(label: Label, lang: Lang, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = label.text(lang);
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| values.iter().find(|(n, _)| *n == &after[..close]).map(|v| (close, v.1)))
        {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `3 programmes screened`: a count with the label for one or for many.
pub fn count(n: usize, one: Label, many: Label, lang: Lang) -> String {
    format!("{n} {}", if n == 1 { one } else { many }.text(lang))
}

/// What became of the names marked sensitive, when there are any: how many are withheld, or
/// a warning that they are shown.
pub fn sensitive_notice(marked: usize, shown: bool, lang: Lang) -> Option<String> {
    match marked {
        0 => None,
        _ if shown => Some(Label::SensitiveShown.text(lang).to_string()),
        n => Some(count(n, Label::WithheldOne, Label::WithheldMany, lang)),
    }
}

/// Why a finding on a claimed safeguard is rated below its significance.
pub fn capped(capped_at: Rating, uncapped: Rating, claims: &[String], lang: Lang) -> String {
    let claims: Vec<String> = claims.iter().map(|c| format!("`{c}`")).collect();
    let values =
        [("capped", rating(capped_at, lang)), ("uncapped", rating(uncapped, lang)), ("claims", &claims.join(", "))];
    fill(Label::Capped, lang, &values)
}

/// The translation of a rule's source quote shown beside it in `lang` (French only: the
/// report the rules quote is in English).
pub fn quote_translation(source: &crate::model::rule::Source, lang: Lang) -> Option<String> {
    if lang == Lang::Fr { source.fr.clone() } else { None }
}

/// The digit group separator and the decimal point of `lang`: `4,500,000.5`, `4 500 000,5`.
pub fn number_marks(lang: Lang) -> (char, char) {
    if lang == Lang::Fr { ('\u{202f}', ',') } else { (',', '.') }
}

/// Every label in `lang` by its key, for templates (`{{ t.key }}`).
pub fn labels(lang: Lang) -> std::collections::BTreeMap<&'static str, &'static str> {
    Label::ALL.iter().map(|l| (l.key(), l.text(lang))).collect()
}

pub fn rating(r: Rating, lang: Lang) -> &'static str {
    match (r, lang) {
        (Rating::Low, Lang::En) => "Low",
        (Rating::Moderate, Lang::En) => "Moderate",
        (Rating::Substantial, Lang::En) => "Substantial",
        (Rating::High, Lang::En) => "High",
        (Rating::Low, Lang::Fr) => "Faible",
        (Rating::Moderate, Lang::Fr) => "Modéré",
        (Rating::Substantial, Lang::Fr) => "Substantiel",
        (Rating::High, Lang::Fr) => "Élevé",
    }
}

pub fn programme_type(t: ProgrammeType, lang: Lang) -> &'static str {
    match (t, lang) {
        (ProgrammeType::Ssr, Lang::En) => "Security sector reform",
        (ProgrammeType::Ddr, Lang::En) => "Disarmament, demobilisation and reintegration",
        (ProgrammeType::Border, Lang::En) => "Border management",
        (ProgrammeType::CounterTerrorism, Lang::En) => "Counter-terrorism",
        (ProgrammeType::Justice, Lang::En) => "Criminal justice",
        (ProgrammeType::Development, Lang::En) => "Development",
        (ProgrammeType::Governance, Lang::En) => "Governance",
        (ProgrammeType::Reconciliation, Lang::En) => "Reconciliation and dialogue",
        (ProgrammeType::Ssr, Lang::Fr) => "Réforme du secteur de la sécurité",
        (ProgrammeType::Ddr, Lang::Fr) => "Désarmement, démobilisation et réintégration",
        (ProgrammeType::Border, Lang::Fr) => "Gestion des frontières",
        (ProgrammeType::CounterTerrorism, Lang::Fr) => "Lutte contre le terrorisme",
        (ProgrammeType::Justice, Lang::Fr) => "Justice pénale",
        (ProgrammeType::Development, Lang::Fr) => "Développement",
        (ProgrammeType::Governance, Lang::Fr) => "Gouvernance",
        (ProgrammeType::Reconciliation, Lang::Fr) => "Réconciliation et dialogue",
    }
}

pub fn area(a: RiskArea, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return a.title();
    }
    match a {
        RiskArea::Analysis => "Compréhension des dynamiques criminelles",
        RiskArea::Livelihoods => "Moyens de subsistance et économie informelle",
        RiskArea::Corruption => "Corruption et complicité de l'État",
        RiskArea::Legitimacy => "Gouvernance de la sécurité et confiance",
        RiskArea::Settlement => "Fauteurs de troubles et règlements politiques",
        RiskArea::Targeting => "Ciblage de la lutte antiterroriste",
        RiskArea::CommunitySafety => "Sécurité des communautés et des informateurs",
        RiskArea::Displacement => "Déplacement entre frontières et régions",
        RiskArea::Ownership => "Appropriation locale et débat public",
    }
}

/// The initial of a rating in `lang`, for heat-map cells (the legend spells them out).
pub fn rating_initial(r: Rating, lang: Lang) -> &'static str {
    match (r, lang) {
        (Rating::High, Lang::En) => "H",
        (Rating::High, Lang::Fr) => "É",
        (Rating::Substantial, _) => "S",
        (Rating::Moderate, _) => "M",
        (Rating::Low, Lang::En) => "L",
        (Rating::Low, Lang::Fr) => "F",
    }
}

/// An evidence value as shown: as written, but the tool's own `mentions "…"` (what a word
/// list found in a text) in `lang`.
pub fn evidence_value(value: &str, lang: Lang) -> String {
    match value.strip_prefix("mentions ") {
        Some(rest) => format!("{} {rest}", Label::Mentions.text(lang)),
        None => value.to_string(),
    }
}

/// A checklist's version as a human format shows it: `unversioned` in `lang`.
pub fn checklist_version(version: &str, lang: Lang) -> &str {
    if version == "unversioned" { Label::Unversioned.text(lang) } else { version }
}

/// A written answer (`yes`, `no`, `unknown`) in `lang`.
pub fn answer(a: crate::model::Answer, lang: Lang) -> &'static str {
    use crate::model::Answer;
    match a {
        Answer::Yes => Label::AnswerYes,
        Answer::No => Label::AnswerNo,
        Answer::Unknown => Label::AnswerUnknown,
    }
    .text(lang)
}

/// A risk area in one word, for narrow tables (the terminal's heat map); in English, its id.
pub fn area_short(a: RiskArea, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return a.as_str();
    }
    match a {
        RiskArea::Analysis => "analyse",
        RiskArea::Livelihoods => "subsistance",
        RiskArea::Corruption => "corruption",
        RiskArea::Legitimacy => "légitimité",
        RiskArea::Settlement => "règlements",
        RiskArea::Targeting => "ciblage",
        RiskArea::CommunitySafety => "sécurité_communautés",
        RiskArea::Displacement => "déplacement",
        RiskArea::Ownership => "appropriation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{name}` placeholders of a phrase.
    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(n, _)| n)).collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn both_languages_have_every_label_with_the_same_placeholders() {
        let mut keys = std::collections::BTreeSet::new();
        for l in Label::ALL {
            assert!(keys.insert(l.key()), "key `{}` is used twice", l.key());
            let (en, fr) = (l.text(Lang::En), l.text(Lang::Fr));
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{l:?}");
            assert_eq!(placeholders(en), placeholders(fr), "{l:?}: the two languages fill different values");
        }
        assert_eq!(labels(Lang::Fr).len(), Label::ALL.len());
        assert_eq!(Label::Findings.text(Lang::Fr), "Constats");
    }

    #[test]
    fn every_label_a_built_in_template_names_exists() {
        let keys: std::collections::BTreeSet<&str> = Label::ALL.iter().map(|l| l.key()).collect();
        let mut named = 0;
        for (name, source) in crate::assets::TEMPLATE_FILES {
            for (at, _) in source.match_indices("t.") {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let key: String =
                    source[at + 2..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                assert!(keys.contains(key.as_str()), "{name} names `t.{key}`, which no label has");
                named += 1;
            }
        }
        assert!(named > 50, "the templates name their labels as `t.key` ({named} found)");
    }

    #[test]
    fn fill_replaces_each_placeholder_once() {
        let text = fill(Label::NoticeFailOnNever, Lang::Fr, &[("origin", "dnh-screen.yaml")]);
        assert!(text.contains("par dnh-screen.yaml :") && !text.contains('{'), "{text}");
        // A value naming a placeholder (a file called `{origin}.yaml`) is written as it is.
        let values = [("file", "{origin}.yaml"), ("origin", "x"), ("known", "3")];
        let text = fill(Label::NoticeBaselineCoversAll, Lang::En, &values);
        assert!(text.starts_with("the baseline {origin}.yaml (set by x) marks all 3"), "{text}");
    }
}
