//! Word matching for `mentions` tests: case and accents are ignored, words are whole words
//! or prefixes (`terror*`), and a phrase matches consecutive words.
//!
//! Shared by the rule conditions, the checklist reader, the portfolio and the IATI mapping.
//! Pure text functions; nothing here knows programmes.

/// Lower case, with the accents of French and other Latin-script text removed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => out.push('a'),
            'ç' | 'Ç' => out.push('c'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'î' | 'ï' | 'í' | 'ì' | 'Î' | 'Ï' | 'Í' | 'Ì' => out.push('i'),
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => out.push('o'),
            'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => out.push('u'),
            'ÿ' | 'Ÿ' => out.push('y'),
            'ñ' | 'Ñ' => out.push('n'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '’' | '\'' => out.push(' '),
            other => out.extend(other.to_lowercase()),
        }
    }
    // The words joined by single spaces, without a list of them (a text of one-letter words
    // would need eight times its size for it).
    let mut joined = String::with_capacity(out.len());
    for word in out.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

/// The words of a folded text.
pub fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect()
}

/// Finds a phrase (its folded words; the last a prefix when `prefix`) in a text's folded
/// words, returning the matched words as they appear in the text.
pub fn find(text_tokens: &[String], wanted: &[String], prefix: bool) -> Option<String> {
    position(text_tokens, wanted, prefix).map(|at| text_tokens[at..at + wanted.len()].join(" "))
}

/// Where a phrase (as for [`find`]) first occurs in a text's folded words.
pub fn position(text_tokens: &[String], wanted: &[String], prefix: bool) -> Option<usize> {
    if wanted.is_empty() || wanted.len() > text_tokens.len() {
        return None;
    }
    let last = wanted.len() - 1;
    text_tokens.windows(wanted.len()).position(|window| {
        window
            .iter()
            .zip(wanted)
            .enumerate()
            .all(|(i, (have, want))| if i == last && prefix { have.starts_with(want.as_str()) } else { have == want })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(text: &str, word: &str) -> Option<String> {
        let folded = fold(text);
        let prefix = word.ends_with('*');
        let words: Vec<String> = tokens(&folded).into_iter().map(str::to_string).collect();
        let wanted = fold(word.trim_end_matches('*'));
        let parts: Vec<String> = tokens(&wanted).into_iter().map(str::to_string).collect();
        find(&words, &parts, prefix)
    }

    #[test]
    fn matches_whole_words_prefixes_and_phrases() {
        assert_eq!(hit("Enforce the BAN on fuel", "ban"), Some("ban".into()));
        assert_eq!(hit("Support the local bank", "ban"), None);
        assert_eq!(hit("Interdiction des importations", "interdi*"), Some("interdiction".into()));
        assert_eq!(hit("dismantle narco-terrorist networks", "narco terror*"), Some("narco terrorist".into()));
        assert_eq!(hit("réseaux narco-terroristes", "narco-terror*"), Some("narco terroristes".into()));
        assert_eq!(hit("Sécurité à Ménaka", "menaka"), Some("menaka".into()));
    }
}
