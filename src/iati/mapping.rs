//! The IATI mapping table (`data/iati-mapping.yaml`, built into the binary): sector codes to
//! programme types, organisation types and roles to partner kinds and roles, activity status
//! to stage, and the words from which activity kinds may be inferred.
//!
//! Read once; a table, no logic beyond looking things up.

use crate::evaluate::words;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

#[derive(Debug, Default, Deserialize)]
pub struct Mapping {
    pub sector_types: BTreeMap<String, String>,
    pub organisation_kinds: BTreeMap<String, String>,
    pub organisation_roles: BTreeMap<String, String>,
    pub activity_status: BTreeMap<String, String>,
    pub activity_words: BTreeMap<String, Vec<String>>,
}

/// The table, read from the built-in data file.
pub fn table() -> &'static Mapping {
    static TABLE: OnceLock<Mapping> = OnceLock::new();
    TABLE.get_or_init(|| {
        let text =
            crate::checklist::DATA_FILES.iter().find(|(name, _)| *name == "iati-mapping.yaml").map_or("", |(_, t)| *t);
        serde_saphyr::from_str(text).unwrap_or_default()
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
        let tokens: Vec<String> = words::tokens(&folded).into_iter().map(str::to_string).collect();
        let mut out = Vec::new();
        for (kind, list) in &self.activity_words {
            let mut matched: Vec<String> = list
                .iter()
                .filter_map(|w| {
                    let prefix = w.ends_with('*');
                    let parts: Vec<String> =
                        words::tokens(&words::fold(w.trim_end_matches('*'))).into_iter().map(str::to_string).collect();
                    words::find(&tokens, &parts, prefix)
                })
                .collect();
            matched.sort();
            matched.dedup();
            if !matched.is_empty() {
                out.push((kind.as_str(), matched));
            }
        }
        out
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
    }
}
