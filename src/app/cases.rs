//! Runs rule test cases: screens each case's programme with every loaded rule and checks
//! what became of the case's rule against what the case expects.
//!
//! Orchestration over the evaluate and score stages; it must not judge designs itself.

use crate::checklist::cases::{Case, Expect};
use crate::model::{Date, Rule, RuleKind};
use crate::{evaluate, score};

/// A case and how it went.
pub struct CaseOutcome<'a> {
    pub case: &'a Case,
    pub passed: bool,
    /// What the rule did on the programme, in words.
    pub got: String,
}

/// Runs every case against `rules`, on the case's own day or on `today`.
pub fn run_cases<'a>(cases: &'a [Case], rules: &[&Rule], today: Date) -> Vec<CaseOutcome<'a>> {
    cases
        .iter()
        .map(|case| {
            let day = case.today.unwrap_or(today);
            if let Some(rule) = rules.iter().find(|r| r.id == case.rule && r.kind() == RuleKind::Portfolio) {
                return portfolio_case(case, rule, rules, day);
            }
            let texts = evaluate::condition::Texts::of(&case.programme);
            let hits = evaluate::evaluate(&case.programme, &texts, rules, day, evaluate::Gather::All);
            let judging = score::Judging { today: day, ignore_acceptances: false, rules, texts: &texts };
            let screening = score::screen(&case.programme, hits, Vec::new(), judging);
            let applies = rules.iter().any(|r| r.id == case.rule && r.applies_to(case.programme.kind));
            let finding = screening.findings.iter().find(|f| f.rule == case.rule);
            let got = match finding {
                None if !applies => {
                    format!("{} does not apply to type `{}`", case.rule, case.programme.kind)
                }
                None => "no finding".to_string(),
                Some(f) => format!(
                    "{} finding, {} (significance {}){}",
                    if f.gap { "a gap" } else { "a" },
                    f.rating,
                    f.significance,
                    f.floor.map(|r| format!(", floor {r}")).unwrap_or_default()
                ),
            };
            let kind_ok = match (case.expect, finding) {
                (Expect::Silent, None) => true,
                (Expect::Fires, Some(f)) => !f.gap,
                (Expect::Gap, Some(f)) => f.gap,
                _ => false,
            };
            let rating_ok = case.rating.is_none_or(|r| finding.is_some_and(|f| f.rating == r));
            CaseOutcome { case, passed: kind_ok && rating_ok, got }
        })
        .collect()
}

/// A portfolio rule's case: screen every programme of the case, join them with the rule.
fn portfolio_case<'a>(case: &'a Case, rule: &Rule, rules: &[&Rule], day: Date) -> CaseOutcome<'a> {
    let screenings: Vec<_> = std::iter::once(&case.programme)
        .chain(&case.others)
        .map(|p| {
            let texts = evaluate::condition::Texts::of(p);
            let hits = evaluate::evaluate(p, &texts, rules, day, evaluate::Gather::All);
            let judging = score::Judging { today: day, ignore_acceptances: false, rules, texts: &texts };
            let mut s = score::screen(p, hits, Vec::new(), judging);
            s.facts = evaluate::facts::extract(p, &texts, &[rule], day);
            s
        })
        .collect();
    let found = evaluate::portfolio::join(&screenings, &[rule]);
    let got = match found.first() {
        None => "no finding".to_string(),
        Some(f) => {
            let ids: Vec<&str> = f.involved.iter().map(|i| screenings[i.programme].id.as_str()).collect();
            format!("a finding, {} (significance {}), on {} ({})", f.rating, f.significance, f.shared, ids.join(", "))
        }
    };
    let passed = match case.expect {
        Expect::Silent => found.is_empty(),
        Expect::Fires => found.first().is_some_and(|f| case.rating.is_none_or(|r| f.rating == r)),
        Expect::Gap => false,
    };
    CaseOutcome { case, passed, got }
}
