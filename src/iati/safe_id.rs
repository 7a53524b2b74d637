//! An IATI identifier made safe as a programme id and as the name of the file an import
//! writes: letters, digits, `.`, `_` and `-` only, never a leading dot (a hidden file), never
//! `..`, and at most 200 bytes before `.yaml`, a long identifier cut and given a short hash of
//! the whole so that two long identifiers with the same beginning stay apart.
//!
//! Part of the load stage (the id of a converted activity); it must not look at the folder
//! the files go to (two identifiers with the same safe id are told apart by the import).

/// The longest safe id before its hash is added.
pub const MAX_BYTES: usize = 200;

/// An identifier made safe for file names and programme ids.
pub fn safe_id(identifier: &str) -> String {
    let identifier = identifier.trim();
    let mut id: String = identifier
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') { c } else { '-' })
        .collect();
    while id.contains("..") {
        id = id.replace("..", "-");
    }
    let id = id.trim_start_matches('.');
    let id = if id.is_empty() { format!("activity-{:012x}", hash(identifier)) } else { id.to_string() };
    if id.len() <= MAX_BYTES {
        return id;
    }
    // Only ASCII is left: any byte is a character boundary.
    format!("{}-{:012x}", &id[..MAX_BYTES], hash(identifier))
}

/// FNV-1a, 48 bits: the same on every machine and every version of the tool.
fn hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h >> 16
}

#[cfg(test)]
mod tests {
    use super::safe_id;

    #[test]
    fn names_stay_in_their_folder_and_visible() {
        assert_eq!(safe_id(" XM-DAC-41114-1 "), "XM-DAC-41114-1");
        assert_eq!(safe_id("GB/1 2"), "GB-1-2");
        assert_eq!(safe_id("../../etc/passwd"), "----etc-passwd");
        assert_eq!(safe_id(".bashrc"), "bashrc");
        assert_eq!(safe_id("a...b"), "a-.b");
        assert_eq!(safe_id("a....b"), "a--b");
        assert_eq!(safe_id("..."), "-.");
        // Nothing left (only for `.`): a name from the identifier's hash.
        let dot = safe_id(".");
        assert!(dot.starts_with("activity-") && dot.len() == "activity-".len() + 12, "{dot}");
        for id in ["..", "....", ". .", "./.", "é"] {
            let safe = safe_id(id);
            assert!(!safe.starts_with('.') && !safe.contains("..") && !safe.is_empty(), "{id}: {safe}");
        }
    }

    #[test]
    fn long_identifiers_are_cut_and_stay_apart() {
        let a = safe_id(&format!("{}A", "x".repeat(300)));
        let b = safe_id(&format!("{}B", "x".repeat(300)));
        assert_ne!(a, b);
        assert_eq!(a.len(), 200 + 1 + 12);
        assert!(a.starts_with(&"x".repeat(200)));
        assert_eq!(a, safe_id(&format!("{}A", "x".repeat(300))), "stable");
        assert_eq!(safe_id(&"y".repeat(200)), "y".repeat(200));
    }
}
