//! Finding every word of a `mentions` list in a text at once, in one pass over the text
//! (Aho–Corasick, every overlapping find): the cost is in the length of the text and the
//! finds, not in words × text. Each word or phrase reports its first occurrence.
//!
//! Pure: the caller folds and splits both the words and the text (`words`). Whole
//! words only; a phrase matches consecutive words; a prefix word matches the start of the
//! last word of the phrase.

use aho_corasick::{AhoCorasick, MatchKind};

/// The longest phrase a `mentions` list may hold, in words.
pub const MAX_PHRASE_WORDS: usize = 12;

/// One pass over a text's words for a list of phrases.
#[derive(Clone, Debug)]
pub struct Mentions {
    /// Each phrase's words, and whether its last word is a prefix.
    phrases: Vec<(Vec<String>, bool)>,
    /// For each phrase, its pattern in the automaton (the same phrase twice is one pattern).
    slots: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

impl PartialEq for Mentions {
    fn eq(&self, other: &Mentions) -> bool {
        self.phrases == other.phrases
    }
}

/// A text's folded words, joined for one search: ` w1 w2 … wn `, with where each word starts
/// (about five bytes per byte of the text, however short its words).
pub struct Haystack {
    joined: String,
    starts: Vec<u32>,
}

impl Haystack {
    /// From a folded text: its words joined by single spaces (`words::fold`).
    pub fn new(folded: &str) -> Haystack {
        let mut joined = String::with_capacity(folded.len() + 2);
        joined.push(' ');
        joined.push_str(folded);
        joined.push(' ');
        let starts = (1..joined.len() - 1)
            .filter(|&i| joined.as_bytes()[i - 1] == b' ' && joined.as_bytes()[i] != b' ')
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        Haystack { joined, starts }
    }

    /// The words from the `at`-th, `count` of them, joined by spaces.
    fn words(&self, at: usize, count: usize) -> &str {
        let from = self.starts[at] as usize;
        let to = self.starts.get(at + count).map_or(self.joined.len(), |s| *s as usize) - 1;
        &self.joined[from..to]
    }
}

impl Mentions {
    /// From phrases of folded words (empty phrases never match).
    pub fn new(phrases: Vec<(Vec<String>, bool)>) -> Mentions {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut slots = Vec::with_capacity(phrases.len());
        for (parts, prefix) in &phrases {
            if parts.is_empty() {
                slots.push(usize::MAX);
                continue;
            }
            // Every word in the haystack has a space before and after it: a pattern that
            // starts with a space starts at a word, and one ending with a space ends at one.
            let mut p = format!(" {}", parts.join(" "));
            if !prefix {
                p.push(' ');
            }
            let next = patterns.len();
            let slot = *index.entry(p.clone()).or_insert(next);
            if slot == next {
                patterns.push(p);
            }
            slots.push(slot);
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder().match_kind(MatchKind::Standard).build(&patterns).ok()
        };
        Mentions { phrases, slots, automaton }
    }

    /// For each phrase, in order, the word index of its first occurrence.
    pub fn first_positions(&self, hay: &Haystack, stop_at_first: bool) -> Vec<Option<usize>> {
        let Some(automaton) = &self.automaton else { return vec![None; self.phrases.len()] };
        let mut first: Vec<Option<usize>> = vec![None; automaton.patterns_len()];
        let mut left = first.len();
        // Finds come in the order they end, and a pattern has one length: its first find is
        // its first occurrence.
        for found in automaton.find_overlapping_iter(&hay.joined) {
            let id = found.pattern().as_usize();
            if first[id].is_some() {
                continue;
            }
            // The find starts at the space before its first word.
            first[id] = Some(hay.starts.partition_point(|s| (*s as usize) <= found.start()));
            left -= 1;
            if stop_at_first || left == 0 {
                break;
            }
        }
        self.slots.iter().map(|slot| first.get(*slot).copied().flatten()).collect()
    }

    /// For each phrase, in order, its first occurrence as the words of the text, joined by
    /// spaces (a prefix word as the whole word of the text).
    pub fn found(&self, hay: &Haystack) -> Vec<Option<String>> {
        self.first_positions(hay, false)
            .into_iter()
            .zip(&self.phrases)
            .map(|(at, (parts, _))| at.map(|at| hay.words(at, parts.len()).to_string()))
            .collect()
    }

    /// Whether any phrase occurs in the text.
    pub fn any(&self, hay: &Haystack) -> bool {
        self.first_positions(hay, true).iter().any(Option::is_some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words::{fold, tokens};

    fn words(text: &str) -> Vec<String> {
        tokens(&fold(text)).into_iter().map(str::to_string).collect()
    }

    fn found(wanted: &[&str], text: &str) -> Vec<Option<String>> {
        let phrases = wanted.iter().map(|w| (words(w.trim_end_matches('*')), w.ends_with('*'))).collect::<Vec<_>>();
        Mentions::new(phrases).found(&Haystack::new(&fold(text)))
    }

    #[test]
    fn whole_words_prefixes_phrases_and_first_occurrences() {
        let text = "Support the local bank; enforce the BAN on narco-terrorist networks, then ban narco terror";
        let wanted = ["ban", "bank", "ba", "narco terror*", "narco terror", "terror*", "ban", "", "networks then"];
        let got = found(&wanted, text);
        let want = [
            Some("ban"),
            Some("bank"),
            None,
            Some("narco terrorist"),
            Some("narco terror"),
            Some("terrorist"),
            Some("ban"),
            None,
            Some("networks then"),
        ];
        assert_eq!(got, want.map(|w| w.map(String::from)));
        assert_eq!(found(&["ali"], "mali ali"), [Some("ali".to_string())]);
        assert_eq!(found(&["a a a"], "a a"), [None]);
        assert!(!Mentions::new(Vec::new()).any(&Haystack::new("a b")));
        assert_eq!(found(&["b"], ""), [None]);
    }
}
