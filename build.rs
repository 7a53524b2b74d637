//! Embeds the core checklist, the default templates and the data tables into the binary, so the tool runs with
//! no set-up. Generates `embedded.rs` in OUT_DIR: sorted lists of (relative path, contents) of the checklist
//! and the templates; and `tables.rs`:
//! the data tables (`data/*.yaml`) read here, at build time, into typed statics, so a broken table stops the
//! build naming its file and line, and the tool never parses them nor falls back to an empty table.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut out = String::new();
    for (name, folder) in [("CHECKLIST_FILES", "checklists"), ("TEMPLATE_FILES", "templates")] {
        let base = root.join(folder);
        println!("cargo:rerun-if-changed={}", base.display());
        let mut files = Vec::new();
        collect(&base, &mut files);
        files.sort();
        writeln!(out, "pub static {name}: &[(&str, &str)] = &[").expect("write to string");
        for file in files {
            let relative = file.strip_prefix(&base).expect("under base").to_string_lossy().replace('\\', "/");
            writeln!(out, "    ({relative:?}, include_str!({:?})),", file.display().to_string())
                .expect("write to string");
        }
        writeln!(out, "];").expect("write to string");
    }
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(dest, out).expect("write embedded.rs");
    tables::write(&root.join("data"), &PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")));
}

mod tables {
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use std::fmt::Write as _;
    use std::path::Path;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Neighbours {
        pairs: Vec<(String, String)>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Zones {
        north: Vec<String>,
        centre: Vec<String>,
        south: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Countries {
        country_names: BTreeMap<String, Vec<String>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Iati {
        sector_types: BTreeMap<String, String>,
        organisation_kinds: BTreeMap<String, String>,
        organisation_roles: BTreeMap<String, String>,
        activity_status: BTreeMap<String, String>,
        activity_words: BTreeMap<String, Vec<String>>,
        #[serde(default)]
        activity_words_ignored: Vec<String>,
        #[serde(default)]
        generic_organisation_names: Vec<String>,
    }

    fn read<T: for<'de> Deserialize<'de>>(dir: &Path, name: &str) -> T {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("data/{name}: {e}"))
    }

    fn pairs(map: &BTreeMap<String, String>) -> String {
        let items: Vec<String> = map.iter().map(|(k, v)| format!("({k:?}, {v:?})")).collect();
        format!("&[{}]", items.join(", "))
    }

    fn lists(map: &BTreeMap<String, Vec<String>>) -> String {
        let items: Vec<String> = map.iter().map(|(k, v)| format!("({k:?}, &{v:?})")).collect();
        format!("&[{}]", items.join(", "))
    }

    pub fn write(data: &Path, out_dir: &Path) {
        let neighbours: Neighbours = read(data, "neighbouring-regions.yaml");
        let countries: Countries = read(data, "iati-countries.yaml");
        let iati: Iati = read(data, "iati-mapping.yaml");
        let zones: Zones = read(data, "mali-zones.yaml");
        let mut out = String::new();
        let neighbour_pairs: Vec<String> = neighbours.pairs.iter().map(|(a, b)| format!("({a:?}, {b:?})")).collect();
        writeln!(out, "pub static NEIGHBOUR_PAIRS: &[(&str, &str)] = &[{}];", neighbour_pairs.join(", "))
            .expect("write");
        let zone_names: Vec<String> = [("north", &zones.north), ("centre", &zones.centre), ("south", &zones.south)]
            .iter()
            .flat_map(|(zone, names)| names.iter().map(move |n| format!("({n:?}, {zone:?})")))
            .collect();
        writeln!(out, "pub static MALI_ZONES: &[(&str, &str)] = &[{}];", zone_names.join(", ")).expect("write");
        writeln!(out, "pub static COUNTRY_NAMES: &[(&str, &[&str])] = {};", lists(&countries.country_names))
            .expect("write");
        writeln!(
            out,
            "pub static IATI: IatiTables = IatiTables {{ sector_types: {}, organisation_kinds: {}, \
             organisation_roles: {}, activity_status: {}, activity_words: {}, activity_words_ignored: &{:?}, \
             generic_organisation_names: &{:?} }};",
            pairs(&iati.sector_types),
            pairs(&iati.organisation_kinds),
            pairs(&iati.organisation_roles),
            pairs(&iati.activity_status),
            lists(&iati.activity_words),
            iati.activity_words_ignored,
            iati.generic_organisation_names,
        )
        .expect("write");
        std::fs::write(out_dir.join("tables.rs"), out).expect("write tables.rs");
    }
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.')) {
            println!("cargo:rerun-if-changed={}", path.display());
            files.push(path);
        }
    }
}
