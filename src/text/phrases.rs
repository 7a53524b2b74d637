//! Finding many phrases at once in folded text, as whole words, in one pass over the text
//! (Aho–Corasick, leftmost-longest): the cost is in the length of the text, not in the number
//! of phrases. A phrase of several words is also found written without the spaces between
//! them (`AgIntalla` for `Ag Intalla`).
//!
//! Pure: the caller folds the phrases and the text (`super::fold`). Overlapping finds are
//! never both reported; the longest of those starting first wins.

use super::fold::Folded;
use aho_corasick::{AhoCorasick, Input, MatchKind};

/// A set of folded phrases to look for.
pub struct Phrases {
    automaton: Automaton,
}

enum Automaton {
    None,
    Built(AhoCorasick),
    /// The phrases could not be compiled: every text with a word in it counts as found whole.
    Failed,
}

impl Phrases {
    /// From phrases already folded (words joined by single spaces); empty ones are left out.
    pub fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut patterns: Vec<String> = Vec::new();
        for phrase in phrases.into_iter().filter(|p| !p.is_empty()) {
            // Each word in the folded text is followed by one space: so is a whole-word find.
            patterns.push(format!("{phrase} "));
            if phrase.contains(' ') {
                patterns.push(format!("{} ", phrase.replace(' ', "")));
            }
        }
        patterns.sort_unstable();
        patterns.dedup();
        if patterns.is_empty() {
            return Phrases { automaton: Automaton::None };
        }
        let built = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns);
        Phrases { automaton: built.map_or(Automaton::Failed, Automaton::Built) }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self.automaton, Automaton::None)
    }

    /// The spans, in the original text, of the phrases found in it as whole words.
    pub fn spans(&self, text: &Folded) -> Vec<(usize, usize)> {
        let words = &text.words;
        let automaton = match &self.automaton {
            Automaton::None => return Vec::new(),
            Automaton::Failed => {
                return match (words.first(), words.last()) {
                    (Some(first), Some(last)) => vec![(first.from, last.to)],
                    _ => Vec::new(),
                };
            }
            Automaton::Built(a) => a,
        };
        let hay = text.text.as_bytes();
        let mut out = Vec::new();
        // `w` is the first word a find may start at.
        let mut w = 0;
        while w < words.len() {
            let Some(found) = automaton.find(Input::new(hay).range(words[w].start..)) else { break };
            while w < words.len() && words[w].start < found.start() {
                w += 1;
            }
            if w == words.len() {
                break;
            }
            if words[w].start == found.start() {
                // The find ends with the space after its last word.
                let mut last = w;
                while last + 1 < words.len() && words[last].end + 1 < found.end() {
                    last += 1;
                }
                out.push((words[w].from, words[last].to));
                w = last + 1;
            }
            // Else it began inside a word: look again from the next word.
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn found(phrases: &[&str], text: &str) -> Vec<String> {
        let folded: Vec<String> = phrases.iter().map(|p| fold(p)).collect();
        let set = Phrases::new(folded.iter().map(String::as_str));
        set.spans(&Folded::of(text)).iter().map(|(a, b)| text[*a..*b].to_string()).collect()
    }

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(found(&["Ali"], "Mali and Ali, ALI."), ["Ali", "ALI"]);
        assert_eq!(found(&["ali ag"], "mali ag x, ali-ag"), ["ali-ag"]);
        assert!(found(&["Ali"], "nothing here").is_empty());
        assert!(found(&[], "Ali").is_empty());
    }

    #[test]
    fn the_longest_phrase_starting_first_wins() {
        let phrases = ["Moussa", "Moussa Ag Acharatoumane", "Ag"];
        assert_eq!(
            found(&phrases, "Moussa Ag Acharatoumane and Moussa, Ag"),
            ["Moussa Ag Acharatoumane", "Moussa", "Ag"]
        );
        // A find that starts inside a word does not hide one that starts at the next word.
        assert_eq!(found(&["ali ag", "ag x"], "mali ag x"), ["ag x"]);
    }

    #[test]
    fn phrases_are_found_without_their_spaces() {
        assert_eq!(found(&["Ag Intalla"], "met AgIntalla and Ag\u{200b}Intalla"), ["AgIntalla", "Ag\u{200b}Intalla"]);
    }
}
