//! Score stage: findings → a programme's screening: significance, ratings, floors,
//! acceptances, information gaps and the follow-ups a rating asks for.
//!
//! Pure functions of the evaluator's output and the day acceptances are judged against; to
//! cap a finding on a claimed safeguard it has the evaluator rate the design without the
//! claim. Nothing here evaluates conditions itself, reads files or formats output.

pub mod changes;

use crate::evaluate::condition::Texts;
use crate::evaluate::questions::Asked;
use crate::evaluate::{self, Gather, Hit, claims};
use crate::model::report::Unsupported;
use crate::model::{Basis, Date, Finding, Gap, Programme, Rated, Rating, RiskArea, Rule, Screening, Status, rate};
use std::collections::BTreeMap;

/// How acceptances are judged, and what a design is screened against.
#[derive(Clone, Copy)]
pub struct Judging<'a> {
    /// The day acceptances expire against.
    pub today: Date,
    /// Audit mode: screen as if no risk had been accepted.
    pub ignore_acceptances: bool,
    /// The rules and the design's texts, to rate the design without the safeguards it claims.
    pub rules: &'a [&'a Rule],
    pub texts: &'a Texts,
}

fn raw_rating(hit: &Hit) -> Rating {
    rate(hit.impact, hit.likelihood, hit.gap, hit.floor).rating
}

/// What a finding on claimed safeguards is capped at: the lower of the ratings of the design
/// with those safeguards answered `no` and left out. Claiming a safeguard, however weak, never
/// makes a design look worse than not claiming it.
fn cap(programme: &Programme, claims: &[&str], judging: &Judging) -> Rating {
    let without = |no: bool| rating_of(&claims::without(programme, claims, no), judging);
    without(true).min(without(false))
}

/// The rating of a design: its highest finding, findings on claims capped, acceptances aside.
/// Each level down has fewer claims, so the recursion ends.
fn rating_of(programme: &Programme, judging: &Judging) -> Rating {
    let hits = evaluate::evaluate(programme, judging.texts, judging.rules, judging.today, Gather::Gaps);
    let base = hits.iter().filter(|h| h.claims.is_empty()).map(raw_rating).max().unwrap_or(Rating::Low);
    hits.iter()
        .filter(|h| !h.claims.is_empty())
        .map(|h| {
            let raw = raw_rating(h);
            if raw <= base { raw } else { raw.min(cap(programme, &h.claims, judging)) }
        })
        .fold(base, Rating::max)
}

/// Builds a programme's screening from its hits, asking no key questions (rule test cases,
/// property tests: what the rules alone raise).
pub fn screen(programme: &Programme, hits: Vec<Hit>, unsupported: Vec<Unsupported>, judging: Judging) -> Screening {
    let asked = Asked { gaps: Vec::new(), completeness: Default::default() };
    screen_asking(programme, hits, unsupported, asked, judging)
}

/// Builds a programme's screening from its hits and the key questions it raises.
pub fn screen_asking(
    programme: &Programme,
    hits: Vec<Hit>,
    unsupported: Vec<Unsupported>,
    asked: Asked,
    judging: Judging,
) -> Screening {
    let today = judging.today;
    let base = hits.iter().filter(|h| h.claims.is_empty()).map(raw_rating).max().unwrap_or(Rating::Low);
    let mut caps: BTreeMap<Vec<&str>, Rating> = BTreeMap::new();
    let mut findings: Vec<Finding> = hits
        .into_iter()
        .map(|hit| {
            let Rated { likelihood, significance, rating: raw, floor } =
                rate(hit.impact, hit.likelihood, hit.gap, hit.floor);
            // A finding on a claimed safeguard never rates above the design without the claim
            // (worked out only when it could matter: above every other finding).
            let cap = (!hit.claims.is_empty() && raw > base)
                .then(|| *caps.entry(hit.claims.clone()).or_insert_with(|| cap(programme, &hit.claims, &judging)));
            let (rating, capped, floor) = match cap {
                Some(cap) if cap < raw => {
                    (cap, Some(Box::new((raw, hit.claims.iter().map(|c| c.to_string()).collect()))), None)
                }
                _ => (raw, None, floor),
            };
            let acceptance = programme.accepted_risks.iter().find(|a| a.rule == hit.rule.id).cloned().map(Box::new);
            let status = match &acceptance {
                None => Status::Open,
                Some(_) if judging.ignore_acceptances => Status::Open,
                Some(a) if a.until.is_some_and(|u| today > u.last_day()) => Status::ExpiredAcceptance,
                Some(_) => Status::Accepted,
            };
            Finding {
                rule: hit.rule.id.clone(),
                rule_index: hit.index,
                kind: hit.rule.kind(),
                risk_area: hit.rule.risk_area,
                impact: hit.impact,
                likelihood,
                significance,
                rating,
                floor,
                status,
                gap: hit.gap,
                basis: Basis::of(hit.gap, &hit.evidence),
                evidence: hit.evidence,
                primary: hit.primary,
                key: hit.key,
                known: false,
                acceptance,
                capped,
            }
        })
        .collect();
    findings.sort_by(|a, b| b.significance.cmp(&a.significance).then_with(|| a.rule.cmp(&b.rule)));

    let counting = || findings.iter().filter(|f| f.status.counts());
    let rating = counting().map(|f| f.rating).max().unwrap_or(Rating::Low);
    let score = counting().map(|f| u32::from(f.significance)).sum();
    let risk_areas = RiskArea::ALL
        .iter()
        .filter_map(|area| counting().filter(|f| f.risk_area == *area).map(|f| f.rating).max().map(|r| (*area, r)))
        .collect();
    let gaps = gaps(&findings, asked.gaps);
    let raised = findings
        .iter()
        .filter(|f| f.status.counts())
        .map(|f| crate::model::report::Raised {
            rule: f.rule_index,
            rating: f.rating,
            risk_area: f.risk_area,
            known: f.known,
        })
        .collect();
    let stale_acceptances =
        programme.accepted_risks.iter().filter(|a| !findings.iter().any(|f| f.rule == a.rule)).cloned().collect();

    let screening = programme.root.object("screening");
    Screening {
        file: programme.file.clone(),
        id: programme.id.clone(),
        title: programme.title.clone(),
        kind: programme.kind,
        rating,
        score,
        findings,
        gap_count: gaps.len(),
        gaps,
        unsupported,
        changes: Vec::new(),
        completeness: asked.completeness,
        risk_areas,
        people: screening
            .map(|s| (s.text("prepared_by").map(str::to_string), s.text("reviewed_by").map(str::to_string)))
            .filter(|(p, r)| p.is_some() || r.is_some())
            .map(Box::new),
        screening_date: screening.and_then(|s| s.date("date")),
        raised,
        stale_acceptances,
        facts: Default::default(),
        sensitive: programme.sensitive_marks(),
    }
}

/// The information gaps behind gap findings and the key questions left unanswered, once
/// each, in the order they sit in the file.
fn gaps(findings: &[Finding], asked: Vec<Gap>) -> Vec<Gap> {
    let mut out: Vec<Gap> = Vec::new();
    for finding in findings.iter().filter(|f| f.gap) {
        for e in finding.evidence.iter().filter(|e| e.gap) {
            if !out.iter().any(|g| g.field == e.field) {
                out.push(Gap { field: e.field.clone(), loc: e.loc, written_unknown: e.value.is_some() });
            }
        }
    }
    for gap in asked {
        if !out.iter().any(|g| g.field == gap.field) {
            out.push(gap);
        }
    }
    out.sort_by(|a, b| a.loc.cmp(&b.loc).then_with(|| a.field.cmp(&b.field)));
    out
}

/// What a rating asks for, cumulatively, in `lang` (`en` or `fr`).
pub fn follow_ups(rating: Rating, lang: &str) -> Vec<&'static str> {
    const STEPS: [(Rating, &str, &str); 5] = [
        (
            Rating::Moderate,
            "Write the mitigation of each Moderate or higher finding into the design.",
            "Intégrer au document de conception la mesure d'atténuation de chaque constat Modéré ou plus élevé.",
        ),
        (
            Rating::Substantial,
            "Add indicators of crime dynamics to the monitoring plan.",
            "Ajouter des indicateurs de la dynamique criminelle au plan de suivi.",
        ),
        (
            Rating::Substantial,
            "Repeat this crime-sensitivity screening at least every 12 months.",
            "Répéter cette analyse de sensibilité à la criminalité au moins tous les 12 mois.",
        ),
        (
            Rating::High,
            "Before approval, commission a dedicated crime-sensitivity assessment: a political economy analysis of crime, led or co-led by local researchers.",
            "Avant l'approbation, faire réaliser une évaluation spécifique de la sensibilité à la criminalité : une analyse d'économie politique de la criminalité, menée ou co-dirigée par des chercheurs locaux.",
        ),
        (
            Rating::High,
            "Before approval, adopt a risk management plan for the High findings.",
            "Avant l'approbation, adopter un plan de gestion des risques pour les constats de niveau Élevé.",
        ),
    ];
    if rating == Rating::Low {
        return vec![if lang == "fr" {
            "Rien au-delà de la conception standard."
        } else {
            "Nothing beyond the standard design."
        }];
    }
    STEPS.iter().filter(|(r, _, _)| *r <= rating).map(|(_, en, fr)| if lang == "fr" { *fr } else { *en }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follow_ups_accumulate() {
        assert_eq!(follow_ups(Rating::Low, "en").len(), 1);
        assert_eq!(follow_ups(Rating::Moderate, "en").len(), 1);
        assert_eq!(follow_ups(Rating::Substantial, "en").len(), 3);
        assert_eq!(follow_ups(Rating::High, "fr").len(), 5);
    }
}
