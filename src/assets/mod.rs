//! What the binary carries: the core checklist, the built-in templates and the data tables,
//! so the tool runs with no set-up and never reads them from disk.
//!
//! The lowest layer after the model: it names no other module. The rule and template files
//! are kept as text for the stages that parse them (the checklist, the templates), which
//! report their problems with file and line; the data tables are read at build time into the
//! typed statics below, so no stage parses them or falls back to an empty table.

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

mod tables {
    use super::IatiTables;
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

/// The core checklist's files (`checklists/`): (path, text), sorted by path.
pub use embedded::CHECKLIST_FILES;
/// The built-in templates (`templates/`): (name, text), sorted by name.
pub use embedded::TEMPLATE_FILES;
/// Country names by ISO code (`data/iati-countries.yaml`), sorted by code.
pub use tables::COUNTRY_NAMES;
/// How IATI activity XML is read into the programme format (`data/iati-mapping.yaml`).
pub use tables::IATI;
/// Mali's regions, cercles and towns with their zone (`data/mali-zones.yaml`): (name, zone).
pub use tables::MALI_ZONES;
/// Regions that share a border (`data/neighbouring-regions.yaml`), as written.
pub use tables::NEIGHBOUR_PAIRS;

/// The IATI mapping table, each map sorted by key.
#[derive(Debug)]
pub struct IatiTables {
    /// DAC sector code (or prefix) → programme type.
    pub sector_types: &'static [(&'static str, &'static str)],
    /// IATI OrganisationType code → partner kind.
    pub organisation_kinds: &'static [(&'static str, &'static str)],
    /// IATI OrganisationRole code → partner role.
    pub organisation_roles: &'static [(&'static str, &'static str)],
    /// IATI ActivityStatus code → programme stage.
    pub activity_status: &'static [(&'static str, &'static str)],
    /// Activity kind → the words from which it may be inferred.
    pub activity_words: &'static [(&'static str, &'static [&'static str])],
    /// Phrases that contain such words but say something else.
    pub activity_words_ignored: &'static [&'static str],
    /// Organisation names that are only a category ("International NGO").
    pub generic_organisation_names: &'static [&'static str],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_read_at_build_time() {
        assert!(NEIGHBOUR_PAIRS.contains(&("Kidal", "Gao")), "{NEIGHBOUR_PAIRS:?}");
        assert!(MALI_ZONES.contains(&("Kidal", "north")) && MALI_ZONES.contains(&("Mopti", "centre")));
        assert!(COUNTRY_NAMES.iter().any(|(code, names)| *code == "ML" && names.contains(&"Mali")));
        assert!(COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0), "sorted by code");
        assert!(IATI.sector_types.contains(&("15210", "ssr")));
        assert!(!IATI.activity_words.is_empty() && !IATI.generic_organisation_names.is_empty());
        assert!(CHECKLIST_FILES.iter().any(|(p, _)| p.ends_with(".yaml")) && !TEMPLATE_FILES.is_empty());
    }
}
