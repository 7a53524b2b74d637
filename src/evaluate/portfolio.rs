//! The portfolio join: portfolio rules applied across programmes, from each programme's facts
//! and marks (the rule's conditions, evaluated when the programme was screened).
//!
//! Part of the evaluate stage. It pairs programmes by shared region, shared partner or
//! neighbouring region and names every programme involved; it never invents a tie that the
//! designs do not state, and it does not read files.

use crate::model::rule::Sharing;
use crate::model::{Involved, Mark, PortfolioFinding, Rated, Role, Rule, Screening, Tie, rate};
use crate::text::words::fold;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Cross-programme findings of `rules` (the run's portfolio rules, in run order).
pub fn join(screenings: &[Screening], rules: &[&Rule]) -> Vec<PortfolioFinding> {
    let mut out = Vec::new();
    for (k, rule) in rules.iter().enumerate() {
        let Some(portfolio) = rule.portfolio() else { continue };
        let mark = |s: &Screening| s.facts.marks.iter().find(|m| m.rule as usize == k).cloned();
        let this: Vec<(usize, Mark)> =
            screenings.iter().enumerate().filter_map(|(i, s)| mark(s).filter(|m| m.this).map(|m| (i, m))).collect();
        let other: Vec<(usize, Mark)> =
            screenings.iter().enumerate().filter_map(|(i, s)| mark(s).filter(|m| m.other).map(|m| (i, m))).collect();
        let groups = match (portfolio.sharing, portfolio.other_exists) {
            (Sharing::Region, true) => by_region(screenings, &this, &other),
            (Sharing::Partner, true) => by_partner(screenings, &this, &other),
            (Sharing::NeighbouringRegion, true) => by_neighbour(screenings, &this, &other, true),
            (Sharing::NeighbouringRegion, false) => by_neighbour(screenings, &this, &other, false),
            (sharing, false) => alone(screenings, &this, &other, sharing),
        };
        // Raised on what the designs state: never a gap.
        let Rated { significance, rating, .. } = rate(rule.impact, rule.likelihood, false, rule.floor);
        for (shared, mut involved) in groups {
            // A programme on both sides is listed once, as the one the finding is about.
            involved.sort();
            involved.dedup_by(|b, a| a.programme == b.programme && a.field == b.field);
            out.push(PortfolioFinding {
                rule: rule.id.clone(),
                risk_area: rule.risk_area,
                impact: rule.impact,
                likelihood: rule.likelihood,
                significance,
                rating,
                shared,
                involved,
            });
        }
    }
    out.sort_by(|a, b| {
        b.significance.cmp(&a.significance).then_with(|| a.rule.cmp(&b.rule)).then_with(|| a.shared.cmp(&b.shared))
    });
    out
}

type Groups = Vec<(String, Vec<Involved>)>;

/// Per shared key: its spelling as written, the `this` and the `other` programmes there.
type Sides = BTreeMap<String, (String, Vec<(usize, Involved)>, Vec<(usize, Involved)>)>;

/// A position in a list, as stored in a tie (lists are far shorter than `u32::MAX`).
fn idx(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn involved(programme: usize, role: Role, field: Tie, loc: crate::model::Loc) -> Involved {
    Involved { programme, role, field, loc }
}

/// Keeps the groups where some `this` programme meets some distinct `other` programme.
fn pairs_only(groups: Sides) -> Groups {
    let distinct = |side: &[(usize, Involved)]| {
        let mut ids: Vec<usize> = side.iter().map(|(i, _)| *i).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    };
    // Someone on the other side other than `i` itself.
    let meets = |i: usize, other: &[usize]| other.len() > 1 || other.first().is_some_and(|j| *j != i);
    groups
        .into_values()
        .filter_map(|(shown, this, other)| {
            let (this_ids, other_ids) = (distinct(&this), distinct(&other));
            let this_ok: Vec<Involved> =
                this.iter().filter(|(i, _)| meets(*i, &other_ids)).map(|(_, v)| v.clone()).collect();
            let other_ok: Vec<Involved> =
                other.iter().filter(|(j, _)| meets(*j, &this_ids)).map(|(_, v)| v.clone()).collect();
            (!this_ok.is_empty() && !other_ok.is_empty()).then(|| (shown, [this_ok, other_ok].concat()))
        })
        .collect()
}

fn by_region(screenings: &[Screening], this: &[(usize, Mark)], other: &[(usize, Mark)]) -> Groups {
    let mut groups = Sides::new();
    for (set, role) in [(this, Role::This), (other, Role::Other)] {
        for (i, _) in set {
            let s = &screenings[*i];
            for (n, (region, loc)) in s.facts.regions.iter().enumerate() {
                let entry = groups.entry(fold(region)).or_insert_with(|| (region.clone(), Vec::new(), Vec::new()));
                let v = (*i, involved(*i, role, Tie::Region(idx(n)), *loc));
                if role == Role::This { entry.1.push(v) } else { entry.2.push(v) }
            }
        }
    }
    pairs_only(groups)
}

/// What partner `n` of a programme is joined on: its name folded (`crate::text::fold`: case,
/// accents, compatibility forms, invisible characters, punctuation), the name as written when
/// it is withheld.
pub fn partner_key(facts: &crate::model::facts::Facts, n: usize) -> String {
    match facts.joined_as.binary_search_by_key(&idx(n), |(i, _)| *i) {
        Ok(at) => facts.joined_as[at].1.clone(),
        Err(_) => facts.partners.get(n).map_or_else(String::new, |p| crate::text::fold(&p.name)),
    }
}

fn by_partner(screenings: &[Screening], this: &[(usize, Mark)], other: &[(usize, Mark)]) -> Groups {
    type Group = (String, Vec<(usize, Involved)>, Vec<(usize, Involved)>, bool);
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for (set, role) in [(this, Role::This), (other, Role::Other)] {
        for (i, mark) in set {
            let s = &screenings[*i];
            for (n, partner) in s.facts.partners.iter().enumerate() {
                let entry = groups
                    .entry(partner_key(&s.facts, n))
                    .or_insert_with(|| (partner.name.clone(), Vec::new(), Vec::new(), false));
                // The marked partners are in list order.
                entry.3 |= mark.partners.binary_search(&idx(n)).is_ok();
                let v = (*i, involved(*i, role, Tie::Partner(idx(n)), partner.loc));
                if role == Role::This { entry.1.push(v) } else { entry.2.push(v) }
            }
        }
    }
    let kept = groups.into_iter().filter(|(_, g)| g.3).map(|(k, g)| (k, (g.0, g.1, g.2))).collect();
    pairs_only(kept)
}

fn by_neighbour(screenings: &[Screening], this: &[(usize, Mark)], other: &[(usize, Mark)], exists: bool) -> Groups {
    // The `other` programmes by the regions (folded) they work in.
    let mut by_region: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (j, _) in other {
        for (n, (region, _)) in screenings[*j].facts.regions.iter().enumerate() {
            by_region.entry(fold(region)).or_default().push((*j, n));
        }
    }
    let mut out = Vec::new();
    for (i, _) in this {
        let s = &screenings[*i];
        if s.facts.regions.is_empty() {
            continue;
        }
        let mut found = Vec::new();
        // Each region once, however often it is written: the cost stays in the regions.
        let mut seen = HashSet::new();
        'search: for (region, _) in &s.facts.regions {
            if !seen.insert(fold(region)) {
                continue;
            }
            for neighbour in super::neighbours::of(region) {
                for (j, n) in by_region.get(neighbour).into_iter().flatten().filter(|(j, _)| j != i) {
                    if !exists {
                        // Only whether a counterpart exists matters: one is enough.
                        found.push(involved(*j, Role::Other, Tie::Regions, Default::default()));
                        break 'search;
                    }
                    found.push(involved(*j, Role::Other, Tie::Region(idx(*n)), screenings[*j].facts.regions[*n].1));
                }
            }
        }
        if found.is_empty() == exists {
            continue;
        }
        let shown: Vec<&str> = s.facts.regions.iter().map(|(r, _)| r.as_str()).collect();
        let mut group: Vec<Involved> = s
            .facts
            .regions
            .iter()
            .enumerate()
            .map(|(n, (_, loc))| involved(*i, Role::This, Tie::Region(idx(n)), *loc))
            .collect();
        group.extend(found);
        out.push((shown.join(", "), group));
    }
    out
}

/// `other_must: not_exist` with region or partner sharing: each `this` programme that no
/// other programme shares a region (or partner) with.
fn alone(screenings: &[Screening], this: &[(usize, Mark)], other: &[(usize, Mark)], sharing: Sharing) -> Groups {
    let keys = |s: &Screening| -> Vec<String> {
        match sharing {
            Sharing::Partner => (0..s.facts.partners.len()).map(|n| partner_key(&s.facts, n)).collect(),
            _ => s.facts.regions.iter().map(|(r, _)| fold(r)).collect(),
        }
    };
    // Per key, up to two of the `other` programmes there: enough to know whether one besides
    // a given programme is.
    let mut others: HashMap<String, [Option<usize>; 2]> = HashMap::new();
    for (j, _) in other {
        for k in keys(&screenings[*j]) {
            let slot = others.entry(k).or_default();
            if slot[0].is_none() {
                slot[0] = Some(*j);
            } else if slot[0] != Some(*j) && slot[1].is_none() {
                slot[1] = Some(*j);
            }
        }
    }
    let mut out = Vec::new();
    for (i, _) in this {
        let s = &screenings[*i];
        let mine = keys(s);
        if mine.is_empty() {
            continue;
        }
        let shared = mine.iter().any(|k| others.get(k).is_some_and(|ids| ids.iter().flatten().any(|j| j != i)));
        if !shared {
            let loc = s.facts.regions.first().map(|(_, l)| *l).unwrap_or_default();
            out.push((s.id.clone(), vec![involved(*i, Role::This, Tie::Regions, loc)]));
        }
    }
    out
}
