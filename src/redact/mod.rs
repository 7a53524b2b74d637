//! Withholding sensitive names: the stage between scoring and rendering that replaces every
//! name marked `sensitive: yes` (a partner's name, a contact's name, an activity's
//! description) with `[withheld]` in every text a renderer can show.
//!
//! It must not change a rating, a finding or a count, and it must not change what joins
//! programmes: a partner whose name it withholds is joined on the name as written
//! (`Facts::joined_as`, never shown). A name is matched as whole words in folded text
//! (`crate::text`: case, accents, compatibility forms, invisible characters and punctuation
//! ignored), so "DIRECTION GENERALE des douanes" or "Ｄｉｒｅｃｔｉｏｎ…" in a title is withheld as
//! surely as the name itself. The marks are collected from the raw documents (`marks`), and
//! names too common to withhold are refused (`common`).

pub mod common;
pub mod marks;

use crate::model::{Acceptance, Report, Screening};
use crate::text::{Folded, Phrases, fold};

/// What a withheld name is replaced with.
pub const PLACEHOLDER: &str = "[withheld]";

/// A set of names to withhold, found in any text in one pass over it.
pub struct Withheld {
    phrases: Phrases,
}

impl Withheld {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a String>) -> Withheld {
        let folded: Vec<String> = names.into_iter().map(|n| fold(n)).collect();
        Withheld { phrases: Phrases::new(folded.iter().map(String::as_str)) }
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The text with every withheld name replaced by the placeholder; `None` when it names none.
    pub fn scrub(&self, text: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let spans = self.phrases.spans(&Folded::of(text));
        if spans.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut copied = 0;
        for (start, end) in spans {
            out.push_str(&text[copied..start]);
            out.push_str(PLACEHOLDER);
            copied = end;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }

    /// Withholds names in place; whether any was.
    fn apply(&self, text: &mut String) -> bool {
        match self.scrub(text) {
            Some(scrubbed) => {
                *text = scrubbed;
                true
            }
            None => false,
        }
    }
}

/// Withholds the names everywhere a renderer reads text of a screening or a problem; with
/// `keys_only` (`--show-sensitive`), from findings' keys alone, so that a finding's identity
/// (baselines, fingerprints, diffs) is the same whether the names are shown or not.
pub fn apply(report: &mut Report, withheld: &Withheld, keys_only: bool) {
    if withheld.is_empty() {
        return;
    }
    if keys_only {
        for f in report.screenings.iter_mut().flat_map(|s| s.findings.iter_mut()) {
            withheld.apply(&mut f.key);
        }
        return;
    }
    for s in &mut report.screenings {
        screening(s, withheld);
    }
    for problem in &mut report.errors {
        withheld.apply(problem.kind.message_mut());
    }
}

fn screening(s: &mut Screening, w: &Withheld) {
    w.apply(&mut s.title);
    if let Some(people) = &mut s.people {
        for person in [&mut people.0, &mut people.1].into_iter().flatten() {
            w.apply(person);
        }
    }
    for f in &mut s.findings {
        w.apply(&mut f.key);
        for e in &mut f.evidence {
            if let Some(value) = &mut e.value {
                w.apply(value);
            }
        }
        if let Some(a) = &mut f.acceptance {
            acceptance(a, w);
        }
    }
    for a in &mut s.stale_acceptances {
        acceptance(a, w);
    }
    for (region, _) in &mut s.facts.regions {
        w.apply(region);
    }
    for (n, p) in s.facts.partners.iter_mut().enumerate() {
        if let Some(scrubbed) = w.scrub(&p.name) {
            // In position order: `partner_key` searches it by position.
            s.facts.joined_as.push((u32::try_from(n).unwrap_or(u32::MAX), fold(&p.name)));
            p.name = scrubbed;
        }
    }
}

fn acceptance(a: &mut Acceptance, w: &Withheld) {
    w.apply(&mut a.reason);
    w.apply(&mut a.approved_by);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrub(names: &[&str], text: &str) -> String {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let w = Withheld::new(&names);
        w.scrub(text).unwrap_or_else(|| text.to_string())
    }

    #[test]
    fn withholds_whole_words_ignoring_case_accents_and_punctuation() {
        let names = ["Direction Générale des Douanes"];
        assert_eq!(scrub(&names, "Support to DIRECTION GENERALE des douanes."), "Support to [withheld].");
        assert_eq!(scrub(&names, "direction-générale des Douanes, Gao"), "[withheld], Gao");
        assert_eq!(scrub(&["Ali"], "Mali and Ali"), "Mali and [withheld]");
        assert_eq!(scrub(&["Ali"], "nothing here"), "nothing here");
    }

    #[test]
    fn a_longer_name_is_withheld_whole() {
        let names = ["Moussa", "Moussa Ag Acharatoumane"];
        assert_eq!(scrub(&names, "Moussa Ag Acharatoumane and Moussa"), "[withheld] and [withheld]");
    }

    #[test]
    fn names_without_words_withhold_nothing() {
        assert_eq!(scrub(&["--"], "a -- b"), "a -- b");
    }
}
