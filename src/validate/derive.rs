//! Fields the validate stage derives from what the author wrote, so that rules can read
//! them like any other: `location.zones` (Mali's north, centre, south) from
//! `location.regions`, through the table in `data/mali-zones.yaml`.
//!
//! Part of the validate stage, after the document has been checked. It only adds a field the
//! author left out, never overrides one that was written, and never judges the design.

use crate::model::{Field, Object, Value};
use crate::text::words::fold;

/// The zones of Mali a region entry names ("Cercle de Tessalit, Kidal" → north), in the
/// order north, centre, south.
pub fn zones_of(region: &str) -> Vec<&'static str> {
    let words: Vec<String> = fold(region).split(' ').map(str::to_string).collect();
    let mut found = Vec::new();
    for (name, zone) in crate::assets::MALI_ZONES {
        let wanted: Vec<String> = fold(name).split(' ').map(str::to_string).collect();
        let hit = !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted.as_slice());
        if hit && !found.contains(zone) {
            found.push(*zone);
        }
    }
    found.sort_by_key(|z| ["north", "centre", "south"].iter().position(|o| o == z));
    found
}

/// Adds `location.zones` from `location.regions` when the author did not state it and the
/// programme works in Mali (or names no country).
pub fn location_zones(root: &mut Object) {
    let Some((_, location)) = root.entries.iter_mut().find(|(k, _)| *k == "location") else {
        return;
    };
    let Value::Object(location) = &mut location.value else {
        return;
    };
    if location.get("zones").is_some() {
        return;
    }
    if let Some(countries) = location.list("countries")
        && !countries.iter().any(|c| c.value.display() == "ML")
    {
        return;
    }
    let Some(regions) = location.get("regions") else {
        return;
    };
    let Value::List(items) = &regions.value else {
        return;
    };
    let mut zones: Vec<&'static str> = Vec::new();
    for item in items {
        if let Value::Text(region) = &item.value {
            for zone in zones_of(region) {
                if !zones.contains(&zone) {
                    zones.push(zone);
                }
            }
        }
    }
    if zones.is_empty() {
        return;
    }
    zones.sort_by_key(|z| ["north", "centre", "south"].iter().position(|o| o == z));
    let (key, loc) = (regions.key, regions.loc);
    let list = zones
        .into_iter()
        .map(|z| Field { key, loc, value: Value::Choice { value: z.to_string(), evidence: None } })
        .collect();
    location.entries.push(("zones", Field { key, loc, value: Value::List(list) }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_placed_in_their_zone_whatever_their_spelling() {
        assert_eq!(zones_of("Kidal"), ["north"]);
        assert_eq!(zones_of("cercle de TESSALIT"), ["north"]);
        assert_eq!(zones_of("Mopti (Sévaré)"), ["centre"]);
        assert_eq!(zones_of("Segou"), ["centre"]);
        assert_eq!(zones_of("Bamako, Sikasso"), ["south"]);
        assert_eq!(zones_of("Gao et Mopti"), ["north", "centre"]);
        assert!(zones_of("Tillabéri").is_empty());
        assert!(zones_of("").is_empty());
    }

    #[test]
    fn every_zone_name_is_found() {
        for (name, zone) in crate::assets::MALI_ZONES {
            assert!(zones_of(name).contains(zone), "{name}");
        }
    }
}
