//! `dnh-screen portfolio`: the aggregated view of many programmes, as a terminal table, JSON,
//! CSV, or Markdown and HTML through the `portfolio.md` / `portfolio.html` templates.
//!
//! Part of the render stage: it words and lays out what `aggregate` computed; it must not
//! compute ratings or read files.

use super::grid::Grid;
use super::i18n::{self, Label};
use super::{Lang, Style, templates};
use crate::aggregate::Portfolio;
use crate::model::{Amount, Rating, Report, RiskArea};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct PortfolioView<'a> {
    pub portfolio_version: u32,
    pub lang: &'static str,
    pub t: std::collections::BTreeMap<&'static str, &'static str>,
    pub tool_version: String,
    pub today: String,
    pub checklists: Vec<super::view::ChecklistView>,
    pub programmes: usize,
    pub by_rating: Vec<RatingGroup<'a>>,
    pub areas: Vec<Named>,
    pub heat: Vec<HeatRow>,
    pub by_type: Vec<TypeRow>,
    pub frequent: Vec<Frequent>,
    pub budget: Vec<BudgetRow>,
    pub shared_partners: Vec<Partner<'a>>,
    pub reviews: Vec<ReviewRow<'a>>,
    pub cross: Vec<Cross<'a>>,
    /// Each problem as `[DNH201] file:line:column: message`.
    pub errors: Vec<String>,
    /// Names marked sensitive withheld from this output (0 with `--show-sensitive`).
    pub withheld: usize,
    /// How many names marked sensitive are withheld, or that they are shown.
    pub sensitive: Option<String>,
    /// What the run's settings turned off or left out, one sentence each (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

#[derive(Serialize)]
pub struct Named {
    pub id: &'static str,
    pub name: &'static str,
}

#[derive(Serialize)]
pub struct ProgrammeRef<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub file: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
}

#[derive(Serialize)]
pub struct RatingGroup<'a> {
    pub rating: Rating,
    pub rating_name: &'static str,
    pub count: usize,
    pub programmes: Vec<ProgrammeRef<'a>>,
}

#[derive(Serialize)]
pub struct HeatCell {
    pub rating: Option<Rating>,
    pub rating_name: Option<&'static str>,
    pub letter: &'static str,
    /// Programmes rated Substantial or High in this area and region.
    pub count: usize,
}

#[derive(Serialize)]
pub struct HeatRow {
    pub region: String,
    pub programmes: usize,
    pub cells: Vec<HeatCell>,
}

#[derive(Serialize)]
pub struct TypeRow {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub type_name: &'static str,
    pub low: usize,
    pub moderate: usize,
    pub substantial: usize,
    pub high: usize,
}

#[derive(Serialize)]
pub struct Frequent {
    pub rule: String,
    pub title: String,
    pub programmes: usize,
    pub highest: Rating,
    pub highest_name: &'static str,
}

#[derive(Serialize)]
pub struct BudgetRow {
    pub rating: Rating,
    pub rating_name: &'static str,
    pub sums: Vec<BudgetSum>,
}

#[derive(Serialize)]
pub struct BudgetSum {
    pub currency: String,
    /// The exact total as a JSON number (a double); `null` when it cannot be added exactly.
    pub total: Option<f64>,
    /// The exact total, digits grouped; or that it is not added.
    pub total_text: String,
    pub programmes: usize,
}

#[derive(Serialize)]
pub struct Partner<'a> {
    pub name: &'a str,
    pub concerns: usize,
    pub inconsistent_vetting: bool,
    pub uses: Vec<PartnerUse<'a>>,
}

#[derive(Serialize)]
pub struct PartnerUse<'a> {
    pub programme: &'a str,
    pub file: &'a str,
    pub line: u32,
    /// The value written (`yes`, `no`, …), or `not stated`: the JSON field.
    pub vetted: &'static str,
    /// The same in the report's language.
    pub vetted_text: &'static str,
    pub concerns: usize,
}

#[derive(Serialize)]
pub struct ReviewRow<'a> {
    pub programme: &'a str,
    pub file: &'a str,
    pub stage: Option<&'a str>,
    pub last: Option<String>,
    /// No screening date is stated: `last` is the programme's start.
    pub never_screened: bool,
    pub interval_months: u32,
    pub next: Option<String>,
    pub overdue: bool,
}

#[derive(Serialize)]
pub struct Cross<'a> {
    pub rule: String,
    pub title: String,
    pub risk_area: &'static str,
    pub area_title: &'static str,
    pub rating: Rating,
    pub rating_name: &'static str,
    pub impact: u8,
    pub likelihood: u8,
    pub significance: u8,
    pub shared: String,
    pub why: String,
    pub mitigation: String,
    pub involved: Vec<CrossProgramme<'a>>,
    pub message: String,
}

#[derive(Serialize)]
pub struct CrossProgramme<'a> {
    pub programme: &'a str,
    pub file: &'a str,
    pub role: &'static str,
    pub field: String,
    pub line: u32,
    pub column: u32,
}

fn letter(r: Option<Rating>) -> &'static str {
    match r {
        Some(Rating::High) => "H",
        Some(Rating::Substantial) => "S",
        Some(Rating::Moderate) => "M",
        Some(Rating::Low) => "L",
        None => "·",
    }
}

/// An exact amount with digits grouped: `4,500,000` and `1,000.5` (English) or `4 500 000` and
/// `1 000,5` (French). Never rounded: every decimal place held is shown.
pub fn amount(a: Amount, lang: Lang) -> String {
    let (digits, fraction) = a.parts();
    let (sep, point) = i18n::number_marks(lang);
    let mut out = String::new();
    if a.is_negative() {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        // Cents are written as cents: `1,000.50`.
        out.push(point);
        out.push_str(&format!("{fraction:0<2}"));
    }
    out
}

pub fn build<'a>(report: &'a Report, p: &'a Portfolio, lang: Lang) -> PortfolioView<'a> {
    let code = lang.code();
    let s = &report.screenings;
    let reference =
        |i: usize| ProgrammeRef { id: &s[i].id, title: &s[i].title, file: &s[i].file, kind: s[i].kind.as_str() };
    let title = |rule: &str| report.rule(rule).map_or(String::new(), |r| r.title.get(code).to_string());
    PortfolioView {
        portfolio_version: 1,
        lang: code,
        t: i18n::labels(lang),
        tool_version: report.tool_version.clone(),
        today: report.today.to_string(),
        checklists: report.checklists.iter().map(super::view::ChecklistView::of).collect(),
        programmes: s.len(),
        notices: report.notices.iter().map(|n| super::notices::message(n, lang)).collect(),
        by_rating: p
            .by_rating
            .iter()
            .map(|(r, ids)| RatingGroup {
                rating: *r,
                rating_name: i18n::rating(*r, lang),
                count: ids.len(),
                programmes: ids.iter().map(|i| reference(*i)).collect(),
            })
            .collect(),
        areas: RiskArea::ALL.iter().map(|a| Named { id: a.as_str(), name: i18n::area(*a, lang) }).collect(),
        heat: p
            .heat
            .iter()
            .map(|row| HeatRow {
                region: row.region.clone(),
                programmes: row.programmes,
                cells: row
                    .cells
                    .iter()
                    .map(|(r, n)| HeatCell {
                        rating: *r,
                        rating_name: r.map(|r| i18n::rating(r, lang)),
                        letter: letter(*r),
                        count: *n,
                    })
                    .collect(),
            })
            .collect(),
        by_type: p
            .by_type
            .iter()
            .map(|(t, c)| TypeRow {
                kind: t.as_str(),
                type_name: i18n::programme_type(*t, lang),
                low: c[0],
                moderate: c[1],
                substantial: c[2],
                high: c[3],
            })
            .collect(),
        frequent: p
            .frequent
            .iter()
            .map(|(rule, n, r)| Frequent {
                rule: rule.clone(),
                title: title(rule),
                programmes: *n,
                highest: *r,
                highest_name: i18n::rating(*r, lang),
            })
            .collect(),
        budget: p
            .budget
            .iter()
            .map(|(r, sums)| BudgetRow {
                rating: *r,
                rating_name: i18n::rating(*r, lang),
                sums: sums
                    .iter()
                    .map(|(c, t, n)| BudgetSum {
                        currency: c.clone(),
                        total: t.map(Amount::to_f64),
                        total_text: t.map_or_else(|| Label::NotAdded.text(lang).to_string(), |t| amount(t, lang)),
                        programmes: *n,
                    })
                    .collect(),
            })
            .collect(),
        shared_partners: p
            .shared_partners
            .iter()
            .map(|sp| Partner {
                name: &s[sp.first.0].facts.partners[sp.first.1].name,
                concerns: sp.concerns,
                inconsistent_vetting: sp.inconsistent_vetting,
                uses: sp
                    .uses
                    .iter()
                    .map(|(i, n)| {
                        let partner = &s[*i].facts.partners[*n];
                        PartnerUse {
                            programme: &s[*i].id,
                            file: &s[*i].file,
                            line: partner.loc.line,
                            vetted: partner.vetted.map_or("not stated", |a| a.as_str()),
                            vetted_text: partner.vetted.map_or(Label::NotStated.text(lang), |a| i18n::answer(a, lang)),
                            concerns: usize::from(partner.concerns),
                        }
                    })
                    .collect(),
            })
            .collect(),
        reviews: p
            .reviews
            .iter()
            .map(|r| ReviewRow {
                programme: &s[r.programme].id,
                file: &s[r.programme].file,
                stage: s[r.programme].facts.stage,
                last: r.last.map(|d| d.to_string()),
                never_screened: r.never_screened,
                interval_months: r.interval,
                next: r.next.map(|d| d.to_string()),
                overdue: r.overdue,
            })
            .collect(),
        cross: p.cross.iter().map(|f| cross(report, f, lang)).collect(),
        errors: report.errors.iter().map(|e| format!("[{}] {e}", e.code())).collect(),
        withheld: report.screenings.iter().map(|s| usize::from(s.withheld(report))).sum(),
        sensitive: i18n::sensitive_notice(
            report.screenings.iter().map(|s| usize::from(s.sensitive)).sum(),
            report.show_sensitive,
            lang,
        ),
    }
}

fn cross<'a>(report: &'a Report, f: &'a crate::model::PortfolioFinding, lang: Lang) -> Cross<'a> {
    let code = lang.code();
    let s = &report.screenings;
    let rule = report.rule(&f.rule);
    let title = rule.map_or(String::new(), |r| r.title.get(code).to_string());
    let names: Vec<String> = f
        .involved
        .iter()
        .take(LISTED)
        .map(|i| format!("{} ({}:{})", s[i.programme].id, s[i.programme].file, i.loc.line))
        .collect();
    let joiner = Label::InvolvedInline.text(lang);
    let more = more(f.involved.len(), Label::More.text(lang));
    Cross {
        rule: f.rule.clone(),
        title: title.clone(),
        risk_area: f.risk_area.as_str(),
        area_title: i18n::area(f.risk_area, lang),
        rating: f.rating,
        rating_name: i18n::rating(f.rating, lang),
        impact: f.impact,
        likelihood: f.likelihood,
        significance: f.significance,
        shared: f.shared.clone(),
        why: rule.map_or(String::new(), |r| r.rationale.get(code).to_string()),
        mitigation: rule.map_or(String::new(), |r| r.mitigation.get(code).to_string()),
        involved: f
            .involved
            .iter()
            .map(|i| CrossProgramme {
                programme: &s[i.programme].id,
                file: &s[i.programme].file,
                role: i.role.as_str(),
                field: i.field.to_string(),
                line: i.loc.line,
                column: i.loc.column,
            })
            .collect(),
        message: format!("{title} ({}) — {joiner}: {}{more}", f.shared, names.join(", ")),
    }
}

/// The portfolio as JSON.
pub fn json(view: &PortfolioView) -> String {
    let mut text = serde_json::to_string_pretty(view).unwrap_or_default();
    text.push('\n');
    text
}

/// The portfolio through a template (`portfolio.md`, `portfolio.html`).
pub fn document(
    view: &PortfolioView,
    template: &str,
    overrides: Option<&Path>,
) -> Result<String, crate::model::ProblemKind> {
    templates::render_with(overrides, template, view, view.programmes)
}

/// One CSV row per programme: its rating, type, regions, budget, area ratings, next review.
pub fn csv(report: &Report, view: &PortfolioView) -> String {
    use super::csv::cell;
    let mut header: Vec<String> =
        ["file", "programme", "title", "type", "rating", "score", "regions", "budget", "currency", "findings", "gaps"]
            .map(String::from)
            .to_vec();
    header.extend(RiskArea::ALL.iter().map(|a| a.as_str().to_string()));
    header.push("next_screening".into());
    let mut out = header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",") + "\r\n";
    for s in &report.screenings {
        let mut row = vec![
            s.file.clone(),
            s.id.clone(),
            s.title.clone(),
            s.kind.to_string(),
            s.rating.to_string(),
            s.score.to_string(),
            s.facts.regions.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>().join("; "),
            s.facts.budget.as_ref().map_or(String::new(), |(a, _)| crate::model::programme::format_number(*a)),
            s.facts.budget.as_ref().map_or(String::new(), |(_, c)| c.clone()),
            s.raised.len().to_string(),
            s.gap_count.to_string(),
        ];
        for area in RiskArea::ALL {
            row.push(s.risk_areas.iter().find(|(a, _)| a == area).map_or(String::new(), |(_, r)| r.to_string()));
        }
        let review = view.reviews.iter().find(|r| r.programme == s.id);
        row.push(review.map_or(String::new(), |r| {
            format!(
                "{}{}",
                r.next.clone().unwrap_or_else(|| "unknown".into()),
                if r.overdue { " (overdue)" } else { "" }
            )
        }));
        out.push_str(&(row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\r\n"));
    }
    out
}

/// How many programmes a terminal cell lists before "… and N more" (JSON and CSV list all).
const LISTED: usize = 12;

/// How many shared partners and cross-programme findings the terminal shows (the most
/// significant first); JSON, CSV and the documents list all.
const LISTED_SECTIONS: usize = 100;

fn more_sections(total: usize, note: &str) -> String {
    if total > LISTED_SECTIONS { format!("\n… {} {note}", total - LISTED_SECTIONS) } else { String::new() }
}

fn more(total: usize, word: &str) -> String {
    if total > LISTED { format!(" … {} {word}", total - LISTED) } else { String::new() }
}

/// The portfolio on the terminal: compact tables, one per section.
pub fn terminal(view: &PortfolioView, style: Style) -> String {
    let label = |k: Label| k.text(style.lang).to_string();
    let cell = |text: String| (text, None);
    let rated = |text: &str, r: Option<Rating>| (text.to_string(), r);
    let mut out =
        format!("{} — {} {}\n\n", label(Label::PortfolioTitle), view.programmes, label(Label::ProgrammesWord));

    let mut by_rating = Grid::new(style, vec![label(Label::Rating), label(Label::Count), label(Label::ProgrammesWord)]);
    for g in &view.by_rating {
        let ids: Vec<&str> = g.programmes.iter().take(LISTED).map(|p| p.id).collect();
        let listed = format!("{}{}", ids.join(", "), more(g.programmes.len(), &label(Label::More)));
        by_rating.row(vec![rated(g.rating_name, Some(g.rating)), cell(g.count.to_string()), cell(listed)]);
    }
    out.push_str(&format!("{}\n{}\n\n", label(Label::ByRating), by_rating.render()));

    let mut head = vec![label(Label::Region)];
    head.extend(RiskArea::ALL.iter().map(|a| i18n::area_short(*a, style.lang).to_string()));
    let mut heat = Grid::new(style, head);
    for row in &view.heat {
        let mut cells = vec![cell(format!("{} ({})", row.region, row.programmes))];
        cells.extend(row.cells.iter().map(|c| rated(c.letter, c.rating)));
        heat.row(cells);
    }
    out.push_str(&format!("{}\n{}\n{}\n\n", label(Label::HeatMap), heat.render(), label(Label::HeatLegend)));

    let ratings = [Label::Type, Label::RatingHigh, Label::RatingSubstantial, Label::RatingModerate, Label::RatingLow];
    let mut types = Grid::new(style, ratings.iter().map(|k| label(*k)).collect());
    for r in &view.by_type {
        types.row(vec![
            cell(r.kind.to_string()),
            cell(r.high.to_string()),
            cell(r.substantial.to_string()),
            cell(r.moderate.to_string()),
            cell(r.low.to_string()),
        ]);
    }
    out.push_str(&format!("{}\n{}\n\n", label(Label::ByType), types.render()));

    let mut frequent = Grid::new(
        style,
        vec![label(Label::Rule), label(Label::ProgrammesWord), label(Label::HighestRating), label(Label::Title)],
    );
    for f in &view.frequent {
        frequent.row(vec![
            cell(f.rule.clone()),
            cell(f.programmes.to_string()),
            rated(f.highest_name, Some(f.highest)),
            cell(f.title.clone()),
        ]);
    }
    out.push_str(&format!("{}\n{}\n\n", label(Label::Frequent), frequent.render()));

    let mut budget = Grid::new(style, vec![label(Label::Rating), label(Label::Budget), label(Label::ProgrammesWord)]);
    for b in &view.budget {
        for s in &b.sums {
            budget.row(vec![
                rated(b.rating_name, Some(b.rating)),
                cell(match s.total {
                    Some(_) => format!("{} {}", s.total_text, s.currency),
                    None => format!("{} {}", s.currency, s.total_text),
                }),
                cell(s.programmes.to_string()),
            ]);
        }
    }
    out.push_str(&format!("{}\n{}\n\n", label(Label::BudgetByRating), budget.render()));

    out.push_str(&format!("{}\n", label(Label::SharedPartners)));
    let mut partners = Grid::new(
        style,
        vec![label(Label::Partner), label(Label::ProgrammesWord), label(Label::Vetting), label(Label::Concerns)],
    );
    for p in view.shared_partners.iter().take(LISTED_SECTIONS) {
        let mut uses: Vec<String> =
            p.uses.iter().take(LISTED).map(|u| format!("{} ({}:{})", u.programme, u.file, u.line)).collect();
        uses.extend((p.uses.len() > LISTED).then(|| more(p.uses.len(), &label(Label::More))));
        let mut vetting: Vec<&str> = p.uses.iter().map(|u| u.vetted_text).collect();
        vetting.sort_unstable();
        vetting.dedup();
        let mut flag = vetting.join(" / ");
        if p.inconsistent_vetting {
            flag.push_str(&format!(" — {}", label(Label::Inconsistent)));
        }
        partners.row(vec![cell(p.name.to_string()), cell(uses.join("\n")), cell(flag), cell(p.concerns.to_string())]);
    }
    out.push_str(&if partners.is_empty() { label(Label::None) } else { partners.render() });
    out.push_str(&more_sections(view.shared_partners.len(), &label(Label::MoreJson)));

    out.push_str(&format!("\n\n{}\n", label(Label::ReviewsDue)));
    let mut reviews = Grid::new(
        style,
        vec![label(Label::Programme), label(Label::LastScreening), label(Label::NextScreening), label(Label::Status)],
    );
    for r in &view.reviews {
        reviews.row(vec![
            cell(format!("{} ({})", r.programme, r.file)),
            cell(match (&r.last, r.never_screened) {
                (Some(start), true) => format!("{} {start}", label(Label::NeverStarted)),
                (Some(last), false) => last.clone(),
                (None, _) => label(Label::NotStated),
            }),
            cell(r.next.clone().unwrap_or_else(|| label(Label::NotStated))),
            cell(if r.overdue { label(Label::Overdue) } else { label(Label::Due) }),
        ]);
    }
    out.push_str(&if reviews.is_empty() { label(Label::None) } else { reviews.render() });

    out.push_str(&format!("\n\n{}\n", label(Label::CrossFindings)));
    if view.cross.is_empty() {
        out.push_str(&format!("{}\n", label(Label::None)));
    }
    for c in view.cross.iter().take(LISTED_SECTIONS) {
        out.push_str(&format!(
            "[{} {}] {} {} — {}\n",
            c.rating_name.to_uppercase(),
            c.significance,
            c.rule,
            c.title,
            c.shared
        ));
        for p in c.involved.iter().take(LISTED) {
            out.push_str(&format!("    - {} {}:{}:{} ({})\n", p.programme, p.file, p.line, p.column, p.field));
        }
        if c.involved.len() > LISTED {
            out.push_str(&format!("    -{}\n", more(c.involved.len(), &label(Label::More))));
        }
        let colon = label(Label::Colon);
        out.push_str(&format!(
            "    {}{colon} {}\n    {}{colon} {}\n",
            label(Label::Why),
            c.why,
            label(Label::Mitigation),
            c.mitigation
        ));
    }
    out.push_str(&more_sections(view.cross.len(), &label(Label::MoreJson)));
    if let Some(notice) = &view.sensitive {
        out.push_str(&format!("\n{notice}.\n"));
    }
    let checklists: Vec<String> = view.checklists.iter().map(|c| format!("{} {}", c.id, c.version)).collect();
    out.push_str(&format!("\n{} {}.\n", label(Label::Checklist), checklists.join(" + ")));
    let colon = label(Label::Colon);
    for notice in &view.notices {
        out.push_str(&format!("{}{colon} {notice}\n", super::notices::label(style.lang)));
    }
    out
}
