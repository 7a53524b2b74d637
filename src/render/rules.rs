//! Rules for people and machines: the `rules` listing (table, JSON, Markdown) and `explain`.
//! The Markdown form is also `docs/checklist.md`.
//!
//! Part of the render stage: it describes loaded rules (and their test cases, as examples);
//! it must not evaluate them.

use super::grid::Grid;
use super::i18n::{self, Label};
use super::{Lang, Style, condition, templates};
use crate::checklist::cases::{Case, Expect};
use crate::model::{Checklist, Rule};
use serde::Serialize;

#[derive(Serialize)]
pub struct RulesView {
    pub lang: &'static str,
    pub t: std::collections::BTreeMap<&'static str, &'static str>,
    pub checklists: Vec<super::view::ChecklistView>,
    pub areas: Vec<AreaRules>,
}

#[derive(Serialize)]
pub struct AreaRules {
    pub id: &'static str,
    pub title: &'static str,
    pub rules: Vec<RuleView>,
}

#[derive(Serialize)]
pub struct RuleView {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub risk_area: &'static str,
    pub area_title: &'static str,
    pub applies_to: Vec<&'static str>,
    pub impact: u8,
    pub likelihood: u8,
    pub floor: Option<&'static str>,
    pub condition: String,
    /// For portfolio rules: what another programme must be, and what ties them.
    pub portfolio: Option<PortfolioView>,
    pub modifiers: Vec<ModifierView>,
    pub why: String,
    pub source: String,
    pub source_translation: Option<String>,
    pub section: String,
    pub mitigation: String,
    pub references: Vec<String>,
    pub checklist: String,
    pub file: String,
    pub example: Option<ExampleView>,
}

#[derive(Serialize)]
pub struct PortfolioView {
    pub other: String,
    pub sharing: &'static str,
    pub sharing_text: &'static str,
    pub other_exists: bool,
    pub partner_where: Option<String>,
}

#[derive(Serialize)]
pub struct ModifierView {
    pub change: String,
    pub condition: String,
}

#[derive(Serialize)]
pub struct ExampleView {
    pub name: String,
    pub file: String,
    pub line: u32,
    pub gap: bool,
    pub programme: String,
}

/// A rule described in `lang`, with the first case on which it fires as its example.
pub fn rule_view(rule: &Rule, cases: &[Case], lang: Lang) -> RuleView {
    let code = lang.code();
    let example = cases
        .iter()
        .filter(|c| c.rule == rule.id && c.expect != Expect::Silent)
        .min_by_key(|c| c.expect == Expect::Gap)
        .map(|c| ExampleView {
            name: c.name.clone(),
            file: c.file.clone(),
            line: c.loc.line,
            gap: c.expect == Expect::Gap,
            programme: c.source.clone(),
        });
    RuleView {
        id: rule.id.clone(),
        kind: rule.kind().as_str(),
        title: rule.title.get(code).to_string(),
        risk_area: rule.risk_area.as_str(),
        area_title: i18n::area(rule.risk_area, lang),
        applies_to: rule.types().map_or(vec!["all"], |t| t.iter().map(|t| t.as_str()).collect()),
        impact: rule.impact,
        likelihood: rule.likelihood,
        floor: rule.floor.map(|r| i18n::rating(r, lang)),
        condition: condition::describe(&rule.when, lang),
        portfolio: rule.portfolio().map(|p| PortfolioView {
            other: condition::describe(&p.other, lang),
            sharing: p.sharing.as_str(),
            sharing_text: sharing_text(p.sharing, p.other_exists, lang),
            other_exists: p.other_exists,
            partner_where: p.partner_where.as_ref().map(|c| condition::describe_partner(c, lang)),
        }),
        modifiers: rule
            .modifiers()
            .iter()
            .map(|m| {
                let mut parts = Vec::new();
                if m.impact != 0 {
                    parts.push(format!("{:+} {}", m.impact, Label::Impact.text(lang)));
                }
                if m.likelihood != 0 {
                    parts.push(format!("{:+} {}", m.likelihood, Label::Likelihood.text(lang)));
                }
                if let Some(f) = m.floor {
                    parts.push(format!("{} {}", Label::Floor.text(lang), i18n::rating(f, lang)));
                }
                ModifierView { change: parts.join(", "), condition: condition::describe(&m.when, lang) }
            })
            .collect(),
        why: rule.rationale.get(code).to_string(),
        source: rule.source.quote.clone(),
        source_translation: i18n::quote_translation(&rule.source, lang),
        section: rule.source.section.clone(),
        mitigation: rule.mitigation.get(code).to_string(),
        references: rule.references.clone(),
        checklist: rule.checklist.clone(),
        file: rule.file.clone(),
        example,
    }
}

fn sharing_text(sharing: crate::model::rule::Sharing, exists: bool, lang: Lang) -> &'static str {
    use crate::model::rule::Sharing;
    match (sharing, exists) {
        (Sharing::Region, true) => Label::SharingRegion,
        (Sharing::Partner, true) => Label::SharingPartner,
        (Sharing::NeighbouringRegion, true) => Label::SharingNeighbouringRegion,
        (Sharing::Region, false) => Label::SharingNoRegion,
        (Sharing::Partner, false) => Label::SharingNoPartner,
        (Sharing::NeighbouringRegion, false) => Label::SharingNoNeighbouringRegion,
    }
    .text(lang)
}

/// Every rule passed, grouped by risk area in the specification's order.
pub fn view(checklists: &[Checklist], rules: &[&Rule], cases: &[Case], lang: Lang) -> RulesView {
    let areas = crate::model::RiskArea::ALL
        .iter()
        .map(|area| AreaRules {
            id: area.as_str(),
            title: i18n::area(*area, lang),
            rules: rules.iter().filter(|r| r.risk_area == *area).map(|r| rule_view(r, cases, lang)).collect(),
        })
        .filter(|a| !a.rules.is_empty())
        .collect();
    RulesView {
        lang: lang.code(),
        t: i18n::labels(lang),
        checklists: checklists.iter().map(super::view::ChecklistView::of).collect(),
        areas,
    }
}

/// The rules as a terminal table.
pub fn table(rules: &[&Rule], style: Style) -> String {
    let lang = style.lang;
    let header = [Label::Rule, Label::AreaH, Label::AppliesTo, Label::ImpactLikelihood, Label::FloorH, Label::Title];
    let mut table = Grid::new(style, header.iter().map(|k| k.text(lang).to_string()).collect());
    for rule in rules {
        let applies =
            rule.types().map_or("all".to_string(), |t| t.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", "));
        table.row(vec![
            (rule.id.clone(), None),
            (rule.risk_area.as_str().to_string(), None),
            (applies, None),
            (format!("{} × {}", rule.impact, rule.likelihood), None),
            (rule.floor.map_or("", |r| i18n::rating(r, lang)).to_string(), rule.floor),
            (rule.title.get(lang.code()).to_string(), None),
        ]);
    }
    format!("{}\n{} {}\n", table.render(), rules.len(), Label::RulesListed.text(lang))
}

/// The rules as JSON: an array of rule objects.
pub fn json(rules: &[&Rule], cases: &[Case], lang: Lang) -> String {
    let views: Vec<RuleView> = rules.iter().map(|r| rule_view(r, cases, lang)).collect();
    let mut text = serde_json::to_string_pretty(&views).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// Renders a rules template (`checklist.md`, `explain.md`) with `context`.
pub fn markdown<S: Serialize>(template: &str, context: &S) -> Result<String, crate::model::ProblemKind> {
    templates::render_value(template, context)
}
