//! The IATI mapping table (`data/iati-mapping.yaml`, read at build time into `assets::IATI`): sector codes to
//! programme types, organisation types and roles to partner kinds and roles, activity status
//! to stage, and the words from which activity kinds may be inferred.
//!
//! Read once; a table, no logic beyond looking things up.

use crate::text::words;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug)]
pub struct Mapping {
    pub sector_types: BTreeMap<String, String>,
    pub organisation_kinds: BTreeMap<String, String>,
    pub organisation_roles: BTreeMap<String, String>,
    pub activity_status: BTreeMap<String, String>,
    pub activity_words: BTreeMap<String, Vec<String>>,
    pub activity_words_ignored: Vec<String>,
    pub generic_organisation_names: Vec<String>,
    /// The word lists above as folded words, made once.
    folded: OnceLock<Folded>,
}

/// A word list entry: its folded words, and whether the last is a prefix.
type Phrase = (Vec<String>, bool);

#[derive(Debug, Default)]
struct Folded {
    words: Vec<(String, Vec<Phrase>)>,
    ignored: Vec<Phrase>,
    generic: Vec<Vec<String>>,
}

/// Whether `name` is the name of the country `code` (case and accents ignored).
pub fn is_country_name(code: &str, name: &str) -> bool {
    let names = crate::assets::COUNTRY_NAMES.binary_search_by(|(c, _)| (*c).cmp(code)).ok();
    let folded = words::fold(name);
    let name = words::tokens(&folded);
    names.map(|at| crate::assets::COUNTRY_NAMES[at].1).is_some_and(|names| {
        names.iter().any(|n| {
            let n = words::fold(n);
            words::tokens(&n) == name
        })
    })
}

/// A word list entry as folded words, and whether its last word is a prefix.
fn phrase(w: &str) -> Phrase {
    let parts = words::tokens(&words::fold(w.trim_end_matches('*'))).into_iter().map(str::to_string).collect();
    (parts, w.ends_with('*'))
}

/// The table, read from the built-in data file.
pub fn table() -> &'static Mapping {
    static TABLE: OnceLock<Mapping> = OnceLock::new();
    TABLE.get_or_init(|| {
        let t = &crate::assets::IATI;
        let map = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let strings = |list: &[&str]| list.iter().map(|s| s.to_string()).collect();
        Mapping {
            sector_types: map(t.sector_types),
            organisation_kinds: map(t.organisation_kinds),
            organisation_roles: map(t.organisation_roles),
            activity_status: map(t.activity_status),
            activity_words: t.activity_words.iter().map(|(k, list)| (k.to_string(), strings(list))).collect(),
            activity_words_ignored: strings(t.activity_words_ignored),
            generic_organisation_names: strings(t.generic_organisation_names),
            folded: OnceLock::new(),
        }
    })
}

impl Mapping {
    /// The programme type of a DAC sector code: the longest matching prefix, else development.
    pub fn sector_type(&self, code: &str) -> &str {
        self.sector_types
            .iter()
            .filter(|(prefix, _)| code.starts_with(prefix.as_str()))
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or("development", |(_, t)| t.as_str())
    }

    /// Activity kinds whose words appear in `text`, each with the words matched.
    pub fn inferred_kinds(&self, text: &str) -> Vec<(&str, Vec<String>)> {
        let folded = words::fold(text);
        let mut tokens: Vec<String> = words::tokens(&folded).into_iter().map(str::to_string).collect();
        let table = self.folded();
        // Phrases that say something else are blanked out first, everywhere they occur (each
        // search goes on from the last match: a blanked word matches nothing again).
        for (parts, prefix) in &table.ignored {
            let mut from = 0;
            while let Some(at) = tokens.get(from..).and_then(|rest| words::position(rest, parts, *prefix)) {
                let at = from + at;
                tokens[at..at + parts.len()].iter_mut().for_each(|t| *t = String::from("\u{0}"));
                from = at + parts.len();
            }
        }
        let mut out = Vec::new();
        for (kind, list) in &table.words {
            let mut matched: Vec<String> =
                list.iter().filter_map(|(parts, prefix)| words::find(&tokens, parts, *prefix)).collect();
            matched.sort();
            matched.dedup();
            if !matched.is_empty() {
                out.push((kind.as_str(), matched));
            }
        }
        out
    }
}

impl Mapping {
    /// Whether an organisation's name is only its category ("International NGO").
    pub fn is_generic_name(&self, name: &str) -> bool {
        let folded = words::fold(name);
        let name: Vec<&str> = words::tokens(&folded);
        self.folded().generic.iter().any(|g| *g == name)
    }

    fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded {
            words: self
                .activity_words
                .iter()
                .map(|(k, list)| (k.clone(), list.iter().map(|w| phrase(w)).collect()))
                .collect(),
            ignored: self.activity_words_ignored.iter().map(|w| phrase(w)).collect(),
            generic: self.generic_organisation_names.iter().map(|g| phrase(g).0).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;

    #[test]
    fn the_table_reads_and_names_only_format_values() {
        let t = table();
        assert_eq!(t.sector_type("15210"), "ssr");
        assert_eq!(t.sector_type("15240"), "ddr");
        assert_eq!(t.sector_type("15130"), "justice");
        assert_eq!(t.sector_type("15220"), "reconciliation");
        assert_eq!(t.sector_type("15190"), "border");
        assert_eq!(t.sector_type("33120"), "border");
        assert_eq!(t.sector_type("15110"), "governance");
        assert_eq!(t.sector_type("151"), "governance");
        assert_eq!(t.sector_type("12220"), "development");
        for ty in t.sector_types.values() {
            assert!(crate::model::ProgrammeType::parse(ty).is_some(), "{ty}");
        }
        for kind in t.organisation_kinds.values() {
            assert!(schema::PARTNER_KINDS.contains(&kind.as_str()), "{kind}");
        }
        for role in t.organisation_roles.values() {
            assert!(schema::ROLES.contains(&role.as_str()), "{role}");
        }
        for stage in t.activity_status.values() {
            assert!(schema::STAGES.contains(&stage.as_str()), "{stage}");
        }
        for kind in t.activity_words.keys() {
            assert!(
                schema::find(schema::ACTIVITY, "kind").is_some()
                    && crate::schema::ACTIVITY_KINDS.contains(&kind.as_str()),
                "{kind}"
            );
        }
    }

    #[test]
    fn kinds_are_inferred_from_words_with_evidence() {
        let found = table().inferred_kinds("Formation des douaniers et construction de postes frontières");
        let kinds: Vec<&str> = found.iter().map(|(k, _)| *k).collect();
        assert!(
            kinds.contains(&"training") && kinds.contains(&"infrastructure") && kinds.contains(&"checkpoints"),
            "{found:?}"
        );
        assert!(table().inferred_kinds("Health services in Mopti").is_empty());
        // Phrases that say something else are not evidence.
        let found = table().inferred_kinds("Renforcer la surveillance épidémiologique; études de cas; Etudesk");
        assert_eq!(found.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["research"], "{found:?}");
        let found = table().inferred_kinds("Epidemiological surveillance and border surveillance");
        assert_eq!(found, [("surveillance", vec!["surveillance".to_string()])]);
        assert!(table().is_generic_name("INTERNATIONAL NGO"));
        assert!(table().is_generic_name("Partenariat public-privé"));
        assert!(!table().is_generic_name("Association Kayes"));
        assert!(is_country_name("ML", "MALI") && is_country_name("TD", "Tchad") && !is_country_name("ML", "Mopti"));
    }
}
