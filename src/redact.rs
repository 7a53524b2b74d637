//! Withholding sensitive names: the stage between scoring and rendering that replaces every
//! name marked `sensitive: yes` (a partner's name, a contact's name, an activity's
//! description) with `[withheld]` in every text a renderer can show.
//!
//! It must not change a rating, a finding or a count, and it must not change what joins
//! programmes: a partner whose name it withholds is joined on the name as written
//! (`Facts::joined_as`, never shown). A name is matched as whole words, ignoring case, accents and punctuation, so
//! "DIRECTION GENERALE des douanes" in a title is withheld as surely as the name itself.

use crate::evaluate::words::fold;
use crate::model::{Acceptance, Programme, Report, Screening, Value};

/// What a withheld name is replaced with.
pub const PLACEHOLDER: &str = "[withheld]";

/// The names a programme marks sensitive: partners' and contacts' names, activities'
/// descriptions. (Not the words an import inferred an activity from: they are the rules' own
/// words, such as "checkpoint", and withholding them would blank them from every report.)
pub fn names(programme: &Programme) -> Vec<String> {
    let mut out = Vec::new();
    for (list, fields) in [("partners", &["name"][..]), ("contacts", &["name"]), ("activities", &["description"])] {
        for item in programme.root.list(list).unwrap_or_default() {
            let Value::Object(o) = &item.value else { continue };
            if o.text("sensitive") != Some("yes") {
                continue;
            }
            out.extend(fields.iter().filter_map(|f| o.text(f)).map(str::to_string));
        }
    }
    out
}

/// How many partners, contacts and activities a programme marks sensitive.
pub fn count(programme: &Programme) -> u16 {
    let marked = |list: &str| {
        programme
            .root
            .list(list)
            .unwrap_or_default()
            .iter()
            .filter(|item| matches!(&item.value, Value::Object(o) if o.text("sensitive") == Some("yes")))
            .count()
    };
    let total = marked("partners") + marked("contacts") + marked("activities");
    u16::try_from(total).unwrap_or(u16::MAX)
}

/// A set of names to withhold, each as its folded words.
pub struct Withheld {
    /// Longest first, so that a longer name is withheld whole before a shorter one inside it.
    names: Vec<Vec<String>>,
}

impl Withheld {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a String>) -> Withheld {
        let mut names: Vec<Vec<String>> = names
            .into_iter()
            .map(|n| fold(n).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>())
            .filter(|words| !words.is_empty())
            .collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        names.dedup();
        Withheld { names }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The text with every withheld name replaced by the placeholder.
    pub fn scrub(&self, text: &str) -> Option<String> {
        let words = word_spans(text);
        let mut out = String::new();
        let mut copied = 0;
        let mut any = false;
        let mut i = 0;
        while i < words.len() {
            let hit = self.names.iter().find(|name| {
                name.len() <= words.len() - i && name.iter().zip(&words[i..]).all(|(n, (_, _, w))| n == w)
            });
            match hit {
                Some(name) => {
                    let (start, _, _) = words[i];
                    let (_, end, _) = words[i + name.len() - 1];
                    out.push_str(&text[copied..start]);
                    out.push_str(PLACEHOLDER);
                    copied = end;
                    any = true;
                    i += name.len();
                }
                None => i += 1,
            }
        }
        if !any {
            return None;
        }
        out.push_str(&text[copied..]);
        Some(out)
    }

    fn apply(&self, text: &mut String) {
        if let Some(scrubbed) = self.scrub(text) {
            *text = scrubbed;
        }
    }
}

/// The words of a text with their byte spans, each folded like a name's words.
fn word_spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let inside = c.is_alphanumeric();
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                // A word folds to one or more words ("œuvre" → "oeuvre"); keep it whole.
                out.push((s, i, fold(&text[s..i]).replace(' ', "")));
                start = None;
            }
            _ => {}
        }
    }
    out
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
        withheld.apply(&mut problem.message);
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
        let written = fold(&p.name);
        w.apply(&mut p.name);
        if fold(&p.name) != written {
            s.facts.joined_as.push((u16::try_from(n).unwrap_or(u16::MAX), written));
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
