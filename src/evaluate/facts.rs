//! Extracts a programme's portfolio facts, and evaluates the per-programme conditions of the
//! portfolio rules (`when`, `other`, `partner_where`) while the programme is at hand.
//!
//! Part of the evaluate stage. It reads a validated programme; it must not join programmes
//! (that is `portfolio`) nor rate anything.

use super::condition::{self, Scope, Texts};
use crate::model::{Answer, Date, Facts, Loc, Mark, PartnerFact, Programme, Rule, Tri, Value};

/// The facts of a programme, with the marks of the portfolio rules (`rules`, in run order).
pub fn extract(programme: &Programme, searchable: &Texts, rules: &[&Rule], today: Date) -> Facts {
    let root = &programme.root;
    let location = root.object("location");
    let texts = |name: &str| -> Vec<(String, crate::model::Loc)> {
        location
            .and_then(|l| l.list(name))
            .unwrap_or_default()
            .iter()
            .filter_map(|f| match &f.value {
                Value::Text(t) => Some((t.clone(), f.loc)),
                _ => None,
            })
            .collect()
    };
    let budget = root.object("budget").and_then(|b| Some((b.number("amount")?, b.text("currency")?.to_string())));
    let budget_loc = root.object("budget").and_then(|b| b.get("amount")).map_or(Loc::NONE, |f| f.loc);
    let monitoring = root.object("measures").and_then(|m| m.object("crime_monitoring"));
    let partners = root
        .list("partners")
        .unwrap_or_default()
        .iter()
        .filter_map(|item| match &item.value {
            Value::Object(o) => Some(PartnerFact {
                name: o.text("name").unwrap_or_default().to_string(),
                kind: o.text("kind").and_then(|k| crate::schema::PARTNER_KINDS.iter().copied().find(|v| *v == k)),
                role: o.text("role").and_then(|r| crate::schema::ROLES.iter().copied().find(|v| *v == r)),
                vetted: match o.get("vetted").map(|f| &f.value) {
                    Some(Value::Answer { answer, .. }) if *answer != Answer::Unknown => Some(*answer),
                    _ => None,
                },
                concerns: o.list("concerns").map_or(0, |c| c.len().min(usize::from(u16::MAX)) as u16),
                loc: item.loc,
            }),
            _ => None,
        })
        .collect();
    let mut regions = texts("regions");
    regions.shrink_to_fit();
    let mut partners: Vec<PartnerFact> = partners;
    partners.shrink_to_fit();
    Facts {
        regions,
        budget,
        budget_loc,
        stage: root.text("stage").and_then(|s| crate::schema::STAGES.iter().copied().find(|v| *v == s)),
        start: root.date("start"),
        duration_months: root.number("duration_months").map(|n| n as u32),
        review_months: monitoring.and_then(|m| m.number("review_months")).map(|n| n as u32),
        partners,
        marks: marks(programme, searchable, rules, today),
        joined_as: Vec::new(),
    }
}

/// What each portfolio rule's conditions say of this programme (true only: a cross-programme
/// finding rests on what designs state, never on gaps).
fn marks(programme: &Programme, texts: &Texts, rules: &[&Rule], today: Date) -> Vec<Mark> {
    let scope = Scope::programme(programme, texts, today);
    let partners = programme.root.list("partners").unwrap_or_default();
    let mut out = Vec::new();
    for (index, rule) in rules.iter().enumerate() {
        let Some(portfolio) = rule.portfolio() else { continue };
        let this = condition::truth(&rule.when, scope) == Tri::True;
        let other = condition::truth(&portfolio.other, scope) == Tri::True;
        if !this && !other {
            continue;
        }
        // Partners matter only to rules that tie programmes by a shared partner.
        let by_partner = portfolio.sharing == crate::model::rule::Sharing::Partner;
        let matching = partners
            .iter()
            .take(if by_partner { usize::MAX } else { 0 })
            .enumerate()
            .filter(|(_, item)| {
                let Value::Object(object) = &item.value else { return false };
                portfolio.partner_where.as_ref().is_none_or(|c| {
                    let inner = Scope { object, loc: item.loc, ..scope };
                    condition::truth(c, inner) == Tri::True
                })
            })
            .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        out.push(Mark { rule: index as u16, this, other, partners: matching });
    }
    out
}
