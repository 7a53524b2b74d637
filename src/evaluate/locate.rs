//! Where a finding points, and what identifies it across edits of the file.
//!
//! Part of the evaluate stage. The location is one of the finding's own evidence entries (the
//! missing or refused safeguard first); the identity is a field path that does not depend on
//! line numbers nor on the order of partners and activities. Nothing here scores.

use crate::model::{Evidence, Programme, Value};
use crate::schema;

/// The index of the evidence a finding points at: a safeguard left unanswered, else one
/// answered against, else any safeguard, else any gap, else the first.
pub fn primary(evidence: &[Evidence]) -> usize {
    let safeguard = |e: &Evidence| schema::find_written(&e.field).is_some_and(|s| s.safeguard);
    evidence
        .iter()
        .position(|e| e.gap && safeguard(e))
        .or_else(|| evidence.iter().position(|e| safeguard(e) && e.value.as_deref() != Some("yes")))
        .or_else(|| evidence.iter().position(safeguard))
        .or_else(|| evidence.iter().position(|e| e.gap))
        .unwrap_or(0)
}

/// `partners[2].vetted` → `partners[Direction Générale des Douanes].vetted` (`sensitive#1` for
/// the first partner marked sensitive);
/// `activities[1].kind` → `activities[checkpoints].kind` (`checkpoints#2` for the second).
pub fn stable_path(programme: &Programme, path: &str) -> String {
    let Some((head, rest)) = path.split_once("].") else {
        return path.to_string();
    };
    let Some((list, index)) = head.split_once('[') else {
        return path.to_string();
    };
    let Ok(index) = index.parse::<usize>() else {
        return path.to_string();
    };
    let items = programme.root.list(list).unwrap_or_default();
    let object = |i: usize| match items.get(i).map(|f| &f.value) {
        Some(Value::Object(o)) => Some(o),
        _ => None,
    };
    let sensitive = |o: &crate::model::Object| o.text("sensitive") == Some("yes");
    let label = match list {
        // A partner marked sensitive by its place among those marked so: its name never
        // enters a key, shown or written to a baseline.
        "partners" if object(index).is_some_and(sensitive) => {
            let nth = (0..index).filter(|&i| object(i).is_some_and(sensitive)).count();
            Some(format!("sensitive#{}", nth + 1))
        }
        "partners" => object(index).and_then(|o| o.text("name")).map(str::to_string),
        "activities" => object(index).and_then(|o| o.text("kind")).map(|kind| {
            let same = (0..index).filter(|&i| object(i).and_then(|o| o.text("kind")) == Some(kind)).count();
            if same == 0 { kind.to_string() } else { format!("{kind}#{}", same + 1) }
        }),
        _ => None,
    };
    match label {
        Some(label) => format!("{list}[{label}].{rest}"),
        None => path.to_string(),
    }
}

/// A short, stable fingerprint of a finding's identity (FNV-1a, 64 bits, hex).
pub fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Loc;

    fn evidence(field: &str, gap: bool) -> Evidence {
        Evidence { field: field.into(), value: None, loc: Loc::NONE, gap }
    }

    #[test]
    fn points_at_the_missing_safeguard_first() {
        let e = [
            evidence("activities[0].kind", false),
            evidence("location.remote", true),
            evidence("measures.alternative_livelihoods.provided", true),
        ];
        assert_eq!(primary(&e), 2);
        let e = [evidence("context.corruption_risk", false), evidence("partners[1].vetted", false)];
        assert_eq!(primary(&e), 1);
        assert_eq!(primary(&[evidence("type", false)]), 0);
    }

    #[test]
    fn fingerprints_are_stable_and_distinct() {
        assert_eq!(fingerprint(&["A", "LIV-001", "x"]), fingerprint(&["A", "LIV-001", "x"]));
        assert_ne!(fingerprint(&["A", "LIV-001", "x"]), fingerprint(&["A", "LIV-00", "1x"]));
    }
}
