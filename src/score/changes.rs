//! Consolidated changes: one missing safeguard is often demanded by several rules (community
//! consultation, civilian oversight, vetting…). Each rule keeps its finding; this groups the
//! findings by the change that would answer them, most rating removed first.
//!
//! Part of the score stage. A candidate change is a safeguard field (`FieldSpec::safeguard`)
//! that the evidence of a counting finding shows not answered `yes`; the per-partner `vetted`
//! and `measures.partner_vetting` are one change. For each candidate the rules are run again
//! (the quick truth pass, no evidence) on the design with that safeguard answered `yes`: the
//! findings that no longer fire are the ones it answers. A finding no safeguard answers is a
//! change of its own (its mitigation). Nothing here words a change (that is the renderers').

use super::Judging;
use crate::evaluate::{self, claims};
use crate::model::{Change, Finding, Programme, Rating};
use crate::schema;
use std::collections::BTreeSet;

/// The change that vets the partners: the programme's vetting and every partner's.
const VETTING: [&str; 2] = ["measures.partner_vetting", "partners[].vetted"];

/// The consolidated changes the counting findings ask for, most rating removed first, then
/// most significance removed, then by key.
pub fn consolidate(programme: &Programme, findings: &[Finding], judging: &Judging) -> Vec<Change> {
    let counting: Vec<&Finding> = findings.iter().filter(|f| f.status.counts()).collect();
    if counting.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut answered: BTreeSet<&str> = BTreeSet::new();
    for safeguards in candidates(&counting) {
        let paths: Vec<&str> = safeguards.iter().map(String::as_str).collect();
        let changed = claims::with_yes(programme, &paths);
        let firing = evaluate::firing(&changed, judging.texts, judging.rules, judging.today);
        let gone: Vec<&Finding> = counting.iter().copied().filter(|f| !firing.contains(&f.rule_index)).collect();
        if gone.is_empty() {
            continue;
        }
        answered.extend(gone.iter().map(|f| f.rule.as_str()));
        out.push(change(safeguards, &gone, &counting));
    }
    // A finding that no single safeguard answers may need several together (informant and
    // data protection): tried once per distinct set.
    let mut tried: BTreeSet<Vec<String>> = BTreeSet::new();
    for f in counting.iter().copied().filter(|f| !answered.contains(f.rule.as_str())) {
        let together: Vec<String> = candidates(&[f]).into_iter().flatten().collect();
        if together.len() < 2 || !tried.insert(together.clone()) {
            continue;
        }
        let paths: Vec<&str> = together.iter().map(String::as_str).collect();
        let changed = claims::with_yes(programme, &paths);
        let firing = evaluate::firing(&changed, judging.texts, judging.rules, judging.today);
        let gone: Vec<&Finding> = counting
            .iter()
            .copied()
            .filter(|g| !answered.contains(g.rule.as_str()) && !firing.contains(&g.rule_index))
            .collect();
        if gone.iter().any(|g| g.rule == f.rule) {
            out.push(change(together, &gone, &counting));
        }
    }
    for c in &out {
        answered.extend(c.answers.iter().map(String::as_str));
    }
    let residual: Vec<&Finding> = counting.iter().copied().filter(|f| !answered.contains(f.rule.as_str())).collect();
    for f in residual {
        out.push(change(Vec::new(), &[f], &counting));
    }
    out.sort_by(|a, b| {
        a.rating_after
            .cmp(&b.rating_after)
            .then(b.significance_removed.cmp(&a.significance_removed))
            .then_with(|| a.key().cmp(b.key()))
    });
    out
}

fn change(safeguards: Vec<String>, gone: &[&Finding], counting: &[&Finding]) -> Change {
    let rating_after = counting
        .iter()
        .filter(|f| !gone.iter().any(|g| g.rule == f.rule))
        .map(|f| f.rating)
        .max()
        .unwrap_or(Rating::Low);
    Change {
        safeguards,
        answers: gone.iter().map(|f| f.rule.clone()).collect(),
        rating_after,
        significance_removed: gone.iter().map(|f| u32::from(f.significance)).sum(),
    }
}

/// Every safeguard the evidence of the counting findings shows not answered `yes`, as the
/// fields one change answers (list positions folded: `partners[2].vetted` → `partners[].vetted`).
fn candidates(counting: &[&Finding]) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    for e in counting.iter().flat_map(|f| &f.evidence) {
        if e.value.as_deref() == Some("yes") || !schema::find_written(&e.field).is_some_and(|s| s.safeguard) {
            continue;
        }
        let folded = fold(&e.field);
        if VETTING.contains(&folded.as_str()) {
            out.insert(VETTING.iter().map(|s| s.to_string()).collect());
        } else {
            out.insert(vec![folded]);
        }
    }
    out
}

/// A field path with its list positions folded: `partners[2].vetted` → `partners[].vetted`.
fn fold(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skipping = false;
    for c in path.chars() {
        match c {
            '[' => {
                skipping = true;
                out.push('[');
            }
            ']' => {
                skipping = false;
                out.push(']');
            }
            _ if skipping => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_list_positions() {
        assert_eq!(fold("partners[12].vetted"), "partners[].vetted");
        assert_eq!(fold("measures.partner_vetting"), "measures.partner_vetting");
    }
}
