//! The neighbouring-regions table (`data/neighbouring-regions.yaml`, read at build time into `assets`):
//! which regions share a border, for portfolio rules with `sharing: neighbouring_region`.
//!
//! Read once; names are compared folded (no case, no accents). Nothing here screens.

use crate::text::words::fold;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

type Table = BTreeMap<String, BTreeSet<String>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table::new();
        for (a, b) in crate::assets::NEIGHBOUR_PAIRS {
            table.entry(fold(a)).or_default().insert(fold(b));
            table.entry(fold(b)).or_default().insert(fold(a));
        }
        table
    })
}

/// The regions (folded) that share a border with `region` (as written).
pub fn of(region: &str) -> impl Iterator<Item = &'static String> {
    table().get(&fold(region)).into_iter().flatten()
}

/// Whether two regions (as written) share a border.
pub fn are_neighbours(a: &str, b: &str) -> bool {
    table().get(&fold(a)).is_some_and(|set| set.contains(&fold(b)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_read_both_ways_and_ignores_accents() {
        assert!(are_neighbours("Ménaka", "Tillabéri"));
        assert!(are_neighbours("tillaberi", "MENAKA"));
        assert!(!are_neighbours("Ménaka", "Sikasso"));
        assert!(table().len() > 30);
    }
}
