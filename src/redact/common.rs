//! Names too common to withhold. A name marked sensitive is blanked wherever it is written, in
//! every programme of the run: marking `yes`, `Gao` or `border` sensitive would blank answers,
//! regions and the format's own words from every report. Such a name is refused instead, with
//! the reason, and the file is not screened until it is written in full or unmarked.
//!
//! Built once from what is built in: answers, the format's field names and values, the
//! vocabularies, the regions of the neighbouring-regions table, country names, and the short
//! words of English and French. Nothing here reads a programme.

use crate::model::{Answer, ProgrammeType, Rating, RiskArea};
use crate::schema::{FieldSpec, Kind, ROOT};
use crate::text::fold;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The fewest letters a name marked sensitive may have.
pub const SHORTEST: usize = 3;

/// Answers as people write them.
const ANSWERS: &[&str] = &[
    "yes", "no", "true", "false", "on", "off", "null", "none", "unknown", "oui", "non", "vrai", "faux", "inconnu",
    "n/a",
];

/// Short words of English and French text.
const SHORT_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "not",
    "but",
    "all",
    "any",
    "our",
    "its",
    "des",
    "les",
    "une",
    "aux",
    "par",
    "sur",
    "pour",
    "avec",
    "dans",
    "sans",
    "est",
    "son",
    "ses",
    "qui",
    "que",
    "leur",
    "leurs",
    "mais",
    "plus",
    "withheld",
    "sensitive",
    "programme",
    "program",
    "partner",
    "contact",
    "activity",
];

/// Spellings of places the tables write otherwise (`Tombouctou`).
const OTHER_SPELLINGS: &[&str] = &["Timbuktu", "Timbuctoo", "Tombuctu", "Menaka", "Segou"];

/// Why a name marked sensitive (folded) is refused, or `None` when it may be withheld.
pub fn refusal(folded: &str) -> Option<String> {
    let letters = folded.chars().filter(|c| *c != ' ').count();
    if letters < SHORTEST {
        return Some(format!("is shorter than {SHORTEST} letters"));
    }
    if words().contains(folded) {
        return Some("is a common word (an answer, a region or country, or a word of the programme format)".into());
    }
    // `de la`, `the border`, `Gao Menaka`: every word of it would be blanked everywhere.
    if folded.split(' ').all(|w| w.chars().count() < SHORTEST || words().contains(w)) {
        return Some("is made only of common words (answers, regions or countries, words of the programme format or short words)".into());
    }
    None
}

fn words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set = HashSet::new();
        let mut add = |text: &str| {
            let folded = fold(text);
            for word in folded.split(' ') {
                set.insert(word.to_string());
            }
            set.insert(folded);
        };
        ANSWERS.iter().chain(SHORT_WORDS).for_each(|w| add(w));
        for names in [ProgrammeType::NAMES, RiskArea::NAMES, Rating::NAMES, Answer::NAMES] {
            names.iter().for_each(|w| add(w));
        }
        schema_words(ROOT, &mut add);
        places(&mut add);
        OTHER_SPELLINGS.iter().for_each(|w| add(w));
        set.remove("");
        set
    })
}

fn schema_words(fields: &'static [FieldSpec], add: &mut impl FnMut(&str)) {
    for field in fields {
        add(field.name);
        kind_words(&field.kind, add);
    }
}

fn kind_words(kind: &'static Kind, add: &mut impl FnMut(&str)) {
    match kind {
        Kind::Choice(values) => values.iter().for_each(|v| add(v)),
        Kind::List(item) => kind_words(item, add),
        Kind::Object(fields) => schema_words(fields, add),
        _ => {}
    }
}

/// Regions of the neighbouring-regions table and country names (with and without what they
/// add in brackets: "Congo (the)").
fn places(add: &mut impl FnMut(&str)) {
    let pairs = crate::assets::NEIGHBOUR_PAIRS.iter().flat_map(|(a, b)| [*a, *b]);
    let countries = crate::assets::COUNTRY_NAMES.iter().flat_map(|(_, names)| names.iter().copied());
    for name in pairs.chain(countries) {
        add(name);
        if let Some(short) = name.split(" (").next() {
            add(short);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_answers_places_short_names_and_the_formats_words() {
        for name in
            ["yes", "No", "ON", "Gao", "Ménaka", "Mali", "Côte d'Ivoire", "Ag", "Al", "border", "partner_vetting"]
                .into_iter()
                .chain(["de la", "the border", "yes yes", "Gao Ménaka", "Timbuktu"])
        {
            assert!(refusal(&fold(name)).is_some(), "{name} is accepted");
        }
        for name in ["Ag Intalla", "Brigade mobile de Tessit", "Tessit", "Awa"] {
            assert_eq!(refusal(&fold(name)), None, "{name}");
        }
    }
}
